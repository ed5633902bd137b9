"""Settings of the service apps: one pydantic-settings class, read from ``INVOICEFLOW_*`` variables."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi.telemetry import TelemetryConfig
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from invoiceflow.runtime.resources import BLOBSTORE


def _cpu_count() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INVOICEFLOW_", extra="ignore")

    blob_binding: str = BLOBSTORE
    # ``pdf_path`` requests are refused unless the path resolves below this directory.
    upload_base_dir: Path | None = None
    # Extraction is CPU-bound: one worker process per core so a fan-out really runs in parallel.
    extract_workers: int = Field(default_factory=_cpu_count, ge=1)
    # PNG previews written by the split service; 0 switches them off (the CLI does: nobody looks at them).
    split_render_dpi: int = Field(default=150, ge=0)
    blob_timeout_seconds: float = 30.0
    # invoice2data templates for the split stage: the same ``INVOICEFLOW_TEMPLATES`` variable that
    # ``invoiceflow extract`` reads (``domain.templates.default_templates_dir``), so both give one result.
    templates: Path | None = None
    # Test-only fault injection, off by default: page numbers whose first extraction attempt (per invoice)
    # answers 503, and a delay added to every extraction (to catch a run mid-flight).
    fault_extract_fail_once: str = ""
    fault_extract_delay_seconds: float = 0.0

    @property
    def fail_once_pages(self) -> frozenset[int]:
        return frozenset(int(part) for part in self.fault_extract_fail_once.split(",") if part.strip())

    @property
    def render_dpi(self) -> int | None:
        return self.split_render_dpi or None


def fastapi_telemetry() -> TelemetryConfig | None:
    """FastAPI's built-in OpenTelemetry for the apps: off unless ``INVOICEFLOW_OTEL=true``. Even with no
    provider configured it looked up OTEL_* variables in ``os.environ`` on every request, ~5 % of the
    embedded process's CPU; Dapr traces the calls between the apps itself."""
    if os.environ.get("INVOICEFLOW_OTEL", "").lower() in {"1", "true", "yes"}:
        return None  # FastAPI's defaults
    return {"tracing": False, "metrics": False, "logs": False}
