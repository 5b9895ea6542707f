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


# --- the approximate (IVF) index, used past Settings.approximate_from chunks --------------------------


@pytest.fixture(scope="module")
def clustered() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectors around 40 centres, as real embeddings cluster by topic; queries near held vectors."""
    rng = np.random.default_rng(11)
    centres = _unit(rng, 40)
    labels = rng.integers(0, 40, size=6000)
    vectors = centres[labels] + 0.35 * rng.standard_normal((6000, DIM)).astype(np.float32) / np.sqrt(DIM)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(1, 6001, dtype=np.int64) * 3
    queries = vectors[rng.choice(6000, 30, replace=False)] + 0.1 * _unit(rng, 30)
    return ids, vectors, queries / np.linalg.norm(queries, axis=1, keepdims=True)


@pytest.fixture
def approximate(clustered) -> VectorIndex:
    ids, vectors, _ = clustered
    exact = VectorIndex(DIM, nprobe=16)
    exact.add(ids, vectors)
    return exact.approximate()


def _recall(got: list[tuple[int, float]], want: list[tuple[int, float]]) -> float:
    return len({i for i, _ in got} & {i for i, _ in want}) / len(want)


def test_approximate_index_recalls_brute_force(approximate: VectorIndex, clustered) -> None:
    ids, vectors, queries = clustered
    assert approximate.is_approximate and len(approximate) == len(ids)
    recalls = [_recall(approximate.search(q, K), _brute(ids, vectors, q, K)) for q in queries]
    assert np.mean(recalls) >= 0.95
    approximate.nprobe = approximate.index.nlist  # probing every list is exact search
    for query in queries[:5]:
        _assert_same(approximate.search(query, K), _brute(ids, vectors, query, K))


def test_approximate_index_reconstructs_removes_and_round_trips(
    approximate: VectorIndex, clustered, tmp_path: Path
) -> None:
    ids, vectors, queries = clustered
    np.testing.assert_allclose(approximate.vector(int(ids[17])), vectors[17], atol=1e-6)
    top = [i for i, _ in approximate.search(queries[0], K)]
    approximate.remove(np.array(top[:3], dtype=np.int64))
    assert len(approximate) == len(ids) - 3
    assert not set(top[:3]) & {i for i, _ in approximate.search(queries[0], K)}
    approximate.save(tmp_path / "ivf.faiss")
    loaded = VectorIndex.load(tmp_path / "ivf.faiss", nprobe=16)
    assert loaded.is_approximate
    assert loaded.search(queries[1], K) == approximate.search(queries[1], K)


def test_approximate_index_with_narrow_filter_still_finds_the_allowed(
    approximate: VectorIndex, clustered
) -> None:
    """Three allowed ids, likely outside the probed lists: the search falls back to every list."""
    ids, vectors, queries = clustered
    approximate.nprobe = 1
    pick = np.array([3, 2500, 5999])
    got = approximate.search(queries[4], K, ids[pick])
    _assert_same(got, _brute(ids[pick], vectors[pick], queries[4], 3))
