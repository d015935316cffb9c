"""The package's layout rules: modules stay small, and the versions of the Law are data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import csl_helpers
from csl_helpers.law.version_registry import version_ids

PACKAGE = Path(csl_helpers.__file__).resolve().parent
MAX_LINES = 400
VERSION_FREE = ("**/*.py",)
"""Globs (under ``csl_helpers/``) of the modules that name no version of the Law in their code:
all of them. Versions are read from ``csl_helpers.law.load``; a third version is data."""
VERSION_IDS = frozenset({"2016", "2025", *version_ids()})


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("path", modules(), ids=name)
def test_no_module_is_over_the_size_limit(path):
    assert lines(path) <= MAX_LINES, f"{name(path)} has {lines(path)} lines; split it by concern"


def version_literals(source: str) -> list[tuple[int, str]]:
    """The string constants naming a version of the Law, outside docstrings.

    A string standing alone as a statement is documentation (a module, class or function
    docstring, or the docstring of an attribute below it), with its doctests; it is skipped.
    """
    tree = ast.parse(source)
    docs = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in VERSION_IDS and id(node) not in docs
    ]


def version_free_modules() -> list[Path]:
    return sorted({path for pattern in VERSION_FREE for path in PACKAGE.glob(pattern)})


def test_the_version_check_covers_the_logic():
    names = {name(p) for p in version_free_modules()}
    assert {"dashboards.py", "law/load.py", "obligations/duties.py", "lessons/scope.py"} <= names


def test_the_version_check_finds_literals_in_code_and_not_in_docstrings():
    source = '''
"""Module doc: the "2016" text."""
X = 1
"""Attribute doc: ``"2025"``."""


def f(version):
    """>>> f("2016")"""
    return version == "2025" or version in ("2016",)
'''
    assert version_literals(source) == [(9, "2025"), (9, "2016")]


@pytest.mark.parametrize("path", version_free_modules(), ids=name)
def test_versions_are_data_not_literals(path):
    found = version_literals(path.read_text(encoding="utf-8"))
    assert not found, (
        f"{name(path)}, line {found[0][0]}: {found[0][1]!r}; read versions from "
        "csl_helpers.law.load (version_ids, version_before, version_after, other_version, ...)"
    )
