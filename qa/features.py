"""Named features of an answer candidate: what the reader's fitted weights (qa/weights.json) multiply."""

from __future__ import annotations

import re
from functools import lru_cache

from index.passage import Passage
from qa.acronyms import spelled_by, spelled_in, spelled_out
from qa.answertype import NAMED_OR_VALUED
from qa.candidate import Asked, Candidate, asked_of, cover, stem_set, stems_of, topic, word_stems
from qa.counting import counted
from qa.daymonths import days_of_things, same_day_words
from qa.exchange import only_asks, replies
from qa.fit import TOPICAL
from qa.formcolumns import headed_column_asked, typed_column_asked
from qa.framing import paper_dates
from qa.measures import rate_words, rates_asked
from qa.moments import event_words, time_event
from qa.posts import AUTHOR_FIELD
from qa.query import TimeTarget, intent
from qa.scoring import context
from qa.spans import spans
from qa.statements import STATUS_WORDS
from qa.timefit import row_key, row_name, spanned
from qa.typematch import (
    ACCEPTS,
    ENTITY_KINDS,
    MONTHS,
    accepts,
    counts_noun,
    holds_type,
    in_month_asked_column,
    own_words,
    source_stems,
    type_near,
)

# What the reader imports from here: the feature names and values, and the candidate's records.
__all__ = [
    "ACCEPTS",
    "accepts",
    "NAMES",
    "Asked",
    "Candidate",
    "asked_of",
    "counted",
    "cover",
    "features",
    "stem_set",
    "stems_of",
]

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
_FRONT_KINDS = frozenset({"place", "time", "person", "date"})  # what a paper's first page says
_FRONT_PAGES = 2
_LONG_WORDS = 40  # a unit longer than this covers words by sheer length
# A cell whose column label the question says this much of is the column asked: it holds the question's
# words of its row's key cell too, as a row is found by its key and a column by its heading.
_ASKED_COLUMN = 0.5
# Column labels and the question words that ask for them (author ↔ wrote, 'in the Chair' ↔ chaired).
LABEL_CUES: tuple[tuple[str, str], ...] = (
    (AUTHOR_FIELD, r"\b(?:wr[io]te|written|author\w*|prepared)\b"),
    ("chair", r"\bchair\w*|\bpresid\w*"),
    ("contact", r"\bcontact\w*|\bask for\b|\binformation\b"),
    ("lead", r"\blead\w*|\bresponsib\w*"),
    # a council's cabinet member for a subject is its portfolio holder
    ("holder", r"\bholder|\bportfolio\b|\bcabinet (?:member|lead)\b"),
    ("venue|location|place|room|address", r"^\s*where\b|\bvenue\b|\bheld\b"),
    ("time|start", r"\btime\b|\bstart\w*|\bbegin\b"),
    ("date", r"\bwhen\b|\bdate\b"),
    ("status", r"\bstatus\b|\bprogress\b"),
    ("moved|proposed|proposer", r"\bmoved\b|\bpropos\w*"),
    ("seconded|seconder", r"\bsecond\w*"),
)
_DEPUTY = re.compile(r"\b(?:vice|deputy)\b")
_CUES = tuple((re.compile(label, re.I), re.compile(cue, re.I)) for label, cue in LABEL_CUES)


def _proximity(candidate: Candidate, asked: Asked) -> float:
    """1 / (1 + words between the span and the nearest question word in its sentence)."""
    if not candidate.span:
        return 0.0
    offset = len(candidate.label) + 2 if candidate.label else 0
    at = len(candidate.shown[: candidate.span.start + offset].split())
    hits = [i for i, w in enumerate(word_stems(candidate.shown)) if any(s in asked.weights for s in w)]
    return 1.0 / (1.0 + min(abs(i - at) for i in hits)) if hits else 0.0


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


# Words a label shares with any question of its type: 'Date of meeting' is not the field asked by 'From what
# date did …?' unless the question also says what is dated ('the date of the meeting').
_TYPE_WORDS = frozenset(stems_of("date day time year number total amount"))


