"""The second world set of the producer harness (``corpus/producers/html_world2.py``) says what it
prints: goldens that add up under each tax convention (prices incl. VAT, CGST + SGST, IRPF withheld,
reverse charge) and HTML that prints the golden's figures and the recipient the golden names."""

from __future__ import annotations

import random
from decimal import Decimal
from html import escape

import pytest
from corpus.producers.content import WORLD_LAYOUT_LANGUAGES, make_world_content
from corpus.producers.html import WORLD2_LAYOUTS, invoice_html
from corpus.producers.html_world2 import TaxContent


def _documents(layout: str, count: int = 6) -> list[TaxContent]:
    rng = random.Random(f"unit:{layout}")
    languages = WORLD_LAYOUT_LANGUAGES[layout]
    docs = []
    for i in range(count):
        content = make_world_content(
            f"u{i}-{languages[i % len(languages)]}-{layout}", layout, languages[i % len(languages)], rng
        )
        assert isinstance(content, TaxContent)
        docs.append(content)
    return docs


@pytest.mark.parametrize("layout", WORLD2_LAYOUTS)
def test_the_golden_adds_up_and_its_figures_are_printed(layout: str) -> None:
    for content in _documents(layout):
        entry = content.expected()
        fields = entry["fields"]
        net, tax, gross = (Decimal(fields[f"totals.{name}"]) for name in ("net", "tax", "gross"))
        assert gross == net + tax - content.withholding
        assert tax == sum((Decimal(line["amount"]) for line in entry["tax_lines"]), Decimal(0))
        html = invoice_html(content, layout)
        assert content.number in html
        assert content.money(content.gross) in html or content.num(content.gross) in html
        names = fields["recipient.name"]
        names = names if isinstance(names, list) else [names]
        assert any(escape(name, quote=False) in html for name in names)


def test_prices_incl_vat_have_a_base_of_gross_less_tax() -> None:
    for content in _documents("logo_inclusive"):
        (rate, base, tax), *others = content.tax_groups()
        assert not others  # one rate: the base can be known from what is printed
        assert base + tax == sum((line.amount for line in content.lines), Decimal(0))
        assert tax == (content.gross * rate / (100 + rate)).quantize(Decimal("0.01"))


def test_cgst_and_sgst_are_two_tax_lines_of_half_the_rate_on_one_base() -> None:
    split = [c for c in _documents("gst_split", 12) if c.tax_style == "split"]
    assert split
    for content in split:
        lines = content.expected()["tax_lines"]
        assert len(lines) == 2
        assert lines[0] == lines[1]
        assert Decimal(lines[0]["rate"]) == 9
        assert Decimal(lines[0]["base"]) == content.net
