"""The sentence a sentence follows on from: cut from it by a chunk boundary, or pointed back to."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from index.passage import Passage
from qa.units import Unit, unit_at, units_of

CONTINUED = "(continued)"  # how corpus/chunker.py marks a piece of a row or a turn cut at its sentences


def lead_ins(passages: Iterable[Passage], read: Callable[[list[int]], list[Passage]]) -> dict[int, str]:
    """For each passage that continues a row or a speaker's turn from the chunk before it ('Pledge 48 …
    (continued)' / 'A total reach of 631.9k users …'), the last sentence of that chunk ('Fostering
    Fortnight was promoted through newsroom and social media.'), by chunk id. `read` gives the passages
    of chunk ids (Store.passages); one call for all of them."""
    continued = [p for p in passages if p.text.split("\n", 1)[0].endswith(CONTINUED)]
    if not continued:
        return {}
    before = {p.chunk_id: p for p in read([p.chunk_id - 1 for p in continued])}
    leads = {}
    for passage in continued:
        prior = before.get(passage.chunk_id - 1)
        if prior is not None and prior.source == passage.source and (units := units_of(prior.text)):
            leads[passage.chunk_id] = units[-1].text
    return leads


def run_on(
    passage: Passage, said: str, words: int, after: Callable[[int], Passage | None]
) -> tuple[str, Passage | None]:
    """What the next chunk goes on to say of the row or turn that `said` (the passage's last sentences,
    as shown) ends the passage in: the sentences after its '(continued)' label up to the paragraph's end,
    as many as fit in `words`, and that chunk; ('', None) when `said` does not end the passage or the
    next chunk does not continue it. A chunk boundary cuts a cell's account mid-paragraph ('A dedicated
    … post has been advertised.' / 'This dedicated role will help …')."""
    units = units_of(passage.text)
    if not units or not said.endswith(units[-1].text) or words <= 0:
        return "", None
    following = after(passage.chunk_id)  # the next chunk of its paper (Store.next_passage)
    if following is None or not following.text.split("\n", 1)[0].endswith(CONTINUED):
        return "", None
    units = units_of(following.text)
    start = opening(units)
    kept: list[str] = []
    for unit in units[start:] if start is not None else ():
        # the opening sentence starts a line (after the label); the next line is another paragraph
        if (kept and unit.opens_line) or unit.label or len(" ".join([*kept, unit.text]).split()) > words:
            break
        kept.append(unit.text)
    return (" ".join(kept), following) if kept else ("", None)


def opening(units: Sequence[Unit]) -> int | None:
    """The index of the first unit after a continuation's label: the sentence the cut separated."""
    return next((at for at, unit in enumerate(units) if not unit.text.endswith(CONTINUED)), None)


# A sentence naming its thing only by pointing back ('The Parish Council objects to this application.',
# after 'Planning ref: 3/18/0972/FUL … Construction of a new house …'): the sentence before it names it.
_POINTS_BACK = re.compile(
    r"\b(?:this|the above|the said|that)\s+(?:application|proposal|item|matter|motion|request|scheme|report"
    r"|recommendation|amendment)\b",
    re.I,
)


# A seconder's or mover's sentence naming its motion only as 'the motion' ('Mr. Rosenbaum seconded the motion
# which carried 7-0.', after 'Mr. Kelley moved to APPROVE. Approval of the rezoning …'): the motion was
# moved earlier in the paragraph.
_MOTION_BACK = re.compile(r"\b(?:seconded|moved|supported|withdrew|amended)\s+the\s+motion\b", re.I)
_MOVED = re.compile(r"\b(?:moved|proposed)\b", re.I)
_MOTION_REACH = 8  # units back to the motion's opening: a motion's conditions may run to several


def motion_back(units: Sequence[Unit], at: int) -> str:
    """The motion unit `at` seconds or moves only as 'the motion': the unit of its paragraph that moved
    it and the one after (what was moved), within _MOTION_REACH units; '' otherwise."""
    unit = units[at]
    if unit.opens_line or unit.label or not _MOTION_BACK.search(unit.text):
        return ""
    for back in range(at - 1, max(-1, at - 1 - _MOTION_REACH), -1):
        if _MOVED.search(units[back].text):
            return " ".join(u.shown for u in units[back : min(back + 2, at)])
        if units[back].opens_line or units[back].label:
            return ""
    return ""


# A figure said of the measure the sentence before names ('… the percentage of care leavers in suitable
# accommodation …' then 'By the end of June 2019 this indicator … is currently reported at 95.7%').
FIGURE_BACK = re.compile(
    r"\b(?:this|that|the same)\s+(?:indicator|measure|figure|rate|percentage|proportion|number|total)\b", re.I
)


def pointed_back(units: Sequence[Unit], at: int, pointer: re.Pattern[str] = _POINTS_BACK) -> str:
    """The unit before `at` when unit `at` names its thing only by pointing back to it (`pointer`: a
    decision's 'this application' by default) and both are of one paragraph, as a leading sentence's
    lead-in is read (qa/features.py): '' otherwise."""
    unit = units[at]
    if at == 0 or unit.opens_line or unit.label or not pointer.search(unit.text):
        return ""
    return units[at - 1].shown


# A sentence opening with a figure of one group and saying of it what the sentence before said of another
# ('82 per cent of families either strongly agreed or agreed with … Family Hubs. 76 per cent of
# professionals either strongly agreed or agreed.'): what it is said of is in the sentence before.
_FIGURE_OF = re.compile(
    r"^\W*[£$€]?\d[\d,.]*\s*(?:%|per ?cent\b)?(?:\s+of\s+(?:the\s+|all\s+)?[\w'’-]+)?", re.I
)
_PARALLEL = 0.75  # share of the rest of its words the sentence before holds
_PARALLEL_WORDS = 2  # words it must say besides its figure and group


def parallel_figure(units: Sequence[Unit], at: int) -> str:
    """The unit before `at` when unit `at` opens with a figure (and its group) and most of its other
    words repeat that unit's, in one paragraph: the sentence it says its figure in parallel to; ''
    otherwise."""
    unit = units[at]
    opening = _FIGURE_OF.match(unit.text)
    if at == 0 or unit.opens_line or unit.label or not opening or not opening.group().strip():
        return ""
    rest = re.findall(r"[a-z]+", unit.text[opening.end() :].lower())
    before = set(re.findall(r"[a-z]+", units[at - 1].text.lower()))
    said = sum(w in before for w in rest)
    return units[at - 1].shown if len(rest) >= _PARALLEL_WORDS and said >= _PARALLEL * len(rest) else ""


_TO_DO = re.compile(r"\bto\s+(?:receive|note|consider|approve|agree|elect|confirm)\b", re.I)
_HEADING_WORDS = 6  # a line this short before a unit may be its heading ('09. APOLOGIES FOR ABSENCE')


def headed_by(text: str, sentence: str) -> str:
    """The short line printed just before `sentence` in `text`, which may head it: a list of names under
    'Apologies for absence' is the apologies; '' when none."""
    units = units_of(text)
    at = unit_at(units, sentence)
    before = units[at - 1].text if at else ""
    # an agenda's item saying what the meeting will do ('1 To receive apologies for absence') heads the next
    # item, not names under it
    return before if len(before.split()) <= _HEADING_WORDS and not _TO_DO.search(before) else ""
