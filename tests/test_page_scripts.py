"""The one script that carries a dashboard page's chunks (share/voila/page_scripts.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import share_voila

page_scripts = share_voila("page_scripts")

WEBPACK = b'"use strict";(self.webpackChunk_a=self.webpackChunk_a||[]).push([[1],{1:()=>{}}]);'
RSPACK = b"(self.rspackChunk_b=self.rspackChunk_b||[]).push([[2],{2(){}}])"
QUOTED = b"(self['webpackChunk_c'] = self['webpackChunk_c'] || []).push([[3], {}])"
LICENSED = b"/*! For license information please see 4.js.LICENSE.txt */\n" + WEBPACK
NOT_CHUNKS = {
    "an entry file (remoteEntry)": b"var _JUPYTERLAB;(()=>{var e={};})();",
    "a style entry": b"/* This is a generated file of CSS imports */\nimport 'x.css';",
    "a script of its own": b"(function() { window.x = 1; })();",
    "an empty file": b"",
    "a push into another global": b"(self.otherList=self.otherList||[]).push(1)",
}


@pytest.mark.parametrize("head", [WEBPACK, RSPACK, QUOTED, LICENSED])
def test_a_chunk_is_known_by_its_push_into_the_builds_array(head):
    assert page_scripts.is_chunk(head)


@pytest.mark.parametrize("what", sorted(NOT_CHUNKS))
def test_entry_style_and_other_scripts_are_not_chunks(what):
    assert not page_scripts.is_chunk(NOT_CHUNKS[what])


def installed_voila_static() -> Path:
    from voila.paths import collect_static_paths

    folder = page_scripts.static_folder(collect_static_paths(["voila", "nbconvert"], "csl"))
    assert folder is not None, "no voila.js in Voila's static paths"
    return folder


def test_every_chunk_of_the_installed_voila_and_only_those_are_found():
    """Voila names its chunks `<id>.voila.js`: the content rule finds exactly those, not the
    page script voila.js nor the landing page's treepage.js."""
    folder = installed_voila_static()
    named = {p.name for p in folder.glob("*.js") if re.fullmatch(r"\d+\.voila\.js", p.name)}
    found = {p.name for p in page_scripts.chunk_files(folder)}
    assert len(named) > 50
    assert found == named


def test_the_installed_widget_manager_gives_its_chunks_but_not_its_entry_file():
    from voila.utils import get_voila_labextensions_path

    search = get_voila_labextensions_path()
    name = "@jupyter-widgets/jupyterlab-manager"
    entry = next(e for r in search for e in (Path(r) / name / "static").glob("remoteEntry.*.js"))
    load = f"static/{entry.name}"
    [folder] = page_scripts.extension_folders([(name, load)], search)
    assert folder == entry.parent
    found = page_scripts.chunk_files(folder)
    assert found and entry not in found
    assert all(not p.name.startswith(("remoteEntry", "style")) for p in found)


def test_chunks_are_joined_each_ended_by_a_semicolon(tmp_path):
    """Two chunks written as they are would read `push(...)(self....)`: a call of the first
    push's result."""
    (tmp_path / "1.js").write_bytes(RSPACK + b"\n")
    (tmp_path / "2.js").write_bytes(QUOTED)
    (tmp_path / "remoteEntry.js").write_bytes(NOT_CHUNKS["an entry file (remoteEntry)"])
    assert page_scripts.bundle([tmp_path]) == RSPACK + b"\n;\n" + QUOTED + b"\n;\n"


def test_the_page_script_is_written_once_and_named_by_its_content(tmp_path):
    chunks, into = tmp_path / "chunks", tmp_path / "static"
    chunks.mkdir()
    into.mkdir()
    (chunks / "1.js").write_bytes(WEBPACK)
    name = page_scripts.for_page((chunks,), (into,))
    assert name == page_scripts.script_name(WEBPACK + b"\n;\n")
    assert re.fullmatch(r"page-scripts-[0-9a-f]{16}\.js", name)
    assert (into / name).read_bytes() == WEBPACK + b"\n;\n"
    assert [p.name for p in into.iterdir()] == [name]  # no temporary file left
    other = tmp_path / "other"
    other.mkdir()
    (other / "1.js").write_bytes(RSPACK)
    assert page_scripts.for_page((other,), (into,)) != name  # another build, another name


