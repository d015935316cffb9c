"""The Voila settings JSON cannot hold: Python objects for `make run`'s server.

Every other setting of `make run` is in ../../voila.json; the Makefile's `run` target points
Voila at both folders. This file is not at the top of the repository because a `voila.py` there
would shadow the voila package for any Python started in that folder, and Jupyter's own Voila
extension (Binder) would read it too. It gives Voila two things:

- a page-config hook. On a folder's page it adds the list of dashboards for the landing page
  (../jupyter/voila/templates/csl/tree.html): one line per dashboard notebook, titled by its
  first Markdown heading and summed up by the first sentence after it, so a new dashboard
  appears once its file is there. On a dashboard's page it leaves out the JupyterLab
  extensions the page does not use (see :func:`page_extensions`);
- a kernel manager that refills the preheated pool in the background, a few kernels at a
  time, so the refill does not take the machine from the visitors (see
  :class:`ClassroomKernelManager`) and keeps the culler off the pooled kernels and off a
  kernel a visitor has just taken, until its page had time to connect; what it reads of
  Voila's own state is in voila_internals.py beside this file, the one place that uses a
  name Voila keeps private.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import re
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, Integer


def _beside(name: str) -> Any:
    """A module of this folder, loaded from its file (this folder is kept off ``sys.path``)."""
    spec = importlib.util.spec_from_file_location(
        f"csl_voila_{name}", Path(__file__).with_name(f"{name}.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


voila_internals = _beside("voila_internals")

_SENTENCE = re.compile(r"^(.+?[.!?。])(?:\s|$)", re.DOTALL)


def dashboard_entries(folder: Path, root: Path) -> list[dict[str, str]]:
    """One entry (path from root, title, summary) per notebook in folder, by file name.

    A notebook whose metadata holds ``csl.zh.title`` (and ``summary``) is also offered in
    Chinese: the entry's ``title_zh`` and ``summary_zh``, opened with ``?lang=zh``.
    """
    entries = []
    for path in sorted(folder.glob("*.ipynb")):
        if path.name.startswith((".", "_")):
            continue
        title, summary = _describe(path, path.stat().st_mtime_ns)
        entry = {"path": path.relative_to(root).as_posix(), "title": title, "summary": summary}
        title_zh, summary_zh = _describe_zh(path, path.stat().st_mtime_ns)
        if title_zh:
            entry |= {"title_zh": title_zh, "summary_zh": summary_zh}
        entries.append(entry)
    return entries


@lru_cache(maxsize=64)
def _describe_zh(path: Path, mtime_ns: int) -> tuple[str, str]:
    """The Chinese title and summary in the notebook's metadata (``csl.zh``), or empty."""
    try:
        zh = json.loads(path.read_text(encoding="utf-8"))["metadata"]["csl"]["zh"]
        return str(zh["title"]), str(zh.get("summary", ""))
    except (OSError, ValueError, KeyError, TypeError):
        return "", ""


@lru_cache(maxsize=64)
def _describe(path: Path, mtime_ns: int) -> tuple[str, str]:
    """Title and one-sentence summary from the notebook's first Markdown cell."""
    fallback = path.stem.replace("_", " ").strip().capitalize()
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return fallback, ""
    markdown = next((c for c in cells if c.get("cell_type") == "markdown"), None)
    if markdown is None:
        return fallback, ""
    source = markdown.get("source", "")
    text = "".join(source) if isinstance(source, list) else str(source)
    title, paragraph = fallback, []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("# ") and title == fallback and not paragraph:
            title = stripped[2:].strip()
        elif stripped and not stripped.startswith("#"):
            paragraph.append(stripped)
        elif paragraph:
            break
    joined = " ".join(paragraph)
    match = _SENTENCE.match(joined)
    return title, (match.group(1) if match else joined)


# JupyterLab extensions a dashboard page loads only when it uses them. Voila's own preview
# button belongs to JupyterLab's toolbar, which a dashboard page does not have. A renderer is
# needed where the notebook shows its MIME type: plotly's, 4.8 MB of JavaScript, is most of
# what the page would download and parse before it connects to its kernel.
NEVER_ON_A_PAGE = frozenset({"@voila-dashboards/jupyterlab-preview"})
RENDERERS = {"jupyterlab-plotly": "application/vnd.plotly.v1+json"}


def page_extensions(extensions: list[dict[str, Any]], notebook: Path) -> list[dict[str, Any]]:
    """The extensions a dashboard page loads: all but the unused ones.

    A renderer of RENDERERS is kept when the notebook's saved outputs show its MIME type. The
    notebooks are committed executed, so their outputs are the outputs the page will show; a
    notebook that cannot be read keeps every renderer.
    """
    shown = _output_types(notebook, _mtime(notebook))

    def used(ext: dict[str, Any]) -> bool:
        if ext.get("name") in NEVER_ON_A_PAGE:
            return False
        renders = RENDERERS.get(ext.get("name"))
        return renders is None or shown is None or renders in shown

    return [ext for ext in extensions if used(ext)]


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


@lru_cache(maxsize=64)
def _output_types(notebook: Path, mtime_ns: int | None) -> frozenset[str] | None:
    """Every MIME type in the notebook's saved outputs; None when it cannot be read."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        return frozenset(
            mime
            for cell in cells
            for out in cell.get("outputs", ())
            for mime in out.get("data", ())
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def page_config_hook(page_config: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Voila calls this for every page: a folder gets its dashboards, a dashboard its extensions."""
    root = Path(kwargs["settings"]["contents_manager"].root_dir)
    target = root / (kwargs.get("notebook_path") or "")
    if target.is_dir():
        page_config["cslDashboards"] = dashboard_entries(target, root)
    elif "federated_extensions" in page_config:
        extensions = page_config["federated_extensions"]
        page_config["federated_extensions"] = page_extensions(extensions, target)
    return page_config


