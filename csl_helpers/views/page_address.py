"""The page's address kept in step with a dashboard's model, and focus moved to new content.

:class:`PageAddress` is a small front end (anywidget, its module inline: a page fetches
nothing from outside its server) with no pixels of its own. In Voila it writes the model's
address (:meth:`csl_helpers.views.addressed.Addressed.address`) into the page's URL with
``history.pushState`` (a new view: Back returns to the one before) or ``replaceState``, and
when Back or Forward bring another entry (``popstate``) it sends that entry's query to the
kernel, which opens it. In JupyterLab, where the URL is the Lab's own, it writes nothing.
:meth:`PageAddress.focus` moves the keyboard's focus to an element of the dashboard (the
article just opened, the checklist just made), so a screen reader reads the new content.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import anywidget
from traitlets import Unicode

from csl_helpers.translation import N_, gettext_for
from csl_helpers.views.addressed import Addressed

WHAT = {
    "article": N_("Could not open the requested article: {reason}"),
    "clause": N_("Could not open the requested clause: {reason}"),
    "checklist": N_("Could not open the requested checklist: {reason}"),
}
"""The sentence that tells an address a dashboard could not open, by what it opens."""

ESM = """
function render({ model, el }) {
  const voila = /\\/voila\\/render\\//.test(window.location.pathname);
  const here = () => window.location.search.replace(/^\\?/, "");
  let written = false;
  const write = () => {
    if (!voila) return;
    const query = model.get("query");
    if (query === here()) return;
    const url = window.location.pathname + (query ? `?${query}` : "") + window.location.hash;
    if (written && model.get("history") === "push") window.history.pushState({}, "", url);
    else window.history.replaceState({}, "", url);
    written = true;
  };
  const popped = () => {
    if (!voila) return;
    model.set("query", here());
    model.save_changes();
  };
  const focus = (msg) => {
    if (!msg || typeof msg.focus !== "string") return;
    const root = el.closest(".csl-dashboard-root") || document;
    const go = (tries) => {
      const target = root.querySelector(msg.focus);
      if (!target) {
        if (tries > 0) setTimeout(() => go(tries - 1), 50);
        return;
      }
      if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    };
    requestAnimationFrame(() => go(20));
  };
  const name = () => {
    if (voila && model.get("title")) document.title = model.get("title");
    if (voila && model.get("lang")) document.documentElement.lang = model.get("lang");
  };
  model.on("change:query", write);
  model.on("change:title", name);
  model.on("change:lang", name);
  model.on("msg:custom", focus);
  window.addEventListener("popstate", popped);
  write();
  name();
  written = true; // the page's own entry is the first view: what follows is pushed after it
  return () => {
    model.off("change:query", write);
    model.off("change:title", name);
    model.off("change:lang", name);
    model.off("msg:custom", focus);
    window.removeEventListener("popstate", popped);
  };
}
export default { render };
"""


class PageAddress(anywidget.AnyWidget):
    """The address of the page a dashboard is shown in, and where its focus goes.

    ``query`` is the address's query without ``?``; the kernel sets it with ``history`` saying
    whether the change is a new view (``"push"``) or the same one (``"replace"``); the page
    sets it when Back or Forward bring another entry.
    """

    _esm = ESM
    description = N_("The page's address")
    """What messages about it call it."""
    query = Unicode("").tag(sync=True)
    history = Unicode("replace").tag(sync=True)
    title = Unicode("").tag(sync=True)
    """The page's title (its browser tab) in the page's language; empty: the notebook's own."""
    lang = Unicode("").tag(sync=True)
    """The page's language as ``<html lang>`` names it (``zh-Hans``); empty: the page's own."""

    def __init__(self) -> None:
        super().__init__(layout={"display": "none"})

    def focus_on(self, selector: str) -> None:
        """Move the keyboard's focus to the first element of the dashboard ``selector`` finds."""
        self.send({"focus": selector})


class AddressKeeper:
    """Keeps ``page``'s address in step with ``model`` both ways.

    A change of a field of :attr:`~Addressed.ADDRESS` writes the address (a field of
    :attr:`~Addressed.REPLACING` replaces the current entry, any other adds one); an address
    the page brings back (Back, Forward) is opened in the model, as is one given to
    :meth:`open` (the page's own at its request). An address that cannot be opened is told in
    ``message`` (an HTML widget), naming ``what`` could not be opened and why.
    """

    def __init__(
        self, model: Addressed, page: PageAddress, message: Any, what: str, css_class: str = ""
    ) -> None:
        self.model, self.page = model, page
        self.report: Callable[[Exception | str], None] = lambda problem: setattr(
            message, "value", problem_html(what, problem, css_class, getattr(model, "lang", "en"))
        )
        self._opening = False
        page.query = model.address()
        model.observe(self._write, list(model.ADDRESS))
        page.observe(lambda change: self._read(change["new"]), "query")

    def open(self, query: str) -> bool:
        """Open ``query`` in the model (replacing the page's entry); whether it could be."""
        return self._read(query)

    def _write(self, change: dict) -> None:
        query = self.model.address()
        if query == self.page.query:
            return
        replace = self._opening or change["name"] in self.model.REPLACING
        opening, self._opening = self._opening, True  # the page's echo is not read back
        try:
            with self.page.hold_sync():
                self.page.history = "replace" if replace else "push"
                self.page.query = query
        finally:
            self._opening = opening

    def _read(self, query: str) -> bool:
        if self._opening:
            return True
        self._opening = True
        try:
            self.model.open_address(query)
        except (ValueError, LookupError) as exc:
            self.report(exc)
            return False
        else:
            self.report("")
            self._write({"name": ""})  # an address that named less than all, written in full
            return True
        finally:
            self._opening = False


def problem_html(what: str, problem: Exception | str, css_class: str = "", lang: str = "en") -> str:
    """The sentence a page shows when its address cannot be opened (``""`` for no problem).

    ``what`` is the dashboard's kind of view (a key of :data:`WHAT`, or another word, told in
    English); the sentence is in ``lang``, and so is the reason where the error can word it
    (its ``worded(lang)``), else as the check gave it.
    """
    if not problem:
        return ""
    worded = getattr(problem, "worded", None)
    reason = worded(lang) if callable(worded) else str(problem)
    template = WHAT.get(what, "Could not open the requested " + what + ": {reason}")
    sentence = gettext_for(lang)(template).format(reason=reason)
    return (
        f'<p role="alert" class="csl-address-error {css_class}" style="color:#a00;'
        f'font-weight:bold">{escape(sentence)}</p>'
    )
