"""The Obligation Navigator's checklist as HTML: each duty, its links and the downloads.

Each duty shows its provisions in the chosen version and in the other one, how a breach is
dealt with, a box to tick when it is done, and a link that opens that clause in the penalty
simulator dashboard; the checklist downloads as CSV or Markdown through ``<a download>``
links with ``data:`` URLs, which work in JupyterLab and in Voila alike. Worded in English or
Chinese (``ui``); all text shown is escaped.
"""

from __future__ import annotations

import base64
from collections.abc import Collection
from html import escape
from urllib.parse import urlencode

from csl_helpers.law.display import note_html, out_of_force_mark, version_label
from csl_helpers.law.model import Provision
from csl_helpers.obligations.checklist import Checklist
from csl_helpers.obligations.duties import Duty
from csl_helpers.translation import N_, gettext_for
from csl_helpers.views import markup as html

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
.csl-out-of-force { background: #fff4e5; border-left: 4px solid #e69500; padding: 0.2em 0.6em; }
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


def data_url(text: str, media_type: str, *, mark: bool = False) -> str:
    """A ``data:`` URL holding ``text`` as UTF-8, with a byte-order mark if ``mark``.

    A spreadsheet needs the mark to read a CSV file as UTF-8; Markdown must have none.
    """
    payload = base64.b64encode(text.encode("utf-8-sig" if mark else "utf-8")).decode("ascii")
    return f"data:{media_type};charset=utf-8;base64,{payload}"


def downloads_html(sheet: Checklist, done: Collection[str] = (), ui: str = "en") -> str:
    """``<a download>`` links for the checklist as CSV and Markdown, in English and Chinese.

    The duties whose ids ``done`` lists are marked done.
    """
    _ = gettext_for(ui)
    links = []
    for ext, lang, label, media in EXPORTS:
        text = sheet.to_csv(lang, done) if ext == "csv" else sheet.to_markdown(lang, done)
        name = sheet.filename(ext, lang)
        links.append(
            f'<a class="csl-nav-download csl-nav-download-{ext}-{lang}" '
            f'download="{escape(name)}" href="{escape(data_url(text, media, mark=ext == "csv"))}">'
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
    other_text = (  # the other text's label says if it is no longer in force
        version_label(duty.other_version, ui) + _(": ") + other
        if other
        else _("not in the {version} text").format(version=duty.other_version)
        + out_of_force_mark(duty.other_version, ui)
    )
    penalty = duty.penalty
    links = "".join(
        f' · <a class="csl-nav-simulate" target="_blank" href="{escape(href)}">'
        + _("open {citation} in the penalty simulator").format(citation=escape(clause.citation(ui)))
        + "</a>"
        for clause, href in penalty_links(duty, simulator, ui)
    )
    zh = f'<span class="csl-nav-duty-zh" lang="zh-Hans">{escape(text_zh)}</span>'
    tick = f'<input type="checkbox" data-tick="{escape(duty.id)}">'
    shown = (
        f"<label>{tick} {zh}</label><br>"
        if ui == "zh"
        else f'<label>{tick} <span lang="en">{escape(text_en)}</span></label><br>{zh}<br>'
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


def checklist_html(
    sheet: Checklist, simulator: str = SIMULATOR, ui: str = "en", *, note: bool = True
) -> str:
    """The checklist grouped by theme, with the clauses that reach any breach at the end.

    A version no longer in force says so in ``ui``, unless ``note`` is ``False`` (a page whose
    banner already says it).
    """
    _ = gettext_for(ui)
    parts = [
        f'<div class="csl-nav-checklist-body" data-version="{escape(sheet.version)}">',
        "<h3>{}</h3>".format(
            _("Your duties under the {version} text ({count})").format(
                version=escape(sheet.version), count=len(sheet.duties)
            )
        ),
        note_html(sheet.version, ui) if note else "",
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
    general = sheet.general_cited(ui)
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
