"""The code cells of the course's Chinese edition.

Their calls are given the Chinese interface by a declared rule (:data:`LANGUAGE_ARGUMENTS`),
not by rewriting text.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

EDITION = "zh"
"""The language the Chinese edition's calls are given."""

LANGUAGE_ARGUMENTS = {
    # name called: (its language parameter, that parameter's position, or None if keyword-only)
    "article_view": ("lang", 2),
    "ceilings_chart": ("ui", 1),
    "ceilings_table": ("lang", 0),
    "changed_articles_table": ("lang", 0),
    "chapter_changes": ("lang", 1),
    "chapter_comparison": ("lang", 3),
    "chapter_in_versions": ("lang", 1),
    "chapter_sizes_chart": ("ui", 1),
    "chapter_sizes_table": ("lang", 0),
    "chapters": ("lang", 1),
    "chapters_table": ("lang", 1),
    "citation": ("lang", 0),
    "checklists": ("lang", 1),
    "comparison_html": ("lang", 2),
    "cross_references": ("lang", 1),
    "decision_comparison": ("lang", 1),
    "decision_table": ("lang", 0),
    "defined_terms": ("lang", 1),
    "duties": ("lang", None),
    "duties_chart": ("ui", 0),
    "duties_of": ("lang", None),
    "duties_per_subject": ("lang", 1),
    "duties_per_subject_table": ("lang", 0),
    "every_tier": ("lang", 3),
    "examples_table": ("lang", 1),
    "explain": ("lang", 0),
    "fined_clauses": ("lang", 0),
    "fines_among_all": ("ui", None),
    "gains_table": ("lang", 2),
    "incident_table": ("lang", 0),
    "incident_walk": ("lang", 1),
    "key_terms": ("lang", 1),
    "law_explorer": ("lang", 2),
    "links_table": ("lang", 0),
    "load_quiz": ("lang", 1),
    "mitigation_table": ("lang", 1),
    "obligation_navigator": ("lang", 2),
    "obligation_tree": ("lang", 1),
    "origins_table": ("lang", None),
    "penalty_simulator": ("lang", 1),
    "quiz_widget": ("lang", 1),
    "reach_table": ("lang", 3),
    "reference_network": ("ui", 1),
    "scope_widget": ("lang", 0),
    "severity_chart": ("ui", 0),
    "side_by_side": ("lang", 3),
    "sorter": ("lang", 0),
    "sources_table": ("lang", 1),
    "text": ("lang", 0),
    "tiers_table": ("lang", 0),
    "to_csv": ("lang", 0),
    "verdicts_table": ("lang", 0),
    "versions_table": ("lang", 0),
    "why_asked": ("lang", 1),
}
"""The calls of the notebooks that take the interface's language (a function's or a method's
name). In the Chinese edition a call that does not give it gets ``<parameter>="zh"``, and one
that gives it as the literal ``"en"`` gets ``"zh"``; tests/test_course_translation.py checks each
entry against the function's signature. Not listed, deliberately: ``search_table`` and
``Law.search``, whose language is the language of the words searched for."""

TEXT_LANGUAGE = {"chapter_comparison": ("show", 2), "decision_comparison": ("show", 0)}
"""Calls whose texts are shown in the reader's language unless told otherwise. Where the source
names English explicitly (``lang="en"``), English is the point of the cell: the edition keeps
the texts in English (``show="en"``) and gives only the interface in Chinese."""

PATH_ARGUMENTS = ("simulator",)
"""Keyword arguments that name a notebook relative to the calling one: one folder up in the
edition's folder."""


def _offsets(code: str) -> list[int]:
    """The byte offset of each line's start (ast positions count bytes within a line)."""
    offsets = [0]
    for line in code.split("\n"):
        offsets.append(offsets[-1] + len(line.encode()) + 1)
    return offsets


