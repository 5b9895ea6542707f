"""Which candidates may answer a question: the reader's filters, shared with the fit of its weights."""

# The reader scores only what survives these filters, so bench/train_reader.py fits its weights on the same
# candidates (a fit on unfiltered candidates learns to rank rows the reader never sees).

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from corpus.dates import find_dates
from corpus.meetingheader import day_at
from index.passage import Passage
from qa.answertable import MINUTES_OF_WHICH
from qa.answertype import NAMED_OR_VALUED, asks_outcome
from qa.bodies import of_named_committee, of_named_council
from qa.contrasts import contrasts_asked, names_sibling
from qa.dateasked import asks_day_within
from qa.datefields import date_field, told_in_full
from qa.describedtime import time_describes
from qa.exchange import only_asks, puts_question, wants_questions
from qa.features import NAMES, Asked, Candidate, cover, stem_set, stems_of
from qa.fit import FIGURES, fitting
from qa.formcolumns import keyed_rows_first
from qa.framing import paper_dates
from qa.leads import headed_by
from qa.moments import at_event, time_event
from qa.motionact import acting, mover_asked, seconding
from qa.namedrows import named_rows
from qa.namedtables import of_named_table
from qa.nextmeeting import (
    after_day,
    asks_after,
    asks_upcoming,
    latest_day,
    meetings_after,
    tells_next,
    told_after,
)
from qa.ordinals import entries_asked
from qa.othercouncils import names_other, other_councils
from qa.postholder import held_as_asked
from qa.posts import NOT_NAMING, asked_post, names_post, of_named_report, of_report
from qa.procedure import substantive
from qa.query import FILE_REF, TimeTarget, identifiers, meeting_day
from qa.rowdates import keyed_rows, rows_of_day
from qa.scheduled import DATED_AFTER, PUT_OFF, SET_AHEAD, set_days
from qa.scoring import context
from qa.timefit import of_asked_time, repeats_asked_dates, row_name, told_before
from qa.typematch import ENTITY_KINDS, accepts

_FIND_WORDS = 6  # a candidate's opening words, found in its passage: units keep words, not line breaks
# Asked for a value (a count, a sum, a share, a date, a time): a sentence holding none cannot answer,
# however near its words are to the question's.
_VALUE_KINDS = frozenset({"number", "money", "percent", "date", "time", "frequency", "contact"})
_ASKS_END = re.compile(r"\?\W{0,2}$")
_DECIDED = frozenset({"decision", "description"})  # what was decided, or what a meeting did about a matter
_WHEN_KINDS = frozenset({"date", "time", "list"})  # a date cell may answer these: when, or which meetings
# Asked where, when or at what time in a month: a sentence dated only to days outside it tells of another
# occasion ('When did the committee meet in January 2016?' is not answered by its 23 February 2016 paper).
_OCCASION_KINDS = frozenset({"place", "time", "date"})
# How long before its paper's month a thing it reports may have happened: a quarter, as papers report
# to meetings held monthly or quarterly.
_REPORTED_AFTER = dt.timedelta(days=92)
_AHEAD = dt.timedelta(days=366)
_MET = re.compile(r"\b(?:meet|meets|met|meeting|held|hold|session|hearing|convened?|sat|sit)\b", re.I)
_MINUTES_OF_WHICH = re.compile(MINUTES_OF_WHICH, re.I)
_NAMED_REPORT = 0.5  # share of what an author question names that a cover sheet's title holds: that report
_NOT_NAMING = frozenset(s for w in NOT_NAMING for s in stems_of(w))
_TYPED, _NEAR, _COUNTS = NAMES.index("type_sentence"), NAMES.index("type_near"), NAMES.index("counts_noun")
_TYPED_SPAN = NAMES.index("type_span")
_TOLD_OF = [NAMES.index(n) for n in ("idf_cover", "label_cover", "heading_cover")]  # words asked of, held
# Abstention reasons, kept on the answer so a reader knows why.
NO_TOPIC = "nothing in the papers is on this topic"
NO_FACT = "the papers discuss the topic but do not state what was asked"
# the topic is only in sentences that cannot answer (another meeting's, another post's, not of the kind asked)
NO_FIT = "the papers discuss the topic, but nothing in them fits what was asked"
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


