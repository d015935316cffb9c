"""Read ``data/obligations.yaml`` into a :class:`Catalogue` and check it against the Law.

Every provision must exist in its version; a duty in two successive versions must sit in the
articles the concordance pairs; every enforcing rule must be a paragraph (or item) of the
chapter of legal liability (``liability_chapter`` in ``data/versions.yaml``), of the right kind
(a penalty of its own or a referral to other laws), and a clause of that chapter that cites the
duty must be named or explained. Errors raise :class:`~csl_helpers.law.data.DataError` naming
the file, the entry and the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from csl_helpers.law.concordance import concordance
from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision
from csl_helpers.law.text import Law
from csl_helpers.law.version_registry import successive_versions, version_ids
from csl_helpers.obligations.facts import FACTS, Condition
from csl_helpers.obligations.model import (
    KINDS,
    Catalogue,
    Enforcement,
    Obligation,
    Subject,
    Theme,
)

FILE = "obligations.yaml"
_REFERRAL_WORDS = re.compile("依照有关法律、行政法规的规定处")


@cache
def catalogue() -> Catalogue:
    """Read and check ``data/obligations.yaml`` (cached).

    Raises:
        DataError: naming the file, the entry and the field of anything wrong.
    """
    raw = read_yaml(FILE)
    require(raw, {"themes", "subjects", "general_liability", "obligations"}, FILE)
    laws = {v: load_law(v) for v in version_ids()}
    theme_list = _themes(raw["themes"])
    theme_by_id = _unique(theme_list, f"{FILE}, themes")
    subject_list = _subjects(raw["subjects"], laws)
    subject_by_id = _unique(subject_list, f"{FILE}, subjects")
    for s in subject_list:
        if s.is_a is not None and s.is_a not in subject_by_id:
            raise DataError(
                f"{FILE}, subjects ({s.id}), field 'is_a': unknown subject {s.is_a!r}; "
                f"valid subjects: {', '.join(subject_by_id)}"
            )

    where = f"{FILE}, general_liability"
    liability = {}
    for v, ids in _per_version(raw["general_liability"], where, require_all=True):
        liability[v] = tuple(
            _in_liability_chapter(
                laws[v], _provision(laws, v, p, f"{where}.{v}[{j}]"), f"{where}.{v}[{j}]"
            )
            for j, p in enumerate(ids)
        )

    obs = [
        _obligation(entry, i, laws, theme_by_id, subject_by_id)
        for i, entry in enumerate(raw["obligations"])
    ]
    _unique(obs, f"{FILE}, obligations")
    return Catalogue(tuple(theme_list), tuple(subject_list), tuple(obs), liability)


def _themes(raw: Any) -> list[Theme]:
    out = []
    for i, entry in enumerate(raw):
        require(entry, {"id", "en", "zh"}, f"{FILE}, themes[{i}]")
        out.append(Theme(entry["id"], {"en": entry["en"], "zh": entry["zh"]}))
    return out


def _subjects(raw: Any, laws: Mapping[str, Law]) -> list[Subject]:
    out = []
    for i, entry in enumerate(raw):
        where = f"{FILE}, subjects[{i}] ({entry.get('id') if isinstance(entry, dict) else ''})"
        require(entry, {"id", "en", "zh"}, where, {"fact", "is_a", "defined_in"})
        fact = entry.get("fact")
        if fact is not None and fact not in FACTS:
            raise DataError(
                f"{where}, field 'fact': unknown fact {fact!r}; valid facts: {', '.join(FACTS)}"
            )
        defined = {
            v: _provision(laws, v, p, f"{where}, field 'defined_in.{v}'")
            for v, p in _per_version(entry.get("defined_in", {}), f"{where}, field 'defined_in'")
        }
        names = {"en": entry["en"], "zh": entry["zh"]}
        out.append(Subject(entry["id"], names, fact, entry.get("is_a"), defined))
    return out


def _unique(items: list, where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        if item.id in out:
            raise DataError(f"{where}: duplicate id {item.id!r}")
        out[item.id] = item
    return out


def _per_version(raw: Any, where: str, require_all: bool = False) -> list[tuple[str, Any]]:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: expected a mapping of versions, got {raw!r}")
    valid = version_ids()
    for key in raw:
        if key not in valid:
            raise DataError(
                f"{where}: unknown version {key!r} (write it as a quoted string); "
                f"valid versions: {', '.join(map(repr, valid))}"
            )
    if require_all and set(raw) != set(valid):
        missing = sorted(set(valid) - set(raw))
        raise DataError(f"{where}: missing version {missing[0]!r}")
    return [(v, raw[v]) for v in valid if v in raw]


def _provision(laws: Mapping[str, Law], version: str, raw: Any, where: str) -> Provision:
    """Parse a provision id and check that it exists in ``version``."""
    try:
        provision = Provision.parse(raw) if isinstance(raw, str) else None
    except ValueError:
        provision = None
    if provision is None or provision.id != raw:
        raise DataError(f"{where}: {raw!r} is not a provision id such as 'art_21__para_1__point_3'")
    try:
        laws[version].text_of(provision)
    except LookupError as exc:
        raise DataError(f"{where}: {raw} does not exist in the {version} text: {exc}") from None
    return provision


def _in_liability_chapter(law: Law, provision: Provision, where: str) -> Provision:
    """Check that ``provision`` is a paragraph (or an item of one) in the liability chapter."""
    if provision.paragraph is None:
        raise DataError(f"{where}: {provision.id} must name the paragraph that sets the rule")
    chapter = law.article(provision.article).chapter
    liability = law.info.liability_chapter
    if chapter != liability:
        raise DataError(
            f"{where}: {provision.id} is in Chapter {chapter} of the {law.version} text, not in "
            f"Chapter {liability} (legal liability)"
        )
    return provision


def _texts(raw: Any, where: str) -> dict[str, str]:
    require(raw, {"en", "zh"}, where)
    for lang in ("en", "zh"):
        if not isinstance(raw[lang], str) or not raw[lang].strip():
            raise DataError(f"{where}.{lang}: expected non-empty text")
    return {lang: " ".join(raw[lang].split()) for lang in ("en", "zh")}


def _obligation(
    entry: Any,
    i: int,
    laws: Mapping[str, Law],
    theme_by_id: Mapping[str, Theme],
    subject_by_id: Mapping[str, Subject],
) -> Obligation:
    ident = entry.get("id") if isinstance(entry, dict) else None
    where = f"{FILE}, obligations[{i}] ({ident})"
    require(
        entry,
        {"id", "theme", "subject", "duty", "provisions", "enforcement"},
        where,
        {"condition", "when"},
    )
    for key, table, label in (
        ("theme", theme_by_id, "themes"),
        ("subject", subject_by_id, "subjects"),
    ):
        if entry[key] not in table:
            raise DataError(
                f"{where}, field '{key}': unknown {key} {entry[key]!r}; "
                f"valid {label}: {', '.join(table)}"
            )
    condition = (
        Condition.parse(entry["condition"], f"{where}, field 'condition'")
        if "condition" in entry
        else None
    )
    provisions = _provisions(entry["provisions"], laws, where)
    return Obligation(
        id=entry["id"],
        theme=theme_by_id[entry["theme"]],
        subject=subject_by_id[entry["subject"]],
        texts=_texts(entry["duty"], f"{where}, field 'duty'"),
        provisions=provisions,
        enforcement=_enforcements(entry["enforcement"], laws, provisions, where),
        condition=condition,
        whens=_texts(entry["when"], f"{where}, field 'when'") if "when" in entry else None,
    )


def _provisions(raw: Any, laws: Mapping[str, Law], where: str) -> dict[str, tuple[Provision, ...]]:
    """A duty's provisions in every version, checked to exist and to match the concordance."""
    provisions: dict[str, tuple[Provision, ...]] = {}
    for v, ids in _per_version(raw, f"{where}, field 'provisions'", True):
        if not isinstance(ids, list):
            raise DataError(f"{where}, field 'provisions.{v}': expected a list of provision ids")
        provisions[v] = tuple(
            _provision(laws, v, p, f"{where}, field 'provisions.{v}[{j}]'")
            for j, p in enumerate(ids)
        )
    if not any(provisions.values()):
        raise DataError(f"{where}, field 'provisions': no version lays this duty down")
    _check_concordance(provisions, f"{where}, field 'provisions'")
    return provisions


