"""Issue and due dates on invented invoice headers drawn as real PDFs (reportlab), read by the whole pipeline.

    python benchmarks/invented_dates.py [--documents 30] [--seed 0] [--only design,...] [--show N]

Each design is a way real invoices print their dates, in ten languages (English UK and US, German, French,
Spanish, Italian, Dutch, Portuguese, Polish, Swedish) and each language's date forms (numeric, with the
month in words, ISO): the invoice date beside an order date and a delivery date, a service period ("Leis-
tungszeitraum 01.03.2024 – 31.03.2024", "Période du … au …", "Service period 01.03.–31.03."), a tax
point or date of supply, the date the document was printed or created, "customer since", the dateline of
a letter ("Berlin, den 3. März 2024", "Paris, le 3 mars 2024") as the only document date, a grid of
header cells with their labels above the values, dates in the footer's bank and registration lines and in
item rows, due dates printed as a date ("Due date", "Fällig am", "Échéance", "Zahlbar bis",
"Vencimiento", "Scadenza", in the header or in a sentence) and as terms only ("payable within 14 days",
"Net 30", "zahlbar sofort", "à réception").

The contract's ``due_date`` is the due date the invoice prints; where it prints only terms in days it is
the issue date plus those days (the date the terms name, as an e-invoice's due date states it), and where
the terms say payment is immediate ("due on receipt", "zahlbar sofort") or say nothing, it is null.
Names, wording and dates are our own. Scores per design: issue_date and due_date, one point per document.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from invented_cli import design_arguments  # noqa: E402
from invoiceflow.domain.models import OcrMode  # noqa: E402
from invoiceflow.domain.pipeline import extract_invoice  # noqa: E402
from item_families import Doc, money  # noqa: E402

# A TrueType font: Polish letters (ł, ś, ż) are not in the PDF standard fonts' encoding.
_FONT_DIR = Path("/usr/share/fonts/truetype/liberation")
FONT, BOLD = "Helvetica", "Helvetica-Bold"
if (_FONT_DIR / "LiberationSans-Regular.ttf").exists():
    pdfmetrics.registerFont(TTFont("LiberationSans", str(_FONT_DIR / "LiberationSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("LiberationSans-Bold", str(_FONT_DIR / "LiberationSans-Bold.ttf")))
    FONT, BOLD = "LiberationSans", "LiberationSans-Bold"

LANGUAGES = ["en", "us", "de", "fr", "es", "it", "nl", "pt", "pl", "sv"]
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada "
    "grudnia",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
}
MONTHS["us"] = MONTHS["en"]

# Labels per language. "due" lists the due-date labels real invoices use; "terms" sentences with {n} days;
# "immediate" sentences that make payment due at once; "dateline" a letter's place and particle.
L: dict[str, dict[str, list[str]]] = {
    "en": {
        "title": ["INVOICE", "Tax Invoice"], "number": ["Invoice No.", "Invoice number"],
        "date": ["Invoice date", "Date of invoice", "Date"], "order": ["Order date", "Your order of"],
        "delivery": ["Delivery date", "Date of supply"], "period": ["Service period", "Billing period"],
        "tax_point": ["Tax point", "Tax point date"], "printed": ["Printed on", "Document created"],
        "since": ["Customer since"], "customer": ["Customer No.", "Account number"],
        "due": ["Due date", "Payment due", "Payment due date"],
        "due_sentence": ["Please pay by {d}.", "Payment is due on {d}."],
        "terms": ["Payment terms: Net {n}", "Please pay within {n} days of the invoice date.",
                  "Payable within {n} days net."],
        "immediate": ["Payment due on receipt.", "Payable immediately upon receipt."],
        "dateline": ["Manchester, {d}", "London, {d}"],
        "registered": ["Registered in England No. 0481 2237, incorporated {d}",
                       "Our terms and conditions of {d} apply."],
    },
    "us": {
        "title": ["INVOICE"], "number": ["Invoice #", "Invoice No."], "date": ["Invoice Date", "Date"],
        "order": ["Order Date", "P.O. Date"], "delivery": ["Ship Date", "Date Shipped"],
        "period": ["Service Period", "Billing Period"], "tax_point": ["Date of Service"],
        "printed": ["Printed", "Generated on"], "since": ["Customer since"],
        "customer": ["Customer ID", "Account #"], "due": ["Due Date", "Payment Due"],
        "due_sentence": ["Please remit payment by {d}.", "Payment is due by {d}."],
        "terms": ["Terms: Net {n}", "Payment terms: Net {n} days", "Payment is due within {n} days."],
        "immediate": ["Terms: Due on receipt", "Payment due upon receipt."],
        "dateline": ["Austin, TX, {d}"],
        "registered": ["Price list effective {d}.", "Vendor agreement dated {d}"],
    },
    "de": {
        "title": ["RECHNUNG", "Rechnung"], "number": ["Rechnungsnummer", "Rechnungs-Nr."],
        "date": ["Rechnungsdatum", "Datum"], "order": ["Bestelldatum", "Ihre Bestellung vom"],
        "delivery": ["Lieferdatum", "Leistungsdatum"], "period": ["Leistungszeitraum", "Abrechnungszeitraum"],
        "tax_point": ["Liefer-/Leistungsdatum"], "printed": ["Gedruckt am", "Erstellt am"],
        "since": ["Kunde seit"], "customer": ["Kundennummer", "Kunden-Nr."],
        "due": ["Fällig am", "Zahlbar bis", "Fälligkeitsdatum", "Fälligkeit"],
        "due_sentence": ["Bitte überweisen Sie den Betrag bis zum {d}.", "Zahlbar bis {d} ohne Abzug."],
        "terms": ["Zahlbar innerhalb von {n} Tagen netto.", "Zahlungsziel: {n} Tage",
                  "Zahlungsbedingungen: {n} Tage netto"],
        "immediate": ["Zahlbar sofort ohne Abzug.", "Der Rechnungsbetrag ist sofort fällig."],
        "dateline": ["Berlin, den {d}", "München, {d}"],
        "registered": ["Amtsgericht Charlottenburg HRB 48211, eingetragen am {d}",
                       "Es gelten unsere AGB, Stand {d}."],
    },
    "fr": {
        "title": ["FACTURE", "Facture"], "number": ["Facture n°", "N° de facture"],
        "date": ["Date de facture", "Date"], "order": ["Date de commande", "Commande du"],
        "delivery": ["Date de livraison", "Date de prestation"], "period": ["Période",
                     "Période de facturation"],
        "tax_point": ["Date d'exigibilité de la TVA"], "printed": ["Imprimé le", "Date d'impression"],
        "since": ["Client depuis"], "customer": ["N° client", "Code client"],
        "due": ["Échéance", "Date d'échéance", "À régler avant le"],
        "due_sentence": ["Merci de régler cette facture avant le {d}.", "Date limite de paiement : {d}"],
        "terms": ["Paiement à {n} jours.", "Conditions de paiement : {n} jours net",
                  "Règlement par virement à {n} jours date de facture."],
        "immediate": ["Paiement à réception de facture.", "Conditions de paiement : à réception"],
        "dateline": ["Paris, le {d}", "Lyon, le {d}"],
        "registered": ["RCS Lyon B 512 004 118, immatriculée le {d}", "Tarifs en vigueur au {d}."],
    },
    "es": {
        "title": ["FACTURA", "Factura"], "number": ["Factura n.º", "Número de factura"],
        "date": ["Fecha de factura", "Fecha"], "order": ["Fecha de pedido", "Su pedido del"],
        "delivery": ["Fecha de entrega", "Fecha de operación"], "period": ["Periodo de facturación",
                     "Periodo"],
        "tax_point": ["Fecha de devengo"], "printed": ["Impreso el", "Generado el"],
        "since": ["Cliente desde"], "customer": ["N.º cliente", "Código de cliente"],
        "due": ["Vencimiento", "Fecha de vencimiento"],
        "due_sentence": ["Fecha de vencimiento del pago: {d}", "Rogamos abonen el importe antes del {d}."],
        "terms": ["Forma de pago: transferencia a {n} días", "Pago a {n} días fecha factura."],
        "immediate": ["Pago al contado a la recepción de la factura."],
        "dateline": ["Madrid, a {d}", "Valencia, {d}"],
        "registered": ["Inscrita en el Registro Mercantil de Madrid el {d}", "Tarifas vigentes desde {d}."],
    },
    "it": {
        "title": ["FATTURA", "Fattura"], "number": ["Fattura n.", "Numero fattura"],
        "date": ["Data fattura", "Data"], "order": ["Data ordine", "Vs. ordine del"],
        "delivery": ["Data consegna", "Data DDT"], "period": ["Periodo di fatturazione", "Periodo"],
        "tax_point": ["Data operazione"], "printed": ["Stampato il", "Creato il"],
        "since": ["Cliente dal"], "customer": ["Codice cliente", "Cod. cliente"],
        "due": ["Scadenza", "Data scadenza"],
        "due_sentence": ["Pagamento entro il {d} con bonifico.", "Scadenza pagamento: {d}"],
        "terms": ["Pagamento: bonifico a {n} giorni data fattura", "Pagamento a {n} gg d.f."],
        "immediate": ["Pagamento: rimessa diretta a vista", "Pagamento immediato al ricevimento."],
        "dateline": ["Milano, {d}", "Torino, lì {d}"],
        "registered": ["Iscritta al Registro Imprese di Milano il {d}", "Listino prezzi in vigore dal {d}."],
    },
    "nl": {
        "title": ["FACTUUR", "Factuur"], "number": ["Factuurnummer", "Factuurnr."],
        "date": ["Factuurdatum", "Datum"], "order": ["Besteldatum", "Uw bestelling van"],
        "delivery": ["Leverdatum", "Leveringsdatum"], "period": ["Periode", "Factuurperiode"],
        "tax_point": ["Datum levering"], "printed": ["Afgedrukt op", "Aangemaakt op"],
        "since": ["Klant sinds"], "customer": ["Klantnummer", "Debiteurnummer"],
        "due": ["Vervaldatum", "Uiterste betaaldatum"],
        "due_sentence": ["Gelieve te betalen vóór {d}.",
                         "Wij verzoeken u het bedrag vóór {d} over te maken."],
        "terms": ["Betalingstermijn: {n} dagen", "Betaling binnen {n} dagen na factuurdatum."],
        "immediate": ["Te voldoen bij ontvangst.", "Betaling direct bij ontvangst."],
        "dateline": ["Utrecht, {d}", "Amsterdam, {d}"],
        "registered": ["KvK 30104425, ingeschreven op {d}", "Op al onze leveringen zijn onze voorwaarden "
                       "van {d} van toepassing."],
    },
    "pt": {
        "title": ["FATURA", "Fatura"], "number": ["Fatura n.º", "Número da fatura"],
        "date": ["Data da fatura", "Data de emissão", "Data"], "order": ["Data da encomenda"],
        "delivery": ["Data de entrega", "Data de carga"], "period": ["Período de faturação", "Período"],
        "tax_point": ["Data do fornecimento"], "printed": ["Impresso em", "Processado em"],
        "since": ["Cliente desde"], "customer": ["N.º de cliente"],
        "due": ["Data de vencimento", "Vencimento"],
        "due_sentence": ["Pagamento até {d}.", "Data limite de pagamento: {d}"],
        "terms": ["Prazo de pagamento: {n} dias", "Pagamento a {n} dias."],
        "immediate": ["Condições de pagamento: pronto pagamento", "Pagamento a pronto."],
        "dateline": ["Lisboa, {d}", "Porto, {d}"],
        "registered": ["Matriculada na C.R.C. de Lisboa em {d}", "Tabela de preços em vigor desde {d}."],
    },
    "pl": {
        "title": ["FAKTURA VAT", "Faktura"], "number": ["Faktura VAT nr", "Numer faktury"],
        "date": ["Data wystawienia"], "order": ["Data zamówienia"],
        "delivery": ["Data sprzedaży", "Data dostawy"], "period": ["Okres rozliczeniowy"],
        "tax_point": ["Data wykonania usługi"], "printed": ["Wydrukowano", "Wygenerowano"],
        "since": ["Klient od"], "customer": ["Nr klienta"],
        "due": ["Termin płatności"],
        "due_sentence": ["Prosimy o zapłatę do dnia {d}.", "Termin zapłaty: {d}"],
        "terms": ["Termin płatności: {n} dni", "Płatne w ciągu {n} dni od daty wystawienia."],
        "immediate": ["Forma płatności: gotówka, płatne przy odbiorze"],
        "dateline": ["Warszawa, dnia {d}", "Kraków, {d}"],
        "registered": ["Sąd Rejonowy dla m.st. Warszawy, KRS 0000123456, wpis z dnia {d}",
                       "Cennik obowiązuje od {d}."],
    },
    "sv": {
        "title": ["FAKTURA", "Faktura"], "number": ["Fakturanummer", "Fakturanr"],
        "date": ["Fakturadatum", "Datum"], "order": ["Orderdatum", "Er order av"],
        "delivery": ["Leveransdatum", "Leveransdag"], "period": ["Period", "Avser period"],
        "tax_point": ["Leveransdatum"], "printed": ["Utskriven", "Skapad"],
        "since": ["Kund sedan"], "customer": ["Kundnummer", "Kundnr"],
        "due": ["Förfallodatum", "Förfallodag", "Betalas senast"],
        "due_sentence": ["Betalas senast {d}.", "Vänligen betala senast {d}."],
        "terms": ["Betalningsvillkor: {n} dagar netto", "Betalning inom {n} dagar."],
        "immediate": ["Betalningsvillkor: kontant", "Betalas omgående."],
        "dateline": ["Stockholm, {d}", "Göteborg, {d}"],
        "registered": ["Org.nr 556123-4567, registrerat {d}", "Allmänna villkor från {d} gäller."],
    },
}  # fmt: skip
# More wordings: a direct debit's date, a sentence naming the amount due on a date, the title dated in
# prose, a credit note's reference to the invoice it corrects.
MORE: dict[str, dict[str, str]] = {
    "en": {"debit": "The amount will be debited from your account on {d}.", "amount_due": "Amount due on {d}",
           "dated": "Invoice {n} dated {d}", "credit": "CREDIT NOTE",
                              "credit_ref": "Relates to invoice {n} of {d}"},
    "us": {"debit": "Your card on file will be charged on {d}.", "amount_due": "Amount due by {d}",
           "dated": "Invoice {n} dated {d}", "credit": "CREDIT MEMO",
                              "credit_ref": "Original invoice {n} dated {d}"},
    "de": {"debit": "Der Betrag wird am {d} von Ihrem Konto abgebucht.",
           "amount_due": "Zahlbetrag fällig am {d}",
           "dated": "Rechnung {n} vom {d}", "credit": "GUTSCHRIFT", "credit_ref": "zu Rechnung {n} vom {d}"},
    "fr": {"debit": "Ce montant sera prélevé sur votre compte le {d}.",
           "amount_due": "Montant à payer avant le {d}",
           "dated": "Facture {n} du {d}", "credit": "AVOIR", "credit_ref": "Avoir sur facture {n} du {d}"},
    "es": {"debit": "El importe se cargará en su cuenta el {d}.",
           "amount_due": "Importe a pagar antes del {d}",
           "dated": "Factura {n} de fecha {d}", "credit": "FACTURA RECTIFICATIVA",
           "credit_ref": "Rectifica la factura {n} de {d}"},
    "it": {"debit": "L'importo sarà addebitato sul Vostro conto il {d}.",
           "amount_due": "Importo da pagare entro il {d}",
           "dated": "Fattura {n} del {d}", "credit": "NOTA DI CREDITO",
                              "credit_ref": "Rif. fattura {n} del {d}"},
    "nl": {"debit": "Het bedrag wordt op {d} van uw rekening afgeschreven.",
           "amount_due": "Te betalen vóór {d}",
           "dated": "Factuur {n} d.d. {d}", "credit": "CREDITNOTA",
                              "credit_ref": "Betreft factuur {n} van {d}"},
    "pt": {"debit": "O valor será debitado na sua conta em {d}.", "amount_due": "Valor a pagar até {d}",
           "dated": "Fatura {n} de {d}", "credit": "NOTA DE CRÉDITO",
                             "credit_ref": "Referente à fatura {n} de {d}"},
    "pl": {"debit": "Kwota zostanie pobrana z Państwa rachunku dnia {d}.",
           "amount_due": "Do zapłaty do dnia {d}",
           "dated": "Faktura {n} z dnia {d}", "credit": "FAKTURA KORYGUJĄCA",
           "credit_ref": "Dotyczy faktury {n} z dnia {d}"},
    "sv": {"debit": "Beloppet dras från ditt konto den {d}.", "amount_due": "Att betala senast {d}",
           "dated": "Faktura {n} av den {d}", "credit": "KREDITFAKTURA",
                              "credit_ref": "Avser faktura {n} av den {d}"},
}  # fmt: skip
# Due dates in the many wordings of real invoices and bills, each with the date somewhere in it (the
# figure after it is the amount due: "Échéance(s) : 15/04/2024  1 234,56 €").
DUE_PHRASES = {
    "en": ["Payment due: {d}", "Due: {d}", "Please pay before {d}", "Payable on or before {d}", "Due on {d}",
           "Balance due by {d}: {a}", "Payment date: {d}"],
    "us": ["Due Date: {d}", "Payment Due {d}", "Pay by {d}", "AutoPay scheduled for {d}",
           "Amount Due by {d}: {a}",
           "Please remit by {d}"],
    "de": ["Fällig: {d}", "Fälligkeit: {d}", "Bitte zahlen Sie bis spätestens {d}.",
           "Zahlbar bis zum {d} ohne Abzug",
           "Zahlungstermin: {d}", "Der Betrag ist am {d} fällig.", "Wir buchen den Betrag am {d} ab.",
           "Zahlungsziel: {d}"],
    "fr": ["Échéance : {d}", "Date limite de paiement : {d}", "À payer avant le {d}",
           "Montant prélevé à partir du {d}", "Prélèvement le {d}", "Échéance(s) : {d}   {a}",
                                         "Date d'échéance {d}",
           "Payable au plus tard le {d}"],
    "es": ["Vencimiento: {d}", "Vto.: {d}", "Fecha de vencimiento {d}", "A pagar antes del {d}",
           "Vencimientos: {d}   {a}", "Se cargará en su cuenta el {d}"],
    "it": ["Scadenza: {d}", "Scadenze: {d}   {a}", "Data scadenza {d}", "Da pagare entro il {d}",
           "Pagamento entro il {d}"],
    "nl": ["Vervaldatum: {d}", "Uiterlijk te betalen op {d}", "Te betalen vóór {d}",
           "Het bedrag wordt op {d} afgeschreven.", "Betaaldatum: {d}"],
    "pt": ["Vencimento: {d}", "Data de vencimento: {d}", "Pagar até {d}", "Data limite de pagamento {d}"],
    "pl": ["Termin płatności: {d}", "Zapłacić do: {d}", "Płatne do {d}", "Termin zapłaty: {d}"],
    "sv": ["Förfallodatum: {d}", "Att betala senast {d}", "Förfaller till betalning {d}",
           "Sista betalningsdag: {d}"],
}  # fmt: skip
# Item groups headed by the delivery note they were shipped with.
DELIVERY_NOTE = {"en": "Delivery note {n} of {d}", "us": "Packing slip {n} dated {d}",
                 "de": "Lieferschein {n} vom {d}", "fr": "BL n° {n} du {d}", "es": "Albarán {n} de {d}",
                 "it": "DDT n. {n} del {d}",
                 "nl": "Pakbon {n} van {d}", "pt": "Guia de remessa {n} de {d}", "pl": "WZ {n} z dnia {d}",
                 "sv": "Följesedel {n} av den {d}"}  # fmt: skip
ITEM_HEAD = {
    "en": ("Description", "Qty", "Unit price", "Amount"), "us": ("Description", "Qty", "Rate", "Amount"),
    "de": ("Bezeichnung", "Menge", "Einzelpreis", "Gesamt"), "fr": ("Désignation", "Qté", "P.U. HT",
           "Montant HT"),
    "es": ("Descripción", "Cant.", "Precio", "Importe"), "it": ("Descrizione", "Q.tà", "Prezzo", "Importo"),
    "nl": ("Omschrijving", "Aantal", "Prijs", "Bedrag"), "pt": ("Descrição", "Qtd.", "Preço", "Valor"),
    "pl": ("Nazwa", "Ilość", "Cena netto", "Wartość netto"), "sv": ("Benämning", "Antal", "À-pris", "Belopp"),
}  # fmt: skip
TOTALS = {
    "en": ("Net total", "VAT 20 %", "Total due"), "us": ("Subtotal", "Sales Tax 8%", "Total"),
    "de": ("Summe netto", "USt. 19 %", "Rechnungsbetrag"), "fr": ("Total HT", "TVA 20 %", "Total TTC"),
    "es": ("Base imponible", "IVA 21 %", "Total factura"), "it": ("Imponibile", "IVA 22 %", "Totale fattura"),
    "nl": ("Subtotaal", "BTW 21 %", "Te betalen"), "pt": ("Total ilíquido", "IVA 23 %", "Total a pagar"),
    "pl": ("Razem netto", "VAT 23 %", "Do zapłaty"), "sv": ("Summa exkl. moms", "Moms 25 %", "Att betala"),
}  # fmt: skip
CURRENCY = {"en": "£{v}", "us": "${v}", "sv": "{v} kr", "pl": "{v} zł"}  # the others: "{v} €"
RATE = {"en": 20, "us": 8, "de": 19, "fr": 20, "es": 21, "it": 22, "nl": 21, "pt": 23, "pl": 23, "sv": 25}
ARTICLES = ["Hydraulic hose 1/2", "Sensor IP65", "Consulting (hours)", "Pump seal DN 25", "Cable tray M8",
            "Relay 24 V", "Maintenance visit", "Filter cartridge", "LED panel 60x60",
             "Licence renewal"]  # fmt: skip
VENDORS = ["Brennwald Technik GmbH", "Kestrel & Vane Ltd", "Atelier Moreau SARL", "Van Dijk BV",
           "Soluciones Ebro S.L.", "Officine Varesi S.r.l.", "Nordvik Verktyg AB", "Ferragens Tejo Lda",
           "Zakład Mechaniczny Wisła Sp. z o.o.", "Lone Pine Supply Inc."]  # fmt: skip


def fmt_money(value: Decimal, language: str) -> str:
    text = f"{value:,.2f}"
    if language in ("en", "us"):
        return text
    group = {"fr": "\u00a0", "pl": " ", "sv": " ", "pt": " "}.get(language, ".")
    return text.replace(",", "X").replace(".", ",").replace("X", group)


ABBR = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "de": "Jan. Feb. Mär. Apr. Mai Jun. Jul. Aug. Sep. Okt. Nov. Dez.",
    "es": "ene feb mar abr may jun jul ago sep oct nov dic",
    "it": "gen feb mar apr mag giu lug ago set ott nov dic",
    "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec",
}
ABBR["us"] = ABBR["en"]
WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
}
WEEKDAYS["us"] = WEEKDAYS["en"]


def fmt_date(day: date, language: str, style: str) -> str:
    """``style``: "numeric" (the language's usual numeric form), "short" (the same with a two-digit year),
    "words" (the month in words), "abbr" (abbreviated), "weekday" (words after the day of the week),
    "iso"."""
    if style == "iso":
        return day.isoformat()
    if style in ("numeric", "short"):
        year = f"{day.year % 100:02d}" if style == "short" else str(day.year)
        if language == "us":
            return f"{day.month:02d}/{day.day:02d}/{year}"
        sep = {"de": ".", "pl": ".", "nl": "-", "sv": "-"}.get(language, "/")
        return day.isoformat() if language == "sv" else f"{day.day:02d}{sep}{day.month:02d}{sep}{year}"
    if style == "abbr":
        month = ABBR[language].split()[day.month - 1]
        if language == "us":
            return f"{month} {day.day}, {day.year}"
        return f"{day.day}. {month} {day.year}" if language == "de" else f"{day.day:02d}-{month}-{day.year}"
    words = _in_words(day, language)
    if style == "weekday":
        weekday = WEEKDAYS[language].split()[day.weekday()]
        return f"{weekday}, {words}" if language != "fr" else f"{weekday} {words}"
    return words


def _in_words(day: date, language: str) -> str:
    month = MONTHS[language].split()[day.month - 1]
    if language == "us":
        return f"{month} {day.day}, {day.year}"
    if language == "de":
        return f"{day.day}. {month} {day.year}"
    if language in ("es", "pt"):
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"


def _style(rng: random.Random, language: str) -> str:
    styles = ["numeric", "numeric", "words", "short"]
    styles += ["iso"] if language in ("sv", "pl", "en") else []
    styles += ["abbr"] if language in ABBR else []
    styles += ["weekday"] if language in WEEKDAYS else []
    return rng.choice(styles)


@dataclass
class DateDoc:
    doc: Doc
    issue: date | None
    due: date | None


class Page:
    """One invoice drawn around its header: vendor, recipient, header fields, items, totals, footer."""

    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng, self.language = rng, language
        self.doc = Doc(language)
        self.style = _style(rng, language)
        self.issue = date(2024, 1, 1) + timedelta(days=rng.randint(0, 600))
        self.lab = L[language]

    def word(self, key: str) -> str:
        return self.rng.choice(self.lab[key])

    def day(self, value: date) -> str:
        return fmt_date(value, self.language, self.style)

    def put(
        self, x: float, y: float, text: str, *, bold: bool = False, size: float = 8.5, align: str = "l"
    ) -> None:
        self.doc.put(x, y, text, font=BOLD if bold else FONT, size=size, align=align)

    def letterhead(self, title: bool = True) -> None:
        self.put(40, 40, self.rng.choice(VENDORS), bold=True, size=14)
        self.put(
            40,
            60,
            "Industriestraße 14, 70565 Stuttgart" if self.language == "de" else "12 Harbour Road, Leeds",
        )
        self.put(40, 120, "Nordlicht Handel AG")
        self.put(40, 132, "Hafenstraße 9")
        self.put(40, 144, "28195 Bremen")
        if title:
            self.put(40, 180, self.word("title"), bold=True, size=14)

    def pairs(
        self, rows: list[tuple[str, str]], x: float = 340, y: float = 110, x_value: float = 450
    ) -> float:
        """Header fields: label left, value right of it (a colon after the label half the time)."""
        colon = self.rng.random() < 0.5
        for label, value in rows:
            self.put(x, y, label + (":" if colon else ""))
            self.put(x_value, y, value)
            y += 12
        return y

    def grid(self, cells: list[tuple[str, str]], y: float = 200) -> float:
        """A ruled row of cells: label above value."""
        width = 515 / len(cells)
        for n, (label, value) in enumerate(cells):
            x = 40 + n * width
            self.doc.box(x, y, x + width, y + 30)
            self.put(x + 3, y + 4, label, size=7)
            self.put(x + 3, y + 17, value)
        return y + 44

    def number(self) -> tuple[str, str]:
        return self.word(
            "number"
        ), f"{self.rng.choice(['RE', 'F', 'INV', 'FV'])}-{self.rng.randint(1000, 99999)}"

    def items(self, y: float, dated: bool = False) -> float:
        heads = ITEM_HEAD[self.language]
        for x, text, align in zip((40, 330, 430, 555), heads, "lrrr", strict=True):
            self.put(x, y, text, bold=True, align=align)
        self.doc.rule(40, y + 11, 555)
        y += 18
        net = Decimal(0)
        for _ in range(self.rng.randint(2, 5)):
            quantity = Decimal(self.rng.choice([1, 2, 3, 5, 10]))
            price = Decimal(self.rng.randint(500, 90000)) / 100
            amount = money(quantity * price)
            net += amount
            text = self.rng.choice(ARTICLES)
            if dated:  # a service date in the row: "Maintenance visit 04.03.2024"
                text += " " + self.day(self.issue - timedelta(days=self.rng.randint(1, 25)))
            self.put(40, y, text)
            self.put(330, y, str(quantity), align="r")
            self.put(430, y, fmt_money(price, self.language), align="r")
            self.put(555, y, fmt_money(amount, self.language), align="r")
            y += 13
        self.doc.rule(40, y, 555)
        y += 14
        tax = money(net * RATE[self.language] / 100)
        for label, value in zip(TOTALS[self.language], (net, tax, net + tax), strict=True):
            text = fmt_money(value, self.language)
            if value == net + tax:
                text = CURRENCY.get(self.language, "{v} €").format(v=text)
            self.put(360, y, label)
            self.put(555, y, text, align="r")
            y += 13
        return y + 16

    def footer(self, lines: list[str]) -> None:
        y = 780.0
        for line in lines:
            self.put(40, y, line, size=7)
            y += 9

    def bank(self) -> str:
        return "IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX"

    def done(self, due: date | None) -> DateDoc:
        return DateDoc(self.doc, self.issue, due)


def _before(page: Page, low: int, high: int) -> date:
    return page.issue - timedelta(days=page.rng.randint(low, high))


def order_beside(rng: random.Random, language: str) -> DateDoc:
    """Invoice date among an order date, a delivery date and a customer number, in any order."""
    page = Page(rng, language)
    page.letterhead()
    rows = [
        (page.word("order"), page.day(_before(page, 3, 40))),
        (page.word("delivery"), page.day(_before(page, 0, 5))),
        (page.word("customer"), str(rng.randint(10000, 99999))),
        (page.word("date"), page.day(page.issue)),
    ]
    rng.shuffle(rows)
    page.pairs([page.number(), *rows])
    page.items(230)
    return page.done(None)


def _period_text(page: Page) -> str:
    start = date(page.issue.year, page.issue.month, 1) - timedelta(days=1)
    start = date(start.year, start.month, 1)
    end = date(page.issue.year, page.issue.month, 1) - timedelta(days=1)
    short = page.rng.random() < 0.3 and page.language not in ("us", "sv")
    if short:  # "01.03.–31.03."
        sep = "." if page.language in ("de", "pl") else "/"
        return f"{start.day:02d}{sep}{start.month:02d}{sep}–{end.day:02d}{sep}{end.month:02d}{sep}"
    joiner = {"fr": " au ", "de": " bis ", "es": " al ", "it": " al ", "nl": " t/m ", "pt": " a "}
    word = joiner.get(page.language, " – ") if page.rng.random() < 0.5 else " – "
    lead = (
        {"fr": "du ", "es": "del ", "it": "dal ", "de": "vom "}.get(page.language, "")
        if word.strip() not in "–"
        else ""
    )
    return f"{lead}{page.day(start)}{word}{page.day(end)}"


def service_period(rng: random.Random, language: str) -> DateDoc:
    """A billing period above or below the invoice date, its dates in the header or under the title."""
    page = Page(rng, language)
    page.letterhead()
    period = (page.word("period"), _period_text(page))
    rows = [page.number(), (page.word("date"), page.day(page.issue))]
    if rng.random() < 0.5:
        rows.insert(1, period)
        page.pairs(rows)
    else:
        page.pairs(rows)
        page.put(40, 200, f"{period[0]}: {period[1]}")
    page.items(230)
    return page.done(None)


def tax_point(rng: random.Random, language: str) -> DateDoc:
    """The date of supply / tax point (the VAT date) beside the invoice date, either one first."""
    page = Page(rng, language)
    page.letterhead()
    supply = (page.word("tax_point"), page.day(_before(page, 1, 20)))
    rows = [(page.word("date"), page.day(page.issue)), supply]
    rng.shuffle(rows)
    page.pairs([page.number(), *rows])
    page.items(230)
    return page.done(None)


def printed_created(rng: random.Random, language: str) -> DateDoc:
    """The date the document was printed or created (often with a time, often above the invoice date)."""
    page = Page(rng, language)
    stamp_day = page.issue + timedelta(days=rng.randint(0, 30))
    timed = rng.random() < 0.5
    stamp = f"{page.word('printed')}: {page.day(stamp_day)}" + (
        f" {rng.randint(7, 18)}:{rng.randint(10, 59)}" if timed else ""
    )
    if rng.random() < 0.5:
        page.put(555, 24, stamp, size=7, align="r")  # over the letterhead
        page.letterhead()
        page.pairs([page.number(), (page.word("date"), page.day(page.issue))])
    else:
        page.letterhead()
        label, value = stamp.split(": ", 1)
        page.pairs([(label, value), page.number(), (page.word("date"), page.day(page.issue))])
    page.items(230)
    return page.done(None)


def customer_since(rng: random.Random, language: str) -> DateDoc:
    """ "Customer since <date>" beside the customer number, above or below the invoice date."""
    page = Page(rng, language)
    page.letterhead()
    since = date(rng.randint(2005, 2020), rng.randint(1, 12), rng.randint(1, 28))
    rows = [
        (page.word("customer"), str(rng.randint(10000, 99999))),
        (page.word("since"), page.day(since)),
    ]
    dated = [page.number(), (page.word("date"), page.day(page.issue))]
    page.pairs(rows + dated if rng.random() < 0.5 else dated + rows)
    page.items(230)
    return page.done(None)


def city_dateline(rng: random.Random, language: str) -> DateDoc:
    """A letter: the place and date on their own line ("Berlin, den 3. März 2024"), no date label; an order
    date and a delivery note's date in the reference line or the text."""
    page = Page(rng, language)
    page.style = rng.choice(["words", "numeric"])
    page.letterhead(title=False)
    page.put(555, 175, page.word("dateline").format(d=page.day(page.issue)), align="r")
    reference = f"{page.word('number')} {page.number()[1]}"
    page.put(40, 200, reference, bold=True)
    page.put(40, 214, f"{page.word('order')} {page.day(_before(page, 5, 30))}")
    page.items(240, dated=rng.random() < 0.5)
    return page.done(None)


def header_grid(rng: random.Random, language: str) -> DateDoc:
    """A ruled row of cells, each label above its value: number, customer, order date, invoice date, due."""
    page = Page(rng, language)
    page.style = "words" if page.style == "weekday" else page.style  # a weekday would not fit a cell
    page.letterhead()
    due = page.issue + timedelta(days=rng.choice([10, 14, 30]))
    cells = [
        page.number(),
        (page.word("customer"), str(rng.randint(10000, 99999))),
        (page.word("order"), page.day(_before(page, 3, 30))),
        (page.word("date"), page.day(page.issue)),
    ]
    rng.shuffle(cells)
    with_due = rng.random() < 0.6
    if with_due:
        cells.append((page.word("due"), page.day(due)))
    page.grid(cells, y=200)
    page.items(260)
    return page.done(due if with_due else None)


def footer_dates(rng: random.Random, language: str) -> DateDoc:
    """Dates in the footer's registration and terms lines and in the item rows; the invoice date under a
    bare "Date" label, or as a dateline."""
    page = Page(rng, language)
    page.letterhead()
    page.pairs([page.number(), (page.lab["date"][-1], page.day(page.issue))])
    y = page.items(230, dated=True)
    old = date(rng.randint(2001, 2022), rng.randint(1, 12), rng.randint(1, 28))
    page.put(40, y, page.word("registered").format(d=page.day(old)), size=7)
    page.footer([page.bank(), page.word("registered").format(d=page.day(old))])
    return page.done(None)


def due_labelled(rng: random.Random, language: str) -> DateDoc:
    """A due date printed as a date: in the header fields or as a sentence under the totals."""
    page = Page(rng, language)
    page.letterhead()
    due = page.issue + timedelta(days=rng.choice([7, 10, 14, 21, 30, 45]))
    rows = [page.number(), (page.word("date"), page.day(page.issue))]
    in_header = rng.random() < 0.5
    if in_header:
        rows.append((page.word("due"), page.day(due)))
    if rng.random() < 0.4:
        rows.append((page.word("delivery"), page.day(_before(page, 0, 6))))
    page.pairs(rows)
    y = page.items(230)
    if not in_header:
        page.put(40, y, page.word("due_sentence").format(d=page.day(due)))
    page.footer([page.bank()])
    return page.done(due)


def due_terms(rng: random.Random, language: str) -> DateDoc:
    """Terms only: "payable within 14 days" (due = issue date + 14 days) or immediate payment (no due date),
    under the totals or as a header field."""
    page = Page(rng, language)
    page.letterhead()
    rows = [page.number(), (page.word("date"), page.day(page.issue))]
    immediate = rng.random() < 0.35
    days = rng.choice([8, 10, 14, 30, 60])
    sentence = page.word("immediate") if immediate else page.word("terms").format(n=days)
    header = ":" in sentence and rng.random() < 0.5
    if header:
        label, value = sentence.split(":", 1)
        rows.append((label, value.strip()))
    page.pairs(rows)
    y = page.items(230)
    if not header:
        page.put(40, y, sentence)
    page.footer([page.bank()])
    return page.done(None if immediate else page.issue + timedelta(days=days))


def due_and_terms(rng: random.Random, language: str) -> DateDoc:
    """Terms and the due date both printed (the date wins: it may count from another day than the
    invoice date), with a cash discount for early payment now and then."""
    page = Page(rng, language)
    page.letterhead()
    days = rng.choice([14, 30])
    due = page.issue + timedelta(days=days + rng.choice([0, 0, 2, 5]))
    rows = [page.number(), (page.word("date"), page.day(page.issue)), (page.word("due"), page.day(due))]
    page.pairs(rows)
    y = page.items(230)
    page.put(40, y, page.word("terms").format(n=days))
    page.footer([page.bank()])
    return page.done(due)


def debit_date(rng: random.Random, language: str) -> DateDoc:
    """A direct debit on a stated day (a telecom or utility bill): that day is when payment is due."""
    page = Page(rng, language)
    page.letterhead()
    due = page.issue + timedelta(days=rng.choice([5, 10, 14, 20]))
    page.pairs([page.number(), (page.word("date"), page.day(page.issue))])
    y = page.items(230)
    page.put(40, y, MORE[language]["debit"].format(d=page.day(due)))
    page.footer([page.bank()])
    return page.done(due)


def dated_title(rng: random.Random, language: str) -> DateDoc:
    """No date label: the title line dates the invoice in prose ("Rechnung RE-4711 vom 3. März 2024",
    "Facture F-117 du 03/03/2024"), over a service period and an amount due on a date."""
    page = Page(rng, language)
    page.letterhead(title=False)
    number = page.number()[1]
    page.put(40, 180, MORE[language]["dated"].format(n=number, d=page.day(page.issue)), bold=True, size=12)
    page.put(40, 200, f"{page.word('period')}: {_period_text(page)}")
    y = page.items(230)
    due = page.issue + timedelta(days=rng.choice([14, 30]))
    with_due = rng.random() < 0.6
    if with_due:
        page.put(
            40,
            y,
            f"{MORE[language]['amount_due'].format(d=page.day(due))}: {fmt_money(Decimal(100), language)}",
        )
    return page.done(due if with_due else None)


def stacked_labels(rng: random.Random, language: str) -> DateDoc:
    """Unruled header fields, each value on the line under its label: in a row across the page or stacked
    down the right-hand column."""
    page = Page(rng, language)
    page.letterhead()
    due = page.issue + timedelta(days=rng.choice([10, 14, 30]))
    fields = [
        page.number(),
        (page.word("date"), page.day(page.issue)),
        (page.word("delivery"), page.day(_before(page, 0, 6))),
        (page.word("customer"), str(rng.randint(10000, 99999))),
    ]
    rng.shuffle(fields)
    with_due = rng.random() < 0.6
    if with_due:
        fields.insert(rng.randint(1, len(fields)), (page.word("due"), page.day(due)))
    if rng.random() < 0.5 and page.style != "weekday":  # a weekday would not fit a column
        width = 515 / len(fields)
        for n, (label, value) in enumerate(fields):
            page.put(40 + n * width, 200, label, bold=True, size=7.5)
            page.put(40 + n * width, 211, value)
        y = 240.0
    else:
        y = 100.0
        for label, value in fields:
            page.put(400, y, label, bold=True, size=7.5)
            page.put(400, y + 10, value)
            y += 26
        y = max(y, 240.0)
    page.items(y)
    return page.done(due if with_due else None)


def credit_note(rng: random.Random, language: str) -> DateDoc:
    """A credit note dated by its own label, referring to the invoice it corrects and that invoice's date
    (printed first, often on the line of the number); no due date."""
    page = Page(rng, language)
    page.letterhead(title=False)
    page.put(40, 180, MORE[language]["credit"], bold=True, size=14)
    original = _before(page, 10, 60)
    reference = MORE[language]["credit_ref"].format(n=f"RE-{rng.randint(1000, 9999)}", d=page.day(original))
    if rng.random() < 0.5:
        page.put(40, 200, reference)
        page.pairs([(page.word("date"), page.day(page.issue))])
    else:
        page.pairs([(page.word("date"), page.day(page.issue))], y=122)
        page.put(40, 200, reference)
    page.items(230)
    return page.done(None)


def due_phrases(rng: random.Random, language: str) -> DateDoc:
    """The due date in one of a language's wordings, in the header fields' column or under the totals."""
    page = Page(rng, language)
    page.letterhead()
    due = page.issue + timedelta(days=rng.choice([7, 14, 20, 30]))
    phrase = rng.choice(DUE_PHRASES[language]).format(
        d=page.day(due), a=fmt_money(Decimal("1234.56"), language)
    )
    rows = [page.number(), (page.word("date"), page.day(page.issue))]
    y = page.pairs(rows)
    if rng.random() < 0.5:
        page.put(340, y, phrase)
        page.items(230)
    else:
        y = page.items(230)
        page.put(40, y, phrase)
    page.footer([page.bank()])
    return page.done(due)


def delivery_notes(rng: random.Random, language: str) -> DateDoc:
    """Items grouped by delivery notes, each heading dated, over two pages; the second page repeats the
    letterhead and the invoice number but not the date."""
    page = Page(rng, language)
    page.letterhead()
    number = page.number()
    page.pairs([number, (page.word("date"), page.day(page.issue))])
    y = 230.0
    for n in range(rng.randint(2, 3)):
        if n == 1 or y > 700:
            page.doc.new_page()
            page.put(40, 40, number[0] + " " + number[1], bold=True)
            y = 80.0
        note = DELIVERY_NOTE[language].format(n=rng.randint(4000, 9999), d=page.day(_before(page, 2, 30)))
        page.put(40, y, note, bold=True)
        y = page.items(y + 16)
    return page.done(None)


DESIGNS: dict[str, Callable[[random.Random, str], DateDoc]] = {
    "order_beside": order_beside,
    "service_period": service_period,
    "tax_point": tax_point,
    "printed_created": printed_created,
    "customer_since": customer_since,
    "city_dateline": city_dateline,
    "header_grid": header_grid,
    "footer_dates": footer_dates,
    "due_labelled": due_labelled,
    "due_terms": due_terms,
    "due_and_terms": due_and_terms,
    "debit_date": debit_date,
    "dated_title": dated_title,
    "stacked_labels": stacked_labels,
    "credit_note": credit_note,
    "due_phrases": due_phrases,
    "delivery_notes": delivery_notes,
}


def build(design: str, seed: int) -> DateDoc:
    rng = random.Random(f"dates-{design}-{seed}")
    return DESIGNS[design](rng, LANGUAGES[seed % len(LANGUAGES)])


def measure(design: str, documents: int, seed: int, show: int) -> Counter[str]:
    right: Counter[str] = Counter()
    for n in range(documents):
        expected = build(design, seed * 1000 + n)
        invoice = extract_invoice(expected.doc.pdf(), filename=f"{design}.pdf", ocr=OcrMode.NEVER)
        checks = {
            "issue_date": invoice.issue_date == expected.issue,
            "due_date": invoice.due_date == expected.due,
        }
        right.update(name for name, ok in checks.items() if ok)
        if show and not all(checks.values()):
            show -= 1
            print(
                f"  {design} {seed * 1000 + n} ({expected.doc.language}): issue {invoice.issue_date} / "
                f"{expected.issue}  due {invoice.due_date} / {expected.due}"
            )
    return right


def main(argv: list[str] | None = None) -> int:
    args, designs = design_arguments(__doc__, DESIGNS, 30, "PDFs per design (languages in turn)", argv)
    totals: Counter[str] = Counter()
    print(f"{'design':<16} {'issue_date':>10} {'due_date':>9}   (seed {args.seed})")
    for design in designs:
        right = measure(design, args.documents, args.seed, args.show)
        totals.update(right)
        print(f"{design:<16} {right['issue_date']:>10} {right['due_date']:>9}   /{args.documents}")
    count = args.documents * len(designs)
    print(
        f"all: issue_date {100 * totals['issue_date'] / count:.1f} %,"
        f" due_date {100 * totals['due_date'] / count:.1f} %,"
        f" both {100 * (totals['issue_date'] + totals['due_date']) / (2 * count):.1f} %  ({count} documents)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
