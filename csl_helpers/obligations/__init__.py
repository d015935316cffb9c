"""Who owes which duty: the duties of the Law as data, the navigator's questions, the checklist."""

from csl_helpers.obligations.checklist import Checklist, checklist
from csl_helpers.obligations.duties import (
    Duty,
    Obligation,
    Profile,
    obligation,
    obligations,
    obligations_for,
)
from csl_helpers.obligations.questionnaire import Interview, Question, next_question

__all__ = [
    "Checklist",
    "Duty",
    "Interview",
    "Obligation",
    "Profile",
    "Question",
    "checklist",
    "next_question",
    "obligation",
    "obligations",
    "obligations_for",
]
