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
        raise ValueError(f"{name} must be one of {', '.join(UI_LANGS)}; got {lang!r}")
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


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark ``message`` for translation where it is defined; translate it where it is shown."""
    return message
