"""How the charts' log axes count yuan and where their rows are named, in either language.

A log axis of yuan is labelled at its decades, written as the reader's language writes
numbers: 1万 / 10万 / 100万 / 1亿 in Chinese (plotly's own 10k / 100k / 1M otherwise), by
:func:`decade_axis`. A chart of one row per clause names each row above its line
(:func:`name_rows_above`) rather than beside it: a clause's name and its tier's words beside the
line left about 70 px of plot on a 390 px phone, and cut the names at the left.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

import plotly.graph_objects as go

ZH_UNITS = ((8, "亿"), (4, "万"))
"""The powers of ten Chinese counts in (亿 = 10⁸, 万 = 10⁴), largest first."""
EN_UNITS = ((9, "B"), (6, "M"), (3, "k"))
EDGE = 0.1
"""How far (in powers of ten) a log axis runs past its first and last decade."""


def decade_label(power: int, ui: str = "en") -> str:
    """The label of 10 ** ``power`` on a log axis of yuan, as ``ui`` writes the number.

    >>> [decade_label(p, "zh") for p in (0, 3, 4, 5, 6, 8, 9)]
    ['1', '1000', '1万', '10万', '100万', '1亿', '10亿']
    >>> [decade_label(p) for p in (0, 3, 5, 6)]
    ['1', '1k', '100k', '1M']
    """
    for unit_power, unit in ZH_UNITS if ui == "zh" else EN_UNITS:
        if power >= unit_power:
            return f"{10 ** (power - unit_power)}{unit}"
    return str(10**power)


def decade_axis(values: Iterable[float | None], ui: str = "en") -> dict:
    """A log axis spanning the decades of ``values``, each decade labelled in ``ui``.

    Returns plotly axis settings: ``type``, ``range`` (in powers of ten, from the decade below
    the least value to the one above the greatest, and :data:`EDGE` more), ``tickvals`` and
    ``ticktext``.

    >>> axis = decade_axis([50_000, 2_000_000], "zh")
    >>> axis["range"], axis["ticktext"]
    ([3.9, 7.1], ['1万', '10万', '100万', '1000万'])
    """
    shown = [v for v in values if v is not None and v > 0]
    low = math.floor(math.log10(min(shown))) if shown else 0
    high = max(low + 1, math.ceil(math.log10(max(shown)))) if shown else 1
    powers = range(low, high + 1)
    return {
        "type": "log",
        "range": [low - EDGE, high + EDGE],  # a decade's label at an end would be left out
        "tickvals": [10**p for p in powers],
        "ticktext": [decade_label(p, ui) for p in powers],
    }


def traced_values(fig: go.Figure) -> list[float]:
    """Every x value the figure's traces draw (the values a yuan axis must span)."""
    return [x for trace in fig.data for x in (trace.x or ()) if isinstance(x, int | float)]


def name_rows_above(fig: go.Figure, rows: Sequence[str], size: int = 14) -> int:
    """Name each row of a chart of rows (a category y axis, ``rows`` from the top) above its line.

    Each name is its row's label on the y axis, drawn inside the plot from its left edge and
    just above the row's line, on as many lines as a phone's width needs (:func:`wrapped`): the
    plot keeps the chart's whole width. Labels, not annotations: 40 annotations cost each
    restyle of the chart (the chosen clause highlighted) 20 ms more. Returns the height in
    pixels a row needs (its longest name and its line).
    """
    names = [wrapped(row) for row in rows]
    most = max((len(lines) for lines in names), default=1)
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=list(rows)[::-1],
        tickmode="array",
        tickvals=list(rows),
        # every name as many lines high, its last line just above its row's line
        ticktext=["<br>" * (most - len(lines)) + "<br>".join(lines) for lines in names],
        ticklabelposition="inside top",
        ticklabelshift=-round((most - 1) * size * 1.3),
        ticks="",
        tickfont={"size": size},
        range=[-0.7, len(rows) - 0.1],
    )
    return round(most * size * 1.3) + 18


PHONE_LINE = 22
"""The widest line of a row's name, in Chinese characters (a Latin letter counts as about
half): a chart's width on a 390 px phone at the charts' font size."""


def _width(text: str) -> float:
    return sum(0.55 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def wrapped(name: str) -> list[str]:
    """The lines of a row's name, none wider than :data:`PHONE_LINE` where it can be helped.

    A name too wide is broken at its " · ", and each part still too wide at its spaces
    (English) or between its characters (Chinese).

    >>> wrapped("第六十三条 · 情节严重")
    ['第六十三条 · 情节严重']
    >>> wrapped("第六十一条第一款 · 不履行本法规定的网络安全保护义务的")
    ['第六十一条第一款 ·', '不履行本法规定的网络安全保护义务的']
    >>> wrapped("Article 61(1) · refuses to correct or causes harm to network security")
    ['Article 61(1) ·', 'refuses to correct or causes harm to', 'network security']
    """
    if _width(name) <= PHONE_LINE:
        return [name]
    head, sep, tail = name.partition(" · ")
    parts = [f"{head} ·", tail] if sep else [name]
    lines: list[str] = []
    for part in parts:
        tokens = re.findall(r"\S+\s*", part) if " " in part else list(part)
        line = ""
        for token in tokens:
            if line and _width(line + token.rstrip()) > PHONE_LINE:
                lines.append(line.rstrip())
                line = token
            else:
                line += token
        lines.append(line.rstrip())
    return lines
