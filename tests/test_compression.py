"""`make run`'s responses go out compressed (Brotli or gzip, as asked) and content-named files
are cached for good (share/voila/compression.py, server_app.py)."""

from __future__ import annotations

import gzip
import re
import urllib.request

import brotli
import pytest
from conftest import share_voila
from tornado.httputil import HTTPHeaders, HTTPServerRequest
from voila_client import run

compression = share_voila("compression")

DASHBOARD = "/voila/render/law_explorer.ipynb"


def decode(body: bytes, encoding: str | None) -> bytes:
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    assert encoding is None, encoding
    return body


def fetch(url: str, accept: str) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept})
    with urllib.request.urlopen(request, timeout=60) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


# the encoding a request gets ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip, deflate", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("identity", None),
        ("", None),
        ("*", "br"),
        ("gzip;q=0, br;q=0", None),
    ],
)
def test_brotli_where_the_browser_accepts_it_gzip_otherwise(header, expected):
    assert compression.choose(header) == expected


def test_text_scripts_styles_json_and_svg_compress_fonts_and_images_do_not():
    for kind in ("text/html; charset=UTF-8", "application/javascript", "text/css",
                 "application/json", "image/svg+xml", "text/javascript"):  # fmt: skip
        assert compression.compressible(kind), kind
    for kind in ("font/woff2", "image/png", "application/octet-stream", ""):
        assert not compression.compressible(kind), kind


def transformed(accept: str, chunks: list[bytes], kind: str = "text/html") -> tuple:
    request = HTTPServerRequest(
        method="GET", uri="/", headers=HTTPHeaders({"Accept-Encoding": accept})
    )
    transform = compression.ContentEncoding(request)
    headers = HTTPHeaders({"Content-Type": kind})
    status, headers, first = transform.transform_first_chunk(
        200, headers, chunks[0], len(chunks) == 1
    )
    rest = [transform.transform_chunk(c, i == len(chunks) - 2) for i, c in enumerate(chunks[1:])]
    return headers, first + b"".join(rest)


@pytest.mark.parametrize("accept", ["br", "gzip", "identity"])
def test_a_page_written_in_chunks_decodes_to_the_same_bytes(accept):
    chunks = [b"<p>%d</p>\n" % i * 300 for i in range(5)]
    headers, body = transformed(accept, chunks)
    encoding = headers.get("Content-Encoding")
    assert encoding == (None if accept == "identity" else accept)
    assert decode(body, encoding) == b"".join(chunks)
    assert "Accept-Encoding" in headers["Vary"]


def test_a_short_answer_or_a_font_goes_out_as_it_is():
    headers, body = transformed("br", [b"{}"], "application/json")
    assert "Content-Encoding" not in headers and body == b"{}"
    headers, body = transformed("br", [b"\0" * 5000], "font/woff2")
    assert "Content-Encoding" not in headers and body == b"\0" * 5000


def test_a_file_is_compressed_once_named_by_its_content(tmp_path):
    store = compression.Store(tmp_path / "copies")
    source = tmp_path / "a.js"
    source.write_bytes(b"var x = 1;\n" * 2000)

    async def make(on: object) -> tuple:
        return await on.make(str(source), "br")

    copy, digest = run(make(store))  # in a thread: Playwright may hold this one's loop
    assert brotli.decompress(copy.read_bytes()) == source.read_bytes()
    store._later.shutdown(wait=True)  # the best encoding, made in the background
    best, same = store.ready(str(source), "br")
    assert same == digest and best != copy and best.name.startswith(digest)
    assert brotli.decompress(best.read_bytes()) == source.read_bytes()
    # another store (a restart) finds the copies made
    again = compression.Store(tmp_path / "copies")
    found, _ = run(make(again))
    assert found == best
    assert sorted(p.name for p in (tmp_path / "copies").iterdir()) == sorted(
        [f"{digest}.q5.br", f"{digest}.q11.br"]
    )


def test_content_named_files_are_recognised_by_a_digest_in_their_name():
    for name in (
        "remoteEntry.92dd9ab6.js",
        "9234.c8c9eed2cdefdeac.js",
        "page-scripts-e4f90a267e35568b.js",
    ):
        assert compression.CONTENT_NAMED.search(name), name
    for name in ("voila.js", "style.js", "noto-sans-sc-400.woff2", "csl.css"):
        assert not compression.CONTENT_NAMED.search(name), name


