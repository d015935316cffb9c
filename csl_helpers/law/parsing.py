"""Read the Law's structured Markdown texts (``data/csl-*/zh.md`` and ``en.md``).

The shape is the one of the sources: ``# title``, a note, ``## 第N章 …`` / ``## Chapter N …``,
``### 第N节 …`` / ``### Section N …``, one line per paragraph starting ``第N条 `` /
``Article N `` for an article's first paragraph, items as ``（一）…`` / ``(1) …``, and one
blank line between paragraphs. HTML comments are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from csl_helpers.law.numerals import parse_cn

_CN = "[零一二三四五六七八九十百两]+"
_PATTERNS = {
    "zh": {
        "chapter": re.compile(f"## 第({_CN})章 (.+)"),
        "section": re.compile(f"### 第({_CN})节 (.+)"),
        "article": re.compile(f"第({_CN})条 (.+)"),
        "item": re.compile(f"（({_CN})）.+"),
    },
    "en": {
        "chapter": re.compile(r"## Chapter (\d+) (.+)"),
        "section": re.compile(r"### Section (\d+) (.+)"),
        "article": re.compile(r"Article (\d+) (.+)"),
        "item": re.compile(r"\((\d+)\) .+"),
    },
}


def _number(lang: str, text: str) -> int:
    return parse_cn(text) if lang == "zh" else int(text)


class TextFormatError(ValueError):
    """A law text file that does not have the expected shape; names the file and line."""


@dataclass
class ParsedParagraph:
    """One paragraph's line and its item lines, as found in the file."""

    text: str
    items: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class ParsedArticle:
    """An article's number, where it sits, and its paragraphs."""

    number: int
    chapter: int
    section: int | None
    paragraphs: list[ParsedParagraph] = field(default_factory=list)


@dataclass
class ParsedText:
    """One file of the Law: title, note, headings and articles in order."""

    title: str
    note: str
    chapters: dict[int, str] = field(default_factory=dict)
    sections: dict[tuple[int, int], str] = field(default_factory=dict)
    articles: list[ParsedArticle] = field(default_factory=list)


def parse_text(source: str, lang: str, name: str = "<text>") -> ParsedText:
    """Parse one law text in ``lang`` (``"zh"`` or ``"en"``); ``name`` labels errors.

    Article, chapter, section and item numbers must run 1, 2, 3… without gaps.

    One pass over the lines, the chapter, section and article being read held in locals: the
    function is kept whole (about 60 lines) so that each kind of line and its order check read
    top to bottom in one place, as the text's layout does.

    Raises:
        TextFormatError: naming the file and line of the first problem.
    """
    pats = _PATTERNS[lang]
    lines = [ln for ln in source.split("\n")]
    parsed: ParsedText | None = None
    note: list[str] = []
    chapter = 0
    section: int | None = None
    article: ParsedArticle | None = None

    def fail(lineno: int, msg: str) -> TextFormatError:
        return TextFormatError(f"{name}, line {lineno}: {msg}")

    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or (line.startswith("<!--") and line.endswith("-->")):
            continue
        if line != line.strip():
            raise fail(lineno, "leading or trailing whitespace")
        if parsed is None:
            if not line.startswith("# "):
                raise fail(lineno, "the file must start with '# <title>'")
            parsed = ParsedText(title=line[2:], note="")
            continue
        if m := pats["chapter"].fullmatch(line):
            number = _number(lang, m.group(1))
            if number != chapter + 1:
                raise fail(lineno, f"chapter {number} follows chapter {chapter}")
            chapter, section, article = number, None, None
            parsed.chapters[number] = m.group(2)
        elif m := pats["section"].fullmatch(line):
            number = _number(lang, m.group(1))
            if number != (section or 0) + 1 or not chapter:
                raise fail(lineno, f"section {number} out of order")
            section, article = number, None
            parsed.sections[(chapter, number)] = m.group(2)
        elif not chapter:
            note.append(line)
        elif m := pats["article"].fullmatch(line):
            number = _number(lang, m.group(1))
            if number != len(parsed.articles) + 1:
                raise fail(lineno, f"article {number} follows article {len(parsed.articles)}")
            article = ParsedArticle(number, chapter, section, [ParsedParagraph(m.group(2))])
            parsed.articles.append(article)
        elif article is None:
            raise fail(lineno, "text outside an article")
        elif m := pats["item"].fullmatch(line):
            items = article.paragraphs[-1].items
            number = _number(lang, m.group(1))
            if number != len(items) + 1:
                raise fail(lineno, f"item {number} follows item {len(items)}")
            items.append((number, line))
        else:
            article.paragraphs.append(ParsedParagraph(line))
    if parsed is None or not parsed.articles:
        raise TextFormatError(f"{name}: no articles found")
    parsed.note = "\n".join(note)
    return parsed


def check_same_shape(zh: ParsedText, en: ParsedText, name: str) -> None:
    """The English must have the Chinese text's chapters, sections, paragraphs and items.

    Raises:
        TextFormatError: naming the file ``name`` and the first article that differs.
    """
    if list(zh.chapters) != list(en.chapters) or list(zh.sections) != list(en.sections):
        raise TextFormatError(f"{name}: chapters or sections differ from the Chinese text")
    if len(zh.articles) != len(en.articles):
        raise TextFormatError(
            f"{name}: {len(en.articles)} articles, the Chinese has {len(zh.articles)}"
        )
    for a_zh, a_en in zip(zh.articles, en.articles, strict=True):
        shape_zh = [(len(p.items)) for p in a_zh.paragraphs]
        shape_en = [(len(p.items)) for p in a_en.paragraphs]
        where = (a_zh.chapter, a_zh.section) == (a_en.chapter, a_en.section)
        if shape_zh != shape_en or not where:
            raise TextFormatError(
                f"{name}: Article {a_zh.number} differs in place, paragraphs or items from the "
                f"Chinese text (items per paragraph: zh {shape_zh}, en {shape_en})"
            )
