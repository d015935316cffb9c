"""Self-check quizzes: questions kept in ``data/quizzes/<notebook>.yaml``, checked on load.

Every question names, for each version of the Law, the provision that answers it (``null``
where that version has none, e.g. for an article added in 2025), so the feedback can show the
reader the words of the Law rather than the quiz's own.

>>> quiz = load_quiz("01_general_provisions")
>>> q = quiz.questions[0]
>>> q.check(q.answer).correct, q.check(next(c for c in q.choices if c != q.answer)).correct
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import escape

from csl_helpers.law.display import RichDisplay, card
from csl_helpers.law.load import (
    DataError,
    data_dir,
    read_yaml,
    require,
    resolve_provision,
    version_ids,
)
from csl_helpers.law.model import Provision

QUIZ_DIR = "quizzes"
"""The folder of ``data/`` that holds one quiz file per notebook."""


@dataclass(frozen=True)
class Feedback:
    """What the reader is told after answering a question."""

    correct: bool
    chosen: str
    answer: str
    explanation: str
    answered_by: tuple[tuple[str, Provision], ...]
    """(version, provision) pairs of the provisions that answer the question."""

    @property
    def verdict(self) -> str:
        """``Right.`` or ``Not quite: the answer is …``."""
        return "Right." if self.correct else f"Not quite: the answer is “{self.answer}”."


@dataclass(frozen=True)
class Question:
    """One multiple-choice question and the provisions of the Law that answer it."""

    id: str
    prompt: str
    choices: tuple[str, ...]
    answer: str
    explanation: str
    answered_by: tuple[tuple[str, Provision], ...]
    """(version, provision) pairs, oldest version first; a version with no answer is left out."""

    def check(self, choice: str) -> Feedback:
        """Judge ``choice`` and say why, citing the provisions that answer the question.

        Raises:
            ValueError: if ``choice`` is not one of the question's choices (they are listed).
        """
        if choice not in self.choices:
            raise ValueError(
                f"question {self.id!r}: {choice!r} is not a choice; valid choices: "
                + "; ".join(map(repr, self.choices))
            )
        return Feedback(
            choice == self.answer, choice, self.answer, self.explanation, self.answered_by
        )


@dataclass(frozen=True)
class Quiz(RichDisplay):
    """The self-check quiz of one notebook.

    In a notebook it shows itself as its title and its questions, each with the provisions
    that answer it (the answers themselves are left to the quiz widget).
    """

    notebook: str
    title: str
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question:
        """The question with id ``question_id``; ``LookupError`` lists the valid ids."""
        for q in self.questions:
            if q.id == question_id:
                return q
        valid = ", ".join(q.id for q in self.questions)
        raise LookupError(f"quiz {self.notebook!r} has no question {question_id!r}; valid: {valid}")

    def heading(self) -> str:
        """``Chapter 1: 5 questions``: the quiz's title and how many questions it asks."""
        return f"{self.title}: {len(self.questions)} questions"

    def plain(self) -> str:
        """The heading, then each question's prompt on a line of its own."""
        return "\n".join([self.heading(), *(f"- {q.prompt}" for q in self.questions)])

    def to_html(self) -> str:
        """The questions as a numbered list, each with the provisions that answer it."""
        items = []
        for q in self.questions:
            cites = "; ".join(f"{v} {p.citation()} / {p.citation('zh')}" for v, p in q.answered_by)
            items.append(f"<li>{escape(q.prompt)} <small>({escape(cites)})</small></li>")
        return card(self.heading(), f"<ol>{''.join(items)}</ol>")


def quiz_names() -> tuple[str, ...]:
    """The notebooks that have a quiz, i.e. the files in ``data/quizzes/``, sorted."""
    return tuple(sorted(p.stem for p in (data_dir() / QUIZ_DIR).glob("*.yaml")))


@cache
def load_quiz(notebook: str) -> Quiz:
    """The quiz of ``notebook`` (e.g. ``"01_general_provisions"``), validated.

    Raises:
        ValueError: naming the valid quizzes, if there is no quiz for ``notebook``.
        DataError: naming file, entry and field, if the file breaks a rule: unknown or missing
            fields, an answer that is not one of the choices, repeated choices or ids, or a
            provision that does not exist in its version.
    """
    if notebook not in quiz_names():
        raise ValueError(f"no quiz for {notebook!r}; valid quizzes: {', '.join(quiz_names())}")
    return parse_quiz(notebook, read_yaml(f"{QUIZ_DIR}/{notebook}.yaml"))


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
    return Quiz(notebook, str(raw["title"]), tuple(questions))


def _question(entry: dict, where: str) -> Question:
    choices = entry["choices"]
    if not isinstance(choices, list) or len(choices) < 2:
        raise DataError(f"{where}: choices: needs a list of at least two choices")
    choices = tuple(str(c) for c in choices)
    if len(set(choices)) != len(choices):
        raise DataError(f"{where}: choices: a choice is listed twice")
    answer = str(entry["answer"])
    if answer not in choices:
        raise DataError(
            f"{where}: answer: {answer!r} is not one of the choices: "
            + "; ".join(map(repr, choices))
        )
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
    return Question(
        id=str(entry["id"]),
        prompt=" ".join(str(entry["question"]).split()),
        choices=choices,
        answer=answer,
        explanation=" ".join(str(entry["explanation"]).split()),
        answered_by=tuple(answered_by),
    )
