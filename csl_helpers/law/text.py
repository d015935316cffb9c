"""One version of the Law, and the questions asked of it: articles, chapters, search, references."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from csl_helpers.law.model import (
    Article,
    Chapter,
    Provision,
    Reference,
    SearchHit,
    check_lang,
)
from csl_helpers.law.version_registry import Version
from csl_helpers.translation import N_, WordedLookupError

SNIPPET_CONTEXT = 40
"""Characters of context kept on each side of a search match."""


@dataclass(frozen=True)
class Law:
    """The whole text of one version of the Law, in Chinese (which governs) and English.

    Get one with :func:`csl_helpers.load_law`; do not build it by hand.
    """

    info: Version
    titles: dict[str, str] = field(hash=False)
    notes: dict[str, str] = field(hash=False)
    chapters: tuple[Chapter, ...] = ()
    references_all: tuple[Reference, ...] = field(default=(), repr=False)
    """Every reference of the Law to itself, in text order."""

    @property
    def version(self) -> str:
        """``"2016"`` or ``"2025"``."""
        return self.info.id

    @property
    def in_force_from(self) -> date:
        """The day this version came into force."""
        return self.info.in_force_from

    @property
    def in_force_until(self) -> date | None:
        """The last day this version was in force; ``None`` while it is current."""
        return self.info.in_force_until

    def title(self, lang: str = "en") -> str:
        """The Law's title in ``lang``."""
        return self.titles[check_lang(lang)]

    def note(self, lang: str = "en") -> str:
        """The note under the title: when the Law was adopted (and amended)."""
        return self.notes[check_lang(lang)]

    @cached_property
    def articles(self) -> tuple[Article, ...]:
        """All articles, in order."""
        return tuple(a for ch in self.chapters for a in ch.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def article(self, number: int) -> Article:
        """Article ``number``.

        Raises:
            LookupError: naming the valid range, if there is no such article.

        >>> from csl_helpers import load_law
        >>> load_law("2016").article(80)
        Traceback (most recent call last):
        ...
        csl_helpers.translation.WordedLookupError: the 2016 text has Articles 1 to 79, not 80
        """
        if isinstance(number, bool) or not isinstance(number, int):
            raise TypeError(f"article number must be an int, not {number!r}")
        if not 1 <= number <= len(self.articles):
            raise WordedLookupError(
                N_("the {version} text has Articles 1 to {last}, not {number}"),
                version=self.version,
                last=len(self.articles),
                number=number,
            )
        return self.articles[number - 1]

    def chapter(self, number: int) -> Chapter:
        """Chapter ``number``; ``LookupError`` names the valid range."""
        if not 1 <= number <= len(self.chapters):
            raise WordedLookupError(
                N_("the {version} text has Chapters 1 to {last}, not {number}"),
                version=self.version,
                last=len(self.chapters),
                number=number,
            )
        return self.chapters[number - 1]

    def text_of(self, provision: Provision, lang: str = "en") -> str:
        """The wording of an article, paragraph or item."""
        article = self.article(provision.article)
        if provision.paragraph is None:
            return article.text(lang)
        para = article.paragraph(provision.paragraph)
        if provision.item is None:
            return para.text(lang)
        if not 1 <= provision.item <= len(para.items):
            raise LookupError(
                f"{Provision(provision.article, provision.paragraph).citation()} of the "
                f"{self.version} text has {len(para.items)} items, not {provision.item}"
            )
        return para.items[provision.item - 1].text(lang)

    def search(self, query: str, lang: str = "en") -> list[SearchHit]:
        """Every paragraph or item whose text in ``lang`` contains ``query``.

        English matching ignores case. Hits come in text order, one per paragraph or item.

        Raises:
            ValueError: if ``query`` is empty or only whitespace, or ``lang`` is unknown.

        >>> from csl_helpers import load_law
        >>> [h.provision.citation() for h in load_law("2016").search("SIX MONTHS")]
        ['Article 21(1)(3)']
        """
        check_lang(lang)
        if not isinstance(query, str) or not query.strip():
            raise ValueError("search query must be a non-empty string")
        flags = re.IGNORECASE if lang == "en" else 0
        pattern = re.compile(re.escape(query.strip()), flags)
        hits = []
        for provision, text in self._units(lang):
            m = pattern.search(text)
            if m is None:
                continue
            pos, end = m.span()
            lo = max(0, pos - SNIPPET_CONTEXT)
            hi = min(len(text), end + SNIPPET_CONTEXT)
            prefix = "…" if lo else ""
            snippet = prefix + text[lo:hi] + ("…" if hi < len(text) else "")
            start = len(prefix) + pos - lo
            hits.append(SearchHit(provision, lang, snippet, start, start + end - pos, self.version))
        return hits

    def _units(self, lang: str) -> Iterator[tuple[Provision, str]]:
        for article in self.articles:
            for para in article.paragraphs:
                yield Provision(article.number, para.number), getattr(para, lang)
                for item in para.items:
                    yield Provision(article.number, para.number, item.number), item.text(lang)

    def references(self, number: int) -> tuple[Reference, ...]:
        """The provisions that article ``number`` cites, in text order.

        Targets are as precise as the text (article, paragraph, item); ranges are expanded
        and 前款 / 前两款 resolved. Extracted from the Chinese by :mod:`csl_helpers.law.citations`.
        """
        self.article(number)
        return tuple(r for r in self.references_all if r.source.article == number)

    def cited_by(self, number: int) -> tuple[Reference, ...]:
        """The references from other articles to article ``number`` (or to a part of it)."""
        self.article(number)
        return tuple(
            r
            for r in self.references_all
            if r.target.article == number and r.source.article != number
        )
