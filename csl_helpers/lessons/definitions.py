"""Everyday examples sorted against the Law's definitions (2016 Art. 76 / 2025 Art. 78).

The examples are data (``data/definition_examples.yaml``). Sorting one returns the same
:class:`~csl_helpers.quiz.Feedback` a quiz question does, citing the defining item of each
version, so the reader sees the definition's own words.

Each example and explanation is worded in English and Chinese; a quotation of the Law in them
must occur in the definition they test.

>>> ex = examples()[0]
>>> ex.question(), ex.check(True).correct, ex.question("zh")
('Is this a network operator?', True, '这属于网络运营者吗？')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.glossary import glossary, term
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons.quiz import Feedback
from csl_helpers.lessons.words import Words, check_lesson_lang, words_at
from csl_helpers.translation import N_, gettext_for

FILE = "definition_examples.yaml"
YES, NO = N_("Yes"), N_("No")


def answer_words(yes: bool) -> Words:
    """``Yes`` or ``No`` in both languages, as the sorter offers them."""
    message = YES if yes else NO
    return Words(message, gettext_for("zh")(message))


@dataclass(frozen=True)
class Example:
    """An everyday example, the defined term it tests and whether it falls under it."""

    id: str
    example: Words
    term_id: str
    answer: bool
    explanation: Words

    def question(self, lang: str = "en") -> str:
        """``Is this a network operator?``, from the term's name as the glossary gives it."""
        _ = gettext_for(check_lesson_lang(lang))
        defined = term(self.term_id, version_ids()[-1])
        if lang == "zh":
            name = defined.zh
        else:
            name = defined.en.lower()
            if self.term_id == "network_operator":  # the one countable term
                name = ("an " if name[0] in "aeiou" else "a ") + name
        return _("Is this {term}?").format(term=name)

    def check(self, answer: bool) -> Feedback:
        """Judge ``answer`` (``True`` for yes) and cite the defining item of each version.

        Raises:
            ValueError: if ``answer`` is not ``True`` or ``False``.
        """
        if not isinstance(answer, bool):
            raise ValueError(f"answer must be True (yes) or False (no), not {answer!r}")
        return Feedback(
            answer == self.answer,
            answer_words(answer),
            answer_words(self.answer),
            self.explanation,
            tuple((v, term(self.term_id, v).defined_in) for v in version_ids()),
        )


def parse_examples(raw: dict) -> tuple[Example, ...]:
    """Build and check the examples from the parsed YAML ``raw``.

    Raises:
        DataError: naming file, example and field, for unknown or missing fields, a term the
            glossary does not define, a repeated id, an answer that is not true or false, a
            wording not in both languages, or a quotation not in the definition's text.
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
        texts = [term(entry["term"], v).definition("zh") for v in version_ids()]
        out.append(
            Example(
                entry["id"],
                words_at(entry["example"], f"{where}: example", texts),
                entry["term"],
                entry["answer"],
                words_at(entry["explanation"], f"{where}: explanation", texts),
            )
        )
    return tuple(out)


@cache
def examples() -> tuple[Example, ...]:
    """The examples, in the order of the data file."""
    return parse_examples(read_yaml(FILE))
