"""One visitor in headless Chromium on each dashboard, served as `make run` serves it, pool warm.

For each dashboard of notebooks/dashboards/ this starts `make run`'s server (share/voila/serve.py,
through tests/conftest.py's :func:`voila_command`) on 127.0.0.1 and a free port, waits until its
preheated pool is full and the server idle, then opens the dashboard ``--runs`` times (default
20) in one Chromium, each visit in a fresh browser context finding the pool warm again (the
server refills it as `make run` does, 10 s after a kernel is taken, so a visit never shares the
machine with a kernel starting: each visit waits for the refill), and
measures:

- request to interactive: from the request to the page's main control shown and usable (the
  page's loading screen gone);
- click to main result: from an input change (a click or a menu choice) to the first change of
  the dashboard's main result in the page;
- click to settled: to the last change of the page the click caused, charts included (a
  MutationObserver in the page; the page is settled once ``--quiet`` ms pass with no change).

It prints medians and p95 per dashboard against the targets (issue 14: 1.5 s, 50 ms, 150 ms).
Bounded: every wait has a timeout, a dashboard gets at most ``--budget`` seconds, and its server
is stopped before the next one starts. The machine's speed varies from run to run (2 shared
cores): compare figures measured in the same run.

With ``--against DIR`` (another checkout of the project, e.g. ``git worktree add`` of main) its
`make run` server runs beside this one and the visits alternate between them: a before/after
comparison in the same conditions.

Run: .venv/bin/python benchmarks/visitor.py [--runs 20] [--dashboard penalty_simulator.ipynb]
[--against ../main] [--lang zh]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM_ARGS, free_port, serving, voila_command  # noqa: E402

DASHBOARDS = ROOT / "notebooks" / "dashboards"
TARGETS = {"interactive": 1.5, "result": 0.05, "settled": 0.15}
"""Seconds: request to interactive, click to main result, click to settled (medians)."""


@dataclass(frozen=True)
class Probe:
    """What a visitor of one dashboard waits for and changes.

    ``ready`` is the main control (a CSS selector of the element a visitor uses first);
    ``control`` the element changed by the click, whose own changes are not counted;
    ``result`` the element holding the main result; ``act`` a JavaScript function of the
    control element that makes the change and returns nothing; ``drawn`` what the page shows
    once everything that follows the first paint has come (charts), waited for before the click.
    """

    ready: str
    control: str
    result: str
    act: str
    drawn: str = ""


NEXT_OPTION = """(s) => {
    s.selectedIndex = (s.selectedIndex + 1) % s.options.length;
    s.dispatchEvent(new Event('change', {bubbles: true}));
}"""
OTHER_BUTTON = """(box) => {
    const buttons = [...box.querySelectorAll('button')];
    const chosen = (b) => b.classList.contains('mod-active') || b.ariaChecked === 'true';
    const other = buttons.find((b) => !chosen(b)) || buttons[0];
    other.click();
}"""
CLICK = "(b) => b.click()"

PROBES = {
    "law_explorer.ipynb": Probe(
        ready=".csl-article-picker select",
        control=".csl-article-picker select",
        result=".csl-text-en",
        act=NEXT_OPTION,
    ),
    "penalty_simulator.ipynb": Probe(
        ready=".csl-pen-tier button",
        control=".csl-pen-tier",
        result=".csl-pen-result",
        act=OTHER_BUTTON,
        drawn=".csl-pen-charts .js-plotly-plot",
    ),
    "obligation_navigator.ipynb": Probe(
        ready="button.csl-nav-yes",
        control="button.csl-nav-yes",
        result=".csl-nav-question-box",
        act=CLICK,
    ),
}

READY = """(ready) => {
    // The moment the main control is on screen and Voila's loading screen is gone, in ms since
    // the request (performance.now() counts from the navigation's start).
    window.__cslReady = null;
    const check = () => {
        if (window.__cslReady !== null) return;
        const control = document.querySelector(ready);
        if (control && control.getClientRects().length && !document.getElementById("loading")) {
            window.__cslReady = performance.now();
        }
    };
    // Nodes added or removed, and what shows or hides one (Voila shows the cells by an inline
    // style, a widget by its classes): watching every attribute would make the check itself
    // force style work while the widgets are drawn.
    new MutationObserver(check).observe(document, {subtree: true, childList: true,
                                                   attributeFilter: ["style", "class", "hidden"]});
}"""
WATCH = """([control, result]) => {
    window.__cslChanges = [performance.now()];
    window.__cslResult = null;
    const ctl = document.querySelector(control);
    const res = document.querySelector(result);
    new MutationObserver((records) => {
        const now = performance.now();
        const caused = records.filter((r) => !(ctl && ctl.contains(r.target)));
        if (caused.length === 0) return;
        window.__cslChanges.push(now);
        if (window.__cslResult === null && res && caused.some((r) => res.contains(r.target))) {
            window.__cslResult = now;
        }
    }).observe(document.body, {subtree: true, childList: true, characterData: true,
                               attributes: true});
}"""
QUIET = "(ms) => performance.now() - window.__cslChanges[window.__cslChanges.length - 1] > ms"
ACT = """([control, act]) => {
    const el = document.querySelector(control);
    const t = performance.now();
    (eval(act))(el);
    return t;
}"""


@dataclass
class Figures:
    """One dashboard's measurements, in seconds."""

    name: str
    interactive: list[float] = field(default_factory=list)
    result: list[float] = field(default_factory=list)
    settled: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def kernels_of(pid: int) -> int:
    """How many kernels the server ``pid`` runs."""
    try:
        procs = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    count = 0
    for p in procs:
        try:
            count += "ipykernel_launcher" in " ".join(p.cmdline())
        except psutil.NoSuchProcess:
            pass
    return count


