"""A reading of the Chinese interface against the Chinese texts: what it found, held in tests.

Each test is general where it can be: it reads every clause and tier, every comparison or every
checklist, and fails on the first line that is not worded as the Law words it.
"""

from __future__ import annotations

import re

import pytest

from csl_helpers.law.version_registry import sole_paragraph
from csl_helpers.obligations import Profile, checklist
from csl_helpers.penalties import Circumstances, conducts, simulate, tiers_of

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


def every_outcome(version):
    """Every clause and tier of ``version``, with the amounts its fines need."""
    for c in conducts(version):
        for tier in tiers_of(version, c):
            yield simulate(
                version,
                c,
                Circumstances(tier=tier, illegal_gains=150_000, procurement_amount=80_000),
            )


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
