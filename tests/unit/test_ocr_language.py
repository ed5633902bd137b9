"""Tesseract passes per page: a probe of the page head judges the language, the page is read with that
model only, and garbled head lines are recovered from the probe."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.ocr import read_page
from invoiceflow.domain.ocr_clean import drop_garbage, fix_initial_l
from invoiceflow.domain.ocr_language import page_language
from invoiceflow.domain.ocr_merge import recover_garbled
from invoiceflow.domain.ocr_tesseract import DEFAULT_LANGUAGES, TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rechnung Datum 12.03.2024 Menge Einzelpreis Betrag Vielen Dank für Ihren Auftrag", "deu"),
        ("Factura Fecha de vencimiento Cantidad Precio unitario Importe Gracias por su confianza", "spa"),
        ("Facture Date d'échéance Quantité Prix unitaire Montant Merci pour votre commande", "fra"),
        ("Factuur Vervaldatum Aantal Prijs per stuk Bedrag Bedankt voor uw bestelling", "nld"),
        ("Fattura Data di scadenza Quantità Prezzo unitario Importo Grazie per il vostro ordine", "ita"),
        ("Invoice Due date Quantity Unit price Amount Thank you for your order", "eng"),
        # accents lost or garbled by the probe model do not matter: words are folded first
        ("Descripcion Cantidad Pagina Vencimiento Dias", "spa"),
    ],
)
def test_page_language_is_judged_from_function_words_and_invoice_vocabulary(text: str, expected: str) -> None:
    assert page_language(text.split(), DEFAULT_LANGUAGES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "4711 12,50 99,00 ACME",  # figures and a name: no evidence
        "de la total",  # words shared by several languages: no clear lead
    ],
)
def test_page_language_is_none_when_the_evidence_is_thin_or_even(text: str) -> None:
    assert page_language(text.split(), DEFAULT_LANGUAGES) is None


def test_page_language_only_answers_with_a_candidate() -> None:
    words = ["Rechnung", "Datum", "Menge", "Betrag", "Vielen", "Dank"]
    assert page_language(words, ("eng", "fra")) is None


class RecordingTesseract(TesseractEngine):
    """The real engine's pass logic, with each tesseract pass answered by the words given for its
    language set (so the choice of passes is observable without an image)."""

    def __init__(
        self, answers: dict[tuple[str, ...], list[str]], probe_share: float = 0.4, probe_scale: float = 1.0
    ) -> None:
        super().__init__(probe_share=probe_share, probe_scale=probe_scale)
        self.answers = answers
        self.passes: list[tuple[str, ...]] = []
        self.heights: list[int] = []
        self.table_finding: list[bool] = []

    def run(
        self,
        image: Image.Image,
        languages: tuple[str, ...],
        deadline: float,
        *,
        find_tables: bool = True,
        digits_only: bool = False,
    ) -> list[PixelWord]:
        self.passes.append(languages)
        self.table_finding.append(find_tables)
        decoded = image
        self.heights.append(decoded.height)
        # boxes in the pass image's pixels: word i in the i-th eighth of the width, on the top line
        unit = decoded.width / 8
        return [
            PixelWord(text, unit * i, 0.0, unit * (i + 0.8), decoded.width / 4, 0.9, (1, 1, 1))
            for i, text in enumerate(self.answers.get(languages, []))
        ]


@pytest.fixture
def blank() -> Image.Image:
    return Image.new("RGB", (40, 100), "white")


ENGLISH = ["Invoice", "Date", "Amount", "Thank", "you", "for", "your", "order"]


def test_the_probe_reads_the_top_of_the_page_then_the_page_is_read_whole(blank: Image.Image) -> None:
    engine = RecordingTesseract({("eng",): ENGLISH})
    words = engine.recognize(blank)
    assert engine.passes == [("eng",), ("eng",)]
    assert engine.heights == [40, 100]  # the top 40 % of the page
    assert engine.table_finding == [False, True]  # the head without, the page with table finding
    assert words[0].text == "Invoice"


def test_another_language_is_read_again_with_its_own_model(blank: Image.Image) -> None:
    probe_words = ["Factura", "Ingenieria", "Fecha", "de", "factura", "Cantidad", "Importe", "Gracias"]
    page_words = ["Factura", "Ingeniería", "Fecha", "de", "factura", "Cantidad", "Importe", "Gracias"]
    engine = RecordingTesseract({("eng",): probe_words, ("spa",): page_words})
    words = engine.recognize(blank)
    assert engine.passes == [("eng",), ("spa",)]
    assert engine.heights == [40, 100]
    assert [w.text for w in words] == page_words  # the probe's unaccented reading does not leak in


def test_the_scaled_down_probe_answers_in_page_pixels(blank: Image.Image) -> None:
    engine = RecordingTesseract({("eng",): ["Invoice", "Date"]}, probe_scale=0.5)
    head = engine.read_head(blank, deadline=float("inf"))
    assert engine.heights == [20]
    # the recorded pass put "Date" at x 2.5..4.5, y 0..5 of the 20-pixel-wide half-size head
    assert (head[1].left, head[1].top, head[1].right, head[1].bottom) == (5.0, 0.0, 9.0, 10.0)


def test_a_full_size_probe_is_not_resized(blank: Image.Image) -> None:
    engine = RecordingTesseract({("eng",): ["Invoice", "Date"]})
    head = engine.read_head(blank, deadline=float("inf"))
    assert engine.heights == [40]
    assert (head[1].left, head[1].right, head[1].bottom) == (5.0, 9.0, 10.0)


def word(text: str, left: float, top: float, confidence: float, line: tuple[int, ...]) -> PixelWord:
    return PixelWord(text, left, top, left + 10 * len(text), top + 20, confidence, line)


def test_garbled_head_words_give_way_to_the_probes_confident_reading() -> None:
    full = [
        word("Fecha", 900, 100, 0.97, (6, 1, 3)),  # confident: stays
        word("b", 140, 95, 0.0, (6, 1, 3)),  # garbage where the probe read "Tel. +46 36 517699"
        word("Sa", 185, 110, 0.1, (6, 1, 3)),
        word("Total", 140, 900, 0.3, (9, 1, 1)),  # unsure, but below the probe's reach: stays
    ]
    probe = [
        word("Tel.", 140, 100, 0.97, (1, 4, 1)),
        word("+46", 190, 100, 0.97, (1, 4, 1)),
        word("Fecha", 900, 100, 0.95, (2, 1, 1)),  # the full reading has it already
        word("xx", 600, 100, 0.2, (2, 2, 1)),  # unsure in the probe too: never added
    ]
    merged = recover_garbled(full, probe)
    assert [w.text for w in merged] == ["Fecha", "Total", "Tel.", "+46"]
    # added words keep their probe line, on blocks that cannot collide with the full reading's
    assert merged[2].line == merged[3].line != merged[0].line
    assert merged[2].line[0] >= 10_000


def test_an_unsure_word_stays_when_the_probe_reads_the_same_word() -> None:
    # the page's own model kept the accent and the capital I; the probe's look-alike is no better
    full = [word("Ingeniería", 100, 100, 0.4, (3, 1, 1)), word("Ironbridge", 300, 100, 0.3, (3, 1, 1))]
    probe = [word("Ingenieria", 100, 100, 0.9, (1, 1, 1)), word("lronbridge", 300, 100, 0.9, (1, 1, 1))]
    assert [w.text for w in recover_garbled(full, probe)] == ["Ingeniería", "Ironbridge"]


def test_rule_marks_are_not_recovered_from_the_probe() -> None:
    assert recover_garbled([], [word("|", 500, 300, 0.95, (1, 1, 1))]) == []


def test_near_rejected_letter_words_are_dropped_but_digits_stay() -> None:
    words = [
        word("Badde", 200, 250, 0.0, (1, 1, 1)),  # a logo stroke read as letters
        word("Vanguard", 100, 100, 0.95, (1, 1, 2)),
        word("2165281", 700, 300, 0.05, (1, 1, 3)),  # a garbled amount: arithmetic may repair it
    ]
    assert [w.text for w in drop_garbage(words)] == ["Vanguard", "2165281"]


def test_a_page_without_language_evidence_is_read_with_all_languages(blank: Image.Image) -> None:
    engine = RecordingTesseract({("eng",): ["4711", "99,00"]})
    engine.recognize(blank)
    assert engine.passes == [("eng",), DEFAULT_LANGUAGES]


def test_without_the_probe_one_pass_with_all_languages(blank: Image.Image) -> None:
    engine = RecordingTesseract({})
    engine.language_probe = False
    engine.recognize(blank)
    assert engine.passes == [DEFAULT_LANGUAGES]


def _spanish_page() -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("Helvetica", 13)
    lines = [
        "Factura de Ingeniería Solar",
        "Fecha de factura 12 de marzo de 2024",
        "Descripción Cantidad Precio unitario Importe",
        "Instalación según el contrato 2 150,00 300,00",
        "Gracias por su confianza. Página 1 de 1",
    ]
    for number, line in enumerate(lines):
        c.drawString(60, 760 - 30 * number, line)
    c.showPage()
    c.save()
    return buffer.getvalue()


@tesseract
def test_a_spanish_scan_keeps_its_accents() -> None:
    words = [w.text for w in read_page(_spanish_page(), 1, OcrMode.ALWAYS).words]
    assert {"Ingeniería", "Descripción", "Instalación", "según", "Página"} <= set(words)


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("lronbridge", "Ironbridge"),
        ("lTALIA", "ITALIA"),
        ("lnc.", "Inc."),
        ("logistics", "logistics"),  # l before a vowel: a real l
        ("llave", "llave"),
        ("lbs.", "lbs."),  # pounds
        ("lm", "lm"),  # too short to judge
        ("Ironbridge", "Ironbridge"),
    ],
)
def test_a_leading_l_before_a_consonant_is_a_capital_i(read: str, expected: str) -> None:
    assert [w.text for w in fix_initial_l([word(read, 0, 0, 0.9, (1, 1, 1))])] == [expected]
