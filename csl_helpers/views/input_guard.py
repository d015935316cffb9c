"""What a page sends to a dashboard's widgets, checked before any widget takes it.

A page changes a widget by sending a comm message (``{"method": "update", "state": {...}}``)
on the kernel websocket, and anyone can send one by hand. Left to traitlets, a value of the
wrong type raises a ``TraitError`` inside the kernel's comm handler (the visitor sees nothing,
the log gets a traceback) and a bounded number or date out of range is silently clamped, so the
outcome would be computed from a value nobody chose. :class:`InputGuard` puts itself between the
comm and each control of a dashboard: a change is applied only when every field it names is one
the control's view sends and every value is of the right type and within range; otherwise nothing
changes, the page's control is set back to the value in force, and the guard's ``message`` shows,
escaped, which field was refused and what the valid choices are.

Every other model the page holds is guarded too, layout and style models included: ipywidgets'
own display models (HTML, boxes, outputs, layouts, styles) take no change from the page, so a
change pushed to one is refused with the same message; a tab or accordion takes its open panel;
a model of another package (a chart widget, say) takes what its own code takes, and a value it
fails on is refused with the message instead of a traceback on the page.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from html import escape
from typing import Any, ClassVar

import ipywidgets as w

from csl_helpers.translation import gettext_for
from csl_helpers.views import widget_internals as wi
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.page_address import PageAddress
from csl_helpers.views.ticklist import TickList

MAX_TEXT = 1000
"""The longest text a text box takes from the page (characters)."""
JS_SAFE = 2**53 - 1
"""The largest whole number a page's number box holds exactly (JavaScript's safe integer)."""
LISTED = 10
"""Up to this many choices the message lists them all; beyond, the first and the last."""


class Refused(ValueError):
    """A value a page sent that a control does not take: why, and what it would take."""

    def __init__(self, reason: str, valid: str) -> None:
        super().__init__(f"{reason}; valid: {valid}")
        self.reason, self.valid = reason, valid


def _shown(value: Any) -> str:
    """A pushed value as the page sent it (JSON), cut to a readable length."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _labels(widget: wi.Selection | ChoiceButtons) -> tuple[str, ...]:
    if isinstance(widget, ChoiceButtons):
        return tuple(widget.labels)
    return wi.option_labels(widget)


def _choices(widget: wi.Selection | ChoiceButtons) -> str:
    labels = [f"“{label}”" for label in _labels(widget)]
    if not labels:
        return "no choice (the list is empty)"
    if len(labels) <= LISTED:
        listed = ", ".join(f"{i} {label}" for i, label in enumerate(labels))
        return f"index {listed}"
    return f"index 0 {labels[0]} to {len(labels) - 1} {labels[-1]}"


def _check_index(widget: wi.Selection | ChoiceButtons, value: Any) -> Any:
    """A selection's ``index``: a whole number below the number of options.

    ``None`` (nothing selected) only where the page itself can send it: a list box the
    visitor can clear, or a list without options.
    """
    n = len(_labels(widget))
    if value is None and (isinstance(widget, w.Select) or n == 0):
        return value
    if not _whole(value) or not 0 <= value < n:
        kind = "not a whole number" if not _whole(value) else "not one of the choices"
        raise Refused(f"index {_shown(value)} is {kind}", _choices(widget))
    return value


def _bounds(widget: w.Widget) -> tuple[Any, Any]:
    return getattr(widget, "min", None), getattr(widget, "max", None)


def _range_text(low: Any, high: Any, what: str) -> str:
    if low is not None and high is not None:
        return f"{what} from {low} to {high}"
    if low is not None:
        return f"{what} from {low} up"
    if high is not None:
        return f"{what} up to {high}"
    return what


def _check_number(widget: w.Widget, value: Any, *, whole: bool) -> Any:
    """A number box's or slider's ``value``: the right kind of number, within min and max."""
    low, high = _bounds(widget)
    if whole:
        low = -JS_SAFE if low is None else low
        high = JS_SAFE if high is None else high
    what = "a whole number" if whole else "a number"
    valid = _range_text(low, high, what)
    ok_type = _whole(value) if whole else (_whole(value) or isinstance(value, float))
    if not ok_type or (isinstance(value, float) and not math.isfinite(value)):
        raise Refused(f"value {_shown(value)} is not {what}", valid)
    if (low is not None and value < low) or (high is not None and value > high):
        raise Refused(f"value {_shown(value)} is out of range", valid)
    return value


def _check_bool(_: w.Widget, value: Any) -> Any:
    if not isinstance(value, bool):
        raise Refused(f"value {_shown(value)} is not true or false", "true or false")
    return value


def _check_text(_: w.Widget, value: Any) -> Any:
    valid = f"text of at most {MAX_TEXT} characters"
    if not isinstance(value, str):
        raise Refused(f"value {_shown(value)} is not text", valid)
    if len(value) > MAX_TEXT:
        raise Refused(f"the text is {len(value)} characters long", valid)
    return value


