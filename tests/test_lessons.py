"""The chapter exercises: the Law's reach, the incident walk, definition sorting, the views."""

from __future__ import annotations

import copy

import pytest

from csl_helpers import concordance, load_law
from csl_helpers.law.data import DataError, read_yaml
from csl_helpers.law.glossary import find_terms, terms_in_chapter
from csl_helpers.law.links import article_links, chapter_references
from csl_helpers.lessons.definitions import examples, parse_examples
from csl_helpers.lessons.incident import incident_steps, parse_steps
from csl_helpers.lessons.scope import activities, networks, reach
from csl_helpers.lessons.statistics import chapter_sizes, tiers_per_severity
from csl_helpers.penalties.ceilings import ceiling_pairs
from csl_helpers.penalties.simulation import simulate
from csl_helpers.views.law.article_view import ArticleView
from csl_helpers.views.lessons.scope import ScopeWidget
from csl_helpers.views.lessons.sorter import Sorter

# (version, network, activity, serious) -> (outcome, article), each read from the Chinese:
REACH_CASES = [
    # 2016 Art. 2 / 2025 Art. 2: 在中华人民共和国境内建设、运营、维护和使用网络…适用本法
    ("2016", "china", "run", False, "applies", 2),
    ("2025", "china_cii", "supervise", True, "applies", 2),
    ("2025", "abroad", "run", False, "not_reached", 2),
    # 2016 Art. 75: 危害…关键信息基础设施的活动，造成严重后果的，依法追究法律责任；…可以决定…制裁
    ("2016", "china_cii", "endanger_from_abroad", True, "liable_and_sanctions", 75),
    ("2016", "china_cii", "endanger_from_abroad", False, "not_reached", 75),
    ("2016", "china", "endanger_from_abroad", True, "not_reached", 75),
    # 2025 Art. 77: 从事危害中华人民共和国网络安全的活动的，依法追究法律责任；造成严重后果的…制裁
    ("2025", "china", "endanger_from_abroad", False, "liable", 77),
    ("2025", "china", "endanger_from_abroad", True, "liable_and_sanctions", 77),
]


@pytest.mark.parametrize(
    ("version", "network", "activity", "serious", "outcome", "art"), REACH_CASES
)
def test_reach_follows_the_text(version, network, activity, serious, outcome, art):
    finding = reach(version, network=network, activity=activity, serious=serious)
    assert (finding.outcome, finding.provision.article) == (outcome, art)
    assert finding.quote in load_law(version).text_of(finding.provision, "zh")


def test_reach_rejects_unknown_facts_naming_the_choices():
    with pytest.raises(ValueError, match="network must be one of china_cii, china, abroad"):
        reach("2025", network="mars", activity="run")
    with pytest.raises(ValueError, match="activity must be one of"):
        reach("2025", network="china", activity="dance")
    with pytest.raises(ValueError, match="serious must be True or False"):
        reach("2025", network="china", activity="run", serious="yes")


def test_the_2025_reach_abroad_is_never_narrower_than_2016():
    rank = {"not_reached": 0, "liable": 1, "liable_and_sanctions": 2, "applies": 2}
    for n in networks():
        for a in activities():
            for s in (False, True):
                old = reach("2016", network=n.id, activity=a.id, serious=s).outcome
                new = reach("2025", network=n.id, activity=a.id, serious=s).outcome
                assert rank[new] >= rank[old], (n.id, a.id, s)


def test_incident_steps_follow_the_chapter_in_both_versions():
    steps = incident_steps()
    assert len(steps) >= 5
    for version in ("2016", "2025"):
        chapter5 = {a.number for a in load_law(version).chapter(5).articles}
        articles = [s.provision(version).article for s in steps]
        assert set(articles) == chapter5 and articles == sorted(articles)
    for s in steps:
        assert (
            concordance(s.provision("2016").article, "2016", "2025") == s.provision("2025").article
        )


def test_incident_data_errors_name_step_and_field():
    raw = copy.deepcopy(read_yaml("incident_steps.yaml"))
    raw["steps"][0]["actors"][0]["zh"] = "国务院电信主管部门"
    with pytest.raises(DataError, match=r"step 'monitoring', actors\[0\].zh: .* is not named"):
        parse_steps(raw)
    raw = copy.deepcopy(read_yaml("incident_steps.yaml"))
    raw["steps"][1]["provisions"]["2025"] = "art_55"
    with pytest.raises(DataError, match="is not the counterpart"):
        parse_steps(raw)


