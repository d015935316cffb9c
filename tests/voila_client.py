"""A dashboard visitor without a browser: the page, its kernel websocket, widget messages.

It does what the page's JavaScript does: fetch the page and read the kernel id from its
``jupyter-config-data``, open ``/api/kernels/<id>/channels`` with the v1 websocket protocol of
JupyterLab's services, ask for the kernel info, load every widget's state through the
``jupyter.widget.control`` comm, send widget changes as ``comm_msg`` updates and, on leaving,
post the shutdown request the page posts when its tab closes (with the ``_xsrf`` value it reads
from its cookie). Used by tests/test_security.py and benchmarks/classroom.py.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode, urlparse

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from websockets.asyncio.client import ClientConnection, connect

PROTOCOL = "v1.kernel.websocket.jupyter.org"
CONTROL_PROTOCOL = "1.0.0"  # ipywidgets' jupyter.widget.control comm
_CONFIG = re.compile(
    r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', re.S
)
# The csl page template sets the _xsrf cookie from JavaScript when the server has not.
_SETS_XSRF_COOKIE = "document.cookie = `_xsrf=${token}"

AsyncHTTPClient.configure(None, max_clients=256)


def run(coro: Any, timeout: float = 120) -> Any:
    """Run a visitor's coroutine to its end, in a thread of its own (a test's thread may hold
    Playwright's event loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(coro, timeout)).result()


def pack(channel: str, msg: dict[str, Any], buffers: list[bytes] = ()) -> bytes:
    """Serialise a message as the v1 websocket protocol does (offsets, channel, parts)."""
    parts = [
        json.dumps(msg[key]).encode() for key in ("header", "parent_header", "metadata", "content")
    ]
    parts += list(buffers)
    chan = channel.encode()
    offsets = [8 * (2 + len(parts) + 1)]
    offsets.append(offsets[-1] + len(chan))
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    head = len(offsets).to_bytes(8, "little") + b"".join(o.to_bytes(8, "little") for o in offsets)
    return head + chan + b"".join(parts)


