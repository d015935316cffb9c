"""People as the Law names them: 直接负责的主管人员, or 直接负责的主管人员和其他直接责任人员, as
each clause says; a short form (直接负责的主管人员等) only where a label is no clause's own;
never a bare 直接责任人员, which occurs in the Law only inside 其他直接责任人员."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import ROOT
from outcomes import every_outcome_of_each_version
from test_translations import as_whole_term, entries

from csl_helpers.penalties import simulate
from csl_helpers.penalties.comparison import compare
from csl_helpers.penalties.model import term
from csl_helpers.penalties.outcome import persons_named
from csl_helpers.penalties.version_rule import applicable_law
from csl_helpers.views.penalties.markup import applicable_html, outcome_html

BARE = "直接责任人员"
IN_CHARGE = term("persons", "person_in_charge").zh
OTHERS = term("persons", "other_personnel").zh


def test_the_law_never_says_a_bare_direct_responsible_person():
    for version in ("2016", "2025"):
        text = (ROOT / "data" / f"csl-{version}" / "zh.md").read_text("utf-8")
        assert BARE in text and not as_whole_term(BARE, text)
        assert as_whole_term(IN_CHARGE, text)


def test_no_chinese_interface_word_is_a_bare_direct_responsible_person():
    for msgid, string in entries("zh_Hans").items():
        strings = (string,) if isinstance(string, str) else string
        assert not any(as_whole_term(BARE, s) for s in strings), msgid


def test_people_are_named_as_the_clause_names_them():
    assert persons_named(("person_in_charge",), "zh") == IN_CHARGE
    assert persons_named(("person_in_charge", "other_personnel"), "zh") == f"{IN_CHARGE}和{OTHERS}"
    with pytest.raises(ValueError, match="lang must be one of en, zh; got 'fr'"):
        persons_named(("person_in_charge",), "fr")


def test_every_outcome_in_chinese_names_its_clauses_people():
    seen = 0
    for o in every_outcome_of_each_version():
        shown = o.summary("zh") + outcome_html(o, ui="zh")
        assert not as_whole_term(BARE, shown), (o.version, o.basis, o.tier)
        if o.persons:
            seen += 1
            assert persons_named(o.persons, "zh") in shown
            if "other_personnel" not in o.persons:
                assert OTHERS not in o.summary("zh"), (o.version, o.basis)
    assert seen > 20


def test_detention_of_people_names_them():
    o = simulate("2016", 63, 2, tier="aggravated")
    assert o.detained == "persons"
    assert f"对{IN_CHARGE}和{OTHERS}的拘留" in outcome_html(o, ui="zh")
    assert f"对{IN_CHARGE}和{OTHERS}的拘留（应当）" in o.summary("zh")


def test_a_comparison_in_chinese_names_the_people_of_the_clause():
    old, new = (
        simulate("2016", 59, 1, tier="aggravated"),
        simulate("2025", 61, 1, tier="aggravated"),
    )
    _verdict, reasons = compare(old, new, "zh")
    text = "".join(reasons)
    assert not as_whole_term(BARE, text)
    # the 2016 clause fines only the person in charge: the short form covers both clauses
    assert "对直接负责的主管人员等的罚款由" in text
    old, new = (
        simulate("2016", 62, 1, tier="aggravated"),
        simulate("2025", 65, 1, tier="aggravated"),
    )
    text = "".join(compare(old, new, "zh")[1])
    assert old.persons == new.persons
    assert f"对{persons_named(new.persons, 'zh')}的罚款由" in text


def test_the_version_rule_in_chinese_never_says_a_bare_term():
    a = applicable_law(date(2025, 6, 1), date(2026, 3, 1), 59, 1, tier="aggravated")
    assert not as_whole_term(BARE, a.explain("zh") + applicable_html(a, "zh"))
