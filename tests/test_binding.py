"""A menu tied to a model: new options never pass a choice the visitor did not make."""

from __future__ import annotations

import ipywidgets as w
from traitlets import Any, HasTraits, Unicode

from csl_helpers.views.binding import bind_choice


class Model(HasTraits):
    choice = Unicode("b")
    choices = Any((("A", "a"), ("B", "b")))


def test_the_menu_shows_the_model_and_tells_it_what_is_picked():
    model, menu = Model(), w.Dropdown()
    seen = []
    model.observe(lambda change: seen.append(change["new"]), "choice")
    bind_choice(menu, model, "choice", "choices")
    assert menu.options == model.choices and menu.value == "b" and seen == []
    menu.value = "a"
    assert model.choice == "a" and seen == ["a"]


def test_new_options_do_not_reach_the_model_as_a_choice():
    model, menu = Model(), w.Dropdown()
    bind_choice(menu, model, "choice", "choices")
    seen = []
    model.observe(lambda change: seen.append(change["new"]), "choice")
    with model.hold_trait_notifications():
        model.choices = (("X", "x"), ("Y", "y"), ("Z", "z"))
        model.choice = "z"
    assert seen == ["z"] and menu.value == "z"
    assert menu.options == (("X", "x"), ("Y", "y"), ("Z", "z"))
