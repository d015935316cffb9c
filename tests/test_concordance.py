"""The 2016 <-> 2025 concordance, checked against the Decision and the texts themselves."""

from __future__ import annotations

import copy
import importlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csl_helpers import concordance, counterparts, load_law, side_by_side
from csl_helpers.law import amendment
from csl_helpers.law.amendment import decision_items
from csl_helpers.law.concordance import change_of, concordance_rows, concordance_versions
from csl_helpers.law.data import DataError, read_yaml
from csl_helpers.law.version_registry import successive_versions

concordance_module = importlib.import_module("csl_helpers.law.concordance")
"""The module, not the function ``csl_helpers.law`` exports under the same name."""


def test_decision_has_fourteen_items():
    assert [i.number for i in decision_items()] == list(range(1, 15))


def test_every_decision_item_matches_its_concordance_row():
    rows = {r.decision_item: r for r in concordance_rows() if r.decision_item}
    assert sorted(rows) == list(range(1, 15))
    for item in decision_items():
        row = rows[item.number]
        assert row.article_2025 == item.article_2025, item.number
        parts = {(p.article, p.items[0] if p.items else None) for p in row.from_2016}
        assert parts == set(item.from_2016), item.number
        assert (row.change == "added") == (item.from_2016 == ()), item.number


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\s", "", s).replace(":", "：")  # noqa: E731
    return norm(a) == norm(b)


def test_unchanged_rows_have_the_same_chinese_text():
    old, new = load_law("2016"), load_law("2025")
    unchanged = [r for r in concordance_rows() if r.change in ("unchanged", "renumbered")]
    assert len(unchanged) == 62
    for row in unchanged:
        (source,) = row.from_2016
        assert _same(
            old.article(source.article).text("zh"), new.article(row.article_2025).text("zh")
        )


def test_citation_only_rows_differ_only_in_the_cited_numbers():
    old, new = load_law("2016"), load_law("2025")
    rows = [r for r in concordance_rows() if r.change == "citations_renumbered"]
    assert [r.article_2025 for r in rows] == [36, 66, 68, 75]
    for row in rows:
        (source,) = row.from_2016
        old_refs = [r.target.article for r in old.references(source.article)]
        new_refs = [r.target.article for r in new.references(row.article_2025)]
        mapped = [
            concordance(n, "2016", "2025") if n != source.article else row.article_2025
            for n in old_refs
        ]
        assert new_refs == mapped
        strip = lambda s: re.sub(r"第[一二三四五六七八九十百]+条", "", s)  # noqa: E731
        assert _same(
            strip(old.article(source.article).text("zh")),
            strip(new.article(row.article_2025).text("zh")),
        )


def test_amended_rows_really_differ():
    old, new = load_law("2016"), load_law("2025")
    for row in concordance_rows():
        if row.change in ("amended", "merged_amended"):
            texts = [old.article(p.article).text("zh") for p in row.from_2016]
            assert not _same("".join(texts), new.article(row.article_2025).text("zh"))


def test_every_2016_article_has_a_place_in_2025():
    mapped = {p.article for r in concordance_rows() for p in r.from_2016}
    assert mapped == set(range(1, 80))


@pytest.mark.parametrize(
    "n,from_version,to_version,expected",
    [
        (21, "2016", "2025", 23),
        (23, "2025", "2016", 21),
        (59, "2016", "2025", 61),
        (61, "2016", "2025", 64),
        (65, "2025", "2016", 62),
        (68, "2016", "2025", 69),
        (69, "2016", "2025", 70),
        (64, "2016", "2025", 71),
        (66, "2016", "2025", 71),
        (70, "2016", "2025", 71),
        (71, "2025", "2016", 64),
        (3, "2025", "2016", None),
        (20, "2025", "2016", None),
        (63, "2025", "2016", None),
        (73, "2025", "2016", None),
        (79, "2016", "2025", 81),
        (5, "2016", "2016", 5),
    ],
)
def test_concordance_examples(n, from_version, to_version, expected):
    assert concordance(n, from_version, to_version) == expected


@given(st.integers(1, 81))
def test_concordance_round_trips_where_nothing_merged(n):
    back = concordance(n, "2025", "2016")
    if back is not None and len(counterparts(n, "2025", "2016")) == 1:
        if len(counterparts(back, "2016", "2025")) == 1:
            assert concordance(back, "2016", "2025") == n


def test_concordance_errors_name_the_valid_choices():
    with pytest.raises(ValueError, match="valid versions"):
        concordance(1, "2016", "2024")
    with pytest.raises(LookupError, match="Articles 1 to 79, not 80"):
        concordance(80, "2016", "2025")
    with pytest.raises(LookupError, match="Articles 1 to 81, not 0"):
        change_of(0)


def test_side_by_side_marks_the_added_paragraph():
    sbs = side_by_side(40, "2016", "2025")
    assert sbs.changed
    inserted = "".join(s.new for s in sbs.segments if s.op in ("insert", "replace"))
    assert "个人信息保护法" in inserted


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_side_by_side_segments_rebuild_both_texts(lang):
    for n in range(1, 80):
        sbs = side_by_side(n, "2016", "2025", lang)
        assert "".join(s.old for s in sbs.segments) == "\n\n".join(a.text(lang) for a in sbs.old)
        assert "".join(s.new for s in sbs.segments) == "\n\n".join(a.text(lang) for a in sbs.new)
        row = change_of(sbs.new[0].number)
        if row.change in ("unchanged", "renumbered") and lang == "zh":
            assert not sbs.changed or _same(sbs.old[0].text("zh"), sbs.new[0].text("zh"))


def test_side_by_side_from_the_2025_side_merges_sources():
    sbs = side_by_side(71, "2025", "2016")
    assert [a.number for a in sbs.old] == [64, 66, 70]
    assert [a.number for a in sbs.new] == [71]


def test_side_by_side_of_a_new_article_is_an_error():
    with pytest.raises(LookupError, match="no counterpart"):
        side_by_side(3, "2025", "2016")


def test_the_concordance_names_its_versions_in_its_fields(monkeypatch):
    old, new = concordance_versions()
    assert (old, new) in successive_versions()
    first = concordance_rows()[0]
    assert first.from_2016 and first.article_2025 == 1
    data = copy.deepcopy(read_yaml("concordance.yaml"))
    data["rows"][0]["article_0000"] = data["rows"][0].pop(f"article_{new.id}")
    monkeypatch.setattr(concordance_module, "read_yaml", lambda _: data)
    concordance_versions.cache_clear()
    try:
        with pytest.raises(DataError, match=r"rows\[0\]: fields .* name no two successive"):
            concordance_versions()
    finally:
        monkeypatch.undo()
        concordance_versions.cache_clear()
    assert concordance_versions() == (old, new)


def test_the_decision_is_the_file_the_later_version_names(monkeypatch):
    old, new = concordance_versions()
    assert new.amended_by and old.amended_by is None
    assert amendment.decision_file() == new.amended_by
    monkeypatch.setattr(amendment, "concordance_versions", lambda: (new, old))
    with pytest.raises(DataError, match=f"version {old.id!r}: missing field 'amended_by'"):
        amendment.decision_file()
