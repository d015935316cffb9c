"""Chapter 6, Legal Liability: what a breach can cost, in either version, and which applies.

Every paragraph of Chapter 6 is a penalty rule in ``data/penalties/``; :func:`simulate` gives
the outcome of one clause under given circumstances, :func:`applicable_law` the version an
authority applies (Administrative Penalty Law Art. 37) and :func:`version_changes` each clause
against its counterpart.
"""

from csl_helpers.penalties.model import Range, Rule, Tier
from csl_helpers.penalties.simulation import (
    Conduct,
    Outcome,
    conducts,
    rule,
    rules,
    simulate,
    tiers_of,
)
from csl_helpers.penalties.version_rule import ApplicableLaw, applicable_law, version_changes

__all__ = [
    "ApplicableLaw",
    "Conduct",
    "Outcome",
    "Range",
    "Rule",
    "Tier",
    "applicable_law",
    "conducts",
    "rule",
    "rules",
    "simulate",
    "tiers_of",
    "version_changes",
]
