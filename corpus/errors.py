"""Errors the corpus stage raises, and the one way a file name is shown to users."""

from __future__ import annotations

import re
from pathlib import Path

# Characters that would act on a terminal or disguise a name: C0/C1 controls and DEL (ANSI escapes,
# newlines), lone surrogates (bytes of a name that is not UTF-8), and the bidirectional overrides
# that make 'txt.exe' look like 'exe.txt' (Trojan Source, CVE-2021-42574).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that os.fsdecode could not decode: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    )


def shown(name: str | Path) -> str:
    """`name` safe to print on one line: control and direction characters written as escapes.

    'a\\nb\\x1b[31m.txt' -> 'a\\\\nb\\\\x1b[31m.txt'; ordinary letters of any script are kept as they are.
    """
    return _UNSAFE.sub(_escape, str(name))


class CouncilQAError(Exception):
    """The root of every error councilqa shows its users: the message is one line, never a traceback.

    It lives in the lowest layer so that corpus/, index/ and qa/ can all derive from it.
    """


class CorpusError(CouncilQAError):
    """Base class for everything the corpus stage refuses."""


class NotTextError(CorpusError):
    """Bytes that do not decode to text (binary data, or an encoding that cannot be told)."""


class UnreadableFileError(CorpusError):
    """A file that cannot be turned into a document, with a one-line reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{shown(self.path)}: {shown(reason)}")
