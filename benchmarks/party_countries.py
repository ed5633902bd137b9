"""Invented parties of many countries for ``invented_parties.py``: company and person names with their
countries' legal forms, addresses, VAT ids printed in each country's usual forms (check digits found with
python-stdnum), tax and register numbers that are no VAT id, and party-block labels in twelve languages.

The contract's VAT id (what ``expected`` holds, compared without spaces, dots and dashes): EU, GB, CH and
NO ids carry their country prefix even where the page prints them bare after a national label ("P.IVA
01234567890" → IT01234567890, "NIP 123-456-32-18" → PL1234563218, "CVR-nr. 12345678" → DK12345678), Swiss
ids keep their language suffix (CHE123456789MWST), Norwegian ones their MVA; Indian GSTINs and Australian
ABNs are read as printed. A US employer id (EIN), a German Steuernummer, a French SIRET/SIREN, a Dutch KvK,
a Polish REGON or KRS, a Czech IČO, a Swedish Org.nr, an Indian PAN or CIN, an Australian ACN and company
register numbers are no VAT id.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from stdnum import get_cc_module
from stdnum.au import abn
from stdnum.in_ import gstin

DIGITS = "0123456789"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _digits(rng: random.Random, count: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice(DIGITS) for _ in range(count - 1))


def _valid(rng: random.Random, make: Callable[[random.Random], str], check: Callable[[str], bool]) -> str:
    while True:
        candidate = make(rng)
        if check(candidate):
            return candidate


def _eu(country: str) -> Callable[[str], bool]:
    module = get_cc_module(country, "vat")
    assert module is not None
    return lambda number: bool(module.is_valid(number))


def _group(text: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    parts, start = [], 0
    for size in sizes:
        parts.append(text[start : start + size])
        start += size
    if start < len(text):
        parts.append(text[start:])
    return sep.join(parts)


@dataclass(frozen=True)
class TaxId:
    expected: str  # the contract's form
    label: str
    shown: str  # the number as the page prints it

    @property
    def printed(self) -> str:
        return f"{self.label} {self.shown}"


def vat_id(country: str, rng: random.Random) -> TaxId | None:
    """A valid VAT id of the country printed in one of its usual forms; None where none is printed (US)."""
    maker = _VAT.get(country)
    return None if maker is None else maker(rng)


def _de(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "DE" + _digits(r, 9), _eu("de"))
    label = rng.choice(["USt-IdNr.:", "USt-ID:", "Umsatzsteuer-ID:", "USt.-Id.-Nr.", "UStIdNr."])
    shown = rng.choice([number, f"DE {_group(number[2:], (3, 3, 3))}"])
    return TaxId(number, label, shown)


def _at(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "ATU" + _digits(r, 8), _eu("at"))
    return TaxId(number, rng.choice(["UID-Nr.:", "UID:", "USt-IdNr.:"]), number)


def _ch(rng: random.Random, suffix: str = "MWST") -> TaxId:
    number = _valid(rng, lambda r: "CHE" + _digits(r, 9) + suffix, _eu("ch"))
    shown = f"CHE-{_group(number[3:12], (3, 3, 3), '.')} {suffix}"
    label = {"MWST": ["MWST-Nr.:", "UID:", "MWST:"], "TVA": ["N° TVA :", "IDE :"]}[suffix]
    return TaxId(number, rng.choice(label), shown)


def _fr(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "FR" + _digits(r, 2, DIGITS) + _digits(r, 9), _eu("fr"))
    label = rng.choice(["N° TVA intracom. :", "TVA intracommunautaire :", "N° TVA :", "TVA Intra :"])
    shown = rng.choice([number, f"FR {number[2:4]} {_group(number[4:], (3, 3, 3))}"])
    return TaxId(number, label, shown)


def _be(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "BE0" + _digits(r, 9), _eu("be"))
    label = rng.choice(["TVA", "BTW", "TVA/BTW", "N° TVA :"])
    shown = rng.choice([f"BE {number[2:6]}.{number[6:9]}.{number[9:]}", f"BE{number[2:]}"])
    return TaxId(number, label, shown)


def _es(rng: random.Random) -> TaxId:
    def make(r: random.Random) -> str:
        return "ES" + r.choice("ABCDEFGHJ") + _digits(r, 7, DIGITS) + r.choice(DIGITS)

    number = _valid(rng, make, _eu("es"))
    label = rng.choice(["NIF:", "CIF:", "N.I.F.:", "C.I.F.", "NIF/CIF:"])
    body = number[2:]
    shown = rng.choice([body, f"{body[0]}-{body[1:]}", number])
    return TaxId(number, label, shown)


def _it(rng: random.Random) -> TaxId:
    def make(r: random.Random) -> str:
        return "IT" + _digits(r, 7, "0123456789") + f"{r.randint(1, 99):03d}" + r.choice(DIGITS)

    number = _valid(rng, make, _eu("it"))
    label = rng.choice(["P.IVA", "P. IVA", "Partita IVA:", "P.IVA e C.F.", "P.I."])
    shown = rng.choice([number[2:], number[2:], number])
    return TaxId(number, label, shown)


def _nl(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "NL" + _digits(r, 9) + "B01", _eu("nl"))
    label = rng.choice(["BTW-nr:", "Btw-nummer:", "BTW:", "BTW-nr.", "Btw-id:"])
    shown = rng.choice([number, f"NL{number[2:6]}.{number[6:8]}.{number[8:11]}.B01"])
    return TaxId(number, label, shown)


def _pt(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "PT" + _digits(r, 9, "5"), _eu("pt"))
    label = rng.choice(["NIF:", "Contribuinte:", "NIPC:", "N.º Contribuinte:"])
    shown = rng.choice([number[2:], f"PT {_group(number[2:], (3, 3, 3))}"])
    return TaxId(number, label, shown)


def _pl(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "PL" + _digits(r, 10), _eu("pl"))
    body = number[2:]
    shown = rng.choice([f"{body[:3]}-{body[3:6]}-{body[6:8]}-{body[8:]}", body, number])
    return TaxId(number, "NIP:", shown)


def _cz(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "CZ" + _digits(r, 8, "1234567"), _eu("cz"))
    return TaxId(number, rng.choice(["DIČ:", "DIČ", "DIČ (VAT):"]), number)


def _se(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "SE" + _digits(r, 10, "5") + "01", _eu("se"))
    label = rng.choice(["Momsreg.nr:", "Momsreg.nr", "VAT-nr:", "Momsregistreringsnummer:"])
    return TaxId(number, label, number)


def _dk(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "DK" + _digits(r, 8), _eu("dk"))
    shown = rng.choice([number[2:], number, f"DK {_group(number[2:], (2, 2, 2, 2))}"])
    return TaxId(number, rng.choice(["CVR-nr.:", "CVR:", "CVR-nr.", "Moms-nr.:"]), shown)


def _no(rng: random.Random) -> TaxId:
    body = _valid(rng, lambda r: "NO" + _digits(r, 9, "89") + "MVA", _eu("no"))[2:11]
    label = rng.choice(["Org.nr:", "Org. nr.", "Foretaksregisteret", "Org.nr."])
    shown = rng.choice([f"{_group(body, (3, 3, 3))} MVA", f"NO {_group(body, (3, 3, 3))} MVA"])
    return TaxId(f"NO{body}MVA", label, shown)


def _gb(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "GB" + _digits(r, 9), _eu("gb"))
    label = rng.choice(["VAT Reg. No.:", "VAT No.", "VAT Registration Number:", "VAT Reg No"])
    grouped = _group(number[2:], (3, 4, 2))
    shown = rng.choice([f"GB {grouped}", grouped, number[2:], number])
    return TaxId(number, label, shown)


def _ie(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: "IE" + _digits(r, 7) + r.choice("ABCDEFGHW"), _eu("ie"))
    return TaxId(number, rng.choice(["VAT No:", "VAT Reg. No.", "VAT number:"]), number)


def _in(rng: random.Random) -> TaxId:
    def make(r: random.Random) -> str:
        pan = "".join(r.choice(LETTERS) for _ in range(3)) + "C" + r.choice(LETTERS) + _digits(r, 4)
        state = r.choice(["27", "29", "07", "33", "24"])
        return f"{state}{pan}{r.choice(LETTERS)}1Z{r.choice(DIGITS + LETTERS)}"

    number = _valid(rng, make, lambda n: bool(gstin.is_valid(n)))
    return TaxId(number, rng.choice(["GSTIN:", "GSTIN/UIN:", "GST No.:", "GSTIN"]), number)


def _au(rng: random.Random) -> TaxId:
    number = _valid(rng, lambda r: _digits(r, 11), lambda n: bool(abn.is_valid(n)))
    shown = rng.choice([_group(number, (2, 3, 3, 3)), number])
    return TaxId(number, rng.choice(["ABN:", "ABN"]), shown)


# Latin America's taxpayer numbers (the ids those countries print where Europe prints a VAT id), each
# valid by python-stdnum's module for it and printed in one of its usual forms; the contract reads them as
# printed. Per country: the module, the number drawn, its labels and its printed shapes.
_LATIN_AMERICAN: dict[
    str, tuple[str, Callable[[random.Random], str], list[str], Callable[[str], list[str]]]
] = {
    "VE": (
        "rif",
        lambda r: r.choice("JVG") + _digits(r, 9),
        ["RIF:", "R.I.F.:", "RIF"],
        lambda n: [f"{n[0]}-{n[1:9]}-{n[9]}", f"{n[0]}-{n[1:3]}.{n[3:6]}.{n[6:9]}-{n[9]}", n],
    ),
    "AR": (
        "cuit",
        lambda r: r.choice(["20", "27", "30", "33"]) + _digits(r, 9),
        ["CUIT:", "C.U.I.T.:", "CUIT N°"],
        lambda n: [f"{n[:2]}-{n[2:10]}-{n[10]}", n],
    ),
    "CL": (
        "rut",
        lambda r: _digits(r, 8, "7") + r.choice(DIGITS + "K"),
        ["RUT:", "R.U.T.:", "RUT"],
        lambda n: [f"{n[:2]}.{n[2:5]}.{n[5:8]}-{n[8]}", f"{n[:8]}-{n[8]}"],
    ),
    "CO": (
        "nit",
        lambda r: _digits(r, 10, "89"),
        ["NIT:", "NIT", "N.I.T.:"],
        lambda n: [f"{n[:3]}.{n[3:6]}.{n[6:9]}-{n[9]}", f"{n[:9]}-{n[9]}"],
    ),
    "PE": (
        "ruc",
        lambda r: r.choice(["10", "20"]) + _digits(r, 9),
        ["RUC:", "R.U.C.:", "RUC N°"],
        lambda n: [n],
    ),
}


def _latin_american(country: str) -> Callable[[random.Random], TaxId]:
    name, make, labels, shapes = _LATIN_AMERICAN[country]
    module = get_cc_module(country.lower(), name)
    assert module is not None

    def draw(rng: random.Random) -> TaxId:
        number = _valid(rng, make, lambda n: bool(module.is_valid(n)))
        return TaxId(number, rng.choice(labels), rng.choice(shapes(number)))

    return draw


def _mx(rng: random.Random) -> TaxId:
    def make(r: random.Random) -> str:
        letters = "".join(r.choice(LETTERS) for _ in range(3))
        date = f"{r.randint(0, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        return letters + date + "".join(r.choice(LETTERS + DIGITS) for _ in range(3))

    module = get_cc_module("mx", "rfc")
    assert module is not None
    number = _valid(rng, make, lambda n: bool(module.is_valid(n)))
    shown = rng.choice([number, f"{number[:3]}-{number[3:9]}-{number[9:]}"])
    return TaxId(number, rng.choice(["RFC:", "R.F.C.:", "RFC"]), shown)


_VAT: dict[str, Callable[[random.Random], TaxId]] = {
    "DE": _de,
    "AT": _at,
    "CH": _ch,
    "FR": _fr,
    "BE": _be,
    "ES": _es,
    "IT": _it,
    "NL": _nl,
    "PT": _pt,
    "PL": _pl,
    "CZ": _cz,
    "SE": _se,
    "DK": _dk,
    "NO": _no,
    "GB": _gb,
    "IE": _ie,
    "IN": _in,
    "AU": _au,
    **{country: _latin_american(country) for country in _LATIN_AMERICAN},
    "MX": _mx,
}
# Countries that print a national taxpayer number where Europe prints a VAT id.
LATIN_AMERICA = ("VE", "AR", "CL", "CO", "PE", "MX")


def other_numbers(country: str, rng: random.Random, vat: TaxId | None) -> list[str]:
    """Tax and register numbers that are no VAT id, as the country prints them beside (or instead of) it."""
    body = vat.expected if vat else ""
    siren = _group(body[4:] or _digits(rng, 9), (3, 3, 3))
    options: dict[str, list[str]] = {
        "DE": [
            f"Steuernummer: {rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}",
            f"St.-Nr. {rng.randint(100, 999)}/{rng.randint(1000, 9999)}/{rng.randint(1000, 9999)}",
            f"Amtsgericht {rng.choice(['Hamburg', 'München', 'Köln'])} HRB {rng.randint(10000, 199999)}",
        ],
        "AT": [f"FN {rng.randint(100000, 599999)} {rng.choice('abdfhkmpt')}", "Handelsgericht Wien"],
        "CH": [f"Handelsregister Kanton Zürich CH-020.3.{rng.randint(100, 999)}.{rng.randint(100, 999)}-1"],
        "FR": [
            f"SIRET : {siren} {_digits(rng, 5, '0')}",
            f"RCS {rng.choice(['Lyon', 'Paris', 'Nantes'])} B {siren}",
            f"Code APE {rng.randint(1000, 9999)}Z",
        ],
        "BE": [f"RPM {rng.choice(['Bruxelles', 'Liège', 'Namur'])}"],
        "ES": [
            f"Inscrita en el Registro Mercantil de Madrid, Tomo {rng.randint(1000, 40000)},"
            f" Hoja M-{_digits(rng, 6)}"
        ],
        "IT": [f"REA MI-{_digits(rng, 7)}", "Cap. Soc. € 10.000,00 i.v."],
        "NL": [f"KvK: {_digits(rng, 8)}", f"KvK-nummer {_digits(rng, 8)}"],
        "PT": ["Capital social 5.000,00 €", "Conservatória do Registo Comercial de Lisboa"],
        "PL": [f"REGON: {_digits(rng, 9)}", f"KRS: 0000{_digits(rng, 6)}"],
        "CZ": [f"IČ: {body[2:] or _digits(rng, 8)}", f"IČO: {body[2:] or _digits(rng, 8)}"],
        "SE": [
            f"Org.nr: {body[2:8] or _digits(rng, 6, '5')}-{body[8:12] or _digits(rng, 4)}",
            "Innehar F-skattsedel",
        ],
        "DK": [],
        "NO": ["Foretaksregisteret"],
        "GB": [f"Company No. {_digits(rng, 8, '01')}", "Registered in England and Wales"],
        "IE": [f"CRO No. {_digits(rng, 6)}"],
        "IN": [
            f"PAN: {body[2:12] if body else 'AAACX1234F'}",
            f"CIN: U{_digits(rng, 5)}MH{rng.randint(2005, 2020)}PTC{_digits(rng, 6)}",
        ],
        "AU": [f"ACN {_group(body[2:] or _digits(rng, 9), (3, 3, 3))}"],
        "US": [
            f"EIN: {_digits(rng, 2)}-{_digits(rng, 7)}",
            f"Federal Tax ID: {_digits(rng, 2)}-{_digits(rng, 7)}",
        ],
    }
    choices = options.get(country, [])
    return rng.sample(choices, k=min(len(choices), rng.randint(1, 2))) if choices else []


# --- names and addresses ---------------------------------------------------------------------------------

FORMS = {
    "DE": ["GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG (haftungsbeschränkt)", "KG", "OHG"],
    "AT": ["GmbH", "KG", "Ges.m.b.H.", "e.U."],
    "CH": ["AG", "GmbH", "SA", "Sàrl"],
    "FR": ["SARL", "SAS", "SA", "EURL", "SASU"],
    "BE": ["SRL", "SA", "BV", "NV", "SPRL"],
    "ES": ["S.L.", "S.A.", "S.L.U.", "SL"],
    "IT": ["S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "Srl"],
    "NL": ["B.V.", "BV", "N.V.", "V.O.F."],
    "PT": ["Lda", "Lda.", "S.A.", "Unipessoal, Lda"],
    "PL": ["Sp. z o.o.", "S.A.", "sp.j.", "Spółka z o.o."],
    "CZ": ["s.r.o.", "a.s.", "spol. s r.o."],
    "SE": ["AB", "HB"],
    "DK": ["ApS", "A/S", "I/S"],
    "NO": ["AS", "ASA"],
    "GB": ["Ltd", "Limited", "PLC", "LLP", "Ltd."],
    "IE": ["Limited", "Ltd", "DAC", "Teoranta"],
    "US": ["LLC", "Inc.", "Corp.", "Co."],
    "IN": ["Pvt. Ltd.", "Private Limited", "LLP", "Pvt Ltd"],
    "AU": ["Pty Ltd", "Pty. Ltd.", "Pty Limited"],
    "LU": ["S.à r.l.", "S.A."],
    "VE": ["S.A.", "S.R.L."],
    "AR": ["S.A.", "S.R.L.", "S.A.S."],
    "CL": ["SpA", "Ltda.", "S.A."],
    "CO": ["S.A.S.", "Ltda.", "S.A."],
    "PE": ["S.A.C.", "S.A.", "S.R.L."],
    "MX": ["S.A. de C.V.", "S. de R.L. de C.V.", "S.A."],
}
STEMS = {
    "DE": ["Hartmann", "Brennwald", "Kessler", "Obermaier", "Wendel", "Lindner", "Schäfer", "Nordlicht"],
    "AT": ["Gruber", "Steinacher", "Pichler", "Alpenwerk", "Moser"],
    "CH": ["Zürcher", "Bergmann", "Helvetia Nova", "Ruefli", "Aebischer"],
    "FR": ["Durand", "Moreau", "Lefèvre", "Bellerive", "Chauvet", "Garnier"],
    "BE": ["Vandamme", "Dubois", "Peeters", "Lambert", "Maes"],
    "ES": ["Ibarra", "Montoya", "Castells", "Rivera", "Albéniz", "Soler"],
    "IT": ["Ferri", "Bianchi", "Colombo", "Marchetti", "Galli", "Rinaldi"],
    "NL": ["Van Dijk", "De Vries", "Bakker", "Van der Berg", "Mulder", "Visser"],
    "PT": ["Moreira", "Ferreira", "Carvalho", "Sousa", "Pinheiro"],
    "PL": ["Kowalski", "Nowak", "Wiśniewski", "Zieliński", "Lewandowski", "Kamiński"],
    "CZ": ["Novák", "Dvořák", "Svoboda", "Černý", "Procházka", "Kučera"],
    "SE": ["Lindqvist", "Bergström", "Åkesson", "Sandberg", "Holmgren"],
    "DK": ["Holm", "Sørensen", "Kjær", "Mørk", "Lund", "Dahl"],
    "NO": ["Fjordkraft", "Haugen", "Solberg", "Bakken", "Nordahl"],
    "GB": ["Ashcombe", "Kestrel", "Brightwater", "Hollins", "Pemberton", "Thistle"],
    "IE": ["O'Connell", "Brennan", "Shannon", "Kilbride", "Doyle"],
    "US": ["Brightline", "Redwood", "Summit", "Carver", "Lakeshore", "Ironbridge"],
    "IN": ["Sharma", "Patel", "Lakshmi", "Sahyadri", "Nandi", "Ganga"],
    "AU": ["Koala", "Wattle", "Southern Cross", "Bondi", "Eucalypt"],
    "LU": ["Kremer", "Wagner", "Moselle", "Schmit"],
    **{
        country: stems.split("|")
        for country, stems in (
            ("VE", "Ávila|Orinoco|Caroní|Mérida|Llanos"),
            ("AR", "Pampa|Rivadavia|Belgrano|Iguazú|Patagonia"),
            ("CL", "Cordillera|Valparaíso|Atacama|Pacífico|Araucaria"),
            ("CO", "Magdalena|Andina|Cafetera|Caribe|Sabana"),
            ("PE", "Inca|Rímac|Andes|Chavín|Titicaca"),
            ("MX", "Azteca|Sierra Madre|Anáhuac|Maya|Bajío"),
        )
    },
}
TRADES = {
    "de": ["Kältetechnik", "Logistik", "Elektro", "Bau", "Consulting", "Druckerei", "Haustechnik"],
    "fr": ["Conseil", "Bâtiment", "Imprimerie", "Transports", "Électricité", "Informatique"],
    "es": ["Construcciones", "Suministros", "Consultores", "Transportes", "Instalaciones"],
    "it": ["Impianti", "Costruzioni", "Forniture", "Servizi", "Tipografia"],
    "nl": ["Installatie", "Bouw", "Logistiek", "Advies", "Drukwerk"],
    "pt": ["Tintas", "Construções", "Transportes", "Serviços", "Materiais"],
    "pl": ["Serwis", "Budownictwo", "Transport", "Instalacje", "Doradztwo"],
    "cs": ["Stavby", "Elektro", "Doprava", "Servis", "Tiskárna"],
    "sv": ["Bygg", "El", "Transport", "Konsult", "Tryck"],
    "da": ["Byg", "El-service", "Transport", "Rådgivning", "Tryk"],
    "nb": ["Elektro", "Bygg", "Transport", "Rådgivning", "Trykk"],
    "en": ["Analytics", "Print", "Logistics", "Engineering", "Consulting", "Supplies", "Digital"],
}
FIRST = {
    "de": ["Anna", "Jürgen", "Katrin", "Matthias", "Sabine"],
    "fr": ["Camille", "Luc", "Hélène", "Thierry"],
    "es": ["Lucía", "Javier", "Carmen", "Andrés"],
    "it": ["Giulia", "Marco", "Francesca", "Paolo"],
    "nl": ["Sanne", "Pieter", "Anouk", "Joost"],
    "pt": ["Inês", "João", "Mariana", "Rui"],
    "pl": ["Katarzyna", "Piotr", "Agnieszka", "Tomasz"],
    "cs": ["Jana", "Petr", "Lucie", "Tomáš"],
    "sv": ["Karin", "Lars", "Ingrid", "Mats"],
    "da": ["Mette", "Søren", "Line", "Jesper"],
    "nb": ["Ingrid", "Ola", "Silje", "Håkon"],
    "en": ["Sarah", "James", "Priya", "Michael", "Emily"],
}
LAST = {
    "de": ["Müller", "Becker", "Hoffmann", "Krüger"],
    "fr": ["Martin", "Bernard", "Rousseau", "Faure"],
    "es": ["García", "Fernández", "López", "Navarro"],
    "it": ["Rossi", "Esposito", "Romano", "Greco"],
    "nl": ["Jansen", "de Boer", "Smit", "Meijer"],
    "pt": ["Silva", "Santos", "Costa", "Oliveira"],
    "pl": ["Wójcik", "Kowalczyk", "Mazur", "Krawczyk"],
    "cs": ["Horák", "Němec", "Marek", "Pokorná"],
    "sv": ["Johansson", "Nilsson", "Eriksson", "Larsson"],
    "da": ["Nielsen", "Jensen", "Hansen", "Pedersen"],
    "nb": ["Hansen", "Johansen", "Olsen", "Larsen"],
    "en": ["Thompson", "Walker", "Iyer", "Carter", "Evans"],
}
STREETS = {
    "DE": (
        "{s}straße {n}",
        ["Hafen", "Linden", "Berliner ", "Industrie"],
        "{p} {c}",
        ["Hamburg", "Köln", "Leipzig"],
    ),
    "AT": ("{s}gasse {n}", ["Mariahilfer ", "Schotten", "Wiener "], "A-{p} {c}", ["Wien", "Graz", "Linz"]),
    "CH": ("{s}strasse {n}", ["Bahnhof", "Seefeld", "Zürcher"], "CH-{p} {c}", ["Zürich", "Bern", "Basel"]),
    "FR": (
        "{n}, rue {s}",
        ["de la République", "Victor Hugo", "des Lilas"],
        "{p} {c}",
        ["Lyon", "Nantes", "Paris"],
    ),
    "BE": (
        "{s} {n}",
        ["Rue Royale", "Avenue Louise", "Kerkstraat"],
        "{p} {c}",
        ["Bruxelles", "Liège", "Gent"],
    ),
    "ES": ("C/ {s}, {n}", ["Mayor", "de Alcalá", "Gran Vía"], "{p} {c}", ["Madrid", "Valencia", "Bilbao"]),
    "IT": (
        "Via {s}, {n}",
        ["Roma", "Garibaldi", "dei Mille"],
        "{p} {c} ({a})",
        ["Milano", "Torino", "Bologna"],
    ),
    "NL": (
        "{s} {n}",
        ["Keizersgracht", "Stationsweg", "Dorpsstraat"],
        "{p4} {c}",
        ["Utrecht", "Amsterdam", "Delft"],
    ),
    "PT": ("Rua {s}, {n}", ["Augusta", "do Carmo", "das Flores"], "{pt} {c}", ["Lisboa", "Porto", "Braga"]),
    "PL": ("ul. {s} {n}", ["Marszałkowska", "Długa", "Piękna"], "{pl} {c}", ["Warszawa", "Kraków", "Gdańsk"]),
    "CZ": ("{s} {n}", ["Vinohradská", "Masarykova", "Národní"], "{cz} {c}", ["Praha 2", "Brno", "Ostrava"]),
    "SE": (
        "{s} {n}",
        ["Storgatan", "Kungsgatan", "Drottninggatan"],
        "{se} {c}",
        ["Stockholm", "Göteborg", "Malmö"],
    ),
    "DK": (
        "{s} {n}",
        ["Vesterbrogade", "Nørregade", "Strandvejen"],
        "{p4} {c}",
        ["København V", "Aarhus C", "Odense"],
    ),
    "NO": ("{s} {n}", ["Storgata", "Kirkegata", "Bryggen"], "{p4} {c}", ["Oslo", "Bergen", "Trondheim"]),
    "GB": (
        "{n} {s}",
        ["Harbour Road", "High Street", "Station Lane"],
        "{c} {gb}",
        ["Leeds", "Bristol", "York"],
    ),
    "IE": (
        "{n} {s}",
        ["Main Street", "Quay Road", "Grafton Street"],
        "{c} {ie}",
        ["Dublin 2", "Cork", "Galway"],
    ),
    "US": (
        "{n} {s}",
        ["Maple Avenue", "Market Street", "Oak Drive"],
        "{c} {us}",
        ["Denver", "Austin", "Portland"],
    ),
    "IN": (
        "{n}, {s}",
        ["MG Road", "Linking Road", "Anna Salai"],
        "{c} - {in}",
        ["Mumbai", "Bengaluru", "Pune"],
    ),
    "AU": (
        "{n} {s}",
        ["George Street", "Collins Street", "Queen Street"],
        "{c} {au}",
        ["Sydney", "Melbourne"],
    ),
    "LU": (
        "{n}, {s}",
        ["rue de la Gare", "boulevard Royal"],
        "L-{p4} {c}",
        ["Luxembourg", "Esch-sur-Alzette"],
    ),
    "VE": (
        "Av. {s}, Nro. {n}",
        ["Libertador", "Francisco de Miranda", "Urdaneta"],
        "{c} {p4}",
        ["Caracas", "Maracaibo"],
    ),
    "AR": ("Av. {s} {n}", ["Corrientes", "Santa Fe", "Rivadavia"], "C{p4} {c}", ["Buenos Aires", "Córdoba"]),
    "CL": ("{s} {n}", ["Av. Providencia", "Huérfanos", "Apoquindo"], "{c}", ["Santiago", "Valparaíso"]),
    "CO": ("Calle {n} # {s}", ["7-45", "12-30", "45-18"], "{c}", ["Bogotá D.C.", "Medellín", "Cali"]),
    "PE": ("Av. {s} {n}", ["Arequipa", "Javier Prado", "La Marina"], "{c}", ["Lima", "Miraflores, Lima"]),
    "MX": (
        "{s} {n}",
        ["Av. Reforma", "Calle Madero", "Av. Insurgentes Sur"],
        "C.P. {p} {c}",
        ["Ciudad de México", "Guadalajara"],
    ),
}
LANGUAGE = {
    "DE": "de",
    "AT": "de",
    "CH": "de",
    "FR": "fr",
    "BE": "fr",
    "ES": "es",
    "IT": "it",
    "NL": "nl",
    "PT": "pt",
    "PL": "pl",
    "CZ": "cs",
    "SE": "sv",
    "DK": "da",
    "NO": "nb",
    "GB": "en",
    "IE": "en",
    "US": "en",
    "IN": "en",
    "AU": "en",
    "LU": "fr",
    **{country: "es" for country in LATIN_AMERICA},
}
COUNTRY_NAME = {
    "DE": "Deutschland",
    "AT": "Österreich",
    "CH": "Schweiz",
    "FR": "France",
    "BE": "Belgique",
    "ES": "España",
    "IT": "Italia",
    "NL": "Nederland",
    "PT": "Portugal",
    "PL": "Polska",
    "CZ": "Česká republika",
    "SE": "Sverige",
    "DK": "Danmark",
    "NO": "Norge",
    "GB": "United Kingdom",
    "IE": "Ireland",
    "US": "USA",
    "IN": "India",
    "AU": "Australia",
    "LU": "Luxembourg",
    "VE": "Venezuela",
    "AR": "Argentina",
    "CL": "Chile",
    "CO": "Colombia",
    "PE": "Perú",
    "MX": "México",
}


def address(country: str, rng: random.Random) -> list[str]:
    street, stems, city_form, cities = STREETS[country]
    codes = {
        "p": f"{rng.randint(10000, 99999)}",
        "p4": f"{rng.randint(1000, 9999)}",
        "pt": f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}",
        "pl": f"{rng.randint(10, 99)}-{rng.randint(100, 999)}",
        "cz": f"{rng.randint(100, 799)} {rng.randint(10, 99)}",
        "se": f"{rng.randint(100, 999)} {rng.randint(10, 99)}",
        "gb": rng.choice(["LS1 4AB", "BS8 2QT", "YO1 7HH"]),
        "ie": rng.choice(["D02 X285", "T12 RX4P", ""]).strip(),
        "us": f"{rng.choice(['CO', 'TX', 'OR'])} {rng.randint(10000, 99999)}",
        "in": f"{rng.randint(400001, 599999)}",
        "au": f"{rng.choice(['NSW', 'VIC', 'QLD'])} {rng.randint(2000, 4999)}",
        "a": rng.choice(["MI", "TO", "BO"]),
    }
    line1 = street.format(s=rng.choice(stems), n=rng.randint(1, 180))
    line2 = city_form.format(c=rng.choice(cities), **codes).strip()
    return [line1, line2]


@dataclass
class Party:
    country: str
    name: str  # as printed in the party's own block
    accepted: list[str]  # names that count as right (the printed one first)
    address: list[str]
    vat: TaxId | None
    others: list[str] = field(default_factory=list)  # numbers that are no VAT id
    person: str = ""  # a contact / attention person
    base: str = ""  # the name without its legal form (a letterhead's brand)

    @property
    def language(self) -> str:
        return LANGUAGE[self.country]


def person_name(language: str, rng: random.Random) -> str:
    return f"{rng.choice(FIRST[language])} {rng.choice(LAST[language])}"


def company(
    country: str, rng: random.Random, *, with_vat: bool = True, legal_form: bool | None = None
) -> Party:
    language = LANGUAGE[country]
    stem = rng.choice(STEMS[country])
    trade = rng.choice(TRADES[language])
    shape = rng.randrange(4)
    if shape == 0:
        base = f"{stem} {trade}"
    elif shape == 1:
        base = f"{trade} {stem}" if language in ("es", "it", "pt", "fr", "pl") else f"{stem} {trade}"
    elif shape == 2:
        base = f"{stem} & {rng.choice([s for s in STEMS[country] if s != stem])}"
    else:
        base = stem
    with_form = rng.random() < 0.8 if legal_form is None else legal_form
    if with_form:
        form = rng.choice(FORMS[country])
        name = f"{base}, {form}" if form.startswith("Lda") and rng.random() < 0.5 else f"{base} {form}"
    else:
        name = f"{base} {trade}" if shape in (2, 3) else base
    vat = vat_id(country, rng) if with_vat else None
    party = Party(
        country, name, [name], address(country, rng), vat, person=person_name(language, rng), base=base
    )
    party.others = other_numbers(country, rng, vat)
    return party


SALUTATIONS = {
    "de": ["Herrn", "Frau"],
    "fr": ["M.", "Mme"],
    "es": ["Sr.", "Sra."],
    "it": ["Sig.", "Sig.ra"],
    "nl": ["Dhr.", "Mevr."],
    "pt": ["Sr.", "Sra."],
    "pl": ["Pan", "Pani"],
    "cs": ["Pan", "Paní"],
    "sv": [""],
    "da": [""],
    "nb": [""],
    "en": ["Mr", "Ms", "Dr"],
}


def private_person(country: str, rng: random.Random) -> Party:
    """A consumer: name with or without salutation (both count), no VAT id."""
    language = LANGUAGE[country]
    name = person_name(language, rng)
    salutation = rng.choice(SALUTATIONS[language])
    printed = f"{salutation} {name}".strip() if rng.random() < 0.6 else name
    accepted = list(dict.fromkeys([printed, name]))
    return Party(country, printed, accepted, address(country, rng), None)
