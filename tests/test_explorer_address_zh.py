"""The Law Explorer in Chinese: a bad address keeps the page's language, the address holds the
whole view (text shown, changes), a cited paragraph or item is marked, the Chinese leads."""

from __future__ import annotations

import re

import pytest

from csl_helpers.law.model import Provision
from csl_helpers.views.law.explorer import LawExplorer

LATIN_SENTENCE = re.compile(r"[A-Za-z]{3,} [A-Za-z]{3,}")
"""Two English words in a row: a sentence, where a parameter's name alone may stand."""


@pytest.fixture
def explorer():
    return LawExplorer(lang="en")


@pytest.mark.parametrize(
    "query",
    [
        "lang=zh&article=999",
        "article=999&lang=zh",
        "lang=zh&version=2030",
        "lang=zh&article=x",
        "lang=zh&article=71&paragraph=9",
        "lang=zh&article=71&paragraph=1&item=7",
        "lang=zh&article=71&item=2",
        "lang=zh&text=fr",
        "lang=zh&diff=2",
        "lang=zh&colour=red",
    ],
)
def test_a_bad_value_is_told_in_chinese_and_the_page_stays_chinese(explorer, query):
    explorer.open_query(query)
    assert explorer.model.lang == "zh"
    told = explorer.guard.message.value
    assert "无法打开所请求的条文" in told, told
    assert not LATIN_SENTENCE.search(re.sub(r"<[^>]+>", "", told)), told
    assert "lang=zh" in explorer.page.query.split("&")


def test_the_address_holds_the_text_shown_and_the_changes(explorer):
    explorer.open_query("version=2025&article=21&text=zh&diff=1&lang=zh")
    assert (explorer.model.text_lang, explorer.model.compare) == ("zh", True)
    assert explorer.page.query == "version=2025&article=21&text=zh&diff=1&lang=zh"
    explorer.model.text_lang, explorer.model.compare = "both", False
    assert explorer.page.query == "version=2025&article=21&lang=zh"
    explorer.open_query("version=2025&article=21&text=en")
    assert (explorer.model.text_lang, explorer.model.lang) == ("en", "en")


def test_a_cited_item_is_marked_and_its_address_says_it(explorer):
    explorer.open_query("version=2025&article=71&paragraph=1&item=2&lang=zh")
    assert explorer.model.cited == Provision(71, 1, 2)
    for column in (explorer.text_zh, explorer.text_en):
        assert column.value.count("csl-cited") == 1
    marked = explorer.text_zh.value.split("csl-cited")[1]
    assert marked.split("</p>")[0].endswith("侵害个人信息权益的；"), marked
    assert "paragraph=1&item=2" in explorer.page.query
    explorer.show("2025", 72)  # another article: nothing marked
    assert explorer.model.cited is None and "csl-cited" not in explorer.text_zh.value
    assert "paragraph" not in explorer.page.query


def test_following_a_reference_marks_what_it_cites(explorer):
    explorer.show("2025", 65)
    (button,) = [b for b in explorer.cites.children if "61" in b.description]
    button.click()
    assert explorer.model.article == 61 and explorer.model.cited == Provision(61, 3)
    assert explorer.text_en.value.count("csl-cited") == 1


def test_in_chinese_the_chinese_text_leads(explorer):
    assert explorer.columns.children == (explorer.text_en, explorer.text_zh)
    explorer.model.lang = "zh"
    assert explorer.columns.children == (explorer.text_zh, explorer.text_en)
    explorer.model.lang = "en"
    assert explorer.columns.children == (explorer.text_en, explorer.text_zh)


def test_in_chinese_the_display_choice_names_chinese_first(explorer):
    labels = lambda: [label for label, _ in explorer.lang_picker.options]  # noqa: E731
    assert labels() == ["English | 中文", "English", "中文"]
    explorer.model.lang = "zh"
    assert labels() == ["中文 | 英文", "中文", "英文"]
    explorer.model.text_lang = "zh"
    explorer.model.lang = "en"
    assert labels() == ["English | 中文", "English", "中文"] and explorer.lang_picker.value == "zh"


def test_following_a_citing_item_back_marks_it(explorer):
    explorer.model.lang = "zh"
    explorer.show("2025", 24)
    (button,) = [b for b in explorer.cited_by.children if b.description == "第七十一条第一款第二项"]
    button.click()
    assert explorer.model.cited == Provision(71, 1, 2)
    assert "侵害个人信息权益的；" in explorer.text_zh.value.split("csl-cited")[1].split("</p>")[0]
