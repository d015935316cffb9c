"""HTML fragments for the widgets. Every piece of text is escaped here, once."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from csl_helpers.law.diff import SideBySide
from csl_helpers.law.load import EN_2016, EN_2016_RENUMBERED, EN_PROJECT
from csl_helpers.law.model import Article, SearchHit
from csl_helpers.law.text import Law
from csl_helpers.law.version_registry import version_ids
from csl_helpers.translation import N_, gettext_for, worded_date

_FIRST, _LATEST = version_ids()[0], version_ids()[-1]
EN_SOURCE_LABELS = {
    EN_2016: N_("English: the {first} translation the project started from (not official)."),
    EN_2016_RENUMBERED: N_(
        "English: the {first} translation (not official), with the article numbers it cites "
        "updated to the {latest} numbering."
    ),
    EN_PROJECT: N_(
        "English: the project's own translation of a new or changed article (unofficial)."
    ),
}
"""What the reader is told about each kind of English text (the first version's translation,
as published or renumbered, or the project's own)."""


def paragraphs_html(article: Article, lang: str, render: Callable[[str], str] = escape) -> str:
    """An article's paragraphs and items as HTML, one block per line of the text.

    ``render`` turns a line of text into HTML; it must escape it (the default only escapes).
    """
    out = []
    for para in article.paragraphs:
        out.append(f'<p class="csl-para">{render(getattr(para, lang))}</p>')
        out += [f'<p class="csl-item">{render(item.text(lang))}</p>' for item in para.items]
    return "\n".join(out)


def article_html(article: Article, lang: str, render: Callable[[str], str] = escape) -> str:
    """One language column of an article: its citation as a heading, then its text."""
    heading = escape(article.citation(lang))
    body = paragraphs_html(article, lang, render)
    tag = "zh-Hans" if lang == "zh" else "en"
    return (
        f'<div class="csl-article csl-article-{lang}" lang="{tag}"><h3>{heading}</h3>{body}</div>'
    )


def zh_span(text: str) -> str:
    """Chinese words of the Law quoted in an English sentence, escaped and marked as Chinese."""
    return f'<span lang="zh-Hans">{escape(text)}</span>'


def provenance_html(article: Article, *, ui: str = "en") -> str:
    """Where the English comes from, the translator's notes, and that the Chinese governs.

    ``ui`` is the interface's language, that of the translator's notes too.
    """
    _ = gettext_for(ui)
    source = _(EN_SOURCE_LABELS[article.en_source]).format(first=_FIRST, latest=_LATEST)
    lines = [escape(source) + _(" The Chinese text governs.")]
    tag = "zh-Hans" if ui == "zh" else "en"
    lines += [
        _("<b>Translator's note:</b> {note}").format(
            note=f'<span lang="{tag}">{escape(note.text(ui))}</span>'
        )
        for note in article.notes
    ]
    return "".join(f'<p class="csl-provenance">{line}</p>' for line in lines)


def version_banner_html(law: Law, in_force_today: str, *, ui: str = "en") -> str:
    """Which version is shown, its dates, and whether it is the law in force today.

    ``ui`` is the interface's language (``"en"`` or ``"zh"``).
    """
    _ = gettext_for(ui)
    until = worded_date(law.in_force_until, ui) if law.in_force_until else _("today")
    status = (
        _("This is the law in force today.")
        if law.version == in_force_today
        else _("Not in force today: the {version} text is.").format(version=escape(in_force_today))
    )
    return '<div class="csl-banner">{}</div>'.format(
        _("<b>{version} text</b>, in force {start} to {until}. {status}").format(
            version=escape(law.version),
            start=worded_date(law.in_force_from, ui),
            until=until,
            status=status,
        )
    )


def hit_label(hit: SearchHit) -> str:
    """A one-line, plain-text label for a search hit (for a Select widget).

    A Chinese hit is labelled in Chinese, with its full-width colon: ``第二十一条第三项：…``.
    """
    colon = "：" if hit.lang == "zh" else ": "
    return f"{hit.provision.citation(hit.lang, hit.version)}{colon}{hit.snippet}"


def hit_html(hit: SearchHit) -> str:
    """A search hit with the match highlighted."""
    s = hit.snippet
    return (
        f"{escape(hit.provision.citation(hit.lang))}: {escape(s[: hit.start])}"
        f"<mark>{escape(s[hit.start : hit.end])}</mark>{escape(s[hit.end :])}"
    )


def side_by_side_html(sbs: SideBySide) -> str:
    """Two columns, old and new, with deletions struck through and insertions underlined."""
    old_parts, new_parts = [], []
    for seg in sbs.segments:
        old, new = escape(seg.old), escape(seg.new)
        if seg.op == "equal":
            old_parts.append(old)
            new_parts.append(new)
        else:
            if old:
                old_parts.append(f"<del>{old}</del>")
            if new:
                new_parts.append(f"<ins>{new}</ins>")

    def column(articles: tuple[Article, ...], parts: list[str]) -> str:
        version = articles[0].version
        cites = ", ".join(escape(a.citation(sbs.lang)) for a in articles)
        body = "".join(parts).replace("\n", "<br>")
        return f'<div class="csl-sbs-col"><h4>{version}: {cites}</h4><p>{body}</p></div>'

    return (
        f'<div class="csl-sbs" lang="{"zh-Hans" if sbs.lang == "zh" else "en"}" '
        'style="display:flex;gap:1.5em">'
        f"{column(sbs.old, old_parts)}{column(sbs.new, new_parts)}</div>"
    )
