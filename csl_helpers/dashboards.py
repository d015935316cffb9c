"""The one module the Voila dashboards call: each dashboard notebook is one call of this module.

A dashboard that opens on what its address names (``?version=2025&article=61``) reads the
page's query here. Voila gives the kernel that query as ``QUERY_STRING``; a preheated kernel
runs the dashboard before any page asks for it and learns the query only when a page does, so
the dashboard is shown at once and opens what the address names when the request arrives.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import ipywidgets as w

from csl_helpers.views.law.explorer import LawExplorer
from csl_helpers.views.obligations.navigator import ObligationNavigator
from csl_helpers.views.penalties.simulator import PenaltySimulator

__all__ = ["law_explorer", "obligation_navigator", "penalty_simulator"]


def when_requested(open_query: Callable[[str], None]) -> None:
    """Call ``open_query`` with the page's query string once a page has asked for this kernel.

    Outside a preheated kernel (a notebook, a kernel started for its page) that is at once.
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        open_query(os.environ.get("QUERY_STRING", ""))
        return

    def wait() -> None:
        from voila.utils import wait_for_request

        wait_for_request()
        open_query(os.environ.get("QUERY_STRING", ""))

    threading.Thread(target=wait, daemon=True).start()


def law_explorer() -> w.Widget:
    """The Law Explorer dashboard, opened on the article the page's address names."""
    explorer = LawExplorer()
    when_requested(explorer.open_query)
    return explorer.widget


def penalty_simulator() -> w.Widget:
    """The Penalty Simulator dashboard, opened on the clause the page's address names."""
    simulator = PenaltySimulator()
    when_requested(simulator.open_query)
    return simulator.widget


def obligation_navigator() -> w.Widget:
    """The Obligation Navigator dashboard: yes/no questions, then the checklist of duties.

    It opens on the version, answers and duties done the page's address names.
    """
    navigator = ObligationNavigator()
    when_requested(navigator.open_query)
    return navigator.widget
