"""Kernels forked from one process that has made their imports: the server's side.

:class:`ForkServer` starts fork_server.py (beside this file) and asks it for kernels;
:class:`ForkProvisioner` is jupyter_client's local provisioner with its launch replaced by
that request, so the server writes the connection file, watches, interrupts and stops a forked
kernel as it does one it started itself (:class:`ForkedKernel` is the handle it holds in place
of a ``Popen``). A command that is not ``python -m ipykernel_launcher`` of this Python, or a
fork server that cannot answer, starts the kernel the usual way.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import psutil
from jupyter_client.provisioning import LocalProvisioner

FORK_SERVER = Path(__file__).with_name("fork_server.py")
CONNECT_WITHIN = 30.0
"""Seconds a request waits for the fork server (its imports run while the first ones wait)."""


class ForkError(RuntimeError):
    """The fork server could not start a kernel."""


class ForkServer:
    """One fork_server.py process, with the imports and warm-up functions given.

    It starts with the first kernel asked of it (or :meth:`start`), so a manager that never
    starts a kernel never starts it.
    """

    def __init__(self, preload: list[str]) -> None:
        self.preload = list(preload)
        self.process: subprocess.Popen | None = None
        self.socket_path: Path | None = None

    def start(self) -> None:
        """Start the process, unless it was started already."""
        if self.process is not None:
            return
        self.socket_path = Path(tempfile.mkdtemp(prefix="csl-kernels-")) / "fork.sock"  # 0700
        self.process = subprocess.Popen(
            [sys.executable, str(FORK_SERVER), str(self.socket_path), *self.preload],
            stdin=subprocess.PIPE,
            start_new_session=True,  # a Ctrl-C meant for the server does not reach it
        )

    @staticmethod
    def accepts(cmd: list[str]) -> bool:
        """Whether ``cmd`` starts ipykernel in this Python, what the fork server can do."""
        return (
            len(cmd) >= 3
            and os.path.abspath(cmd[0]) == os.path.abspath(sys.executable)
            and cmd[1:3] == ["-m", "ipykernel_launcher"]
        )

    async def fork(self, cmd: list[str], env: dict[str, str], cwd: str) -> int:
        """The pid of a new kernel running ``cmd`` (see :meth:`accepts`) in ``env`` and ``cwd``."""
        self.start()
        if self.process.poll() is not None:
            raise ForkError(f"the fork server has stopped (exit code {self.process.returncode})")
        request = {"argv": cmd[3:], "env": dict(env), "cwd": str(cwd)}
        try:
            answer = await asyncio.wait_for(self._ask(request), CONNECT_WITHIN)
        except (OSError, ValueError, TimeoutError) as error:
            raise ForkError(f"the fork server did not answer: {error!r}") from error
        if "pid" not in answer:
            raise ForkError(f"the fork server refused: {answer.get('error', answer)}")
        return int(answer["pid"])

    async def _ask(self, request: dict) -> dict:
        while True:  # until the process has bound its socket
            try:
                reader, writer = await asyncio.open_unix_connection(str(self.socket_path))
                break
            except (FileNotFoundError, ConnectionRefusedError):
                if self.process.poll() is not None:
                    raise
                await asyncio.sleep(0.05)
        try:
            writer.write(json.dumps(request).encode() + b"\n")
            await writer.drain()
            return json.loads(await reader.readline())
        finally:
            writer.close()

    def stop(self) -> None:
        """Stop the process (its kernels stop a second later) and remove its socket's folder."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.socket_path.parent, ignore_errors=True)


class ForkedKernel:
    """What a provisioner needs of a ``Popen`` for a kernel the fork server started.

    The kernel is not this process's child: the fork server reaps it, so its exit status is
    not known here and :meth:`poll` gives 0 for a kernel that has ended. It leads its own
    process group.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        try:
            self._process: psutil.Process | None = psutil.Process(pid)
        except psutil.NoSuchProcess:
            self._process = None

    def poll(self) -> int | None:
        """None while the kernel runs, else 0."""
        try:
            running = self._process is not None and self._process.is_running()
            return None if running and self._process.status() != psutil.STATUS_ZOMBIE else 0
        except psutil.NoSuchProcess:
            return 0

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the kernel to end (at most ``timeout`` seconds); 0."""
        if self._process is not None:
            try:
                self._process.wait(timeout)
            except psutil.NoSuchProcess:
                pass
            except psutil.TimeoutExpired as expired:
                raise subprocess.TimeoutExpired(str(self.pid), timeout) from expired
        return 0

    def send_signal(self, signum: int) -> None:
        """Signal the kernel, if it still runs (never a later process given the same pid)."""
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        """Ask the kernel to stop."""
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """Stop the kernel."""
        self.send_signal(signal.SIGKILL)


class ForkProvisioner(LocalProvisioner):
    """The local provisioner, launching through :attr:`fork_server` when it can."""

    fork_server: ForkServer | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        """Fork the kernel; start it the usual way if the fork server cannot."""
        server = self.fork_server
        if server is None or not server.accepts(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        env = kwargs.get("env")
        cwd = kwargs.get("cwd") or os.getcwd()
        try:
            pid = await server.fork(cmd, os.environ if env is None else env, cwd)
        except ForkError as error:
            self.log.warning("Kernel %s started without the fork server: %s", self.kernel_id, error)
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedKernel(pid)
        self.pid = self.pgid = pid
        self.cwd = cwd
        return self.connection_info


def start_through(km: Any, kernel_id: str, server: ForkServer | None) -> None:
    """Have the kernel manager ``km`` (not started yet) start its kernel through ``server``.

    With no server, the kernel starts the usual way.
    """
    km.provisioner = ForkProvisioner(kernel_id=kernel_id, kernel_spec=km.kernel_spec, parent=km)
    km.provisioner.fork_server = server