def test_no_page_script_without_chunks_or_where_it_cannot_be_written(tmp_path):
    empty, chunks = tmp_path / "empty", tmp_path / "chunks"
    empty.mkdir()
    chunks.mkdir()
    (chunks / "1.js").write_bytes(WEBPACK)
    assert page_scripts.for_page((empty,), (tmp_path,)) is None
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    assert page_scripts.for_page((chunks,), (not_a_folder, not_a_folder / "below")) is None


def test_a_read_only_template_folder_gives_the_next_place_the_template_is_served_from(tmp_path):
    """As on a hub: the repository cannot be written, the user's Jupyter data folder can."""
    chunks, user = tmp_path / "chunks", tmp_path / "home" / "voila" / "templates" / "csl" / "static"
    chunks.mkdir()
    (chunks / "1.js").write_bytes(WEBPACK)
    read_only = tmp_path / "file"
    read_only.write_text("")  # no folder can be made in it, whoever runs the test
    name = page_scripts.for_page((chunks,), (read_only, user))
    assert (user / name).is_file()
    written = (user / name).stat().st_mtime_ns
    page_scripts.for_page.cache_clear()
    assert page_scripts.for_page((chunks,), (tmp_path / "repo", user)) == name
    assert not (tmp_path / "repo").exists()  # found where it was, not written again
    assert (user / name).stat().st_mtime_ns == written


