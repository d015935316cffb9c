"""Does the Law reach this case? Pick where the network is and what the actor does.

The finding comes from :func:`csl_helpers.scope.reach`, for both versions at once, with the
provision that decides it and the decisive words marked in the Chinese text.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from csl_helpers.law.load import load_law, version_ids
from csl_helpers.lessons.scope import Finding, activities, networks, reach

STYLE = """<style>
.csl-scope-cols { display: flex; gap: 1.5em; }
.csl-scope-cols > div { flex: 1 1 0; border-left: 4px solid #36c; padding-left: 0.8em; }
.csl-scope-applies, .csl-scope-liable, .csl-scope-liable_and_sanctions { color: #176317; }
.csl-scope-not_reached { color: #a31515; }
</style>"""


def finding_html(finding: Finding) -> str:
    """One version's finding: the outcome, why, and the provision with the decisive words."""
    law = load_law(finding.version)
    zh = escape(law.text_of(finding.provision, "zh"))
    quote = escape(finding.quote)
    zh = zh.replace(quote, f"<mark>{quote}</mark>", 1)
    en = escape(law.text_of(finding.provision, "en"))
    cite = f"{finding.provision.citation('en')} · {finding.provision.citation('zh')}"
    return (
        f"<div><h4>{escape(finding.version)} text</h4>"
        f'<p class="csl-scope-{finding.outcome}"><b>{escape(finding.summary)}</b></p>'
        f"<p>{escape(finding.reason)}</p>"
        f"<p><b>{escape(cite)}</b></p><p lang='zh'>{zh}</p><p lang='en'>{en}</p></div>"
    )


class ScopeWidget:
    """Pickers for the facts, and the finding of each version beside the other."""

    def __init__(self) -> None:
        self.network = w.Dropdown(
            options=[(c.en, c.id) for c in networks()],
            description="Network",
            layout=w.Layout(width="40em"),
        )
        self.activity = w.Dropdown(
            options=[(c.en, c.id) for c in activities()],
            description="Actor",
            layout=w.Layout(width="40em"),
        )
        self.serious = w.Checkbox(value=False, description="It caused serious consequences")
        self.result = w.HTML()
        for widget, name in (
            (self.network, "csl-scope-network"),
            (self.activity, "csl-scope-activity"),
            (self.serious, "csl-scope-serious"),
            (self.result, "csl-scope-result"),
        ):
            widget.add_class(name)
            if widget is not self.result:
                widget.observe(lambda _: self.render(), "value")
        self.widget = w.VBox(
            [w.HTML(STYLE), self.network, self.activity, self.serious, self.result]
        )
        self.render()

    def render(self) -> None:
        """Show the finding of every version for the facts now picked."""
        findings = [
            reach(
                v,
                network=self.network.value,
                activity=self.activity.value,
                serious=self.serious.value,
            )
            for v in version_ids()
        ]
        self.result.value = (
            '<div class="csl-scope-cols">' + "".join(map(finding_html, findings)) + "</div>"
        )


def scope_widget() -> w.Widget:
    """The "does the Law reach this case?" widget of Chapter 1."""
    return ScopeWidget().widget
