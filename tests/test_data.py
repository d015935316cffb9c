"""Integrity of data/: counts, structure, round trips, translations, glossary, notes."""

from __future__ import annotations

import dataclasses
import re

import pytest

from csl_helpers import Provision, load_law
from csl_helpers.law import version_registry
from csl_helpers.law.concordance import concordance, concordance_rows
from csl_helpers.law.data import read_text, read_yaml
from csl_helpers.law.glossary import glossary
from csl_helpers.law.load import EN_2016, EN_2016_RENUMBERED, EN_PROJECT
from csl_helpers.law.numerals import to_cn
from csl_helpers.law.parsing import TextFormatError, parse_text
from csl_helpers.law.version_registry import (
    other_version,
    successive_versions,
    version_after,
    version_before,
    version_ids,
    version_info,
)

VERSIONS = ("2016", "2025")
# Chapter and section ranges as the sources' headings place them (VERIFICATION.md).
CHAPTER_RANGES = {
    "2016": [(1, 14), (15, 20), (21, 39), (40, 50), (51, 58), (59, 75), (76, 79)],
    "2025": [(1, 15), (16, 22), (23, 41), (42, 52), (53, 60), (61, 77), (78, 81)],
}
SECTION_RANGES = {"2016": [(21, 30), (31, 39)], "2025": [(23, 32), (33, 41)]}


@pytest.mark.parametrize("version,count", [("2016", 79), ("2025", 81)])
def test_article_count_and_order(version, count):
    law = load_law(version)
    assert [a.number for a in law.articles] == list(range(1, count + 1))
    assert law.info.article_count == count


@pytest.mark.parametrize("version", VERSIONS)
def test_chapters_and_sections(version):
    law = load_law(version)
    assert len(law.chapters) == 7
    ranges = [(c.articles[0].number, c.articles[-1].number) for c in law.chapters]
    assert ranges == CHAPTER_RANGES[version]
    for chapter in law.chapters:
        assert chapter.title("zh") and chapter.title("en")
        if chapter.number != 3:
            assert chapter.sections == ()
            assert all(a.section is None for a in chapter.articles)
    sections = law.chapter(3).sections
    assert [(s.articles[0].number, s.articles[-1].number) for s in sections] == SECTION_RANGES[
        version
    ]
    assert [s.title("zh") for s in sections] == ["一般规定", "关键信息基础设施的运行安全"]


@pytest.mark.parametrize("version", VERSIONS)
def test_items_numbered_in_order_and_in_both_languages(version):
    law = load_law(version)
    count = 0
    for article in law.articles:
        for para in article.paragraphs:
            assert [i.number for i in para.items] == list(range(1, len(para.items) + 1))
            for item in para.items:
                assert item.zh.startswith(f"（{to_cn(item.number)}）")
                assert item.en.startswith(f"({item.number}) ")
                count += 1
    assert count >= 28


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_round_trip(version, lang):
    """Rebuilding the file from the parsed law gives the file back, line for line."""
    law = load_law(version)
    source = next(s for s in law.info.sources if s.lang == lang)
    original = [ln for ln in read_text(source.file).split("\n") if ln and not ln.startswith("<!--")]
    rebuilt = [f"# {law.title(lang)}", *law.note(lang).split("\n")]
    heading = {
        "zh": ("## 第{}章 {}", "### 第{}节 {}"),
        "en": ("## Chapter {} {}", "### Section {} {}"),
    }
    num = to_cn if lang == "zh" else str
    for chapter in law.chapters:
        rebuilt.append(heading[lang][0].format(num(chapter.number), chapter.title(lang)))
        for article in chapter.articles:
            if article.section and article == chapter.sections[article.section - 1].articles[0]:
                section = chapter.sections[article.section - 1]
                rebuilt.append(heading[lang][1].format(num(section.number), section.title(lang)))
            lines = [ln for ln in article.text(lang).split("\n") if ln]
            opener = (
                f"第{to_cn(article.number)}条 " if lang == "zh" else f"Article {article.number} "
            )
            rebuilt += [opener + lines[0], *lines[1:]]
    assert rebuilt == original


def test_the_2016_chinese_and_2025_chinese_are_the_shared_sources(shared_sources):
    for version, name in (("2016", "csl-2016.zh.md"), ("2025", "csl-2025-consolidated.zh.md")):
        assert read_text(f"csl-{version}/zh.md") == (shared_sources / name).read_text()
    decision = (shared_sources / "csl-2025-amendment-decision.zh.md").read_text()
    assert read_text("csl-2025/amendment-decision.zh.md") == decision


def test_2016_english_keeps_the_wording_of_the_source(shared_sources):
    """Only whitespace and headings were normalised: every article line is in the source."""
    source = (shared_sources / "csl-2016.en.txt").read_text().replace("\u00a0", " ")
    flat = re.sub(r"\s+", " ", source)
    for article in load_law("2016").articles:
        for i, line in enumerate(article.text("en").split("\n")):
            if line:
                text = f"Article {article.number} {line}" if i == 0 else line
                assert text in flat, (article.number, line[:60])


def _renumber_citations(text: str) -> str:
    return re.sub(
        r"Article (\d+)", lambda m: f"Article {concordance(int(m.group(1)), '2016', '2025')}", text
    )


