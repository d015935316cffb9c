"""The Law itself: its texts in both languages, their structure, citations and concordance.

Everything else in the package builds on this layer; it imports nothing from the others.
Within it, each module builds on those below it, with no circle (pyproject.toml's contract):
``data`` (the files read) and ``version_registry`` (the versions) at the ground, the values
of ``model`` and ``text`` on them, ``load`` building a version of the Law, and the concordance,
the glossary, the links and the amendment Decision asked of it.
"""

from csl_helpers.law.concordance import concordance, counterparts
from csl_helpers.law.data import DataError
from csl_helpers.law.diff import side_by_side
from csl_helpers.law.load import load_law
from csl_helpers.law.model import (
    Article,
    Chapter,
    Item,
    Paragraph,
    Provision,
    Reference,
    SearchHit,
    Section,
)
from csl_helpers.law.text import Law
from csl_helpers.law.version_registry import version_info, version_on, versions

__all__ = [
    "Article",
    "Chapter",
    "DataError",
    "Item",
    "Law",
    "Paragraph",
    "Provision",
    "Reference",
    "SearchHit",
    "Section",
    "concordance",
    "counterparts",
    "load_law",
    "side_by_side",
    "version_info",
    "version_on",
    "versions",
]
