"""The Law Explorer: browse, read in both languages, switch version, search, follow references."""

from __future__ import annotations

from datetime import date

import ipywidgets as w

from csl_helpers.law.concordance import concordance, counterparts, side_by_side
from csl_helpers.law.load import load_law, version_on, versions
from csl_helpers.law.model import Reference
from csl_helpers.law.text import Law
from csl_helpers.views import markup as html
from csl_helpers.views.input_guard import InputGuard

LANG_VIEWS = (("English | 中文", "both"), ("English", "en"), ("中文", "zh"))
STYLE = """<style>
.csl-article p { margin: 0.3em 0; line-height: 1.5; }
.csl-article-zh { font-size: 1.05em; }
.csl-item { padding-left: 1.5em; }
.csl-banner { padding: 0.4em 0.8em; background: #eef3f8; border-left: 4px solid #36c; }
.csl-provenance { color: #555; font-size: 0.9em; margin: 0.2em 0; }
</style>"""


class LawExplorer:
    """The explorer's state and widgets; ``LawExplorer().widget`` is what a page shows.

    Every text it shows comes from ``data/`` through :func:`csl_helpers.load_law`.
    """

    def __init__(self, version: str | None = None, article: int = 1) -> None:
        self.today = version_on(date.today()).id
        self.law: Law = load_law(version)
        self.number = self.law.article(article).number
        self._busy = False

        self.version_picker = w.ToggleButtons(
            options=[(f"{v.id} text", v.id) for v in versions()],
            value=self.law.version,
            description="Version",
        )
        self.lang_picker = w.ToggleButtons(options=LANG_VIEWS, value="both", description="Show")
        self.chapter_picker = w.Dropdown(description="Chapter", layout=w.Layout(width="30em"))
        self.section_picker = w.Dropdown(description="Section", layout=w.Layout(width="30em"))
        self.article_picker = w.Dropdown(description="Article", layout=w.Layout(width="30em"))
        self.banner = w.HTML()
        self.counterpart = w.HTML()
        self.counterpart_button = w.Button(layout=w.Layout(width="auto"))
        self.text_en = w.HTML(layout=w.Layout(flex="1 1 0", padding="0 1em 0 0"))
        self.text_zh = w.HTML(layout=w.Layout(flex="1 1 0"))
        self.provenance = w.HTML()
        self.compare = w.Checkbox(value=False, description="Show changes against the other version")
        self.changes = w.HTML()
        self.cites = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.cited_by = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.search_box = w.Text(
            placeholder="Search the text, e.g. personal information or 个人信息",
            description="Search",
            continuous_update=False,
            layout=w.Layout(width="30em"),
        )
        self.search_lang = w.ToggleButtons(options=(("English", "en"), ("中文", "zh")), value="en")
        self.search_status = w.HTML()
        self.results = w.Select(options=[], rows=8, layout=w.Layout(width="100%"))
        self.guard = InputGuard()
        for widget, name in (
            (self.text_en, "csl-text-en"),
            (self.text_zh, "csl-text-zh"),
            (self.search_box, "csl-search"),
            (self.search_lang, "csl-search-lang"),
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

        self.version_picker.observe(self._on_version, "value")
        self.lang_picker.observe(lambda _: self._show_columns(), "value")
        self.compare.observe(lambda _: self._show_changes(), "value")
        self.chapter_picker.observe(self._on_chapter, "value")
        self.section_picker.observe(self._on_section, "value")
        self.article_picker.observe(self._on_article, "value")
        self.counterpart_button.on_click(self._on_counterpart)
        self.search_box.observe(lambda _: self._search(), "value")
        self.search_lang.observe(lambda _: self._search(), "value")
        self.results.observe(self._on_result, "value")

        self.widget = w.VBox(
            [
                w.HTML(STYLE),
                w.HBox(
                    [self.version_picker, self.lang_picker], layout=w.Layout(flex_flow="row wrap")
                ),
                self.banner,
                self.guard.message,
                w.HBox(
                    [
                        w.VBox(
                            [
                                self.chapter_picker,
                                self.section_picker,
                                self.article_picker,
                                w.HTML("<h4>Search</h4>"),
                                self.search_box,
                                self.search_lang,
                                self.search_status,
                                self.results,
                            ],
                            layout=w.Layout(width="34em"),
                        ),
                        w.VBox(
                            [
                                w.HBox([self.text_en, self.text_zh]),
                                self.provenance,
                                w.HBox([self.counterpart, self.counterpart_button]),
                                self.compare,
                                self.changes,
                                w.HTML("<b>This article cites</b>"),
                                self.cites,
                                w.HTML("<b>Cited by</b>"),
                                self.cited_by,
                            ],
                            layout=w.Layout(flex="1 1 0", padding="0 0 0 1em"),
                        ),
                    ]
                ),
            ]
        )
        self.guard.watch(
            self.widget,
            labels={self.search_lang: "Search language", self.results: "Search results"},
        )
        self.show(self.law.version, self.number)

    # navigation -----------------------------------------------------------------------
    def show(self, version: str, number: int) -> None:
        """Open article ``number`` of ``version`` and bring every widget in line with it."""
        self.law = load_law(version)
        article = self.law.article(number)
        self.number = number
        self._busy = True
        try:
            self.version_picker.value = version
            self.chapter_picker.options = [
                (f"{c.number}. {c.title('en')} · {c.title('zh')}", c.number)
                for c in self.law.chapters
            ]
            self.chapter_picker.value = article.chapter
            self._fill_sections(article.chapter, article.section)
            self._fill_articles(article.chapter, article.section, number)
        finally:
            self._busy = False
        self.banner.value = html.version_banner_html(self.law, self.today)
        self.text_en.value = html.article_html(article, "en")
        self.text_zh.value = html.article_html(article, "zh")
        self.provenance.value = html.provenance_html(article)
        self._show_columns()
        self._show_counterpart()
        self.cites.children = self._reference_buttons(self.law.references(number), "target")
        self.cited_by.children = self._reference_buttons(self.law.cited_by(number), "source")
        if self.search_box.value.strip():
            self._search()

    def _fill_sections(self, chapter: int, section: int | None) -> None:
        sections = self.law.chapter(chapter).sections
        self.section_picker.options = [
            (f"Section {s.number}. {s.title('en')} · {s.title('zh')}", s.number) for s in sections
        ]
        self.section_picker.value = section if sections else None
        self.section_picker.layout.display = None if sections else "none"

    def _fill_articles(self, chapter: int, section: int | None, number: int | None) -> None:
        ch = self.law.chapter(chapter)
        arts = ch.sections[section - 1].articles if section else ch.articles
        self.article_picker.options = [
            (f"{a.citation('en')} · {a.citation('zh')}", a.number) for a in arts
        ]
        self.article_picker.value = number if number is not None else arts[0].number

    def _other_version(self) -> str:
        return next(v.id for v in versions() if v.id != self.law.version)

    def _show_counterpart(self) -> None:
        other = self._other_version()
        target = concordance(self.number, self.law.version, other)
        found = counterparts(self.number, self.law.version, other)
        if target is None:
            change = "new in" if self.law.version > other else "removed from"
            self.counterpart.value = (
                f"<i>No counterpart in the {other} text: this provision is {change} the "
                f"{max(other, self.law.version)} text.</i>"
            )
            self.counterpart_button.layout.display = "none"
            return
        also = [n for n in found if n != target]
        extra = f" (it also continues in Article {', '.join(map(str, also))})" if also else ""
        if self.law.version > other and len(found) > 1:
            extra = f" (this article merges Articles {', '.join(map(str, found))} of {other})"
        self.counterpart.value = (
            f"Same provision in the {other} text: <b>Article {target}</b>{extra}."
        )
        self.counterpart_button.description = f"Open Article {target} of the {other} text"
        self.counterpart_button.layout.display = None
        self._counterpart = (other, target)

    def _on_counterpart(self, _: w.Button) -> None:
        self.show(*self._counterpart)

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
            button.on_click(lambda _, n=provision.article: self.show(self.law.version, n))
            buttons.append(button)
        return buttons

    def _show_columns(self) -> None:
        view = self.lang_picker.value
        self.text_en.layout.display = None if view in ("both", "en") else "none"
        self.text_zh.layout.display = None if view in ("both", "zh") else "none"
        self._show_changes()

    def _show_changes(self) -> None:
        """The article beside its counterpart, changes marked (Chinese unless only English)."""
        if not self.compare.value:
            self.changes.value = ""
            return
        other = self._other_version()
        if not counterparts(self.number, self.law.version, other):
            self.changes.value = f"<i>Nothing to compare: no counterpart in the {other} text.</i>"
            return
        lang = "en" if self.lang_picker.value == "en" else "zh"
        sbs = side_by_side(self.number, self.law.version, other, lang)
        note = "" if sbs.changed else "<p><i>The wording is the same in both versions.</i></p>"
        self.changes.value = note + html.side_by_side_html(sbs)

    # events ---------------------------------------------------------------------------
    def _on_version(self, change: dict) -> None:
        if self._busy:
            return
        target = concordance(self.number, change["old"], change["new"])
        self.show(change["new"], target or 1)

    def _on_chapter(self, change: dict) -> None:
        if self._busy or change["new"] is None:
            return
        chapter = self.law.chapter(change["new"])
        first = chapter.sections[0].articles[0] if chapter.sections else chapter.articles[0]
        self.show(self.law.version, first.number)

    def _on_section(self, change: dict) -> None:
        if self._busy or change["new"] is None:
            return
        section = self.law.chapter(self.chapter_picker.value).sections[change["new"] - 1]
        self.show(self.law.version, section.articles[0].number)

    def _on_article(self, change: dict) -> None:
        if self._busy or change["new"] is None:
            return
        self.show(self.law.version, change["new"])

    def _on_result(self, change: dict) -> None:
        if self._busy or change["new"] is None:
            return
        self.show(self.law.version, change["new"])

    def _search(self) -> None:
        query = self.search_box.value
        self._busy = True
        try:
            if not query.strip():
                self.results.options = []
                self.search_status.value = "<i>Type a word or phrase to search.</i>"
                return
            hits = self.law.search(query, self.search_lang.value)
            self.results.options = [(html.hit_label(h), h.article) for h in hits]
            self.results.value = None
        finally:
            self._busy = False
        self.search_status.value = (
            f"{len(hits)} paragraph{'s' if len(hits) != 1 else ''} of the "
            f"{self.law.version} text contain <b>{html.escape(query.strip())}</b>."
        )


def law_explorer(version: str | None = None, article: int = 1) -> w.Widget:
    """The Law Explorer widget, opened on ``article`` of ``version`` (default: in force today)."""
    return LawExplorer(version, article).widget
