"""The workflow app's REST API: the whole lifecycle of invoice workflow instances.

``/api/invoices``: start (multipart upload, or JSON ``{pdf_path | pdf_url}``), status / progress / result,
history, list, external events, pause / resume / terminate / rerun, purge. ``/api/workflows``: the seed's
routes (start by ``{invoice_id, pdf_path}``, the raw instance, raise an event).

Instance id = the given ``invoice_id``, else ``inv-<first 16 hex of the PDF's sha256>``: the same PDF twice
is one invoice, and the second start answers 200 with the existing instance (a new one answers 202).
The API reads the bytes itself (so it can hash them) and hands the workflow a blob key; from v3 on the
split service validates and splits those bytes directly (no upload step).

Inputs are untrusted: ``pdf_path`` must resolve below ``INVOICEFLOW_API_PDF_BASE_DIR`` (else
``PATH_NOT_ALLOWED``), ``pdf_url`` must start with an entry of ``INVOICEFLOW_API_URL_ALLOW_LIST`` (scheme,
host and port equal, path a prefix; else ``URL_NOT_ALLOWED``), is fetched without redirects, within a time
limit, and abandoned past the size limit (``PDF_TOO_LARGE``). Errors are RFC 9457 problem JSON with a
stable ``code``; a failed Dapr call adds ``details`` (its operation, the runtime's status code, attempts)
and is logged with the route's instance id. Transient runtime failures are retried in ``WorkflowManager``;
one that outlasts the retries answers 503 ``DAPR_UNAVAILABLE`` with ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import httpx
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, JsonValue
from pydantic_settings import BaseSettings, SettingsConfigDict

from invoiceflow.dapr.client import DaprClient
from invoiceflow.dapr.errors import (
    DaprConflictError,
    DaprError,
    DaprNotFoundError,
    DaprTimeoutError,
    DaprTransientError,
    DaprUnavailableError,
)
from invoiceflow.dapr.workflow import WorkflowHistoryEvent, WorkflowInstance, WorkflowStatus
from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import InvoiceRequest, OcrMode
from invoiceflow.domain.pdf import PdfLimits, read_pdf_file
from invoiceflow.domain.pipeline import default_invoice_id
from invoiceflow.services.blobstore import DaprBindingBlobStore
from invoiceflow.services.problems import status_for
from invoiceflow.workflow.completions import CompletionSignals, wait_for_end
from invoiceflow.workflow.errors import to_domain_error
from invoiceflow.workflow.models import InvoiceWorkflowInput, InvoiceWorkflowResult, Progress
from invoiceflow.workflow.versions import DEFAULT_VERSIONS, INVOICE_WORKFLOW_NAMES, newest, version_of

log = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
RETRY_AFTER_SECONDS = 1
INCOMING_PREFIX = "incoming"
MAX_WAIT_SECONDS = 60.0  # ``GET /api/invoices/{id}?wait=`` at most
# A long-poll re-reads after 1 s, 2 s, 4 s, then every 8 s: the fallback for ends this app's worker did
# not signal (another replica's worker)...
WAIT_RECHECK_SECONDS = 1.0
WAIT_MAX_RECHECK_SECONDS = 8.0
# ... and all long-polls of this app together re-read ~10 times a second at most (``wait_for_end``).
WAIT_RECHECKS_PER_SECOND = 10.0
_INSTANCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
_RERUNNABLE_EVENTS = frozenset({"TASK_SCHEDULED", "CHILD_WORKFLOW_INSTANCE_CREATED", "TIMER_CREATED"})
_FAILED_EVENTS = frozenset({"TASK_FAILED", "CHILD_WORKFLOW_INSTANCE_FAILED"})
# Where an instance's run ended (EXECUTION_COMPLETED also for FAILED); events after it are stragglers.
_END_EVENTS = frozenset({"EXECUTION_TERMINATED", "EXECUTION_COMPLETED"})


class ApiCode:
    """Stable codes of the API's own problems (the domain's ``ErrorCode`` values are used as well)."""

    INSTANCE_NOT_FOUND = "INSTANCE_NOT_FOUND"
    INSTANCE_TERMINAL = "INSTANCE_TERMINAL"  # pause / resume / terminate on an ended instance
    INSTANCE_NOT_TERMINAL = "INSTANCE_NOT_TERMINAL"  # purge / rerun on a live instance
    NOT_RERUNNABLE = "NOT_RERUNNABLE"  # a COMPLETED instance: nothing failed
    DAPR_UNAVAILABLE = "DAPR_UNAVAILABLE"


_API_STATUS = {
    ApiCode.INSTANCE_NOT_FOUND: 404,
    ApiCode.INSTANCE_TERMINAL: 409,
    ApiCode.INSTANCE_NOT_TERMINAL: 409,
    ApiCode.NOT_RERUNNABLE: 409,
    ApiCode.DAPR_UNAVAILABLE: 503,
}


class ApiProblem(Exception):
    def __init__(self, code: str, detail: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.status = status or _API_STATUS.get(code) or status_for(ErrorCode(code))


class Problem(BaseModel):
    """RFC 9457 problem details plus the stable ``code``."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    instance: str | None = None
    details: dict[str, JsonValue] = Field(default_factory=dict)  # e.g. a Dapr call's operation, grpc_code


