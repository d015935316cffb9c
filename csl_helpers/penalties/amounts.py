"""Amounts in the Law's words: Chinese numerals for yuan, multiples and days.

Chapter 6 writes every figure in Chinese numerals (五千元, 十万元, 一倍以上十倍以下, 五日以下);
the rules in ``data/penalties/`` give the same figures as numbers, and the loader checks one
against the other with :func:`stated_range`. The other way, :func:`to_cn_amount` writes a
number as the Law would (五十万), and :func:`zh_figure` as Chinese prose writes money in
figures (50万, 5000): never 500,000 in a Chinese sentence.
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


def to_cn_amount(n: int) -> str:
    """``n`` in Chinese numerals as the Law writes amounts; the inverse of :func:`cn_amount`.

    >>> to_cn_amount(5000), to_cn_amount(500_000), to_cn_amount(2_000_000), to_cn_amount(10)
    ('五千', '五十万', '二百万', '十')
    >>> to_cn_amount(10_000_000), to_cn_amount(15), to_cn_amount(105_000)
    ('一千万', '十五', '十万五千')

    Raises:
        ValueError: if ``n`` is not a whole number from 1 to 99,999,999.
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n < 100_000_000:
        raise ValueError(f"amount out of range 1..99,999,999: {n!r}")
    high, low = divmod(n, 10_000)
    if not high:
        return _cn_below_wan(low, leading=True)
    out = _cn_below_wan(high, leading=True) + "万"
    if low:
        out += ("零" if low < 1000 else "") + _cn_below_wan(low, leading=False)
    return out


def _cn_below_wan(n: int, leading: bool) -> str:
    """1 to 9999 in numerals; ``leading``: at the start, where 一十 is written 十."""
    digits = "零一二三四五六七八九"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero and out:
                out += "零"
            if not (d == 1 and unit == "十" and not out and leading):
                out += digits[d]
            out += unit
            zero = False
        elif out:
            zero = True
    return out


def zh_figure(n: int) -> str:
    """``n`` as Chinese prose writes an amount in figures: 万 for ten thousands, no commas.

    >>> zh_figure(5000), zh_figure(10_000), zh_figure(500_000), zh_figure(2_000_000)
    ('5000', '1万', '50万', '200万')
    >>> zh_figure(15_000), zh_figure(123_456), zh_figure(300_000_000)
    ('1.5万', '123456', '3亿')
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"amount must be a whole number of at least 0, not {n!r}")
    for unit, name in ((100_000_000, "亿"), (10_000, "万")):
        if n >= unit:
            whole, rest = divmod(n, unit)
            if not rest:
                return f"{whole}{name}"
            if (rest * 10) % unit == 0:  # one decimal place: 1.5万
                return f"{whole}.{rest * 10 // unit}{name}"
    return str(n)


def figure(n: int, lang: str = "en") -> str:
    """An amount of yuan for a sentence in ``lang``: ``1,000,000`` or ``100万``.

    >>> figure(1_000_000), figure(1_000_000, "zh")
    ('1,000,000', '100万')
    """
    return zh_figure(n) if lang == "zh" else f"{n:,}"