def of_day(passages: Sequence[Passage], day: dt.date, papers_asked: bool = False) -> bool:
    """Whether a passage's paper is dated `day` or its text names that day: the papers of the meeting a
    question dates ('… meeting on 9 October 2019'), or a later pack reproducing its minutes; or, when the
    question asks of the meeting's papers (`papers_asked`: 'the council agenda of 24 August 2021'), a
    report or agenda dated in the month before it, written for that meeting (a staff report of 2 August
    2021 whose page header naming the 24th was set aside as furniture)."""
    return any(
        p.date == day or _names_day(p.text, day) or (papers_asked and _written_for(p, day)) for p in passages
    )


# A question asking of a meeting's papers, not of what happened at it: 'on the council agenda of …'.
PAPERS_ASKED = re.compile(r"\b(?:agendas?|reports?|packs?|papers)\b", re.I)


_WRITTEN_AHEAD_DAYS = 31  # a report or agenda is written up to a month before its meeting


def _written_for(passage: Passage, day: dt.date) -> bool:
    ahead = (day - passage.date).days if passage.date else -1
    return passage.doc_type in {"report", "agenda"} and 0 < ahead <= _WRITTEN_AHEAD_DAYS


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
    reading = asked[1] if asked else ""
    return [
        c
        for c in found
        if c.passage.doc_type != _AGENDA or _minuted(c.text, reading) or _minuted(_lead_in(c), reading)
    ]


_LEAD_LINES = 8  # lines back from an entry to the lead-in of its list ('It was agreed that the Committee:')


def _lead_in(candidate: Candidate) -> str:
    """The line ending in a colon that the candidate's list hangs from, within _LEAD_LINES lines before
    it in its passage ('It was agreed that the Committee:' over '3. would hear from …': an agenda pack's
    reprinted minutes record outcomes so); '' when there is none."""
    found = candidate.printed_at(_FIND_WORDS)
    before = candidate.passage.text[: found[0]] if found else ""
    lines = [line.strip() for line in before.splitlines() if line.strip()][-_LEAD_LINES:]
    return next((line for line in reversed(lines) if line.endswith(":")), "")


def _minuted(text: str, reading: str) -> bool:
    """Whether an agenda's text records an outcome, of the `reading` asked ('second') where one is."""
    minuted = _MINUTED.search(text)
    told = _READING.search(minuted.group()) if minuted and reading else None
    return bool(minuted) and not (told and told[1].lower() != reading.lower())


def _written_before(passage: Passage, day: dt.date) -> bool:
    """Whether the passage's paper is dated before the day: a report to the 24 August meeting, dated 2
    August, tells what a commission decided on 14 July, not what council did on 24 August. A paper dated
    only to its month is before the day only in an earlier month; one dated only to its year, never."""
    if passage.date is None or passage.date_precision not in {"day", "month"}:
        return False
    return passage.date < (day if passage.date_precision == "day" else day.replace(day=1))


def _of_time(passage: Passage, time: TimeTarget) -> bool:
    """Whether the passage's paper is dated within the time."""
    return passage.date is not None and time.start <= passage.date <= time.end


