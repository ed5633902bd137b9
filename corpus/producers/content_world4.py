# ruff: noqa: E501  (tables: one country or language a line reads best)
"""Content of the fourth world set (``corpus/producers/html_world4.py``): Croatian, Slovenian, Serbian
(Latin script), Estonian, Latvian, Lithuanian, Greek (Greek script) and Bulgarian (Cyrillic) invoices
with their national identifiers, number, date and money conventions. Every name, item and figure is
invented; identifiers carry valid check digits (python-stdnum), IBANs valid check digits (schwifty, a bank
of its registry so that the BIC matches). Built on the third set's content (``content_world3``).
"""

from __future__ import annotations

import dataclasses
import random
import string
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from corpus.identities import Party, _digits, _search_check
from corpus.producers.content import Line
from corpus.producers.content_world3 import LABEL_KEYS, Ids, Nation, W3Content, _country, _module, make_iban

# Layout -> the languages its documents cycle through.
WORLD4_LAYOUT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "hr_si_racun": ("hr", "sl"),
    "rs_faktura": ("sr",),
    "baltic_arve": ("et", "lv", "lt"),
    "gr_timologio": ("el",),
    "bg_faktura": ("bg",),
}
WORLD4_LAYOUTS = tuple(WORLD4_LAYOUT_LANGUAGES)

COUNTRY_OF_LANGUAGE4 = {
    "hr": "HR",
    "sl": "SI",
    "sr": "RS",
    "et": "EE",
    "lv": "LV",
    "lt": "LT",
    "el": "GR",
    "bg": "BG",
}

NATIONS4: dict[str, Nation] = {
    "HR": Nation(_country("HR", "Hrvatska", "EUR", ("25", "13", "5"), ("d.o.o.", "d.d.", "j.d.o.o.", "obrt"), ("Ilica", "Vukovarska ulica", "Ulica kralja Zvonimira"), (("10000", "Zagreb"), ("21000", "Split"), ("51000", "Rijeka"), ("31000", "Osijek"))),
                 ".", ",", "€", False, ("hr_dot", "hr_long")),
    "SI": Nation(_country("SI", "Slovenija", "EUR", ("22", "9.5", "5"), ("d.o.o.", "d.d.", "s.p."), ("Slovenska cesta", "Dunajska cesta", "Tržaška cesta"), (("1000", "Ljubljana"), ("2000", "Maribor"), ("4000", "Kranj"))),
                 ".", ",", "€", False, ("dot_dmy", "cz_spaced", "si_long")),
    "RS": Nation(_country("RS", "Srbija", "RSD", ("20", "10"), ("d.o.o.", "a.d.", "preduzetnik"), ("Bulevar kralja Aleksandra", "Knez Mihailova", "Ulica Njegoševa"), (("11000", "Beograd"), ("21000", "Novi Sad"), ("18000", "Niš"))),
                 ".", ",", "din.", False, ("hr_dot", "rs_long")),
    "EE": Nation(_country("EE", "Eesti", "EUR", ("24", "13", "9"), ("OÜ", "AS", "MTÜ"), ("Narva mnt", "Pärnu mnt", "Tartu mnt"), (("10117", "Tallinn"), ("51004", "Tartu"), ("80010", "Pärnu"))),
                 " ", ",", "€", False, ("dot_dmy", "ee_long")),
    "LV": Nation(_country("LV", "Latvija", "EUR", ("21", "12", "5"), ("SIA", "AS"), ("Brīvības iela", "Elizabetes iela", "Krišjāņa Barona iela"), (("LV-1010", "Rīga"), ("LV-3001", "Jelgava"), ("LV-5401", "Daugavpils"))),
                 " ", ",", "EUR", False, ("dot_dmy", "lv_long", "iso")),
    "LT": Nation(_country("LT", "Lietuva", "EUR", ("21", "9", "5"), ("UAB", "AB", "MB"), ("Gedimino pr.", "Laisvės al.", "Vilniaus g."), (("LT-01103", "Vilnius"), ("LT-44280", "Kaunas"), ("LT-92123", "Klaipėda"))),
                 " ", ",", "€", False, ("iso", "lt_long")),
    "GR": Nation(_country("GR", "Ελλάδα", "EUR", ("24", "13", "6"), ("Α.Ε.", "Ε.Π.Ε.", "Ι.Κ.Ε.", "Ο.Ε."), ("Λεωφόρος Συγγρού", "Οδός Ερμού", "Οδός Τσιμισκή"), (("117 45", "Αθήνα"), ("546 24", "Θεσσαλονίκη"), ("262 21", "Πάτρα"))),
                 ".", ",", "€", False, ("slash_dmy", "gr_long", "dash_dmy")),
    "BG": Nation(_country("BG", "България", "BGN", ("20", "9"), ("ЕООД", "ООД", "АД", "ЕТ"), ("бул. Витоша", "ул. Граф Игнатиев", "бул. Мария Луиза"), (("1000", "София"), ("4000", "Пловдив"), ("9000", "Варна"))),
                 " ", ",", "лв.", False, ("bg_dot", "bg_long")),
}  # fmt: skip

