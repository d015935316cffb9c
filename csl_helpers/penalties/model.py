"""The values of Chapter 6 (法律责任) as data: rules, tiers, fines and the words they use.

Each :class:`Rule` is one paragraph (款) of the chapter of legal liability, named by its
provision id, with its tiers in order of severity (internal ids ``base``, ``aggravated``,
``serious``, ``especially_serious``; each tier is named on screen by its own
:class:`TierName`, the clause's words, never by the id). The
rules are read and checked against the Chinese text by :mod:`csl_helpers.penalties.rules`;
the words they are written in (tiers, persons, enforcers, subjects, measures) are
``data/penalties/vocabulary.yaml``, read here by :func:`vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.model import Bilingual, Provision, check_lang
from csl_helpers.penalties.amounts import cn_amount, stated_range, to_cn_amount, zh_figure

__all__ = [
    "AMOUNTS",
    "TIERS",
    "Borrow",
    "Detention",
    "Fine",
    "FineCase",
    "MeasureSet",
    "Note",
    "PersonFine",
    "Quote",
    "Range",
    "Referral",
    "Rule",
    "Tier",
    "TierName",
    "Vocab",
    "cn_amount",
    "stated_range",
    "term",
    "vocabulary",
]

TIERS: tuple[str, ...] = ("base", "aggravated", "serious", "especially_serious")
"""Tier ids, least to most severe (``data/penalties/vocabulary.yaml``): internal ids for
addresses and the correspondence data, never shown; a tier is shown by its :class:`TierName`."""
AMOUNTS: tuple[str, ...] = ("illegal_gains", "procurement_amount")
"""The amounts a fine can be a multiple of."""


@dataclass(frozen=True)
class Range:
    """An inclusive range of whole numbers (yuan or days); ``low`` is ``None`` with no minimum.

    >>> Range(10_000, 100_000).label("yuan"), Range(None, 5).label("days")
    ('10,000 to 100,000 yuan', 'up to 5 days')
    """

    low: int | None
    high: int

    def __post_init__(self) -> None:
        if self.low is not None and self.low > self.high:
            raise ValueError(f"range low {self.low} is above high {self.high}")

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int):
            return False
        return (self.low is None or self.low <= value) and value <= self.high

    def label(self, unit: str = "yuan", lang: str = "en", *, cn: bool = False) -> str:
        """``10,000 to 100,000 yuan`` or ``up to 1,000,000 yuan`` (both ends included).

        In Chinese (``lang="zh"``) as the Law words a range, with the figures as Chinese
        writes money (:func:`~csl_helpers.penalties.amounts.zh_figure`), never ``500,000元``;
        以上 and 以下 include the number named. ``cn=True`` writes the Law's own numerals, for
        a range quoted from it.

        >>> Range(500_000, 2_000_000).label("yuan", "zh"), Range(None, 5).label("days", "zh")
        ('50万元以上200万元以下', '5日以下')
        >>> Range(500_000, 2_000_000).label("yuan", "zh", cn=True)
        '五十万元以上二百万元以下'
        """
        if check_lang(lang) == "zh":
            u = {"yuan": "元", "days": "日"}.get(unit, unit)
            fig = to_cn_amount if cn else zh_figure
            if self.low is None:
                return f"{fig(self.high)}{u}以下"
            if self.low == self.high:
                return f"{fig(self.high)}{u}"
            return f"{fig(self.low)}{u}以上{fig(self.high)}{u}以下"
        if self.low is None:
            return f"up to {self.high:,} {unit}"
        if self.low == self.high:
            return f"{self.high:,} {unit}"
        return f"{self.low:,} to {self.high:,} {unit}"


@dataclass(frozen=True)
class Quote(Bilingual):
    """Words of the Law in both languages, and the provision they are taken from."""

    zh: str
    en: str
    provision: Provision


@dataclass(frozen=True)
class Note(Bilingual):
    """An explanatory note of the rules data: the project's own words, in both languages."""

    zh: str
    en: str


