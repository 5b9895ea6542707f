"""A report's section asked for by name: the items under RECOMMENDATIONS answer what it recommends."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.passage import Passage
from qa.answertype import without_lead_in
from qa.candidate import stems_of
from qa.facts import clip
from qa.query import proper_words
from qa.tally import under_heading
from qa.typematch import of_named

# (stem of the heading's own noun, what asks for that section), first match wins: the reasons for a
# recommendation before the recommendation. Only 'what' questions: 'Which recommendations were
# rejected?' or 'Was the recommendation approved?' ask what became of them, not what they say.
_SECTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "reason",
        re.compile(r"^\W*what\b.{0,60}?\breasons?\s+(?:for|behind)\s+(?:the\s+|its\s+)?recommend", re.I),
    ),
    (
        "recommend",
        re.compile(
            r"^\W*what\s+(?:did|does|do|is|was|are|were|has|have)\b.{0,100}?"
            r"\b(?:recommend(?:s|ed)?|recommendations?)\b(?!\s*\d)"
            # what a meeting was asked to do with a report is what the report recommends; asked to do
            # about a matter, it is one item's recommendation of an agenda's many, for the reader to find
            r"|^\W*what\s+(?:is|was|are|were)\s+(?:the\s+)?[\w' -]{0,60}?\basked\s+to\s+"
            r"(?:do|agree|note|consider|decide|endorse)\b(?=.*\b(?:report|paper)\b)",
            re.I,
        ),
    ),
)
# What a report or the asking says of itself, naming no paper: 'What did the report recommend?'
_DOCUMENT = frozenset(stems_of("report paper document officer officers recommend recommendation reasons"))
# Words the outcome of a recommendation is asked in: minutes, not the report, answer those. Not 'agree'
# or 'accept', which recommendations themselves ask ('What was the committee recommended to agree?').
_OUTCOME = re.compile(r"\b(?:approv|reject|refus|decid|happen|outcome|vot|carried|became)\w*", re.I)
_LEAD_WORDS = 20  # words the section's heading and the citation markers take of the answer's budget
_LEAST_ITEM_WORDS = 8  # an item shows at least its opening words, however many there are


def asked_section(question: str) -> str | None:
    """The stem of the heading noun of the report section the question asks for ('recommend' for
    'What did the report recommend?'), or None when it asks for none or asks what became of one."""
    if _OUTCOME.search(question):
        return None
    # 'At the Corporate Parenting Committee on 23 February 2016, what was the committee recommended to do?'
    asking = without_lead_in(question)
    return next((head for head, asks in _SECTIONS if asks.search(asking)), None)


def section(
    question: str,
    passages: Sequence[Passage],
    next_passage: Callable[[int], Passage | None],
    chunks: int,
    words: int,
    paper_of: Callable[[int], Sequence[Passage]] | None = None,
) -> tuple[str, list[Passage]] | None:
    """The items under the asked section's heading in the first of `passages` (rank order) of the paper
    the question names (its title, council, meeting, date and heading hold the question's other words),
    read on into at most `chunks` later chunks: 'RECOMMENDATION: To accept …; To agree …; To review …',
    within about `words` words, with the passages it used (the heading's first). When no retrieved
    passage opens the section, the paper of the best one naming what the question names is read
    (`paper_of`: a chunk id's paper's passages in order): 'What does Item 6 … recommend?' retrieves the
    report's opening, not its RECOMMENDATION heading. None when the question asks for no section or no
    paper read opens one."""
    head = asked_section(question)
    if not head:
        return None
    own = frozenset(stems_of(question)) - _DOCUMENT - {head}
    named = [p for p in passages if of_named(p, proper_words(question))]
    papers = [paper_of(named[0].chunk_id)] if named and paper_of else []
    for passage in [*named, *(p for paper in papers for p in paper)]:
        if found := under_heading(passage, head, own, next_passage, chunks, words):
            share = max(_LEAST_ITEM_WORDS, (words - _LEAD_WORDS) // len(found.items))
            listed = "; ".join(clip(item.rstrip(" .;"), share) for item in found.items)
            return f"{found.lead} {listed}.", [found.passage, *found.later]
    # a section of one paragraph, no list: a cover sheet's 'Recommendations and Reasons' over one sentence,
    # in the best passage naming what the question names or the few chunks after it in its paper that do
    # too (a pack of several reports has a section of each)
    for passage in _read_on(named[0], papers[0], chunks) if papers else ():
        if of_named(passage, proper_words(question)) and (told := paragraph_under(passage.text, head)):
            heading, paragraph = told
            return f"{heading}: {clip(paragraph, words - _LEAD_WORDS)}", [passage]
    return None


def _read_on(first: Passage, paper: Sequence[Passage], chunks: int) -> Sequence[Passage]:
    """`first` and up to `chunks` passages after it in its paper's order."""
    at = next((n for n, p in enumerate(paper) if p.chunk_id == first.chunk_id), None)
    return [first] if at is None else paper[at : at + chunks + 1]


_HEADING_WORDS = 5  # a heading line of its own is short ('Recommendations and Reasons')
_PARAGRAPH_WORDS = 4  # what it heads is a sentence, not another heading


def paragraph_under(text: str, head: str) -> tuple[str, str] | None:
    """A heading line of its own whose first word's stem is `head` ('Recommendations and Reasons', not
    'Reasons for Recommendation'), and the paragraph under it; None when the text prints no such line."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        words = line.split()
        if not (0 < len(words) <= _HEADING_WORDS and stems_of(words[0])[:1] == (head,)):
            continue
        paragraph = next((rest.strip() for rest in lines[at + 1 :] if rest.strip()), "")
        if len(paragraph.split()) >= _PARAGRAPH_WORDS:
            return line.strip().rstrip(":"), paragraph
    return None
