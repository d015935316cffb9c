"""Plotly charts of the Law as data: sizes, duties, penalty tiers, ceilings, references."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from csl_helpers.law.links import article_links
from csl_helpers.law.load import load_law, version_ids
from csl_helpers.lessons.statistics import chapter_sizes, duties_per_subject, tiers_per_severity
from csl_helpers.penalties.ceilings import ceiling_pairs

KIND_COLOURS = {"cites": "#8aa4c8", "borrows_penalty": "#c0504d"}


def chapter_sizes_chart(measure: str = "articles") -> go.Figure:
    """Articles (or ``words_en`` / ``characters_zh``) per chapter, one bar per version."""
    valid = ("articles", "words_en", "characters_zh")
    if measure not in valid:
        raise ValueError(f"measure must be one of {', '.join(valid)}, not {measure!r}")
    fig = go.Figure()
    for v in version_ids():
        sizes = chapter_sizes(v)
        fig.add_bar(
            name=f"{v} text",
            x=[f"Ch. {s.chapter} {s.title}" for s in sizes],
            y=[getattr(s, measure) for s in sizes],
        )
    fig.update_layout(title=f"{measure.replace('_', ' ')} per chapter", barmode="group")
    return fig


def duties_chart() -> go.Figure:
    """Duties per subject in each version (``data/obligations.yaml``)."""
    fig = go.Figure()
    for v in version_ids():
        rows = duties_per_subject(v)
        fig.add_bar(
            name=f"{v} text", y=[s for s, _ in rows], x=[n for _, n in rows], orientation="h"
        )
    fig.update_layout(title="Duties per subject", barmode="group", yaxis={"autorange": "reversed"})
    return fig


def severity_chart() -> go.Figure:
    """How many conducts of Chapter 6 reach each tier of severity, per version."""
    fig = go.Figure()
    for v in version_ids():
        rows = tiers_per_severity(v)
        fig.add_bar(
            name=f"{v} text", x=[t.replace("_", " ") for t, _ in rows], y=[n for _, n in rows]
        )
    fig.update_layout(title="Penalty tiers offered by Chapter 6", barmode="group")
    return fig


def ceilings_chart(on: str = "offender") -> go.Figure:
    """The highest fine each penalty article fixes in yuan, before and after 2025.

    ``on`` is ``"offender"`` or ``"person"`` (the people responsible). Articles with no fine
    fixed in yuan are left out; the y axis is logarithmic.
    """
    if on not in ("offender", "person"):
        raise ValueError(f"on must be 'offender' or 'person', not {on!r}")
    pairs = [p for p in ceiling_pairs() if any(getattr(p, f"{on}_{v}") for v in version_ids())]
    fig = go.Figure()
    for v in version_ids():
        fig.add_bar(
            name=f"{v} text",
            x=[p.label() for p in pairs],
            y=[getattr(p, f"{on}_{v}") for p in pairs],
            hovertemplate="%{x}<br>%{y:,} yuan<extra>" + v + "</extra>",
        )
    who = "the offender" if on == "offender" else "the people responsible"
    fig.update_layout(
        title=f"Highest fine fixed in yuan on {who}, per penalty article",
        barmode="group",
        yaxis={"type": "log", "title": "yuan"},
    )
    return fig


def reference_network(version: str) -> go.Figure:
    """The articles of ``version`` on a circle, grouped by chapter, with their references."""
    law = load_law(version)
    n = len(law.articles)
    pos = {
        a.number: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n))
        for i, a in enumerate(law.articles)
    }
    fig = go.Figure()
    for kind, colour in KIND_COLOURS.items():
        xs: list[float | None] = []
        ys: list[float | None] = []
        for link in article_links(version):
            if link.kind != kind:
                continue
            (x0, y0), (x1, y1) = pos[link.source], pos[link.target]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": colour, "width": 1},
            name=kind.replace("_", " "),
        )
    for ch in law.chapters:
        fig.add_scatter(
            x=[pos[a.number][0] for a in ch.articles],
            y=[pos[a.number][1] for a in ch.articles],
            mode="markers",
            name=f"Ch. {ch.number} {ch.title('en')}",
            text=[a.citation() for a in ch.articles],
            hoverinfo="text",
            marker={"size": 8},
        )
    fig.update_layout(
        title=f"Cross-references in the {version} text",
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        height=600,
    )
    return fig