# ---------------------------------------------------------------------------------------------- settings


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INVOICEFLOW_API_", extra="ignore")

    pdf_base_dir: Path | None = None
    url_allow_list: str = ""  # comma-separated URL prefixes
    url_max_bytes: int = PdfLimits().max_bytes
    url_timeout_seconds: float = 10.0
    upload_max_bytes: int = PdfLimits().max_bytes
    workflow_versions: str = DEFAULT_VERSIONS
    pages_per_batch: int = 8
    page_size: int = 50

    @property
    def allow_list(self) -> list[str]:
        return [entry.strip() for entry in self.url_allow_list.split(",") if entry.strip()]


# ---------------------------------------------------------------------------------------------- models


class StartInvoice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    invoice_id: str | None = None
    pdf_path: str | None = None
    pdf_url: str | None = None
    ocr: OcrMode = OcrMode.AUTO
    review_timeout_seconds: float = Field(default=0.0, ge=0.0)


class SeedStart(BaseModel):
    """The seed's start request: ``POST /api/workflows/invoice``."""

    invoice_id: str
    pdf_path: str


class Started(BaseModel):
    instance_id: str
    workflow: str
    created: bool  # False: an instance with this id existed already (idempotent start)
    status_url: str


class ErrorInfo(BaseModel):
    code: str
    message: str


class InvoiceView(BaseModel):
    instance_id: str
    workflow: str
    version: str | None
    status: WorkflowStatus
    created_at: datetime
    last_updated_at: datetime
    progress: Progress | None = None
    result: InvoiceWorkflowResult | None = None
    error: ErrorInfo | None = None


class InvoicePage(BaseModel):
    items: list[InvoiceView]
    page: int
    page_size: int
    total: int


class Accepted(BaseModel):
    instance_id: str
    action: str
    status: WorkflowStatus | None = None


class Rerun(BaseModel):
    source_instance_id: str
    instance_id: str
    mode: str  # "from_event": the runtime replayed history up to ``event_id``; "fresh": a new run
    event_id: int | None = None


# ---------------------------------------------------------------------------------------------- context


class ApiContext:
    """What the routes share: the sidecar client, the blob store, settings, hosted workflow names."""

    def __init__(
        self,
        client: DaprClient,
        blobs: DaprBindingBlobStore,
        settings: ApiSettings,
        workflow_names: list[str],
        *,
        completions: CompletionSignals | None = None,
    ) -> None:
        self.client = client
        self.blobs = blobs
        self.settings = settings
        self.workflow_names = workflow_names
        # The worker of this process signals the instances it ends (long-polling ``?wait=``).
        self.completions = completions or CompletionSignals()
        self._start_locks: dict[str, asyncio.Lock] = {}

    @property
    def start_workflow(self) -> str:
        return newest(self.workflow_names)

    def start_lock(self, instance_id: str) -> asyncio.Lock:
        return self._start_locks.setdefault(instance_id, asyncio.Lock())


def _context(request: Request) -> ApiContext:
    context = request.app.state.api
    assert isinstance(context, ApiContext)
    return context


# ---------------------------------------------------------------------------------------------- sources


