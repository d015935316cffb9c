"""Who owes which duty under each version of the Law (``data/obligations.yaml``).

Duties hang on subjects: everyone, network operators (2016 Art. 76(3) / 2025 Art. 78(3)),
operators of critical information infrastructure (who are network operators too: 2016 Art. 34
adds to Art. 21), suppliers of network products and services (2016 Art. 22), sellers of
critical network equipment (Art. 23), security service providers (Art. 26) and
electronic-information-sending and app-download services (Art. 48(2)). A :class:`Profile` of
yes/no facts selects the subjects; :func:`obligations_for` lists the duties that apply in one
version, each with its provisions and the clause of Chapter 6 that enforces it.

The facts live in :mod:`~csl_helpers.obligations.facts`, the values in
:mod:`~csl_helpers.obligations.model` and the reading and checking of the data in
:mod:`~csl_helpers.obligations.load`; this module answers the questions (which duties, for
whom) and re-exports what callers import from it.

>>> from csl_helpers.obligations import Profile, obligations_for
>>> duties = obligations_for(Profile(network_operator=True, identity_services=True), "2025")
>>> [d.citation() for d in duties if d.id == "real_identity"]
['Article 26(1)']
>>> [d.penalty.citation() for d in duties if d.id == "real_identity"]
['Article 64(1)']
"""

from __future__ import annotations

from collections.abc import Iterable

from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import other_version, version_info
from csl_helpers.obligations.facts import FACTS, Condition, Profile, check_facts
from csl_helpers.obligations.load import FILE, catalogue
from csl_helpers.obligations.model import (
    KINDS,
    Catalogue,
    Duty,
    Enforcement,
    Obligation,
    Subject,
    Theme,
)

__all__ = [
    "FACTS",
    "FILE",
    "KINDS",
    "Catalogue",
    "Condition",
    "Duty",
    "Enforcement",
    "Obligation",
    "Profile",
    "Subject",
    "Theme",
    "catalogue",
    "check_facts",
    "general_liability",
    "group_by_theme",
    "obligation",
    "obligations",
    "obligations_for",
    "subjects",
    "subjects_of",
    "themes",
]


def obligations() -> tuple[Obligation, ...]:
    """Every duty in the data, in the order of ``data/obligations.yaml``."""
    return catalogue().obligations


def obligation(obligation_id: str) -> Obligation:
    """The duty with id ``obligation_id``; ``ValueError`` names the valid ids."""
    for ob in obligations():
        if ob.id == obligation_id:
            return ob
    raise ValueError(
        f"unknown obligation {obligation_id!r}; valid ids: {', '.join(o.id for o in obligations())}"
    )


def themes() -> tuple[Theme, ...]:
    """The checklist's headings, in order."""
    return catalogue().themes


def subjects() -> tuple[Subject, ...]:
    """Everyone the Law puts duties on, as the data lists them."""
    return catalogue().subjects


def general_liability(version: str) -> tuple[Provision, ...]:
    """The clauses of Chapter 6 that reach any breach of the Law in ``version``.

    Credit records (2016 Art. 71 / 2025 Art. 72); civil, public-security and criminal liability
    (2016 Art. 74 / 2025 Art. 76).
    """
    return catalogue().general_liability[version_info(version).id]


def subjects_of(profile: Profile) -> tuple[Subject, ...]:
    """The subjects a profile is: by its facts, and every wider subject those are (``is_a``)."""
    if not isinstance(profile, Profile):
        raise ValueError(f"expected a Profile, not {profile!r}")
    by_id = {s.id: s for s in subjects()}
    chosen = {s.id for s in subjects() if s.fact is None or getattr(profile, s.fact)}
    frontier = list(chosen)
    while frontier:
        wider = by_id[frontier.pop()].is_a
        if wider and wider not in chosen:
            chosen.add(wider)
            frontier.append(wider)
    return tuple(s for s in subjects() if s.id in chosen)


def obligations_for(profile: Profile, version: str) -> tuple[Duty, ...]:
    """The duties that apply to ``profile`` under ``version`` ("2016" or "2025"), in data order.

    A duty applies when the profile is its subject (a CII operator is also a network operator),
    its condition holds for the profile's facts, and ``version`` contains it.

    Raises:
        ValueError: for an unknown version or something that is not a :class:`Profile`.
    """
    version = version_info(version).id
    other = other_version(version).id
    mine = {s.id for s in subjects_of(profile)}
    facts = profile.as_dict()
    return tuple(
        Duty(ob, version, other)
        for ob in obligations()
        if ob.subject.id in mine
        and ob.provisions[version]
        and (ob.condition is None or ob.condition.holds(facts))
    )


def group_by_theme(duties: Iterable[Duty]) -> tuple[tuple[Theme, tuple[Duty, ...]], ...]:
    """The duties under their themes, themes in data order, empty themes left out."""
    duties = tuple(duties)
    return tuple(
        (theme, group)
        for theme in themes()
        if (group := tuple(d for d in duties if d.theme == theme))
    )
