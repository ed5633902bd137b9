"""Layout definitions: each is a combination of structural choices the renderer knows how to draw.

Held-out layouts use structures no tuning layout has (labels above values in boxes and a totals row of
boxes; a sidebar with quantity-first columns; items as stacked blocks with a sentence header), so a score on
them says something about vendors nobody wrote rules for.
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
    page: str = "A4"  # A4 | letter
    footer_bank: bool = False
    logo: bool = False
    carried_forward: bool = False
    tax_summary: bool = False
    content_x0: float = 50.0
    content_x1: float = 545.0
    countries: tuple[str, ...] = ()  # restrict issuer countries (empty: any European)


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
    # --- held out: never tune an extractor on these ------------------------------------------------
    Layout(
        "boxed_labels_above", True, "boxes", "grid", ("pos", "desc", "qty", "unit", "rate", "amount"), "boxes"
    ),
    Layout(
        "sidebar_qty_first",
        True,
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
        True,
        "sentence",
        "stacked",
        ("desc", "amount"),
        "right",
        font="Courier",
        bold="Courier-Bold",
        size=8.5,
        logo=True,
    ),
)

LAYOUTS_BY_ID = {layout.id: layout for layout in LAYOUTS}
