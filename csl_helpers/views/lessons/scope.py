"""Does the Law reach this case? Pick where the network is and what the actor does.

The finding comes from :func:`csl_helpers.lessons.scope.reach`, for both versions at once, with
the provision that decides it and the decisive words marked in the Chinese text. In the
reader's language (``lang="en"`` or ``"zh"``); the place of the network is one radio group
(:class:`~csl_helpers.views.choice.ChoiceButtons`, as on the dashboards).
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.law.display import out_of_force_mark
from csl_helpers.law.load import load_law
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons.scope import Finding, activities, networks, reach
from csl_helpers.lessons.words import check_lesson_lang
from csl_helpers.translation import gettext_for
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.lessons.quiz import TAGS

STYLE = """<style>
.csl-scope-cols { display: flex; flex-wrap: wrap; gap: 1.5em; }
.csl-scope-cols > div { flex: 1 1 18em; border-left: 4px solid #36c; padding-left: 0.8em; }
.csl-scope-applies, .csl-scope-liable, .csl-scope-liable_and_sanctions { color: #176317; }
.csl-scope-not_reached { color: #a31515; }
.csl-scope-network .csl-choice-options, .csl-scope-activity .csl-choice-options {
  flex-direction: column; align-items: flex-start; }
.csl-scope-network .csl-choice-option, .csl-scope-activity .csl-choice-option {
  text-align: left; }
</style>"""


def finding_html(finding: Finding, lang: str = "en") -> str:
    """One version's finding: the outcome, why, and the provision with the decisive words.

    For a reader in Chinese the provision is quoted in Chinese alone; else in Chinese and in
    English.
    """
    lang = check_lesson_lang(lang)
    _ = gettext_for(lang)
    law = load_law(finding.version)
    zh = escape(law.text_of(finding.provision, "zh"))
    quote = escape(finding.quote)
    zh = zh.replace(quote, f"<mark>{quote}</mark>", 1)
    heading = _("{version} text").format(version=finding.version)
    heading += out_of_force_mark(finding.version, lang)  # beside the text in force, it says so
    if lang == "zh":
        cite, en = finding.provision.citation("zh", finding.version), ""
    else:
        zh_cite = finding.provision.citation("zh", finding.version)
        cite = f"{finding.provision.citation('en')} · {zh_cite}"
        en = f"<p lang='en'>{escape(law.text_of(finding.provision, 'en'))}</p>"
    return (
        f'<div lang="{TAGS[lang]}"><h4>{escape(heading)}</h4>'
        f'<p class="csl-scope-{finding.outcome}"><b>{escape(finding.summary.text(lang))}</b></p>'
        f"<p>{escape(finding.reason.text(lang))}</p>"
        f"<p><b>{escape(cite)}</b></p><p lang='zh-Hans'>{zh}</p>{en}</div>"
    )


class ScopeWidget:
    """Pickers for the facts, and the finding of each version beside the other."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = check_lesson_lang(lang)
        _ = gettext_for(self.lang)
        self.network = ChoiceButtons(
            options=[(c.text(self.lang), c.id) for c in networks()], description=_("Network")
        )
        self.activity = ChoiceButtons(
            options=[(c.text(self.lang), c.id) for c in activities()], description=_("Actor")
        )
        self.serious = w.Checkbox(
            value=False, description=_("It caused serious consequences"), indent=False
        )
        self.result = w.HTML()
        for widget, name in (
            (self.network, "csl-scope-network"),
            (self.activity, "csl-scope-activity"),
            (self.serious, "csl-scope-serious"),
            (self.result, "csl-scope-result"),
        ):
            widget.add_class(name)
            if widget is not self.result:
                widget.observe(lambda _: self.render(), "value")
        self.widget = w.VBox(
            [w.HTML(STYLE), self.network, self.activity, self.serious, self.result]
        )
        self.render()

    def render(self) -> None:
        """Show the finding of every version for the facts now picked."""
        findings = [
            reach(
                v,
                network=self.network.value,
                activity=self.activity.value,
                serious=self.serious.value,
            )
            for v in version_ids()
        ]
        self.result.value = (
            '<div class="csl-scope-cols">'
            + "".join(finding_html(f, self.lang) for f in findings)
            + "</div>"
        )


def scope_widget(lang: str = "en") -> w.Widget:
    """The "does the Law reach this case?" widget of Chapter 1, in ``lang``."""
    return ScopeWidget(lang).widget
