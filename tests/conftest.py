"""Shared fixtures: a real Voila server on 127.0.0.1 and a real Chromium driven by Playwright.

A test is marked by what it uses, so ``pytest -m "not browser and not server"`` runs the logic
alone: the ``page`` and ``chromium`` fixtures mark it ``browser``, the ``voila_url`` fixture
``server`` (:func:`pytest_collection_modifyitems`). A test that starts a server itself, through
:func:`serving`, must carry ``@pytest.mark.server``; :func:`serving` fails it otherwise.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

# Property tests assert behaviour, not speed: hypothesis's default deadline (200 ms an example)
# fails them when the shared 2-core machine is busy. Speed is measured in benchmarks/.
settings.register_profile("behaviour", deadline=None)
settings.load_profile("behaviour")

ROOT = Path(__file__).resolve().parent.parent
SHARE_VOILA = ROOT / "share" / "voila"
MARKED_BY_FIXTURE = {"page": "browser", "chromium": "browser", "voila_url": "server"}
"""The marker each of these fixtures gives a test that uses it (directly or through another)."""
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


def share_voila(name: str) -> ModuleType:
    """A module of share/voila, loaded from its file.

    That folder is never put on ``sys.path``: its voila.py would stand in for the voila package.
    """
    spec = importlib.util.spec_from_file_location(f"csl_voila_{name}", SHARE_VOILA / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


serve = share_voila("serve")


def voila_command(
    port: int, *, pool: int | None = None, pool_for: str | None = None, folder: Path | None = None
) -> str:
    """The shell command of `make run`'s server on 127.0.0.1:``port``, with this Python's Voila.

    Built by share/voila/serve.py, the script `make run` runs, so the tests serve the dashboards
    with the very settings, template and hooks a trainer's `make run` uses. ``pool`` and
    ``pool_for`` are `make run`'s VOILA_POOL and VOILA_POOL_FOR; ``folder`` serves another
    folder of notebooks than notebooks/dashboards.
    """
    argv = serve.voila_argv(
        ip="127.0.0.1", port=port, pool=pool, pool_for=pool_for, folder=folder or serve.DASHBOARDS
    )
    env = [f"{key}={value}" for key, value in serve.voila_environment().items()]
    return shlex.join([*env, *argv])


def jupyter_command(
    port: int, token: str, state: Path, *, root: Path = ROOT, binder: bool = False
) -> str:
    """The shell command of JupyterLab's server on 127.0.0.1:``port``, as a student starts it.

    It runs this Python's ``jupyter lab`` from the repository root, which is also where Binder
    starts it, so the server reads what a clone ships (voila.json for Voila's extension). The
    server keeps its own settings, workspaces and runtime files in ``state``, apart from the
    user's ~/.jupyter. ``root`` is the folder it serves (a test serves others). ``binder`` starts
    it through the repository's ``start`` script, which repo2docker runs before the server on
    Binder.
    """
    env = {
        "JUPYTER_CONFIG_DIR": state / "config",
        "JUPYTER_DATA_DIR": state / "data",
        "JUPYTER_RUNTIME_DIR": state / "runtime",
    }
    argv = [
        *([str(ROOT / "start")] if binder else []),
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--port={port}",
    ]
    return shlex.join([*(f"{key}={value}" for key, value in env.items()), *argv])


def marks_for(fixtures: Iterable[str]) -> set[str]:
    """The markers a test using these fixtures gets (:data:`MARKED_BY_FIXTURE`)."""
    return {MARKED_BY_FIXTURE[name] for name in fixtures if name in MARKED_BY_FIXTURE}


collected: list[pytest.Item] = []
"""Every test collected, before ``-m`` or ``-k`` leaves some out."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test by the fixtures it uses, before ``-m`` selects among them."""
    collected[:] = items
    for item in items:
        for mark in sorted(marks_for(getattr(item, "fixturenames", ()))):
            item.add_marker(mark)


_running: list[pytest.Item] = []  # the test being set up, run or torn down


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def _check_marked_server() -> None:
    """Fail the running test if it starts a server without ``@pytest.mark.server``."""
    if _running and _running[-1].get_closest_marker("server") is None:
        pytest.fail(
            f"{_running[-1].nodeid} starts a Voila server: mark it @pytest.mark.server so that "
            '`pytest -m "not server"` leaves it out',
            pytrace=False,
        )


@dataclass(frozen=True)
class Server:
    """A running server: its URL and its process."""

    url: str
    process: subprocess.Popen


@contextmanager
def serving(command: str, log: Path) -> Iterator[Server]:
    """Run a Voila shell command until its "/" answers; yield the server; stop it afterwards.

    ``command`` must name its port as ``--port=N``; the server's output goes to ``log``. Inside
    a test, the test must be marked ``server``.
    """
    _check_marked_server()
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

    It is started as `make run` starts it (see :func:`voila_command`), its idle pools kept at
    two kernels per dashboard so that filling them does not hold the machine while the tests
    run (tests/test_pool.py tests the pools' sizes).
    """
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    command = voila_command(free_port()) + " --ClassroomKernelManager.idle_pool_max=2"
    with serving(command, log) as server:
        yield server.url


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium (the ``chromium`` on PATH) under Playwright."""
    path = shutil.which("chromium")
    if path is None:
        if browser_required():
            pytest.fail("chromium is not on PATH; .ci/run installs it from Debian packages")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import expect, sync_playwright

    # A retrying assertion waits for the page to answer; on a busy 2-core machine a kernel's
    # answer can take longer than Playwright's 5 s default, so the assertions wait up to 30 s.
    expect.set_options(timeout=30_000)
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
