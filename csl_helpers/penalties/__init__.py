"""The chapter of legal liability: what a breach can cost, in either version, and which applies.

Every paragraph of the liability chapter is a penalty rule in ``data/penalties/``;
:func:`simulate` gives the outcome of one clause (a :class:`~csl_helpers.law.model.Provision`
or a :class:`Conduct`) in given :class:`Circumstances`, :func:`applicable_law` the version an
authority applies (Administrative Penalty Law Art. 37) and :func:`version_changes` each clause
against its counterpart.
"""

from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.comparison import Comparison, same_conduct, version_changes
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
    "applicable_law",
    "conducts",
    "rule",
    "rules",
    "same_conduct",
    "simulate",
    "tiers_of",
    "version_changes",
]
