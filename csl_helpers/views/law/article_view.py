"""A chapter's articles, read from ``data/``, with one choice of texts and one of version.

Defined terms in the text link to the chapter's key-terms list, which quotes each term's
definition from the Law (2016 Art. 76 / 2025 Art. 78). The widget speaks the reader's
language (``lang="en"`` or ``"zh"``; for a reader in Chinese the Chinese text leads), ``show``
picks the texts shown (``"both"``, ``"en"``, ``"zh"``); both choices are radio groups
(:class:`~csl_helpers.views.choice.ChoiceButtons`, as on the dashboards).
"""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as w

from csl_helpers.law.glossary import Term, find_terms, terms_in_chapter
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Article
from csl_helpers.law.numerals import to_cn
from csl_helpers.law.text import Law
from csl_helpers.law.version_registry import version_on, versions
from csl_helpers.lessons.words import check_lesson_lang
from csl_helpers.translation import N_, gettext_for
from csl_helpers.views import markup as html
from csl_helpers.views.choice import ChoiceButtons

LANG_VIEWS = ((N_("English | 中文"), "both"), (N_("English"), "en"), ("中文", "zh"))
"""The text choice's options, label (in English, marked for the catalogues) and value."""
ORDER = {"en": ("en", "zh"), "zh": ("zh", "en")}
"""The texts in the order a reader in each language reads them: their own first."""


def show_options(lang: str) -> tuple[tuple[str, str], ...]:
    """The text choice's options in ``lang``; for a reader in Chinese, Chinese first."""
    _ = gettext_for(lang)
    options = tuple((_(label), value) for label, value in LANG_VIEWS)
    return options if lang == "en" else (options[2], options[0], options[1])


def _in(text: str, lang: str) -> str:
    """``text`` escaped; English words of the Law marked as English (for a reader's voice)."""
    return f'<span lang="en">{escape(text)}</span>' if lang == "en" else escape(text)


def _langs(show: str, lang: str) -> tuple[str, ...]:
    return ORDER[lang] if show == "both" else (show,)


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


def key_terms_html(terms: tuple[Term, ...], show: str = "both", lang: str = "en") -> str:
    """The key terms, each with its definition quoted from the Law and its citation."""
    _ = gettext_for(check_lesson_lang(lang))
    langs = _langs(show, lang)
    rows = []
    for t in terms:
        cite = " · ".join(_in(t.defined_in.citation(x), x) for x in langs)
        name = " · ".join(_in(t.zh if x == "zh" else t.en, x) for x in langs)
        where = _("{version} text, {citation}").format(version=t.version, citation=cite)
        rows.append(f'<dt id="csl-term-{t.version}-{t.id}">{name} <small>({where})</small></dt>')
        rows += [f'<dd lang="{x}">{escape(t.definition(x))}</dd>' for x in langs]
    return f'<dl class="csl-key-terms">{"".join(rows)}</dl>'


def chapter_html(law: Law, chapter: int, show: str, today: str, lang: str = "en") -> str:
    """The banner, then every article of ``chapter`` in one or both languages, then key terms.

    ``show`` is the texts shown (``"both"``, ``"en"``, ``"zh"``), ``lang`` the reader's.
    """
    _ = gettext_for(check_lesson_lang(lang))
    langs = _langs(show, lang)
    ch = law.chapter(chapter)
    rows = []
    for article in ch.articles:
        cols = "".join(f"<div>{linked_article_html(article, x)}</div>" for x in langs)
        about_en = html.provenance_html(article, ui=lang) if "en" in langs else ""
        rows.append(f'<div class="csl-row">{cols}</div>{about_en}')
    terms = terms_in_chapter(law.version, chapter)
    title = " · ".join(_in(ch.title(x), x) for x in langs)
    number = to_cn(chapter) if lang == "zh" else str(chapter)
    heading = _("Chapter {number}: {title}").format(number=number, title=title)
    key_terms = "<h4>" + escape(_("Key terms")) + "</h4>" + key_terms_html(terms, show, lang)
    return (
        f"{html.version_banner_html(law, today, ui=lang)}<h3>{heading}</h3>"
        + "".join(rows)
        + (key_terms if terms else "")
    )


class ArticleView:
    """The articles of one chapter with a language toggle and a version toggle.

    ``ArticleView(5).widget`` is what a notebook shows. Chapter numbers are the same in both
    versions, so the version toggle keeps the chapter and changes the articles.
    """

    def __init__(
        self, chapter: int, version: str | None = None, lang: str = "en", show: str = "both"
    ) -> None:
        self.lang = check_lesson_lang(lang)
        _ = gettext_for(self.lang)
        self.today = version_on(date.today()).id
        self.chapter = load_law(version).chapter(chapter).number
        if show not in dict((v, k) for k, v in LANG_VIEWS):
            valid = ", ".join(v for _, v in LANG_VIEWS)
            raise ValueError(f"show must be one of {valid}; got {show!r}")
        self.version_picker = ChoiceButtons(
            options=[(_("{version} text").format(version=v.id), v.id) for v in versions()],
            value=load_law(version).version,
            description=_("Version"),
        )
        self.lang_picker = ChoiceButtons(
            options=show_options(self.lang), value=show, description=_("Show")
        )
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
        self.text.value = chapter_html(
            law, self.chapter, self.lang_picker.value, self.today, self.lang
        )


def article_view(
    chapter: int, version: str | None = None, lang: str = "en", show: str = "both"
) -> w.Widget:
    """The articles of ``chapter``, opened on ``version`` (default: in force today), in ``lang``."""
    return ArticleView(chapter, version, lang, show).widget
