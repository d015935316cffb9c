"""No value pushed to any widget model of a dashboard sends a traceback to the page.

A page holds every widget model of its kernel (the states ``request_states`` returns), layout
and style models included, and anyone can push a change to any of them on the kernel websocket.
Against a real Voila server started as `make run` starts it (tests/voila_client.py speaks the
browser's protocol), every dashboard gets, for every field of every model, values of the wrong
type, a field the model does not have, a click and a message no model takes (the pickers
that recompute a dashboard get their wrong values in tests/test_security.py). No ``error``
message and no traceback may reach the page, the kernel keeps answering, and each refusal is
told in the dashboard's message as for the guarded inputs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from voila_client import KernelChannel, fetch_page, leave, run

ROOT = Path(__file__).resolve().parent.parent
DASHBOARDS = sorted(p.name for p in (ROOT / "notebooks" / "dashboards").glob("[!._]*.ipynb"))
LEFT_ALONE = {"DropdownModel", "SelectModel", "ToggleButtonsModel", "RadioButtonsModel"}
"""Controls whose good values recompute a dashboard: their bad values are tested elsewhere."""


def wrong_value(value: Any) -> Any:
    """A value of another type than ``value`` (a bad reference for a list of models)."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int | float):
        return "12"
    if isinstance(value, str):
        return {"a": 1}
    if isinstance(value, list):
        return ["IPY_MODEL_no_such_model", 5]
    if isinstance(value, dict):
        return "text"
    return [1]


def pushes(model: dict[str, Any]) -> list[dict[str, Any]]:
    """The comm messages' data pushed to one model."""
    data = [
        {"method": "update", "state": {field: wrong_value(value)}, "buffer_paths": []}
        for field, value in model["state"].items()
    ]
    data.append({"method": "update", "state": {"no_such_field": 1}, "buffer_paths": []})
    data.append({"method": "update", "state": "not a state", "buffer_paths": []})
    data.append({"method": "bogus"})
    if model["model_name"] != "ButtonModel":  # a button's click is its legitimate message
        data.append({"method": "custom", "content": {"event": "click"}})
    return data


def is_trace(reply: tuple[str, dict, list]) -> bool:
    """An ``error`` message, or any output that carries a traceback."""
    _, msg, _ = reply
    text = str(msg["content"])
    return msg["header"]["msg_type"] == "error" or "Traceback" in text or "TraitError" in text


@pytest.mark.parametrize("name", DASHBOARDS)
def test_wrong_values_pushed_to_every_model_send_no_traceback(voila_url, name):
    async def visit():
        page = await fetch_page(f"{voila_url}/voila/render/{name}")
        channel = await KernelChannel.open(voila_url, page.kernel_id)
        try:
            await channel.kernel_info()
            states = await channel.widget_states()
            message = next(
                cid
                for cid, m in states.items()
                if "csl-input-error" in m["state"].get("_dom_classes", ())
            )
            sent, last = 0, None
            for comm_id, model in states.items():
                if model["model_name"] in LEFT_ALONE:
                    continue
                for data in pushes(model):
                    content = {"comm_id": comm_id, "data": data}
                    last = await channel.send("comm_msg", content)
                    sent += 1
                await channel.idle_after(last, 60)  # the shell handles messages in order
            info = await channel.kernel_info()
            shown = [u["value"] for u in channel.updates_to(last) if u["comm_id"] == message] or [
                r[1]["content"]["data"]["state"]["value"]
                for r in channel.received
                if r[1]["header"]["msg_type"] == "comm_msg"
                and r[1]["content"].get("comm_id") == message
                and "value" in r[1]["content"]["data"].get("state", {})
            ]
            return len(states), sent, [r for r in channel.received if is_trace(r)], info, shown
        finally:
            await channel.close()
            await leave(page, page.kernel_id)

    models, sent, traces, info, shown = run(visit(), timeout=600)
    assert models > 20 and sent > 5 * models
    assert traces == []
    assert info["status"] == "ok"  # the kernel still answers
    assert shown and "was not changed" in shown[-1] and "Valid:" in shown[-1]
