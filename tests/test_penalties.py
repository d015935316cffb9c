"""The penalty simulator: cases worked out from the Chinese text, errors, data, invariants."""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from csl_helpers import DataError, load_law
from csl_helpers.law.data import read_yaml
from csl_helpers.penalties.address import selection_from_query
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.comparison import same_conduct
from csl_helpers.penalties.model import TIERS, Range, cn_amount, vocabulary
from csl_helpers.penalties.rules import penalty_rules, read_rule
from csl_helpers.penalties.simulation import conducts, rule, rules, simulate, tiers_of
from csl_helpers.penalties.version_rule import VERDICTS, apl, applicable_law, pairs, version_changes

CASES = Path(__file__).parent / "cases" / "penalties"
VERSIONS = ("2016", "2025")


def load_cases(name: str) -> list[dict]:
    """The cases of one file under tests/cases/penalties, each with its citation."""
    with open(CASES / name, encoding="utf-8") as f:
        cases = yaml.safe_load(f)["cases"]
    for case in cases:
        assert set(case) == {"name", "citation", "input", "expect"}, case.get("name")
    return cases


SIM_CASES = load_cases("csl-2016.yaml") + load_cases("csl-2025.yaml")
RULE_CASES = load_cases("version-rule.yaml")


def as_pair(r: Range | None) -> list | None:
    return None if r is None else [r.low, r.high]


def test_the_case_table_is_large_enough_and_covers_every_fined_clause():
    assert len(SIM_CASES) + len(RULE_CASES) >= 40
    for version in VERSIONS:
        covered = {
            (c["input"]["article"], c["input"].get("paragraph", 1))
            for c in SIM_CASES
            if c["input"]["version"] == version
        }
        for r in rules(version):
            fined = any(t.fine or t.person_fine or t.persons_as for t in r.tiers)
            if fined:
                assert (r.article, r.paragraph) in covered or any(
                    p.article == r.article for p in r.conduct_of
                ), f"no case for {version} {r.citation()}"


@pytest.mark.parametrize("case", SIM_CASES, ids=[c["name"] for c in SIM_CASES])
def test_case(case):
    o = simulate(**case["input"])
    got = {
        "basis": o.basis,
        "fine": as_pair(o.fine),
        "fine_discretionary": o.fine_discretionary,
        "person_fine": as_pair(o.person_fine),
        "person_fine_discretionary": o.person_fine_discretionary,
        "persons": list(o.persons),
        "detention_days": as_pair(o.detention_days),
        "detained": o.detained,
        "measures": list(o.measure_ids),
        "enforcer": o.enforcer,
        "referral": o.referral is not None,
        "borrowed_from": o.borrowed_from.id if o.borrowed_from else None,
        "decided_by": {m: s.by for s in o.measures if s.by for m in s.ids},
    }
    for key, want in case["expect"].items():
        assert got[key] == want, f"{key}: {got[key]!r} != {want!r} ({case['citation']})"


@pytest.mark.parametrize("case", RULE_CASES, ids=[c["name"] for c in RULE_CASES])
def test_version_rule_case(case):
    a = applicable_law(**case["input"])
    assert a.version == case["expect"]["version"], case["citation"]
    assert [c.verdict for c in a.comparisons] == case["expect"]["verdicts"], case["citation"]


# --- the classification the report relies on -------------------------------------------


def test_which_2016_clauses_are_heavier_same_lighter_or_referred_under_2025():
    by_clause: dict[str, set[str]] = {}
    for c in version_changes():
        by_clause.setdefault(c.old.provision.citation(), set()).add(c.verdict)
    assert by_clause["Article 59(1)"] == {"heavier"}
    assert by_clause["Article 59(2)"] == {"heavier"}
    assert by_clause["Article 62(1)"] >= {"heavier"}
    assert by_clause["Article 69(1)(1)"] == {"heavier"}
    for same in (
        "Article 61(1)",
        "Article 63(1)",
        "Article 63(2)",
        "Article 65(1)",
        "Article 67(1)",
    ):
        assert by_clause[same] == {"same"}, same
    for referred in ("Article 64(1)", "Article 64(2)", "Article 66(1)"):
        assert by_clause[referred] == {"referred"}, referred
    assert "lighter" not in {v for vs in by_clause.values() for v in vs}
    assert all(v in VERDICTS for vs in by_clause.values() for v in vs)


