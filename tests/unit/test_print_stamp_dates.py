"""Print and generation stamps: a browser prints "11/22/26, 7:35 PM" and the page title in the top margin,
the URL and "1/2" in the bottom one. That date tells when (and in which locale) the page was printed: it
must not decide the document's day/month order, and it is the issue date only when the page prints no
other date. A date with a time under or after a date label stays the document's date."""

from __future__ import annotations

from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.dates import DateOrder, find_dates, numeric_order_evidence
from invoiceflow.domain.extraction.layout import build_lines


def _printed(s: Sheet, stamp: str = "11/22/26, 7:35 PM", title: str = "Factuur F58006") -> Sheet:
    """The browser's print header and footer around the page."""
    s.put(24, 15, stamp, size=8)
    s.put(318, 15, title, size=8)
    s.put(24, 818, "file:///tmp/invoice-f58006.html", size=8)
    s.put(558, 818, "1/2", size=8)
    return s


def _body(s: Sheet, issue: str, due: str) -> Sheet:
    s.put(40, 60, "Lindqvist Drukwerk N.V.", size=14)
    s.put(40, 80, "Stationsplein 110, 3511 LJ Utrecht")
    s.put(40, 120, "FACTUUR", size=18)
    s.put(40, 150, f"Factuurdatum: {issue}")
    s.put(40, 164, f"Vervaldatum: {due}")
    s.put(40, 200, "Omschrijving")
    s.put(400, 200, "Bedrag")
    s.put(40, 216, "Drukwerk folders A5")
    s.put(400, 216, "240,00")
    return s


def test_a_print_stamp_does_not_flip_the_documents_day_month_order() -> None:
    """ "11/22/26" can only be month first; the document's "06-11-2025" is day first, as its language
    and the absence of other evidence say."""
    page = _printed(_body(Sheet(), "06-11-2025", "06-12-2025")).page()
    found = values(extract_page(page))
    assert found["issue_date"] == "2025-11-06"
    assert found["due_date"] == "2025-12-06"


def test_a_day_first_stamp_does_not_flip_a_month_first_document() -> None:
    s = Sheet()
    s.put(40, 60, "Bluebird Print Co.", size=14)
    s.put(40, 80, "210 Main Street, Austin TX 78701")
    s.put(40, 120, "INVOICE", size=18)
    s.put(40, 150, "Invoice date: 03/04/2025")
    s.put(40, 164, "Due date: 03/18/2025")  # proves month first
    s.put(40, 178, "Ship date: 03/05/2025")
    _printed(s, stamp="22/11/2026, 19:35", title="Invoice 1001")
    ctx_order = numeric_order_evidence(build_lines(s.page()))
    assert ctx_order is DateOrder.MDY
    assert values(extract_page(s.page()))["issue_date"] == "2025-03-04"


def test_an_unlabelled_document_date_wins_over_the_print_stamp() -> None:
    s = Sheet()
    s.put(40, 60, "Atelier Rousseau SARL", size=14)
    s.put(40, 80, "12 rue des Tanneurs, 69002 Lyon")
    s.put(400, 80, "14/03/2025")
    s.put(40, 120, "FACTURE F-2025-031", size=18)
    s.put(40, 200, "Désignation")
    s.put(400, 200, "Montant")
    s.put(40, 216, "Restauration de fauteuil")
    s.put(400, 216, "480,00")
    _printed(s, stamp="3/20/25, 9:02 AM", title="Facture F-2025-031")
    assert values(extract_page(s.page()))["issue_date"] == "2025-03-14"


def test_a_stamp_is_the_issue_date_only_when_no_other_date_is_printed() -> None:
    s = Sheet()
    s.put(40, 60, "Atelier Rousseau SARL", size=14)
    s.put(40, 120, "FACTURE F-2025-031", size=18)
    s.put(40, 200, "Désignation")
    s.put(400, 200, "Montant")
    s.put(40, 216, "Restauration de fauteuil")
    s.put(400, 216, "480,00")
    _printed(s, stamp="20/03/2025 09:02", title="Facture F-2025-031")
    assert values(extract_page(s.page()))["issue_date"] == "2025-03-20"


def test_a_labelled_date_with_a_time_keeps_its_vote_and_its_weight() -> None:
    s = Sheet()
    s.put(40, 60, "Kaffeerösterei Brandt GmbH", size=14)
    s.put(40, 120, "Rechnung 2025-117", size=18)
    s.put(40, 150, "Datum: 13/03/2025 10:31")
    s.put(40, 164, "Fällig am: 04/04/2025")
    lines = build_lines(s.page())
    assert numeric_order_evidence(lines) is DateOrder.DMY
    labelled = next(line for line in lines if line.text.startswith("Datum"))
    assert [m.stamp for m in find_dates(labelled, DateOrder.DMY)] == [False]
    found = values(extract_page(s.page()))
    assert found["issue_date"] == "2025-03-13"
    assert found["due_date"] == "2025-04-04"


def test_stamp_forms() -> None:
    s = Sheet()
    for y, text in enumerate(
        [
            "11/22/26, 7:35 PM",
            "22.11.2026 19:35",
            "2026-11-22T19:35:02",
            "22/11/2026, 7:35 p.m.",
            "22/11/2026",
        ]
    ):
        s.put(40, 40 + 20 * y, text)
    stamps = [[m.stamp for m in find_dates(line, DateOrder.DMY)] for line in build_lines(s.page())]
    assert stamps == [[True], [True], [True], [True], [False]]