def _label_cover(label: str | None, asked: Asked, passage: Passage, keyed: bool = False) -> float:
    """Share of a column label's words the question says ('Lead Strategic Director' for 'lead … director');
    0 when it says only the label's word for the asked type ('date' of 'Date of meeting'). A column headed
    by a question ('What difference will this make for Children in Care and Care Leavers?') is told by its
    own words, not the topic's its table repeats ('care leavers'), which every question on it says. The
    label of the column a row is `keyed` by ('Pledge: Pledge 43 - …') names what every row is: the topic's
    words in it are not said of the column ('Under the STEM pledge, how …?' names the row)."""
    words = stems_of(label or "")
    about = topic(passage.text, passage.heading or "", frozenset(asked.weights)) if label else frozenset()
    if label and label.endswith("?"):
        words = tuple(w for w in words if w not in about)
    said = [w for w in words if w in asked.weights and not (keyed and w in about)]
    return len(said) / len(words) if words and not set(said) <= _TYPE_WORDS else 0.0


def _mentions(passage: Passage, target: TimeTarget | None) -> float:
    """The passage names the month the question asks about (minutes of an earlier meeting in a later pack)."""
    if not target or target.start.month != target.end.month:
        return 0.0
    return _names_month(passage.text, MONTHS[target.start.month - 1], target.start.year)


@lru_cache(maxsize=1 << 10)
def _names_month(text: str, month: str, year: int) -> float:
    # '25 September 2012', 'September 2012' and the US 'September 25, 2012'
    day = r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    return float(re.search(rf"\b{month}\s+{day}{year}\b", text, re.I) is not None)


def _dates(passage: Passage, target: TimeTarget | None) -> tuple[float, float]:
    if not target or not passage.date:
        return 0.0, 0.0
    first, last = spanned(passage.date, passage.date_precision)
    inside = first <= target.end and target.start <= last  # the paper's period and the asked one overlap
    return float(inside), float(not inside)


def _front(passage: Passage, asked: Asked) -> float:
    page = passage.page_start or passage.page_end or 99
    return float(page <= _FRONT_PAGES and asked.expectation.kind in _FRONT_KINDS)


def _focus_cover(candidate: Candidate, sentence: set[str], asked: Asked) -> float:
    """Share of the question's weight outside its topic that the sentence holds. The topic is what the
    passage repeats or heads itself with ('Village Hall Roof'); the rest is what is asked of it ('accepted',
    'funded'), and the sentence answering holds that, not the topic words every sentence there shares."""
    passage = candidate.passage
    topical = topic(passage.text, passage.heading or "", frozenset(asked.weights))
    # the question's date naming a paper of that date finds it (date_match weighs that): a sentence
    # repeating it ('launched … on 26th January 2016' for 'According to the February 2016 Derby report,
    # …') asks nothing more; a date of what is asked ('before the January 1, 2022 adjustment') stays asked
    if _dates(passage, asked.time)[0]:
        topical = topical | stem_set(paper_dates(asked.text))
    focus = {s: w for s, w in asked.weights.items() if s not in topical and s not in source_stems(asked.text)}
    total = sum(focus.values())
    return sum(w for s, w in focus.items() if s in sentence) / total if total else 0.0


def features(
    candidate: Candidate,
    asked: Asked,
    cosine: float,
    passage_cosine: float,
    shared: dict[tuple, dict[str, float]] | None = None,
) -> list[float]:
    """The candidate's feature vector, in NAMES order; every value in [0, 1]. `shared` keeps the values
    of each sentence (all but the span's own) and of each passage across the candidates of one question:
    a sentence's spans differ only in those, and a passage's sentences in their own."""
    shared = {} if shared is None else shared
    key = (candidate.passage.chunk_id, candidate.rank, candidate.shown)
    if (sentence := shared.get(key)) is None:
        sentence = shared[key] = _sentence_values(candidate, asked)
    if (passage := shared.get((candidate.passage.chunk_id,))) is None:
        passage = shared[(candidate.passage.chunk_id,)] = _passage_values(candidate.passage, asked)
    values = {
        **sentence,
        **passage,
        **_span_values(candidate, asked),
        "cosine": max(cosine, 0.0),
        "passage_cosine": max(passage_cosine, 0.0),
    }
    return [values[name] for name in NAMES]


_STATUS_INTENTS = frozenset({"status", "history"})
_YES_NO = re.compile(r"^\W*(?:has|have|had|is|are|was|were|did|does|do)\b", re.I)  # 'Have any … taken up?'
_BARE_STATUS = re.compile(rf"^\W*{STATUS_WORDS.pattern}\W*(?:\||$)", re.I)


