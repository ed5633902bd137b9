"""Pages in the languages beyond the six fallback models: the probe's words judge them (close relatives
together), the page is read with their own models where installed, and missing models change nothing."""

from __future__ import annotations

import pytest
from PIL import Image
from tests.unit.font_pages import needs_font, text_page

from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.ocr import read_page
from invoiceflow.domain.ocr_language import (
    CLOSE_LANGUAGES,
    fold,
    known_languages,
    page_language,
    page_languages,
)
from invoiceflow.domain.ocr_merge import recover_garbled
from invoiceflow.domain.ocr_tesseract import DEFAULT_LANGUAGES, EXTRA_LANGUAGES, TesseractEngine
from invoiceflow.domain.ocr_tesseract_api import EnginePool, api_available
from invoiceflow.domain.ocr_words import PixelWord

ALL = (*DEFAULT_LANGUAGES, *EXTRA_LANGUAGES)


def test_every_default_and_extra_language_has_a_vocabulary() -> None:
    assert set(ALL) <= known_languages()
    assert not set(DEFAULT_LANGUAGES) & set(EXTRA_LANGUAGES)
    assert all(group <= known_languages() for group in CLOSE_LANGUAGES)


def test_folding_drops_the_marks_and_letters_of_every_language() -> None:
    assert fold("Wartość Łódź") == "wartosc lodz"
    assert fold("Beløb Ærø") == "belob aero"
    assert fold("Açıklama Şubat") == "aciklama subat"
    assert fold("Fizetendő Összeg") == "fizetendo osszeg"
    assert fold("Plată Țară") == "plata tara"


# Probe readings of our own invention, as the English probe model returns them (accents mostly lost).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Faktura VAT Sprzedawca Nabywca Data wystawienia Termin platnosci Sposob zaplaty przelew", ("pol",)),
        ("Fatura Data de emissao Vencimento Descricao Quantidade Valor Obrigado pela encomenda", ("por",)),
        ("Szamla Kelte Teljesites Fizetesi hatarido Megnevezes Mennyiseg Egysegar Osszesen", ("hun",)),
        ("Fatura Tarihi Vade Aciklama Miktar Birim fiyat Tutar Toplam Tesekkur ederiz", ("tur",)),
        ("Factura fiscala Seria Furnizor Cumparator Denumire Cantitate Pret unitar Valoare", ("ron",)),
        ("Lasku Laskunumero Paivamaara Erapaiva Kuvaus Maara Yksikkohinta Yhteensa Kiitos", ("fin",)),
        ("Rekins Datums Apmaksas termins Nosaukums Daudzums Cena Summa PVN Kopa Paldies", ("lav",)),
        ("Saskaita faktura Serija Data Pavadinimas Kiekis Kaina Suma PVM Is viso Aciu", ("lit",)),
        ("Arve Kuupaev Maksetahtaeg Nimetus Kogus Hind Summa Kaibemaks Kokku tasuda Aitah", ("est",)),
        ("Racun stevilka Datum izdaje Opis Kolicina Cena Znesek DDV Skupaj za placilo", ("slv",)),
        ("Racun Datum prometa Opis Kolicina Cena Iznos PDV Ukupno za uplatu PIB", ("srp_latn",)),
        # an English page and a Spanish one stay with their single model among all the candidates
        ("Invoice Due date Quantity Unit price Amount Thank you for your order", ("eng",)),
        ("Factura Fecha de vencimiento Cantidad Precio unitario Importe Gracias por su confianza", ("spa",)),
        ("Rechnung Datum Menge Einzelpreis Betrag Vielen Dank fur Ihren Auftrag", ("deu",)),
    ],
)
def test_a_page_of_a_further_language_is_judged_from_its_words(text: str, expected: tuple[str, ...]) -> None:
    assert page_languages(text.split(), ALL) == expected


@pytest.mark.parametrize(
    ("text", "first", "relatives"),
    [
        # Czech and Slovak share most invoice words: a close call is read with both, the leader first
        ("Faktura danovy doklad Dodavatel Odberatel Datum splatnosti Celkem", "ces", {"ces", "slk"}),
        ("Faktura danovy doklad Dodavatel Odberatel Datum splatnosti Celkom", "slk", {"ces", "slk"}),
        # Danish and Norwegian likewise
        ("Faktura Fakturadato Beskrivelse Pris Kunde Antal", "dan", {"dan", "nor"}),
        ("Faktura Fakturadato Beskrivelse Pris Kunde Antall", "nor", {"dan", "nor"}),
        # Croatian and Serbian (Latin script) likewise
        (
            "Racun Datum izdavanja Rok placanja Opis Kolicina Cijena Iznos PDV Ukupno OIB",
            "hrv",
            {"hrv", "srp_latn"},
        ),
    ],
)
def test_a_close_call_between_relatives_is_read_with_both(text: str, first: str, relatives: set[str]) -> None:
    judged = page_languages(text.split(), ALL)
    assert judged is not None
    assert judged[0] == first
    assert set(judged) == relatives
    assert page_language(text.split(), ALL) is None  # no single model for such a page


