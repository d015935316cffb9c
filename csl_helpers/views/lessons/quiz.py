"""The self-check quiz of a notebook: pick an answer, check it, read the article that answers it."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.law.load import load_law
from csl_helpers.lessons.quiz import Feedback, Question, Quiz, load_quiz

STYLE = """<style>
.csl-quiz-question { border-top: 1px solid #ddd; padding-top: 0.5em; margin-top: 0.5em; }
.csl-quiz-right { color: #176317; font-weight: bold; }
.csl-quiz-wrong { color: #a31515; font-weight: bold; }
.csl-quiz-law { border-left: 3px solid #aaa; padding-left: 0.8em; margin: 0.3em 0; }
</style>"""


def feedback_html(feedback: Feedback) -> str:
    """The verdict, the explanation, and the words of each provision that answers the question.

    Each provision is quoted from its version of the Law, in English and in Chinese, which
    governs.
    """
    css = "csl-quiz-right" if feedback.correct else "csl-quiz-wrong"
    parts = [
        f'<p class="{css}">{escape(feedback.verdict)}</p>',
        f"<p>{escape(feedback.explanation)}</p>",
    ]
    for version, provision in feedback.answered_by:
        law = load_law(version)
        quotes = "".join(
            f'<p lang="{lang}">{escape(law.text_of(provision, lang))}</p>' for lang in ("en", "zh")
        )
        parts.append(
            f'<div class="csl-quiz-law"><b>{escape(version)} text, '
            f"{escape(provision.citation('en'))} · {escape(provision.citation('zh'))}</b>"
            f"{quotes}</div>"
        )
    return "".join(parts)


class QuestionView:
    """One question: its choices as radio buttons, a Check button and the feedback."""

    def __init__(self, number: int, question: Question) -> None:
        self.question = question
        self.choices = w.RadioButtons(
            options=question.choices, value=None, layout=w.Layout(width="auto")
        )
        self.check = w.Button(description="Check", button_style="primary")
        self.feedback = w.HTML()
        self.choices.add_class("csl-quiz-choices")
        self.check.add_class("csl-quiz-check")
        self.feedback.add_class("csl-quiz-feedback")
        self.check.on_click(lambda _: self.answer(self.choices.value))
        self.widget = w.VBox(
            [
                w.HTML(f"<b>{number}. {escape(question.prompt)}</b>"),
                self.choices,
                self.check,
                self.feedback,
            ]
        )
        self.widget.add_class("csl-quiz-question")

    def answer(self, choice: str | None) -> Feedback | None:
        """Judge ``choice`` and show the feedback; with no choice, ask for one."""
        if choice is None:
            self.feedback.value = "<p><i>Pick an answer first.</i></p>"
            return None
        result = self.question.check(choice)
        self.feedback.value = feedback_html(result)
        return result


class QuizWidget:
    """The quiz of a notebook, one :class:`QuestionView` per question."""

    def __init__(self, quiz: Quiz) -> None:
        self.quiz = quiz
        self.questions = [QuestionView(i, q) for i, q in enumerate(quiz.questions, start=1)]
        self.widget = w.VBox(
            [w.HTML(STYLE), w.HTML(f"<h4>Self-check: {escape(quiz.title)}</h4>")]
            + [q.widget for q in self.questions]
        )
        self.widget.add_class("csl-quiz")


def quiz_widget(notebook: str) -> w.Widget:
    """The self-check quiz of ``notebook``, from ``data/quizzes/<notebook>.yaml``."""
    return QuizWidget(load_quiz(notebook)).widget
