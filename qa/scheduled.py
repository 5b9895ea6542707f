"""What was put off or put down for later: the questions asking its day, and the sentences giving it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.dates import find_dates
from qa.features import Candidate
from qa.query import MONTHS

# A date asked of what was put off or put down for later ('asked for a progress report in six months -
# which meeting date was it put down for?'): the question's month is when it was set, and the day asked
# may lie up to a year after it, as far ahead as a committee's work programme runs.
SET_AHEAD = re.compile(
    r"\b(?:put (?:down|back|off)|(?:re)?schedul(?:ed|ing)|defer(?:red)?|postponed?|pencill?ed"
    # the verb, not the noun ('the 2019 schedule', 'Salary Schedule and Benefit Update')
    r"|(?:re)?schedule(?=\s+(?:the|a|an|its|their|it|them|this|that|discussions?)\b)"
    r"|brought back|come back|due back|listed for|set for)\b"
    r"|\bin (?:\w+ )?(?:months?|weeks?|years?)['’]? time\b"
    r"|\bin (?:two|three|four|six|nine|twelve|\d{1,2}) (?:months|weeks)\b",
    re.I,
)
# Of those, what says the question's month is when it was put off, so the day asked lies after it; a meeting
# 'scheduled' for a month the question names lies in that month ('When is the January 2020 meeting
# tentatively scheduled?').
PUT_OFF = re.compile(
    r"\b(?:put (?:down|back|off)|defer(?:red)?|postponed?|brought back|come back|due back)\b"
    r"|\bin (?:\w+ )?(?:months?|weeks?|years?)['’]? time\b"
    r"|\bin (?:two|three|four|six|nine|twelve|\d{1,2}) (?:months|weeks)\b",
    re.I,
)
# A date asked after a dated event ('When is the next inspection scheduled after the January 2024
# inspection?'): the day asked lies after that time, however long after; a date before it answers nothing.
DATED_AFTER = re.compile(
    rf"\b(?:after|following)\s+(?:the\s+|its\s+|their\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?:(?:{MONTHS})\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b",
    re.I,
)
# A row's cells are joined with ' | ': a date in the next cell ('Date: July 2019', when the action was
# logged) is not the one the cell putting the thing off gives.
_CELL = " | "


# A meeting asked when it is scheduled ('the November 2019 meeting scheduled'): its listed day answers,
# not a day something was put off to.
_MEETING_SET = re.compile(r"\bmeetings?\s+(?:\w+\s+){0,2}(?:scheduled|set|pencill?ed|listed)\b", re.I)


# A sentence sets a day ahead in these words too: '(e) New Ofsted Framework … to be discussed on 13
# November 2019'.
_SET_FOR = re.compile(
    r"\bto be (?:discussed|considered|presented|reported|received|reviewed|brought back|heard)\b", re.I
)


def gives_set_day(sentence: str) -> bool:
    """Whether the sentence puts something off or down for later and gives the day, after saying so and
    in the same cell ('scheduled on the panel's work programme for 6 months' time (8 January 2020)'); the
    day a row was agreed on, before it ('10 July 2019 … Agreed that a progress report … be scheduled …'),
    or a masthead's 'Date of meeting', gives none."""
    for cell in sentence.split(_CELL):
        said = SET_AHEAD.search(cell) or _SET_FOR.search(cell)
        if said and any(d.start >= said.end() for d in find_dates(cell)):
            return True
    return False


def set_days(found: Sequence[Candidate], question: str) -> list[Candidate]:
    """For a date asked of what was put off or put down ('For which meeting date was the progress report
    scheduled?'), the candidates giving the day it was put down for (`gives_set_day`), when any does;
    else, or for a meeting asked when it is scheduled, or any other question, all of them."""
    if not SET_AHEAD.search(question) or _MEETING_SET.search(question):
        return list(found)
    return [c for c in found if gives_set_day(c.shown)] or list(found)
