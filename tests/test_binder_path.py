"""The dashboards as Binder links them, on the Jupyter server and Voila's server extension.

Binder runs the repository's ``start`` script and then JupyterLab's server from the repository
root; the README's links open ``/voila/render/notebooks/dashboards/<name>.ipynb`` on it. The
tests do the same on 127.0.0.1 and check that each dashboard shows its main element, answers
one input from its kernel, shows no error, and asks no host but the server: ``start`` gives the
extension the offline page template of `make run` and leaves MathJax out (README, "Binder").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlparse

import pytest
from conftest import ROOT, free_port, jupyter_command, serving
from playwright.sync_api import Page, expect
from test_jupyterlab import Lab, problems, run_all_cells, shut_down_kernels

from csl_helpers import load_law
from csl_helpers.obligations.questionnaire import Interview
from csl_helpers.penalties.simulation import simulate

FOLDER = "notebooks/dashboards"
DASHBOARDS = sorted(p.name for p in (ROOT / FOLDER).glob("[!._]*.ipynb"))
OTHER_HOSTS: set[str] = set()
"""The hosts other than the server that a Binder page asks (README, "Binder": none)."""
HARMLESS = ("r.setData is not a function",)
ERROR_TEXT = ("Traceback", "There was an error when executing cell", "No renderer could be found")
QUERY = "不少于六个月"


def explorer(page: Page) -> None:
    """The article in Chinese; a search answered with the law's own hits."""
    expect(page.locator(".csl-text-zh")).to_be_visible(timeout=90_000)
    hits = load_law().search(QUERY, "zh")
    box = page.locator(".csl-search input")
    box.fill(QUERY)
    box.press("Enter")
    expect(page.locator(".csl-results select option")).to_have_count(len(hits))


def navigator(page: Page) -> None:
    """The first question; answering it brings the questionnaire's next one."""
    question = page.locator(".csl-nav-question")
    expect(question).to_be_visible(timeout=90_000)
    interview = Interview()
    expect(question).to_have_attribute("data-fact", interview.current.fact)
    page.locator(".csl-nav-yes").click()
    expect(question).to_have_attribute("data-fact", interview.answer(True).current.fact)


def simulator(page: Page) -> None:
    """The clause of the link's query; an amount of illegal gains changes the fine."""
    fine = page.locator(".csl-pen-result .csl-pen-fine")
    expect(fine).to_contain_text(simulate("2025", 63).fine.label(), timeout=90_000)
    box = page.locator(".csl-pen-gains input")
    box.fill("150000")
    box.press("Enter")
    expect(fine).to_contain_text(simulate("2025", 63, illegal_gains=150_000).fine.label())
    expect(page.locator(".csl-pen-charts svg.main-svg").first).to_be_visible()


CHECKS: dict[str, tuple[str, Callable[[Page], None]]] = {
    "law_explorer.ipynb": ("", explorer),
    "obligation_navigator.ipynb": ("", navigator),
    "penalty_simulator.ipynb": ("?version=2025&article=63", simulator),
}
"""Per dashboard: the query its link may carry, and what a visitor checks on it."""


@pytest.fixture(scope="module")
def binder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab's server started through ``start`` from the repository root, as on Binder."""
    state = tmp_path_factory.mktemp("binder")
    token = "binder-path-test"
    command = jupyter_command(free_port(), token, state, binder=True)
    with serving(command, state / "server.log") as server:
        yield Lab(server.url, token)


def log_in(page: Page, lab: Lab) -> None:
    """Open a page with the token, which leaves the login cookie (Binder's links carry none)."""
    page.goto(f"{lab.url}/voila/tree/{FOLDER}?token={lab.token}")
    expect(page.locator("body")).to_be_visible()


def test_every_dashboard_has_a_check():
    assert sorted(CHECKS) == DASHBOARDS


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("name", DASHBOARDS)
def test_dashboard_works_as_binder_links_it_and_asks_no_other_host(page, binder, name):
    hosts: list[str] = []
    page.on("request", lambda r: hosts.append(urlparse(r.url).netloc or r.url[:5]))
    query, check = CHECKS[name]
    log_in(page, binder)
    try:
        page.goto(f"{binder.url}/voila/render/{FOLDER}/{name}{query}", timeout=90_000)
        check(page)
        page.wait_for_load_state("networkidle")
        body = page.locator("body").inner_text()
        stderr = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
        assert stderr.count() == 0, stderr.first.inner_text()
    finally:
        shut_down_kernels(binder)
    assert not any(text in body for text in ERROR_TEXT), body[:2000]
    assert "csl_helpers" not in body  # the sources are stripped, as voila.json says
    assert [e for e in page.errors if not any(h in e for h in HARMLESS)] == []
    server = urlparse(binder.url).netloc
    assert {h for h in hosts if h not in ("data:", "blob:")} - {server} == OTHER_HOSTS
    css = page.locator('link[rel="stylesheet"][href*="csl.css"], style:has-text(".csl-")')
    assert css.count() > 0, "the page is not the repository's template"


@pytest.mark.browser
@pytest.mark.server
def test_the_dashboards_folder_lists_every_dashboard(page, binder):
    hosts: list[str] = []
    page.on("request", lambda r: hosts.append(urlparse(r.url).netloc or r.url[:5]))
    log_in(page, binder)
    for name in DASHBOARDS:
        link = page.locator(f'a[href$="/voila/render/{FOLDER}/{name}"]')
        expect(link).to_be_visible()
    page.wait_for_load_state("networkidle")
    server = urlparse(binder.url).netloc
    assert {h for h in hosts if h not in ("data:", "blob:")} - {server} == OTHER_HOSTS


def test_the_readme_says_what_binder_still_fetches():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert OTHER_HOSTS == set()
    assert "ask no host but the Binder session itself" in readme


@pytest.mark.browser
@pytest.mark.server
def test_a_notebook_still_runs_in_jupyterlab_under_binders_settings(page, binder):
    try:
        report = run_all_cells(page, binder, "notebooks/00_start_here.ipynb")
    finally:
        shut_down_kernels(binder)
    assert problems(report) == []
    assert report["hosts"] == [urlparse(binder.url).netloc]
