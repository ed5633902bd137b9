"""Prefect's settings for InvoiceFlow, applied through the environment before ``prefect`` is imported
(Prefect reads its settings once, at import).

Without an API URL Prefect starts its ephemeral server (a local subprocess, SQLite under
``PREFECT_HOME``), which needs no network. Analytics and update checks stay off: nothing phones home.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from invoiceflow.prefect.retention import apply_retention_defaults

QUIET = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_UI_ENABLED": "false",  # the ephemeral server needs no UI
}
# The ephemeral server's start-up (migrations on a fresh SQLite) takes seconds; on a busy 2-core machine
# more than Prefect's default 20 s wait.
STARTUP_TIMEOUT = ("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


class PrefectAlreadyImportedError(RuntimeError):
    pass


def default_home() -> Path:
    return Path(tempfile.gettempdir()) / f"invoiceflow-prefect-{os.getuid()}"


def configure_prefect(
    api_url: str | None = None, *, home: Path | None = None, log_level: str = "WARNING"
) -> None:
    """Point Prefect at ``api_url``, or at its ephemeral server when None. Call before importing
    ``prefect``; calling again with the same settings is harmless."""
    wanted = dict(QUIET)
    wanted["PREFECT_LOGGING_LEVEL"] = log_level
    if "PREFECT_HOME" not in os.environ or home is not None:
        wanted["PREFECT_HOME"] = str(home or default_home())
    if "prefect" in sys.modules and _api_url_differs(api_url):
        raise PrefectAlreadyImportedError("Prefect is already imported with another API URL")
    os.environ.update(wanted)
    os.environ.setdefault(*STARTUP_TIMEOUT)
    if api_url:
        os.environ["PREFECT_API_URL"] = api_url
    else:
        os.environ.pop("PREFECT_API_URL", None)
        apply_retention_defaults()  # the ephemeral server's history: one day unless the user says otherwise


def _api_url_differs(api_url: str | None) -> bool:
    return (os.environ.get("PREFECT_API_URL") or None) != (api_url or None)
