"""Dapr component files for the embedded mode: everything local, inside one run directory.

The component names are the contract between this module and the code that uses the building blocks:
import the constants, never repeat the strings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

STATESTORE = "statestore"
PUBSUB = "pubsub"
SECRETSTORE = "secretstore"
BLOBSTORE = "blobstore"


@dataclass(frozen=True)
class EmbeddedResources:
    """Where the generated components and their data live."""

    resources_dir: Path
    state_db: Path
    secrets_file: Path
    blob_root: Path


def component_manifest(name: str, component_type: str, metadata: Mapping[str, str]) -> dict[str, Any]:
    return {
        "apiVersion": "dapr.io/v1alpha1",
        "kind": "Component",
        "metadata": {"name": name},
        "spec": {
            "type": component_type,
            "version": "v1",
            "metadata": [{"name": key, "value": value} for key, value in metadata.items()],
        },
    }


def write_embedded_resources(
    run_dir: Path,
    *,
    secrets: Mapping[str, str] | None = None,
    data_dir: Path | None = None,
    state_in_memory: bool = False,
) -> EmbeddedResources:
    """Write the embedded mode's components into ``run_dir/resources``.

    ``data_dir`` (default ``run_dir/data``) holds the SQLite state (workflow state too, hence
    ``actorStateStore``), the secrets JSON and the blob root. Pass a persistent ``data_dir`` to keep
    state across runs; the component files themselves are always regenerated.

    ``state_in_memory``: the state store (results and workflow state) in daprd's memory instead
    (``state.in-memory``), for a stack whose state is thrown away at its stop anyway. daprd's SQLite
    driver is pure Go: every workflow step's commit (history, inbox, status) cost daprd ~30 % of its CPU
    on a 50-page invoice (``benchmarks/dapr_timeline.py``). Nothing survives a daprd restart then.
    """
    run_dir = run_dir.resolve()
    data_dir = (data_dir or run_dir / "data").resolve()
    resources_dir = run_dir / "resources"
    blob_root = data_dir / "blobs"
    for directory in (resources_dir, data_dir, blob_root):
        directory.mkdir(parents=True, exist_ok=True)
    state_db = data_dir / "state.db"
    secrets_file = data_dir / "secrets.json"
    if secrets is not None or not secrets_file.exists():
        secrets_file.write_text(json.dumps(dict(secrets or {}), indent=2) + "\n")
        secrets_file.chmod(0o600)

    state_store = (
        component_manifest(STATESTORE, "state.in-memory", {"actorStateStore": "true"})
        if state_in_memory
        else component_manifest(
            STATESTORE,
            "state.sqlite",
            {
                # WAL (the component's default) with synchronous=NORMAL: a commit no longer waits for an
                # fsync (every workflow step commits); a crash of the process loses nothing, a power
                # cut may lose the last steps, which the workflow then runs again.
                "connectionString": f"file:{state_db}?_pragma=synchronous(NORMAL)",
                "actorStateStore": "true",
                "timeout": "20s",
                # One writer at a time: under 100 concurrent starts the default 2 s wait for the lock
                # ran out ("database is locked (SQLITE_BUSY)" failed a workflow start).
                "busyTimeout": "15s",
            },
        )
    )
    components = {
        STATESTORE: state_store,
        PUBSUB: component_manifest(PUBSUB, "pubsub.in-memory", {}),
        SECRETSTORE: component_manifest(
            SECRETSTORE, "secretstores.local.file", {"secretsFile": str(secrets_file), "nestedSeparator": ":"}
        ),
        BLOBSTORE: component_manifest(BLOBSTORE, "bindings.localstorage", {"rootPath": str(blob_root)}),
    }
    for name, document in components.items():
        (resources_dir / f"{name}.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    return EmbeddedResources(resources_dir, state_db, secrets_file, blob_root)
