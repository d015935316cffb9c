"""The command `make run` runs: one Voila server for every dashboard, set up for a class.

`make run` executes this script, and the tests build their servers' command from
:func:`voila_argv` and :func:`voila_environment`, so both serve the dashboards with the same
page template, settings and hooks:

- the page template ``csl`` (offline, frees a kernel when its tab closes), which Voila finds
  through ``JUPYTER_PATH`` in ../jupyter;
- the settings of ../../voila.json and the Python hooks of voila.py beside this file;
- the address and the preheated pools the Makefile's ``VOILA_IP``, ``VOILA_PORT``,
  ``VOILA_POOL`` and ``VOILA_POOL_FOR`` give (docs/running-a-class.md).

Run: ``python share/voila/serve.py [--ip 0.0.0.0] [--port 8866] [--pool N] [--pool-for NAME]``.
The script becomes the server (the same process), so stopping it stops the server: Voila's
own application as server_app.py beside this file runs it, with its responses compressed and
its content-named files cached (compression.py). This script imports nothing of Voila: run as
a script, its folder comes first on ``sys.path``, where voila.py would stand in for the voila
package.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DASHBOARDS = ROOT / "notebooks" / "dashboards"
SERVER_APP = Path(__file__).resolve().with_name("server_app.py")
"""The script that runs Voila's application with compressed and cached responses."""
TEMPLATES = ROOT / "share" / "jupyter"
CONFIG_DIRS = (ROOT, ROOT / "share" / "voila")
"""Where Voila reads its settings: voila.json, then the hooks of voila.py."""
IP = "127.0.0.1"
PORT = 8866
CLASS_POOL = 2
"""Preheated kernels for the dashboard ``pool_for`` names when ``pool`` does not say."""


def voila_executable() -> str:
    """The ``voila`` installed beside this Python (the virtual environment's), else on PATH."""
    beside = Path(sys.executable).parent / "voila"
    if beside.is_file():
        return str(beside)
    found = shutil.which("voila")
    if found is None:
        raise FileNotFoundError(f"no voila beside {sys.executable} or on PATH: run `make run`")
    return found


def voila_python() -> str:
    """The Python that runs the ``voila`` command (its virtual environment's), else this one."""
    beside = Path(voila_executable()).parent / "python"
    return str(beside) if beside.is_file() else sys.executable


def voila_argv(
    *,
    ip: str = IP,
    port: int = PORT,
    pool: int | None = None,
    pool_for: str | None = None,
    folder: Path = DASHBOARDS,
) -> list[str]:
    """The command line of the server: Voila (server_app.py) over ``folder`` on ``ip``:``port``.

    Args:
        ip: the address to listen on; ``0.0.0.0`` serves the local network.
        port: the port to listen on.
        pool: preheated kernels per dashboard; ``None`` lets the server size its pools from
            the machine's memory and grow the one a class takes from (voila.py).
        pool_for: one dashboard (a notebook in ``folder``) that gets ``pool`` preheated
            kernels (``CLASS_POOL`` when ``pool`` is ``None``) while every other keeps one.
        folder: the notebooks to serve (the dashboards; a test serves others).

    Raises:
        ValueError: a port outside 1 to 65535, a negative pool, or ``pool_for`` naming no
            notebook of ``folder`` (the message lists the valid ones).
    """
    if not ip:
        raise ValueError("ip is empty; valid: an address such as 127.0.0.1 or 0.0.0.0")
    if not 0 < port < 2**16:
        raise ValueError(f"port {port} is out of range; valid: 1 to 65535")
    if pool is not None and pool < 0:
        raise ValueError(f"pool {pool} is negative; valid: 0 or more preheated kernels")
    argv = [
        voila_python(),
        str(SERVER_APP),
        str(folder),
        "--template=csl",
        *(f"--Voila.config_file_paths={d}" for d in CONFIG_DIRS),  # one item each
        f"--Voila.ip={ip}",
        f"--port={port}",
    ]
    if pool_for or pool is not None:  # the trainer says how many: no automatic pools
        argv.append("--ClassroomKernelManager.automatic=False")
    if pool_for:
        notebooks = sorted(p.name for p in Path(folder).glob("[!._]*.ipynb"))
        if pool_for not in notebooks:
            raise ValueError(f"pool_for {pool_for!r} is not a dashboard; valid: {notebooks}")
        pools = {pool_for: {"pool_size": CLASS_POOL if pool is None else pool}}
        argv.append(f"--VoilaKernelManager.kernel_pools_config={pools!r}")
    elif pool is not None:
        argv.append(f"--VoilaConfiguration.default_pool_size={pool}")
    return argv


def voila_environment() -> dict[str, str]:
    """The environment variables the server needs besides the caller's: the template's path."""
    return {"JUPYTER_PATH": str(TEMPLATES)}


def parse(args: Sequence[str] | None = None) -> list[str]:
    """The server's command line from this script's (``--ip``, ``--port``, ``--pool``, ...)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ip", default=IP, help=f"address to listen on (default {IP})")
    parser.add_argument("--port", type=int, default=PORT, help=f"port (default {PORT})")
    parser.add_argument("--pool", type=int, help="preheated kernels per dashboard")
    parser.add_argument("--pool-for", help="the one dashboard that gets --pool kernels")
    options = parser.parse_args(args)
    try:
        return voila_argv(
            ip=options.ip, port=options.port, pool=options.pool, pool_for=options.pool_for
        )
    except (ValueError, FileNotFoundError) as exc:
        parser.error(str(exc))


def main(args: Sequence[str] | None = None) -> None:
    """Replace this process with the server."""
    argv = parse(args)
    os.chdir(ROOT)
    os.execve(argv[0], argv, {**os.environ, **voila_environment()})


if __name__ == "__main__":
    main()
