"""A response that is a model's own JSON, serialised once.

A route that returns a model has FastAPI validate it against the response model again and serialise it
through ``jsonable_encoder``; for the services' results (a 50-page aggregate is ~200 KB) that doubled the
work of answering. The routes build their results from validated models already, so they hand FastAPI the
bytes; ``response_model=`` on the route keeps the OpenAPI schema.
"""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel

JSON_MEDIA_TYPE = "application/json"


def model_response(model: BaseModel, status_code: int = 200) -> Response:
    return json_response(model.__pydantic_serializer__.to_json(model), status_code)


def json_response(body: bytes, status_code: int = 200) -> Response:
    return Response(content=body, status_code=status_code, media_type=JSON_MEDIA_TYPE)
