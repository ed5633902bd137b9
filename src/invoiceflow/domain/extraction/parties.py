"""Issuer and recipient: name and address blocks, VAT ids and bank details assigned to a party.

The recipient is the block under (or right of, or centred beside) a "Bill to / Rechnungsempfänger /
Facturé à / Cliente" label, else the block under a return-address line, else an unlabelled postal
block (lines that only head it, such as "Frau" or "PRIVATE & CONFIDENTIAL", a "Name:" field label, a
contact person over the company, are not its name). The issuer is the block under a "From / Seller /
Lieferant" label, else the letterhead: the most prominent name-like text near the top that is not in
the recipient block, preferring names with a legal-form suffix (GmbH, Ltd, S.A., B.V., S.r.l., Pvt.
Ltd., …); a logo word gives way to the legal name printed elsewhere (footer sentence, payee, a company
line with its address). A block with phone, e-mail or VAT lines is the sender's. An IBAN the page
calls the customer's (a direct debit's source) is not the issuer's.

Real invoices add: a return-address line far above the window (an empty note zone between), "Attn:"
before the company billed, a seller's label under the items, the payee or seller named in a sentence
("in favour of", "sold by", "zugunsten"), a company over its registered-office line, the page's e-mail
or web address spelling the sender's name; titles, number lines, field headings, bracketed notes and
sentences are never a name.

What a name is (the conventions ``name_head`` applies to the line that holds it):
- the legal form is part of it, whole and as printed ("Kessler Messebau GmbH & Co. KG", "Kowalski Sp. z
  o.o.", "Acme Holdings, Inc.", "Sharma Traders Pvt. Ltd."), and so are "&", "and", "und" and digits
  ("3M Deutschland GmbH", "Studio 54 GmbH");
- salutations are not ("Herrn", "Frau", "Mme", "M.", "Mrs", "Sra.", "Dña.", "Dhr.", "Sig.ra" → the
  person's name), nor words addressing a company ("Firma", "Spett.le", "Messrs", "M/s"); academic
  titles stay ("Herr Dr. Stefan Braun" → "Dr. Stefan Braun"), and a salutation-like word before a legal
  form is the company's own ("Mr Price Trading Ltd");
- labels ("Kunde:", "An:", "Von:", "Supplier Name:", "Rechnung der …"), the address, customer numbers,
  dates, page numbers, contact or VAT data, a department or a person after the legal form, and the fields
  of another column printed on the name's line, even one space after it, are not ("Weber GmbH, Lindenweg
  7, …", "Harbor Foods Ltd 03.03.2025", "Acme Ltd Tel. …", "Weber GmbH Abt. Einkauf", "Harbor Foods
  Invoice No. 42", "Ravi Kumar ravi@…"), nor a tag line after a dash, bar or comma ("Atelier Brun SARL,
  votre partenaire", "Nordlicht Studio – Ihr Partner für Design"), nor an owner line ("Inh. Anna Korn");
- a brand printed with its legal owner, on its line or the line under it, gives the legal name
  ("Brightline — a division of Harbor Logistics Ltd", "Harbor Logistics Ltd trading as Brightline",
  "Brightline (Harbor Logistics Ltd)", "Brightline" over "Ein Unternehmen der Korn Gruppe GmbH");
- a letter-spaced letterhead is read as its words ("N O R D L I C H T   S T U D I O" → "NORDLICHT
  STUDIO"); case is kept as printed;
- a name spread across a wide gap (a justified letterhead or address window: "Hotel Zur Post   GmbH & Co.
  KG", "Anna und Paul   Weber") is read whole when what follows the gap ends with the legal form or is a
  few plain words that start no column, field, label or title;
- a label's word that starts a company's name ("Customer Care Partners LLP", "Kunde & Partner GmbH"; no
  colon after it, a legal form at the end) is part of the name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.identifiers import Identifier
from invoiceflow.domain.extraction.labels import (
    ACCOUNT_HOLDER_LABEL,
    CUSTOMER_ACCOUNT_HINT,
    CUSTOMER_ID_LABEL,
    DELIVERY_LABEL,
    ISSUER_LABEL,
    PAYMENT_SLIP_HEADING,
    RECIPIENT_LABEL,
    RECIPIENT_VAT_HINT,
)
from invoiceflow.domain.extraction.layout import Line, fold, horizontal_overlap
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.unverified_ids import unverified_ibans, unverified_vat_ids
from invoiceflow.domain.extraction.vat_owner import (
    info_block_owner,
    labelled_owner,
    row_text,
    section_owner,
    third_party,
)

_LEGAL_FORM = lazy_compile(
    # Not the letters of a Dutch or British postal code ("3511 AB Utrecht", "OX1 2AB").
    r"(?<![a-z\d])(?<!\d\d\d\d\s)(gmbh|ag|kg|ohg|ug|e\.?\s?k\.?|ltd\.?|limited|llc|llp|inc\.?|corp\.?|plc|co\.|"
    r"s\.?a\.?s?\.?|s\.?a\.?r\.?l\.?|sarl|sas|s\.?l\.?u?\.?|s\.?r\.?l\.?|s\.?p\.?a\.?|b\.?v\.?|n\.?v\.?|"
    r"pvt\.?|private\s+limited|oy|ab|a/s|aps|as|sp\.\s*z\s*o\.?\s*o\.?|s\.?n\.?c\.?|s\.?a\.?s\.?u?|"
    r"v\.?o\.?f\.?|c\.?v\.?|e\.?v\.?|gbr|sagl|eurl|lda|kft|s\.?c\.?s\.?|s\.?coop\.?|"
    r"mbh|partg|se|lp|pllc|pc|pty|"
    # More forms seen abroad: Irish DAC/CLG, S.à r.l. with spaces, S.A.U., Baltic OÜ, Czech/Slovak s.r.o.
    # and a.s., Balkan d.o.o., Hungarian Zrt./Nyrt., Latin American Ltda., corporations in words.
    r"dac|clg|uc|s\.?\s?a\.?\s?r\.?\s?l\.?|s\.?a\.?u\.?|ou|s\.?\s?r\.?\s?o\.?|a\.\s?s\.|spol\.?|"
    r"d\.?\s?o\.?\s?o\.?|zrt\.?|nyrt\.?|ltda\.?|corporation|incorporated|company|"
    # Austrian e.U., Polish sp.j./sp.k., Portuguese Unipessoal Lda, Nordic ApS/ASA/Oyj, Czech v.o.s.
    r"e\.\s?u\.|sp\.\s?[jk]\.|unipessoal|asa|oyj|v\.o\.s\.|"
    # Austrian OG / GesmbH (not a floor, "2. OG"), Belgian BVBA / SPRL / ASBL / VZW, Malaysian Sdn Bhd.
    # Baltic UAB / SIA / MB (not megabytes: "16 MB"), Bulgarian (E)OOD, Greek A.E., JSC, Icelandic ehf.,
    # Albanian Sh.p.k.
    r"uab|sia|(?<!\d\s)mb|e?ood|jsc|a\.\s?e\.|ehf\.?|sh\.?\s?p\.?\s?k\.?|"
    # German mutual insurers: "… a.G." (auf Gegenseitigkeit), "VVaG".
    r"a\.\s?g\.|vvag|"
    # Nordic partnerships and sole traders: Swedish HB/KB, Finnish Ky/Tmi, Danish I/S, K/S, IVS, AMBA,
    # Norwegian ENK.
    r"hb|kb|ky|tmi|i/s|k/s|ivs|a\.?m\.?b\.?a\.?|enk|"
    r"(?<!\d\.\s)(?<!\d\.)og|ges\.?\s?m\.?\s?b\.?\s?h\.?|gesmbh|bvba|sprl|asbl|vzw|sdn\.?\s+bhd\.?|bhd)(?![a-z\d])"
    # Greek (Ε.Π.Ε., Ι.Κ.Ε., Ο.Ε., Ε.Ε.), Bulgarian (ЕООД, ООД, АД, ЕАД, ЕТ) and Balkan (d.d., j.d.o.o., s.p.,
    # a.d.) forms, bounded by any script's letters.
    r"|(?<![^\W\d_])(?:ε\.\s?π\.\s?ε\.|ι\.\s?κ\.\s?ε\.|ο\.\s?ε\.|ε\.\s?ε\.|α\.\s?ε\.|е?оод|е?ад|ет|"
    r"d\.\s?d\.|j\.\s?d\.\s?o\.\s?o\.|s\.\s?p\.|a\.\s?d\.)(?![^\W\d_])"
)
# OCR reads logos and rules as short letter clusters ("xn se TD"): no real name is made of those alone.
_REAL_WORD = lazy_compile(r"[^\W\d_]{3,}")


def _garbled(text: str) -> bool:
    """No word of four letters, and no legal form beside a three-letter word ("ABC AG" is a name,
    "xn se TD" is a logo even though "se" is a legal form)."""
    words = text.split()
    if any(_REAL_WORD.search(w) and len(w) >= 4 for w in words):
        return False
    return not (any(_REAL_WORD.search(w) for w in words) and _LEGAL_FORM.search(text.lower()))


_TITLE = lazy_compile(
    r"^(?:(?:your|ihre|votre|uw|su|la\s+sua|tu)\s+)?"
    # A kind of document before its name: "PAYMENT RECEIPT", "Sales Invoice", "Cash Receipt".
    r"(?:(?:tax|payment|cash|sales|commercial|retail|simplified|final|interim|original|duplicate|"
    r"booking|order|deposit|advance)\s+)?"
    r"(?:invoice|rechnung|facture|factura|factuur|"
    r"fattura|credit\s+note|gutschrift|avoir|nota\s+de\s+credito|creditnota|nota\s+di\s+credito|bill|receipt|"
    r"quittung|proforma|statement|fee\s+note|note\s+d'honoraires|honorarnote|fatura|faktura|"
    # Receipts, confirmations and quotes in the lexicon's languages.
    r"recu|recibo|ricevuta|kvitto|kvittering|kuitti|paragon|zahlungsbeleg|kassenbon|beleg|"
    r"(?:payment|order|booking)\s+confirmation|zahlungsbestatigung|auftragsbestatigung|"
    r"quotation|quote|estimate|devis|angebot|offerte|preventivo|presupuesto|orcamento|"
    # Balkan, Baltic, Greek and Bulgarian titles ("R1 račun", "PVM sąskaita faktūra", "Τιμολόγιο").
    r"(?:r1\s+)?racun|arve|rekins|(?:pvm\s+)?saskaita(?:\s+faktura)?|τιμολογιο|фактура|сметка)\b"
)
# A number or code line, not a name: "# 2024-117", "No. INV_0042", "invoice_number_1".
_NUMBER_LABEL = lazy_compile(r"(?:#|n[o°º]\.|n[°º]|nr\.)\s*\S*[\d_]\S*")
_ID_CHARS = frozenset("0123456789_#")


def _id_line(folded: str) -> bool:
    """A number or code line, not a name: "# 2024-117", "No. INV_0042", "invoice_number_1"."""
    return bool(_NUMBER_LABEL.fullmatch(folded)) or all(not _ID_CHARS.isdisjoint(w) for w in folded.split())


# The last word of a field label heading a value under it ("Booking ID", "Order Number", "Hotel
# Details", "Payment Mode").
_FIELD_HEADING_WORDS = frozenset(
    {"id", "no", "no.", "nr", "nr.", "number", "nummer", "numero", "date", "datum", "mode", "code", "details",
     "reference", "ref", "ref."}
)  # fmt: skip
_CONTACT = lazy_compile(
    r"@|www\.|https?:|(?<![a-z])(?:tel|phone|fax|mobile|email|e-mail|web|iban|bic|swift|vat|ust|mwst|tva|"
    r"iva|btw|gst|gstin|uin|pan|cin|hrb|steuer|page|seite|pagina|siret|siren|rcs|kvk|nif|cif|p\.\s?iva|"
    r"abn|ein|tax\s+id|codice\s+fiscale|state\s+name|code)(?![a-z])"
)


# Contact words that also name trades ("Skyline Mobile Ltd", "Web Studio GmbH", "Code Crafters Ltd"):
# contact data only with a value after them ("Mobile: 0171 …", "Web www.…").
_NAME_SAFE_CONTACTS = frozenset({"mobile", "web", "code", "page", "phone"})


def _contact(folded: str) -> bool:
    """True when ``folded`` holds contact or registry data (phone, e-mail, VAT, IBAN, …)."""
    for m in _CONTACT.finditer(folded):
        if m.group(0) not in _NAME_SAFE_CONTACTS or _CONTACT_VALUE.match(folded, m.end()):
            return True
    return False


# Separators that join a name to more text on one line: a letterhead or return-address strip ("Acme
# GmbH · Hauptstr. 1 · 12345 Berlin", "Acme Ltd | Company No. …"), a dash before an address or department.
_STRIP_SEPARATOR = lazy_compile(r"\s+[·•|]\s+|\s[·•|]|[·•|]\s|\s+[–—]\s+|\s-\s")
_DASH = lazy_compile(r"\s*[–—-]\s*$")
# "Care of" in several languages: c/o, Dutch "p/a" (per adres), French "aux bons soins de" (not "chez":
# it starts restaurant names), Italian "presso": the line after a person names the intermediary.
_CARE_OF = r"c/o|p/a|per\s+adres|presso|aux\s+bons\s+soins\s+de"
# A tail addressing a person or an intermediary ("c/o Regus", "z. Hd. Frau Kessler", "Attn: Accounts").
_ATTENTION_TAIL = lazy_compile(
    r"[\s,;]+(?:" + _CARE_OF + r"|z\.\s?hd\.?|zu\s+handen|attn\.?|attention|a\s+l'attention|t\.a\.v\.?|"
    r"f\.?a\.?o\.?|z\.\s?h\.|"
    # Spanish, Italian and Portuguese forms ("A la atención de", "Alla c.a.", "All'attenzione di", "A/c").
    r"a\s+la\s+atencion|alla\s+(?:c\.\s?a\.|cortese\s+attenzione)|all'attenzione|a/c)(?![a-z])"
)
# A customer or account number after the name ("(Customer No. 40021)", "Kd.-Nr. 40021", "Client #A-77").
_NUMBER_TAIL = lazy_compile(
    r"(?i)[\s,;]*\(?(?:customer|cust|client|cliente|kunden?|kd|debitor|deb|account|acct|klant|kund|asiakas)"
    r"[\s.\-]*(?:no|nr|n[°º]|num|number|nummer|numero|#|id|ref)?\.?\s*[:#]?\s*[A-Z]{0,4}[-/]?\d[\w\-/]{2,}\)?\s*$|"
    r"\s*\([^)]*\d[^)]*\)\s*$"
)
# A trade or owner line run on after the name ("Müller Elektrotechnik Meisterbetrieb", "Bäckerei Korn
# Inh. Anna Korn", "Rossi Impianti titolare Marco Rossi").
_TRADE_TAIL = lazy_compile(
    r"[\s,;]+(?:(?:innungs)?(?:meister|fach)betrieb|innungsbetrieb|inh\.|inhaber(?:in)?|prop\.|proprietor|"
    r"titolare|eigenaar|owner:)(?![a-z]).*$"
)
# The first comma part is the name when the next part is an address ("Acme Ltd, 14 High Street, Leeds",
# "Weber GmbH, Lindenweg 7, …"): a part holding a digit.
_ADDRESS_AFTER_COMMA = lazy_compile(r",\s+(?=[^,]*\d)")
# Salutations before a person's name ("Herr Jonas Weber", "Mme Claire Martin", "Sr. Juan Pérez", "Dhr. Jan
# de Vries", "Sig.ra Giulia Bianchi"): the name is what follows. Academic titles stay: "Herr Dr. Stefan
# Braun" is "Dr. Stefan Braun", as a practice's letterhead prints it.
_SALUTATION = lazy_compile(
    r"(?:(?:herrn?|frau|familie|monsieur|madame|mademoiselle|mme\.?|mlle\.?|m\.|mr\.?|mrs\.?|ms\.?|mx\.?|"
    r"miss|sr\.|sra\.|srta\.|sr|sra|d\.|dna\.?|dhr\.?|mevr\.?|mw\.|sig\.(?:ra|na)?\.?|sig|sigra)\s+)+"
)
# A name opening with two initials ("D. J. Smith").
_INITIALS = lazy_compile(r"[^\W\d_]\.\s*[^\W\d_]\.\s")
# Words addressing a company before its name ("Firma Elektro Haas e.K.", "Spett.le Rossi S.r.l.", "Messrs
# Patel Ltd", "M/s Sharma Traders"): never part of the name.
_COMPANY_SALUTATION = lazy_compile(r"(?:firma|spett(?:\.\s?le|\.|abile)|messrs\.?|m/s\.?)\s*[:,]?\s+")
# A brand over its legal owner: "Brightline — a division of Harbor Logistics Ltd", "Kornblume, eine Marke
# der Korn GmbH", "une marque de …", "part of …": the legal name follows the phrase.
_OWNED_BY = lazy_compile(
    r"[\s,;(–—-]+(?:(?:a|an)\s+(?:division|subsidiary|brand|trading\s+name|business|unit)\s+of|part\s+of|"
    r"(?:ein(?:e)?\s+)?(?:unternehmen|marke|geschaftsbereich|tochter(?:gesellschaft)?)\s+(?:der|des|von)|"
    r"une\s+(?:marque|division|filiale)\s+(?:de|du|d')|una\s+(?:marca|division|filial)\s+de|"
    r"una\s+(?:divisione|societa)\s+(?:di|del)|een\s+(?:merk|divisie|onderdeel)\s+van|"
    r"operated\s+by|betrieben\s+von)(?![a-z])\s*:?\s*"
)
# A trading name after the legal one: "Harbor Logistics Ltd trading as Brightline", "… t/a …", "… dba …".
_TRADING_AS = lazy_compile(
    r"[\s,;(]+(?:trading\s+as|t/a|d/b/a|dba|doing\s+business\s+as|handelnd\s+als|h\.o\.d\.n\.?|"
    r"handelend\s+onder\s+de\s+naam)(?![a-z]).*$"
)
# A date or a page number printed at the end of the name's line ("Acme GmbH 03.03.2025", "… Seite 1 von 2").
_DATE_OR_PAGE_TAIL = lazy_compile(
    r"\s+(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|(?:page|seite|pagina|pagina|p\.|blatt|sida|side|sivu|strona)"
    r"\s*\d+(?:\s*(?:/|of|von|de|di|van|av|af|z)\s*\d+)?)\s*$"
)
# What may follow a name's legal form on its line once the name has ended: a street, a house number or digits,
# contact or registry data, a tag line in lower case after a comma or dash ("Atelier Brun SARL, votre
# partenaire"), an open bracket.
_FORM_THEN_MORE = lazy_compile(
    r"\.?\s*(?:[,;/(–—-]\s*)?\d|\s*[,;–—-]\s*[a-z]|\s*\(|"
    # A street and its house number run on without a separator ("Weber GmbH Lindenweg 7 80331 München").
    r"\.?\s+[^\W\d_]{3,}\.?\s+\d{1,4}[a-z]?(?:\s|,|$)"
)


# An e-mail address or a phone number run on after a person's name ("Ravi Kumar ravi@…", "… +44 7700 …").
_CONTACT_RUN_ON = lazy_compile(
    r"[\s,;|]+(?:[\w.+-]+@[\w-]+\.|\+\d|\(\d|(?:tel|phone|fax|mobile|mob|email|e-mail)\.?\s*[:.]?\s*[\d+(\w])"
)


def _owner_below(block: Block) -> str | None:
    """The legal owner named on a line under a brand's name ("a division of Harbor Logistics Ltd", "Ein
    Unternehmen der Korn Gruppe GmbH"); None when no such line follows."""
    for text in block.lines[1:3]:
        if (m := _OWNED_BY.match(" " + fold(text))) is not None:
            owner = name_head(text[m.end() - 1 :].strip(" )"))
            if _LEGAL_FORM.search(fold(owner)) and sum(c.isalpha() for c in owner) >= 3:
                return owner
    return None


