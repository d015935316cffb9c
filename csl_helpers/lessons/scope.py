"""Whether and why the Law reaches a case: 2016 Arts. 2 and 75, 2025 Arts. 2 and 77.

The rules are data (``data/scope.yaml``): where the network is, what the actor does and
whether serious consequences followed decide which article speaks and what it says. Each rule
quotes the Chinese words it rests on, and the quote is checked against the text on load. The
choices, outcomes and reasons are worded in English and Chinese; their quotations of the Law
are checked too (:func:`~csl_helpers.lessons.words.words_at`).

>>> finding = reach("2025", network="china", activity="endanger_from_abroad", serious=False)
>>> finding.outcome, finding.provision.citation()
('liable', 'Article 77')
>>> reach("2016", network="china", activity="endanger_from_abroad", serious=False).outcome
'not_reached'
>>> finding.summary.zh
'依法追究境外行为者的法律责任。'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import Any

from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.load import load_law, resolve_provision
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_ids, version_info
from csl_helpers.lessons.words import Words, words_at

FILE = "scope.yaml"


@dataclass(frozen=True)
class Choice(Words):
    """One answer the user can give: a place for the network, or an activity (or an outcome)."""

    id: str = ""


@dataclass(frozen=True)
class Finding:
    """What the Law says about one case, and the provision that says it."""

    version: str
    outcome: str
    """``applies``, ``liable``, ``liable_and_sanctions`` or ``not_reached``."""
    summary: Words
    reason: Words
    provision: Provision
    quote: str
    """The Chinese words of ``provision`` the finding rests on."""


@dataclass(frozen=True)
class _Rule:
    version: str
    networks: frozenset[str]
    activities: frozenset[str]
    serious: bool | None
    outcome: str
    provision: Provision
    quote: str
    reason: Words

    def matches(self, network: str, activity: str, serious: bool) -> bool:
        return (
            network in self.networks
            and activity in self.activities
            and (self.serious is None or self.serious == serious)
        )


def _choices(raw: dict, key: str, texts: list[str] | None) -> tuple[Choice, ...]:
    """The choices under ``key``; their quotations checked against ``texts`` (``None``: not)."""
    out = []
    for i, entry in enumerate(raw[key]):
        where = f"{FILE}, {key}[{i}]"
        require(entry, {"id", "en", "zh"}, where)
        words = words_at({"en": entry["en"], "zh": entry["zh"]}, where, texts)
        out.append(Choice(words.en, words.zh, entry["id"]))
    return tuple(out)


def networks() -> tuple[Choice, ...]:
    """Where the network can be."""
    return _tables()[0]


def activities() -> tuple[Choice, ...]:
    """What the actor can do."""
    return _tables()[1]


def outcomes() -> tuple[Choice, ...]:
    """The possible findings, with their one-line summaries."""
    return _tables()[2]


@cache
def _tables() -> tuple[
    tuple[Choice, ...], tuple[Choice, ...], tuple[Choice, ...], tuple[_Rule, ...]
]:
    raw = read_yaml(FILE)
    require(raw, {"networks", "activities", "outcomes", "rules"}, FILE)
    keys = ("networks", "activities", "outcomes")
    nets, acts, outs = (_choices(raw, k, None) for k in keys)
    rules = [_rule(entry, i, nets, acts, outs) for i, entry in enumerate(raw["rules"])]
    # The choices may quote any article a rule rests on (2016 Arts. 2, 75; 2025 Arts. 2, 77).
    texts = [load_law(r.version).article(r.provision.article).text("zh") for r in rules]
    nets, acts, outs = (_choices(raw, k, texts) for k in keys)
    for version, n, a, s in product(version_ids(), nets, acts, (False, True)):
        found = [r for r in rules if r.version == version and r.matches(n.id, a.id, s)]
        if len(found) != 1:
            raise DataError(
                f"{FILE}: rules: {len(found)} rules of the {version} text match network "
                f"{n.id!r}, activity {a.id!r}, serious {s}; exactly one must"
            )
    return nets, acts, outs, tuple(rules)


def _rule(
    entry: Any,
    i: int,
    nets: tuple[Choice, ...],
    acts: tuple[Choice, ...],
    outs: tuple[Choice, ...],
) -> _Rule:
    """One rule of the scope table, its ids and its quotation checked."""
    where = f"{FILE}, rules[{i}]"
    require(
        entry,
        {"version", "networks", "activities", "outcome", "provision", "quote", "reason"},
        where,
        {"serious"},
    )
    version = str(entry["version"])
    try:
        version_info(version)
    except ValueError as exc:
        raise DataError(f"{where}.version: {exc}") from None
    for field, valid in (("networks", nets), ("activities", acts)):
        for x in entry[field]:
            if x not in {c.id for c in valid}:
                ids = ", ".join(c.id for c in valid)
                raise DataError(f"{where}.{field}: unknown id {x!r}; valid: {ids}")
    if entry["outcome"] not in {c.id for c in outs}:
        ids = ", ".join(c.id for c in outs)
        raise DataError(f"{where}.outcome: unknown id {entry['outcome']!r}; valid: {ids}")
    provision = resolve_provision(entry["provision"], version, f"{where}.provision")
    wording = load_law(version).text_of(provision, "zh")
    if entry["quote"] not in wording:
        raise DataError(f"{where}.quote: not in {provision.citation()} of the {version} text")
    return _Rule(
        version,
        frozenset(entry["networks"]),
        frozenset(entry["activities"]),
        entry.get("serious"),
        entry["outcome"],
        provision,
        entry["quote"],
        words_at(entry["reason"], f"{where}.reason", [wording]),
    )


def reach(version: str, *, network: str, activity: str, serious: bool = False) -> Finding:
    """Whether ``version`` of the Law reaches a case, and which provision says so.

    Args:
        version: ``"2016"`` or ``"2025"``.
        network: the id of where the network is (:func:`networks`).
        activity: the id of what the actor does (:func:`activities`).
        serious: whether the activity caused serious consequences (2016 Art. 75 needs them;
            2025 Art. 77 needs them only for sanctions such as freezing assets).

    Raises:
        ValueError: for an unknown version, network or activity, naming the valid ones.
    """
    version_info(version)
    nets, acts, outs, rules = _tables()
    for value, name, valid in (
        (network, "network", nets),
        (activity, "activity", acts),
    ):
        if value not in {c.id for c in valid}:
            raise ValueError(
                f"{name} must be one of {', '.join(c.id for c in valid)}, not {value!r}"
            )
    if not isinstance(serious, bool):
        raise ValueError(f"serious must be True or False, not {serious!r}")
    (rule,) = (r for r in rules if r.version == version and r.matches(network, activity, serious))
    summary = next(Words(o.en, o.zh) for o in outs if o.id == rule.outcome)
    return Finding(version, rule.outcome, summary, rule.reason, rule.provision, rule.quote)
