"""Answers read from records (mover, seconder, outcome, votes, chair, times), else None."""

# Answers from records: who moved or seconded a motion, what became of it, how the vote went, who voted
# against, who chaired a meeting and when it began or ended (where a numbered commitment stands:
# qa/statusanswer.py), read from the records of the papers retrieval ranks first, and cited to the
# passage each field was read from. None where no record fits, so the reader answers instead.

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass

from corpus.dates import find_dates
from corpus.outcomes import printed_outcome
from index.recordquery import Cited, cited_text, meeting_fields, motion_fields
from index.settings import Settings
from index.store import Store
from qa.answer import Answer, Citation, format_date
from qa.bodies import of_named_council
from qa.candidate import stems_of
from qa.motionact import act_asked, does_act
from qa.nextmeeting import latest_first
from qa.numbering import series_shape
from qa.query import meeting_day
from qa.retriever import Retrieval
from qa.statusanswer import status_answer
from qa.stopwords import STOPWORDS

_TOP_PAPERS = 3  # records are looked for in the papers of this many best passages
_NEAR = 1  # a motion read from a chunk this close to a retrieved passage is the passage's motion
_TOP_PASSAGES = 5  # a motion must be read near one of this many best passages
_ABOUT = ("text", "item_title", "mover", "seconder")  # what a motion's words are matched on
_ACTED = ("text", "item_title")  # where a motion says what it does
_MIN_OVERLAP = 2  # words a motion must share with the question to be the one it asks about
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}

# 'who moved', or 'which councillors are recorded as moving'
_MEMBERS = r"(?:who\s+|which\s+(?:\w+\s+)?(?:councillors?|members?|commissioners?|trustees?)\b.{0,40}?)"
_WANTS = (
    (
        "movers",
        re.compile(rf"(?i)\b{_MEMBERS}(?:moved|moving|proposed|proposing)\s+and\s+(?:who\s+)?second\w*"),
    ),
    # by the post's noun too: 'the seconder of R2023-215?', 'mover of the by-law?'
    ("movers", re.compile(r"(?i)\b(?:mover|proposer)s?\s+and\s+seconders?\b")),
    # 'who will second', never the ordinal of 'voted for the second amendment'
    (
        "seconder",
        re.compile(rf"(?i)\b{_MEMBERS}(?:seconded|seconding|(?<!the )(?<!a )second)\b|\bseconder\b"),
    ),
    ("mover", re.compile(rf"(?i)\b{_MEMBERS}(?:moved|moving|proposed|proposing|put\s+forward)\b|\bmover\b")),
    ("noes", re.compile(rf"(?i)\b(?:who\b.{{0,40}}|{_MEMBERS})\bvot\w*\s+against\b")),
    ("ayes", re.compile(rf"(?i)\b(?:who\b.{{0,40}}|{_MEMBERS})\bvot\w*\s+(?:for|in\s+favou?r)\b")),
    (
        "next_meeting",
        re.compile(r"(?i)\bwhen\b.{0,60}\bnext\s+meeting\b|\bdate\s+of\s+the\s+next\s+meeting\b"),
    ),
    ("chair", re.compile(r"(?i)\bwho\s+(?:chaired|presided|was\s+(?:in\s+)?the\s+chair)\b")),
    # 'Who sent apologies to …', 'Which councillors were absent from …': the minutes' apologies line
    (
        "apologies",
        re.compile(
            rf"(?i)\b{_MEMBERS}(?:\w+\s+){{0,3}}(?:apolog\w*|absent)\b"
            r"|\b(?:were|was)\s+(?:there\s+)?any\s+apologies\b|\bdid\s+any(?:one|\s+\w+)?\s+send\s+apologies\b"
        ),
    ),
    ("end_time", re.compile(r"(?i)\b(?:what|which)\s+time\b.{0,80}\b(?:adjourn|clos|end|finish|conclud)\w*")),
    (
        "start_time",
        re.compile(r"(?i)\b(?:what|which)\s+time\b.{0,80}\b(?:start|begin|began|open|commenc)\w*"),
    ),
    (
        "outcome",
        re.compile(
            # an outcome asked of a motion, amendment, resolution, item or vote, not any 'decision'
            r"(?i)\b(?:outcome|result|decided|decision|resolved?|agreed)\b(?=.*\b(?:motion|amendment"
            r"|resolution|proposal|item|vote)\b)|\bhow\s+did\s+the\s+vote\b|\b(?:what|how)\s+was\s+the\s+vot(?:e|ing)\b|\bwhat\s+did\b.{0,80}\b(?:resolve|decide|agree)\b"
            r"|\b(?:was|were)\s+\w+(?:\s+\w+)?\s+(?:carried|passed|adopted|approved|lost|defeated)\b"
        ),
    ),
)
_MEETING_WANTS = {"chair", "end_time", "start_time", "next_meeting", "apologies"}
# 'Who chaired the citizens' committee that looked at council pay?': a body's chair, which a meeting's record
# does not tell, unless the question says it asks of a meeting ('… the Planning Committee meeting', '… on 10
# July 2019').
_CHAIRED_BODY = re.compile(
    r"(?i)\b(?:committee|board|panel|group|review|commission|task\s*force|forum|partnership|working\s+party)\b"
)
_MEETING = re.compile(r"(?i)\b(?:meeting|session|sitting)\b")
# A part of a meeting asked, not the meeting: 'the open meeting' after a closed one, 'the closed session',
# 'the public hearing', 'the pre-council meeting'. A meeting record keeps the meeting's own start and end.
_SESSION = re.compile(
    r"(?i)\b(?:open|closed|public|private|in[- ]camera|pre-?council|reconvened|second|special|workshop)\s+"
    r"(?:meeting|session|sitting|portion|part|hearing)\b"
)
_ITEM = re.compile(r"(?i)\bitem\s+(?:no\.?\s*)?([\w./()-]+?)(?=[\s,;:?]|$)")
# an identifier a motion may be numbered by: letters and figures together ('R2023-208', '45/19'), or a bare
# number that the question calls a motion's or resolution's ('resolution 12', 'motion no. 7')
_ID = re.compile(
    r"(?i)\b(?:motion|resolution)\s+(?:no\.?\s*)?(\d+)\b|\bno\.\s*(\d+)\b"
    r"|\b(?!\d+(?:st|nd|rd|th)\b)(?=[\w./-]*\d)(?=[\w./-]*[a-z/-])([a-z0-9][\w./-]*[a-z0-9])\b"
)
_WORD = re.compile(r"[a-z0-9£$€][a-z0-9.,£$€%]*[a-z0-9%]|[a-z0-9]")


