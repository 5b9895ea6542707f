"""The reader: retrieved passages in, scored answer candidates out, with a calibrated 'not found'."""

# Candidates are every sentence and table cell of every retrieved passage, and the spans of the asked answer
# type inside them (qa/spans.py). Each gets named features (qa/features.py) and a logistic score with the
# weights `bench/train_reader.py` fitted (qa/weights.json). Abstention: the best score under the fitted
# threshold (logistic regression as in scikit-learn's LogisticRegression, fitted here with numpy).

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import numpy as np

from corpus.blocks import OUTCOME_LINE
from corpus.dates import find_dates
from corpus.meetingheader import day_at
from index.embedder import Embedder
from index.passage import Passage
from qa.answertype import NAMED_OR_VALUED, asks_outcome, expected
from qa.bodies import of_named_council
from qa.exchange import only_asks, puts_question, wants_questions
from qa.facts import clip
from qa.features import NAMES, Asked, Candidate, asked_of, counted, cover, features, stem_set, stems_of
from qa.fit import FIGURES, TOPICAL, fitting
from qa.leads import FIGURE_BACK, headed_by, opening, pointed_back
from qa.moments import at_event, time_event
from qa.posts import NOT_NAMING, asked_post, names_post, of_named_report, of_report
from qa.procedure import substantive
from qa.query import FILE_REF, TimeTarget, meeting_day, proper_words
from qa.retriever import Retrieval
from qa.rowdates import keyed_rows
from qa.scoring import context
from qa.spans import monetary, spans
from qa.stopwords import STOPWORDS
from qa.timefit import of_asked_time, repeats_asked_dates
from qa.typematch import ENTITY_KINDS, accepts
from qa.units import Unit, embedded_text, focus, focus_named, units_of
from qa.unknowns import not_yet_known

PASSAGES = 20  # retrieval's best; at 100k chunks, 20 instead of 30 changed 1 answer in 179 (BENCHMARKS)
_EMBED = (
    16  # sentences embedded per question (the model's cost grows with each): the rest keep their passage's
)
_SPAN_KINDS = {
    "person": ("person", "proper"),
    "organisation": ("organisation", "proper"),
    "place": ("place", "proper"),
    "role": ("role",),
}
_MIN_WORDS = 2
VOTE_UNITS = 4  # the motion, the votes for (a label may stand on its own), against: what an outcome closes
_HEADING_KINDS = frozenset({"date", "time", "place"})  # what a chunk's heading may answer
# a heading that says where a meeting was held ('HELD ON 9 MAY 2018 AT 19.30 IN …', 'Venue: …')
_HELD = re.compile(r"\b(?:held|venue|location)\b", re.I)
_SMALL_WORDS = frozenset("a an and at by for from in of on the to".split())  # kept small in a masthead
# A cell a form leaves empty in words ('Carbon Footprint Implications: N/A') answers nothing.
_EMPTY_CELL = re.compile(r"(?:n/?a|none|nil|not applicable|-+|—)\.?$", re.I)
_FIND_WORDS = 6  # a candidate's opening words, found in its passage: units keep words, not line breaks
_WORDS = re.compile(r"\w+")
# Asked for a value (a count, a sum, a share, a date, a time): a sentence holding none cannot answer,
# however near its words are to the question's.
_VALUE_KINDS = frozenset({"number", "money", "percent", "date", "time", "frequency"})
_QUOTED_WORDS = 40  # of a sentence saying the fact was not yet known, quoted in the reason
_ASKS_END = re.compile(r"\?\W{0,2}$")
_DECIDED = frozenset({"decision", "description"})  # what was decided, or what a meeting did about a matter
# Asked where, when or at what time in a month: a sentence dated only to days outside it tells of another
# occasion ('When did the committee meet in January 2016?' is not answered by its 23 February 2016 paper).
_OCCASION_KINDS = frozenset({"place", "time", "date"})
# How long before its paper's month a thing it reports may have happened: a quarter, as papers report
# to meetings held monthly or quarterly.
_REPORTED_AFTER = dt.timedelta(days=92)
_MET = re.compile(r"\b(?:meet|meets|met|meeting|held|hold|session|hearing|convened?|sat|sit)\b", re.I)
_NEXT_WORD = r"\b(?:next|following|subsequent)\b"
_NEXT = re.compile(_NEXT_WORD, re.I)
_NEXT_ONE = re.compile(
    rf"{_NEXT_WORD}[^?]{{0,60}}\b(?:after|following|since)\b"
    # 'the meeting after the November 14, 2023 one'
    r"|\b(?:meeting|session|sitting)\s+(?:held\s+)?after\s+(?:the|that|its)\b",
    re.I,
)
_NAMED_REPORT = 0.5  # share of what an author question names that a cover sheet's title holds: that report
_NOT_NAMING = frozenset(s for w in NOT_NAMING for s in stems_of(w))
_TYPED, _NEAR, _COUNTS = NAMES.index("type_sentence"), NAMES.index("type_near"), NAMES.index("counts_noun")
_TOLD_OF = [NAMES.index(n) for n in ("idf_cover", "label_cover", "heading_cover")]  # words asked of, held
# Abstention reasons, kept on the answer so a reader knows why.
NO_TOPIC = "nothing in the papers is on this topic"
NO_FACT = "the papers discuss the topic but do not state what was asked"
NO_OUTCOME = "the papers hold only what agendas put forward, and an agenda does not say what was decided"
NOT_KNOWN = "the papers say it was not yet known when they were written"
_AGENDA = "agenda"
_ORDINAL = r"(?:first|second|third|final)"  # a reading of an ordinance
_READING = re.compile(rf"\b({_ORDINAL})[\s-]+reading\b", re.I)
# Words only a record of the meeting uses for an outcome: an agenda's draft resolution says 'be approved',
# 'is hereby adopted', never 'carried' or 'agreed'. An agenda pack binding earlier minutes still answers.
_MINUTED = re.compile(
    r"(?<!\bbe )\b(?:carried(?! out)|defeated|lost|refused|rejected|withdrawn|deferred|unanimously|agreed"
    r"|decided)\b(?![-‐])"  # 'Agreed-Upon Procedures Report' is a title, not what was agreed
    # an earlier reading's tally an agenda reprints: '(First reading: 7-0)'
    rf"|\b(?:{_ORDINAL}[\s-]+)?(?:reading|vote[sd]?)\s*:?\s*\d{{1,2}}-\d{{1,2}}(?:-\d{{1,2}}){{0,2}}\b",
    re.I,
)


