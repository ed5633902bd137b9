# ruff: noqa: E501, PLR0917  (tables: one country or language a line reads best)
"""Content of the third world set (``corpus/producers/html_world3.py``): invoices of countries and
languages beyond the six of the first sets, with their national identifiers, number, date and money
formats. Every name, item and figure is invented; identifiers carry valid check digits (python-stdnum)
and IBANs valid check digits (schwifty, a bank code of its registry so that the BIC matches).
"""

from __future__ import annotations

import dataclasses
import random
import string
import warnings
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from schwifty import IBAN
from schwifty import registry as bank_registry
from stdnum import get_cc_module

from corpus.identities import Country, Party, _banks, _digits, _search_check
from corpus.producers.content import Content, Line

CENT = Decimal("0.01")

# Layout -> the languages its documents cycle through.
WORLD3_LAYOUT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "pl_faktura": ("pl",),
    "cz_sk_doklad": ("cs", "sk"),
    "pt_fatura": ("pt",),
    "nordic_faktura": ("sv", "da", "no", "fi"),
    "hu_szamla": ("hu",),
    "tr_fatura": ("tr",),
    "ro_factura": ("ro",),
    "au_tax_invoice": ("en-AU",),
    "ca_gst_pst": ("en-CA",),
}
WORLD3_LAYOUTS = tuple(WORLD3_LAYOUT_LANGUAGES)

COUNTRY_OF_LANGUAGE = {
    "pl": "PL", "cs": "CZ", "sk": "SK", "pt": "PT", "sv": "SE", "da": "DK", "no": "NO", "fi": "FI",
    "hu": "HU", "tr": "TR", "ro": "RO", "en-AU": "AU", "en-CA": "CA",
}  # fmt: skip


@dataclass(frozen=True)
class Nation:
    """How one country prints: separators, currency sign and where it goes, date style, tax rates."""

    country: Country
    thousands: str
    decimal: str
    sign: str  # printed currency sign ("zł", "Kč", "kr", "Ft", "lei", "TL", "€", "$")
    sign_before: bool
    date_styles: tuple[str, ...]
    whole_money: bool = False  # amounts printed without decimals (Hungarian forint)


def _country(
    code: str,
    name: str,
    currency: str,
    rates: tuple[str, ...],
    forms: tuple[str, ...],
    streets: tuple[str, ...],
    cities: tuple[tuple[str, str], ...],
) -> Country:
    return Country(
        code, name, currency, "space_comma", rates, forms, streets, cities, has_iban=code not in {"AU", "CA"}
    )