def resolve_below(raw: str, base_dir: Path | None) -> Path:
    """``raw`` (relative to ``base_dir``, or absolute) if it resolves below ``base_dir``; symlinks count
    where they lead."""
    if base_dir is None:
        raise ApiProblem(ErrorCode.PATH_NOT_ALLOWED, "pdf_path is disabled (no INVOICEFLOW_API_PDF_BASE_DIR)")
    base = base_dir.resolve()
    path = (base / raw).resolve()
    if not path.is_relative_to(base):
        raise ApiProblem(ErrorCode.PATH_NOT_ALLOWED, f"{raw!r} is outside the allowed directory")
    return path


def url_allowed(url: str, allow_list: list[str]) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.username or parts.password:
        return False
    for entry in allow_list:
        allowed = urlsplit(entry)
        if (
            allowed.scheme == parts.scheme
            and allowed.hostname == parts.hostname
            and (allowed.port or _default_port(allowed.scheme)) == (parts.port or _default_port(parts.scheme))
            and parts.path.startswith(allowed.path or "/")
        ):
            return True
    return False


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


async def fetch_url(url: str, settings: ApiSettings) -> bytes:
    if not url_allowed(url, settings.allow_list):
        raise ApiProblem(ErrorCode.URL_NOT_ALLOWED, f"{url!r} is not on the allow-list")
    limit = settings.url_max_bytes
    try:
        async with (
            asyncio.timeout(settings.url_timeout_seconds),
            httpx.AsyncClient(follow_redirects=False, trust_env=False) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise ApiProblem(
                    ErrorCode.FILE_NOT_FOUND if response.status_code == 404 else ErrorCode.FILE_UNREADABLE,
                    f"{url} answered {response.status_code} (redirects are not followed)",
                )
            declared = response.headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise ApiProblem(ErrorCode.PDF_TOO_LARGE, f"{url} is {declared} bytes; the limit is {limit}")
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise ApiProblem(ErrorCode.PDF_TOO_LARGE, f"{url} is over the limit of {limit} bytes")
                chunks.append(chunk)
            return b"".join(chunks)
    except TimeoutError:
        raise ApiProblem(
            ErrorCode.FILE_UNREADABLE, f"{url} took longer than {settings.url_timeout_seconds} s"
        ) from None
    except httpx.HTTPError as exc:
        raise ApiProblem(ErrorCode.FILE_UNREADABLE, f"fetching {url} failed: {exc}") from None


async def read_source(spec: StartInvoice, settings: ApiSettings) -> tuple[bytes, str | None]:
    if (spec.pdf_path is None) == (spec.pdf_url is None):
        raise ApiProblem(
            ErrorCode.INVALID_INPUT, "give exactly one of pdf_path or pdf_url (or upload a file)"
        )
    if spec.pdf_path is not None:
        path = resolve_below(spec.pdf_path, settings.pdf_base_dir)
        data = await asyncio.to_thread(read_pdf_file, path, PdfLimits(max_bytes=settings.upload_max_bytes))
        return data, path.name
    assert spec.pdf_url is not None
    data = await fetch_url(spec.pdf_url, settings)
    return data, Path(urlsplit(spec.pdf_url).path).name or None


# ---------------------------------------------------------------------------------------------- lifecycle


async def submit(
    context: ApiContext, data: bytes, filename: str | None, spec: StartInvoice, request: Request
) -> JSONResponse:
    if not data:
        raise ApiProblem(ErrorCode.PDF_EMPTY, "the document is empty")
    sha256 = hashlib.sha256(data).hexdigest()
    instance_id = spec.invoice_id or default_invoice_id(sha256)
    if not _INSTANCE_ID.match(instance_id):
        raise ApiProblem(
            ErrorCode.INVALID_INPUT, f"invalid invoice_id {instance_id!r} (letters, digits, ._:-)"
        )
    workflows = context.client.workflows()
    status_url = str(request.url_for("get_invoice", instance_id=instance_id))
    async with context.start_lock(instance_id):
        existing = await workflows.get(instance_id, fetch_payloads=False)
        if existing is not None:
            body = Started(
                instance_id=instance_id, workflow=existing.name, created=False, status_url=status_url
            )
            return JSONResponse(body.model_dump(), status_code=200)
        key = f"{INCOMING_PREFIX}/{sha256}.bin"
        await context.blobs.aput(key, data)
        workflow_input = InvoiceWorkflowInput(
            request=InvoiceRequest(invoice_id=instance_id, blob_key=key, filename=filename, ocr=spec.ocr),
            review_timeout_seconds=spec.review_timeout_seconds,
            pages_per_batch=context.settings.pages_per_batch,
        )
        workflow = context.start_workflow
        created = True
        try:
            await workflows.start(workflow, workflow_input, instance_id=instance_id)
            context.completions.started(instance_id)  # its long-polls wait before their first read
        except DaprConflictError:  # another replica started it first: same id, one instance
            created = False
    body = Started(instance_id=instance_id, workflow=workflow, created=created, status_url=status_url)
    return JSONResponse(body.model_dump(), status_code=202 if created else 200)


async def require_instance(
    context: ApiContext, instance_id: str, *, payloads: bool = True
) -> WorkflowInstance:
    instance = await context.client.workflows().get(instance_id, fetch_payloads=payloads)
    if instance is None:
        raise ApiProblem(ApiCode.INSTANCE_NOT_FOUND, f"no workflow instance {instance_id!r}")
    return instance


def view_of(instance: WorkflowInstance) -> InvoiceView:
    error = None
    if instance.status is WorkflowStatus.FAILED:
        failure = to_domain_error(instance.failure.message if instance.failure else None)
        error = ErrorInfo(code=failure.code.value, message=failure.message)
    result = None
    if instance.status is WorkflowStatus.COMPLETED:
        result = instance.output_as(InvoiceWorkflowResult)
    progress = None
    if instance.serialized_custom_status:
        progress = instance.custom_status_as(Progress)
    return InvoiceView(
        instance_id=instance.instance_id,
        workflow=instance.name,
        version=version_of(instance.name),
        status=instance.status,
        created_at=instance.created_at,
        last_updated_at=instance.last_updated_at,
        progress=progress,
        result=result,
        error=error,
    )


async def list_invoices(
    context: ApiContext, status: WorkflowStatus | None, page: int, page_size: int
) -> InvoicePage:
    """Top-level invoice instances (child batch workflows left out), newest first, one page."""
    workflows = context.client.workflows()
    ids = [instance_id async for instance_id in workflows.iter_instance_ids()]
    snapshots = await asyncio.gather(*(workflows.get(i, fetch_payloads=False) for i in ids))
    matching = [
        s
        for s in snapshots
        if s is not None and s.name in INVOICE_WORKFLOW_NAMES and (status is None or s.status is status)
    ]
    matching.sort(key=lambda s: (s.created_at, s.instance_id), reverse=True)
    chunk = matching[(page - 1) * page_size : page * page_size]
    return InvoicePage(items=[view_of(s) for s in chunk], page=page, page_size=page_size, total=len(matching))


def _failed_step(history: list[WorkflowHistoryEvent]) -> int | None:
    """The scheduling event of the step that failed last; else the last step that never finished.

    Only the history before the run ended counts. The 1.18 runtime still records a turn that was under
    way when a terminate arrived (the step finishing, and the next one scheduled, after
    EXECUTION_TERMINATED); a rerun from such a late step copies the termination and ends at once."""
    end = next((i for i, e in enumerate(history) if e.event_type in _END_EVENTS), len(history))
    history = history[:end]
    scheduled = {
        e.event_id: e for e in history if e.event_type in _RERUNNABLE_EVENTS and e.event_id is not None
    }
    for event in reversed(history):
        if event.event_type in _FAILED_EVENTS and event.task_scheduled_id in scheduled:
            return event.task_scheduled_id
    closed = {e.task_scheduled_id for e in history if e.task_scheduled_id is not None}
    open_steps = [event_id for event_id in scheduled if event_id not in closed]
    return max(open_steps) if open_steps else None


async def rerun(context: ApiContext, instance: WorkflowInstance) -> Rerun:
    workflows = context.client.workflows()
    new_id = await _free_rerun_id(context, instance.instance_id)
    event_id = _failed_step(await workflows.history(instance.instance_id))
    if event_id is not None:
        try:
            await workflows.rerun_from_event(instance.instance_id, event_id, new_instance_id=new_id)
        except DaprError:
            pass  # the runtime refused this event: fall back to a fresh run below
        else:
            return Rerun(
                source_instance_id=instance.instance_id,
                instance_id=new_id,
                mode="from_event",
                event_id=event_id,
            )
    spec = instance.input_as(InvoiceWorkflowInput)
    if spec is None:
        raise ApiProblem(ApiCode.NOT_RERUNNABLE, f"{instance.instance_id} has no input to run again")
    await workflows.start(instance.name, spec, instance_id=new_id)
    return Rerun(source_instance_id=instance.instance_id, instance_id=new_id, mode="fresh")


async def _free_rerun_id(context: ApiContext, instance_id: str) -> str:
    workflows = context.client.workflows()
    for attempt in range(1, 1000):
        candidate = f"{instance_id}.rerun-{attempt}"
        if await workflows.get(candidate, fetch_payloads=False) is None:
            return candidate
    raise ApiProblem(ApiCode.NOT_RERUNNABLE, f"{instance_id} was rerun too often")


async def _event_payload(request: Request) -> Any:
    body = await request.body()
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        raise ApiProblem(ErrorCode.INVALID_INPUT, f"the event payload is not JSON: {exc}") from None


# ---------------------------------------------------------------------------------------------- routes

invoices = APIRouter(prefix="/api/invoices", tags=["invoices"])
seed = APIRouter(prefix="/api/workflows", tags=["workflows (seed routes)"])

_PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {PROBLEM_CONTENT_TYPE: {}}}
    for status in (403, 404, 409, 413, 422, 503)
}
_START_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": StartInvoice.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "invoice_id": {"type": "string"},
                        "review_timeout_seconds": {"type": "number"},
                    },
                }
            },
        },
    }
}


