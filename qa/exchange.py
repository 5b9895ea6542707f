"""Questions put at a meeting and the replies to them: a reply answers, the question it answers does not."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from corpus.units import units_of
from qa.framing import unframed
from qa.units import unit_at

# The forms councils print questions and motions in: 'I will ask at the next Meeting…', 'To ask the
# Leader…', 'Question submitted by Councillor…', 'will move at the next Meeting that…'.
_ASKING = re.compile(
    r"^\W*(?:\d+\.\s*)?(?:(?:I|We)\s+)?will\s+(?:ask|move)\s+at\s+the\s+next\b|^\W*to\s+ask\s+the\b"
    r"|\bquestions?\s+submitted\s+by\b|\bnotice\s+of\s+motion\s+submitted\s+by\b",
    re.I | re.M,
)
# A reply as papers label it ('REPLY:', 'Response:', 'Answer:') or minute it ('the Leader replied').
_REPLY = re.compile(
    r"\b(?:REPLY|Reply|RESPONSE|Response|ANSWER|Answer)\s*:|^(?:REPLY|RESPONSE|ANSWER)\b|\b(?:replied|responded)\b",
    re.M,
)
# A question about the questions themselves ('what did Councillor Teefy ask about…', 'what did she
# raise about…') wants them.
_ABOUT_ASKING = frozenset(
    {"ask", "asked", "asking", "question", "questions", "motion", "motions", "submitted"}
    | {"raise", "raised", "raising", "tabled", "query", "queried", "queries"}
)


# Words every match of each pattern holds, case-folded: a text holding none is passed over without
# running the pattern over each of its lines and words (the rerank asks both of ~120 passages a query).
_REPLY_WORDS = ("repl", "respon", "answer")
_ASKING_WORDS = ("ask", "move", "submitted")


@lru_cache(maxsize=1 << 12)  # the rerank and every candidate of a passage ask it of the same text
def replies(text: str) -> bool:
    """The passage holds a reply to a question put at a meeting."""
    lower = text.casefold()
    return any(w in lower for w in _REPLY_WORDS) and bool(_REPLY.search(text))


@lru_cache(maxsize=1 << 12)
def only_asks(text: str) -> bool:
    """The passage puts questions or motions and holds no reply to them."""
    lower = text.casefold()
    return any(w in lower for w in _ASKING_WORDS) and bool(_ASKING.search(text)) and not replies(text)


def wants_questions(terms: Sequence[str]) -> bool:
    return any(t.lower() in _ABOUT_ASKING for t in terms)


REPLY_LABELS = frozenset({"reply", "response", "answer"})
# A question's heading in minutes: 'Question 6 - Cllr. John Hennessy', 'Question (b) - Councillor Bains',
# 'Question submitted by Councillor Ryan', 'Q2.' (not a quarter: 'Q2 performance'), 'Notice of Motion'.
_HEADS_QUESTION = re.compile(
    r"^\s*(?:(?:written\s+)?questions?\b(?:\s+(?:no\.?\s*)?[\w()]{1,5})?\s*(?:[-–—:]|submitted|by|from|to)"
    r"|q\.?\s*\d{1,3}\.(?:\s|$)|notices?\s+of\s+motion\b)",
    re.I,
)


def is_reply_label(text: str) -> bool:
    """A label or line that opens a reply: 'Reply', 'Response:', 'Answer from the Town Clerk'."""
    words = text.split()
    return bool(words) and words[0].lower() in REPLY_LABELS


def heads_question(text: str) -> bool:
    """A question's heading as minutes print it, where one reply ends and the next question starts."""
    return bool(_HEADS_QUESTION.match(text))


@lru_cache(maxsize=1 << 12)  # each candidate of a sentence asks it
def puts_question(sentence: str) -> bool:
    """The sentence is a question as a councillor put it ('I will ask at the next Meeting …', 'Will the
    Leader tell me whether …?'): printed before its reply, it never answers."""
    lower = sentence.casefold()
    asking = any(w in lower for w in _ASKING_WORDS) and bool(_ASKING.search(sentence))
    return asking or unframed(sentence) != " ".join(sentence.split())


@lru_cache(maxsize=1 << 12)  # every typed candidate of a reply asks it
def replied_to(text: str, sentence: str) -> tuple[str, int] | None:
    """The printed question that `sentence` of `text` replies to, and the sentence's place in the reply
    (0 for its first): minutes print a written question, then 'Reply: …'. None when the sentence is no
    reply, or when a question put comes between it and the reply's label."""
    units = units_of(text)
    at = unit_at(units, sentence)
    for n in range(at, 0, -1) if at is not None else ():
        if puts_question(units[n].text):
            return None
        if (units[n].label or "").lower() in REPLY_LABELS:
            asked = units[n - 1].text
            return (asked, at - n) if puts_question(asked) or asked.rstrip().endswith("?") else None
    return None