def test_every_2016_rule_has_a_2025_counterpart():
    covered = {(p.old.article, p.old.paragraph) for p in pairs()}
    assert covered == {(r.article, r.paragraph) for r in rules("2016")}


def test_same_conduct_works_from_the_2025_side():
    (c,) = same_conduct("2025", 61, 1, tier="serious")
    assert (c.old.version, c.old.basis, c.verdict) == ("2016", "Article 59(1)", "heavier")
    assert same_conduct("2025", 63) == ()  # new in 2025


# --- the version rule: limitation and possibilities -------------------------------------


def test_limitation_runs_two_years_from_the_act_or_its_end():
    a = applicable_law(date(2024, 2, 29), date(2026, 6, 1), 61, discovered=date(2026, 3, 1))
    assert a.limitation.last_day == date(2026, 2, 28)
    assert a.limitation.expired is True
    b = applicable_law(
        date(2024, 2, 29),
        date(2026, 6, 1),
        61,
        continuing_until=date(2025, 1, 1),
        discovered=date(2026, 3, 1),
    )
    assert (b.limitation.runs_from, b.limitation.expired) == (date(2025, 1, 1), False)
    c = applicable_law(date(2024, 3, 1), date(2026, 6, 1), 61, life_health_or_finance_harmed=True)
    assert (c.limitation.years, c.limitation.expired) == (5, None)


def test_possibilities_quote_the_administrative_penalty_law_and_csl_2025_article_73():
    a = applicable_law(date(2026, 2, 1), date(2026, 3, 1), 61)
    cites = [p.provision for p in a.possibilities]
    assert "Administrative Penalty Law, Article 32(1)(1)" in cites
    assert "Administrative Penalty Law, Article 33(1)" in cites
    assert "Cybersecurity Law (2025), Article 73(1)" in cites
    b = applicable_law(date(2025, 2, 1), date(2025, 3, 1), 59)
    assert not any("Cybersecurity Law" in p.provision for p in b.possibilities)


def test_administrative_penalty_law_quotes_match_the_source(shared_sources):
    text = (shared_sources / "administrative-penalty-law-2021.zh.md").read_text(encoding="utf-8")
    lines = set(text.splitlines())
    for pid, p in apl().items():
        art = p.provision.article
        if p.provision.item is None and p.provision.paragraph == 1:
            from csl_helpers.law.numerals import to_cn

            assert f"第{to_cn(art)}条 {p.zh}" in lines, pid
        else:
            assert p.zh in lines, pid


