"""Plotly charts of the Law as data: sizes, duties, penalty tiers, ceilings, references."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from csl_helpers.law.links import article_links
from csl_helpers.law.load import load_law
from csl_helpers.law.numerals import to_cn
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons.statistics import chapter_sizes, duties_per_subject, tiers_per_severity
from csl_helpers.penalties.amounts import figure
from csl_helpers.penalties.ceilings import ceiling_pairs
from csl_helpers.penalties.model import term
from csl_helpers.translation import N_, gettext_for
from csl_helpers.views.chart_axes import decade_axis

KIND_COLOURS = {"cites": "#8aa4c8", "borrows_penalty": "#c0504d"}
KIND_NAMES = {"cites": N_("cites"), "borrows_penalty": N_("borrows penalty")}
MEASURES = {
    "articles": N_("articles per chapter"),
    "words_en": N_("words en per chapter"),
    "characters_zh": N_("characters zh per chapter"),
}
"""The charts' words, translated into the interface's language (``ui``: ``"en"`` or ``"zh"``)."""


def chapter_label(number: int, title: str, ui: str = "en") -> str:
    """A chapter as a chart names it: ``Ch. 1 General Provisions``, or ``第一章 总则``.

    In Chinese as the Law heads it: the number in Chinese numerals, the Chinese title.
    """
    _ = gettext_for(ui)
    return _("Ch. {number} {title}").format(
        number=to_cn(number) if ui == "zh" else number, title=title
    )


def chapter_sizes_chart(measure: str = "articles", ui: str = "en") -> go.Figure:
    """Articles (or ``words_en`` / ``characters_zh``) per chapter, one bar per version."""
    valid = ("articles", "words_en", "characters_zh")
    if measure not in valid:
        raise ValueError(f"measure must be one of {', '.join(valid)}, not {measure!r}")
    _ = gettext_for(ui)
    fig = go.Figure()
    for v in version_ids():
        sizes = chapter_sizes(v)
        fig.add_bar(
            name=_("{version} text").format(version=v),
            x=[chapter_label(s.chapter, s.title_zh if ui == "zh" else s.title, ui) for s in sizes],
            y=[getattr(s, measure) for s in sizes],
        )
    fig.update_layout(title=_(MEASURES[measure]), barmode="group")
    return fig


def duties_chart(ui: str = "en") -> go.Figure:
    """Duties per subject in each version (``data/obligations.yaml``)."""
    _ = gettext_for(ui)
    fig = go.Figure()
    for v in version_ids():
        rows = duties_per_subject(v)
        fig.add_bar(
            name=_("{version} text").format(version=v),
            y=[s for s, _n in rows],
            x=[n for _s, n in rows],
            orientation="h",
        )
    fig.update_layout(
        title=_("Duties per subject"), barmode="group", yaxis={"autorange": "reversed"}
    )
    return fig


def severity_chart(ui: str = "en") -> go.Figure:
    """How many conducts of Chapter 6 reach each tier of severity, per version."""
    _ = gettext_for(ui)
    fig = go.Figure()
    for v in version_ids():
        rows = tiers_per_severity(v)
        fig.add_bar(
            name=_("{version} text").format(version=v),
            x=[term("tiers", t).label(ui) for t, _n in rows],
            y=[n for _t, n in rows],
        )
    fig.update_layout(title=_("Penalty tiers offered by Chapter 6"), barmode="group")
    return fig


def ceilings_chart(on: str = "offender", ui: str = "en") -> go.Figure:
    """The highest fine each penalty article fixes in yuan, before and after 2025.

    ``on`` is ``"offender"`` or ``"person"`` (the people responsible). Articles with no fine
    fixed in yuan are left out; the y axis is logarithmic.
    """
    if on not in ("offender", "person"):
        raise ValueError(f"on must be 'offender' or 'person', not {on!r}")
    _ = gettext_for(ui)
    pairs = [p for p in ceiling_pairs() if any(getattr(p, f"{on}_{v}") for v in version_ids())]
    fig = go.Figure()
    for v in version_ids():
        fig.add_bar(
            name=_("{version} text").format(version=v),
            x=[p.label(ui) for p in pairs],
            y=[getattr(p, f"{on}_{v}") for p in pairs],
            text=[figure(y, ui) if y else "" for y in (getattr(p, f"{on}_{v}") for p in pairs)],
            textposition="none",
            hovertemplate="%{x}<br>%{text} " + _("yuan") + "<extra>" + v + "</extra>",
        )
    title = (
        _("Highest fine fixed in yuan on the offender, per penalty article")
        if on == "offender"
        else _("Highest fine fixed in yuan on the people responsible, per penalty article")
    )
    values = [getattr(p, f"{on}_{v}") for p in pairs for v in version_ids()]
    fig.update_layout(
        title=title,
        barmode="group",
        yaxis={**decade_axis(values, ui), "title": _("yuan")},
    )
    return fig


def reference_network(version: str, ui: str = "en") -> go.Figure:
    """The articles of ``version`` on a circle, grouped by chapter, with their references."""
    _ = gettext_for(ui)
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
            name=_(KIND_NAMES[kind]),
        )
    for ch in law.chapters:
        fig.add_scatter(
            x=[pos[a.number][0] for a in ch.articles],
            y=[pos[a.number][1] for a in ch.articles],
            mode="markers",
            name=chapter_label(ch.number, ch.title(ui), ui),
            text=[a.citation(ui) for a in ch.articles],
            hoverinfo="text",
            marker={"size": 8},
        )
    fig.update_layout(
        title=_("Cross-references in the {version} text").format(version=version),
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        height=600,
    )
    return fig
