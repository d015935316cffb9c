"""The Obligation Navigator's state: the version listed and the interview so far.

:class:`NavigatorModel` holds the version whose duties are listed and the
:class:`~csl_helpers.obligations.questionnaire.Interview` (the answers given, hence the
current question), and the interface's language (``lang``: ``en`` or ``zh``) as traits; a
step that cannot be taken leaves the interview as it was and
says why in :attr:`NavigatorModel.message`. The model imports no widgets;
:mod:`csl_helpers.views.obligations.navigator` draws it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from traitlets import HasTraits, Instance, Unicode

from csl_helpers.law.load import version_on
from csl_helpers.obligations.checklist import Checklist, checklist
from csl_helpers.obligations.questionnaire import Interview
from csl_helpers.views.traits import UiLang, VersionId


class NavigatorModel(HasTraits):
    """The navigator's choices: the version listed and the interview so far.

    :attr:`message` says why the last step was refused ("" after a step taken).

    Args:
        version: the version whose duties are listed (default: the one in force today).
        lang: the interface's language, ``"en"`` or ``"zh"``.
    """

    version = VersionId()
    interview = Instance(Interview)
    message = Unicode("")
    lang = UiLang(help="the interface's language: en or zh")

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

    def _step(self, move: Callable[[], Interview]) -> None:
        try:
            interview = move()
        except ValueError as exc:
            self.message = str(exc)
            return
        self.message = ""
        self.interview = interview
