"""Answerable units of a passage: its sentences, and for table rows each labelled cell."""

# Moved from qa/units.py so that the index can store each unit's embedding at ingest (index never
# imports qa); qa/units.py re-exports these names.

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from corpus.dates import MONTH_ABBREVIATIONS
from corpus.sentences import merge_runs, split_sentences

_LABELLED = re.compile(r"^([^:\n]{2,60}?):\s+(\S.*)$")
# A field naming who, on a line of its own ('Report prepared by:', 'Author:'): its value is the one name under
# it. Other lone labels ('Members:', 'Reply:') head a list or a reply, read apart.
_LONE_LABEL = re.compile(r"^(?=[A-Z])[^:\n]{0,60}?\b(?:by|author|contact officer|lead officer):$", re.I)
LABEL_WORDS = 6  # a field's label is a few words ('Report prepared by'); a longer run before a colon is prose
# A form's column headed by a question ('What difference will this make for Children in Care and Care
# Leavers?: Ability to influence …'): a question mark before the colon is a heading's, never prose's, so
# the label may run to a question's length.
_ASKED_LABEL = re.compile(r"^([^:\n?]{2,160}\?):\s+(\S.*)$")
ASKED_LABEL_WORDS = 20
# A cover page's fields printed without a colon: 'Published 03 September 2019', 'Please ask for Helen
# Rickman'. Only these words, and only before the kind of value each takes, so prose is never split.
_FIELD = re.compile(
    r"^((?:Date )?(?:Published|Issued|Despatched|Dispatched)(?: on)?)\s+"
    r"((?:\w+day,? )?\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+,? \d{4})$"
    r"|^(Please ask for|Ask for|Enquiries to|Please contact)\s+([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)+.*)$"
)
# A signature: a person's name on its own line, their post on the next ('Tracey Lee' / 'Chief
# Executive', 'Yvonne Rees' / 'Returning Officer'), read as the post's field. A body's name is no signature.
# POST: the posts a signature or a question names (qa/posts.py asks who holds them).
POST = (
    r"(?:Chief Executive|(?:Town |Parish |City |County )?Clerk(?: to the Council)?|Returning Officer"
    r"|Monitoring Officer|Proper Officer|Deputy Chief Executive"
    r"|(?:Strategic |Service |Corporate |Executive )?Director(?: of [A-Z][\w&,' -]{2,50})?"
    r"|Head of [A-Z][\w&,' -]{2,50}|Democratic (?:Support|Services) Officer"
    r"|Chair(?:man|person)?|(?:Lord )?Mayor|Leader of the Council|City Manager|County Administrator"
    r"|City Attorney|City Clerk|Secretary)"
)
_BODY_WORDS = "Council|Committee|Department|Board|Authority|Trust|Services?|Team|House|Hall|Street|Road"
_BODY = rf"(?![^\n]*\b(?:{_BODY_WORDS})\b)"
_SIGNED = re.compile(
    rf"^{_BODY}((?:Dr\.? |Mr\.? |Mrs\.? |Ms\.? )?[A-Z][a-z'’-]+(?: [A-Z][\w'’-]+){{1,3}})\n+({POST})$", re.M
)
_CONTINUED = re.compile(r"… \(continued\)$")
_ASIDE_END = re.compile(r"\w\s\([^()]{1,16}\)$")  # 'Description (if any)', 'Amount (£)'
_LEAD_IN = re.compile(r"[A-Za-z][\w'’/-]*:")  # 'Commencing:'; two words may end a field ('Cabinet Date:')
# The version of how `units_of` reads a chunk; raise it with any change to what units a text gives, so that a
# store's next ingest stores the vectors of the units it now reads (index/sentencevectors.py).
UNIT_RULES = "4"
FRAGMENT_WORDS = 3  # an outcome and its date, a verdict: too short to be read apart from what it ends
HEADING_WORDS = 8  # an item's title is a few words; a numbered sentence runs longer
SHORT_ROW_WORDS = 40  # a row this short answers best whole: who, what, why and how together
# A column headed by a month or a year ('Apr-18', 'Sept 2019', '2019/20', 'Q1'); corpus/spacers too.
PERIOD_LABEL = re.compile(
    rf"(?i:{'|'.join(MONTH_ABBREVIATIONS)})[a-z]*[-\s']?\d{{2,4}}\b|(?:19|20)\d{{2}}\b|Q[1-4]\b"
)
ROW_KEY_WORDS = 6  # a row's key cell names one thing (a payee, a ward, a post); longer is a heading or prose
# A numbered point opens on a word ('2.1 The council …'): "2.00 pm" is a time, and a cell's "87.8 (LAIT)" a
# figure.
_BULLET = re.compile(r"^[-•*·]\s+|^\(?[a-z]\)\s+|^\d+(?:\.\d+)+\s+(?![ap]\.?m\b)(?=[^\W\d_]|[\"“‘'])")
MASTHEAD_LINES, MASTHEAD_WORDS = 4, 6  # a front page's date, time and venue lines; longer is prose
# A day's date or a clock time: what a masthead line gives ('Wednesday 11 September 2019', '2.00 pm').
_WHEN = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}\b|\b[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\b|\b\d{1,2}:\d{2}\b"
)
EMBED_WORDS = 40  # words of a unit the model reads: the opening says what it is about
# A paragraph gap inside a sentence (wide line spacing, OCR): the block before it ends on a word that
# cannot end a sentence, or on a lowercase word with the next block going on in lowercase, or with a
# time, date or sum ('… and expires / 11:59 p.m. May 31, 2027'). A block that opens an item or
# is a heading never continues one ('… of the public / 24/31 Apologies for absence').
OPEN_END = re.compile(r"\b(?:and|or|but|nor|of|the|a|an|to|by|for|with|from|between|that|which|whose)$")
_LOWER_END = re.compile(r"\b[a-z][a-z'’-]*$")
# A block ending on a word, a figure or a comma has not ended its sentence.
_NO_STOP = re.compile(r"[\w,’'”*)]$")
# Printed lines kept one to a block: a line at least WRAP_SHARE of the text's usual width (the
# WRAP_QUANTILE of its lines' lengths) was wrapped. A text whose usual line is over MAX_PRINTED_WIDTH
# keeps whole paragraphs, not printed lines; one under MIN_PRINTED_WIDTH is headings and short fields
# (a narrow newspaper column is about 40 characters); under WRAP_MIN_LINES lines tell no width.
WRAP_SHARE, WRAP_QUANTILE, MIN_PRINTED_WIDTH, MAX_PRINTED_WIDTH, WRAP_MIN_LINES = 0.8, 0.9, 40, 120, 5
_GOES_ON = re.compile(
    r"^(?:[a-z]|\d{1,2}[.:]\d{2}\s?[ap]\.?m|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}|[£$€]\d)"
)
_OPENS_ITEM = re.compile(
    r"^(?:(?i:agenda\s+item|item|minute|min\.|appendix|part|section|schedule|annex)\s+\S+"
    r"|\(?\d+(?:[./]\d+)+(?:\([a-z0-9]\))?\.?\s+[A-Z]|\(?\d+(?:\([a-z0-9]\))?[.)]\s+[A-Z])"
)


