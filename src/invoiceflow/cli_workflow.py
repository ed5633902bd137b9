"""``invoiceflow workflow …``: the ``dapr workflow …`` commands, over the workflow app's REST API
(the Dapr CLI cannot be built here). ``--json`` prints the API's JSON; errors print ``CODE: detail`` and
exit 2 (bad request, unknown instance) or 3 (server / connection trouble). ``invoiceflow up`` / ``down``
run the multi-app mode that serves the API."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

workflow_app = typer.Typer(
    name="workflow",
    help="Manage invoice workflow instances through the workflow app's API (like `dapr workflow …`).",
    no_args_is_help=True,
)

DEFAULT_API_URL = "http://127.0.0.1:8080"
ApiUrl = Annotated[
    str,
    typer.Option("--api-url", envvar="INVOICEFLOW_API_URL", help="The workflow app's base URL."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the API's JSON answer.")]
InstanceId = Annotated[
    str, typer.Argument(help="The workflow instance id (the invoice id).", show_default=False)
]


def _call(method: str, api_url: str, path: str, **kwargs: Any) -> Any:
    import httpx

    try:
        with httpx.Client(base_url=api_url, timeout=60.0, trust_env=False) as client:
            response = client.request(method, path, **kwargs)
    except httpx.HTTPError as exc:
        typer.echo(f"invoiceflow: error: DAPR_UNAVAILABLE: {api_url}: {exc}", err=True)
        raise typer.Exit(3) from None
    if response.status_code >= 400:
        try:
            problem = response.json()
            line = f"{problem['code']}: {problem['detail']}"
        except (ValueError, KeyError):
            line = f"HTTP {response.status_code}: {response.text[:200]}"
        typer.echo(f"invoiceflow: error: {line}", err=True)
        raise typer.Exit(2 if response.status_code < 500 else 3)
    return response.json() if response.content else None


def _print(data: Any, as_json: bool, lines: list[str]) -> None:
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        for line in lines:
            typer.echo(line)


@workflow_app.command("list")
def list_instances(
    api_url: ApiUrl = DEFAULT_API_URL,
    filter_status: Annotated[
        str | None, typer.Option("--filter-status", help="e.g. RUNNING, FAILED.")
    ] = None,
    page: Annotated[int, typer.Option(min=1)] = 1,
    page_size: Annotated[int, typer.Option(min=1, max=500)] = 50,
    as_json: JsonFlag = False,
) -> None:
    """List invoice workflow instances, newest first."""
    params: dict[str, Any] = {"page": page, "page_size": page_size}
    if filter_status:
        params["status"] = filter_status.upper()
    data = _call("GET", api_url, "/api/invoices", params=params)
    rows = [f"{'INSTANCE ID':40} {'WORKFLOW':22} {'STATUS':11} CREATED"]
    rows += [
        f"{i['instance_id']:40} {i['workflow']:22} {i['status']:11} {i['created_at']}" for i in data["items"]
    ]
    rows.append(f"({data['total']} in all, page {data['page']})")
    _print(data, as_json, rows)


@workflow_app.command("get")
def get(instance_id: InstanceId, api_url: ApiUrl = DEFAULT_API_URL, as_json: JsonFlag = False) -> None:
    """Status, progress and (when completed) the result of one instance."""
    data = _call("GET", api_url, f"/api/invoices/{instance_id}")
    progress = data.get("progress") or {}
    lines = [
        f"instance:  {data['instance_id']}",
        f"workflow:  {data['workflow']} ({data.get('version') or '?'})",
        f"status:    {data['status']}",
        f"progress:  {progress.get('stage', '-')} "
        f"{progress.get('pages_done', 0)}/{progress.get('pages_total', 0)}",
        f"created:   {data['created_at']}",
        f"updated:   {data['last_updated_at']}",
    ]
    if data.get("error"):
        lines.append(f"error:     {data['error']['code']}: {data['error']['message']}")
    _print(data, as_json, lines)


@workflow_app.command("history")
def history(instance_id: InstanceId, api_url: ApiUrl = DEFAULT_API_URL, as_json: JsonFlag = False) -> None:
    """The instance's history events, oldest first."""
    data = _call("GET", api_url, f"/api/invoices/{instance_id}/history")
    lines = [f"{e['timestamp']}  {e['event_type']:32} {e.get('name') or ''}" for e in data]
    _print(data, as_json, lines)


@workflow_app.command("raise-event")
def raise_event(
    instance_id: InstanceId,
    event: Annotated[str, typer.Argument(help="The event name, e.g. review.", show_default=False)],
    input_json: Annotated[str | None, typer.Option("--input", help="The event payload as JSON.")] = None,
    api_url: ApiUrl = DEFAULT_API_URL,
    as_json: JsonFlag = False,
) -> None:
    """Raise an external event on an instance."""
    try:
        payload = json.loads(input_json) if input_json else None
    except json.JSONDecodeError as exc:
        typer.echo(f"invoiceflow: error: INVALID_INPUT: --input is not JSON: {exc}", err=True)
        raise typer.Exit(2) from None
    data = _call("POST", api_url, f"/api/invoices/{instance_id}/events/{event}", json=payload)
    _print(data, as_json, [f"raised {event} on {instance_id}"])


