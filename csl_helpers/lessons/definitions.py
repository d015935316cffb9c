"""Everyday examples sorted against the Law's definitions (2016 Art. 76 / 2025 Art. 78).

The examples are data (``data/definition_examples.yaml``). Sorting one returns the same
:class:`~csl_helpers.quiz.Feedback` a quiz question does, citing the defining item of each
version, so the reader sees the definition's own words.

>>> ex = examples()[0]
>>> ex.question, ex.check(True).correct
('Is this a network operator?', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from csl_helpers.law.glossary import glossary, term
from csl_helpers.law.load import DataError, read_yaml, require, version_ids
from csl_helpers.lessons.quiz import Feedback

FILE = "definition_examples.yaml"
YES, NO = "Yes", "No"


@dataclass(frozen=True)
class Example:
    """An everyday example, the defined term it tests and whether it falls under it."""

    id: str
    example: str
    term_id: str
    answer: bool
    explanation: str

    @property
    def question(self) -> str:
        """``Is this a network operator?``, from the term's English name."""
        name = term(self.term_id, version_ids()[-1]).en.lower()
        article = "an" if name[0] in "aeiou" else "a"
        countable = self.term_id == "network_operator"
        return f"Is this {article + ' ' if countable else ''}{name}?"

    def check(self, answer: bool) -> Feedback:
        """Judge ``answer`` (``True`` for yes) and cite the defining item of each version.

        Raises:
            ValueError: if ``answer`` is not ``True`` or ``False``.
        """
        if not isinstance(answer, bool):
            raise ValueError(f"answer must be True (yes) or False (no), not {answer!r}")
        return Feedback(
            answer == self.answer,
            YES if answer else NO,
            YES if self.answer else NO,
            self.explanation,
            tuple((v, term(self.term_id, v).defined_in) for v in version_ids()),
        )


def parse_examples(raw: dict) -> tuple[Example, ...]:
    """Build and check the examples from the parsed YAML ``raw``.

    Raises:
        DataError: naming file, example and field, for unknown or missing fields, a term the
            glossary does not define, a repeated id, or an answer that is not true or false.
    """
    require(raw, {"examples"}, FILE)
    ids = [t.id for t in glossary(version_ids()[-1])]
    out: list[Example] = []
    for i, entry in enumerate(raw["examples"]):
        require(entry, {"id", "example", "term", "answer", "explanation"}, f"{FILE}, examples[{i}]")
        where = f"{FILE}, example {entry['id']!r}"
        if entry["term"] not in ids:
            raise DataError(
                f"{where}: term: unknown term {entry['term']!r}; valid: {', '.join(ids)}"
            )
        if not isinstance(entry["answer"], bool):
            raise DataError(f"{where}: answer: must be true or false, not {entry['answer']!r}")
        if any(e.id == entry["id"] for e in out):
            raise DataError(f"{where}: id: used twice")
        out.append(
            Example(
                entry["id"],
                " ".join(entry["example"].split()),
                entry["term"],
                entry["answer"],
                " ".join(entry["explanation"].split()),
            )
        )
    return tuple(out)


@cache
def examples() -> tuple[Example, ...]:
    """The examples, in the order of the data file."""
    return parse_examples(read_yaml(FILE))
