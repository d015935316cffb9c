"""A profile's duties as a checklist to take away: grouped by theme, exported as CSV or Markdown.

Each line gives the duty, its provisions in the chosen version and in the other one, and how
a breach is dealt with (a penalty clause of Chapter 6, a referral to other laws, or no clause),
all read from ``data/obligations.yaml``.

>>> from csl_helpers.obligations.checklist import checklist
>>> from csl_helpers.obligations import Profile
>>> text = checklist(Profile(critical_equipment=True), "2025").to_csv()
>>> text.splitlines()[0].split(",")[5:7]
['provisions_2025', 'provisions_2016 (not in force since 2026-01-01)']
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from dataclasses import dataclass

from csl_helpers.law.citations import cite_provisions
from csl_helpers.law.display import (
    RichDisplay,
    card,
    not_in_force_since,
    out_of_force_mark,
    out_of_force_note,
    table,
    version_label,
    with_note,
)
from csl_helpers.law.model import Provision, check_lang
from csl_helpers.law.version_registry import other_version, version_info
from csl_helpers.obligations.duties import (
    Duty,
    Profile,
    Theme,
    general_liability,
    group_by_theme,
    obligations_for,
    subjects_of,
)
from csl_helpers.translation import N_, gettext_for, worded_date

CSV_COLUMNS = (
    N_("theme"),
    N_("id"),
    N_("subject"),
    N_("when"),
    N_("duty"),
    N_("provisions_{version}"),
    N_("provisions_{version}"),
    N_("enforcement"),
    N_("rules_{version}"),
    N_("note"),
    N_("done"),
)
"""The CSV's columns; a Chinese export names them in Chinese (the catalogues)."""
ENFORCEMENT = {
    "penalty": N_("penalty"),
    "referral": N_("referral"),
    "none": N_("no penalty of its own"),
}
"""How a Chinese export names the kind of enforcement (an English one gives the kind's id)."""
OUT_OF_FORCE_COLUMNS = {
    "provisions_{version}": N_("provisions_{version} (not in force since {since})"),
    "rules_{version}": N_("rules_{version} (not in force since {since})"),
}
"""The columns of a version no longer in force, named with the day it ceased to be."""
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    """Escape the characters Markdown would read as markup."""
    return _MD_SPECIAL.sub(r"\\\1", text)


