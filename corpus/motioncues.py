"""Who moved and seconded a motion, as minutes label them, and names printed without labels."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpus.recordtext import NAME, TITLED_NAME, bare, trimmed

_SECOND_REACH = 2500  # a seconder this far after a mover (a notice of motion and its debate) pairs with it


_MOVER = re.compile(
    r"(?i:\b(?:moved|proposed|motion|(?:on\s+the\s+)?propos(?:al|ition))\s+(?:by|of)\b)"
    rf"[ \t]*:?\s+(?P<name>{NAME})"
    rf"|\b(?:Moved|Proposed|Mover|MOVED|PROPOSED)(?:\s+(?i:by))?[ \t]*:[ \t]*(?P<name2>{NAME})"
    rf"|(?m:^(?P<name4>{NAME}):[ \t]+(?:[^\n]{{0,60}}?\b)?I(?:’ll|'ll|\s+will)?\s+move)\b"
    # a notice's heading, not a mention ('referred to the Notice of Motion submitted by X in March')
    rf"|(?m:^)[ \t*#]*(?:\d{{1,3}}[.)]?[ \t*]+)?"
    rf"(?i:notice\s+of\s+motion)[^\n]{{0,20}}?(?i:submitted\s+by|in\s+the\s+name\s+of)\s+(?P<name3>{NAME})"
    # 'Councillor Kaur moved, and Councillor Riley seconded, the following motion:'
    rf"|(?P<name5>{TITLED_NAME})\s+(?:proposed|moved),?\s+"
    r"(?:that|the\s+(?:motion|following|adoption)|and|(?i:an\s+amendment))\b"
    rf"|(?i:\bin\s+(?:proposing|moving)\s+(?:the|this)\s+motion),?\s+(?P<name6>{TITLED_NAME})"
)


_GROUPS = ("name", "name2", "name3", "name4", "name5", "name6", "name7")
# 'Councillor Teskey noted ... and proposed, seconded by Councillor Keary that ...': the mover is the
# titled name that opens the sentence; a sentence that opens otherwise names no mover.
_AND_PROPOSED = re.compile(r"(?i)\band\s+(?:proposed|moved),?\s+(?=seconded\s+by\b)")
_SUBJECT = re.compile(rf"[ \t•*\-]*(?P<name7>{TITLED_NAME})")
_SENTENCE_BREAK = re.compile(
    r"(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bCo)(?<!\b[A-Z])[.!?][\"”’]?\s+(?=[A-Z•(\d])"
    r"|(?=•)"  # not a blank line: many minutes print one between every wrapped line
)
_SENTENCE_CHARS = 600  # a sentence's subject is looked for this far back
# a heading between the last sentence and the subject ('5. Other business'): a short line with no stop
_HEADING_LINE = re.compile(r"[ \t]*(?:\S+[ \t]+){0,5}\S+(?<![.!?:;,])[ \t]*\n\s*")


_SECONDER = re.compile(
    # 'proposed and seconded by Councillors X and Y' says neither who moved nor who seconded
    rf"(?<!proposed and )(?<!moved and )(?i:\bsecond(?:ed)?\s+by\b)[ \t]*:?\s+(?P<name>{NAME})"
    rf"|\b(?:Seconded|Seconder|SECONDED)[ \t]*:[ \t]*(?P<name2>{NAME})"
    rf"|(?P<name3>{NAME})[ \t]+seconded\s+the\s+(?i:motion|amendment|proposal)"
    # 'Cllr Patel moved and Cllr Black seconded that ...'
    rf"|(?P<name4>{TITLED_NAME})[ \t]+seconded,?\s+(?=(?:that|it|the\s+(?:following|motion|amendment))\b)"
    rf"|(?i:\bin\s+seconding\s+(?:the|this)\s+motion),?\s+(?P<name5>{TITLED_NAME})"
)


# A resolution number followed by two names and nothing else: who moved and who seconded is not said.
_NAMES = re.compile(
    rf"(?m)^[ \t*]*(?P<num>[A-Z]{{0,3}}\d{{2,4}}[-/]\d{{1,4}})[ \t]+(?P<names>{NAME}(?:,[ \t]*{NAME})+)"
    r"[ \t]*:?[ \t*]*$"
)


_TITLED = re.compile(
    r"(?i)^(?:councillors?|cllrs?|mayor|deputy|alderm|ald|commissioner|supervisor|trustee|"
    r"council ?member|member|mr|mrs|ms|miss|dr|cmhlr)\b"
)


@dataclass
class Anchor:
    """The cues of one motion: where they start and end, and the names they give."""

    start: int
    end: int
    mover: re.Match | None = None
    seconder: re.Match | None = None
    names: list[tuple[str, int]] = field(default_factory=list)
    number: str | None = None


def name_of(m: re.Match) -> tuple[str, int]:
    group = next(g for g in _GROUPS if g in m.groupdict() and m.group(g))
    return trimmed(m.group(group)), m.start(group)


def anchors(text: str, items: Sequence[int] = ()) -> list[Anchor]:
    """Movers paired with the seconder that follows them, lone seconders, and unlabelled name pairs.
    `items`: sorted offsets of item headings; one motion's cues never run across one."""
    movers = [(m.start(), "m", m) for m in _MOVER.finditer(text) if _plausible(m)]
    movers += [(m.start(), "m", m) for m in _subject_movers(text)]
    seconders = [(m.start(), "s", m) for m in _SECONDER.finditer(text) if _plausible(m)]
    anchors: list[Anchor] = []
    for start, kind, m in sorted(movers + seconders, key=lambda t: t[0]):
        _place(anchors, start, kind, m, items)
    for anchor in anchors:
        # a notice of motion's submitter moved it only where the minutes say so, or name a seconder
        if anchor.mover and _cue(anchor.mover, "name3") and anchor.seconder is None:
            anchor.mover = None
    for m in _NAMES.finditer(text):
        names = [(n.strip(), m.start("names") + i) for n, i in _split_names(m.group("names"))]
        anchors.append(Anchor(m.start(), m.end(), names=names, number=m.group("num")))
    return sorted((a for a in anchors if _credible(a)), key=lambda a: a.start)


