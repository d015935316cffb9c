"""The highest fine each penalty article fixes in yuan, before and after an amendment.

Read through :func:`csl_helpers.penalties.simulate`, so every figure is one the text gives.
A ceiling is a figure no fine of the article exceeds, whatever the amounts: an article whose
fine grows with the illegal gains without a cap (2016 Art. 64: 处违法所得一倍以上十倍以下罚款;
2025 Art. 63: 违法所得十万元以上的，并处违法所得一倍以上五倍以下罚款) fixes no ceiling on the
offender and has ``None`` there, marked ``open_ended``; clauses that fine a multiple of a
procurement amount (2016 Art. 65, 2025 Art. 67) are left out. The versions compared are data:
the latest version and the one before it, by default.

>>> pair = next(p for p in ceiling_pairs() if p.article_2025 == 61)
>>> pair.articles_2016, pair.offender_2016, pair.offender_2025
((59,), 1000000, 10000000)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from csl_helpers.law.citations import cite_articles
from csl_helpers.law.concordance import counterparts
from csl_helpers.law.load import load_law
from csl_helpers.law.model import check_lang
from csl_helpers.law.version_registry import version_before, version_ids, version_info
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.simulation import conducts, simulate
from csl_helpers.translation import gettext_for

__all__ = ["Ceiling", "CeilingPair", "ceiling", "ceiling_pairs"]


@dataclass(frozen=True)
class Ceiling:
    """The highest fines an article fixes: on the offender and on the people responsible."""

    version: str
    article: int
    offender: int | None
    person: int | None
    multiple_only: bool
    """Whether some conduct of the article is fined only as a multiple of an amount."""
    open_ended: bool = False
    """Whether some fine on the offender grows with the illegal gains without a cap, so the
    article fixes no ceiling on the offender (``offender`` is ``None``)."""


@dataclass(frozen=True)
class CeilingPair:
    """A penalty article of the version ``after`` beside the articles of ``before`` it continues.

    Fields named after a version are read as ``<field>_<version id>``: ``article_2025`` (the
    article in ``after``), ``articles_2016`` (those in ``before``), ``offender_2016``,
    ``person_2025`` and so on.
    """

    before: str
    after: str
    article: int
    articles_before: tuple[int, ...]
    now: Ceiling
    """The ceilings of ``article`` in ``after``."""
    then_offender: int | None
    """The highest of ``articles_before``; ``None`` where none fixes one (or one is open-ended)."""
    then_person: int | None
    then_open_ended: bool = False
    """Whether a fine of ``articles_before`` grows with the illegal gains without a cap."""

    def __getattr__(self, name: str) -> object:
        field, _, version = name.rpartition("_")
        if field not in ("article", "articles", "offender", "person"):
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")
        values = {
            ("article", self.after): self.article,
            ("articles", self.before): self.articles_before,
            ("offender", self.before): self.then_offender,
            ("offender", self.after): self.now.offender,
            ("person", self.before): self.then_person,
            ("person", self.after): self.now.person,
        }
        if (field, version) not in values:
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")
        return values[(field, version)]

    def label(self, lang: str = "en") -> str:
        """``2025 Art. 61 (2016 Art. 59)`` or ``2025 Art. 63 (new)``; in Chinese as the Law cites.

        >>> pair = next(p for p in ceiling_pairs() if p.article == 61)
        >>> pair.label(), pair.label("zh")
        ('2025 Art. 61 (2016 Art. 59)', '2025年文本第六十一条（2016年文本第五十九条）')
        """
        if check_lang(lang) == "zh":
            _ = gettext_for(lang)
            now = _("{version} text").format(version=self.after) + cite_articles(
                [self.article], lang
            )
            if not self.articles_before:
                return f"{now}（{_('new')}）"
            then = _("{version} text").format(version=self.before)
            return f"{now}（{then}{cite_articles(self.articles_before, lang)}）"
        old = ", ".join(map(str, self.articles_before)) or "new"
        prefix = f"{self.before} Art. " if self.articles_before else ""
        return f"{self.after} Art. {self.article} ({prefix}{old})"


def _max(values: list[int | None]) -> int | None:
    found = [v for v in values if v is not None]
    return max(found) if found else None


@cache
def ceiling(version: str, article: int) -> Ceiling:
    """The highest fines ``article`` of ``version`` fixes, over all its conducts and tiers."""
    offender: list[int | None] = []
    person: list[int | None] = []
    multiple_only = open_ended = False
    for c in conducts(version):
        if c.rule.article != article:
            continue
        if "procurement_amount" in c.needs:
            multiple_only = True
            continue
        open_ended = open_ended or "illegal_gains" in c.needs
        for tier in c.tiers:
            o = simulate(version, c, Circumstances(tier=tier))
            offender.append(o.fine.high if o.fine else None)
            person.append(o.person_fine.high if o.person_fine else None)
    top = None if open_ended else _max(offender)
    return Ceiling(version, article, top, _max(person), multiple_only, open_ended)


def ceiling_pairs(after: str | None = None) -> tuple[CeilingPair, ...]:
    """Every penalty article of ``after`` beside the articles of the version before it continues.

    ``after`` defaults to the latest version.

    Raises:
        ValueError: for an unknown version, or the first one (nothing came before it).
    """
    after = version_ids()[-1] if after is None else version_info(after).id
    before = version_before(after)
    if before is None:
        raise ValueError(f"after must be a version that amended another; got {after!r}")
    chapter = load_law(after).chapter(version_info(after).liability_chapter)
    penalty_articles = {c.rule.article for c in conducts(after)}
    before_articles = {c.rule.article for c in conducts(before.id)}
    out = []
    for article in chapter.articles:
        n = article.number
        if n not in penalty_articles:
            continue
        olds = counterparts(n, after, before.id)
        then = [ceiling(before.id, m) for m in olds if m in before_articles]
        then_open = any(b.open_ended for b in then)
        out.append(
            CeilingPair(
                before.id,
                after,
                n,
                olds,
                ceiling(after, n),
                None if then_open else _max([b.offender for b in then]),
                _max([b.person for b in then]),
                then_open,
            )
        )
    return tuple(out)
