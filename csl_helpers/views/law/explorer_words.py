"""The Law Explorer's own words, in English or Chinese: menu labels and sentences.

Each function takes the interface's language (``ui``: ``"en"`` or ``"zh"``) and words one
thing the explorer shows; the Law's text and titles come from ``data/`` through the law open.
"""

from __future__ import annotations

from html import escape

from csl_helpers.law.citations import cite_articles
from csl_helpers.law.concordance import counterparts
from csl_helpers.law.diff import side_by_side
from csl_helpers.law.model import Article, Provision
from csl_helpers.law.numerals import to_cn
from csl_helpers.law.text import Law
from csl_helpers.translation import gettext_for, ngettext_for
from csl_helpers.views import markup as html
from csl_helpers.views.law.explorer_state import LANG_VIEWS


def chapter_options(law: Law, ui: str) -> list[tuple[str, int]]:
    """The chapters as the menu lists them: ``1. General Provisions · 总则`` or ``第一章 总则``."""
    if ui == "zh":
        return [(f"第{to_cn(c.number)}章 {c.title('zh')}", c.number) for c in law.chapters]
    return [(f"{c.number}. {c.title('en')} · {c.title('zh')}", c.number) for c in law.chapters]


def section_options(sections: tuple, ui: str) -> list[tuple[str, int]]:
    """A chapter's sections as the menu lists them (``Section 1. …`` or ``第一节 …``)."""
    if ui == "zh":
        return [(f"第{to_cn(s.number)}节 {s.title('zh')}", s.number) for s in sections]
    return [(f"Section {s.number}. {s.title('en')} · {s.title('zh')}", s.number) for s in sections]


def article_options(articles: tuple, ui: str) -> list[tuple[str, int]]:
    """Articles as the menu lists them: ``Article 5 · 第五条`` or ``第五条``."""
    if ui == "zh":
        return [(a.citation("zh"), a.number) for a in articles]
    return [(f"{a.citation('en')} · {a.citation('zh')}", a.number) for a in articles]


def no_counterpart(old: str, new: str, added: bool, ui: str) -> str:
    """Why an article has no counterpart: it is new in ``new``, or removed from it."""
    _ = gettext_for(ui)
    if added:
        said = _(
            "<i>No counterpart in the {old} text: this provision is new in the {new} text.</i>"
        )
        return said.format(old=old, new=new)
    said = _(
        "<i>No counterpart in the {new} text: this provision is removed from the {new} text.</i>"
    )
    return said.format(new=new)


def counterpart_sentence(
    other: str, target: int, found: tuple[int, ...], merges: bool, ui: str, same: bool = False
) -> tuple[str, str]:
    """Where the article continues in the ``other`` text, and the label of the button opening it.

    ``found`` are all the articles it continues in; ``merges``: the article open merges them;
    ``same``: the counterpart's wording is the same (renumbered or unchanged), the only case
    called the same provision (相同规定); an amended or merged one is the corresponding
    provision (对应条文). Lists of articles are cited as the Decision lists them (第六十四条、
    第六十六条、第七十条).
    """
    _ = gettext_for(ui)
    num = to_cn if ui == "zh" else str  # 第六十一条, Article 61
    also = [n for n in found if n != target]
    extra = (
        _(" (it also continues in {articles})").format(articles=cite_articles(also, ui))
        if also
        else ""
    )
    if merges:
        extra = _(" (this article merges {articles} of the {other} text)").format(
            articles=cite_articles(found, ui), other=other
        )
    if same:
        sentence = _("Same provision in the {other} text: <b>Article {target}</b>{extra}.")
    else:
        sentence = _("Corresponding provision in the {other} text: <b>Article {target}</b>{extra}.")
    button = _("Open Article {target} of the {other} text")
    return (
        sentence.format(other=other, target=num(target), extra=extra),
        button.format(target=num(target), other=other),
    )


def search_status(paragraphs: int, version: str, query: str, ui: str) -> str:
    """How many paragraphs of the text contain the query (escaped here)."""
    _, ngettext = gettext_for(ui), ngettext_for(ui)
    if not query.strip():
        return _("<i>Type a word or phrase to search.</i>")
    said = ngettext(
        "{n} paragraph of the {version} text contain <b>{query}</b>.",
        "{n} paragraphs of the {version} text contain <b>{query}</b>.",
        paragraphs,
    )
    return said.format(n=paragraphs, version=version, query=escape(query.strip()))


def changes_html(number: int, version: str, other: str, text_lang: str, ui: str) -> str:
    """Article ``number`` of ``version`` beside its counterpart in ``other``, changes marked.

    In Chinese unless the text is shown in English only (``text_lang``); a sentence in ``ui``
    when there is no counterpart or nothing changed.
    """
    _ = gettext_for(ui)
    if not counterparts(number, version, other):
        return _("<i>Nothing to compare: no counterpart in the {other} text.</i>").format(
            other=other
        )
    sbs = side_by_side(number, version, other, "en" if text_lang == "en" else "zh")
    note = "" if sbs.changed else _("<p><i>The wording is the same in both versions.</i></p>")
    return note + html.side_by_side_html(sbs)


def marked(article_html: str, article: Article, cited: Provision | None) -> str:
    """An article's HTML with the paragraph or item ``cited`` marked, or as it is.

    ``article_html`` is :func:`csl_helpers.views.markup.article_html`'s; the block cited gets
    the class ``csl-cited`` and ``aria-current``. The article's blocks come one per paragraph,
    each followed by its items, in the Law's order.

    >>> from csl_helpers import load_law
    >>> from csl_helpers.views.markup import article_html
    >>> art = load_law("2025").article(71)
    >>> shown = marked(article_html(art, "zh"), art, Provision(71, 1, 2))
    >>> shown.count("csl-cited"), shown.split("csl-cited")[1][:40].count("（二）")
    (1, 1)
    """
    if cited is None or cited.paragraph is None or cited.article != article.number:
        return article_html
    block = sum(1 + len(p.items) for p in article.paragraphs[: cited.paragraph - 1])
    block += cited.item or 0
    parts = article_html.split('<p class="csl-')
    if not 0 <= block < len(parts) - 1:
        return article_html
    parts[block + 1] = "cited csl-" + parts[block + 1].replace('"', '" aria-current="true"', 1)
    return '<p class="csl-'.join(parts)


def view_options(ui: str) -> list[tuple[str, str]]:
    """The choices of the article's text shown, in ``ui``.

    Both, then each language, the interface's own first (中文 | 英文, 中文, 英文 in Chinese).

    >>> view_options("zh")
    [('中文 | 英文', 'both'), ('中文', 'zh'), ('英文', 'en')]
    """
    _ = gettext_for(ui)
    labels = {value: _(label) for label, value in LANG_VIEWS}
    order = ("both", "zh", "en") if ui == "zh" else ("both", "en", "zh")
    return [(labels[value], value) for value in order]
