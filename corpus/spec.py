"""What one synthetic invoice says (independent of how it is drawn) and its golden contract JSON.

Amounts are computed the way an invoicing system does: line amount = quantity x unit price rounded to
cents; per tax rate, tax = base x rate rounded half-up; net = sum of line amounts; gross = net + tax.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from corpus.identities import Party
from invoiceflow.domain.models import (
    AggregatedInvoice,
    DocumentInfo,
    ExtractorInfo,
    Issuer,
    LineItem,
    PageInfo,
    Recipient,
    TaxLine,
    TextSource,
    Totals,
)

CENT = Decimal("0.01")
GOLDEN_VERSION = "corpus-1"


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Item:
    description: str
    quantity: Decimal
    unit_price: Decimal  # negative on credit notes
    rate: Decimal  # tax rate in percent
    unit: str = ""
    code: str = ""  # article number or HSN/SAC code
    discount: Decimal = Decimal(0)  # line discount in percent, printed beside the (list) unit price
    period: str = ""  # billing period printed beside a charge line (utility statements)

    @property
    def amount(self) -> Decimal:
        if self.discount:
            return money(self.quantity * self.unit_price * (100 - self.discount) / 100)
        return money(self.quantity * self.unit_price)


@dataclass(frozen=True)
class PrintedTaxLine:
    """A tax line as printed; Indian intra-state GST prints one CGST and one SGST line per rate."""

    label: str  # "VAT", "CGST", "SGST", "IGST", "Sales Tax"
    rate: Decimal
    base: Decimal
    amount: Decimal


@dataclass
class InvoiceSpec:
    doc_id: str
    layout: str
    language: str
    number_format: str
    date_format: str
    currency: str
    money_style: str  # see locales.format_money
    issuer: Party
    recipient: Party
    invoice_number: str
    issue_date: date
    due_date: date | None
    payment_days: int | None
    credit_note: bool
    credit_ref: str | None
    items: list[Item]
    customer_number: str
    order_ref: str
    gst_split: bool = False  # India: CGST+SGST (intra-state) instead of IGST
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def net(self) -> Decimal:
        return sum((item.amount for item in self.items), Decimal("0.00"))

    def tax_lines(self) -> list[PrintedTaxLine]:
        bases: dict[Decimal, Decimal] = {}
        for item in self.items:
            bases[item.rate] = bases.get(item.rate, Decimal("0.00")) + item.amount
        lines: list[PrintedTaxLine] = []
        for rate in sorted(bases, reverse=True):
            base = bases[rate]
            if self.issuer.country.code == "IN":
                if self.gst_split:
                    half = rate / 2
                    amount = money(base * half / 100)
                    lines.append(PrintedTaxLine("CGST", half, base, amount))
                    lines.append(PrintedTaxLine("SGST", half, base, amount))
                else:
                    lines.append(PrintedTaxLine("IGST", rate, base, money(base * rate / 100)))
            elif self.issuer.country.code == "US":
                lines.append(PrintedTaxLine("Sales Tax", rate, base, money(base * rate / 100)))
            else:
                lines.append(PrintedTaxLine("VAT", rate, base, money(base * rate / 100)))
        return lines

    @property
    def tax(self) -> Decimal:
        return sum((line.amount for line in self.tax_lines()), Decimal("0.00"))

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax


def golden_invoice(
    spec: InvoiceSpec, pdf: bytes, filename: str, page_count: int, scanned: bool
) -> AggregatedInvoice:
    """The expected contract result for ``pdf``; confidence/validation/pages hold neutral values."""
    source = TextSource.OCR if scanned else TextSource.TEXT_LAYER
    return AggregatedInvoice(
        document=DocumentInfo(
            sha256=hashlib.sha256(pdf).hexdigest(), filename=filename, page_count=page_count
        ),
        invoice_number=spec.invoice_number,
        issue_date=spec.issue_date,
        due_date=spec.due_date,
        currency=spec.currency,
        issuer=Issuer(
            name=spec.issuer.name,
            vat_id=spec.issuer.vat_id,
            # Some layouts print no bank data (paid by card); the golden then holds none.
            iban=None if spec.extra.get("bank_hidden") else spec.issuer.iban,
            bic=None if spec.extra.get("bank_hidden") else spec.issuer.bic,
            address=spec.issuer.address,
        ),
        recipient=Recipient(
            name=spec.recipient.name,
            # Only some documents print the recipient's VAT id; the golden holds what the page shows.
            vat_id=spec.recipient.vat_id if spec.extra.get("recipient_vat") else None,
            address=spec.recipient.address,
        ),
        totals=Totals(net=spec.net, tax=spec.tax, gross=spec.gross),
        tax_lines=[TaxLine(rate=line.rate, base=line.base, amount=line.amount) for line in spec.tax_lines()],
        line_items=[
            LineItem(
                description=item.description,
                # Charge lines without quantity and unit price columns (utility statements) print neither.
                quantity=None if spec.extra.get("charges_only") else item.quantity,
                unit_price=None if spec.extra.get("charges_only") else item.unit_price,
                amount=item.amount,
            )
            for item in spec.items
        ],
        pages=[PageInfo(page_number=n, text_source=source) for n in range(1, page_count + 1)],
        extractor=ExtractorInfo(method="golden", version=GOLDEN_VERSION),
    )


# --- item text -------------------------------------------------------------------------------------

PRODUCTS: dict[str, tuple[str, ...]] = {
    "en": ("Consulting services", "Software licence (annual)", "Office chair, ergonomic",
           "Printer toner, black",
           "On-site installation", "Network switch 24-port", "Project management", "Shipping and handling",
           "Training workshop", "Maintenance contract", "USB-C docking station", "Cloud hosting, monthly"),
    "de": ("Beratungsleistung", "Softwarelizenz (jährlich)", "Bürostuhl, ergonomisch",
           "Tonerkartusche schwarz",
           "Montage vor Ort", "Netzwerk-Switch 24 Port", "Projektleitung", "Versand und Verpackung",
           "Schulung", "Wartungsvertrag", "USB-C Dockingstation", "Cloud-Hosting, monatlich"),
    "fr": ("Prestation de conseil", "Licence logicielle (annuelle)", "Fauteuil de bureau ergonomique",
           "Cartouche de toner noir", "Installation sur site", "Commutateur réseau 24 ports",
           "Gestion de projet", "Frais de port", "Atelier de formation", "Contrat de maintenance",
           "Station d'accueil USB-C", "Hébergement cloud, mensuel"),
    "es": ("Servicios de consultoría", "Licencia de software (anual)", "Silla de oficina ergonómica",
           "Tóner negro", "Instalación in situ", "Conmutador de red de 24 puertos", "Gestión de proyecto",
           "Gastos de envío", "Taller de formación", "Contrato de mantenimiento", "Base de conexión USB-C",
           "Alojamiento en la nube, mensual"),
    "nl": ("Advieswerkzaamheden", "Softwarelicentie (jaarlijks)", "Ergonomische bureaustoel", "Toner zwart",
           "Installatie op locatie", "Netwerkswitch 24 poorten", "Projectbegeleiding", "Verzendkosten",
           "Trainingsworkshop", "Onderhoudscontract", "USB-C dockingstation", "Cloudhosting, maandelijks"),
    "it": ("Servizi di consulenza", "Licenza software (annuale)", "Sedia da ufficio ergonomica",
           "Toner nero", "Installazione in loco", "Switch di rete 24 porte", "Gestione progetto",
           "Spese di spedizione", "Workshop di formazione", "Contratto di manutenzione",
           "Docking station USB-C", "Hosting cloud, mensile"),
}  # fmt: skip

DETAILS: dict[str, tuple[str, ...]] = {
    "en": ("including configuration, documentation and handover to the operations team",
           "for the period from the first to the last day of the month, billed in arrears",
           "delivered to the warehouse at the main site, pallet {n}, signed delivery note attached",
           "as agreed in the framework contract, phase {n}, milestone acceptance confirmed by the client"),
    "de": ("inklusive Konfiguration, Dokumentation und Übergabe an den Betrieb",
           "für den Zeitraum vom ersten bis zum letzten Tag des Monats, nachträglich berechnet",
           "geliefert an das Lager am Hauptstandort, Palette {n}, Lieferschein unterschrieben",
           "gemäß Rahmenvertrag, Phase {n}, Abnahme des Meilensteins durch den Kunden bestätigt"),
    "fr": ("comprenant la configuration, la documentation et la remise à l'équipe d'exploitation",
           "pour la période du premier au dernier jour du mois, facturée à terme échu",
           "livré à l'entrepôt du site principal, palette {n}, bon de livraison signé joint",
           "conformément au contrat-cadre, phase {n}, réception du jalon confirmée par le client"),
    "es": ("incluye configuración, documentación y entrega al equipo de operaciones",
           "para el periodo del primer al último día del mes, facturado a mes vencido",
           "entregado en el almacén de la sede principal, palé {n}, albarán firmado adjunto",
           "según el contrato marco, fase {n}, aceptación del hito confirmada por el cliente"),
    "nl": ("inclusief configuratie, documentatie en overdracht aan het beheerteam",
           "voor de periode van de eerste tot de laatste dag van de maand, achteraf gefactureerd",
           "geleverd aan het magazijn op de hoofdlocatie, pallet {n}, getekende pakbon bijgevoegd",
           "volgens de raamovereenkomst, fase {n}, acceptatie van de mijlpaal bevestigd door de klant"),
    "it": ("comprensivo di configurazione, documentazione e consegna al team operativo",
           "per il periodo dal primo all'ultimo giorno del mese, fatturato a consuntivo",
           "consegnato al magazzino della sede principale, bancale {n}, bolla firmata allegata",
           "secondo il contratto quadro, fase {n}, accettazione della milestone confermata dal cliente"),
}  # fmt: skip


def make_items(
    rng: random.Random,
    language: str,
    rates: list[Decimal],
    count: int,
    *,
    credit: bool,
    long_share: float,
    hsn: bool = False,
) -> list[Item]:
    """``count`` items over the given tax rates; ``long_share`` of them carry a description that wraps."""
    items: list[Item] = []
    for index in range(count):
        text = rng.choice(PRODUCTS[language])
        if rng.random() < long_share:
            text = f"{text}, {rng.choice(DETAILS[language]).format(n=rng.randint(1, 40))}"
            if rng.random() < 0.4:
                text = f"{text}, {rng.choice(DETAILS[language]).format(n=rng.randint(1, 40))}"
        if rng.random() < 0.5:
            quantity = Decimal(rng.randint(1, 40))
        else:
            quantity = Decimal(rng.randint(1, 160)) / Decimal(4)  # 0.25 steps: hours, metres
        unit_price = money(Decimal(rng.randint(150, 250_000)) / Decimal(100))
        if credit:
            unit_price = -unit_price
        # Rates: the first (standard) rate dominates; the others appear on some lines.
        rate = rates[0] if index % 3 != 2 or len(rates) == 1 else rates[1 + (index // 3) % (len(rates) - 1)]
        code = (
            str(rng.choice((998314, 847130, 940130, 844331, 998713)))
            if hsn
            else f"A-{rng.randint(1000, 9999)}"
        )
        items.append(Item(text, quantity, unit_price, rate, code=code))
    return items


def issue_and_due(rng: random.Random, payment_days: int | None) -> tuple[date, date | None]:
    issue = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
    return issue, (issue + timedelta(days=payment_days) if payment_days else None)
