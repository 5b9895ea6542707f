"""A meeting read from its minutes' header, and the earlier minutes a paper confirms."""

# The meeting a set of minutes records, read from its header: date, body, chair, venue, times, attendance
# and whether the minutes are still a draft; and the earlier minutes it confirms.

from __future__ import annotations

import datetime as dt
import re

from corpus.dates import find_dates
from corpus.meetingheader import other_meeting_at
from corpus.records import Cited, Confirmation, Meeting
from corpus.recordtext import NAME, TIME, TITLE, RecordText

# The header runs to about here: attendance lists of large councils take a page or more.
_HEADER_CHARS = 5000
_TOP_CHARS = 1500  # without numbered items, the header is about this long
_LIST_CHARS = 600  # an attendance list longer than this has run into the business
_GAP = r"[ \t]*"

_NOT_LABEL = r"(?![\w’'\-]*[ \t]*:)"  # a name is never the next label ('Chair:' left blank, then 'Present:')
_CHAIR = tuple(
    re.compile(p, re.M)
    for p in (
        rf"(?P<name>{NAME}){_GAP}(?:\([A-Z]{{1,4}}\){_GAP})?[\(\[](?:Chair(?:man|person|woman)?|Presiding)[\)\]]",
        # 'Chair: X', never 'Vice-Chair: X' or 'Deputy Chairman: X'
        rf"(?<![\w-])(?<!(?i:vice) )(?<!(?i:deputy) )(?i:present in the chair|in the chair"
        rf"|chair(?:man|person|woman)?|presiding(?: officer)?)[ \t*]*:[\s*]*(?P<name>{NAME}){_NOT_LABEL}",
        # a label on its own line
        rf"^[ \t*]*(?i:present in the chair|in the chair)[ \t*]*\n[\s*]*(?P<name>{NAME}){_NOT_LABEL}",
        # 'X in the chair', never the label 'PRESENT IN THE CHAIR'
        rf"(?<![\w’'\-])(?!(?i:present)\b)(?P<name>{NAME}){_GAP}(?:was{_GAP})?"
        r"(?i:in the chair|presided|presiding)\b",
        rf"^(?P<name>{NAME}) called the meeting to order",
        rf"(?i:called to order by)[ \t]+(?:the[ \t]+)?(?P<name>{NAME})",
    )
)
_ROLE_ONLY = re.compile(rf"(?i)(?:{TITLE}[ \t]*)+")  # 'the Mayor in the chair' names no one
_VENUE = (
    re.compile(
        # 'HELD IN THE VILLAGE HALL' as well as 'held in the Village Hall'
        r"(?i:\b(?:held|met|meeting)\b)[^.\n]{0,60}?\b(?i:in|at) (?P<v>(?i:the )?[A-Z][^\n]{3,80}?)"
        r"(?=,? (?:on|ON)\b|,? (?i:at) \d| (?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
        r"|\.|,? and\b|\*\*|$)",
        re.M,
    ),
    re.compile(r"\b(?:AT|at) \d{1,2}[.:]\d{2}(?: ?[ap]\.?m\.?)? (?:IN|in) (?P<v>[A-Z][^\n.]{3,80})", re.M),
)
_START = re.compile(rf"(?i:\bat|starting at|commenc\w* at|call to order \(|met at)\s+(?P<t>{TIME})")
_END = re.compile(rf"(?i:(?:closed|adjourned|ended|concluded|terminated|rose)\s+at|time:)\s+(?P<t>{TIME})")
_LISTS = {
    "present": r"(?:members\s+)?present|attendance|council|councillors\s+present|members",
    "apologies": r"apologies(?:\s+for\s+absence)?|absent|regrets",
    "in_attendance": r"in\s+attendance|officers?\s+in\s+attendance|officials\s+in\s+attendance|staff"
    r"|also\s+present",
}
# Only the paper's own word: 'Minutes to be confirmed on June 23' or 'subject to approval' is template
# text that the confirmed, published copy still prints, so it does not say the copy is a draft.
_DRAFT = re.compile(
    r"(?i:\b(?:draft\s+minutes|minutes\W{0,3}(?:(?:are|is)\s+(?:a\s+|in\s+)?)?draft|unconfirmed)\b)"
    r"|^[ \t*#]*(?:DRAFT|Draft)[ \t*]*$",  # a 'DRAFT' mark on a line of its own
    re.M,
)
_NEXT = re.compile(r"(?i)\b(?:date\s+of\s+(?:the\s+)?next\s+meeting|next\s+(?:\w+\s+)?meeting)\b")
_NEXT_REACH = 120  # the date follows its cue closely: 'will be held on Wednesday 11th July 2018'
# only these words may stand between the cue and the date
_FILLER = re.compile(
    r"(?i)[\s,:\-–*]*(?:(?:will|is|shall|to)\s+be\s+(?:held\s+)?|is\s+|will\s+be\s+)?(?:on\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day[\s,]*)?(?:the\s+)?"
)
_WEEKDAY_BEFORE = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[\s,]*$")
_CONFIRMS = re.compile(
    r"(?is)\bminutes\b(?P<what>.{0,160}?)\b(?:were|be|was|are|being)?\s*"
    r"(?:confirmed|approved|adopted|agreed|accepted|signed)\s+(?:as\s+(?:a\s+)?(?:true|correct|accurate|"
    r"published|recorded|circulated|presented|read)|and\s+signed)"
)


