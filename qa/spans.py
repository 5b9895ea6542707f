"""Typed spans in a sentence: people, roles, organisations, places, dates, times, money, counts, outcomes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.headtext import title_case
from qa.enumerators import enumerates
from qa.headnouns import MATTER_NOUN, ORG_NOUN, PAPER_NOUN, PLACE_NOUN, STREET_NOUN
from qa.periods import timing_word, years_follow_on
from qa.spanforms import COMPILED, DAYS_IN_MONTH, GATES, ROLE_LEAD, ROLE_NOUN, TITLE, YEAR_BOUNDS
from qa.statements import STATUS_WORDS

_CLAIMING = frozenset({"time", "frequency", "date", "money", "percent"})  # their digits are not also counts
_MAX_SPAN_WORDS = 14
_PENCE = re.compile(r"\d{1,3}(?:,?\d{3})*\.\d{2}")  # a sum in pounds and pence, or dollars and cents
_SUMS = re.compile(r"[£$€]|\b(?i:cheques?|chq|invoices?|payments?|receipts|expenditure|accounts|payee)\b")
# Work said not done so far answers 'Has any care leaver taken up the offer yet?' as a status does: 'there
# has been no take up to date', 'not yet', 'is yet to be agreed', 'none so far'.
_NOT_YET = re.compile(
    r"\b(?:not\s+(?:yet|as\s+yet)|yet\s+to\s+(?:be\s+)?[a-z]+"
    r"|(?:no|none|nothing)\s+(?:[\w-]+\s+){0,3}?(?:to\s+date|so\s+far|as\s+yet|yet))\b",
    re.I,
)
# A RAG colour in prose is a status where it rates something ('this was an amber risk', 'rated red'), not
# in 'green spaces' or 'the Red Lion' (corpus/commitments.STATUS_WORDS takes only the printed cell's).
_RAG_TOLD = re.compile(
    r"(?<=\brated )(?:red|amber|green)\b|\b(?:red|amber|green)(?=\s+(?:risk|rating|status|rag)\b)", re.I
)
# A bare capitalised pair ending in a building or body word is a place or organisation, not a person.
# Words of a post's title, never of a person's name ('Acting Strategic Director', 'Returning Officer').
_POST_WORD = re.compile(
    r"\b(?:Acting|Interim|Deputy|Assistant|Strategic|Executive|Chief|Senior|Principal|Returning|Monitoring"
    r"|Democratic|Corporate|Service|Cabinet)\b"
)
# Nor ends in a word for many people: 'Children and Young People', 'Care Leavers', 'Foster Carers'.
_MANY = re.compile(r"\b(?:People|Persons|Families|Children|Adults|Carers|Leavers|Residents|Pupils|Parents)$")
# A name never opens with a determiner: 'The Management Analyst' is a post, not Mr Management.
_DETERMINER = re.compile(r"(?:The|This|That|These|Those|Our|Their|Its|Each|Every|Your|Any|All)\s")
# A capitalised run of only a form's or a motion's words names nothing: 'Seconded', 'That', 'By' ('By-Law').
_FORM_WORDS = re.compile(
    r"(?:(?:Moved|Seconded|Carried|Defeated|Lost|Resolved|Whereas|Therefore|That|This|By|Be|It|And|Or|Of"
    r"|For|To|In|On|At|The|We|If|As|Further|Now)(?:\s+|$))+"
)
# nor with a compass point, which opens a place's name: 'North America', 'West Burton', 'South Yorkshire'
_COMPASS = re.compile(r"(?:North|South|East|West|Northern|Southern|Eastern|Western)\s")
# nor holds a municipality's word: 'Authorize City Manager' is a motion's verb before a post
_CIVIC_WORD = re.compile(r"\b(?:City|County|Council|Borough|Parish|District|Township|Village|State)\b")
_TITLED = re.compile(rf"^{TITLE}\s+")  # 'Council Member Smith': the title may hold one
# A 'name' ending in a place's, a body's or a post's noun is that ('Council House', 'City Manager'); one
# ending in a meeting's or a paper's noun names an occasion or a document ('City Council Meetings').
# A column's heading ends in what its cells give ('Target Date', 'Prioritisation Score'): no one's name.
_FIELD_NOUN = r"(?:Date|Dates|Deadline|Time|Score|Status|Progress|Totals?|Number|Reference|Amount)"
_NOT_A_NAME = re.compile(
    rf"^(?!{TITLE}\s)\S+\s.*\b(?:{PLACE_NOUN[3:-1]}|{ORG_NOUN[3:-1]}|{ROLE_NOUN[3:-1]}|{PAPER_NOUN}"
    rf"|{MATTER_NOUN}|{_FIELD_NOUN})$"
)


# A row's cells are printed 'Label: value; Label: value' (corpus/units.py): what runs from a cell's start
# to its colon is a column's label, though a title opens it ('Council Member Appointed', 'Trustee Area').
_CELL_START = re.compile(r";\s$")
_COLUMN = re.compile(r":\s")


@dataclass(frozen=True)
class Span:
    """A typed stretch of a sentence: kind (qa/answertype.py KINDS, or "done": work said done), text,
    character offsets."""

    kind: str
    text: str
    start: int
    end: int


def _before_person(text: str, at: int, found: list[Span]) -> str:
    """A post's title cut where the next person's name begins after 'and' ('Cabinet Member for
    Safeguarding and Andy Smith, Director' → 'Cabinet Member for Safeguarding')."""
    for person in (s for s in found if s.kind == "person" and at < s.start < at + len(text)):
        joined = re.search(r"\s+(?:and|&)\s+$", text[: person.start - at])
        if joined:
            return text[: joined.start()]
    return text


def _of_total(text: str) -> bool:
    """'44/410' is a count out of a total: the total is no less than the count, and no day, month or
    year ('3/12', '45/19', '5/2019')."""
    count, total = (int(part.replace(",", "")) for part in text.split("/"))
    return count <= total and total > DAYS_IN_MONTH and not YEAR_BOUNDS[0] <= total <= YEAR_BOUNDS[1]


def spans(sentence: str, monetary: bool = False) -> list[Span]:
    """Every typed span in the sentence, in order of position; a count never overlaps a date or sum.
    `monetary`: the sentence is from a paper of sums (monetary()), where a figure in pounds and pence
    ('315.73') is money though no sign is printed beside it."""
    found = _spans(sentence) if not _in_capitals(sentence) else _respelled_spans(sentence)
    if not monetary:
        return list(found)
    return [
        Span("money", s.text, s.start, s.end) if s.kind == "number" and _PENCE.fullmatch(s.text) else s
        for s in found
    ]


# Fewer capitals than this are initials or a code ('RSC', 'SP20-004'), not a line printed in capitals.
_SHOUTED_LETTERS = 6
# What a line in capitals is read for: a place, which its noun marks ('HELD IN THE VILLAGE HALL'). Read as
# names, its other words would be people and bodies ('REGISTERED VOTERS', 'APPOINTMENT OF SPEAKER').
_RESPELLED_KINDS = frozenset({"place"})


def _in_capitals(sentence: str) -> bool:
    """The sentence is printed in capitals, as mastheads, headings and election returns are."""
    # str.isupper first: it is cheap, and almost every sentence fails it
    return sentence.isupper() and sum(c.isalpha() for c in sentence) >= _SHOUTED_LETTERS


def as_names(text: str) -> str:
    """A line printed in capitals ('HELD ON 9 MAY 2018 … IN HERTINGFORDBURY COWPER SCHOOL') in the case
    prose uses, as a paper's title is re-cased (corpus.headtext.title_case), keeping its spacing so that
    offsets into it stay those of `text` (unless a letter changes its length when cased, as 'ß' does)."""
    parts = re.split(r"(\s+)", text)
    cased = iter(title_case(" ".join(w for w in parts[0::2] if w)).split(" "))
    return "".join(next(cased) if i % 2 == 0 and part else part for i, part in enumerate(parts))


def _respelled_spans(sentence: str) -> tuple[Span, ...]:
    """The spans of a sentence in capitals: its dates, sums and counts as printed, and its places found
    in it written as names are (`as_names`), given in its own letters."""
    found = _spans(sentence)
    respelled = as_names(sentence)
    if len(respelled) != len(sentence):
        return found
    places = [Span(s.kind, sentence[s.start : s.end], s.start, s.end) for s in _spans(respelled)]
    kept = [s for s in found if s.kind not in _RESPELLED_KINDS]
    return tuple(sorted(kept + [s for s in places if s.kind in _RESPELLED_KINDS], key=lambda s: s.start))


@lru_cache(maxsize=1 << 12)
def monetary(text: str) -> bool:
    """The passage deals in sums: it prints a currency sign or a word of payments and accounts (a cheque
    list prints '09-05-18 Zurich Insurance 315.73 | 315' with the £ only in its heading, if at all)."""
    return bool(_SUMS.search(text))


@lru_cache(maxsize=1 << 14)  # the reader's candidates and its features read the same sentences' spans
def _spans(sentence: str) -> tuple[Span, ...]:
    found: list[Span] = []
    claimed: list[tuple[int, int]] = []
    phones = [m.span() for m in _PHONE.finditer(sentence)] if _PHONE_HINT.search(sentence) else []
    for kind, pattern in COMPILED:
        if (gate := GATES.get(pattern.pattern)) and not gate.search(sentence):
            continue
        for m in pattern.finditer(sentence):
            # a span may start inside its match, at the value a word or a column's label sets ('in 2019')
            at = m.start("value") if "value" in pattern.groupindex and m.group("value") else m.start()
            text = sentence[at : m.end()].strip(" ,")
            if not text or (kind != "list" and len(text.split()) > _MAX_SPAN_WORDS):
                continue
            if kind == "number" and "/" in text and not _of_total(text):
                continue  # '12/13', '45/19', '3/2019': a year pair's, a minute's, a month's digits
            if kind == "number" and enumerates(sentence, at):
                continue  # '(2) the structure be noted', 'Appendix 2': a part's number, no count
            if kind == "number" and _HOUSE_NUMBER.match(sentence, at + len(text)):
                continue  # '10 Shilton Garth Close', '1530 West San Carlos Street': an address, no count
            if kind in {"number", "money"} and any(a <= at < b for a, b in phones):
                continue  # '01752 307348', '(408) 535-3500': a telephone number's digits count nothing
            if kind in {"number", "date"} and any(s <= at < e for s, e in claimed):
                continue  # a count inside a date or sum, a year inside a period ('the autumn of 2019')
            if kind == "date" and not years_follow_on(text):
                continue
            if kind == "date" and (cut := timing_word(text)):
                at, text = at + cut, text[cut:]
            if kind == "person" and (
                _NOT_A_NAME.search(text)
                or _POST_WORD.search(text)
                or _DETERMINER.match(text)
                or _COMPASS.match(text)
                or _CIVIC_WORD.search(_TITLED.sub("", text))
                or _MANY.search(text)
            ):
                continue
            if kind == "proper" and _FORM_WORDS.fullmatch(text):
                continue  # 'Moved by Seconded by That we pass By-Law …': a form's words, no one named
            if kind in {"person", "proper"} and _column_label(sentence, at, at + len(text)):
                continue  # 'Cheque Number:' labels a column; it names no one
            if kind == "person" and Span(kind, text, at, at + len(text)) in found:
                continue  # a labelled cell's name ('Seconder: Trustee Lee') read again as a name
            if kind == "decision" and (not _is_tally(text) or _REFERENCED.search(sentence[:at])):
                continue  # 'Council Policy 5-1', 'Section 4-2': a numbered rule's reference, no vote
            if kind == "list" and (_label_line(text) or _label_line(sentence)):
                continue  # a form's label in capitals ('Carbon Footprint Implications:') leads no list
            if kind == "role":
                text = _before_person(text, at, found)
                # 'for the Management Analyst': the title starts capitalised
                lead = ROLE_LEAD.match(text).end()
                at, text = at + lead, text[lead:]
            found.append(Span(kind, text, at, at + len(text)))
            if kind in _CLAIMING:
                claimed.append((m.start(), m.end()))
    found.extend(_contacts(sentence, phones))
    for m in STATUS_WORDS.finditer(sentence):
        found.append(Span("status", m.group(0), m.start(), m.end()))
    for m in (*_NOT_YET.finditer(sentence), *_RAG_TOLD.finditer(sentence)):
        found.append(Span("status", m.group(0), m.start(), m.end()))
    # a status printed in capitals ('ON TRACK', 'NOT YET DUE') holds no body's initials
    statuses = [(s.start, s.end) for s in found if s.kind == "status"]
    found = [s for s in found if s.kind != "organisation" or not _inside(s, statuses)]
    # a line in capitals ('((PUBLIC HEARING CONTINUED TO TODAY))') holds words, not bodies' initials
    shouted = [m.span() for m in _SHOUTED.finditer(sentence)]
    found = [s for s in found if not (s.kind == "organisation" and " " not in s.text and _inside(s, shouted))]
    # a capitalised name inside a person's or a body's name is that, not any name: neither 'Pervez Akhtar'
    # nor 'Derby City Council' is a place
    named = [(s.start, s.end) for s in found if s.kind in {"person", "organisation"}]
    found = [s for s in found if s.kind != "proper" or not _inside(s, named)]
    return tuple(sorted(found, key=lambda s: (s.start, -len(s.text))))


# What follows a house number: a street's name and its noun ('10 Shilton Garth Close').
_HOUSE_NUMBER = re.compile(rf"[A-Za-z]?\s+(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:{STREET_NOUN})\b")
# A telephone number: a UK number with its leading 0 or +44 ('01752 307348', '+44 1332 642855'), a North
# American one with its area code ('(408) 535-3500', '408-535-3500'), or any run of digit groups a
# telephone's word introduces ('Tel: 3071 2345').
_PHONE = re.compile(
    r"(?<![\d.,£$€])(?:\+44\s?\(?0?\)?\s?\d{2,4}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d|[.,]\d)"
    r"|(?<![\d.,£$€])\(\d{3}\)\s?\d{3}-\d{4}\b|(?<![\d.,£$€-])\b\d{3}-\d{3}-\d{4}\b"
    r"|\b(?i:tel(?:ephone)?|phone|mobile|mob|t)\b\.?:?\s*(?:\+?\d[\d\s()-]{5,}\d)"
)
# What every telephone number above holds, found first: most sentences hold none, and are spared the search.
_PHONE_HINT = re.compile(r"\b0\d|\+44|\(\d{3}\)|\d{3}-\d{3}-|\b(?i:tel|phone|mob)|\b(?i:t)\b")
# Three or more words in capitals in a row, figures and marks between them allowed.
_SHOUTED = re.compile(r"\b[A-Z]{2,}(?:[\W\d]+[A-Z]{1,}\b){2,}")


# How to reach someone or join in: an email or web address, a webinar's or meeting's ID as printed.
CONTACT_KINDS = frozenset({"phone", "email", "web", "meeting id"})
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_WEB = re.compile(r"\b(?:https?://|www\.)[^\s<>|;,]+[\w/]")
_MEETING_ID = re.compile(r"\b(?i:webinar|meeting|zoom)\s+(?i:id)\b\W{0,3}(\d{3}[\s-]?\d{3,4}[\s-]?\d{3,4})\b")


_PHONE_WORD = re.compile(r"(?:(?i:tel(?:ephone)?|phone|mobile|mob|t)\b\.?:?\s*)?")


def _contacts(sentence: str, phones: list[tuple[int, int]]) -> list[Span]:
    """Contact spans, each of its own kind (CONTACT_KINDS): telephone numbers (`phones`, found already),
    email and web addresses, meeting IDs."""
    found = []
    for a, b in phones:
        a = _PHONE_WORD.match(sentence, a).end()  # 'Tel: 01452 396 000': the number, not its word
        found.append(Span("phone", sentence[a:b].strip(), a, b))
    if "@" in sentence:
        found += [Span("email", m.group(0), *m.span()) for m in _EMAIL.finditer(sentence)]
    if "www." in sentence or "://" in sentence:
        found += [Span("web", m.group(0), *m.span()) for m in _WEB.finditer(sentence)]
    found += [Span("meeting id", m.group(1), *m.span(1)) for m in _MEETING_ID.finditer(sentence)]
    return found


def _inside(span: Span, stretches: list[tuple[int, int]]) -> bool:
    return any(a <= span.start and span.end <= b for a, b in stretches)


def _column_label(sentence: str, start: int, end: int) -> bool:
    """The stretch runs from a row's cell start to the cell's colon: a column's label."""
    return bool(_COLUMN.match(sentence, end) and _CELL_START.search(sentence, 0, start))


def _label_line(text: str) -> bool:
    """A form's field label on a line of its own: it ends in a colon or semicolon, and every word of
    four letters or more is capitalised ('Health and Safety, Risk Management, Child Poverty:')."""
    return text.rstrip().endswith((":", ";")) and not re.search(r"\b[a-z]{4,}", text)


# Words that number what follows them: 'Council Policy 5-1', 'Section 4-2', 'Item 7-1', 'No. 3-1'.
_REFERENCED = re.compile(
    r"\b(?i:polic(?:y|ies)|sections?|chapters?|articles?|rules?|clauses?|schedules?|appendix|appendices"
    r"|items?|pages?|pp?|no|nos|numbers?|codes?|ordinances?|by-?laws?|exhibits?|attachments?|tables?"
    r"|figures?|zones?|lots?|routes?)\.?\s*$"
)


def _is_tally(text: str) -> bool:
    """Words, or votes for then against (7-0, 5-5, 9-0-1-1); a rising pair is a range (pages 10-12)."""
    counts = [int(n) for n in text.split("-")] if re.fullmatch(r"\d+(?:-\d+)+", text) else []
    return len(counts) < 2 or counts[0] >= counts[1]


def kinds(sentence: str) -> set[str]:
    """The kinds of span the sentence holds."""
    return {s.kind for s in spans(sentence)}
