"""The FAISS index of normalised chunk embeddings, keyed by chunk row id: exact, or IVF when large."""

from __future__ import annotations

import math
import os
from pathlib import Path

import faiss
import numpy as np

_TRAIN_PER_LIST = 40  # k-means wants ~40 training points per list; more only slows training


class VectorIndex:
    """Inner-product search over unit vectors (cosine similarity), with add and remove.

    Exact (a flat index) until `approximate` turns it into an inverted-file index, whose search
    probes `nprobe` of its lists: at a million chunks that is ~30× faster at recall ≥ 0.95.
    """

    def __init__(self, dimension: int, threads: int = 1, nprobe: int = 64) -> None:
        faiss.omp_set_num_threads(threads)
        self.dimension, self.threads, self.nprobe = dimension, threads, nprobe
        self.index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))

    def __len__(self) -> int:
        return int(self.index.ntotal)

    @property
    def is_approximate(self) -> bool:
        return isinstance(self.index, faiss.IndexIVF)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))

    def remove(self, ids: np.ndarray) -> None:
        if len(ids):
            self.index.remove_ids(np.asarray(ids, dtype=np.int64))

    def search(
        self,
        vector: np.ndarray,
        k: int,
        allowed: np.ndarray | None = None,
        excluded: np.ndarray | None = None,
    ) -> list[tuple[int, float]]:
        """The k nearest chunk ids with their cosine similarity, best first; only `allowed` ids if
        given, never `excluded` ones."""
        limit = min(k, len(self) if allowed is None else len(allowed))
        if not len(self) or limit <= 0:
            return []
        query = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, self.dimension)
        selector = None if allowed is None else faiss.IDSelectorBatch(allowed)
        hidden = faiss.IDSelectorBatch(excluded) if excluded is not None and len(excluded) else None
        if hidden is not None:  # the local `hidden` keeps the inner selector alive while FAISS uses it
            selector = faiss.IDSelectorNot(hidden)
        found = self._search(query, limit, selector, self.nprobe)
        if self.is_approximate and selector is not None and len(found) < limit:
            # A narrow filter can leave the probed lists empty of allowed ids: probe them all.
            found = self._search(query, limit, selector, self.index.nlist)
        return found

    def _search(self, query: np.ndarray, limit: int, selector, nprobe: int) -> list[tuple[int, float]]:
        if self.is_approximate:
            params = faiss.SearchParametersIVF(nprobe=nprobe, sel=selector)
        else:
            params = None if selector is None else faiss.SearchParameters(sel=selector)
        scores, ids = self.index.search(query, limit, params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def vector(self, chunk_id: int) -> np.ndarray:
        return self.index.reconstruct(int(chunk_id))

    def approximate(self, seed: int = 0) -> VectorIndex:
        """An IVF copy of this exact index (about 4·√n lists), trained on a sample of its own vectors."""
        ids = faiss.vector_to_array(self.index.id_map).astype(np.int64)
        vectors = self.index.index.reconstruct_n(0, len(self))
        nlist = max(1, min(len(self) // _TRAIN_PER_LIST, int(4 * math.sqrt(len(self)))))
        sample = np.random.default_rng(seed).permutation(len(self))[: nlist * _TRAIN_PER_LIST]
        ivf = faiss.IndexIVFFlat(
            faiss.IndexFlatIP(self.dimension), self.dimension, nlist, faiss.METRIC_INNER_PRODUCT
        )
        ivf.set_direct_map_type(faiss.DirectMap.Hashtable)  # reconstruct and remove by chunk id
        faiss.omp_set_num_threads(os.cpu_count() or 1)  # training is a batch job: use every core
        try:
            ivf.train(vectors[np.sort(sample)])
            ivf.add_with_ids(vectors, ids)
        finally:
            faiss.omp_set_num_threads(self.threads)
        ivf.nprobe = self.nprobe  # also for callers that search the FAISS index directly
        out = VectorIndex(self.dimension, self.threads, self.nprobe)
        out.index = ivf
        return out

    def to_bytes(self) -> bytes:
        """The index in FAISS's own file format (faiss.serialize_index), as `load` and `from_bytes` read."""
        return faiss.serialize_index(self.index).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, threads: int = 1, nprobe: int = 64) -> VectorIndex:
        """An index from FAISS's file format; RuntimeError when the bytes are not one."""
        index = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
        loaded = cls(index.d, threads, nprobe)
        loaded.index = index
        if loaded.is_approximate:
            index.nprobe = nprobe
        return loaded

    def clone(self) -> VectorIndex:
        """An independent copy: a writer changes its copy while readers search theirs."""
        return VectorIndex.from_bytes(self.to_bytes(), self.threads, self.nprobe)

    def save(self, path: Path) -> None:
        """Write beside the target, then rename: a reader never sees half a file."""
        tmp = path.with_name(path.name + ".tmp")
        faiss.write_index(self.index, str(tmp))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path, threads: int = 1, nprobe: int = 64) -> VectorIndex:
        return cls.from_bytes(Path(path).read_bytes(), threads, nprobe)
