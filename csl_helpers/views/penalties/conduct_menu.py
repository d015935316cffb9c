"""The conducts as the simulator's menu names them: a key, a label, and its counterpart.

A conduct's key is ``(article, paragraph, item)``; its label puts the provision first, so a
phone's menu that cuts a long label still shows which clause is chosen.
"""

from __future__ import annotations

from csl_helpers.law.version_registry import version_ids
from csl_helpers.penalties.simulation import Conduct
from csl_helpers.penalties.version_rule import pairs

Key = tuple[int, int, int | None]
"""A conduct as a menu names it: ``(article, paragraph, item)``."""


def key_of(c: Conduct) -> Key:
    """The menu key of a conduct."""
    return (c.rule.article, c.rule.paragraph, c.item)


def conduct_label(c: Conduct, lang: str = "en") -> str:
    """What a menu shows for a conduct: the provision first, then what was done.

    The citation leads, so a phone's menu, which cuts a long label at its width, still shows
    which clause is chosen. In Chinese, in the Law's words: the item, or the clause's first
    condition (its 的 dropped).
    """
    if lang == "zh":
        what = c.what("zh")
        return f"{c.provision.citation('zh', c.rule.version)}：{what.removesuffix('的')}"
    return f"{c.provision.citation()}: {c.what()}"


def counterpart_key(key: Key, old: str, new: str) -> Key | None:
    """The key of the conduct in ``new`` that continues ``key`` of ``old``, if any."""
    article, paragraph, item = key
    order = version_ids()
    for pair in pairs():
        forward = order.index(old) < order.index(new)
        src, dst = (pair.old, pair.new) if forward else (pair.new, pair.old)
        if (src.article, src.paragraph) == (article, paragraph) and src.item in (None, item):
            return (dst.article, dst.paragraph, dst.item)
    return None