# --- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"version": "2030", "article": 59}, "version must be one of '2016', '2025'"),
        ({"version": 2016, "article": 59}, "version must be one of"),
        ({"version": "2016", "article": 58}, "59 to 75"),
        ({"version": "2025", "article": 78}, "61 to 77"),
        ({"version": "2016", "article": "59"}, "59 to 75"),
        ({"version": "2016", "article": 59, "paragraph": 3}, "paragraph must be one of 1, 2"),
        ({"version": "2016", "article": 60, "item": 4}, "must be 1, 2, 3"),
        ({"version": "2016", "article": 59, "item": 1}, "lists no items"),
        ({"version": "2016", "article": 59, "tier": "severe"}, "'base', 'aggravated', 'serious'"),
        ({"version": "2016", "article": 66, "tier": "aggravated"}, "one of 'base' for Article 66"),
        (
            {"version": "2025", "article": 62, "item": 3, "tier": "serious"},
            "'base', 'aggravated' for Article 62(1)(3)",
        ),
        ({"version": "2025", "article": 62, "tier": "serious"}, "give item"),
        ({"version": "2025", "article": 61, "paragraph": 3}, "'serious', 'especially_serious'"),
        (
            {"version": "2016", "article": 64, "illegal_gains": -1},
            "illegal_gains must be 0 or more",
        ),
        ({"version": "2016", "article": 64, "illegal_gains": "100"}, "whole number of yuan"),
        ({"version": "2016", "article": 64, "illegal_gains": 10.5}, "whole number of yuan"),
        ({"version": "2016", "article": 64, "illegal_gains": True}, "whole number of yuan"),
        ({"version": "2016", "article": 65}, "give procurement_amount"),
        ({"version": "2025", "article": 67, "procurement_amount": -5}, "0 or more"),
        ({"version": "2025", "article": 67, "procurement_amount": float("nan")}, "whole number"),
    ],
)
def test_bad_input_raises_value_error_naming_the_choices(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        simulate(**kwargs)


def test_whole_float_amounts_are_accepted_as_yuan():
    assert simulate("2016", 64, illegal_gains=2000.0).fine == Range(2000, 20000)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"conduct_date": date(2017, 5, 31), "decision_date": date(2018, 1, 1)}, "in force"),
        ({"conduct_date": date(2025, 5, 1), "decision_date": date(2025, 4, 1)}, "before the act"),
        ({"conduct_date": "2025-05-01", "decision_date": date(2025, 6, 1)}, "datetime.date"),
        (
            {
                "conduct_date": date(2025, 5, 1),
                "decision_date": date(2025, 6, 1),
                "discovered": date(2025, 7, 1),
            },
            "discovered must fall between",
        ),
    ],
)
def test_applicable_law_rejects_bad_dates(kwargs, message):
    with pytest.raises(ValueError, match=message):
        applicable_law(article=59, **kwargs)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("version=2030&article=61", "version must be one of"),
        ("version=2025&article=abc", "article must be a whole number"),
        ("version=2025&article=10", "61 to 77"),
        ("version=2025&article=61&paragraph=9", "paragraph must be one of 1, 2, 3"),
        ("version=2025", "'article' is missing"),
        ("foo=1&article=61", "unknown parameter 'foo'"),
        ("article=61&article=62", "given 2 times"),
        ("version=2025&article=62&item=3&tier=serious", "tier must be one of base, aggravated"),
        ("version=2025&article=61&tier=<script>", "tier must be one of"),
    ],
)
def test_query_parameters_are_validated(query, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        selection_from_query(query)


def test_query_opens_the_linked_clause():
    s = selection_from_query("version=2025&article=61&paragraph=1")
    assert (s.version, s.article, s.paragraph, s.item, s.tier) == ("2025", 61, 1, None, "base")
    s = selection_from_query("version=2025&article=61&paragraph=3")
    assert (s.article, s.paragraph, s.tier) == (61, 1, "serious")
    s = selection_from_query("version=2016&article=60")
    assert s.item == 1
    assert selection_from_query("") is None


# --- the data files -----------------------------------------------------------------------


def test_every_paragraph_of_chapter_6_is_a_rule_in_both_versions():
    for version in VERSIONS:
        law = load_law(version)
        want = [(a.number, p.number) for a in law.chapter(6).articles for p in a.paragraphs]
        assert [(r.article, r.paragraph) for r in rules(version)] == want


def test_punished_provisions_match_the_extracted_references():
    for version in VERSIONS:
        law = load_law(version)
        for r in rules(version):
            cited = {
                ref.target
                for ref in law.references(r.article)
                if ref.source == r.provision and ref.target.article != r.article
            }
            borrowed = {t.borrows.rule for t in r.tiers if t.borrows}
            assert set(r.punishes) == cited - borrowed, r.id


def _mutated(version: str, index: int, change) -> dict:
    entry = copy.deepcopy(read_yaml(f"penalties/csl-{version}.yaml")["rules"][index])
    change(entry)
    return entry


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: e["tiers"][1]["fine"].update(high=100001), "states (10000, 100000)"),
        (lambda e: e["tiers"][1]["fine"].update(low=200000), "low"),
        (lambda e: e["tiers"][1]["fine"].update(may=True), "lacks 可以"),
        (
            lambda e: e["tiers"][1]["person_fine"].update(
                persons=["person_in_charge", "other_personnel"]
            ),
            "names ['person_in_charge']",
        ),
        (lambda e: e.update(punishes=["art_21"]), "the text cites ['art_21', 'art_25']"),
        (lambda e: e.update(punishes=["art_21", "art_99"]), "does not exist"),
        (lambda e: e["tiers"].reverse(), "order"),
        (lambda e: e["tiers"][0].update(colour="red"), "unknown field 'colour'"),
        (lambda e: e["tiers"][0]["trigger"].update(zh="不存在的话"), "does not occur"),
        (lambda e: e.update(enforcer="court"), "unknown enforcer 'court'"),
        (lambda e: e["tiers"][0]["measures"][0].update(ids=["banish"]), "unknown measure 'banish'"),
        (lambda e: e["tiers"][0]["measures"][0].update(ids=["warning"]), "is not in '责令改正'"),
        (lambda e: e.update(subject=["network_operator", "hosts"]), "unknown subject 'hosts'"),
        (lambda e: e.update(subject=["cii_operator"] * 2), "expected distinct subjects"),
        (lambda e: e.update(item_subjects={1: ["cii_operator"]}), "Article 59(1) has 0 items"),
        (
            lambda e: e["tiers"][0]["measures"][0].update(by="public_security"),
            "by: public_security (公安机关) is not in '责令改正'",
        ),
        (
            lambda e: e["tiers"][0]["measures"][0].update(by="court"),
            "by: unknown enforcer 'court'",
        ),
    ],
)
def test_the_loader_rejects_what_the_text_does_not_bear_out(change, message):
    entry = _mutated("2016", 0, change)
    with pytest.raises(DataError, match=re.escape(message)) as exc:
        read_rule(load_law("2016"), entry, "csl-2016.yaml, rules[0]")
    assert "csl-2016.yaml, rules[0]" in str(exc.value)


