"""Which version of the Law a penalty applies, under the Administrative Penalty Law (行政处罚法).

Art. 37 of the Administrative Penalty Law: apply the law in force when the act took place; but
where, when the decision is made, the law has been amended and the new provision is lighter or
no longer treats the act as illegal, apply the new provision (从旧兼从轻). This module compares the
corresponding clauses of the version in force at the time of the act and of the version in force
at the decision (``data/penalties/correspondence.yaml``, through
:mod:`csl_helpers.penalties.comparison`) and explains the comparison; it also says when the
limitation of Art. 36 has run, which rules on lighter, reduced or no penalty (Arts. 32 and 33;
2025 CSL Art. 73) could apply, as possibilities to examine, never as a computed discount
(:mod:`csl_helpers.penalties.limitation`), and, under its own heading, Art. 29 on one act that
breaks several norms. What the texts do not say it marks as the suite's own: the text of a
continuing act's last day taken as the law at the time of the act (Art. 36(2) only starts the
limitation there); and where the later text refers the penalty to other laws, it says that those
laws may already have applied and that it does not decide. The wording of those articles is in
``data/penalties/administrative-penalty-law.yaml``. The explanation is worded in English or
Chinese (:meth:`ApplicableLaw.worded`) through the interface's catalogues
(:mod:`csl_helpers.translation`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from csl_helpers.law.display import RichDisplay, card, with_note
from csl_helpers.law.version_registry import version_on
from csl_helpers.penalties.apl import AplProvision, administrative_penalty_law, apl, apl_citation
from csl_helpers.penalties.apl_words import apl_text_sentence, referred_sentence
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.comparison import (
    VERDICT_NAMES,
    VERDICTS,
    Comparison,
    compare,
    compare_with,
    version_changes,
)
from csl_helpers.penalties.correspondence import Pair, pairs
from csl_helpers.penalties.limitation import (
    Limitation,
    Possibility,
    limitation,
    possibilities,
    several_norms,
)
from csl_helpers.penalties.model import TIERS
from csl_helpers.penalties.outcome import Outcome
from csl_helpers.penalties.simulation import question, simulate
from csl_helpers.translation import check_ui_lang, gettext_for, worded_date

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
    "version_changes",
]


@dataclass(frozen=True)
class ApplicableLaw(RichDisplay):
    """Which version applies to a conduct, why, and what that version provides.

    It words itself in English or Chinese (:meth:`explain`; :meth:`shown_in` for a notebook).
    """

    languages = ("en", "zh")

    version: str
    outcome: Outcome
    act_version: str
    decision_version: str
    comparisons: tuple[Comparison, ...]
    reasons: tuple[str, ...]
    limitation: Limitation
    possibilities: tuple[Possibility, ...]
    continuing: bool = False
    """Whether the act was a continuing one (the suite takes the text of its last day)."""
    several_norms: Possibility | None = None
    """Administrative Penalty Law Art. 29 (one act under several norms), shown on its own."""
    decision_date: date | None = None
    """The day of the decision, for the text of the Administrative Penalty Law it falls under."""

    def worded(self, lang: str = "en") -> tuple[str, ...]:
        """:attr:`reasons` in ``lang`` (``"en"`` or ``"zh"``), each a whole sentence."""
        if lang == "en":
            return self.reasons
        return _reasons(
            self.act_version,
            self.decision_version,
            self.comparisons,
            lang,
            self.continuing,
            self.limitation.runs_from,
        )

    def explain(self, lang: str = "en") -> str:
        """The reasoning as plain lines, in English or (``lang="zh"``) Chinese.

        Where the text applied is no longer in force, a note under the first line says so.
        """
        _ = gettext_for(check_ui_lang(lang))
        lines = [
            _("Applicable text: {version} ({citation}).").format(
                version=self.version, citation=self.outcome.citation(lang)
            )
        ]
        lines += [f"- {r}" for r in self.worded(lang)]
        lines.append("- " + self.limitation_sentence(lang))
        if self.several_norms is not None:
            lines.append("- " + self.several_norms_sentence(lang))
        if self.apl_text_sentence(lang):
            lines.append("- " + self.apl_text_sentence(lang))
        return with_note(self.version, "\n".join(lines), lang)

    def plain(self, lang: str = "en") -> str:
        """:meth:`explain`: the reasoning as plain lines in ``lang``."""
        return self.explain(lang)

    def to_html(self, lang: str = "en") -> str:
        """A card: the text applied and its citation, the reasons, the limitation, Art. 29."""
        _ = gettext_for(check_ui_lang(lang))
        title = _("Applicable text: {version} ({citation}).").format(
            version=self.version, citation=self.outcome.citation(lang)
        )
        lines = [*self.worded(lang), self.limitation_sentence(lang)]
        if self.several_norms is not None:
            lines.append(self.several_norms_sentence(lang))
        if self.apl_text_sentence(lang):
            lines.append(self.apl_text_sentence(lang))
        items = "".join(f"<li>{escape(r)}</li>" for r in lines)
        return card(title, f"<ul>{items}</ul>", self.version, lang)

    def limitation_sentence(self, lang: str = "en") -> str:
        """The limitation of Administrative Penalty Law Art. 36 for this act, one sentence.

        For an act that harmed life, health or finance and ended before the revised law came
        into force, the five years are not applied and the sentence says they are in question.
        """
        _ = gettext_for(check_ui_lang(lang))
        lim = self.limitation
        state = {
            True: _("had run when the act was discovered: no penalty may be given"),
            False: _("had not run when the act was discovered"),
            None: _("has run if the act is not discovered by then")
            if lim.discovered is None
            else _("may have run when the act was discovered"),
        }[lim.expired]
        cited = apl_citation(administrative_penalty_law().limitation.article, lang)
        sentence = _(
            "Limitation ({cited}): {years} years from {start}, last day {last}; it {state}."
        ).format(
            cited=cited,
            years=lim.years,
            start=worded_date(lim.runs_from, lang),
            last=worded_date(lim.last_day, lang),
            state=state,
        )
        if lim.extended_in_question and lim.law_in_force_from is not None:
            sentence += _(
                " The five years for acts that harmed life, health or finance came with the "
                "revised Administrative Penalty Law, in force from {day}; whether they reach an "
                "act that ended before that day is in question, and the suite does not apply them."
            ).format(day=worded_date(lim.law_in_force_from, lang))
        return sentence

    def apl_text_sentence(self, lang: str = "en") -> str:
        """Which text of the Administrative Penalty Law is cited, for a decision before it.

        :func:`~csl_helpers.penalties.apl_words.apl_text_sentence`; ``""`` otherwise.
        """
        return apl_text_sentence(self.decision_date, lang)

    def several_norms_sentence(self, lang: str = "en") -> str:
        """Administrative Penalty Law Art. 29 under its own heading, one sentence."""
        _ = gettext_for(check_ui_lang(lang))
        p = self.several_norms
        rule = administrative_penalty_law().several_norms
        return _("{heading} ({cited}): {text}").format(
            heading=rule.heading.text(lang),
            cited=p.provision_zh if lang == "zh" else p.provision,
            text=p.zh if lang == "zh" else p.explanation,
        )


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
    continuing = continuing_until is not None
    reasons = _reasons(act_version, decision_version, comparisons, "en", continuing, end)
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
        continuing=continuing,
        several_norms=several_norms(),
        decision_date=decision_date,
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
    act_ended: date | None = None,
) -> tuple[str, ...]:
    """Art. 37 spelled out: the version of the act, and the later one's clauses if it differs.

    Worded in ``lang`` (the interface's catalogues), each reason a whole sentence.
    """
    _ = gettext_for(lang)
    reasons = []
    if continuing:
        reasons.append(
            _(
                "For a continuing act the suite takes the text in force on its last day as the "
                "law at the time of the act. This is the suite's assumption, not a rule of the "
                "Administrative Penalty Law: its Article 36(2) only has the limitation period of "
                "a continuing act run from the day the act ends."
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
                "Same circumstances under {citation} of the {decision} text (tier: {tier}): "
                "{verdict}."
            ).format(
                citation=c.new.citation(lang),
                decision=decision_version,
                tier=c.new.tier_label(lang),
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
        reasons.append(referred_sentence(act_version, decision_version, lang, act_ended))
    else:
        reasons.append(
            _(
                "The new provision is not lighter: the {act} text, the law at the time of the "
                "act, applies."
            ).format(act=act_version)
        )
    return tuple(reasons)
