"""Due dates labelled "payable by" in the lexicon's languages: the Italian "Pagabile entro" and its
siblings, the Norwegian "Betales innen" and the Finnish "Maksetaan viimeistään", beside or under their
date, on hand-placed pages of invented vendors."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page


def _page(label: str, date: str, below: bool) -> Sheet:
    s = Sheet()
    s.put(40, 40, "Officine Lumetta S.r.l.", size=15)
    s.put(330, 96, "Documento n. LM/2291")
    s.put(330, 110, "Emesso il 03/05/2025")
    if below:
        s.put(330, 136, label)
        s.put(330, 150, date)
    else:
        s.put(330, 124, label)
        s.put(470, 124, date)
    return s


@pytest.mark.parametrize(
    "label",
    [
        "Pagabile entro",
        "Pagabile entro il",
        "Pagamento entro",
        "Da pagare entro:",
        "Da pagarsi entro",
        "Scadenza pagamento:",
        "Betales innen:",
        "Maksetaan viimeistään",
        "Payable by",
        "À payer avant le",
        "Pagadero antes del",
        "Te betalen voor",
        "Zahlbar bis",
    ],
)
@pytest.mark.parametrize("below", [False, True])
def test_payable_by_labels_name_the_due_date(label: str, below: bool) -> None:
    page = _page(label, "02/06/2025", below).page()
    assert values(extract_page(page)).get("due_date") == "2025-06-02"


def test_payable_by_label_inline_with_its_date() -> None:
    s = Sheet()
    s.put(40, 40, "Nordlys Verksted AS", size=15)
    s.put(330, 96, "Faktura nr 7710")
    s.put(330, 110, "Fakturadato 03.05.2025")
    s.put(330, 124, "Betales innen 02.06.2025")
    assert values(extract_page(s.page())).get("due_date") == "2025-06-02"
