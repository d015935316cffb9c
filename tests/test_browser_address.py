"""Each dashboard's address follows its state: a copied link reopens the view, Back and
Forward move between views; following a reference or finishing the questionnaire moves the
keyboard's focus to the new content. Served by Voila and driven in Chromium."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from csl_helpers import load_law, version_on
from csl_helpers.law.model import Provision
from csl_helpers.obligations.checklist import checklist
from csl_helpers.obligations.questionnaire import Interview
from csl_helpers.penalties.clauses import tier_name

pytestmark = pytest.mark.browser
HARMLESS = ("r.setData is not a function",)
EXPLORER = "/voila/render/law_explorer.ipynb"
SIMULATOR = "/voila/render/penalty_simulator.ipynb"
NAVIGATOR = "/voila/render/obligation_navigator.ipynb"


def query(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def has_query(params: str) -> re.Pattern:
    """A URL whose query is exactly ``params`` (in this order)."""
    return re.compile(rf"\?{re.escape(params)}$")


@pytest.fixture
def opened(page, voila_url):
    def open_(path: str, ready: str) -> Page:
        page.goto(voila_url + path)
        expect(page.locator(ready).first).to_be_visible(timeout=90_000)
        return page

    yield open_
    assert [e for e in page.errors if not any(h in e for h in HARMLESS)] == []


def test_the_explorer_follows_a_reference_with_focus_and_back_returns(opened, voila_url):
    law = load_law()
    source = next(a.number for a in law.articles if law.references(a.number))
    page = opened(f"{EXPLORER}?version={law.version}&article={source}", ".csl-text-en")
    en = page.locator(".csl-text-en h3")
    expect(en).to_have_text(f"Article {source}")
    expect(page).to_have_url(has_query(f"version={law.version}&article={source}"))

    button = page.locator(".csl-cites").get_by_role("button").first
    target = int(re.search(r"Article (\d+)", button.inner_text()).group(1))
    button.click()
    expect(en).to_have_text(f"Article {target}")
    expect(page).to_have_url(has_query(f"version={law.version}&article={target}"))
    expect(page.locator(".csl-text-en")).to_be_focused()  # not the page's body

    page.go_back()
    expect(en).to_have_text(f"Article {source}")
    expect(page).to_have_url(has_query(f"version={law.version}&article={source}"))
    page.go_forward()
    expect(en).to_have_text(f"Article {target}")

    other = next(v for v in ("2016", "2025") if v != law.version)
    page.locator(".csl-version").get_by_role("radio", name=f"{other} text").click()
    expect(page).to_have_url(re.compile(rf"\?version={other}&article=\d+$"))
    copied = page.url
    shown = page.locator(".csl-text-en h3").inner_text()
    page.goto(copied)
    expect(page.locator(".csl-text-en h3")).to_have_text(shown, timeout=90_000)
    expect(page.locator(".csl-version [aria-checked=true]")).to_have_text(f"{other} text")


def test_a_bad_explorer_address_is_told(opened):
    page = opened(f"{EXPLORER}?article=<b>999</b>", ".csl-text-en")
    expect(page.locator(".csl-address-error")).to_contain_text("article must be a whole number")
    expect(page.locator(".csl-address-error")).to_contain_text("<b>999</b>")


def test_the_simulators_address_names_its_scenario(opened):
    page = opened(f"{SIMULATOR}?version=2025&article=61&paragraph=2", ".csl-pen-result")
    expect(page).to_have_url(has_query("version=2025&article=61&paragraph=2&tier=base"))
    serious, base = (tier_name("2025", Provision(61, 2), t) for t in ("serious", "base"))
    page.locator(".csl-pen-tier").get_by_role("radio", name=serious, exact=True).click()
    expect(page).to_have_url(has_query("version=2025&article=61&paragraph=2&tier=serious"))
    page.go_back()
    expect(page.locator(".csl-pen-tier [aria-checked=true]")).to_have_text(base)
    expect(page).to_have_url(has_query("version=2025&article=61&paragraph=2&tier=base"))
    page.go_forward()
    expect(page.locator(".csl-pen-tier [aria-checked=true]")).to_have_text(serious)
    page.reload()
    expect(page.locator(".csl-pen-tier [aria-checked=true]")).to_have_text(serious, timeout=90_000)


def test_the_navigator_keeps_answers_and_ticks_in_its_address_and_exports(opened, tmp_path: Path):
    today = version_on(date.today()).id
    page = opened(NAVIGATOR, ".csl-nav-question")
    interview = Interview()
    while not interview.done:
        fact = interview.current.fact
        expect(page.locator(".csl-nav-question")).to_have_attribute("data-fact", fact)
        page.locator(".csl-nav-yes").click()
        interview = interview.answer(True)
    checklist_box = page.locator(".csl-nav-checklist")
    expect(checklist_box).to_be_focused()  # a screen reader reads the checklist next
    letters = "y" * len(interview.answers)
    expect(page).to_have_url(has_query(f"version={today}&answers={letters}"))
    page.go_back()  # one answer back
    expect(page.locator(".csl-nav-question")).to_have_attribute(
        "data-fact", interview.back().current.fact
    )
    page.go_forward()
    expect(page.locator(".csl-nav-checklist-body")).to_be_visible()

    sheet = checklist(interview.profile, today)
    done = [d.id for d in sheet.duties[:2]]
    for duty in done:
        page.locator(f'.csl-nav-duty[data-duty="{duty}"] input[type=checkbox]').check()
    expect(page).to_have_url(re.compile(r"&done=" + re.escape(",".join(sorted(done))) + "$"))

    other = "2016" if today == "2025" else "2025"
    page.locator(".csl-nav-version").get_by_role("radio", name=f"{other} text").click()
    expect(page.locator(".csl-nav-checklist-body")).to_have_attribute("data-version", other)
    page.locator(".csl-nav-version").get_by_role("radio", name=f"{today} text").click()
    expect(page.locator(".csl-nav-checklist-body")).to_have_attribute("data-version", today)
    expect(page).to_have_url(re.compile(rf"\?version={today}&answers={letters}&done="))
    page.reload()
    expect(page.locator(".csl-nav-checklist-body")).to_be_visible(timeout=90_000)
    for duty in done:
        box = page.locator(f'.csl-nav-duty[data-duty="{duty}"] input[type=checkbox]')
        expect(box).to_be_checked()
    expect(page.locator(".csl-nav-duty input[type=checkbox]:checked")).to_have_count(len(done))

    with page.expect_download() as info:
        page.locator("a.csl-nav-download-csv-en").click()
    path = tmp_path / "sheet.csv"
    info.value.save_as(path)
    rows = csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")))
    assert sorted(r["id"] for r in rows if r["done"] == "yes") == sorted(done)
    with page.expect_download() as info:
        page.locator("a.csl-nav-download-md-en").click()
    path = tmp_path / "sheet.md"
    info.value.save_as(path)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no byte-order mark
    assert raw.decode("utf-8") == sheet.to_markdown("en", done)
    assert raw.decode("utf-8").count("- [x] ") == len(done)
