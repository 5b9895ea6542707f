"""A request of several parts answered from the reply that answers its parts, cited."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index.passage import Passage
from qa.asks import AUX, PART, WH, hangs
from qa.candidate import stem_set
from qa.exchange import heads_question, is_reply_label, puts_question
from qa.facts import clip
from qa.fit import TOPICAL
from qa.query import parse
from qa.reader import Read, Reader
from qa.relevance import coverage
from qa.retriever import Retrieval
from qa.scoring import context, label_named
from qa.units import Unit, unit_at, units_of

_NAMING = re.compile(r"^\W*(?:who|what|which)\b", re.I)  # a part that can ask for a field by its name
_REPLY_RANKS = 2  # a reply to a request is in the passages retrieval ranks first; it may run over two chunks
# A question's part as printed: '(c) who completed and paid for the repair works …'; a reply's part opens
# with what it tells ('(a) There are 47 …').
_PART_ASKED = re.compile(rf"^\W*\(?{PART}\)\s*(?:{WH}|{AUX}|how)\b", re.I)
_LABEL_WORDS = 4  # 'Reply:', 'Answer from the Clerk:' printed on a line of its own
_REPLY_BACK = 6  # sentences before an answering one that may still be its reply's (a reply of six parts)


@dataclass(frozen=True)
class PartAnswers:
    """The answer's text, each piece ending in its passage's marker, and the passages it cites."""

    text: str
    used: tuple[Passage, ...]


def part_answers(
    reader: Reader, retrieval: Retrieval, asked: tuple[str, ...], words: int
) -> PartAnswers | None:
    """A request's parts (`asked`, qa/asks.py) each read over the one retrieval as its own question; a
    part asked 'if so' of the one before only when that one is answered. The parts answered in the
    passages retrieval ranks first (the reply to the request, which may run over two chunks; a part
    answered only further down is a side mention, such as another meeting's item) give the answer: each
    such reply, in the order of the parts it answers, quoted from where it starts to the next question
    (a reply takes the parts in order: '(1) … was 314 … (2) There are currently 32 vacant …'), within
    `words` words in all. None when no part is answered there: the request is then read whole."""
    answered: list[Read] = []
    before: Read | None = None
    for part in asked:
        before = None if hangs(part) and not before else _answer_to(reader, retrieval, part)
        answered += [before] if before else []
    if not answered:
        return None
    used = tuple(dict.fromkeys(r.candidate.passage for r in answered))
    each, whole = words // len(used), len(answered) == len(asked)
    quotes = (
        _quoted(p.text, [r.candidate.text for r in answered if r.candidate.passage == p], each, whole)
        for p in used
    )
    return PartAnswers(" ".join(f"{q} [{n}]" for n, q in enumerate(quotes, 1)), used)


def _answer_to(reader: Reader, retrieval: Retrieval, part: str) -> Read | None:
    """The best candidate answering `part` that clears the threshold and can be the request's reply, from
    the first-ranked passage where one there can."""
    reading = reader.read(_of_part(retrieval, part))
    if reading.abstain:
        return None
    best = reading.candidates[0]
    fit = [r for r in reading.candidates[:3] if r is best or r.score >= reader.weights.threshold]
    replies = [r for r in fit if _replies(r, retrieval)]
    # a field the part names ('Lead Director: Jean Kelly' for 'who is the lead director') answers it
    # wherever it stands; else the reply to the whole request is likeliest in the passage ranked first
    terms = parse(part).terms if _NAMING.match(part) else ()
    named = [r for r in replies if label_named(r.candidate.label or "", terms)]
    return named[0] if named else min(replies, key=lambda r: r.candidate.rank) if replies else None


def _replies(read: Read, retrieval: Retrieval) -> bool:
    """Whether a candidate can be the reply to the request: in a first-ranked passage that holds the
    request's topic (a 'total cost' elsewhere answers no question about cyber incidents), and no question
    itself, printed ('How many complaints …?') or the request restated ('(b) Where are these houses')."""
    c = read.candidate
    if c.rank >= _REPLY_RANKS or _asks(c.shown):
        return False
    return not stem_set(c.text) <= stem_set(retrieval.query.text) and (
        coverage(context(c.passage), retrieval.weights) >= TOPICAL
    )


def _quoted(text: str, sentences: list[str], words: int, whole: bool) -> str:
    """`text` from the reply holding the first of `sentences` (or that sentence, where no reply's start is
    printed near it) to the next question put, within `words` words (clipped if one is longer); when
    every part is answered (`whole`), to the last of `sentences` (the points after it are others')."""
    units = units_of(text)
    found = [at for s in sentences if (at := unit_at(units, s)) is not None]
    start = _reply_start(units, min(found)) if found else len(units)
    while found and start < min(found) and _asks(units[start].shown):
        start += 1  # a reply never opens with the question it answers ('Q2. How many …?' / 'A2. 42 …')
    end = max(found) + 1 if whole and found else len(units)
    kept: list[str] = []
    for unit in units[start:end]:
        if kept and (len(" ".join([*kept, unit.text]).split()) > words or _asks(unit.shown)):
            break  # the reply ends at its budget or at the next question put
        kept.append(_as_quoted(unit))
    return clip(" ".join(kept) or sentences[0], words)


def _as_quoted(unit: Unit) -> str:
    """A field's value with its label ('Lead Director: Jean Kelly', 'Horses Seized: 141'); a sentence,
    and a reply after its 'Reply:', as printed."""
    if is_reply_label(unit.label or "") or unit.text.rstrip().endswith((".", "!", "?")):
        return unit.text
    return unit.shown


def _reply_start(units: tuple[Unit, ...], at: int) -> int:
    """Where the reply holding unit `at` starts: after the question or 'Reply:' printed before it, within
    _REPLY_BACK units ('The Council operates 36 CCTV cameras …' before the sentence answering the cost);
    `at` when none is printed that near."""
    for back in range(at, max(at - _REPLY_BACK, -1), -1):
        unit = units[back]
        if is_reply_label(unit.label or ""):  # 'Reply: …', 'Answer from the Clerk: …'
            return back
        if is_reply_label(unit.text.rstrip(":")) and len(unit.text.split()) <= _LABEL_WORDS:
            return back + 1
        if back < at and (puts_question(unit.text) or heads_question(unit.shown)):
            return back + 1  # a report's own heading ('What's working well?') starts no reply
    return at


def _asks(text: str) -> bool:
    """A question put or its heading ('Question 6 - Cllr. John Hennessy'): where a reply ends."""
    return (
        puts_question(text)
        or text.rstrip().endswith("?")
        or heads_question(text)
        or bool(_PART_ASKED.match(text))
    )


def _of_part(retrieval: Retrieval, part: str) -> Retrieval:
    """The retrieval as if `part` were asked: its passages, with only the part's own words weighed, so
    that another part's words ('fixed', 'whether') are not missing from a reply to this one."""
    own = set(parse(part).terms)
    terms = tuple(t for t in retrieval.query.terms if t in own)
    return replace(
        retrieval,
        query=replace(retrieval.query, text=part, terms=terms),
        weights={t: w for t, w in retrieval.weights.items() if t in own},
        frequencies={t: n for t, n in retrieval.frequencies.items() if t in own},
    )
