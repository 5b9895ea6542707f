"""Reads a council paper's own title, council, body, date and type from its opening text."""

from __future__ import annotations

import re

from corpus.authority import find_council, names_authority
from corpus.doctype import DOC_TYPES, classify
from corpus.document import Metadata
from corpus.headtext import clean, is_caps, title_case, top_lines, unbroken, without_dates
from corpus.meetingbody import find_body
from corpus.paperdate import best_date

__all__ = ["DOC_TYPES", "best_date", "classify", "describe", "find_body", "find_council", "find_title"]
__all__ += ["title_case"]


_BOILERPLATE = re.compile(
    r"please ask for|@|www\.|https?:/|(?-i:\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b)|public document pack"
    r"|^(?:t|tel|telephone|e|email|e-mail|fax|web|dx|direct line)\b[ .:]|^(?:agenda )?item(?: no\.?)? ?\d"
    r"|^page \d|^(?:not )?protectively marked|^(?:official|restricted|confidential|exempt)\b"
    r"|^(?:members|apologies|contents|(?:executive )?summary|recommendations?|purpose"
    r"(?: of (?:the |this )?report)?|introduction|background|appendix|date|time|venue|contact)\b\W*$"
    r"|^present\b|\bpresent\W*$|^\d{1,3}[.)]\s|\bpage \d+(?: of \d+)?\W*$"
    r"|^(?:date|time|venue|place|location|contact|members(?:hip)?|to|from|wards?(?: affected)?)\s*:",
    re.I,
)
# Department and council names head many papers but are only titles when nothing better is there.
# A line that only names a venue: "Council Chamber - Town Hall", "Committee Room 2, Civic Centre".
_ROOM = r"(?:[\w'’]+ ){0,3}(?:chambers?|hall|room|centre|center|offices|house)(?: \d+)?"
_VENUE = re.compile(rf"^{_ROOM}(?:\W+{_ROOM})*\W*$", re.I)
_DEPARTMENT = re.compile(r"(?:department|directorate|services?|team|unit|office|governance|council)$", re.I)
_NEXT_LABEL = (
    r"date|meeting|report (?:of|to|by)|from|to|wards?(?: affected)?|key decision|contact(?: officer)?"
    r"|author|ref(?:erence)?|file|item|council district|time|venue"
)
# "Subject: X", also mid-line where a text layer joined the masthead: "Meeting: Cabinet Subject: X".
_TITLE_LABEL = re.compile(
    r"(?:^|(?<=\s))(?:report )?(?:title|subject)(?: of (?:the )?report)?\s*(?::|^[–-])\s*"
    rf"(.*?)(?=\s+(?:{_NEXT_LABEL})\s?:|$)",
    re.I,
)
_SEE_BELOW = re.compile(r"\W*(?:see below|as below|various)?\W*$", re.I)  # the real subject follows
# "Minutes of X", not an agenda item about earlier minutes, cut before "held at ... on ...".
_MINUTES_OF = re.compile(r"\W*minutes of\b(?!.*\b(?:previous|last)\b)", re.I)
# Words that can make a title: not weekdays, times or stray marks ("Tuesday - 6:30 PM" is no title).
_WORDY = re.compile(r"\b(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|[ap]\.?m\b)[^\W\d_]{2,}", re.I)
_MASTHEAD_LINES = 10  # a paper's title stands within its first lines
_REPORT_OF_TITLE = re.compile(r"^report (?:of|by|from) [^:]{3,80}:\s*(\S.{3,})$", re.I)
_REPORT_OF = re.compile(r"^report (?:of|by|from)\b:?\s*\S+\s+\S+", re.I)
_REPORT_TO = re.compile(r"^report to\b", re.I)
_FIELD = re.compile(r"^[A-Z][\w ()'’/&-]{1,40}:\s")  # a labelled field: 'Portfolio Holder: Councillor …'


def _department(line: str) -> bool:
    """A department or authority name: it heads many papers but is only a title when nothing else is."""
    text = _tidy(line)
    return bool(_DEPARTMENT.search(text)) or names_authority(text)


