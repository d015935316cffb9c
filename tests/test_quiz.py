"""Quiz data is checked on load, and the quiz widget judges answers and cites the Law."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from csl_helpers import load_law
from csl_helpers.law.data import DataError, read_yaml
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons.quiz import load_quiz, parse_quiz, quiz_names
from csl_helpers.lessons.words import Words
from csl_helpers.views.lessons.quiz import QuizWidget, feedback_html

NAME = "01_general_provisions"


def raw_quiz() -> dict:
    return copy.deepcopy(read_yaml(f"quizzes/{NAME}.yaml"))


def test_every_quiz_loads_and_cites_existing_provisions():
    names = quiz_names()
    assert len(names) >= 4
    for name in names:
        quiz = load_quiz(name)
        assert quiz.questions, name
        for q in quiz.questions:
            assert q.answer in q.choices
            assert q.answered_by
            for version, provision in q.answered_by:
                assert version in version_ids()
                assert load_law(version).text_of(provision, "zh")


def test_unknown_quiz_lists_the_valid_ones():
    with pytest.raises(ValueError, match="valid quizzes: .*01_general_provisions"):
        load_quiz("99_nothing")


def test_answer_outside_the_choices_is_an_error_naming_file_entry_and_field():
    raw = raw_quiz()
    raw["questions"][1]["answer"] = "Maybe"
    qid = raw["questions"][1]["id"]
    with pytest.raises(DataError, match=rf"quizzes/{NAME}.yaml, question '{qid}': answer: 'Maybe'"):
        parse_quiz(NAME, raw)


@pytest.mark.parametrize(
    ("ref", "message"),
    [("art_99", "Articles 1 to 79"), ("art_2__para_3", "paragraphs 1 to 1"), ("Art. 2", "not a")],
)
def test_a_provision_that_does_not_exist_is_an_error(ref, message):
    raw = raw_quiz()
    raw["questions"][0]["answered_by"]["2016"] = ref
    with pytest.raises(DataError, match=rf"answered_by.2016: .*{message}"):
        parse_quiz(NAME, raw)


def test_each_version_must_be_named_and_one_must_cite():
    raw = raw_quiz()
    del raw["questions"][0]["answered_by"]["2025"]
    with pytest.raises(DataError, match="answered_by: needs one entry per version"):
        parse_quiz(NAME, raw)
    raw = raw_quiz()
    raw["questions"][0]["answered_by"] = {"2016": None, "2025": None}
    with pytest.raises(DataError, match="no version names a provision"):
        parse_quiz(NAME, raw)


def test_unknown_fields_repeated_ids_and_repeated_choices_are_errors():
    raw = raw_quiz()
    raw["questions"][0]["hint"] = "x"
    with pytest.raises(DataError, match=r"questions\[0\]: unknown field 'hint'"):
        parse_quiz(NAME, raw)
    raw = raw_quiz()
    raw["questions"][1]["id"] = raw["questions"][0]["id"]
    with pytest.raises(DataError, match="id: used twice"):
        parse_quiz(NAME, raw)
    raw = raw_quiz()
    raw["questions"][0]["choices"].append(dict(raw["questions"][0]["choices"][0]))
    with pytest.raises(DataError, match="choices: a choice is listed twice"):
        parse_quiz(NAME, raw)


def test_check_rejects_a_choice_that_is_not_offered():
    q = load_quiz(NAME).questions[0]
    with pytest.raises(ValueError, match="valid choices"):
        q.check("something else")


def test_widget_gives_feedback_with_the_article_for_right_and_wrong_answers():
    quiz = load_quiz(NAME)
    view = QuizWidget(quiz).questions[0]
    q = view.question
    wrong = next(c for c in q.choices if c != q.answer)

    view.check.click()
    assert "Pick an answer first" in view.feedback.value

    view.choices.value = q.choices.index(wrong)
    view.check.click()
    assert "Not quite" in view.feedback.value
    assert "csl-quiz-wrong" in view.feedback.value
    for version, provision in q.answered_by:
        assert provision.citation("zh") in view.feedback.value
        first_line = load_law(version).text_of(provision, "zh").split("\n")[0]
        assert first_line in view.feedback.value

    view.choices.value = q.choices.index(q.answer)
    view.check.click()
    assert "Right." in view.feedback.value
    assert q.explanation.en in view.feedback.value


def test_feedback_escapes_text():
    q = load_quiz(NAME).questions[0]
    bad = dataclasses.replace(
        q.check(q.answer), explanation=Words("<script>x</script>", "<script>中</script>")
    )
    assert "<script>" not in feedback_html(bad)
    assert "<script>" not in feedback_html(bad, "zh")


def test_a_choice_is_judged_in_either_language_or_by_its_index():
    q = load_quiz(NAME).questions[0]
    i = q.choices.index(q.answer)
    assert q.check(q.answer.en).correct and q.check(q.answer.zh).correct and q.check(i).correct
    with pytest.raises(ValueError, match="valid choices"):
        q.check(len(q.choices))
    assert q.check(q.answer).verdict("zh") == "回答正确。"
    wrong = q.check(next(c for c in q.choices if c != q.answer))
    assert wrong.verdict("zh") == f"回答不正确：正确答案是“{q.answer.zh}”。"
    assert wrong.verdict() == f"Not quite: the answer is “{q.answer.en}”."


def test_every_question_choice_and_explanation_has_its_chinese():
    for name in quiz_names():
        quiz = load_quiz(name)
        assert quiz.title.zh
        for q in quiz.questions:
            for words in (q.question, q.explanation, *q.choices):
                assert words.en and any("\u4e00" <= c <= "\u9fff" for c in words.zh), q.id
