"""All records of one document, read from its public chunks."""

# Records of one document, read from its chunks: the meeting, items, motions, confirmations of earlier
# minutes and commitment statements. Restricted chunks are never read, so no record can show them.

from __future__ import annotations

from collections.abc import Sequence

from corpus.agendaitems import read_items
from corpus.commitments import read_commitments
from corpus.document import Chunk, Document
from corpus.meeting import read_confirmations, read_meeting
from corpus.motions import read_motions
from corpus.records import Records, iso
from corpus.recordtext import RecordText

_MINUTES = ("minutes",)


def extract_records(document: Document, chunks: Sequence[Chunk]) -> Records:
    """Records of `document` from its `chunks` (as corpus.chunker made them); empty when it has none.

    Meetings, items and motions are read from minutes only: an agenda's 'Moved by' is a proposal, not
    a decision. Commitment statements and confirmations are read from any paper.
    """
    public = [c for c in chunks if not c.restricted]
    if not public:
        return Records()
    text = RecordText(document, public)
    commitments = read_commitments(public)
    confirmations = read_confirmations(text)
    if document.meta.doc_type not in _MINUTES:
        return Records(confirmations=confirmations, commitments=commitments)
    marks = read_items(text)
    meeting = read_meeting(text, document.meta.body, iso(document.meta.date), marks[0][0] if marks else None)
    return Records(
        meeting=meeting,
        items=tuple(item for _, item in marks),
        motions=read_motions(text, marks),
        confirmations=confirmations,
        commitments=commitments,
    )
