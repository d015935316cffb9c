"""The module path the README has always used.

The code lives in :mod:`csl_helpers.obligations.checklist`.
"""

from csl_helpers.obligations.checklist import Checklist, checklist

__all__ = ["Checklist", "checklist"]