# Month names as dates print them: Croatian, Serbian and Slovenian genitive, Estonian, Latvian nominative,
# Lithuanian genitive, Greek genitive, Bulgarian.
MONTHS4: dict[str, tuple[str, ...]] = {
    "hr": ("siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja", "kolovoza", "rujna", "listopada", "studenoga", "prosinca"),
    "sr": ("januara", "februara", "marta", "aprila", "maja", "juna", "jula", "avgusta", "septembra", "oktobra", "novembra", "decembra"),
    "sl": ("januar", "februar", "marec", "april", "maj", "junij", "julij", "avgust", "september", "oktober", "november", "december"),
    "et": ("jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september", "oktoober", "november", "detsember"),
    "lv": ("janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris"),
    "lt": ("sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"),
    "el": ("Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"),
    "bg": ("януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври", "ноември", "декември"),
}  # fmt: skip


def make_ids4(rng: random.Random, code: str) -> Ids:
    """National identifiers with valid check digits; ``vat_id`` in the contract's form (EU prefix; Serbian
    PIB, outside the EU VAT system, as printed)."""
    if code == "HR":
        oib = _search_check(rng, lambda r: _digits(r, 10), _module("hr", "oib").is_valid, string.digits)
        return Ids("HR" + oib, {"oib": oib, "eu": "HR" + oib})
    if code == "SI":
        ddv = _search_check(rng, lambda r: _digits(r, 7), _module("si", "ddv").is_valid, string.digits)
        return Ids("SI" + ddv, {"ddv": "SI" + ddv, "davcna": ddv, "maticna": _digits(rng, 10)})
    if code == "RS":
        pib = _search_check(
            rng, lambda r: "1" + _digits(r, 7, False), _module("rs", "pib").is_valid, string.digits
        )
        return Ids(pib, {"pib": pib, "mb": _digits(rng, 8)})
    if code == "EE":
        kmkr = _search_check(
            rng, lambda r: "10" + _digits(r, 6, False), _module("ee", "kmkr").is_valid, string.digits
        )
        return Ids("EE" + kmkr, {"kmkr": "EE" + kmkr, "reg": "1" + _digits(rng, 7, False)})
    if code == "LV":
        reg = _search_check(
            rng, lambda r: "4000" + _digits(r, 6, False), _module("lv", "pvn").is_valid, string.digits
        )
        return Ids("LV" + reg, {"pvn": "LV" + reg, "reg": reg})
    if code == "LT":
        pvm = _search_check(
            rng,
            lambda r: _digits(r, 7, False) + "1",
            lambda c: _module("lt", "pvm").is_valid(c),
            string.digits,
        )
        return Ids("LT" + pvm, {"pvm": "LT" + pvm, "kodas": "3" + _digits(rng, 8, False)})
    if code == "GR":
        afm = _search_check(
            rng, lambda r: "0" + _digits(r, 7, False), _module("gr", "vat").is_valid, string.digits
        )
        doy = rng.choice(("ΔΟΥ Α' Αθηνών", "ΔΟΥ Ιωνίας Θεσσαλονίκης", "ΔΟΥ Πατρών", "ΦΑΕ Αθηνών"))
        return Ids("EL" + afm, {"afm": afm, "eu": "EL" + afm, "doy": doy, "gemi": _digits(rng, 12)})
    if code == "BG":
        eik = _search_check(
            rng, lambda r: "20" + _digits(r, 6, False), _module("bg", "vat").is_valid, string.digits
        )
        return Ids("BG" + eik, {"eik": eik, "dds": "BG" + eik})
    raise ValueError(code)


