"""The pages' CJK font: it draws every Chinese character they can show, and Chromium uses it.

The font is built by share/fonts/cjk_font.py (`make font`); these tests read what it wrote and
what static/csl.css declares, then open the Law Explorer in Chromium, which has no Chinese
font of its own on Debian without fonts-noto-cjk, as in CI.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import share_voila
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "share" / "jupyter" / "voila" / "templates" / "csl" / "static"
WEIGHTS = (400, 700)
BUDGET = 1_500_000
"""Bytes the slices of both weights may weigh together (all of them: a visitor reading every
article of both texts in Chinese, and searching, ends up fetching most)."""
FIRST_VIEW_SHARE = 0.25
"""The most of a weight's bytes a dashboard's first view in Chinese may fetch."""


def _load_builder():
    spec = importlib.util.spec_from_file_location(
        "csl_cjk_font", ROOT / "share" / "fonts" / "cjk_font.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cjk_font = _load_builder()


def _font_faces() -> list[dict[str, str]]:
    """The descriptors of each @font-face rule of static/csl.css."""
    css = (STATIC / "csl.css").read_text()
    faces = []
    for body in re.findall(r"@font-face\s*{([^}]*)}", css):
        pairs = (d.split(":", 1) for d in body.split(";") if ":" in d)
        faces.append({k.strip(): " ".join(v.split()) for k, v in pairs})
    return faces


def _declared(face: dict[str, str]) -> Path:
    """The file a face's src names."""
    return STATIC / re.fullmatch(r'url\("([^"]+)"\) format\("woff2"\)', face["src"]).group(1)


def _code_points(unicode_range: str) -> set[int]:
    """The code points a unicode-range descriptor names (single points and spans)."""
    codes: set[int] = set()
    for part in unicode_range.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        codes.update(range(int(low, 16), int(high or low, 16) + 1))
    return codes


def _slices(weight: int) -> dict[Path, set[str]]:
    """Each slice file of ``weight`` with the characters it maps."""
    files = cjk_font.font_files(weight)
    assert len(files) > 1, f"weight {weight} is not cut into slices: {files}"
    return {path: cjk_font.mapped_characters(path) for path in files}


@pytest.mark.parametrize("weight", WEIGHTS)
def test_every_chinese_character_the_pages_can_show_is_in_exactly_one_slice(weight):
    slices = _slices(weight)
    holders: dict[str, list[str]] = {}
    for path, chars in slices.items():
        for char in chars:
            holders.setdefault(char, []).append(path.name)
    missing = {c: p for c, p in cjk_font.characters_shown().items() if c not in holders}
    where = ", ".join(f"{c} ({p.relative_to(ROOT)})" for c, p in sorted(missing.items())[:20])
    assert not missing, (
        f"the slices of weight {weight} lack {len(missing)} character(s) the pages can show: "
        f"{where}; run `make font` to rebuild them"
    )
    twice = {c: names for c, names in holders.items() if len(names) > 1}
    assert not twice, f"characters in more than one slice of weight {weight}: {twice}"


@pytest.mark.parametrize("weight", WEIGHTS)
def test_the_slices_also_draw_the_common_characters_and_punctuation(weight):
    mapped = set().union(*_slices(weight).values())
    assert cjk_font.common_characters() <= mapped
    assert set("，。、；：？！（）《》“”") - set("“”") <= mapped  # the curly quotes are Latin's
    assert all(cjk_font.is_cjk(c) for c in mapped)  # Latin text keeps the page's own font


def test_the_characters_come_from_the_law_and_the_interface():
    shown = cjk_font.characters_shown()
    assert set("网络安全法第一条罚款警告责令改正") <= set(shown)
    # 徇私舞弊 (Chapter 6) uses a character outside the common set: the texts are read for it.
    assert "徇" in shown and "徇" not in cjk_font.common_characters()
    assert len(cjk_font.common_characters()) == 3755


def test_the_first_slice_holds_the_interface_and_the_law_follows_by_frequency():
    slices = list(_slices(400).values())
    assert set("中文") <= slices[0]  # the language switch of every page
    assert set("网络安全法") <= slices[0] | slices[1]
    # the characters the pages show come before the rest of GB 2312, which comes last
    shown = set(cjk_font.characters_shown())
    assert slices[0] | slices[1] <= shown
    assert not slices[-1] & shown


def test_the_css_declares_each_slice_for_exactly_the_characters_it_holds():
    faces = _font_faces()
    allowed = {c for low, high in cjk_font.CJK_RANGES for c in range(low, high + 1)}
    for weight in WEIGHTS:
        mine = [f for f in faces if int(f["font-weight"]) == weight]
        assert sorted(_declared(f) for f in mine) == cjk_font.font_files(weight)
        for face in mine:
            assert face["font-family"] == '"Noto Sans SC"'
            assert face["font-display"] == "swap"
            assert face["font-style"] == "normal"
            path = _declared(face)
            mapped = {ord(c) for c in cjk_font.mapped_characters(path)}
            assert _code_points(face["unicode-range"]) == mapped, path.name
            assert mapped <= allowed
    assert sorted(int(f["font-weight"]) for f in faces) == sorted(
        w for w in WEIGHTS for _ in cjk_font.font_files(w)
    )


