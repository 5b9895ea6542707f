"""Motions and resolutions in minutes: mover, seconder, names, words, votes and outcome."""

# Motions and resolutions in minutes: who moved and seconded them (only where the paper labels them), their
# text, votes and outcome, and whether they were amendments.

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter

from corpus.agendaitems import item_over
from corpus.motioncues import Anchor, anchors, name_of, opens_debate
from corpus.outcomes import first_outcome, resolved_as
from corpus.records import AgendaItem, Motion
from corpus.recordtext import RecordText
from corpus.votes import read_vote

_REACH = 20000  # a motion's text, debate, votes and outcome lie within this of its last cue
_SHORT_TEXT = 15  # fewer characters than this after the cues: the text came before them
_TEXT_CHARS = 2500  # a motion's text is cut here; the passage keeps it all
_LEAD_LINES = 2  # lines above a motion read for 'Amendment'
# A full stop ends a sentence unless it ends an initial or a common abbreviation ('St. Kieran's').
_SENTENCE_END = re.compile(
    r"[.;](?=\s|$)(?<!\b[A-Z]\.)(?<!St\.)(?<!No\.)(?<!Nos\.)(?<!Co\.)(?<!Mr\.)(?<!Dr\.)(?<!Ms\.)(?<!Mrs\.)"
    r"|\n\n(?=[ \t*]*(?:\d|[A-Z]{2}|\(|•))"
)
_PAGE_BREAK = " \t\n-*"  # blank lines, rules and bold marks between 'Resolved:' and its words
_RUNNING, _RUNNING_CHARS = 3, 20  # a line of this many characters printed this often is a running line
_RESOLVED_LABEL = 20  # 'And Resolved:' — the colon that opens a resolution's words is this near
_LEAD_IN = 80  # 'it was agreed' this close before a mover belongs to that motion
_HEADING_WORDS = 3  # a last line this short is a heading or number of what follows, not the motion's text

_NUMBER = re.compile(r"^[ \t*]*(?:Motion\s+No\.?\s*)?(?P<n>\d{1,3}|[A-Z]{0,3}\d{2,4}[-/]\d{1,4})[.)]?[ \t]+$")
_WORDS_FOLLOW = re.compile(r"(?i)(?:[\w’']+\s+){0,3}?(?:to|that)\b")  # 'it was agreed to allocate ...'
_VOTE_START = re.compile(r"(?i)\b(?:voting\s+in\s+favou?r|a\s+recorded\s+vote|yeas|ayes)\b")
_TRAILING = re.compile(r"(?i)(?:\s+(?:the|this|that|which|was|were|is|has\s+been|motion|amendment))+\s*$")
# A notice of motion's words: 'I will move at the next Meeting that ...' ('1'/'|' where OCR read the 'I')
_NOTICE = re.compile(r"(?i)(?:\b(?:I|We)|(?<!\S)[1|/])\s+(?:will\s+)?move\b")
_NOTICE_REACH = 2000  # a notice's words stand this close above the debate that opens with its mover
_REPLY = re.compile(r"(?m)^[ \t*]*REPLY[ \t*:]*$")
_UNANIMOUS = re.compile(r"(?i)\bunanimous(?:ly)?\b|\bnem\.?\s*con\b")
_AMENDMENT = re.compile(r"(?i)\bamendment\b")
# where a motion that amendments followed is put to the vote itself
_SUBSTANTIVE = re.compile(
    r"(?i)\b(?:(?:substantive|original|main|amended)\s+motion|motion\s+as\s+amended)\b"
    # put or decided, not merely named ('a vote on the amendment to the original motion that ...')
    r"(?=\s+(?:was\s+|as\s+amended\s+)?(?:then\s+|therefore\s+)?(?:put|carried|agreed|adopted|passed|lost"
    r"|defeated|fell)\b)"
)
_NOT_AMENDMENT = re.compile(r"(?i)\b(?:main|substantive|amended|original)\s+motion\b")
_RESOLUTION = re.compile(
    r"(?m)(?:^[ \t*]*(?:RESOLVED|Resolved|AGREED|Agreed)\b[ \t*]*(?::|that\b|to\b|-)"
    r"|\bRESOLVED\b[ \t]*:|(?i:\bit\s+was\s+(?:resolved|agreed)\b)"
    # 'HPC agreed to write', 'these were agreed and signed', 'agreed as a true record'
    r"|\b(?:[A-Z]{2,5}|Council|Committee|Members|Councillors|Board)\s+agreed\s+(?:to|that)\b"
    r"|(?<!\bas )\b(?:was|were)\s+agreed\b|\b(?:was|were)\s+deferred\b"
    r"|(?i:\b(?:confirmed|agreed|approved)\s+as\s+a\s+(?:true|correct)\s+record))"
)


