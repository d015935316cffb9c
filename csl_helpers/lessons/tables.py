"""Tables the notebooks show, one call each, every cell read from ``data/`` by the package.

Each function returns a :class:`~csl_helpers.law.display.Table`, which a notebook shows as an
HTML table and nbval compares as aligned plain text, so no notebook builds a table by hand.
Each takes the reader's language, ``lang="en"`` (the default) or ``"zh"``: in Chinese the
title, the headers and every cell are Chinese (the Law's words, the catalogues' for the
interface's), and no id is shown as a label.
"""

from __future__ import annotations

from csl_helpers.law.display import Shown, Stack, Table
from csl_helpers.law.glossary import glossary
from csl_helpers.law.links import article_links
from csl_helpers.law.load import load_law
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons.amendment_tables import (
    ceilings_table,
    changed_articles_table,
    chapter_changes,
    decision_table,
    origins_table,
)
from csl_helpers.lessons.definitions import examples
from csl_helpers.lessons.incident import incident_steps
from csl_helpers.lessons.scope import reach
from csl_helpers.lessons.statistics import chapter_sizes, duties_per_subject, tiers_per_severity
from csl_helpers.lessons.table_words import (
    cn,
    in_lang,
    lesson_table,
    provision_ref,
    translate,
    version_text,
    worded_day,
)
from csl_helpers.obligations.checklist import checklist
from csl_helpers.obligations.duties import Profile, obligation, obligations_for
from csl_helpers.obligations.questionnaire import question
from csl_helpers.penalties.model import term

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


def versions_table(lang: str = "en") -> Table:
    """Every version of the Law: when adopted, in force from and until, how many articles."""
    _ = translate(lang)
    rows = []
    for v in (load_law(i).info for i in version_ids()):
        until = worded_day(v.in_force_until, lang) if v.in_force_until else _("today")
        rows.append(
            (
                version_text(v.id, lang),
                worded_day(v.adopted, lang),
                worded_day(v.in_force_from, lang),
                until,
                str(v.article_count),
            )
        )
    head = (_("version"), _("adopted"), _("in force from"), _("until"), _("articles"))
    return lesson_table(_("The versions of the Law"), head, rows, None, lang)


def reach_table(network: str, activity: str, serious: bool = False, lang: str = "en") -> Table:
    """Whether each version reaches a case (:func:`~csl_helpers.lessons.scope.reach`), and why."""
    _ = translate(lang)
    rows = []
    for v in version_ids():
        f = reach(v, network=network, activity=activity, serious=serious)
        cite = f.provision.citation(lang, v)
        rows.append((version_text(v, lang), cite, f.summary.text(lang), f.reason.text(lang)))
    head = (_("version"), _("provision"), _("finding"), _("why"))
    return lesson_table(_("Does the Law reach this case?"), head, rows, None, lang)


def incident_table(lang: str = "en") -> Table:
    """The steps of an incident, the provision of each version and who acts (as the Law says)."""
    _ = translate(lang)
    rows = []
    for step in incident_steps():
        cites = " / ".join(provision_ref(v, p, lang) for v, p in step.provisions)
        who = ("；" if lang == "zh" else "; ").join(a.zh for a in step.actors)
        rows.append((str(step.number), step.title.text(lang), cites, who))
    head = ("", _("step"), _("provision"), _("who acts"))
    return lesson_table(_("An incident, step by step"), head, rows, None, lang)


def defined_terms(version: str | None = None, lang: str = "en") -> Stack | Shown:
    """Every term ``version`` (default: the latest) defines, each with its definition."""
    return in_lang(Stack(glossary(version or version_ids()[-1]), separator="\n\n"), lang)


def examples_table(count: int = 3, lang: str = "en") -> Table:
    """The first ``count`` everyday examples of the sorting exercise and their answers."""
    _ = translate(lang)
    rows = tuple(
        (ex.example.text(lang), ex.question(lang), ex.check(True).answer.text(lang))
        for ex in examples()[:count]
    )
    head = (_("example"), _("question"), _("answer"))
    return lesson_table(_("Everyday examples"), head, rows, None, lang)


def duties_of(
    profile: Profile, *, theme: str = "", subject: str = "", kind: str = "", lang: str = "en"
) -> Stack:
    """A profile's duties in each version, optionally of one theme, subject or kind of breach.

    Each version gives a table: the provision, the duty in a sentence, how a breach is dealt
    with (``penalty``, ``referral`` or ``none``; in Chinese, the clause's summary) and the
    clause.

    Raises:
        ValueError: for something that is not a :class:`Profile`.
    """
    _ = translate(lang)
    tables = []
    for version in version_ids():
        rows = tuple(
            (
                d.citation(lang),
                d.duty(lang),
                d.penalty.kind if lang == "en" else d.penalty.summary("zh"),
                d.penalty.citation(lang) or "-",
            )
            for d in obligations_for(profile, version)
            if (not theme or d.theme.id == theme)
            and (not subject or d.subject.id == subject)
            and (not kind or d.penalty.kind == kind)
        )
        head = (_("provision"), _("duty"), _("breach"), _("clause"))
        title = _("{version} text: {count} duties").format(version=version, count=len(rows))
        tables.append(lesson_table(title, head, rows, version, lang))
    return Stack(tuple(tables))


def duties(*ids: str, lang: str = "en") -> Stack | Shown:
    """The duties ``ids`` across the versions, each with its provisions' Chinese text.

    Raises:
        LookupError: for an unknown duty id.
    """
    return in_lang(Stack(tuple(obligation(i) for i in ids), separator="\n\n"), lang)


