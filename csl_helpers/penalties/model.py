"""The penalty rules of Chapter 6 as data: ``data/penalties/*.yaml``, read and checked here.

Each rule is one paragraph (款) of Chapter 6 (2016 Arts. 59-75, 2025 Arts. 61-77), named by
its provision id, with its tiers in order (base, aggravated, serious, especially serious).
Everything written in the YAML files is checked against the Chinese text on load: quoted
wording must occur in the paragraph, amounts, multiples and days must be the ones that
wording states (以上 / 以下 are inclusive), "may" must match 可以, and the provisions a rule
punishes or borrows from must be the references :mod:`csl_helpers.references` extracts.
A file that breaks any of this raises :class:`~csl_helpers.load.DataError` naming the file,
the entry and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from csl_helpers.law.load import DataError, load_law, read_yaml, require, version_info
from csl_helpers.law.model import Bilingual, Provision, Reference, check_lang
from csl_helpers.law.text import Law

TIERS: tuple[str, ...] = ("base", "aggravated", "serious", "especially_serious")
"""Tier ids, least to most severe (``data/penalties/vocabulary.yaml``)."""
AMOUNTS: tuple[str, ...] = ("illegal_gains", "procurement_amount")
"""The amounts a fine can be a multiple of."""
CHAPTER = 6
"""The chapter of legal liability (法律责任) in both versions."""


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

    def label(self, unit: str = "yuan") -> str:
        """``10,000 to 100,000 yuan`` or ``up to 1,000,000 yuan`` (both ends included)."""
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
class Vocab:
    """An entry of ``data/penalties/vocabulary.yaml``: an id with its Chinese and English."""

    id: str
    zh: str
    en: str
    kind: str | None = None

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
    offender.
    """

    wording: str
    ids: tuple[str, ...]
    may: bool
    any_of: bool
    on: tuple[str, ...] = ()


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
    """What a clause sends to other laws instead of fixing a penalty of its own, in its words."""

    zh: str
    en: str
    note: str


