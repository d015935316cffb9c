"""The yes/no facts about an organisation or person, and conditions over them.

A :class:`Profile` holds the facts; the duties of ``data/obligations.yaml`` and the questions of
``data/questions.yaml`` name them, and a :class:`Condition` combines them (``all``, ``any``,
``not``) without ``eval``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from csl_helpers.law.data import DataError


@dataclass(frozen=True, init=False)
class Profile:
    """Yes/no facts about an organisation or person; every fact defaults to ``False``.

    Build it with keyword arguments; an unknown fact or a value that is not a bool raises
    ``ValueError`` naming the valid facts. A CII operator is a network operator whatever
    ``network_operator`` says (2016 Art. 34 adds to Art. 21).

    >>> Profile(cii_operator=True).true_facts()
    ('cii_operator',)
    >>> Profile(cloud=True)
    Traceback (most recent call last):
    ...
    ValueError: unknown fact 'cloud'; valid facts: network_operator, cii_operator, \
personal_information, identity_services, products_or_services, critical_equipment, \
security_services, distribution_services
    """

    network_operator: bool = False
    """Owns or manages a network, or provides network services (2016 Art. 76(3))."""
    cii_operator: bool = False
    """Operates critical information infrastructure (2016 Art. 31)."""
    personal_information: bool = False
    """Collects or uses personal information (2016 Arts. 22(3), 40–43)."""
    identity_services: bool = False
    """Network access, domain names, phone access, information publishing or instant messaging
    (2016 Art. 24(1))."""
    products_or_services: bool = False
    """Supplies network products or services to others (2016 Art. 22)."""
    critical_equipment: bool = False
    """Sells or supplies critical network equipment or security products (2016 Art. 23)."""
    security_services: bool = False
    """Certification, testing, risk assessment or publishing security information (Art. 26)."""
    distribution_services: bool = False
    """Electronic-information-sending or app-download services (2016 Art. 48(2))."""

    def __init__(self, **facts: bool) -> None:
        check_facts(facts)
        for name in FACTS:
            object.__setattr__(self, name, facts.get(name, False))

    def true_facts(self) -> tuple[str, ...]:
        """The facts that are ``True``, in the order of :data:`FACTS`."""
        return tuple(name for name in FACTS if getattr(self, name))

    def as_dict(self) -> dict[str, bool]:
        """Every fact and its value."""
        return {name: getattr(self, name) for name in FACTS}


FACTS: tuple[str, ...] = tuple(f.name for f in fields(Profile))
"""The names of the yes/no facts, in the order :class:`Profile` declares them."""


def check_facts(answers: Mapping[str, Any]) -> None:
    """Check that ``answers`` maps known fact names to bools.

    Raises:
        ValueError: naming the unknown fact or the non-boolean answer, and the valid facts.
    """
    if not isinstance(answers, Mapping):
        raise ValueError(f"answers must be a mapping of fact names to True/False, not {answers!r}")
    for name, value in answers.items():
        if name not in FACTS:
            raise ValueError(f"unknown fact {name!r}; valid facts: {', '.join(FACTS)}")
        if not isinstance(value, bool):
            raise ValueError(
                f"fact {name!r} must be True or False, not {value!r}; "
                f"valid facts: {', '.join(FACTS)}"
            )


@dataclass(frozen=True)
class Condition:
    """A condition over facts: one fact, or ``all`` / ``any`` / ``not`` of conditions.

    Written in the data files as a fact name or a one-key mapping; evaluated here, never by
    ``eval``. A fact missing from the answers counts as ``False``.

    >>> c = Condition.parse({"all": ["network_operator", {"not": "cii_operator"}]}, "example")
    >>> c.holds({"network_operator": True})
    True
    >>> c.holds({"network_operator": True, "cii_operator": True})
    False
    """

    op: str
    """``"fact"``, ``"all"``, ``"any"`` or ``"not"``."""
    fact: str | None = None
    parts: tuple[Condition, ...] = ()

    @classmethod
    def parse(cls, raw: Any, where: str) -> Condition:
        """Read a condition from its data form.

        Raises:
            DataError: naming ``where`` and what is wrong (an unknown fact or operator).
        """
        if isinstance(raw, str):
            if raw not in FACTS:
                raise DataError(f"{where}: unknown fact {raw!r}; valid facts: {', '.join(FACTS)}")
            return cls("fact", fact=raw)
        if isinstance(raw, dict) and len(raw) == 1:
            ((op, arg),) = raw.items()
            if op == "not":
                return cls("not", parts=(cls.parse(arg, f"{where}.not"),))
            if op in ("all", "any"):
                if not isinstance(arg, list) or not arg:
                    raise DataError(f"{where}.{op}: expected a non-empty list of conditions")
                return cls(
                    op, parts=tuple(cls.parse(a, f"{where}.{op}[{i}]") for i, a in enumerate(arg))
                )
        raise DataError(
            f"{where}: a condition is a fact name or a mapping with one key, all, any or not; "
            f"got {raw!r}"
        )

    def holds(self, facts: Mapping[str, bool]) -> bool:
        """Whether the condition is true for ``facts`` (missing facts are ``False``)."""
        if self.op == "fact":
            return bool(facts.get(self.fact or "", False))
        if self.op == "not":
            return not self.parts[0].holds(facts)
        results = (p.holds(facts) for p in self.parts)
        return all(results) if self.op == "all" else any(results)

    def facts(self) -> frozenset[str]:
        """Every fact the condition mentions."""
        if self.op == "fact":
            return frozenset({self.fact or ""})
        return frozenset().union(*(p.facts() for p in self.parts))
