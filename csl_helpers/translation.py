"""The interface's language: gettext catalogues in English and Simplified Chinese.

The words of the interface (labels, buttons, explanations, messages, chart titles, export
headings) are marked in the code with ``_()`` (``ngettext()`` where a count changes the
sentence) and translated in ``csl_helpers/locale/<locale>/LC_MESSAGES/csl.po``, compiled to
``csl.mo`` beside it (``make i18n`` extracts, updates and compiles them with Babel). The
wording of the Law (its text, the duties, the questions, the quoted clauses) is not here: it
is in ``data/`` in both languages.

An interface language is ``"en"`` or ``"zh"`` (:data:`UI_LANGS`); each is read from its
catalogue once per process. This module uses the standard library alone, so every layer may
import it (the logic layers word their explanations through it).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

DOMAIN = "csl"
"""The catalogues' gettext domain: ``csl.po`` / ``csl.mo``."""
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
"""Where the catalogues are: ``<locale>/LC_MESSAGES/csl.mo``."""
UI_LANGS = {"en": "en", "zh": "zh_Hans"}
"""The interface languages a caller names, and the locale of each one's catalogue."""
UI_LANG_NAMES = {"en": "English", "zh": "中文"}
"""Each interface language as the language switch names it (in its own language)."""


def check_ui_lang(lang: object, name: str = "lang") -> str:
    """``lang`` if it names an interface language, else a ``ValueError`` naming the choices.

    >>> check_ui_lang("zh")
    'zh'
    """
    if lang not in UI_LANGS:
        said = N_("{name} must be one of {valid}; got {got}")
        raise WordedValueError(said, name=name, valid=tuple(UI_LANGS), got=repr(lang))
    return str(lang)


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of interface language ``lang``, read once per process."""
    locale = UI_LANGS[check_ui_lang(lang)]
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[locale], fallback=lang == "en")


def gettext_for(lang: str) -> Callable[[str], str]:
    """The function that translates a marked string into ``lang``.

    >>> gettext_for("zh")("Fine on the offender")
    '对当事人的罚款'
    """
    return translations(lang).gettext


def ngettext_for(lang: str) -> Callable[[str, str, int], str]:
    """The function that translates a sentence whose wording depends on a count."""
    return translations(lang).ngettext


def worded_date(day: date, lang: str = "en") -> str:
    """``day`` as prose in ``lang`` writes it: ISO in English, 2026年1月1日 in Chinese.

    The one form of a date in a sentence (a :class:`Phrase`'s date values are worded so too).

    >>> worded_date(date(2026, 1, 1), "zh")
    '2026年1月1日'
    """
    if check_ui_lang(lang) == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return day.isoformat()


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark ``message`` for translation where it is defined; translate it where it is shown."""
    return message


class Worded(Exception):  # noqa: N818 - a mixin for the errors below, not an error itself
    """An error told to a visitor: a marked sentence (``N_``) and its values, in any language.

    ``str()`` gives the English; :func:`worded` the sentence in the page's language. A value
    that is itself an error is worded in the same language (the reason of a wrapping error);
    a tuple is listed with the language's separator (``, `` or ``、``).

    >>> e = WordedValueError(N_("{key} must be a whole number; got {got}"), key="article", got="x")
    >>> str(e)
    'article must be a whole number; got x'
    """

    def __init__(self, message: str, **values: object) -> None:
        self.message, self.values = message, values
        super().__init__(self.worded("en"))

    def worded(self, lang: str) -> str:
        """The sentence in interface language ``lang``."""
        _ = gettext_for(lang)
        return _phrase(self.message, self.values, lang)


class Phrase:
    """A marked phrase and its values, worded when shown: a value of a :class:`Worded` error.

    >>> Phrase(N_("an article number of the {version} text"), version="2025").worded("en")
    'an article number of the 2025 text'
    """

    def __init__(self, message: str, **values: object) -> None:
        self.message, self.values = message, values

    def worded(self, lang: str) -> str:
        """The phrase in interface language ``lang``."""
        return _phrase(self.message, self.values, lang)

    def __str__(self) -> str:
        return self.worded("en")


class InEach:
    """A value written its own way in each language, for a :class:`Phrase` or a worded error.

    >>> InEach(en="6", zh="六").worded("zh")
    '六'
    """

    def __init__(self, **by_lang: str) -> None:
        self.by_lang = by_lang

    def worded(self, lang: str) -> str:
        """The value as ``lang`` writes it."""
        return self.by_lang[check_ui_lang(lang)]

    def __str__(self) -> str:
        return self.worded("en")


def _phrase(message: str, values: dict[str, object], lang: str) -> str:
    _ = gettext_for(lang)
    shown = {
        key: worded(value, lang)
        if isinstance(value, BaseException | Phrase | InEach)
        else worded_date(value, lang)
        if isinstance(value, date)
        else _(", ").join(map(str, value))
        if isinstance(value, tuple)
        else value
        for key, value in values.items()
    }
    return _(message).format(**shown)


class WordedValueError(Worded, ValueError):
    """A :class:`ValueError` worded in the page's language."""


class WordedLookupError(Worded, LookupError):
    """A :class:`LookupError` worded in the page's language."""


def worded(error: BaseException | Phrase | InEach, lang: str) -> str:
    """The message of ``error`` in interface language ``lang`` (as it is, if it is not worded)."""
    return error.worded(lang) if isinstance(error, Worded | Phrase | InEach) else str(error)
