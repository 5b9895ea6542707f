"""The number a paper gives the matter a question names: an agenda item's, a minute's, a resolution's."""

# 'What minute number was the Fair Funding for Schools item?', 'Which item on the agenda covers the Cuesta
# Park Fitness Court?', 'What is the resolution number for the approval of the Strategic Plan?' ask for
# a number by what it numbers. Papers print it opening a line or a heading ('15. Fair Funding for
# Schools', '4.4 Authorize a Funding Agreement …', 'R2023-208 S. Kirkey, S. Foote:' over 'THAT we approve
# the … Strategic Plan'); the answer is the number whose block (its line and what runs under it to the
# next number of its kind) holds the question's own words.

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from corpus.dates import find_dates
from index.passage import Passage
from index.settings import Settings
from qa.candidate import stem_set
from qa.facts import clip
from qa.periods import MONTH
from qa.query import MONTHS, SHORT_MONTHS, meeting_day, minutes_days
from qa.relevance import stem
from qa.retriever import Retrieval
from qa.stretch import day_of

# 'what (is the) minute number', 'item no. for …', 'resolution number telling staff …', 'what's the minute
# reference', 'what number is the item on …', 'which agenda item', 'under which minute', 'which resolution
# did council pass', 'what agenda item was …': never 'which items' (a list asked), 'What is item 14' (the
# matter asked by its number, as 'Motion No. 1' is), 'the number of resolutions' (a count) nor 'which
# by-law numbers did council pass' (the numbers a resolution prints, read as any fact)
_NOUN = r"(?:agenda\s+)?(?:item|minute|resolution|motion|by-?law)"
_ASKS = re.compile(
    rf"(?i)\b{_NOUN}\s*(?:number(?!s)|no\b\.?|#|reference)(?!\.?\s*\(?[a-z]{{0,3}}-?\d)"
    rf"|\bwhat\s+number\s+(?:is|was)\s+(?:given\s+to\s+)?the\s+(?:\w+\s+)?{_NOUN}\b"
    rf"|\bwhich\s+{_NOUN}\b(?!s)"
    r"|\bwhat\s+(?:agenda\s+)?(?:item|minute)\s+(?:is|was|were|are|covers?|covered|deals?|dealt)\b"
)
# a line's own number: '15.', '4.4', '7(b)', '45/19', 'Item 12', 'R2023-208', 'C-2014.32'; what follows
# opens with a capital (a title, 'THAT …'), so '4 pm' and '3 councillors' number nothing
_NUMBER = r"(?P<number>(?:[A-Z]{1,3}-?)?\d{1,4}(?:[./-]\d{1,4})*(?:\s?\([a-z]\)|[a-z])?)"
_NUMBERED = re.compile(
    r"^\s*(?:(?:Item|Minute|Min\.|Resolution|Motion)\s+(?:No\.?\s*)?)?"
    rf"{_NUMBER}[.):]?\s+"
    rf"(?!{MONTH}\b)(?P<rest>[*_]{{0,2}}[A-Z“\"(].*)$",
    re.M,
)
# a number a report's header or footer labels it with, on a line of its own: 'ITEM 6', 'ITEM: 10.2',
# 'AGENDA ITEM G-4'; it numbers what runs under it
_LABELLED = re.compile(
    rf"^\s*(?i:(?:agenda\s+)?item)\s*(?i:no\.?)?\s*[:#]?\s*{_NUMBER}[.:]?\s*$",
    re.M,
)
# why a number asked is declined: no numbered block holds the matter described (the reader's best sentence
# would be about the matter at most, never its number)
NO_NUMBER = "no item, minute or resolution they number holds what the question describes"
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[\w'’-]+")
# words of the asking, not of the matter asked about
_FRAME = frozenset(
    stem(w)
    for w in (
        "what which number no item items minute minutes resolution motion bylaw by-law agenda meeting"
        " council committee board covers cover covered concerns concerned deals dealt about regarding"
    ).split()
)
# the meeting's day is the occasion, not the matter: months and weekdays, whole or short ('Sept', 'Nov')
_CALENDAR = re.compile(rf"{MONTHS}|{SHORT_MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day")


@dataclass(frozen=True)
class Numbered:
    """A number a paper prints opening a line, with its block's text and the passage it is in."""

    number: str
    line: str  # the numbered line as printed
    block: str  # the line and the lines under it, up to the next number of its kind
    passage: Passage


def asks_number(question: str) -> bool:
    """Whether the question asks for the number of an agenda item, minute or resolution it describes."""
    return bool(_ASKS.search(question))


def series_shape(number: str) -> str:
    """'R2023-208' → 'A9-9', '4.4' → '9.9': numbers of one series share a shape."""
    return re.sub(r"[A-Za-z]+", "A", re.sub(r"\d+", "9", number))


def numbered(passage: Passage) -> list[Numbered]:
    """The passage's numbered blocks: its heading's, then each line opening with a number of the
    heading's series (any series when the heading has none), or labelling one ('ITEM 6'), each running to
    the next such line. A plain year ('2019 Budget') numbers nothing."""
    found: list[Numbered] = []
    head = _NUMBERED.match(passage.heading or "") or _LABELLED.match(passage.heading or "")
    series = series_shape(head["number"]) if head and not _YEAR.fullmatch(head["number"]) else None
    printed = [*_NUMBERED.finditer(passage.text), *_LABELLED.finditer(passage.text)]
    lines = sorted((m for m in printed if not _YEAR.fullmatch(m["number"])), key=lambda m: m.start())
    lines = [m for m in lines if series is None or series_shape(m["number"]) == series]
    if series is not None:
        first = lines[0].start() if lines else len(passage.text)
        found.append(
            Numbered(head["number"], passage.heading, f"{passage.heading}\n{passage.text[:first]}", passage)
        )
    for m, after in zip(lines, [*lines[1:], None], strict=False):
        block = passage.text[m.start() : after.start() if after else len(passage.text)]
        found.append(Numbered(m["number"], m.group(0).strip(), block, passage))
    return found


def _focus(weights: dict[str, float], passage: Passage) -> dict[str, float]:
    """The question's weighty stems less the asking's words, figures and the paper's own names."""
    own = stem_set(f"{passage.council or ''} {passage.body or ''} {passage.title or ''}")
    out: dict[str, float] = {}
    for term, weight in weights.items():
        s = stem(term.lower())
        if (
            s not in _FRAME
            and s not in own
            and not _CALENDAR.fullmatch(term.lower())
            and not _DIGIT.search(s)
        ):
            out[s] = max(out.get(s, 0.0), weight)
    return out


def cover(text: str, focus: dict[str, float]) -> float:
    """Share of the focus weight whose stems the text holds (0 when there is no focus)."""
    total = sum(focus.values())
    held = stem_set(text)
    return sum(w for s, w in focus.items() if s in held) / total if total else 0.0


def _scored(block: Numbered, rank: int, focus: dict[str, float]) -> tuple[float, float, int]:
    """How well the block answers: its share of the focus, then its own line's (a title naming the
    matter outweighs a work programme listing it), then the passage's rank."""
    return cover(block.block, focus), cover(block.line, focus), -rank


def matter(question: str) -> str:
    """What the question describes, less the asking ('what minute number was'), its frame's words,
    months, weekdays and figures: embedded alone, so the asking's 'minute' draws no 'To receive the
    minutes' line."""
    rest = _ASKS.sub(" ", question)
    kept = [
        w
        for w in _WORDS.findall(rest)
        if stem(w.lower()) not in _FRAME and not _CALENDAR.fullmatch(w.lower())
    ]
    return " ".join(w for w in kept if not _DIGIT.search(w))


def nearest(
    question: str,
    blocks: Sequence[Numbered],
    embed: Callable[[Sequence[str]], np.ndarray],
    settings: Settings,
) -> Numbered | None:
    """The block whose own line is nearest in meaning to what the question describes ('kids missing
    school because they are bullied' → '17. Bullying and Attendance'), when its cosine is at least
    `settings.numbered_cosine` and beats the nearest line of another number by `settings.numbered_margin`;
    `embed` gives unit vectors (cosine = dot product)."""
    by_line = {b.line: b for b in reversed(blocks)}  # a line printed twice: its first block
    lines = list(by_line)
    described = matter(question)
    if not lines or not described:
        return None
    vectors = embed([described, *lines])
    ranked = sorted(zip((vectors[1:] @ vectors[0]).tolist(), lines, strict=True), reverse=True)
    cosine, line = ranked[0]
    best = by_line[line]
    runner = next((c for c, other in ranked[1:] if by_line[other].number != best.number), -1.0)
    fits = cosine >= settings.numbered_cosine and cosine - runner >= settings.numbered_margin
    return best if fits else None


def number_of(
    question: str,
    passages: Sequence[Passage],
    weights: dict[str, float],
    settings: Settings,
    of_meeting: Callable[[Passage], bool] | None = None,
    embed: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> tuple[str, Passage] | None:
    """'15 — 15. Fair Funding for Schools' for 'What minute number was the Fair Funding for Schools
    item?': of the blocks holding at least `settings.numbered_cover` of the question's focus weight, one
    taken at the meeting asked (`of_meeting`, where the question dates one: a pack numbers its agenda and
    the minutes it reproduces alike), then the one holding the most, then the most in its own line, then
    the better-ranked passage's. When none holds enough and `embed` is given, the block of the first
    `settings.numbered_passages` passages (of the meeting asked, where any is) whose line is nearest in
    meaning (`nearest`). Shown to `settings.numbered_words` words. None when the question asks for no
    such number or no block fits what it describes."""
    if not asks_number(question):
        return None
    # minutes approved asked of ('Which resolution adopted the minutes of October 17, 2023?'), not a minute
    # in them ('Which minute of the 10 July 2019 minutes deals with …?')
    days = minutes_days(question) if _APPROVING.search(question) else []
    scored = [
        (_scored(b, rank, focus), b)
        for rank, p in enumerate(passages)
        if (blocks := numbered(p)) and (focus := _focus(weights, p))  # the focus is the passage's paper's
        for b in blocks
        if not _of_other_minutes(b, days)
    ]
    held = [(score, b) for score, b in scored if score[0] >= settings.numbered_cover]
    at_meeting = [(score, b) for score, b in held if of_meeting is None or of_meeting(b.passage)]
    if held:
        # a block naming the minutes' day asked first ('… minutes of the meeting held October 17, 2023')
        best = max(at_meeting or held, key=lambda s: (_names_days(s[1], days), s[0]))[1]
    elif embed is not None:
        near = [
            b
            for p in passages[: settings.numbered_passages]
            for b in numbered(p)
            if not _of_other_minutes(b, days)
        ]
        dated = [b for b in near if of_meeting is None or of_meeting(b.passage)]
        if (found := nearest(question, dated or near, embed, settings)) is None:
            return None
        best = found
    else:
        return None
    return f"{best.number} — {clip(' '.join(best.block.split()), settings.numbered_words)}", best.passage


_APPROVING = re.compile(r"\b(?:adopt|approv|confirm|sign(?:ed|ing)?\b|ratif|accept)\w*", re.I)


def _names_days(block: Numbered, days: list) -> bool:
    return bool(days) and any(d.value in days for d in find_dates(block.block) if d.precision == "day")


def _of_other_minutes(block: Numbered, days: list) -> bool:
    """Whether the block is of other minutes than those of the days asked: it names no minutes ('Adopt an
    updated Council Vacancy Procedure'), or dates them to other days ('Adopt the minutes of the meeting
    held May 28, 2024' asked which resolution adopted the December 5, 2023 minutes)."""
    if not days:
        return False
    dated = [d.value for d in find_dates(block.block) if d.precision == "day"]
    return "minute" not in block.block.lower() or (bool(dated) and not set(dated) & set(days))


def number_asked(
    retrieval: Retrieval,
    settings: Settings,
    between: Callable[[int, int], list[Passage]],
    embed: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> tuple[str, Passage] | None:
    """number_of over the retrieved passages, with the question's words that some chunk holds (a word
    no paper holds, 'ECSC' for the committee's name, can be in no block) and, where the question dates
    its meeting, the day each passage's meeting header gives (qa/stretch.py; `between` reads chunks)."""
    question = retrieval.query.text
    day = meeting_day(question)
    of_meeting = (lambda p: day_of(p, between, settings.header_reach) == day) if day else None  # noqa: E731
    held = {t: w for t, w in retrieval.weights.items() if retrieval.frequencies.get(t, 1) > 0}
    return number_of(question, retrieval.passages, held, settings, of_meeting, embed)
