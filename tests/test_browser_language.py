"""Each dashboard in Chromium, opened in Chinese with ?lang=zh and switched to English in place.

The test reads the page's text, not its pixels: CI's Chromium has no CJK font, yet the
characters are in the page. The Law's own text (marked ``lang="en"`` on a Chinese page,
``lang="zh-Hans"`` on an English one) and the language switches, which name each language
in that language, are left out; what remains is the interface, and it must be in one language.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
HARMLESS = ("r.setData is not a function",)
SWITCHES = ".csl-ui-lang, .csl-lang"
LAW_MENUS = ".csl-chapter-picker, .csl-section-picker, .csl-article-picker"
"""Menus that list the Law's chapters and articles with their Chinese titles beside English."""
VISIBLE_TEXT = """(skip) => {
  const hidden = [];
  for (const e of document.querySelectorAll(skip)) {
    hidden.push([e, e.style.display]);
    e.style.display = "none";
  }
  const text = document.body.innerText;
  for (const [e, display] of hidden) e.style.display = display;
  return text;
}"""
"""The page's visible text without the elements ``skip`` selects (inside the body)."""
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
NAMES = {"CSV", "Markdown"}
"""File formats, named as such in either language."""
DASHBOARDS = {
    # dashboard: (query, an element, its words in Chinese, then in English)
    "law_explorer": ("lang=zh", ".csl-banner", "年文本", "text"),
    "penalty_simulator": (
        "version=2016&article=64&paragraph=1&lang=zh",
        ".csl-pen-result",
        "第六十四条",
        "Article 64(1)",
    ),
    # The navigator is switched once its questions are answered and its checklist shows.
    "obligation_navigator": ("lang=zh", ".csl-nav-progress", "第1题", "Your checklist"),
}
SHOTS = os.environ.get("CSL_SCREENSHOTS")
"""A folder to keep a screenshot of each dashboard in each language in (unset: none kept)."""


def settled_text(page, skip: str, done) -> str:
    """The visible text once ``done(text)`` holds, or after 30 s (the kernel's updates arrive
    one by one after the first words have changed)."""
    deadline = time.monotonic() + 30
    while True:
        text = page.evaluate(VISIBLE_TEXT, skip)
        if done(text) or time.monotonic() > deadline:
            return text
        page.wait_for_timeout(250)


def answer_every_question(page) -> None:
    """Answer yes to the first question and no to the rest, until the checklist shows."""
    question = page.locator(".csl-nav-question")
    button = ".csl-nav-yes"
    while question.count():
        fact = question.get_attribute("data-fact")
        page.locator(button).click()
        button = ".csl-nav-no"
        expect(page.locator(f'.csl-nav-question[data-fact="{fact}"]')).to_have_count(0)
    expect(page.locator(".csl-nav-checklist-body h3")).to_contain_text("您在")


