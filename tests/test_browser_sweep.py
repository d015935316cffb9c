"""Every dashboard of notebooks/dashboards in Chromium, in Chinese and in English: no interface
word of the other language anywhere on the page.

What the page shows is read whole: the visible text, the charts' SVG text, and the words a
control carries without showing them (placeholders, ``aria-label`` and ``title``), plus the
tab's title. Left out, as they are not the interface:

- the Law's text in the other language, which the page marks as such (``lang="en"`` on a
  Chinese page, ``lang="zh-Hans"`` on an English one), and the Law's own chapter and article
  titles in the explorer's menus (each given in both languages);
- the 中文 / English switch and the explorer's display choice, which name each language in
  that language; the explorer's search results, lines of the Law quoted in the language they
  matched in (the sweep searches in the page's language);
- numbers and citations' digits (not words), and the names of file formats (CSV, Markdown).

A dashboard added to the folder is swept too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DASHBOARDS = sorted(
    p.stem for p in (Path(__file__).parent.parent / "notebooks" / "dashboards").glob("*.ipynb")
)
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
FORMATS = {"CSV", "Markdown"}
SWITCHES = ".csl-ui-lang, .csl-lang"
LAW_MENUS = ".csl-chapter-picker, .csl-section-picker, .csl-article-picker"
QUOTING = ".csl-results"
"""The explorer's search results, each a line of the Law quoted in the language it matched."""
SEARCHED = {"zh": "个人信息", "en": "personal information"}
"""What the sweep searches the explorer for: a reader's words, in the page's language."""
READ = """(skip) => {
  const skipped = (e) => e.closest(skip) !== null;
  const hidden = [];
  for (const e of document.querySelectorAll(skip)) {
    hidden.push([e, e.style.display]);
    e.style.display = "none";
  }
  const words = [document.body.innerText, document.title];
  for (const e of document.querySelectorAll("svg text")) {
    if (!skipped(e) && e.getClientRects().length) words.push(e.textContent);
  }
  for (const e of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
    if (skipped(e) || !e.getClientRects().length) continue;
    for (const name of ["placeholder", "aria-label", "title"]) {
      words.push(e.getAttribute(name) || "");
    }
  }
  for (const [e, display] of hidden) e.style.display = display;
  return words.join("\\n");
}"""
"""Every interface word of the page but those under ``skip``."""


def interface_words(page, lang: str) -> str:
    other = '[lang="en"]' if lang == "zh" else '[lang="zh-Hans"], ' + LAW_MENUS
    return page.evaluate(READ, f"body {other}, {SWITCHES}, {QUOTING}")


def foreign(text: str, lang: str) -> set[str]:
    """The words of the other language in ``text``."""
    if lang == "zh":
        return set(ENGLISH_WORD.findall(text)) - FORMATS
    return set(CHINESE.findall(text))


def settled(page, lang: str) -> set[str]:
    """The other language's words once none are left, or after 20 s (the kernel's updates
    arrive one by one after the first words)."""
    for _ in range(80):
        found = foreign(interface_words(page, lang), lang)
        if not found:
            return found
        page.wait_for_timeout(250)
    return found


def use(page, dashboard: str, lang: str) -> None:
    """Bring out the dashboard's further views: a search and the changes; the checklist."""
    if dashboard == "law_explorer":
        box = page.locator(".csl-search input")
        box.fill(SEARCHED[lang])
        box.press("Enter")
        expect(page.locator(".csl-results select option").first).to_be_attached()
        page.locator(".csl-compare input").check()
        expect(page.locator(".csl-changes")).not_to_be_empty()
    elif dashboard == "obligation_navigator":
        button = ".csl-nav-yes"
        while page.locator(".csl-nav-question").count():
            fact = page.locator(".csl-nav-question").get_attribute("data-fact")
            page.locator(button).click()
            button = ".csl-nav-no"
            expect(page.locator(f'.csl-nav-question[data-fact="{fact}"]')).to_have_count(0)
        expect(page.locator(".csl-nav-checklist-body")).to_be_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("dashboard", DASHBOARDS)
def test_a_dashboard_shows_no_interface_word_of_the_other_language(
    page, voila_url, dashboard, lang
):
    query = "?lang=zh" if lang == "zh" else ""
    page.goto(f"{voila_url}/voila/render/{dashboard}.ipynb{query}")
    expect(page.locator(".csl-dashboard-root")).to_be_visible(timeout=90_000)
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans" if lang == "zh" else "en")
    assert not settled(page, lang), interface_words(page, lang)
    use(page, dashboard, lang)
    assert not settled(page, lang), interface_words(page, lang)


def test_the_sweep_finds_a_word_of_the_other_language(page, voila_url):
    """The check can fail: an English word put on a Chinese page is found."""
    page.goto(f"{voila_url}/voila/render/{DASHBOARDS[0]}.ipynb?lang=zh")
    expect(page.locator(".csl-dashboard-root")).to_be_visible(timeout=90_000)
    settled(page, "zh")
    page.evaluate("document.querySelector('.csl-dashboard-root').append('Loading')")
    assert "Loading" in foreign(interface_words(page, "zh"), "zh")
