"""The customer's address block set right under the sender's name, with no gap and no label, and the
header fields stacked under it (an office suite's HTML import drops the spacing and puts the table cells
beside the address under it): the letterhead ends where the other party's name begins, and the address
block ends at the first header label."""

from __future__ import annotations

from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page


def _stacked(sender: str, customer: list[str], footer: list[str], labels: list[tuple[str, str]]) -> Sheet:
    s = Sheet()
    s.put(44, 50, sender, size=14)
    s.put(480, 50, "FATTURA", size=14)
    y = 70.0
    for text in customer:
        s.put(44, y, text)
        y += 11.5
    for label, value in labels:
        s.put(45, y, label)
        s.put(140, y, value)
        y += 13.5
    y += 6
    s.put(64, y, "Descrizione")
    s.put(330, y, "Quantità", right=True)
    s.put(540, y, "Importo", right=True)
    s.put(44, y + 16, "Revisione impianto")
    s.put(330, y + 16, "1", right=True)
    s.put(540, y + 16, "410,00", right=True)
    s.put(44, y + 40, "Totale")
    s.put(540, y + 40, "410,00", right=True)
    y += 70
    for text in footer:
        s.put(44, y, text, size=8)
        y += 11
    return s


def test_a_customer_with_a_legal_form_under_the_senders_name_is_the_recipient() -> None:
    s = _stacked(
        "Ferramenta Lupo S.r.l.",
        ["Studio Dentistico Neri S.a.s.", "Via dei Mille 14", "40121 Bologna"],
        ["Ferramenta Lupo S.r.l. · P.IVA IT01234567897"],
        [("Fattura n.", "2291"), ("Data", "03/02/2025")],
    )
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == "Ferramenta Lupo S.r.l."
    assert got["recipient.name"] == "Studio Dentistico Neri S.a.s."
    assert got["invoice_number"] == "2291"


def test_a_customer_without_legal_form_is_told_by_the_senders_own_address_elsewhere() -> None:
    # "Condominio Le Querce" carries no legal form; the page prints the sender's name again over another
    # address (its footer block), so the address under the letterhead is the customer's.
    s = _stacked(
        "Ferramenta Lupo S.r.l.",
        ["Condominio Le Querce", "Via dei Mille 14", "40121 Bologna"],
        ["Ferramenta Lupo S.r.l.", "Via Emilia Ponente 301", "40133 Bologna"],
        [("Fattura n.", "2292"), ("Data", "04/02/2025")],
    )
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == "Ferramenta Lupo S.r.l."
    assert got["recipient.name"] == "Condominio Le Querce"


def test_the_senders_own_block_under_its_name_stays_the_letterhead() -> None:
    # A tagline over the sender's own street and town, the same address printed again in the footer: no
    # other party stands under the name, and no recipient is made up from the tagline.
    s = _stacked(
        "Ferramenta Lupo S.r.l.",
        ["Utensili e ricambi dal 1962", "Via Emilia Ponente 301", "40133 Bologna"],
        ["Ferramenta Lupo S.r.l.", "Via Emilia Ponente 301", "40133 Bologna"],
        [("Fattura n.", "2293"), ("Data", "05/02/2025")],
    )
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == "Ferramenta Lupo S.r.l."
    assert got.get("recipient.name") != "Utensili e ricambi dal 1962"
