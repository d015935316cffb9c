"""The penalty simulator dashboard, served by Voila and driven in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from csl_helpers.law.model import Provision
from csl_helpers.penalties.clauses import tier_name
from csl_helpers.penalties.model import term
from csl_helpers.penalties.simulation import conducts, simulate

pytestmark = pytest.mark.browser
HARMLESS = ("r.setData is not a function",)
PAGE = "/voila/render/penalty_simulator.ipynb"


def option_label(version: str, article: int, paragraph: int = 1, item: int | None = None) -> str:
    """The menu label the widget shows for a conduct."""
    c = next(
        c
        for c in conducts(version)
        if (c.rule.article, c.rule.paragraph, c.item) == (article, paragraph, item)
    )
    return f"{c.provision.citation()}: {c.label().split(': ', 1)[1]}"


@pytest.fixture
def simulator(page, voila_url):
    def open_(query: str = ""):
        page.goto(voila_url + PAGE + (f"?{query}" if query else ""))
        expect(page.locator(".csl-pen-result")).to_be_visible(timeout=90_000)
        return page

    yield open_
    assert [e for e in page.errors if not any(h in e for h in HARMLESS)] == []


def test_pick_a_violation_set_a_circumstance_read_the_fine(simulator):
    page = simulator("version=2025&article=61&paragraph=1")
    fine = page.locator(".csl-pen-result .csl-pen-fine")
    expect(fine).to_contain_text(simulate("2025", 61, 1).fine.label(), timeout=30_000)
    expect(fine).to_contain_text("may")

    # Each step waits for the kernel's answer to the one before, as a visitor reads the page
    # before the next click; a click on a tier the kernel has not yet offered would be lost.
    result = page.locator(".csl-pen-result")
    page.locator(".csl-pen-subject select").select_option(label=term("subjects", "cii_operator").en)
    page.locator(".csl-pen-conduct select").select_option(label=option_label("2025", 61, 2))
    expect(result).to_contain_text(simulate("2025", 61, 2).basis)
    named = tier_name("2025", Provision(61, 2), "serious")
    page.locator(".csl-pen-tier").get_by_role("radio", name=named, exact=True).click()
    want = simulate("2025", 61, 2, tier="serious")
    expect(fine).to_contain_text(want.fine.label())
    expect(fine).to_contain_text("shall")
    expect(page.locator(".csl-pen-result .csl-pen-person-fine")).to_contain_text(
        want.person_fine.label()
    )
    expect(page.locator(".csl-pen-result")).to_contain_text(want.basis)
    assert "csl_helpers" not in page.locator("body").inner_text()  # sources are stripped


def test_an_amount_changes_the_fine(simulator):
    page = simulator("version=2025&article=63")
    fine = page.locator(".csl-pen-result .csl-pen-fine")
    expect(fine).to_contain_text(simulate("2025", 63).fine.label(), timeout=30_000)
    box = page.locator(".csl-pen-gains input")
    box.fill("150000")
    box.press("Enter")
    expect(fine).to_contain_text(simulate("2025", 63, illegal_gains=150_000).fine.label())
    box.fill("-5")
    box.press("Enter")
    expect(page.locator(".csl-pen-status")).to_contain_text("illegal_gains must be 0 or more")


def test_the_text_of_the_law_is_one_click_away_and_charts_render(simulator):
    page = simulator("version=2016&article=64&paragraph=2")
    expect(page.locator(".csl-pen-result")).to_contain_text("Article 64(2)", timeout=30_000)
    page.locator(".csl-pen-show-text").click()
    expect(page.locator(".csl-pen-text")).to_contain_text("第六十四条")
    chart = page.locator(".csl-pen-charts .js-plotly-plot").first
    expect(chart).to_be_visible(timeout=30_000)
    expect(chart).to_contain_text("all fines of the 2016 text")  # the clause asked for


def test_a_bad_query_is_reported_not_obeyed(simulator):
    page = simulator("version=2025&article=<b>99</b>")
    error = page.locator(".csl-pen-error")
    expect(error).to_contain_text("article must be a whole number", timeout=30_000)
    expect(error).to_contain_text("<b>99</b>")  # shown as text, not markup
    expect(page.locator(".csl-pen-result .csl-pen-fine")).to_be_visible()


def test_a_cleared_or_misordered_date_is_told_beside_it_and_the_old_result_goes(simulator):
    page = simulator("version=2025&article=61&paragraph=1")
    page.locator(".csl-pen-mode").get_by_role("radio", name="By dates").click()
    expect(page.locator(".csl-pen-applicable")).to_be_visible(timeout=30_000)
    act = page.locator(".csl-pen-conduct-date input")
    act.fill("")
    act.dispatch_event("change")
    note = page.locator(".csl-pen-dates-note")
    expect(note).to_have_text("Give the date of the act.")
    expect(page.locator(".csl-pen-applicable")).to_have_count(0)
    expect(page.locator(".csl-pen-result .csl-pen-fine")).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "NoneType" not in body and "conduct_date" not in body
    act.fill("2026-06-01")
    act.dispatch_event("change")
    decision = page.locator(".csl-pen-decision-date input")
    decision.fill("2026-01-02")
    decision.dispatch_event("change")
    expect(note).to_have_text("The decision cannot come before the act (1 June 2026).")
    assert "decision_date" not in page.locator("body").inner_text()
    expect(page.locator(".csl-pen-result .csl-pen-fine")).to_have_count(0)


def test_the_procurement_amount_is_asked_for_and_taken_as_typed(simulator):
    page = simulator("version=2016&article=65&paragraph=1")
    result = page.locator(".csl-pen-result")
    expect(result).to_contain_text("1 to 10 times the procurement amount", timeout=30_000)
    expect(result).to_contain_text("Article 65(1)")
    assert " 0 yuan" not in result.inner_text()
    expect(page.locator(".csl-pen-result .csl-pen-fine")).to_have_count(0)
    box = page.locator(".csl-pen-procurement input")
    expect(box).to_have_value("")
    box.fill("1.5")
    box.press("Enter")
    expect(page.locator(".csl-pen-procurement-note")).to_contain_text("whole yuan")
    expect(box).to_have_value("1.5")
    box.fill("30000")
    box.press("Enter")
    want = simulate("2016", 65, procurement_amount=30_000).fine.label()
    expect(page.locator(".csl-pen-result .csl-pen-fine")).to_contain_text(want)
    expect(page.locator(".csl-pen-procurement-note")).to_have_text("")


def test_illegal_gains_are_taken_as_typed_or_refused_beside_the_field(simulator):
    page = simulator("version=2025&article=63")
    fine = page.locator(".csl-pen-result .csl-pen-fine")
    box = page.locator(".csl-pen-gains input")
    box.fill("150000")
    box.press("Enter")
    want = simulate("2025", 63, illegal_gains=150_000).fine.label()
    expect(fine).to_contain_text(want, timeout=30_000)
    note = page.locator(".csl-pen-gains-note")
    for typed, said in (("1.5", "not a whole number"), ("9" * 30, "beyond what the simulator")):
        box.fill(typed)
        box.press("Enter")
        expect(note).to_contain_text(said)
        expect(note).to_contain_text("The outcome still counts 150,000 yuan.")
        expect(box).to_have_value(typed)  # never rewritten
        expect(fine).to_contain_text(want)
        assert "9007199254740991" not in page.locator(".csl-pen-status").inner_text()
    box.fill("0")
    box.press("Enter")
    expect(note).to_have_text("")
    expect(fine).to_contain_text(simulate("2025", 63).fine.label())


def test_chart_titles_fit_a_phone_with_no_toolbar_over_them(page, simulator):
    """At 390 px every chart title and axis title lies inside its chart, and no toolbar shows."""
    page.set_viewport_size({"width": 390, "height": 844})
    simulator("version=2025&article=61&paragraph=1")
    charts = page.locator(".csl-pen-charts .js-plotly-plot")
    expect(charts).to_have_count(2, timeout=60_000)
    expect(charts.first.locator(".gtitle")).to_contain_text("all fines of the 2025 text")
    outside = page.evaluate(
        """() => [...document.querySelectorAll('.csl-pen-charts .js-plotly-plot')].flatMap(
            (chart) => {
                const box = chart.getBoundingClientRect();
                return [...chart.querySelectorAll('.gtitle, .xtitle')].filter((t) => {
                    const r = t.getBoundingClientRect();
                    return r.left < box.left - 1 || r.right > box.right + 1
                        || r.right > window.innerWidth;
                }).map((t) => t.textContent);
            })"""
    )
    assert outside == []
    assert page.locator(".csl-pen-charts .modebar").count() == 0


@pytest.mark.parametrize("opened", ["link", "reload", "switch"])
def test_a_2016_clause_in_chinese_offers_only_its_own_two_tiers(simulator, opened):
    """2016 Art. 59(1), from a link in Chinese, a reload or the live switch: its two tiers."""
    query = "version=2016&article=59&paragraph=1"
    page = simulator(query + ("" if opened == "switch" else "&lang=zh"))
    if opened == "switch":
        page.locator(".csl-ui-lang").get_by_role("radio", name="中文").click()
    if opened == "reload":
        page.reload()
        expect(page.locator(".csl-pen-result")).to_be_visible(timeout=90_000)
    c = Provision(59, 1)
    names = [tier_name("2016", c, t, "zh") for t in ("base", "aggravated")]
    radios = page.locator(".csl-pen-tier [role=radio]")
    expect(radios).to_have_text(names, timeout=30_000)
    radios.nth(1).click()
    want = simulate("2016", 59, 1, tier="aggravated").fine
    fine = page.locator(".csl-pen-result .csl-pen-fine")
    expect(fine).to_contain_text(want.label("yuan", "zh"))
    expect(page).to_have_url(re.compile(r"tier=aggravated"))
    expect(page.locator(".csl-pen-tier-help")).to_contain_text(
        "拒不改正或者导致危害网络安全等后果的"
    )
    body = page.locator("body").inner_text()
    assert "一般情节" not in body and "加重情节" not in body


@pytest.mark.parametrize("mode", ["按日期", "2016年文本"])
def test_the_dates_mode_or_a_version_switch_carries_the_tier_to_its_counterpart(simulator, mode):
    """2025 Art. 61(2) 造成……严重危害网络安全后果, by dates (act in 2025) or the 2016 text."""
    page = simulator("version=2025&article=61&paragraph=2&tier=serious&lang=zh")
    checked = page.locator(".csl-pen-tier [aria-checked=true]")
    expect(checked).to_have_text(tier_name("2025", Provision(61, 2), "serious", "zh"))
    page.locator(".csl-pen-mode").get_by_role("radio", name=mode).click()
    if mode == "按日期":
        expect(page.locator(".csl-pen-applicable")).to_be_visible(timeout=30_000)
    carried = tier_name("2016", Provision(59, 2), "aggravated", "zh")
    expect(checked).to_have_text(carried)
    want = simulate("2016", 59, 2, tier="aggravated").fine  # 100,000 to 1,000,000 yuan
    assert (want.low, want.high) == (100_000, 1_000_000)
    expect(page.locator(".csl-pen-result .csl-pen-fine")).to_contain_text(want.label("yuan", "zh"))
    note = page.locator(".csl-pen-tier-note")
    expect(note).to_contain_text(carried)
    expect(note).to_contain_text("已转至该情节")
    expect(page).to_have_url(re.compile(r"tier=aggravated"))
