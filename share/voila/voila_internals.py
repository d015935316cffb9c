"""The one module of `make run`'s server code that uses a name Voila keeps private.

:class:`ClassroomKernelManager` (voila.py beside this file) waits before refilling the
preheated pool, and to know whether a visitor has taken a kernel it reads the pools of the
kernel manager Voila builds on it; it reads them too to keep the culler off the kernels still
in a pool and to see when one leaves it. Voila's ``voila_kernel_manager_factory`` makes a
``VoilaKernelManager`` subclass of the configured manager class; each instance keeps its pools
in the private attribute :data:`POOLS`, a dict from notebook path to the list of entries still
waiting (an entry is the asyncio task that starts a kernel and then runs its notebook), and an
entry leaves its list when a visitor takes it. The automatic pools read which kernels each
notebook's pool started (:data:`NOTEBOOK_DATA`) to count the kernels visitors took, and take
surplus entries out of a pool to shut them down. ``pyproject.toml`` keeps Voila below its next
minor version, and tests/test_environment.py fails, naming the name, when the installed Voila's
manager no longer has it.
"""

from __future__ import annotations

import asyncio
from typing import Any

POOLS = "_pools"
"""The attribute of Voila's pooled kernel manager that holds the entries not yet taken."""
PRIVATE_NAMES = (f"voila.voila_kernel_manager.VoilaKernelManager.{POOLS}",)
NOTEBOOK_DATA = "notebook_data"
"""The attribute, public but of an undocumented shape, with each notebook's started kernels."""
"""Every private name of Voila this module uses (the class is built by the factory)."""


def pools(manager: Any) -> dict[str, list[asyncio.Task]]:
    """Each notebook's entries still waiting in a pooled manager's pool, oldest first.

    A manager Voila did not give pools (preheating off) has none. The lists are copies.
    """
    return {notebook: list(pool) for notebook, pool in getattr(manager, POOLS, {}).items()}


def kernel_of(entry: asyncio.Task, *, rendered: bool = False) -> str | None:
    """The kernel an entry started, once it has; None while it starts or if it failed.

    With ``rendered``, only once the kernel has run its notebook too (the entry's rendering
    task, under ``"task"``, is done).
    """
    if entry.done() and not entry.cancelled() and entry.exception() is None:
        result = entry.result()
        if isinstance(result, dict) and "kernel_id" in result:
            task = result.get("task")
            if rendered and isinstance(task, asyncio.Future) and not task.done():
                return None
            return result["kernel_id"]
    return None


def pool_entries(manager: Any) -> set[asyncio.Task]:
    """The entries waiting in a pooled manager's pools, none taken by a visitor yet.

    A manager Voila did not give pools (preheating off) has none.
    """
    return {entry for pool in getattr(manager, POOLS, {}).values() for entry in pool}


def pooled_kernel_ids(manager: Any) -> set[str]:
    """The kernels started for entries still waiting in a pooled manager's pools.

    An entry that is done holds the kernel id under ``"kernel_id"``; one still starting, or
    that failed, has no kernel yet.
    """
    return {kernel for kernel in map(kernel_of, pool_entries(manager)) if kernel is not None}


def leave_pool(manager: Any, notebook: str, entry: asyncio.Task) -> bool:
    """Take an entry out of its pool (no visitor can take it then); False if it was not there."""
    pool = getattr(manager, POOLS, {}).get(notebook, [])
    if entry in pool:
        pool.remove(entry)
        return True
    return False


def started_kernels(manager: Any) -> dict[str, set[str]]:
    """The kernels started for each notebook's pool and still running, taken or not.

    Voila's ``notebook_data`` keeps, per notebook path, the ids of the kernels its pool
    started (``"kernel_ids"``) until they are shut down.
    """
    data = getattr(manager, NOTEBOOK_DATA, {})
    return {notebook: set(value.get("kernel_ids", ())) for notebook, value in data.items()}
