"""The on-disk cache of compiled patterns gives patterns that behave exactly like ``re.compile``'s, and
never turns a bad cache file into a failure."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest

from invoiceflow.domain.extraction import lazy_re
from invoiceflow.domain.extraction.lazy_re import CompiledCache

PATTERNS = [
    (r"(?<![a-z])(?:total|gesamt(?:betrag)?)\s*(?P<cur>eur|€)?", re.IGNORECASE),
    (r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})", 0),
    (
        r"""
        (?P<lead>-)?      # sign
        (?P<num>\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{2})?)
    """,
        re.VERBOSE,
    ),
    (r"straße|größe|ÉCHÉANCE", re.IGNORECASE),
]
TEXTS = [
    "Gesamtbetrag € 1.234,56",
    "TOTAL EUR",
    "am 03.02.2025 fällig",
    "-12,50 und 7.000",
    "STRASSE Größe échéance",
]


def behaviour(pattern: re.Pattern[str]) -> list[object]:
    return [
        (pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)),
        *([m.span(), m.groupdict()] for text in TEXTS for m in pattern.finditer(text)),
        [pattern.sub("#", text) for text in TEXTS],
    ]


def test_patterns_from_a_fresh_and_from_a_saved_cache_behave_like_re_compile(tmp_path: Path) -> None:
    path = tmp_path / "regex.marshal"
    fresh = CompiledCache(path)
    for source, flags in PATTERNS:
        assert behaviour(fresh.compile(source, flags)) == behaviour(re.compile(source, flags))
    fresh.save()
    assert path.is_file()
    reloaded = CompiledCache(path)
    for source, flags in PATTERNS:
        assert behaviour(reloaded.compile(source, flags)) == behaviour(re.compile(source, flags))
    assert not reloaded._dirty  # every pattern came from the file: nothing to write back


@pytest.mark.parametrize(
    "content",
    [
        b"not marshal at all",
        marshal.dumps([1, 2, 3]),
        # a well-formed file whose opcodes are garbage: _sre.compile rejects them, we recompile
        marshal.dumps({(PATTERNS[1][0], PATTERNS[1][1]): (32, [999, 1, 2], 3, {}, (None,))}),
    ],
)
def test_a_damaged_cache_file_falls_back_to_compiling(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "regex.marshal"
    path.write_bytes(content)
    cache = CompiledCache(path)
    source, flags = PATTERNS[1]
    assert behaviour(cache.compile(source, flags)) == behaviour(re.compile(source, flags))
    cache.save()
    assert CompiledCache(path).compile(source, flags).fullmatch("3.2.2025")


def test_an_unwritable_cache_location_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    cache = CompiledCache(blocker / "sub" / "regex.marshal")
    assert cache.compile(r"\d+", 0).findall("a1b22") == ["1", "22"]
    cache.save()  # must not raise


def test_the_extraction_patterns_are_cached_between_processes(tmp_path: Path) -> None:
    """A second process compiles nothing: every lazily compiled pattern it uses comes from the file."""
    sample = Path(__file__).resolve().parents[2] / "samples" / "invoice-en-1p.pdf"
    probe = (
        "import sys\n"
        "from invoiceflow.domain.extraction import lazy_re\n"
        "from invoiceflow.domain.pipeline import extract_document\n"
        f"extract_document(open({str(sample)!r}, 'rb').read())\n"
        "print(len(lazy_re._CACHE._used), lazy_re._CACHE._dirty)\n"
    )
    env = {"INVOICEFLOW_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-c", probe]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    used, dirty = first.stdout.split()
    assert int(used) > 20
    assert dirty == "True"
    assert list(tmp_path.glob("regex-*.marshal"))
    second = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert second.stdout.split() == [used, "False"]


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INVOICEFLOW_REGEX_CACHE", "0")
    cache = lazy_re._default_cache()
    assert cache.path is None
    assert cache.compile(r"a+", 0).fullmatch("aaa")
