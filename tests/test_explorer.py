"""The Law Explorer's behaviour, without a browser: navigation, version switch, search."""

from __future__ import annotations

from datetime import date

import pytest

from csl_helpers import concordance, load_law, version_on
from csl_helpers.views.law.explorer import LawExplorer


@pytest.fixture
def explorer():
    return LawExplorer("2016", 21)


def test_opens_where_asked(explorer):
    assert explorer.law.version == "2016" and explorer.number == 21
    assert "Article 21" in explorer.text_en.value
    assert "第二十一条" in explorer.text_zh.value
    assert explorer.section_picker.value == 1
    assert "Article 23" in explorer.counterpart.value


def test_default_is_the_law_in_force_today():
    assert LawExplorer().law.version == version_on(date.today()).id


def test_switching_version_keeps_the_provision(explorer):
    explorer.version_picker.value = "2025"
    assert (explorer.law.version, explorer.number) == ("2025", concordance(21, "2016", "2025"))
    explorer.version_picker.value = "2016"
    assert explorer.number == 21


def test_new_article_has_no_counterpart_button():
    ex = LawExplorer("2025", 3)
    assert "new in the 2025 text" in ex.counterpart.value
    assert ex.counterpart_button.layout.display == "none"
    ex.version_picker.value = "2016"
    assert ex.number == 1  # nothing to keep: the first article


def test_chapter_without_sections_hides_the_section_picker(explorer):
    explorer.chapter_picker.value = 6
    assert explorer.number == load_law("2016").chapter(6).articles[0].number
    assert explorer.section_picker.layout.display == "none"


def test_search_fills_results_and_opens_a_hit(explorer):
    explorer.search_box.value = "LOGS"
    hits = load_law("2016").search("logs")
    assert [v for _, v in explorer.results.options] == [h.article for h in hits]
    explorer.results.value = hits[0].article
    assert explorer.number == hits[0].article


def test_empty_search_asks_for_words_instead_of_failing(explorer):
    explorer.search_box.value = "   "
    assert explorer.results.options == ()
    assert "Type a word" in explorer.search_status.value


def test_search_text_is_escaped(explorer):
    explorer.search_box.value = "<script>alert(1)</script>"
    assert "<script>" not in explorer.search_status.value
    assert "&lt;script&gt;" in explorer.search_status.value


def test_reference_buttons_follow_both_ways(explorer):
    explorer.show("2016", 59)
    labels = [b.description for b in explorer.cites.children]
    assert labels[:2] == ["Article 21", "Article 25"]
    explorer.cites.children[0].click()
    assert explorer.number == 21
    cited = [b for b in explorer.cited_by.children if b.description.startswith("Article 59")]
    cited[0].click()
    assert explorer.number == 59


def test_translation_provenance_is_shown():
    ex = LawExplorer("2025", 61)
    assert "own translation of a new or changed article" in ex.provenance.value
    ex.show("2025", 66)
    assert "Translator's note" in ex.provenance.value


def test_changes_against_the_other_version():
    ex = LawExplorer("2025", 42)
    assert ex.changes.value == ""
    ex.compare.value = True
    assert "<ins>" in ex.changes.value and "2016: 第四十条" in ex.changes.value
    ex.show("2025", 3)
    assert "no counterpart" in ex.changes.value
    ex.show("2025", 1)
    assert "same in both versions" in ex.changes.value
    ex.lang_picker.value = "en"
    assert "2016: Article 1" in ex.changes.value


def test_the_search_button_searches_both_languages_and_the_list_shows_only_hits(explorer):
    assert explorer.results.layout.display == "none"
    explorer.search_box.value = "个人信息"
    explorer.search_button.click()
    hits = load_law("2016").search("个人信息", "zh")
    paragraphs = len({h.provision for h in hits})
    assert f"{paragraphs} paragraphs of the 2016 text" in explorer.search_status.value
    assert len(explorer.results.options) == len(hits)
    assert explorer.results.layout.display is None
    explorer.search_box.value = "no such words"
    explorer.search_button.click()
    assert "0 paragraphs" in explorer.search_status.value
    assert explorer.results.layout.display == "none"