class ClassroomKernelManager(AsyncMappingKernelManager):
    """Voila's kernel manager with a pool that refills in the background, a few at a time.

    Voila refills its preheated pool as soon as a visitor takes a kernel (`fill_delay` later):
    when a class arrives together, every taken kernel is replaced at once, and the refill (a
    Python process and a notebook run per kernel) holds the server and both cores while the
    class makes its first clicks; on 2 cores those waited 13 s. Here a kernel started to
    replace a taken one waits `refill_delay` seconds, then for one of `refill_slots` turns,
    which it keeps until its notebook has run. The pool's first filling, until a visitor takes
    a kernel, does not wait for the delay. A pool kernel a visitor is already waiting for (the
    pool ran out and the visitor took a kernel still starting) goes ahead at once, as does a
    kernel started outside the pool. Voila's own `fill_delay` is 0 in voila.json: the delay
    here is the one that skips the kernels a visitor waits for.

    The culler (`cull_idle_timeout` in voila.json) leaves the pooled kernels alone and gives a
    kernel a visitor takes a whole timeout to be connected to (:meth:`cull_kernel_if_idle`).

    Voila makes its pooled manager (`VoilaKernelManager`) a subclass of this class; a pool
    entry is the asyncio task that starts a kernel and then renders its notebook, and it
    leaves its pool when a visitor takes it. This class reads the pools through
    voila_internals.py.
    """

    refill_delay = Float(
        10.0, config=True, help="Seconds a kernel taken from the pool waits to be replaced."
    )
    refill_slots = Integer(
        max(1, (os.cpu_count() or 2) - 1),
        config=True,
        help="Pool kernels starting or running their notebook at once (default: cores - 1).",
    )
    refill_limit = Float(60.0, config=True, help="Most seconds one pool kernel keeps its turn.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._refilling = 0
        self._entries: set[asyncio.Task] = set()  # every pool entry seen until one is taken
        self._taken = False
        self._from_pool: set[str] = set()  # pool kernels the culler has not seen taken yet

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:
        """Start a kernel; one for the pool that no visitor waits for waits its turn first."""
        entry = asyncio.current_task()
        if (kwargs.get("env") or {}).get("VOILA_PREHEAT") != "True" or entry is None:
            return await super().start_kernel(*args, **kwargs)
        kernel_id = await self._start_pool_kernel(entry, *args, **kwargs)
        self._from_pool.add(kernel_id)
        return kernel_id

    async def _start_pool_kernel(self, entry: asyncio.Task, *args: Any, **kwargs: Any) -> str:
        """Start a pool entry's kernel once it has its turn (at once if a visitor waits)."""
        loop = asyncio.get_running_loop()
        ready_at = loop.time() + self.refill_delay
        while self._in_pool(entry) and (
            (self._taken_any() and loop.time() < ready_at) or self._refilling >= self.refill_slots
        ):
            await asyncio.sleep(0.1)
        if not self._in_pool(entry):  # a visitor is waiting for this kernel
            return await super().start_kernel(*args, **kwargs)
        self._refilling += 1
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        except BaseException:
            self._refilling -= 1
            raise
        loop.create_task(self._release_after_rendering(entry, loop.time() + self.refill_limit))
        return kernel_id

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """Cull an idle kernel, but not one in the pool, nor one a visitor has just taken.

        A pooled kernel's last activity is the run of its notebook, however long ago; once a
        visitor takes it, the page still has to load and connect, and a kernel nobody is
        connected to looks idle. So the culler leaves the pools alone, and its first look at a
        kernel that has left its pool counts as the kernel's activity: the page has a whole
        `cull_idle_timeout` from then on to connect (a connected kernel is not culled, see
        `cull_connected` in voila.json).
        """
        if kernel_id in voila_internals.pooled_kernel_ids(self):
            return
        if kernel_id in self._from_pool:
            self._from_pool.discard(kernel_id)
            self.get_kernel(kernel_id).last_activity = datetime.now(UTC)
            return
        await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> Any:
        """Shut a kernel down, forgetting that it came from the pool."""
        self._from_pool.discard(kernel_id)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)

    def _pool_entries(self) -> set[asyncio.Task]:
        """The entries waiting in the pools, none taken by a visitor yet."""
        return voila_internals.pool_entries(self)

    def _taken_any(self) -> bool:
        """Whether a visitor has taken a kernel yet: an entry has left its pool."""
        if not self._taken:
            entries = self._pool_entries()
            self._taken = bool(self._entries - entries)
            self._entries |= entries
        return self._taken

    def _in_pool(self, entry: asyncio.Task) -> bool:
        """Whether this pool entry is still waiting in a pool (no visitor has taken it)."""
        return entry in self._pool_entries()

    async def _release_after_rendering(self, entry: asyncio.Task, deadline: float) -> None:
        """Give the turn back once the entry's notebook has run (or failed, or took too long)."""
        loop = asyncio.get_running_loop()
        try:
            result = await asyncio.wait_for(asyncio.shield(entry), deadline - loop.time())
            rendering = result.get("task") if isinstance(result, dict) else None
            if rendering is not None:
                await asyncio.wait_for(asyncio.shield(rendering), deadline - loop.time())
        except (Exception, asyncio.CancelledError):
            pass  # a failed or slow start gives its turn back all the same
        finally:
            self._refilling -= 1


if "get_config" in globals():  # read by Voila as its configuration file
    c = get_config()  # noqa: F821
    c.VoilaConfiguration.page_config_hook = page_config_hook
    c.VoilaConfiguration.multi_kernel_manager_class = ClassroomKernelManager
