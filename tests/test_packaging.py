"""The package builds without a setuptools warning and ships its catalogues and data.

Each build works on a copy of the files the package is made of, so that nothing a build leaves
in the work tree (``build/``, an ``egg-info``) reaches the next one. setuptools comes from the
package index pip is configured with, as in any install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "csl_helpers", "data")
WARNED = re.compile(r"would be ignored|absent from the `packages`|Warning", re.IGNORECASE)


def _copy(to: Path) -> Path:
    tree = to / "src"
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
            shutil.copytree(source, tree / name, ignore=ignore)
        else:
            tree.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name)
    return tree


def _pip(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], str]:
    """The names in a freshly built wheel, and what the build printed."""
    tmp = tmp_path_factory.mktemp("wheel")
    done = _pip("wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(_copy(tmp)))
    (built,) = (tmp / "dist").glob("csl_helpers-*.whl")
    with zipfile.ZipFile(built) as archive:
        return set(archive.namelist()), done.stdout + done.stderr


def test_the_build_warns_of_nothing(wheel: tuple[set[str], str]) -> None:
    _, printed = wheel
    assert not WARNED.search(printed), printed


def test_the_wheel_holds_every_module_catalogue_and_data_file(
    wheel: tuple[set[str], str],
) -> None:
    names, _ = wheel
    package = ROOT / "csl_helpers"
    expected = {
        f"csl_helpers/{p.relative_to(package).as_posix()}"
        for p in package.rglob("*")
        if p.suffix in {".py", ".po", ".mo", ".pot"} and "__pycache__" not in p.parts
    }
    expected |= {
        f"csl_helpers/data/{p.relative_to(ROOT / 'data').as_posix()}"
        for p in (ROOT / "data").rglob("*")
        if p.is_file()
    }
    assert {n for n in expected if n.endswith(".mo")} >= {
        "csl_helpers/locale/en/LC_MESSAGES/csl.mo",
        "csl_helpers/locale/zh_Hans/LC_MESSAGES/csl.mo",
    }
    assert "csl_helpers/data/penalties/csl-2025.yaml" in expected
    assert sorted(expected - names) == []


def test_an_editable_install_as_the_makefile_runs_it_prints_nothing(tmp_path: Path) -> None:
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    (filters,) = re.findall(r'^EDITABLE := PYTHONWARNINGS="([^"]+)"', make, re.MULTILINE)
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    env = dict(os.environ, PYTHONWARNINGS=filters)
    done = _pip(
        "--python",
        str(target / "bin" / "python"),
        "install",
        "--quiet",
        "--no-deps",
        "-e",
        str(_copy(tmp_path)),
        env=env,
    )
    assert done.stdout + done.stderr == ""
