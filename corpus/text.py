"""Reading raw files: bytes with friendly errors, and plain text in whatever encoding it came."""

from __future__ import annotations

import codecs
from pathlib import Path

from corpus.errors import UnreadableFileError

# Library messages are shown to users, so they are cut to one short line.
_MAX_REASON = 120


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


def load_bytes(path: Path) -> bytes:
    """The file's bytes; OS failures become UnreadableFileError."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path, os_reason(exc)) from exc


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding: BOM first, then UTF-8, then Windows/Latin-1."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass  # a stray BOM-like prefix; the byte encodings below cope
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it cannot fail.
        return data.decode("latin-1")


def normalise_newlines(text: str) -> str:
    """Windows and old-Mac line endings become \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """Text of a .txt/.md file, BOM removed and newlines normalised to \\n."""
    text = decode_text(load_bytes(path))
    return normalise_newlines(text.removeprefix("\ufeff"))
