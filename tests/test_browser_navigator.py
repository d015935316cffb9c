"""The Obligation Navigator dashboard, served by Voila and driven in Chromium."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from csl_helpers import version_on
from csl_helpers.obligations.checklist import checklist
from csl_helpers.obligations.questionnaire import Interview

pytestmark = pytest.mark.browser
HARMLESS = ("r.setData is not a function",)


@pytest.fixture
def navigator(page, voila_url):
    page.goto(voila_url + "/voila/render/obligation_navigator.ipynb")
    expect(page.locator(".csl-nav-question")).to_be_visible(timeout=90_000)
    yield page
    assert [e for e in page.errors if not any(h in e for h in HARMLESS)] == []


def answer(page, interview: Interview, value: bool) -> Interview:
    """Click Yes or No on the question the interview expects, after checking it is shown."""
    fact = interview.current.fact
    expect(page.locator(".csl-nav-question")).to_have_attribute("data-fact", fact)
    page.locator(".csl-nav-yes" if value else ".csl-nav-no").click()
    return interview.answer(value)


def test_answers_lead_to_the_checklist_and_its_downloads(navigator, tmp_path: Path):
    today = version_on(date.today()).id
    # A cloud provider that collects personal information and signs users up: yes to the
    # first question, no to CII, yes to identity services, then whatever comes.
    plan = {
        "network_operator": True,
        "cii_operator": False,
        "identity_services": True,
        "personal_information": True,
    }
    interview = Interview()
    first = interview.current
    expect(navigator.locator(".csl-nav-why")).to_contain_text("Why we ask")
    expect(navigator.locator(".csl-nav-why")).to_contain_text(first.basis_citation(today))
    while not interview.done:
        interview = answer(navigator, interview, plan.get(interview.current.fact, False))
    expect(navigator.locator(".csl-nav-checklist-body")).to_be_visible()
    expect(navigator.locator(".csl-nav-question")).to_have_count(0)

    sheet = checklist(interview.profile, today)
    items = navigator.locator(".csl-nav-duty")
    expect(items).to_have_count(len(sheet.duties))
    shown = [items.nth(i).get_attribute("data-duty") for i in range(len(sheet.duties))]
    assert shown == [d.id for _, group in sheet.groups for d in group]
    identity = navigator.locator('.csl-nav-duty[data-duty="real_identity"]')
    duty = next(d for d in sheet.duties if d.id == "real_identity")
    expect(identity).to_contain_text(duty.citation("en"))
    expect(identity).to_contain_text(duty.other_citation("en"))
    expect(identity).to_contain_text(duty.penalty.citation("en"))
    rule = duty.penalty.paragraphs[0]
    link = identity.locator("a.csl-nav-simulate")
    expect(link).to_have_attribute(
        "href",
        f"penalty_simulator.ipynb?version={today}&article={rule.article}&paragraph={rule.paragraph}",
    )
    # an item of a paragraph that lists conducts: the link names the item, not the first one
    police = next(d for d in sheet.duties if d.id == "support_police_and_state_security")
    (clause,) = police.penalty.rules
    assert clause.item and clause.item > 1
    expect(
        navigator.locator(
            '.csl-nav-duty[data-duty="support_police_and_state_security"] a.csl-nav-simulate'
        )
    ).to_have_attribute(
        "href",
        f"penalty_simulator.ipynb?version={today}&article={clause.article}"
        f"&paragraph={clause.paragraph}&item={clause.item}",
    )
    assert navigator.locator('.csl-nav-duty[data-duty="cii_annual_assessment"]').count() == 0

    with navigator.expect_download() as info:
        navigator.locator("a.csl-nav-download-csv-en").click()
    download = info.value
    assert download.suggested_filename == sheet.filename("csv", "en")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == [d.id for _, group in sheet.groups for d in group]
    assert path.read_bytes().decode("utf-8-sig") == sheet.to_csv("en")

    with navigator.expect_download() as info:
        navigator.locator("a.csl-nav-download-md-zh").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.read_bytes().decode("utf-8-sig") == sheet.to_markdown("zh")


def test_back_restart_and_version_switch(navigator):
    today = version_on(date.today()).id
    interview = answer(navigator, Interview(), True)
    expect(navigator.locator(".csl-nav-question")).to_have_attribute(
        "data-fact", interview.current.fact
    )
    navigator.locator(".csl-nav-back").click()
    interview = interview.back()
    expect(navigator.locator(".csl-nav-question")).to_have_attribute(
        "data-fact", interview.current.fact
    )
    # Not a network operator: the questions that only matter for one are never shown.
    interview = answer(navigator, interview, False)
    skipped = {"cii_operator", "identity_services", "distribution_services"}
    while not interview.done:
        assert interview.current.fact not in skipped
        interview = answer(navigator, interview, False)
    expect(navigator.locator(".csl-nav-duty")).to_have_count(
        len(checklist(interview.profile, today).duties)
    )
    other = "2016" if today == "2025" else "2025"
    navigator.locator(".csl-nav-version").get_by_role("radio", name=f"{other} text").click()
    expect(navigator.locator(".csl-nav-checklist-body")).to_have_attribute("data-version", other)
    expect(navigator.locator(".csl-nav-duty")).to_have_count(
        len(checklist(interview.profile, other).duties)
    )
    navigator.locator(".csl-nav-restart").click()
    expect(navigator.locator(".csl-nav-question")).to_have_attribute(
        "data-fact", Interview().current.fact
    )
    expect(navigator.locator(".csl-nav-duty")).to_have_count(0)
    assert "csl_helpers" not in navigator.locator("body").inner_text()  # sources are stripped
