"""Readings of the Chinese text the English, the menus and the outcomes must keep.

Each test guards one reading against the words of the Law that decide it: a sentence the
English turned round, a menu label wider or narrower than the text, a body shown as deciding
what the text does not give it, two routes to one tier that disagree. The Chinese governs.
"""

from __future__ import annotations

import re

import pytest

from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision
from csl_helpers.obligations.duties import obligations, subjects
from csl_helpers.penalties.apl import apl
from csl_helpers.penalties.ceilings import ceiling
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.clauses import conducts_for
from csl_helpers.penalties.model import term, vocabulary
from csl_helpers.penalties.rules import rules_by_id
from csl_helpers.penalties.simulation import conducts, rules, simulate

VERSIONS = ("2016", "2025")


def _sentences(zh: str, en: str) -> list[tuple[str, str]]:
    """The sentences of a provision in both languages, paired in order (。 and ". ")."""
    zh_s = [s for s in zh.split("。") if s.strip()]
    en_s = [s for s in re.split(r"(?<=\.)\s+", en.strip()) if s]
    assert len(zh_s) == len(en_s), (zh, en)
    return list(zip(zh_s, en_s, strict=True))


def test_the_administrative_penalty_law_may_exempt_where_it_says_可以不予():
    """Art. 33(1): 初次违法且危害后果轻微并及时改正的，可以不予行政处罚 is a discretion to
    exempt, not a ban on punishing; 不予行政处罚 without 可以 is mandatory."""
    checked = 0
    for p in apl().values():
        if "不予" not in p.zh:
            continue
        for zh, en in _sentences(p.zh, p.en):
            if "可以不予" in zh:
                checked += 1
                assert re.search(r"\bmay\b", en), (p.provision.id, en)
                assert not re.search(r"\bno\b[^.]*\bmay\b", en, re.IGNORECASE), (
                    f"{p.provision.id}: {en!r} reads as a prohibition; the Chinese says "
                    f"可以不予 (may be exempted)"
                )
            elif "不予" in zh:
                checked += 1
                assert not re.search(r"\bmay\b", en), (p.provision.id, en)
    assert checked >= 3


# English words a conduct label may use, and the Chinese the paragraph must then contain.
VERBS = {
    "steals": ("窃取",),
    "buys": ("购买", "买卖"),
    "sells": ("出售", "销售", "买卖"),
    "obtains": ("获取",),
    "provides": ("提供",),
}


@pytest.mark.parametrize("version", VERSIONS)
def test_conduct_labels_use_no_verb_the_paragraph_lacks(version):
    """2016 Art. 64(2) / 2025 Art. 71(2) read 窃取或者以其他非法方式获取、非法出售或者非法向他人
    提供个人信息: no 购买, so no "buys" in the menu."""
    law = load_law(version)
    for r in rules(version):
        text = law.text_of(r.provision, "zh")
        for verb, words in VERBS.items():
            if re.search(rf"\b{verb}\b", r.conduct):
                assert any(w in text for w in words), (
                    f"{version} {r.citation()}: the label {r.conduct!r} says {verb!r}, the "
                    f"Chinese has none of {words}"
                )


@pytest.mark.parametrize("version", VERSIONS)
def test_a_rule_is_decided_by_the_body_its_text_puts_in_charge(version):
    """由有关主管部门… / 由公安机关… names who decides a clause; a body named only as the
    subject of one measure decides that measure alone: 2016 Art. 75 / 2025 Art. 77 give
    国务院公安部门和有关部门 the 冻结财产或者其他必要的制裁措施, not 依法追究法律责任."""
    law = load_law(version)
    by_id = {r.id: r for r in rules(version)}
    for r in rules(version):
        text = law.text_of(r.provision, "zh")
        if r.enforcer is not None:
            lenders = {by_id[t.borrows.rule.id] for t in r.tiers if t.borrows}
            if lenders and all(t.borrows for t in r.tiers):
                assert {x.enforcer for x in lenders} == {r.enforcer}, r.id
            else:
                assert "由" + term("enforcers", r.enforcer).zh in text, (
                    f"{version} {r.citation()}: its text does not put "
                    f"{term('enforcers', r.enforcer).zh} in charge of the clause"
                )
        for t in r.tiers:
            for s in t.measures:
                named = [
                    e.id
                    for e in vocabulary()["enforcers"].values()
                    if e.zh in s.wording and "由" + e.zh not in s.wording
                ]
                assert s.by == (named[0] if named else None), (r.id, t.id, s.wording)


def test_the_summary_says_who_decides_the_sanctions_and_nothing_else():
    """2016 Art. 75: 国务院公安部门和有关部门 decide the 冻结财产或者其他必要的制裁措施 only."""
    lines = simulate("2016", 75).summary().splitlines()
    decided = [line for line in lines if "decided by" in line]
    assert len(decided) == 1 and term("measures", "freeze_assets_or_sanctions").en in decided[0]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_body_is_rendered_as_the_english_text_renders_it(version):
    """One English name for 国务院公安部门和有关部门: the one the English text of the Law uses."""
    law = load_law(version)
    seen = 0
    for r in rules(version):
        for t in r.tiers:
            for s in t.measures:
                if s.by:
                    seen += 1
                    name = term("enforcers", s.by).en.removeprefix("the ")
                    assert name in law.text_of(r.provision, "en"), (r.id, name)
    assert seen