def _strip_salutation(head: str) -> str:
    """``head`` without the salutation or title before a person's name, or the word addressing a company.
    A person's salutation before a name with a legal form stays ("Mr Price Ltd" is a company's name)."""
    folded = fold(head)
    if (m := _COMPANY_SALUTATION.match(folded)) is not None and sum(
        c.isalpha() for c in head[m.end() :]
    ) >= 3:
        return head[m.end() :]
    m = _SALUTATION.match(folded)
    if _INITIALS.match(head):
        return head  # "D. J. Smith", "M. A. Kowalski": initials, not "D." (Don) or "M." (Monsieur)
    if m is None or not head[m.end() : m.end() + 1].isupper() or _LEGAL_FORM.search(folded, m.end()):
        return head
    return head[m.end() :] if sum(c.isalpha() for c in head[m.end() :]) >= 3 else head


# A document's title naming who issues it: "Rechnung der Nordlicht GmbH", "Invoice from Acme Ltd",
# "Facture de Atelier Brun SARL".
_TITLE_OF = lazy_compile(
    r"(?:invoice|rechnung|facture|factura|fattura|factuur|receipt|quittung|statement)\s+"
    r"(?:from|of|by|der|des|von|de|du|di|del|della|van)\s+(?:la\s+|el\s+|de\s+)?"
)


def _legal_owner(head: str) -> str:
    """The legal name of a brand's owner printed with it ("Brand — a division of Legal Name Ltd", "Legal
    Name Ltd trading as Brand", "Brand (Legal Name Ltd)"), or of the company a title names ("Rechnung der
    Nordlicht GmbH"); ``head`` when there is none."""
    folded = fold(head)
    if (m := _TITLE_OF.match(folded)) is not None and _LEGAL_FORM.search(folded, m.end()):
        return head[m.end() :]
    if (m := _OWNED_BY.search(folded)) is not None:
        owner = head[m.end() :].strip(" )")
        if _LEGAL_FORM.search(fold(owner)) and sum(c.isalpha() for c in owner) >= 3:
            return owner
    if (m := _TRADING_AS.search(folded)) is not None and _LEGAL_FORM.search(folded, 0, m.start()):
        return head[: m.start()]
    if head.endswith(")") and "(" in head:
        inner = head[head.rindex("(") + 1 : -1]
        outer = head[: head.rindex("(")]
        if (
            _LEGAL_FORM.search(fold(inner))
            and not _LEGAL_FORM.search(fold(outer))
            and sum(c.isalpha() for c in inner) >= 4
        ):
            return inner
    return head


# Data that never belongs to a name once it has ended at its legal form: digits, a field's colon, e-mail.
_RUN_ON_DATA = lazy_compile(r"[\d:@]")


# A bracket after a legal form that belongs to it: a legal status ("UG (haftungsbeschränkt)", "GmbH i.L.",
# "Ltd (in liquidation)") or a form ("Pty (Ltd)"); a country or a note in brackets is not the name's.
_BRACKETED = lazy_compile(r"\s*\(([^()]*)\)")
_LEGAL_STATUS = lazy_compile(
    r"haftungsbeschrankt|i\.\s?l\.|i\.\s?gr?\.|in\s+(?:liquidation|liquidazione|liquidatie|grundung|"
    r"administration|receivership)|en\s+(?:liquidation|liquidacion)"
)


def _ends_with_form(part: str) -> bool:
    """True when ``part`` ends with a legal form: a comma part that is the rest of a company's name
    ("Kanzlei Weber, Partner 3 mbB", "Müller, 2. Generation GmbH"), not an address."""
    folded = fold(part).rstrip()
    return any(m.end() >= len(folded.rstrip(".")) for m in _LEGAL_FORM.finditer(folded))


def _through_form(head: str) -> str:
    """``head`` up to its legal form when an address, digits, contact data, a department, a person or a tag
    line follow it ("Harbor Foods Ltd. 12 Quay Street", "Nordlicht GmbH Tel. 040 …", "Weber GmbH Abt.
    Einkauf", "Atelier Brun SARL, votre partenaire", "Acme AS Org.nr. 912 …"); a form followed by more
    name or another form ("GmbH & Co. KG", "Sp. z o.o. Sp. k.", "Acme Holdings, Inc.") goes on."""
    folded = fold(head)
    words = folded.split()
    if len(words) < 3 or _LEGAL_FORM.fullmatch(words[-1]):
        return head  # the line ends with a legal form (most names): nothing runs on after it
    forms = [
        form
        for form in _LEGAL_FORM.finditer(folded)
        # A form in lower case without a dot is a word ("trading as"), not a form.
        if form.start() > 0 and not (head[form.start() : form.end()].islower() and "." not in form.group(0))
    ]
    for k, form in enumerate(forms):
        end = form.end()
        if end >= len(head) or sum(c.isalpha() for c in head[: form.start()]) < 2:
            continue
        if (gap := _FORM_GAP.match(folded, end)) and _LEGAL_FORM.match(folded, gap.end()):
            continue  # a second form follows
        if (bracket := _BRACKETED.match(folded, end)) is not None and (
            _LEGAL_STATUS.fullmatch(inner := bracket.group(1).strip()) or _LEGAL_FORM.fullmatch(inner)
        ):
            # The form's own bracket: "UG (haftungsbeschränkt)", "GmbH (i.L.)", "Pty (Ltd)".
            end = bracket.end()
            if end >= len(head):
                continue
        rest = folded[end:]
        lead = rest.lstrip(" .,;|·•–—-")
        if (
            _FORM_THEN_MORE.match(rest)
            or ((contact := _CONTACT.match(lead)) is not None and contact.start() == 0)
            or _DEPARTMENT.match(lead)
            or _ATTENTION.match(lead)
            or (k == len(forms) - 1 and _RUN_ON_DATA.search(rest))
        ):
            return head[:end]
    return head


