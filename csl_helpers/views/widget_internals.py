"""The one module of the package that uses names ipywidgets keeps private.

:class:`~csl_helpers.views.input_guard.InputGuard` checks every change a page sends to a
control, and for that it needs what ipywidgets does not export: the base classes every kind of
selection, whole-number, decimal and true/false control shares, a selection's option labels as
the page shows them, the handler that passes a control's custom message (a button's click)
on to its callbacks, the function that puts a message's binary buffers into its state, and
the kernel's live widgets and the package a model's page side comes from; and, to translate a
menu's labels, the flag with which a selection takes new options without choosing the first
(:func:`relabel_options`). ``pyproject.toml`` keeps ipywidgets below its next major version,
and tests/test_environment.py fails, naming the name, when the installed ipywidgets lacks one
of :data:`PRIVATE_NAMES`.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from ipywidgets.widgets import widget, widget_bool, widget_float, widget_int, widget_selection

PRIVATE_NAMES = (
    "ipywidgets.widgets.widget_selection._Selection",
    "ipywidgets.widgets.widget_selection._Selection._options_labels",
    "ipywidgets.widgets.widget_int._Int",
    "ipywidgets.widgets.widget_float._Float",
    "ipywidgets.widgets.widget_bool._Bool",
    "ipywidgets.widgets.widget.Widget._handle_custom_msg",
    "ipywidgets.widgets.widget_selection._Selection._propagate_options",
    "ipywidgets.widgets.widget._put_buffers",
    "ipywidgets.widgets.widget._instances",
    "ipywidgets.widgets.widget.Widget._model_module",
)
"""Every private name of ipywidgets this module uses, with the module it is found in."""

Selection = widget_selection._Selection
"""Every control that picks among options by ``index`` (dropdowns, radio and toggle buttons)."""
WholeNumber = widget_int._Int
"""Every control whose ``value`` is a whole number (sliders, number boxes, bounded or not)."""
Decimal = widget_float._Float
"""Every control whose ``value`` is a decimal number."""
TrueFalse = widget_bool._Bool
"""Every control whose ``value`` is true or false (check boxes, toggle buttons)."""


def option_labels(widget: Selection) -> tuple[str, ...]:
    """The labels of a selection's options, in the order the page lists them."""
    return tuple(widget._options_labels)


def handle_custom_message(widget: w.Widget, content: dict[str, Any]) -> None:
    """Pass a custom message (a button's ``{"event": "click"}``) to the control's callbacks."""
    widget._handle_custom_msg(content, [])


def relabel_options(widget: Selection, options: tuple[tuple[str, Any], ...]) -> None:
    """Give a selection new labels for the same values, keeping its choice.

    Replacing the options makes a selection choose the first one, and that passing choice
    would reach whatever the control is linked to; a selection being built keeps its index,
    and so does this one (``_propagate_options`` reads the flag ``_initializing_traits_``).
    """
    if tuple(widget.options) == tuple(options):
        return
    widget._initializing_traits_ = True
    try:
        widget.options = options
    finally:
        widget._initializing_traits_ = False
    index = widget.index
    if index is not None:
        widget.label = options[index][0]


def put_buffers(state: dict[str, Any], paths: list, buffers: list) -> None:
    """Put a comm message's binary ``buffers`` into ``state`` at ``paths``, as ipywidgets does."""
    widget._put_buffers(state, paths, buffers)


def live_widgets() -> tuple[w.Widget, ...]:
    """Every widget of this kernel that is not closed (the models a page can hold)."""
    return tuple(widget._instances.values())


def model_module(widget: w.Widget) -> str:
    """The JavaScript package of a widget's model (``@jupyter-widgets/controls``, say)."""
    return widget._model_module
