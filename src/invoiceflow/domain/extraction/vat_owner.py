"""Whose VAT id a label says it is: the words printed just before an id ("Käufer USt-IdNr.", "TVA
vendeur", "our VAT no.", a reverse-charge sentence naming "le preneur") tell the buyer's id from the
seller's when a page carries both."""

from __future__ import annotations

from typing import Literal

from invoiceflow.domain.extraction.lazy_re import lazy_compile

Owner = Literal["issuer", "recipient"]

# Folded (lower-case, accent-free) words naming the buyer; "empfanger" alone is also the payee of a bank
# line ("Zahlungsempfänger"), so only its buyer compounds count.
_BUYER_RE = lazy_compile(
    r"(?<![a-z])(?:recipient|bill(?:ed)?[\s\-]*to|buyer|purchaser|destinataire|acheteur|preneur|"
    r"destinatario|cessionario|committente|comprador|adquirente|(?:leistungs|rechnungs)empfangers?|"
    r"kaufers?|afnemer|koper|nabywc[ay]|odbiorc[ay])(?![a-z])"
)
# Words naming the seller, and the first person plural of its own letterhead ("our VAT no.").
_SELLER_RE = lazy_compile(
    r"(?<![a-z])(?:our|unsere?|notre|nostra|nuestro|onze|seller|supplier|vendor|issuer|vendeur|"
    r"fournisseur|prestataire|emetteur|verkaufers?|lieferanten?|leistungserbringers?|fornitore|cedente|"
    r"prestatore|proveedor|vendedor|emisor|leverancier|verkoper|sprzedawc[ay])(?![a-z])"
)
_WINDOW = 40  # characters before the id that its label may occupy


def labelled_owner(folded_before: str) -> Owner | None:
    """The party the label right before an id names (the nearer word when both are named), or None."""
    window = folded_before[-_WINDOW:]
    buyer = [m.end() for m in _BUYER_RE.finditer(window)]
    seller = [m.end() for m in _SELLER_RE.finditer(window)]
    if not buyer and not seller:
        return None
    return "recipient" if max(buyer, default=-1) > max(seller, default=-1) else "issuer"


# A payment provider, agent or bank named before an id: "processed by Lumen Pay Ltd, VAT …",
# "Bankverbindung: Nordbank AG, USt-IdNr. …" ("bank" also ends a bank's name: "Nordbank").
_THIRD_PARTY_RE = lazy_compile(
    r"(?:processed|collected|handled)\s+by|on\s+behalf\s+of|payment\s+(?:service\s+)?provider|"
    r"zahlungs(?:dienstleister|abwicklung)|im\s+(?:auftrag|namen)|pour\s+le\s+compte|per\s+conto|"
    r"en\s+nombre\s+de|por\s+cuenta\s+de|bank|banque|banco|banca|sparkasse"
)
# Where the naming stops: a separator of footer items, or the account itself (the issuer's, so what
# follows it is the issuer's again).
_ITEM_BREAK_RE = lazy_compile(r"[·|•;]|(?<![a-z])(?:iban|bic|swift|konto|account)(?![a-z])")


def third_party(folded_before: str) -> bool:
    """True when the text before an id on its segment names a payment provider, an agent or a bank as
    the party the id belongs to (no footer separator or account between them)."""
    window = folded_before[-80:]
    breaks = [m.end() for m in _ITEM_BREAK_RE.finditer(window)]
    return _THIRD_PARTY_RE.search(window, max(breaks, default=0)) is not None
