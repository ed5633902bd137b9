"""Recipient blocks on hand-placed pages: the billing party under its label in the languages and layouts
seen on real invoices, never the delivery address beside it, customer blocks under a customer number,
boxed blocks whose label sits in a header cell above, and the bank's "account holder" kept apart."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page


def _letterhead(s: Sheet) -> None:
    s.put(40, 40, "Nordlicht Handel GmbH", size=16)
    s.put(40, 60, "Hafenweg 2, 20457 Hamburg")
    s.put(380, 40, "Rechnung Nr. 2024-0815")
    s.put(380, 54, "Datum: 04.03.2024")


def _recipient(s: Sheet) -> str | None:
    field = extract_page(s.page()).fields.get("recipient.name")
    return field.value if field else None


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Bill to:", "Harbor Foods Inc."),
        ("Sold To", "Harbor Foods Inc."),
        ("Invoice to:", "Harbor Foods Inc."),
        ("Customer", "Harbor Foods Inc."),
        ("Client:", "Atelier Dubois SARL"),
        ("Client facturé", "Atelier Dubois SARL"),
        ("Kunde", "Bäckerei Sommer OHG"),
        ("Rechnungsempfänger:", "Bäckerei Sommer OHG"),
        ("Facturar a:", "Construcciones Ibarra S.L."),
        ("Klant", "Van Dijk Installaties B.V."),
        ("Intestatario", "Ferri Arredamenti S.r.l."),
        ("Account holder:", "Jane Whitfield"),
    ],
)
def test_labelled_block_names_the_recipient(label: str, name: str) -> None:
    s = Sheet()
    _letterhead(s)
    s.put(40, 130, label)
    s.put(40, 144, name)
    s.put(40, 158, "Marktplatz 7")
    s.put(40, 172, "50667 Köln")
    assert _recipient(s) == name


@pytest.mark.parametrize(
    ("ship", "bill"),
    [
        ("Ship to:", "Bill to:"),
        ("Deliver to", "Invoice to"),
        ("Lieferadresse", "Rechnungsadresse"),
        ("Adresse de livraison", "Adresse de facturation"),
        ("Dirección de entrega", "Facturar a"),
        ("Afleveradres", "Factuur aan"),
    ],
)
def test_delivery_block_left_of_the_billing_block_is_not_the_recipient(ship: str, bill: str) -> None:
    s = Sheet()
    _letterhead(s)
    s.put(40, 130, ship)
    s.put(40, 144, "Lager Süd Logistik KG")
    s.put(40, 158, "Industriestr. 40, 70565 Stuttgart")
    s.put(320, 130, bill)
    s.put(320, 144, "Sommer Holding AG")
    s.put(320, 158, "Königsallee 1, 40212 Düsseldorf")
    assert _recipient(s) == "Sommer Holding AG"


def test_delivery_block_above_the_billing_block_is_not_the_recipient() -> None:
    s = Sheet()
    _letterhead(s)
    s.put(40, 120, "Delivery address:")
    s.put(40, 134, "Harbor Foods Warehouse 3")
    s.put(40, 148, "88 Dock St, Chelsea, MA 02150")
    s.put(40, 180, "Billing address:")
    s.put(40, 194, "Harbor Foods Inc.")
    s.put(40, 208, "12 Pier Road, Boston, MA 02110")
    assert _recipient(s) == "Harbor Foods Inc."


def test_label_left_of_the_block_in_its_own_column() -> None:
    s = Sheet()
    _letterhead(s)
    s.put(40, 130, "Bill to:")
    s.put(120, 130, "Harbor Foods Inc.")
    s.put(120, 144, "12 Pier Road")
    s.put(120, 158, "Boston, MA 02110")
    assert _recipient(s) == "Harbor Foods Inc."


def test_customer_block_under_a_customer_number() -> None:
    s = Sheet()
    _letterhead(s)
    s.put(40, 120, "Kundennummer: 100457")
    s.put(40, 136, "Bäckerei Sommer OHG")
    s.put(40, 150, "Marktplatz 7")
    s.put(40, 164, "50667 Köln")
    assert _recipient(s) == "Bäckerei Sommer OHG"


def test_customer_number_in_the_header_box_is_not_a_recipient_block() -> None:
    s = Sheet()
    _letterhead(s)
    s.put(380, 68, "Kundennr.: 100457")
    s.put(380, 82, "Fällig am: 18.03.2024")
    s.put(40, 130, "Rechnungsempfänger")
    s.put(40, 144, "Bäckerei Sommer OHG")
    s.put(40, 158, "50667 Köln")
    assert _recipient(s) == "Bäckerei Sommer OHG"


def test_billing_block_starting_with_the_customer_number_skips_it() -> None:
    s = Sheet()
    _letterhead(s)
    s.put(40, 130, "Bill to:")
    s.put(40, 144, "Customer No. 100457")
    s.put(40, 158, "Harbor Foods Inc.")
    s.put(40, 172, "Boston, MA 02110")
    assert _recipient(s) == "Harbor Foods Inc."


def test_boxed_block_with_its_label_in_a_shaded_header_cell() -> None:
    """A small bold label centred in a header cell, the block left-aligned in the box under it after
    the cell's padding."""
    s = Sheet()
    _letterhead(s)
    s.put(92, 122, "INVOICE TO", size=8)
    s.put(352, 122, "SHIP TO", size=8)
    s.put(44, 146, "Harbor Foods Inc.")
    s.put(44, 160, "12 Pier Road, Boston, MA 02110")
    s.put(304, 146, "Harbor Foods Warehouse 3")
    s.put(304, 160, "88 Dock St, Chelsea, MA 02150")
    assert _recipient(s) == "Harbor Foods Inc."


def test_bank_account_holder_in_the_footer_is_not_the_recipient() -> None:
    s = Sheet()
    _letterhead(s)
    s.put(40, 130, "Rechnungsempfänger")
    s.put(40, 144, "Bäckerei Sommer OHG")
    s.put(40, 158, "50667 Köln")
    s.put(40, 760, "Bankverbindung")
    s.put(40, 774, "Account holder: Nordlicht Handel GmbH")
    s.put(40, 788, "IBAN DE89 3704 0044 0532 0130 00")
    got = extract_page(s.page()).fields
    assert got["recipient.name"].value == "Bäckerei Sommer OHG"
    assert got["issuer.name"].value == "Nordlicht Handel GmbH"
