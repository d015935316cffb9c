"""The values of the duties catalogue: themes, subjects, enforcement, obligations and duties.

An :class:`Obligation` is one duty of the Law across its versions, as ``data/obligations.yaml``
records it; a :class:`Duty` is that obligation as it applies to a profile in one version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from csl_helpers.law.citations import cite_provisions
from csl_helpers.law.display import (
    RichDisplay,
    card,
    note_html,
    out_of_force_mark,
    out_of_force_note,
    table,
    with_note,
)
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision, check_lang
from csl_helpers.law.numerals import to_cn
from csl_helpers.law.version_registry import version_ids, version_info
from csl_helpers.obligations.facts import Condition
from csl_helpers.translation import gettext_for

KINDS = ("penalty", "referral", "none")
"""How a duty is enforced: a clause of Chapter 6 sets a penalty; a clause sends the breach to
other laws (2016 Art. 70, 2025 Art. 71); or no clause of Chapter 6 punishes it as such."""


@dataclass(frozen=True)
class Theme:
    """A heading of the checklist."""

    id: str
    titles: dict[str, str] = field(hash=False)

    def title(self, lang: str = "en") -> str:
        """The theme's heading in ``lang``."""
        return self.titles[check_lang(lang)]


@dataclass(frozen=True)
class Subject:
    """Someone the Law puts duties on, and the fact that makes a profile this subject."""

    id: str
    names: dict[str, str] = field(hash=False)
    fact: str | None = None
    """The :class:`Profile` fact; ``None`` for everyone."""
    is_a: str | None = None
    """A wider subject this one always is (a CII operator is a network operator)."""
    defined_in: dict[str, Provision] = field(default_factory=dict, hash=False)

    def name(self, lang: str = "en") -> str:
        """The subject's name in ``lang``."""
        return self.names[check_lang(lang)]


@dataclass(frozen=True)
class Enforcement:
    """How a breach of a duty is dealt with in one version (see :data:`KINDS`).

    "Chapter 6" here and below is the version's chapter of legal liability
    (``Version.liability_chapter``).
    """

    version: str
    kind: str
    rules: tuple[Provision, ...] = ()
    """The clauses of Chapter 6, the main one first: a paragraph, or the item of it that lists
    the conduct. The rule itself is the paragraph (:attr:`paragraphs`)."""
    notes: dict[str, str] | None = field(default=None, hash=False)

    @property
    def paragraphs(self) -> tuple[Provision, ...]:
        """The paragraphs of Chapter 6 that set the rules (the penalty rules' ids)."""
        out: list[Provision] = []
        for rule in self.rules:
            para = Provision(rule.article, rule.paragraph)
            if para not in out:
                out.append(para)
        return tuple(out)

    def citation(self, lang: str = "en") -> str:
        """The rules cited, e.g. ``Article 63(1), Article 63(2)``; empty for ``none``."""
        return cite_provisions(self.rules, check_lang(lang), self.version)

    def note(self, lang: str = "en") -> str:
        """The data's note on this link in ``lang`` (empty if there is none)."""
        return (self.notes or {}).get(check_lang(lang), "")

    def summary(self, lang: str = "en") -> str:
        """One line for a checklist: the clause, a referral, or no clause, with the note."""
        _ = gettext_for(check_lang(lang))
        if self.kind == "penalty":
            text = _("Penalty: {cited}").format(cited=self.citation(lang))
        elif self.kind == "referral":
            text = _("Referred to other laws: {cited}").format(cited=self.citation(lang))
        else:
            chapter = version_info(self.version).liability_chapter
            text = _(
                "No clause of Chapter {chapter} of the {version} text punishes this duty as such"
            ).format(chapter=to_cn(chapter) if lang == "zh" else chapter, version=self.version)
        note = self.note(lang)
        if not note:
            return text
        return f"{text}. {note}" if lang == "en" else f"{text}。{note}"


