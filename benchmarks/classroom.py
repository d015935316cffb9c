"""A class of N visitors on every dashboard, served by `make run` and by stock Voila.

Each visitor does over the network what a browser tab does (tests/voila_client.py): fetch the
page (which must show the dashboard's widgets), open its kernel websocket, load the widgets'
states, change a picker (or, on a page without one, click a button) and wait for the kernel's
answer, then leave (close the socket and post the page's shutdown request). No browser is
started for the class; then one real Chromium visitor on each dashboard measures request to
interactive, click to main result and click to settled (medians of --runs, 20 by default) on a
fresh `make run` server, each visit finding the pool full and the server idle, exactly as
benchmarks/visitor.py does, against the same targets.

Every dashboard gets two classes on each server: N visitors arriving in the same second, and
N arriving evenly over --spread seconds (30 by default). `make run` is started with no flags,
as the README starts it, and each class gets a fresh server; --repeat runs each of its classes
that many times (stock Voila once). Reported per class: time to interactive (median, p95,
max), the answer to the change, failures and hangs (with the step a hung visitor was at),
peak memory of the server and its kernels, kernels left 60 s after the visitors left, the
CPU-seconds one visitor's kernel used (start, notebook and the change, median) and the
server's CPU-seconds per visitor (with the process `make run` forks its kernels from), and
the machine's load average before and after (other jobs on a shared machine slow every
figure).

Bounded: at most 100 visitors, each given --deadline seconds, the whole class --budget seconds;
servers listen on 127.0.0.1 only and are stopped at the end.

Run: .venv/bin/python benchmarks/classroom.py [--visitors 40] [--dashboards law_explorer.ipynb]
     [--spreads 0,30] [--repeat 3] [--runs 0 to leave out Chromium]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import free_port, serving, voila_command  # noqa: E402
from visitor import TARGETS as VISITOR_TARGETS  # noqa: E402  (benchmarks/visitor.py)
from visitor import measure as measure_one_visitor  # noqa: E402
from visitor import report as report_one_visitor  # noqa: E402
from voila_client import (  # noqa: E402
    KernelChannel,
    button_widget,
    choice_widget,
    fetch_page,
    leave,
)

MAX_VISITORS = 100
TARGETS = {"class_interactive": 5.0, "memory_gb": 6.0}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
"""What a page shows a widget with: a page without it shows the visitor no dashboard."""


@dataclass
class Visit:
    """What happened to one visitor."""

    interactive: float | None = None
    answered: float | None = None
    kernel: str | None = None
    error: str | None = None
    hung: bool = False
    stage: str = "page"  # the step reached: page, websocket, kernel info, widgets, change
    left_with: int | None = None  # HTTP status of the page's shutdown request
    kernel_cpu: float | None = None  # CPU-seconds its kernel used: start, notebook, change


@dataclass
class ClassResult:
    """Figures for one server."""

    name: str
    visits: list[Visit] = field(default_factory=list)
    peak_rss: int = 0
    kernels_left: int = 0
    kernel_processes_left: int = 0
    wall: float = 0.0
    ready_after: float = 0.0  # from the server's first answer to idle with its pool full
    server_cpu: float = 0.0  # CPU-seconds the server process used during the class
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before and after


@contextmanager
def server(command: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """Start a Voila server (a shell command) on loopback; yield its URL and process; stop it."""
    log = Path(tempfile.mkdtemp(prefix="classroom-")) / "voila.log"
    with serving(command, log) as running:
        yield running.url, running.process


def stock_command(port: int, folder: Path) -> str:
    """Stock Voila on the same folder: no voila.json, no template, no hooks."""
    empty = tempfile.mkdtemp(prefix="voila-stock-config-")
    voila = Path(sys.executable).parent / "voila"
    return (
        f"JUPYTER_CONFIG_DIR={empty} {voila} {folder} --no-browser --Voila.ip=127.0.0.1 "
        f"--Voila.config_file_paths=\"['{empty}']\" --Voila.port_retries=0 --port={port}"
    )


def tree_rss(pid: int) -> tuple[int, int]:
    """Resident memory of a process and its descendants, and how many kernels it runs."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    total, kernels = 0, 0
    for p in procs:
        try:
            total += p.memory_info().rss
            kernels += "ipykernel_launcher" in " ".join(p.cmdline())
        except psutil.NoSuchProcess:
            pass
    return total, kernels


def kernel_process(server: int, kernel: str) -> psutil.Process | None:
    """The process of one of the server's kernels, by its id (its connection file's name)."""
    try:
        children = psutil.Process(server).children(recursive=True)
    except psutil.NoSuchProcess:
        return None
    for child in children:
        try:
            if f"kernel-{kernel}.json" in " ".join(child.cmdline()):
                return child
        except psutil.NoSuchProcess:
            continue
    return None


