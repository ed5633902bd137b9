"""``deploy/``, ``dapr.yaml``: valid YAML, and the structure the Dapr / Kubernetes / Compose tooling needs
(no cluster or Docker engine here, so the checks are structural)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from invoiceflow.runtime.multiapp import ALL_APPS, SERVICE_APPS, WORKFLOW_APP, resiliency_document
from invoiceflow.runtime.resources import BLOBSTORE, PUBSUB, STATESTORE

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
ALL_YAML = sorted([*DEPLOY.rglob("*.yaml"), *DEPLOY.rglob("*.yml"), ROOT / "dapr.yaml"])


def _docs(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc is not None]


def _k8s_docs() -> list[dict[str, Any]]:
    return [doc for path in sorted((DEPLOY / "k8s").glob("*.yaml")) for doc in _docs(path)]


@pytest.mark.parametrize("path", ALL_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_yaml_parses(path: Path) -> None:
    assert _docs(path), f"{path} holds no document"


def _metadata_map(component: dict[str, Any]) -> dict[str, str]:
    return {item["name"]: item["value"] for item in component["spec"]["metadata"]}


def test_components_use_redis_with_actor_state_store() -> None:
    components = {doc["metadata"]["name"]: doc for doc in _docs(DEPLOY / "components" / "statestore.yaml")}
    components |= {doc["metadata"]["name"]: doc for doc in _docs(DEPLOY / "components" / "pubsub.yaml")}
    components |= {doc["metadata"]["name"]: doc for doc in _docs(DEPLOY / "components" / "blobstore.yaml")}
    assert components[STATESTORE]["spec"]["type"] == "state.redis"
    assert _metadata_map(components[STATESTORE])["actorStateStore"] == "true"
    assert components[PUBSUB]["spec"]["type"] == "pubsub.redis"
    assert components[BLOBSTORE]["spec"]["type"].startswith("bindings.")
    for doc in components.values():
        assert doc["apiVersion"] == "dapr.io/v1alpha1"
        assert doc["kind"] == "Component"


def test_resiliency_targets_every_service_and_matches_the_launcher() -> None:
    (shipped,) = _docs(DEPLOY / "components" / "resiliency.yaml")
    assert shipped["kind"] == "Resiliency"
    assert set(shipped["spec"]["targets"]["apps"]) == set(SERVICE_APPS)
    for target in shipped["spec"]["targets"]["apps"].values():
        assert target["retry"] in shipped["spec"]["policies"]["retries"]
    assert shipped["spec"] == resiliency_document()["spec"]  # `invoiceflow up` runs what we ship


def test_k8s_deployments_have_dapr_annotations() -> None:
    docs = _k8s_docs()
    for doc in docs:
        assert {"apiVersion", "kind", "metadata"} <= doc.keys()
        assert doc["metadata"].get("name")
    deployments = {doc["metadata"]["name"]: doc for doc in docs if doc["kind"] == "Deployment"}
    assert set(deployments) == set(ALL_APPS)
    for name, deployment in deployments.items():
        assert deployment["apiVersion"] == "apps/v1"
        spec = deployment["spec"]
        assert spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items()
        annotations = spec["template"]["metadata"]["annotations"]
        assert annotations["dapr.io/enabled"] == "true"
        assert annotations["dapr.io/app-id"] == name
        container = spec["template"]["spec"]["containers"][0]
        port = container["ports"][0]["containerPort"]
        assert str(port) in container["command"]
        if name == WORKFLOW_APP:
            assert "dapr.io/app-port" not in annotations  # the worker dials its sidecar
        else:
            assert annotations["dapr.io/app-port"] == str(port)
        for volume in spec["template"]["spec"].get("volumes", []):
            claim = volume.get("persistentVolumeClaim", {}).get("claimName")
            if claim:
                assert any(
                    d["kind"] == "PersistentVolumeClaim" and d["metadata"]["name"] == claim for d in docs
                )


def test_k8s_dapr_components_and_redis_service_agree() -> None:
    docs = _k8s_docs()
    components = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Component"}
    assert {STATESTORE, PUBSUB, BLOBSTORE} <= set(components)
    assert _metadata_map(components[STATESTORE])["actorStateStore"] == "true"
    redis_host = _metadata_map(components[STATESTORE])["redisHost"]
    services = {d["metadata"]["name"] for d in docs if d["kind"] == "Service"}
    assert redis_host.split(".")[0] in services
    configs = {d["metadata"]["name"] for d in docs if d["kind"] == "Configuration"}
    for deployment in (d for d in docs if d["kind"] == "Deployment"):
        assert deployment["spec"]["template"]["metadata"]["annotations"]["dapr.io/config"] in configs


def test_compose_has_an_app_and_a_sidecar_per_app_id() -> None:
    (compose,) = _docs(DEPLOY / "compose" / "docker-compose.yml")
    services = compose["services"]
    assert {"redis", "placement", "scheduler"} <= set(services)
    for app_id in ALL_APPS:
        assert app_id in services
        sidecar = services[f"{app_id}-dapr"]
        assert sidecar["network_mode"] == f"service:{app_id}"
        command = sidecar["command"]
        assert command[command.index("--app-id") + 1] == app_id
        assert ("--app-port" in command) == (app_id != WORKFLOW_APP)


def test_dapr_run_template_lists_the_five_apps() -> None:
    (template,) = _docs(ROOT / "dapr.yaml")
    assert template["version"] == 1
    assert [app["appID"] for app in template["apps"]] == list(ALL_APPS)
    assert (ROOT / template["common"]["resourcesPath"]).is_dir()
