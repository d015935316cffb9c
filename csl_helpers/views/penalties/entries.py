"""What the simulator says about its fields: plain sentences for a missing or wrong entry.

The penalty logic names its parameters (``decision_date must not be before …``), which is
right for a programmer and wrong for a class. These checks run first, on the simulator's
fields, and give the sentence a trainer can read beside the field it is about. A clause that
fines a multiple of an amount not yet given (2016 Art. 65, 2025 Art. 67: the procurement
amount) says what the Law provides and asks for the amount, instead of counting it as 0. Each
sentence is worded in the interface's language (``lang``: ``"en"`` or ``"zh"``).
"""

from __future__ import annotations

from datetime import date

from csl_helpers.law.version_registry import versions
from csl_helpers.penalties.amounts import figure
from csl_helpers.penalties.simulation import conducts
from csl_helpers.translation import N_, gettext_for, worded_date

Problem = tuple[str, str]
"""A field (a trait of the simulator's model) and what is wrong with it, as a sentence."""
LARGEST = 2**53 - 1
"""The largest amount the simulator takes (what a page's number box holds exactly)."""
AMOUNT_NAMES = {
    "illegal_gains": N_("the illegal gains"),
    "procurement_amount": N_("the procurement amount"),
}
"""How the sentences name each amount."""
NOT_WHOLE = {
    "illegal_gains": N_(
        "The illegal gains are counted in whole yuan: “{shown}” was not taken (not a whole "
        "number). Type a whole number of yuan, such as 30000."
    ),
    "procurement_amount": N_(
        "The procurement amount is counted in whole yuan: “{shown}” was not taken (not a whole "
        "number). Type a whole number of yuan, such as 30000."
    ),
}
NEGATIVE = {
    "illegal_gains": N_(
        "The illegal gains cannot be negative: “{shown}” was not taken. Type a whole number of "
        "yuan, such as 30000."
    ),
    "procurement_amount": N_(
        "The procurement amount cannot be negative: “{shown}” was not taken. Type a whole number "
        "of yuan, such as 30000."
    ),
}
TOO_LARGE = {
    "illegal_gains": N_(
        "The illegal gains were not taken: more than {largest} yuan is beyond what the simulator "
        "counts."
    ),
    "procurement_amount": N_(
        "The procurement amount was not taken: more than {largest} yuan is beyond what the "
        "simulator counts."
    ),
}
NEGATIVE_GIVEN = {
    "illegal_gains": N_("The illegal gains cannot be negative."),
    "procurement_amount": N_("The procurement amount cannot be negative."),
}
"""The sentences about an amount, whole for each amount so that each language words it its way."""


def _day(d: date, lang: str = "en") -> str:
    if lang == "zh":
        return worded_date(d, lang)  # the one Chinese form of a date: 2026年1月1日
    return f"{d.day} {d:%B %Y}"


def date_problems(
    conduct_date: date | None, decision_date: date | None, lang: str = "en"
) -> tuple[Problem, ...]:
    """What keeps the version rule from running on these dates, one sentence per field.

    The rule (Administrative Penalty Law Art. 37) compares the text in force at the act with
    the text in force at the decision: both dates are needed, the decision not before the act.

    >>> date_problems(None, date(2026, 3, 1))
    (('conduct_date', 'Give the date of the act.'),)
    """
    _ = gettext_for(lang)
    problems: list[Problem] = []
    first = versions()[0].in_force_from
    if conduct_date is None:
        problems.append(("conduct_date", _("Give the date of the act.")))
    elif conduct_date < first:
        problems.append(
            (
                "conduct_date",
                _("The Law was not yet in force on that day: it applies from {day}.").format(
                    day=_day(first, lang)
                ),
            )
        )
    if decision_date is None:
        problems.append(("decision_date", _("Give the date of the decision.")))
    elif conduct_date is not None and decision_date < conduct_date:
        problems.append(
            (
                "decision_date",
                _("The decision cannot come before the act ({day}).").format(
                    day=_day(conduct_date, lang)
                ),
            )
        )
    return tuple(problems)


def parse_amount(text: str, amount: str, *, signed: bool = False, lang: str = "en") -> int | None:
    """The whole number of yuan typed for ``amount`` (``None`` while the box is empty).

    With ``signed``, a minus sign is kept: the penalty logic then refuses the negative amount
    with its own message (the illegal gains), rather than the box rewriting it.

    Raises:
        ValueError: with a sentence for the page, for anything but a whole number of yuan
            from 0 to :data:`LARGEST` (spaces and thousands separators are allowed).

    >>> parse_amount(" 30,000 ", "procurement_amount")
    30000
    >>> parse_amount("-5", "illegal_gains", signed=True)
    -5
    """
    _ = gettext_for(lang)
    typed = text.strip().replace(",", "").replace(" ", "").replace("_", "")
    if not typed:
        return None
    sign = -1 if signed and typed.startswith("-") else 1
    digits = typed[1:] if sign < 0 else typed
    if not digits.isdigit():
        shown = text.strip()[:40]
        sentence = NEGATIVE[amount] if typed.startswith("-") else NOT_WHOLE[amount]
        raise ValueError(_(sentence).format(shown=shown))
    value = int(digits)
    if value > LARGEST:
        raise ValueError(_(TOO_LARGE[amount]).format(largest=figure(LARGEST, lang)))
    return sign * value


def amount_problems(amounts: dict[str, int | None], lang: str = "en") -> tuple[Problem, ...]:
    """A sentence for each amount given that the penalty logic would refuse (a negative one)."""
    _ = gettext_for(lang)
    return tuple(
        (amount, _(NEGATIVE_GIVEN[amount]))
        for amount, value in amounts.items()
        if value is not None and value < 0
    )


def awaiting(
    version: str, key: tuple[int, int, int | None], tier: str, amount: str, lang: str = "en"
) -> str:
    """What the clause fines while ``amount`` is not given: the multiple the Law sets, quoted.

    >>> awaiting("2016", (65, 1, None), "base", "procurement_amount")
    'The fine on the offender is 1 to 10 times the procurement amount (处采购金额一倍以上十倍以下罚款). Give the procurement amount to see it in yuan.'
    """  # noqa: E501
    conduct = next(
        c for c in conducts(version) if (c.rule.article, c.rule.paragraph, c.item) == key
    )
    fine = next(t.fine for t in conduct.rule.tiers if t.id == tier)
    _ = gettext_for(lang)
    name = _(AMOUNT_NAMES[amount])
    cases = [c for c in (fine.cases if fine else ()) if c.multiple_of == amount]
    times = [
        _("{low} to {high} times {name}").format(low=c.low, high=c.high, name=name)
        if c.low is not None
        else _("up to {high} times {name}").format(high=c.high, name=name)
        for c in cases
    ]
    wording = "; ".join(c.wording for c in cases)
    return _(
        "The fine on the offender is {times} ({wording}). Give {name} to see it in yuan."
    ).format(times=_(" or ").join(times), wording=wording, name=name)
