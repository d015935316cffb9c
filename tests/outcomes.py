"""Every outcome the simulator can give: each clause and tier of a version, with the amounts
its fines need, for the tests that read all of them."""

from __future__ import annotations

from collections.abc import Iterator

from csl_helpers.penalties import Circumstances, conducts, simulate, tiers_of
from csl_helpers.penalties.outcome import Outcome

VERSIONS = ("2016", "2025")


def every_outcome(version: str) -> Iterator[Outcome]:
    """Every clause and tier of ``version``, with the amounts its fines need."""
    for c in conducts(version):
        for tier in tiers_of(version, c):
            yield simulate(
                version,
                c,
                Circumstances(tier=tier, illegal_gains=150_000, procurement_amount=80_000),
            )


def every_outcome_of_each_version() -> Iterator[Outcome]:
    """:func:`every_outcome` of each version of the Law, oldest first."""
    for version in VERSIONS:
        yield from every_outcome(version)