@dataclass(frozen=True)
class Weights:
    """Fitted weights (in qa/features.py NAMES order), the abstention threshold, and the version."""

    values: tuple[float, ...]
    threshold: float
    topic_floor: float  # passage cosine below which nothing retrieved is on the topic
    version: str


@dataclass(frozen=True)
class Read:
    """One scored candidate: its features and its probability of answering the question."""

    candidate: Candidate
    features: tuple[float, ...]
    score: float


@dataclass(frozen=True)
class Reading:
    """The reader's verdict: scored candidates best first, and why it abstains when it does."""

    candidates: tuple[Read, ...]
    abstain: str | None  # None, NO_TOPIC or NO_FACT


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    data = json.loads(resources.files("qa").joinpath("weights.json").read_text())
    values = tuple(float(data["weights"].get(name, 0.0)) for name in NAMES)
    return Weights(values, float(data["threshold"]), float(data["topic_floor"]), str(data["version"]))


def candidates(retrieval: Retrieval, asked: Asked) -> list[Candidate]:
    """Sentences, cells and typed spans of every retrieved passage, in rank order; no word-overlap cut.
    In a table of rows, only the rows of the thing the question names by name ('Zoë Garbett')."""
    wanted = _SPAN_KINDS.get(asked.expectation.kind, ())
    named = proper_words(retrieval.query.text)
    found: list[Candidate] = []
    headings: set[str] = set()
    for rank, passage in enumerate(retrieval.passages[:PASSAGES]):
        text = focus(passage.text, retrieval.query.identifiers, passage.heading)
        found.extend(_heading_candidates(passage, rank, asked.expectation.kind, headings))
        units = _said(units_of(focus_named(text, _naming_rows(named, passage), rows_only=True)))
        lead_at = opening(units) if passage.chunk_id in retrieval.leads else None
        for at, unit in enumerate(units):
            outcome = OUTCOME_LINE.match(unit.text) and not unit.label
            short = len(unit.text.split()) < _MIN_WORDS and not unit.label and not outcome
            if short or _EMPTY_CELL.match(unit.text):
                continue
            typed = spans(unit.text, monetary(passage.text))
            kinds = frozenset(s.kind for s in typed)
            # an outcome on its own line ('DEFEATED') is weighed as said of the motion it closes
            label = _closed_motion(units, at) if outcome else unit.label
            # what was decided on a thing may name it only by pointing back ('objects to this application')
            back = _pointed_back(units, at, asked.expectation.kind)
            lead = retrieval.leads[passage.chunk_id] if at == lead_at else back
            found.append(Candidate(unit.text, label, None, passage, rank, kinds, lead))
            found.extend(
                Candidate(unit.text, unit.label, s, passage, rank, kinds, lead)
                for s in typed
                if s.kind in wanted
            )
    return found