def _check_date(widget: w.DatePicker, value: Any) -> Any:
    """A date picker's ``value``: empty, or ``{"year", "month" (0-11), "date"}`` in range."""
    low, high = _bounds(widget)
    valid = _range_text(low, high, "empty or a calendar date")
    if value is None:
        return value
    keys = {"year", "month", "date"}
    if not isinstance(value, dict) or set(value) != keys or not all(map(_whole, value.values())):
        raise Refused(f"value {_shown(value)} is not a date", valid)
    try:
        day = date(value["year"], value["month"] + 1, value["date"])
    except (ValueError, OverflowError):
        raise Refused(f"value {_shown(value)} is not a calendar date", valid) from None
    if (low is not None and day < low) or (high is not None and day > high):
        raise Refused(f"{day.isoformat()} is out of range", valid)
    return value


def _check_panel(widget: w.Box, value: Any) -> Any:
    """A tab's or accordion's ``selected_index``: none open, or one of its panels."""
    n = len(widget.children)
    if value is None or (_whole(value) and 0 <= value < n):
        return value
    raise Refused(f"selected_index {_shown(value)} is not a panel", f"none or 0 to {n - 1}")


def _check_ticks(widget: TickList, value: Any) -> Any:
    """A tick list's ``ticked``: ids of boxes it shows (or ticked before, on another list)."""
    known = set(widget.ids) | set(widget.ticked)
    valid = f"a list of the ids of its boxes ({', '.join(widget.ids) or 'none'})"
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Refused(f"ticked {_shown(value)} is not a list of ids", valid)
    unknown = sorted(set(value) - known)
    if unknown:
        raise Refused(f"{_shown(unknown[0])} is not the id of a box", valid)
    return value


Check = Callable[[w.Widget, Any], Any]
CHECKS: tuple[tuple[type, str, Check], ...] = (
    (wi.Selection, "index", _check_index),
    ((w.Accordion, w.Tab), "selected_index", _check_panel),
    (ChoiceButtons, "index", _check_index),
    (TickList, "ticked", _check_ticks),
    (PageAddress, "query", _check_text),
    (wi.WholeNumber, "value", partial(_check_number, whole=True)),
    (wi.Decimal, "value", partial(_check_number, whole=False)),
    (wi.TrueFalse, "value", _check_bool),
    (w.Text, "value", _check_text),
    (w.Textarea, "value", _check_text),
    (w.DatePicker, "value", _check_date),
)
"""Per kind of control: the one field its view sends to the kernel, and how it is checked."""


OWN_MODULES = frozenset(
    {"@jupyter-widgets/base", "@jupyter-widgets/controls", "@jupyter-widgets/output"}
)
"""ipywidgets' own models: the page changes none of them but the controls of CHECKS."""


def check_for(widget: w.Widget) -> tuple[str, Check] | None:
    """The field a control takes from the page and its check; ``None`` for other widgets."""
    for kind, field, check in CHECKS:
        if isinstance(widget, kind):
            return field, check
    return None


