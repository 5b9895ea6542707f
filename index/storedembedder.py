"""The reader's embedder: sentence vectors stored at ingest first, the model only for the rest."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from index.embedder import Embedder
from index.sentencevectors import SentenceVectors


class StoredEmbedder:
    """An embedder that answers from the store's sentence vectors first and runs the model on the rest.

    The reader embeds its candidate sentences through this, so a question costs only the question's own
    embedding when ingest stored its passages' units (float16: cosines within ~1e-3 of the model's)."""

    def __init__(self, inner: Embedder, sentences: SentenceVectors) -> None:
        self.inner, self.sentences = inner, sentences
        self.name, self.dimension, self.max_tokens = inner.name, inner.dimension, inner.max_tokens

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        found = self.sentences.lookup(texts) if texts else {}
        for i, vector in found.items():
            out[i] = vector
        missing = [i for i in range(len(texts)) if i not in found]
        if missing:
            out[missing] = self.inner.embed([texts[i] for i in missing])
        return out