def _enforcements(
    raw: Any,
    laws: Mapping[str, Law],
    provisions: Mapping[str, tuple[Provision, ...]],
    where: str,
) -> dict[str, Enforcement]:
    """How a breach is dealt with in each version that has the duty (and only in those)."""
    enforcement = {}
    given = dict(_per_version(raw, f"{where}, field 'enforcement'"))
    for v in version_ids():
        field_where = f"{where}, field 'enforcement.{v}'"
        if not provisions[v]:
            if v in given:
                raise DataError(f"{field_where}: the {v} text has no such duty to enforce")
            continue
        if v not in given:
            raise DataError(f"{field_where}: missing (the duty is in the {v} text)")
        enforcement[v] = _enforcement(laws[v], given[v], provisions[v], field_where)
    return enforcement


def _check_concordance(provisions: Mapping[str, tuple[Provision, ...]], where: str) -> None:
    """A duty in two successive versions must sit in articles the concordance pairs."""
    for before, after in successive_versions():
        old, new = provisions[before.id], provisions[after.id]
        if not old or not new:
            continue
        if len(old) != len(new):
            raise DataError(f"{where}: the versions list {len(old)} and {len(new)} provisions")
        for a, b in zip(old, new, strict=True):
            # A whole one-paragraph article (art_40) matches the first paragraph of its successor.
            same_place = (a.paragraph or 1, a.item) == (b.paragraph or 1, b.item)
            mapped = concordance(a.article, before.id, after.id)
            if mapped != b.article or not same_place:
                raise DataError(
                    f"{where}: {before.id} {a.id} and {after.id} {b.id} are not the same "
                    f"provision (the concordance maps {before.id} Article {a.article} to {mapped})"
                )


