"""benchmarks/template_labels.py: the label text a template regex prints before its value, and the end-to-end
check that prints such a label with an invented value on a page (regexes here are invented, in the style
of invoice2data's templates)."""

from __future__ import annotations

import pytest
from benchmarks.template_labels import end_to_end, label_texts, read_label


@pytest.mark.parametrize(
    ("regex", "labels"),
    [
        (r"Rechnungsnummer:\s+(\S+)", ["Rechnungsnummer:"]),
        # A class of letters stands for its first letter; optional parts give one text with, one without.
        (r"[Ff]actuurnummer\s*:?\s*(\d+)", ["Factuurnummer", "Factuurnummer :"]),
        (r"(?:Invoice|Bill)\s+No\.?\s+(\w+)", ["Invoice No", "Invoice No.", "Bill No", "Bill No."]),
        (r"Header line\n\s*Date d'[ée]ch[ée]ance\s+(\d+/\d+/\d+)", ["Date d'échéance"]),
        (r"(\d+)\s+EUR", []),
    ],
)
def test_label_texts_are_the_literal_text_before_the_value(regex: str, labels: list[str]) -> None:
    assert label_texts(regex) == labels


def test_read_label_takes_the_label_nearest_the_value_and_drops_currency_noise() -> None:
    assert read_label("Total (excl. VAT) EUR") == "net"
    assert read_label("Amount due") == "gross"
    assert read_label("Bestelnummer") is None


@pytest.mark.parametrize("below", [False, True])
def test_end_to_end_reads_a_known_label_and_refuses_an_order_number(below: bool) -> None:
    assert end_to_end("invoice_number", "Factuurnummer:", below)
    assert not end_to_end("invoice_number", "Bestelnummer:", below)
    assert end_to_end("order_id", "Bestelnummer:", below)  # a competing field: not read as ours
    assert end_to_end("date", "Rechnungsdatum", below)
    assert not end_to_end("date", "Lieferdatum", below)
