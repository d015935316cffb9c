"""Views on the Law: ipywidgets apps and plotly figures built on the pure logic of csl_helpers.

Nothing outside this subpackage imports ipywidgets or plotly.
"""
