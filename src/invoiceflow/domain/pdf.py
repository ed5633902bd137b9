"""PDF handling for the domain core: validation and limits, hashing, splitting, rendering, page text.

Everything here takes and returns bytes and plain values (no file handles, no temp files), so the same
functions serve the CLI, the Dapr activities and the Prefect tasks.
"""

from __future__ import annotations

from invoiceflow.domain.pdf_text import document_text, page_text

__all__ = ["document_text", "page_text"]
