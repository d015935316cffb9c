"""Every notebook follows one skeleton, keeps its cells short, and hands over to the next.

The start page (00) has the header (title, a paragraph, objectives, prerequisites, time), a
summary and a "What's next"; the chapter notebooks (01 to 09) have the whole skeleton below,
its sections in order. A code cell is at most ``MAX_LINES`` lines (a cell of imports only is
exempt: it is the notebook's table of contents); no cell defines a function or prints inside a
loop (a table is a value that displays itself, from ``csl_helpers``). The README's table lists
every notebook in order, and each notebook's "What's next" links the next one in it.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))
CHAPTER_NOTEBOOKS = [p for p in NOTEBOOKS if not p.name.startswith("00_")]

MAX_LINES = 6
"""The longest code cell allowed: a sentence of markdown and one to three calls need no more."""

SKELETON = (
    ("The chapter in both versions", "The amendment in both versions", "The Law in both versions"),
    ("In plain words",),
    ("Try it",),
    ("Key terms",),
    ("Cross-references",),
    ("Self-check",),
    ("Discussion questions for a trainer",),
    ("Summary",),
    ("What's next",),
)
"""The sections of a chapter notebook, in order: the ``##`` heading of each starts with one of
the words given (``## Try it: the Obligation Navigator``)."""

HEADER = ("**Objectives.**", "**Prerequisites.**", "**Time.**")


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def headings(path: Path) -> list[str]:
    """The notebook's ``##`` headings, in order."""
    return [
        line[3:].strip()
        for c in cells(path)
        if c["cell_type"] == "markdown"
        for line in source(c).splitlines()
        if line.startswith("## ")
    ]


def slots(found: list[str]) -> list[int]:
    """For each heading, the index of the skeleton section it opens (-1 for none)."""
    return [next((i for i, names in enumerate(SKELETON) if h.startswith(names)), -1) for h in found]


def code_cells(path: Path) -> list[str]:
    return [source(c) for c in cells(path) if c["cell_type"] == "code"]


def is_imports(code: str) -> bool:
    return all(isinstance(s, ast.Import | ast.ImportFrom) for s in ast.parse(code).body)


def printing_loops(code: str) -> list[int]:
    """Lines of loops (or comprehensions) that call ``print``, and of function definitions."""
    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            found.append(node.lineno)
        if isinstance(node, ast.For | ast.While | ast.comprehension):
            body = node if not isinstance(node, ast.comprehension) else node.iter
            for sub in ast.walk(body):
                if isinstance(sub, ast.Call) and getattr(sub.func, "id", None) == "print":
                    found.append(getattr(node, "lineno", getattr(body, "lineno", 0)))
        if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            for sub in ast.walk(node.elt):
                if isinstance(sub, ast.Call) and getattr(sub.func, "id", None) == "print":
                    found.append(node.lineno)
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_header(path):
    first = source(cells(path)[0])
    assert first.startswith("# "), "the first cell is the title"
    title, _, rest = first.partition("\n")
    paragraph = rest.strip().split("\n\n")[0]
    assert paragraph and not paragraph.startswith(("**", "#", "|", "-")), "one paragraph"
    places = [rest.find(h) for h in HEADER]
    assert -1 not in places, f"{path.name}: the header needs {HEADER}"
    assert places == sorted(places), f"{path.name}: {HEADER} in this order"


@pytest.mark.parametrize("path", CHAPTER_NOTEBOOKS, ids=lambda p: p.stem)
def test_chapter_skeleton(path):
    found = [s for s in slots(headings(path)) if s >= 0]
    for i, names in enumerate(SKELETON):
        assert found.count(i) == 1, (
            f"{path.name}: one '## {names[0]}' section, not {found.count(i)}"
        )
    assert found == sorted(found), f"{path.name}: sections out of order: {headings(path)}"


def test_start_page_ends_with_summary_and_next():
    found = headings(NOTEBOOKS[0])
    assert found[-2:] == ["Summary", "What's next"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_cells_are_short_calls(path):
    for code in code_cells(path):
        if is_imports(code):
            continue
        lines = [line for line in code.splitlines() if line.strip()]
        assert len(lines) <= MAX_LINES, f"{path.name}: a cell of {len(lines)} lines:\n{code}"
        assert not printing_loops(code), f"{path.name}: a cell builds output by hand:\n{code}"


def test_the_checks_catch_what_they_look_for():
    assert printing_loops("for v in vs:\n    print(v)")
    assert printing_loops("[print(v) for v in vs]")
    assert printing_loops("def show(x):\n    print(x)")
    assert not printing_loops("print(len(vs))\nchapter_in_versions(1)")
    assert slots(["Try it: the navigator", "Sort examples", "What's next"]) == [2, -1, 8]


def readme_table() -> list[str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## The notebooks", 1)[1]
    section = section.split("\n## ", 1)[0]
    return re.findall(r"^\| `(0\w+)` \|", section, flags=re.M)


def whats_next(path: Path) -> str:
    text = "\n".join(source(c) for c in cells(path) if c["cell_type"] == "markdown")
    return text.split("## What's next", 1)[1]


def test_readme_lists_every_notebook_in_order():
    assert readme_table() == [p.stem for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS[:-1], ids=lambda p: p.stem)
def test_whats_next_links_the_next_notebook(path):
    table = readme_table()
    following = table[table.index(path.stem) + 1]
    assert f"]({following}.ipynb)" in whats_next(path), f"{path.name} -> {following}"