# the running server ------------------------------------------------------------------------
def page_assets(voila_url: str) -> list[str]:
    _, html = fetch(voila_url + DASHBOARD, "identity")
    found = re.findall(rb'(?:src|href)="(/voila/[^"]+)"', html)
    return [voila_url + path.decode().replace("&amp;", "&") for path in found]


@pytest.mark.parametrize("accept", ["br", "gzip", "gzip, deflate, br", "identity"])
def test_every_response_of_a_dashboard_page_is_compressed_as_the_browser_asks(voila_url, accept):
    expected = compression.choose(accept)
    urls = [voila_url + DASHBOARD, *page_assets(voila_url)]
    assert any("page-scripts-" in u for u in urls) and any("voila.js" in u for u in urls)
    for url in urls:
        headers, body = fetch(url, accept)
        _, plain = fetch(url, "identity")
        assert headers.get("content-encoding") == expected, url
        if expected is not None:
            assert len(body) < len(plain) / 2, url
        if "/render/" not in url:  # the page itself differs per request (its kernel)
            assert decode(body, expected) == plain, url


def test_static_files_with_content_in_their_names_are_cached_for_good(voila_url):
    versioned = [u for u in page_assets(voila_url) if "?v=" in u]
    assert len(versioned) >= 4  # the styles, voila-style.js, the page script
    for url in versioned:
        headers, _ = fetch(url, "br")
        assert headers["cache-control"] == "public, max-age=31536000, immutable", url
    headers, _ = fetch(voila_url + "/voila/static/voila.js", "br")  # its name holds no digest
    assert "immutable" not in headers.get("cache-control", "")
    headers, _ = fetch(voila_url + DASHBOARD, "br")
    assert "immutable" not in headers.get("cache-control", "")


def test_a_compressed_file_revalidates_by_its_etag(voila_url):
    url = next(u for u in page_assets(voila_url) if "page-scripts-" in u)
    headers, _ = fetch(url, "br")
    request = urllib.request.Request(
        url, headers={"Accept-Encoding": "br", "If-None-Match": headers["etag"]}
    )
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=30)
    assert answer.value.code == 304


@pytest.mark.server
def test_the_binder_path_compresses_its_pages_and_scripts_in_gzip(tmp_path):
    """Jupyter's server and Voila's extension, started through ``start`` as on Binder: the
    ``compress_response`` of jupyter_server_config.json gzips what it serves (no Brotli)."""
    from conftest import free_port, jupyter_command, serving

    token = "compression-test"
    with serving(jupyter_command(free_port(), token, tmp_path, binder=True), tmp_path / "log") as s:
        page = f"{s.url}/voila/render/notebooks/dashboards/law_explorer.ipynb?token={token}"
        for url in (page, f"{s.url}/voila/static/voila.js?token={token}"):
            headers, body = fetch(url, "gzip, deflate, br")
            assert headers.get("content-encoding") == "gzip", url
            assert gzip.decompress(body)


def test_the_kernels_websocket_is_compressed(voila_url):
    """permessage-deflate, as voila.json's websocket_compression_options allows."""
    from voila_client import KernelChannel, fetch_page

    async def extensions() -> str:
        page = await fetch_page(voila_url + DASHBOARD)
        channel = await KernelChannel.open(voila_url, page.kernel_id, cookies=page.cookies)
        try:
            return channel.ws.response.headers.get("Sec-WebSocket-Extensions", "")
        finally:
            await channel.close()

    assert "permessage-deflate" in run(extensions())


def test_only_handlers_that_send_their_files_as_they_are_get_stored_copies():
    from jupyter_server.base.handlers import FileFindHandler
    from jupyterlab_server.themes_handler import ThemesHandler
    from tornado.web import RequestHandler, StaticFileHandler

    assert issubclass(compression.compressing(FileFindHandler), compression.CompressedStatic)
    assert issubclass(compression.compressing(StaticFileHandler), StaticFileHandler)
    assert compression.compressing(ThemesHandler) is ThemesHandler  # it rewrites its CSS
    assert compression.compressing(RequestHandler) is RequestHandler
