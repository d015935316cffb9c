"""The same conduct under two versions of the Law: is the later clause heavier or lighter?

:func:`compare` sets two outcomes side by side; :func:`same_conduct` finds the clauses of the
version before and after that answer a conduct (``data/penalties/correspondence.yaml``) and
compares them for the same circumstances; :func:`version_changes` does so for every conduct
and tier an amendment touched. The version rule of the Administrative Penalty Law
(:mod:`csl_helpers.penalties.version_rule`) rests on these comparisons.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from typing import Any

from csl_helpers.law.display import RichDisplay, card, note_html, table, with_note
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_after, version_before, version_ids
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.clauses import Conduct, resolve
from csl_helpers.penalties.correspondence import pairs, same_measures
from csl_helpers.penalties.model import Range, term
from csl_helpers.penalties.outcome import Outcome, persons_named
from csl_helpers.penalties.simulation import question, simulate
from csl_helpers.translation import N_, check_ui_lang, gettext_for

VERDICTS = ("lighter", "same", "heavier", "mixed", "referred")
"""How the later clause compares with the earlier: ``referred`` where the later text sends
the conduct to other laws instead of fixing a penalty."""
VERDICT_NAMES = {
    "lighter": N_("lighter"),
    "same": N_("same"),
    "heavier": N_("heavier"),
    "mixed": N_("mixed"),
    "referred": N_("referred"),
}
"""Each verdict as the interface names it (translated through :mod:`csl_helpers.translation`)."""

__all__ = [
    "VERDICTS",
    "Comparison",
    "compare",
    "counterparts_in",
    "same_conduct",
    "version_changes",
]


@dataclass(frozen=True)
class Comparison(RichDisplay):
    """The same conduct and circumstances under the earlier and the later clause.

    In a notebook it shows itself as a table with a column per version and the verdict.
    """

    old: Outcome
    new: Outcome
    verdict: str
    """One of :data:`VERDICTS`: how the later clause compares with the earlier."""
    reasons: tuple[str, ...]

    languages = ("en", "zh")

    def heading(self, lang: str = "en") -> str:
        """``2016 Article 59(1) -> 2025 Article 61(1), “refuses to correct…”: heavier``.

        The tier is the later clause's, by its own name for it (the Law's words in Chinese).
        """
        o, n = self.old, self.new
        if check_ui_lang(lang) == "en":
            return (
                f"{o.version} {o.citation()} -> {n.version} {n.citation()}, "
                f"“{n.tier_label('en')}”: {self.verdict}"
            )
        _ = gettext_for(lang)
        return _("{old} → {new} ({tier} tier): {verdict}").format(
            old=_("{version} text").format(version=o.version) + o.citation(lang),
            new=_("{version} text").format(version=n.version) + n.citation(lang),
            tier=n.tier_label(lang),
            verdict=_(VERDICT_NAMES[self.verdict]),
        )

    def worded(self, lang: str = "en") -> tuple[str, ...]:
        """:attr:`reasons` in ``lang`` (``"en"`` or ``"zh"``)."""
        return self.reasons if check_ui_lang(lang) == "en" else compare(self.old, self.new, lang)[1]

    def plain(self, lang: str = "en") -> str:
        """The heading, then the reasons, one per line."""
        lines = "\n".join([self.heading(lang), *(f"  {r}" for r in self.worded(lang))])
        return with_note(self.old.version, lines, lang)

    def to_html(self, lang: str = "en") -> str:
        """A table, a row per consequence and a column per version, then the reasons."""
        _ = gettext_for(check_ui_lang(lang))
        zh = lang == "zh"
        old, new = _by_what(self.old, lang), _by_what(self.new, lang)
        whats = list(dict.fromkeys([*old, *new]))
        rows = [
            (
                _("clause"),
                self.old.citation(lang)
                if zh
                else f"{self.old.citation()} / {self.old.citation('zh')}",
                self.new.citation(lang)
                if zh
                else f"{self.new.citation()} / {self.new.citation('zh')}",
            ),
            *((w, old.get(w, "-"), new.get(w, "-")) for w in whats),
        ]
        head = [
            "",
            _("{version} text").format(version=self.old.version),
            _("{version} text").format(version=self.new.version),
        ]
        reasons = "".join(f"<li>{escape(r)}</li>" for r in self.worded(lang))
        verdict = _(VERDICT_NAMES[self.verdict]) if zh else self.verdict
        body = (
            note_html(self.old.version, lang)
            + table(head, rows)
            + f"<p><b>{escape(verdict)}</b></p><ul>{reasons}</ul>"
        )
        return card(self.heading(lang), body, None, lang)


def _by_what(o: Outcome, lang: str = "en") -> dict[str, str]:
    """An outcome's rows by what they give, answers of the same kind joined by "; "."""
    out: dict[str, list[str]] = {}
    for what, answer in o.rows(lang):
        out.setdefault(what, []).append(answer)
    return {what: "; ".join(answers) for what, answers in out.items()}


