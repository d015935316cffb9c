"""The simulator's charts on a 390 px phone in Chinese: a plot wide enough to read, nothing cut."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MEASURE = """() => [...document.querySelectorAll(".csl-pen-charts .js-plotly-plot")].map((g) => {
  const chart = g.getBoundingClientRect();
  const plot = g.querySelector(".nsewdrag").getBoundingClientRect();
  const texts = [...g.querySelectorAll(".ytick text, .g-xtitle text, .xtick text")]
    .map((t) => t.getBoundingClientRect())
    .filter((r) => r.width > 0);
  return {
    chart: [chart.left, chart.right],
    plot: plot.width,
    ticks: [...g.querySelectorAll(".xtick text")].map((t) => t.textContent),
    cut: texts.filter((r) => r.left < chart.left - 1 || r.right > chart.right + 1).length,
    texts: texts.length,
  };
})"""
"""Per chart of the simulator: its box, its plot's width, its tick labels, and how many of its
names, tick labels and axis title stick out of it."""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_charts_are_legible_on_a_phone(chromium, voila_url, lang):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(
            f"{voila_url}/voila/render/penalty_simulator.ipynb"
            f"?version=2025&article=61&paragraph=1&lang={lang}"
        )
        charts = page.locator(".csl-pen-charts .js-plotly-plot")
        expect(charts).to_have_count(2, timeout=90_000)
        expect(charts.first.locator(".ytick text").first).to_be_attached()
        for chart in page.evaluate(MEASURE):
            assert chart["plot"] >= 300, chart  # was about 70 px beside the Chinese names
            assert chart["texts"] > 0 and chart["cut"] == 0, chart
            if lang == "zh":
                assert any("万" in t for t in chart["ticks"]), chart
                assert not any(t.endswith(("k", "M")) for t in chart["ticks"]), chart
    finally:
        context.close()
