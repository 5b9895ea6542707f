"""Named features of an answer candidate: what the reader's fitted weights (qa/weights.json) multiply."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.passage import Passage
from qa.answertype import Expectation
from qa.exchange import only_asks, replies
from qa.query import TimeTarget
from qa.relevance import stem
from qa.scoring import context
from qa.spans import Span, spans
from qa.stopwords import STOPWORDS
from qa.units import units_of

# The order is the order of the weights in qa/weights.json; bench/train_reader.py writes both.
NAMES = (
    "bias",
    "type_span",
    "type_sentence",
    "proper_span",
    "proximity",
    "idf_cover",
    "context_cover",
    "cosine",
    "passage_cosine",
    "rank",
    "label_match",
    "date_match",
    "date_mismatch",
    "front_matter",
    "reply",
    "asks",
    "novelty",
    "length",
    "repeats_question",
    "is_span",
    "status_word",
    "label_cover",
    "date_mentioned",
    "focus_cover",
    "heading_cover",
    "type_near",
    "counts_noun",
)
_WORD = re.compile(r"[a-z0-9]+")
_ENTITY_KINDS = frozenset({"person", "organisation", "place"})
# Span kinds that can answer each answer type: 'who delivered…' may be answered by a body or a post.
ACCEPTS: dict[str, frozenset[str]] = {
    "person": frozenset({"person", "role", "organisation"}),
    "organisation": frozenset({"organisation", "proper"}),
    "place": frozenset({"place", "proper"}),
    "role": frozenset({"role"}),
    "number": frozenset({"number", "money", "percent"}),
    "decision": frozenset({"decision"}),
    "status": frozenset({"status"}),
}
_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_STEMS = frozenset(stem(m) for m in _MONTHS)  # as the question's words are kept: 'octob'
_FRONT_KINDS = frozenset({"place", "time", "person", "date"})  # what a paper's first page says
_FRONT_PAGES = 2
_LONG_WORDS = 40  # a unit longer than this covers words by sheer length
_TOPIC_UNITS = 2  # a question word in this many of a passage's sentences is its topic, not the asked fact
# Column labels and the question words that ask for them (author ↔ wrote, 'in the Chair' ↔ chaired).
LABEL_CUES: tuple[tuple[str, str], ...] = (
    ("author", r"\b(?:wr[io]te|written|author\w*|prepared)\b"),
    ("chair", r"\bchair\w*|\bpresid\w*"),
    ("contact", r"\bcontact\w*|\bask for\b|\binformation\b"),
    ("lead", r"\blead\w*|\bresponsib\w*"),
    ("holder", r"\bholder|\bportfolio\b"),
    ("venue|location|place|room|address", r"^\s*where\b|\bvenue\b|\bheld\b"),
    ("time|start", r"\btime\b|\bstart\w*|\bbegin\b"),
    ("date", r"\bwhen\b|\bdate\b"),
    ("status", r"\bstatus\b|\bprogress\b"),
    ("moved|proposed|proposer", r"\bmoved\b|\bpropos\w*"),
    ("seconded|seconder", r"\bsecond\w*"),
)
_CELL_LABELS = re.compile(r"(?:^|;\s)[^:;]{1,60}:\s")  # 'Label: ' opening a cell of a row line
_DEPUTY = re.compile(r"\b(?:vice|deputy)\b")
_CUES = tuple((re.compile(label, re.I), re.compile(cue, re.I)) for label, cue in LABEL_CUES)


@dataclass(frozen=True)
class Asked:
    """What the features need to know about the question, computed once per question."""

    text: str
    expectation: Expectation
    weights: dict[str, float]  # IDF of each question stem
    time: TimeTarget | None


@dataclass(frozen=True)
class Candidate:
    """An answer candidate: a sentence or cell (`text`), or a typed `span` inside it, from a passage."""

    text: str
    label: str | None
    span: Span | None
    passage: Passage
    rank: int  # the passage's retrieval rank, 0 first
    kinds: frozenset[str]  # span kinds the sentence holds

    @property
    def answer(self) -> str:
        return self.span.text if self.span else self.text

    @property
    def shown(self) -> str:
        return f"{self.label}: {self.text}" if self.label else self.text


@lru_cache(maxsize=1 << 14)  # a passage's context and a sentence's words are stemmed once per question
def stems_of(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


@lru_cache(maxsize=1 << 12)  # a passage's context is the same for each of its candidates
def stem_set(text: str) -> frozenset[str]:
    return frozenset(stems_of(text))


def asked_of(
    question: str,
    expectation: Expectation,
    term_weights: dict[str, float],
    time,
    frequencies: dict[str, int] | None = None,
) -> Asked:
    """The question's stems weighted by IDF (the heavier of two terms sharing a stem). A word no paper
    holds ('Tuesday', 'outcome') weighs as the question's typical word, not its heaviest: a missing
    ordinary word never decides alone that the papers don't answer."""
    frequencies = frequencies or {}
    seen = [w for t, w in term_weights.items() if frequencies.get(t, 1) > 0]
    typical = sum(seen) / len(seen) if seen else 1.0
    weights: dict[str, float] = {}
    for term, weight in term_weights.items():
        weight = weight if frequencies.get(term, 1) > 0 else min(weight, typical)
        for s in stems_of(term):
            weights[s] = max(weights.get(s, 0.0), weight)
    return Asked(question, expectation, weights, time)


