"""Every dashboard and the landing page, read as a class reads them: projector, laptop, phone.

In Chromium at 1280×720 (a projector), 1440×900 (a laptop) and 390×844 (a phone), on the page
as it opens and after its main interaction: axe-core finds no violation of the WCAG 2 A and AA
rules; no label is cut short; the page is no wider than the screen; on the large screens text
is at least 16 px (chart text at least 12 px); on a phone every menu and box takes the width of
the screen; the chosen option of a set of buttons stands out from the others at 3:1 or more,
and each set is one control (a radio group: one Tab stop, the arrow keys move the choice);
focus is drawn at 3:1 against the page; the browser tab names the dashboard; no tooltip reads
"null". On a phone, each conduct of the simulator's menu shows its article, and the
Navigator's answers are on the first screen.

axe-core comes from npm (.ci/run installs it into .ci/axe); ``CSL_AXE`` names another copy.
"""

from __future__ import annotations

import os
import pprint
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, browser_required
from playwright.sync_api import Locator, Page, expect

from csl_helpers.law.model import Provision
from csl_helpers.penalties.clauses import tier_name

pytestmark = pytest.mark.browser
SCREENS = {"projector": (1280, 720), "laptop": (1440, 900), "phone": (390, 844)}
"""Viewports in CSS pixels. Each is a page opened at that size: a window widened after the
page opened redraws its charts (jupyterlab-plotly) at zero height, which no visitor sees
on a page opened at its size."""
BODY_PX = 16
CHART_PX = 12
CONTRAST = 3.0
AXE_TAGS = ["wcag2a", "wcag2aa"]


