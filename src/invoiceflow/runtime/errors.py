"""Failures of the local Dapr stack: which process, how it ended, and what it last logged."""

from __future__ import annotations

import signal
from pathlib import Path


def describe_exit(returncode: int) -> str:
    """``exit code 1`` or ``killed by signal SIGKILL`` (Popen reports signals as negative codes)."""
    if returncode < 0:
        try:
            return f"killed by signal {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exit code {returncode}"


class StackError(RuntimeError):
    """The local Dapr stack could not start or stopped working."""


class ProcessDiedError(StackError):
    """A process of the stack exited while it was expected to run."""

    def __init__(self, name: str, pid: int, returncode: int, log_path: Path, log_tail: str) -> None:
        self.name = name
        self.pid = pid
        self.returncode = returncode
        self.log_path = log_path
        self.log_tail = log_tail
        super().__init__(f"{self.summary}, last lines:\n{log_tail}")

    @property
    def summary(self) -> str:
        """One line: which process, how it ended, where its log is."""
        return f"{self.name} (pid {self.pid}) died: {describe_exit(self.returncode)}; log {self.log_path}"


class StackStartTimeoutError(StackError):
    """A process kept running but did not report healthy in time."""

    def __init__(self, name: str, health_url: str, timeout: float, log_path: Path, log_tail: str) -> None:
        self.name = name
        self.health_url = health_url
        self.timeout = timeout
        self.log_path = log_path
        self.log_tail = log_tail
        super().__init__(
            f"{name} not healthy at {health_url} after {timeout:.1f} s; "
            f"log {log_path}, last lines:\n{log_tail}"
        )
