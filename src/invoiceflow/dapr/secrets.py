"""Secrets from a secret store component (``secretstores.local.file`` locally, Vault/Key Vault elsewhere)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel

from invoiceflow.dapr.errors import DaprNotFoundError

if TYPE_CHECKING:
    from invoiceflow.dapr.client import DaprClient


class Secret(BaseModel):
    """One secret: most stores return one value under the secret's own name, some return several."""

    name: str
    values: dict[str, str]

    @property
    def value(self) -> str:
        """The single value (the one named like the secret, else the only one)."""
        if self.name in self.values:
            return self.values[self.name]
        if len(self.values) == 1:
            return next(iter(self.values.values()))
        raise KeyError(f"secret {self.name!r} has several values: {sorted(self.values)}")


class SecretsManager:
    def __init__(self, client: DaprClient, store_name: str) -> None:
        self._client = client
        self.store_name = store_name

    async def get(self, name: str, *, metadata: dict[str, str] | None = None) -> Secret:
        """The secret ``name``; ``DaprNotFoundError`` when the store does not have it."""
        response = await self._client.call(
            "secrets.get",
            self._client.sdk.get_secret(self.store_name, name, secret_metadata=metadata or {}),
        )
        values = dict(response.secret)
        if not values:
            raise DaprNotFoundError(
                f"secret {name!r} not found in {self.store_name}", operation="secrets.get"
            )
        return Secret(name=name, values=values)

    async def get_value(self, name: str) -> str:
        return (await self.get(name)).value

    async def get_all(self) -> list[Secret]:
        """Every secret this app may read from the store."""
        response = await self._client.call(
            "secrets.get_all", self._client.sdk.get_bulk_secret(self.store_name, secret_metadata={})
        )
        return [Secret(name=name, values=dict(values)) for name, values in sorted(response.secrets.items())]
