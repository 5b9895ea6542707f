"""OCR text lines cut into words at the blank columns of the page image, with a box for each word."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# A column is blank when no pixel in it is darker than halfway between paper and ink.
_INK_LEVEL = 0.5
# Paper and ink must differ by this many grey levels (of 255) for a line to show any gaps at all.
_MIN_CONTRAST = 40
# A row with an unbroken run of ink this long (in heights of the line's box, >= 1 em) is a ruled
# line or underline crossing the text, not letters; it would close every gap. No letter is 2 em wide.
_RULE_RUN_OF_HEIGHT = 2.0
# Only a row at least this full of ink can hold such a rule; checking just those keeps it cheap.
_RULE_ROW_FILL = 0.5
# Gaps between letters of one word are alike; a word space is clearly wider than the typical one.
_WORD_GAP_OVER_LETTER_GAP = 2.0
# ...and never narrower than this share of the line's ink height (~1 em), whatever the letter gaps.
_MIN_WORD_GAP_OF_HEIGHT = 0.15
# When most letters touch (bold or coarse print), the few gaps seen are mostly word spaces (~0.25 em).
_TOUCHING_WORD_GAP_OF_HEIGHT = 0.25
# Rows with fewer inked pixels than this fraction of the widest row are specks, not the text body.
_BODY_ROW_FILL = 0.02


@dataclass(frozen=True)
class OcrLine:
    """One recognised line: its text, the recogniser's mean confidence (0-1), and pixel geometry.

    box: (x0, top, x1, bottom) of the detected line in image pixels; spans: (x0, x1) in pixels for
    each character of `text` (spaces included), as placed by the recogniser's CTC columns.
    """

    text: str
    score: float
    box: tuple[float, float, float, float]
    spans: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class PixelWord:
    """A word cut from a line, its box in image pixels (top-left origin)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def _ink_mask(crop: np.ndarray) -> np.ndarray | None:
    """Boolean ink mask of a greyscale crop (uint8, HxW), or None when it has no readable contrast."""
    paper, ink = np.percentile(crop, 90), np.percentile(crop, 2)
    if paper - ink < _MIN_CONTRAST:
        return None
    mask = crop < ink + (paper - ink) * _INK_LEVEL
    for row in np.flatnonzero(mask.mean(axis=1) > _RULE_ROW_FILL):
        if _longest_run(mask[row]) > _RULE_RUN_OF_HEIGHT * mask.shape[0]:
            mask[row] = False
    return mask


def _longest_run(row: np.ndarray) -> int:
    """Length of the longest run of True in a boolean row."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], row.astype(np.int8), [0]))))
    return int((edges[1::2] - edges[::2]).max(initial=0))


def _body_rows(mask: np.ndarray) -> tuple[int, int]:
    """First and last row (inclusive) of the line's ink, ignoring specks above and below."""
    counts = mask.sum(axis=1)
    rows = np.flatnonzero(counts > max(1, counts.max() * _BODY_ROW_FILL))
    return (int(rows[0]), int(rows[-1])) if rows.size else (0, mask.shape[0] - 1)


def word_gap(gaps: np.ndarray, height: float, letters: int) -> float:
    """Narrowest blank run (pixels) taken as a word space, from a line's blank runs and ink height."""
    if gaps.size >= max(3, letters / 2):
        return max(_WORD_GAP_OVER_LETTER_GAP * float(np.median(gaps)), _MIN_WORD_GAP_OF_HEIGHT * height)
    return _TOUCHING_WORD_GAP_OF_HEIGHT * height


def ink_segments(mask: np.ndarray, letters: int) -> list[tuple[int, int]]:
    """Runs of inked columns [x0, x1) of a line's ink mask, split at blank runs as wide as a word space."""
    inked = np.flatnonzero(mask.any(axis=0))
    if inked.size == 0:
        return []
    rows = np.flatnonzero(mask.any(axis=1))
    blanks = np.diff(inked) - 1
    least = word_gap(blanks[blanks > 0], float(rows[-1] + 1 - rows[0]), letters)
    breaks = np.flatnonzero(blanks >= least)
    starts = [int(inked[0]), *(int(inked[b + 1]) for b in breaks)]
    ends = [*(int(inked[b]) + 1 for b in breaks), int(inked[-1]) + 1]
    return list(zip(starts, ends, strict=True))


def _nearest(segments: list[tuple[int, int]], x: float) -> int:
    """Index of the segment containing x, or the one closest to it."""
    distances = [max(start - x, x - end, 0.0) for start, end in segments]
    return int(np.argmin(distances))


def _groups(line: OcrLine, segments: list[tuple[int, int]], left: float) -> list[tuple[list[int], int]]:
    """Character indices grouped into words, each with its segment: a new word at a space or a gap."""
    groups: list[tuple[list[int], int]] = []
    last_segment = -1
    for index, char in enumerate(line.text):
        if char.isspace():
            last_segment = -1
            continue
        x0, x1 = line.spans[index]
        segment = _nearest(segments, (x0 + x1) / 2 - left) if segments else -1
        if segment != last_segment or not groups:
            groups.append(([], segment))
        groups[-1][0].append(index)
        last_segment = segment
    return groups


def _words(line: OcrLine, segments: list[tuple[int, int]], left: float) -> list[PixelWord]:
    """Words of the line; a word alone on its run of ink takes that run's edges, else its characters'."""
    groups = _groups(line, segments, left)
    words = []
    for n, (chars, segment) in enumerate(groups):
        x0, x1 = line.spans[chars[0]][0], line.spans[chars[-1]][1]
        if segment >= 0 and (n == 0 or groups[n - 1][1] != segment):
            x0 = segments[segment][0] + left
        if segment >= 0 and (n == len(groups) - 1 or groups[n + 1][1] != segment):
            x1 = segments[segment][1] + left
        text = "".join(line.text[i] for i in chars)
        words.append(PixelWord(text, float(x0), line.box[1], float(max(x1, x0 + 1)), line.box[3]))
    return words


def split_line(gray: np.ndarray, line: OcrLine) -> list[PixelWord]:
    """Words of one upright line, cut where the image shows a blank gap wider than a word space.

    gray: the page image (uint8, HxW, paper light). Returns words left to right with pixel boxes;
    their top and bottom are the line's ink rows, so `bottom - top` is about the font size.
    """
    x0, top, x1, bottom = (int(round(v)) for v in line.box)
    crop = gray[max(top, 0) : bottom, max(x0, 0) : x1]
    mask = _ink_mask(crop) if crop.size else None
    segments: list[tuple[int, int]] = []
    if mask is not None:
        first, last = _body_rows(mask)
        top, bottom = max(top, 0) + first, max(top, 0) + last + 1
        mask[:first] = mask[last + 1 :] = False
        segments = ink_segments(mask, sum(not c.isspace() for c in line.text))
    snapped = OcrLine(line.text, line.score, (line.box[0], top, line.box[2], bottom), line.spans)
    return _words(snapped, segments, max(x0, 0))
