"""Key/value state through the sidecar: get / save / delete, bulk get, transactions, ETags and TTL.

Values are stored as JSON (pydantic models or JSON-able values) and read back into the type you name.
Passing an ``etag`` switches the call to first-write concurrency: a stale ETag raises
``DaprConflictError``. Note (measured on state.redis): a *transaction* with one stale ETag returns an
error yet may still apply its other operations, so do not rely on it for all-or-nothing with every store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import TypeAdapter
from pydantic_core import to_json

from invoiceflow.dapr.errors import DaprError

if TYPE_CHECKING:
    from invoiceflow.dapr.client import DaprClient

T = TypeVar("T")

TTL_METADATA_KEY = "ttlInSeconds"


@dataclass(frozen=True)
class StateEntry(Generic[T]):
    """A value read from the store, with the ETag to pass back for a first-write-wins save or delete."""

    key: str
    value: T
    etag: str | None


@dataclass(frozen=True)
class Upsert:
    """Transaction operation: write ``value`` (JSON) under ``key``; with ``etag``, only if still current."""

    key: str
    value: Any
    etag: str | None = None
    ttl_seconds: int | None = None


@dataclass(frozen=True)
class Delete:
    """Transaction operation: remove ``key``; with ``etag``, only if still current."""

    key: str
    etag: str | None = None


def encode_value(value: Any) -> bytes:
    return value if isinstance(value, bytes) else to_json(value)


def decode_value(data: bytes, as_type: type[T]) -> T:
    if as_type is bytes:
        return data  # type: ignore[return-value]
    return TypeAdapter(as_type).validate_json(data)


def _metadata(ttl_seconds: int | None, metadata: dict[str, str] | None) -> dict[str, str]:
    merged = dict(metadata or {})
    if ttl_seconds is not None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        merged[TTL_METADATA_KEY] = str(int(ttl_seconds))
    return merged


class StateManager:
    """One state store component, reached through an open ``DaprClient``."""

    def __init__(self, client: DaprClient, store_name: str) -> None:
        self._client = client
        self.store_name = store_name

    async def get(
        self, key: str, as_type: type[T], *, metadata: dict[str, str] | None = None
    ) -> StateEntry[T] | None:
        """The value under ``key`` decoded as ``as_type``, or ``None`` when the key does not exist."""
        response = await self._client.call(
            "state.get", self._client.sdk.get_state(self.store_name, key, state_metadata=metadata or {})
        )
        if not response.data:
            return None
        return StateEntry(key=key, value=decode_value(response.data, as_type), etag=response.etag or None)

    async def get_bulk(
        self,
        keys: Sequence[str],
        as_type: type[T],
        *,
        parallelism: int = 10,
        metadata: dict[str, str] | None = None,
    ) -> dict[str, StateEntry[T] | None]:
        """Many keys in one round trip; the result keeps the order of ``keys`` (``None`` = missing)."""
        response = await self._client.call(
            "state.get_bulk",
            self._client.sdk.get_bulk_state(
                self.store_name, list(keys), parallelism=parallelism, states_metadata=metadata or {}
            ),
        )
        found: dict[str, StateEntry[T] | None] = dict.fromkeys(keys)
        for item in response.items:
            if item.error:
                raise DaprError(f"state.get_bulk: key {item.key!r}: {item.error}", operation="state.get_bulk")
            if item.data:
                found[item.key] = StateEntry(
                    key=item.key, value=decode_value(item.data, as_type), etag=item.etag or None
                )
        return found

    async def save(
        self,
        key: str,
        value: Any,
        *,
        etag: str | None = None,
        ttl_seconds: int | None = None,
        metadata: dict[str, str] | None = None,
    ) -> None:
        """Write ``value`` as JSON. With ``etag``: first-write-wins, ``DaprConflictError`` when stale."""
        from dapr.clients.grpc._state import Concurrency, StateOptions

        options = StateOptions(concurrency=Concurrency.first_write) if etag is not None else None
        await self._client.call(
            "state.save",
            self._client.sdk.save_state(
                self.store_name,
                key,
                encode_value(value),
                etag=etag,
                options=options,
                state_metadata=_metadata(ttl_seconds, metadata),
            ),
        )

    async def delete(
        self, key: str, *, etag: str | None = None, metadata: dict[str, str] | None = None
    ) -> None:
        """Remove ``key`` (no error when absent). With ``etag``: only if still current."""
        from dapr.clients.grpc._state import Concurrency, StateOptions

        options = StateOptions(concurrency=Concurrency.first_write) if etag is not None else None
        await self._client.call(
            "state.delete",
            self._client.sdk.delete_state(
                self.store_name, key, etag=etag, options=options, state_metadata=metadata or {}
            ),
        )

    async def transaction(
        self, operations: Sequence[Upsert | Delete], *, metadata: dict[str, str] | None = None
    ) -> None:
        """Apply upserts and deletes in one transactional request (needs a transactional store)."""
        from dapr.clients.grpc._request import TransactionalStateOperation, TransactionOperationType

        built = []
        for op in operations:
            if isinstance(op, Upsert):
                built.append(
                    TransactionalStateOperation(
                        key=op.key,
                        data=encode_value(op.value),
                        etag=op.etag,
                        operation_type=TransactionOperationType.upsert,
                        metadata=_metadata(op.ttl_seconds, None) or None,
                    )
                )
            else:
                built.append(
                    TransactionalStateOperation(
                        key=op.key, etag=op.etag, operation_type=TransactionOperationType.delete
                    )
                )
        await self._client.call(
            "state.transaction",
            self._client.sdk.execute_state_transaction(
                self.store_name, built, transactional_metadata=metadata or {}
            ),
        )
