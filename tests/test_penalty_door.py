"""The one door for a penalty question: a clause as a value and the circumstances as a value."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from datetime import date

import pytest

from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_ids
from csl_helpers.penalties import Circumstances, conducts, simulate, tiers_of
from csl_helpers.penalties.ceilings import ceiling_pairs
from csl_helpers.penalties.comparison import same_conduct
from csl_helpers.penalties.version_rule import applicable_law, version_changes

QUESTIONS = [
    (c, tier, amounts)
    for v in version_ids()
    for c in conducts(v)
    for tier in c.tiers
    for amounts in (
        {"illegal_gains": 0, "procurement_amount": 1},
        {"illegal_gains": 150_000, "procurement_amount": 80_000},
    )
]


def _keywords(conduct, tier, amounts):
    r = conduct.rule
    return simulate(r.version, r.article, r.paragraph, item=conduct.item, tier=tier, **amounts)


@pytest.mark.parametrize(
    ("conduct", "tier", "amounts"),
    QUESTIONS,
    ids=[f"{c.rule.version}-{c.provision.id}-{t}-{a['illegal_gains']}" for c, t, a in QUESTIONS],
)
def test_provision_and_conduct_forms_give_the_keyword_forms_outcome(conduct, tier, amounts):
    want = _keywords(conduct, tier, amounts)
    circumstances = Circumstances(tier=tier, **amounts)
    version = conduct.rule.version
    assert simulate(version, conduct, circumstances) == want
    assert simulate(version, conduct.provision, circumstances) == want
    assert (
        simulate(version, Provision.parse(conduct.provision.citation("zh")), circumstances) == want
    )


def test_the_readme_examples_read_the_same_through_the_door():
    assert simulate("2025", Provision.parse("Article 61(2)"), Circumstances(tier="serious")) == (
        simulate("2025", 61, 2, tier="serious")
    )
    assert simulate("2025", Provision(63), Circumstances(illegal_gains=150_000)) == simulate(
        "2025", 63, illegal_gains=150_000
    )
    assert (
        simulate("2025", Provision(71, 1, 2)).referral == simulate("2025", 71, 1, item=2).referral
    )
    assert tiers_of("2025", Provision(62, 1, 3)) == tiers_of("2025", 62, 1, item=3)


def test_the_default_circumstances_are_the_base_tier_without_amounts():
    assert Circumstances() == Circumstances(tier="base", illegal_gains=0, procurement_amount=None)
    assert simulate("2016", Provision(59, 1)) == simulate("2016", 59, 1)


def test_circumstances_are_a_frozen_value_taking_whole_yuan():
    c = Circumstances(illegal_gains=2000.0, procurement_amount=30_000)
    assert (c.illegal_gains, type(c.illegal_gains)) == (2000, int)
    with pytest.raises(AttributeError):
        c.tier = "serious"  # type: ignore[misc]
    assert replace(c, tier="aggravated").tier == "aggravated"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"tier": "severe"},
            "tier must be one of 'base', 'aggravated', 'serious', 'especially_serious'",
        ),
        ({"tier": None}, "tier must be one of 'base'"),
        ({"illegal_gains": -1}, "illegal_gains must be 0 or more yuan"),
        ({"illegal_gains": "100"}, "illegal_gains must be a whole number of yuan"),
        ({"illegal_gains": 1.5}, "illegal_gains must be a whole number of yuan"),
        ({"procurement_amount": float("inf")}, "procurement_amount must be a whole number"),
        ({"procurement_amount": True}, "procurement_amount must be a whole number"),
    ],
)
def test_bad_circumstances_raise_value_error_naming_the_field(fields, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        Circumstances(**fields)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2016", Provision(59, 3)), "paragraph must be one of 1, 2 for Article 59"),
        (("2016", Provision(58, 1)), "59 to 75"),
        (("2016", Provision(60, 1, 4)), "must be 1, 2, 3"),
        (("2030", Provision(59, 1)), "version must be one of '2016', '2025'"),
        (
            ("2016", Provision(66, 1), Circumstances(tier="aggravated")),
            "one of 'base' for Article 66",
        ),
        (("2016", Provision(65, 1)), "give procurement_amount"),
        (("2016", Provision(59, 1), {"tier": "base"}), "circumstances must be a Circumstances"),
        (("2016", conducts("2025")[0]), "the conduct is one of the 2025 text"),
    ],
)
def test_bad_values_at_the_door_raise_value_error_naming_the_choices(args, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        simulate(*args)


def test_a_clause_that_is_neither_provision_nor_conduct_is_named_in_the_error():
    with pytest.raises(ValueError, match="provision must be a Provision"):
        simulate("2016", provision="Article 59(1)")


def test_the_version_rule_takes_the_same_values():
    p, c = Provision(59, 1), Circumstances(tier="aggravated")
    by_values = applicable_law(date(2025, 6, 1), date(2026, 3, 1), p, c)
    by_keywords = applicable_law(date(2025, 6, 1), date(2026, 3, 1), 59, 1, tier="aggravated")
    assert by_values == by_keywords
    assert same_conduct("2025", Provision(61, 1), Circumstances(tier="serious")) == same_conduct(
        "2025", 61, 1, tier="serious"
    )


def test_comparisons_need_a_version_before():
    first = version_ids()[0]
    with pytest.raises(ValueError, match="amended another"):
        version_changes(first)
    with pytest.raises(ValueError, match="amended another"):
        ceiling_pairs(first)
    assert version_changes(version_ids()[-1]) == version_changes()


def test_ceiling_pairs_name_their_versions_and_read_fields_by_version():
    before, after = version_ids()[-2], version_ids()[-1]
    for p in ceiling_pairs():
        assert (p.before, p.after) == (before, after)
        assert getattr(p, f"article_{after}") == p.article
        assert getattr(p, f"articles_{before}") == p.articles_before
        assert getattr(p, f"offender_{after}") == p.now.offender
        assert getattr(p, f"person_{before}") == p.then_person
        assert not hasattr(p, f"offender_{after}0")
        assert copy.deepcopy(p) == p
