"""The two searches over a store: FTS5 BM25 over words and FAISS over meaning."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from index.codes import code_forms
from index.filters import Filters
from index.store import Store


def fts_query(terms: Sequence[str], phrases: Sequence[str] = ()) -> str:
    """An FTS5 OR query over quoted terms, so user text can never be FTS syntax; a code is sought in
    each of its printed forms (`code_forms`)."""
    forms = [form for t in terms if re.search(r"\w", t) for form in code_forms(t.replace(chr(34), ""))]
    return " OR ".join(list(phrases) + [f'"{form}"' for form in forms])


def lexical_terms(frequencies: dict[str, int], postings: int) -> list[str]:
    """The rarest terms whose postings fit the budget (at least two): BM25 cost grows with every
    posting it scores, and the commonest words barely move its ranking; the rerank still weighs them."""
    kept: list[str] = []
    total = 0
    for term in sorted(frequencies, key=frequencies.get):
        if len(kept) >= 2 and total + frequencies[term] > postings:
            break
        kept.append(term)
        total += frequencies[term]
    return kept


def lexical(store: Store, query: str, filters: Filters, limit: int) -> list[tuple[int, float]]:
    """Chunk ids by BM25 (heading weighted double), best first, with positive scores."""
    if not query:
        return []
    sql, params = _fts_select(store, filters, "-bm25(chunks_fts, 2.0, 1.0) AS score")
    rows = store.db.execute(
        f"{sql} chunks_fts MATCH ? ORDER BY score DESC LIMIT ?", [*params, query, limit]
    ).fetchall()
    return [(int(i), float(s)) for i, s in rows]


def matching_ids(store: Store, query: str, filters: Filters, limit: int) -> list[int]:
    """Up to `limit` chunk ids (within the filters, restricted ones hidden as in `lexical`) that match
    the FTS5 query, in no particular order: no BM25 is computed."""
    sql, params = _fts_select(store, filters, "1")
    rows = store.db.execute(f"{sql} chunks_fts MATCH ? LIMIT ?", [*params, query, limit]).fetchall()
    return [int(r[0]) for r in rows]


def _fts_select(store: Store, filters: Filters, extra: str) -> tuple[str, list]:
    """'SELECT <chunk id>, <extra> FROM chunks_fts … WHERE … AND', ready for a MATCH; filters and the
    hiding of restricted papers join each match to its document, which is skipped when neither applies
    (joining every match costs more than the ranking)."""
    hide = not filters.restricted and store.has_restricted()
    if not filters and not hide:
        return f"SELECT rowid, {extra} FROM chunks_fts WHERE", []
    where, params = filters.sql()
    sql = (
        f"SELECT c.id, {extra} FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid"
        f" JOIN documents d ON d.id = c.doc_id WHERE {where} AND {filters.chunk_sql()} AND"
    )
    return sql, params


def allowed_ids(store: Store, filters: Filters) -> np.ndarray:
    where, params = filters.sql()
    sql = "SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id"
    sql += f" WHERE {where} AND {filters.chunk_sql()}"
    rows = store.db.execute(sql, params).fetchall()
    return np.array([r[0] for r in rows], dtype=np.int64)


def dense(store: Store, vector: np.ndarray, filters: Filters, limit: int) -> list[tuple[int, float]]:
    """Chunk ids by cosine similarity, best first; filters applied inside FAISS, not after it.
    Restricted chunks are few, so without access they are excluded rather than the rest allowed."""
    if filters:
        return store.vectors.search(vector, limit, allowed_ids(store, filters))
    hidden = store.restricted_ids() if not filters.restricted and store.has_restricted() else None
    return store.vectors.search(vector, limit, excluded=hidden)


def frequencies(store: Store, terms: Sequence[str]) -> dict[str, int]:
    """Each term's document frequency; common words recur across questions, so counts are kept
    until the store changes."""
    known = store.memo("document_frequency")
    for term in terms:
        if term not in known:
            known[term] = document_frequency(store, term)
    return {term: known[term] for term in terms}


def document_frequency(store: Store, term: str) -> int:
    """How many chunks hold a term (stemmed as FTS5 stems it); 0 means the papers never say it."""
    query = fts_query([term])
    if not query:
        return 0
    return store.db.execute("SELECT COUNT(*) FROM chunks_fts WHERE chunks_fts MATCH ?", [query]).fetchone()[0]


def chunk_count(store: Store) -> int:
    return store.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