@dataclass(frozen=True)
class Obligation(RichDisplay):
    """One duty of the Law, across both versions, as ``data/obligations.yaml`` records it.

    In a notebook it shows itself as a card: the duty, and per version its provisions, their
    Chinese text (which governs) and how a breach is dealt with.
    """

    id: str
    theme: Theme
    subject: Subject
    texts: dict[str, str] = field(hash=False)
    provisions: dict[str, tuple[Provision, ...]] = field(hash=False)
    """Per version; an empty tuple where that version has no such duty."""
    enforcement: dict[str, Enforcement] = field(hash=False)
    condition: Condition | None = None
    """A further condition on the profile's facts, beyond being the subject."""
    whens: dict[str, str] | None = field(default=None, hash=False)

    def duty(self, lang: str = "en") -> str:
        """The duty in one plain sentence (a paraphrase; the Chinese text of the Law governs)."""
        return self.texts[check_lang(lang)]

    def when(self, lang: str = "en") -> str:
        """The situation that calls the duty into action, or ``""``."""
        return (self.whens or {}).get(check_lang(lang), "")

    def in_version(self, version: str) -> bool:
        """Whether ``version`` contains this duty."""
        return bool(self.provisions[version_info(version).id])

    def describe(self, lang: str = "en") -> str:
        """A few lines of plain text: the duty, its subject and its provisions in each version."""
        _ = gettext_for(check_lang(lang))
        when = self.when(lang)
        first = self.duty(lang)
        if when:
            first = (
                f"{when[0].upper()}{when[1:]}: {first[0].lower()}{first[1:]}"
                if lang == "en"
                else f"{when}，{first}"
            )
        lines = [first]
        lines.append(_("Who: {who}").format(who=self.subject.name(lang)))
        en = lang == "en"  # Chinese lines take Chinese punctuation: ：，、；
        colon, semi = (": ", "; ") if en else ("：", "；")
        for v in version_ids():
            head = v if en else _("{version} text").format(version=v)
            if not self.provisions[v]:
                lines.append(f"{head}{colon}{_('not in this text')}")
                continue
            cites = cite_provisions(self.provisions[v], lang, v)
            lines.append(f"{head}{colon}{cites}{semi}{self.enforcement[v].summary(lang)}")
        return "\n".join(lines)

    languages = ("en", "zh")

    def plain(self, lang: str = "en") -> str:
        """:meth:`describe`, then each provision's Chinese text, then any out-of-force note."""
        _ = gettext_for(check_lang(lang))
        lines = [self.describe(lang)]
        for v in version_ids():
            # 2016年文本第二十七条：…, in Chinese without the space the English puts there
            head = f"{v} " if lang == "en" else _("{version} text").format(version=v)
            for p in self.provisions[v]:
                cited = p.citation("zh", v)
                lines.append(f"  {head}{cited}{_(': ')}{load_law(v).text_of(p, 'zh')}")
        lines += [
            n for v in version_ids() if self.provisions[v] and (n := out_of_force_note(v, lang))
        ]
        return "\n".join(lines)

    def to_html(self, lang: str = "en") -> str:
        """A card: a row per version with the provisions, their Chinese, and the breach.

        The row of a version no longer in force says so; in Chinese the card is in Chinese.
        """
        _ = gettext_for(check_lang(lang))
        en = lang == "en"
        rows = []
        for v in version_ids():
            law = load_law(v)
            cites = (" · " if en else "、").join(
                f"{p.citation()} {p.citation('zh', v)}" if en else p.citation("zh", v)
                for p in self.provisions[v]
            )
            text = "\n".join(law.text_of(p, "zh") for p in self.provisions[v])
            breach = self.enforcement[v].summary(lang) if self.provisions[v] else ""
            label = _("{version} text").format(version=v) + out_of_force_mark(v, lang)
            rows.append([label, cites or _("not in this text"), text, breach])
        head = ["", _("Provisions"), _("条文 (governs)"), _("Breach")]
        notes = "".join(note_html(v, lang) for v in version_ids() if self.provisions[v])
        who = (
            f"<p>Who: {escape(self.subject.name('en'))} / {escape(self.subject.name('zh'))}</p>"
            if en
            else f"<p>{escape(_('Who: {who}').format(who=self.subject.name('zh')))}</p>"
        )
        return card(self.duty(lang), notes + who + table(head, rows), None, lang)