def counterparts_in(
    target: str, version: str, provision: Provision | Conduct, tier: str
) -> tuple[tuple[Provision, str], ...]:
    """The conducts and tiers of ``target`` that answer ``provision`` in ``tier`` of ``version``.

    Follows the correspondence of each amendment in between, forwards or backwards. Without
    an item, a clause whose items went to different later clauses (2016 Art. 69) gives the
    counterparts of all its items.
    """
    r, item = resolve(version, provision)
    found = [(Provision(r.article, r.paragraph, item), tier)]
    ids = version_ids()
    here, there = ids.index(version), ids.index(target)
    step = 1 if there > here else -1
    for i in range(here, there, step):
        before = ids[min(i, i + step)]
        found = [hit for p, t in found for hit in _step(before, p, t, forwards=step == 1)]
    return tuple(found) if here != there else ()


def _step(before: str, p: Provision, tier: str, forwards: bool) -> list[tuple[Provision, str]]:
    """One amendment's counterparts of ``p`` in ``tier``: from ``before`` on, or back to it."""
    out = []
    for pair in pairs(before):
        src, dst = (pair.old, pair.new) if forwards else (pair.new, pair.old)
        if Provision(src.article, src.paragraph) != Provision(p.article, p.paragraph or 1):
            continue
        if None not in (src.item, p.item) and src.item != p.item:
            continue
        out += [
            (dst, b if forwards else a) for a, b in pair.tiers if (a if forwards else b) == tier
        ]
    return out


def same_conduct(version: str, *args: Any, **keywords: Any) -> tuple[Comparison, ...]:
    """The conduct named in ``version`` compared with its counterparts in the neighbouring versions.

    Takes the conduct as :func:`~csl_helpers.penalties.simulation.simulate` does, in either
    form. The version before is compared with this one, then this one with the version
    after (each as old and new). Empty where the conduct has no counterpart (2025 Art. 63 is
    new).

    >>> [c.verdict for c in same_conduct("2025", 61, 2, tier="aggravated")]
    ['heavier']
    """
    provision, circumstances = question(version, *args, **keywords)
    here = simulate(version, provision, circumstances)
    out = []
    before = version_before(version)
    if before is not None:
        for p, tier in counterparts_in(before.id, version, provision, circumstances.tier):
            old = simulate(before.id, p, replace(circumstances, tier=tier))
            out.append(_comparison(old, here))
    after = version_after(version)
    if after is not None:
        out += compare_with(after.id, here, circumstances)
    return tuple(out)


def compare_with(target: str, old: Outcome, circumstances: Circumstances) -> tuple[Comparison, ...]:
    """``old`` against each clause of the later version ``target`` that answers it."""
    found = counterparts_in(target, old.version, old.provision, old.tier)
    return tuple(
        _comparison(old, simulate(target, p, replace(circumstances, tier=tier)))
        for p, tier in found
    )


