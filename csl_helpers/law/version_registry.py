"""The versions of the Law (``data/versions.yaml``): their dates, their texts and their shape.

Every module of the law layer that asks which versions there are, which one was in force on
a day, or how many paragraphs an article of a version has, asks here. Nothing here builds the
Law's values: :func:`csl_helpers.law.load.load_law` does, from what this module reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from csl_helpers.law.data import DataError, read_text, read_yaml, require
from csl_helpers.law.parsing import ParsedText, parse_text
from csl_helpers.translation import N_, WordedValueError


@dataclass(frozen=True)
class Source:
    """Where one text of a version comes from (see ``data/README.md``)."""

    lang: str
    file: str
    descriptions: dict[str, str] = field(hash=False, compare=True)
    """The project's account of where the text comes from, in ``zh`` and in ``en``."""
    authoritative: bool
    own_translations: str | None = None
    """The file listing the articles the project translated itself, where there are any."""

    def description(self, lang: str = "en") -> str:
        """Where the text comes from, in ``lang`` (``"zh"`` or ``"en"``).

        >>> versions()[0].sources[0].description("zh")[:14]
        '2016年11月7日第十二届'
        """
        return self.descriptions[lang]


@dataclass(frozen=True)
class Version:
    """A dated version of the Law.

    ``in_force_until`` is the last day it was in force, ``None`` while it is current.
    """

    id: str
    adopted: date
    in_force_from: date
    in_force_until: date | None
    article_count: int
    liability_chapter: int
    titles: dict[str, str] = field(hash=False, compare=True)
    sources: tuple[Source, ...] = ()
    amended_by: str | None = None
    """The file in ``data/`` of the Decision that made this version, ``None`` for the first."""

    def in_force_on(self, day: date) -> bool:
        """Whether this version was the law in force on ``day``."""
        return self.in_force_from <= day and (
            self.in_force_until is None or day <= self.in_force_until
        )


@cache
def versions() -> tuple[Version, ...]:
    """The dated versions of the Law, oldest first (``data/versions.yaml``)."""
    out = []
    for i, entry in enumerate(read_yaml("versions.yaml")["versions"]):
        where = f"versions.yaml, versions[{i}]"
        require(
            entry,
            {
                "id",
                "titles",
                "adopted",
                "in_force_from",
                "in_force_until",
                "article_count",
                "liability_chapter",
                "texts",
            },
            where,
            {"amended_by"},
        )
        sources = []
        for j, text in enumerate(entry["texts"]):
            keys = {"lang", "file", "authoritative", "description"}
            require(text, keys, f"{where}.texts[{j}]", {"own_translations"})
            sources.append(
                Source(
                    text["lang"],
                    text["file"],
                    _descriptions(text["description"], f"{where}.texts[{j}].description"),
                    text["authoritative"],
                    text.get("own_translations"),
                )
            )
        out.append(
            Version(
                id=str(entry["id"]),
                adopted=entry["adopted"],
                in_force_from=entry["in_force_from"],
                in_force_until=entry["in_force_until"],
                article_count=entry["article_count"],
                liability_chapter=entry["liability_chapter"],
                titles=dict(entry["titles"]),
                sources=tuple(sources),
                amended_by=entry.get("amended_by"),
            )
        )
    return tuple(out)


def _descriptions(raw: object, where: str) -> dict[str, str]:
    """A source's description in both languages, its lines joined as YAML folds them.

    Raises:
        DataError: naming ``where`` if a language is missing or both say the same.
    """
    require(raw, {"zh", "en"}, where)  # type: ignore[arg-type]
    out = {lang: " ".join(str(raw[lang]).split()) for lang in ("zh", "en")}  # type: ignore[index]
    if not all(out.values()) or out["zh"] == out["en"]:
        raise DataError(f"{where}: the description needs its own text in zh and in en")
    return out


def version_ids() -> tuple[str, ...]:
    """The ids of the versions, oldest first: ``("2016", "2025")``."""
    return tuple(v.id for v in versions())


def version_before(version: str) -> Version | None:
    """The version the Law had before ``version`` (``None`` for the first).

    >>> version_before(version_ids()[-1]).id == version_ids()[-2]
    True
    """
    ids = version_ids()
    index = ids.index(version_info(version).id)
    return versions()[index - 1] if index else None


def version_after(version: str) -> Version | None:
    """The version that replaced ``version`` (``None`` for the latest)."""
    ids = version_ids()
    index = ids.index(version_info(version).id)
    return versions()[index + 1] if index + 1 < len(ids) else None


def other_version(version: str) -> Version:
    """The version ``version`` is compared with: the one after it, else the one before it.

    A checklist or a side-by-side view shows each provision in the chosen version and in this
    one.

    Raises:
        ValueError: for an unknown version.
        LookupError: if the Law has only the one version.

    >>> [(v, other_version(v).id) for v in version_ids()]
    [('2016', '2025'), ('2025', '2016')]
    """
    other = version_after(version) or version_before(version)
    if other is None:
        raise LookupError(f"the Law has no version other than {version!r} to compare with")
    return other


def successive_versions() -> tuple[tuple[Version, Version], ...]:
    """Each version with the one that replaced it, oldest pair first."""
    every = versions()
    return tuple(zip(every, every[1:], strict=False))


def version_info(version: str) -> Version:
    """The :class:`Version` with id ``version``; ``ValueError`` names the valid ids."""
    for v in versions():
        if v.id == version:
            return v
    valid = tuple(map(repr, version_ids()))
    said = N_("unknown version {version}; valid versions: {valid}")
    raise WordedValueError(said, version=repr(version), valid=valid)


def version_on(day: date) -> Version:
    """The version in force on ``day``: the latest whose in-force date is on or before it.

    Raises:
        ValueError: if ``day`` is before the Law first came into force (2017-06-01).
    """
    if not isinstance(day, date):
        raise TypeError(f"expected a datetime.date, not {day!r}")
    for v in versions():
        if v.in_force_on(day):
            return v
    first = versions()[0].in_force_from
    raise ValueError(
        f"no version of the Law was in force on {day.isoformat()}; "
        f"the Law is in force from {first.isoformat()}"
    )


@cache
def parsed_text(version: str, lang: str) -> ParsedText:
    """The text of ``version`` in ``lang`` (``"zh"`` or ``"en"``), parsed but not yet paired."""
    file = next(s.file for s in version_info(version).sources if s.lang == lang)
    return parse_text(read_text(file), lang, file)


@cache
def _paragraph_counts(version: str) -> dict[int, int]:
    return {a.number: len(a.paragraphs) for a in parsed_text(version, "zh").articles}


def sole_paragraph(version: str, article: int) -> bool:
    """Whether ``article`` of the ``version`` text has a single paragraph (the Chinese text's).

    >>> sole_paragraph("2016", 60), sole_paragraph("2016", 59), sole_paragraph("2016", 99)
    (True, False, False)
    """
    return _paragraph_counts(version).get(article) == 1
