"""Filters on a document's metadata, as SQL the searches share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Filters:
    """Restrict a search to papers of a period, council, committee or type; None means any."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    council: str | None = None
    body: str | None = None
    doc_type: str | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in vars(self).values())

    def sql(self, alias: str = "d") -> tuple[str, list[object]]:
        """A WHERE fragment over documents (alias d) and its parameters; '1' when unfiltered."""
        clauses: list[str] = []
        params: list[object] = []
        if self.date_from:
            clauses.append(f"{alias}.date >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to:
            clauses.append(f"{alias}.date <= ?")
            params.append(self.date_to.isoformat())
        # Council and committee names are matched loosely: 'plymouth' finds 'Plymouth City Council'.
        for column, value in (("council", self.council), ("body", self.body)):
            if value:
                clauses.append(f"{alias}.{column} LIKE ?")
                params.append(f"%{value}%")
        if self.doc_type:
            clauses.append(f"{alias}.doc_type = ?")
            params.append(self.doc_type.lower())
        return (" AND ".join(clauses) or "1"), params
