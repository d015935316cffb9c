"""The words the lesson tables share: versions, citations and dates in the reader's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from csl_helpers.law.display import Shown, Stack, Table
from csl_helpers.law.model import Provision
from csl_helpers.lessons.words import check_lesson_lang
from csl_helpers.translation import gettext_for, worded_date


def translate(lang: str) -> Callable[[str], str]:
    """The catalogue's translation into ``lang``; ``ValueError`` naming both for another."""
    return gettext_for(check_lesson_lang(lang))


def version_text(version: str, lang: str) -> str:
    """``2016 text`` / ``2016年文本``."""
    _ = translate(lang)
    return _("{version} text").format(version=version)


def article_ref(version: str, number: int, lang: str, word: str = "Art.") -> str:
    """``2016 Art. 59`` / ``2016年文本第五十九条``."""
    if lang == "zh":
        return version_text(version, "zh") + Provision(number).citation("zh")
    return f"{version} {word} {number}"


def provision_ref(version: str, provision: Provision, lang: str) -> str:
    """``2016 Article 51`` / ``2016年文本第五十一条``."""
    if lang == "zh":
        return version_text(version, "zh") + provision.citation("zh", version)
    return f"{version} {provision.citation()}"


def worded_day(day: date, lang: str) -> str:
    """``2017-06-01`` in English (ISO), ``2017年6月1日`` in Chinese (the one form of a date)."""
    return worded_date(day, check_lesson_lang(lang))


def lesson_table(
    title: str, head: tuple[str, ...], rows: tuple, version: str | None, lang: str
) -> Table:
    """A lesson table of ``version``'s rows (``None``: several versions or none) for ``lang``.

    The out-of-force note of ``version`` is worded in ``lang`` (:class:`Table`).
    """
    return Table(title, head, tuple(rows), version, lang)


def cn(n: int) -> str:
    """``n`` in the Law's numerals (the 一 of 第一章)."""
    return Provision(n).citation("zh")[1:-1]


def in_lang(stack: Stack, lang: str) -> Stack | Shown:
    """``stack`` as the reader of ``lang`` sees it.

    Each value that words itself in ``lang`` does so there
    (:meth:`~csl_helpers.law.display.RichDisplay.shown_in`).
    """
    translate(lang)
    return stack if lang == "en" else stack.shown_in(lang)
