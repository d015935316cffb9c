"""The chapter of legal liability: what a breach can cost, in either version, and which applies.

Every paragraph of the liability chapter is a penalty rule in ``data/penalties/``;
:func:`simulate` gives the outcome of one clause (a :class:`~csl_helpers.law.model.Provision`
or a :class:`Conduct`) in given :class:`Circumstances`, :func:`applicable_law` the version an
authority applies (Administrative Penalty Law Art. 37) and :func:`version_changes` each clause
against its counterpart. Each tier a clause offers has its own short name in the clause's words
(:func:`tier_name`: ``拒不改正或者情节严重`` for 2025 Art. 65(1)); its id (``base``,
``aggravated``, …) is internal.
"""

from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.clauses import tier_name, tier_of
from csl_helpers.penalties.comparison import Comparison, same_conduct, version_changes
from csl_helpers.penalties.model import Range, Rule, Tier, TierName
from csl_helpers.penalties.simulation import (
    Conduct,
    Outcome,
    conducts,
    rule,
    rules,
    simulate,
    tiers_of,
)
from csl_helpers.penalties.version_rule import ApplicableLaw, applicable_law

__all__ = [
    "ApplicableLaw",
    "Circumstances",
    "Comparison",
    "Conduct",
    "Outcome",
    "Range",
    "Rule",
    "Tier",
    "TierName",
    "applicable_law",
    "conducts",
    "rule",
    "rules",
    "same_conduct",
    "simulate",
    "tier_name",
    "tier_of",
    "tiers_of",
    "version_changes",
]
