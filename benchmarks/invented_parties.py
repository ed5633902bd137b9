"""Issuer and recipient names and VAT ids on invented party blocks drawn as real invoices of many countries
print them (reportlab PDFs), read by the whole pipeline.

    python benchmarks/invented_parties.py [--documents 8] [--seed 0] [--only design,...] [--show N]

Each design is one way real invoices lay out their parties, drawn for parties of twenty countries in twelve
languages, and six of Latin America (``party_countries.py``: legal forms, addresses, VAT ids in each
country's printed forms beside tax and register numbers that are no VAT id, and the contract's form of each
id): a DIN 5008 / French window envelope with its tiny sender line, bill-to beside ship-to (either order;
bill-to is the recipient), seller and buyer blocks with a VAT id each, the issuer only as a drawn logo with
its legal name in the footer, the issuer's name in the header's right column beside the title, labels left
of their blocks, upper-case names, a recipient with department, attention, care-of and customer-number
lines, a letterhead brand with the legal name and register lines in the footer, both parties' VAT ids in the
meta block ("our / your VAT no."), an unlabelled recipient on the right, sold-to / bill-to / ship-to
columns, an Indian tax invoice's receiver and consignee boxes with their GSTINs, names wrapped in narrow
blocks, a US "Remit to" lockbox beside "Bill to", VAT ids typed with odd separators under their label or in
a footer grid, a marketplace invoice "sold by" its seller, issuers that print only tax numbers that are no
VAT id (small businesses), an e-invoice viewer's label / value tables under a copyright line, a freelancer
whose unlabelled block and footer name the sender beside an unlabelled customer company, and Latin American
facturas with their taxpayer numbers (RIF, CUIT, RUT, RUC, RFC, NIT) and "Señor(es):". Names, numbers and
wording are our own. The contract's form of each VAT id (what a design expects) is described in
``party_countries.py``.

Scores per design: issuer.name, issuer.vat_id, recipient.name, recipient.vat_id (a VAT id that is not
printed must come back null; names compared as ``accuracy.py`` does, any accepted form right: a person
with or without salutation, a brand or its legal name).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks.accuracy import _same, text_miss_kind  # noqa: E402

from invoiceflow.domain.models import OcrMode  # noqa: E402
from invoiceflow.domain.pipeline import extract_invoice  # noqa: E402
from item_families import Doc, fmt, money  # noqa: E402
from party_countries import (  # noqa: E402
    COUNTRY_NAME,
    LANGUAGE,
    LATIN_AMERICA,
    Party,
    address,
    company,
    person_name,
    private_person,
    vat_id,
)

FIELDS = ("issuer.name", "issuer.vat_id", "recipient.name", "recipient.vat_id")
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
if (_FONT_DIR / "DejaVuSans.ttf").exists():  # Polish, Czech and Nordic letters need a Unicode font
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(_FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(_FONT_DIR / "DejaVuSans-Bold.ttf")))
    FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
else:
    FONT, BOLD = "Helvetica", "Helvetica-Bold"

L = {  # per language: invoice words and party labels
    "en": dict(
        vat="VAT No.",
        title="INVOICE",
        no="Invoice No.",
        date="Date",
        cust="Customer No.",
        bill=["Bill to", "Invoice to", "Billed to"],
        ship=["Ship to", "Deliver to"],
        seller=["Seller", "Supplier", "Vendor", "From"],
        buyer=["Buyer", "Customer", "Client", "To"],
        attn=["Attn:", "Attention:", "FAO"],
        dept=["Accounts Payable", "Finance Department"],
        our="Our VAT no.",
        your="Your VAT no.",
        desc="Description",
        qty="Qty",
        price="Unit price",
        amount="Amount",
        net="Subtotal",
        tax="VAT",
        total="Total",
        contact="Contact",
        phone="Tel.",
        bank="Bank",
        small="VAT not charged (small business)",
    ),
    "de": dict(
        vat="USt-IdNr.",
        title="Rechnung",
        no="Rechnungsnr.",
        date="Datum",
        cust="Kundennr.",
        bill=["Rechnungsadresse", "Rechnungsempfänger", "Rechnung an"],
        ship=["Lieferadresse", "Lieferanschrift"],
        seller=["Lieferant", "Verkäufer", "Leistungserbringer"],
        buyer=["Kunde", "Käufer", "Leistungsempfänger"],
        attn=["z. Hd.", "z. H.", "Attn:"],
        dept=["Buchhaltung", "Einkauf"],
        our="Unsere USt-IdNr.",
        your="Ihre USt-IdNr.",
        desc="Bezeichnung",
        qty="Menge",
        price="Einzelpreis",
        amount="Betrag",
        net="Nettobetrag",
        tax="USt.",
        total="Gesamtbetrag",
        contact="Ansprechpartner",
        phone="Tel.",
        bank="Bankverbindung",
        small="Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
    ),
    "fr": dict(
        vat="N° TVA",
        title="FACTURE",
        no="Facture n°",
        date="Date",
        cust="N° client",
        bill=["Adresse de facturation", "Facturé à", "Facturer à"],
        ship=["Adresse de livraison", "Livré à"],
        seller=["Fournisseur", "Vendeur", "Émetteur"],
        buyer=["Client", "Acheteur", "Destinataire"],
        attn=["À l'attention de", "A l'att. de", "Attn:"],
        dept=["Service comptabilité", "Service achats"],
        our="Notre N° TVA",
        your="Votre N° TVA",
        desc="Désignation",
        qty="Qté",
        price="P.U. HT",
        amount="Montant HT",
        net="Total HT",
        tax="TVA",
        total="Total TTC",
        contact="Contact",
        phone="Tél.",
        bank="Banque",
        small="TVA non applicable, art. 293 B du CGI",
    ),
    "es": dict(
        vat="NIF-IVA",
        title="FACTURA",
        no="Factura n.º",
        date="Fecha",
        cust="N.º cliente",
        bill=["Facturar a", "Datos de facturación"],
        ship=["Enviar a", "Dirección de entrega"],
        seller=["Proveedor", "Emisor", "Vendedor"],
        buyer=["Cliente", "Receptor", "Comprador"],
        attn=["A/A:", "Att.:", "A la atención de"],
        dept=["Dpto. de Administración", "Contabilidad"],
        our="Nuestro NIF",
        your="NIF cliente",
        desc="Descripción",
        qty="Cant.",
        price="Precio",
        amount="Importe",
        net="Base imponible",
        tax="IVA",
        total="Total",
        contact="Contacto",
        phone="Tel.",
        bank="Banco",
        small="Operación exenta de IVA",
    ),
    "it": dict(
        vat="P.IVA",
        title="FATTURA",
        no="Fattura n.",
        date="Data",
        cust="Cod. cliente",
        bill=["Intestatario", "Fatturare a", "Spett.le"],
        ship=["Destinazione merce", "Luogo di consegna"],
        seller=["Cedente / Prestatore", "Fornitore", "Mittente"],
        buyer=["Cessionario / Committente", "Cliente", "Destinatario"],
        attn=["Alla c.a.", "c.a.", "Att.ne"],
        dept=["Ufficio Amministrazione", "Ufficio Acquisti"],
        our="Ns. P.IVA",
        your="Vs. P.IVA",
        desc="Descrizione",
        qty="Q.tà",
        price="Prezzo",
        amount="Importo",
        net="Imponibile",
        tax="IVA",
        total="Totale",
        contact="Referente",
        phone="Tel.",
        bank="Banca",
        small="Operazione in franchigia da IVA",
    ),
    "nl": dict(
        vat="Btw-nr.",
        title="FACTUUR",
        no="Factuurnummer",
        date="Factuurdatum",
        cust="Klantnummer",
        bill=["Factuuradres", "Factuur aan"],
        ship=["Afleveradres", "Leveradres"],
        seller=["Leverancier", "Verkoper", "Van"],
        buyer=["Klant", "Koper", "Aan"],
        attn=["T.a.v.", "t.a.v.", "Attn:"],
        dept=["Afdeling Crediteuren", "Financiële administratie"],
        our="Ons btw-nummer",
        your="Uw btw-nummer",
        desc="Omschrijving",
        qty="Aantal",
        price="Prijs",
        amount="Bedrag",
        net="Subtotaal",
        tax="BTW",
        total="Totaal",
        contact="Contactpersoon",
        phone="Tel.",
        bank="Bank",
        small="Vrijgesteld van btw (KOR)",
    ),
    "pt": dict(
        vat="NIF",
        title="FATURA",
        no="Fatura n.º",
        date="Data",
        cust="N.º cliente",
        bill=["Faturar a", "Dados de faturação"],
        ship=["Enviar para", "Local de entrega"],
        seller=["Fornecedor", "Emitente", "Vendedor"],
        buyer=["Cliente", "Adquirente", "Comprador"],
        attn=["A/C", "Ao cuidado de", "Att.:"],
        dept=["Departamento Financeiro", "Contabilidade"],
        our="NIF fornecedor",
        your="NIF cliente",
        desc="Descrição",
        qty="Qtd.",
        price="Preço unit.",
        amount="Valor",
        net="Total ilíquido",
        tax="IVA",
        total="Total",
        contact="Contacto",
        phone="Tel.",
        bank="Banco",
        small="IVA - regime de isenção art. 53.º",
    ),
    "pl": dict(
        vat="NIP UE",
        title="FAKTURA VAT",
        no="Faktura nr",
        date="Data wystawienia",
        cust="Nr klienta",
        bill=["Nabywca", "Płatnik"],
        ship=["Odbiorca", "Adres dostawy"],
        seller=["Sprzedawca", "Wystawca", "Dostawca"],
        buyer=["Nabywca", "Kupujący"],
        attn=["Do rąk:", "Attn:"],
        dept=["Dział księgowości", "Dział zakupów"],
        our="NIP sprzedawcy",
        your="NIP nabywcy",
        desc="Nazwa towaru",
        qty="Ilość",
        price="Cena netto",
        amount="Wartość netto",
        net="Razem netto",
        tax="VAT",
        total="Do zapłaty",
        contact="Osoba kontaktowa",
        phone="Tel.",
        bank="Bank",
        small="Zwolnienie z VAT art. 113 ust. 1",
    ),
    "cs": dict(
        vat="DIČ",
        title="FAKTURA",
        no="Faktura č.",
        date="Datum vystavení",
        cust="Číslo zákazníka",
        bill=["Odběratel", "Fakturační adresa"],
        ship=["Konečný příjemce", "Dodací adresa"],
        seller=["Dodavatel", "Prodávající"],
        buyer=["Odběratel", "Kupující"],
        attn=["K rukám:", "Attn:"],
        dept=["Účtárna", "Nákup"],
        our="Naše DIČ",
        your="Vaše DIČ",
        desc="Popis",
        qty="Množství",
        price="Cena za MJ",
        amount="Celkem",
        net="Základ",
        tax="DPH",
        total="Celkem k úhradě",
        contact="Kontakt",
        phone="Tel.",
        bank="Banka",
        small="Nejsme plátci DPH",
    ),
    "sv": dict(
        vat="VAT-nr",
        title="FAKTURA",
        no="Fakturanr",
        date="Fakturadatum",
        cust="Kundnr",
        bill=["Fakturaadress", "Faktureras till"],
        ship=["Leveransadress", "Levereras till"],
        seller=["Säljare", "Leverantör"],
        buyer=["Köpare", "Kund"],
        attn=["Att:", "Attn:", "Er referens:"],
        dept=["Ekonomiavdelningen", "Inköp"],
        our="Vårt momsreg.nr",
        your="Ert momsreg.nr",
        desc="Benämning",
        qty="Antal",
        price="À-pris",
        amount="Belopp",
        net="Netto",
        tax="Moms",
        total="Att betala",
        contact="Vår referens",
        phone="Tel.",
        bank="Bankgiro",
        small="Ej momsregistrerad",
    ),
    "da": dict(
        vat="Moms-nr.",
        title="FAKTURA",
        no="Fakturanr.",
        date="Fakturadato",
        cust="Kundenr.",
        bill=["Faktureringsadresse", "Faktura til"],
        ship=["Leveringsadresse", "Leveres til"],
        seller=["Sælger", "Leverandør"],
        buyer=["Køber", "Kunde"],
        attn=["Att.:", "Attn:"],
        dept=["Bogholderiet", "Indkøb"],
        our="Vores CVR-nr.",
        your="Jeres CVR-nr.",
        desc="Beskrivelse",
        qty="Antal",
        price="Stk.pris",
        amount="Beløb",
        net="Subtotal",
        tax="Moms",
        total="Total",
        contact="Kontaktperson",
        phone="Tlf.",
        bank="Bank",
        small="Ikke momsregistreret",
    ),
    "nb": dict(
        vat="MVA-nr.",
        title="FAKTURA",
        no="Fakturanr.",
        date="Fakturadato",
        cust="Kundenr.",
        bill=["Fakturaadresse", "Faktura til"],
        ship=["Leveringsadresse", "Leveres til"],
        seller=["Selger", "Leverandør"],
        buyer=["Kjøper", "Kunde"],
        attn=["Att.:", "Attn:"],
        dept=["Regnskapsavdelingen", "Innkjøp"],
        our="Vårt org.nr.",
        your="Deres org.nr.",
        desc="Beskrivelse",
        qty="Antall",
        price="Enhetspris",
        amount="Beløp",
        net="Sum eks. mva",
        tax="MVA",
        total="Å betale",
        contact="Vår referanse",
        phone="Tlf.",
        bank="Bank",
        small="Ikke mva-registrert",
    ),
}
RATE = {"en": 20, "de": 19, "fr": 20, "es": 21, "it": 22, "nl": 21, "pt": 23, "pl": 23, "cs": 21, "sv": 25}
RATE |= {"da": 25, "nb": 25}
ARTICLES = {
    "en": ["Consulting services", "Maintenance contract", "Printed brochures"],
    "de": ["Wartung Kälteanlage", "Montagearbeiten", "Beratungsleistung"],
    "fr": ["Prestation de conseil", "Maintenance annuelle", "Impression flyers"],
    "es": ["Servicios de consultoría", "Mantenimiento anual", "Material de oficina"],
    "it": ["Consulenza tecnica", "Manutenzione impianto", "Materiale di consumo"],
    "nl": ["Advieswerkzaamheden", "Onderhoud installatie", "Drukwerk folders"],
    "pt": ["Serviços de consultoria", "Manutenção anual", "Material de escritório"],
    "pl": ["Usługa serwisowa", "Montaż instalacji", "Materiały biurowe"],
    "cs": ["Servisní práce", "Montáž zařízení", "Kancelářské potřeby"],
    "sv": ["Konsulttjänster", "Serviceavtal", "Trycksaker"],
    "da": ["Rådgivning", "Serviceaftale", "Tryksager"],
    "nb": ["Konsulenttjenester", "Serviceavtale", "Trykksaker"],
}
NUMBER_FORMAT = {"en": "en", "fr": "fr", "sv": "fr", "pl": "fr", "cs": "fr", "nb": "fr"}


@dataclass
class PartyDoc:
    doc: Doc
    issuer: Party
    recipient: Party
    issuer_vat: str | None  # the contract's value for each field (None: not printed)
    recipient_vat: str | None


def _put(
    doc: Doc, x: float, y: float, text: str, size: float = 8.5, *, bold: bool = False, align: str = "l"
) -> None:
    doc.put(x, y, text, size=size, font=BOLD if bold else FONT, align=align)


def _lines(
    doc: Doc, x: float, y: float, lines: list[str], *, size: float = 8.5, first_bold: bool = False
) -> float:
    for n, line in enumerate(lines):
        _put(doc, x, y, line, size=size, bold=first_bold and n == 0)
        y += size * 1.3
    return y


def _wrap(text: str, chars: int) -> list[str]:
    """``text`` wrapped at word boundaries into lines of at most ``chars`` characters."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _number(rng: random.Random, language: str) -> str:
    prefix = {"pl": "FV/2024/11/", "cs": "2024", "it": "", "es": "F24-"}.get(language, "INV-")
    return f"{prefix}{rng.randint(100, 9999)}"


