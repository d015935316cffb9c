"""In Chromium: the Chinese pages word citations, amounts, notes and errors as Chinese does."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from csl_helpers.penalties import simulate

pytestmark = pytest.mark.browser


def test_the_simulator_in_chinese_cites_counts_and_notes_in_chinese(page, voila_url):
    page.goto(f"{voila_url}/voila/render/penalty_simulator.ipynb?lang=zh&version=2016&article=64")
    result = page.locator(".csl-pen-result")
    expect(result).to_be_visible(timeout=90_000)
    expect(result).to_contain_text("第六十四条第一款", timeout=30_000)
    expect(result).to_contain_text("100万元以下")
    expect(result).to_contain_text("说明")
    expect(result).to_contain_text(simulate("2016", 64).notes[0].zh[:20])
    expect(result).not_to_contain_text("说明（英文）")
    expect(result).not_to_contain_text("1,000,000")


def test_a_bad_article_is_told_in_chinese_with_its_reason(page, voila_url):
    page.goto(f"{voila_url}/voila/render/law_explorer.ipynb?lang=zh&article=999")
    error = page.locator(".csl-address-error")
    expect(error).to_be_visible(timeout=90_000)
    expect(error).to_contain_text("只有第1条至第81条，没有第999条")
    expect(error).not_to_contain_text("has Articles")
