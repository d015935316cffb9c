"""The circumstances of a conduct, as one value: the tier it falls in and the amounts involved.

A penalty question is a clause of the liability chapter (a
:class:`~csl_helpers.law.model.Provision` or a :class:`~csl_helpers.penalties.clauses.Conduct`)
and a :class:`Circumstances`; dates belong to the version rule
(:func:`~csl_helpers.penalties.version_rule.applicable_law`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from csl_helpers.penalties.model import TIERS

__all__ = ["Circumstances", "whole_yuan"]


@dataclass(frozen=True)
class Circumstances:
    """What happened, as far as the Law's figures depend on it.

    Args:
        tier: ``"base"``, ``"aggravated"``, ``"serious"`` or ``"especially_serious"``: which of
            the clause's tiers the facts meet (the clause offers only some of them).
        illegal_gains: illegal gains in whole yuan (2016 Art. 64; 2025 Art. 63 switches at
            100,000 yuan); whole floats and decimals are taken as yuan.
        procurement_amount: the procurement amount in whole yuan, needed by 2016 Art. 65 and
            2025 Art. 67 (1 to 10 times the amount); ``None`` when not known.

    Raises:
        ValueError: naming the field and what it accepts.

    >>> Circumstances(tier="serious", illegal_gains=2000.0)
    Circumstances(tier='serious', illegal_gains=2000, procurement_amount=None)
    >>> Circumstances(tier="severe")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: tier must be one of 'base', 'aggravated', 'serious', ...; got 'severe'
    """

    tier: str = "base"
    illegal_gains: int = 0
    procurement_amount: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "illegal_gains", whole_yuan(self.illegal_gains, "illegal_gains"))
        if self.procurement_amount is not None:
            amount = whole_yuan(self.procurement_amount, "procurement_amount")
            object.__setattr__(self, "procurement_amount", amount)
        if not isinstance(self.tier, str) or self.tier not in TIERS:
            raise ValueError(
                f"tier must be one of {', '.join(map(repr, TIERS))}; got {self.tier!r}"
            )


def whole_yuan(value: object, name: str) -> int:
    """``value`` as a whole, non-negative number of yuan; ``ValueError`` names ``name``.

    >>> whole_yuan(2000.0, "illegal_gains")
    2000
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError(f"{name} must be a whole number of yuan (0 or more); got {value!r}")
    if isinstance(value, float | Decimal) and (not math.isfinite(value) or value != int(value)):
        raise ValueError(f"{name} must be a whole number of yuan (0 or more); got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be 0 or more yuan; got {value!r}")
    return int(value)
