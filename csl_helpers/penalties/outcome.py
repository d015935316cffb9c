"""The answer to a penalty question: what the Law provides for one conduct in one tier.

An :class:`Outcome` is what :func:`~csl_helpers.penalties.simulation.simulate` returns: the
fine on the offender and on the people responsible, detention, other measures, who decides,
and what the clause sends to other laws, every figure one the text gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from csl_helpers.law.display import RichDisplay, card, table, with_note
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import sole_paragraph
from csl_helpers.penalties.clauses import tier_name
from csl_helpers.penalties.model import MeasureSet, Note, Quote, Range, Referral, term
from csl_helpers.translation import check_ui_lang, gettext_for

__all__ = ["Outcome", "persons_named"]


@dataclass(frozen=True)
class Outcome(RichDisplay):
    """What the Law provides for one conduct in one tier.

    In a notebook it shows itself as a table: each consequence on a line, the Chinese words of
    the clause below, and a note where its version is no longer in force.

    Ranges are inclusive and in whole yuan (days for detention); ``fine.low`` is ``None``
    where the Law sets no minimum. ``fine_discretionary`` is ``True`` where the Law says the
    authority *may* fine (可以), ``False`` where it *shall* (处). It words itself in English or
    Chinese (:meth:`summary`, :meth:`to_html`; :meth:`shown_in` for a notebook).
    """

    languages = ("en", "zh")

    version: str
    provision: Provision
    """The conduct asked about: the paragraph, or the item of it."""
    tier: str
    basis: str
    """The citation of the paragraph that sets this tier's penalty, e.g. ``Article 59(2)``."""
    basis_provision: Provision
    trigger: Quote
    subject: str
    fine: Range | None
    fine_discretionary: bool
    person_fine: Range | None
    person_fine_discretionary: bool
    persons: tuple[str, ...]
    """Who besides the offender is fined or punished: ``person_in_charge``, ``other_personnel``."""
    detention_days: Range | None
    detained: str | None
    """``"offender"`` or ``"persons"``: who may be detained; ``None`` without detention."""
    measures: tuple[MeasureSet, ...]
    enforcer: str | None
    referral: Referral | None
    borrowed_from: Provision | None = None
    """Where the penalty is borrowed (依照该款规定处罚): the paragraph it comes from."""
    fine_wording: str | None = None
    """The Chinese words that set the fine applied, e.g. ``处违法所得一倍以上十倍以下罚款``."""
    notes: tuple[Note, ...] = field(default=())
    """The explanatory notes of the rules data on this clause, in both languages."""
    subjects: tuple[str, ...] = ()
    """Everyone the clause (or its item) punishes for the conduct; ``subject`` is the first."""

    @property
    def measure_ids(self) -> tuple[str, ...]:
        """The ids of all measures, in the order the Law names them."""
        return tuple(m for s in self.measures for m in s.ids)

    def citation(self, lang: str = "en") -> str:
        """The legal basis, naming the borrowed paragraph where there is one.

        A conduct listed as an item of the paragraph that punishes it is cited with its item,
        as the Law cites one (第七十一条第一款第二项).
        """
        p = self.provision
        basis = p if p.item and Provision(p.article, p.paragraph) == self.basis_provision else None
        own = (basis or self.basis_provision).citation(lang, self.version)
        if self.borrowed_from is None:
            return own
        other = self.borrowed_from.citation(lang, self.version)
        _ = gettext_for(check_ui_lang(lang))
        return _("{own}, applying {other}").format(own=own, other=other)

    def none_here(self, lang: str = "en") -> str:
        """What the clause provides where it sets no fine: ``none in this clause``.

        In Chinese a one-paragraph article is 本条, as the Law and its citations call it
        (第六十四条, not 第六十四条第一款): 本条未规定; a paragraph of several is 本款.
        """
        _ = gettext_for(check_ui_lang(lang))
        if lang == "zh" and sole_paragraph(self.version, self.basis_provision.article):
            return _("none in this article")  # English says "clause" for either
        return _("none in this clause")

    def when(self, lang: str = "en") -> str:
        """The words that trigger this tier; for an item's own tier, the item named after them.

        A paragraph that lists its conducts says only 有下列行为之一的 (2025 Art. 71(1)): the
        item asked about follows, in the Law's words (（二）违反本法第二十四条第三款…).
        """
        said = getattr(self.trigger, check_ui_lang(lang))
        p = self.provision
        if p.item is None or Provision(p.article, p.paragraph) != self.basis_provision:
            return said
        if not self.trigger.zh.endswith("有下列行为之一的"):
            return said
        item = load_law(self.version).text_of(p, lang).rstrip(";；.。")
        return f"{said}: {item}" if lang == "en" else f"{said}：{item}"

    def tier_label(self, lang: str = "en") -> str:
        """The tier as its clause names it (:func:`~csl_helpers.penalties.clauses.tier_name`)."""
        return tier_name(self.version, self.provision, self.tier, check_ui_lang(lang))

    def heading(self, lang: str = "en") -> str:
        """``2016 text, Article 59(1), “…”`` / ``2016年文本第五十九条第一款（…）``: tier named."""
        _ = gettext_for(check_ui_lang(lang))
        return _("{version} text, {citation}, “{tier}”").format(
            version=self.version, citation=self.citation(lang), tier=self.tier_label(lang)
        )

    def rows(self, lang: str = "en") -> tuple[tuple[str, str], ...]:
        """Each consequence as a (what, the Law's answer) pair, worded in ``lang``.

        In Chinese the measures are named in the Law's own words (the wording of the clause);
        the people fined or detained are those the clause names (直接负责的主管人员, …).

        Raises:
            ValueError: for a ``lang`` other than ``"en"`` and ``"zh"``.
        """
        _ = gettext_for(check_ui_lang(lang))
        zh = lang == "zh"
        rows = [(_("when"), self.when(lang))]
        if self.referral is not None:
            r = self.referral
            label = _("reservation") if r.reservation else _("referred")  # 另有规定的，依照其规定
            # in Chinese the note follows as its own sentences: it has parentheses of its own
            rows.append((label, f"{r.zh}。{r.note.zh}" if zh else f"{r.en} ({r.note.en})"))
        if self.fine is None:
            rows.append((_("fine on the offender"), self.none_here(lang)))
        else:
            rows.append(
                (
                    _("fine on the offender ({verb})").format(
                        verb=_verb(self.fine_discretionary, _)
                    ),
                    self.fine.label("yuan", lang),
                )
            )
        if self.person_fine is not None:
            rows.append(
                (
                    _("fine on {who} ({verb})").format(
                        who=persons_named(self.persons, lang),
                        verb=_verb(self.person_fine_discretionary, _),
                    ),
                    self.person_fine.label("yuan", lang),
                )
            )
        if self.detention_days is not None:
            who = (
                _("the offender")
                if self.detained == "offender"
                else persons_named(self.persons, lang)
                if zh
                else "the people responsible"
            )
            rows.append(
                (
                    _("detention of {who} (shall)").format(who=who),
                    self.detention_days.label("days", lang),
                )
            )
        rows += [_measure_row(s, lang) for s in self.measures]
        if self.enforcer:
            rows.append((_("decided by"), getattr(term("enforcers", self.enforcer), lang)))
        return tuple(rows)

    def summary(self, lang: str = "en") -> str:
        """The outcome as plain lines in ``lang`` (``"en"`` or ``"zh"``), for notebooks and reports.

        >>> from csl_helpers.penalties import simulate
        >>> print(simulate("2016", 59, 2, tier="aggravated").summary("zh").splitlines()[2])
          对当事人的罚款（应当）：10万元以上100万元以下

        Raises:
            ValueError: for a ``lang`` other than ``"en"`` and ``"zh"``.
        """
        colon = "：" if check_ui_lang(lang) == "zh" else ": "
        lines = [self.heading(lang), *(f"  {w}{colon}{a}" for w, a in self.rows(lang))]
        return "\n".join(lines)

    def plain(self, lang: str = "en") -> str:
        """:meth:`summary`, with the out-of-force note under its first line where it applies."""
        return with_note(self.version, self.summary(lang), lang)

    def to_html(self, lang: str = "en") -> str:
        """A card: the clause cited, a row per consequence, the Chinese words of the clause.

        In English the clause is cited in both languages and the Chinese words are marked as
        governing; in Chinese the card is worded in Chinese alone.
        """
        _ = gettext_for(check_ui_lang(lang))
        if lang == "zh":
            title = self.heading("zh")
            rows = [*self.rows("zh")]
            if self.fine_wording:
                rows.append((_("罚款 (governs)"), self.fine_wording))
        else:
            title = (
                f"{self.version} text, {self.citation('en')} / {self.citation('zh')}, "
                f"“{self.tier_label('en')}”"
            )
            rows = [*self.rows(), ("条文 (governs)", self.trigger.zh)]
            if self.fine_wording:
                rows.append(("罚款 (governs)", self.fine_wording))
        return card(title, table(["", _("The Law provides")], rows), self.version, lang)


