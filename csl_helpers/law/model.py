"""Value objects for the Law: provisions, articles, chapters and the whole text of one version.

Every value is a frozen dataclass. The wording lives in ``data/`` and reaches these objects
through :mod:`csl_helpers.law.load`; nothing here holds law text of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from csl_helpers.law.display import RichDisplay, card, lang_div, table, with_note
from csl_helpers.law.numerals import parse_cn, to_cn
from csl_helpers.law.version_registry import sole_paragraph

Lang = Literal["en", "zh"]
LANGS: tuple[str, ...] = ("en", "zh")


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of the suite's languages, else raise ``ValueError``."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(map(repr, LANGS))}, not {lang!r}")
    return lang


@dataclass(frozen=True, order=True)
class Provision:
    """A place in the Law: an article, or a paragraph (款) of it, or an item (项) of a paragraph.

    Ids follow Akoma Ntoso naming (``art_21__para_1__point_3``) and citations render in
    both languages; :meth:`parse` reads either form back.

    >>> p = Provision(21, 1, 3)
    >>> p.id, p.citation("en"), p.citation("zh")
    ('art_21__para_1__point_3', 'Article 21(1)(3)', '第二十一条第一款第三项')
    >>> Provision.parse("第二十二条第三款") == Provision.parse("Article 22(3)") == Provision(22, 3)
    True
    """

    article: int
    """The article number (条) in the version the provision belongs to."""
    paragraph: int | None = None
    """The paragraph (款), counted from 1; ``None`` for the whole article."""
    item: int | None = None
    """The item (项) within the paragraph; ``None`` for the whole paragraph."""

    def __post_init__(self) -> None:
        if self.item is not None and self.paragraph is None:
            raise ValueError("an item needs its paragraph")

    @property
    def id(self) -> str:
        """The provision's id, e.g. ``art_21__para_1``."""
        out = f"art_{self.article}"
        if self.paragraph is not None:
            out += f"__para_{self.paragraph}"
        if self.item is not None:
            out += f"__point_{self.item}"
        return out

    def citation(self, lang: str = "en", version: str | None = None) -> str:
        """The provision cited as ``Article 59(2)`` or ``第五十九条第二款``.

        In Chinese an item is 第三项, as the Law cites items (第七十一条第一款第二项), without the
        brackets of its marker （三）. Given the ``version`` the provision belongs to, a paragraph
        that is its article's only one is not named in Chinese: the Law and the Decision cite
        such an article as 第六十条, its items as 第六十九条第一项 (Decision, item 11). The English
        keeps ``(1)``, which tells the paragraph from an item.

        >>> Provision(60, 1).citation("zh", "2016"), Provision(69, 1, 1).citation("zh", "2016")
        ('第六十条', '第六十九条第一项')
        >>> Provision(59, 1).citation("zh", "2016"), Provision(60, 1).citation("en", "2016")
        ('第五十九条第一款', 'Article 60(1)')
        """
        if check_lang(lang) == "en":
            parts = (p for p in (self.paragraph, self.item) if p is not None)
            return f"Article {self.article}" + "".join(f"({p})" for p in parts)
        out = f"第{to_cn(self.article)}条"
        if self.paragraph is not None and not (
            self.paragraph == 1 and version is not None and sole_paragraph(version, self.article)
        ):
            out += f"第{to_cn(self.paragraph)}款"
        return out + (f"第{to_cn(self.item)}项" if self.item is not None else "")

    @classmethod
    def parse(cls, text: str) -> Provision:
        """Read an id or a citation in either language back into a provision.

        An item cited without its paragraph (第六十九条第一项, the form of a one-paragraph
        article) is read as an item of the first paragraph.

        Raises:
            ValueError: if ``text`` is none of the three forms.
        """
        text = text.strip()
        for pattern, convert in _PROVISION_FORMS:
            if m := pattern.fullmatch(text):
                article, paragraph, item = (convert(g) if g else None for g in m.groups())
                if item is not None and paragraph is None:
                    paragraph = 1
                return cls(article, paragraph, item)  # type: ignore[arg-type]
        raise ValueError(
            f"not a provision id or citation: {text!r} "
            "(expected e.g. 'art_21__para_1', 'Article 21(1)' or '第二十一条第一款')"
        )


