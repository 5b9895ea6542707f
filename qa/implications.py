"""A report's section named by what it weighs ('Any IT implications?'): what it says."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.passage import Passage
from qa.answertype import expected
from qa.candidate import stems_of
from qa.facts import clip
from qa.query import proper_words
from qa.typematch import names_all, of_named

# 'Did the report identify any IT implications?', 'What are the legal implications of …?', 'Any personnel
# implications in …?': the words before the noun name the section, as reports head it ('IT', '10.0 Legal
# Implications', 'Property and Asset Management'). Not 'What fiscal impact …?', which asks a sum.
_ASKED = re.compile(
    r"\b(?:any|the|its|their|what(?:\s+(?:are|were|is|was))?(?:\s+the)?)\s+"
    r"((?:(?!(?:of|on|for|in|from|to|any|the|its|their|what|are|were|is|was|report)\b)[\w&'’/()-]+\s+){1,5})"
    r"implications?\b",
    re.I,
)
# Only what a section says is asked: a name, a value or what became of it is the reader's to find in it
# ('Which Act does the legal implications section cite?', 'What is the estimated cost of the financial
# implications?', 'Was the recommendation approved?').
# 'Why didn't the report say what the financial implications would be?' asks a reason the section may give
# in its second sentence: the reader finds it.
_ACCOUNTS = frozenset({"status", "description", "decision", "list"})
_OUTCOME = re.compile(r"\b(?:approv|reject|refus|decid|happen|outcome|vot|carried|became)\w*", re.I)
_SECTION_NOUNS = frozenset({"implic"})
# 'Which Act does the legal implications section cite?' asks a thing the section names, not what it says
_THING = re.compile(
    r"^\W*(?:which|what)\s+(?!(?:is|was|are|were|did|does|do|has|have|had|will|would)\b)", re.I
)
_REACH = 5  # chunks either side of a section read for what its report is about: a cover sheet's length
_ACRONYM = re.compile(r"[A-Z]{2,5}")  # 'IT', 'HR': a stopword only in lower case
_HEADING_WORDS = 12  # a heading or label of its own ('Implications for the Medium Term Financial Plan …')
# what a section heading heads is a sentence ('4.1 None arising from this report', '5.1 Not applicable.'), not
# the next label of a form ('Financial officer' over 'Human Resources officer')
_SENTENCE = re.compile(r"^\d+(?:\.\d+)*\s+\S|[.!:;)]$|^(?:\S+\s+){5}")


def _words(text: str) -> frozenset[str]:
    """The stems of a heading's or a question's words, acronyms kept, numbers and section nouns not."""
    words = re.findall(r"[\w&'’-]+", text)
    stems = (s for w in words for s in ((w.lower(),) if _ACRONYM.fullmatch(w) else stems_of(w)))
    return frozenset(s for s in stems if s.isalpha())


def asked_heading(question: str) -> frozenset[str] | None:
    """The stems of the section a question asks what it says ({'it'} for 'Did the report identify any IT
    implications?'); None when it asks none, or asks a name, a value or an outcome of it."""
    if expected(question).kind not in _ACCOUNTS or _OUTCOME.search(question):
        return None
    m = _ASKED.search(question)
    if m and (thing := _THING.match(question)) and m.start() > thing.start():
        return None
    named = _words(m.group(1)) - _SECTION_NOUNS if m else frozenset()
    return named or None


def _heads(heading: str, named: frozenset[str]) -> bool:
    """Whether a heading line names the section: all the asked words in a line of a heading's length."""
    words = heading.split()
    return 0 < len(words) <= _HEADING_WORDS and named <= _words(heading)


def sections(paper: Sequence[Passage], named: frozenset[str]) -> list[tuple[int, str, str]]:
    """(position, heading, paragraph) of each section of a paper (its passages in order) headed by the
    asked words: a passage opening a heading of its own (a chunk after it keeps the heading, so the first
    chunk under it is the section), or a label line of a passage's text ('Carbon Footprint (Environmental)
    Implications:'), with the paragraph under it."""
    found = []
    for at, passage in enumerate(paper):
        lines = [line.strip() for line in passage.text.split("\n")]
        opens = at == 0 or paper[at - 1].heading != passage.heading
        if opens and passage.heading and _heads(passage.heading, named):
            lines = [passage.heading, *lines]
        for n, line in enumerate(lines):
            paragraph = next((rest for rest in lines[n + 1 :] if rest), "")
            if _heads(line.rstrip(":"), named) and _SENTENCE.search(paragraph):
                found.append((at, line.rstrip(": "), paragraph))
                break
    return found


def _of_report(
    held: list[tuple[int, str, str]], paper: Sequence[Passage], at: int, proper: Sequence[str]
) -> tuple[int, str, str]:
    """Of a paper's sections, the one of the report about what the question names: most chunks whose text
    names it within _REACH of the section (a cover sheet's implications precede its report, an appendix's
    follow it; a chunk's heading may be the last report's), then the nearest the paper's best passage."""

    def about(section: tuple[int, str, str]) -> tuple[int, int]:
        near = paper[max(0, section[0] - _REACH) : section[0] + _REACH + 1]
        return -sum(names_all(p.text, proper) for p in near), abs(section[0] - at)

    return min(held, key=about)


def implication(
    question: str, passages: Sequence[Passage], paper_of: Callable[[int], Sequence[Passage]], words: int
) -> tuple[str, list[Passage]] | None:
    """What the asked section says ('IT: 4.1 None arising from this report'), with the passage it is in:
    of the papers of the retrieved passages naming what the question names, in rank order, the first that
    heads such a section, and of its sections the one of the report the question names (_of_report).
    None when no section is asked or no such paper heads one."""
    named = asked_heading(question)
    if not named:
        return None
    proper = proper_words(question)
    best: dict[str, Passage] = {}  # each paper's best passage, papers in rank order
    for passage in passages:
        if of_named(passage, proper):
            best.setdefault(passage.source, passage)
    for first in best.values():
        paper = list(paper_of(first.chunk_id))
        if held := sections(paper, named):
            at = next((n for n, p in enumerate(paper) if p.chunk_id == first.chunk_id), 0)
            position, heading, paragraph = _of_report(held, paper, at, proper)
            return f"{heading}: {clip(paragraph, words)}", [paper[position]]
    return None