def read_meeting(text: RecordText, body: str | None, date_iso: str | None, first_item: int | None) -> Meeting:
    """The meeting in the header of `text` (up to `first_item`, the offset of the first numbered item).
    Date and body are the paper's own (corpus/metadata.py), cited where they first appear; the rest is
    read from the header's printed labels; attendance lists may sit in the first items."""
    # the paper's own meeting ends where reproduced minutes of another begin
    own = other_meeting_at(text.text, dt.date.fromisoformat(date_iso) if date_iso else None)
    head = text.text[: min(own, _HEADER_CHARS)]
    top = head[: min(first_item, _HEADER_CHARS) if first_item is not None else _TOP_CHARS]
    return Meeting(
        date=_cited_date(text, top, head, date_iso),
        body=_cited_phrase(text, head, body),
        chair=_first(text, top, _CHAIR, "name", lambda name: not _ROLE_ONLY.fullmatch(name)),
        venue=_first(text, top, _VENUE, "v"),
        start_time=_first(text, top, (_START,), "t"),
        end_time=_last(text, own, _END, "t"),
        status=_draft(text, own),
        next_meeting=_next_meeting(text, own),
        **{name: _listed(text, head, label, name == "apologies") for name, label in _LISTS.items()},
    )


def _first(text: RecordText, head: str, patterns, group: str, accept=lambda value: True) -> Cited | None:
    """The earliest value any pattern finds in `head` that `accept` takes."""
    found = [next((m for m in p.finditer(head) if accept(_tidy(m.group(group)))), None) for p in patterns]
    found = [m for m in found if m]
    if not found:
        return None
    best = min(found, key=lambda m: m.start(group))
    return text.cited(_tidy(best.group(group)), best.start(group))


def _last(text: RecordText, end: int, pattern: re.Pattern, group: str) -> Cited | None:
    found = list(pattern.finditer(text.text, 0, end))
    return text.cited(_tidy(found[-1].group(group)), found[-1].start(group)) if found else None


def _tidy(value: str) -> str:
    """Without a sentence's closing stop; the one that ends 'p.m.' or an initial stays."""
    value = value.strip(" ,;:*")
    if value.endswith(".") and not re.search(r"(?i)(?:\b[ap]\.m|\b[A-Z])\.$", value):
        value = value[:-1]
    return value


def _cited_date(text: RecordText, top: str, head: str, date_iso: str | None) -> Cited | None:
    """The header's first full date (minutes open with their meeting's date; the paper's own date may
    have been read from elsewhere, such as earlier minutes it adopts); else the paper's date where
    the first pages print it."""
    tops = [f for f in find_dates(_joined_ordinals(top)) if f.precision == "day"]
    if tops:
        return Cited(tops[0].value.isoformat(), text.where(tops[0].start))
    for found in find_dates(head):
        if found.value.isoformat() == date_iso and found.precision == "day":
            return Cited(date_iso, text.where(found.start))
    return None


