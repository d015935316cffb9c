"""The one module of `make run`'s server code that uses a name Voila keeps private.

:class:`ClassroomKernelManager` (voila.py beside this file) waits before refilling the
preheated pool, and to know whether a visitor has taken a kernel it reads the pools of the
kernel manager Voila builds on it; it reads them too to keep the culler off the kernels still
in a pool and to see when one leaves it. Voila's ``voila_kernel_manager_factory`` makes a
``VoilaKernelManager`` subclass of the configured manager class; each instance keeps its pools
in the private attribute :data:`POOLS`, a dict from notebook path to the list of entries still
waiting (an entry is the asyncio task that starts a kernel and then runs its notebook), and an
entry leaves its list when a visitor takes it. ``pyproject.toml`` keeps Voila below its next
minor version, and tests/test_environment.py fails, naming the name, when the installed Voila's
manager no longer has it.
"""

from __future__ import annotations

import asyncio
from typing import Any

POOLS = "_pools"
"""The attribute of Voila's pooled kernel manager that holds the entries not yet taken."""
PRIVATE_NAMES = (f"voila.voila_kernel_manager.VoilaKernelManager.{POOLS}",)
"""Every private name of Voila this module uses (the class is built by the factory)."""


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
    ids = set()
    for entry in pool_entries(manager):
        if entry.done() and not entry.cancelled() and entry.exception() is None:
            result = entry.result()
            if isinstance(result, dict) and "kernel_id" in result:
                ids.add(result["kernel_id"])
    return ids