NATIONS: dict[str, Nation] = {
    "PL": Nation(_country("PL", "Polska", "PLN", ("23", "8", "5"), ("Sp. z o.o.", "S.A.", "sp.j."), ("ul. Ogrodowa", "ul. Kwiatowa", "al. Jana Pawła II"), (("00-867", "Warszawa"), ("31-042", "Kraków"), ("80-831", "Gdańsk"), ("60-101", "Poznań"))),
                 " ", ",", "zł", False, ("iso", "dot_dmy")),
    "CZ": Nation(_country("CZ", "Česká republika", "CZK", ("21", "12"), ("s.r.o.", "a.s.", "v.o.s."), ("Náměstí Míru", "Vinohradská", "Husova"), (("120 00", "Praha 2"), ("602 00", "Brno"), ("370 01", "České Budějovice"))),
                 " ", ",", "Kč", False, ("cz_spaced", "dot_dmy")),
    "SK": Nation(_country("SK", "Slovensko", "EUR", ("23", "19", "5"), ("s.r.o.", "a.s."), ("Obchodná", "Hlavná", "Štúrova"), (("811 01", "Bratislava"), ("040 01", "Košice"), ("010 01", "Žilina"))),
                 " ", ",", "€", False, ("dot_dmy_short", "dot_dmy")),
    "PT": Nation(_country("PT", "Portugal", "EUR", ("23", "13", "6"), ("Lda.", "S.A.", "Unipessoal Lda."), ("Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina"), (("1100-053", "Lisboa"), ("4000-443", "Porto"), ("3000-150", "Coimbra"))),
                 " ", ",", "€", False, ("iso", "dash_dmy")),
    "SE": Nation(_country("SE", "Sverige", "SEK", ("25", "12", "6"), ("AB", "HB"), ("Storgatan", "Kungsgatan", "Vasagatan"), (("111 22", "Stockholm"), ("413 01", "Göteborg"), ("753 20", "Uppsala"))),
                 " ", ",", "kr", False, ("iso",)),
    "DK": Nation(_country("DK", "Danmark", "DKK", ("25",), ("ApS", "A/S", "I/S"), ("Vestergade", "Nørregade", "Algade"), (("1456", "København K"), ("8000", "Aarhus C"), ("9000", "Aalborg"))),
                 ".", ",", "kr.", False, ("dash_dmy", "dot_dmy")),
    "NO": Nation(_country("NO", "Norge", "NOK", ("25", "15"), ("AS", "ASA", "ENK"), ("Storgata", "Kirkegata", "Strandveien"), (("0155", "Oslo"), ("5003", "Bergen"), ("7011", "Trondheim"))),
                 " ", ",", "kr", False, ("dot_dmy",)),
    "FI": Nation(_country("FI", "Suomi", "EUR", ("25.5", "14", "10"), ("Oy", "Oyj", "Ky"), ("Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu"), (("00100", "Helsinki"), ("33100", "Tampere"), ("20100", "Turku"))),
                 " ", ",", "€", False, ("dot_dmy_short",)),
    "HU": Nation(_country("HU", "Magyarország", "HUF", ("27", "18", "5"), ("Kft.", "Zrt.", "Bt."), ("Andrássy út", "Váci utca", "Kossuth Lajos utca"), (("1061", "Budapest"), ("4025", "Debrecen"), ("6720", "Szeged"))),
                 " ", ",", "Ft", False, ("hu",), whole_money=True),
    "TR": Nation(_country("TR", "Türkiye", "TRY", ("20", "10", "1"), ("A.Ş.", "Ltd. Şti."), ("Atatürk Caddesi", "İstiklal Caddesi", "Cumhuriyet Bulvarı"), (("34430", "İstanbul"), ("06420", "Ankara"), ("35210", "İzmir"))),
                 ".", ",", "TL", False, ("dot_dmy",)),
    "RO": Nation(_country("RO", "România", "RON", ("19", "9", "5"), ("S.R.L.", "S.A."), ("Strada Lipscani", "Bulevardul Unirii", "Calea Victoriei"), (("030031", "București"), ("400001", "Cluj-Napoca"), ("700028", "Iași"))),
                 ".", ",", "lei", False, ("dot_dmy",)),
    "AU": Nation(_country("AU", "Australia", "AUD", ("10",), ("Pty Ltd", "Ltd"), ("George Street", "Collins Street", "Queen Street"), (("NSW 2000", "Sydney"), ("VIC 3000", "Melbourne"), ("QLD 4000", "Brisbane"))),
                 ",", ".", "$", True, ("slash_dmy", "long_en")),
    "CA": Nation(_country("CA", "Canada", "CAD", ("5",), ("Inc.", "Ltd.", "Corp."), ("Granville Street", "Yonge Street", "Portage Avenue"), (("V6C 1T2", "Vancouver, BC"), ("M5B 2H1", "Toronto, ON"), ("R3C 4T3", "Winnipeg, MB"))),
                 ",", ".", "$", True, ("iso", "us_long")),
}  # fmt: skip

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")  # fmt: skip


# --- identifiers with valid check digits --------------------------------------------------------------


@dataclass(frozen=True)
class Ids:
    """The national identifiers one party prints, and the VAT id the golden holds (None: not scored)."""

    vat_id: str | None  # compact, in the contract's form
    printed: dict[str, str]  # national label key -> printed value (layouts pick the ones they print)


def _module(country: str, name: str) -> Any:
    return get_cc_module(country, name)


