"""Rich display for notebooks: the HTML tables and cards the Law's values show themselves as.

JupyterLab, Voila and static HTML call an object's ``_repr_html_``; the plain text beside it
(``_repr_pretty_``, what nbval compares) stays deterministic. Everything here is escaped once,
with :func:`html.escape`; nothing imports IPython. A version no longer in force says so
wherever it is shown (:func:`out_of_force_note`), with the dates of ``data/versions.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Any, Protocol

from csl_helpers.law.version_registry import version_info
from csl_helpers.translation import check_ui_lang, gettext_for, worded_date

__all__ = [
    "RichDisplay",
    "Stack",
    "Table",
    "card",
    "lang_div",
    "Shown",
    "not_in_force_since",
    "out_of_force_mark",
    "out_of_force_note",
    "table",
    "version_label",
]

STYLE = (
    "<style>.csl-rich{border-collapse:collapse;margin:0.4em 0}"
    "table.csl-rich th,table.csl-rich td{border:1px solid #ccc;padding:0.25em 0.6em;"
    "text-align:left !important;vertical-align:top;white-space:normal}"
    ".csl-card{border:1px solid #ccc;border-radius:4px;padding:0.4em 0.8em;margin:0.4em 0}"
    ".csl-out-of-force{background:#fff4e5;border-left:4px solid #e69500;padding:0.2em 0.6em}"
    "</style>"
)
"""The little CSS the tables and cards share; it travels with each rendering."""


class _Printer(Protocol):
    def text(self, text: str) -> Any: ...


class RichDisplay:
    """Mixin: ``_repr_html_`` from :meth:`to_html`, plain text from :meth:`plain`.

    A subclass defines both; IPython picks the HTML where it can show it and the plain text
    elsewhere (a terminal, nbval's comparison). ``repr()`` stays the dataclass's own. A
    subclass that words itself in several languages lists them in :attr:`languages` and takes
    ``lang`` in both methods; :meth:`shown_in` then shows it in one of them.
    """

    languages: tuple[str, ...] = ("en",)
    """The languages :meth:`to_html` and :meth:`plain` word the value in."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # IPython takes a class's own __repr__ (a dataclass writes one) before a
        # _repr_pretty_ it only inherits: each subclass gets its own.
        cls._repr_pretty_ = RichDisplay._repr_pretty_  # type: ignore[method-assign]

    def to_html(self) -> str:
        """The object as an HTML fragment (escaped)."""
        raise NotImplementedError

    def plain(self) -> str:
        """The object as plain text, the same on every run."""
        raise NotImplementedError

    def shown_in(self, lang: str) -> Shown:
        """The value as a notebook shows it in ``lang`` (one of :attr:`languages`).

        Raises:
            ValueError: naming ``lang`` and the languages this value is worded in.
        """
        if lang not in self.languages:
            raise ValueError(f"lang must be one of {', '.join(self.languages)}; got {lang!r}")
        return Shown(self, lang)

    def _repr_html_(self) -> str:
        return STYLE + self.to_html()

    def _repr_pretty_(self, p: _Printer, cycle: bool) -> None:
        p.text(self.plain())


@dataclass(frozen=True)
class Shown:
    """A displayable value shown in one language: its HTML and its plain text in ``lang``."""

    value: RichDisplay
    lang: str

    def to_html(self) -> str:
        """The value's HTML in :attr:`lang`."""
        return self.value.to_html(lang=self.lang)  # type: ignore[call-arg]

    def plain(self) -> str:
        """The value's plain text in :attr:`lang`."""
        return self.value.plain(lang=self.lang)  # type: ignore[call-arg]

    def _repr_html_(self) -> str:
        return STYLE + self.to_html()

    def _repr_pretty_(self, p: _Printer, cycle: bool) -> None:
        p.text(self.plain())

    def __str__(self) -> str:
        return self.plain()


def out_of_force_note(version: str, lang: str = "en") -> str | None:
    """``None`` for the version in force, else a sentence in ``lang`` saying since when it is not.

    The one wording of the note wherever a value of an earlier version is shown; the dates are
    those of ``data/versions.yaml`` (the last day a version applied, and the day after it).

    >>> out_of_force_note("2016")
    'The 2016 text is not in force since 2026-01-01 (it applied 2017-06-01 to 2025-12-31).'
    >>> out_of_force_note("2016", "zh")
    '2016年文本自2026年1月1日起不再施行（施行期间为2017年6月1日至2025年12月31日）。'
    >>> out_of_force_note("2025") is None
    True
    """
    _ = gettext_for(check_ui_lang(lang))
    info = version_info(version)
    if info.in_force_until is None:
        return None
    since = info.in_force_until + timedelta(days=1)
    return _(
        "The {version} text is not in force since {since} (it applied {start} to {until})."
    ).format(
        version=info.id,
        since=worded_date(since, lang),
        start=worded_date(info.in_force_from, lang),
        until=worded_date(info.in_force_until, lang),
    )


def not_in_force_since(version: str) -> date | None:
    """The first day ``version`` no longer applied; ``None`` while it is in force."""
    until = version_info(version).in_force_until
    return None if until is None else until + timedelta(days=1)


def out_of_force_mark(version: str, lang: str = "en") -> str:
    """A short mark for a row of ``version`` in a table mixing versions; ``""`` if in force.

    >>> out_of_force_mark("2016", "zh")
    '（已不再施行）'
    >>> out_of_force_mark("2025")
    ''
    """
    _ = gettext_for(check_ui_lang(lang))
    if version_info(version).in_force_until is None:
        return ""
    return _(" (no longer in force)")


def version_label(version: str, lang: str = "en") -> str:
    """``2016 text (no longer in force)`` / ``已不再施行的2016年文本``; the bare label if in force.

    The Chinese puts the mark first, so that it nests in no parenthesis of its own.

    >>> version_label("2016", "zh"), version_label("2025", "zh")
    ('已不再施行的2016年文本', '2025年文本')
    """
    _ = gettext_for(check_ui_lang(lang))
    if not out_of_force_mark(version, lang):
        return _("{version} text").format(version=version)
    return _("{version} text (no longer in force)").format(version=version)


def note_html(version: str, lang: str = "en") -> str:
    """The out-of-force note as a warning line, or ``""`` for the version in force."""
    note = out_of_force_note(version, lang)
    tag = "zh-Hans" if lang == "zh" else "en"
    return f'<p class="csl-out-of-force" lang="{tag}">{escape(note)}</p>' if note else ""


def with_note(version: str, text: str, lang: str = "en") -> str:
    """``text`` with the out-of-force note on the line after its first, where there is one."""
    note = out_of_force_note(version, lang)
    if not note:
        return text
    first, _, rest = text.partition("\n")
    return "\n".join(x for x in (first, note, rest) if x)


def lang_div(text: str, lang: str) -> str:
    """``text`` escaped in a block tagged with its language, lines kept."""
    tag = "zh-Hans" if lang == "zh" else "en"
    body = "<br>".join(escape(line) for line in text.split("\n"))
    return f'<div lang="{tag}">{body}</div>'


def table(
    head: Sequence[str], rows: Iterable[Sequence[str]], *, raw: bool = False, caption: str = ""
) -> str:
    """An HTML table; cells are escaped unless ``raw`` (then they must be HTML already)."""
    cell = (lambda x: x) if raw else escape
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in r) + "</tr>" for r in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f'<table class="csl-rich">{cap}<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def card(title: str, body_html: str, version: str | None = None, lang: str = "en") -> str:
    """A titled box (``title`` escaped, ``body_html`` as given), with the version's note.

    A card worded in Chinese says so (``lang="zh-Hans"``), so that a screen reader in an
    English notebook reads it with a Chinese voice.
    """
    note = note_html(version, lang) if version else ""
    tag = ' lang="zh-Hans"' if lang == "zh" else ""
    return f'<div class="csl-card"{tag}><h4>{escape(title)}</h4>{note}{body_html}</div>'


