"""The answer to a penalty question: what the Law provides for one conduct in one tier.

An :class:`Outcome` is what :func:`~csl_helpers.penalties.simulation.simulate` returns: the
fine on the offender and on the people responsible, detention, other measures, who decides,
and what the clause sends to other laws, every figure one the text gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from csl_helpers.law.display import RichDisplay, card, table, with_note
from csl_helpers.law.model import Provision
from csl_helpers.penalties.model import MeasureSet, Quote, Range, Referral, term

__all__ = ["Outcome"]


@dataclass(frozen=True)
class Outcome(RichDisplay):
    """What the Law provides for one conduct in one tier.

    In a notebook it shows itself as a table: each consequence on a line, the Chinese words of
    the clause below, and a note where its version is no longer in force.

    Ranges are inclusive and in whole yuan (days for detention); ``fine.low`` is ``None``
    where the Law sets no minimum. ``fine_discretionary`` is ``True`` where the Law says the
    authority *may* fine (可以), ``False`` where it *shall* (处).
    """

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
    notes: tuple[str, ...] = field(default=())
    subjects: tuple[str, ...] = ()
    """Everyone the clause (or its item) punishes for the conduct; ``subject`` is the first."""

    @property
    def measure_ids(self) -> tuple[str, ...]:
        """The ids of all measures, in the order the Law names them."""
        return tuple(m for s in self.measures for m in s.ids)

    def citation(self, lang: str = "en") -> str:
        """The legal basis, naming the borrowed paragraph where there is one."""
        own = self.basis_provision.citation(lang)
        if self.borrowed_from is None:
            return own
        other = self.borrowed_from.citation(lang)
        return f"{own}, applying {other}" if lang == "en" else f"{own}，依照{other}"

    def summary(self) -> str:
        """The outcome as plain English lines, for notebooks and reports."""
        lines = [f"{self.version} text, {self.citation()} ({self.tier.replace('_', ' ')} tier)"]
        lines.append(f"  when: {self.trigger.en}")
        if self.referral is not None:
            lines.append(f"  referred: {self.referral.en} ({self.referral.note})")
        if self.fine is None:
            lines.append("  fine on the offender: none in this clause")
        else:
            verb = "may" if self.fine_discretionary else "shall"
            lines.append(f"  fine on the offender ({verb}): {self.fine.label()}")
        if self.person_fine is not None:
            verb = "may" if self.person_fine_discretionary else "shall"
            who = " and ".join(term("persons", p).en for p in self.persons)
            lines.append(f"  fine on {who} ({verb}): {self.person_fine.label()}")
        if self.detention_days is not None:
            who = "the offender" if self.detained == "offender" else "the people responsible"
            lines.append(f"  detention of {who} (shall): {self.detention_days.label('days')}")
        for s in self.measures:
            verb = "may" if s.may else "shall"
            names = [term("measures", m).en for m in s.ids]
            if s.any_of:
                names = ["one or more of: " + ", ".join(names[:-1]) + " or " + names[-1]]
            names = ", ".join(names)
            by = f", decided by {term('enforcers', s.by).en}" if s.by else ""
            lines.append(f"  measure ({verb}): {names}{by}")
        if self.enforcer:
            lines.append(f"  decided by: {term('enforcers', self.enforcer).en}")
        return "\n".join(lines)

    def rows(self) -> tuple[tuple[str, str], ...]:
        """The lines of :meth:`summary` after the first, as (what, the Law's answer) pairs."""
        out = []
        for line in self.summary().splitlines()[1:]:
            what, _, answer = line.strip().partition(": ")
            out.append((what, answer))
        return tuple(out)

    def plain(self) -> str:
        """:meth:`summary`, with the out-of-force note under its first line where it applies."""
        return with_note(self.version, self.summary())

    def to_html(self) -> str:
        """A card: the clause cited in both languages, a row per consequence, the Chinese."""
        title = (
            f"{self.version} text, {self.citation('en')} / {self.citation('zh')} "
            f"({self.tier.replace('_', ' ')} tier)"
        )
        rows = [*self.rows(), ("条文 (governs)", self.trigger.zh)]
        if self.fine_wording:
            rows.append(("罚款 (governs)", self.fine_wording))
        return card(title, table(["", "The Law provides"], rows), self.version)
