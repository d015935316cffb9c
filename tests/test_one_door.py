"""One door to each name: a module lists in ``__all__`` what it defines, and is imported from.

The package's ``__init__`` modules are the doors users import from (``csl_helpers``,
``csl_helpers.law`` …); every other module is the home of the names it defines, and code, tests,
notebooks and the README import a name of the law layer, or of the package's top-level modules,
from that home or from a door, never from a module that only passes it on.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "csl_helpers"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    for node in body:
        yield node
        if isinstance(node, (ast.If, ast.Try)):
            yield from _top_level(node.body + node.orelse)
            for handler in getattr(node, "handlers", ()):
                yield from _top_level(handler.body)


def _defined(tree: ast.Module) -> set[str]:
    """The names a module's own statements define (not those it imports)."""
    names: set[str] = set()
    for node in _top_level(tree.body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _all(tree: ast.Module) -> list[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    return []


@cache
def _tree(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text(encoding="utf-8"))


def _watched(module: str) -> bool:
    """The modules this test holds to the rule: the law layer's and the top-level ones."""
    path = MODULES[module]
    return path.name != "__init__.py" and path.parent in (PACKAGE, PACKAGE / "law")


def _sources() -> Iterator[tuple[str, str]]:
    for folder in ("csl_helpers", "tests", "benchmarks", "share"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            if cell["cell_type"] == "code" and not "".join(cell["source"]).startswith("%"):
                yield f"{path.relative_to(ROOT)}[{i}]", "".join(cell["source"])
    for path in (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))):
        text = path.read_text(encoding="utf-8")
        for i, block in enumerate(re.findall(r"```python\n(.*?)```", text, re.DOTALL)):
            yield f"{path.relative_to(ROOT)}[{i}]", block


def _parse(sources: Iterable[tuple[str, str]]) -> list[tuple[str, ast.Module]]:
    parsed = []
    for where, source in sources:
        try:
            parsed.append((where, ast.parse(source)))
        except SyntaxError:  # a notebook cell of IPython syntax
            continue
    return parsed


@cache
def _parsed() -> list[tuple[str, ast.Module]]:
    return _parse(_sources())


def _imports_through(
    watched: set[str], sources: Iterable[tuple[str, str]] | None = None
) -> list[str]:
    """Every ``from M import name`` whose ``M`` is in ``watched`` and does not define ``name``."""
    defined = {m: _defined(_tree(m)) for m in watched}
    passed_on = []
    for where, tree in _parsed() if sources is None else _parse(sources):
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in watched:
                passed_on += [
                    f"{where}:{node.lineno} {node.module}.{a.name}"
                    for a in node.names
                    if a.name not in defined[node.module]
                    and f"{node.module}.{a.name}" not in MODULES
                ]
    return passed_on


def test_a_module_lists_in_all_only_what_it_defines():
    relisted = {m: sorted(set(_all(_tree(m))) - _defined(_tree(m))) for m in MODULES if _watched(m)}
    assert {m: names for m, names in relisted.items() if names} == {}


def test_names_of_the_law_layer_are_imported_from_their_home_or_a_door():
    assert _imports_through({m for m in MODULES if _watched(m)}) == []


def test_same_conduct_is_imported_from_its_home():
    penalties = {m for m in MODULES if m.startswith("csl_helpers.penalties.")}
    (home,) = (m for m in penalties if "same_conduct" in _defined(_tree(m)))
    others = penalties - {home, "csl_helpers.penalties"}
    found = [x for x in _imports_through(others) if x.endswith(".same_conduct")]
    assert home == "csl_helpers.penalties.comparison" and found == []


def test_the_checks_find_a_name_passed_on():
    tree = ast.parse("from csl_helpers.law.data import read_yaml\n__all__ = ['read_yaml']\n")
    assert set(_all(tree)) - _defined(tree) == {"read_yaml"}
    source = ("x.py", "from csl_helpers.law.load import read_yaml, load_law\n")
    found = _imports_through({"csl_helpers.law.load"}, [source])
    assert found == ["x.py:1 csl_helpers.law.load.read_yaml"]