@invoices.post(
    "",
    status_code=202,
    response_model=Started,
    responses={200: {"model": Started, "description": "the instance existed already"}, **_PROBLEMS},
    openapi_extra=_START_BODY,
)
async def start_invoice(request: Request) -> JSONResponse:
    """Start processing a PDF: multipart upload (field ``file``) or JSON ``{pdf_path | pdf_url}``."""
    context = _context(request)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form(max_part_size=context.settings.upload_max_bytes)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise ApiProblem(ErrorCode.INVALID_INPUT, "multipart upload needs a 'file' part")
        data = await upload.read()
        invoice_id = form.get("invoice_id")
        timeout = form.get("review_timeout_seconds")
        spec = StartInvoice(
            invoice_id=invoice_id if isinstance(invoice_id, str) and invoice_id else None,
            review_timeout_seconds=float(timeout) if isinstance(timeout, str) and timeout else 0.0,
        )
        return await submit(context, data, upload.filename, spec, request)
    try:
        spec = StartInvoice.model_validate_json(await request.body())
    except ValueError as exc:
        raise ApiProblem(ErrorCode.INVALID_INPUT, f"invalid request body: {exc}") from None
    data, filename = await read_source(spec, context.settings)
    return await submit(context, data, filename, spec, request)


@invoices.get("", response_model=InvoicePage)
async def list_route(
    request: Request,
    status: Annotated[
        WorkflowStatus | None, Query(description="only instances in this runtime status")
    ] = None,
    page: Annotated[int, Query(ge=1)] = 1,
    page_size: Annotated[int | None, Query(ge=1, le=500)] = None,
) -> InvoicePage:
    context = _context(request)
    return await list_invoices(context, status, page, page_size or context.settings.page_size)