@dataclass(frozen=True)
class Stack(RichDisplay):
    """Several displayable values shown one after the other (e.g. a chapter in each version).

    Shown in a language (:meth:`shown_in`), each item that words itself in it does so.
    """

    items: tuple[RichDisplay, ...]
    separator: str = "\n"
    """What separates the items' plain texts."""

    languages = ("en", "zh")

    def plain(self, lang: str = "en") -> str:
        """Each item's plain text, in order."""
        return self.separator.join(_in(i, lang).plain() for i in self.items)

    def to_html(self, lang: str = "en") -> str:
        """Each item's HTML, in order."""
        return "".join(_in(i, lang).to_html() for i in self.items)


def _in(item: RichDisplay, lang: str) -> RichDisplay | Shown:
    """``item`` in ``lang`` where it words itself in that language, else as it is."""
    return Shown(item, lang) if lang != "en" and lang in item.languages else item


@dataclass(frozen=True)
class Table(RichDisplay):
    """A titled table of text cells: HTML in a notebook, aligned columns as plain text.

    ``version`` names the version the rows come from, for its out-of-force note; ``None``
    where they come from several or none. ``lang`` is the language the cells are written in,
    the note's language (``shown_in`` may give another).
    """

    title: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    version: str | None = None
    lang: str = "en"

    languages = ("en", "zh")

    def plain(self, lang: str | None = None) -> str:
        """The title, then the rows with their columns padded to a common width."""
        widths = [max(len(r[i]) for r in (self.head, *self.rows)) for i in range(len(self.head))]
        lines = [self.title]
        for r in (self.head, *self.rows):
            cells = [c.ljust(w) for c, w in zip(r, widths, strict=True)]
            lines.append("  " + "  ".join(cells).rstrip())
        text = "\n".join(lines)
        return with_note(self.version, text, lang or self.lang) if self.version else text

    def to_html(self, lang: str | None = None) -> str:
        """A card holding the table."""
        return card(self.title, table(self.head, self.rows), self.version, lang or self.lang)
