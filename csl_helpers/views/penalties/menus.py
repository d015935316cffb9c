"""The simulator's menus tied to its model, undoing in the menu a choice the model refuses.

:class:`~csl_helpers.views.binding.ChoiceBinding` copies the model's options and choice to a
menu and tells the model what is picked. The simulator's model refuses what the clause does
not offer (a tier it lacks); the menu must then show the model's options and choice again,
never keep a highlight the outcome and the address do not follow.
"""

from __future__ import annotations

from traitlets import HasTraits, TraitError

from csl_helpers.views.binding import ChoiceBinding
from csl_helpers.views.widget_internals import Selection

__all__ = ["bind_refusing"]


def bind_refusing(widget: Selection, model: HasTraits, name: str) -> ChoiceBinding:
    """Tie ``widget`` to the model's trait ``name`` and its options ``<name>_choices``.

    A pick the model refuses (:class:`~traitlets.TraitError`) is undone: the menu is brought
    back to the model's options and choice.
    """
    binding: list[ChoiceBinding] = []

    def choose(value: object) -> None:
        try:
            setattr(model, name, value)
        except TraitError:
            binding[0].refresh()

    binding.append(
        ChoiceBinding(
            widget,
            model,
            options=lambda: getattr(model, f"{name}_choices"),
            value=lambda: getattr(model, name),
            choose=choose,
            watch=(name, f"{name}_choices"),
        )
    )
    return binding[0]