class InputGuard:
    """Checks every change a page sends to the controls of one dashboard.

    ``guard.message`` is the widget that shows what was refused; put it on the page, then call
    :meth:`watch` with the dashboard's root widget once the tree is built. Widgets added to a
    box later (buttons that follow references, say) are watched too. Every widget watched that
    has no tooltip gets an empty one: the page would show the word "null" on hover. Every other
    widget of the kernel that no guard watches yet is watched too: the page holds every model
    (a display a dashboard keeps out of its tree until it is needed, say).

    Args:
        lang: tells the interface's language (``"en"`` or ``"zh"``) the message is worded in;
            what the page sent and what is valid are told in English, as programs name them.
    """

    _everywhere: ClassVar[set[str]] = set()
    """The models some guard of this kernel watches."""

    def __init__(self, lang: Callable[[], str] | None = None) -> None:
        self._lang = lang or (lambda: "en")
        self.message = w.HTML()
        self.message.add_class("csl-input-error")
        self._labels: dict[str, str] = {}
        self._watched: set[str] = set()

    def watch(self, root: w.Widget, labels: Mapping[w.Widget, str] | None = None) -> None:
        """Guard every control under ``root``.

        Args:
            root: the dashboard's outermost widget.
            labels: what to call a control that has no description, in messages.
        """
        for widget, label in (labels or {}).items():
            self._labels[widget.model_id] = label
        self._watch(root)
        for widget in wi.live_widgets():  # the page holds them too, in the tree or not (yet)
            if widget.model_id not in InputGuard._everywhere:
                self._watch(widget)

    def _watch(self, widget: w.Widget) -> None:
        """Guard a widget and every model it holds (children, layout, style), now and later."""
        if widget.model_id in self._watched or widget.comm is None:
            return
        self._watched.add(widget.model_id)
        InputGuard._everywhere.add(widget.model_id)
        if widget.has_trait("tooltip") and widget.tooltip is None:
            widget.tooltip = ""  # a page shows None as the tooltip "null"
        widget.comm.on_msg(partial(self._receive, widget))
        holding = {"children"} if isinstance(widget, w.Box) else set()
        for name in widget.keys:
            held = _models_in(getattr(widget, name, None))
            if held is not None:
                holding.add(name)
                for model in held:
                    if name != "children" and model.model_id not in self._labels:
                        self._labels[model.model_id] = f"{self.label(widget)} ({name})"
                    self._watch(model)
        if holding:
            widget.observe(self._on_models, sorted(holding))

    def _on_models(self, change: dict) -> None:
        for model in _models_in(change["new"]) or ():
            self._watch(model)

    def label(self, widget: w.Widget) -> str:
        """What a control is called on the page (its description, or the label given)."""
        return (
            self._labels.get(widget.model_id)
            or getattr(widget, "description", "")
            or type(widget).__name__
        )

    # the comm ------------------------------------------------------------------------------
    def _receive(self, widget: w.Widget, msg: dict) -> None:
        """Handle a comm message for ``widget`` in place of ipywidgets' own handler."""
        content = msg.get("content") if isinstance(msg, dict) else None
        data = content.get("data") if isinstance(content, dict) else None
        method = data.get("method") if isinstance(data, dict) else None
        own = wi.model_module(widget) in OWN_MODULES
        takes_custom = isinstance(widget, w.Button) or not own
        if method == "request_state":
            widget.send_state()
        elif method == "custom" and takes_custom and isinstance(data.get("content"), dict):
            self._apply(widget, lambda: wi.handle_custom_message(widget, data["content"]))
        elif method == "update" and not own and check_for(widget) is None:
            self._update_other(widget, data.get("state"), data.get("buffer_paths"), msg)
        elif method == "update":
            self._update(widget, data.get("state"), data.get("buffer_paths"))
        else:
            self.refuse(widget, "a message this control does not take", "a change or a click")

    def _update_other(self, widget: w.Widget, state: Any, paths: Any, msg: dict) -> None:
        """A change to another package's model: what its own code takes, a failure refused."""
        if not isinstance(state, dict) or not isinstance(paths, list | type(None)):
            self.refuse(widget, "a change this part of the page does not take", "its own fields")
            return
        self.message.value = ""
        try:
            if paths:
                wi.put_buffers(state, paths, msg.get("buffers") or [])
            widget.set_state(state)
        except Exception:  # a sentence for the visitor; the traceback goes to the server's log
            widget.log.warning("a change of %s was refused", self.label(widget), exc_info=True)
            self.refuse(widget, "a value this part of the page does not take", "its own fields")

    def _update(self, widget: w.Widget, state: Any, buffer_paths: Any) -> None:
        spec = check_for(widget)
        field = spec[0] if spec else None
        if field:
            valid = f"a change of {field!r} alone"
        elif isinstance(widget, w.Button):
            valid = "a click (a button has no value)"
        else:
            valid = "no change (this part of the page is not changed from the page)"
        if not isinstance(state, dict) or buffer_paths not in (None, []):
            self.refuse(widget, "a change this control does not take", valid)
            return
        others = sorted(k for k in state if k != field)
        if others:
            self.refuse(
                widget, f"{others[0]!r}, which cannot be changed from the page", valid, state
            )
            return
        if field not in state:
            return
        try:
            spec[1](widget, state[field])
        except Refused as exc:
            self.refuse(widget, exc.reason, exc.valid, state)
            return
        self._apply(widget, lambda: widget.set_state(state))

    def _apply(self, widget: w.Widget, change: Callable[[], None]) -> None:
        """Make a checked change; a failure in the dashboard shows a message, not a trace."""
        self.message.value = ""
        try:
            change()
        except Exception:  # a sentence for the visitor; the traceback goes to the server's log
            widget.log.error("a change of %s failed", self.label(widget), exc_info=True)
            _ = gettext_for(self._lang())
            self.message.value = _message_html(
                _(
                    "“{label}” could not be changed. Reload the page; if it happens again, tell "
                    "the trainer."
                ).format(label=self.label(widget))
            )

    def refuse(self, widget: w.Widget, reason: str, valid: str, state: Any = None) -> None:
        """Show why a change was refused and set the page's control back to its value."""
        _ = gettext_for(self._lang())
        self.message.value = _message_html(
            _(
                "“{label}” was not changed: the page sent {reason}. Valid: {valid}. What is "
                "shown is worked out from the choices as they were."
            ).format(label=self.label(widget), reason=reason, valid=valid)
        )
        if isinstance(state, dict):
            keys = [k for k in state if k in widget.keys]
            if keys:
                widget.send_state(keys)


def _models_in(value: Any) -> tuple[w.Widget, ...] | None:
    """The widget models a trait's value holds (a model, or a list of them); None if none."""
    if isinstance(value, w.Widget):
        return (value,)
    if isinstance(value, list | tuple) and value and all(isinstance(v, w.Widget) for v in value):
        return tuple(value)
    return None


def _message_html(text: str) -> str:
    return f'<p role="alert" style="color:#a00;font-weight:bold">{escape(text)}</p>'
