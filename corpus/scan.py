"""Scanned twins: render a PDF's pages, degrade them like a desk scanner, write an image-only PDF.

The degradation (resolution, skew, blur, noise) is drawn from a seeded RNG; the noise is a seeded tile so
no numpy is needed and the output is byte-identical for the same input and seed.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

NOISE_TILE = 256


@dataclass(frozen=True)
class ScanParams:
    dpi: int
    angle: float
    blur: float
    noise: int  # amplitude of the grey noise, in grey levels either side of zero
    jpeg_quality: int


def scan_params(rng: random.Random) -> ScanParams:
    return ScanParams(
        dpi=rng.choice((150, 200, 200, 240, 300)),
        angle=round(rng.uniform(-1.5, 1.5), 2),
        blur=round(rng.uniform(0.4, 0.9), 2),
        noise=rng.randint(8, 22),
        jpeg_quality=rng.randint(60, 80),
    )


def office_scan_params(rng: random.Random) -> ScanParams:
    """An office scanner's setting (200-300 dpi, under a degree of skew): the real invoices' and the
    invented table designs' image-only twins."""
    return ScanParams(
        dpi=rng.choice((200, 240, 300)),
        angle=round(rng.uniform(-1.0, 1.0), 2),
        blur=round(rng.uniform(0.4, 0.8), 2),
        noise=rng.randint(8, 18),
        jpeg_quality=rng.randint(65, 80),
    )


def _noise_tile(rng: random.Random, amplitude: int) -> Image.Image:
    raw = rng.randbytes(NOISE_TILE * NOISE_TILE)
    tile = Image.frombytes("L", (NOISE_TILE, NOISE_TILE), raw)
    # Map 0..255 to 0..2*amplitude; ImageChops.add with offset -amplitude then centres it on zero.
    return tile.point(lambda v: v * 2 * amplitude // 255)


def degrade(page: Image.Image, rng: random.Random, params: ScanParams) -> Image.Image:
    grey = page.convert("L")
    grey = grey.rotate(params.angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    grey = grey.filter(ImageFilter.GaussianBlur(params.blur))
    tile = _noise_tile(rng, params.noise)
    noise = Image.new("L", grey.size)
    for x in range(0, grey.width, NOISE_TILE):
        for y in range(0, grey.height, NOISE_TILE):
            noise.paste(tile.rotate(90 * ((x + y) // NOISE_TILE % 4)), (x, y))
    grey = ImageChops.add(grey, noise, scale=1.0, offset=-params.noise)
    # A few dust specks, as on a real scanner glass.
    pixels = grey.load()
    assert pixels is not None
    for _ in range(rng.randint(20, 80)):
        x, y = rng.randrange(grey.width), rng.randrange(grey.height)
        pixels[x, y] = rng.randint(0, 90)
    return grey


def scanned_twin(
    pdf: bytes, rng: random.Random, params: ScanParams | None = None
) -> tuple[bytes, ScanParams]:
    """Return an image-only PDF of ``pdf`` (same page sizes, no text layer) and the parameters used
    (drawn by ``scan_params`` from ``rng`` unless given); the noise comes from ``rng``."""
    params = params or scan_params(rng)
    source = pdfium.PdfDocument(pdf)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, pageCompression=1)
    canvas.setCreator("invoiceflow corpus scanner")
    try:
        for index in range(len(source)):
            page = source[index]
            width, height = page.get_size()
            image = page.render(scale=params.dpi / 72).to_pil()
            degraded = degrade(image, rng, params)
            jpeg = io.BytesIO()
            degraded.save(jpeg, format="JPEG", quality=params.jpeg_quality, dpi=(params.dpi, params.dpi))
            jpeg.seek(0)
            canvas.setPageSize((width, height))
            canvas.drawImage(ImageReader(jpeg), 0, 0, width=width, height=height)
            canvas.showPage()
    finally:
        source.close()
    canvas.save()
    return out.getvalue(), params
