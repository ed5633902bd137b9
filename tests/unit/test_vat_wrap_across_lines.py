"""VAT ids broken by a line or cell wrap: joined when the joined form passes its checksum, never when a
part is a complete id already."""

from __future__ import annotations

from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction.identifiers import find_identifiers
from invoiceflow.domain.extraction.layout import build_lines


def _vat_ids(sheet: Sheet) -> list[str]:
    return [i.value for i in find_identifiers(build_lines(sheet.page())) if i.kind == "vat"]


def test_an_id_wrapped_in_a_footer_paragraph_is_joined() -> None:
    sheet = Sheet(font_size=8)
    sheet.put(40, 700, "Halvorsen Maschinenbau GmbH · Amtsgericht Kassel HRB 4471")
    sheet.put(40, 710, "Umsatzsteuer-Identifikationsnummer: DE 136")
    sheet.put(40, 720, "695 976 · info@halvorsen.example")
    assert _vat_ids(sheet) == ["DE136695976"]


def test_an_id_wrapped_in_a_narrow_column_beside_another_block_is_joined() -> None:
    # The issuer's column wraps "BE 0482.113" / ".061"; the recipient's block beside it has a line in
    # between in reading order.
    sheet = Sheet(font_size=9)
    sheet.put(40, 100, "Ateliers Vandermeulen SRL")
    sheet.put(300, 100, "Adresse de facturation")
    sheet.put(40, 112, "TVA BE 0482.113")
    sheet.put(300, 114, "Rue des Tanneurs 9")
    sheet.put(40, 124, ".061")
    sheet.put(300, 126, "1000 Bruxelles")
    assert _vat_ids(sheet) == ["BE0482113061"]


def test_a_value_cell_wrapped_under_the_id_is_joined() -> None:
    # Label left, value right; the value cell wraps under the id's own start.
    sheet = Sheet()
    sheet.put(40, 200, "Partita IVA")
    sheet.put(160, 200, "IT 044712")
    sheet.put(160, 212, "20154")
    assert _vat_ids(sheet) == ["IT04471220154"]


def test_a_complete_id_is_not_joined_with_the_line_below() -> None:
    # "DE136695976" is complete; the digits below are a phone number, and the join would be no id.
    sheet = Sheet()
    sheet.put(40, 300, "USt-IdNr. DE 136 695 976")
    sheet.put(40, 312, "84 21 55")
    assert _vat_ids(sheet) == ["DE136695976"]


def test_two_complete_ids_one_under_the_other_stay_two() -> None:
    sheet = Sheet()
    sheet.put(40, 300, "Leverancier btw BE 0482.113.061")
    sheet.put(40, 312, "Klant btw BE 0482.113.160")
    assert _vat_ids(sheet) == ["BE0482113061", "BE0482113160"]


def test_a_join_failing_the_checksum_is_dropped() -> None:
    sheet = Sheet()
    sheet.put(40, 400, "Steuer-Nr. DE 136")
    sheet.put(40, 412, "695 977")  # one digit off: the checksum fails
    assert _vat_ids(sheet) == []


def test_a_tail_too_far_below_is_not_joined() -> None:
    sheet = Sheet()
    sheet.put(40, 400, "VAT DE 136")
    sheet.put(40, 460, "695 976")
    assert _vat_ids(sheet) == []


def test_a_prefix_alone_after_its_label_takes_the_number_below() -> None:
    sheet = Sheet(font_size=9)
    sheet.put(40, 100, "Numéro de TVA intracommunautaire FR")
    sheet.put(40, 111, "92 292 070 745")
    assert _vat_ids(sheet) == ["FR92292070745"]


def test_a_country_code_ending_an_address_line_takes_no_number_below() -> None:
    # "… Lyon FR" is a country, not the start of an id: no VAT label precedes it on the line.
    sheet = Sheet(font_size=9)
    sheet.put(40, 100, "12 rue Mercière, 69002 Lyon FR")
    sheet.put(40, 111, "92 292 070 745")
    assert _vat_ids(sheet) == []
