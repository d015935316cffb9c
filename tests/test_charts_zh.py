"""The penalty charts in Chinese: yuan counted as Chinese counts it, rows named above lines."""

from __future__ import annotations

import re

import pytest

from csl_helpers.views.chart_axes import decade_axis, decade_label
from csl_helpers.views.penalties.plots import fines_chart

CHINESE_DECADE = re.compile(r"^(1|10|100|1000)(万|亿)?$")


def ems(text: str) -> float:
    """A line's width in Chinese characters (a Latin letter or digit about half of one)."""
    return sum(0.55 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def test_a_chinese_yuan_axis_counts_in_wan_and_yi():
    assert [decade_label(p, "zh") for p in range(0, 10)] == [
        "1", "10", "100", "1000", "1万", "10万", "100万", "1000万", "1亿", "10亿",
    ]  # fmt: skip
    assert decade_label(5, "en") == "100k" and decade_label(6, "en") == "1M"


@pytest.mark.parametrize("version", ["2016", "2025"])
def test_the_fines_chart_in_chinese_labels_its_decades_in_wan(version):
    axis = fines_chart(version, 0, None, "zh").figure["layout"]["xaxis"]
    assert axis["ticktext"] and all(CHINESE_DECADE.match(t) for t in axis["ticktext"]), axis
    assert "10万" in axis["ticktext"] and "100万" in axis["ticktext"]
    low, high = axis["range"]  # every decade labelled lies inside the axis, not at an end
    assert all(low < p < high for p in (len(str(v)) - 1 for v in axis["tickvals"]))
    english = fines_chart(version, 0, None, "en").figure["layout"]["xaxis"]["ticktext"]
    assert "100k" in english and "1M" in english


@pytest.mark.parametrize("ui", ["zh", "en"])
def test_the_fines_chart_names_each_row_above_its_line(ui):
    chart = fines_chart("2025", 0, None, ui)
    axis = chart.figure["layout"]["yaxis"]
    assert axis["ticklabelposition"] == "inside top"  # inside the plot: it keeps its width
    assert axis["tickvals"] == axis["categoryarray"][::-1] and len(axis["tickvals"]) == len(
        chart.rows
    )
    for row, name in zip(axis["tickvals"], axis["ticktext"], strict=True):
        assert re.sub(r"\s|<br>", "", name) == re.sub(r"\s", "", row)
        widest = max(map(ems, name.split("<br>")))
        assert widest <= 26, name  # a 390 px phone's chart at the chart's font
    lines = {name.count("<br>") for name in axis["ticktext"]}
    assert len(lines) == 1  # as many lines each: the last stands just above its row's line


def test_axis_range_spans_every_value():
    axis = decade_axis([1, 20_000_000], "zh")
    assert axis["tickvals"][0] == 1 and axis["tickvals"][-1] == 100_000_000


@pytest.mark.parametrize("on", ["offender", "person"])
def test_the_ceilings_chart_in_chinese_counts_in_wan(on):
    from csl_helpers.views.law.plots import ceilings_chart

    axis = ceilings_chart(on, ui="zh").layout.yaxis
    assert axis.ticktext and all(CHINESE_DECADE.match(t) for t in axis.ticktext), axis
    assert "100万" in axis.ticktext
