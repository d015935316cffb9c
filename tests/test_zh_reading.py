"""A reading of the Chinese interface against the Chinese texts: what it found, held in tests.

Each test is general where it can be: it reads every clause and tier, every comparison or every
checklist, and fails on the first line that is not worded as the Law words it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from outcomes import every_outcome

from csl_helpers import load_law
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import sole_paragraph
from csl_helpers.obligations import Profile, checklist
from csl_helpers.penalties import (
    applicable_law,
    conducts,
    simulate,
    version_changes,
)
from csl_helpers.penalties.outcome import persons_named

ROOT = Path(__file__).resolve().parents[1]
VERSIONS = ("2016", "2025")
ALL_FACTS = (
    "network_operator",
    "cii_operator",
    "personal_information",
    "identity_services",
    "products_or_services",
    "critical_equipment",
    "security_services",
    "distribution_services",
)
PROFILES = (
    Profile(network_operator=True),
    Profile(network_operator=True, personal_information=True),
    Profile(**dict.fromkeys(ALL_FACTS, True)),
)
REPEATED_ARTICLE = re.compile(r"第([一二三四五六七八九十百]+)条[^、，。；：]*、第\1条")


def zh_exports(version):
    for profile in PROFILES:
        sheet = checklist(profile, version)
        yield sheet.to_csv("zh")
        yield sheet.to_markdown("zh")
        yield sheet.to_html("zh")


@pytest.mark.parametrize("version", VERSIONS)
def test_provisions_of_one_article_are_listed_as_the_law_lists_them(version):
    """第六十三条第一款、第二款, as 2016 Art. 60 lists 第二十二条第一款、第二款."""
    for text in zh_exports(version):
        assert not REPEATED_ARTICLE.search(text), REPEATED_ARTICLE.search(text).group(0)


@pytest.mark.parametrize("version", VERSIONS)
def test_general_liability_in_the_laws_words(version):
    """Credit records and liability as 2016 Art. 74 ¶2 / 2025 Art. 76 ¶2 say them.

    依法给予治安管理处罚, 依法追究刑事责任, never 承担…治安管理处罚; the clauses listed with 、.
    """
    sheet = checklist(Profile(network_operator=True), version)
    last = sheet.to_markdown("zh").rstrip().splitlines()[-1]
    assert "依法给予治安管理处罚" in last and "依法追究刑事责任" in last
    assert "承担民事责任、治安管理处罚" not in last
    assert "；" not in last.partition("：")[2]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_one_paragraph_article_is_this_article_not_this_paragraph(version):
    """Where a one-paragraph article sets no fine the outcome says 本条未规定, as the Law calls
    such an article 本条 (2016 Art. 70: 本条未规定自己的处罚); a paragraph of several is 本款."""
    from csl_helpers.views.penalties.markup import outcome_html

    for o in every_outcome(version):
        sole = sole_paragraph(version, o.basis_provision.article)
        text = o.summary("zh") + o.to_html("zh") + outcome_html(o, ui="zh")
        assert ("本款未规定" in text) is (o.fine is None and not sole), o.heading("zh")
        assert ("本条未规定" in text) is (o.fine is None and sole), o.heading("zh")


def nested_parenthesis(text: str) -> str | None:
    """The first line where a full-width parenthesis opens inside another, else ``None``."""
    for line in text.splitlines():
        depth = 0
        for ch in line:
            depth += {"（": 1, "）": -1}.get(ch, 0)
            if depth > 1:
                return line
    return None


def test_no_parenthesis_nests_in_another():
    """A referral's note follows its words as sentences: it has parentheses of its own
    (2025 Art. 71: （涉及个人信息的，…）; Art. 73: （该法第三十条至第三十三条）)."""
    texts = [o.summary("zh") for v in VERSIONS for o in every_outcome(v)]
    texts += [c.plain("zh") for c in version_changes()]
    texts += [
        applicable_law(date(2024, 6, 1), date(2026, 3, 1), Provision(p)).explain("zh")
        for p in (64, 66, 70)
    ]
    for text in texts:
        assert nested_parenthesis(text) is None, nested_parenthesis(text)


def test_a_pointer_to_other_laws_is_not_called_a_penalty():
    """2025 Art. 73 points to the Administrative Penalty Law for a lighter, reduced or no
    penalty (依照其规定从轻、减轻或者不予处罚): its line is not headed 依照其他法律处罚."""
    summary = simulate("2025", 73).summary("zh")
    assert "依照其规定从轻、减轻或者不予处罚" in summary
    assert "依照其他法律处罚：" not in summary


def test_a_comparison_names_the_people_both_clauses_fine():
    """2016 Art. 59(1) fines only 直接负责的主管人员; 2025 Art. 61(1) adds 其他直接责任人员. The
    change of their fine is not said of 直接负责的主管人员和其他直接责任人员, whom the 2016
    clause did not fine: it names them 直接负责的主管人员等, and the next sentence who is added."""
    for c in version_changes():
        text = c.plain("zh")
        for who in {c.old.persons, c.new.persons}:
            named = f"对{persons_named(who, 'zh')}的罚款由"
            if named in text:
                assert set(c.old.persons) == set(c.new.persons), (c.old.heading("zh"), named)
    first = version_changes()[1].plain("zh")
    assert "对直接负责的主管人员等的罚款由5000元以上5万元以下" in first


def test_the_decisions_items_are_numbered_as_the_decision_numbers_them():
    """一、二、… as the Decision heads its items, in the table as in the comparison."""
    from csl_helpers.lessons.amendment_tables import decision_table

    decision = (ROOT / "data/csl-2025/amendment-decision.zh.md").read_text(encoding="utf-8")
    heads = re.findall(r"^([一二三四五六七八九十]+、)", decision, re.M)
    labels = [row[0] for row in decision_table("zh").rows]
    assert labels == heads


def test_measures_added_or_dropped_are_listed_in_the_clauses_order():
    """2016 Art. 62 names 暂停相关业务、停业整顿、关闭网站、吊销相关业务许可证或者吊销营业执照:
    what the later clause no longer names is listed in that order, not by the suite's ids."""
    for c in version_changes():
        for line in c.plain("zh").splitlines():
            for head, clause in (
                ("不再规定的处罚或者措施：", c.old),
                ("新增的处罚或者措施：", c.new),
            ):
                if not line.strip().startswith(head):
                    continue
                names = line.strip()[len(head) : -1].split("、")
                wording = "".join(s.wording for s in clause.measures)
                places = [wording.find(n) for n in names]
                assert -1 not in places and places == sorted(places), (line, wording)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_conduct_is_named_in_chinese_with_chinese_punctuation(version):
    """Conduct.label("zh") (the menus' conducts) says what was done in the Law's words, after a
    Chinese colon: no English description, no ASCII colon."""
    from csl_helpers.views.penalties.conduct_menu import conduct_label

    for c in conducts(version):
        for label in (c.label("zh"), conduct_label(c, "zh")):
            assert not re.search(r"[A-Za-z]|: ", label), label
            assert "：" in label
        assert c.what("zh").rstrip("的") in load_law(version).text_of(c.provision, "zh")