@dataclass(frozen=True)
class Vocab:
    """An entry of ``data/penalties/vocabulary.yaml``: an id with its Chinese and English."""

    id: str
    zh: str
    en: str
    kind: str | None = None
    administrative_penalty: bool = False
    """For a measure: whether it is an administrative penalty (行政处罚, of the kinds the
    Administrative Penalty Law lists in Art. 9), so named on screen, rather than another measure."""

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``."""
        return getattr(self, check_lang(lang))


@dataclass(frozen=True)
class FineCase:
    """One form of a fine, for the illegal gains in ``[gains_from, gains_below)``.

    ``multiple_of`` is ``None`` for a fixed range of yuan, else the amount (``illegal_gains``
    or ``procurement_amount``) that ``low`` and ``high`` multiply.
    """

    wording: str
    low: int | None
    high: int
    multiple_of: str | None = None
    gains_from: int = 0
    gains_below: int | None = None
    when: str | None = None

    def applies(self, gains: int) -> bool:
        """Whether this case is the one for illegal gains of ``gains`` yuan."""
        return self.gains_from <= gains and (self.gains_below is None or gains < self.gains_below)


@dataclass(frozen=True)
class Fine:
    """The fine on the offender: "may" or "shall", in one or more cases split on the gains."""

    may: bool
    cases: tuple[FineCase, ...]
    discretion: str | None = None

    @property
    def needs(self) -> tuple[str, ...]:
        """The amounts the fine depends on."""
        out = {c.multiple_of for c in self.cases if c.multiple_of}
        if len(self.cases) > 1:
            out.add("illegal_gains")
        return tuple(a for a in AMOUNTS if a in out)


@dataclass(frozen=True)
class PersonFine:
    """The fine on the people responsible in a unit (直接负责的主管人员, 其他直接责任人员)."""

    wording: str
    persons: tuple[str, ...]
    may: bool
    range: Range


@dataclass(frozen=True)
class Detention:
    """Administrative detention (拘留), in days; only the public security organs impose it."""

    wording: str
    may: bool
    range: Range


@dataclass(frozen=True)
class MeasureSet:
    """Measures named together in one phrase of the Law.

    ``any_of`` is ``True`` where the phrase lists alternatives (…或者…): one or more of
    them may be chosen. ``on`` names the persons the measures fall on; empty means the
    offender. ``by`` is the body the wording itself names as deciding these measures alone
    (2016 Art. 75: 国务院公安部门和有关部门并可以决定…冻结财产), where the clause as a whole
    names no enforcer for them.
    """

    wording: str
    ids: tuple[str, ...]
    may: bool
    any_of: bool
    on: tuple[str, ...] = ()
    by: str | None = None


@dataclass(frozen=True)
class Borrow:
    """A borrowed penalty (依照…规定处罚): another rule's tier applies."""

    wording: str
    rule: Provision
    tier: str
    persons: tuple[str, ...] = ()
    """For ``persons_as``: the people who are punished as that rule says."""


@dataclass(frozen=True)
class Referral(Bilingual):
    """What a clause sends to other laws instead of fixing a penalty of its own, in its words.

    A ``reservation`` (法律、行政法规另有规定的，依照其规定, 2025 Art. 63) is not a referral:
    the clause fixes its own penalty and yields only where another law provides otherwise.
    """

    zh: str
    en: str
    note: Note
    mitigation: bool = False
    """Whether it sends the penalty to the Administrative Penalty Law's rules on a lighter,
    reduced or no penalty (marked in the rules data, checked against the wording)."""
    reservation: bool = False
    """Whether the words reserve other laws (另有规定的，依照其规定) rather than refer to them
    (依照有关法律、行政法规的规定处罚); marked in the rules data, checked against the wording."""


@dataclass(frozen=True)
class TierName(Bilingual):
    """A tier's short name, for a button: the Chinese in the clause's own words.

    ``zh`` is taken from the Chinese of the paragraph the tier comes from (``……`` marks words
    of the Law left out; the loader checks the rest occur there, in order); ``en`` is a plain
    rendering that is the project's wording, not a translation of record (``en_by``).

    >>> TierName("拒不改正或者情节严重", "refuses to correct or serious circumstances").text("zh")
    '拒不改正或者情节严重'
    """

    zh: str
    en: str
    en_by: str = "project"
    """Whose English this is: ``project`` (the suite's own wording)."""


@dataclass(frozen=True)
class Tier:
    """One tier of a rule: its name, its trigger in the Law's words and what the Law attaches.

    ``name`` is what a button shows (the clause's words, short); ``trigger`` the full words
    beside it.
    """

    id: str
    trigger: Quote
    name: TierName = TierName("", "")
    measures: tuple[MeasureSet, ...] = ()
    fine: Fine | None = None
    person_fine: PersonFine | None = None
    detention: Detention | None = None
    persons_as: Borrow | None = None
    borrows: Borrow | None = None
    referral: Referral | None = None


