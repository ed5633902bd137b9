"""The names invoices give their value-added or sales tax, as the extraction's folded text spells them
(lower case, accents removed): one list for every reader of tax lines, so that a breakdown, a rate
column's head or a rate printed apart is recognised in every language our labels know."""

from __future__ import annotations

# VAT (en), TVA (fr, ro), IVA (es, it, pt), BTW (nl), MwSt./USt. (de), GST, moms (sv, da), MVA (no), ALV
# (fi), DPH (cs, sk), PVM (lt), PVN (lv), KDV (tr), IGIC (Canary Islands), DDS/ДДС (bg), DDV (sl), PDV
# (hr, sr, bs), ÁFA (hu), ΦΠΑ (el), НДС (ru, uk).
VAT_NAMES = r"vat|tva|iva|btw|mwst|ust|gst|moms|mva|alv|dph|pvm|pvn|kdv|igic|dds|ddv|pdv|afa|φπα|ддс|ндс"
# Before and after a whole word: no letter of any script (digits, dots and spaces may touch it).
NO_LETTER_BEFORE = r"(?<![^\W\d_])"
NO_LETTER_AFTER = r"(?![^\W\d_])"
