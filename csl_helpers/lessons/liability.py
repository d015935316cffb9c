"""What the liability notebook (Chapter 6) shows, one call each, every figure from the text.

The clause of a duty (:func:`clause`), an outcome for each tier (:func:`every_tier`), fines
either side of a threshold of illegal gains (:func:`gains_table`), every fined conduct and tier
(:func:`fined_clauses`), the verdicts of the amendment (:func:`verdicts_table`) and the rules a
version offers for a lighter penalty (:func:`mitigation_table`).
"""

from __future__ import annotations

from csl_helpers.law.display import RichDisplay, Stack, Table
from csl_helpers.law.load import version_ids
from csl_helpers.law.model import Provision
from csl_helpers.obligations.duties import obligation
from csl_helpers.penalties import Circumstances, conducts, rule, simulate, tiers_of
from csl_helpers.penalties.comparison import VERDICTS, version_changes
from csl_helpers.penalties.model import Range
from csl_helpers.penalties.version_rule import ApplicableLaw

__all__ = [
    "clause",
    "every_tier",
    "fined_clauses",
    "gains_table",
    "mitigation_table",
    "together",
    "verdicts_table",
]


def together(*items: RichDisplay) -> Stack:
    """Several values shown one after the other, a blank line between their plain texts."""
    return Stack(items, separator="\n\n")


def clause(duty_id: str, version: str, n: int = 0) -> Provision:
    """The clause of the liability chapter that deals with a breach of a duty (the n-th).

    Raises:
        LookupError: for an unknown duty; IndexError where it has no ``n``-th clause.
    """
    return obligation(duty_id).enforcement[version].rules[n]


def every_tier(version: str, provision: Provision, tiers: tuple[str, ...] = ()) -> Stack:
    """The outcome of ``provision`` in each of its tiers (or in ``tiers``), in order."""
    chosen = tiers or tiers_of(version, provision)
    return together(*(simulate(version, provision, Circumstances(tier=t)) for t in chosen))


def gains_table(version: str, provision: Provision) -> Table:
    """The fine for illegal gains of nil, either side of the clause's threshold, and three times it.

    Raises:
        ValueError: where the clause's base fine sets no threshold of illegal gains.
    """
    fine = rule(version, provision.article, provision.paragraph).tiers[0].fine
    edges = [c.gains_below for c in (fine.cases if fine else ()) if c.gains_below]
    if not edges:
        raise ValueError(f"{provision.citation()} of the {version} text sets no gains threshold")
    edge = edges[0]
    rows = []
    for gains in (0, edge - 1, edge, 3 * edge):
        o = simulate(version, provision, Circumstances(illegal_gains=gains))
        rows.append((f"{gains:,}", o.fine.label() if o.fine else "-", o.fine_wording or ""))
    title = f"{version} text, {provision.citation()}: the fine by illegal gains"
    return Table(title, ("illegal gains (yuan)", "fine", "罚款"), tuple(rows), version)


def _fine(r: Range | None, may: bool) -> str:
    return f"{r.label()} ({'may' if may else 'shall'})" if r is not None else "-"


def fined_clauses_table(version: str) -> Table:
    """Every conduct and tier of ``version`` that carries a fine, with may or shall.

    Amounts that depend on illegal gains are those for gains of nil; fines that are multiples
    of a procurement amount are left out.
    """
    rows = []
    for c in conducts(version):
        if "procurement_amount" in c.needs:
            continue
        for tier in c.tiers:
            o = simulate(version, c, Circumstances(tier=tier))
            if o.fine is None and o.person_fine is None:
                continue
            rows.append(
                (
                    c.provision.citation(),
                    tier,
                    _fine(o.fine, o.fine_discretionary),
                    _fine(o.person_fine, o.person_fine_discretionary),
                )
            )
    head = ("clause", "tier", "fine on the offender", "fine on the people")
    return Table(f"{version} text: every fined clause", head, tuple(rows), version)


def fined_clauses() -> Stack:
    """:func:`fined_clauses_table` for every version."""
    return Stack(tuple(fined_clauses_table(v) for v in version_ids()))


def verdicts_table() -> Table:
    """Each earlier clause by the verdict of the amendment on it, the same in all its tiers."""
    verdicts: dict[str, set[str]] = {}
    for c in version_changes():
        verdicts.setdefault(c.old.provision.citation(), set()).add(c.verdict)
    rows = [
        (v, ", ".join(k for k, found in verdicts.items() if found == {v}) or "none")
        for v in VERDICTS
    ]
    rows.append(("other", ", ".join(k for k, v in verdicts.items() if len(v) > 1) or "none"))
    return Table("What the amendment did to each clause", ("verdict", "clauses"), tuple(rows))


def mitigation_table(decision: ApplicableLaw) -> Table:
    """The rules that could make the penalty lighter, reduced or none, for the authority."""
    rows = tuple((str(p.provision), p.explanation) for p in decision.possibilities)
    return Table("Rules to examine for a lighter penalty", ("provision", "what it allows"), rows)
