"""Record the script chunks the dashboards' pages load, for the page script (page_scripts.py).

Run after installing another Voila, ipywidgets or anywidget (tests/test_page_scripts.py fails
on a stale record and names this command):

    .venv/bin/python share/voila/record_chunks.py

It serves the dashboards as `make run` does (serve.py) on a free port of 127.0.0.1, opens each
dashboard in headless Chromium in each interface language with the page script held back, so
the page fetches every chunk it needs one by one, and waits until the page has drawn and
answered one input (benchmarks/visitor.py's probes). Every chunk file fetched, of Voila's
static folder or of an extension's, goes into page_chunks.json beside this file with a digest
of its content. Bounded: each page has a minute, the server is stopped at the end.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]  # voila.py is no package
ROOT = HERE.parents[1]
LANGUAGES = ("en", "zh")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


serve = _load(HERE / "serve.py", "csl_voila_serve")
page_scripts = _load(HERE / "page_scripts.py", "csl_voila_page_scripts")


def free_port() -> int:
    """A free TCP port of 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chunk_of(url: str, static: Path, search: list[str]) -> tuple[str, Path] | None:
    """The record's source name and the file a chunk URL of the page names; None if not one."""
    path = urlparse(url).path
    if path.startswith("/voila/static/"):
        file = static / path.removeprefix("/voila/static/")
        return (page_scripts.VOILA, file) if file.is_file() else None
    if not path.startswith("/voila/labextensions/"):
        return None
    parts = path.removeprefix("/voila/labextensions/").split("/")
    cut = 2 if parts[0].startswith("@") else 1
    name, rest = "/".join(parts[:cut]), "/".join(parts[cut:])
    for root in search:
        file = Path(root) / name / rest
        if file.is_file():
            return name, file
    return None


def visit(browser, url: str, probe) -> list[str]:
    """The URLs a dashboard page fetched, its page script held back, through one input."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/page-scripts-*", lambda route: route.abort())
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(url, wait_until="load", timeout=60_000)
        page.locator(probe.ready).first.wait_for(state="visible", timeout=60_000)
        if probe.drawn:
            page.locator(probe.drawn).first.wait_for(state="attached", timeout=60_000)
        page.locator(probe.control).first.evaluate(probe.act)
        page.wait_for_load_state("networkidle", timeout=60_000)
        time.sleep(1)
        page.goto("about:blank")
        return fetched
    finally:
        context.close()


def record(out: Path = page_scripts.RECORD) -> dict[str, dict[str, str]]:
    """Record the chunks and write them to ``out``; what was written."""
    os.environ.update(serve.voila_environment())
    from playwright.sync_api import sync_playwright
    from voila.paths import collect_static_paths
    from voila.utils import get_voila_labextensions_path

    visitor = _load(ROOT / "benchmarks" / "visitor.py", "csl_benchmark_visitor")
    static = page_scripts.static_folder(collect_static_paths(["voila", "nbconvert"], "csl"))
    search = get_voila_labextensions_path()
    port = free_port()
    argv = serve.voila_argv(port=port, pool=1)
    server = subprocess.Popen(argv, cwd=ROOT, env={**os.environ}, stdout=subprocess.DEVNULL)
    chunks: dict[str, dict[str, str]] = {}
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=5)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.3)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for notebook, probe in sorted(visitor.PROBES.items()):
                for lang in LANGUAGES:
                    url = f"{base}/voila/render/{notebook}?lang={lang}"
                    for fetched in visit(browser, url, probe):
                        found = chunk_of(fetched, static, search)
                        if found is None:
                            continue
                        name, file = found
                        with file.open("rb") as handle:
                            if not page_scripts.is_chunk(handle.read(page_scripts.HEAD_BYTES)):
                                continue
                        folder = static if name == page_scripts.VOILA else None
                        if folder is None:
                            folder = next(
                                p for p in file.parents if p.parent.name == name.split("/")[-1]
                            )
                        key = file.relative_to(folder).as_posix()
                        chunks.setdefault(name, {})[key] = page_scripts.digest(file)
                    print(f"{notebook} ({lang}): {sum(map(len, chunks.values()))} chunks so far")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    document = {
        "comment": "Written by share/voila/record_chunks.py: the chunks the dashboards' pages "
        "load, per source (voila, or an extension), each with a digest of its content.",
        "chunks": {name: dict(sorted(files.items())) for name, files in sorted(chunks.items())},
    }
    out.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    return document["chunks"]


if __name__ == "__main__":
    recorded = record()
    print(f"{page_scripts.RECORD}: {sum(map(len, recorded.values()))} chunks of {len(recorded)}")
