"""The penalty rules of the chapter of legal liability: ``data/penalties/csl-<version>.yaml``.

Each rule is one paragraph (款) of the chapter the version names as its liability chapter
(``liability_chapter`` in ``data/versions.yaml``; 2016 Arts. 59-75, 2025 Arts. 61-77), with
its tiers in order. Everything written in the YAML files is checked against the Chinese text
on load (see :mod:`csl_helpers.penalties.rule_fields`), and the provisions a rule punishes or
borrows from must be the references :mod:`csl_helpers.law.citations` extracts. A file that
breaks any of this raises :class:`~csl_helpers.law.data.DataError` naming the file, the entry
and the field.

Each tier carries its short ``name`` (what a button shows): its Chinese is words of the
paragraph the tier comes from, which is the rule's own paragraph, the paragraph its trigger is
quoted from (``trigger.in``) or, for a tier that borrows another paragraph's penalty
(依照该款规定处罚, ``borrows`` / ``persons_as``), the paragraph it borrows from: 2025 Art. 62(2)
says only 造成本法第六十一条第三款规定的后果的 for both its tiers, which take their names from
the two consequences of Art. 61(3). The English names are the project's own wording
(``tier_names_en: project`` in each file).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision, Reference
from csl_helpers.law.text import Law
from csl_helpers.law.version_registry import version_info
from csl_helpers.penalties.apl import administrative_penalty_law
from csl_helpers.penalties.model import TIERS, Quote, Rule, Tier, vocabulary
from csl_helpers.penalties.rule_fields import (
    borrow_of,
    detention_of,
    fine_of,
    measures_of,
    norm,
    note_of,
    person_fine_of,
    provision_at,
    quoted,
    referral_of,
    text_at,
    tier_name_of,
)

__all__ = ["penalty_rules", "read_rule", "rules_by_id", "rules_file"]


def rules_file(version: str) -> str:
    """The file under ``data/`` that holds the penalty rules of ``version``."""
    return f"penalties/csl-{version}.yaml"


@cache
def penalty_rules(version: str) -> tuple[Rule, ...]:
    """Every penalty rule of the liability chapter of ``version``, in text order, checked.

    Raises:
        ValueError: for an unknown version.
        DataError: naming file, entry and field, for anything the text does not bear out.
    """
    version_info(version)
    law = load_law(version)
    name = rules_file(version)
    raw = read_yaml(name)
    require(raw, {"version", "tier_names_en", "rules"}, name)
    if str(raw["version"]) != version:
        raise DataError(f"{name}, version: {raw['version']!r} is not {version!r}")
    if raw["tier_names_en"] not in EN_BY:
        raise DataError(
            f"{name}, tier_names_en: {raw['tier_names_en']!r} is not one of {', '.join(EN_BY)}"
        )
    out = [
        read_rule(law, entry, f"{name}, rules[{i}]", raw["tier_names_en"])
        for i, entry in enumerate(raw["rules"])
    ]
    _check_complete(law, out, name)
    _check_borrows(out, name)
    return tuple(out)


@cache
def rules_by_id(version: str) -> dict[str, Rule]:
    """The penalty rules of ``version`` by provision id (``art_61__para_1``); read-only."""
    return {r.id: r for r in penalty_rules(version)}


def _check_borrows(rules: list[Rule], name: str) -> None:
    """Every borrowed tier (依照…规定处罚) names a rule of the same version and a tier it has."""
    by_id = {r.id: r for r in rules}
    for rule in rules:
        for tier in rule.tiers:
            for borrow, key in ((tier.borrows, "borrows"), (tier.persons_as, "persons_as")):
                if borrow is None:
                    continue
                where = f"{name}, {rule.id}, tier {tier.id}, {key}"
                target = by_id.get(borrow.rule.id)
                if target is None:
                    raise DataError(
                        f"{where}.rule: {borrow.rule.id} is not a rule of {rule.version}"
                    )
                if borrow.tier not in target.tier_ids:
                    raise DataError(
                        f"{where}.tier: {target.id} has no tier {borrow.tier!r} "
                        f"(its tiers: {', '.join(target.tier_ids)})"
                    )


def _check_complete(law: Law, rules: list[Rule], name: str) -> None:
    """One rule per paragraph of the liability chapter, in text order."""
    chapter = law.info.liability_chapter
    want = [
        Provision(a.number, p.number).id
        for a in law.chapter(chapter).articles
        for p in a.paragraphs
    ]
    have = [r.id for r in rules]
    if have != want:
        missing = [p for p in want if p not in have]
        extra = [p for p in have if p not in want]
        raise DataError(
            f"{name}: rules must be the paragraphs of Chapter {chapter} in order; "
            f"missing {missing or 'none'}, not in Chapter {chapter} {extra or 'none'}"
            + ("" if missing or extra else ", order differs")
        )


_RULE_KEYS = {"id", "subject", "conduct", "punishes", "enforcer", "tiers"}
_RULE_OPTIONAL = {"conduct_of", "item_punishes", "item_subjects", "note"}
_TIER_KEYS = {"tier", "name", "trigger"}
EN_BY = ("project",)
"""Whose English the tier names are in: the project's own wording (no English of record
names the tiers)."""
_TIER_OPTIONAL = {
    "measures",
    "fine",
    "person_fine",
    "detention",
    "persons_as",
    "borrows",
    "referral",
}


def read_rule(law: Law, entry: Any, where: str, en_by: str = "project") -> Rule:
    """One entry of a rules file, checked against the paragraph it names.

    ``en_by`` is whose wording the English tier names are (``tier_names_en`` of the file).

    Raises:
        DataError: ``where`` with the entry's id and the field at fault.
    """
    require(entry, _RULE_KEYS, where, _RULE_OPTIONAL)
    provision = provision_at(entry["id"], f"{where}.id")
    where = f"{where} ({provision.id})"
    if provision.paragraph is None or provision.item is not None:
        raise DataError(f"{where}.id: a rule is set by a paragraph, e.g. art_59__para_1")
    own_text = text_at(law, provision, "zh", f"{where}.id")
    items = len(law.article(provision.article).paragraph(provision.paragraph).items)
    enforcer = entry["enforcer"]
    if enforcer is not None and enforcer not in vocabulary()["enforcers"]:
        valid = ", ".join(vocabulary()["enforcers"])
        raise DataError(f"{where}.enforcer: unknown enforcer {enforcer!r}; valid: {valid}")
    subjects, item_subjects = _actors(entry, provision, items, where)
    tiers = tuple(
        _tier(law, provision, t, where, f"{where}.tiers[{j}]", en_by)
        for j, t in enumerate(entry["tiers"])
    )
    ids = [t.id for t in tiers]
    if not ids or ids != sorted(set(ids), key=TIERS.index):
        raise DataError(f"{where}.tiers: {ids} are not distinct tiers in the order {TIERS}")
    for lang in ("zh", "en"):
        names = [t.name.text(lang) for t in tiers]
        if len(set(names)) != len(names):
            raise DataError(f"{where}.tiers: two tiers are both named {names} ({lang})")
    borrowed = {b.rule.id for t in tiers for b in (t.borrows, t.persons_as) if b is not None}
    punishes = tuple(provision_at(p, f"{where}.punishes") for p in entry["punishes"])
    conduct_of = tuple(provision_at(p, f"{where}.conduct_of") for p in entry.get("conduct_of", ()))
    item_punishes = {
        int(k): tuple(provision_at(p, f"{where}.item_punishes") for p in v)
        for k, v in (entry.get("item_punishes") or {}).items()
    }
    for p in (*punishes, *conduct_of, *(q for v in item_punishes.values() for q in v)):
        text_at(law, p, "zh", f"{where}.punishes")
    _check_references(law, provision, punishes, conduct_of, item_punishes, borrowed, items, where)
    return Rule(
        version=law.version,
        provision=provision,
        subjects=subjects,
        conduct=norm(entry["conduct"]),
        punishes=punishes,
        enforcer=entry["enforcer"],
        tiers=tiers,
        conduct_of=conduct_of,
        item_punishes=item_punishes,
        items=items,
        note=note_of(entry["note"], own_text, f"{where}.note") if entry.get("note") else None,
        item_subjects=item_subjects,
    )


def _actors(
    entry: dict, provision: Provision, items: int, where: str
) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
    """Whom the paragraph punishes, and whom each item that names other actors punishes."""
    item_subjects = {}
    for k, v in (entry.get("item_subjects") or {}).items():
        if not isinstance(k, int) or not 1 <= k <= items:
            raise DataError(f"{where}.item_subjects: {provision.citation()} has {items} items")
        item_subjects[k] = _subjects(v, f"{where}.item_subjects[{k}]")
    return _subjects(entry["subject"], f"{where}.subject"), item_subjects


def _subjects(value: Any, where: str) -> tuple[str, ...]:
    """One subject id or a list of them, each in the vocabulary, none twice."""
    values = tuple(value) if isinstance(value, list) else (value,)
    valid = vocabulary()["subjects"]
    for v in values:
        if v not in valid:
            raise DataError(f"{where}: unknown subject {v!r}; valid: {', '.join(valid)}")
    if not values or len(set(values)) != len(values):
        raise DataError(f"{where}: expected distinct subjects, got {value!r}")
    return values


def _tier(law: Law, provision: Provision, t: Any, rule_where: str, where: str, en_by: str) -> Tier:
    """One tier of a rule: its name and trigger from the text, and what the Law attaches."""
    require(t, _TIER_KEYS, where, _TIER_OPTIONAL)
    if t["tier"] not in TIERS:
        raise DataError(f"{where}.tier: {t['tier']!r} is not one of {', '.join(TIERS)}")
    tw = f"{rule_where}, tier {t['tier']}"
    zh = text_at(law, provision, "zh", f"{rule_where}.id")
    en = text_at(law, provision, "en", f"{rule_where}.id")
    trig = t["trigger"]
    require(trig, {"zh", "en"}, f"{tw}.trigger", {"in"})
    at = provision_at(trig["in"], f"{tw}.trigger.in") if "in" in trig else provision
    quoted(trig["zh"], text_at(law, at, "zh", f"{tw}.trigger.in"), f"{tw}.trigger.zh")
    quoted(trig["en"], text_at(law, at, "en", f"{tw}.trigger.in"), f"{tw}.trigger.en")
    sources = {provision.citation(): zh, at.citation(): text_at(law, at, "zh", f"{tw}.trigger.in")}
    for key in ("borrows", "persons_as"):
        if isinstance(t.get(key), dict) and "rule" in t[key]:
            lent = provision_at(t[key]["rule"], f"{tw}.{key}.rule")
            sources[lent.citation()] = text_at(law, lent, "zh", f"{tw}.{key}.rule")
    tier = Tier(
        id=t["tier"],
        trigger=Quote(norm(trig["zh"]), norm(trig["en"]), at),
        name=tier_name_of(t["name"], sources, en_by, f"{tw}.name"),
    )
    if "measures" in t:
        tier = replace(tier, measures=measures_of(t["measures"], zh, tw))
    if "fine" in t:
        tier = replace(tier, fine=fine_of(t["fine"], zh, f"{tw}.fine"))
    if "person_fine" in t:
        tier = replace(tier, person_fine=person_fine_of(t["person_fine"], zh, f"{tw}.person_fine"))
    if "detention" in t:
        tier = replace(tier, detention=detention_of(t["detention"], zh, f"{tw}.detention"))
    for key in ("borrows", "persons_as"):
        if key in t:
            borrow = borrow_of(t[key], zh, f"{tw}.{key}", persons=key == "persons_as")
            tier = replace(tier, **{key: borrow})
    if "referral" in t:
        title = administrative_penalty_law().title.zh
        referral = referral_of(t["referral"], zh, en, tier.trigger.zh, title, f"{tw}.referral")
        tier = replace(tier, referral=referral)
    if tier.borrows and (tier.fine or tier.person_fine or tier.detention or tier.persons_as):
        raise DataError(f"{tw}: a tier that borrows another rule's penalty sets none of its own")
    return tier


def _check_references(
    law: Law,
    here: Provision,
    punishes: tuple[Provision, ...],
    conduct_of: tuple[Provision, ...],
    item_punishes: dict[int, tuple[Provision, ...]],
    borrowed: set[str],
    items: int,
    where: str,
) -> None:
    """``punishes``, ``conduct_of`` and the borrowed rules must be what the text cites."""
    refs = [r for r in law.references(here.article) if r.source.paragraph == here.paragraph]

    def targets(rs: list[Reference], kind: str, same_article: bool) -> list[str]:
        out: list[str] = []
        for r in rs:
            if r.kind != kind or (r.target.article == here.article) != same_article:
                continue
            if kind == "cites" and not same_article and r.target.id in borrowed:
                continue
            if r.target.id not in out:
                out.append(r.target.id)
        return out

    own = [r for r in refs if r.source.item is None]
    checks = [
        ("punishes", [p.id for p in punishes], targets(own, "cites", False)),
        ("conduct_of", [p.id for p in conduct_of], targets(own, "cites", True)),
        (
            "borrows",
            sorted(borrowed),
            sorted(
                set(targets(own, "borrows_penalty", True) + targets(own, "borrows_penalty", False))
            ),
        ),
    ]
    for n in range(1, items + 1):
        from_item = [r for r in refs if r.source.item == n]
        checks.append(
            (
                f"item_punishes[{n}]",
                [p.id for p in item_punishes.get(n, ())],
                targets(from_item, "cites", False),
            )
        )
    if set(item_punishes) - set(range(1, items + 1)):
        raise DataError(f"{where}.item_punishes: {here.citation()} has {items} items")
    for key, have, want in checks:
        if have != want:
            raise DataError(f"{where}.{key}: {have}, but the text cites {want}")
