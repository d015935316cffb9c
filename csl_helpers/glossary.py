"""The module path the README has always used.

The code lives in :mod:`csl_helpers.law.glossary`.
"""

from csl_helpers.law.glossary import Term, find_terms, glossary, term, terms_in_chapter

__all__ = ["Term", "find_terms", "glossary", "term", "terms_in_chapter"]
