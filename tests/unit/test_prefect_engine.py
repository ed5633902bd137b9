"""The Prefect engine's wiring, without running a flow: retry policy in step with Dapr's, bad input not
retried, task names from the spec, and no clash between ``invoiceflow.prefect`` and ``prefect``."""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.prefect.environment import configure_prefect
from invoiceflow.prefect.retry import MAX_ATTEMPTS, is_retryable, retry_delays

# Before anything imports prefect: a private PREFECT_HOME, analytics off, ephemeral mode.
_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="invoiceflow-prefect-unit-"))
atexit.register(shutil.rmtree, _PREFECT_HOME, ignore_errors=True)  # made at import: no fixture to clean it
configure_prefect(home=_PREFECT_HOME)


def test_retry_delays_are_exponential_and_capped() -> None:
    assert retry_delays() == [1.0, 2.0]
    assert retry_delays(6, 1.0, 2.0, 10.0) == [1.0, 2.0, 4.0, 8.0, 10.0]
    assert retry_delays(1) == []


def test_retry_policy_matches_the_dapr_policy() -> None:
    from invoiceflow.prefect import retry
    from invoiceflow.workflow import retry as dapr_retry

    assert dapr_retry.MAX_ATTEMPTS == retry.MAX_ATTEMPTS
    assert dapr_retry.FIRST_RETRY_INTERVAL.total_seconds() == retry.FIRST_RETRY_SECONDS
    assert dapr_retry.BACKOFF_COEFFICIENT == retry.BACKOFF_COEFFICIENT
    assert dapr_retry.MAX_RETRY_INTERVAL.total_seconds() == retry.MAX_RETRY_SECONDS


@pytest.mark.parametrize(
    ("error", "retryable"),
    [
        (InvoiceFlowError("bad", code=ErrorCode.NOT_A_PDF), False),
        (InvoiceFlowError("encrypted", code=ErrorCode.PDF_ENCRYPTED), False),
        (InvoiceFlowError("ours", code=ErrorCode.INTERNAL), True),
        (InvoiceFlowError("no ocr yet", code=ErrorCode.OCR_UNAVAILABLE), True),
        (ConnectionError("pool restarted"), True),
    ],
)
def test_only_transient_errors_are_retried(error: BaseException, retryable: bool) -> None:
    assert is_retryable(error) is retryable


def test_tasks_carry_the_spec_names_and_the_retry_policy() -> None:
    from prefect.states import Failed

    from invoiceflow.prefect import flow as prefect_flow

    tasks = [prefect_flow.upload_pdf, prefect_flow.split_pdf, prefect_flow.extract_invoice]
    tasks.append(prefect_flow.aggregate_invoice)
    assert [t.name for t in tasks] == ["upload_pdf", "split_pdf", "extract_invoice", "aggregate_invoice"]
    for task in tasks:
        assert task.retries == MAX_ATTEMPTS - 1
        assert task.retry_delay_seconds == [1.0, 2.0]
        condition = task.retry_condition_fn
        assert condition is not None
        bad = Failed(data=InvoiceFlowError("x", code=ErrorCode.NOT_A_PDF))
        transient = Failed(data=RuntimeError("worker died"))
        assert condition(task, None, bad) is False  # type: ignore[arg-type]
        assert condition(task, None, transient) is True  # type: ignore[arg-type]
    assert prefect_flow.invoice_processing_flow.name == "invoice_processing_flow"


def test_package_name_does_not_shadow_the_prefect_library() -> None:
    import prefect

    from invoiceflow.prefect import flow as prefect_flow

    assert "site-packages" in str(prefect.__file__)
    assert prefect_flow.flow is prefect.flow
    assert sys.modules["prefect"] is prefect


def test_configure_prefect_turns_analytics_off_and_unsets_the_api_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    monkeypatch.setattr(os, "environ", {**os.environ, "PREFECT_API_URL": ""})  # restored afterwards
    monkeypatch.delitem(sys.modules, "prefect", raising=False)  # pretend not yet imported
    configure_prefect(home=tmp_path)
    assert os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert os.environ["DO_NOT_TRACK"] == "1"
    assert os.environ["PREFECT_HOME"] == str(tmp_path)
    assert "PREFECT_API_URL" not in os.environ


def test_prefect_yaml_deploys_every_stage_to_its_own_pool() -> None:
    import yaml
    from prefect.flows import Flow, load_flow_from_entrypoint

    from invoiceflow.prefect import stages

    root = Path(__file__).resolve().parents[2]
    definition = yaml.safe_load((root / "prefect.yaml").read_text())
    deployments = {d["name"]: d for d in definition["deployments"]}
    pools = {name: d["work_pool"]["name"] for name, d in deployments.items()}
    assert pools["upload"] == "upload-pool"
    assert pools["split"] == "split-pool"
    assert pools["extract"] == "extract-pool"
    assert pools["aggregate"] == "aggregate-pool"
    # run_deployment addresses the stages as "<flow name>/<deployment name>": both must match the file.
    for address in (
        stages.UPLOAD_DEPLOYMENT,
        stages.SPLIT_DEPLOYMENT,
        stages.EXTRACT_DEPLOYMENT,
        stages.AGGREGATE_DEPLOYMENT,
    ):
        flow_name, deployment_name = address.split("/")
        entrypoint = deployments[deployment_name]["entrypoint"]
        loaded = load_flow_from_entrypoint(str(root / entrypoint))
        assert isinstance(loaded, Flow)
        assert loaded.name == flow_name
    for name in ("invoice-processing", "invoice-processing-pooled"):
        loaded = load_flow_from_entrypoint(str(root / deployments[name]["entrypoint"]))
        assert "blob_root" in loaded.parameters.properties
