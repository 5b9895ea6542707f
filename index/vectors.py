"""The FAISS index of normalised chunk embeddings, keyed by chunk row id."""

from __future__ import annotations

import os
from pathlib import Path

import faiss
import numpy as np


class VectorIndex:
    """Exact inner-product search over unit vectors (cosine similarity), with add and remove."""

    def __init__(self, dimension: int, threads: int = 1) -> None:
        faiss.omp_set_num_threads(threads)
        self.dimension = dimension
        self.index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))

    def remove(self, ids: np.ndarray) -> None:
        if len(ids):
            self.index.remove_ids(np.asarray(ids, dtype=np.int64))

    def search(
        self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The k nearest chunk ids with their cosine similarity, best first; only `allowed` ids if given."""
        limit = min(k, len(self) if allowed is None else len(allowed))
        if not len(self) or limit <= 0:
            return []
        query = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, self.dimension)
        params = None if allowed is None else faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed))
        scores, ids = self.index.search(query, limit, params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def vector(self, chunk_id: int) -> np.ndarray:
        return self.index.reconstruct(int(chunk_id))

    def save(self, path: Path) -> None:
        """Write beside the target, then rename: a reader never sees half a file."""
        tmp = path.with_name(path.name + ".tmp")
        faiss.write_index(self.index, str(tmp))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path, threads: int = 1) -> VectorIndex:
        index = faiss.read_index(str(path))
        loaded = cls(index.d, threads)
        loaded.index = index
        return loaded
