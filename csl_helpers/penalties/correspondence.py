"""Which clause of the version after answers each clause of the version before.

``data/penalties/correspondence.yaml`` holds one entry per amendment of the Law (each version
with the one that replaced it,
:func:`~csl_helpers.law.version_registry.successive_versions`): the pairs of conducts with
their matching tiers, and the measures the later text names differently.
Everything is checked against the rules of both versions and the article concordance, so a
new version of the Law is a new entry there, not new code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from csl_helpers.law.concordance import counterparts
from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import successive_versions, version_ids, version_info
from csl_helpers.penalties.clauses import tiers_of
from csl_helpers.penalties.model import vocabulary
from csl_helpers.penalties.rules import penalty_rules, rules_by_id

PAIRS_FILE = "penalties/correspondence.yaml"

__all__ = [
    "PAIRS_FILE",
    "Amendment",
    "Pair",
    "amendments",
    "pairs",
    "read_amendments",
    "same_measures",
]


@dataclass(frozen=True)
class Pair:
    """A conduct of the version before and the conduct after that answers it, with tiers."""

    old: Provision
    """The earlier paragraph, or the item of it."""
    new: Provision
    """The later paragraph, or the item of it."""
    tiers: tuple[tuple[str, str], ...]
    before: str = ""
    """The id of the version ``old`` belongs to."""
    after: str = ""
    """The id of the version ``new`` belongs to."""


@dataclass(frozen=True)
class Amendment:
    """One amendment of the Law as the version rule sees it: pairs and renamed measures."""

    before: str
    after: str
    pairs: tuple[Pair, ...]
    measures: tuple[tuple[str, str], ...]
    """(earlier id, later id) of each measure the later text names differently."""


@cache
def amendments() -> tuple[Amendment, ...]:
    """Every entry of ``correspondence.yaml``, oldest first, checked against the data.

    Raises:
        DataError: naming the file, the entry and the field.
    """
    return read_amendments(read_yaml(PAIRS_FILE))


def read_amendments(raw: Any) -> tuple[Amendment, ...]:
    """The parsed contents of ``correspondence.yaml``, checked against the data.

    Raises:
        DataError: naming the file, the entry and the field.
    """
    require(raw, {"amendments"}, PAIRS_FILE)
    want = [(b.id, a.id) for b, a in successive_versions()]
    out = []
    for i, entry in enumerate(raw["amendments"]):
        where = f"{PAIRS_FILE}, amendments[{i}]"
        require(entry, {"before", "after", "pairs", "measures"}, where)
        before, after = str(entry["before"]), str(entry["after"])
        if i >= len(want) or (before, after) != want[i]:
            expected = f"{want[i][0]} -> {want[i][1]}" if i < len(want) else "no more entries"
            raise DataError(f"{where}.before/after: {before} -> {after}; expected {expected}")
        found = tuple(
            _pair(p, before, after, f"{where}.pairs[{j}]") for j, p in enumerate(entry["pairs"])
        )
        measures = tuple(
            _measure(m, before, after, f"{where}.measures[{j}]")
            for j, m in enumerate(entry["measures"] or ())
        )
        out.append(Amendment(before, after, found, measures))
    if len(out) != len(want):
        raise DataError(f"{PAIRS_FILE}, amendments: {len(out)} entries for {len(want)} amendments")
    return tuple(out)


def pairs(before: str | None = None) -> tuple[Pair, ...]:
    """The pairs of the amendment from version ``before``; of every amendment without it."""
    return tuple(p for a in amendments() if before is None or a.before == before for p in a.pairs)


def same_measures(older: str, newer: str) -> dict[str, str]:
    """Each measure id a version up to ``newer`` uses for one of a version from ``older``.

    Maps the later id to the earlier one, for the amendments between the two versions.
    """
    ids = version_ids()
    lo, hi = ids.index(version_info(older).id), ids.index(version_info(newer).id)
    out: dict[str, str] = {}
    for a in amendments()[lo:hi]:
        for earlier, later in a.measures:
            out[later] = out.get(earlier, earlier)
    return out


def _pair(entry: Any, before: str, after: str, where: str) -> Pair:
    """One pair, its rules, items and tiers checked against both versions."""
    require(entry, {"from", "to", "tiers"}, where, {"from_item", "to_item"})
    ends = []
    for key, version in (("from", before), ("to", after)):
        try:
            p = Provision.parse(str(entry[key]))
        except ValueError as exc:
            raise DataError(f"{where}.{key}: {exc}") from None
        if p.id not in rules_by_id(version):
            raise DataError(f"{where}.{key}: {p.id} is not a penalty rule of {version}")
        item = entry.get(f"{key}_item")
        try:
            offered = tiers_of(version, p.article, p.paragraph, item)
        except ValueError as exc:
            raise DataError(f"{where}.{key}_item: {exc}") from None
        ends.append((Provision(p.article, p.paragraph, item), offered))
    tiers = tuple((str(a), str(b)) for a, b in entry["tiers"])
    for a, b in tiers:
        if a not in ends[0][1] or b not in ends[1][1]:
            raise DataError(
                f"{where}.tiers: [{a}, {b}] is not a pair of offered tiers "
                f"({', '.join(ends[0][1])} / {', '.join(ends[1][1])})"
            )
    if {a for a, _ in tiers} != set(ends[0][1]):
        raise DataError(f"{where}.tiers: every tier of {entry['from']} needs a counterpart")
    old, new = ends[0][0], ends[1][0]
    if new.article not in counterparts(old.article, before, after):
        raise DataError(
            f"{where}: {after} Article {new.article} does not continue {before} Article "
            f"{old.article} in the concordance"
        )
    return Pair(old, new, tiers, before, after)


def _measure(entry: Any, before: str, after: str, where: str) -> tuple[str, str]:
    """A measure the later text names differently: both ids used by the rules of their version."""
    require(entry, {"before", "after"}, where)
    for key, version in (("before", before), ("after", after)):
        m = entry[key]
        if m not in vocabulary()["measures"]:
            raise DataError(
                f"{where}.{key}: unknown measure {m!r}; "
                f"valid: {', '.join(vocabulary()['measures'])}"
            )
        used = {
            m for r in penalty_rules(version) for t in r.tiers for s in t.measures for m in s.ids
        }
        if m not in used:
            raise DataError(f"{where}.{key}: no penalty rule of {version} names {m!r}")
    return entry["before"], entry["after"]
