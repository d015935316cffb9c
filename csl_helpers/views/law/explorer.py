"""The Law Explorer: browse, read in both languages, switch version, search, follow references.

The state lives in :class:`~csl_helpers.views.law.explorer_state.ExplorerModel`; this module
draws it and links the controls to it, in English or Chinese (the model's ``lang``). The
page's address follows the article open; following a reference moves the keyboard's focus to
the article it opens.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w
from traitlets import link

from csl_helpers.law.concordance import change_of, concordance, counterparts
from csl_helpers.law.model import Reference
from csl_helpers.law.text import Law
from csl_helpers.law.version_registry import version_ids, versions
from csl_helpers.views import i18n
from csl_helpers.views import markup as html
from csl_helpers.views.binding import ChoiceBinding
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.i18n import N_, Translated
from csl_helpers.views.input_guard import InputGuard
from csl_helpers.views.law import explorer_words as words
from csl_helpers.views.law.explorer_state import LANG_VIEWS, ExplorerModel
from csl_helpers.views.law.explorer_style import CLASSES, PICKER, STYLE, TEXT_COLUMN, shown_if
from csl_helpers.views.page_address import AddressKeeper, PageAddress


def _newer(version: str, than: str) -> bool:
    return version_ids().index(version) > version_ids().index(than)


class LawExplorer(Translated):
    """The explorer's widgets over its model; ``LawExplorer().widget`` is what a page shows.

    Every text it shows comes from ``data/`` through :func:`csl_helpers.load_law`; its own
    words are in ``lang`` (``"en"`` or ``"zh"``), switched by the page's 中文 / English switch.
    """

    def __init__(self, version: str | None = None, article: int = 1, lang: str = "en") -> None:
        self.model = ExplorerModel(version, article, i18n.check_ui_lang(lang))
        self.today = self.model.today
        self._make_controls()
        self._make_displays()
        self.widget = self._layout()
        self._link()
        self.guard.watch(
            self.widget,
            labels={self.results: N_("Search results")},
        )
        self.labels = i18n.StaticLabels(self.widget)
        self._show_place()
        if self.model.lang != "en":
            self._show_lang()

    def _make_controls(self) -> None:
        self.version_picker = ChoiceButtons(
            options=self._version_options(),
            value=self.model.version,
            description=N_("Version"),
        )
        self.lang_picker = ChoiceButtons(options=LANG_VIEWS, value="both", description=N_("Show"))
        self.ui_lang = i18n.lang_switch(self.model)
        self.intro = w.HTML()
        self.chapter_picker = w.Dropdown(description=N_("Chapter"), **PICKER)
        self.section_picker = w.Dropdown(description=N_("Section"), **PICKER)
        self.article_picker = w.Dropdown(description=N_("Article"), **PICKER)
        self.counterpart_button = w.Button(layout=w.Layout(width="auto"))
        self.compare = w.Checkbox(
            value=False,
            description=N_("Show changes against the other version"),
            indent=False,
            layout=w.Layout(width="auto"),
        )
        self.search_box = w.Text(
            placeholder=N_("Search the text in English or Chinese, e.g. personal information"),
            description=N_("Search"),
            continuous_update=False,
            layout=w.Layout(flex="1 1 18em", width="auto", max_width="30em"),
        )
        self.search_button = w.Button(
            description=N_("Search"), icon="search", layout=w.Layout(width="auto")
        )
        # Its description is the list's name for a screen reader (axe-core: select-name).
        self.results = w.Select(
            options=[],
            rows=8,
            description=N_("Found"),
            layout=w.Layout(width="100%", display="none"),
        )

    def _make_displays(self) -> None:
        self.banner = w.HTML()
        self.counterpart = w.HTML()
        column = {"flex": f"1 1 {TEXT_COLUMN}", "min_width": TEXT_COLUMN}
        self.text_en = w.HTML(layout=w.Layout(padding="0 1em 0 0", **column))
        self.text_zh = w.HTML(layout=w.Layout(**column))
        self.columns = w.HBox([self.text_en, self.text_zh], layout=w.Layout(flex_flow="row wrap"))
        self.provenance = w.HTML()
        self.changes = w.HTML()
        self.cites = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.cited_by = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.search_status = w.HTML()
        self.guard = InputGuard(lambda: self.model.lang)
        self.page = PageAddress()
        for name, css_class in CLASSES.items():
            getattr(self, name).add_class(css_class)

    def _layout(self) -> w.Widget:
        navigation = w.VBox(
            [
                self.chapter_picker,
                self.section_picker,
                self.article_picker,
                w.HTML(N_("<h4>Search</h4>")),
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
                self.columns,
                self.provenance,
                w.HBox([self.counterpart, self.counterpart_button]),
                self.compare,
                self.changes,
                w.HTML(N_("<b>This article cites</b>")),
                self.cites,
                w.HTML(N_("<b>Cited by</b>")),
                self.cited_by,
            ],
            layout=w.Layout(flex=f"100 1 {TEXT_COLUMN}", min_width="0"),
        )
        page = w.VBox(
            [
                w.HTML(STYLE),
                self.intro,
                self.ui_lang,
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
            (self.lang_picker, "text_lang"),
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
        m.observe(lambda _: self._show_texts(), "cited")
        m.observe(lambda _: self._show_columns(), "text_lang")
        m.observe(lambda _: self._show_lang(), "lang")
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
        """Open the article and language a page's address names; for a bad one, say what was wrong.

        A bad ``lang`` is told and English shown.
        """
        query, problem = i18n.with_lang_read(self.model, query)
        if self.address.open(query) and problem:
            self.guard.message.value = i18n.message_html(problem)

    def _follow(self, go: Callable[[], None]) -> None:
        """Open what a reference names, then move the keyboard's focus to its text."""
        go()
        first = "en" if self.model.text_lang == "en" or self.model.lang == "en" else "zh"
        cited = " .csl-cited" if self.model.cited is not None else ""
        self.page.focus_on(f".csl-text-{first}{cited}")

    # navigation menus -------------------------------------------------------------------------
    def _version_options(self) -> list[tuple[str, str]]:
        return [(self._("{version} text").format(version=v.id), v.id) for v in versions()]

    def _chapter_options(self) -> list[tuple[str, int]]:
        return words.chapter_options(self.law, self.model.lang)

    def _sections(self) -> tuple:
        return self.law.chapter(self._article.chapter).sections

    def _section_options(self) -> list[tuple[str, int]]:
        return words.section_options(self._sections(), self.model.lang)

    def _article_options(self) -> list[tuple[str, int]]:
        article = self._article
        ch = self.law.chapter(article.chapter)
        arts = ch.sections[article.section - 1].articles if article.section else ch.articles
        return words.article_options(arts, self.model.lang)

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
        self.section_picker.layout.display = shown_if(bool(self._sections()))
        self.banner.value = html.version_banner_html(self.law, self.today, ui=self.model.lang)
        self._show_texts()
        self.provenance.value = html.provenance_html(article, ui=self.model.lang)
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
            new, old = (version, other) if _newer(version, other) else (other, version)
            added = new == version
            self.counterpart.value = words.no_counterpart(old, new, added, self.model.lang)
            self.counterpart_button.layout.display = "none"
            return
        merges = _newer(version, other) and len(found) > 1
        row = change_of(number if _newer(version, other) else target)
        same = len(found) == 1 and row.change in ("unchanged", "renumbered")
        self.counterpart.value, self.counterpart_button.description = words.counterpart_sentence(
            other, target, tuple(found), merges, self.model.lang, same=same
        )
        self.counterpart_button.layout.display = None

    def _reference_buttons(self, refs: tuple[Reference, ...], side: str) -> list[w.Widget]:
        if not refs:
            return [w.HTML(self._("<i>none</i>"))]
        buttons, seen = [], set()
        for ref in refs:
            provision = getattr(ref, side)
            if provision in seen:
                continue
            seen.add(provision)
            label = provision.citation("zh" if self.model.lang == "zh" else "en", self.law.version)
            if ref.kind == "borrows_penalty":
                label += self._(" (penalty applied)")
            button = w.Button(description=label, layout=w.Layout(width="auto"))
            button.on_click(
                lambda _, p=provision: self._follow(
                    lambda: self.model.go(self.law.version, p.article, p)
                )
            )
            buttons.append(button)
        return buttons

    def _show_texts(self) -> None:
        """The article open in each language, the paragraph or item a reference cites marked."""
        article, cited = self._article, self.model.cited
        self.text_en.value = words.marked(html.article_html(article, "en"), article, cited)
        self.text_zh.value = words.marked(html.article_html(article, "zh"), article, cited)

    def _show_columns(self) -> None:
        """The languages of the text the reader chose, the interface's language first."""
        view = self.model.text_lang
        self.text_en.layout.display = shown_if(view in ("both", "en"))
        self.text_zh.layout.display = shown_if(view in ("both", "zh"))
        order = (
            (self.text_zh, self.text_en)
            if self.model.lang == "zh"
            else (self.text_en, self.text_zh)
        )
        if self.columns.children != order:
            self.columns.children = order
        for column, padding in zip(order, ("0 1em 0 0", None), strict=True):
            column.layout.padding = padding
        self._show_changes()

    def _show_changes(self) -> None:
        """The article beside its counterpart, changes marked (Chinese unless only English)."""
        m = self.model
        shown = m.compare and words.changes_html(m.article, m.version, m.other, m.text_lang, m.lang)
        self.changes.value = shown or ""

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
        self.results.layout.display = shown_if(bool(search.hits))  # no empty box on a phone
        self.search_status.value = words.search_status(
            search.paragraphs, search.version, search.query, self.model.lang
        )

    def _show_lang(self) -> None:
        """Word the whole page in the model's language: labels, menus, and what is drawn."""
        views = {self.version_picker: self._version_options}
        views[self.lang_picker] = lambda: words.view_options(self.model.lang)
        self._show_words("law_explorer", views)
        for menu in self._menus:
            menu.refresh()
        self._show_place()
        self._show_changes()
        self._show_search_status()


def law_explorer(version: str | None = None, article: int = 1, lang: str = "en") -> w.Widget:
    """The Law Explorer widget, opened on ``article`` of ``version`` (default: in force today).

    ``lang`` is the interface's language, ``"en"`` or ``"zh"`` (the page can switch it).
    """
    return LawExplorer(version, article, lang).widget
