"""A chapter's articles of the amended text against the text before, one picked at a time.

The amended and the earlier text are the last pair of :func:`successive_versions` (the 2025
text and the 2016 text). ``show`` is the language of the texts compared (``"zh"``, which
governs, or ``"en"``; the chapter's comparison opens on the reader's own); ``lang`` the
reader's (``"en"`` or ``"zh"``), in which the widget's own words are; the text choice is a
radio group (:class:`~csl_helpers.views.choice.ChoiceButtons`, as on the dashboards).
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.law.amendment import decision_items
from csl_helpers.law.concordance import change_of
from csl_helpers.law.diff import side_by_side
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision, check_lang
from csl_helpers.law.numerals import to_cn
from csl_helpers.law.version_registry import successive_versions
from csl_helpers.lessons.words import check_lesson_lang
from csl_helpers.translation import N_, gettext_for
from csl_helpers.views import markup as html
from csl_helpers.views.choice import ChoiceButtons

TEXTS = (("中文", "zh"), (N_("English"), "en"))
"""The text choice's options: the Chinese text first, as it governs."""


def _amendment() -> tuple[str, str]:
    """The ids of the text before the last amendment and of the amended text."""
    old, new = successive_versions()[-1]
    return old.id, new.id


def _change(n_2025: int, lang: str) -> str:
    """What the amendment did to 2025 article ``n_2025``, as the concordance names it."""
    row = change_of(n_2025)
    return row.change_zh if lang == "zh" else row.change.replace("_", " ")


def comparison_html(n_2025: int, show: str, lang: str = "en") -> str:
    """2025 article ``n_2025`` beside its 2016 text, or alone, marked new, if it has none.

    ``show`` is the language of the texts, ``lang`` the reader's.
    """
    _ = gettext_for(check_lesson_lang(lang))
    check_lang(show)
    old, new = _amendment()
    row = change_of(n_2025)
    if not row.from_2016:
        article = load_law(new).article(n_2025)
        if lang == "zh":
            note = _("{new} text: new ({change}); the {old} text has no counterpart.").format(
                new=new, old=old, change=row.change_zh
            )
            return f"<p><b>{escape(note)}</b></p>{html.article_html(article, show)}"
        return (
            f"<p><b>New in {new}</b> ({escape(row.change_zh)}): the {old} text has no "
            f"counterpart.</p>{html.article_html(article, show)}"
        )
    sbs = side_by_side(n_2025, new, old, show)
    status = _("changed") if sbs.changed else _("unchanged in wording")
    if lang == "zh":
        return f"<p><b>{escape(row.change_zh)}</b>，{escape(status)}。</p>" + (
            html.side_by_side_html(sbs)
        )
    return (
        f"<p><b>{escape(_change(n_2025, 'en'))}</b> ({escape(row.change_zh)}), "
        f"{status}.</p>{html.side_by_side_html(sbs)}"
    )


def item_heading(number: int, lang: str) -> str:
    """``Item 3`` in English; in Chinese ``三、``, as the Decision numbers its items."""
    _ = gettext_for(check_lesson_lang(lang))
    return _("Item {number}").format(number=to_cn(number) if lang == "zh" else number)


class DecisionComparison:
    """Every item of the amending Decision, each with its article against the text before."""

    def __init__(self, show: str = "zh", lang: str = "en") -> None:
        self.show = check_lang(show)
        self.lang = check_lesson_lang(lang)

    def _repr_html_(self) -> str:
        return "".join(
            f"<h4>{escape(item_heading(item.number, self.lang))}</h4>"
            + comparison_html(item.article_2025, self.show, self.lang)
            for item in decision_items()
        )

    def __repr__(self) -> str:
        cited = [item.article_2025 for item in decision_items()]
        if self.lang == "zh":
            numbers = "、".join(Provision(n).citation("zh") for n in cited)
        else:
            numbers = ", ".join(map(str, cited))
        _ = gettext_for(self.lang)
        words = _("The Decision's {count} items, on articles {numbers}")
        return words.format(count=len(decision_items()), numbers=numbers)


def decision_comparison(show: str = "zh", lang: str = "en") -> DecisionComparison:
    """The Decision item by item, each article beside its earlier text (shown in a notebook)."""
    return DecisionComparison(show, lang)


class ChapterComparison:
    """Pick a 2025 article of a chapter and a text; see it against the 2016 text."""

    def __init__(
        self, chapter: int, article: int | None = None, show: str | None = None, lang: str = "en"
    ) -> None:
        self.ui = check_lesson_lang(lang)
        _ = gettext_for(self.ui)
        show = check_lang(show or self.ui)  # the reader's own language unless told
        new = _amendment()[1]
        arts = load_law(new).chapter(chapter).articles
        self.picker = w.Dropdown(
            options=[
                (
                    f"{a.citation(self.ui)} ({_change(a.number, self.ui)})"
                    if self.ui == "en"
                    else f"{a.citation('zh')}（{_change(a.number, 'zh')}）",
                    a.number,
                )
                for a in arts
            ],
            value=article or arts[0].number,
            description=_("{version} article").format(version=new),
            layout=w.Layout(width="30em"),
            style={"description_width": "initial"},
        )
        self.lang = ChoiceButtons(
            options=[(_(label), value) for label, value in TEXTS],
            value=show,
            description=_("Text"),
        )
        self.text = w.HTML()
        self.picker.add_class("csl-compare-article")
        self.lang.add_class("csl-compare-lang")
        self.text.add_class("csl-compare-text")
        self.picker.observe(lambda _: self.render(), "value")
        self.lang.observe(lambda _: self.render(), "value")
        self.widget = w.VBox(
            [w.HBox([self.picker, self.lang], layout=w.Layout(flex_flow="row wrap")), self.text]
        )
        self.render()

    def render(self) -> None:
        """Show the picked article against the 2016 text."""
        self.text.value = comparison_html(self.picker.value, self.lang.value, self.ui)


def chapter_comparison(
    chapter: int, article: int | None = None, show: str | None = None, lang: str = "en"
) -> w.Widget:
    """The 2025 articles of ``chapter`` against the 2016 text, opened on ``article``.

    ``show`` is the language of the texts (default: the reader's), ``lang`` the reader's.
    """
    return ChapterComparison(chapter, article, show, lang).widget
