"""Accents a typesetter drew as glyphs of their own (TeX: "L´azaro", "Z¨urich", "Franc¸ois") are put back
on their letters in the text layer's words."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas

from invoiceflow.domain.pdf_accents import attach_accents, has_detached_accents
from invoiceflow.domain.pdf_text import page_text


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("L´azaro", "Lázaro"),
        ("San Rom´an", "San Román"),
        ("Z¨urich", "Zürich"),
        ("Espa˜na", "España"),
        ("Franc¸ois", "François"),  # the cedilla hangs below, after its letter
        ("na¨ıve", "naïve"),  # TeX accents the dotless i
        ("\x60a la carte", "à la carte"),
        ("Dˇeˇc´ın", "Děčín"),
        ("O´Brien", "O´Brien"),  # no precomposed B with an acute: as printed
        ("1´2", "1´2"),
    ],
)
def test_a_detached_accent_joins_its_letter(printed: str, meant: str) -> None:
    assert attach_accents(printed) == meant


def test_only_pages_with_detached_accents_are_rewritten() -> None:
    assert has_detached_accents("Factura de L´azaro")
    assert not has_detached_accents("Factura de Lázaro, 12 ´ 3")


def test_the_text_layer_of_a_tex_like_page_reads_the_accented_names() -> None:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("Helvetica", 11)
    c.drawString(50, 780, "Emisor: L´azaro de la Vega y San Rom´an, Z¨urich")
    c.showPage()
    c.save()
    words = [w.text for w in page_text(buffer.getvalue(), 1).words]
    assert words == ["Emisor:", "Lázaro", "de", "la", "Vega", "y", "San", "Román,", "Zürich"]
