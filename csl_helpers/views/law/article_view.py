"""A chapter's articles, read from ``data/``, with one toggle for language and one for version.

Defined terms in the text link to the chapter's key-terms list, which quotes each term's
definition from the Law (2016 Art. 76 / 2025 Art. 78).
"""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as w

from csl_helpers.law.glossary import Term, find_terms, terms_in_chapter
from csl_helpers.law.load import load_law, version_on, versions
from csl_helpers.law.model import Article
from csl_helpers.law.text import Law
from csl_helpers.views import markup as html

LANG_VIEWS = (("English | 中文", "both"), ("English", "en"), ("中文", "zh"))
"""The language toggle's choices: label and value."""
STYLE = """<style>
.csl-article p { margin: 0.3em 0; line-height: 1.5; }
.csl-item { padding-left: 1.5em; }
.csl-row { display: flex; gap: 1.5em; border-bottom: 1px solid #ddd; padding: 0.3em 0; }
.csl-row > div { flex: 1 1 0; }
.csl-banner { padding: 0.4em 0.8em; background: #eef3f8; border-left: 4px solid #36c; }
.csl-provenance { color: #555; font-size: 0.9em; margin: 0.2em 0; }
a.csl-term { text-decoration: underline dotted; color: inherit; }
.csl-key-terms dt { font-weight: bold; margin-top: 0.4em; }
</style>"""


def _linked(text: str, version: str, lang: str, seen: set[str]) -> str:
    """``text`` escaped, each defined term not in ``seen`` linked to its definition."""
    out, pos = [], 0
    for use in find_terms(text, version, lang):
        if use.term.id in seen:
            continue
        seen.add(use.term.id)
        definition = use.term.definition(lang)
        out.append(escape(text[pos : use.start]))
        out.append(
            f'<a class="csl-term" href="#csl-term-{version}-{use.term.id}" '
            f'title="{escape(definition)}">{escape(text[use.start : use.end])}</a>'
        )
        pos = use.end
    out.append(escape(text[pos:]))
    return "".join(out)


def linked_article_html(article: Article, lang: str) -> str:
    """:func:`html.article_html` with each defined term's first use linked to the key terms."""
    seen: set[str] = set()
    return html.article_html(article, lang, lambda text: _linked(text, article.version, lang, seen))


def key_terms_html(terms: tuple[Term, ...], lang: str = "both") -> str:
    """The key terms, each with its definition quoted from the Law and its citation."""
    langs = ("en", "zh") if lang == "both" else (lang,)
    rows = []
    for t in terms:
        cite = " · ".join(escape(t.defined_in.citation(x)) for x in langs)
        rows.append(
            f'<dt id="csl-term-{t.version}-{t.id}">{escape(t.en)} · {escape(t.zh)} '
            f"<small>({t.version} text, {cite})</small></dt>"
        )
        rows += [f'<dd lang="{x}">{escape(t.definition(x))}</dd>' for x in langs]
    return f'<dl class="csl-key-terms">{"".join(rows)}</dl>'


def chapter_html(law: Law, chapter: int, lang: str, today: str) -> str:
    """The banner, then every article of ``chapter`` in one or both languages, then key terms."""
    langs = ("en", "zh") if lang == "both" else (lang,)
    ch = law.chapter(chapter)
    rows = []
    for article in ch.articles:
        cols = "".join(f"<div>{linked_article_html(article, x)}</div>" for x in langs)
        rows.append(f'<div class="csl-row">{cols}</div>{html.provenance_html(article)}')
    terms = terms_in_chapter(law.version, chapter)
    title = " · ".join(escape(ch.title(x)) for x in langs)
    return (
        f"{html.version_banner_html(law, today)}<h3>Chapter {chapter}: {title}</h3>"
        + "".join(rows)
        + ("<h4>Key terms</h4>" + key_terms_html(terms, lang) if terms else "")
    )


class ArticleView:
    """The articles of one chapter with a language toggle and a version toggle.

    ``ArticleView(5).widget`` is what a notebook shows. Chapter numbers are the same in both
    versions, so the version toggle keeps the chapter and changes the articles.
    """

    def __init__(self, chapter: int, version: str | None = None, lang: str = "both") -> None:
        self.today = version_on(date.today()).id
        self.chapter = load_law(version).chapter(chapter).number
        if lang not in dict((v, k) for k, v in LANG_VIEWS):
            valid = ", ".join(v for _, v in LANG_VIEWS)
            raise ValueError(f"lang must be one of {valid}, not {lang!r}")
        self.version_picker = w.ToggleButtons(
            options=[(f"{v.id} text", v.id) for v in versions()],
            value=load_law(version).version,
            description="Version",
        )
        self.lang_picker = w.ToggleButtons(options=LANG_VIEWS, value=lang, description="Show")
        self.text = w.HTML(layout=w.Layout(max_height="40em", overflow="auto"))
        self.version_picker.add_class("csl-av-version")
        self.lang_picker.add_class("csl-av-lang")
        self.text.add_class("csl-av-text")
        self.version_picker.observe(lambda _: self.render(), "value")
        self.lang_picker.observe(lambda _: self.render(), "value")
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
                w.HBox(
                    [self.version_picker, self.lang_picker], layout=w.Layout(flex_flow="row wrap")
                ),
                self.text,
            ]
        )
        self.render()

    def render(self) -> None:
        """Show the chapter in the chosen version and language(s)."""
        law = load_law(self.version_picker.value)
        self.text.value = chapter_html(law, self.chapter, self.lang_picker.value, self.today)


def article_view(chapter: int, version: str | None = None, lang: str = "both") -> w.Widget:
    """The articles of ``chapter``, opened on ``version`` (default: in force today)."""
    return ArticleView(chapter, version, lang).widget
