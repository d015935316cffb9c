"""One script holding the chunks a dashboard page would otherwise fetch one request at a time.

Voila's page script (voila.js) and each JupyterLab extension on the page are webpack or rspack
builds split into chunks. A dashboard page fetched 89 of them, 4.3 MB, in three rounds: Voila's
own chunks once voila.js ran, the extensions' once Voila loaded them, and MathJax's and the
widget views' once the kernel answered. Chromium opens at most six connections to one server,
so the requests queued and the page waited on them about 0.3 s while its main thread was idle.

A chunk file only adds its modules to a global array (``self.webpackChunk<name>.push(...)``)
that its build's runtime reads when it starts and watches after; a chunk already in that array
is never fetched. So one script that holds the chunks and runs before voila.js leaves nothing
to fetch but the extensions' small entry files.

The script holds the chunks the dashboards' pages load, as recorded in Chromium by
record_chunks.py beside this file into page_chunks.json (each file with a digest of its
content): on a slow link the whole set (7.4 MB for the dashboards, MathJax's among them)
cost each visitor what the 4.3 MB they use cost again. One record serves every dashboard, so
one script does, and a second dashboard finds it in the browser's cache. The record holds for
the builds it was made with: a build of Voila or of an extension that removed or changed a
recorded file makes it stale (:func:`stale`); the page script then holds every chunk, as it
did before, and tests/test_page_scripts.py fails until the record is made again. A file is a
chunk when it begins with that ``push``: its content decides, not its name, so a build that
loads its code another way is left to load it as before. Measured with
benchmarks/visitor.py, visits alternating with a checkout without the script (10 each, one
run per dashboard): Law Explorer 1.34 against 1.45 s to interactive, Obligation Navigator
1.39 against 1.73 s.

:func:`for_page` writes the script into a folder the page template serves (the template's own,
or where the repository is read-only, as on a hub, the user's Jupyter data folder) and names
it by a digest of its content, so a page never meets a script of other builds; it writes
nothing when the script is there already, and answers None (the page fetches its chunks as
before) when no folder can be written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

CHUNK = re.compile(
    rb"""\A\s*(?:/\*.*?\*/\s*)?(?:(?:"use\ strict"|'use\ strict');?\s*)?\(?\s*self\s*
         (?:\.\s*|\[\s*["'])(?:webpack|rspack)Chunk""",
    re.DOTALL | re.VERBOSE,
)
"""How a chunk file begins: an optional license comment and "use strict", then the push into
``self.webpackChunk…`` (webpack) or ``self.rspackChunk…`` (rspack)."""
HEAD_BYTES = 1024
"""How much of a file :func:`is_chunk` reads: a license comment and the push fit in it."""
PREFIX = "page-scripts-"
RECORD = Path(__file__).with_name("page_chunks.json")
"""The chunks the dashboards' pages load, as record_chunks.py recorded them in Chromium."""
VOILA = "voila"
"""The record's name for Voila's own static folder (an extension is named by its name)."""


def is_chunk(head: bytes) -> bool:
    """Whether a script beginning with ``head`` is a chunk file (see :data:`CHUNK`)."""
    return CHUNK.match(head) is not None


def chunk_files(folder: Path) -> list[Path]:
    """The chunk files directly in ``folder``, by name; none when it cannot be read."""
    try:
        scripts = sorted(folder.glob("*.js"))
    except OSError:
        return []
    chunks = []
    for path in scripts:
        try:
            with path.open("rb") as file:
                head = file.read(HEAD_BYTES)
        except OSError:
            continue
        if is_chunk(head):
            chunks.append(path)
    return chunks


def bundle(folders: Iterable[Path], only: frozenset[Path] | None = None) -> bytes:
    """The chunk files of ``folders`` in one script, each ended by a semicolon.

    A chunk file may end without one, and the next begins with a parenthesis: joined as they
    are, the second would call the first's result. With ``only``, the chunks among those
    paths alone (the record's, :func:`recorded`).
    """
    parts = []
    for folder in folders:
        for path in chunk_files(folder):
            if only is None or path in only:
                parts.append(path.read_bytes().rstrip() + b"\n;\n")
    return b"".join(parts)


def digest(path: Path) -> str:
    """The digest a record keeps of a chunk file, to know it is still the one recorded."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def read_record(path: Path = RECORD) -> dict[str, dict[str, str]]:
    """The record: per source (``voila`` or an extension's name), chunk file to digest."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))["chunks"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def stale(sources: Iterable[tuple[str, Path]], record: dict[str, dict[str, str]]) -> list[str]:
    """What of ``sources`` (name and folder) the record no longer tells: an empty list if none.

    A source the record does not name, a recorded file missing, or one whose content changed
    (another build of Voila or of an extension) makes it stale: record the chunks again
    (``python share/voila/record_chunks.py``).
    """
    problems = []
    for name, folder in sources:
        if name not in record:
            problems.append(f"{name}: not in the record")
            continue
        for file, expected in record[name].items():
            path = folder / file
            if not path.is_file():
                problems.append(f"{name}: {file} is not in {folder}")
            elif digest(path) != expected:
                problems.append(f"{name}: {file} is not the file recorded")
    return problems


def recorded(
    sources: tuple[tuple[str, Path], ...], record: dict[str, dict[str, str]]
) -> frozenset[Path] | None:
    """The chunk files of ``sources`` the record names; None (every chunk) if it is stale."""
    if stale(sources, record):
        return None
    return frozenset(folder / file for name, folder in sources for file in record[name])


def script_name(content: bytes) -> str:
    """The file name of a page script: :data:`PREFIX` and a digest of ``content``."""
    return f"{PREFIX}{hashlib.sha256(content).hexdigest()[:16]}.js"


@lru_cache(maxsize=16)
def for_page(
    folders: tuple[Path, ...], places: tuple[Path, ...], only: frozenset[Path] | None = None
) -> str | None:
    """The name of the script of ``folders``' chunks, found in or written to one of ``places``.

    The first place that holds it gives it; failing that, the first that can be written.
    ``places`` are folders the page template serves its static files from (see voila.py).
    None when the folders hold no chunk or no place can be written: the page then fetches
    its chunks one by one. Kept for the server's life (the installed builds do not change
    under a running server); a server that could not write tries again after a restart.
    """
    content = bundle(folders, only)
    if not content:
        return None
    return publish(content, script_name(content), places)


def publish(content: bytes, name: str, places: tuple[Path, ...]) -> str | None:
    """``name`` once a file of it holding ``content`` is in one of ``places``; else None.

    The first place that holds it gives it; failing that, the first that can be written (a
    temporary file renamed, so two servers writing the same bytes never show half of it).
    """
    for place in places:
        target = place / name
        if target.is_file() and target.stat().st_size == len(content):
            return name
    for place in places:
        try:
            place.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=place, prefix=f".{name}-", suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                file.write(content)
            os.chmod(temporary, 0o644)
            os.replace(temporary, place / name)
        except OSError:
            continue
        return name
    return None


@lru_cache(maxsize=4)
def plotly_for_page(places: tuple[Path, ...], basic: Path | None = None) -> str | None:
    """The name of plotly.js for the page's charts, in one of ``places``.

    ``basic`` is the folder of plotly.js's basic bundle (plotly_bundle.py): its script is
    served when it is the release of plotly.js the installed plotly package ships, else the
    full plotly.js the package ships for offline pages. Named ``plotly-<digest>.min.js`` by
    its content, so the browser keeps it for good (the server marks such names immutable) and
    another release gets another name; the page's charts fetch it from there
    (csl_helpers/views/plotly_chart.py). None when plotly is missing or no place can be
    written: the charts then ask their kernel for it.
    """
    try:
        from plotly.offline import get_plotlyjs, get_plotlyjs_version
    except ImportError:
        return None
    content = None
    if basic is not None:
        try:
            if (basic / "RELEASE").read_text(encoding="utf-8").strip() == get_plotlyjs_version():
                content = (basic / "plotly-basic.min.js").read_bytes()
        except OSError:
            content = None
    if content is None:
        content = get_plotlyjs().encode("utf-8")
    name = f"plotly-{hashlib.sha256(content).hexdigest()[:16]}.min.js"
    return publish(content, name, places)


def extension_folders(
    entries: Iterable[tuple[str | None, str | None]], search: Sequence[str | Path]
) -> list[Path]:
    """The folders of :func:`extension_sources`, without their names."""
    return [folder for _, folder in extension_sources(entries, search)]


def extension_sources(
    entries: Iterable[tuple[str | None, str | None]], search: Sequence[str | Path]
) -> list[tuple[str, Path]]:
    """The folders of the page's extensions' entry files, as Voila serves them.

    ``entries`` are the ``name`` and ``load`` (the entry file's path in the extension) of each
    of the page config's ``federated_extensions``; Voila serves an entry file from the first
    folder of ``search`` (its labextensions path) that holds it. An extension found nowhere,
    or without both, is left out: the page fails to load it, as it would without this script.
    """
    sources = []
    for name, load in entries:
        if not name or not load:
            continue
        for root in search:
            entry = Path(root) / name / load
            if entry.is_file():
                sources.append((name, entry.parent))
                break
    return sources


def static_folder(search: Sequence[str | Path], entry: str = "voila.js") -> Path | None:
    """The folder Voila serves its page script ``entry`` from; None when none holds it.

    It is the first of ``search`` (Voila's static paths) that holds it.
    """
    for root in search:
        if (Path(root) / entry).is_file():
            return Path(root)
    return None
