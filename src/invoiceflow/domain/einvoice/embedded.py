"""Find the e-invoice XML a PDF carries as an embedded file (Factur-X, ZUGFeRD 1.0/2.x, XRechnung).

pypdfium2 (already the project's PDF engine) lists the attachments without parsing the whole PDF
object graph, which keeps this check cheap on every upload; the factur-x library's
``get_xml_from_pdf`` (pypdf) costs several milliseconds more per document and silently skips broken
XML, which a reviewer must see instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from invoiceflow.domain.pdf_document import opened

# Names the standards prescribe, in order of preference; any other *.xml attachment is a fallback.
KNOWN_NAMES = ("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "zugferd_invoice.xml")
MAX_XML_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class EmbeddedXml:
    name: str
    data: bytes


def _rank(name: str) -> int:
    lowered = name.lower()
    return KNOWN_NAMES.index(lowered) if lowered in KNOWN_NAMES else len(KNOWN_NAMES)


def find_embedded_xml(pdf: bytes | pdfium.PdfDocument) -> EmbeddedXml | None:
    """The e-invoice XML attached to ``pdf``, or ``None`` when it carries none."""
    if isinstance(pdf, pdfium.PdfDocument):
        return _attached_xml(pdf)
    with opened(pdf) as document:
        return _attached_xml(document)


def _attached_xml(document: pdfium.PdfDocument) -> EmbeddedXml | None:
    candidates: list[tuple[int, str, int]] = []
    for index in range(document.count_attachments()):
        name = document.get_attachment(index).get_name()
        if name.lower().endswith(".xml"):
            candidates.append((_rank(name), name, index))
    for _, name, index in sorted(candidates):
        data = bytes(document.get_attachment(index).get_data())
        if data.strip() and len(data) <= MAX_XML_BYTES:
            return EmbeddedXml(name=name, data=data)
    return None
