"""Printed forms of labels, numbers, dates and currencies, per language and format id.

Only characters of the PDF standard fonts' WinAnsi encoding are used (so no ``₹`` or ``zł``): the
generator draws with the base-14 fonts and must stay dependency-free of system font files.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

LANGUAGES = ("en", "de", "fr", "es", "nl", "it")

# Label sets per language. Keys are the generator's own names, not contract field names.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "invoice": "Invoice",
        "credit_note": "Credit Note",
        "tax_invoice": "Tax Invoice",
        "invoice_no": "Invoice No.",
        "credit_no": "Credit Note No.",
        "date": "Invoice Date",
        "credit_date": "Date",
        "due": "Due Date",
        "customer_no": "Customer No.",
        "order_ref": "Your Order",
        "bill_to": "Bill To",
        "from": "From",
        "pos": "#",
        "description": "Description",
        "qty": "Qty",
        "unit_price": "Unit Price",
        "amount": "Amount",
        "vat_pct": "VAT",
        "net": "Subtotal",
        "vat": "VAT",
        "total": "Total",
        "tax_summary": "VAT summary",
        "rate": "Rate",
        "base": "Net",
        "tax": "Tax",
        "page": "Page {n} of {total}",
        "carried": "Carried forward",
        "brought": "Brought forward",
        "vat_id": "VAT No.",
        "bank": "Bank",
        "iban": "IBAN",
        "bic": "BIC",
        "terms": "Payment due within {days} days.",
        "credit_ref": "Credit note for invoice {ref}",
        "thanks": "Thank you for your business.",
        "continued": "continued on next page",
        "qty_x": "Qty",
        "all_in": "All amounts in {cur}",
        "invoice_sentence": "Invoice {no} dated {date}",
        "due_sentence": "payable by {date}",
    },
    "de": {
        "invoice": "Rechnung",
        "credit_note": "Gutschrift",
        "tax_invoice": "Rechnung",
        "invoice_no": "Rechnungsnummer",
        "credit_no": "Gutschriftsnummer",
        "date": "Rechnungsdatum",
        "credit_date": "Datum",
        "due": "Fällig am",
        "customer_no": "Kundennummer",
        "order_ref": "Ihre Bestellung",
        "bill_to": "Rechnungsempfänger",
        "from": "Absender",
        "pos": "Pos.",
        "description": "Beschreibung",
        "qty": "Menge",
        "unit_price": "Einzelpreis",
        "amount": "Betrag",
        "vat_pct": "USt.",
        "net": "Nettobetrag",
        "vat": "USt.",
        "total": "Gesamtbetrag",
        "tax_summary": "Steuerübersicht",
        "rate": "Satz",
        "base": "Netto",
        "tax": "Steuer",
        "page": "Seite {n} von {total}",
        "carried": "Übertrag",
        "brought": "Übertrag",
        "vat_id": "USt-IdNr.",
        "bank": "Bank",
        "iban": "IBAN",
        "bic": "BIC",
        "terms": "Zahlbar innerhalb von {days} Tagen ohne Abzug.",
        "credit_ref": "Gutschrift zu Rechnung {ref}",
        "thanks": "Vielen Dank für Ihren Auftrag.",
        "continued": "Fortsetzung auf der nächsten Seite",
        "qty_x": "Menge",
        "all_in": "Alle Beträge in {cur}",
        "invoice_sentence": "Rechnung {no} vom {date}",
        "due_sentence": "zahlbar bis {date}",
    },
    "fr": {
        "invoice": "Facture",
        "credit_note": "Avoir",
        "tax_invoice": "Facture",
        "invoice_no": "N° de facture",
        "credit_no": "N° d'avoir",
        "date": "Date de facture",
        "credit_date": "Date",
        "due": "Date d'échéance",
        "customer_no": "N° client",
        "order_ref": "Votre commande",
        "bill_to": "Facturé à",
        "from": "Émetteur",
        "pos": "N°",
        "description": "Désignation",
        "qty": "Qté",
        "unit_price": "Prix unitaire HT",
        "amount": "Montant HT",
        "vat_pct": "TVA",
        "net": "Total HT",
        "vat": "TVA",
        "total": "Total TTC",
        "tax_summary": "Récapitulatif TVA",
        "rate": "Taux",
        "base": "Base HT",
        "tax": "Montant TVA",
        "page": "Page {n} sur {total}",
        "carried": "À reporter",
        "brought": "Report",
        "vat_id": "N° TVA intracom.",
        "bank": "Banque",
        "iban": "IBAN",
        "bic": "BIC",
        "terms": "Paiement à {days} jours.",
        "credit_ref": "Avoir sur facture {ref}",
        "thanks": "Merci de votre confiance.",
        "continued": "suite page suivante",
        "qty_x": "Qté",
        "all_in": "Montants exprimés en {cur}",
        "invoice_sentence": "Facture {no} du {date}",
        "due_sentence": "payable au {date}",
    },
    "es": {
        "invoice": "Factura",
        "credit_note": "Factura rectificativa",
        "tax_invoice": "Factura",
        "invoice_no": "N.º de factura",
        "credit_no": "N.º de rectificativa",
        "date": "Fecha de factura",
        "credit_date": "Fecha",
        "due": "Fecha de vencimiento",
        "customer_no": "N.º de cliente",
        "order_ref": "Su pedido",
        "bill_to": "Cliente",
        "from": "Emisor",
        "pos": "N.º",
        "description": "Descripción",
        "qty": "Cantidad",
        "unit_price": "Precio unitario",
        "amount": "Importe",
        "vat_pct": "IVA",
        "net": "Base imponible",
        "vat": "IVA",
        "total": "Total factura",
        "tax_summary": "Desglose de IVA",
        "rate": "Tipo",
        "base": "Base",
        "tax": "Cuota",
        "page": "Página {n} de {total}",
        "carried": "Suma y sigue",
        "brought": "Suma anterior",
        "vat_id": "NIF",
        "bank": "Banco",
        "iban": "IBAN",
        "bic": "BIC",
        "terms": "Pago a {days} días.",
        "credit_ref": "Rectifica la factura {ref}",
        "thanks": "Gracias por su confianza.",
        "continued": "continúa en la página siguiente",
        "qty_x": "Cant.",
        "all_in": "Importes en {cur}",
        "invoice_sentence": "Factura {no} de fecha {date}",
        "due_sentence": "vence el {date}",
    },
    "nl": {
        "invoice": "Factuur",
        "credit_note": "Creditnota",
        "tax_invoice": "Factuur",
        "invoice_no": "Factuurnummer",
        "credit_no": "Creditnotanummer",
        "date": "Factuurdatum",
        "credit_date": "Datum",
        "due": "Vervaldatum",
        "customer_no": "Klantnummer",
        "order_ref": "Uw bestelling",
        "bill_to": "Factuur aan",
        "from": "Afzender",
        "pos": "Nr.",
        "description": "Omschrijving",
        "qty": "Aantal",
        "unit_price": "Prijs per stuk",
        "amount": "Bedrag",
        "vat_pct": "btw",
        "net": "Subtotaal",
        "vat": "btw",
        "total": "Totaal",
        "tax_summary": "Btw-specificatie",
        "rate": "Tarief",
        "base": "Grondslag",
        "tax": "Btw",
        "page": "Pagina {n} van {total}",
        "carried": "Transport",
        "brought": "Transport",
        "vat_id": "Btw-nummer",
        "bank": "Bank",
        "iban": "IBAN",
        "bic": "BIC",
        "terms": "Betaling binnen {days} dagen.",
        "credit_ref": "Creditering van factuur {ref}",
        "thanks": "Bedankt voor uw opdracht.",
        "continued": "vervolg op volgende pagina",
        "qty_x": "Aantal",
        "all_in": "Alle bedragen in {cur}",
        "invoice_sentence": "Factuur {no} van {date}",
        "due_sentence": "te betalen voor {date}",
    },
    "it": {
        "invoice": "Fattura",
        "credit_note": "Nota di credito",
        "tax_invoice": "Fattura",
        "invoice_no": "Fattura n.",
        "credit_no": "Nota di credito n.",
        "date": "Data fattura",
        "credit_date": "Data",
        "due": "Scadenza",
        "customer_no": "Cod. cliente",
        "order_ref": "Vs. ordine",
        "bill_to": "Destinatario",
        "from": "Mittente",
        "pos": "N.",
        "description": "Descrizione",
        "qty": "Quantità",
        "unit_price": "Prezzo unitario",
        "amount": "Importo",
        "vat_pct": "IVA",
        "net": "Imponibile",
        "vat": "IVA",
        "total": "Totale documento",
        "tax_summary": "Riepilogo IVA",
        "rate": "Aliquota",
        "base": "Imponibile",
        "tax": "Imposta",
        "page": "Pagina {n} di {total}",
        "carried": "A riportare",
        "brought": "Riporto",
        "vat_id": "P.IVA",
        "bank": "Banca",
        "iban": "IBAN",
        "bic": "BIC",
        "terms": "Pagamento a {days} giorni.",
        "credit_ref": "Nota di credito relativa alla fattura {ref}",
        "thanks": "Grazie per la fiducia.",
        "continued": "segue alla pagina successiva",
        "qty_x": "Q.tà",
        "all_in": "Importi in {cur}",
        "invoice_sentence": "Fattura {no} del {date}",
        "due_sentence": "da pagare entro il {date}",
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni",
        "Juli", "August", "September", "Oktober", "November", "Dezember",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "it": (
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
        "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ),
}  # fmt: skip

# Number formats: (thousands separator, decimal separator); "indian" groups 2-2-3 (1,23,456.78).
NUMBER_FORMATS: dict[str, tuple[str, str]] = {
    "dot_comma": (".", ","),  # 1.234,56
    "comma_dot": (",", "."),  # 1,234.56
    "space_comma": (" ", ","),  # 1 234,56
    "apostrophe_dot": ("'", "."),  # 1'234.56
    "indian": (",", "."),  # 1,23,456.78
}

# Date format ids. Long forms take the document language's month names unless the id names one.
DATE_FORMATS = (
    "iso",  # 2024-03-01
    "dot_dmy",  # 01.03.2024
    "slash_dmy",  # 01/03/2024
    "slash_mdy",  # 03/01/2024 (US)
    "dash_dmy",  # 01-03-2024
    "long",  # 1 March 2024 · 1. März 2024 · 1er mars 2024 · 1 de marzo de 2024
    "us_long",  # March 1, 2024
    "dd_mon_yyyy",  # 01-Mar-2024
)


def format_number(value: Decimal, number_format: str, decimals: int = 2) -> str:
    """Format ``value`` with the separators of ``number_format``; negative values get a leading minus."""
    thousands, decimal_sep = NUMBER_FORMATS[number_format]
    quantised = value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value.quantize(Decimal(1))
    sign = "-" if quantised < 0 else ""
    integer_part, _, fraction = f"{abs(quantised):f}".partition(".")
    if number_format == "indian" and len(integer_part) > 3:
        head, tail = integer_part[:-3], integer_part[-3:]
        groups = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
        grouped = ",".join([*groups, tail])
    else:
        grouped = f"{int(integer_part):,}".replace(",", thousands)
    return f"{sign}{grouped}{decimal_sep}{fraction}" if fraction else f"{sign}{grouped}"


def format_quantity(value: Decimal, number_format: str) -> str:
    """Quantities print without trailing zeros: 3, 2,5, 0.75."""
    normalised = value.normalize()
    decimals = max(0, -int(normalised.as_tuple().exponent))
    return format_number(value, number_format, decimals)


def format_rate(rate: Decimal, number_format: str) -> str:
    """Tax rates: 19 %, 5,5 %, 8.1 %, 8.25 %."""
    return format_quantity(rate, number_format) + " %"


def format_date(day: date, date_format: str, language: str) -> str:
    months = MONTHS[language]
    if date_format == "iso":
        return day.isoformat()
    if date_format == "dot_dmy":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if date_format == "slash_dmy":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if date_format == "slash_mdy":
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if date_format == "dash_dmy":
        return f"{day.day:02d}-{day.month:02d}-{day.year}"
    if date_format == "us_long":
        return f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}"
    if date_format == "dd_mon_yyyy":
        return f"{day.day:02d}-{MONTHS['en'][day.month - 1][:3]}-{day.year}"
    if date_format == "long":
        month = months[day.month - 1]
        if language == "de":
            return f"{day.day}. {month} {day.year}"
        if language == "fr":
            return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
        if language == "es":
            return f"{day.day} de {month} de {day.year}"
        return f"{day.day} {month} {day.year}"
    raise ValueError(f"unknown date format {date_format!r}")


# How a currency is shown: symbol (if it has one in WinAnsi) or ISO code, before or after the amount.
CURRENCY_SYMBOLS: dict[str, str] = {"EUR": "€", "USD": "$", "GBP": "£", "INR": "Rs.", "SEK": "kr"}


def format_money(value: Decimal, number_format: str, currency: str, style: str) -> str:
    """``style``: ``symbol_prefix`` (€ 1.234,56 / $1,234.56), ``symbol_suffix`` (1.234,56 €),
    ``code_prefix`` (CHF 1'234.56) or ``code_suffix`` (1 234,56 PLN); ``none`` prints only the number."""
    number = format_number(value, number_format)
    symbol = CURRENCY_SYMBOLS.get(currency)
    if style == "none":
        return number
    if style.startswith("symbol") and symbol is not None:
        if style == "symbol_prefix":
            # "$1,234.56" and "£1,234.56" sit tight; "€ 1.234,56" and "Rs. 1,23,456.00" take a space.
            gap = "" if symbol in {"$", "£"} else " "
            return f"-{symbol}{gap}{number[1:]}" if number.startswith("-") else f"{symbol}{gap}{number}"
        return f"{number} {symbol}"
    if style in {"code_prefix", "symbol_prefix"}:
        return f"{currency} {number}"
    return f"{number} {currency}"
