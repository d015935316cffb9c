"""Build the CJK font the dashboards serve: Noto Sans SC cut down to the characters they show.

A computer without a Chinese font draws every Chinese character as an empty box, and the
pages may ask no host but their own server, so the page template carries its own font. The
full Noto Sans SC is about 10 MB a weight; this script keeps only

- every CJK character of the files whose text the pages can show: the Law's texts and
  everything written about it (``data/``), the package's strings and message catalogues
  (``csl_helpers/**/*.py``, ``csl_helpers/locale/**/*.po``), the notebooks, the page
  template and the server's hooks (the landing page's titles);
- the 3,755 most common characters (level 1 of GB 2312), so that a search term or a
  translation added later most likely draws without rebuilding;
- CJK punctuation and the full-width forms,

and cuts each of the two weights the pages use into slices (:func:`slices`), as Google Fonts
serves its CJK fonts: many small WOFF2 files, each declared by its own ``@font-face`` with the
exact ``unicode-range`` of the characters it holds, so that a page fetches only the slices
whose characters it shows. The first slice holds the interface's characters (the message
catalogues, the page template and the server's hooks: the 中文 switch, the loading screen, the
dashboards' labels), the next ones the Law's and the data's characters by how often they occur
(the first views' articles, conducts and subjects fall in the first two), then the rest of the
characters the pages can show, then the rest of GB 2312 level 1 and the punctuation blocks.
A Chinese dashboard fetches about a tenth of a weight instead of the whole of it.

The files go, with the font's licence beside them, into the template's static folder
(``static/fonts``: Voila serves it at ``/voila/templates/csl/static/fonts/``), named by a
digest of their content (``noto-sans-sc-400-00.<digest>.woff2``), so the server sends them with
immutable caching (share/voila/compression.py); the files of an earlier build are removed.
The ``@font-face`` rules are written into ``static/csl.css`` between :data:`CSS_BEGIN` and
:data:`CSS_END`; their ranges lie within :data:`CJK_RANGES` only, so Latin text keeps its font.

The font comes from the npm registry (the package :data:`PACKAGE`, which carries the full
TrueType files of Google Fonts' Noto Sans SC under the SIL Open Font License 1.1), fetched with
``npm pack`` and checked against the registry's integrity hash.

Run ``make font`` (or ``python share/fonts/cjk_font.py [--tarball PATH]``) after the texts or
the translations gain characters; ``tests/test_cjk_font.py`` fails, naming them, until then.
Needs fontTools and Brotli (the ``test`` extra) and, without ``--tarball``, npm.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "share" / "jupyter" / "voila" / "templates" / "csl" / "static" / "fonts"

PACKAGE = "@expo-google-fonts/noto-sans-sc"
VERSION = "0.4.3"
INTEGRITY = (
    "sha512-9rAwdFTFHbO/u6Cs0gj2jZbW74TGIiaFNQnXYH2s5wA1bzVkwbaviL4t8YUV642eGYjg86eH6"
    "DkAEQmfNHDncQ=="
)
"""The registry's ``dist.integrity`` of :data:`PACKAGE` at :data:`VERSION`."""

WEIGHTS = {
    400: "package/400Regular/NotoSansSC_400Regular.ttf",
    700: "package/700Bold/NotoSansSC_700Bold.ttf",
}
"""The weights the pages use (text; bold labels and headings) and their files in the package."""
LICENCE = "package/LICENSE_FONT"
"""The font's licence in the package (SIL Open Font License 1.1), shipped as OFL.txt."""

