"""What a party's name is, read from the line that holds it (``name_head``), and the word patterns
shared by every place a name is looked for (legal forms, contact data, salutations, departments, persons).

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

from functools import lru_cache

from invoiceflow.domain.extraction.layout import fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile

LEGAL_FORM = lazy_compile(
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
    # Austrian e.U., Polish sp.j./sp.k. and "Spółka z o.o." written out, Portuguese Unipessoal Lda, Nordic
    # ApS/ASA/Oyj, Czech v.o.s.
    r"e\.\s?u\.|sp\.\s?[jk]\.|unipessoal|asa|oyj|v\.o\.s\.|sp[oó][lł]ka\s+z\s*o\.?\s*o\.?|sp[oó][lł]ka\s+akcyjna|"
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
REAL_WORD = lazy_compile(r"[^\W\d_]{3,}")


def garbled(text: str) -> bool:
    """No word of four letters, and no legal form beside a three-letter word ("ABC AG" is a name,
    "xn se TD" is a logo even though "se" is a legal form)."""
    words = text.split()
    if any(REAL_WORD.search(w) and len(w) >= 4 for w in words):
        return False
    return not (any(REAL_WORD.search(w) for w in words) and LEGAL_FORM.search(text.lower()))


TITLE = lazy_compile(
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

CONTACT = lazy_compile(
    r"@|www\.|https?:|(?<![a-z])(?:tel|phone|fax|mobile|email|e-mail|web|iban|bic|swift|vat|ust|mwst|tva|"
    r"iva|btw|gst|gstin|uin|pan|cin|hrb|steuer|page|seite|pagina|siret|siren|rcs|kvk|nif|cif|p\.\s?iva|"
    r"abn|ein|tax\s+id|codice\s+fiscale|state\s+name|code)(?![a-z])"
)
# Contact words that also name trades ("Skyline Mobile Ltd", "Web Studio GmbH", "Code Crafters Ltd"):
# contact data only with a value after them ("Mobile: 0171 …", "Web www.…").
_NAME_SAFE_CONTACTS = frozenset({"mobile", "web", "code", "page", "phone", "pan"})


def has_contact_data(folded: str) -> bool:
    """True when ``folded`` holds contact or registry data (phone, e-mail, VAT, IBAN, …)."""
    for m in CONTACT.finditer(folded):
        if m.group(0) not in _NAME_SAFE_CONTACTS or CONTACT_VALUE.match(folded, m.end()):
            return True
    return False


# Separators that join a name to more text on one line: a letterhead or return-address strip ("Acme
# GmbH · Hauptstr. 1 · 12345 Berlin", "Acme Ltd | Company No. …"), a dash before an address or department.
# A form's dot leader filling the gap to its next field ("Ayala S.A. ........ R.I.F.: …") separates too.
_STRIP_SEPARATOR = lazy_compile(r"\s+[·•|]\s+|\s[·•|]|[·•|]\s|\s+[–—]\s+|\s-\s|\s*(?:\.{4,}|…{2,})\s*")
_DASH = lazy_compile(r"\s*[–—-]\s*$")
# "Care of" in several languages: c/o, Dutch "p/a" (per adres), French "aux bons soins de" (not "chez":
# it starts restaurant names), Italian "presso": the line after a person names the intermediary.
CARE_OF = r"c/o|p/a|per\s+adres|presso|aux\s+bons\s+soins\s+de"
# A tail addressing a person or an intermediary ("c/o Regus", "z. Hd. Frau Kessler", "Attn: Accounts").
_ATTENTION_TAIL = lazy_compile(
    r"[\s,;]+(?:" + CARE_OF + r"|z\.\s?hd\.?|zu\s+handen|attn\.?|attention|a\s+l'attention|t\.a\.v\.?|"
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
SALUTATION = lazy_compile(
    r"(?:(?:herrn?|frau|familie|monsieur|madame|mademoiselle|mme\.?|mlle\.?|m\.|mr\.?|mrs\.?|ms\.?|mx\.?|"
    r"miss|sr\.|sra\.|srta\.|sr|sra|d\.|dna\.?|dhr\.?|mevr\.?|mw\.|sig\.(?:ra|na)?\.?|sig|sigra|"
    # Polish and Czech "Pan" / "Pani" / "Paní", Nordic "Hr." / "Fru".
    r"pan|pani|panu|hr\.|fru)\s+)+"
)
# A name opening with two initials ("D. J. Smith").
_INITIALS = lazy_compile(r"[^\W\d_]\.\s*[^\W\d_]\.\s")
# Words addressing a company before its name ("Firma Elektro Haas e.K.", "Spett.le Rossi S.r.l.", "Messrs
# Patel Ltd", "M/s Sharma Traders"): never part of the name.
_COMPANY_SALUTATION = lazy_compile(r"(?:firma|spett(?:\.\s?le|\.|abile)|messrs\.?|m/s\.?)\s*[:,]?\s+")
# A brand over its legal owner: "Brightline — a division of Harbor Logistics Ltd", "Kornblume, eine Marke
# der Korn GmbH", "une marque de …", "part of …": the legal name follows the phrase.
OWNED_BY = lazy_compile(
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


def _strip_salutation(head: str) -> str:
    """``head`` without the salutation or title before a person's name, or the word addressing a company.
    A person's salutation before a name with a legal form stays ("Mr Price Ltd" is a company's name)."""
    folded = fold(head)
    if (m := _COMPANY_SALUTATION.match(folded)) is not None and sum(
        c.isalpha() for c in head[m.end() :]
    ) >= 3:
        return head[m.end() :]
    m = SALUTATION.match(folded)
    if _INITIALS.match(head):
        return head  # "D. J. Smith", "M. A. Kowalski": initials, not "D." (Don) or "M." (Monsieur)
    if m is None or not head[m.end() : m.end() + 1].isupper() or LEGAL_FORM.search(folded, m.end()):
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
    if (m := _TITLE_OF.match(folded)) is not None and LEGAL_FORM.search(folded, m.end()):
        return head[m.end() :]
    if (m := OWNED_BY.search(folded)) is not None:
        owner = head[m.end() :].strip(" )")
        if LEGAL_FORM.search(fold(owner)) and sum(c.isalpha() for c in owner) >= 3:
            return owner
    if (m := _TRADING_AS.search(folded)) is not None and LEGAL_FORM.search(folded, 0, m.start()):
        return head[: m.start()]
    if head.endswith(")") and "(" in head:
        inner = head[head.rindex("(") + 1 : -1]
        outer = head[: head.rindex("(")]
        if (
            LEGAL_FORM.search(fold(inner))
            and not LEGAL_FORM.search(fold(outer))
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


def form_bracket_end(folded: str, end: int) -> int:
    """Where a legal form ending at ``end`` ends with its own bracket ("UG (haftungsbeschränkt)", "GmbH
    (i.L.)", "Pty (Ltd)"): after the bracket, else ``end``."""
    if (bracket := _BRACKETED.match(folded, end)) is not None and (
        _LEGAL_STATUS.fullmatch(inner := bracket.group(1).strip()) or LEGAL_FORM.fullmatch(inner)
    ):
        return bracket.end()
    return end


def forms_only(folded: str) -> bool:
    """Folded text made of legal forms alone, with their own brackets ("lda.", "unipessoal lda.",
    "spol. s r.o.", "ug (haftungsbeschrankt)")."""
    rest = _BRACKETED.sub(
        lambda m: "" if _LEGAL_STATUS.fullmatch(m.group(1).strip()) else m.group(0),
        LEGAL_FORM.sub("", folded),
    )
    return rest != folded and not any(c.isalnum() for c in rest)  # a form or status taken, nothing else left


def ends_with_form(part: str) -> bool:
    """True when ``part`` ends with a legal form: a comma part that is the rest of a company's name
    ("Kanzlei Weber, Partner 3 mbB", "Müller, 2. Generation GmbH"), not an address."""
    folded = fold(part).rstrip()
    return any(m.end() >= len(folded.rstrip(".")) for m in LEGAL_FORM.finditer(folded))


def _through_form(head: str) -> str:
    """``head`` up to its legal form when an address, digits, contact data, a department, a person or a tag
    line follow it ("Harbor Foods Ltd. 12 Quay Street", "Nordlicht GmbH Tel. 040 …", "Weber GmbH Abt.
    Einkauf", "Atelier Brun SARL, votre partenaire", "Acme AS Org.nr. 912 …"); a form followed by more
    name or another form ("GmbH & Co. KG", "Sp. z o.o. Sp. k.", "Acme Holdings, Inc.") goes on."""
    folded = fold(head)
    words = folded.split()
    if len(words) < 3 or LEGAL_FORM.fullmatch(words[-1]):
        return head  # the line ends with a legal form (most names): nothing runs on after it
    forms = [
        form
        for form in LEGAL_FORM.finditer(folded)
        # A form in lower case without a dot is a word ("trading as"), not a form.
        if form.start() > 0 and not (head[form.start() : form.end()].islower() and "." not in form.group(0))
    ]
    for k, form in enumerate(forms):
        end = form.end()
        if end >= len(head) or sum(c.isalpha() for c in head[: form.start()]) < 2:
            continue
        if (gap := FORM_GAP.match(folded, end)) and LEGAL_FORM.match(folded, gap.end()):
            continue  # a second form follows
        if (bracketed := form_bracket_end(folded, end)) > end:
            # The form's own bracket: "UG (haftungsbeschränkt)", "GmbH (i.L.)", "Pty (Ltd)".
            end = bracketed
            if end >= len(head):
                continue
        rest = folded[end:]
        lead = rest.lstrip(" .,;|·•–—-")
        if (
            _FORM_THEN_MORE.match(rest)
            or ((contact := CONTACT.match(lead)) is not None and contact.start() == 0)
            or DEPARTMENT.match(lead)
            or ATTENTION.match(lead)
            or (k == len(forms) - 1 and _RUN_ON_DATA.search(rest))
        ):
            return head[:end]
    return head


def _tag_line(text: str) -> bool:
    """A slogan after a dash or bar ("Ihr Partner für Design", "Your partner for growth"): three words or
    more, one of them in lower case and no name particle ("Smith - Jones & Partners" is a name)."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return len(words) >= 3 and any(w.islower() and w not in PARTICLES | _JOINING_WORDS for w in words)


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
            or has_contact_data(fold(rest))
            or LEGAL_FORM.search(fold(first))
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
            or LEGAL_FORM.search(fold(head[: comma.start()]))
        )
        and not ends_with_form(head[comma.end() :].split(",")[0])
    ):
        head = head[: comma.start()]
    head = _through_form(head)
    if (tail := _CONTACT_RUN_ON.search(head)) is not None and PERSON.fullmatch(head[: tail.start()].strip()):
        head = head[: tail.start()]  # "Ravi Kumar ravi.kumar@example.com", "Jane Doe +44 7700 900123"
    return head.strip(" ,;:·•|/–—-").rstrip(" ([") or text.strip()


# An office of the customer over its name: "Abteilung Finanzen", "Accounts Payable", "Service
# comptabilité", "Departamento de compras", "Afdeling crediteuren", "Ufficio amministrazione".
DEPARTMENT = lazy_compile(
    r"(?<![a-z])(?:abteilung|abt\.|department|dept\.?|division|accounts?\s+(?:payable|department)|"
    r"finance|buchhaltung|kreditoren\w*|einkauf|purchasing|procurement|service\s+(?:comptab\w*|achats?|"
    r"financier)|comptabilite|departamento|dpto\.?|afdeling|crediteuren\w*|ufficio|reparto|amministrazione|"
    r"avdelning|ekonomi\w*|osasto|dzial|oddeleni|kontabilitet\w*|racunovodstvo)(?![a-z])"
)
# Words in lower case inside a heading ("Laskun saaja", "Faktureras till"), not name particles.
PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "di", "da", "del", "la", "le", "du", "zu", "y", "e", "&", "and"}
)
# A person's name alone on a line: two or three capitalised words ("Jane Doe", "Anna-Lena de Vries" is
# not matched and stays, a rare miss rather than a company dropped).
PERSON = lazy_compile(
    r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?:\s[A-ZÀ-Ý]\.)?(?:\s[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?){1,2}"
)


# A copyright notice ("© 2024 Acme Ltd", "(c) AWV e.V. 2020"): the author of the page's design or of
# the software that drew it, never a party of the invoice.
COPYRIGHT = lazy_compile(r"\s*(?:©|\(c\)|copyright(?![a-z]))")


def name_like(text: str) -> bool:
    """Text that reads as a name: letters first, no colon, not contact data."""
    return bool(text) and text[0].isalpha() and ":" not in text and not has_contact_data(fold(text))


# A contact word followed by its value ("Mobile: 0171 …", "Tel. +49 …", "web www…").
# What follows a contact word when it labels a value; an Indian PAN's letters-and-digits form too ("PAN
# AAACX1234F"), as "Pan" alone is a Polish or Czech salutation ("Pan Piotr Mazur").
CONTACT_VALUE = lazy_compile(
    r"\s*[:.#]|\s*[\d+(]|\s+(?:www|http|[\w.]+@)|\s+[a-z]{5}\d{4}[a-z](?![a-z\d])|\s+(?:no|nr|number)(?![a-z])"
)

FORM_GAP = lazy_compile(r",?\s+")

NAME_WORD = lazy_compile(
    r"[^\w]*(?:[A-Z\d]|(?:&|and|und|et|e|y|de|del|der|den|van|von|di|da|do|du|la|le|of)$)"
)


def prose(text: str) -> bool:
    """Words of a sentence, not of a name: three words in lower case that no name particle explains
    ("Products on this invoice are sold by …"), or two among five words or more or before a full stop."""
    words = text.split()
    lower = [w for w in words if len(w) > 1 and w == w.lower() and w[:1].isalpha() and not NAME_WORD.match(w)]
    if len(lower) < 2:
        return False
    # Legal forms in lower case ("Sp. z o.o.", "s.r.l.") are no prose.
    plain = set(LEGAL_FORM.sub(" ", fold(text)).split())
    count = sum(1 for w in lower if fold(w) in plain)
    return count >= 3 or (count >= 2 and (len(words) >= 5 or text.rstrip().endswith(".")))


# A line addressing a person inside a postal block ("Attn: …", "z. Hd. …", "Herrn …", "Mr …"): the
# block is where the letter goes, the recipient's, never the sender's letterhead.
ATTENTION = lazy_compile(
    r"^(?:attn\.?|attention|z\.\s?hd\.?|zu\s+handen|herrn?|frau|mr\.?|mrs\.?|ms\.?|mme\.?|"
    r"monsieur|madame|mademoiselle|mlle\.?|senora?|srta\.?|signora?|gentile|egregio|mevrouw|de\s+heer|"
    r"a\s+l'attention|sr\.?|sra\.?|dhr\.?|mevr\.?|t\.a\.v\.?|sig\.?(?:ra)?\.?|att\.?\s*:?|"
    # Polish and Czech "Pan" / "Pani" / "Paní", "Do rąk", "K rukám"; Nordic "Fru", "Hr.".
    r"pan|pani|panu|do\s+r[aą]k|k\s+rukam|fru|hr\.|" + CARE_OF + r")(?![a-z])"
)


def same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()
