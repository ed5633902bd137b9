"""The Dapr retry policy (``invoiceflow.workflow.retry``) restated for Prefect without importing Dapr:
3 attempts in all, 1 s first delay, backoff 2, at most 10 s between attempts. A unit test keeps the two
in step. Bad input (a domain error with a 4xx meaning) is never retried, as on the Dapr path."""

from __future__ import annotations

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError

MAX_ATTEMPTS = 3
FIRST_RETRY_SECONDS = 1.0
BACKOFF_COEFFICIENT = 2.0
MAX_RETRY_SECONDS = 10.0

# The codes the services answer with a 5xx: ours, and possibly transient. Everything else is bad input.
TRANSIENT_CODES = frozenset({ErrorCode.INTERNAL, ErrorCode.OCR_UNAVAILABLE})


def retry_delays(
    max_attempts: int = MAX_ATTEMPTS,
    first_seconds: float = FIRST_RETRY_SECONDS,
    coefficient: float = BACKOFF_COEFFICIENT,
    cap_seconds: float = MAX_RETRY_SECONDS,
) -> list[float]:
    """The delay before each retry (one fewer than the attempts), exponential and capped."""
    return [min(first_seconds * coefficient**n, cap_seconds) for n in range(max_attempts - 1)]


def is_retryable(error: BaseException | object) -> bool:
    """Retry everything except bad input: a domain error with a code that no retry can fix."""
    if isinstance(error, InvoiceFlowError):
        return error.code in TRANSIENT_CODES
    return True