@dataclass(frozen=True)
class Unit:
    """A sentence or cell that can stand in an answer, with the column label it sat under."""

    text: str
    label: str | None = None
    item: bool = False  # came from a bulleted or lettered line: part of a list
    opens_line: bool = False  # the first sentence of its line

    @property
    def shown(self) -> str:
        return labelled(self.label, self.text)


def labelled(label: str | None, text: str) -> str:
    """A cell as shown and embedded: 'Portfolio Holder: Jemima Laing'. A column headed by a question longer
    than a field's label ('What will you do to support The Pledge?') shows its cells bare: the heading is
    matched against what is asked (qa/features.py), but printed before every cell it would stand for them
    all."""
    asked = label is not None and label.endswith("?") and len(label.split()) > LABEL_WORDS
    return f"{label}: {text}" if label and not asked else text


def embedded_text(shown: str) -> str:
    """What the model reads of a unit ('label: text'): its first EMBED_WORDS words, spaces collapsed."""
    return " ".join(shown.split()[:EMBED_WORDS])


def label_of(line: str, asked: bool = True) -> tuple[str | None, str]:
    """Split 'Portfolio Holder: Jemima Laing' into label and value; plain prose has no label. A label
    may end in a short aside after a word, as forms print them ('Description (if any):'), but never
    in a full stop or a lone bracket ('3(b):'). A cover page's colonless fields ('Published 03 September
    2019', 'Please ask for Helen Rickman') are labelled too. With `asked`, so is a form's column heading
    that is a question ('What difference will this make …?: Ability to …')."""
    m = _LABELLED.match(line)
    if m and len(m.group(1).split()) <= LABEL_WORDS and _label_end(m.group(1).rstrip()):
        return m.group(1).strip(), m.group(2).strip()
    if asked and (m := _ASKED_LABEL.match(line)) and len(m.group(1).split()) <= ASKED_LABEL_WORDS:
        return m.group(1).strip(), m.group(2).strip()
    if field := _FIELD.match(line.strip()):
        label, value = (g for g in field.groups() if g)
        return label, value
    return None, line


