"""What the notebooks teach with: quizzes, scope, incidents, definitions, statistics."""
