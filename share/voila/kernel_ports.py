"""TCP ports for a kernel that no outgoing connection can take before the kernel binds them.

jupyter_client picks a kernel's five ports by binding port 0 and closing the socket: the system
hands out a port of its ephemeral range, the one it also gives every outgoing connection. The
kernel binds the port a moment later; when a class arrives, the server opens hundreds of
connections (to its kernels, from the visitors' browsers) in that moment, and one of them can
take a port first. The kernel then dies at start ("Address already in use") and its visitor
gets a page without a dashboard: one page of 40 in a class of 40 over 30 s on 2 cores.

Ports are picked here from below the ephemeral range instead, where no outgoing connection
goes, each checked free by binding it, none given twice while a kernel may still hold it.
"""

from __future__ import annotations

import random
import socket
from pathlib import Path

PORT_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
"""Where Linux says which ports it gives outgoing connections."""
LOWEST = 20000
"""The lowest port given to a kernel; below it are ports other services tend to listen on."""
EPHEMERAL_FROM = 32768
"""Where the ephemeral range starts when the system does not say (Linux's default; macOS and
Windows start at 49152)."""


def ephemeral_start(path: Path = PORT_RANGE) -> int:
    """The first port of the system's ephemeral range."""
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return EPHEMERAL_FROM


def kernel_port_range(path: Path = PORT_RANGE) -> range:
    """The ports kernels are given: from :data:`LOWEST` up to the ephemeral range (may be empty)."""
    return range(LOWEST, ephemeral_start(path))


def free_ports(ip: str, taken: set[int], count: int = 5, ports: range | None = None) -> list[int]:
    """``count`` ports free on ``ip``, none of ``taken``.

    They come from ``ports`` (default :func:`kernel_port_range`). A port is free when it can be
    bound at this moment. Raises ``RuntimeError`` when ``ports`` has too few free ones.
    """
    ports = kernel_port_range() if ports is None else ports
    chosen: list[int] = []
    start = random.randrange(len(ports)) if ports else 0
    for i in range(len(ports)):
        port = ports[(start + i) % len(ports)]
        if port in taken or not _bindable(ip, port):
            continue
        chosen.append(port)
        if len(chosen) == count:
            return chosen
    raise RuntimeError(
        f"only {len(chosen)} free ports in {ports.start}-{ports.stop - 1} on {ip}; {count} needed"
    )


def _bindable(ip: str, port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((ip, port))
        except OSError:
            return False
    return True
