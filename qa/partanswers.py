"""A request of several parts answered from the reply that answers its parts, cited."""

from __future__ import annotations

from dataclasses import dataclass, replace

from index.passage import Passage
from qa.candidate import stem_set
from qa.exchange import puts_question
from qa.facts import clip
from qa.reader import Read, Reader
from qa.retriever import Retrieval
from qa.units import unit_at, units_of

_REPLY_RANKS = 2  # a reply to a request is in the passages retrieval ranks first; it may run over two chunks


@dataclass(frozen=True)
class PartAnswers:
    """The answer's text, each piece ending in its passage's marker, and the passages it cites."""

    text: str
    used: tuple[Passage, ...]


def part_answers(
    reader: Reader, retrieval: Retrieval, asked: tuple[str, ...], words: int
) -> PartAnswers | None:
    """A request's parts (`asked`, qa/asks.py) each read over the one retrieval as its own question. The
    parts answered in the passages retrieval ranks first (the reply to the request, which may run over two
    chunks; a part answered only further down is a side mention, such as another meeting's item) give the
    answer: each such reply, in the order of the parts it answers, quoted from its first answering
    sentence on (a reply takes the parts in order: '(1) … was 314 … (2) There are currently 32 vacant
    …'), within `words` words in all. None when no part is answered there: the request is then read
    whole, and declined if that finds nothing either."""
    answered = [r for part in asked if (r := _answer_to(reader, retrieval, part))]
    if not answered:
        return None
    used = tuple(dict.fromkeys(r.candidate.passage for r in answered))
    each = words // len(used)
    quotes = (
        _quoted(p.text, [r.candidate.text for r in answered if r.candidate.passage == p], each) for p in used
    )
    return PartAnswers(" ".join(f"{q} [{n}]" for n, q in enumerate(quotes, 1)), used)


def _answer_to(reader: Reader, retrieval: Retrieval, part: str) -> Read | None:
    """The best candidate answering `part` in the first-ranked passages that clears the threshold and is
    no echo of the request (a reply restating the question asked: '(b) Where are these houses')."""
    reading = reader.read(replace(retrieval, query=replace(retrieval.query, text=part)))
    if reading.abstain:
        return None
    request = stem_set(retrieval.query.text)
    best = reading.candidates[0]
    fit = (r for r in reading.candidates[:3] if r is best or r.score >= reader.weights.threshold)
    return next(
        (r for r in fit if r.candidate.rank < _REPLY_RANKS and not stem_set(r.candidate.text) <= request),
        None,
    )


def _quoted(text: str, sentences: list[str], words: int) -> str:
    """`text` from the first of `sentences` it holds to the next question put, within `words` words
    (clipped if one is longer)."""
    units = units_of(text)
    found = [at for s in sentences if (at := unit_at(units, s)) is not None]
    kept: list[str] = []
    for unit in units[min(found) :] if found else ():
        if kept and (len(" ".join([*kept, unit.text]).split()) > words or puts_question(unit.text)):
            break  # the reply ends at its budget or at the next question put
        kept.append(unit.text)
    return clip(" ".join(kept) or sentences[0], words)
