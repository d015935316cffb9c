"""The Obligation Navigator: yes/no questions one at a time, then a checklist of duties.

Each duty shows its provisions in the chosen version and in the other one, how a breach is
dealt with, and a link that opens that clause in the penalty simulator dashboard. The checklist
downloads as CSV or Markdown through ``<a download>`` links with ``data:`` URLs, which work in
JupyterLab and in Voila alike. The page is worded in English or Chinese (the model's
``lang``, the page's 中文 / English switch, or ``?lang=zh`` in its address).
"""

from __future__ import annotations

import base64
from datetime import date
from html import escape
from urllib.parse import urlencode

import ipywidgets as w
from traitlets import link

from csl_helpers.law.load import load_law, version_on, versions
from csl_helpers.law.model import Provision
from csl_helpers.obligations.checklist import Checklist
from csl_helpers.obligations.duties import Duty
from csl_helpers.obligations.questionnaire import Interview, Question
from csl_helpers.translation import gettext_for
from csl_helpers.views import i18n
from csl_helpers.views import markup as html
from csl_helpers.views.i18n import N_, Translated
from csl_helpers.views.input_guard import InputGuard
from csl_helpers.views.obligations.navigator_state import NavigatorModel

SIMULATOR = "penalty_simulator.ipynb"
"""The penalty simulator dashboard, a sibling of the navigator in ``notebooks/dashboards/``."""
STYLE = """<style>
.csl-nav-question { font-size: 1.15em; margin: 0.2em 0; }
.csl-nav-question-zh { color: #333; margin: 0.2em 0 0.6em 0; }
.csl-nav-why { color: #444; border-left: 3px solid #9ab; padding: 0.2em 0.6em; margin: 0.4em 0; }
.csl-nav-duty { margin: 0.5em 0; line-height: 1.45; list-style: none; }
.csl-nav-duty-zh { color: #333; }
.csl-nav-meta { color: #555; font-size: 0.92em; }
.csl-nav-downloads a { margin-right: 1.2em; }
.csl-nav-downloads a, a.csl-nav-simulate { color: #1a5fb4; text-decoration: underline; }
.csl-nav-error { color: #a00; }
</style>"""
EXPORTS = (
    ("csv", "en", N_("CSV (English)"), "text/csv"),
    ("csv", "zh", N_("CSV (Chinese)"), "text/csv"),
    ("md", "en", N_("Markdown (English)"), "text/markdown"),
    ("md", "zh", N_("Markdown (Chinese)"), "text/markdown"),
)
"""The downloads offered: extension, language, link text, media type."""


def simulator_href(
    version: str,
    article: int,
    paragraph: int,
    base: str = SIMULATOR,
    *,
    item: int | None = None,
    lang: str = "en",
) -> str:
    """The link that opens a clause in the penalty simulator, e.g.

    ``penalty_simulator.ipynb?version=2025&article=61&paragraph=1``, or with ``&item=2`` for an
    item of a paragraph that lists conducts (2025 Art. 71(1)(2)): without it the simulator
    opens the paragraph's first item. A ``lang`` other than English is passed on (``&lang=zh``).
    """
    params: dict[str, str | int] = {"version": version, "article": article, "paragraph": paragraph}
    if item is not None:
        params["item"] = item
    if lang != "en":
        params["lang"] = lang
    return f"{base}?{urlencode(params)}"


def penalty_links(
    duty: Duty, simulator: str = SIMULATOR, lang: str = "en"
) -> tuple[tuple[Provision, str], ...]:
    """The clauses of Chapter 6 that enforce ``duty``, each with its link to the simulator.

    A clause is the item that lists the conduct where the data names one, and its link opens
    exactly that item.
    """
    clauses = dict.fromkeys(duty.penalty.rules)
    return tuple(
        (
            c,
            simulator_href(
                duty.version, c.article, c.paragraph or 1, simulator, item=c.item, lang=lang
            ),
        )
        for c in clauses
    )


