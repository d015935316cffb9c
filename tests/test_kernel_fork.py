"""Kernels forked from one preloaded process (share/voila/kernel_fork.py and fork_server.py).

Real kernels: jupyter_client's own kernel manager starts them through the fork provisioner,
and a real client runs code in them, interrupts them and shuts them down.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
import time
from pathlib import Path

import psutil
import pytest
from conftest import free_port, serving, share_voila, voila_command
from jupyter_client.manager import AsyncKernelManager
from test_pool import kernel_processes, wait_for_quiet_kernels
from voila_client import run

kernel_fork = share_voila("kernel_fork")
PRELOAD = ["ipykernel.kernelapp", "csl_helpers.dashboards:prepare_shared"]


@pytest.fixture(scope="module")
def fork_server():
    server = kernel_fork.ForkServer(PRELOAD)
    server.start()
    yield server
    server.stop()


async def _start(fork_server, **kwargs) -> tuple[AsyncKernelManager, object]:
    manager = AsyncKernelManager(kernel_name="python3")
    kernel_fork.start_through(manager, f"test-{time.monotonic_ns()}", fork_server)
    await manager.start_kernel(**kwargs)
    client = manager.client()
    client.start_channels()
    await client.wait_for_ready(timeout=60)
    return manager, client


async def _run(client, code: str, timeout: float = 60) -> tuple[str, dict]:
    """Run ``code``; its printed output and the reply's content."""
    printed = []

    def hook(message: dict) -> None:
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])

    reply = await client.execute_interactive(code, timeout=timeout, output_hook=hook)
    return "".join(printed), reply["content"]


async def _stop(manager, client) -> None:
    client.stop_channels()
    await manager.shutdown_kernel()


def test_a_forked_kernel_has_the_imports_and_caches_its_server_made(fork_server, tmp_path):
    async def scenario():
        env = {**os.environ, "CSL_FORK_TEST": "given"}
        manager, client = await _start(fork_server, env=env, cwd=str(tmp_path))
        pid = manager.provisioner.pid
        printed, reply = await _run(
            client,
            "import os, sys\n"
            "from csl_helpers.views.penalties.plots import fines_chart\n"
            "print(os.getppid(), os.getpgid(0), os.getcwd(), os.environ['CSL_FORK_TEST'])\n"
            "print(fines_chart.cache_info().currsize > 0)",
        )
        await _stop(manager, client)
        return pid, printed, reply

    pid, printed, reply = run(scenario())
    assert reply["status"] == "ok"
    first, second = printed.splitlines()
    assert first.split() == [str(fork_server.process.pid), str(pid), str(tmp_path), "given"]
    assert second == "True"  # the charts prepare_shared built, not built again
    assert not psutil.pid_exists(pid)


def test_a_forked_kernel_is_named_by_its_connection_file(fork_server):
    async def scenario():
        manager, client = await _start(fork_server)
        command = " ".join(psutil.Process(manager.provisioner.pid).cmdline())
        connection_file = manager.connection_file
        await _stop(manager, client)
        return command, connection_file

    command, connection_file = run(scenario())
    assert f"-m ipykernel_launcher -f {connection_file}" in command


def test_a_forked_kernel_is_interrupted_and_stopped_like_any_other(fork_server):
    async def scenario():
        manager, client = await _start(fork_server)
        running = asyncio.ensure_future(_run(client, "import time; time.sleep(60)"))
        await asyncio.sleep(1)
        await manager.interrupt_kernel()
        _, reply = await asyncio.wait_for(running, 20)
        pid = manager.provisioner.pid
        await _stop(manager, client)
        return reply, pid, await manager.is_alive()

    reply, pid, alive = run(scenario())
    assert reply["status"] == "error" and reply["ename"] == "KeyboardInterrupt"
    assert not alive
    assert not psutil.pid_exists(pid)


def test_kernels_stop_when_their_fork_server_stops():
    server = kernel_fork.ForkServer(["ipykernel.kernelapp"])

    async def scenario():
        manager, client = await _start(server)
        client.stop_channels()
        return manager.provisioner.pid

    pid = run(scenario())
    assert psutil.pid_exists(pid)
    server.stop()
    kernel = psutil.Process(pid) if psutil.pid_exists(pid) else None
    if kernel is not None:
        kernel.wait(10)  # ipykernel's parent poller looks every second
    assert not Path(server.socket_path).parent.exists()