def make_ids(rng: random.Random, code: str) -> Ids:
    if code == "PL":
        nip = _search_check(rng, lambda r: _digits(r, 9), _module("pl", "nip").is_valid, string.digits)
        printed = rng.choice(
            (f"{nip[:3]}-{nip[3:6]}-{nip[6:8]}-{nip[8:]}", nip, f"{nip[:3]}-{nip[3:5]}-{nip[5:7]}-{nip[7:]}")
        )
        regon = _digits(rng, 9)
        return Ids("PL" + nip, {"nip": printed, "regon": regon})
    if code == "CZ":
        ico = _search_check(
            rng, lambda r: _digits(r, 7), lambda c: _module("cz", "dic").is_valid(c), string.digits
        )
        return Ids("CZ" + ico, {"ico": ico, "dic": "CZ" + ico})
    if code == "SK":
        dic = _search_check(
            rng,
            lambda r: "20" + _digits(r, 7, False),
            lambda c: _module("sk", "dph").is_valid(c),
            string.digits,
        )
        ico = _digits(rng, 8)
        return Ids("SK" + dic, {"ico": ico, "dic": dic, "icdph": "SK" + dic})
    if code == "PT":
        nif = _search_check(
            rng,
            lambda r: rng.choice("5") + _digits(r, 7, False),
            _module("pt", "nif").is_valid,
            string.digits,
        )
        return Ids(
            "PT" + nif, {"nif": rng.choice((nif, f"{nif[:3]} {nif[3:6]} {nif[6:]}")), "pt_vat": "PT" + nif}
        )
    if code == "SE":
        org = _search_check(
            rng, lambda r: "55" + _digits(r, 7, False), _module("se", "orgnr").is_valid, string.digits
        )
        return Ids(f"SE{org}01", {"orgnr": f"{org[:6]}-{org[6:]}", "momsnr": f"SE{org}01"})
    if code == "DK":
        cvr = _search_check(rng, lambda r: _digits(r, 7), _module("dk", "cvr").is_valid, string.digits)
        return Ids("DK" + cvr, {"cvr": rng.choice((cvr, f"{cvr[:2]} {cvr[2:4]} {cvr[4:6]} {cvr[6:]}"))})
    if code == "NO":
        org = _search_check(
            rng,
            lambda r: rng.choice("89") + _digits(r, 7, False),
            _module("no", "orgnr").is_valid,
            string.digits,
        )
        return Ids(f"NO{org}MVA", {"orgnr": f"{org[:3]} {org[3:6]} {org[6:]}"})
    if code == "FI":
        yt = _search_check(rng, lambda r: _digits(r, 7), _module("fi", "ytunnus").is_valid, string.digits)
        return Ids("FI" + yt, {"ytunnus": f"{yt[:7]}-{yt[7:]}", "alv": "FI" + yt})
    if code == "HU":
        anum = _search_check(rng, lambda r: _digits(r, 7), _module("hu", "anum").is_valid, string.digits)
        domestic = f"{anum}-{rng.choice('2')}-{rng.randint(2, 44):02d}"
        return Ids("HU" + anum, {"adoszam": domestic, "eu": "HU" + anum})
    if code == "TR":
        vkn = _search_check(rng, lambda r: _digits(r, 9), _module("tr", "vkn").is_valid, string.digits)
        return Ids(vkn, {"vkn": vkn, "office": rng.choice(("Kadıköy", "Çankaya", "Karşıyaka", "Beşiktaş"))})
    if code == "RO":
        cui = _search_check(
            rng, lambda r: _digits(r, rng.choice((7, 8))), _module("ro", "cf").is_valid, string.digits
        )
        county = rng.choice(("J40", "J12", "J22"))
        return Ids(
            "RO" + cui,
            {"cif": "RO" + cui, "regcom": f"{county}/{rng.randint(100, 19999)}/{rng.randint(2005, 2023)}"},
        )
    if code == "AU":
        abn = _search_check(
            rng,
            lambda r: _digits(r, 9),
            lambda c: _module("au", "abn").is_valid(c),
            [f"{i:02d}" for i in range(100)],
        )  # type: ignore[arg-type]
        return Ids(abn, {"abn": f"{abn[:2]} {abn[2:5]} {abn[5:8]} {abn[8:]}"})
    if code == "CA":
        bn = _search_check(rng, lambda r: _digits(r, 8), _module("ca", "bn").is_valid, string.digits)
        return Ids(f"{bn}RT0001", {"bn": f"{bn} RT0001"})
    raise ValueError(code)


