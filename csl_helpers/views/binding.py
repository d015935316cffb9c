"""Menus tied to a model: the model decides the options and the choice, the menu shows them.

``traitlets.link`` ties a control's value to a trait both ways, which is all a text box, a
number box or a checkbox needs. A menu whose options depend on the model needs one thing
more: replacing the options makes ipywidgets select the first one, and that passing choice
must not reach the model. :func:`bind_choice` keeps it from the model while the model's
options and choice are copied to the menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from traitlets import HasTraits

from csl_helpers.views.widget_internals import Selection


class ChoiceBinding:
    """One menu showing a model's options and choice, and telling the model what is picked.

    Args:
        widget: the menu (any ipywidgets selection).
        model: the model holding the choice.
        options: reads the ``(label, value)`` options from the model.
        value: reads the chosen value from the model (``None``: nothing selected).
        choose: tells the model what the visitor picked (never called with ``None``).
        watch: the model's traits on which options or choice depend.
    """

    def __init__(
        self,
        widget: Selection,
        model: HasTraits,
        *,
        options: Callable[[], tuple],
        value: Callable[[], Any],
        choose: Callable[[Any], None],
        watch: tuple[str, ...],
    ) -> None:
        self.widget, self._options, self._value, self._choose = widget, options, value, choose
        widget.observe(self._picked, "value")
        self.refresh()
        model.observe(lambda _: self.refresh(), list(watch))

    def _picked(self, change: dict) -> None:
        if change["new"] is not None:
            self._choose(change["new"])

    def refresh(self) -> None:
        """Copy the model's options and choice to the menu, telling the model nothing.

        The page gets both in one update: new options alone keep the old value where they
        still offer it, or choose the first, and a visitor's arrow key or click would start
        from that passing choice until the model's own came after it.
        """
        self.widget.unobserve(self._picked, "value")
        try:
            with self.widget.hold_sync():
                options = tuple(self._options())
                if tuple(self.widget.options) != options:
                    self.widget.options = options
                self.widget.value = self._value()
        finally:
            self.widget.observe(self._picked, "value")


def bind_choice(
    widget: Selection,
    model: HasTraits,
    name: str,
    options: str,
) -> ChoiceBinding:
    """Tie a menu to the model's trait ``name``, its options to the trait ``options``."""
    return ChoiceBinding(
        widget,
        model,
        options=lambda: getattr(model, options),
        value=lambda: getattr(model, name),
        choose=lambda value: setattr(model, name, value),
        watch=(name, options),
    )
