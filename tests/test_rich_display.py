"""The values show themselves in a notebook: HTML with citation and both languages, escaped,
and a note where their version is no longer in force (dates from data/versions.yaml)."""

from __future__ import annotations

from dataclasses import replace
from html import escape

import pytest
from IPython.lib.pretty import pretty

from csl_helpers.law.display import out_of_force_note
from csl_helpers.law.glossary import glossary
from csl_helpers.law.links import chapter_references
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Paragraph
from csl_helpers.law.version_registry import version_ids, versions
from csl_helpers.obligations.checklist import checklist
from csl_helpers.obligations.duties import Profile, obligation, obligations_for
from csl_helpers.penalties import simulate, version_changes

OLD, NEW = version_ids()[0], version_ids()[-1]
UNTIL = versions()[0].in_force_until


def _clause(version):
    return obligation("monitoring_and_logs").enforcement[version].rules[0]


def _objects(version):
    law = load_law(version)
    profile = Profile(network_operator=True)
    return {
        "article": law.article(1),
        "chapter": law.chapter(3),
        "term": glossary(version)[2],
        "references": chapter_references(version, 1),
        "duty": obligations_for(profile, version)[0],
        "checklist": checklist(profile, version),
        "outcome": simulate(version, _clause(version)),
    }


def test_out_of_force_note_uses_the_dates_of_the_data():
    note = out_of_force_note(OLD)
    assert UNTIL.isoformat() in note and str(UNTIL.year + 1) + "-01-01" in note
    assert out_of_force_note(NEW) is None


@pytest.mark.parametrize("kind", list(_objects(NEW)))
def test_out_of_force_version_says_so_in_html_and_text(kind):
    old, new = _objects(OLD)[kind], _objects(NEW)[kind]
    note = out_of_force_note(OLD)
    assert escape(note) in old._repr_html_()
    assert note in pretty(old)
    assert "not in force" not in new._repr_html_()
    assert "not in force" not in pretty(new)


@pytest.mark.parametrize("kind", list(_objects(NEW)))
def test_plain_text_is_readable_and_repr_unchanged(kind):
    obj = _objects(NEW)[kind]
    text = pretty(obj)
    assert text == pretty(_objects(NEW)[kind])
    assert not text.startswith(type(obj).__name__ + "(")
    assert repr(obj).startswith(type(obj).__name__ + "(")


def test_article_shows_citations_and_both_languages():
    article = load_law(NEW).article(1)
    out = article._repr_html_()
    assert article.citation("en") in out and article.citation("zh") in out
    assert escape(article.text("en")) in out and article.text("zh") in out
    assert 'lang="zh-Hans"' in out


def test_article_escapes_its_text():
    article = load_law(NEW).article(1)
    evil = replace(article, paragraphs=(Paragraph(1, "<b>中</b>", "<script>x</script>"),))
    out = evil._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<b>中</b>" not in out


def test_chapter_lists_every_article_in_both_languages():
    chapter = load_law(NEW).chapter(3)
    out = chapter._repr_html_()
    for a in chapter.articles:
        assert f"<td>{a.citation('en')}</td>" in out and a.citation("zh") in out
    assert chapter.title("en") in out and chapter.title("zh") in out
    assert chapter.sections[0].title("zh") in out


def test_term_shows_definition_in_both_languages():
    term = glossary(NEW)[2]
    out = term._repr_html_()
    assert term.zh in out and escape(term.en) in out
    assert escape(term.definition("en")) in out and term.definition("zh") in out
    assert term.defined_in.citation("zh") in out


def test_outcome_shows_citation_fine_and_chinese():
    outcome = simulate(NEW, _clause(NEW))
    out = outcome._repr_html_()
    assert outcome.citation("en") in out and outcome.citation("zh") in out
    assert outcome.trigger.zh in out and outcome.fine.label() in out


def test_comparison_has_a_column_per_version_and_the_verdict():
    c = version_changes()[0]
    out = c._repr_html_()
    assert f"<th>{OLD} text</th><th>{NEW} text</th>" in out
    assert c.old.citation("zh") in out and c.new.citation("zh") in out
    assert f"<b>{c.verdict}</b>" in out
    assert escape(out_of_force_note(OLD)) in out
    assert all(escape(r) in out for r in c.reasons)


