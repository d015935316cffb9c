"""Sort everyday examples against the Law's definitions, one at a time, with feedback.

In the reader's language (``lang="en"`` or ``"zh"``); the answer is one radio group of Yes and
No (:class:`~csl_helpers.views.choice.ChoiceButtons`, as on the dashboards), judged by Check.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.lessons.definitions import NO, YES, Example, examples
from csl_helpers.lessons.words import check_lesson_lang
from csl_helpers.translation import gettext_for
from csl_helpers.views.choice import ChoiceButtons
from csl_helpers.views.lessons.quiz import STYLE, TAGS, feedback_html


class Sorter:
    """Shows an example, takes Yes or No, answers with the definition; then the next one."""

    def __init__(self, items: tuple[Example, ...] | None = None, lang: str = "en") -> None:
        self.lang = check_lesson_lang(lang)
        self._ = gettext_for(self.lang)
        self.items = items or examples()
        self.index = 0
        self.score = 0
        self.prompt = w.HTML()
        self.choice = ChoiceButtons(
            options=[(self._(YES), True), (self._(NO), False)], description=self._("Answer")
        )
        self.check = w.Button(description=self._("Check"), button_style="primary")
        self.next = w.Button(description=self._("Next example ▶"))
        self.feedback = w.HTML()
        for widget, name in (
            (self.prompt, "csl-sort-example"),
            (self.choice, "csl-sort-answer"),
            (self.check, "csl-sort-check"),
            (self.next, "csl-sort-next"),
            (self.feedback, "csl-sort-feedback"),
        ):
            widget.add_class(name)
        self.check.on_click(lambda _: self.answer(self.choice.value))
        self.next.on_click(lambda _: self.show((self.index + 1) % len(self.items)))
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
                self.prompt,
                self.choice,
                w.HBox([self.check, self.next]),
                self.feedback,
            ]
        )
        self.show(0)

    def show(self, index: int) -> None:
        """Show example ``index`` (from 0) and clear the answer and the feedback."""
        self.index = index
        ex = self.items[index]
        counter = self._("Example {n} of {total}:").format(n=index + 1, total=len(self.items))
        self.prompt.value = (
            f'<div lang="{TAGS[self.lang]}"><p>{escape(counter)} '
            f"<b>{escape(ex.example.text(self.lang))}</b></p>"
            f"<p>{escape(ex.question(self.lang))}</p></div>"
        )
        self.feedback.value = ""
        self.choice.value = None
        self.check.disabled = False

    def answer(self, yes: bool | None) -> None:
        """Judge the answer to the example shown and quote the definition; none: ask for one."""
        if yes is None:
            message = self._("Pick an answer first.")
            self.feedback.value = f"<p><i>{escape(message)}</i></p>"
            return
        result = self.items[self.index].check(yes)
        self.score += result.correct
        self.check.disabled = True
        self.feedback.value = feedback_html(result, self.lang)


def sorter(lang: str = "en") -> w.Widget:
    """The Chapter 7 sorting exercise over ``data/definition_examples.yaml``, in ``lang``."""
    return Sorter(lang=lang).widget
