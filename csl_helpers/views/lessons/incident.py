"""Walk an incident through Chapter 5, one step at a time: who acts, under which article."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.law.load import load_law, versions
from csl_helpers.lessons.incident import Step, incident_steps


def step_html(step: Step, version: str, total: int) -> str:
    """One step: the situation, who acts (as the Law names them) and the provision's text."""
    law = load_law(version)
    p = step.provision(version)
    actors = "".join(f"<li>{escape(a.en)} ({escape(a.zh)})</li>" for a in step.actors)
    return (
        f"<h4>Step {step.number} of {total}: {escape(step.title)}</h4>"
        f"<p>{escape(step.situation)}</p>"
        f"<p><b>Who acts</b></p><ul>{actors}</ul>"
        f"<p><b>{version} text, {escape(p.citation('en'))} · {escape(p.citation('zh'))}</b></p>"
        f'<p lang="en">{escape(law.text_of(p, "en"))}</p>'
        f'<p lang="zh">{escape(law.text_of(p, "zh"))}</p>'
    ).replace("\n", "<br>")


class IncidentWalk:
    """Previous / Next through the steps, with a version toggle."""

    def __init__(self, version: str | None = None) -> None:
        self.steps = incident_steps()
        self.index = 0
        self.version = w.ToggleButtons(
            options=[(f"{v.id} text", v.id) for v in versions()],
            value=load_law(version).version,
            description="Version",
        )
        self.back = w.Button(description="◀ Previous")
        self.forward = w.Button(description="Next ▶")
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
        self.text.value = step_html(self.steps[index], self.version.value, len(self.steps))


def incident_walk(version: str | None = None) -> w.Widget:
    """The Chapter 5 incident walk, opened on ``version`` (default: in force today)."""
    return IncidentWalk(version).widget
