"""Filters on a document's metadata, as SQL the searches share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Filters:
    """Restrict a search to papers of a period, council, committee or type; None means any.

    restricted: whether the caller may see restricted (exempt, confidential) text; it is not a
    filter the user chose, so it does not make the Filters true.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    council: str | None = None
    body: str | None = None
    doc_type: str | None = None
    restricted: bool = False

    def __bool__(self) -> bool:
        return any(v is not None for k, v in vars(self).items() if k != "restricted")

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

    def chunk_sql(self, alias: str = "c") -> str:
        """A WHERE fragment over chunks (alias c) that hides restricted text from those without access."""
        return "1" if self.restricted else f"{alias}.restricted = 0"