# --- invented names and items ------------------------------------------------------------------------

SELLERS4 = {
    "HR": ("Stolarija Horvat", "Tiskara Jadran", "Elektro Babić", "Projektni ured Kovačević"),
    "SI": ("Mizarstvo Kranjc", "Tiskarna Triglav", "Elektro Novak", "Gradbeništvo Zupančič"),
    "RS": ("Stolarija Petrović", "Štamparija Dunav", "Elektro Jovanović", "Građevinar Nikolić"),
    "EE": ("Tamme Puidutööd", "Trükikoda Virmalised", "Elektritööd Saar", "Ehitusmeister Kask"),
    "LV": ("Kokapstrāde Ozols", "Tipogrāfija Dzintars", "Elektro Bērziņš", "Būvniecība Kalniņš"),
    "LT": (
        "Medžio dirbtuvės Ąžuolas",
        "Spaustuvė Gintaras",
        "Elektros darbai Kazlauskas",
        "Statybų meistras Jonaitis",
    ),
    "GR": (
        "Ξυλουργική Παπαδόπουλος",
        "Τυπογραφείο Αιγαίο",
        "Ηλεκτρολογικά Νικολάου",
        "Τεχνική Κατασκευαστική Γεωργίου",
    ),
    "BG": (
        "Дърводелска работилница Иванов",
        "Печатница Родопи",
        "Електро Петров",
        "Строителна компания Димитров",
    ),
}
BUYERS4 = {
    "HR": ("Ljekarna Zdravlje d.o.o.", "Hotel Adriatic d.d.", "Stomatološka ordinacija dr. Ana Marić"),
    "SI": ("Lekarna Lipa d.o.o.", "Hotel Bled d.d.", "Zobna ordinacija dr. Maja Kos"),
    "RS": ("Apoteka Zdravlje d.o.o.", "Hotel Morava a.d.", "Stomatološka ordinacija dr. Milan Ilić"),
    "EE": ("Apteek Kuusk OÜ", "Hotell Toompea AS", "Hambaravi Tamm OÜ"),
    "LV": ("Aptieka Liepa SIA", "Viesnīca Daugava AS", "Zobārstniecība Kļaviņa SIA"),
    "LT": ("Vaistinė Liepa UAB", "Viešbutis Neris AB", "Odontologijos klinika Šypsena UAB"),
    "GR": ("Φαρμακείο Ελπίς Ο.Ε.", "Ξενοδοχείο Ακρόπολις Α.Ε.", "Οδοντιατρείο Δρ. Μαρία Κωνσταντίνου"),
    "BG": ("Аптека Здраве ЕООД", "Хотел Черно море АД", "Дентален център Усмивка ООД"),
}
# (description, unit, reduced rate?) Long descriptions wrap in their cells.
ITEMS4: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "hr": (("Izrada i montaža kuhinjskih elemenata od hrastovine prema nacrtu kupca", "kom", False), ("Radni sat stolara", "h", False), ("Tisak kataloga A4, 48 stranica, uvez spiralom", "kom", False), ("Stručna knjiga: Održavanje drvenih podova", "kom", True), ("Prijevoz materijala", "km", False), ("Smještaj radnika u hotelu, noćenje s doručkom", "noć", True)),
    "sl": (("Izdelava in montaža vgradne omare iz hrastovega lesa po meri naročnika", "kos", False), ("Ura dela mizarja", "ura", False), ("Tisk brošur A5, 24 strani, barvni tisk", "kos", False), ("Strokovna knjiga: Vzdrževanje lesenih tal", "kos", True), ("Prevoz materiala", "km", False)),
    "sr": (("Izrada i montaža plakara od hrastovine prema nacrtu kupca, sa ugradnjom", "kom", False), ("Radni sat stolara", "h", False), ("Štampa kataloga A4, 48 strana, spiralni povez", "kom", False), ("Stručna knjiga: Održavanje drvenih podova", "kom", True), ("Prevoz materijala", "km", False)),
    "et": (("Köögimööbli valmistamine ja paigaldus tammepuidust vastavalt kliendi joonisele", "tk", False), ("Tisleri töötund", "h", False), ("Kataloogide trükk A4, 48 lehekülge, spiraalköide", "tk", False), ("Erialane raamat: Puitpõrandate hooldus", "tk", True), ("Materjali transport", "km", False)),
    "lv": (("Virtuves mēbeļu izgatavošana un uzstādīšana no ozolkoka pēc klienta rasējuma", "gab.", False), ("Galdnieka darba stunda", "st.", False), ("Katalogu druka A4, 48 lappuses, spirāles iesējums", "gab.", False), ("Grāmata: Koka grīdu kopšana", "gab.", True), ("Materiālu transports", "km", False)),
    "lt": (("Virtuvės baldų gamyba ir montavimas iš ąžuolo pagal kliento brėžinį", "vnt.", False), ("Staliaus darbo valanda", "val.", False), ("Katalogų spausdinimas A4, 48 puslapiai, spiralinis įrišimas", "vnt.", False), ("Knyga: Medinių grindų priežiūra", "vnt.", True), ("Medžiagų transportavimas", "km", False)),
    "el": (("Κατασκευή και τοποθέτηση ντουλάπας κουζίνας από δρυ σύμφωνα με το σχέδιο του πελάτη", "τεμ.", False), ("Ώρα εργασίας ξυλουργού", "ώρα", False), ("Εκτύπωση καταλόγων Α4, 48 σελίδες, σπιράλ", "τεμ.", False), ("Βιβλίο: Συντήρηση ξύλινων δαπέδων", "τεμ.", True), ("Μεταφορά υλικών", "χλμ", False), ("Διανυκτέρευση συνεργείου σε ξενοδοχείο με πρωινό", "τεμ.", True)),
    "bg": (("Изработка и монтаж на кухненски шкафове от дъб по чертеж на клиента", "бр.", False), ("Работен час дърводелец", "ч.", False), ("Печат на каталози A4, 48 страници, спирала", "бр.", False), ("Нощувка на работници в хотел със закуска", "бр.", True), ("Транспорт на материали", "км", False)),
}  # fmt: skip
# "Phase" in each language: the long invoices bill a work in phases.
PHASE_WORD = {
    "hr": "faza",
    "sl": "faza",
    "sr": "faza",
    "et": "etapp",
    "lv": "posms",
    "lt": "etapas",
    "el": "φάση",
    "bg": "етап",
}
LABELS4: dict[str, dict[str, str]] = {
    language: dict(zip(LABEL_KEYS, words, strict=True))
    for language, words in {
        "hr": ("Račun", "Broj računa", "Datum izdavanja", "Datum dospijeća", "Prodavatelj", "Kupac", "Opis", "Kol.", "Cijena", "PDV %", "Iznos", "Ukupno bez PDV-a", "PDV", "Ukupno za platiti", "OIB", "Banka"),
        "sl": ("Račun", "Številka računa", "Datum izdaje", "Rok plačila", "Izdajatelj", "Kupec", "Opis", "Količina", "Cena", "DDV %", "Znesek", "Skupaj brez DDV", "DDV", "Za plačilo", "ID za DDV", "Banka"),
        "sr": ("Faktura", "Broj fakture", "Datum izdavanja", "Valuta plaćanja", "Prodavac", "Kupac", "Naziv dobra/usluge", "Količina", "Cena", "Stopa PDV", "Iznos", "Osnovica", "PDV", "Ukupno za uplatu", "PIB", "Banka"),
        "et": ("Arve", "Arve number", "Kuupäev", "Maksetähtaeg", "Müüja", "Ostja", "Kirjeldus", "Kogus", "Hind", "KM %", "Summa", "Summa km-ta", "Käibemaks", "Kokku tasuda", "KMKR", "Pank"),
        "lv": ("Rēķins", "Rēķina Nr.", "Datums", "Apmaksas termiņš", "Piegādātājs", "Saņēmējs", "Nosaukums", "Daudzums", "Cena", "PVN %", "Summa", "Summa bez PVN", "PVN", "Kopā apmaksai", "PVN reģ. Nr.", "Banka"),
        "lt": ("PVM sąskaita faktūra", "Sąskaitos Nr.", "Išrašymo data", "Apmokėti iki", "Pardavėjas", "Pirkėjas", "Pavadinimas", "Kiekis", "Kaina", "PVM %", "Suma", "Suma be PVM", "PVM", "Iš viso su PVM", "PVM kodas", "Bankas"),
        "el": ("Τιμολόγιο", "Αριθμός", "Ημερομηνία", "Ημ. λήξης", "Εκδότης", "Πελάτης", "Περιγραφή", "Ποσότητα", "Τιμή μονάδας", "ΦΠΑ %", "Αξία", "Καθαρή αξία", "ΦΠΑ", "Πληρωτέο ποσό", "ΑΦΜ", "Τράπεζα"),
        "bg": ("Фактура", "Фактура №", "Дата на издаване", "Срок за плащане", "Доставчик", "Получател", "Наименование", "Количество", "Ед. цена", "ДДС %", "Стойност", "Данъчна основа", "ДДС", "Сума за плащане", "ДДС №", "Банка"),
    }.items()
}  # fmt: skip


