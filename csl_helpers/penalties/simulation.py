"""What a breach of the Law can cost: the penalty simulator of the liability chapter (法律责任).

:func:`simulate` is the one door for a penalty question: the clause (a
:class:`~csl_helpers.law.model.Provision` or a :class:`~csl_helpers.penalties.clauses.Conduct`)
and the :class:`~csl_helpers.penalties.circumstances.Circumstances` go in, an
:class:`~csl_helpers.penalties.outcome.Outcome` comes out: the fine on the offender and on the
people responsible, detention, other measures, who decides, and what the clause sends to
other laws. Nothing is estimated: every figure is one the text gives (``data/penalties/``,
checked against the Chinese text), with both ends of a range included (以上 / 以下). The
keyword form ``simulate(version, article, paragraph, tier=...)`` is kept on top of it.

>>> o = simulate("2016", 59, 1, tier="aggravated")
>>> o.basis, o.fine.label(), o.fine_discretionary, o.person_fine.label(), o.persons
('Article 59(1)', '10,000 to 100,000 yuan', False, '5,000 to 50,000 yuan', ('person_in_charge',))
>>> simulate("2025", 61, 1).fine_discretionary
True
>>> simulate("2025", Provision.parse("Article 61(1)"), Circumstances(tier="serious")).basis
'Article 61(3)'
"""

from __future__ import annotations

from typing import Any, overload

from csl_helpers.law.model import Provision
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.clauses import (
    Conduct,
    check_item,
    conducts,
    lent_tier,
    own_conduct,
    resolve,
    rule,
    rules,
    tier_sources,
    tiers_of,
)
from csl_helpers.penalties.model import Fine, Note, Range, Rule, Tier
from csl_helpers.penalties.outcome import Outcome
from csl_helpers.penalties.rules import rules_by_id

__all__ = [
    "Circumstances",
    "Conduct",
    "Outcome",
    "conducts",
    "from_keywords",
    "question",
    "rule",
    "rules",
    "simulate",
    "tiers_of",
]


@overload
def simulate(
    version: str, provision: Provision | Conduct, circumstances: Circumstances = ..., /
) -> Outcome: ...


@overload
def simulate(
    version: str,
    article: int,
    paragraph: int = 1,
    *,
    item: int | None = None,
    tier: str = "base",
    illegal_gains: int = 0,
    procurement_amount: int | None = None,
) -> Outcome: ...


def simulate(version: str, *args: Any, **keywords: Any) -> Outcome:
    """The penalty the Law provides for a conduct in the given circumstances.

    Two forms give the same outcome: ``simulate(version, provision, circumstances)`` with the
    clause as a :class:`~csl_helpers.law.model.Provision` (the item in it, where the items of
    the paragraph are punished differently) or a :class:`Conduct` from :func:`conducts`, and
    the circumstances as a :class:`Circumstances` (default: the base tier, no amounts); and
    the keyword form ``simulate(version, article, paragraph=1, *, item=None, tier="base",
    illegal_gains=0, procurement_amount=None)``, the same values unpacked.

    Args:
        version: ``"2016"`` or ``"2025"``.
        *args: ``provision[, circumstances]`` or ``article[, paragraph]``.
        **keywords: ``article``, ``paragraph``, ``item``, ``tier``, ``illegal_gains``,
            ``procurement_amount`` of the keyword form (see :class:`Circumstances`).

    Returns:
        The :class:`Outcome`, every figure from the text.

    Raises:
        ValueError: for an unknown version, article, paragraph, item or tier, a tier the clause
            does not have, a negative or non-whole amount, or a missing amount the clause needs.

    >>> simulate("2025", 63, illegal_gains=200_000).fine.label()
    '200,000 to 1,000,000 yuan'
    >>> simulate("2016", 65, procurement_amount=30_000).fine.label()
    '30,000 to 300,000 yuan'
    >>> c = conducts("2025")[0]
    >>> simulate("2025", c, Circumstances(tier="aggravated")) == simulate(
    ...     "2025", 61, 1, tier="aggravated"
    ... )
    True
    """
    return _simulate(version, *question(version, *args, **keywords))


def question(
    version: str, *args: Any, **keywords: Any
) -> tuple[Provision | Conduct, Circumstances]:
    """The clause and the circumstances a call names, in either form of :func:`simulate`.

    Raises:
        ValueError: naming the field at fault and its valid choices.
    """
    if (args and isinstance(args[0], Provision | Conduct)) or "provision" in keywords:
        return _values(*args, **keywords)
    return from_keywords(version, *args, **keywords)


def _values(
    provision: Provision | Conduct,
    circumstances: Circumstances = Circumstances(),  # noqa: B008 - a frozen value
) -> tuple[Provision | Conduct, Circumstances]:
    if not isinstance(circumstances, Circumstances):
        raise ValueError(
            "circumstances must be a Circumstances, e.g. Circumstances(tier='serious'); "
            f"got {circumstances!r}"
        )
    return provision, circumstances