def _meta(
    doc: Doc, x: float, y: float, rng: random.Random, lang: str, *, extra: list[str] | None = None
) -> float:
    words = L[lang]
    rows = [f"{words['no']}: {_number(rng, lang)}", f"{words['date']}: {rng.randint(1, 28):02d}.11.2024"]
    if rng.random() < 0.5:
        rows.append(f"{words['cust']}: {rng.randint(10000, 99999)}")
    return _lines(doc, x, y, [*rows, *(extra or [])])


def _body(doc: Doc, rng: random.Random, lang: str, y: float, taxed: bool = True) -> float:
    words = L[lang]
    number_lang = NUMBER_FORMAT.get(lang, "de")
    for x, key, align in ((40, "desc", "l"), (330, "qty", "r"), (420, "price", "r"), (550, "amount", "r")):
        _put(doc, x, y, words[key], bold=True, align=align)
    doc.rule(40, y + 12, 555)
    y += 18
    net = Decimal(0)
    for article in rng.sample(ARTICLES[lang], k=rng.randint(1, 3)):
        quantity = Decimal(rng.choice([1, 2, 3, 5, 10]))
        price = Decimal(rng.randint(2000, 90000)) / 100
        amount = money(quantity * price)
        net += amount
        _put(doc, 40, y, article)
        _put(doc, 330, y, str(quantity), align="r")
        _put(doc, 420, y, fmt(price, number_lang), align="r")
        _put(doc, 550, y, fmt(amount, number_lang), align="r")
        y += 13
    doc.rule(330, y + 2, 555)
    y += 10
    rate = RATE[lang] if taxed else 0
    tax = money(net * rate / 100)
    rows = [(words["net"], net), (f"{words['tax']} {rate} %", tax), (words["total"], net + tax)]
    for label, value in rows:
        _put(doc, 380, y, label)
        _put(doc, 550, y, fmt(value, number_lang), align="r")
        y += 13
    return y + 10


