"""The dashboards in English or Chinese: the language switch, and words that follow it.

A dashboard's model has a ``lang`` trait (:class:`~csl_helpers.views.traits.UiLang`). Its
view builds its controls with their English labels marked by :func:`N_`, then
:class:`StaticLabels` notes which of them the catalogues translate and sets them in the
model's language, again at every switch; what the view draws from the model it words with
:meth:`Translated._` at the time it draws, and draws again on a switch. The catalogues are
read once per process (:mod:`csl_helpers.translation`), so a switch only sets text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape
from urllib.parse import parse_qs

import ipywidgets as w
from traitlets import HasTraits, link

from csl_helpers import pages
from csl_helpers.translation import (
    N_,
    UI_LANG_NAMES,
    UI_LANGS,
    check_ui_lang,
    gettext_for,
    ngettext_for,
)
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.widget_internals import Selection, relabel_options

Menu = Selection | ChoiceButtons
"""A control that offers labelled options: ipywidgets' selections and the choice buttons."""


def relabel(widget: Menu, options: tuple[tuple[str, object], ...]) -> None:
    """Give a menu new labels for the same values, keeping its choice."""
    if isinstance(widget, ChoiceButtons):
        widget.options = options  # keeps the value where it is still offered
    else:
        relabel_options(widget, options)


__all__ = [
    "N_",
    "UI_LANGS",
    "StaticLabels",
    "Translated",
    "check_ui_lang",
    "gettext_for",
    "lang_from_query",
    "lang_switch",
]
SWITCH_CLASS = "csl-ui-lang"
"""The class of the 中文 / English switch, whose labels no language changes."""
LABELLED = ("description", "placeholder", "tooltip")
"""The text traits of a control that hold interface words."""
HIDE_INTRO = "<style>.celltag_csl-intro { display: none; }</style>"
"""Hides a dashboard notebook's English opening cell (tagged ``csl-intro``) on a Chinese page;
the dashboard then shows its own translated title and introduction (marked
``csl-widget-intro``: the page template's own copy, shown until the widgets came, then hides)."""

INTROS = pages.INTROS
"""Each dashboard's title and introduction, which the widget shows on a page not in English
(the notebook's own opening cell, in English, is then hidden by :data:`HIDE_INTRO`)."""
TITLES = pages.TITLES
"""Each dashboard's page title (its browser tab); in English, its notebook's ``title``."""


