"""Errors the corpus stage raises; their messages are shown to users as they are."""

from __future__ import annotations

from pathlib import Path


class CorpusError(Exception):
    """Base class for everything the corpus stage refuses."""


class UnreadableFileError(CorpusError):
    """A file that cannot be turned into a document, with a one-line reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
