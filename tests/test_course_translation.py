"""The course in Chinese: every paragraph translated, none stale, the edition what it should be.

The English notebooks are the source; share/course/course.py (`make course-i18n`) extracts their
prose into notebooks/locale and generates notebooks/zh from it. A failure names the notebook,
the cell and the paragraph.
"""

from __future__ import annotations

import ast
import doctest
import functools
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from babel.messages.catalog import Catalog
from test_jupyterlab import (
    lab,  # noqa: F401 (the JupyterLab server fixture)
    missing,
    run_all_cells,
    shut_down_kernels,
)
from test_jupyterlab import problems as page_problems
from test_notebook_skeleton import HEADER, SKELETON
from test_translations import LEGAL_TERMS, as_whole_term, chinese_law_texts

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "share" / "course"))

import course  # noqa: E402
import course_code  # noqa: E402
import course_markdown  # noqa: E402

TRANSLATED = course.TRANSLATED
ALL = course.source_notebooks()


@functools.cache
def edition(stem: str) -> dict:
    """The edition as source and catalogues give it, made once per run (ruff formats cells)."""
    return course.edition(stem)


COURSE_TERMS = (
    *LEGAL_TERMS,
    (r"\bnetwork operators?\b", "网络运营者"),
    (
        r"(?<!operators of )(?<!operator of )\bcritical information infrastructure\b(?! operator)",
        "关键信息基础设施",
    ),
    (r"\bCII operators?\b|operators? of critical information", "关键信息基础设施的运营者"),
    (r"\bpersonal information\b", "个人信息"),
    (r"\border(?:ed|s)? (?:it |them )?to correct", "责令改正"),
    (r"\ba warning\b", "警告"),  # the penalty (警告); warning the public is 预警
)
"""The interface's legal terms (tests/test_translations.py) and the course's: where a
paragraph's English names one, its Chinese uses the Law's own words for it."""


def problems(stem: str, catalog: Catalog) -> list[str]:
    """What is wrong with ``catalog`` as the translation of notebook ``stem``, one line each."""
    found = []
    for n, unit in course.units(stem):
        where = f"{stem}.ipynb cell {n + 1}: {unit.text[:70]!r}"
        message = catalog.get(unit.text)
        if message is None or not message.string:
            found.append(f"{where} has no translation")
        elif message.fuzzy:
            found.append(f"{where} is fuzzy: its English changed since it was translated")
    return found


@pytest.mark.parametrize("stem", TRANSLATED)
def test_every_paragraph_is_translated_and_current(stem):
    assert not problems(stem, course.read_catalogue(stem)), "\n".join(
        problems(stem, course.read_catalogue(stem))
    )


def test_a_missing_or_stale_translation_is_named():
    stem = TRANSLATED[0]
    (n, first), (m, second), *_ = course.units(stem)
    catalog = course.read_catalogue(stem)
    catalog.delete(first.text)
    catalog[second.text].flags.add("fuzzy")
    found = problems(stem, catalog)
    assert len(found) == 2
    assert found[0].startswith(f"{stem}.ipynb cell {n + 1}: {first.text[:70]!r} has no")
    assert f"cell {m + 1}: {second.text[:70]!r} is fuzzy" in found[1]


@pytest.mark.parametrize("stem", ALL)
def test_the_catalogues_hold_the_paragraphs_of_the_source_now(stem):
    """A paragraph changed in the source, and `make course-i18n` not run, is a msgid mismatch."""
    wanted = {u.text for _n, u in course.units(stem)}
    with (course.LOCALE / f"{stem}.pot").open("rb") as f:
        pot = {m.id for m in course.read_po(f) if m.id}
    po = {m.id for m in course.read_catalogue(stem) if m.id}
    for name, ids in (("the template", pot), ("the Chinese catalogue", po)):
        assert ids == wanted, (
            f"{stem}: {name} is not the source's; run `make course-i18n`. "
            f"Not in the source: {sorted(ids - wanted)[:3]}; new in it: {sorted(wanted - ids)[:3]}"
        )


