"""The checks of :mod:`csl_helpers.views.input_guard`: each control's value as a page sends it.

Each check takes the control and the value the page sent for its one field, and returns the
value, or raises :class:`Refused` saying why and what the control would take, both worded in
the page's language when shown (:class:`~csl_helpers.translation.Phrase`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import ipywidgets as w

from csl_helpers.translation import N_, Phrase
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
    """A value a page sent that a control does not take: why, and what it would take.

    Both are phrases worded when shown, in the page's language (``str()`` is the English).
    """

    def __init__(self, reason: Phrase, valid: Phrase) -> None:
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


def _choices(widget: wi.Selection | ChoiceButtons) -> Phrase:
    labels = [f"“{label}”" for label in _labels(widget)]
    if not labels:
        return Phrase(N_("no choice (the list is empty)"))
    if len(labels) <= LISTED:
        listed = tuple(f"{i} {label}" for i, label in enumerate(labels))
        return Phrase(N_("index {listed}"), listed=listed)
    return Phrase(
        N_("index 0 {first} to {last_index} {last}"),
        first=labels[0],
        last_index=len(labels) - 1,
        last=labels[-1],
    )


def _check_index(widget: wi.Selection | ChoiceButtons, value: Any) -> Any:
    """A selection's ``index``: a whole number below the number of options.

    ``None`` (nothing selected) only where the page itself can send it: a list box the
    visitor can clear, or a list without options.
    """
    n = len(_labels(widget))
    if value is None and (isinstance(widget, w.Select) or n == 0):
        return value
    if not _whole(value) or not 0 <= value < n:
        kind = (
            N_("index {value} is not a whole number")
            if not _whole(value)
            else N_("index {value} is not one of the choices")
        )
        raise Refused(Phrase(kind, value=_shown(value)), _choices(widget))
    return value


def _bounds(widget: w.Widget) -> tuple[Any, Any]:
    return getattr(widget, "min", None), getattr(widget, "max", None)


def _range_text(low: Any, high: Any, what: Phrase) -> Phrase:
    if low is not None and high is not None:
        return Phrase(N_("{what} from {low} to {high}"), what=what, low=low, high=high)
    if low is not None:
        return Phrase(N_("{what} from {low} up"), what=what, low=low)
    if high is not None:
        return Phrase(N_("{what} up to {high}"), what=what, high=high)
    return what


def _check_number(widget: w.Widget, value: Any, *, whole: bool) -> Any:
    """A number box's or slider's ``value``: the right kind of number, within min and max."""
    low, high = _bounds(widget)
    if whole:
        low = -JS_SAFE if low is None else low
        high = JS_SAFE if high is None else high
    what = Phrase(N_("a whole number") if whole else N_("a number"))
    valid = _range_text(low, high, what)
    ok_type = _whole(value) if whole else (_whole(value) or isinstance(value, float))
    if not ok_type or (isinstance(value, float) and not math.isfinite(value)):
        raise Refused(
            Phrase(N_("value {value} is not {what}"), value=_shown(value), what=what), valid
        )
    if (low is not None and value < low) or (high is not None and value > high):
        raise Refused(Phrase(N_("value {value} is out of range"), value=_shown(value)), valid)
    return value


def _check_bool(_: w.Widget, value: Any) -> Any:
    if not isinstance(value, bool):
        raise Refused(
            Phrase(N_("value {value} is not true or false"), value=_shown(value)),
            Phrase(N_("true or false")),
        )
    return value


def _check_text(_: w.Widget, value: Any) -> Any:
    valid = Phrase(N_("text of at most {n} characters"), n=MAX_TEXT)
    if not isinstance(value, str):
        raise Refused(Phrase(N_("value {value} is not text"), value=_shown(value)), valid)
    if len(value) > MAX_TEXT:
        raise Refused(Phrase(N_("the text is {n} characters long"), n=len(value)), valid)
    return value


def _check_date(widget: w.DatePicker, value: Any) -> Any:
    """A date picker's ``value``: empty, or ``{"year", "month" (0-11), "date"}`` in range."""
    low, high = _bounds(widget)
    valid = _range_text(low, high, Phrase(N_("empty or a calendar date")))
    if value is None:
        return value
    keys = {"year", "month", "date"}
    if not isinstance(value, dict) or set(value) != keys or not all(map(_whole, value.values())):
        raise Refused(Phrase(N_("value {value} is not a date"), value=_shown(value)), valid)
    try:
        day = date(value["year"], value["month"] + 1, value["date"])
    except (ValueError, OverflowError):
        raise Refused(
            Phrase(N_("value {value} is not a calendar date"), value=_shown(value)), valid
        ) from None
    if (low is not None and day < low) or (high is not None and day > high):
        raise Refused(Phrase(N_("{day} is out of range"), day=day), valid)
    return value


def _check_panel(widget: w.Box, value: Any) -> Any:
    """A tab's or accordion's ``selected_index``: none open, or one of its panels."""
    n = len(widget.children)
    if value is None or (_whole(value) and 0 <= value < n):
        return value
    raise Refused(
        Phrase(N_("selected_index {value} is not a panel"), value=_shown(value)),
        Phrase(N_("none or 0 to {last}"), last=n - 1),
    )


def _check_ticks(widget: TickList, value: Any) -> Any:
    """A tick list's ``ticked``: ids of boxes it shows (or ticked before, on another list)."""
    known = set(widget.ids) | set(widget.ticked)
    valid = (
        Phrase(N_("a list of the ids of its boxes ({ids})"), ids=tuple(widget.ids))
        if widget.ids
        else Phrase(N_("a list of the ids of its boxes (none)"))
    )
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Refused(Phrase(N_("ticked {value} is not a list of ids"), value=_shown(value)), valid)
    unknown = sorted(set(value) - known)
    if unknown:
        raise Refused(Phrase(N_("{value} is not the id of a box"), value=_shown(unknown[0])), valid)
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


def check_for(widget: w.Widget) -> tuple[str, Check] | None:
    """The field a control takes from the page and its check; ``None`` for other widgets."""
    for kind, field, check in CHECKS:
        if isinstance(widget, kind):
            return field, check
    return None
