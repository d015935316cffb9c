"""The penalty simulator: pick who acted, what they did and the circumstances; see the outcome.

Every figure comes from :func:`csl_helpers.penalties.simulate` and every word of the Law
from ``data/``; all text shown is escaped. The state lives in
:class:`~csl_helpers.views.penalties.state.SimulatorModel`; this module draws it and links
the controls to it. The page's address (``?version=2025&article=61&paragraph=1``) opens a
clause (:func:`csl_helpers.penalties.address.selection_from`) and follows the model's state
(:class:`~csl_helpers.views.page_address.PageAddress`).
"""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as w
from traitlets import dlink, link

from csl_helpers.law.load import load_law, version_ids, version_on
from csl_helpers.penalties.address import QUERY_KEYS, Selection
from csl_helpers.views.binding import bind_choice
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.input_guard import InputGuard
from csl_helpers.views.markup import version_banner_html
from csl_helpers.views.page_address import AddressKeeper, PageAddress
from csl_helpers.views.penalties.markup import (
    STYLE,
    applicable_html,
    law_text_html,
    outcome_html,
)
from csl_helpers.views.penalties.plots import display_output, fines_among_all, versions_side_by_side
from csl_helpers.views.penalties.state import DATES, Result, SimulatorModel

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
FIELDS = {"conduct_date": "dates", "decision_date": "dates"}
"""The note beside which a field's problem is told (an amount has a note of its own)."""


def _shown_if(flag: bool) -> str | None:
    return None if flag else "none"


class PenaltySimulator:
    """The simulator's widgets over its model; ``PenaltySimulator().widget`` is what a page shows.

    Args:
        selection: the clause to open first (default: the first of the text in force today).
    """

    def __init__(self, selection: Selection | None = None) -> None:
        self.model = SimulatorModel(selection)
        self._make_controls()
        self._make_displays()
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
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
        self._show_result(self.model.result)

    def _make_controls(self) -> None:
        m = self.model
        self.mode = ChoiceButtons(
            options=[(f"{v} text", v) for v in version_ids()] + [("By dates", DATES)],
            value=m.mode,
            description="Law",
        )
        self.conduct_date = w.DatePicker(description="Act on", value=m.conduct_date)
        self.decision_date = w.DatePicker(description="Decision on", value=m.decision_date)
        self.dates = w.HBox([self.conduct_date, self.decision_date])
        self.subject = w.Dropdown(description="Who acted", **WIDE)
        self.conduct = w.Dropdown(description="What they did", **WIDE)
        self.tier = ChoiceButtons(description="Circumstances")
        self.gains = w.Text(
            value=m.gains_text,
            description="Illegal gains (yuan)",
            placeholder="whole yuan, 0 if none",
            continuous_update=False,
            **INITIAL,
        )
        self.procurement = w.Text(
            value=m.procurement_text,
            description="Procurement amount (yuan)",
            placeholder="needed: whole yuan",
            continuous_update=False,
            **INITIAL,
        )
        self.show_text = w.ToggleButton(value=False, description="Show the text of the Law")

    def _make_displays(self) -> None:
        self.tier_help = w.HTML()
        self.status = w.HTML()
        self.applicable = w.HTML()
        self.outcome = w.HTML()
        self.text = w.HTML()
        self.charts = w.Output()
        self.banner = w.HTML()
        self.notes = {name: w.HTML() for name in ("dates", "illegal_gains", "procurement_amount")}
        self.guard = InputGuard()
        self.page = PageAddress()
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
        for name in ("subject", "conduct", "tier"):
            bind_choice(getattr(self, name), m, name, f"{name}_choices")
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

    # the model's state ------------------------------------------------------------------------
    @property
    def version(self) -> str:
        """The text whose clauses the menus offer: the chosen one, or the one at the act."""
        return self.model.version

    def open(self, selection: Selection) -> None:
        """Show the clause ``selection`` names."""
        self.model.open(selection)

    def open_query(self, query: str) -> None:
        """Open the clause a URL query names; for a bad query, say what was wrong instead."""
        self.address.open(query)

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
            self.outcome.value = "" if sketch is None else outcome_html(sketch, result.awaiting)
            self.charts.outputs = ()
            return
        self.applicable.value = (
            "" if result.applicable is None else applicable_html(result.applicable)
        )
        # Which text the outcome comes from, and whether it is still the law (2016 mode too).
        banner = version_banner_html(load_law(result.outcome.version), version_on(date.today()).id)
        self.outcome.value = banner + outcome_html(result.outcome)
        self._draw(result)

    def _show_text(self) -> None:
        outcome = self.model.outcome
        shown = self.model.show_text and outcome is not None
        self.text.value = law_text_html(outcome) if shown else ""

    def _draw(self, result: Result) -> None:
        figures = [
            fines_among_all(
                result.outcome,
                illegal_gains=result.illegal_gains,
                procurement_amount=result.procurement_amount,
            )
        ]
        if result.pairs:
            figures.append(versions_side_by_side(list(result.pairs)))
        self.charts.outputs = tuple(display_output(fig) for fig in figures)


def penalty_simulator(query: str = "") -> w.Widget:
    """The simulator widget, opened on the clause a URL query names (default: the first).

    A bad query opens the default clause with a message that says what was wrong.
    """
    simulator = PenaltySimulator()
    simulator.open_query(query)
    return simulator.widget
