"""Tables the notebooks show, one call each, every cell read from ``data/`` by the package.

Each function returns a :class:`~csl_helpers.law.display.Table`, which a notebook shows as an
HTML table and nbval compares as aligned plain text, so no notebook builds a table by hand.
"""

from __future__ import annotations

from csl_helpers.law.amendment import decision_items
from csl_helpers.law.concordance import (
    change_of,
    concordance,
    concordance_rows,
    concordance_versions,
)
from csl_helpers.law.display import Stack, Table
from csl_helpers.law.glossary import glossary
from csl_helpers.law.links import article_links
from csl_helpers.law.load import load_law, version_ids
from csl_helpers.lessons.definitions import examples
from csl_helpers.lessons.incident import incident_steps
from csl_helpers.lessons.scope import reach
from csl_helpers.lessons.statistics import chapter_sizes, duties_per_subject, tiers_per_severity
from csl_helpers.obligations.checklist import checklist
from csl_helpers.obligations.duties import Profile, obligation, obligations_for
from csl_helpers.obligations.questionnaire import question
from csl_helpers.penalties.ceilings import ceiling_pairs

__all__ = [
    "ceilings_table",
    "chapter_changes",
    "chapters_table",
    "origins_table",
    "changed_articles_table",
    "chapter_sizes_table",
    "decision_table",
    "defined_terms",
    "checklists",
    "duties",
    "duties_of",
    "duties_per_subject_table",
    "examples_table",
    "incident_table",
    "links_table",
    "reach_table",
    "search_table",
    "sources_table",
    "tiers_table",
    "versions_table",
    "why_asked",
]


def versions_table() -> Table:
    """Every version of the Law: when adopted, in force from and until, how many articles."""
    rows = []
    for v in (load_law(i).info for i in version_ids()):
        until = v.in_force_until.isoformat() if v.in_force_until else "today"
        rows.append(
            (f"{v.id} text", str(v.adopted), str(v.in_force_from), until, str(v.article_count))
        )
    head = ("version", "adopted", "in force from", "until", "articles")
    return Table("The versions of the Law", head, tuple(rows))


def reach_table(network: str, activity: str, serious: bool = False) -> Table:
    """Whether each version reaches a case (:func:`~csl_helpers.lessons.scope.reach`), and why."""
    rows = []
    for v in version_ids():
        f = reach(v, network=network, activity=activity, serious=serious)
        rows.append((f"{v} text", f.provision.citation(), f.summary.en, f.reason.en))
    head = ("version", "provision", "finding", "why")
    return Table("Does the Law reach this case?", head, tuple(rows))


def incident_table() -> Table:
    """The steps of an incident, the provision of each version and who acts (as the Law says)."""
    rows = []
    for step in incident_steps():
        cites = " / ".join(f"{v} {p.citation()}" for v, p in step.provisions)
        who = "; ".join(a.zh for a in step.actors)
        rows.append((str(step.number), step.title.en, cites, who))
    return Table("An incident, step by step", ("", "step", "provision", "who acts"), tuple(rows))


def defined_terms(version: str | None = None) -> Stack:
    """Every term ``version`` (default: the latest) defines, each with its definition."""
    return Stack(glossary(version or version_ids()[-1]), separator="\n\n")


def examples_table(count: int = 3) -> Table:
    """The first ``count`` everyday examples of the sorting exercise and their answers."""
    rows = tuple(
        (ex.example.en, ex.question(), ex.check(True).answer.en) for ex in examples()[:count]
    )
    return Table("Everyday examples", ("example", "question", "answer"), rows)


def duties_of(profile: Profile, *, theme: str = "", subject: str = "", kind: str = "") -> Stack:
    """A profile's duties in each version, optionally of one theme, subject or kind of breach.

    Each version gives a table: the provision, the duty's id, how a breach is dealt with
    (``penalty``, ``referral`` or ``none``) and the clause.

    Raises:
        ValueError: for something that is not a :class:`Profile`.
    """
    tables = []
    for version in version_ids():
        rows = tuple(
            (d.citation(), d.id, d.penalty.kind, d.penalty.citation() or "-")
            for d in obligations_for(profile, version)
            if (not theme or d.theme.id == theme)
            and (not subject or d.subject.id == subject)
            and (not kind or d.penalty.kind == kind)
        )
        head = ("provision", "duty", "breach", "clause")
        tables.append(Table(f"{version} text: {len(rows)} duties", head, rows, version))
    return Stack(tuple(tables))


def duties(*ids: str) -> Stack:
    """The duties ``ids`` across the versions, each with its provisions' Chinese text.

    Raises:
        LookupError: for an unknown duty id.
    """
    return Stack(tuple(obligation(i) for i in ids), separator="\n\n")


def checklists(profile: Profile) -> Stack:
    """The checklist of ``profile`` in each version."""
    return Stack(tuple(checklist(profile, v) for v in version_ids()))


def why_asked(fact: str) -> Table:
    """Why the Navigator asks the question that sets ``fact``, with each version's provisions."""
    q = question(fact)
    rows = tuple((f"{v} text", q.why("en", v)) for v in version_ids())
    return Table(f"Why we ask: {q.text()}", ("version", "why"), rows)


def decision_table() -> Table:
    """The Decision's items: what each acts on in the earlier text and the article it makes."""
    old, new = (v.id for v in concordance_versions())
    rows = []
    for item in decision_items():
        olds = ", ".join(f"{a}" + (f"({i})" if i else "") for a, i in item.from_2016)
        olds = f"{old} Art. {olds}" if olds else "a new article"
        rows.append((f"Item {item.number}", olds, f"{new} Art. {item.article_2025}"))
    return Table("The Decision, item by item", ("item", "acts on", "makes"), tuple(rows))


