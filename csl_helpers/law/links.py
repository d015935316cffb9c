"""The article-to-article graph of the Law, for teaching: which chapter points at which.

This module finds nothing in the text. It takes the references the loader has already read
(:meth:`Law.references`, found by :mod:`csl_helpers.law.citations`) and groups them: by chapter
(:func:`chapter_references`, what enforces a chapter's duties and what the chapter relies on)
and as links between whole articles (:func:`article_links`, the edges a lesson draws).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from csl_helpers.law.display import RichDisplay, card, table, with_note
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision, Reference
from csl_helpers.law.numerals import to_cn
from csl_helpers.translation import check_ui_lang, gettext_for


@dataclass(frozen=True)
class ArticleLink:
    """Article ``source`` cites article ``target``; ``kind`` as in :class:`Reference`."""

    source: int
    target: int
    kind: str


@dataclass(frozen=True)
class ChapterReferences(RichDisplay):
    """The references that cross the border of one chapter of one version.

    In a notebook it shows itself as a table, a row per reference in or out.
    """

    version: str
    chapter: int
    outgoing: tuple[Reference, ...]
    """References from the chapter's articles to articles of other chapters."""
    incoming: tuple[Reference, ...]
    """References from other chapters to the chapter's articles."""

    languages = ("en", "zh")

    def _head(self, lang: str) -> str:
        _ = gettext_for(lang)
        chapter = to_cn(self.chapter) if lang == "zh" else self.chapter
        return _("{version} text, Chapter {chapter}").format(version=self.version, chapter=chapter)

    def summary(self, lang: str = "en") -> str:
        """Plain lines: what the chapter cites outside itself, and what cites it.

        >>> print(chapter_references("2016", 1).summary())
        2016 text, Chapter 1 cites no article outside it.
        Cited from outside by: Article 70 (Chapter 6) cites Article 12(2).
        >>> print(chapter_references("2016", 1).summary("zh").splitlines()[1])
        本章以外引用本章的条文：第七十条（第六章）引用第十二条第二款。
        """
        _ = gettext_for(check_ui_lang(lang))
        zh = lang == "zh"
        head = self._head(lang)
        lines = []
        for refs, none, intro in (
            (
                self.outgoing,
                _("{head} cites no article outside it.").format(head=head),
                _("{head} cites:").format(head=head),
            ),
            (self.incoming, _("No article outside it cites it."), _("Cited from outside by:")),
        ):
            if not refs:
                lines.append(none)
                continue
            by_source: dict[int, list[str]] = {}
            for r in refs:
                targets = by_source.setdefault(r.source.article, [])
                if r.target.citation(lang, self.version) not in targets:
                    targets.append(r.target.citation(lang, self.version))
            parts = [
                _("{article} (Chapter {chapter}) cites {targets}").format(
                    article=Provision(n).citation(lang),
                    chapter=to_cn(c) if zh else c,
                    targets=_(", ").join(t),
                )
                for n, t in by_source.items()
                for c in [chapter_of(self.version, n)]
            ]
            lines.append(intro + ("" if zh else " ") + _("; ").join(parts) + ("。" if zh else "."))
        return "\n".join(lines)

    def plain(self, lang: str = "en") -> str:
        """:meth:`summary`, with the out-of-force note where it applies."""
        return with_note(self.version, self.summary(lang), lang)

    def to_html(self, lang: str = "en") -> str:
        """A table: direction, the citing provision and its chapter, the provision cited."""
        _ = gettext_for(check_ui_lang(lang))
        rows = [
            [
                way,
                r.source.citation(lang, self.version),
                str(chapter_of(self.version, r.source.article)),
                r.target.citation(lang, self.version),
                str(chapter_of(self.version, r.target.article)),
                r.text,
            ]
            for way, refs in ((_("out"), self.outgoing), (_("in"), self.incoming))
            for r in refs
        ]
        head = ["", _("Provision"), _("Chapter"), _("cites"), _("Chapter"), "原文"]
        none = _("No reference crosses its border.")
        body = table(head, rows) if rows else f"<p>{escape(none)}</p>"
        title = _("{head}: references").format(head=self._head(lang))
        return card(title, body, self.version, lang)


def chapter_of(version: str, article: int) -> int:
    """The chapter that holds ``article`` in ``version``."""
    return load_law(version).article(article).chapter


def chapter_references(version: str, chapter: int) -> ChapterReferences:
    """What ``chapter`` cites outside itself, and what cites it from outside.

    >>> refs = chapter_references("2016", 7)
    >>> sorted({r.source.article for r in refs.incoming}), refs.outgoing
    ([], ())
    >>> sorted({r.target.article for r in chapter_references("2025", 6).outgoing})[:3]
    [13, 23, 24]
    """
    law = load_law(version)
    numbers = {a.number for a in law.chapter(chapter).articles}
    outgoing = tuple(
        r
        for r in law.references_all
        if r.source.article in numbers and r.target.article not in numbers
    )
    incoming = tuple(
        r
        for r in law.references_all
        if r.target.article in numbers and r.source.article not in numbers
    )
    return ChapterReferences(version, chapter, outgoing, incoming)


def article_links(version: str) -> tuple[ArticleLink, ...]:
    """Every article that cites another, once per (source, target, kind), in text order.

    References of an article to its own paragraphs are left out.
    """
    seen: dict[ArticleLink, None] = {}
    for r in load_law(version).references_all:
        if r.source.article != r.target.article:
            seen.setdefault(ArticleLink(r.source.article, r.target.article, r.kind), None)
    return tuple(seen)