def _tidy(line: str) -> str:
    text = clean(line).strip(" .,:;|-–—")
    if _MINUTES_OF.match(text):  # keep "Minutes of X", drop "held at ... on ..."
        text = re.split(r"\s+held\b", text, flags=re.I)[0]
    text = title_case(text) if is_caps(text) else text
    return text if len(text) <= 150 else text[:150].rsplit(" ", 1)[0]


def _titleish(line: str, most: int = 15) -> bool:
    text = clean(line)
    words = len(_WORDY.findall(without_dates(text)))
    return (
        words >= 2 and len(text.split()) <= most and not _BOILERPLATE.search(text) and not _VENUE.match(text)
    )


def _beside_author(lines: list[str], at: int) -> str | None:
    """The title next to a report's author line: the line after it in the usual layout, or, when a
    labelled field follows ('Portfolio Holder: …'), the line before it, unless that says whom the report
    is to ('Report to Full Council, 26 February 2020') or names the council."""
    after = lines[at + 1] if at + 1 < len(lines) else ""
    if _titleish(after, 20) and not _FIELD.match(clean(after)):
        return after
    before = lines[at - 1] if at else ""
    usable = _titleish(before, 25) and not _REPORT_TO.match(clean(before)) and not _department(before)
    return before if usable else None


def find_title(text: str, source: str = "") -> str | None:
    """The paper's title: a markdown heading, a labelled or prominent line, else the file stem."""
    lines = top_lines(text)
    headings = [line for line in lines if line.startswith("#") and _titleish(line, 80)]
    picks = [next((h for h in headings if not _department(h)), headings[0] if headings else None)]
    picks.append(next((line for line in lines[:_MASTHEAD_LINES] if _MINUTES_OF.match(line)), None))
    for i, line in enumerate(lines[: _MASTHEAD_LINES * 2]):
        values = [m[1] for m in _TITLE_LABEL.finditer(clean(line))]
        labelled = [v for v in values if not _SEE_BELOW.match(v)]
        empty = i + 1 < len(lines) and any(not v.strip() for v in values)
        picks.append(labelled[0] if labelled else lines[i + 1] if empty else None)
        if m := _REPORT_OF_TITLE.match(clean(line)):  # "Report of the Director of Place: Leisure Review"
            picks.append(m[1])
        elif _REPORT_OF.match(clean(line)):
            picks.append(_beside_author(lines, i))
    bold = [line for line in lines if line.startswith("**") and line.endswith("**")]
    prominent = [line for line in lines if line in bold or is_caps(without_dates(line))]
    prominent = [line for line in prominent if _titleish(line)]
    picks.append(next((p for p in prominent if not _department(p)), None))
    picks.append(next((p for p in prominent if not names_authority(_tidy(p))), None))  # a department
    once = [line for line in lines[:_MASTHEAD_LINES] if lines.count(line) == 1]  # not a running header
    plain = (line for line in once if _titleish(line, 25) and not _department(line))
    picks.append(next(plain, None))
    picks.append(prominent[0] if prominent else None)  # department names only if nothing better
    picks.append(next((line for line in lines if _titleish(line, 25)), None))
    picks.append(re.sub(r"[_\s-]+", " ", re.split(r"[\\/]", source)[-1].rsplit(".", 1)[0]))
    return next((title for pick in picks if pick and (title := _tidy(pick))), None)


def describe(text: str, source: str = "") -> Metadata:
    """What the paper says about itself; fields it does not say stay None (doc_type "other").

    Text layers that set one word per line are rejoined first (corpus.headtext.unbroken); the
    cells of tab-separated table rows are read as lines of their own.
    """
    text = unbroken(text)
    cells = text.replace("\t", "\n")  # names and headings stand in one cell of a tab-separated row
    title = find_title(cells, source)
    found = best_date(text)  # the date reader looks at whole rows: a row of dates is a table
    return Metadata(
        title=title,
        council=find_council(cells),
        body=find_body(cells),
        date=found.value if found else None,
        date_precision=found.precision if found else "day",
        doc_type=classify(cells, title),
    )
