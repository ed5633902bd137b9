"""Wrap a published JPEG photo of an invoice into a one-page, image-only PDF, the photo's bytes unchanged.

    python corpus/real/wrap_image.py PHOTO.jpg OUT.pdf

The benchmark reads PDFs only; a photographed receipt is kept by embedding the JPEG file as it is (a
``DCTDecode`` image stream holds a JPEG file byte for byte, so the stream's sha256 is the published file's).
The page is sized so that the photo sits at 200 dpi, the resolution the OCR renders at: OCR sees the photo's
own pixels, neither resampled up nor down.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

PHOTO_DPI = 200  # invoiceflow.domain.ocr renders pages at this resolution for OCR
COLOUR_SPACES = {"L": "/DeviceGray", "RGB": "/DeviceRGB", "CMYK": "/DeviceCMYK"}


def jpeg_page_pdf(jpeg: bytes, width_px: int, height_px: int, mode: str) -> bytes:
    width_pt = width_px * 72 / PHOTO_DPI
    height_pt = height_px * 72 / PHOTO_DPI
    content = f"q {width_pt:.2f} 0 0 {height_pt:.2f} 0 0 cm /Im0 Do Q".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width_pt:.2f} {height_pt:.2f}] "
        "/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        (
            f"<< /Type /XObject /Subtype /Image /Width {width_px} /Height {height_px} "
            f"/ColorSpace {COLOUR_SPACES[mode]} /BitsPerComponent 8 "
            f"/Filter /DCTDecode /Length {len(jpeg)} >>\nstream\n"
        ).encode()
        + jpeg
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def main(photo: Path, out: Path) -> None:
    jpeg = photo.read_bytes()
    with Image.open(photo) as image:
        if image.format != "JPEG":
            raise SystemExit(f"{photo}: not a JPEG file")
        out.write_bytes(jpeg_page_pdf(jpeg, image.width, image.height, image.mode))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
