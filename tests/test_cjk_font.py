"""The pages' CJK font: it draws every Chinese character they can show, and Chromium uses it.

The font is built by share/fonts/cjk_font.py (`make font`); these tests read what it wrote and
what static/csl.css declares, then open the Law Explorer in Chromium, which has no Chinese
font of its own on Debian without fonts-noto-cjk, as in CI.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "share" / "jupyter" / "voila" / "templates" / "csl" / "static"
WEIGHTS = (400, 700)
BUDGET = 1_500_000
"""Bytes the fonts may weigh together: a visitor fetches both on a page with bold Chinese."""


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


@pytest.mark.parametrize("weight", WEIGHTS)
def test_the_font_draws_every_chinese_character_the_pages_can_show(weight):
    mapped = cjk_font.mapped_characters(cjk_font.font_path(weight))
    missing = {c: p for c, p in cjk_font.characters_shown().items() if c not in mapped}
    where = ", ".join(f"{c} ({p.relative_to(ROOT)})" for c, p in sorted(missing.items())[:20])
    assert not missing, (
        f"noto-sans-sc-{weight}.woff2 lacks {len(missing)} character(s) the pages can show: "
        f"{where}; run `make font` to rebuild it"
    )


@pytest.mark.parametrize("weight", WEIGHTS)
def test_the_font_also_draws_the_common_characters_and_punctuation(weight):
    mapped = cjk_font.mapped_characters(cjk_font.font_path(weight))
    assert cjk_font.common_characters() <= mapped
    assert set("，。、；：？！（）《》“”") - set("“”") <= mapped  # the curly quotes are Latin's
    assert all(cjk_font.is_cjk(c) for c in mapped)  # Latin text keeps the page's own font


def test_the_characters_come_from_the_law_and_the_interface():
    shown = cjk_font.characters_shown()
    assert set("网络安全法第一条罚款警告责令改正") <= set(shown)
    # 徇私舞弊 (Chapter 6) uses a character outside the common set: the texts are read for it.
    assert "徇" in shown and "徇" not in cjk_font.common_characters()
    assert len(cjk_font.common_characters()) == 3755


def test_the_css_declares_each_weight_for_the_cjk_code_points_only():
    faces = _font_faces()
    assert sorted(int(f["font-weight"]) for f in faces) == list(WEIGHTS)
    ranges = ", ".join(f"U+{low:04X}-{high:04X}" for low, high in cjk_font.CJK_RANGES)
    for face in faces:
        assert face["font-family"] == '"Noto Sans SC"'
        assert face["font-display"] == "swap"
        assert face["unicode-range"] == ranges
        url = re.fullmatch(r'url\("([^"]+)"\) format\("woff2"\)', face["src"]).group(1)
        assert STATIC / url == cjk_font.font_path(int(face["font-weight"]))


@pytest.mark.parametrize("page_file", ["index.html.j2", "page.html"])
def test_the_dashboards_and_the_landing_page_load_the_css_that_declares_the_font(page_file):
    """index.html.j2 frames a dashboard; page.html the landing page (tree.html) and errors."""
    template = (STATIC.parent / page_file).read_text()
    assert 'include_css("static/csl.css")' in template


def test_the_fonts_keep_their_name_and_licence_and_stay_small():
    from fontTools.ttLib import TTFont

    for weight in WEIGHTS:
        font = TTFont(cjk_font.font_path(weight))
        assert font["name"].getDebugName(1) == "Noto Sans SC"
        assert font["OS/2"].usWeightClass == weight
        assert "SIL Open Font License" in font["name"].getDebugName(13)
    licence = (cjk_font.OUT / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence
    assert "@expo-google-fonts/noto-sans-sc" in (cjk_font.OUT / "SOURCES.md").read_text()
    assert sum(cjk_font.font_path(w).stat().st_size for w in WEIGHTS) <= BUDGET


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
    served = f"/voila/templates/csl/static/fonts/{cjk_font.font_path(400).name}"
    assert (served, 200) in fonts

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