_CN = "[零一二三四五六七八九十百两]+"
_PROVISION_FORMS = (
    (re.compile(r"art_(\d+)(?:__para_(\d+))?(?:__point_(\d+))?"), int),
    (re.compile(r"Article (\d+)(?:\((\d+)\))?(?:\((\d+)\))?"), int),
    (re.compile(f"第({_CN})条(?:第({_CN})款)?(?:第（?({_CN})）?项)?"), parse_cn),
)


class Bilingual:
    """Mixin for a value worded in Chinese (``zh``, which governs) and English (``en``)."""

    zh: str
    en: str

    def text(self, lang: str = "en") -> str:
        """The wording in ``lang`` (``"en"`` or ``"zh"``)."""
        return getattr(self, check_lang(lang))


@dataclass(frozen=True)
class TranslatorNote(Bilingual):
    """A translator's note on the English (``data/translator-notes.yaml``), in both languages."""

    zh: str
    en: str


@dataclass(frozen=True)
class Item(Bilingual):
    """A numbered item (项) of a paragraph, with its marker: ``（一）…`` / ``(1) …``."""

    number: int
    zh: str
    en: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (款) of an article and the items listed under it."""

    number: int
    zh: str
    en: str
    items: tuple[Item, ...] = ()

    def text(self, lang: str = "en") -> str:
        """The paragraph's wording in ``lang``, items on lines of their own."""
        check_lang(lang)
        return "\n".join([getattr(self, lang), *(i.text(lang) for i in self.items)])


@dataclass(frozen=True)
class Article(RichDisplay):
    """An article (条) of one version of the Law, in Chinese and English.

    ``en_source`` says where the English comes from (see ``data/README.md``); the Chinese
    text governs. ``notes`` are translator's notes where the English departs from it. In a
    notebook it shows itself as a card: both languages side by side, and a note where its
    version is no longer in force.
    """

    version: str
    number: int
    chapter: int
    section: int | None
    paragraphs: tuple[Paragraph, ...]
    en_source: str
    notes: tuple[TranslatorNote, ...] = ()

    def text(self, lang: str = "en") -> str:
        """The article's wording in ``lang``: paragraphs separated by a blank line."""
        return "\n\n".join(p.text(lang) for p in self.paragraphs)

    def citation(self, lang: str = "en") -> str:
        """``Article 21`` or ``第二十一条``."""
        return Provision(self.number).citation(lang)

    def paragraph(self, n: int) -> Paragraph:
        """Paragraph ``n`` (from 1); ``LookupError`` names the valid range."""
        if not 1 <= n <= len(self.paragraphs):
            raise LookupError(
                f"{self.citation()} of the {self.version} text has paragraphs 1 to "
                f"{len(self.paragraphs)}, not {n}"
            )
        return self.paragraphs[n - 1]

    languages = ("en", "zh")

    def heading(self, lang: str = "en") -> str:
        """``Article 1 / 第一条 (2016 text)``; in Chinese ``第一条（2016年文本）``."""
        if check_lang(lang) == "zh":
            return f"{self.citation('zh')}（{self.version}年文本）"
        return f"{self.citation('en')} / {self.citation('zh')} ({self.version} text)"

    def plain(self, lang: str = "en") -> str:
        """The heading, the out-of-force note if any, the English, then the Chinese (zh: alone)."""
        if check_lang(lang) == "zh":
            return with_note(self.version, f"{self.heading('zh')}\n{self.text('zh')}", "zh")
        return with_note(self.version, f"{self.heading()}\n{self.text('en')}\n\n{self.text('zh')}")

    def to_html(self, lang: str = "en") -> str:
        """A card: the two languages in two columns, the Chinese governing (zh: it alone)."""
        if check_lang(lang) == "zh":
            return card(self.heading("zh"), lang_div(self.text("zh"), "zh"), self.version, "zh")
        cells = [lang_div(self.text("en"), "en"), lang_div(self.text("zh"), "zh")]
        notes = "".join(
            f"<p><small>{lang_div(n.en, 'en')}{lang_div(n.zh, 'zh')}</small></p>"
            for n in self.notes
        )
        body = table(["English", "中文 (governs)"], [cells], raw=True) + notes
        return card(self.heading(), body, self.version)


@dataclass(frozen=True)
class Section:
    """A section (节) of a chapter."""

    number: int
    titles: dict[str, str] = field(hash=False, compare=True)
    articles: tuple[Article, ...] = ()

    def title(self, lang: str = "en") -> str:
        """The section heading without its number, e.g. ``一般规定``."""
        return self.titles[check_lang(lang)]


