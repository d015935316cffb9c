"""The Voila settings JSON cannot hold: Python objects for `make run`'s server.

Every other setting of `make run` is in ../../voila.json; the Makefile's `run` target points
Voila at both folders. This file is not at the top of the repository because a `voila.py` there
would shadow the voila package for any Python started in that folder, and Jupyter's own Voila
extension (Binder) would read it too. It gives Voila two things:

- a page-config hook. On a folder's page it adds the list of dashboards for the landing page
  (../jupyter/voila/templates/csl/tree.html): one line per dashboard notebook, titled by its
  first Markdown heading and summed up by the first sentence after it, so a new dashboard
  appears once its file is there. On a dashboard's page it leaves out the JupyterLab
  extensions the page does not use (see :func:`page_extensions`) and names the one script
  that carries the chunks of Voila's page and of those extensions (see :func:`page_script`
  and page_scripts.py). Both pages get their words in every interface language (the
  dashboard's name, title, introduction and loading words; the landing page's), so the page
  is in the language its address names from its first paint (:func:`_page_words`);
- a kernel manager that refills the preheated pool in the background, a few kernels at a
  time, so the refill does not take the machine from the visitors (see
  :class:`ClassroomKernelManager`) and keeps the culler off the pooled kernels and off a
  kernel a visitor has just taken, until its page had time to connect; what it reads of
  Voila's own state is in voila_internals.py beside this file, the one place that uses a
  name Voila keeps private. It forks its kernels from one process that has made their
  imports and loaded the Law (kernel_fork.py, fork_server.py), so a visitor's kernel costs
  the machine a fraction of a fresh Python.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import re
import sys
import time
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Bool, Float, Integer, List, Unicode


def _beside(name: str) -> Any:
    """A module of this folder, loaded from its file (this folder is kept off ``sys.path``)."""
    spec = importlib.util.spec_from_file_location(
        f"csl_voila_{name}", Path(__file__).with_name(f"{name}.py")
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


voila_internals = _beside("voila_internals")
pool_sizing = _beside("pool_sizing")
kernel_ports = _beside("kernel_ports")
kernel_fork = _beside("kernel_fork")
page_scripts = _beside("page_scripts")

TEMPLATE_STATIC = Path(__file__).resolve().parents[1] / "jupyter/voila/templates/csl/static"
"""The page template's own static folder, where the page's script of chunks is written."""

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
# No dashboard shows mathematics. Voila's page takes JupyterLab's MathJax 3 plugin, which
# fetches about 1 MB of MathJax to typeset the page, unless its page config names a MathJax
# URL: it then takes the MathJax 2 plugin (2 kB), which loads what the URL names. That is the
# template's no-mathjax.js, a MathJax that typesets nothing.
NO_MATH = "static/no-mathjax.js"


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
        page_config["cslLanding"] = _page_words("landing")
    elif "federated_extensions" in page_config:
        page_config["cslPage"] = _page_words(target.stem)
        extensions = page_extensions(page_config["federated_extensions"], target)
        page_config["federated_extensions"] = extensions
        script = page_script(extensions, kwargs.get("voila_configuration"))
        if script is not None:
            page_config["cslPageScripts"] = f"static/{script}"
        template = getattr(kwargs.get("voila_configuration"), "template", None) or "csl"
        static = f"{kwargs.get('base_url') or '/'}voila/templates/{template}/"
        page_config |= {"fullMathjaxUrl": static + NO_MATH, "mathjaxConfig": "none"}
        places = (TEMPLATE_STATIC, _user_template_static())
        plotly = page_scripts.plotly_for_page(places, TEMPLATE_STATIC / "plotly")
        if plotly is not None:
            page_config["cslPlotly"] = f"voila/templates/{template}/static/{plotly}"
    return page_config


def _page_words(name: str) -> dict[str, dict[str, str]]:
    """The words a page shows before its kernel answers, in every interface language.

    ``name`` is a dashboard's (``law_explorer``), or ``landing`` for the landing page; the
    words are csl_helpers.pages', or none where csl_helpers cannot be imported (the page is
    then in Voila's own words).
    """
    try:
        from csl_helpers import pages
        from csl_helpers.translation import UI_LANGS
    except ImportError:
        return {}
    if name == "landing":
        return {lang: pages.landing_words(lang) for lang in UI_LANGS}
    return pages.page_words(name)


def page_script(extensions: list[dict[str, Any]], configuration: Any) -> str | None:
    """The name of the script of the chunks of Voila's page and of ``extensions``; or None.

    The script is written into TEMPLATE_STATIC, or where that cannot be written into the
    template's folder in the user's Jupyter data folder, which Voila serves the template's
    static files from too (page_scripts.py); None when there is nothing to write or nowhere
    to write it. The chunks are read from the folders Voila serves the page's scripts from:
    its static paths for the page's template, and its labextensions path.
    """
    template = getattr(configuration, "template", None) or "csl"
    extra = tuple(getattr(configuration, "extra_labextensions_path", None) or ())
    entries = tuple((e.get("name"), e.get("load")) for e in extensions)
    sources = _script_sources(template, extra, entries)
    if not sources:
        return None
    folders = tuple(folder for _, folder in sources)
    only = _recorded(sources)
    return page_scripts.for_page(folders, (TEMPLATE_STATIC, _user_template_static()), only)


@lru_cache(maxsize=16)
def _recorded(sources: tuple[tuple[str, Path], ...]) -> frozenset[Path] | None:
    """The recorded chunks of ``sources`` (page_chunks.json); None, every chunk, if stale."""
    return page_scripts.recorded(sources, page_scripts.read_record())


def _user_template_static() -> Path:
    from jupyter_core.paths import jupyter_data_dir

    return Path(jupyter_data_dir()) / TEMPLATE_STATIC.relative_to(TEMPLATE_STATIC.parents[3])


@lru_cache(maxsize=16)
def _script_sources(
    template: str, extra: tuple[str, ...], entries: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, Path], ...]:
    from voila.paths import collect_static_paths
    from voila.utils import get_voila_labextensions_path

    try:  # the page is served without the script rather than not at all
        static_paths = collect_static_paths(["voila", "nbconvert"], template)
        search = get_voila_labextensions_path(list(extra) or None)
    except (ValueError, OSError):
        return ()
    static = page_scripts.static_folder(static_paths)
    if static is None:
        return ()
    return ((page_scripts.VOILA, static), *page_scripts.extension_sources(entries, search))


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

    With `automatic` on (`make run` given no pool), the server sizes the pools itself, so a
    trainer need not know the class size or the dashboard: each dashboard keeps an idle pool
    sized from the machine's memory (pool_sizing.py, at most `idle_pool_max`); every kernel
    visitors take from a dashboard is replaced by two while the memory allows (its kernels
    stop at `memory_share` of the machine), so the pool of the dashboard a class uses grows as
    long as the class keeps arriving; a replacement waits `refill_delay` only while its pool
    is still at least half full; and `grow_window` seconds after the last visitor took a
    kernel, the pool is cut back to its idle size.

    With `fork_kernels` on, every kernel is forked from one process that has imported and
    called `fork_preload` (voila.json: ipykernel, and csl_helpers' shared preparation), and
    is given TCP ports outside the ephemeral range (:meth:`pre_start_kernel`).

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
    automatic = Bool(
        True,
        config=True,
        help="Size the pools from the memory and grow the one visitors take from (no VOILA_POOL).",
    )
    idle_pool_max = Integer(
        8, config=True, help="Most preheated kernels per dashboard while no class arrives."
    )
    memory_share = Float(
        0.5, config=True, help="Share of the machine's memory a grown pool stops at."
    )
    grow_window = Float(
        120.0, config=True, help="Seconds after the last take that a grown pool is kept."
    )

    fork_kernels = Bool(
        True,
        config=True,
        help="Fork kernels from one process that has made their imports (kernel_fork.py).",
    )
    fork_preload = List(
        Unicode(),
        ["ipykernel.kernelapp"],
        config=True,
        help="What that process imports ('module') or calls ('module:function') before forking.",
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fork_server = kernel_fork.ForkServer(self.fork_preload) if self.fork_kernels else None
        self._refilling = 0
        self._entries: set[asyncio.Task] = set()  # every pool entry seen until one is taken
        self._taken = False
        self._from_pool: set[str] = set()  # pool kernels the culler has not seen taken yet
        self._seen: dict[str, set[str]] = {}  # kernels taken from each pool, at the last look
        self._last_take: dict[str, float] = {}
        self._idle_size: int | None = None
        self._ports: dict[str, tuple[list[int], float]] = {}  # given to a kernel, and when
        if self.automatic and self.has_trait("kernel_pools_config"):
            self._size_idle_pools()
            asyncio.get_event_loop().create_task(self._follow_the_class())

    def pre_start_kernel(self, kernel_name: str | None, kwargs: Any) -> tuple[Any, str, str]:
        """The manager of a kernel about to start: its ports, and forked if `fork_kernels`.

        Its TCP ports are outside the ephemeral range: jupyter_client would pick them from the
        range outgoing connections take theirs from, and a class's connections took one before
        its kernel bound it (kernel_ports.py).
        """
        km, kernel_name, kernel_id = super().pre_start_kernel(kernel_name, kwargs)
        ports = kernel_ports.kernel_port_range()
        if km.transport == "tcp" and len(ports) >= 1000:
            given = kernel_ports.free_ports(km.ip, self._ports_given(), ports=ports)
            km.shell_port, km.iopub_port, km.stdin_port, km.hb_port, km.control_port = given
            km.cache_ports = False  # keep them: jupyter_client would pick its own again
            self._ports[kernel_id] = (given, time.monotonic())
        if self._fork_server is not None:
            kernel_fork.start_through(km, kernel_id, self._fork_server)
        return km, kernel_name, kernel_id

    def _ports_given(self) -> set[int]:
        """Ports of kernels running or started in the last two minutes (not all bound yet)."""
        running, now = set(self.list_kernel_ids()), time.monotonic()
        for kernel_id, (_, when) in list(self._ports.items()):
            if kernel_id not in running and now - when > 120:
                del self._ports[kernel_id]
        return {port for ports, _ in self._ports.values() for port in ports}

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
            (self._taken_any() and loop.time() < ready_at and self._deep(entry))
            or self._refilling >= self.refill_slots
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

    async def shutdown_all(self, now: bool = False) -> None:
        """Shut every kernel down, then the process they were forked from."""
        try:
            await super().shutdown_all(now=now)
        finally:
            if self._fork_server is not None:
                self._fork_server.stop()

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

    def _deep(self, entry: asyncio.Task) -> bool:
        """Whether a refill may wait its delay.

        Always, unless `automatic` and the entry's pool has fewer than half its size ready (a
        class is taking the kernels faster than they are replaced).
        """
        if not self.automatic:
            return True
        for notebook, entries in voila_internals.pools(self).items():
            if entry in entries:
                ready = sum(
                    voila_internals.kernel_of(e, rendered=True) is not None for e in entries
                )
                return 2 * ready >= self._size(notebook)
        return True

    # the automatic pools -------------------------------------------------------------------
    def _size_idle_pools(self) -> None:
        """Give every dashboard an idle pool sized from the machine's memory."""
        config = self.kernel_pools_config.setdefault("default", {})
        floor = int(config.get("pool_size", 1))
        root = Path(self.parent.root_dir)
        dashboards = [p for p in root.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
        memory = pool_sizing.measure()
        self._idle_size = memory.idle_pool(len(dashboards), floor, max(floor, self.idle_pool_max))
        config["pool_size"] = self._idle_size
        self.log.info(
            "Preheated kernels per dashboard: %s (%.1f GB of memory, %s dashboards)",
            self._idle_size,
            memory.total / 2**30,
            len(dashboards),
        )

    def _size(self, notebook: str) -> int:
        """The size a notebook's pool is kept at now."""
        default = self.kernel_pools_config.get("default", {})
        return int(self.kernel_pools_config.get(notebook, default).get("pool_size", 1))

    async def _follow_the_class(self) -> None:
        """Grow the pools visitors take from, cut back those they stopped taking from."""
        while True:
            await asyncio.sleep(0.25)
            try:
                self._look_at_the_pools()
            except Exception:
                self.log.exception("Could not resize the preheated pools")

    def _look_at_the_pools(self) -> None:
        now = asyncio.get_running_loop().time()
        started = voila_internals.started_kernels(self)
        for notebook, entries in voila_internals.pools(self).items():
            pooled = {voila_internals.kernel_of(entry) for entry in entries}
            visitors = started.get(notebook, set()) - pooled  # kernels taken from the pool
            seen = self._seen.get(notebook, set())
            taken = len(visitors - seen)
            self._seen[notebook] = visitors
            if taken:
                self._last_take[notebook] = now
                self._grow(notebook, taken)
            elif now - self._last_take.get(notebook, now) > self.grow_window:
                self._cut_back(notebook, entries)

    def _grow(self, notebook: str, taken: int) -> None:
        """Replace each kernel taken by two, as far as the memory allows."""
        room = pool_sizing.measure().room(self.memory_share)
        more = min(taken, max(0, room - self._starting()))
        if more == 0:
            return
        config = dict(self.kernel_pools_config.get(notebook, self.kernel_pools_config["default"]))
        config["pool_size"] = self._size(notebook) + more
        self.kernel_pools_config[notebook] = config
        self.fill_if_needed(delay=0, notebook_name=notebook)

    def _starting(self) -> int:
        """Pool entries whose kernel has not started yet (the memory they will take)."""
        return sum(not e.done() for e in voila_internals.pool_entries(self))

    def _cut_back(self, notebook: str, entries: list[asyncio.Task]) -> None:
        """Back to the idle size once visitors stopped taking: the newest ready kernels go."""
        self.kernel_pools_config.pop(notebook, None)
        surplus = len(entries) - max(1, self._size(notebook))
        if surplus <= 0:
            self._last_take.pop(notebook, None)
            return
        for entry in reversed(entries[1:]):
            kernel = voila_internals.kernel_of(entry, rendered=True)
            if surplus and kernel and voila_internals.leave_pool(self, notebook, entry):
                surplus -= 1
                asyncio.get_running_loop().create_task(self.shutdown_kernel(kernel))

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
