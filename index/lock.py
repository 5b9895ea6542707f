"""One writer per store across processes: an advisory lock file that says who holds it."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from corpus.errors import CouncilQAError

LOCK_NAME = "writer.lock"
_POLL_SECONDS = 0.25  # how often a waiting writer tries again: short next to any ingest


class WriterBusyError(CouncilQAError):
    """Another process holds the store's writer lock for longer than this one would wait."""


def _describe_self() -> str:
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    command = " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv))[:200]
    return f"pid {os.getpid()} ({command or 'python'}) since {started}"


class WriterLock:
    """flock(2) on `<store>/writer.lock`: held by one process at a time, released when it exits or dies.

    The kernel drops a flock with its holder, so a killed ingest never leaves the store locked.
    Re-entrant within one object: nested `acquire` calls need as many `release` calls.
    """

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._fd: int | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._fd is not None

    @property
    def depth(self) -> int:
        """How many acquisitions this object holds (0 when it holds none)."""
        return self._depth if self._fd is not None else 0

    def holder(self) -> str:
        """Who holds the lock, as the holder wrote it ('pid 123 (councilqa ingest …) since …')."""
        try:
            return self.path.read_text(encoding="utf-8").strip() or "another process"
        except OSError:
            return "another process"

    def try_acquire(self) -> bool:
        """Take the lock if it is free; never waits."""
        if self._fd is not None:
            self._depth += 1
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, _describe_self().encode("utf-8"))
        self._fd, self._depth = fd, 1
        return True

    def acquire(self, wait: float, on_wait: Callable[[str], None] | None = None) -> None:
        """Take the lock, waiting up to `wait` seconds; WriterBusyError names the holder after that."""
        deadline = time.monotonic() + wait
        told = False
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise WriterBusyError(f"another ingest is writing to this store: {self.holder()}")
            if on_wait and not told:
                on_wait(f"waiting for the ingest already writing to this store: {self.holder()}")
                told = True
            time.sleep(_POLL_SECONDS)

    def release(self) -> None:
        if self._fd is None:
            return
        self._depth -= 1
        if self._depth:
            return
        fd, self._fd = self._fd, None
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