def _pointed_back(units: Sequence[Unit], at: int, kind: str) -> str:
    """The sentence a unit points back to for the thing asked of: what was decided on 'this application',
    a figure of 'this indicator'; only for those kinds, as other answers lead with their own words."""
    if kind == "decision":
        return pointed_back(units, at)
    return pointed_back(units, at, FIGURE_BACK) if kind in FIGURES else ""


def closed_vote(units: Sequence[Unit], at: int) -> list[Unit]:
    """What an outcome line at `at` closes: up to VOTE_UNITS units before it, from the nearest motion
    ('That …') when one is among them."""
    before = list(units[max(0, at - VOTE_UNITS) : at])
    motion = next((i for i in range(len(before) - 1, -1, -1) if before[i].text.startswith("That ")), None)
    return before if motion is None else before[motion:]


def _closed_motion(units: Sequence[Unit], at: int) -> str | None:
    """The motion ('That …') an outcome line at `at` closes, if the units before it print one."""
    vote = closed_vote(units, at)
    return vote[0].text if vote and vote[0].text.startswith("That ") else None


def _heading_candidates(passage: Passage, rank: int, kind: str, seen: set[str]) -> list[Candidate]:
    """A chunk's heading as a candidate, once per heading, when the question asks a day or an hour and
    the heading prints one: a minutes' heading says when the meeting was held ('HELD ON 9 MAY 2018 AT
    19.30 IN …'). Its own words are what it says, not the topic its passage's sentences stand under."""
    heading = passage.heading or ""
    if kind not in _HEADING_KINDS or not heading or heading in seen:
        return []
    seen.add(heading)
    if kind == "place" and not _HELD.search(heading):  # '(g) Panshanger Park' is an item, not a venue
        return []
    cased = _cased(heading)
    kinds = frozenset(s.kind for s in spans(cased, False))
    return (
        [Candidate(cased, None, None, replace(passage, heading=None), rank, kinds)]
        if accepts(kind) & kinds
        else []
    )


def _cased(heading: str) -> str:
    """A masthead printed in capitals ('HELD ON 9 MAY 2018 … IN HERTINGFORDBURY COWPER SCHOOL') in the
    case prose uses, so its names read as names and its small words as small words."""
    if not heading.isupper():
        return heading
    return " ".join(w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() for w in heading.split())


def _naming_rows(named: Sequence[str], passage: Passage) -> tuple[str, ...]:
    """The question's names less those of the paper's own council, body and title: 'Souldern Parish
    Council' asked of its own accounts names the paper, not the row that happens to print it."""
    own = f"{passage.council or ''} {passage.body or ''} {passage.title or ''}".lower()
    return tuple(w for w in named if not re.search(rf"\b{re.escape(w.lower())}\b", own))


def _said(units: Sequence[Unit]) -> list[Unit]:
    """The units less courtesies ('Thank you, Chair.'), which say nothing; a speaker who opens a turn
    with one is named on what they go on to say ('Siân Morgan: At present training is not mandatory.')."""
    kept: list[Unit] = []
    carried: str | None = None
    for unit in units:
        label = unit.label or (carried if not unit.opens_line else None)
        if courtesy(unit.text):
            carried = label
            continue
        carried = None
        kept.append(unit if label == unit.label else replace(unit, label=label))
    return kept