@dataclass(frozen=True)
class Duty(RichDisplay):
    """A duty that applies to a profile in one version: what :func:`obligations_for` returns.

    In a notebook it shows itself as a card: the duty in both languages, who owes it, where
    each version lays it down and how a breach is dealt with.
    """

    obligation: Obligation
    version: str
    other_version: str

    @property
    def id(self) -> str:
        """The duty's stable id (the same in both versions)."""
        return self.obligation.id

    @property
    def theme(self) -> Theme:
        """The checklist heading it falls under."""
        return self.obligation.theme

    @property
    def subject(self) -> Subject:
        """Who owes it."""
        return self.obligation.subject

    def duty(self, lang: str = "en") -> str:
        """The duty in one plain sentence."""
        return self.obligation.duty(lang)

    def when(self, lang: str = "en") -> str:
        """The situation that calls it into action, or ``""``."""
        return self.obligation.when(lang)

    @property
    def provisions(self) -> tuple[Provision, ...]:
        """The provisions of this version that lay the duty down."""
        return self.obligation.provisions[self.version]

    @property
    def articles(self) -> tuple[int, ...]:
        """The article numbers in this version."""
        return tuple(dict.fromkeys(p.article for p in self.provisions))

    @property
    def counterparts(self) -> tuple[Provision, ...]:
        """The same duty's provisions in the other version (empty where it has none)."""
        return self.obligation.provisions[self.other_version]

    @property
    def other_articles(self) -> tuple[int, ...]:
        """The article numbers in the other version."""
        return tuple(dict.fromkeys(p.article for p in self.counterparts))

    @property
    def penalty(self) -> Enforcement:
        """The clause of Chapter 6 that enforces the duty in this version (or its absence)."""
        return self.obligation.enforcement[self.version]

    def citation(self, lang: str = "en") -> str:
        """The provisions cited, e.g. ``Article 23(1)(1)``."""
        return cite_provisions(self.provisions, check_lang(lang), self.version)

    def other_citation(self, lang: str = "en") -> str:
        """The other version's provisions cited, or ``""`` where it has none."""
        return cite_provisions(self.counterparts, check_lang(lang), self.other_version)

    languages = ("en", "zh")

    def rows(self, lang: str = "en") -> tuple[tuple[str, str], ...]:
        """The card's lines: what, and the answer (both languages where the data has them).

        In Chinese (``lang="zh"``) in Chinese alone. The other version's line says whether
        that version is no longer in force.
        """
        other_mark = out_of_force_mark(self.other_version, lang)
        if check_lang(lang) == "zh":
            _ = gettext_for(lang)
            out = [(_("Duty"), self.duty("zh"))]
            if self.when("zh"):
                out.append((_("Situation"), self.when("zh")))
            return (
                *out,
                (_("subject"), self.subject.name("zh")),
                (_("{version} text").format(version=self.version), self.citation("zh")),
                (_("Breach"), self.penalty.summary("zh")),
                (
                    _("{version} text").format(version=self.other_version) + other_mark,
                    self.other_citation("zh") or _("no such duty"),
                ),
            )
        out = [("义务", self.duty("zh"))]
        if self.when():
            out.append(("When / 情形", f"{self.when('en')} / {self.when('zh')}"))
        out += [
            ("Who / 义务主体", f"{self.subject.name('en')} / {self.subject.name('zh')}"),
            (f"{self.version} text", f"{self.citation('en')} / {self.citation('zh')}"),
            ("Breach", self.penalty.summary("en")),
            ("违反", self.penalty.summary("zh")),
            (
                f"{self.other_version} text{other_mark}",
                self.other_citation("en") or f"not in the {self.other_version} text",
            ),
        ]
        return tuple(out)

    def plain(self, lang: str = "en") -> str:
        """The duty, then the card's lines."""
        _ = gettext_for(check_lang(lang))
        first = _("{duty} ({version} text)").format(duty=self.duty(lang), version=self.version)
        lines = [first, *(f"  {what}{_(': ')}{answer}" for what, answer in self.rows(lang))]
        return with_note(self.version, "\n".join(lines), lang)

    def to_html(self, lang: str = "en") -> str:
        """A card headed by the duty in ``lang``."""
        return card(self.duty(lang), table(["", ""], self.rows(lang)), self.version, lang)


@dataclass(frozen=True)
class Catalogue:
    """Everything in ``data/obligations.yaml``, validated."""

    themes: tuple[Theme, ...]
    subjects: tuple[Subject, ...]
    obligations: tuple[Obligation, ...]
    general_liability: dict[str, tuple[Provision, ...]] = field(hash=False)