def make_iban(rng: random.Random, code: str) -> tuple[str, str, str, str] | None:
    """(IBAN compact, IBAN printed in groups of four, BIC, bank name) of a registry bank, or None."""
    if code in {"AU", "CA"}:
        return None
    banks = _banks(code)
    spec = bank_registry.get_iban_spec(code)
    account_range = spec.positions[bank_registry.Component.ACCOUNT_CODE]  # type: ignore[attr-defined]
    length = account_range.end - account_range.start
    for attempt in range(400):
        bank_code, bic, bank_name = rng.choice(banks)
        try:
            iban = IBAN.generate(code, bank_code=bank_code, account_code=_digits(rng, length, False))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                IBAN(iban.compact, validate_bban=attempt < 300)
        except Exception:
            continue
        return iban.compact, iban.formatted, bic, bank_name
    raise RuntimeError(f"no valid IBAN for {code}")


# --- invented names and items ------------------------------------------------------------------------

SELLERS3 = {
    "PL": (
        "Wiśniewski i Wspólnicy",
        "Zakład Stolarski Dębowy Las",
        "Przedsiębiorstwo Handlowe Łukasz Nowak",
        "Biuro Projektowe Żuraw",
    ),
    "CZ": ("Strojírny Kolář", "Tiskárna U Mostu", "Elektro Dvořák"),
    "SK": ("Kováčik Stavebniny", "Tlačiareň Javor", "Servis Hruška"),
    "PT": ("Carpintaria Gonçalves & Filhos", "Tipografia Ribeirinha", "Climatização Araújo"),
    "SE": ("Ekholm Snickeri", "Tryckeri Norrsken", "Bergqvist Fastighetsservice"),
    "DK": ("Mølholm Tømrer", "Trykkeriet Fyrtårn", "Østergaard VVS"),
    "NO": ("Fjellheim Bygg", "Trykkeri Nordlys", "Rørlegger Haugen"),
    "FI": ("Järvinen Rakennus", "Kirjapaino Revontuli", "Sähkö-Mäkelä"),
    "HU": ("Kovács és Társa", "Nyomda Szivárvány", "Villamos Szerviz Tóth"),
    "TR": ("Yıldız Mobilya Sanayi", "Deniz Matbaacılık", "Özgür Elektrik Tesisat"),
    "RO": ("Tâmplăria Ionescu", "Tipografia Dunărea", "Instalații Popescu"),
    "AU": ("Wattle & Gum Landscaping", "Harbourline Print Co", "Koala Creek Plumbing"),
    "CA": ("Maple Ridge Renovations", "Northern Lights Print Shop", "Caribou Creek Outfitters"),
}
BUYERS3 = {
    "PL": ("Apteka pod Lipami Sp. z o.o.", "Gabinet Stomatologiczny Anna Kowalczyk", "Hotel Wawel S.A."),
    "CZ": ("Pekárna Zlatý klas s.r.o.", "Ordinace MUDr. Jana Nováková", "Hotel Vltava a.s."),
    "SK": ("Lekáreň Pod Tatrami s.r.o.", "Penzión Orava s.r.o.", "Ing. Peter Horváth"),
    "PT": ("Farmácia Central Lda.", "Restaurante O Cantinho Lda.", "Clínica Dentária Sorriso S.A."),
    "SE": ("Tandläkare Lindgren AB", "Kafé Solrosen HB", "Bostadsrättsföreningen Björken"),
    "DK": ("Tandlæge Søren Holm ApS", "Café Mågen I/S", "Boligforeningen Egely"),
    "NO": ("Tannlege Ås AS", "Kafé Fjorden AS", "Borettslaget Granly"),
    "FI": ("Hammaslääkäri Virtanen Oy", "Kahvila Kuusi Ky", "Asunto Oy Koivula"),
    "HU": ("Patika Kft.", "Fogászat Dr. Nagy Bt.", "Hotel Duna Zrt."),
    "TR": ("Ege Eczanesi Ltd. Şti.", "Lale Otelcilik A.Ş.", "Kuzey Diş Kliniği Ltd. Şti."),
    "RO": ("Farmacia Tilia S.R.L.", "Hotel Carpați S.A.", "Cabinet Stomatologic Dr. Radu S.R.L."),
    "AU": ("Bondi Family Dental Pty Ltd", "Southbank Café Pty Ltd", "Emu Flat Primary School"),
    "CA": ("Lakeshore Dental Clinic Inc.", "Red River Café Ltd.", "Birchwood Community Centre"),
}
ITEMS3: dict[str, tuple[tuple[str, str], ...]] = {
    "pl": (("Usługa montażu mebli", "h"), ("Blat dębowy 120 cm", "szt."), ("Projekt wnętrza biura", "usł."), ("Książka instrukcja obsługi", "szt."), ("Transport materiałów", "km")),
    "cs": (("Servis kotle", "hod"), ("Tisk letáků A5", "ks"), ("Montáž osvětlení", "hod"), ("Kniha receptů", "ks"), ("Doprava materiálu", "km")),
    "sk": (("Oprava strechy", "hod"), ("Tlač katalógov", "ks"), ("Montáž okien", "ks"), ("Odborná kniha", "ks"), ("Doprava", "km")),
    "pt": (("Porta interior em carvalho", "un."), ("Mão de obra de instalação", "h"), ("Impressão de catálogos", "un."), ("Manual técnico", "un."), ("Deslocação", "km")),
    "sv": (("Snickeriarbete kök", "tim"), ("Ekskiva 120 cm", "st"), ("Tryck av broschyrer", "st"), ("Fackbok underhåll", "st"), ("Resekostnad", "km")),
    "da": (("Tømrerarbejde", "timer"), ("Egeplade 120 cm", "stk."), ("Tryk af brochurer", "stk."), ("Servicebesøg", "stk."), ("Kørsel", "km")),
    "no": (("Snekkerarbeid", "timer"), ("Eikeplate 120 cm", "stk"), ("Trykking av brosjyrer", "stk"), ("Fagbok vedlikehold", "stk"), ("Kjøring", "km")),
    "fi": (("Asennustyö", "h"), ("Tammitaso 120 cm", "kpl"), ("Esitteiden painatus", "kpl"), ("Huoltokäynti", "kpl"), ("Matkakulut", "km")),
    "hu": (("Bútorszerelés", "óra"), ("Tölgy asztallap 120 cm", "db"), ("Szórólap nyomtatás", "db"), ("Szakkönyv", "db"), ("Kiszállási díj", "km")),
    "tr": (("Mobilya montajı", "saat"), ("Meşe tezgah 120 cm", "adet"), ("Broşür baskısı", "adet"), ("Teknik kitap", "adet"), ("Nakliye", "km")),
    "ro": (("Montaj mobilier", "ore"), ("Blat stejar 120 cm", "buc"), ("Tipărire pliante", "buc"), ("Carte tehnică", "buc"), ("Transport", "km")),
    "en-AU": (("Garden design consultation", "hr"), ("Native shrubs, 200 mm pot", "ea"), ("Irrigation install", "hr"), ("Mulch delivery", "m3")),
    "en-CA": (("Kitchen cabinet install", "hr"), ("Maple countertop 48 in", "ea"), ("Paint and supplies", "lot"), ("Disposal fee", "ea")),
}  # fmt: skip
# The plain labels (the reportlab twin and the simpler layouts print them).
LABEL_KEYS = (
    "title",
    "number",
    "date",
    "due",
    "from",
    "to",
    "description",
    "qty",
    "price",
    "rate",
    "amount",
    "net",
    "tax",
    "gross",
    "vat_id",
    "bank",
)
LABELS3: dict[str, dict[str, str]] = {
    language: dict(zip(LABEL_KEYS, words, strict=True))
    for language, words in {
        "pl": ("Faktura VAT", "Numer faktury", "Data wystawienia", "Termin płatności", "Sprzedawca", "Nabywca", "Nazwa towaru lub usługi", "Ilość", "Cena netto", "Stawka VAT", "Wartość netto", "Razem netto", "VAT", "Do zapłaty", "NIP", "Bank"),
        "cs": ("Faktura – daňový doklad", "Číslo faktury", "Datum vystavení", "Datum splatnosti", "Dodavatel", "Odběratel", "Označení dodávky", "Množství", "Cena za m.j.", "DPH %", "Celkem bez DPH", "Základ daně", "DPH", "Celkem k úhradě", "DIČ", "Banka"),
        "sk": ("Faktúra", "Číslo faktúry", "Dátum vyhotovenia", "Dátum splatnosti", "Dodávateľ", "Odberateľ", "Názov položky", "Množstvo", "Jedn. cena", "DPH %", "Spolu bez DPH", "Základ dane", "DPH", "Celkom k úhrade", "IČ DPH", "Banka"),
        "pt": ("Fatura", "Fatura n.º", "Data de emissão", "Data de vencimento", "Fornecedor", "Cliente", "Descrição", "Qtd.", "Preço unit.", "IVA", "Valor", "Total ilíquido", "Total IVA", "Total a pagar", "NIF", "Banco"),
        "sv": ("Faktura", "Fakturanummer", "Fakturadatum", "Förfallodatum", "Säljare", "Köpare", "Benämning", "Antal", "À-pris", "Moms", "Belopp", "Summa exkl. moms", "Moms", "Att betala", "Momsreg.nr", "Bank"),
        "da": ("Faktura", "Fakturanr.", "Fakturadato", "Forfaldsdato", "Sælger", "Kunde", "Beskrivelse", "Antal", "Enhedspris", "Moms", "Beløb", "Subtotal ekskl. moms", "Moms", "Total inkl. moms", "CVR-nr.", "Bank"),
        "no": ("Faktura", "Fakturanr.", "Fakturadato", "Forfallsdato", "Selger", "Kunde", "Beskrivelse", "Antall", "Enhetspris", "MVA", "Beløp", "Sum eks. mva", "MVA", "Å betale", "Org.nr.", "Bank"),
        "fi": ("Lasku", "Laskun numero", "Laskun päiväys", "Eräpäivä", "Myyjä", "Asiakas", "Tuote", "Määrä", "À-hinta", "ALV %", "Yhteensä", "Veroton yhteensä", "ALV", "Maksettava yhteensä", "ALV-nro", "Pankki"),
        "hu": ("Számla", "Számla sorszáma", "Számla kelte", "Fizetési határidő", "Eladó", "Vevő", "Megnevezés", "Mennyiség", "Nettó egységár", "ÁFA", "Nettó érték", "Nettó összesen", "ÁFA összesen", "Fizetendő", "Adószám", "Bank"),
        "tr": ("Fatura", "Fatura No", "Fatura Tarihi", "Vade Tarihi", "Satıcı", "Alıcı", "Mal / Hizmet", "Miktar", "Birim Fiyat", "KDV Oranı", "Tutar", "Mal Hizmet Toplam Tutarı", "Hesaplanan KDV", "Ödenecek Tutar", "Vergi No", "Banka"),
        "ro": ("Factură", "Factura nr.", "Data emiterii", "Data scadenței", "Furnizor", "Cumpărător", "Denumirea produselor sau serviciilor", "Cant.", "Preț unitar fără TVA", "Cota TVA", "Valoare", "Total fără TVA", "TVA", "Total de plată", "CIF", "Banca"),
        "en-AU": ("Tax Invoice", "Invoice No.", "Invoice Date", "Due Date", "From", "Bill To", "Description", "Qty", "Unit Price", "GST", "Amount", "Subtotal (ex GST)", "GST", "Total (inc GST)", "ABN", "Bank"),
        "en-CA": ("Invoice", "Invoice #", "Invoice Date", "Due Date", "From", "Bill To", "Description", "Qty", "Unit Price", "Tax", "Amount", "Subtotal", "Tax", "Total", "GST/HST No.", "Bank"),
    }.items()
}  # fmt: skip
# Goods whose rate is the reduced one (books, printed matter, food) in the item lists above.
REDUCED_WORDS = (
    "Książka",
    "Kniha",
    "kniha",
    "Manual",
    "Fackbok",
    "Fagbok",
    "Szakkönyv",
    "Teknik kitap",
    "Carte",
    "Odborná",
    "Egeplade",
)


