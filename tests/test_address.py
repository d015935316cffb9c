"""Each dashboard model writes its state as a page address and reads it back (no browser)."""

from __future__ import annotations

import html

import pytest
from traitlets import Unicode

from csl_helpers.law.query import parameters, query_of
from csl_helpers.law.version_registry import version_ids
from csl_helpers.views.law.explorer_state import ExplorerModel
from csl_helpers.views.obligations.navigator_state import NavigatorModel, interview_from
from csl_helpers.views.page_address import AddressKeeper, PageAddress
from csl_helpers.views.penalties.state import SimulatorModel

OLD, NEW = version_ids()[0], version_ids()[-1]


class Message:
    value = ""


def keeper(model):
    page, message = PageAddress(), Message()
    return AddressKeeper(model, page, message, "view"), page, message


def test_parameters_are_each_known_and_given_once():
    assert parameters("", ("a",)) is None
    assert parameters("?a=1&b=x", ("a", "b")) == {"a": "1", "b": "x"}
    with pytest.raises(ValueError, match="unknown parameter 'c'; valid: a, b"):
        parameters("c=1", ("a", "b"))
    with pytest.raises(ValueError, match="'a' is given 2 times"):
        parameters("a=1&a=2", ("a",))
    assert query_of({"done": "x,y", "item": None}) == "done=x,y"


@pytest.mark.parametrize(
    "make, change",
    [
        (ExplorerModel, lambda m: m.go(OLD, 40)),
        (SimulatorModel, lambda m: m.open_address(f"version={NEW}&article=71&item=2")),
        (SimulatorModel, lambda m: setattr(m, "mode", "dates")),
        (NavigatorModel, lambda m: (m.answer(True), m.answer(False), m.tick(["real_identity"]))),
    ],
)
def test_a_model_reopens_from_its_own_address(make, change):
    model = make()
    change(model)
    again = make()
    again.open_address(model.address())
    assert again.address() == model.address()


def test_the_addresses_name_what_is_shown():
    explorer = ExplorerModel(OLD, 40)
    assert explorer.address() == f"version={OLD}&article=40"
    simulator = SimulatorModel()
    simulator.open_address(f"version={NEW}&article=61&paragraph=1&tier=serious")
    assert simulator.address() == f"version={NEW}&article=61&paragraph=1&tier=serious"
    simulator.open_address(
        f"version={OLD}&article=64&paragraph=2&act=2024-05-01&decision=2026-02-01"
    )
    assert simulator.mode == "dates" and simulator.result.outcome.version == OLD
    assert simulator.address().endswith("&act=2024-05-01&decision=2026-02-01&illegal_gains=0")
    navigator = NavigatorModel(NEW)
    navigator.answer(True)
    navigator.answer(False)
    navigator.tick(["real_identity", "lawful_operation"])
    assert navigator.address() == f"version={NEW}&answers=yn&done=lawful_operation,real_identity"


@pytest.mark.parametrize(
    "make, query, says",
    [
        (ExplorerModel, "article=999", "article: the"),
        (ExplorerModel, "version=1999", "version: unknown version"),
        (ExplorerModel, "page=2", "unknown parameter 'page'"),
        (SimulatorModel, "version=2025&article=61&tier=nope", "tier must be one of"),
        (SimulatorModel, "illegal_gains=1.5", "illegal_gains must be a whole number"),
        (SimulatorModel, "act=2024-13-01", "act must be a date as YYYY-MM-DD"),
        (NavigatorModel, "answers=yq", "answers must be letters y or n"),
        (NavigatorModel, "done=nothing", "done: unknown duty 'nothing'"),
    ],
)
def test_a_bad_address_is_told_naming_the_parameter_and_nothing_changes(make, query, says):
    model = make()
    keep, page, message = keeper(model)
    before = model.address()
    assert not keep.open(query)
    assert (
        html.escape(says) in message.value and "Could not open the requested view" in message.value
    )
    assert model.address() == before == page.query


def test_a_new_view_adds_an_entry_a_tick_or_an_opened_address_replaces_it():
    model = NavigatorModel(NEW)
    keep, page, _ = keeper(model)
    model.answer(True)
    assert (page.query, page.history) == (f"version={NEW}&answers=y", "push")
    model.tick(["real_identity"])
    assert page.history == "replace" and page.query.endswith("&done=real_identity")
    assert keep.open(f"version={OLD}&answers=yn")
    assert (page.query, page.history) == (f"version={OLD}&answers=yn", "replace")
    assert model.interview == interview_from("yn") and model.ticked == ()
    page.query = f"version={NEW}&answers=y"  # Back: the page brings an older entry
    assert model.version == NEW and model.interview == interview_from("y")


def test_the_navigator_keeps_its_ticks_across_a_version_switch():
    model = NavigatorModel(NEW)
    model.tick(["real_identity"])
    model.version = OLD
    model.version = NEW
    assert model.ticked == ("real_identity",)


def test_a_field_is_one_more_name_in_the_address():
    class WithLanguage(ExplorerModel):
        ui = Unicode("en")
        ADDRESS = (*ExplorerModel.ADDRESS, "ui")

    model = WithLanguage(OLD, 3)
    assert model.address() == f"version={OLD}&article=3&ui=en"
    model.open_address(f"version={NEW}&article=5&ui=zh")
    assert (model.version, model.article, model.ui) == (NEW, 5, "zh")
