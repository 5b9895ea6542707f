"""What a figure question measures: a thing's value, a sum by its noun, a share's group."""

from __future__ import annotations

import re
from functools import lru_cache

# 'What is the price of the memorial bench for …': a value asked of a thing the question names, whose
# sentence must name it too ('£10k left in the Playground account' is not the bench's price).
# The words that end a thing's name in a question: a preposition, a relative, a participle.
_THING_ENDS = (
    r"for|to|by|at|in|on|from|with|as|that|which|according|under|\w+ed"
    r"|sent|paid|given|made|bought|built|held|spent|due|agreed"  # participles not ending in -ed
)
_MEASURE_OF = re.compile(
    r"\bwhat (?:is|was|will be|are|were) the (?:[\w-]+ )?(?:price|cost|amount|value|fee|charge|salary)"
    # 'the salary range for the City Manager': a sum's range or scale is for a post
    r"(?: of| (?:range|scale|band) (?:of|for)) (?:the |a |an |its |their )?((?:[\w'’-]+ ){0,3}?[\w'’-]+?)"
    rf"(?= (?:{_THING_ENDS})\b|[?,.]|$)",
    re.I,
)


# 'How much is the 100 Day Challenge reward that …?': the value of the thing the question names after 'is';
# 'By how much was the City proposing to reduce …' asks a change, its subject no thing valued
_HOW_MUCH_IS = re.compile(
    r"(?<!\bby )\bhow much (?:is|was|are|were|will be) (?:the |a |an |its |their |[A-Z][\w'’-]*['’]s )"
    rf"((?:[\w'’-]+ ){{0,4}}?[\w'’-]+?)(?= (?:{_THING_ENDS})\b|[?,.]|$)",
    re.I,
)


# 'How much did the Township's Strategic Plan 2023-2026, approved on …, cost to prepare?': the thing whose
# cost is asked, named before 'cost' (to its first comma, preposition or participle). Not an act ('What will
# raising recreation leader pay cost?'), whose cost a paper tells in its own words ('the budget impact to
# adjust … hourly rates').
_COST_OF = re.compile(
    r"\b(?:how much|what) (?:did|does|do|will|would) (?=[^?]*\bcost\b)(?!\w+ing\b)(?:the |a |an |its |their "
    r"|[A-Z][\w'’-]*['’]s )?((?:[\w'’-]+ ){0,8}?[\w'’-]+?)"
    rf"(?= (?:{_THING_ENDS}|cost)\b|[?,.]|$)",
    re.I,
)


_PRONOUNS = frozenset("it this that these those they them".split())  # name nothing a sentence must name


def measured(question: str) -> str | None:
    """The noun a value question asks the value of ('What is the price of the memorial bench for Sue
    Bolton?' → 'bench', 'How much is the 100 Day Challenge reward …?' → 'reward', 'How much did the
    Strategic Plan 2023-2026 cost?' → 'plan'); None when the question names none that way."""
    m = _MEASURE_OF.search(question) or _HOW_MUCH_IS.search(question) or _COST_OF.search(question)
    named = [w.lower() for w in m.group(1).split() if re.search(r"[a-z]", w, re.I)] if m else []
    return named[-1] if named and named[-1] not in _PRONOUNS else None


# 'What was Souldern Parish Council's precept for 2016/17?': the sum a question names by its own noun, which
# a table prints as its row's name. Not a cost or a budget, which tables print as columns ('Total £s').
_SUM_NOUN = (
    r"(precept|income|salar|surplus|deficit|allocation|contribution|balance|reserve|refund|rebate|grant|fee"
    r"|charge|rent|lev)(?:s|y|ies)?\b"
)
_SUM_NAMED = re.compile(
    rf"\bwhat (?:is|was|are|were|will be) (?:the |[\w'’ -]{{0,40}}?['’]s )?(?:[\w-]+ ){{0,2}}?{_SUM_NOUN}"
    # 'What precept did the council set for 2024/25?': the noun asked before its verb
    rf"|\bwhat (?:[\w-]+ ){{0,2}}?{_SUM_NOUN}(?= (?:did|does|do|will|would|was|is|were|are|has|have|had)\b)",
    re.I,
)


def sum_named(question: str) -> str | None:
    """The noun naming the sum a question asks, as far as its plural keeps it ('precept', 'salar' of
    'salaries'), or None."""
    m = _SUM_NAMED.search(question)
    return next(g for g in m.groups() if g).lower() if m else None


