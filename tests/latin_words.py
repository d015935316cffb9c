"""Find English interface words in a widget tree or an HTML fragment meant for a Chinese reader.

The Law's English text (an element marked ``lang="en"``, or its words quoted between “ and ”
in a Chinese sentence, as a translator's note quotes them), style sheets, citations' digits and
numbers are left aside; any other word in Latin letters is an English word on a Chinese page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import ipywidgets as w

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
QUOTED_ENGLISH = re.compile(r"“[A-Za-z ,.'()-]+”")
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source"}


class _Text(HTMLParser):
    """The text of an HTML fragment outside ``<style>``, ``<script>`` and ``lang="en"``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        hidden = tag in ("style", "script") or dict(attrs).get("lang") == "en"
        self.stack.append(hidden or bool(self.stack and self.stack[-1]))
        title = dict(attrs).get("title")
        if title and not self.stack[-1]:
            self.parts.append(title)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def shown_text(fragment: str) -> str:
    """What a reader sees of ``fragment``, the Law's English text and style sheets left out."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return " ".join(parser.parts)


def latin_words(text: str) -> list[str]:
    """The words in Latin letters of ``text``, English quoted between “ and ” aside."""
    return LATIN_WORD.findall(QUOTED_ENGLISH.sub("", text))


def widgets(root: w.Widget):
    """``root`` and every widget inside it."""
    yield root
    for child in getattr(root, "children", ()):
        yield from widgets(child)


def widget_texts(root: w.Widget) -> dict[str, str]:
    """Every description, tooltip, placeholder, option label and HTML text, by place."""
    out = {}
    for i, widget in enumerate(widgets(root)):
        where = f"{i}:{type(widget).__name__}{list(widget._dom_classes)}"
        for name in ("description", "tooltip", "placeholder"):
            value = getattr(widget, name, None)
            if isinstance(value, str) and value:
                out[f"{where}.{name}"] = value
        if isinstance(widget, w.HTML | w.HTMLMath) and widget.value:
            out[f"{where}.value"] = shown_text(widget.value)
        shown = getattr(widget, "_options_labels", None) or getattr(widget, "labels", None)
        if shown:
            out[f"{where}.options"] = " | ".join(shown)
    return out


def english_in(root: w.Widget) -> dict[str, list[str]]:
    """The English words of a widget tree, by place (empty for a tree all in Chinese)."""
    found = {k: latin_words(v) for k, v in widget_texts(root).items()}
    return {k: v for k, v in found.items() if v}
