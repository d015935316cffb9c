"""Every teaching notebook opens as a Voila page without errors; the quiz answers in Chromium."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, free_port, serving
from playwright.sync_api import expect

from csl_helpers import load_law
from csl_helpers.lessons.quiz import load_quiz

HARMLESS = ("r.setData is not a function",)
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
# The last one is what a page shows for an output whose renderer it did not load.
ERROR_TEXT = ("Traceback", "There was an error when executing cell", "No renderer could be found")


def test_there_are_notebooks_to_open():
    assert len(NOTEBOOKS) >= 7


@pytest.fixture(scope="module")
def notebooks_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Voila server over notebooks/ (the shared fixture serves only dashboards/)."""
    voila = Path(sys.executable).parent / "voila"
    # voila.json preheats a pool of kernels per notebook, meant for the dashboards; over every
    # teaching notebook that would start dozens.
    command = (
        f"{voila} {ROOT / 'notebooks'} --port={free_port()} --Voila.ip=127.0.0.1 --no-browser "
        "--Voila.port_retries=0 --VoilaConfiguration.preheat_kernel=False"
    )
    with serving(command, tmp_path_factory.mktemp("voila-notebooks") / "voila.log") as server:
        yield server.url


def open_notebook(page, url: str, name: str) -> None:
    # Voila streams the page while the kernel runs; "load" fires once every cell has run, but
    # the outputs stay hidden behind "Executing N of N" until the page has rendered them all,
    # which on a busy machine takes seconds more: wait for them with a generous timeout.
    page.goto(f"{url}/voila/render/{name}", wait_until="load", timeout=90_000)
    expect(page.locator(".jp-OutputArea-output").first).to_be_visible(timeout=60_000)


def assert_clean(page, name: str) -> None:
    errors = [e for e in page.errors if not any(h in e for h in HARMLESS)]
    assert errors == [], f"{name}: JavaScript errors {errors}"
    body = page.locator("body").inner_text()
    assert not any(t in body for t in ERROR_TEXT), f"{name}: error output on the page"
    stderr = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
    assert stderr.count() == 0, f"{name}: {stderr.first.inner_text()}"


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_renders_without_errors(page, notebooks_url, name):
    open_notebook(page, notebooks_url, name)
    assert page.locator(".jp-OutputArea-output").count() > 0
    assert_clean(page, name)


@pytest.mark.browser
@pytest.mark.server
def test_quiz_answers_wrong_then_right_with_the_article(page, notebooks_url):
    name = "01_general_provisions"
    open_notebook(page, notebooks_url, f"{name}.ipynb")
    question = load_quiz(name).questions[0]
    wrong = next(c for c in question.choices if c != question.answer)
    box = page.locator(".csl-quiz-question").first
    expect(box).to_contain_text(question.prompt)
    feedback = box.locator(".csl-quiz-feedback")

    pick = box.get_by_role("radio", name=wrong.en, exact=True)
    pick.click()
    expect(pick).to_have_attribute("aria-checked", "true")  # once the kernel answers
    box.locator(".csl-quiz-check").click()
    expect(feedback).to_contain_text("Not quite")
    version, provision = question.answered_by[-1]
    expect(feedback).to_contain_text(provision.citation("zh"))
    expect(feedback).to_contain_text(load_law(version).text_of(provision, "zh")[:20])

    pick = box.get_by_role("radio", name=question.answer.en, exact=True)
    pick.click()
    expect(pick).to_have_attribute("aria-checked", "true")  # once the kernel answers
    box.locator(".csl-quiz-check").click()
    expect(feedback).to_contain_text("Right.")
    expect(feedback).not_to_contain_text("Not quite")
    assert_clean(page, name)
