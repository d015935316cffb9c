"""Counts over the Law as data: articles and words per chapter, duties per subject, tiers.

Everything is counted from ``data/`` through the package; nothing is typed in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from csl_helpers.law.load import load_law
from csl_helpers.law.model import check_lang
from csl_helpers.obligations.duties import obligations
from csl_helpers.penalties.model import TIERS
from csl_helpers.penalties.simulation import conducts

_WORD = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class ChapterSize:
    """How long one chapter of one version is."""

    version: str
    chapter: int
    title: str
    """The chapter's title in English."""
    title_zh: str
    """The chapter's title in Chinese, as the Law heads it (总则)."""
    articles: int
    words_en: int
    """Words of the English text."""
    characters_zh: int
    """Chinese characters (汉字) of the Chinese text, punctuation and digits left out."""


def chapter_sizes(version: str) -> tuple[ChapterSize, ...]:
    """Articles, English words and Chinese characters of each chapter of ``version``.

    >>> [s.articles for s in chapter_sizes("2016")]
    [14, 6, 19, 11, 8, 17, 4]
    """
    out = []
    for ch in load_law(version).chapters:
        en = " ".join(a.text("en") for a in ch.articles)
        zh = "".join(a.text("zh") for a in ch.articles)
        out.append(
            ChapterSize(
                version,
                ch.number,
                ch.title("en"),
                ch.title("zh"),
                len(ch.articles),
                len(_WORD.findall(en)),
                len(_HAN.findall(zh)),
            )
        )
    return tuple(out)


def duties_per_subject(version: str, lang: str = "en") -> tuple[tuple[str, int], ...]:
    """How many duties of ``data/obligations.yaml`` each subject carries in ``version``.

    Each subject is named in ``lang``; most duties first; subjects with none in ``version``
    are left out.
    """
    check_lang(lang)
    counts = Counter(ob.subject.name(lang) for ob in obligations() if ob.in_version(version))
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def tiers_per_severity(version: str) -> tuple[tuple[str, int], ...]:
    """How many conducts of Chapter 6 reach each tier of severity, mildest tier first.

    A conduct counts once for every tier the Law offers it (:func:`penalties.tiers_of`).
    """
    counts = Counter(t for c in conducts(version) for t in c.tiers)
    return tuple((t, counts[t]) for t in TIERS)
