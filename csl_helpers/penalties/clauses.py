"""The clauses of the liability chapter a penalty question can name, and the tiers they offer.

:func:`rule` finds the rule an article and paragraph set, :func:`conducts` lists every
conduct a menu can offer (a rule, or each listed item of it) and :func:`tiers_of` the tiers
the Law offers for one, counting the tiers a later paragraph adds (有前款行为，造成…后果的);
:func:`tier_of` gives a tier as the paragraph that sets it words it, with the short name a
button shows (:class:`~csl_helpers.penalties.model.TierName`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from csl_helpers.law.data import DataError
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision
from csl_helpers.law.numerals import to_cn
from csl_helpers.law.version_registry import version_ids, version_info
from csl_helpers.penalties.model import AMOUNTS, TIERS, Borrow, Rule, Tier, term
from csl_helpers.penalties.rules import penalty_rules, rules_by_id
from csl_helpers.translation import N_, InEach, WordedValueError

__all__ = [
    "Conduct",
    "check_item",
    "conducts",
    "conducts_for",
    "lent_tier",
    "own_conduct",
    "resolve",
    "rule",
    "rules",
    "subjects_offered",
    "tier_name",
    "tier_of",
    "tier_sources",
    "tiers_of",
]


def rules(version: str) -> tuple[Rule, ...]:
    """Every penalty rule of the liability chapter of ``version``: one per paragraph, in order.

    Each :class:`~csl_helpers.penalties.model.Rule` has its tiers (with their triggers in the
    Law's words) and the provisions it punishes.

    >>> [r.citation() for r in rules("2016")][:3]
    ['Article 59(1)', 'Article 59(2)', 'Article 60(1)']
    >>> len(rules("2016")), len(rules("2025"))
    (25, 29)
    """
    return penalty_rules(_version(version))


def rule(version: str, article: int, paragraph: int = 1) -> Rule:
    """The rule set by ``article(paragraph)`` of ``version``.

    Raises:
        ValueError: naming the valid articles or paragraphs.
    """
    by_article = _by_article(_version(version))
    if isinstance(article, bool) or not isinstance(article, int) or article not in by_article:
        first, last = min(by_article), max(by_article)
        chapter = version_info(version).liability_chapter
        raise WordedValueError(
            N_(
                "article must be a number of Chapter {chapter} of the {version} text, "
                "{first} to {last}; got {got}"
            ),
            chapter=InEach(en=str(chapter), zh=to_cn(chapter)),
            version=version,
            first=first,
            last=last,
            got=repr(article),
        )
    paragraphs = by_article[article]
    if isinstance(paragraph, bool) or not isinstance(paragraph, int) or paragraph not in paragraphs:
        raise WordedValueError(
            N_(
                "paragraph must be one of {valid} for Article {article} of the {version} text; "
                "got {got}"
            ),
            valid=tuple(paragraphs),
            article=article,
            version=version,
            got=repr(paragraph),
        )
    return paragraphs[paragraph]


@dataclass(frozen=True)
class Conduct:
    """Something a menu can offer: a rule, or one listed item of it, with its tiers."""

    rule: Rule
    item: int | None
    tiers: tuple[str, ...]
    needs: tuple[str, ...] = ()
    """The amounts (``illegal_gains``, ``procurement_amount``) some tier's fine depends on."""

    @property
    def provision(self) -> Provision:
        """The paragraph, or the item, that describes the conduct."""
        return Provision(self.rule.article, self.rule.paragraph, self.item)

    @property
    def subjects(self) -> tuple[str, ...]:
        """Who the text punishes for this conduct (the item's actors where they differ)."""
        return self.rule.subjects_of(self.item)

    def what(self, lang: str = "en") -> str:
        """What was done: the item in the Law's words, else the rule's plain description.

        In Chinese a rule is described by its clause's first condition, in the Law's words
        (未要求用户提供真实身份信息…的), never by the English description.
        """
        if self.item is None:
            return self.rule.conduct if lang == "en" else self.rule.tiers[0].trigger.zh
        text = load_law(self.rule.version).text_of(self.provision, lang)
        return text.split(")", 1)[-1].split("）", 1)[-1].strip().rstrip(";；.。")

    def label(self, lang: str = "en") -> str:
        """Who acted and what they did, in plain words (items in the Law's words).

        In Chinese with the Chinese colon: 网络运营者：拒绝、阻碍有关部门依法实施的监督检查的.
        """
        names = [term("subjects", s).label(lang) for s in self.subjects]
        who = (" or " if lang == "en" else "或者").join(names)
        return f"{who}{': ' if lang == 'en' else '：'}{self.what(lang)}"


def resolve(version: str, conduct: Provision | Conduct) -> tuple[Rule, int | None]:
    """The rule and the item a provision or a conduct names in ``version``.

    A provision without a paragraph names the article's first paragraph, as the keyword form
    of :func:`~csl_helpers.penalties.simulation.simulate` does.

    Raises:
        ValueError: for an unknown version, article, paragraph or item, a conduct of another
            version, or a value that is neither a provision nor a conduct.
    """
    if isinstance(conduct, Conduct):
        if conduct.rule.version != _version(version):
            raise ValueError(
                f"the conduct is one of the {conduct.rule.version} text, not of the {version} "
                "text: take it from conducts() of that version"
            )
        return conduct.rule, conduct.item
    if not isinstance(conduct, Provision):
        raise ValueError(
            "provision must be a Provision (e.g. Provision.parse('Article 61(1)')) or a "
            f"Conduct from conducts(); got {conduct!r}"
        )
    r = rule(version, conduct.article, conduct.paragraph or 1)
    check_item(r, conduct.item)
    return r, conduct.item


def tiers_of(
    version: str, article: int | Provision | Conduct, paragraph: int = 1, item: int | None = None
) -> tuple[str, ...]:
    """The tiers the Law offers for a clause (and item), in order.

    ``article`` is an article number (with ``paragraph`` and ``item``), or the clause as a
    :class:`~csl_helpers.law.model.Provision` or a :class:`Conduct`. A later paragraph can
    add tiers to a clause: 2025 Art. 61(3) adds "serious" and "especially serious" to Art.
    61(1) and (2); Art. 62(2) adds them to items 1 and 2 of Art. 62(1) only.

    >>> tiers_of("2016", 66), tiers_of("2025", 62, 1, 3), tiers_of("2025", 62, 1, 1)
    (('base',), ('base', 'aggravated'), ('base', 'aggravated', 'serious', 'especially_serious'))
    >>> tiers_of("2025", Provision(62, 1, 3))
    ('base', 'aggravated')
    """
    if isinstance(article, Provision | Conduct):
        r, item = resolve(version, article)
    else:
        r = rule(version, article, paragraph)
        check_item(r, item)
    return tuple(t for t, _ in tier_sources(r, item))


@cache
def conducts(version: str) -> tuple[Conduct, ...]:
    """Every conduct a menu can offer, in text order: each rule, or each item where it has items.

    Rules that only add tiers to an earlier paragraph (2025 Art. 61(3)) are reached through
    that paragraph and are not listed on their own.
    """
    out = []
    for r in rules(version):
        if not own_conduct(r):
            continue
        for item in range(1, r.items + 1) if r.items else (None,):
            sources = tier_sources(r, item)
            needs: set[str] = set()
            for t, setter in sources:
                fine = lent_tier(setter, setter.tier(t))[0].fine
                needs |= set(fine.needs if fine else ())
            needed = tuple(a for a in AMOUNTS if a in needs)
            _check_names(r, item, sources)
            out.append(Conduct(r, item, tuple(t for t, _ in sources), needed))
    return tuple(out)


def _check_names(r: Rule, item: int | None, sources: tuple[tuple[str, Rule], ...]) -> None:
    """The tiers a conduct offers, from whichever paragraphs, must have distinct names."""
    for lang in ("zh", "en"):
        names = [setter.tier(t).name.text(lang) for t, setter in sources]
        if len(set(names)) != len(names):
            where = Provision(r.article, r.paragraph, item).citation()
            raise DataError(
                f"{r.version} {where}: its tiers {[t for t, _ in sources]} are named {names} "
                f"({lang}); each needs a name of its own"
            )


def tier_of(version: str, conduct: Provision | Conduct, tier: str) -> Tier:
    """The tier ``tier`` of a clause as the paragraph that sets it words it: name and trigger.

    >>> tier_of("2025", Provision(65, 1), "aggravated").name.zh
    '拒不改正或者情节严重'
    >>> tier_of("2025", Provision(61, 1), "serious").trigger.provision.citation()
    'Article 61(3)'

    Raises:
        ValueError: naming the tiers the clause offers.
    """
    r, item = resolve(version, conduct)
    sources = dict(tier_sources(r, item))
    if tier not in sources:
        where = Provision(r.article, r.paragraph, item).citation()
        raise ValueError(
            f"tier must be one of {', '.join(map(repr, sources))} for {where} of the "
            f"{r.version} text; got {tier!r}"
        )
    return sources[tier].tier(tier)


def tier_name(version: str, conduct: Provision | Conduct, tier: str, lang: str = "en") -> str:
    """The short name of a clause's tier in ``lang``: the clause's words in Chinese.

    >>> tier_name("2016", Provision(74, 2), "aggravated", "zh")
    '构成犯罪'
    """
    return tier_of(version, conduct, tier).name.text(lang)


def subjects_offered(version: str) -> tuple[str, ...]:
    """Every subject some conduct of ``version`` names, in text order, each once."""
    return tuple(dict.fromkeys(s for c in conducts(version) for s in c.subjects))


def conducts_for(version: str, subject: str) -> tuple[Conduct, ...]:
    """The conducts a menu offers for ``subject``: those whose text names it.

    >>> [c.provision.citation() for c in conducts_for("2016", "product_provider")][-1]
    'Article 64(1)'

    Raises:
        ValueError: naming the subjects ``version`` offers.
    """
    offered = subjects_offered(version)
    if subject not in offered:
        raise ValueError(f"subject must be one of {', '.join(offered)}; got {subject!r}")
    return tuple(c for c in conducts(version) if subject in c.subjects)


def _version(version: str) -> str:
    if not isinstance(version, str) or version not in version_ids():
        raise ValueError(
            f"version must be one of {', '.join(map(repr, version_ids()))}; got {version!r}"
        )
    version_info(version)
    return version


@cache
def _by_article(version: str) -> dict[int, dict[int, Rule]]:
    out: dict[int, dict[int, Rule]] = {}
    for r in penalty_rules(version):
        out.setdefault(r.article, {})[r.paragraph] = r
    return out


def own_conduct(r: Rule) -> bool:
    """Whether a rule is a conduct of its own, not only more tiers for an earlier paragraph.

    A paragraph that takes up an earlier one's conduct (有前款行为) either names another
    offender with the same tiers (2016 Art. 63(2), 单位有前款行为) or adds tiers the earlier
    one lacks (2025 Art. 61(3)); only the first is a conduct of its own.
    """
    if not r.conduct_of:
        return True
    by_id = rules_by_id(r.version)
    earlier = [by_id[Provision(p.article, p.paragraph).id] for p in r.conduct_of]
    return any(set(r.tier_ids) & set(e.tier_ids) for e in earlier)


def check_item(r: Rule, item: int | None) -> None:
    """Raise ``ValueError`` naming the valid items unless ``item`` is one of ``r`` (or None)."""
    if item is None:
        return
    valid = list(range(1, r.items + 1))
    if isinstance(item, bool) or not isinstance(item, int) or item not in valid:
        choices = ", ".join(map(str, valid)) if valid else "none (it lists no items): give None"
        raise ValueError(
            f"item for {r.citation()} of the {r.version} text must be {choices}; got {item!r}"
        )


@cache
def tier_sources(r: Rule, item: int | None) -> tuple[tuple[str, Rule], ...]:
    """Each tier offered for the conduct, with the rule whose paragraph sets it."""
    found: dict[str, Rule] = {t: r for t in r.tier_ids}
    here = [Provision(r.article, r.paragraph)]
    if item is not None:
        here.append(Provision(r.article, r.paragraph, item))
    for other in penalty_rules(r.version):
        if other is r or other.article != r.article or own_conduct(other):
            continue
        if any(p in here for p in other.conduct_of):
            for t in other.tier_ids:
                found.setdefault(t, other)
    return tuple(sorted(found.items(), key=lambda kv: TIERS.index(kv[0])))


def lent_tier(r: Rule, tier: Tier) -> tuple[Tier, Rule | None]:
    """Follow 依照该款规定处罚 to the tier that sets the penalty, and the rule lending it."""
    lender = None
    seen = set()
    while tier.borrows is not None:
        b: Borrow = tier.borrows
        if (b.rule.id, b.tier) in seen:  # pragma: no cover - the data has no cycles
            raise ValueError(f"{r.citation()} borrows its own penalty")
        seen.add((b.rule.id, b.tier))
        lender = rules_by_id(r.version)[b.rule.id]
        tier = lender.tier(b.tier)
    return tier, lender
