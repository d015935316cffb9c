"""The penalty simulator: pick who acted, what they did and the circumstances; see the outcome.

Every figure comes from :func:`csl_helpers.penalties.simulate` and every word of the Law
from ``data/``; all text shown is escaped. The state lives in
:class:`~csl_helpers.views.penalties.state.SimulatorModel`; this module draws it and links
the controls to it. The page's address (``?version=2025&article=61&paragraph=1``) opens a
clause (:func:`csl_helpers.penalties.address.selection_from`) and follows the model's state
(:class:`~csl_helpers.views.page_address.PageAddress`); its ``lang`` (``en`` or ``zh``)
chooses the interface's language, which the page's 中文 / English switch changes.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from html import escape

import ipywidgets as w
from traitlets import dlink, link

from csl_helpers.law.load import load_law
from csl_helpers.law.version_registry import version_ids, version_on
from csl_helpers.penalties.address import QUERY_KEYS, Selection
from csl_helpers.penalties.simulation import Outcome
from csl_helpers.views import i18n
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.i18n import N_, Translated
from csl_helpers.views.input_guard import InputGuard
from csl_helpers.views.markup import version_banner_html
from csl_helpers.views.page_address import AddressKeeper, PageAddress
from csl_helpers.views.penalties.markup import (
    STYLE,
    applicable_html,
    law_text_html,
    outcome_html,
    tier_help_html,
)
from csl_helpers.views.penalties.menus import bind_refusing
from csl_helpers.views.penalties.plots import (
    CONFIG,
    EMPHASIS,
    chosen_traces,
    fines_chart,
    versions_side_by_side,
)
from csl_helpers.views.penalties.state import CHOICES, DATES, Result, SimulatorModel
from csl_helpers.views.plotly_chart import PlotlyChart

__all__ = [
    "DATES",
    "QUERY_KEYS",
    "STYLE",
    "PenaltySimulator",
    "applicable_html",
    "outcome_html",
    "penalty_simulator",
]
WIDE = {"layout": {"width": "100%", "max_width": "60em"}}
INITIAL = {"style": {"description_width": "initial"}}
ROW = {"flex_flow": "row wrap", "align_items": "center"}
SET_BY_VISITOR = (
    *(c for c in CHOICES if c not in ("illegal_gains", "procurement_amount")),
    "gains_text",
    "procurement_text",
)
"""The model's traits a visitor sets through the controls (amounts as typed)."""
FIELDS = {"conduct_date": "dates", "decision_date": "dates"}
"""The note beside which a field's problem is told (an amount has a note of its own)."""


def _shown_if(flag: bool) -> str | None:
    return None if flag else "none"


