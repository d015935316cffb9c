"""A dashboard's page declares its language from the server's first byte.

A dashboard's page is rendered before anyone asks for it: a preheated kernel runs the notebook
and Voila renders the page's start (its ``<html lang="en">`` among it) while the kernel waits
in the pool, so the template cannot know the language the visitor's address will name
(``?lang=zh``). :class:`PageLanguage`, a Tornado output transform, reads the address of each
request for a dashboard's page and writes its language into the page's ``<html lang>`` as the
page goes out; the page's own script does the same in the browser (the template csl), so a
server without this transform (Voila's extension on Binder) still has the right language
before the first paint. server_app.py adds the transform to `make run`'s application, ahead of
the compression.
"""

from __future__ import annotations

import re

from tornado import httputil
from tornado.web import OutputTransform

try:  # the server's Python has the package; without it the page keeps its language
    from csl_helpers.pages import HTML_LANGS, page_lang
except ImportError:  # pragma: no cover - a server without csl_helpers
    HTML_LANGS, page_lang = {}, None

DASHBOARD_PATH = re.compile(r"/voila/render/[^?]+\.ipynb$")
"""The path of a dashboard's page (Voila's render handler)."""
HTML_TAG = re.compile(rb'<html lang="[^"]*"')
"""The page's root element with the language the template wrote."""
LOOK_AT = 4096
"""The bytes of a page's start where its root element must be (after the doctype)."""


class PageLanguage(OutputTransform):
    """Writes the language a dashboard page's address names into the page's ``<html lang>``.

    Only a page of Voila's render handler, HTML, whose address names a language other than
    the template's English (as the dashboard reads it: :func:`csl_helpers.pages.page_lang`);
    only the first ``<html lang>``, within the page's first :data:`LOOK_AT` bytes.
    """

    def __init__(self, request: httputil.HTTPServerRequest) -> None:
        lang = "en"
        if page_lang is not None and DASHBOARD_PATH.search(request.path):
            lang = page_lang(request.query)
        self._tag = f'<html lang="{HTML_LANGS[lang]}"'.encode() if lang != "en" else None
        self._held = b""

    def transform_first_chunk(
        self, status_code: int, headers: httputil.HTTPHeaders, chunk: bytes, finishing: bool
    ) -> tuple[int, httputil.HTTPHeaders, bytes]:
        """Look for the root element from the page's first chunk on (an HTML page only)."""
        if status_code != 200 or not headers.get("Content-Type", "").startswith("text/html"):
            self._tag = None
        chunk = self.transform_chunk(chunk, finishing)
        if "Content-Length" in headers and finishing:
            headers["Content-Length"] = str(len(chunk))
        return status_code, headers, chunk

    def transform_chunk(self, chunk: bytes, finishing: bool) -> bytes:
        """Put the language into the root element once it has come whole.

        The page's start comes in pieces (a template writes ``<html lang="`` and the language
        apart): they are held back until the root element is whole, or :data:`LOOK_AT` bytes
        came without it, or the page ends.
        """
        if self._tag is None:
            return chunk
        held = self._held + chunk
        found = HTML_TAG.search(held)
        if found is None and len(held) < LOOK_AT and not finishing:
            self._held = held
            return b""
        self._held = b""
        if found is not None:
            held = held[: found.start()] + self._tag + held[found.end() :]
        self._tag = None
        return held
