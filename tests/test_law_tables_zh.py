"""The law layer's tables in Chinese: the texts' sources, the defined terms and a search.

A Chinese reader sees no English word in them outside the Law's English text; the sources'
descriptions are the project's own words, written in both languages in ``data/versions.yaml``,
and name their files, repositories and sites as they are spelled (``LawRefBook/Laws``,
``flk.npc.gov.cn``), which the check leaves aside like the commit hashes.
"""

from __future__ import annotations

import copy
import re

import pytest
from latin_words import latin_words, shown_text

from csl_helpers.law import version_registry
from csl_helpers.law.data import DataError, read_yaml
from csl_helpers.law.glossary import glossary
from csl_helpers.law.load import load_law
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons.tables import defined_terms, search_table, sources_table

CHINESE = re.compile(r"[\u4e00-\u9fff]")
NAMES = re.compile(r"\S*/\S*|[\w-]+(?:\.[\w-]+)+|\b[0-9a-f]{40}\b")
"""A path, a repository, a site or a file name (``a/b``, ``x.md``), or a commit hash."""


def _words(text: str) -> list[str]:
    return latin_words(NAMES.sub(" ", text))


@pytest.mark.parametrize("version", version_ids())
def test_the_sources_of_each_text_are_described_in_chinese(version):
    table = sources_table(version, lang="zh")
    for row in table.rows:
        assert CHINESE.search(row[2]) and _words(row[2]) == [], row[2]
    assert _words(shown_text(table._repr_html_())) == []


@pytest.mark.parametrize("version", version_ids())
def test_the_sources_of_each_text_are_described_in_english_in_english(version):
    rows = sources_table(version, lang="en").rows
    assert all(len(latin_words(row[2])) > 10 for row in rows)
    assert [row[2] for row in rows] == [s.description("en") for s in load_law(version).info.sources]


def test_the_name_check_leaves_names_aside_and_finds_english():
    said = "逐字节复制自 LawRefBook/Laws 的 x.md（快照 2f4c5c23716267af9dbebbbbd6cbbf732b101981）"
    assert _words(said) == []
    assert _words("已核对 checked identical") == ["checked", "identical"]


def test_a_source_described_in_one_language_is_refused(monkeypatch):
    raw = copy.deepcopy(read_yaml("versions.yaml"))
    raw["versions"][0]["texts"][0]["description"] = {"en": "English only"}
    monkeypatch.setattr(version_registry, "read_yaml", lambda name: raw)
    version_registry.versions.cache_clear()
    try:
        with pytest.raises(DataError, match=r"versions\[0\]\.texts\[0\]\.description"):
            version_registry.versions()
    finally:
        monkeypatch.undo()
        version_registry.versions.cache_clear()


@pytest.mark.parametrize("version", version_ids())
def test_the_defined_terms_in_chinese_are_the_laws_words(version):
    shown = defined_terms(version, lang="zh")
    assert latin_words(shown.plain()) == []
    assert latin_words(shown_text(shown._repr_html_())) == []
    law = load_law(version)
    for term in glossary(version):
        assert term.zh in shown.plain() and term.zh in law.text_of(term.defined_in, "zh")
        assert term.en not in shown.plain()


@pytest.mark.parametrize("version", version_ids())
def test_a_search_of_the_chinese_text_is_shown_in_chinese(version):
    table = search_table("网络运营者", "zh", version=version)
    assert table.rows and all(CHINESE.search(snippet) for _, snippet in table.rows)
    assert latin_words(table.plain()) == []
    assert latin_words(shown_text(table._repr_html_())) == []