def _overlaps(a: Provision, b: Provision) -> bool:
    """Whether one provision contains the other or they are the same."""
    return (
        a.article == b.article
        and (a.paragraph is None or b.paragraph is None or a.paragraph == b.paragraph)
        and (a.item is None or b.item is None or a.item == b.item)
    )


def _enforcement(law: Law, raw: Any, duty: tuple[Provision, ...], where: str) -> Enforcement:
    """One version's enforcement of a duty, checked against the liability chapter's text."""
    require(raw, {"kind"}, where, {"rules", "note"})
    kind = raw["kind"]
    if kind not in KINDS:
        raise DataError(f"{where}, field 'kind': {kind!r} is not one of {', '.join(KINDS)}")
    ids = raw.get("rules", [])
    if not isinstance(ids, list):
        raise DataError(f"{where}, field 'rules': expected a list of provision ids")
    laws = {law.version: law}
    rules = tuple(
        _in_liability_chapter(
            law, _provision(laws, law.version, p, f"{where}.rules[{j}]"), f"{where}.rules[{j}]"
        )
        for j, p in enumerate(ids)
    )
    notes = _texts(raw["note"], f"{where}, field 'note'") if "note" in raw else None
    if kind == "none":
        if rules:
            raise DataError(f"{where}, field 'rules': a duty of kind 'none' has no rules")
        _check_unpunished(law, duty, notes, where)
        return Enforcement(law.version, kind, (), notes)
    if not rules:
        raise DataError(f"{where}, field 'rules': a duty of kind {kind!r} needs its rule")
    _check_rules(law, kind, rules, duty, notes, where)
    return Enforcement(law.version, kind, rules, notes)


def _check_unpunished(
    law: Law, duty: tuple[Provision, ...], notes: dict[str, str] | None, where: str
) -> None:
    """A duty no clause punishes: a liability clause that cites it needs a note saying why."""
    liability = law.info.liability_chapter
    cited = [
        r
        for r in law.references_all
        if law.article(r.source.article).chapter == liability
        and any(_overlaps(r.target, p) for p in duty)
    ]
    if cited and notes is None:
        raise DataError(
            f"{where}: {cited[0].source.citation()} cites {cited[0].target.citation()}; "
            "give a note saying why it does not punish this duty, or name it in 'rules'"
        )


def _check_rules(
    law: Law,
    kind: str,
    rules: tuple[Provision, ...],
    duty: tuple[Provision, ...],
    notes: dict[str, str] | None,
    where: str,
) -> None:
    """Check each rule's kind, and what it cites outside the liability chapter.

    A rule citing provisions outside that chapter must cite the duty, or a note must say why
    it applies.
    """
    for rule in rules:
        text = law.text_of(Provision(rule.article, rule.paragraph), "zh")
        is_referral = bool(_REFERRAL_WORDS.search(text))
        if is_referral != (kind == "referral"):
            raise DataError(
                f"{where}: {rule.citation()} of the {law.version} text "
                f"{'refers the breach to other laws' if is_referral else 'sets its own penalty'}; "
                f"kind should be {'referral' if is_referral else 'penalty'}"
            )
    outside = [
        r
        for rule in rules
        for r in law.references_all
        if _overlaps(r.source, rule)
        and r.source.paragraph == rule.paragraph
        and law.article(r.target.article).chapter != law.info.liability_chapter
    ]
    if outside and notes is None and not any(_overlaps(r.target, p) for r in outside for p in duty):
        raise DataError(
            f"{where}: {outside[0].source.citation()} cites "
            f"{', '.join(sorted({r.target.citation() for r in outside}))}, not "
            f"{', '.join(p.citation() for p in duty)}; give a note saying why it applies"
        )
