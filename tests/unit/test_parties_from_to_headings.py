"""Two party blocks side by side under one-word headings, "From" and "To" in another language ("Fra" /
"Til", "Od" / "Do", "Von" / "An") without a colon: each heading names its block, so the blocks are not
taken for each other. Invented firms on hand-placed pages."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page


def _two_blocks(sender_heading: str, receiver_heading: str, sender: str, receiver: str) -> dict[str, str]:
    s = Sheet()
    s.put(40, 40, "FAKTURA", size=18)
    # The receiver's block on the left, the sender's on the right: only the headings tell them apart.
    s.put(40, 90, receiver_heading)
    s.put(300, 90, sender_heading)
    s.put(40, 104, receiver)
    s.put(300, 104, sender)
    s.put(40, 118, "Storgata 8")
    s.put(300, 118, "Havnegata 21")
    s.put(40, 132, "0155 Oslo")
    s.put(300, 132, "5003 Bergen")
    s.put(40, 200, "Fakturanummer: 2025-311")
    s.put(300, 200, "Dato: 12.05.2025")
    s.put(40, 260, "Beskrivelse")
    s.put(540, 260, "Beløp", right=True)
    s.put(40, 280, "Montering av hyller")
    s.put(540, 280, "800,00", right=True)
    s.put(350, 320, "Sum eks. mva")
    s.put(540, 320, "800,00", right=True)
    s.put(350, 336, "Mva 25 %")
    s.put(540, 336, "200,00", right=True)
    s.put(350, 352, "Å betale")
    s.put(540, 352, "1 000,00", right=True)
    return values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("sender_heading", "receiver_heading"),
    [("Fra", "Til"), ("Od", "Do"), ("Von", "An"), ("De", "Para")],
)
def test_one_word_headings_tell_the_sender_from_the_receiver(
    sender_heading: str, receiver_heading: str
) -> None:
    got = _two_blocks(sender_heading, receiver_heading, "Fjordtre Snekkeri AS", "Nordlys Kafe AS")
    assert got.get("issuer.name") == "Fjordtre Snekkeri AS"
    assert got.get("recipient.name") == "Nordlys Kafe AS"


def test_a_heading_word_that_opens_a_name_is_no_heading() -> None:
    # "Van" and "De" inside a line are a name's words, not the headings standing alone in their cell.
    got = _two_blocks("Fra", "Til", "Van Dijk Timmerwerk AS", "De Lange Bakeri AS")
    assert got.get("issuer.name") == "Van Dijk Timmerwerk AS"
    assert got.get("recipient.name") == "De Lange Bakeri AS"
