"""What the layouts of ``corpus/render_extra.py`` change in an invoice's content (not its drawing).

Only documents of those layouts call into this module, so the RNG streams of the legacy layouts' documents
stay exactly as they were.
"""

from __future__ import annotations

import dataclasses
import random
import string
from datetime import timedelta
from decimal import Decimal

from corpus.layouts import Layout
from corpus.locales_extra import CHARGES, EXTRA_LABELS, MARKETPLACES, TASKS
from corpus.spec import InvoiceSpec, Item, money

# Line discounts in percent; tests accept a line when amount = qty x price x (1 - d/100) for one of them.
DISCOUNT_STEPS = tuple(Decimal(d) for d in ("0", "0", "0", "0", "2", "3", "5", "10", "12.5", "15"))


TRAVEL_TASK = 5  # index of the travel-time task in locales_extra.TASKS: billed at half the hourly rate


def adapt_spec(rng: random.Random, spec: InvoiceSpec, layout: Layout) -> None:
    """Numbering, payment and flags the layout's kind of invoice has."""
    year = spec.issue_date.year
    if layout.style == "marketplace":
        # Marketplace orders are paid at checkout: no due date, no bank data on the page.
        spec.due_date, spec.payment_days = None, None
        spec.extra["bank_hidden"] = "1"
        spec.extra["shop"] = rng.choice(MARKETPLACES)
        spec.extra["order_no"] = (
            f"{rng.randint(100, 999)}-{rng.randint(1_000_000, 9_999_999)}-{rng.randint(1_000_000, 9_999_999)}"
        )
        spec.extra["order_date"] = (spec.issue_date - timedelta(days=rng.randint(0, 6))).isoformat()
    elif layout.style == "grid_kv":
        spec.extra["delivery_date"] = (spec.issue_date - timedelta(days=rng.randint(0, 10))).isoformat()
    elif layout.style == "landscape":
        spec.extra["delivery_date"] = (spec.issue_date - timedelta(days=rng.randint(1, 14))).isoformat()
    elif layout.style == "utility":
        spec.extra["charges_only"] = "1"
        spec.extra["account_no"] = (
            f"{rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(10, 99)}"
        )
        spec.extra["last4"] = str(rng.randint(1000, 9999))
        spec.invoice_number = f"{rng.randint(1, 9)}{rng.randint(0, 10**11 - 1):011d}"
        if not spec.credit_note and spec.due_date is None:
            spec.payment_days = 14
            spec.due_date = spec.issue_date + timedelta(days=14)
    elif layout.style == "letter":
        serial = rng.randint(1, 99)
        spec.invoice_number = f"{year}-{serial:02d}" + ("-G" if spec.credit_note else "")
        if spec.credit_note:
            spec.credit_ref = f"{year}-{rng.randint(1, 99):02d}"
        spec.extra["hourly"] = str(rng.choice((65, 80, 85, 95, 110, 120, 135, 150, 180)))
        spec.extra["recipient_vat"] = ""  # a letter names the client, not its VAT id
        if spec.credit_note:
            spec.extra["bank_hidden"] = "1"  # a refund letter names no account of the issuer
    elif layout.style == "india_b2b":
        yy = year % 100
        prefix = "CN" if spec.credit_note else rng.choice(("TI", "INV", "B2B"))
        spec.invoice_number = f"{prefix}-{yy}{yy + 1}-{rng.randint(1, 99999):05d}"
        spec.extra["recipient_vat"] = "1"  # B2B tax invoices always print the buyer's GSTIN
    elif layout.style == "us_boxed":
        spec.invoice_number = str(rng.randint(1001, 19999))
        spec.extra["rep"] = "".join(rng.choice(string.ascii_uppercase) for _ in range(2))
        spec.extra["ship_via"] = rng.choice(("UPS Ground", "FedEx", "USPS", "Pickup"))
        spec.extra["recipient_vat"] = ""  # US invoices print no tax id for the customer


def adapt_item(rng: random.Random, spec: InvoiceSpec, layout: Layout, item: Item, position: int) -> Item:
    """Reshape a generic item into what this kind of invoice lists (keeps the item's tax rate)."""
    sign = Decimal(-1) if spec.credit_note else Decimal(1)
    if layout.style == "marketplace":
        sku = "B0" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(8))
        price = money(Decimal(rng.randint(299, 49_999)) / 100) * sign
        return dataclasses.replace(item, code=sku, quantity=Decimal(rng.randint(1, 4)), unit_price=price)
    if layout.style in {"grid_kv", "landscape"}:
        unit = ""
        if layout.style == "landscape":
            unit = "uom_hours" if item.quantity != item.quantity.to_integral_value() else "uom_pcs"
        return dataclasses.replace(item, discount=rng.choice(DISCOUNT_STEPS), unit=unit)
    if layout.style == "utility":
        text = rng.choice(CHARGES[spec.language]).format(n=rng.randint(1, 24))
        price = money(Decimal(rng.randint(49, 8_999)) / 100) * sign
        period = "advance" if position % 3 == 0 else "arrears"
        return dataclasses.replace(
            item, description=text, quantity=Decimal(1), unit_price=price, code="", period=period
        )
    if layout.style == "letter":
        tasks = TASKS[spec.language]
        task_index = rng.randrange(len(tasks))
        hourly = Decimal(spec.extra["hourly"])
        if task_index == TRAVEL_TASK:
            hourly = hourly / 2
        task = tasks[task_index]
        hours = Decimal(rng.randint(1, 48)) / 2
        return dataclasses.replace(item, description=task, quantity=hours, unit_price=money(hourly) * sign)
    if layout.style == "india_b2b":
        # Whole quantities and prices in tens of rupees: every per-line CGST/SGST/IGST is exact to the paisa,
        # so the printed per-line taxes add up to the per-rate totals of the golden.
        price = Decimal(rng.randint(1, 1_500) * 10) * sign
        return dataclasses.replace(item, quantity=Decimal(rng.randint(1, 25)), unit_price=price)
    if layout.style == "us_boxed":
        code = f"{rng.choice(('SVC', 'HW', 'LIC', 'SUP'))}-{rng.randint(100, 999)}"
        return dataclasses.replace(item, code=code)
    return item


def finish_items(rng: random.Random, spec: InvoiceSpec, layout: Layout) -> None:
    """Lines drawn with the totals block (its height reserves room for them), e.g. shipping."""
    if layout.style == "marketplace":
        sign = Decimal(-1) if spec.credit_note else Decimal(1)
        price = Decimal(rng.choice(("3.99", "4.99", "5.90", "6.95", "9.99"))) * sign
        label = EXTRA_LABELS[spec.language]["shipping"]
        spec.items.append(Item(label, Decimal(1), price, spec.items[0].rate, code="SHIP"))
