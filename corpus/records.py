"""Records read from minutes and trackers, each field cited to the chunk and page it came from."""

# What minutes record, as records: meetings, agenda items, motions and commitment statements, each field
# cited to the chunk and page it was read from.

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Outcomes a motion can have; '' where the paper states none.
OUTCOMES = ("carried", "lost", "withdrawn", "deferred", "noted", "referred")


@dataclass(frozen=True)
class Where:
    """Where a value was read: the chunk's position in its document and the physical page (None for
    papers without pages)."""

    chunk: int
    page: int | None


@dataclass(frozen=True)
class Cited:
    """A value as the paper prints it (or normalised where noted), with where it was read."""

    value: str
    where: Where


@dataclass(frozen=True)
class Meeting:
    """The meeting a set of minutes records. Fields the paper does not state are None.

    status: 'draft' where the paper calls itself draft or unconfirmed; None where it does not say (a
    'to be confirmed at the next meeting' line is template text the confirmed copy keeps).
    Confirmation by a later meeting is a `Confirmation`.
    """

    date: Cited | None = None  # ISO date
    body: Cited | None = None
    chair: Cited | None = None
    venue: Cited | None = None
    start_time: Cited | None = None
    end_time: Cited | None = None
    present: Cited | None = None  # as printed: a list of names and roles
    apologies: Cited | None = None
    in_attendance: Cited | None = None
    status: Cited | None = None
    next_meeting: Cited | None = None  # as printed: 'Tuesday, 8 July 2025 at 8.00 pm in the Village Hall'


@dataclass(frozen=True)
class AgendaItem:
    """A numbered item as printed ('7', '7(b)', '01.24.06', 'Min. 45/19'), its title and pages."""

    number: str
    title: str
    where: Where
    page_end: int | None = None


@dataclass(frozen=True)
class Vote:
    """Counts and, where printed, the names on each side (a roll call)."""

    votes_for: int | None = None
    against: int | None = None
    abstain: int | None = None
    ayes: tuple[str, ...] = ()
    noes: tuple[str, ...] = ()
    where: Where | None = None


@dataclass(frozen=True)
class Motion:
    """A motion, resolution or amendment and what became of it.

    mover/seconder only where the paper labels them; two unlabelled names stay in `names`.
    kind: 'motion', 'amendment' or 'resolution' (a RESOLVED or 'it was agreed' with no mover).
    outcome: one of OUTCOMES, or None where the paper states none.
    """

    text: Cited
    kind: str = "motion"
    number: str | None = None  # the motion's own number, e.g. 'R2023-208' or '12'
    item: AgendaItem | None = None
    mover: Cited | None = None
    seconder: Cited | None = None
    names: tuple[Cited, ...] = ()
    outcome: Cited | None = None
    unanimous: bool = False
    vote: Vote | None = None
    passage: str = ""  # the verbatim text the motion was read from


@dataclass(frozen=True)
class Confirmation:
    """A later meeting confirming the minutes of an earlier one: the earlier meeting's date (ISO)."""

    meeting_date: str
    where: Where
    passage: str


@dataclass(frozen=True)
class Commitment:
    """A statement about a numbered commitment ('Pledge 48') in a tracker row, as of the paper's date.

    owners: (column header, name) pairs such as ('Portfolio Holder', 'Jemima Laing').
    status: the row's status label ('In Progress'), narrative the rest of the status cell.
    """

    key: str  # kind and number as printed: 'Pledge 48'
    kind: str
    number: str
    text: str
    where: Where
    owners: tuple[tuple[str, str], ...] = ()
    status: str | None = None
    narrative: str = ""
    passage: str = ""


@dataclass(frozen=True)
class Records:
    """Everything read from one document's chunks."""

    meeting: Meeting | None = None
    items: tuple[AgendaItem, ...] = ()
    motions: tuple[Motion, ...] = ()
    confirmations: tuple[Confirmation, ...] = ()
    commitments: tuple[Commitment, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not (self.meeting or self.items or self.motions or self.confirmations or self.commitments)


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None
