"""The project's own files install what it needs, the same way everywhere."""

from __future__ import annotations

import ast
import importlib
import json
import re
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import packages_distributions, version
from pathlib import Path

import pytest
import yaml
from conftest import share_voila
from traitlets import Unicode
from traitlets.config import Configurable
from traitlets.config.loader import PyFileConfigLoader

from csl_helpers.views import widget_internals

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
VOILA_INTERNALS = share_voila("voila_internals")


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _requirements(reqs: list[str]) -> dict[str, str]:
    """By package name; the package's own extras (``csl-helpers[dashboards]``) left out."""
    return {_name(r): r.replace(" ", "") for r in reqs if _name(r) != PROJECT["name"]}


def _pyproject_requirements() -> dict[str, str]:
    """The package's dependencies and those of every extra."""
    extras = PROJECT["optional-dependencies"].values()
    return _requirements([*PROJECT["dependencies"], *(r for reqs in extras for r in reqs)])


def _conda_requirements(path: Path) -> dict[str, str]:
    deps = yaml.safe_load(path.read_text())["dependencies"]
    plain = [d for d in deps if isinstance(d, str) and _name(d) not in ("python", "pip")]
    return {_name(d): d.replace(" ", "") for d in plain}


def test_environment_file_lists_the_dependencies_of_the_package_and_of_every_extra():
    expected = _pyproject_requirements()
    assert len(expected) >= 10
    assert {"dashboards", "test"} <= set(PROJECT["optional-dependencies"])
    assert _conda_requirements(ROOT / "environment.yml") == expected


def test_binder_builds_from_the_root_environment_file():
    """repo2docker reads binder/ alone when it exists; without it, environment.yml."""
    assert not (ROOT / "binder").exists()


def test_environment_file_pins_python_311():
    assert "python=3.11" in yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]


def test_voila_is_pinned_to_a_working_release():
    assert _pyproject_requirements()["voila"] == "voila>=0.5.11,<0.6"
    assert "voila>=0.5.11,<0.6" in PROJECT["optional-dependencies"]["dashboards"]


def _third_party_imports(top_level: bool) -> set[str]:
    """The packages csl_helpers imports at module level, or else only inside a function."""
    found = set()
    for path in (ROOT / "csl_helpers").rglob("*.py"):
        tree = ast.parse(path.read_text())
        outer = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
        nodes = outer if top_level else [n for n in ast.walk(tree) if n not in outer]
        for node in nodes:
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "csl_helpers"}


def _distributions(modules: set[str]) -> set[str]:
    names = packages_distributions()
    return {_name(d) for m in modules for d in names[m]}


def test_the_package_needs_only_what_it_imports():
    """An analyst's `pip install csl-helpers` pulls neither Voila nor JupyterLab."""
    assert _distributions(_third_party_imports(top_level=True)) == set(
        _requirements(PROJECT["dependencies"])
    )
    assert {"voila", "jupyterlab", "ipykernel"}.isdisjoint(_requirements(PROJECT["dependencies"]))


def test_what_the_package_imports_inside_a_function_is_in_the_dashboards_extra():
    lazy = _distributions(_third_party_imports(top_level=False))
    assert "websockets" in lazy  # csl_helpers.views.page_request, in a preheated kernel
    assert lazy - set(_requirements(PROJECT["dependencies"])) <= set(
        _requirements(PROJECT["optional-dependencies"]["dashboards"])
    )


def test_jupyterlab_is_offered_in_simplified_chinese():
    """The dashboards extra brings JupyterLab's zh-CN language pack, kept below JupyterLab 5."""
    from importlib.metadata import entry_points

    pack = _requirements(PROJECT["optional-dependencies"]["dashboards"])
    assert "<5" in pack["jupyterlab-language-pack-zh-cn"]
    assert "zh_CN" in {e.name for e in entry_points(group="jupyterlab.languagepack")}


def test_the_test_extra_installs_the_dashboards_extra():
    assert f"{PROJECT['name']}[dashboards]" in PROJECT["optional-dependencies"]["test"]


# Names outside a package's public API that the code relies on: those the ipywidgets adapter
# declares. (A preheated kernel reads its page's request as Voila's wait_for_request does,
# csl_helpers/views/page_request.py; the browser tests that open a clause from the address
# check it still works.) The Voila adapter's names are attributes of a manager Voila builds:
# the test after this one builds it.
RELIED_ON = widget_internals.PRIVATE_NAMES


def _resolve(dotted: str) -> object:
    """The object a dotted name stands for: the longest importable module, then attributes."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attr in parts[split:]:
            found = getattr(found, attr)
        return found
    raise ImportError(dotted)


@pytest.mark.parametrize("name", RELIED_ON)
def test_each_name_the_code_relies_on_is_in_the_installed_package(name):
    package = name.split(".")[0]
    try:
        _resolve(name)
    except (ImportError, AttributeError):
        pytest.fail(f"{package} {version(package)} has no {name}, which the code relies on")


class _VoilaApp(Configurable):
    """What Voila's pooled kernel manager reads from its parent, over an empty folder."""

    root_dir = Unicode()
    notebook_path = None