def _of_meeting(found: list[Candidate], asked: Asked) -> tuple[list[Candidate], bool]:
    """Candidates that can be of the council, the meeting, the moment and the post asked: from the papers of
    the council the question names, and no sentence naming another of the papers' councils and not the one
    asked (qa/othercouncils.py), nor, in it or its row's name, a sibling of what the question names and
    not that (qa/contrasts.py: the short-term row asked of the long-term); the rows of the thing and of
    the table the question names (qa/namedrows.py, qa/namedtables.py); no timetable row whose cell for
    what the question dates is of another month (qa/rowdates.py); asked of a planning application by its
    reference, not from another application's paragraph; when the question dates its meeting, not from the
    reproduced minutes of another day's meeting nor a row keyed by another day, nor from another paper
    when that day's paper is among them; asked where or when in a month, not from a sentence dated to a
    day outside it; for a start or finish time, no time but those told as that moment (a start time does
    not say when a meeting finished); for who chaired, wrote or sent apologies, only sentences naming that
    post or printed under a heading naming it, a vice chair when one is asked (qa/posts.py), from the
    report the question names when it names one, and of a chair only the name the post is printed against
    (qa/postholder.py); for the meeting after a named one, those giving the first meeting date listed
    later, and for the next meeting asked with none named, the first after the latest paper's day, or none
    (qa/nextmeeting.py); only those that fit what the question asks of its thing, office, person or time
    (qa/fit.py). Also whether the candidates are the fields of the report the question names by most of
    its words, or a post printed against a name the question gives: then that answers, however it scores."""
    question = asked.text
    found = of_named_council(question, found, lambda c: c.passage)
    asked_places, others = other_councils(
        question, frozenset(c.passage.council for c in found if c.passage.council)
    )
    found = [c for c in found if not names_other(c.shown, asked_places, others)]
    unday = found  # the meeting after the one of a day is of another day, told in another paper or row
    if (contrast := contrasts_asked(question)).asked:  # the long-term figure asked: not the short-term row's
        found = [c for c in found if not names_sibling(f"{row_name(c) or ''}\n{c.shown}", contrast)]
    # a table cut across chunks: the row of the thing named, whatever the years its cells name
    found = of_named_table(named_rows(found, question), question)
    if asked.expectation.kind in FIGURES:  # a row whose key the question gives holds that thing's figure
        found = keyed_rows_first(found, question, accepts(asked.expectation.kind))
    found = of_asked_time(found, question, asked.time, asked.expectation.kind in FIGURES)
    found = keyed_rows(found, question, asked.time)
    if asked.expectation.kind in NAMED_OR_VALUED - {"date", "time"}:  # asked a date, its day is another's
        found = rows_of_day(found, question)
    if files := FILE_REF.findall(question):  # another application's paragraph is not the one asked
        found = [c for c in found if not _of_other_file(c, files)]
    if (day := meeting_day(question)) is not None:
        found = _of_day(
            [c for c in found if _meeting_of(c) in (None, day) and not _keyed_to_other(c, day)], day
        )
    if event := time_event(question):
        found = [c for c in found if "time" not in c.kinds or at_event(c.shown, event)]
    # 'the meeting next after the 3 June 2025 one' dates where to start looking, not what is asked; so does
    # the meeting approving the minutes of an earlier one asked for
    next_one = asks_after(question)
    earlier_one = bool(_MINUTES_OF_WHICH.search(question))
    kind = asked.expectation.kind
    # 'When is the next meeting?' counts from the latest meeting the papers tell of
    upcoming = kind in _OCCASION_KINDS and day is None and not next_one and asks_upcoming(question)
    # a date asked of a meeting the question names by its day is another day ('On the 20 January 2021
    # agenda, to what date would the amendment extend the term?'); a date asked of anything but a
    # meeting may be a little before the month of the paper reporting it ('When did the call for evidence
    # close, as reported in the July 2019 item?' 24 June 2019)
    if (
        kind in _OCCASION_KINDS
        and asked.time
        and not (next_one or earlier_one or upcoming)
        and not (kind == "date" and day is not None)
    ):
        reported = kind == "date" and not _MET.search(question) and not asks_day_within(question)
        window = replace(asked.time, start=asked.time.start - _REPORTED_AFTER) if reported else asked.time
        after = kind == "date" and bool(DATED_AFTER.search(question))
        if kind == "date" and PUT_OFF.search(question):  # after the month it was put off in, not during it
            window = TimeTarget(asked.time.end + dt.timedelta(days=1), asked.time.end + _AHEAD)
        elif after:  # 'scheduled after the January 2024 inspection'
            window = TimeTarget(asked.time.end + dt.timedelta(days=1), dt.date.max)
        elif kind == "date" and (SET_AHEAD.search(question) or time_describes(question)):
            # 'the January 2020 meeting … scheduled'; 'launch the Pledge, the one … rewrote in 2015'
            window = replace(window, end=window.end + _AHEAD)
        # a date the paper the question names by its month gives may lie ahead of it ('per the January
        # 2021 staff report, when does the agreement begin?' February 1, 2021): that month finds the paper;
        # so does the day of the agenda placing a site ('Where is the site … on the 16 October 2012 agenda?')
        placed = kind == "place" and not _MET.search(question)
        named = (reported or placed) and bool(paper_dates(question))
        found = [
            c for c in found if _on_target(c.text, window) or (named and _of_time(c.passage, asked.time))
        ]
        if after:
            found = [c for c in found if not told_before(c.text, window.start)]
    if kind == "place" and not _MET.search(question):  # a site asked, not where the meeting sits
        found = [c for c in found if not _sitting(c)]
    # what comes next is told as next ('Date of the next meeting, Tuesday, 8 July 2025'): that answers
    latest = latest_day(unday) if upcoming else None
    told = [c for c in found if tells_next(c.shown) and kind in c.kinds] if next_one or upcoming else []
    if told := told_after(told, latest):
        return told, True
    # else the first meeting date listed after the day counted from ('Dates for 2024: 29th February, …')
    after = after_day(question, day) if next_one and kind in _OCCASION_KINDS else latest
    later = meetings_after(unday, after) if after else []
    if later := [c for c in later if kind == "date" or kind in c.kinds]:  # a place asked: one it holds
        return later, True
    if upcoming or after:  # no meeting the papers tell of comes after the one counted from
        return [], False
    if kind == "date":  # put down for later: the day it was put down for, not the day it was agreed
        found = set_days(found, question)
    found, fits = fitting(found, asked)
    if fits:
        return found, True
    if post := asked_post(question):
        found = [
            c
            for c in found
            if names_post(c.shown, post) or names_post(headed_by(c.passage.text, c.text), post)
        ]
        if post in _MOTION_POSTS:  # 'the motion to adjourn': the mover's line beside that motion
            found = acting(found, question)
        if post == "seconder" and (mover := mover_asked(question)) and (second := seconding(found, mover)):
            return second, True  # "Mr. Kelley's motion": seconded after he moved it
        if post == "chair" and _VICE.search(question):  # a vice chair asked: not the chair
            found = [c for c in found if _VICE.search(c.shown)]
        if post == "chair":  # another committee's minutes name that committee's chair
            found = held_as_asked(
                [c for c in found if of_named_committee(question, c.shown, c.passage)], question
            )
        if not of_report(post):
            return found, False
        naming = replace(asked, weights={s: w for s, w in asked.weights.items() if s not in _NOT_NAMING})
        share = lambda title: cover(stem_set(title), naming)  # noqa: E731
        found, best = of_named_report(found, lambda c: c.passage.text, share, bool(naming.weights))
        return found, best >= _NAMED_REPORT
    return found, False