def _span_values(candidate: Candidate, asked: Asked) -> dict[str, float]:
    """What depends on the span itself (or on the whole sentence when the candidate is one)."""
    kind = asked.expectation.kind
    span_kind = candidate.span.kind if candidate.span else ""
    answer_stems = stems_of(candidate.answer)
    own = own_words(asked)
    new = [s for s in answer_stems if s not in own]
    return {
        "type_span": float(span_kind in accepts(kind)),
        "proper_span": float(span_kind == "proper" and kind in ENTITY_KINDS),
        "proximity": _proximity(candidate, asked),
        "label_match": _label_match(candidate, asked),
        "novelty": len(new) / len(answer_stems) if answer_stems else 0.0,
        "repeats_question": float(bool(answer_stems) and not new and not _answers_yes_no(candidate, asked)),
        "is_span": float(candidate.span is not None),
    }


# 'No children were identified as being at risk' answers 'Did the inspection identify any children at risk?'
# in the question's own words: its polarity is what it adds.
_POLARITY = re.compile(r"\b(?:no|not|none|never|nothing|nobody|neither|nor)\b|n['’]t\b", re.I)


def _answers_yes_no(candidate: Candidate, asked: Asked) -> bool:
    """A yes or no question answered by a sentence saying its words with a 'no' or 'not'."""
    return bool(_YES_NO.match(asked.text) and _POLARITY.search(candidate.answer))


def _status_told(candidate: Candidate, asked: Asked) -> bool:
    """Whether a status word ('completed', 'ongoing') tells for the candidate: always in a sentence
    ('the purchase has been completed'), but not as a tracker row's bare label ('Ongoing | Protecting the
    Environment') when the question asks for an account of something other than how a matter stands
    ('What vision statement does the page give?')."""
    if "status" not in candidate.kinds:
        return False
    if asked.expectation.kind in NAMED_OR_VALUED and not _YES_NO.match(asked.text):
        # a name or a value asked ('What sort of outside firm …?'): 'Completed' tells neither, unless the
        # question asks of that status ('Whose nomination was withdrawn?')
        told = {s for word in STATUS_WORDS.findall(candidate.text) for s in stems_of(word)}
        return bool(told & asked.weights.keys())
    if (
        asked.expectation.kind != "status"
        and not _YES_NO.match(asked.text)
        and not STATUS_WORDS.search(candidate.text)
    ):
        return False  # work said not done yet ('no take up to date') tells a status or a yes or no asked for
    asks = asked.expectation.kind != "description" or _intent(asked.text) in _STATUS_INTENTS
    return asks or not _BARE_STATUS.match(candidate.text)


@lru_cache(maxsize=1 << 10)
def _intent(question: str) -> str:
    return intent(question)


# A year or a month in a column's label ('2019/20 Local Target', 'Apr-19') dates the column; the question's
# year alone does not name it.
_DATING = re.compile(r"\b(?:19|20)\d\d(?:[/–-]\d{2,4})?\b|\b[A-Z][a-z]{2}[-\s']\d{2}\b")


def _named_column(candidate: Candidate, asked: Asked, label_cover: float) -> bool:
    """The question says most of the words of the cell's column label beyond any date in it
    (`label_cover`: the whole label's share, which stands when it holds no date)."""
    if typed_column_asked(candidate, asked):  # 'When will you do this?' asked 'When will …?'
        return True
    label = _DATING.sub(" ", candidate.label or "").strip()
    if label == (candidate.label or "").strip():
        return bool(label) and label_cover >= _ASKED_COLUMN
    return bool(label) and _label_cover(label, asked, candidate.passage) >= _ASKED_COLUMN


def _month_row_asked(candidate: Candidate, asked: Asked, key: str) -> bool:
    """The cell is in the column of the month asked, in a row holding at least TOPICAL of the question's
    weight with the month's own words: '% of children subject to multiple child protection plans' shares
    only 'child protection plans' with a question on initial child protection conferences, and is not its
    row."""
    if not in_month_asked_column(candidate, asked):
        return False
    named = f"{key} {spelled_in(key, asked.text, initials=True)}"
    # the column is the month asked: the question's words for it ('in November 2018') are the cell's too
    return cover(stem_set(named) | _month_words(asked.time), asked) >= TOPICAL


