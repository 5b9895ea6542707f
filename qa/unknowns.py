"""Sentences saying the asked fact was not yet known when their paper was written ('to be confirmed')."""

from __future__ import annotations

import re

# What was not yet told ('not yet known', 'not yet published'), and what was not yet settled ('yet to
# be agreed'), which itself answers whether something was decided.
_TOLD = r"known|available|published|released|announced"
_SETTLED = r"confirmed|finali[sz]ed|determined|set|decided|agreed"


def _unknown(states: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:(?:is|are|was|were)\s+(?:still\s+)?not\s+(?:yet\s+)?(?:{states})"
        rf"|(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:{states})"
        # 'is to be known as Bucky's Crossroads Plaza Addition' names the thing
        rf"|(?:is|are|was|were)\s+(?:still\s+)?(?:yet\s+)?to\s+be\s+(?:{states})\b(?!\s+as\b))\b"
        r"|\bto\s+be\s+confirmed\b|\bTB[CA]\b",
        re.I,
    )


_NOT_TOLD = _unknown(_TOLD)
_NOT_SETTLED = _unknown(f"{_TOLD}|{_SETTLED}")


def not_yet_known(sentence: str, kind: str) -> bool:
    """Whether the sentence, answering a question of answer type `kind`, says instead that the asked
    fact was not yet known: 'The GCSE results for the city are not yet known at the time of writing'
    gives no results. How a matter stands or why is answered by a 'not yet'; so is whether something
    was decided, by a 'yet to be agreed', though not by a 'not yet known'."""
    if kind in ("status", "reason"):
        return False
    return bool((_NOT_TOLD if kind == "decision" else _NOT_SETTLED).search(sentence))
