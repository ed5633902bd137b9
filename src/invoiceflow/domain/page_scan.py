"""Whether a page's text layer is the page, or a scan lies under a few words of text.

Scanned invoices often carry some real text on top of the image: a scanner app's watermark ("Scanned
with CamScanner"), a received stamp a document system printed on the page, a fax header, a page number.
That passes the length test of ``needs_ocr`` while the invoice itself is only pixels. A page whose text
layer holds a handful of words and whose images cover most of it is read by OCR; the render holds the
stamp's text as well, so nothing the text layer said is lost. A digital invoice drawn over a full-page
background image (a letterhead template) holds far more words and keeps its text layer.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from invoiceflow.domain.models import PageText

# More words than a stamp, a watermark or a fax header: even the shortest invoice has more.
MAX_STRAY_WORDS = 25
# Images (a scan may come in strips or as layers) covering at least this share of the page.
MIN_IMAGE_SHARE = 0.5
# Form XObjects nest; scanners and stamping tools put the page image at most a level or two down.
_MAX_DEPTH = 3


def scan_under_stray_text(page: pdfium.PdfPage, text: PageText) -> bool:
    """True when ``page`` is an image with no more text than a stamp (see the module docstring)."""
    if len(text.words) > MAX_STRAY_WORDS:
        return False
    return image_share(page) >= MIN_IMAGE_SHARE


def image_share(page: pdfium.PdfPage) -> float:
    """The share of the page's area its images cover (summed, each clipped to the page; layers of one
    scan that overlap count twice, which only matters below the threshold)."""
    # The visible box: the media box cut by the crop box.
    page_left, page_bottom, page_right, page_top = map(float, page.get_bbox())
    area = (page_right - page_left) * (page_top - page_bottom)
    if area <= 0:
        return 0.0
    covered = 0.0
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=_MAX_DEPTH):
        left, bottom, right, top = image.get_bounds()
        clipped_width = min(right, page_right) - max(left, page_left)
        clipped_height = min(top, page_top) - max(bottom, page_bottom)
        if clipped_width > 0 and clipped_height > 0:
            covered += clipped_width * clipped_height
    return min(covered / area, 1.0)
