"""Which version of the Law a penalty applies, under the Administrative Penalty Law (行政处罚法).

Art. 37 of the Administrative Penalty Law: apply the law in force when the act took place;
but where, when the decision is made, the law has been amended and the new provision is
lighter or no longer treats the act as illegal, apply the new provision (从旧兼从轻). This
module compares the corresponding clauses of the 2016 and 2025 texts
(``data/penalties/correspondence.yaml``) and explains the comparison; it also says when the
limitation of Art. 36 has run, and which rules on lighter, reduced or no penalty (Arts. 32
and 33; 2025 CSL Art. 73) could apply, as possibilities to examine, never as a computed
discount. The wording of those articles is in ``data/penalties/administrative-penalty-law.yaml``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import cache

from csl_helpers.law.concordance import counterparts
from csl_helpers.law.load import DataError, read_yaml, require, version_on, versions
from csl_helpers.law.model import Bilingual, Provision, check_lang
from csl_helpers.penalties.model import TIERS, Range, term
from csl_helpers.penalties.simulation import Outcome, _by_id, rule, simulate, tiers_of

APL_FILE = "penalties/administrative-penalty-law.yaml"
PAIRS_FILE = "penalties/correspondence.yaml"
VERDICTS = ("lighter", "same", "heavier", "mixed", "referred")
"""How the new clause compares with the old: ``referred`` where the 2025 text sends the
conduct to other laws instead of fixing a penalty."""


@dataclass(frozen=True)
class AplProvision(Bilingual):
    """A provision of the Administrative Penalty Law: Chinese (governing), unofficial English."""

    provision: Provision
    zh: str
    en: str

    def citation(self, lang: str = "en") -> str:
        """``Administrative Penalty Law, Article 37(1)`` / ``《行政处罚法》第三十七条第一款``."""
        if check_lang(lang) == "en":
            return f"Administrative Penalty Law, {self.provision.citation('en')}"
        return f"《行政处罚法》{self.provision.citation('zh')}"


@cache
def apl() -> dict[str, AplProvision]:
    """The provisions of the Administrative Penalty Law the suite uses, by provision id."""
    raw = read_yaml(APL_FILE)
    require(raw, {"title", "in_force_from", "provisions"}, APL_FILE)
    out = {}
    for i, entry in enumerate(raw["provisions"]):
        where = f"{APL_FILE}, provisions[{i}]"
        require(entry, {"id", "zh", "en"}, where)
        try:
            p = Provision.parse(entry["id"])
        except ValueError as exc:
            raise DataError(f"{where}.id: {exc}") from None
        out[p.id] = AplProvision(p, entry["zh"], " ".join(entry["en"].split()))
    return out


@dataclass(frozen=True)
class Pair:
    """A 2016 conduct and the 2025 conduct that answers it, with matching tiers."""

    old: Provision
    """The 2016 paragraph, or the item of it."""
    new: Provision
    """The 2025 paragraph, or the item of it."""
    tiers: tuple[tuple[str, str], ...]


@cache
def pairs() -> tuple[Pair, ...]:
    """``data/penalties/correspondence.yaml``, checked against the rules and the concordance."""
    old_v, new_v = (v.id for v in versions())
    out = []
    for i, entry in enumerate(read_yaml(PAIRS_FILE)["pairs"]):
        where = f"{PAIRS_FILE}, pairs[{i}]"
        require(entry, {"from", "to", "tiers"}, where, {"from_item", "to_item"})
        ends = []
        for key, version in (("from", old_v), ("to", new_v)):
            p = Provision.parse(entry[key])
            if p.id not in _by_id(version):
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
        if new.article not in counterparts(old.article, old_v, new_v):
            raise DataError(
                f"{where}: 2025 Article {new.article} does not continue 2016 Article "
                f"{old.article} in the concordance"
            )
        out.append(Pair(old, new, tiers))
    return tuple(out)


@dataclass(frozen=True)
class Comparison:
    """The same conduct and circumstances under the old and the new clause."""

    old: Outcome
    new: Outcome
    verdict: str
    """One of :data:`VERDICTS`: how the new clause compares with the old."""
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Limitation:
    """The limitation period of Administrative Penalty Law Art. 36."""

    years: int
    runs_from: date
    last_day: date
    discovered: date | None
    expired: bool | None
    """``True`` if the act was discovered only after the period; ``None`` if not known."""


@dataclass(frozen=True)
class Possibility:
    """A rule that could make the penalty lighter, reduced or none, and when it would."""

    provision: str
    """A citation, e.g. ``Administrative Penalty Law, Article 32(1)(1)``."""
    zh: str
    en: str
    explanation: str


@dataclass(frozen=True)
class ApplicableLaw:
    """Which version applies to a conduct, why, and what that version provides."""

    version: str
    outcome: Outcome
    act_version: str
    decision_version: str
    comparisons: tuple[Comparison, ...]
    reasons: tuple[str, ...]
    limitation: Limitation
    possibilities: tuple[Possibility, ...]

    def explain(self) -> str:
        """The reasoning as plain English lines."""
        lines = [f"Applicable text: {self.version} ({self.outcome.citation()})."]
        lines += [f"- {r}" for r in self.reasons]
        lim = self.limitation
        state = {
            True: "had run when the act was discovered: no penalty may be given",
            False: "had not run when the act was discovered",
            None: "counts until the act is discovered",
        }[lim.expired]
        lines.append(
            f"- Limitation (Administrative Penalty Law, Article 36): {lim.years} years from "
            f"{lim.runs_from.isoformat()}, last day {lim.last_day.isoformat()}; it {state}."
        )
        return "\n".join(lines)


def applicable_law(
    conduct_date: date,
    decision_date: date,
    article: int,
    paragraph: int = 1,
    *,
    item: int | None = None,
    tier: str = "base",
    illegal_gains: int = 0,
    procurement_amount: int | None = None,
    continuing_until: date | None = None,
    discovered: date | None = None,
    life_health_or_finance_harmed: bool = False,
) -> ApplicableLaw:
    """Which version's clause applies to a conduct, under Administrative Penalty Law Art. 37.

    ``article``, ``paragraph``, ``item`` and ``tier`` name the conduct in the text in force
    when the act took place (for a continuing act, when it ended). When the decision falls
    under the other version, the corresponding clause of that version is compared for the same
    circumstances, and it applies only if it is lighter on every count (or no longer treats
    the act as illegal, which no clause of the 2025 text does).

    Args:
        conduct_date: the day of the act.
        decision_date: the day the penalty decision is made.
        article: see :func:`csl_helpers.penalties.simulate`.
        paragraph: see :func:`csl_helpers.penalties.simulate`.
        item: see :func:`csl_helpers.penalties.simulate`.
        tier: see :func:`csl_helpers.penalties.simulate`.
        illegal_gains: see :func:`csl_helpers.penalties.simulate`.
        procurement_amount: see :func:`csl_helpers.penalties.simulate`.
        continuing_until: the last day of a continuing act (Art. 36(2)); ``None`` otherwise.
        discovered: the day the act was discovered, for the limitation of Art. 36.
        life_health_or_finance_harmed: the act concerns citizens' life, health and safety or
            financial security and had harmful consequences (limitation of five years).

    Raises:
        ValueError: for dates out of order or before the Law was in force, and for anything
            :func:`~csl_helpers.penalties.simulate` rejects.

    >>> a = applicable_law(date(2025, 6, 1), date(2026, 3, 1), 59, 1, tier="aggravated")
    >>> a.version, a.comparisons[0].verdict
    ('2016', 'heavier')
    """
    for name, value in (
        ("conduct_date", conduct_date),
        ("decision_date", decision_date),
        ("continuing_until", continuing_until),
        ("discovered", discovered),
    ):
        if value is not None and not isinstance(value, date):
            raise ValueError(f"{name} must be a datetime.date; got {value!r}")
    if not isinstance(life_health_or_finance_harmed, bool):
        raise ValueError("life_health_or_finance_harmed must be True or False")
    end = continuing_until or conduct_date
    if end < conduct_date:
        raise ValueError("continuing_until must not be before conduct_date")
    if decision_date < end:
        raise ValueError("decision_date must not be before the act (or its end)")
    if discovered is not None and not conduct_date <= discovered <= decision_date:
        raise ValueError("discovered must fall between conduct_date and decision_date")
    try:
        act_version = version_on(end).id
    except ValueError as exc:
        raise ValueError(f"conduct_date: {exc}") from None
    decision_version = version_on(decision_date).id
    amounts = {"illegal_gains": illegal_gains, "procurement_amount": procurement_amount}
    old = simulate(act_version, article, paragraph, item=item, tier=tier, **amounts)
    reasons: list[str] = []
    comparisons: tuple[Comparison, ...] = ()
    version, outcome = act_version, old
    if continuing_until is not None:
        reasons.append(
            "For a continuing act the text in force on its last day is taken as the law at the "
            "time of the act."
        )
    if act_version == decision_version:
        reasons.append(
            f"The {act_version} text was in force when the act took place and still is when "
            "the decision is made: it applies (Administrative Penalty Law, Article 37)."
        )
    else:
        comparisons = _compare(act_version, decision_version, old, amounts)
        reasons.append(
            f"The act took place under the {act_version} text; the decision is made under the "
            f"{decision_version} text. Article 37 of the Administrative Penalty Law applies the "
            "law at the time of the act unless the new provision is lighter or no longer treats "
            "the act as illegal."
        )
        for c in comparisons:
            reasons.append(
                f"Same circumstances under {c.new.citation()} of the {decision_version} text "
                f"({c.new.tier.replace('_', ' ')} tier): {c.verdict}. " + " ".join(c.reasons)
            )
        if comparisons and all(c.verdict == "lighter" for c in comparisons):
            version, outcome = decision_version, comparisons[0].new
            reasons.append(f"The new provision is lighter: the {decision_version} text applies.")
        elif any(c.verdict == "referred" for c in comparisons):
            reasons.append(
                f"The {decision_version} text still treats the act as illegal but leaves the "
                "penalty to other laws, which this suite does not model: the "
                f"{act_version} clause applies unless the provision of those laws is lighter."
            )
        else:
            reasons.append(
                f"The new provision is not lighter: the {act_version} text, the law at the time "
                "of the act, applies."
            )
    return ApplicableLaw(
        version=version,
        outcome=outcome,
        act_version=act_version,
        decision_version=decision_version,
        comparisons=comparisons,
        reasons=tuple(reasons),
        limitation=_limitation(end, discovered, life_health_or_finance_harmed),
        possibilities=_possibilities(version),
    )


def counterpart_pairs(
    version: str, provision: Provision, tier: str
) -> tuple[tuple[Pair, str], ...]:
    """The pairs that continue ``provision`` (a 2016 conduct) and the 2025 tiers for ``tier``.

    Without an item, a clause whose items went to different 2025 clauses (2016 Art. 69) gives
    the pairs of all its items.
    """
    old_v = versions()[0].id
    if version != old_v:
        return ()
    r = rule(version, provision.article, provision.paragraph or 1)
    out = []
    for pair in pairs():
        if Provision(pair.old.article, pair.old.paragraph) != r.provision:
            continue
        if None not in (pair.old.item, provision.item) and pair.old.item != provision.item:
            continue
        out += [(pair, b) for a, b in pair.tiers if a == tier]
    return tuple(out)


def _side_outcome(version: str, side: Provision, tier: str, amounts: dict) -> Outcome:
    """The outcome of one side of a clause pair, in one tier, for the given amounts."""
    return simulate(
        version, side.article, side.paragraph or 1, item=side.item, tier=tier, **amounts
    )


def _compare(old_v: str, new_v: str, old: Outcome, amounts: dict) -> tuple[Comparison, ...]:
    found = counterpart_pairs(old_v, old.provision, old.tier)
    out = []
    for pair, new_tier in found:
        new = _side_outcome(new_v, pair.new, new_tier, amounts)
        verdict, reasons = compare(old, new)
        out.append(Comparison(old, new, verdict, reasons))
    return tuple(out)


def _span(r: Range | None, may: bool) -> tuple[int, int]:
    """A range as (least, most) a decision can impose: "may" and no minimum mean 0."""
    if r is None:
        return 0, 0
    return (0 if may or r.low is None else r.low), r.high


def _measures(o: Outcome) -> set[str]:
    """The penalties among the measures (orders to correct are not penalties)."""
    same = {"close_website_or_app": "close_website"}
    return {
        same.get(m, m) for m in o.measure_ids if term("measures", m).kind in ("penalty", "people")
    }


def compare(old: Outcome, new: Outcome) -> tuple[str, tuple[str, ...]]:
    """How ``new`` compares with ``old``: a verdict of :data:`VERDICTS` and the reasons.

    Fines, fines on people and detention are compared by the least and the most a decision
    can impose (a "may" fine can be nil); more people fined or more penalties named counts
    as heavier.
    """
    if new.referral is not None and new.fine is None and old.fine is not None:
        return "referred", (
            f"The new text fixes no fine of its own and refers to other laws: {new.referral.note}",
        )
    signs, reasons = [], []
    parts = (
        (
            "fine on the offender",
            old.fine,
            old.fine_discretionary,
            new.fine,
            new.fine_discretionary,
        ),
        (
            "fine on the people responsible",
            old.person_fine,
            old.person_fine_discretionary,
            new.person_fine,
            new.person_fine_discretionary,
        ),
        ("detention", old.detention_days, False, new.detention_days, False),
    )
    for name, a, a_may, b, b_may in parts:
        sa, sb = _span(a, a_may), _span(b, b_may)
        if sa == sb:
            continue
        unit = "days" if name == "detention" else "yuan"
        desc_a = _describe(a, a_may, unit)
        desc_b = _describe(b, b_may, unit)
        reasons.append(f"The {name} goes from {desc_a} to {desc_b}.")
        signs.append(_sign(sa, sb))
    if set(new.persons) != set(old.persons) and new.person_fine and old.person_fine:
        more = set(new.persons) > set(old.persons)
        reasons.append(
            "More people are fined: "
            + ", ".join(term("persons", p).en for p in new.persons if p not in old.persons)
            + "."
            if more
            else "Fewer people are fined."
        )
        signs.append(1 if more else -1 if set(new.persons) < set(old.persons) else 2)
    ma, mb = _measures(old), _measures(new)
    if ma != mb:
        added, dropped = sorted(mb - ma), sorted(ma - mb)
        if added:
            reasons.append(
                "New measures: " + ", ".join(term("measures", m).en for m in added) + "."
            )
        if dropped:
            reasons.append(
                "Measures no longer named: "
                + ", ".join(term("measures", m).en for m in dropped)
                + "."
            )
        signs.append(1 if not dropped else -1 if not added else 2)
    if not signs:
        return "same", ("Fines, people fined, detention and penalties are the same.",)
    if all(s >= 0 for s in signs) and 2 not in signs:
        return "heavier", tuple(reasons)
    if all(s <= 0 for s in signs):
        return "lighter", tuple(reasons)
    return "mixed", tuple(reasons)


def _sign(a: tuple[int, int], b: tuple[int, int]) -> int:
    if b[0] >= a[0] and b[1] >= a[1]:
        return 1
    if b[0] <= a[0] and b[1] <= a[1]:
        return -1
    return 2


def _describe(r: Range | None, may: bool, unit: str) -> str:
    if r is None:
        return "none"
    return f"{r.label(unit)} ({'may' if may else 'shall'})"


def _add_years(day: date, years: int) -> date:
    year = day.year + years
    last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last))


def _limitation(runs_from: date, discovered: date | None, long: bool) -> Limitation:
    years = 5 if long else 2
    last_day = _add_years(runs_from, years)
    expired = None if discovered is None else discovered > last_day
    return Limitation(years, runs_from, last_day, discovered, expired)


_POSSIBLE = (
    (
        "art_32__para_1__point_1",
        "Shall be lighter or reduced if the party of its own accord eliminated or reduced "
        "the harm.",
    ),
    (
        "art_32__para_1__point_2",
        "Shall be lighter or reduced if the party acted under coercion or deception.",
    ),
    (
        "art_32__para_1__point_3",
        "Shall be lighter or reduced if the party confessed violations the authority did not "
        "know of.",
    ),
    (
        "art_32__para_1__point_4",
        "Shall be lighter or reduced if the party performed meritorious service in the "
        "investigation.",
    ),
    (
        "art_33__para_1",
        "No penalty for a minor act corrected in time without harm; a first violation with minor "
        "harm corrected in time may go unpunished.",
    ),
    ("art_33__para_2", "No penalty where the party proves it was not at fault."),
    (
        "art_29__para_1",
        "One act is fined once: where it breaks several provisions, the one with the higher "
        "fine applies.",
    ),
)


def _possibilities(version: str) -> tuple[Possibility, ...]:
    provisions = apl()
    out = [
        Possibility(provisions[pid].citation(), provisions[pid].zh, provisions[pid].en, why)
        for pid, why in _POSSIBLE
    ]
    mitigation = [
        r
        for r in _by_id(version).values()
        if r.tiers[0].referral is not None and "行政处罚法" in r.tiers[0].trigger.zh
    ]
    for r in mitigation:
        t = r.tiers[0]
        out.append(
            Possibility(
                f"Cybersecurity Law ({version}), {r.citation()}",
                t.trigger.zh + "，" + t.referral.zh + "。",
                t.trigger.en + ", " + t.referral.en + ".",
                "The Cybersecurity Law itself points to these rules of the Administrative "
                "Penalty Law.",
            )
        )
    return tuple(out)


def same_conduct(
    version: str,
    article: int,
    paragraph: int = 1,
    *,
    item: int | None = None,
    tier: str = "base",
    illegal_gains: int = 0,
    procurement_amount: int | None = None,
) -> tuple[Comparison, ...]:
    """The conduct named in ``version`` compared with its counterpart in the other version.

    Works from either side: a 2025 conduct is matched to the 2016 conducts whose pairs lead
    to it. Empty where the conduct has no counterpart (2025 Art. 63 is new).

    >>> [c.verdict for c in same_conduct("2025", 61, 2, tier="aggravated")]
    ['heavier']
    """
    old_v, new_v = (v.id for v in versions())
    amounts = {"illegal_gains": illegal_gains, "procurement_amount": procurement_amount}
    here = simulate(version, article, paragraph, item=item, tier=tier, **amounts)
    if version == old_v:
        return _compare(old_v, new_v, here, amounts)
    out = []
    for pair in pairs():
        if Provision(pair.new.article, pair.new.paragraph) != Provision(article, paragraph):
            continue
        if None not in (pair.new.item, item) and pair.new.item != item:
            continue
        for a, b in pair.tiers:
            if b != tier:
                continue
            old = _side_outcome(old_v, pair.old, a, amounts)
            verdict, reasons = compare(old, here)
            out.append(Comparison(old, here, verdict, reasons))
    return tuple(out)


def version_changes() -> tuple[Comparison, ...]:
    """Every 2016 conduct and tier compared with the 2025 clause that answers it.

    This is the classification the version rule rests on: which clauses are heavier, the same,
    lighter or referred to other laws under the 2025 text. Amounts that change the fine are
    taken as nil illegal gains and a procurement amount of 1 yuan, which leaves the multiples
    equal on both sides.
    """
    old_v, new_v = (v.id for v in versions())
    out = []
    for pair in pairs():
        for a, b in pair.tiers:
            amounts = {"illegal_gains": 0, "procurement_amount": 1}
            old = simulate(
                old_v,
                pair.old.article,
                pair.old.paragraph or 1,
                item=pair.old.item,
                tier=a,
                **amounts,
            )
            new = simulate(
                new_v,
                pair.new.article,
                pair.new.paragraph or 1,
                item=pair.new.item,
                tier=b,
                **amounts,
            )
            verdict, reasons = compare(old, new)
            out.append(Comparison(old, new, verdict, reasons))
    return tuple(out)


__all__ = [
    "TIERS",
    "VERDICTS",
    "ApplicableLaw",
    "Comparison",
    "Limitation",
    "Possibility",
    "applicable_law",
    "apl",
    "compare",
    "pairs",
    "same_conduct",
    "version_changes",
]
