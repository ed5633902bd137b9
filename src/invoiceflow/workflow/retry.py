"""The one retry policy of every activity and child workflow: 3 attempts in all (the count includes the
first), 1 s first interval, backoff 2, at most 10 s between attempts (``max_retry_interval`` must be set
for retries to happen at all: dapr/python-sdk#836). ``BadInputError`` (bad input) and
``InvoiceWorkflowError`` (a child whose activities already used their retries) are never retried."""

from __future__ import annotations

from datetime import timedelta

from dapr.ext.workflow import RetryPolicy

# The public RetryPolicy (SDK 1.19) does not expose non-retryable error types; the durabletask policy
# it wraps does, so we build that one and hand it over through ``obj``.
from dapr.ext.workflow._durabletask import task as durable_task

from invoiceflow.workflow.errors import BadInputError, InvoiceWorkflowError

MAX_ATTEMPTS = 3
FIRST_RETRY_INTERVAL = timedelta(seconds=1)
BACKOFF_COEFFICIENT = 2.0
MAX_RETRY_INTERVAL = timedelta(seconds=10)


class _PolicyWithPermanentErrors(RetryPolicy):
    def __init__(
        self,
        *,
        first_retry_interval: timedelta,
        max_number_of_attempts: int,
        backoff_coefficient: float,
        max_retry_interval: timedelta,
        non_retryable: list[str],
    ) -> None:
        super().__init__(
            first_retry_interval=first_retry_interval,
            max_number_of_attempts=max_number_of_attempts,
            backoff_coefficient=backoff_coefficient,
            max_retry_interval=max_retry_interval,
        )
        self._with_permanent = durable_task.RetryPolicy(
            first_retry_interval=first_retry_interval,
            max_number_of_attempts=max_number_of_attempts,
            backoff_coefficient=backoff_coefficient,
            max_retry_interval=max_retry_interval,
            non_retryable_error_types=list(non_retryable),
        )

    @property
    def obj(self) -> durable_task.RetryPolicy:
        return self._with_permanent


def invoice_retry_policy(
    *,
    max_attempts: int = MAX_ATTEMPTS,
    first_interval: timedelta = FIRST_RETRY_INTERVAL,
    max_interval: timedelta = MAX_RETRY_INTERVAL,
) -> RetryPolicy:
    return _PolicyWithPermanentErrors(
        # Bad input never heals; a failed child already spent its activities' retries.
        non_retryable=[BadInputError.__name__, InvoiceWorkflowError.__name__],
        first_retry_interval=first_interval,
        max_number_of_attempts=max_attempts,
        backoff_coefficient=BACKOFF_COEFFICIENT,
        max_retry_interval=max_interval,
    )


INVOICE_RETRY = invoice_retry_policy()
