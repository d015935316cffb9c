"""The Administrative Penalty Law (行政处罚法) as the suite uses it, read from data.

``data/penalties/administrative-penalty-law.yaml`` holds the provisions that decide how a
penalty of the Cybersecurity Law is applied (Arts. 29, 32, 33, 36 and 37, Chinese with the
project's English), the day the revised law came into force, the limitation periods of Art. 36,
the rules on a lighter, reduced or no penalty an authority has to examine, Art. 29 on one act
under several norms, and the other laws a referral of the Cybersecurity Law may lead to. Every
figure and quotation is checked against the Chinese of those provisions on load; a broken entry
raises :class:`~csl_helpers.law.data.DataError` naming the file, the entry and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.model import Bilingual, Provision, check_lang
from csl_helpers.law.numerals import to_cn
from csl_helpers.penalties.amounts import stated_count

APL_FILE = "penalties/administrative-penalty-law.yaml"


@dataclass(frozen=True)
class AplProvision(Bilingual):
    """A provision of the Administrative Penalty Law: Chinese (governing), unofficial English."""

    provision: Provision
    zh: str
    en: str

    def citation(self, lang: str = "en") -> str:
        """``Administrative Penalty Law, Article 37(1)`` / ``《行政处罚法》第三十七条第一款``."""
        return apl_citation(self.provision, lang)


def apl_citation(provision: Provision, lang: str = "en") -> str:
    """A provision of the Administrative Penalty Law cited in ``lang``.

    In Chinese a paragraph is not named where the file holds no other paragraph of its
    article (those articles have one paragraph, as tests/test_citations_zh.py checks against
    the text): 第三十二条第一项, as the Law cites the items of a one-paragraph article.

    >>> apl_citation(Provision(36)), apl_citation(Provision(32, 1, 1), "zh")
    ('Administrative Penalty Law, Article 36', '《行政处罚法》第三十二条第一项')
    """
    if check_lang(lang) == "en":
        return f"Administrative Penalty Law, {provision.citation('en')}"
    held = (q.provision for q in administrative_penalty_law().provisions.values())
    if provision.paragraph == 1 and not any(
        p.article == provision.article and (p.paragraph or 1) > 1 for p in held
    ):
        item = f"第{to_cn(provision.item)}项" if provision.item else ""
        return f"《行政处罚法》{Provision(provision.article).citation('zh')}{item}"
    return f"《行政处罚法》{provision.citation('zh')}"


@dataclass(frozen=True)
class Period:
    """A limitation period of Art. 36 in the Law's words: ``years`` is what ``wording`` states."""

    provision: Provision
    wording: str
    years: int


@dataclass(frozen=True)
class LimitationRule:
    """Art. 36: the period, the longer period for acts that harm life, health or finance."""

    period: Period
    extended: Period
    runs_from: Provision
    """The paragraph that says when the period starts (the act, or the end of a continuing one)."""

    @property
    def article(self) -> Provision:
        """The article that sets the limitation, e.g. ``Article 36``."""
        return Provision(self.period.provision.article)

    def years(self, life_health_or_finance_harmed: bool) -> int:
        """The years of the period that applies (Art. 36(1))."""
        return (self.extended if life_health_or_finance_harmed else self.period).years


@dataclass(frozen=True)
class MitigationRule:
    """A rule that could make a penalty lighter, reduced or none, with a plain-English gloss."""

    provision: AplProvision
    explanation: str


@dataclass(frozen=True)
class Mitigation:
    """The rules on a lighter, reduced or no penalty, and what to say of a clause citing them."""

    rules: tuple[MitigationRule, ...]
    pointed_to: str
    """The explanation given with a clause of the Cybersecurity Law that points to them."""


@dataclass(frozen=True)
class SeveralNorms:
    """Art. 29: one act that breaks several legal norms is fined once, under the higher fine."""

    provision: AplProvision
    heading: Bilingual
    """A heading of its own, in the words of the provision."""
    explanation: str


