"""The notebooks' interactive elements: quizzes, the sorter, scope, incidents."""
