"""The command line the ``invented_*`` benchmarks share: PDFs per design, a seed, the designs to run and
how many misses to print."""

from __future__ import annotations

import argparse
from collections.abc import Iterable


def design_arguments(
    doc: str | None, designs: Iterable[str], documents: int, documents_help: str, argv: list[str] | None
) -> tuple[argparse.Namespace, list[str]]:
    """The parsed ``--documents --seed --only --show`` and the designs to run (``--only`` or all)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=documents, help=documents_help)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", default="", help="comma-separated design names")
    parser.add_argument("--show", type=int, default=0, help="print up to N misses per design")
    args = parser.parse_args(argv)
    return args, args.only.split(",") if args.only else list(designs)
