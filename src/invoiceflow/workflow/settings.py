"""Where the workflow's activities find the services and building blocks (``INVOICEFLOW_*`` variables).

App-ids stay configurable: in multi-app mode each service has its own; in the embedded mode all four
point at the one app-id that fronts the combined services app.
"""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

from invoiceflow.runtime.resources import PUBSUB, STATESTORE

WORKFLOW_APP_ID = "workflow-app"


class WorkflowSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INVOICEFLOW_", extra="ignore")

    upload_app_id: str = "upload-service"
    split_app_id: str = "split-service"
    extract_app_id: str = "extract-service"
    aggregate_app_id: str = "aggregate-service"
    statestore: str = STATESTORE
    pubsub: str = PUBSUB
    invoke_timeout_seconds: float = 120.0
    # Async activities: concurrency is capped by work items, not threads; threads only deliver results.
    max_concurrent_activities: int = 256
    max_worker_threads: int = 32

    @classmethod
    def single_app(cls, app_id: str, **overrides: object) -> WorkflowSettings:
        """All four services behind one app-id (the embedded mode)."""
        ids = {f"{role}_app_id": app_id for role in ("upload", "split", "extract", "aggregate")}
        return cls.model_validate({**ids, **overrides})
