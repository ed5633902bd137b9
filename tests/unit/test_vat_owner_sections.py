"""Whose VAT id it is when the page prints the parties as headed sections (an e-invoice viewer, an ERP
form): an id under a buyer's heading ("Acheteur", "Käufer", "Koper", "Nabywca", …) is the recipient's, one
under a seller's heading ("Vendeur", "Verkäufer", "Verkoper", "Sprzedawca", …) the issuer's, whichever
section comes first and whether the sections stand stacked or side by side. Invented pages; the rows'
own labels ("N° TVA", "USt-IdNr.") name no party, only the headings do."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.context import analyse
from invoiceflow.domain.extraction.vat_owner import section_owner

SELLER_VAT = "FR47640362810"
BUYER_VAT = "CHE769460332MWST"

# (buyer heading, seller heading, VAT row label, name label, town label, invoice title)
LANGUAGES = {
    "fr": ("Acheteur", "Vendeur", "N° TVA", "Nom", "Ville", "Facture"),
    "de": ("Käufer", "Verkäufer", "USt-IdNr.", "Name", "Ort", "Rechnung"),
    "en": ("Buyer", "Seller", "VAT no.", "Name", "City", "Invoice"),
    "nl": ("Koper", "Verkoper", "BTW-nr.", "Naam", "Plaats", "Factuur"),
    "it": ("Committente", "Cedente", "P. IVA", "Nome", "Città", "Fattura"),
    "pl": ("Nabywca", "Sprzedawca", "NIP", "Nazwa", "Miasto", "Faktura"),
    "es": ("Comprador", "Vendedor", "NIF", "Nombre", "Ciudad", "Factura"),
    "sv": ("Köpare", "Säljare", "Momsreg.nr", "Namn", "Ort", "Faktura"),
}

BUYER = ("Lumo Werkstatt AG", "Basel", "CHE-769.460.332 MWST")
SELLER = ("Orvanne Papeterie SAS", "Lyon", "FR 47 640 362 810")


def _section(
    s: Sheet, x: float, y: float, *, heading: str, labels: tuple[str, str, str], party: tuple[str, str, str]
) -> float:
    """A heading over rows of label and value cells (the label at x, the value 110 pt right of it)."""
    s.put(x, y, heading, size=11)
    for n, (label, value) in enumerate(zip(labels, party, strict=True)):
        s.put(x, y + 18 + 14 * n, label)
        s.put(x + 110, y + 18 + 14 * n, value)
    return y + 18 + 14 * len(labels)


def _page(language: str, *, buyer_first: bool, side_by_side: bool) -> dict[str, str]:
    buyer_heading, seller_heading, vat_label, name_label, town_label, title = LANGUAGES[language]
    labels = (name_label, town_label, vat_label)
    s = Sheet()
    s.put(40, 40, f"{title} RX-20417", size=16)
    sections = [(buyer_heading, BUYER), (seller_heading, SELLER)]
    if not buyer_first:
        sections.reverse()
    if side_by_side:
        for (heading, party), x in zip(sections, (40, 310), strict=True):
            bottom = _section(s, x, 90, heading=heading, labels=labels, party=party)
    else:
        bottom = 90.0
        for heading, party in sections:
            bottom = _section(s, 40, bottom, heading=heading, labels=labels, party=party) + 20
    top = bottom + 30
    s.put(40, top, "Ref 2026-11-14")
    end = s.table(
        top + 40,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Graphic design", "2", "120.00", "240.00"]],
    )
    s.put(400, end + 20, "Total 240.00")
    return values(extract_page(s.page()))


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("buyer_first", [True, False], ids=["buyer-first", "seller-first"])
@pytest.mark.parametrize("side_by_side", [False, True], ids=["stacked", "side-by-side"])
def test_section_heading_names_the_owner_of_the_id(
    language: str, buyer_first: bool, side_by_side: bool
) -> None:
    found = _page(language, buyer_first=buyer_first, side_by_side=side_by_side)
    assert found.get("issuer.vat_id") == SELLER_VAT
    assert found.get("recipient.vat_id") == BUYER_VAT


def test_only_the_buyers_section_carries_an_id() -> None:
    """The seller's section without an id: the buyer's id is still no issuer's."""
    s = Sheet()
    s.put(40, 40, "Faktura RX-20417", size=16)
    _section(s, 40, 90, heading="Nabywca", labels=("Nazwa", "Miasto", "NIP"), party=BUYER)
    s.put(310, 90, "Sprzedawca", size=11)
    s.put(310, 108, "Nazwa")
    s.put(420, 108, SELLER[0])
    end = s.table(
        200,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Graphic design", "2", "120.00", "240.00"]],
    )
    s.put(400, end + 20, "Total 240.00")
    found = values(extract_page(s.page()))
    assert found.get("issuer.vat_id") is None
    assert found.get("recipient.vat_id") == BUYER_VAT


def _owner_of(s: Sheet, id_text: str) -> str | None:
    """What ``section_owner`` says of the id printed as ``id_text`` on the sheet."""
    lines = analyse(s.page()).lines
    line = next(line for line in lines if id_text in line.text)
    return section_owner(lines, line.index, line.text.index(id_text))


def test_an_id_beside_the_buyers_section_is_not_claimed_by_its_heading() -> None:
    """The buyer's heading over its address at the left, an id printed in a column of its own on the same
    rows: the id's row does not start at the section's edge, so the heading does not claim it."""
    s = Sheet()
    s.put(40, 90, "Bill to", size=11)
    for n, text in enumerate(["Lumo Werkstatt AG", "Steinenberg 8", "4051 Basel"]):
        s.put(40, 108 + 14 * n, text)
    s.put(330, 108, "Invoice RX-20417")
    s.put(330, 122, f"VAT no. {SELLER[2]}")
    assert _owner_of(s, SELLER[2]) is None


def test_a_far_heading_does_not_claim_an_id() -> None:
    """A seller's heading far above, past empty space: the id below no longer stands in its section."""
    s = Sheet()
    s.put(40, 90, "Verkäufer", size=11)
    s.put(40, 108, "Name")
    s.put(150, 108, SELLER[0])
    s.put(40, 300, "USt-IdNr.")
    s.put(150, 300, BUYER[2])
    assert _owner_of(s, BUYER[2]) is None
    s.put(40, 122, "USt-IdNr.")
    s.put(150, 122, SELLER[2])
    assert _owner_of(s, SELLER[2]) == "issuer"


def test_a_footer_id_under_the_items_is_no_section_ids() -> None:
    """The buyer's heading over its address, the items, and the issuer's id in the footer starting at the
    same left edge: the item table ends the buyer's section, so the footer's id stays the issuer's."""
    s = Sheet()
    s.put(40, 40, "Kessler Haustechnik GmbH", size=16)
    s.put(40, 90, "Kunde", size=11)
    for n, text in enumerate(["Atelier Dumont SPRL", "Rue Haute 12", "1000 Bruxelles"]):
        s.put(40, 106 + 13 * n, text)
    end = s.table(
        160,
        [(40, "Beschreibung", False), (400, "Menge", True), (470, "Preis", True), (555, "Betrag", True)],
        [["Wartung Heizung", "1", "240,00", "240,00"], ["Anfahrt", "1", "35,00", "35,00"]],
    )
    s.put(400, end + 6, "Summe 275,00")
    s.put(40, end + 24, "Kessler Haustechnik GmbH · USt-IdNr. DE123456788", size=8)
    found = values(extract_page(s.page()))
    assert found.get("issuer.vat_id") == "DE123456788"
