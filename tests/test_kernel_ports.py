"""Kernel ports outside the ephemeral range (share/voila/kernel_ports.py and its manager)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from conftest import share_voila
from traitlets import Unicode
from traitlets.config import Configurable
from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parent.parent
kernel_ports = share_voila("kernel_ports")


def _free_range(size: int) -> range:
    """``size`` consecutive ports below the ephemeral range, all free now."""
    for start in range(kernel_ports.LOWEST, kernel_ports.ephemeral_start() - size, 997):
        ports = range(start, start + size)
        if all(kernel_ports._bindable("127.0.0.1", p) for p in ports):
            return ports
    pytest.fail("no free ports below the ephemeral range")


def test_the_range_ends_where_the_system_starts_its_ephemeral_ports(tmp_path):
    said = tmp_path / "ip_local_port_range"
    said.write_text("40000\t60999\n")
    assert kernel_ports.kernel_port_range(said) == range(kernel_ports.LOWEST, 40000)
    assert kernel_ports.ephemeral_start(tmp_path / "missing") == kernel_ports.EPHEMERAL_FROM


def test_free_ports_skips_the_taken_and_the_bound():
    ports = _free_range(7)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", ports[0]))
        listener.listen()
        given = kernel_ports.free_ports("127.0.0.1", {ports[1]}, count=5, ports=ports)
    assert sorted(given) == list(ports[2:])


def test_too_few_free_ports_is_an_error_naming_the_range():
    ports = _free_range(3)
    with pytest.raises(RuntimeError, match=f"{ports.start}-{ports.stop - 1}"):
        kernel_ports.free_ports("127.0.0.1", set(), count=5, ports=ports)


class _VoilaApp(Configurable):
    root_dir = Unicode()
    notebook_path = None


def test_make_runs_manager_gives_each_kernel_its_own_ports_below_the_ephemeral_range(tmp_path):
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    config = PyFileConfigLoader("voila.py", path=str(ROOT / "share" / "voila")).load_config()
    ours = config.VoilaConfiguration.multi_kernel_manager_class
    manager = voila_kernel_manager_factory(ours, True, 0)(parent=_VoilaApp(root_dir=str(tmp_path)))
    first, _, _ = manager.pre_start_kernel("python3", {})
    second, _, _ = manager.pre_start_kernel("python3", {})
    allowed = kernel_ports.kernel_port_range()
    assert all(port in allowed for port in first.ports + second.ports)
    assert len(set(first.ports + second.ports)) == 10
    assert not first.cache_ports  # jupyter_client keeps them instead of picking its own
