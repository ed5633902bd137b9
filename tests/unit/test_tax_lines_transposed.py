"""A tax summary with one column per rate: rates side by side over a row of bases and a row of taxes."""

from __future__ import annotations

from tests.unit.sheets import Sheet, d

from invoiceflow.domain.extraction import extract_page


def _sheet(tax_row: list[str], gross: str) -> Sheet:
    sheet = Sheet()
    sheet.put(40, 40, "Officine Brambilla S.r.l.")
    sheet.put(380, 40, "Fattura n. 77/B")
    sheet.put(380, 56, "Data 14/02/2026")
    sheet.table(
        100,
        [(40, "Descrizione", False), (330, "Q.tà", True), (480, "Importo", True)],
        [["Revisione pompa", "1", "2.400,00"], ["Manuale tecnico", "2", "360,00"]],
    )
    sheet.put(160, 170, "Aliquota IVA")
    sheet.put(380, 170, "22 %", right=True)
    sheet.put(480, 170, "4 %", right=True)
    sheet.put(160, 186, "Imponibile")
    sheet.put(380, 186, "2.400,00", right=True)
    sheet.put(480, 186, "360,00", right=True)
    sheet.put(160, 202, "Imposta")
    sheet.put(380, 202, tax_row[0], right=True)
    sheet.put(480, 202, tax_row[1], right=True)
    sheet.put(160, 226, "Totale documento")
    sheet.put(480, 226, gross, right=True)
    return sheet


def test_rates_in_columns_give_a_tax_line_each_and_the_net() -> None:
    result = extract_page(_sheet(["528,00", "14,40"], "3.302,40").page())
    assert {(t.rate, t.base, t.amount) for t in result.tax_lines} == {
        (d("22"), d("2400.00"), d("528.00")),
        (d("4"), d("360.00"), d("14.40")),
    }
    assert result.fields["totals.net"].value == "2760.00"
    assert result.fields["totals.tax"].value == "542.40"


def test_a_column_whose_tax_does_not_match_its_rate_gives_no_transposed_lines() -> None:
    # 4 % of 360,00 is 14,40, not 41,40: the columns are not a tax summary read right.
    result = extract_page(_sheet(["528,00", "41,40"], "3.329,40").page())
    assert not any(t.base == d("360.00") for t in result.tax_lines)
