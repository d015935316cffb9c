"""Readers of the fields of a penalty rule, each checked against the Chinese text.

Every reader takes the raw YAML entry, the text it must agree with and ``where`` (the file,
the entry and the field, for the :class:`~csl_helpers.law.data.DataError` it raises): quoted
wording must occur in the text, amounts, multiples and days must be the ones that wording
states (以上 / 以下 are inclusive), "may" must match 可以, persons and measures must be the
ones the wording names.
"""

from __future__ import annotations

import re
from typing import Any

from csl_helpers.law.data import DataError, require
from csl_helpers.law.model import Provision
from csl_helpers.law.text import Law
from csl_helpers.penalties.amounts import stated_range
from csl_helpers.penalties.model import (
    AMOUNTS,
    Borrow,
    Detention,
    Fine,
    FineCase,
    MeasureSet,
    Note,
    PersonFine,
    Range,
    Referral,
    TierName,
    vocabulary,
)

NAME_LENGTH = {"zh": 20, "en": 56}
"""The longest tier name a button takes, in characters, per language."""
OMITTED = "……"
"""What marks words of the Law left out of a tier's Chinese name."""


def provision_at(value: Any, where: str) -> Provision:
    """The provision ``value`` names; ``DataError`` at ``where`` if it names none."""
    try:
        return Provision.parse(str(value))
    except ValueError as exc:
        raise DataError(f"{where}: {exc}") from None


def text_at(law: Law, provision: Provision, lang: str, where: str) -> str:
    """The text of ``provision`` in ``lang``; ``DataError`` at ``where`` if it does not exist."""
    try:
        return law.text_of(provision, lang)
    except LookupError as exc:
        raise DataError(f"{where}: {provision.id} does not exist: {exc}") from None


def norm(text: str) -> str:
    """``text`` with runs of white space made one space."""
    return " ".join(text.split())


def quoted(wording: Any, text: str, where: str) -> str:
    """``wording``, checked to occur in ``text`` (white space aside)."""
    if not isinstance(wording, str) or not wording:
        raise DataError(f"{where}: expected the Law's wording, got {wording!r}")
    if norm(wording) not in norm(text):
        raise DataError(f"{where}: {wording!r} does not occur in the text")
    return wording


def may_of(entry: dict, wording: str, text: str, where: str) -> bool:
    """The entry's ``may``, checked against 可以 in its wording (or its discretion)."""
    may = entry.get("may", False)
    if not isinstance(may, bool):
        raise DataError(f"{where}.may: expected true or false, got {may!r}")
    says_may = "可以" in wording
    if entry.get("discretion"):
        quoted(entry["discretion"], text, f"{where}.discretion")
        says_may = says_may or "可以" in entry["discretion"]
    if may != says_may:
        raise DataError(
            f"{where}.may: {may} but the wording {'says' if says_may else 'lacks'} 可以"
        )
    return may


def persons_of(value: Any, wording: str, where: str) -> tuple[str, ...]:
    """The persons listed, checked to be the ones the wording names, in vocabulary order."""
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