def _verb(may: bool, _: Callable[[str], str]) -> str:
    return _("may") if may else _("shall")


def _measure_row(s: MeasureSet, lang: str) -> tuple[str, str]:
    """One phrase of measures: in English named from the vocabulary, in Chinese the Law's words."""
    _ = gettext_for(lang)
    if lang == "zh":
        penalty = any(term("measures", m).administrative_penalty for m in s.ids)
        return (_("administrative penalty") if penalty else _("other measure")), s.wording
    names = [term("measures", m).en for m in s.ids]
    if s.any_of:
        names = ["one or more of: " + ", ".join(names[:-1]) + " or " + names[-1]]
    by = f", decided by {term('enforcers', s.by).en}" if s.by else ""
    verb = "may" if s.may else "shall"
    return f"measure ({verb})", ", ".join(names) + by


def persons_named(persons: tuple[str, ...], lang: str = "en") -> str:
    """The people a clause fines or detains, named as the clause names them.

    The Law never says a bare 直接责任人员: it names 直接负责的主管人员 alone (2016 Art. 59) or
    直接负责的主管人员和其他直接责任人员 (most clauses); the names come from the persons of
    ``data/penalties/vocabulary.yaml``.

    >>> persons_named(("person_in_charge", "other_personnel"), "zh")
    '直接负责的主管人员和其他直接责任人员'
    >>> persons_named(("person_in_charge",))
    'the directly responsible person in charge'

    Raises:
        ValueError: for an unknown person id, or a ``lang`` other than ``"en"`` and ``"zh"``.
    """
    _ = gettext_for(check_ui_lang(lang))
    return _(" and ").join(getattr(term("persons", p), lang) for p in persons)