def test_measure_vocabulary_is_used_and_documented():
    used = {
        m for v in VERSIONS for r in rules(v) for t in r.tiers for s in t.measures for m in s.ids
    }
    assert used == set(vocabulary()["measures"])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("五千", 5000),
        ("十万", 100000),
        ("五十万", 500000),
        ("一百万", 1000000),
        ("一千万", 10000000),
    ],
)
def test_chinese_amounts(text, value):
    assert cn_amount(text) == value


# --- invariants -----------------------------------------------------------------------------

CONDUCTS = [c for v in VERSIONS for c in conducts(v)]
amounts = st.integers(min_value=0, max_value=10**9)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CONDUCTS), st.data(), amounts, amounts)
def test_ranges_are_ordered_and_within_the_tiers(conduct, data, gains, procurement):
    tier = data.draw(st.sampled_from(conduct.tiers))
    r = conduct.rule
    o = simulate(r.version, conduct, Circumstances(tier, gains, procurement))
    for rng in (o.fine, o.person_fine, o.detention_days):
        if rng is not None:
            assert rng.low is None or 0 <= rng.low <= rng.high
    assert (o.person_fine is None) or o.persons
    assert o.tier in tiers_of(r.version, conduct)
    assert o.detention_days is None or o.enforcer == "public_security"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CONDUCTS), amounts)
def test_higher_tiers_never_lower_the_maximum_fine(conduct, gains):
    r = conduct.rule
    highs = []
    for tier in conduct.tiers:
        o = simulate(r.version, conduct, Circumstances(tier, gains, procurement_amount=1))
        highs.append(o.fine.high if o.fine else 0)
    fined = [h for h in highs if h]
    assert fined == sorted(fined)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**8), st.integers(min_value=1, max_value=10**8))
