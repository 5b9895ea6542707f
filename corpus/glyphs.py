"""Characters and their boxes from a PDF text layer (pypdfium2), grouped into corpus.geometry.Word."""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

from corpus.cleaner import normalise_unicode
from corpus.geometry import Word

# Word spacing runs from ~0.2 em (tight justified) upwards; kerning stays under ~0.05 em.
WORD_GAP_EM = 0.16
# A space char that takes up less room than this is an artefact inside a word ("Healt h").
SPURIOUS_SPACE_EM = 0.05
# Glyphs drawn twice this close (fraction of the glyph width) are one overprinted ("bold") glyph.
OVERPRINT_SHIFT = 0.35
# Below this the reported font size is a scale artefact (size set through the text matrix).
MIN_REPORTED_SIZE = 2.5
# The loose box spans ascent to descent, about this multiple of the font size.
LOOSE_BOX_PER_SIZE = 1.2
BOLD_WEIGHT = 600
# Font names that say bold when the weight is not reported.
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
# pdfium reports a hyphen it judged to end a line as this control character.
_LINE_END_HYPHEN = 0x02
# Text turned more than this (radians) from the page's main direction: margin notes, stamps.
MAX_ANGLE_OFF = 0.35
_FONT_NAME_BYTES = 128
_BREAKS = frozenset("\r\n\t\u00a0 \u2002\u2003\u2009\u200a\u3000")


@dataclass(frozen=True)
class Glyph:
    """One character of the text layer, box in points from the displayed page's top-left."""

    char: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    index: int  # position in the page's character list, to ask pdfium about its font


def display_box(box: tuple[float, ...], rotation: int, width: float, height: float) -> tuple[float, ...]:
    """(x0, top, x1, bottom) on the page as shown, from a PDF user-space (left, bottom, right, top) box.

    width/height: the unrotated page size in points; rotation: the page's /Rotate, clockwise degrees.
    """
    left, bottom, right, top = box
    if rotation == 90:
        return bottom, left, top, right
    if rotation == 180:
        return width - right, bottom, width - left, top
    if rotation == 270:
        return height - top, width - right, height - bottom, width - left
    return left, height - top, right, height - bottom


def _page_angle(textpage: pypdfium2.PdfTextPage, count: int) -> float:
    """The most common character angle on the page, in radians, rounded to a right angle."""
    votes: Counter[int] = Counter()
    for index in range(0, count, max(1, count // 200)):
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, index)
        if angle >= 0:
            votes[round(angle / (math.pi / 2)) % 4] += 1
    return (votes.most_common(1)[0][0] if votes else 0) * math.pi / 2


def _angle_off(angle: float, main: float) -> bool:
    if angle < 0:
        return False
    diff = abs(angle - main) % (2 * math.pi)
    return min(diff, 2 * math.pi - diff) > MAX_ANGLE_OFF


def _open(page: pypdfium2.PdfPage) -> tuple[pypdfium2.PdfTextPage, _GlyphReader]:
    textpage = page.get_textpage()
    rotation = page.get_rotation() % 360
    width, height = page.get_size()
    if rotation in (90, 270):
        width, height = height, width
    return textpage, _GlyphReader(textpage, rotation, width, height)


def page_glyphs(page: pypdfium2.PdfPage) -> list[Glyph]:
    """The text-layer characters in content order, spaces and line ends included; displayed coordinates."""
    textpage, reader = _open(page)
    try:
        return reader.glyphs()
    finally:
        textpage.close()


class _GlyphReader:
    """Reads a page's glyphs; weight and angle, which cost more calls, are asked once per word."""

    def __init__(self, textpage: pypdfium2.PdfTextPage, rotation: int, width: float, height: float) -> None:
        self.textpage, self.rotation, self.width, self.height = textpage, rotation, width, height
        self.main = _page_angle(textpage, textpage.count_chars())
        self.rect = pdfium_c.FS_RECTF()

    def glyphs(self) -> list[Glyph]:
        return [g for index in range(self.textpage.count_chars()) if (g := self.glyph(index)) is not None]

    def style(self, index: int) -> tuple[bool, bool]:
        """(bold, turned away from the page's direction) for the glyph at `index`."""
        angle = pdfium_c.FPDFText_GetCharAngle(self.textpage, index)
        return _bold(self.textpage, index), _angle_off(angle, self.main)

    def glyph(self, index: int) -> Glyph | None:
        textpage = self.textpage
        # Spaces and line ends pdfium makes up need no check: gaps and line changes break words anyway.
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if code == 0 or not pdfium_c.FPDFText_GetLooseCharBox(textpage, index, self.rect):
            return None
        box = (self.rect.left, self.rect.bottom, self.rect.right, self.rect.top)
        x0, top, x1, bottom = display_box(box, self.rotation, self.width, self.height)
        size = pdfium_c.FPDFText_GetFontSize(textpage, index)
        if size < MIN_REPORTED_SIZE:
            size = max(bottom - top, 1.0) / LOOSE_BOX_PER_SIZE
        char = "-" if code == _LINE_END_HYPHEN else chr(code)
        return Glyph(char, x0, top, x1, bottom, size, index)


def _bold(textpage: pypdfium2.PdfTextPage, index: int) -> bool:
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    if weight > 0:
        return weight >= BOLD_WEIGHT
    name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    pdfium_c.FPDFText_GetFontInfo(textpage, index, name, _FONT_NAME_BYTES, None)
    return any(mark in name.value.decode("latin-1").lower() for mark in _BOLD_NAMES)


def _same_line(a: Glyph, b: Glyph) -> bool:
    """Whether b sits on a's line, just after it (not back at a new line's start)."""
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top) and b.x0 > a.x0 - 0.5 * a.size


