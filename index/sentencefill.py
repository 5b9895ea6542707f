"""Sentence vectors kept whole across ingests: the units of a batch, backfill, repair and compaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from index.embedder import Embedder
from index.faults import checkpoint
from index.sentencevectors import Fresh
from index.store import Store


def unstored(store: Store, chunk_texts: Sequence[str], enabled: bool = True) -> Fresh:
    """The units of these chunks that the store lacks; none when `enabled` is False
    (Settings.sentence_vectors)."""
    return store.sentences.unstored(chunk_texts) if enabled else Fresh((), ())


def backfill(store: Store, embedder: Embedder, batch: int, notice: Callable[[str], None]) -> int:
    """Store the units of chunks stored without them (an older store, a damaged file, units read by older
    rules), `batch` chunks per transaction so an interrupted backfill keeps what it did; returns the
    chunks filled."""
    if store.sentences.damaged():
        notice(f"{store.folder}: the sentence vector file is missing or short; its vectors are stored again")
        with store.transaction():
            store.sentences.reset()
    with store.transaction():  # units read by older rules: each chunk's units are looked up again
        store.sentences.relink_for_rules()
    filled, after = 0, 0
    while rows := store.sentences.unlinked(after, batch):
        texts = [text for _, text in rows]
        fresh = store.sentences.unstored(texts)
        vectors = embedder.embed(list(fresh.texts)) if fresh.texts else np.zeros((0, store.dimension))
        with store.transaction():
            store.sentences.add(fresh.hashes, vectors)
            store.sentences.link([chunk_id for chunk_id, _ in rows], texts)
        checkpoint("added")
        filled, after = filled + len(rows), rows[-1][0]
    return filled


def compact(store: Store) -> bool:
    """Rewrite the vector file without rows no chunk holds, when they are many; True when it did."""
    previous = store.sentences.state()[0]
    plan = store.sentences.compaction()
    if plan is None:
        return False
    with store.transaction():
        store.sentences.apply(plan)
    store.sentences.prune(previous)
    return True
