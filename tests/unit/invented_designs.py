"""Invoice page designs of invented vendors in real-world genres the synthetic corpus does not draw: a
mobile-phone bill, a freelancer's word-processor invoice, a web-shop order invoice, a car-repair
workshop, a solicitors' fee note, a dental practice's note, a Dutch freight forwarder, a Spanish
factura with IRPF, a Polish faktura VAT, a Swiss invoice with a QR-bill payment part, a Belgian
invoice with a structured communication, an Indian GST tax invoice, a Portuguese fatura, an Italian
fattura and a US software reseller. Each design is drawn as a real PDF (reportlab, Helvetica) and
carries the fields a person reading it would report. Round 3 adds party blocks opened by a department,
an account or a reference line, several party labels on one page, a brand letterhead with the legal
name in the footer only, a giro with one character per box and tax per item row without a summary."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen import canvas

TaxRow = tuple[Decimal | None, Decimal | None, Decimal | None]


@dataclass
class Design:
    name: str
    draw: Callable[[Pdf], None]
    expected: dict[str, str | None]
    tax_lines: list[tuple[str, str, str]] | None = None
    letter: bool = False

    def pdf(self) -> bytes:
        page = Pdf(LETTER if self.letter else A4)
        self.draw(page)
        return page.bytes()

    def expected_tax_lines(self) -> list[TaxRow] | None:
        if self.tax_lines is None:
            return None
        return sorted((Decimal(r), Decimal(b), Decimal(a)) for r, b, a in self.tax_lines)


@dataclass
class Pdf:
    """A page drawn with a top-left origin: ``y`` is the top of the text."""

    size: tuple[float, float]
    _buffer: io.BytesIO = field(default_factory=io.BytesIO)

    def __post_init__(self) -> None:
        self.canvas = canvas.Canvas(self._buffer, pagesize=self.size)

    def t(
        self, x: float, y: float, text: str, size: float = 9, *, bold: bool = False, right: bool = False
    ) -> None:
        font = "Helvetica-Bold" if bold else "Helvetica"
        self.canvas.setFont(font, size)
        baseline = self.size[1] - y - size * 0.8
        if right:
            self.canvas.drawRightString(x, baseline, text)
        else:
            self.canvas.drawString(x, baseline, text)

    def lines(self, x: float, y: float, texts: list[str], size: float = 9, pitch: float = 12) -> None:
        for n, text in enumerate(texts):
            self.t(x, y + n * pitch, text, size)

    def rule(self, x0: float, y: float, x1: float) -> None:
        self.canvas.line(x0, self.size[1] - y, x1, self.size[1] - y)

    def box(self, x: float, y: float, w: float, h: float) -> None:
        self.canvas.rect(x, self.size[1] - y - h, w, h)

    def row(
        self, y: float, cells: Sequence[tuple[float, str, bool]], size: float = 9, bold: bool = False
    ) -> None:
        """Cells at x (right-aligned when the flag says so)."""
        for x, text, right in cells:
            if text:
                self.t(x, y, text, size, bold=bold, right=right)

    def bytes(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        return self._buffer.getvalue()


# --- 1. UK mobile-phone bill: brand logo, unlabelled window block, payments in the summary --------------


def _mobile_bill(p: Pdf) -> None:
    p.t(40, 36, "skyline", 26, bold=True)
    p.t(40, 64, "mobile", 12)
    p.t(555, 40, "Your bill", 18, bold=True, right=True)
    p.row(70, [(400, "Account number", False), (555, "4410 2871 33", True)])
    p.row(82, [(400, "Bill number", False), (555, "SKY-88213407", True)])
    p.row(94, [(400, "Bill date", False), (555, "3 March 2025", True)])
    p.row(106, [(400, "Page", False), (555, "1 of 1", True)])
    p.lines(40, 150, ["Mr Daniel Harper", "Flat 4", "27 Mill Lane", "Leeds", "LS6 2RT"], size=10)
    p.t(40, 250, "Your bill summary", 13, bold=True)
    rows = [
        ("Previous bill", "£48.20"),
        ("Payment received 14 Feb - thank you", "-£48.20"),
        ("Balance brought forward", "£0.00"),
        ("Monthly plan 30GB (3 Mar - 2 Apr)", "£30.00"),
        ("Extras and roaming", "£5.00"),
        ("Total before VAT", "£35.00"),
        ("VAT at 20%", "£7.00"),
        ("Total this month", "£42.00"),
    ]
    for n, (label, value) in enumerate(rows):
        p.row(275 + 16 * n, [(40, label, False), (555, value, True)], size=10)
    p.row(420, [(40, "Amount due", False), (555, "£42.00", True)], size=12, bold=True)
    p.t(40, 445, "We'll collect £42.00 by Direct Debit from your bank account on or after 17 March 2025.")
    p.t(40, 457, "Sort code 20-45-77  Account ending 8765")
    p.t(40, 790, "Skyline Mobile Ltd, 1 Canal Street, Manchester M1 3HE. Registered in England and Wales", 7)
    p.t(40, 800, "No. 08123456. VAT No. GB 980 7806 84", 7)


# --- 2. Freelancer's invoice from a word-processor template: person as issuer, local bank account --------


def _freelancer(p: Pdf) -> None:
    p.t(40, 40, "JANE MORRISON", 24, bold=True)
    p.t(40, 70, "Graphic Design & Illustration", 10)
    p.t(40, 84, "1402 Elm Street, Austin, TX 78702", 9)
    p.t(40, 96, "jane@morrison.studio | (512) 555-0147", 9)
    p.t(572, 40, "INVOICE", 28, bold=True, right=True)
    p.t(40, 150, "BILL TO", 9, bold=True)
    p.lines(
        40, 164, ["Lakeside Coffee Roasters LLC", "Attn: Mark Ellis", "88 Shore Drive", "Portland, OR 97209"]
    )
    p.t(230, 150, "PROJECT", 9, bold=True)
    p.lines(230, 164, ["Spring menu rebrand", "Phase 2"])
    p.row(150, [(400, "INVOICE #", False), (572, "2025-014", True)], bold=False)
    p.row(164, [(400, "DATE", False), (572, "03/05/2025", True)])
    p.row(178, [(400, "DUE DATE", False), (572, "04/04/2025", True)])
    header = [(40, "DESCRIPTION", False), (380, "HOURS", True), (470, "RATE", True), (572, "AMOUNT", True)]
    p.row(250, header, bold=True)
    rows = [
        ["Logo refinements and colour palette", "10", "85.00", "850.00"],
        ["Menu board layouts (4 boards)", "12", "85.00", "1,020.00"],
        ["Print-ready files and handover", "1.5", "86.67", "130.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(270 + 16 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(340, [(470, "SUBTOTAL", True), (572, "2,000.00", True)])
    p.row(356, [(470, "SALES TAX (8.25%)", True), (572, "165.00", True)])
    p.row(374, [(470, "TOTAL DUE", True), (572, "$2,165.00", True)], bold=True)
    p.t(40, 420, "Make all checks payable to Jane Morrison.", 9)
    p.t(40, 432, "Bank transfer: Frost Bank, routing 114000093, account 4438291077", 9)
    p.t(40, 460, "Thank you for your business!", 10, bold=True)


# --- 3. German web-shop order invoice: brand logo, small return line, gross prices with VAT included -----


def _webshop(p: Pdf) -> None:
    p.t(40, 36, "NORDRAD", 26, bold=True)
    p.t(40, 64, "Fahrräder & Zubehör online", 9)
    p.t(40, 128, "NordRad Handels GmbH · Speicherstraße 12 · 28217 Bremen", 6.5)
    p.lines(40, 142, ["Frau", "Katrin Vogel", "Lindenweg 3", "01099 Dresden"], size=10)
    info = [
        ("Rechnungsnummer:", "RE-2025-104518"),
        ("Rechnungsdatum:", "12.03.2025"),
        ("Bestellnummer:", "3001-77812"),
        ("Bestelldatum:", "10.03.2025"),
        ("Kundennummer:", "558102"),
        ("Zahlungsart:", "PayPal"),
    ]
    for n, (label, value) in enumerate(info):
        p.row(130 + 12 * n, [(360, label, False), (555, value, True)])
    p.t(40, 240, "Rechnung", 16, bold=True)
    header = [
        (40, "Pos.", False),
        (70, "Art.-Nr.", False),
        (130, "Artikel", False),
        (380, "Menge", True),
        (460, "Einzelpreis", True),
        (555, "Gesamtpreis", True),
    ]
    p.row(275, header, bold=True)
    rows = [
        ["1", "88120", "Trekkingrad Nordkap 28 Zoll, Rahmen 52 cm", "1", "649,90 €", "649,90 €"],
        ["2", "40511", "Fahrradschloss Faltschloss 90 cm", "2", "34,95 €", "69,90 €"],
        ["3", "30007", "Luftpumpe Mini", "1", "30,00 €", "30,00 €"],
    ]
    for n, cells in enumerate(rows):
        p.row(293 + 15 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(360, [(460, "Zwischensumme", True), (555, "749,80 €", True)])
    p.row(374, [(460, "Versandkosten", True), (555, "0,00 €", True)])
    p.row(390, [(460, "Gesamtsumme", True), (555, "749,80 €", True)], bold=True)
    p.row(404, [(460, "enthaltene MwSt. 19 %", True), (555, "119,72 €", True)])
    p.t(40, 440, "Der Rechnungsbetrag wurde per PayPal beglichen. Vielen Dank für Ihren Einkauf!")
    p.lines(40, 780, ["NordRad Handels GmbH", "Speicherstraße 12", "28217 Bremen"], size=7, pitch=9)
    p.lines(
        220,
        780,
        ["Geschäftsführer: Jan Ohlsen", "Amtsgericht Bremen HRB 31544", "USt-IdNr. DE136695976"],
        7,
        9,
    )
    p.lines(400, 780, ["Commerzbank Bremen", "IBAN DE89 3704 0044 0532 0130 00", "BIC COBADEFFXXX"], 7, 9)


# --- 4. Car-repair workshop: label left of the customer block, vehicle data, parts and labour -----------


def _workshop(p: Pdf) -> None:
    p.t(40, 36, "Autohaus Brenner", 20, bold=True)
    p.t(40, 60, "Meisterwerkstatt für alle Marken", 9)
    p.lines(420, 36, ["Münchner Str. 40", "85540 Haar", "Tel. 089 4601230"], size=8, pitch=10)
    p.t(40, 110, "Kunde:", 9, bold=True)
    p.lines(100, 110, ["Thomas Reiter", "Am Anger 7", "85540 Haar"])
    p.t(360, 110, "Werkstattrechnung", 14, bold=True)
    p.row(132, [(360, "Rechnung Nr.", False), (555, "24-0815", True)])
    p.row(144, [(360, "Datum", False), (555, "18.11.2024", True)])
    p.row(156, [(360, "Auftrag", False), (555, "7731", True)])
    p.row(190, [(40, "Fahrzeug: VW Golf VII 1.6 TDI", False), (300, "Kennzeichen: M-TR 4711", False)])
    p.row(202, [(40, "FIN: WVWZZZAUZFW123456", False), (300, "km-Stand: 128.450", False)])
    header = [
        (40, "Art", False),
        (90, "Bezeichnung", False),
        (400, "Menge", True),
        (470, "Preis", True),
        (555, "Betrag", True),
    ]
    p.row(240, header, bold=True)
    rows = [
        ["Lohn", "Inspektion nach Herstellervorgabe", "12 AW", "10,00", "120,00"],
        ["Lohn", "Bremsbeläge vorne erneuern", "12 AW", "10,00", "120,00"],
        ["Teil", "Bremsbelagsatz vorne", "1", "89,50", "89,50"],
        ["Teil", "Motoröl 5W-30", "4,5", "16,00", "72,00"],
        ["Teil", "Ölfilter", "1", "149,00", "149,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(258 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(340, [(470, "Summe Lohn", True), (555, "240,00", True)])
    p.row(352, [(470, "Summe Teile", True), (555, "310,50", True)])
    p.row(368, [(470, "Nettobetrag", True), (555, "550,50", True)])
    p.row(380, [(470, "MwSt. 19 %", True), (555, "104,60", True)])
    p.row(396, [(470, "Rechnungsbetrag EUR", True), (555, "655,10", True)], bold=True)
    p.t(40, 430, "Zahlbar sofort ohne Abzug.")
    p.t(40, 790, "Autohaus Brenner e.K. · Inh. Max Brenner · USt-IdNr. DE811569869", 7)
    p.t(40, 800, "Kreissparkasse München · IBAN DE02 7002 0270 0010 1086 69 · BIC HYVEDEMMXXX", 7)


# --- 5. Solicitors' fee note: "Private & Confidential", person over company, outlays outside VAT ---------


def _fee_note(p: Pdf) -> None:
    p.t(297, 36, "", 1)
    p.canvas.setFont("Helvetica-Bold", 20)
    p.canvas.drawCentredString(297, 842 - 52, "MURPHY & KEANE")
    p.canvas.setFont("Helvetica", 9)
    p.canvas.drawCentredString(297, 842 - 68, "SOLICITORS")
    p.canvas.drawCentredString(
        297, 842 - 80, "14 Fitzwilliam Square, Dublin 2, D02 YX88  ·  Tel. +353 1 555 0101"
    )
    p.t(40, 130, "PRIVATE & CONFIDENTIAL", 8, bold=True)
    p.lines(
        40,
        146,
        [
            "Ms. Aoife Brennan",
            "Brennan Design Studio Ltd",
            "Unit 5, Docklands Innovation Park",
            "Dublin 3, D03 K2P4",
        ],
    )
    p.row(146, [(380, "Our Ref:", False), (460, "MK/AB/2291", False)])
    p.row(158, [(380, "Your Ref:", False), (460, "AB-Unit5", False)])
    p.row(170, [(380, "Date:", False), (460, "28 February 2025", False)])
    p.t(40, 230, "FEE NOTE No. 2025/0412", 13, bold=True)
    p.t(40, 256, "To our professional fees in connection with your purchase of Unit 5,")
    p.t(40, 268, "Docklands Innovation Park, including title investigation and completion.")
    p.row(300, [(40, "Professional fee", False), (555, "2,500.00", True)])
    p.row(314, [(40, "VAT @ 23%", False), (555, "575.00", True)])
    p.t(40, 340, "Outlays (not subject to VAT):", 9, bold=True)
    p.row(354, [(60, "Land Registry fee", False), (470, "400.00", True)])
    p.row(366, [(60, "Stamp duty e-filing", False), (470, "50.00", True)])
    p.row(380, [(40, "Total outlays", False), (555, "450.00", True)])
    p.row(404, [(40, "TOTAL DUE", False), (555, "€3,525.00", True)], bold=True)
    p.t(40, 440, "Payment by EFT to Bank of Ireland, IBAN IE29 AIBK 9311 5212 3456 78, BIC AIBKIE2D.")
    p.t(40, 790, "Murphy & Keane LLP is regulated by the Law Society of Ireland. VAT Reg. No. IE 6388047V", 7)


# --- 6. French dental practice: "Patient" label above the block, VAT exemption, paid at the desk ---------


def _dental(p: Pdf) -> None:
    p.t(40, 40, "Dr Claire Fontaine", 16, bold=True)
    p.lines(
        40,
        62,
        [
            "Chirurgien-dentiste",
            "12 rue des Lilas, 69003 Lyon",
            "Tél. 04 78 00 11 22",
            "N° RPPS 10003456789  ·  SIRET 812 345 678 00021",
        ],
        size=8,
        pitch=10,
    )
    p.t(340, 140, "Patient :", 9, bold=True)
    p.lines(340, 154, ["M. Hugo Lambert", "8 avenue Jean Jaurès", "69007 Lyon"])
    p.t(40, 220, "Note d'honoraires n° 2025-0331", 13, bold=True)
    p.t(40, 240, "Lyon, le 31 mars 2025")
    header = [(40, "Date", False), (110, "Acte", False), (380, "Code", False), (555, "Montant", True)]
    p.row(280, header, bold=True)
    rows = [
        ["17/03/2025", "Consultation et bilan bucco-dentaire", "BDC", "30,00 €"],
        ["17/03/2025", "Détartrage complet", "HBJD001", "43,38 €"],
        ["24/03/2025", "Composite 2 faces", "HBMD050", "156,62 €"],
    ]
    for n, cells in enumerate(rows):
        p.row(298 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(360, [(470, "Total des honoraires", True), (555, "230,00 €", True)], bold=True)
    p.row(376, [(470, "Réglé par carte bancaire le 31/03/2025", True), (555, "230,00 €", True)])
    p.row(390, [(470, "Reste à payer", True), (555, "0,00 €", True)])
    p.t(40, 430, "TVA non applicable, article 261-4-1° du CGI.", 8)


# --- 7. Dutch freight forwarder: debtor number over the block, grid of header cells, two VAT rates -------


def _forwarder(p: Pdf) -> None:
    p.t(40, 36, "VanDijk", 24, bold=True)
    p.t(40, 62, "Expeditie · Warehousing · Douane", 8)
    p.lines(
        400,
        36,
        ["Van Dijk Expeditie B.V.", "Havenweg 41", "3089 JB Rotterdam", "KvK 24301234", "BTW NL004495445B01"],
        size=8,
        pitch=10,
    )
    p.t(40, 140, "Debiteurnummer: 20418", 8)
    p.lines(
        40,
        154,
        ["Bakkerij De Gouden Korenaar", "t.a.v. crediteurenadministratie", "Industrieweg 8", "5683 CK Best"],
        size=10,
    )
    p.t(40, 240, "FACTUUR", 16, bold=True)
    grid = [
        (40, "Factuurnummer", "90124577"),
        (160, "Factuurdatum", "14-02-2025"),
        (280, "Vervaldatum", "16-03-2025"),
        (400, "Uw referentie", "PO 4471"),
    ]
    for x, label, value in grid:
        p.t(x, 266, label, 8, bold=True)
        p.t(x, 278, value, 9)
    header = [
        (40, "Zending", False),
        (120, "Omschrijving", False),
        (430, "Gewicht", True),
        (555, "Bedrag", True),
    ]
    p.row(310, header, bold=True)
    rows = [
        ["RTM-5512", "Wegtransport Rotterdam - Best, 6 pallets", "3.240 kg", "1.240,00"],
        ["RTM-5513", "Zeevracht Shanghai - Rotterdam (export, 0%)", "5.100 kg", "600,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(328 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(380, [(470, "Totaal excl. BTW", True), (555, "1.840,00", True)])
    p.row(394, [(470, "BTW 21% over 1.240,00", True), (555, "260,40", True)])
    p.row(408, [(470, "BTW 0% over 600,00", True), (555, "0,00", True)])
    p.row(424, [(470, "Totaal incl. BTW", True), (555, "2.100,40", True)], bold=True)
    p.t(40, 460, "Gelieve het bedrag van € 2.100,40 vóór 16-03-2025 over te maken op rekening")
    p.t(40, 472, "NL91 ABNA 0417 1643 00 t.n.v. Van Dijk Expeditie B.V. o.v.v. het factuurnummer.")
    p.t(40, 800, "Op al onze werkzaamheden zijn de Nederlandse Expeditievoorwaarden van toepassing.", 7)


# --- 8. Spanish freelancer's factura: "Datos del cliente" box on the right, IRPF withheld ----------------


def _factura(p: Pdf) -> None:
    p.t(555, 40, "FACTURA", 24, bold=True, right=True)
    p.t(40, 40, "Laura Gómez Ruiz", 14, bold=True)
    p.lines(
        40,
        60,
        ["Traducciones e interpretación", "NIF: 12345678Z", "C/ Alcalá 120, 3º B", "28009 Madrid"],
        size=8,
        pitch=10,
    )
    p.box(320, 110, 235, 78)
    p.t(330, 116, "DATOS DEL CLIENTE", 8, bold=True)
    p.lines(330, 130, ["Editorial Marea S.L.", "CIF: B12345674", "Calle Mayor 5", "46001 Valencia"])
    p.row(130, [(40, "Nº factura:", False), (120, "2025/021", False)])
    p.row(142, [(40, "Fecha:", False), (120, "15/03/2025", False)])
    p.row(154, [(40, "Vencimiento:", False), (120, "14/04/2025", False)])
    header = [(40, "Concepto", False), (360, "Cantidad", True), (450, "Precio", True), (555, "Importe", True)]
    p.row(230, header, bold=True)
    rows = [
        ["Traducción EN-ES manual técnico (palabras)", "8.000", "0,12", "960,00"],
        ["Revisión y maquetación", "4", "60,00", "240,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(248 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(300, [(450, "Base imponible", True), (555, "1.200,00 €", True)])
    p.row(314, [(450, "IVA 21%", True), (555, "252,00 €", True)])
    p.row(328, [(450, "IRPF -15%", True), (555, "-180,00 €", True)])
    p.row(344, [(450, "TOTAL FACTURA", True), (555, "1.272,00 €", True)], bold=True)
    p.t(40, 390, "Forma de pago: transferencia bancaria a ES91 2100 0418 4502 0005 1332")


# --- 9. Swiss invoice: window on the right with a return line, QR-bill receipt and payment part ---------


def _swiss_qr(p: Pdf) -> None:
    p.t(40, 36, "Gartenbau Meier AG", 16, bold=True)
    p.lines(40, 56, ["Seestrasse 14", "8800 Thalwil", "MWST CHE-116.281.710 MWST"], size=8, pitch=10)
    p.t(330, 120, "Gartenbau Meier AG, Seestrasse 14, 8800 Thalwil", 6)
    p.lines(330, 134, ["Herr", "Peter Keller", "Bergstrasse 22", "8802 Kilchberg"], size=10)
    p.t(40, 220, "Rechnung Nr. 2025-0311", 13, bold=True)
    p.t(330, 220, "Thalwil, 11. März 2025")
    header = [(40, "Leistung", False), (380, "Std.", True), (460, "Ansatz", True), (555, "Betrag", True)]
    p.row(260, header, bold=True)
    rows = [
        ["Heckenschnitt und Entsorgung", "14", "95.00", "1'330.00"],
        ["Rasenpflege Frühjahr", "1", "520.00", "520.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(278 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(320, [(460, "Total exkl. MWST", True), (555, "CHF 1'850.00", True)])
    p.row(334, [(460, "MWST 8.1 %", True), (555, "CHF 149.85", True)])
    p.row(350, [(460, "Total inkl. MWST", True), (555, "CHF 1'999.85", True)], bold=True)
    p.t(40, 380, "Zahlbar innert 30 Tagen mit beiliegendem QR-Einzahlungsschein.")
    p.rule(0, 540, 595)
    p.t(20, 555, "Empfangsschein", 11, bold=True)
    p.t(20, 575, "Konto / Zahlbar an", 6, bold=True)
    p.lines(
        20, 584, ["CH44 3199 9123 0008 8901 2", "Gartenbau Meier AG", "Seestrasse 14", "8800 Thalwil"], 8, 9
    )
    p.t(20, 630, "Referenz", 6, bold=True)
    p.t(20, 639, "21 00000 00003 13947 14300 09017", 8)
    p.t(20, 655, "Zahlbar durch", 6, bold=True)
    p.lines(20, 664, ["Peter Keller", "Bergstrasse 22", "8802 Kilchberg"], 8, 9)
    p.row(720, [(20, "Währung", False), (70, "Betrag", False)], size=6, bold=True)
    p.row(730, [(20, "CHF", False), (70, "1 999.85", False)], size=8)
    p.t(190, 555, "Zahlteil", 11, bold=True)
    p.row(720, [(190, "Währung", False), (240, "Betrag", False)], size=6, bold=True)
    p.row(730, [(190, "CHF", False), (240, "1 999.85", False)], size=8)
    p.t(350, 555, "Konto / Zahlbar an", 7, bold=True)
    p.lines(
        350, 565, ["CH44 3199 9123 0008 8901 2", "Gartenbau Meier AG", "Seestrasse 14", "8800 Thalwil"], 9, 10
    )
    p.t(350, 615, "Referenz", 7, bold=True)
    p.t(350, 625, "21 00000 00003 13947 14300 09017", 9)
    p.t(350, 645, "Zahlbar durch", 7, bold=True)
    p.lines(350, 655, ["Peter Keller", "Bergstrasse 22", "8802 Kilchberg"], 9, 10)


# --- 10. Belgian invoice (FR): "Client :" left of its block, HTVA / TVAC, structured communication ------


def _belgian(p: Pdf) -> None:
    p.t(40, 36, "Imprimerie Lambert SRL", 16, bold=True)
    p.lines(40, 56, ["Rue de la Station 45", "5000 Namur", "TVA BE 0428.759.497"], size=8, pitch=10)
    p.t(300, 120, "Client :", 9, bold=True)
    p.lines(350, 120, ["Brasserie du Parc SA", "Avenue Louise 200", "1050 Bruxelles", "TVA BE 0403.170.701"])
    p.t(40, 200, "FACTURE", 16, bold=True)
    p.row(226, [(40, "Numéro :", False), (110, "F25-0087", False)])
    p.row(238, [(40, "Date :", False), (110, "05/03/2025", False)])
    p.row(250, [(40, "Échéance :", False), (110, "04/04/2025", False)])
    header = [
        (40, "Description", False),
        (380, "Qté", True),
        (460, "P.U. HTVA", True),
        (555, "Total HTVA", True),
    ]
    p.row(290, header, bold=True)
    rows = [
        ["Cartes de menu A4, quadri recto-verso", "500", "2,90", "1.450,00"],
        ["Sets de table imprimés", "2.000", "0,50", "1.000,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(308 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(360, [(460, "Total HTVA", True), (555, "2.450,00", True)])
    p.row(374, [(460, "TVA 21 %", True), (555, "514,50", True)])
    p.row(390, [(460, "Total TVAC", True), (555, "2.964,50 EUR", True)], bold=True)
    p.t(
        40, 430, "Merci de verser le montant de 2.964,50 EUR sur le compte BE68 5390 0754 7034 (BIC GKCCBEBB)"
    )
    p.t(40, 442, "avec la communication structurée +++090/9337/55493+++")


# --- 11. Indian GST tax invoice: receiver and consignee boxes with "Name:" prefixes, CGST + SGST ---------


def _gst(p: Pdf) -> None:
    p.canvas.setFont("Helvetica-Bold", 14)
    p.canvas.drawCentredString(297, 842 - 46, "TAX INVOICE")
    p.t(40, 66, "Shreeji Packaging Pvt. Ltd.", 14, bold=True)
    p.lines(
        40,
        84,
        ["Plot 17, MIDC Bhosari, Pune 411026", "GSTIN: 27AAPFU0939F1ZV  State: Maharashtra (27)"],
        8,
        10,
    )
    p.row(120, [(40, "Invoice No.: SPP/24-25/1187", False), (320, "Invoice Date: 14/03/2025", False)])
    p.box(40, 140, 255, 80)
    p.box(300, 140, 255, 80)
    p.t(46, 146, "Details of Receiver (Billed to)", 8, bold=True)
    p.lines(
        46,
        160,
        [
            "Name: Harbor Foods India Pvt. Ltd.",
            "Address: 22 Marine Lines, Mumbai 400002",
            "GSTIN: 29AAGCB7383J1Z4",
            "State: Maharashtra   Code: 27",
        ],
        8,
        11,
    )
    p.t(306, 146, "Details of Consignee (Shipped to)", 8, bold=True)
    p.lines(
        306,
        160,
        [
            "Name: Harbor Foods Warehouse",
            "Address: Gat 402, Chakan, Pune 410501",
            "State: Maharashtra   Code: 27",
        ],
        8,
        11,
    )
    header = [
        (40, "S.No", False),
        (70, "Description of Goods", False),
        (290, "HSN", False),
        (370, "Qty", True),
        (450, "Rate", True),
        (555, "Taxable Value", True),
    ]
    p.row(240, header, bold=True)
    rows = [
        ["1", "Corrugated boxes 5-ply", "4819", "2,000", "18.00", "36,000.00"],
        ["2", "Printed labels", "4821", "10,000", "1.40", "14,000.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(258 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(310, [(450, "Total Amount before Tax", True), (555, "50,000.00", True)])
    p.row(324, [(450, "Add: CGST @ 9%", True), (555, "4,500.00", True)])
    p.row(338, [(450, "Add: SGST @ 9%", True), (555, "4,500.00", True)])
    p.row(352, [(450, "Total Tax Amount", True), (555, "9,000.00", True)])
    p.row(368, [(450, "Total Amount after Tax", True), (555, "59,000.00", True)], bold=True)
    p.t(40, 400, "Amount in words: Rupees Fifty Nine Thousand Only", 8)
    p.t(40, 420, "Bank Details: HDFC Bank, A/c No. 50200012345678, IFSC HDFC0001234", 8)


# --- 12. Portuguese fatura: "Exmo.(s) Sr.(s)" over the customer, two IVA rates in a summary table -------


def _fatura(p: Pdf) -> None:
    p.t(40, 36, "Tipografia Atlântico, Lda.", 15, bold=True)
    p.lines(
        40, 56, ["Rua do Almada 210, 4050-031 Porto", "NIF PT501964843  ·  Capital social 5.000 €"], 8, 10
    )
    p.t(330, 110, "Exmo.(s) Sr.(s)", 8)
    p.lines(330, 122, ["Pastelaria Bela Vista, Lda.", "Avenida da Boavista 1200", "4100-130 Porto"])
    p.t(40, 180, "FATURA FT 2025/117", 14, bold=True)
    p.row(200, [(40, "Data de emissão: 07/03/2025", False), (330, "Vencimento: 06/04/2025", False)])
    header = [
        (40, "Artigo", False),
        (330, "Qtd.", True),
        (410, "Preço", True),
        (470, "IVA", True),
        (555, "Valor", True),
    ]
    p.row(240, header, bold=True)
    rows = [
        ["Caixas para bolos personalizadas", "1.000", "0,80", "23%", "800,00"],
        ["Guardanapos impressos", "5.000", "0,04", "6%", "200,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(258 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(310, [(40, "Taxa", False), (150, "Incidência", True), (230, "Valor IVA", True)], bold=True)
    p.row(324, [(40, "IVA 23%", False), (150, "800,00", True), (230, "184,00", True)])
    p.row(338, [(40, "IVA 6%", False), (150, "200,00", True), (230, "12,00", True)])
    p.row(310, [(470, "Total ilíquido", True), (555, "1.000,00", True)])
    p.row(324, [(470, "Total IVA", True), (555, "196,00", True)])
    p.row(340, [(470, "Total a pagar", True), (555, "1.196,00 €", True)], bold=True)
    p.t(40, 380, "IBAN PT50 0002 0123 1234 5678 9015 4  ·  BIC CGDIPTPL")


# --- 13. Italian fattura: "Spett.le" right of the seller, partita IVA, IBAN in the payment terms --------


def _fattura(p: Pdf) -> None:
    p.t(40, 36, "Studio Grafico Riva", 16, bold=True)
    p.lines(40, 56, ["di Marco Riva", "Via Garibaldi 18, 10122 Torino", "P. IVA IT00743110157"], 8, 10)
    p.t(330, 110, "Spett.le", 9)
    p.lines(330, 122, ["Cantina Colli Alti S.r.l.", "Strada Provinciale 12", "12051 Alba (CN)"])
    p.t(40, 180, "Fattura n. 18/2025 del 21/03/2025", 13, bold=True)
    header = [(40, "Descrizione", False), (380, "Q.tà", True), (460, "Prezzo", True), (555, "Importo", True)]
    p.row(220, header, bold=True)
    rows = [
        ["Progetto etichette linea Riserva", "1", "1.800,00", "1.800,00"],
        ["Adattamenti formato magnum", "3", "100,00", "300,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(238 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(290, [(460, "Imponibile", True), (555, "2.100,00", True)])
    p.row(304, [(460, "IVA 22%", True), (555, "462,00", True)])
    p.row(320, [(460, "Totale documento", True), (555, "2.562,00", True)], bold=True)
    p.row(334, [(460, "Ritenuta d'acconto 20%", True), (555, "-420,00", True)])
    p.row(350, [(460, "Netto a pagare", True), (555, "2.142,00", True)], bold=True)
    p.t(40, 380, "Pagamento: bonifico a 30 gg d.f. su IBAN IT60 X054 2811 1010 0000 0123 456")


# --- 14. US software reseller: Sold To / Ship To / End User side by side, Remit To, payments applied -----


def _reseller(p: Pdf) -> None:
    p.t(40, 36, "CLOUDWARE", 22, bold=True)
    p.t(40, 60, "Licensing Solutions", 9)
    p.t(572, 36, "INVOICE", 20, bold=True, right=True)
    p.row(62, [(430, "Invoice No:", False), (572, "CW-551902", True)])
    p.row(74, [(430, "Invoice Date:", False), (572, "02/14/2025", True)])
    p.row(86, [(430, "Terms:", False), (572, "Net 30", True)])
    p.row(98, [(430, "Due Date:", False), (572, "03/16/2025", True)])
    for x, label in ((40, "Sold To:"), (220, "Ship To:"), (400, "End User:")):
        p.t(x, 130, label, 9, bold=True)
    p.lines(
        40, 144, ["Brightline Dental Group Inc.", "Accounts Payable", "900 Commerce Blvd", "Tampa, FL 33602"]
    )
    p.lines(220, 144, ["Brightline Dental Group", "IT Department", "14 Harbor View", "Clearwater, FL 33755"])
    p.lines(400, 144, ["Dr. Ana Ruiz", "Brightline Dental Group", "ana.ruiz@brightline.example"])
    header = [
        (40, "Part Number", False),
        (140, "Description", False),
        (400, "Qty", True),
        (480, "Unit Price", True),
        (572, "Extended", True),
    ]
    p.row(230, header, bold=True)
    rows = [
        ["MS-365-BP", "Microsoft 365 Business Premium (annual)", "25", "264.00", "6,600.00"],
        ["ESET-EP-A", "ESET Endpoint Protection Advanced 1yr", "25", "48.00", "1,200.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(248 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(300, [(480, "Subtotal", True), (572, "7,800.00", True)])
    p.row(314, [(480, "Shipping & Handling", True), (572, "0.00", True)])
    p.row(328, [(480, "Sales Tax (7.5%)", True), (572, "585.00", True)])
    p.row(342, [(480, "Total", True), (572, "8,385.00", True)], bold=True)
    p.row(356, [(480, "Payments/Credits", True), (572, "-2,000.00", True)])
    p.row(372, [(480, "Balance Due", True), (572, "$6,385.00", True)], bold=True)
    p.t(40, 300, "Remit To:", 9, bold=True)
    p.lines(40, 314, ["Cloudware Distribution LLC", "PO Box 7712", "Dallas, TX 75209"])
    p.t(40, 740, "Cloudware Distribution LLC  ·  EIN 82-1234567  ·  billing@cloudware.example", 7)


# --- 15. Indian small trader: "To," over "M/s." and the buyer, IGST, local bank account --------------


def _small_trader(p: Pdf) -> None:
    p.canvas.setFont("Helvetica-Bold", 18)
    p.canvas.drawCentredString(297, 842 - 50, "GANESH ELECTRICALS")
    p.canvas.setFont("Helvetica", 8)
    p.canvas.drawCentredString(297, 842 - 68, "Dealers in Wires, Switchgear & Lighting  ·  Prop. R. K. Gupta")
    p.canvas.drawCentredString(297, 842 - 80, "14 Station Road, Jaipur 302006  ·  GSTIN 08AABCG1234M1Z5")
    p.t(40, 120, "To,", 9)
    p.lines(40, 134, ["M/s. Sharma Traders", "Shop 12, Main Bazaar", "Ajmer 305001", "GSTIN 08AAGFS4321K1Z2"])
    p.row(120, [(380, "Invoice No.", False), (470, ": GE/117", False)])
    p.row(134, [(380, "Date", False), (470, ": 05-03-2025", False)])
    p.row(148, [(380, "Place of Supply", False), (470, ": Rajasthan", False)])
    header = [
        (40, "Sr.", False),
        (70, "Particulars", False),
        (300, "HSN", False),
        (380, "Qty", True),
        (460, "Rate", True),
        (555, "Amount", True),
    ]
    p.row(210, header, bold=True)
    rows = [
        ["1", "PVC insulated wire 1.5 sq mm (90 m)", "8544", "20", "1,150.00", "23,000.00"],
        ["2", "MCB 32A double pole", "8536", "30", "240.00", "7,200.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(228 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(280, [(460, "Taxable Value", True), (555, "30,200.00", True)])
    p.row(294, [(460, "IGST @ 18%", True), (555, "5,436.00", True)])
    p.row(310, [(460, "Grand Total", True), (555, "35,636.00", True)], bold=True)
    p.t(40, 340, "Rupees Thirty Five Thousand Six Hundred Thirty Six Only", 8)
    p.t(40, 360, "Bank: State Bank of India, A/c No. 30012345678, IFSC SBIN0001234", 8)
    p.t(555, 420, "For GANESH ELECTRICALS", 9, right=True)


# --- 16. British web shop: delivery address first, billing address right, shipping in the taxed base -----


def _uk_shop(p: Pdf) -> None:
    p.t(40, 36, "Hollow Oak Teas", 20, bold=True)
    p.t(40, 60, "hello@hollowoak.example  ·  www.hollowoak.example", 8)
    p.t(555, 36, "INVOICE", 16, bold=True, right=True)
    p.row(58, [(420, "Order", False), (555, "#HO-20931", True)])
    p.row(70, [(420, "Invoice no.", False), (555, "HO-INV-7781", True)])
    p.row(82, [(420, "Date", False), (555, "09/01/2025", True)])
    p.t(40, 130, "Deliver to:", 9, bold=True)
    p.lines(40, 144, ["Sam Whitfield", "The Old Rectory", "Church Lane", "Ludlow", "SY8 1AA"])
    p.t(300, 130, "Invoice to:", 9, bold=True)
    p.lines(300, 144, ["Whitfield & Rowe Ltd", "Accounts Department", "3 Broad Street", "Ludlow", "SY8 1NG"])
    header = [(40, "Item", False), (380, "Qty", True), (460, "Price", True), (555, "Total", True)]
    p.row(240, header, bold=True)
    rows = [
        ["Assam breakfast loose leaf 1 kg", "4", "18.50", "74.00"],
        ["Ceramic teapot, speckled white", "2", "38.00", "76.00"],
        ["Gift wrapping", "1", "5.00", "5.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(258 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(
        320,
        [(40, "Subtotal", False), (170, "Shipping", False), (300, "VAT (20%)", False), (430, "Total", False)],
        size=8,
        bold=True,
    )
    p.row(
        334,
        [(40, "£155.00", False), (170, "£9.95", False), (300, "£32.99", False), (430, "£197.94", False)],
        size=11,
    )
    p.t(40, 380, "Paid with Visa ending 4421 on 09/01/2025. Thank you for your order!", 8)
    p.t(40, 800, "Hollow Oak Teas Ltd  ·  Company No. 11223344  ·  VAT GB980780684", 7)


# --- 17. German utility bill: the customer's own IBAN in the direct-debit note, the supplier's in the footer


def _utility(p: Pdf) -> None:
    p.t(40, 36, "Stadtwerke Lindau", 18, bold=True)
    p.t(40, 58, "Energie · Wasser · Wärme", 9)
    p.t(40, 120, "Stadtwerke Lindau GmbH · Postfach 1120 · 88131 Lindau", 6.5)
    p.lines(40, 134, ["Herrn", "Jonas Albrecht", "Seeweg 4", "88131 Lindau"], size=10)
    for n, (label, value) in enumerate(
        [
            ("Kundennummer", "400 118 227"),
            ("Vertragskonto", "7702 4415"),
            ("Rechnungsnummer", "2025 0004 8812"),
            ("Datum", "04.02.2025"),
        ]
    ):
        p.row(130 + 12 * n, [(360, label, False), (555, value, True)])
    p.t(40, 220, "Jahresverbrauchsabrechnung Strom 2024", 13, bold=True)
    header = [(40, "Zeitraum", False), (190, "Verbrauch", True), (300, "Preis", True), (555, "Betrag", True)]
    p.row(250, header, bold=True)
    rows = [
        ["01.01.2024 - 31.12.2024", "2.850 kWh", "0,3120", "889,20"],
        ["Grundpreis 12 Monate", "", "", "138,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(268 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(310, [(460, "Summe netto", True), (555, "1.027,20", True)])
    p.row(324, [(460, "Umsatzsteuer 19 %", True), (555, "195,17", True)])
    p.row(338, [(460, "Rechnungsbetrag brutto", True), (555, "1.222,37", True)])
    p.row(352, [(460, "abzüglich geleistete Abschläge", True), (555, "-1.100,00", True)])
    p.row(368, [(460, "Nachzahlung", True), (555, "122,37", True)], bold=True)
    p.t(40, 400, "Den Betrag von 122,37 EUR buchen wir am 18.02.2025 von Ihrem Konto")
    p.t(40, 412, "IBAN DE02 1203 0000 0000 2020 51 ab (Mandatsreferenz SWL-400118227).")
    p.lines(
        40,
        782,
        [
            "Stadtwerke Lindau GmbH · Sitz Lindau · Amtsgericht Kempten HRB 1234",
            "Sparkasse Memmingen-Lindau-Mindelheim · IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX",
            "USt-IdNr. DE811569869",
        ],
        size=7,
        pitch=9,
    )


# --- 18. Dutch factuur: "Aan:" beside the customer, BTW line with its base, totals band of two figures --


def _factuur(p: Pdf) -> None:
    p.t(40, 36, "Studio Lichtval", 18, bold=True)
    p.lines(40, 58, ["Oudegracht 210", "3511 NR Utrecht", "KvK 81234567", "BTW NL004495445B01"], 8, 10)
    p.t(320, 130, "Aan:", 9, bold=True)
    p.lines(360, 130, ["Gemeente Houten", "Afdeling Communicatie", "Postbus 30", "3990 DA Houten"])
    p.t(40, 210, "Factuur", 16, bold=True)
    p.row(236, [(40, "Factuurnummer:", False), (140, "2025-031", False)])
    p.row(248, [(40, "Datum:", False), (140, "17 februari 2025", False)])
    p.row(260, [(40, "Betreft:", False), (140, "Fotografie jaarverslag 2024", False)])
    header = [
        (40, "Omschrijving", False),
        (400, "Aantal", True),
        (470, "Tarief", True),
        (555, "Bedrag", True),
    ]
    p.row(300, header, bold=True)
    rows = [
        ["Fotografie op locatie (dagdelen)", "3", "450,00", "1.350,00"],
        ["Nabewerking en selectie", "6", "75,00", "450,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(318 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(360, [(470, "Subtotaal", True), (555, "€ 1.800,00", True)])
    p.row(374, [(470, "21% btw over € 1.800,00", True), (555, "€ 378,00", True)])
    p.row(390, [(470, "Te betalen", True), (555, "€ 2.178,00", True)], bold=True)
    p.t(40, 430, "Graag binnen 30 dagen overmaken op NL91 ABNA 0417 1643 00 t.n.v. Studio Lichtval.")


# --- 19. US contractor: a form grid of Customer / Job Site, a deposit deducted, balance due -------------


def _contractor(p: Pdf) -> None:
    p.t(40, 36, "RIDGELINE ROOFING & EXTERIORS", 16, bold=True)
    p.t(40, 56, "Licensed & Insured · CCB #204117 · 2200 NE Alberta St, Portland, OR 97211", 8)
    p.t(572, 36, "INVOICE", 18, bold=True, right=True)
    p.row(60, [(440, "Invoice #", False), (572, "R-1093", True)])
    p.row(72, [(440, "Date", False), (572, "04/22/2025", True)])
    p.box(40, 100, 532, 56)
    p.row(
        108,
        [
            (46, "Customer:", False),
            (110, "Greenway Property Management Inc.", False),
            (320, "Job Site:", False),
            (380, "1185 SE Ash St", False),
        ],
    )
    p.row(122, [(46, "Address:", False), (110, "PO Box 4410", False), (380, "Portland, OR 97214", False)])
    p.row(136, [(110, "Portland, OR 97208", False), (320, "Phone:", False), (380, "(503) 555-0199", False)])
    header = [(40, "Description", False), (470, "Qty", True), (572, "Amount", True)]
    p.row(180, header, bold=True)
    rows = [
        ["Tear-off and haul away existing roof (squares)", "22", "2,640.00"],
        ["Architectural shingles installed (squares)", "22", "5,280.00"],
        ["Ridge vent and flashing", "1", "600.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(198 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(260, [(470, "Subtotal", True), (572, "8,520.00", True)])
    p.row(274, [(470, "Sales Tax (0%)", True), (572, "0.00", True)])
    p.row(288, [(470, "Total", True), (572, "8,520.00", True)])
    p.row(302, [(470, "Less Deposit Received", True), (572, "-3,000.00", True)])
    p.row(318, [(470, "Balance Due", True), (572, "$5,520.00", True)], bold=True)
    p.t(40, 360, "Please make checks payable to Ridgeline Roofing & Exteriors LLC.", 9)


# --- 20. French B2C facture: "Facturé à" on the right, prices with tax, "dont TVA" under the total ------


def _ttc(p: Pdf) -> None:
    p.t(40, 36, "Atelier Vélo Capucine", 16, bold=True)
    p.lines(40, 56, ["18 rue Oberkampf, 75011 Paris", "SIRET 812 345 678 00021"], 8, 10)
    p.t(340, 120, "Facturé à", 9, bold=True)
    p.lines(340, 134, ["Mme Élise Moreau", "3 allée des Tilleuls", "92100 Boulogne-Billancourt"])
    p.t(40, 200, "Facture n° AVC-25-0142", 13, bold=True)
    p.t(40, 218, "Date : 12/04/2025")
    header = [(40, "Désignation", False), (400, "Qté", True), (470, "PU TTC", True), (555, "Total TTC", True)]
    p.row(250, header, bold=True)
    rows = [
        ["Révision complète vélo de ville", "1", "89,00", "89,00"],
        ["Pneu Schwalbe Marathon 700x35", "2", "34,90", "69,80"],
        ["Chambre à air", "2", "7,60", "15,20"],
    ]
    for n, cells in enumerate(rows):
        p.row(268 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(330, [(470, "Total TTC", True), (555, "174,00 €", True)], bold=True)
    p.row(344, [(470, "dont TVA 20 %", True), (555, "29,00 €", True)])
    p.t(40, 380, "Réglé en carte bancaire le 12/04/2025. Merci de votre visite !", 8)
    p.t(
        40,
        800,
        "Atelier Vélo Capucine SARL au capital de 8 000 € · RCS Paris 812 345 678 · TVA FR40303265045",
        7,
    )


# --- 21. Austrian joinery: sender block at the top right, window on the left, no label anywhere --------


def _joinery(p: Pdf) -> None:
    p.lines(555, 36, [], 8)
    for n, text in enumerate(
        [
            "TISCHLEREI GRUBER",
            "Gruber Möbelbau GmbH",
            "Hauptplatz 9",
            "4020 Linz",
            "Tel. +43 732 771100",
            "UID ATU13585627",
        ]
    ):
        p.t(555, 36 + 12 * n, text, 14 if n == 0 else 8, bold=n == 0, right=True)
    p.t(40, 128, "Gruber Möbelbau GmbH, Hauptplatz 9, 4020 Linz", 6.5)
    p.lines(40, 142, ["Familie", "Anna und Lukas Berger", "Mühlweg 12", "4060 Leonding"], size=10)
    p.t(40, 230, "Rechnung 2025/0058", 14, bold=True)
    p.t(555, 230, "Linz, 28.02.2025", 9, right=True)
    header = [
        (40, "Pos", False),
        (70, "Leistung", False),
        (400, "Menge", True),
        (470, "EP", True),
        (555, "GP", True),
    ]
    p.row(270, header, bold=True)
    rows = [
        ["1", "Einbauschrank Eiche massiv nach Maß", "1", "4.200,00", "4.200,00"],
        ["2", "Montage vor Ort (Stunden)", "8", "60,00", "480,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(288 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(330, [(470, "Summe netto", True), (555, "4.680,00", True)])
    p.row(344, [(470, "+ 20 % USt.", True), (555, "936,00", True)])
    p.row(360, [(470, "Gesamtbetrag", True), (555, "EUR 5.616,00", True)], bold=True)
    p.t(40, 400, "Zahlbar binnen 14 Tagen ohne Abzug auf AT61 1904 3002 3457 3201 (BIC BKAUATWW).")


# --- 22. Spanish service company: customer data as a label | value table, IBAN grouped with hyphens -----


def _es_table(p: Pdf) -> None:
    p.t(40, 36, "Climatización Levante S.L.", 15, bold=True)
    p.lines(40, 56, ["Avda. del Puerto 77, 46021 Valencia", "CIF ESB12345674"], 8, 10)
    p.t(400, 36, "FACTURA", 18, bold=True)
    p.row(60, [(400, "Número", False), (470, "A-2025-0219", False)])
    p.row(72, [(400, "Fecha", False), (470, "19/02/2025", False)])
    p.t(40, 110, "DATOS DEL CLIENTE", 9, bold=True)
    p.box(40, 122, 300, 52)
    for n, (label, value) in enumerate(
        [
            ("Razón social", "Hotel Mar Azul S.A."),
            ("Dirección", "Paseo Marítimo 12"),
            ("Localidad", "03001 Alicante"),
            ("NIF", "ESA12345674"),
        ]
    ):
        p.row(126 + 12 * n, [(46, label, False), (130, value, False)])
    header = [(40, "Concepto", False), (400, "Uds.", True), (470, "Precio", True), (555, "Importe", True)]
    p.row(200, header, bold=True)
    rows = [
        ["Mantenimiento preventivo climatización", "1", "1.450,00", "1.450,00"],
        ["Sustitución filtros (unidad)", "12", "25,00", "300,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(218 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(260, [(470, "Base imponible", True), (555, "1.750,00", True)])
    p.row(274, [(470, "IVA (21%)", True), (555, "367,50", True)])
    p.row(290, [(470, "Total a pagar", True), (555, "2.117,50 €", True)], bold=True)
    p.t(40, 330, "Transferencia a la cuenta ES91-2100-0418-4502-0005-1332 (CaixaBank)")


# --- 23. British agency: "Customer details" table with Company / Contact / Address rows, invoice amount --


def _uk_details(p: Pdf) -> None:
    p.t(40, 36, "Brightside Digital", 18, bold=True)
    p.t(40, 58, "Unit 3, The Sidings, Bristol BS2 0QX", 8)
    p.t(400, 36, "Invoice", 18, bold=True)
    p.row(60, [(400, "Number", False), (470, "BD-0452", False)])
    p.row(72, [(400, "Issued", False), (470, "7 April 2025", False)])
    p.row(84, [(400, "Due", False), (470, "7 May 2025", False)])
    p.t(40, 110, "Customer details", 10, bold=True)
    for n, (label, value) in enumerate(
        [
            ("Company", "Cotswold Cycle Hire Ltd"),
            ("Contact", "Priya Natarajan"),
            ("Address", "Mill Yard, Bourton-on-the-Water, GL54 2BY"),
        ]
    ):
        p.row(126 + 12 * n, [(40, label, False), (120, value, False)])
    header = [(40, "Description", False), (470, "Days", True), (555, "Amount", True)]
    p.row(190, header, bold=True)
    rows = [["Website redesign sprint", "6", "3,600.00"], ["SEO audit", "1", "600.00"]]
    for n, cells in enumerate(rows):
        p.row(208 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(250, [(470, "Net", True), (555, "4,200.00", True)])
    p.row(264, [(470, "VAT @ 20%", True), (555, "840.00", True)])
    p.row(280, [(470, "Invoice amount", True), (555, "£5,040.00", True)], bold=True)
    p.t(
        40,
        320,
        "Bank: Starling  ·  Sort code 60-83-71  ·  Account 12345678  ·  IBAN GB29 NWBK 6016 1331 9268 19",
    )
    p.t(40, 800, "Brightside Digital Ltd  ·  Registered in England 09876543  ·  VAT GB980780684", 7)


# --- 24. German B2B: "Rechnungsempfänger" right of "Lieferanschrift", "Zu zahlender Betrag", IBAN "DE 89 …"


def _de_b2b(p: Pdf) -> None:
    p.t(555, 36, "Hansen Laborbedarf GmbH", 15, bold=True, right=True)
    p.lines(555, 56, [], 8)
    for n, text in enumerate(["Kieler Str. 220", "24106 Kiel", "Tel. 0431 998877"]):
        p.t(555, 56 + 10 * n, text, 8, right=True)
    p.t(40, 110, "Lieferanschrift:", 8, bold=True)
    p.lines(40, 122, ["Uniklinik Nord", "Zentrallager, Tor 3", "Am Campus 1", "23562 Lübeck"])
    p.t(300, 110, "Rechnungsempfänger:", 8, bold=True)
    p.lines(300, 122, ["Uniklinik Nord AöR", "Kreditorenbuchhaltung", "Postfach 1021", "23501 Lübeck"])
    p.t(40, 200, "Rechnung", 15, bold=True)
    p.row(
        222,
        [
            (40, "Rechnungs-Nr.", False),
            (130, "HL-88412", False),
            (300, "Datum", False),
            (360, "06.05.2025", False),
        ],
    )
    p.row(
        234,
        [
            (40, "Bestell-Nr.", False),
            (130, "4500098812", False),
            (300, "Kunden-Nr.", False),
            (360, "10077", False),
        ],
    )
    header = [(40, "Artikel", False), (380, "Menge", True), (460, "E-Preis", True), (555, "Betrag", True)]
    p.row(270, header, bold=True)
    rows = [
        ["Nitril-Handschuhe M, 100 Stk.", "40", "6,90", "276,00"],
        ["Pipettenspitzen 200 µl, 1000 Stk.", "10", "38,40", "384,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(288 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(330, [(460, "Warenwert", True), (555, "660,00", True)])
    p.row(344, [(460, "Fracht", True), (555, "20,00", True)])
    p.row(358, [(460, "Umsatzsteuer 19 %", True), (555, "129,20", True)])
    p.row(374, [(460, "Zu zahlender Betrag", True), (555, "809,20 EUR", True)], bold=True)
    p.t(40, 410, "Bankverbindung: Förde Sparkasse, IBAN DE 89 3704 0044 0532 0130 00, BIC COBADEFFXXX")


# --- 25. Indian GST invoice with "ORIGINAL FOR RECIPIENT" and "Total Invoice Value" ---------------------


def _gst_original(p: Pdf) -> None:
    p.t(555, 30, "ORIGINAL FOR RECIPIENT", 9, bold=True, right=True)
    p.t(40, 46, "Kaveri Agro Exports", 16, bold=True)
    p.lines(40, 66, ["Survey 112, Hosur Road, Bengaluru 560068", "GSTIN 29AAGCB7383J1Z4"], 8, 10)
    p.t(40, 100, "TAX INVOICE", 12, bold=True)
    p.row(
        120,
        [
            (40, "Invoice No:", False),
            (110, "KAE/2025/0311", False),
            (330, "Dated:", False),
            (380, "11-Mar-2025", False),
        ],
    )
    p.t(40, 146, "Buyer (Bill to)", 8, bold=True)
    p.lines(40, 158, ["Deccan Spice Traders", "12 MG Road, Hyderabad 500001", "GSTIN 27AAPFU0939F1ZV"], 8, 11)
    p.t(330, 146, "Consignee (Ship to)", 8, bold=True)
    p.lines(330, 158, ["Deccan Spice Traders - Godown", "Plot 8, Patancheru, Medak 502319"], 8, 11)
    header = [
        (40, "Description", False),
        (300, "HSN", False),
        (380, "Qty", True),
        (460, "Rate", True),
        (555, "Amount", True),
    ]
    p.row(210, header, bold=True)
    rows = [["Dry red chilli (kg)", "0904", "1,000", "180.00", "180,000.00"]]
    for n, cells in enumerate(rows):
        p.row(228 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(260, [(460, "Taxable Value", True), (555, "180,000.00", True)])
    p.row(274, [(460, "IGST 5%", True), (555, "9,000.00", True)])
    p.row(290, [(460, "Total Invoice Value", True), (555, "1,89,000.00", True)], bold=True)


# --- 26. SaaS subscription invoice (payment-platform style): field list left, amount due as a sentence --


def _saas(p: Pdf) -> None:
    p.t(40, 40, "Invoice", 20, bold=True)
    p.t(555, 40, "Northbeam Analytics", 11, bold=True, right=True)
    for n, (label, value) in enumerate(
        [
            ("Invoice number", "NB-7F3A2C-0009"),
            ("Date of issue", "March 3, 2025"),
            ("Date due", "April 2, 2025"),
        ]
    ):
        p.row(80 + 13 * n, [(40, label, False), (140, value, False)], size=8)
    p.lines(
        40,
        140,
        [
            "Northbeam Analytics Inc.",
            "548 Market Street",
            "San Francisco, California 94104",
            "United States",
            "billing@northbeam.example",
        ],
        8,
        11,
    )
    p.t(300, 140, "Bill to", 8, bold=True)
    p.lines(
        300,
        152,
        ["Fjord Outdoor AS", "Karl Johans gate 14", "0154 Oslo", "Norway", "NO 923 609 016 MVA"],
        8,
        11,
    )
    p.t(40, 220, "$1,275.00 USD due April 2, 2025", 14, bold=True)
    header = [
        (40, "Description", False),
        (380, "Qty", True),
        (460, "Unit price", True),
        (555, "Amount", True),
    ]
    p.row(260, header, size=8)
    p.row(
        276,
        [
            (40, "Growth plan (Mar 3 - Apr 2, 2025)", False),
            (380, "1", True),
            (460, "$1,200.00", True),
            (555, "$1,200.00", True),
        ],
        size=8,
    )
    p.row(
        290,
        [(40, "Additional seats", False), (380, "3", True), (460, "$25.00", True), (555, "$75.00", True)],
        8,
    )
    p.row(320, [(460, "Subtotal", True), (555, "$1,275.00", True)], size=8)
    p.row(334, [(460, "Total", True), (555, "$1,275.00", True)], size=8)
    p.row(348, [(460, "Amount due", True), (555, "$1,275.00 USD", True)], size=8, bold=True)
    p.t(40, 380, "Reverse charge - customer to account for VAT.", 8)


# --- 27. Rent invoice: landlord's letterhead right, "Mieter" label, service charges at 0 % and 19 % -----


def _rent(p: Pdf) -> None:
    p.t(555, 36, "Gewerbepark Süd Verwaltungs GmbH", 12, bold=True, right=True)
    for n, text in enumerate(["Industriering 7", "93055 Regensburg", "USt-IdNr. DE811569869"]):
        p.t(555, 52 + 10 * n, text, 8, right=True)
    p.t(40, 110, "Mieter:", 8, bold=True)
    p.lines(40, 122, ["Bäckerei Wimmer OHG", "Halle 3, Einheit B", "Industriering 7", "93055 Regensburg"])
    p.t(40, 200, "Mietrechnung April 2025", 14, bold=True)
    p.row(222, [(40, "Rechnungsnummer", False), (150, "MR-2025-04-031", False)])
    p.row(234, [(40, "Rechnungsdatum", False), (150, "25.03.2025", False)])
    p.row(246, [(40, "Fällig am", False), (150, "03.04.2025", False)])
    header = [(40, "Position", False), (380, "Netto", True), (460, "USt.", True), (555, "Brutto", True)]
    p.row(280, header, bold=True)
    rows = [
        ["Grundmiete Halle 3B (optiert, 19 %)", "2.400,00", "456,00", "2.856,00"],
        ["Nebenkostenvorauszahlung (19 %)", "350,00", "66,50", "416,50"],
        ["Stellplätze (steuerfrei, 0 %)", "120,00", "0,00", "120,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(298 + 14 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(
        350,
        [(40, "Summe", False), (380, "2.870,00", True), (460, "522,50", True), (555, "3.392,50", True)],
        bold=True,
    )
    p.t(40, 390, "Bitte überweisen Sie den Betrag bis zum 03.04.2025 auf IBAN DE89 3704 0044 0532 0130 00.")


# --- 28. Accounting-software invoice: unlabelled customer left, label-over-value column, sender at the
# far right, a payment-advice slip at the bottom whose "To:" is the sender --------------------------------


def _accounting(p: Pdf) -> None:
    p.t(40, 40, "TAX INVOICE", 22, bold=True)
    p.lines(
        40,
        90,
        [
            "Harbourside Dental Practice",
            "Attention: Practice Manager",
            "14 Quay Street",
            "Whitby",
            "YO21 1DH",
        ],
        9,
        11,
    )
    for n, (label, value) in enumerate(
        [
            ("Invoice Date", "3 Mar 2025"),
            ("Invoice Number", "INV-0042"),
            ("Reference", "Website care plan"),
            ("VAT Number", "980 7806 84"),
        ]
    ):
        p.t(300, 90 + 24 * n, label, 8, bold=True)
        p.t(300, 100 + 24 * n, value, 8)
    p.lines(
        440, 90, ["Moorland Web Studio Ltd", "2 Church Street", "Whitby", "YO22 4AE", "United Kingdom"], 8, 10
    )
    header = [
        (40, "Description", False),
        (380, "Quantity", True),
        (450, "Unit Price", True),
        (500, "VAT", True),
        (555, "Amount GBP", True),
    ]
    p.row(210, header, bold=True, size=8)
    rows = [
        ["Website care plan - March", "1.00", "95.00", "20%", "95.00"],
        ["Extra development hours", "3.00", "55.00", "20%", "165.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(226 + 13 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)], size=8)
    p.row(270, [(500, "Subtotal", True), (555, "260.00", True)], size=8)
    p.row(283, [(500, "TOTAL VAT 20%", True), (555, "52.00", True)], size=8)
    p.row(298, [(500, "TOTAL GBP", True), (555, "312.00", True)], size=9, bold=True)
    p.t(40, 330, "Due Date: 2 Apr 2025", 9, bold=True)
    p.t(40, 344, "Bank transfer to Moorland Web Studio Ltd, sort code 40-47-84, account 70872490.", 8)
    p.rule(40, 600, 555)
    p.t(40, 615, "PAYMENT ADVICE", 14, bold=True)
    p.t(40, 640, "To:", 8, bold=True)
    p.lines(60, 640, ["Moorland Web Studio Ltd", "2 Church Street", "Whitby", "YO22 4AE"], 8, 10)
    for n, (label, value) in enumerate(
        [
            ("Customer", "Harbourside Dental Practice"),
            ("Invoice Number", "INV-0042"),
            ("Amount Due", "312.00"),
            ("Due Date", "2 Apr 2025"),
            ("Amount Enclosed", ""),
        ]
    ):
        p.row(640 + 14 * n, [(300, label, False), (400, value, False)], size=8)


DESIGNS: list[Design] = [
    Design(
        "uk_mobile_bill",
        _mobile_bill,
        {
            "invoice_number": "SKY-88213407",
            "issue_date": "2025-03-03",
            "issuer.name": "Skyline Mobile Ltd",
            "recipient.name": "Daniel Harper",
            "issuer.iban": None,
            "totals.net": "35.00",
            "totals.tax": "7.00",
            "totals.gross": "42.00",
        },
        [("20", "35.00", "7.00")],
    ),
    Design(
        "us_freelancer_template",
        _freelancer,
        {
            "invoice_number": "2025-014",
            "issue_date": "2025-03-05",
            "due_date": "2025-04-04",
            "issuer.name": "JANE MORRISON",
            "recipient.name": "Lakeside Coffee Roasters LLC",
            "issuer.iban": None,
            "totals.net": "2000.00",
            "totals.tax": "165.00",
            "totals.gross": "2165.00",
        },
        [("8.25", "2000.00", "165.00")],
        letter=True,
    ),
    Design(
        "de_webshop_order",
        _webshop,
        {
            "invoice_number": "RE-2025-104518",
            "issue_date": "2025-03-12",
            "issuer.name": "NordRad Handels GmbH",
            "recipient.name": "Katrin Vogel",
            "issuer.iban": "DE89370400440532013000",
            "issuer.vat_id": "DE136695976",
            "totals.net": "630.08",
            "totals.tax": "119.72",
            "totals.gross": "749.80",
        },
        [("19", "630.08", "119.72")],
    ),
    Design(
        "de_car_workshop",
        _workshop,
        {
            "invoice_number": "24-0815",
            "issue_date": "2024-11-18",
            "issuer.name": "Autohaus Brenner e.K.",
            "recipient.name": "Thomas Reiter",
            "issuer.iban": "DE02700202700010108669",
            "totals.net": "550.50",
            "totals.tax": "104.60",
            "totals.gross": "655.10",
        },
        [("19", "550.50", "104.60")],
    ),
    Design(
        "ie_solicitors_fee_note",
        _fee_note,
        {
            "invoice_number": "2025/0412",
            "issue_date": "2025-02-28",
            "issuer.name": "Murphy & Keane LLP",
            "recipient.name": "Brennan Design Studio Ltd",
            "issuer.iban": "IE29AIBK93115212345678",
            "issuer.vat_id": "IE6388047V",
            "totals.net": "2950.00",
            "totals.tax": "575.00",
            "totals.gross": "3525.00",
        },
        [("23", "2500.00", "575.00")],
    ),
    Design(
        "fr_dental_note",
        _dental,
        {
            "invoice_number": "2025-0331",
            "issue_date": "2025-03-31",
            "issuer.name": "Dr Claire Fontaine",
            "recipient.name": "Hugo Lambert",
            "issuer.iban": None,
            "totals.gross": "230.00",
        },
    ),
    Design(
        "nl_freight_forwarder",
        _forwarder,
        {
            "invoice_number": "90124577",
            "issue_date": "2025-02-14",
            "due_date": "2025-03-16",
            "issuer.name": "Van Dijk Expeditie B.V.",
            "recipient.name": "Bakkerij De Gouden Korenaar",
            "issuer.iban": "NL91ABNA0417164300",
            "issuer.vat_id": "NL004495445B01",
            "totals.net": "1840.00",
            "totals.tax": "260.40",
            "totals.gross": "2100.40",
        },
        [("21", "1240.00", "260.40"), ("0", "600.00", "0.00")],
    ),
    Design(
        "es_factura_irpf",
        _factura,
        {
            "invoice_number": "2025/021",
            "issue_date": "2025-03-15",
            "due_date": "2025-04-14",
            "issuer.name": "Laura Gómez Ruiz",
            "recipient.name": "Editorial Marea S.L.",
            "issuer.iban": "ES9121000418450200051332",
            "totals.net": "1200.00",
            "totals.tax": "252.00",
            "totals.gross": "1272.00",
        },
        [("21", "1200.00", "252.00")],
    ),
    Design(
        "ch_qr_bill",
        _swiss_qr,
        {
            "invoice_number": "2025-0311",
            "issue_date": "2025-03-11",
            "issuer.name": "Gartenbau Meier AG",
            "recipient.name": "Peter Keller",
            "issuer.iban": "CH4431999123000889012",
            "totals.net": "1850.00",
            "totals.tax": "149.85",
            "totals.gross": "1999.85",
        },
        [("8.1", "1850.00", "149.85")],
    ),
    Design(
        "be_structured_communication",
        _belgian,
        {
            "invoice_number": "F25-0087",
            "issue_date": "2025-03-05",
            "due_date": "2025-04-04",
            "issuer.name": "Imprimerie Lambert SRL",
            "recipient.name": "Brasserie du Parc SA",
            "issuer.iban": "BE68539007547034",
            "issuer.vat_id": "BE0428759497",
            "totals.net": "2450.00",
            "totals.tax": "514.50",
            "totals.gross": "2964.50",
        },
        [("21", "2450.00", "514.50")],
    ),
    Design(
        "in_gst_tax_invoice",
        _gst,
        {
            "invoice_number": "SPP/24-25/1187",
            "issue_date": "2025-03-14",
            "issuer.name": "Shreeji Packaging Pvt. Ltd.",
            "recipient.name": "Harbor Foods India Pvt. Ltd.",
            "issuer.iban": None,
            "totals.net": "50000.00",
            "totals.tax": "9000.00",
            "totals.gross": "59000.00",
        },
        [("9", "50000.00", "4500.00"), ("9", "50000.00", "4500.00")],
    ),
    Design(
        "pt_fatura",
        _fatura,
        {
            "invoice_number": "FT 2025/117",
            "issue_date": "2025-03-07",
            "due_date": "2025-04-06",
            "issuer.name": "Tipografia Atlântico, Lda.",
            "recipient.name": "Pastelaria Bela Vista, Lda.",
            "issuer.iban": "PT50000201231234567890154",
            "totals.net": "1000.00",
            "totals.tax": "196.00",
            "totals.gross": "1196.00",
        },
        [("23", "800.00", "184.00"), ("6", "200.00", "12.00")],
    ),
    Design(
        "it_fattura_ritenuta",
        _fattura,
        {
            "invoice_number": "18/2025",
            "issue_date": "2025-03-21",
            "issuer.name": "Studio Grafico Riva",
            "recipient.name": "Cantina Colli Alti S.r.l.",
            "issuer.iban": "IT60X0542811101000000123456",
            "totals.net": "2100.00",
            "totals.tax": "462.00",
            "totals.gross": "2562.00",
        },
        [("22", "2100.00", "462.00")],
    ),
    Design(
        "us_software_reseller",
        _reseller,
        {
            "invoice_number": "CW-551902",
            "issue_date": "2025-02-14",
            "due_date": "2025-03-16",
            "issuer.name": "Cloudware Distribution LLC",
            "recipient.name": "Brightline Dental Group Inc.",
            "issuer.iban": None,
            "totals.net": "7800.00",
            "totals.tax": "585.00",
            "totals.gross": "8385.00",
        },
        [("7.5", "7800.00", "585.00")],
        letter=True,
    ),
    Design(
        "in_small_trader",
        _small_trader,
        {
            "invoice_number": "GE/117",
            "issue_date": "2025-03-05",
            "issuer.name": "GANESH ELECTRICALS",
            "recipient.name": "Sharma Traders",
            "issuer.iban": None,
            "totals.net": "30200.00",
            "totals.tax": "5436.00",
            "totals.gross": "35636.00",
        },
        [("18", "30200.00", "5436.00")],
    ),
    Design(
        "uk_shop_shipping_band",
        _uk_shop,
        {
            "invoice_number": "HO-INV-7781",
            "issuer.name": "Hollow Oak Teas Ltd",
            "recipient.name": "Whitfield & Rowe Ltd",
            "issuer.iban": None,
            "totals.net": "164.95",
            "totals.tax": "32.99",
            "totals.gross": "197.94",
        },
        [("20", "164.95", "32.99")],
    ),
    Design(
        "de_utility_direct_debit",
        _utility,
        {
            "invoice_number": "2025 0004 8812",
            "issue_date": "2025-02-04",
            "issuer.name": "Stadtwerke Lindau GmbH",
            "recipient.name": "Jonas Albrecht",
            "issuer.iban": "DE89370400440532013000",
            "totals.net": "1027.20",
            "totals.tax": "195.17",
            "totals.gross": "1222.37",
        },
        [("19", "1027.20", "195.17")],
    ),
    Design(
        "nl_aan_label",
        _factuur,
        {
            "invoice_number": "2025-031",
            "issue_date": "2025-02-17",
            "issuer.name": "Studio Lichtval",
            "recipient.name": "Gemeente Houten",
            "issuer.iban": "NL91ABNA0417164300",
            "totals.net": "1800.00",
            "totals.tax": "378.00",
            "totals.gross": "2178.00",
        },
        [("21", "1800.00", "378.00")],
    ),
    Design(
        "us_contractor_deposit",
        _contractor,
        {
            "invoice_number": "R-1093",
            "issue_date": "2025-04-22",
            "issuer.name": "Ridgeline Roofing & Exteriors LLC",
            "recipient.name": "Greenway Property Management Inc.",
            "issuer.iban": None,
            "totals.net": "8520.00",
            "totals.gross": "8520.00",
        },
        letter=True,
    ),
    Design(
        "fr_ttc_dont_tva",
        _ttc,
        {
            "invoice_number": "AVC-25-0142",
            "issue_date": "2025-04-12",
            "issuer.name": "Atelier Vélo Capucine SARL",
            "recipient.name": "Élise Moreau",
            "totals.net": "145.00",
            "totals.tax": "29.00",
            "totals.gross": "174.00",
        },
        [("20", "145.00", "29.00")],
    ),
    Design(
        "at_sender_top_right",
        _joinery,
        {
            "invoice_number": "2025/0058",
            "issue_date": "2025-02-28",
            "issuer.name": "Gruber Möbelbau GmbH",
            "recipient.name": "Anna und Lukas Berger",
            "issuer.iban": "AT611904300234573201",
            "issuer.vat_id": "ATU13585627",
            "totals.net": "4680.00",
            "totals.tax": "936.00",
            "totals.gross": "5616.00",
        },
        [("20", "4680.00", "936.00")],
    ),
    Design(
        "es_customer_table_hyphen_iban",
        _es_table,
        {
            "invoice_number": "A-2025-0219",
            "issue_date": "2025-02-19",
            "issuer.name": "Climatización Levante S.L.",
            "recipient.name": "Hotel Mar Azul S.A.",
            "issuer.iban": "ES9121000418450200051332",
            "totals.net": "1750.00",
            "totals.tax": "367.50",
            "totals.gross": "2117.50",
        },
        [("21", "1750.00", "367.50")],
    ),
    Design(
        "uk_customer_details_table",
        _uk_details,
        {
            "invoice_number": "BD-0452",
            "issue_date": "2025-04-07",
            "due_date": "2025-05-07",
            "issuer.name": "Brightside Digital Ltd",
            "recipient.name": "Cotswold Cycle Hire Ltd",
            "issuer.iban": "GB29NWBK60161331926819",
            "totals.net": "4200.00",
            "totals.tax": "840.00",
            "totals.gross": "5040.00",
        },
        [("20", "4200.00", "840.00")],
    ),
    Design(
        "de_b2b_delivery_left",
        _de_b2b,
        {
            "invoice_number": "HL-88412",
            "issue_date": "2025-05-06",
            "issuer.name": "Hansen Laborbedarf GmbH",
            "recipient.name": "Uniklinik Nord AöR",
            "issuer.iban": "DE89370400440532013000",
            "totals.net": "680.00",
            "totals.tax": "129.20",
            "totals.gross": "809.20",
        },
        [("19", "680.00", "129.20")],
    ),
    Design(
        "in_original_for_recipient",
        _gst_original,
        {
            "invoice_number": "KAE/2025/0311",
            "issue_date": "2025-03-11",
            "issuer.name": "Kaveri Agro Exports",
            "recipient.name": "Deccan Spice Traders",
            "totals.net": "180000.00",
            "totals.tax": "9000.00",
            "totals.gross": "189000.00",
        },
        [("5", "180000.00", "9000.00")],
    ),
    Design(
        "us_saas_subscription",
        _saas,
        {
            "invoice_number": "NB-7F3A2C-0009",
            "issue_date": "2025-03-03",
            "due_date": "2025-04-02",
            "issuer.name": "Northbeam Analytics Inc.",
            "recipient.name": "Fjord Outdoor AS",
            "issuer.iban": None,
            "totals.net": "1275.00",
            "totals.gross": "1275.00",
        },
        letter=True,
    ),
    Design(
        "de_rent_invoice",
        _rent,
        {
            "invoice_number": "MR-2025-04-031",
            "issue_date": "2025-03-25",
            "due_date": "2025-04-03",
            "issuer.name": "Gewerbepark Süd Verwaltungs GmbH",
            "recipient.name": "Bäckerei Wimmer OHG",
            "issuer.iban": "DE89370400440532013000",
            "totals.net": "2870.00",
            "totals.tax": "522.50",
            "totals.gross": "3392.50",
        },
    ),
    Design(
        "uk_accounting_software",
        _accounting,
        {
            "invoice_number": "INV-0042",
            "issue_date": "2025-03-03",
            "due_date": "2025-04-02",
            "issuer.name": "Moorland Web Studio Ltd",
            "recipient.name": "Harbourside Dental Practice",
            "issuer.iban": None,
            "totals.net": "260.00",
            "totals.tax": "52.00",
            "totals.gross": "312.00",
        },
        [("20", "260.00", "52.00")],
    ),
]


# --- Round 3: party blocks headed by something other than the name, several party labels, a giro slip,
# tax per item row without a summary, a 0 % line among other rates. ---------------------------------


# --- 29. Swiss B2B: "Auftraggeber" left of "Rechnungsadresse", a department over the company, MwSt 8.1 /
# 2.6 / 0 % lines in the totals, the 0 % line without its base --------------------------------------------


def _ch_departments(p: Pdf) -> None:
    p.t(40, 36, "Alpenblick Software GmbH", 16, bold=True)
    p.lines(40, 58, ["Bahnhofstrasse 5", "8001 Zürich", "CHE-123.456.788 MWST"])
    p.t(555, 36, "Rechnung", 20, bold=True, right=True)
    p.row(70, [(380, "Rechnungsnr.", False), (555, "R-2025-5561", True)])
    p.row(82, [(380, "Datum", False), (555, "14.03.2025", True)])
    p.row(94, [(380, "Zahlbar bis", False), (555, "13.04.2025", True)])
    p.t(40, 150, "Auftraggeber", 8, bold=True)
    p.lines(40, 164, ["Ingenieurbüro Kraus", "Seestrasse 4", "8800 Thalwil"])
    p.t(300, 150, "Rechnungsadresse", 8, bold=True)
    p.lines(
        300, 164, ["Abteilung Finanzen / Kreditoren", "Helvetia Logistik AG", "Postfach 220", "4002 Basel"]
    )
    header = [(40, "Leistung", False), (380, "Menge", True), (460, "Preis", True), (555, "Betrag CHF", True)]
    p.row(260, header, bold=True)
    rows = [
        ["Softwarelizenz Jahresabo", "1", "1'000.00", "1'000.00"],
        ["Fachbuch Logistik 4.0", "5", "40.00", "200.00"],
        ["Schulung im Ausland (nicht steuerbar)", "1", "300.00", "300.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(278 + 15 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(340, [(460, "Total exkl. MwSt.", True), (555, "1'500.00", True)])
    p.row(354, [(460, "MwSt. 8.1 %", True), (555, "81.00", True)])
    p.row(368, [(460, "MwSt. 2.6 %", True), (555, "5.20", True)])
    p.row(382, [(460, "MwSt. 0 %", True), (555, "0.00", True)])
    p.row(398, [(460, "Total inkl. MwSt.", True), (555, "1'586.20", True)], bold=True)
    p.t(40, 440, "Zahlbar innert 30 Tagen auf IBAN CH93 0076 2011 6238 5295 7.")


# --- 30. US distributor: SOLD TO / BILL TO / SHIP TO, an account line over the billed company, totals as a
# band of three labels over three figures --------------------------------------------------------------


def _us_sold_bill_ship(p: Pdf) -> None:
    p.t(40, 36, "Summit Industrial Supply LLC", 16, bold=True)
    p.lines(40, 58, ["400 Commerce Way", "Denver, CO 80202", "(303) 555-0190"])
    p.t(572, 36, "INVOICE", 22, bold=True, right=True)
    p.row(70, [(420, "Invoice #", False), (572, "SIS-90211", True)])
    p.row(82, [(420, "Invoice Date", False), (572, "03/14/2025", True)])
    p.row(94, [(420, "Terms", False), (572, "Net 30", True)])
    p.t(40, 150, "SOLD TO", 8, bold=True)
    p.t(220, 150, "BILL TO", 8, bold=True)
    p.t(400, 150, "SHIP TO", 8, bold=True)
    p.lines(40, 164, ["Kestrel Holdings Corp.", "1 Tower Plaza", "Chicago, IL 60601"])
    p.lines(220, 164, ["Account 10044871", "Kestrel Manufacturing Inc.", "PO Box 771", "Gary, IN 46401"])
    p.lines(400, 164, ["Kestrel Plant 4", "2200 Mill Road", "Gary, IN 46402"])
    header = [(40, "ITEM", False), (380, "QTY", True), (470, "UNIT PRICE", True), (572, "EXTENDED", True)]
    p.row(250, header, bold=True)
    rows = [
        ["Hydraulic hose 1/2 in. x 50 ft", "4", "212.50", "850.00"],
        ["Quick coupler set", "10", "35.00", "350.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(268 + 15 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(
        330, [(250, "Subtotal", True), (400, "Sales Tax 7.5%", True), (572, "Invoice Total", True)], bold=True
    )
    p.row(344, [(250, "1,200.00", True), (400, "90.00", True), (572, "$1,290.00", True)])


# --- 31. Norwegian craftsman: a brand word as the letterhead, the legal name only in the footer, "Kontakt:"
# over the customer, MVA per item row without a summary, a giro with one character per box -------------


def _no_giro(p: Pdf) -> None:
    p.t(40, 30, "FJELLSTAD", 30, bold=True)
    p.t(40, 64, "bygg & anlegg", 9)
    p.t(555, 36, "FAKTURA", 20, bold=True, right=True)
    p.row(70, [(380, "Fakturanr.", False), (555, "10457", True)])
    p.row(82, [(380, "Fakturadato", False), (555, "14.03.2025", True)])
    p.row(94, [(380, "Forfallsdato", False), (555, "28.03.2025", True)])
    p.t(40, 140, "Kunde", 8, bold=True)
    p.lines(40, 154, ["Kontakt: Ola Nordmann", "Bergen Havnelager AS", "Strandkaien 2", "5013 Bergen"])
    header = [
        (40, "Beskrivelse", False),
        (300, "Antall", True),
        (370, "Pris", True),
        (420, "MVA", True),
        (480, "MVA-beløp", True),
        (555, "Netto", True),
    ]
    p.row(250, header, bold=True)
    rows = [
        ["Montering av reoler", "10", "100,00", "25 %", "250,00", "1 000,00"],
        ["Servering ved befaring", "4", "50,00", "15 %", "30,00", "200,00"],
    ]
    for n, cells in enumerate(rows):
        p.row(268 + 15 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(320, [(480, "Sum eks. MVA", True), (555, "1 200,00", True)])
    p.row(334, [(480, "MVA", True), (555, "280,00", True)])
    p.row(350, [(480, "Å betale", True), (555, "1 480,00", True)], bold=True)
    p.rule(40, 600, 555)
    p.t(40, 610, "GIRO", 12, bold=True)
    p.t(40, 630, "Betalt til konto", 7)
    for n, char in enumerate("NO9386011117947"):
        p.box(40 + 16 * n, 640, 14, 14)
        p.t(43 + 16 * n, 643, char, 9)
    p.t(330, 630, "Beløp", 7)
    p.t(330, 643, "1 480,00", 9)
    p.lines(40, 770, ["Fjellstad Bygg AS", "Industriveien 4", "1337 Sandvika"], 7, 9)
    p.lines(220, 770, ["Org.nr. 912 345 678 MVA", "Tlf. 67 00 00 00"], 7, 9)


# --- 32. British consultancy: "From" block opening with the company number, "Invoice to" block opening with
# "FAO" and a reference line, a tax summary with 20 %, 5 % and 0 % rows ----------------------------------


def _uk_fao(p: Pdf) -> None:
    p.t(555, 36, "INVOICE", 22, bold=True, right=True)
    p.row(70, [(380, "Invoice No.", False), (555, "BE-2211", True)])
    p.row(82, [(380, "Invoice date", False), (555, "14/03/2025", True)])
    p.t(40, 110, "From", 8, bold=True)
    p.lines(
        40, 124, ["Company No. 08812345", "Brennan Energy Advisers Ltd", "4 Dock Road", "Bristol BS1 6XN"]
    )
    p.t(300, 110, "Invoice to", 8, bold=True)
    p.lines(
        300, 124, ["FAO Sarah Miles, Finance", "Your ref: PO 44871", "Greenfield Foods Ltd", "Leeds LS10 1AB"]
    )
    header = [(40, "Description", False), (380, "Qty", True), (470, "Rate", True), (555, "Amount", True)]
    p.row(230, header, bold=True)
    rows = [
        ["Energy audit, two sites", "2", "500.00", "1,000.00"],
        ["Domestic fuel advice", "1", "200.00", "200.00"],
        ["Training materials (printed)", "1", "300.00", "300.00"],
    ]
    for n, cells in enumerate(rows):
        p.row(248 + 15 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    summary = [(40, "VAT rate", False), (200, "Net", True), (300, "VAT", True), (400, "Gross", True)]
    p.row(320, summary, bold=True)
    lines = [
        ["20%", "1,000.00", "200.00", "1,200.00"],
        ["5%", "200.00", "10.00", "210.00"],
        ["0%", "300.00", "0.00", "300.00"],
        ["Total", "1,500.00", "210.00", "1,710.00"],
    ]
    for n, cells in enumerate(lines):
        p.row(334 + 14 * n, [(x, c, r) for (x, _, r), c in zip(summary, cells, strict=True)])
    p.t(40, 420, "Please pay to Account: GB29 NWBK 6016 1331 9268 19 within 30 days.")


# --- 33. Swedish hotel folio: "Gäst" left of "Faktureringsadress", the billed company wins; moms 12 % on
# the room and 25 % on the restaurant in the totals; bankgiro and IBAN side by side --------------------


def _se_hotel(p: Pdf) -> None:
    p.t(40, 30, "FJÄLLSTUGAN", 24, bold=True)
    p.t(40, 58, "Hotell & Restaurang", 9)
    p.t(555, 36, "FAKTURA", 18, bold=True, right=True)
    p.row(70, [(380, "Fakturanummer", False), (555, "40218", True)])
    p.row(82, [(380, "Fakturadatum", False), (555, "2025-03-14", True)])
    p.row(94, [(380, "Förfallodatum", False), (555, "2025-04-13", True)])
    p.t(40, 140, "Gäst", 8, bold=True)
    p.lines(40, 154, ["Tom Lindqvist", "Rum 214", "12-14 mars 2025"])
    p.t(300, 140, "Faktureringsadress", 8, bold=True)
    p.lines(300, 154, ["Kestrel Konsult AB", "Box 771", "111 34 Stockholm"])
    header = [(40, "Beskrivning", False), (380, "Antal", True), (460, "À-pris", True), (555, "Belopp", True)]
    p.row(240, header, bold=True)
    rows = [["Logi dubbelrum", "2", "1 000,00", "2 000,00"], ["Middag restaurang", "2", "400,00", "800,00"]]
    for n, cells in enumerate(rows):
        p.row(258 + 15 * n, [(x, c, r) for (x, _, r), c in zip(header, cells, strict=True)])
    p.row(310, [(460, "Summa exkl. moms", True), (555, "2 800,00", True)])
    p.row(324, [(460, "Moms 12 %", True), (555, "240,00", True)])
    p.row(338, [(460, "Moms 25 %", True), (555, "200,00", True)])
    p.row(354, [(460, "Att betala", True), (555, "3 240,00", True)], bold=True)
    p.t(40, 400, "Bankgiro 5050-1055   IBAN SE45 5000 0000 0583 9825 7466   BIC ESSESESS")
    p.t(40, 790, "Fjällstugan Åre AB · Storvägen 1 · 837 52 Åre · Org.nr 556677-8899 · Säte: Åre", 7)


DESIGNS.extend(
    [
        Design(
            "se_hotel_guest_and_billed_company",
            _se_hotel,
            {
                "invoice_number": "40218",
                "issue_date": "2025-03-14",
                "due_date": "2025-04-13",
                "issuer.name": "Fjällstugan Åre AB",
                "recipient.name": "Kestrel Konsult AB",
                "issuer.iban": "SE4550000000058398257466",
                "totals.net": "2800.00",
                "totals.tax": "440.00",
                "totals.gross": "3240.00",
            },
            [("12", "2000.00", "240.00"), ("25", "800.00", "200.00")],
        ),
        Design(
            "ch_department_over_the_billed_company",
            _ch_departments,
            {
                "invoice_number": "R-2025-5561",
                "issue_date": "2025-03-14",
                "issuer.name": "Alpenblick Software GmbH",
                "recipient.name": "Helvetia Logistik AG",
                "issuer.iban": "CH9300762011623852957",
                "totals.net": "1500.00",
                "totals.tax": "86.20",
                "totals.gross": "1586.20",
            },
            [("8.1", "1000.00", "81.00"), ("2.6", "200.00", "5.20"), ("0", "300.00", "0.00")],
        ),
        Design(
            "us_sold_to_bill_to_ship_to",
            _us_sold_bill_ship,
            {
                "invoice_number": "SIS-90211",
                "issue_date": "2025-03-14",
                "issuer.name": "Summit Industrial Supply LLC",
                "recipient.name": "Kestrel Manufacturing Inc.",
                "totals.net": "1200.00",
                "totals.tax": "90.00",
                "totals.gross": "1290.00",
            },
            [("7.5", "1200.00", "90.00")],
            letter=True,
        ),
        Design(
            "no_brand_letterhead_giro_boxes",
            _no_giro,
            {
                "invoice_number": "10457",
                "issue_date": "2025-03-14",
                "due_date": "2025-03-28",
                "issuer.name": "Fjellstad Bygg AS",
                "recipient.name": "Bergen Havnelager AS",
                "issuer.iban": "NO9386011117947",
                "totals.net": "1200.00",
                "totals.tax": "280.00",
                "totals.gross": "1480.00",
            },
            [("25", "1000.00", "250.00"), ("15", "200.00", "30.00")],
        ),
        Design(
            "uk_company_number_and_fao_lines",
            _uk_fao,
            {
                "invoice_number": "BE-2211",
                "issue_date": "2025-03-14",
                "issuer.name": "Brennan Energy Advisers Ltd",
                "recipient.name": "Greenfield Foods Ltd",
                "issuer.iban": "GB29NWBK60161331926819",
                "totals.net": "1500.00",
                "totals.tax": "210.00",
                "totals.gross": "1710.00",
            },
            [("20", "1000.00", "200.00"), ("5", "200.00", "10.00"), ("0", "300.00", "0.00")],
        ),
    ]
)


# --- Names that run on, bank tables, VAT summaries, withholding and payments (round 6) -------------------


def _de_kaelte(p: Pdf) -> None:
    # Letterhead name joined with its trade line; DIN 5008 return-address strip; name line with "z. Hd.".
    p.t(40, 36, "Brandt Kältetechnik GmbH · Meisterbetrieb", 16, bold=True)
    p.t(40, 58, "Hafenweg 3 · 28197 Bremen · Tel. 0421 556677", 8)
    p.t(40, 120, "Brandt Kältetechnik GmbH · Hafenweg 3 · 28197 Bremen", 6)
    p.lines(40, 134, ["Kühlhaus Nord GmbH, z. Hd. Frau Jansen", "Am Speicher 12", "27568 Bremerhaven"], 10)
    p.row(134, [(380, "Rechnungs-Nr.", False), (555, "KB-25-0412", True)])
    p.row(146, [(380, "Datum", False), (555, "14.03.2025", True)])
    p.t(40, 220, "Rechnung", 16, bold=True)
    head = [(40, "Pos.", False), (70, "Bezeichnung", False), (400, "Menge", True), (470, "Preis", True)]
    p.row(250, [*head, (555, "Betrag", True)], bold=True)
    p.row(
        266,
        [
            (40, "1", False),
            (70, "Wartung Kälteanlage", False),
            (400, "1", True),
            (470, "800,00", True),
            (555, "800,00", True),
        ],
    )
    p.row(
        280,
        [
            (40, "2", False),
            (70, "Fachbuch Kältetechnik", False),
            (400, "2", True),
            (470, "50,00", True),
            (555, "100,00", True),
        ],
    )
    p.row(320, [(200, "MwSt-Satz", True), (300, "Netto", True), (400, "MwSt", True), (500, "Brutto", True)])
    p.row(332, [(200, "19 %", True), (300, "800,00", True), (400, "152,00", True), (500, "952,00", True)])
    p.row(344, [(200, "7 %", True), (300, "100,00", True), (400, "7,00", True), (500, "107,00", True)])
    p.row(356, [(200, "Summe", True), (300, "900,00", True), (400, "159,00", True), (500, "1.059,00", True)])
    p.row(380, [(400, "Zahlbetrag", False), (555, "1.059,00 EUR", True)], bold=True)
    p.row(760, [(40, "Bank", False), (180, "IBAN", False), (400, "BIC", False)], size=7)
    p.row(
        769,
        [
            (40, "Sparkasse Bremen", False),
            (180, "DE89-3704-0044-0532-0130-00", False),
            (400, "COBADEFFXXX", False),
        ],
        size=7,
    )
    p.t(40, 790, "Geschäftsführer: Jens Brandt · Amtsgericht Bremen HRB 31877 · USt-IdNr. DE136695976", 7)


def _ie_print(p: Pdf) -> None:
    # One-line letterhead "name | company number | VAT"; joint billing/delivery label; customer number on
    # the name line; a paid invoice with "Balance due 0.00".
    p.t(40, 36, "Corrib Print Ltd | Company No. 634411 | VAT IE6388047V", 13, bold=True)
    p.t(40, 54, "Unit 7, Galway Business Park, Galway H91 T2P6", 8)
    p.t(40, 120, "Bill To / Ship To", 9, bold=True)
    p.lines(40, 133, ["Harbor Foods Ltd (Customer No. 40021)", "12 Quay Street", "Galway H91 X2Y3"], 9)
    p.row(120, [(380, "Invoice", False), (555, "CP-7781", True)])
    p.row(132, [(380, "Date", False), (555, "14/03/2025", True)])
    head = [(40, "Description", False), (400, "Qty", True), (470, "Unit price", True), (555, "Total", True)]
    p.row(230, head, bold=True)
    p.row(
        246,
        [
            (40, "Menu cards, A4, 250 gsm", False),
            (400, "500", True),
            (470, "1.20", True),
            (555, "600.00", True),
        ],
    )
    rows = [
        ("Subtotal", "600.00"),
        ("VAT 23%", "138.00"),
        ("Total", "738.00"),
        ("Payment received", "-738.00"),
        ("Balance due", "0.00"),
    ]
    for n, (label, value) in enumerate(rows):
        p.row(290 + 13 * n, [(400, label, False), (555, value, True)])
    p.t(40, 780, "Bank of Ireland IBAN IE29 AIBK 9311 5212 3456 78 BIC AIBKIE2D", 7)


def _en_withholding(p: Pdf) -> None:
    # A consultant's invoice with an English withholding line between the tax and the amount due.
    p.t(40, 36, "Solano Advisory SL – Consultoría Financiera", 14, bold=True)
    p.t(40, 56, "Calle Mayor 21, 28013 Madrid · NIF ESB12345674", 8)
    p.t(40, 120, "Invoice to:", 9, bold=True)
    p.lines(40, 133, ["Harbor Foods Ltd, 12 Quay Street", "Galway H91 X2Y3"], 9)
    p.row(120, [(380, "Invoice No.", False), (555, "SA-2025-031", True)])
    p.row(132, [(380, "Date", False), (555, "14/03/2025", True)])
    p.row(230, [(40, "Description", False), (555, "Amount", True)], bold=True)
    p.row(246, [(40, "Financial advisory, February 2025", False), (555, "2,000.00", True)])
    rows = [
        ("Taxable base", "2,000.00"),
        ("VAT 21%", "420.00"),
        ("Withholding tax 15%", "-300.00"),
        ("Total due", "2,120.00"),
    ]
    for n, (label, value) in enumerate(rows):
        p.row(290 + 13 * n, [(400, label, False), (555, value, True)])
    p.t(40, 780, "IBAN:ES9121000418450200051332 · BIC CAIXESBBXXX", 7)


DESIGNS.extend(
    [
        Design(
            "de_trade_line_strip_and_vat_summary",
            _de_kaelte,
            {
                "invoice_number": "KB-25-0412",
                "issue_date": "2025-03-14",
                "issuer.name": "Brandt Kältetechnik GmbH",
                "recipient.name": "Kühlhaus Nord GmbH",
                "issuer.iban": "DE89370400440532013000",
                "totals.net": "900.00",
                "totals.tax": "159.00",
                "totals.gross": "1059.00",
            },
            [("19", "800.00", "152.00"), ("7", "100.00", "7.00")],
        ),
        Design(
            "ie_one_line_letterhead_and_paid_balance",
            _ie_print,
            {
                "invoice_number": "CP-7781",
                "issue_date": "2025-03-14",
                "issuer.name": "Corrib Print Ltd",
                "recipient.name": "Harbor Foods Ltd",
                "issuer.iban": "IE29AIBK93115212345678",
                "totals.net": "600.00",
                "totals.tax": "138.00",
                "totals.gross": "738.00",
            },
            [("23", "600.00", "138.00")],
        ),
        Design(
            "es_english_withholding",
            _en_withholding,
            {
                "invoice_number": "SA-2025-031",
                "issue_date": "2025-03-14",
                "issuer.name": "Solano Advisory SL",
                "recipient.name": "Harbor Foods Ltd",
                "issuer.iban": "ES9121000418450200051332",
                "totals.net": "2000.00",
                "totals.tax": "420.00",
            },
            [("21", "2000.00", "420.00")],
        ),
    ]
)
