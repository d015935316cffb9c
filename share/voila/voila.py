"""The one Voila setting JSON cannot hold: the hook that gives the landing page its list.

Every other setting of `make run` is in ../../voila.json; the Makefile's `run` target points
Voila at both folders. This file is not at the top of the repository because a `voila.py` there
would shadow the voila package for any Python started in that folder, and Jupyter's own Voila
extension (Binder) would read it too. The landing page
(../jupyter/voila/templates/csl/tree.html) shows one line per
dashboard notebook of the served folder: the title is the notebook's first Markdown heading and
the summary the first sentence after it, so a new dashboard appears once its file is there.
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


def page_config_hook(page_config: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Add the list of dashboards to the page config of a folder's page (Voila calls this)."""
    root = Path(kwargs["settings"]["contents_manager"].root_dir)
    folder = root / (kwargs.get("notebook_path") or "")
    if folder.is_dir():
        page_config["cslDashboards"] = dashboard_entries(folder, root)
    return page_config


if "get_config" in globals():  # read by Voila as its configuration file
    c = get_config()  # noqa: F821
    c.VoilaConfiguration.page_config_hook = page_config_hook
