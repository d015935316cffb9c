"""The words a dashboard's page and the landing page show before any kernel answers.

A dashboard's page is painted before its kernel has sent a widget: the loading screen (the
dashboard's name and its progress), the tab's title and, until the widgets arrive, the
dashboard's introduction. The server's page hook (share/voila/voila.py) gives the page
template these words in every interface language (:func:`page_words`), and the page shows
those of the language its address names (``?lang=zh``, read as the dashboard reads it:
:func:`page_lang`), so a Chinese page is Chinese from its first paint. The landing page's
words are :func:`landing_words`. This module uses the standard library and the catalogues
alone: the server imports it.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from csl_helpers.translation import N_, UI_LANGS, gettext_for

HTML_LANGS = {"en": "en", "zh": "zh-Hans"}
"""Each interface language as a page's ``<html lang>`` (BCP 47) names it."""

NAMES = {
    "law_explorer": N_("Law Explorer"),
    "penalty_simulator": N_("Penalty Simulator"),
    "obligation_navigator": N_("Obligation Navigator"),
}
"""Each dashboard's name, as its loading screen shows it."""

TITLES = {
    "law_explorer": N_("Law Explorer · CSL Notebooks"),
    "penalty_simulator": N_("Penalty Simulator · CSL Notebooks"),
    "obligation_navigator": N_("Obligation Navigator · CSL Notebooks"),
}
"""Each dashboard's page title (its browser tab); in English, its notebook's ``title``."""

INTROS = {
    "law_explorer": N_(
        "<h1>Law Explorer</h1><p>Browse the Cybersecurity Law of the People's Republic of China "
        "by chapter and section, read each article in English and Chinese side by side, switch "
        "between the texts of its versions, search, and follow references both ways. The "
        "Chinese text governs.</p>"
    ),
    "penalty_simulator": N_(
        "<h1>Penalty Simulator</h1><p>Choose the text of the Law (or the dates of the act and of "
        "the decision), who acted, what they did and the circumstances: the fines, detention and "
        "other measures the Law provides appear at once, with the legal basis. Ranges include both "
        "ends. The Chinese text governs.</p>"
    ),
    "obligation_navigator": N_(
        "<h1>Obligation Navigator</h1><p>Answer a few yes/no questions about your organisation and "
        "get the duties the Cybersecurity Law puts on you, under the text of either version: each "
        "with its article in both versions, how a breach is punished, and a link to that clause in "
        "the penalty simulator. Download the checklist as CSV or Markdown. The Chinese text of the "
        "Law governs; this is a study aid, not legal advice.</p>"
    ),
}
"""Each dashboard's title and introduction as its page shows them in a language not English
(in English the notebook's own opening cell says them)."""

OPENING = N_("Opening the dashboard…")
"""The loading screen's words until the page's first step is known."""
PROGRESS = N_("Preparing the dashboard: step {step} of {steps}")
"""The loading screen's words at each step ({step} of {steps}) of the page's preparation."""
NEEDS_SCRIPT = N_("These dashboards need JavaScript.")
"""What a browser without JavaScript shows."""

LANDING_TITLE = N_("CSL Notebooks · Dashboards")
LANDING_INTRO = N_(
    "The Cybersecurity Law of the People's Republic of China, in its 2016 and 2025 texts. "
    "Choose a dashboard; each opens in this tab, and each can switch between “中文 / English” "
    "at any time."
)
LANDING_OTHER = {
    "en": N_("Open the dashboards in English"),
    "zh": N_("Open the dashboards in Chinese"),
}
"""The landing page's link to itself in each language, worded in that language."""


def page_lang(query: str) -> str:
    """The interface language a page's query opens the dashboard in: ``"zh"`` or ``"en"``.

    As the dashboard reads it: ``lang`` given once as ``zh`` (or ``en``); no ``lang``, or a
    bad one, is English (the dashboard then tells the bad value, in English).

    >>> page_lang("version=2025&lang=zh")
    'zh'
    >>> page_lang("lang=zh&lang=en"), page_lang("lang=fr"), page_lang("")
    ('en', 'en', 'en')
    """
    values = parse_qs(query or "", keep_blank_values=True).get("lang", [])
    return values[0] if len(values) == 1 and values[0] in UI_LANGS else "en"


def page_words(name: str) -> dict[str, dict[str, str]]:
    """The words of dashboard ``name``'s page before its kernel answers, per interface language.

    ``name`` is the notebook's name (``law_explorer``); one not of :data:`NAMES` gets the
    loading words alone. Each language gives ``lang`` (for ``<html lang>``), ``title``,
    ``name``, ``intro`` (HTML; empty in English, where the notebook says it), ``opening``,
    ``progress`` (with ``{step}`` and ``{steps}``) and ``noscript``.

    >>> page_words("law_explorer")["zh"]["lang"], page_words("law_explorer")["zh"]["name"]
    ('zh-Hans', '法律条文浏览')
    """
    words = {}
    for lang in UI_LANGS:
        _ = gettext_for(lang)
        words[lang] = {
            "lang": HTML_LANGS[lang],
            "title": _(TITLES[name]) if name in TITLES else "",
            "name": _(NAMES[name]) if name in NAMES else "",
            "intro": _(INTROS[name]) if name in INTROS and lang != "en" else "",
            "opening": _(OPENING),
            "progress": _(PROGRESS),
            "noscript": _(NEEDS_SCRIPT),
        }
    return words


def landing_words(lang: str) -> dict[str, str]:
    """The landing page's words in ``lang``.

    ``lang`` (for ``<html lang>``), ``title``, ``intro``, ``noscript``, and ``other``: the link
    to the page in the other language, worded in that language, with ``other_query`` and
    ``other_lang``.
    """
    _ = gettext_for(lang)
    other = "en" if lang == "zh" else "zh"
    return {
        "lang": HTML_LANGS[lang],
        "title": _(LANDING_TITLE),
        "intro": _(LANDING_INTRO),
        "noscript": _(NEEDS_SCRIPT),
        "other": gettext_for(other)(LANDING_OTHER[other]),
        "other_query": "" if other == "en" else "?lang=zh",
        "other_lang": HTML_LANGS[other],
    }
