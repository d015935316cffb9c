"""Chinese numerals as the Law numbers its provisions: 第七十九条, 第二款, 第三项."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_VALUES = {ch: i for i, ch in enumerate(_DIGITS)} | {"两": 2}


def parse_cn(text: str) -> int:
    """Read a Chinese numeral from 1 to 999.

    >>> parse_cn("七十九"), parse_cn("十"), parse_cn("一百零三"), parse_cn("两")
    (79, 10, 103, 2)

    Raises:
        ValueError: if ``text`` is not a numeral of that form.
    """
    if not text or any(ch not in _VALUES and ch not in "十百" for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, digit = 0, None
    for ch in text:
        if ch == "百":
            total += (1 if digit is None else digit) * 100
            digit = None
        elif ch == "十":
            total += (1 if digit is None else digit) * 10
            digit = None
        else:
            digit = _VALUES[ch]
    total += digit or 0
    if not 1 <= total <= 999 or to_cn(total) != text.replace("两", "二"):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    return total


def to_cn(n: int) -> str:
    """Write ``n`` (1 to 999) the way the Law numbers its provisions.

    >>> to_cn(79), to_cn(10), to_cn(13), to_cn(103), to_cn(110)
    ('七十九', '十', '十三', '一百零三', '一百一十')
    """
    if not 1 <= n <= 999:
        raise ValueError(f"numeral out of range 1..999: {n}")
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if tens == 0 and units:
            return out + "零" + _DIGITS[units]
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if units:
        out += _DIGITS[units]
    return out