@dataclass
class W3Content(Content):
    """Content printed with a nation's conventions. ``extra_taxes`` are taxes stacked on the same base
    (Canadian GST + PST): (label, rate) each, a tax line of its own."""

    nation: Nation | None = None
    seller_ids: Ids | None = None
    buyer_ids: Ids | None = None
    units: dict[str, str] = dataclasses.field(default_factory=dict)
    extra_taxes: tuple[tuple[str, Decimal], ...] = ()
    unprinted: tuple[str, ...] = ()
    texts: dict[str, str] = dataclasses.field(default_factory=dict)

    # Numbers, money and dates in the nation's conventions.
    def num(self, value: Decimal) -> str:
        assert self.nation is not None
        n = self.nation
        decimals = 0 if n.whole_money else 2
        q = value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        sign = "-" if q < 0 else ""
        integer, _, fraction = f"{abs(q):f}".partition(".")
        grouped = f"{int(integer):,}".replace(",", n.thousands)
        return f"{sign}{grouped}{n.decimal}{fraction}" if fraction else f"{sign}{grouped}"

    def money(self, value: Decimal) -> str:
        assert self.nation is not None
        if self.nation.sign_before:
            text = self.num(value)
            return f"-{self.nation.sign}{text[1:]}" if text.startswith("-") else f"{self.nation.sign}{text}"
        return f"{self.num(value)} {self.nation.sign}"

    def qty(self, value: Decimal) -> str:
        assert self.nation is not None
        text = f"{value.normalize():f}"
        return text.replace(".", self.nation.decimal)

    def rate(self, value: Decimal) -> str:
        return self.qty(value) + " %"

    def day(self, value: date) -> str:
        style = self.date_format
        if style == "iso":
            return value.isoformat()
        if style == "dot_dmy":
            return f"{value.day:02d}.{value.month:02d}.{value.year}"
        if style == "dot_dmy_short":
            return f"{value.day}.{value.month}.{value.year}"
        if style == "cz_spaced":
            return f"{value.day}. {value.month}. {value.year}"
        if style == "hu":
            return f"{value.year}.{value.month:02d}.{value.day:02d}."
        if style == "dash_dmy":
            return f"{value.day:02d}-{value.month:02d}-{value.year}"
        if style == "slash_dmy":
            return f"{value.day:02d}/{value.month:02d}/{value.year}"
        if style == "long_en":
            return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
        if style == "us_long":
            return f"{MONTHS_EN[value.month - 1]} {value.day}, {value.year}"
        raise ValueError(style)

    def tax_groups(self) -> list[tuple[Decimal, Decimal, Decimal]]:
        groups = super().tax_groups()
        if self.nation is not None and self.nation.whole_money:  # forint: every tax rounded to whole units
            groups = [(r, b, t.quantize(Decimal(1), ROUND_HALF_UP)) for r, b, t in groups]
        stacked = [
            (rate, base, (base * rate / 100).quantize(CENT, ROUND_HALF_UP))
            for _label, rate in self.extra_taxes
            for _r, base, _t in groups
        ]
        return groups + stacked

    def expected(self) -> dict[str, Any]:
        entry = super().expected()
        fields = entry["fields"]
        fields["issuer.vat_id"] = self.seller_ids.vat_id if self.seller_ids else None
        for name in self.unprinted:
            fields.pop(name, None)
        if self.language in {"pt", "ro"}:  # series + number, or the number after "nr." alone
            fields["invoice_number"] = [self.number, self.number.split(" ", 1)[1]]
        entry["fields"] = {k: v for k, v in fields.items() if v is not None}
        if self.nation is not None and self.nation.whole_money:
            for item in entry["line_items"]:
                for key in ("unit_price", "amount"):
                    item[key] = str(Decimal(item[key]).quantize(CENT))
        return entry


