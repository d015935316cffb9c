"""Choice buttons that are one control: a radio group, one Tab stop, the arrow keys move the choice.

ipywidgets' ToggleButtons draws each option as a button of its own: each is a Tab stop, none
says which is chosen to a screen reader, and the arrow keys do nothing. :class:`ChoiceButtons`
takes the same ``options`` and ``value`` (so a ``traitlets.link`` or a
:class:`~csl_helpers.views.binding.ChoiceBinding` drives it the same way) and draws them with a
small front end of its own (anywidget, its module inline, so a page fetches nothing from
outside its server, in Voila and in JupyterLab alike): a ``radiogroup`` named by the
description, each option a ``radio`` with ``aria-checked``; Tab reaches the chosen option
only, the arrow keys (and Home, End) choose the next, previous, first or last. The page sends
the kernel one field, ``index``, which the dashboards' input guard checks. A pick moves the
focus at once; the option is checked when the kernel answers with the choice it led to, so the
page never shows a choice ahead of the controls it changes.
"""

from __future__ import annotations

from typing import Any

import anywidget
from traitlets import Any as AnyValue
from traitlets import Int, List, TraitError, Unicode, observe, validate

ESM = """
function render({ model, el }) {
  el.classList.add("csl-choice");
  const name = document.createElement("span");
  name.className = "csl-choice-name";
  name.id = `csl-choice-${Math.random().toString(36).slice(2)}`;
  const group = document.createElement("div");
  group.className = "csl-choice-options";
  group.setAttribute("role", "radiogroup");
  group.setAttribute("aria-labelledby", name.id);
  el.append(name, group);
  const buttons = () => [...group.children];
  // The option checked is the kernel's choice: a pick moves the focus at once and the check
  // when the kernel has answered it, after every change it made to the page's other controls.
  let checked = model.get("index");
  const draw = () => {
    const description = model.get("description");
    name.textContent = description;
    name.hidden = !description;
    const labels = model.get("labels");
    const index = checked;
    const shown = buttons().map((b) => b.textContent);
    if (shown.join("\\u0000") !== labels.join("\\u0000") || shown.length !== labels.length) {
      const focused = group.contains(document.activeElement);
      group.replaceChildren(...labels.map((text, i) => {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "csl-choice-option";
        b.setAttribute("role", "radio");
        b.dataset.index = String(i);
        b.textContent = text;
        return b;
      }));
      if (focused && labels.length) group.children[index ?? 0].focus();
    }
    buttons().forEach((b, i) => {
      const on = i === index;
      b.setAttribute("aria-checked", String(on));
      b.classList.toggle("csl-choice-on", on);
      b.tabIndex = on || (index === null && i === 0) ? 0 : -1;
    });
  };
  const choose = (i, focus) => {
    if (i !== model.get("index")) {
      model.set("index", i, { fromPage: true });
      model.save_changes();
    }
    draw();
    if (focus) group.children[i].focus();
  };
  const steps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  group.addEventListener("click", (event) => {
    const b = event.target.closest(".csl-choice-option");
    if (b) choose(Number(b.dataset.index), false);
  });
  group.addEventListener("keydown", (event) => {
    const n = group.children.length;
    const b = event.target.closest(".csl-choice-option");
    if (!b || !n) return;
    let i = Number(b.dataset.index);
    if (event.key in steps) i = (i + steps[event.key] + n) % n;
    else if (event.key === "Home") i = 0;
    else if (event.key === "End") i = n - 1;
    else return;
    event.preventDefault();
    choose(i, true);
  });
  const moved = (_, index, options) => {
    if (!(options && options.fromPage)) {
      checked = index;
      draw();
    }
  };
  const answered = (content) => {
    if (content && "answered" in content) {
      checked = content.answered;
      draw();
    }
  };
  model.on("change:labels", draw);
  model.on("change:index", moved);
  model.on("change:description", draw);
  model.on("msg:custom", answered);
  draw();
  return () => {
    model.off("change:labels", draw);
    model.off("change:index", moved);
    model.off("change:description", draw);
    model.off("msg:custom", answered);
  };
}
export default { render };
"""
CSS = """
.csl-choice { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em 0.6em;
  max-width: 100%; margin: 2px 1.5em 2px 0; }
.csl-choice-name { min-width: var(--jp-widgets-inline-label-width, 8em); }
.csl-choice-options { display: flex; flex-wrap: wrap; gap: 0.3em; max-width: 100%; }
.csl-choice-option { font: inherit; font-size: var(--jp-widgets-font-size, 1em); line-height: 1.3;
  min-height: var(--jp-widgets-inline-height, 28px); padding: 0.3em 0.9em; cursor: pointer;
  background: #eeeeee; color: #1a1a1a; border: 1px solid #8a8a8a; border-radius: 2px;
  white-space: normal; max-width: 100%; text-align: center; }
.csl-choice-option.csl-choice-on { background: #0b4a8f; color: #ffffff; border-color: #0b4a8f; }
.csl-choice-option:focus-visible { outline: 3px solid #0b4a8f; outline-offset: 2px; }
@media (max-width: 600px) { .csl-choice-name { min-width: 0; } }
"""


