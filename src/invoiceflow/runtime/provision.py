"""Find or build the pinned Dapr runtime binaries (daprd, placement, scheduler, sentry).

Standard library only, so ``scripts/dapr-runtime`` runs before the project is installed.

Order: ``$DAPR_RUNTIME_DIR``, ``$PATH``, ``~/.dapr/bin`` (``dapr init --slim``), the build cache; a
directory counts only when every binary in it reports the pinned version. Otherwise the binaries are
built from the Go module in ``runtime/`` (see ``runtime/components.txt``) into
``$INVOICEFLOW_CACHE_DIR`` (default ``~/.cache/invoiceflow``), keyed by version and build inputs.
The patches in ``runtime/patches/`` (fixes of the pinned release, each file says why) are applied to the
source before the build; installed binaries found first do not have them.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

DAPR_VERSION = "1.18.2"
DAPR_MODULE = "github.com/dapr/dapr"
BINARIES = ("daprd", "placement", "scheduler", "sentry")
REQUIRED_BINARIES = ("daprd", "placement", "scheduler")
_BUILD_RECIPE_REVISION = "1"  # bump when the build steps below change in a way that alters binaries


class RuntimeProvisionError(RuntimeError):
    """The runtime binaries could not be found or built."""


@dataclass(frozen=True)
class RuntimeBinaries:
    directory: Path
    source: str  # "env", "path", "dapr-slim", "cache" or "built"

    def path(self, name: str) -> Path:
        return self.directory / name


def cache_root() -> Path:
    configured = os.environ.get("INVOICEFLOW_CACHE_DIR")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "invoiceflow"


def go_module_dir() -> Path:
    configured = os.environ.get("INVOICEFLOW_RUNTIME_MODULE")
    if configured:
        return Path(configured)
    # src/invoiceflow/runtime/provision.py -> repository root
    return Path(__file__).resolve().parents[3] / "runtime"


def read_component_list(module_dir: Path) -> list[str]:
    lines = (module_dir / "components.txt").read_text().splitlines()
    return sorted({line.split("#", 1)[0].strip() for line in lines} - {""})


def read_patches(module_dir: Path) -> list[Path]:
    """The source patches to apply, in name order (``runtime/patches/*.patch``, ``patch -p1`` format)."""
    return sorted((module_dir / "patches").glob("*.patch"))


def build_key(module_dir: Path) -> str:
    digest = hashlib.sha256()
    digest.update(f"{DAPR_VERSION}\n{_BUILD_RECIPE_REVISION}\n".encode())
    digest.update("\n".join(read_component_list(module_dir)).encode())
    for name in ("go.mod", "go.sum"):
        digest.update((module_dir / name).read_bytes())
    for patch in read_patches(module_dir):
        digest.update(f"\n{patch.name}\n".encode() + patch.read_bytes())
    return digest.hexdigest()[:16]


def cached_bin_dir(module_dir: Path) -> Path:
    return cache_root() / f"dapr-{DAPR_VERSION}-{build_key(module_dir)}" / "bin"


def binary_version(binary: Path) -> str | None:
    try:
        out = subprocess.run(
            [str(binary), "--version"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[-1].strip() if text else None


def _has_pinned_runtime(directory: Path) -> bool:
    # Only daprd answers --version; placement and scheduler ship beside it in every distribution.
    return all((directory / name).is_file() for name in REQUIRED_BINARIES) and (
        binary_version(directory / "daprd") == DAPR_VERSION
    )


def _candidate_dirs() -> list[tuple[str, Path]]:
    candidates: list[tuple[str, Path]] = []
    if env_dir := os.environ.get("DAPR_RUNTIME_DIR"):
        candidates.append(("env", Path(env_dir)))
    if daprd_on_path := shutil.which("daprd"):
        candidates.append(("path", Path(daprd_on_path).resolve().parent))
    candidates.append(("dapr-slim", Path.home() / ".dapr" / "bin"))
    return candidates


def find_runtime(module_dir: Path | None = None) -> RuntimeBinaries | None:
    """Return installed or cached binaries at the pinned version, without building."""
    for source, directory in _candidate_dirs():
        if _has_pinned_runtime(directory):
            return RuntimeBinaries(directory, source)
    module_dir = module_dir or go_module_dir()
    if (module_dir / "go.mod").is_file():
        cached = cached_bin_dir(module_dir)
        if all((cached / name).is_file() for name in BINARIES):
            return RuntimeBinaries(cached, "cache")
    return None


def _go(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    print(f"+ go {' '.join(args)}", file=sys.stderr, flush=True)
    proc = subprocess.run(["go", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeProvisionError(
            f"`go {' '.join(args)}` failed in {cwd} (exit {proc.returncode}):\n{proc.stderr[-4000:]}"
        )
    return proc.stdout


def build_runtime(module_dir: Path) -> RuntimeBinaries:
    """Build the pinned binaries from the Go module proxy into the cache directory."""
    if shutil.which("go") is None:
        raise RuntimeProvisionError(
            f"no Dapr {DAPR_VERSION} binaries found and no Go toolchain to build them: install Go "
            "(see runtime/go.mod for the version), or `dapr init --slim --runtime-version "
            f"{DAPR_VERSION}`, or point DAPR_RUNTIME_DIR at a directory with daprd/placement/scheduler"
        )
    if read_patches(module_dir) and shutil.which("patch") is None:
        raise RuntimeProvisionError("building the runtime applies runtime/patches/ with `patch`: install it")
    keep = set(read_component_list(module_dir))
    bin_dir = cached_bin_dir(module_dir)
    work = bin_dir.parent / "build"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = {**os.environ, "CGO_ENABLED": "0", "GOFLAGS": "-mod=mod", "GOWORK": "off"}

    # 1. The pinned module, downloaded through the module proxy (checksum-verified by go.sum).
    download = json.loads(_go(["mod", "download", "-json", f"{DAPR_MODULE}@v{DAPR_VERSION}"], work, env))
    source = work / "dapr"
    shutil.copytree(download["Dir"], source)
    for path in [source, *source.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o200)

    # 2. Trim the component registrations to the kept list (the full set does not build here).
    components = source / "cmd" / "daprd" / "components"
    available = {p.stem for p in components.glob("*.go") if p.stem != "zz_notag"}
    if unknown := keep - available:
        raise RuntimeProvisionError(f"runtime/components.txt names unknown components: {sorted(unknown)}")
    for stem in available - keep:
        (components / f"{stem}.go").unlink()

    # 3. The project's fixes of the pinned release; one that no longer applies exactly stops the build.
    for patch in read_patches(module_dir):
        print(f"+ patch -p1 < {patch.name}", file=sys.stderr, flush=True)
        patch_file = str(patch.resolve())  # absolute: -d changes directory first
        proc = subprocess.run(
            ["patch", "-p1", "--forward", "--batch", "--fuzz=0", "-d", str(source), "-i", patch_file],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeProvisionError(f"{patch.name} does not apply:\n{proc.stdout}{proc.stderr}")

    # 4. A build module: the project's go.mod/go.sum, pointed at the trimmed copy.
    build_module = work / "module"
    build_module.mkdir()
    shutil.copy(module_dir / "go.sum", build_module / "go.sum")
    go_mod = (module_dir / "go.mod").read_text()
    (build_module / "go.mod").write_text(f"{go_mod}\nreplace {DAPR_MODULE} => ../dapr\n")
    (build_module / "tools.go").write_text(
        "//go:build tools\n\npackage tools\n\nimport (\n"
        + "".join(f'\t_ "{DAPR_MODULE}/cmd/{name}"\n' for name in BINARIES)
        + ")\n"
    )

    ldflags = " ".join(
        [
            "-s -w",
            f"-X {DAPR_MODULE}/pkg/buildinfo.version={DAPR_VERSION}",
            f"-X {DAPR_MODULE}/pkg/buildinfo.gitversion=v{DAPR_VERSION}",
        ]
    )
    staging = bin_dir.parent / "bin.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    for name in BINARIES:
        _go(
            [
                "build",
                "-tags",
                "allcomponents",
                "-trimpath",
                "-ldflags",
                ldflags,
                "-o",
                str(staging / name),
                f"{DAPR_MODULE}/cmd/{name}",
            ],
            build_module,
            env,
        )
    shutil.rmtree(bin_dir, ignore_errors=True)
    staging.rename(bin_dir)  # atomic: a half-built cache is never taken for a complete one
    shutil.rmtree(work, ignore_errors=True)
    return RuntimeBinaries(bin_dir, "built")


def ensure_runtime(module_dir: Path | None = None) -> RuntimeBinaries:
    module_dir = module_dir or go_module_dir()
    found = find_runtime(module_dir)
    if found is not None:
        return found
    if not (module_dir / "go.mod").is_file():
        raise RuntimeProvisionError(
            f"no Dapr {DAPR_VERSION} binaries found (DAPR_RUNTIME_DIR, PATH, ~/.dapr/bin, cache) and no "
            f"Go module at {module_dir} to build them from (set INVOICEFLOW_RUNTIME_MODULE)"
        )
    # One build at a time per cache: concurrent callers (parallel test sessions, helpers) wait here and
    # then find the finished binaries instead of deleting each other's work directory.
    cache_root().mkdir(parents=True, exist_ok=True)
    with (cache_root() / ".build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        found = find_runtime(module_dir)
        return found if found is not None else build_runtime(module_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dapr-runtime", description=f"Find or build the Dapr {DAPR_VERSION} runtime binaries."
    )
    parser.add_argument("--print-dir", action="store_true", help="print only the binaries' directory")
    parser.add_argument("--check", action="store_true", help="do not build; exit 1 when none found")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        found = find_runtime() if args.check else ensure_runtime()
    except RuntimeProvisionError as exc:
        print(f"dapr-runtime: error: {exc}", file=sys.stderr)
        return 2
    if found is None:
        print(f"dapr-runtime: no Dapr {DAPR_VERSION} binaries found", file=sys.stderr)
        return 1
    if args.print_dir:
        print(found.directory)
    else:
        print(
            f"Dapr {DAPR_VERSION} runtime ({found.source}) in {found.directory} "
            f"[{time.monotonic() - started:.1f} s]"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