@invoices.get("/{instance_id}", response_model=InvoiceView, responses=_PROBLEMS)
async def get_invoice(
    request: Request,
    instance_id: str,
    wait: Annotated[
        float,
        Query(
            ge=0,
            le=MAX_WAIT_SECONDS,
            description="long-poll: answer once the instance ended or after "
            "this many seconds, whichever comes first (0: at once)",
        ),
    ] = 0.0,
) -> InvoiceView:
    """Status, progress (custom status), result when COMPLETED, error code when FAILED.

    ``?wait=N`` saves a client its polling (and the runtime the reads each poll costs): the answer comes
    when the instance ends — the worker in this app signals it — or after N seconds with the status then.
    """
    context = _context(request)
    if wait <= 0:
        return view_of(await require_instance(context, instance_id))
    instance = await wait_for_end(
        lambda: context.client.workflows().get(instance_id),
        context.completions,
        instance_id,
        timeout=wait,
        recheck_seconds=WAIT_RECHECK_SECONDS,
        max_recheck_seconds=WAIT_MAX_RECHECK_SECONDS,
        recheck_budget_per_second=WAIT_RECHECKS_PER_SECOND,
    )
    if instance is None:
        raise ApiProblem(ApiCode.INSTANCE_NOT_FOUND, f"no workflow instance {instance_id!r}")
    return view_of(instance)


