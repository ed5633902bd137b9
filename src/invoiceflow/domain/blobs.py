"""Blob storage seen from the domain: a tiny protocol and content-addressed key naming.

Adapters provide the implementation (a Dapr output binding in the services, a directory or memory for
the in-process and Prefect engines); the stage functions only see ``BlobStore``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class BlobStore(Protocol):
    def put(self, key: str, data: bytes) -> None: ...

    def get(self, key: str) -> bytes: ...

    def exists(self, key: str) -> bool: ...


def pdf_key(sha256: str) -> str:
    return f"pdf/{sha256}.pdf"


def page_pdf_key(sha256: str, page_number: int) -> str:
    return f"pages/{sha256}/{page_number:04d}.pdf"


def pages_pdf_key(sha256: str, first_page: int, last_page: int) -> str:
    """Consecutive pages saved as one PDF by the split stage; a single page keeps ``page_pdf_key``."""
    if first_page == last_page:
        return page_pdf_key(sha256, first_page)
    return f"pages/{sha256}/{first_page:04d}-{last_page:04d}.pdf"


def page_png_key(sha256: str, page_number: int) -> str:
    return f"pages/{sha256}/{page_number:04d}.png"


class MemoryBlobStore:
    def __init__(self) -> None:
        self._blobs: dict[str, bytes] = {}

    def put(self, key: str, data: bytes) -> None:
        self._blobs[key] = data

    def get(self, key: str) -> bytes:
        try:
            return self._blobs[key]
        except KeyError:
            raise FileNotFoundError(key) from None

    def exists(self, key: str) -> bool:
        return key in self._blobs


class DirectoryBlobStore:
    """Blobs as files below a root directory (keys are relative paths; '..' is refused)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root):
            raise ValueError(f"blob key escapes the store: {key!r}")
        return path

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)  # atomic: readers never see half a blob

    def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()
