"""Reading raw files: bytes with friendly errors, and plain text in whatever encoding it came."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from corpus.errors import NotTextError, UnreadableFileError

# Library messages are shown to users, so they are cut to one short line.
_MAX_REASON = 120
# UTF-16 without a BOM is told by its zero bytes: ASCII-range text puts one in every other byte, so
# over this share of zeros on one side (and almost none on the other) in the sample means UTF-16.
_UTF16_SAMPLE = 4096
_UTF16_ZERO_SHARE = 0.3
_UTF16_OTHER_SIDE = 0.05
# Text uses tab, newline, form feed and the like; other control characters are rare in any real paper,
# while decoded binary data is full of them (random bytes: about one in ten), so past this share it is
# not text. NUL is counted apart: a few stray NULs are dropped, a file mostly of NULs is binary.
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x19\x1b-\x1f\x7f]")
_BINARY_CONTROL_SHARE = 0.01
_BINARY_NUL_SHARE = 0.1

# The bytes a reader must parse instead of reading the file again (see `pinned`).
_PINNED: ContextVar[tuple[str, bytes] | None] = ContextVar("pinned", default=None)


def short_message(exc: BaseException) -> str:
    """One short line describing `exc`, for the reason of an UnreadableFileError."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if len(text) > _MAX_REASON:
        text = text[: _MAX_REASON - 1].rstrip() + "…"
    return text


def os_reason(exc: OSError) -> str:
    """'cannot read file: permission denied' and the like, from an OSError."""
    detail = exc.strerror or short_message(exc)
    return f"cannot read file: {detail.lower()}"


@contextmanager
def pinned(path: Path | str, data: bytes) -> Iterator[None]:
    """While open, `load_bytes(path)` returns `data` instead of reading the file again.

    The ingest hashes the bytes it read once and parses those same bytes, so a file rewritten while
    it is read can never be stored under the hash of other content. Every reader reads through
    `load_bytes` for this to hold.
    """
    token = _PINNED.set((os.fspath(path), data))
    try:
        yield
    finally:
        _PINNED.reset(token)


def load_bytes(path: Path) -> bytes:
    """The file's bytes (the pinned ones, if any); OS failures become UnreadableFileError."""
    held = _PINNED.get()
    if held is not None and held[0] == os.fspath(path):
        return held[1]
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path, os_reason(exc)) from exc


def _utf16_order(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when BOM-less bytes look like UTF-16, else None."""
    sample = data[:_UTF16_SAMPLE]
    half = len(sample) // 2
    if half == 0 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd >= _UTF16_ZERO_SHARE and even <= _UTF16_OTHER_SIDE:
        return "utf-16-le"
    if even >= _UTF16_ZERO_SHARE and odd <= _UTF16_OTHER_SIDE:
        return "utf-16-be"
    return None


def _decode(data: bytes) -> str:
    """Decode bytes of unknown encoding: BOM first, BOM-less UTF-16, UTF-8, then Windows/Latin-1."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass  # a stray BOM-like prefix; the byte encodings below cope
    if order := _utf16_order(data):
        try:
            return data.decode(order)
        except UnicodeDecodeError as exc:
            raise NotTextError("looks like UTF-16 text but does not decode as it") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it cannot fail.
        return data.decode("latin-1")


def decode_text(data: bytes) -> str:
    """Text of bytes in an unknown encoding, stray NULs removed; NotTextError for binary data."""
    text = _decode(data)
    size = max(len(text), 1)
    if len(_CONTROL.findall(text)) / size > _BINARY_CONTROL_SHARE or text.count("\x00") / size > (
        _BINARY_NUL_SHARE
    ):
        raise NotTextError("binary data, not text")
    return text.replace("\x00", "")


def normalise_newlines(text: str) -> str:
    """Windows and old-Mac line endings become \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """Text of a .txt/.md file, BOM removed and newlines normalised to \\n."""
    text = decode_text(load_bytes(path))
    return normalise_newlines(text.removeprefix("\ufeff"))
