"""Layout definitions: each is a combination of structural choices the renderer knows how to draw.

The first 13 layouts are tuning layouts (the last three of them were the first held-out set; extractor work
has since looked at them). The layouts after them are the current held-out set: each is drawn by its own
``style`` in ``corpus/render_extra.py`` with structures no tuning layout has, so a score on them says
something about vendors nobody wrote rules for. New layouts go at the END of ``LAYOUTS`` so documents of
the existing layouts keep their index, RNG stream and bytes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    id: str
    held_out: bool
    # keyvalue | plain | two_column | footer | us | india | letterhead | totals_left | inline | minimal
    # | boxes | sidebar | sentence
    header: str
    table: str  # grid | lines | none | banded | stacked
    columns: tuple[str, ...]  # pos, code, desc, qty, unit, rate, amount
    totals: str  # right | left | boxes
    font: str = "Helvetica"
    bold: str = "Helvetica-Bold"
    size: float = 9.0
    page: str = "A4"  # A4 | letter | A4_landscape
    footer_bank: bool = False
    logo: bool = False
    carried_forward: bool = False
    tax_summary: bool = False
    content_x0: float = 50.0
    content_x1: float = 545.0
    countries: tuple[str, ...] = ()  # restrict issuer countries (empty: any European)
    style: str = ""  # non-empty: drawn by corpus/render_extra.py (header, table, totals, footer)
    # Fresh held-out layout: drawn by corpus/render_fresh.py, scored only by ``accuracy.py --fresh``.
    fresh: bool = False


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "classic_ruled", False, "keyvalue", "grid", ("pos", "desc", "qty", "unit", "rate", "amount"), "right"
    ),
    Layout(
        "plain_unruled",
        False,
        "plain",
        "none",
        ("desc", "qty", "unit", "amount"),
        "right",
        font="Times-Roman",
        bold="Times-Bold",
        size=10,
    ),
    Layout(
        "two_column_header",
        False,
        "two_column",
        "lines",
        ("pos", "code", "desc", "qty", "unit", "amount"),
        "left",
    ),
    Layout(
        "footer_bank",
        False,
        "footer",
        "lines",
        ("pos", "desc", "qty", "unit", "rate", "amount"),
        "right",
        footer_bank=True,
        carried_forward=True,
    ),
    Layout(
        "us_compact",
        False,
        "us",
        "lines",
        ("desc", "qty", "unit", "amount"),
        "right",
        size=8.5,
        page="letter",
        content_x1=562.0,
        countries=("US",),
    ),
    Layout(
        "india_gst",
        False,
        "india",
        "grid",
        ("pos", "desc", "code", "qty", "unit", "amount"),
        "right",
        size=8.5,
        countries=("IN",),
    ),
    Layout(
        "letterhead_logo",
        False,
        "letterhead",
        "banded",
        ("desc", "qty", "unit", "rate", "amount"),
        "right",
        logo=True,
    ),
    Layout(
        "totals_left",
        False,
        "totals_left",
        "lines",
        ("pos", "desc", "qty", "unit", "rate", "amount"),
        "left",
        tax_summary=True,
    ),
    Layout(
        "banded_rows",
        False,
        "inline",
        "banded",
        ("pos", "code", "desc", "qty", "unit", "amount"),
        "right",
        footer_bank=True,
    ),
    Layout(
        "minimal_modern",
        False,
        "minimal",
        "none",
        ("desc", "qty", "unit", "rate", "amount"),
        "right",
        font="Times-Roman",
        bold="Times-Bold",
        size=9.5,
        carried_forward=True,
    ),
    # --- first held-out set, now tuning layouts (extractor work has looked at their failures) -------
    Layout(
        "boxed_labels_above",
        False,
        "boxes",
        "grid",
        ("pos", "desc", "qty", "unit", "rate", "amount"),
        "boxes",
    ),
    Layout(
        "sidebar_qty_first",
        False,
        "sidebar",
        "lines",
        ("qty", "desc", "unit", "amount"),
        "right",
        content_x0=190.0,
        content_x1=560.0,
        tax_summary=True,
    ),
    Layout(
        "stacked_items",
        False,
        "sentence",
        "stacked",
        ("desc", "amount"),
        "right",
        font="Courier",
        bold="Courier-Bold",
        size=8.5,
        logo=True,
    ),
    # --- held out: never develop, debug or tune an extractor on these --------------------------------
    Layout(
        "marketplace_order",
        True,
        "marketplace",
        "lines",
        ("code", "desc", "qty", "unit", "rate", "vat_amount", "amount"),
        "right",
        size=8.0,
        style="marketplace",
    ),
    Layout(
        "grid_header_discount",
        True,
        "grid_kv",
        "grid",
        ("pos", "desc", "qty", "unit", "discount", "amount"),
        "right",
        font="Times-Roman",
        bold="Times-Bold",
        size=9.5,
        style="grid_kv",
    ),
    Layout(
        "landscape_wide",
        True,
        "landscape",
        "lines",
        ("pos", "code", "desc", "uom", "qty", "unit", "discount", "rate", "amount"),
        "right",
        size=8.5,
        page="A4_landscape",
        content_x0=40.0,
        content_x1=802.0,
        carried_forward=True,
        style="landscape",
    ),
    Layout(
        "utility_statement",
        True,
        "utility",
        "none",
        ("desc", "period", "amount"),
        "right",
        size=8.5,
        content_x0=56.0,
        content_x1=540.0,
        style="utility",
    ),
    Layout(
        "consultant_letter",
        True,
        "letter",
        "none",
        ("desc", "qty", "unit", "amount"),
        "right",
        font="Times-Roman",
        bold="Times-Bold",
        size=11.0,
        content_x0=70.0,
        content_x1=525.0,
        style="letter",
    ),
    Layout(
        "india_b2b_lines",
        True,
        "india_b2b",
        "grid",
        (
            "pos",
            "desc",
            "code",
            "qty",
            "unit",
            "amount",
            "tax_rate_a",
            "tax_a",
            "tax_rate_b",
            "tax_b",
            "total",
        ),
        "right",
        size=7.0,
        content_x0=28.0,
        content_x1=567.0,
        countries=("IN",),
        style="india_b2b",
    ),
    Layout(
        "us_boxed_service",
        True,
        "us_boxed",
        "grid",
        ("code", "desc", "qty", "unit", "amount"),
        "right",
        font="Courier",
        bold="Courier-Bold",
        size=8.5,
        page="letter",
        content_x0=36.0,
        content_x1=576.0,
        countries=("US",),
        style="us_boxed",
    ),
)

# --- fresh held out: no extractor engineer has measured these; scored only with accuracy.py --fresh --------
# Kept out of ``LAYOUTS`` (which the first 140 documents and their tests are defined over): documents from
# ``generate.FRESH_FIRST`` on cycle over these. Geometry and content live in corpus/render_fresh.py.
FRESH_LAYOUTS: tuple[Layout, ...] = tuple(
    Layout(layout_id, True, "fresh", "fresh", (), "fresh", style=f"fresh_{layout_id}", fresh=True, **geometry)
    for layout_id, geometry in (
        ("facture_mentions_fr", {"size": 8.5, "content_x0": 45.0, "content_x1": 550.0}),
        ("fattura_riepilogo_it", {"size": 7.0, "content_x0": 30.0, "content_x1": 565.0}),
        ("handwerker_lohnanteil_de", {"size": 9.5, "content_x0": 70.0, "content_x1": 540.0}),
        ("nordic_einvoice_slip", {"size": 8.0, "content_x0": 40.0, "content_x1": 555.0}),
        ("saas_amount_due_us", {"size": 8.0, "page": "letter", "content_x0": 48.0, "content_x1": 564.0}),
        ("hotel_folio_uk", {"font": "Times-Roman", "bold": "Times-Bold", "size": 9.5}),
        ("wholesale_codes_multipage", {"size": 7.5, "content_x0": 30.0, "content_x1": 565.0}),
    )
)

# The 13 layouts the first corpus had: documents 0..LEGACY_DOCUMENTS-1 cycle over them exactly as before.
LEGACY_LAYOUT_COUNT = 13
LEGACY_LAYOUTS = LAYOUTS[:LEGACY_LAYOUT_COUNT]
ADDED_LAYOUTS = LAYOUTS[LEGACY_LAYOUT_COUNT:]

ALL_LAYOUTS = LAYOUTS + FRESH_LAYOUTS
LAYOUTS_BY_ID = {layout.id: layout for layout in ALL_LAYOUTS}