def axe_script() -> Path:
    """axe.min.js: where ``CSL_AXE`` says, or where .ci/run installs it."""
    path = Path(
        os.environ.get("CSL_AXE", ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js")
    )
    if not path.is_file():
        reason = f"axe-core is not at {path}; .ci/run installs it from npm into .ci/axe"
        if browser_required():
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def open_landing(page: Page, url: str) -> None:
    page.goto(url + "/")
    expect(page.locator(".csl-dashboard").first).to_be_visible()


def open_explorer(page: Page, url: str) -> None:
    page.goto(url + "/voila/render/law_explorer.ipynb")
    expect(page.locator(".csl-text-zh")).to_be_visible(timeout=90_000)


def search_explorer(page: Page) -> None:
    box = page.locator(".csl-search input")
    box.fill("personal information")
    box.press("Enter")
    expect(page.locator(".csl-results select option").first).to_be_attached()


def open_simulator(page: Page, url: str) -> None:
    page.goto(url + "/voila/render/penalty_simulator.ipynb?version=2025&article=61&paragraph=2")
    expect(page.locator(".csl-pen-result .csl-pen-fine")).to_be_visible(timeout=90_000)
    expect(page.locator(".csl-pen-charts .js-plotly-plot").first).to_be_visible()


def pick_a_tier(page: Page) -> None:
    named = tier_name("2025", Provision(61, 2), "serious")
    page.locator(".csl-pen-tier").get_by_role("radio", name=named, exact=True).click()
    page.locator(".csl-pen-show-text").click()
    expect(page.locator(".csl-pen-text")).to_contain_text("第")


def open_navigator(page: Page, url: str) -> None:
    page.goto(url + "/voila/render/obligation_navigator.ipynb")
    expect(page.locator(".csl-nav-question")).to_be_visible(timeout=90_000)


def answer_all(page: Page) -> None:
    """Answer every question yes; on a phone, each question's answers are on the first screen."""
    phone = page.viewport_size["width"] < 600
    while page.locator(".csl-nav-question").count():
        fact = page.locator(".csl-nav-question").get_attribute("data-fact")
        if phone:
            page.evaluate("window.scrollTo(0, 0)")
            for answer in (".csl-nav-yes", ".csl-nav-no"):
                expect(page.locator(answer)).to_be_in_viewport(ratio=1)
        page.locator(".csl-nav-yes").click()
        expect(page.locator(f'.csl-nav-question[data-fact="{fact}"]')).to_have_count(0)
    expect(page.locator(".csl-nav-checklist-body")).to_be_visible()


CHOICES = {
    "landing": (),
    "explorer": (".csl-version", ".csl-lang"),
    "simulator": (".csl-pen-mode", ".csl-pen-tier"),
    "navigator": (".csl-nav-version",),
}
"""The sets of choice buttons on each page (each must be one radio group)."""

PAGES: dict[str, tuple[Callable, Callable | None, str]] = {
    "landing": (open_landing, None, "CSL Notebooks"),
    "explorer": (open_explorer, search_explorer, "Law Explorer"),
    "simulator": (open_simulator, pick_a_tier, "Penalty Simulator"),
    "navigator": (open_navigator, answer_all, "Obligation Navigator"),
}
"""How to open each page, its main interaction, and what its tab title must name."""

MEASURE = """() => {
  const lum = (c) => {
    const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const small = [];
  for (const el of document.querySelectorAll("body *")) {
    if (!shown(el) || el.closest(".modebar")) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const chart = !!el.closest("svg");
    const px = parseFloat(chart ? (el.style.fontSize || getComputedStyle(el).fontSize)
                                : getComputedStyle(el).fontSize);
    const least = chart ? %(chart)d : %(body)d;
    if (px < least) small.push(`${px}px: ${el.textContent.trim().slice(0, 40)}`);
  }
  const clipped = [];
  for (const el of document.querySelectorAll(
      "label, .widget-label, button, .jupyter-button, .widget-label-basic, h1, h2, h3, a")) {
    if (shown(el) && el.scrollWidth > el.clientWidth + 1
        && getComputedStyle(el).overflowX !== "visible") {
      clipped.push(el.textContent.trim().slice(0, 60));
    }
  }
  const toggles = [];
  for (const set of document.querySelectorAll(".widget-toggle-buttons, [role=radiogroup]")) {
    const on = set.querySelector(".mod-active, [aria-checked=true]");
    const off = set.querySelector(
      ".jupyter-button:not(.mod-active):not([role=radio]), [role=radio][aria-checked=false]");
    if (on && off && shown(on)) {
      toggles.push(ratio(getComputedStyle(on).backgroundColor,
                         getComputedStyle(off).backgroundColor));
    }
  }
  const narrow = [];
  for (const el of document.querySelectorAll(
      ".widget-inline-hbox > select, .widget-text > input, .widget-datepicker > input")) {
    const r = el.getBoundingClientRect();
    if (shown(el) && (r.right > window.innerWidth || r.width < 0.6 * window.innerWidth)) {
      narrow.push(`${Math.round(r.width)} px: ${el.closest(".widget-inline-hbox").textContent
        .trim().slice(0, 40)}`);
    }
  }
  return {
    small, clipped, toggles, narrow,
    wide: document.documentElement.scrollWidth - window.innerWidth,
    nulls: [...document.querySelectorAll('[title="null"], [title="undefined"]')]
      .map((el) => el.textContent.trim().slice(0, 60)),
    title: document.title,
  };
}"""


def measure(page: Page) -> dict:
    return page.evaluate(MEASURE % {"chart": CHART_PX, "body": BODY_PX})


def axe(page: Page) -> list[str]:
    page.add_script_tag(path=str(axe_script()))
    found = page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}})
            .then((r) => r.violations.map((v) =>
              `${v.id} (${v.nodes.length}): ${v.nodes[0].target} ${v.nodes[0].failureSummary}`))""",
        AXE_TAGS,
    )
    return found


def check(page: Page, screen: str, title: str) -> None:
    """Every measure of the module's docstring, on the page as it is now; all told at once."""
    found = measure(page)
    problems = {
        "title": [] if title in found["title"] else [found["title"]],
        "wider than the screen (px)": [found["wide"]] if found["wide"] > 0 else [],
        "labels cut short": found["clipped"],
        'tooltip "null"': found["nulls"],
        "text too small": found["small"] if screen != "phone" else [],
        "control not full width": found["narrow"] if screen == "phone" else [],
        "chosen option too faint": [r for r in found["toggles"] if r < CONTRAST],
        "axe-core": axe(page),
    }
    bad = {k: v for k, v in problems.items() if v}
    assert not bad, pprint.pformat(bad, width=100)


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_reads_from_the_back_of_the_room_and_on_a_phone(page, voila_url, name, screen):
    axe_script()
    page.set_viewport_size(dict(zip(("width", "height"), SCREENS[screen], strict=True)))
    open_, interact, title = PAGES[name]
    open_(page, voila_url)
    check(page, screen, title)
    if interact is not None:
        interact(page)
        check(page, screen, title)
        if screen == "projector":
            for group in CHOICES[name]:
                check_choice_group(page, page.locator(group))
    if screen == "phone" and name == "simulator":
        every_conduct_shows_its_article(page)


