"""The request of the page a preheated Voila kernel serves, waited for at a small cost.

A preheated kernel runs its dashboard before any page asks for it; when a page does, Voila
sends the kernel the request's details (its query string among them) on the websocket
``/voila/query/<kernel id>`` of the server, and ``voila.utils.wait_for_request`` reads them.
That function's module imports Voila's server, JupyterLab's and nbconvert: 1.8 CPU-seconds in
every preheated kernel, more than the dashboard itself. :func:`wait_for_page_request` does
the same with the websocket client alone (about 15 ms).
"""

from __future__ import annotations

import json
import os

OPEN_TIMEOUT = 5.0
"""Seconds to connect to the server; Voila's own helper gives it as long."""


def query_url() -> str:
    """The server's websocket that sends this kernel its page's request.

    Built from the variables Voila gives a preheated kernel, with the defaults of
    ``voila.utils.wait_for_request``.
    """
    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    kernel = os.environ.get("VOILA_KERNEL_ID", "")
    return f"{protocol}://{host}:{port}{base}voila/query/{kernel}"


def wait_for_page_request() -> bool:
    """Block until a page has asked for this kernel, and put its request in ``os.environ``.

    Outside a preheated kernel there is nothing to wait for. Returns whether a request came;
    a server that cannot be reached leaves the environment as it is.
    """
    if os.environ.get("VOILA_PREHEAT", "False") == "False":
        return False
    from websockets.sync.client import connect

    try:
        with connect(query_url(), open_timeout=OPEN_TIMEOUT, proxy=None) as socket:
            message = socket.recv()
    except (OSError, TimeoutError, ValueError) as exc:
        import logging

        logging.getLogger(__name__).warning("No page request from Voila: %s", exc)
        return False
    for key, value in json.loads(message).items():
        os.environ[key] = str(value)
    return True