def test_examples_check_against_the_definitions():
    for ex in examples():
        right, wrong = ex.check(ex.answer), ex.check(not ex.answer)
        assert right.correct and not wrong.correct
        (old, p16), (new, p25) = right.answered_by
        assert concordance(p16.article, old, new) == p25.article
    with pytest.raises(ValueError, match="True .yes. or False"):
        examples()[0].check("yes")
    raw = copy.deepcopy(read_yaml("definition_examples.yaml"))
    raw["examples"][0]["term"] = "hacker"
    with pytest.raises(DataError, match="example 'cafe_wifi': term: unknown term 'hacker'"):
        parse_examples(raw)


def test_terms_are_found_longest_first_once_each():
    uses = find_terms("网络运营者应当保护网络数据，网络运营者", "2025", "zh")
    assert [u.term.id for u in uses] == ["network_operator", "network_data"]
    assert [t.id for t in terms_in_chapter("2025", 7)][0] == "network"


def test_article_view_toggles_version_and_language():
    view = ArticleView(5, "2016", show="en")
    first_2016 = load_law("2016").chapter(5).articles[0]
    assert first_2016.citation("en") in view.text.value
    assert first_2016.citation("zh") not in view.text.value
    view.lang_picker.value = "both"
    view.version_picker.value = "2025"
    first_2025 = load_law("2025").chapter(5).articles[0]
    assert (
        first_2025.citation("zh") in view.text.value
        and first_2025.citation("en") in view.text.value
    )
    assert 'href="#csl-term-2025-network_operator"' in view.text.value
    with pytest.raises(ValueError, match="show must be one of both, en, zh; got 'fr'"):
        ArticleView(5, show="fr")
    with pytest.raises(ValueError, match="lang must be one of en, zh; got 'fr'"):
        ArticleView(5, lang="fr")


def test_scope_widget_and_sorter_answer_from_the_package():
    widget = ScopeWidget()
    widget.activity.value = "endanger_from_abroad"
    widget.network.value = "china"
    assert "Article 77" in widget.result.value and "Article 75" in widget.result.value
    sorter = Sorter()
    ex = sorter.items[0]
    sorter.check.click()
    assert "Pick an answer first" in sorter.feedback.value
    sorter.choice.value = not ex.answer
    sorter.check.click()
    assert "Not quite" in sorter.feedback.value and sorter.score == 0
    sorter.next.click()
    assert sorter.feedback.value == "" and ex.example.en not in sorter.prompt.value
    assert sorter.choice.value is None


def test_chapter_references_stay_outside_the_chapter():
    for version in ("2016", "2025"):
        law = load_law(version)
        refs = chapter_references(version, 6)
        assert refs.outgoing and not refs.incoming
        for r in refs.outgoing:
            assert law.article(r.target.article).chapter != 6
        assert all(link.source != link.target for link in article_links(version))


def test_ceilings_are_the_simulators_figures():
    pairs = ceiling_pairs()
    assert pairs
    for p in pairs:
        if p.offender_2025 is not None:
            assert any(
                simulate("2025", p.article_2025, c, tier=t).fine.high == p.offender_2025
                for c in range(1, len(load_law("2025").article(p.article_2025).paragraphs) + 1)
                for t in ("base", "aggravated", "serious", "especially_serious")
                if _has(p.article_2025, c, t)
            )


def _has(article: int, paragraph: int, tier: str) -> bool:
    try:
        return simulate("2025", article, paragraph, tier=tier).fine is not None
    except ValueError:
        return False


def test_stats_count_every_article():
    for version in ("2016", "2025"):
        assert sum(s.articles for s in chapter_sizes(version)) == len(load_law(version).articles)
        assert sum(n for _, n in tiers_per_severity(version)) > 0


def test_scope_widget_and_sorter_answer_in_chinese():
    widget = ScopeWidget("zh")
    widget.activity.value = "endanger_from_abroad"
    widget.network.value = "china"
    assert "第七十七条" in widget.result.value and "第七十五条" in widget.result.value
    assert "依法追究境外行为者的法律责任。" in widget.result.value
    sorter = Sorter(lang="zh")
    sorter.choice.value = not sorter.items[0].answer
    sorter.check.click()
    assert "回答不正确" in sorter.feedback.value and sorter.items[0].explanation.zh in (
        sorter.feedback.value
    )


def test_incident_data_need_both_languages():
    raw = copy.deepcopy(read_yaml("incident_steps.yaml"))
    raw["steps"][0]["title"] = "Normal times"
    with pytest.raises(DataError, match=r"step 'monitoring': title: needs .* en and zh"):
        parse_steps(raw)
    raw = copy.deepcopy(read_yaml("definition_examples.yaml"))
    del raw["examples"][0]["explanation"]["zh"]
    with pytest.raises(DataError, match=r"example 'cafe_wifi': explanation: needs"):
        parse_examples(raw)
