"""How `make run` refills its preheated kernel pool (ClassroomKernelManager, share/voila/voila.py).

Real servers on 127.0.0.1 with real kernels: the kernels' processes are read with psutil (their
command line names the kernel id, their creation time says when they started) and the server's
own kernel model says when each one was last active.

Every time compared here is on one clock, the wall clock of ``time.time()`` that the server's
kernel model uses too. psutil's ``create_time()`` is not: it adds the process's start, counted
from boot, to a boot time Linux gives in whole seconds, so it runs up to a second early.
:func:`started_at` puts a process's start on the wall clock through the boot-time clock the
kernel counts it on.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import urllib.request
from datetime import datetime

import psutil
import pytest
from conftest import free_port, serving, voila_command
from voila_client import fetch_page, run

pytestmark = pytest.mark.server
EXPLORER = "law_explorer.ipynb"
OTHER_DASHBOARDS = 2  # each keeps a pool of one when VOILA_POOL_FOR names the explorer
_KERNEL_FILE = re.compile(r"kernel-([0-9a-f-]{36})\.json")


def kernel_processes(server: psutil.Process) -> dict[str, psutil.Process]:
    """The server's kernels by id."""
    found = {}
    for child in server.children(recursive=True):
        try:
            match = _KERNEL_FILE.search(" ".join(child.cmdline()))
        except psutil.NoSuchProcess:
            continue
        if match:
            found[match.group(1)] = child
    return found


def wait_for_quiet_kernels(server: psutil.Process, count: int, most: float = 120) -> dict:
    """Wait until the server runs `count` kernels and none of them uses the CPU for 2 s."""
    deadline = time.monotonic() + most
    quiet_since = None
    while time.monotonic() < deadline:
        kernels = kernel_processes(server)
        try:
            busy = sum(p.cpu_percent(0.5) for p in kernels.values())
        except psutil.NoSuchProcess:
            busy = 100.0
        if len(kernels) == count and busy < 5:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= 2:
                return kernels
        else:
            quiet_since = None
    raise AssertionError(f"expected {count} idle kernels, found {len(kernel_processes(server))}")


def started_at(process: psutil.Process) -> float:
    """When a process started, on the wall clock of ``time.time()``.

    ``create_time() - boot_time()`` is the start counted from boot exactly (psutil adds the two
    from the same whole-second boot time); CLOCK_BOOTTIME says how long ago that was.
    """
    since_boot = process.create_time() - psutil.boot_time()
    return time.time() - (time.clock_gettime(time.CLOCK_BOOTTIME) - since_boot)


def last_active(url: str, kernel: str) -> float:
    """When the server last heard from a kernel (seconds since the epoch)."""
    model = json.load(urllib.request.urlopen(f"{url}/api/kernels/{kernel}", timeout=10))
    return datetime.fromisoformat(model["last_activity"].replace("Z", "+00:00")).timestamp()


def take_pages(url: str, count: int) -> list:
    """`count` visitors open the explorer at the same moment."""

    async def visit():
        return await asyncio.gather(
            *(fetch_page(f"{url}/voila/render/{EXPLORER}") for _ in range(count))
        )

    return run(visit())


def test_taken_kernels_are_replaced_one_at_a_time_once_the_delay_has_passed(tmp_path):
    pool, delay = 3, 3.0
    command = voila_command(free_port(), pool=pool, pool_for=EXPLORER)
    command += f" --ClassroomKernelManager.refill_delay={delay}"
    command += " --ClassroomKernelManager.refill_slots=1"
    with serving(command, tmp_path / "voila.log") as server:
        proc = psutil.Process(server.process.pid)
        before = wait_for_quiet_kernels(proc, pool + OTHER_DASHBOARDS)
        taken_at = time.time()
        pages = take_pages(server.url, pool)
        assert {p.kernel_id for p in pages} <= set(before)  # the visitors had pooled kernels
        after = wait_for_quiet_kernels(proc, 2 * pool + OTHER_DASHBOARDS)
        refills = sorted(
            (started_at(p), last_active(server.url, kernel))
            for kernel, p in after.items()
            if kernel not in before
        )
    assert len(refills) == pool
    assert refills[0][0] >= taken_at + delay - 0.1
    for (_, done), (next_start, _) in zip(refills, refills[1:], strict=False):
        assert next_start >= done - 0.1  # the next refill started once this one had run


def test_neither_the_first_filling_nor_visitors_who_empty_the_pool_wait_the_delay(tmp_path):
    delay = 60.0
    command = voila_command(free_port(), pool=1, pool_for=EXPLORER)
    command += f" --ClassroomKernelManager.refill_delay={delay}"
    with serving(command, tmp_path / "voila.log") as server:
        start = time.monotonic()
        wait_for_quiet_kernels(psutil.Process(server.process.pid), 1 + OTHER_DASHBOARDS)
        assert time.monotonic() - start < delay / 2  # the first filling does not wait
        start = time.monotonic()
        pages = take_pages(server.url, 3)
        took = time.monotonic() - start
    assert [p.status for p in pages] == [200, 200, 200]
    assert len({p.kernel_id for p in pages}) == 3
    assert took < delay / 2  # the two who took kernels still starting did not wait the delay


def automatic_command(folder, *options: str) -> str:
    """`make run`'s server with no pool given, on a folder, an idle pool of one kernel."""
    command = voila_command(free_port(), folder=folder)
    return " ".join([command, "--VoilaConfiguration.default_pool_size=1", *options])


def take_one_at_a_time(url: str, notebook: str, count: int) -> list:
    """`count` visitors open the notebook one after the other, each keeping the page open."""

    async def visit():
        return [await fetch_page(f"{url}/voila/render/{notebook}") for _ in range(count)]

    return run(visit())


def test_with_no_pool_given_the_pool_grows_while_visitors_arrive_then_shrinks(tmp_path):
    from test_culling import NOTEBOOK, tiny_dashboards

    window = 30.0  # longer than a visitor waits for a kernel on a busy machine
    command = automatic_command(
        tiny_dashboards(tmp_path),
        "--ClassroomKernelManager.idle_pool_max=1",
        f"--ClassroomKernelManager.grow_window={window}",
    )
    with serving(command, tmp_path / "voila.log") as server:
        proc = psutil.Process(server.process.pid)
        wait_for_quiet_kernels(proc, 1)
        pages = take_one_at_a_time(server.url, NOTEBOOK, 4)
        assert len({p.kernel_id for p in pages}) == 4
        grown = wait_for_quiet_kernels(proc, 4 + 1 + 4)  # each kernel taken replaced by two
        after = wait_for_quiet_kernels(proc, 4 + 1, most=window + 60)  # back to the idle pool
    assert {p.kernel_id for p in pages} <= set(after) <= set(grown)


def test_the_pool_grows_no_further_than_the_memory_share(tmp_path):
    from test_culling import NOTEBOOK, tiny_dashboards

    command = automatic_command(
        tiny_dashboards(tmp_path),
        "--ClassroomKernelManager.idle_pool_max=1",
        "--ClassroomKernelManager.memory_share=0.0001",
    )
    with serving(command, tmp_path / "voila.log") as server:
        proc = psutil.Process(server.process.pid)
        wait_for_quiet_kernels(proc, 1)
        take_one_at_a_time(server.url, NOTEBOOK, 3)
        kernels = wait_for_quiet_kernels(proc, 3 + 1)  # replaced one for one
        time.sleep(3)
        assert len(kernel_processes(proc)) == len(kernels)
