"""What the penalty simulator shows for one set of choices, and the one call that works it out.

:func:`run_clause` is every call the simulator makes of the penalty logic: in the dates mode the
version rule chooses the text, otherwise the chosen text is read; a :class:`Result` holds the
outcome or why there is none. :mod:`csl_helpers.views.penalties.state` keeps the choices.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_ids, version_on
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.comparison import same_conduct
from csl_helpers.penalties.simulation import Outcome, simulate
from csl_helpers.penalties.version_rule import ApplicableLaw, applicable_law
from csl_helpers.views.penalties.conduct_menu import Key
from csl_helpers.views.penalties.entries import Problem

__all__ = ["DATES", "Result", "act_and_decision", "run_clause", "version_for"]

DATES = "dates"
"""The mode in which the dates of the act and of the decision choose the text."""


@dataclass(frozen=True)
class Result:
    """What the simulator shows for one set of choices: an outcome, or why there is none.

    ``pairs`` are the (old, new) outcomes of the same conduct in successive versions, for the
    chart; ``applicable`` is the version rule's reasoning, in the dates mode only.
    ``problems`` name the fields that keep an outcome from being worked out, each with a
    sentence for the page; ``awaiting`` says what the clause provides while an amount it
    multiplies is not given, and ``sketch`` is then the clause's outcome but for that fine
    (its fine must not be shown: it was worked out on no amount).
    """

    outcome: Outcome | None = None
    applicable: ApplicableLaw | None = None
    pairs: tuple[tuple[Outcome, Outcome], ...] = ()
    illegal_gains: int = 0
    procurement_amount: int | None = None
    error: str = ""
    problems: tuple[Problem, ...] = ()
    awaiting: str = ""
    sketch: Outcome | None = None

    @property
    def stale(self) -> bool:
        """Whether the outcome shown last no longer answers the fields (there is none now)."""
        return self.outcome is None


def version_for(mode: str, conduct_date: date | None) -> str:
    """The text whose clauses the menus offer: the chosen one, or the one in force at the act."""
    if mode != DATES:
        return mode
    try:
        return version_on(conduct_date).id
    except (ValueError, TypeError):
        return version_ids()[-1]


@lru_cache(maxsize=256)
def run_clause(
    mode: str,
    conduct_date: date | None,
    decision_date: date | None,
    version: str,
    key: Key,
    tier: str,
    illegal_gains: int,
    procurement_amount: int | None,
) -> Result:
    """Every call the simulator makes of the penalty logic, in one place.

    In the dates mode the version rule (:func:`applicable_law`) chooses the text; otherwise
    :func:`simulate` reads the chosen one and :func:`same_conduct` its counterparts. Bad input
    gives a result with an error, not an exception.
    """
    amounts = {"illegal_gains": illegal_gains, "procurement_amount": procurement_amount}
    try:
        clause = Provision(*key)
        facts = Circumstances(tier, illegal_gains, procurement_amount)
        if mode == DATES:
            a = applicable_law(conduct_date, decision_date, clause, facts)
            return Result(a.outcome, a, tuple((c.old, c.new) for c in a.comparisons), **amounts)
        outcome = simulate(version, clause, facts)
        compared = same_conduct(version, clause, facts)
    except (ValueError, TypeError) as exc:
        return Result(error=str(exc), **amounts)
    return Result(outcome, None, tuple((c.old, c.new) for c in compared), **amounts)


def act_and_decision() -> tuple[date, date]:
    """Default dates: an act the year before the latest text took force, a decision after."""
    first = load_law(version_ids()[-1]).in_force_from
    return date(first.year - 1, 6, 1), date(first.year, 3, 1)