def idle(pid: int, most: float, quiet: int = 2) -> None:
    """Wait (at most ``most`` s) until the server and its kernels use under 10 % of a core
    for ``quiet`` seconds in a row."""
    deadline = time.monotonic() + most
    calm = 0
    while calm < quiet and time.monotonic() < deadline:
        try:
            root = psutil.Process(pid)
            procs = [root, *root.children(recursive=True)]
            for p in procs:
                p.cpu_percent(None)
            time.sleep(1)
            busy = sum(p.cpu_percent(None) for p in procs if p.is_running())
        except psutil.NoSuchProcess:
            busy = 100.0
        calm = calm + 1 if busy < 10 else 0


def warm(pid: int, kernels: int, most: float) -> None:
    """Wait until the server runs ``kernels`` kernels again (its pool refilled), then is idle."""
    deadline = time.monotonic() + most
    while kernels_of(pid) < kernels and time.monotonic() < deadline:
        time.sleep(0.3)
    idle(pid, max(deadline - time.monotonic(), 1))


def visit(browser, url: str, probe: Probe, quiet_ms: int) -> tuple[float, float, float]:
    """One visit: (request to interactive, click to main result, click to settled), seconds."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(f"({READY})({probe.ready!r})")
        page.goto(url, wait_until="commit", timeout=60_000)
        page.wait_for_function("window.__cslReady !== null", timeout=60_000, polling=100)
        interactive = page.evaluate("window.__cslReady") / 1000
        # What follows the first paint (charts, text below the fold) comes before the click,
        # so the click is timed alone: the page is quiet for `quiet_ms` before it.
        if probe.drawn:
            page.locator(probe.drawn).first.wait_for(state="attached", timeout=60_000)
        page.evaluate(WATCH, [probe.control, probe.result])
        page.wait_for_function(QUIET, arg=quiet_ms, timeout=30_000, polling=50)
        page.evaluate("window.__cslChanges = [performance.now()]; window.__cslResult = null")
        t0 = page.evaluate(ACT, [probe.control, probe.act])
        page.wait_for_function(
            f"(ms) => window.__cslResult !== null && ({QUIET})(ms)",
            arg=quiet_ms,
            timeout=30_000,
            polling=50,
        )
        first, last = page.evaluate("[window.__cslResult, window.__cslChanges.at(-1)]")
        page.goto("about:blank")  # the page's unload frees its kernel
        return interactive, (first - t0) / 1000, (last - t0) / 1000
    finally:
        context.close()


def server_command(port: int, checkout: Path | None = None) -> str:
    """`make run`'s server on ``port``: this checkout's, or another's (its serve.py, its
    dashboards, and its csl_helpers first on its kernels' path), to compare the two."""
    if checkout is None:
        return voila_command(port)
    spec = importlib.util.spec_from_file_location(
        "other_serve", checkout / "share" / "voila" / "serve.py"
    )
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    env = {**serve.voila_environment(), "PYTHONPATH": str(checkout)}
    argv = serve.voila_argv(ip="127.0.0.1", port=port)
    return shlex.join([*(f"{k}={v}" for k, v in env.items()), *argv])


