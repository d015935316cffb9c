"""A menu tied to a model: new options never pass a choice the visitor did not make."""

from __future__ import annotations

import ipywidgets as w
from traitlets import Any, HasTraits, Unicode, link

from csl_helpers.views.binding import bind_choice
from csl_helpers.views.choice import ChoiceButtons


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


def test_new_options_reach_the_page_with_the_model_s_choice_never_a_passing_one():
    """The page gets the options and the choice in one update, never the options alone.

    New options keep the old value where they offer it (here at another place); shown before
    the model's choice followed, that passing choice is what a visitor's arrow key started
    from, and the choice that followed moved it away under their finger.
    """
    model, menu = Model(), ChoiceButtons()
    bind_choice(menu, model, "choice", "choices")
    page = menu.get_state(("labels", "index"))
    shown = []

    def send(msg: dict, buffers: object = None) -> None:
        page.update(msg["state"])
        if "labels" in page and page.get("index") is not None:
            shown.append(page["labels"][page["index"]])

    menu._send = send
    with model.hold_trait_notifications():
        model.choices = (("X", "x"), ("B", "b"), ("Z", "z"))
        model.choice = "z"
    assert shown and set(shown) == {"Z"}
    assert page == {"labels": ["X", "B", "Z"], "index": 2}


def test_a_pick_is_answered_after_the_changes_it_made_to_the_other_controls():
    """The page checks an option on this answer: every control it changed is up to date by then.

    Switching the text and back quickly, the tiers of the passing text were still checked when
    the text's buttons already showed the pick; an arrow key on them started from a stale tier.
    """
    model = Model()
    text, tiers = ChoiceButtons((("A", "a"), ("B", "b"))), ChoiceButtons()
    link((text, "value"), (model, "choice"))
    bind_choice(tiers, model, "choice", "choices")
    sent = []
    text._send = lambda msg, buffers=None: sent.append(("text", msg))
    tiers._send = lambda msg, buffers=None: sent.append(("tiers", msg))
    assert (model.choice, tiers.index) == ("a", 0)
    text.set_state({"index": 1})
    assert (model.choice, tiers.index) == ("b", 1)
    answers = [m for w_, m in sent if w_ == "text" and m["method"] == "custom"]
    assert answers == [{"method": "custom", "content": {"answered": 1}}]
    assert sent[-1][1] == answers[0]
    assert any(w_ == "tiers" and m["state"].get("index") == 1 for w_, m in sent[:-1])