@dataclass(frozen=True)
class Checklist(RichDisplay):
    """The duties of one profile under one version.

    In a notebook it shows itself as a table, a row per duty under its theme.
    """

    profile: Profile
    version: str
    duties: tuple[Duty, ...]

    @property
    def other_version(self) -> str:
        """The version the checklist compares with (:func:`other_version`)."""
        return other_version(self.version).id

    @property
    def groups(self) -> tuple[tuple[Theme, tuple[Duty, ...]], ...]:
        """The duties under their themes, in the data's order."""
        return group_by_theme(self.duties)

    @property
    def general_liability(self) -> tuple[Provision, ...]:
        """The clauses that reach any breach (credit records; civil, public-security, criminal)."""
        return general_liability(self.version)

    def filename(self, ext: str, lang: str = "en") -> str:
        """A file name for an export, e.g. ``csl-obligations-2025-en.csv``."""
        return f"csl-obligations-{self.version}-{check_lang(lang)}.{ext}"

    def to_csv(self, lang: str = "en", done: Collection[str] = ()) -> str:
        """One row per duty, RFC 4180 CSV (CRLF line ends), text in ``lang``.

        Columns: theme, id, subject, when, duty, the provisions in this and the other version,
        the kind of enforcement (penalty, referral, none), its rules in this version, the
        note that explains the link where the data gives one, and ``done``: ``yes`` for the
        duties whose ids ``done`` lists, else empty. In Chinese the columns, the kinds of
        enforcement and ``yes`` are named in Chinese (主题, 义务, 条文（2025年文本）, 法律责任…);
        the id column, for programs, is named as such (机读标识). The column of a version no
        longer in force says so, with the day it ceased to be (``data/versions.yaml``).
        """
        _ = gettext_for(check_lang(lang))
        out = io.StringIO()
        writer = csv.writer(out)
        versions = [None] * 5 + [self.version, self.other_version, None, self.version, None, None]
        writer.writerow([_column(c, v, lang) for c, v in zip(CSV_COLUMNS, versions, strict=True)])
        for theme, duties in self.groups:
            for d in duties:
                writer.writerow(
                    [
                        theme.title(lang),
                        d.id,
                        d.subject.name(lang),
                        d.when(lang),
                        d.duty(lang),
                        d.citation(lang),
                        d.other_citation(lang),
                        d.penalty.kind if lang == "en" else _(ENFORCEMENT[d.penalty.kind]),
                        d.penalty.citation(lang),
                        d.penalty.note(lang),
                        _("yes") if d.id in done else "",
                    ]
                )
        return out.getvalue()

    languages = ("en", "zh")

    def heading(self, lang: str = "en") -> str:
        """``Checklist, 2025 text: 12 duties in 5 themes``."""
        _ = gettext_for(check_lang(lang))
        return _("Checklist, {version} text: {duties} duties in {themes} themes").format(
            version=self.version, duties=len(self.duties), themes=len(self.groups)
        )

    def plain(self, lang: str = "en") -> str:
        """The heading, then a line per theme with its duties' provisions."""
        colon, sep = (": ", "; ") if check_lang(lang) == "en" else ("：", "；")
        lines = [self.heading(lang)]
        for theme, duties in self.groups:
            lines.append(
                f"  {theme.title(lang)}{colon}" + sep.join(d.citation(lang) for d in duties)
            )
        return with_note(self.version, "\n".join(lines), lang)

    def to_html(self, lang: str = "en") -> str:
        """A table: theme, duty, its provisions in both versions, how a breach is dealt with."""
        _ = gettext_for(check_lang(lang))
        head = [
            _("Theme"),
            _("Duty"),
            _("{version} text").format(version=self.version)
            + out_of_force_mark(self.version, lang),
            _("{version} text").format(version=self.other_version)
            + out_of_force_mark(self.other_version, lang),
            _("Breach"),
        ]
        rows = [
            [
                t.title(lang),
                d.duty(lang),
                d.citation(lang),
                d.other_citation(lang) or "-",
                d.penalty.summary(lang),
            ]
            for t, duties in self.groups
            for d in duties
        ]
        return card(self.heading(lang), table(head, rows), self.version, lang)

    def general_cited(self, lang: str = "en") -> str:
        """The clauses that reach any breach, cited: ``Article 72; Article 76(1); …``.

        In Chinese as the Law lists provisions: 第七十二条、第七十六条第一款、第二款.
        """
        if check_lang(lang) == "en":
            return "; ".join(p.citation("en", self.version) for p in self.general_liability)
        return cite_provisions(self.general_liability, "zh", self.version)

    def to_markdown(self, lang: str = "en", done: Collection[str] = ()) -> str:
        """The checklist as Markdown: a heading per theme and a ``- [ ]`` line per duty.

        The duties whose ids ``done`` lists are ticked: ``- [x]``. The words are the
        catalogues' (:mod:`csl_helpers.translation`); in Chinese the span of a version no
        longer in force names the last day it applied, not the day it ceased to be.
        """
        _ = gettext_for(check_lang(lang))
        info = version_info(self.version)
        start = worded_date(info.in_force_from, lang)
        who = _("; ").join(s.name(lang) for s in subjects_of(self.profile))
        note = out_of_force_note(self.version, lang)
        if info.in_force_until:
            span = _("The {version} text, in force {start} to {until}. Who: {who}.").format(
                version=self.version,
                start=start,
                until=worded_date(info.in_force_until, lang),
                who=_md(who),
            )
        else:
            span = _("The {version} text, in force {start} to today. Who: {who}.").format(
                version=self.version, start=start, who=_md(who)
            )
        lines = [
            _("# Duties under the Cybersecurity Law ({version} text)").format(version=self.version),
            "",
            span,
            *(["", _md(note)] if note else []),
            "",
            _(
                "The Chinese text of the Law governs; the duties below are plain-language "
                "paraphrases for study, not legal advice."
            ),
        ]
        for theme, duties in self.groups:
            lines += ["", f"## {_md(theme.title(lang))}", ""]
            lines += [
                f"- [{'x' if d.id in done else ' '}] {_line(d, self.other_version, lang)}"
                for d in duties
            ]
        lines += [
            "",
            _(
                "Any breach may also be recorded in credit files and bring civil, "
                "public-security or criminal liability: {cites}."
            ).format(cites=self.general_cited(lang)),
        ]
        return "\n".join(lines) + "\n"


def _column(name: str, version: str | None, lang: str) -> str:
    """A CSV column's name in ``lang``; a version's column says if it is no longer in force."""
    _ = gettext_for(lang)
    if version is None:
        return _(name)
    since = not_in_force_since(version)
    if since is None:
        return _(name).format(version=version)
    return _(OUT_OF_FORCE_COLUMNS[name]).format(version=version, since=worded_date(since, lang))


def _line(d: Duty, other_version: str, lang: str) -> str:
    """One checklist line: the duty, where it is in both versions, how a breach is dealt with."""
    en = lang == "en"
    text, when = d.duty(lang), d.when(lang)
    if when:
        text = (
            f"{when[0].upper()}{when[1:]}: {text[0].lower()}{text[1:]}"
            if en
            else when + "，" + text
        )
    _ = gettext_for(lang)
    other = d.other_citation(lang)
    text_of = version_label(other_version, lang)  # says if that text is no longer in force
    if other:
        other = _("{text}: {cited}").format(text=text_of, cited=other)
    elif en:
        other = f"not in the {other_version} text{out_of_force_mark(other_version, lang)}"
    else:
        other = _("{text}: no such duty").format(text=text_of)
    where = (
        f"**{d.citation(lang)}**" + (" " if en else "") + _("({citation})").format(citation=other)
    )
    summary = d.penalty.summary(lang)
    end = "" if summary.endswith((".", "。")) else "." if en else "。"
    return f"{_md(text)} {where}{'. ' if en else '。'}{_md(summary)}{end}"


def checklist(profile: Profile, version: str) -> Checklist:
    """The checklist of ``profile``'s duties under ``version`` ("2016" or "2025").

    Raises:
        ValueError: for an unknown version or something that is not a :class:`Profile`.
    """
    duties = obligations_for(profile, version)
    return Checklist(profile, version_info(version).id, duties)