_LETTERS = re.compile(r"[a-z]+")
# Words a speaker thanks, greets or addresses with; a sentence of these and stopwords alone tells nothing.
_COURTESY = frozenset(
    "thank thanks thankyou chair chairman chairwoman chairperson minister welcome morning afternoon evening"
    " please sorry pardon okay ok cheers everyone colleagues good hello".split()
)


def courtesy(text: str) -> bool:
    """The sentence only thanks, greets or addresses ('Thank you, Chair.', 'Good morning, everyone.')."""
    words = [w for w in _LETTERS.findall(text.lower()) if w not in STOPWORDS]
    return bool(words) and all(w in _COURTESY for w in words)


def of_day(passages: Sequence[Passage], day: dt.date) -> bool:
    """Whether a passage's paper is dated `day` or its text names that day: the papers of the meeting a
    question dates ('… meeting on 9 October 2019'), or a later pack reproducing its minutes."""
    return any(p.date == day or _names_day(p.text, day) for p in passages)


def _names_day(text: str, day: dt.date) -> bool:
    return any(d.value == day for d in find_dates(text))


def admissible(kind: str, rows: np.ndarray, counts: bool = False) -> np.ndarray:
    """Which candidates (feature rows, NAMES order; shape (n, len(NAMES))) may answer: for a value asked
    for, only those holding a value of its type beside a question word, and for a 'how many' question
    (`counts`) a number beside what it counts; for a person, body or place, only those naming one that
    is not the question's own; for other kinds, all."""
    if kind in ENTITY_KINDS:
        return rows[:, _TYPED] > 0
    if kind == "decision":  # 'and agreed the following:' tells no decision on what was asked
        return rows[:, _TOLD_OF].sum(axis=1) > 0
    if kind not in _VALUE_KINDS:
        return np.ones(len(rows), dtype=bool)
    return (rows[:, _TYPED] > 0) & (rows[:, _NEAR] > 0) & ((rows[:, _COUNTS] > 0) | (not counts))


def _outcomes(found: list[Candidate], question: str) -> list[Candidate]:
    """Candidates that can say what was decided: none from an agenda but words a record of a meeting uses;
    a reading's tally answers only for that reading ('(First reading: 7-0)' tells no second reading's)."""
    asked = _READING.search(question)
    return [c for c in found if c.passage.doc_type != _AGENDA or _minuted(c.text, asked[1] if asked else "")]


def _minuted(text: str, reading: str) -> bool:
    """Whether an agenda's text records an outcome, of the `reading` asked ('second') where one is."""
    minuted = _MINUTED.search(text)
    told = _READING.search(minuted.group()) if minuted and reading else None
    return bool(minuted) and not (told and told[1].lower() != reading.lower())


