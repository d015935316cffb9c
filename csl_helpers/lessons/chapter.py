"""The cells every chapter notebook shares, each one call returning a value that displays itself.

A chapter notebook shows its chapter in both versions (:func:`chapter_in_versions`), the
chapter's shape in each (:func:`chapters`), some articles (:func:`articles`), its key terms
(:func:`key_terms`) and the references that cross its border (:func:`cross_references`).
The versions compared are the last amendment's: the version before the latest and the latest
(``successive_versions()[-1]``); everything is read from ``data/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from csl_helpers.law.concordance import concordance
from csl_helpers.law.display import RichDisplay, Stack, card, table, with_note
from csl_helpers.law.glossary import Term, terms_in_chapter
from csl_helpers.law.links import chapter_references
from csl_helpers.law.load import load_law, successive_versions
from csl_helpers.law.model import Article, Chapter

__all__ = [
    "ChapterInVersions",
    "KeyTerms",
    "articles",
    "chapter_in_versions",
    "chapters",
    "cross_references",
    "key_terms",
    "compared_versions",
]


def compared_versions() -> tuple[str, str]:
    """The ids of the versions a chapter notebook compares: the last amendment's two."""
    old, new = successive_versions()[-1]
    return old.id, new.id


def _opening(article: Article, width: int = 90) -> str:
    """The first words of an article's first paragraph in English, cut at ``width``."""
    text = article.paragraphs[0].en
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class ChapterInVersions(RichDisplay):
    """One chapter in the earlier and the later version: each earlier article's new number.

    Shown as a table; its plain text is a line per earlier article and the articles added.
    """

    old: Chapter
    new: Chapter

    @property
    def moves(self) -> tuple[tuple[Article, int | None], ...]:
        """Each earlier article and its number in the later version (``None``: none)."""
        return tuple(
            (a, concordance(a.number, a.version, self.new.version)) for a in self.old.articles
        )

    @property
    def added(self) -> tuple[Article, ...]:
        """The later version's articles of the chapter with no earlier counterpart."""
        return tuple(
            a
            for a in self.new.articles
            if concordance(a.number, a.version, self.old.version) is None
        )

    def heading(self) -> str:
        """``Chapter 1: General Provisions / 总则``, the titles of the later version."""
        return f"Chapter {self.new.number}: {self.new.title('en')} / {self.new.title('zh')}"

    def plain(self) -> str:
        """The heading, a line per earlier article, then the articles added."""
        o, n = self.old.version, self.new.version
        lines = [self.heading()]
        lines += [f"  {o} {a.citation()} -> {n} Article {now}" for a, now in self.moves]
        added = ", ".join(a.citation() for a in self.added) or "none"
        lines.append(f"New in {n}: {added}")
        return with_note(o, "\n".join(lines))

    def to_html(self) -> str:
        """A card: the earlier article, its later number and its opening words, then additions."""
        o, n = self.old.version, self.new.version
        rows = [
            [f"{a.citation()} · {a.citation('zh')}", f"Article {now}" if now else "-", _opening(a)]
            for a, now in self.moves
        ]
        rows += [
            [f"new in {n}", f"{a.citation()} · {a.citation('zh')}", _opening(a)] for a in self.added
        ]
        head = [f"{o} text", f"{n} text", "Opening words (English)"]
        return card(self.heading(), table(head, rows), o)


def chapter_in_versions(chapter: int) -> ChapterInVersions:
    """Chapter ``chapter`` in the two versions compared (:func:`compared_versions`).

    Raises:
        LookupError: for a chapter the Law does not have.
    """
    old, new = compared_versions()
    return ChapterInVersions(load_law(old).chapter(chapter), load_law(new).chapter(chapter))


def chapters(chapter: int) -> Stack:
    """The overview of chapter ``chapter`` in each version compared: sections and articles."""
    return Stack(tuple(load_law(v).chapter(chapter) for v in compared_versions()))


def articles(*numbers: int, version: str | None = None) -> Stack:
    """Articles ``numbers`` of ``version`` (default: the latest), each in both languages."""
    law = load_law(version or compared_versions()[1])
    return Stack(tuple(law.article(n) for n in numbers), separator="\n\n")


@dataclass(frozen=True)
class KeyTerms(RichDisplay):
    """The defined terms a chapter uses, and where each version defines them.

    A term one version's chapter does not use says so. The definitions quoted are the latest
    version's (2016 Art. 76 / 2025 Art. 78).
    """

    chapter: int
    terms: tuple[tuple[Term | None, ...], ...]
    """Per term, one entry per version compared (``None`` where that chapter does not use it)."""
    versions: tuple[str, ...]

    def _where(self, pair: tuple[Term | None, ...]) -> list[str]:
        return [
            f"{v} {t.defined_in.citation()}" if t else f"not used in the {v} chapter"
            for v, t in zip(self.versions, pair, strict=True)
        ]

    def plain(self) -> str:
        """A line per term: its name in both languages and where each version defines it."""
        lines = []
        for pair in self.terms:
            t = next(x for x in reversed(pair) if x)
            lines.append(f"{t.en} ({t.zh}): " + ", ".join(self._where(pair)))
        return "\n".join(lines) or f"Chapter {self.chapter} uses no defined term."

    def to_html(self) -> str:
        """A table: the term, where each version defines it, the definition in both languages."""
        rows = []
        for pair in self.terms:
            t = next(x for x in reversed(pair) if x)
            rows.append(
                [
                    f"{t.en} · {t.zh}",
                    "; ".join(self._where(pair)),
                    t.definition("en"),
                    t.definition("zh"),
                ]
            )
        head = ["Term", "Defined in", "Definition", "定义"]
        return card(f"Key terms of Chapter {self.chapter}", table(head, rows))


def key_terms(chapter: int) -> KeyTerms:
    """The key terms of chapter ``chapter`` in the versions compared, latest's order first."""
    versions = compared_versions()
    found = [{t.id: t for t in terms_in_chapter(v, chapter)} for v in versions]
    order = list(dict.fromkeys([i for f in reversed(found) for i in f]))
    terms = tuple(tuple(f.get(i) for f in found) for i in order)
    return KeyTerms(chapter, terms, versions)


def cross_references(chapter: int) -> Stack:
    """What chapter ``chapter`` cites outside itself and what cites it, in each version."""
    return Stack(tuple(chapter_references(v, chapter) for v in compared_versions()))
