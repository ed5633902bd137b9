"""What the corpus tests share: the index a written corpus lists, and the golden file of an entry."""

from __future__ import annotations

import json
from pathlib import Path

from invoiceflow.domain.models import AggregatedInvoice

IndexEntry = dict[str, object]


def read_index(corpus_dir: Path) -> list[IndexEntry]:
    documents: list[IndexEntry] = json.loads((corpus_dir / "index.json").read_text())["documents"]
    return documents


def read_golden(corpus_dir: Path, entry: IndexEntry) -> AggregatedInvoice:
    return AggregatedInvoice.model_validate_json((corpus_dir / str(entry["golden"])).read_text())