@pytest.mark.parametrize("version", VERSIONS)
def test_a_borrowed_tier_gives_what_the_lenders_conduct_gets_there(version):
    """2025 Art. 69(3) 依照前两款规定处罚: a provider whose conduct has especially serious
    consequences is punished as Art. 69(1) and (2) punish a network operator, with the order
    to correct, the warning and the 通报 of Art. 69(1) beside the fines of Art. 69(2)."""
    by_id = {r.id: r for r in rules(version)}
    own = {c.rule.id for c in conducts(version)}
    checked = 0
    for r in rules(version):
        if r.id not in own or r.items:
            continue
        for t in r.tiers:
            if t.borrows is None:
                continue
            lender = by_id[t.borrows.rule.id]
            route = lender if lender.id in own else by_id[lender.conduct_of[0].id]
            mine = simulate(version, r.provision, Circumstances(tier=t.id))
            theirs = simulate(version, route.provision, Circumstances(tier=t.borrows.tier))
            assert mine.measure_ids == theirs.measure_ids, (r.id, t.id, route.id)
            assert (mine.fine, mine.person_fine) == (theirs.fine, theirs.person_fine)
            checked += 1
    assert checked


# Subjects of data/obligations.yaml and the penalty subjects (vocabulary.yaml) that name them.
SAME_ACTORS = {
    "everyone": {"anyone", "individual", "unit", "sender_or_app_provider"},
    "security_service_provider": {"security_service"},
    "distribution_provider": {"sending_or_app_store"},
}


def test_the_clause_enforcing_a_duty_names_the_duty_bearer():
    """2016 Art. 64(1) punishes 网络运营者、网络产品或者服务的提供者, so a product provider's
    consent duty (Art. 22(3)) is among its conducts; 2016 Art. 60 / 2025 Art. 62 item (1)
    covers whoever sends electronic information or provides software (2016 Art. 48(1), 2025
    Art. 50(1): 任何个人和组织发送的电子信息、提供的应用软件); 2025 Art. 71(1)(3) concerns
    关键信息基础设施的运营者 and item (2) the operators and providers its cited articles bind,
    not "anyone"."""
    parent = {s.id: s.is_a for s in subjects()}
    checked = 0
    for ob in obligations():
        bearer = {ob.subject.id, parent[ob.subject.id]} | SAME_ACTORS.get(ob.subject.id, set())
        for version, enforcement in ob.enforcement.items():
            for p in enforcement.rules:
                r = rules_by_id(version)[Provision(p.article, p.paragraph).id]
                named = set(r.subjects_of(p.item))
                assert bearer & named, (
                    f"{ob.id} ({ob.subject.id}) is enforced by {version} {p.citation()}, "
                    f"which names {sorted(named)}"
                )
                checked += 1
    assert checked > 30


def test_a_product_providers_menu_offers_the_2016_personal_information_clause():
    """2016 Art. 64(1): 网络运营者、网络产品或者服务的提供者违反本法第二十二条第三款…"""
    offered = [c.provision.id for c in conducts_for("2016", "product_provider")]
    assert "art_64__para_1" in offered
    assert "art_64__para_1" in [c.provision.id for c in conducts_for("2016", "network_operator")]
    cii_abroad = next(c for c in conducts("2025") if c.provision.id == "art_71__para_1__point_3")
    assert cii_abroad.subjects == ("cii_operator",)
    assert cii_abroad.label().startswith(term("subjects", "cii_operator").en + ":")


@pytest.mark.parametrize("version", VERSIONS)
def test_a_fine_ceiling_is_one_no_amount_of_gains_exceeds(version):
    """2025 Art. 63: 违法所得十万元以上的，并处违法所得一倍以上五倍以下罚款: from 100,000 yuan of
    gains the fine has no ceiling in yuan, so 100,000 yuan is not the article's ceiling (nor is
    1,000,000 yuan that of 2016 Art. 64: 处违法所得一倍以上十倍以下罚款)."""
    open_ended = set()
    for c in conducts(version):
        if "procurement_amount" in c.needs:
            continue
        top = ceiling(version, c.rule.article)
        for tier in c.tiers:
            for gains in (0, 99_999, 100_000, 10_000_000):
                fine = simulate(version, c, Circumstances(tier, gains)).fine
                if fine is None:
                    continue
                if top.offender is None:
                    open_ended.add(c.rule.article)
                else:
                    assert fine.high <= top.offender, (version, c.provision.id, tier, gains)
    want = {"2016": {64}, "2025": {63}}[version]
    assert {a for a in open_ended if ceiling(version, a).open_ended} == want
