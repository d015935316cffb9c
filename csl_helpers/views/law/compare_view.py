"""A chapter's articles of the amended text against the text before, one picked at a time.

The amended and the earlier text are the last pair of :func:`successive_versions` (the 2025
text and the 2016 text).
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.law.amendment import decision_items
from csl_helpers.law.concordance import change_of, side_by_side
from csl_helpers.law.load import load_law, successive_versions
from csl_helpers.views import markup as html


def _amendment() -> tuple[str, str]:
    """The ids of the text before the last amendment and of the amended text."""
    old, new = successive_versions()[-1]
    return old.id, new.id


def comparison_html(n_2025: int, lang: str) -> str:
    """2025 article ``n_2025`` beside its 2016 text, or alone, marked new, if it has none."""
    old, new = _amendment()
    row = change_of(n_2025)
    if not row.from_2016:
        article = load_law(new).article(n_2025)
        return (
            f"<p><b>New in {new}</b> ({escape(row.change_zh)}): the {old} text has no "
            f"counterpart.</p>{html.article_html(article, lang)}"
        )
    sbs = side_by_side(n_2025, new, old, lang)
    status = "changed" if sbs.changed else "unchanged in wording"
    return (
        f"<p><b>{escape(row.change.replace('_', ' '))}</b> ({escape(row.change_zh)}), "
        f"{status}.</p>{html.side_by_side_html(sbs)}"
    )


class DecisionComparison:
    """Every item of the amending Decision, each with its article against the text before."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang

    def _repr_html_(self) -> str:
        return "".join(
            f"<h4>Item {item.number}</h4>" + comparison_html(item.article_2025, self.lang)
            for item in decision_items()
        )

    def __repr__(self) -> str:
        numbers = ", ".join(str(item.article_2025) for item in decision_items())
        return f"The Decision's {len(decision_items())} items, on articles {numbers}"


def decision_comparison(lang: str = "zh") -> DecisionComparison:
    """The Decision item by item, each article beside its earlier text (shown in a notebook)."""
    return DecisionComparison(lang)


class ChapterComparison:
    """Pick a 2025 article of a chapter and a language; see it against the 2016 text."""

    def __init__(self, chapter: int, article: int | None = None, lang: str = "zh") -> None:
        new = _amendment()[1]
        arts = load_law(new).chapter(chapter).articles
        self.picker = w.Dropdown(
            options=[
                (f"{a.citation('en')} ({change_of(a.number).change.replace('_', ' ')})", a.number)
                for a in arts
            ],
            value=article or arts[0].number,
            description=f"{new} article",
            layout=w.Layout(width="30em"),
            style={"description_width": "initial"},
        )
        self.lang = w.ToggleButtons(options=(("中文", "zh"), ("English", "en")), value=lang)
        self.text = w.HTML()
        self.picker.add_class("csl-compare-article")
        self.lang.add_class("csl-compare-lang")
        self.text.add_class("csl-compare-text")
        self.picker.observe(lambda _: self.render(), "value")
        self.lang.observe(lambda _: self.render(), "value")
        self.widget = w.VBox([w.HBox([self.picker, self.lang]), self.text])
        self.render()

    def render(self) -> None:
        """Show the picked article against the 2016 text."""
        self.text.value = comparison_html(self.picker.value, self.lang.value)


def chapter_comparison(chapter: int, article: int | None = None, lang: str = "zh") -> w.Widget:
    """The 2025 articles of ``chapter`` against the 2016 text, opened on ``article``."""
    return ChapterComparison(chapter, article, lang).widget
