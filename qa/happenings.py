"""What a 'when' question dates: the happening it names, and the words a paper tells that happening by."""

from __future__ import annotations

import re
from functools import lru_cache

from qa.candidate import stem_set

# 'When will the gullies along Knockane Road be cleared?' is answered by 'The above mentioned gullies will be
# cleared out within the next week.': the period stands beside the happening asked. In a reply all about
# gullies, 'gullies' is the passage's topic and stands beside every figure; the happening's verb is what
# ties the period to the question. Verbs of a happening the question puts after 'be', or names outright.
_AFTER_BE = re.compile(
    r"\b(?:be|been|being|get|gets)\s+(?:fully\s+|now\s+)?([a-z]+(?:ed|en|wn|ne|lt|nt|de|et|ut|ld|id))\b"
)
_NAMED = re.compile(
    r"\b(?:start|starts|begin|begins|commence|commences|re-?open|re-?opens|open|opens|close|closes|finish"
    r"|finishes|end|ends|complete|completes|resume|resumes|launch|launches|happen|happens|proceed|proceeds"
    r"|expire|expires|replace|repair|clear|install|remove|build|erect|resurface|upgrade|publish)\b"
)
# 'When was the plan approved?': the participle the question ends on
_ENDS_ON = re.compile(r"\b(?:was|were|is|are|has|have|had)\b.*\b([a-z]+ed)\W*$")
_WHEN = re.compile(
    r"^\W*(?:\w+\W+){0,3}?when\b|\bby when\b|\bwhat (?:date|timescale|timeframe)\b"
    r"|\b(?:over|during|in|between) (?:what|which) (?:months|years|weeks|dates|period)\b"
)
# 'Over which months did the council work on updating the Pledge?': the work a gerund names
_GERUND = re.compile(r"\b(?:on|in|of|for)\s+([a-z]+ing)\b")
# Works put in hand are told in one of several verbs: a question's 'be undertaken' is a reply's 'will be
# carried out', 'completed' or 'done'. Stems, as qa/candidate.py keeps a sentence's words.
_WORKS = stem_set("undertaken carried done completed delivered commenced implemented progressed started")
# A paper revised is told in one of several verbs too: 'the work of rewriting the Pledge' is 'the task of
# updating the Pledge'.
_REVISES = stem_set(
    "rewrite rewriting rewritten redraft redrafting revise revising update updating refresh refreshing"
)


@lru_cache(maxsize=1 << 10)
def happening(question: str) -> frozenset[str]:
    """Stems of the happening a date question asks when of ('When will the trees be replaced?' →
    {'replac'}), with every verb works are told by when it is one of them; empty for a question not
    asking when, or naming no happening."""
    text = question.lower()
    if not _WHEN.search(text):
        return frozenset()
    named = stem_set(
        " ".join(
            [*_AFTER_BE.findall(text), *_NAMED.findall(text), *_ENDS_ON.findall(text), *_GERUND.findall(text)]
        )
    )
    for group in (_WORKS, _REVISES):
        named = named | group if named & group else named
    return named
