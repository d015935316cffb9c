"""The Administrative Penalty Law, the mitigation marker and the correspondence as data."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest

from csl_helpers import DataError, load_law
from csl_helpers.law.data import read_yaml
from csl_helpers.law.version_registry import successive_versions, version_ids
from csl_helpers.penalties.apl import (
    APL_FILE,
    administrative_penalty_law,
    read_administrative_penalty_law,
)
from csl_helpers.penalties.correspondence import PAIRS_FILE, amendments, pairs, read_amendments
from csl_helpers.penalties.limitation import limitation, possibilities
from csl_helpers.penalties.rules import read_rule, rules_file
from csl_helpers.penalties.simulation import rules


def _apl(change) -> dict:
    raw = copy.deepcopy(read_yaml(APL_FILE))
    change(raw)
    return raw


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["limitation"]["period"].update(years=3), "limitation.period.years: 3, but"),
        (lambda r: r["limitation"]["extended"].update(years=4), "limitation.extended.years: 4"),
        (
            lambda r: r["limitation"]["period"].update(wording="违法行为在三年内未被发现的"),
            "limitation.period.wording: '违法行为在三年内未被发现的' does not occur in art_36",
        ),
        (
            lambda r: r["limitation"].update(runs_from="art_99__para_1"),
            "limitation.runs_from: art_99__para_1 is not among the provisions",
        ),
        (
            lambda r: r["limitation"]["period"].pop("years"),
            "limitation.period: missing field 'years'",
        ),
        (
            lambda r: r["mitigation"]["rules"][0].update(provision="art_31__para_1"),
            "mitigation.rules[0].provision: art_31__para_1 is not among the provisions",
        ),
        (
            lambda r: r["mitigation"]["rules"][1].update(explanation=""),
            "mitigation.rules[1].explanation: expected a sentence",
        ),
        (lambda r: r["mitigation"].update(colour="red"), "mitigation: unknown field 'colour'"),
        (lambda r: r.pop("limitation"), "missing field 'limitation'"),
    ],
)
def test_a_broken_administrative_penalty_law_entry_names_the_field(change, message):
    with pytest.raises(DataError, match=re.escape(message)) as exc:
        read_administrative_penalty_law(_apl(change))
    assert APL_FILE in str(exc.value)


def test_the_limitation_periods_are_the_ones_article_36_states():
    law = administrative_penalty_law()
    article_36 = law.provisions[law.limitation.period.provision.id].zh
    for period in (law.limitation.period, law.limitation.extended):
        assert period.wording in article_36
    assert (law.limitation.period.years, law.limitation.extended.years) == (2, 5)
    assert limitation(date(2020, 1, 1), None, False).last_day == date(2022, 1, 1)
    # the five years came with the revised law, in force 2021-07-15 (test_version_rule_texts.py)
    assert limitation(date(2022, 1, 1), None, True).last_day == date(2027, 1, 1)


def test_possibilities_are_the_mitigation_rules_of_the_data_then_the_marked_clauses():
    law = administrative_penalty_law()
    for version in version_ids():
        found = possibilities(version)
        listed = [m.provision.citation() for m in law.mitigation.rules]
        assert [p.provision for p in found[: len(listed)]] == listed
        marked = [
            r for r in rules(version) if r.tiers[0].referral and r.tiers[0].referral.mitigation
        ]
        assert [p.provision for p in found[len(listed) :]] == [
            f"Cybersecurity Law ({version}), {r.citation()}" for r in marked
        ]
        assert all(p.explanation == law.mitigation.pointed_to for p in found[len(listed) :])
    assert (
        sum(
            1
            for v in version_ids()
            for r in rules(v)
            for t in r.tiers
            if t.referral and t.referral.mitigation
        )
        == 1
    )  # 2025 Art. 73


def _rule_entry(version: str, rule_id: str) -> tuple[int, dict]:
    entries = read_yaml(rules_file(version))["rules"]
    index = next(i for i, e in enumerate(entries) if e["id"] == rule_id)
    return index, copy.deepcopy(entries[index])


def test_the_clause_naming_the_administrative_penalty_law_must_be_marked():
    index, entry = _rule_entry("2025", "art_73__para_1")
    entry["tiers"][0]["referral"]["mitigation"] = False
    with pytest.raises(
        DataError,
        match=re.escape(
            "referral.mitigation: false, but the wording names 《中华人民共和国行政处罚法》"
        ),
    ) as exc:
        read_rule(load_law("2025"), entry, f"csl-2025.yaml, rules[{index}]")
    assert f"csl-2025.yaml, rules[{index}] (art_73__para_1)" in str(exc.value)


def test_a_clause_not_naming_that_law_must_not_be_marked():
    index, entry = _rule_entry("2025", "art_71__para_2")
    entry["tiers"][0]["referral"]["mitigation"] = True
    with pytest.raises(
        DataError, match=re.escape("referral.mitigation: true, but the wording does not name")
    ):
        read_rule(load_law("2025"), entry, f"csl-2025.yaml, rules[{index}]")
    entry["tiers"][0]["referral"]["mitigation"] = "yes"
    with pytest.raises(DataError, match=re.escape("referral.mitigation: expected true or false")):
        read_rule(load_law("2025"), entry, f"csl-2025.yaml, rules[{index}]")


def _pairs(change) -> dict:
    raw = copy.deepcopy(read_yaml(PAIRS_FILE))
    change(raw)
    return raw


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["amendments"][0].update(before="2025", after="2016"), "expected 2016 -> 2025"),
        (lambda r: r["amendments"].append(r["amendments"][0]), "expected no more entries"),
        (lambda r: r.update(amendments=[]), "0 entries for 1 amendments"),
        (
            lambda r: r["amendments"][0]["measures"][0].update(after="banish"),
            "amendments[0].measures[0].after: unknown measure 'banish'",
        ),
        (
            lambda r: r["amendments"][0]["measures"][0].update(before="close_website_or_app"),
            "measures[0].before: no penalty rule of 2016 names 'close_website_or_app'",
        ),
        (
            lambda r: r["amendments"][0]["pairs"][22].update(to="art_74__para_1"),
            "amendments[0].pairs[22]: 2025 Article 74 does not continue 2016 Article 71",
        ),
        (
            lambda r: r["amendments"][0]["pairs"][0].update(tiers=[["base", "base"]]),
            "amendments[0].pairs[0].tiers: every tier of art_59__para_1 needs a counterpart",
        ),
        (lambda r: r["amendments"][0].pop("measures"), "amendments[0]: missing field 'measures'"),
    ],
)
def test_a_broken_correspondence_entry_names_the_field(change, message):
    with pytest.raises(DataError, match=re.escape(message)) as exc:
        read_amendments(_pairs(change))
    assert PAIRS_FILE in str(exc.value)


def test_there_is_one_correspondence_per_amendment_and_pairs_know_their_versions():
    assert [(a.before, a.after) for a in amendments()] == [
        (b.id, a.id) for b, a in successive_versions()
    ]
    assert all((p.before, p.after) == (version_ids()[0], version_ids()[1]) for p in pairs())
    assert pairs(version_ids()[0]) == pairs()
    assert pairs(version_ids()[-1]) == ()
