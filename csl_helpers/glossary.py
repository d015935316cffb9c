"""The terms the Law defines (2016 Art. 76 / 2025 Art. 78), from ``data/glossary.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .load import DataError, load_law, read_yaml, require, version_ids
from .model import Provision, check_lang


@dataclass(frozen=True)
class Term:
    """A defined term and the item of the Law that defines it."""

    id: str
    version: str
    zh: str
    en: str
    defined_in: Provision

    def name(self, lang: str = "en") -> str:
        """The term itself: ``网络运营者`` / ``Network operator``."""
        return getattr(self, check_lang(lang))

    def definition(self, lang: str = "en") -> str:
        """The defining item's wording, read from the text of the Law."""
        return load_law(self.version).text_of(self.defined_in, lang)


@cache
def glossary(version: str) -> tuple[Term, ...]:
    """The defined terms of ``version``, in the order the Law defines them.

    >>> [t.id for t in glossary("2025")][:3]
    ['network', 'network_security', 'network_operator']
    >>> term("network_operator", "2016").defined_in.citation()
    'Article 76(1)(3)'
    """
    law = load_law(version)
    out = []
    for i, entry in enumerate(read_yaml("glossary.yaml")["terms"]):
        where = f"glossary.yaml, terms[{i}]"
        require(entry, {"id", "zh", "en", "defined_in"}, where)
        if set(map(str, entry["defined_in"])) != set(version_ids()):
            raise DataError(f"{where}.defined_in: needs one provision per version {version_ids()}")
        provision = Provision.parse(entry["defined_in"][version])
        try:
            wording = law.text_of(provision, "zh")
        except LookupError as exc:
            raise DataError(f"{where}.defined_in: {exc}") from None
        if entry["zh"] not in wording:
            raise DataError(f"{where}: {provision.id} does not define {entry['zh']!r}")
        out.append(Term(entry["id"], version, entry["zh"], entry["en"], provision))
    return tuple(out)


def term(term_id: str, version: str) -> Term:
    """The term with id ``term_id``; ``LookupError`` lists the valid ids."""
    terms = glossary(version)
    for t in terms:
        if t.id == term_id:
            return t
    raise LookupError(f"unknown term {term_id!r}; valid terms: {', '.join(t.id for t in terms)}")