def cpu_seconds(process: psutil.Process | None) -> float | None:
    """User and system CPU time a process has used, None if it is gone."""
    try:
        times = process.cpu_times()
    except (psutil.NoSuchProcess, AttributeError):
        return None
    return times.user + times.system


def serving_cpu(pid: int) -> float:
    """CPU-seconds of the server and its processes that are not kernels (`make run`: the one
    its kernels are forked from)."""
    try:
        server = psutil.Process(pid)
        helpers = [
            p for p in server.children() if "ipykernel_launcher" not in " ".join(p.cmdline())
        ]
    except psutil.NoSuchProcess:
        return 0.0
    return sum(cpu_seconds(p) or 0 for p in (server, *helpers))


async def visitor(url: str, pid: int, page_path: str, deadline: float, result: Visit) -> None:
    start = time.perf_counter()
    page = await fetch_page(url + page_path, timeout=deadline)
    if page.status != 200 or not page.kernel_id:
        # A 200 without a kernel is Voila's page for a kernel that died before its notebook ran.
        result.error = f"page answered {page.status}" + ("" if page.kernel_id else ", no kernel")
        return
    if WIDGET_VIEW not in page.html:
        result.error = "the page shows no dashboard (no widget in its outputs)"
        return
    result.kernel = page.kernel_id
    result.stage = "websocket"
    channel = await KernelChannel.open(url, page.kernel_id, timeout=deadline)
    try:
        result.stage = "kernel info"
        await channel.kernel_info(timeout=deadline)
        result.stage = "widgets"
        states = await channel.widget_states(timeout=deadline)
        result.interactive = time.perf_counter() - start
        picked, button = choice_widget(states), button_widget(states)
        if picked is None and button is None:
            result.error = "no picker to change and no button to click"
            return
        result.stage = "change"
        sent = time.perf_counter()
        if picked is not None:
            comm_id, state = picked
            other = ((state.get("index") or 0) + 1) % len(state["_options_labels"])
            msg = await channel.update_widget(comm_id, {"index": other})
        else:
            msg = await channel.click(button[0])
        await channel.idle_after(msg, deadline)
        result.answered = time.perf_counter() - sent
        if not channel.updates_to(msg):
            result.error = "the change brought no update"
    finally:
        result.kernel_cpu = cpu_seconds(kernel_process(pid, page.kernel_id))
        await channel.close()
        result.left_with = await leave(page, page.kernel_id)


async def run_class(
    url: str, pid: int, page_path: str, n: int, deadline: float, budget: float, spread: float
) -> ClassResult:
    result = ClassResult(name="")
    visits = [Visit() for _ in range(n)]
    sampling = True

    async def sample() -> None:
        while sampling:
            result.peak_rss = max(result.peak_rss, tree_rss(pid)[0])
            await asyncio.sleep(0.5)

    async def one(i: int) -> None:
        await asyncio.sleep(spread * i / max(n - 1, 1))
        try:
            await asyncio.wait_for(visitor(url, pid, page_path, deadline, visits[i]), deadline)
        except TimeoutError:
            visits[i].hung = True
        except Exception as exc:  # a visitor's failure is a figure, not a crash
            visits[i].error = f"{type(exc).__name__}: {exc}"[:200]

    sampler = asyncio.create_task(sample())
    start = time.perf_counter()
    try:
        await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(n))), budget)
    except TimeoutError:
        for v in visits:
            if v.interactive is None and v.error is None:
                v.hung = True
    result.wall = time.perf_counter() - start
    sampling = False
    await sampler
    result.visits = visits
    return result


def kernels_alive(url: str, kernels: list[str]) -> int:
    alive = 0
    for kernel in kernels:
        try:
            urllib.request.urlopen(f"{url}/api/kernels/{kernel}", timeout=10)
            alive += 1
        except OSError:
            pass
    return alive


def settle(pid: int, most: float) -> float:
    """Wait until the server and its kernels are idle (a preheated pool is full) for 3 s.

    Returns the seconds it took them to become idle (the 3 s of checking not counted).
    """
    start = time.monotonic()
    quiet, idle_at = 0, start
    while time.monotonic() - start < most and quiet < 3:
        try:
            procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
            for p in procs:
                p.cpu_percent(None)
            time.sleep(1)
            busy = sum(p.cpu_percent(None) for p in procs if p.is_running())
        except psutil.NoSuchProcess:
            busy = 100
        quiet = quiet + 1 if busy < 10 else 0
        if quiet == 1:
            idle_at = time.monotonic() - 1
    return idle_at - start