@dataclass(frozen=True)
class Tier:
    """One tier of a rule: its trigger in the Law's words and what the Law attaches to it."""

    id: str
    trigger: Quote
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

    ``punishes`` are the provisions whose breach it punishes (as the paragraph cites them);
    ``conduct_of`` the earlier provisions of the same article whose conduct it takes up
    (有前款行为); ``item_punishes`` the provisions each listed item cites.
    """

    version: str
    provision: Provision
    subject: str
    conduct: str
    punishes: tuple[Provision, ...]
    enforcer: str | None
    tiers: tuple[Tier, ...]
    conduct_of: tuple[Provision, ...] = ()
    item_punishes: dict[int, tuple[Provision, ...]] = field(default_factory=dict, hash=False)
    items: int = 0
    """How many items (项) the paragraph lists."""
    note: str | None = None

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
        """``Article 59(1)`` / ``第五十九条第一款``."""
        return self.provision.citation(lang)

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


# --- reading amounts in the Law's words ---------------------------------------------------

_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUM = "[零一二三四五六七八九两十百千万]+"


def cn_amount(text: str) -> int:
    """A Chinese number as the Law writes amounts: 五千, 十万, 二百万, 一千万.

    >>> cn_amount("五千"), cn_amount("十万"), cn_amount("二百万"), cn_amount("一千万")
    (5000, 100000, 2000000, 10000000)
    """
    if not text or any(ch not in _DIGITS and ch not in _UNITS and ch != "万" for ch in text):
        raise ValueError(f"not a Chinese amount: {text!r}")
    if "万" in text:
        high, _, low = text.partition("万")
        return _below_wan(high) * 10_000 + (_below_wan(low) if low else 0)
    return _below_wan(text)


def _below_wan(text: str) -> int:
    total, digit = 0, None
    for ch in text:
        if ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch == "万":
            raise ValueError(f"not a Chinese amount: {text!r}")
        else:
            digit = _DIGITS[ch]
    return total + (digit or 0)


def stated_range(wording: str, unit: str) -> tuple[int | None, int]:
    """The inclusive range the wording states in ``unit`` (元, 倍 or 日).

    >>> stated_range("处一万元以上十万元以下罚款", "元"), stated_range("处五日以下拘留", "日")
    ((10000, 100000), (None, 5))
    """
    m = re.search(f"({_NUM}){unit}以上({_NUM}){unit}以下", wording)
    if m:
        return cn_amount(m.group(1)), cn_amount(m.group(2))
    m = re.search(f"({_NUM}){unit}以下", wording)
    if m:
        return None, cn_amount(m.group(1))
    raise ValueError(f"no range in {unit} in {wording!r}")


# --- the vocabulary ---------------------------------------------------------------------

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
            require(entry, {"id", "zh", "en"} | ({"kind"} if group == "measures" else set()), where)
            if group == "measures" and entry["kind"] not in VOCAB_KINDS:
                raise DataError(
                    f"{where}.kind: {entry['kind']!r} is not one of {', '.join(VOCAB_KINDS)}"
                )
            if entry["id"] in out[group]:
                raise DataError(f"{where}.id: {entry['id']!r} is listed twice")
            out[group][entry["id"]] = Vocab(
                entry["id"], entry["zh"], entry["en"], entry.get("kind")
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


# --- loading and checking the rules -------------------------------------------------------


def rules_file(version: str) -> str:
    """The file under ``data/`` that holds the penalty rules of ``version``."""
    return f"penalties/csl-{version}.yaml"


@cache
def penalty_rules(version: str) -> tuple[Rule, ...]:
    """Every penalty rule of Chapter 6 of ``version``, in text order, checked against the text.

    Raises:
        ValueError: for an unknown version.
        DataError: naming file, entry and field, for anything the text does not bear out.
    """
    version_info(version)
    law = load_law(version)
    name = rules_file(version)
    raw = read_yaml(name)
    require(raw, {"version", "rules"}, name)
    if str(raw["version"]) != version:
        raise DataError(f"{name}, version: {raw['version']!r} is not {version!r}")
    out = [_rule(law, entry, f"{name}, rules[{i}]") for i, entry in enumerate(raw["rules"])]
    _check_complete(law, out, name)
    by_id = {r.id: r for r in out}
    for rule in out:
        for tier in rule.tiers:
            for borrow, key in ((tier.borrows, "borrows"), (tier.persons_as, "persons_as")):
                if borrow is None:
                    continue
                where = f"{name}, {rule.id}, tier {tier.id}, {key}"
                target = by_id.get(borrow.rule.id)
                if target is None:
                    raise DataError(f"{where}.rule: {borrow.rule.id} is not a rule of {version}")
                if borrow.tier not in target.tier_ids:
                    raise DataError(
                        f"{where}.tier: {target.id} has no tier {borrow.tier!r} "
                        f"(its tiers: {', '.join(target.tier_ids)})"
                    )
    return tuple(out)


def _check_complete(law: Law, rules: list[Rule], name: str) -> None:
    """One rule per paragraph of Chapter 6, in text order."""
    want = [
        Provision(a.number, p.number).id
        for a in law.chapter(CHAPTER).articles
        for p in a.paragraphs
    ]
    have = [r.id for r in rules]
    if have != want:
        missing = [p for p in want if p not in have]
        extra = [p for p in have if p not in want]
        raise DataError(
            f"{name}: rules must be the paragraphs of Chapter {CHAPTER} in order; "
            f"missing {missing or 'none'}, not in Chapter {CHAPTER} {extra or 'none'}"
            + ("" if missing or extra else ", order differs")
        )


_RULE_KEYS = {"id", "subject", "conduct", "punishes", "enforcer", "tiers"}
_RULE_OPTIONAL = {"conduct_of", "item_punishes", "note"}
_TIER_KEYS = {"tier", "trigger"}
_TIER_OPTIONAL = {
    "measures",
    "fine",
    "person_fine",
    "detention",
    "persons_as",
    "borrows",
    "referral",
}


def _provision(value: Any, where: str) -> Provision:
    try:
        return Provision.parse(str(value))
    except ValueError as exc:
        raise DataError(f"{where}: {exc}") from None


def _text(law: Law, provision: Provision, lang: str, where: str) -> str:
    try:
        return law.text_of(provision, lang)
    except LookupError as exc:
        raise DataError(f"{where}: {provision.id} does not exist: {exc}") from None


def _norm(text: str) -> str:
    return " ".join(text.split())


def _quoted(wording: Any, text: str, where: str) -> str:
    if not isinstance(wording, str) or not wording:
        raise DataError(f"{where}: expected the Law's wording, got {wording!r}")
    if _norm(wording) not in _norm(text):
        raise DataError(f"{where}: {wording!r} does not occur in the text")
    return wording


def _may(entry: dict, wording: str, text: str, where: str) -> bool:
    may = entry.get("may", False)
    if not isinstance(may, bool):
        raise DataError(f"{where}.may: expected true or false, got {may!r}")
    says_may = "可以" in wording
    if entry.get("discretion"):
        _quoted(entry["discretion"], text, f"{where}.discretion")
        says_may = says_may or "可以" in entry["discretion"]
    if may != says_may:
        raise DataError(
            f"{where}.may: {may} but the wording {'says' if says_may else 'lacks'} 可以"
        )
    return may


def _persons(value: Any, wording: str, where: str) -> tuple[str, ...]:
    persons = tuple(value or ())
    for p in persons:
        if p not in vocabulary()["persons"]:
            raise DataError(
                f"{where}: unknown person {p!r}; valid: {', '.join(vocabulary()['persons'])}"
            )
    named = tuple(p for p, v in vocabulary()["persons"].items() if v.zh in wording)
    if persons != named:
        raise DataError(f"{where}: lists {list(persons)}, the wording names {list(named)}")
    return persons


def _range(entry: dict, wording: str, unit: str, where: str) -> Range:
    low, high = entry["low"], entry["high"]
    for key, value in (("low", low), ("high", high)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise DataError(f"{where}.{key}: expected a whole number, got {value!r}")
    if high is None:
        raise DataError(f"{where}.high: every range in Chapter {CHAPTER} has a maximum")
    try:
        stated = stated_range(wording, unit)
        result = Range(low, high)
    except ValueError as exc:
        raise DataError(f"{where}: {exc}") from None
    if (low, high) != stated:
        raise DataError(f"{where}: low/high {low}/{high}, but {wording!r} states {stated}")
    return result


def _fine(entry: Any, text: str, where: str) -> Fine:
    if "cases" in entry:
        require(entry, {"may", "cases"}, where, {"discretion"})
        may = _may(entry, "".join(c.get("wording", "") for c in entry["cases"]), text, where)
        cases = tuple(
            _case(c, text, f"{where}.cases[{j}]", split=True) for j, c in enumerate(entry["cases"])
        )
        ordered = sorted(cases, key=lambda c: c.gains_from)
        edge = 0
        for c in ordered:
            if c.gains_from != edge:
                raise DataError(f"{where}.cases: illegal gains from {edge} yuan are not covered")
            edge = c.gains_below if c.gains_below is not None else -1
        if edge != -1:
            raise DataError(f"{where}.cases: illegal gains from {edge} yuan are not covered")
        return Fine(may, cases, entry.get("discretion"))
    require(entry, {"wording", "may", "low", "high"}, where, {"discretion", "multiple_of"})
    return Fine(_may(entry, entry["wording"], text, where), (_case(entry, text, where),))


def _case(entry: Any, text: str, where: str, split: bool = False) -> FineCase:
    keys = {"wording", "low", "high", "gains_from"} if split else {"wording", "low", "high"}
    optional = {"multiple_of", "gains_below", "when"} if split else {"multiple_of", "may"}
    optional |= {"discretion"} if not split else set()
    require(entry, keys, where, optional)
    wording = _quoted(entry["wording"], text, f"{where}.wording")
    multiple_of = entry.get("multiple_of")
    if multiple_of is not None and multiple_of not in AMOUNTS:
        raise DataError(f"{where}.multiple_of: {multiple_of!r} is not one of {', '.join(AMOUNTS)}")
    rng = _range(entry, wording, "倍" if multiple_of else "元", where)
    if multiple_of and "违法所得" in wording and multiple_of != "illegal_gains":
        raise DataError(f"{where}.multiple_of: the wording is a multiple of the illegal gains")
    if multiple_of and "采购金额" in wording and multiple_of != "procurement_amount":
        raise DataError(f"{where}.multiple_of: the wording is a multiple of the procurement amount")
    if entry.get("when") is not None:
        _quoted(entry["when"], text, f"{where}.when")
    gains_from, gains_below = entry.get("gains_from", 0), entry.get("gains_below")
    for key, value in (("gains_from", gains_from), ("gains_below", gains_below)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise DataError(f"{where}.{key}: expected a whole number of yuan, got {value!r}")
    if gains_below is not None and gains_below <= gains_from:
        raise DataError(f"{where}: gains_below must be above gains_from")
    return FineCase(
        wording, rng.low, rng.high, multiple_of, gains_from, gains_below, entry.get("when")
    )


def _measures(entries: Any, text: str, where: str) -> tuple[MeasureSet, ...]:
    out = []
    for j, entry in enumerate(entries or ()):
        w = f"{where}.measures[{j}]"
        require(entry, {"wording", "ids"}, w, {"may", "falls_on"})
        wording = _quoted(entry["wording"], text, f"{w}.wording")
        ids = tuple(entry["ids"])
        for m in ids:
            measure = vocabulary()["measures"].get(m)
            if measure is None:
                raise DataError(
                    f"{w}.ids: unknown measure {m!r}; valid: {', '.join(vocabulary()['measures'])}"
                )
            if measure.zh not in wording:
                raise DataError(f"{w}.ids: {m} ({measure.zh}) is not in {wording!r}")
        any_of = len(ids) > 1 and "或者" in wording
        on = (
            _persons(entry.get("falls_on"), wording, f"{w}.falls_on")
            if entry.get("falls_on")
            else ()
        )
        out.append(MeasureSet(wording, ids, _may(entry, wording, text, w), any_of, on))
    return tuple(out)


def _borrow(entry: Any, text: str, where: str, persons: bool = False) -> Borrow:
    keys = {"wording", "rule", "tier"} | ({"persons"} if persons else set())
    require(entry, keys, where)
    wording = _quoted(entry["wording"], text, f"{where}.wording")
    if "规定处罚" not in wording:
        raise DataError(f"{where}.wording: a borrowed penalty reads 依照…规定处罚")
    who = _persons(entry["persons"], wording, f"{where}.persons") if persons else ()
    return Borrow(wording, _provision(entry["rule"], f"{where}.rule"), entry["tier"], who)


def _rule(law: Law, entry: Any, where: str) -> Rule:
    require(entry, _RULE_KEYS, where, _RULE_OPTIONAL)
    provision = _provision(entry["id"], f"{where}.id")
    where = f"{where} ({provision.id})"
    if provision.paragraph is None or provision.item is not None:
        raise DataError(f"{where}.id: a rule is set by a paragraph, e.g. art_59__para_1")
    zh = _text(law, provision, "zh", f"{where}.id")
    en = _text(law, provision, "en", f"{where}.id")
    article = law.article(provision.article)
    items = len(article.paragraph(provision.paragraph).items)
    for key, group in (("subject", "subjects"), ("enforcer", "enforcers")):
        value = entry[key]
        if value is None and key == "enforcer":
            continue
        if value not in vocabulary()[group]:
            raise DataError(
                f"{where}.{key}: unknown {key} {value!r}; valid: {', '.join(vocabulary()[group])}"
            )

    tiers: list[Tier] = []
    borrowed: set[str] = set()
    for j, t in enumerate(entry["tiers"]):
        tw = f"{where}.tiers[{j}]"
        require(t, _TIER_KEYS, tw, _TIER_OPTIONAL)
        if t["tier"] not in TIERS:
            raise DataError(f"{tw}.tier: {t['tier']!r} is not one of {', '.join(TIERS)}")
        tw = f"{where}, tier {t['tier']}"
        trig = t["trigger"]
        require(trig, {"zh", "en"}, f"{tw}.trigger", {"in"})
        at = _provision(trig["in"], f"{tw}.trigger.in") if "in" in trig else provision
        _quoted(trig["zh"], _text(law, at, "zh", f"{tw}.trigger.in"), f"{tw}.trigger.zh")
        _quoted(trig["en"], _text(law, at, "en", f"{tw}.trigger.in"), f"{tw}.trigger.en")
        tier = Tier(id=t["tier"], trigger=Quote(_norm(trig["zh"]), _norm(trig["en"]), at))
        if "measures" in t:
            tier = _replace(tier, measures=_measures(t["measures"], zh, tw))
        if "fine" in t:
            tier = _replace(tier, fine=_fine(t["fine"], zh, f"{tw}.fine"))
        if "person_fine" in t:
            pf, pw = t["person_fine"], f"{tw}.person_fine"
            require(pf, {"wording", "persons", "may", "low", "high"}, pw)
            wording = _quoted(pf["wording"], zh, f"{pw}.wording")
            tier = _replace(
                tier,
                person_fine=PersonFine(
                    wording,
                    _persons(pf["persons"], wording, f"{pw}.persons"),
                    _may(pf, wording, zh, pw),
                    _range(pf, wording, "元", pw),
                ),
            )
        if "detention" in t:
            d, dw = t["detention"], f"{tw}.detention"
            require(d, {"wording", "may", "low", "high"}, dw)
            wording = _quoted(d["wording"], zh, f"{dw}.wording")
            if "拘留" not in wording:
                raise DataError(f"{dw}.wording: detention reads …拘留")
            tier = _replace(
                tier,
                detention=Detention(
                    wording, _may(d, wording, zh, dw), _range(d, wording, "日", dw)
                ),
            )
        for key in ("borrows", "persons_as"):
            if key in t:
                b = _borrow(t[key], zh, f"{tw}.{key}", persons=key == "persons_as")
                tier = _replace(tier, **{key: b})
                borrowed.add(b.rule.id)
        if "referral" in t:
            r, rw = t["referral"], f"{tw}.referral"
            require(r, {"zh", "en", "note"}, rw)
            _quoted(r["zh"], zh, f"{rw}.zh")
            _quoted(r["en"], en, f"{rw}.en")
            tier = _replace(
                tier, referral=Referral(_norm(r["zh"]), _norm(r["en"]), _norm(r["note"]))
            )
        if tier.borrows and (tier.fine or tier.person_fine or tier.detention or tier.persons_as):
            raise DataError(
                f"{tw}: a tier that borrows another rule's penalty sets none of its own"
            )
        tiers.append(tier)
    ids = [t.id for t in tiers]
    if not ids or ids != sorted(set(ids), key=TIERS.index):
        raise DataError(f"{where}.tiers: {ids} are not distinct tiers in the order {TIERS}")

    punishes = tuple(_provision(p, f"{where}.punishes") for p in entry["punishes"])
    conduct_of = tuple(_provision(p, f"{where}.conduct_of") for p in entry.get("conduct_of", ()))
    item_punishes = {
        int(k): tuple(_provision(p, f"{where}.item_punishes") for p in v)
        for k, v in (entry.get("item_punishes") or {}).items()
    }
    for p in (*punishes, *conduct_of, *(q for v in item_punishes.values() for q in v)):
        _text(law, p, "zh", f"{where}.punishes")
    _check_references(law, provision, punishes, conduct_of, item_punishes, borrowed, items, where)
    return Rule(
        version=law.version,
        provision=provision,
        subject=entry["subject"],
        conduct=_norm(entry["conduct"]),
        punishes=punishes,
        enforcer=entry["enforcer"],
        tiers=tuple(tiers),
        conduct_of=conduct_of,
        item_punishes=item_punishes,
        items=items,
        note=_norm(entry["note"]) if entry.get("note") else None,
    )


def _replace(tier: Tier, **changes: Any) -> Tier:
    from dataclasses import replace

    return replace(tier, **changes)


def _check_references(
    law: Law,
    here: Provision,
    punishes: tuple[Provision, ...],
    conduct_of: tuple[Provision, ...],
    item_punishes: dict[int, tuple[Provision, ...]],
    borrowed: set[str],
    items: int,
    where: str,
) -> None:
    """``punishes``, ``conduct_of`` and the borrowed rules must be what the text cites."""
    refs = [r for r in law.references(here.article) if r.source.paragraph == here.paragraph]

    def targets(rs: list[Reference], kind: str, same_article: bool) -> list[str]:
        out: list[str] = []
        for r in rs:
            if r.kind != kind or (r.target.article == here.article) != same_article:
                continue
            if kind == "cites" and not same_article and r.target.id in borrowed:
                continue
            if r.target.id not in out:
                out.append(r.target.id)
        return out

    own = [r for r in refs if r.source.item is None]
    checks = [
        ("punishes", [p.id for p in punishes], targets(own, "cites", False)),
        ("conduct_of", [p.id for p in conduct_of], targets(own, "cites", True)),
        (
            "borrows",
            sorted(borrowed),
            sorted(
                set(targets(own, "borrows_penalty", True) + targets(own, "borrows_penalty", False))
            ),
        ),
    ]
    for n in range(1, items + 1):
        from_item = [r for r in refs if r.source.item == n]
        checks.append(
            (
                f"item_punishes[{n}]",
                [p.id for p in item_punishes.get(n, ())],
                targets(from_item, "cites", False),
            )
        )
    if set(item_punishes) - set(range(1, items + 1)):
        raise DataError(f"{where}.item_punishes: {here.citation()} has {items} items")
    for key, have, want in checks:
        if have != want:
            raise DataError(f"{where}.{key}: {have}, but the text cites {want}")
