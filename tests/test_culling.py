"""Idle kernels are culled (voila.json), but never a pooled one, nor one a visitor just took.

Real servers on 127.0.0.1 with real kernels and a short cull timeout. A preheated kernel may
wait in the pool far longer than the cull timeout; when a visitor takes it, its page still has
to load its JavaScript before it connects to the kernel, and the culler must not delete the
kernel in between (the page would show the widgets' text and no hint to reload).
"""

from __future__ import annotations

import asyncio
import re
import time

import nbformat
import psutil
import pytest
from conftest import free_port, serving, voila_command
from test_pool import kernel_processes, wait_for_quiet_kernels
from voila_client import KernelChannel, fetch_page, run

pytestmark = pytest.mark.server
CULL_IDLE_TIMEOUT = 6
CULL_INTERVAL = 1
NOTEBOOK = "tiny.ipynb"
CULLED = re.compile(r"Culling '\w+' kernel")
"""What the server logs when it culls a kernel."""


def tiny_dashboards(tmp_path):
    """A folder with one notebook that runs in an instant, so only the culling takes time."""
    folder = tmp_path / "dashboards"
    folder.mkdir()
    cells = [nbformat.v4.new_markdown_cell("# Tiny"), nbformat.v4.new_code_cell("1 + 1")]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, folder / NOTEBOOK)
    return folder


def culling_command(folder, pool: int) -> str:
    """`make run`'s server on the folder, with a pool and a culler that looks every second."""
    command = voila_command(free_port(), pool=pool, folder=folder)
    command += f" --MappingKernelManager.cull_idle_timeout={CULL_IDLE_TIMEOUT}"
    command += f" --MappingKernelManager.cull_interval={CULL_INTERVAL}"
    return command


def cpu_seconds(*processes: psutil.Process) -> float:
    """The CPU time the processes have used so far, user and system."""
    return sum(t.user + t.system for t in (p.cpu_times() for p in processes))


def test_pooled_kernels_older_than_the_cull_timeout_are_kept_not_replaced(tmp_path):
    pool = 2
    with serving(culling_command(tiny_dashboards(tmp_path), pool), tmp_path / "voila.log") as s:
        proc = psutil.Process(s.process.pid)
        before = wait_for_quiet_kernels(proc, pool)
        time.sleep(CULL_IDLE_TIMEOUT + 4 * CULL_INTERVAL)
        used = cpu_seconds(proc, *before.values())
        time.sleep(3 * CULL_INTERVAL)
        used = cpu_seconds(proc, *before.values()) - used
        after = kernel_processes(proc)
    assert set(after) == set(before)  # none culled, none started in its place
    assert used < 1.0  # server and kernels idle: no loop of culling and refilling
    assert not CULLED.search((tmp_path / "voila.log").read_text())


def test_a_kernel_taken_from_an_old_pool_waits_for_its_page_to_connect(tmp_path):
    log = tmp_path / "voila.log"
    with serving(culling_command(tiny_dashboards(tmp_path), 1), log) as s:
        proc = psutil.Process(s.process.pid)
        pooled = wait_for_quiet_kernels(proc, 1)
        time.sleep(CULL_IDLE_TIMEOUT + 2 * CULL_INTERVAL)  # older than the timeout

        async def visit() -> tuple[str, dict]:
            page = await fetch_page(f"{s.url}/voila/render/{NOTEBOOK}")
            assert page.status == 200 and page.kernel_id in pooled
            taken = time.monotonic()
            await asyncio.sleep(CULL_IDLE_TIMEOUT - 2 * CULL_INTERVAL)  # the page loads
            assert time.monotonic() - taken < CULL_IDLE_TIMEOUT
            channel = await KernelChannel.open(s.url, page.kernel_id, timeout=10)
            try:
                return page.kernel_id, await channel.kernel_info(timeout=10)
            finally:
                await channel.close()

        kernel, info = run(visit(), timeout=60)
        assert info["status"] == "ok"
        assert not CULLED.search(log.read_text())
        # left alone, the visitor's kernel is idle and is culled as any other
        deadline = time.monotonic() + CULL_IDLE_TIMEOUT + 10 * CULL_INTERVAL
        while kernel in kernel_processes(proc) and time.monotonic() < deadline:
            time.sleep(CULL_INTERVAL / 2)
        assert kernel not in kernel_processes(proc)
    assert re.search(rf"Culling '\w+' kernel '\w+' \({kernel}\)", log.read_text())