def data_url(text: str, media_type: str) -> str:
    """A ``data:`` URL holding ``text`` as UTF-8 with a byte-order mark (spreadsheets want it)."""
    payload = base64.b64encode(text.encode("utf-8-sig")).decode("ascii")
    return f"data:{media_type};charset=utf-8;base64,{payload}"


def downloads_html(sheet: Checklist, ui: str = "en") -> str:
    """``<a download>`` links for the checklist as CSV and Markdown, in English and Chinese."""
    _ = gettext_for(ui)
    links = []
    for ext, lang, label, media in EXPORTS:
        text = sheet.to_csv(lang) if ext == "csv" else sheet.to_markdown(lang)
        name = sheet.filename(ext, lang)
        links.append(
            f'<a class="csl-nav-download csl-nav-download-{ext}-{lang}" '
            f'download="{escape(name)}" href="{escape(data_url(text, media))}">'
            f"⬇ {escape(_(label))}</a>"
        )
    return '<div class="csl-nav-downloads"><b>{}</b> {}</div>'.format(
        _("Download:"), "".join(links)
    )


def duty_html(duty: Duty, simulator: str = SIMULATOR, ui: str = "en") -> str:
    """One checklist line: the duty in both languages, its provisions, the penalty and a link.

    On a Chinese page (``ui="zh"``) the duty, its provisions and its penalty are in Chinese only.
    """
    _ = gettext_for(ui)
    when_en, when_zh = duty.when("en"), duty.when("zh")
    text_en, text_zh = duty.duty("en"), duty.duty("zh")
    if when_en:
        text_en = f"{when_en[0].upper()}{when_en[1:]}: {text_en[0].lower()}{text_en[1:]}"
        text_zh = f"{when_zh}，{text_zh}"
    other = duty.other_citation(ui)
    other_text = (
        _("{version} text: {citation}").format(version=duty.other_version, citation=other)
        if other
        else _("not in the {version} text").format(version=duty.other_version)
    )
    penalty = duty.penalty
    links = "".join(
        f' · <a class="csl-nav-simulate" target="_blank" href="{escape(href)}">'
        + _("open {citation} in the penalty simulator").format(citation=escape(clause.citation(ui)))
        + "</a>"
        for clause, href in penalty_links(duty, simulator, ui)
    )
    zh = f'<span class="csl-nav-duty-zh" lang="zh-Hans">{escape(text_zh)}</span>'
    shown = (
        f'<label><input type="checkbox"> {zh}</label><br>'
        if ui == "zh"
        else f'<label><input type="checkbox"> <span lang="en">{escape(text_en)}</span></label>'
        f"<br>{zh}<br>"
    )
    cited = (
        f"<b>{escape(duty.citation('zh'))}</b>（{escape(other_text)}）"
        if ui == "zh"
        else f"<b>{escape(duty.citation('en'))}</b> "
        f'(<span lang="zh-Hans">{escape(duty.citation("zh"))}</span>; {escape(other_text)})'
    )
    return (
        f'<li class="csl-nav-duty" data-duty="{escape(duty.id)}">{shown}'
        f'<span class="csl-nav-meta">{cited} · '
        f'<span class="csl-nav-penalty">{escape(penalty.summary(ui))}</span>{links}</span>'
        "</li>"
    )


def checklist_html(sheet: Checklist, simulator: str = SIMULATOR, ui: str = "en") -> str:
    """The checklist grouped by theme, with the clauses that reach any breach at the end."""
    _ = gettext_for(ui)
    parts = [
        f'<div class="csl-nav-checklist-body" data-version="{escape(sheet.version)}">',
        "<h3>{}</h3>".format(
            _("Your duties under the {version} text ({count})").format(
                version=escape(sheet.version), count=len(sheet.duties)
            )
        ),
    ]
    for theme, duties in sheet.groups:
        title = (
            escape(theme.title("zh"))
            if ui == "zh"
            else f"{escape(theme.title('en'))} · " + html.zh_span(theme.title("zh"))
        )
        parts.append(f'<h4 class="csl-nav-theme">{title}</h4><ul>')
        parts += [duty_html(d, simulator, ui) for d in duties]
        parts.append("</ul>")
    general = _("; ").join(p.citation(ui) for p in sheet.general_liability)
    parts.append(
        '<p class="csl-nav-meta">{}</p></div>'.format(
            _(
                "Any breach may also be recorded in credit files and bring civil, public-security "
                "or criminal liability: {general}. The Chinese text governs; the duties are "
                "plain-language paraphrases for study, not legal advice."
            ).format(general=escape(general))
        )
    )
    return "".join(parts)


