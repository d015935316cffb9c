"""What the liability notebook (Chapter 6) shows, one call each, every figure from the text.

The clause of a duty (:func:`clause`), an outcome for each tier (:func:`every_tier`), fines
either side of a threshold of illegal gains (:func:`gains_table`), every fined conduct and tier
(:func:`fined_clauses`), the verdicts of the amendment (:func:`verdicts_table`) and the rules a
version offers for a lighter penalty (:func:`mitigation_table`). The tables take the reader's
language, ``lang="en"`` (the default) or ``"zh"``; a tier is named by its clause's words
(:func:`~csl_helpers.penalties.clauses.tier_name`), never by its id.
"""

from __future__ import annotations

from csl_helpers.law.citations import cite_provisions
from csl_helpers.law.display import RichDisplay, Shown, Stack, Table
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons.table_words import in_lang, lesson_table, translate
from csl_helpers.obligations.duties import obligation
from csl_helpers.penalties import Circumstances, conducts, rule, simulate, tiers_of
from csl_helpers.penalties.clauses import tier_name
from csl_helpers.penalties.comparison import VERDICT_NAMES, VERDICTS, version_changes
from csl_helpers.penalties.model import Range
from csl_helpers.penalties.version_rule import ApplicableLaw

__all__ = [
    "clause",
    "every_tier",
    "fined_clauses",
    "gains_table",
    "mitigation_table",
    "together",
    "verdicts_table",
]


def together(*items: RichDisplay) -> Stack:
    """Several values shown one after the other, a blank line between their plain texts."""
    return Stack(items, separator="\n\n")


def clause(duty_id: str, version: str, n: int = 0) -> Provision:
    """The clause of the liability chapter that deals with a breach of a duty (the n-th).

    Raises:
        LookupError: for an unknown duty; IndexError where it has no ``n``-th clause.
    """
    return obligation(duty_id).enforcement[version].rules[n]


def every_tier(
    version: str, provision: Provision, tiers: tuple[str, ...] = (), lang: str = "en"
) -> Stack | Shown:
    """The outcome of ``provision`` in each of its tiers (or in ``tiers``), in order."""
    chosen = tiers or tiers_of(version, provision)
    outcomes = together(*(simulate(version, provision, Circumstances(tier=t)) for t in chosen))
    return in_lang(outcomes, lang)


def gains_table(version: str, provision: Provision, lang: str = "en") -> Table:
    """The fine for illegal gains of nil, either side of the clause's threshold, and three times it.

    Raises:
        ValueError: where the clause's base fine sets no threshold of illegal gains.
    """
    fine = rule(version, provision.article, provision.paragraph).tiers[0].fine
    edges = [c.gains_below for c in (fine.cases if fine else ()) if c.gains_below]
    if not edges:
        raise ValueError(f"{provision.citation()} of the {version} text sets no gains threshold")
    edge = edges[0]
    _ = translate(lang)
    rows = []
    for gains in (0, edge - 1, edge, 3 * edge):
        o = simulate(version, provision, Circumstances(illegal_gains=gains))
        shown = f"{gains:,}" if lang == "en" else Range(gains, gains).label("yuan", "zh")
        fine = o.fine.label("yuan", lang) if o.fine else "-"
        rows.append((shown, fine, o.fine_wording or ""))
    title = _("{version} text, {citation}: the fine by illegal gains").format(
        version=version, citation=provision.citation(lang, version)
    )
    head = (_("illegal gains (yuan)"), _("fine"), "罚款") if lang == "en" else (_("illegal gains"),)
    if lang == "zh":
        head += (_("fine"), _("the Law's words"))
    return lesson_table(title, head, rows, version, lang)


def _fine(r: Range | None, may: bool, lang: str = "en") -> str:
    if r is None:
        return "-"
    _ = translate(lang)
    shown = _("{fine} (may)") if may else _("{fine} (shall)")
    return shown.format(fine=r.label("yuan", lang))


def fined_clauses_table(version: str, lang: str = "en") -> Table:
    """Every conduct and tier of ``version`` that carries a fine, with may or shall.

    Amounts that depend on illegal gains are those for gains of nil; fines that are multiples
    of a procurement amount are left out.
    """
    _ = translate(lang)
    rows = []
    for c in conducts(version):
        if "procurement_amount" in c.needs:
            continue
        for tier in c.tiers:
            o = simulate(version, c, Circumstances(tier=tier))
            if o.fine is None and o.person_fine is None:
                continue
            clause = c.provision.citation(lang, version)
            if o.basis_provision != Provision(c.rule.article, c.rule.paragraph):
                # the tier's fine is set by another paragraph (2025 Art. 61(3)): cite it too
                clause += f"（{o.citation(lang)}）" if lang == "zh" else f" ({o.citation(lang)})"
            rows.append(
                (
                    clause,
                    tier_name(version, c, tier, lang),
                    _fine(o.fine, o.fine_discretionary, lang),
                    _fine(o.person_fine, o.person_fine_discretionary, lang),
                )
            )
    head = (_("clause"), _("tier"), _("fine on the offender"), _("fine on the people"))
    title = _("{version} text: every fined clause").format(version=version)
    return lesson_table(title, head, rows, version, lang)


def fined_clauses(lang: str = "en") -> Stack:
    """:func:`fined_clauses_table` for every version."""
    return Stack(tuple(fined_clauses_table(v, lang) for v in version_ids()))


def verdicts_table(lang: str = "en") -> Table:
    """Each earlier clause by the verdict of the amendment on it, the same in all its tiers.

    The clauses are the earlier text's: the table carries its out-of-force note.
    """
    _ = translate(lang)
    verdicts: dict[Provision, set[str]] = {}
    for c in version_changes():
        verdicts.setdefault(c.old.provision, set()).add(c.verdict)
    earlier = version_changes()[0].old.version

    def name(verdict: str) -> str:
        return verdict if lang == "en" else _(VERDICT_NAMES[verdict])

    def cited(ps: list[Provision]) -> str:  # 第五十九条第一款、第二款, as the Law lists them
        return cite_provisions(ps, lang, earlier) if ps else _("none")

    rows = [
        (name(v), cited([k for k, found in verdicts.items() if found == {v}])) for v in VERDICTS
    ]
    others = cite_provisions([k for k, v in verdicts.items() if len(v) > 1], lang, earlier)
    rows.append((_("other"), others or _("none")))
    head = (_("verdict"), _("clauses"))
    return lesson_table(_("What the amendment did to each clause"), head, rows, earlier, lang)


def mitigation_table(decision: ApplicableLaw, lang: str = "en") -> Table:
    """The rules that could make the penalty lighter, reduced or none, for the authority.

    In Chinese each rule is cited and quoted as the Administrative Penalty Law words it.
    """
    _ = translate(lang)
    rows = tuple(
        (str(p.provision), p.explanation) if lang == "en" else (p.provision_zh, p.zh)
        for p in decision.possibilities
    )
    head = (_("provision"), _("what it allows"))
    return lesson_table(_("Rules to examine for a lighter penalty"), head, rows, None, lang)