def version_changes(after: str | None = None) -> tuple[Comparison, ...]:
    """Every conduct and tier of the version before ``after`` compared with the clause after.

    ``after`` is the version an amendment made (default: the latest). This is the
    classification the version rule rests on: which clauses are heavier, the same, lighter or
    referred to other laws under the later text. Amounts that change the fine are taken as nil
    illegal gains and a procurement amount of 1 yuan, which leaves the multiples equal on both
    sides.

    Raises:
        ValueError: for an unknown version, or the first one (nothing came before it).
    """
    after = version_ids()[-1] if after is None else after
    before = version_before(after)
    if before is None:
        raise ValueError(f"after must be a version that amended another; got {after!r}")
    amounts = Circumstances(illegal_gains=0, procurement_amount=1)
    out = []
    for pair in pairs(before.id):
        for a, b in pair.tiers:
            old = simulate(before.id, pair.old, replace(amounts, tier=a))
            new = simulate(after, pair.new, replace(amounts, tier=b))
            out.append(_comparison(old, new))
    return tuple(out)


def _comparison(old: Outcome, new: Outcome) -> Comparison:
    verdict, reasons = compare(old, new)
    return Comparison(old, new, verdict, reasons)


def _span(r: Range | None, may: bool) -> tuple[int, int]:
    """A range as (least, most) a decision can impose: "may" and no minimum mean 0."""
    if r is None:
        return 0, 0
    return (0 if may or r.low is None else r.low), r.high


def _measures(o: Outcome, same: dict[str, str]) -> set[str]:
    """The penalties among the measures (orders to correct are not penalties).

    Each is named by the id the earlier text uses for it (``same``).
    """
    return {
        same.get(m, m) for m in o.measure_ids if term("measures", m).kind in ("penalty", "people")
    }


def compare(old: Outcome, new: Outcome, lang: str = "en") -> tuple[str, tuple[str, ...]]:
    """How ``new`` compares with ``old``: a verdict of :data:`VERDICTS` and the reasons.

    Fines, fines on people and detention are compared by the least and the most a decision
    can impose (a "may" fine can be nil); more people fined or more penalties named counts
    as heavier. The reasons are whole sentences in ``lang`` (``"en"`` or ``"zh"``).
    """
    _ = gettext_for(lang)
    if new.referral is not None and new.fine is None and old.fine is not None:
        note = new.referral.note.text(lang)  # the data's own note, in the reader's language
        return "referred", (
            _("The new text fixes no fine of its own and refers to other laws: {note}").format(
                note=note
            ),
        )
    found = _ranges(old, new, lang) + _people(old, new, lang) + _penalties(old, new, lang)
    signs = [sign for sign, _r in found]
    reworded = _reworded(old, new, lang)
    reasons = tuple(reason for _s, reasons in found for reason in reasons) + reworded
    if not signs:
        if reworded:
            same = _(
                "Fines, people fined and detention are the same; the penalties correspond one "
                "to one, but not all are worded the same:"
            )
            return "same", (same, *reworded)
        return "same", (_("Fines, people fined, detention and penalties are the same."),)
    if all(s >= 0 for s in signs) and 2 not in signs:
        return "heavier", reasons
    if all(s <= 0 for s in signs):
        return "lighter", reasons
    return "mixed", reasons


_Change = tuple[int, tuple[str, ...]]
"""A sign (1 heavier, -1 lighter, 2 both ways) and the sentences that say why."""


