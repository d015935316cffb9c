"""Values pushed through the widgets' comm as a page would, checked by InputGuard (no browser)."""

from __future__ import annotations

from datetime import date

import ipywidgets as w
from hypothesis import given
from hypothesis import strategies as st

from csl_helpers.law.version_registry import version_ids
from csl_helpers.penalties.address import Selection
from csl_helpers.penalties.simulation import conducts
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.input_guard import InputGuard
from csl_helpers.views.law.explorer import LawExplorer
from csl_helpers.views.obligations.navigator import ObligationNavigator
from csl_helpers.views.penalties.simulator import PenaltySimulator
from csl_helpers.views.penalties.state import key_of
from csl_helpers.views.ticklist import TickList

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


def push(widget: w.Widget, **state) -> None:
    """Deliver an update message to the widget's comm, as the kernel does for a page."""
    data = {"method": "update", "state": state, "buffer_paths": []}
    widget.comm.handle_msg({"content": {"data": data}, "buffers": []})


def guarded(widget: w.Widget) -> tuple[InputGuard, list]:
    """The widget in a box under a guard, and the list its observer fills."""
    seen = []
    widget.observe(lambda change: seen.append(change["new"]), "value")
    guard = InputGuard()
    guard.watch(w.VBox([guard.message, widget]))
    return guard, seen


def test_selection_takes_a_valid_index_and_refuses_others():
    picker = w.Dropdown(options=["2016 text", "2025 text"], description="Version")
    guard, seen = guarded(picker)
    for bad in ("abc", 2, -1, None, True, 1.0):
        push(picker, index=bad)
        assert picker.index == 0 and seen == []
        text = guard.message.value
        assert "“Version” was not changed" in text and "“2016 text”" in text, bad
    push(picker, index=1)
    assert picker.value == "2025 text" and seen == ["2025 text"]
    assert guard.message.value == ""


def test_a_bounded_number_out_of_range_is_refused_not_clamped():
    slider = w.IntSlider(value=3, min=0, max=10, description="Level")
    guard, seen = guarded(slider)
    push(slider, value=50)
    assert slider.value == 3 and seen == []
    assert "out of range" in guard.message.value and "from 0 to 10" in guard.message.value
    push(slider, value="7")
    assert slider.value == 3 and "not a whole number" in guard.message.value
    push(slider, value=7)
    assert slider.value == 7 and seen == [7] and guard.message.value == ""


def test_a_date_out_of_range_is_refused_not_clamped():
    picker = w.DatePicker(value=date(2025, 6, 1), min=date(2020, 1, 1), description="Act on")
    guard, seen = guarded(picker)
    push(picker, value={"year": 2019, "month": 0, "date": 1})
    assert picker.value == date(2025, 6, 1) and "out of range" in guard.message.value
    push(picker, value={"year": 2025, "month": 1, "date": 30})
    assert "not a calendar date" in guard.message.value and seen == []
    push(picker, value={"year": 2026, "month": 0, "date": 2})
    assert picker.value == date(2026, 1, 2) and guard.message.value == ""


def test_markup_in_a_pushed_value_is_escaped_and_other_fields_are_refused():
    box = w.Text(description="Search")
    guard, seen = guarded(box)
    push(box, value=["<script>alert(1)</script>"])
    assert "<script>" not in guard.message.value and "&lt;script&gt;" in guard.message.value
    picker = w.Dropdown(options=["a", "b"], description="Pick")
    guard, _ = guarded(picker)
    push(picker, _options_labels=["<b>x</b>", "y", "z"])
    assert picker._options_labels == ("a", "b") and "cannot be changed" in guard.message.value


def test_a_malformed_click_shows_a_message_and_a_click_still_works():
    clicks = []
    button = w.Button(description="Open")
    button.on_click(clicks.append)
    guard = InputGuard()
    guard.watch(w.VBox([guard.message, button]))
    button.comm.handle_msg({"content": {"data": {"method": "custom", "content": "click"}}})
    button.comm.handle_msg({"content": {"data": "nonsense"}})
    assert clicks == [] and "“Open” was not changed" in guard.message.value
    button.comm.handle_msg(
        {"content": {"data": {"method": "custom", "content": {"event": "click"}}}}
    )
    assert clicks == [button] and guard.message.value == ""


def test_a_failure_after_a_valid_change_shows_a_sentence_not_a_trace():
    picker = w.Dropdown(options=["a", "b"], description="Pick")
    picker.observe(lambda _: 1 / 0, "value")
    guard = InputGuard()
    guard.watch(w.VBox([guard.message, picker]))
    push(picker, index=1)
    assert "“Pick” could not be changed" in guard.message.value
    assert "Traceback" not in guard.message.value and "ZeroDivision" not in guard.message.value


