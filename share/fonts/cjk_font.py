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

and writes one WOFF2 file for each of the two weights the pages use, with the font's licence
beside them, into the template's static folder (``static/fonts``: Voila serves it at
``/voila/templates/csl/static/fonts/``). ``static/csl.css`` declares the faces for the
:data:`CJK_RANGES` only, so Latin text keeps the font it had.

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


def font_path(weight: int) -> Path:
    """The WOFF2 file of ``weight`` in the template's static folder."""
    return OUT / f"noto-sans-sc-{weight}.woff2"


def is_cjk(char: str) -> bool:
    """Whether ``char`` lies in :data:`CJK_RANGES`, the code points the font is declared for."""
    code = ord(char)
    return any(low <= code <= high for low, high in CJK_RANGES)


def source_files(root: Path = ROOT) -> list[Path]:
    """The files of :data:`SOURCES` under ``root`` (checkpoints left out), sorted."""
    found = {p for pattern in SOURCES for p in root.glob(pattern) if p.is_file()}
    return sorted(p for p in found if ".ipynb_checkpoints" not in p.parts)


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
    """Write the fonts of :data:`WEIGHTS` and OFL.txt into :data:`OUT` from ``tarball``."""
    check_integrity(tarball)
    wanted = unicodes_wanted()
    OUT.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        for weight, member in WEIGHTS.items():
            data, count = subset(archive.extractfile(member).read(), wanted)
            font_path(weight).write_bytes(data)
            print(f"{font_path(weight).relative_to(ROOT)}: {len(data):,} bytes, {count} characters")
        (OUT / "OFL.txt").write_bytes(archive.extractfile(LICENCE).read())


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
