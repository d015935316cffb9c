"""The Law itself: its texts in both languages, their structure, citations and concordance.

Everything else in the package builds on this layer; it imports nothing from the others.
"""

from csl_helpers.law.concordance import concordance, counterparts, side_by_side
from csl_helpers.law.load import DataError, load_law, version_info, version_on, versions
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
