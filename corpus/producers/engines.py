"""HTML → PDF through the engines real invoices come from, where they are installed.

wkhtmltopdf (QtWebKit; Odoo prints with it), headless Chromium (web shops, SaaS billing), LibreOffice
Writer (office exports) and WeasyPrint (Python reporting). Each is optional: ``available()`` lists those
found. ``reportlab_pdf`` draws the same content with reportlab, the clean producer our corpus uses.
Outputs are cached by content hash under the temp directory (the engines take 0.5-3 s a document).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from corpus.producers.content import Content

CACHE = Path(tempfile.gettempdir()) / "invoiceflow-producers"
# Bumped per engine when its recipe changes, so that its cached PDFs are made again.
RECIPE_VERSION = {"libreoffice": 2}


def _run(args: list[str], cwd: Path, timeout: float = 120) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(cwd)}
    subprocess.run(args, cwd=cwd, env=env, check=True, timeout=timeout, capture_output=True)


def wkhtmltopdf(html: str, work: Path) -> bytes:
    (work / "in.html").write_text(html, encoding="utf-8")
    _run(["wkhtmltopdf", "-q", "--encoding", "utf-8", "--page-size", "A4", "in.html", "out.pdf"], work)
    return (work / "out.pdf").read_bytes()


def chromium(html: str, work: Path, *, print_headers: bool = False) -> bytes:
    (work / "in.html").write_text(html, encoding="utf-8")
    _run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu",
            *([] if print_headers else ["--no-pdf-header-footer"]),
            f"--user-data-dir={work / 'profile'}", f"--print-to-pdf={work / 'out.pdf'}",
            (work / "in.html").as_uri(),
        ],
        work,
    )  # fmt: skip
    return (work / "out.pdf").read_bytes()


def chromium_printed(html: str, work: Path) -> bytes:
    """As a person prints from the browser: print date and page title at the top of each page, the page's
    address and "1/1" at the bottom (the date is the day of printing, not the invoice's)."""
    return chromium(html, work, print_headers=True)


def libreoffice(html: str, work: Path) -> bytes:
    # Imported into Writer proper: the Writer/Web filter drops the first block onto an empty page.
    (work / "in.html").write_text(html, encoding="utf-8")
    _run(
        [
            "soffice", "--headless", f"-env:UserInstallation={(work / 'lo').as_uri()}",
            "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work),
            "in.html",
        ],
        work,
    )  # fmt: skip
    return (work / "in.pdf").read_bytes()


def weasyprint(html: str, work: Path) -> bytes:
    import weasyprint as wp  # type: ignore[import-not-found,import-untyped]

    return bytes(wp.HTML(string=html, base_url=str(work)).write_pdf())


Engine = Callable[[str, Path], bytes]
ENGINES: dict[str, tuple[Engine, Callable[[], bool]]] = {
    "wkhtmltopdf": (wkhtmltopdf, lambda: shutil.which("wkhtmltopdf") is not None),
    "chromium": (chromium, lambda: shutil.which("chromium") is not None),
    "chromium-printed": (chromium_printed, lambda: shutil.which("chromium") is not None),
    "libreoffice": (libreoffice, lambda: shutil.which("soffice") is not None),
    "weasyprint": (weasyprint, lambda: _importable("weasyprint")),
}


def _importable(module: str) -> bool:
    try:
        __import__(module)
    except Exception:  # a missing shared library (pango) fails as OSError, not ImportError
        return False
    return True


def available() -> list[str]:
    return [name for name, (_engine, present) in ENGINES.items() if present()]


def render(engine: str, html: str) -> bytes:
    """The PDF ``engine`` makes of ``html`` (cached)."""
    key = hashlib.sha256(f"{RECIPE_VERSION.get(engine, 1)}:{engine}:{html}".encode()).hexdigest()[:24]
    cached = CACHE / f"{engine}-{key}.pdf"
    if cached.exists():
        return cached.read_bytes()
    with tempfile.TemporaryDirectory(prefix="producer-") as tmp:
        data = ENGINES[engine][0](html, Path(tmp))
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return data


def reportlab_pdf(c: Content) -> bytes:
    """The same content drawn by reportlab platypus (one plain layout): the clean-text-layer reference."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    for name, file in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, f"/usr/share/fonts/truetype/dejavu/{file}"))
    style = getSampleStyleSheet()["Normal"].clone("dv", fontName="DejaVu", fontSize=9, leading=11)
    lab = c.labels

    def para(text: str) -> Paragraph:
        return Paragraph(text.replace("&", "&amp;"), style)

    def address(party: object) -> Paragraph:
        p = party  # Party
        return para(f"{p.name}<br/>{p.street}<br/>{p.postal_city}<br/>{p.country.name}")  # type: ignore[attr-defined]

    meta = Table(
        [[lab["number"], c.number], [lab["date"], c.day(c.issue)], [lab["due"], c.day(c.due)]],
        style=[("FONT", (0, 0), (-1, -1), "DejaVu", 9)],
    )
    head = Table(
        [[para(lab["from"]), ""], [address(c.seller), meta], [para(lab["to"]), ""], [address(c.buyer), ""]],
        colWidths=[280, 230],
    )
    rows = [[lab["description"], lab["qty"], lab["price"], lab["rate"], lab["amount"]]]
    rows += [
        [
            # A description too long for its column wraps inside its cell (a plain string would run on
            # over the figures beside it, which no invoice generator prints).
            para(line.description)
            if pdfmetrics.stringWidth(line.description, "DejaVu", 9) > 204
            else line.description,
            c.qty(line.quantity),
            c.money(line.unit_price),
            c.rate(line.rate),
            c.money(line.amount),
        ]
        for line in c.lines
    ]
    items = Table(rows, colWidths=[210, 50, 90, 50, 90])
    items.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "DejaVu", 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a wrapped description's figures on its first line
            ]
        )
    )
    totals_rows = [[lab["net"], c.money(c.net)]]
    totals_rows += [[f"{lab['tax']} {c.rate(rate)}", c.money(tax)] for rate, _b, tax in c.tax_groups()]
    totals_rows.append([lab["gross"], c.money(c.gross)])
    totals = Table(
        totals_rows,
        hAlign="RIGHT",
        style=[("FONT", (0, 0), (-1, -1), "DejaVu", 9), ("ALIGN", (1, 0), (1, -1), "RIGHT")],
    )
    s = c.seller
    foot = para(
        f"{s.name} · {lab['vat_id']} {s.vat_id_printed or ''}<br/>"
        f"{lab['bank']}: {s.bank_name or ''} · IBAN {s.iban_printed or ''} · BIC {s.bic or ''}"
    )
    out = io.BytesIO()
    title = Paragraph(f"{lab['title']}", style.clone("t", fontName="DejaVu-Bold", fontSize=16, leading=20))
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(
        [title, Spacer(1, 10), head, Spacer(1, 14), items, Spacer(1, 8), totals, Spacer(1, 30), foot]
    )
    return out.getvalue()
