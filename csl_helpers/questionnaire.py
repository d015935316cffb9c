"""The module path the README has always used.

The code lives in :mod:`csl_helpers.obligations.questionnaire`.
"""

from csl_helpers.obligations.questionnaire import (
    Interview,
    Question,
    next_question,
    question,
    questions,
)

__all__ = ["Interview", "Question", "next_question", "question", "questions"]
