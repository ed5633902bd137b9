"""The typed Dapr layer: services and workflow code reach Dapr only through this package.

``async with DaprClient(DaprSettings.from_env()) as dapr:`` then ``dapr.state("statestore")``,
``dapr.pubsub("pubsub")``, ``dapr.invoker()``, ``dapr.secrets(...)``, ``dapr.bindings()``,
``dapr.workflows()``; errors are ``invoiceflow.dapr.errors.DaprError`` subclasses.
"""

from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.dapr.errors import (
    DaprConflictError,
    DaprError,
    DaprInvalidArgumentError,
    DaprInvocationError,
    DaprNotFoundError,
    DaprPermissionError,
    DaprTimeoutError,
    DaprUnavailableError,
    DaprUnsupportedError,
)
from invoiceflow.dapr.invoke import HttpMethod, InvokeResponse, ServiceInvoker
from invoiceflow.dapr.pubsub import CloudEvent, MessageStatus, PubSubManager, SubscriptionRouter
from invoiceflow.dapr.state import Delete, StateEntry, StateManager, Upsert

__all__ = [
    "CloudEvent",
    "DaprClient",
    "DaprConflictError",
    "DaprError",
    "DaprInvalidArgumentError",
    "DaprInvocationError",
    "DaprNotFoundError",
    "DaprPermissionError",
    "DaprSettings",
    "DaprTimeoutError",
    "DaprUnavailableError",
    "DaprUnsupportedError",
    "Delete",
    "HttpMethod",
    "InvokeResponse",
    "MessageStatus",
    "PubSubManager",
    "ServiceInvoker",
    "StateEntry",
    "StateManager",
    "SubscriptionRouter",
    "Upsert",
]
