"""VectorIndex is exact cosine search: it must agree with brute-force numpy, with and without filters."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.vectors import VectorIndex

N, DIM, K = 2000, 32, 10


def _unit(rng: np.random.Generator, n: int, dim: int = DIM) -> np.ndarray:
    x = rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20240611)
    vectors = _unit(rng, N)
    # Sparse, non-contiguous ids, as SQLite row ids become after deletions.
    ids = np.sort(rng.choice(10 * N, size=N, replace=False)).astype(np.int64) + 1
    queries = _unit(rng, 8)
    return ids, vectors, queries


@pytest.fixture
def index(data) -> VectorIndex:
    ids, vectors, _ = data
    built = VectorIndex(DIM)
    built.add(ids, vectors)
    return built


def _brute(ids: np.ndarray, vectors: np.ndarray, query: np.ndarray, k: int) -> list[tuple[int, float]]:
    scores = vectors @ query
    order = np.argsort(-scores, kind="stable")[:k]
    return [(int(ids[i]), float(scores[i])) for i in order]


def _assert_same(got: list[tuple[int, float]], want: list[tuple[int, float]]) -> None:
    assert [i for i, _ in got] == [i for i, _ in want]
    np.testing.assert_allclose([s for _, s in got], [s for _, s in want], rtol=0, atol=1e-5)


def test_len_counts_added_vectors(index: VectorIndex) -> None:
    assert len(index) == N


def test_search_equals_brute_force(index: VectorIndex, data) -> None:
    ids, vectors, queries = data
    for query in queries:
        _assert_same(index.search(query, K), _brute(ids, vectors, query, K))


def test_search_returns_best_first(index: VectorIndex, data) -> None:
    _, _, queries = data
    scores = [s for _, s in index.search(queries[0], K)]
    assert scores == sorted(scores, reverse=True)


def test_k_larger_than_index_returns_everything(data) -> None:
    ids, vectors, queries = data
    small = VectorIndex(DIM)
    small.add(ids[:7], vectors[:7])
    _assert_same(small.search(queries[0], 50), _brute(ids[:7], vectors[:7], queries[0], 7))


def test_empty_index_returns_nothing(data) -> None:
    _, _, queries = data
    assert VectorIndex(DIM).search(queries[0], K) == []


def test_allowed_restricts_to_subset_and_matches_brute_force(index: VectorIndex, data) -> None:
    ids, vectors, queries = data
    rng = np.random.default_rng(7)
    pick = np.sort(rng.choice(N, size=300, replace=False))
    allowed = ids[pick]
    for query in queries:
        got = index.search(query, K, allowed)
        assert set(i for i, _ in got) <= set(allowed.tolist())
        _assert_same(got, _brute(allowed, vectors[pick], query, K))


def test_allowed_smaller_than_k_returns_only_allowed(index: VectorIndex, data) -> None:
    ids, vectors, queries = data
    pick = np.array([5, 900, 1999])
    got = index.search(queries[1], K, ids[pick])
    _assert_same(got, _brute(ids[pick], vectors[pick], queries[1], 3))


def test_allowed_empty_returns_nothing(index: VectorIndex, data) -> None:
    _, _, queries = data
    assert index.search(queries[0], K, np.array([], dtype=np.int64)) == []


def test_remove_drops_ids(index: VectorIndex, data) -> None:
    ids, vectors, queries = data
    top = [i for i, _ in index.search(queries[0], K)]
    gone = np.array(top[:4], dtype=np.int64)
    index.remove(gone)
    assert len(index) == N - 4
    keep = ~np.isin(ids, gone)
    for query in queries:
        got = index.search(query, K)
        assert not set(gone.tolist()) & {i for i, _ in got}
        _assert_same(got, _brute(ids[keep], vectors[keep], query, K))


def test_remove_nothing_is_a_no_op(index: VectorIndex) -> None:
    index.remove(np.array([], dtype=np.int64))
    assert len(index) == N


def test_save_load_round_trip_gives_identical_results(index: VectorIndex, data, tmp_path: Path) -> None:
    _, _, queries = data
    path = tmp_path / "vectors.3.faiss"
    index.save(path)
    assert path.exists()
    assert not (tmp_path / "vectors.3.faiss.tmp").exists()
    loaded = VectorIndex.load(path)
    assert len(loaded) == N
    assert loaded.dimension == DIM
    for query in queries:
        assert loaded.search(query, K) == index.search(query, K)


def test_save_load_after_remove_keeps_removal(index: VectorIndex, data, tmp_path: Path) -> None:
    ids, _, queries = data
    index.remove(ids[:100])
    path = tmp_path / "v.faiss"
    index.save(path)
    loaded = VectorIndex.load(path)
    assert len(loaded) == N - 100
    assert loaded.search(queries[2], K) == index.search(queries[2], K)


def test_vector_reconstructs_stored_embedding(index: VectorIndex, data) -> None:
    ids, vectors, _ = data
    for row in (0, 1, 777, N - 1):
        np.testing.assert_array_equal(index.vector(int(ids[row])), vectors[row])
