"""The law layer has no circle: no module of it imports the package inside a function.

A function-level import is how a circle between two modules is held open (each imports the
other, one of them late); pyproject.toml's layers contract for csl_helpers.law forbids the
circle itself. Here: no such late import, and every module of the layer imports first, alone,
in a fresh interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

LAW = Path(__file__).resolve().parent.parent / "csl_helpers" / "law"


def _late_imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith(
                    "csl_helpers"
                ):
                    found.append((inner.lineno, inner.module))
                elif isinstance(inner, ast.Import):
                    found += [
                        (inner.lineno, a.name)
                        for a in inner.names
                        if a.name.startswith("csl_helpers")
                    ]
    return found


def test_no_module_of_the_law_layer_imports_the_package_inside_a_function():
    late = {
        path.name: _late_imports(ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(LAW.glob("*.py"))
    }
    assert {name: found for name, found in late.items() if found} == {}


def test_the_finder_finds_a_late_import():
    source = "def f():\n    from csl_helpers.law.load import load_law\n    return load_law\n"
    assert _late_imports(ast.parse(source)) == [(2, "csl_helpers.law.load")]


def test_each_module_of_the_law_layer_imports_first_on_its_own():
    names = [f"csl_helpers.law.{p.stem}" for p in sorted(LAW.glob("*.py")) if p.stem != "__init__"]
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('csl_helpers')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr
