"""Fault injection for the crash tests: SIGKILL this process at a named point of an ingest."""

# COUNCILQA_KILL_AT="published:2" kills the process the second time ingest reaches the point
# "published". Unset (always, outside the crash tests), `checkpoint` is one dictionary lookup.

from __future__ import annotations

import os
import signal

POINTS = ("file", "embedded", "added", "published", "committed", "pruning")
_VARIABLE = "COUNCILQA_KILL_AT"
_seen: dict[str, int] = {}


def _target() -> tuple[str, int] | None:
    value = os.environ.get(_VARIABLE, "")
    if not value:
        return None
    point, _, count = value.partition(":")
    return point, int(count or 1)


_TARGET = _target()


def checkpoint(point: str) -> None:
    """Die by SIGKILL here if the crash test asked for this point and this visit."""
    if _TARGET is None or _TARGET[0] != point:
        return
    _seen[point] = _seen.get(point, 0) + 1
    if _seen[point] == _TARGET[1]:
        os.kill(os.getpid(), signal.SIGKILL)
