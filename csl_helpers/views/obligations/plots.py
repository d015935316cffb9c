"""A plotly picture of the obligation tree: questions, the subjects they make you, and the duties.

Each branch is a question answered "yes" (a subject, then any further condition); each leaf is a
duty, labelled with its provision in the chosen version and coloured by how a breach is dealt
with. Given a profile, the duties that do not apply to it are greyed out.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from csl_helpers.law.version_registry import version_info
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


class _Nodes:
    """The icicle's nodes in the order they are added, each once: id, label, parent, colour."""

    def __init__(self, root_label: str) -> None:
        self.ids, self.labels, self.parents = ["root"], [root_label], [""]
        self.colours, self.hovers = [BRANCH_COLOUR], [root_label]

    def add(self, node: str, label: str, parent: str, colour: str, hover: str) -> None:
        if node not in self.ids:
            self.ids.append(node)
            self.labels.append(label)
            self.parents.append(parent)
            self.colours.append(colour)
            self.hovers.append(hover)

    def subject(self, subject_id: str, lang: str) -> str:
        """The node of a subject, under the subject it is a kind of (added as needed)."""
        subject = {s.id: s for s in subjects()}[subject_id]
        parent = self.subject(subject.is_a, lang) if subject.is_a else "root"
        node = f"subject:{subject.id}"
        asked = (
            question(subject.fact).text(lang)
            if subject.fact
            else ("Asked of no one: these duties bind everyone" if lang == "en" else "人人适用")
        )
        self.add(node, subject.name(lang), parent, BRANCH_COLOUR, _wrap(asked, lang))
        return node


def _nodes(version: str, lang: str, applies: set[str] | None) -> _Nodes:
    """Every duty of ``version`` under its subject and condition."""
    nodes = _Nodes(f"{version} text" if lang == "en" else f"{version}年文本")
    for ob in obligations():
        if not ob.in_version(version):
            continue
        parent = nodes.subject(ob.subject.id, lang)
        if ob.condition is not None:
            label = _condition_label(ob.condition, lang)
            node = f"{parent}|{label}"
            nodes.add(node, label, parent, BRANCH_COLOUR, _wrap(label, lang))
            parent = node
        nodes.add(
            f"duty:{ob.id}",
            _leaf_label(ob, version, lang),
            parent,
            _leaf_colour(ob, version, applies),
            _leaf_hover(ob, version, lang),
        )
    return nodes


def obligation_tree(version: str, lang: str = "en", profile: Profile | None = None) -> go.Figure:
    """An icicle chart of who owes which duty under ``version``.

    Args:
        version: a version id, e.g. "2016" or "2025".
        lang: "en" or "zh" for the labels.
        profile: if given, duties that do not apply to it are shown in grey.
    """
    version = version_info(version).id
    applies = {d.id for d in obligations_for(profile, version)} if profile is not None else None
    nodes = _nodes(version, lang, applies)
    title = (
        f"Who owes which duty under the {version} text"
        if lang == "en"
        else f"{version}年文本：谁承担哪些义务"
    )
    fig = go.Figure(
        go.Icicle(
            ids=nodes.ids,
            labels=nodes.labels,
            parents=nodes.parents,
            marker={"colors": nodes.colours},
            hovertext=nodes.hovers,
            hoverinfo="text",
            tiling={"orientation": "h"},
            maxdepth=4,
        )
    )
    fig.update_layout(title=title, margin={"t": 50, "l": 10, "r": 10, "b": 10}, height=700)
    return fig


def _leaf_label(ob: Obligation, version: str, lang: str) -> str:
    sep = ", " if lang == "en" else "、"
    return sep.join(p.citation(lang, version) for p in ob.provisions[version])


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