def _overprint(a: Glyph, b: Glyph) -> bool:
    """b is a drawn a second time at about the same place (fake bold, shadowed headings)."""
    shift = OVERPRINT_SHIFT * max(a.x1 - a.x0, 0.1 * a.size)
    return a.char == b.char and abs(a.x0 - b.x0) <= shift and abs(a.top - b.top) <= shift


_Style = Callable[[int], tuple[bool, bool]]


def _plain(index: int) -> tuple[bool, bool]:
    return False, False


class _WordBuilder:
    """Collects glyphs into words, breaking at spaces, wide gaps and line changes."""

    def __init__(self, style: _Style) -> None:
        self.style = style
        self.words: list[Word] = []
        self.current: list[Glyph] = []
        self.pending_space: Glyph | None = None

    def feed(self, glyph: Glyph) -> None:
        last = self.current[-1] if self.current else None
        if glyph.char in _BREAKS or glyph.char.isspace():
            if last is not None and self.pending_space is None:
                self.pending_space = glyph
            return
        if last is not None and self._breaks_before(last, glyph):
            self.flush()
        self.pending_space = None
        self.current.append(glyph)

    def _breaks_before(self, last: Glyph, glyph: Glyph) -> bool:
        if not _same_line(last, glyph):
            return True
        gap = glyph.x0 - last.x1
        size = max(last.size, glyph.size)
        if self.pending_space is not None:
            # "Healt h": a space glyph where the letters touch and a lowercase letter follows.
            return not (gap < SPURIOUS_SPACE_EM * size and last.char.isalpha() and glyph.char.islower())
        return gap > WORD_GAP_EM * size

    def flush(self) -> None:
        if self.current:
            bold, turned = self.style(self.current[0].index)
            if not turned:  # margin notes and stamps set at an angle are not part of the text
                self.words.append(_word(self.current, bold))
        self.current = []
        self.pending_space = None


def _collapse_overprint(glyphs: list[Glyph]) -> list[Glyph]:
    """'CCHHIICCAAGGOO' -> 'CHICAGO' when every glyph of the word is drawn twice over itself.

    Ligatures also give glyphs sharing one box ('f', 'f', 'i' for 'ﬃ'), but never doubled throughout.
    """
    groups: list[list[Glyph]] = []
    for glyph in glyphs:
        if groups and _overprint(groups[-1][0], glyph):
            groups[-1].append(glyph)
        else:
            groups.append([glyph])
    if len(groups) < len(glyphs) and all(len(g) >= 2 for g in groups):
        return [g[0] for g in groups]
    return glyphs


def _word(glyphs: list[Glyph], bold: bool) -> Word:
    glyphs = _collapse_overprint(glyphs)
    text = normalise_unicode("".join(g.char for g in glyphs))
    sizes = sorted(g.size for g in glyphs)
    return Word(
        text=text,
        x0=min(g.x0 for g in glyphs),
        top=min(g.top for g in glyphs),
        x1=max(g.x1 for g in glyphs),
        bottom=max(g.bottom for g in glyphs),
        size=sizes[len(sizes) // 2],
        bold=bold,
    )


def glyph_words(glyphs: list[Glyph], style: _Style = _plain) -> list[Word]:
    """Words from glyphs in content order; a word drawn twice over itself is kept once.

    style: (bold, turned) of the glyph at a character index; turned words are left out.
    """
    builder = _WordBuilder(style)
    for glyph in glyphs:
        builder.feed(glyph)
    builder.flush()
    seen: set[tuple[str, int, int]] = set()
    words = []
    for word in builder.words:
        if not word.text.strip():
            continue
        # Whole words overprinted a fraction of a point apart round to the same key.
        key = (word.text, round(word.x0 / 2), round(word.top / 2))
        if key not in seen:
            seen.add(key)
            words.append(word)
    return words


def page_words(page: pypdfium2.PdfPage) -> list[Word]:
    """Words of the page's text layer, top-left origin, points; empty for an image-only page."""
    textpage, reader = _open(page)
    try:
        return glyph_words(reader.glyphs(), reader.style)
    finally:
        textpage.close()
