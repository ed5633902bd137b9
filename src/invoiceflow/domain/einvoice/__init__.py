"""Structured e-invoices: read CII (Factur-X, ZUGFeRD 1.0/2.x, XRechnung) and UBL 2.1, embedded in a PDF
or bare; write Factur-X PDFs.

Entry points: ``read_einvoice_xml`` (bytes of an XML file), ``extract_embedded`` (a PDF),
``looks_like_xml`` (content sniffing for bare files) and ``write_facturx_pdf``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from invoiceflow.domain.einvoice.common import METHOD, EInvoiceMalformedError, parse_xml
from invoiceflow.domain.einvoice.profiles import Profile
from invoiceflow.domain.errors import ErrorCode
from invoiceflow.domain.models import DocumentExtraction, ValidationIssue

if TYPE_CHECKING:
    import pypdfium2 as pdfium

__all__ = [
    "METHOD",
    "EInvoiceMalformedError",
    "Profile",
    "extract_embedded",
    "looks_like_xml",
    "malformed_extraction",
    "read_einvoice_xml",
]


def looks_like_xml(data: bytes) -> bool:
    """Sniff a bare XML file (a BOM, whitespace, then ``<``); PDFs start with ``%PDF``."""
    head = data[:64].lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"<")


def read_einvoice_xml(data: bytes) -> DocumentExtraction:
    """Parse a CII or UBL e-invoice; raises ``EInvoiceMalformedError`` (``EINVOICE_MALFORMED``)."""
    from invoiceflow.domain.einvoice.cii import is_cii, read_cii
    from invoiceflow.domain.einvoice.ubl import is_ubl, read_ubl

    root = parse_xml(data)
    if is_cii(root):
        return read_cii(root)
    if is_ubl(root):
        return read_ubl(root)
    raise EInvoiceMalformedError(f"not a CII or UBL 2.1 e-invoice: root element {root.tag}")


def malformed_extraction(error: EInvoiceMalformedError, source: str) -> DocumentExtraction:
    """No e-invoice fields, but the reviewer learns that the file carried a broken one."""
    issue = ValidationIssue(code=ErrorCode.EINVOICE_MALFORMED.value, message=f"{source}: {error.message}")
    return DocumentExtraction(issues=[issue])


def extract_embedded(pdf: bytes | pdfium.PdfDocument) -> DocumentExtraction | None:
    """The e-invoice embedded in ``pdf``; ``None`` when it carries none, issues only when it is broken."""
    from invoiceflow.domain.einvoice.embedded import KNOWN_NAMES, find_embedded_xml

    embedded = find_embedded_xml(pdf)
    if embedded is None:
        return None
    try:
        return read_einvoice_xml(embedded.data)
    except EInvoiceMalformedError as error:
        if embedded.name.lower() not in KNOWN_NAMES:
            return None  # some other XML attachment (a timesheet, a delivery note): not ours to judge
        return malformed_extraction(error, f"embedded {embedded.name}")