@dataclass(frozen=True)
class Rule:
    """The penalty rule a paragraph of Chapter 6 sets.

    ``subjects`` are who the paragraph punishes, as many as its text names (2016 Art. 64(1):
    网络运营者、网络产品或者服务的提供者); ``item_subjects`` those of an item that concerns other
    actors than the paragraph as a whole (2025 Art. 71(1)(3): 关键信息基础设施的运营者).
    ``punishes`` are the provisions whose breach it punishes (as the paragraph cites them);
    ``conduct_of`` the earlier provisions of the same article whose conduct it takes up
    (有前款行为); ``item_punishes`` the provisions each listed item cites.
    """

    version: str
    provision: Provision
    subjects: tuple[str, ...]
    conduct: str
    punishes: tuple[Provision, ...]
    enforcer: str | None
    tiers: tuple[Tier, ...]
    conduct_of: tuple[Provision, ...] = ()
    item_punishes: dict[int, tuple[Provision, ...]] = field(default_factory=dict, hash=False)
    items: int = 0
    """How many items (项) the paragraph lists."""
    note: Note | None = None
    item_subjects: dict[int, tuple[str, ...]] = field(default_factory=dict, hash=False)

    @property
    def subject(self) -> str:
        """The first subject the paragraph names (the one a single-subject menu files it under)."""
        return self.subjects[0]

    def subjects_of(self, item: int | None = None) -> tuple[str, ...]:
        """Who the paragraph, or its item ``item``, punishes."""
        return self.item_subjects.get(item, self.subjects) if item is not None else self.subjects

    @property
    def id(self) -> str:
        """The provision id of the paragraph, e.g. ``art_59__para_1``."""
        return self.provision.id

    @property
    def article(self) -> int:
        """The article number."""
        return self.provision.article

    @property
    def paragraph(self) -> int:
        """The paragraph number."""
        return self.provision.paragraph or 1

    def citation(self, lang: str = "en") -> str:
        """``Article 59(1)`` / ``第五十九条第一款``; ``第六十条`` for a one-paragraph article."""
        return self.provision.citation(lang, self.version)

    @property
    def tier_ids(self) -> tuple[str, ...]:
        """The ids of the tiers this paragraph's own text has, in order."""
        return tuple(t.id for t in self.tiers)

    def tier(self, tier_id: str) -> Tier:
        """The tier ``tier_id``; ``ValueError`` names the tiers the rule has."""
        for t in self.tiers:
            if t.id == tier_id:
                return t
        raise ValueError(
            f"{self.citation()} of the {self.version} text has no tier {tier_id!r}; "
            f"its tiers: {', '.join(self.tier_ids)}"
        )

    @property
    def fined(self) -> bool:
        """Whether any tier fines anyone (through a borrowed tier too)."""
        return any(t.fine or t.person_fine or t.borrows or t.persons_as for t in self.tiers)


VOCAB_FILE = "penalties/vocabulary.yaml"
VOCAB_KINDS = ("order", "penalty", "people", "other_law")


@cache
def vocabulary() -> dict[str, dict[str, Vocab]]:
    """``data/penalties/vocabulary.yaml``: tiers, persons, enforcers, subjects and measures."""
    raw = read_yaml(VOCAB_FILE)
    require(raw, {"tiers", "persons", "enforcers", "subjects", "measures"}, VOCAB_FILE)
    out: dict[str, dict[str, Vocab]] = {}
    for group, entries in raw.items():
        out[group] = {}
        for i, entry in enumerate(entries):
            where = f"{VOCAB_FILE}, {group}[{i}]"
            measure = group == "measures"
            keys = {"id", "zh", "en"} | ({"kind"} if measure else set())
            require(entry, keys, where, {"administrative_penalty"} if measure else set())
            if measure and entry["kind"] not in VOCAB_KINDS:
                raise DataError(
                    f"{where}.kind: {entry['kind']!r} is not one of {', '.join(VOCAB_KINDS)}"
                )
            sanction = measure and entry["kind"] in ("penalty", "people")
            if entry.get("administrative_penalty", sanction) not in (sanction, False):
                raise DataError(f"{where}.administrative_penalty: only a penalty may be one")
            if entry["id"] in out[group]:
                raise DataError(f"{where}.id: {entry['id']!r} is listed twice")
            out[group][entry["id"]] = Vocab(
                entry["id"],
                entry["zh"],
                entry["en"],
                entry.get("kind"),
                entry.get("administrative_penalty", sanction),
            )
    if tuple(out["tiers"]) != TIERS:
        raise DataError(f"{VOCAB_FILE}, tiers: expected {', '.join(TIERS)} in that order")
    return out


def term(group: str, term_id: str) -> Vocab:
    """The vocabulary entry ``term_id`` of ``group``; ``ValueError`` lists the valid ids."""
    entries = vocabulary()[group]
    if term_id not in entries:
        raise ValueError(f"unknown {group} id {term_id!r}; valid: {', '.join(entries)}")
    return entries[term_id]
