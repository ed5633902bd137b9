from __future__ import annotations

from invoiceflow.domain.schema import SCHEMA_FILE, render_schema


def test_published_schema_file_matches_the_models() -> None:
    assert SCHEMA_FILE.read_text() == render_schema(), (
        "schemas/invoice.v1.schema.json is stale: run python -m invoiceflow.domain.schema"
    )