def test_other_commands_and_a_stopped_fork_server_start_kernels_the_usual_way(caplog):
    assert kernel_fork.ForkServer.accepts([sys.executable, "-m", "ipykernel_launcher", "-f", "x"])
    assert not kernel_fork.ForkServer.accepts(["/usr/bin/python3", "-m", "ipykernel_launcher"])
    assert not kernel_fork.ForkServer.accepts([sys.executable, "-m", "other_kernel", "-f", "x"])
    server = kernel_fork.ForkServer(["ipykernel.kernelapp"])
    server.start()
    server.stop()

    async def scenario():
        manager, client = await _start(server)
        printed, _ = await _run(client, "import os; print(os.getppid())")
        await _stop(manager, client)
        return printed

    assert run(scenario()).strip() == str(os.getpid())  # started by this process
    assert "without the fork server" in caplog.text


@pytest.mark.parametrize(
    ("request_", "named"),
    [
        ({"argv": "-f x", "env": {}, "cwd": "/"}, "argv"),
        ({"argv": [], "env": {"A": 1}, "cwd": "/"}, "env"),
        ({"argv": [], "env": {}, "cwd": "/no/such/folder"}, "cwd"),
    ],
)
def test_a_bad_request_is_refused_naming_its_field(fork_server, request_, named):
    async def ask():
        return await fork_server._ask(request_)  # the server's own way of asking

    answer = run(ask())
    assert set(answer) == {"error"} and named in answer["error"]
    with socket.socket(socket.AF_UNIX) as raw:  # a caller gone before the answer: no harm
        raw.connect(str(fork_server.socket_path))
        raw.sendall(b"[]\n")
    with socket.socket(socket.AF_UNIX) as raw:  # and it still answers after them
        raw.connect(str(fork_server.socket_path))
        raw.sendall(b"[1, 2]\n")
        assert "JSON object" in json.loads(raw.makefile().readline())["error"]


@pytest.mark.server
def test_make_runs_kernels_are_forked_and_its_fork_server_stops_with_it(tmp_path):
    with serving(voila_command(free_port(), pool=1), tmp_path / "voila.log") as running:
        server = psutil.Process(running.process.pid)
        kernels = wait_for_quiet_kernels(server, 3)
        parents = {kernel.ppid() for kernel in kernels.values()}
        forker = psutil.Process(parents.pop())
        assert not parents  # one process forked them all
        assert "fork_server.py" in " ".join(forker.cmdline())
        assert forker.ppid() == server.pid
        assert len(kernel_processes(server)) == 3
    forker.wait(10)
    for kernel in kernels.values():
        kernel.wait(10)


def test_the_shared_preparation_builds_charts_in_every_language_and_no_widget(monkeypatch):
    import threading

    import ipywidgets

    from csl_helpers import dashboards
    from csl_helpers.views.i18n import UI_LANGS
    from csl_helpers.views.penalties.plots import fines_chart

    def no_widget(self, *args, **kwargs):
        raise AssertionError(f"{type(self).__name__} made before any kernel shows it")

    monkeypatch.setattr(ipywidgets.Widget, "open", no_widget)
    fines_chart.cache_clear()
    threads = threading.active_count()
    dashboards.prepare_shared()
    assert fines_chart.cache_info().currsize == len(UI_LANGS)
    assert threading.active_count() == threads


def test_a_forked_kernel_sees_what_a_kernel_started_afresh_sees(fork_server):
    """Comm targets (ipywidgets registers its own when imported in a kernel, which forking
    skips), the import path, the command line, plotly's renderer and the parent's pid."""
    code = (
        "import os, sys, comm, plotly.io, csl_helpers.dashboards\n"
        "print(sorted(comm.get_comm_manager().targets), sys.path, sys.argv[0],\n"
        "      plotly.io.renderers.default, os.environ['JPY_PARENT_PID'] == str(os.getppid()))"
    )

    async def seen(server):
        manager, client = await _start(server)
        printed, _ = await _run(client, code)
        await _stop(manager, client)
        return printed.strip()

    forked, usual = run(seen(fork_server)), run(seen(None))  # None: started the usual way
    assert "jupyter.widget.control" in usual
    assert forked == usual
