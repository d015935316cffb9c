"""The Voila settings JSON cannot hold: Python objects for `make run`'s server.

Every other setting of `make run` is in ../../voila.json; the Makefile's `run` target points
Voila at both folders. This file is not at the top of the repository because a `voila.py` there
would shadow the voila package for any Python started in that folder, and Jupyter's own Voila
extension (Binder) would read it too. It gives Voila one thing:

- a page-config hook. On a folder's page it adds the list of dashboards for the landing page
  (../jupyter/voila/templates/csl/tree.html): one line per dashboard notebook, titled by its
  first Markdown heading and summed up by the first sentence after it, so a new dashboard
  appears once its file is there. On a dashboard's page it leaves out the JupyterLab
  extensions the page does not use (see :func:`page_extensions`).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

_SENTENCE = re.compile(r"^(.+?[.!?。])(?:\s|$)", re.DOTALL)


def dashboard_entries(folder: Path, root: Path) -> list[dict[str, str]]:
    """One entry (path from root, title, summary) per notebook in folder, by file name."""
    entries = []
    for path in sorted(folder.glob("*.ipynb")):
        if path.name.startswith((".", "_")):
            continue
        title, summary = _describe(path, path.stat().st_mtime_ns)
        entries.append(
            {"path": path.relative_to(root).as_posix(), "title": title, "summary": summary}
        )
    return entries


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
    return [
        ext
        for ext in extensions
        if ext.get("name") not in NEVER_ON_A_PAGE
        and (shown is None or RENDERERS.get(ext.get("name"), "") in shown | {""})
    ]


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


if "get_config" in globals():  # read by Voila as its configuration file
    c = get_config()  # noqa: F821
    c.VoilaConfiguration.page_config_hook = page_config_hook