def printed_strings(code: str) -> list[tuple[int, int, str]]:
    """The string literals (plain or f-strings) given to ``print``: the words a cell prints.

    Each is (start byte, end byte, its source), its source being what the catalogue translates.

    >>> printed_strings('print(f"On {day} the text", x, "cites:")')
    [(6, 26, 'f"On {day} the text"'), (31, 39, '"cites:"')]
    """
    offsets = _offsets(code)
    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
            for arg in node.args:
                if isinstance(arg, ast.JoinedStr) or (
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ):
                    start = offsets[arg.lineno - 1] + arg.col_offset
                    end = offsets[arg.end_lineno - 1] + arg.end_col_offset
                    found.append((start, end, code.encode()[start:end].decode()))
    return sorted(found)


def translate_printed(code: str, translate) -> str:
    """``code`` with each string given to ``print`` replaced by ``translate`` of its source."""
    data = code.encode()
    for start, end, text in reversed(printed_strings(code)):
        data = data[:start] + translate(text).encode() + data[end:]
    return data.decode()


def placeholders(literal: str) -> list[str]:
    """The expressions an f-string literal interpolates, in order (none for a plain string).

    >>> placeholders('f"{law.version}年文本，自{law.in_force_from}起施行"')
    ['law.version', 'law.in_force_from']
    """
    node = ast.parse(literal, mode="eval").body
    if not isinstance(node, ast.JoinedStr):
        return []
    return [ast.unparse(v.value) for v in node.values if isinstance(v, ast.FormattedValue)]


def edition_code(code: str, lang: str = EDITION) -> str:
    r"""A code cell of the Chinese edition: each call of :data:`LANGUAGE_ARGUMENTS` in ``lang``.

    >>> edition_code('key_terms(1)\nchapter_in_versions(6, lang="en")\nprint(p.text("en"))')
    'key_terms(1, lang="zh")\nchapter_in_versions(6, lang="zh")\nprint(p.text("zh"))'
    >>> edition_code('chapter_comparison(6, lang="en")')
    'chapter_comparison(6, lang="zh", show="en")'
    >>> edition_code('obligation_navigator(simulator="dashboards/penalty_simulator.ipynb")')
    'obligation_navigator(simulator="../dashboards/penalty_simulator.ipynb", lang="zh")'
    """
    offsets = _offsets(code)
    edits: list[tuple[int, int, str]] = []

    def at(node: ast.AST, end: bool = False) -> int:
        if end:
            return offsets[node.end_lineno - 1] + node.end_col_offset
        return offsets[node.lineno - 1] + node.col_offset

    for node in ast.walk(ast.parse(code)):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            value = keyword.value
            if keyword.arg in PATH_ARGUMENTS and isinstance(value, ast.Constant):
                edits.append((at(value), at(value, True), json.dumps(f"../{value.value}")))
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in LANGUAGE_ARGUMENTS:
            continue
        parameter, position = LANGUAGE_ARGUMENTS[name]
        given = [k.value for k in node.keywords if k.arg == parameter]
        if position is not None and len(node.args) > position:
            given.append(node.args[position])
        if not given:
            closing = at(node, True) - 1
            before = code.encode()[:closing].rstrip()
            comma = "" if before.endswith((b"(", b",")) else ", "
            edits.append((closing, closing, f'{comma}{parameter}="{lang}"'))
        elif isinstance(given[0], ast.Constant) and given[0].value == "en":
            keep = ""
            if name in TEXT_LANGUAGE:
                shown, place = TEXT_LANGUAGE[name]
                if not any(k.arg == shown for k in node.keywords) and len(node.args) <= place:
                    keep = f', {shown}="en"'
            edits.append((at(given[0]), at(given[0], True), f'"{lang}"{keep}'))
    data = code.encode()
    for start, end, text in sorted(edits, reverse=True):
        data = data[:start] + text.encode() + data[end:]
    return data.decode()


def formatted(code: str) -> str:
    """``code`` as ruff formats it with the project's settings (`make format`)."""
    ruff = Path(sys.executable).with_name("ruff")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [str(ruff), "format", "--stdin-filename", "cell.py", "-"],
        input=code, capture_output=True, text=True, cwd=root, check=True,
    )  # fmt: skip
    return done.stdout.rstrip("\n")
