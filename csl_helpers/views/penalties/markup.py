"""The penalty simulator's text: the outcome, the version rule's reasoning, the Law's words.

Every piece of text is escaped here; every figure comes from the outcome it is given.
"""

from __future__ import annotations

from html import escape

from csl_helpers.law.load import load_law
from csl_helpers.penalties.model import term
from csl_helpers.penalties.simulation import Outcome
from csl_helpers.penalties.version_rule import ApplicableLaw
from csl_helpers.views import markup as law_html

STYLE = """<style>
.csl-pen-outcome table { border-collapse: collapse; margin: 0.4em 0; }
.csl-pen-outcome td { padding: 0.25em 0.8em 0.25em 0; vertical-align: top; }
.csl-pen-may { background: #fff3cd; padding: 0 0.4em; border-radius: 3px; }
.csl-pen-shall { background: #f8d7da; padding: 0 0.4em; border-radius: 3px; }
.csl-pen-trigger { color: #333; }
.csl-pen-error { color: #a00; font-weight: bold; }
.csl-pen-referral { padding: 0.4em 0.8em; background: #eef3f8; border-left: 4px solid #36c; }
</style>"""


def _money(r, may: bool) -> str:
    if r is None:
        return "<i>none in this clause</i>"
    badge = (
        '<span class="csl-pen-may">may</span>'
        if may
        else '<span class="csl-pen-shall">shall</span>'
    )
    return f"<b>{escape(r.label())}</b> {badge}"


def _basis_rows(o: Outcome) -> list[tuple[str, str]]:
    """Where the outcome comes from: the clause, what triggers it, any referral."""
    rows = [
        ("Legal basis", f"<b>{escape(o.citation())}</b> · {escape(o.citation('zh'))}"),
        (
            "When",
            f'<span class="csl-pen-trigger" lang="zh-Hans">{escape(o.trigger.zh)}</span><br>'
            f'<span class="csl-pen-trigger">{escape(o.trigger.en)}</span>',
        ),
    ]
    if o.referral is not None:
        rows.append(
            (
                "Referred",
                f'<div class="csl-pen-referral">{escape(o.referral.zh)}<br>'
                f"{escape(o.referral.en)}<br><i>{escape(o.referral.note)}</i></div>",
            )
        )
    return rows


def _penalty_rows(o: Outcome, fine_text: str | None = None) -> list[tuple[str, str]]:
    """The fines and the detention; ``fine_text`` in place of the offender's fine if given."""
    fine = (
        f'<span class="csl-pen-fine">{_money(o.fine, o.fine_discretionary)}</span>'
        if fine_text is None
        else f'<span class="csl-pen-awaiting">{escape(fine_text)}</span>'
    )
    rows = [("Fine on the offender", fine)]
    if o.persons:
        who = " and ".join(term("persons", p).en for p in o.persons)
        rows.append(
            (
                f"Fine on {escape(who)}",
                f'<span class="csl-pen-person-fine">'
                f"{_money(o.person_fine, o.person_fine_discretionary)}</span>",
            )
        )
    if o.detention_days is not None:
        who = "the offender" if o.detained == "offender" else "the people responsible"
        rows.append(
            (
                f"Detention of {who}",
                f'<span class="csl-pen-detention"><b>{escape(o.detention_days.label("days"))}</b> '
                '<span class="csl-pen-shall">shall</span></span>',
            )
        )
    return rows


def _other_rows(o: Outcome) -> list[tuple[str, str]]:
    """The measures, who decides, and the notes."""
    rows = []
    for s in o.measures:
        names = [escape(term("measures", m).en) for m in s.ids]
        text = ("one or more of: " if s.any_of else "") + ", ".join(names)
        badge = "may" if s.may else "shall"
        by = ""
        if s.by:
            body = term("enforcers", s.by)
            by = f" · decided by {escape(body.en)} ({escape(body.zh)})"
        rows.append(
            (
                "Measure",
                f'{text} <span class="csl-pen-{badge}">{badge}</span> '
                f'<span lang="zh-Hans">({escape(s.wording)})</span>{by}',
            )
        )
    if o.enforcer:
        e = term("enforcers", o.enforcer)
        rows.append(("Decided by", f"{escape(e.en)} ({escape(e.zh)})"))
    rows += [("Note", escape(note)) for note in o.notes]
    return rows


def outcome_html(o: Outcome, fine_text: str | None = None) -> str:
    """The outcome as an escaped HTML table: fines, detention, measures, enforcer, basis.

    ``fine_text`` replaces the offender's fine, for a fine that multiplies an amount not given
    (2016 Art. 65, 2025 Art. 67): what the Law provides, and a request for the amount.
    """
    rows = _basis_rows(o) + _penalty_rows(o, fine_text) + _other_rows(o)
    body = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
    return (
        f'<div class="csl-pen-outcome"><table>{body}</table>'
        "<p><i>Ranges include both ends (以上 / 以下). The Chinese text governs.</i></p></div>"
    )


def applicable_html(a: ApplicableLaw) -> str:
    """The version rule's reasoning, escaped, for the dates mode."""
    items = "".join(f"<li>{escape(r)}</li>" for r in a.reasons)
    lim = a.limitation
    possible = "".join(
        f"<li><b>{escape(p.provision)}</b>: {escape(p.explanation)}</li>" for p in a.possibilities
    )
    return (
        f'<div class="csl-pen-applicable"><p><b>Applicable text: {escape(a.version)}</b> '
        f"({escape(a.outcome.citation())})</p><ul>{items}</ul>"
        f"<p>Limitation (Administrative Penalty Law, Article 36): {lim.years} years from "
        f"{lim.runs_from.isoformat()}, last day {lim.last_day.isoformat()}.</p>"
        f"<details><summary>Lighter, reduced or no penalty: possibilities to examine</summary>"
        f"<ul>{possible}</ul></details></div>"
    )


def law_text_html(o: Outcome) -> str:
    """The articles an outcome rests on, in Chinese and in English."""
    law = load_law(o.version)
    numbers = dict.fromkeys([o.provision.article, o.basis_provision.article])
    if o.borrowed_from is not None:
        numbers[o.borrowed_from.article] = None
    return "".join(
        law_html.article_html(law.article(n), "zh") + law_html.article_html(law.article(n), "en")
        for n in numbers
    )