@dataclass(frozen=True)
class Chapter(RichDisplay):
    """A chapter (章): its title, its sections (often none) and its articles in order.

    In a notebook it shows itself as an overview: a table of its articles, with their section
    and opening words, under the chapter's title in both languages.
    """

    number: int
    titles: dict[str, str] = field(hash=False, compare=True)
    sections: tuple[Section, ...] = ()
    articles: tuple[Article, ...] = ()

    def title(self, lang: str = "en") -> str:
        """The chapter heading without its number, e.g. ``Legal Liabilities``."""
        return self.titles[check_lang(lang)]

    @property
    def version(self) -> str:
        """The version the chapter belongs to (that of its articles)."""
        return self.articles[0].version

    languages = ("en", "zh")

    def heading(self, lang: str = "en") -> str:
        """``Chapter 1: General Provisions / 总则 (2016 text), Articles 1 to 14`` / ``第一章…``."""
        first, last = self.articles[0], self.articles[-1]
        if check_lang(lang) == "zh":
            return (
                f"第{to_cn(self.number)}章 {self.title('zh')}（{self.version}年文本），"
                f"{first.citation('zh')}至{last.citation('zh')}"
            )
        return (
            f"Chapter {self.number}: {self.title('en')} / {self.title('zh')} "
            f"({self.version} text), Articles {first.number} to {last.number}"
        )

    def plain(self, lang: str = "en") -> str:
        """The heading, the out-of-force note if any, and a line per section."""
        lines = [self.heading(lang)]
        for s in self.sections:
            first, last = s.articles[0], s.articles[-1]
            lines.append(
                f"  Section {s.number}: {s.title('en')}: Articles {first.number} to {last.number}"
                if lang == "en"
                else f"  第{to_cn(s.number)}节 {s.title('zh')}："
                f"{first.citation('zh')}至{last.citation('zh')}"
            )
        return with_note(self.version, "\n".join(lines), lang)

    def to_html(self, lang: str = "en") -> str:
        """A card, a row per article: citation, section, opening words (in Chinese alone, zh)."""
        zh = check_lang(lang) == "zh"
        section = {a.number: s for s in self.sections for a in s.articles}
        rows = []
        for a in self.articles:
            s = section.get(a.number)
            if zh:
                where = f"第{to_cn(s.number)}节 {s.title('zh')}" if s else ""
                opening = a.paragraphs[0].zh
                opening = opening if len(opening) <= 45 else opening[:44] + "…"
                rows.append([a.citation("zh"), where, opening])
                continue
            where = f"{s.number}. {s.title('en')} / {s.title('zh')}" if s else ""
            opening = a.paragraphs[0].en
            opening = opening if len(opening) <= 90 else opening[:89].rstrip() + "…"
            rows.append([a.citation("en"), a.citation("zh"), where, opening])
        head = (
            ["条", "节", "开头"] if zh else ["Article", "条", "Section", "Opening words (English)"]
        )
        if not self.sections:
            cut = 1 if zh else 2
            head, rows = head[:cut] + head[cut + 1 :], [r[:cut] + r[cut + 1 :] for r in rows]
        return card(self.heading(lang), table(head, rows), self.version, lang)


@dataclass(frozen=True)
class Reference:
    """One provision citing another, as extracted from the Chinese text.

    ``kind`` is ``"cites"``, or ``"borrows_penalty"`` where the source punishes "according to"
    the target (依照前款规定处罚, 依照该款规定处罚). ``text`` is the Chinese wording that names it.
    """

    source: Provision
    target: Provision
    kind: str
    text: str


@dataclass(frozen=True)
class SearchHit:
    """Where a search query occurs: the provision, and a snippet with the match located in it."""

    provision: Provision
    lang: str
    snippet: str
    start: int
    """Offset of the match in ``snippet``."""
    end: int
    version: str | None = None
    """The version searched, which cites a one-paragraph article without 第一款."""

    @property
    def article(self) -> int:
        """The article number of the hit."""
        return self.provision.article

    @property
    def paragraph(self) -> int:
        """The paragraph of the hit (from 1)."""
        return self.provision.paragraph or 1

    @property
    def item(self) -> int | None:
        """The item of the hit, or ``None`` for a paragraph's own text."""
        return self.provision.item
