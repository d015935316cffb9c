"""A block of HTML whose tick boxes the kernel knows: which are ticked, kept in a model.

A ``w.HTML`` can show check boxes, but what a visitor ticks stays in the page: it is lost on
a version switch or a reload and cannot reach an export. :class:`TickList` shows ``value``
(HTML, escaped by whoever built it) and keeps ``ticked``, the ids (``data-tick``) of the boxes
ticked, in step both ways. Its front end is an anywidget module inline: a page fetches
nothing from outside its server, in Voila and in JupyterLab alike. The page sends the kernel
one field, ``ticked``, which the dashboards' input guard checks against :attr:`TickList.ids`.
"""

from __future__ import annotations

import re
from html import unescape

import anywidget
from traitlets import List, Unicode, observe

ESM = """
function render({ model, el }) {
  const boxes = () => [...el.querySelectorAll("input[type=checkbox][data-tick]")];
  const tick = () => {
    const on = new Set(model.get("ticked"));
    for (const box of boxes()) box.checked = on.has(box.dataset.tick);
  };
  const draw = () => {
    el.innerHTML = model.get("value");
    tick();
  };
  el.addEventListener("change", (event) => {
    if (!event.target.matches("input[type=checkbox][data-tick]")) return;
    const on = new Set(model.get("ticked"));
    if (event.target.checked) on.add(event.target.dataset.tick);
    else on.delete(event.target.dataset.tick);
    model.set("ticked", [...on].sort());
    model.save_changes();
  });
  model.on("change:value", draw);
  model.on("change:ticked", tick);
  draw();
  return () => {
    model.off("change:value", draw);
    model.off("change:ticked", tick);
  };
}
export default { render };
"""
TICK = re.compile(r'<input type="checkbox" data-tick="([^"]*)"')


class TickList(anywidget.AnyWidget):
    """HTML with tick boxes (``<input type="checkbox" data-tick="id">``) the kernel knows.

    ``ticked``: the ids of those ticked, sorted. Ids ticked that the HTML does not show now
    are kept.
    """

    _esm = ESM
    value = Unicode("").tag(sync=True)
    ticked = List(Unicode()).tag(sync=True)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the tick boxes ``value`` shows."""
        return tuple(unescape(i) for i in TICK.findall(self.value))

    @observe("ticked")
    def _sorted(self, change: dict) -> None:
        ordered = sorted(set(change["new"]))
        if ordered != change["new"]:
            self.ticked = ordered
