"""The Law Explorer's look: its style sheet, the widths of its menus and text, what is shown."""

from __future__ import annotations

STYLE = """<style>
.csl-article p { margin: 0.3em 0; line-height: 1.5; }
.csl-article-zh { font-size: 1.05em; }
.csl-item { padding-left: 1.5em; }
.csl-banner { padding: 0.4em 0.8em; background: #eef3f8; border-left: 4px solid #36c; }
.csl-provenance { color: #555; font-size: 0.9em; margin: 0.2em 0; }
.csl-explorer .widget-toggle-buttons { flex-wrap: wrap; height: auto; max-width: 100%; }
.csl-explorer .widget-dropdown > select, .csl-explorer .widget-text > input { min-width: 0; }
.csl-article .csl-cited { background: #fff3b0; box-shadow: -4px 0 0 #b8860b; }
</style>"""
PICKER = {"layout": {"width": "100%", "max_width": "30em"}}
TEXT_COLUMN = "300px"
"""The narrowest an article's text may be; two columns stand side by side only with room for
both, and the menus go above the text when the page is too narrow for both beside it."""


def shown_if(flag: bool) -> str | None:
    """A layout's ``display``: shown (``None``) or ``"none"``."""
    return None if flag else "none"


CLASSES = {
    "text_en": "csl-text-en",
    "text_zh": "csl-text-zh",
    "search_box": "csl-search",
    "search_button": "csl-search-button",
    "chapter_picker": "csl-chapter-picker",
    "section_picker": "csl-section-picker",
    "results": "csl-results",
    "version_picker": "csl-version",
    "lang_picker": "csl-lang",
    "counterpart_button": "csl-counterpart",
    "cites": "csl-cites",
    "cited_by": "csl-cited-by",
    "article_picker": "csl-article-picker",
    "compare": "csl-compare",
    "changes": "csl-changes",
}
"""The class each of the explorer's widgets (by attribute) is found by, on the page and in tests."""
