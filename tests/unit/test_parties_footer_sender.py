"""A page whose only block up top is the customer's address window (body size, no label, no phone or
e-mail) and whose sender is printed only in a footer laid out like a return address with its VAT id:
the footer names the issuer, the block the recipient. Invented firms on hand-placed pages."""

from __future__ import annotations

from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page

_FOOTER = "Studio Lindqvist · Hamngatan 4 · 111 47 Stockholm"
_VAT = "Momsreg.nr SE556677889901"


def _page(footer: str, window_size: float = 10.0) -> dict[str, str]:
    s = Sheet()
    s.put(330, 70, "Bageri Solros AB", size=window_size)
    s.put(330, 86, "Storgatan 3")
    s.put(330, 100, "411 38 Göteborg")
    s.put(40, 160, "Fakturanummer: 7781")
    s.put(40, 176, "Fakturadatum: 2025-06-02")
    s.put(40, 240, "Beskrivning")
    s.put(540, 240, "Belopp", right=True)
    s.put(40, 260, "Fotografering, halvdag")
    s.put(540, 260, "4 000,00", right=True)
    s.put(350, 300, "Summa exkl. moms")
    s.put(540, 300, "4 000,00", right=True)
    s.put(350, 316, "Moms 25 %")
    s.put(540, 316, "1 000,00", right=True)
    s.put(350, 332, "Att betala")
    s.put(540, 332, "5 000,00", right=True)
    s.put(40, 790, footer, size=7)
    return values(extract_page(s.page()))


def test_a_footer_sender_with_its_vat_id_is_the_issuer_and_the_window_the_recipient() -> None:
    got = _page(f"{_FOOTER} · {_VAT}")
    assert got.get("issuer.name") == "Studio Lindqvist"
    assert got.get("recipient.name") == "Bageri Solros AB"
    assert got.get("issuer.vat_id") == "SE556677889901"


def test_a_letterhead_printed_large_stays_the_issuer() -> None:
    # Printed larger than the body, the block up top is a letterhead, whatever the footer says.
    got = _page(f"{_FOOTER} · {_VAT}", window_size=16.0)
    assert got.get("issuer.name") == "Bageri Solros AB"
