"""Self-check quizzes: questions kept in ``data/quizzes/<notebook>.yaml``, checked on load.

Every question names, for each version of the Law, the provision that answers it (``null``
where that version has none, e.g. for an article added in 2025), so the feedback can show the
reader the words of the Law rather than the quiz's own. Every question, choice and explanation
is worded in English and Chinese (:class:`~csl_helpers.lessons.words.Words`), its quotations of
the Law checked against the text of the provisions that answer it.

>>> quiz = load_quiz("01_general_provisions")
>>> q = quiz.questions[0]
>>> q.check(q.answer).correct, q.check(next(c for c in q.choices if c != q.answer)).correct
(True, False)
>>> q.check(q.answer).verdict("zh")
'回答正确。'
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from html import escape

from csl_helpers.law.data import DataError, data_dir, read_yaml, require
from csl_helpers.law.display import RichDisplay, card
from csl_helpers.law.load import load_law, resolve_provision
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons.words import Words, check_lesson_lang, words_at
from csl_helpers.translation import gettext_for, ngettext_for

QUIZ_DIR = "quizzes"
"""The folder of ``data/`` that holds one quiz file per notebook."""


@dataclass(frozen=True)
class Feedback:
    """What the reader is told after answering a question."""

    correct: bool
    chosen: Words
    answer: Words
    explanation: Words
    answered_by: tuple[tuple[str, Provision], ...]
    """(version, provision) pairs of the provisions that answer the question."""

    def verdict(self, lang: str = "en") -> str:
        """``Right.`` or ``Not quite: the answer is …``, in ``lang``."""
        _ = gettext_for(check_lesson_lang(lang))
        if self.correct:
            return _("Right.")
        return _("Not quite: the answer is “{answer}”.").format(answer=self.answer.text(lang))


@dataclass(frozen=True)
class Question:
    """One multiple-choice question and the provisions of the Law that answer it."""

    id: str
    question: Words
    """The question as asked, in both languages."""
    choices: tuple[Words, ...]
    answer: Words
    explanation: Words
    answered_by: tuple[tuple[str, Provision], ...]
    """(version, provision) pairs, oldest version first; a version with no answer is left out."""

    @property
    def prompt(self) -> str:
        """The question in English (``question.text(lang)`` gives it in either language)."""
        return self.question.en

    def check(self, choice: Words | str | int) -> Feedback:
        """Judge ``choice`` and say why, citing the provisions that answer the question.

        ``choice`` is one of :attr:`choices`, its wording in either language, or its index.

        Raises:
            ValueError: if ``choice`` is not one of the question's choices (they are listed).
        """
        found = _choice(self.choices, choice)
        if found is None:
            raise ValueError(
                f"question {self.id!r}: {choice!r} is not a choice; valid choices: "
                + "; ".join(repr(c.en) for c in self.choices)
            )
        return Feedback(
            found == self.answer, found, self.answer, self.explanation, self.answered_by
        )


def _choice(choices: tuple[Words, ...], choice: object) -> Words | None:
    if isinstance(choice, int) and not isinstance(choice, bool):
        return choices[choice] if 0 <= choice < len(choices) else None
    return next((c for c in choices if choice in (c, c.en, c.zh)), None)


@dataclass(frozen=True)
class Quiz(RichDisplay):
    """The self-check quiz of one notebook.

    In a notebook it shows itself as its title and its questions, each with the provisions
    that answer it (the answers themselves are left to the quiz widget).
    """

    notebook: str
    title: Words
    questions: tuple[Question, ...]
    lang: str = "en"
    """The language the quiz shows itself in (:meth:`in_lang`)."""

    def in_lang(self, lang: str) -> Quiz:
        """The same quiz, shown in ``lang`` (``"en"`` or ``"zh"``)."""
        return dataclasses.replace(self, lang=check_lesson_lang(lang))

    def question(self, question_id: str) -> Question:
        """The question with id ``question_id``; ``LookupError`` lists the valid ids."""
        for q in self.questions:
            if q.id == question_id:
                return q
        valid = ", ".join(q.id for q in self.questions)
        raise LookupError(f"quiz {self.notebook!r} has no question {question_id!r}; valid: {valid}")

    def heading(self) -> str:
        """``Chapter 1: 5 questions``: the quiz's title and how many questions it asks."""
        _, _n = gettext_for(self.lang), ngettext_for(self.lang)
        n = len(self.questions)
        count = _n("{n} question", "{n} questions", n).format(n=n)
        return _("{title}: {count}").format(title=self.title.text(self.lang), count=count)

    languages = ("en", "zh")

    def plain(self, lang: str | None = None) -> str:
        """The heading, then each question's prompt on a line of its own (in ``lang``)."""
        if lang not in (None, self.lang):
            return self.in_lang(lang).plain()
        lines = (f"- {q.question.text(self.lang)}" for q in self.questions)
        return "\n".join([self.heading(), *lines])

    def to_html(self, lang: str | None = None) -> str:
        """The questions as a numbered list, each with the provisions that answer it."""
        if lang not in (None, self.lang):
            return self.in_lang(lang).to_html()
        items = []
        for q in self.questions:
            cites = "; ".join(_cite(v, p, self.lang) for v, p in q.answered_by)
            prompt = escape(q.question.text(self.lang))
            items.append(f"<li>{prompt} <small>({escape(cites)})</small></li>")
        shown = card(self.heading(), f"<ol>{''.join(items)}</ol>")
        return f'<div lang="zh-Hans">{shown}</div>' if self.lang == "zh" else shown