@invoices.get("/{instance_id}/history", response_model=list[WorkflowHistoryEvent], responses=_PROBLEMS)
async def invoice_history(request: Request, instance_id: str) -> list[WorkflowHistoryEvent]:
    context = _context(request)
    await require_instance(context, instance_id, payloads=False)
    return await context.client.workflows().history(instance_id)


@invoices.post("/{instance_id}/events/{name}", status_code=202, response_model=Accepted, responses=_PROBLEMS)
async def raise_event(request: Request, instance_id: str, name: str) -> Accepted:
    """Raise external event ``name`` (JSON body = its payload), e.g. ``review`` with a ReviewDecision."""
    context = _context(request)
    payload = await _event_payload(request)
    instance = await require_instance(context, instance_id, payloads=False)
    if instance.is_terminal:
        raise ApiProblem(ApiCode.INSTANCE_TERMINAL, f"{instance_id} is {instance.status.value}")
    await context.client.workflows().raise_event(instance_id, name, payload)
    return Accepted(instance_id=instance_id, action=f"event:{name}", status=instance.status)


async def _control(request: Request, instance_id: str, action: str) -> Accepted:
    context = _context(request)
    workflows = context.client.workflows()
    instance = await require_instance(context, instance_id, payloads=False)
    if instance.is_terminal:
        raise ApiProblem(ApiCode.INSTANCE_TERMINAL, f"{instance_id} is {instance.status.value}")
    if action == "pause":
        await workflows.pause(instance_id)
    elif action == "resume":
        await workflows.resume(instance_id)
    else:
        await workflows.terminate(instance_id)
        context.completions.notify(instance_id)  # long-polls of it re-read now, not at their next re-check
    after = await workflows.get(instance_id, fetch_payloads=False)
    return Accepted(instance_id=instance_id, action=action, status=after.status if after else None)


@invoices.post("/{instance_id}/pause", status_code=202, response_model=Accepted, responses=_PROBLEMS)
async def pause(request: Request, instance_id: str) -> Accepted:
    return await _control(request, instance_id, "pause")


@invoices.post("/{instance_id}/resume", status_code=202, response_model=Accepted, responses=_PROBLEMS)
async def resume(request: Request, instance_id: str) -> Accepted:
    return await _control(request, instance_id, "resume")


@invoices.post("/{instance_id}/terminate", status_code=202, response_model=Accepted, responses=_PROBLEMS)
async def terminate(request: Request, instance_id: str) -> Accepted:
    return await _control(request, instance_id, "terminate")


@invoices.post("/{instance_id}/rerun", status_code=202, response_model=Rerun, responses=_PROBLEMS)
async def rerun_route(request: Request, instance_id: str) -> Rerun:
    """A FAILED / TERMINATED instance again, as a new instance ``<id>.rerun-<n>``: from the step that failed
    (the runtime replays the history before it), or from the start where no step can be named."""
    context = _context(request)
    instance = await require_instance(context, instance_id)
    if not instance.is_terminal:
        raise ApiProblem(ApiCode.INSTANCE_NOT_TERMINAL, f"{instance_id} is {instance.status.value}")
    if instance.status is WorkflowStatus.COMPLETED:
        raise ApiProblem(ApiCode.NOT_RERUNNABLE, f"{instance_id} completed; nothing to rerun")
    return await rerun(context, instance)


