"""The Law Explorer dashboard, served by Voila and driven in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from csl_helpers import concordance, counterparts, load_law, side_by_side, versions

pytestmark = pytest.mark.browser
HARMLESS = ("r.setData is not a function",)


SCREENS = {"phone": (390, 844), "projector at 150 %": (853, 480)}
"""Viewports (CSS pixels) the explorer must read well in: a phone, and a 1280×720 projector
zoomed to 150 %."""


def first_line(version: str, n: int, lang: str) -> str:
    return load_law(version).article(n).text(lang).split("\n")[0][:30]


@pytest.fixture
def explorer(page, voila_url):
    page.goto(voila_url + "/voila/render/law_explorer.ipynb")
    expect(page.locator(".csl-text-zh")).to_be_visible(timeout=90_000)
    yield page
    assert [e for e in page.errors if not any(h in e for h in HARMLESS)] == []


def test_opens_on_the_law_in_force_today_in_both_languages(explorer):
    law = load_law()
    expect(explorer.locator(".csl-text-en h3")).to_have_text("Article 1")
    expect(explorer.locator(".csl-text-zh h3")).to_have_text("第一条")
    expect(explorer.locator(".csl-text-zh")).to_contain_text(first_line(law.version, 1, "zh"))
    expect(explorer.locator(".csl-text-en")).to_contain_text(first_line(law.version, 1, "en"))
    expect(explorer.get_by_text("This is the law in force today.")).to_be_visible()
    assert "csl_helpers" not in explorer.locator("body").inner_text()  # sources are stripped


def test_search_open_switch_language_and_version(explorer):
    query = "不少于六个月"
    (hit,) = load_law().search(query, "zh")
    explorer.locator(".csl-lang").get_by_role("radio", name="中文", exact=True).click()
    expect(explorer.locator(".csl-text-en")).to_be_hidden()
    expect(explorer.locator(".csl-text-zh")).to_be_visible()

    box = explorer.locator(".csl-search input")
    box.fill(query)
    box.press("Enter")
    results = explorer.locator(".csl-results select")
    expect(results.locator("option")).to_have_count(1)
    results.select_option(index=0)
    cite = hit.provision.citation("zh")
    expect(explorer.locator(".csl-text-zh h3")).to_have_text(f"第{cite.split('第')[1]}")
    expect(explorer.locator(".csl-text-zh")).to_contain_text(query)

    explorer.locator(".csl-lang").get_by_role("radio", name="English | 中文").click()
    expect(explorer.locator(".csl-text-en")).to_be_visible()
    other = next(v.id for v in versions() if v.id != load_law().version)
    explorer.locator(".csl-version").get_by_role("radio", name=f"{other} text").click()
    old = concordance(hit.article, load_law().version, other)
    expect(explorer.locator(".csl-text-en h3")).to_have_text(f"Article {old}")
    expect(explorer.locator(".csl-text-en")).to_contain_text(first_line(other, old, "en"))
    expect(explorer.get_by_text(f"Same provision in the {load_law().version} text")).to_be_visible()


def test_follow_references_both_ways(explorer):
    law = load_law()
    source = next(a for a in law.articles if law.references(a.number) and a.number > 30)
    target = next(r.target.article for r in law.references(source.number))
    _open(explorer, law, source.number)
    expect(explorer.locator(".csl-text-en h3")).to_have_text(source.citation("en"))
    explorer.locator(".csl-cites").get_by_role("button").first.click()
    expect(explorer.locator(".csl-text-en h3")).to_have_text(f"Article {target}")
    expect(explorer.locator(".csl-cited-by")).to_contain_text(source.citation("en"))
    explorer.locator(".csl-cited-by").get_by_role(
        "button", name=source.citation("en")
    ).first.click()
    expect(explorer.locator(".csl-text-en h3")).to_have_text(source.citation("en"))


def test_typed_markup_is_shown_as_text(explorer):
    payload = "<img src=x onerror=window.__pwned=1>"
    box = explorer.locator(".csl-search input")
    box.fill(payload)
    box.press("Enter")
    expect(explorer.get_by_text("0 paragraphs")).to_be_visible()
    expect(explorer.get_by_text(payload)).to_be_visible()
    assert explorer.evaluate("window.__pwned") is None


def _open(page, law, number):
    article = law.article(number)
    chapter = law.chapter(article.chapter)
    page.locator(".csl-chapter-picker select").select_option(
        label=f"{chapter.number}. {chapter.title('en')} · {chapter.title('zh')}"
    )
    if article.section:
        section = chapter.sections[article.section - 1]
        page.locator(".csl-section-picker select").select_option(
            label=f"Section {section.number}. {section.title('en')} · {section.title('zh')}"
        )
    page.locator(".csl-article-picker select").select_option(
        label=f"{article.citation('en')} · {article.citation('zh')}"
    )


def test_changes_are_marked_against_the_other_version(explorer):
    law = load_law()
    other = next(v.id for v in versions() if v.id != law.version)
    changed = next(
        a
        for a in law.articles
        if counterparts(a.number, law.version, other)
        and side_by_side(a.number, law.version, other).changed
    )
    _open(explorer, law, changed.number)
    explorer.locator(".csl-compare input").check()
    expect(explorer.locator(".csl-changes del, .csl-changes ins").first).to_be_visible()
    expect(explorer.locator(".csl-changes")).to_contain_text(changed.citation("zh"))


@pytest.fixture
def explorer_on(chromium, voila_url):
    """Open the explorer in a fresh page of ``width`` × ``height`` CSS pixels."""
    contexts = []

    def open_(width: int, height: int):
        context = chromium.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        pg = context.new_page()
        pg.set_default_timeout(30_000)
        pg.goto(voila_url + "/voila/render/law_explorer.ipynb")
        expect(pg.locator(".csl-text-zh")).to_be_visible(timeout=90_000)
        return pg

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("screen", SCREENS)
def test_the_text_is_readable_on_a_narrow_screen(explorer_on, screen):
    width, height = SCREENS[screen]
    pg = explorer_on(width, height)
    for column in (".csl-text-en", ".csl-text-zh"):
        box = pg.locator(column).bounding_box()
        assert box["width"] >= 300, f"{column} is {box['width']:.0f} px wide at {screen}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, f"{column} is cut off"
    overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow} px at {screen}"


def test_search_finds_either_language_with_the_button(explorer):
    law = load_law()
    query = "个人信息"
    hits = law.search(query, "en") + law.search(query, "zh")
    paragraphs = len({h.provision for h in hits})
    assert paragraphs > 0
    explorer.locator(".csl-lang").get_by_role("radio", name="English", exact=True).click()
    explorer.locator(".csl-search input").fill(query)
    explorer.locator(".csl-search-button").click()
    expect(
        explorer.get_by_text(f"{paragraphs} paragraphs of the {law.version} text")
    ).to_be_visible()
    expect(explorer.locator(".csl-results select option")).to_have_count(len(hits))


def _opened(page, voila_url, query: str):
    page.goto(f"{voila_url}/voila/render/law_explorer.ipynb?{query}")
    expect(page.locator(".csl-text-zh")).to_be_visible(timeout=90_000)
    return page


def test_a_bad_value_is_told_in_chinese_on_a_chinese_page(page, voila_url):
    _opened(page, voila_url, "lang=zh&article=999")
    expect(page.locator(".csl-address-error")).to_contain_text("无法打开所请求的条文")
    expect(page.locator(".csl-banner")).to_contain_text("年文本")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page).to_have_url(re.compile(r"[?&]lang=zh(&|$)"))


def test_a_copied_address_reopens_the_text_shown_and_the_changes(page, voila_url):
    _opened(page, voila_url, "version=2025&article=21&lang=zh")
    page.locator(".csl-lang").get_by_role("radio", name="中文", exact=True).click()
    page.locator(".csl-compare input").check()
    expect(page).to_have_url(re.compile(r"text=zh&diff=1"))
    copied = page.url
    page.goto("about:blank")
    page.goto(copied)
    expect(page.locator(".csl-text-zh")).to_be_visible(timeout=90_000)
    expect(page.locator(".csl-text-en")).to_be_hidden()
    expect(page.locator(".csl-compare input")).to_be_checked()
    expect(page.locator(".csl-lang [aria-checked=true]")).to_have_text("中文")


def test_following_a_reference_to_an_item_marks_it(page, voila_url):
    _opened(page, voila_url, "version=2025&article=62&lang=zh")
    page.locator(".csl-cites").get_by_role("button", name="第六十二条第一款第二项").click()
    cited = page.locator(".csl-text-zh .csl-cited")
    expect(cited).to_have_count(1)
    expect(cited).to_have_attribute("aria-current", "true")
    expect(cited).to_contain_text("（二）")
    expect(page).to_have_url(re.compile(r"article=62&paragraph=1&item=2"))
    page.locator(".csl-cites").get_by_role("button", name="第六十一条第三款").first.click()
    expect(page.locator(".csl-text-zh h3")).to_have_text("第六十一条")
    expect(page.locator(".csl-text-zh .csl-cited")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"article=61&paragraph=3"))


@pytest.mark.parametrize("width", [1280, 390])
def test_in_chinese_the_chinese_text_leads(chromium, voila_url, width):
    context = chromium.new_context(viewport={"width": width, "height": 844})
    try:
        pg = _opened(context.new_page(), voila_url, "version=2025&article=21&lang=zh")
        expect(pg.locator(".csl-text-zh h3")).to_have_text("第二十一条")
        zh, en = (pg.locator(c).bounding_box() for c in (".csl-text-zh", ".csl-text-en"))
        if width >= 1000:
            assert zh["x"] < en["x"] and abs(zh["y"] - en["y"]) < 2, (zh, en)
        else:
            assert zh["y"] + zh["height"] <= en["y"] + 1, (zh, en)  # Chinese above English
        pg.locator(".csl-ui-lang").get_by_role("radio", name="English").click()
        leads = "document.querySelector('.csl-text-en').nextElementSibling?.matches('.csl-text-zh')"
        pg.wait_for_function(leads)  # English first again, in the page's order too
        en_box = pg.locator(".csl-text-en").bounding_box()
        zh_box = pg.locator(".csl-text-zh").bounding_box()
        assert (en_box["y"], en_box["x"]) < (zh_box["y"], zh_box["x"]), (en_box, zh_box)
    finally:
        context.close()
