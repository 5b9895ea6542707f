"""The parts of a question a follow-up can reuse or replace: its subject, topic, linking word and time."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.query import identifiers

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|sept?|jan|feb|mar|apr|jun|jul|aug|oct|nov|dec"
)
# A time phrase, with the preposition that ties it to the question: "in September 2019", "2020".
TIME_PREPOSITIONS = "in|during|by|for|as of|as at|at the end of|until|before|after|since"
TIME = re.compile(
    rf"(?:\b(?:{TIME_PREPOSITIONS})\s+)?"
    rf"(?:\b(?:early|late|mid)[- ]?)?(?:\b(?:{_MONTHS})\.?\s+)?\b(?:19|20)\d\d\b",
    re.I,
)
# Words that open a full question rather than a fragment ("and who is …?" against "and the lead …?").
QUESTION_WORDS = frozenset(
    "who whom whose what when where which why how is are was were does do did has have had will would"
    " can could should may might list name summarise summarize describe explain tell give show".split()
)
_HEAD = re.compile(
    r"^\s*(?:(?:who|what|which|when|where|why|how)(?:\s+(?:much|many|far|long))?\s+)?"
    r"(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|should)\s+",
    re.I,
)
NOUN_PHRASE = re.compile(r"^(?:the|a|an|its|their)\s+\S", re.I)
LINKS = "for|of|on|about|regarding|concerning|under|to|with|in|at|from|behind"
_TOPIC_LINKS = "about|regarding|concerning|for|of|with|to"  # not "on", "in": "on track", "in place"
_LAST_OBJECT = re.compile(rf"\b(?:{_TOPIC_LINKS})\s+((?:(?!\b(?:{LINKS})\b).)+?)\s*$", re.I)
_LINK_BEFORE = re.compile(rf"\b({LINKS})\s*$", re.I)
# What follows an identifier's number and still belongs to it: "item 7(b)", "Pledges 48 and 49".
_SUB = r"(?:\s?\([a-z0-9]{1,4}\))*"
_ID_TAIL = re.compile(rf"{_SUB}(?:\s*(?:,|,?\s*and|or|&)\s*\d{{1,4}}(?:\.\d{{1,3}})*[a-z]?\b{_SUB})*", re.I)
_ID_JOIN = re.compile(r"^\s*(?:,|and|or|&|,\s*and)\s*$", re.I)
_NAMED = re.compile(r"(?:\bthe\s+)?\b[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|on|in|&)\s+)*[A-Z][\w'’-]*)*")
_SKIP_NAMED = frozenset(_MONTHS.split("|")) | QUESTION_WORDS | {"i"}
EDGE = re.compile(r"^[\s,;:]+|[\s?.!,;:]+$")


@dataclass(frozen=True)
class Frame:
    """The parts of a question a follow-up can reuse or replace; each is text of the question or None."""

    text: str
    head: str  # "Who is "
    topic: str | None  # "the portfolio holder": what is asked about the subject
    link: str | None  # "for": the word tying topic to subject
    subject: str | None  # "Pledge 48", "the Corporate Parenting Board"
    time: str | None  # "in September 2019"


def parse_frame(text: str) -> Frame:
    """Subject (identifiers as written, else a named thing), topic, linking word and time of a question."""
    time = TIME.search(text)
    bare = EDGE.sub("", TIME.sub(" ", text)) if time else EDGE.sub("", text)
    bare = " ".join(bare.split())
    head_match = _HEAD.match(bare)
    head = head_match.group(0) if head_match else ""
    subject = identifier_span(bare) or named(bare, len(head))
    topic = link = None
    if subject and (at := bare.find(subject)) > len(head):
        before = bare[len(head) : at]
        if m := _LINK_BEFORE.search(before):
            link, candidate = m.group(1), before[: m.start()].strip()
            topic = candidate if NOUN_PHRASE.match(candidate) else None
    if topic is None and (m := _LAST_OBJECT.search(bare)) and (not subject or subject not in m.group(1)):
        topic = m.group(1)
    elif topic is None and not subject and NOUN_PHRASE.match(bare[len(head) :]):
        topic = bare[len(head) :]
    return Frame(text, head, topic, link, subject, time.group(0) if time else None)


def identifier_span(text: str) -> str | None:
    """The identifiers as written ("Pledge 48", "Pledges 48 and 49", "item 7(b)"), joined if adjacent."""
    spans = []
    for ident in identifiers(text):
        if ident.strict and (m := ident.pattern().search(text)):
            spans.append((m.start(), _ID_TAIL.match(text, m.end()).end()))
    if not spans:
        return None
    spans.sort()
    start, end = spans[0]
    for s, e in spans[1:]:
        if not _ID_JOIN.match(text[end:s]):
            break
        end = e
    return text[start:end]


def named(text: str, skip: int) -> str | None:
    """The first capitalised name past the question's opening words: 'the Corporate Parenting Board'."""
    for m in _NAMED.finditer(text, skip):
        words = [w for w in m.group(0).split() if w.lower() != "the"]
        if words and words[0].lower() not in _SKIP_NAMED:
            return m.group(0)
    return None


def time_phrase(text: str) -> str:
    """'2019' -> 'in 2019'; 'by March 2020' stays as it is."""
    if m := re.match(rf"(?:{TIME_PREPOSITIONS})\s", text, re.I):
        return m.group(0).lower() + text[m.end() :]
    return f"in {text}"
