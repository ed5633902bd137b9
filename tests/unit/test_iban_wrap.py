"""IBANs of invented vendors wrapped across lines or printed in less common forms: a narrow footer column
wraps the IBAN and the rest lands on a line that another column's line precedes in reading order (or is
glued into another column's text), groups joined by dots or hyphens, lower case, a label above or in
another language, a bank table. Every join is checksum-gated: a complete IBAN is never extended and a
head whose joined form fails the checksum is never joined."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.identifiers import find_identifiers
from invoiceflow.domain.extraction.layout import build_lines

# Invented accounts with valid check digits (ISO 13616 mod 97).
NL = "NL50RABO0318745520"
ES = "ES6621000418401234567891"
AT = "AT611904300234573201"
PT = "PT50000201231234567890154"
GB = "GB29NWBK60161331926819"


def _groups(iban: str, joiner: str = " ") -> str:
    return joiner.join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _ibans(s: Sheet) -> list[str]:
    return [i.value for i in find_identifiers(build_lines(s.page())) if i.kind == "iban"]


def _footer(head: str, rest: str, *, glued: bool) -> Sheet:
    """A three-column footer in small type, the columns' lines a few points apart: the IBAN wraps in the
    right column and its rest comes after a line of the left column in reading order."""
    s = Sheet(font_size=8)
    s.put(40, 40, "Brasserie Vermeulen & Zonen", size=16)
    s.put(40, 700, "Brasserie Vermeulen")
    s.put(230, 705, "KvK 71234567")
    s.put(380, 705, head)
    s.put(40, 711, "Havenstraat 12")
    if glued:  # the rest printed right after the middle column's text, no column gap between
        s.put(377, 716, "Handelsregister Rotterdam", right=True)
        s.put(380, 716, rest)
    else:
        s.put(380, 716, rest)
    s.put(40, 722, "3011 AB Rotterdam")
    s.put(380, 727, "BIC: RABONL2U")
    return s


@pytest.mark.parametrize("glued", [False, True])
def test_an_iban_wrapped_in_a_footer_column_behind_another_columns_line(glued: bool) -> None:
    groups = _groups(ES).split()
    s = _footer("IBAN: " + " ".join(groups[:4]), " ".join(groups[4:]), glued=glued)
    assert _ibans(s) == [ES]
    assert values(extract_page(s.page()))["issuer.iban"] == ES


def test_a_wrapped_iban_with_a_foreign_label_in_a_sidebar() -> None:
    groups = _groups(PT).split()
    s = Sheet(font_size=8)
    s.put(40, 40, "Cerâmicas do Vale Lda.", size=16)
    s.put(420, 600, "Conta IBAN " + " ".join(groups[:3]))
    s.put(40, 606, "Obrigado pela sua preferência")
    s.put(420, 611, " ".join(groups[3:]))
    assert _ibans(s) == [PT]


@pytest.mark.parametrize(
    "line",
    [
        "IBAN " + _groups(NL),
        "IBAN " + _groups(NL, "."),
        "IBAN " + _groups(NL, "-"),
        "iban " + _groups(NL).lower(),
        "Kontonummer (IBAN): " + _groups(NL),
        "N° IBAN : " + _groups(NL),
        "Cuenta IBAN: " + _groups(NL, "-"),
        "IBAN " + NL,
    ],
)
def test_iban_print_forms(line: str) -> None:
    s = Sheet()
    s.put(40, 40, "Tegelhandel Oostkust BV", size=16)
    s.put(40, 600, "Bankgegevens")
    s.put(40, 614, line)
    assert _ibans(s) == [NL]


def test_iban_under_its_label() -> None:
    s = Sheet()
    s.put(40, 40, "Tegelhandel Oostkust BV", size=16)
    s.put(40, 600, "IBAN:")
    s.put(40, 614, _groups(AT))
    assert _ibans(s) == [AT]


def test_iban_in_a_bank_table_beside_the_bic() -> None:
    s = Sheet()
    s.put(40, 40, "Tegelhandel Oostkust BV", size=16)
    s.table(
        600,
        [(40, "Bank", False), (150, "IBAN", False), (400, "BIC", False)],
        [["Lloyds", _groups(GB), "NWBKGB2L"]],
    )
    assert _ibans(s) == [GB]


def test_a_complete_iban_followed_by_a_number_line_stays_as_is() -> None:
    s = Sheet(font_size=8)
    s.put(40, 40, "Brasserie Vermeulen & Zonen", size=16)
    s.put(380, 705, "IBAN: " + _groups(AT))
    s.put(380, 716, "4711 08")
    assert _ibans(s) == [AT]


def test_a_head_whose_joined_form_fails_the_checksum_is_never_joined() -> None:
    groups = _groups(ES).split()
    bad_rest = " ".join(groups[4:])[:-1] + ("2" if ES[-1] != "2" else "3")
    s = _footer("IBAN: " + " ".join(groups[:4]), bad_rest, glued=True)
    assert _ibans(s) == []


def test_the_shared_rest_below_also_joins_a_vat_id_glued_into_another_column() -> None:
    # The same mechanism for VAT ids: "BTW NL8512" wraps, its rest follows the middle column's text.
    s = _footer("BTW-nr. NL 0022", "52 338 B01", glued=True)
    vat_ids = [i.value for i in find_identifiers(build_lines(s.page())) if i.kind == "vat"]
    assert vat_ids == ["NL002252338B01"]


@pytest.mark.parametrize("last_digit_ok", [True, False])
def test_an_iban_wrapped_in_a_sentence_right_after_its_check_digits(last_digit_ok: bool) -> None:
    # "… · IBAN GB29" ends the line, the rest of the number starts the next one.
    rest = _groups(GB)[5:] if last_digit_ok else _groups(GB)[5:-1] + "0"
    s = Sheet(font_size=9)
    s.put(40, 40, "Tegelhandel Oostkust BV", size=16)
    s.put(60, 600, "Gelieve te betalen op rekening bij Lloyds Bank plc Londen · IBAN GB29")
    s.put(60, 611, rest + " · BIC NWBKGB2L")
    assert _ibans(s) == ([GB] if last_digit_ok else [])
