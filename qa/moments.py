"""The moment a date or time question asks for: a plan's date ahead, or a meeting's start or finish."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.answertype import expected

# The moment of a meeting a time question asks for, and the words that name it in a question or in the
# sentence giving the time ('The meeting closed at 4.25 pm'); a paper's masthead time is when it starts.
# A closed session held in private, inside the meeting: rising from it ends the session, not the meeting.
_PRIVATE = r"(?:closed|in[\s-]camera|private)\s+(?:meeting|session|part)"
_RISE = r"(?:rose|ris(?:e|es|ing|en))"
_FROM_PRIVATE = rf"\s+(?:from|out\s+of)\s+(?:(?:the|its|their)\s+)?(?:[a-z]+\s+)?{_PRIVATE}"
_EVENTS = {
    # 'Rise from Closed Meeting (6:55 p.m.)', 'At what time did Council rise from the first closed meeting?'
    "private_finish": re.compile(rf"\b{_RISE}{_FROM_PRIVATE}", re.I),
    # the meeting opened again in public after a closed session: 'Open Meeting (7:00 p.m.)', 'reconvened'
    "resume": re.compile(r"\b(?:reconven\w*|resum(?:e|ed|es|ing)|open\s+(?:meeting|session))\b", re.I),
    "finish": re.compile(
        # a 'Closed Meeting' or 'closed session' is held in private: it does not end the meeting
        r"\b(?:finish\w*|end(?:s|ed)?|clos(?:e|ed|es|ing)(?!\s+(?:meeting|session|part|to\s+the\s+public))"
        rf"|conclud\w*|adjourn\w*|{_RISE}(?!{_FROM_PRIVATE})|wrap(?:s|ped)?\s+up|(?:was|were)\s+over"
        r"|terminat\w*)\b",
        re.I,
    ),
    "start": re.compile(r"\b(?:start\w*|begin\w*|began|commenc\w*|open(?:s|ed)?)\b", re.I),
}

# 'When will the footpath be renewed?', 'when repairs are likely to be carried out': when something
# planned will happen, which a reply saying it is done also answers.
_PLANNED = re.compile(
    r"^\W*when\b(?!\s+(?:was|did|were|had)\b)"
    r".*\b(?:will|to be|going to|likely|expected|scheduled|due|planned)\b",
    re.I,
)


# What is to be done: the participle after 'be' ('be cleared', 'be carried out'), or a verb after 'will'.
_PLANNED_VERB = re.compile(r"\b(?:will|to|going to)\s+(?:[\w'’/-]+\s+){0,20}?be\s+([a-z]+)\b", re.I)


@dataclass(frozen=True)
class Plan:
    """What a 'when will …' question asks about: the work, in the question's lowercase words ('hedge',
    'cutting'), and what is to be done to it ('carried')."""

    verb: str
    work: tuple[str, ...]


_NOT_WORK = frozenset({"will", "is", "are", "to", "be", "going", "likely", "expected", "scheduled", "due"})


@lru_cache(maxsize=1 << 10)  # asked of every candidate the reader types
def asks_plan(question: str) -> Plan | None:
    """What a date question about something planned asks of ('When will the gullies be cleared?' →
    'cleared', ('gullies',)): when it will happen, not when it did; None for any other question, or
    when it names no participle after 'be'."""
    if expected(question).kind != "date" or not (when := _PLANNED.search(question)):
        return None
    if not (m := _PLANNED_VERB.search(question)):
        return None
    asked = re.findall(r"[A-Za-z][\w'’-]*", question[when.start() : m.start(1)])[1:]  # after 'when'
    return Plan(m.group(1).lower(), tuple(w for w in asked if w.islower() and w not in _NOT_WORK))


# A date asked of what is to come in other words ('On what date is the report scheduled?'), not of what was.
_AHEAD = re.compile(r"\b(?:will|scheduled|due|expected|planned|going to|next)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|did|had|has|have)\b", re.I)
_SET_FOR = re.compile(r"\b(?:scheduled|planned|due|set|timetabled)\s+(?:for|back)\b", re.I)


def looks_ahead(question: str) -> bool:
    """A date question about what is to come ('When is the progress report scheduled for?', 'When will
    the gullies be cleared?', 'On what date is it due?'), not about what happened ('When was it due?')."""
    if expected(question).kind != "date":
        return False
    return bool(
        _PLANNED.search(question)
        or _SET_FOR.search(question)  # 'What date was the report scheduled for?': ahead of its scheduling
        or (_AHEAD.search(question) and not _PAST.search(question))
    )


_ASKING_TIME = re.compile(r"\b(?:what|which)\s+time\b|\bwhen\b", re.I)


@lru_cache(maxsize=1 << 10)  # asked per candidate (features, typematch)
def time_event(question: str) -> str | None:
    """'finish' or 'start' when a time question asks when a meeting ended or began, 'private_finish' when
    it asks when a closed session inside it ended, 'resume' when the meeting opened again after one, else
    None."""
    if expected(question).kind != "time":
        return None
    # the moment the asking clause names, before one a leading clause names ('after the closed meeting
    # rose, at what time did the open meeting begin?' asks a start)
    asking = _ASKING_TIME.search(question)
    if asking and (
        told := [(m.start(), e) for e, w in _EVENTS.items() if (m := w.search(question, asking.start()))]
    ):
        return min(told)[1]
    return next((event for event, words in _EVENTS.items() if words.search(question)), None)


def event_words(sentence: str, event: str) -> tuple[str, ...]:
    """The words of a sentence that tell the asked moment ('finished', 'closed' for an 'end' asked), so
    a time stands beside what is asked though the question says it in other words."""
    return tuple(m.group(0) for m in _EVENTS[event].finditer(sentence))


def at_event(sentence: str, event: str) -> bool:
    """Whether a sentence's time can be the asked moment: a finish time is told as one ('closed at'); a
    start time is any other, unless the sentence tells only of an ending."""
    if event in {"finish", "private_finish", "resume"}:
        return bool(_EVENTS[event].search(sentence))
    return not _EVENTS["finish"].search(sentence) or bool(_EVENTS["start"].search(sentence))
