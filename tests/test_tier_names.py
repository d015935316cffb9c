"""Tiers named by the Law: each tier's button name is the clause's own Chinese words.

The names are data (``data/penalties/csl-<version>.yaml``, ``name`` of each tier); these tests
read the Chinese text independently of the loader and check that every name a clause offers
is words of the paragraph its tier comes from, that a clause's names tell its tiers apart,
and that the Law's 情节严重 leads to the Law's fine.
"""

from __future__ import annotations

import copy
import re

import pytest

from csl_helpers import DataError, load_law
from csl_helpers.law.data import read_yaml
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_ids
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.clauses import conducts, tier_name, tier_of, tier_sources
from csl_helpers.penalties.rules import read_rule, rules_by_id, rules_file
from csl_helpers.penalties.simulation import simulate
from csl_helpers.views.penalties.conduct_menu import key_of

CRIMINAL_LAW = ("一般情节", "加重情节")
"""Notions of the criminal law the Law's liability chapter never uses for its tiers."""


def _paragraphs_of(version: str, conduct, tier: str) -> list[str]:
    """The Chinese of each paragraph a tier may take its name from, read from the text.

    The paragraph that sets the tier, the one its trigger is quoted from, and, for a tier that
    borrows another paragraph's penalty (依照该款规定处罚), the paragraph it borrows from.
    """
    law = load_law(version)
    setter = dict(tier_sources(conduct.rule, conduct.item))[tier]
    own = setter.tier(tier)
    where = [setter.provision, own.trigger.provision]
    where += [b.rule for b in (own.borrows, own.persons_as) if b is not None]
    return [law.text_of(p, "zh") for p in where]


def _occurs(name: str, text: str) -> bool:
    """Whether the parts of ``name`` between ``……`` occur in ``text``, in that order."""
    at = 0
    for part in (p for p in re.split("…+", name) if p):
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


@pytest.mark.parametrize("version", version_ids())
def test_every_chinese_tier_name_is_words_of_the_paragraph_its_tier_comes_from(version):
    checked = 0
    for c in conducts(version):
        for t in c.tiers:
            name = tier_name(version, c, t, "zh")
            assert name and not any(w in name for w in CRIMINAL_LAW), (c.provision, t, name)
            texts = _paragraphs_of(version, c, t)
            assert any(_occurs(name, text) for text in texts), (version, c.provision, t, name)
            checked += 1
    assert checked == sum(len(c.tiers) for c in conducts(version)) > 0


@pytest.mark.parametrize("version", version_ids())
def test_a_clause_names_each_of_its_tiers_apart_in_both_languages(version):
    for c in conducts(version):
        for lang in ("zh", "en"):
            names = [tier_name(version, c, t, lang) for t in c.tiers]
            assert len(set(names)) == len(names), (version, c.provision, names)
            if lang == "en":
                assert not any(re.search(r"[\u3400-\u9fff]", n) for n in names)


def test_the_laws_serious_circumstances_of_2025_article_65_1_fine_as_that_clause_says():
    """2025 Art. 65(1): 拒不改正或者情节严重的，处十万元以上一百万元以下罚款."""
    c = next(c for c in conducts("2025") if c.provision == Provision(65, 1))
    bearing = [t for t in c.tiers if "情节严重" in tier_name("2025", c, t, "zh")]
    assert len(bearing) == 1
    outcome = simulate("2025", c.provision, Circumstances(tier=bearing[0]))
    assert (outcome.fine.low, outcome.fine.high) == (100_000, 1_000_000)
    assert outcome.basis_provision == Provision(65, 1)


@pytest.mark.parametrize(
    ("version", "provision", "names"),
    [
        ("2016", Provision(74, 2), ("构成违反治安管理行为", "构成犯罪")),
        ("2025", Provision(76, 2), ("构成违反治安管理行为", "构成犯罪")),
        ("2016", Provision(63, 3), ("受到治安管理处罚的人员", "受到刑事处罚的人员")),
        ("2025", Provision(66, 3), ("受到治安管理处罚的人员", "受到刑事处罚的人员")),
        (
            "2016",
            Provision(59, 1),
            ("不履行……网络安全保护义务", "拒不改正或者导致危害网络安全等后果"),
        ),
    ],
)
def test_crime_and_criminal_penalty_tiers_bear_those_names(version, provision, names):
    c = next(c for c in conducts(version) if c.provision == provision)
    assert tuple(tier_name(version, c, t, "zh") for t in c.tiers) == names


def test_a_borrowed_tier_is_named_from_the_paragraph_it_borrows_from():
    """2025 Art. 62(2) says 造成本法第六十一条第三款规定的后果的 for both of its tiers."""
    for t in ("serious", "especially_serious"):
        own = tier_of("2025", Provision(62, 1, 1), t)
        lent = rules_by_id("2025")["art_61__para_3"].tier(t)
        assert own.trigger.provision == Provision(62, 2)
        assert own.name == lent.name


def _mutated(version: str, rule_id: str, change) -> dict:
    entries = read_yaml(rules_file(version))["rules"]
    entry = copy.deepcopy(next(e for e in entries if e["id"] == rule_id))
    change(entry)
    return entry