def _iban(rng: random.Random, country: str) -> str:
    lengths = {"DE": 22, "AT": 20, "FR": 27, "BE": 16, "ES": 24, "PT": 25, "PL": 28, "CZ": 24, "SE": 24}
    lengths |= {"DK": 18, "NO": 15, "CH": 21, "LU": 20}
    length = lengths.get(country, 22)
    code = country if country in lengths else "DE"
    bban = "".join(rng.choice("0123456789") for _ in range(length - 4))
    digits = "".join(str(int(c, 36)) for c in bban + code + "00")
    iban = f"{code}{98 - int(digits) % 97:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _party_lines(
    party: Party, home: Party, *, vat: bool = True, others: bool = False, country_line: bool = False
) -> list[str]:
    lines = [party.name, *party.address]
    if country_line:
        lines.append(COUNTRY_NAME[party.country])
    if vat and party.vat:
        lines.append(_vat_text(party, home))
    if others:
        lines.extend(party.others)
    return lines


def _footer(doc: Doc, rng: random.Random, issuer: Party, *, vat: bool = True, name: str = "") -> None:
    """Registered-office footer in three columns: legal name and address, registers and VAT id, bank."""
    words = L[issuer.language]
    first = [name or issuer.name, *issuer.address]
    second = [*issuer.others]
    if vat and issuer.vat:
        second.insert(rng.randint(0, len(second)), issuer.vat.printed)
    third = [words["bank"], f"IBAN {_iban(rng, issuer.country)}"]
    doc.rule(40, 760, 555)
    for x, column in ((40, first), (230, second), (410, third)):
        _lines(doc, x, 768, column, size=6.5)


def _vat_text(party: Party, home: Party, *, label: bool = True) -> str:
    """A party's VAT id as the home party's invoice prints it: its own national form at home, with its
    country prefix abroad (an intra-EU customer's id is printed whole)."""
    assert party.vat is not None
    if party.country == home.country:
        return party.vat.printed if label else party.vat.shown
    return f"{L[home.language]['vat']} {party.vat.expected}" if label else party.vat.expected


def _recipient_vat(rng: random.Random, recipient: Party, chance: float = 0.5) -> str | None:
    return recipient.vat.expected if recipient.vat and rng.random() < chance else None


def _labelled_parties(
    rng: random.Random, words: dict[str, Any], issuer: Party, recipient: Party, chance: float
) -> tuple[list[tuple[str, Party, bool]], str | None]:
    """A seller's and a buyer's label of one language's pair, each with its party and whether the party's
    VAT id is printed (the recipient's by ``chance``); and the recipient's VAT id expected."""
    seller_label, buyer_label = rng.choice(list(zip(words["seller"], words["buyer"], strict=False)))
    recipient_vat = _recipient_vat(rng, recipient, chance)
    return [(seller_label, issuer, True), (buyer_label, recipient, recipient_vat is not None)], recipient_vat


def _recipient(rng: random.Random, country: str, *, people: float = 0.25) -> Party:
    foreign = rng.choice(sorted({c for c in LANGUAGE if c not in ("US", "IN", "AU", *LATIN_AMERICA)}))
    home = country if rng.random() < 0.7 else foreign
    return private_person(home, rng) if rng.random() < people else company(home, rng)


# --- designs -----------------------------------------------------------------------------------------------