def shoot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("dashboard", DASHBOARDS)
def test_a_dashboard_opens_in_chinese_and_switches_to_english_in_place(page, voila_url, dashboard):
    query, where, zh, en = DASHBOARDS[dashboard]
    page.goto(f"{voila_url}/voila/render/{dashboard}.ipynb?{query}")
    expect(page.locator(where)).to_contain_text(zh, timeout=90_000)
    switch = page.locator(".csl-ui-lang")
    expect(switch.get_by_role("radio", name="中文")).to_have_attribute("aria-checked", "true")
    expect(page).to_have_title(re.compile(r"^[^A-Za-z]+$"))  # the tab is named in Chinese too
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    text = settled_text(
        page, f'body [lang="en"], {SWITCHES}', lambda t: set(ENGLISH_WORD.findall(t)) <= NAMES
    )
    assert set(ENGLISH_WORD.findall(text)) <= NAMES, text
    if dashboard == "obligation_navigator":
        answer_every_question(page)
        text = settled_text(
            page, f'body [lang="en"], {SWITCHES}', lambda t: set(ENGLISH_WORD.findall(t)) <= NAMES
        )
        assert set(ENGLISH_WORD.findall(text)) <= NAMES, text
    shoot(page, f"{dashboard}-zh")

    page.evaluate("window.cslSamePage = true")
    switch.get_by_role("radio", name="English").click()
    expect(page.locator(where)).to_contain_text(en)
    assert page.evaluate("window.cslSamePage === true"), "the page was loaded again"
    expect(page).to_have_title(re.compile(r"· CSL Notebooks$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    skip = f'body [lang="zh-Hans"], {SWITCHES}, {LAW_MENUS}'
    text = settled_text(page, skip, lambda t: not CHINESE.findall(t))
    assert not CHINESE.findall(text), text
    shoot(page, f"{dashboard}-en")
    assert [e for e in page.errors if not any(h in e for h in HARMLESS)] == []


def test_an_unknown_language_is_told_and_the_page_is_english(page, voila_url):
    page.goto(f"{voila_url}/voila/render/penalty_simulator.ipynb?lang=fr&version=2016&article=59")
    expect(page.locator(".csl-pen-error")).to_contain_text("lang must be one of en, zh")
    expect(page.locator(".csl-pen-result")).to_contain_text("Article 59")


SAMPLER = """
window.cslPainted = [];
const shown = (e) => e.getClientRects().length > 0;
const take = () => {
  if (document.body) {
    const loading = document.getElementById("loading");
    window.cslPainted.push({
      lang: document.documentElement.lang,
      title: document.title,
      loading: loading && shown(loading) ? loading.innerText : "",
      headings: [...document.querySelectorAll("h1, h2")].filter(shown).map((e) => e.innerText),
    });
  }
  if (!document.querySelector(".csl-dashboard-root")) requestAnimationFrame(take);
};
requestAnimationFrame(take);
"""
"""Records, at every frame until the dashboard's widgets show, what the frame paints: the page's
language, its title, its loading screen's words and its headings."""


@pytest.mark.parametrize("dashboard", DASHBOARDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_dashboard_is_in_its_language_from_its_first_paint(page, voila_url, dashboard, lang):
    """The loading screen, the title and the introduction: no frame in the other language."""
    page.add_init_script(SAMPLER)
    query = "?lang=zh" if lang == "zh" else ""
    page.goto(f"{voila_url}/voila/render/{dashboard}.ipynb{query}")
    expect(page.locator(".csl-dashboard-root")).to_be_visible(timeout=90_000)
    frames = page.evaluate("window.cslPainted")
    assert frames, "no frame was painted before the widgets"
    assert any(f["loading"] for f in frames), "no loading screen was painted"
    assert any(f["headings"] for f in frames[:-1]), "no title was painted before the widgets"
    other = ENGLISH_WORD if lang == "zh" else CHINESE
    for frame in frames:
        assert frame["lang"] == ("zh-Hans" if lang == "zh" else "en"), frame
        words = " ".join([frame["title"], frame["loading"], *frame["headings"]])
        assert not other.findall(words), frame
    if lang == "zh":  # a step of the progress is told in Chinese as well
        assert any("步" in f["loading"] for f in frames), frames


@pytest.mark.parametrize(("query", "lang"), [("?lang=zh", "zh-Hans"), ("", "en")])
def test_a_dashboard_page_declares_its_language_from_the_first_byte(voila_url, query, lang):
    import urllib.request

    url = f"{voila_url}/voila/render/law_explorer.ipynb{query}"
    with urllib.request.urlopen(url) as answer:
        start = answer.read(2048).decode("utf-8", "replace")
    assert f'<html lang="{lang}">' in start, start[:200]


def test_the_landing_page_is_in_the_language_its_address_names(page, voila_url):
    """From the server's first byte: <html lang>, title, introduction, each card's first link."""
    import urllib.request

    with urllib.request.urlopen(f"{voila_url}/?lang=zh") as answer:
        assert '<html lang="zh-Hans">' in answer.read().decode()
    page.goto(f"{voila_url}/?lang=zh")
    expect(page).to_have_title(re.compile(r"^[^A-Za-z]+$"))
    expect(page.locator("h1")).not_to_contain_text(re.compile("[A-Za-z]"))
    expect(page.locator(".csl-landing-intro").first).to_contain_text("网络安全法")
    cards = page.locator(".csl-dashboard")
    expect(cards).to_have_count(len(DASHBOARDS))
    for i in range(len(DASHBOARDS)):
        expect(cards.nth(i).locator("a").first).to_have_attribute("lang", "zh-Hans")
    text = page.evaluate(VISIBLE_TEXT, 'body [lang="en"]')
    assert set(ENGLISH_WORD.findall(text)) <= NAMES | {"English"}, text
    page.goto(f"{voila_url}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    for i in range(len(DASHBOARDS)):
        expect(cards.nth(i).locator("a").first).to_have_attribute("lang", "en")
    titles = page.locator("a.csl-dashboard-en").all_inner_texts()
    assert all(word[0].isupper() for t in titles for word in t.split()), titles


def test_the_landing_page_offers_each_dashboard_in_both_languages(page, voila_url):
    page.goto(voila_url + "/")
    chinese = page.locator("a.csl-dashboard-zh")
    expect(chinese).to_have_count(len(DASHBOARDS))
    for name in DASHBOARDS:
        expect(page.locator(f'a[href="/voila/render/{name}.ipynb?lang=zh"]')).to_be_visible()