@pytest.mark.parametrize("stem", TRANSLATED)
def test_the_committed_edition_is_what_source_and_catalogues_give(stem):
    path = course.edition_path(stem)
    assert path.exists(), f"{path.relative_to(ROOT)} is missing; run `make course-i18n`"
    committed = course.cell_sources(json.loads(path.read_text(encoding="utf-8")))
    wanted = course.cell_sources(edition(stem))
    assert len(committed) == len(wanted), f"{stem}: {len(committed)} cells, not {len(wanted)}"
    for n, (got, want) in enumerate(zip(committed, wanted, strict=True), start=1):
        assert got == want, f"zh/{stem}.ipynb cell {n} is not generated; run `make course-i18n`"


def test_every_notebook_outside_the_list_is_untranslated_honestly():
    """The list of translated notebooks names those whose every paragraph is translated."""
    done = [s for s in ALL if not problems(s, course.read_catalogue(s))]
    assert set(TRANSLATED) <= set(done)
    assert sorted(p.stem for p in (course.NOTEBOOKS / "zh").glob("*.ipynb")) == sorted(TRANSLATED)


@pytest.mark.parametrize("stem", TRANSLATED)
def test_the_edition_is_executed_in_order_without_errors(stem):
    nb = json.loads(course.edition_path(stem).read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    assert not any(o["output_type"] == "error" for c in code for o in c["outputs"])
    assert "widgets" not in nb["metadata"], "the edition stores no widget state"


def translated_units(stems=TRANSLATED):
    for stem in stems:
        done = course.translations(stem)
        for n, unit in course.units(stem):
            if unit.text in done:
                yield stem, n, unit.text, done[unit.text]


def test_the_skeleton_headings_are_named_in_chinese_as_declared():
    names = {name for names in SKELETON for name in names} | set(HEADER)
    assert names == set(course.SKELETON_ZH)
    for stem, n, english, chinese in translated_units():
        for name, zh in course.SKELETON_ZH.items():
            if english.startswith(name):
                assert chinese.startswith(zh), f"{stem} cell {n + 1}: {chinese!r} opens with {zh}"


@pytest.mark.parametrize("stem", [s for s in TRANSLATED if not s.startswith("00_")])
def test_each_chapter_of_the_edition_has_the_skeleton_in_chinese_in_order(stem):
    nb = json.loads(course.edition_path(stem).read_text(encoding="utf-8"))
    found = [
        line[3:].strip()
        for c in nb["cells"]
        if c["cell_type"] == "markdown"
        for line in course.source(c).splitlines()
        if line.startswith("## ")
    ]
    sections = [
        next((i for i, names in enumerate(SKELETON) if h.startswith(zh(names))), -1) for h in found
    ]
    sections = [i for i in sections if i >= 0]
    assert sections == list(range(len(SKELETON))), f"zh/{stem}: {found}"
    first = course.source(nb["cells"][0])
    places = [first.find(course.SKELETON_ZH[h]) for h in HEADER]
    assert -1 not in places and places == sorted(places), f"zh/{stem}: the header in Chinese"


def zh(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(course.SKELETON_ZH[name] for name in names)


@pytest.mark.parametrize(("english", "chinese"), COURSE_TERMS, ids=[t for _, t in COURSE_TERMS])
def test_the_chinese_prose_uses_the_laws_own_terms(english, chinese):
    assert as_whole_term(chinese, chinese_law_texts()), f"{chinese} is not a term of the Law"
    pattern = re.compile(english, re.IGNORECASE)
    for stem, n, text, string in translated_units():
        if pattern.search(text):
            assert as_whole_term(chinese, string), (
                f"{stem} cell {n + 1}: {text[:60]!r} is not worded with {chinese}: {string!r}"
            )


def test_each_translation_keeps_the_code_links_and_emphasis():
    for stem, n, english, chinese in translated_units():
        english = english.replace(f"]({course.EDITION}/", "](../")  # the other edition's link
        for pattern in (r"`[^`]+`", r"\]\([^)]+\)"):
            assert sorted(re.findall(pattern, english)) == sorted(re.findall(pattern, chinese)), (
                f"{stem} cell {n + 1}: {pattern} differs in {chinese!r}"
            )


def test_each_printed_string_stays_a_literal_with_the_same_placeholders():
    """A code cell's printed words are translated as its literal source: the same kind of
    literal, interpolating the same expressions in the same order."""
    for stem, n, english, chinese in translated_units():
        if english.startswith(('"', 'f"', "'", "f'")):
            assert course_code.placeholders(chinese) == course_code.placeholders(english), (
                f"{stem} cell {n + 1}: {chinese!r} interpolates other values than {english!r}"
            )
            assert chinese.startswith("f") == english.startswith("f"), f"{stem} cell {n + 1}"


def test_the_edition_prints_in_chinese():
    for stem in TRANSLATED:
        for cell in edition(stem)["cells"]:
            if cell["cell_type"] == "code":
                for _start, _end, text in course_code.printed_strings(course.source(cell)):
                    assert re.search(r"[\u4e00-\u9fff]", text), f"{stem}: {text} is not Chinese"


def test_the_start_pages_link_each_other_and_every_link_resolves():
    english = "".join(course.source(c) for c in course.read_notebook("00_start_here")["cells"])
    assert "](zh/00_start_here.ipynb)" in english
    for stem in TRANSLATED:
        nb = json.loads(course.edition_path(stem).read_text(encoding="utf-8"))
        text = "".join(course.source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
        if stem == "00_start_here":
            assert "](../00_start_here.ipynb)" in text
        for target in re.findall(r"\]\(([^)#]+\.ipynb)\)", text):
            assert (course.edition_path(stem).parent / target).exists(), f"{stem} -> {target}"


def calls(code: str) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(code)) if isinstance(node, ast.Call)]


def call_name(node: ast.Call) -> str | None:
    return getattr(node.func, "id", None) or getattr(node.func, "attr", None)


def notebook_functions() -> dict[str, object]:
    """Every name the course's notebooks import, imported."""
    namespace: dict = {}
    for stem in ALL:
        for cell in course.read_notebook(stem)["cells"]:
            if cell["cell_type"] == "code":
                for node in ast.parse(course.source(cell)).body:
                    if isinstance(node, ast.Import | ast.ImportFrom):
                        exec(compile(ast.Module([node], []), stem, "exec"), namespace)  # noqa: S102
    return namespace


def csl_methods(name: str) -> list:
    """The methods called ``name`` of the classes of csl_helpers."""
    import pkgutil

    import csl_helpers

    found = []
    for info in pkgutil.walk_packages(csl_helpers.__path__, "csl_helpers."):
        module = __import__(info.name, fromlist=["_"])
        for _n, cls in inspect.getmembers(module, inspect.isclass):
            protocol = getattr(cls, "_is_protocol", False)
            if cls.__module__ == info.name and name in vars(cls) and not protocol:
                found.append(vars(cls)[name])
    return found


def test_each_declared_language_argument_is_the_functions_own():
    namespace = notebook_functions()
    for name, (parameter, position) in course_code.LANGUAGE_ARGUMENTS.items():
        targets = [namespace[name]] if name in namespace else csl_methods(name)
        assert targets, f"{name} is neither imported by a notebook nor a method of csl_helpers"
        for target in targets:
            params = list(inspect.signature(target).parameters.values())
            if params and params[0].name == "self":
                params = params[1:]
            by_name = {p.name: i for i, p in enumerate(params)}
            assert parameter in by_name, f"{name} takes no {parameter}"
            kind = params[by_name[parameter]].kind
            if position is None:
                assert kind is inspect.Parameter.KEYWORD_ONLY or any(
                    p.kind is inspect.Parameter.VAR_POSITIONAL for p in params
                ), f"{name}: {parameter} can be given by position"
            else:
                assert by_name[parameter] == position, f"{name}: {parameter} is not at {position}"


NOT_INTERFACE = {"search_table"}
"""Functions whose language argument is the language of the words searched, not the interface's."""


def test_every_call_that_takes_a_language_is_given_one_in_the_edition():
    namespace = notebook_functions()
    for stem in ALL:
        for cell in course.read_notebook(stem)["cells"]:
            if cell["cell_type"] != "code":
                continue
            for node in calls(course.source(cell)):
                target = namespace.get(call_name(node))
                if not callable(target) or call_name(node) in NOT_INTERFACE:
                    continue
                try:
                    params = inspect.signature(target).parameters
                except (TypeError, ValueError):
                    continue
                if {"lang", "ui"} & set(params):
                    assert call_name(node) in course_code.LANGUAGE_ARGUMENTS, (
                        f"{stem}: {call_name(node)} takes a language; declare it"
                    )


def test_the_edition_gives_each_declared_call_the_chinese_interface():
    for stem in TRANSLATED:
        for cell in edition(stem)["cells"]:
            if cell["cell_type"] != "code":
                continue
            for node in calls(course.source(cell)):
                name = call_name(node)
                if name not in course_code.LANGUAGE_ARGUMENTS:
                    continue
                parameter, position = course_code.LANGUAGE_ARGUMENTS[name]
                given = [k.value for k in node.keywords if k.arg == parameter]
                if position is not None and len(node.args) > position:
                    given.append(node.args[position])
                assert len(given) == 1, f"{stem}: {ast.unparse(node)}"
                assert getattr(given[0], "value", None) != "en", f"{stem}: {ast.unparse(node)}"


@pytest.mark.parametrize("module", [course_code, course_markdown], ids=lambda m: m.__name__)
def test_the_tools_examples(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed


def test_splitting_a_cell_and_joining_it_again_gives_it_back():
    for stem in ALL:
        for cell in course.read_notebook(stem)["cells"]:
            if cell["cell_type"] == "markdown":
                text = course.source(cell)
                assert course.join_markdown(course.split_markdown(text)) == text, stem


def test_a_changed_paragraph_keeps_its_old_translation_marked_fuzzy(tmp_path, monkeypatch):
    """`make course-i18n` after an English paragraph changed: the translation is kept, fuzzy."""
    monkeypatch.setattr(course, "NOTEBOOKS", tmp_path)
    monkeypatch.setattr(course, "LOCALE", tmp_path / "locale")

    def write(paragraph: str) -> None:
        cell = {"cell_type": "markdown", "metadata": {}, "source": f"# Title\n\n{paragraph}"}
        (tmp_path / "00_x.ipynb").write_text(json.dumps({"cells": [cell], "metadata": {}}))

    write("Network operators keep logs for six months.")
    course.update_catalogues("00_x")
    catalog = course.read_catalogue("00_x")
    catalog["Title"].string = "标题"
    catalog[
        "Network operators keep logs for six months."
    ].string = "网络运营者留存网络日志不少于六个月。"
    course._write(catalog, course.catalogue_path("00_x"))
    assert not problems("00_x", course.read_catalogue("00_x"))

    write("Network operators keep network logs for at least six months.")
    course.update_catalogues("00_x")
    message = course.read_catalogue("00_x")[
        "Network operators keep network logs for at least six months."
    ]
    assert message.fuzzy and message.string == "网络运营者留存网络日志不少于六个月。"
    (found,) = problems("00_x", course.read_catalogue("00_x"))
    assert (
        found.startswith("00_x.ipynb cell 1: 'Network operators keep network logs")
        and "fuzzy" in found
    )


def lab_command(*settings: str) -> str:
    done = subprocess.run(
        ["make", "-n", "lab", *settings], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.split("jupyter lab", 1)[1]


def test_make_lab_opens_the_edition_of_the_students_language_on_the_loopback():
    chinese = lab_command("LANG=zh_CN.UTF-8")
    assert "notebooks/zh/00_start_here.ipynb" in chinese and "--ip=127.0.0.1" in chinese
    assert "notebooks/00_start_here.ipynb" in lab_command("LANG=en_GB.UTF-8")
    assert "notebooks/zh/00_start_here.ipynb" in lab_command("LANG=C", "COURSE_LANG=zh")
    assert "notebooks/00_start_here.ipynb" in lab_command("LANG=zh_CN.UTF-8", "COURSE_LANG=en")


def test_the_readme_gives_make_lab_on_its_first_screen():
    first = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "make run" in first and "make test" in first and "make lab" in first


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("stem", TRANSLATED)
def test_the_chinese_edition_runs_in_jupyterlab(page, lab, stem):  # noqa: F811
    """The Chinese edition as a student runs it: JupyterLab's Run All Cells, in Chromium."""
    try:
        report = run_all_cells(page, lab, f"notebooks/{course.EDITION}/{stem}.ipynb")
    finally:
        shut_down_kernels(lab)
    assert page_problems(report) + missing(report, course.edition_path(stem)) == [], stem
    assert report["hosts"] == [urlparse(lab.url).netloc], "the page asked another host"
