"""The student's path: every chapter notebook run top to bottom in JupyterLab, in Chromium.

One JupyterLab server on 127.0.0.1, started from the repository root as a student starts it;
each notebook opens in its own page and workspace, its outputs are cleared, JupyterLab's "Run
All Cells" runs it in a fresh kernel, and the page is read once the kernel is idle. A notebook
fails on an error output, a widget that shows its text (or "Loading widget...") instead of
itself, or a plotly figure that does not draw. The last test proves each of those checks can
fail, on notebooks built to break them.
"""

from __future__ import annotations

import json
import re
import secrets
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
from conftest import ROOT, free_port, jupyter_command, serving
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"
PLOTLY = "application/vnd.plotly.v1+json"
STDERR = "application/vnd.jupyter.stderr"
# What an output shows when its widget or figure did not render: the widget manager's
# placeholder or error, or the object's text repr (ipywidgets' "VBox(children=...",
# plotly's "Figure({...").
NOT_RENDERED = re.compile(
    r"^(Loading widget|Error displaying widget|[A-Z]\w*\((children|value|layout|options|outputs)="
    r"|Figure\(\{|FigureWidget\()"
)
HARMLESS = ("r.setData is not a function",)
RUN_TIMEOUT_MS = 120_000
"""The longest a notebook may take from "Run All Cells" to an idle kernel on a busy machine."""

