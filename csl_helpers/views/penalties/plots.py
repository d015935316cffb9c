"""Plotly figures of the penalties of Chapter 6: one outcome among all, and 2016 against 2025."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import plotly.graph_objects as go

from csl_helpers.law.version_registry import version_ids
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.clauses import tier_name
from csl_helpers.penalties.model import Range
from csl_helpers.penalties.outcome import persons_named
from csl_helpers.penalties.simulation import Outcome, conducts, simulate
from csl_helpers.translation import N_, gettext_for
from csl_helpers.views.chart_axes import decade_axis, name_rows_above, traced_values

OFFENDER = "#3366cc"
PERSONS = "#dc7633"
HIGHLIGHT = "#c0392b"
WHO = {
    "offender": N_("offender"),
    "people responsible": N_("people responsible"),
    "people": N_("people"),
}
"""Whom a fine falls on, as the charts name it."""


def _points(r: Range, ui: str = "en") -> tuple[list[int], str]:
    """The x values to draw for a range: both ends, or the maximum alone without a minimum."""
    if r.low is None:
        _ = gettext_for(ui)
        return [r.high], _("no minimum")
    return [r.low, r.high], ""


def _range_trace(r: Range, y: str, *, hover: str = "", ui: str = "en", **style) -> go.Scatter:
    """A fine range as a line from its minimum to its maximum on row ``y``, both ends marked.

    ``hover`` goes before the range's label in the hover text; ``style`` is passed to plotly.
    """
    xs, note = _points(r, ui)
    return go.Scatter(
        x=xs,
        y=[y] * len(xs),
        mode="lines+markers",
        hovertemplate=f"{hover}{r.label('yuan', ui)} {note}<extra></extra>",
        **style,
    )


@lru_cache(maxsize=64)
def fined_outcomes(
    version: str, illegal_gains: int = 0, procurement_amount: int | None = None
) -> tuple[Outcome, ...]:
    """Every tier of every conduct of ``version`` that fines someone, for the amounts given.

    The one place the charts call :func:`simulate`; a fine that is a multiple of an amount
    not given is left out. Kept for the amounts last asked, so a click redraws at once.
    """
    rows = []
    for c in conducts(version):
        for tier in c.tiers:
            try:
                o = simulate(version, c, Circumstances(tier, illegal_gains, procurement_amount))
            except ValueError:
                continue  # a multiple of an amount that was not given
            if o.fine is not None or o.person_fine is not None:
                rows.append(o)
    return tuple(rows)


def _add_ranges(
    fig: go.Figure,
    rows: tuple[Outcome, ...],
    labels: list[str],
    mine: Outcome | None,
    ui: str = "en",
) -> list[int]:
    """A line per fine of each row, the rows of ``mine`` highlighted (none when ``None``).

    Returns the row each trace added draws, in the order of the traces.
    """
    _ = gettext_for(ui)
    drawn = []
    for row, (label, o) in enumerate(zip(labels, rows, strict=True)):
        chosen = mine is not None and _same_row(o, mine)
        for r, colour, who, dash in (
            (o.fine, OFFENDER, "offender", "solid"),
            (o.person_fine, PERSONS, "people responsible", "dot"),
        ):
            if r is None:
                continue
            fig.add_trace(
                _range_trace(
                    r,
                    label,
                    hover=f"{o.citation(ui)} ({_who(o, who, ui)}): ",
                    ui=ui,
                    line={
                        "color": HIGHLIGHT if chosen else colour,
                        "width": 6 if chosen else 2,
                        "dash": dash,
                    },
                    marker={"size": 8, "color": HIGHLIGHT if chosen else colour},
                    name=_(WHO[who]),
                    legendgroup=who,
                    showlegend=False,
                )
            )
            drawn.append(row)
    return drawn


def _who(o: Outcome, who: str, ui: str) -> str:
    """Whom a line's fine falls on: for people, as the clause names them (直接负责的主管人员…)."""
    if who == "offender" or not o.persons:
        return gettext_for(ui)(WHO[who])
    return persons_named(o.persons, ui)


def _tier(o: Outcome, ui: str) -> str:
    """The outcome's tier as its clause names it (the Law's words in Chinese)."""
    return tier_name(o.version, o.provision, o.tier, ui)


def _same_row(o: Outcome, mine: Outcome) -> bool:
    return o.provision == mine.provision and o.tier == mine.tier


EMPHASIS = {"line.color": HIGHLIGHT, "line.width": 6, "marker.color": HIGHLIGHT}
"""How the chosen clause's lines stand out among all: a restyle of those traces alone, of
properties plotly redraws without working the chart out again (a marker's size would be)."""


@dataclass(frozen=True)
class FinesChart:
    """:func:`fines_among_all` with no line highlighted, as plotly's JSON.

    For one version and the amounts given; ``trace_rows`` says which row of ``rows`` each trace
    draws, so the chosen clause is highlighted by restyling its traces (:func:`chosen_traces`).
    """

    figure: dict
    rows: tuple[Outcome, ...]
    trace_rows: tuple[int, ...]


@lru_cache(maxsize=16)
def fines_chart(
    version: str, illegal_gains: int = 0, procurement_amount: int | None = None, ui: str = "en"
) -> FinesChart:
    """The chart of every fine of ``version`` for these amounts, in ``ui``, built once and kept."""
    fig, rows, drawn = _fines_figure(version, illegal_gains, procurement_amount, None, ui)
    return FinesChart(json.loads(fig.to_json()), rows, tuple(drawn))


