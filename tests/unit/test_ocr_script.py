"""Greek and Cyrillic pages: found by OSD where the Latin probe's vocabularies hold none of the words, read
with their script's models (the Cyrillic language judged from its vocabulary), "№" restored."""

from __future__ import annotations

import pytest
from tests.unit.font_pages import needs_font, text_page

from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.ocr import read_page
from invoiceflow.domain.ocr_language import (
    CLOSE_LANGUAGES,
    fold,
    known_languages,
    page_languages,
    vocabulary_share,
)
from invoiceflow.domain.ocr_script import (
    SCRIPT_LANGUAGES,
    better_code,
    code_words,
    mean_confidence,
    restore_numero_signs,
)
from invoiceflow.domain.ocr_tesseract import DEFAULT_LANGUAGES, EXTRA_LANGUAGES, TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord

CYRILLIC = SCRIPT_LANGUAGES["Cyrillic"]


def test_every_cyrillic_model_has_a_vocabulary_and_they_are_one_close_group() -> None:
    assert set(CYRILLIC) <= known_languages()
    assert frozenset(CYRILLIC) in CLOSE_LANGUAGES


def test_cyrillic_words_fold_their_marks_as_latin_ones_do() -> None:
    assert fold("Плаќање Ѓорѓи ЙОД Їжак") == "плакање горги иод іжак"


# Page heads of our own invention, as a Cyrillic model reads them.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Фактура № 0000001234 Дата на издаване Доставчик Получател ДДС Данъчна основа Сума за плащане",
            "bul",
        ),
        ("Счет-фактура № 15 от 03.04.2033 Продавец Покупатель ИНН КПП Наименование товара Итого НДС", "rus"),
        (
            "Рахунок-фактура № 7 Постачальник Покупець ЄДРПОУ Найменування Кількість Ціна Сума ПДВ Всього",
            "ukr",
        ),
        ("Рачун број 44/2033 Датум промета Продавац Купац ПИБ Назив Количина Цена Износ ПДВ Укупно", "srp"),
        ("Фактура број 12 Датум Продавач Купувач ЕДБ Назив Количина Цена Износ ДДВ Вкупно Плаќање", "mkd"),
    ],
)
def test_a_cyrillic_page_is_judged_among_the_cyrillic_languages(text: str, expected: str) -> None:
    judged = page_languages(text.split(), CYRILLIC)
    assert judged is not None
    assert judged[0] == expected


def test_latin_look_alikes_of_a_cyrillic_page_hit_hardly_any_latin_vocabulary() -> None:
    # "ФАКТУРА Дата на издаване Доставчик Получател ..." as the English probe model reads it
    look_alikes = (
        "OAKTYPA Dara Ha nspaBaHe: Ne 0000052008 MacTo Ha cpenkata: NnoBpnB OPUTMHAN Nonyyatenr: ZoctaByuk: "
        * 2
    )
    latin = (*DEFAULT_LANGUAGES, *EXTRA_LANGUAGES)
    assert vocabulary_share(look_alikes.split(), latin) < 0.08
    header = "Invoice number 1234 Date 12 March 2033 Bill to Customer Description Quantity Unit price Amount"
    assert vocabulary_share(header.split(), latin) > 0.3


def test_the_mean_confidence_of_a_reading() -> None:
    assert mean_confidence(
        [_word("ΑΦΜ:", 0, (1,), 0.9), _word("EL075845691", 40, (1,), 0.5)]
    ) == pytest.approx(0.7)
    assert mean_confidence([]) == 0.0


def _word(text: str, left: float, line: tuple[int, ...], confidence: float = 0.9) -> PixelWord:
    return PixelWord(
        text, left, 10.0 * line[0], left + 10.0 * len(text), 10.0 * line[0] + 8, confidence, line
    )


def test_the_numero_sign_is_restored_before_a_figure_on_its_line() -> None:
    words = [
        _word("Фактура", 0, (1,)),
        _word("Ne", 80, (1,)),
        _word("0000062754", 100, (1,)),
        _word("ДДС", 0, (2,)),
        _word("Ме:", 40, (2,)),
        _word("BG203919968", 70, (2,)),
        _word("Ne", 0, (3,)),  # the line ends: nothing follows it on its line
        _word("12", 0, (4,)),
        _word("Ne", 0, (5,)),
        _word("Ivanov", 30, (5,)),  # no figure follows
    ]
    assert [w.text for w in restore_numero_signs(words)] == [
        "Фактура", "№", "0000062754", "ДДС", "№:", "BG203919968", "Ne", "12", "Ne", "Ivanov",
    ]  # fmt: skip


tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")
# Invoices of our own invention.
GREEK_LINES = [
    "ΤΙΜΟΛΟΓΙΟ ΠΑΡΟΧΗΣ ΥΠΗΡΕΣΙΩΝ Αριθμός 1804",
    "Εκδότης: Ξυλουργική Παπαδόπουλος Ε.Π.Ε., Ερμού 12, Αθήνα",
    "Πελάτης: Φαρμακείο Ελπίς Ο.Ε., Τσιμισκή 40, Θεσσαλονίκη",
    "Ημερομηνία έκδοσης 21.06.2033 Ημερομηνία λήξης 21.07.2033",
    "Περιγραφή Ποσότητα Τιμή μονάδας Αξία",
    "Ώρα εργασίας ξυλουργού 3 45,00 135,00",
    "Καθαρή αξία 135,00 ΦΠΑ 24% 32,40 Πληρωτέο ποσό 167,40",
]
GREEK_WORDS = {
    "Εκδότης:",
    "Ξυλουργική",
    "Παπαδόπουλος",
    "Πελάτης:",
    "Φαρμακείο",
    "Περιγραφή",
    "Ποσότητα",
    "ξυλουργού",
}
BULGARIAN_LINES = [
    "ФАКТУРА № 0000062754 Дата на издаване: 19.11.2033",
    "Доставчик: Печатница Родопи АД, бул. Витоша 10, Пловдив",
    "Получател: Хотел Черно море АД, ул. Граф Игнатиев 97",
    "ДДС №: BG203919968",
    "Наименование Количество Единична цена Стойност",
    "Печат на каталози 2 1579,91 3159,82",
    "Данъчна основа 3159,82 ДДС 20% 631,96 Сума за плащане 3791,78",
]
BULGARIAN_WORDS = {
    "Доставчик:",
    "Печатница",
    "Родопи",
    "Получател:",
    "Хотел",
    "Наименование",
    "каталози",
    "Данъчна",
}


@tesseract
@needs_font
@pytest.mark.parametrize(
    ("lines", "expected", "model"),
    [(GREEK_LINES, GREEK_WORDS, "ell"), (BULGARIAN_LINES, BULGARIAN_WORDS, "bul")],
    ids=["greek", "bulgarian"],
)
def test_a_greek_or_cyrillic_scan_is_read_in_its_script(
    lines: list[str], expected: set[str], model: str
) -> None:
    engine = TesseractEngine()
    if engine._missing((model,)):
        pytest.skip(f"Tesseract model {model} not installed (scripts/install-system-deps installs it)")
    pdf = text_page(lines)
    words = [w.text for w in read_page(pdf, 1, OcrMode.ALWAYS, engine=engine).words]
    assert len(expected & set(words)) >= len(expected) - 1, expected - set(words)
    if model == "bul":
        assert "№" in words
        assert "0000062754" in words
    # read with the Latin models (as before), the same page comes back as look-alikes
    latin_only = TesseractEngine(script_languages={})
    before = {w.text for w in read_page(pdf, 1, OcrMode.ALWAYS, engine=latin_only).words}
    assert len(expected & before) <= 1, expected & before


def test_codes_read_in_look_alike_letters_are_chosen_for_english() -> None:
    words = [
        _word("IBAN", 0, (1,)),
        _word("BG76", 40, (1,)),
        _word("СКЕХ", 80, (1,)),  # Cyrillic look-alikes of the IBAN's "CREX"
        _word("0000", 120, (1,)),
        _word("ВС", 160, (1,)),  # the label "BIC"
        _word("ДДС", 0, (2,)),  # a Cyrillic label on a line without a code
        _word("Хотел", 40, (2,)),
    ]
    assert code_words(words) == [2, 4]
    assert better_code(words[2], _word("CREX", 80, (1,)))
    assert not better_code(words[2], _word("CKEX", 80, (1,)))  # only the look-alike: nothing learnt
    assert not better_code(_word("Β1812", 0, (1,)), _word("B1812", 0, (1,)))  # a Greek series stays
    assert not better_code(words[2], _word("C R E X", 80, (1,)))