class Translated:
    """A view whose words follow ``self.model.lang``: ``self._("…")`` translates one."""

    model: HasTraits

    def _(self, message: str) -> str:
        """``message`` in the model's language."""
        return gettext_for(self.model.lang)(message)

    def _n(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural sentence for ``n``, in the model's language."""
        return ngettext_for(self.model.lang)(singular, plural, n)

    def _f(self, message: str, **values: object) -> str:
        """``message`` in the model's language, its ``{placeholders}`` filled with ``values``."""
        return gettext_for(self.model.lang)(message).format(**values)

    def _show_words(self, name: str, menus: dict[Menu, Callable[[], list]]) -> None:
        """Word the page's fixed labels, the ``menus`` and the introduction in the model's language.

        ``name`` is the dashboard's (a key of :data:`INTROS` and :data:`TITLES`); the view has
        ``labels``, ``intro`` and ``page``, its
        :class:`~csl_helpers.views.page_address.PageAddress`.
        """
        lang = self.model.lang
        self.labels.show(lang)  # type: ignore[attr-defined]
        for widget, options in menus.items():
            relabel(widget, tuple(options()))
        intro = self._(INTROS[name])
        shown = "" if lang == "en" else f'{HIDE_INTRO}<div class="csl-widget-intro">{intro}</div>'
        self.intro.value = shown  # type: ignore[attr-defined]
        with self.page.hold_sync():  # type: ignore[attr-defined]
            self.page.title = self._(TITLES[name])  # type: ignore[attr-defined]
            self.page.lang = pages.HTML_LANGS[lang]  # type: ignore[attr-defined]


def _widgets(root: w.Widget) -> Iterator[w.Widget]:
    yield root
    for child in getattr(root, "children", ()):
        yield from _widgets(child)


class StaticLabels:
    """The fixed words of a view's controls and headings, set in the language asked for.

    Built over the widgets as a view made them (in English, marked with :func:`N_`), it
    notes each label, placeholder, tooltip, HTML heading and option label the catalogues
    translate; :meth:`show` sets them all in one language.
    """

    def __init__(self, root: w.Widget) -> None:
        zh = gettext_for("zh")
        self._texts: list[tuple[w.Widget, str, str]] = []
        self._options: list[tuple[Menu, tuple]] = []
        for widget in _widgets(root):
            names = LABELLED + (("value",) if isinstance(widget, w.HTML) else ())
            for name in names:
                text = getattr(widget, name, None)
                if isinstance(text, str) and text and zh(text) != text:
                    self._texts.append((widget, name, text))
            if isinstance(widget, LangSwitch):
                continue  # the switch names each language in that language
            if isinstance(widget, Menu) and any(
                zh(str(label)) != label for label, _ in _pairs(widget.options)
            ):
                self._options.append((widget, tuple(_pairs(widget.options))))

    def show(self, lang: str) -> None:
        """Set every noted word in ``lang`` (``"en"`` or ``"zh"``)."""
        _ = gettext_for(check_ui_lang(lang))
        for widget, name, message in self._texts:
            setattr(widget, name, _(message))
        for widget, options in self._options:
            relabel(widget, tuple((_(label), value) for label, value in options))


def _pairs(options: tuple) -> list[tuple[str, object]]:
    return [o if isinstance(o, tuple) else (str(o), o) for o in options]


class LangSwitch(ChoiceButtons):
    """The language switch's own kind of radio group, so a relabelling can pass it by."""


def lang_switch(model: HasTraits) -> ChoiceButtons:
    """The 中文 / English switch, tied to ``model.lang`` both ways.

    One radio group named in both languages, each language named in itself, so it reads the
    same whatever the page's language.
    """
    switch = LangSwitch(
        options=[(UI_LANG_NAMES[code], code) for code in ("zh", "en")],
        value=model.lang,
        description="语言 · Language",
    )
    switch.add_class(SWITCH_CLASS)
    link((switch, "value"), (model, "lang"))
    return switch


def lang_from_query(query: str) -> tuple[str | None, str]:
    """The interface language a page's query asks for (``?lang=zh``), and a message if it is bad.

    No ``lang`` gives ``None`` (keep the language the dashboard has) and no message; a value
    other than ``en`` or ``zh`` gives English and a message naming the valid choices.

    >>> lang_from_query("version=2025&lang=zh")
    ('zh', '')
    >>> lang_from_query("lang=fr")[1]
    "lang must be one of en, zh; got 'fr'. Showing English."
    """
    values = parse_qs(query or "", keep_blank_values=True).get("lang", [])
    if not values:
        return None, ""
    if len(values) > 1:
        return "en", f"lang is given {len(values)} times; give it once (en or zh). Showing English."
    try:
        return check_ui_lang(values[0]), ""
    except ValueError as exc:
        return "en", f"{exc}. Showing English."


def with_lang_read(model: HasTraits, query: str) -> tuple[str, str]:
    """A page's address with a bad ``lang`` taken out, and the message that tells it.

    A bad ``lang`` sets ``model.lang`` to English; a good one is left in the address, for the
    model to read with the rest.
    """
    lang, problem = lang_from_query(query)
    if not problem:
        return query, ""
    model.lang = "en"
    return without_lang(query), problem


def without_lang(query: str) -> str:
    """``query`` without its ``lang`` parameter, for a dashboard that reads the rest itself.

    >>> without_lang("lang=zh&version=2025&article=61")
    'version=2025&article=61'
    """
    kept = [part for part in (query or "").split("&") if part and part.split("=")[0] != "lang"]
    return "&".join(kept)


def message_html(text: str) -> str:
    """A message for the page (a bad ``?lang=``), or nothing for no message."""
    if not text:
        return ""
    return f'<p role="alert" style="color:#a00;font-weight:bold">{escape(text)}</p>'