@pytest.mark.parametrize(
    ("version", "rule_id", "change", "message"),
    [
        (
            "2025",
            "art_65__para_1",
            lambda e: e["tiers"][1]["name"].update(zh="加重情节"),
            "(art_65__para_1), tier aggravated.name.zh: the words of '加重情节' do not occur "
            "in Article 65(1)",
        ),
        (
            "2025",
            "art_65__para_2",
            lambda e: e["tiers"][0]["name"].update(zh="情节较重"),
            "tier serious.name.zh: the words of '情节较重' do not occur in Article 65(2) or "
            "Article 61(3)",
        ),
        (
            "2016",
            "art_59__para_1",
            lambda e: e["tiers"][0]["name"].update(zh="保护义务……不履行"),
            "tier base.name.zh: the words of '保护义务……不履行' do not occur",
        ),
        (
            "2016",
            "art_59__para_1",
            lambda e: e["tiers"][1]["name"].update(zh="拒不改正…导致危害网络安全等后果"),
            "mark words left out with …… only",
        ),
        (
            "2016",
            "art_59__para_1",
            lambda e: e["tiers"][1]["name"].update(en="拒不改正"),
            "tier aggravated.name.en: '拒不改正' is not English",
        ),
        (
            "2016",
            "art_59__para_1",
            lambda e: e["tiers"][1]["name"].update(zh=e["tiers"][0]["name"]["zh"]),
            "two tiers are both named",
        ),
        (
            "2016",
            "art_59__para_1",
            lambda e: e["tiers"][1].pop("name"),
            "tiers[1]: missing field 'name'",
        ),
        (
            "2016",
            "art_59__para_1",
            lambda e: e["tiers"][1]["name"].update(zh="拒不改正或者导致危害网络安全等后果" * 2),
            "more than a button takes",
        ),
    ],
)
def test_a_tier_name_the_text_does_not_bear_out_is_refused_naming_field_and_rule(
    version, rule_id, change, message
):
    law = load_law(version)
    with pytest.raises(DataError, match=re.escape(message)):
        read_rule(law, _mutated(version, rule_id, change), f"{rules_file(version)}, rules[0]")


@pytest.mark.parametrize("opened", ["link", "preheated", "switch"])
@pytest.mark.parametrize(
    "clause", ["article=59&paragraph=1", "article=59&paragraph=2", "article=64"]
)
def test_the_simulators_tier_buttons_are_the_2016_clauses_own_in_chinese(opened, clause):
    """From a link, a kernel preheated in English, or the live switch: the clause's two tiers.

    A page built in English on the first clause (2025 Art. 61(1), four tiers) and then worded
    in Chinese kept offering those four buttons for a 2016 clause that has two.
    """
    from csl_helpers.views.penalties.simulator import PenaltySimulator

    query = f"version=2016&{clause}"
    if opened == "link":
        sim = PenaltySimulator(lang="zh")
        sim.open_query(query + "&lang=zh")
    else:
        sim = PenaltySimulator(lang="en")
        sim.open_query(query + ("&lang=zh" if opened == "preheated" else ""), late=True)
        if opened == "switch":
            sim.model.lang = "zh"
    c = next(c for c in conducts("2016") if key_of(c) == sim.model.conduct)
    want = tuple((tier_name("2016", c, t, "zh"), t) for t in c.tiers)
    assert len(want) == 2
    assert tuple(sim.tier.options) == want == sim.model.tier_choices
    trigger = tier_of("2016", c, sim.model.tier).trigger.zh
    assert trigger in sim.tier_help.value  # the full words beside the buttons


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_comparison_is_headed_with_the_tiers_name_not_its_id(lang):
    from csl_helpers.penalties.comparison import version_changes

    for c in version_changes():
        heading = c.heading(lang)
        assert tier_name(c.new.version, c.new.provision, c.new.tier, lang) in heading
        assert not re.search(r"\b(base|aggravated|especially serious) tier\b", heading), heading


def test_the_charts_name_tiers_by_their_clauses_and_levels_by_the_suites_own_labels():
    import json

    from csl_helpers.penalties.model import TIERS, term
    from csl_helpers.views.law.plots import severity_chart
    from csl_helpers.views.penalties.plots import fines_chart

    for version in version_ids():
        drawn = json.dumps(fines_chart(version, 0, 1, "zh").figure, ensure_ascii=False)
        assert not any(w in drawn for w in CRIMINAL_LAW)
        assert "拒不改正或者情节严重" in drawn
    for ui in ("zh", "en"):
        bars = severity_chart(ui).data
        levels = [term("tiers", t).label(ui) for t in TIERS]
        assert all(set(b.x) <= set(levels) for b in bars) and bars
        assert not any(w in label for label in levels for w in CRIMINAL_LAW)


def test_a_tier_the_clause_lacks_is_refused_and_the_buttons_show_the_clauses_own_again():
    """A stale button (the 2016 clause showing 2025's four) cannot leave a highlight behind."""
    from csl_helpers.views.penalties.simulator import PenaltySimulator

    sim = PenaltySimulator(lang="zh")
    sim.open_query("version=2016&article=59&paragraph=1&lang=zh")
    own = tuple(sim.tier.options)
    sim.tier.options = own + (("造成……严重危害网络安全后果", "serious"),)  # as a stale page had
    sim.tier.value = "serious"  # the visitor clicks it
    assert sim.model.tier == "base" and "tier=serious" not in sim.model.address()
    assert tuple(sim.tier.options) == own and sim.tier.value == "base"