def _cite(version: str, provision: Provision, lang: str) -> str:
    """``2016 Article 2 / 第二条`` in English, ``2016年文本第二条`` in Chinese."""
    if lang == "zh":
        return gettext_for("zh")("{version} text").format(version=version) + provision.citation(
            "zh", version
        )
    return f"{version} {provision.citation()} / {provision.citation('zh', version)}"


def quiz_names() -> tuple[str, ...]:
    """The notebooks that have a quiz, i.e. the files in ``data/quizzes/``, sorted."""
    return tuple(sorted(p.stem for p in (data_dir() / QUIZ_DIR).glob("*.yaml")))


@cache
def load_quiz(notebook: str, lang: str = "en") -> Quiz:
    """The quiz of ``notebook`` (e.g. ``"01_general_provisions"``), validated, shown in ``lang``.

    Raises:
        ValueError: naming the valid quizzes, if there is no quiz for ``notebook``, or the
            valid languages for a bad ``lang``.
        DataError: naming file, entry and field, if the file breaks a rule: unknown or missing
            fields, an answer that is not one of the choices, repeated choices or ids, or a
            provision that does not exist in its version.
    """
    check_lesson_lang(lang)
    if notebook not in quiz_names():
        raise ValueError(f"no quiz for {notebook!r}; valid quizzes: {', '.join(quiz_names())}")
    return parse_quiz(notebook, read_yaml(f"{QUIZ_DIR}/{notebook}.yaml")).in_lang(lang)


def parse_quiz(notebook: str, raw: dict) -> Quiz:
    """Build and check the quiz of ``notebook`` from the parsed YAML ``raw``.

    Raises:
        DataError: as :func:`load_quiz` does.
    """
    name = f"{QUIZ_DIR}/{notebook}.yaml"
    require(raw, {"title", "questions"}, name)
    if not raw["questions"]:
        raise DataError(f"{name}: questions: the quiz has no questions")
    questions: list[Question] = []
    for i, entry in enumerate(raw["questions"]):
        where = f"{name}, questions[{i}]"
        require(entry, {"id", "question", "choices", "answer", "explanation", "answered_by"}, where)
        where = f"{name}, question {entry['id']!r}"
        if any(q.id == entry["id"] for q in questions):
            raise DataError(f"{where}: id: used twice in the quiz")
        questions.append(_question(entry, where))
    return Quiz(notebook, words_at(raw["title"], f"{name}: title"), tuple(questions))


def _question(entry: dict, where: str) -> Question:
    answered_by = _answered_by(entry, where)
    texts = [load_law(v).article(p.article).text("zh") for v, p in answered_by]
    choices = entry["choices"]
    if not isinstance(choices, list) or len(choices) < 2:
        raise DataError(f"{where}: choices: needs a list of at least two choices")
    choices = tuple(words_at(c, f"{where}: choices[{i}]", texts) for i, c in enumerate(choices))
    if any(len({getattr(c, x) for c in choices}) != len(choices) for x in ("en", "zh")):
        raise DataError(f"{where}: choices: a choice is listed twice")
    answer = next((c for c in choices if c.en == " ".join(str(entry["answer"]).split())), None)
    if answer is None:
        raise DataError(
            f"{where}: answer: {entry['answer']!r} is not one of the choices (in English): "
            + "; ".join(repr(c.en) for c in choices)
        )
    return Question(
        id=str(entry["id"]),
        question=words_at(entry["question"], f"{where}: question", texts),
        choices=choices,
        answer=answer,
        explanation=words_at(entry["explanation"], f"{where}: explanation", texts),
        answered_by=answered_by,
    )


def _answered_by(entry: dict, where: str) -> tuple[tuple[str, Provision], ...]:
    cited = entry["answered_by"]
    if not isinstance(cited, dict) or set(map(str, cited)) != set(version_ids()):
        raise DataError(
            f"{where}: answered_by: needs one entry per version {', '.join(version_ids())} "
            "(a provision id, or null where that version has none)"
        )
    answered_by = []
    for version in version_ids():
        ref = cited.get(version, cited.get(int(version)))
        if ref is None:
            continue
        provision = resolve_provision(ref, version, f"{where}: answered_by.{version}")
        answered_by.append((version, provision))
    if not answered_by:
        raise DataError(f"{where}: answered_by: no version names a provision")
    return tuple(answered_by)
