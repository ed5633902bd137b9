"""Real one- or multi-page PDFs from positioned text runs, for the invented item-table tests."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

# (x, y from the top, text, "l" or "r" alignment, bold), in points on an A4 page
Text = tuple[float, float, str, str, bool]
HEIGHT = A4[1]


def pdf_pages(pages: Sequence[Sequence[Text]]) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for texts in pages:
        for x, y, text, align, bold in texts:
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 8.5)
            (c.drawRightString if align == "r" else c.drawString)(x, HEIGHT - y - 6.8, text)
        c.showPage()
    c.save()
    return buffer.getvalue()


def money(value: Decimal, comma: bool) -> str:
    """``value`` with two decimals, in the comma-decimal style when ``comma``."""
    text = f"{value:,.2f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".") if comma else text