def _joined_ordinals(text: str) -> str:
    """'15\n\nTH SEPTEMBER, 2014' (a day whose ordinal a line break parted) as '15TH   SEPTEMBER, 2014',
    and an OCR'd '9"" NOVEMBER' as '9   NOVEMBER': the same length, so offsets still cite the right place."""
    joined = re.sub(r"(?i)\b(\d{1,2})(\s+)(st|nd|rd|th)\b", lambda m: m[1] + m[3] + " " * len(m[2]), text)
    # OCR reads a raised ordinal as quotes: '9"" NOVEMBER' is '9   NOVEMBER'
    return re.sub(r"(?<=\b\d)(?<!\d\d\d)([\"”“]{1,2})(?=\s)", lambda m: " " * len(m[1]), joined)


def _cited_phrase(text: RecordText, head: str, phrase: str | None) -> Cited | None:
    if not phrase:
        return None
    at = head.lower().find(phrase.lower())
    # Only as printed: metadata may have worded the body itself ('Township Council').
    return Cited(phrase, text.where(at)) if at >= 0 else None


def _listed(text: RecordText, head: str, label: str, none_told: bool = False) -> Cited | None:
    """The names after a label such as 'Present:' (on its line, or the lines just below it). `none_told`:
    'There were no apologies, all the members being present.' is the list's answer, not a missing one."""
    pattern = re.compile(rf"(?im)^[\W\d.]*(?P<label>{label})(?:[ \t*]*[:\-]\**[ \t]*(?P<rest>.*)|[ \t*]*)$")
    for m in pattern.finditer(head):
        rest = (m.group("rest") or "").strip(" *")
        if not rest or rest.endswith(":"):
            rest = _next_paragraph(head, m.end())
        if rest and len(rest) <= _LIST_CHARS and (none_told or not rest.lower().startswith("there were no")):
            # cited where the label is: the marks and blank lines before it may be the last chunk's end
            return text.cited(rest, m.start("label"))
    return None


def _next_paragraph(head: str, at: int) -> str:
    after = head[at:].lstrip("\n")
    return after.split("\n\n", 1)[0].strip(" *\n")


def _draft(text: RecordText, end: int) -> Cited | None:
    m = _DRAFT.search(text.text, 0, end)
    return text.cited("draft", m.start()) if m else None


def _next_meeting(text: RecordText, end: int) -> Cited | None:
    """'Date of the next meeting, Tuesday, 8 July 2025 at 8.00 pm ...', 'The next meeting will be held
    on Wednesday 11th July 2018': from the date's weekday (or the date) to the sentence's end."""
    for m in _NEXT.finditer(text.text, 0, end):
        after = text.text[m.end() : m.end() + _NEXT_REACH]
        dates = [d for d in find_dates(after) if d.precision == "day"]
        if dates and _FILLER.fullmatch(after[: dates[0].start]):
            start = _WEEKDAY_BEFORE.search(after[: dates[0].start])
            begin = start.start() if start else dates[0].start
            end = re.search(r"\.(?:\s|$)|\n", after[dates[0].end :])
            stop = dates[0].end + (end.start() if end else 0)
            return text.cited(after[begin:stop].strip(" ,.*"), m.end() + begin)
    return None


def read_confirmations(text: RecordText) -> tuple[Confirmation, ...]:
    """Earlier minutes this paper confirms: 'The minutes of the meeting held on 25 November 2023 were
    agreed as a true record'. Only a fully written date counts: the meeting must be known exactly."""
    found = []
    for m in _CONFIRMS.finditer(text.text):
        dates = [d for d in find_dates(m.group("what")) if d.precision == "day"]
        if dates:
            snippet = text.text[m.start() : m.end()]
            # the date nearest the verb: the title's own date may come first
            found.append(Confirmation(dates[-1].value.isoformat(), text.where(m.start()), snippet))
    return tuple(found)