def measure(
    name: str,
    runs: int,
    budget: float,
    quiet_ms: int,
    against: Path | None = None,
    lang: str = "",
) -> list[Figures]:
    """Serve the dashboards as `make run` does and visit ``name`` ``runs`` times.

    ``lang`` (``en`` or ``zh``) opens the page in that language (``?lang=``); empty: none asked.

    With ``against`` (another checkout), its server runs too and the visits alternate
    between the two, so both meet the same load of the machine.
    """
    from playwright.sync_api import sync_playwright

    checkouts = [None] if against is None else [None, against]
    title = f"{name}?lang={lang}" if lang else name
    figures = [Figures(title if c is None else f"{title} ({c})") for c in checkouts]
    stop = time.monotonic() + budget * len(checkouts)  # the budget is per server
    with ExitStack() as stack:
        servers = []
        for checkout in checkouts:
            log = Path(tempfile.mkdtemp(prefix="visitor-")) / "voila.log"
            servers.append(stack.enter_context(serving(server_command(free_port(), checkout), log)))
        full = []
        for server in servers:
            warm(server.process.pid, 1, 120)  # the first pool kernels started
            idle(server.process.pid, 180, quiet=3)
            full.append(kernels_of(server.process.pid))
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        for _ in range(runs):
            for server, kernels, figs in zip(servers, full, figures, strict=True):
                if time.monotonic() > stop:
                    figs.errors.append(f"budget of {budget:.0f} s a server spent: visit left out")
                    continue
                warm(server.process.pid, kernels, 120)
                url = f"{server.url}/voila/render/{name}" + (f"?lang={lang}" if lang else "")
                try:
                    loaded, result, settled = visit(browser, url, PROBES[name], quiet_ms)
                except Exception as exc:  # a failed visit is a figure, not a crash
                    figs.errors.append(f"{type(exc).__name__}: {exc}"[:200])
                    continue
                figs.interactive.append(loaded)
                figs.result.append(result)
                figs.settled.append(settled)
    return figures


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def line(label: str, values: list[float], target: float, unit: Callable[[float], str]) -> str:
    if not values:
        return f"  {label}: no measurement"
    median = statistics.median(values)
    verdict = "met" if median <= target else "MISSED"
    return (
        f"  {label}: median {unit(median)}, p95 {unit(percentile(values, 0.95))}, "
        f"max {unit(max(values))} (target {unit(target)}: {verdict})"
    )


def seconds(x: float) -> str:
    return f"{x:.2f} s"


def millis(x: float) -> str:
    return f"{x * 1000:.0f} ms"


def report(figures: Figures) -> None:
    n = len(figures.interactive)
    print(f"\n== {figures.name}: {n} visits in Chromium, `make run`, pool warm")
    print(line("request to interactive", figures.interactive, TARGETS["interactive"], seconds))
    print(line("click to main result", figures.result, TARGETS["result"], millis))
    print(line("click to settled", figures.settled, TARGETS["settled"], millis))
    for error in figures.errors[:5]:
        print(f"  failed visit: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="visits per dashboard")
    parser.add_argument(
        "--dashboard", action="append", choices=sorted(PROBES), help="default: every dashboard"
    )
    parser.add_argument("--budget", type=float, default=600, help="most seconds per dashboard")
    parser.add_argument("--quiet", type=int, default=500, help="ms with no change: settled")
    parser.add_argument("--lang", choices=("en", "zh"), help="the page's language (?lang=)")
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout (e.g. of main) served too, its visits alternating with these",
    )
    args = parser.parse_args()
    if not 1 <= args.runs <= 100:
        parser.error("--runs must be between 1 and 100")
    if shutil.which("chromium") is None:
        parser.error("chromium is not on PATH (apt-get install chromium)")
    if args.against is not None and not (args.against / "share/voila/serve.py").is_file():
        parser.error(f"--against {args.against} is not a checkout of this project")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    for name in args.dashboard or sorted(PROBES):
        measured = measure(name, args.runs, args.budget, args.quiet, args.against, args.lang or "")
        for figures in measured:
            report(figures)
        print(f"load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
