"""National conventions of countries beyond the first six languages, on invented pages: the currency a
sign printed after the figure names ("Ft", "TL", "lei"), the dollar of the country whose tax identifiers
the page prints (Australian ABN, Canadian GST/HST registration), Danish "kr." told from Swedish by the CVR
number, and national tax numbers printed without a country prefix that are the VAT id (Hungarian adószám,
Danish CVR, Finnish Y-tunnus, Turkish VKN), each checksum-validated."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page


def _page(
    header: list[str], rows: list[list[str]], totals: list[tuple[str, str]], footer: list[str]
) -> dict[str, str]:
    """A seller block, a buyer block, ``header`` lines, an item table, totals and a small-print footer."""
    s = Sheet()
    s.put(40, 40, "Orsolya Kerámia Műhely", size=15)
    s.put(40, 60, "Fő utca 12, 7621 Pécs")
    for n, text in enumerate(header):
        s.put(330, 40 + 14 * n, text)
    s.put(40, 130, "Lumen Bistro")
    s.put(40, 144, "Kertész utca 3, 1073 Budapest")
    s.table(
        220,
        [(40, "Description", False), (380, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        rows,
    )
    for n, (label, amount) in enumerate(totals):
        s.put(380, 330 + 16 * n, label)
        s.put(555, 330 + 16 * n, amount, right=True)
    for n, text in enumerate(footer):
        s.put(40, 760 + 11 * n, text, size=8)
    return values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("sign", "code"), [("Ft", "HUF"), ("TL", "TRY"), ("lei", "RON")], ids=["forint", "lira", "leu"]
)
def test_a_sign_printed_after_the_figure_names_the_currency(sign: str, code: str) -> None:
    got = _page(
        ["Invoice no. 2026/417", "Date 12.03.2026"],
        [["Glazed bowls", "4", "1.250,00", "5.000,00"]],
        [("Net", f"5.000,00 {sign}"), ("Tax 20 %", f"1.000,00 {sign}"), ("Total", f"6.000,00 {sign}")],
        [],
    )
    assert got["currency"] == code


def test_ft_as_a_unit_of_length_names_no_currency() -> None:
    got = _page(
        ["Invoice no. 88120", "Date 03/12/2026"],
        [["Banner 8 ft wide", "2", "40.00", "80.00"]],
        [("Subtotal", "80.00"), ("Total", "80.00")],
        [],
    )
    assert got.get("currency") != "HUF"


@pytest.mark.parametrize(
    ("footer", "code"),
    [
        (["ABN 51 824 753 556 · Payment by EFT"], "AUD"),
        (["GST/HST Registration No. 123456782 RT0001"], "CAD"),
        (["Thank you for your business"], "USD"),
        (["ABN 51 824 753 556 · All prices are in US dollars."], "USD"),
    ],
    ids=["australian-abn", "canadian-registration", "no-cue", "dollar-named-in-words"],
)
def test_a_bare_dollar_takes_the_country_of_the_tax_identifiers(footer: list[str], code: str) -> None:
    got = _page(
        ["Invoice # 2231", "Date: 2026-03-12"],
        [["Deck staining", "3", "$120.00", "$360.00"]],
        [("Subtotal", "$360.00"), ("Tax 10%", "$36.00"), ("Total", "$396.00")],
        footer,
    )
    assert got["currency"] == code


def test_danish_kroner_are_told_from_swedish_by_the_cvr_number() -> None:
    got = _page(
        ["Fakturanr. 4471", "Fakturadato 12-03-2026"],
        [["Tømrerarbejde", "3", "450,00", "1.350,00"]],
        [("Subtotal", "1.350,00"), ("Moms 25 %", "337,50"), ("I alt", "1.687,50 kr.")],
        ["Orsolya ApS · CVR-nr. 56 88 51 29 · Reg.nr. 1551"],
    )
    assert got["currency"] == "DKK"


@pytest.mark.parametrize(
    ("printed", "vat_id"),
    [
        ("Adószám: 15414801-2-10", "HU15414801"),
        ("CVR-nr. 56 88 51 29", "DK56885129"),
        ("Y-tunnus 3103506-2", "FI31035062"),
        ("VKN: 9383048977", "9383048977"),
        ("Vergi No 9383048977", "9383048977"),
    ],
    ids=["hungarian-adoszam", "danish-cvr", "finnish-y-tunnus", "turkish-vkn", "turkish-vergi-no"],
)
def test_national_tax_numbers_that_are_the_vat_id(printed: str, vat_id: str) -> None:
    got = _page(
        ["Invoice no. 2026-0107", "Date 2026.03.12."],
        [["Glazed bowls", "4", "1 250,00", "5 000,00"]],
        [("Net", "5 000,00"), ("Tax 25 %", "1 250,00"), ("Total", "6 250,00")],
        [f"Orsolya Kerámia Műhely · {printed}"],
    )
    assert got["issuer.vat_id"] == vat_id


@pytest.mark.parametrize(
    "printed",
    ["Adószám: 15414802-2-10", "CVR-nr. 56 88 51 28", "Y-tunnus 3103506-3", "VKN: 9383048978"],
    ids=["hungarian", "danish", "finnish", "turkish"],
)
def test_a_national_number_whose_checksum_fails_is_no_vat_id(printed: str) -> None:
    got = _page(
        ["Invoice no. 2026-0107", "Date 2026.03.12."],
        [["Glazed bowls", "4", "1 250,00", "5 000,00"]],
        [("Net", "5 000,00"), ("Tax 25 %", "1 250,00"), ("Total", "6 250,00")],
        [f"Orsolya Kerámia Műhely · {printed}"],
    )
    assert got.get("issuer.vat_id") is None


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("Datum vystavení: 3. března 2026", "2026-03-03"),
        ("Dátum vyhotovenia: 3. marca 2026", "2026-03-03"),
        ("Számla kelte: 2026. március 3.", "2026-03-03"),
        ("Data emiterii: 3 martie 2026", "2026-03-03"),
        ("Fatura Tarihi: 3 Mart 2026", "2026-03-03"),
        ("Laskun päiväys: 3. maaliskuuta 2026", "2026-03-03"),
        ("Fatura Tarihi: 12 Kasım 2026", "2026-11-12"),
    ],
    ids=["czech", "slovak", "hungarian-year-first", "romanian", "turkish", "finnish", "turkish-dotless-i"],
)
def test_issue_dates_with_month_names_of_more_languages(printed: str, iso: str) -> None:
    got = _page(
        ["Invoice no. 2026-0107", printed],
        [["Glazed bowls", "4", "1 250,00", "5 000,00"]],
        [("Net", "5 000,00"), ("Tax 25 %", "1 250,00"), ("Total", "6 250,00")],
        [],
    )
    assert got["issue_date"] == iso
