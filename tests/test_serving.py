"""How `make run` serves a class: the landing page, offline pages, kernels freed, no hang."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlparse

import nbformat
import pytest
from conftest import collected, free_port, marks_for, serve, serving, voila_command
from playwright.sync_api import expect
from traitlets.config.loader import PyFileConfigLoader
from voila_client import fetch_page, run

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "notebooks" / "dashboards"
DASHBOARDS = sorted(p.name for p in FOLDER.glob("[!._]*.ipynb"))
HOOK_DIR = ROOT / "share" / "voila"
TEMPLATE = ROOT / "share" / "jupyter" / "voila" / "templates" / "csl"
PLOTLY = "application/vnd.plotly.v1+json"


def make_run(*variables: str) -> tuple[list[str], list[str]]:
    """The command `make run` runs with these make variables (make -n), and the Voila it starts."""
    out = subprocess.run(
        ["make", "-s", "-n", "--no-print-directory", "run", *variables],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    lines = out.replace("\\\n", " ").splitlines()
    command = shlex.split(next(ln for ln in lines if "share/voila/serve.py" in ln))
    assert command[1] == "share/voila/serve.py"
    return command, serve.parse(command[2:])


def test_make_run_serves_the_dashboards_with_the_template_and_both_config_folders():
    command, voila = make_run()
    assert Path(command[0]).name == "python"
    assert voila == serve.voila_argv()
    assert Path(voila[0]).name == "python" and voila[2] == str(FOLDER)
    assert voila[1] == str(HOOK_DIR / "server_app.py")  # Voila, compressing (compression.py)
    assert "--template=csl" in voila
    paths = [arg.split("=", 1)[1] for arg in voila if arg.startswith("--Voila.config_file_paths=")]
    assert paths == [str(ROOT), str(HOOK_DIR)]  # voila.json, then voila.py
    assert voila[-2:] == ["--Voila.ip=127.0.0.1", "--port=8866"]  # voila.json's pool
    assert serve.voila_environment() == {"JUPYTER_PATH": str(ROOT / "share" / "jupyter")}
    assert (ROOT / "share" / "jupyter" / "voila" / "templates" / "csl").is_dir()


def test_make_run_takes_the_address_port_and_pools_docs_running_a_class_names():
    _, voila = make_run("VOILA_IP=0.0.0.0", "VOILA_PORT=9000")
    assert voila == serve.voila_argv(ip="0.0.0.0", port=9000)
    assert voila[-2:] == ["--Voila.ip=0.0.0.0", "--port=9000"]
    _, voila = make_run("VOILA_POOL=14")
    assert voila[-1] == "--VoilaConfiguration.default_pool_size=14"
    _, voila = make_run("VOILA_POOL=40", "VOILA_POOL_FOR=law_explorer.ipynb")
    pools = {"law_explorer.ipynb": {"pool_size": 40}}
    assert voila[-1] == f"--VoilaKernelManager.kernel_pools_config={pools!r}"
    _, voila = make_run("VOILA_POOL_FOR=penalty_simulator.ipynb")
    pools = {"penalty_simulator.ipynb": {"pool_size": 2}}
    assert voila[-1] == f"--VoilaKernelManager.kernel_pools_config={pools!r}"


@pytest.mark.parametrize(
    "args,refused",
    [
        (
            ["--pool-for=law.ipynb"],
            "pool_for 'law.ipynb' is not a dashboard; valid: ['law_explorer",
        ),
        (["--port=0"], "port 0 is out of range; valid: 1 to 65535"),
        (["--pool=-1"], "pool -1 is negative; valid: 0 or more"),
        (["--pool=many"], "argument --pool: invalid int value: 'many'"),
    ],
)
def test_serve_refuses_bad_settings_naming_them_and_the_valid_ones(args, refused):
    script = ROOT / "share" / "voila" / "serve.py"
    run = subprocess.run([sys.executable, script, *args], capture_output=True, text=True)
    assert run.returncode == 2 and refused in run.stderr


def test_a_test_that_starts_a_server_unmarked_fails_before_it_starts(tmp_path):
    started = tmp_path / "started"
    command = shlex.join(
        [sys.executable, "-c", f"open({str(started)!r}, 'w')", f"--port={free_port()}"]
    )
    with pytest.raises(pytest.fail.Exception, match="mark it @pytest.mark.server"):
        with serving(command, tmp_path / "log"):
            pass
    time.sleep(0.5)
    assert not started.exists()


def test_tests_are_marked_by_the_fixtures_they_use(request):
    """Every test collected, those ``-m`` or ``-k`` left out included."""
    assert marks_for(["page", "voila_url", "tmp_path"]) == {"browser", "server"}
    assert marks_for(["chromium"]) == {"browser"} and marks_for(["tmp_path"]) == set()
    assert request.node in collected
    for item in collected:
        marked = {mark.name for mark in item.iter_markers()}
        assert marks_for(item.fixturenames) <= marked, item.nodeid


def heading(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "markdown")
    return next(ln[2:].strip() for ln in first.source.splitlines() if ln.startswith("# "))


def page_config_hook():
    """The hook exactly as Voila loads it from share/voila/voila.py."""
    config = PyFileConfigLoader("voila.py", path=str(HOOK_DIR)).load_config()
    return config.VoilaConfiguration.page_config_hook


def test_landing_hook_reads_title_and_first_sentence_and_skips_hidden(tmp_path):
    def write(name, cells):
        nbformat.write(nbformat.v4.new_notebook(cells=cells), tmp_path / name)

    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    write("b_tool.ipynb", [code("x = 1"), md("# Tool B\n\nDoes <b>this</b>. And more.\n\nLater.")])
    write("a_plain.ipynb", [code("pass")])
    write("_draft.ipynb", [md("# Draft")])
    (tmp_path / "notes.txt").write_text("not a notebook")
    settings = {"contents_manager": SimpleNamespace(root_dir=str(tmp_path))}
    config = page_config_hook()({"x": 1}, settings=settings, notebook_path="")
    assert config["x"] == 1
    assert config["cslDashboards"] == [
        {"path": "a_plain.ipynb", "title": "A plain", "summary": ""},
        {"path": "b_tool.ipynb", "title": "Tool B", "summary": "Does <b>this</b>."},
    ]
    page = page_config_hook()({}, settings=settings, notebook_path="b_tool.ipynb")
    assert "cslDashboards" not in page  # a dashboard's own page is left alone


EXTENSIONS = [
    {"name": "@jupyter-widgets/jupyterlab-manager"},
    {"name": "@voila-dashboards/jupyterlab-preview"},
    {"name": "jupyterlab-plotly"},
]


def test_a_dashboard_page_loads_a_renderer_only_where_its_notebook_shows_that_type(tmp_path):
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    plain = code("1", outputs=[nbformat.v4.new_output("display_data", {"text/plain": "1"})])
    chart = code("fig", outputs=[nbformat.v4.new_output("display_data", {PLOTLY: {}})])
    nbformat.write(nbformat.v4.new_notebook(cells=[md("# A"), plain]), tmp_path / "a.ipynb")
    nbformat.write(nbformat.v4.new_notebook(cells=[md("# B"), chart]), tmp_path / "b.ipynb")
    (tmp_path / "broken.ipynb").write_text("{not json")
    settings = {"contents_manager": SimpleNamespace(root_dir=str(tmp_path))}

    def names(notebook):
        config = {"federated_extensions": EXTENSIONS, "x": 1}
        config = page_config_hook()(config, settings=settings, notebook_path=notebook)
        assert config["x"] == 1
        return [e["name"] for e in config["federated_extensions"]]

    widgets = "@jupyter-widgets/jupyterlab-manager"
    assert names("a.ipynb") == [widgets]
    assert names("b.ipynb") == [widgets, "jupyterlab-plotly"]
    assert names("broken.ipynb") == [widgets, "jupyterlab-plotly"]  # unreadable: keep renderers


def test_served_dashboards_load_plotly_only_where_they_draw_charts(voila_url):
    """No dashboard shows plotly's output any more: the simulator's charts are widgets that
    fetch plotly.js once the page is shown, so no page loads plotly's renderer up front."""

    def extensions(name):
        page = run(fetch_page(f"{voila_url}/voila/render/{name}"))
        return {e["name"] for e in page.config["federated_extensions"]}

    charts = {name for name in DASHBOARDS if PLOTLY in (FOLDER / name).read_text()}
    assert charts == set()
    for name in DASHBOARDS:
        loaded = extensions(name)
        assert "@jupyter-widgets/jupyterlab-manager" in loaded
        assert "@voila-dashboards/jupyterlab-preview" not in loaded
        assert ("jupyterlab-plotly" in loaded) == (name in charts), name


