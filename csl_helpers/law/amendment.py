"""The Decision of 2025-10-28 that amended the Law, read item by item from the Chinese text.

``data/csl-2025/amendment-decision.zh.md`` (``amended_by`` of the 2025 version in
``data/versions.yaml``) holds the Decision; each item (一 to 十四) says
what it does to which 2016 article and which 2025 article results. The instructions are
parsed here so the concordance can be checked against them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from csl_helpers.law.concordance import concordance_versions
from csl_helpers.law.data import DataError, read_text
from csl_helpers.law.numerals import parse_cn

_CN = "[零一二三四五六七八九十百两]+"
_ITEM = re.compile(f"^({_CN})、(.*)")
_ADD = re.compile(f"增加一条，作为第({_CN})条")
_RENUMBER = re.compile(f"将第({_CN})条改为第({_CN})条")
_MERGE = re.compile(f"将((?:第{_CN}条(?:第{_CN}项)?、?)+)合并，作为第({_CN})条")
_PART = re.compile(f"第({_CN})条(?:第({_CN})项)?")


@dataclass(frozen=True)
class DecisionItem:
    """One numbered item of the Decision.

    ``from_2016`` lists the 2016 (article, item or ``None``) pairs it acts on (empty for an
    added article); ``article_2025`` is the number of the resulting 2025 article.
    """

    number: int
    text: str
    from_2016: tuple[tuple[int, int | None], ...]
    article_2025: int


def decision_file() -> str:
    """The file in ``data/`` of the Decision that made the later version the concordance relates.

    >>> decision_file()
    'csl-2025/amendment-decision.zh.md'

    Raises:
        DataError: if ``data/versions.yaml`` gives that version no ``amended_by``.
    """
    later = concordance_versions()[1]
    if later.amended_by is None:
        raise DataError(f"versions.yaml, version {later.id!r}: missing field 'amended_by'")
    return later.amended_by


@cache
def decision_items() -> tuple[DecisionItem, ...]:
    """The fourteen items of the Decision, in order.

    >>> item = decision_items()[10]
    >>> item.number, item.from_2016, item.article_2025
    (11, ((68, None), (69, 1)), 69)
    """
    name = decision_file()
    items: list[DecisionItem] = []
    lines = [ln for ln in read_text(name).split("\n") if ln.strip()]
    for line in lines:
        m = _ITEM.match(line)
        if not m:
            continue
        number, body = parse_cn(m.group(1)), m.group(2)
        if add := _ADD.match(body):
            items.append(DecisionItem(number, line, (), parse_cn(add.group(1))))
        elif ren := _RENUMBER.match(body):
            old, new = parse_cn(ren.group(1)), parse_cn(ren.group(2))
            items.append(DecisionItem(number, line, ((old, None),), new))
        elif mer := _MERGE.match(body):
            parts = tuple(
                (parse_cn(a), parse_cn(i) if i else None) for a, i in _PART.findall(mer.group(1))
            )
            items.append(DecisionItem(number, line, parts, parse_cn(mer.group(2))))
        else:
            raise DataError(f"{name}: item {number} is not an instruction I can read")
    if [i.number for i in items] != list(range(1, len(items) + 1)):
        raise DataError(f"{name}: items are not numbered 一, 二, 三… in order")
    return tuple(items)
