"""The files of ``data/`` as read, and the error a broken one raises.

The ground of the law layer: every module that reads a data file reads it here, and checks
its entries with :func:`require`. It imports nothing else of the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class DataError(ValueError):
    """A file in ``data/`` that breaks the project's data rules."""


def data_dir() -> Path:
    """The ``data/`` folder: inside an installed package, or beside the source tree."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "data"
    return installed if (installed / "versions.yaml").is_file() else package.parent / "data"


def read_text(name: str) -> str:
    """The text of ``data/<name>``."""
    return (data_dir() / name).read_text(encoding="utf-8")


@cache
def read_yaml(name: str) -> Any:
    """The parsed YAML file ``data/<name>`` (cached; treat the result as read-only)."""
    return yaml.load(read_text(name), Loader=_Loader)


def require(
    entry: dict[str, Any],
    keys: set[str],
    where: str,
    optional: frozenset[str] | set[str] = frozenset(),
) -> None:
    """Check that ``entry`` has exactly ``keys`` (plus any of ``optional``).

    Raises:
        DataError: naming ``where`` and the unknown or missing field.

    >>> require({"id": 1, "colour": 2}, {"id"}, "x.yaml, rows[0]")
    Traceback (most recent call last):
    ...
    csl_helpers.law.data.DataError: x.yaml, rows[0]: unknown field 'colour'; valid fields: id
    """
    if not isinstance(entry, dict):
        raise DataError(f"{where}: expected a mapping, got {entry!r}")
    unknown = set(entry) - keys - optional
    missing = keys - set(entry)
    if unknown:
        raise DataError(
            f"{where}: unknown field {sorted(unknown)[0]!r}; "
            f"valid fields: {', '.join(sorted(keys | optional))}"
        )
    if missing:
        raise DataError(f"{where}: missing field {sorted(missing)[0]!r}")
