"""The self-check quiz of a notebook: pick an answer, check it, read the article that answers it.

The quiz speaks the reader's language (``lang="en"`` or ``"zh"``): its questions, choices and
explanations come from the data in that language, its own words from the catalogues. The
choices are one radio group (:class:`~csl_helpers.views.choice.ChoiceButtons`, as on the
dashboards): one Tab stop, the arrow keys move the choice, a screen reader hears the options.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.law.display import out_of_force_mark
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision
from csl_helpers.lessons.quiz import Feedback, Question, Quiz, load_quiz
from csl_helpers.lessons.words import check_lesson_lang
from csl_helpers.translation import gettext_for
from csl_helpers.views.choice import ChoiceButtons

STYLE = """<style>
.csl-quiz-question { border-top: 1px solid #ddd; padding-top: 0.5em; margin-top: 0.5em; }
.csl-quiz-right { color: #176317; font-weight: bold; }
.csl-quiz-wrong { color: #a31515; font-weight: bold; }
.csl-quiz-law { border-left: 3px solid #aaa; padding-left: 0.8em; margin: 0.3em 0; }
.csl-quiz-choices .csl-choice-options { flex-direction: column; align-items: flex-start; }
.csl-quiz-choices .csl-choice-option { text-align: left; }
</style>"""
TAGS = {"en": "en", "zh": "zh-Hans"}
"""The ``lang`` attribute of text in each language."""


def law_quote_html(version: str, provision: Provision, lang: str) -> str:
    """The words of ``provision`` of ``version``, headed by its citation.

    In Chinese alone for a reader in Chinese; in English and in Chinese, which governs, else.
    """
    _ = gettext_for(lang)
    law = load_law(version)
    langs = ("zh",) if lang == "zh" else ("en", "zh")
    quotes = "".join(f'<p lang="{TAGS[x]}">{escape(law.text_of(provision, x))}</p>' for x in langs)
    mark = out_of_force_mark(version, lang)  # the answer of a text no longer in force says so
    if lang == "zh":
        cite = _("{version} text").format(version=version) + provision.citation("zh", version)
        cite += mark
    else:
        zh = provision.citation("zh", version)
        cite = f"{version} text, {provision.citation('en')} · {zh}{mark}"
    return f'<div class="csl-quiz-law"><b>{escape(cite)}</b>{quotes}</div>'


def feedback_html(feedback: Feedback, lang: str = "en") -> str:
    """The verdict, the explanation, and the words of each provision that answers the question.

    Each provision is quoted from its version of the Law, in Chinese, which governs (and in
    English beside it for a reader in English).
    """
    lang = check_lesson_lang(lang)
    css = "csl-quiz-right" if feedback.correct else "csl-quiz-wrong"
    parts = [
        f'<p class="{css}">{escape(feedback.verdict(lang))}</p>',
        f"<p>{escape(feedback.explanation.text(lang))}</p>",
    ]
    parts += [law_quote_html(v, p, lang) for v, p in feedback.answered_by]
    return f'<div lang="{TAGS[lang]}">{"".join(parts)}</div>'


class QuestionView:
    """One question: its choices as one radio group, a Check button and the feedback."""

    def __init__(self, number: int, question: Question, lang: str = "en") -> None:
        self.lang = check_lesson_lang(lang)
        _ = gettext_for(self.lang)
        self.question = question
        self.choices = ChoiceButtons(
            options=[(c.text(self.lang), i) for i, c in enumerate(question.choices)],
            description=_("Answer to question {number}").format(number=number),
        )
        self.choices.value = None  # nothing is chosen before the reader chooses
        self.check = w.Button(description=_("Check"), button_style="primary")
        self.feedback = w.HTML()
        self.choices.add_class("csl-quiz-choices")
        self.check.add_class("csl-quiz-check")
        self.feedback.add_class("csl-quiz-feedback")
        self.check.on_click(lambda _: self.answer(self.choices.value))
        prompt = escape(question.question.text(self.lang))
        self.widget = w.VBox(
            [
                w.HTML(f'<b lang="{TAGS[self.lang]}">{number}. {prompt}</b>'),
                self.choices,
                self.check,
                self.feedback,
            ]
        )
        self.widget.add_class("csl-quiz-question")

    def answer(self, choice: int | str | None) -> Feedback | None:
        """Judge ``choice`` (its index or wording) and show the feedback; with none, ask for one."""
        if choice is None:
            _ = gettext_for(self.lang)
            message = _("Pick an answer first.")
            self.feedback.value = f"<p><i>{escape(message)}</i></p>"
            return None
        result = self.question.check(choice)
        self.feedback.value = feedback_html(result, self.lang)
        return result


class QuizWidget:
    """The quiz of a notebook, one :class:`QuestionView` per question."""

    def __init__(self, quiz: Quiz, lang: str = "en") -> None:
        self.lang = check_lesson_lang(lang)
        self.quiz = quiz.in_lang(self.lang)
        self.questions = [
            QuestionView(i, q, self.lang) for i, q in enumerate(quiz.questions, start=1)
        ]
        _ = gettext_for(self.lang)
        heading = _("Self-check: {title}").format(title=quiz.title.text(self.lang))
        self.widget = w.VBox(
            [w.HTML(STYLE), w.HTML(f'<h4 lang="{TAGS[self.lang]}">{escape(heading)}</h4>')]
            + [q.widget for q in self.questions]
        )
        self.widget.add_class("csl-quiz")


def quiz_widget(notebook: str, lang: str = "en") -> w.Widget:
    """The self-check quiz of ``notebook``, from ``data/quizzes/<notebook>.yaml``, in ``lang``."""
    return QuizWidget(load_quiz(notebook), lang).widget
