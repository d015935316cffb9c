"""The cells every chapter notebook shares, each one call returning a value that displays itself.

A chapter notebook shows its chapter in both versions (:func:`chapter_in_versions`), the
chapter's shape in each (:func:`chapters`), some articles (:func:`articles`), its key terms
(:func:`key_terms`) and the references that cross its border (:func:`cross_references`).
The versions compared are the last amendment's: the version before the latest and the latest
(``successive_versions()[-1]``); everything is read from ``data/``. The chapter's comparison and
its key terms show themselves in the reader's language, ``lang="en"`` (the default) or
``"zh"``: in Chinese with the Chinese text alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from csl_helpers.law.concordance import concordance
from csl_helpers.law.display import (
    RichDisplay,
    Shown,
    Stack,
    card,
    out_of_force_mark,
    table,
    with_note,
)
from csl_helpers.law.glossary import Term, terms_in_chapter
from csl_helpers.law.links import chapter_references
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Article, Chapter, Provision
from csl_helpers.law.version_registry import successive_versions
from csl_helpers.lessons.table_words import cn, in_lang, translate, version_text
from csl_helpers.lessons.words import check_lesson_lang

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


def _opening(article: Article, width: int = 90, lang: str = "en") -> str:
    """The first words of an article's first paragraph in ``lang``, cut at ``width``.

    In Chinese ``width`` counts characters at two columns each.
    """
    text = article.paragraphs[0].zh if lang == "zh" else article.paragraphs[0].en
    if lang == "zh":
        width //= 2
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class ChapterInVersions(RichDisplay):
    """One chapter in the earlier and the later version: each earlier article's new number.

    Shown as a table; its plain text is a line per earlier article and the articles added.
    """

    old: Chapter
    new: Chapter
    lang: str = "en"
    """The reader's language."""

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
        """``Chapter 1: General Provisions / 总则`` (``第一章 总则`` in Chinese): later titles."""
        if self.lang == "zh":
            _ = translate("zh")
            return _("Chapter {number}: {title}").format(
                number=cn(self.new.number), title=self.new.title("zh")
            )
        return f"Chapter {self.new.number}: {self.new.title('en')} / {self.new.title('zh')}"

    languages = ("en", "zh")

    def plain(self, lang: str | None = None) -> str:
        """The heading, a line per earlier article, then the articles added."""
        if lang not in (None, self.lang):
            return replace(self, lang=check_lesson_lang(lang)).plain()
        o, n = self.old.version, self.new.version
        if self.lang == "zh":
            return self._plain_zh()
        lines = [self.heading()]
        lines += [f"  {o} {a.citation()} -> {n} Article {now}" for a, now in self.moves]
        added = ", ".join(a.citation() for a in self.added) or "none"
        lines.append(f"New in {n}: {added}")
        return with_note(o, "\n".join(lines))

    def _plain_zh(self) -> str:
        _ = translate("zh")
        o, n = self.old.version, self.new.version
        lines = [self.heading()]
        lines += [
            f"  {version_text(o, 'zh')}{a.citation('zh')} → "  # the arrow of the side-by-side view
            + (f"{version_text(n, 'zh')}{_article_zh(now)}" if now else _("none"))
            for a, now in self.moves
        ]
        added = "、".join(a.citation("zh") for a in self.added) or _("none")
        lines.append(_("New in {version}: {articles}").format(version=n, articles=added))
        return with_note(o, "\n".join(lines), "zh")

    def to_html(self, lang: str | None = None) -> str:
        """A card: the earlier article, its later number and its opening words, then additions."""
        if lang not in (None, self.lang):
            return replace(self, lang=check_lesson_lang(lang)).to_html()
        o, n = self.old.version, self.new.version
        if self.lang == "zh":
            return self._html_zh()
        rows = [
            [f"{a.citation()} · {a.citation('zh')}", f"Article {now}" if now else "-", _opening(a)]
            for a, now in self.moves
        ]
        rows += [
            [f"new in {n}", f"{a.citation()} · {a.citation('zh')}", _opening(a)] for a in self.added
        ]
        head = [f"{o} text", f"{n} text", "Opening words (English)"]
        return card(self.heading(), table(head, rows), o)

    def _html_zh(self) -> str:
        """The card in Chinese, with the earlier text's out-of-force note in Chinese."""
        _ = translate("zh")
        o, n = self.old.version, self.new.version
        rows = [
            [a.citation("zh"), _article_zh(now) if now else "-", _opening(a, lang="zh")]
            for a, now in self.moves
        ]
        new_in = _("new in {version}").format(version=n)
        rows += [[new_in, a.citation("zh"), _opening(a, lang="zh")] for a in self.added]
        head = [version_text(o, "zh"), version_text(n, "zh"), _("Opening words")]
        return f'<div lang="zh-Hans">{card(self.heading(), table(head, rows), o, "zh")}</div>'


