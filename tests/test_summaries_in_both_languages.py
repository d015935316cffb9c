"""Outcome and ApplicableLaw give their summaries in English or Chinese.

In Chinese every line is the Law's words or the catalogue's Chinese: no English word, the
Chinese colon, the people and measures as the clause words them. A language other than the two
is told with the field's name and the valid choices.
"""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from IPython.lib.pretty import pretty
from outcomes import every_outcome_of_each_version

from csl_helpers.penalties import simulate
from csl_helpers.penalties.version_rule import applicable_law

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
BAD_LANG = "lang must be one of en, zh; got 'fr'"


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html.split("</style>")[-1]))


def test_every_outcome_has_a_chinese_summary_without_an_english_word():
    count = 0
    for o in every_outcome_of_each_version():
        count += 1
        zh = o.summary("zh")
        where = (o.version, o.basis, o.tier)
        assert not ENGLISH_WORD.search(zh), (where, ENGLISH_WORD.findall(zh))
        assert zh.splitlines()[0].startswith(f"{o.version}年文本{o.citation('zh')}（"), where
        assert all("：" in line for line in zh.splitlines()[1:]), where
        assert o.trigger.zh in zh, where
        for s in o.measures:
            assert s.wording in zh, where
        html = _text(o.to_html("zh"))
        assert not ENGLISH_WORD.search(html), (where, ENGLISH_WORD.findall(html))
    assert count > 100


def test_the_english_summary_is_unchanged_by_the_chinese_one():
    o = simulate("2016", 59, 2, tier="aggravated")
    assert o.summary() == o.summary("en")
    assert o.summary().splitlines()[:3] == [
        "2016 text, Article 59(2), “refuses to correct or causes harm to network security”",
        "  when: if it refuses to make corrections or causes consequences such as endangering "
        "network security",
        "  fine on the offender (shall): 100,000 to 1,000,000 yuan",
    ]
    assert o.summary("zh").splitlines()[1] == "  适用情形：拒不改正或者导致危害网络安全等后果的"


def test_a_measure_is_named_in_the_laws_words_and_a_penalty_as_such():
    o = simulate("2016", 59, 2, tier="aggravated")
    zh = o.summary("zh")
    assert "  行政处罚：给予警告" in zh.splitlines()  # 警告 is an administrative penalty
    assert "  其他措施：责令改正" in zh.splitlines()  # an order to correct is not


@pytest.mark.parametrize("kind", ["outcome", "applicable"])
def test_a_language_other_than_the_two_is_refused_with_the_choices(kind):
    value = (
        simulate("2025", 61, 1)
        if kind == "outcome"
        else applicable_law(date(2025, 6, 1), date(2026, 3, 1), 59, 1)
    )
    calls = [value.plain, value.to_html, value.shown_in]
    calls += [value.summary] if kind == "outcome" else [value.explain, value.worded]
    for call in calls:
        with pytest.raises(ValueError, match=BAD_LANG):
            call("fr")


def test_the_version_rule_explains_itself_in_chinese_without_an_english_word():
    for args, kw in (
        ((date(2025, 6, 1), date(2026, 3, 1), 59, 1), {"tier": "aggravated"}),
        ((date(2025, 6, 1), date(2026, 3, 1), 64, 1), {}),
        ((date(2021, 3, 1), date(2026, 3, 1), 61, 1), {"continuing_until": date(2021, 5, 1)}),
        ((date(2026, 2, 1), date(2026, 3, 1), 61, 1), {}),
    ):
        a = applicable_law(*args, **kw)
        zh = a.explain("zh")
        assert not ENGLISH_WORD.search(zh), ENGLISH_WORD.findall(zh)
        shown = a.shown_in("zh")
        assert pretty(shown) == zh
        html = _text(shown._repr_html_())
        assert not ENGLISH_WORD.search(html), ENGLISH_WORD.findall(html)
        assert pretty(a) == a.explain()


def test_comparisons_checklists_and_duties_in_chinese_have_no_english_word():
    from csl_helpers.obligations.checklist import checklist
    from csl_helpers.obligations.duties import Profile, obligation, obligations_for
    from csl_helpers.penalties import version_changes

    shown = [c.shown_in("zh") for c in version_changes()]
    profile = Profile(
        network_operator=True, personal_information=True, identity_services=True, cii_operator=True
    )
    for version in ("2016", "2025"):
        shown.append(checklist(profile, version).shown_in("zh"))
        shown += [d.shown_in("zh") for d in obligations_for(profile, version)]
    shown.append(obligation("monitoring_and_logs").shown_in("zh"))
    for value in shown:
        for text in (pretty(value), _text(value._repr_html_())):
            assert not ENGLISH_WORD.search(text), (value.value, ENGLISH_WORD.findall(text))


def test_an_outcome_is_headed_by_its_tiers_name_not_its_id():
    ids = ("base", "aggravated", "especially serious")
    for o in every_outcome_of_each_version():
        for lang in ("en", "zh"):
            assert o.tier_label(lang) in o.heading(lang)
            assert o.tier_label(lang) in _text(o.to_html(lang))
            assert not any(f"{i} tier" in o.heading(lang) for i in ids), o.heading(lang)