def _of_meeting(found: list[Candidate], asked: Asked) -> tuple[list[Candidate], bool]:
    """Candidates that can be of the council, the meeting, the moment and the post asked: from the papers
    of the council the question names; no timetable row whose cell for what the question dates is of
    another month (qa/rowdates.py); asked of a planning application by its reference, not from another
    application's paragraph; when the question dates its meeting, not from the reproduced minutes of
    another day's meeting, nor from another paper when that day's paper is among them; asked where or
    when in a month, not from a sentence dated to a day outside it; for a start or finish time, no time
    but those told as that moment (a start time does not say when a meeting finished); for who chaired,
    wrote or sent apologies, only sentences naming that post or printed under a heading naming it, a vice
    chair when one is asked (qa/posts.py), from the report the question names when it names one; only
    those that fit what the question asks of its thing, office, person or time
    (qa/fit.py). Also whether the candidates are the fields of the report the question names by most of
    its words, or a post printed against a name the question gives: then that answers, however it scores."""
    question = asked.text
    found = of_named_council(question, found, lambda c: c.passage)
    found = of_asked_time(found, question, asked.time, asked.expectation.kind in FIGURES)
    found = keyed_rows(found, question, asked.time)
    if files := FILE_REF.findall(question):  # another application's paragraph is not the one asked
        found = [c for c in found if not _of_other_file(c, files)]
    if (day := meeting_day(question)) is not None:
        found = _of_day([c for c in found if _meeting_of(c) in (None, day)], day)
    if event := time_event(question):
        found = [c for c in found if "time" not in c.kinds or at_event(c.shown, event)]
    # 'the meeting next after the 3 June 2025 one' dates where to start looking, not what is asked
    next_one = bool(_NEXT_ONE.search(question))
    # a date asked of a meeting the question names by its day is another day ('On the 20 January 2021
    # agenda, to what date would the amendment extend the term?'); a date asked of anything but a
    # meeting may be a little before the month of the paper reporting it ('When did the call for evidence
    # close, as reported in the July 2019 item?' 24 June 2019)
    kind = asked.expectation.kind
    if kind in _OCCASION_KINDS and asked.time and not next_one and not (kind == "date" and day is not None):
        reported = kind == "date" and not _MET.search(question)
        window = replace(asked.time, start=asked.time.start - _REPORTED_AFTER) if reported else asked.time
        found = [c for c in found if _on_target(c.text, window)]
    # what comes next is told as next ('Date of the next meeting, Tuesday, 8 July 2025'): that answers
    if next_one and (
        told := [c for c in found if _NEXT.search(c.shown) and asked.expectation.kind in c.kinds]
    ):
        return told, True
    found, fits = fitting(found, asked)
    if fits:
        return found, True
    if post := asked_post(question):
        found = [
            c
            for c in found
            if names_post(c.shown, post) or names_post(headed_by(c.passage.text, c.text), post)
        ]
        if post == "chair" and _VICE.search(question):  # a vice chair asked: not the chair
            found = [c for c in found if _VICE.search(c.shown)]
        if not of_report(post):
            return found, False
        naming = replace(asked, weights={s: w for s, w in asked.weights.items() if s not in _NOT_NAMING})
        share = lambda title: cover(stem_set(title), naming)  # noqa: E731
        found, best = of_named_report(found, lambda c: c.passage.text, share, bool(naming.weights))
        return found, best >= _NAMED_REPORT
    return found, False


_VICE = re.compile(r"\bvice[- ]?chair", re.I)


def _of_other_file(candidate: Candidate, files: list[str]) -> bool:
    """Whether the candidate, with the sentence it points back to, names only files other than those
    asked ('The Parish Council objects to this application.' after 'Planning ref: 3/18/0972/FUL …')."""
    named = FILE_REF.findall(f"{candidate.lead} {candidate.shown}")
    return bool(named) and not set(named) & set(files)


def _on_target(sentence: str, target: TimeTarget) -> bool:
    """Whether a sentence can be of the asked month or year: it names no day, or one within the target
    ('held in the Council Chamber on 26th January 2016' is not where a July 2016 meeting is held)."""
    days = [d.value for d in find_dates(sentence) if d.precision == "day"]
    return not days or any(target.start <= day <= target.end for day in days)


def _topical(found: list[Candidate], asked: Asked) -> float:
    """The largest share of the question's weight a candidate's passage holds (the `context_cover`
    feature), for saying why nothing answers when no candidate was left to score."""
    return max((cover(stem_set(context(c.passage)), asked) for c in found), default=0.0)


def _of_day(found: list[Candidate], day: dt.date) -> list[Candidate]:
    """Asked of the meeting of a day whose paper was found, only that paper, or a line naming the day
    (a tracker's '10 July 2019 | It was agreed …'), answers: another meeting's adjournment is not when
    the asked one ended. Left whole when no paper of that day was found (the paper's date may be its
    publication's, not its meeting's)."""
    if not any(c.passage.date == day for c in found):
        return found
    return [c for c in found if c.passage.date == day or _names_day(c.shown, day)]


def _meeting_of(candidate: Candidate) -> dt.date | None:
    """The day of the meeting whose header precedes the candidate in its passage, if one does."""
    text = candidate.passage.text
    words = _WORDS.findall(candidate.text)[:_FIND_WORDS]
    found = re.search(r"\W+".join(map(re.escape, words)), text) if words else None
    return day_at(text, found.start()) if found else None


def _logistic(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w)))