def test_the_slices_are_named_by_their_content_so_they_are_cached_for_good():
    compression = share_voila("compression")
    fonts = sorted(cjk_font.OUT.glob("*.woff2"))
    assert fonts == sorted(p for w in WEIGHTS for p in cjk_font.font_files(w))  # no stale file
    for path in fonts:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert path.name.endswith(f".{digest}.woff2"), path.name
        assert compression.CONTENT_NAMED.search(path.name), path.name


@pytest.mark.parametrize("page_file", ["index.html.j2", "page.html"])
def test_the_dashboards_and_the_landing_page_load_the_css_that_declares_the_font(page_file):
    """index.html.j2 frames a dashboard; page.html the landing page (tree.html) and errors."""
    template = (STATIC.parent / page_file).read_text()
    assert 'include_css("static/csl.css")' in template


def test_the_fonts_keep_their_name_and_licence_and_stay_small():
    from fontTools.ttLib import TTFont

    for weight in WEIGHTS:
        for path in cjk_font.font_files(weight):
            font = TTFont(path)
            assert font["name"].getDebugName(1) == "Noto Sans SC"
            assert font["OS/2"].usWeightClass == weight
            assert "SIL Open Font License" in font["name"].getDebugName(13)
    licence = (cjk_font.OUT / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence
    assert "@expo-google-fonts/noto-sans-sc" in (cjk_font.OUT / "SOURCES.md").read_text()
    assert sum(p.stat().st_size for w in WEIGHTS for p in cjk_font.font_files(w)) <= BUDGET


def test_chinese_on_a_dashboard_draws_in_the_served_font_and_no_request_leaves(page, voila_url):
    hosts, fonts = set(), []
    page.on("request", lambda r: hosts.add(urlparse(r.url).netloc or r.url[:5]))
    page.on("response", lambda r: fonts.append((urlparse(r.url).path, r.status)))
    page.goto(voila_url + "/voila/render/law_explorer.ipynb")
    text = page.locator(".csl-text-zh p").first
    expect(text).to_be_visible(timeout=90_000)
    expect(text).to_contain_text("网络")

    faces = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return [...document.fonts]
                .filter((f) => f.family.replace(/"/g, "") === "Noto Sans SC")
                .map((f) => [f.weight, f.status]);
        }"""
    )
    assert ["400", "loaded"] in faces
    assert page.evaluate("""document.fonts.check('16px "Noto Sans SC"', '网络')""")
    folder = "/voila/templates/csl/static/fonts/"
    assert (folder + cjk_font.font_files(400)[0].name, 200) in fonts

    # The fonts Chromium drew with: Chinese in the served face (not boxes from a fallback),
    # Latin in the page's own font, a menu of both in both.
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]

    def drawn_with(selector: str) -> set[tuple[str, bool]]:
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        return {(f["familyName"], f["isCustomFont"]) for f in used}

    assert drawn_with(".csl-text-zh p") == {("Noto Sans SC", True)}
    assert drawn_with(".csl-text-zh h3") == {("Noto Sans SC", True)}
    assert ("Noto Sans SC", True) not in drawn_with(".csl-text-en p")
    assert len(drawn_with(".csl-chapter-picker select")) == 2  # "1. General Provisions · 总则"
    assert ("Noto Sans SC", True) in drawn_with(".csl-chapter-picker select")

    page.wait_for_load_state("networkidle")
    assert {h for h in hosts if h not in ("data:", "blob:")} == {urlparse(voila_url).netloc}


@pytest.mark.parametrize(
    "dashboard", ["law_explorer.ipynb", "penalty_simulator.ipynb", "obligation_navigator.ipynb"]
)
def test_a_chinese_dashboard_fetches_only_the_slices_of_the_characters_it_shows(
    page, voila_url, dashboard
):
    """The first view in Chinese: a few slices of each weight, a small share of its bytes."""
    fetched: dict[str, int] = {}

    def record(response):
        path = urlparse(response.url).path
        if path.startswith("/voila/templates/csl/static/fonts/"):
            assert response.status == 200, path
            assert "immutable" in response.headers.get("cache-control", ""), path
            fetched[path.rsplit("/", 1)[1]] = len(response.body())

    page.on("response", record)
    page.goto(f"{voila_url}/voila/render/{dashboard}?lang=zh")
    expect(page.locator("#loading")).to_have_count(0, timeout=90_000)
    expect(page.locator(".jp-OutputArea-output").first).to_contain_text("网络")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate("""document.fonts.check('16px "Noto Sans SC"', '中文网络安全法')""")

    for weight in WEIGHTS:
        files = {p.name: p.stat().st_size for p in cjk_font.font_files(weight)}
        mine = {name: size for name, size in fetched.items() if f"-{weight}-" in name}
        assert set(mine) <= set(files)
        assert all(mine[name] == files[name] for name in mine)  # whole files, as built
        assert len(mine) < len(files)
        assert sum(mine.values()) <= FIRST_VIEW_SHARE * sum(files.values()), (weight, mine)
    first = cjk_font.font_files(400)[0].name
    assert first in fetched  # the interface's slice: the page's own words are drawn
