"""How fast the penalty simulator answers: simulate() per call, and the dashboard in Chromium.

Run with ``.venv/bin/python benchmarks/penalties.py``. It starts its own Voila server on a free
127.0.0.1 port (as ``make run`` serves the dashboards, via the helpers of tests/conftest.py),
drives Debian's Chromium with Playwright, and stops both. Targets (issue 3):
simulate() under 1 ms per call; a new outcome on screen under 100 ms after an input changes.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_ids
from csl_helpers.penalties import Circumstances, conducts, simulate
from csl_helpers.penalties.clauses import tier_name

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 20
PAGE = "/voila/render/penalty_simulator.ipynb?version=2025&article=61&paragraph=1"

MEASURE = """
async ([tier, want]) => {
  const result = document.querySelector('.csl-pen-result');
  const button = [...document.querySelectorAll('.csl-pen-tier button')]
    .find(b => b.textContent.trim() === tier);
  const fine = () => (result.querySelector('.csl-pen-fine') || {}).textContent || '';
  return await new Promise(resolve => {
    const start = performance.now();
    const seen = new MutationObserver(() => {
      if (fine().includes(want)) { seen.disconnect(); resolve(performance.now() - start); }
    });
    seen.observe(result, {subtree: true, childList: true, characterData: true});
    button.click();
  });
}
"""


def bench_simulate() -> None:
    calls = [
        (version, c, Circumstances(tier, illegal_gains=150_000, procurement_amount=10_000))
        for version in version_ids()
        for c in conducts(version)
        for tier in c.tiers
    ]
    for v, c, circumstances in calls:  # warm the caches once, as a dashboard does
        simulate(v, c, circumstances)
    per_call = []
    for _ in range(50):
        start = time.perf_counter()
        for v, c, circumstances in calls:
            simulate(v, c, circumstances)
        per_call.append((time.perf_counter() - start) / len(calls))
    print(
        f"simulate(): {len(calls)} clause/tier combinations x 50 rounds; per call "
        f"median {statistics.median(per_call) * 1e6:.1f} us, "
        f"max {max(per_call) * 1e6:.1f} us (target < 1000 us)"
    )


def bench_browser() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("dashboard: skipped, chromium is not on PATH")
        return
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import free_port, serving, voila_command  # the servers the tests use

    with (
        tempfile.TemporaryDirectory() as tmp,
        serving(voila_command(free_port()), Path(tmp) / "voila.log") as server,
    ):
        clause = Provision.parse("Article 61(1)")
        labels = {
            t: simulate("2025", clause, Circumstances(tier=t)).fine.label()
            for t in ("base", "aggravated")
        }
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(server.url + PAGE)
            page.locator(".csl-pen-result .csl-pen-fine").filter(has_text=labels["base"]).wait_for(
                timeout=90_000
            )
            print(f"dashboard: first outcome shown {time.perf_counter() - start:.2f} s after load")
            page.wait_for_timeout(1000)  # let the first charts settle
            times = []
            for n in range(ROUNDS):
                tier = "aggravated" if n % 2 == 0 else "base"
                named = tier_name("2025", clause, tier)  # the button's words
                times.append(page.evaluate(MEASURE, [named, labels[tier]]))
                page.wait_for_timeout(300)
            browser.close()
        print(
            f"dashboard: input change to new outcome, {ROUNDS} changes: median "
            f"{statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms "
            "(target median < 100 ms)"
        )


if __name__ == "__main__":
    bench_simulate()
    bench_browser()
