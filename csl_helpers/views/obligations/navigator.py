"""The Obligation Navigator: yes/no questions one at a time, then a checklist of duties.

Each duty shows its provisions in the chosen version and in the other one, how a breach is
dealt with, and a link that opens that clause in the penalty simulator dashboard. The duties
ticked as done are kept in the model (:class:`~csl_helpers.views.ticklist.TickList`), across a
version switch and in the page's address, and marked in the exports. The checklist downloads
as CSV or Markdown through ``<a download>`` links with ``data:`` URLs, which work in
JupyterLab and in Voila alike.
"""

from __future__ import annotations

import base64
from collections.abc import Collection
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
from csl_helpers.views import markup as html
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.input_guard import InputGuard
from csl_helpers.views.obligations.navigator_state import NavigatorModel
from csl_helpers.views.page_address import AddressKeeper, PageAddress
from csl_helpers.views.ticklist import TickList

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
    ("csv", "en", "CSV (English)", "text/csv"),
    ("csv", "zh", "CSV（中文）", "text/csv"),
    ("md", "en", "Markdown (English)", "text/markdown"),
    ("md", "zh", "Markdown（中文）", "text/markdown"),
)
"""The downloads offered: extension, language, link text, media type."""


def simulator_href(
    version: str, article: int, paragraph: int, base: str = SIMULATOR, *, item: int | None = None
) -> str:
    """The link that opens a clause in the penalty simulator, e.g.

    ``penalty_simulator.ipynb?version=2025&article=61&paragraph=1``, or with ``&item=2`` for an
    item of a paragraph that lists conducts (2025 Art. 71(1)(2)): without it the simulator
    opens the paragraph's first item.
    """
    params: dict[str, str | int] = {"version": version, "article": article, "paragraph": paragraph}
    if item is not None:
        params["item"] = item
    return f"{base}?{urlencode(params)}"


def penalty_links(duty: Duty, simulator: str = SIMULATOR) -> tuple[tuple[Provision, str], ...]:
    """The clauses of Chapter 6 that enforce ``duty``, each with its link to the simulator.

    A clause is the item that lists the conduct where the data names one, and its link opens
    exactly that item.
    """
    clauses = dict.fromkeys(duty.penalty.rules)
    return tuple(
        (c, simulator_href(duty.version, c.article, c.paragraph or 1, simulator, item=c.item))
        for c in clauses
    )


def data_url(text: str, media_type: str, *, mark: bool = False) -> str:
    """A ``data:`` URL holding ``text`` as UTF-8, with a byte-order mark if ``mark``.

    A spreadsheet needs the mark to read a CSV file as UTF-8; Markdown must have none.
    """
    payload = base64.b64encode(text.encode("utf-8-sig" if mark else "utf-8")).decode("ascii")
    return f"data:{media_type};charset=utf-8;base64,{payload}"


def downloads_html(sheet: Checklist, done: Collection[str] = ()) -> str:
    """``<a download>`` links for the checklist as CSV and Markdown, in English and Chinese.

    The duties whose ids ``done`` lists are marked done.
    """
    links = []
    for ext, lang, label, media in EXPORTS:
        text = sheet.to_csv(lang, done) if ext == "csv" else sheet.to_markdown(lang, done)
        name = sheet.filename(ext, lang)
        links.append(
            f'<a class="csl-nav-download csl-nav-download-{ext}-{lang}" '
            f'download="{escape(name)}" href="{escape(data_url(text, media, mark=ext == "csv"))}">'
            f"⬇ {escape(label)}</a>"
        )
    return f'<div class="csl-nav-downloads"><b>Download:</b> {"".join(links)}</div>'


def duty_html(duty: Duty, simulator: str = SIMULATOR) -> str:
    """One checklist line: the duty in both languages, its provisions, the penalty and a link."""
    when_en, when_zh = duty.when("en"), duty.when("zh")
    text_en, text_zh = duty.duty("en"), duty.duty("zh")
    if when_en:
        text_en = f"{when_en[0].upper()}{when_en[1:]}: {text_en[0].lower()}{text_en[1:]}"
        text_zh = f"{when_zh}，{text_zh}"
    other = duty.other_citation("en")
    other_text = (
        f"{duty.other_version} text: {other}" if other else f"not in the {duty.other_version} text"
    )
    penalty = duty.penalty
    links = "".join(
        f' · <a class="csl-nav-simulate" target="_blank" href="{escape(href)}">'
        f"open {escape(clause.citation('en'))} in the penalty simulator</a>"
        for clause, href in penalty_links(duty, simulator)
    )
    return (
        f'<li class="csl-nav-duty" data-duty="{escape(duty.id)}">'
        f'<label><input type="checkbox" data-tick="{escape(duty.id)}"> '
        f'<span lang="en">{escape(text_en)}</span></label><br>'
        f'<span class="csl-nav-duty-zh" lang="zh-Hans">{escape(text_zh)}</span><br>'
        f'<span class="csl-nav-meta"><b>{escape(duty.citation("en"))}</b> '
        f"({escape(duty.citation('zh'))}; {escape(other_text)}) · "
        f'<span class="csl-nav-penalty">{escape(penalty.summary("en"))}</span>{links}</span>'
        "</li>"
    )


