"""Widgets and HTML for reading the Law: the explorer, article views, comparisons, charts."""