def test_a_clear_lead_among_relatives_needs_no_second_model() -> None:
    czech = "Faktura danovy doklad Dodavatel Odberatel Datum vystaveni Celkem Dekujeme"
    assert page_languages(czech.split(), ALL) == ("ces",)
    swedish = "Faktura Forfallodatum Beskrivning Antal Belopp att betala Moms och Tack for ordern"
    assert page_languages(swedish.split(), ALL) == ("swe",)
    portuguese = "Fatura Data de emissao Descricao Quantidade Preco unitario Valor total do pagamento"
    assert page_languages(portuguese.split(), ALL) == ("por",)


def test_a_close_call_with_a_language_of_another_family_is_not_judged() -> None:
    # as many Hungarian as Turkish words: nothing to go on
    mixed = "Szamla Osszesen Fizetendo Fatura Toplam Tutar"
    assert page_languages(mixed.split(), ALL) is None


def test_the_further_languages_are_judged_only_when_they_are_candidates() -> None:
    polish = "Faktura VAT Sprzedawca Nabywca Data wystawienia Termin platnosci Razem netto brutto"
    assert page_languages(polish.split(), ALL) == ("pol",)
    # with the six alone (models missing) the same words are no Polish page
    assert page_languages(polish.split(), DEFAULT_LANGUAGES) != ("pol",)


class RecordingTesseract(TesseractEngine):
    """The real engine's pass logic with each pass answered by the words given for its language set,
    and the installed further models given instead of asked of Tesseract."""

    def __init__(self, answers: dict[tuple[str, ...], list[str]], installed_extra: tuple[str, ...]) -> None:
        super().__init__(reread_unsure=False)
        self.answers = answers
        self.installed_extra = installed_extra
        self.passes: list[tuple[str, ...]] = []

    def _missing(self, languages: tuple[str, ...]) -> list[str]:
        return [lang for lang in languages if lang not in (*DEFAULT_LANGUAGES, *self.installed_extra)]

    def run(
        self, image: Image.Image, languages: tuple[str, ...], deadline: float, **_options: object
    ) -> list[PixelWord]:
        self.passes.append(languages)
        unit = image.width / 10
        return [
            PixelWord(text, unit * i, 0.0, unit * (i + 0.8), 10.0, 0.95, (1, 1, 1))
            for i, text in enumerate(self.answers.get(languages, []))
        ]


CZECH_PROBE = ["Faktura", "danovy", "doklad", "Dodavatel", "Odberatel", "Datum", "splatnosti", "Celkem"]


def test_a_czech_page_is_read_with_the_czech_and_slovak_models() -> None:
    engine = RecordingTesseract({("eng",): CZECH_PROBE}, installed_extra=EXTRA_LANGUAGES)
    engine.recognize(Image.new("L", (100, 100), 255))
    assert engine.passes[:2] == [("eng",), ("ces", "slk", "eng")]
    assert not any(set(p) == set(DEFAULT_LANGUAGES) for p in engine.passes)


def test_without_the_further_models_a_czech_page_is_read_as_before() -> None:
    engine = RecordingTesseract({("eng",): CZECH_PROBE}, installed_extra=())
    assert engine.is_available()
    engine.recognize(Image.new("L", (100, 100), 255))
    assert engine.passes[:2] == [("eng",), DEFAULT_LANGUAGES]


def test_without_further_languages_configured_the_candidates_are_the_six() -> None:
    engine = RecordingTesseract({}, installed_extra=EXTRA_LANGUAGES)
    engine.extra_languages = ()
    assert engine.candidate_languages() == DEFAULT_LANGUAGES


tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")
# A Czech invoice of our own invention: every line but the figures carries háčky or čárky.
CZECH_LINES = [
    "Faktura - daňový doklad č. 4410207",
    "Dodavatel: Truhlářství Šťovíček, Řemeslná 14, Olomouc",
    "Datum vystavení 11.09.2032, datum splatnosti 25.09.2032",
    "Položka Množství Jednotková cena Celkem",
    "Výroba dubové židle 3 1 200,00 3 600,00",
    "Celkem k úhradě převodem: 4 356,00 Kč",
    "Děkujeme za objednávku.",
]
CZECH_WORDS = {"daňový", "Truhlářství", "Šťovíček", "Řemeslná", "vystavení", "Množství", "úhradě", "Děkujeme"}


@tesseract
@needs_font
def test_a_czech_scan_keeps_its_hacky_with_the_czech_model() -> None:
    engine = TesseractEngine()
    if "ces" not in engine.candidate_languages():
        pytest.skip("Tesseract model ces not installed (scripts/install-system-deps installs it)")
    pdf = text_page(CZECH_LINES)
    words = {w.text for w in read_page(pdf, 1, OcrMode.ALWAYS, engine=engine).words}
    assert len(CZECH_WORDS & words) >= len(CZECH_WORDS) - 1, CZECH_WORDS - words
    # the six models alone garble them: the gain is the Czech model's
    before = {
        w.text for w in read_page(pdf, 1, OcrMode.ALWAYS, engine=TesseractEngine(extra_languages=())).words
    }
    assert len(CZECH_WORDS & before) <= len(CZECH_WORDS) // 2, CZECH_WORDS & before


