"""Failures inside the workflow layer. Their message always starts with a stable ``ErrorCode`` value
(``"NOT_A_PDF: the input does not start with a PDF header"``): the message is all that survives the trip
through the workflow history, so ``split_code`` reads the code back from it."""

from __future__ import annotations

import re

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError

_CODE_PREFIX = re.compile(r"^\s*([A-Z][A-Z_]+):\s*(.*)$", re.DOTALL)


class ActivityError(Exception):
    """An activity failed in a way a retry may fix (service 5xx, sidecar unreachable)."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(f"{code.value}: {message}")
        self.code = code
        self.message = message


class BadInputError(ActivityError):
    """The service refused the input (4xx problem answer): retrying cannot help (see ``retry.py``)."""


class InvoiceWorkflowError(Exception):
    """Raised by the workflow itself so the instance ends FAILED with ``"<CODE>: <message>"``."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(f"{code.value}: {message}")
        self.code = code


def split_code(message: str | None) -> tuple[ErrorCode, str]:
    """``("NOT_A_PDF", "…")`` from ``"NOT_A_PDF: …"``; ``INTERNAL`` when the message carries no code."""
    text = message or ""
    # Failure messages may nest ("Activity task #3 failed: NOT_A_PDF: …"): take the first known code.
    for candidate in re.finditer(r"\b([A-Z][A-Z_]+):\s*", text):
        if candidate.group(1) in ErrorCode.__members__:
            return ErrorCode(candidate.group(1)), text[candidate.end() :]
    matched = _CODE_PREFIX.match(text)
    return ErrorCode.INTERNAL, (matched.group(2) if matched else text)


def to_domain_error(message: str | None) -> InvoiceFlowError:
    code, detail = split_code(message)
    return InvoiceFlowError(detail.strip() or "workflow failed", code=code)
