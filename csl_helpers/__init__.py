"""The Cybersecurity Law of the People's Republic of China (网络安全法) as data.

Both versions are here: the 2016 text (in force 2017-06-01 to 2025-12-31, 79 articles) and
the text as amended on 2025-10-28 (in force from 2026-01-01, 81 articles), each in Chinese,
which governs, and English. Start with :func:`load_law`.

>>> from csl_helpers import load_law
>>> law = load_law("2025")
>>> law.article(3).citation("zh")
'第三条'

The package is laid out by concern, each layer building only on those below it (checked by
the import-linter contract in pyproject.toml): ``law`` (the texts), ``penalties`` and
``obligations`` (Chapter 6 and the duties), ``lessons`` (quizzes, scope, incidents, statistics),
and ``views`` (widgets and charts), with ``dashboards`` the one module the Voila dashboards call.
"""

from csl_helpers.law import (
    Article,
    Chapter,
    DataError,
    Item,
    Law,
    Paragraph,
    Provision,
    Reference,
    SearchHit,
    Section,
    concordance,
    counterparts,
    load_law,
    side_by_side,
    version_info,
    version_on,
    versions,
)

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
