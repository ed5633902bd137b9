"""The arithmetic check of a document's tax lines against its totals (``tax_line_check``): the one
largest set of lines that makes the tax total stays; lines without tax are kept; where several sets fit
equally, the bases that make the net tell them apart, and failing that nothing is dropped."""

from __future__ import annotations

from decimal import Decimal

from invoiceflow.domain.extraction.tax_line_check import lines_making_the_totals


def d(text: str) -> Decimal:
    return Decimal(text)


def test_lines_that_add_up_are_left_alone() -> None:
    assert lines_making_the_totals([d("61.07"), d("8.93")], [d("321.40"), None], d("70.00")) is None


def test_a_line_beyond_the_total_goes() -> None:
    kept = lines_making_the_totals(
        [d("3.00"), d("61.07"), d("8.93")], [None, d("321.40"), d("127.59")], d("70.00")
    )
    assert kept == [1, 2]


def test_a_line_without_tax_stays() -> None:
    kept = lines_making_the_totals(
        [d("50.00"), d("0.00"), d("199.50")], [d("1000.00"), d("60.00"), None], d("199.50")
    )
    assert kept == [1, 2]


def test_the_bases_tell_two_fitting_sets_apart() -> None:
    amounts = [d("10.00"), d("10.00"), d("5.00")]
    bases = [d("100.00"), d("50.00"), d("25.00")]
    assert lines_making_the_totals(amounts, bases, d("15.00"), d("150.00")) is None
    assert lines_making_the_totals(amounts, bases, d("15.00"), d("125.00")) == [0, 2]


def test_nothing_goes_when_several_sets_fit() -> None:
    assert (
        lines_making_the_totals([d("10.00"), d("10.00"), d("5.00")], [None, None, None], d("15.00")) is None
    )


def test_nothing_goes_when_the_lines_make_less_than_the_total() -> None:
    assert lines_making_the_totals([d("10.00"), d("5.00")], [None, None], d("20.00")) is None
