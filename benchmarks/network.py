"""The dashboards on a classroom's network: bytes, requests and time to interactive on slow links.

For `make run` (share/voila/serve.py, through tests/conftest.py's :func:`voila_command`) and
stock Voila (benchmarks/classroom.py's :func:`stock_command`) in the same run, each on
127.0.0.1 behind a TCP proxy of this process that counts the bytes both ways (and, for the
class, shapes them), it measures per dashboard, in headless Chromium:

- requests and bytes on the wire of a first visit (empty cache), of a second visit of the same
  dashboard, and of the dashboard opened after another one in the same browser (cache warm);
  bytes are counted by the proxy (headers, bodies and the kernel's websocket, as sent),
  requests by Chromium (those that reached the network, not the ones its cache answered);
- time to interactive (the dashboard's main control shown, Voila's loading screen gone,
  benchmarks/visitor.py's probe) on loopback, at 2.5 Mbit/s and 40 ms round trip (a fortieth
  of a 100 Mbit/s classroom Wi-Fi) and on a phone's 4G (9 Mbit/s, 60 ms), both emulated by
  Chromium (CDP ``Network.emulateNetworkConditions``, which does not slow the websocket);
  medians of ``--runs`` first visits, the two servers alternating;
- a class of ``--visitors`` (40) sharing one 100 Mbit/s link with 40 ms round trip: the proxy
  gives every connection's bytes, both ways, one shared link of that rate, each visitor does
  over the network what its browser did on the first visit (the same requests, asking for
  Brotli or gzip as Chromium does, six at a time, then the kernel's websocket and the widgets'
  states as tests/voila_client.py does, plotly.js after that as the page does), arriving
  evenly over ``--spread`` seconds; time to interactive per visitor (its page's files and its
  widgets' states all in: the browser's own work is not counted), median and max, and the MB
  the class moved.

Bounded: at most 100 visitors, each page waited for at most 120 s, a class at most --budget
seconds; the proxy listens on 127.0.0.1 only, and every server is stopped at the end. The
machine is shared: loopback figures vary from run to run; compare the two servers within a run.

Run: .venv/bin/python benchmarks/network.py [--runs 3] [--visitors 40] [--spread 30]
     [--dashboards law_explorer.ipynb] [--skip-stock] [--skip-class]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from classroom import stock_command  # noqa: E402  (benchmarks/classroom.py)
from conftest import CHROMIUM_ARGS, free_port, serving, voila_command  # noqa: E402
from visitor import PROBES, READY, idle  # noqa: E402  (benchmarks/visitor.py)

LINKS = {"2.5 Mbit/s, 40 ms": (2.5e6, 0.040), "4G, 9 Mbit/s, 60 ms": (9e6, 0.060)}
CLASS_LINK = (100e6, 0.040)
TARGETS = {"first_mb": 1.5, "slow_s": 5.0, "second_mb": 0.3, "class_median_s": 10.0}
CHUNK = 16 * 1024


# the proxy --------------------------------------------------------------------------------
class Link:
    """One shared link of ``rate`` bits/s each way, ``delay`` seconds one way (half the RTT)."""

    def __init__(self, rate: float, delay: float) -> None:
        self.rate, self.delay = rate, delay
        self.free = {"down": 0.0, "up": 0.0}

    def schedule(self, direction: str, size: int, now: float) -> float:
        """When ``size`` bytes sent now arrive: queued behind the link's earlier bytes."""
        start = max(now, self.free[direction])
        self.free[direction] = start + size * 8 / self.rate
        return self.free[direction] + self.delay


class Proxy:
    """A TCP relay on 127.0.0.1 in front of a server, counting bytes, shaping them if told."""

    def __init__(self, target: int, link: Link | None = None, most: int = 20000) -> None:
        self.target, self.link, self.most = target, link, most
        self.port = free_port()
        self.down = self.up = 0
        self.connections = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Proxy:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", self.port)
        )
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            server.close()

    async def _serve(self, reader, writer) -> None:
        self.connections += 1
        if self.connections > self.most:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            writer.close()
            return
        await asyncio.gather(
            self._pump(reader, up_writer, "up"),
            self._pump(up_reader, writer, "down"),
            return_exceptions=True,
        )

    async def _pump(self, reader, writer, direction: str) -> None:
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver() -> None:
            while (item := await queue.get()) is not None:
                at, data = item
                wait = at - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()

        sender = asyncio.create_task(deliver())
        try:
            while data := await reader.read(CHUNK):
                if direction == "down":
                    self.down += len(data)
                else:
                    self.up += len(data)
                now = time.monotonic()
                at = now if self.link is None else self.link.schedule(direction, len(data), now)
                queue.put_nowait((at, data))
        except (ConnectionError, OSError):
            pass
        finally:
            queue.put_nowait(None)
            try:
                await sender
            except (ConnectionError, OSError):
                pass
            try:
                writer.close()
            except (ConnectionError, OSError, RuntimeError):
                pass