@dataclass(frozen=True)
class Reply:
    """An answer's sentence and the chunk it rests on; not `stated` where the paper does not say."""

    text: str
    chunk_id: int | None
    page: int | None
    stated: bool = True


@dataclass(frozen=True)
class RecordQuestion:
    """What a question asks of the records: the field, the meeting date or item it names, and the
    identifiers it gives ('R2023-208', 'motion 12') as item_key compares them."""

    want: str
    date: str | None
    item: str | None
    words: frozenset[str]
    ids: frozenset[str] = frozenset()
    topic: str = ""  # the question less its cue, dates and item number


def read_question(question: str) -> RecordQuestion | None:
    """The record a question asks for, or None when it asks for none."""
    cue = next(((name, m) for name, pattern in _WANTS if (m := pattern.search(question))), None)
    if cue is None:
        return None
    want, m = cue
    dates = [d for d in find_dates(question) if d.precision == "day"]
    if want == "chair" and not dates and _CHAIRED_BODY.search(question) and not _MEETING.search(question):
        return None  # a body's chair asked, not a meeting's: the papers' words say who that is
    if want in {"start_time", "end_time"} and _SESSION.search(question):
        return None  # one session's time ('the open meeting' after a closed one): the papers' words say it
    item = _ITEM.search(question)
    # the topic is what the question says besides its cue ('who seconded'), dates and item number
    spans = [(m.start(), m.end()), *((d.start, d.end) for d in dates)] + ([item.span()] if item else [])
    topic = "".join(" " if any(s <= i < e for s, e in spans) else ch for i, ch in enumerate(question))
    # the day of the meeting it names, before a day of minutes confirmed there ('the April 14, 2014
    # minutes at the meeting of 26 May 2014')
    day = meeting_day(question) or (dates[0].value if dates else None)
    return RecordQuestion(
        want,
        day.isoformat() if day else None,
        item_key(item.group(1)) if item else None,
        _words(topic),
        frozenset(item_key(next(g for g in i.groups() if g)) for i in _ID.finditer(topic)),
        topic,
    )


def item_key(number: str) -> str:
    """An item number as compared: '7(b)', '7 (b)' and '7b.' are one item."""
    return re.sub(r"[^0-9a-z/]", "", number.lower())


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 2)