def _pairs(options: Any) -> tuple[tuple[str, Any], ...]:
    """Options as ``(label, value)`` pairs; a plain option is its own label."""
    pairs = []
    for option in options:
        if isinstance(option, tuple | list) and len(option) == 2:
            pairs.append((str(option[0]), option[1]))
        else:
            pairs.append((str(option), option))
    return tuple(pairs)


class ChoiceButtons(anywidget.AnyWidget):
    """One choice among a few options, drawn as buttons that form one radio group.

    Args:
        options: ``(label, value)`` pairs (or values that are their own labels), as for
            ``ipywidgets.ToggleButtons``.
        value: the option chosen (default: the first).
        description: the group's name, shown before it and read by a screen reader.

    Setting ``options`` keeps the value where it is still offered, else chooses the first
    (as ipywidgets' selections do); setting a ``value`` not offered is refused, naming the
    choices.
    """

    _esm = ESM
    _css = CSS
    description = Unicode("").tag(sync=True)
    labels = List(Unicode()).tag(sync=True)
    index = Int(None, allow_none=True).tag(sync=True)
    options = AnyValue(())
    value = AnyValue(None, allow_none=True)

    def __init__(self, options: Any = (), value: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.options = options
        if value is not None:
            self.value = value

    @property
    def values(self) -> tuple:
        """The values of the options, in order."""
        return tuple(v for _, v in self.options)

    @validate("options")
    def _as_pairs(self, proposal: dict) -> tuple[tuple[str, Any], ...]:
        return _pairs(proposal["value"])

    @observe("options")
    def _on_options(self, change: dict) -> None:
        values = self.values
        with self.hold_sync():
            self.labels = [label for label, _ in change["new"]]
            if self.value in values:
                self.index = values.index(self.value)
            else:
                self.index = 0 if values else None
                self.value = values[0] if values else None

    @validate("value")
    def _offered(self, proposal: dict) -> Any:
        value = proposal["value"]
        if value is not None and value not in self.values:
            valid = ", ".join(repr(v) for v in self.values)
            name = self.description or "choice"
            raise TraitError(f"{name} must be one of {valid}; got {value!r}")
        return value

    @observe("value")
    def _on_value(self, change: dict) -> None:
        self.index = None if change["new"] is None else self.values.index(change["new"])

    def set_state(self, sync_data: dict) -> None:
        """Take the page's pick, then tell the page the choice it led to.

        The page checks an option when this answer comes: after the updates the pick made to
        other controls (a change of text gives the tiers of that text), so that no control is
        read, or pressed, as it stood before the pick (a quick round trip of the text left the
        tiers of the passing text checked, which the next arrow key started from).
        """
        super().set_state(sync_data)
        self.send({"answered": self.index})

    @observe("index")
    def _on_index(self, change: dict) -> None:
        index = change["new"]
        self.value = None if index is None else self.values[index]
