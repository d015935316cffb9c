"""The public API of csl_helpers: load_law, Law, Article, search, references, provisions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import csl_helpers
from csl_helpers import Provision, load_law, version_on


def test_load_law_by_version_is_cached():
    assert load_law("2016") is load_law("2016")
    assert load_law("2025").version == "2025"


@pytest.mark.parametrize(
    "day,version",
    [
        (date(2017, 6, 1), "2016"),
        (date(2025, 12, 31), "2016"),
        (date(2026, 1, 1), "2025"),
        (date(2030, 1, 1), "2025"),
    ],
)
def test_load_law_on_a_date(day, version):
    assert load_law(on=day).version == version


def test_load_law_today_is_the_version_in_force_today():
    assert load_law().version == version_on(date.today()).id
    assert load_law().in_force_from <= date.today()


@pytest.mark.parametrize("bad", ["2017", "2015", "", "csl-2016"])
def test_unknown_version_names_the_valid_ones(bad):
    with pytest.raises(ValueError, match=r"valid versions: '2016', '2025'"):
        load_law(bad)


def test_non_string_version_is_refused():
    with pytest.raises(ValueError, match="'2016', '2025'"):
        load_law(2016)  # type: ignore[arg-type]


def test_a_date_before_the_law_is_refused():
    with pytest.raises(ValueError, match="in force from 2017-06-01"):
        load_law(on=date(2017, 5, 31))


def test_version_and_date_together_are_refused():
    with pytest.raises(ValueError, match="not both"):
        load_law("2016", on=date(2020, 1, 1))


@given(st.dates(min_value=date(2017, 6, 1), max_value=date(2100, 1, 1)))
def test_exactly_one_version_is_in_force_on_any_day(day):
    in_force = [v.id for v in csl_helpers.versions() if v.in_force_on(day)]
    assert in_force == [load_law(on=day).version]


def test_versions_meet_without_gap():
    old, new = csl_helpers.versions()
    assert old.in_force_until + timedelta(days=1) == new.in_force_from


@pytest.mark.parametrize("version,last", [("2016", 79), ("2025", 81)])
def test_missing_article_gives_the_valid_range(version, last):
    law = load_law(version)
    for bad in (0, last + 1, -3):
        with pytest.raises(LookupError, match=f"Articles 1 to {last}, not {bad}"):
            law.article(bad)


def test_article_fields():
    law = load_law("2016")
    art = law.article(21)
    assert (art.number, art.chapter, art.section) == (21, 3, 1)
    assert law.article(1).section is None
    assert len(art.paragraphs) == 1 and len(art.paragraphs[0].items) == 5
    assert art.text("zh").startswith("国家实行网络安全等级保护制度。")
    assert art.text("en").startswith("The state implements a network security graded protection")
    assert art.text() == art.text("en")
    assert art.citation("en") == "Article 21" and art.citation("zh") == "第二十一条"


@pytest.mark.parametrize("bad", ["fr", "EN", "", "chinese"])
def test_unknown_language_names_the_valid_ones(bad):
    art = load_law("2025").article(1)
    with pytest.raises(ValueError, match="lang must be one of 'en', 'zh'"):
        art.text(bad)
    with pytest.raises(ValueError, match="'en', 'zh'"):
        load_law("2025").search("network", bad)


def test_chapter_api():
    law = load_law("2025")
    ch6 = law.chapters[5]
    assert ch6.number == 6 and ch6.title("zh") == "法律责任"
    assert ch6.sections == ()
    assert ch6.articles[0].number == 61
    with pytest.raises(LookupError, match="Chapters 1 to 7"):
        law.chapter(8)


def test_paragraph_lookup_names_the_valid_range():
    with pytest.raises(LookupError, match="paragraphs 1 to 3, not 4"):
        load_law("2016").article(63).paragraph(4)


# search -------------------------------------------------------------------------------
def test_english_search_ignores_case():
    law = load_law("2016")
    lower = law.search("critical information infrastructure")
    upper = law.search("CRITICAL Information INFRASTRUCTURE")
    assert lower == [] or [h.provision for h in lower] == [h.provision for h in upper]
    assert len(lower) > 10


def test_search_hit_locates_the_match():
    for lang, query in (("en", "personal information"), ("zh", "个人信息")):
        hits = load_law("2025").search(query, lang)
        assert hits
        for hit in hits:
            assert hit.snippet[hit.start : hit.end].casefold() == query.casefold()
            assert query.casefold() in load_law("2025").text_of(hit.provision, lang).casefold()


def test_search_reports_paragraph_and_item():
    (hit,) = load_law("2016").search("不少于六个月", "zh")
    assert (hit.article, hit.paragraph, hit.item) == (21, 1, 3)


def test_search_finds_nothing_without_error():
    assert load_law("2016").search("blockchain") == []


@pytest.mark.parametrize("query", ["", "   ", "\n"])
def test_empty_search_is_an_error(query):
    with pytest.raises(ValueError, match="non-empty"):
        load_law("2016").search(query)


def test_search_text_is_literal_not_a_pattern():
    assert load_law("2016").search(".*") == []
    assert load_law("2016").search("(1)")[0].snippet.startswith("(1)")


# references ---------------------------------------------------------------------------
def cites(version, n):
    return [r.target.citation() for r in load_law(version).references(n)]


def test_2016_article_59_cites_its_duties():
    assert cites("2016", 59) == [
        "Article 21",
        "Article 25",
        "Article 33",
        "Article 34",
        "Article 36",
        "Article 38",
    ]


def test_2016_article_64_cites_a_paragraph_and_a_range():
    assert cites("2016", 64) == [
        "Article 22(3)",
        "Article 41",
        "Article 42",
        "Article 43",
        "Article 44",
    ]


def test_paragraphs_after_an_article_and_a_second_article():
    assert cites("2016", 60) == ["Article 22(1)", "Article 22(2)", "Article 48(1)"]


def test_preceding_paragraph_is_resolved():
    refs = load_law("2016").references(63)
    assert [(r.source.citation(), r.target.citation(), r.kind) for r in refs] == [
        ("Article 63(1)", "Article 27", "cites"),
        ("Article 63(2)", "Article 63(1)", "cites"),
        ("Article 63(2)", "Article 63(1)", "borrows_penalty"),
        ("Article 63(3)", "Article 27", "cites"),
    ]


def test_2025_borrowed_tiers_and_items_of_the_preceding_paragraph():
    refs = load_law("2025").references(62)
    para2 = [(r.target.citation(), r.kind) for r in refs if r.source == Provision(62, 2)]
    assert para2 == [
        ("Article 62(1)(1)", "cites"),
        ("Article 62(1)(2)", "cites"),
        ("Article 61(3)", "cites"),
        ("Article 61(3)", "borrows_penalty"),
    ]


def test_preceding_two_paragraphs():
    refs = load_law("2025").references(69)
    para3 = [(r.target.citation(), r.kind) for r in refs if r.source == Provision(69, 3)]
    assert para3 == [
        ("Article 50(2)", "cites"),
        ("Article 69(1)", "borrows_penalty"),
        ("Article 69(2)", "borrows_penalty"),
    ]


def test_2025_article_71_expands_its_range_from_an_item():
    refs = load_law("2025").references(71)
    item2 = [r.target.citation() for r in refs if r.source == Provision(71, 1, 2)]
    assert item2 == ["Article 24(3)", "Article 43", "Article 44", "Article 45"]


def test_cited_by_is_the_inverse_of_references():
    for version in ("2016", "2025"):
        law = load_law(version)
        for article in law.articles:
            for ref in law.cited_by(article.number):
                assert ref in law.references(ref.source.article)
                assert ref.source.article != article.number
    assert {r.source.article for r in load_law("2016").cited_by(21)} == {34, 59}


def test_references_of_a_missing_article():
    with pytest.raises(LookupError, match="Articles 1 to 79"):
        load_law("2016").references(80)


# provisions ---------------------------------------------------------------------------
@given(
    st.integers(1, 999),
    st.one_of(st.none(), st.integers(1, 99)),
    st.one_of(st.none(), st.integers(1, 99)),
)
def test_provision_ids_and_citations_parse_back(article, paragraph, item):
    if item is not None and paragraph is None:
        with pytest.raises(ValueError):
            Provision(article, paragraph, item)
        return
    p = Provision(article, paragraph, item)
    assert Provision.parse(p.id) == p
    assert Provision.parse(p.citation("en")) == p
    assert Provision.parse(p.citation("zh")) == p


@pytest.mark.parametrize("bad", ["Art. 21", "article_21", "第二十一", "Article 21(a)", ""])
def test_provision_parse_refuses_other_forms(bad):
    with pytest.raises(ValueError, match="expected e.g."):
        Provision.parse(bad)


def test_every_provision_of_both_versions_round_trips():
    for version in ("2016", "2025"):
        law = load_law(version)
        for article in law.articles:
            for para in article.paragraphs:
                for p in [Provision(article.number, para.number)] + [
                    Provision(article.number, para.number, i.number) for i in para.items
                ]:
                    assert Provision.parse(p.citation("zh")) == p
                    assert law.text_of(Provision.parse(p.id), "zh")
