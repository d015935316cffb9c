"""Walk an incident through Chapter 5, one step at a time: who acts, under which article.

In the reader's language (``lang="en"`` or ``"zh"``); the version is one radio group
(:class:`~csl_helpers.views.choice.ChoiceButtons`, as on the dashboards).
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.law.display import out_of_force_mark
from csl_helpers.law.load import load_law
from csl_helpers.law.version_registry import versions
from csl_helpers.lessons.incident import Step, incident_steps
from csl_helpers.lessons.words import check_lesson_lang
from csl_helpers.translation import gettext_for
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.lessons.quiz import TAGS


def step_html(step: Step, version: str, total: int, lang: str = "en") -> str:
    """One step: the situation, who acts (as the Law names them) and the provision's text.

    For a reader in Chinese, who acts is the Law's own name and the provision is quoted in
    Chinese alone; else each actor has its English gloss and the provision both texts.
    """
    lang = check_lesson_lang(lang)
    _ = gettext_for(lang)
    law = load_law(version)
    p = step.provision(version)
    heading = _("Step {n} of {total}: {title}").format(
        n=step.number, total=total, title=step.title.text(lang)
    )
    mark = out_of_force_mark(version, lang)  # a step under a text no longer in force says so
    if lang == "zh":
        actors = "".join(f"<li>{escape(a.zh)}</li>" for a in step.actors)
        cite = _("{version} text").format(version=version) + p.citation("zh", version) + mark
        quotes = f'<p lang="zh-Hans">{escape(law.text_of(p, "zh"))}</p>'
    else:
        actors = "".join(f"<li>{escape(a.en)} ({escape(a.zh)})</li>" for a in step.actors)
        cite = f"{version} text, {p.citation('en')} · {p.citation('zh', version)}{mark}"
        quotes = (
            f'<p lang="en">{escape(law.text_of(p, "en"))}</p>'
            f'<p lang="zh">{escape(law.text_of(p, "zh"))}</p>'
        )
    who = _("Who acts")
    return (
        f'<div lang="{TAGS[lang]}"><h4>{escape(heading)}</h4>'
        f"<p>{escape(step.situation.text(lang))}</p>"
        f"<p><b>{escape(who)}</b></p><ul>{actors}</ul>"
        f"<p><b>{escape(cite)}</b></p>{quotes}</div>"
    ).replace("\n", "<br>")


class IncidentWalk:
    """Previous / Next through the steps, with a version choice."""

    def __init__(self, version: str | None = None, lang: str = "en") -> None:
        self.lang = check_lesson_lang(lang)
        _ = gettext_for(self.lang)
        self.steps = incident_steps()
        self.index = 0
        self.version = ChoiceButtons(
            options=[(_("{version} text").format(version=v.id), v.id) for v in versions()],
            value=load_law(version).version,
            description=_("Version"),
        )
        self.back = w.Button(description=_("◀ Previous"))
        self.forward = w.Button(description=_("Next ▶"))
        self.text = w.HTML()
        for widget, name in (
            (self.version, "csl-incident-version"),
            (self.back, "csl-incident-back"),
            (self.forward, "csl-incident-next"),
            (self.text, "csl-incident-step"),
        ):
            widget.add_class(name)
        self.back.on_click(lambda _: self.go(self.index - 1))
        self.forward.on_click(lambda _: self.go(self.index + 1))
        self.version.observe(lambda _: self.go(self.index), "value")
        self.widget = w.VBox([self.version, w.HBox([self.back, self.forward]), self.text])
        self.go(0)

    def go(self, index: int) -> None:
        """Show step ``index`` (from 0), kept within the walk."""
        if not 0 <= index < len(self.steps):
            raise ValueError(f"step index must be 0 to {len(self.steps) - 1}, not {index}")
        self.index = index
        self.back.disabled = index == 0
        self.forward.disabled = index == len(self.steps) - 1
        self.text.value = step_html(
            self.steps[index], self.version.value, len(self.steps), self.lang
        )


def incident_walk(version: str | None = None, lang: str = "en") -> w.Widget:
    """The Chapter 5 incident walk, opened on ``version`` (default: in force today), in ``lang``."""
    return IncidentWalk(version, lang).widget
