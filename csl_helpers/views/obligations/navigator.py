"""The Obligation Navigator: yes/no questions one at a time, then a checklist of duties.

Each duty shows its provisions in the chosen version and in the other one, how a breach is
dealt with, and a link that opens that clause in the penalty simulator dashboard. The duties
ticked as done are kept in the model (:class:`~csl_helpers.views.ticklist.TickList`), across a
version switch and in the page's address, and marked in the exports. The checklist downloads
as CSV or Markdown through ``<a download>`` links with ``data:`` URLs, which work in
JupyterLab and in Voila alike. The page is worded in English or Chinese (the model's
``lang``, the page's 中文 / English switch, or ``?lang=zh`` in its address).
"""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as w
from traitlets import link

from csl_helpers.law.load import load_law
from csl_helpers.law.version_registry import version_on, versions
from csl_helpers.obligations.questionnaire import Interview, Question
from csl_helpers.views import i18n
from csl_helpers.views import markup as html
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.i18n import N_, Translated
from csl_helpers.views.input_guard import InputGuard
from csl_helpers.views.obligations.checklist_markup import (
    SIMULATOR,
    STYLE,
    checklist_html,
    downloads_html,
)
from csl_helpers.views.obligations.navigator_state import NavigatorModel
from csl_helpers.views.page_address import AddressKeeper, PageAddress
from csl_helpers.views.ticklist import TickList


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
                self.buttons,
                self.why,
                w.HBox([self.back_button, self.restart_button]),
                self.message,
                self.answers,
                self.downloads,
                self.checklist,
                self.page,
            ]
        )
        self.widget.add_class("csl-dashboard-root")
        self._link()
        self.guard.watch(self.widget, labels={self.checklist: N_("Your duties")})
        self.labels = i18n.StaticLabels(self.widget)
        self.render()
        if self.model.lang != "en":
            self._show_lang()

    def _make_widgets(self) -> None:
        self.version_picker = ChoiceButtons(
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
        self.checklist = TickList()
        self.downloads = w.HTML()
        self.page = PageAddress()
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
        self.yes.on_click(lambda _: self.answer(True))
        self.no.on_click(lambda _: self.answer(False))
        self.back_button.on_click(lambda _: m.back())
        self.restart_button.on_click(lambda _: m.restart())
        link((self.version_picker, "value"), (m, "version"))
        self.checklist.ticked = list(m.ticked)
        self.checklist.observe(lambda change: m.tick(change["new"]), "ticked")
        m.observe(self._show_ticks, "ticked")
        m.observe(lambda _: self.render(), ["version", "interview"])
        self.address = AddressKeeper(m, self.page, self.message, "checklist")
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
        """Answer the current question and move on.

        The last answer moves the keyboard's focus to the checklist: a screen reader reads it.
        """
        self.model.answer(value)
        if self.interview.done:
            self.page.focus_on(".csl-nav-checklist")

    def back(self) -> None:
        """Take back the last answer."""
        self.model.back()

    def restart(self) -> None:
        """Forget every answer and start again."""
        self.model.restart()

    def _version_options(self) -> list[tuple[str, str]]:
        return [(self._("{version} text").format(version=v.id), v.id) for v in versions()]

    def open_query(self, query: str) -> None:
        """Open the version, answers, duties done and language a page's address names.

        A bad ``lang`` is told and English shown; a bad other parameter is told.
        """
        query, problem = i18n.with_lang_read(self.model, query)
        if self.address.open(query) and problem:
            self.model.message = problem

    def _show_lang(self) -> None:
        """Word the whole page in the model's language."""
        self._show_words("obligation_navigator", {self.version_picker: self._version_options})
        self.render()

    def _show_ticks(self, change: dict) -> None:
        self.checklist.ticked = list(change["new"])
        sheet = self.model.sheet
        if sheet is not None:
            self.downloads.value = downloads_html(sheet, self.model.ticked, self.model.lang)

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
        self.checklist.value = checklist_html(sheet, self.simulator, ui, note=False)  # banner
        self.downloads.value = downloads_html(sheet, self.model.ticked, ui)

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
