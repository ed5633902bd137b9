"""The runtime build's source patches are part of its cache key: a patch added or changed rebuilds."""

from __future__ import annotations

import shutil
from pathlib import Path

from invoiceflow.runtime.provision import build_key, go_module_dir, read_patches


def _module_copy(tmp_path: Path) -> Path:
    module = tmp_path / "runtime"
    module.mkdir()
    for name in ("go.mod", "go.sum", "components.txt"):
        shutil.copy(go_module_dir() / name, module / name)
    return module


def test_the_build_key_changes_with_every_patch_added_or_edited(tmp_path: Path) -> None:
    module = _module_copy(tmp_path)
    unpatched = build_key(module)
    patches = module / "patches"
    patches.mkdir()
    fix = patches / "0001-fix.patch"
    fix.write_text("--- a/x.go\n+++ b/x.go\n@@ -1 +1 @@\n-a\n+b\n")
    patched = build_key(module)
    fix.write_text("--- a/x.go\n+++ b/x.go\n@@ -1 +1 @@\n-a\n+c\n")
    edited = build_key(module)
    assert len({unpatched, patched, edited}) == 3
    assert read_patches(module) == [fix]