def window_envelope(rng: random.Random, country: str) -> PartyDoc:
    """DIN 5008 / French window letter: a tiny sender line above the recipient, info block beside it."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), _recipient(rng, country)
    lang = issuer.language
    right_window = country in ("FR", "CH", "BE", "LU")
    _lines(doc, 40 if right_window else 330, 40, [issuer.name, *issuer.address], first_bold=True)
    x_win, x_info = (320, 40) if right_window else (57, 360)
    sender = " · ".join([issuer.name, *issuer.address])
    _put(doc, x_win, 128, sender, size=6)
    doc.rule(x_win, 136, x_win + 200)
    block = [recipient.name]
    if recipient.vat and rng.random() < 0.5:
        block.insert(1, f"{rng.choice(L[lang]['attn'])} {recipient.person}")
    block += recipient.address
    if recipient.country != issuer.country:
        block.append(COUNTRY_NAME[recipient.country].upper())
    _lines(doc, x_win, 146, block)
    recipient_vat = _recipient_vat(rng, recipient)
    extra = [f"{L[lang]['your']}: {_vat_text(recipient, issuer, label=False)}"] if recipient_vat else []
    extra.append(f"{L[lang]['contact']}: {issuer.person}")
    _meta(doc, x_info, 146, rng, lang, extra=extra)
    _put(doc, 57, 250, f"{L[lang]['title']} {_number(rng, lang)}", size=13, bold=True)
    _body(doc, rng, lang, 280)
    _footer(doc, rng, issuer)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, recipient_vat)


def bill_ship(rng: random.Random, country: str) -> PartyDoc:
    """Bill-to and ship-to blocks side by side, either order; ship-to names another party."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), _recipient(rng, country, people=0.15)
    lang = issuer.language
    words = L[lang]
    y = _lines(doc, 40, 40, [issuer.name, *issuer.address], first_bold=True)
    if issuer.vat:
        _put(doc, 40, y, issuer.vat.printed)
    _put(doc, 555, 40, words["title"], size=18, bold=True, align="r")
    _meta(doc, 400, 70, rng, lang)
    ship_name = rng.choice([f"{recipient.person}", f"{company(recipient.country, rng).name}", recipient.name])
    ship = [ship_name, *company(recipient.country, rng).address]
    bill = [recipient.name, *recipient.address]
    recipient_vat = _recipient_vat(rng, recipient, 0.4)
    if recipient_vat:
        bill.append(_vat_text(recipient, issuer))
    columns = [(rng.choice(words["bill"]), bill), (rng.choice(words["ship"]), ship)]
    if rng.random() < 0.35:
        columns.reverse()
    colon = rng.choice([":", ""])
    for x, (label, lines) in zip((40, 300), columns, strict=True):
        _put(
            doc,
            x,
            150,
            f"{label}{colon}".upper() if lang == "en" and rng.random() < 0.5 else f"{label}{colon}",
            bold=True,
        )
        _lines(doc, x, 164, lines)
    _body(doc, rng, lang, 260)
    _footer(doc, rng, issuer, vat=False)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, recipient_vat)


def seller_buyer(rng: random.Random, country: str) -> PartyDoc:
    """Seller and buyer blocks, each with its VAT id (Polish, Czech, Italian, Spanish style)."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), company(country if rng.random() < 0.8 else "DE", rng)
    lang = issuer.language
    words = L[lang]
    _put(doc, 40, 40, f"{words['title']} {_number(rng, lang)}", size=15, bold=True)
    _meta(doc, 360, 40, rng, lang)
    pairs = list(zip(words["seller"], words["buyer"], strict=False))
    seller_label, buyer_label = rng.choice(pairs)
    stacked = rng.random() < 0.3
    for n, (label, party) in enumerate(((seller_label, issuer), (buyer_label, recipient))):
        x, y = (40, 100 + 80 * n) if stacked else (40 + 270 * n, 100)
        inline = rng.random() < 0.3
        lines = _party_lines(party, issuer, others=rng.random() < 0.4)
        if inline:
            _put(doc, x, y, f"{label}: {lines[0]}", bold=True)
            _lines(doc, x, y + 11, lines[1:])
        else:
            _put(doc, x, y, f"{label}:", bold=True)
            _lines(doc, x, y + 12, lines)
    _body(doc, rng, lang, 280 if stacked else 220)
    return PartyDoc(
        doc,
        issuer,
        recipient,
        issuer.vat.expected if issuer.vat else None,
        recipient.vat.expected if recipient.vat else None,
    )


def logo_footer(rng: random.Random, country: str) -> PartyDoc:
    """The issuer only as a drawn logo at the top; its legal name, address and VAT id in the footer."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng, legal_form=True), _recipient(rng, country)
    lang = issuer.language
    words = L[lang]
    for offset in (0, 8, 16):
        doc.box(40 + offset, 40 + offset, 90 + offset, 70 + offset)
    doc.rule(40, 96, 140)
    _put(doc, 555, 40, words["title"], size=16, bold=True, align="r")
    _meta(doc, 400, 64, rng, lang)
    label = rng.random() < 0.5
    y = 140
    if label:
        _put(doc, 40, y, rng.choice(words["bill"]) + ":", bold=True)
        y += 12
    _lines(doc, 40, y, [recipient.name, *recipient.address])
    _body(doc, rng, lang, 250)
    _footer(doc, rng, issuer)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, None)


def title_right(rng: random.Random, country: str) -> PartyDoc:
    """A big title at the left and the issuer's name and address in the header's right column."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), _recipient(rng, country)
    lang = issuer.language
    words = L[lang]
    _put(doc, 40, 40, words["title"], size=22, bold=True)
    lines = [
        issuer.name,
        *issuer.address,
        f"{words['phone']} +{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(10000, 99999)}",
    ]
    if issuer.vat:
        lines.append(issuer.vat.printed)
    right = rng.random() < 0.5
    for n, line in enumerate(lines):
        _put(
            doc,
            555 if right else 360,
            40 + 11 * n,
            line,
            size=10 if n == 0 else 8,
            bold=n == 0,
            align="r" if right else "l",
        )
    _put(doc, 40, 130, rng.choice(words["bill"]) + ":", bold=True)
    _lines(doc, 40, 143, [recipient.name, *recipient.address])
    _meta(doc, 360, 143, rng, lang)
    _body(doc, rng, lang, 240)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, None)


def label_left(rng: random.Random, country: str) -> PartyDoc:
    """Labels in a key column left of their blocks ("From:" / "To:", "Lieferant" / "Kunde")."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), _recipient(rng, country)
    lang = issuer.language
    words = L[lang]
    _put(doc, 40, 40, f"{words['title']}", size=16, bold=True)
    _meta(doc, 360, 40, rng, lang)
    sections, recipient_vat = _labelled_parties(rng, words, issuer, recipient, 0.4)
    y = 110
    for label, party, show_vat in sections:
        _put(doc, 40, y, f"{label}:", bold=True)
        y = _lines(doc, 130, y, _party_lines(party, issuer, vat=show_vat)) + 8
    _body(doc, rng, lang, y + 20)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, recipient_vat)


