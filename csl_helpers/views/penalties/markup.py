"""The penalty simulator's text: the outcome, the version rule's reasoning, the Law's words.

Every piece of text is escaped here; every figure comes from the outcome it is given. The
interface's words are in ``ui`` (``"en"`` or ``"zh"``): in Chinese the Law's own terms (罚款,
拘留, 可以 / 应当, 直接负责的主管人员…) and only the Chinese of the Law's text.
"""

from __future__ import annotations

from html import escape

from csl_helpers.law.display import note_html
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision
from csl_helpers.penalties.clauses import tier_of
from csl_helpers.penalties.model import term
from csl_helpers.penalties.outcome import persons_named
from csl_helpers.penalties.simulation import Outcome
from csl_helpers.penalties.version_rule import ApplicableLaw
from csl_helpers.translation import N_, gettext_for
from csl_helpers.views import markup as law_html

BADGES = {"may": N_("may"), "shall": N_("shall")}
"""The badges of a measure: discretionary (可以) or mandatory (处 alone)."""
STYLE = """<style>
.csl-pen-outcome table { border-collapse: collapse; margin: 0.4em 0; }
.csl-pen-outcome td { padding: 0.25em 0.8em 0.25em 0; vertical-align: top; }
.csl-pen-may { background: #fff3cd; padding: 0 0.4em; border-radius: 3px; }
.csl-pen-shall { background: #f8d7da; padding: 0 0.4em; border-radius: 3px; }
.csl-pen-trigger { color: #333; }
.csl-pen-error { color: #a00; font-weight: bold; }
.csl-pen-tier-words { color: #444; font-style: italic; margin: 0.2em 0 0.4em; }
.csl-pen-tier-note { padding: 0.3em 0.6em; background: #eef3f8; border-left: 4px solid #36c; }
.csl-pen-referral { padding: 0.4em 0.8em; background: #eef3f8; border-left: 4px solid #36c; }
.csl-out-of-force { background: #fff4e5; border-left: 4px solid #e69500; padding: 0.2em 0.6em; }
</style>"""


def _money(r, may: bool, ui: str = "en", none: str = "") -> str:
    _ = gettext_for(ui)
    if r is None:
        return f"<i>{escape(none)}</i>" if none else _("<i>none in this clause</i>")
    badge = (
        '<span class="csl-pen-may">{}</span>'.format(_("may"))
        if may
        else '<span class="csl-pen-shall">{}</span>'.format(_("shall"))
    )
    return f"<b>{escape(r.label('yuan', ui))}</b> {badge}"


def _basis_rows(o: Outcome, ui: str = "en") -> list[tuple[str, str]]:
    """Where the outcome comes from: the clause, what triggers it, any referral."""
    _ = gettext_for(ui)
    zh = ui == "zh"
    trigger_en = "" if zh else f'<br><span class="csl-pen-trigger">{escape(o.when("en"))}</span>'
    rows = [
        (
            _("Legal basis"),
            f"<b>{escape(o.citation('zh'))}</b>"
            if zh
            else f"<b>{escape(o.citation())}</b> · " + law_html.zh_span(o.citation("zh")),
        ),
        (
            _("When"),
            f'<span class="csl-pen-trigger" lang="zh-Hans">{escape(o.when("zh"))}</span>'
            + trigger_en,
        ),
    ]
    if (r := o.referral) is not None:
        # A reservation (另有规定的，依照其规定) is not a referral: the clause keeps its penalty.
        label = _("Reservation") if r.reservation else _("Referred")
        rows.append(
            (
                label,
                f'<div class="csl-pen-referral">{escape(r.zh)}<br><i>{escape(r.note.zh)}</i></div>'
                if zh
                else f'<div class="csl-pen-referral">{escape(r.zh)}<br>'
                f"{escape(r.en)}<br><i>{escape(r.note.en)}</i></div>",
            )
        )
    return rows


def _penalty_rows(
    o: Outcome, fine_text: str | None = None, ui: str = "en"
) -> list[tuple[str, str]]:
    """The fines and the detention; ``fine_text`` in place of the offender's fine if given."""
    _ = gettext_for(ui)
    money = _money(o.fine, o.fine_discretionary, ui, o.none_here(ui))
    fine = (
        f'<span class="csl-pen-fine">{money}</span>'
        if fine_text is None
        else f'<span class="csl-pen-awaiting">{escape(fine_text)}</span>'
    )
    rows = [(_("Fine on the offender"), fine)]
    if o.persons:
        who = _(" and ").join(getattr(term("persons", p), ui) for p in o.persons)
        rows.append(
            (
                _("Fine on {who}").format(who=escape(who)),
                f'<span class="csl-pen-person-fine">'
                f"{_money(o.person_fine, o.person_fine_discretionary, ui, o.none_here(ui))}</span>",
            )
        )
    if o.detention_days is not None:
        days = escape(o.detention_days.label("days", ui))
        rows.append(
            (
                _("Detention of the offender")
                if o.detained == "offender"
                else _("Detention of {who}").format(who=escape(persons_named(o.persons, ui))),
                f'<span class="csl-pen-detention"><b>{days}</b> '
                '<span class="csl-pen-shall">{}</span></span>'.format(_("shall")),
            )
        )
    return rows


