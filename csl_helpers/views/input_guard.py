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

from collections.abc import Callable, Mapping
from functools import partial
from html import escape
from typing import Any, ClassVar

import ipywidgets as w

from csl_helpers.translation import N_, Phrase, gettext_for, worded
from csl_helpers.views import widget_internals as wi
from csl_helpers.views.input_checks import Refused, check_for

OWN_MODULES = frozenset(
    {"@jupyter-widgets/base", "@jupyter-widgets/controls", "@jupyter-widgets/output"}
)
"""ipywidgets' own models: the page changes none of them but the controls of CHECKS."""


class InputGuard:
    """Checks every change a page sends to the controls of one dashboard.

    ``guard.message`` is the widget that shows what was refused; put it on the page, then call
    :meth:`watch` with the dashboard's root widget once the tree is built. Widgets added to a
    box later (buttons that follow references, say) are watched too. Every widget watched that
    has no tooltip gets an empty one: the page would show the word "null" on hover. Every other
    widget of the kernel that no guard watches yet is watched too: the page holds every model
    (a display a dashboard keeps out of its tree until it is needed, say).

    Args:
        lang: tells the interface's language (``"en"`` or ``"zh"``) the message is worded in,
            what the page sent and what is valid included (the values sent are quoted as
            sent).
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
            self.refuse(
                widget,
                Phrase(N_("a message this control does not take")),
                Phrase(N_("a change or a click")),
            )

    def _update_other(self, widget: w.Widget, state: Any, paths: Any, msg: dict) -> None:
        """A change to another package's model: what its own code takes, a failure refused."""
        own_fields = Phrase(N_("its own fields"))
        if not isinstance(state, dict) or not isinstance(paths, list | type(None)):
            self.refuse(
                widget, Phrase(N_("a change this part of the page does not take")), own_fields
            )
            return
        self.message.value = ""
        try:
            if paths:
                wi.put_buffers(state, paths, msg.get("buffers") or [])
            widget.set_state(state)
        except Exception:  # a sentence for the visitor; the traceback goes to the server's log
            widget.log.warning("a change of %s was refused", self.label(widget), exc_info=True)
            self.refuse(
                widget, Phrase(N_("a value this part of the page does not take")), own_fields
            )

    def _update(self, widget: w.Widget, state: Any, buffer_paths: Any) -> None:
        spec = check_for(widget)
        field = spec[0] if spec else None
        if field:
            valid = Phrase(N_("a change of {field} alone"), field=repr(field))
        elif isinstance(widget, w.Button):
            valid = Phrase(N_("a click (a button has no value)"))
        else:
            valid = Phrase(N_("no change (this part of the page is not changed from the page)"))
        if not isinstance(state, dict) or buffer_paths not in (None, []):
            self.refuse(widget, Phrase(N_("a change this control does not take")), valid)
            return
        others = sorted(k for k in state if k != field)
        if others:
            said = Phrase(
                N_("{field}, which cannot be changed from the page"), field=repr(others[0])
            )
            self.refuse(widget, said, valid, state)
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

    def refuse(
        self, widget: w.Widget, reason: Phrase | str, valid: Phrase | str, state: Any = None
    ) -> None:
        """Show why a change was refused and set the page's control back to its value.

        ``reason`` and ``valid`` are worded in the page's language (a :class:`Phrase`).
        """
        lang = self._lang()
        _ = gettext_for(lang)
        reason = worded(reason, lang) if isinstance(reason, Phrase) else reason
        valid = worded(valid, lang) if isinstance(valid, Phrase) else valid
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
