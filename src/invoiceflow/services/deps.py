"""FastAPI dependencies of the service routes, as ``Annotated`` aliases.

All ``async def``: FastAPI runs a plain ``def`` dependency in a worker thread, and three thread hops per
request showed up in the profile of every activity."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from invoiceflow.services.blobstore import ServiceBlobStore
from invoiceflow.services.context import ServiceContext
from invoiceflow.services.settings import ServiceSettings
from invoiceflow.services.worker_pool import AsyncProcessPool

M = TypeVar("M", bound=BaseModel)


async def get_context(request: Request) -> ServiceContext:
    context = request.app.state.context
    assert isinstance(context, ServiceContext)
    return context


ContextDep = Annotated[ServiceContext, Depends(get_context)]


async def get_settings(context: ContextDep) -> ServiceSettings:
    return context.settings


async def get_blob_store(context: ContextDep) -> ServiceBlobStore:
    return await context.blob_store()


async def get_extract_pool(context: ContextDep) -> AsyncProcessPool:
    return context.extract_pool()


SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]
BlobStoreDep = Annotated[ServiceBlobStore, Depends(get_blob_store)]
ExtractPoolDep = Annotated[AsyncProcessPool, Depends(get_extract_pool)]


def json_body(model: type[M]) -> Callable[[Request], Awaitable[M]]:
    """A dependency: the request body validated straight from its JSON bytes into ``model``.

    FastAPI's own body handling decodes the JSON into Python objects and validates those; for the
    aggregate request (~175 KB of page results at 50 pages) one pass from the bytes took about half the
    CPU. Invalid bodies still answer 422 through the ``RequestValidationError`` handler.
    """

    async def parse(request: Request) -> M:
        try:
            return model.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False)) from None

    return parse


def json_body_openapi(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` documenting a ``json_body`` parameter as the operation's request body (the
    model's JSON schema inline; its ``$id`` makes the schema's own ``$defs`` references resolve)."""
    schema = {"$id": f"urn:invoiceflow:schema:{model.__name__}", **model.model_json_schema()}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}
