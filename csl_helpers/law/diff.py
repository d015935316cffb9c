"""A provision's wording in two versions, side by side, the changes marked segment by segment.

The counterparts come from the concordance (:mod:`csl_helpers.law.concordance`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html import escape

from csl_helpers.law.concordance import concordance_versions, counterparts, is_later
from csl_helpers.law.display import RichDisplay, card, table, with_note
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Article, check_lang
from csl_helpers.translation import gettext_for


@dataclass(frozen=True)
class Segment:
    """A stretch of a side-by-side comparison: ``op`` is equal, delete, insert or replace."""

    op: str
    old: str
    new: str


@dataclass(frozen=True)
class SideBySide(RichDisplay):
    """One provision in two versions, with the changes marked segment by segment.

    In a notebook it shows itself as two columns, deletions struck through and insertions
    underlined; as plain text, the segments that changed.
    """

    lang: str
    old: tuple[Article, ...]
    new: tuple[Article, ...]
    segments: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        """Whether the wording differs at all."""
        return any(s.op != "equal" for s in self.segments)

    languages = ("en", "zh")

    def heading(self, lang: str = "en") -> str:
        """``2016 Article 18 -> 2025 Article 19``; ``2016年文本第十八条 → 2025年文本第十九条``."""
        if check_lang(lang) == "zh":
            _ = gettext_for("zh")
            old, new = (
                _("{version} text").format(version=side[0].version)
                + "、".join(a.citation("zh") for a in side)
                for side in (self.old, self.new)
            )
            return f"{old} → {new}"
        old = ", ".join(a.citation() for a in self.old)
        new = ", ".join(a.citation() for a in self.new)
        return f"{self.old[0].version} {old} -> {self.new[0].version} {new}"

    def plain(self, lang: str = "en") -> str:
        """The heading, whether the wording changed, and each changed segment."""
        if check_lang(lang) == "zh":
            _ = gettext_for("zh")
            lines = [
                self.heading("zh"),
                _("changed") if self.changed else _("unchanged in wording"),
            ]
            lines += [f"{g.old!r} → {g.new!r}" for g in self.segments if g.op != "equal"]
            return with_note(self.old[0].version, "\n".join(lines), "zh")
        lines = [self.heading(), f"changed: {self.changed}"]
        lines += [f"{g.op}: {g.old!r} -> {g.new!r}" for g in self.segments if g.op != "equal"]
        return with_note(self.old[0].version, "\n".join(lines))

    def to_html(self, lang: str = "en") -> str:
        """Two columns, old and new, deletions struck through and insertions underlined."""
        old, new = [], []
        for g in self.segments:
            o, n = escape(g.old), escape(g.new)
            old.append(o if g.op == "equal" or not o else f"<del>{o}</del>")
            new.append(n if g.op == "equal" or not n else f"<ins>{n}</ins>")
        tag = "zh-Hans" if self.lang == "zh" else "en"
        cells = [
            f'<div lang="{tag}">{"".join(x).replace(chr(10), "<br>")}</div>' for x in (old, new)
        ]
        head = [
            f"{side[0].version}: " + ", ".join(a.citation(self.lang) for a in side)
            for side in (self.old, self.new)
        ]
        heading = self.heading(lang)
        return card(heading, table(head, [cells], raw=True), self.old[0].version, lang)


_WORD = re.compile(r"\s+|[\w'-]+|[^\w\s]")


def side_by_side(
    n: int, from_version: str | None = None, to_version: str | None = None, lang: str = "zh"
) -> SideBySide:
    """Article ``n`` of ``from_version`` beside its counterpart(s) in ``to_version``.

    The Chinese is compared character by character, the English word by word. Where a 2025
    article merges several 2016 articles, all of them are on the old side. The versions default
    to the earlier and the later one the concordance relates (:func:`concordance_versions`).

    Raises:
        LookupError: if the provision has no counterpart (it is new, or the number is wrong).

    >>> sbs = side_by_side(40, "2016", "2025")
    >>> [a.number for a in sbs.old], [a.number for a in sbs.new], sbs.changed
    ([40], [42], True)
    """
    check_lang(lang)
    earlier, later = concordance_versions()
    from_version = earlier.id if from_version is None else from_version
    to_version = later.id if to_version is None else to_version
    found = counterparts(n, from_version, to_version)
    if not found:
        raise LookupError(
            f"Article {n} of the {from_version} text has no counterpart in the {to_version} text"
        )
    here = load_law(from_version).article(n)
    there = tuple(load_law(to_version).article(m) for m in found)
    old, new = ((here,), there)
    if from_version == to_version:
        old, new = (here,), (here,)
    elif is_later(from_version, to_version):
        old, new = there, (here,)
    old_text = "\n\n".join(a.text(lang) for a in old)
    new_text = "\n\n".join(a.text(lang) for a in new)
    split = list if lang == "zh" else _WORD.findall
    a, b = split(old_text), split(new_text)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    segments = tuple(
        Segment(op, "".join(a[i1:i2]), "".join(b[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )
    return SideBySide(lang, old, new, segments)