@dataclass(frozen=True)
class OtherLaw:
    """A law a referral of the Cybersecurity Law may lead to, with the day it came into force."""

    title: Bilingual
    short: Bilingual
    concerns: Bilingual
    """What the law governs, e.g. 个人信息 / personal information."""
    article: int
    """The article that penalises the conduct the referral covers."""
    in_force_from: date


@dataclass(frozen=True)
class AdministrativePenaltyLaw:
    """The whole file: title, in-force date, provisions by id, limitation and mitigation."""

    title: Bilingual
    provisions: dict[str, AplProvision]
    limitation: LimitationRule
    mitigation: Mitigation
    in_force_from: date
    """The day the revised law (and its five-year period of Art. 36) came into force."""
    several_norms: SeveralNorms
    other_laws: tuple[OtherLaw, ...]


@dataclass(frozen=True)
class _Title(Bilingual):
    zh: str
    en: str


@cache
def administrative_penalty_law() -> AdministrativePenaltyLaw:
    """``data/penalties/administrative-penalty-law.yaml``, checked against its Chinese text.

    Raises:
        DataError: naming the file, the entry and the field.
    """
    return read_administrative_penalty_law(read_yaml(APL_FILE))


def read_administrative_penalty_law(raw: Any) -> AdministrativePenaltyLaw:
    """The parsed contents of ``administrative-penalty-law.yaml``, checked.

    Raises:
        DataError: naming the file, the entry and the field.
    """
    require(
        raw,
        {
            "title",
            "in_force_from",
            "provisions",
            "limitation",
            "mitigation",
            "several_norms",
            "other_laws",
        },
        APL_FILE,
    )
    require(raw["title"], {"zh", "en"}, f"{APL_FILE}, title")
    provisions = {}
    for i, entry in enumerate(raw["provisions"]):
        where = f"{APL_FILE}, provisions[{i}]"
        require(entry, {"id", "zh", "en"}, where)
        p = _provision(entry["id"], f"{where}.id")
        provisions[p.id] = AplProvision(p, entry["zh"], " ".join(entry["en"].split()))
    return AdministrativePenaltyLaw(
        title=_Title(raw["title"]["zh"], raw["title"]["en"]),
        provisions=provisions,
        limitation=_limitation(raw["limitation"], provisions),
        mitigation=_mitigation(raw["mitigation"], provisions),
        in_force_from=_day(raw["in_force_from"], f"{APL_FILE}, in_force_from"),
        several_norms=_several_norms(raw["several_norms"], provisions),
        other_laws=tuple(
            _other_law(e, f"{APL_FILE}, other_laws[{i}]") for i, e in enumerate(raw["other_laws"])
        ),
    )


def apl() -> dict[str, AplProvision]:
    """The provisions of the Administrative Penalty Law the suite uses, by provision id."""
    return administrative_penalty_law().provisions


def _provision(value: Any, where: str) -> Provision:
    try:
        return Provision.parse(str(value))
    except ValueError as exc:
        raise DataError(f"{where}: {exc}") from None


def _quoted(value: Any, provisions: dict[str, AplProvision], where: str) -> AplProvision:
    p = _provision(value, where)
    if p.id not in provisions:
        raise DataError(f"{where}: {p.id} is not among the provisions of {APL_FILE}")
    return provisions[p.id]


def _period(entry: Any, provisions: dict[str, AplProvision], where: str) -> Period:
    require(entry, {"provision", "wording", "years"}, where)
    quoted = _quoted(entry["provision"], provisions, f"{where}.provision")
    wording, years = entry["wording"], entry["years"]
    if not isinstance(wording, str) or not wording or wording not in quoted.zh:
        raise DataError(f"{where}.wording: {wording!r} does not occur in {quoted.provision.id}")
    if isinstance(years, bool) or not isinstance(years, int):
        raise DataError(f"{where}.years: expected a whole number, got {years!r}")
    try:
        stated = stated_count(wording, "年")
    except ValueError as exc:
        raise DataError(f"{where}.wording: {exc}") from None
    if stated != years:
        raise DataError(f"{where}.years: {years}, but {wording!r} states {stated}")
    return Period(quoted.provision, wording, years)