def _place(anchors: list[Anchor], start: int, kind: str, m: re.Match, items: Sequence[int]) -> None:
    """Add cue `m` (a mover 'm' or seconder 's' at `start`) to the last anchor it belongs to, or as a
    new one."""
    last = anchors[-1] if anchors else None
    same_item = last is not None and _same_item(items, last.start, start)
    if kind == "s" and last and last.seconder is None and last.mover and start - last.end < _SECOND_REACH:
        last.seconder, last.end = m, m.end()
    elif (
        kind == "m"
        and last
        and last.mover
        and last.seconder is None
        and _cue(last.mover, "name3")
        and _same(last.mover, m)
        and start - last.end < _SECOND_REACH
    ):
        last.mover, last.end = m, m.end()  # 'Notice of Motion submitted by X' ... 'proposed by X'
    elif kind == "m" and _cue(m, "name6") and last and last.mover and _same(last.mover, m) and same_item:
        return  # 'proposed by X', then 'In proposing the motion X noted ...': one motion's cues
    elif kind == "m":
        anchors.append(Anchor(start, m.end(), mover=m))
    elif not (last and last.seconder and last.seconder.start() == start):
        anchors.append(Anchor(start, m.end(), seconder=m))


def _same_item(items: Sequence[int], a: int, b: int) -> bool:
    """No item heading starts after offset `a` and at or before `b`."""
    i = bisect.bisect_right(items, a)
    return i >= len(items) or items[i] > b


def _subject_movers(text: str) -> list[re.Match]:
    """Movers named as the subject of a sentence that ends '... and proposed, seconded by Y'."""
    found = []
    for cue in _AND_PROPOSED.finditer(text):
        back = max(0, cue.start() - _SENTENCE_CHARS)
        breaks = list(_SENTENCE_BREAK.finditer(text, back, cue.start()))
        if not breaks and back > 0:
            continue  # the sentence's start is out of reach
        start = breaks[-1].end() if breaks else 0
        while (heading := _HEADING_LINE.match(text, start)) and heading.end() < cue.start():
            start = heading.end()
        subject = _SUBJECT.match(text, start)
        if subject and subject.end() <= cue.start():
            found.append(subject)
    return found


def opens_debate(anchor: Anchor) -> bool:
    """The anchor is 'In proposing the motion, X ...': what follows is debate, the motion's words
    (a notice's 'I will move ...') came before it."""
    return anchor.mover is not None and bool(_cue(anchor.mover, "name6"))


def _cue(m: re.Match, group: str) -> str | None:
    """A named group of a cue, None where that cue's pattern has no such group."""
    return m.groupdict().get(group)


def _same(a: re.Match, b: re.Match) -> bool:
    """Two cues naming one member: the same surname, whatever the titles and initials."""
    return _surname(name_of(a)[0]) == _surname(name_of(b)[0])


def _surname(name: str) -> str:
    words = re.sub(r"\(\w\)", "", member(name)).split()
    return words[-1] if words else ""


def _plausible(m: re.Match) -> bool:
    """One untitled abbreviated word followed by a digit or lower-case text ('Cmhir. 0 Ceallaigh',
    where OCR garbled a title and the name) is no name: better none than a wrong one."""
    raw = _raw(m)
    after = m.string[m.end() : m.end() + 3].lstrip(" \t")
    garbled = len(raw.split()) == 1 and raw.endswith(".") and after[:1].isdigit() | after[:1].islower()
    return not garbled


def _raw(m: re.Match) -> str:
    group = next(g for g in _GROUPS if g in m.groupdict() and m.group(g))
    return m.group(group).strip(" ,;:*")


def _split_names(names: str) -> list[tuple[str, int]]:
    out, at = [], 0
    for part in names.split(","):
        out.append((part, at + len(part) - len(part.lstrip())))
        at += len(part) + 1
    return out


def _credible(anchor: Anchor) -> bool:
    """A mover with no seconder counts only when the name carries a title ('Councillor X'): an untitled
    capitalised phrase after 'proposed by' is as often an organisation as a member."""
    if anchor.mover is None or anchor.seconder is not None:
        return True
    return bool(_TITLED.match(name_of(anchor.mover)[0]))


def member(name: str) -> str:
    """A name as compared across papers: titles dropped, case folded."""
    return bare(name).casefold()
