"""Text pages drawn in DejaVu Sans, which has the letters of every European script (Latin with all its
marks, Greek, Cyrillic), for the OCR tests of those languages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason=f"font {FONT} (fonts-dejavu-core) not installed")


def text_page(lines: list[str]) -> bytes:
    """A one-page PDF with ``lines`` drawn top down in 11-pt DejaVu Sans."""
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("DejaVuSans", 11)
    for number, line in enumerate(lines):
        c.drawString(50, 780 - 24 * number, line)
    c.showPage()
    c.save()
    return buffer.getvalue()
