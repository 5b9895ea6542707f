"""The reader: retrieved passages in, scored answer candidates out, with a calibrated 'not found'."""

# Candidates are every sentence and table cell of every retrieved passage, and the spans of the asked answer
# type inside them (qa/spans.py). Each gets named features (qa/features.py) and a logistic score with the
# weights `bench/train_reader.py` fitted (qa/weights.json). Abstention: the best score under the fitted
# threshold (logistic regression as in scikit-learn's LogisticRegression, fitted here with numpy).

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import numpy as np

from corpus.blocks import BULLET, OUTCOME_LINE
from index.embedder import Embedder
from index.passage import Passage
from qa.answertype import ACCOUNT_KINDS, expected
from qa.facts import clip
from qa.features import NAMES, Asked, Candidate, asked_of, counted, features
from qa.fit import FIGURES, TOPICAL
from qa.headings import heading_candidates, heading_first, told_in_sentences
from qa.leads import FIGURE_BACK, motion_back, opening, parallel_figure, pointed_back
from qa.namedkind import kind_named_first
from qa.query import proper_words
from qa.retriever import Retrieval
from qa.shortlist import NO_FACT, NO_FIT, NO_OUTCOME, NO_TOPIC, NOT_KNOWN, Shortlist, may_answer, shortlist
from qa.spans import monetary, spans
from qa.stopwords import STOPWORDS
from qa.units import Unit, embedded_text, focus, focus_named, opens_caption, units_of
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
# A field's label and nothing else, as a masthead prints one ('Staff Report Number:'); not a status
# ('In Progress:') or a lead-in ('Also in attendance:') that its next lines go on from
_BARE_LABEL = re.compile(
    r"[A-Z][A-Za-z /&'’()-]{0,40}\b(?:Number|No\.?|Date|Name|Title|Reference|Ref\.?|Code)\s*:"
)
VOTE_UNITS = 4  # the motion, the votes for (a label may stand on its own), against: what an outcome closes
# A cell a form leaves empty in words ('Carbon Footprint Implications: N/A') answers nothing.
_EMPTY_CELL = re.compile(r"(?:n/?a|none|nil|not applicable|-+|—)\.?$", re.I)
_SAID = NAMES.index("idf_cover")  # the share of the question's words the sentence itself holds
# what ties a candidate to the question: its words, those off the topic, a label asked, a value beside them
_TIES = tuple(NAMES.index(n) for n in ("idf_cover", "focus_cover", "label_cover", "label_match", "type_near"))
_QUOTED_WORDS = 40  # of a sentence saying the fact was not yet known, quoted in the reason


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
    abstain: str | None  # None, NO_TOPIC, NO_FIT, NO_FACT, NO_OUTCOME or NOT_KNOWN


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
        found.extend(heading_candidates(passage, rank, asked, headings))
        units = _said(units_of(focus_named(text, _naming_rows(named, passage), rows_only=True)))
        lead_at = opening(units) if passage.chunk_id in retrieval.leads else None
        for at, unit in enumerate(units):
            outcome = OUTCOME_LINE.match(unit.text) and not unit.label
            short = len(unit.text.split()) < _MIN_WORDS and not unit.label and not outcome
            # a cell whose value is another field's label awaiting its own ('Meeting Date: Staff Report
            # Number:', a masthead's fields read without their values) answers nothing
            awaiting = bool(unit.label) and bool(_BARE_LABEL.fullmatch(unit.text))
            if short or awaiting or _EMPTY_CELL.match(unit.text):
                continue
            typed = spans(unit.text, monetary(passage.text))
            kinds = frozenset(s.kind for s in typed)
            # an outcome on its own line ('DEFEATED') is weighed as said of the motion it closes
            label = _closed_motion(units, at) if outcome else unit.label
            # what was decided on a thing may name it only by pointing back ('objects to this application')
            back = _pointed_back(units, at, asked.expectation.kind)
            lead = retrieval.leads[passage.chunk_id] if at == lead_at else back or _run_in(units, at, text)
            found.append(Candidate(unit.text, label, None, passage, rank, kinds, lead))
            found.extend(
                Candidate(unit.text, unit.label, s, passage, rank, kinds, lead)
                for s in typed
                if s.kind in wanted
            )
    return found


def _run_in(units: Sequence[Unit], at: int, text: str) -> str:
    """The run-in heading a bullet opens with, before what the unit at `at` says on the same line ('•
    Some strong practice identified; Participation with young people, …'); '' when there is none."""
    before = units[at - 1] if at > 0 and not units[at].opens_line else None
    if before is None or not before.opens_line or not _RUN_IN.fullmatch(before.text):
        return ""
    bulleted = re.search(rf"^\s*{BULLET}\s*{re.escape(before.text)}", text, re.M)
    return before.text.rstrip("; ") if bulleted else ""


