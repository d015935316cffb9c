"""Build one version of the Law from ``data/``, checking it on the way; everything is cached.

The texts are read and the versions registered below this module
(:mod:`csl_helpers.law.data`, :mod:`csl_helpers.law.version_registry`); here the Chinese and the
English are paired, the references resolved and the translator's notes attached. Errors in a
data file raise :class:`~csl_helpers.law.data.DataError`, naming the file, the entry and the field.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from csl_helpers.law.citations import extract_references
from csl_helpers.law.concordance import concordance_rows
from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.model import (
    Article,
    Chapter,
    Item,
    Paragraph,
    Provision,
    Section,
    TranslatorNote,
)
from csl_helpers.law.parsing import ParsedText, check_same_shape
from csl_helpers.law.text import Law
from csl_helpers.law.version_registry import (
    parsed_text,
    version_before,
    version_ids,
    version_info,
    version_on,
)


def load_law(version: str | None = None, *, on: date | None = None) -> Law:
    """Load one version of the Law.

    Args:
        version: ``"2016"`` or ``"2025"``.
        on: a date; the version in force that day is loaded. Give ``version`` or ``on``, not
            both; with neither, the version in force today is loaded.

    Raises:
        ValueError: for an unknown version, a date before 2017-06-01, or both arguments.

    >>> load_law("2016").in_force_from, len(load_law("2025").articles)
    (datetime.date(2017, 6, 1), 81)
    >>> load_law(on=date(2025, 12, 31)).version
    '2016'
    """
    if version is not None and on is not None:
        raise ValueError("give either version or on, not both")
    if version is None:
        version = version_on(on if on is not None else date.today()).id
    if not isinstance(version, str):
        raise ValueError(
            f"version must be a string, one of {', '.join(map(repr, version_ids()))}; "
            f"got {version!r}"
        )
    version_info(version)
    return _load(version)


@cache
def _load(version: str) -> Law:
    info = version_info(version)
    files = {s.lang: s.file for s in info.sources}
    zh, en = parsed_text(version, "zh"), parsed_text(version, "en")
    check_same_shape(zh, en, files["en"])
    if len(zh.articles) != info.article_count:
        raise DataError(
            f"{files['zh']}: {len(zh.articles)} articles, versions.yaml says {info.article_count}"
        )
    notes = translator_notes(version)
    articles = _articles(version, zh, en, notes)
    chapters = _chapters(zh, en, articles)
    law = Law(
        info=info,
        titles={"zh": zh.title, "en": en.title},
        notes={"zh": zh.note, "en": en.note},
        chapters=chapters,
        references_all=extract_references(articles.values()),
    )
    for p, _ in notes:
        _resolve(law, p, "translator-notes.yaml")
    for ref in law.references_all:
        _resolve(law, ref.target, f"{files['zh']} (reference in {ref.source.citation()})")
    return law


def _articles(
    version: str,
    zh: ParsedText,
    en: ParsedText,
    notes: tuple[tuple[Provision, TranslatorNote], ...],
) -> dict[int, Article]:
    """The articles of ``version``, the Chinese and English paired paragraph by paragraph."""
    en_sources = _en_sources(version)
    articles: dict[int, Article] = {}
    for a_zh, a_en in zip(zh.articles, en.articles, strict=True):
        paragraphs = tuple(
            Paragraph(
                number=k,
                zh=p_zh.text,
                en=p_en.text,
                items=tuple(
                    Item(n, t_zh, t_en)
                    for (n, t_zh), (_, t_en) in zip(p_zh.items, p_en.items, strict=True)
                ),
            )
            for k, (p_zh, p_en) in enumerate(
                zip(a_zh.paragraphs, a_en.paragraphs, strict=True), start=1
            )
        )
        articles[a_zh.number] = Article(
            version=version,
            number=a_zh.number,
            chapter=a_zh.chapter,
            section=a_zh.section,
            paragraphs=paragraphs,
            en_source=en_sources[a_zh.number],
            notes=tuple(n for p, n in notes if p.article == a_zh.number),
        )
    return articles


def _chapters(zh: ParsedText, en: ParsedText, articles: dict[int, Article]) -> tuple[Chapter, ...]:
    """The chapters and their sections, each with its articles, titled in both languages."""
    chapters = []
    for number, title in zh.chapters.items():
        in_chapter = tuple(a for a in articles.values() if a.chapter == number)
        sections = tuple(
            Section(
                number=s,
                titles={"zh": zh.sections[(c, s)], "en": en.sections[(c, s)]},
                articles=tuple(a for a in in_chapter if a.section == s),
            )
            for (c, s) in zh.sections
            if c == number
        )
        chapters.append(
            Chapter(number, {"zh": title, "en": en.chapters[number]}, sections, in_chapter)
        )
    return tuple(chapters)


def resolve_provision(raw: Any, version: str, where: str) -> Provision:
    """A provision named in a data file (an id or a citation), checked to exist in ``version``.

    Raises:
        DataError: ``"<where>: <reason>"`` if it does not parse or the version lacks it.
    """
    try:
        provision = Provision.parse(str(raw))
        load_law(version).text_of(provision)
    except (ValueError, LookupError) as exc:
        raise DataError(f"{where}: {exc}") from None
    return provision


def _resolve(law: Law, provision: Provision, where: str) -> None:
    try:
        law.text_of(provision)
    except LookupError as exc:
        raise DataError(f"{where}: {provision.id} does not exist: {exc}") from None


def translator_notes(version: str) -> tuple[tuple[Provision, TranslatorNote], ...]:
    """The translator's notes on the English of ``version`` (``data/translator-notes.yaml``).

    Each is written in both languages (``note: {zh: …, en: …}``), and both must be there.
    """
    out = []
    for i, entry in enumerate(read_yaml("translator-notes.yaml")["notes"]):
        where = f"translator-notes.yaml, notes[{i}]"
        require(entry, {"version", "provision", "note"}, where)
        require(entry["note"], {"zh", "en"}, f"{where}.note")
        zh, en = (
            "".join(str(entry["note"]["zh"]).split()),
            " ".join(str(entry["note"]["en"]).split()),
        )
        if not zh or not en or zh == en:
            raise DataError(f"{where}.note: the note needs its own text in zh and in en")
        if str(entry["version"]) == version:
            out.append((Provision.parse(entry["provision"]), TranslatorNote(zh, en)))
    return tuple(out)


EN_2016 = "csl-2016-en"
"""``Article.en_source`` of English taken from the 2016 translation."""
EN_2016_RENUMBERED = "csl-2016-en-renumbered"
"""``Article.en_source`` of 2016 English whose cited article numbers were updated."""
EN_PROJECT = "project-translation"
"""``Article.en_source`` of the project's own, unofficial translation."""


def _en_sources(version: str) -> dict[int, str]:
    """Where each article's English comes from (an ``EN_*`` value per article number).

    The first version's English is all the original translation; a later version's is told
    apart with the concordance and the list of the project's own translations.
    """
    count = version_info(version).article_count
    if version_before(version) is None:
        return dict.fromkeys(range(1, count + 1), EN_2016)
    english = next(s for s in version_info(version).sources if s.lang == "en")
    own = english.own_translations
    translated = set(read_yaml(own)["articles"]) if own else set()
    out = {}
    for row in concordance_rows():
        n = row.article_2025
        if n in translated:
            out[n] = EN_PROJECT
        elif row.change == "citations_renumbered":
            out[n] = EN_2016_RENUMBERED
        else:
            out[n] = EN_2016
    return out