@invoices.delete("/{instance_id}", status_code=204, responses=_PROBLEMS)
async def purge(request: Request, instance_id: str) -> None:
    """Delete an ended instance's state and history (its child workflows too)."""
    context = _context(request)
    instance = await require_instance(context, instance_id, payloads=False)
    if not instance.is_terminal:
        raise ApiProblem(ApiCode.INSTANCE_NOT_TERMINAL, f"{instance_id} is {instance.status.value}")
    await context.client.workflows().purge(instance_id)


@seed.post("/invoice", status_code=202, response_model=Started, responses=_PROBLEMS)
async def seed_start(request: Request, body: SeedStart) -> JSONResponse:
    context = _context(request)
    spec = StartInvoice(invoice_id=body.invoice_id, pdf_path=body.pdf_path)
    data, filename = await read_source(spec, context.settings)
    return await submit(context, data, filename, spec, request)


@seed.get("/{instance_id}", response_model=WorkflowInstance, responses=_PROBLEMS)
async def seed_get(request: Request, instance_id: str) -> WorkflowInstance:
    """The runtime's view of an instance (like ``dapr workflow get``): payloads as JSON text."""
    return await require_instance(_context(request), instance_id)


@seed.post(
    "/{instance_id}/raise-event/{event}", status_code=202, response_model=Accepted, responses=_PROBLEMS
)
async def seed_raise_event(request: Request, instance_id: str, event: str) -> Accepted:
    return await raise_event(request, instance_id, event)


# ---------------------------------------------------------------------------------------------- problems


def problem_response(
    request: Request,
    code: str,
    detail: str,
    status: int,
    *,
    details: dict[str, JsonValue] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    problem = Problem(
        type=f"urn:invoiceflow:error:{code}", title=code, status=status, detail=detail, code=code,
        instance=request.url.path, details=details or {},
    )  # fmt: skip
    return JSONResponse(
        problem.model_dump(mode="json"), status_code=status, media_type=PROBLEM_CONTENT_TYPE, headers=headers
    )


async def _on_api_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiProblem)
    return problem_response(request, exc.code, exc.detail, exc.status)


def _error_details(exc: InvoiceFlowError) -> dict[str, JsonValue]:
    """The error's scalar details (a Dapr call's ``operation``, ``grpc_code`` / ``http_status``,
    ``attempts``) and its type, for the problem body and the log."""
    details: dict[str, JsonValue] = {"error_type": type(exc).__name__}
    for key, value in exc.details.items():
        if value is None or isinstance(value, str | int | float | bool):
            details[key] = value
    return details


async def _on_domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, InvoiceFlowError)
    if isinstance(exc, DaprNotFoundError):
        return problem_response(request, ApiCode.INSTANCE_NOT_FOUND, exc.message, 404)
    if not isinstance(exc, DaprError):
        return problem_response(request, exc.code.value, exc.message, status_for(exc.code))
    details = _error_details(exc)
    instance_id = request.path_params.get("instance_id", "-")
    log.warning(
        "%s %s (instance %s): %s failed: %s %s",
        request.method, request.url.path, instance_id, exc.operation or "dapr call", exc.message, details,
    )  # fmt: skip
    if isinstance(exc, DaprUnavailableError | DaprTimeoutError | DaprTransientError):
        return problem_response(
            request,
            ApiCode.DAPR_UNAVAILABLE,
            exc.message,
            503,
            details=details,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return problem_response(request, exc.code.value, exc.message, status_for(exc.code), details=details)


async def _on_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    """Anything unhandled: still problem JSON (not a bare 500), and the traceback in the app's log."""
    instance_id = request.path_params.get("instance_id", "-")
    log.error(
        "%s %s (instance %s) failed unexpectedly", request.method, request.url.path, instance_id, exc_info=exc
    )
    return problem_response(
        request,
        ErrorCode.INTERNAL,
        f"{type(exc).__name__}: {exc}",
        500,
        details={"error_type": type(exc).__name__},
    )


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem_response(request, ErrorCode.INVALID_INPUT, f"invalid request: {exc.errors()[:3]}", 422)


def install_api(app: FastAPI) -> None:
    app.include_router(invoices)
    app.include_router(seed)
    app.add_exception_handler(ApiProblem, _on_api_problem)
    app.add_exception_handler(InvoiceFlowError, _on_domain_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected_error)
