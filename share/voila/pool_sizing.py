"""How many preheated kernels the machine running `make run` can hold, from its memory.

:class:`ClassroomKernelManager` (voila.py beside this file) sizes its pools itself when
`make run` is given no pool: each dashboard keeps an idle pool sized from the machine's memory,
and the pool of a dashboard whose kernels visitors keep taking grows while the memory allows.
What a kernel costs is measured on the server's own kernels (their resident memory), so the
figures follow the dashboards as they change.
"""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass

import psutil

KERNEL_GUESS = 100 * 2**20
"""Resident memory assumed for one kernel until one of the server's kernels is measured."""
IDLE_SHARE = 0.1
"""The share of the machine's memory the idle pools of all dashboards may hold together."""


@dataclass(frozen=True)
class Memory:
    """The machine's memory and what one of the server's kernels takes (bytes)."""

    total: int
    available: int
    kernel: int

    def idle_pool(self, dashboards: int, floor: int, ceiling: int) -> int:
        """Preheated kernels per dashboard while no class arrives.

        :data:`IDLE_SHARE` of the memory over every dashboard's pool, at least ``floor`` and at
        most ``ceiling`` (``floor`` wins if they cross).
        """
        fits = int(self.total * IDLE_SHARE / (self.kernel * max(dashboards, 1)))
        return max(floor, min(ceiling, fits))

    def room(self, share: float) -> int:
        """More kernels the server may start before its kernels hold ``share`` of the memory.

        It stops where less than ``1 - share`` of the machine would be left free.
        """
        reserve = self.total * (1 - share)
        return max(0, int((self.available - reserve) // self.kernel))


def kernel_rss(server: int | None = None) -> int:
    """The median resident memory of the server's running kernels, or :data:`KERNEL_GUESS`."""
    try:
        children = psutil.Process(server or os.getpid()).children(recursive=True)
    except psutil.Error:
        return KERNEL_GUESS
    sizes = []
    for child in children:
        try:
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                sizes.append(child.memory_info().rss)
        except psutil.Error:
            continue
    return int(statistics.median(sizes)) if sizes else KERNEL_GUESS


def measure(server: int | None = None) -> Memory:
    """The machine's memory now, and one kernel of the server (this process by default)."""
    memory = psutil.virtual_memory()
    return Memory(memory.total, memory.available, kernel_rss(server))
