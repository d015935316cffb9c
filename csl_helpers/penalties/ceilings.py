"""The highest fine each penalty article of Chapter 6 fixes in yuan, before and after 2025.

Read through :func:`csl_helpers.penalties.simulate`, so every figure is one the text gives.
Where a clause fines a multiple of illegal gains, the figure is the one it fixes for a case
without illegal gains (2016 Art. 64, 2025 Art. 63); clauses that fine a multiple of a
procurement amount (2016 Art. 65, 2025 Art. 67) fix no ceiling in yuan and have ``None``.

>>> pair = next(p for p in ceiling_pairs() if p.article_2025 == 61)
>>> pair.articles_2016, pair.offender_2016, pair.offender_2025
((59,), 1000000, 10000000)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from csl_helpers.law.concordance import counterparts
from csl_helpers.law.load import load_law
from csl_helpers.penalties.simulation import conducts, simulate


@dataclass(frozen=True)
class Ceiling:
    """The highest fines an article fixes: on the offender and on the people responsible."""

    version: str
    article: int
    offender: int | None
    person: int | None
    multiple_only: bool
    """Whether some conduct of the article is fined only as a multiple of an amount."""


@dataclass(frozen=True)
class CeilingPair:
    """A 2025 penalty article beside the 2016 articles it continues."""

    article_2025: int
    articles_2016: tuple[int, ...]
    offender_2016: int | None
    offender_2025: int | None
    person_2016: int | None
    person_2025: int | None

    def label(self) -> str:
        """``2025 Art. 61 (2016 Art. 59)`` or ``2025 Art. 63 (new)``."""
        old = ", ".join(map(str, self.articles_2016)) or "new"
        prefix = "2016 Art. " if self.articles_2016 else ""
        return f"2025 Art. {self.article_2025} ({prefix}{old})"


def _max(values: list[int | None]) -> int | None:
    found = [v for v in values if v is not None]
    return max(found) if found else None


@cache
def ceiling(version: str, article: int) -> Ceiling:
    """The highest fines ``article`` of ``version`` fixes, over all its conducts and tiers."""
    offender: list[int | None] = []
    person: list[int | None] = []
    multiple_only = False
    for c in conducts(version):
        if c.rule.article != article:
            continue
        if "procurement_amount" in c.needs:
            multiple_only = True
            continue
        for tier in c.tiers:
            o = simulate(version, article, c.rule.paragraph, item=c.item, tier=tier)
            offender.append(o.fine.high if o.fine else None)
            person.append(o.person_fine.high if o.person_fine else None)
    return Ceiling(version, article, _max(offender), _max(person), multiple_only)


def ceiling_pairs() -> tuple[CeilingPair, ...]:
    """Every penalty article of the 2025 text beside the 2016 articles it continues."""
    out = []
    chapter = next(c for c in load_law("2025").chapters if c.number == 6)
    penalty_articles = {c.rule.article for c in conducts("2025")}
    for article in chapter.articles:
        n = article.number
        if n not in penalty_articles:
            continue
        olds = counterparts(n, "2025", "2016")
        before = [
            ceiling("2016", m) for m in olds if m in {c.rule.article for c in conducts("2016")}
        ]
        now = ceiling("2025", n)
        out.append(
            CeilingPair(
                n,
                olds,
                _max([b.offender for b in before]),
                now.offender,
                _max([b.person for b in before]),
                now.person,
            )
        )
    return tuple(out)
