"""FastAPI dependencies of the service routes, as ``Annotated`` aliases."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Annotated

from fastapi import Depends, Request

from invoiceflow.services.blobstore import ServiceBlobStore
from invoiceflow.services.context import ServiceContext
from invoiceflow.services.settings import ServiceSettings


def get_context(request: Request) -> ServiceContext:
    context = request.app.state.context
    assert isinstance(context, ServiceContext)
    return context


ContextDep = Annotated[ServiceContext, Depends(get_context)]


def get_settings(context: ContextDep) -> ServiceSettings:
    return context.settings


async def get_blob_store(context: ContextDep) -> ServiceBlobStore:
    return await context.blob_store()


def get_extract_pool(context: ContextDep) -> ProcessPoolExecutor:
    return context.extract_pool()


SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]
BlobStoreDep = Annotated[ServiceBlobStore, Depends(get_blob_store)]
ExtractPoolDep = Annotated[ProcessPoolExecutor, Depends(get_extract_pool)]