def _ranges(old: Outcome, new: Outcome, lang: str) -> list[_Change]:
    """The fine on the offender, on the people responsible and detention, where they differ."""
    _ = gettext_for(lang)
    parts = (
        (
            N_("fine on the offender"),
            old.fine,
            old.fine_discretionary,
            new.fine,
            new.fine_discretionary,
        ),
        (
            N_("fine on the people responsible"),
            old.person_fine,
            old.person_fine_discretionary,
            new.person_fine,
            new.person_fine_discretionary,
        ),
        (N_("detention"), old.detention_days, False, new.detention_days, False),
    )
    out = []
    for name, a, a_may, b, b_may in parts:
        sa, sb = _span(a, a_may), _span(b, b_may)
        if sa == sb:
            continue
        unit = "days" if name == "detention" else "yuan"
        desc_a, desc_b = _describe(a, a_may, unit, lang), _describe(b, b_may, unit, lang)
        sentence = _("The {name} goes from {old} to {new}.")
        if lang == "zh" and name == "fine on the people responsible" and _same_people(old, new):
            # the people as both clauses name them (直接负责的主管人员, …), never a bare term;
            # where the clauses name different people, 直接负责的主管人员等 covers both
            who = persons_named(new.persons or old.persons, lang)
            name = _("fine on {who}").format(who=who)
        out.append((_sign(sa, sb), (sentence.format(name=_(name), old=desc_a, new=desc_b),)))
    return out


def _same_people(old: Outcome, new: Outcome) -> bool:
    """Whether both clauses fine the same people, or only one of them fines anyone."""
    return not (old.person_fine and new.person_fine) or set(old.persons) == set(new.persons)


def _people(old: Outcome, new: Outcome, lang: str) -> list[_Change]:
    """More or fewer people fined, where both clauses fine people."""
    if set(new.persons) == set(old.persons) or not (new.person_fine and old.person_fine):
        return []
    _ = gettext_for(lang)
    more = set(new.persons) > set(old.persons)
    added = [getattr(term("persons", p), lang) for p in new.persons if p not in old.persons]
    reason = (
        _("More people are fined: {names}.").format(names=_(", ").join(added))
        if more
        else _("Fewer people are fined.")
    )
    return [(1 if more else -1 if set(new.persons) < set(old.persons) else 2, (reason,))]


def _penalties(old: Outcome, new: Outcome, lang: str) -> list[_Change]:
    """Penalties named by one clause and not the other (a renamed measure counts as the same)."""
    same = same_measures(old.version, new.version)
    ma, mb = _measures(old, same), _measures(new, same)
    if ma == mb:
        return []
    _ = gettext_for(lang)
    # in the order the clause names them (2016 Art. 62: 暂停相关业务、停业整顿、关闭网站…)
    added = [m for m in dict.fromkeys(same.get(i, i) for i in new.measure_ids) if m in mb - ma]
    dropped = [m for m in dict.fromkeys(old.measure_ids) if m in ma - mb]

    def names(ids: list[str]) -> str:
        return _(", ").join(getattr(term("measures", m), lang) for m in ids)

    reasons = []
    if added:
        reasons.append(_("New measures: {names}.").format(names=names(added)))
    if dropped:
        reasons.append(_("Measures no longer named: {names}.").format(names=names(dropped)))
    return [(1 if not dropped else -1 if not added else 2, tuple(reasons))]


def _reworded(old: Outcome, new: Outcome, lang: str) -> tuple[str, ...]:
    """Penalties both clauses name in different words (2016 关闭网站, 2025 关闭网站或者应用程序).

    The comparison counts them as one kind of penalty (``data/penalties/correspondence.yaml``),
    but their wording and their reach differ, and the reasons say so.
    """
    same = same_measures(old.version, new.version)
    _ = gettext_for(lang)
    return tuple(
        _("{old} is now {new}: the wording and the reach of this penalty differ.").format(
            old=getattr(term("measures", same[m]), lang), new=getattr(term("measures", m), lang)
        )
        for m in dict.fromkeys(new.measure_ids)
        if same.get(m, m) != m and same[m] in old.measure_ids
    )


def _sign(a: tuple[int, int], b: tuple[int, int]) -> int:
    if b[0] >= a[0] and b[1] >= a[1]:
        return 1
    if b[0] <= a[0] and b[1] <= a[1]:
        return -1
    return 2


def _describe(r: Range | None, may: bool, unit: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    if r is None:
        return _("none")
    worded = _("{range} (may)") if may else _("{range} (shall)")
    return worded.format(range=r.label(unit, lang))
