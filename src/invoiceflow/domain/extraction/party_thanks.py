"""The shop a receipt thanks the customer for visiting ("Thank you for shopping at Walgreens", "Vielen
Dank für Ihren Einkauf bei Müller", "Merci de votre visite chez Carrefour"): tills print their logo as an
image, which a scan reads as noise, and the store's address line then looks like the letterhead; the
closing thanks names the issuer in words.
"""

from __future__ import annotations

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.lazy_re import lazy_compile

# The thanks and the particle before the shop's name (folded text); the name follows.
_THANKS = lazy_compile(
    r"(?<![a-z])(?:"
    r"thank(?:s|\s+you)\s+for\s+(?:(?:shopping|your\s+(?:purchase|visit|order|custom))\s+(?:at|with|in)|visiting"
    r"|choosing)"
    r"|(?:vielen\s+)?dank(?:e)?\s+f(?:u|ue)r\s+ihren\s+(?:einkauf|besuch)\s+(?:bei|im|in\s+der)"
    r"|merci\s+(?:(?:de\s+votre\s+visite|pour\s+votre\s+(?:achat|visite)|de\s+vos\s+achats)\s+(?:chez|a|au)"
    r"|d'avoir\s+choisi)"
    r"|gracias\s+por\s+(?:(?:su\s+(?:compra|visita)|comprar)\s+en|elegir(?:nos)?)"
    r"|grazie\s+per\s+(?:aver\s+scelto|(?:il\s+suo\s+|l')acquisto\s+(?:da|presso))"
    r"|bedankt\s+voor\s+(?:uw\s+(?:aankoop|bezoek)|het\s+winkelen)\s+bij"
    r"|obrigad[oa]\s+por\s+(?:escolher|(?:comprar|(?:a\s+)?sua\s+(?:compra|visita))\s+(?:na|no|em))"
    r"|tack\s+for\s+(?:ditt\s+kop|ditt\s+besok|att\s+du\s+handlade)\s+(?:hos|pa)"
    r"|tak\s+for\s+(?:dit\s+kob|besoget)\s+(?:hos|i)"
    r"|takk\s+for\s+(?:handelen|besoket)\s+(?:hos|pa)"
    r"|dziekujemy\s+za\s+zakupy\s+w"
    r"|paldies,?\s+ka\s+(?:iepirkaties|izvelejaties)"
    r")\s+"
)
# The shop's name: words up to the sentence's end, a comma, or the line's end.
_NAME = lazy_compile(
    r"[^\W\d_][\w&'.\-]*(?:\s+[\w&'.\-]+){0,4}?(?=\s*(?:[!.,;:]|$|\s+(?:and|und|et|y|e|en)\s))"
)
# Words that thank the reader for visiting the writer without naming it ("shopping with us").
_NO_NAME = lazy_compile(r"(?:us|our\s.*|uns|unserem\s.*|nous|nos|nosotros|noi|ons|oss|os|nas|nami|mums)")


def thanked_store(ctx: PageContext) -> str | None:
    """The name a "thank you for shopping at …" sentence gives, as printed; None when there is none."""
    for line in ctx.lines:
        thanks = _THANKS.search(line.folded)
        if thanks is None:
            continue
        name = _NAME.match(line.folded, thanks.end())
        if name is None or _NO_NAME.fullmatch(name.group()):
            continue
        return line.text[name.start() : name.end()].strip(" .,!")
    return None