@dataclass
class W4Content(W3Content):
    """World3 content with the fourth set's date forms; ``number_alternatives`` are the other readings of
    a series + number the golden accepts."""

    number_alternatives: tuple[str, ...] = ()

    def day(self, value: date) -> str:
        style = self.date_format
        month = MONTHS4.get(self.language, ("",) * 12)[value.month - 1]
        if style == "hr_dot":  # Croatian and Serbian close the year with a dot
            return f"{value.day:02d}.{value.month:02d}.{value.year}."
        if style in {"hr_long", "rs_long"}:
            return f"{value.day}. {month} {value.year}."
        if style in {"si_long", "ee_long"}:
            return f"{value.day}. {month} {value.year}"
        if style == "lv_long":
            return f"{value.year}. gada {value.day}. {month}"
        if style == "lt_long":
            return f"{value.year} m. {month} {value.day} d."
        if style == "gr_long":
            return f"{value.day} {month} {value.year}"
        if style == "bg_dot":
            return f"{value.day:02d}.{value.month:02d}.{value.year} г."
        if style == "bg_long":
            return f"{value.day} {month} {value.year} г."
        return super().day(value)

    def expected(self) -> dict[str, Any]:
        entry = super().expected()
        if self.number_alternatives:
            entry["fields"]["invoice_number"] = [self.number, *self.number_alternatives]
        return entry


