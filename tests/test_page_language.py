"""A dashboard's page declares the language its address names from the server's first byte
(share/voila/page_language.py), though its start was rendered before anyone asked for it."""

from __future__ import annotations

import pytest
from conftest import share_voila
from tornado.httputil import HTTPHeaders, HTTPServerRequest

page_language = share_voila("page_language")
START = b'<!DOCTYPE html>\n<html lang="en">\n<head>'


def sent(uri: str, chunks: list[bytes], kind: str = "text/html", status: int = 200) -> bytes:
    """What goes out for a response of ``chunks`` to a request for ``uri``."""
    transform = page_language.PageLanguage(HTTPServerRequest(method="GET", uri=uri))
    headers = HTTPHeaders({"Content-Type": kind})
    first, *rest = chunks
    _, _, out = transform.transform_first_chunk(status, headers, first, not rest)
    for i, chunk in enumerate(rest):
        out += transform.transform_chunk(chunk, i == len(rest) - 1)
    return out


@pytest.mark.parametrize(
    ("uri", "lang"),
    [
        ("/voila/render/law_explorer.ipynb?lang=zh", "zh-Hans"),
        ("/voila/render/penalty_simulator.ipynb?version=2025&article=61&lang=zh", "zh-Hans"),
        ("/voila/render/law_explorer.ipynb?lang=en", "en"),
        ("/voila/render/law_explorer.ipynb?lang=fr", "en"),
        ("/voila/render/law_explorer.ipynb", "en"),
    ],
)
def test_a_dashboard_page_declares_the_language_its_address_names(uri, lang):
    out = sent(uri, [START, b"<body>", b'<p><html lang="en"></p>'])
    assert out.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">'.encode())
    assert out.endswith(b'<p><html lang="en"></p>')  # the first root element only


def test_the_root_element_is_found_when_it_comes_in_pieces():
    pieces = [b"<!DOCTYPE html>\n", b'<html lang="', b"en", b'">\n<head>', b"<body>"]
    out = sent("/voila/render/law_explorer.ipynb?lang=zh", pieces)
    assert out == b'<!DOCTYPE html>\n<html lang="zh-Hans">\n<head><body>'


def test_a_page_without_a_root_element_goes_out_whole():
    pieces = [b"<p>", b"a" * page_language.LOOK_AT, b"</p>"]
    assert sent("/voila/render/law_explorer.ipynb?lang=zh", pieces) == b"".join(pieces)


def test_other_responses_go_out_as_they_are():
    assert sent("/voila/static/x.js?lang=zh", [START]) == START
    assert sent("/voila/render/law_explorer.ipynb?lang=zh", [START], "text/plain") == START
    assert sent("/voila/render/law_explorer.ipynb?lang=zh", [START], status=404) == START
