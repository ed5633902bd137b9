"""Multilingual label lexicon (EN, DE, FR, ES, NL, IT, Indian English; the main labels also in PT, the
Nordic languages, PL, CZ, HU, TR, EL and the Balkans), matched on folded text
(lower-case, accents stripped). Order inside a kind matters: the most specific phrase comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from invoiceflow.domain.extraction.lazy_re import ignorecase_is_moot, lazy_compile

# Word start and end: no letter of any script beside the label (a Cyrillic or Greek label is no label
# inside a longer word: "клиент" is not the start of "клиента").
_B = r"(?<![^\W\d_])"
_E = r"(?![^\W\d_])"
_NO = r"(?:no|nr|n|num|number|numero|nummer|n\.?\s?[°ºo]\.?|no°|#|id|ref)\.?"
# The document's title word, full or abbreviated, in the lexicon's languages ("Inv.", "Rech.", "Fact.",
# "Fra.", "Nota", "Belge", "Daňový doklad"); never an order, delivery note, account or ticket.
_TITLE = (
    # German compounds of "-rechnung" ("Handelsrechnung", "Schlussrechnung", "Abschlagsrechnung"), not a
    # calculation, conversion, offset or settlement ("Kostenberechnung", "Umrechnung", "Verrechnung",
    # "Anrechnung", "Abrechnung", "Hochrechnung", "Gegenrechnung").
    r"(?:[a-z]{0,24}(?<!be)(?<!um)(?<!an)(?<!ab)(?<!ver)(?<!hoch)(?<!gegen)rechnung|"
    r"invoice|inv|bill(?:\s+of\s+supply)?|rech|facture|fact|factura|fra|fattura|fatt|factuur|faktuur|"
    r"faktura|fatura|nota|abono|avoir|gutschrift|kreditnota|creditnota|kreditfaktura|credit\s*note|documento|"
    r"dokument|belge|fis|(?:danovy\s+)?doklad|"
    # Balkan, Baltic, Romanian and Cyrillic titles: "Račun", "Arve", "Rēķins", "(PVM) sąskaita faktūra",
    # "Factura fiscală", "Фактура", "Счет".
    r"racun|arve|rekin[as]|(?:pvm\s+)?saskaita(?:\s+faktura)?|saskaitos(?:\s+fakturos)?|factura\s+fiscala|"
    r"фактура|счет|сметка)\.?"
)
# The document type's UNTDID 1001 code that e-invoice visualisations print in brackets after the title:
# "Handelsrechnung (380) Nr.", "Invoice (380) No.", "Gutschrift (381) Nr.".
_TYPE_CODE = r"(?:\s*\(\d{3}\))?"
# A word for "number" after the title, with its abbreviations and punctuation ("Nro.", "N°", "Nr:", "č.",
# "Numarası", "Sıra No": folding keeps Turkish "ı", a letter class takes it); a bare "n" only before a
# colon or a value with a digit ("Facture n F-117", not "la facture n'est …").
_NUMBER_WORD = (
    r"(?:no|nr|nro|num|number|numero|nummer|numer|numara(?:s[^\W\d_])?|cislo|c\.|n\.?\s?[°ºo]\.?|n\.|"
    r"n(?=\s*:|\s+[a-z0-9\-/.]*\d)|#|№|br\.|broj|numurs|numeris|"
    r"(?:seri|s[^\W\d_]ra|seri\s*-\s*s[^\W\d_]ra)\s+no)\.?"
)
# Genitive and plural forms of the title after a number word ("Nr dokumentu", "Číslo faktury", "N.º da
# fatura"), not a transport or delivery document ("N.º documento de transporte") or an identity card's.
_TITLE_AFTER_NUMBER = (
    r"(?:faktury|fakturan?|dokumentu|dokladu|documento|document|doc\.?|facture|factura|fattura|factuur|fatura|"
    # "Numero nota di credito", "Número nota de débito": the whole title, so that the value follows it.
    r"avoir|abono|nota(?:\s+d[ei]\s+(?:credito|debito))?)"
    r"(?!\s+(?:de\s+|di\s+|d'\s*)?(?:transporte|trasporto|entrega|envio|consegna|remessa|"
    r"livraison|expedition|transport|identidad|identificacao|identita|identite|identity))"
)


# "Paid" in the languages whose paid receipts print it after a total or a tax ("Total paid with VAT").
_PAID = r"(?:paid|payee?s?|pagad[oa]|pagat[oa]|betaald|bezahlt)"


def _alt(*phrases: str) -> str:
    return "(?:" + "|".join(phrases) + ")"


LABEL_PATTERNS: dict[str, str] = {
    "invoice_number": _alt(
        rf"(?:tax\s+|commercial\s+|pro\s*-?\s*forma\s+|final\s+|deposit\s+|interim\s+|progress\s+)?invoice\s*{_NO}",
        rf"(?:credit|debit)\s*(?:note|memo)\s*{_NO}",
        # "Dok. Nr." (German, Nordic, Baltic, Slavic abbreviation), "Dokumenta numurs", "Dokumento Nr.".
        rf"(?:receipt|document)\s*{_NO}|(?:doc|dok)\.?\s*-?\s*{_NO}|dokument[ao]\s+(?:nr\.?|numurs|numeris)",
        rf"bill\s*{_NO}",
        # Portuguese "Fatura-Recibo", debit notes, Hungarian "Számla sorszáma", Greek "Αριθμός τιμολογίου".
        rf"(?:fatura|factura)\s*-\s*recibo(?:\s*{_NO})?|nota\s+de\s+(?:debito|credito)\s*{_NO}",
        r"szamla\s*(?:sorszama|szama)|szamlaszam|αριθμο[σς]\s+(?:τιμολογιου|παραστατικου)",
        # Fee notes of solicitors, doctors and consultants: "Fee Note No.", "Note d'honoraires n°".
        rf"(?:fee\s+note|note\s+of\s+fees|note\s+d'?\s*honoraires|honorar(?:note|rechnung)|"
        rf"nota\s+(?:de\s+honorarios|(?:di\s+)?onorari|de\s+honorarios))\s*{_NO}",
        r"rechnungs?\s*-?\s*(?:nummer|nr\.?|no\.?|n°)",
        # "Invoice-No.", "Rechnung #", "Rech.-Nr.", "Nota nr.", "Abono nº", "Faktura č.", "Fatura Numarası",
        # "Belge No"; "Nro. factura", "Nr dokumentu", "N.º da fatura"; one word: "Fakturanum.", "Notanummer",
        # "Kreditnotanummer" (not "Rekeningnummer": a bank account's number in Dutch).
        rf"{_TITLE}{_TYPE_CODE}\s*[-/]?\s*{_NUMBER_WORD}",
        rf"(?:no|nr|nro|num|numero|numer|cislo|n\.?\s?[°ºo]|n(?=\.))\.?\s*(?:(?:de|da|di|du|del|do)\s+)?(?:la\s+)?"
        rf"{_TITLE_AFTER_NUMBER}",
        r"(?:faktura|factuur|faktuur|nota|kreditnota|creditnota|gutschrifts?|beleg)(?:nummer|nr|num|numer|no)\.?",
        r"racun\s*st\.|номер\s+на\s+(?:фактура|сметка)|номер\s+(?:счета|фактуры)",
        r"(?:gutschrifts?|storno|beleg)\s*-?\s*(?:nummer|nr\.?)",
        r"gutschrift\s+nr\.?",
        r"(?:n\.?\s?[°ºo]\.?|no\.?|nr\.?|n\.|numero|num\.?)\s*(?:de\s+)?(?:la\s+)?(?:facture|factura|fattura|avoir|d'avoir|rectificativa|abono|factura\s+rectificativa)",
        r"(?:facture|factura|fattura|avoir)(?:\s+(?:elettronica|differita|immediata|accompagnatoria|d'?\s*acompte|"
        r"de\s+acompte|de\s+anticipo|d'?\s*acconto|pro\s*-?\s*forma|rectificativa|simplificada|commerciale|"
        r"finale|de\s+solde))?\s*(?:n\.?\s?[°ºo]\.?|n\.|no\.?|nr\.?|num\.?|numero|number|#)",
        # "Invoice: INV-0117", "Rechnung: 2024-117": the title word alone before a colon (not "Date
        # facture :", "Date de la facture :", "Datum factuur:", "Fecha factura:": the date's label).
        # (The one-letter look-ahead first: the look-behinds are tried only where a title word may start.)
        r"(?=[irf])(?<!date )(?<!date de )(?<!f\. )(?<!f\.)(?<!date de la )(?<!datum )(?<!fecha )"
        r"(?<!date of )(?<!datum van de )"
        r"(?<!fecha de )"
        r"(?<!fecha de la )(?<!data )(?<!data della )(?<!data da )(?<!total )(?<!totaal )(?<!totale )"
        r"(?<!montant de la )"
        r"(?:invoice|rechnung|facture|factura|factuur|fattura|faktura|fatura)(?=\s*:)",
        r"factuur\s*-?\s*(?:nummer|nr\.?|no\.?)",
        r"(?:creditnota|creditfactuur)\s*-?\s*(?:nummer|nr\.?)",
        rf"(?:numero|n\.?\s?[°ºo]\.?)\s+(?:de\s+)?(?:{_TITLE_AFTER_NUMBER}|nota\s+de\s+credito)",
        # "Numéro de document", "N° du document", "Dokumentnummer"; receipts: "Reçu n°",
        # "N° de reçu", "Quittungsnummer", "Kwitantienummer", "Número de recibo", "Ricevuta n.".
        r"(?:numero|n\.?\s?[°ºo]\.?)\s+(?:de\s+|du\s+)?(?:document(?!\s+d'\s*identite)|recu|recibo|ricevuta|"
        r"quittance)|"
        r"dokument\s*-?\s*(?:nummer|nr\.?)",
        rf"(?:recu|recibo|ricevuta|quittung|quittance|kwitantie)\s*{_NO}|quittungsnummer|kwitantienummer|"
        r"bonnummer",
        r"nota\s+(?:di\s+)?credito\s*(?:n\.?|nr\.?|numero)",
        r"invoice\s*#",
        # Short and statement forms: "Inv. No.", "Inv #", "Statement No." (a utility's bill is its
        # statement), "Re.-Nr.", "Réf. facture", "Invoice Serial No.".
        rf"inv\.?\s*{_NO}",
        rf"(?:account\s+|billing\s+)?statement\s*{_NO}",
        rf"invoice\s+(?:serial|reference|ref\.?)\s*{_NO}",
        r"re\.?\s*-\s*nr\.?|re\.\s*nr\.?",
        r"r[ee]f(?:erence|\.)?\s*(?:de\s+(?:la\s+)?)?(?:facture|factura|fattura|factuur)",
        r"(?:numero|n\.?\s?[°ºo]\.?|nr\.?)\s+(?:de\s+)?(?:releve|extracto|estratto)",
        # Portuguese, Swedish, Danish, Norwegian, Finnish, Polish, Czech.
        r"(?:fatura|factura)\s*(?:n\.?\s?[°ºo]\.?|nr\.?|numero)|(?:n\.?\s?[°ºo]\.?|numero)\s+da\s+fatura",
        r"faktura\s*-?\s*(?:nummer|nr\.?|no\.?|numer|cislo|c\.)|fakturanr\.?|faktura\s+nr\.?",
        # Polish "Faktura VAT nr", "Faktura VAT korygująca nr", "Faktura proforma nr".
        r"faktura\s+(?:vat\s+)?(?:marza\s+|korygujaca\s+|proforma\s+|zaliczkowa\s+|koncowa\s+)?(?:nr\.?|numer)",
        r"(?:numer|nr\.?)\s+faktury|cislo\s+(?:faktury|dokladu)|laskun?\s*-?\s*(?:numero|nro\.?)|laskunumero",
        # Hotel folios and Mexican "Folio", "Belegnr.", "Fakturanr", "Numero fattura", "Numéro de pièce".
        r"folio\s*(?:no|nr|number|num|#|n\.?\s?[°ºo])\.?|belegnr\.?|beleg\s*-?\s*no\.?",
        r"numero\s+(?:di\s+)?fattura|(?:numero|n\.?\s?[°ºo]\.?)\s+(?:de\s+)?piece|fakturanummer",
        # Abbreviated: "Rg.-Nr.", "Rechn.-Nr.", "Fact. n°", "Fatt. n.", "Fra. nº".
        r"(?:rg|rechn)\.?\s*-?\s*nr\.?|(?:fact|fatt|fra)\.\s*(?:n\.?\s?[°ºo]\.?|n\.|no\.?|nr\.?|num\.?)",
        # Romanian and Bulgarian "Seria ABC nr. 0042": the series letters belong to the label, the number
        # follows "nr." (the series alone is no invoice number).
        r"seri(?:[ae]|ja)\s+[a-z]{1,6}\s*(?:nr|numar|no)\.?",
        # Balkan "Broj računa", "Številka računa", "Račun br."; Greek "Αριθμός" heading its cell (beside
        # "Σειρά") or "Αρ. παραστατικού"; a Cyrillic "№" opening its cell ("№ 0000001234" under the title).
        r"broj\s+(?:racuna|fakture)|stevilka\s+racuna|racun\s+(?:br|st)\.?|"
        r"αρ(?:ιθμο[σς]|\.)\s*(?:τιμολογιου|παραστατικου)|αριθμο[σς](?=\s*:?\s*(?:$|ημερομηνια|ημ/νια))|^№(?=\s*\d)",
    ),
    "due_date": _alt(
        r"(?:payment\s+)?due\s+(?:date|by|on)",
        r"date\s+due",
        r"payable\s+(?:by|until|before|on|au|le|avant\s+le)",
        r"pay(?:ment)?\s+by(?:\s+date)?",
        r"faellig(?:keit)?(?:s?datum|s?termin|stag)?(?:\s+(?:am|bis))?",
        r"fallig(?:keit)?(?:s?datum|s?termin|stag)?(?:\s+(?:am|bis))?",
        # "Verval datum", "Scad.", "Data venc.", "Vto.", "Zapłacić do", Danish "Forfalder", Turkish "Son ödeme
        # tarihi", "Vade (tarihi)", "Ödeme tarihi" (a payment date is the due date, as "Payment date").
        r"verval\s*-?\s*(?:datum|dag)|scad\.|(?:data\s+|fecha\s+)?venc\.|zap[lł]aci[cć]\s+do|forfalder",
        r"(?:son\s+)?odeme\s+tarihi|vade(?:\s+tarihi)?|son\s+odeme(?:\s+gunu)?",
        # Balkan, Romanian, Hungarian, Baltic, Greek and Bulgarian due dates.
        r"rok\s+placanja|datum\s+dospijeca|dospijece|(?:data\s+)?scadent(?:a|ei)|fizetesi\s+hatarido|esedekesseg|"
        r"termen(?:ul)?\s+de\s+plata|"
        r"(?:makse)?tahtaeg|apmaksas\s+termins|apmaksat\s+lidz|apmoketi\s+iki|mokejimo\s+terminas|"
        r"ημερομηνια\s+ληξη[σς]|падеж|срок\s+(?:на|за)\s+плащане",
        # Slovenian "Rok plačila", Serbian "Valuta plaćanja" (the day payment is due), "Datum dospeća",
        # Greek "Προθεσμία πληρωμής", "Ημ. λήξης", Bulgarian "Дата на падеж".
        r"rok\s+placila|valuta\s+placanja|datum\s+dospeca|προθεσμια\s+πληρωμη[σς]|ημ\.?\s*ληξη[σς]|"
        r"дата\s+на\s+падеж|краен\s+срок(?:\s+за\s+плащане)?",
        r"zahlbar\s+bis",
        r"zahlungsziel",
        r"date\s+d'?\s*echeance",
        r"echeance",
        r"a\s+payer\s+avant\s+le",
        r"fecha\s+(?:de\s+)?vencimiento",
        r"vencimientos?",
        r"vervaldatum",
        r"(?:uiterste\s+)?betaal(?:datum|termijn)",
        r"te\s+betalen\s+voor",
        r"(?:data\s+(?:di\s+)?)?scadenz[ae]",
        r"(?:payment\s+)?deadline|date\s+limite(?:\s+de\s+(?:paiement|reglement))?|zahlungsfrist",
        r"fecha\s+limite(?:\s+de\s+pago)?|pagar\s+antes\s+de|pagamento\s+entro\s+il|betalen\s+voor",
        r"vervaldag|(?:data\s+de\s+)?vencimento|please\s+pay\s+(?:by|before)|pay\s+before",
        r"zahlungstermin|(?:abbuchungs|einzugs|lastschrift)\s*-?\s*(?:datum|termin)|(?:debit|collection)\s+date",
        r"date\s+de\s+prelevement|fecha\s+de\s+cargo|incassodatum|data\s+(?:di\s+)?addebito",
        r"a\s+regler\s+(?:avant\s+le|le|au\s+plus\s+tard\s+le)|vence(?:\s+el)?|pagadero\s+(?:antes\s+del|el)",
        r"(?:da\s+pagare\s+)?entro\s+il|scade(?:\s+il)?|uiterlijk\s+(?:te\s+(?:betalen|voldoen)\s+)?op",
        r"zahlbar\s+am|(?:bitte\s+)?(?:be)?zahlen\s+(?:sie\s+)?bis(?:\s+zum)?|remit\s+by",
        # Payment-date wordings: "Payment date", "Final payment date", "Last day for payment", "Date de
        # règlement", "Date d'exigibilité", "Fecha de pago", "Fecha vto.", "Verloopdatum", "Termine di
        # pagamento" (a date there is the due date; days there are terms, read elsewhere).
        r"(?:final\s+|latest\s+)?payment\s+(?:date|deadline)|last\s+day\s+(?:of|for)\s+payment",
        r"date\s+(?:de\s+)?(?:reglement|paiement|d'?\s*exigibilite)|a\s+regler\s+avant",
        r"fecha\s+(?:de\s+|limite\s+de\s+)?(?:pago|vto\.?|venc\.?)|vto\.?",
        r"verloopdatum|betalen\s+(?:uiterlijk\s+)?(?:voor|op)|betalingsdatum",
        # Italian "Pagabile entro", "Da pagarsi entro" (payable by), with or without "il".
        r"(?:pagamento|pagare|pagabile|pagarsi)\s+entro(?:\s+il)?|termine\s+(?:di\s+)?pagamento|data\s+(?:di\s+)?pagamento",
        r"zahlbar\s+(?:bis\s+)?(?:spatestens|spaetestens)(?:\s+(?:am|bis))?|zahlungsdatum",
        # Portuguese, Swedish, Danish, Norwegian, Finnish, Polish, Czech.
        r"data\s+(?:de\s+|limite\s+de\s+)?(?:vencimento|pagamento)|pagar\s+ate|vence\s+em",
        r"forfallo\s*-?\s*dag(?:en)?|forfallodatum|forfaller(?:\s+till\s+betalning)?|sista\s+betalningsdag(?:en)?|"
        r"betalas\s+senast|betal(?:ning)?\s+senast",
        r"forfalds?\s*-?\s*dato|forfaldsdag|forfall(?:s)?dato|sidste\s+(?:rettidige\s+)?betalingsdag|"
        r"betales\s+senest|betalingsfrist|forfald",
        # Norwegian "Betales innen" (payable by), Finnish "Maksetaan viimeistään" (is paid by at the latest).
        r"betales\s+innen|erapaiva|(?:maksettava|maksetaan)\s+viimeistaan|maksupaiva",
        r"termin\s+(?:p[lł]atno[sś]ci|zap[lł]aty)|p[lł]atne\s+do|data\s+p[lł]atno[sś]ci|zap[lł]ac\s+do",
        r"datum\s+splatnosti|splatnost|splatno\s+do|splatne\s+do|zaplatit\s+do",
        r"betalingsdato|(?:att\s+)?betala\s+senast|sista\s+dag(?:\s+for\s+betalning)?|pagavel\s+ate|"
        r"prazo\s+de\s+pagamento|data\s+limite(?:\s+de\s+pagamento)?",
        # "Not later than", "Niet later dan", "Au plus tard le", "A más tardar el", "Non oltre il",
        # "Spätestens am".
        r"(?:no|not)\s+later\s+than|niet\s+later\s+dan|au\s+plus\s+tard\s+le|a\s+mas\s+tardar\s+el|"
        r"non\s+oltre\s+il|spa(?:e)?testens\s+(?:am|bis(?:\s+zum)?)",
        r"due",
    ),
    "carry": _alt(
        r"(?:carried|brought|balance)\s+forward",
        r"(?:zwischensumme\s+)?ubertrag",
        # Per-page sums of a multi-page invoice: "Page total", "Seitensumme", "Total page", "Totale pagina".
        r"page\s+(?:sub\s*-?\s*)?total|(?:sub\s*-?\s*)?total\s+(?:this\s+)?page|seitensumme|summe\s+seite|"
        r"(?:sous\s*-?\s*)?total\s+(?:de\s+la\s+)?page|totale\s+pagina|paginatotaal|subtotaal\s+pagina|"
        r"suma\s+(?:de\s+)?(?:la\s+)?pagina|total\s+pagina|sidsumma|sidetotal",
        r"a\s+reporter|report",
        r"suma\s+(?:y\s+sigue|anterior)",
        r"(?:a\s+)?riporto|a\s+riportare|transporto",
        r"transport|(?:van\s+vorige|naar\s+volgende)\s+pagina",
    ),
    "other_date": _alt(
        r"(?:delivery|shipping|ship|order|service|supply|performance|po|p\.\s?o\.|purchase\s+order)\s+date",
        r"date\s+of\s+(?:supply|delivery|service|order)",
        r"(?:liefer|leistungs|bestell|auftrags)(?:datum|zeitraum|tag)",
        r"date\s+(?:de\s+(?:la\s+)?|d'\s*)(?:livraison|commande|prestation|expedition)",
        r"fecha\s+(?:de\s+|del\s+)?(?:la\s+|el\s+)?(?:entrega|pedido|servicio|envio)",
        r"data\s+(?:della\s+|dell'\s*|del\s+)(?:consegna|ordine|spedizione)|datum\s+(?:van\s+)?(?:levering|bestelling)",
        r"(?:lever|order|bestel)datum",
        r"data\s+(?:di\s+)?(?:consegna|ordine|spedizione)|data\s+(?:da\s+|de\s+)?(?:encomenda|envio|expedicao)|"
        r"leverings\s*-?\s*datum",
        r"leveransdatum|leveringsdato|data\s+(?:de\s+entrega|sprzedazy|dostawy)|datum\s+(?:dodani|plneni)",
        # A billing period's label: "Période du … au …", "Periode", "Zeitraum", "Periodo", "Okres", "Období".
        # The particle after it is part of the label, so that the date in the next cell is its value.
        r"(?:(?:billing\s+|service\s+)?period[eo]?|(?:abrechnungs|leistungs|liefer)?zeitraum|"
        r"okres(?:\s+rozliczeniowy)?|obdobi)(?:\s+(?:du|from|vom|von|del|dal|van|od|fra|fran|de))?",
        # Orders and deliveries of Poland, the Nordics, Czechia and Turkey.
        r"teljesites(?:\s+(?:datuma|kelte|idopontja))?|datum\s+isporuke|data\s+livrarii|datum\s+dodania|tarneaeg|"
        r"piegades\s+datums|pristatymo\s+data|datum\s+prometa|datum\s+opravljene\s+(?:storitve|dobave)|"
        r"дата\s+на\s+(?:данъчното\s+събитие|доставка)|ημερομηνια\s+(?:αποστολη[σς]|παραδοση[σς])|"
        r"data\s+(?:zamowienia|wykonania(?:\s+uslugi)?)|ordre\s*dato|bestillingsdato|datum\s+objednavky|"
        r"datum\s+(?:uskutecneni\s+)?(?:zdanitelneho\s+)?plneni|duzp|(?:siparis|teslim(?:at)?|sevk|irsaliye)\s+tarihi",
    ),
    "issue_date": _alt(
        r"(?:invoice|bill|document|credit\s+note)\s+date",
        # Abbreviated: "Invoice Dt.", "Inv. Date", "Rechnungsdat.", "F. factura", "Fecha fra.", "Data doc.".
        r"(?:invoice|inv\.?|bill|doc\.?|document)\s*(?:dt|dte|date)\.?|(?:rechnungs|beleg|gutschrifts)\s*-?\s*dat\.?",
        r"(?:f\.|fecha)\s*(?:de\s+)?(?:factura|fra\.?|fact\.?)|data\s+(?:doc\.?|fatt\.?|fatura|emiss\.?)",
        # UK "Tax point" (the VAT date, printed as the invoice's), Dutch "Dagtekening" / "Uitgiftedatum",
        # Polish "Wystawiono dnia", Nordic "Utstedelsesdato", "Udstedelsesdato", "Utfärdandedatum",
        # "Fakturadag", Czech "Vystaveno (dne)", "Dne", Turkish "Fatura tarihi", "Düzenleme tarihi", "Tarih".
        r"(?:invoice\s+date\s*/\s*)?tax\s+point(?:\s+date)?|dagtekening|uitgifte\s*-?\s*datum|"
        r"wystawion[oa](?:\s+dnia)?|data\s+wyst\.?",
        r"utstedelses\s*-?\s*dato|udstedelses\s*-?\s*dato|utfardande\s*-?\s*datum|fakturadag|"
        r"(?:utstedt|udstedt|utfardad)(?=\s*:)|vystaveno(?:\s+dne)?|dne",
        r"(?:fatura|duzenleme|duzenlenme|belge)\s+tarihi|tarihi?",
        r"fait\s+le",
        # Hungarian, Baltic, Balkan, Romanian, Greek and Cyrillic issue dates ("Számla kelte", "Kiállítás
        # dátuma", "Arve kuupäev", "Rēķina datums", "Išrašymo data", "Datum računa", "Data emiterii").
        r"(?:szamla\s+)?kelte|kiallitas\s+datuma|(?:arve\s+)?kuupaev|(?:rekina\s+)?datums|israsymo\s+data|"
        r"saskaitos\s+data|datum\s+(?:racuna|izdavanja|izdaje)|data\s+(?:facturii|emiterii)|ημερομηνια(?:\s+εκδοση[σς])?|"
        r"дата(?:\s+на\s+(?:издаване|фактура))?",
        # "Datum i vrijeme izdavanja", "Mjesto i datum izdavanja", "Izrakstīšanas datums", "Ημ/νία έκδοσης".
        r"(?:m(?:j)?esto\s+i\s+)?datum\s+(?:i\s+vrijeme\s+)?izdavanja|izrakstisanas\s+datums|"
        r"ημ(?:ερομηνια|/νια)\s+εκδοση[σς]",
        r"date\s+of\s+(?:issue|invoice)",
        r"issue(?:d)?\s+(?:date|on)",
        r"(?:rechnungs|gutschrifts|beleg|ausstellungs)\s*-?\s*datum",
        r"date\s+(?:de\s+(?:la\s+)?)?(?:facture|facturation|d'emission|emission)",
        r"date\s+d'?\s*emission",
        r"fecha\s+(?:de\s+)?(?:la\s+)?(?:factura|emision|expedicion)",
        r"factuurdatum|datum\s+(?:van\s+de\s+)?factuur",
        # The title and a word for "of" / "dated": "Facture du", "Rechnung vom", "Fattura del", "Factura de
        # fecha", "Invoice dated"; "Émise le", "Établie le", "Ausgestellt am", "Emitida el", "Issued (on)".
        r"(?:invoice|facture|rechnung|fattura|factura|factuur|faktura)\s+(?:dated|du|vom|del|de\s+fecha|d\.\s?d\.|"
        r"z\s+dnia|ze\s+dne)",
        r"(?:emise?|etablie?|editee?)\s+le|ausgestellt\s+am|emitid[ao]\s+el|emess[ao]\s+il|uitgegeven\s+op|"
        r"issued(?:\s+on|(?=\s*:)|(?!\s+(?:by|to|for|under|in|at|from|with|against|per)\b))",
        r"data\s+(?:della\s+)?(?:fattura|emissione|documento)",
        # Portuguese, Swedish, Danish, Norwegian, Finnish, Polish, Czech.
        r"data\s+(?:da\s+fatura|de\s+emissao)|fakturadatum|fakturadato|fakturerings?dato|"
        r"laskun?\s+(?:paivays|paivamaara)|paivays|data\s+wystawienia|datum\s+vystaveni",
        r"datum|date|fecha|data|dated|dato",
    ),
    "net": _alt(
        # German and Swiss "Total exkl. MWST", "Summe ohne USt.", "Betrag o. MwSt.".
        r"(?:total|summe|betrag|gesamt(?:betrag|summe)?|zwischensumme|rechnungsbetrag)\s+(?:exkl|excl|ohne|o)\.?\s*"
        r"(?:mwst|ust|mehrwertsteuer|umsatzsteuer|vat)\.?",
        r"sub\s*-?\s*total(?:e|eel)?",
        # "Steuerpflichtiger Betrag 19 %", "Steuerfreier Umsatz": the net of a rate, or the untaxed part.
        r"steuer(?:pflichtige|freie)[rsn]?\s+(?:betrag|umsatz|umsatze|entgelt|leistungen)",
        # A total word with the net named in brackets: "Summe (netto)", "Total (base imponible)", "Toplam
        # tutar (KDV hariç)", "Importe (sin IVA)" (a bracket opening a total's label, not a parenthetical).
        r"(?:total[e]?|summe|sum|gesamt|betrag|amount|montant|importe|totaal|bedrag|importo|toplam(?:\s+tutar)?|"
        r"tutar|razem|suma|summa|celkem|valor)\s*\(\s*(?:netto|nett?|neto|h\.?\s?t\.?|hors\s+taxes?|"
        r"base\s+imponible|imponibile|(?:excl?\.?|exkl\.?|ekskl\.?|ex\.?|ohne|sin|sem|senza|bez|zonder|excluding|"
        r"before)\s*(?:vat|tax|btw|gst|iva|mwst|ust|tva|dph|moms|mva)?\.?|kdv\s+haric|before\s+tax)\s*\)",
        # "Amount excl. VAT", "Bedrag excl. btw", "Excl. BTW", "Importe sin IVA", "Valor sem IVA", "Cena bez
        # DPH", "Beløb uden moms": a sum without the tax (not "zzgl.", which announces the tax line).
        r"(?:(?:bedrag|prijs|amount|price|importe|valor|cena|prix|montant|betrag|preis|importo|wartosc|kwota|"
        r"value|belopp|belob|belop|tutar)\s+)?(?:excl\.?|exclusief|exkl\.?|ekskl\.?|eks\.?|ex\.|ohne|sin|sem|"
        r"senza|bez|zonder|uden|utan|uten|excluding|exclusive\s+of|without|w/o)\s*"
        r"(?:btw|vat|tax|iva|mwst|ust|tva|dph|moms|mva|gst|igic)\.?",
        # Goods' value before tax: "Goods total", "Total goods", "(Totaal) goederenbedrag", "Nettowarenwert",
        # "Warenwert total", "Totale merce"; British "Nett (total)".
        r"goods\s+(?:total|value|amount)|total\s+goods|(?:totaal\s+)?goederenbedrag|"
        r"(?:netto)?warenwert(?:\s+(?:total|gesamt|netto))?|(?:totale|valore)\s+merce|"
        r"nett(?:\s+(?:total|amount|value))?",
        # The taxable base: "Base HT", "Base imposable", "Base tributável", "(Base de) incidência",
        # "Momsgrundlag", "MVA-grunnlag", "Maatstaf van heffing", "Imponibile IVA", "Základ DPH", Turkish "KDV
        # matrahı", "Mal hizmet toplam tutarı"; French "HT soumis à TVA", "Montant de la facture soumis à
        # TVA" (what the tax is charged on).
        r"base\s+(?:h\.?\s?t\.?|imposable|tributavel|de\s+incidencia)|incidencia|(?:moms|mva)\s*-?\s*grun[dn]lag|"
        r"maatstaf\s+van\s+heffing|imponibile\s+iva|zaklad\s+(?:dane|dph)|(?:kdv\s+)?matrah[^\W\d_]?|"
        r"mal\s+(?:ve\s+)?hizmet\s+toplam\s+tutar[^\W\d_]?",
        r"(?:(?:montant|total)\s+(?:de\s+la\s+facture\s+)?)?(?:h\.?\s?t\.?\s+)?soumis\s+a\s+(?:la\s+)?tva",
        # French "HT" alone or after "Prix", "Net"; "Hors T.V.A." spelled with dots or spaces.
        r"(?:(?:prix|net|total|montant)\s+)?(?:h\.\s?t\.?|ht)|(?:montant\s+|total\s+)?hors\s+t\.?\s?v\.?\s?a\.?",
        r"neto|netto\s*-?\s*(?:preis|prijs|price)|prix\s+net|precio\s+neto|prezzo\s+netto",
        # Insurance premiums before their tax: "Nettobeitrag", "Prime HT", "Prime nette", "Premio netto",
        # "Prima neta", "Net premium", "Nettopremie".
        r"nettobeitrag|(?:prime|cotisation)\s+(?:nette|h\.?\s?t\.?|hors\s+taxes?)|premio\s+(?:netto|imponibile)|"
        r"prima\s+neta|net\s+premium|netto\s*-?\s*premie",
        # Belgian "Total HTVA" / "hors TVA" (the gross is "TVAC", TVA comprise).
        r"(?:total|montant|sous\s*-?\s*total)?\s*(?:htva|h\.t\.v\.a\.?|hors\s+tva)",
        r"total\s+(?:excl(?:uding|\.)?|exclusive\s+of|before|without|w/o)\s*(?:vat|tax|gst|btw|mwst)?",
        r"(?:total|net)\s+(?:amount|sum|value|price)\s+(?:excl(?:uding|\.)?|exclusive\s+of|before|without|w/o)"
        r"\s*(?:vat|tax|gst|btw|mwst)?",
        r"(?:net|netto)\s*(?:amount|total|totaal|betrag|bedrag|summe|sum|value)",
        r"(?:amount|total)\s+(?:before|excl\.?|excluding)\s+(?:tax|vat|gst)",
        r"taxable\s+(?:value|amount|base)|tax\s+base",
        r"(?:summe|gesamt(?:betrag)?)\s+netto",
        r"zwischensumme|nettobetrag|nettosumme|warenwert|netto",
        r"total\s+(?:h\.?\s*t\.?|hors\s+taxes?)",
        # "Total facture HT", "Total de la facture HT", "Total (HT)", "Total facture (EUR HT)".
        r"(?:total|montant)(?:\s+(?:de\s+la\s+)?facture)?\s*\(?\s*(?:eur\s+)?(?:h\.?\s*t\.?|hors\s+taxes?)\s*\)?",
        # "Pre-tax total", "Untaxed amount", "Total avant impôts", "Netto totaal", "Totaalbedrag excl. BTW",
        # "Subtotaal excl. BTW", "Exclusief BTW", "Suma sin IVA", "IVA excluida".
        r"pre\s*-?\s*tax\s+(?:total|amount|sum)|untaxed\s+(?:total|amount)|"
        r"(?:total|montant)\s+(?:des\s+frais\s+)?avant\s+(?:impots?|taxes?)",
        r"(?=[set])(?:sub|eind)?totaal(?:bedrag)?\s*(?:eur\s+)?\(?\s*(?:(?:excl\.?|exclusief)\s*(?:btw)?|ex\.?\s*btw)\s*\)?|"
        r"exclusief\s+btw",
        r"(?:suma|total|base)\s+sin\s+iva|(?=[(i])\(?\s*(?:iva|igic)\s+excluid[oa]\s*\)?",
        r"montant\s+(?:h\.?\s*t\.?|hors\s+taxes?)",
        r"sous\s*-?\s*total",
        r"base\s+imponible|importe\s+neto|total\s+neto|subtotal",
        # "Total base", "Total bases imponibles", "Totale base imponibile": the sum of a rate table's bases.
        r"total[e]?\s+(?:de\s+(?:la\s+|las\s+)?)?bases?(?:\s+(?:imponibles?|imponibili|imposables?))?",
        r"totaal\s+(?:excl\.?|exclusief|ex\.?)\s*(?:btw)?",
        r"subtotaal|netto\s*bedrag",
        r"(?:totale\s+)?imponibile|subtotale|totale\s+netto",
        # UK / Nordic / Finnish / Portuguese / Polish: "Total (excl. VAT)", "Summa exkl. moms", "Sum eks.
        # mva", "Beløb ekskl. moms", "Veroton yhteensä", "Total ilíquido", "Razem netto".
        r"total\s*\(\s*(?:excl(?:uding|\.)?|ex\.?|exclusive\s+of|before)\s*(?:vat|tax|gst)?\s*\)",
        r"(?:total|amount|sum)\s+(?:ex\.?|exc\.?)\s*(?:vat|tax|gst)",
        r"(?:summa|sum|belop|belob|total|totalt|netto)?\s*(?:exkl|ekskl|eksl|eks|ex)\.?\s*(?:moms|mva)",
        r"(?:belopp|belop|belob|summa|sum|total|totalt)\s+(?:fore|for|uden|utan|uten|exklusive|ekskl\.?)\s+(?:moms|mva)",
        r"(?:summa\s+|sum\s+)?netto|nettobelopp|nettobelop|nettobelob|veroton\s+(?:yhteensa|hinta|summa)",
        r"veroton|total\s+(?:iliquido|liquido|sem\s+iva)|valor\s+(?:iliquido|liquido|tributavel)",
        # (Czech and Slovak "Základ": the base column of a VAT recap.)
        r"razem\s+netto|wartosc\s+netto|zaklad(?:\s+dane)?|celkem\s+bez\s+dph",
        # Hungarian, Turkish, Greek, Baltic and Balkan wordings of the net.
        r"netto\s+(?:osszesen|ertek)|ara\s+toplam|(?:kdv\s+)?matrah|kdv\s+haric\s+(?:toplam|tutar)|"
        r"καθαρη\s+αξια|συνολο\s+(?:προ\s+φπα|καθαρη[σς]\s+αξια[σς])|neto\s+iznos|summa\s+bez\s+pvn",
        r"suma\s+be\s+pvm|(?:is\s+viso\s+)?be\s+pvm|apliekam(?:a|ais)\s+summa|summa\s+km-?ta|maksustatav\s+summa",
        # "Ukupno bez PDV-a", "Skupaj brez DDV", "Ukupna osnovica", "Osnovica za PDV", "Данъчна основа",
        # "Сума без ДДС".
        r"ukupno\s+bez\s+pdv(?:-?a)?|skupaj\s+brez\s+ddv|(?:ukupna\s+)?osnovica(?:\s+za\s+pdv)?|"
        r"(?:обща\s+)?данъчна\s+основа|(?:сума|стоиност)\s+без\s+ддс",
        # Romanian "Total fără TVA", "Baza de impozitare"; Slovak "Spolu bez DPH".
        r"(?:total|valoare(?:a)?)\s+fara\s+tva|baza\s+(?:de\s+)?impozitare|spolu\s+bez\s+dph",
        r"net",
    ),
    "gross": _alt(
        r"(?:total|summe|betrag|gesamt(?:betrag|summe)?|endbetrag|rechnungsbetrag)\s+(?:inkl|incl|mit)\.?\s*"
        r"(?:mwst|ust|mehrwertsteuer|umsatzsteuer)\.?",
        r"total\s+(?:incl(?:uding|\.)?|inclusive\s+of|with)\s*(?:vat|tax|gst|btw|mwst)?",
        # A total with the tax named as included after it: "Importe total IVA incluido", "Importo totale IVA
        # inclusa", "Totaal bedrag incl. BTW", "Yhteensä sis. ALV", "Total amount (incl. GST)".
        r"(?:importe|importo|totaal|total[e]?|montant|bedrag|yhteensa|summa|somma|valor|valore|amount)"
        r"(?:\s+(?:total[e]?|bedrag|amount|a\s+pagar|da\s+pagare|a\s+payer))?\s*\(?\s*(?:"
        r"(?:iva|btw|alv|vat|tax|gst|moms|mva|mwst|ust|tva|dph|pvm|pvn|kdv|igic)\s+"
        r"(?:incluid[oa]|inclus[oa]|inclus[e]?|inbegrepen|inclusief|incl\.?|inkl\.?|included|compris[e]?)|"
        r"(?:incl\.?|inkl\.?|sis\.?|inclusief|incluido|incluida|inclusa|incluso|met|con|avec)\s*"
        r"(?:iva|btw|alv|vat|tax|gst|moms|mva|mwst|ust|tva|dph|pvm|pvn|kdv|igic))",
        # "Total amount incl. VAT", "Gross amount including tax": the total with a noun before "incl.".
        r"(?:total|gross)\s+(?:amount|sum|value|price|invoice\s+amount)\s+(?:incl(?:uding|\.)?|inclusive\s+of|with)"
        r"\s*(?:vat|tax|gst|btw|mwst)?",
        r"(?:grand|invoice|document)\s+total|total\s+(?:for\s+)?this\s+(?:invoice|bill|statement)",
        # The total of a paid invoice or receipt, the tax named after it: "Total paid with VAT", "Total
        # payé TTC", "Total pagado con IVA", "Gesamt bezahlt inkl. MwSt." (not a payment deducted).
        rf"(?:total[e]?|gesamt)\s+{_PAID}\s*\(?\s*(?:(?:with|incl(?:uding|\.)?|inclusive\s+of|con|avec|inkl\.?|met)"
        rf"\s*)?(?:vat|tax|gst|tva|iva|btw|mwst|ust|ttc)",
        # "Invoice amount", "Total invoice value", "Amount to pay", "Please pay", "Zu zahlender Betrag",
        # "Montant à payer", "Total TVAC" (Belgian: TVA comprise), "Toutes taxes comprises".
        r"(?:total\s+)?invoice\s+(?:amount|value|sum)|amount\s+to\s+(?:pay|be\s+paid)|please\s+pay",
        # A credit note's total: "Gutschriftsbetrag", "Credit note total", "Total avoir", "Importe abono".
        r"(?:gutschrift|credit\s*note|credit|avoir|abono|creditnota|nota\s+(?:di|de)\s+credito)s?\s*-?\s*"
        r"(?:betrag|summe|total|amount|montant|importe|bedrag|importo|totaal)|total\s+(?:de\s+l'?\s*)?(?:avoir|credit)",
        r"zu\s+zahlende[rn]?\s+(?:gesamt)?(?:betrag|summe)|(?:noch\s+)?zu\s+zahlen(?:der\s+betrag)?",
        r"(?:montant|somme)\s+(?:total[e]?\s+)?(?:a\s+payer|a\s+regler|du)|total\s+a\s+regler|(?:total\s+|montant\s+)?tvac|"
        r"(?:total\s+)?toutes\s+taxes\s+comprises",
        r"total\s+(?:amount\s+)?(?:due|payable|to\s+pay)",
        # "TTC" alone or after "Prime", "Prix"; "Da pagare", "Valor a pagar", "Total com IVA"; Czech "K
        # úhradě", "Celková částka", "Částka k úhradě"; Turkish "Toplam", "KDV dahil toplam", "Vergiler dahil
        # toplam".
        r"(?:(?:prime|prix|montant|total|net)\s+)?t\.?\s?t\.?\s?c\.?|(?:importo\s+)?da\s+pagare|"
        r"(?:valor|montante)\s+a\s+pagar|(?:valor|total|montante)\s+com\s+iva",
        r"(?:castka\s+|celkem\s+)?k\s+uhrade|celkova\s+castka",
        r"(?:(?:kdv|vergiler)\s+dahil\s+)?toplam(?:\s+tutar[^\W\d_]?)?",
        r"(?:gesamt|end)\s*-?\s*preis|totaal\s*-?\s*prijs",
        # Insurance premiums with their tax: "Rechnungsbeitrag", "Bruttobeitrag", "Gesamtbeitrag", "zu
        # zahlender Beitrag", "Cotisation TTC", "Premio lordo", "Prima total", "Total premium", "Totaal
        # premie".
        r"(?:rechnungs|brutto|gesamt|jahres)\s*-?\s*beitrag|zu\s+zahlender\s+beitrag|premio\s+(?:lordo|totale)|"
        r"prima\s+total|total\s+premium|totaal\s*-?\s*premie",
        # "Gross amount", "Gross total", a summary's "Gross" column (not a weight, margin or pay).
        r"gross(?:\s+(?:amount|total|sum|value|price))?(?!\s*(?:weight|wt|mass|margin|profit|income|salary|pay))",
        # "Total Amount After Tax", "Amount after GST", "Invoice value after tax" (Indian bills).
        r"(?:total\s+)?(?:invoice\s+)?(?:amount|value|total)\s+after\s+(?:tax(?:es)?|gst|vat)",
        # Indian bills: "Net Payable", "Net Amount Payable" (what is owed, not the net before tax).
        r"net\s+(?:amount\s+)?payable",
        r"(?:amount|balance)\s+(?:due|payable)",
        r"total\s+(?:invoice\s+)?amount",
        r"(?:gesamt|rechnungs|end|brutto|zahl)\s*-?\s*(?:betrag|summe)",
        r"(?:summe|gesamt)\s+brutto",
        r"zu\s+zahlen|gesamt",
        r"total\s+t\.?\s*t\.?\s*c\.?|montant\s+t\.?\s*t\.?\s*c\.?|net\s+a\s+payer|montant\s+total|total\s+a\s+payer",
        r"total\s+a\s+pagar|importe\s+total|total\s+factura",
        # "Total facture (TTC)", "Facture TTC", "Totaal factuur", "Eindtotaal", "Factuurbedrag", "Montant de
        # la facture", "Total to be paid", "Total charged", "Solde à payer", "Te incasseren",
        # "Wartość faktury".
        r"total\s+(?:(?:de\s+(?:la\s+|cette\s+)?)?facture(?:\s+t\.?\s*t\.?\s*c\.?)?|to\s+(?:be\s+)?paid|charged)|"
        r"facture\s+t\.?\s*t\.?\s*c\.?|montant\s+(?:total\s+)?de\s+(?:la|cette)\s+facture",
        r"totaal\s+(?:factuur|te\s+incasseren)|te\s+incasseren|eind(?:totaal|bedrag)|factuurbedrag",
        r"amount\s+charged|solde\s+a\s+(?:payer|regler)|wartosc\s+faktury",
        r"totaal(?:bedrag)?\s+(?:eur\s+)?\(?\s*(?:incl\.?|inclusief)\s*(?:btw)?\s*\)?|te\s+betalen|totaalbedrag|totaal",
        r"totale\s+(?:fattura|documento|da\s+pagare|complessivo)|importo\s+totale|totale",
        # UK / Nordic / Finnish / Portuguese / Polish / Czech: "Total inc. VAT", "Att betala", "Å
        # betale", "At betale", "Summa inkl. moms", "Yhteensä", "Maksettava", "Razem brutto".
        r"total\s*\(?\s*(?:inc\.?|incl\.?|including)\s*(?:vat|tax|gst)\s*\)?",
        r"(?:summa|sum|belop|belob|total|totalt)?\s*(?:inkl|inkludert|inklusive)\.?\s*(?:moms|mva)",
        r"(?:summa\s+)?att\s+betala|a\s+betale|at\s+betale|(?:total\s+)?(?:a|at)\s+betale|totalt\s+(?:a|att)\s+betala",
        r"(?:yhteensa|maksettava)(?:\s+(?:eur|yhteensa))?|summa\s+yhteensa|totalbelopp|totalbelop|totalbelob",
        # "ł" has no accent-free form: folded Polish keeps it.
        r"i\s+alt|totalt|summa|razem\s+(?:brutto|do\s+zap[lł]aty)|(?:pozostaje\s+)?do\s+zap[lł]aty|"
        r"celkem\s+k\s+uhrade|razem|ogo[lł]em",
        r"celkem(?:\s+s\s+dph)?|total\s+(?:geral|documento)",
        # What is owed: "Montant dû", "Solde dû", "Reste à payer", "Importe a pagar", "Líquido a pagar",
        # "Totaal te voldoen", "Openstaand bedrag" (a balance after payments is told apart by arithmetic).
        r"montant\s+du|solde\s+du|reste\s+a\s+payer|total\s+du|importe\s+a\s+pagar|liquido\s+a\s+pagar",
        r"total\s+a\s+ingresar|(?:totaal\s+)?te\s+voldoen|openstaand\s+bedrag|(?:netto|importo|totale)\s+(?:a|da)\s+pagare",
        r"total\s+general|importe\s+total\s+factura|total\s+general\s+factura",
        r"(?:wartosc|kwota|suma|razem)\s+brutto|brutto",
        r"brutto\s+osszesen|fizetendo(?:\s+osszeg)?|osszesen|vegosszeg|genel\s+toplam|odenecek\s+tutar|(?:kdv\s+dahil\s+)?toplam\s+tutar|"
        r"πληρωτεο(?:\s+ποσο)?|συνολο|ukupno(?:\s+za\s+(?:platiti|uplatu))?|za\s+placilo|kopsumma|kokku",
        # Lithuanian and Latvian totals: "Iš viso (su PVM)", "Mokėti", "Kopā (apmaksai)", "Summa apmaksai".
        r"is\s+viso(?:\s+su\s+pvm)?|moketi|kopa(?:\s+apmaksai)?|summa\s+apmaksai|apmaksai",
        # Estonian "Kokku tasuda", "Tasuda"; Bulgarian "Сума за плащане", "Обща сума", "Всичко".
        r"(?:kokku\s+)?tasuda|сума\s+за\s+плащане|обща\s+сума|всичко(?:\s+за\s+плащане)?|"
        r"ukupno\s+sa\s+pdv(?:-?om)?|skupaj\s+z\s+ddv|za\s+(?:uplatu|platiti|placanje)",
        r"total|summe|sum",
    ),
    "tax": _alt(
        r"total\s+(?:vat|tax|gst|tva|iva|btw)",
        # The tax of a paid total: "VAT paid", "TVA payée", "IVA pagado", "MwSt. bezahlt".
        rf"(?:vat|tax|gst|tva|iva|btw|mwst\.?|ust\.?)\s+{_PAID}",
        # "ALV yhteensä", "Moms i alt", "MwSt. gesamt", "Summa moms": the tax's total, not the gross.
        r"(?:vat|tax|moms|mva|alv|mwst\.?|ust\.?|iva|tva|btw|gst)\s+(?:yhteensa|totalt|total|gesamt|insgesamt|i\s+alt|summa)",
        r"(?:summa|summe|sum|totalt|gesamt)\s+(?:moms|mva|alv|mwst\.?|ust\.?|vat)",
        r"(?:vat|tax|gst|tva|iva|btw)\s*-?\s*(?:amount|total|montant|importe|bedrag|kosten)",
        # "Total taxes", "Taxe totale" (not "Taxe de séjour", an item), "Totale btw", "Montant de la TVA",
        # "B.T.W.".
        r"(?=t)(?:total\s+taxes?|taxes|taxe\s+totale)|totale\s+(?:btw|iva)|montant\s+de\s+(?:la\s+)?tva|"
        r"b\.\s?t\.\s?w\.?",
        r"(?:sales\s+)?tax(?!\s+point)|taxe(?=\s*:)",
        r"(?:toplam|hesaplanan)\s+kdv",
        # Insurance premium taxes: "Versicherung(s)steuer", "Insurance premium tax (IPT)",
        # "Assurantiebelasting", "Taxe (sur les conventions) d'assurance", "Imposta di assicurazione",
        # "Impuesto sobre primas".
        r"versicherungs?\s*-?\s*steuer|insurance\s+premium\s+tax|ipt|assurantiebelasting|"
        r"taxes?\s+(?:sur\s+les\s+conventions\s+)?d'\s*assurances?|imposta\s+(?:di\s+|sulle\s+)?assicurazion[ei]|"
        r"impuesto\s+sobre\s+(?:las\s+)?primas",
        # "Impuestos", "Imposte", "Steuer(betrag)" (not "Steuer-Nr.", "Steuersatz"), "BTW totaal".
        r"(?:total\s+)?impuestos?|imposte|"
        r"steuer(?:betrag)?(?!\s*-?\s*(?:nr|nummer|id|no|satz|klasse|pflicht|frei|schuld|berater|ident))|"
        r"(?:btw|vat|iva|tva|mwst|gst)\s+totaal",
        r"c\s*gst|s\s*gst|i\s*gst|ut\s*gst|gst|cess",
        r"vat|mwst\.?|ust\.?|umsatzsteuer|mehrwertsteuer",
        r"montant\s+tva|tva",
        r"cuota\s+(?:de\s+)?iva|iva|imposta|totale\s+iva",
        r"btw",
        # Nordic / Finnish / Polish / Czech / Portuguese tax names.
        r"(?:total\s+)?(?:moms|mva|merverdiavgift|mervardesskatt|alv|arvonlisavero|vat)\s*(?:belopp|belob|belop)?",
        r"(?:kwota\s+)?vat|dph",
        # Hungarian ÁFA, Turkish KDV, Greek ΦΠΑ, Bulgarian ДДС, Balkan PDV / DDV, Baltic PVM, PVN, käibemaks.
        r"afa|kdv|φπα|ддс|ндс|pdv|ddv|pvm|pvn|kaibemaks",
        # Their totals: "Σύνολο ΦΠΑ", "Ukupan PDV", "Ukupno PDV", "Skupaj DDV", "Iznos PDV-a", "Общо ДДС".
        r"συνολο\s+φπα|ukupa?n(?:o)?\s+pdv|skupaj\s+ddv|iznos\s+pdv(?:-?a)?|общо\s+ддс|ддс\s+общо",
        # Canadian and Spanish-island taxes, and names printed with dots ("I.V.A.", "T.V.A.", "M.W.St.").
        # (Manitoba's retail sales tax "RST" beside the GST, as British Columbia's PST.)
        r"hst|pst|rst|qst|tps|tvq|igic|i\.\s?v\.\s?a\.?|t\.\s?v\.\s?a\.?|m\.\s?w\.\s?st\.?|u\.\s?st\.?",
    ),
}

RECIPIENT_LABEL = lazy_compile(
    _B
    + _alt(
        # One block for both ("Bill To / Ship To", "Ship & bill to"): the label is all of it.
        r"bill(?:ed)?[\s-]*to\s*(?:/|&|and|\+)\s*ship(?:ped)?[\s-]*to|"
        r"ship(?:ped)?\s*(?:/|&|and|\+)\s*bill(?:ed)?[\s-]*to",
        r"bill(?:ed)?[\s-]*to",
        r"invoice[\s-]+to",
        r"sold[\s-]+to",
        r"(?:billing|invoice|invoicing)\s+address",
        r"customer(?:\s+(?:details|address|information))?",
        r"client\s+factur[ee]|client",
        r"buyer",
        r"recipient",
        r"account\s+holder",
        r"to:",
        # "An: …", "Aan: …", "Para: …" (a colon required: the words are common), "Kundenname". Not
        # "Käufer": the tail of the seller's "Verkäufer" when OCR splits the word.
        r"(?:an|aan|para)(?=\s?:)|kunden\s*-?\s*name",
        # "To" as a column's heading, alone in its cell over the block: "Aan", "An", "Para", "Til", "Do".
        r"(?:to|aan|an|para|til|till|do)(?=\s*$)",
        r"rechnungs?\s*(?:empfanger|empfaenger|adresse|anschrift)",
        r"kunde",
        r"empfanger|empfaenger",
        r"facture\s+a|factur[ee]\s+a|adresse\s+de\s+facturation|destinataire",
        r"facturar\s+a|cliente|destinatario|direccion\s+de\s+facturacion",
        r"factuur\s*adres|factuur\s+aan|klant|afnemer",
        r"spett(?:\.\s?le|\.|abile)|intestatario|committente|destinatario|indirizzo\s+di\s+fatturazione",
        r"details\s+of\s+(?:receiver|buyer)",
        # Wordings of other forms: "Addressed to", "Invoice for", "Prepared for", "Rechnung an", "Adressé
        # à", "Facturado a", "Gefactureerd aan", "Fatturare a", "Datos del cliente", "Dati cliente".
        # Billing addresses of the Nordics, Turkey, Romania, Hungary, Czechia and Poland.
        r"fakturaadresse|faktura\s*adresse|fatura\s+adresi|adresa\s+de\s+facturare|szamlazasi\s+cim|"
        r"fakturacni\s+adresa|adres\s+(?:do\s+)?faktur[ya]|laskutus",
        r"(?:addressed|issued|invoiced|charged)\s+to|(?:invoice|prepared|billed|service)\s+for|purchaser|payer",
        r"rechnung\s+an|rechnungs?\s*-?\s*adressat|auftraggeber|leistungsempfanger|leistungsempfaenger",
        # "Käufer" heading an e-invoice view's buyer box; not the tail of a "Verkäufer" OCR split in two.
        r"(?<!ver\s)(?<!ver-\s)kaufer(?:in)?(?=\s*:?\s*$)",
        r"adresse\s+a|factur(?:er|e)\s+a|acheteur|donneur\s+d'ordre",
        r"facturado\s+a|datos\s+del\s+cliente|comprador|adquiriente|adquirente",
        r"gefactureerd\s+aan|opdrachtgever|klantgegevens|koper",
        r"fatturare\s+a|fatturato\s+a|dati\s+(?:del\s+)?cliente|acquirente|cessionario(?:\s+committente)?",
        # Portuguese, Swedish, Danish, Norwegian, Finnish, Polish, Czech.
        r"faturar\s+a|faturado\s+a|adquirente|(?:dados|morada|endereco)\s+de\s+fatura[cç][aã]o",
        r"kund|faktureringsadress|fakturaadress|mottagare|kunde|faktureres\s+til|modtager|mottaker",
        r"asiakas|laskutettava|laskutusosoite|nabywca|odbiorca|odberatel|zakaznik",
        # Buyers heading an e-invoice view's section: "Köpare", "Kjøper", "Køber", "Kupujący", "Kupující";
        # Spanish "Receptor" (beside "Emisor").
        r"kopare|kjoper|kober|kupujacy|kupujici|receptor",
        # A practice's patient, a Portuguese "Exmo.(s) Sr.(s)" and a British "Messrs" over the addressee.
        r"patient(?:e|in)?|paciente|paziente|messrs\.?",
        # Latin America's customer label over (or before) the customer's name: "Señor(es):", "Sr(es).:".
        r"senor\s?\(es\)|sr\s?\(es\)\.?",
        # A letter's "To," over the addressee (Indian and British trade invoices).
        r"to,",
        # Headings of a billing box: "Billing details", "Kundendaten", "Coordonnées client", "Datos de
        # facturación", "Dati di fatturazione", "Factuurgegevens".
        r"billing\s+(?:details|information|info|contact|party|name)|invoice\s+recipient",
        r"kunden\s*-?\s*(?:daten|angaben|adresse|anschrift)|rechnung\s+fur|rechnungs?\s*-?\s*daten",
        r"(?:coordonnees|informations?)\s+(?:du\s+)?client|datos\s+de\s+facturacion|dati\s+di\s+fatturazione|"
        r"factuurgegevens",
        # The billed party of rents and insurance premiums: tenant, lessee, policyholder.
        r"tenant|lessee|mieter(?:in)?|locataire|inquilino|arrendatario|huurder|conduttore|"
        r"policy\s*holder|versicherungsnehmer(?:in)?|preneur\s+d'assurance|tomador(?:\s+del\s+seguro)?|"
        r"verzekeringnemer|contraente",
        r"exm[oa]s?\.?\s*(?:\((?:s|as?)\)\s*)?\.?\s*(?:sr[as]?|senhor(?:a|es)?)\.?\s*(?:\((?:s|as?|es)\))?\.?",
        # Buyers of Central and Eastern Europe, Turkey, the Baltics and Greece: "Vevő", "Alıcı", "Müşteri",
        # "Cumpărător", "Kupac", "Kupec", "Klient", "Ostja", "Pirkėjas", "Pircējs", "Πελάτης", "Laskun
        # saaja", "Faktureras till"; a hotel's guest ("Gast", "Gäst", "Gæst", "Huésped", "Ospite").
        r"vevo|al[iı]c[iı]|musteri|cumparator|kupac|kupec|klient|ostja|pirkejas|pircejs|"
        r"πελατη[σς]|αγοραστη[σς]|laskun\s+saaja|faktureras\s+till|fakturamottager|"
        r"guest|gast|g[æa]st|huesped|ospite|vieras|gjest",
        # Estonian "Maksja", Latvian "Saņēmējs" / "Maksātājs", Slovenian "Naročnik", Bulgarian "Получател" /
        # "Купувач" / "Клиент", Greek "Στοιχεία πελάτη".
        r"maksja|sanemejs|maksatajs|narocnik|naruc(?:i)?telj|получател|купувач|клиент|"
        r"(?:στοιχεια\s+)?πελατη",
        # Who pays for a patient or a minor: "Guarantor", "Responsible party", "Garant".
        r"guarantor|responsible\s+party|garant",
        # The customer named in a field ("Nom du client", "Nombre del cliente", "Naam klant"), a subscriber
        # ("Abonné", "Abonnent", "Abbonato", "Suscriptor") and who ordered ("Purchased by", "Commandé par").
        r"(?:nom|nombre|nome)\s+(?:du\s+|del\s+|de\s+la\s+|do\s+)?client[ea]?|naam\s+(?:van\s+de\s+)?klant|"
        r"subscriber|abonnee?|abonnent(?:in)?|abbonat[oa]|suscriptora?",
        r"(?:purchased|ordered|bought)\s+by|commandee?\s+par|commande\s+passee\s+par|bestellt\s+(?:von|durch)",
    )
    # "Bill To Party", "Customer Name", "Client Details", "Destinatario fattura": label words after it.
    + r"(?:\s+(?:party|name|details|address|information|info|data|datos|dati|gegevens|fattura|factura|"
    + r"billing))?"
    # "Customer No.", "Buyer's Order No.", "Client VAT" are not the recipient block's label.
    + r"(?!'s|\s*(?:no\b|nr\b|n°|number|num|id\b|ref|order|vat|tax|code|#|nummer|numero|commande|pedido))"
    # "Customer copy", "Exemplaire client", "Kundenexemplar": which copy of the invoice, no label.
    + r"(?!\s*(?:copy|copie|kopie|exemplaire|exemplar|copia|kopia)\b)"
    + _E
)
# The delivery address printed beside or above the billing block: never the recipient, and it ends a
# block that runs into it.
DELIVERY_LABEL = lazy_compile(
    _B
    + _alt(
        r"ship(?:ped|ping)?[\s-]+to|shipping\s+address|deliver(?:ed|y)?\s+to|delivery\s+address",
        r"consignee|delivery|(?:goods|despatch(?:ed)?|dispatch(?:ed)?)\s+to",
        # Delivery addresses of the Nordics, Central and Eastern Europe and Turkey.
        r"leverings?\s*adresse?|leverans(?:adress)?|toimitus(?:osoite)?|adres\s+dostawy|dodaci\s+adresa|"
        r"szallitasi\s+cim|teslimat(?:\s+adresi)?|adresa\s+de\s+livrare|dostava|adresa\s+dostave",
        r"liefer\s*(?:adresse|anschrift)|lieferung\s+an|warenempfanger|versand\s*adresse",
        r"(?:adresse\s+de\s+)?livraison|livre\s+a|expedie\s+a",
        r"(?:direccion\s+de\s+)?(?:entrega|envio)|enviar\s+a|entregar\s+a",
        r"(?:local|morada|endereco)\s+de\s+(?:entrega|descarga)|enviar\s+para",
        r"(?:aflever|lever|bezorg)\s*adres|leveren\s+aan",
        r"(?:indirizzo\s+di\s+|luogo\s+di\s+)?(?:consegna|spedizione|destinazione)|consegnare\s+a",
        # Where the work was done, not who pays: "Job site", "Site address", "Baustelle", "Chantier", "Obra".
        r"job\s*-?\s*site|(?:site|project|service|installation|job)\s+address|baustelle|leistungsort|"
        r"(?:adresse\s+du\s+)?chantier|lieu\s+d'intervention|obra|cantiere|bouwplaats|werkadres",
    )
    + _E
)
# A customer / account number whose line heads the customer's address block.
CUSTOMER_ID_LABEL = lazy_compile(
    _B
    + _alt(
        r"(?:customer|client|account)\s*(?:no|nr|number|id|#|ref)\.?",
        r"kunden\s*-?\s*(?:nr|nummer|konto)\.?",
        r"(?:n[°o]\.?|numero)\s*(?:de\s+)?client[e]?|ref\.?\s*client",
        r"client\s*(?:n[°o]\.?|numero)",
        r"(?:numero|num\.?|n\.)\s*(?:de\s+)?cliente|cliente\s*(?:n[°o]\.?|num\.?|numero)",
        r"klant\s*-?\s*(?:nummer|nr)\.?|debiteur\s*-?\s*(?:nummer|nr)\.?",
        r"(?:codice|cod\.)\s*cliente",
        # "N.º cliente" (the ordinal sign folds to "o"), Nordic "Kundnr" / "Kundenr.", Polish "Nr klienta",
        # Czech "Číslo zákazníka".
        r"n\.\s?o\.?\s*(?:de\s+)?client[e]?|kunde?\s*-?\s*(?:nr|nummer)\.?|nr\.?\s+klienta|"
        r"(?:cislo|c\.)\s*zakaznika",
    )
    + _E
)
ISSUER_LABEL = lazy_compile(
    _B
    + _alt(
        *[
            "from",
            "seller",
            "supplier",
            "vendor",
            "issuer",
            "lieferant",
            r"ver[\s-]?kaufer",  # "Ver käufer": a text layer or OCR may split the word
            "fournisseur",
            "vendeur",
            "emisor",
            "proveedor",
        ],
        *["leverancier", "fornitore", "cedente"],
        # Portuguese, Swedish, Danish, Norwegian, Finnish, Polish, Czech.
        r"fornecedor|prestador|saljare|leverantor|s[æa]lger|selger|leverandor|leverand[øo]r|myyja|sprzedawca|"
        r"dostawca|wystawca|dodavatel|prodavajici|emitente",
        # Hungarian, Romanian, Turkish, Croatian / Serbian / Slovenian, Baltic and Greek sellers.
        r"elado|szallito|furnizor|vanzator|sat[iı]c[iı]|prodavatelj|prodavac|dobavljac|dobavitelj|"
        r"muuja|tarnija|pardavejas|pardevejs|piegadatajs|πωλητη[σς]|προμηθευτη[σς]",
        r"izdajatelj|izdavatelj|izdavalac|εκδοτη[σς]|доставчик|продавач|изпълнител",
        r"details\s+of\s+supplier",
        *[
            "emetteur",
            "afzender",
            "absender",
            "mittente",
            "remitente",
            r"(?:bill|invoice)\s+from",
            # "Von: …", "De : …", "Van: …", "Fra: …", "Od: …" (a colon required: the words are common).
            r"(?:von|de|van|fra|fran|od|da)(?=\s?:)",
            # "From" in other languages as a column's heading, alone in its cell over the block ("Van",
            # "Von", "De", "Da", "Fra", "Från", "Od"): a heading, not the word in a sentence or a name.
            r"(?:van|von|de|da|fra|fran|od)(?=\s*$)",
            r"issued\s+by",
            r"sold\s+by",
        ],
        # Sellers on marketplaces and service providers, in every language of the lexicon.
        r"(?:service\s+)?provider|payee|remit\s+to|(?:invoice|bill)\s+issuer|contractor|merchant",
        r"verkauft\s+(?:von|durch)|rechnungs(?:steller|aussteller)|auftragnehmer|dienstleister|"
        r"leistungserbringer|anbieter",
        r"vendu\s+par|prestataire|emis\s+par|facture\s+par|emetteur\s+de\s+la\s+facture|vendeur",
        r"vendido\s+por|emitido\s+por|facturado\s+por|prestador|vendedor",
        r"verkocht\s+door|verkoper|dienstverlener|uitgegeven\s+door|opdrachtnemer",
        r"venduto\s+da|venditore|emittente|emesso\s+da|prestatore|cedente\s+prestatore",
    )
    # "Supplier No.", "Merchant ID", "Vendor VAT" are not the issuer block's label.
    + r"(?!'s|\s*(?:no\b|nr\b|n°|number|num|id\b|ref|vat|tax|code|#|nummer|numero))"
    + r"\s*:?"
    + _E
)
# The payee of the bank details names the issuer: "Account holder", "Kontoinhaber", "Titulaire du
# compte", "Titular de la cuenta", "Rekeninghouder", "Ten name van", "Intestatario", "Beneficiary".
ACCOUNT_HOLDER_LABEL = lazy_compile(
    _B
    + _alt(
        r"(?:bank\s+)?account\s+(?:holder|name)|beneficiary(?:\s+name)?|payable\s+to|"
        r"(?:please\s+)?(?:make\s+)?(?:all\s+)?(?:cheques?|checks?)\s+(?:are\s+)?(?:payable|made\s+out)\s+to",
        r"konto\s*-?\s*inhaber(?:in)?|kontoinhaber(?:in)?|begunstigter|beguenstigter|zahlungsempfanger",
        # The Swiss QR-bill's payee: "Konto / Zahlbar an", "Compte / Payable à", "Conto / Pagabile a".
        r"(?:(?:konto|compte|conto|account)\s*/\s*)?(?:zahlbar\s+an|payable\s+a|pagabile\s+a)",
        r"titulaire(?:\s+du\s+compte)?|beneficiaire|a\s+l'ordre\s+de",
        r"titular(?:\s+de\s+la\s+cuenta)?|beneficiario",
        r"rekeninghouder|ten\s+name\s+van|t\.n\.v\.?|begunstigde",
        r"intestatario(?:\s+(?:del\s+)?conto)?|intestato\s+a",
    )
    + r"\s*[:.]?"
    + _E
)
# At a word's start only: "Houtbouw B.V. · Btw-nummer …" names no customer ("Kunden-USt-IdNr." does).
RECIPIENT_VAT_HINT = lazy_compile(
    _B + _alt(r"customer", r"client", r"your", r"ihre", r"kunde", r"buyer", r"acquirente", r"votre", r"uw")
)


@dataclass(frozen=True)
class LabelMatch:
    kind: str
    start: int
    end: int


# A label ending in "#" may touch its value: "Invoice #INV-000123".
_SOURCES = {
    kind: _B + pattern + r"(?:(?<=#)|" + _E + r")\s*[:.#]?" for kind, pattern in LABEL_PATTERNS.items()
}
_COMPILED = {kind: lazy_compile(source, re.IGNORECASE) for kind, source in _SOURCES.items()}
# Total kinds are tried in this order so "total excl." is net, "total vat" is tax, "total" is gross.
TOTAL_KINDS = ("carry", "net", "tax", "gross")


@cache
def _case_sensitive(kind: str) -> re.Pattern[str]:
    """The label pattern of ``kind`` without IGNORECASE (several times faster), where it matches lower-case
    ASCII text exactly as the IGNORECASE one does; else the IGNORECASE one."""
    source = _SOURCES[kind]
    return lazy_compile(source) if ignorecase_is_moot(source) else _COMPILED[kind]


def find_labels_of_families(
    folded: str, families: tuple[tuple[str, ...], ...], start: int = 0, end: int | None = None
) -> list[list[LabelMatch]]:
    """Non-overlapping label matches inside ``folded[start:end]`` (one segment: a label never spans two
    columns) for each family of kinds, earlier kinds winning overlaps within a family; one look-up."""
    segment = folded[start:end]
    return [
        [LabelMatch(kind, start + s, start + e) for kind, s, e in found]
        for found in _families_in(segment, families)
    ]


@lru_cache(maxsize=4096)
def _families_in(
    segment: str, families: tuple[tuple[str, ...], ...]
) -> tuple[tuple[tuple[str, int, int], ...], ...]:
    """Cached by segment text: column headers, totals labels and footers repeat on every page."""
    if not _may_hold_label(segment):
        return ((),) * len(families)
    return tuple(_match_labels(segment, kinds) for kinds in families)


# Letters and a few numeric signs ("²", "½"): every letter is one of these.
_LETTER_LIKE = lazy_compile(r"[^\W\d_]")


def _may_hold_label(segment: str) -> bool:
    """A letter or a "#" in the segment (figures alone are never a label)."""
    letter = _LETTER_LIKE.search(segment)
    if letter is not None and (letter.group().isalpha() or any(c.isalpha() for c in segment)):
        return True
    return "#" in segment or "№" in segment


def _match_labels(segment: str, kinds: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    # Most folded segments are lower-case ASCII: there the case-sensitive patterns match the same.
    lower_ascii = segment.isascii() and segment.lower() == segment
    taken: list[tuple[str, int, int]] = []
    for kind in kinds:
        for m in (_case_sensitive(kind) if lower_ascii else _COMPILED[kind]).finditer(segment):
            overlapping = [t for t in taken if m.start() < t[2] and t[1] < m.end()]
            # A longer phrase of a later kind swallows the shorter labels inside it: "Total inc. VAT" is
            # gross though "VAT" alone is tax, "Net à payer" is gross though "Net" alone is net.
            if overlapping and (
                kind not in TOTAL_KINDS
                or not all(m.start() <= s and e <= m.end() and (s, e) != m.span() for _, s, e in overlapping)
            ):
                continue
            if kind in TOTAL_KINDS and segment.count("(", 0, m.start()) > segment.count(")", 0, m.start()):
                continue  # "VAT 19 % (net 100.00)": a parenthetical, not a total's label
            taken = [t for t in taken if t not in overlapping]
            taken.append((kind, m.start(), m.end()))
    taken.sort(key=lambda t: t[1])
    return tuple(taken)


# Amounts already paid or withheld, printed between the invoice total and what is left to pay: a
# payment, a deposit or an advance deducted ("Acompte versé", "abzgl. Anzahlung", "Amount paid",
# "Payments/Credits", "Ritenuta d'acconto", "Retención IRPF"). Their line is never the gross, and a
# "Balance due" / "Net à payer" equal to a total less them is not the gross either.
DEDUCTION_LABEL = lazy_compile(
    _B
    + _alt(
        r"amount\s+paid|(?:total\s+)?paid(?:\s+(?:to\s+date|amount|on\s+account))?|prepaid|pre-?payment",
        r"(?:total\s+)?payments?(?:\s*/\s*credits?)?(?:\s+(?:received|made|applied|thank\s+you))?"
        r"(?!\s*(?:due|terms?|date|by|within|details|method|info|instructions|reference|ref|conditions|"
        r"reminder|advice|slip|stub|options|schedule|to\b|until|before))",
        r"credits?\s+applied|less\s+(?:deposit|payments?|paid|advance|amount\s+paid|retainer)|"
        r"deposit(?:\s+(?:paid|received|applied))?|advance\s+(?:paid|payment|received)|retainer\s+applied|"
        r"withholding(?:\s+tax)?|retainage",
        # Taxes withheld at source by the payer: India's TDS, the Philippines' EWT/CWT, "WHT", Portuguese
        # "Retenção na fonte" / "IRS retido", Nordic and Dutch source taxes.
        r"(?:less\s*:?\s*)?(?:tds|wht|ewt|cwt)|tax(?:es)?\s+withheld|withheld\s+tax(?:es)?",
        r"retencao(?:\s+na\s+fonte)?(?:\s+(?:de\s+)?irs)?|irs\s+retido|kildeskatt?|kallskatt|bronheffing|"
        r"ennakonpidatys",
        r"(?:erhaltene|geleistete|abzgl\.?|abzuglich|abzueglich)?\s*(?:an|voraus|abschlags?)zahlungs?(?:betrag)?|"
        r"abschlag|bereits\s+(?:gezahlt|bezahlt|erhalten|geleistet|beglichen)|quellensteuer",
        r"acomptes?(?:\s+(?:verses?|recus?|deja\s+(?:verses?|regles?)))?|avances?\s+(?:versees?|recues?)|"
        r"deja\s+(?:regle|paye|verse|percu)|(?:montant|reglement|paiement)\s+(?:regle|recu|percu)|retenue",
        r"anticipos?|(?:importe\s+)?pagado|entregado\s+a\s+cuenta|entregas?\s+a\s+cuenta|a\s+cuenta|"
        r"retencion(?:\s+irpf)?|irpf",
        r"(?:ritenuta|acconto|anticipo)(?:\s+d'?\s*acconto)?|gia\s+(?:pagato|versato)|pagato",
        r"aanbetaling|voorschot|(?:reeds|al)\s+betaald|betaald|ontvangen\s+betaling",
        r"(?:allerede\s+)?(?:betalt|innbetalt|inbetalt)|forskud|forskott|a\s+conto",
        # A cash discount for early payment: what is paid then is not the invoice total.
        r"(?:\d+(?:[.,]\d+)?\s*%\s*)?(?:skonto|cash\s+discount|early\s+payment\s+discount|escompte|sconto\s+cassa|"
        r"descuento\s+(?:por\s+)?pronto\s+pago|betalingskorting|kassakorting)",
    )
    + _E
)
# Rounding to the smallest coin, printed between the tax and the amount to pay ("Öresavrundning 0,40",
# "Rundung", "Arrondi", "Afronding", "Rounding"): the gross is net + tax + the rounding.
ROUNDING_LABEL = lazy_compile(
    _B
    + _alt(
        r"(?:ores|oere)?\s*-?\s*avrundning|avrunding|afrunding|afronding|rounding(?:\s+(?:adjustment|off))?",
        # Indian bills: "Round off", "Rounded off", "Round-off".
        r"round(?:ed)?\s*-?\s*off",
        r"rundung(?:sdifferenz)?|arrondi|redondeo|arrotondamento|pyoristys",
    )
    + _E
)
# Words before a tax label saying the tax is included in the amount above it ("enthaltene MwSt. 19 %",
# "inkl. 19 % USt.", "dont TVA", "IVA incluido", "di cui IVA", "waarvan btw", "including VAT of"): the
# total beside it is gross and the net is that total less the tax.
INCLUDED_TAX_HINT = lazy_compile(
    _B
    + _alt(
        r"enthaltene?|enthalten|darin|hierin|davon|inkl\.?|incl\.?|including|included|includes|inclusive(?:\s+of)?",
        r"dont|y\s+compris|inclus[e]?|incluid[oa]s?|incluye|inclus[oa]|compres[oa]|di\s+cui|waarvan|inbegrepen",
        r"w\s+tym|zawiera|varav|heraf|herav|sis(?:altaa|\.)",
    )
    + _E
)
# Words right before a tax label saying the amounts beside it leave the tax out ("Preis ohne MwSt.", "Amount
# excl. VAT", "Prix hors TVA", "Importe sin IVA", "senza IVA", "zonder btw", "bez DPH", "uden moms"): a column
# head or a net, never the tax itself ("zzgl." / "plus" announce the tax line and are not among them).
EXCLUDED_TAX_HINT = lazy_compile(
    _B
    + _alt(
        r"ohne|exkl\.?|excl\.?|exclusive(?:\s+of)?|excluding|ex\.?|without|w/o|before|net\s+of|hors|sans",
        r"sin|senza|zonder|exclusief|bez|uden|utan|uten|ekskl\.?|eks\.?|ilman|sem|fara",
    )
    + r"\s*$"
)
# Words before an IBAN that make it the customer's account (a direct debit's source, a refund's
# destination), not the issuer's: "von Ihrem Konto IBAN …", "from your account", "votre compte",
# "su cuenta", "uw rekening", "vostro conto", "Mandat", "debited from".
CUSTOMER_ACCOUNT_HINT = lazy_compile(
    _B
    + _alt(
        r"(?:von|vom|auf)\s+ihre[mn]?\s+(?:konto|girokonto|bankkonto)|ihr(?:e|em)?\s+(?:konto|iban|bankverbindung)",
        # Not "your account number / manager / reference": a field of the customer's, no bank account.
        r"(?:(?:from|to|debited\s+from|charged\s+to)\s+your\s+(?:bank\s+)?account|your\s+(?:bank\s+)?(?:account|iban))"
        r"(?!\s*(?:no\b|nr\b|n°|number|num\b|manager|executive|ref|id\b|#|team|contact|holder|name|code))",
        r"(?:de|sur|a)\s+votre\s+compte|votre\s+(?:compte|iban)|su\s+cuenta|(?:de|en)\s+su\s+cuenta",
        r"(?:van|op)\s+uw\s+rekening|uw\s+(?:rekening|iban)|(?:dal|sul)\s+(?:vostro|suo)\s+conto|vostro\s+conto",
        r"mandat(?:s|e)?\s*-?\s*(?:referenz|reference|ref\.?)|sepa\s*-?\s*(?:lastschrift|direct\s+debit|mandate?)",
        r"lastschrift\s*-?\s*mandat|debtor\s+(?:iban|account)|zahlungspflichtige[rn]?|domiciliation\s+sur",
        # The customer's bank details announced as theirs: "Your bank details", "Vos coordonnées bancaires",
        # "Sus datos bancarios", "Uw bankgegevens", "Ihre Bankdaten", "Le vostre coordinate bancarie".
        r"your\s+(?:bank(?:ing)?\s+details|bank\s+data)|vos\s+coordonnees\s+bancaires|sus\s+datos\s+bancarios|"
        r"uw\s+bankgegevens|ihre\s+bank(?:daten|angaben)|(?:le\s+)?vostre\s+coordinate\s+bancarie",
    )
    + _E
)
# The head of a tax summary's rate column, whose figures may go without a "%" sign ("MwSt-Satz | Netto |
# MwSt" over "19,00 | 1.000,00 | 190,00"): "VAT rate", "Steuersatz", "Taux TVA", "Tipo IVA", "Aliquota",
# "BTW-tarief", "Stawka VAT", "Sazba DPH", "Momssats", "%".
TAX_RATE_HEADER = lazy_compile(
    _B
    + _alt(
        r"(?:vat|tax|gst|mwst|ust|tva|iva|btw|moms|mva|alv|dph|afa)\s*-?\s*(?:rate|satz|sats|%|tarief|taux|tipo|kulcs|sazba)",
        r"(?:rate|taux|tipo|tarief|stawka|sazba|aliquota|kulcs)\s*(?:of\s+|de\s+(?:la\s+)?)?(?:vat|tax|tva|iva|btw|vat|dph|afa)?",
        r"steuersatz|(?:ust|mwst)\.?\s*-?\s*satz|momssats|mva\s*-?\s*sats|alv\s*-?\s*(?:kanta|%)|aliquota(?:\s+iva)?",
    )
    + r"(?:\s*%|\s*\(%\))?"
)
# The heading of a tear-off payment slip at the foot of the page ("PAYMENT ADVICE", "Remittance slip",
# "Zahlschein", "Empfangsschein", "Talon de paiement", "Bollettino"): its "To:" names the payee and its
# "Customer" repeats the recipient, so party blocks are read above it.
PAYMENT_SLIP_HEADING = lazy_compile(
    _B
    + _alt(
        r"payment\s+(?:advice|slip|stub|coupon)|remittance\s+(?:advice|slip|stub)|(?:please\s+)?detach\s+and\s+return",
        r"zahlschein|uberweisungstrager|ueberweisungstraeger|empfangsschein|zahlteil|einzahlungsschein",
        r"talon\s+(?:de\s+paiement|a\s+(?:detacher|joindre))|titre\s+interbancaire|bollettino|"
        r"acceptgiro|betalingsbewijs|girokaart|inbetalningskort|bankgiro\s*-?\s*avi",
        # The Swiss QR-bill's payment part in its other languages ("Zahlteil" above).
        r"section\s+paiement|sezione\s+pagamento|payment\s+part|recepisse",
    )
    + _E
)