def checklists(profile: Profile, lang: str = "en") -> Stack | Shown:
    """The checklist of ``profile`` in each version."""
    return in_lang(Stack(tuple(checklist(profile, v) for v in version_ids())), lang)


def why_asked(fact: str, lang: str = "en") -> Table:
    """Why the Navigator asks the question that sets ``fact``, with each version's provisions."""
    _ = translate(lang)
    q = question(fact)
    rows = tuple((version_text(v, lang), q.why(lang, v)) for v in version_ids())
    title = _("Why we ask: {question}").format(question=q.text(lang))
    return lesson_table(title, (_("version"), _("why")), rows, None, lang)


def chapter_sizes_table(lang: str = "en") -> Table:
    """Articles, English words and Chinese characters per chapter, in every version."""
    _ = translate(lang)
    rows = tuple(
        (
            version_text(s.version, lang),
            _("Ch. {number}").format(number=s.chapter if lang == "en" else cn(s.chapter)),
            s.title if lang == "en" else s.title_zh,
            str(s.articles),
            str(s.words_en),
            str(s.characters_zh),
        )
        for v in version_ids()
        for s in chapter_sizes(v)
    )
    head = (_("version"), _("chapter"), _("title"), _("articles"), _("words"), "字")
    return lesson_table(_("Articles and words per chapter"), head, rows, None, lang)


def duties_per_subject_table(lang: str = "en") -> Table:
    """How many duties each subject carries, in every version."""
    _ = translate(lang)
    rows = tuple(
        (version_text(v, lang), subject, str(n))
        for v in version_ids()
        for subject, n in duties_per_subject(v, lang)
    )
    head = (_("version"), _("subject"), _("duties"))
    return lesson_table(_("Duties per subject"), head, rows, None, lang)


def tiers_table(lang: str = "en") -> Table:
    """How many conducts of the liability chapter offer each tier, in every version.

    Each clause names its own tiers; across clauses a tier is a level of severity, named by
    the suite's labels of ``data/penalties/vocabulary.yaml`` (never by its id).
    """
    _ = translate(lang)
    rows = tuple(
        (version_text(v, lang), term("tiers", tier).label(lang), str(n))
        for v in version_ids()
        for tier, n in tiers_per_severity(v)
    )
    head = (_("version"), _("tier"), _("conducts"))
    return lesson_table(_("Penalty tiers"), head, rows, None, lang)


def links_table(lang: str = "en") -> Table:
    """Links between articles, how many borrow a penalty and how many articles are cited."""
    _ = translate(lang)
    rows = []
    for v in version_ids():
        links = article_links(v)
        borrowed = sum(link.kind == "borrows_penalty" for link in links)
        cited = len({link.target for link in links})
        rows.append((version_text(v, lang), str(len(links)), str(borrowed), str(cited)))
    head = (_("version"), _("links between articles"), _("borrow a penalty"), _("articles cited"))
    return lesson_table(_("The network of references"), head, rows, None, lang)


def sources_table(version: str | None = None, lang: str = "en") -> Table:
    """Where each text of ``version`` (default: the one in force today) comes from.

    The descriptions of the sources are the data's (``data/versions.yaml``), in ``lang``.
    """
    _ = translate(lang)
    info = load_law(version).info
    names = {"en": _("English"), "zh": "中文"}
    rows = tuple(
        (
            s.lang if lang == "en" else names[s.lang],
            _("governs") if s.authoritative else _("translation"),
            s.description(lang),
        )
        for s in info.sources
    )
    title = _("The texts of the {version} version").format(version=info.id)
    return lesson_table(title, (_("lang"), _("status"), _("source")), rows, info.id, lang)


def chapters_table(version: str | None = None, lang: str = "en") -> Table:
    """The chapters and sections of ``version`` (default: in force today) and their articles.

    In English with the titles in both languages; in Chinese with the Chinese titles alone.
    """
    _ = translate(lang)
    law = load_law(version)
    rows = []
    parts = [
        row
        for ch in law.chapters
        for row in [(_("Chapter {number}"), "", ch)]
        + [(_("Section {number}"), "  ", s) for s in ch.sections]
    ]
    for name, indent, part in parts:
        first, last = part.articles[0].number, part.articles[-1].number
        label = indent + name.format(number=part.number if lang == "en" else cn(part.number))
        if lang == "zh":
            first, last = cn(first), cn(last)
        span = _("{first} to {last}").format(first=first, last=last)
        titles = (part.title("en"), part.title("zh")) if lang == "en" else (part.title("zh"),)
        rows.append((label, *titles, span))
    head = ("", _("title"), "标题", _("articles")) if lang == "en" else ("", "标题", _("articles"))
    title = _("How the {version} text is organised").format(version=law.version)
    return lesson_table(title, head, rows, law.version, lang)


def search_table(query: str, lang: str = "en", limit: int = 5, version: str | None = None) -> Table:
    """The first ``limit`` paragraphs or items of ``version`` that contain ``query``.

    ``lang`` is the language searched and the reader's.

    Raises:
        ValueError: for a language other than ``"en"`` or ``"zh"``.
    """
    law = load_law(version)
    hits = law.search(query, lang)
    _ = translate(lang)
    rows = tuple((h.provision.citation(lang, law.version), h.snippet) for h in hits[:limit])
    title = _("{count} paragraphs or items of the {version} text contain {query}").format(
        count=len(hits), version=law.version, query=repr(query) if lang == "en" else f"“{query}”"
    )
    return lesson_table(title, (_("provision"), _("where")), rows, law.version, lang)