CJK_RANGES = (
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。《》「」…
    (0x3400, 0x4DBF),  # CJK unified ideographs, extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms: ，：；（）？
)
"""The code points the font is declared for (the ``unicode-range`` of ``static/csl.css``)."""
PUNCTUATION_RANGES = ((0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
"""Blocks kept whole, as far as the font has them."""

SOURCES = (
    "data/**/*.md",
    "data/**/*.yaml",
    "csl_helpers/**/*.py",
    "csl_helpers/**/*.po",
    "notebooks/**/*.ipynb",
    "share/jupyter/**/*.html",
    "share/jupyter/**/*.j2",
    "share/voila/*.py",
)
"""The files, relative to the repository, whose text the pages can show."""


CSS = OUT.parent / "csl.css"
CSS_BEGIN = "/* The faces below are written by share/fonts/cjk_font.py (`make font`). */"
CSS_END = "/* End of the faces written by share/fonts/cjk_font.py. */"
"""The lines around the ``@font-face`` rules of :data:`CSS` the build rewrites."""

INTERFACE = (
    "csl_helpers/locale/**/*.po",
    "share/jupyter/**/*.html",
    "share/jupyter/**/*.j2",
    "share/voila/*.py",
)
"""The sources of the first slice: the words of every page's interface."""
LAW = ("data/**/*.md", "data/**/*.yaml")
"""The sources whose characters are sliced by frequency after the interface's."""
SLICE = 240
"""Characters per slice of the Law's and the other sources' characters (the second slice takes
the 240 most frequent characters of data/ not in the interface: the first views' articles)."""
REST_SLICE = 500
"""Characters per slice of the rest (GB 2312 level 1 and punctuation), seldom fetched."""


def font_name(weight: int, index: int, data: bytes) -> str:
    """The file name of slice ``index`` of ``weight`` holding ``data``: its digest in the name.

    >>> font_name(400, 3, b"x")
    'noto-sans-sc-400-03.2d711642b726b044.woff2'
    """
    return f"noto-sans-sc-{weight}-{index:02d}.{hashlib.sha256(data).hexdigest()[:16]}.woff2"


def font_files(weight: int) -> list[Path]:
    """The slices of ``weight`` in the template's static folder, in slice order."""
    return sorted(OUT.glob(f"noto-sans-sc-{weight}-*.woff2"))


def is_cjk(char: str) -> bool:
    """Whether ``char`` lies in :data:`CJK_RANGES`, the code points the font is declared for."""
    code = ord(char)
    return any(low <= code <= high for low, high in CJK_RANGES)


def source_files(root: Path = ROOT) -> list[Path]:
    """The files of :data:`SOURCES` under ``root`` (checkpoints left out), sorted."""
    return _files(SOURCES, root)


def _files(patterns: Iterable[str], root: Path) -> list[Path]:
    found = {p for pattern in patterns for p in root.glob(pattern) if p.is_file()}
    return sorted(p for p in found if ".ipynb_checkpoints" not in p.parts)


def _counts(paths: Iterable[Path]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in paths:
        for char in path.read_text(encoding="utf-8"):
            if is_cjk(char):
                counts[char] = counts.get(char, 0) + 1
    return counts


def characters_shown(root: Path = ROOT) -> dict[str, Path]:
    """Each CJK character of the :func:`source_files`, with the first file it occurs in."""
    shown: dict[str, Path] = {}
    for path in source_files(root):
        for char in path.read_text(encoding="utf-8"):
            if is_cjk(char):
                shown.setdefault(char, path)
    return shown


def common_characters() -> set[str]:
    """Level 1 of GB 2312 (GB/T 2312-1980): its 3,755 most common characters.

    They are the double-byte codes of rows 16 to 55 (lead bytes 0xB0 to 0xD7); row 55 ends
    after 89 cells, so the codes the codec rejects are no character.
    """
    found = set()
    for lead in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(bytes((lead, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


def slices(available: set[int], root: Path = ROOT) -> list[list[int]]:
    """The code points of each slice, in order; each code point of ``available`` wanted once.

    First the interface's characters (:data:`INTERFACE`); then those of :data:`LAW` by how
    often they occur there, :data:`SLICE` a slice; then the other characters the pages can
    show by frequency in all :data:`SOURCES`; then the rest of :func:`unicodes_wanted` by code
    point, :data:`REST_SLICE` a slice. ``available``: the code points both weights map.
    """
    wanted = unicodes_wanted(root) & available
    taken: set[int] = set()

    def fresh(chars: Iterable[str]) -> list[int]:
        codes = [ord(c) for c in chars if ord(c) in wanted and ord(c) not in taken]
        taken.update(codes)
        return codes

    def by_frequency(counts: dict[str, int]) -> list[int]:
        return fresh(sorted(counts, key=lambda c: (-counts[c], ord(c))))

    def cut(codes: list[int], size: int) -> list[list[int]]:
        return [sorted(codes[i : i + size]) for i in range(0, len(codes), size)]

    parts = [sorted(fresh(sorted(_counts(_files(INTERFACE, root)))))]
    parts += cut(by_frequency(_counts(_files(LAW, root))), SLICE)
    parts += cut(by_frequency(_counts(source_files(root))), SLICE)
    parts += cut(sorted(wanted - taken), REST_SLICE)
    return [part for part in parts if part]


def unicode_range(codes: Iterable[int]) -> str:
    """The CSS ``unicode-range`` of ``codes``: runs of consecutive code points joined.

    >>> unicode_range([0x4E00, 0x4E01, 0x4E02, 0x4E09, 0x3001])
    'U+3001, U+4E00-4E02, U+4E09'
    """
    runs: list[list[int]] = []
    for code in sorted(set(codes)):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in runs)


def font_face(weight: int, name: str, codes: Iterable[int]) -> str:
    """The ``@font-face`` rule of one slice."""
    return (
        "@font-face {\n"
        '  font-family: "Noto Sans SC";\n'
        "  font-style: normal;\n"
        f"  font-weight: {weight};\n"
        "  font-display: swap;\n"
        f'  src: url("fonts/{name}") format("woff2");\n'
        f"  unicode-range: {unicode_range(codes)};\n"
        "}\n"
    )


def write_css(faces: list[str], css: Path = CSS) -> None:
    """Put ``faces`` between :data:`CSS_BEGIN` and :data:`CSS_END` of ``css``."""
    text = css.read_text(encoding="utf-8")
    head, begin, rest = text.partition(CSS_BEGIN + "\n")
    _, end, tail = rest.partition(CSS_END)
    if not begin or not end:
        raise ValueError(f"{css} lacks the lines {CSS_BEGIN!r} and {CSS_END!r}")
    css.write_text(head + begin + "\n".join(faces) + end + tail, encoding="utf-8")


def unicodes_wanted(root: Path = ROOT) -> set[int]:
    """Every code point the font should draw (those the font lacks are dropped by the subsetter)."""
    wanted = {ord(c) for c in characters_shown(root)} | {ord(c) for c in common_characters()}
    for low, high in PUNCTUATION_RANGES:
        wanted.update(range(low, high + 1))
    return {code for code in wanted if is_cjk(chr(code))}


def fetch_package(folder: Path) -> Path:
    """``npm pack`` :data:`PACKAGE` at :data:`VERSION` into ``folder``; the tarball's path."""
    name = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(folder), "--silent"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    return folder / name


def check_integrity(tarball: Path) -> None:
    """Raise ValueError unless ``tarball`` has the registry's hash :data:`INTEGRITY`."""
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != INTEGRITY:
        raise ValueError(
            f"{tarball} is not {PACKAGE}@{VERSION} as the registry published it: its sha512 is "
            f"{digest}, the registry's integrity {INTEGRITY}"
        )


def subset(font: bytes, unicodes: Iterable[int]) -> tuple[bytes, int]:
    """``font`` cut down to ``unicodes`` as WOFF2, and the number of characters it maps."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # the source is unhinted TrueType; drop the leftover tables
    options.name_IDs = ["*"]  # keep the copyright, licence and version records
    options.recalc_timestamp = False  # the same input gives the same bytes
    ttf = TTFont(io.BytesIO(font), recalcTimestamp=False)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(ttf)
    out = io.BytesIO()
    ttf.flavor = "woff2"
    ttf.save(out)
    return out.getvalue(), len(ttf.getBestCmap())


def mapped_characters(path: Path) -> set[str]:
    """The characters a font file maps to a glyph."""
    from fontTools.ttLib import TTFont

    return {chr(code) for code in TTFont(path).getBestCmap()}


def build(tarball: Path) -> None:
    """Write the slices of :data:`WEIGHTS`, OFL.txt and their faces in :data:`CSS`."""
    from fontTools.ttLib import TTFont

    check_integrity(tarball)
    with tarfile.open(tarball) as archive:
        fonts = {w: archive.extractfile(m).read() for w, m in WEIGHTS.items()}
        licence = archive.extractfile(LICENCE).read()
    maps = [set(TTFont(io.BytesIO(f), lazy=True).getBestCmap()) for f in fonts.values()]
    parts = slices(set.intersection(*maps))
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("noto-sans-sc-*.woff2"):
        old.unlink()
    faces = []
    for weight, font in fonts.items():
        total = 0
        for index, codes in enumerate(parts):
            data, count = subset(font, codes)
            if count != len(codes):
                raise ValueError(f"slice {index} of weight {weight} maps {count} of {len(codes)}")
            name = font_name(weight, index, data)
            (OUT / name).write_bytes(data)
            faces.append(font_face(weight, name, codes))
            total += len(data)
        count = sum(len(codes) for codes in parts)
        print(f"weight {weight}: {len(parts)} slices, {total:,} bytes, {count} characters")
    (OUT / "OFL.txt").write_bytes(licence)
    write_css(faces)


def main(argv: list[str] | None = None) -> int:
    """Build the fonts from ``--tarball``, or from the package fetched with ``npm pack``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--tarball", type=Path, help=f"{PACKAGE}-{VERSION}.tgz already fetched (else npm pack)"
    )
    args = parser.parse_args(argv)
    if args.tarball:
        build(args.tarball)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        build(fetch_package(Path(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
