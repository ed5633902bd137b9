"""The published JSON Schema of the contract (``schemas/invoice.v1.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from invoiceflow.domain.models import SCHEMA_VERSION, AggregatedInvoice

SCHEMA_ID = f"https://invoiceflow.dev/schemas/invoice.v{SCHEMA_VERSION}.schema.json"
SCHEMA_FILE = Path(__file__).resolve().parents[3] / "schemas" / f"invoice.v{SCHEMA_VERSION}.schema.json"


def contract_json_schema() -> dict[str, Any]:
    schema = AggregatedInvoice.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render_schema() -> str:
    return json.dumps(contract_json_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(render_schema())
    print(SCHEMA_FILE)
