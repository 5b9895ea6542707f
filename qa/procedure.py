"""Resolutions that only receive or note a paper: procedure, not what a meeting decided on its subject."""

from __future__ import annotations

import re

from qa.candidate import Candidate

# 'That the … Committee Report #OTES051413 regarding … be received.'; 'That the report be noted.'
_RECEIVED = re.compile(
    r"^\W*(?:\d+[.)]\s*)?That\b.{0,400}?\bbe\s+(?:received|noted)(?:\s+for\s+information)?\W*$", re.I | re.S
)
_RESOLVED = re.compile(r"^\W*(?:\d+[.)]\s*)?That\b", re.I)


def receives_only(text: str) -> bool:
    """The clause receives or notes a report and resolves nothing else."""
    return bool(_RECEIVED.match(text))


def substantive(found: list[Candidate]) -> list[Candidate]:
    """The candidates less each clause that only receives a report, where its passage resolves something
    else too ('That staff be directed to create a Donation Bin category …'): that clause is the decision."""
    deciding = {c.passage.chunk_id for c in found if _RESOLVED.match(c.text) and not receives_only(c.text)}
    return [c for c in found if not (c.passage.chunk_id in deciding and receives_only(c.text))]
