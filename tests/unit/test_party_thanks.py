"""The shop a till receipt thanks the reader for visiting is its issuer when the top of the receipt offers
only its address (the logo was an image). Receipts are invented, in several languages."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import PageText, TextSource


def _receipt(thanks: str) -> PageText:
    s = Sheet(source=TextSource.OCR, font_size=9)
    s.put(60, 60, "#0412 88 HARBOR BLVD")
    s.put(60, 74, "OAKLAND, CA 94607")
    s.put(70, 88, "510-555-0142")
    s.put(20, 120, "0117 4782 0022 05/24/2024 1:10 PM")
    s.put(20, 150, "PAPER TOWELS 6PK")
    s.put(250, 150, "8.79", right=True)
    s.put(20, 165, "GREEN TEA 12OZ")
    s.put(250, 165, "2.49", right=True)
    s.put(40, 195, "SUBTOTAL")
    s.put(250, 195, "11.28", right=True)
    s.put(40, 210, "TOTAL")
    s.put(250, 210, "11.28", right=True)
    s.put(20, 250, thanks)
    return s.page()


@pytest.mark.parametrize(
    ("thanks", "shop"),
    [
        ("THANK YOU FOR SHOPPING AT BAYSIDE MARKET", "BAYSIDE MARKET"),
        ("Thanks for shopping with Corner Pharmacy!", "Corner Pharmacy"),
        ("Vielen Dank für Ihren Einkauf bei Drogerie Kranz", "Drogerie Kranz"),
        ("Merci de votre visite chez Primeur Dubois.", "Primeur Dubois"),
        ("Gracias por su compra en Frutería Luna", "Frutería Luna"),
        ("Bedankt voor uw aankoop bij Bakkerij Smit", "Bakkerij Smit"),
    ],
)
def test_the_shop_a_receipt_thanks_for_the_visit_is_its_issuer(thanks: str, shop: str) -> None:
    assert values(extract_page(_receipt(thanks))).get("issuer.name") == shop


@pytest.mark.parametrize(
    "thanks",
    [
        "THANK YOU FOR SHOPPING WITH US",
        "Vielen Dank für Ihren Einkauf bei uns!",
        "Thank you for your purchase Please come again",  # no "at": what follows is no shop
        "Merci de votre visite, à bientôt",
    ],
)
def test_thanks_that_name_no_shop_name_no_issuer(thanks: str) -> None:
    # Nor is the till's town line under its logo image a name.
    assert values(extract_page(_receipt(thanks))).get("issuer.name") is None
