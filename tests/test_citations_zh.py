"""Citations in Chinese as the Law and the Decision write them (issue 24, wording points).

The forms are read from the texts themselves: the Law cites items as 第一项 (前款第一项、第二项),
the Decision cites an item of a one-paragraph article as 第六十九条第一项 and lists articles as
第六十四条、第六十六条、第七十条.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from csl_helpers import load_law
from csl_helpers.law.citations import cite_articles
from csl_helpers.law.model import Provision
from csl_helpers.penalties import rules
from csl_helpers.penalties.apl import administrative_penalty_law, apl_citation
from csl_helpers.views.law.explorer import LawExplorer

ROOT = Path(__file__).resolve().parents[1]
DECISION = (ROOT / "data/csl-2025/amendment-decision.zh.md").read_text(encoding="utf-8")
APL_TEXT = Path("/work/shared/law-sources/administrative-penalty-law-2021.zh.md")
CN = "[一二三四五六七八九十百]+"


def test_items_are_cited_without_brackets_as_the_law_cites_them():
    zh = (ROOT / "data/csl-2025/zh.md").read_text(encoding="utf-8")
    assert "前款第一项、第二项" in zh and "第（" not in zh.replace("（一）", "")
    assert Provision(71, 1, 2).citation("zh") == "第七十一条第一款第二项"
    assert Provision(21, 1, 3).citation("zh", "2016") == "第二十一条第三项"  # one paragraph


@pytest.mark.parametrize("version", ["2016", "2025"])
def test_no_citation_names_an_items_marker(version):
    law = load_law(version)
    for article in law:
        for para in article.paragraphs:
            for item in para.items:
                cited = Provision(article.number, para.number, item.number).citation("zh", version)
                assert "（" not in cited and re.fullmatch(f"第{CN}条(第{CN}款)?第{CN}项", cited)


def test_an_item_of_a_one_paragraph_article_is_cited_as_the_decision_cites_it():
    # Decision, item 11: 将第六十八条、第六十九条第一项合并 (2016 Art. 69 has one paragraph).
    assert len(load_law("2016").article(69).paragraphs) == 1
    cited = Provision(69, 1, 1).citation("zh", "2016")
    assert cited == "第六十九条第一项" and f"{cited}合并" in DECISION
    assert Provision.parse(cited) == Provision(69, 1, 1)
    assert Provision.parse("第六十九条第一款第（一）项") == Provision(69, 1, 1)


@pytest.mark.parametrize("version", ["2016", "2025"])
def test_a_one_paragraph_article_is_cited_without_its_first_paragraph(version):
    law = load_law(version)
    seen = {True: 0, False: 0}
    for r in rules(version):
        one = len(law.article(r.article).paragraphs) == 1
        seen[one] += 1
        assert ("款" in r.citation("zh")) is not one, r.citation("zh")
        assert r.citation("en") == f"Article {r.article}({r.paragraph})"
    assert seen[True] and seen[False]


def test_the_2025_article_71_items_are_named_in_the_outcome():
    from csl_helpers.penalties import simulate
    from csl_helpers.penalties.clauses import conducts_for

    items = [c for c in conducts_for("2025", "anyone") if c.rule.article == 71 and c.item]
    assert items
    for c in items:
        cited = c.provision.citation("zh", "2025")
        assert cited == f"第七十一条第一款第{'一二三'[c.item - 1]}项"
        outcome = simulate("2025", c.provision)
        assert outcome.citation("zh") == cited and outcome.citation() == f"Article 71(1)({c.item})"


def test_articles_listed_as_the_decision_lists_them():
    listed = cite_articles([64, 66, 70], "zh")
    assert listed == "第六十四条、第六十六条、第七十条" and f"将{listed}合并" in DECISION
    assert cite_articles([64, 66, 70]) == "Articles 64, 66 and 70"
    with pytest.raises(ValueError):
        cite_articles([], "zh")


def test_the_explorer_lists_merged_articles_in_full_and_calls_them_corresponding():
    ex = LawExplorer("2025", 71, lang="zh")
    said = ex.counterpart.value
    assert "第六十四条、第六十六条、第七十条" in said, said
    assert "六十四、六十六" not in said and "对应条文" in said and "相同规定" not in said
    en = LawExplorer("2025", 71).counterpart.value
    assert "Articles 64, 66 and 70" in en and "Corresponding provision" in en


def test_only_an_unchanged_article_is_called_the_same_provision():
    # 2025 Art. 61 amends 2016 Art. 59 (Decision, item 5); 2025 Art. 4 is 2016 Art. 3 renumbered.
    amended = LawExplorer("2025", 61, lang="zh").counterpart.value
    assert "对应条文" in amended and "相同规定" not in amended
    same = LawExplorer("2025", 4, lang="zh").counterpart.value
    assert "相同规定" in same and "第三条" in same


def test_apl_articles_of_one_paragraph_are_cited_without_it():
    assert apl_citation(Provision(32, 1, 1), "zh") == "《行政处罚法》第三十二条第一项"
    assert apl_citation(Provision(37, 1), "zh") == "《行政处罚法》第三十七条"
    assert apl_citation(Provision(36, 2), "zh") == "《行政处罚法》第三十六条第二款"
    if not APL_TEXT.exists():
        pytest.skip("the Administrative Penalty Law's text is not on this machine")
    text = APL_TEXT.read_text(encoding="utf-8")
    for q in administrative_penalty_law().provisions.values():
        p = q.provision
        cited = apl_citation(Provision(p.article, p.paragraph), "zh")
        start = text.index(f"\n第{cited.split('第')[1].split('条')[0]}条 ")
        article = text[start + 1 :].split("\n第", 1)[0].split("\n## ", 1)[0]
        paragraphs = [
            line for line in article.split("\n") if line.strip() and not line.startswith("（")
        ]
        assert ("款" in cited) is (len(paragraphs) > 1), (cited, len(paragraphs))


def test_the_concordance_cites_items_as_the_decision_does():
    from csl_helpers.law.concordance import concordance_rows

    worded = [row.change_zh for row in concordance_rows()]
    assert not [w for w in worded if "第（" in w]
    assert "合并（原第六十八条与原第六十九条第一项）并修改" in worded
    assert "第六十九条第一项合并" in DECISION


def test_the_lessons_cite_a_one_paragraph_article_without_its_first_paragraph():
    from datetime import date

    from csl_helpers.lessons.quiz import _cite
    from csl_helpers.lessons.table_words import provision_ref, worded_day

    assert len(load_law("2016").article(76).paragraphs) == 1
    assert provision_ref("2016", Provision(76, 1, 1), "zh") == "2016年文本第七十六条第一项"
    assert _cite("2016", Provision(21, 1, 3), "zh") == "2016年文本第二十一条第三项"
    assert worded_day(date(2026, 1, 1), "zh") == "2026年1月1日"
    assert worded_day(date(2026, 1, 1), "en") == "2026-01-01"


def test_the_checklist_and_the_lessons_cite_one_paragraph_articles_as_the_law_does():
    from csl_helpers.lessons.tables import search_table
    from csl_helpers.obligations import Profile, checklist

    last = checklist(Profile(network_operator=True), "2016").to_markdown("zh").splitlines()[-1]
    assert "第七十一条、" in last and "第七十一条第一款" not in last
    rows = search_table("网络日志", "zh", version="2016").rows
    assert rows[0][0] == "第二十一条第三项"


def test_the_explorer_names_a_citing_one_paragraph_article_as_the_law_does():
    labels = [b.description for b in LawExplorer("2016", 22, lang="zh").cited_by.children]
    assert len(load_law("2016").article(60).paragraphs) == 1
    assert any(label.startswith("第六十条") for label in labels), labels
    assert not any(label.startswith("第六十条第一款") for label in labels), labels