def from_keywords(
    version: str,
    article: int,
    paragraph: int = 1,
    *,
    item: int | None = None,
    tier: str = "base",
    illegal_gains: int = 0,
    procurement_amount: int | None = None,
) -> tuple[Provision, Circumstances]:
    """The provision and the circumstances the keyword form names, checked in that order.

    Raises:
        ValueError: naming the field at fault and its valid choices.
    """
    r = rule(version, article, paragraph)
    check_item(r, item)
    return Provision(r.article, r.paragraph, item), Circumstances(
        tier, illegal_gains, procurement_amount
    )


def _simulate(
    version: str, provision: Provision | Conduct, circumstances: Circumstances
) -> Outcome:
    """The door itself: the rule and item ``provision`` names, in ``circumstances``."""
    r, item = resolve(version, provision)
    setter = _tier_setter(r, item, circumstances.tier)
    own = setter.tier(circumstances.tier)
    notes = [setter.note] if setter.note else []
    if setter is not r and r.note:
        notes.insert(0, r.note)
    effective, lender = lent_tier(setter, own)
    measures = effective.measures
    adder = setter if setter is not r else _tier_adder(lender)
    if adder is not None and r.tiers[0].id == "base":
        # 有前两款行为，造成…后果的: the later paragraph sets the fines for the same conduct; the
        # orders and warning of the conduct's own paragraph still stand, also where a clause
        # borrows that later paragraph (2025 Art. 69(3): 依照前两款规定处罚).
        measures = lent_tier(r, r.tiers[0])[0].measures + measures
        own_zh, adder_zh = r.citation("zh"), adder.citation("zh")
        notes.append(
            Note(
                f"{adder_zh}规定了{own_zh}所列行为在该情节下的处罚；{own_zh}本身的处罚和措施一并列出。",
                f"{adder.citation()} sets the penalty for this conduct of {r.citation()} in this "
                f"tier; the measures of {r.citation()} itself are listed with it.",
            )
        )
    fine_range, fine_wording, fine_may = _fine(effective.fine, circumstances, lender or setter)
    people = _people(setter, effective)
    return Outcome(
        version=r.version,
        provision=Provision(r.article, r.paragraph, item),
        tier=circumstances.tier,
        basis=setter.citation(),
        basis_provision=setter.provision,
        trigger=own.trigger,
        subject=r.subjects_of(item)[0],
        subjects=r.subjects_of(item),
        fine=fine_range,
        fine_discretionary=fine_may,
        measures=measures,
        enforcer=setter.enforcer or (lender.enforcer if lender else None),
        referral=effective.referral,
        borrowed_from=lender.provision if lender else None,
        fine_wording=fine_wording,
        notes=tuple(notes),
        **people,
    )


def _tier_adder(lender: Rule | None) -> Rule | None:
    """The lender, where it only adds tiers to an earlier paragraph's conduct (有前款行为)."""
    return lender if lender is not None and not own_conduct(lender) else None


def _tier_setter(r: Rule, item: int | None, tier: str) -> Rule:
    """The rule whose paragraph sets ``tier`` for the conduct; ``ValueError`` names the tiers."""
    sources = dict(tier_sources(r, item))
    if tier in sources:
        return sources[tier]
    where = Provision(r.article, r.paragraph, item).citation()
    hint = ""
    if (
        item is None
        and r.items
        and any(
            tier in tiers_of(r.version, r.article, r.paragraph, i) for i in range(1, r.items + 1)
        )
    ):
        hint = " (give item: only some of its items have it)"
    raise ValueError(
        f"tier must be one of {', '.join(map(repr, sources))} for {where} of the "
        f"{r.version} text; got {tier!r}{hint}"
    )


def _people(setter: Rule, effective: Tier) -> dict[str, Any]:
    """The fine on the people responsible and detention, following 依照前款规定处罚 to them."""
    pf = effective.person_fine
    out: dict[str, Any] = {
        "person_fine": pf.range if pf else None,
        "person_fine_discretionary": pf.may if pf else False,
        "persons": pf.persons if pf else (),
        "detention_days": effective.detention.range if effective.detention else None,
        "detained": "offender" if effective.detention else None,
    }
    if effective.persons_as is not None:
        borrowed = effective.persons_as
        people = rules_by_id(setter.version)[borrowed.rule.id].tier(borrowed.tier)
        out["persons"] = borrowed.persons
        if people.fine is not None:
            (case,) = people.fine.cases
            out["person_fine"] = Range(case.low, case.high)
            out["person_fine_discretionary"] = people.fine.may
        if people.detention is not None:
            out["detention_days"], out["detained"] = people.detention.range, "persons"
    return out


def _fine(
    fine: Fine | None, circumstances: Circumstances, r: Rule
) -> tuple[Range | None, str | None, bool]:
    """The fine on the offender for the amounts given: a range, its wording, may or shall."""
    if fine is None:
        return None, None, False
    case = next(c for c in fine.cases if c.applies(circumstances.illegal_gains))
    if case.multiple_of is None:
        return Range(case.low, case.high), case.wording, fine.may
    if case.multiple_of == "procurement_amount":
        if circumstances.procurement_amount is None:
            raise ValueError(
                f"{r.citation()} of the {r.version} text fines a multiple of the procurement "
                "amount: give procurement_amount (whole yuan, 0 or more)"
            )
        base = circumstances.procurement_amount
    else:
        base = circumstances.illegal_gains
    low = None if case.low is None else case.low * base
    return Range(low, case.high * base), case.wording, fine.may