def changed_articles_table() -> Table:
    """The later articles that did more than move, and where each comes from."""
    old, new = (v.id for v in concordance_versions())
    rows = tuple(
        (
            f"{new} Art. {row.article_2025}",
            ", ".join(f"{old} Art. {p.article}" for p in row.from_2016) or "-",
            f"{row.change} ({row.change_zh})",
        )
        for row in concordance_rows()
        if row.change not in ("renumbered", "unchanged")
    )
    return Table("Articles that did more than move", ("article", "from", "change"), rows)


def ceilings_table() -> Table:
    """The highest fine on the offender each penalty article fixes, before and after."""
    rows = []
    for p in ceiling_pairs():
        before, after = p.then_offender, p.now.offender
        if before or after:
            rows.append(
                (p.label(), f"{before:,}" if before else "none", f"{after:,}" if after else "none")
            )
    pair = ceiling_pairs()[0]
    head = ("article", f"{pair.before} ceiling (yuan)", f"{pair.after} ceiling (yuan)")
    return Table("Fine ceilings on the offender", head, tuple(rows))


def chapter_sizes_table() -> Table:
    """Articles, English words and Chinese characters per chapter, in every version."""
    rows = tuple(
        (
            f"{s.version} text",
            f"Ch. {s.chapter}",
            s.title,
            str(s.articles),
            str(s.words_en),
            str(s.characters_zh),
        )
        for v in version_ids()
        for s in chapter_sizes(v)
    )
    head = ("version", "chapter", "title", "articles", "words", "字")
    return Table("Articles and words per chapter", head, rows)


def duties_per_subject_table() -> Table:
    """How many duties each subject carries, in every version."""
    rows = tuple(
        (f"{v} text", subject, str(n))
        for v in version_ids()
        for subject, n in duties_per_subject(v)
    )
    return Table("Duties per subject", ("version", "subject", "duties"), rows)


def tiers_table() -> Table:
    """How many conducts of the liability chapter offer each tier, in every version."""
    rows = tuple(
        (f"{v} text", tier, str(n)) for v in version_ids() for tier, n in tiers_per_severity(v)
    )
    return Table("Penalty tiers", ("version", "tier", "conducts"), rows)


def links_table() -> Table:
    """Links between articles, how many borrow a penalty and how many articles are cited."""
    rows = []
    for v in version_ids():
        links = article_links(v)
        borrowed = sum(link.kind == "borrows_penalty" for link in links)
        rows.append(
            (f"{v} text", str(len(links)), str(borrowed), str(len({link.target for link in links})))
        )
    head = ("version", "links between articles", "borrow a penalty", "articles cited")
    return Table("The network of references", head, tuple(rows))


def chapter_changes(chapter: int) -> Table:
    """The later version's articles of ``chapter`` that did more than move, and their sources."""
    old, new = (v.id for v in concordance_versions())
    rows = []
    for article in load_law(new).chapter(chapter).articles:
        row = change_of(article.number)
        if row.change != "renumbered":
            sources = ", ".join(f"{old} Article {p.article}" for p in row.from_2016)
            rows.append(
                (
                    f"{new} {article.citation()}",
                    f"{row.change} ({row.change_zh})",
                    sources or f"no {old} text",
                )
            )
    return Table(
        f"What the amendment did to Chapter {chapter}", ("article", "change", "from"), tuple(rows)
    )


def origins_table(*numbers: int) -> Table:
    """Articles ``numbers`` of the later version and the earlier article each continues."""
    old, new = (v.id for v in concordance_versions())
    law = load_law(new)
    rows = []
    for n in numbers:
        before = concordance(n, new, old)
        origin = f"{old} Article {before}" if before else f"new in {new}"
        rows.append((f"{new} {law.article(n).citation()}", origin, law.article(n).paragraphs[0].zh))
    return Table("Where the articles come from", ("article", "continues", "条文"), tuple(rows))


def sources_table(version: str | None = None) -> Table:
    """Where each text of ``version`` (default: the one in force today) comes from."""
    info = load_law(version).info
    rows = tuple(
        (s.lang, "governs" if s.authoritative else "translation", " ".join(s.description.split()))
        for s in info.sources
    )
    return Table(f"The texts of the {info.id} version", ("lang", "status", "source"), rows, info.id)


def chapters_table(version: str | None = None) -> Table:
    """The chapters and sections of ``version`` (default: in force today) and their articles."""
    law = load_law(version)
    rows = []
    for ch in law.chapters:
        first, last = ch.articles[0].number, ch.articles[-1].number
        rows.append((f"Chapter {ch.number}", ch.title("en"), ch.title("zh"), f"{first} to {last}"))
        for s in ch.sections:
            first, last = s.articles[0].number, s.articles[-1].number
            rows.append(
                (f"  Section {s.number}", s.title("en"), s.title("zh"), f"{first} to {last}")
            )
    head = ("", "title", "标题", "articles")
    return Table(f"How the {law.version} text is organised", head, tuple(rows), law.version)


def search_table(query: str, lang: str = "en", limit: int = 5, version: str | None = None) -> Table:
    """The first ``limit`` paragraphs or items of ``version`` that contain ``query``.

    Raises:
        ValueError: for a language other than ``"en"`` or ``"zh"``.
    """
    law = load_law(version)
    hits = law.search(query, lang)
    rows = tuple((h.provision.citation(lang), h.snippet) for h in hits[:limit])
    title = f"{len(hits)} paragraphs or items of the {law.version} text contain {query!r}"
    return Table(title, ("provision", "where"), rows, law.version)