@pytest.mark.parametrize("name", VOILA_INTERNALS.PRIVATE_NAMES)
def test_voilas_pooled_kernel_manager_still_has_the_names_the_code_reads(name, tmp_path):
    """The manager Voila builds on ClassroomKernelManager, as `make run` configures it."""
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    config = PyFileConfigLoader("voila.py", path=str(ROOT / "share" / "voila")).load_config()
    ours = config.VoilaConfiguration.multi_kernel_manager_class
    manager = voila_kernel_manager_factory(ours, True, 0)(parent=_VoilaApp(root_dir=str(tmp_path)))
    module, cls, attr = name.rsplit(".", 2)
    assert module == type(manager).__module__ and cls == type(manager).__name__
    assert hasattr(manager, attr), f"voila {version('voila')} has no {name}, which the code reads"
    assert VOILA_INTERNALS.pool_entries(manager) == set()  # over an empty folder


def test_every_package_whose_private_names_are_used_is_kept_below_its_next_release():
    packages = {n.split(".")[0] for n in (*RELIED_ON, *VOILA_INTERNALS.PRIVATE_NAMES)}
    assert packages == {"ipywidgets", "voila"}
    for package in packages:
        assert "<" in _pyproject_requirements()[package], package


ADAPTERS = {
    ROOT / "csl_helpers" / "views" / "widget_internals.py": widget_internals.PRIVATE_NAMES,
    ROOT / "share" / "voila" / "voila_internals.py": VOILA_INTERNALS.PRIVATE_NAMES,
}


def _private_names_read(tree: ast.AST) -> set[str]:
    """``x._name`` and ``getattr(x, "_name")`` with ``x`` not ``self``/``cls``, dunders left out."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and not (
            isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
        ):
            found.add(node.attr)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("getattr", "hasattr"):
            target, name = node.args[0], node.args[1]
            if isinstance(name, ast.Constant) and not getattr(target, "id", "") == "self":
                found.add(str(name.value))
    return {n for n in found if n.startswith("_") and not n.startswith("__")} - DOCUMENTED


DOCUMENTED = {"_exit"}
"""Names with a leading underscore that their package documents: ``os._exit``, how a forked
child ends (share/voila/fork_server.py)."""


def _own_names(tree: ast.AST) -> set[str]:
    """Names the code defines itself: functions, classes, variables and attributes it sets."""
    own = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            own.add(node.name)
        elif isinstance(node, ast.Name | ast.Attribute) and isinstance(node.ctx, ast.Store):
            own.add(node.id if isinstance(node, ast.Name) else node.attr)
    return own


def test_only_the_adapters_read_names_other_packages_keep_private():
    files = [*(ROOT / "csl_helpers").rglob("*.py"), *(ROOT / "share" / "voila").glob("*.py")]
    trees = {path: ast.parse(path.read_text()) for path in files}
    own = set().union(*(_own_names(tree) for tree in trees.values()))
    for path, tree in trees.items():
        foreign = _private_names_read(tree) - own
        declared = {name.rsplit(".", 1)[1] for name in ADAPTERS.get(path, ())}
        where = path.relative_to(ROOT)
        assert foreign <= declared, f"{where} reads {sorted(foreign - declared)} of another package"
    assert "_options_labels" in _private_names_read(trees[next(iter(ADAPTERS))])


def test_root_environment_installs_the_package():
    deps = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    assert pip == ["-e ."]


def test_readme_opens_with_the_two_commands():
    head = (ROOT / "README.md").read_text().split("\n## ")[0]
    assert "make run" in head and "make test" in head
    assert "http://localhost:8866" in head


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text()
    assert "make test" in script
    assert "apt-get install" in script and "chromium" in script


def test_every_notebook_uses_the_python3_kernel_and_is_executed():
    notebooks = sorted((ROOT / "notebooks").rglob("*.ipynb"))
    notebooks = [nb for nb in notebooks if ".ipynb_checkpoints" not in nb.parts]
    assert notebooks
    for path in notebooks:
        nb = json.loads(path.read_text())
        assert nb["metadata"]["kernelspec"]["name"] == "python3", path.name
        assert "widgets" not in nb["metadata"], f"{path.name} stores widget state"
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert code, path.name
        counts = [c["execution_count"] for c in code]
        assert counts == list(range(1, len(code) + 1)), f"{path.name} is not executed in order"
        for cell in code:
            assert not any(o["output_type"] == "error" for o in cell["outputs"]), path.name


def test_teaching_notebooks_compare_some_outputs():
    """nbval must have something to compare in every notebook outside dashboards/."""
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        cells = json.loads(path.read_text())["cells"]
        checked = [
            c
            for c in cells
            if c["cell_type"] == "code"
            and c["outputs"]
            and "nbval-ignore-output" not in c["metadata"].get("tags", [])
        ]
        assert len(checked) >= 3, f"{path.name} has too few outputs that nbval compares"


def test_an_installed_wheel_finds_its_data(tmp_path):
    """A non-editable install carries data/ inside the package."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("*.whl")
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import csl_helpers, csl_helpers.law.data as l;"
        "print(l.data_dir(), len(csl_helpers.load_law('2025').articles))"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert Path(out[0]).is_relative_to(target) and out[1] == "81"
