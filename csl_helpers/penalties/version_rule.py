"""Which version of the Law a penalty applies, under the Administrative Penalty Law (行政处罚法).

Art. 37 of the Administrative Penalty Law: apply the law in force when the act took place;
but where, when the decision is made, the law has been amended and the new provision is
lighter or no longer treats the act as illegal, apply the new provision (从旧兼从轻). This
module compares the corresponding clauses of the version in force at the time of the act and
of the version in force at the decision (``data/penalties/correspondence.yaml``, through
:mod:`csl_helpers.penalties.comparison`) and explains the comparison; it also says when the
limitation of Art. 36 has run, and which rules on lighter, reduced or no penalty (Arts. 32
and 33; 2025 CSL Art. 73) could apply, as possibilities to examine, never as a computed
discount (:mod:`csl_helpers.penalties.limitation`). The wording of those articles is in
``data/penalties/administrative-penalty-law.yaml``. The explanation is worded in English or
Chinese (:meth:`ApplicableLaw.worded`) through the interface's catalogues
(:mod:`csl_helpers.translation`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from csl_helpers.law.load import version_on
from csl_helpers.penalties.apl import AplProvision, administrative_penalty_law, apl, apl_citation
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.comparison import (
    VERDICT_NAMES,
    VERDICTS,
    Comparison,
    compare,
    compare_with,
    same_conduct,
    version_changes,
)
from csl_helpers.penalties.correspondence import Pair, pairs
from csl_helpers.penalties.limitation import Limitation, Possibility, limitation, possibilities
from csl_helpers.penalties.clauses import tier_name
from csl_helpers.penalties.model import TIERS
from csl_helpers.penalties.outcome import Outcome
from csl_helpers.penalties.simulation import question, simulate
from csl_helpers.translation import gettext_for

__all__ = [
    "TIERS",
    "VERDICTS",
    "AplProvision",
    "ApplicableLaw",
    "Circumstances",
    "Comparison",
    "Limitation",
    "Pair",
    "Possibility",
    "applicable_law",
    "apl",
    "compare",
    "pairs",
    "same_conduct",
    "version_changes",
]


@dataclass(frozen=True)
class ApplicableLaw:
    """Which version applies to a conduct, why, and what that version provides."""

    version: str
    outcome: Outcome
    act_version: str
    decision_version: str
    comparisons: tuple[Comparison, ...]
    reasons: tuple[str, ...]
    limitation: Limitation
    possibilities: tuple[Possibility, ...]
    continuing: bool = False
    """Whether the act was a continuing one (the text of its last day is taken)."""

    def worded(self, lang: str = "en") -> tuple[str, ...]:
        """:attr:`reasons` in ``lang`` (``"en"`` or ``"zh"``), each a whole sentence."""
        if lang == "en":
            return self.reasons
        return _reasons(
            self.act_version, self.decision_version, self.comparisons, lang, self.continuing
        )

    def explain(self, lang: str = "en") -> str:
        """The reasoning as plain lines, in English or (``lang="zh"``) Chinese."""
        _ = gettext_for(lang)
        lines = [
            _("Applicable text: {version} ({citation}).").format(
                version=self.version, citation=self.outcome.citation(lang)
            )
        ]
        lines += [f"- {r}" for r in self.worded(lang)]
        lim = self.limitation
        state = {
            True: _("had run when the act was discovered: no penalty may be given"),
            False: _("had not run when the act was discovered"),
            None: _("counts until the act is discovered"),
        }[lim.expired]
        cited = apl_citation(administrative_penalty_law().limitation.article, lang)
        lines.append(
            "- "
            + _(
                "Limitation ({cited}): {years} years from {start}, last day {last}; it {state}."
            ).format(
                cited=cited,
                years=lim.years,
                start=lim.runs_from.isoformat(),
                last=lim.last_day.isoformat(),
                state=state,
            )
        )
        return "\n".join(lines)


def applicable_law(
    conduct_date: date,
    decision_date: date,
    *args: Any,
    continuing_until: date | None = None,
    discovered: date | None = None,
    life_health_or_finance_harmed: bool = False,
    **keywords: Any,
) -> ApplicableLaw:
    """Which version's clause applies to a conduct, under Administrative Penalty Law Art. 37.

    The conduct is named as :func:`~csl_helpers.penalties.simulate` takes it, in either form:
    ``provision[, circumstances]`` (a :class:`~csl_helpers.law.model.Provision` or a
    :class:`~csl_helpers.penalties.clauses.Conduct`, and a :class:`Circumstances`), or
    ``article, paragraph=1, *, item, tier, illegal_gains, procurement_amount``, in the text in
    force when the act took place (for a continuing act, when it ended). When the decision
    falls under a later version, the corresponding clause of that version is compared for the
    same circumstances, and it applies only if it is lighter on every count (or no longer
    treats the act as illegal, which no clause of the 2025 text does). Over 50 lines only for
    this docstring, which its several inputs need; the steps are one screen of code.

    Args:
        conduct_date: the day of the act.
        decision_date: the day the penalty decision is made.
        *args: the conduct, as :func:`~csl_helpers.penalties.simulate` takes it.
        continuing_until: the last day of a continuing act (Art. 36(2)); ``None`` otherwise.
        discovered: the day the act was discovered, for the limitation of Art. 36.
        life_health_or_finance_harmed: the act concerns citizens' life, health and safety or
            financial security and had harmful consequences (the longer limitation period).
        **keywords: the conduct, as :func:`~csl_helpers.penalties.simulate` takes it.

    Raises:
        ValueError: for dates out of order or before the Law was in force, and for anything
            :func:`~csl_helpers.penalties.simulate` rejects.

    >>> a = applicable_law(date(2025, 6, 1), date(2026, 3, 1), 59, 1, tier="aggravated")
    >>> a.version, a.comparisons[0].verdict
    ('2016', 'heavier')
    """
    end = _check_dates(
        conduct_date, decision_date, continuing_until, discovered, life_health_or_finance_harmed
    )
    try:
        act_version = version_on(end).id
    except ValueError as exc:
        raise ValueError(f"conduct_date: {exc}") from None
    decision_version = version_on(decision_date).id
    provision, circumstances = question(act_version, *args, **keywords)
    old = simulate(act_version, provision, circumstances)
    comparisons: tuple[Comparison, ...] = ()
    if act_version != decision_version:
        comparisons = compare_with(decision_version, old, circumstances)
    reasons = _reasons(
        act_version, decision_version, comparisons, continuing=continuing_until is not None
    )
    version, outcome = act_version, old
    if comparisons and all(c.verdict == "lighter" for c in comparisons):
        version, outcome = decision_version, comparisons[0].new
    return ApplicableLaw(
        version=version,
        outcome=outcome,
        act_version=act_version,
        decision_version=decision_version,
        comparisons=comparisons,
        reasons=reasons,
        limitation=limitation(end, discovered, life_health_or_finance_harmed),
        possibilities=possibilities(version),
        continuing=continuing_until is not None,
    )


def _check_dates(
    conduct_date: date,
    decision_date: date,
    continuing_until: date | None,
    discovered: date | None,
    harmed: bool,
) -> date:
    """The day the act ended, after checking the dates are dates and in order."""
    for name, value in (
        ("conduct_date", conduct_date),
        ("decision_date", decision_date),
        ("continuing_until", continuing_until),
        ("discovered", discovered),
    ):
        if value is not None and not isinstance(value, date):
            raise ValueError(f"{name} must be a datetime.date; got {value!r}")
    if not isinstance(harmed, bool):
        raise ValueError("life_health_or_finance_harmed must be True or False")
    end = continuing_until or conduct_date
    if end < conduct_date:
        raise ValueError("continuing_until must not be before conduct_date")
    if decision_date < end:
        raise ValueError("decision_date must not be before the act (or its end)")
    if discovered is not None and not conduct_date <= discovered <= decision_date:
        raise ValueError("discovered must fall between conduct_date and decision_date")
    return end


def _reasons(
    act_version: str,
    decision_version: str,
    comparisons: tuple[Comparison, ...],
    lang: str = "en",
    continuing: bool = False,
) -> tuple[str, ...]:
    """Art. 37 spelled out: the version of the act, and the later one's clauses if it differs.

    Worded in ``lang`` (the interface's catalogues), each reason a whole sentence.
    """
    _ = gettext_for(lang)
    reasons = []
    if continuing:
        reasons.append(
            _(
                "For a continuing act the text in force on its last day is taken as the law at "
                "the time of the act."
            )
        )
    if act_version == decision_version:
        return (
            *reasons,
            _(
                "The {act} text was in force when the act took place and still is when the "
                "decision is made: it applies (Administrative Penalty Law, Article 37)."
            ).format(act=act_version),
        )
    reasons.append(
        _(
            "The act took place under the {act} text; the decision is made under the "
            "{decision} text. Article 37 of the Administrative Penalty Law applies the law at "
            "the time of the act unless the new provision is lighter or no longer treats the "
            "act as illegal."
        ).format(act=act_version, decision=decision_version)
    )
    for c in comparisons:
        worded = c.reasons if lang == "en" else compare(c.old, c.new, lang)[1]
        reasons.append(
            _(
                "Same circumstances under {citation} of the {decision} text ({tier} tier): "
                "{verdict}."
            ).format(
                citation=c.new.citation(lang),
                decision=decision_version,
                tier=tier_name(c.new.version, c.new.provision, c.new.tier, lang),
                verdict=_(VERDICT_NAMES[c.verdict]),
            )
            + ("" if lang == "zh" else " ").join(("", *worded))
        )
    if comparisons and all(c.verdict == "lighter" for c in comparisons):
        reasons.append(
            _("The new provision is lighter: the {decision} text applies.").format(
                decision=decision_version
            )
        )
    elif any(c.verdict == "referred" for c in comparisons):
        reasons.append(
            _(
                "The {decision} text still treats the act as illegal but leaves the penalty to "
                "other laws, which this suite does not model: the {act} clause applies unless "
                "the provision of those laws is lighter."
            ).format(decision=decision_version, act=act_version)
        )
    else:
        reasons.append(
            _(
                "The new provision is not lighter: the {act} text, the law at the time of the "
                "act, applies."
            ).format(act=act_version)
        )
    return tuple(reasons)
