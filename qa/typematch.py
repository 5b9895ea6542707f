"""Whether a candidate holds the asked type of answer, beside what is asked of it, and what it counts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from index.passage import Passage
from qa.acronyms import spelled_by, spelled_out
from qa.answertype import asks_name, asks_person_only, expected
from qa.candidate import Asked, Candidate, stem_set, stems_of, topic, word_stems
from qa.counting import counted, counted_head
from qa.dateasked import SHORT_MONTHS, as_precise, day_asked_of, day_in_month_asked
from qa.daymonths import day_months, days_of_things
from qa.deadlines import asks_deadline, set_by
from qa.exchange import replied_to
from qa.formcolumns import keyed_as_asked, row_named, typed_column_asked
from qa.framing import source_phrase
from qa.happenings import happening
from qa.headnouns import MATTER_NOUN
from qa.measures import rates_asked
from qa.moments import asks_plan, event_words, time_event
from qa.query import proper_words, quarters
from qa.relevance import stem
from qa.spans import CONTACT_KINDS, Span, monetary, spans
from qa.timefit import column_month, row_name
from qa.units import paragraph_before

ENTITY_KINDS = frozenset({"person", "organisation", "place"})
FIGURES = frozenset({"number", "money", "percent"})  # kinds a figure answers
# Span kinds that can answer each answer type: 'who delivered…' may be answered by a body or a post.
ACCEPTS: dict[str, frozenset[str]] = {
    "person": frozenset({"person", "role", "organisation", "proper"}),  # 'in partnership with Barnardos'
    "organisation": frozenset({"organisation", "proper"}),
    "place": frozenset({"place", "proper", "organisation"}),  # 'held … in Hertingfordbury Cowper School'
    "role": frozenset({"role"}),
    "number": frozenset({"number", "money", "percent"}),
    "decision": frozenset({"decision"}),
    "status": frozenset({"status"}),
    "contact": CONTACT_KINDS,
}
# The contact a question asks for by its words: an email address is not a telephone number.
_CONTACT_ASKED = (
    ("email", re.compile(r"\be-?mail", re.I)),
    ("phone", re.compile(r"\b(?:tele)?phone|\b(?:ring|call|dial)\b", re.I)),
    ("web", re.compile(r"\bweb\s*(?:site|address)|\burl\b", re.I)),
    ("meeting id", re.compile(r"\bid\b", re.I)),
)
_MATTER_END = re.compile(rf"\b(?:{MATTER_NOUN})$")
_REFERENCE_END = re.compile(r"\b(?:No|Nos|Ref|Number)\.?$")
# who acted, partnered or went between, or whom a thing came from ('property from Rocke and Glenda Garcia';
# not 'from the Clifton towpath side', a place)
# who a contract, a grant or a lease goes to: 'The contract is to be awarded to Goly Young Construction', a
# firm's name though it ends as a matter's may ('… Construction')
_AWARDED = r"(?:awarded|let|granted|given|paid|issued|leased|sold|assigned|novated)\s+to\s+(?:the\s+)?"
_AWARDEE = re.compile(rf"\b{_AWARDED}$", re.I)
_AGENT = re.compile(rf"\b(?:(?:by|with|via|through)\s+(?:the\s+)?|from\s+|{_AWARDED})$", re.I)
# A cell labelled with a post ('Responsible Officer: Tom Reyes', 'Lead Member: …'): its bare name is a person.
_POSTED = re.compile(
    r"\b(?:officers?|members?|leads?|contacts?|authors?|owners?|managers?|directors?|chair(?:man|person)?"
    r"|clerk|portfolio holder|presenters?|sponsors?)\s*:\s*$",
    re.I,
)
_BARE = frozenset({"proper", "organisation"})  # names that are a place only where set as one
# A bare name is a place only where the text sets it as one ('held at Pride Park', 'Venue: Guildhall'):
# 'the Pledge' or a sentence's first word is no answer to where a meeting was.
_LOCATED = re.compile(r"\b(?:at|in|venue|location|address|held|within|near)\b\W{0,3}(?:the\s+)?$", re.I)
_DOCUMENT_PART = re.compile(
    r"(?:Appendix|Appendices|Annexe?|Attachment|Exhibit|Schedule|Section|Part|Paragraph|Table|Figure|Chapter"
    r"|Page|Item)\b"
)
# 'in the Council', 'near the Parish': a body, not a venue.
_BODY_NOUN = re.compile(r"(?:Council|Parish|Committee|Board|Cabinet|Authority|Department|Government)", re.I)
# A body from outside asked ('Which marketing firm did Plymouth commission …?'): the council's own department
# ('Human Resources', 'Children's Services') is not one.
_OUTSIDE_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,3}?(?:firm|company|contractor|consultan\w*|agency|supplier|vendor"
    r"|provider|bidder)s?\b",
    re.I,
)
_IN_HOUSE = re.compile(r"\b(?:Department|Resources|Services|Directorate|Team|Unit)$")
MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_STEMS = frozenset(stem(m) for m in MONTHS)  # as the question's words are kept: 'octob'
_PAPER_KINDS = "agenda minutes report paper pack meeting"  # 'on the Morgan Hill agenda for Jan 20 2021'


@lru_cache(maxsize=1 << 12)
def typed_at(
    text: str, accepted: frozenset[str], asked: frozenset[str], question: str = "", sums: bool = False
) -> tuple[tuple[int, int], ...]:
    """Word positions (first, last) of the spans of the accepted kinds in the text that are not an
    echo of the question (`asked`: its stems); a thing said done only as the `question` asks it.
    `sums`: the text is from a paper of sums (qa/spans.monetary)."""
    found = spans(text, sums)
    # a post's title ('a new Commissioning Officer') names no body and no person, only the post; a road's
    # name ('Reline culvert Bear Creek Road') none either, only the place
    posts = [(p.start, p.end) for p in found if p.kind == "role"] if "role" not in accepted else []
    posts += [(p.start, p.end) for p in found if p.kind == "place"] if "place" not in accepted else []
    return tuple(
        (len(text[: s.start].split()), len(text[: s.end].split()) - 1)
        for s in found
        if s.kind in accepted
        and not (s.kind == "proper" and any(a <= s.start and s.end <= b for a, b in posts))
        and not (s.kind == "organisation" and _OUTSIDE_ASKED.search(question) and _IN_HOUSE.search(s.text))
        and not _echo(s, asked)
        and (s.kind not in _BARE or _named_as(s, text, accepted))
        and (s.kind != "done" or _done_as_asked(s, text, question))
        and (s.kind != "number" or not _measures_other(s, text, question))
        and (s.kind != "number" or not _names_length_of(s, text, question))
        and (s.kind != "number" or not _rates_other(s, text, question))
        and (s.kind != "percent" or not _share_of_other(s, text, question))
        and (s.kind != "date" or (as_precise(s.text, question) and not day_asked_of(s.text, question)))
    )


# Units a figure measures rather than counts things in: 'the previous 6 month period', 'a 12-week course',
# '7 storeys'; an answer's figure is read with its unit ('30 minutes', qa/leadline.py).
_TIME_UNITS = "second|minute|hour|day|week|fortnight|month|quarter|year"
UNIT = re.compile(
    rf"[\s-]*({_TIME_UNITS}|mile|metre|meter|kilometre|km|foot|feet|acre|hectare|sq|storey|storie)s?\b", re.I
)


_HOW = re.compile(r"\bhow\b", re.I)  # 'how long', 'how many': the question asks by its own words
# A figure's noun that a span of time or a length may well answer ('What waiting time …?', 'What length of
# notice …?'): a unit after the figure is then its answer's own.
_SPAN_NOUN = stem_set(
    "time period duration length long age wait waiting delay timescale term span interval notice"
)


def _measures_other(span: Span, text: str, question: str) -> bool:
    """A figure followed by a unit of time or length measures in it: no count of what a 'how many'
    question counts, unless it counts that unit ('How many months …'), nor the figure a question asks by
    its noun ('What caseload figure …?' is not answered by 'over the last two months')."""
    unit = UNIT.match(text, span.end)
    if not unit or not question:
        return False
    nouns = counted(question) or _figure_noun(question)
    return bool(nouns) and not nouns.intersection(stems_of(unit.group(1)))


# A figure joined to its unit before a noun ('A Three-Year Strategic Plan', 'a 12-month pilot') says how
# long the thing lasts: a figure only where a length is asked.
_COMPOUND = re.compile(rf"-(?:{_TIME_UNITS})s?[\s-]+[A-Za-z]", re.I)
_LENGTH_ASKED = re.compile(
    r"\bhow (?:long|many (?:years|months|weeks|days))\b|\b(?:length|duration|period|term)\b", re.I
)


def _names_length_of(span: Span, text: str, question: str) -> bool:
    """The figure names how long the thing after it lasts ('Three-Year Strategic Plan') and the question
    asks no length: it is not the figure asked ('What CAMHS waiting time target does the plan set?')."""
    return bool(question) and bool(_COMPOUND.match(text, span.end)) and not _LENGTH_ASKED.search(question)


def _figure_noun(question: str) -> frozenset[str]:
    """Stems of the noun a question asking a figure by name gives ('caseload figure'); none of a span of
    time's nouns, and none for a question asking no figure."""
    expectation = expected(question)
    if expectation.kind != "number" or _HOW.search(question):  # 'Going by what officers suggested, how long'
        return frozenset()
    nouns = stem_set(expectation.noun)
    return frozenset() if nouns & _SPAN_NOUN else nouns