def _action(action: str) -> Any:
    def command(
        instance_id: InstanceId, api_url: ApiUrl = DEFAULT_API_URL, as_json: JsonFlag = False
    ) -> None:
        data = _call("POST", api_url, f"/api/invoices/{instance_id}/{action}")
        _print(data, as_json, [f"{action}: {instance_id} ({data.get('status') or 'ok'})"])

    command.__doc__ = f"{action.capitalize()} an instance."
    return command


workflow_app.command("pause")(_action("pause"))
workflow_app.command("resume")(_action("resume"))
workflow_app.command("terminate")(_action("terminate"))


@workflow_app.command("rerun")
def rerun(instance_id: InstanceId, api_url: ApiUrl = DEFAULT_API_URL, as_json: JsonFlag = False) -> None:
    """Run a FAILED / TERMINATED instance again from its failed step, as a new instance."""
    data = _call("POST", api_url, f"/api/invoices/{instance_id}/rerun")
    _print(data, as_json, [f"rerun of {instance_id}: {data['instance_id']} ({data['mode']})"])


@workflow_app.command("purge")
def purge(instance_id: InstanceId, api_url: ApiUrl = DEFAULT_API_URL, as_json: JsonFlag = False) -> None:
    """Delete an ended instance's state and history."""
    _call("DELETE", api_url, f"/api/invoices/{instance_id}")
    _print({"instance_id": instance_id, "purged": True}, as_json, [f"purged {instance_id}"])


@workflow_app.command("run")
def run(
    file: Annotated[Path, typer.Argument(help="A PDF to upload.", show_default=False)],
    instance_id: Annotated[
        str | None, typer.Option("--instance-id", help="Default: from the content.")
    ] = None,
    api_url: ApiUrl = DEFAULT_API_URL,
    as_json: JsonFlag = False,
) -> None:
    """Upload FILE and start its workflow (idempotent: the same file twice is one instance)."""
    with file.open("rb") as handle:
        form = {"invoice_id": instance_id} if instance_id else {}
        data = _call("POST", api_url, "/api/invoices", files={"file": (file.name, handle)}, data=form)
    _print(data, as_json, [f"{data['instance_id']} ({data['workflow']}, created={data['created']})"])


# ---------------------------------------------------------------------------------------- up / down

RunDir = Annotated[
    Path, typer.Option("--run-dir", help="Logs, generated components and up.json of the running stack.")
]


def up(  # noqa: PLR0917  (typer turns each parameter into an option)
    run_dir: RunDir = Path(".invoiceflow/multiapp"),
    data_dir: Annotated[
        Path | None, typer.Option(help="Redis data and blobs (default: RUN_DIR/data).")
    ] = None,
    port: Annotated[int, typer.Option(help="The workflow app's API port.")] = 8080,
    pdf_base_dir: Annotated[Path | None, typer.Option(help="pdf_path requests must lie below it.")] = None,
    allow_url: Annotated[list[str] | None, typer.Option(help="A URL prefix pdf_url may start with.")] = None,
    versions: Annotated[
        str, typer.Option(help="Workflow versions to host; starts take the newest.")
    ] = "v1,v2,v3",
) -> None:
    """Start the multi-app mode (Redis, placement, scheduler, five apps + sidecars) until Ctrl-C or
    `invoiceflow down`."""
    import threading

    from invoiceflow.runtime.errors import StackError
    from invoiceflow.runtime.multiapp import MultiAppOptions, MultiAppStack, read_up_file

    if (info := read_up_file(run_dir)) is not None and _alive(int(info["pid"])):
        typer.echo(f"invoiceflow: error: already running (pid {info['pid']}, {info['api_url']})", err=True)
        raise typer.Exit(2)
    options = MultiAppOptions(
        run_dir=run_dir,
        data_dir=data_dir,
        api_port=port,
        pdf_base_dir=pdf_base_dir,
        url_allow_list=tuple(allow_url or ()),
        workflow_versions=versions,
    )
    try:
        with MultiAppStack(options) as stack:
            stack.write_up_file()
            typer.echo(f"InvoiceFlow multi-app mode up: API {stack.api_url} (OpenAPI: {stack.api_url}/docs)")
            typer.echo(f"logs: {stack.logs_dir}; stop with `invoiceflow down --run-dir {run_dir}`")
            try:
                threading.Event().wait()
            finally:
                (stack.run_dir / "up.json").unlink(missing_ok=True)
    except StackError as exc:
        typer.echo(f"invoiceflow: error: INTERNAL: {exc}", err=True)
        raise typer.Exit(3) from None


def down(run_dir: RunDir = Path(".invoiceflow/multiapp")) -> None:
    """Stop the multi-app mode started by `invoiceflow up`."""
    from invoiceflow.runtime.multiapp import stop_running

    if stop_running(run_dir):
        typer.echo("InvoiceFlow multi-app mode stopped")
    else:
        typer.echo(f"nothing running in {run_dir}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
