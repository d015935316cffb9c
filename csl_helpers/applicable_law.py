"""The module path the README has always used.

The code lives in :mod:`csl_helpers.penalties.version_rule`.
"""

from csl_helpers.penalties.version_rule import ApplicableLaw, applicable_law, version_changes

__all__ = ["ApplicableLaw", "applicable_law", "version_changes"]