def _other_rows(o: Outcome, ui: str = "en") -> list[tuple[str, str]]:
    """The measures, who decides, and the notes."""
    _ = gettext_for(ui)
    rows = []
    for s in o.measures:
        names = [escape(getattr(term("measures", m), ui)) for m in s.ids]
        text = (_("one or more of: ") if s.any_of else "") + _(", ").join(names)
        badge = "may" if s.may else "shall"
        by = ""
        if s.by:
            body = term("enforcers", s.by)
            by = (
                _(" · decided by {body}").format(body=escape(body.zh))
                if ui == "zh"
                else f" · decided by {escape(body.en)} ({law_html.zh_span(body.zh)})"
            )
        shown = f'<span class="csl-pen-{badge}">{_(BADGES[badge])}</span>'
        wording = f'<span lang="zh-Hans">{escape(s.wording)}</span>'
        if ui == "zh" and s.may and "可以" in s.wording:
            # The Law's words already say 可以: mark them rather than say 可以 twice in a line.
            wording = wording.replace("可以", shown, 1)
            shown = ""
        rows.append(
            (  # in Chinese the Law's own wording names the measure
                _("Measure"),
                " ".join(filter(None, (wording, shown))) + by
                if ui == "zh"
                else f'{text} {shown} <span lang="zh-Hans">({escape(s.wording)})</span>{by}',
            )
        )
    if o.enforcer:
        e = term("enforcers", o.enforcer)
        rows.append(
            (
                _("Decided by"),
                escape(e.zh)
                if ui == "zh"
                else f'{escape(e.en)} (<span lang="zh-Hans">{escape(e.zh)}</span>)',
            )
        )
    # The notes are the project's own, in both languages (data/penalties/).
    lang = "zh-Hans" if ui == "zh" else "en"
    rows += [(_("Note"), f'<span lang="{lang}">{escape(note.text(ui))}</span>') for note in o.notes]
    return rows


def outcome_html(
    o: Outcome, fine_text: str | None = None, ui: str = "en", *, note: bool = True
) -> str:
    """The outcome as an escaped HTML table: fines, detention, measures, enforcer, basis.

    ``fine_text`` replaces the offender's fine, for a fine that multiplies an amount not given
    (2016 Art. 65, 2025 Art. 67): what the Law provides, and a request for the amount. A
    version no longer in force says so in ``ui``, unless ``note`` is ``False`` (a page whose
    banner already says it).
    """
    _ = gettext_for(ui)
    rows = _basis_rows(o, ui) + _penalty_rows(o, fine_text, ui) + _other_rows(o, ui)
    body = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
    told = note_html(o.version, ui) if note else ""
    return (
        f'<div class="csl-pen-outcome">{told}<table>{body}</table>'
        + _(
            '<p><i>Ranges include both ends (<span lang="zh-Hans">以上 / 以下</span>). The Chinese '
            "text governs.</i></p>"
        )
        + "</div>"
    )


def applicable_html(a: ApplicableLaw, ui: str = "en", *, note: bool = True) -> str:
    """The version rule's reasoning, escaped, for the dates mode.

    The text applied says so where it is no longer in force (unless ``note`` is ``False``, as
    for :func:`outcome_html`); Administrative Penalty Law Art. 29
    (one act under several norms) stands under its own heading, apart from the rules on a
    lighter, reduced or no penalty.
    """
    _ = gettext_for(ui)
    items = "".join(f"<li>{escape(r)}</li>" for r in a.worded(ui))
    colon = _(": ")
    possible = "".join(
        f"<li><b>{escape(p.provision_zh if ui == 'zh' else p.provision)}</b>{colon}"
        f"{escape(p.zh if ui == 'zh' else p.explanation)}</li>"
        for p in a.possibilities
    )
    several = (
        f'<p class="csl-pen-several-norms">{escape(a.several_norms_sentence(ui))}</p>'
        if a.several_norms is not None
        else ""
    )
    if a.apl_text_sentence(ui):  # a decision before the revised Administrative Penalty Law
        several += f'<p class="csl-pen-apl-text">{escape(a.apl_text_sentence(ui))}</p>'
    return (
        '<div class="csl-pen-applicable"><p><b>{}</b> {}</p>{}<ul>{}</ul><p>{}</p>{}'
        "<details><summary>{}</summary><ul>{}</ul></details></div>"
    ).format(
        _("Applicable text: {version}").format(version=escape(a.version)),
        _("({citation})").format(citation=escape(a.outcome.citation(ui))),
        note_html(a.version, ui) if note else "",
        items,
        escape(a.limitation_sentence(ui)),
        several,
        _("Lighter, reduced or no penalty: possibilities to examine"),
        possible,
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


def tier_help_html(
    version: str, conduct: tuple[int, int, int | None], tier: str, note: str, ui: str = "en"
) -> str:
    """What stands beside the tier buttons: the chosen tier's full words, and ``note``.

    The buttons show each tier's short name; this is the Law's trigger in full (in an English
    page with the English beside it), the paragraph named where another one sets the tier
    (2025 Art. 61(3) for Art. 61(1)), then ``note``: what a change of text did to the tier.
    Empty for a clause or tier that is not one.
    """
    try:
        trigger = tier_of(version, Provision(*conduct), tier).trigger
    except (TypeError, ValueError):
        return ""
    _ = gettext_for(ui)
    where = ""
    if (trigger.provision.article, trigger.provision.paragraph) != tuple(conduct[:2]):
        where = _("({citation})").format(citation=trigger.provision.citation(ui, version))
    words = f'<span lang="zh-Hans">{escape(trigger.zh)}</span>{escape(where)}'
    if ui != "zh":
        words = f"{escape(trigger.en)} {escape(where)}<br>" + words
    told = f'<p class="csl-pen-tier-note" role="status">{escape(note)}</p>' if note else ""
    return f'<div class="csl-pen-tier-words">{words}</div>{told}'
