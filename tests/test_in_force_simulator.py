"""The dashboards say once, in their language, that the 2016 text is no longer in force: the banner
says so, and the bare fragments shown under it leave their own note out."""

from __future__ import annotations

from datetime import date

import pytest

from csl_helpers.law.display import out_of_force_note
from csl_helpers.views.penalties.simulator import PenaltySimulator


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_simulator_tells_the_2016_text_is_no_longer_in_force_once(lang):
    sim = PenaltySimulator(lang=lang)
    sim.open_query("version=2016&article=59&paragraph=1")
    shown = sim.outcome.value
    assert "csl-banner" in shown and "csl-out-of-force" not in shown
    assert out_of_force_note("2016", "en") not in shown
    sim.model.mode = "dates"
    sim.model.conduct_date, sim.model.decision_date = date(2025, 6, 1), date(2026, 3, 1)
    assert sim.applicable.value and "csl-out-of-force" not in sim.applicable.value
    assert "csl-out-of-force" not in sim.outcome.value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_navigator_tells_it_once_in_its_banner(lang):
    from csl_helpers.views.obligations.navigator import ObligationNavigator

    nav = ObligationNavigator("2016", lang=lang)
    while not nav.interview.done:
        nav.answer(nav.interview.current.fact == "network_operator")
    assert nav.checklist.value and "csl-out-of-force" not in nav.checklist.value
    assert "csl-banner" in nav.banner.value
