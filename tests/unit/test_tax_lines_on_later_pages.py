"""Tax breakdowns as e-invoice viewers and small-office templates print them, read from real PDFs: a
breakdown on the last page whose rows start with the tax's name and carry the rate without "%" under a
"USt. %" head set flush left over figures set flush right; a base printed on its own line above its tax
with the same rate ("BI (16 %)" over "IVA (16 %)"), amounts after the bolívar's "Bs."; a Norwegian
"MVA-grunnlag" (the tax base) over "MVA". Invented vendors and figures."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.item_pdfs import Text, pdf_pages

from invoiceflow.domain.models import AggregatedInvoice, OcrMode
from invoiceflow.domain.pipeline import extract_invoice

TaxRow = tuple[Decimal | None, Decimal | None, Decimal | None]


def _read(pages: list[list[Text]]) -> AggregatedInvoice:
    return extract_invoice(pdf_pages(pages), filename="invented.pdf", ocr=OcrMode.NEVER)


def _taxes(invoice: AggregatedInvoice) -> list[TaxRow]:
    return sorted((t.rate, t.base, t.amount) for t in invoice.tax_lines)


def _first_page() -> list[Text]:
    return [
        (40, 40, "Brennholz Aigner GmbH", "l", True),
        (40, 60, "Rechnung Nr. 2026-0412 vom 03.02.2026", "l", False),
        (40, 100, "Pos", "l", True),
        (80, 100, "Beschreibung", "l", True),
        (400, 100, "Steuer", "l", True),
        (540, 100, "Entgelt", "r", True),
        (40, 116, "1", "l", False),
        (80, 116, "Buchenscheite 33 cm", "l", False),
        (400, 116, "19 % VAT (S)", "l", False),
        (540, 116, "326,50", "r", False),
        (40, 132, "2", "l", False),
        (80, 132, "Anzündholz", "l", False),
        (400, 132, "7 % VAT (S)", "l", False),
        (540, 132, "130,70", "r", False),
        (40, 160, "Transportkosten", "l", False),
        (400, 160, "19 % VAT (S)", "l", False),
        (540, 160, "3,00", "r", False),
    ]


def test_a_breakdown_on_the_last_page_with_rates_under_a_flush_left_head() -> None:
    """Page 1 names a charge with its rate ("Transportkosten 19 % VAT 3,00"), no tax line; the last page
    prints the breakdown, each row starting with the tax's name and its rate a bare "19" right-aligned
    under "USt. %"; base × rate = tax confirms the column."""
    heads = [
        (40, 40, "Art (Kategorie)", "l", True),
        (150, 40, "Warenwert", "l", True),
        (230, 40, "Zu-/Abschlag", "l", True),
        (300, 40, "Steuer basisbetrag", "l", True),
        (410, 40, "USt. %", "l", True),
        (485, 40, "USt.-Betrag", "l", True),
    ]
    rows = [
        ["VAT (S)", "326,50", "-5,10", "321,40", "19", "61,07"],
        ["VAT (S)", "130,70", "-3,11", "127,59", "7", "8,93"],
    ]
    right_edges = [0, 200, 298, 382, 466, 550]
    last: list[Text] = list(heads)
    for n, row in enumerate(rows):
        y = 56 + 14 * n
        last.append((40, y, row[0], "l", False))
        last += [(x, y, cell, "r", False) for x, cell in zip(right_edges[1:], row[1:], strict=True)]
    last += [
        (300, 110, "Rechnungssumme ohne USt.", "l", False),
        (540, 110, "448,99", "r", False),
        (300, 124, "Steuerbetrag", "l", False),
        (540, 124, "70,00", "r", False),
        (300, 138, "Bruttosumme", "l", False),
        (540, 138, "518,99", "r", False),
    ]
    invoice = _read([_first_page(), last])
    assert _taxes(invoice) == [
        (Decimal(7), Decimal("127.59"), Decimal("8.93")),
        (Decimal(19), Decimal("321.40"), Decimal("61.07")),
    ]


def test_bases_on_their_own_lines_above_the_taxes_of_the_same_rate() -> None:
    """No net or tax total printed, amounts after the bolívar's "Bs.": "BI R (8 %) Bs.820,00" over "IVA R
    (8 %) Bs.65,60" gives each rate its base (the one figure on the page that gives its tax)."""
    page: list[Text] = [
        (40, 40, "Ferretería Los Andes", "l", True),
        (40, 60, "FACTURA Nº 000731", "l", False),
        (40, 100, "Cantidad", "l", True),
        (100, 100, "Descripción", "l", True),
        (540, 100, "Precio T. (Bs.)", "r", True),
        (40, 116, "1", "l", False),
        (100, 116, "Tornillos (IVA general)", "l", False),
        (540, 116, "G Bs.1.000,00", "r", False),
        (40, 132, "1", "l", False),
        (100, 132, "Harina (IVA reducido)", "l", False),
        (540, 132, "R Bs.1.000,00", "r", False),
    ]
    y = 170
    for code, rate, tax in (("R", "8", "65,60"), ("G", "16", "131,20")):
        for label, value in (
            (f"Subtotal {code}", "Bs.1.000,00"),
            (f"Descuento {code} (18 %)", "Bs.180,00"),
            (f"BI {code} ({rate} %)", "Bs.820,00"),
            (f"IVA {code} ({rate} %)", f"Bs.{tax}"),
        ):
            page += [(380, y, label, "l", False), (540, y, value, "r", False)]
            y += 14
    page += [(430, y, "TOTAL", "l", True), (540, y, "Bs.1.836,80", "r", True)]
    invoice = _read([page])
    assert _taxes(invoice) == [
        (Decimal(8), Decimal("820.00"), Decimal("65.60")),
        (Decimal(16), Decimal("820.00"), Decimal("131.20")),
    ]


