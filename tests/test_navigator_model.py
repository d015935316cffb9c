"""The Obligation Navigator's model, without widgets or a browser."""

from __future__ import annotations

import pytest
from traitlets import TraitError

from csl_helpers.law.version_registry import version_ids
from csl_helpers.obligations.checklist import checklist
from csl_helpers.obligations.questionnaire import Interview
from csl_helpers.views.obligations.navigator_state import NavigatorModel

OLD, NEW = version_ids()[0], version_ids()[-1]


def finish(model: NavigatorModel) -> None:
    while model.interview.current is not None:
        model.answer(True)


def test_an_answer_moves_to_the_next_question_and_back_returns():
    model = NavigatorModel(NEW)
    first = Interview().current
    model.answer(True)
    assert model.interview == Interview().answer(True)
    assert model.interview.current != first
    model.back()
    assert model.interview.current == first and model.message == ""


def test_the_checklist_follows_the_answers_and_the_version():
    model = NavigatorModel(NEW)
    assert model.sheet is None
    finish(model)
    assert model.sheet == checklist(model.interview.profile, NEW)
    model.version = OLD
    assert model.sheet == checklist(model.interview.profile, OLD)


def test_a_step_that_cannot_be_taken_says_why_and_changes_nothing():
    model = NavigatorModel(NEW)
    finish(model)
    done = model.interview
    model.answer(True)
    assert "finished" in model.message and model.interview == done
    model.restart()
    assert model.message == "" and model.interview == Interview()


def test_an_unknown_version_is_refused_naming_the_valid_ones():
    model = NavigatorModel(NEW)
    with pytest.raises(TraitError, match="valid versions: " + ", ".join(map(repr, version_ids()))):
        model.version = "1999"
    assert model.version == NEW
