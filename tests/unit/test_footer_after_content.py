"""A short invoice's footer follows its content rather than the page's bottom edge: the last block set apart
below the page's top quarter, holding bank or contact data, is read as the footer (its legal name is the
issuer's), even with a browser's printed page line under it."""

from __future__ import annotations

from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page


def _short_invoice(*, printed_page_line: bool) -> Sheet:
    footer_y = 420
    s = Sheet()
    s.put(230, 40, "FACTUUR nr F-2026-118", size=13)
    s.put(40, 90, "Klant")
    s.put(40, 104, "Bakkerij De Wilg")
    s.put(40, 118, "Lindelaan 4")
    s.put(40, 132, "3581 KL Utrecht")
    s.put(380, 90, "Factuurdatum: 12-02-2026")
    s.put(380, 104, "Vervaldatum: 12-03-2026")
    s.put(380, 118, "Valuta: EUR")
    s.table(
        180,
        [(40, "Omschrijving", False), (360, "Aantal", True), (460, "Prijs", True), (555, "Bedrag", True)],
        [["Onderhoud koelcel", "2", "120,00", "240,00"], ["Filterset", "3", "15,00", "45,00"]],
    )
    for n, (label, amount) in enumerate(
        (("Subtotaal", "285,00"), ("BTW 21%", "59,85"), ("Totaal", "344,85"))
    ):
        s.put(380, 250 + 16 * n, label)
        s.put(555, 250 + 16 * n, amount, right=True)
    s.put(40, 320, "Bedankt voor uw opdracht!")
    s.put(40, footer_y, "Koeltechniek Vermeer B.V.")
    s.put(220, footer_y, "KvK 81234567")
    s.put(380, footer_y, "IBAN NL91 ABNA 0417 1643 00")
    s.put(40, footer_y + 10, "Stationsweg 9, 3811 MJ Amersfoort")
    s.put(220, footer_y + 10, "Btw NL859340226B01")
    s.put(380, footer_y + 10, "Tel. 033 456 78 90")
    if printed_page_line:
        s.put(40, 815, "about:blank")
        s.put(540, 815, "1/1")
    return s


def test_the_issuer_is_named_by_a_footer_that_follows_the_content() -> None:
    got = values(extract_page(_short_invoice(printed_page_line=False).page()))
    assert got["issuer.name"] == "Koeltechniek Vermeer B.V."
    assert got["recipient.name"] == "Bakkerij De Wilg"


def test_a_printed_page_line_under_the_footer_does_not_hide_it() -> None:
    got = values(extract_page(_short_invoice(printed_page_line=True).page()))
    assert got["issuer.name"] == "Koeltechniek Vermeer B.V."
