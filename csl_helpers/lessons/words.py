"""The lessons' own wording in both languages, its quotations of the Law checked on load.

Every lesson record (a quiz question, a scope case, a definition example, an incident step)
words what it says in English and in Chinese (:class:`Words`). The Chinese is written from the
Law's own words: a phrase between “ and ” in the Chinese, and any run of Chinese characters in
the English (``(不少于六个月)``), quotes the Law, and :func:`words_at` checks that it occurs in
the text of the provisions the record cites, as the penalty data's wording is checked
(:mod:`csl_helpers.penalties.rule_fields`). An ellipsis (…) inside a quotation elides words:
each part must occur.

>>> words = {"en": "Six months (不少于六个月).", "zh": "“不少于六个月”"}
>>> words_at(words, "file, record 'x': field", ["不少于六个月；"]).zh
'“不少于六个月”'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from csl_helpers.law.data import DataError
from csl_helpers.law.model import Bilingual
from csl_helpers.translation import check_ui_lang

__all__ = ["Words", "check_lesson_lang", "quotations", "words_at"]

_ZH_QUOTE = re.compile(r"“([^”]+)”")
_HAN_RUN = re.compile(
    r"[\u3400-\u9fff《》、，；：…（）]*[\u3400-\u9fff][\u3400-\u9fff《》、，；：…（）]*"
)


@dataclass(frozen=True)
class Words(Bilingual):
    """Something a lesson says, in English (``en``) and in Chinese (``zh``)."""

    en: str
    zh: str


def check_lesson_lang(lang: object) -> str:
    """``lang`` if it is ``"en"`` or ``"zh"``; else a ``ValueError`` naming ``lang`` and both."""
    return check_ui_lang(lang, "lang")


def quotations(words: Words) -> tuple[str, ...]:
    """The phrases of the Law ``words`` quote: “…” in the Chinese, Chinese runs in the English.

    >>> quotations(Words("keep logs (不少于六个月)", "留存“网络日志”"))
    ('不少于六个月', '网络日志')
    """
    han = [m.group().strip("（）、，；：") for m in _HAN_RUN.finditer(words.en)]
    return tuple(q for q in [*han, *_ZH_QUOTE.findall(words.zh)] if q)


def _norm(text: str) -> str:
    return "".join(text.split())


def _occurs(quote: str, texts: list[str]) -> bool:
    parts = [p for p in (_norm(x) for x in re.split(r"…+", quote)) if p]
    return any(all(p in t for p in parts) for t in texts)


def words_at(value: Any, where: str, texts: Iterable[str] | None = ()) -> Words:
    """The bilingual wording ``value`` (``{en: …, zh: …}``), its quotations checked.

    Args:
        value: the parsed YAML value.
        where: the file, record and field, for the error.
        texts: the Chinese text of the provisions the record cites; each quotation must occur
            in one of them (white space aside). ``None`` leaves the quotations unchecked, for
            a first reading before the provisions are known.

    Raises:
        DataError: naming ``where``, if a language is missing or empty, or a quotation does
            not occur in the text.
    """
    if not isinstance(value, dict) or set(value) != {"en", "zh"}:
        raise DataError(f"{where}: needs the wording in both languages, en and zh; got {value!r}")
    for lang in ("en", "zh"):
        if not isinstance(value[lang], str) or not value[lang].strip():
            raise DataError(f"{where}.{lang}: expected text, got {value[lang]!r}")
    words = Words(" ".join(value["en"].split()), " ".join(value["zh"].split()))
    if not _cjk(words.zh):
        raise DataError(f"{where}.zh: expected Chinese, got {value['zh']!r}")
    if texts is None:
        return words
    cited = [_norm(t) for t in texts]
    for quote in quotations(words):
        if not _occurs(quote, cited):
            field = "zh" if quote in words.zh else "en"
            raise DataError(
                f"{where}.{field}: the quotation {quote!r} does not occur in the text of the "
                "provisions cited"
            )
    return words


def _cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)
