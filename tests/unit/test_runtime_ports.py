"""Free loopback ports: distinct within a call and across calls, and really bindable."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from invoiceflow.runtime.ports import LOOPBACK, free_ports, is_listening


def test_ports_are_distinct_within_and_across_calls() -> None:
    first = free_ports(20)
    second = free_ports(20)

    assert len(set(first)) == 20
    assert not set(first) & set(second)


def test_handed_out_ports_can_be_bound_on_loopback() -> None:
    sockets = []
    try:
        for port in free_ports(5):
            sock = socket.socket()
            sockets.append(sock)
            sock.bind((LOOPBACK, port))
    finally:
        for sock in sockets:
            sock.close()


def test_negative_count_is_rejected() -> None:
    with pytest.raises(ValueError, match="count"):
        free_ports(-1)


def test_is_listening_tells_a_listener_from_a_closed_port() -> None:
    with socket.socket() as server:
        server.bind((LOOPBACK, 0))
        server.listen()
        port = server.getsockname()[1]
        assert is_listening(port)
    assert not is_listening(port)


def test_ports_come_from_below_the_ephemeral_range_where_outgoing_connections_never_land() -> None:
    start = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])

    ports = free_ports(30)

    assert all(10000 <= port < start for port in ports)
