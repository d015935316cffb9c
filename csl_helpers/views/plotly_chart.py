"""A plotly figure in a widget that does not hold up the page, and changes by what changed.

A figure shown as plotly's output needs plotly's JupyterLab renderer, 4.8 MB of JavaScript the
page loads and runs before it shows any control. :class:`PlotlyChart` is a small front-end
widget (anywidget) instead: the page shows the dashboard at once, then the chart loads
plotly.js and draws. On a page of `make run` or of Voila's extension the page config names
plotly.js as a static file of the page template, named by its content (share/voila/voila.py),
which the browser fetches once and keeps; elsewhere (JupyterLab) the chart asks its kernel for
it (sent once per page, as a binary buffer of the comm message).
The figure is a real plotly figure (the JSON of a ``plotly.graph_objects.Figure``) drawn by
plotly.js.

A chart that only moves its highlight (the clause chosen among all) changes ``highlight``, a
list of trace numbers: the page restyles those traces alone (``Plotly.restyle``), giving them
the ``emphasis`` style and the others their own style back, instead of drawing the figure
again. A new ``figure`` is drawn with ``Plotly.react``, which redraws what differs.
"""

from __future__ import annotations

from typing import Any

import anywidget
from traitlets import Dict, Int, List

ESM = """
const pick = (obj, path) => path.split(".").reduce((o, k) => (o == null ? o : o[k]), obj);

// Voila shows its loading screen until every view is rendered; plotly.js (seconds of parsing
// on a slow machine) waits until the page is shown and the browser is idle.
const pageShown = () => new Promise((done) => {
  const check = () => (document.getElementById("loading") ? setTimeout(check, 50) : done());
  check();
}).then(() => new Promise((done) => {
  if (window.requestIdleCallback) requestIdleCallback(done, {timeout: 500});
  else setTimeout(done, 0);
}));

// plotly.js is loaded once per page, as a script of its own: from the file the page config
// names (cslPlotly, a static file named by its content, kept by the browser), else (a page
// without it, as in JupyterLab, or that file failing) from the first chart's kernel.
function plotlyUrl() {
  const data = document.getElementById("jupyter-config-data");
  try {
    const config = JSON.parse((data && data.textContent) || "{}");
    if (!config.cslPlotly) return null;
    return new URL(config.cslPlotly, new URL(config.baseUrl || "/", location.href)).href;
  } catch (e) {
    return null;
  }
}

const runScript = (src) => new Promise((resolve, reject) => {
  const script = document.createElement("script");
  script.src = src;
  script.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error(src)));
  script.onerror = reject;
  document.head.appendChild(script);
});

function fromKernel(model) {
  return new Promise((resolve, reject) => {
    const answer = (msg, buffers) => {
      if (!msg || msg.plotly !== true || !buffers || !buffers.length) return;
      model.off("msg:custom", answer);
      const url = URL.createObjectURL(new Blob([buffers[0]], {type: "text/javascript"}));
      runScript(url).then(resolve, reject).finally(() => URL.revokeObjectURL(url));
    };
    model.on("msg:custom", answer);
    model.send({need: "plotly"});
  });
}

function loadPlotly(model) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__cslPlotly) {
    const url = plotlyUrl();
    window.__cslPlotly = pageShown()
      .then(() => (url ? runScript(url).catch(() => fromKernel(model)) : fromKernel(model)))
      .catch((e) => { window.__cslPlotly = null; throw e; });
  }
  return window.__cslPlotly;
}

// The page waits for every view's render before it drops its loading screen: the chart's
// render returns at once and draws once plotly.js has come.
function render({ model, el }) {
  const graph = document.createElement("div");
  el.appendChild(graph);
  let shown = [];
  let Plotly = null;
  let queue = loadPlotly(model)
    .then((loaded) => { Plotly = loaded; })
    .then(() => new Promise((done) => requestAnimationFrame(done)));
  const run = (step) => (queue = queue.then(step, step));

  const emphasise = async () => {
    const figure = model.get("figure") || {};
    const data = figure.data || [];
    const wanted = (model.get("highlight") || []).filter((i) => i < data.length);
    const emphasis = model.get("emphasis") || {};
    const touched = [...new Set([...shown, ...wanted])].filter((i) => i < data.length);
    shown = wanted;
    if (!touched.length || !Object.keys(emphasis).length) return;
    const update = {};
    for (const key of Object.keys(emphasis)) {
      update[key] = touched.map((i) => {
        if (wanted.includes(i)) return emphasis[key];
        const own = pick(data[i], key);
        return own === undefined ? null : own;
      });
    }
    await Plotly.restyle(graph, update, touched);
  };
  const draw = async () => {
    const figure = model.get("figure") || {};
    if (!figure.data) { Plotly.purge(graph); shown = []; return; }
    const copy = structuredClone(figure);
    await Plotly.react(graph, copy.data, copy.layout || {}, model.get("config") || {});
    shown = [];
    await emphasise();
  };
  const onFigure = () => run(draw);
  const onHighlight = () => run(emphasise);
  model.on("change:figure", onFigure);
  model.on("change:highlight", onHighlight);
  run(draw);
  return () => {
    model.off("change:figure", onFigure);
    model.off("change:highlight", onHighlight);
    if (Plotly) Plotly.purge(graph);
  };
}

export default { render };
"""


def plotly_js() -> bytes:
    """plotly.js as plotly ships it for offline pages.

    Read when a page asks (once per page, so once per visitor's kernel) and not kept: 4.8 MB
    held by every kernel of a class would cost more than reading it again.
    """
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode("utf-8")


class PlotlyChart(anywidget.AnyWidget):
    """A plotly figure drawn by plotly.js in the page, fetched from the kernel once shown.

    Traits:
        figure: the figure as plotly's JSON (``data`` and ``layout``), every trace in its own
            style; ``{}`` shows nothing.
        highlight: the numbers of the traces shown in the ``emphasis`` style.
        emphasis: a restyle update (``{"line.width": 6}``) for the highlighted traces.
        config: plotly's config (toolbar, responsiveness).
    """

    _esm = ESM
    figure = Dict().tag(sync=True)
    highlight = List(Int()).tag(sync=True)
    emphasis = Dict().tag(sync=True)
    config = Dict().tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._answer)

    def _answer(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """Send plotly.js to a page that asks for it; any other message is dropped."""
        if content == {"need": "plotly"}:
            self.send({"plotly": True}, buffers=[plotly_js()])