def all_caps(rng: random.Random, country: str) -> PartyDoc:
    """Upper-case names and addresses (ERP print-outs), an ATTN line before or after the company."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), company(rng.choice([country, "GB", "US"]), rng)
    lang = issuer.language
    words = L[lang]
    _lines(doc, 40, 40, [issuer.name.upper(), *(a.upper() for a in issuer.address)], size=9, first_bold=True)
    _put(doc, 555, 40, words["title"].upper(), size=16, bold=True, align="r")
    _meta(doc, 400, 64, rng, lang)
    block = [recipient.name.upper(), *(a.upper() for a in recipient.address)]
    attention = f"{rng.choice(L['en']['attn'])} {recipient.person}".upper()
    block.insert(0 if rng.random() < 0.4 else 1, attention)
    if rng.random() < 0.5:
        _put(doc, 40, 130, rng.choice(words["bill"]).upper(), bold=True)
    _lines(doc, 40, 143, block)
    _body(doc, rng, lang, 250)
    _footer(doc, rng, issuer)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, None)


def attention_lines(rng: random.Random, country: str) -> PartyDoc:
    """A recipient block with department, attention, care-of and customer-number lines."""
    doc = Doc(LANGUAGE[country])
    issuer = company(country, rng)
    lang = issuer.language
    words = L[lang]
    care_of = rng.random() < 0.25
    if care_of:  # a person reached through a company: the person is the recipient
        recipient = private_person(country, rng)
        block = [recipient.name, f"c/o {company(country, rng).name}", *recipient.address]
    else:
        recipient = company(country, rng)
        extra = [rng.choice(words["dept"]), f"{rng.choice(words['attn'])} {recipient.person}"]
        rng.shuffle(extra)
        block = [recipient.name, *extra[: rng.randint(1, 2)], *recipient.address]
    if rng.random() < 0.5:
        block.insert(rng.choice([0, len(block)]), f"{words['cust']} {rng.randint(10000, 99999)}")
    _lines(doc, 40, 40, [issuer.name, *issuer.address], size=9, first_bold=True)
    _meta(doc, 380, 40, rng, lang)
    if rng.random() < 0.5:
        _put(doc, 40, 120, rng.choice(words["bill"]) + ":", bold=True)
    _lines(doc, 40, 133, block)
    _put(doc, 40, 230, words["title"], size=14, bold=True)
    _body(doc, rng, lang, 255)
    _footer(doc, rng, issuer)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, None)


def registered_footer(rng: random.Random, country: str) -> PartyDoc:
    """A letterhead brand; the footer prints the legal name, seat, register court and managers."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng, legal_form=True), _recipient(rng, country)
    lang = issuer.language
    words = L[lang]
    brand = issuer.base
    issuer.accepted = [issuer.name, brand]
    _put(doc, 40, 40, brand, size=18, bold=True)
    _put(doc, 40, 62, " | ".join(issuer.address), size=8)
    _lines(doc, 40, 130, [recipient.name, *recipient.address])
    _meta(doc, 380, 130, rng, lang)
    _put(doc, 40, 215, words["title"], size=14, bold=True)
    _body(doc, rng, lang, 240)
    manager = {"de": "Geschäftsführer", "fr": "Gérant", "it": "Amministratore"}.get(lang, "Director")
    managers = f"{manager}: {issuer.person}"
    issuer.others = [*issuer.others, managers]
    if country == "DE" and "KG" in issuer.name:
        issuer.others.append(f"Komplementärin: {brand.split()[0]} Verwaltungs GmbH")
    _footer(doc, rng, issuer)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, None)


def both_vat_ids(rng: random.Random, country: str) -> PartyDoc:
    """Both parties' VAT ids in the meta block ("our / your VAT no."), the buyer's again in a
    reverse-charge note."""
    doc = Doc(LANGUAGE[country])
    issuer = company(country, rng)
    abroad = rng.choice(sorted({"DE", "FR", "NL", "IT", "ES", "BE", "AT", "PL", "DK", "SE"} - {country}))
    recipient = company(abroad, rng)
    assert issuer.vat
    assert recipient.vat
    lang = issuer.language
    words = L[lang]
    _lines(doc, 40, 40, [issuer.name, *issuer.address], size=9, first_bold=True)
    _lines(doc, 40, 130, [recipient.name, *recipient.address, COUNTRY_NAME[recipient.country]])
    rows = [
        f"{words['our']}: {issuer.vat.shown}",
        f"{words['your']}: {_vat_text(recipient, issuer, label=False)}",
    ]
    if rng.random() < 0.5:
        rows.reverse()
    _meta(doc, 360, 130, rng, lang, extra=rows)
    _put(doc, 40, 215, words["title"], size=14, bold=True)
    y = _body(doc, rng, lang, 240, taxed=False)
    _put(doc, 40, y, f"Reverse charge / Art. 196 Directive 2006/112/EC – {recipient.vat.expected}")
    _footer(doc, rng, issuer, vat=False)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected, recipient.vat.expected)


def unlabelled_right(rng: random.Random, country: str) -> PartyDoc:
    """A letterhead with contact lines at the left and an unlabelled recipient block at the right."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), _recipient(rng, country)
    lang = issuer.language
    words = L[lang]
    domain = issuer.name.split()[0].lower().strip(",&'")
    contact = [
        f"{words['phone']} +{rng.randint(30, 49)} {rng.randint(10, 99)} {rng.randint(100000, 999999)}",
        f"info@{domain}.example",
        f"www.{domain}.example",
    ]
    y = _lines(doc, 40, 40, [issuer.name, *issuer.address, *contact], first_bold=True)
    if issuer.vat:
        _put(doc, 40, y, issuer.vat.printed)
    _lines(doc, 330, 110, [recipient.name, *recipient.address])
    _meta(doc, 40, 170, rng, lang)
    _put(doc, 40, 225, words["title"], size=14, bold=True)
    _body(doc, rng, lang, 250)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, None)


def tax_numbers_only(rng: random.Random, country: str) -> PartyDoc:
    """A small business: only tax or register numbers that are no VAT id, a no-VAT note; maybe the
    customer's VAT id."""
    doc = Doc(LANGUAGE[country])
    issuer = company(country, rng, legal_form=rng.random() < 0.4)
    recipient = company(country, rng)
    lang = issuer.language
    words = L[lang]
    issuer.others = issuer.others or [f"Tax ID {rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"]
    y = _lines(doc, 40, 40, [issuer.name, *issuer.address, *issuer.others], first_bold=True)
    recipient_vat = _recipient_vat(rng, recipient, 0.5)
    block = [recipient.name, *recipient.address]
    if recipient_vat and recipient.vat:
        block.append(recipient.vat.printed)
    _lines(doc, 40, max(y, 110) + 20, block)
    _meta(doc, 380, 40, rng, lang)
    _put(doc, 40, 235, words["title"], size=14, bold=True)
    y = _body(doc, rng, lang, 260, taxed=False)
    _put(doc, 40, y, words["small"])
    return PartyDoc(doc, issuer, recipient, None, recipient_vat)