def chosen_traces(chart: FinesChart, outcome: Outcome) -> list[int]:
    """The traces of ``chart`` that draw ``outcome``'s clause and tier."""
    return [i for i, row in enumerate(chart.trace_rows) if _same_row(chart.rows[row], outcome)]


def fines_among_all(
    outcome: Outcome,
    *,
    illegal_gains: int = 0,
    procurement_amount: int | None = None,
    ui: str = "en",
) -> go.Figure:
    """Every fined tier of the outcome's version on a log scale, the outcome highlighted.

    Fines that are a multiple of an amount use the amounts given; those that need a
    procurement amount are left out when none is given. Each line runs from the minimum to
    the maximum (both included); a lone marker is a maximum with no minimum.
    """
    return _fines_figure(outcome.version, illegal_gains, procurement_amount, outcome, ui)[0]


def _fines_figure(
    version: str,
    illegal_gains: int,
    procurement_amount: int | None,
    mine: Outcome | None,
    ui: str = "en",
) -> tuple[go.Figure, tuple[Outcome, ...], list[int]]:
    _ = gettext_for(ui)
    fig = go.Figure()
    rows = fined_outcomes(version, illegal_gains, procurement_amount)
    labels = [f"{o.provision.citation(ui, o.version)} · {_tier(o, ui)}" for o in rows]
    drawn = _add_ranges(fig, rows, labels, mine, ui)
    for name, colour, dash in (
        (_("fine on the offender"), OFFENDER, "solid"),
        (_("fine on the people responsible"), PERSONS, "dot"),
    ):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                line={"color": colour, "dash": dash},
                name=name,
            )
        )
    axis = decade_axis(traced_values(fig), ui)
    fig.update_xaxes(**axis, title=_(AXIS_TITLE), automargin=True)
    fig.update_yaxes(title=None)
    row_height = name_rows_above(fig, labels)
    fig.update_layout(
        title=_("Among all fines of the {version} text").format(version=version),
        height=max(320, row_height * len(rows) + 160),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.04},
        font=FONT,
    )
    return fig, rows, drawn


def versions_side_by_side(pairs: list[tuple[Outcome, Outcome]], ui: str = "en") -> go.Figure:
    """The same conduct under the 2016 and the 2025 text: fines on offender and people.

    ``pairs`` holds (old, new) outcomes, e.g. from
    :func:`csl_helpers.penalties.version_rule.applicable_law` comparisons. A clause that refers the
    conduct to other laws, or punishes it without a fine, shows no bar: the Law gives no
    figure, and the chart says so on that version's row ("<version>: no fine").
    """
    _ = gettext_for(ui)
    old_id, new_id = (pairs[0][0].version, pairs[0][1].version) if pairs else _first_and_last()
    fig = go.Figure()
    unfined = []
    for old, new in pairs:
        for o in (old, new):
            label = f"{o.version}: {o.citation(ui)} · {_tier(o, ui)}"
            if o.fine is None and o.person_fine is None:
                unfined.append((o, label))
            for r, colour, who in (
                (o.fine, OFFENDER, "offender"),
                (o.person_fine, PERSONS, "people"),
            ):
                if r is None:
                    continue
                fig.add_trace(
                    _range_trace(
                        r,
                        f"{label} ({_(WHO[who])})",
                        ui=ui,
                        line={"color": colour, "width": 6},
                        showlegend=False,
                    )
                )
    _add_no_fine(fig, unfined, ui)
    axis = decade_axis(traced_values(fig), ui)
    fig.update_xaxes(**axis, title=_(AXIS_TITLE), automargin=True)
    rows = list(dict.fromkeys(y for trace in fig.data for y in trace.y))
    row_height = name_rows_above(fig, rows)
    fig.update_layout(
        title=_("Same conduct, {old} and {new} texts").format(old=old_id, new=new_id),
        height=max(260, row_height * len(rows) + 170),
        margin={"l": 10, "r": 10, "t": 50, "b": 70},
        font=FONT,
    )
    return fig


def _add_no_fine(fig: go.Figure, unfined: list[tuple[Outcome, str]], ui: str = "en") -> None:
    """A row for each outcome without a fine, marked "<version>: no fine" where a bar would be.

    The marker stands at the smallest figure drawn (1 yuan when there is none), on the log axis.
    """
    _ = gettext_for(ui)
    lows = [x for trace in fig.data for x in trace.x if x]
    at = min(lows, default=1)
    for o, label in unfined:
        fig.add_trace(
            go.Scatter(
                x=[at],
                y=[label],
                mode="markers+text",
                marker={"symbol": "line-ns-open", "size": 12, "color": "#777"},
                text=[_("{version}: no fine").format(version=o.version)],
                textposition="bottom right",  # below the row's name
                hovertemplate=_("{citation}: the Law sets no fine here").format(
                    citation=o.citation(ui)
                )
                + "<extra></extra>",
                showlegend=False,
            )
        )


def _first_and_last() -> tuple[str, str]:
    ids = version_ids()
    return ids[0], ids[-1]


AXIS_TITLE = N_("yuan, log scale")
"""Short enough for a 390 px phone, as are the charts' titles (a range includes both ends)."""
FONT = {"size": 14}
"""Chart text readable from the back of a room (the log axis labels only its decades)."""
CONFIG = {"displayModeBar": False, "responsive": True}
"""How the page draws a chart: no toolbar (it covered the titles and added two dozen Tab stops),
and the width of its column."""
