"""The address of a clause in the penalty simulator: a URL query, read and checked.

A page links to a clause with ``?version=2025&article=61&paragraph=1`` (and ``item``,
``tier``); :func:`selection_from_query` turns that into a :class:`Selection` every part of
which the penalty rules of Chapter 6 (法律责任) offer, or says which field is wrong and what it
could be. Pure logic: no widgets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from csl_helpers.law.query import parameters, whole_number
from csl_helpers.law.version_registry import version_ids, version_on
from csl_helpers.penalties.model import TIERS
from csl_helpers.penalties.simulation import conducts, rule, tiers_of
from csl_helpers.translation import N_, Phrase, WordedValueError

CLAUSE_KEYS = ("version", "article", "paragraph", "item", "tier")
"""The parameters that name a clause and its tier."""
QUERY_KEYS = (*CLAUSE_KEYS, "lang")
"""The parameters a simulator address takes, in the order a link gives them. ``lang``, the
interface's language, is the page's to read (:func:`csl_helpers.views.i18n.lang_from_query`);
a clause's address may carry it and :func:`selection_from_query` leaves it alone."""
NUMBERS = ("article", "paragraph", "item")
"""The parameters that are whole numbers."""


@dataclass(frozen=True)
class Selection:
    """A clause to open: version, article, paragraph, item and tier, all validated."""

    version: str
    article: int
    paragraph: int = 1
    item: int | None = None
    tier: str = "base"

    @property
    def key(self) -> tuple[int, int, int | None]:
        """The clause as ``(article, paragraph, item)``, the way a menu of conducts names it."""
        return (self.article, self.paragraph, self.item)


def default_selection(version: str) -> Selection:
    """The first clause of ``version``'s liability chapter that describes a conduct.

    >>> default_selection("2016").article
    59
    """
    first = conducts(version)[0]
    return Selection(version, first.rule.article, first.rule.paragraph, first.item)


def selection_from_query(query: str, today: date | None = None) -> Selection | None:
    """Read ``version``, ``article``, ``paragraph`` (and ``item``, ``tier``) from a URL query.

    An empty query gives ``None``; see :func:`selection_from` for the rest.

    Raises:
        ValueError: naming the parameter and the valid choices.

    >>> selection_from_query("version=2025&article=61&paragraph=1")
    Selection(version='2025', article=61, paragraph=1, item=None, tier='base')
    """
    get = parameters(query, QUERY_KEYS)
    return None if get is None else selection_from(get, today)


def selection_from(get: Mapping[str, str], today: date | None = None) -> Selection | None:
    """The clause the parameters of a query name (other parameters are left for others).

    No ``article`` (and nothing else of :data:`CLAUSE_KEYS`) gives ``None``; without
    ``version``, the text in force on ``today`` (default: today). A paragraph that only adds
    tiers to earlier ones (2025 Art. 61(3)) opens the first conduct it applies to, in its first
    tier; a paragraph with items opens its first item unless ``item`` is given.

    Raises:
        ValueError: naming the parameter and the valid choices.
    """
    if not any(key in get for key in CLAUSE_KEYS):
        return None
    version = get.get("version", version_on(today or date.today()).id)
    if version not in version_ids():
        raise WordedValueError(
            N_("version must be one of {valid}; got {got}"), valid=version_ids(), got=repr(version)
        )
    numbers = _numbers(get, version)
    if "article" not in numbers:
        raise WordedValueError(
            N_("parameter 'article' is missing; valid: {valid}"), valid=_articles(version)
        )
    r = rule(version, numbers["article"], numbers.get("paragraph", 1))
    item, tier = numbers.get("item"), get.get("tier")
    if not any(c.rule == r for c in conducts(version)):  # a paragraph adding tiers to others
        first = r.conduct_of[0]
        r = rule(version, first.article, first.paragraph or 1)
        item = item if item is not None else first.item
        tier = tier or next(t for t in TIERS if t not in r.tier_ids)
    if item is None and r.items:
        item = 1
    tier = tier or "base"
    offered = tiers_of(version, r.article, r.paragraph, item)
    if tier not in offered:
        raise WordedValueError(
            N_("tier must be one of {valid} here; got {got}"), valid=tuple(offered), got=repr(tier)
        )
    return Selection(version, r.article, r.paragraph, item, tier)


def query_params(selection: Selection) -> dict[str, str | int | None]:
    """The parameters that name ``selection`` (the inverse of :func:`selection_from`).

    >>> query_params(Selection("2025", 71, 1, 2, "serious"))
    {'version': '2025', 'article': 71, 'paragraph': 1, 'item': 2, 'tier': 'serious'}
    """
    s = selection
    return {
        "version": s.version,
        "article": s.article,
        "paragraph": s.paragraph,
        "item": s.item,
        "tier": s.tier,
    }


def _articles(version: str) -> Phrase:
    """The articles of ``version`` that describe a penalised conduct, as a range."""
    articles = sorted({c.rule.article for c in conducts(version)})
    return Phrase(
        N_("articles {first} to {last} of the {version} text"),
        first=articles[0],
        last=articles[-1],
        version=version,
    )


def _numbers(get: Mapping[str, str], version: str) -> dict[str, int]:
    """The whole-number parameters given, as numbers."""
    numbers = {}
    for key in NUMBERS:
        valid = _articles(version) if key == "article" else Phrase(N_("a whole number from 1"))
        value = whole_number(get, key, valid)
        if value is not None:
            numbers[key] = value
    return numbers