def test_a_norwegian_tax_base_line_gives_the_net_and_the_rate() -> None:
    """Items carry "25 %" but no tax; the totals print "MVA-grunnlag" (the base), "MVA" and the gross:
    one 25 % line on the base."""
    page: list[Text] = [
        (40, 40, "Fjordlys Snekkeri AS", "l", True),
        (40, 60, "Faktura 118", "l", False),
        (40, 100, "Beskrivelse", "l", True),
        (300, 100, "Enhetspris", "r", True),
        (380, 100, "MVA", "r", True),
        (540, 100, "Sum", "r", True),
        (40, 116, "Kjøkkenbenk", "l", False),
        (300, 116, "8 000.00 kr", "r", False),
        (380, 116, "25 %", "r", False),
        (540, 116, "10 000.00 kr", "r", False),
        (380, 160, "MVA-grunnlag:", "l", False),
        (540, 160, "8 000.00 kr", "r", False),
        (380, 174, "MVA:", "l", False),
        (540, 174, "2 000.00 kr", "r", False),
        (380, 188, "Å betale:", "l", False),
        (540, 188, "10 000.00 kr", "r", False),
    ]
    invoice = _read([page])
    assert _taxes(invoice) == [(Decimal(25), Decimal("8000.00"), Decimal("2000.00"))]
    assert invoice.totals.net == Decimal("8000.00")


def _charge_page(rows: list[tuple[str, str]]) -> list[Text]:
    page: list[Text] = [
        (40, 40, "Spedition Hollerbach GmbH", "l", True),
        (40, 60, "Rechnung Nr. 7731", "l", False),
        (40, 100, "Bezeichnung", "l", True),
        (320, 100, "Menge", "r", True),
        (400, 100, "Einzelpreis", "r", True),
        (555, 100, "Gesamt", "r", True),
        (40, 116, "Lagerung", "l", False),
        (320, 116, "2", "r", False),
        (400, 116, "500,00", "r", False),
        (555, 116, "1.000,00", "r", False),
    ]
    for n, (label, value) in enumerate(rows):
        page += [(260, 156 + 14 * n, label, "l", False), (555, 156 + 14 * n, value, "r", False)]
    return page


