"""Words placed on a page: what the PDF text layer and OCR both hand to layout analysis."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """One word and its box, in PDF points from the page's top-left corner (y grows downwards).

    size: the font size in points (for OCR, the box height); bold: drawn in a bold font, where known.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2