@pytest.mark.parametrize("decision", [date(2019, 3, 1), date(2021, 7, 14)])
def test_a_decision_before_the_revised_apl_is_told_which_text_is_cited(decision):
    """The articles cited (APL Arts. 29, 36, 37) are those of the Administrative Penalty Law
    as revised in 2021, in force from 2021-07-15: a decision before that day is told so, in
    the reader's language; a later one is not."""
    from csl_helpers.views.penalties.markup import applicable_html

    early = applicable_law(date(2017, 7, 1), decision, 60, 1, item=1, tier="aggravated")
    late = applicable_law(date(2017, 7, 1), date(2021, 7, 15), 60, 1, item=1, tier="aggravated")
    for lang, said in (("zh", "2021年修订后的文本"), ("en", "as revised in 2021")):
        assert said in early.explain(lang) and said in early.to_html(lang)
        assert said in applicable_html(early, lang)
        assert said not in late.explain(lang) + applicable_html(late, lang)
    assert "2021年7月15日" in early.explain("zh") and "2021-07-15" not in early.explain("zh")


def test_a_card_worded_in_chinese_says_its_language():
    """A value's HTML in Chinese is tagged lang="zh-Hans" at its top, so that a screen reader in
    an English notebook does not read the Chinese with an English voice; in English it is not."""
    from csl_helpers.obligations import obligations_for

    duty = obligations_for(Profile(network_operator=True), "2025")[0]
    values = [
        simulate("2016", 59, 1, tier="aggravated"),
        applicable_law(date(2025, 6, 1), date(2026, 3, 1), 59, 1),
        version_changes()[0],
        checklist(Profile(network_operator=True), "2016"),
        duty,
        duty.obligation,
    ]
    for v in values:
        assert v.to_html("zh").startswith('<div class="csl-card" lang="zh-Hans">'), type(v)
        assert 'lang="zh-Hans"><h4>' not in v.to_html("en"), type(v)


def test_an_obligation_in_chinese_cites_without_an_english_space():
    """2016年文本第二十七条：…, a text and its article joined as Chinese prose joins them."""
    from csl_helpers.obligations import obligations

    for o in obligations():
        text = o.plain("zh")
        assert not re.search(r"年文本 第", text), text
        assert not REPEATED_ARTICLE.search(o.describe("zh")), o.describe("zh")


def test_a_comparison_under_the_later_text_is_not_said_to_apply_it():
    """适用 is the word of APL Art. 37 for the text that applies: the version rule's line that
    only compares the later clause for the same circumstances does not say 相同情节适用…."""
    a = applicable_law(date(2025, 6, 1), date(2026, 3, 1), 59, 1, tier="aggravated")
    assert a.version == "2016"
    compared = [r for r in a.worded("zh") if "相同情节" in r]
    assert compared and all("适用" not in r.partition("：")[0] for r in compared), compared