def test_extensions_are_found_where_voila_serves_them_first(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for root in (first, second):
        (root / "ext" / "static").mkdir(parents=True)
        (root / "ext" / "static" / "remoteEntry.1.js").write_text("")
    (second / "only" / "static").mkdir(parents=True)
    (second / "only" / "static" / "remoteEntry.2.js").write_text("")
    extensions = [
        ("ext", "static/remoteEntry.1.js"),
        ("only", "static/remoteEntry.2.js"),
        ("missing", "static/remoteEntry.3.js"),
        ("no entry file named", None),
    ]
    found = page_scripts.extension_folders(extensions, [first, second])
    assert found == [first / "ext" / "static", second / "only" / "static"]
    assert page_scripts.static_folder([first, tmp_path], entry="x.js") is None


# the record of the chunks the pages load -------------------------------------------------
def test_a_record_is_stale_when_a_file_is_missing_changed_or_a_source_unnamed(tmp_path):
    (tmp_path / "1.js").write_bytes(WEBPACK)
    (tmp_path / "2.js").write_bytes(RSPACK)
    record = {"a": {"1.js": page_scripts.digest(tmp_path / "1.js")}}
    sources = (("a", tmp_path),)
    assert page_scripts.stale(sources, record) == []
    assert page_scripts.recorded(sources, record) == frozenset({tmp_path / "1.js"})
    only = page_scripts.recorded(sources, record)
    assert page_scripts.bundle([tmp_path], only) == WEBPACK + b"\n;\n"  # 2.js not recorded
    assert page_scripts.stale((("b", tmp_path),), record) == ["b: not in the record"]
    (tmp_path / "1.js").write_bytes(QUOTED)  # another build
    assert page_scripts.stale(sources, record) == ["a: 1.js is not the file recorded"]
    assert page_scripts.recorded(sources, record) is None  # every chunk then
    (tmp_path / "1.js").unlink()
    assert "a: 1.js is not in" in page_scripts.stale(sources, record)[0]


def dashboard_page_sources() -> tuple:
    """The sources of a dashboard page's script, as the page hook finds them."""
    import logging

    from voila.configuration import VoilaConfiguration
    from voila.utils import get_page_config

    hooks = share_voila("voila")
    config = get_page_config(
        base_url="/", settings={}, log=logging.getLogger("test"),
        voila_configuration=VoilaConfiguration(),
    )  # fmt: skip
    notebook = Path(__file__).parents[1] / "notebooks/dashboards/penalty_simulator.ipynb"
    extensions = hooks.page_extensions(config["federated_extensions"], notebook)
    entries = tuple((e.get("name"), e.get("load")) for e in extensions)
    return hooks._script_sources("csl", (), entries)


def test_the_record_tells_the_chunks_of_the_installed_voila_and_extensions():
    """Fails after an install changed Voila or an extension: run the command it names."""
    sources = dashboard_page_sources()
    assert [name for name, _ in sources][0] == page_scripts.VOILA and len(sources) >= 4
    problems = page_scripts.stale(sources, page_scripts.read_record())
    assert problems == [], (
        "share/voila/page_chunks.json is stale; record it again: "
        f".venv/bin/python share/voila/record_chunks.py\n{problems}"
    )
    only = page_scripts.recorded(sources, page_scripts.read_record())
    every = {p for _, folder in sources for p in page_scripts.chunk_files(folder)}
    assert only < every  # what pages use, not every chunk
    mathjax = {p for p in every if any(m in p.read_bytes() for m in MATHJAX)}
    assert mathjax and not mathjax & only  # Voila ships MathJax; the pages do not load it


MATHJAX = (b"mathjax.retryAfter", b"mathjax.asyncLoad", b"mathjax.handlers")
"""Names only MathJax's own code uses (mathjax-full, which Voila's build carries)."""


# plotly.js for the charts ------------------------------------------------------------------
plotly_bundle = share_voila("plotly_bundle")


def test_the_basic_plotly_bundle_is_the_release_the_plotly_package_ships():
    from plotly.offline import get_plotlyjs_version

    assert plotly_bundle.bundled_release() == get_plotlyjs_version(), (
        "the template's plotly-basic.min.js is another release than the plotly package's; "
        "fetch it again: .venv/bin/python share/voila/plotly_bundle.py"
    )
    script = (plotly_bundle.FOLDER / plotly_bundle.SCRIPT).read_text(encoding="utf-8")
    assert f"v{get_plotlyjs_version()}" in script[:200] and "window.Plotly = Plotly" in script


def test_the_dashboards_charts_use_only_traces_the_basic_bundle_draws():
    import plotly.graph_objects as go

    views = Path(__file__).parents[1] / "csl_helpers" / "views"
    charted = {p.parent for p in views.rglob("*.py") if "PlotlyChart(" in p.read_text("utf-8")}
    assert charted  # the view packages whose figures a dashboard draws in a PlotlyChart
    used = {
        name
        for package in charted
        for path in package.glob("*.py")
        for name in re.findall(r"\bgo\.([A-Z]\w*)\(", path.read_text(encoding="utf-8"))
    }
    traces = {getattr(go, n)().type for n in used if hasattr(getattr(go, n)(), "type")}
    assert "scatter" in traces
    assert traces <= plotly_bundle.TRACES


def test_the_basic_bundle_is_served_only_for_the_release_of_the_installed_plotly(tmp_path):
    from plotly.offline import get_plotlyjs_version

    basic, into = tmp_path / "basic", tmp_path / "static"
    basic.mkdir()
    (basic / "plotly-basic.min.js").write_bytes(b"window.Plotly = {};")
    (basic / "RELEASE").write_text(get_plotlyjs_version() + "\n")
    name = page_scripts.plotly_for_page((into,), basic)
    assert re.fullmatch(r"plotly-[0-9a-f]{16}\.min\.js", name)
    assert (into / name).read_bytes() == b"window.Plotly = {};"
    (basic / "RELEASE").write_text("0.0.1\n")
    page_scripts.plotly_for_page.cache_clear()
    full = page_scripts.plotly_for_page((into,), basic)
    assert full != name and (into / full).stat().st_size > 3_000_000  # plotly's own, whole