def _limitation(entry: Any, provisions: dict[str, AplProvision]) -> LimitationRule:
    where = f"{APL_FILE}, limitation"
    require(entry, {"period", "extended", "runs_from"}, where)
    period = _period(entry["period"], provisions, f"{where}.period")
    extended = _period(entry["extended"], provisions, f"{where}.extended")
    if extended.years <= period.years:
        raise DataError(f"{where}.extended.years: must be longer than the period")
    runs_from = _quoted(entry["runs_from"], provisions, f"{where}.runs_from").provision
    return LimitationRule(period, extended, runs_from)


def _mitigation(entry: Any, provisions: dict[str, AplProvision]) -> Mitigation:
    where = f"{APL_FILE}, mitigation"
    require(entry, {"rules", "pointed_to"}, where)
    rules = []
    for i, rule in enumerate(entry["rules"]):
        rw = f"{where}.rules[{i}]"
        require(rule, {"provision", "explanation"}, rw)
        explanation = rule["explanation"]
        if not isinstance(explanation, str) or not explanation.strip():
            raise DataError(f"{rw}.explanation: expected a sentence, got {explanation!r}")
        quoted = _quoted(rule["provision"], provisions, f"{rw}.provision")
        rules.append(MitigationRule(quoted, " ".join(explanation.split())))
    pointed_to = entry["pointed_to"]
    if not isinstance(pointed_to, str) or not pointed_to.strip():
        raise DataError(f"{where}.pointed_to: expected a sentence, got {pointed_to!r}")
    return Mitigation(tuple(rules), " ".join(pointed_to.split()))


def _day(value: Any, where: str) -> date:
    if not isinstance(value, date):
        raise DataError(f"{where}: expected a date (YYYY-MM-DD), got {value!r}")
    return value


def _bilingual(entry: Any, where: str) -> _Title:
    require(entry, {"zh", "en"}, where)
    for lang in ("zh", "en"):
        if not isinstance(entry[lang], str) or not entry[lang].strip():
            raise DataError(f"{where}.{lang}: expected words, got {entry[lang]!r}")
    return _Title(entry["zh"], " ".join(entry["en"].split()))


def _several_norms(entry: Any, provisions: dict[str, AplProvision]) -> SeveralNorms:
    where = f"{APL_FILE}, several_norms"
    require(entry, {"provision", "heading", "explanation"}, where)
    quoted = _quoted(entry["provision"], provisions, f"{where}.provision")
    heading = _bilingual(entry["heading"], f"{where}.heading")
    if heading.zh not in quoted.zh:
        raise DataError(
            f"{where}.heading.zh: {heading.zh!r} does not occur in {quoted.provision.id}"
        )
    explanation = entry["explanation"]
    if not isinstance(explanation, str) or not explanation.strip():
        raise DataError(f"{where}.explanation: expected a sentence, got {explanation!r}")
    return SeveralNorms(quoted, heading, " ".join(explanation.split()))


def _other_law(entry: Any, where: str) -> OtherLaw:
    require(entry, {"title", "short", "concerns", "article", "in_force_from", "source"}, where)
    article = entry["article"]
    if isinstance(article, bool) or not isinstance(article, int) or article < 1:
        raise DataError(f"{where}.article: expected an article number, got {article!r}")
    return OtherLaw(
        title=_bilingual(entry["title"], f"{where}.title"),
        short=_bilingual(entry["short"], f"{where}.short"),
        concerns=_bilingual(entry["concerns"], f"{where}.concerns"),
        article=article,
        in_force_from=_day(entry["in_force_from"], f"{where}.in_force_from"),
    )
