"""The version rule's sentences on other laws and on the Administrative Penalty Law's texts.

:func:`referred_sentence` concludes where the later text refers the penalty to other laws;
:func:`apl_text_sentence` says which text of the Administrative Penalty Law the articles cited
come from where a decision falls before it. Both are worded through the catalogues
(:mod:`csl_helpers.translation`); the laws and dates are those of
``data/penalties/administrative-penalty-law.yaml``.
"""

from __future__ import annotations

from datetime import date

from csl_helpers.law.model import Provision
from csl_helpers.penalties.apl import administrative_penalty_law, apl_citation
from csl_helpers.translation import check_ui_lang, gettext_for, worded_date

__all__ = ["apl_text_sentence", "referred_sentence"]


def apl_text_sentence(decision_date: date | None, lang: str = "en") -> str:
    """Which text of the Administrative Penalty Law is cited, for a decision before it.

    The suite holds the Administrative Penalty Law as revised in 2021, in force from 2021-07-15;
    a decision made before that day fell under the earlier text, which the suite does not hold:
    the articles cited (Arts. 29, 36, 37) are the revised text's. ``""`` for a later decision.

    >>> apl_text_sentence(date(2021, 7, 15))
    ''
    >>> apl_text_sentence(date(2019, 3, 1), "zh")[:9]
    '所引《行政处罚法》'
    """
    day = administrative_penalty_law().in_force_from
    if decision_date is None or decision_date >= day:
        return ""
    _ = gettext_for(check_ui_lang(lang))
    return _(
        "The Administrative Penalty Law is cited as revised in 2021, in force from {day}; a "
        "decision made before that day fell under its earlier text, which the suite does not "
        "hold; the articles cited are the revised text's."
    ).format(day=worded_date(day, lang))


def referred_sentence(
    act_version: str, decision_version: str, lang: str, act_ended: date | None
) -> str:
    """The conclusion where the later text refers the penalty to other laws.

    Those laws may already have applied to the act when it took place (the other laws of
    ``data/penalties/administrative-penalty-law.yaml``, e.g. the Personal Information Protection
    Law, Art. 66), unless they came into force only after it (``act_ended``, the act's last
    day); one act under several norms is fined once, under the higher fine (Administrative
    Penalty Law Art. 29). Which provision applies the suite does not decide.
    """
    _ = gettext_for(lang)
    law = administrative_penalty_law()
    sep = _("; ")
    before = _("for {concerns}, {law} {article}, in force from {day}")
    after = _("for {concerns}, {law} {article}, in force only from {day}, after the act")
    examples = sep.join(
        (before if act_ended is None or o.in_force_from <= act_ended else after).format(
            concerns=o.concerns.text(lang),
            law=o.short.text(lang),
            article=Provision(o.article).citation(lang),
            day=worded_date(o.in_force_from, lang),
        )
        for o in law.other_laws
    )
    return _(
        "The {decision} text still treats the act as illegal but fixes no penalty of its own: "
        "it refers to other laws and administrative regulations. Such laws may already have "
        "applied to the act when it took place, if they were in force then ({examples}). "
        "Where one act breaks several legal norms that call for a fine, {cited} has it fined "
        "once, under the norm with the higher fine. Which provision applies is for the "
        "authority to decide; the suite does not decide it, and shows the {act} clause of the "
        "Cybersecurity Law."
    ).format(
        decision=decision_version,
        act=act_version,
        examples=examples,
        cited=apl_citation(law.several_norms.provision.provision, lang),
    )
