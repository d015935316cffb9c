"""The markdown cells of the course, split into the units translated one by one.

The units are headings, paragraphs, list items and quotations; the cell is joined again around
their translations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """One translatable piece of a markdown cell: a heading, a paragraph, a list item, a quote.

    Attributes:
        prefix: The markup before the text on its first line (``"## "``, ``"- "``, ``"> "``).
        text: The words, lines joined with newlines, markup of the lines' starts removed.
        follow: What starts each further line (indentation, or ``"> "`` in a quotation).
    """

    prefix: str
    text: str
    follow: str = ""

    def render(self, text: str) -> str:
        """The unit's markdown with ``text`` for its words."""
        first, *rest = text.split("\n")
        return "\n".join([self.prefix + first, *(self.follow + line for line in rest)])


_HEADING = re.compile(r"^(#{1,6} )")
_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+\.) )")
_QUOTE = re.compile(r"^(> ?)")


def split_markdown(source: str) -> list[str | Unit]:
    r"""A markdown cell as raw strings (blank lines, fenced code, tables) and translatable units.

    >>> parts = split_markdown("## Title\nSome words\ngo on.\n- an item\n  more")
    >>> [p.text if isinstance(p, Unit) else p for p in parts]
    ['Title', '\n', 'Some words\ngo on.', '\n', 'an item\nmore']
    >>> join_markdown(parts) == "## Title\nSome words\ngo on.\n- an item\n  more"
    True
    """
    lines = source.split("\n")
    parts: list[str | Unit] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i:
            parts.append("\n")
        if not line.strip() or line.startswith("|"):
            parts.append(line)
            i += 1
            continue
        if line.startswith("```"):
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("```")), i)
            parts.append("\n".join(lines[i : end + 1]))
            i = end + 1
            continue
        if m := _HEADING.match(line):
            parts.append(Unit(m.group(1), line[m.end() :]))
            i += 1
            continue
        if m := _QUOTE.match(line):
            j = i + 1
            while j < len(lines) and lines[j].startswith(m.group(1)) and lines[j].strip() != ">":
                j += 1
            text = "\n".join(x[len(m.group(1)) :] for x in lines[i:j])
            parts.append(Unit(m.group(1), text, m.group(1)))
            i = j
            continue
        item = _ITEM.match(line)
        prefix = item.group(1) if item else ""
        j = i + 1
        while j < len(lines) and lines[j].strip() and not _starts_unit(lines[j]):
            j += 1
        rest = lines[i + 1 : j]
        follow = re.match(r"\s*", rest[0]).group(0) if rest else ""
        if any(not x.startswith(follow) for x in rest):
            follow = ""
        text = "\n".join([line[len(prefix) :], *(x[len(follow) :] for x in rest)])
        parts.append(Unit(prefix, text, follow))
        i = j
    return parts


def _starts_unit(line: str) -> bool:
    return bool(
        _HEADING.match(line) or _ITEM.match(line) or _QUOTE.match(line) or line.startswith("|")
    )


def join_markdown(parts: list[str | Unit], translate=lambda text: text) -> str:
    """The markdown of ``parts``, each unit's words passed through ``translate``."""
    return "".join(p if isinstance(p, str) else p.render(translate(p.text)) for p in parts)


_LINK = re.compile(r"\]\((\w+)\.ipynb\)")


def edition_links(markdown: str, translated: tuple[str, ...]) -> str:
    """Links to a notebook not yet in the edition (not in ``translated``), pointed at the English.

    >>> edition_links("[a draft](99_draft.ipynb), [start](00_start_here.ipynb)", ("00_start_here",))
    '[a draft](../99_draft.ipynb), [start](00_start_here.ipynb)'
    """
    return _LINK.sub(
        lambda m: m.group(0) if m.group(1) in translated else f"](../{m.group(1)}.ipynb)",
        markdown,
    )