def checklist_html(sheet: Checklist, simulator: str = SIMULATOR) -> str:
    """The checklist grouped by theme, with the clauses that reach any breach at the end."""
    parts = [
        f'<div class="csl-nav-checklist-body" data-version="{escape(sheet.version)}">',
        f"<h3>Your duties under the {escape(sheet.version)} text ({len(sheet.duties)})</h3>",
    ]
    for theme, duties in sheet.groups:
        parts.append(
            f'<h4 class="csl-nav-theme">{escape(theme.title("en"))} · '
            f"{escape(theme.title('zh'))}</h4><ul>"
        )
        parts += [duty_html(d, simulator) for d in duties]
        parts.append("</ul>")
    general = "; ".join(p.citation("en") for p in sheet.general_liability)
    parts.append(
        '<p class="csl-nav-meta">Any breach may also be recorded in credit files and bring civil, '
        f"public-security or criminal liability: {escape(general)}. The Chinese text governs; "
        "the duties are plain-language paraphrases for study, not legal advice.</p></div>"
    )
    return "".join(parts)


class ObligationNavigator:
    """The navigator's widgets over its model; ``.widget`` is what a page shows.

    Args:
        version: the version whose duties are listed first (default: the one in force today).
        simulator: the penalty simulator's address relative to the page (the dashboards sit
            side by side, so the default is the file name).
    """

    def __init__(self, version: str | None = None, simulator: str = SIMULATOR) -> None:
        self.model = NavigatorModel(version)
        self.today = version_on(date.today()).id
        self.simulator = simulator
        self._make_widgets()
        self.buttons = w.HBox([self.yes, self.no])
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
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
        self.guard.watch(self.widget, labels={self.checklist: "Your duties"})
        self.render()

    def _make_widgets(self) -> None:
        self.version_picker = ChoiceButtons(
            options=[(f"{v.id} text", v.id) for v in versions()],
            value=self.model.version,
            description="Version",
        )
        self.banner = w.HTML()
        self.progress = w.HTML()
        self.question = w.HTML()
        self.why = w.HTML()
        self.yes = w.Button(description="Yes · 是", button_style="primary")
        self.no = w.Button(description="No · 否")
        self.back_button = w.Button(description="Back · 上一题", icon="arrow-left")
        self.restart_button = w.Button(description="Restart · 重新开始", icon="refresh")
        self.answers = w.HTML()
        self.message = w.HTML()
        self.checklist = TickList()
        self.downloads = w.HTML()
        self.page = PageAddress()
        self.guard = InputGuard()
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

    # the model's state ------------------------------------------------------------------------
    @property
    def version(self) -> str:
        """The version whose duties are listed."""
        return self.model.version

    @property
    def interview(self) -> Interview:
        """The answers given so far."""
        return self.model.interview

    def open_query(self, query: str) -> None:
        """Open the version, answers and duties done a page's address names."""
        self.address.open(query)

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

    def _show_ticks(self, change: dict) -> None:
        self.checklist.ticked = list(change["new"])
        sheet = self.model.sheet
        if sheet is not None:
            self.downloads.value = downloads_html(sheet, self.model.ticked)

    def _show_message(self, text: str) -> None:
        self.message.value = f'<p class="csl-nav-error">{escape(text)}</p>' if text else ""

    # drawing ---------------------------------------------------------------------------
    def render(self) -> None:
        """Bring every widget in line with the interview and the chosen version."""
        self.banner.value = html.version_banner_html(load_law(self.version), self.today)
        current = self.interview.current
        n = len(self.interview.answers)
        self.back_button.disabled = n == 0
        self.answers.value = self._answers_html()
        if current is not None:
            self._show_question(current, n + 1)
            self.checklist.value = ""
            self.downloads.value = ""
            return
        self.progress.value = f"<b>All {n} questions answered.</b> Your checklist:"
        self.question.value = ""
        self.why.value = ""
        self.buttons.layout.display = "none"
        sheet = self.model.sheet
        self.checklist.value = checklist_html(sheet, self.simulator)
        self.downloads.value = downloads_html(sheet, self.model.ticked)

    def _show_question(self, q: Question, number: int) -> None:
        self.buttons.layout.display = None
        self.progress.value = f"<b>Question {number}</b>"
        self.question.value = (
            f'<p class="csl-nav-question" data-fact="{escape(q.fact)}">{escape(q.text("en"))}</p>'
            f'<p class="csl-nav-question-zh" lang="zh-Hans">{escape(q.text("zh"))}</p>'
        )
        self.why.value = (
            f'<div class="csl-nav-why"><b>Why we ask:</b> {escape(q.why("en", self.version))}'
            f'<br><span lang="zh-Hans">{escape(q.why("zh", self.version))}</span></div>'
        )

    def _answers_html(self) -> str:
        if not self.interview.answers:
            return ""
        rows = "".join(
            f'<li data-fact="{escape(q.fact)}">{escape(q.text("en"))} '
            f"<b>{'Yes' if value else 'No'}</b></li>"
            for q, value in self.interview.asked
        )
        count = len(self.interview.answers)
        return f"<details><summary>Your answers ({count})</summary><ul>{rows}</ul></details>"


def obligation_navigator(version: str | None = None, simulator: str = SIMULATOR) -> w.Widget:
    """The navigator widget (see :class:`ObligationNavigator`)."""
    return ObligationNavigator(version, simulator).widget