def read_motions(text: RecordText, marks: tuple[tuple[int, AgendaItem], ...]) -> tuple[Motion, ...]:
    """Every motion in reading order, then resolutions that no mover introduced."""
    body = text.text
    items = sorted(s for s, _ in marks)
    cues = anchors(body, items)
    starts = sorted({a.start for a in cues} | {len(body)})
    amendments = [_is_amendment(body, a) for a in cues]
    placed, spans = [], []
    for k, anchor in enumerate(cues):
        end = _reach(body, anchor, starts, items)
        put = _put_after_amendments(body, cues, amendments, k, items)
        if amendments[k] and (later := _SUBSTANTIVE.search(body, anchor.end, end)):
            end = later.start()  # the substantive motion's vote is not the amendment's
        motion, span = _motion(text, anchor, end, marks, put)
        placed.append((span[0], motion))
        spans.append(span)
    spans.sort()
    span_starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end of spans so far
    for m in _RESOLUTION.finditer(body):
        # inside a motion's span, or 'it was agreed on the proposal of X, seconded by Y' just before it
        # (with no item heading between: then the motion is the next item's)
        i = bisect.bisect_right(span_starts, m.start() + _LEAD_IN) - 1
        if i >= 0 and span_starts[i] > m.start() and _after(items, m.start(), len(body)) <= span_starts[i]:
            i -= 1
        if i < 0 or reach[i] <= m.start():
            placed.append((m.start(), _resolution(text, m, marks)))
    return tuple(motion for _, motion in sorted(placed, key=lambda p: p[0]))


def _reach(body: str, anchor: Anchor, starts: list[int], items: list[int]) -> int:
    """Where a motion's reach ends: the next motion, an officer's reply, or the next item unless the
    motion's words end in a colon (a consent report that adopts the items listed below); at most _REACH
    on."""
    end = min(_after(starts, anchor.start, len(body)), anchor.end + _REACH)
    item = _after(items, anchor.end, end)
    between = body[anchor.end : item].strip(" *\n")
    if item < end and not (between.endswith(":") or between.split("\n\n")[0].rstrip(" *").endswith(":")):
        end = item
    reply = _REPLY.search(body, anchor.end, end)  # an officer's reply: what follows is no longer the motion's
    return reply.start() if reply else end


def _put_after_amendments(
    body: str, cues: list[Anchor], amendments: list[bool], k: int, items: list[int]
) -> tuple[int, int] | None:
    """Where a motion that amendments follow was put to the vote: from 'the substantive motion' after
    them to the next motion or item, as (start, end); None where no amendment follows or none says."""
    if amendments[k] or k + 1 >= len(cues) or not amendments[k + 1]:
        return None
    j = k + 1
    while j < len(cues) and amendments[j]:
        j += 1
    first = cues[k + 1].start
    stop = min(cues[j].start if j < len(cues) else len(body), first + _REACH)
    stop = min(stop, _after(items, first, stop))
    m = _SUBSTANTIVE.search(body, first, stop)
    return (m.start(), stop) if m else None


def _after(offsets: list[int], at: int, default: int) -> int:
    """The first of the sorted `offsets` beyond `at`, else `default`."""
    i = bisect.bisect_right(offsets, at)
    return offsets[i] if i < len(offsets) else default