def range_of(entry: dict, wording: str, unit: str, where: str) -> Range:
    """The entry's ``low``/``high``, checked against the range the wording states in ``unit``."""
    low, high = entry["low"], entry["high"]
    for key, value in (("low", low), ("high", high)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise DataError(f"{where}.{key}: expected a whole number, got {value!r}")
    if high is None:
        raise DataError(f"{where}.high: every range in the penalty rules has a maximum")
    try:
        stated = stated_range(wording, unit)
        result = Range(low, high)
    except ValueError as exc:
        raise DataError(f"{where}: {exc}") from None
    if (low, high) != stated:
        raise DataError(f"{where}: low/high {low}/{high}, but {wording!r} states {stated}")
    return result


def fine_of(entry: Any, text: str, where: str) -> Fine:
    """A fine: one case, or several split on the illegal gains that must cover every amount."""
    if "cases" in entry:
        require(entry, {"may", "cases"}, where, {"discretion"})
        may = may_of(entry, "".join(c.get("wording", "") for c in entry["cases"]), text, where)
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
    return Fine(may_of(entry, entry["wording"], text, where), (_case(entry, text, where),))


def _case(entry: Any, text: str, where: str, split: bool = False) -> FineCase:
    keys = {"wording", "low", "high", "gains_from"} if split else {"wording", "low", "high"}
    optional = {"multiple_of", "gains_below", "when"} if split else {"multiple_of", "may"}
    optional |= {"discretion"} if not split else set()
    require(entry, keys, where, optional)
    wording = quoted(entry["wording"], text, f"{where}.wording")
    multiple_of = entry.get("multiple_of")
    if multiple_of is not None and multiple_of not in AMOUNTS:
        raise DataError(f"{where}.multiple_of: {multiple_of!r} is not one of {', '.join(AMOUNTS)}")
    rng = range_of(entry, wording, "倍" if multiple_of else "元", where)
    if multiple_of and "违法所得" in wording and multiple_of != "illegal_gains":
        raise DataError(f"{where}.multiple_of: the wording is a multiple of the illegal gains")
    if multiple_of and "采购金额" in wording and multiple_of != "procurement_amount":
        raise DataError(f"{where}.multiple_of: the wording is a multiple of the procurement amount")
    if entry.get("when") is not None:
        quoted(entry["when"], text, f"{where}.when")
    gains_from, gains_below = entry.get("gains_from", 0), entry.get("gains_below")
    for key, value in (("gains_from", gains_from), ("gains_below", gains_below)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise DataError(f"{where}.{key}: expected a whole number of yuan, got {value!r}")
    if gains_below is not None and gains_below <= gains_from:
        raise DataError(f"{where}: gains_below must be above gains_from")
    return FineCase(
        wording, rng.low, rng.high, multiple_of, gains_from, gains_below, entry.get("when")
    )


def measures_of(entries: Any, text: str, where: str) -> tuple[MeasureSet, ...]:
    """The measure sets of a tier, each id in the vocabulary and named by its wording."""
    out = []
    for j, entry in enumerate(entries or ()):
        w = f"{where}.measures[{j}]"
        require(entry, {"wording", "ids"}, w, {"may", "falls_on", "by"})
        wording = quoted(entry["wording"], text, f"{w}.wording")
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
            persons_of(entry.get("falls_on"), wording, f"{w}.falls_on")
            if entry.get("falls_on")
            else ()
        )
        by = _decided_by(entry.get("by"), wording, f"{w}.by")
        out.append(MeasureSet(wording, ids, may_of(entry, wording, text, w), any_of, on, by))
    return tuple(out)


def _decided_by(value: Any, wording: str, where: str) -> str | None:
    """The enforcer a measure's own wording names as deciding it, checked to be named there."""
    if value is None:
        return None
    enforcers = vocabulary()["enforcers"]
    if value not in enforcers:
        raise DataError(f"{where}: unknown enforcer {value!r}; valid: {', '.join(enforcers)}")
    if enforcers[value].zh not in wording:
        raise DataError(f"{where}: {value} ({enforcers[value].zh}) is not in {wording!r}")
    return value


def borrow_of(entry: Any, text: str, where: str, persons: bool = False) -> Borrow:
    """A borrowed penalty (依照…规定处罚) and, for ``persons_as``, the persons it falls on."""
    keys = {"wording", "rule", "tier"} | ({"persons"} if persons else set())
    require(entry, keys, where)
    wording = quoted(entry["wording"], text, f"{where}.wording")
    if "规定处罚" not in wording:
        raise DataError(f"{where}.wording: a borrowed penalty reads 依照…规定处罚")
    who = persons_of(entry["persons"], wording, f"{where}.persons") if persons else ()
    return Borrow(wording, provision_at(entry["rule"], f"{where}.rule"), entry["tier"], who)


def person_fine_of(entry: Any, text: str, where: str) -> PersonFine:
    """The fine on the people responsible in a unit, with the persons its wording names."""
    require(entry, {"wording", "persons", "may", "low", "high"}, where)
    wording = quoted(entry["wording"], text, f"{where}.wording")
    return PersonFine(
        wording,
        persons_of(entry["persons"], wording, f"{where}.persons"),
        may_of(entry, wording, text, where),
        range_of(entry, wording, "元", where),
    )


def detention_of(entry: Any, text: str, where: str) -> Detention:
    """Administrative detention (…拘留), its days checked against the wording."""
    require(entry, {"wording", "may", "low", "high"}, where)
    wording = quoted(entry["wording"], text, f"{where}.wording")
    if "拘留" not in wording:
        raise DataError(f"{where}.wording: detention reads …拘留")
    return Detention(
        wording, may_of(entry, wording, text, where), range_of(entry, wording, "日", where)
    )


_HAN = re.compile("[\u4e00-\u9fff]")
RESERVATION = "另有规定的，依照其规定"
"""The words that reserve other laws rather than refer to them (2025 Art. 63)."""


def note_of(entry: Any, text: str, where: str) -> Note:
    """An explanatory note of the rules data: ``{zh: …, en: …}``, both written.

    The Chinese must be Chinese, and every phrase it quotes (“…”) must be words of ``text``,
    the Chinese of the paragraph the note is on; line breaks of the file are dropped, not made
    spaces.
    """
    require(entry, {"zh", "en"}, where)
    for lang in ("zh", "en"):
        if not isinstance(entry[lang], str) or not entry[lang].strip():
            raise DataError(f"{where}.{lang}: the note needs its text in {lang}")
    zh = "".join(entry["zh"].split())
    if not _HAN.search(zh):
        raise DataError(f"{where}.zh: the Chinese note is not in Chinese: {zh!r}")
    for phrase in re.findall("“([^”]+)”", zh):
        if phrase not in text:
            raise DataError(f"{where}.zh: “{phrase}” is not in the paragraph's Chinese text")
    return Note(zh, norm(entry["en"]))


def _flag(entry: dict, name: str, says: bool, what: str, where: str) -> bool:
    """The entry's true/false ``name``, which must be set exactly where the wording ``says``."""
    marked = entry.get(name, False)
    if not isinstance(marked, bool):
        raise DataError(f"{where}.{name}: expected true or false, got {marked!r}")
    if marked != says:
        raise DataError(
            f"{where}.{name}: {str(marked).lower()}, but the wording "
            f"{'names' if says else 'does not name'} {what}"
        )
    return marked


def referral_of(entry: Any, zh: str, en: str, trigger: str, apl_title: str, where: str) -> Referral:
    """What a clause sends to other laws, quoted in both languages, with its note.

    ``mitigation`` marks a clause that sends the penalty to the Administrative Penalty Law's
    rules on a lighter, reduced or no penalty (2025 Art. 73); it must be set exactly where the
    Chinese of the trigger or the referral names that law by its title ``apl_title``.
    ``reservation`` marks words that reserve other laws (法律、行政法规另有规定的，依照其规定)
    instead of referring to them; it must be set exactly where the Chinese says so.
    """
    require(entry, {"zh", "en", "note"}, where, {"mitigation", "reservation"})
    quoted(entry["zh"], zh, f"{where}.zh")
    quoted(entry["en"], en, f"{where}.en")
    names = apl_title in trigger + entry["zh"]
    marked = _flag(entry, "mitigation", names, f"《{apl_title}》", where)
    reserves = _flag(entry, "reservation", RESERVATION in entry["zh"], RESERVATION, where)
    note = note_of(entry["note"], zh, f"{where}.note")
    return Referral(norm(entry["zh"]), norm(entry["en"]), note, marked, reserves)


def tier_name_of(entry: Any, texts: dict[str, str], en_by: str, where: str) -> TierName:
    """A tier's short name, its Chinese checked to be words of one of ``texts``.

    ``texts`` maps each paragraph the tier may take its words from (its own, the one its
    trigger is quoted from, the one it borrows its penalty from) to that paragraph's Chinese.
    ``……`` in the name marks words left out: the parts it separates must occur in that order
    in one paragraph. The English is a plain rendering in the words of ``en_by``.

    Raises:
        DataError: ``where`` naming the field (``name.zh`` or ``name.en``) at fault.
    """
    require(entry, {"zh", "en"}, where)
    zh, en = entry["zh"], entry["en"]
    for lang, value in (("zh", zh), ("en", en)):
        if not isinstance(value, str) or not value.strip():
            raise DataError(f"{where}.{lang}: expected a short name, got {value!r}")
        if len(value) > NAME_LENGTH[lang]:
            raise DataError(
                f"{where}.{lang}: {value!r} is {len(value)} characters, more than a button "
                f"takes ({NAME_LENGTH[lang]})"
            )
    if re.search(r"[\u3400-\u9fff]", en):
        raise DataError(f"{where}.en: {en!r} is not English")
    parts = [p for p in re.split("…+", norm(zh)) if p]
    if not parts or re.search("…+", zh.replace(OMITTED, "")):
        raise DataError(f"{where}.zh: {zh!r}: mark words left out with {OMITTED} only")
    if not any(_in_order(parts, norm(text)) for text in texts.values()):
        raise DataError(
            f"{where}.zh: the words of {zh!r} do not occur in "
            f"{' or '.join(texts)} (the paragraph the tier comes from)"
        )
    return TierName(norm(zh), norm(en), en_by)


def _in_order(parts: list[str], text: str) -> bool:
    """Whether each of ``parts`` occurs in ``text``, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True