# one visitor in Chromium ------------------------------------------------------------------
@dataclass
class Visit:
    """One page visit: requests that reached the network, bytes both ways, seconds."""

    requests: int = 0
    down: int = 0
    up: int = 0
    interactive: float | None = None
    urls: list[str] = field(default_factory=list)

    @property
    def mb(self) -> float:
        return (self.down + self.up) / 1e6


def visit(context, proxy: Proxy, notebook: str, link: tuple[float, float] | None) -> Visit:
    """Open ``notebook`` in a new tab of ``context`` through ``proxy``, emulating ``link``."""
    probe = PROBES[notebook]
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if link is not None:
        rate, rtt = link
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": rtt * 1000,
                "downloadThroughput": rate / 8,
                "uploadThroughput": rate / 8,
            },
        )
    sent: dict[str, str] = {}
    cached: set[str] = set()
    cdp.on(
        "Network.requestWillBeSent", lambda e: sent.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    cdp.on(
        "Network.responseReceived",
        lambda e: (
            cached.add(e["requestId"])
            if e["response"].get("fromDiskCache") or e["response"].get("fromPrefetchCache")
            else None
        ),
    )
    result = Visit()
    down, up = proxy.down, proxy.up
    try:
        page.add_init_script(f"({READY})({probe.ready!r})")
        page.goto(f"{proxy.url}/voila/render/{notebook}", wait_until="commit", timeout=120_000)
        page.wait_for_function("window.__cslReady !== null", timeout=120_000, polling=100)
        result.interactive = page.evaluate("window.__cslReady") / 1000
        if probe.drawn:
            page.locator(probe.drawn).first.wait_for(state="attached", timeout=120_000)
        page.wait_for_load_state("networkidle", timeout=120_000)
        time.sleep(0.5)
    except Exception as exc:  # a visit that failed is reported, not fatal
        print(f"  {notebook}: {type(exc).__name__}: {str(exc)[:120]}")
    finally:
        result.down, result.up = proxy.down - down, proxy.up - up
        network = [u for rid, u in sent.items() if rid not in cached and u.startswith("http")]
        result.requests = len(network)
        result.urls = network
        page.goto("about:blank")  # the page's unload frees its kernel
        page.close()
    return result


@dataclass
class Figures:
    """One dashboard on one server."""

    first: list[Visit] = field(default_factory=list)
    second: list[Visit] = field(default_factory=list)
    after_other: list[Visit] = field(default_factory=list)
    slow: dict[str, list[float]] = field(default_factory=dict)


def median(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


# a class through one shaped link ------------------------------------------------------------
async def class_visitor(base: str, notebook: str, assets: list[str], deadline: float) -> float:
    """What one student's browser does on a first visit; seconds to interactive."""
    import brotli
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest
    from voila_client import KernelChannel, fetch_page

    start = time.perf_counter()
    page = await fetch_page(f"{base}/voila/render/{notebook}", timeout=deadline)
    if page.status != 200 or not page.kernel_id:
        raise RuntimeError(f"page answered {page.status}")
    client = AsyncHTTPClient()
    cookie = "; ".join(f"{k}={v}" for k, v in page.cookies.items())
    later = [a for a in assets if "/plotly-" in a]
    queue = [a for a in assets if a not in later]

    async def fetch(path: str) -> None:
        request = HTTPRequest(
            base + path,
            headers={"Accept-Encoding": "gzip, deflate, br", "Cookie": cookie},
            decompress_response=False,
            request_timeout=deadline,
        )
        response = await client.fetch(request, raise_error=False)
        if response.headers.get("Content-Encoding") == "br":
            brotli.decompress(response.body)  # the browser decodes what it gets

    async def worker() -> None:
        while queue:
            await fetch(queue.pop(0))

    channel = await KernelChannel.open(base, page.kernel_id, timeout=deadline)
    try:
        widgets = asyncio.create_task(channel.widget_states(timeout=deadline))
        await asyncio.gather(*(worker() for _ in range(6)))  # a browser's six connections
        await widgets
        interactive = time.perf_counter() - start
        for path in later:  # the simulator's plotly.js, once the page is shown
            await fetch(path)
    finally:
        await channel.close()
    return interactive


async def run_class(base: str, notebook: str, assets: list[str], args) -> list[float | None]:
    n = min(args.visitors, 100)
    times: list[float | None] = [None] * n

    async def one(i: int) -> None:
        await asyncio.sleep(args.spread * i / max(n - 1, 1))
        try:
            times[i] = await asyncio.wait_for(class_visitor(base, notebook, assets, 120), 120)
        except Exception as exc:  # a failed visitor is a figure
            print(f"  visitor {i}: {type(exc).__name__}: {str(exc)[:100]}")

    await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(n))), args.budget)
    return times


def replayed(urls: list[str]) -> list[str]:
    """The paths of a first visit's requests a class visitor repeats (page and kernel apart)."""
    paths = []
    for url in urls:
        path = urlparse(url).path + (f"?{urlparse(url).query}" if urlparse(url).query else "")
        if path.startswith("/voila/render/") or path.startswith("/api/"):
            continue
        paths.append(path)
    return list(dict.fromkeys(paths))