def measure_class(name, command, page_path, args, spread) -> ClassResult:
    with server(command) as (url, proc):
        ready_after = settle(proc.pid, args.warmup)  # a preheated pool fills before the class
        load = os.getloadavg()[0]
        used = serving_cpu(proc.pid)
        result = asyncio.run(
            run_class(url, proc.pid, page_path, args.visitors, args.deadline, args.budget, spread)
        )
        result.server_cpu = serving_cpu(proc.pid) - used
        result.load = (load, os.getloadavg()[0])
        result.name = name
        result.ready_after = ready_after
        time.sleep(args.linger)
        kernels = [v.kernel for v in result.visits if v.kernel]
        result.kernels_left = kernels_alive(url, kernels)
        result.kernel_processes_left = tree_rss(proc.pid)[1]
    return result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(result: ClassResult, n: int, linger: float) -> None:
    ready = [v.interactive for v in result.visits if v.interactive is not None]
    answers = [v.answered for v in result.visits if v.answered is not None]
    failures = [v.error for v in result.visits if v.error]
    hangs = sum(v.hung for v in result.visits)
    print(f"\n== {result.name}: {n} visitors (class took {result.wall:.1f} s)")
    print(f"server idle, pool full: {result.ready_after:.0f} s after it started answering")
    print(f"load average (1 min) before / after: {result.load[0]:.1f} / {result.load[1]:.1f}")
    if ready:
        print(
            f"time to interactive: median {statistics.median(ready):.2f} s, "
            f"p95 {percentile(ready, 0.95):.2f} s, max {max(ready):.2f} s ({len(ready)} of {n})"
        )
    if answers:
        print(
            f"picker change to kernel answer: median {statistics.median(answers) * 1000:.0f} ms,"
            f" max {max(answers) * 1000:.0f} ms"
        )
    print(f"failures: {len(failures)}   hangs: {hangs}")
    stages = sorted({v.stage for v in result.visits if v.hung})
    if stages:
        print(f"  hung at: {', '.join(stages)}")
    cpu = [v.kernel_cpu for v in result.visits if v.kernel_cpu is not None]
    if cpu:
        print(
            f"CPU-seconds of one visitor: kernel (start, notebook, change) median "
            f"{statistics.median(cpu):.2f} s, max {max(cpu):.2f} s; server "
            f"{result.server_cpu / n:.2f} s per visitor"
        )
    refused = [v.left_with for v in result.visits if v.left_with not in (None, 204)]
    if refused:
        print(f"shutdown requests refused: {len(refused)} (HTTP {sorted(set(refused))})")
    for error in sorted(set(failures))[:5]:
        print(f"  failure: {error}")
    print(f"peak memory, server and kernels: {result.peak_rss / 2**30:.2f} GB")
    print(
        f"visitors' kernels alive {linger:.0f} s after they left: {result.kernels_left}"
        f" (kernel processes running, preheated pool included: {result.kernel_processes_left})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--visitors", type=int, default=40)
    parser.add_argument(
        "--dashboards", default="", help="comma-separated notebooks (default: every dashboard)"
    )
    parser.add_argument("--deadline", type=float, default=120, help="seconds per visitor")
    parser.add_argument("--budget", type=float, default=300, help="seconds for the class")
    parser.add_argument(
        "--spreads", default="0,30", help="comma-separated seconds the arrivals spread over"
    )
    parser.add_argument("--repeat", type=int, default=1, help="classes per setting, make run")
    parser.add_argument("--linger", type=float, default=60, help="seconds after leaving")
    parser.add_argument("--warmup", type=float, default=180, help="most seconds to settle")
    parser.add_argument("--pool", type=int, help="preheated kernels per dashboard (VOILA_POOL)")
    parser.add_argument(
        "--class-pool",
        type=int,
        help="preheated kernels for the dashboard measured, one for the others (VOILA_POOL_FOR)",
    )
    parser.add_argument("--runs", type=int, default=20, help="Chromium visits (0: none)")
    parser.add_argument("--skip-stock", action="store_true")
    args = parser.parse_args()
    if not 1 <= args.visitors <= MAX_VISITORS:
        parser.error(f"--visitors must be between 1 and {MAX_VISITORS}")
    if not 1 <= args.repeat <= 5:
        parser.error("--repeat must be between 1 and 5")
    folder = ROOT / "notebooks" / "dashboards"
    choices = sorted(p.name for p in folder.glob("[!._]*.ipynb"))
    dashboards = [d for d in args.dashboards.split(",") if d] or choices
    for dashboard in dashboards:
        if dashboard not in choices:
            parser.error(f"--dashboards: {dashboard!r} is not one of {choices}")
    try:
        spreads = [float(x) for x in args.spreads.split(",") if x]
    except ValueError:
        parser.error(f"--spreads {args.spreads!r}: seconds separated by commas, e.g. 0,30")
    memory = psutil.virtual_memory().total / 2**30
    print(f"machine: {os.cpu_count()} cores, {memory:.1f} GB, load average {os.getloadavg()}")

    table = []
    for dashboard in dashboards:
        variables, pools = {}, {}
        if args.pool is not None:
            variables["VOILA_POOL"], pools["pool"] = str(args.pool), args.pool
        if args.class_pool is not None:
            variables.update(VOILA_POOL=str(args.class_pool), VOILA_POOL_FOR=dashboard)
            pools.update(pool=args.class_pool, pool_for=dashboard)
        name = " ".join(["make run", *(f"{k}={v}" for k, v in variables.items())])
        path = f"/voila/render/{dashboard}"
        for spread in spreads:
            arrivals = f"{dashboard}, arrivals over {spread:.0f} s"
            ours = [
                measure_class(
                    f"{name}, {arrivals}", voila_command(free_port(), **pools), path, args, spread
                )
                for _ in range(args.repeat)
            ]
            stock = []
            if not args.skip_stock:
                command = stock_command(free_port(), folder)
                stock = [measure_class(f"stock Voila, {arrivals}", command, path, args, spread)]
            for result in (*ours, *stock):
                report(result, args.visitors, args.linger)
            table.append((dashboard, spread, ours, stock))
    summary(table, args.visitors)

    browser_met = one_visitor_each(dashboards, args.runs) if args.runs > 0 else None
    met = all(verdict(ours, stock, spread, args.visitors) for _, spread, ours, stock in table)
    print(
        f"\nclass targets (over {args.spreads} s: each interactive within "
        f"{TARGETS['class_interactive']:.0f} s; in the same second: median no slower than stock;"
    )
    print("no failure or hang in any class, under 6 GB, no visitor's kernel left): ", end="")
    print("met" if met else "MISSED")
    if browser_met is not None:
        print("one-visitor targets (medians: 1.5 s to interactive, 50 ms to the result, 150 ms to")
        print("settled, on every dashboard): ", end="")
        print("met" if browser_met else "MISSED")


