"""One error hierarchy for the domain core: every failure carries a stable, machine-readable code."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    """Stable error codes. Never rename a member: API clients and CLI scripts match on the value."""

    NOT_A_PDF = "NOT_A_PDF"
    PDF_TRUNCATED = "PDF_TRUNCATED"
    PDF_CORRUPT = "PDF_CORRUPT"
    PDF_ENCRYPTED = "PDF_ENCRYPTED"
    PDF_EMPTY = "PDF_EMPTY"
    PDF_TOO_LARGE = "PDF_TOO_LARGE"
    PDF_TOO_MANY_PAGES = "PDF_TOO_MANY_PAGES"
    PAGE_TOO_LARGE = "PAGE_TOO_LARGE"
    RENDER_FAILED = "RENDER_FAILED"
    OCR_UNAVAILABLE = "OCR_UNAVAILABLE"
    OCR_FAILED = "OCR_FAILED"
    FILE_NOT_FOUND = "FILE_NOT_FOUND"
    FILE_UNREADABLE = "FILE_UNREADABLE"
    PATH_NOT_ALLOWED = "PATH_NOT_ALLOWED"
    URL_NOT_ALLOWED = "URL_NOT_ALLOWED"
    EINVOICE_MALFORMED = "EINVOICE_MALFORMED"
    INVALID_INPUT = "INVALID_INPUT"
    INTERNAL = "INTERNAL"


class InvoiceFlowError(Exception):
    """Base error of InvoiceFlow: a stable ``code``, a human message and structured ``details``."""

    code: ErrorCode = ErrorCode.INTERNAL

    def __init__(self, message: str, *, code: ErrorCode | None = None, **details: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return f"{self.code.value}: {self.message}"


class InvalidDocumentError(InvoiceFlowError):
    """The input is not a PDF we can process (bad bytes, encrypted, over a limit)."""

    code = ErrorCode.NOT_A_PDF


class OcrError(InvoiceFlowError):
    code = ErrorCode.OCR_FAILED


class InputNotAllowedError(InvoiceFlowError):
    """A path outside the allowed base directory or a URL off the allow-list."""

    code = ErrorCode.PATH_NOT_ALLOWED
