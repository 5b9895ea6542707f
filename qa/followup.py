"""Follow-up questions: a pronoun or an ellipsis is read against the conversation's previous question."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qa.frame import (
    EDGE,
    LINKS,
    NOUN_PHRASE,
    QUESTION_WORDS,
    TIME,
    Frame,
    identifier_span,
    named,
    parse_frame,
    time_phrase,
)
from qa.query import identifiers

# How a question says it goes on from the last one: "and …", "what about …". Longest first.
LEAD_INS = (
    "and what about",
    "and how about",
    "what about",
    "how about",
    "what of",
    "same question for",
    "same for",
    "and also",
    "and",
    "also",
    "plus",
)
_LEAD_IN = re.compile(r"^\s*(?:" + "|".join(LEAD_INS).replace(" ", r"\s+") + r")\b[\s,]*", re.I)
_SPACE = re.compile(r"\s*")
_WORDS = re.compile(r"[\w'’()-]+")
_FRAGMENT_WORDS = 6  # a bare fragment longer than this is a question of its own, not an ellipsis


@dataclass(frozen=True)
class Reference:
    """Words that point back to the previous question's subject, and how to put the subject there."""

    pattern: re.Pattern[str]
    possessive: bool = False  # "its" becomes "Pledge 48's"
    names_noun: bool = False  # only when the matched noun names the subject ("that pledge": Pledge 48)
    bare: bool = False  # a bare pronoun: not when the question names its own identifier


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# Pronouns and demonstratives, most specific first; the first that matches is replaced.
REFERENCES = (
    Reference(
        _rx(r"\b(?:this|that|these|those|the same|the said)\s+(?P<noun>[a-z]+)\b(?!\s*\d)"), names_noun=True
    ),
    Reference(_rx(r"\bthe\s+(?P<noun>[a-z]+)\b(?!\s*\d)"), names_noun=True),
    Reference(_rx(r"\bits\b"), possessive=True, bare=True),
    Reference(_rx(r"\bit\b(?!\s+(?:(?:is|was)\s+)?(?:true|possible|likely|known|clear)\b)"), bare=True),
    Reference(_rx(r"\b(?:this|that)\b(?=\s*[?.!]*\s*$|\s+(?:is|was|has|had|will|would|\w+ed)\b)"), bare=True),
)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange: the question as asked, how it was read (None: as asked) and the answer's
    text, kept with the turn for the record; a reading uses the questions only."""

    question: str
    read_as: str | None = None
    answer: str = ""


@dataclass(frozen=True)
class Reading:
    """How a question was read: the full question to answer, and the earlier parts it took over
    (e.g. ('Pledge 48',)); `inherited` is empty when the question stands on its own."""

    text: str
    inherited: tuple[str, ...] = ()


def resolve(question: str, history: Sequence[Turn]) -> Reading:
    """Read `question` against the conversation (oldest turn first). A pronoun ('it', 'that pledge')
    becomes the previous question's subject; a fragment ('and the lead director?', 'what about 2019?',
    'what about Pledge 49?') replaces its part of the previous question and keeps the rest. A question
    with neither stands on its own and inherits nothing. Turns without a reading are read in turn."""
    question = " ".join(question.split())
    context = None
    for turn in history:
        context = turn.read_as or (read(turn.question, context).text if context else turn.question)
    return read(question, context) if context else Reading(question)


def read(question: str, context: str) -> Reading:
    """One follow-up step: `question` read against the single previous question `context`."""
    question = " ".join(question.split())
    frame = parse_frame(" ".join(context.split()))
    lead = _LEAD_IN.match(question)
    rest = question[lead.end() :] if lead else question
    if _is_question(rest):
        text = _refer(rest, frame) or (_attach(rest, frame) if lead else None)
    elif lead or _is_fragment(rest):
        text = _fill(rest, frame)
    else:
        text = None
    if not text:
        return Reading(question)
    text = _sentence(text)
    inherited = _inherited(frame, question, text)
    return Reading(text, inherited) if inherited else Reading(question)  # nothing carried: as asked


def load_history(path: str | Path) -> list[Turn]:
    """Earlier turns from a file, oldest first: JSON objects with a 'question' (and optionally
    'read_as', 'answer'), one a line or as `councilqa ask --json` prints them; or plain lines, one
    question each. Raises ValueError naming the file and the reason when it cannot be read so."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not a history of questions (not UTF-8 text)") from exc
    if not text.lstrip().startswith("{"):
        return [Turn(line.strip()) for line in text.splitlines() if line.strip()]
    decoder, turns, at = json.JSONDecoder(), [], 0
    while (at := _SPACE.match(text, at).end()) < len(text):
        try:
            record, at = decoder.raw_decode(text, at)
            turns.append(_turn(record))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: not a history of questions ({exc!r})") from exc
    return turns