def unpack(data: bytes) -> tuple[str, dict[str, Any], list[bytes]]:
    """The channel, the message and its binary buffers from a v1 websocket frame."""
    count = int.from_bytes(data[:8], "little")
    offsets = [int.from_bytes(data[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(count)]
    offsets.append(len(data))
    channel = data[offsets[0] : offsets[1]].decode()
    parts = [data[offsets[i] : offsets[i + 1]] for i in range(1, count)]
    keys = ("header", "parent_header", "metadata", "content")
    msg = {key: json.loads(part) for key, part in zip(keys, parts[:4], strict=True)}
    return channel, msg, [bytes(p) for p in parts[4:] if p]


@dataclass
class Page:
    """A fetched dashboard page."""

    url: str
    status: int
    html: str
    cookies: dict[str, str]
    seconds: float

    @property
    def config(self) -> dict[str, Any]:
        """The page's jupyter-config-data (empty when the page has none)."""
        match = _CONFIG.search(self.html)
        return json.loads(match.group(1)) if match else {}

    @property
    def kernel_id(self) -> str | None:
        """The kernel the page is bound to, from its jupyter-config-data."""
        return self.config.get("kernelId")


async def fetch_page(url: str, timeout: float = 120.0) -> Page:
    """GET a page as a browser tab does, keeping the cookies the server sets."""
    start = time.perf_counter()
    response = await AsyncHTTPClient().fetch(
        HTTPRequest(url, request_timeout=timeout, connect_timeout=timeout), raise_error=False
    )
    cookies: dict[str, str] = {}
    for header in response.headers.get_list("Set-Cookie"):
        jar = SimpleCookie()
        jar.load(header)
        cookies.update({key: morsel.value for key, morsel in jar.items()})
    html = response.body.decode("utf-8", "replace") if response.body else ""
    if _SETS_XSRF_COOKIE in html and "_xsrf" not in cookies:
        cookies["_xsrf"] = secrets.token_hex(16)
    return Page(url, response.code, html, cookies, time.perf_counter() - start)


async def leave(page: Page, kernel_id: str) -> int:
    """Post the shutdown request the page sends when its tab closes; return the HTTP status."""
    parts = urlparse(page.url)
    url = f"{parts.scheme}://{parts.netloc}/voila/api/shutdown/{kernel_id}"
    body = urlencode({"_xsrf": page.cookies.get("_xsrf", "")})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"{parts.scheme}://{parts.netloc}",
        "Cookie": "; ".join(f"{k}={v}" for k, v in page.cookies.items()),
    }
    response = await AsyncHTTPClient().fetch(
        HTTPRequest(url, method="POST", body=body, headers=headers, request_timeout=30),
        raise_error=False,
    )
    return response.code


@dataclass
class KernelChannel:
    """One websocket to a kernel, as a page holds it."""

    ws: ClientConnection
    session: str = field(default_factory=lambda: uuid.uuid4().hex)
    received: list[tuple[str, dict[str, Any], list[bytes]]] = field(default_factory=list)
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)
    _reader: asyncio.Task | None = None

    @classmethod
    async def open(
        cls,
        base_url: str,
        kernel_id: str,
        *,
        origin: str | None = None,
        timeout: float = 60,
        cookies: dict[str, str] | None = None,
    ) -> KernelChannel:
        """Open the kernel's channels websocket (origin: the page's, unless given).

        ``base_url`` is the server's address with its path, if it has one (a JupyterHub user's
        server is under ``/user/<name>``); ``cookies`` are sent as a page's tab sends them.
        """
        parts = urlparse(base_url)
        session = uuid.uuid4().hex
        prefix = parts.path.rstrip("/")
        ws_url = (
            f"ws://{parts.netloc}{prefix}/api/kernels/{kernel_id}/channels?session_id={session}"
        )
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
        ws = await connect(
            ws_url,
            additional_headers=headers,
            subprotocols=[PROTOCOL],
            origin=origin or f"{parts.scheme}://{parts.netloc}",
            open_timeout=timeout,
            max_size=None,
            proxy=None,
        )
        channel = cls(ws, session)
        channel._reader = asyncio.create_task(channel._read())
        return channel

    async def _read(self) -> None:
        try:
            async for frame in self.ws:
                if isinstance(frame, bytes):
                    self.received.append(unpack(frame))
                    self._arrived.set()
        finally:
            self._arrived.set()

    async def close(self) -> None:
        """Close the websocket as a closing tab does."""
        await self.ws.close()
        if self._reader:
            await asyncio.gather(self._reader, return_exceptions=True)

    async def send(
        self,
        msg_type: str,
        content: dict[str, Any],
        channel: str = "shell",
        metadata: dict[str, Any] | None = None,
    ) -> str:
        """Send a message; return its msg_id."""
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "msg_type": msg_type,
            "username": "",
            "session": self.session,
            "date": datetime.now(UTC).isoformat(),
            "version": "5.3",
        }
        msg = {
            "header": header,
            "parent_header": {},
            "metadata": metadata or {},
            "content": content,
        }
        await self.ws.send(pack(channel, msg))
        return msg_id

    def replies_to(self, msg_id: str) -> list[tuple[str, dict[str, Any], list[bytes]]]:
        """Every message received so far whose parent is msg_id."""
        return [r for r in self.received if r[1]["parent_header"].get("msg_id") == msg_id]

    async def wait_for(self, predicate, timeout: float) -> tuple[str, dict, list[bytes]]:
        """The first received message that satisfies predicate, waiting up to timeout."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            self._arrived.clear()
            for item in self.received[seen:]:
                if predicate(item):
                    return item
            seen = len(self.received)
            left = deadline - time.monotonic()
            if left <= 0 or self.ws.close_code is not None:
                raise TimeoutError("no such message from the kernel")
            try:
                await asyncio.wait_for(self._arrived.wait(), left)
            except TimeoutError:
                pass

    async def idle_after(self, msg_id: str, timeout: float) -> None:
        """Wait until the kernel reports idle after handling msg_id."""
        await self.wait_for(
            lambda r: (
                r[0] == "iopub"
                and r[1]["header"]["msg_type"] == "status"
                and r[1]["content"].get("execution_state") == "idle"
                and r[1]["parent_header"].get("msg_id") == msg_id
            ),
            timeout,
        )

    async def kernel_info(self, timeout: float = 60) -> dict[str, Any]:
        """Ask for the kernel info, as the page does first."""
        msg_id = await self.send("kernel_info_request", {})
        reply = await self.wait_for(
            lambda r: (
                r[1]["header"]["msg_type"] == "kernel_info_reply"
                and r[1]["parent_header"].get("msg_id") == msg_id
            ),
            timeout,
        )
        return reply[1]["content"]

    async def widget_states(self, timeout: float = 60) -> dict[str, dict[str, Any]]:
        """Every widget's model (model_name, state) by comm id, as the widget manager loads it."""
        comm_id = uuid.uuid4().hex
        await self.send(
            "comm_open",
            {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}},
            metadata={"version": CONTROL_PROTOCOL},
        )
        await self.send("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})
        reply = await self.wait_for(
            lambda r: (
                r[1]["header"]["msg_type"] == "comm_msg"
                and r[1]["content"].get("comm_id") == comm_id
                and r[1]["content"]["data"].get("method") == "update_states"
            ),
            timeout,
        )
        return reply[1]["content"]["data"]["states"]

    async def update_widget(self, comm_id: str, state: dict[str, Any]) -> str:
        """Send a widget change as the browser sends it; return the msg_id."""
        return await self.send(
            "comm_msg",
            {"comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []}},
        )

    async def click(self, comm_id: str) -> str:
        """Click a button as the browser does (a custom message); return the msg_id."""
        return await self.send(
            "comm_msg",
            {"comm_id": comm_id, "data": {"method": "custom", "content": {"event": "click"}}},
        )

    def updates_to(self, msg_id: str) -> list[dict[str, Any]]:
        """The widget state updates the kernel sent while handling msg_id."""
        return [
            {"comm_id": r[1]["content"]["comm_id"], **r[1]["content"]["data"].get("state", {})}
            for r in self.replies_to(msg_id)
            if r[1]["header"]["msg_type"] == "comm_msg"
            and r[1]["content"]["data"].get("method") == "update"
        ]


def button_widget(states: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """A button with a caption a visitor would click (the navigator's answers), if any."""
    for comm_id, model in states.items():
        state = model["state"]
        if model["model_name"] == "ButtonModel" and state.get("description"):
            if not state.get("disabled"):
                return comm_id, state
    return None


def choice_widget(states: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """A picker a visitor would change first (dropdown, select, choice buttons), if any.

    The dashboards' choice buttons (csl_helpers.views.choice, an anywidget) name their options
    ``labels``; the state returned names them ``_options_labels`` too, as ipywidgets does.
    """
    kinds = ("DropdownModel", "SelectModel", "ToggleButtonsModel", "RadioButtonsModel")
    for comm_id, model in states.items():
        state = model["state"]
        if model["model_name"] == "AnyModel" and "labels" in state and "index" in state:
            state = {**state, "_options_labels": state["labels"]}
        elif model["model_name"] not in kinds:
            continue
        if len(state.get("_options_labels", [])) > 1 and not state.get("disabled"):
            return comm_id, state
    return None