def _party4(rng: random.Random, code: str, name: str, *, with_bank: bool) -> tuple[Party, Ids]:
    nation = NATIONS4[code]
    country = nation.country
    street = f"{rng.choice(country.streets)} {rng.randint(1, 120)}"
    postal, city = rng.choice(country.cities)
    ids = make_ids4(rng, code)
    bank = make_iban(rng, code) if with_bank else None
    slug = (
        "".join(ch for ch in name.split(maxsplit=1)[0].casefold() if ch.isascii() and ch.isalpha()) or "info"
    )
    party = Party(
        name=name,
        street=street,
        postal_city=f"{postal} {city}",
        country=country,
        vat_id=ids.vat_id,
        vat_id_printed=ids.vat_id,
        iban=bank[0] if bank else None,
        iban_printed=bank[1] if bank else None,
        bic=bank[2] if bank else None,
        bank_name=bank[3] if bank else None,
        phone=f"+{rng.choice(('385', '386', '381', '372', '371', '370', '30', '359'))} {rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        email=f"info@{slug}.example",
    )
    return party, ids


def _number(rng: random.Random, code: str, issue: date) -> tuple[str, tuple[str, ...]]:
    """(invoice number as the golden holds it, other accepted readings of a series + number)."""
    n = rng.randint(1, 2999)
    if code == "HR":  # fiscal number: sequence-premises-device
        return f"{n}-{rng.choice(('PP1', 'POSL1', '1'))}-{rng.randint(1, 3)}", ()
    if code == "SI":
        return f"{issue.year}-{n:05d}", ()
    if code == "RS":
        return rng.choice((f"F-{n:04d}/{issue.year}", f"{n}/{issue.year % 100:02d}")), ()
    if code == "EE":
        return rng.choice((f"{rng.randint(1000, 99999)}", f"ARV-{n:05d}")), ()
    if code == "LV":
        return f"RK-{issue.year}/{n:04d}", ()
    if code == "LT":
        series = rng.choice(("ABC", "MDD", "SPG"))
        return f"{series} {n:07d}", (f"{n:07d}", f"{series}{n:07d}")
    if code == "GR":
        series = rng.choice(("Α", "ΤΠΥ", "Β"))
        return f"{series} {n}", (str(n), f"{series}-{n}", f"{series}{n}")
    if code == "BG":
        return f"{rng.randint(1, 99999):010d}", ()
    raise ValueError(code)


