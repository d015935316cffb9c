"""The process `make run` forks its kernels from: the imports every kernel makes, made once.

A kernel started the usual way is a new Python that imports ipykernel, ipywidgets, plotly and
csl_helpers and loads the Law before its notebook runs: about half of what a visitor costs the
machine. This process makes those imports once, and runs the warm-up functions it is given
(work every dashboard shares, such as the Law's data and the charts of both versions), then
waits. For each kernel the server asks for, it forks: the child starts ipykernel with the
connection file the server wrote, as ``python -m ipykernel_launcher -f FILE`` would, and
inherits the imports and the warm caches instead of redoing them.

Run by the server (kernel_fork.py beside this file), never by hand::

    python fork_server.py SOCKET [module | module:function]...

It listens on the Unix socket SOCKET (in a folder only its user can enter). A request is one
line of JSON, ``{"argv": [...], "env": {...}, "cwd": "..."}``, where argv is what follows
``ipykernel_launcher`` on its command line; the answer is one line, ``{"pid": N}`` or
``{"error": "..."}``. It stops when its standard input closes (the server has gone), and its
kernels stop a second later, as a kernel stops when the process that started it has gone.
Each kernel runs in a session of its own, so the server signals it as it signals a kernel it
started itself (interrupt, terminate, kill).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import select
import signal
import socket
import sys
import threading
import traceback
from pathlib import Path

import setproctitle

LAUNCHER = "ipykernel_launcher"
REQUEST_LIMIT = 1 << 20
"""The largest request read (bytes): a kernel's environment and arguments."""


def main(socket_path: str, preload: list[str]) -> None:
    """Listen first (a request waits while the imports run), then import, then fork on request."""
    if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
        del sys.path[0]  # this folder holds a voila.py that would shadow the voila package
    setproctitle.getproctitle()  # finds the room for a kernel's title now, environment intact
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(128)
    for spec in preload:
        _load(spec)
    if threading.active_count() > 1:  # a thread would be missing, half-way, in every kernel
        threads = threading.active_count() - 1
        print(f"fork server: {threads} threads running after the imports", file=sys.stderr)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the system reaps the kernels that end
    sys.stdout.flush()  # or every kernel would write what is still buffered again
    sys.stderr.flush()
    try:
        serve(listener)
    finally:
        listener.close()
        Path(socket_path).unlink(missing_ok=True)


def _load(spec: str) -> None:
    """Import ``module``, or import ``module`` and call its ``function`` (``module:function``)."""
    module_name, _, function = spec.partition(":")
    module = importlib.import_module(module_name)
    if function:
        getattr(module, function)()


def serve(listener: socket.socket) -> None:
    """Fork a kernel for each request, until standard input closes."""
    stdin = sys.stdin.buffer
    while True:
        readable, _, _ = select.select([listener, stdin], [], [])
        if stdin in readable and not os.read(stdin.fileno(), 4096):
            return
        if listener in readable:
            connection, _ = listener.accept()
            with connection:
                _answer(connection, listener)


def _answer(connection: socket.socket, listener: socket.socket) -> None:
    """Fork the kernel a request asks for and send its pid, or say what was wrong with it.

    A kernel whose pid cannot be sent (the server stopped waiting) is stopped: nobody would.
    """
    connection.settimeout(10)
    try:
        request = _read_request(connection)
        pid = os.fork()
    except (OSError, ValueError) as error:
        _send(connection, {"error": str(error)})
        return
    if pid == 0:
        _become_kernel(request, connection, listener)
    if not _send(connection, {"pid": pid}):
        os.kill(pid, signal.SIGKILL)


def _send(connection: socket.socket, answer: dict) -> bool:
    """Send one line of JSON; whether it went (the asking side may have gone)."""
    try:
        connection.sendall(json.dumps(answer).encode() + b"\n")
        return True
    except OSError:
        return False


def _read_request(connection: socket.socket) -> dict:
    """One request: argv (strings), env (strings to strings) and cwd (a folder)."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = connection.recv(65536)
        if not chunk or len(data) > REQUEST_LIMIT:
            raise ValueError("the request ended before its end of line, or was too long")
        data += chunk
    request = json.loads(data)
    if not isinstance(request, dict):
        raise ValueError("a request is a JSON object with argv, env and cwd")
    argv, env, cwd = request.get("argv"), request.get("env"), request.get("cwd")
    if not (isinstance(argv, list) and all(isinstance(a, str) for a in argv)):
        raise ValueError("argv must be a list of strings")
    if not (isinstance(env, dict) and all(isinstance(v, str) for v in env.values())):
        raise ValueError("env must map names to strings")
    if not (isinstance(cwd, str) and Path(cwd).is_dir()):
        raise ValueError(f"cwd must be a folder, not {cwd!r}")
    return request


def _become_kernel(request: dict, connection: socket.socket, listener: socket.socket) -> None:
    """In the child: a kernel's session, streams, environment and folder, then ipykernel."""
    code = 1
    try:
        connection.close()
        listener.close()
        os.setsid()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.environ.clear()
        os.environ.update(request["env"])
        # ipykernel stops when its parent is no longer the process that started it: this one
        # (the default of parent_handle, from JPY_PARENT_PID, was read before any request)
        os.environ["JPY_PARENT_PID"] = str(os.getppid())
        os.chdir(request["cwd"])
        # what ps and psutil show of a kernel, and what the kernel sees as its command line
        setproctitle.setproctitle(" ".join([sys.executable, "-m", LAUNCHER, *request["argv"]]))
        sys.argv = [importlib.util.find_spec(LAUNCHER).origin, *request["argv"]]
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize([*request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"])
        _as_if_imported_in_the_kernel()
        app.start()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _as_if_imported_in_the_kernel() -> None:
    """What the preloaded modules do when imported in a kernel, and did not do here.

    ipywidgets registers its comm targets on import when IPython runs; imported here, before
    any kernel, it did not, and a page could not load the widgets' states in one request.
    """
    if "ipywidgets" in sys.modules:
        sys.modules["ipywidgets"].register_comm_target()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