def _label_end(label: str) -> bool:
    return not label.endswith(".") and (not label.endswith(")") or bool(_ASIDE_END.search(label)))


def is_row(block: str) -> bool:
    """A block of two or more lines, each a labelled cell: a table row. Its first line may be the row's
    key in a column printed with no heading ('HMRC' / 'Detail: VAT Reclaim' / 'Total £s: 22814.21')."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    cells = lines[1:] if len(lines) >= 3 and _row_key(lines[0]) and not _periods(lines[1:]) else lines
    # a form's row under questions ('When will you do this?: Current') reads as its answers, cell by cell
    return len(cells) >= 2 and all(label_of(line, asked=False)[0] for line in cells)


def _periods(cells: list[str]) -> bool:
    """Cells under months or years ('Apr-18: 401.2'): a time series, read cell by cell under its row's
    name so that the month asked can be picked (qa/timefit.py)."""
    return any(PERIOD_LABEL.match(label_of(cell)[0] or "") for cell in cells)


def _row_key(line: str) -> bool:
    """A short unlabelled line that names a row (a payee, a ward), not a heading that ends in a colon."""
    return len(line.split()) <= ROW_KEY_WORDS and not line.endswith((":", ";", ".")) and not label_of(line)[0]


def _row_line(block: str) -> str | None:
    """A table row (is_row) rendered as one line."""
    if not is_row(block):
        return None
    return "; ".join(line.strip().rstrip(".;") for line in block.split("\n") if line.strip())


def _masthead(block: str) -> str | None:
    """A meeting's when and where as a paper's front page prints them, a short line each ('Wednesday 11
    September 2019 / 2.00 pm / Warspite Room, Council House'): one unit, so that the venue is read beside
    the date it is for."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if not 2 <= len(lines) <= MASTHEAD_LINES or not any(_WHEN.search(line) for line in lines):
        return None
    plain = all(
        len(line.split()) <= MASTHEAD_WORDS
        and not line.endswith((".", ":", ";"))
        and not label_of(line)[0]
        and not _BULLET.match(line)
        for line in lines
    )
    return ", ".join(lines) if plain else None


@lru_cache(maxsize=1 << 12)  # a passage is read by the reader, its features and the composer in turn
def units_of(text: str) -> tuple[Unit, ...]:
    """Units in reading order: a short table row whole, else each cell's sentences; never the
    repeated key line of a continued row. A signature's name is its post's field ('Chief Executive:
    Tracey Lee')."""
    units: list[Unit] = []
    for block in _paragraphs(_SIGNED.sub(r"\2: \1", text)):
        row = _row_line(block) or _masthead(block)
        if row and len(row.split()) <= SHORT_ROW_WORDS:
            units.append(Unit(row, opens_line=True))  # a row is a line of its own
            continue
        # a paragraph printed as hard-wrapped lines reads as its sentences: a line stopping mid-sentence
        # runs on into the next (no printed width here: a block's lines may be a masthead's fields)
        for line in merge_runs(block.split("\n"), _line_runs_on):
            line = line.strip()
            if not line or _CONTINUED.search(line):
                continue
            label, value = label_of(line)
            item = bool(_BULLET.match(value))
            for i, sentence in enumerate(_with_fragments(split_sentences(_BULLET.sub("", value)))):
                units.append(Unit(sentence, label if i == 0 else None, item, i == 0))
    return tuple(units)


def _paragraphs(text: str) -> list[str]:
    """The text's blocks, a block cut off mid-sentence joined to the one that finishes it."""
    blocks = text.split("\n\n")
    width = printed_width(blocks)
    return merge_runs(blocks, lambda before, after: _runs_on(before, after, width))


def printed_width(blocks: list[str]) -> int | None:
    """The width in characters of the text's printed lines when each was kept as a block of its own
    (a PDF converted with a blank line after every line): the WRAP_QUANTILE of its lines' lengths, when
    that is within MIN_PRINTED_WIDTH and MAX_PRINTED_WIDTH; None for text whose blocks are whole
    paragraphs or short lines."""
    lengths = sorted(len(line) for b in blocks for line in b.split("\n") if line.strip())
    if len(lengths) < WRAP_MIN_LINES:
        return None
    width = lengths[int(WRAP_QUANTILE * (len(lengths) - 1))]
    return width if MIN_PRINTED_WIDTH <= width <= MAX_PRINTED_WIDTH else None


def _line_runs_on(before: str, after: str) -> bool:
    """Whether a block's line runs on into the next as `_runs_on` says; a tab-separated row never does."""
    return "\t" not in before and "\t" not in after and _runs_on(before, after)


def _runs_on(before: str, after: str, width: int | None = None) -> bool:
    """Whether `before` stops mid-sentence and `after` finishes it: it ends on a word that cannot end a
    sentence; or, ending with no stop, either `after` goes on in lowercase or `before` fills its printed
    line (`width`: the line was wrapped, not ended: '… at The Square, Newcastle' / 'West, for …'). Table
    rows and an item's opening line never run on, nor does a heading run into a time or date."""
    end, start = before.rstrip(), after.lstrip()
    if not end or not start or "|" in end or "|" in start or label_of(start)[0] or _OPENS_ITEM.match(start):
        return False
    if _lone_label(start):
        return False
    if _lone_label(end.rsplit("\n", 1)[-1]):
        return "\n" not in start  # a field's value on the line under its label
    if OPEN_END.search(end) or end.endswith(","):  # a comma ends no sentence: 'Moved by Councillor X,'
        return True
    last = end.rsplit("\n", 1)[-1]
    if not _NO_STOP.search(end) or _heading(last) or _BULLET.match(start):
        return False
    if _LOWER_END.search(end) and _GOES_ON.match(start):  # '… and expires' / '11:59 p.m. May 31, 2027'
        return True
    return start[:1].islower() or _wrapped(end, start, width)


def _lone_label(line: str) -> bool:
    """A form's field naming who, on a line of its own, its value on the next ('Report prepared by:' /
    'Rhonda Coffman, Deputy Community Development Director'): the two read as one field."""
    line = line.strip()
    return bool(_LONE_LABEL.match(line)) and len(line.split()) <= LABEL_WORDS and _label_end(line[:-1])


def _wrapped(end: str, start: str, width: int | None) -> bool:
    """Two printed lines, each kept as a block, the first filling the text's printed width: a line
    wrapped mid-sentence. A block of several lines (a table row's fields, a masthead) or a labelled
    field is no printed line."""
    if width is None or "\n" in end or "\n" in start or label_of(end)[0]:
        return False
    return len(end) >= WRAP_SHARE * width and start[:1].isalnum()


def _heading(sentence: str) -> bool:
    """Short, with an item number first or two or more words all capitalised ('21/35 Speed Watch.')."""
    words = sentence.split()
    titled = [w for w in words if w[:1].isalpha()]
    short = len(words) <= HEADING_WORDS
    return short and (sentence[:1].isdigit() or (len(titled) >= 2 and all(w[0].isupper() for w in titled)))


def _with_fragments(sentences: list[str]) -> list[str]:
    """A few words after a sentence on its line ('Refused 26/4/18.', 'Carried.') finish it: alone
    they say nothing of what they are about. A lead-in word before a colon inside a cell ('Commencing:
    July 2019 NOT YET DUE') introduces what follows it."""
    out: list[str] = []
    for sentence in sentences:
        if out and (_LEAD_IN.fullmatch(out[-1]) or _finishes(out[-1], sentence)):
            out[-1] = f"{out[-1]} {sentence}"
        else:
            out.append(sentence)
    return out


def _finishes(sentence: str, fragment: str) -> bool:
    return len(fragment.split()) <= FRAGMENT_WORDS and not _heading(fragment) and not _heading(sentence)


def cells(text: str, label_pattern: re.Pattern[str]) -> Iterator[str]:
    """The whole value of each labelled line whose label matches, in order ('Progress milestone: …',
    then 'Key Dates / Status (RAG): …')."""
    for line in text.split("\n"):
        label, value = label_of(line.strip())
        if label and label_pattern.search(label):
            yield value
