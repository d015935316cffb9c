"""The version rule says only what the texts support, in both languages.

Every claim about the Administrative Penalty Law (APL) is checked against its Chinese text in
../shared/law-sources/: Art. 36(2) only starts the limitation of a continuing act at its end;
Art. 29 is about one act under several norms, not a lighter penalty; its five years came with
the law in force from 2021-07-15; the Personal Information Protection Law (Art. 66) was in
force before the 2025 text referred penalties to it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from csl_helpers.penalties import simulate
from csl_helpers.penalties.apl import administrative_penalty_law
from csl_helpers.penalties.comparison import compare
from csl_helpers.penalties.limitation import limitation, possibilities
from csl_helpers.penalties.version_rule import applicable_law
from csl_helpers.views.penalties.markup import applicable_html

APL = administrative_penalty_law()


def _article(source: str, number: str) -> str:
    """The text of one article (all its paragraphs) of a law in ../shared/law-sources/."""
    found = re.search(
        rf"^第{number}条 .*?(?=^第[一二三四五六七八九十百]+条 |\Z)", source, re.M | re.S
    )
    assert found, f"第{number}条 not found"
    return found.group(0)


@pytest.fixture(scope="module")
def apl_text(shared_sources):
    return (shared_sources / "administrative-penalty-law-2021.zh.md").read_text("utf-8")


# ---- the continuing act: the suite's assumption ----------------------------------------------


def test_art_36_only_starts_the_limitation_of_a_continuing_act_at_its_end(apl_text):
    art36 = _article(apl_text, "三十六")
    assert "违法行为有连续或者继续状态的，从行为终了之日起计算" in art36
    assert "适用" not in art36  # it says nothing about which law applies


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_continuing_act_sentence_is_marked_as_the_suites_assumption(lang):
    a = applicable_law(
        date(2025, 10, 1), date(2026, 3, 1), 59, 1, continuing_until=date(2025, 12, 1)
    )
    first = a.worded(lang)[0]
    if lang == "en":
        assert "the suite's assumption, not a rule of the Administrative Penalty Law" in first
        assert "Article 36(2)" in first and "limitation" in first
    else:
        assert "本套件的假定，并非《行政处罚法》的规定" in first
        assert "第三十六条第二款" in first and "从行为终了之日起计算" in first
    assert first in a.explain(lang)


# ---- Art. 29 under its own heading -----------------------------------------------------------


def test_art_29_is_not_a_rule_on_a_lighter_penalty(apl_text):
    art29 = _article(apl_text, "二十九")
    assert "从轻" not in art29 and "减轻" not in art29 and "不予" not in art29
    assert APL.several_norms.heading.zh in art29
    assert APL.several_norms.provision.zh in art29
    for version in ("2016", "2025"):
        cited = [p.provision for p in possibilities(version)]
        assert not any("Article 29" in c for c in cited), cited


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_art_29_stands_apart_from_the_possibilities_to_examine(lang):
    a = applicable_law(date(2026, 2, 1), date(2026, 3, 1), 61, 1)
    assert a.several_norms is not None and "29" in a.several_norms.provision
    shown = applicable_html(a, lang)
    details = shown[shown.index("<details>") :]
    heading = APL.several_norms.heading.text(lang)
    assert heading in shown[: shown.index("<details>")]
    assert heading not in details and "二十九" not in details and "Article 29" not in details
    assert a.several_norms_sentence(lang) in a.explain(lang)


# ---- clauses referred to other laws ----------------------------------------------------------


def test_the_pipl_applied_before_the_2025_text_referred_to_it(shared_sources):
    pipl = (shared_sources / "pipl-2021.zh.md").read_text("utf-8")
    (law,) = [o for o in APL.other_laws if "个人信息保护法" in o.title.zh]
    assert law.title.zh in pipl
    assert (
        f"本法自{law.in_force_from.year}年{law.in_force_from.month}月{law.in_force_from.day}日起施行"
        in pipl
    )
    art = _article(pipl, "六十六")
    assert "个人信息" in art and "罚款" in art and law.article == 66
    assert law.in_force_from < date(2026, 1, 1)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_referral_says_other_laws_may_have_applied_and_the_suite_does_not_decide(lang):
    a = applicable_law(date(2025, 6, 1), date(2026, 3, 1), 64, 1)
    assert [c.verdict for c in a.comparisons] == ["referred"]
    last = a.worded(lang)[-1]
    if lang == "en":
        assert "Personal Information Protection Law Article 66, in force from 2021-11-01" in last
        assert "may already have applied to the act when it took place" in last
        assert "Article 29" in last and "does not decide" in last
        assert "unless the provision of those laws is lighter" not in last
    else:
        assert "《个人信息保护法》第六十六条，该法自2021年11月1日起施行" in last
        assert "在违法行为发生时已经施行的，当时可能已经适用" in last
        assert "第二十九条" in last and "本套件不作判断" in last


# ---- measures compared exactly ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_penalty_reworded_is_not_called_the_same(lang):
    old = simulate("2016", 61, 1, tier="aggravated")
    new = simulate("2025", 64, 1, tier="aggravated")
    verdict, reasons = compare(old, new, lang)
    text = " ".join(reasons)
    if lang == "zh":
        assert "处罚种类均相同" not in text
        assert "“关闭网站”改为“关闭网站或者应用程序”" in text and "适用范围" in text
    else:
        assert "and penalties are the same" not in text
        assert "website closed is now website or application closed" in text
    assert verdict == "same"  # the same fines and kinds: not lighter, so the 2016 text applies


def test_clauses_whose_penalties_match_word_for_word_still_say_so():
    verdict, reasons = compare(simulate("2016", 61, 1), simulate("2025", 64, 1), "zh")
    assert verdict == "same" and reasons == ("罚款、被处罚款的人员、拘留和处罚种类均相同。",)


# ---- the five years of Art. 36 only from 2021-07-15 ------------------------------------------


def test_the_revised_apl_came_into_force_on_the_day_the_data_says(apl_text):
    d = APL.in_force_from
    assert f"本法自{d.year}年{d.month}月{d.day}日起施行" in apl_text


def test_no_five_year_limitation_for_an_act_before_the_revised_apl():
    day = APL.in_force_from
    before, on = limitation(date(2021, 7, 14), None, True), limitation(day, None, True)
    assert (before.years, before.extended_in_question) == (2, True)
    assert (on.years, on.extended_in_question) == (5, False)
    assert limitation(date(2021, 7, 14), None, False).extended_in_question is False
    # discovered after two years but within five: whether the period has run is in question
    assert limitation(date(2021, 1, 1), date(2024, 1, 1), True).expired is None
    assert limitation(date(2021, 1, 1), date(2022, 6, 1), True).expired is False
    assert limitation(date(2021, 1, 1), date(2026, 6, 1), True).expired is True


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_limitation_sentence_says_the_five_years_are_in_question(lang):
    a = applicable_law(
        date(2021, 3, 1),
        date(2026, 3, 1),
        59,
        1,
        discovered=date(2024, 1, 1),
        life_health_or_finance_harmed=True,
    )
    sentence = a.limitation_sentence(lang)
    if lang == "en":
        assert "2 years from 2021-03-01" in sentence and "in force from 2021-07-15" in sentence
        assert "in question" in sentence and "5 years" not in sentence
    else:
        assert "自2021年3月1日起2年" in sentence and "自2021年7月15日起施行" in sentence
        assert "尚有疑问" in sentence and "五年期限" in sentence and "2021-" not in sentence
    assert sentence in a.explain(lang)
    assert applicable_html(a, lang).count("2021") >= 2


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_undiscovered_act_is_told_when_the_limitation_runs_out(lang, apl_text):
    a = applicable_law(date(2025, 3, 1), date(2026, 3, 1), 61, 1)
    sentence = a.limitation_sentence(lang)
    if lang == "en":
        assert sentence.endswith(
            "last day 2027-03-01; it has run if the act is not discovered by then."
        )
    else:
        assert sentence.endswith(
            "最后一日为2027年3月1日；违法行为在此日以前未被发现的，不再给予行政处罚。"
        )
        assert "不再给予行政处罚" in _article(apl_text, "三十六")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_law_in_force_only_after_the_act_is_not_said_to_have_applied_to_it(lang):
    (law,) = APL.other_laws
    a = applicable_law(law.in_force_from - timedelta(days=1), date(2026, 3, 1), 64, 1)
    last = a.worded(lang)[-1]
    if lang == "en":
        assert "in force only from 2021-11-01, after the act" in last
    else:
        assert "该法自2021年11月1日起才施行，晚于违法行为" in last
    on_the_day = applicable_law(law.in_force_from, date(2026, 3, 1), 64, 1).worded(lang)[-1]
    assert "after the act" not in on_the_day and "晚于违法行为" not in on_the_day