def _tag_line(text: str) -> bool:
    """A slogan after a dash or bar ("Ihr Partner für Design", "Your partner for growth"): three words or
    more, one of them in lower case and no name particle ("Smith - Jones & Partners" is a name)."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return len(words) >= 3 and any(w.islower() and w not in _PARTICLES | _JOINING_WORDS for w in words)


# Words joining names in a firm's name ("Müller – Schmidt und Partner", "Dupont – Martin et Associés", "Van
# Dijk – Bakker en Zonen"): a name goes on after them, they make no tag line.
_JOINING_WORDS = frozenset({"und", "et", "en", "i", "og", "och", "ja", "ve", "a", "u", "of"})


@lru_cache(maxsize=4096)  # the same line is asked for again and again: by candidates, blocks, pages
def name_head(text: str) -> str:
    """The name at the start of a line that runs on into more text: a separated strip, an address after
    a comma, an attention or c/o tail, a customer number, a date or page number, digits or contact data
    after its legal form; a salutation before it is dropped and a brand gives way to its legal owner
    printed with it. A dash splits only before digits, contact data, a tag line or after a legal form
    ("Müller-Lüdenscheidt" and "Smith - Jones" stay whole)."""
    head = _strip_salutation(text.strip())
    head = _legal_owner(head)
    parts = _STRIP_SEPARATOR.split(head)
    if len(parts) > 1 and sum(c.isalpha() for c in parts[0]) >= 3:
        dashed = all(_DASH.match(m.group(0)) for m in _STRIP_SEPARATOR.finditer(head))
        rest = head[len(parts[0]) :]
        first = parts[0].strip()
        if (
            not dashed
            or any(c.isdigit() for c in rest)
            or _contact(fold(rest))
            or _LEGAL_FORM.search(fold(first))
            or _tag_line(rest)
        ):
            head = first
    if (tail := _ATTENTION_TAIL.search(fold(head))) is not None and sum(
        c.isalpha() for c in head[: tail.start()]
    ) >= 3:
        head = head[: tail.start()]
    for pattern in (_NUMBER_TAIL, _DATE_OR_PAGE_TAIL):
        if (tail := pattern.search(head if pattern is _NUMBER_TAIL else fold(head))) is not None and sum(
            c.isalpha() for c in head[: tail.start()]
        ) >= 3:
            head = head[: tail.start()]
    if (tail := _TRADE_TAIL.search(fold(head))) is not None and sum(
        c.isalpha() for c in head[: tail.start()]
    ) >= 3:
        head = head[: tail.start()]
    comma = _ADDRESS_AFTER_COMMA.search(head)
    if (
        comma is not None
        and sum(c.isalpha() for c in head[: comma.start()]) >= 3
        and (
            not any(c.isdigit() for c in head[: comma.start()])
            or _LEGAL_FORM.search(fold(head[: comma.start()]))
        )
        and not _ends_with_form(head[comma.end() :].split(",")[0])
    ):
        head = head[: comma.start()]
    head = _through_form(head)
    if (tail := _CONTACT_RUN_ON.search(head)) is not None and _PERSON.fullmatch(head[: tail.start()].strip()):
        head = head[: tail.start()]  # "Ravi Kumar ravi.kumar@example.com", "Jane Doe +44 7700 900123"
    return head.strip(" ,;:·•|/–—-").rstrip(" ([") or text.strip()


@dataclass
class Block:
    lines: list[str] = field(default_factory=list)
    line_indexes: list[int] = field(default_factory=list)
    confidence: float = 0.0
    x0: float = 0.0
    x1: float = float("inf")  # the block's column: a line may hold another block's text beside it

    @property
    def name(self) -> str | None:
        return name_head(self.lines[0]) if self.lines else None

    @property
    def address(self) -> str | None:
        rest = [line for line in self.lines[1:] if not _CONTACT.search(line.lower())]
        return ", ".join(rest) if rest else None


@dataclass
class Parties:
    issuer: Block
    recipient: Block
    issuer_vat: Identifier | None
    recipient_vat: Identifier | None
    iban: Identifier | None
    bic: Identifier | None


def _segment_at(line: Line, x0: float, x1: float) -> tuple[int, int] | None:
    """Text offsets of the segment of ``line`` lying under [x0, x1]."""
    for seg_start, seg_end in line.segments():
        sx0, sx1 = line.span_x(seg_start, seg_end)
        if horizontal_overlap(sx0, sx1, x0, x1) > 0 or abs(sx0 - x0) < 6:
            return seg_start, seg_end
    return None


def _segment_text(line: Line, x0: float, x1: float) -> str | None:
    """Text of the segment of ``line`` lying under [x0, x1]."""
    span = _segment_at(line, x0, x1)
    return line.text[span[0] : span[1]].strip() if span else None


def _starts_block_label(folded: str) -> bool:
    """A recipient or delivery label opens another block: the block above ends there."""
    m = RECIPIENT_LABEL.match(folded) or DELIVERY_LABEL.match(folded)
    return m is not None and not _label_word_of_name(folded, m.start(), m.end(), len(folded))


# What may follow a label word that is the first word of a name: a space, then a word or "&" (no colon).
_NAME_AFTER_LABEL_WORD = lazy_compile(r" +[&+]?\s*[^\W\d_]")


def _label_word_of_name(folded: str, start: int, end: int, stop: int) -> bool:
    """True when the label word at ``folded[start:end]`` is the first word of a company's name ("Customer
    Care Partners LLP", "Client First Ltd", "Kunde & Partner GmbH"): one word, no colon after it, and the
    name that follows ends with its legal form."""
    word = folded[start:end]
    if not word.isalpha() or ":" in folded[end:stop] or not _NAME_AFTER_LABEL_WORD.match(folded, end, stop):
        return False
    head = name_head(folded[start:stop])
    return len(head.split()) >= 3 and _ends_with_form(head)


# A line of the block that only carries the customer's number ("Customer No. 4711", "Kd.-Nr. 4711"):
# not the name.
_NUMBER_ONLY = lazy_compile(r"[\W\d_]*$")
# A note in brackets under a label ("(not for payment)", "(siehe Rückseite)"): an aside, never a name.
_NOTE = lazy_compile(r"[(\[][^()\[\]]*[)\]]\.?")


# A line that only heads an address block: a salutation alone ("Herrn", "Frau", "Firma", "Madame",
# "Exmo.(s) Sr.(s)", "Spett.le", "Messrs") or a confidentiality mark over a letter's addressee.
_BLOCK_HEADING = lazy_compile(
    r"(?:herrn?|frau|firma|familie|monsieur|madame|mademoiselle|messieurs|mr\.?|mrs\.?|ms\.?|messrs\.?|"
    r"exm[oa]s?\.?\s*(?:\(s\)|\(as?\))?\.?\s*(?:sr[as]?|senhor(?:a|es)?)?\.?\s*(?:\(s\)|\(as?\))?\.?|"
    r"spett(?:\.\s?le|\.|abile)|gentile|egregio|senor(?:es)?|sr(?:es)?\.?|dhr\.?|mevr\.?|"
    r"(?:strictly\s+)?(?:private\s*(?:&|and)\s*)?(?:confidential|personal)|persoonlijk|vertraulich|"
    r"personlich|persoenlich|confidentiel|personnel|riservat[oa]|confidencial|"
    # How the letter travels: "Per E-Mail", "Par courriel", "Por correo", "Priority Mail", "Einschreiben".
    r"(?:per|par|por|via|by)\s+(?:e-?mail|courriel|correo(?:\s+electronico)?|post[ea]?|fax)|"
    r"(?:priority|registered|certified|first\s+class)\s+mail|einschreiben|recommande|prioritaire)\s*:?\s*"
)
# A field label alone in its table cell, the name in the cell right of it ("Company | Acme Ltd",
# "Razón social | Hotel Mar Azul S.A.", "Firma | …").
_NAME_FIELD = lazy_compile(
    r"(?:(?:(?:company|customer|client|business|legal|full)\s+)?(?:name|company|organi[sz]ation|entity)|"
    r"(?:razon|denominacion)\s+social|empresa|nombre|societe|raison\s+sociale|denomination|nom|firma|firmenname|"
    r"unternehmen|bedrijf(?:snaam)?|naam|ragione\s+sociale|denominazione|azienda|nome|nazwa(?:\s+firmy)?|"
    r"(?:nome|nombre|nom)\s+(?:do|del|du)\s+(?:cliente|client)|επωνυμια|наименование|naziv)\s*:?"
)


def _value_cell(line: Line, label_end: int) -> tuple[int, int] | None:
    """The segment right after the one ending at ``label_end`` on ``line``."""
    for start, end in line.segments():
        if start > label_end:
            return start, end
    return None


# "Name:" before the name in a details box ("Name: Harbor Foods Pvt. Ltd.", "Nom :", "Nombre:").
_NAME_LABEL = lazy_compile(
    r"(?:(?:company|customer|client|party|buyer|legal)\s+)?(?:name|nom|nombre|naam|nome|firmenname|"
    r"raison\s+sociale|razon\s+social|ragione\s+sociale|nazwa|firma|"
    r"επωνυμια|ονομα|име|наименование|naziv|nosaukums|pavadinimas|nimetus)\s*:\s*"
)


# A code standing for the customer: one token with a digit ("K-4711", "47110", "C/0042").
_CODE = lazy_compile(r"[^\s]*\d[^\s]*")
# "Account: 99812", "Kd.-Nr.: 4711", "Ref. X-12": a label and a code heading a block, not its name.
_LABELLED_CODE = lazy_compile(r"[^\W\d_][\w.\- ]{0,24}[:#]\s*(?:[^\s\d]+\s)?[^\s]*\d[^\s]*$")
# "Account 10044871", "Company No. 08812345": up to three words and a code of four digits or more, no colon.
_WORD_AND_CODE = lazy_compile(r"(?:[^\W\d_][^\s\d]*\s+){1,3}[^\s]*\d{4,}[^\s]*")
# "Project 4471 - Relaunch", "PO 4500012345", "Matter 2024-0113": what the invoice is about, a number in it.
_REFERENCE_LINE = lazy_compile(
    r"(?:project|projekt|projet|proyecto|progetto|projekti|job|matter|order|auftrag|bestellung|commande|"
    r"pedido|ordine|bestelling|po(?!\s*box)|p\.o\.(?!\s*box)|contract|vertrag|contrat|contrato|contratto|case|akte|dossier)"
    r"(?![a-z])[^\d]{0,12}\d"
)
# "Contact: Sarah Miles", "Ansprechpartner: …", "Your reference: …" over the customer's name.
_CONTACT_FIELD = lazy_compile(
    r"(?:(?:your|our|ihr|unser|votre|notre|su|uw)\s+)?(?:contact(?:\s+person)?|kontakt(?:person)?|"
    r"ansprechpartner(?:in)?|contactpersoon|interlocuteur|persona\s+de\s+contacto|referente|yhteyshenkilo|"
    r"ref(?:erence|erenz)?|zeichen|referencia|riferimento|referentie|viite)\.?\s*:"
)
# "Acme Ltd, 12 Harbour Road, Dublin": the address runs on after the name on one line.
_ADDRESS_PART = lazy_compile(r",\s+(?=[^,]*\d)")


def _address_parts(text: str) -> list[str]:
    """A name with its address on one line split into the name and the rest; a name with a comma of
    its own ("Lone Star Services, Inc.") stays whole, the cut is at the first part holding a digit."""
    m = _ADDRESS_PART.search(text)
    if m is None or sum(c.isalpha() for c in text[: m.start()]) < 3:
        return [text]
    return [text[: m.start()].strip(), text[m.end() :].strip()]


def _company_before_person(block: Block) -> None:
    """ "Ms. Jane Doe" (or a bare "Jane Doe"), a department ("Abteilung Finanzen", "Accounts Payable"), a
    contact or reference line or a box heading over "Brightwater Foods Ltd": the block is addressed to a
    person or an office at a company; the company (with its legal form) is the party."""
    if len(block.lines) < 2 or not _LEGAL_FORM.search(fold(block.lines[1])):
        return
    if _FOR_ATTENTION.match(fold(block.lines[1])):
        return  # "John Smith" / "c/o Acme Ltd": the person is the party, reached through the company
    first = block.lines[0]
    folded = fold(first)
    if _LEGAL_FORM.search(folded):
        return
    if (
        _ATTENTION.match(folded)
        or _FOR_ATTENTION.match(folded)
        or _PERSON.fullmatch(first)
        or _DEPARTMENT.search(folded)
        or ":" in first
        or _heading_like(first)
        or _POSTAL_LINE.search(first)
    ):
        del block.lines[0], block.line_indexes[0]


# An office of the customer over its name: "Abteilung Finanzen", "Accounts Payable", "Service
# comptabilité", "Departamento de compras", "Afdeling crediteuren", "Ufficio amministrazione".
_DEPARTMENT = lazy_compile(
    r"(?<![a-z])(?:abteilung|abt\.|department|dept\.?|division|accounts?\s+(?:payable|department)|"
    r"finance|buchhaltung|kreditoren\w*|einkauf|purchasing|procurement|service\s+(?:comptab\w*|achats?|"
    r"financier)|comptabilite|departamento|dpto\.?|afdeling|crediteuren\w*|ufficio|reparto|amministrazione|"
    r"avdelning|ekonomi\w*|osasto|dzial|oddeleni|kontabilitet\w*|racunovodstvo)(?![a-z])"
)
# Words in lower case inside a heading ("Laskun saaja", "Faktureras till"), not name particles.
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "di", "da", "del", "la", "le", "du", "zu", "y", "e", "&", "and"}
)


def _heading_like(text: str) -> bool:
    """A box heading in a language without a label in our tables: one word of letters ("Kupac",
    "KUNDE"), or a short phrase with a word in lower case ("Laskun saaja"), no digit, no legal form."""
    words = text.rstrip(":").split()
    if not words or len(words) > 3 or any(c.isdigit() for c in text) or _LEGAL_FORM.search(fold(text)):
        return False
    if len(words) == 1:
        return sum(c.isalpha() for c in words[0]) >= 3
    return any(w[:1].islower() and w not in _PARTICLES for w in words[1:])


# A person's name alone on a line: two or three capitalised words ("Jane Doe", "Anna-Lena de Vries" is
# not matched and stays, a rare miss rather than a company dropped).
_PERSON = lazy_compile(
    r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?:\s[A-ZÀ-Ý]\.)?(?:\s[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?){1,2}"
)


_ID_LIKE = lazy_compile(r"[A-Z]{2}[\s.]?\d[\dA-Z.\s]{6,}")


def _is_totals_text(ctx: PageContext, line: Line, text: str) -> bool:
    """A totals line ends an address block; "VAT No.: BE0815…" inside the block does not."""
    labels = ctx.total_labels.get(line.index)
    if not labels:
        return False
    start = line.text.find(text)
    in_segment = [label for label in labels if start <= label.start < start + len(text)]
    return bool(in_segment) and not _ID_LIKE.search(text)


def _opens_block(text: str, folded: str) -> bool:
    """A line that may open a party's block above its name: an account or registry number after a few
    words, a contact or reference field, what the invoice is about, phone or VAT data."""
    return bool(
        _WORD_AND_CODE.fullmatch(text)
        or _CONTACT_FIELD.match(folded)
        or _REFERENCE_LINE.match(folded)
        or _contact(folded)
    )


def _name_with_form_first(text: str) -> bool:
    """A company name with its legal form, or a person's name, leading a line that runs on into a date, a
    page number or contact data ("Harbor Foods Ltd 03.03.2025", "Acme GmbH Tel. 040 …", "Ravi Kumar
    ravi@…"): the name, not a line heading the block."""
    head = name_head(text)
    if head == text.strip() or _contact(fold(head)):
        return False
    return _LEGAL_FORM.search(fold(head)) is not None or _PERSON.fullmatch(head) is not None


# A page number run on after a name on its line ("Harbor Foods Page 1 of 2", "… Seite 1/2").
_PAGE_FIELD = lazy_compile(r"(?<![a-z])(?:page|seite|pagina|blatt|sida|sivu|strona)\s*\d")


def _before_fields(ctx: PageContext, line: Line, start: int, end: int) -> int:
    """End of the name in ``line.text[start:end]`` when a field of another column follows it at a word's
    spacing (an invoice number, a date, a customer number or a page number and its label): the start of
    that field's label; ``end`` when none follows at least three letters of name."""
    cut = end
    for label in ctx.header_labels.get(line.index, []):
        if start < label.start < cut and _field_value_follows(line.folded, label.start, label.end, end):
            cut = label.start
    for pattern in (CUSTOMER_ID_LABEL, _PAGE_FIELD):
        for m in pattern.finditer(line.folded, start + 1, cut):
            if _field_value_follows(line.folded, m.start(), m.end(), end):
                cut = m.start()
                break
    return cut if cut < end and sum(c.isalpha() for c in line.text[start:cut]) >= 3 else end


# A field's value: its first word holds a digit ("42", "2025-117", "INV-0042", "03.03.2025").
_VALUE_WORD = lazy_compile(r"\s*[:.#]?\s*\S*\d")


def _field_value_follows(folded: str, label_start: int, label_end: int, end: int) -> bool:
    """True when the label at ``label_start`` heads a field: a value with a digit follows it and no legal
    form comes after it. A label's word inside a name is not a field ("Bright Date Events Ltd", "Anna
    Date", "Studio Page 1 Ltd")."""
    if _LEGAL_FORM.search(folded, label_start, end):
        return False
    return _PAGE_FIELD.match(folded, label_start) is not None or bool(
        _VALUE_WORD.match(folded[:end], label_end)
    )


def _block_below(
    ctx: PageContext,
    line: Line,
    x0: float,
    x1: float,
    *,
    max_lines: int = 6,
    first_gap: float = 1.5,
    named: bool = False,
    max_start: float | None = None,
) -> Block:
    """The lines under ``line`` in the column [x0, x1] until a vertical gap. ``first_gap`` (in line
    heights) may be wider for the first line: a label in a header cell sits above the cell's padding.
    ``named``: ``line`` is the name itself (the block's lines are its address), not a label over it.
    ``max_start``: a segment starting right of it belongs to another column (a totals box beside a
    narrow label whose column runs to the page edge)."""
    block = Block(x0=x0, x1=x1)
    previous = line
    grid_label: tuple[float, float] | None = None  # the field label's cell of a name taken from a grid row
    for below in ctx.lines[line.index + 1 :]:
        gap = first_gap if previous is line else 1.5
        if len(block.lines) >= max_lines or below.top - previous.bottom > gap * max(
            below.height, previous.height
        ):
            break
        span = _segment_at(below, x0, x1)
        if span is not None and max_start is not None and below.span_x(*span)[0] > max_start:
            span = None
        if span is None:
            continue  # a line of the other column, interleaved: the vertical gap test ends the block
        name_field = not block.lines and _NAME_FIELD.fullmatch(below.folded[span[0] : span[1]].strip())
        if not block.lines and not named and not name_field:
            span = (span[0], _name_run_end(ctx, below, *span))  # "Hotel Zur Post   GmbH & Co. KG"
            span = (span[0], _before_fields(ctx, below, *span))  # "Harbor Foods Invoice No. 42"
        text = below.text[span[0] : span[1]].strip()
        folded = below.folded[span[0] : span[1]].strip()
        if _starts_block_label(folded) or _is_totals_text(ctx, below, text):
            break
        previous = below
        if grid_label is not None:
            if _continues_grid_name(below, grid_label, block.lines[0], text):
                block.lines[0] = f"{block.lines[0]} {text}"  # "Studio Tecnico Associato" / "Bianchi & Greco"
                continue
            grid_label = None
        value = _value_cell(below, span[1]) if not block.lines and _NAME_FIELD.fullmatch(folded) else None
        if value is not None:
            # A table of "Company | Cotswold Cycle Hire Ltd" rows: the name is the cell right of its field
            # label, and the block runs on in that value column.
            grid_label = below.span_x(*span)
            x0, x1 = below.span_x(*value)
            block.x0, block.x1 = x0, x1
            if max_start is not None:
                max_start = x0 + 2 * below.height  # the value column's lines start at its left edge
            block.lines.append(below.text[value[0] : value[1]].strip())
            block.line_indexes.append(below.index)
            continue
        if not block.lines and (attention := _FOR_ATTENTION.match(folded)) is not None:
            company = text[attention.end() :].strip(" :")
            if re.match(_CARE_OF, folded) or not (_LEGAL_FORM.search(fold(company)) and _name_like(company)):
                continue  # "Attn: Maria Rossi", "c/o Regus Ltd" heading the block: the name follows
            text = company  # "ATTN: Harbor Foods Limited": the company itself is addressed
        elif not block.lines and (
            CUSTOMER_ID_LABEL.match(folded)
            or _NUMBER_ONLY.match(text)
            or _NOTE.fullmatch(text)
            or (_LABELLED_CODE.match(text) and not _name_with_form_first(text))
            or (not named and _opens_block(text, folded) and not _name_with_form_first(text))
            or _BLOCK_HEADING.fullmatch(folded)
            or _CODE.fullmatch(text)
        ):
            continue  # "Customer No. 4711", "Attn: Maria Rossi", "Frau" heading the block: the name follows
        if not block.lines and (name_label := _NAME_LABEL.match(folded)) and name_label.end() < len(text):
            text = text[name_label.end() :].strip()  # "Name: Harbor Foods Pvt. Ltd." in a details box
        block.lines.append(text)
        block.line_indexes.append(below.index)
    if not named:
        _join_wrapped_name(ctx, block)
    return block


def _continues_grid_name(below: Line, label: tuple[float, float], name: str, text: str) -> bool:
    """A line of a field grid under the name's row with nothing in the label column: the name's value cell
    wrapped ("Name | Studio Tecnico Associato" over "| Bianchi & Greco"). Not an address, contact,
    attention or department line, and not more after a name that its legal form ended."""
    if _segment_at(below, *label) is not None or any(c.isdigit() for c in text) or not _name_like(text):
        return False
    folded = fold(text)
    if _FOR_ATTENTION.match(folded) or _ATTENTION.match(folded) or _DEPARTMENT.search(folded):
        return False
    return not _ends_with_form(name) or _LEGAL_FORM.fullmatch(folded.strip(" ,")) is not None


# The end of a name's line that the name goes on after: a joining word, a title or a particle never
# ends a name ("Praxis Dr." / "Yilmaz & Dr. Roth", "Clinique des" / "Églantiers", "Kessler &" / "Partner").
_OPEN_NAME_END = lazy_compile(
    r"(?:^|\s)(?:&|\+|-|und|and|et|y|e|en|och|og|"
    r"dr\.|prof\.|mag\.|ing\.|dipl\.-ing\.|dott\.(?:ssa)?|avv\.|mr\.|mrs\.|ms\.|mme|m\.|sr\.|sra\.|dhr\.|"
    r"mevr\.|herrn?|frau|de|des|du|di|da|del|della|dei|van|von|der|den|het|zum|zur|of|the|la|le|les)$"
)


def _join_wrapped_name(ctx: PageContext, block: Block) -> None:
    """A name a narrow column wrapped onto two lines: the second line is only a legal form ("Núñez &
    Asociados" / "S.L."), or the first ends where no name ends (see ``_OPEN_NAME_END``) and the second
    is more name. Both lines set tight in the same type; the second becomes part of the first."""
    if len(block.lines) < 2 or len(block.line_indexes) < 2:
        return
    # Not necessarily adjacent lines: another column's words set a little higher or lower make lines of
    # their own between the two.
    first_index, second_index = block.line_indexes[0], block.line_indexes[1]
    if second_index <= first_index:
        return
    upper, lower = ctx.lines[first_index], ctx.lines[second_index]
    # Line heights are whole lines' (another column's words share them): a loose size test.
    if (
        lower.top - upper.bottom > 0.6 * upper.height
        or abs(lower.height - upper.height) > 0.25 * upper.height
    ):
        return
    first, second = block.lines[0].strip(), block.lines[1].strip()
    folded_first, folded_second = fold(first), fold(second)
    if any(c.isdigit() for c in first + second):
        return
    # A first line with a form of its own may still go on after "&" ("Hartmann GmbH &" / "Co. KG").
    form_alone = not _LEGAL_FORM.search(folded_first) and bool(
        _LEGAL_FORM.fullmatch(folded_second.strip(" ,.")) or _LEGAL_FORM.fullmatch(folded_second)
    )
    # "Mr Oliver" / "Pritchard", "Jorge" / "Caballero": a person's name cut after its first name, the
    # surname alone on the next line with the address still to come.
    surname_alone = (
        len(block.lines) >= 3
        and (len(first.split()) == 1 or (len(first.split()) == 2 and _SALUTATION.match(folded_first)))
        and len(second.split()) == 1
        and second[:1].isupper()
        and second.isalpha()
        and not _LEGAL_FORM.search(folded_first)
    )
    if not form_alone and not surname_alone:
        if not _OPEN_NAME_END.search(folded_first) or not _name_like(second):
            return
        if (
            _FOR_ATTENTION.match(folded_second)
            or _ATTENTION.match(folded_second)
            or _DEPARTMENT.search(folded_second)
        ):
            return
    block.lines[:2] = [f"{first} {second}"]
    del block.line_indexes[1]


_BANK_CONTEXT = lazy_compile(r"iban|bic|swift|bank|konto|compte|cuenta|rekening|conto|sort\s+code|routing")


def _bank_holder(ctx: PageContext, line: Line, folded_label: str) -> bool:
    """ "Account holder" beside bank details names the payee (the issuer), not the customer."""
    if not folded_label.startswith("account"):
        return False
    nearby = ctx.lines[max(0, line.index - 2) : line.index + 3]
    return line.top > ctx.page.height * 0.6 or any(_BANK_CONTEXT.search(other.folded) for other in nearby)


_LABEL_JOINER = lazy_compile(r"\s*[:.]?\s*[/|]\s*")


def _bilingual_label_end(folded: str, pattern: re.Pattern[str], end: int, seg_end: int) -> int:
    """End of a label printed in two languages ("Cliente / Customer", "Verkäufer / Seller")."""
    while (joiner := _LABEL_JOINER.match(folded, end, seg_end)) is not None:
        other = pattern.match(folded, joiner.end(), seg_end)
        if other is None:
            break
        end = other.end()
    return end


def _block_above(ctx: PageContext, line: Line, label: tuple[float, float], x0: float) -> list[Line]:
    """Lines right above ``line`` whose text starts at ``x0`` (the block's left edge right of a label)
    while nothing stands in the label's column: the top of a block the label is centred beside. Empty
    when such a line is itself a label (a row of a form: "Date: 12.03." over "Customer: Acme")."""
    out: list[Line] = []
    below = line
    for above in reversed(ctx.lines[max(0, line.index - 3) : line.index]):
        if below.top - above.bottom > 0.8 * max(above.height, below.height):
            break
        starts = [above.span_x(s, e)[0] for s, e in above.segments()]
        in_label_column = any(horizontal_overlap(sx0, sx1, *label) > 0 for sx0, sx1 in above.segment_x())
        if in_label_column or not any(abs(sx - x0) < 4 for sx in starts) or above.index in ctx.header_labels:
            break
        text = _segment_text(above, x0, x0 + 40) or ""
        if not text or _starts_block_label(fold(text)) or ISSUER_LABEL.match(fold(text)):
            break
        out.insert(0, above)
        below = above
    return out


# Several party labels on one page (Sold to / Bill to / Ship to, Auftraggeber / Rechnungsempfänger): the
# billing one names who the invoice is for, the ordering party only who placed the order.
_BILLING_WORD = lazy_compile(
    r"bill|invoice|invoic|rechnung|factur|fattur|faktur|fatur|lasku|szaml|payer|zahler|pagador|betaler|"
    r"guarantor|responsible|garant"
)
# The ordering party, and the person served (a hotel's guest, a practice's patient) when another party
# is billed.
_ORDERING_WORD = lazy_compile(
    r"sold|auftraggeber|opdrachtgever|donneur|bestiller|ordered|besteller|commanditaire|ordinante|"
    r"purchased|bought|command|bestellt|"
    r"guest|gast|g[æa]st|huesped|ospite|vieras|gjest|patient|paciente|paziente"
)


def _label_rank(label: str) -> int:
    if _ORDERING_WORD.search(label):
        return 0
    return 2 if _BILLING_WORD.search(label) else 1


def _labelled_block(ctx: PageContext, pattern: re.Pattern[str], limit: float) -> Block | None:
    """The block of the best-ranked label (a billing label over a neutral one over an ordering party's),
    the first on the page among equals."""
    best: tuple[int, Block] | None = None
    for rank, block in _labelled_blocks(ctx, pattern, limit):
        if best is None or rank > best[0]:
            best = (rank, block)
        if rank == 2:
            break
    return best[1] if best else None


# A date opening a label's value: "From 01.03.2025", "To: 2025-03-31", "From 1 March 2025".
_DATE_START = lazy_compile(
    r"\s*(?:\d{1,4}[./-]\s?\d{1,2}(?:[./-]\s?\d{2,4})?(?!\d)|\d{1,2}\.?\s+[^\W\d_]{3,}\.?\s+\d{4})"
)


def _period_label(ctx: PageContext, line: Line, rest: str, x0: float, x1: float) -> bool:
    """True when the label's value, beside it or on the line under it, is a date: "From" / "To" of a
    billing or service period."""
    if rest:
        return _DATE_START.match(rest) is not None
    if line.index + 1 >= len(ctx.lines):
        return False
    below = _segment_text(ctx.lines[line.index + 1], x0, x1)
    return below is not None and _DATE_START.match(below) is not None


# Codes before the name on a label's line: "4471 2231", "Nr. 4711", "#4471", "Acct 4471", "cód. 4471",
# "/ Debitor 12". A code holds three digits in a row, so "3M" or "7-Eleven" stay part of a name.
_LEADING_CODE = lazy_compile(
    r"(?:(?:/\s*)?(?:[^\W\d_]{1,7}\.?\s*[:#]?\s*|n[°º]\.?\s*|#\s*)?[^\s]*\d{3,}[^\s]*(?:\s+|$)|/\s*"
    r"[^\W\d_]{1,9}\.?\s*[^\s]*\d[^\s]*(?:\s+|$))+"
)


def _without_leading_code(rest: str) -> str:
    """``rest`` without the customer or account number printed before the name on a label's line; empty
    when the line holds numbers only ("Kunde 4711 / Debitor 12")."""
    m = _LEADING_CODE.match(rest)
    if m is not None and m.end() == len(rest):
        return ""
    if m is None or sum(c.isalpha() for c in rest[m.end() :]) < 3:
        return rest
    return rest[m.end() :].strip()


def _name_like(text: str) -> bool:
    """Text that reads as a name: letters first, no colon, not contact data."""
    return bool(text) and text[0].isalpha() and ":" not in text and not _contact(fold(text))


def _labelled_blocks(ctx: PageContext, pattern: re.Pattern[str], limit: float) -> Iterator[tuple[int, Block]]:
    for line in ctx.lines:
        if line.top >= limit:
            break
        segments = line.segments()
        for k, (seg_start, seg_end) in enumerate(segments):
            # Within the segment: "Guest" beside "Billing address" is not the label "Guest Billing".
            m = pattern.match(line.folded, seg_start, seg_end)
            if not m or m.start() != seg_start or _bank_holder(ctx, line, m.group(0)):
                continue
            if _label_word_of_name(
                line.folded, m.start(), m.end(), _before_fields(ctx, line, seg_start, seg_end)
            ):
                continue  # "Customer Care Partners LLP": the label's word starts a name
            label_end = _bilingual_label_end(line.folded, pattern, m.end(), seg_end)
            rest_end = _before_fields(ctx, line, label_end, seg_end)  # "Bill to: Foo Ltd Invoice No: 42"
            rest = _without_leading_code(line.text[label_end:rest_end].strip(" :"))
            if (name_label := _NAME_LABEL.match(fold(rest))) is not None and name_label.end() < len(rest):
                rest = rest[name_label.end() :].strip()  # "Supplier Name: Harbor Logistics Ltd"
            if rest[:1].islower() and _prose(rest):
                # "Facture à régler par virement sur le compte suivant": the label's words open a sentence
                # (an invoice "to be paid"), no block follows them.
                continue
            if rest.startswith("("):
                # "Buyer (Bill to)": a label annotation, not a name; a name may follow it.
                rest = _without_leading_code(rest[rest.find(")") + 1 :].strip()) if ")" in rest else ""
            x0, _ = line.span_x(seg_start, seg_end)
            label_x1 = line.segment_x()[k][1]
            if _period_label(ctx, line, rest, x0, label_x1):
                continue  # "From: 01.03.2025  To: 31.03.2025": a billing period, not a party
            nxt = segments[k + 1] if k + 1 < len(segments) else None
            next_x = line.segment_x()[k + 1][0] if nxt else ctx.page.width
            first_line = line
            above: list[Line] = []
            if (
                not rest
                and nxt
                and next_x - label_x1 < 12 * line.height
                and not _column_under_label(ctx, line, x0, label_x1, next_x)
            ):
                # "Bill to:   Acme Ltd" with the block in its own column right of the label.
                folded_next = line.folded[nxt[0] : nxt[1]]
                next_labels = ctx.header_labels.get(line.index, [])
                if not (
                    _starts_block_label(folded_next)
                    or ISSUER_LABEL.match(folded_next)
                    # "Rechnung an   Kundennummer": the neighbour labels its own column, it is no name.
                    or CUSTOMER_ID_LABEL.match(folded_next)
                    or any(nxt[0] <= label.start < nxt[1] for label in next_labels)
                ):
                    rest = line.text[nxt[0] : nxt[1]].strip()
                    x0 = next_x
                    next_x = line.segment_x()[k + 2][0] if k + 2 < len(segments) else ctx.page.width
                    above = _block_above(ctx, line, (line.segment_x()[k][0], label_x1), x0)
            # The block column runs from the label to the next segment on the label line; its lines start
            # near the label's left edge (text starting far right of it is another column's).
            max_start = max(label_x1, x0 + 60) + 2 * line.height
            block = _block_below(
                ctx, first_line, x0, max(x0 + 40, next_x - 6), first_gap=2.6, max_start=max_start
            )
            confidence = 0.85
            if not block.lines and not rest:
                # A label on a tab or band over a padded box: the block starts further down (less sure).
                block = _block_below(
                    ctx, first_line, x0, max(x0 + 40, next_x - 6), first_gap=4.0, max_start=max_start
                )
                first = ctx.lines[block.line_indexes[0]] if block.lines else None
                if first is not None and (first.top >= limit or first.index in ctx.header_labels):
                    block = Block(x0=block.x0, x1=block.x1)
                confidence = 0.7
            if rest and len(rest) > 2 and not _CODE.fullmatch(rest):  # "Customer: K-4711" over the name
                block.lines[:0] = _address_parts(rest)
                block.line_indexes[:0] = [line.index] * (len(block.lines) - len(block.line_indexes))
                # "Cumpărător: Cabinet Stomatologic Dr." over "Radu S.R.L.": the name after the label wraps.
                _join_wrapped_name(ctx, block)
            if above:
                # The label sits beside the middle of its block (a table cell centred vertically).
                block.lines[:0] = [_segment_text(a, x0, x0 + 40) or "" for a in above]
                block.line_indexes[:0] = [a.index for a in above]
            _company_before_person(block)
            if block.lines and not _opens_with_field_label(ctx, block):
                block.confidence = confidence
                yield _label_rank(line.folded[seg_start:label_end]), block


def _column_under_label(ctx: PageContext, line: Line, x0: float, label_x1: float, next_x: float) -> bool:
    """A block right under a label: a name flush with it, wider than it and ending before the next text
    on the label's line, and one more line flush under that. The label heads its own column ("Billed to"
    over the customer's block, beside "Account" heading another column); it does not label the text to
    its right as a field grid's row does ("Customer Name  Rahul Mehta" over "Mobile  98765 43210")."""
    previous = line
    depth = 0
    for below in ctx.lines[line.index + 1 : line.index + 7]:
        if below.top - previous.bottom > 1.5 * max(previous.height, below.height):
            return False
        span = _segment_at(below, x0, x0 + 1)
        if span is None:
            continue  # another column's line set between (its rows a little higher or lower)
        sx0, sx1 = below.span_x(*span)
        if abs(sx0 - x0) > 3 or sx1 >= next_x - 2:
            return False
        if depth == 0:
            text, folded = below.text[span[0] : span[1]].strip(), below.folded[span[0] : span[1]].strip()
            labels = ctx.header_labels.get(below.index, [])
            if (
                sx1 < label_x1 + 2 * line.height
                or not _name_like(text)
                or _REAL_WORD.search(text) is None
                or _starts_block_label(folded)
                or ISSUER_LABEL.match(folded)
                or any(span[0] <= label.start < span[1] for label in labels)
            ):
                return False
        previous = below
        depth += 1
        if depth == 2:
            return True
    return False


def _customer_number_block(ctx: PageContext, excluded: set[int], limit: float) -> Block | None:
    """A customer's address block headed by its customer / account number ("Kundennr. 4711" over the
    name and address), recognised by a name line followed by a postal-code line."""
    for line in ctx.lines:
        if line.top >= limit or line.top > ctx.page.height * 0.5:
            break
        for seg_start, seg_end in line.segments():
            if not CUSTOMER_ID_LABEL.match(line.folded, seg_start) or line.index in excluded:
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            block = _block_below(ctx, line, x0, max(x1, x0 + 120), max_lines=5, first_gap=2.0)
            label = CUSTOMER_ID_LABEL.match(line.folded, seg_start)
            rest = _without_leading_code(line.text[label.end() : seg_end].strip(" :.")) if label else ""
            if rest != line.text[label.end() if label else 0 : seg_end].strip(" :.") and _name_like(rest):
                # "Customer ID: 4471  Greenfield Foods Ltd": the name follows the number on the label line.
                block.lines.insert(0, rest)
                block.line_indexes.insert(0, line.index)
            if len(block.lines) < 2 or excluded.intersection(block.line_indexes):
                continue
            name = block.lines[0]
            if ":" in name or _contact(name.lower()) or sum(c.isalpha() for c in name) < 3:
                continue
            if any(_POSTAL_LINE.search(text) for text in block.lines[1:4]):
                block.confidence = 0.7
                return block
    return None


def _delivery_blocks(ctx: PageContext, limit: float) -> list[Block]:
    """Delivery-address blocks ("Ship to", "Lieferadresse", "Job site", …), each with its label line."""
    out: list[Block] = []
    for line in ctx.lines:
        if line.top >= limit:
            break
        for k, (seg_start, _) in enumerate(line.segments()):
            if not DELIVERY_LABEL.match(line.folded, seg_start):
                continue
            xs = line.segment_x()
            x0 = xs[k][0]
            next_x = xs[k + 1][0] if k + 1 < len(xs) else ctx.page.width
            # Its lines start near the label's left edge: a block starting far right of it, in a column
            # of its own beside the delivery address, is another party's (the billed customer's).
            max_start = max(xs[k][1], x0 + 60) + 2 * line.height
            block = _block_below(ctx, line, x0, max(x0 + 40, next_x - 6), first_gap=2.6, max_start=max_start)
            # The block's own width (its column may reach the page edge): a block beside it stays free.
            spans = [_segment_at(ctx.lines[i], block.x0, block.x1) for i in block.line_indexes]
            ends = [
                ctx.lines[i].span_x(*span)[1]
                for i, span in zip(block.line_indexes, spans, strict=True)
                if span
            ]
            block.x1 = max([line.segment_x()[k][1], *ends])
            block.line_indexes.insert(0, line.index)
            out.append(block)
    return out


def _prominence(line: Line, median: float) -> float:
    """Line height over the page's median. A scan's word boxes vary by a tenth from line to line:
    there, heights that close count as equal (the position on the page then decides)."""
    ratio = line.height / median
    if line.ocr and abs(ratio - 1.0) < 0.15:
        return 1.0
    return ratio


# How much more prominent (line heights over the median) a name without a legal form must be to win the
# letterhead over one with a legal form.
_BRAND_MARGIN = 0.35
# Score bonuses of a letterhead candidate: a legal form in it, the page's e-mail or web address spelling it.
_FORM_BONUS = 0.45
_MAIL_BONUS = 0.5


# An e-mail address or web site on the page: its names (local part and domain labels) often spell the
# sender's name ("lena@fischbach-design.de", "www.nordlicht-studio.com").
_ADDRESS_NAMES = lazy_compile(r"([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)|(?:www\.|https?://)([\w-]+(?:\.[\w-]+)+)")
_NAME_PIECE = lazy_compile(r"[^\W\d_]{4,}")
# Mailbox and provider names that say nothing about who sends.
_GENERIC_MAIL_WORDS = frozenset(
    {
        "info", "mail", "email", "contact", "kontakt", "billing", "invoice", "invoices", "rechnung",
        "buchhaltung", "facturation", "factura", "fatture", "support", "hello", "office", "sales",
        "accounts", "account", "admin", "service", "services", "team", "noreply", "reply", "gmail",
        "yahoo", "hotmail", "outlook", "googlemail", "icloud", "online", "post", "mailbox", "orange",
        "free", "wanadoo", "libero", "fake", "example", "html", "https", "http",
    }
)  # fmt: skip


def _mail_names(ctx: PageContext) -> list[str]:
    """Folded names of the page's e-mail addresses and web sites, generic mailbox words left out."""
    names: list[str] = []
    for line in ctx.lines:
        if "@" not in line.text and "www." not in line.folded and "http" not in line.folded:
            continue
        for m in _ADDRESS_NAMES.finditer(line.folded):
            for part in m.groups():
                if part:
                    names.extend(
                        piece for piece in _NAME_PIECE.findall(part) if piece not in _GENERIC_MAIL_WORDS
                    )
    return names


def _agrees_with_mail(folded: str, mail_names: list[str]) -> bool:
    """True when a word of the candidate (four letters or more), or its words run together, is spelt in
    an e-mail or web name of the page ("Lena Fischbach" ~ "fischbach-design", "Quality Hosting" ~
    "qualityhosting")."""
    if not mail_names:
        return False
    words = [w for w in _NAME_PIECE.findall(folded) if not _LEGAL_FORM.fullmatch(w)]
    joined = "".join(words)
    return any(
        (len(joined) >= 4 and joined in name) or any(word in name for word in words) for name in mail_names
    )


# A document title run on after the name ("Northwind Cloud Invoice", "Atelier Brun Facture").
_TRAILING_TITLE = lazy_compile(
    r"\s+(?:tax\s+)?(?:invoice|rechnung|facture|factura|fattura|factuur|receipt|quittung|statement|bill|"
    # Nordic, Finnish, Polish, Czech, Portuguese, Hungarian, Turkish, Romanian titles.
    r"faktura|lasku|fatura|szamla|faktura\s+vat|factura\s+fiscala)$"
)


# A heading that addresses the reader ("Your services", "Vos services", "Ihre Leistungen", "Uw diensten",
# "I tuoi servizi", "Sus servicios"): a section of the bill, never the sender's name.
_POSSESSIVE_HEADING = lazy_compile(
    r"(?:your|vos|votre|ihre?|uw|jouw|sus?|tus?|vuestr[oa]s?|(?:il|la|i|le)\s+(?:tuo|tua|tuoi|tue|suo|sua|"
    r"suoi|sue|vostr[oaie]))\s+[^\W\d_]{3,}"
)


# One to three words, then a colon: a field's label ("Viivis:", "Maksājuma mērķis: …").
_FIELD_LABEL_WORDS = lazy_compile(r"[^\W\d_][^\s:]*(?:\s+[^\s:]+){0,2}:(?:\s|$)")


def _letterhead(ctx: PageContext, excluded: set[int], limit: float) -> Block | None:
    heights = sorted(line.height for line in ctx.lines) or [10.0]
    median = heights[len(heights) // 2]
    mail_names: list[str] | None = None
    best: tuple[float, Line, int, int] | None = None
    best_form: tuple[float, Line, int, int] | None = None
    opening: tuple[float, Line, int, int] | None = None  # the page's first candidate
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.35 or line.top >= limit:
            break
        if line.index in excluded:
            continue
        # The line's score before its text's bonuses: a line that cannot win even with them is skipped.
        placed = _prominence(line, median) - line.top / ctx.page.height  # higher up is more letterhead-like
        if best_form is not None and placed + _FORM_BONUS + _MAIL_BONUS <= best_form[0]:
            continue
        labels = ctx.header_labels.get(line.index, [])
        after_colon = False
        for seg_start, seg_end in line.segments():
            if any(seg_start <= label.start < seg_end for label in labels):
                continue  # "Invoice No." beside the letterhead: only that segment is a label
            text = raw = line.text[seg_start:seg_end].strip()
            value_of_label, after_colon = after_colon, raw.endswith(":")
            if value_of_label:
                continue  # the value after a label's colon ("Viivis:  0,05% päevas")
            folded = line.folded[seg_start:seg_end].strip()
            if (head := name_head(text)) != text:
                text, folded = head, fold(head)  # "Acme Ltd | Company No. … | VAT …": the name leads
            letters = sum(c.isalpha() for c in text)
            if letters < 3 or _TITLE.match(folded) or _contact(folded) or letters < len(text) / 2:
                continue
            has_form = _LEGAL_FORM.search(folded) is not None
            score = placed + (_FORM_BONUS if has_form else 0.0)
            if not (
                best is None
                or score + _MAIL_BONUS > best[0]
                or (has_form and (best_form is None or score + _MAIL_BONUS > best_form[0]))
            ):
                continue  # cannot win: the checks below need not run
            if _id_line(folded) or _NOTE.fullmatch(text) or _prose(text) or _OWNER_LINE.match(folded):
                continue  # "# invoice_number_1", "(copy for your records)", a sentence: no name
            if folded.rsplit(None, 1)[-1] in _FIELD_HEADING_WORDS and not has_form:
                continue  # "Booking ID" over its value: a field's label
            if _starts_block_label(folded) or ISSUER_LABEL.match(folded) or (line.ocr and _garbled(text)):
                continue
            next_text = ctx.lines[line.index + 1].text if line.index + 1 < len(ctx.lines) else ""
            if not has_form and _nameless_address(folded, next_text):
                continue  # "Via Cantonale 4" over "6500 Bellinzona": a street, the name above it or none
            if not has_form and (_POSSESSIVE_HEADING.match(folded) or _FIELD_LABEL_WORDS.match(raw)):
                # "Your services", "Ihre Leistungen": a section's heading; "Viivis:", "Valūta: EUR": a
                # field's label, its colon waiting for the value.
                continue
            mail_names = _mail_names(ctx) if mail_names is None else mail_names
            if _agrees_with_mail(folded, mail_names):
                score += _MAIL_BONUS  # the page's e-mail or web address spells it: the sender's own name
            if best is None:
                opening = (score, line, seg_start, seg_end)
            if best is None or score > best[0]:
                best = (score, line, seg_start, seg_end)
            if has_form and (best_form is None or score > best_form[0]):
                best_form = (score, line, seg_start, seg_end)
    if best is None:
        return None
    if (
        best_form is not None
        and best_form is not best
        and best[0] - best_form[0] < _BRAND_MARGIN
        and best_form[1].top <= best[1].bottom + 3 * median
    ):
        # A brand word or logo read as text ("SERCO", a scan's box heights vary) a little taller than
        # the company name with its legal form: the name is the issuer.
        best = best_form
    if opening is not None and best is not opening and _top_block_over_window(ctx, opening, best, median):
        best = opening
    _, line, seg_start, seg_end = best
    segments = line.segments()
    k = segments.index((seg_start, seg_end)) if (seg_start, seg_end) in segments else -1
    if k > 0 and _name_run_end(ctx, line, *segments[k - 1]) >= seg_end:
        seg_start = segments[k - 1][0]  # "Atelier   Brun SARL": the name's words before a wide gap
    x0, x1 = line.span_x(seg_start, seg_end)
    block = _block_below(ctx, line, x0, x1, max_lines=4, named=True)
    addressing = _addressing_line(ctx, line, block)
    if addressing is not None and _after_blank_line(ctx, line, addressing):
        # "MVM Muster" / "Versicherungsverein a.G." / blank / "Herrn …": the sender's name over the
        # addressee's block, a blank line between them; the block is the name's lines above the gap.
        keep = [k for k, index in enumerate(block.line_indexes) if index < addressing]
        block = Block(
            [block.lines[k] for k in keep], [block.line_indexes[k] for k in keep], x0=block.x0, x1=block.x1
        )
    elif addressing is not None and line.index not in excluded:
        # An addressee block ("Herrn Lars Hansen" under the company): look again without it.
        return _letterhead(ctx, excluded | {line.index, *block.line_indexes}, limit)
    first = (
        _letters_joined(line, seg_start, seg_end)
        or _tracked_run(line, seg_start, seg_end)
        or line.text[seg_start : _name_run_end(ctx, line, seg_start, seg_end)].strip()
    )
    # "Northwind Cloud Invoice": the name leads (also when the name's run took the title's cell beside it).
    if (title := _TRAILING_TITLE.search(fold(first))) is not None and len(
        first[: title.start()].split()
    ) >= 2:
        first = first[: title.start()].strip()
    if (upper := _name_start_above(ctx, line, seg_start, excluded)) is not None:
        first = f"{upper} {first}"  # "MVM Musterhafter" / "Versicherungsverein Musterstadt a.G."
    if _JOINED_END.search(first) and block.line_indexes:
        below = ctx.lines[block.line_indexes[0]]
        if abs(below.height - line.height) <= 0.15 * line.height:
            # "BERGMANN &" over "PARTNER" in the same type: one name wrapped at its joining word.
            first = f"{first} {block.lines.pop(0)}"
            block.line_indexes.pop(0)
    if block.line_indexes and _forms_only(fold(block.lines[0])):
        # "Tipografia Ribeirinha Unipessoal" over "Lda." in the same type: the name's legal form wrapped.
        below = ctx.lines[block.line_indexes[0]]
        cell = _segment_at(below, x0, x1)
        if cell is not None and _form_alone_under_cell(below, *cell, line) is not None:
            first = f"{first} {block.lines.pop(0)}"
            block.line_indexes.pop(0)
    if (other := _other_party_below(ctx, first, line, block)) is not None:
        # The customer's block set right under the sender's name, no gap and no label (an office suite's
        # HTML import drops the spacing and the columns): the letterhead ends where the other name begins.
        del block.lines[other:], block.line_indexes[other:]
    block.lines.insert(0, first)
    block.line_indexes.insert(0, line.index)
    prominent = line.height > median * 1.15
    has_form = bool(_LEGAL_FORM.search(block.lines[0].lower()))
    block.confidence = 0.55 + (0.15 if prominent else 0.0) + (0.15 if has_form else 0.0)
    return block


def _other_party_below(ctx: PageContext, name: str, line: Line, block: Block) -> int | None:
    """Position in the letterhead's block (the lines under ``name``, printed on ``line``) of a line naming
    another party over a postal address: a name with a legal form of its own while ``name`` has one too
    (a name's first line over its wrapped remainder, "MVM Muster" / "Versicherungsverein a.G.", and a
    brand over its owner, "a division of …", do not count), or, right under ``name``, any name over an
    address other than the one the page prints under ``name`` again (a footer's sender block)."""
    named_form = _LEGAL_FORM.search(fold(name)) is not None
    for k, text in enumerate(block.lines[:2]):
        folded = fold(text)
        if not _name_like(text) or _OWNER_LINE.match(folded) or _same_name(text, name) or _id_line(folded):
            continue
        postal = [n for n, below in enumerate(block.lines[k + 1 : k + 4]) if _POSTAL_LINE.search(below)]
        if not postal or _POSTAL_LINE.search(text) or _STREET_LINE.fullmatch(text):
            continue
        if named_form and _LEGAL_FORM.search(folded):
            return k
        address = {" ".join(below.split()) for below in block.lines[k + 1 : k + 2 + postal[0]]}
        sender = _sender_address_lines(ctx, name, {line.index, *block.line_indexes})
        if k == 0 and sender and not address <= sender:
            return k
    return None


def _sender_address_lines(ctx: PageContext, name: str, skip: set[int]) -> set[str]:
    """The address lines the page prints under ``name`` where it names it again (the sender's block in
    the footer), outside the lines ``skip``."""
    found: set[str] = set()
    for line in ctx.lines:
        if line.index in skip or name not in line.text:
            continue
        start = line.text.index(name)
        x0, x1 = line.span_x(start, start + len(name))
        block = _block_below(ctx, line, x0, x1, max_lines=3, named=True)
        if any(_POSTAL_LINE.search(text) for text in block.lines):  # an address, not a footer's other data
            found.update(" ".join(text.split()) for text in block.lines)
    return found


# A name's line ending on a joining word: the name goes on on the next line ("Bergmann &" / "Partner").
_JOINED_END = lazy_compile(r"\s(?:&|\+|und|and|et|y|e|en|och|og)$", re.IGNORECASE)


def _top_block_over_window(
    ctx: PageContext, top: tuple[float, Line, int, int], best: tuple[float, Line, int, int], median: float
) -> bool:
    """True when the page opens with a name over its postal address (an ERP report's company block, often
    in small type) and the winning candidate is a body-size name lower down that only its legal form
    carried ("Kestrel Web" / "Unit 5 …" / "Leeds LS1 4AB" at the top, "Abbott Dental Ltd" in the window):
    the page's first block is the sender's, the lower one the customer's."""
    _, line, seg_start, seg_end = top
    _, other, other_start, other_end = best
    if line.top > ctx.page.height * 0.1 or other.height > 1.15 * median:
        return False
    if other.top < line.bottom + 2 * median:
        return False
    if _agrees_with_mail(other.folded[other_start:other_end], _mail_names(ctx)):
        return False  # the page's e-mail or web address spells the lower name: it is the sender's
    block = _block_below(ctx, line, *line.span_x(seg_start, seg_end), max_lines=4, named=True)
    below = [index for index in block.line_indexes if index != line.index]
    if other.index in below:
        return False
    # A letterhead strip: the name, then its postal address on the same line, in its segment or the next
    # ones ("Acme Ltd   5 High St · Leeds LS1 4AB").
    head = name_head(line.text[seg_start:seg_end].strip())
    strip_address = line.text[seg_start:].strip()[len(head) :]
    return bool(_POSTAL_LINE.search(strip_address)) or any(
        _POSTAL_LINE.search(ctx.lines[k].text) for k in below
    )


# A name's first line that the line under it continues: it holds an acronym ("MVM Musterhafter", "ACME
# Northern") or ends on a joining word ("Kessler &", "Weber und"); a person's name over a company is
# neither ("Anna Weber" / "Weber Consulting GmbH" stays two lines).
_NAME_WRAPS = lazy_compile(r"(?:^|\s)[A-Z]{2,5}(?:\s|$)|(?:&|\+|\bund|\band|\bet|\by|\be|\ben|-)$")


def _name_start_above(ctx: PageContext, line: Line, seg_start: int, excluded: set[int]) -> str | None:
    """The first part of a company name wrapped onto two lines, the legal form on the lower one: the
    line right above, set tight, flush with it and at its size, without a form of its own."""
    if line.index == 0 or not _LEGAL_FORM.search(line.folded[seg_start:]):
        return None
    above = ctx.lines[line.index - 1]
    seg_end = line.segment_span(seg_start)[1]
    x0, x1 = line.span_x(seg_start, seg_end)
    # A legal form alone on its line always continues the name above; right-aligned cells wrap flush
    # right ("Hollis & Crane Analytics" / "Inc." at the top right).
    alone = line.folded[seg_start:seg_end]
    form_alone = bool(_LEGAL_FORM.fullmatch(alone.strip(" ,")) or _LEGAL_FORM.fullmatch(alone.strip(" ,.")))
    if (
        above.index in excluded
        or line.top - above.bottom > 0.4 * line.height
        or abs(above.height - line.height) > 0.1 * line.height
        or (abs(above.x0 - x0) > 2 and not (form_alone and abs(above.x1 - x1) <= 2))
        or len(above.segments()) != 1
    ):
        # Another column's words beside the name share its lines ("Carpintaria Gonçalves & Filhos  Fatura
        # FT 2025A/17" over "Lda.  ATCUD: …"): the name's own cells, measured by their words, decide.
        # (The lower cell may hold forms only, "Unipessoal Lda.", and the upper end on one: "Tipografia
        # Ribeirinha Unipessoal" / "Lda.".)
        if not _forms_only(alone):
            return None
        # The line right above may be another column's only ("TAX INVOICE" set between the name's two
        # lines): the name's cell is on the line above that.
        for other in ctx.lines[max(0, line.index - 2) : line.index][::-1]:
            text = _form_alone_under_cell(line, seg_start, seg_end, other)
            if text is None or other.index in excluded:
                continue
            return text if _name_like(text) and (form_alone or not _LEGAL_FORM.search(fold(text))) else None
        return None
    text = above.text.strip()
    wraps = form_alone or _NAME_WRAPS.search(text)
    if _LEGAL_FORM.search(above.folded) or not wraps or not _name_like(text):
        return None
    if _contact(above.folded) or _id_line(above.folded) or _TITLE.match(above.folded):
        return None
    return text


def _forms_only(folded: str) -> bool:
    """Text made of legal forms alone ("lda.", "unipessoal lda.", "s.r.o.")."""
    return bool(folded.strip()) and not any(c.isalpha() for c in _LEGAL_FORM.sub("", folded))


def _cell_box(line: Line, seg_start: int, seg_end: int) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) of the words of one segment."""
    first, last = line.word_at(seg_start), line.word_at(max(seg_start, seg_end - 1))
    words = line.words[first : last + 1]
    return words[0].x0, min(w.y0 for w in words), max(w.x1 for w in words), max(w.y1 for w in words)


def _form_alone_under_cell(line: Line, seg_start: int, seg_end: int, above: Line) -> str | None:
    """The cell of ``above`` a legal form alone in its cell continues: flush left with it, set tight
    over it at its size, judged by the two cells' own words (not the lines', which other columns'
    words share)."""
    fx0, ftop, _fx1, fbottom = _cell_box(line, seg_start, seg_end)
    size = fbottom - ftop
    for a_start, a_end in above.segments():
        ax0, atop, _ax1, abottom = _cell_box(above, a_start, a_end)
        if abs(ax0 - fx0) > 2:
            continue
        if ftop - abottom > 0.4 * size or abs((abottom - atop) - size) > 0.1 * size:
            return None
        return above.text[a_start:a_end].strip()
    return None


# The owner under a trade's name ("Inhaber: Anna Korn", "Inh. …", "Prop. …", "Titolare …"): not the name.
_OWNER_LINE = lazy_compile(
    r"(?:inh\.|inhaber(?:in)?|owner|prop\.|proprietor|proprietaire|titolare|eigenaar|propietari[oa])(?![a-z])"
)


def _letters_joined(line: Line, seg_start: int, seg_end: int) -> str | None:
    """A letter-spaced name ("N O R D L I C H T   S T U D I O") with its letters joined, a gap wider
    than the letters' spacing separating its words; None when the segment is not letter-spaced."""
    first, last = line.word_at(seg_start), line.word_at(max(seg_start, seg_end - 1))
    words = line.words[first : last + 1]
    singles = sum(1 for w in words if len(w.text) == 1 and w.text.isalpha())
    if len(words) < 4 or singles < 0.8 * len(words):
        return None
    gaps = sorted(b.x0 - a.x1 for a, b in pairwise(words))
    spacing = gaps[len(gaps) // 2]
    out = words[0].text
    for a, b in pairwise(words):
        out += (" " if b.x0 - a.x1 > 1.6 * spacing + 0.5 else "") + b.text
    return out


def _tracked_run(line: Line, seg_start: int, seg_end: int) -> str | None:
    """A name set with wide letter spacing ("N O R D L I C H T   S T U D I O" whose words a PDF's text
    layer joins) is cut into segments at its wide word gaps: the segment with the tracked segments right
    after it, each gap under two letter advances; None when the name is not tracked."""
    segments = line.segments()
    k = segments.index((seg_start, seg_end)) if (seg_start, seg_end) in segments else -1
    if k < 0 or k + 1 >= len(segments) or line.ocr:
        return None  # OCR boxes measure no font: their letters' advance says nothing of tracking
    xs = line.segment_x()

    def advance(j: int) -> float:
        text = line.text[segments[j][0] : segments[j][1]].replace(" ", "")
        return (xs[j][1] - xs[j][0]) / max(1, len(text))

    if advance(k) < 0.75 * line.height:
        return None
    end = k
    while (
        end + 1 < len(segments)
        and advance(end + 1) >= 0.75 * line.height
        and (xs[end + 1][0] - xs[end][1] < 2 * advance(end))
    ):
        end += 1
    return line.text[seg_start : segments[end][1]] if end > k else None


# The widest gap (in line heights) inside a justified or spaced-out name; a column gap is wider.
_NAME_GAP_EM = 3.0
# Words that may continue a name after a wide gap: letters, "&", "+", "und", hyphens (no digits, no colon).
_NAME_WORDS = lazy_compile(r"[^\W\d_][\w'.-]*(?:\s+(?:[&+]|[^\W\d_][\w'.-]*)){0,2}")


def _name_run_end(ctx: PageContext, line: Line, start: int, end: int) -> int:
    """End of a name that a wide gap cuts into segments (a justified letterhead or address window: "Hotel
    Zur Post   GmbH & Co. KG", "Studio   54 GmbH", "Anna und Paul   Weber"): the next segment joins when it
    ends with the legal form the name lacks, or when it is a few plain words; never a field, a label, a
    title, contact data or the start of a column the lines around the name share."""
    segments, xs = line.segments(), line.segment_x()
    k = next((j for j, (s, e) in enumerate(segments) if s <= start < e), -1)
    if line.ocr or k < 0 or _LEGAL_FORM.search(line.folded, start, end):
        return end
    labels = ctx.header_labels.get(line.index, [])
    neighbours = [
        other
        for other in ctx.lines[max(0, line.index - 2) : line.index + 3]
        if other is not line and abs(other.top - line.top) < 3 * line.height
    ]
    while k + 1 < len(segments) and xs[k + 1][0] - max(xs[k][1], line.char_x(end - 1, right=True)) < (
        _NAME_GAP_EM * line.height
    ):
        nxt_start, nxt_end = segments[k + 1]
        text, folded = line.text[nxt_start:nxt_end].strip(), line.folded[nxt_start:nxt_end].strip()
        nx0 = xs[k + 1][0]
        if (
            ":" in text
            or _TITLE.match(folded)
            or _contact(folded)
            or RECIPIENT_LABEL.match(folded)
            or ISSUER_LABEL.match(folded)
            or DELIVERY_LABEL.match(folded)
            or CUSTOMER_ID_LABEL.match(folded)
            or any(nxt_start <= label.start < nxt_end for label in labels)
            or any(abs(sx0 - nx0) < 6 for other in neighbours for sx0, _ in other.segment_x())
        ):
            break
        if _ends_with_form(text):
            return nxt_end  # "Studio   54 GmbH": the name ends with its legal form
        if not _NAME_WORDS.fullmatch(text):
            break
        end, k = nxt_end, k + 1  # "Anna und Paul   Weber"
    return end


# "Acme GmbH · Street 1 · City"; OCR reads the middle dot as "-", "»", "*", "+" or "°".
def _addressed(ctx: PageContext, line: Line, block: Block) -> bool:
    """True when a line of the block under ``line`` (a skipped "t.a.v." line too) addresses a person:
    the block is where the letter goes."""
    return _addressing_line(ctx, line, block) is not None


def _addressing_line(ctx: PageContext, line: Line, block: Block) -> int | None:
    """Index of the first line under ``line`` (in the block's column, a skipped "t.a.v." line too) that
    addresses a person ("Herrn", "Attn:"), if any."""
    last = block.line_indexes[-1] if block.line_indexes else line.index
    for below in ctx.lines[line.index + 1 : min(last, line.index + 3) + 1]:
        text = _segment_text(below, block.x0, block.x1)
        if text and _ATTENTION.match(fold(text)):
            return below.index
    return None


def _after_blank_line(ctx: PageContext, line: Line, index: int) -> bool:
    """True when the line ``index`` stands one blank line below the tightly set lines from ``line`` down
    (a sender's two-line name, then the addressee's block): two blocks set one under the other."""
    above = ctx.lines[line.index : index]
    if not above:
        return False
    height = max(ln.height for ln in above)
    if any(b.top - a.bottom > 0.4 * height for a, b in pairwise(above)):
        return False
    return ctx.lines[index].top - above[-1].bottom > 0.8 * height


# The widest gap (in line heights) between a return-address line and the window's address under it.
_WINDOW_GAP = 8.0
_SENDER_SEPARATORS = lazy_compile(r"\s[·•|»«*+°~]\s|\s[-–]\s")


def _median_height(ctx: PageContext) -> float:
    """The body text's line height: the median over the lines above a payment slip (a QR-bill or giro
    slip at the foot prints in its own small type)."""
    slip = _payment_slip_top(ctx)
    heights = sorted(line.height for line in ctx.lines if line.top < slip) or sorted(
        line.height for line in ctx.lines
    )
    return heights[len(heights) // 2] if heights else 10.0


def _sender_line_block(ctx: PageContext) -> tuple[str, Block] | None:
    """Window-envelope layout (DIN 5008 and its kin): a one-line return address ("Acme GmbH · Street 1
    · City") sits right above the recipient's address block. Usually small; at body size it must read
    as one: a name first, a postal code in a later part, an address block with a postal code below."""
    median = _median_height(ctx)
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.5:
            break
        small = line.height <= 0.88 * median
        # The whole line too: OCR may cut a return-address line into segments at a wide separator.
        for seg_start, seg_end in [*line.segments(), (0, len(line.text))]:
            text = line.text[seg_start:seg_end]
            parts = _SENDER_SEPARATORS.split(text)
            plain = len(parts) < 3  # "Acme GmbH, Street 1, 12345 City": commas must read as an address
            if plain:
                parts = _COMMA_PARTS.split(text)
            if len(parts) < 3 or (
                seg_start == 0 and seg_end == len(line.text) and line.index in ctx.header_labels
            ):
                continue
            if (plain or not small) and not _return_address(parts):
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            block = _block_below(ctx, line, x0, x0 + 0.6 * (x1 - x0) + 20, max_lines=6)
            if len(block.lines) < 2 and small and _return_address(parts):
                # DIN 5008 and its kin: the return address heads the window, a note zone of a few lines
                # may stay empty between it and the address.
                block = _block_below(
                    ctx, line, x0, x0 + 0.6 * (x1 - x0) + 20, max_lines=6, first_gap=_WINDOW_GAP
                )
            if len(block.lines) < 2:
                continue
            if not small and not any(_POSTAL_LINE.search(t) for t in block.lines[1:4]):
                continue
            _company_before_person(block)  # "Thomas Krüger" over "Krüger Bau GmbH": the company is billed
            block.confidence = 0.78
            sender = parts[0].strip()
            if _street_only(sender):
                sender = ""  # "Seestrasse 107 · 8001 Zürich": a return address under a logo, no name
            return sender, block
    return None


_COMMA_PARTS = lazy_compile(r",\s+")


def _return_address(parts: list[str]) -> bool:
    """Parts of a return address: a name (letters, no digit) first, a postal code in a later part."""
    name = parts[0].strip()
    if any(c.isdigit() for c in name) or sum(c.isalpha() for c in name) < 3 or ":" in name:
        return False
    return any(_POSTAL_LINE.search(part) for part in parts[1:])


# The page's bottom fifth is its footer...
FOOTER_SHARE = 0.8
# ...and so is a short last block below the page's top quarter, set apart from what stands above it and
# holding contact or bank data: a short invoice's footer follows its content, not the page's bottom edge.
FOOTER_BLOCK_LINES = 6
FOOTER_GAP = 3.0  # median line heights
FOOTER_LINE_GAP = 2.0  # lines of one footer block stand closer than this (median line heights)


def _footer_top(ctx: PageContext) -> float:
    """Where the page's footer begins (see ``FOOTER_SHARE`` and ``FOOTER_BLOCK_LINES``)."""
    bottom = ctx.page.height * FOOTER_SHARE
    lines = sorted(ctx.lines, key=lambda line: line.top)
    if len(lines) <= FOOTER_BLOCK_LINES:
        return bottom
    median = _median_height(ctx)
    last = len(lines) - 1
    while True:  # the lowest block above the bottom fifth (below it: a printed page footer, already in)
        first = last
        while first > 0 and lines[first].top - lines[first - 1].bottom < FOOTER_LINE_GAP * median:
            first -= 1
        if lines[first].top < bottom or first == 0:
            break
        last = first - 1
    block_lines = last + 1 - first
    if (
        first == 0
        or block_lines > FOOTER_BLOCK_LINES
        or lines[first].top - lines[first - 1].bottom < FOOTER_GAP * median
        or lines[first].top < ctx.page.height / 4
        or not any(_CONTACT.search(line.text.lower()) for line in lines[first : last + 1])
    ):
        return bottom
    return min(bottom, lines[first].top)


def _footer_name(ctx: PageContext) -> str | None:
    """A company name with a legal form in the page footer (where bank and VAT data usually sit)."""
    top = _footer_top(ctx)
    for line in ctx.lines:
        if line.top < top:
            continue
        for seg_start, seg_end in line.segments():
            # "Acme GmbH · Street 1 · VAT DE123…": the name is one part of a separated footer line.
            for part in _SENDER_SEPARATORS.split(line.text[seg_start:seg_end]):
                name = _name_before_contact(part)
                if name is not None:
                    return name
    return None


_NAME_END = lazy_compile(r"[\s,;:·•|(–-]+$")
# A contact word followed by its value ("Mobile: 0171 …", "Tel. +49 …", "web www…").
_CONTACT_VALUE = lazy_compile(r"\s*[:.#]|\s*[\d+(]|\s+(?:www|http|[\w.]+@)")


_BANK_WORD = lazy_compile(r"iban|bic|swift")
_BANK_NAME = lazy_compile(
    r"(?<![a-z])(?:bank|banque|banco|banca|sparkasse|kasse|credit|kredit)|bank(?![a-z])"
)


def _name_before_contact(part: str, holder: bool = False) -> str | None:
    """The company name (with a legal form) at the start of a legal or VAT line: "Acme Ltd, VAT No.
    IE63…" → "Acme Ltd", "Acme GmbH · USt-IdNr. …" → "Acme GmbH"; None without a legal form."""
    if sum(c.isalpha() for c in part) < 4:
        return None  # an amount or a code: no name (most parts of a footer's item rows)
    payee = ACCOUNT_HOLDER_LABEL.search(fold(part))
    if payee is not None:
        part = part[payee.end() :].strip(" :")  # "Please make checks payable to Acme LLC."
    contact = _CONTACT.search(part.lower())
    named = _through_legal_form(part)
    if (
        contact is not None
        and contact.end() <= len(named) < len(part)
        and not _CONTACT_VALUE.match(part, contact.end())
    ):
        # "Skyline Mobile Ltd, …": a contact word inside a name that ends at its legal form is the name's.
        contact = _CONTACT.search(part.lower(), len(named))
    if contact is not None and not holder and _BANK_WORD.match(part.lower(), contact.start()):
        return None  # "Commerzbank AG, IBAN …": the bank, not the issuer
    head = part if contact is None else part[: contact.start()]
    head = _NAME_END.sub("", _through_legal_form(head)).strip()
    if not head or ":" in head or head.count(",") > 1:
        return None
    folded = head.lower()
    form = _LEGAL_FORM.search(folded)
    if form is None or sum(c.isalpha() for c in head) < 4 or form.start() == 0:
        return None
    if _prose(head[: form.start()]):
        return None  # "All services are provided by Acme GmbH": a sentence, the name is in it
    if not holder and _BANK_NAME.search(folded):
        return None
    return head


# What follows a name's legal form when the name has ended: a separator ("Acme Ltd, 1 Canal Street",
# "Acme Ltd · VAT …") or prose in lower case ("Murphy & Keane LLP is regulated by …").
_AFTER_NAME = lazy_compile(r"\s*[,;·•|(]|\s*\.?\s+[a-z]")
_FORM_GAP = lazy_compile(r",?\s+")
# A sentence's full stop after the name ("Acme Ltd. Registered in England …").
_NEXT_SENTENCE = lazy_compile(r"\.?\s+[A-Z][a-z]")
_NAME_WORD = lazy_compile(
    r"[^\w]*(?:[A-Z\d]|(?:&|and|und|et|e|y|de|del|der|den|van|von|di|da|do|du|la|le|of)$)"
)


def _prose(text: str) -> bool:
    """Words of a sentence, not of a name: three words in lower case that no name particle explains
    ("Products on this invoice are sold by …"), or two among five words or more or before a full stop."""
    words = text.split()
    lower = [
        w for w in words if len(w) > 1 and w == w.lower() and w[:1].isalpha() and not _NAME_WORD.match(w)
    ]
    if len(lower) < 2:
        return False
    # Legal forms in lower case ("Sp. z o.o.", "s.r.l.") are no prose.
    plain = set(_LEGAL_FORM.sub(" ", fold(text)).split())
    count = sum(1 for w in lower if fold(w) in plain)
    return count >= 3 or (count >= 2 and (len(words) >= 5 or text.rstrip().endswith(".")))


def _through_legal_form(text: str) -> str:
    """``text`` up to the legal form its name ends with: a footer sentence runs on after the name
    ("Skyline Mobile Ltd, 1 Canal Street, …", "Murphy & Keane LLP is regulated …"); a form followed by
    more name ("Acme GmbH & Co. KG") does not end it, and a form in lower-case prose ("… as always")
    is no name's."""
    folded = text.lower()
    for form in _LEGAL_FORM.finditer(folded):
        if form.start() == 0 or form.end() == len(text):
            continue
        after = text[form.end() :]
        if after == ".":
            return text[: form.end()]  # "… Exteriors LLC.": the sentence ends with the name
        if not (_AFTER_NAME.match(after) or (_NEXT_SENTENCE.match(after) and folded[form.end() - 1] == ".")):
            continue
        if (gap := _FORM_GAP.match(folded, form.end())) and _LEGAL_FORM.match(folded, gap.end()):
            continue  # "ABC Trading Co., Ltd.": a second form follows, the name goes on
        printed = text[form.start() : form.end()]
        words = text[: form.start()].split()
        if (printed.islower() and "." not in printed) or not all(_NAME_WORD.match(w) for w in words):
            return text
        return text[: form.end()]
    return text


def _vat_line_name(ctx: PageContext, identifiers: list[Identifier], table_top: float | None) -> str | None:
    """The issuer named on the line of its VAT id ("Acme Ltd · VAT IE6388047V")."""
    for ident in identifiers:
        if ident.kind not in ("vat", "gstin"):
            continue
        line = ctx.lines[ident.line]
        seg_start, _ = line.segment_span(ident.start)
        before = line.folded[seg_start : ident.start]
        if RECIPIENT_VAT_HINT.search(before[-40:]) or labelled_owner(before) == "recipient":
            continue
        if section_owner(ctx.lines, ident.line, ident.start, table_top) == "recipient":
            continue  # under the buyer's heading: its name is the customer's
        for part in _SENDER_SEPARATORS.split(line.text[seg_start : ident.start]):
            name = _name_before_contact(part)
            if name is not None:
                return name
    return None


def _plain_holder(text: str) -> str | None:
    """A payee's name without legal form ("Lena Hoffmann · IBAN …", "Claire Fontaine Illustration"): the
    capitalised words before any separator or contact data; None for a sentence, a code or nothing."""
    head = _SENDER_SEPARATORS.split(text)[0]
    bank = _BANK_CONTEXT.search(head.lower())
    if bank is not None and (bank.start() == 0 or head[bank.start() - 1] == " "):
        head = head[: bank.start()]  # "Paper Crane Studio Sort code 20-00-00": the bank data follows
    if (contact := _CONTACT.search(head.lower())) is not None:
        head = head[: contact.start()]
    head = _NAME_END.sub("", head.split(",")[0]).strip()
    words = head.split()
    if not 1 <= len(words) <= 6 or ":" in head or any(c.isdigit() for c in head) or _prose(head):
        return None
    if not words[0][:1].isupper() or sum(c.isalpha() for c in head) < 4:
        return None
    return head


def _account_holder(ctx: PageContext, plain: bool = False) -> str | None:
    """The payee named beside the bank details ("Account holder: Acme Ltd", "Kontoinhaber: …"); with
    ``plain``, a name without legal form too."""
    for line in ctx.lines:
        for seg_start, seg_end in line.segments():
            m = ACCOUNT_HOLDER_LABEL.match(line.folded, seg_start)
            if m is None or m.start() != seg_start:
                continue
            text = line.text[m.end() : seg_end].strip(" :")
            x0, x1 = line.span_x(seg_start, seg_end)
            for below in ctx.lines[line.index + 1 : line.index + 3]:
                if text:
                    break
                text = _segment_text(below, x0, x1 + 60) or ""
                if sum(c.isdigit() for c in text) > sum(c.isalpha() for c in text):
                    text = ""  # "Konto / Zahlbar an" over the IBAN, the name under it (a QR-bill)
            # "Account holder: Acme Ltd, IBAN …": the name ends where the bank data starts.
            name = _name_before_contact(text, holder=True) if text else None
            if name is None and plain and text:
                name = _plain_holder(text)
            if name is not None:
                return name
    return None


# "All payments to be made in favour of", "zugunsten von", "en faveur de", "a favor de", "a favore di",
# "ten gunste van", "payable to": the payee (the issuer) follows, in a sentence or on the line below.
_PAYEE_PHRASE = lazy_compile(
    r"(?<![a-z])(?:in\s+(?:the\s+)?favou?r\s+of|zu\s?gunsten(?:\s+von)?|en\s+faveur\s+de|"
    r"au\s+profit\s+de|a\s+favor\s+de|a\s+favore\s+di|ten\s+gunste\s+van|payable\s+to|made\s+out\s+to|"
    r"a\s+l'ordre\s+de|"
    # Who sells or provides, said in a sentence: "All services are sold by …", "erbracht von der …".
    r"(?:sold|provided|supplied|operated|rendered)\s+by|(?:verkauft|erbracht|geliefert)\s+(?:von|durch)|"
    r"(?:vendu|fourni|assure|opere)e?s?\s+par|(?:vendid|prestad|suministrad)[oa]s?\s+por|"
    r"(?:vendut|fornit|erogat)[oaie]\s+da|(?:verkocht|geleverd)\s+door)(?![a-z])\s*:?\s*"
    # An article before the name: "zugunsten der …", "sold by the …", "vendu par la société …".
    r"(?:(?:the|der|die|das|des|dem|la|le|les|el|il|lo|het|de)(?:\s+|$))?(?:(?:societe|firma|company)\s+)?"
)
# Word stems one of those phrases holds: a quick test that skips the lines without any (most of a page).
_PAYEE_STEMS = lazy_compile(
    r"fav|gunst|payable|made\s+out|ordre|profit|sold|provided|supplied|operated|rendered|verkauft|erbracht|"
    r"geliefert|vendu|fourni|assur|oper|vendid|prestad|suministr|vendut|fornit|erogat|verkocht|geleverd"
)


def _labelled_name_below(ctx: PageContext, limit: float) -> str | None:
    """The name under a seller's label printed below the items ("Service provider:", "Dienstleister:",
    "Vendu par :" in a footer box)."""
    if limit >= ctx.page.height:
        return None  # the labels above the table were all searched
    for _, block in _labelled_blocks(ctx, ISSUER_LABEL, ctx.page.height):
        if block.line_indexes and ctx.lines[block.line_indexes[0]].top >= limit and block.name:
            return block.name
    return None


def _payee_in_sentence(ctx: PageContext) -> str | None:
    """The company (with its legal form) a payment sentence names as payee: after the phrase on its
    line, or on the line right under it when the sentence breaks there."""
    for line in ctx.lines:
        if _PAYEE_STEMS.search(line.folded) is None:
            continue
        for seg_start, seg_end in line.segments():
            m = _PAYEE_PHRASE.search(line.folded, seg_start, seg_end)
            if m is None:
                continue
            text = line.text[m.end() : seg_end].strip(" :")
            if not text and line.index + 1 < len(ctx.lines):
                below = ctx.lines[line.index + 1]
                if below.top - line.bottom < 1.5 * line.height:
                    x0, x1 = line.span_x(seg_start, seg_end)
                    text = _segment_text(below, x0, x1) or ""
            name = _name_before_contact(text, holder=True) if text else None
            if name is not None:
                return name
    return None


# Lines of a company's legal footer: registered office, register court and number, share capital,
# board, corporate identity number, in the lexicon's languages.
# No look-behind in front: the search then skips quickly to the words' first letters (see _registry_line).
_REGISTRY_LINE = lazy_compile(
    r"(?:regd\.?\s+office|registered\s+(?:office|address|in)|company\s+(?:no|number|reg)|"
    r"corporate\s+office|head\s+office|siege\s+social|sitz\s+der\s+gesellschaft|registergericht|"
    r"handelsregister|amtsgericht|hrb|hra|capital\s+social|share\s+capital|stammkapital|grundkapital|"
    r"capitale\s+sociale|sede\s+legale|domicilio\s+social|(?:registro|reg\.)\s+mercantil|rcs|siren|siret|kvk|cin|"
    r"vorstand|aufsichtsrat|geschaftsfuhrer(?:in)?|managing\s+director|gerant|amministratore)(?![a-z])"
)


def _registry_line(folded: str) -> bool:
    """True when ``folded`` holds a legal footer's word at a word start."""
    return any(m.start() == 0 or not folded[m.start() - 1].isalpha() for m in _REGISTRY_LINE.finditer(folded))


_CLOSING_LINES = 3  # the lines that end a page's text: where a short page prints its legal footer


def _registered_name(ctx: PageContext, recipient: Block) -> str | None:
    """The company name (with a legal form) on a legal footer line of the lower page half or on one of
    the two lines above it ("Acme Private Limited" over "Registered Office: …"). A short page's legal
    lines close its text wherever that ends: the page's last lines count too."""
    closing = len(ctx.lines) - _CLOSING_LINES
    for line in ctx.lines:
        low = line.top >= ctx.page.height * 0.5 or (line.index >= closing and line.top > ctx.page.height / 4)
        if not low or not _registry_line(line.folded):
            continue
        for near in (line, *reversed(ctx.lines[max(0, line.index - 2) : line.index])):
            if line.top - near.bottom > 3 * line.height:
                continue
            for seg_start, seg_end in near.segments():
                if _overlaps(recipient, [near.index], *near.span_x(seg_start, seg_end)):
                    continue
                for part in _SENDER_SEPARATORS.split(near.text[seg_start:seg_end]):
                    name = _name_before_contact(part)
                    if name is not None and not _registry_line(fold(name)):
                        return name
    return None


# A postal-code line: "75008 Paris", "1016 DG Amsterdam", "Austin, TX 78701", "London EC1A 1BB", "D-80331".
_POSTAL_LINE = lazy_compile(
    # A code of 4-6 digits, not a piece of a hyphenated account or phone number ("1122-3344-55").
    r"(?<![\d.,])(?<!\d-)\d{4,6}(?![\d.,]|-\d)|(?<![A-Za-z])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![A-Za-z])|"
    r"(?<![A-Za-z])[A-Z]{2}\s\d{5}(?:-\d{4})?(?!\d)|"
    # "111 51 Stockholm" (SE, CZ, SK, GR), "00-950 Warszawa", "1000-001 Lisboa", "H3B 2Y5" (CA).
    r"(?<![\d.,])\d{3}\s\d{2}\s+[^\W\d]|(?<![\d.,-])\d{2,4}-\d{3}(?![\d.,-])|"
    r"(?<![A-Za-z\d])[A-Z]\d[A-Z]\s?\d[A-Z]\d(?![A-Za-z\d])|"
    # Irish Eircode ("D02 X285", "T12 X8Y2"), and the postal districts and counties Irish addresses
    # print instead ("Dublin 4", "Dublin 6W", "Co. Kildare").
    r"(?<![A-Za-z\d])[A-Z]\d[\dW]\s[A-Z\d]{4}(?![A-Za-z\d])|"
    r"(?<![A-Za-z])Dublin\s\d{1,2}W?(?![\dA-Za-z])|(?<![A-Za-z])Co\.\s[A-Z][a-z]{3,}"
)
# "For the attention of" heading a block: the person, not the party ("ATIN:": a scan's T read as I).
_FOR_ATTENTION = lazy_compile(
    r"(?:f\.?a\.?o\.?|at[ti]n\.?|attention|z\.\s?hd\.?|zu\s+handen|a\s+l'attention(?:\s+de)?|t\.a\.v\.?|att\.?n?|"
    + _CARE_OF
    + r")\s*:?(?![a-z])"
)
# A line addressing a person inside a postal block ("Attn: …", "z. Hd. …", "Herrn …", "Mr …"): the
# block is where the letter goes, the recipient's, never the sender's letterhead.
_ATTENTION = lazy_compile(
    r"^(?:attn\.?|attention|z\.\s?hd\.?|zu\s+handen|herrn?|frau|mr\.?|mrs\.?|ms\.?|mme\.?|"
    r"monsieur|madame|mademoiselle|mlle\.?|senora?|srta\.?|signora?|gentile|egregio|mevrouw|de\s+heer|"
    r"a\s+l'attention|sr\.?|sra\.?|dhr\.?|mevr\.?|t\.a\.v\.?|sig\.?(?:ra)?\.?|att\.?\s*:?|"
    + _CARE_OF
    + r")(?![a-z])"
)


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def _overlaps(block: Block, line_indexes: list[int], x0: float, x1: float) -> bool:
    """True when lines of ``block`` are among ``line_indexes`` in the same column."""
    shared = set(block.line_indexes).intersection(line_indexes)
    return bool(shared) and horizontal_overlap(block.x0, block.x1, x0, x1) > 0


def _opens_with_field_label(ctx: PageContext, block: Block) -> bool:
    """True when the block's first line starts with a header field's label in the block's column: a
    heading over the invoice's own data ("Rechnungsdaten" over "Rechnungsnummer …"), not over a party."""
    if not block.line_indexes:
        return False
    index = block.line_indexes[0]
    span = _segment_at(ctx.lines[index], block.x0, block.x1)
    return span is not None and any(label.start == span[0] for label in ctx.header_labels.get(index, []))


def _has_labels(ctx: PageContext, block: Block) -> bool:
    """True when a header label (invoice number, date, due date) starts in the block's column on one of
    its lines: an address block holds none."""
    return _first_labelled(ctx, block) is not None


def _first_labelled(ctx: PageContext, block: Block) -> int | None:
    """Position in the block of the first line with a header label in the block's column, if any."""
    for k, index in enumerate(block.line_indexes):
        line = ctx.lines[index]
        span = _segment_at(line, block.x0, block.x1)
        if span and any(span[0] <= label.start < span[1] for label in ctx.header_labels.get(index, [])):
            return k
    return None


# "Name: Olivia Grant", "Guest name:", "Nom du client :" heading a customer's details without any block
# label (receipts of studios, hotels, practices). Not "Company name:": sellers print their details so too.
_PERSON_NAME_LABEL = lazy_compile(
    r"(?:(?:customer|client|guest|patient|member|passenger|student)\s+)?(?:name|nom|nombre|naam|nome)"
    r"(?:\s+(?:du|del|do)\s+(?:client|cliente))?\s*:\s*"
)


def _named_customer(ctx: PageContext, issuer: Block, limit: float) -> Block | None:
    """The person a "Name:" line names in the upper page when no labelled or unlabelled block was found."""
    taken = set(issuer.line_indexes)
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.45 or line.top >= limit:
            break
        if line.index in taken:
            continue
        for seg_start, seg_end in line.segments():
            m = _PERSON_NAME_LABEL.match(line.folded, seg_start)
            if m is None or m.start() != seg_start:
                continue
            name = name_head(line.text[m.end() : seg_end].strip())
            if sum(c.isalpha() for c in name) < 3 or any(c.isdigit() for c in name):
                continue
            if _same_name(name, issuer.name):
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            return Block([name], [line.index], 0.5, x0, x1)
    return None


def _address_block(ctx: PageContext, issuer: Block, limit: float, excluded: list[Block]) -> Block | None:
    """An unlabelled address block (window envelope without a return-address line): a name-like line
    followed by address lines with a postal code, in the upper part of the page, not the issuer's and
    not a delivery address (``excluded``). A block with phone, e-mail or VAT lines is a sender's: taken
    only when no other block qualifies."""
    senders: list[Block] = []
    loose: Block | None = None
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.45 or line.top >= limit:
            break
        labels = ctx.header_labels.get(line.index, [])
        for seg_start, seg_end in line.segments():
            if any(seg_start <= label.start < seg_end for label in labels):
                continue
            text = line.text[seg_start:seg_end].strip()
            folded = line.folded[seg_start:seg_end].strip()
            letters = sum(c.isalpha() for c in text)
            if letters < 3 or letters < len(text) / 2 or _TITLE.match(folded) or _contact(folded):
                continue
            if ":" in text or _starts_block_label(folded) or ISSUER_LABEL.match(folded):
                continue
            if (line.ocr and _garbled(text)) or _BLOCK_HEADING.fullmatch(folded):
                continue  # "PRIVATE & CONFIDENTIAL", "Herrn" over the block: the name is the next line
            x0, x1 = line.span_x(seg_start, seg_end)
            if any(_overlaps(other, [line.index], x0, x1) for other in [*excluded, *senders]):
                continue  # a delivery address beside the block, or a sender's block already seen
            block = _block_below(ctx, line, x0, x1, max_lines=5, named=True)
            if not block.lines or _overlaps(issuer, [line.index, *block.line_indexes], x0, x1):
                continue
            if _nameless_address(folded, block.lines[0]):
                continue  # "Am Hafen 19" over "20095 Hamburg": an address whose name is a logo
            labelled = _first_labelled(ctx, block)
            if (
                labelled is not None
                and len(line.segments()) == 1
                and len(text.split()) >= 2
                and any(_POSTAL_LINE.search(below) for below in block.lines[:labelled])
            ):
                # The address, then the header fields in its column with no gap between (an office
                # suite's HTML import stacks the two columns): the block ends at the first label. Only
                # under a name standing alone on its line (not a return-address strip, not OCR litter).
                del block.lines[labelled:], block.line_indexes[labelled:]
            elif labelled is not None:
                continue  # "Bill number …", "Bill date …" under a title: a column of header fields
            # British addresses put the postcode last, after street, locality and town.
            if not any(_POSTAL_LINE.search(text) for text in block.lines[:4]):
                if loose is None and _postcode_free_address(ctx, line, text, block):
                    block.lines.insert(0, text)
                    block.line_indexes.insert(0, line.index)
                    block.confidence = 0.5
                    loose = block
                continue
            block.lines.insert(0, text)
            block.line_indexes.insert(0, line.index)
            _company_before_person(block)
            if (
                len(block.lines) > 2
                and _heading_like(text)
                and _PERSON.fullmatch(block.lines[1])
                # "Ma jolie boutique" over its contact person: a shop's name, spelt by the page's e-mail
                # or web address ("majolieboutique.net"), is no box heading.
                and not _agrees_with_mail(folded, _mail_names(ctx))
            ):
                del block.lines[0], block.line_indexes[0]  # "Kaupandi" heading a box over "Jón Ólafsson"
            block.confidence = 0.6 + (0.1 if _LEGAL_FORM.search(fold(block.lines[0])) else 0.0)
            if _contact_lines(block):
                senders.append(block)
                continue
            return block
    if senders:
        senders[0].confidence = 0.5
        return senders[0]
    return loose


def _street_only(text: str) -> bool:
    """True when ``text`` is a street with its house number and no legal form: an address, no name."""
    folded = fold(text)
    return (
        bool(_STREET_LINE.fullmatch(folded))
        and any(c.isdigit() for c in folded)
        and _LEGAL_FORM.search(folded) is None
    )


def _nameless_address(folded: str, below: str) -> bool:
    """True when ``folded`` is a street line (no legal form) right over a postal-code line: an address
    block that starts without a name, as a company's own address under its logo image does."""
    return _street_only(folded) and _POSTAL_LINE.search(below) is not None


# A street line: a house number before or after the street's name ("220 Pier Road", "93B Harbour
# View", "Hafenstraße 3", "Via Roma 12/A", "3, impasse des Roses", "Office 12, Sheikh Zayed Road").
_STREET_LINE = lazy_compile(
    r"(?:.*\s)?\d{1,4}[a-z]?,?\s+[^\W\d_]{2,}.*|.*[^\W\d_]{3,}\.?\s+\d{1,4}[a-z]?(?:\s*[-/]\s*\d{1,4}[a-z]?)?(?:,.*)?"
)


def _postcode_free_address(ctx: PageContext, line: Line, name: str, block: Block) -> bool:
    """An address without a postal code (Hong Kong, Ireland, Gulf states, a town alone) in the window
    zone of the page: a name, a street line with its house number, then lines of words only (district,
    town, country)."""
    if not 0.1 * ctx.page.height <= line.top <= 0.4 * ctx.page.height or not 2 <= len(block.lines) <= 4:
        return False
    if _contact_lines(block) or _LABELLED_CODE.match(name) or any(c.isdigit() for c in name):
        return False
    street, *rest = block.lines
    return bool(_STREET_LINE.fullmatch(fold(street))) and all(
        not any(c.isdigit() for c in town) and sum(c.isalpha() for c in town) >= 3 for town in rest
    )


def _customer_account(ctx: PageContext, ident: Identifier) -> bool:
    """True when words before the IBAN on its line, or ending the line above when the sentence wraps,
    make it the customer's account ("… von Ihrem Konto / IBAN DE02 …", "debited from your account")."""
    line = ctx.lines[ident.line]
    seg_start = line.segment_span(ident.start)[0]
    # Only the IBAN's own sentence or field: "Please quote your account number. IBAN …" is the payee's.
    sentence = max(
        [seg_start, *(m.end() for m in _SENTENCE_END.finditer(line.folded, seg_start, ident.start))]
    )
    if CUSTOMER_ACCOUNT_HINT.search(line.folded, sentence, ident.start):
        return True
    if (
        sentence > seg_start
        or ident.line == 0
        or ctx.lines[ident.line - 1].folded.rstrip().endswith((".", ":"))
    ):
        return False
    above = ctx.lines[ident.line - 1]
    tail = above.folded[-60:]
    tail = tail[max([0, *(m.end() for m in _SENTENCE_END.finditer(tail))]) :]
    return line.top - above.bottom < line.height and CUSTOMER_ACCOUNT_HINT.search(tail) is not None


# The end of a sentence or of a field in a run of them ("… reference. IBAN …", "Bank: X | IBAN …").
_SENTENCE_END = lazy_compile(r"[.;!?]\s+|\s[|·•]\s")


def _debit_note(ctx: PageContext) -> bool:
    """True when a line of the page speaks of a direct debit or the customer's own account."""
    return any(CUSTOMER_ACCOUNT_HINT.search(line.folded) for line in ctx.lines)


def _legal_name_of(ctx: PageContext, name: str, recipient: Block) -> str | None:
    """The name printed elsewhere on the page with its legal form, starting with the letterhead's words
    ("Northbeam Analytics" → "Northbeam Analytics Inc.", a logo word "ACME" → "Acme Widgets GmbH"),
    outside the recipient's block; at most three more words before the form."""
    wanted = fold(" ".join(name.split()))
    for line in ctx.lines:
        if wanted not in line.folded:
            continue
        for seg_start, seg_end in line.segments():
            if (
                not line.folded.startswith(wanted, seg_start)
                or line.folded[seg_start + len(wanted) :][:1].isalnum()
            ):
                continue
            if _overlaps(recipient, [line.index], *line.span_x(seg_start, seg_end)):
                continue
            legal = _name_before_contact(line.text[seg_start:seg_end])
            if legal is None or len(legal) <= len(wanted):
                continue
            form = _LEGAL_FORM.search(fold(legal), len(wanted))
            if form is not None and len(legal[len(wanted) : form.start()].split()) <= 3:
                return legal
    return None


def _payment_slip_top(ctx: PageContext) -> float:
    """Top of a payment slip's heading in the lower half of the page ("PAYMENT ADVICE", "Zahlteil");
    the page height when there is none."""
    for line in ctx.lines:
        # Anywhere on the line: "Receipt   Payment part", two headings of one slip, may read as one cell.
        if line.top > ctx.page.height * 0.5 and PAYMENT_SLIP_HEADING.search(line.folded):
            return line.top
    return ctx.page.height


# A payment slip's party labels (the Swiss QR-bill's, in its four languages): "Account / Payable to"
# names the payee (the issuer) under its account, "Payable by" the payer (the customer).
_SLIP_PAYEE = lazy_compile(
    r"(?:konto|compte|conto|account)\s*/\s*(?:zahlbar\s+an|payable\s+a|pagabile\s+a|payable\s+to)"
)
_SLIP_PAYER = lazy_compile(r"zahlbar\s+durch|payable\s+par|pagabile\s+da|payable\s+by")
_ACCOUNT_NUMBER = lazy_compile(r"[A-Z]{2}\d{2}[\s\dA-Z]{10,}")


def _slip_name(ctx: PageContext, label: re.Pattern[str]) -> str | None:
    """The name a payment slip prints under ``label`` standing alone in its cell (an account number
    between them skipped): the slip's payee or payer."""
    slip = _payment_slip_top(ctx)
    if slip >= ctx.page.height:
        return None
    for line in ctx.lines:
        if line.top < slip - line.height:
            continue
        for seg_start, seg_end in line.segments():
            if not label.fullmatch(line.folded[seg_start:seg_end].strip()):
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            for below in ctx.lines[line.index + 1 : line.index + 6]:
                span = _segment_at(below, x0, max(x1, x0 + 100))
                if span is None:
                    continue
                text = below.text[span[0] : span[1]].strip()
                if _ACCOUNT_NUMBER.fullmatch(text):
                    continue
                return text if sum(c.isalpha() for c in text) >= 3 else None
    return None


def _block_named(ctx: PageContext, name: str, limit: float) -> Block | None:
    """The block above ``limit`` whose first line is ``name`` alone in its cell, with the address lines
    under it."""
    wanted = fold(name)
    for line in ctx.lines:
        if line.top >= limit:
            break
        for seg_start, seg_end in line.segments():
            if line.folded[seg_start:seg_end].strip() != wanted:
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            block = _block_below(ctx, line, x0, x1, max_lines=5, named=True)
            if block.lines and any(_POSTAL_LINE.search(text) for text in block.lines[:4]):
                return Block([name, *block.lines], [line.index, *block.line_indexes], 0.7, x0, x1)
    return None


def _contact_lines(block: Block) -> int:
    """Lines of the block with phone, e-mail, web or registry data."""
    return sum(1 for text in block.lines if _contact(fold(text)))


def _company_line(ctx: PageContext, recipient: Block, limit: float) -> str | None:
    """A line high on the page naming the company with its legal form before its address ("Sparkle
    Cleaning Ltd, 4 Mill Road, Cambridge CB1 2AD") under a logo word: the issuer's name."""
    taken = set(recipient.line_indexes)
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.35 or line.top >= limit:
            break
        if line.index in taken:
            continue
        for seg_start, seg_end in line.segments():
            text = line.text[seg_start:seg_end]
            parts = _SENDER_SEPARATORS.split(text)
            if len(parts) < 2:
                parts = _COMMA_PARTS.split(text)
            if len(parts) >= 2 and _return_address(parts):
                name = _name_before_contact(parts[0])
                if name is not None:
                    return name
    return None


def _footer_sender(ctx: PageContext) -> str | None:
    """The first part of a footer line laid out like a return address ("Lena Hofer Design | Ringstraße
    8 | 1010 Wien | …"): the sender's name when nothing else names it."""
    found = _footer_sender_line(ctx)
    return found[0] if found else None


def _footer_sender_line(ctx: PageContext) -> tuple[str, int] | None:
    """The sender's name of a footer line laid out like a return address, and the line's index."""
    top = _footer_top(ctx)
    for line in ctx.lines:
        if line.top < top:
            continue
        parts = _SENDER_SEPARATORS.split(line.text)
        if len(parts) >= 3 and _return_address(parts) and not _contact(fold(parts[0])):
            return parts[0].strip(), line.index
    return None


def _registered_footer_sender(ctx: PageContext, identifiers: list[Identifier]) -> str | None:
    """The sender named first on a footer line laid out like a return address that also prints a VAT
    id ("Studio Lindqvist · Hamngatan 4 · 111 47 Stockholm · Momsreg.nr SE…"): only the issuer prints
    its own tax registration in its footer."""
    found = _footer_sender_line(ctx)
    if found is None:
        return None
    name, index = found
    return name if any(i.line == index and i.kind in ("vat", "gstin") for i in identifiers) else None


def _window_taken_for_letterhead(ctx: PageContext, issuer: Block, footer: str | None) -> bool:
    """True when the letterhead guess is an address block at body size (a name over two address lines
    or more, no contact data) and only the footer's legal name agrees with the page's e-mail or web
    address."""
    if footer is None or _same_name(footer, issuer.name) or not _plain_address_block(ctx, issuer):
        return False
    names = _mail_names(ctx)
    # The footer's name is the one the page's e-mail or web address spells, or the one its legal lines
    # register ("Atelier Brun SAS" over "SAS au capital de … RCS Paris …"): ERP reports print the company
    # only there and the customer's block at body size where a letterhead would sit.
    return _agrees_with_mail(fold(footer), names) or _same_name(footer, _registered_name(ctx, Block()))


def _plain_address_block(ctx: PageContext, block: Block) -> bool:
    """True when the block is a name over two address lines or more at body size, without contact data
    and without the name the page's e-mail or web address spells: a customer's window, as a sender's
    letterhead is printed larger or carries its phone and e-mail."""
    if block.name is None or not block.line_indexes:
        return False
    if ctx.lines[block.line_indexes[0]].height > 1.15 * _median_height(ctx):
        return False  # printed larger than the body: a letterhead
    if len(block.lines) < 3 or _contact_lines(block):
        return False  # a name alone, or a block with the phone and e-mail lines of a business
    return not _agrees_with_mail(fold(block.name), _mail_names(ctx))


def _name_extends(short: str, full: str) -> bool:
    """True when ``full`` starts with all the words of ``short`` and has more ("KLARA" → "Klara Weber
    Textildesign")."""
    short_words, full_words = fold(short).split(), fold(full).split()
    return len(full_words) > len(short_words) and full_words[: len(short_words)] == short_words


def _addressed_person(ctx: PageContext, block: Block) -> bool:
    """True when the block is a person addressed by a salutation ("M.", "Frau", "Mrs") over a postal
    address, printed at body size with no contact data: a customer's window, not a sender's letterhead."""
    if len(block.lines) < 3 or not block.line_indexes or _contact_lines(block):
        return False
    line = ctx.lines[block.line_indexes[0]]
    m = _SALUTATION.match(line.folded)
    return (
        m is not None
        and line.height <= 1.15 * _median_height(ctx)
        and line.text[m.end() : m.end() + 1].isupper()
        and _LEGAL_FORM.search(line.folded) is None
        and any(_POSTAL_LINE.search(text) for text in block.lines[1:])
    )


def extract_parties(ctx: PageContext, identifiers: list[Identifier], table_top: float | None) -> Parties:
    """``table_top``: y of the items table header (or first row); party blocks sit above it, and above
    a tear-off payment slip."""
    # No checksum-confirmed VAT id or IBAN: one printed after its label with wrong check digits is the next
    # best (validation flags it).
    identifiers = [
        *identifiers,
        *unverified_vat_ids(ctx.lines, identifiers),
        *unverified_ibans(ctx.lines, identifiers),
    ]
    limit = ctx.page.height if table_top is None else table_top
    limit = min(limit, _payment_slip_top(ctx))
    recipient = _labelled_block(ctx, RECIPIENT_LABEL, limit)
    sender_name = None
    if recipient is None:
        sender = _sender_line_block(ctx)
        if sender is not None:
            sender_name, recipient = sender
            if ctx.lines[recipient.line_indexes[0]].top > limit:
                sender_name, recipient = None, None
    delivery_blocks = _delivery_blocks(ctx, limit)
    delivery = {index for block in delivery_blocks for index in block.line_indexes}
    issuer = _labelled_block(ctx, ISSUER_LABEL, limit)
    from_letterhead = issuer is None
    if issuer is None:
        excluded = delivery.union(recipient.line_indexes if recipient else [])
        issuer = _letterhead(ctx, excluded, limit) or Block()
    letterhead_lines = set(issuer.line_indexes) if from_letterhead else set()
    if recipient is None:
        recipient = _customer_number_block(ctx, delivery.union(issuer.line_indexes), limit)
    if recipient is None:
        recipient = _address_block(ctx, issuer, limit, delivery_blocks)
    if recipient is None:
        recipient = _named_customer(ctx, issuer, limit)
    recipient = recipient or Block()
    if (
        recipient.confidence <= 0.7
        and _contact_lines(issuer) == 0
        and _contact_lines(recipient) >= 2
        and any(_POSTAL_LINE.search(text) for text in issuer.lines[1:])
    ):
        # An unlabelled block with the phone, e-mail or VAT lines of a business is the sender's; the
        # postal address without any printed larger beside it is the customer's.
        issuer, recipient = (
            Block(recipient.lines, recipient.line_indexes, 0.6, recipient.x0, recipient.x1),
            issuer,
        )
        recipient.confidence = 0.55
    footer = _footer_name(ctx)
    if _same_name(footer, recipient.name) and not _same_name(footer, issuer.name):
        # The footer (bank and VAT data) belongs to the issuer: the blocks were read the wrong way round.
        issuer, recipient = recipient, issuer
    elif from_letterhead and not recipient.lines and _window_taken_for_letterhead(ctx, issuer, footer):
        # A body-size address block taken for the letterhead while the footer's legal name is the one the
        # page's e-mail or web address spells: the block is the customer's window, the footer the issuer's.
        recipient = Block(issuer.lines, issuer.line_indexes, 0.6, issuer.x0, issuer.x1)
        issuer = Block(lines=[footer or ""], confidence=0.72)
    elif (
        from_letterhead
        and not recipient.lines
        and (registered := _registered_footer_sender(ctx, identifiers)) is not None
        and not _same_name(registered, issuer.name)
        and _plain_address_block(ctx, issuer)
    ):
        # The only block up top is a plain address at body size and the footer, laid out like a return
        # address, prints the sender with its VAT id: the block is the customer's window.
        recipient = Block(issuer.lines, issuer.line_indexes, 0.6, issuer.x0, issuer.x1)
        issuer = Block(lines=[registered], confidence=0.6)
    elif from_letterhead and not recipient.lines and _addressed_person(ctx, issuer):
        # "M. Julien Moreau" over his street and town at body size: an addressee, never a letterhead.
        recipient = Block(issuer.lines, issuer.line_indexes, 0.6, issuer.x0, issuer.x1)
        issuer = Block()
    payee = _slip_name(ctx, _SLIP_PAYEE) if from_letterhead else None
    if payee and not _same_name(payee, issuer.name) and not _same_name(payee, recipient.name):
        # A payment slip names its payee, the issuer, under the account: a letterhead guess that is the
        # slip's payer or an address block at body size was the customer's window.
        payer = _slip_name(ctx, _SLIP_PAYER)
        window = _block_named(ctx, payer, limit) if payer and not recipient.lines else None
        if window is not None:
            # The slip's payer printed over an address up top: the customer's window.
            if set(window.line_indexes) & set(issuer.line_indexes) or not _LEGAL_FORM.search(
                fold(issuer.name or "")
            ):
                issuer = Block(lines=[payee], confidence=0.72)
            recipient = window
        elif not recipient.lines and (_same_name(payer, issuer.name) or _plain_address_block(ctx, issuer)):
            recipient = Block(issuer.lines, issuer.line_indexes, 0.6, issuer.x0, issuer.x1)
            issuer = Block(lines=[payee], confidence=0.72)
        elif issuer.name is None or not _LEGAL_FORM.search(fold(issuer.name)):
            issuer = Block(lines=[payee], confidence=0.72)
    issuer_has_form = bool(issuer.name and _LEGAL_FORM.search(issuer.name.lower()))
    if not issuer_has_form and issuer.name and (legal := _legal_name_of(ctx, issuer.name, recipient)):
        # "Northbeam Analytics" in the letterhead, "Northbeam Analytics Inc." over its address.
        issuer = Block(
            [legal, *issuer.lines[1:]], issuer.line_indexes, issuer.confidence, issuer.x0, issuer.x1
        )
        issuer_has_form = True
    if (
        not issuer_has_form
        and issuer.name
        and (holder := _account_holder(ctx, plain=True)) is not None
        and _name_extends(issuer.name, holder)
    ):
        # "KLARA" as the logo, "Klara Weber Textildesign" as the account's holder: the full name.
        issuer = Block(
            [holder, *issuer.lines[1:]], issuer.line_indexes, issuer.confidence, issuer.x0, issuer.x1
        )
    if not issuer_has_form and (owner := _owner_below(issuer)) is not None:
        # "Brightline" over "a division of Harbor Logistics Ltd": the legal owner is the issuer.
        issuer = Block(
            [owner, *issuer.lines[1:]], issuer.line_indexes, issuer.confidence, issuer.x0, issuer.x1
        )
        issuer_has_form = True
    if not issuer_has_form:
        # The letterhead may be a logo: the return-address line, the footer, the payee, a seller's block
        # under the items ("Service provider:") or the legal footer names the issuer. Tried in turn.
        billed = recipient
        hints: tuple[Callable[[], str | None], ...] = (
            lambda: sender_name,
            lambda: footer,
            lambda: _account_holder(ctx),
            lambda: _payee_in_sentence(ctx),
            lambda: _vat_line_name(ctx, identifiers, table_top),
            lambda: _company_line(ctx, billed, limit),
            lambda: _labelled_name_below(ctx, limit),
            lambda: _registered_name(ctx, billed),
        )
        for find in hints:
            hint = find()
            if hint and _LEGAL_FORM.search(hint.lower()) and not _same_name(hint, recipient.name):
                replaced = issuer
                issuer = Block(lines=[hint], confidence=0.72)
                if not recipient.lines and replaced.lines:
                    # The letterhead guess may have been the customer's window block (printed at body
                    # size, a brand's block is larger): look for it again.
                    window = _address_block(ctx, issuer, limit, delivery_blocks)
                    body_size = 1.15 * _median_height(ctx)
                    if window is not None and ctx.lines[window.line_indexes[0]].height <= body_size:
                        recipient = window
                break
    if issuer.name is None:
        # No letterhead and no name with a legal form anywhere (a freelancer, a studio): the return-address
        # line over the window or the bank account's holder still names the sender.
        for hint in (sender_name, _account_holder(ctx, plain=True)):
            if hint and not _same_name(hint, recipient.name) and sum(c.isalpha() for c in hint) >= 3:
                issuer = Block(lines=[hint], confidence=0.5)
                break
    if letterhead_lines and recipient.confidence < 0.85:
        numbered = _customer_number_block(ctx, delivery, limit)
        if (
            numbered is not None
            and issuer.line_indexes[:1] != numbered.line_indexes[:1]
            and not _same_name(numbered.name, issuer.name)
            and letterhead_lines.intersection(numbered.line_indexes)
        ):
            # The letterhead's block ran on into the customer's under its customer number ("Réf. client
            # 4711" over the addressee, right under a brand): the addressee is the recipient.
            recipient = numbered
            if len(issuer.lines) == len(issuer.line_indexes):
                keep = [k for k, i in enumerate(issuer.line_indexes) if i not in numbered.line_indexes]
                issuer = Block(
                    [issuer.lines[k] for k in keep],
                    [issuer.line_indexes[k] for k in keep],
                    issuer.confidence,
                    issuer.x0,
                    issuer.x1,
                )
    # A letterhead guess no larger than body text and without legal form (a tagline, a slogan) gives way
    # to the sender named first in a footer laid out like a return address.
    weak = issuer.name is None or (issuer.confidence <= 0.55 and not _LEGAL_FORM.search(fold(issuer.name)))
    if weak and (name := _footer_sender(ctx)) is not None and not _same_name(name, recipient.name):
        issuer = Block(lines=[name], confidence=0.5)  # the footer's first part, a guess
    recipient_lines = set(recipient.line_indexes)
    issuer_lines = set(issuer.line_indexes)
    issuer_name = (issuer.name or "").casefold()
    issuer_vat = recipient_vat = iban = bic = in_block_iban = None
    issuer_rank = -1
    for ident in identifiers:
        line = ctx.lines[ident.line]
        before = line.folded[: ident.start]
        if ident.kind in ("vat", "gstin"):
            in_block = ident.line in recipient_lines and recipient.x0 - 10 <= ident.x0 <= recipient.x1 + 10
            owner = labelled_owner(before)  # "Käufer USt-IdNr.", "TVA vendeur", "our VAT no."
            hinted = bool(RECIPIENT_VAT_HINT.search(before[-40:]))
            label = row_text(line, ident.start)
            if (
                not RECIPIENT_VAT_HINT.search(label)
                and labelled_owner(label) is None
                and info_block_owner(ctx.lines, ctx.header_labels, ident.line, ident.start) == "issuer"
            ):
                # A row of the sender's information block (with the invoice number and dates) printed
                # beside the recipient's address: words of the address column left of it do not count.
                owner, hinted = "issuer", False
            if owner is None and not hinted:
                # No party named beside it: the heading of the section it stands in ("Acheteur" over
                # "N° TVA …") names it, whichever section the page prints first.
                owner = section_owner(ctx.lines, ident.line, ident.start, table_top)
            for_recipient = in_block or owner == "recipient" or hinted
            if for_recipient and owner != "issuer":
                recipient_vat = recipient_vat or ident
                continue
            # The issuer's id: labelled as the seller's, in the issuer's block, or beside the issuer's name
            # (a footer line), wins over an id standing alone (which may belong to an unrecognised
            # recipient block).
            # An id named as a payment provider's or a bank's gives way even to one standing alone.
            seg_start, _ = line.segment_span(ident.start)
            rank = 0 if third_party(line.folded[seg_start : ident.start]) else 1
            if ident.line in issuer_lines or (issuer_name and issuer_name in line.text.casefold()):
                rank = 2
            if owner == "issuer":
                rank = 3
            if rank > issuer_rank:
                issuer_vat, issuer_rank = ident, rank
        elif ident.kind == "iban" and iban is None and not _customer_account(ctx, ident):
            labelled = (
                recipient.confidence >= 0.85
            )  # unlabelled blocks may be guesses running into bank lines
            if (
                labelled
                and ident.line in recipient_lines
                and recipient.x0 - 10 <= ident.x0 <= recipient.x1 + 10
            ):
                in_block_iban = in_block_iban or ident
                continue  # printed inside the customer's block: the customer's account (a SEPA mandate)
            iban = ident
        elif ident.kind == "bic" and bic is None:
            bic = ident
    if iban is None and in_block_iban is not None and not _debit_note(ctx):
        # The only IBAN on the page, under the customer's address in its column, and no word of a direct
        # debit anywhere: the payee's bank details printed below the address block, not a mandate.
        iban = in_block_iban
    return Parties(issuer, recipient, issuer_vat, recipient_vat, iban, bic)
