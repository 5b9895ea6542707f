"""An entry of a numbered list asked by its position ('the second recommendation', 'listed third')."""

from __future__ import annotations

import re

from qa.features import Candidate, stems_of

_POSITIONS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_NTH = r"(?P<nth>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|(?:[4-9]|10)th)"
# Positions that are not a list's entries: an ordinance's second reading, a year's third quarter, a
# second home, a vote's second round, the first meeting.
_NOT_ENTRIES = (
    r"readings?|quarters?|halves|half|times?|floors?|years?|days?|weeks?|months?|homes?|rounds?|place"
    r"|tier|class|language|opinion|phase|stage|term|session|party|parties|sentence|paragraph|meetings?"
    r"|occasion|instance|visit|anniversary|birthday|person|people|woman|man"
)
_FIND_WORDS = 16  # the words of a candidate's start that find it in its passage's text
# 'what was point 3 of what the committee agreed?', 'What is area number 4?': an entry by its number
_BY_NUMBER = re.compile(
    r"\b(?P<noun>point|area|entry|bullet)\s+(?:number\s+|no\.?\s*)?(?P<nth>[1-9]|10)\b(?![./])", re.I
)
# 'What was the committee asked to do first …?': its first recommendation
_ASKED_TO_DO = re.compile(
    rf"\b(?:asked|invited|recommended|agreed|resolved)\s+to\s+(?:do|agree|note|approve)\s+{_NTH}\b", re.I
)
_ASKED = (
    re.compile(rf"\b(?:the|its|their|\w+['’]s)\s+{_NTH}\s+(?!(?:{_NOT_ENTRIES})\b)(?P<noun>[a-z]+)", re.I),
    re.compile(rf"\b(?:listed|named|numbered|comes?|came)\s+{_NTH}\b(?!\s+(?:{_NOT_ENTRIES})\b)", re.I),
    _BY_NUMBER,
    _ASKED_TO_DO,
)


def position_asked(question: str) -> int | None:
    """The position of the list entry a question asks by its ordinal or number ('What was the committee's
    second recommendation?' → 2, 'Which area for improvement is listed third?' → 3, 'point 3 of what the
    committee agreed' → 3, 'asked to do first' → 1); None when it asks none. Positions 1 to 10: few lists
    run past ten; the first only by its number or as asked to do."""
    found = _found(question)
    if not found:
        return None
    word = found.group("nth").lower()
    position = _POSITIONS.get(word) or int(word.rstrip("ndrth"))
    # 'the first closed meeting', 'Councillor Bell's first amendment' name an occasion, not an entry:
    # a first entry is read only by its number or as what a committee was asked to do first
    return None if position == 1 and found.re not in (_BY_NUMBER, _ASKED_TO_DO) else position


def _found(question: str) -> re.Match[str] | None:
    return next((m for m in (p.search(question) for p in _ASKED) if m), None)


def _list_noun(found: re.Match[str]) -> str:
    """What the asked list's entries are, by the question's words that ask the position ('recommendation'
    in 'the second recommendation'; what a committee is asked to do is its recommendations); '' when they
    do not say."""
    if "noun" in found.re.groupindex:
        return found.group("noun").lower()
    return "recommendation" if found.re is _ASKED_TO_DO else ""


def opens_entry(text: str, position: int) -> bool:
    """Whether a line opens as the list's entry at that position: its number bare, its letter in
    brackets, or its number under a section's, after any bullet ('2. recommend to Officers …', '- (c) the
    Education Reference Group …', '4) quality …', '2.2 To agree …'); not an amount ('2.5m') or a date."""
    return _opening(text, position) is not None


def _marker(position: int, section: str = "") -> str:
    """The pattern of a list entry's marker at a position: its number ('2.', '2)', '(2)'), its letter
    ('(b)', 'b)'), or under a section, its number after the section's ('2.1 To accept …' is section 2's
    first)."""
    if section:
        return rf"{section}\.{position}\s+(?=[A-Z])"
    return rf"(?:\(?{position}(?:[.)]\s*(?!\d)|\s+-\s)|\(?{chr(96 + position)}\)\s)"


