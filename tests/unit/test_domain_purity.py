"""The domain core imports no adapter framework: checked on the source, and in a fresh interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import invoiceflow.domain

FORBIDDEN = ("dapr", "fastapi", "prefect", "starlette", "uvicorn", "grpc", "typer", "httpx")
DOMAIN_DIR = Path(invoiceflow.domain.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_domain_sources_import_no_adapter_framework() -> None:
    offenders = {
        f"{path.relative_to(DOMAIN_DIR)}: {name}"
        for path in DOMAIN_DIR.rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    }
    assert not offenders, sorted(offenders)


def test_importing_every_domain_module_loads_no_adapter_framework() -> None:
    modules = sorted(
        "invoiceflow.domain." + ".".join(p.relative_to(DOMAIN_DIR).with_suffix("").parts)
        for p in DOMAIN_DIR.rglob("*.py")
        if p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
