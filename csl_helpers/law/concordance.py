"""Which provision of one version is which in the other (``data/concordance.yaml``).

The concordance is derived data, not an official table; ``data/concordance.yaml`` says where
it comes from, and the tests check it against the amendment Decision. It reads the rows only:
the loader takes from them where each article's English comes from, and
:mod:`csl_helpers.law.diff` shows a provision beside its counterparts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.version_registry import Version, successive_versions, version_info

CHANGES = (
    "unchanged",
    "renumbered",
    "citations_renumbered",
    "amended",
    "added",
    "merged_amended",
    "split_items_renumbered",
)
"""The kinds of change a concordance row records."""


@dataclass(frozen=True)
class SourcePart:
    """The part of a 2016 article that a 2025 article continues."""

    article: int
    paragraph: int | None = None
    items: tuple[int, ...] = ()
    main: bool = False
    """For a 2016 article split in two, marks the 2025 article that keeps its opening words."""


@dataclass(frozen=True)
class ConcordanceRow:
    """One 2025 article and the 2016 provisions it continues."""

    article_2025: int
    from_2016: tuple[SourcePart, ...]
    change: str
    change_zh: str
    decision_item: int | None


@cache
def concordance_versions() -> tuple[Version, Version]:
    """The two successive versions ``data/concordance.yaml`` relates, the earlier first.

    Its rows name them in their fields: ``article_<later id>`` and ``from_<earlier id>``.

    >>> [v.id for v in concordance_versions()]
    ['2016', '2025']

    Raises:
        DataError: if no two successive versions in ``data/versions.yaml`` match the fields.
    """
    first = read_yaml("concordance.yaml")["rows"][0]
    for old, new in successive_versions():
        if f"article_{new.id}" in first and f"from_{old.id}" in first:
            return old, new
    raise DataError(
        f"concordance.yaml, rows[0]: fields {', '.join(sorted(first))} name no two successive "
        "versions of versions.yaml (expected article_<later id> and from_<earlier id>)"
    )


@cache
def concordance_rows() -> tuple[ConcordanceRow, ...]:
    """All rows of ``data/concordance.yaml``, one per article of the later version, validated."""
    old, new = (v.id for v in concordance_versions())
    article_key, from_key = f"article_{new}", f"from_{old}"
    rows = []
    for i, entry in enumerate(read_yaml("concordance.yaml")["rows"]):
        where = f"concordance.yaml, rows[{i}]"
        require(entry, {article_key, from_key, "change", "change_zh"}, where, {"decision_item"})
        if entry["change"] not in CHANGES:
            raise DataError(
                f"{where}: change {entry['change']!r} is not one of {', '.join(CHANGES)}"
            )
        parts = []
        for j, part in enumerate(entry[from_key]):
            require(part, {"article"}, f"{where}.{from_key}[{j}]", {"paragraph", "items", "main"})
            parts.append(
                SourcePart(
                    part["article"],
                    part.get("paragraph"),
                    tuple(part.get("items", ())),
                    part.get("main", False),
                )
            )
        rows.append(
            ConcordanceRow(
                entry[article_key],
                tuple(parts),
                entry["change"],
                entry["change_zh"],
                entry.get("decision_item"),
            )
        )
    if [r.article_2025 for r in rows] != list(range(1, len(rows) + 1)):
        raise DataError(f"concordance.yaml: rows must list {new} Articles 1, 2, 3… in order")
    return tuple(rows)


def is_later(from_version: str, to_version: str) -> bool:
    """Whether ``from_version`` is the later of the two versions the concordance relates.

    Raises:
        ValueError: for an unknown version, or two versions the concordance does not relate.
    """
    version_info(from_version)
    version_info(to_version)
    ids = [v.id for v in concordance_versions()]
    if {from_version, to_version} != set(ids):
        raise ValueError(
            f"the concordance relates the {ids[0]} and {ids[1]} texts, "
            f"not {from_version!r} and {to_version!r}"
        )
    return from_version == ids[1]


def _check(n: int, version: str) -> None:
    count = version_info(version).article_count
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= count:
        raise LookupError(f"the {version} text has Articles 1 to {count}, not {n!r}")


def counterparts(n: int, from_version: str, to_version: str) -> tuple[int, ...]:
    """Every article of ``to_version`` that continues (part of) article ``n`` of ``from_version``.

    >>> counterparts(69, "2016", "2025"), counterparts(71, "2025", "2016")
    ((69, 70), (64, 66, 70))
    """
    version_info(from_version)
    version_info(to_version)
    _check(n, from_version)
    if from_version == to_version:
        return (n,)
    if is_later(from_version, to_version):
        return tuple(p.article for p in concordance_rows()[n - 1].from_2016)
    return tuple(
        r.article_2025 for r in concordance_rows() if any(p.article == n for p in r.from_2016)
    )


def concordance(n: int, from_version: str, to_version: str) -> int | None:
    """The number in ``to_version`` of article ``n`` of ``from_version``.

    ``None`` where the provision is new in 2025 (2025 Arts. 3, 20, 63, 73) or has no
    counterpart. Where several 2016 articles merged into one (2016 Arts. 64, 66, 70 into 2025
    Art. 71) each maps to it; a 2025 article made of several 2016 articles maps to the first.
    2016 Art. 69 was split: its item 1 joined 2025 Art. 69 and the rest became 2025 Art. 70,
    which is its number here (:func:`counterparts` gives both).

    Raises:
        ValueError: for an unknown version.
        LookupError: for an article the version lacks.

    >>> concordance(21, "2016", "2025"), concordance(63, "2025", "2016")
    (23, None)
    >>> concordance(69, "2016", "2025")
    70
    """
    found = counterparts(n, from_version, to_version)
    if len(found) <= 1 or from_version == to_version:
        return found[0] if found else None
    if is_later(from_version, to_version):
        return found[0]
    for row in concordance_rows():
        if any(p.article == n and (p.main or not p.items) for p in row.from_2016):
            return row.article_2025
    return found[0]  # pragma: no cover - concordance.yaml marks every split with `main`


def change_of(n_2025: int) -> ConcordanceRow:
    """The concordance row of 2025 article ``n_2025``: what it continues and how it changed.

    The article is numbered in the later version the concordance relates
    (:func:`concordance_versions`).
    """
    _check(n_2025, concordance_versions()[1].id)
    return concordance_rows()[n_2025 - 1]