def one_visitor_each(dashboards: list[str], runs: int) -> bool:
    """One visitor in Chromium on each dashboard, as benchmarks/visitor.py measures it (a
    fresh `make run` server per dashboard, pool warm): whether every median met its target."""
    if shutil.which("chromium") is None:
        print("chromium is not on PATH: no browser figures")
        return False
    met = True
    for dashboard in dashboards:
        for figures in measure_one_visitor(dashboard, runs, 600, 500):
            report_one_visitor(figures)
            medians = {
                "interactive": figures.interactive,
                "result": figures.result,
                "settled": figures.settled,
            }
            met &= all(v and statistics.median(v) <= VISITOR_TARGETS[k] for k, v in medians.items())
    return met


def interactive(results: list[ClassResult]) -> list[float]:
    return [v.interactive for r in results for v in r.visits if v.interactive is not None]


def verdict(ours: list[ClassResult], stock: list[ClassResult], spread: float, n: int) -> bool:
    """Whether `make run`'s classes of one setting met the targets."""
    ready = interactive(ours)
    if len(ready) != n * len(ours) or any(v.error or v.hung for r in ours for v in r.visits):
        return False
    if any(r.peak_rss >= TARGETS["memory_gb"] * 2**30 or r.kernels_left for r in ours):
        return False
    if spread > 0:
        return max(ready) <= TARGETS["class_interactive"]
    theirs = interactive(stock)
    return not theirs or statistics.median(ready) <= statistics.median(theirs)


def summary(table: list, n: int) -> None:
    """One line per dashboard and arrival: `make run` against stock Voila."""
    print(f"\n== summary: {n} visitors; time to interactive median / max (s), failures / hangs")
    print("dashboard, arrivals | make run | stock Voila | make run: kernel CPU s per visitor")
    for dashboard, spread, ours, stock in table:

        def cell(results: list[ClassResult]) -> str:
            if not results:
                return "-"
            ready = interactive(results)
            bad = sum(bool(v.error) for r in results for v in r.visits)
            hung = sum(v.hung for r in results for v in r.visits)
            times = f"{statistics.median(ready):.1f} / {max(ready):.1f}" if ready else "none"
            return f"{times}, {bad} / {hung} ({len(results)} class(es))"

        cpu = [v.kernel_cpu for r in ours for v in r.visits if v.kernel_cpu is not None]
        cost = f"{statistics.median(cpu):.2f}" if cpu else "-"
        print(f"{dashboard}, {spread:.0f} s | {cell(ours)} | {cell(stock)} | {cost}")


if __name__ == "__main__":
    main()
