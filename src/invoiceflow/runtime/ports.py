"""Free loopback TCP ports for the processes of a local stack.

Ports are drawn below the kernel's ephemeral range (``net.ipv4.ip_local_port_range``): a port found free
inside it can be taken by any outgoing connection's local end before our child binds it, and a running
stack opens hundreds of them (gRPC, the sidecars, the state store). Below the range only another
listener can take it. Where the range cannot be read or leaves no room below it, the kernel picks.
"""

from __future__ import annotations

import random
import socket
import threading
from pathlib import Path

LOOPBACK = "127.0.0.1"
# Listening ports are drawn from [_LOWEST, start of the ephemeral range): above the well-known and most
# registered service ports.
_LOWEST = 10000
_EPHEMERAL_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_ATTEMPTS = 200  # candidates tried per port before the kernel is asked

# Ports this process already handed out: the kernel may offer a port again as soon as its probe socket
# is closed, and two stacks (or two sidecars) in one process must never be given the same one.
_handed_out: set[int] = set()
_lock = threading.Lock()


def free_ports(count: int) -> list[int]:
    """Return ``count`` distinct ports that were free on 127.0.0.1 a moment ago.

    All probe sockets stay open until every port is picked, so the kernel cannot offer one twice within
    a call. Another program may still take a port before our child binds it; the launcher detects that
    ("address already in use") and retries with fresh ports.
    """
    if count < 0:
        raise ValueError("count must be >= 0")
    probes: list[socket.socket] = []
    picked: list[int] = []
    below = _below_ephemeral_range()
    try:
        with _lock:
            while len(picked) < count:
                probe = _bound_probe(below)
                probes.append(probe)
                port = int(probe.getsockname()[1])
                if port not in _handed_out and port not in picked:
                    picked.append(port)
            _handed_out.update(picked)
    finally:
        for probe in probes:
            probe.close()
    return picked


def _bound_probe(candidates: range | None) -> socket.socket:
    """A socket bound to a free loopback port: one of ``candidates`` when one is free, else the kernel's."""
    for port in random.sample(candidates, min(_ATTEMPTS, len(candidates))) if candidates else ():
        if port in _handed_out:
            continue
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            probe.bind((LOOPBACK, port))
        except OSError:  # in use: try another
            probe.close()
            continue
        return probe
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind((LOOPBACK, 0))
    return probe


def _below_ephemeral_range() -> range | None:
    """The ports between ``_LOWEST`` and the kernel's ephemeral range; None when unknown or too few."""
    try:
        start = int(_EPHEMERAL_RANGE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return range(_LOWEST, start) if start - _LOWEST >= 1000 else None


def is_listening(port: int, host: str = LOOPBACK, timeout: float = 0.2) -> bool:
    """True when something accepts TCP connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False
