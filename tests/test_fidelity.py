"""Readings of the Chinese text the English, the menus and the outcomes must keep.

Each test guards one reading against the words of the Law that decide it: a sentence the
English turned round, a menu label wider or narrower than the text, a body shown as deciding
what the text does not give it, two routes to one tier that disagree. The Chinese governs.
"""

from __future__ import annotations

import re

import pytest

from csl_helpers.law.load import load_law
from csl_helpers.penalties.apl import apl
from csl_helpers.penalties.simulation import rules

VERSIONS = ("2016", "2025")


def _sentences(zh: str, en: str) -> list[tuple[str, str]]:
    """The sentences of a provision in both languages, paired in order (。 and ". ")."""
    zh_s = [s for s in zh.split("。") if s.strip()]
    en_s = [s for s in re.split(r"(?<=\.)\s+", en.strip()) if s]
    assert len(zh_s) == len(en_s), (zh, en)
    return list(zip(zh_s, en_s, strict=True))


def test_the_administrative_penalty_law_may_exempt_where_it_says_可以不予():
    """Art. 33(1): 初次违法且危害后果轻微并及时改正的，可以不予行政处罚 is a discretion to
    exempt, not a ban on punishing; 不予行政处罚 without 可以 is mandatory."""
    checked = 0
    for p in apl().values():
        if "不予" not in p.zh:
            continue
        for zh, en in _sentences(p.zh, p.en):
            if "可以不予" in zh:
                checked += 1
                assert re.search(r"\bmay\b", en), (p.provision.id, en)
                assert not re.search(r"\bno\b[^.]*\bmay\b", en, re.IGNORECASE), (
                    f"{p.provision.id}: {en!r} reads as a prohibition; the Chinese says "
                    f"可以不予 (may be exempted)"
                )
            elif "不予" in zh:
                checked += 1
                assert not re.search(r"\bmay\b", en), (p.provision.id, en)
    assert checked >= 3


# English words a conduct label may use, and the Chinese the paragraph must then contain.
VERBS = {
    "steals": ("窃取",),
    "buys": ("购买", "买卖"),
    "sells": ("出售", "销售", "买卖"),
    "obtains": ("获取",),
    "provides": ("提供",),
}


@pytest.mark.parametrize("version", VERSIONS)
def test_conduct_labels_use_no_verb_the_paragraph_lacks(version):
    """2016 Art. 64(2) / 2025 Art. 71(2) read 窃取或者以其他非法方式获取、非法出售或者非法向他人
    提供个人信息: no 购买, so no "buys" in the menu."""
    law = load_law(version)
    for r in rules(version):
        text = law.text_of(r.provision, "zh")
        for verb, words in VERBS.items():
            if re.search(rf"\b{verb}\b", r.conduct):
                assert any(w in text for w in words), (
                    f"{version} {r.citation()}: the label {r.conduct!r} says {verb!r}, the "
                    f"Chinese has none of {words}"
                )