def test_a_dashboard_page_names_the_script_of_its_chunks_and_a_folder_page_none(tmp_path):
    nbformat.write(nbformat.v4.new_notebook(cells=[]), tmp_path / "a.ipynb")
    settings = {"contents_manager": SimpleNamespace(root_dir=str(tmp_path))}
    configuration = SimpleNamespace(template="csl", extra_labextensions_path=[])
    hook = page_config_hook()
    config = {"federated_extensions": [{"name": "jupyterlab-plotly"}]}  # no entry file: none
    config = hook(config, settings=settings, notebook_path="a.ipynb",
                  voila_configuration=configuration)  # fmt: skip
    script = config["cslPageScripts"]
    assert re.fullmatch(r"static/page-scripts-[0-9a-f]{16}\.js", script)
    assert (TEMPLATE / script).stat().st_size > 1_000_000  # Voila's own chunks
    assert "cslPageScripts" not in hook({}, settings=settings, notebook_path="")
    unknown = SimpleNamespace(template="../elsewhere", extra_labextensions_path=[])
    config = hook({"federated_extensions": []}, settings=settings, notebook_path="a.ipynb",
                  voila_configuration=unknown)  # fmt: skip
    assert "cslPageScripts" not in config  # Voila refuses the name: the page goes without


@pytest.mark.browser
@pytest.mark.parametrize("name", DASHBOARDS)
def test_a_dashboard_page_fetches_its_chunks_in_one_script(page, voila_url, name):
    """Voila's chunks and the extensions' come in the page script: the page fetches only
    voila.js and the extensions' entry files itself (without it, some ninety requests queued
    six at a time)."""
    scripts = []
    page.on("request", lambda r: scripts.append(urlparse(r.url).path))
    page.goto(f"{voila_url}/voila/render/{name}")
    expect(page.locator(".jupyter-widgets").first).to_be_visible(timeout=90_000)
    page.wait_for_load_state("networkidle")
    assert sum(Path(p).name.startswith("page-scripts-") for p in scripts) == 1
    own = [p for p in scripts if re.match(r"/voila/(static|labextensions)/.*\.js$", p)]
    separate = [p for p in own if not re.search(r"/(voila|remoteEntry\.[0-9a-f]+)\.js$", p)]
    assert separate == []
    assert any(p.endswith("/voila.js") for p in own)