# Read in the page: the code cells' prompts, the kernel's status and every output on screen.
# JupyterLab names an output's MIME type on the element it renders into, except for a widget
# (a panel holding the widget's view) and a plotly figure (classed jp-RenderedPlotly).
READ_OUTPUTS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map(p => p.textContent.trim());
  const kind = o => o.classList.contains('jp-RenderedPlotly') ? 'plotly'
    : o.dataset.mimeType ? o.dataset.mimeType
    : o.classList.contains('lm-Panel') ? 'widget' : 'unknown';
  const outputs = [...panel.querySelectorAll('.jp-OutputArea-output')].map(o => ({
    kind: kind(o),
    text: o.textContent.trim().slice(0, 300),
    nested: o.parentElement.closest('.jp-OutputArea-output') !== null,
    drawn: kind(o) === 'plotly' ? o.querySelector('svg.main-svg') !== null
      : kind(o) === 'widget' ? o.querySelector('.jupyter-widgets') !== null : true,
  }));
  const status = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return {prompts, outputs, status: status ? status.dataset.status : ''};
}"""

# True once "Run All Cells" has finished: the kernel idle, no cell waiting or running, and
# either every code cell numbered or an error shown (JupyterLab stops at the first error).
FINISHED = f"""() => {{
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const status = document.querySelector('.jp-Notebook-ExecutionIndicator');
  if (!panel || !status || status.dataset.status !== 'idle') return false;
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map(p => p.textContent.trim());
  if (prompts.some(p => p.includes('*'))) return false;
  const failed = panel.querySelector('.jp-OutputArea-output[data-mime-type="{STDERR}"]') !== null;
  return failed || prompts.every(p => /^\\[\\d+\\]:$/.test(p));
}}"""

# True once "Run All Cells" has started: a code cell waiting, running or run.
STARTED = """() => [...document.querySelectorAll(
  '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]
  .some(p => /^\\[(\\*|\\d+)\\]:$/.test(p.textContent.trim()))"""

# True once every widget and figure on screen has drawn (they render after the kernel is idle).
DRAWN = f"""() => {{
  const report = ({READ_OUTPUTS})();
  return report.outputs.every(o => o.drawn && !o.text.startsWith('Loading widget'));
}}"""


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab server: where it listens and the token that opens it."""

    url: str
    token: str


def start_lab(folder: Path, state: Path) -> Iterator[Lab]:
    """Serve ``folder``'s notebooks from JupyterLab on a free loopback port, until closed."""
    token = secrets.token_hex(16)
    command = jupyter_command(free_port(), token, state, root=folder)
    with serving(command, state / "server.log") as server:
        yield Lab(server.url, token)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab over the repository, as a student runs it."""
    yield from start_lab(ROOT, tmp_path_factory.mktemp("jupyterlab"))


def saved_outputs(notebook: Path, mime: str) -> int:
    """How many outputs of the committed notebook show ``mime``."""
    nb = nbformat.read(notebook, as_version=4)
    return sum(
        mime in output.get("data", {})
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


def choose(page, menu: str, item: str) -> None:
    """Click ``menu`` > ``item`` in JupyterLab's menu bar, once the item is enabled.

    A notebook's commands stay disabled until JupyterLab has made the notebook the current
    document, which on a busy machine can come after the kernel is idle: the menu is opened
    again until they are enabled.
    """
    deadline = time.monotonic() + 60
    while True:
        page.get_by_role("menuitem", name=menu, exact=True).click()
        entry = page.get_by_role("menuitem", name=item, exact=True)
        expect(entry).to_be_visible()
        disabled = "lm-mod-disabled" in (entry.get_attribute("class") or "")
        if not disabled and entry.get_attribute("aria-disabled") != "true":
            entry.click()
            return
        page.keyboard.press("Escape")
        assert time.monotonic() < deadline, f"{menu} > {item} stayed disabled"
        page.wait_for_timeout(500)


def run_all_cells(page, lab: Lab, path: str, draw_ms: int = 60_000) -> dict:
    """Open ``path`` in its own workspace, clear it, run all its cells; what the page shows.

    ``draw_ms``: how long the widgets and figures may take to draw once the cells have run.

    The clicks are a student's: Edit > Clear Outputs of All Cells, then Run > Run All Cells.
    Returns the code cells' prompts, each output (MIME type, text, whether a widget or a
    plotly figure is drawn in it), the JavaScript errors and the hosts the page asked.
    """
    hosts: list[str] = []
    page.on("request", lambda r: hosts.append(urlparse(r.url).netloc or r.url[:5]))
    workspace = re.sub(r"\W", "-", path)
    page.goto(f"{lab.url}/lab/workspaces/{workspace}/tree/{path}?token={lab.token}")
    status = page.locator(".jp-Notebook-ExecutionIndicator")
    expect(status).to_have_attribute("data-status", "idle", timeout=90_000)
    choose(page, "Edit", "Clear Outputs of All Cells")
    expect(page.locator(".jp-Notebook .jp-OutputArea-output")).to_have_count(0)
    choose(page, "Run", "Run All Cells")
    page.wait_for_function(STARTED, timeout=60_000, polling=250)
    page.wait_for_function(FINISHED, timeout=RUN_TIMEOUT_MS, polling=250)
    try:  # returns as soon as all is drawn; a busy machine can take long to draw a widget
        page.wait_for_function(DRAWN, timeout=draw_ms, polling=250)
    except PlaywrightTimeout:
        pass  # the report below names what did not draw
    report = page.evaluate(READ_OUTPUTS)
    report["errors"] = [e for e in page.errors if not any(h in e for h in HARMLESS)]
    report["hosts"] = sorted({h for h in hosts if h not in ("data:", "blob:")})
    return report


def problems(report: dict) -> list[str]:
    """Every way the run failed a student, in words; empty when it did not."""
    found = []
    numbered = [p for p in report["prompts"] if re.fullmatch(r"\[\d+\]:", p)]
    if len(numbered) != len(report["prompts"]):
        found.append(f"not every cell ran: prompts {report['prompts']}")
    for out in report["outputs"]:
        if out["kind"] == STDERR:
            found.append(f"error output: {out['text'][:200]}")
        elif not out["drawn"]:
            found.append(f"{out['kind']} not drawn: {out['text'][:100]!r}")
        elif NOT_RENDERED.match(out["text"]):
            found.append(f"shown as text, not rendered: {out['text'][:100]!r}")
    found += [f"JavaScript error: {e}" for e in report["errors"]]
    return found


def shown(report: dict, kind: str) -> int:
    """How many of the notebook's own outputs (not those inside a widget) are of ``kind``."""
    return sum(out["kind"] == kind and not out["nested"] for out in report["outputs"])


def missing(report: dict, notebook: Path) -> list[str]:
    """The widgets and figures the committed notebook shows that the run did not show.

    A renderer that is not installed leaves no trace but its absence: JupyterLab then shows
    the output's HTML or text instead, which none of :func:`problems` flags.
    """
    found = []
    for kind, mime in (("widget", WIDGET), ("plotly", PLOTLY)):
        saved, now = saved_outputs(notebook, mime), shown(report, kind)
        if now < saved:
            found.append(f"{kind}: the saved notebook shows {saved}, the run {now}")
    return found


def shut_down_kernels(lab: Lab) -> None:
    """Stop every kernel of the server, so the next notebook has the machine to itself."""

    def call(method: str, path: str) -> bytes:
        request = urllib.request.Request(
            f"{lab.url}{path}", method=method, headers={"Authorization": f"token {lab.token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    for kernel in json.loads(call("GET", "/api/kernels")):
        call("DELETE", f"/api/kernels/{kernel['id']}")


def test_there_are_notebooks_to_run():
    assert len(NOTEBOOKS) >= 7


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab_with_widgets_and_charts_drawn(page, lab, name):
    started = time.monotonic()
    try:
        report = run_all_cells(page, lab, f"notebooks/{name}")
    finally:
        shut_down_kernels(lab)
    assert problems(report) + missing(report, ROOT / "notebooks" / name) == [], name
    server = urlparse(lab.url).netloc
    assert report["hosts"] == [server], "the page asked another host"
    print(f"{name}: {time.monotonic() - started:.1f} s")


BROKEN = {
    "raises": (["x = 1", "raise RuntimeError('broken on purpose')", "y = 2"], "error output"),
    "widget_without_model": (
        [
            "from IPython.display import display\n"
            "display({'application/vnd.jupyter.widget-view+json': {'model_id': 'f' * 32,"
            " 'version_major': 2, 'version_minor': 0}, 'text/plain': 'VBox(children=())'},"
            " raw=True)"
        ],
        "widget not drawn",
    ),
    "figure_as_text": (
        ["from IPython.display import display\ndisplay({'text/plain': 'Figure({})'}, raw=True)"],
        "shown as text",
    ),
    "widget_as_text": (
        [
            "from IPython.display import display\n"
            "display({'text/plain': \"VBox(children=(Label(value='x'),))\"}, raw=True)"
        ],
        "shown as text",
    ),
}
"""Notebooks that fail a student in each way the test looks for, and the problem it names."""


@pytest.fixture(scope="module")
def broken_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab over a folder of the notebooks of :data:`BROKEN`."""
    folder = tmp_path_factory.mktemp("broken")
    for name, (sources, _) in BROKEN.items():
        cells = [nbformat.v4.new_code_cell(source) for source in sources]
        notebook = nbformat.v4.new_notebook(cells=cells)
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nbformat.write(notebook, folder / f"{name}.ipynb")
    yield from start_lab(folder, tmp_path_factory.mktemp("jupyterlab-broken"))


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("name", BROKEN)
def test_a_notebook_that_fails_a_student_fails_the_check(page, broken_lab, name):
    try:
        # A widget without a model never draws: a short wait shows it as well as a long one.
        report = run_all_cells(page, broken_lab, f"{name}.ipynb", draw_ms=10_000)
    finally:
        shut_down_kernels(broken_lab)
    found = problems(report)
    assert any(BROKEN[name][1] in problem for problem in found), found
