"""The module path the README has always used.

The code lives in :mod:`csl_helpers.law.amendment`.
"""

from csl_helpers.law.amendment import DecisionItem, decision_items

__all__ = ["DecisionItem", "decision_items"]