# A Latvian receipt of our own invention: long vowels, cedillas and carons on every line but the figures.
LATVIAN_LINES = [
    "Rēķins Nr. 5521/118, datums 14.03.2033",
    "Pārdevējs: SIA Ziemeļu Maiznīca, Dzirnavu iela 7, Rīga",
    "Nosaukums Daudzums Cena Summa",
    "Rudzu maize ar ķimenēm 2 1,85 3,70",
    "Žāvētas plūmes 200g 1 2,49 2,49",
    "Kopā apmaksai: 6,19 EUR, tajā skaitā PVN 21%",
    "Paldies par pirkumu! Pircēja paraksts",
]
LATVIAN_WORDS = {
    "Rēķins",
    "Pārdevējs:",
    "Ziemeļu",
    "Maiznīca,",
    "Rīga",
    "ķimenēm",
    "Žāvētas",
    "plūmes",
    "Kopā",
}


@tesseract
@needs_font
def test_a_latvian_scan_keeps_its_long_vowels_with_the_latvian_model() -> None:
    engine = TesseractEngine()
    if "lav" not in engine.candidate_languages():
        pytest.skip("Tesseract model lav not installed (scripts/install-system-deps installs it)")
    pdf = text_page(LATVIAN_LINES)
    words = {w.text for w in read_page(pdf, 1, OcrMode.ALWAYS, engine=engine).words}
    assert len(LATVIAN_WORDS & words) >= len(LATVIAN_WORDS) - 1, LATVIAN_WORDS - words
    # the models installed before (the six and the eleven further ones) read them as á, é, i
    earlier = tuple(
        lang for lang in EXTRA_LANGUAGES if lang not in {"lav", "lit", "est", "hrv", "slv", "srp_latn"}
    )
    before = {
        w.text
        for w in read_page(pdf, 1, OcrMode.ALWAYS, engine=TesseractEngine(extra_languages=earlier)).words
    }
    assert len(LATVIAN_WORDS & before) <= len(LATVIAN_WORDS) // 2, LATVIAN_WORDS & before


@pytest.mark.skipif(not api_available(), reason="tesseract library not installed")
def test_the_engine_pool_frees_the_engine_used_least_recently() -> None:
    pool = EnginePool(max_engines=2)
    try:
        for languages in ("eng", "deu", "eng", "fra"):
            pool.available_languages(languages)
        assert pool.loaded() == ["eng", "fra"]  # deu, used least recently, was freed
        assert "eng" in pool.available_languages("deu")  # and loads again when needed
        assert pool.loaded() == ["fra", "deu"]
    finally:
        pool.close()


def _word(text: str, left: float, confidence: float, line: tuple[int, ...]) -> PixelWord:
    return PixelWord(text, left, 100.0, left + 12 * len(text), 120.0, confidence, line)


def test_the_page_models_accented_reading_is_kept_over_the_probes_bare_one() -> None:
    # the Polish model read the word unsure with its accents, the English probe confidently without
    full = [_word("Należność", 100, 0.35, (3, 1, 1)), _word("Ilość", 300, 0.4, (3, 1, 1))]
    probe = [_word("Naleznosé", 100, 0.85, (1, 1, 1)), _word("llos¢", 300, 0.7, (1, 1, 1))]
    assert [w.text for w in recover_garbled(full, probe)] == ["Należność", "Ilość"]


def test_an_accented_garble_still_gives_way_to_the_probes_word() -> None:
    full = [_word("Ńąęź", 100, 0.2, (3, 1, 1))]
    probe = [_word("Razem", 100, 0.9, (1, 1, 1))]
    assert [w.text for w in recover_garbled(full, probe)] == ["Razem"]


@pytest.mark.parametrize(
    ("judged", "models"),
    [
        (None, DEFAULT_LANGUAGES),  # not judged: all six, as before
        (("deu",), ("deu",)),  # one of the six: its model alone, as before
        (("pol",), ("pol", "eng")),  # a further language: English beside it for figures and signs
        (("slk", "ces"), ("slk", "ces", "eng")),
        (("spa", "por"), ("spa", "por", "eng")),
    ],
)
def test_the_models_a_page_is_read_with(judged: tuple[str, ...] | None, models: tuple[str, ...]) -> None:
    assert TesseractEngine().page_models(judged) == models


@tesseract
def test_a_further_language_without_its_model_is_left_out_of_the_candidates() -> None:
    engine = TesseractEngine(extra_languages=("xx-no-such-model", *EXTRA_LANGUAGES))
    assert engine.is_available()  # only the six are needed
    assert "xx-no-such-model" not in engine.candidate_languages()
    assert engine.candidate_languages()[: len(DEFAULT_LANGUAGES)] == DEFAULT_LANGUAGES
