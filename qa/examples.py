"""Example questions for an empty conversation, drawn from what the store's own papers hold."""

from __future__ import annotations

import sqlite3
from collections import Counter

from qa.query import identifiers

SCANNED_CHUNKS = 3000  # chunks read for identifiers: enough to meet a store's recurring ones, fast
IDENTIFIER_EXAMPLES = 2
BODY_EXAMPLES = 2


def _frequent_identifiers(db: sqlite3.Connection, restricted: bool) -> list[str]:
    """Council-numbered things ('Pledge 48') by how many papers name them, most first."""
    visible = "1" if restricted else "restricted = 0"
    papers: dict[str, set[int]] = {}
    rows = db.execute(
        f"SELECT doc_id, text FROM chunks WHERE {visible} ORDER BY id LIMIT ?", (SCANNED_CHUNKS,)
    )
    for doc_id, text in rows:
        for ident in identifiers(text):
            if ident.strict and ident.noun:
                papers.setdefault(str(ident), set()).add(doc_id)
    counts = Counter({name: len(docs) for name, docs in papers.items()})
    return [name for name, _ in counts.most_common()]


def _bodies(db: sqlite3.Connection, restricted: bool) -> list[str]:
    visible = "1" if restricted else "access = 'public'"
    sql = f"""SELECT body FROM documents WHERE body IS NOT NULL AND body != '' AND {visible}
        GROUP BY body ORDER BY COUNT(*) DESC, body"""
    return [r[0] for r in db.execute(sql)]


def example_questions(db: sqlite3.Connection, restricted: bool = False) -> tuple[str, ...]:
    """A few questions this store can answer: the status of its most-named identifiers and what its
    bodies decided; () for an empty store."""
    asks = [f"What is the status of {name}?" for name in _frequent_identifiers(db, restricted)]
    decided = []
    for body in _bodies(db, restricted)[:BODY_EXAMPLES]:
        the = "" if body.lower().startswith("the ") else "the "
        decided.append(f"What did {the}{body} decide?")
    return tuple(asks[:IDENTIFIER_EXAMPLES] + decided)