class Reader:
    """Scores candidates with the fitted weights; embeds only the question's likeliest sentences."""

    def __init__(self, embedder: Embedder, weights: Weights | None = None) -> None:
        self.embedder, self.weights = embedder, weights or load_weights()

    def read(self, retrieval: Retrieval) -> Reading:
        query = retrieval.query
        asked = asked_of(
            query.text, expected(query.text), retrieval.weights, query.time, retrieval.frequencies
        )
        found = candidates(retrieval, asked)
        if not wants_questions(query.terms):  # a question put at a meeting never answers itself
            found = [c for c in found if not only_asks(c.text) and not puts_question(c.text)]
        if asked.expectation.kind in NAMED_OR_VALUED:  # a question, or a form's question heading
            found = [c for c in found if not _ASKS_END.search(c.text)]  # ('What difference …?:') names none
        if not found:
            return Reading((), NO_TOPIC)
        kept = _outcomes(found, query.text) if asks_outcome(query.text) else found
        if not kept:
            return Reading((), NO_OUTCOME)
        agendas_only = len(kept) < len(found)  # an outcome asked: what agendas put forward was set aside
        if asked.expectation.kind in _DECIDED:
            kept = substantive(kept)
        kept, named = _of_meeting(kept, asked)
        if asked.expectation.kind == "date":  # the question's own date is not the one it asks
            kept = [c for c in kept if not repeats_asked_dates(c.shown, query.text)]
        if not kept:
            return Reading((), self._why_not(retrieval, _topical(found, asked)))
        table = self.table(retrieval, asked, kept)
        scores = _logistic(table, np.asarray(self.weights.values))
        topical = float(table[:, NAMES.index("context_cover")].max())
        # what fits by its place (a field named, a post against a name, a value tied to the month asked)
        # need only hold the asked type, not stand beside the question's words
        allowed = (
            table[:, _TYPED] > 0
            if named
            else admissible(asked.expectation.kind, table, bool(counted(query.text)))
        )
        if not allowed.any():
            return Reading((), self._why_not(retrieval, topical))
        order = [i for i in np.argsort(-scores, kind="stable").tolist() if allowed[i]]
        rows, probabilities = table.tolist(), scores.tolist()  # plain floats: numpy scalars cost 50 µs a row
        read = tuple(Read(kept[i], tuple(rows[i]), probabilities[i]) for i in order)
        abstain = None if named else self._abstain(retrieval, read[0], topical)
        if not abstain and not_yet_known(read[0].candidate.shown, asked.expectation.kind):
            return Reading((), f"{NOT_KNOWN} (“{clip(read[0].candidate.shown, _QUOTED_WORDS)}”)")
        if abstain and agendas_only:  # what agendas proposed is all the papers hold on it
            return Reading((), NO_OUTCOME)
        return Reading(read, abstain)

    def table(self, retrieval: Retrieval, asked: Asked, found: list[Candidate]) -> np.ndarray:
        """Feature rows: first with each passage's cosine, then the best sentences' own cosine."""
        psim = [retrieval.similarity.get(c.passage.chunk_id, 0.0) for c in found]
        shared: dict[tuple, dict[str, float]] = {}
        rows = np.asarray(
            [features(c, asked, s, s, shared) for c, s in zip(found, psim, strict=True)], dtype=np.float64
        )
        prior = rows @ np.asarray(self.weights.values)
        texts = list(dict.fromkeys(found[i].shown for i in np.argsort(-prior)))[:_EMBED]
        clipped = [embedded_text(t) for t in texts]  # as ingest stored them (index/sentencevectors.py)
        vectors = self.embedder.embed(clipped) @ np.asarray(retrieval.vector, dtype=np.float32)
        cosine = dict(zip(texts, (float(v) for v in vectors), strict=True))
        col = NAMES.index("cosine")
        for i, c in enumerate(found):
            rows[i, col] = max(cosine.get(c.shown, psim[i]), 0.0)
        return rows

    def _abstain(self, retrieval: Retrieval, best: Read, topical: float) -> str | None:
        """None when the best candidate clears the threshold, else why not: no passage near the question
        in meaning or holding a fair share of its weighty words, or the topic without the fact."""
        return None if best.score >= self.weights.threshold else self._why_not(retrieval, topical)

    def _why_not(self, retrieval: Retrieval, topical: float) -> str:
        """NO_TOPIC when no passage is near the question in meaning or holds a fair share of its weighty
        words, else NO_FACT."""
        top = max(retrieval.similarity.values(), default=0.0)
        return NO_TOPIC if top < self.weights.topic_floor or topical < TOPICAL else NO_FACT


def logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))
