"""CPU-seconds one dashboard kernel costs: started afresh against forked from a prepared process.

For each dashboard, --runs kernels of each kind: the CPU its process used to start (ipykernel
ready for requests) and to run the dashboard's notebook. "afresh" is a new Python, as stock
Voila starts a kernel; "forked" comes from the process `make run` forks its kernels from
(share/voila/fork_server.py, with voila.json's `fork_preload`), whose own one-time preparation
is printed apart. Kernels are started one at a time by jupyter_client, on this machine.

Run: .venv/bin/python benchmarks/kernel_cost.py [--runs 5] [--dashboards penalty_simulator.ipynb]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

import nbformat
import psutil
from jupyter_client.manager import AsyncKernelManager

ROOT = Path(__file__).resolve().parent.parent
DASHBOARDS = ROOT / "notebooks" / "dashboards"
sys.path.insert(0, str(ROOT / "tests"))

from conftest import share_voila  # noqa: E402

kernel_fork = share_voila("kernel_fork")


def cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


async def one_kernel(server, notebook: Path) -> tuple[float, float]:
    """CPU-seconds to start a kernel through ``server`` (None: afresh) and to run ``notebook``."""
    manager = AsyncKernelManager(kernel_name="python3")
    kernel_fork.start_through(manager, f"cost-{time.monotonic_ns()}", server)
    await manager.start_kernel(cwd=str(notebook.parent))
    client = manager.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=120)
        process = psutil.Process(manager.provisioner.pid)
        started = cpu(process)
        for cell in nbformat.read(notebook, as_version=4).cells:
            if cell.cell_type == "code":
                reply = await client.execute_interactive(
                    cell.source, timeout=120, output_hook=lambda message: None
                )
                if reply["content"]["status"] != "ok":
                    raise RuntimeError(f"{notebook.name}: {reply['content'].get('ename')}")
        return started, cpu(process) - started
    finally:
        client.stop_channels()
        await manager.shutdown_kernel(now=True)


async def measure(notebooks: list[Path], runs: int, preload: list[str]) -> None:
    forking = kernel_fork.ForkServer(preload)
    began = time.perf_counter()
    forking.start()
    await one_kernel(forking, notebooks[0])  # waits for the preparation
    process = psutil.Process(forking.process.pid)
    print(
        f"fork server: prepared in {time.perf_counter() - began:.1f} s, {cpu(process):.2f} CPU-s, "
        f"{process.memory_info().rss / 2**20:.0f} MB ({' '.join(preload)})"
    )
    try:
        for notebook in notebooks:
            for name, server in (("afresh", None), ("forked", forking)):
                costs = [await one_kernel(server, notebook) for _ in range(runs)]
                start = statistics.median(c[0] for c in costs)
                run = statistics.median(c[1] for c in costs)
                print(
                    f"{notebook.stem:22} {name:7} start {start:.2f}  notebook {run:.2f}  "
                    f"total {start + run:.2f} CPU-s (median of {runs})"
                )
    finally:
        forking.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dashboards", default="", help="notebook names, comma-separated")
    args = parser.parse_args()
    if not 1 <= args.runs <= 50:
        sys.exit(f"--runs must be from 1 to 50, not {args.runs}")
    names = [n for n in args.dashboards.split(",") if n]
    notebooks = [DASHBOARDS / n for n in names] or sorted(DASHBOARDS.glob("[!._]*.ipynb"))
    missing = [n.name for n in notebooks if not n.is_file()]
    if missing:
        valid = ", ".join(p.name for p in sorted(DASHBOARDS.glob("[!._]*.ipynb")))
        sys.exit(f"--dashboards: no {', '.join(missing)}; valid: {valid}")
    config = json.loads((ROOT / "voila.json").read_text())
    preload = config["ClassroomKernelManager"]["fork_preload"]
    asyncio.run(measure(notebooks, args.runs, preload))


if __name__ == "__main__":
    main()