def _turn(record: dict) -> Turn:
    """A Turn from one JSON object; TypeError when its fields are not text."""
    question, read_as, answer = record["question"], record.get("read_as"), record.get("answer") or ""
    if not isinstance(question, str) or not isinstance(read_as, str | None) or not isinstance(answer, str):
        raise TypeError("'question', 'read_as' and 'answer' must be text")
    return Turn(question, read_as, answer)


def _is_question(text: str) -> bool:
    first = text.split(maxsplit=1)[0].lower() if text.split() else ""
    return first in QUESTION_WORDS


def _is_fragment(text: str) -> bool:
    """A short phrase that only makes sense after the last question: 'Pledge 49?', 'In 2019?',
    'The lead director?' (but not 'Budget for 2020', a search of its own)."""
    if len(text.split()) > _FRAGMENT_WORDS:
        return False
    rest = EDGE.sub("", TIME.sub(" ", text))
    subject = identifier_span(rest)
    rest = EDGE.sub("", rest.replace(subject, " ")) if subject else rest
    return not rest or bool(NOUN_PHRASE.match(rest))


def _refer(question: str, frame: Frame) -> str | None:
    """The question with its first reference ('it', 'that pledge', 'its') replaced by the subject
    (or, with none, the topic) of the previous question, whose time it takes if it names none."""
    target = frame.subject or frame.topic
    if not target:
        return None
    names = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", target)} - {"the", "of", "for", "and"}
    own_ids = {i.noun for i in identifiers(question) if i.strict}
    for ref in REFERENCES:
        if ref.bare and own_ids:
            continue
        for m in ref.pattern.finditer(question):
            if ref.names_noun and not _names(m.group(0), m.group("noun"), names - own_ids):
                continue
            swapped = f"{target}'s" if ref.possessive else target
            text = question[: m.start()] + swapped + question[m.end() :]
            return text if TIME.search(question) else _with_time(text, frame)
    return None


def _names(matched: str, noun: str, names: set[str]) -> bool:
    """'that pledge' names Pledge 48; 'that one' names whatever was last asked about."""
    noun = noun.lower()
    demonstrative = matched.lower().startswith(("this", "that", "these", "those"))
    return noun.rstrip("s") in names or (noun == "one" and demonstrative)


def _attach(question: str, frame: Frame) -> str | None:
    """'and who is the lead director?': a question with no subject of its own takes the previous one."""
    if not frame.subject or identifier_span(question) or named(question, 0):
        return None
    text = f"{EDGE.sub('', question)} {frame.link or 'for'} {frame.subject}"
    return text if TIME.search(question) else _with_time(text, frame)


def _fill(fragment: str, frame: Frame) -> str | None:
    """A fragment replaces the matching parts of the previous question: its time, its subject (a new
    identifier or name) and its topic (a lower-case phrase such as 'the lead director')."""
    time = TIME.search(fragment)
    rest = EDGE.sub("", TIME.sub(" ", fragment))
    rest = re.sub(rf"^(?:{LINKS})\s+", "", " ".join(rest.split()), flags=re.I)
    subject = identifier_span(rest) or named(rest, 0)
    topic = " ".join(EDGE.sub("", rest.replace(subject, " ") if subject else rest).split()) or None
    if not (time or subject or topic) or (subject and not frame.subject):
        return None
    text = _swap(EDGE.sub("", frame.text), frame.time, None)
    if subject:
        text = _swap(text, frame.subject, subject)
    if topic:
        text = _swap(text, frame.topic, topic) if frame.topic else _topic_question(frame, topic)
    new_time = time_phrase(time.group(0)) if time else frame.time
    return f"{text} {new_time}" if new_time else text


def _topic_question(frame: Frame, topic: str) -> str:
    """'and the lead director?' after 'Is Pledge 48 on track?', which has no topic to replace."""
    return f"What is {topic} {frame.link or 'for'} {frame.subject or ''}".strip()


def _swap(text: str, old: str | None, new: str | None) -> str:
    """Replace the phrase `old` (a whole-word match) by `new`, or drop it when `new` is None."""
    if not old:
        return text
    replaced = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", lambda _: new or "", text, count=1)
    return " ".join(replaced.split())


def _with_time(text: str, frame: Frame) -> str:
    return f"{EDGE.sub('', text)} {frame.time}" if frame.time else text


def _sentence(text: str) -> str:
    """First letter up, one question mark at the end."""
    text = EDGE.sub("", " ".join(text.split()))
    return f"{text[:1].upper()}{text[1:]}?"


def _inherited(frame: Frame, question: str, text: str) -> tuple[str, ...]:
    """Parts of the previous question the reading took over: its subject, topic and time, or, when
    only its wording carried ('and the swimming pool?'), that wording."""
    low_q, low_t = question.lower(), text.lower()
    parts = (frame.subject, frame.topic, frame.time)
    kept = tuple(p for p in dict.fromkeys(parts) if p and p.lower() in low_t and p.lower() not in low_q)
    if kept:
        return kept
    own = {w.lower() for w in _WORDS.findall(question)}
    wording = " ".join(w for w in _WORDS.findall(text) if w.lower() not in own)
    return (wording,) if wording else ()