def _party(rng: random.Random, code: str, name: str, *, with_bank: bool) -> tuple[Party, Ids]:
    nation = NATIONS[code]
    country = nation.country
    street = f"{rng.choice(country.streets)} {rng.randint(1, 120)}"
    if code in {"AU", "CA"}:
        street = f"{rng.randint(1, 480)} {rng.choice(country.streets)}"
    postal, city = rng.choice(country.cities)
    postal_city = f"{city} {postal}" if code in {"AU", "CA"} else f"{postal} {city}"
    ids = make_ids(rng, code)
    bank = make_iban(rng, code) if with_bank else None
    slug = (
        "".join(ch for ch in name.split(maxsplit=1)[0].casefold() if ch.isascii() and ch.isalpha()) or "firma"
    )
    party = Party(
        name=name,
        street=street,
        postal_city=postal_city,
        country=country,
        vat_id=ids.vat_id,
        vat_id_printed=ids.vat_id,
        iban=bank[0] if bank else None,
        iban_printed=bank[1] if bank else None,
        bic=bank[2] if bank else None,
        bank_name=bank[3] if bank else None,
        phone=f"+{rng.randint(30, 90)} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        email=f"faktura@{slug}.example",
    )
    return party, ids


def make_world3_content(doc_id: str, layout: str, language: str, rng: random.Random) -> W3Content:
    code = COUNTRY_OF_LANGUAGE[language]
    nation = NATIONS[code]
    seller_name = f"{rng.choice(SELLERS3[code])} {rng.choice(nation.country.legal_forms)}"
    seller, seller_ids = _party(rng, code, seller_name, with_bank=True)
    buyer, buyer_ids = _party(rng, code, rng.choice(BUYERS3[code]), with_bank=False)
    rates = [Decimal(r) for r in nation.country.tax_rates]
    two_rates = len(rates) > 1 and rng.random() < 0.45
    lines: list[Line] = []
    units: dict[str, str] = {}
    for text, unit in rng.sample(ITEMS3[language], rng.randint(2, 4)):
        reduced = any(word in text for word in REDUCED_WORDS)
        rate = rates[1] if two_rates and reduced else rates[0]
        quantity = Decimal(rng.choice(("1", "2", "3", "4", "8", "12", "0.5", "2.5")))
        if nation.whole_money:
            quantity = Decimal(rng.choice(("1", "2", "3", "5", "10")))
            price = Decimal(rng.randint(15, 9000) * 100)
        else:
            price = Decimal(rng.randint(900, 480000)) / 100
        lines.append(Line(text, "", quantity, price, rate))
        units[text] = unit
    if two_rates and len({line.rate for line in lines}) < 2:
        lines[-1] = dataclasses.replace(lines[-1], rate=rates[1])
    issue = date(2025, 1, 1) + timedelta(days=rng.randint(0, 640))
    number = {
        "PL": f"FV/{issue.year}/{issue.month:02d}/{rng.randint(1, 400):03d}",
        "CZ": f"{issue.year}{rng.randint(1, 999):04d}",
        "SK": f"{issue.year}{rng.randint(1, 999):04d}",
        "PT": f"FT {issue.year}A/{rng.randint(1, 3000)}",
        "SE": f"{rng.randint(10000, 99999)}",
        "DK": f"{rng.randint(1000, 99999)}",
        "NO": f"{rng.randint(10000, 99999)}",
        "FI": f"{rng.randint(1000, 99999)}",
        "HU": f"{rng.choice(('SZ', 'KSZ', 'A'))}-{issue.year}-{rng.randint(1, 9999):04d}",
        "TR": f"{rng.choice(('ABC', 'YLD', 'GIB'))}{issue.year}{rng.randint(1, 999999999):09d}",
        "RO": f"{rng.choice(('TIP', 'ION', 'BV'))} {rng.randint(1, 9999):04d}",
        "AU": f"INV-{rng.randint(1000, 99999)}",
        "CA": f"{rng.randint(1000, 99999)}",
    }[code]
    extra: tuple[tuple[str, Decimal], ...] = ()
    texts: dict[str, str] = {}
    if code == "CA":
        province = buyer.postal_city.rsplit(", ", 1)[-1].split()[0]
        extra = {"BC": (("PST", Decimal(7)),), "MB": (("RST", Decimal(7)),)}.get(province, ())
        if province == "ON":  # HST replaces GST in Ontario: one tax at 13 %
            lines = [dataclasses.replace(line, rate=Decimal(13)) for line in lines]
            texts["tax_name"] = "HST"
        else:
            texts["tax_name"] = "GST"
    unprinted: tuple[str, ...] = ()
    if code in {"AU", "CA"}:
        unprinted = ("issuer.iban", "issuer.bic")
    elif code == "RO":  # "Cont" (the IBAN) and "Banca" (its name): no BIC printed
        unprinted = ("issuer.bic",)
    return W3Content(
        doc_id=doc_id,
        language=language,
        seller=seller,
        buyer=buyer,
        number=number,
        issue=issue,
        due=issue + timedelta(days=rng.choice((7, 14, 21, 30))),
        currency=nation.country.currency,
        number_format="space_comma",
        date_format=rng.choice(nation.date_styles),
        money_style="symbol_suffix",
        lines=lines,
        customer_no=f"{rng.randint(1000, 99999)}",
        labels=LABELS3[language],
        nation=nation,
        seller_ids=seller_ids,
        buyer_ids=buyer_ids,
        units=units,
        extra_taxes=extra,
        unprinted=unprinted,
        texts=texts,
    )
