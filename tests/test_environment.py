"""The project's own files install what it needs, the same way everywhere."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0].lower()


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["test"]
    return {_name(r): r.replace(" ", "") for r in reqs}


def _conda_requirements(path: Path) -> dict[str, str]:
    deps = yaml.safe_load(path.read_text())["dependencies"]
    plain = [d for d in deps if isinstance(d, str) and _name(d) not in ("python", "pip")]
    return {_name(d): d.replace(" ", "") for d in plain}


def test_environment_files_list_the_pyproject_dependencies():
    expected = _pyproject_requirements()
    assert len(expected) >= 10
    assert _conda_requirements(ROOT / "environment.yml") == expected
    assert _conda_requirements(ROOT / "binder" / "environment.yml") == expected


def test_environment_files_pin_python_311():
    for path in (ROOT / "environment.yml", ROOT / "binder" / "environment.yml"):
        assert "python=3.11" in yaml.safe_load(path.read_text())["dependencies"]


def test_voila_is_pinned_to_a_working_release():
    assert _pyproject_requirements()["voila"] == "voila>=0.5.11"


def test_root_environment_installs_the_package():
    deps = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    assert pip == ["-e ."]


def test_binder_postbuild_installs_the_package_and_stops_on_error():
    lines = (ROOT / "binder" / "postBuild").read_text().splitlines()
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    assert body[0] == "set -e"
    assert any("pip install" in ln and ln.rstrip().endswith(" .") for ln in body)


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
        "import csl_helpers, csl_helpers.law.load as l;"
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
