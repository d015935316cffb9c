"""What a breach of the Law can cost: the penalty simulator of Chapter 6 (法律责任).

:func:`simulate` reads the rule a paragraph of Chapter 6 sets (``data/penalties/``, checked
against the Chinese text by :mod:`csl_helpers.penalty_model`) and returns an
:class:`Outcome`: the fine on the offender and on the people responsible, detention, other
measures, who decides, and what the clause sends to other laws. Nothing is estimated: every
figure is one the text gives, with both ends of a range included (以上 / 以下).

>>> o = simulate("2016", 59, 1, tier="aggravated")
>>> o.basis, o.fine.label(), o.fine_discretionary, o.person_fine.label(), o.persons
('Article 59(1)', '10,000 to 100,000 yuan', False, '5,000 to 50,000 yuan', ('person_in_charge',))
>>> simulate("2025", 61, 1).fine_discretionary
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from csl_helpers.law.load import load_law, version_ids, version_info
from csl_helpers.law.model import Provision
from csl_helpers.penalties.model import (
    AMOUNTS,
    TIERS,
    Borrow,
    Fine,
    MeasureSet,
    Quote,
    Range,
    Referral,
    Rule,
    Tier,
    penalty_rules,
    term,
)

__all__ = ["Conduct", "Outcome", "conducts", "rule", "rules", "simulate", "tiers_of"]


def rules(version: str) -> tuple[Rule, ...]:
    """Every penalty rule of Chapter 6 of ``version``: one per paragraph, in text order.

    Each :class:`~csl_helpers.penalty_model.Rule` has its tiers (with their triggers in the
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
        raise ValueError(
            f"article must be a number of Chapter 6 of the {version} text, "
            f"{first} to {last}; got {article!r}"
        )
    paragraphs = by_article[article]
    if isinstance(paragraph, bool) or not isinstance(paragraph, int) or paragraph not in paragraphs:
        raise ValueError(
            f"paragraph must be one of {', '.join(map(str, paragraphs))} for Article "
            f"{article} of the {version} text; got {paragraph!r}"
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

    def label(self, lang: str = "en") -> str:
        """Who acted and what they did, in plain words (items in the Law's words)."""
        who = term("subjects", self.rule.subject).label(lang)
        if self.item is None:
            what = self.rule.conduct
        else:
            text = load_law(self.rule.version).text_of(self.provision, lang)
            what = text.split(")", 1)[-1].split("）", 1)[-1].strip().rstrip(";；.。")
        return f"{who}: {what}"


def tiers_of(
    version: str, article: int, paragraph: int = 1, item: int | None = None
) -> tuple[str, ...]:
    """The tiers the Law offers for a clause (and item), in order.

    A later paragraph can add tiers to a clause: 2025 Art. 61(3) adds "serious" and
    "especially serious" to Art. 61(1) and (2); Art. 62(2) adds them to items 1 and 2 of
    Art. 62(1) only.

    >>> tiers_of("2016", 66), tiers_of("2025", 62, 1, 3), tiers_of("2025", 62, 1, 1)
    (('base',), ('base', 'aggravated'), ('base', 'aggravated', 'serious', 'especially_serious'))
    """
    r = rule(version, article, paragraph)
    _check_item(r, item)
    return tuple(t for t, _ in _tier_sources(r, item))


@cache
def conducts(version: str) -> tuple[Conduct, ...]:
    """Every conduct a menu can offer, in text order: each rule, or each item where it has items.

    Rules that only add tiers to an earlier paragraph (2025 Art. 61(3)) are reached through
    that paragraph and are not listed on their own.
    """
    out = []
    for r in rules(version):
        if not _own_conduct(r):
            continue
        for item in range(1, r.items + 1) if r.items else (None,):
            sources = _tier_sources(r, item)
            needs: set[str] = set()
            for t, setter in sources:
                fine = _resolve(setter, setter.tier(t))[0].fine
                needs |= set(fine.needs if fine else ())
            needed = tuple(a for a in AMOUNTS if a in needs)
            out.append(Conduct(r, item, tuple(t for t, _ in sources), needed))
    return tuple(out)


@dataclass(frozen=True)
class Outcome:
    """What the Law provides for one conduct in one tier.

    Ranges are inclusive and in whole yuan (days for detention); ``fine.low`` is ``None``
    where the Law sets no minimum. ``fine_discretionary`` is ``True`` where the Law says the
    authority *may* fine (可以), ``False`` where it *shall* (处).
    """

    version: str
    provision: Provision
    """The conduct asked about: the paragraph, or the item of it."""
    tier: str
    basis: str
    """The citation of the paragraph that sets this tier's penalty, e.g. ``Article 59(2)``."""
    basis_provision: Provision
    trigger: Quote
    subject: str
    fine: Range | None
    fine_discretionary: bool
    person_fine: Range | None
    person_fine_discretionary: bool
    persons: tuple[str, ...]
    """Who besides the offender is fined or punished: ``person_in_charge``, ``other_personnel``."""
    detention_days: Range | None
    detained: str | None
    """``"offender"`` or ``"persons"``: who may be detained; ``None`` without detention."""
    measures: tuple[MeasureSet, ...]
    enforcer: str | None
    referral: Referral | None
    borrowed_from: Provision | None = None
    """Where the penalty is borrowed (依照该款规定处罚): the paragraph it comes from."""
    fine_wording: str | None = None
    """The Chinese words that set the fine applied, e.g. ``处违法所得一倍以上十倍以下罚款``."""
    notes: tuple[str, ...] = field(default=())

    @property
    def measure_ids(self) -> tuple[str, ...]:
        """The ids of all measures, in the order the Law names them."""
        return tuple(m for s in self.measures for m in s.ids)

    def citation(self, lang: str = "en") -> str:
        """The legal basis, naming the borrowed paragraph where there is one."""
        own = self.basis_provision.citation(lang)
        if self.borrowed_from is None:
            return own
        other = self.borrowed_from.citation(lang)
        return f"{own}, applying {other}" if lang == "en" else f"{own}，依照{other}"

    def summary(self) -> str:
        """The outcome as plain English lines, for notebooks and reports."""
        lines = [f"{self.version} text, {self.citation()} ({self.tier.replace('_', ' ')} tier)"]
        lines.append(f"  when: {self.trigger.en}")
        if self.referral is not None:
            lines.append(f"  referred: {self.referral.en} ({self.referral.note})")
        if self.fine is None:
            lines.append("  fine on the offender: none in this clause")
        else:
            verb = "may" if self.fine_discretionary else "shall"
            lines.append(f"  fine on the offender ({verb}): {self.fine.label()}")
        if self.person_fine is not None:
            verb = "may" if self.person_fine_discretionary else "shall"
            who = " and ".join(term("persons", p).en for p in self.persons)
            lines.append(f"  fine on {who} ({verb}): {self.person_fine.label()}")
        if self.detention_days is not None:
            who = "the offender" if self.detained == "offender" else "the people responsible"
            lines.append(f"  detention of {who} (shall): {self.detention_days.label('days')}")
        for s in self.measures:
            verb = "may" if s.may else "shall"
            names = [term("measures", m).en for m in s.ids]
            if s.any_of:
                names = ["one or more of: " + ", ".join(names[:-1]) + " or " + names[-1]]
            names = ", ".join(names)
            lines.append(f"  measure ({verb}): {names}")
        if self.enforcer:
            lines.append(f"  decided by: {term('enforcers', self.enforcer).en}")
        return "\n".join(lines)


def simulate(
    version: str,
    article: int,
    paragraph: int = 1,
    *,
    item: int | None = None,
    tier: str = "base",
    illegal_gains: int = 0,
    procurement_amount: int | None = None,
) -> Outcome:
    """The penalty the Law provides for a conduct in one tier.

    Args:
        version: ``"2016"`` or ``"2025"``.
        article: an article of Chapter 6 (2016: 59-75; 2025: 61-77).
        paragraph: the paragraph that describes the conduct.
        item: the listed item, where the items of the paragraph are punished differently
            (2025 Art. 62(2) lends the serious tiers to items 1 and 2 of Art. 62(1) only).
        tier: ``"base"``, ``"aggravated"``, ``"serious"`` or ``"especially_serious"``, among
            the tiers the clause offers (:func:`tiers_of`).
        illegal_gains: illegal gains in whole yuan (2016 Art. 64; 2025 Art. 63 switches at
            100,000 yuan).
        procurement_amount: the procurement amount in whole yuan, needed by 2016 Art. 65 and
            2025 Art. 67 (1 to 10 times the amount).

    Returns:
        The :class:`Outcome`, every figure from the text.

    Raises:
        ValueError: for an unknown version, article, paragraph, item or tier, a tier the clause
            does not have, a negative or non-whole amount, or a missing amount the clause needs.

    >>> simulate("2025", 63, illegal_gains=200_000).fine.label()
    '200,000 to 1,000,000 yuan'
    >>> simulate("2016", 65, procurement_amount=30_000).fine.label()
    '30,000 to 300,000 yuan'
    """
    r = rule(version, article, paragraph)
    _check_item(r, item)
    gains = _amount(illegal_gains, "illegal_gains")
    procurement = (
        None if procurement_amount is None else _amount(procurement_amount, "procurement_amount")
    )
    if not isinstance(tier, str) or tier not in TIERS:
        raise ValueError(f"tier must be one of {', '.join(map(repr, TIERS))}; got {tier!r}")
    sources = dict(_tier_sources(r, item))
    if tier not in sources:
        where = Provision(r.article, r.paragraph, item).citation()
        hint = ""
        if (
            item is None
            and r.items
            and any(tier in dict(_tier_sources(r, i)) for i in range(1, r.items + 1))
        ):
            hint = " (give item: only some of its items have it)"
        raise ValueError(
            f"tier must be one of {', '.join(map(repr, sources))} for {where} of the "
            f"{version} text; got {tier!r}{hint}"
        )
    setter = sources[tier]
    own = setter.tier(tier)
    notes = [setter.note] if setter.note else []
    if setter is not r and r.note:
        notes.insert(0, r.note)
    effective, lender = _resolve(setter, own)
    measures = effective.measures
    if setter is not r:
        # 有前两款行为，造成…后果的: the later paragraph sets the fines for the same conduct; the
        # orders and warning of the conduct's own paragraph still stand.
        measures = r.tiers[0].measures + measures
        notes.append(
            f"{setter.citation()} sets the penalty for this conduct of {r.citation()} in this "
            f"tier; the measures of {r.citation()} itself are listed with it."
        )
    fine_range, fine_wording, fine_may = _fine(effective.fine, gains, procurement, lender or setter)
    person_fine = effective.person_fine.range if effective.person_fine else None
    person_may = effective.person_fine.may if effective.person_fine else False
    persons = effective.person_fine.persons if effective.person_fine else ()
    detention = effective.detention.range if effective.detention else None
    detained = "offender" if detention is not None else None
    if effective.persons_as is not None:
        people = _by_id(setter.version)[effective.persons_as.rule.id].tier(
            effective.persons_as.tier
        )
        persons = effective.persons_as.persons
        if people.fine is not None:
            (case,) = people.fine.cases
            person_fine = Range(case.low, case.high)
            person_may = people.fine.may
        if people.detention is not None:
            detention, detained = people.detention.range, "persons"
    return Outcome(
        version=r.version,
        provision=Provision(r.article, r.paragraph, item),
        tier=tier,
        basis=setter.citation(),
        basis_provision=setter.provision,
        trigger=own.trigger,
        subject=r.subject,
        fine=fine_range,
        fine_discretionary=fine_may,
        person_fine=person_fine,
        person_fine_discretionary=person_may,
        persons=persons,
        detention_days=detention,
        detained=detained,
        measures=measures,
        enforcer=setter.enforcer or (lender.enforcer if lender else None),
        referral=effective.referral,
        borrowed_from=lender.provision if lender else None,
        fine_wording=fine_wording,
        notes=tuple(notes),
    )


# --- helpers ------------------------------------------------------------------------------


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


@cache
def _by_id(version: str) -> dict[str, Rule]:
    return {r.id: r for r in penalty_rules(version)}


def _own_conduct(r: Rule) -> bool:
    """Whether a rule is a conduct of its own, not only more tiers for an earlier paragraph.

    A paragraph that takes up an earlier one's conduct (有前款行为) either names another
    offender with the same tiers (2016 Art. 63(2), 单位有前款行为) or adds tiers the earlier
    one lacks (2025 Art. 61(3)); only the first is a conduct of its own.
    """
    if not r.conduct_of:
        return True
    by_id = _by_id(r.version)
    earlier = [by_id[Provision(p.article, p.paragraph).id] for p in r.conduct_of]
    return any(set(r.tier_ids) & set(e.tier_ids) for e in earlier)


def _check_item(r: Rule, item: int | None) -> None:
    if item is None:
        return
    valid = list(range(1, r.items + 1))
    if isinstance(item, bool) or not isinstance(item, int) or item not in valid:
        choices = ", ".join(map(str, valid)) if valid else "none (it lists no items): give None"
        raise ValueError(
            f"item for {r.citation()} of the {r.version} text must be {choices}; got {item!r}"
        )


@cache
def _tier_sources(r: Rule, item: int | None) -> tuple[tuple[str, Rule], ...]:
    """Each tier offered for the conduct, with the rule whose paragraph sets it."""
    found: dict[str, Rule] = {t: r for t in r.tier_ids}
    here = [Provision(r.article, r.paragraph)]
    if item is not None:
        here.append(Provision(r.article, r.paragraph, item))
    for other in penalty_rules(r.version):
        if other is r or other.article != r.article or _own_conduct(other):
            continue
        if any(p in here for p in other.conduct_of):
            for t in other.tier_ids:
                found.setdefault(t, other)
    return tuple(sorted(found.items(), key=lambda kv: TIERS.index(kv[0])))


def _resolve(r: Rule, tier: Tier) -> tuple[Tier, Rule | None]:
    """Follow 依照该款规定处罚 to the tier that sets the penalty, and the rule lending it."""
    lender = None
    seen = set()
    while tier.borrows is not None:
        b: Borrow = tier.borrows
        if (b.rule.id, b.tier) in seen:  # pragma: no cover - the data has no cycles
            raise ValueError(f"{r.citation()} borrows its own penalty")
        seen.add((b.rule.id, b.tier))
        lender = _by_id(r.version)[b.rule.id]
        tier = lender.tier(b.tier)
    return tier, lender


def _amount(value: object, name: str) -> int:
    """A whole, non-negative number of yuan; ``ValueError`` says what was wrong."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError(f"{name} must be a whole number of yuan (0 or more); got {value!r}")
    if isinstance(value, float | Decimal) and (not math.isfinite(value) or value != int(value)):
        raise ValueError(f"{name} must be a whole number of yuan (0 or more); got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be 0 or more yuan; got {value!r}")
    return int(value)


def _fine(
    fine: Fine | None, gains: int, procurement: int | None, r: Rule
) -> tuple[Range | None, str | None, bool]:
    if fine is None:
        return None, None, False
    case = next(c for c in fine.cases if c.applies(gains))
    if case.multiple_of is None:
        return Range(case.low, case.high), case.wording, fine.may
    if case.multiple_of == "procurement_amount":
        if procurement is None:
            raise ValueError(
                f"{r.citation()} of the {r.version} text fines a multiple of the procurement "
                "amount: give procurement_amount (whole yuan, 0 or more)"
            )
        base = procurement
    else:
        base = gains
    low = None if case.low is None else case.low * base
    return Range(low, case.high * base), case.wording, fine.may
