"""Who owes which duty under each version of the Law (``data/obligations.yaml``).

Duties hang on subjects: everyone, network operators (2016 Art. 76(3) / 2025 Art. 78(3)),
operators of critical information infrastructure (who are network operators too: 2016 Art. 34
adds to Art. 21), suppliers of network products and services (2016 Art. 22), sellers of
critical network equipment (Art. 23), security service providers (Art. 26) and
electronic-information-sending and app-download services (Art. 48(2)). A :class:`Profile` of
yes/no facts selects the subjects; :func:`obligations_for` lists the duties that apply in one
version, each with its provisions and the clause of Chapter 6 that enforces it.

>>> from csl_helpers.obligations import Profile, obligations_for
>>> duties = obligations_for(Profile(network_operator=True, identity_services=True), "2025")
>>> [d.citation() for d in duties if d.id == "real_identity"]
['Article 26(1)']
>>> [d.penalty.citation() for d in duties if d.id == "real_identity"]
['Article 64(1)']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from csl_helpers.law.concordance import concordance
from csl_helpers.law.load import DataError, load_law, read_yaml, require, version_ids, version_info
from csl_helpers.law.model import Provision, check_lang
from csl_helpers.law.text import Law

FILE = "obligations.yaml"
LIABILITY_CHAPTER = 6
"""The chapter of legal liability (法律责任) in both versions."""
KINDS = ("penalty", "referral", "none")
"""How a duty is enforced: a clause of Chapter 6 sets a penalty; a clause sends the breach to
other laws (2016 Art. 70, 2025 Art. 71); or no clause of Chapter 6 punishes it as such."""
_REFERRAL_WORDS = re.compile("依照有关法律、行政法规的规定处")


# ---- facts and profiles ---------------------------------------------------------------------
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


# ---- values ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Theme:
    """A heading of the checklist."""

    id: str
    titles: dict[str, str] = field(hash=False)

    def title(self, lang: str = "en") -> str:
        """The theme's heading in ``lang``."""
        return self.titles[check_lang(lang)]


@dataclass(frozen=True)
class Subject:
    """Someone the Law puts duties on, and the fact that makes a profile this subject."""

    id: str
    names: dict[str, str] = field(hash=False)
    fact: str | None = None
    """The :class:`Profile` fact; ``None`` for everyone."""
    is_a: str | None = None
    """A wider subject this one always is (a CII operator is a network operator)."""
    defined_in: dict[str, Provision] = field(default_factory=dict, hash=False)

    def name(self, lang: str = "en") -> str:
        """The subject's name in ``lang``."""
        return self.names[check_lang(lang)]


@dataclass(frozen=True)
class Enforcement:
    """How a breach of a duty is dealt with in one version (see :data:`KINDS`)."""

    version: str
    kind: str
    rules: tuple[Provision, ...] = ()
    """The clauses of Chapter 6, the main one first: a paragraph, or the item of it that lists
    the conduct. The rule itself is the paragraph (:attr:`paragraphs`)."""
    notes: dict[str, str] | None = field(default=None, hash=False)

    @property
    def paragraphs(self) -> tuple[Provision, ...]:
        """The paragraphs of Chapter 6 that set the rules (the penalty rules' ids)."""
        out: list[Provision] = []
        for rule in self.rules:
            para = Provision(rule.article, rule.paragraph)
            if para not in out:
                out.append(para)
        return tuple(out)

    def citation(self, lang: str = "en") -> str:
        """The rules cited, e.g. ``Article 63(1), Article 63(2)``; empty for ``none``."""
        sep = ", " if check_lang(lang) == "en" else "、"
        return sep.join(r.citation(lang) for r in self.rules)

    def note(self, lang: str = "en") -> str:
        """The data's note on this link in ``lang`` (empty if there is none)."""
        return (self.notes or {}).get(check_lang(lang), "")

    def summary(self, lang: str = "en") -> str:
        """One line for a checklist: the clause, a referral, or no clause, with the note."""
        check_lang(lang)
        if self.kind == "penalty":
            text = (
                f"Penalty: {self.citation('en')}"
                if lang == "en"
                else f"罚则：{self.citation('zh')}"
            )
        elif self.kind == "referral":
            text = (
                f"Referred to other laws: {self.citation('en')}"
                if lang == "en"
                else f"依照有关法律、行政法规处理：{self.citation('zh')}"
            )
        else:
            text = (
                f"No clause of Chapter {LIABILITY_CHAPTER} of the {self.version} text punishes "
                "this duty as such"
                if lang == "en"
                else f"{self.version}年文本第六章未对本项义务单独规定罚则"
            )
        note = self.note(lang)
        if not note:
            return text
        return f"{text}. {note}" if lang == "en" else f"{text}。{note}"


