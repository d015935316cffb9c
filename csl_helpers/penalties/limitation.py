"""When a penalty can no longer be given, and what could make it lighter, reduced or none.

Both come from the Administrative Penalty Law as ``data/penalties/administrative-penalty-law.yaml``
states it: the limitation periods of Art. 36, and the rules on a lighter, reduced or no
penalty (Arts. 32 and 33) with every clause of the Cybersecurity Law that itself points
to them (marked ``mitigation`` in the rules data; 2025 Art. 73). Mitigation is never a
computed discount: the rules are possibilities for the authority to examine.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from csl_helpers.penalties.apl import administrative_penalty_law
from csl_helpers.penalties.rules import penalty_rules

__all__ = ["Limitation", "Possibility", "limitation", "possibilities", "several_norms"]


@dataclass(frozen=True)
class Limitation:
    """The limitation period of Administrative Penalty Law Art. 36.

    The five years of Art. 36(1) (acts that harm citizens' life, health and safety or financial
    security) came with the revised law, in force from its ``in_force_from`` (2021-07-15). For
    an act that ended before that day the suite does not apply them: ``years`` is the two-year
    period, and ``extended_in_question`` says that the longer period is in question.
    """

    years: int
    runs_from: date
    last_day: date
    discovered: date | None
    expired: bool | None
    """``True`` if the act was discovered only after the period; ``None`` if not known (not
    discovered yet, or discovered when only the period in question would still run)."""
    extended_in_question: bool = False
    """The act harmed life, health or finance but ended before the revised law was in force."""
    law_in_force_from: date | None = None
    """The day the revised Administrative Penalty Law came into force, where it matters."""


@dataclass(frozen=True)
class Possibility:
    """A rule that could make the penalty lighter, reduced or none, and when it would."""

    provision: str
    """A citation, e.g. ``Administrative Penalty Law, Article 32(1)(1)``."""
    zh: str
    en: str
    explanation: str
    provision_zh: str = ""
    """The citation in Chinese, e.g. ``《行政处罚法》第三十二条第（一）项``."""


def limitation(
    runs_from: date, discovered: date | None, life_health_or_finance_harmed: bool
) -> Limitation:
    """The period that runs from the act (or the end of a continuing act), Art. 36.

    >>> limitation(date(2024, 2, 29), date(2026, 3, 1), False).last_day
    datetime.date(2026, 2, 28)

    Before 2021-07-15 (the revised law's in-force date) the five years are not applied:

    >>> old = limitation(date(2021, 3, 1), date(2024, 3, 1), True)
    >>> old.years, old.extended_in_question, old.expired
    (2, True, None)
    """
    law = administrative_penalty_law()
    rule = law.limitation
    before = life_health_or_finance_harmed and runs_from < law.in_force_from
    years = rule.years(life_health_or_finance_harmed and not before)
    last_day = _add_years(runs_from, years)
    expired = None if discovered is None else discovered > last_day
    if before and expired:
        # past the two years, within the five whose application to the act is in question
        longest = _add_years(runs_from, rule.extended.years)
        expired = None if discovered <= longest else True
    return Limitation(
        years,
        runs_from,
        last_day,
        discovered,
        expired,
        before,
        law.in_force_from if before else None,
    )


def _add_years(day: date, years: int) -> date:
    year = day.year + years
    last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last))


def possibilities(version: str) -> tuple[Possibility, ...]:
    """The rules an authority has to examine under ``version`` before it fixes a penalty.

    Those of the Administrative Penalty Law, then each clause of ``version`` that points to
    them, quoted in both languages.
    """
    mitigation = administrative_penalty_law().mitigation
    out = [
        Possibility(
            m.provision.citation(),
            m.provision.zh,
            m.provision.en,
            m.explanation,
            m.provision.citation("zh"),
        )
        for m in mitigation.rules
    ]
    for r in penalty_rules(version):
        t = r.tiers[0]
        if t.referral is None or not t.referral.mitigation:
            continue
        out.append(
            Possibility(
                f"Cybersecurity Law ({version}), {r.citation()}",
                t.trigger.zh + "，" + t.referral.zh + "。",
                t.trigger.en + ", " + t.referral.en + ".",
                mitigation.pointed_to,
                f"《网络安全法》（{version}年文本）{r.citation('zh')}",
            )
        )
    return tuple(out)


def several_norms() -> Possibility:
    """Administrative Penalty Law Art. 29: one act under several norms is fined once.

    Not a rule on a lighter penalty: it is shown under its own heading.
    """
    rule = administrative_penalty_law().several_norms
    p = rule.provision
    return Possibility(p.citation(), p.zh, p.en, rule.explanation, p.citation("zh"))
