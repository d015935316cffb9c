"""The README's API tour runs as it is written, and says what it returns.

Every ``python`` block of README.md is run, in order, in one namespace. Where a line ends in a
comment that states a value (``# -> "2016"``, ``# ('Article 61(3)', ...)``), the line's value
must be that value: the README cannot drift from the package.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from contextlib import redirect_stdout
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def python_blocks() -> list[str]:
    """The README's Python examples, in the order they appear."""
    return _BLOCK.findall(README.read_text(encoding="utf-8"))


def stated_values(source: str) -> dict[int, object]:
    """The values the comments state, by line: ``# -> X`` or a comment that is a literal."""
    stated = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        text = tok.string.lstrip("#").strip()
        text = text[2:].strip() if text.startswith("->") else text
        for candidate in (text, text.split(";")[0], text.split(": ")[0]):
            try:
                stated[tok.start[0]] = ast.literal_eval(candidate.strip())
                break
            except (ValueError, SyntaxError):
                continue
    return stated


def run_block(source: str, namespace: dict) -> list[tuple[int, object, object]]:
    """Run a block statement by statement; (line, stated, actual) for each stated value."""
    stated = stated_values(source)
    checked = []
    for statement in ast.parse(source).body:
        code = ast.Module([statement], [])
        if isinstance(statement, ast.Expr):
            value = eval(compile(ast.Expression(statement.value), str(README), "eval"), namespace)
            if statement.end_lineno in stated:
                checked.append((statement.end_lineno, stated[statement.end_lineno], value))
        else:
            exec(compile(code, str(README), "exec"), namespace)
    return checked


def test_the_readme_has_an_api_tour():
    blocks = python_blocks()
    assert len(blocks) >= 3
    assert sum(len(stated_values(b)) for b in blocks) >= 3


def test_the_readme_api_tour_runs_and_returns_what_it_says():
    namespace: dict = {}
    checked = []
    with redirect_stdout(io.StringIO()) as printed:
        for block in python_blocks():
            checked += run_block(block, namespace)
    assert printed.getvalue()  # the tour's print() calls show something
    for line, stated, actual in checked:
        assert actual == stated, f"README line {line} of its block says {stated!r}, got {actual!r}"


@pytest.mark.parametrize(
    ("source", "stated"),
    [
        ("x = 1\nx  # -> 1\n", {2: 1}),
        ('x  # ("a", 2)\n', {1: ("a", 2)}),
        ("x  # the version in force today\n", {}),
        ("x  # -> 61; None where a provision is new\n", {1: 61}),
    ],
)
def test_stated_values_are_read_from_comments(source, stated):
    assert stated_values(source) == stated


def test_a_wrong_stated_value_is_caught():
    checked = run_block("1 + 1  # -> 3\n", {})
    assert checked == [(1, 3, 2)]