# the run ----------------------------------------------------------------------------------
@contextmanager
def server_behind_proxy(command: str, link: Link | None = None):
    log = Path(tempfile.mkdtemp(prefix="network-")) / "voila.log"
    with (
        serving(command, log) as running,
        Proxy(int(command.rsplit("--port=", 1)[1].split()[0]), link) as proxy,
    ):
        yield running, proxy


def servers(args) -> dict[str, str]:
    chosen = {"make run": voila_command(free_port())}
    if not args.skip_stock:
        chosen["stock Voila"] = stock_command(free_port(), ROOT / "notebooks" / "dashboards")
    return chosen


def measure(args, dashboards: list[str]) -> dict[str, dict[str, Figures]]:
    from playwright.sync_api import sync_playwright

    figures = {name: {d: Figures() for d in dashboards} for name in servers(args)}
    with ExitStack() as stack, sync_playwright() as pw:
        running = {
            name: stack.enter_context(server_behind_proxy(command))
            for name, command in servers(args).items()
        }
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for server, _ in running.values():
            idle(server.process.pid, 60)
        for run in range(args.runs):
            for notebook in dashboards:
                other = dashboards[(dashboards.index(notebook) + 1) % len(dashboards)]
                for name, (server, proxy) in running.items():
                    fig = figures[name][notebook]
                    context = browser.new_context()
                    fig.first.append(visit(context, proxy, notebook, None))
                    idle(server.process.pid, 20)
                    fig.second.append(visit(context, proxy, notebook, None))
                    context.close()
                    if run == 0 and other != notebook:
                        context = browser.new_context()
                        visit(context, proxy, other, None)
                        idle(server.process.pid, 20)
                        fig.after_other.append(visit(context, proxy, notebook, None))
                        context.close()
                    for label, link in LINKS.items():
                        idle(server.process.pid, 20)
                        context = browser.new_context()
                        fig.slow.setdefault(label, []).append(
                            visit(context, proxy, notebook, link).interactive
                        )
                        context.close()
                    print(f"run {run + 1}, {notebook}, {name}: done", flush=True)
        browser.close()
    return figures


def report(figures: dict[str, dict[str, Figures]]) -> None:
    def mb(visits: list[Visit]) -> str:
        m = median([v.mb for v in visits])
        return "-" if m is None else f"{m:.2f} MB"

    def req(visits: list[Visit]) -> str:
        m = median([v.requests for v in visits])
        return "-" if m is None else f"{m:.0f}"

    def sec(values: list[float | None]) -> str:
        m = median(values)
        return "-" if m is None else f"{m:.2f} s"

    labels = list(LINKS)
    head = "first visit: requests / on the wire | second visit | after another dashboard"
    slow = " | ".join(labels)
    print(f"\n| dashboard, server | {head} | interactive, loopback | {slow} |")
    print("|---" * (5 + len(labels)) + "|")
    for notebook in next(iter(figures.values())):
        for name, by_dashboard in figures.items():
            f = by_dashboard[notebook]
            cells = [
                f"{req(f.first)} / {mb(f.first)}",
                f"{req(f.second)} / {mb(f.second)}",
                f"{req(f.after_other)} / {mb(f.after_other)}",
                sec([v.interactive for v in f.first]),
                *(sec(f.slow.get(label, [])) for label in labels),
            ]
            print(f"| {notebook}, {name} | " + " | ".join(cells) + " |")


def measure_class(args, dashboards: list[str], figures) -> None:
    print(f"\nA class of {args.visitors} on one 100 Mbit/s link, 40 ms, arriving over "
          f"{args.spread:.0f} s:")  # fmt: skip
    print("| dashboard, server | interactive, median / max | failed | moved through the link |")
    print("|---|---|---|---|")
    for notebook in dashboards:
        for name, command in servers(args).items():
            assets = replayed(figures[name][notebook].first[0].urls)
            with server_behind_proxy(command, Link(*CLASS_LINK)) as (server, proxy):
                idle(server.process.pid, 90)
                times = asyncio.run(run_class(proxy.url, notebook, assets, args))
                done = [t for t in times if t is not None]
                cell = f"{statistics.median(done):.1f} / {max(done):.1f} s" if done else "-"
                moved = (proxy.down + proxy.up) / 1e6
                failed = len(times) - len(done)
                print(f"| {notebook}, {name} | {cell} | {failed} | {moved:.0f} MB |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--visitors", type=int, default=40)
    parser.add_argument("--spread", type=float, default=30.0)
    parser.add_argument("--budget", type=float, default=300.0)
    parser.add_argument("--dashboards", nargs="*", default=sorted(PROBES))
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument("--skip-class", action="store_true")
    args = parser.parse_args()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"benchmarks/network.py, {started}, runs {args.runs}", flush=True)
    figures = measure(args, args.dashboards)
    report(figures)
    if not args.skip_class:
        measure_class(args, args.dashboards, figures)


if __name__ == "__main__":
    main()
