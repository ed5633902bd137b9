"""The `invoiceflow` console entry point: `extract` without building the Typer/Rich app.

Importing Typer and Rich and building the app costs a one-shot `invoiceflow extract FILE` about 100 ms,
as much as the extraction itself. ``main`` therefore reads a plain `extract` command line itself (only
the options `extract` documents) and runs ``cli_extract.run_extract``, the function the Typer command
calls. Anything else — other commands, `--help`, an unknown option, a missing file argument, a bad
`--ocr` value — goes to the Typer app unchanged, so help, usage errors and their exit codes stay Typer's.
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from invoiceflow.cli_extract import OcrChoice
from invoiceflow.gc_freeze import freeze_startup_objects

_FLAGS = {"--json": "json_output", "--csv": "csv_output", "--no-templates": "no_templates"}
_VALUED = ("--ocr", "--templates")


@dataclass(slots=True)
class ExtractArgs:
    files: list[Path] = field(default_factory=list)
    json_output: bool = False
    csv_output: bool = False
    no_templates: bool = False
    ocr: OcrChoice = OcrChoice.AUTO
    templates: Path | None = None


def parse_extract(argv: list[str]) -> ExtractArgs | None:
    """The arguments of a plain `extract` command line, or None when Typer must handle it."""
    if not argv or argv[0] != "extract":
        return None
    parsed = ExtractArgs()
    rest = iter(argv[1:])
    for token in rest:
        if token == "--":
            parsed.files.extend(Path(name) for name in rest)
            break
        if token in _FLAGS:
            setattr(parsed, _FLAGS[token], True)
            continue
        name, has_value, value = token.partition("=")
        if name in _VALUED:
            if not has_value:
                value = next(rest, "")
            if not _set_valued(parsed, name, value):
                return None
            continue
        if token.startswith("-") and token != "-":
            return None  # --help, an unknown option, a flag given a value: Typer's message
        parsed.files.append(Path(token))
    return parsed if parsed.files else None


def _set_valued(parsed: ExtractArgs, name: str, value: str) -> bool:
    if not value:
        return False
    if name == "--ocr":
        if value not in {choice.value for choice in OcrChoice}:
            return False
        parsed.ocr = OcrChoice(value)
    else:
        parsed.templates = Path(value)
    return True


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    try:
        parsed = parse_extract(args)
        if parsed is None:
            from invoiceflow.cli import app

            app(args=args)
            return
        code = _extract(parsed)
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    sys.stdout.flush()
    raise SystemExit(code)


def _extract(parsed: ExtractArgs) -> int:
    """``run_extract`` with the cyclic garbage collector kept off the start-up objects.

    Start-up (pydantic building the contract models, the extractors, pypdfium2) leaves ~60 000 objects
    the collector tracks; with it on, the collections start-up triggers walk them over and over, and the
    interpreter walks them all once more at exit: ~50 ms of CPU of a ~230 ms one-shot run. So the
    collector is off while the modules load, what they made is then frozen (out of its reach, as in the
    long-running apps: ``gc_freeze.py``), and it runs again for the extraction itself, which then only
    walks what the files made. At the end everything left is frozen too: the process exits next.
    """
    # Pydantic looks for plugins (observability hooks) in the entry points of every installed distribution
    # when it builds its first model: ~5 ms of a one-shot run that has no use for them. Its own switch,
    # for this process only; a user who wants plugins here sets PYDANTIC_DISABLE_PLUGINS to "".
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    collecting = gc.isenabled()
    gc.disable()
    try:
        from invoiceflow.cli_extract import load_extraction, run_extract

        load_extraction()
        freeze_startup_objects()
        if collecting:
            gc.enable()
        return run_extract(
            parsed.files,
            json_output=parsed.json_output,
            csv_output=parsed.csv_output,
            ocr=parsed.ocr,
            templates=parsed.templates,
            no_templates=parsed.no_templates,
        )
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


if __name__ == "__main__":
    main()