@given(JSON)
def test_any_pushed_index_is_applied_exactly_or_refused_with_a_message(value):
    picker = w.ToggleButtons(options=["a", "b", "c"], description="Pick")
    guard = InputGuard()
    guard.watch(w.VBox([guard.message, picker]))
    push(picker, index=value)
    valid = type(value) is int and 0 <= value < 3
    assert picker.index == (value if valid else 0)
    assert (guard.message.value == "") == valid


def test_the_explorer_guards_its_pickers_and_the_buttons_it_adds_later():
    ex = LawExplorer("2016", 21)
    text = ex.text_en.value
    push(ex.article_picker, index=10_000)
    assert ex.text_en.value == text and "“Article” was not changed" in ex.guard.message.value
    ex.show("2016", 22)
    button = ex.cites.children[0]
    button.comm.handle_msg({"content": {"data": {"method": "custom", "content": []}}})
    assert "was not changed" in ex.guard.message.value


def test_the_penalty_simulator_keeps_the_outcome_of_valid_inputs():
    version = version_ids()[-1]
    fined = next(c for c in conducts(version) if "illegal_gains" in c.needs)
    sim = PenaltySimulator(Selection(version, *key_of(fined)))  # a clause that asks for gains
    outcome = sim.outcome.value
    push(sim.conduct, index=len(sim.conduct.options) + 3)
    assert sim.outcome.value == outcome and "“What they did”" in sim.guard.message.value
    push(sim.gains, value="a lot")
    assert sim.outcome.value == outcome and "not a whole number" in sim.notes["illegal_gains"].value
    assert sim.gains.value == "a lot"  # refused beside the field, never rewritten


def test_the_navigator_refuses_a_version_that_is_not_offered():
    nav = ObligationNavigator("2025")
    checklist = nav.question.value
    push(nav.version_picker, index="2016")
    assert nav.version == "2025" and nav.question.value == checklist
    assert "“Version” was not changed" in nav.guard.message.value


def test_layout_style_and_display_models_take_no_change_from_the_page():
    picker = w.Dropdown(options=["a", "b"], description="Version", layout=w.Layout(width="9em"))
    outside = w.HTML("kept out of the tree")
    guard, seen = guarded(picker)
    for model, state in (
        (picker.layout, {"width": 12345}),
        (picker.style, {"description_width": {"a": 1}}),
        (outside, {"value": "<b>pushed</b>"}),
    ):
        push(model, **state)
        assert (
            "was not changed" in guard.message.value and "Valid: no change" in guard.message.value
        )
    assert picker.layout.width == "9em" and outside.value == "kept out of the tree"
    push(picker, index=1)
    assert seen == ["b"] and guard.message.value == ""


@given(JSON)
def test_choice_buttons_take_an_index_of_their_options_or_refuse_it(value):
    picker = ChoiceButtons(options=[("2016 text", "2016"), ("2025 text", "2025")], value="2025")
    picker.description = "Version"
    guard = InputGuard()
    guard.watch(w.VBox([guard.message, picker]))
    push(picker, index=value)
    valid = type(value) is int and 0 <= value < 2
    assert picker.index == (value if valid else 1)
    assert picker.value == ("2016", "2025")[picker.index]
    assert (guard.message.value == "") == valid
    if not valid:
        assert "“Version” was not changed" in guard.message.value
        assert "“2016 text”" in guard.message.value


def test_a_tick_list_takes_the_ids_of_its_boxes_only():
    ticks = TickList(
        value='<input type="checkbox" data-tick="a"><input type="checkbox" data-tick="b">'
    )
    guard = InputGuard()
    guard.watch(w.VBox([guard.message, ticks]), labels={ticks: "Duties"})
    for bad in ("a", ["a", 1], ["z"], [None], {"a": 1}):
        push(ticks, ticked=bad)
        assert ticks.ticked == [] and "“Duties” was not changed" in guard.message.value, bad
    push(ticks, ticked=["b", "a"])
    assert ticks.ticked == ["a", "b"] and guard.message.value == ""
    push(ticks, value="<b>x</b>")
    assert "&#x27;value&#x27;, which cannot be changed" in guard.message.value
    assert ticks.value.startswith("<input")


def test_an_address_the_page_sends_is_text_and_a_bad_one_is_told():
    ex = LawExplorer("2016", 21)
    push(ex.page, query=12)
    assert "“The page’s address” was not changed" in ex.guard.message.value.replace("&#x27;", "’")
    assert ex.model.article == 21
    push(ex.page, history="push")
    assert "&#x27;history&#x27;, which cannot be changed" in ex.guard.message.value
    push(ex.page, query="version=2016&article=30")
    assert ex.model.article == 30 and ex.guard.message.value == ""
    push(ex.page, query="version=2016&article=300")
    assert (
        ex.model.article == 30 and "Could not open the requested article" in ex.guard.message.value
    )