@pytest.mark.browser
def test_landing_page_lists_every_dashboard_and_opens_it(page, voila_url):
    page.goto(voila_url + "/")
    items = page.locator(".csl-dashboard")
    expect(items).to_have_count(len(DASHBOARDS))
    for name in DASHBOARDS:
        link = page.locator(f'a[href="/voila/render/{name}"]')
        expect(link).to_have_text(heading(FOLDER / name))
    body = page.locator("body").inner_html()
    assert "<b>" not in body.split('class="csl-dashboards"')[1]  # summaries are escaped text
    page.locator('a[href="/voila/render/law_explorer.ipynb"]').click()
    expect(page.locator(".csl-text-zh")).to_be_visible(timeout=90_000)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", *[f"/voila/render/{n}" for n in DASHBOARDS]])
def test_pages_ask_no_other_host_and_render_icons_and_outputs(page, voila_url, path):
    hosts = []
    page.on("request", lambda r: hosts.append(urlparse(r.url).netloc or r.url[:5]))
    page.goto(voila_url + path)
    if path == "/":
        expect(page.locator(".csl-dashboard").first).to_be_visible()
    else:
        expect(page.locator(".jupyter-widgets").first).to_be_visible(timeout=90_000)
    page.wait_for_load_state("networkidle")
    server = urlparse(voila_url).netloc
    assert {h for h in hosts if h not in ("data:", "blob:")} == {server}
    assert "No renderer could be found" not in page.locator("body").inner_text()
    if path == "/":
        assert page.evaluate("document.fonts.check('900 16px \"Font Awesome 5 Free\"')")


@pytest.mark.browser
def test_closing_a_dashboard_shuts_its_kernel_down(page, voila_url):
    page.goto(voila_url + "/voila/render/law_explorer.ipynb")
    expect(page.locator(".csl-text-zh")).to_be_visible(timeout=90_000)
    kernel = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
    url = f"{voila_url}/api/kernels/{kernel}"
    assert urllib.request.urlopen(url, timeout=10).status == 200
    page.goto(voila_url + "/")  # leaving the page sends its shutdown request
    deadline = time.monotonic() + 30
    status = 200
    while status == 200 and time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            status = urllib.request.urlopen(url, timeout=10).status
        except urllib.error.HTTPError as err:
            status = err.code
    assert status == 404


@pytest.mark.browser
@pytest.mark.server
def test_a_hanging_cell_becomes_a_visible_error(page, tmp_path):
    """The same `make run` command on a folder whose notebook never finishes a cell."""
    folder = tmp_path / "dashboards"
    folder.mkdir()
    cells = [
        nbformat.v4.new_markdown_cell("# Hangs"),
        nbformat.v4.new_code_cell("import time\ntime.sleep(600)"),
    ]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), folder / "hangs.ipynb")
    command = voila_command(free_port(), folder=folder, pool=1)
    command += " --VoilaExecutor.timeout=3"
    with serving(command, tmp_path / "voila.log") as server:
        page.goto(server.url + "/voila/render/hangs.ipynb", timeout=90_000)
        expect(page.get_by_text("This dashboard took too long to start")).to_be_visible(
            timeout=60_000
        )
        assert "Traceback" not in page.locator("body").inner_text()
