"""The `invoiceflow` console entry point: `extract` without building the Typer/Rich app.

Importing Typer and Rich and building the app costs a one-shot `invoiceflow extract FILE` about 100 ms,
as much as the extraction itself. ``main`` therefore reads a plain `extract` command line itself (only
the options `extract` documents) and runs ``cli_extract.run_extract``, the function the Typer command
calls. Anything else — other commands, `--help`, an unknown option, a missing file argument, a bad
`--ocr` value — goes to the Typer app unchanged, so help, usage errors and their exit codes stay Typer's.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from invoiceflow.cli_extract import OcrChoice
from invoiceflow.code_cache import default_cache
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
    if argv is None:  # the program itself (`invoiceflow`, `python -m invoiceflow`), not a caller in-process
        _exit_process(code)
    raise SystemExit(code)


def _exit_process(code: int) -> None:
    """End the one-shot process without the interpreter's teardown.

    Python's shutdown clears every module and frees, one by one, the ~100 000 objects start-up made
    (pydantic's schemas, the extractors, pypdfium2): ~10 ms of CPU, 4-5 % of a one-shot run, for memory
    the operating system takes back anyway. The exit handlers still run (the regex cache is saved by
    one, coverage and pypdfium2 register theirs) and the streams are flushed; only a process that still
    has other threads (their shutdown joins them) takes the ordinary way out.
    """
    if threading.active_count() > 1:
        raise SystemExit(code)
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


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
    _skip_pydantic_plugin_loader()
    # The dataclasses' methods and the forward references start-up compiles from text: kept compiled.
    code_cache = default_cache()
    code_cache.install()
    collecting = gc.isenabled()
    gc.disable()
    try:
        from invoiceflow.cli_extract import load_extraction, run_extract

        _import_sparingly()
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
        code_cache.uninstall()
        code_cache.save()
        gc.freeze()
        if collecting:
            gc.enable()


# Modules that libraries of the text path import at their top for what a one-shot extract never calls,
# by the library that imports them: python-stdnum's util module ``ssl`` for its online (SOAP) checks,
# ``pydoc`` for module descriptions, ``pkgutil`` to list its modules; pypdfium2's bindings ``ctypes.util``
# to look for a system pdfium (it loads the one it ships). With what they pull in (socket, subprocess,
# shutil, tempfile, bz2, lzma, sysconfig…) ~55 M instructions of a one-shot run.
_SPARED_IMPORTS = {"stdnum.util": ("ssl", "pydoc", "pkgutil"), "pypdfium2": ("ctypes.util",)}


def _import_sparingly() -> None:
    """Import each library of ``_SPARED_IMPORTS`` with stand-ins for the modules it does not use.

    The stand-ins sit in ``sys.modules`` only while the library is imported, so they end up bound in its
    namespaces alone; any later importer gets the real modules. Should the library use one after all,
    the stand-in imports the real module then and hands every attribute over to it.
    """
    for library, unused in _SPARED_IMPORTS.items():
        if library in sys.modules:
            continue
        stand_ins = {name: _module_on_demand(name) for name in unused if name not in sys.modules}
        sys.modules.update(stand_ins)
        try:
            import_module(library)
        except ImportError:
            pass  # not installed here: the extraction reports it where it needs the library
        finally:
            for name, stand_in in stand_ins.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]


def _module_on_demand(name: str) -> types.ModuleType:
    """A stand-in for the module ``name`` that imports it on the first attribute asked for (set on its
    package too, as an import of a submodule does, so that ``import a.b`` then ``a.b.f()`` works)."""
    stand_in = types.ModuleType(name, f"{name}, imported on first use")

    def module_getattr(attribute: str) -> object:
        if attribute.startswith("__"):  # the import system probing a module (``__path__``…): not a use
            raise AttributeError(attribute)
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return getattr(import_module(name), attribute)

    vars(stand_in)["__getattr__"] = module_getattr
    package, _, child = name.rpartition(".")
    if package:
        setattr(import_module(package), child, stand_in)
    return stand_in


# PYDANTIC_DISABLE_PLUGINS values with which pydantic's ``get_plugins`` returns no plugin.
_PLUGINS_OFF = frozenset({"__all__", "1", "true"})
_PLUGIN_LOADER = "pydantic.plugin._loader"


def _skip_pydantic_plugin_loader() -> None:
    """Spare the import of pydantic's plugin loader while plugins are switched off.

    Pydantic imports ``pydantic.plugin._loader`` when it builds its first model, and that module imports
    ``importlib.metadata`` (with ``email``, ``zipfile``, ``csv``, ``socket``…) at its top, to look plugins
    up — which it does not do when PYDANTIC_DISABLE_PLUGINS switches them off: ~6 ms of a one-shot run
    for nothing. A stand-in takes its place in ``sys.modules``: its ``get_plugins`` answers as pydantic's
    does while plugins are off, and anything else (plugins switched on later, a name a later pydantic
    asks for) imports the real module and hands over to it.
    """
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _PLUGINS_OFF or _PLUGIN_LOADER in sys.modules:
        return
    stand_in = types.ModuleType(_PLUGIN_LOADER, "pydantic's plugin loader, imported on demand")

    def real_loader() -> types.ModuleType:
        if sys.modules.get(_PLUGIN_LOADER) is stand_in:
            del sys.modules[_PLUGIN_LOADER]
        return import_module(_PLUGIN_LOADER)

    def get_plugins() -> Iterable[object]:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _PLUGINS_OFF:
            return ()
        plugins: Iterable[object] = real_loader().get_plugins()
        return plugins

    def module_getattr(name: str) -> object:
        if name.startswith("__"):  # the import system probing a module (``__path__``…): not a request
            raise AttributeError(name)
        return getattr(real_loader(), name)

    vars(stand_in).update(get_plugins=get_plugins, __getattr__=module_getattr)
    sys.modules[_PLUGIN_LOADER] = stand_in


if __name__ == "__main__":
    main()
