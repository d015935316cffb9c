"""A page's address as parameters: a URL query read and checked, or written back.

Every dashboard puts its state in its page's address (``?version=2025&article=61``) and opens
what an address names; this is the one place a query is split into parameters and one is
built from them. Pure logic: no widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from urllib.parse import parse_qs, urlencode

from csl_helpers.translation import N_, WordedValueError


def parameters(query: str, keys: Iterable[str]) -> dict[str, str] | None:
    """The query's parameters, each given once and each one of ``keys``; ``None`` if empty.

    Raises:
        ValueError: naming an unknown or repeated parameter, and the valid ones.

    >>> parameters("version=2025&article=61", ("version", "article"))
    {'version': '2025', 'article': '61'}
    """
    keys = tuple(keys)
    params = parse_qs((query or "").lstrip("?"), keep_blank_values=True)
    if not params:
        return None
    unknown = sorted(set(params) - set(keys))
    if unknown:
        raise WordedValueError(
            N_("unknown parameter {key}; valid: {valid}"), key=repr(unknown[0]), valid=keys
        )
    for key, values in params.items():
        if len(values) != 1:
            raise WordedValueError(
                N_("parameter {key} is given {n} times; give it once"), key=repr(key), n=len(values)
            )
    return {k: v[0] for k, v in params.items()}


def query_of(params: Mapping[str, object]) -> str:
    """The query for ``params`` in their order, leaving out those that are ``None``.

    >>> query_of({"version": "2025", "article": 61, "item": None})
    'version=2025&article=61'
    """
    return urlencode({k: str(v) for k, v in params.items() if v is not None}, safe=",")


def whole_number(params: Mapping[str, str], key: str, valid: object) -> int | None:
    """Parameter ``key`` as a whole number (``None`` if not given).

    Raises:
        ValueError: naming ``key``, what was given and ``valid``.
    """
    if key not in params:
        return None
    if not params[key].isdigit():
        raise WordedValueError(
            N_("{key} must be a whole number; got {got}; valid: {valid}"),
            key=key,
            got=repr(params[key]),
            valid=valid,
        )
    return int(params[key])


def iso_date(params: Mapping[str, str], key: str) -> date | None:
    """Parameter ``key`` as a date written YYYY-MM-DD (``None`` if not given).

    Raises:
        ValueError: naming ``key`` and what was given.
    """
    if key not in params:
        return None
    try:
        return date.fromisoformat(params[key])
    except ValueError:
        raise WordedValueError(
            N_("{key} must be a date as YYYY-MM-DD; got {got}"), key=key, got=repr(params[key])
        ) from None