def sold_bill_ship(rng: random.Random, country: str) -> PartyDoc:
    """Three columns: the ordering party (sold to), the payer (bill to, the recipient) and the delivery
    address (ship to); the ordering party is a sister company."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), company(country, rng)
    orderer = company(country, rng)
    lang = issuer.language
    words = L[lang]
    y = _lines(doc, 40, 40, [issuer.name, *issuer.address], first_bold=True)
    if issuer.vat:
        _put(doc, 40, y, issuer.vat.printed)
    _put(doc, 555, 40, words["title"], size=18, bold=True, align="r")
    _meta(doc, 400, 70, rng, lang)
    sold = {"en": "Sold to", "de": "Auftraggeber", "fr": "Donneur d'ordre", "es": "Solicitante"}
    sold_label = sold.get(lang, "Sold to")
    columns = [
        (sold_label, [orderer.name, *orderer.address]),
        (rng.choice(words["bill"]), [recipient.name, *recipient.address]),
        (rng.choice(words["ship"]), [recipient.person, *company(country, rng).address]),
    ]
    for x, (label, lines) in zip((40, 225, 410), columns, strict=True):
        _put(doc, x, 150, f"{label}:", bold=True)
        _lines(doc, x, 164, [part for line in lines for part in _wrap(line, 34)])  # narrow columns
    _body(doc, rng, lang, 250)
    _footer(doc, rng, issuer, vat=False)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, None)


def india_gst(rng: random.Random, country: str) -> PartyDoc:
    """An Indian tax invoice: supplier block with GSTIN and PAN, "Details of Receiver (Billed to)" and
    "Details of Consignee (Shipped to)" side by side, each with its GSTIN and state."""
    doc = Doc("en")
    issuer, recipient, consignee = company("IN", rng), company("IN", rng), company("IN", rng)
    assert issuer.vat
    assert recipient.vat
    assert consignee.vat
    _put(doc, 297, 36, "TAX INVOICE", size=14, bold=True, align="c")
    y = _lines(doc, 40, 60, [issuer.name, *issuer.address], first_bold=True)
    _lines(doc, 40, y, [issuer.vat.printed, *issuer.others[:1]])
    _meta(doc, 400, 60, rng, "en")
    state = {"27": "Maharashtra", "29": "Karnataka", "07": "Delhi", "33": "Tamil Nadu", "24": "Gujarat"}
    boxes = (
        (40, "Details of Receiver (Billed to)", recipient),
        (300, "Details of Consignee (Shipped to)", consignee),
    )
    for x, label, party in boxes:
        assert party.vat
        code = party.vat.expected[:2]
        _put(doc, x, 150, label, bold=True)
        lines = [f"Name: {party.name}", *party.address, f"GSTIN: {party.vat.expected}"]
        _lines(doc, x, 164, [*lines, f"State: {state.get(code, 'Maharashtra')} ({code})"])
    _body(doc, rng, "en", 260)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected, recipient.vat.expected)


def wrapped_names(rng: random.Random, country: str) -> PartyDoc:
    """Long names wrapped in narrow blocks: the legal form (or its tail) on the block's second line."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng, legal_form=True), company(country, rng, legal_form=True)
    lang = issuer.language
    words = L[lang]

    def wrapped(party: Party) -> list[str]:
        form = party.name[len(party.base) :].strip(" ,")
        if " & " in form:  # "Hartmann Bau GmbH" / "& Co. KG"
            head, tail = form.split(" & ", 1)
            return [f"{party.base} {head}", f"& {tail}"]
        words = party.name.split()
        cut = len(party.base.split()) if rng.random() < 0.5 else max(1, len(words) // 2)
        return [" ".join(words[:cut]), " ".join(words[cut:])] if 0 < cut < len(words) else [party.name]

    _lines(doc, 360, 40, [*wrapped(issuer), *issuer.address], size=10, first_bold=True)
    _put(doc, 40, 40, words["title"], size=20, bold=True)
    _put(doc, 40, 120, rng.choice(words["bill"]) + ":", bold=True)
    _lines(doc, 40, 133, [*wrapped(recipient), *recipient.address])
    _meta(doc, 360, 133, rng, lang)
    _body(doc, rng, lang, 240)
    _footer(doc, rng, issuer)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, None)


def remit_to(rng: random.Random, country: str) -> PartyDoc:
    """A US bill with a "Remit to" block (the issuer's lockbox address) beside "Bill to", the issuer's
    letterhead at the top right."""
    doc = Doc("en")
    issuer, recipient = company("US", rng), company("US", rng)
    _lines(doc, 555 - 160, 40, [issuer.name, *issuer.address], first_bold=True)
    _put(doc, 40, 40, "INVOICE", size=20, bold=True)
    _meta(doc, 40, 70, rng, "en")
    bill = [recipient.name, f"Attn: {rng.choice(L['en']['dept'])}", *recipient.address]
    remit = [issuer.name, f"P.O. Box {rng.randint(1000, 99999)}", f"Chicago, IL {rng.randint(60600, 60699)}"]
    for x, label, lines in ((40, "BILL TO", bill), (300, "REMIT TO", remit)):
        _put(doc, x, 140, label, bold=True)
        _lines(doc, x, 153, lines)
    _body(doc, rng, "en", 240)
    return PartyDoc(doc, issuer, recipient, None, None)


def _odd_separators(rng: random.Random, expected: str) -> str:
    """A VAT id with the separators people type into their templates ("DE-123456789", "FR 12-345 678 901",
    "ATU 123 45 678", "NL 1234.56.789.B.01", "CHE 123.456.789 MWST")."""
    prefix = "CHE" if expected.startswith("CHE") else "ATU" if expected.startswith("ATU") else expected[:2]
    body = expected[len(prefix) :]
    suffix = ""
    for tail in ("MWST", "MVA", "B01"):
        if body.endswith(tail):
            body, suffix = body[: -len(tail)], tail
    digits = body
    style = rng.randrange(4)
    if style == 0:
        shown = f"{prefix}-{digits}"
    elif style == 1:
        shown = f"{prefix} {' '.join(digits[i : i + 3] for i in range(0, len(digits), 3))}"
    elif style == 2:
        shown = f"{prefix}{'.'.join(digits[i : i + 3] for i in range(0, len(digits), 3))}"
    else:
        shown = f"{prefix} {digits}"
    if suffix == "B01":
        return f"{shown}{rng.choice(['B01', '.B01', ' B01', '.B.01'])}"
    return f"{shown} {suffix}".strip()


def id_layouts(rng: random.Random, country: str) -> PartyDoc:
    """The issuer's VAT id typed with odd separators, printed under its label (a stacked cell in the
    information block) or in a footer grid whose first row holds the labels and the second the values."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), _recipient(rng, country)
    assert issuer.vat
    lang = issuer.language
    words = L[lang]
    shown = (
        _odd_separators(rng, issuer.vat.expected)
        if issuer.vat.expected[:2] not in ("IN",)
        else issuer.vat.shown
    )
    label = issuer.vat.label.rstrip(":").strip()
    _lines(doc, 40, 40, [issuer.name, *issuer.address], size=10, first_bold=True)
    _lines(doc, 40, 140, [recipient.name, *recipient.address])
    where = rng.choice(["stacked", "grid"])
    if where == "stacked":
        cells = [
            (words["no"], _number(rng, lang)),
            (words["date"], f"{rng.randint(1, 28):02d}.11.2024"),
            (label, shown),
        ]
        for n, (head, value) in enumerate(cells):
            _put(doc, 360 + 80 * n if n < 2 else 360, 140 if n < 2 else 170, head, size=7, bold=True)
            _put(doc, 360 + 80 * n if n < 2 else 360, 149 if n < 2 else 179, value)
    else:
        _meta(doc, 360, 140, rng, lang)
    _put(doc, 40, 225, words["title"], size=14, bold=True)
    _body(doc, rng, lang, 250)
    if where == "grid":
        doc.rule(40, 760, 555)
        heads = [words["contact"], label, words["bank"]]
        phone = f"{words['phone']} +{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        values_ = [phone, shown, f"IBAN {_iban(rng, issuer.country)}"]
        for x, head, value in zip((40, 230, 410), heads, values_, strict=True):
            _put(doc, x, 766, head, size=6.5, bold=True)
            _put(doc, x, 775, value, size=6.5)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected, None)


def marketplace(rng: random.Random, country: str) -> PartyDoc:
    """A marketplace's invoice issued on behalf of its seller: the platform's brand up top, "Sold by"
    naming the seller (the issuer) with its VAT id, billing and delivery addresses side by side, the
    platform's own legal line in the footer."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng, legal_form=True), private_person(country, rng)
    assert issuer.vat
    lang = issuer.language
    words = L[lang]
    platform = rng.choice(["Marktwerk", "ShopNow", "Kaufhalle", "Bazaro"])
    _put(doc, 40, 40, platform, size=22, bold=True)
    _put(doc, 555, 40, words["title"], size=16, bold=True, align="r")
    _meta(doc, 400, 64, rng, lang)
    sold_by = {
        "de": "Verkauft von",
        "fr": "Vendu par",
        "es": "Vendido por",
        "it": "Venduto da",
        "nl": "Verkocht door",
    }
    _put(doc, 40, 110, f"{sold_by.get(lang, 'Sold by')}: {issuer.name}")
    _put(doc, 40, 121, f"{issuer.vat.printed}")
    bill, ship = rng.choice(words["bill"]), rng.choice(words["ship"])
    for x, label in ((40, bill), (300, ship)):
        _put(doc, x, 150, f"{label}:", bold=True)
        _lines(doc, x, 164, [recipient.name, *recipient.address])
    _body(doc, rng, lang, 240)
    doc.rule(40, 770, 555)
    _put(
        doc,
        40,
        776,
        f"{platform} Services S.à r.l. · 5, rue Plaetis · L-2338 Luxembourg · RCS B 123456",
        size=6.5,
    )
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected, None)


