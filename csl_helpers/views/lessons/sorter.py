"""Sort everyday examples against the Law's definitions, one at a time, with feedback."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.lessons.definitions import Example, examples
from csl_helpers.views.lessons.quiz import STYLE, feedback_html


class Sorter:
    """Shows an example, takes Yes or No, answers with the definition; then the next one."""

    def __init__(self, items: tuple[Example, ...] | None = None) -> None:
        self.items = items or examples()
        self.index = 0
        self.score = 0
        self.prompt = w.HTML()
        self.yes = w.Button(description="Yes", button_style="success")
        self.no = w.Button(description="No", button_style="danger")
        self.next = w.Button(description="Next example ▶")
        self.feedback = w.HTML()
        for widget, name in (
            (self.prompt, "csl-sort-example"),
            (self.yes, "csl-sort-yes"),
            (self.no, "csl-sort-no"),
            (self.next, "csl-sort-next"),
            (self.feedback, "csl-sort-feedback"),
        ):
            widget.add_class(name)
        self.yes.on_click(lambda _: self.answer(True))
        self.no.on_click(lambda _: self.answer(False))
        self.next.on_click(lambda _: self.show((self.index + 1) % len(self.items)))
        self.widget = w.VBox(
            [w.HTML(STYLE), self.prompt, w.HBox([self.yes, self.no, self.next]), self.feedback]
        )
        self.show(0)

    def show(self, index: int) -> None:
        """Show example ``index`` (from 0) and clear the feedback."""
        self.index = index
        ex = self.items[index]
        self.prompt.value = (
            f"<p>Example {index + 1} of {len(self.items)}: <b>{escape(ex.example)}</b></p>"
            f"<p>{escape(ex.question)}</p>"
        )
        self.feedback.value = ""
        self.yes.disabled = self.no.disabled = False

    def answer(self, yes: bool) -> None:
        """Judge the answer to the example shown and quote the definition."""
        result = self.items[self.index].check(yes)
        self.score += result.correct
        self.yes.disabled = self.no.disabled = True
        self.feedback.value = feedback_html(result)


def sorter() -> w.Widget:
    """The Chapter 7 sorting exercise over ``data/definition_examples.yaml``."""
    return Sorter().widget
