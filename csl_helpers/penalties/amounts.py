"""Amounts in the Law's words: Chinese numerals for yuan, multiples and days.

Chapter 6 writes every figure in Chinese numerals (五千元, 十万元, 一倍以上十倍以下, 五日以下);
the rules in ``data/penalties/`` give the same figures as numbers, and the loader checks one
against the other with :func:`stated_range`.
"""

from __future__ import annotations

import re

_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL = "[零一二三四五六七八九两十百千万]+"
"""A run of the characters the Law writes amounts with (a regular expression)."""


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
    m = re.search(f"({NUMERAL}){unit}以上({NUMERAL}){unit}以下", wording)
    if m:
        return cn_amount(m.group(1)), cn_amount(m.group(2))
    m = re.search(f"({NUMERAL}){unit}以下", wording)
    if m:
        return None, cn_amount(m.group(1))
    raise ValueError(f"no range in {unit} in {wording!r}")


def stated_count(wording: str, unit: str) -> int:
    """The one number the wording states in ``unit``, e.g. the years of a limitation period.

    >>> stated_count("违法行为在二年内未被发现的", "年")
    2
    """
    found = re.findall(f"({NUMERAL}){unit}", wording)
    if len(found) != 1:
        raise ValueError(f"expected one number of {unit} in {wording!r}, found {len(found)}")
    return cn_amount(found[0])