_VICE = re.compile(r"\bvice[- ]?chair", re.I)
_MOTION_POSTS = frozenset({"mover", "seconder"})
# A short line of a place and an hour ('LEGISLATIVE CHAMBERS - 2:00 P.M.'): where and when a meeting sits.
_SITTING_WORDS = 10  # a masthead's venue line is short; a site's sentence naming an hour runs longer


def _sitting(candidate: Candidate) -> bool:
    return "time" in candidate.kinds and len(candidate.shown.split()) <= _SITTING_WORDS


def _numbered_as_asked(found: list[Candidate], question: str) -> list[Candidate]:
    """The lines numbered as the report's paragraph or recommendation the question names by its dotted
    number ('2.2 To agree the launch …' for 'recommendation 2.2'): that line answers, whatever else the
    question names (the item it is under); [] when the question names none, or no line is numbered so."""
    # the number opens the line bare, as a report numbers its paragraphs: not 'Section 20.90.220 of the
    # Municipal Code specifies …', a statute's mention
    lines = [i.line_pattern() for i in identifiers(question) if i.bare_numbered]
    return [c for c in found if any(p.match(c.text) for p in lines)]


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
    feature), for saying why nothing answers: the topic without the fact, or no topic at all."""
    passages = {c.passage.chunk_id: c.passage for c in found}.values()
    return max((cover(stem_set(context(p)), asked) for p in passages), default=0.0)


def _of_day(found: list[Candidate], day: dt.date) -> list[Candidate]:
    """Asked of the meeting of a day whose paper was found, only that paper, or a line naming the day
    (a tracker's '10 July 2019 | It was agreed …'), answers: another meeting's adjournment is not when
    the asked one ended. Left whole when no paper of that day was found (the paper's date may be its
    publication's, not its meeting's)."""
    if not any(c.passage.date == day for c in found):
        return found
    return [c for c in found if c.passage.date == day or _names_day(c.shown, day)]


_KEY_CHARS = 3  # a row keyed by a day opens with it ('10 July 2019 Work Programme | Members … agreed …')


def _keyed_to_other(candidate: Candidate, day: dt.date) -> bool:
    """Whether the candidate opens with a day other than the asked one, as a tracker's row is keyed by its
    meeting's day: what that row says was agreed then, though it names the asked day as one to come ('…
    to be discussed on 11 September 2019')."""
    if " | " not in candidate.shown:  # a row prints its cells apart; a sentence may open with any date
        return False
    dates = find_dates(candidate.shown[:40])
    first = dates[0] if dates else None
    return bool(first) and first.start < _KEY_CHARS and first.precision == "day" and first.value != day


def _meeting_of(candidate: Candidate) -> dt.date | None:
    """The day of the meeting whose header precedes the candidate in its passage, if one does."""
    found = candidate.printed_at(_FIND_WORDS)
    return day_at(candidate.passage.text, found[0]) if found else None


@dataclass(frozen=True)
class Shortlist:
    """The candidates a question's filters leave, before any is scored."""

    kept: tuple[Candidate, ...]
    named: bool  # they answer by their place (a field named, a post against a name), however they score
    agendas_only: bool  # an outcome asked: what agendas put forward was set aside
    reason: str | None = None  # why none is left, where the filters tell: NO_TOPIC or NO_OUTCOME
    # the largest share of the question's weight a passage holds, over every candidate before the filters
    # of meeting, moment and fit: a topic the papers discuss is not made absent by what fits the question
    topical: float = 0.0
    # the entries of a list at the position the question asks ('the second recommendation'): each answers
    # by its place in the list, whatever type it holds and however it scores
    listed: bool = False


def shortlist(found: Sequence[Candidate], asked: Asked, terms: Sequence[str]) -> Shortlist:
    """The candidates (from qa/reader.candidates) that may answer: none putting a question of its own
    unless questions are asked (`terms`, the query's); for an outcome, none from an agenda's proposals;
    for a decision, substantive ones; of the council, meeting, moment, post and thing asked (_of_meeting);
    for a date, none repeating the question's own date; asked anything but when, no cell that is only a
    date."""
    question, kind = asked.text, asked.expectation.kind
    if not wants_questions(list(terms)):  # a question put at a meeting never answers itself
        found = [c for c in found if not only_asks(c.text) and not puts_question(c.text)]
    # a question, or a form's question heading ('What difference …?:'), names none
    if kind in NAMED_OR_VALUED:
        found = [c for c in found if not _ASKS_END.search(c.text)]
    # a cell that is only a date ('Date of meeting: 10 July 2019') tells when, and nothing else asked
    if kind not in _WHEN_KINDS:
        found = [c for c in found if not date_field(c)]
    if not found:
        return Shortlist((), False, False, NO_TOPIC)
    # an entry asked by its position is read off its list, whose lead-in ('It was agreed that the
    # Committee:') tells its outcome
    entries = [
        c
        for c in entries_asked(list(found), question)
        if kind not in NAMED_OR_VALUED or accepts(kind) & c.kinds  # 'the second closed meeting began at?'
    ]
    kept = entries or (_outcomes(list(found), question) if asks_outcome(question) else list(found))
    if not entries and asks_outcome(question) and (day := meeting_day(question)):
        kept = [c for c in kept if not _written_before(c.passage, day)]
    if not kept:
        return Shortlist((), False, False, NO_OUTCOME)
    agendas_only = not entries and len(kept) < len(found)
    if kind in _DECIDED and not entries:
        kept = substantive(kept)
    kept, named = _of_meeting(kept, asked)
    kept = _numbered_as_asked(kept, question) or kept
    if kind == "date":  # the question's own date is not the one it asks
        kept = told_in_full([c for c in kept if not repeats_asked_dates(c.shown, question)], asked)
    return Shortlist(tuple(kept), named, agendas_only, None, _topical(list(found), asked), bool(entries))


def may_answer(short: Shortlist, kind: str, rows: np.ndarray, counts: bool) -> np.ndarray:
    """Which of the shortlist's feature rows (shape (n, len(NAMES))) may answer: what fits by its place
    need only hold the asked type, not stand beside the question's words; the rest as `admissible`."""
    if short.listed:
        return np.ones(len(rows), dtype=bool)
    # what fits by its place may be its own typed span ('Role: Rehab/Remodel projects …' of the row naming
    # the person asked), though its sentence holds no other span of the kind
    return (
        (rows[:, _TYPED] > 0) | (rows[:, _TYPED_SPAN] > 0) if short.named else admissible(kind, rows, counts)
    )