def test_a_fee_worded_like_a_tax_row_that_the_tax_is_levied_on_is_no_tax() -> None:
    """ "Provision 5 % von 1.000,00  50,00" reads as a summary row (base × rate = amount), but the tax
    below is levied on 1.050,00, the base with it: a tax is not itself taxed."""
    invoice = _read(
        [
            _charge_page(
                [
                    ("Provision 5 % von 1.000,00", "50,00"),
                    ("MwSt. 19 % von 1.050,00", "199,50"),
                    ("Gesamtbetrag", "1.249,50"),
                ]
            )
        ]
    )
    assert _taxes(invoice) == [(Decimal(19), Decimal("1050.00"), Decimal("199.50"))]
    assert (invoice.totals.net, invoice.totals.tax) == (Decimal("1050.00"), Decimal("199.50"))


def test_lines_beyond_the_tax_total_go_when_the_rest_make_it() -> None:
    """The fee's row names no base that a tax is levied on ("Nettobetrag" stands apart): the fee's line
    and the tax's sum to more than the printed tax total, which the tax's line alone makes."""
    invoice = _read(
        [
            _charge_page(
                [
                    ("Verpackungspauschale 3 % von 1.000,00", "30,00"),
                    ("Nettobetrag", "1.030,00"),
                    ("MwSt. 19 %", "195,70"),
                    ("Gesamtbetrag", "1.225,70"),
                ]
            )
        ]
    )
    assert _taxes(invoice) == [(Decimal(19), Decimal("1030.00"), Decimal("195.70"))]


def _item_rows(rows: list[tuple[str, str, str]], top: float) -> list[Text]:
    texts: list[Text] = [
        (40, top, "Bezeichnung", "l", True),
        (480, top, "Gesamt", "r", True),
        (555, top, "MwSt. %", "r", True),
    ]
    for n, (description, amount, rate) in enumerate(rows):
        y = top + 16 + 13 * n
        texts += [(40, y, description, "l", False), (480, y, amount, "r", False), (555, y, rate, "r", False)]
    return texts


def test_bases_of_items_spread_over_two_pages() -> None:
    """Items with a rate column on two pages, the totals on the last one with each rate's tax but no
    base: no page's items make a base, all of them shared among the rates make each rate's tax."""
    first: list[Text] = [
        (40, 40, "Brennholz Aigner GmbH", "l", True),
        (40, 60, "Rechnung Nr. 2026-0513", "l", False),
        *_item_rows(
            [("Buche", "1.234,56", "19 %"), ("Brot", "2.345,67", "7 %"), ("Eiche", "3.456,78", "19 %")], 100
        ),
        (340, 170, "Übertrag", "l", False),
        (480, 170, "7.037,01", "r", False),
    ]
    second: list[Text] = [
        (340, 40, "Übertrag", "l", False),
        (480, 40, "7.037,01", "r", False),
        *_item_rows([("Mehl", "4.567,89", "7 %"), ("Birke", "5.678,91", "19 %")], 60),
        (340, 130, "Nettobetrag", "l", False),
        (480, 130, "17.283,81", "r", False),
        (340, 144, "MwSt. 19 %", "l", False),
        (480, 144, "1.970,35", "r", False),
        (340, 158, "MwSt. 7 %", "l", False),
        (480, 158, "483,95", "r", False),
        (340, 172, "Gesamtbetrag", "l", False),
        (480, 172, "19.738,11", "r", False),
    ]
    invoice = _read([first, second])
    assert _taxes(invoice) == [
        (Decimal(7), Decimal("6913.56"), Decimal("483.95")),
        (Decimal(19), Decimal("10370.25"), Decimal("1970.35")),
    ]