class ObligationNavigator(Translated):
    """The navigator's widgets over its model; ``.widget`` is what a page shows.

    Args:
        version: the version whose duties are listed first (default: the one in force today).
        simulator: the penalty simulator's address relative to the page (the dashboards sit
            side by side, so the default is the file name).
        lang: the interface's language, ``"en"`` or ``"zh"`` (the page can switch it).
    """

    def __init__(
        self, version: str | None = None, simulator: str = SIMULATOR, lang: str = "en"
    ) -> None:
        self.model = NavigatorModel(version, i18n.check_ui_lang(lang))
        self.today = version_on(date.today()).id
        self.simulator = simulator
        self._make_widgets()
        self.buttons = w.HBox([self.yes, self.no])
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
                self.intro,
                self.ui_lang,
                self.version_picker,
                self.banner,
                self.guard.message,
                self.progress,
                self.question,
                self.why,
                self.buttons,
                w.HBox([self.back_button, self.restart_button]),
                self.message,
                self.answers,
                self.downloads,
                self.checklist,
            ]
        )
        self._link()
        self.guard.watch(self.widget)
        self.labels = i18n.StaticLabels(self.widget)
        self.render()
        if self.model.lang != "en":
            self._show_lang()

    def _make_widgets(self) -> None:
        self.version_picker = w.ToggleButtons(
            options=self._version_options(),
            value=self.model.version,
            description=N_("Version"),
        )
        self.ui_lang = i18n.lang_switch(self.model)
        self.intro = w.HTML()
        self.banner = w.HTML()
        self.progress = w.HTML()
        self.question = w.HTML()
        self.why = w.HTML()
        self.yes = w.Button(description=N_("Yes"), button_style="primary")
        self.no = w.Button(description=N_("No"))
        self.back_button = w.Button(description=N_("Back"), icon="arrow-left")
        self.restart_button = w.Button(description=N_("Restart"), icon="refresh")
        self.answers = w.HTML()
        self.message = w.HTML()
        self.checklist = w.HTML()
        self.downloads = w.HTML()
        self.guard = InputGuard(lambda: self.model.lang)
        for widget, name in (
            (self.version_picker, "csl-nav-version"),
            (self.progress, "csl-nav-progress"),
            (self.question, "csl-nav-question-box"),
            (self.why, "csl-nav-why-box"),
            (self.yes, "csl-nav-yes"),
            (self.no, "csl-nav-no"),
            (self.back_button, "csl-nav-back"),
            (self.restart_button, "csl-nav-restart"),
            (self.answers, "csl-nav-answers"),
            (self.message, "csl-nav-message"),
            (self.checklist, "csl-nav-checklist"),
            (self.downloads, "csl-nav-downloads-box"),
        ):
            widget.add_class(name)

    def _link(self) -> None:
        """Tie the controls to the model, and the page to what the model holds."""
        m = self.model
        self.yes.on_click(lambda _: m.answer(True))
        self.no.on_click(lambda _: m.answer(False))
        self.back_button.on_click(lambda _: m.back())
        self.restart_button.on_click(lambda _: m.restart())
        link((self.version_picker, "value"), (m, "version"))
        m.observe(lambda _: self.render(), ["version", "interview"])
        m.observe(lambda change: self._show_message(change["new"]), "message")
        m.observe(lambda _: self._show_lang(), "lang")

    # the model's state ------------------------------------------------------------------------
    @property
    def version(self) -> str:
        """The version whose duties are listed."""
        return self.model.version

    @property
    def interview(self) -> Interview:
        """The answers given so far."""
        return self.model.interview

    def answer(self, value: bool) -> None:
        """Answer the current question and move on."""
        self.model.answer(value)

    def back(self) -> None:
        """Take back the last answer."""
        self.model.back()

    def restart(self) -> None:
        """Forget every answer and start again."""
        self.model.restart()

    def _version_options(self) -> list[tuple[str, str]]:
        return [(self._("{version} text").format(version=v.id), v.id) for v in versions()]

    def open_query(self, query: str) -> None:
        """Open in the language a page's query names (``?lang=zh``); a bad one is told."""
        lang, problem = i18n.lang_from_query(query)
        self.model.lang = lang or self.model.lang
        self.model.message = problem

    def _show_lang(self) -> None:
        """Word the whole page in the model's language."""
        self._show_words("obligation_navigator", {self.version_picker: self._version_options})
        self.render()

    def _show_message(self, text: str) -> None:
        self.message.value = f'<p class="csl-nav-error">{escape(text)}</p>' if text else ""

    # drawing ---------------------------------------------------------------------------
    def render(self) -> None:
        """Bring every widget in line with the interview and the chosen version."""
        ui = self.model.lang
        self.banner.value = html.version_banner_html(load_law(self.version), self.today, ui=ui)
        current = self.interview.current
        n = len(self.interview.answers)
        self.back_button.disabled = n == 0
        self.answers.value = self._answers_html()
        if current is not None:
            self._show_question(current, n + 1)
            self.checklist.value = ""
            self.downloads.value = ""
            return
        self.progress.value = self._("<b>All {n} questions answered.</b> Your checklist:").format(
            n=n
        )
        self.question.value = ""
        self.why.value = ""
        self.buttons.layout.display = "none"
        sheet = self.model.sheet
        self.checklist.value = checklist_html(sheet, self.simulator, ui)
        self.downloads.value = downloads_html(sheet, ui)

    def _show_question(self, q: Question, number: int) -> None:
        self.buttons.layout.display = None
        self.progress.value = self._("<b>Question {number}</b>").format(number=number)
        zh_question = f'<p class="csl-nav-question-zh" lang="zh-Hans">{escape(q.text("zh"))}</p>'
        zh_why = f'<span lang="zh-Hans">{escape(q.why("zh", self.version))}</span>'
        if self.model.lang == "zh":
            self.question.value = (
                f'<p class="csl-nav-question" data-fact="{escape(q.fact)}" lang="zh-Hans">'
                f"{escape(q.text('zh'))}</p>"
            )
            why = self._("Why we ask:")
            self.why.value = f'<div class="csl-nav-why"><b>{why}</b> {zh_why}</div>'
            return
        self.question.value = (
            f'<p class="csl-nav-question" data-fact="{escape(q.fact)}">{escape(q.text("en"))}</p>'
            + zh_question
        )
        self.why.value = (
            f'<div class="csl-nav-why"><b>Why we ask:</b> {escape(q.why("en", self.version))}'
            f"<br>{zh_why}</div>"
        )

    def _answers_html(self) -> str:
        if not self.interview.answers:
            return ""
        lang, yes, no = self.model.lang, self._("Yes"), self._("No")
        rows = "".join(
            f'<li data-fact="{escape(q.fact)}">{escape(q.text(lang))} '
            f"<b>{yes if value else no}</b></li>"
            for q, value in self.interview.asked
        )
        count = len(self.interview.answers)
        summary = self._("Your answers ({count})").format(count=count)
        return f"<details><summary>{summary}</summary><ul>{rows}</ul></details>"


def obligation_navigator(
    version: str | None = None, simulator: str = SIMULATOR, lang: str = "en"
) -> w.Widget:
    """The navigator widget (see :class:`ObligationNavigator`), its words in ``lang``."""
    return ObligationNavigator(version, simulator, lang).widget