def cover(stems: set[str] | frozenset[str], asked: Asked) -> float:
    """Share of the question's IDF weight the stems hold."""
    total = sum(asked.weights.values())
    return sum(w for s, w in asked.weights.items() if s in stems) / total if total else 0.0


def _proximity(candidate: Candidate, asked: Asked) -> float:
    """1 / (1 + words between the span and the nearest question word in its sentence)."""
    if not candidate.span:
        return 0.0
    offset = len(candidate.label) + 2 if candidate.label else 0
    at = len(candidate.shown[: candidate.span.start + offset].split())
    hits = [i for i, w in enumerate(_word_stems(candidate.shown)) if any(s in asked.weights for s in w)]
    return 1.0 / (1.0 + min(abs(i - at) for i in hits)) if hits else 0.0


@lru_cache(maxsize=1 << 12)
def _word_stems(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(stems_of(w) for w in text.lower().split())


def _label_match(candidate: Candidate, asked: Asked) -> float:
    """1 when the cell's label, or a role the sentence gives ('Councillor Mrs Johnson, in the Chair'),
    is what the question's words ask for (author ↔ wrote, chair ↔ chaired)."""
    label = candidate.label or ""
    if _chairs(candidate.shown):
        label = f"{label} chair"
    return float(any(lab.search(label) for lab in _cued_labels(asked.text)))


@lru_cache(maxsize=1 << 12)
def _chairs(sentence: str) -> bool:
    """The sentence names who was in the chair: a person and a chair role ('Councillor Mrs Johnson, in the
    Chair'); a vice or deputy chair did not chair the meeting, and 'added by Chair' names nobody."""
    found = spans(sentence)
    chair = any(
        s.kind == "role" and "chair" in s.text.lower() and not _DEPUTY.search(s.text.lower()) for s in found
    )
    return chair and any(s.kind == "person" for s in found)


@lru_cache(maxsize=1 << 10)
def _cued_labels(question: str) -> tuple[re.Pattern[str], ...]:
    """The column labels the question's words ask for, found once per question."""
    return tuple(lab for lab, cue in _CUES if cue.search(question))


def _label_cover(label: str | None, asked: Asked) -> float:
    """Share of a column label's words the question says ('Lead Strategic Director' for 'lead … director')."""
    words = stems_of(label or "")
    return sum(w in asked.weights for w in words) / len(words) if words else 0.0


def _mentions(passage: Passage, target: TimeTarget | None) -> float:
    """The passage names the month the question asks about (minutes of an earlier meeting in a later pack)."""
    if not target or target.start.month != target.end.month:
        return 0.0
    return _names_month(passage.text, _MONTHS[target.start.month - 1], target.start.year)


@lru_cache(maxsize=1 << 10)
def _names_month(text: str, month: str, year: int) -> float:
    # '25 September 2012', 'September 2012' and the US 'September 25, 2012'
    day = r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    return float(re.search(rf"\b{month}\s+{day}{year}\b", text, re.I) is not None)


def _dates(passage: Passage, target: TimeTarget | None) -> tuple[float, float]:
    if not target or not passage.date:
        return 0.0, 0.0
    inside = target.start <= passage.date <= target.end
    return float(inside), float(not inside)


def _front(passage: Passage, asked: Asked) -> float:
    page = passage.page_start or passage.page_end or 99
    return float(page <= _FRONT_PAGES and asked.expectation.kind in _FRONT_KINDS)


@lru_cache(maxsize=1 << 10)
def _topic(text: str, heading: str, asked: frozenset[str]) -> frozenset[str]:
    """The asked stems a passage repeats in _TOPIC_UNITS of its units, or heads itself with; counted
    once per passage and question, not once per candidate. A table's column labels repeat in every row,
    yet they name the fields asked for ('Submittal Deadline'), not the topic: only cell values count."""
    counts: dict[str, int] = {}
    for unit in units_of(text):
        for s in set(stems_of(_CELL_LABELS.sub(" ", unit.text))) & asked:
            counts[s] = counts.get(s, 0) + 1
    return frozenset(s for s, n in counts.items() if n >= _TOPIC_UNITS) | frozenset(stems_of(heading))


def _focus_cover(candidate: Candidate, sentence: set[str], asked: Asked) -> float:
    """Share of the question's weight outside its topic that the sentence holds. The topic is what the
    passage repeats or heads itself with ('Village Hall Roof'); the rest is what is asked of it ('accepted',
    'funded'), and the sentence answering holds that, not the topic words every sentence there shares."""
    passage = candidate.passage
    topic = _topic(passage.text, passage.heading or "", frozenset(asked.weights))
    focus = {s: w for s, w in asked.weights.items() if s not in topic}
    total = sum(focus.values())
    return sum(w for s, w in focus.items() if s in sentence) / total if total else 0.0


@lru_cache(maxsize=1 << 12)
def _typed_at(text: str, accepted: frozenset[str], asked: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """Word positions (first, last) of the spans of the accepted kinds in the text that are not an
    echo of the question (`asked`: its stems)."""
    return tuple(
        (len(text[: s.start].split()), len(text[: s.end].split()) - 1)
        for s in spans(text)
        if s.kind in accepted and not _echo(s, asked)
    )


def _echo(span: Span, asked: frozenset[str]) -> bool:
    """A name that only repeats the question's words ('the Corporate Parenting Committee' asked where it
    will meet): the thing asked about, not an answer of the asked type. Values are never echoes."""
    if span.kind not in _ENTITY_KINDS | {"proper", "role"}:
        return False
    words = stems_of(span.text)
    return bool(words) and all(w in asked for w in words)


def _holds_type(candidate: Candidate, asked: Asked) -> bool:
    """The sentence holds a span of a kind the answer type accepts that is not an echo of the question."""
    accepted = ACCEPTS.get(asked.expectation.kind, frozenset({asked.expectation.kind}))
    if not accepted & candidate.kinds:
        return False
    return bool(_typed_at(candidate.text, frozenset(accepted), frozenset(asked.weights)))


def _asked_of_it(asked: Asked, topic: frozenset[str]) -> frozenset[str]:
    """The question's words off the passage's topic, or all of them when the passage's topic is the
    whole question ('the submittal deadline' in a table of deadlines). Asked for a date, the question's
    own date words are left out (a date beside them is the date asked about, not the one asked for); asked
    for a time, they anchor it ('the meeting of 28 January 2021' ↔ '28th January 2021 at 7.30 pm')."""
    dated = asked.expectation.kind == "date"
    words = frozenset(s for s in asked.weights if not (dated and (s.isdigit() or s in _MONTH_STEMS)))
    return (words - topic) or words


def _type_near(candidate: Candidate, asked: Asked) -> float:
    """1 / (1 + distance in words, 1 for neighbours) from a span of the asked type in the sentence to the
    nearest question word outside the passage's topic: the answer stands beside what is asked of it
    ('… and expires 11:59 p.m. May 31, 2027', 'Cantrell Abstain'), not merely in a topical sentence."""
    accepted = ACCEPTS.get(asked.expectation.kind, frozenset({asked.expectation.kind}))
    at = _typed_at(candidate.shown, frozenset(accepted), frozenset(asked.weights))
    if not at:
        return 0.0
    passage = candidate.passage
    near = _asked_of_it(asked, _topic(passage.text, passage.heading or "", frozenset(asked.weights)))
    hits = [i for i, w in enumerate(_word_stems(candidate.shown)) if near.intersection(w)]
    gaps = [max(first - i, i - last, 0) for first, last in at for i in hits if not first <= i <= last]
    return 1.0 / (1.0 + min(gaps)) if gaps else 0.0


_HOW_MANY = re.compile(r"\bhow many\s+([a-z'-]+)(?:\s+([a-z'-]+))?", re.I)
_COUNT_WINDOW = 5  # words from a count to what it counts: '415 of the current open cases'


@lru_cache(maxsize=1 << 10)
def counted(question: str) -> frozenset[str]:
    """Stems of what a 'how many' question counts ('How many secondary schools …' → second, school);
    empty for any other question."""
    m = _HOW_MANY.search(question)
    words = [w for w in (m.groups() if m else ()) if w and w.lower() not in STOPWORDS]
    return frozenset(s for w in words for s in stems_of(w))


def _counts_noun(candidate: Candidate, asked: Asked) -> float:
    """1 when a number in the sentence stands within _COUNT_WINDOW words of what the question counts."""
    nouns = counted(asked.text)
    at = _typed_at(candidate.shown, frozenset({"number"}), frozenset()) if nouns else ()
    hits = [i for i, w in enumerate(_word_stems(candidate.shown)) if nouns.intersection(w)]
    return float(
        any(
            abs(i - first) <= _COUNT_WINDOW or abs(i - last) <= _COUNT_WINDOW
            for first, last in at
            for i in hits
        )
    )


def features(
    candidate: Candidate,
    asked: Asked,
    cosine: float,
    passage_cosine: float,
    shared: dict[tuple, dict[str, float]] | None = None,
) -> list[float]:
    """The candidate's feature vector, in NAMES order; every value in [0, 1]. `shared` keeps the values
    of each sentence (all but the span's own) across the candidates of one question: a sentence's spans
    differ only in those."""
    key = (candidate.passage.chunk_id, candidate.rank, candidate.shown)
    sentence = shared.get(key) if shared is not None else None
    if sentence is None:
        sentence = _sentence_values(candidate, asked)
        if shared is not None:
            shared[key] = sentence
    values = {
        **sentence,
        **_span_values(candidate, asked),
        "cosine": max(cosine, 0.0),
        "passage_cosine": max(passage_cosine, 0.0),
    }
    return [values[name] for name in NAMES]


def _span_values(candidate: Candidate, asked: Asked) -> dict[str, float]:
    """What depends on the span itself (or on the whole sentence when the candidate is one)."""
    kind = asked.expectation.kind
    span_kind = candidate.span.kind if candidate.span else ""
    answer_stems = stems_of(candidate.answer)
    new = [s for s in answer_stems if s not in asked.weights]
    return {
        "type_span": float(span_kind in ACCEPTS.get(kind, {kind})),
        "proper_span": float(span_kind == "proper" and kind in _ENTITY_KINDS),
        "proximity": _proximity(candidate, asked),
        "label_match": _label_match(candidate, asked),
        "novelty": len(new) / len(answer_stems) if answer_stems else 0.0,
        "repeats_question": float(bool(answer_stems) and not new),
        "is_span": float(candidate.span is not None),
    }


def _sentence_values(candidate: Candidate, asked: Asked) -> dict[str, float]:
    """What every candidate of one sentence (or cell) shares: its words, its passage, its paper."""
    sentence = set(stems_of(candidate.shown))
    date_match, date_mismatch = _dates(candidate.passage, asked.time)
    mentioned = _mentions(candidate.passage, asked.time)
    # A later paper that reproduces the asked meeting's minutes names its date: not a mismatch.
    date_mismatch *= 1.0 - mentioned
    return {
        "bias": 1.0,
        "type_sentence": float(_holds_type(candidate, asked)),
        "idf_cover": cover(sentence, asked),
        "context_cover": cover(stem_set(context(candidate.passage)), asked),
        "rank": 1.0 / (1.0 + candidate.rank),
        "date_match": date_match,
        "date_mismatch": date_mismatch,
        "front_matter": _front(candidate.passage, asked),
        "reply": float(replies(f"{candidate.passage.heading or ''}\n{candidate.passage.text}")),
        "asks": float(only_asks(candidate.text)),
        "length": min(len(candidate.shown.split()) / _LONG_WORDS, 2.0) / 2.0,
        "status_word": float("status" in candidate.kinds),
        "label_cover": _label_cover(candidate.label, asked),
        "date_mentioned": mentioned,
        "focus_cover": _focus_cover(candidate, sentence, asked),
        # the item heading over the passage names what it is about ('2.1 Public Employee Performance
        # Evaluation'): a question naming the item asks of the text under it
        "heading_cover": cover(stem_set(candidate.passage.heading or ""), asked),
        "type_near": _type_near(candidate, asked),
        "counts_noun": _counts_noun(candidate, asked),
    }
