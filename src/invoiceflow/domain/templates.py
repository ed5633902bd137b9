"""invoice2data YAML templates: when a template's keywords match the document text, its fields win.

Templates are matched and run with the ``invoice2data`` package itself on text this project already
has (the PDF's text layer), so no ``pdftotext`` binary is needed. Field names follow invoice2data's
recommended vocabulary and map into the contract as below (amounts to decimal strings, dates to ISO).
Where templates come from: ``--templates DIR``, else ``$INVOICEFLOW_TEMPLATES``, else the project's
``templates/`` folder when running from a checkout.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import DocumentExtraction, FieldValue, LineItem, TaxLine

ENV_TEMPLATES = "INVOICEFLOW_TEMPLATES"
# A regex template can still capture the wrong text; it outranks the layout heuristics but not an
# embedded e-invoice, and stays clear of the low-confidence review threshold.
TEMPLATE_CONFIDENCE = 0.98
METHOD_PREFIX = "template:"

# invoice2data field -> contract field
SCALAR_FIELDS: dict[str, str] = {
    "invoice_number": "invoice_number",
    "date": "issue_date",
    "date_due": "due_date",
    "currency": "currency",
    "issuer": "issuer.name",
    "vat": "issuer.vat_id",
    "iban": "issuer.iban",
    "bic": "issuer.bic",
    "partner_name": "recipient.name",
    "partner_vat": "recipient.vat_id",
    "amount_untaxed": "totals.net",
    "amount_tax": "totals.tax",
    "amount": "totals.gross",
}
_DATE_FIELDS = frozenset({"date", "date_due"})
_MONEY_FIELDS = frozenset({"amount", "amount_untaxed", "amount_tax"})
_COMPACT_FIELDS = frozenset({"vat", "iban", "partner_vat", "bic"})


class TemplateError(InvoiceFlowError):
    code = ErrorCode.INVALID_INPUT


@dataclass(frozen=True)
class TemplateSet:
    folder: Path
    templates: tuple[Any, ...]  # invoice2data InvoiceTemplate, highest priority first


_CACHE: dict[tuple[Path, float], TemplateSet] = {}


def default_templates_dir() -> Path | None:
    """The user's template folder from ``$INVOICEFLOW_TEMPLATES``; none unless configured.

    Every engine resolves templates through this one setting, so they all return the same invoice.
    """
    configured = os.environ.get(ENV_TEMPLATES)
    return Path(configured) if configured else None


def load_templates(folder: Path) -> TemplateSet:
    """Read the YAML/JSON templates below ``folder`` (cached until the folder changes)."""
    if not folder.is_dir():
        raise TemplateError(f"template folder not found: {folder}", path=str(folder))
    folder = folder.resolve()
    stamp = max((p.stat().st_mtime for p in folder.rglob("*") if p.is_file()), default=0.0)
    cached = _CACHE.get((folder, stamp))
    if cached is not None:
        return cached
    from invoice2data.extract.loader import read_templates

    logging.getLogger("invoice2data").setLevel(logging.WARNING)  # it logs every match attempt at INFO
    loaded = sorted(read_templates(str(folder)), key=lambda t: t.get("priority", 5), reverse=True)
    template_set = TemplateSet(folder=folder, templates=tuple(loaded))
    _CACHE[(folder, stamp)] = template_set
    return template_set


def match_template(text: str, template_set: TemplateSet) -> DocumentExtraction | None:
    """Run the first template whose keywords match ``text``; ``None`` when none matches or it fails."""
    for template in template_set.templates:
        if not template.matches_input(text):
            continue
        try:
            output = template.extract(template.prepare_input(text), "", None)
        except ValueError:  # invoice2data: a required field was not found; try the next template
            continue
        if output:
            return to_extraction(str(template["template_name"]), output)
    return None


def template_name(file_name: str) -> str:
    """``com.example.vendor.yml`` -> ``com.example.vendor``: what ``extractor.method`` shows."""
    for suffix in (".yml", ".yaml", ".json"):
        if file_name.endswith(suffix):
            return file_name[: -len(suffix)]
    return file_name


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        # floats from invoice2data: go through str so 12.3 stays 12.3, not 12.2999...
        result = Decimal(str(value).replace(" ", ""))
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


def _field_text(key: str, value: Any) -> str | None:
    if key in _DATE_FIELDS:
        if isinstance(value, datetime):
            return value.date().isoformat()
        return value.isoformat() if isinstance(value, date) else None
    if key in _MONEY_FIELDS:
        amount = _decimal(value)
        return None if amount is None else str(amount)
    text = " ".join(str(value).split())
    if key in _COMPACT_FIELDS:
        text = text.replace(" ", "").replace(".", "").replace("-", "").upper()
    if key == "currency":
        text = text.upper()
        if len(text) != 3 or not text.isalpha():
            return None
    return text or None


def to_extraction(file_name: str, output: dict[str, Any]) -> DocumentExtraction:
    """Map an invoice2data result into contract fields, tax lines and line items."""
    extraction = DocumentExtraction(method=f"{METHOD_PREFIX}{template_name(file_name)}")
    for key, target in SCALAR_FIELDS.items():
        if key not in output:
            continue
        text = _field_text(key, output[key])
        if text is not None:
            extraction.fields[target] = FieldValue(value=text, confidence=TEMPLATE_CONFIDENCE)
    for row in output.get("lines") or []:
        if isinstance(row, dict) and (row.get("name") or row.get("price_subtotal") is not None):
            extraction.line_items.append(
                LineItem(
                    description=" ".join(str(row.get("name") or "").split()),
                    quantity=_decimal(row.get("qty")),
                    unit_price=_decimal(row.get("price_unit")),
                    amount=_decimal(row.get("price_subtotal")),
                )
            )
    for row in output.get("tax_lines") or []:
        if isinstance(row, dict):
            extraction.tax_lines.append(
                TaxLine(
                    rate=_decimal(row.get("line_tax_percent")),
                    base=_decimal(row.get("price_subtotal")),
                    amount=_decimal(row.get("line_tax_amount")),
                )
            )
    return extraction
