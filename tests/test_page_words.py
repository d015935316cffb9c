"""The words a page shows before its kernel answers (csl_helpers.pages), and the language switch."""

from __future__ import annotations

import re

import pytest

from csl_helpers import pages
from csl_helpers.translation import UI_LANGS

LATIN = re.compile("[A-Za-z]{2,}")


@pytest.mark.parametrize("name", pages.NAMES)
def test_every_dashboard_has_its_first_words_in_chinese(name):
    words = pages.page_words(name)
    assert set(words) == set(UI_LANGS)
    zh = words["zh"]
    assert zh["lang"] == "zh-Hans" and words["en"]["lang"] == "en"
    for key in ("title", "name", "intro", "opening", "progress"):
        shown = re.sub(r"<[^>]+>|\{\w+\}", "", zh[key])  # markup and placeholders aside
        assert shown and set(LATIN.findall(shown)) <= {"CSV", "Markdown"}, (key, zh)
    assert "{step}" in zh["progress"] and "{steps}" in zh["progress"]
    assert words["en"]["intro"] == ""  # in English the notebook's own cell says it


def test_the_landing_page_has_its_words_in_both_languages():
    zh, en = pages.landing_words("zh"), pages.landing_words("en")
    assert not LATIN.search(zh["title"]) and "网络安全法" in zh["intro"]
    assert zh["other"] == "Open the dashboards in English" and zh["other_query"] == ""
    assert en["other_query"] == "?lang=zh" and not LATIN.search(en["other"])


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("lang=zh", "zh"),
        ("article=61&lang=zh", "zh"),
        ("lang=en", "en"),
        ("", "en"),
        ("lang=fr", "en"),
        ("lang=zh&lang=zh", "en"),
    ],
)
def test_the_page_language_is_read_as_the_dashboard_reads_it(query, lang):
    assert pages.page_lang(query) == lang


def test_the_language_switch_names_each_language_in_that_language():
    from csl_helpers.views.law.explorer import LawExplorer

    explorer = LawExplorer(lang="zh")
    switch = next(w for w in _widgets(explorer.widget) if "csl-ui-lang" in w._dom_classes)
    assert [label for label, _ in switch.options] == ["中文", "English"]
    explorer.model.lang = "en"
    assert [label for label, _ in switch.options] == ["中文", "English"]
    assert explorer.page.lang == "en"
    explorer.model.lang = "zh"
    assert explorer.page.lang == "zh-Hans"


def _widgets(root):
    yield root
    for child in getattr(root, "children", ()):
        yield from _widgets(child)
