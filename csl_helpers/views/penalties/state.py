"""The penalty simulator's state: what is chosen, and the outcome worked out from it.

:class:`SimulatorModel` holds the choices (the text of the Law or the dates, who acted and
what they did, the circumstances, the amounts, whether to show the text) as traits; the
outcome is a derived trait, computed from the choices alone, never from a widget. Whatever
sets a choice (a control linked to it, a URL query, a test), the model brings the others in
line: a change of text (a version, or the dates choosing one) carries the conduct and its tier
to their counterparts (:mod:`csl_helpers.views.penalties.carry`) and says in
:attr:`SimulatorModel.tier_note` where the tier changed or has none; a conduct keeps its tier
where the clause offers it. The tiers offered are the clause's own, each by its own name in
the clause's words. The interface's language (:attr:`SimulatorModel.lang`) words the menus'
labels and every sentence the model makes. The clause, its tier (by id), the amounts it needs
and the language are the page's address
(``?version=2025&article=61&paragraph=1&tier=serious``). The model imports no widgets;
:mod:`csl_helpers.views.penalties.simulator` draws it; :mod:`csl_helpers.views.penalties.result`
holds what it works out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from traitlets import Bool, Instance, Int, TraitError, Unicode, observe, validate

from csl_helpers.law.query import iso_date
from csl_helpers.law.version_registry import version_ids, version_on
from csl_helpers.penalties.address import Selection, default_selection, selection_from
from csl_helpers.penalties.amounts import figure
from csl_helpers.penalties.clauses import tier_name
from csl_helpers.penalties.model import term
from csl_helpers.penalties.simulation import Conduct, Outcome, conducts
from csl_helpers.translation import N_, gettext_for
from csl_helpers.views.addressed import Addressed
from csl_helpers.views.penalties.carry import Carry, carried_on
from csl_helpers.views.penalties.conduct_menu import Key, conduct_label, counterpart_key, key_of
from csl_helpers.views.penalties.entries import (
    amount_problems,
    awaiting,
    date_problems,
    parse_amount,
)
from csl_helpers.views.penalties.result import (
    DATES,
    Result,
    act_and_decision,
    run_clause,
    version_for,
)
from csl_helpers.views.traits import UiLang

__all__ = [
    "CHOICES",
    "DATES",
    "Result",
    "SimulatorModel",
    "counterpart_key",
    "key_of",
    "run_clause",
    "version_for",
]

CHOICES = (
    "mode",
    "conduct_date",
    "decision_date",
    "subject",
    "conduct",
    "tier",
    "illegal_gains",
    "procurement_amount",
)
"""The traits the outcome is worked out from."""


class SimulatorModel(Addressed):
    """The choices of the penalty simulator and the outcome they lead to.

    Set any choice; :attr:`result` (and :attr:`outcome`, the last outcome worked out) follow.
    :attr:`version`, :attr:`needs` and the ``*_choices`` traits are derived for the menus.
    """

    mode = Unicode(help="a version id, or DATES to let the dates choose the text")
    conduct_date = Instance(date, allow_none=True)
    decision_date = Instance(date, allow_none=True)
    subject = Unicode()
    conduct = Instance(tuple)
    tier = Unicode("base")
    illegal_gains = Int(0)
    procurement_amount = Int(None, allow_none=True, help="None until given")
    procurement_text = Unicode("", help="the procurement amount as typed")
    gains_text = Unicode("0", help="the illegal gains as typed (empty counts as none)")
    show_text = Bool(False)
    lang = UiLang(help="the interface's language: en or zh")

    version = Unicode(read_only=True)
    subject_choices = Instance(tuple, read_only=True)
    conduct_choices = Instance(tuple, read_only=True)
    tier_choices = Instance(tuple, read_only=True)
    needs = Instance(tuple, (), read_only=True)
    tier_note = Unicode("", read_only=True, help="what became of the tier at a change of text")
    entry_problem = Instance(tuple, (), read_only=True, help="typed amounts not taken")
    result = Instance(Result, allow_none=True, read_only=True)
    outcome = Instance(Outcome, allow_none=True, read_only=True)

    ADDRESS = (
        "mode",
        "conduct",
        "tier",
        "conduct_date",
        "decision_date",
        "illegal_gains",
        "procurement_amount",
        "lang",
    )
    REPLACING = ("lang",)
    DEFAULTS = {"lang": "en"}
    PARAMETERS = {
        "mode": ("version",),
        "conduct": ("article", "paragraph", "item"),
        "tier": ("tier",),
        "conduct_date": ("act",),
        "decision_date": ("decision",),
    }

    def __init__(self, selection: Selection | None = None, lang: str = "en") -> None:
        act, decision = act_and_decision()
        super().__init__(conduct_date=act, decision_date=decision, lang=lang)
        self.open(selection or default_selection(version_on(date.today()).id))

    _carry: Carry | None = None
    """The last change of text, while the visitor has chosen nothing since."""
    _carrying = False

    def open(self, s: Selection) -> None:
        """Show the clause ``s`` names in its own text (leaving the dates mode)."""
        self._carry = None
        with self.hold_trait_notifications():
            self.mode = s.version
            self._settle(s.version, s.key, s.tier)

    # the address ----------------------------------------------------------------------------
    def write_field(self, name: str) -> dict[str, Any]:
        """The clause as version, article, paragraph and item; an amount only where needed.

        In the dates mode: the version the dates chose, then the dates (``act``, ``decision``).
        """
        if name == "mode":
            return {"version": self.version}
        if name in ("conduct_date", "decision_date"):
            day = getattr(self, name)
            shown = self.mode == DATES and day is not None
            return {self.PARAMETERS[name][0]: day.isoformat()} if shown else {}
        if name == "conduct":
            return dict(zip(("article", "paragraph", "item"), self.conduct, strict=True))
        if name in ("illegal_gains", "procurement_amount") and name not in self.needs:
            return {}
        return super().write_field(name)

    def read_params(self, params: Mapping[str, str]) -> None:
        """Open the clause and tier an address names, its dates (the dates mode), its amounts."""
        dates = (("conduct_date", "act"), ("decision_date", "decision"))
        days = {name: iso_date(params, key) for name, key in dates if key in params}
        selection = selection_from(params)
        if selection is not None:
            self.open(selection)
        if days:
            with self.hold_trait_notifications():
                self.conduct_date = days.get("conduct_date", self.conduct_date)
                self.decision_date = days.get("decision_date", self.decision_date)
                self.mode = DATES
        super().read_params(params)

    # the choices kept in line ---------------------------------------------------------------
    @validate("mode")
    def _valid_mode(self, proposal: dict) -> str:
        if proposal["value"] not in (*version_ids(), DATES):
            choices = ", ".join((*version_ids(), DATES))
            raise TraitError(f"mode must be one of {choices}; got {proposal['value']!r}")
        return proposal["value"]

    @validate("subject", "conduct", "tier")
    def _offered(self, proposal: dict) -> object:
        name, value = proposal["trait"].name, proposal["value"]
        offered = [v for _, v in getattr(self, f"{name}_choices") or ()]
        if value not in offered:
            valid = ", ".join(map(str, offered))
            raise TraitError(f"{name} must be one of {valid}; got {value!r}")
        return value

    @observe(*CHOICES)
    def _on_choice(self, change: dict) -> None:
        if not self.version:  # not open yet: the dates are being set
            return
        name = change["name"]
        if name in ("subject", "conduct", "tier") and not self._carrying:
            self._carry = None
        if name in ("mode", "conduct_date"):
            new = version_for(self.mode, self.conduct_date)
            if new != self.version:
                self._carry = carried_on(self._carry, self.conduct, self.tier, self.version, new)
                self._carrying = True
                try:
                    self._settle(new, self._carry.new_key, self._carry.new_tier)
                finally:
                    self._carrying = False
        elif name == "subject" and self.subject not in self._current().subjects:
            first = next(c for c in conducts(self.version) if self.subject in c.subjects)
            self._settle(self.version, key_of(first), None)
        elif name == "conduct":
            self._settle(self.version, self.conduct, self.tier)
        self._compute()

    @observe("lang")
    def _on_lang(self, _: dict) -> None:
        """Word the menus and every sentence again in the new language."""
        if not self.version:  # not open yet: the language is set first
            return
        with self.hold_trait_notifications():
            self._settle(self.version, self.conduct, self.tier)
        self._on_procurement_text({"new": self.procurement_text})
        self._on_gains_text({"new": self.gains_text})
        self._compute()

    def _refuse(self, field: str, sentence: str | None) -> None:
        """Tell (or, with ``None``, stop telling) why what was typed for ``field`` was not taken."""
        kept = tuple(p for p in self.entry_problem if p[0] != field)
        self.set_trait("entry_problem", kept + (((field, sentence),) if sentence else ()))

    @observe("procurement_text")
    def _on_procurement_text(self, change: dict) -> None:
        """Take the typed amount if it is one; else keep the last and say why, beside it."""
        try:
            amount = parse_amount(change["new"], "procurement_amount", lang=self.lang)
        except ValueError as exc:
            self._refuse("procurement_amount", str(exc))
            self._compute()
            return
        self._refuse("procurement_amount", None)
        if amount == self.procurement_amount:
            self._compute()
        self.procurement_amount = amount

    @observe("procurement_amount")
    def _on_procurement_amount(self, change: dict) -> None:
        shown = "" if change["new"] is None else str(change["new"])
        try:
            typed = parse_amount(self.procurement_text, "procurement_amount")
        except ValueError:
            typed = object()
        if typed != change["new"]:
            self.procurement_text = shown

    @observe("gains_text")
    def _on_gains_text(self, change: dict) -> None:
        """Take the typed gains if they are a whole number; else keep the last and say so.

        The outcome of the last gains taken stays, marked by the sentence beside the field. A
        negative number is taken: the penalty logic refuses it with its own message.
        """
        try:
            gains = parse_amount(change["new"], "illegal_gains", signed=True, lang=self.lang)
        except ValueError as exc:
            _ = gettext_for(self.lang)
            counted = _("The outcome still counts {amount} yuan.").format(
                amount=figure(self.illegal_gains, self.lang)
            )
            space = "" if self.lang == "zh" else " "  # Chinese sentences follow on unspaced
            self._refuse("illegal_gains", f"{exc}{space}{counted}")
            self._compute()
            return
        self._refuse("illegal_gains", None)
        gains = gains or 0
        if gains == self.illegal_gains:
            self._compute()
        self.illegal_gains = gains

    @observe("illegal_gains")
    def _on_illegal_gains(self, change: dict) -> None:
        try:
            typed = parse_amount(self.gains_text, "illegal_gains", signed=True) or 0
        except ValueError:
            typed = object()
        if typed != change["new"]:
            self.gains_text = str(change["new"])

    def _place(self) -> tuple:
        """The dates, version, conduct and tier, as :func:`run_clause` takes them."""
        return (self.conduct_date, self.decision_date, self.version, self.conduct, self.tier)

    def _current(self) -> Conduct:
        return next(c for c in conducts(self.version) if key_of(c) == self.conduct)

    def _settle(self, version: str, key: Key | None, tier: str | None) -> None:
        """Choose ``key`` in ``version`` (its first conduct if absent), ``tier`` if offered."""
        every = conducts(version)
        chosen = next((c for c in every if key_of(c) == key), every[0])
        subject = self.subject if self.subject in chosen.subjects else chosen.subjects[0]
        with self.hold_trait_notifications():
            self.set_trait("version", version)
            subjects = dict.fromkeys(s for c in every for s in c.subjects)
            lang = self.lang
            self.set_trait(
                "subject_choices", tuple((getattr(term("subjects", s), lang), s) for s in subjects)
            )
            self.set_trait(
                "conduct_choices",
                tuple((conduct_label(c, lang), key_of(c)) for c in every if subject in c.subjects),
            )
            self.set_trait(
                "tier_choices",
                tuple((tier_name(version, chosen, t, lang), t) for t in chosen.tiers),
            )
            self.set_trait("needs", chosen.needs)
            self.subject = subject
            self.conduct = key_of(chosen)
            self.tier = tier if tier in chosen.tiers else chosen.tiers[0]

    def _compute(self) -> None:
        """Work out the result; the procurement amount counts where the clause needs one.

        Fields the logic cannot take (a missing or misordered date, a typed amount that is not
        one) give a result without an outcome, each problem named with its field; a clause
        whose fine multiplies an amount not yet given says what it provides and asks for it.
        Typed gains not taken leave the outcome of the last gains taken, with the sentence.
        """
        needs_procurement = "procurement_amount" in self.needs
        procurement = self.procurement_amount if needs_procurement else None
        amounts = {"illegal_gains": self.illegal_gains, "procurement_amount": procurement}
        lang = self.lang
        self.set_trait("tier_note", self._carry.sentence(lang) if self._carry else "")
        dates = (
            date_problems(self.conduct_date, self.decision_date, lang) if self.mode == DATES else ()
        )
        typed = tuple(p for p in self.entry_problem if p[0] in self.needs)
        told = tuple(p for p in typed if p[0] == "illegal_gains")
        problems = dates + tuple(p for p in typed if p[0] != "illegal_gains")
        if problems:
            problems += told
            error = " ".join(sentence for _, sentence in problems)
            result = Result(error=error, problems=problems, **amounts)
        elif needs_procurement and procurement is None:
            wait = awaiting(self.version, self.conduct, self.tier, "procurement_amount", lang)
            ask = (
                (
                    "procurement_amount",
                    gettext_for(lang)(N_("Give the procurement amount (whole yuan).")),
                ),
            )
            sketch = run_clause(self.mode, *self._place(), self.illegal_gains, 0).outcome
            result = Result(problems=ask + told, awaiting=wait, sketch=sketch, **amounts)
        else:
            result = run_clause(self.mode, *self._place(), self.illegal_gains, procurement)
            if result.error:
                result = replace(result, problems=amount_problems(amounts, lang))
            result = replace(result, problems=result.problems + told)
        self.set_trait("result", result)
        if result.outcome is not None:
            self.set_trait("outcome", result.outcome)
