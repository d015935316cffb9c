"""The course in two languages, from one source.

The English notebooks are the source, their prose is translated paragraph by paragraph in
gettext catalogues, and the Chinese edition is generated from both.

``python share/course/course.py`` (what `make course-i18n` runs) extracts every paragraph,
heading, list item and quotation of the English notebooks' markdown cells into
``notebooks/locale/<notebook>.pot``, updates ``notebooks/locale/zh_Hans/LC_MESSAGES/<notebook>.po``
from it (a paragraph whose English changed keeps its old translation marked fuzzy, to be
revised), and writes ``notebooks/zh/<notebook>.ipynb`` for every notebook in :data:`TRANSLATED`:
the prose replaced unit by unit, the code cells' calls given the Chinese interface by the rule of
:data:`course_code.LANGUAGE_ARGUMENTS`, and the notebooks whose cells changed executed again.
tests/test_course_translation.py checks the catalogues and the committed Chinese edition.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from course_code import EDITION, edition_code, formatted, printed_strings, translate_printed
from course_markdown import Unit, edition_links, join_markdown, split_markdown

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
LOCALE = NOTEBOOKS / "locale"
CATALOGUE_LOCALE = "zh_Hans"

TRANSLATED = (
    "00_start_here",
    "01_general_provisions",
    "02_support_and_promotion",
    "03_network_operation_security",
    "04_network_information_security",
    "05_monitoring_early_warning_and_emergency_response",
    "06_legal_liability",
    "07_supplementary_provisions",
    "08_the_2025_amendment",
    "09_the_law_as_data",
)
"""The notebooks whose every paragraph is translated, hence generated into notebooks/zh/; the
others are still to be translated (their catalogues are extracted all the same)."""

SKELETON_ZH = {
    "**Objectives.**": "**学习目标。**",
    "**Prerequisites.**": "**预备知识。**",
    "**Time.**": "**时间。**",
    "The chapter in both versions": "本章的两个文本",
    "The amendment in both versions": "两个文本中的修改",
    "The Law in both versions": "两个文本中的本法",
    "In plain words": "通俗地说",
    "Try it": "动手试试",
    "Key terms": "用语含义",
    "Cross-references": "条文引用",
    "Self-check": "自测",
    "Discussion questions for a trainer": "供培训者使用的讨论题",
    "Summary": "小结",
    "What's next": "下一步",
}
"""The skeleton's headings (tests/test_notebook_skeleton.py) and their Chinese: a unit whose
English starts with one starts, in Chinese, with its counterpart."""


def source(cell: dict) -> str:
    """A cell's source as one string."""
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def read_notebook(stem: str) -> dict:
    """The English notebook ``stem``."""
    return json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))


def source_notebooks() -> list[str]:
    """The English notebooks of the course, in order (the dashboards are not part of it)."""
    return sorted(p.stem for p in NOTEBOOKS.glob("0*.ipynb"))


def units(stem: str) -> list[tuple[int, Unit]]:
    """Every translatable unit of a notebook, with the number of the cell it is in.

    The units are the markdown cells' headings, paragraphs, list items and quotations, and the
    code cells' printed strings (their literal source: ``f"… {law.version} …"``).
    """
    found = []
    for n, cell in enumerate(read_notebook(stem)["cells"]):
        if cell["cell_type"] == "markdown":
            found += [(n, p) for p in split_markdown(source(cell)) if isinstance(p, Unit)]
        elif cell["cell_type"] == "code":
            found += [(n, Unit("", text)) for _s, _e, text in printed_strings(source(cell))]
    return found


def template(stem: str) -> Catalog:
    """The notebook's catalogue template: each unit's English, located by notebook and cell.

    ``00_start_here.ipynb:3`` is the third cell, counting from 1.
    """
    catalog = Catalog(project="CSL Notebooks", domain=stem, fuzzy=False)
    for n, unit in units(stem):
        catalog.add(unit.text, locations=[(f"{stem}.ipynb", n + 1)])
    return catalog


def catalogue_path(stem: str) -> Path:
    """Where the Chinese catalogue of a notebook is."""
    return LOCALE / CATALOGUE_LOCALE / "LC_MESSAGES" / f"{stem}.po"


def read_catalogue(stem: str) -> Catalog:
    """The Chinese catalogue of a notebook (empty if it has none yet)."""
    path = catalogue_path(stem)
    if not path.exists():
        return Catalog(locale=CATALOGUE_LOCALE, domain=stem)
    with path.open("rb") as f:
        return read_po(f, locale=CATALOGUE_LOCALE)


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog, width=100, omit_header=True, include_previous=True)


def update_catalogues(stem: str) -> None:
    """Write the notebook's template and bring its Chinese catalogue up to it."""
    pot = template(stem)
    _write(pot, LOCALE / f"{stem}.pot")
    catalog = read_catalogue(stem)
    catalog.update(pot, update_header_comment=False)
    catalog.obsolete.clear()
    _write(catalog, catalogue_path(stem))


def translations(stem: str) -> dict[str, str]:
    """The finished translations of a notebook's catalogue (not fuzzy, not empty)."""
    return {m.id: m.string for m in read_catalogue(stem) if m.id and m.string and not m.fuzzy}


def edition(stem: str) -> dict:
    """The Chinese edition of a notebook, its cells as they should be (outputs of the English).

    Raises:
        KeyError: A unit of the notebook has no finished translation (the unit's English).
    """
    done = translations(stem)
    nb = copy.deepcopy(read_notebook(stem))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            text = join_markdown(split_markdown(source(cell)), lambda t: done[t])
            text = edition_links(text, TRANSLATED)
        elif cell["cell_type"] == "code":
            text = edition_code(translate_printed(source(cell), lambda t: done[t]))
            text = text if text == source(cell) else formatted(text)
        else:
            continue
        cell["source"] = text.splitlines(keepends=True)
    nb["metadata"].pop("widgets", None)
    return nb


def edition_path(stem: str) -> Path:
    """Where the Chinese edition of a notebook is committed."""
    return NOTEBOOKS / EDITION / f"{stem}.ipynb"


def cell_sources(nb: dict) -> list[tuple[str, str]]:
    """A notebook's cells as (type, source): what its edition is compared by."""
    return [(c["cell_type"], source(c)) for c in nb["cells"]]


def build(stem: str, rerun: bool = False) -> bool:
    """Write and execute the Chinese edition of a notebook if its cells changed; whether it did.

    Args:
        stem: The notebook.
        rerun: Execute it even if its cells are unchanged (the package's outputs changed).
    """
    path = edition_path(stem)
    wanted = edition(stem)
    committed = json.loads(path.read_text("utf-8")) if path.exists() else None
    if committed and cell_sources(committed) == cell_sources(wanted) and not rerun:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(wanted, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    jupyter = Path(sys.executable).with_name("jupyter")
    subprocess.run(
        [str(jupyter), "nbconvert", "--to", "notebook", "--execute", "--inplace",
         "--ExecutePreprocessor.store_widget_state=False", str(path)],
        check=True,
    )  # fmt: skip
    return True


def main(arguments: list[str]) -> None:
    """Extract and update every notebook's catalogue, then build the translated notebooks.

    ``--rerun`` executes every notebook of the edition again, as re-executing the English ones
    does after a change to what the package shows (`make course-i18n COURSE_RERUN=1`).
    """
    for stem in source_notebooks():
        update_catalogues(stem)
    for stem in TRANSLATED:
        if build(stem, rerun="--rerun" in arguments):
            print(f"built {edition_path(stem).relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
