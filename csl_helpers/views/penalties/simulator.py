"""The penalty simulator: pick who acted, what they did and the circumstances; see the outcome.

Every figure comes from :func:`csl_helpers.penalties.simulate` and every word of the Law
from ``data/``; all text shown is escaped. :func:`selection_from_query` reads the dashboard's
URL query (``?version=2025&article=61&paragraph=1``) and validates it like any other input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from urllib.parse import parse_qs

import ipywidgets as w

from csl_helpers.law.load import load_law, version_ids, version_on
from csl_helpers.penalties.model import TIERS, term
from csl_helpers.penalties.simulation import Conduct, Outcome, conducts, rule, simulate, tiers_of
from csl_helpers.penalties.version_rule import ApplicableLaw, applicable_law, pairs, same_conduct
from csl_helpers.views import markup as law_html
from csl_helpers.views.input_guard import InputGuard
from csl_helpers.views.penalties.plots import display_output, fines_among_all, versions_side_by_side

DATES = "dates"
STYLE = """<style>
.csl-pen-outcome table { border-collapse: collapse; margin: 0.4em 0; }
.csl-pen-outcome td { padding: 0.25em 0.8em 0.25em 0; vertical-align: top; }
.csl-pen-may { background: #fff3cd; padding: 0 0.4em; border-radius: 3px; }
.csl-pen-shall { background: #f8d7da; padding: 0 0.4em; border-radius: 3px; }
.csl-pen-trigger { color: #333; font-size: 0.95em; }
.csl-pen-error { color: #a00; font-weight: bold; }
.csl-pen-referral { padding: 0.4em 0.8em; background: #eef3f8; border-left: 4px solid #36c; }
</style>"""
QUERY_KEYS = ("version", "article", "paragraph", "item", "tier")


@dataclass(frozen=True)
class Selection:
    """A clause to open: version, article, paragraph, item and tier, all validated."""

    version: str
    article: int
    paragraph: int = 1
    item: int | None = None
    tier: str = "base"


def selection_from_query(query: str) -> Selection | None:
    """Read ``version``, ``article``, ``paragraph`` (and ``item``, ``tier``) from a URL query.

    An empty query gives ``None``. A paragraph that only adds tiers to earlier ones (2025
    Art. 61(3)) opens the first conduct it applies to, in its first tier; a paragraph with
    items opens its first item unless ``item`` is given.

    Raises:
        ValueError: naming the parameter and the valid choices.

    >>> selection_from_query("version=2025&article=61&paragraph=1")
    Selection(version='2025', article=61, paragraph=1, item=None, tier='base')
    """
    params = parse_qs(query or "", keep_blank_values=True)
    if not params:
        return None
    unknown = sorted(set(params) - set(QUERY_KEYS))
    if unknown:
        raise ValueError(f"unknown parameter {unknown[0]!r}; valid: {', '.join(QUERY_KEYS)}")
    for key, values in params.items():
        if len(values) != 1:
            raise ValueError(f"parameter {key!r} is given {len(values)} times")
    get = {k: v[0] for k, v in params.items()}
    version = get.get("version", version_on(date.today()).id)
    if version not in version_ids():
        raise ValueError(f"version must be one of {', '.join(version_ids())}; got {version!r}")
    numbers = {}
    for key in ("article", "paragraph", "item"):
        if key in get:
            if not get[key].isdigit():
                raise ValueError(f"{key} must be a whole number; got {get[key]!r}")
            numbers[key] = int(get[key])
    if "article" not in numbers:
        raise ValueError("parameter 'article' is missing")
    r = rule(version, numbers["article"], numbers.get("paragraph", 1))
    item, tier = numbers.get("item"), get.get("tier")
    target = next((c for c in conducts(version) if c.rule == r), None)
    if target is None:  # a paragraph that adds tiers to earlier ones
        first = r.conduct_of[0]
        r = rule(version, first.article, first.paragraph or 1)
        item = item if item is not None else first.item
        tier = tier or next(t for t in TIERS if t not in r.tier_ids)
    if item is None and r.items:
        item = 1
    tier = tier or "base"
    offered = tiers_of(version, r.article, r.paragraph, item)
    if tier not in offered:
        raise ValueError(f"tier must be one of {', '.join(offered)} here; got {tier!r}")
    return Selection(version, r.article, r.paragraph, item, tier)


def _money(r, may: bool) -> str:
    if r is None:
        return "<i>none in this clause</i>"
    badge = (
        '<span class="csl-pen-may">may</span>'
        if may
        else '<span class="csl-pen-shall">shall</span>'
    )
    return f"<b>{escape(r.label())}</b> {badge}"


def outcome_html(o: Outcome) -> str:
    """The outcome as an escaped HTML table: fines, detention, measures, enforcer, basis."""
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
    rows.append(
        (
            "Fine on the offender",
            f'<span class="csl-pen-fine">{_money(o.fine, o.fine_discretionary)}</span>',
        )
    )
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
    for s in o.measures:
        names = [escape(term("measures", m).en) for m in s.ids]
        text = ("one or more of: " if s.any_of else "") + ", ".join(names)
        badge = "may" if s.may else "shall"
        rows.append(
            (
                "Measure",
                f'{text} <span class="csl-pen-{badge}">{badge}</span> '
                f'<span lang="zh-Hans">({escape(s.wording)})</span>',
            )
        )
    if o.enforcer:
        e = term("enforcers", o.enforcer)
        rows.append(("Decided by", f"{escape(e.en)} ({escape(e.zh)})"))
    for note in o.notes:
        rows.append(("Note", escape(note)))
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


class PenaltySimulator:
    """The simulator's state and widgets; ``PenaltySimulator().widget`` is what a page shows."""

    def __init__(self, selection: Selection | None = None) -> None:
        today = version_on(date.today()).id
        sel = selection or Selection(today, conducts(today)[0].rule.article)
        self._busy = False
        self.mode = w.ToggleButtons(
            options=[(f"{v} text", v) for v in version_ids()] + [("By dates", DATES)],
            value=sel.version,
            description="Law",
        )
        first = load_law(version_ids()[-1]).in_force_from
        self.conduct_date = w.DatePicker(description="Act on", value=date(first.year - 1, 6, 1))
        self.decision_date = w.DatePicker(description="Decision on", value=date(first.year, 3, 1))
        self.dates = w.HBox([self.conduct_date, self.decision_date])
        self.dates.layout.display = "none"
        self.subject = w.Dropdown(description="Who acted", layout=w.Layout(width="46em"))
        self.conduct = w.Dropdown(description="What they did", layout=w.Layout(width="46em"))
        self.tier = w.ToggleButtons(description="Circumstances")
        self.tier_help = w.HTML()
        self.gains = w.IntText(
            value=0, description="Illegal gains (yuan)", style={"description_width": "initial"}
        )
        self.procurement = w.IntText(
            value=0, description="Procurement amount (yuan)", style={"description_width": "initial"}
        )
        self.status = w.HTML()
        self.applicable = w.HTML()
        self.outcome = w.HTML()
        self.show_text = w.ToggleButton(value=False, description="Show the text of the Law")
        self.text = w.HTML()
        self.charts = w.Output()
        self.banner = w.HTML()
        self.guard = InputGuard()
        for widget, name in (
            (self.mode, "csl-pen-mode"),
            (self.subject, "csl-pen-subject"),
            (self.conduct, "csl-pen-conduct"),
            (self.tier, "csl-pen-tier"),
            (self.gains, "csl-pen-gains"),
            (self.procurement, "csl-pen-procurement"),
            (self.outcome, "csl-pen-result"),
            (self.status, "csl-pen-status"),
            (self.show_text, "csl-pen-show-text"),
            (self.text, "csl-pen-text"),
            (self.applicable, "csl-pen-applicable-box"),
            (self.conduct_date, "csl-pen-conduct-date"),
            (self.charts, "csl-pen-charts"),
            (self.decision_date, "csl-pen-decision-date"),
        ):
            widget.add_class(name)
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
                self.banner,
                self.guard.message,
                self.mode,
                self.dates,
                self.subject,
                self.conduct,
                self.tier,
                self.tier_help,
                self.gains,
                self.procurement,
                self.status,
                self.applicable,
                self.outcome,
                self.show_text,
                self.text,
                self.charts,
            ]
        )
        self.mode.observe(self._on_mode, "value")
        for picker in (self.conduct_date, self.decision_date):
            picker.observe(self._on_dates, "value")
        self.subject.observe(self._on_subject, "value")
        self.conduct.observe(self._on_conduct, "value")
        for box in (self.tier, self.gains, self.procurement):
            box.observe(lambda _: self.update(), "value")
        self.show_text.observe(lambda _: self._show_text(), "value")
        self.guard.watch(self.widget)
        self.open(sel)

    def open(self, selection: Selection) -> None:
        """Show the clause ``selection`` names."""
        s = selection
        self._busy = True
        try:
            self.mode.value = s.version
            self.dates.layout.display = "none"
        finally:
            self._busy = False
        self._load(s.version, (s.article, s.paragraph, s.item), s.tier)

    def open_query(self, query: str) -> None:
        """Open the clause a URL query names; for a bad query, say what was wrong instead."""
        try:
            selection = selection_from_query(query)
        except ValueError as exc:
            self.banner.value = (
                f'<p class="csl-pen-error">Could not open the requested clause: '
                f"{escape(str(exc))}</p>"
            )
            return
        self.banner.value = ""
        if selection is not None:
            self.open(selection)

    # state --------------------------------------------------------------------------------
    @property
    def version(self) -> str:
        """The text whose clauses the menus offer: the chosen one, or the one at the act."""
        if self.mode.value == DATES:
            try:
                return version_on(self.conduct_date.value).id
            except (ValueError, TypeError):
                return version_ids()[-1]
        return self.mode.value

    def _conducts(self) -> tuple[Conduct, ...]:
        return conducts(self.version)

    def _load(self, version: str, key: tuple | None, tier: str | None) -> None:
        """Fill the menus for ``version`` and select the conduct ``key``."""
        self._shown_version = version
        self._busy = True
        try:
            all_ = conducts(version)
            chosen = next(
                (c for c in all_ if (c.rule.article, c.rule.paragraph, c.item) == key), all_[0]
            )
            subjects = list(dict.fromkeys(c.rule.subject for c in all_))
            self.subject.options = [(term("subjects", s).en, s) for s in subjects]
            self.subject.value = chosen.rule.subject
            self._fill_conducts(chosen.rule.subject)
            self.conduct.value = (chosen.rule.article, chosen.rule.paragraph, chosen.item)
            self._fill_tiers(chosen, tier)
        finally:
            self._busy = False
        self.update()

    def _fill_conducts(self, subject: str) -> None:
        self.conduct.options = [
            (
                f"{c.label().split(': ', 1)[1]} ({c.provision.citation()})",
                (c.rule.article, c.rule.paragraph, c.item),
            )
            for c in self._conducts()
            if c.rule.subject == subject
        ]

    def _current(self) -> Conduct:
        key = self.conduct.value
        return next(
            c for c in self._conducts() if (c.rule.article, c.rule.paragraph, c.item) == key
        )

    def _fill_tiers(self, c: Conduct, tier: str | None) -> None:
        self.tier.options = [(t.replace("_", " "), t) for t in c.tiers]
        self.tier.value = tier if tier in c.tiers else c.tiers[0]
        needs = c.needs
        self.gains.layout.display = None if "illegal_gains" in needs else "none"
        self.procurement.layout.display = None if "procurement_amount" in needs else "none"

    # events -------------------------------------------------------------------------------
    def _on_mode(self, change: dict) -> None:
        if self._busy:
            return
        self.dates.layout.display = None if change["new"] == DATES else "none"
        self._reload_same_conduct()

    def _on_dates(self, _: dict) -> None:
        if self.mode.value == DATES:
            self._reload_same_conduct()

    def _reload_same_conduct(self) -> None:
        """Reload the menus for the version now chosen, keeping the conduct where it continues."""
        version = self.version
        key, tier = self.conduct.value, self.tier.value
        shown = self._shown_version
        if key is not None and shown != version:
            key = _counterpart_key(key, shown, version)
        self._load(version, key, tier)

    def _on_subject(self, change: dict) -> None:
        if self._busy or change["new"] is None:
            return
        self._busy = True
        try:
            self._fill_conducts(change["new"])
            self.conduct.value = self.conduct.options[0][1]
            self._fill_tiers(self._current(), None)
        finally:
            self._busy = False
        self.update()

    def _on_conduct(self, change: dict) -> None:
        if self._busy or change["new"] is None:
            return
        self._busy = True
        try:
            self._fill_tiers(self._current(), self.tier.value)
        finally:
            self._busy = False
        self.update()

    # output -------------------------------------------------------------------------------
    def _args(self) -> dict:
        c = self._current()
        needs_procurement = self.procurement.layout.display is None
        return {
            "article": c.rule.article,
            "paragraph": c.rule.paragraph,
            "item": c.item,
            "tier": self.tier.value,
            "illegal_gains": self.gains.value,
            "procurement_amount": self.procurement.value if needs_procurement else None,
        }

    def update(self) -> None:
        """Recompute the outcome from the inputs; show a clear message for bad input."""
        if self._busy:
            return
        self.status.value = ""
        args = self._args()
        try:
            if self.mode.value == DATES:
                a = applicable_law(self.conduct_date.value, self.decision_date.value, **args)
                self.applicable.value = applicable_html(a)
                outcome = a.outcome
                pairs = [(c.old, c.new) for c in a.comparisons]
            else:
                self.applicable.value = ""
                outcome = simulate(self.version, **args)
                pairs = [(c.old, c.new) for c in same_conduct(self.version, **args)]
        except (ValueError, TypeError) as exc:
            self.status.value = f'<p class="csl-pen-error">{escape(str(exc))}</p>'
            self.outcome.value = ""
            return
        self.outcome.value = outcome_html(outcome)
        self._outcome = outcome
        self._show_text()
        self._draw(outcome, pairs, args)

    def _show_text(self) -> None:
        if not self.show_text.value or not hasattr(self, "_outcome"):
            self.text.value = ""
            return
        o = self._outcome
        law = load_law(o.version)
        numbers = dict.fromkeys([o.provision.article, o.basis_provision.article])
        if o.borrowed_from is not None:
            numbers[o.borrowed_from.article] = None
        parts = [
            law_html.article_html(law.article(n), "zh")
            + law_html.article_html(law.article(n), "en")
            for n in numbers
        ]
        self.text.value = "".join(parts)

    def _draw(self, outcome: Outcome, pairs: list, args: dict) -> None:
        figures = [
            fines_among_all(
                outcome,
                illegal_gains=args["illegal_gains"],
                procurement_amount=args["procurement_amount"],
            )
        ]
        if pairs:
            figures.append(versions_side_by_side(pairs))
        self.charts.outputs = tuple(display_output(fig) for fig in figures)


def _counterpart_key(key: tuple, old: str, new: str) -> tuple | None:
    """The menu key of the conduct in ``new`` that continues ``key`` of ``old``, if any."""
    article, paragraph, item = key
    for pair in pairs():
        ends = (pair.old, pair.new) if old < new else (pair.new, pair.old)
        src, dst = ends
        if (src.article, src.paragraph) == (article, paragraph) and src.item in (None, item):
            return (dst.article, dst.paragraph, dst.item)
    return None


def penalty_simulator(query: str = "") -> w.Widget:
    """The simulator widget, opened on the clause a URL query names (default: the first).

    A bad query opens the default clause with a message that says what was wrong.
    """
    simulator = PenaltySimulator()
    simulator.open_query(query)
    return simulator.widget