# An e-invoice viewer's field labels in a party's table: its number, its global id, its name, its address.
GRID_FIELDS = {
    "de": "Nummer|Globale Nummer|Name|Anschrift",
    "en": "Number|Global ID|Name|Address",
    "fr": "Numéro|Identifiant global|Nom|Adresse",
    "it": "Numero|Identificativo globale|Nome|Indirizzo",
    "es": "Número|Identificador global|Nombre|Dirección",
    "nl": "Nummer|Globaal ID|Naam|Adres",
    "pl": "Numer|Globalny ID|Nazwa|Adres",
}
# Notices of who made the viewer or the form, printed over the page.
COPYRIGHTS = ["(c) Formularverband e.V. 2020", "© 2024 Viewer Works Ltd", "Copyright 2023 Nordform GmbH"]


def viewer_grid(rng: random.Random, country: str) -> PartyDoc:
    """An e-invoice viewer's rendering (XRechnung / ZUGFeRD visualisations): a copyright or stylesheet
    line over the page, then a seller's and a buyer's section, each a table of field labels and values
    ("Nummer: 549910", "Globale Nummer: … (GLN)", "Name: …", "Anschrift: …"), the colon after the label
    or opening the value cell; some viewers print the name and address without labels."""
    doc = Doc(LANGUAGE[country])
    issuer, recipient = company(country, rng), company(country if rng.random() < 0.7 else "DE", rng)
    lang = issuer.language
    words = L[lang]
    number_label, global_label, name_label, address_label = GRID_FIELDS[lang].split("|")
    if rng.random() < 0.7:
        _put(doc, 40, 28, rng.choice(COPYRIGHTS), size=7.5)
    _put(doc, 40, 40, "Stylesheet-Version: 2.1", size=7.5)
    _put(doc, 40, 64, f"{words['title']} {_number(rng, lang)}", size=12, bold=True)
    colon_in_value, labelled_name = rng.random() < 0.4, rng.random() < 0.6
    value_x = 130 if colon_in_value else 250
    sections, recipient_vat = _labelled_parties(rng, words, issuer, recipient, 0.5)
    y = 100.0
    for label, party, vat in sections:
        _put(doc, 40, y, label, bold=True)
        rows = [
            (number_label, str(rng.randint(100000, 999999))),
            (global_label, f"{rng.randint(10**12, 10**13 - 1)} (GLN)"),
        ]
        if labelled_name:
            rows += [(name_label, party.name), (address_label, party.address[0]), ("", party.address[1])]
        if vat and party.vat:
            rows.append((L[lang]["vat"], _vat_text(party, issuer, label=False)))
        for field_label, value in rows:
            y += 12
            if colon_in_value:
                _put(doc, 40, y, field_label)
                _put(doc, value_x, y, f": {value}" if field_label else value)
            else:
                _put(doc, 40, y, f"{field_label}:" if field_label else "")
                _put(doc, value_x, y, value)
            if field_label == global_label and not labelled_name:
                y = _lines(doc, 40, y + 12, [party.name, *party.address]) - 12
        y += 30
    _body(doc, rng, lang, y + 10)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, recipient_vat)


def freelancer_footer(rng: random.Random, country: str) -> PartyDoc:
    """A freelancer's invoice: the sender (a person, no legal form, an e-mail address that does not spell
    the name) unlabelled at the top right with phone and e-mail, "our / your reference" under it, the
    customer (a company) unlabelled at the left beside the invoice data, and the sender's name, address,
    phone and e-mail repeated in columns at the foot of the page."""
    doc = Doc(LANGUAGE[country])
    lang = LANGUAGE[country]
    person = person_name(lang, rng)
    issuer = Party(
        country, person, [person], address(country, rng), vat_id(country, rng) if rng.random() < 0.5 else None
    )
    recipient = company(country, rng, legal_form=True)
    words = L[lang]
    phone = f"{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(100, 999)}"
    box, domain = rng.choice(["post", "mail", "kontakt", "hello"]), rng.choice(["fjordbild", "atelier-k"])
    mail = f"{box}@{domain}.net"
    _put(doc, 555, 60, words["title"], size=19, align="r")
    _put(doc, 300, 99, issuer.name, size=11)
    y = _lines(doc, 300, 114, [*issuer.address, phone, mail])
    if rng.random() < 0.6:
        _lines(doc, 300, y + 8, [f"{words['contact']}: {person}"], size=7.5)
    _put(doc, 72, 195, recipient.name, size=11)
    _lines(doc, 72, 210, recipient.address)
    _meta(doc, 380, 195, rng, lang)
    _body(doc, rng, lang, 300)
    footer = [issuer.name, " / ".join(issuer.address), phone, mail]
    if issuer.vat:
        footer.append(issuer.vat.printed)
    for x, text in zip((72, 145, 300, 352, 452), footer, strict=False):
        _put(doc, x, 780, text, size=6.5)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected if issuer.vat else None, None)


