"""N students against JupyterHub on this machine: time to a working dashboard, memory, failures.

The hub is the class's configuration (deploy/jupyterhub/jupyterhub_config.py) as
tests/test_hub.py runs it: on 127.0.0.1 with configurable-http-proxy, the workshop login
(NativeAuthenticator, the trainer's password set by the operator's command) and
SimpleLocalProcessSpawner (per-user homes; a class uses SystemdSpawner, whose limits would only
cap what is measured here). Before the clock starts, every student signs up and the trainer
authorises them all. Then all N students log in in the same second (each login checks a bcrypt
hash in the hub's process); each does what a browser does (tests/test_hub.py): the hub's login
form, spawn, the dashboard page through Voila's server extension, its kernel websocket, the
widgets' states, one picker changed and answered.

Reported: time from the login to the answered picker (median, p95, max), failures, and, once
every student has a working dashboard, each student's server and kernel as psutil sees them
(resident memory, CPU seconds used since they started), with the hub, its proxy and the culler
beside them. No assertions: the figures go into docs/running-a-class.md.

Bounded: at most 40 students, each given --deadline seconds; the hub listens on 127.0.0.1 only
and everything it started is stopped at the end.

Run: .venv/bin/python benchmarks/hub.py [--users 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_hub import answer_one_input, enrol, hub_running, log_in, open_dashboard  # noqa: E402

MAX_USERS = 40
MB = 1024 * 1024


@dataclass
class Result:
    """One student's run."""

    name: str
    working: float | None = None
    error: str | None = None


def one_student(hub_url: str, name: str, deadline: float) -> Result:
    start = time.perf_counter()
    try:
        student = open_dashboard(log_in(hub_url, name), deadline=deadline)
        updates = asyncio.run(asyncio.wait_for(answer_one_input(student), deadline))
        if not updates:
            return Result(name, error="the picker change was not answered")
        return Result(name, working=time.perf_counter() - start)
    except Exception as exc:  # a failure is a figure here, not an end
        return Result(name, error=f"{type(exc).__name__}: {exc}"[:200])


def user_processes(hub_pid: int) -> dict[str, list[psutil.Process]]:
    """Each student's server and its kernels, by the JUPYTERHUB_USER its server was given."""
    found: dict[str, list[psutil.Process]] = {}
    for child in psutil.Process(hub_pid).children():
        try:
            user = child.environ().get("JUPYTERHUB_USER")
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if user:
            found[user] = [child, *child.children(recursive=True)]
    return found


def measure(processes: list[psutil.Process]) -> tuple[float, float]:
    """Resident memory (MB) and CPU seconds of a set of processes."""
    rss = cpu = 0.0
    for proc in processes:
        try:
            rss += proc.memory_info().rss / MB
            times = proc.cpu_times()
            cpu += times.user + times.system + times.children_user + times.children_system
        except psutil.NoSuchProcess:
            pass
    return rss, cpu


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(results: list[Result], hub_pid: int, seconds: float) -> None:
    ok = [r.working for r in results if r.working is not None]
    failed = [r for r in results if r.error]
    print(f"students: {len(results)}, cores: {os.cpu_count()}, class done in {seconds:.1f} s")
    if ok:
        print(
            "time to a working dashboard (login to answered picker): median "
            f"{statistics.median(ok):.1f} s, p95 {percentile(ok, 0.95):.1f} s, max {max(ok):.1f} s"
        )
    print(f"failures: {len(failed)}")
    for r in failed:
        print(f"  {r.name}: {r.error}")
    per_user = [measure(procs) for procs in user_processes(hub_pid).values()]
    if per_user:
        rss = [m[0] for m in per_user]
        cpu = [m[1] for m in per_user]
        print(
            f"per student (server + kernel), {len(per_user)} measured: memory median "
            f"{statistics.median(rss):.0f} MB, max {max(rss):.0f} MB; CPU to a working dashboard "
            f"median {statistics.median(cpu):.1f} s, max {max(cpu):.1f} s"
        )
    hub = psutil.Process(hub_pid)
    own = [hub, *(p for p in hub.children() if not _is_user(p))]
    rss, cpu = measure(own)
    print(f"hub, proxy and culler: {rss:.0f} MB, {cpu:.1f} CPU s")
    total = sum(m[0] for m in per_user) + rss
    print(f"all together: {total:.0f} MB")


def _is_user(proc: psutil.Process) -> bool:
    try:
        return "JUPYTERHUB_USER" in proc.environ()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=5, help=f"students (1 to {MAX_USERS})")
    parser.add_argument("--deadline", type=float, default=240, help="seconds per student")
    options = parser.parse_args()
    if not 0 < options.users <= MAX_USERS:
        parser.error(f"--users {options.users} is out of range; valid: 1 to {MAX_USERS}")
    names = [f"student{i}" for i in range(options.users)]
    with tempfile.TemporaryDirectory() as folder:
        # A long culler timeout: nobody is culled while the class is measured.
        with hub_running(Path(folder) / "hub", cull_timeout=3600, cull_every=600) as hub:
            enrol(hub.url, names)
            start = time.perf_counter()
            with ThreadPoolExecutor(len(names)) as pool:
                results = list(pool.map(lambda n: one_student(hub.url, n, options.deadline), names))
            report(results, hub.process.pid, time.perf_counter() - start)


if __name__ == "__main__":
    main()
