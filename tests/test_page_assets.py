"""What a dashboard page fetches, in Chromium: the page script carries every chunk the page
loads, no MathJax, nothing from another host, and plotly.js as a static file the browser
keeps, with the charts drawn (share/voila/page_scripts.py, voila.py, compression.py)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

READY = {
    "law_explorer.ipynb": ".csl-article-picker select",
    "obligation_navigator.ipynb": "button.csl-nav-yes",
    "penalty_simulator.ipynb": ".csl-pen-charts svg.main-svg",
}
"""What each dashboard shows once it has loaded (the simulator: its charts drawn)."""
ENTRY_FILES = re.compile(r"/(remoteEntry\.[^/]+|style)\.js$")


def chunk_requests(urls: list[str]) -> list[str]:
    """The chunk files among the requests: Voila's `<id>.voila.js`, an extension's chunks."""
    chunks = []
    for url in urls:
        path = urlparse(url).path
        if re.fullmatch(r"/voila/static/\d+\.voila\.js", path):
            chunks.append(url)
        elif path.startswith("/voila/labextensions/") and path.endswith(".js"):
            if not ENTRY_FILES.search(path):
                chunks.append(url)
    return chunks


def visit(page, voila_url: str, notebook: str, lang: str) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{voila_url}/voila/render/{notebook}?lang={lang}")
    expect(page.locator(READY[notebook]).first).to_be_visible(timeout=90_000)
    page.wait_for_load_state("networkidle")
    return urls


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("notebook", sorted(READY))
def test_a_dashboard_fetches_no_chunk_no_mathjax_and_nothing_from_another_host(
    page, voila_url, notebook, lang
):
    urls = visit(page, voila_url, notebook, lang)
    assert any("/page-scripts-" in u for u in urls)
    assert chunk_requests(urls) == []  # the page script held them all
    server = urlparse(voila_url).netloc
    assert {urlparse(u).netloc for u in urls if u.startswith("http")} == {server}
    assert [u for u in urls if "mathjax" in u.lower() and "/no-mathjax.js" not in u] == []
    assert page.evaluate("typeof MathJax === 'undefined' || !('version' in MathJax)")
    assert page.errors == []


def test_the_simulator_draws_its_charts_with_plotly_js_fetched_once_as_a_static_file(
    page, voila_url
):
    frames: list[int] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))),
    )
    responses = []
    page.on("response", lambda response: responses.append(response))
    visit(page, voila_url, "penalty_simulator.ipynb", "en")
    [plotly] = [r for r in responses if "/plotly-" in r.url]
    assert re.search(r"/voila/templates/csl/static/plotly-[0-9a-f]{16}\.min\.js$", plotly.url)
    assert plotly.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert plotly.headers.get("content-encoding") == "br"
    assert max(frames) < 1_000_000  # plotly.js (4.8 MB) no longer comes through the kernel
    expect(page.locator(".csl-pen-charts svg.main-svg").first).to_be_visible()
    # a second visit in the same browser takes plotly.js from its cache, asking nothing
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    ids: set[str] = set()
    wire: list[int] = []
    cdp.on(
        "Network.requestWillBeSent",
        lambda e: ids.add(e["requestId"]) if "/plotly-" in e["request"]["url"] else None,
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: wire.append(e["encodedDataLength"]) if e["requestId"] in ids else None,
    )
    page.goto(f"{voila_url}/voila/render/penalty_simulator.ipynb")
    expect(page.locator(".csl-pen-charts svg.main-svg").first).to_be_visible(timeout=90_000)
    page.wait_for_load_state("networkidle")
    assert len(ids) == 1 and wire == [0]  # asked for, answered by the cache: no byte moved