def test_the_lesson_tables_list_provisions_as_the_law_lists_them():
    """The amendment's verdicts (第五十九条第一款、第二款) and the articles' origins (2016年文本
    第六十八条、第六十九条) name an article, and a text, once in a list."""
    from csl_helpers.lessons.amendment_tables import changed_articles_table
    from csl_helpers.lessons.liability import verdicts_table

    for table in (verdicts_table("zh"), changed_articles_table("zh")):
        for row in table.rows:
            for cell in row:
                assert not REPEATED_ARTICLE.search(cell), cell
                assert cell.count("2016年文本") <= 1, cell


def test_a_chapter_in_chinese_has_no_ascii_arrow():
    """第一条 → 第一条 in Chinese, as the side-by-side view writes it, not the ASCII ->."""
    from csl_helpers.lessons.chapter import chapter_in_versions

    for number in range(1, 8):
        shown = chapter_in_versions(number, lang="zh")
        assert "->" not in shown.plain() and "→" in shown.plain(), number


@pytest.mark.parametrize("version", VERSIONS)
def test_a_fined_tier_set_by_another_paragraph_cites_it(version):
    """2025 Art. 61(3) sets the fines of the serious tiers of 61(1) and 61(2): the row of 61(1)
    that shows 50万元以上200万元以下 cites 第六十一条第三款 beside it, not 61(1) alone."""
    from csl_helpers.lessons.liability import fined_clauses_table

    cells = [row[0] for row in fined_clauses_table(version, "zh").rows]
    borrowed = [
        o
        for o in every_outcome(version)
        if (o.fine or o.person_fine) and o.basis_provision.paragraph != o.provision.paragraph
    ]
    assert borrowed or version == "2016"
    for o in borrowed:
        assert any(o.citation("zh") in cell for cell in cells), o.heading("zh")
    if version == "2025":
        assert "第六十一条第一款（第六十一条第三款）" in cells


def test_the_chinese_checklist_and_obligation_take_their_words_from_the_catalogue():
    """The Markdown export's and the duties' Chinese words are the catalogue's translations of
    their English, not literals of the code (the English output unchanged)."""
    from babel.messages.pofile import read_po

    from csl_helpers.obligations import obligations

    with (ROOT / "csl_helpers/locale/zh_Hans/LC_MESSAGES/csl.po").open("rb") as f:
        catalogue = read_po(f)

    def zh(msgid: str) -> str:
        entry = catalogue.get(msgid)
        assert entry is not None and entry.string, msgid
        return entry.string

    sheet = checklist(Profile(network_operator=True), "2016")
    md = sheet.to_markdown("zh")
    assert md.startswith(
        zh("# Duties under the Cybersecurity Law ({version} text)").format(version="2016")
    )
    assert (
        zh(
            "The Chinese text of the Law governs; the duties below are plain-language "
            "paraphrases for study, not legal advice."
        )
        in md
    )
    duty = next(o for o in obligations() if o.id == "no_attacks_or_attack_tools")
    assert zh("Who: {who}").format(who=duty.subject.name("zh")) in duty.plain("zh")
    assert zh("Penalty: {cited}").split("{")[0] in duty.plain("zh")


@pytest.mark.parametrize("version", VERSIONS)
def test_a_duty_sent_to_other_laws_is_said_in_the_words_of_the_clause(version):
    """2016 Art. 70 says 依照有关法律、行政法规的规定处罚, 2025 Art. 71 处理、处罚: the checklist's
    line uses the words both share, found in the Chinese of every clause it cites."""
    from csl_helpers.obligations import obligations_for

    law = load_law(version)
    for duty in obligations_for(Profile(**dict.fromkeys(ALL_FACTS, True)), version):
        enforcement = duty.penalty
        if enforcement.kind != "referral":
            continue
        words = enforcement.summary("zh").partition("：")[0]
        for p in enforcement.rules:  # an item's words are those of its paragraph's lead-in
            assert words in law.text_of(Provision(p.article, p.paragraph), "zh"), (words, p)


@pytest.mark.parametrize("version", VERSIONS)
def test_an_items_outcome_names_the_item(version):
    """A paragraph that lists its conducts says only 有下列行为之一的 (2025 Art. 71(1)): the
    outcome of an item names the item after those words, in either language."""
    from csl_helpers.views.penalties.markup import outcome_html

    law = load_law(version)
    listed = [
        o
        for o in every_outcome(version)
        if o.provision.item and o.trigger.zh.endswith("有下列行为之一的")
    ]
    assert listed
    for o in listed:
        for lang in ("zh", "en"):
            item = law.text_of(o.provision, lang).rstrip(";；.。")
            shown = (o.to_html(lang) + outcome_html(o, ui=lang)).replace("&#x27;", "'")
            assert item in o.summary(lang) and item in shown
