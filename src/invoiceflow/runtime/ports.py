"""Free loopback TCP ports for the processes of a local stack."""

from __future__ import annotations

import socket
import threading

LOOPBACK = "127.0.0.1"

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
    try:
        with _lock:
            while len(picked) < count:
                probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                probes.append(probe)
                probe.bind((LOOPBACK, 0))
                port = int(probe.getsockname()[1])
                if port not in _handed_out:
                    picked.append(port)
            _handed_out.update(picked)
    finally:
        for probe in probes:
            probe.close()
    return picked


def is_listening(port: int, host: str = LOOPBACK, timeout: float = 0.2) -> bool:
    """True when something accepts TCP connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False