class PenaltySimulator(Translated):
    """The simulator's widgets over its model; ``PenaltySimulator().widget`` is what a page shows.

    Args:
        selection: the clause to open first (default: the first of the text in force today).
        lang: the interface's language, ``"en"`` or ``"zh"`` (the page can switch it).
    """

    def __init__(self, selection: Selection | None = None, lang: str = "en") -> None:
        self.model = SimulatorModel(selection, i18n.check_ui_lang(lang))
        self._make_controls()
        self._make_displays()
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
                self.intro,
                self.ui_lang,
                self.banner,
                self.guard.message,
                self.mode,
                self.dates,
                self.notes["dates"],
                self.subject,
                self.conduct,
                self.tier,
                self.tier_help,
                w.HBox([self.gains, self.notes["illegal_gains"]], layout=ROW),
                w.HBox([self.procurement, self.notes["procurement_amount"]], layout=ROW),
                self.status,
                self.applicable,
                self.outcome,
                self.show_text,
                self.text,
                self.charts,
                self.page,
            ]
        )
        self.widget.add_class("csl-dashboard-root")
        self._link()
        self.guard.watch(self.widget)
        self.labels = i18n.StaticLabels(self.widget)
        self._show_result(self.model.result)
        self._chosen = False  # whether the visitor has changed a control yet
        self.model.observe(self._on_choice, list(SET_BY_VISITOR))
        if self.model.lang != "en":
            self._show_lang()

    def _make_controls(self) -> None:
        m = self.model
        self.mode = ChoiceButtons(
            options=self._mode_options(),
            value=m.mode,
            description=N_("Law"),
        )
        self.ui_lang = i18n.lang_switch(m)
        self.intro = w.HTML()
        self.conduct_date = w.DatePicker(description=N_("Act on"), value=m.conduct_date)
        self.decision_date = w.DatePicker(description=N_("Decision on"), value=m.decision_date)
        self.dates = w.HBox([self.conduct_date, self.decision_date])
        self.subject = w.Dropdown(description=N_("Who acted"), **WIDE)
        self.conduct = w.Dropdown(description=N_("What they did"), **WIDE)
        self.tier = ChoiceButtons(description=N_("Circumstances"))
        self.gains = w.Text(
            value=m.gains_text,
            description=N_("Illegal gains (yuan)"),
            placeholder=N_("whole yuan, 0 if none"),
            continuous_update=False,
            **INITIAL,
        )
        self.procurement = w.Text(
            value=m.procurement_text,
            description=N_("Procurement amount (yuan)"),
            placeholder=N_("needed: whole yuan"),
            continuous_update=False,
            **INITIAL,
        )
        self.show_text = w.ToggleButton(value=False, description=N_("Show the text of the Law"))

    def _mode_options(self) -> list[tuple[str, str]]:
        label = self._("{version} text")
        return [(label.format(version=v), v) for v in version_ids()] + [(self._("By dates"), DATES)]

    def _make_displays(self) -> None:
        self.tier_help = w.HTML()
        self.status = w.HTML()
        self.applicable = w.HTML()
        self.outcome = w.HTML()
        self.text = w.HTML()
        # Drawn by plotly.js once the page has shown the controls (see PlotlyChart).
        self.fines_chart = PlotlyChart(config=CONFIG, emphasis=EMPHASIS)
        self.versions_chart = PlotlyChart(config=CONFIG)
        self.charts = w.VBox([self.fines_chart, self.versions_chart])
        self.banner = w.HTML()
        self.notes = {name: w.HTML() for name in ("dates", "illegal_gains", "procurement_amount")}
        self.guard = InputGuard(lambda: self.model.lang)
        self.page = PageAddress()
        for widget, name in (
            (self.mode, "csl-pen-mode"),
            (self.subject, "csl-pen-subject"),
            (self.conduct, "csl-pen-conduct"),
            (self.tier, "csl-pen-tier"),
            (self.tier_help, "csl-pen-tier-help"),
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
            (self.notes["dates"], "csl-pen-dates-note"),
            (self.notes["illegal_gains"], "csl-pen-gains-note"),
            (self.notes["procurement_amount"], "csl-pen-procurement-note"),
        ):
            widget.add_class(name)

    def _link(self) -> None:
        """Tie each control to its trait of the model, and each display to what it shows."""
        m = self.model
        for widget, name in (
            (self.mode, "mode"),
            (self.conduct_date, "conduct_date"),
            (self.decision_date, "decision_date"),
            (self.gains, "gains_text"),
            (self.procurement, "procurement_text"),
            (self.show_text, "show_text"),
        ):
            link((widget, "value"), (m, name))
        self._menus = [
            bind_refusing(getattr(self, n), m, n) for n in ("subject", "conduct", "tier")
        ]
        dlink((m, "mode"), (self.dates.layout, "display"), lambda mode: _shown_if(mode == DATES))
        for widget, amount in (
            (self.gains, "illegal_gains"),
            (self.procurement, "procurement_amount"),
        ):
            dlink(
                (m, "needs"),
                (widget.layout, "display"),
                lambda needs, a=amount: _shown_if(a in needs),
            )
        self.address = AddressKeeper(m, self.page, self.banner, "clause", "csl-pen-error")
        m.observe(lambda change: self._show_result(change["new"]), "result")
        m.observe(lambda _: self._show_text(), ["outcome", "show_text"])
        m.observe(lambda _: self._show_lang(), "lang")
        m.observe(lambda _: self._show_tier(), ["version", "conduct", "tier", "tier_note"])
        self._show_tier()

    # the model's state ------------------------------------------------------------------------
    @property
    def version(self) -> str:
        """The text whose clauses the menus offer: the chosen one, or the one at the act."""
        return self.model.version

    def open(self, selection: Selection) -> None:
        """Show the clause ``selection`` names."""
        self.model.open(selection)

    def _on_choice(self, _change: dict) -> None:
        self._chosen = True

    def open_query(self, query: str, *, late: bool = False) -> None:
        """Open what a page's address names; for a bad address, say what was wrong instead.

        The address's ``lang`` (``en`` or ``zh``) sets the interface's language; another value
        is told on the page, which shows English. ``late``: the query may come after the page
        is in use (a preheated kernel learns it when its page is requested, and a kernel still
        starting when taken, later still): a choice the visitor has made by then is kept, not
        overridden by the address; only its language is taken.
        """
        query, problem = i18n.with_lang_read(self.model, query)
        if late and self._chosen:
            self.model.lang = i18n.lang_from_query(query)[0] or self.model.lang
        else:
            self.address.open(query)
        if problem:
            self.banner.value = f'<p class="csl-pen-error">{escape(problem)}</p>{self.banner.value}'

    # output -----------------------------------------------------------------------------------
    def _show_result(self, result: Result | None) -> None:
        """Show the outcome worked out, or a clear message for bad input.

        A problem with a field is told beside it; while there is no outcome for the fields as
        they are, the last one is cleared (with its reasoning and charts), never left standing.
        """
        if result is None:
            return
        said: dict[str, list[str]] = {}
        for field, sentence in result.problems:
            said.setdefault(FIELDS.get(field, field), []).append(sentence)
        for name, note in self.notes.items():
            note.value = "".join(
                f'<span class="csl-pen-error">{escape(s)}</span> ' for s in said.get(name, ())
            )
        told = " ".join(sentence for _, sentence in result.problems)
        error = result.error if result.error != told else ""
        self.status.value = f'<p class="csl-pen-error">{escape(error)}</p>' if error else ""
        if result.outcome is None:
            self.applicable.value = ""
            sketch = result.sketch if result.awaiting else None
            self.outcome.value = (
                "" if sketch is None else outcome_html(sketch, result.awaiting, self.model.lang)
            )
            self._draw(None)
            return
        ui = self.model.lang
        self.applicable.value = (
            "" if result.applicable is None else applicable_html(result.applicable, ui, note=False)
        )
        # Which text the outcome comes from, and whether it is still the law (2016 mode too).
        banner = version_banner_html(
            load_law(result.outcome.version), version_on(date.today()).id, ui=ui
        )
        self.outcome.value = banner + outcome_html(
            result.outcome, ui=ui, note=False
        )  # banner says it
        self._draw(result)

    def _show_tier(self) -> None:
        """Beside the tier buttons: the chosen tier's full words, and what a change of text did."""
        m = self.model
        self.tier_help.value = tier_help_html(m.version, m.conduct, m.tier, m.tier_note, m.lang)

    def _show_text(self) -> None:
        outcome = self.model.outcome
        shown = self.model.show_text and outcome is not None
        self.text.value = law_text_html(outcome) if shown else ""

    def _draw(self, result: Result | None) -> None:
        """Bring the charts in line with the result.

        Only the highlight moves when the clause or tier changed (the fines chart is kept per
        version, amounts and language); a figure is sent when one of those or the pair did.
        """
        if result is None or result.outcome is None:
            self.fines_chart.figure = {}
            self.versions_chart.figure = {}
            return
        outcome, ui = result.outcome, self.model.lang
        chart = fines_chart(outcome.version, result.illegal_gains, result.procurement_amount, ui)
        with self.fines_chart.hold_sync():
            self.fines_chart.figure = chart.figure
            self.fines_chart.highlight = chosen_traces(chart, outcome)
        self.versions_chart.figure = _pairs_figure(result.pairs, ui) if result.pairs else {}

    def prepare_languages(self) -> None:
        """Build the charts of the result shown in every interface language, ahead of a page.

        A preheated kernel does this while it waits for its page (:mod:`csl_helpers.dashboards`):
        a page that asks for another language than the one the kernel ran in is then re-worded
        from charts already built, and shows as soon as a page in the kernel's own language.
        """
        prepare_charts(self.model.result)

    def _show_lang(self) -> None:
        """Word the whole page in the model's language: labels, menus, outcome and charts."""
        self._show_words("penalty_simulator", {self.mode: self._mode_options})
        for menu in self._menus:  # the model's options, never the ones noted at build time
            menu.refresh()
        self._show_tier()
        self._show_result(self.model.result)


def prepare_charts(result: Result | None) -> None:
    """Build and keep the charts of ``result`` in every interface language (none if no outcome)."""
    if result is None or result.outcome is None:
        return
    for ui in i18n.UI_LANGS:
        fines_chart(result.outcome.version, result.illegal_gains, result.procurement_amount, ui)
        if result.pairs:
            _pairs_figure(result.pairs, ui)


@lru_cache(maxsize=64)
def _pairs_figure(pairs: tuple[tuple[Outcome, Outcome], ...], ui: str = "en") -> dict:
    """The comparison chart of ``pairs`` in ``ui`` as plotly's JSON, built once per pair."""
    return json.loads(versions_side_by_side(list(pairs), ui).to_json())


def penalty_simulator(query: str = "", lang: str = "en") -> w.Widget:
    """The simulator widget, opened on the clause a URL query names (default: the first).

    A bad query opens the default clause with a message that says what was wrong. ``lang`` is
    the interface's language (``"en"`` or ``"zh"``); a query's ``lang`` overrides it.
    """
    simulator = PenaltySimulator(lang=lang)
    simulator.open_query(query)
    return simulator.widget
