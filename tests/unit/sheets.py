"""Hand-placed pages for extraction tests: words positioned the way a PDF's text layer places them."""

from __future__ import annotations

from decimal import Decimal

from invoiceflow.domain.models import PageExtraction, PageText, TextSource, Word

Row = tuple[str, Decimal | None, Decimal | None, Decimal | None]


def items(result: PageExtraction) -> list[Row]:
    """The line items of a page as (description, quantity, unit price, amount) tuples."""
    return [(i.description, i.quantity, i.unit_price, i.amount) for i in result.line_items]


def values(result: PageExtraction) -> dict[str, str]:
    """The fields of a page as name → value."""
    return {name: found.value for name, found in result.fields.items()}


def d(text: str) -> Decimal:
    return Decimal(text)


class Sheet:
    """Words placed like a PDF would: 0.6 em per character, 0.3 em between words, top-left origin."""

    def __init__(
        self, source: TextSource = TextSource.TEXT_LAYER, page_number: int = 1, font_size: float = 10.0
    ) -> None:
        self.words: list[Word] = []
        self.source = source
        self.page_number = page_number
        self.font_size = font_size

    def put(self, x: float, y: float, text: str, size: float | None = None, right: bool = False) -> None:
        """Place ``text`` starting at x (ending at x when ``right``), its top at y."""
        size = size or self.font_size
        width = 0.6 * size
        tokens = text.split()
        total = sum(len(t) for t in tokens) * width + (len(tokens) - 1) * 0.3 * size
        cursor = x - total if right else x
        for token in tokens:
            self.words.append(Word(text=token, x0=cursor, y0=y, x1=cursor + width * len(token), y1=y + size))
            cursor += width * len(token) + 0.3 * size

    def table(self, y: float, header: list[tuple[float, str, bool]], rows: list[list[str]]) -> float:
        """Header labels and rows at the given x (right-aligned where the flag says so)."""
        for x, label, right in header:
            self.put(x, y, label, right=right)
        for n, row in enumerate(rows):
            for (x, _, right), cell in zip(header, row, strict=True):
                if cell:
                    self.put(x, y + 16 * (n + 1), cell, right=right)
        return y + 16 * (len(rows) + 1)

    def page(self, landscape: bool = False) -> PageText:
        width, height = (842.0, 595.0) if landscape else (595.0, 842.0)
        return PageText(self.page_number, width, height, self.source, self.words)