def _motion(
    text: RecordText, anchor: Anchor, region_end: int, marks, put: tuple[int, int] | None = None
) -> tuple[Motion, tuple[int, int]]:
    """The motion `anchor` opens; `put`: where it was put to the vote after amendments, if it was."""
    body = text.text
    outcome = first_outcome(body[anchor.end : region_end], anchor.end)
    voted = anchor.end
    if outcome is None and put is not None:
        outcome, voted = first_outcome(body[put[0] : put[1]], put[0]), put[0]
    start, (motion_text, end) = anchor.start, _words(body, anchor, outcome, region_end)
    if len(motion_text) < _SHORT_TEXT:  # the words came first: 'It was resolved that ... Proposed by X'
        start = _paragraph_start(body, anchor.start)
        motion_text = body[start : anchor.start].strip(" .,;:\n*")
        outcome = outcome or first_outcome(motion_text, start)
    if opens_debate(anchor) and (notice := _notice_words(body, anchor.start, marks)):
        start, motion_text = notice
    motion = Motion(
        text=text.cited(motion_text[:_TEXT_CHARS], anchor.start),
        kind="amendment" if _is_amendment(body, anchor) else "motion",
        number=anchor.number or _number(body, anchor.start),
        item=item_over(body, marks, anchor.start),
        mover=text.cited(*name_of(anchor.mover)) if anchor.mover else None,
        seconder=text.cited(*name_of(anchor.seconder)) if anchor.seconder else None,
        names=tuple(text.cited(n, at) for n, at in anchor.names),
        outcome=text.cited(outcome[0], outcome[1]) if outcome else None,
        unanimous=bool(_UNANIMOUS.search(body[voted:end] if put else body[anchor.start : end])),
        vote=read_vote(text, voted, end),
        passage=body[start:end].strip(),
    )
    return motion, (start, min(end, region_end))


def _words(body: str, anchor: Anchor, outcome: tuple[str, int] | None, region_end: int) -> tuple[str, int]:
    """A motion's words and where its passage ends: after the cues up to the outcome; else after the
    outcome ('And Resolved: "That ..."', 'it was agreed to allocate ...'); else between mover and
    seconder (a notice of motion and its debate)."""
    text_end = min(outcome[1], region_end) if outcome else region_end
    end = _line_end(body, outcome[1]) if outcome else text_end
    words = _clean_text(body[anchor.end : text_end])
    if len(words) < _SHORT_TEXT and outcome:
        words, after = _resolved_text(body, outcome[1], region_end)
        end = max(end, after)
    if len(words) < _SHORT_TEXT and anchor.mover and anchor.seconder:
        words = body[anchor.mover.end() : anchor.seconder.start()].strip(" .,;:\n*")
    return words, end


def _resolved_text(body: str, at: int, end: int) -> tuple[str, int]:
    """The words of a resolution that opens at `at`, and where they end: after a colon to the closing
    quote where they open with one; else to the end of the sentence."""
    after = body[at:end]
    colon = after.find(":")
    if 0 <= colon <= _RESOLVED_LABEL:
        words = after[colon + 1 :]
        lead = len(words) - len(_past_page_break(words, body))
        words = words[lead:]
        if words and words[0] in '“"':
            close = words.find("”" if words[0] == "“" else '"', 1)
            stop = close + 1 if close > 0 else min(len(words), _TEXT_CHARS)
        else:  # 'And Resolved:' then 'That ...' unquoted: to the sentence's end, without its stop
            stop = sentence_end(words)
        return " ".join(words[:stop].rstrip(".;").split()), at + colon + 1 + lead + stop
    if not _WORDS_FOLLOW.match(after):  # '... and agreed.': the words came before the outcome
        return "", at
    stop = sentence_end(after)
    return " ".join(after[:stop].split()), at + stop


def _past_page_break(words: str, body: str) -> str:
    """`words` without the blank lines, rules and running lines (a line printed on three pages or more,
    such as a scan's notice) that a page break put before them."""
    words = words.lstrip(_PAGE_BREAK)
    running = _running_lines(body)
    while (line := words.split("\n", 1)[0].strip(" *")) and line in running:
        words = words[len(words.split("\n", 1)[0]) :].lstrip(_PAGE_BREAK)
    return words