# 'What percentage of Plymouth pupils achieved grade 5 in English and maths?': a share of a group (the
# words after 'of', to its verb) that does something (the rest, which a sentence giving the share names).
_SHARE_OF = re.compile(
    r"\bwhat (?:(?:is|was) the )?(?:percentage|per ?cent|proportion|share|fraction) of (.+)", re.I
)
# Where the question says the share is told ('…, according to the written plans section of the report'):
# no part of what the group did.
_SOURCE_CLAUSE = re.compile(
    r"\b(?:according to|as (?:reported|stated|shown|set out|given) (?:in|by))\b", re.I
)
_GROUP_ENDS = re.compile(
    r"(?:were|was|are|is|did|do|does|have|has|had|who|that|which|went|got|get|go|gain\w*|took|made"
    r"|\w+ed)$",
    re.I,
)
_WHEN_WORDS = re.compile(r"(?:\d{4}(?:/\d{2,4})?|end|start|quarter|year|month|week)$", re.I)


def share_predicate(question: str) -> tuple[str, ...]:
    """The words of what a share question's group did or was ('achieved grade 5 in English and maths'),
    without when it was ('in 2019'); empty when the question is no 'what percentage of …' or its group
    has no verb to part it from the rest."""
    m = _SHARE_OF.search(question.rstrip("?"))
    group = _SOURCE_CLAUSE.split(m.group(1), maxsplit=1)[0] if m else ""  # not the paper that says it
    words = re.findall(r"[\w/'’-]+", group)
    at = next((i for i, w in enumerate(words) if i and _GROUP_ENDS.match(w)), None)
    return tuple(w for w in words[at:] if not _WHEN_WORDS.match(w)) if at is not None else ()


# 'When was the Fostering Summit held?', 'When was the Plymouth Standards Partnership set up?': the date of
# an event or a body the question names in capitals, which a sentence giving its date names too ('A
# Fostering recruitment event was held on June 24th 2017' is another event's date). A possessive names
# whose it is ('Derby's'); the name's last two words tell it ('Standards Partnership'; a place before them
# may go unprinted), and one capital word ('Cabinet') too little to tell one event from another. A name
# before a word for people ('When did Derby's Strategic Services people go …?') is whose staff acted, not
# an event: what they did is dated wherever their team's table is, under whatever heading.
_WHEN_NAMED = re.compile(
    r"^\W*(?i:(?:when|on what (?:date|day)|what date|which date)\s+(?:was|were|is|are|did|does|will|has|had)"
    r"\s+(?:the\s+)?)(?P<name>(?:[A-Z][\w'’-]*\s+){2,6})(?P<after>[a-z]+)"
)
_OWNER = re.compile(r"['’]s?$")
_PEOPLE = frozenset("people staff officers members councillors managers directors colleagues workers".split())


def event_named(question: str) -> tuple[str, ...]:
    """The last two words of the event or body whose date a question asks by its capitalised name
    ('Fostering', 'Summit' in 'When was the Fostering Summit held?'); () when it names none so."""
    m = _WHEN_NAMED.search(question)
    words = m.group("name").split() if m and m.group("after") not in _PEOPLE else []
    owned = [n for n, w in enumerate(words) if _OWNER.search(w)]
    named = words[owned[-1] + 1 :] if owned else words
    # a reference ('SP20-004') pins the item itself, whose rows need not repeat it
    return tuple(named[-2:]) if len(named) >= 2 and not any(c.isdigit() for c in "".join(named)) else ()


# A rate printed as 'per month', 'a week', 'each year' is the monthly, weekly or yearly one a question asks.
_RATE = re.compile(r"\b(?:per|a|an|each|every|/)\s*(hour|week|month|year|annum)\b", re.I)
_RATE_WORDS = {
    "hour": "hourly",
    "week": "weekly",
    "month": "monthly",
    "year": "annual annually yearly",
    "annum": "annual annually yearly",
}


def rate_words(sentence: str) -> str:
    """The adverbs of the rates a sentence prints: '$75.00 per month' → 'monthly', as a question asks 'what
    monthly allowance'; '' when it prints none."""
    return " ".join(_RATE_WORDS[m.group(1).lower()] for m in _RATE.finditer(sentence))


_RATE_ASKED = re.compile(
    r"\b(hour|week|month|year)ly\b|\b(annual)(?:ly)?\b|\b(?:per|a|an|each|every)\s+(hour|week|month|year|annum)\b",
    re.I,
)
_YEAR = "year annum"
_RATE_NOUNS = {
    "hour": "hour",
    "week": "week",
    "month": "month",
    "year": _YEAR,
    "annual": _YEAR,
    "annum": _YEAR,
}


@lru_cache(maxsize=1 << 8)  # asked of every candidate's sentence
def rates_asked(question: str) -> str:
    """The nouns a rate the question asks is printed with: 'what monthly allowance' → 'month', as in
    '$75.00 per month'; '' when it asks none."""
    found = (next(g for g in m.groups() if g).lower() for m in _RATE_ASKED.finditer(question))
    return " ".join(_RATE_NOUNS[word] for word in found)
