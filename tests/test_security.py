"""What a visitor cannot do to a dashboard served by `make run` (a real Voila on 127.0.0.1).

The kernel websocket is driven by tests/voila_client.py, which speaks the browser's protocol;
the pages are checked in Chromium.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from voila_client import KernelChannel, choice_widget, fetch_page, leave, run
from websockets.exceptions import InvalidStatus

from csl_helpers import load_law

ROOT = Path(__file__).resolve().parent.parent
DASHBOARDS = sorted(p.name for p in (ROOT / "notebooks" / "dashboards").glob("[!._]*.ipynb"))
EXPLORER = "/voila/render/law_explorer.ipynb"
PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def test_execute_request_on_the_kernel_websocket_runs_nothing(voila_url, tmp_path):
    marker = tmp_path / "ran"

    async def visit():
        page = await fetch_page(voila_url + EXPLORER)
        kernel = page.kernel_id
        channel = await KernelChannel.open(voila_url, kernel)
        try:
            await channel.kernel_info()
            code = f"open({str(marker)!r}, 'w').write('x')"
            executed = await channel.send("execute_request", {"code": code, "silent": False})
            # The shell channel answers in order: once this reply is in, the request before it
            # was either handled or dropped.
            await channel.kernel_info()
            await asyncio.sleep(0.5)
            return channel.replies_to(executed)
        finally:
            await channel.close()
            await leave(page, kernel)

    assert run(visit()) == []
    assert not marker.exists()


def test_cross_origin_websocket_is_refused(voila_url):
    async def visit():
        page = await fetch_page(voila_url + EXPLORER)
        try:
            with pytest.raises(InvalidStatus) as refused:
                await KernelChannel.open(voila_url, page.kernel_id, origin="http://evil.example")
            same_origin = await KernelChannel.open(voila_url, page.kernel_id)
            info = await same_origin.kernel_info()
            await same_origin.close()
            return refused.value.response.status_code, info
        finally:
            await leave(page, page.kernel_id)

    status, info = run(visit())
    assert status == 403
    assert info["status"] == "ok"  # the same page from its own origin is served


def test_widget_values_pushed_by_hand_show_no_trace_and_no_wrong_text(page, voila_url):
    law = load_law()
    page.goto(voila_url + EXPLORER)
    expect(page.locator(".csl-text-en h3")).to_have_text("Article 1", timeout=90_000)
    config = json.loads(page.locator("#jupyter-config-data").text_content())

    async def push(states_to_push):
        channel = await KernelChannel.open(voila_url, config["kernelId"])
        try:
            states = await channel.widget_states()
            picker = next(
                cid
                for cid, m in states.items()
                if m["model_name"] == "DropdownModel" and m["state"].get("description") == "Article"
            )
            for state in states_to_push:
                await channel.idle_after(await channel.update_widget(picker, state), 30)
        finally:
            await channel.close()

    message = page.locator(".csl-input-error")
    for bad in ({"index": 10_000}, {"index": "abc"}, {"index": -5}, {"label": None}):
        run(push([bad]))
        expect(message).to_contain_text("“Article” was not changed")
        expect(message).to_contain_text("Valid:")
        expect(page.locator(".csl-text-en h3")).to_have_text("Article 1")
    run(push([{"index": 2}]))
    expect(message).to_have_text("")
    third = law.articles[2]
    expect(page.locator(".csl-text-en h3")).to_have_text(third.citation("en"))
    expect(page.locator(".csl-text-en")).to_contain_text(third.text("en").split("\n")[0][:30])
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "TraitError" not in body


@pytest.mark.parametrize("name", DASHBOARDS)
def test_typed_markup_never_runs(page, voila_url, name):
    page.goto(f"{voila_url}/voila/render/{name}")
    expect(page.locator(".jupyter-widgets").first).to_be_visible(timeout=90_000)
    boxes = page.locator(".widget-text input[type=text], .widget-textarea textarea")
    for i in range(boxes.count()):
        box = boxes.nth(i)
        if box.is_visible() and box.is_enabled():
            box.fill(PAYLOAD)
            box.press("Enter")
            box.blur()
    page.wait_for_timeout(1500)  # let the kernel answer and the page render the answer
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0


def test_a_page_keeps_its_own_kernel(voila_url):
    """Two visitors get two kernels: one visitor's changes never reach another's page."""

    async def visit():
        first, second = await asyncio.gather(
            fetch_page(voila_url + EXPLORER), fetch_page(voila_url + EXPLORER)
        )
        try:
            a = await KernelChannel.open(voila_url, first.kernel_id)
            b = await KernelChannel.open(voila_url, second.kernel_id)
            states = await a.widget_states()
            picker, state = choice_widget(states)
            other = ((state["index"] or 0) + 1) % len(state["_options_labels"])
            msg = await a.update_widget(picker, {"index": other})
            await a.idle_after(msg, 30)
            await asyncio.sleep(0.5)
            seen_by_b = [r for r in b.received if r[1]["header"]["msg_type"] == "comm_msg"]
            await a.close()
            await b.close()
            return first.kernel_id != second.kernel_id, a.updates_to(msg), seen_by_b
        finally:
            await leave(first, first.kernel_id)
            await leave(second, second.kernel_id)

    distinct, updates, seen_by_b = run(visit())
    assert distinct and updates and seen_by_b == []


@pytest.mark.parametrize("name", DASHBOARDS)
def test_pushed_values_of_the_wrong_type_or_out_of_range_get_a_message(voila_url, name):
    """A picker's index pushed by hand: refused with a message, nothing recomputed, no trace."""

    async def visit():
        page = await fetch_page(f"{voila_url}/voila/render/{name}")
        channel = await KernelChannel.open(voila_url, page.kernel_id)
        try:
            await channel.kernel_info()
            states = await channel.widget_states()
            labelled = {k: m for k, m in states.items() if m["state"].get("description")}
            picker, state = choice_widget(labelled)
            message = next(
                cid
                for cid, m in states.items()
                if "csl-input-error" in m["state"].get("_dom_classes", ())
            )
            answers = []
            for bad in ("abc", len(state["_options_labels"]) + 5):
                msg = await channel.update_widget(picker, {"index": bad})
                await channel.idle_after(msg, 30)
                traces = [
                    r
                    for r in channel.replies_to(msg)
                    if r[1]["header"]["msg_type"] == "error"
                    or "Traceback" in str(r[1]["content"].get("text", ""))
                ]
                answers.append((channel.updates_to(msg), traces))
            return picker, state, message, answers
        finally:
            await channel.close()
            await leave(page, page.kernel_id)

    picker, state, message, answers = run(visit())
    for updates, traces in answers:
        assert traces == []
        assert {u["comm_id"] for u in updates} <= {picker, message}  # nothing recomputed
        shown = [u["value"] for u in updates if u["comm_id"] == message and "value" in u]
        assert shown and f"“{state['description']}” was not changed" in shown[-1]
        assert "Valid: index 0" in shown[-1] and "Traceback" not in shown[-1]
        assert all(u.get("index", state["index"]) == state["index"] for u in updates)