@functools.lru_cache(maxsize=4)
def _running_lines(body: str) -> frozenset[str]:
    counts = Counter(line.strip(" *") for line in body.splitlines())
    return frozenset(line for line, n in counts.items() if n >= _RUNNING and len(line) >= _RUNNING_CHARS)


def sentence_end(text: str) -> int:
    """Where the first sentence of `text` ends (hard-wrapped lines run on), within _TEXT_CHARS."""
    m = _SENTENCE_END.search(text, 0, _TEXT_CHARS)
    return m.end() if m else min(len(text), _TEXT_CHARS)


def _clean_text(text: str) -> str:
    """A motion's words: votes cut off, and trailing short lines (the next motion's heading) dropped."""
    cut = _VOTE_START.search(text)
    lines = (text[: cut.start()] if cut else text).rstrip().splitlines()
    while lines and len(lines[-1].split()) <= _HEADING_WORDS:
        lines.pop()
    # '... delayed a year was lost': the words end before the outcome's verb and subject
    return _TRAILING.sub("", "\n".join(lines)).strip(" .,;:\n*")


def _notice_words(body: str, at: int, marks) -> tuple[int, str] | None:
    """The notice ('I will move at the next Meeting that ...') that stands above `at` in its item, as
    (offset, words); None where there is none."""
    item = max((s for s, _ in marks if s <= at), default=0)
    found = list(_NOTICE.finditer(body, max(item, at - _NOTICE_REACH), at))
    if not found:
        return None
    return found[-1].start(), " ".join(body[found[-1].start() : at].replace("*", " ").split())


def _sentence_start(body: str, start: int, at: int) -> int:
    """Where the sentence holding `at` begins, at `start` or after: a decision closing a paragraph of
    discussion ('... HPC agreed to write to Mr Taylor') is that sentence, not the discussion."""
    stops = list(_SENTENCE_END.finditer(body, start, at))
    if not stops:
        return start
    after = stops[-1].end()
    return after + len(body[after:at]) - len(body[after:at].lstrip())


def _paragraph_start(body: str, at: int) -> int:
    cut = body.rfind("\n\n", 0, at)
    return cut + 2 if cut >= 0 else 0


def _line_end(body: str, at: int) -> int:
    end = body.find("\n", at)
    return end if end >= 0 else len(body)


def _is_amendment(body: str, anchor: Anchor) -> bool:
    """'An amendment moved by', 'X proposed an amendment', or a short heading just above ('Amendment',
    'Second Amendment'); a previous motion's words above do not count."""
    start = anchor.start
    if anchor.mover is not None and _AMENDMENT.search(anchor.mover.group(0)):
        return True  # 'Councillor X proposed an amendment ...'
    line_start = body.rfind("\n", 0, start) + 1
    above = [ln for ln in body[max(0, line_start - 300) : line_start].splitlines() if ln.strip()]
    headings = [ln for ln in above[-_LEAD_LINES:] if len(ln.split()) <= _HEADING_WORDS + 1]
    lead_text = " ".join([*headings, body[line_start:start]])
    return bool(_AMENDMENT.search(lead_text)) and not _NOT_AMENDMENT.search(lead_text)


def _number(body: str, start: int) -> str | None:
    line_start = body.rfind("\n", 0, start) + 1
    m = _NUMBER.match(body[line_start:start])
    return m.group("n") if m else None


def _resolution(text: RecordText, m: re.Match, marks) -> Motion:
    body = text.text
    start = _paragraph_start(body, m.start())
    heads = [at for at, _ in marks if start <= at < m.start()]
    if heads:  # an item's heading in the same paragraph ('(a) Youth club') is not the resolution's words
        start = min(_line_end(body, heads[-1]) + 1, m.start())
    end = m.start() + sentence_end(body[m.start() : m.start() + _TEXT_CHARS])
    words = _sentence_start(body, start, m.start())
    return Motion(
        text=text.cited(body[words:end][:_TEXT_CHARS], m.start()),
        kind="resolution",
        item=item_over(body, marks, m.start()),
        outcome=text.cited(resolved_as(body, m), m.start()),
        unanimous=bool(_UNANIMOUS.search(body[m.start() : end])),
        passage=body[start:end].strip(),
    )
