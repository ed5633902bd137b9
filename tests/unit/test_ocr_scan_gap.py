"""What a scan's reading lost that the text layer of the same page keeps, on pages of our own invention:
the band of a line of figures (the font's, not its ink's), a legal form's o's read as zeros, and a
percent sign a further language's model reads as digits."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.ocr import read_page
from invoiceflow.domain.ocr_font_box import font_band, size_runs
from invoiceflow.domain.ocr_glyphs import restore_look_alikes
from invoiceflow.domain.ocr_reread import better_figure
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason=f"font {FONT} (fonts-dejavu-core) not installed")
PAGE_HEIGHT = 842


def _page(lines: list[tuple[float, float, float, str]], font: str = "Helvetica") -> bytes:
    """A text page: (x, baseline from the top, size, text) per line."""
    if font == "DejaVuSans":
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, PAGE_HEIGHT))
    for x, baseline, size, text in lines:
        c.setFont(font, size)
        c.drawString(x, PAGE_HEIGHT - baseline, text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def word(text: str, left: float, top: float, right: float, bottom: float) -> PixelWord:
    return PixelWord(text, left, top, right, bottom, 0.95, (1, 1, 1))


def test_the_font_band_rests_on_the_baseline_whatever_the_descenders() -> None:
    # ink boxes of one line at a cap height of 20 px, baseline at y=100: "quay" and "gyp" hang below it,
    # "sum" starts at the x-height, the figure stands on the baseline
    line = [
        word("quay", 0, 85, 40, 105),
        word("gyp", 50, 85, 80, 105),
        word("sum", 90, 86, 120, 100),
        word("12,50", 130, 80, 170, 100),
    ]
    top, bottom = font_band(line) or (0.0, 0.0)
    assert bottom == pytest.approx(102, abs=0.5)  # the baseline and a tenth of the cap height
    assert top == pytest.approx(80, abs=0.5)  # the cap line
    # a line of specks or rules gives no measure
    assert font_band([word("—", 0, 90, 40, 92)]) is None


def test_a_logo_beside_a_name_is_a_run_of_another_size() -> None:
    line = [
        word("Nordhavn", 0, 100, 80, 120),
        word("Rederi", 90, 100, 150, 120),
        word("NR", 400, 70, 460, 120),  # the logo's lettering, far right and two and a half times taller
    ]
    runs = size_runs(line)
    assert [[w.text for w in run] for run in runs] == [["Nordhavn", "Rederi"], ["NR"]]
    # a comma or a dash, however small, stays in its run
    assert len(size_runs([word("Kai", 0, 100, 30, 120), word(",", 31, 116, 34, 122)])) == 1


@tesseract
def test_a_table_row_of_figures_gets_its_fonts_band_on_a_scan() -> None:
    # A row whose description hangs below the baseline in most of its words ("Shipping", "gypsum",
    # "pallets", "(grey)"): the ink median of the old bands put its bottom a fifth of an em under the
    # baseline; the text layer and now OCR put it on the font's baseline, with the figures'.
    baseline, size = 300.0, 10.0
    pdf = _page(
        [
            (60, 200, 14, "Delivery note 4471"),
            (60, baseline, size, "Shipping gypsum pallets (grey) by lorry"),
            (400, baseline, size, "3"),
            (460, baseline, size, "1.245,90"),
        ]
    )
    page = read_page(pdf, 1, OcrMode.ALWAYS)
    row = [w for w in page.words if abs((w.y0 + w.y1) / 2 - (baseline - 0.3 * size)) < size]
    assert {"gypsum", "pallets", "1.245,90"} <= {w.text for w in row}
    for w in row:
        assert w.y1 == pytest.approx(baseline + 0.07 * size, abs=0.12 * size), w
        assert w.y0 == pytest.approx(baseline - 0.72 * size, abs=0.12 * size), w


@tesseract
@needs_font
def test_the_os_of_a_polish_legal_form_are_letters_again() -> None:
    engine = TesseractEngine()
    if "pol" not in engine.candidate_languages():
        pytest.skip("Tesseract model pol not installed (scripts/install-system-deps installs it)")
    lines = [
        (50, 60, 16, "Faktura VAT nr 7/11/2031"),
        (50, 90, 10, "Sprzedawca: Pracownia Stolarska Kmicic Sp. z o.o."),
        (50, 104, 10, "ul. Brzozowa 9, 31-150 Kraków"),
        (330, 130, 10, "Nabywca: Piekarnia Żurawiecka Sp. z o.o."),
        (330, 144, 10, "ul. Wiśniowa 2, 20-001 Lublin"),
        (50, 170, 10, "Data wystawienia: 07.11.2031"),
        (50, 184, 10, "Termin płatności: 21.11.2031"),
        (50, 220, 10, "Nazwa towaru"),
        (300, 220, 10, "Ilość"),
        (480, 220, 10, "Wartość netto"),
        (50, 240, 10, "Regał dębowy"),
        (310, 240, 10, "1"),
        (490, 240, 10, "940,00 zł"),
        (350, 290, 10, "Razem do zapłaty"),
        (490, 290, 10, "1 156,20 zł"),
    ]
    pdf = _page(lines, "DejaVuSans")
    # the Polish model reads the round o's between full stops as zeros ...
    image = pdfium.PdfDocument(pdf)[0].render(scale=200 / 72).to_pil().convert("L")
    raw = [w.text for w in engine.run(image, ("pol", "eng"), time.monotonic() + 60)]
    assert "0.0." in raw
    # ... and the page's reading writes them as the legal form
    words = [w.text for w in read_page(pdf, 1, OcrMode.ALWAYS, engine=engine).words]
    assert words.count("o.o.") == 2
    assert "0.0." not in words


def test_zeros_become_os_only_in_dotted_lower_case_forms() -> None:
    def read(*texts: str) -> list[str]:
        line = [word(t, 40 * n, 0, 40 * n + 30, 10) for n, t in enumerate(texts)]
        return [w.text for w in restore_look_alikes(line)]

    assert read("Gradnja", "d.0.0.") == ["Gradnja", "d.o.o."]
    assert read("Stavby", "s.r.0.") == ["Stavby", "s.r.o."]
    assert read("Kmicic", "Sp.", "z", "0.0.") == ["Kmicic", "Sp.", "z", "o.o."]
    # figures stay figures: no "z" before, or no full stop after
    assert read("Rabat", "0.0.") == ["Rabat", "0.0."]
    assert read("z", "0.0") == ["z", "0.0"]
    assert read("v", "1.0.") == ["v", "1.0."]


TURKISH_LINES = [
    (50, 60, 16, "Fatura No: KP-2031-0412"),
    (50, 90, 10, "Kaplan Mobilya Sanayi Ltd. Şti."),
    (50, 104, 10, "Cumhuriyet Cad. No: 4, Konak, İzmir"),
    (330, 90, 10, "Alıcı: Özdemir Gıda A.Ş."),
    (330, 104, 10, "Bağdat Cad. 212, Kadıköy, İstanbul"),
    (50, 150, 10, "Fatura Tarihi: 14.04.2031"),
    (50, 200, 10, "Açıklama"),
    (300, 200, 10, "Miktar"),
    (490, 200, 10, "Tutar"),
    (50, 220, 10, "Meşe çalışma masası"),
    (310, 220, 10, "2"),
    (490, 220, 10, "4.800,00 TL"),
    (350, 270, 10, "Ara Toplam"),
    (490, 270, 10, "4.800,00 TL"),
    (350, 286, 10, "KDV (%20)"),
    (490, 286, 10, "960,00 TL"),
    (350, 302, 10, "Genel Toplam"),
    (490, 302, 10, "5.760,00 TL"),
    (50, 350, 10, "Teşekkür ederiz, iyi çalışmalar dileriz."),
]


class WithoutFigureRereading(TesseractEngine):
    def reread_figures(self, image: object, words: list[PixelWord], deadline: float) -> list[PixelWord]:
        return words


@tesseract
@needs_font
def test_a_turkish_percent_sign_is_read_by_english() -> None:
    engine = TesseractEngine()
    if "tur" not in engine.candidate_languages():
        pytest.skip("Tesseract model tur not installed (scripts/install-system-deps installs it)")
    pdf = _page(TURKISH_LINES, "DejaVuSans")
    before = [w.text for w in read_page(pdf, 1, OcrMode.ALWAYS, engine=WithoutFigureRereading()).words]
    assert "(%20)" not in before  # the Turkish model with English beside it: "(9620)"
    words = [w.text for w in read_page(pdf, 1, OcrMode.ALWAYS, engine=engine).words]
    assert "(%20)" in words
    assert {"4.800,00", "960,00", "5.760,00"} <= set(words)  # the other figures as they were


def test_a_figure_is_taken_from_english_only_when_surer_and_alike() -> None:
    def pw(text: str, confidence: float) -> PixelWord:
        return PixelWord(text, 0, 0, 10, 10, confidence, (1, 1, 1))

    assert better_figure(pw("(9620)", 0.87), pw("(%20)", 0.93))  # the sign back: surer is enough
    assert not better_figure(pw("(9620)", 0.87), pw("(%20)", 0.80))
    assert not better_figure(pw("(9620)", 0.87), pw("(%9)", 0.95))  # digits lost, not a sign read
    assert better_figure(pw("1.2O0,00", 0.55), pw("1.200,00", 0.91))
    assert not better_figure(pw("1.200,00", 0.85), pw("1.200,00", 0.99))  # the same reading
    assert not better_figure(pw("1.200,00", 0.60), pw("7", 0.99))  # another word
    assert not better_figure(pw("12,50", 0.60), pw("TL", 0.99))  # no figure


# VAT ids of our own invention (checksum-valid numbers, no company's), labelled as an invoice prints them.
VAT_IDS = [
    "DE 591 400 507",
    "ATU21609436",
    "IT 00542690995",
    "BE 0349.572.657",
    "PL 0132227060",
    "FI36468916",
    "NL045850453B01",
    "FR 35 070950399",
    "ESB89554257",
    "PT 889 588 929",
]


@tesseract
def test_vat_ids_read_from_an_office_scan_pass_their_checksums() -> None:
    import random

    from corpus.scan import office_scan_params, scanned_twin

    from invoiceflow.domain.extraction.identifiers import _vat_candidates
    from invoiceflow.domain.extraction.layout import build_lines
    from invoiceflow.domain.identifiers import compact

    pdf = _page([(60, 80 + 22 * n, 9 + n % 3, f"VAT No.: {vat}") for n, vat in enumerate(VAT_IDS)])
    twin, _ = scanned_twin(pdf, random.Random(0), office_scan_params(random.Random(0)))
    lines = build_lines(read_page(twin, 1, OcrMode.ALWAYS))
    found = {number for line in lines for _start, number in _vat_candidates(line.text, ocr=True)}
    # the Dutch id reads "NLO45850453B01": nine confusable characters, too many to try them all
    assert found == {compact(vat) for vat in VAT_IDS}


def test_a_vat_id_with_many_confusable_digits_is_repaired_by_its_letters() -> None:
    from invoiceflow.domain.extraction.identifiers import repair_vat

    assert repair_vat("NLO45850453B01") == "NL045850453B01"
    assert repair_vat("DE59I400507") == "DE591400507"
    assert repair_vat("DE591400S07") == "DE591400507"
    assert repair_vat("DE591400508") is None  # a digit misread as another digit: no confusion to undo
