"""Totals of OCR pages whose tax figure was misread in two digits, lost a digit or came out garbled: the
net and the gross were read, and the page's one tax rate confirms gross - net to the cent, so that is the
tax. Without the rate's confirmation nothing is made up."""

from __future__ import annotations

from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import TextSource


def _summary(net: str, tax_label: str, tax: str, gross: str, labels: tuple[str, str]) -> Sheet:
    s = Sheet(TextSource.OCR)
    s.put(50, 40, "Fatura FT 2025/311")
    s.put(50, 90, "Descrição")
    s.put(540, 90, "Valor", right=True)
    s.put(50, 110, "Manutenção de elevadores")
    s.put(540, 110, net, right=True)
    s.put(360, 150, labels[0])
    s.put(540, 150, net, right=True)
    s.put(360, 166, tax_label)
    s.put(540, 166, tax, right=True)
    s.put(360, 182, labels[1])
    s.put(540, 182, gross, right=True)
    return s


def _totals(s: Sheet) -> tuple[str | None, str | None, str | None, list[tuple[str, str | None, str]]]:
    result = extract_page(s.page())
    got = values(result)
    lines = [(str(t.rate), None if t.base is None else str(t.base), str(t.amount)) for t in result.tax_lines]
    return got.get("totals.net"), got.get("totals.tax"), got.get("totals.gross"), lines


def test_a_tax_misread_in_two_digits_is_the_gross_less_the_net_that_the_rate_confirms() -> None:
    # 23 % of 4 318,40 is 993,23; OCR read "998,28" (two digits), one confusable digit does not explain it
    s = _summary("4 318,40", "IVA 23 %", "998,28", "5 311,63", ("Total sem IVA", "Total a pagar"))
    assert _totals(s) == ("4318.40", "993.23", "5311.63", [("23", "4318.40", "993.23")])


def test_a_garbled_tax_figure_is_the_gross_less_the_net_that_the_rate_confirms() -> None:
    # "2 21591" for 2 215,51: no amount read on the tax line at all
    s = _summary("10 550,03", "IVA 21 %", "2 21591", "12 765,54", ("Base tributável", "Total a pagar"))
    net, tax, gross, lines = _totals(s)
    assert (net, tax, gross) == ("10550.03", "2215.51", "12765.54")
    assert lines == [("21", "10550.03", "2215.51")]


def test_no_tax_is_made_up_when_the_rate_does_not_confirm_the_difference() -> None:
    # 21 % of 1 000,00 is 210,00, but gross - net is 190,00: the figures disagree, nothing is repaired
    s = _summary("1 000,00", "IVA 21 %", "2 1 0", "1 190,00", ("Base tributável", "Total a pagar"))
    _net, tax, _gross, lines = _totals(s)
    assert tax != "190.00"
    assert ("21", "1000.00", "190.00") not in lines