# A figure a score, rating or rank labels ('Prioritisation Score: 5') grades a thing: it counts nothing.
_GRADE = re.compile(r"\b(score|rating|rank(?:ing)?|grade|level|priority)\s*:?\s*$", re.I)


def _rates_other(span: Span, text: str, question: str) -> bool:
    """A figure after a score's or a rank's label, when the question asks no score or rank."""
    grade = _GRADE.search(text[: span.start])
    return bool(grade) and not re.search(rf"\b{grade.group(1)}", question, re.I)


# The group a share is asked of, and the one a figure is of: 'What share of professionals agreed …?',
# '82 per cent of families agreed …'.
_SHARE_ASKED = re.compile(
    r"\b(?:share|proportion|percentage|per ?cent|%)\s+of\s+(?:the\s+|all\s+)?([^?]+)", re.I
)
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|all\s+|our\s+|these\s+|those\s+)?([A-Za-z][\w'’-]*)")


def _share_of_other(span: Span, text: str, question: str) -> bool:
    """A share said of a group ('82 per cent of families') when the question asks a share of another
    ('What share of professionals backed … Family Hubs?'): the group's word is not the first the question
    gives after its 'share of', nor one of its lower-case words after that (a name such as 'Family Hubs'
    names the matter, not the group)."""
    asked, told = _SHARE_ASKED.search(question), _SHARE_OF.match(text, span.end)
    return bool(asked and told) and not set(stems_of(told.group(1))) & _group_words(asked.group(1))


def _group_words(asked: str) -> set[str]:
    words = re.findall(r"[\w'’-]+", asked)
    return set(stems_of(" ".join(words[:1] + [w for w in words[1:] if not w[:1].isupper()])))


def _named_as(span: Span, text: str, accepted: frozenset[str]) -> bool:
    """A bare proper name, or a body's ('Cowper School'), answers a place question only where it is set
    as a place; for other kinds (a body, a person's post) any name may, but a matter's ('the Recruitment
    and Marketing Strategy') names no body and no place, unless a contract is awarded to it ('Goly Young
    Construction')."""
    if span.kind == "proper" and _REFERENCE_END.search(span.text):
        return False  # nor does a reference's label ('City Project No.')
    if span.kind == "proper" and _MATTER_END.search(span.text) and not _AWARDEE.search(text[: span.start]):
        return False
    if "person" in accepted and span.kind == "proper":  # who did it, or with whom: 'delivered by Barnardos'
        return bool(_AGENT.search(text[: span.start]) or _POSTED.search(text[: span.start]))
    if "place" not in accepted:
        return True
    if span.kind == "organisation" and span.text.isupper():  # 'BE HELD ON THE …': capitals, not a body
        return False
    if _DOCUMENT_PART.match(span.text):  # 'in Appendix 2': a part of the paper, not a place
        return False
    return bool(_LOCATED.search(text[: span.start])) and not _BODY_NOUN.fullmatch(span.text)


def _echo(span: Span, asked: frozenset[str]) -> bool:
    """A name that only repeats the question's words ('the Corporate Parenting Committee' asked where it
    will meet): the thing asked about, not an answer of the asked type. Values are never echoes, but a
    period named only in the question's words is ('over the summer' for 'When will the summer schemes
    run?')."""
    if span.kind == "date" and not any(ch.isdigit() for ch in span.text):
        words = stems_of(span.text)
        return bool(words) and all(w in asked for w in words)
    if span.kind not in ENTITY_KINDS | {"proper", "role"}:
        return False
    words = stems_of(span.text)
    return bool(words) and all(w in asked or _holder_of(w) in asked for w in words)


# A post named for what its holder does: 'the Chairman' is who chaired, an echo of 'Who chaired …?'.
_HOLDER_SUFFIX = re.compile(r"(?<=\w{3})(?:man|woman|person|men|women)$")


def _holder_of(word: str) -> str:
    """The act a post's word names ('chairman' → 'chair'), or the word itself."""
    return _HOLDER_SUFFIX.sub("", word)


def accepts(kind: str) -> frozenset[str]:
    """The span kinds that can answer an answer type: ACCEPTS for it, else its own kind."""
    return ACCEPTS.get(kind, frozenset({kind}))


def accepted_kinds(asked: Asked) -> frozenset[str]:
    """The span kinds that can answer the question: ACCEPTS for its type, less a body's name when a
    person's post or act is asked ('Who is the headteacher of …?'), and a thing said done for a question
    asking when something planned will happen."""
    accepted = accepts(asked.expectation.kind)
    if asked.expectation.kind == "contact":
        accepted = frozenset(k for k, words in _CONTACT_ASKED if words.search(asked.text)) or accepted
    if asks_person_only(asked.text):
        accepted -= {"organisation"}
    if asks_name(asked.text):
        accepted -= {"organisation", "role"}
    return accepted | {"done"} if asks_plan(asked.text) else accepted


def _done_as_asked(span: Span, text: str, question: str) -> bool:
    """A thing said done answers 'When will the hedge cutting be carried out?' only when the same work
    is said done: the same verb ('have been carried out'), in a sentence naming the work when the
    question names it in common words ('the drainage works have been carried out' does not)."""
    plan = asks_plan(question)
    if not plan or stem(plan.verb) not in stems_of(span.text):
        return False
    work = {s for w in plan.work for s in stems_of(w)}
    return not work or bool(work & set(stems_of(text)))


def holds_type(candidate: Candidate, asked: Asked) -> bool:
    """The sentence holds a span of a kind the answer type accepts that is not an echo of the question."""
    accepted = accepted_kinds(asked)
    if _year_column(candidate, asked):
        return True
    if not accepted & candidate.kinds:
        return False
    sums = monetary(candidate.passage.text)
    return bool(typed_at(candidate.text, frozenset(accepted), frozenset(asked.weights), asked.text, sums))


def _year_column(candidate: Candidate, asked: Asked) -> bool:
    """Asked in which year a plan does a thing, a cell under a year's column ('Key Milestones 2025/26:
    Extend family hub offer …') holds its answer in its label."""
    expectation = asked.expectation
    if expectation.kind != "date" or not expectation.noun.startswith("year") or not candidate.label:
        return False
    return bool(typed_at(candidate.label, frozenset({"date"}), frozenset(asked.weights), asked.text))


# Verbs that ask when something happens without saying what ('When was the reward going to happen?').
_HAPPEN = stem_set("happen happening occur occurring going go")


def _asked_of_it(asked: Asked, topic: frozenset[str], passage: Passage | None = None) -> frozenset[str]:
    """The question's words off the passage's topic, or all of them when the passage's topic is the
    whole question ('the submittal deadline' in a table of deadlines). Asked for a date, the question's
    own date words are left out (a date beside them is the date asked about, not the one asked for); asked
    for a time, they anchor it ('the meeting of 28 January 2021' ↔ '28th January 2021 at 7.30 pm')."""
    words = own_words(asked) - source_stems(asked.text)
    # the words naming the paper ('on the Morgan Hill agenda for Jan 20 2021') say where to look, not what
    about = words - _occasion(passage, asked) if passage is not None else words
    return (about - topic) or about or words


def _occasion(passage: Passage, asked: Asked) -> frozenset[str]:
    """The question's stems that name the passage's paper: its council and body, the kind of paper, and
    dates (digits, months) when a date is not what is asked."""
    named = stem_set(f"{passage.council or ''} {passage.body or ''} {_PAPER_KINDS}")
    if asked.expectation.kind in {"date", "time"}:
        return named
    return named | {s for s in asked.weights if s.isdigit() or s in _MONTH_STEMS or s in SHORT_MONTHS}


@lru_cache(maxsize=1 << 10)
def source_stems(question: str) -> frozenset[str]:
    """Stems of the paper a question names before asking ('According to the Achieving Excellence plan,
    …'): they find the paper, and are not what is asked of it (a 'Three-Year Plan' is no count asked)."""
    return frozenset(stems_of(source_phrase(question)))


def own_words(asked: Asked) -> frozenset[str]:
    """The question's stems, less its date words when it asks for a date: 'September 2019' in 'When
    were the papers for the September 2019 meeting published?' is the occasion, not the answer, and a
    date that repeats it ('Published 03 September 2019') still tells something new."""
    dated = asked.expectation.kind == "date"
    return frozenset(s for s in asked.weights if not (dated and (s.isdigit() or s in _MONTH_STEMS)))


def column_of_month_asked(candidate: Candidate, asked: Asked) -> bool:
    """The cell stands in the column of a month the question asks of ('Jun-19' for June 2019), or the
    sentence names the quarter asked ('by the end of the first quarter of 2019/20 … 31.4%')."""
    if not asked.time:
        return False
    month = column_month(candidate.label or "")
    if month is not None and asked.time.start <= month <= asked.time.end:
        return True
    return asked.time in quarters(candidate.shown)


def in_month_asked_column(candidate: Candidate, asked: Asked) -> bool:
    """The cell stands in the column of the one month asked ('Mar-19' for March 2019): a year asked has
    twelve such columns, and none of them is its figure."""
    one_month = asked.time is not None and asked.time.start.replace(day=1) == asked.time.end.replace(day=1)
    month = column_month(candidate.label or "") if one_month else None
    return month is not None and asked.time.start <= month <= asked.time.end


def type_near(candidate: Candidate, asked: Asked) -> float:
    """1 / (1 + distance in words, 1 for neighbours) from a span of the asked type in the sentence to the
    nearest question word outside the passage's topic, or the noun a 'how many' question counts: the answer
    stands beside what is asked of it ('… and expires 11:59 p.m. May 31, 2027', 'Cantrell Abstain'), not
    merely in a topical sentence."""
    accepted = accepted_kinds(asked)
    passage = candidate.passage
    shown = spelled_out(candidate.shown, passage)  # 'a donation to SUP' names Stop Ure Pollution
    at = typed_at(shown, frozenset(accepted), frozenset(asked.weights), asked.text, monetary(passage.text))
    if not at:
        return 0.0
    if _masthead(candidate, asked):  # the day and hour of the meeting the paper is of
        return 1.0
    if asked.expectation.kind == "date" and day_in_month_asked(shown, asked.text):
        return 1.0  # 'when is the September meeting?' of a year's dates: the day in September
    if column_of_month_asked(candidate, asked):
        return 1.0  # 'Jun-19: 23.5%' asked of the end of quarter one of 2019/20: the month's own figure
    about = topic(passage.text, passage.heading or "", frozenset(asked.weights))
    near = _asked_of_it(asked, about)
    # a count stands beside the noun it counts ('sixteen Children's Centres'), topic or not, where it
    # counts what is asked (not another council's plan to gain '15 carers', asked of Derby)
    if (head := counted_head(asked.text)) and _counts_as_asked(candidate, asked, near):
        near |= {head}
    if share := _SHARE_ASKED.search(asked.text):  # a share stands beside its group ('76 per cent of staff')
        near |= stem_set(share.group(1))
    near |= stem_set(rates_asked(asked.text))  # a monthly sum stands beside its rate ('$75.00 per month')
    if event := time_event(asked.text):  # 'finished at 4.00 pm' tells when a meeting asked of 'ended'
        near |= stem_set(" ".join(event_words(shown, event)))
    # a date stands beside the happening asked, though the passage is all about it ('… will be cleared out
    # within the next week', asked when the gullies will be cleared)
    gaps = _gaps(shown, at, near | happening(asked.text) if asked.expectation.kind == "date" else near)
    if not gaps:  # beside none of them: the words naming the paper may be all that was left to stand by
        gaps = _gaps(shown, at, _asked_of_it(asked, about, passage))
    if not gaps and _states_thing(shown, asked, passage):  # the figure of the topic itself
        gaps = _gaps(shown, at, own_words(asked))
    if not gaps and (days := days_of_things(asked.text)):  # a sheet's row by the day asked ('02-Jul')
        gaps = _day_gaps(shown, at, days)
    if not gaps and asks_deadline(asked.text) and any(set_by(" ".join(shown.split()[:a])) for a, _ in at):
        gaps = [0]  # asked by when, a day or hour told as a deadline ('… by 5:00 p.m.') is the one asked
    if keyed_as_asked(shown, asked.text):  # 'Pump 1 – 2015 | Replace 2035 with …': beside its key
        gaps = [*gaps, _NEXT_CELL]
    # the row's key, a cell away, holds what is asked of: not the paper's council, nor 'going to happen'
    if not gaps and typed_column_asked(candidate, asked):
        keyed = near - _occasion(candidate.passage, asked) - _HAPPEN  # only a form's cell needs them
        gaps = [_NEXT_CELL] if row_named(candidate, asked, keyed) else gaps
    return 1.0 / (1.0 + min(gaps)) if gaps else _replying(candidate, near)


# A paper's masthead on its first page gives the day and hour of its meeting in a line of no prose:
# 'Wednesday, November 6, 2013', '1309 S. Mary Avenue Sunnyvale, CA 94087 | 7:30 a.m.'.
_MASTHEAD_WORD = re.compile(r"^(?:[^a-z].*|a\.?m\.?|p\.?m\.?|st|nd|rd|th|of|and)?$")  # no lower-case prose
_MASTHEAD_WORDS = 12
_OF_MEETING = re.compile(r"\b(?:meeting|session|sitting|held|hold|convened?)\b", re.I)


def _masthead(candidate: Candidate, asked: Asked) -> bool:
    """Whether a date, time or place asked of a meeting stands in the masthead of a paper the question
    names ('LEGISLATIVE CHAMBERS - 2:00 P.M.', asked where the meeting was held)."""
    if asked.expectation.kind not in {"date", "time", "place"} or not _OF_MEETING.search(asked.text):
        return False
    passage, words = candidate.passage, candidate.shown.split()
    return (
        (passage.page_start or 0) == 1
        and len(words) <= _MASTHEAD_WORDS
        and all(_MASTHEAD_WORD.match(w.strip(",.;:|()")) for w in words)
        and of_named(replace(passage, text=""), proper_words(asked.text))
    )


# A sentence holding this share of the question's weight names the very thing asked of ('… an agreement
# with Black & Veatch Corporation in the amount of $143,880 for … a Risk and Resilience Assessment and
# Emergency Response Plan', asked how much that agreement is): its words are the topic, and no other word
# is left for the value to stand beside.
_STATES_SHARE = 0.6


def _states_thing(text: str, asked: Asked, passage: Passage) -> bool:
    """Whether a question for a figure (a sum, a count, a share) is of a thing the sentence names by
    _STATES_SHARE of the weight of the question's own words and by every name the question gives it
    but the paper's own council's ('the agreement with Kimley-Horn' is not one with BKF Engineers, and a
    name no paper holds weighs nothing). Not for a date: when something will happen needs its own words
    ('When will Cabinet consider the final business case?' is not answered by 'An initial business case
    was approved by Cabinet in July 2019')."""
    if asked.expectation.kind not in FIGURES:
        return False
    # the sentence's heading names what it is of ('7.1 Eden Housing … Proposal-1100 La Avenida'), and it may
    # spell out what the question abbreviates ('NOFA')
    said = f"{text} {passage.heading or ''}"
    held, occasion = set(stems_of(f"{said} {spelled_by(said, asked.text)}")), _occasion(passage, asked)
    named = {s for w in proper_words(asked.text) for s in stems_of(w)} - occasion
    if not named <= held:
        return False
    own = own_words(asked) - occasion  # the paper's council and date name the paper, not the thing
    total = sum(asked.weights[s] for s in own)
    return total > 0 and sum(asked.weights[s] for s in own if s in held) / total >= _STATES_SHARE


def _day_gaps(text: str, at: tuple[tuple[int, int], ...], days: frozenset[tuple[int, int]]) -> list[int]:
    """Words between each typed span and each word printing one of `days` ('02-Jul' for 2 July)."""
    return _gaps_to(at, [i for i, w in enumerate(text.split()) if day_months(w) & days])


def _gaps_to(at: tuple[tuple[int, int], ...], hits: list[int]) -> list[int]:
    """Words between each typed span (`at`: first and last word) and each word at `hits` outside it."""
    return [max(first - i, i - last, 0) for first, last in at for i in hits if not first <= i <= last]


_NEXT_CELL = 1  # words between a cell's value and its row's key cell: they are neighbours in the row


def _gaps(text: str, at: tuple[tuple[int, int], ...], near: frozenset[str]) -> list[int]:
    """Words between each typed span (`at`) and each word of `near` outside it."""
    return _gaps_to(at, [i for i, w in enumerate(word_stems(text)) if near.intersection(w)])


# sentences before a count, in its paragraph, that may name what it counts: a paragraph names its thing in
# its opening sentence or two, then goes on to say 'The audit …', 'It had …'
_ANTECEDENTS = 2


def _counts_as_asked(candidate: Candidate, asked: Asked, near: frozenset[str]) -> bool:
    """Whether a count beside the noun asked counts what the question asks of it: in a paper of what the
    question names, with none of the question's weightier words missing from the sentence but those
    naming the paper's own council ('sixteen Children's Centres' for how many the council has; not '19
    newly qualified social workers recruited' for how many it employs)."""
    named = proper_words(asked.text)
    if not of_named(candidate.passage, named):
        return False
    # the paper's own council and body speak in it ('we'): a question naming them names the speaker
    own = f"{candidate.passage.council or ''} {candidate.passage.body or ''} {' '.join(named)}"
    # the paragraph may name the thing once, before the sentence that counts it ('… a benchmark audit of
    # care plans … by the Principal Social Worker. The audit … considered 1,363 plans in total.')
    before = paragraph_before(candidate.passage.text, candidate.text, _ANTECEDENTS)
    said = {s for w in word_stems(candidate.shown) for s in w} | set(stems_of(f"{own} {before}"))
    typical = sum(asked.weights.values()) / len(asked.weights) if asked.weights else 0.0
    return all(asked.weights.get(s, 0.0) < typical for s in near - said)


def _replying(candidate: Candidate, near: frozenset[str]) -> float:
    """A reply stands beside the question printed above it ('I will ask … when the gullies will be
    cleared.' / 'Reply: … scheduled to be cleaned … in March 2019'): when that question holds the words
    asked of it, the reply's span is as near them as the reply's place allows (1 for its first sentence)."""
    found = replied_to(candidate.passage.text, candidate.text)
    if not found or not near <= set(stems_of(found[0])):
        return 0.0
    return 1.0 / (1.0 + found[1])


def of_named(passage: Passage, named: Sequence[str]) -> bool:
    """Whether the passage, its heading or its paper's title and council name all the question names
    ('Westby Parish Council'): a list in another council's notice counts nothing asked."""
    held = " ".join(
        x or "" for x in (passage.text, passage.heading, passage.title, passage.council, passage.body)
    )
    return names_all(held, named)


def names_all(text: str, named: Sequence[str]) -> bool:
    """Whether the text names every one of the names, each at a word's start, in any case."""
    return all(re.search(rf"\b{re.escape(n)}", text, re.I) for n in named)


_COUNT_WINDOW = 5  # words from a count to what it counts: '415 of the current open cases'


def _column_asked(candidate: Candidate, asked: Asked) -> bool:
    """The cell stands in the column of the one month asked, or in a period's column every word of whose
    label the question gives ('2017/18 Actual' for '… in the 2017/18 actual column'); a label naming no
    period ('ACTON') is the row's thing, not a column asked."""
    if in_month_asked_column(candidate, asked):
        return True
    label = candidate.label or ""
    return any(ch.isdigit() for ch in label) and stem_set(label) <= stem_set(asked.text)


def counts_noun(candidate: Candidate, asked: Asked) -> float:
    """1 when a number in the sentence stands within _COUNT_WINDOW words of what the question counts, or
    stands in the column asked in a row naming it ('Number of children who are not yet in a stable
    placement' … 'Mar-19: 44/410', '2017/18 Actual: 69/109')."""
    nouns = counted(asked.text)
    at = typed_at(candidate.shown, frozenset({"number"}), frozenset(), asked.text) if nouns else ()
    if at and _column_asked(candidate, asked) and nouns & stem_set(row_name(candidate) or ""):
        return 1.0
    hits = [i for i, w in enumerate(word_stems(candidate.shown)) if nouns.intersection(w)]
    return float(
        any(
            abs(i - first) <= _COUNT_WINDOW or abs(i - last) <= _COUNT_WINDOW
            for first, last in at
            for i in hits
        )
    )
