"""Shared fixtures: a real Voila server on 127.0.0.1 and a real Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser_required() -> bool:
    """In CI a missing browser is a failure, not a skip."""
    return bool(os.environ.get("CI") or os.environ.get("CSL_REQUIRE_BROWSER"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def voila_command(port: int, **variables: str) -> str:
    """The shell command `make run` runs, on the given port, with this Python's Voila.

    Read from the Makefile (make -n), so the tests serve the dashboards with the very settings,
    template and hooks a trainer's `make run` uses; ``variables`` are more make variables
    (``VOILA_POOL="40"``).
    """
    out = subprocess.run(
        [
            "make", "-s", "-n", "--no-print-directory", "-o", ".venv/.installed", "run",
            f"VOILA_PORT={port}", "VOILA_IP=127.0.0.1", f"BIN={Path(sys.executable).parent}",
            *(f"{key}={value}" for key, value in variables.items()),
        ],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return out.replace("\\\n", " ").strip()


@dataclass(frozen=True)
class Server:
    """A running server: its URL and its process."""

    url: str
    process: subprocess.Popen


@contextmanager
def serving(command: str, log: Path) -> Iterator[Server]:
    """Run a Voila shell command until its "/" answers; yield the server; stop it afterwards.

    ``command`` must name its port as ``--port=N``; the server's output goes to ``log``.
    """
    port = command.rsplit("--port=", 1)[1].split()[0]
    with open(log, "w") as out:
        proc = subprocess.Popen(
            ["bash", "-c", "exec env " + command], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=5)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"Voila did not start:\n{log.read_text()}") from None
                time.sleep(0.3)
        yield Server(url, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def voila_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Voila server for notebooks/dashboards on a free loopback port, stopped afterwards.

    It is started from the Makefile's `run` recipe (see :func:`voila_command`).
    """
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    with serving(voila_command(free_port()), log) as server:
        yield server.url


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium (the ``chromium`` on PATH) under Playwright."""
    path = shutil.which("chromium")
    if path is None:
        if browser_required():
            pytest.fail("chromium is not on PATH; .ci/run installs it from Debian packages")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh page that records JavaScript errors in ``page.errors``."""
    context = chromium.new_context()
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def shared_sources() -> Path:
    """../shared/law-sources, the texts data/ was copied from (present beside every clone)."""
    path = ROOT.parent / "shared" / "law-sources"
    if not path.is_dir():
        pytest.skip("../shared/law-sources is not beside this checkout")
    return path