def latin_factura(rng: random.Random, country: str) -> PartyDoc:
    """A Latin American factura: the issuer's letterhead centred with its taxpayer number (RIF, CUIT, RUT,
    RUC, RFC, NIT), a customer box of "Razón social:" and taxpayer-number rows (or both on one line, a dot
    leader between; the box drawn twice to fake bold type), the printer's imprint in the footer."""
    doc = Doc("es")
    issuer, recipient = company(country, rng, legal_form=True), company(country, rng, legal_form=True)
    assert issuer.vat
    assert recipient.vat
    _put(doc, 298, 36, issuer.name, size=16, bold=True, align="c")
    _put(doc, 298, 58, ", ".join(issuer.address), align="c")
    _put(
        doc,
        298,
        70,
        f"Teléfono: +{rng.randint(50, 59)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        align="c",
    )
    _put(doc, 400, 92, issuer.vat.printed)
    _put(doc, 40, 112, f"FACTURA N° {rng.randint(1, 9999):06d}", size=12, bold=True)
    _put(doc, 400, 112, f"Fecha de emisión: {rng.randint(1, 28):02d}-11-2024")
    heading = rng.choice(["Datos del cliente", "Cliente", "Señor(es)"])
    recipient_vat = _recipient_vat(rng, recipient, 0.7)
    _put(doc, 40, 140, f"{heading}:", bold=True)
    rows = [f"Razón social: {recipient.name}"] if rng.random() < 0.6 else [recipient.name]
    rows.append(f"Dirección: {', '.join(recipient.address)}")
    if recipient_vat and rng.random() < 0.4:
        rows[0] = f"{rows[0]} {'.' * rng.randint(20, 40)} {recipient.vat.printed}"  # a form's dot leader
    elif recipient_vat:
        rows.insert(1, recipient.vat.printed)
    for _ in range(2 if rng.random() < 0.3 else 1):  # bold faked by drawing the box twice
        _lines(doc, 40, 154, rows)
    _body(doc, rng, "es", 240)
    printer = rng.choice(["del Sur", "La Prensa", "Gráficas Centro"])
    imprint = f"Imprenta: Impresos {printer} S.A. · {COUNTRY_NAME[country]}"
    _put(doc, 40, 790, imprint, size=6)
    return PartyDoc(doc, issuer, recipient, issuer.vat.expected, recipient_vat)


DESIGNS: dict[str, tuple[Callable[[random.Random, str], PartyDoc], list[str]]] = {
    "window_envelope": (window_envelope, ["DE", "AT", "CH", "FR", "BE", "NL", "DK", "SE", "CZ", "LU"]),
    "bill_ship": (bill_ship, ["US", "GB", "IE", "AU", "IN", "DE", "FR", "ES", "IT", "NL", "PT", "SE"]),
    "seller_buyer": (seller_buyer, ["PL", "CZ", "IT", "ES", "PT", "DE", "FR", "DK", "NO", "GB"]),
    "logo_footer": (logo_footer, ["GB", "DE", "FR", "NL", "ES", "IT", "AU", "US", "SE", "PL"]),
    "title_right": (title_right, ["GB", "US", "AU", "IN", "IE", "NL", "DE", "PT", "DK", "NO"]),
    "label_left": (label_left, ["GB", "DE", "FR", "NL", "ES", "IT", "PL", "CZ", "SE", "PT"]),
    "all_caps": (all_caps, ["US", "GB", "IN", "AU", "DE", "IT", "ES", "FR"]),
    "attention_lines": (attention_lines, ["DE", "FR", "NL", "ES", "IT", "GB", "PT", "PL", "SE", "DK"]),
    "registered_footer": (registered_footer, ["DE", "AT", "FR", "IT", "GB", "ES", "NL", "PL"]),
    "both_vat_ids": (both_vat_ids, ["DE", "FR", "NL", "IT", "ES", "BE", "AT", "PL", "GB", "DK", "SE", "CZ"]),
    "unlabelled_right": (unlabelled_right, ["NL", "DE", "SE", "DK", "NO", "FR", "IT", "GB", "CZ", "PT"]),
    "sold_bill_ship": (sold_bill_ship, ["US", "GB", "DE", "FR", "ES", "IE", "AU", "NL"]),
    "india_gst": (india_gst, ["IN"]),
    "wrapped_names": (wrapped_names, ["DE", "PL", "PT", "ES", "IT", "FR", "GB", "IN", "AU", "CZ"]),
    "remit_to": (remit_to, ["US"]),
    "id_layouts": (
        id_layouts,
        ["DE", "AT", "CH", "FR", "BE", "NL", "GB", "IE", "IT", "ES", "PL", "SE", "DK", "NO"],
    ),
    "marketplace": (marketplace, ["DE", "FR", "ES", "IT", "NL", "GB", "AT", "BE"]),
    "tax_numbers_only": (tax_numbers_only, ["DE", "FR", "NL", "PL", "CZ", "SE", "US", "AU", "IN", "GB"]),
    "viewer_grid": (viewer_grid, ["DE", "AT", "GB", "IE", "FR", "BE", "IT", "ES", "NL", "PL"]),
    "freelancer_footer": (freelancer_footer, ["NO", "SE", "DK", "DE", "NL", "GB", "FR", "AT"]),
    "latin_factura": (latin_factura, list(LATIN_AMERICA)),
}


def build(design: str, seed: int) -> PartyDoc:
    rng = random.Random(f"party-{design}-{seed}")
    draw, countries = DESIGNS[design]
    return draw(rng, rng.choice(countries))


def _right(name: str, expected: PartyDoc, got: object) -> bool:
    if name == "issuer.name":
        return any(_same(name, want, got) for want in expected.issuer.accepted)
    if name == "recipient.name":
        return any(_same(name, want, got) for want in expected.recipient.accepted)
    want = expected.issuer_vat if name == "issuer.vat_id" else expected.recipient_vat
    return _same("issuer.vat_id", want, got)


def _expected_text(name: str, expected: PartyDoc) -> object:
    return {
        "issuer.name": expected.issuer.accepted,
        "recipient.name": expected.recipient.accepted,
        "issuer.vat_id": expected.issuer_vat,
        "recipient.vat_id": expected.recipient_vat,
    }[name]


def measure(design: str, documents: int, seed: int, show: int) -> tuple[Counter[str], Counter[str]]:
    right: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for n in range(documents):
        expected = build(design, seed * 1000 + n)
        invoice = extract_invoice(expected.doc.pdf(), filename=f"{design}.pdf", ocr=OcrMode.NEVER)
        got = {
            "issuer.name": invoice.issuer.name,
            "issuer.vat_id": invoice.issuer.vat_id,
            "recipient.name": invoice.recipient.name,
            "recipient.vat_id": invoice.recipient.vat_id,
        }
        misses = []
        for name in FIELDS:
            if _right(name, expected, got[name]):
                right[name] += 1
                continue
            want = _expected_text(name, expected)
            first = want[0] if isinstance(want, list) else want
            kinds[f"{name}: {text_miss_kind(first, got[name])}"] += 1
            misses.append(f"    {name}: expected {want!r}, got {got[name]!r}")
        if show and misses:
            show -= 1
            print(f"  {design} {seed * 1000 + n} ({expected.issuer.country} → {expected.recipient.country}):")
            print("\n".join(misses))
    return right, kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=8, help="PDFs per design")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", default="", help="comma-separated design names")
    parser.add_argument("--show", type=int, default=0, help="print up to N documents with misses per design")
    args = parser.parse_args(argv)
    designs = args.only.split(",") if args.only else list(DESIGNS)
    totals: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    heads = " ".join(f"{name:>16}" for name in FIELDS)
    print(f"{'design':<18} {heads}   (seed {args.seed}, {args.documents} documents each)")
    for design in designs:
        right, design_kinds = measure(design, args.documents, args.seed, args.show)
        totals.update(right)
        kinds.update(design_kinds)
        print(f"{design:<18} " + " ".join(f"{right[name]:>13}/{args.documents:<2}" for name in FIELDS))
    documents = args.documents * len(designs)
    print("all: " + ", ".join(f"{name} {100 * totals[name] / documents:.1f} %" for name in FIELDS))
    print(f"overall {100 * sum(totals.values()) / (documents * len(FIELDS)):.1f} % ({documents} documents)")
    if kinds:
        print("how the misses relate to the expected values (counts):")
        for kind, count in sorted(kinds.items()):
            print(f"  {kind:<60} {count:>3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