def _article_zh(number: int) -> str:
    """``第三条``: article ``number`` cited in Chinese."""
    return Provision(number).citation("zh")


def chapter_in_versions(chapter: int, lang: str = "en") -> ChapterInVersions:
    """Chapter ``chapter`` in the two versions compared (:func:`compared_versions`), for ``lang``.

    Raises:
        LookupError: for a chapter the Law does not have.
        ValueError: for a language other than ``"en"`` or ``"zh"``.
    """
    translate(lang)
    old, new = compared_versions()
    return ChapterInVersions(load_law(old).chapter(chapter), load_law(new).chapter(chapter), lang)


def chapters(chapter: int, lang: str = "en") -> Stack | Shown:
    """The overview of chapter ``chapter`` in each version compared: sections and articles."""
    return in_lang(Stack(tuple(load_law(v).chapter(chapter) for v in compared_versions())), lang)


def articles(*numbers: int, version: str | None = None, lang: str = "en") -> Stack | Shown:
    """Articles ``numbers`` of ``version`` (default: the latest), each in both languages."""
    law = load_law(version or compared_versions()[1])
    return in_lang(Stack(tuple(law.article(n) for n in numbers), separator="\n\n"), lang)


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
    lang: str = "en"
    """The reader's language."""

    def _where(self, pair: tuple[Term | None, ...]) -> list[str]:
        if self.lang == "zh":
            _ = translate("zh")
            return [
                version_text(v, "zh") + t.defined_in.citation("zh", v) + out_of_force_mark(v, "zh")
                if t
                else _("not used in the {version} chapter").format(version=v)
                for v, t in zip(self.versions, pair, strict=True)
            ]
        return [  # a definition in a text no longer in force says so
            f"{v} {t.defined_in.citation()}{out_of_force_mark(v)}"
            if t
            else f"not used in the {v} chapter"
            for v, t in zip(self.versions, pair, strict=True)
        ]

    languages = ("en", "zh")

    def plain(self, lang: str | None = None) -> str:
        """A line per term: its name in both languages and where each version defines it."""
        if lang not in (None, self.lang):
            return replace(self, lang=check_lesson_lang(lang)).plain()
        if self.lang == "zh":
            _ = translate("zh")
            lines = [
                f"{t.zh}：" + "；".join(self._where(pair))
                for pair in self.terms
                for t in [next(x for x in reversed(pair) if x)]
            ]
            none = _("Chapter {number} uses no defined term.").format(number=cn(self.chapter))
            return "\n".join(lines) or none
        lines = []
        for pair in self.terms:
            t = next(x for x in reversed(pair) if x)
            lines.append(f"{t.en} ({t.zh}): " + ", ".join(self._where(pair)))
        return "\n".join(lines) or f"Chapter {self.chapter} uses no defined term."

    def to_html(self, lang: str | None = None) -> str:
        """A table: the term, where each version defines it, the definition in both languages.

        In Chinese: the term, where it is defined and the Chinese definition.
        """
        if lang not in (None, self.lang):
            return replace(self, lang=check_lesson_lang(lang)).to_html()
        if self.lang == "zh":
            _ = translate("zh")
            rows = [
                [t.zh, "；".join(self._where(pair)), t.definition("zh")]
                for pair in self.terms
                for t in [next(x for x in reversed(pair) if x)]
            ]
            title = _("Key terms of Chapter {number}").format(number=cn(self.chapter))
            head = [_("Term"), _("Defined in"), "定义"]
            return f'<div lang="zh-Hans">{card(title, table(head, rows))}</div>'
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


def key_terms(chapter: int, lang: str = "en") -> KeyTerms:
    """The key terms of chapter ``chapter`` in the versions compared, latest's order first.

    Raises:
        ValueError: for a language other than ``"en"`` or ``"zh"``.
    """
    translate(lang)
    versions = compared_versions()
    found = [{t.id: t for t in terms_in_chapter(v, chapter)} for v in versions]
    order = list(dict.fromkeys([i for f in reversed(found) for i in f]))
    terms = tuple(tuple(f.get(i) for f in found) for i in order)
    return KeyTerms(chapter, terms, versions, lang)


def cross_references(chapter: int, lang: str = "en") -> Stack | Shown:
    """What chapter ``chapter`` cites outside itself and what cites it, in each version."""
    refs = Stack(tuple(chapter_references(v, chapter) for v in compared_versions()))
    return in_lang(refs, lang)
