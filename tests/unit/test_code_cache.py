"""The compiled-snippet cache of one-shot CLI runs (``invoiceflow.code_cache``): what it stores is what
``compile`` makes, it survives a restart, it is only used where installed, and a run that uses it writes
the same output as one without it."""

from __future__ import annotations

import collections
import dataclasses
import json
import marshal
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from invoiceflow.code_cache import CodeCache, default_cache

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "invoice-en-1p.pdf"
SNIPPET = "def __create_fn__(x):\n def __init__(self, a):\n  self.a = a + x\n return __init__"


def test_a_stored_snippet_comes_back_from_the_file_as_compile_makes_it(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    first = CodeCache(path)
    made = first.code(SNIPPET, "<string>", "exec")
    first.save()
    again = CodeCache(path)
    loaded = again.code(SNIPPET, "<string>", "exec")
    assert (first.misses, again.hits, again.misses) == (1, 1, 0)
    expected = compile(SNIPPET, "<string>", "exec", dont_inherit=True)
    assert marshal.dumps(loaded) == marshal.dumps(made) == marshal.dumps(expected)


def test_the_file_is_written_only_when_a_run_compiled_something_new(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    cache = CodeCache(path)
    cache.code("a + 1", "<string>", "eval")
    cache.save()
    written = path.stat().st_mtime_ns
    reader = CodeCache(path)
    reader.code("a + 1", "<string>", "eval")
    path.write_bytes(b"replaced by another run")
    reader.save()  # nothing new: leaves the file alone
    assert path.read_bytes() == b"replaced by another run"
    assert written


def test_an_unreadable_file_is_replaced_and_stale_snippets_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    path.write_bytes(b"\x00not marshal")
    cache = CodeCache(path)
    stale = [f"{n} + 1" for n in range(400)]
    for text in stale:
        cache.code(text, "<string>", "eval")
    cache.save()
    assert len(marshal.loads(path.read_bytes())) == 400
    later = CodeCache(path)  # a run that uses one snippet: the 399 others exceed the slack
    later.code("b * 2", "<string>", "eval")
    later.save()
    assert set(marshal.loads(path.read_bytes())) == {("eval", "<string>", "b * 2")}


def test_installed_the_three_modules_compile_through_it_and_get_their_builtins_back(tmp_path: Path) -> None:
    cache = CodeCache(tmp_path / "code.marshal")
    cache.install()
    try:

        @dataclasses.dataclass(frozen=True, order=True)
        class Point:
            x: int
            y: int = 0
            tags: list[str] = dataclasses.field(default_factory=list)

        Pair = collections.namedtuple("Pair", "left right")
        reference = typing.ForwardRef("list[int] | None")
        with pytest.raises(SyntaxError):
            typing.ForwardRef("not an expression(")
    finally:
        cache.uninstall()
    assert "exec" not in vars(dataclasses)
    assert "eval" not in vars(collections)
    assert "compile" not in vars(typing)
    assert cache.misses > 5
    assert Point(1) == Point(1, 0, [])
    assert Point(1, 2) < Point(2, 0)
    assert repr(Point(3)).endswith("<locals>.Point(x=3, y=0, tags=[])")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Point(1).x = 2  # type: ignore[misc]
    assert Pair(1, right=2) == (1, 2)
    assert reference._evaluate(globals(), None, frozenset()) == (list[int] | None)


def test_exec_without_namespaces_runs_in_the_callers_and_eval_skips_leading_blanks(tmp_path: Path) -> None:
    cache = CodeCache(tmp_path / "code.marshal")
    cache.install()
    try:
        run = vars(dataclasses)["exec"]
        evaluate = vars(collections)["eval"]
        namespace: dict[str, object] = {"seed": 20}
        run("result = seed + 1", namespace)
        assert namespace["result"] == 21
        assert evaluate(" \t 6 * 7") == 42
        local_value = 5
        assert evaluate("local_value + 1") == local_value + 1
    finally:
        cache.uninstall()


def test_the_cache_file_is_per_interpreter_and_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INVOICEFLOW_CACHE_DIR", "/somewhere")
    path = default_cache().path
    assert path is not None
    assert path.parent == Path("/somewhere")
    assert sys.implementation.cache_tag in path.name
    assert f"-O{sys.flags.optimize}-" in path.name
    monkeypatch.setenv("INVOICEFLOW_CODE_CACHE", "0")
    assert default_cache().path is None


def _extract(cache_dir: Path, **env: str) -> str:
    run_env = {**os.environ, "INVOICEFLOW_CACHE_DIR": str(cache_dir), **env}
    run_env.pop("INVOICEFLOW_TEMPLATES", None)
    proc = subprocess.run(
        [sys.executable, "-m", "invoiceflow", "extract", "--json", str(SAMPLE)],
        capture_output=True,
        text=True,
        env=run_env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_a_cli_run_from_the_cache_writes_what_a_run_without_it_writes(tmp_path: Path) -> None:
    without = _extract(tmp_path, INVOICEFLOW_CODE_CACHE="0")
    assert not list(tmp_path.glob("code-*.marshal"))
    filling = _extract(tmp_path)
    [stored] = tmp_path.glob("code-*.marshal")
    entries = marshal.loads(stored.read_bytes())
    assert len(entries) > 200  # the dataclasses' methods and the forward references start-up compiles
    written = stored.stat().st_mtime_ns
    from_cache = _extract(tmp_path)
    assert stored.stat().st_mtime_ns == written  # every snippet was found: nothing new to save
    assert filling == from_cache == without
    assert json.loads(from_cache)["document"]["filename"] == SAMPLE.name