def test_duty_and_checklist_show_duties_in_both_languages():
    sheet = checklist(Profile(network_operator=True), NEW)
    out = sheet._repr_html_()
    for d in sheet.duties:
        assert escape(d.duty("en")) in out and escape(d.citation()) in out
    duty = sheet.duties[0]
    card = duty._repr_html_()
    assert escape(duty.duty("zh")) in card and duty.citation("zh") in card
    assert escape(duty.penalty.summary("zh")) in card


def test_chapter_references_show_each_reference():
    refs = chapter_references(OLD, 1)
    out = refs._repr_html_()
    for r in refs.incoming + refs.outgoing:
        assert r.source.citation() in out and r.target.citation() in out and r.text in out


def test_chapter_in_versions_gives_every_earlier_article_and_the_additions():
    from csl_helpers.law.concordance import concordance
    from csl_helpers.lessons.chapter import chapter_in_versions

    shown = chapter_in_versions(1)
    text = pretty(shown)
    for a in load_law(OLD).chapter(1).articles:
        assert f"{OLD} {a.citation()} -> {NEW} Article {concordance(a.number, OLD, NEW)}" in text
    added = [a for a in load_law(NEW).chapter(1).articles if not concordance(a.number, NEW, OLD)]
    assert added and all(a.citation() in text.splitlines()[-1] for a in added)
    assert out_of_force_note(OLD) in text


def test_key_terms_say_where_a_chapter_does_not_use_a_term():
    from csl_helpers.law.glossary import terms_in_chapter
    from csl_helpers.lessons.chapter import key_terms

    for chapter in range(1, 8):
        old = {t.id for t in terms_in_chapter(OLD, chapter)}
        new = {t.id for t in terms_in_chapter(NEW, chapter)}
        lines = pretty(key_terms(chapter)).splitlines()
        assert len(lines) == len(old | new)
        assert sum(f"not used in the {NEW} chapter" in x for x in lines) == len(old - new)
        assert sum(f"not used in the {OLD} chapter" in x for x in lines) == len(new - old)


def test_table_escapes_cells_and_aligns_plain_text():
    from csl_helpers.law.display import Table

    t = Table("T <1>", ("a", "b"), (("<i>x</i>", "1"), ("yy", "22")), OLD)
    out = t._repr_html_()
    assert "<i>x</i>" not in out and "&lt;i&gt;x&lt;/i&gt;" in out and "T &lt;1&gt;" in out
    lines = pretty(t).splitlines()
    assert lines[1] == out_of_force_note(OLD)
    assert lines[3].index("1") == lines[4].index("22") == lines[2].index("b")


def test_quiz_lists_its_questions_and_the_provisions_that_answer_them():
    from csl_helpers.lessons.quiz import load_quiz

    quiz = load_quiz("01_general_provisions")
    text, out = pretty(quiz), quiz._repr_html_()
    for q in quiz.questions:
        assert f"- {q.prompt}" in text and escape(q.prompt) in out
        assert all(p.citation("zh") in out for _, p in q.answered_by)


def test_duties_of_filters_and_counts_per_version():
    from csl_helpers.lessons.tables import duties_of

    profile = Profile(network_operator=True, personal_information=True)
    stack = duties_of(profile, kind="referral")
    for version, shown in zip(version_ids(), stack.items, strict=True):
        expected = [d for d in obligations_for(profile, version) if d.penalty.kind == "referral"]
        assert shown.title == f"{version} text: {len(expected)} duties"
        assert {row[1] for row in shown.rows} == {d.duty("en") for d in expected}


def test_the_decision_shows_every_item_with_its_article_beside_the_earlier_text():
    from csl_helpers.law.amendment import decision_items
    from csl_helpers.views.law.compare_view import comparison_html, decision_comparison

    shown = decision_comparison("zh")._repr_html_()
    for item in decision_items():
        assert f"<h4>Item {item.number}</h4>" + comparison_html(item.article_2025, "zh") in shown
    assert str(len(decision_items())) in repr(decision_comparison())