def _pointed_back(units: Sequence[Unit], at: int, kind: str) -> str:
    """The sentence a unit points back to for the thing asked of: what was decided on 'this application',
    a figure of 'this indicator' or said in parallel to the sentence before ('76 per cent of professionals
    … agreed.'), the motion a person seconded as 'the motion'; only for those kinds, as other answers lead
    with their own words."""
    if kind == "decision":
        return pointed_back(units, at)
    if kind == "person":  # who seconded 'the motion': what was moved
        return motion_back(units, at)
    if kind not in FIGURES:
        return ""
    return pointed_back(units, at, FIGURE_BACK) or parallel_figure(units, at)


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


def _naming_rows(named: Sequence[str], passage: Passage) -> tuple[str, ...]:
    """The question's names less those of the paper's own council, body and title, and of the caption
    opening the passage: 'Souldern Parish Council' asked of its own accounts names the paper, and
    'Housing budget' of 'Table 3: Housing budget fiscal year 2020-21' the table, not the row that happens
    to print it ('Hello Housing')."""
    first = passage.text.lstrip().split("\n", 1)[0]
    caption = first if opens_caption(first) else ""
    own = f"{passage.council or ''} {passage.body or ''} {passage.title or ''} {caption}".lower()
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
# A bullet's run-in heading: a few words ending in a semicolon, what it heads after it on the same line.
_RUN_IN = re.compile(r"(?:\S+\s+){0,5}\S+;")
# Words a speaker thanks, greets or addresses with; a sentence of these and stopwords alone tells nothing.
_COURTESY = frozenset(
    "thank thanks thankyou chair chairman chairwoman chairperson minister welcome morning afternoon evening"
    " please sorry pardon okay ok cheers everyone colleagues good hello".split()
)


def courtesy(text: str) -> bool:
    """The sentence only thanks, greets or addresses ('Thank you, Chair.', 'Good morning, everyone.')."""
    words = [w for w in _LETTERS.findall(text.lower()) if w not in STOPWORDS]
    return bool(words) and all(w in _COURTESY for w in words)


def _untied(best: Read, kind: str) -> bool:
    """A body named in a sentence holding none of the question's words, under no label it asks and near
    none of them, is not shown to be the one asked ('Which audit firm did the council appoint?' is not
    answered by 'VOTING IN FAVOUR: Mayor Farbridge, …'). Bodies only: a person or a place is often told by
    a label or a record the features do not see."""
    return kind == "organisation" and not any(best.features[i] for i in _TIES)


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
        short = shortlist(candidates(retrieval, asked), asked, query.terms)
        if not short.kept:
            return Reading((), short.reason or self._why_not(retrieval, short.topical, short))
        kept = list(short.kept)
        table = self.table(retrieval, asked, kept)
        scores = _logistic(table, np.asarray(self.weights.values))
        topical = float(table[:, NAMES.index("context_cover")].max())
        allowed = may_answer(short, asked.expectation.kind, table, bool(counted(query.text)))
        if asked.expectation.kind in ACCOUNT_KINDS:
            allowed = told_in_sentences(kept, asked, allowed)
        if not allowed.any():
            return Reading((), self._why_not(retrieval, topical, short))
        order = [i for i in np.argsort(-scores, kind="stable").tolist() if allowed[i]]
        order = heading_first(kept, order, asked)
        order = kind_named_first(kept, order, scores.tolist(), asked)
        rows, probabilities = table.tolist(), scores.tolist()  # plain floats: numpy scalars cost 50 µs a row
        read = tuple(Read(kept[i], tuple(rows[i]), probabilities[i]) for i in order)
        # whether anything clears the threshold, whichever the order above put first
        strongest = max(read, key=lambda r: r.score)
        abstain = None if short.named or short.listed else self._abstain(retrieval, strongest, topical, short)
        if not (short.named or short.listed) and _untied(read[0], asked.expectation.kind):
            return Reading((), self._why_not(retrieval, topical, short))
        if not abstain and not_yet_known(read[0].candidate.shown, asked.expectation.kind):
            # 'it was not known how many children …' says nothing of a question none of whose words it holds
            if read[0].features[_SAID] == 0.0:
                return Reading((), self._why_not(retrieval, topical, short))
            return Reading((), f"{NOT_KNOWN} (“{clip(read[0].candidate.shown, _QUOTED_WORDS)}”)")
        if abstain and short.agendas_only:  # what agendas proposed is all the papers hold on it
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

    def _abstain(self, retrieval: Retrieval, best: Read, topical: float, short: Shortlist) -> str | None:
        """None when the best candidate clears the threshold, else why not (_why_not)."""
        return None if best.score >= self.weights.threshold else self._why_not(retrieval, topical, short)

    def _why_not(self, retrieval: Retrieval, topical: float, short: Shortlist) -> str:
        """NO_TOPIC when no passage is near the question in meaning or holds a fair share of its weighty
        words; NO_FIT when only passages whose sentences cannot answer do (`short.topical`, before the
        shortlist's filters, against `topical`, the candidates it kept); else NO_FACT."""
        top = max(retrieval.similarity.values(), default=0.0)
        if top < self.weights.topic_floor or max(topical, short.topical) < TOPICAL:
            return NO_TOPIC
        return NO_FIT if topical < TOPICAL else NO_FACT


def logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))