def answer_from_records(
    store: Store,
    question: str,
    retrieval: Retrieval,
    settings: Settings | None = None,
    top_k: int | None = None,
) -> Answer | None:
    """An answer read from the records of the best-ranked papers, or None to leave it to the reader.
    `settings` and `top_k` size a status answer as the reader sizes one (defaults: Settings())."""
    settings = settings or Settings()
    if retrieval.passages and (
        status := status_answer(store, question, retrieval, top_k or settings.top_k, settings.answer_words)
    ):
        return status
    asked = read_question(question)
    if asked is None or not retrieval.passages:
        return None
    db = store.db
    sources = list(
        dict.fromkeys(p.source for p in of_named_council(question, retrieval.passages, lambda p: p))
    )
    # a motion the question names by its printed number may sit in any retrieved paper, not just the first
    numbered = [s for s in sources if asked.ids and _numbered(asked, motion_fields(db, s))]
    # ...and where that paper is of another meeting than the one asked, the best papers are read next
    papers = [
        (source, meeting_fields(db, source)) for source in dict.fromkeys(numbered[:1] + sources[:_TOP_PAPERS])
    ]
    if asked.want == "next_meeting" and not asked.date:
        papers = latest_first(papers, of_named_council(question, retrieval.passages, lambda p: p))
    for source, meeting in papers:
        if asked.date and meeting.get("date") and meeting["date"].value != asked.date:
            continue
        found = (
            _meeting_answer(asked, meeting)
            if asked.want in _MEETING_WANTS
            else _motion_answer(db, asked, source, retrieval, bool(asked.date and meeting.get("date")))
        )
        if found is not None:
            return _answer(store, question, found)
    return None


def _meeting_answer(asked: RecordQuestion, meeting: dict[str, Cited]) -> Reply | None:
    field = meeting.get(asked.want)
    if field is None:
        return None
    when = f" on {_day(meeting['date'].value)}" if "date" in meeting else ""
    text = {
        "chair": f"{field.value} chaired the meeting{when}",
        "end_time": f"The meeting{when} ended at {field.value}",
        "start_time": f"The meeting{when} began at {field.value}",
        "next_meeting": f"The minutes of the meeting{when} give the next meeting as {field.value}",
        "apologies": _apologies(field.value, when),
    }[asked.want]
    return Reply(text, field.chunk_id, field.page)


# The apologies line as minutes word it whole ('Apologies had been received from Nick Oakhill'), not a bare
# list of names ('Cllrs Shobha Edgell and Paul Rochford').
_SAID_WHOLE = re.compile(r"(?i)^(?:apologi|there\s+were|no\s+apologi|absent)")


def _apologies(value: str, when: str) -> str:
    if _SAID_WHOLE.match(value):
        return f"{value.rstrip('.')} (minutes of the meeting{when})"
    return f"Apologies for the meeting{when} were received from {value.rstrip('.')}"


def _motion_answer(
    db: sqlite3.Connection, asked: RecordQuestion, source: str, retrieval: Retrieval, dated: bool = False
) -> Reply | None:
    """The field asked of the motion the question names in `source`; `dated`: the paper is of the
    meeting the question dates, so any of its motions may be the one, wherever the passages ranked."""
    # the paper's own council and body ('Guelph City Council') name every motion in it, and none of them
    paper = next((p for p in retrieval.passages if p.source == source), None)
    own = _words(f"{paper.council or ''} {paper.body or ''}") if paper else frozenset()
    motion = _best_motion(asked, motion_fields(db, source), retrieval, dated, own)
    if motion is None:
        return None
    words = motion["text"].value
    short = words if len(words) <= 160 else words[:157].rsplit(" ", 1)[0] + "…"
    if asked.want == "movers":
        return _movers(motion, short)
    field = motion.get(asked.want)
    if field is None:
        return _unstated(asked.want, motion, short)
    text = {
        "mover": f"{field.value} moved the motion “{short}”",
        "seconder": f"{field.value} seconded the motion “{short}”",
        "noes": f"Voting against “{short}”: {field.value}",
        "ayes": f"Voting for “{short}”: {field.value}",
        "outcome": f"The motion “{short}” was {_as_printed(db, field, words)}{_vote(motion)}",
    }[asked.want]
    return Reply(text, field.chunk_id, field.page)


def _as_printed(db: sqlite3.Connection, outcome: Cited, motion_text: str) -> str:
    """The outcome in the word the minutes print after the motion ('defeated' where the record says
    'lost'), else the record's."""
    text = cited_text(db, outcome.chunk_id)
    at = text.find(motion_text[:40])
    return printed_outcome(text[at:] if at >= 0 else text, outcome.value) or outcome.value


def _movers(motion: dict[str, Cited], short: str) -> Reply | None:
    """Who moved and who seconded, together; the unlabelled names where the minutes give only those."""
    mover, seconder = motion.get("mover"), motion.get("seconder")
    if mover and seconder:
        text = f"{mover.value} moved and {seconder.value} seconded the motion “{short}”"
        return Reply(text, mover.chunk_id, mover.page)
    return _unstated("mover", motion, short)


def _unstated(want: str, motion: dict[str, Cited], short: str) -> Reply | None:
    """Where the minutes name two members without saying who moved, say so; else leave it."""
    names = motion.get("names")
    if want not in ("mover", "seconder"):
        return None
    if names:
        text = f"The minutes list {names.value} for “{short}” without saying who moved and who seconded it"
        return Reply(text, names.chunk_id, names.page)
    verb = "proposed" if want == "mover" else "seconded"
    text = motion["text"]
    said = f"The minutes record “{short}” but do not say who {verb} it"
    return Reply(said, text.chunk_id, text.page, stated=False)


