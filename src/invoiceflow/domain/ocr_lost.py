"""How much of a page's ink its OCR reading left out: the trigger of the local-threshold pass
(``TesseractEngine.read_lost_text``).

The page is cut into square cells; a cell holds text ink when it has a few dark pixels but is not a solid
fill (a dark bar or a logo); long straight runs (table rules, box edges, underlines) are not counted. A
cell is covered when a word the engine read with some confidence lies on it or next to it. The share
of text-ink cells left uncovered says whether the engine lost text: on pages it read well it stays under
a tenth (specks, stamps, logos' strokes), on pages whose table regions its layout analysis dropped it
reaches a third and more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from invoiceflow.domain.ocr_rules import long_runs

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from invoiceflow.domain.ocr_words import PixelWord

# Dark pixels (0 black .. 255 white) count as ink below this grey.
INK = 128
# A cell of CELL_SHARE of the page's shorter side (8 px at 200 dpi) holds text ink when it has at least
# MIN_INK dark pixels and at most MAX_FILL of them (more is a fill: a dark bar, a logo).
CELL_SHARE = 1 / 100
MIN_INK = 4
MAX_FILL = 0.5
# Straight runs at least this many cells long are rules, not text.
RULE_CELLS = 4
# Words at least this confident cover their cells and the ring of cells round them.
COVERING = 0.5
# The page is read again when at least this share of its text-ink cells, and this many, are uncovered.
LOST_SHARE = 0.15
LOST_CELLS = 60


@dataclass(frozen=True, slots=True)
class LostInk:
    lost: int  # text-ink cells no word covers
    inked: int  # text-ink cells

    @property
    def share(self) -> float:
        return self.lost / self.inked if self.inked else 0.0

    @property
    def worth_rereading(self) -> bool:
        return self.lost >= LOST_CELLS and self.share >= LOST_SHARE


def _text_ink_cells(grey: npt.NDArray[np.uint8]) -> tuple[int, npt.NDArray[np.bool_]]:
    """The cell size (pixels) and which cells of the page hold text ink: enough dark pixels, not filled
    solid, rules (runs of ``RULE_CELLS`` cells) left out."""
    cell = max(4, round(min(grey.shape) * CELL_SHARE))
    ink = grey < INK
    length = RULE_CELLS * cell
    ink &= ~long_runs(ink, length)
    ink &= ~long_runs(ink.T, length).T
    rows, columns = grey.shape[0] // cell, grey.shape[1] // cell
    counts = ink[: rows * cell, : columns * cell].reshape(rows, cell, columns, cell).sum(axis=(1, 3))
    return cell, (counts >= MIN_INK) & (counts <= MAX_FILL * cell * cell)


def lost_ink(grey: npt.NDArray[np.uint8], words: list[PixelWord]) -> LostInk:
    """Text-ink cells of a grey page image and how many of them the ``words`` (pixel boxes) leave out."""
    import numpy as np

    cell, inked = _text_ink_cells(grey)
    covered = np.zeros_like(inked)
    for word in words:
        if word.confidence < COVERING:
            continue
        top, left = max(0, int(word.top // cell) - 1), max(0, int(word.left // cell) - 1)
        covered[top : int(word.bottom // cell) + 2, left : int(word.right // cell) + 2] = True
    return LostInk(int((inked & ~covered).sum()), int(inked.sum()))


# A region of lost text is at least this many uncovered text-ink cells joined (a word or two of 10-pt
# type; specks, dust and a stray stroke stay below), and the page holds at most MAX_REGIONS of them
# (more is a page read badly all over: ``lost_ink`` and the local-threshold pass are for that).
MIN_REGION_CELLS = 24
MAX_REGIONS = 12
# Cells of one region lie this many cells apart at most (letters, words and lines of one text block).
REGION_JOIN = 2


def lost_regions(grey: npt.NDArray[np.uint8], words: list[PixelWord]) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom, in pixels) of the blocks of text ink no word covers: a column of
    descriptions that the page pass skipped while reading the figures beside it. Text-ink cells as
    ``lost_ink`` counts them, joined across gaps of ``REGION_JOIN`` cells, padded by that much."""
    import numpy as np

    cell, inked = _text_ink_cells(grey)
    for word in words:
        if word.confidence < COVERING:
            continue
        top, left = max(0, int(word.top // cell) - 1), max(0, int(word.left // cell) - 1)
        inked[top : int(word.bottom // cell) + 2, left : int(word.right // cell) + 2] = False
    lost = {(int(r), int(c)) for r, c in zip(*np.nonzero(inked), strict=True)}
    regions: list[tuple[int, int, int, int]] = []
    while lost:
        seed = lost.pop()
        members, frontier = [seed], [seed]
        while frontier:
            r, c = frontier.pop()
            for dr in range(-REGION_JOIN, REGION_JOIN + 1):
                for dc in range(-REGION_JOIN, REGION_JOIN + 1):
                    if (r + dr, c + dc) in lost:
                        lost.remove((r + dr, c + dc))
                        members.append((r + dr, c + dc))
                        frontier.append((r + dr, c + dc))
        if len(members) >= MIN_REGION_CELLS:
            top, bottom = min(r for r, _ in members), max(r for r, _ in members) + 1
            left, right = min(c for _, c in members), max(c for _, c in members) + 1
            regions.append(
                (
                    max(0, (left - REGION_JOIN) * cell),
                    max(0, (top - REGION_JOIN) * cell),
                    min(grey.shape[1], (right + REGION_JOIN) * cell),
                    min(grey.shape[0], (bottom + REGION_JOIN) * cell),
                )
            )
    return regions if len(regions) <= MAX_REGIONS else []