def check_choice_group(page: Page, control: Locator) -> None:
    """A set of choice buttons is one control: a named radio group with one option checked,
    one Tab stop, the arrow keys move the choice (focus with it), focus drawn at 3:1."""
    group = control.get_by_role("radiogroup")
    expect(group).to_have_count(1)
    assert group.get_attribute("aria-labelledby") or group.get_attribute("aria-label")
    checked = group.locator("[role=radio][aria-checked=true]")
    expect(checked).to_have_count(1)
    expect(group.locator("[role=radio][tabindex='0']")).to_have_count(1)
    # Every other option is out of the Tab order (asked again until true: a count taken once
    # could catch the group while it draws its options).
    expect(group.locator("[role=radio]:not([tabindex='-1'])")).to_have_count(1)
    was = checked.inner_text()
    checked.focus()
    page.keyboard.press("Tab")  # before any change, whose answer may hide what Tab reached
    expect(group.locator(":focus")).to_have_count(0)
    page.keyboard.press("Shift+Tab")
    expect(checked).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(checked).not_to_have_text(was)
    expect(checked).to_be_focused()
    assert page.evaluate(FOCUS_RATIO) >= CONTRAST
    page.keyboard.press("ArrowLeft")
    expect(checked).to_have_text(was)


FOCUS_RATIO = """() => {
  const el = document.activeElement, s = getComputedStyle(el);
  const lum = (c) => {
    const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  if (s.outlineStyle === "none" || parseFloat(s.outlineWidth) < 2) return 0;
  const [x, y] = [lum(s.outlineColor), lum("rgb(255, 255, 255)")].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}"""
"""The contrast of the focused element's outline against the white page (0: no outline)."""


def test_focus_is_drawn_at_3_to_1_against_the_page(page, voila_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_simulator(page, voila_url)
    page.locator(".csl-pen-show-text").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_RATIO) >= CONTRAST


CITATION_SHOWN = """(select) => {
  const s = getComputedStyle(select);
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
  const room = select.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 24;
  return [...select.options].map((o) => {
    const cite = /Article\\s\\d+(\\(\\d+\\))*/.exec(o.text);
    const upTo = cite ? o.text.slice(0, cite.index + cite[0].length) : o.text;
    return [o.text, ctx.measureText(upTo).width <= room];
  });
}"""
"""Each option of a menu: whether its text up to the end of its article citation fits in the
closed menu (less room for the arrow), where a phone shows the option chosen."""


def every_conduct_shows_its_article(page: Page) -> None:
    """On a phone, each conduct of each subject's menu shows its article in the closed menu."""
    for subject in page.locator(".csl-pen-subject select option").all_inner_texts():
        page.locator(".csl-pen-subject select").select_option(label=subject)
        menu = page.locator(".csl-pen-conduct select")
        expect(menu.locator("option").first).to_contain_text("Article")
        cut = [text for text, fits in menu.evaluate(CITATION_SHOWN) if not fits]
        assert not cut, cut
