""" "No longer in force" in the reader's language wherever a value of the 2016 text is shown.

One mechanism (csl_helpers.law.display) words the note and the row mark in English or Chinese
from the dates of data/versions.yaml: the 2016 text applied through 2025-12-31 and ceased to be
in force on 2026-01-01 (2026年1月1日). Rich displays, the CSV and Markdown exports and the bare
HTML fragments of the dashboards carry it in their language.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest
from IPython.lib.pretty import pretty

from csl_helpers.law.display import out_of_force_mark, out_of_force_note
from csl_helpers.law.version_registry import versions
from csl_helpers.obligations.checklist import checklist
from csl_helpers.obligations.duties import Profile
from csl_helpers.penalties import simulate
from csl_helpers.penalties.comparison import version_changes
from csl_helpers.penalties.version_rule import applicable_law
from csl_helpers.translation import worded_date
from csl_helpers.views.obligations.checklist_markup import checklist_html
from csl_helpers.views.penalties.markup import applicable_html, outcome_html

OLD, NEW = versions()[0], versions()[-1]
SINCE = OLD.in_force_until + timedelta(days=1)
ZH_SINCE = f"{SINCE.year}年{SINCE.month}月{SINCE.day}日"
ZH_NOTE = out_of_force_note(OLD.id, "zh")
EN_NOTE = out_of_force_note(OLD.id, "en")
PROFILE = Profile(network_operator=True, personal_information=True, identity_services=True)
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_the_note_is_worded_in_each_language_from_the_data():
    assert ZH_SINCE == "2026年1月1日"
    assert ZH_NOTE == (
        f"{OLD.id}年文本自{ZH_SINCE}起不再施行（施行期间为{worded_date(OLD.in_force_from, 'zh')}"
        f"至{worded_date(OLD.in_force_until, 'zh')}）。"
    )
    assert SINCE.isoformat() in EN_NOTE and OLD.in_force_until.isoformat() in EN_NOTE
    assert out_of_force_note(NEW.id, "zh") is None and out_of_force_mark(NEW.id, "zh") == ""
    assert out_of_force_mark(OLD.id, "zh") == "（已不再施行）"
    assert worded_date(date(2026, 1, 1), "zh") == "2026年1月1日"
    with pytest.raises(ValueError, match="lang must be one of en, zh; got 'de'"):
        out_of_force_note(OLD.id, "de")


def _values(version):
    sheet = checklist(PROFILE, version)
    outcome = simulate(version, 59 if version == OLD.id else 61, 1)
    shown = {"outcome": outcome, "checklist": sheet}
    if version == OLD.id:
        shown["comparison"] = version_changes()[0]
    return shown


@pytest.mark.parametrize("kind", ["outcome", "checklist", "comparison"])
def test_rich_displays_carry_the_note_in_the_language_they_are_shown_in(kind):
    value = _values(OLD.id)[kind]
    zh = value.shown_in("zh")
    assert ZH_NOTE in zh._repr_html_() and ZH_NOTE in pretty(zh)
    assert EN_NOTE not in zh._repr_html_() and EN_NOTE not in pretty(zh)
    assert EN_NOTE in value._repr_html_() and EN_NOTE in pretty(value)
    assert pretty(value.shown_in("en")) == pretty(value)
    with pytest.raises(ValueError, match="lang must be one of en, zh; got 'fr'"):
        value.shown_in("fr")
    if kind != "comparison":
        current = _values(NEW.id)[kind].shown_in("zh")
        assert ZH_NOTE not in pretty(current) and ZH_NOTE not in current._repr_html_()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("version", ["2016", "2025"])
def test_the_csv_names_the_columns_of_the_text_no_longer_in_force(version, lang):
    sheet = checklist(PROFILE, version)
    head = next(csv.reader(io.StringIO(sheet.to_csv(lang), newline="")))
    old_columns = [h for h in head if OLD.id in h]
    assert old_columns, head
    for h in old_columns:
        assert (f"{ZH_SINCE}起不再施行" if lang == "zh" else f"not in force since {SINCE}") in h
    assert not any(NEW.id in h and ("施行" in h or "force" in h) for h in head)


def test_the_chinese_csv_names_its_columns_in_the_laws_words():
    head = next(csv.reader(io.StringIO(checklist(PROFILE, NEW.id).to_csv("zh"), newline="")))
    assert "执行方式" not in head and "编号" not in head
    assert "法律责任" in head  # 第六章 法律责任, the Law's word for the consequences of a breach
    assert "机读标识" in head  # the ids, named as a column for programs


@pytest.mark.parametrize("version", ["2016", "2025"])
def test_the_markdown_dates_are_right_and_in_the_readers_language(version):
    zh = checklist(PROFILE, version).to_markdown("zh")
    en = checklist(PROFILE, version).to_markdown("en")
    assert not ISO.search(zh), ISO.findall(zh)
    assert "失效" not in zh
    if version == OLD.id:
        assert "2016年文本自2017年6月1日起施行，施行至2025年12月31日。" in zh
        assert ZH_NOTE in zh and EN_NOTE in en
    else:
        assert "2025年文本自2026年1月1日起施行。" in zh
        assert "（已不再施行的2016年文本：" in zh and "(2016 text (no longer in force): " in en
        assert "（2016年文本（" not in zh
        assert ZH_NOTE not in zh


def test_the_bare_fragments_carry_the_note_in_chinese():
    old = simulate(OLD.id, 59, 1)
    assert ZH_NOTE in outcome_html(old, ui="zh") and EN_NOTE in outcome_html(old)
    assert "不再施行" not in outcome_html(simulate(NEW.id, 61, 1), ui="zh")
    a = applicable_law(date(2025, 6, 1), date(2026, 3, 1), 59, 1)
    assert a.version == OLD.id and ZH_NOTE in applicable_html(a, "zh")
    assert ZH_NOTE in a.explain("zh")
    assert ZH_NOTE in checklist_html(checklist(PROFILE, OLD.id), ui="zh")
    current = checklist_html(checklist(PROFILE, NEW.id), ui="zh")
    assert ZH_NOTE not in current and "2016（已不再施行）年文本" not in current
    assert "已不再施行的2016年文本：" in current and "（2016年文本（" not in current


def test_duties_mark_the_other_text_and_carry_the_note_in_their_language():
    from csl_helpers.obligations.duties import obligation, obligations_for

    current = obligations_for(PROFILE, NEW.id)[0]
    rows = dict(current.rows("zh"))
    assert f"{OLD.id}年文本（已不再施行）" in rows
    assert f"{OLD.id} text (no longer in force)" in dict(current.rows())
    assert ZH_NOTE not in pretty(current.shown_in("zh"))
    old = obligations_for(PROFILE, OLD.id)[0].shown_in("zh")
    assert ZH_NOTE in pretty(old) and ZH_NOTE in old._repr_html_()
    assert EN_NOTE not in pretty(old)
    both = obligation("monitoring_and_logs").shown_in("zh")
    assert ZH_NOTE in pretty(both) and ZH_NOTE in both._repr_html_()
    assert f"{OLD.id}年文本（已不再施行）" in both._repr_html_()
    assert EN_NOTE not in both._repr_html_()


def test_a_table_and_a_stack_carry_the_note_in_their_language():
    from csl_helpers.law.display import Stack, Table

    t = Table("标题", ("甲",), (("乙",),), OLD.id, lang="zh")
    assert ZH_NOTE in pretty(t) and ZH_NOTE in t._repr_html_() and EN_NOTE not in pretty(t)
    assert EN_NOTE in pretty(t.shown_in("en"))
    stack = Stack((simulate(OLD.id, 59, 1), Table("t", ("a",), (("b",),), OLD.id)))
    shown = pretty(stack.shown_in("zh"))
    assert shown.count(ZH_NOTE) == 2 and EN_NOTE not in shown


def test_an_article_a_chapter_and_a_term_of_the_2016_text_say_so_in_chinese():
    from csl_helpers.law.load import load_law

    law = load_law(OLD.id)
    from csl_helpers.law.glossary import glossary

    for value in (law.article(21), law.chapter(3), glossary(OLD.id)[2]):
        zh = value.shown_in("zh")
        assert ZH_NOTE in pretty(zh) and ZH_NOTE in zh._repr_html_()
        assert EN_NOTE not in pretty(zh) and EN_NOTE not in zh._repr_html_()
        assert EN_NOTE in pretty(value)
    assert pretty(law.article(21).shown_in("zh")).startswith("第二十一条（2016年文本）\n")
    assert pretty(law.chapter(3).shown_in("zh")).startswith("第三章 网络运行安全（2016年文本）")
    current = load_law(NEW.id).article(21).shown_in("zh")
    assert "不再施行" not in pretty(current)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tables_mixing_both_texts_mark_the_2016_rows(lang):
    from csl_helpers.lessons.chapter import key_terms
    from csl_helpers.lessons.liability import verdicts_table
    from csl_helpers.lessons.quiz import load_quiz
    from csl_helpers.views.lessons.quiz import feedback_html

    mark = out_of_force_mark(OLD.id, lang)
    note = ZH_NOTE if lang == "zh" else EN_NOTE
    terms = pretty(key_terms(3, lang))
    for line in terms.splitlines():
        assert line.count(mark) == line.count(f"{OLD.id}年文本" if lang == "zh" else f"{OLD.id} ")
    assert mark in terms and mark in key_terms(3, lang)._repr_html_()
    table = verdicts_table(lang)
    assert note in pretty(table) and note in table._repr_html_()
    quiz = load_quiz("03_network_operation_security", lang)
    question = next(q for q in quiz.questions if any(v == OLD.id for v, _p in q.answered_by))
    shown = feedback_html(question.check(question.answer), lang)
    assert f"{OLD.id}" in shown and mark in shown


def test_cross_references_in_chinese_are_chinese_with_the_chinese_note():
    from csl_helpers.law.links import chapter_references

    refs = chapter_references(OLD.id, 3).shown_in("zh")
    text = pretty(refs)
    assert ZH_NOTE in text and ZH_NOTE in refs._repr_html_()
    assert not re.search(r"[A-Za-z]{2,}", text), text
    assert "第五十九条（第六章）引用第二十一条" in text
    assert pretty(chapter_references(OLD.id, 3)).startswith("2016 text, Chapter 3 cites")


def test_a_side_by_side_of_the_2016_text_says_so_in_chinese():
    from csl_helpers.law.diff import side_by_side

    shown = side_by_side(40, OLD.id, NEW.id, "zh").shown_in("zh")
    assert pretty(shown).startswith("2016年文本第四十条 → 2025年文本第四十二条\n" + ZH_NOTE)
    assert ZH_NOTE in shown._repr_html_() and EN_NOTE not in shown._repr_html_()