@dataclass(frozen=True)
class Obligation:
    """One duty of the Law, across both versions, as ``data/obligations.yaml`` records it."""

    id: str
    theme: Theme
    subject: Subject
    texts: dict[str, str] = field(hash=False)
    provisions: dict[str, tuple[Provision, ...]] = field(hash=False)
    """Per version; an empty tuple where that version has no such duty."""
    enforcement: dict[str, Enforcement] = field(hash=False)
    condition: Condition | None = None
    """A further condition on the profile's facts, beyond being the subject."""
    whens: dict[str, str] | None = field(default=None, hash=False)

    def duty(self, lang: str = "en") -> str:
        """The duty in one plain sentence (a paraphrase; the Chinese text of the Law governs)."""
        return self.texts[check_lang(lang)]

    def when(self, lang: str = "en") -> str:
        """The situation that calls the duty into action, or ``""``."""
        return (self.whens or {}).get(check_lang(lang), "")

    def in_version(self, version: str) -> bool:
        """Whether ``version`` contains this duty."""
        return bool(self.provisions[version_info(version).id])

    def describe(self, lang: str = "en") -> str:
        """A few lines of plain text: the duty, its subject and its provisions in each version."""
        check_lang(lang)
        when = self.when(lang)
        first = self.duty(lang)
        if when:
            first = (
                f"{when[0].upper()}{when[1:]}: {first[0].lower()}{first[1:]}"
                if lang == "en"
                else f"{when}，{first}"
            )
        lines = [first]
        lines.append(("Who: " if lang == "en" else "义务主体：") + self.subject.name(lang))
        for v in version_ids():
            if not self.provisions[v]:
                absent = "not in this text" if lang == "en" else "本文本无此义务"
                lines.append(f"{v}: {absent}")
                continue
            sep = ", " if lang == "en" else "、"
            cites = sep.join(p.citation(lang) for p in self.provisions[v])
            lines.append(f"{v}: {cites}; {self.enforcement[v].summary(lang)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Duty:
    """A duty that applies to a profile in one version: what :func:`obligations_for` returns."""

    obligation: Obligation
    version: str
    other_version: str

    @property
    def id(self) -> str:
        """The duty's stable id (the same in both versions)."""
        return self.obligation.id

    @property
    def theme(self) -> Theme:
        """The checklist heading it falls under."""
        return self.obligation.theme

    @property
    def subject(self) -> Subject:
        """Who owes it."""
        return self.obligation.subject

    def duty(self, lang: str = "en") -> str:
        """The duty in one plain sentence."""
        return self.obligation.duty(lang)

    def when(self, lang: str = "en") -> str:
        """The situation that calls it into action, or ``""``."""
        return self.obligation.when(lang)

    @property
    def provisions(self) -> tuple[Provision, ...]:
        """The provisions of this version that lay the duty down."""
        return self.obligation.provisions[self.version]

    @property
    def articles(self) -> tuple[int, ...]:
        """The article numbers in this version."""
        return tuple(dict.fromkeys(p.article for p in self.provisions))

    @property
    def counterparts(self) -> tuple[Provision, ...]:
        """The same duty's provisions in the other version (empty where it has none)."""
        return self.obligation.provisions[self.other_version]

    @property
    def other_articles(self) -> tuple[int, ...]:
        """The article numbers in the other version."""
        return tuple(dict.fromkeys(p.article for p in self.counterparts))

    @property
    def penalty(self) -> Enforcement:
        """The clause of Chapter 6 that enforces the duty in this version (or its absence)."""
        return self.obligation.enforcement[self.version]

    def citation(self, lang: str = "en") -> str:
        """The provisions cited, e.g. ``Article 23(1)(1)``."""
        sep = ", " if check_lang(lang) == "en" else "、"
        return sep.join(p.citation(lang) for p in self.provisions)

    def other_citation(self, lang: str = "en") -> str:
        """The other version's provisions cited, or ``""`` where it has none."""
        sep = ", " if check_lang(lang) == "en" else "、"
        return sep.join(p.citation(lang) for p in self.counterparts)


@dataclass(frozen=True)
class Catalogue:
    """Everything in ``data/obligations.yaml``, validated."""

    themes: tuple[Theme, ...]
    subjects: tuple[Subject, ...]
    obligations: tuple[Obligation, ...]
    general_liability: dict[str, tuple[Provision, ...]] = field(hash=False)


# ---- the API --------------------------------------------------------------------------------
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
    other = next(v for v in version_ids() if v != version)
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


# ---- loading and checking -------------------------------------------------------------------
@cache
def catalogue() -> Catalogue:
    """Read and check ``data/obligations.yaml`` (cached).

    Raises:
        DataError: naming the file, the entry and the field of anything wrong.
    """
    raw = read_yaml(FILE)
    require(raw, {"themes", "subjects", "general_liability", "obligations"}, FILE)
    laws = {v: load_law(v) for v in version_ids()}
    theme_list = []
    for i, entry in enumerate(raw["themes"]):
        where = f"{FILE}, themes[{i}]"
        require(entry, {"id", "en", "zh"}, where)
        theme_list.append(Theme(entry["id"], {"en": entry["en"], "zh": entry["zh"]}))
    theme_by_id = _unique(theme_list, f"{FILE}, themes")

    subject_list = []
    for i, entry in enumerate(raw["subjects"]):
        where = f"{FILE}, subjects[{i}] ({entry.get('id') if isinstance(entry, dict) else ''})"
        require(entry, {"id", "en", "zh"}, where, {"fact", "is_a", "defined_in"})
        fact = entry.get("fact")
        if fact is not None and fact not in FACTS:
            raise DataError(
                f"{where}, field 'fact': unknown fact {fact!r}; valid facts: {', '.join(FACTS)}"
            )
        defined = {
            v: _provision(laws, v, p, f"{where}, field 'defined_in.{v}'")
            for v, p in _per_version(entry.get("defined_in", {}), f"{where}, field 'defined_in'")
        }
        subject_list.append(
            Subject(
                entry["id"],
                {"en": entry["en"], "zh": entry["zh"]},
                fact,
                entry.get("is_a"),
                defined,
            )
        )
    subject_by_id = _unique(subject_list, f"{FILE}, subjects")
    for s in subject_list:
        if s.is_a is not None and s.is_a not in subject_by_id:
            raise DataError(
                f"{FILE}, subjects ({s.id}), field 'is_a': unknown subject {s.is_a!r}; "
                f"valid subjects: {', '.join(subject_by_id)}"
            )

    where = f"{FILE}, general_liability"
    liability = {}
    for v, ids in _per_version(raw["general_liability"], where, require_all=True):
        liability[v] = tuple(
            _chapter6(laws[v], _provision(laws, v, p, f"{where}.{v}[{j}]"), f"{where}.{v}[{j}]")
            for j, p in enumerate(ids)
        )

    obs = [
        _obligation(entry, i, laws, theme_by_id, subject_by_id)
        for i, entry in enumerate(raw["obligations"])
    ]
    _unique(obs, f"{FILE}, obligations")
    return Catalogue(tuple(theme_list), tuple(subject_list), tuple(obs), liability)


def _unique(items: list, where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        if item.id in out:
            raise DataError(f"{where}: duplicate id {item.id!r}")
        out[item.id] = item
    return out


def _per_version(raw: Any, where: str, require_all: bool = False) -> list[tuple[str, Any]]:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: expected a mapping of versions, got {raw!r}")
    valid = version_ids()
    for key in raw:
        if key not in valid:
            raise DataError(
                f"{where}: unknown version {key!r} (write it as a quoted string); "
                f"valid versions: {', '.join(map(repr, valid))}"
            )
    if require_all and set(raw) != set(valid):
        missing = sorted(set(valid) - set(raw))
        raise DataError(f"{where}: missing version {missing[0]!r}")
    return [(v, raw[v]) for v in valid if v in raw]


def _provision(laws: Mapping[str, Law], version: str, raw: Any, where: str) -> Provision:
    """Parse a provision id and check that it exists in ``version``."""
    try:
        provision = Provision.parse(raw) if isinstance(raw, str) else None
    except ValueError:
        provision = None
    if provision is None or provision.id != raw:
        raise DataError(f"{where}: {raw!r} is not a provision id such as 'art_21__para_1__point_3'")
    try:
        laws[version].text_of(provision)
    except LookupError as exc:
        raise DataError(f"{where}: {raw} does not exist in the {version} text: {exc}") from None
    return provision


def _chapter6(law: Law, provision: Provision, where: str) -> Provision:
    """Check that ``provision`` is a paragraph (or an item of one) in Chapter 6."""
    if provision.paragraph is None:
        raise DataError(f"{where}: {provision.id} must name the paragraph that sets the rule")
    chapter = law.article(provision.article).chapter
    if chapter != LIABILITY_CHAPTER:
        raise DataError(
            f"{where}: {provision.id} is in Chapter {chapter} of the {law.version} text, not in "
            f"Chapter {LIABILITY_CHAPTER} (legal liability)"
        )
    return provision


def _texts(raw: Any, where: str) -> dict[str, str]:
    require(raw, {"en", "zh"}, where)
    for lang in ("en", "zh"):
        if not isinstance(raw[lang], str) or not raw[lang].strip():
            raise DataError(f"{where}.{lang}: expected non-empty text")
    return {lang: " ".join(raw[lang].split()) for lang in ("en", "zh")}


def _obligation(
    entry: Any,
    i: int,
    laws: Mapping[str, Law],
    theme_by_id: Mapping[str, Theme],
    subject_by_id: Mapping[str, Subject],
) -> Obligation:
    ident = entry.get("id") if isinstance(entry, dict) else None
    where = f"{FILE}, obligations[{i}] ({ident})"
    require(
        entry,
        {"id", "theme", "subject", "duty", "provisions", "enforcement"},
        where,
        {"condition", "when"},
    )
    for key, table, label in (
        ("theme", theme_by_id, "themes"),
        ("subject", subject_by_id, "subjects"),
    ):
        if entry[key] not in table:
            raise DataError(
                f"{where}, field '{key}': unknown {key} {entry[key]!r}; "
                f"valid {label}: {', '.join(table)}"
            )
    condition = (
        Condition.parse(entry["condition"], f"{where}, field 'condition'")
        if "condition" in entry
        else None
    )
    provisions: dict[str, tuple[Provision, ...]] = {}
    for v, ids in _per_version(entry["provisions"], f"{where}, field 'provisions'", True):
        if not isinstance(ids, list):
            raise DataError(f"{where}, field 'provisions.{v}': expected a list of provision ids")
        provisions[v] = tuple(
            _provision(laws, v, p, f"{where}, field 'provisions.{v}[{j}]'")
            for j, p in enumerate(ids)
        )
    if not any(provisions.values()):
        raise DataError(f"{where}, field 'provisions': no version lays this duty down")
    _check_concordance(provisions, f"{where}, field 'provisions'")

    enforcement = {}
    given = dict(_per_version(entry["enforcement"], f"{where}, field 'enforcement'"))
    for v in version_ids():
        field_where = f"{where}, field 'enforcement.{v}'"
        if not provisions[v]:
            if v in given:
                raise DataError(f"{field_where}: the {v} text has no such duty to enforce")
            continue
        if v not in given:
            raise DataError(f"{field_where}: missing (the duty is in the {v} text)")
        enforcement[v] = _enforcement(laws[v], given[v], provisions[v], field_where)
    return Obligation(
        id=entry["id"],
        theme=theme_by_id[entry["theme"]],
        subject=subject_by_id[entry["subject"]],
        texts=_texts(entry["duty"], f"{where}, field 'duty'"),
        provisions=provisions,
        enforcement=enforcement,
        condition=condition,
        whens=_texts(entry["when"], f"{where}, field 'when'") if "when" in entry else None,
    )


def _check_concordance(provisions: Mapping[str, tuple[Provision, ...]], where: str) -> None:
    """A duty in both versions must sit in articles the concordance pairs."""
    old, new = provisions["2016"], provisions["2025"]
    if not old or not new:
        return
    if len(old) != len(new):
        raise DataError(f"{where}: the versions list {len(old)} and {len(new)} provisions")
    for a, b in zip(old, new, strict=True):
        # A whole one-paragraph article (art_40) matches the first paragraph of its successor.
        same_place = (a.paragraph or 1, a.item) == (b.paragraph or 1, b.item)
        if concordance(a.article, "2016", "2025") != b.article or not same_place:
            raise DataError(
                f"{where}: 2016 {a.id} and 2025 {b.id} are not the same provision "
                f"(the concordance maps 2016 Article {a.article} to "
                f"{concordance(a.article, '2016', '2025')})"
            )


def _overlaps(a: Provision, b: Provision) -> bool:
    """Whether one provision contains the other or they are the same."""
    return (
        a.article == b.article
        and (a.paragraph is None or b.paragraph is None or a.paragraph == b.paragraph)
        and (a.item is None or b.item is None or a.item == b.item)
    )


def _enforcement(law: Law, raw: Any, duty: tuple[Provision, ...], where: str) -> Enforcement:
    require(raw, {"kind"}, where, {"rules", "note"})
    kind = raw["kind"]
    if kind not in KINDS:
        raise DataError(f"{where}, field 'kind': {kind!r} is not one of {', '.join(KINDS)}")
    ids = raw.get("rules", [])
    if not isinstance(ids, list):
        raise DataError(f"{where}, field 'rules': expected a list of provision ids")
    laws = {law.version: law}
    rules = tuple(
        _chapter6(
            law, _provision(laws, law.version, p, f"{where}.rules[{j}]"), f"{where}.rules[{j}]"
        )
        for j, p in enumerate(ids)
    )
    notes = _texts(raw["note"], f"{where}, field 'note'") if "note" in raw else None
    if kind == "none":
        if rules:
            raise DataError(f"{where}, field 'rules': a duty of kind 'none' has no rules")
        cited = [
            r
            for r in law.references_all
            if law.article(r.source.article).chapter == LIABILITY_CHAPTER
            and any(_overlaps(r.target, p) for p in duty)
        ]
        if cited and notes is None:
            raise DataError(
                f"{where}: {cited[0].source.citation()} cites {cited[0].target.citation()}; "
                "give a note saying why it does not punish this duty, or name it in 'rules'"
            )
        return Enforcement(law.version, kind, (), notes)
    if not rules:
        raise DataError(f"{where}, field 'rules': a duty of kind {kind!r} needs its rule")
    for rule in rules:
        text = law.text_of(Provision(rule.article, rule.paragraph), "zh")
        is_referral = bool(_REFERRAL_WORDS.search(text))
        if is_referral != (kind == "referral"):
            raise DataError(
                f"{where}: {rule.citation()} of the {law.version} text "
                f"{'refers the breach to other laws' if is_referral else 'sets its own penalty'}; "
                f"kind should be {'referral' if is_referral else 'penalty'}"
            )
    outside = [
        r
        for rule in rules
        for r in law.references_all
        if _overlaps(r.source, rule)
        and r.source.paragraph == rule.paragraph
        and law.article(r.target.article).chapter != LIABILITY_CHAPTER
    ]
    if outside and notes is None and not any(_overlaps(r.target, p) for r in outside for p in duty):
        raise DataError(
            f"{where}: {outside[0].source.citation()} cites "
            f"{', '.join(sorted({r.target.citation() for r in outside}))}, not "
            f"{', '.join(p.citation() for p in duty)}; give a note saying why it applies"
        )
    return Enforcement(law.version, kind, rules, notes)
