"""A plotly picture of the obligation tree: questions, the subjects they make you, and the duties.

Each branch is a question answered "yes" (a subject, then any further condition); each leaf is a
duty, labelled with its provision in the chosen version and coloured by how a breach is dealt
with. Given a profile, the duties that do not apply to it are greyed out.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from csl_helpers.law.load import version_info
from csl_helpers.obligations.duties import (
    Condition,
    Obligation,
    Profile,
    obligations,
    obligations_for,
    subjects,
)
from csl_helpers.obligations.questionnaire import question

KIND_COLOURS = {"penalty": "#c0392b", "referral": "#d68910", "none": "#7f8c8d"}
"""Leaf colours by enforcement kind."""
KIND_LABELS = {
    "penalty": "a clause of Chapter 6 sets the penalty",
    "referral": "referred to other laws",
    "none": "no clause of Chapter 6 of its own",
}
BRANCH_COLOUR = "#d6e4f0"
OFF_COLOUR = "#eeeeee"


def _condition_label(condition: Condition, lang: str) -> str:
    if condition.op == "fact":
        return question(condition.fact or "").label(lang)
    if condition.op == "not":
        inner = _condition_label(condition.parts[0], lang)
        return f"not: {inner}" if lang == "en" else f"非：{inner}"
    sep = {"all": (" and ", "且"), "any": (" or ", "或")}[condition.op][lang == "zh"]
    return sep.join(_condition_label(p, lang) for p in condition.parts)


def _wrap(text: str, lang: str) -> str:
    width = 60 if lang == "en" else 30
    return (
        "<br>".join(textwrap.wrap(text, width))
        if lang == "en"
        else "<br>".join(text[i : i + width] for i in range(0, len(text), width))
    )


def obligation_tree(version: str, lang: str = "en", profile: Profile | None = None) -> go.Figure:
    """An icicle chart of who owes which duty under ``version``.

    Args:
        version: "2016" or "2025".
        lang: "en" or "zh" for the labels.
        profile: if given, duties that do not apply to it are shown in grey.
    """
    version = version_info(version).id
    applies = {d.id for d in obligations_for(profile, version)} if profile is not None else None
    root = "root"
    ids = [root]
    labels = [f"{version} text" if lang == "en" else f"{version}年文本"]
    parents = [""]
    colours = [BRANCH_COLOUR]
    hovers = [labels[0]]

    def add(node: str, label: str, parent: str, colour: str, hover: str) -> None:
        if node not in ids:
            ids.append(node)
            labels.append(label)
            parents.append(parent)
            colours.append(colour)
            hovers.append(hover)

    by_id = {s.id: s for s in subjects()}

    def subject_node(subject_id: str) -> str:
        subject = by_id[subject_id]
        parent = subject_node(subject.is_a) if subject.is_a else root
        node = f"subject:{subject.id}"
        asked = (
            question(subject.fact).text(lang)
            if subject.fact
            else ("Asked of no one: these duties bind everyone" if lang == "en" else "人人适用")
        )
        add(node, subject.name(lang), parent, BRANCH_COLOUR, _wrap(asked, lang))
        return node

    for ob in obligations():
        if not ob.in_version(version):
            continue
        parent = subject_node(ob.subject.id)
        if ob.condition is not None:
            label = _condition_label(ob.condition, lang)
            node = f"{parent}|{label}"
            add(node, label, parent, BRANCH_COLOUR, _wrap(label, lang))
            parent = node
        add(
            f"duty:{ob.id}",
            _leaf_label(ob, version, lang),
            parent,
            _leaf_colour(ob, version, applies),
            _leaf_hover(ob, version, lang),
        )
    title = (
        f"Who owes which duty under the {version} text"
        if lang == "en"
        else f"{version}年文本：谁承担哪些义务"
    )
    fig = go.Figure(
        go.Icicle(
            ids=ids,
            labels=labels,
            parents=parents,
            marker={"colors": colours},
            hovertext=hovers,
            hoverinfo="text",
            tiling={"orientation": "h"},
            maxdepth=4,
        )
    )
    fig.update_layout(title=title, margin={"t": 50, "l": 10, "r": 10, "b": 10}, height=700)
    return fig


def _leaf_label(ob: Obligation, version: str, lang: str) -> str:
    sep = ", " if lang == "en" else "、"
    return sep.join(p.citation(lang) for p in ob.provisions[version])


def _leaf_colour(ob: Obligation, version: str, applies: set[str] | None) -> str:
    if applies is not None and ob.id not in applies:
        return OFF_COLOUR
    return KIND_COLOURS[ob.enforcement[version].kind]


def _leaf_hover(ob: Obligation, version: str, lang: str) -> str:
    enforcement = ob.enforcement[version]
    lines = [_wrap(ob.duty(lang), lang), _wrap(enforcement.summary(lang), lang)]
    if lang == "en":
        lines.append(f"({KIND_LABELS[enforcement.kind]})")
    return "<br>".join(lines)