def test_2025_english_is_2016_english_or_a_marked_project_translation():
    translated = set(read_yaml("csl-2025/en-translations.yaml")["articles"])
    changed = {
        r.article_2025
        for r in concordance_rows()
        if r.change in ("added", "amended", "merged_amended", "split_items_renumbered")
    }
    assert translated == changed
    old, new = load_law("2016"), load_law("2025")
    for row in concordance_rows():
        article = new.article(row.article_2025)
        if row.article_2025 in translated:
            assert article.en_source == EN_PROJECT
            continue
        (source,) = row.from_2016
        expected = old.article(source.article).text("en")
        if row.change == "citations_renumbered":
            assert article.en_source == EN_2016_RENUMBERED
            expected = _renumber_citations(expected)
            assert expected != old.article(source.article).text("en")
        else:
            assert article.en_source == EN_2016
        assert article.text("en") == expected


_EN_CITE = re.compile(r"Articles? (\d+)((?:(?:, | and |, and | to )\d+)*)")


def _english_cited_articles(text: str) -> set[int]:
    out: set[int] = set()
    for m in _EN_CITE.finditer(text):
        numbers = [int(m.group(1))]
        rest = m.group(2)
        for sep, n in re.findall(r"(, and |, | and | to )(\d+)", rest):
            if sep == " to ":
                numbers += list(range(numbers[-1] + 1, int(n)))
            numbers.append(int(n))
        out |= set(numbers)
    return out


@pytest.mark.parametrize("version", VERSIONS)
def test_english_cites_the_same_articles_as_the_chinese(version):
    law = load_law(version)
    checked = 0
    for article in law.articles:
        body = article.text("en")
        zh = {r.target.article for r in law.references(article.number)}
        zh.discard(article.number)
        en = _english_cited_articles(body) - {article.number}
        assert en == zh, article.number
        checked += bool(zh)
    assert checked >= 10


@pytest.mark.parametrize("version", VERSIONS)
def test_glossary_points_at_the_defining_items(version):
    terms = glossary(version)
    assert [t.id for t in terms] == [
        "network",
        "network_security",
        "network_operator",
        "network_data",
        "personal_information",
    ]
    definitions = {"2016": 76, "2025": 78}[version]
    for number, term in enumerate(terms, start=1):
        assert term.defined_in.article == definitions
        assert term.defined_in.item == number
        assert term.definition("zh").startswith(f"（{to_cn(number)}）{term.zh}，是指")
        assert term.definition("en").startswith(f"({number}) {term.en} refers to")


@pytest.mark.parametrize("version,count", [("2016", 7), ("2025", 6)])
def test_translator_notes_are_attached(version, count):
    law = load_law(version)
    noted = [a.number for a in law.articles if a.notes]
    assert sum(len(a.notes) for a in law.articles) == count
    assert noted == ([63, 64, 67, 71, 74] if version == "2016" else [66, 68, 72, 76])


def test_parser_names_file_and_line_of_a_gap():
    text = "# T\n\n## 第一章 总则\n\n第一条 甲。\n\n第三条 乙。\n"
    with pytest.raises(TextFormatError, match=r"x\.md, line 7: article 3 follows article 1"):
        parse_text(text, "zh", "x.md")


def test_parser_rejects_items_out_of_order_and_stray_text():
    with pytest.raises(TextFormatError, match="line 7: item 2 follows item 0"):
        parse_text("# T\n\n## Chapter 1 A\n\nArticle 1 a:\n\n(2) b\n", "en", "y.md")
    with pytest.raises(TextFormatError, match="line 3: text outside an article"):
        parse_text("# T\n## Chapter 1 A\nloose words\n", "en", "y.md")


def test_provisions_named_in_data_files_are_resolved_or_refused_by_field():
    from csl_helpers.law.data import DataError
    from csl_helpers.law.load import resolve_provision

    assert resolve_provision("art_78__para_1__point_3", "2025", "x.yaml, a") == Provision(78, 1, 3)
    with pytest.raises(DataError, match=r"^x\.yaml, a\.b: the 2016 text has Articles 1 to 79"):
        resolve_provision("art_80", "2016", "x.yaml, a.b")
    with pytest.raises(DataError, match=r"^x\.yaml, a\.b: not a provision id or citation"):
        resolve_provision("Art. 21", "2016", "x.yaml, a.b")


@pytest.mark.parametrize("version", version_ids())
def test_the_liability_chapter_of_each_version_is_the_one_titled_legal_liability(version):
    law = load_law(version)
    chapter = next(c for c in law.chapters if c.number == version_info(version).liability_chapter)
    assert chapter.title("zh") == "法律责任"


def test_versions_have_neighbours_in_the_order_of_the_data():
    ids = version_ids()
    assert [(a.id, b.id) for a, b in successive_versions()] == list(zip(ids, ids[1:], strict=False))
    assert version_before(ids[0]) is None and version_after(ids[-1]) is None
    for old, new in successive_versions():
        assert version_after(old.id) == new and version_before(new.id) == old
        assert new.in_force_from > old.in_force_from


def test_the_other_version_is_the_one_after_else_the_one_before():
    for v in version_ids():
        expected = version_after(v) or version_before(v)
        assert other_version(v) == expected and expected.id != v
    assert other_version(version_ids()[-1]) == version_before(version_ids()[-1])
    with pytest.raises(ValueError, match="valid versions"):
        other_version("2024")


def test_a_middle_version_is_compared_with_the_one_after(monkeypatch):
    every = version_registry.versions()
    last = every[-1]
    later = dataclasses.replace(last, id=f"{last.id}-later")
    monkeypatch.setattr(version_registry, "versions", lambda: (*every, later))
    assert other_version(last.id) == later
    assert other_version(later.id) == last


def test_a_law_of_one_version_has_no_other(monkeypatch):
    only = version_registry.versions()[:1]
    monkeypatch.setattr(version_registry, "versions", lambda: only)
    with pytest.raises(LookupError, match="no version other than"):
        other_version(only[0].id)