def _vote(motion: dict[str, Cited]) -> str:
    if "votes_for" not in motion or "votes_against" not in motion:
        return ""
    abstain = f", {motion['abstain'].value} abstaining" if "abstain" in motion else ""
    return f", {motion['votes_for'].value} for and {motion['votes_against'].value} against{abstain}"


def _best_motion(
    asked: RecordQuestion,
    motions,
    retrieval: Retrieval,
    dated: bool = False,
    own: frozenset[str] = frozenset(),
) -> dict[str, Cited] | None:
    """The motion the question names: by its printed number ('R2023-208') where the question gives it,
    by item where it gives one, else the one whose words best match it, rarer words in the paper's
    motions counting more, among those read near the best passages (any of the paper's when `dated`: a
    meeting's date pins its minutes, and a question giving it also draws their front page); of equal
    matches, the one nearest the best passages, then the first printed, or the nth an ordinal asks
    ('the second amendment'). An amendment only when the question says amendment. The words of the
    paper's own council and body (`own`) count towards the words a motion must share, not its weight:
    'Guelph City Council' names every motion in its minutes, though 'council' may name the matter too."""
    ranks = {p.chunk_id: rank for rank, p in enumerate(retrieval.passages[:_TOP_PASSAGES])}
    if numbered := _numbered(asked, motions):  # named by its own printed number, whatever its words
        return min(numbered, key=lambda cf: _distance(cf[0], ranks))[1]
    if _of_printed_series(asked, motions):  # 'R2023-217' of minutes whose resolutions stop at R2023-216
        return None
    amendment = "amendment" in asked.words
    act = act_asked(asked.topic, frozenset(stems_of(" ".join(own))))  # 'the motion to adjourn'
    candidates = [
        (chunk_id, fields, _words(" ".join(f.value for k, f in fields.items() if k in _ABOUT)))
        for chunk_id, fields in motions
        if (fields["kind"].value == "amendment") == amendment
        and (not asked.item or ("item" in fields and item_key(fields["item"].value) == asked.item))
        and does_act(" ".join(f.value for k, f in fields.items() if k in _ACTED), act)
    ]
    spread = Counter(w for _, _, words in candidates for w in words)
    scored = []
    for chunk_id, fields, words in candidates:
        near = [ranks[c] for c in range((chunk_id or 0) - _NEAR, (chunk_id or 0) + _NEAR + 1) if c in ranks]
        shared = asked.words & words
        weight = sum(math.log(1 + len(candidates) / spread[w]) for w in shared - own)
        if (
            (near or asked.item or dated)
            and len(shared) >= min(_MIN_OVERLAP, len(asked.words))
            and (shared or asked.item)
        ):
            scored.append((weight, -min(near, default=len(ranks)), fields))
    if not scored:
        return None
    best = max(s[:2] for s in scored)
    tied = [s[2] for s in scored if s[:2] == best]  # in printed order, as motion_fields reads them
    nth = next((n for word, n in _ORDINALS.items() if word in asked.words), 1)
    return tied[nth - 1] if nth <= len(tied) else tied[0]


def _numbered(asked: RecordQuestion, motions) -> list:
    """The (chunk id, fields) of the motions whose printed number the question gives."""
    return [(c, f) for c, f in motions if "number" in f and item_key(f["number"].value) in asked.ids]


def _of_printed_series(asked: RecordQuestion, motions) -> bool:
    """Whether the paper prints its motions' numbers in the series of a number the question gives ('R2023-
    217' beside 'R2023-206'): then a motion by other words is not the one asked. A number the paper does not
    print in any series ('motion 5' of minutes numbering none) may be a reader's count; words decide."""
    shapes = {series_shape(i) for i in asked.ids}
    return any("number" in f and series_shape(item_key(f["number"].value)) in shapes for _, f in motions)


def _distance(chunk_id: int | None, ranks: dict[int, int]) -> int:
    """How far down the best passages the chunk of a motion (or its neighbour) ranks."""
    near = [ranks[c] for c in range((chunk_id or 0) - _NEAR, (chunk_id or 0) + _NEAR + 1) if c in ranks]
    return min(near, default=len(ranks))


def _day(iso: str) -> str:
    from datetime import date

    return format_date(date.fromisoformat(iso))


def _answer(store: Store, question: str, found: Reply) -> Answer | None:
    passages = store.passages([found.chunk_id]) if found.chunk_id is not None else []
    if not passages:
        return None
    status = "answered" if found.stated else "not_found"
    return Answer(question, f"{found.text} [1].", status, (Citation.of(1, passages[0]),))
