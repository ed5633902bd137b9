"""Write the small committed sample PDFs the README uses: ``python -m corpus.samples [--out samples]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from corpus.build import build_invoice_pdf

SAMPLES = (
    # (file name, pages, layout, language)
    ("invoice-de-3p.pdf", 3, "footer_bank", "de"),
    ("invoice-en-1p.pdf", 1, "classic_ruled", "en"),
    ("invoice-12p.pdf", 12, "minimal_modern", "fr"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("samples"))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, pages, layout, language in SAMPLES:
        pdf, golden = build_invoice_pdf(pages, args.seed, layout=layout, language=language, filename=name)
        (args.out / name).write_bytes(pdf)
        (args.out / name.replace(".pdf", ".json")).write_text(golden.model_dump_json(indent=2) + "\n")
        print(
            f"{args.out / name}: {pages} pages, {len(pdf) // 1024} KiB, {len(golden.line_items)} line items"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
