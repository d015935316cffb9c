"""Every lesson widget and lesson value in Chinese and English; the lesson data's Chinese checked.

A Chinese reader sees no English interface word (the Law's English text aside, marked
``lang="en"``; citations and numbers are digits); the data's quotations of the Law are checked
against the text on load; every choice is the dashboards' radio group.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import ipywidgets as w
import pytest
import yaml
from latin_words import english_in, latin_words, shown_text, widgets

from csl_helpers.law.data import DataError, data_dir
from csl_helpers.law.load import load_law
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons import definitions, incident, scope
from csl_helpers.lessons.quiz import load_quiz, parse_quiz, quiz_names
from csl_helpers.lessons.words import quotations
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.law.article_view import ArticleView
from csl_helpers.views.law.compare_view import (
    ChapterComparison,
    comparison_html,
    decision_comparison,
)
from csl_helpers.views.lessons.incident import IncidentWalk
from csl_helpers.views.lessons.quiz import QuizWidget, feedback_html
from csl_helpers.views.lessons.scope import ScopeWidget
from csl_helpers.views.lessons.sorter import Sorter

CHINESE = re.compile(r"[\u4e00-\u9fff]")
QUIZ = "01_general_provisions"

BUILDERS: dict[str, Callable[[str], object]] = {
    "quiz": lambda lang: QuizWidget(load_quiz(QUIZ), lang),
    "sorter": lambda lang: Sorter(lang=lang),
    "scope": lambda lang: ScopeWidget(lang),
    "incident": lambda lang: IncidentWalk(lang=lang),
    "article_view": lambda lang: ArticleView(5, lang=lang),
    "compare_view": lambda lang: ChapterComparison(6, lang=lang),
}
"""Each lesson widget, built in a language."""


def test_the_checker_finds_english_words_and_leaves_the_laws_english_aside():
    fragment = '<p>第一章</p><p lang="en">Article 1</p><style>.a{color:red}</style><b>Check</b>'
    assert latin_words(shown_text(fragment)) == ["Check"]
    assert latin_words("英文译文的“less than”应读作“不超过”") == []  # a note quoting the English
    box = w.VBox([w.Button(description="核对"), w.HTML('<i title="Hint">提示</i>')])
    assert list(english_in(box).values()) == [["Hint"]]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(BUILDERS))
def test_every_lesson_widget_builds_in_each_language(name, lang):
    view = BUILDERS[name](lang)
    assert isinstance(view.widget, w.Widget)
    texts = " ".join(shown_text(x.value) for x in widgets(view.widget) if isinstance(x, w.HTML))
    if lang == "zh":
        assert CHINESE.search(texts), name


@pytest.mark.parametrize("name", list(BUILDERS))
def test_a_lesson_widget_refuses_an_unknown_language_naming_the_choices(name):
    with pytest.raises(ValueError, match="lang must be one of en, zh; got 'fr'"):
        BUILDERS[name]("fr")


def test_lesson_functions_refuse_an_unknown_language():
    q = load_quiz(QUIZ).questions[0]
    for call in (
        lambda: load_quiz(QUIZ, "de"),
        lambda: feedback_html(q.check(q.answer), "de"),
        lambda: q.check(q.answer).verdict("de"),
        lambda: definitions.examples()[0].question("de"),
        lambda: comparison_html(61, "zh", "de"),
        lambda: decision_comparison(lang="de"),
    ):
        with pytest.raises(ValueError, match="lang must be one of en, zh; got 'de'"):
            call()


def _no_english(view) -> None:
    found = english_in(view.widget)
    assert not found, found


@pytest.mark.parametrize("name", quiz_names())
def test_each_quiz_in_chinese_has_no_english_word_before_and_after_answers(name):
    view = QuizWidget(load_quiz(name), "zh")
    _no_english(view)
    for question in view.questions:
        question.check.click()  # no answer yet: asks for one
        _no_english(view)
        for i, _ in enumerate(question.question.choices):
            question.choices.value = i
            question.check.click()
            _no_english(view)
    assert "回答正确" in view.questions[0].feedback.value or "回答不正确" in (
        view.questions[0].feedback.value
    )


def test_the_quiz_in_chinese_answers_in_chinese_with_the_laws_words():
    view = QuizWidget(load_quiz(QUIZ), "zh").questions[0]
    q = view.question
    view.choices.value = q.choices.index(q.answer)
    view.check.click()
    assert "回答正确。" in view.feedback.value and q.explanation.zh in view.feedback.value
    wrong = next(i for i, c in enumerate(q.choices) if c != q.answer)
    view.choices.value = wrong
    view.check.click()
    assert f"回答不正确：正确答案是“{q.answer.zh}”。" in view.feedback.value
    for version, provision in q.answered_by:
        assert load_law(version).text_of(provision, "zh") in view.feedback.value


def test_the_sorter_in_chinese_has_no_english_word_through_every_example():
    view = Sorter(lang="zh")
    for _ in view.items:
        _no_english(view)
        view.choice.value = True
        view.check.click()
        _no_english(view)
        view.next.click()
    assert view.items[0].question("zh") == "这属于网络运营者吗？"


def test_the_scope_widget_in_chinese_has_no_english_word_for_any_case():
    view = ScopeWidget("zh")
    for network in view.network.values:
        for activity in view.activity.values:
            for serious in (False, True):
                view.network.value, view.activity.value = network, activity
                view.serious.value = serious
                _no_english(view)


def test_the_incident_walk_in_chinese_has_no_english_word_at_any_step():
    view = IncidentWalk(lang="zh")
    for version in version_ids():
        view.version.value = version
        for i in range(len(view.steps)):
            view.go(i)
            _no_english(view)
            assert view.steps[i].situation.zh in view.text.value


@pytest.mark.parametrize("chapter", range(1, 8))
def test_the_article_view_in_chinese_shows_no_english_interface_word(chapter):
    for version in version_ids():
        for show in ("zh", "both", "en"):
            view = ArticleView(chapter, version, "zh", show)
            _no_english(view)
    view = ArticleView(chapter, lang="zh")
    assert view.lang_picker.labels[0] == "中文"  # the Chinese leads


@pytest.mark.parametrize("chapter", range(1, 8))
def test_the_comparison_in_chinese_shows_no_english_interface_word(chapter):
    view = ChapterComparison(chapter, lang="zh")
    for article in [value for _, value in view.picker.options]:
        view.picker.value = article
        _no_english(view)
    assert not latin_words(shown_text(decision_comparison(lang="zh")._repr_html_()))
    assert not latin_words(repr(decision_comparison(lang="zh")))


def test_the_english_defaults_are_unchanged():
    quiz = QuizWidget(load_quiz(QUIZ)).questions[0]
    quiz.check.click()
    assert "Pick an answer first." in quiz.feedback.value
    assert load_quiz(QUIZ).heading() == "Chapter 1: General Provisions: 4 questions"
    assert definitions.examples()[0].question() == "Is this a network operator?"
    assert repr(decision_comparison()).startswith("The Decision's 14 items, on articles 3, 19")
    assert "<h4>Item 1</h4><p><b>New in 2025</b>" in decision_comparison()._repr_html_()


def test_a_quiz_shows_itself_in_the_readers_language():
    quiz = load_quiz(QUIZ, "zh")
    assert quiz.plain().startswith("第一章 总则：4道题\n- ")
    assert "2025年文本第二条" in quiz._repr_html_()
    assert not latin_words(shown_text(quiz._repr_html_()))
    assert not latin_words(quiz.plain())


@pytest.mark.parametrize("name", list(BUILDERS))
def test_every_choice_is_the_dashboards_radio_group(name):
    view = BUILDERS[name]("zh")
    found = list(widgets(view.widget))
    assert not any(isinstance(x, w.ToggleButtons | w.RadioButtons) for x in found), name
    assert any(isinstance(x, ChoiceButtons) for x in found), name


def test_a_quiz_choice_starts_unchosen_and_the_arrow_model_field_chooses():
    view = QuizWidget(load_quiz(QUIZ), "zh").questions[0]
    assert view.choices.value is None and view.choices.index is None
    view.choices.index = 1  # what the front end sends on an arrow key or a click
    assert view.choices.value == 1
    view.check.click()
    assert view.feedback.value


# The data: both languages required, quotations of the Law checked against the text.


def _bad_copy(tmp_path: Path, name: str, old: str, new: str) -> dict:
    """``data/<name>`` with ``old`` replaced once by ``new``, written to and read from a file."""
    text = (data_dir() / name).read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / Path(name).name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_quiz_quotation_not_in_the_text_is_a_data_error(tmp_path):
    raw = _bad_copy(
        tmp_path,
        f"quizzes/{QUIZ}.yaml",
        "“任何个人和组织有权对危害网络安全的行为",
        "“任何个人和组织有义务对危害网络安全的行为",
    )
    with pytest.raises(
        DataError,
        match=rf"quizzes/{QUIZ}.yaml, question 'report_right': explanation.zh: the quotation "
        "'任何个人和组织有义务对危害网络安全的行为.*' does not occur",
    ):
        parse_quiz(QUIZ, raw)


def test_chinese_in_an_english_text_is_checked_as_a_quotation(tmp_path):
    raw = _bad_copy(tmp_path, f"quizzes/{QUIZ}.yaml", "(建设、运营、维护和使用)", "(建设和拥有)")
    with pytest.raises(
        DataError, match=r"question 'scope_activities': explanation.en: .*建设和拥有"
    ):
        parse_quiz(QUIZ, raw)


def test_a_quiz_text_missing_its_chinese_is_a_data_error(tmp_path):
    raw = _bad_copy(tmp_path, f"quizzes/{QUIZ}.yaml", "", "")
    del raw["questions"][2]["choices"][1]["zh"]
    with pytest.raises(
        DataError, match=r"question 'coordinator': choices\[1\]: needs .* en and zh"
    ):
        parse_quiz(QUIZ, raw)
    raw = _bad_copy(tmp_path, f"quizzes/{QUIZ}.yaml", "", "")
    raw["questions"][0]["question"]["zh"] = "Which activities?"
    with pytest.raises(DataError, match=r"question 'scope_activities': question.zh: expected"):
        parse_quiz(QUIZ, raw)


@pytest.fixture
def from_file(monkeypatch):
    """Make a lesson module read its data file from a given path, its caches cleared."""
    cleared = [scope._tables, definitions.examples, incident.incident_steps]

    def use(module, raw: dict) -> None:
        monkeypatch.setattr(module, "read_yaml", lambda name: raw)
        for f in cleared:
            f.cache_clear()

    yield use
    monkeypatch.undo()
    for f in cleared:
        f.cache_clear()


def test_a_scope_reason_quoting_words_not_in_its_provision_is_a_data_error(tmp_path, from_file):
    raw = _bad_copy(tmp_path, "scope.yaml", "“造成严重后果的”为追究责任", "“情节严重的”为追究责任")
    from_file(scope, raw)
    with pytest.raises(DataError, match=r"scope.yaml, rules\[3\].reason.zh: .*'情节严重的'"):
        scope.networks()


def test_a_definition_example_quoting_words_not_in_the_definition_is_a_data_error(
    tmp_path, from_file
):
    raw = _bad_copy(tmp_path, "definition_examples.yaml", "“个人生物识别信息”", "“人脸信息”")
    from_file(definitions, raw)
    with pytest.raises(
        DataError, match=r"example 'fingerprint': explanation.zh: the quotation '人脸信息'"
    ):
        definitions.examples()


def test_an_incident_step_quoting_words_not_in_its_provisions_is_a_data_error(tmp_path, from_file):
    raw = _bad_copy(tmp_path, "incident_steps.yaml", "“经国务院决定或者批准", "“经国家网信部门决定")
    from_file(incident, raw)
    with pytest.raises(DataError, match=r"step 'restriction': situation.zh: the quotation"):
        incident.incident_steps()


def test_every_lesson_text_has_chinese_and_its_quotations_occur_in_the_law():
    texts = []
    for name in quiz_names():
        quiz = load_quiz(name)
        for q in quiz.questions:
            law = " ".join(load_law(v).article(p.article).text("zh") for v, p in q.answered_by)
            for words in (q.question, q.explanation, *q.choices):
                texts.append(words)
                for quote in quotations(words):
                    assert all(part in law for part in quote.split("…") if part), quote
    texts += [e.example for e in definitions.examples()]
    texts += [s.situation for s in incident.incident_steps()]
    texts += [scope.reach(v, network="china", activity="run").reason for v in version_ids()]
    assert texts and all(CHINESE.search(t.zh) and t.en for t in texts)


# The lesson tables and rich displays in the reader's language.


def _tables(lang: str) -> dict[str, object]:
    from csl_helpers.lessons import chapter, liability, tables
    from csl_helpers.penalties.version_rule import applicable_law

    decision = applicable_law(date(2025, 6, 1), date(2026, 3, 1), 59, 1)
    return {
        "versions": tables.versions_table(lang),
        "reach": tables.reach_table("china", "endanger_from_abroad", True, lang),
        "incident": tables.incident_table(lang),
        "examples": tables.examples_table(3, lang),
        "decision": tables.decision_table(lang),
        "changed": tables.changed_articles_table(lang),
        "ceilings": tables.ceilings_table(lang),
        "sizes": tables.chapter_sizes_table(lang),
        "subjects": tables.duties_per_subject_table(lang),
        "tiers": tables.tiers_table(lang),
        "links": tables.links_table(lang),
        "chapter_changes": tables.chapter_changes(6, lang),
        "origins": tables.origins_table(1, 2, 3, lang=lang),
        "chapters": tables.chapters_table("2016", lang),
        "fined": liability.fined_clauses(lang),
        "verdicts": liability.verdicts_table(lang),
        "mitigation": liability.mitigation_table(decision, lang),
        "in_versions": chapter.chapter_in_versions(6, lang),
        "key_terms": chapter.key_terms(7, lang),
        "quiz": load_quiz(QUIZ, lang),
    }


@pytest.mark.parametrize("name", list(_tables("en")))
def test_each_lesson_table_in_chinese_has_chinese_headers_and_no_english_word(name):
    value = _tables("zh")[name]
    assert not latin_words(value.plain()), (name, latin_words(value.plain()))
    assert not latin_words(shown_text(value._repr_html_())), name
    assert CHINESE.search(value.plain())


@pytest.mark.parametrize("name", list(_tables("en")))
def test_each_lesson_table_in_english_keeps_its_english_words(name):
    value = _tables("en")[name]
    assert latin_words(value.plain()), name


def test_no_id_is_shown_as_a_label_in_chinese():
    ids = re.compile(r"\b[a-z]+_[a-z_]+\b")
    for name, value in _tables("zh").items():
        assert not ids.search(value.plain()), (name, ids.findall(value.plain()))
    tiers = _tables("zh")["tiers"].plain()
    assert "第一档" in tiers and "base" not in tiers


def test_no_tier_id_is_shown_in_english_either():
    from csl_helpers.penalties.model import TIERS

    tiers = _tables("en")["tiers"]
    fined = _tables("en")["fined"].items
    for table in (tiers, *fined):
        column = table.head.index("tier")
        assert not {row[column] for row in table.rows} & set(TIERS), table.title


def test_a_table_refuses_an_unknown_language():
    from csl_helpers.lessons import chapter, liability, tables

    for call in (
        lambda: tables.versions_table("fr"),
        lambda: tables.incident_table("fr"),
        lambda: liability.verdicts_table("fr"),
        lambda: chapter.key_terms(1, "fr"),
        lambda: chapter.chapter_in_versions(1, "fr"),
    ):
        with pytest.raises(ValueError, match="lang must be one of en, zh; got 'fr'"):
            call()


def test_the_english_tables_read_as_before():
    from csl_helpers.lessons import tables

    assert tables.versions_table().plain().splitlines()[1].split() == [
        "version",
        "adopted",
        "in",
        "force",
        "from",
        "until",
        "articles",
    ]
    assert "2016 Article 51 / 2025 Article 53" in tables.incident_table().plain()
    assert "Is this a network operator?  Yes" in tables.examples_table().plain()


def test_a_scope_choice_quoting_words_no_rule_rests_on_is_a_data_error(tmp_path, from_file):
    raw = _bad_copy(tmp_path, "scope.yaml", 'zh: "在境外"', 'zh: "在“境外的网络”"')
    from_file(scope, raw)
    with pytest.raises(
        DataError, match=r"scope.yaml, networks\[2\].zh: the quotation '境外的网络'"
    ):
        scope.networks()


def test_a_2016_value_in_a_chinese_lesson_says_in_chinese_that_it_is_no_longer_in_force():
    from csl_helpers.law.display import out_of_force_mark, out_of_force_note
    from csl_helpers.lessons.chapter import chapter_in_versions

    mark, note = out_of_force_mark("2016", "zh"), out_of_force_note("2016", "zh")
    walk = IncidentWalk("2016", "zh")
    assert mark in walk.text.value
    walk.version.value = "2025"
    assert mark not in walk.text.value
    scope_view = ScopeWidget("zh")
    assert scope_view.result.value.count(mark) == 1
    shown = chapter_in_versions(5, "zh")
    assert note in shown.plain() and note in shown.to_html()
    assert "not in force" not in shown.to_html()


def test_the_chapter_cells_show_the_laws_values_in_the_readers_language():
    from csl_helpers.law.model import Provision
    from csl_helpers.lessons.chapter import articles, chapters
    from csl_helpers.lessons.liability import every_tier

    for value in (
        chapters(5, "zh"),
        articles(1, 2, lang="zh"),
        every_tier("2025", Provision(61, 1), lang="zh"),
    ):
        assert not latin_words(value.plain()) and CHINESE.search(value.plain())
        assert not latin_words(shown_text(value._repr_html_()))
    assert chapters(5).plain().startswith("Chapter 5: ")
    with pytest.raises(ValueError, match="lang must be one of en, zh; got 'fr'"):
        chapters(5, "fr")


def test_the_comparison_opens_on_the_readers_language_unless_told():
    english = ChapterComparison(6, lang="en")  # as notebook 08 asks for the English text
    assert english.lang.value == "en" and 'lang="en"' in english.text.value
    chinese = ChapterComparison(6, lang="zh")
    assert chinese.lang.value == "zh" and chinese.lang.labels[0] == "中文"
    assert ChapterComparison(6, show="zh").lang.value == "zh"


def test_the_lesson_values_show_themselves_in_a_language_as_the_package_s_values_do():
    from csl_helpers.law.display import Stack
    from csl_helpers.lessons.chapter import chapter_in_versions, key_terms

    values = (key_terms(5), chapter_in_versions(5), load_quiz(QUIZ))
    shown = Stack(values).shown_in("zh")
    assert not latin_words(shown.plain()) and not latin_words(shown_text(shown._repr_html_()))
    assert [v.shown_in("zh").plain() for v in values] == [
        key_terms(5, "zh").plain(),
        chapter_in_versions(5, "zh").plain(),
        load_quiz(QUIZ, "zh").plain(),
    ]
    assert Stack(values).plain().startswith("Network (网络)")
