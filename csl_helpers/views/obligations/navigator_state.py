"""The Obligation Navigator's state: the version listed and the interview so far.

:class:`NavigatorModel` holds the version whose duties are listed and the
:class:`~csl_helpers.obligations.questionnaire.Interview` (the answers given, hence the
current question) and the interface's language (``lang``: ``en`` or ``zh``) as traits; a
step that cannot be taken leaves the interview as it was and says why in
:attr:`NavigatorModel.message`. The duties ticked as done are kept by id, across a version
switch and in the page's address (``?version=2025&answers=ynn…&done=id,id``), with the answers
and the language. The model imports no widgets; :mod:`csl_helpers.views.obligations.navigator`
draws it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from traitlets import Instance, TraitError, Unicode, validate

from csl_helpers.law.version_registry import version_on
from csl_helpers.obligations.checklist import Checklist, checklist
from csl_helpers.obligations.duties import obligations
from csl_helpers.obligations.questionnaire import Interview
from csl_helpers.translation import N_, WordedValueError
from csl_helpers.views.addressed import Addressed
from csl_helpers.views.traits import UiLang, VersionId

ANSWER_LETTERS = {True: "y", False: "n"}
"""How an answer is written in the address: one letter per question, in the order asked."""


def duty_ids() -> tuple[str, ...]:
    """The ids of every duty the navigator can list, in any version."""
    return tuple(o.id for o in obligations())


def known_duties(ids: Iterable[str]) -> tuple[str, ...]:
    """``ids`` sorted, each once, each the id of a duty.

    Raises:
        ValueError: naming the parameter ``done``, the unknown id and the valid ones.
    """
    known, ids = duty_ids(), tuple(ids)
    for duty in ids:
        if duty not in known:
            raise WordedValueError(
                N_("done: unknown duty {duty}; valid: {valid}"), duty=repr(duty), valid=tuple(known)
            )
    return tuple(sorted(set(ids)))


def interview_from(letters: str) -> Interview:
    """The interview whose answers ``letters`` gives, one ``y`` or ``n`` per question asked.

    Raises:
        ValueError: naming the parameter ``answers`` and what it takes.
    """
    if set(letters) - set(ANSWER_LETTERS.values()):
        raise WordedValueError(
            N_("answers must be letters y or n, one per question; got {got}"), got=repr(letters)
        )
    interview = Interview()
    for n, letter in enumerate(letters, 1):
        if interview.done:
            raise WordedValueError(
                N_("answers gives {given} answers; the questionnaire ends after {last}"),
                given=len(letters),
                last=n - 1,
            )
        interview = interview.answer(letter == "y")
    return interview


class NavigatorModel(Addressed):
    """The navigator's choices: the version listed, the interview so far, the duties done.

    :attr:`message` says why the last step was refused ("" after a step taken).

    Args:
        version: the version whose duties are listed (default: the one in force today).
        lang: the interface's language, ``"en"`` or ``"zh"``.
    """

    version = VersionId()
    interview = Instance(Interview)
    ticked = Instance(tuple, (), help="the ids of the duties ticked as done, sorted")
    message = Unicode("")
    lang = UiLang(help="the interface's language: en or zh")

    ADDRESS = ("version", "interview", "ticked", "lang")
    PARAMETERS = {"interview": ("answers",), "ticked": ("done",)}
    REPLACING = ("ticked", "lang")
    DEFAULTS = {"lang": "en"}

    def __init__(self, version: str | None = None, lang: str = "en") -> None:
        super().__init__(
            version=version or version_on(date.today()).id, interview=Interview(), lang=lang
        )

    @property
    def sheet(self) -> Checklist | None:
        """The checklist of duties once every question is answered, else ``None``."""
        if self.interview.current is not None:
            return None
        return checklist(self.interview.profile, self.version)

    def answer(self, value: bool) -> None:
        """Answer the current question and move on."""
        self._step(lambda: self.interview.answer(value))

    def back(self) -> None:
        """Take back the last answer."""
        self._step(self.interview.back)

    def restart(self) -> None:
        """Forget every answer and start again."""
        self._step(self.interview.restart)

    def tick(self, ids: Iterable[str]) -> None:
        """Mark the duties ``ids`` as done (and no others); unknown ids are refused."""
        self.ticked = tuple(ids)

    @validate("ticked")
    def _known_duties(self, proposal: dict) -> tuple[str, ...]:
        try:
            return known_duties(proposal["value"])
        except ValueError as exc:
            raise TraitError(str(exc)) from None

    # the address --------------------------------------------------------------------------
    def write_field(self, name: str) -> dict[str, Any]:
        """The answers as letters and the duties done as ids, each left out when empty."""
        if name == "interview":
            letters = "".join(ANSWER_LETTERS[v] for _, v in self.interview.answers)
            return {"answers": letters or None}
        if name == "ticked":
            return {"done": ",".join(self.ticked) or None}
        return super().write_field(name)

    def read_params(self, params: Mapping[str, str]) -> None:
        """Set the version, the answers (``answers``) and the duties done (``done``)."""
        interview = interview_from(params.get("answers", ""))
        done = known_duties(d for d in params.get("done", "").split(",") if d)
        super().read_params(params)
        self.ticked = done
        self.message = ""
        self.interview = interview

    def _step(self, move: Callable[[], Interview]) -> None:
        try:
            interview = move()
        except ValueError as exc:
            self.message = str(exc)
            return
        self.message = ""
        self.interview = interview