def _month_words(target: TimeTarget | None) -> frozenset[str]:
    """The stems naming a month's time target ('novemb', '2018'); none for any other span of time."""
    if not target or not target.one_month:
        return frozenset()
    return stem_set(f"{MONTHS[target.start.month - 1]} {target.start.year}")


def _keyed_not_asked(candidate: Candidate, asked: Asked) -> bool:
    """The cell holds its row's key, and the question does not ask for that key by its column's noun
    ('Which overview and scrutiny committee covers …?' asks for the 'Overview and Scrutiny Committee')."""
    noun = stem_set(asked.expectation.noun)
    return row_key(candidate) and not noun & stem_set(candidate.label or "")


def _sentence_values(candidate: Candidate, asked: Asked) -> dict[str, float]:
    """What every candidate of one sentence (or cell) shares: its words, and its passage's values."""
    sentence = set(stems_of(candidate.shown)) | set(stems_of(candidate.lead))
    if (event := time_event(asked.text)) and event_words(candidate.shown, event):  # 'finished' tells an 'end'
        sentence |= stem_set(" ".join(event_words(asked.text, event)))
    # a column headed by the question asked ('What difference will this make …?') is named whole
    label_cover = (
        1.0
        if headed_column_asked(candidate, asked)
        else _label_cover(candidate.label, asked, candidate.passage, _keyed_not_asked(candidate, asked))
    )
    # 'What difference will the voucher make?': the voucher's row, the column the question names by its
    # heading; 'What share … in April 2018?': the row, the month's column, when the row is the question's
    key = row_name(candidate) or ""
    if key and (_named_column(candidate, asked, label_cover) or _month_row_asked(candidate, asked, key)):
        sentence |= stem_set(key)
    else:
        key = ""
    sentence |= stem_set(spelled_in(candidate.shown, asked.text))
    # what its passage's abbreviations stand for: 'PAs' of 'Personal Advisers (PAs)' a line before
    sentence |= stem_set(spelled_out(candidate.shown, candidate.passage))
    sentence |= stem_set(spelled_by(candidate.shown, asked.text))  # 'ILACS' of 'Inspection of Local …'
    if rates_asked(asked.text):  # '$75.00 per month' is a monthly allowance
        sentence |= stem_set(rate_words(candidate.shown))
    if days_of_things(asked.text):  # a row dated '02-Jul' holds the question's '2 July'
        sentence |= stem_set(same_day_words(candidate.shown, asked.text))
    sentence |= stem_set(spelled_in(key, asked.text, initials=True))  # the row '% of Care Leavers in EET'
    return {
        "bias": 1.0,
        "type_sentence": float(holds_type(candidate, asked)),
        "idf_cover": cover(sentence, asked),
        "rank": 1.0 / (1.0 + candidate.rank),
        "asks": float(only_asks(candidate.text)),
        "length": min(len(candidate.shown.split()) / _LONG_WORDS, 2.0) / 2.0,
        "status_word": float(_status_told(candidate, asked)),
        "label_cover": label_cover,
        "focus_cover": _focus_cover(candidate, sentence, asked),
        "type_near": type_near(candidate, asked),
        "counts_noun": counts_noun(candidate, asked),
    }


def _passage_values(passage: Passage, asked: Asked) -> dict[str, float]:
    """What every candidate of one passage shares: its context, heading, date and paper."""
    date_match, date_mismatch = _dates(passage, asked.time)
    mentioned = _mentions(passage, asked.time)
    # A later paper that reproduces the asked meeting's minutes names its date: not a mismatch.
    date_mismatch *= 1.0 - mentioned
    return {
        "context_cover": cover(stem_set(context(passage)), asked),
        "date_match": date_match,
        "date_mismatch": date_mismatch,
        "front_matter": _front(passage, asked),
        "reply": float(replies(f"{passage.heading or ''}\n{passage.text}")),
        "date_mentioned": mentioned,
        # the item heading over the passage names what it is about ('2.1 Public Employee Performance
        # Evaluation'): a question naming the item asks of the text under it
        "heading_cover": cover(stem_set(passage.heading or ""), asked),
    }
