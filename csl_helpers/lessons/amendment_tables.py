"""The amendment's tables: the Decision's items, what changed, the fine ceilings, the origins.

Each returns a :class:`~csl_helpers.law.display.Table` in the reader's language (``lang="en"``,
the default, or ``"zh"``), like :mod:`csl_helpers.lessons.tables`, which shows them too.
"""

from __future__ import annotations

from csl_helpers.law.amendment import decision_items
from csl_helpers.law.citations import cite_articles
from csl_helpers.law.concordance import (
    ConcordanceRow,
    change_of,
    concordance,
    concordance_rows,
    concordance_versions,
)
from csl_helpers.law.display import Table
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision
from csl_helpers.lessons.table_words import (
    article_ref,
    cn,
    lesson_table,
    provision_ref,
    translate,
    version_text,
)
from csl_helpers.penalties.ceilings import CeilingPair, ceiling_pairs
from csl_helpers.penalties.model import Range

__all__ = [
    "ceilings_table",
    "changed_articles_table",
    "chapter_changes",
    "decision_table",
    "origins_table",
]


def decision_table(lang: str = "en") -> Table:
    """The Decision's items: what each acts on in the earlier text and the article it makes."""
    _ = translate(lang)
    old, new = (v.id for v in concordance_versions())
    rows = []
    for item in decision_items():
        if lang == "zh":
            olds = "、".join(
                Provision(a).citation("zh") + (f"第{cn(i)}项" if i else "")
                for a, i in item.from_2016
            )
            olds = version_text(old, "zh") + olds if olds else _("a new article")
        else:
            olds = ", ".join(f"{a}" + (f"({i})" if i else "") for a, i in item.from_2016)
            olds = f"{old} Art. {olds}" if olds else "a new article"
        # the Decision numbers its items 一、二、… (as item_heading of the comparison does)
        label = _("Item {number}").format(number=cn(item.number) if lang == "zh" else item.number)
        rows.append((label, olds, article_ref(new, item.article_2025, lang)))
    head = (_("item"), _("acts on"), _("makes"))
    return lesson_table(_("The Decision, item by item"), head, rows, None, lang)


def _change(row: ConcordanceRow, lang: str) -> str:
    """What the amendment did: ``merged amended (合并…并修改)``; in Chinese ``合并…并修改``."""
    if lang == "zh":
        return row.change_zh
    return f"{row.change.replace('_', ' ')} ({row.change_zh})"  # words, not the id


def changed_articles_table(lang: str = "en") -> Table:
    """The later articles that did more than move, and where each comes from."""
    _ = translate(lang)
    old, new = (v.id for v in concordance_versions())
    sep = "、" if lang == "zh" else ", "
    rows = tuple(
        (
            article_ref(new, row.article_2025, lang),
            (
                version_text(old, lang) + cite_articles([p.article for p in row.from_2016], lang)
                if lang == "zh" and row.from_2016  # 2016年文本第六十八条、第六十九条: the text once
                else sep.join(article_ref(old, p.article, lang) for p in row.from_2016) or "-"
            ),
            _change(row, lang),
        )
        for row in concordance_rows()
        if row.change not in ("renumbered", "unchanged")
    )
    head = (_("article"), _("from"), _("change"))
    return lesson_table(_("Articles that did more than move"), head, rows, None, lang)


def ceilings_table(lang: str = "en") -> Table:
    """The highest fine on the offender each penalty article fixes, before and after."""
    _ = translate(lang)

    def amount(n: int | None) -> str:
        if not n:
            return _("none")
        return f"{n:,}" if lang == "en" else Range(n, n).label("yuan", "zh")

    rows = []
    for p in ceiling_pairs():
        before, after = p.then_offender, p.now.offender
        if before or after:
            label = p.label() if lang == "en" else _ceiling_label_zh(p)
            rows.append((label, amount(before), amount(after)))
    pair = ceiling_pairs()[0]
    head = (
        _("article"),
        _("{version} ceiling (yuan)").format(version=pair.before),
        _("{version} ceiling (yuan)").format(version=pair.after),
    )
    return lesson_table(_("Fine ceilings on the offender"), head, rows, None, lang)


def _ceiling_label_zh(p: CeilingPair) -> str:
    """``2025年文本第六十一条（2016年文本第五十九条）`` or ``…（新增）``."""
    now = article_ref(p.after, p.article, "zh")
    before = "、".join(Provision(a).citation("zh") for a in p.articles_before)
    _ = translate("zh")
    then = version_text(p.before, "zh") + before if before else _("new")
    return f"{now}（{then}）"


def chapter_changes(chapter: int, lang: str = "en") -> Table:
    """The later version's articles of ``chapter`` that did more than move, and their sources."""
    _ = translate(lang)
    old, new = (v.id for v in concordance_versions())
    rows = []
    for article in load_law(new).chapter(chapter).articles:
        row = change_of(article.number)
        if row.change != "renumbered":
            sep = "、" if lang == "zh" else ", "
            sources = sep.join(article_ref(old, p.article, lang, "Article") for p in row.from_2016)
            none = _("no {version} text").format(version=old)
            rows.append(
                (
                    provision_ref(new, Provision(article.number), lang),
                    _change(row, lang),
                    sources or none,
                )
            )
    title = _("What the amendment did to Chapter {number}").format(
        number=chapter if lang == "en" else cn(chapter)
    )
    return lesson_table(title, (_("article"), _("change"), _("from")), rows, None, lang)


def origins_table(*numbers: int, lang: str = "en") -> Table:
    """Articles ``numbers`` of the later version and the earlier article each continues."""
    _ = translate(lang)
    old, new = (v.id for v in concordance_versions())
    law = load_law(new)
    rows = []
    for n in numbers:
        before = concordance(n, new, old)
        origin = (
            article_ref(old, before, lang, "Article")
            if before
            else _("new in {version}").format(version=new)
        )
        rows.append(
            (provision_ref(new, Provision(n), lang), origin, law.article(n).paragraphs[0].zh)
        )
    head = (_("article"), _("continues"), "条文")
    return lesson_table(_("Where the articles come from"), head, rows, None, lang)