_ITEMS_ASKED = re.compile(r"\b(?:items?|agenda|business)\b", re.I)
_BULLET = r"[\s\-–•*]*"
_SECTION = re.compile(rf"{_BULLET}(\d{{1,2}})\.\d{{1,2}}\s+[A-Z]")
# A line's start that holds only an entry's marker, and a cell's label after it ('4. Resolution: …').
_ONLY_MARKER = re.compile(rf"{_BULLET}\(?[\w.]{{1,5}}\)?\s*(?:[A-Z][^:\n]{{0,40}}:\s*)?")


def _opening(line: str, position: int) -> str | None:
    """'' when the line opens with the bare marker of the entry at the position, its section's number
    when with its dotted one ('2' for '2.1 To accept …'), None when with neither."""
    if re.match(rf"{_BULLET}{_marker(position)}", line):
        return ""
    dotted = _SECTION.match(line)
    if dotted and re.match(rf"{_BULLET}{_marker(position, dotted.group(1))}", line):
        return dotted.group(1)
    return None


def entries_asked(found: list[Candidate], question: str) -> list[Candidate]:
    """The candidates opening the list entry at the position asked ('2. recommend to Officers to explore
    …' for 'the second thing the committee agreed'), in a passage printing the entry before it (or, for
    the first, after it) too, so that a stray numbered line is no list; the reader tells which list is on
    the question's topic. [] when none is asked or found."""
    position = position_asked(question)
    if position is None:
        return []
    noun = set(stems_of(_list_noun(_found(question))))
    kept = []
    for c in found:
        section = _section_at(c, position)
        if section is None or not _lists_beside(c.passage.text, position, section):
            continue
        # reports number every paragraph under its section's number: such a list counts only where its
        # passage names what the question lists ('RECOMMENDATION' over '2.1 To accept …')
        if not section or noun & set(stems_of(f"{c.passage.heading or ''} {c.passage.text}")):
            kept.append(c)
    # an agenda's item title in capitals ('3. APPROVE CITY POSITION …') is an entry only of the agenda's
    # list; asked for another's ('point 3 of the recommendation'), the entries under it answer
    titles = [c for c in kept if c.text.isupper()]
    if titles and len(titles) < len(kept) and not _ITEMS_ASKED.search(question):
        kept = [c for c in kept if not c.text.isupper()]
    return kept


def _section_at(candidate: Candidate, position: int) -> str | None:
    """The candidate's entry's section ('' when none) when it is the entry at the position: it opens
    with the entry's marker, or its passage prints the marker before it on its line, which reading units
    leave out ('2. That the General Manager …' is read as 'That the General Manager …'; '4. Resolution:
    Council Direction …' as its cell). None when it is not."""
    own = _opening(candidate.text, position)
    if own is not None:
        return own
    text = candidate.passage.text
    # entries may share their opening words ('Ratify City position and accept City communication sent
    # to …'): each place its passage prints them is tried
    for at in candidate.printed_at(_FIND_WORDS):
        before = text[text.rfind("\n", 0, at) + 1 : at]
        marked = before.strip() and _ONLY_MARKER.fullmatch(before)
        if marked and (section := _opening(before + candidate.text, position)) is not None:
            return section
    return None


def _lists_beside(text: str, position: int, section: str) -> bool:
    """Whether the passage prints the entry before the one asked ('1.' before '2.'; for the first, the
    second after it), mid-line too: a first entry often follows its lead-in ('It was agreed that the
    Committee: 1.recommend …')."""
    other = position - 1 if position > 1 else 2
    return bool(re.search(rf"(?:^|[\s:;])[\-–•*]?\s*{_marker(other, section)}", text, re.M))
