"""The Law Explorer: browse, read in both languages, switch version, search, follow references.

The state lives in :class:`~csl_helpers.views.law.explorer_state.ExplorerModel`; this module
draws it and links the controls to it. The page's address follows the article open; following
a reference moves the keyboard's focus to the article it opens.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w
from traitlets import link

from csl_helpers.law.concordance import concordance, counterparts, side_by_side
from csl_helpers.law.load import version_ids, versions
from csl_helpers.law.model import Reference
from csl_helpers.law.text import Law
from csl_helpers.views import markup as html
from csl_helpers.views.binding import ChoiceBinding
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.input_guard import InputGuard
from csl_helpers.views.law.explorer_state import LANG_VIEWS, ExplorerModel
from csl_helpers.views.page_address import AddressKeeper, PageAddress

STYLE = """<style>
.csl-article p { margin: 0.3em 0; line-height: 1.5; }
.csl-article-zh { font-size: 1.05em; }
.csl-item { padding-left: 1.5em; }
.csl-banner { padding: 0.4em 0.8em; background: #eef3f8; border-left: 4px solid #36c; }
.csl-provenance { color: #555; font-size: 0.9em; margin: 0.2em 0; }
.csl-explorer .widget-toggle-buttons { flex-wrap: wrap; height: auto; max-width: 100%; }
.csl-explorer .widget-dropdown > select, .csl-explorer .widget-text > input { min-width: 0; }
</style>"""
PICKER = {"layout": {"width": "100%", "max_width": "30em"}}
TEXT_COLUMN = "300px"
"""The narrowest an article's text may be; two columns stand side by side only with room for
both, and the menus go above the text when the page is too narrow for both beside it."""


def _shown_if(flag: bool) -> str | None:
    return None if flag else "none"


def _newer(version: str, than: str) -> bool:
    return version_ids().index(version) > version_ids().index(than)


class LawExplorer:
    """The explorer's widgets over its model; ``LawExplorer().widget`` is what a page shows.

    Every text it shows comes from ``data/`` through :func:`csl_helpers.load_law`.
    """

    def __init__(self, version: str | None = None, article: int = 1) -> None:
        self.model = ExplorerModel(version, article)
        self.today = self.model.today
        self._make_controls()
        self._make_displays()
        self.widget = self._layout()
        self._link()
        self.guard.watch(
            self.widget,
            labels={self.results: "Search results"},
        )
        self._show_place()

    def _make_controls(self) -> None:
        self.version_picker = ChoiceButtons(
            options=[(f"{v.id} text", v.id) for v in versions()],
            value=self.model.version,
            description="Version",
        )
        self.lang_picker = ChoiceButtons(options=LANG_VIEWS, value="both", description="Show")
        self.chapter_picker = w.Dropdown(description="Chapter", **PICKER)
        self.section_picker = w.Dropdown(description="Section", **PICKER)
        self.article_picker = w.Dropdown(description="Article", **PICKER)
        self.counterpart_button = w.Button(layout=w.Layout(width="auto"))
        self.compare = w.Checkbox(
            value=False,
            description="Show changes against the other version",
            indent=False,
            layout=w.Layout(width="auto"),
        )
        self.search_box = w.Text(
            placeholder="Search the text, e.g. personal information or 个人信息",
            description="Search",
            continuous_update=False,
            layout=w.Layout(flex="1 1 18em", width="auto", max_width="30em"),
        )
        self.search_button = w.Button(
            description="Search", icon="search", layout=w.Layout(width="auto")
        )
        # Its description is the list's name for a screen reader (axe-core: select-name).
        self.results = w.Select(
            options=[],
            rows=8,
            description="Found",
            layout=w.Layout(width="100%", display="none"),
        )

    def _make_displays(self) -> None:
        self.banner = w.HTML()
        self.counterpart = w.HTML()
        column = {"flex": f"1 1 {TEXT_COLUMN}", "min_width": TEXT_COLUMN}
        self.text_en = w.HTML(layout=w.Layout(padding="0 1em 0 0", **column))
        self.text_zh = w.HTML(layout=w.Layout(**column))
        self.provenance = w.HTML()
        self.changes = w.HTML()
        self.cites = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.cited_by = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.search_status = w.HTML()
        self.guard = InputGuard()
        self.page = PageAddress()
        for widget, name in (
            (self.text_en, "csl-text-en"),
            (self.text_zh, "csl-text-zh"),
            (self.search_box, "csl-search"),
            (self.search_button, "csl-search-button"),
            (self.chapter_picker, "csl-chapter-picker"),
            (self.section_picker, "csl-section-picker"),
            (self.results, "csl-results"),
            (self.version_picker, "csl-version"),
            (self.lang_picker, "csl-lang"),
            (self.counterpart_button, "csl-counterpart"),
            (self.cites, "csl-cites"),
            (self.cited_by, "csl-cited-by"),
            (self.article_picker, "csl-article-picker"),
            (self.compare, "csl-compare"),
            (self.changes, "csl-changes"),
        ):
            widget.add_class(name)

    def _layout(self) -> w.Widget:
        navigation = w.VBox(
            [
                self.chapter_picker,
                self.section_picker,
                self.article_picker,
                w.HTML("<h4>Search</h4>"),
                w.HBox(
                    [self.search_box, self.search_button], layout=w.Layout(flex_flow="row wrap")
                ),
                self.search_status,
                self.results,
            ],
            layout=w.Layout(flex="1 1 26em", max_width="34em", min_width="0", padding="0 1em 0 0"),
        )
        reading = w.VBox(
            [
                w.HBox([self.text_en, self.text_zh], layout=w.Layout(flex_flow="row wrap")),
                self.provenance,
                w.HBox([self.counterpart, self.counterpart_button]),
                self.compare,
                self.changes,
                w.HTML("<b>This article cites</b>"),
                self.cites,
                w.HTML("<b>Cited by</b>"),
                self.cited_by,
            ],
            layout=w.Layout(flex=f"100 1 {TEXT_COLUMN}", min_width="0"),
        )
        page = w.VBox(
            [
                w.HTML(STYLE),
                w.HBox(
                    [self.version_picker, self.lang_picker], layout=w.Layout(flex_flow="row wrap")
                ),
                self.banner,
                self.guard.message,
                w.HBox([navigation, reading], layout=w.Layout(flex_flow="row wrap")),
                self.page,
            ]
        )
        page.add_class("csl-explorer")
        page.add_class("csl-dashboard-root")
        return page

    def _link(self) -> None:
        """Tie each control to the model, and each display to what it shows."""
        m = self.model
        for widget, name in (
            (self.version_picker, "version"),
            (self.lang_picker, "lang"),
            (self.compare, "compare"),
            (self.search_box, "query"),
        ):
            link((widget, "value"), (m, name))
        self._menus = [
            ChoiceBinding(
                self.chapter_picker,
                m,
                options=self._chapter_options,
                value=lambda: self._article.chapter,
                choose=self._open_chapter,
                watch=("place",),
            ),
            ChoiceBinding(
                self.section_picker,
                m,
                options=self._section_options,
                value=lambda: self._article.section if self._sections() else None,
                choose=self._open_section,
                watch=("place",),
            ),
            ChoiceBinding(
                self.article_picker,
                m,
                options=self._article_options,
                value=lambda: m.article,
                choose=lambda n: m.go(m.version, n),
                watch=("place",),
            ),
        ]
        self._results = ChoiceBinding(
            self.results,
            m,
            options=lambda: [(html.hit_label(h), h.article) for h in self._hits()],
            value=lambda: None,
            choose=lambda n: m.go(m.version, n),
            watch=("search",),
        )
        self.counterpart_button.on_click(lambda _: self._follow(m.open_counterpart))
        self.search_button.on_click(lambda _: self._search_now())
        m.observe(lambda _: self._show_place(), "place")
        m.observe(lambda _: self._show_columns(), "lang")
        m.observe(lambda _: self._show_changes(), "compare")
        m.observe(lambda _: self._show_search_status(), "search")
        self.address = AddressKeeper(m, self.page, self.guard.message, "article")

    # the model's state ------------------------------------------------------------------------
    @property
    def law(self) -> Law:
        """The text open."""
        return self.model.law

    @property
    def number(self) -> int:
        """The number of the article open."""
        return self.model.article

    @property
    def _article(self):
        return self.law.article(self.model.article)

    def show(self, version: str, number: int) -> None:
        """Open article ``number`` of ``version`` and bring every widget in line with it."""
        self.model.go(version, number)

    def open_query(self, query: str) -> None:
        """Open the article a page's address names; for a bad one, say what was wrong."""
        self.address.open(query)

    def _follow(self, go: Callable[[], None]) -> None:
        """Open what a reference names, then move the keyboard's focus to its text."""
        go()
        column = "zh" if self.model.lang == "zh" else "en"
        self.page.focus_on(f".csl-text-{column}")

    # navigation menus -------------------------------------------------------------------------
    def _chapter_options(self) -> list[tuple[str, int]]:
        return [
            (f"{c.number}. {c.title('en')} · {c.title('zh')}", c.number) for c in self.law.chapters
        ]

    def _sections(self) -> tuple:
        return self.law.chapter(self._article.chapter).sections

    def _section_options(self) -> list[tuple[str, int]]:
        return [
            (f"Section {s.number}. {s.title('en')} · {s.title('zh')}", s.number)
            for s in self._sections()
        ]

    def _article_options(self) -> list[tuple[str, int]]:
        article = self._article
        ch = self.law.chapter(article.chapter)
        arts = ch.sections[article.section - 1].articles if article.section else ch.articles
        return [(f"{a.citation('en')} · {a.citation('zh')}", a.number) for a in arts]

    def _open_chapter(self, number: int) -> None:
        chapter = self.law.chapter(number)
        first = chapter.sections[0].articles[0] if chapter.sections else chapter.articles[0]
        self.model.go(self.model.version, first.number)

    def _open_section(self, number: int) -> None:
        section = self._sections()[number - 1]
        self.model.go(self.model.version, section.articles[0].number)

    # drawing ----------------------------------------------------------------------------------
    def _show_place(self) -> None:
        """Show the article open: its text, where it stands, what it cites and is cited by."""
        article, number = self._article, self.model.article
        self.section_picker.layout.display = _shown_if(bool(self._sections()))
        self.banner.value = html.version_banner_html(self.law, self.today)
        self.text_en.value = html.article_html(article, "en")
        self.text_zh.value = html.article_html(article, "zh")
        self.provenance.value = html.provenance_html(article)
        self._show_columns()
        self._show_counterpart()
        self.cites.children = self._reference_buttons(self.law.references(number), "target")
        self.cited_by.children = self._reference_buttons(self.law.cited_by(number), "source")
        if self.model.query.strip():
            self._results.refresh()
            self._show_search_status()

    def _show_counterpart(self) -> None:
        number, version, other = self.model.article, self.model.version, self.model.other
        target = concordance(number, version, other)
        found = counterparts(number, version, other)
        if target is None:
            change = "new in" if _newer(version, other) else "removed from"
            newest = version if _newer(version, other) else other
            self.counterpart.value = (
                f"<i>No counterpart in the {other} text: this provision is {change} the "
                f"{newest} text.</i>"
            )
            self.counterpart_button.layout.display = "none"
            return
        also = [n for n in found if n != target]
        extra = f" (it also continues in Article {', '.join(map(str, also))})" if also else ""
        if _newer(version, other) and len(found) > 1:
            extra = f" (this article merges Articles {', '.join(map(str, found))} of {other})"
        self.counterpart.value = (
            f"Same provision in the {other} text: <b>Article {target}</b>{extra}."
        )
        self.counterpart_button.description = f"Open Article {target} of the {other} text"
        self.counterpart_button.layout.display = None

    def _reference_buttons(self, refs: tuple[Reference, ...], side: str) -> list[w.Widget]:
        if not refs:
            return [w.HTML("<i>none</i>")]
        buttons, seen = [], set()
        for ref in refs:
            provision = getattr(ref, side)
            if provision in seen:
                continue
            seen.add(provision)
            label = provision.citation("en")
            if ref.kind == "borrows_penalty":
                label += " (penalty applied)"
            button = w.Button(description=label, layout=w.Layout(width="auto"))
            button.on_click(
                lambda _, n=provision.article: self._follow(lambda: self.show(self.law.version, n))
            )
            buttons.append(button)
        return buttons

    def _show_columns(self) -> None:
        view = self.model.lang
        self.text_en.layout.display = _shown_if(view in ("both", "en"))
        self.text_zh.layout.display = _shown_if(view in ("both", "zh"))
        self._show_changes()

    def _show_changes(self) -> None:
        """The article beside its counterpart, changes marked (Chinese unless only English)."""
        if not self.model.compare:
            self.changes.value = ""
            return
        number, version, other = self.model.article, self.model.version, self.model.other
        if not counterparts(number, version, other):
            self.changes.value = f"<i>Nothing to compare: no counterpart in the {other} text.</i>"
            return
        lang = "en" if self.model.lang == "en" else "zh"
        sbs = side_by_side(number, version, other, lang)
        note = "" if sbs.changed else "<p><i>The wording is the same in both versions.</i></p>"
        self.changes.value = note + html.side_by_side_html(sbs)

    def _hits(self) -> tuple:
        search = self.model.search
        return () if search is None else search.hits

    def _search_now(self) -> None:
        """Search for what the box holds (the box hands its text over on Enter or on leaving it)."""
        if self.model.query == self.search_box.value:
            self.model.run_search()
        else:
            self.model.query = self.search_box.value

    def _show_search_status(self) -> None:
        search = self.model.search
        if search is None:
            return
        self.results.layout.display = _shown_if(bool(search.hits))  # no empty box on a phone
        if search.empty:
            self.search_status.value = "<i>Type a word or phrase to search.</i>"
            return
        n = search.paragraphs
        self.search_status.value = (
            f"{n} paragraph{'s' if n != 1 else ''} of the "
            f"{search.version} text contain <b>{html.escape(search.query.strip())}</b>."
        )


def law_explorer(version: str | None = None, article: int = 1) -> w.Widget:
    """The Law Explorer widget, opened on ``article`` of ``version`` (default: in force today)."""
    return LawExplorer(version, article).widget
