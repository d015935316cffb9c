"""The obligation navigator's questions (``data/questions.yaml``) and the flow through them.

Each question sets one fact of :class:`~csl_helpers.obligations.Profile` and is asked only when
the answers to earlier questions make it relevant (``ask_if``): whether an organisation runs
critical information infrastructure matters only for a network operator (2016 Arts. 31, 34).
The next question is the first whose fact is unanswered and whose condition holds; a fact whose
question was skipped counts as "no".

>>> from csl_helpers.obligations.questionnaire import Interview
>>> step = Interview().answer(False)          # not a network operator
>>> step.current.fact                          # so no question about CII or identity services
'products_or_services'
>>> step.back().current.fact
'network_operator'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision, check_lang
from csl_helpers.law.version_registry import version_ids, version_info
from csl_helpers.obligations.facts import FACTS, Condition, Profile, check_facts

FILE = "questions.yaml"


@dataclass(frozen=True)
class Question:
    """One yes/no question: the fact it sets, its words, why it is asked, and when."""

    id: str
    fact: str
    texts: dict[str, str] = field(hash=False)
    whys: dict[str, str] = field(hash=False)
    labels: dict[str, str] = field(hash=False)
    basis: dict[str, tuple[Provision, ...]] = field(hash=False)
    """Per version, the provisions the question turns on."""
    ask_if: Condition | None = None

    def text(self, lang: str = "en") -> str:
        """The question in plain words."""
        return self.texts[check_lang(lang)]

    def label(self, lang: str = "en") -> str:
        """A few words for the fact, e.g. ``Collects or uses personal information``."""
        return self.labels[check_lang(lang)]

    def why(self, lang: str = "en", version: str | None = None) -> str:
        """Why we ask; with ``version``, followed by the provisions of that version."""
        out = self.whys[check_lang(lang)]
        if version is None:
            return out
        cites = self.basis_citation(version, lang)
        return (
            f"{out} ({version}: {cites})" if lang == "en" else f"{out}（{version}年文本：{cites}）"
        )

    def basis_citation(self, version: str, lang: str = "en") -> str:
        """The provisions the question turns on in ``version``, cited."""
        sep = ", " if check_lang(lang) == "en" else "、"
        return sep.join(p.citation(lang) for p in self.basis[version_info(version).id])

    def relevant(self, answers: Mapping[str, bool]) -> bool:
        """Whether the answers so far make this question worth asking."""
        return self.ask_if is None or self.ask_if.holds(answers)


@cache
def questions() -> tuple[Question, ...]:
    """All questions, in the order they are asked, checked.

    Raises:
        DataError: naming the file, the entry and the field of anything wrong: an unknown key,
            fact or provision, a fact asked twice or never, or an ``ask_if`` that looks ahead.
    """
    raw = read_yaml(FILE)
    require(raw, {"questions"}, FILE)
    laws = {v: load_law(v) for v in version_ids()}
    out: list[Question] = []
    for i, entry in enumerate(raw["questions"]):
        ident = entry.get("id") if isinstance(entry, dict) else None
        where = f"{FILE}, questions[{i}] ({ident})"
        require(entry, {"id", "fact", "label", "text", "why", "basis"}, where, {"ask_if"})
        fact = entry["fact"]
        if fact not in FACTS:
            raise DataError(
                f"{where}, field 'fact': unknown fact {fact!r}; valid facts: {', '.join(FACTS)}"
            )
        if any(q.fact == fact for q in out):
            raise DataError(f"{where}, field 'fact': {fact!r} is already asked")
        ask_if = None
        if "ask_if" in entry:
            ask_if = Condition.parse(entry["ask_if"], f"{where}, field 'ask_if'")
            earlier = {q.fact for q in out}
            ahead = sorted(ask_if.facts() - earlier)
            if ahead:
                raise DataError(
                    f"{where}, field 'ask_if': {ahead[0]!r} is not set by an earlier question; "
                    f"earlier facts: {', '.join(sorted(earlier)) or 'none'}"
                )
        basis = _basis(entry["basis"], laws, f"{where}, field 'basis'")
        out.append(
            Question(
                id=entry["id"],
                fact=fact,
                texts=_texts(entry["text"], f"{where}, field 'text'"),
                whys=_texts(entry["why"], f"{where}, field 'why'"),
                labels=_texts(entry["label"], f"{where}, field 'label'"),
                basis=basis,
                ask_if=ask_if,
            )
        )
    missing = [f for f in FACTS if f not in {q.fact for q in out}]
    if missing:
        raise DataError(f"{FILE}: no question sets the fact {missing[0]!r}")
    return tuple(out)


def _texts(raw: Any, where: str) -> dict[str, str]:
    require(raw, {"en", "zh"}, where)
    return {lang: " ".join(str(raw[lang]).split()) for lang in ("en", "zh")}


def _basis(raw: Any, laws: Mapping[str, Any], where: str) -> dict[str, tuple[Provision, ...]]:
    if not isinstance(raw, dict) or set(raw) != set(version_ids()):
        raise DataError(
            f"{where}: expected provision ids for each version: "
            f"{', '.join(map(repr, version_ids()))}"
        )
    out = {}
    for v, ids in raw.items():
        provisions = []
        for j, text in enumerate(ids):
            try:
                p = Provision.parse(text)
                laws[v].text_of(p)
            except (ValueError, LookupError) as exc:
                raise DataError(f"{where}.{v}[{j}]: {text!r}: {exc}") from None
            if p.id != text:
                raise DataError(f"{where}.{v}[{j}]: {text!r} is not a provision id")
            provisions.append(p)
        out[v] = tuple(provisions)
    return out


def question(fact: str) -> Question:
    """The question that sets ``fact``; ``ValueError`` names the valid facts."""
    for q in questions():
        if q.fact == fact:
            return q
    raise ValueError(f"unknown fact {fact!r}; valid facts: {', '.join(FACTS)}")


def relevant_answers(answers: Mapping[str, bool]) -> dict[str, bool]:
    """The answers that count: those to questions the earlier answers make relevant.

    An answer left over from a question that is no longer asked (because an earlier answer
    changed) is dropped, so it can never bring in a duty.

    Raises:
        ValueError: for an unknown fact or a non-boolean answer, naming the valid facts.
    """
    check_facts(answers)
    kept: dict[str, bool] = {}
    for q in questions():
        if q.fact in answers and q.relevant(kept):
            kept[q.fact] = answers[q.fact]
    return kept


def next_question(answers: Mapping[str, bool]) -> Question | None:
    """The next question to ask given ``answers`` (fact -> bool), or ``None`` when done.

    Raises:
        ValueError: for an unknown fact or a non-boolean answer, naming the valid facts.

    >>> next_question({}).fact
    'network_operator'
    >>> next_question({"network_operator": True}).fact
    'cii_operator'
    """
    kept = relevant_answers(answers)
    for q in questions():
        if q.fact not in kept and q.relevant(kept):
            return q
    return None


def profile_from(answers: Mapping[str, bool]) -> Profile:
    """The profile the relevant answers describe; unanswered or skipped facts are ``False``."""
    return Profile(**relevant_answers(answers))


@dataclass(frozen=True)
class Interview:
    """The questionnaire as a value: the answers given so far, in the order they were asked.

    Every step returns a new ``Interview``; :meth:`back` and :meth:`restart` can never leave
    an answer to a question that would not have been asked.
    """

    answers: tuple[tuple[str, bool], ...] = ()

    def __post_init__(self) -> None:
        facts = [f for f, _ in self.answers]
        if len(set(facts)) != len(facts):
            raise ValueError("each fact may be answered once")
        check_facts(dict(self.answers))
        probe: dict[str, bool] = {}
        for fact, value in self.answers:
            expected = next_question(probe)
            if expected is None or expected.fact != fact:
                asked = expected.fact if expected else "nothing (the questionnaire is finished)"
                raise ValueError(
                    f"answer to {fact!r} out of turn: the question at this point is {asked}"
                )
            probe[fact] = value

    @property
    def current(self) -> Question | None:
        """The question to answer now, or ``None`` when the questionnaire is finished."""
        return next_question(dict(self.answers))

    @property
    def done(self) -> bool:
        """Whether every relevant question has been answered."""
        return self.current is None

    @property
    def asked(self) -> tuple[tuple[Question, bool], ...]:
        """The questions answered so far, with their answers."""
        return tuple((question(f), v) for f, v in self.answers)

    @property
    def profile(self) -> Profile:
        """The profile the answers describe (unanswered facts are ``False``)."""
        return Profile(**dict(self.answers))

    def answer(self, value: bool) -> Interview:
        """Answer the current question yes (``True``) or no (``False``).

        Raises:
            ValueError: if ``value`` is not a bool, or the questionnaire is finished.
        """
        if not isinstance(value, bool):
            raise ValueError(f"an answer must be True or False, not {value!r}")
        current = self.current
        if current is None:
            raise ValueError("the questionnaire is finished; use back() or restart()")
        return Interview((*self.answers, (current.fact, value)))

    def back(self) -> Interview:
        """Take back the last answer (at the first question, nothing changes)."""
        return Interview(self.answers[:-1])

    def restart(self) -> Interview:
        """Start again with no answers."""
        return Interview()
