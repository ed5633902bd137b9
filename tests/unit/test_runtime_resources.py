"""The embedded mode's generated Dapr components."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import yaml

from invoiceflow.runtime.resources import (
    BLOBSTORE,
    PUBSUB,
    SECRETSTORE,
    STATESTORE,
    write_embedded_resources,
)


def _components(resources_dir: Path) -> dict[str, dict[str, Any]]:
    documents = [yaml.safe_load(path.read_text()) for path in sorted(resources_dir.glob("*.yaml"))]
    return {doc["metadata"]["name"]: doc for doc in documents}


def _metadata(component: dict[str, Any]) -> dict[str, str]:
    return {item["name"]: item["value"] for item in component["spec"]["metadata"]}


def test_writes_the_four_components_with_their_types(tmp_path: Path) -> None:
    resources = write_embedded_resources(tmp_path)

    components = _components(resources.resources_dir)
    assert {name: c["spec"]["type"] for name, c in components.items()} == {
        STATESTORE: "state.sqlite",
        PUBSUB: "pubsub.in-memory",
        SECRETSTORE: "secretstores.local.file",
        BLOBSTORE: "bindings.localstorage",
    }
    assert all(
        c["apiVersion"] == "dapr.io/v1alpha1" and c["kind"] == "Component" for c in components.values()
    )


def test_state_store_holds_workflow_state_in_the_run_dir(tmp_path: Path) -> None:
    resources = write_embedded_resources(tmp_path)

    state = _metadata(_components(resources.resources_dir)[STATESTORE])
    assert state["actorStateStore"] == "true"  # a string: Dapr metadata values are strings
    # WAL is the component's default; commits skip the fsync (synchronous=NORMAL), see resources.py
    assert state["connectionString"] == f"file:{resources.state_db}?_pragma=synchronous(NORMAL)"
    assert state["busyTimeout"] == "15s"  # concurrent writers wait for the lock instead of failing
    assert resources.state_db.is_relative_to(tmp_path.resolve())


def test_secrets_and_blobs_live_in_the_data_dir(tmp_path: Path) -> None:
    resources = write_embedded_resources(tmp_path, secrets={"api-token": "s3cret"})

    components = _components(resources.resources_dir)
    assert _metadata(components[SECRETSTORE])["secretsFile"] == str(resources.secrets_file)
    assert json.loads(resources.secrets_file.read_text()) == {"api-token": "s3cret"}
    assert stat.S_IMODE(resources.secrets_file.stat().st_mode) == 0o600
    assert _metadata(components[BLOBSTORE])["rootPath"] == str(resources.blob_root)
    assert resources.blob_root.is_dir()


def test_a_persistent_data_dir_keeps_existing_secrets(tmp_path: Path) -> None:
    data_dir = tmp_path / "persistent"
    write_embedded_resources(tmp_path / "run1", data_dir=data_dir, secrets={"k": "v"})

    again = write_embedded_resources(tmp_path / "run2", data_dir=data_dir)

    assert again.state_db == (data_dir / "state.db").resolve()
    assert json.loads(again.secrets_file.read_text()) == {"k": "v"}
    assert (tmp_path / "run2" / "resources" / f"{STATESTORE}.yaml").is_file()


def test_state_in_memory_keeps_results_and_workflow_state_in_daprd(tmp_path: Path) -> None:
    resources = write_embedded_resources(tmp_path, state_in_memory=True)

    components = _components(resources.resources_dir)
    state = components[STATESTORE]
    assert state["spec"]["type"] == "state.in-memory"
    assert _metadata(state) == {"actorStateStore": "true"}  # workflow state too, as with SQLite
    # the other building blocks are the same as with SQLite
    assert {name: c["spec"]["type"] for name, c in components.items() if name != STATESTORE} == {
        PUBSUB: "pubsub.in-memory",
        SECRETSTORE: "secretstores.local.file",
        BLOBSTORE: "bindings.localstorage",
    }
