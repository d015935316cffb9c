"""The terms the Law defines (2016 Art. 76 / 2025 Art. 78), from ``data/glossary.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.display import RichDisplay, card, lang_div, table, with_note
from csl_helpers.law.load import load_law, resolve_provision
from csl_helpers.law.model import Provision, check_lang
from csl_helpers.law.version_registry import version_ids


@dataclass(frozen=True)
class Term(RichDisplay):
    """A defined term and the item of the Law that defines it.

    In a notebook it shows itself as a card: the term and its definition in both languages.
    """

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

    languages = ("en", "zh")

    def heading(self, lang: str = "en") -> str:
        """``Network operator / 网络运营者, 2016 text, Article 76(3)`` (Chinese alone in zh)."""
        if check_lang(lang) == "zh":
            cited = self.defined_in.citation("zh", self.version)
            return f"{self.zh}（{self.version}年文本{cited}）"
        return f"{self.en} / {self.zh}, {self.version} text, {self.defined_in.citation()}"

    def plain(self, lang: str = "en") -> str:
        """The heading, then the definition in English and in Chinese (in Chinese alone, zh)."""
        if check_lang(lang) == "zh":
            return with_note(self.version, f"{self.heading('zh')}\n  {self.definition('zh')}", "zh")
        text = f"{self.heading()}\n  {self.definition('en')}\n  {self.definition('zh')}"
        return with_note(self.version, text)

    def to_html(self, lang: str = "en") -> str:
        """A card: the definition in two columns, the Chinese marked as governing (zh: alone)."""
        if check_lang(lang) == "zh":
            body = lang_div(self.definition("zh"), "zh")
            return card(self.heading("zh"), body, self.version, "zh")
        cells = [lang_div(self.definition(x), x) for x in ("en", "zh")]
        body = table(
            [self.defined_in.citation("en"), self.defined_in.citation("zh")], [cells], raw=True
        )
        return card(self.heading(), body, self.version)


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
        provision = resolve_provision(entry["defined_in"][version], version, f"{where}.defined_in")
        wording = law.text_of(provision, "zh")
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


@dataclass(frozen=True)
class TermUse:
    """Where a defined term occurs in a text: ``text[start:end]`` names ``term``."""

    term: Term
    start: int
    end: int


def find_terms(text: str, version: str, lang: str = "en") -> tuple[TermUse, ...]:
    """The first occurrence of each defined term in ``text``, in text order.

    Longer terms win over the shorter ones inside them (``网络运营者`` over ``网络``); English
    matching ignores case, takes whole words and a plural ``s``.

    >>> [(u.term.id, u.start) for u in find_terms("Network operators keep logs", "2025")]
    [('network_operator', 0)]
    """
    check_lang(lang)
    terms = sorted(glossary(version), key=lambda t: -len(t.name(lang)))
    if lang == "en":
        alternatives = "|".join(rf"\b{re.escape(t.en)}s?\b" for t in terms)
        pattern = re.compile(alternatives, re.IGNORECASE)
    else:
        pattern = re.compile("|".join(re.escape(t.zh) for t in terms))
    by_name = {t.name(lang).lower(): t for t in terms}
    seen: set[str] = set()
    out = []
    for m in pattern.finditer(text):
        found = m.group().lower()
        t = by_name.get(found) or by_name[found[:-1]]
        if t.id not in seen:
            seen.add(t.id)
            out.append(TermUse(t, m.start(), m.end()))
    return tuple(out)


def terms_in_chapter(version: str, chapter: int, lang: str = "zh") -> tuple[Term, ...]:
    """The defined terms that the articles of ``chapter`` use, in glossary order.

    Found in the Chinese text by default, which governs (the English sometimes says
    "cybersecurity" where the Chinese says 网络安全).

    >>> [t.id for t in terms_in_chapter("2025", 5)]
    ['network', 'network_security', 'network_operator']
    """
    law = load_law(version)
    used = {
        u.term.id
        for a in law.chapter(chapter).articles
        for u in find_terms(a.text(lang), version, lang)
    }
    return tuple(t for t in glossary(version) if t.id in used)
