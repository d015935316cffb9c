"""The interface's catalogues: every word marked is translated, the compiled catalogues are in
step, and the Chinese interface uses the Law's own terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from csl_helpers.law.version_registry import version_ids
from csl_helpers.translation import LOCALE_DIR, UI_LANGS, gettext_for

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "csl_helpers"
KEYWORDS = {"_": None, "N_": None, "_n": (1, 2), "ngettext": (1, 2)}
"""The marking functions, as the Makefile's `make i18n` gives them to Babel."""
LOCALES = sorted(UI_LANGS.values())


def catalogue(locale: str, kind: str = "po"):
    path = LOCALE_DIR / locale / "LC_MESSAGES" / f"csl.{kind}"
    with path.open("rb") as f:
        return read_po(f, locale=locale) if kind == "po" else read_mo(f)


def marked() -> set[str | tuple[str, ...]]:
    """Every string marked in the package now, as Babel extracts it (`make i18n`)."""
    return {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(PACKAGE), [("**.py", "python")], keywords=KEYWORDS
        )
    }


def entries(locale: str) -> dict:
    return {m.id: m.string for m in catalogue(locale) if m.id}


def test_every_marked_string_is_in_every_catalogue():
    found = marked()
    for locale in LOCALES:
        ids = set(entries(locale))
        missing = sorted(map(str, found - ids))
        assert not missing, f"not in {locale}/csl.po (run `make i18n`): {missing}"
        stale = sorted(map(str, ids - found))
        assert not stale, f"in {locale}/csl.po but marked nowhere (run `make i18n`): {stale}"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_entry_is_translated(locale):
    """The Chinese catalogue translates every entry; the English one words each as marked."""
    untranslated = [
        msgid
        for msgid, string in entries(locale).items()
        if not (string if isinstance(string, str) else all(string))
    ]
    assert not untranslated, f"no {locale} translation for: {untranslated}"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogue_is_the_po_file(locale):
    """The .mo files are committed: each holds exactly what its .po says (`make i18n`)."""

    def key(value):
        return value if isinstance(value, str) else tuple(value)

    po = {key(m.id): key(m.string) for m in catalogue(locale) if m.id and not m.fuzzy}
    po = {k: v for k, v in po.items() if (v if isinstance(v, str) else all(v))}
    mo = {key(m.id): key(m.string) for m in catalogue(locale, "mo") if m.id}
    assert mo == po, f"{locale}/csl.mo is not compiled from csl.po: run `make i18n`"


def _placeholders(text: str | tuple[str, ...]) -> set[str]:
    texts = (text,) if isinstance(text, str) else text
    return {p for t in texts for p in re.findall(r"\{(\w*)\}", t)}


def _tags(text: str | tuple[str, ...]) -> list[str]:
    texts = (text,) if isinstance(text, str) else text
    return sorted({t for text in texts for t in re.findall(r"</?\w+", text)})


def test_each_translation_keeps_the_placeholders_and_markup():
    for msgid, string in entries("zh_Hans").items():
        assert _placeholders(string) == _placeholders(msgid), f"placeholders differ: {msgid!r}"
        assert _tags(string) == _tags(msgid), f"HTML tags differ: {msgid!r}"


LEGAL_TERMS = (
    (r"\bfines?\b|\bfined\b", "罚款"),
    (r"\bdetention\b", "拘留"),
    (r"illegal gains", "违法所得"),
    (r"procurement amount", "采购金额"),
    (r"people responsible", "直接负责的主管人员"),
    (r"\boffender\b", "当事人"),
    (r"Administrative Penalty Law", "行政处罚法"),
)
"""The interface's legal terms: an English term and the Chinese words of the Law for it."""


def chinese_law_texts() -> str:
    """The Chinese texts of the Law (every version) and of the Administrative Penalty Law."""
    data = ROOT / "data"
    texts = [(data / f"csl-{v}" / "zh.md").read_text(encoding="utf-8") for v in version_ids()]
    apl = data / "penalties" / "administrative-penalty-law.yaml"
    return "\n".join([*texts, apl.read_text(encoding="utf-8")])


def vocabulary_terms() -> set[str]:
    """Every Chinese term of the penalty vocabulary (persons, measures, enforcers …)."""
    raw = yaml.safe_load((ROOT / "data" / "penalties" / "vocabulary.yaml").read_text("utf-8"))
    return {e["zh"] for group in raw.values() for e in group if isinstance(e, dict) and "zh" in e}


def as_whole_term(term: str, text: str) -> bool:
    """Whether ``term`` occurs in ``text`` as a term of its own, not inside a longer one.

    The longer terms are those of the vocabulary and of :data:`LEGAL_TERMS` that contain it:
    直接责任人员 occurs in the Law only inside 其他直接责任人员, so it is no term of the Law.

    >>> as_whole_term("直接责任人员", "其他直接责任人员"), as_whole_term("罚款", "处罚款")
    (False, True)
    """
    longer = {t for t in vocabulary_terms() | {c for _e, c in LEGAL_TERMS} if term in t != term}
    for t in sorted(longer, key=len, reverse=True):
        text = text.replace(t, "\0")
    return term in text


@pytest.mark.parametrize(("english", "chinese"), LEGAL_TERMS, ids=[t for _, t in LEGAL_TERMS])
def test_the_chinese_interface_uses_the_laws_own_terms(english, chinese):
    """Where the English names a legal term, the Chinese uses the term the Law's text uses.

    Terms are matched whole: a word of the Law that only occurs inside a longer term of the
    Law is not the Law's word for anything.
    """
    assert as_whole_term(chinese, chinese_law_texts()), (
        f"{chinese} is not a term of the Law's Chinese text"
    )
    pattern = re.compile(english, re.IGNORECASE)
    for msgid, string in entries("zh_Hans").items():
        ids = (msgid,) if isinstance(msgid, str) else msgid
        strings = (string,) if isinstance(string, str) else string
        if any(pattern.search(i) for i in ids):
            assert all(as_whole_term(chinese, s) for s in strings), (
                f"{msgid!r} is not worded with {chinese}"
            )


def test_whole_terms_are_told_from_parts_of_longer_ones():
    assert not as_whole_term("直接责任人员", "对直接负责的主管人员和其他直接责任人员处罚款")
    assert as_whole_term("直接负责的主管人员", "对直接负责的主管人员和其他直接责任人员处罚款")
    assert as_whole_term("直接责任人员", "对直接责任人员处罚款")


def test_the_catalogues_are_read_once_per_process():
    assert gettext_for("zh").__self__ is gettext_for("zh").__self__
    assert gettext_for("zh")("Legal basis") == "法律依据"
    assert gettext_for("en")("Legal basis") == "Legal basis"
