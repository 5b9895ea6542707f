"""Errors the index stage raises; their messages are shown to users as one line."""

from __future__ import annotations

from corpus.errors import CouncilQAError


class StoreError(CouncilQAError):
    """The store folder cannot be opened, written, or disagrees with the model in use."""
