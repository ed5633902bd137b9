"""Pub/sub: publish JSON with CloudEvents metadata, and typed subscriptions for FastAPI apps.

Subscribing is programmatic: ``SubscriptionRouter`` serves ``GET /dapr/subscribe`` and one ``POST`` route
per topic. A handler receives a validated ``CloudEvent[Model]`` and returns a ``MessageStatus``:
SUCCESS acknowledges, RETRY asks daprd to redeliver (under the component's Resiliency policy; without
one daprd dead-letters after one attempt), DROP discards. A handler that raises is answered RETRY; a
payload that does not validate is answered DROP (redelivering a malformed message cannot fix it).

``dapr.ext.fastapi.DaprApp`` is not used: its decorator returns ``None`` (the decorated function is lost),
it exposes the raw request body and has no return-status contract.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar, get_type_hints

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import to_json

if TYPE_CHECKING:
    from invoiceflow.dapr.client import DaprClient

log = logging.getLogger(__name__)

T = TypeVar("T")


class MessageStatus(StrEnum):
    SUCCESS = "SUCCESS"
    RETRY = "RETRY"
    DROP = "DROP"


class CloudEvent(BaseModel, Generic[T]):
    """The CloudEvents 1.0 envelope daprd delivers, with ``data`` validated into ``T``."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id: str
    source: str
    type: str
    specversion: str = "1.0"
    datacontenttype: str | None = None
    subject: str | None = None
    time: str | None = None
    topic: str | None = None
    pubsubname: str | None = None
    traceparent: str | None = None
    data: T


class PubSubManager:
    """Publishes to one pub/sub component through an open ``DaprClient``."""

    def __init__(self, client: DaprClient, pubsub_name: str) -> None:
        self._client = client
        self.pubsub_name = pubsub_name

    async def publish(
        self,
        topic: str,
        data: Any,
        *,
        event_id: str | None = None,
        event_type: str | None = None,
        source: str | None = None,
        subject: str | None = None,
        ttl_seconds: int | None = None,
        metadata: dict[str, str] | None = None,
    ) -> None:
        """Publish ``data`` (model or JSON-able) as a CloudEvent; the keyword fields override its attributes.

        ``event_id`` makes redelivery detectable (subscribers can de-duplicate on it).
        """
        publish_metadata = build_publish_metadata(
            event_id=event_id,
            event_type=event_type,
            source=source,
            subject=subject,
            ttl_seconds=ttl_seconds,
            metadata=metadata,
        )
        await self._client.call(
            "pubsub.publish",
            self._client.sdk.publish_event(
                self.pubsub_name,
                topic,
                to_json(data),
                publish_metadata=publish_metadata,
                data_content_type="application/json",
            ),
        )


def build_publish_metadata(
    *,
    event_id: str | None = None,
    event_type: str | None = None,
    source: str | None = None,
    subject: str | None = None,
    ttl_seconds: int | None = None,
    metadata: dict[str, str] | None = None,
) -> dict[str, str]:
    """Dapr's publish metadata keys for overriding CloudEvent attributes (``cloudevent.<attr>``)."""
    built = dict(metadata or {})
    for attribute, value in (
        ("id", event_id),
        ("type", event_type),
        ("source", source),
        ("subject", subject),
    ):
        if value is not None:
            built[f"cloudevent.{attribute}"] = value
    if ttl_seconds is not None:
        built["ttlInSeconds"] = str(int(ttl_seconds))
    return built


EventHandler = Callable[[CloudEvent[Any]], Awaitable[MessageStatus]]
TypedHandler = Callable[[CloudEvent[T]], Awaitable[MessageStatus]]


@dataclass(frozen=True)
class Subscription:
    pubsub_name: str
    topic: str
    route: str
    event_model: type[CloudEvent[Any]]
    handler: EventHandler
    dead_letter_topic: str | None = None
    metadata: dict[str, str] | None = None

    def declaration(self) -> dict[str, Any]:
        """This subscription as daprd expects it from ``GET /dapr/subscribe``."""
        declared: dict[str, Any] = {"pubsubname": self.pubsub_name, "topic": self.topic, "route": self.route}
        if self.dead_letter_topic:
            declared["deadLetterTopic"] = self.dead_letter_topic
        if self.metadata:
            declared["metadata"] = self.metadata
        return declared


class SubscriptionRouter:
    """Collects ``@subscribe`` handlers and installs them (plus ``/dapr/subscribe``) on a FastAPI app."""

    def __init__(self, pubsub_name: str) -> None:
        self.pubsub_name = pubsub_name
        self.subscriptions: list[Subscription] = []

    def subscribe(
        self,
        topic: str,
        *,
        route: str | None = None,
        dead_letter_topic: str | None = None,
        metadata: dict[str, str] | None = None,
        pubsub_name: str | None = None,
    ) -> Callable[[TypedHandler[T]], TypedHandler[T]]:
        """Register ``async def handler(event: CloudEvent[Model]) -> MessageStatus`` for ``topic``.

        The event model comes from the handler's annotation (``CloudEvent[Invoice]``); the handler is
        returned unchanged so it stays directly callable in tests.
        """
        pubsub = pubsub_name or self.pubsub_name

        def decorator(handler: TypedHandler[T]) -> TypedHandler[T]:
            self.subscriptions.append(
                Subscription(
                    pubsub_name=pubsub,
                    topic=topic,
                    route=route or f"/dapr/events/{pubsub}/{topic}",
                    event_model=_event_model_of(handler),
                    handler=handler,
                    dead_letter_topic=dead_letter_topic,
                    metadata=metadata,
                )
            )
            return handler

        return decorator

    def router(self) -> APIRouter:
        router = APIRouter(tags=["pubsub"])
        router.add_api_route("/dapr/subscribe", self._declarations, methods=["GET"])
        for subscription in self.subscriptions:
            router.add_api_route(subscription.route, _endpoint_for(subscription), methods=["POST"])
        return router

    def install(self, app: FastAPI) -> None:
        app.include_router(self.router())

    async def _declarations(self) -> list[dict[str, Any]]:
        return [subscription.declaration() for subscription in self.subscriptions]


def _event_model_of(handler: Callable[..., Any]) -> type[CloudEvent[Any]]:
    parameters = list(inspect.signature(handler).parameters)
    if not parameters:
        raise TypeError(f"{handler!r}: a subscription handler takes one CloudEvent[...] argument")
    annotation = get_type_hints(handler).get(parameters[0], CloudEvent[Any])
    if not (isinstance(annotation, type) and issubclass(annotation, CloudEvent)):
        raise TypeError(f"{handler!r}: annotate the argument as CloudEvent[YourModel], got {annotation!r}")
    return annotation


def _endpoint_for(subscription: Subscription) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def endpoint(request: Request) -> JSONResponse:
        status = await deliver(subscription, await request.body())
        return JSONResponse({"status": status.value})

    endpoint.__name__ = f"on_{subscription.pubsub_name}_{subscription.topic}".replace("-", "_").replace(
        ".", "_"
    )
    return endpoint


async def deliver(subscription: Subscription, body: bytes) -> MessageStatus:
    """Validate one delivery and run the handler; map failures to the status daprd should act on."""
    try:
        event = subscription.event_model.model_validate_json(body)
    except ValidationError as exc:
        log.warning("dropping malformed event on %s: %s", subscription.topic, exc.errors()[:3])
        return MessageStatus.DROP
    try:
        status = await subscription.handler(event)
    except Exception:
        log.exception(
            "handler for %s failed on event %s; asking for redelivery", subscription.topic, event.id
        )
        return MessageStatus.RETRY
    return MessageStatus(status)
