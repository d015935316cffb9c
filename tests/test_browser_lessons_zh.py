"""Every lesson widget in Chinese, rendered by Voila in Chromium: no English interface word, and
an answer chosen and checked with the keyboard alone."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from conftest import free_port, serving
from latin_words import latin_words
from playwright.sync_api import expect

NOTEBOOK = "lessons_zh.ipynb"
CELLS = (
    "from csl_helpers.views.lessons.quiz import quiz_widget\n"
    'quiz_widget("01_general_provisions", lang="zh")',
    'from csl_helpers.views.lessons.sorter import sorter\nsorter(lang="zh")',
    'from csl_helpers.views.lessons.scope import scope_widget\nscope_widget(lang="zh")',
    'from csl_helpers.views.lessons.incident import incident_walk\nincident_walk(lang="zh")',
    "from csl_helpers.views.law.article_view import article_view\n"
    'article_view(1, lang="zh", show="zh")',
    "from csl_helpers.views.law.compare_view import chapter_comparison\n"
    'chapter_comparison(2, lang="zh")',
)
"""One cell per lesson widget, each in Chinese."""
SHOWN_TEXT = """(root) => {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) { out.push(node.textContent); return; }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (["STYLE", "SCRIPT"].includes(node.tagName) || node.getAttribute("lang") === "en") return;
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out.join(" ");
}"""
"""The text a reader sees in an element, the Law's English text (``lang="en"``) left out."""


@pytest.fixture(scope="module")
def lessons_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Voila server over a folder holding one small notebook of the lesson widgets."""
    folder = tmp_path_factory.mktemp("lessons")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["kernelspec"] = kernel
    nbformat.write(nb, folder / NOTEBOOK)
    voila = Path(sys.executable).parent / "voila"
    command = (
        f"{voila} {folder} --port={free_port()} --Voila.ip=127.0.0.1 --no-browser "
        "--Voila.port_retries=0 --VoilaConfiguration.preheat_kernel=False"
    )
    with serving(command, folder / "voila.log") as server:
        yield server.url


@pytest.mark.browser
@pytest.mark.server
def test_every_lesson_widget_in_chinese_shows_no_english_word_and_answers_by_keyboard(
    page, lessons_url
):
    page.goto(f"{lessons_url}/voila/render/{NOTEBOOK}", wait_until="load", timeout=90_000)
    for name in ("quiz", "sort-answer", "scope-network", "incident-step", "av-text", "compare"):
        expect(page.locator(f"[class*='csl-{name}']").first).to_be_visible(timeout=60_000)
    outputs = page.locator(".jp-OutputArea-output")
    assert outputs.count() >= len(CELLS)
    for i in range(outputs.count()):
        shown = outputs.nth(i).evaluate(SHOWN_TEXT)
        assert "网络" in shown or "文本" in shown, shown[:200]
        assert latin_words(shown) == [], (i, latin_words(shown)[:20])

    question = page.locator(".csl-quiz-question").first
    group = question.get_by_role("radiogroup")
    expect(group).to_have_accessible_name("第1题的答案")
    radios = question.get_by_role("radio")
    assert radios.count() >= 2
    radios.first.focus()
    page.keyboard.press("ArrowDown")  # the arrows choose
    expect(radios.nth(1)).to_have_attribute("aria-checked", "true")
    expect(radios.nth(1)).to_be_focused()
    expect(radios.first).to_have_attribute("aria-checked", "false")
    page.keyboard.press("Tab")  # one Tab stop for the group: on to the Check button
    expect(question.locator(".csl-quiz-check button, button.csl-quiz-check")).to_be_focused()
    page.keyboard.press("Enter")
    feedback = question.locator(".csl-quiz-feedback")
    expect(feedback).to_contain_text("回答")
    expect(feedback).to_contain_text("第二条")
    page.keyboard.press("Shift+Tab")  # back into the group, on the option chosen
    expect(radios.nth(1)).to_be_focused()
    assert latin_words(question.evaluate(SHOWN_TEXT)) == []


@pytest.mark.browser
@pytest.mark.server
def test_every_lesson_choice_is_a_named_radio_group_and_the_sorter_answers_by_keyboard(
    page, lessons_url
):
    page.goto(f"{lessons_url}/voila/render/{NOTEBOOK}", wait_until="load", timeout=90_000)
    expect(page.locator(".csl-compare-text").first).to_be_visible(timeout=60_000)
    groups = page.get_by_role("radiogroup")
    # 4 quiz questions, the sorter, the scope's 2, the incident's version, the article view's
    # version and texts, the comparison's texts
    expect(groups).to_have_count(11)
    for i in range(groups.count()):
        name = groups.nth(i).evaluate(
            "g => document.getElementById(g.getAttribute('aria-labelledby')).textContent"
        )
        assert name and not latin_words(name), name
    sorter = page.locator(".csl-sort-answer")
    radios = sorter.get_by_role("radio")
    expect(radios).to_have_text(["是", "否"])
    radios.first.focus()
    page.keyboard.press("ArrowRight")
    expect(radios.nth(1)).to_have_attribute("aria-checked", "true")
    page.keyboard.press("Tab")
    expect(page.locator(".csl-sort-check button, button.csl-sort-check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".csl-sort-feedback")).to_contain_text("回答")