def make_world4_content(doc_id: str, layout: str, language: str, rng: random.Random) -> W4Content:
    code = COUNTRY_OF_LANGUAGE4[language]
    nation = NATIONS4[code]
    seller_name = f"{rng.choice(SELLERS4[code])} {rng.choice(nation.country.legal_forms)}"
    seller, seller_ids = _party4(rng, code, seller_name, with_bank=True)
    buyer, buyer_ids = _party4(rng, code, rng.choice(BUYERS4[code]), with_bank=False)
    rates = [Decimal(r) for r in nation.country.tax_rates]
    two_rates = len(rates) > 1 and rng.random() < 0.5
    reduced_rate = rates[-1] if code in {"HR", "SI", "EE", "LV", "LT", "GR"} else rates[1]
    pool = ITEMS4[language]
    picked = list(rng.sample(pool, rng.randint(2, min(5, len(pool)))))
    if rng.random() < 0.25:  # a long invoice: phases of the same work that run onto a second page
        base = picked[0]
        phase = PHASE_WORD[language]
        picked += [(f"{base[0]} – {phase} {i}", base[1], base[2]) for i in range(2, rng.randint(14, 24))]
    lines: list[Line] = []
    units: dict[str, str] = {}
    for text, unit, reduced in picked:
        rate = reduced_rate if two_rates and reduced else rates[0]
        quantity = Decimal(rng.choice(("1", "2", "3", "4", "6", "10", "0.5", "2.5", "1.25")))
        price = Decimal(rng.randint(900, 380000)) / 100
        if code == "RS":  # dinars: larger unit prices
            price = Decimal(rng.randint(500, 900000)) / 10
        lines.append(Line(text, "", quantity, price, rate))
        units[text] = unit
    if two_rates and len({line.rate for line in lines}) < 2:
        lines[-1] = dataclasses.replace(lines[-1], rate=reduced_rate)
    issue = date(2025, 1, 1) + timedelta(days=rng.randint(0, 640))
    if code == "BG":  # the lev until the euro's arrival on 1 January 2026
        issue = date(2024, 6, 1) + timedelta(days=rng.randint(0, 570))
    number, alternatives = _number(rng, code, issue)
    return W4Content(
        doc_id=doc_id,
        language=language,
        seller=seller,
        buyer=buyer,
        number=number,
        issue=issue,
        due=issue + timedelta(days=rng.choice((8, 15, 30, 45))),
        currency=nation.country.currency,
        number_format="space_comma",
        date_format=rng.choice(nation.date_styles),
        money_style="symbol_suffix",
        lines=lines,
        customer_no=f"{rng.randint(1000, 99999)}",
        labels=LABELS4[language],
        nation=nation,
        seller_ids=seller_ids,
        buyer_ids=buyer_ids,
        units=units,
        number_alternatives=alternatives,
    )
