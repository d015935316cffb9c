"""The one module the Voila dashboards call: each dashboard notebook is one call of this module.

A dashboard that opens on what its address names (``?version=2025&article=61``) reads the
page's query here. Voila gives the kernel that query as ``QUERY_STRING``; a preheated kernel
runs the dashboard before any page asks for it and learns the query only when a page does, so
the dashboard is shown at once and opens what the address names when the request arrives.
Every dashboard reads ``?lang=zh`` (or ``en``) there: the language it opens in. In a notebook,
``lang="zh"`` does the same.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import ipywidgets as w

from csl_helpers.views.i18n import UI_LANGS
from csl_helpers.views.law.explorer import LawExplorer
from csl_helpers.views.law.explorer_state import ExplorerModel
from csl_helpers.views.obligations.navigator import ObligationNavigator
from csl_helpers.views.obligations.navigator_state import NavigatorModel
from csl_helpers.views.page_request import wait_for_page_request
from csl_helpers.views.penalties.simulator import PenaltySimulator, prepare_charts
from csl_helpers.views.penalties.state import SimulatorModel

__all__ = ["law_explorer", "obligation_navigator", "penalty_simulator", "prepare_shared"]


def prepare_shared() -> None:
    """Load and work out, once, what every dashboard's first page needs, in every language.

    For a process that kernels are forked from (`make run`: share/voila/fork_server.py): each
    kernel then finds the Law loaded and the first charts built, and its dashboard costs the
    machine a fraction of a fresh start. Builds the dashboards' models, not their widgets (a
    widget belongs to the kernel that shows it), and starts no thread.
    """
    for lang in UI_LANGS:
        ExplorerModel(lang=lang)
        NavigatorModel(lang=lang)
        prepare_charts(SimulatorModel(lang=lang).result)


def when_requested(
    open_query: Callable[[str], None], prepare: Callable[[], None] | None = None
) -> None:
    """Call ``open_query`` with the page's query string once a page has asked for this kernel.

    Outside a preheated kernel (a notebook, a kernel started for its page) that is at once.
    A preheated kernel also calls ``prepare`` while it waits in the pool, beside the wait: work
    a page's query may need (the same charts in another language) is then done before any
    visitor waits, and a page that comes sooner is not kept waiting for it.
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        open_query(os.environ.get("QUERY_STRING", ""))
        return

    def wait() -> None:
        wait_for_page_request()  # not voila.utils': its imports cost 1.8 CPU-s per kernel
        open_query(os.environ.get("QUERY_STRING", ""))

    threading.Thread(target=wait, daemon=True).start()
    if prepare is not None:
        threading.Thread(target=prepare, daemon=True).start()


def law_explorer(lang: str = "en") -> w.Widget:
    """The Law Explorer dashboard: every article of both versions, in both languages.

    Its interface is in ``lang`` (``"en"`` or ``"zh"``), or the language the page's address
    names (``?lang=zh``).
    """
    explorer = LawExplorer(lang=lang)
    when_requested(explorer.open_query)
    return explorer.widget


def penalty_simulator(lang: str = "en") -> w.Widget:
    """The Penalty Simulator dashboard, opened on the clause the page's address names.

    Its interface is in ``lang`` (``"en"`` or ``"zh"``), or the address's ``?lang=``.
    """
    simulator = PenaltySimulator(lang=lang)
    when_requested(
        lambda query: simulator.open_query(query, late=True), simulator.prepare_languages
    )
    return simulator.widget


def obligation_navigator(lang: str = "en") -> w.Widget:
    """The Obligation Navigator dashboard: yes/no questions, then the checklist of duties.

    Its interface is in ``lang`` (``"en"`` or ``"zh"``), or the address's ``?lang=``.
    """
    navigator = ObligationNavigator(lang=lang)
    when_requested(navigator.open_query)
    return navigator.widget