def test_fines_on_illegal_gains_grow_with_the_gains(a, b):
    low, high = sorted((a, b))
    for version, article in (("2016", 64), ("2025", 63)):
        x = simulate(version, article, illegal_gains=low).fine
        y = simulate(version, article, illegal_gains=high).fine
        assert x.high <= y.high and (x.low or 0) <= (y.low or 0)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(CONDUCTS).filter(lambda c: c.rule.version == "2016"),
    st.dates(min_value=date(2017, 6, 1), max_value=date(2025, 12, 31)),
    st.integers(min_value=0, max_value=1500),
)
def test_version_rule_never_picks_a_heavier_or_mixed_new_clause(conduct, act, days):
    decided = act + timedelta(days=days)
    for tier in conduct.tiers:
        a = applicable_law(act, decided, conduct, Circumstances(tier, procurement_amount=1))
        if a.version == "2025":
            assert a.act_version == "2016" and all(c.verdict == "lighter" for c in a.comparisons)
        else:
            assert a.outcome.version == a.act_version
        if decided < load_law("2025").in_force_from:
            assert a.comparisons == ()


def test_rule_lookup_names_paragraphs():
    assert rule("2025", 61, 3).tier_ids == ("serious", "especially_serious")
    assert [t for t in TIERS if t in tiers_of("2025", 69)] == [
        "base",
        "aggravated",
        "especially_serious",
    ]
    assert penalty_rules("2016") is penalty_rules("2016")


def test_the_charts_sit_in_the_widget_and_follow_the_clause():
    from csl_helpers.views.penalties.simulator import PenaltySimulator

    sim = PenaltySimulator()
    sim.open_query("version=2016&article=64&paragraph=2")
    figures = [chart.figure for chart in sim.charts.children]
    assert "all fines of the 2016 text" in figures[0]["layout"]["title"]["text"]
    assert all(f["data"] for f in figures)


def test_a_new_tier_moves_the_highlight_and_leaves_the_chart_of_all_fines_alone():
    """The chart of every fine is sent once per version and amounts; a click restyles it."""
    from csl_helpers.views.penalties.plots import EMPHASIS
    from csl_helpers.views.penalties.simulator import PenaltySimulator

    sim = PenaltySimulator()
    sim.open_query("version=2025&article=61&paragraph=1")
    chart = sim.fines_chart
    figure, before = chart.figure, list(chart.highlight)
    data = figure["data"]
    assert before and all(data[i]["line"]["color"] != EMPHASIS["line.color"] for i in before)
    tiers = [value for _, value in sim.model.tier_choices]
    sim.model.tier = next(t for t in tiers if t != sim.model.tier)
    assert chart.figure is figure  # not rebuilt, not sent again
    assert chart.highlight and chart.highlight != before
    hovers = {data[i]["hovertemplate"] for i in chart.highlight}
    named = dict((t, label) for label, t in sim.model.tier_choices)[sim.model.tier]
    assert all(named in data[i]["y"][0] for i in chart.highlight), hovers


def test_an_address_read_late_does_not_undo_what_the_visitor_chose():
    """A preheated kernel learns the page's query when the page is requested, and a kernel
    still starting when taken later still: a choice made on the page by then is kept."""
    from csl_helpers.views.penalties.simulator import DATES, PenaltySimulator

    sim = PenaltySimulator()
    sim.model.mode = DATES
    sim.open_query("version=2025&article=61&paragraph=1", late=True)
    assert sim.model.mode == DATES
    sim.open_query("version=2016&article=64&paragraph=2")  # asked for at once: obeyed
    assert sim.model.mode == "2016"
    fresh = PenaltySimulator()
    fresh.open_query("version=2016&article=64&paragraph=2", late=True)
    assert fresh.model.mode == "2016"
