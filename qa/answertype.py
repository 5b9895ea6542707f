"""What kind of answer a question asks for: a data table read top to bottom, first match wins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.answertable import KEYWORDS, TABLE
from qa.asks import AUX

# The answer types the reader knows; spans (qa/spans.py) carry the same names.
KINDS = (
    "person",
    "role",
    "organisation",
    "place",
    "contact",
    "date",
    "time",
    "frequency",
    "number",
    "money",
    "percent",
    "decision",
    "status",
    "list",
    "reason",
    "description",
)
# Kinds answered by an account, the answering sentence's paragraph, rather than by one value or name.
ACCOUNT_KINDS = frozenset({"reason", "description"})
# Kinds answered by one name or value.
NAMED_OR_VALUED = frozenset(
    "person role organisation place contact date time frequency number money percent".split()
)


# A decision question that asks what came of a matter, which only minutes, not an agenda, can say.
_OUTCOME = re.compile(
    r"\b(?:approv\w*|decid\w*|decision|resol\w*|agreed?|vot\w*|adopt\w*|passed|carried(?! out)|refus\w*"
    r"|reject\w*|outcome|result|action)\b"
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in TABLE)
_KEYWORDS_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in KEYWORDS)
# A keyword search is short and opens on what it is about; a written request ('for information of the typical
# cost of road marking …', 'that low cost safety measures be considered at …') is a sentence, not keywords.
KEYWORD_WORDS = 14
_REQUEST_OPENING = re.compile(r"^\W*(?:for|that|if|as|to|whether|regarding|re|in relation|i|we|please)\b")
# A question mark alone asks nothing of its own: 'Venue of the parish council meeting on 25 January?' is
# typed as keywords are, its noun saying what is asked.
_QUESTION_WORDS = re.compile(
    r"\b(?:who|whom|whose|what|whats|when|where|which|why|how)\b|^\s*(?:is|are|was|were|did|does|do|has"
    r"|have|had|can|could|will|would|should|list|name|give|tell|show|describe|explain|summari[sz]e)\b"
)
# the noun's second word is never a verb's ('what age are …', 'what time did …' ask 'age', 'time')
_NOUN = re.compile(
    r"\b(?:what|which|how many)\s+((?:[a-z'-]+\s+(?!(?:is|are|was|were|do|does|did|has|have|had|will|would"
    r"|can|could|should|shall|may|might|must)\b)){0,1}[a-z'-]+)"
)


@dataclass(frozen=True)
class Expectation:
    """The answer type a question asks for, and the noun after what/which/how many ('councillors')."""

    kind: str
    noun: str = ""


# 'What's the estimate …?' asks as 'What is the estimate …?' does; typed in haste, 'whats' too.
_CONTRACTED = re.compile(r"\b(what|who|where|when|how|which)(?:['’]s|(?<=what)s)\b", re.I)


def uncontracted(question: str) -> str:
    """The question with its question word's "'s" written out: "who's the city manager" → 'who is …'."""
    return _CONTRACTED.sub(r"\1 is", question)


# What a busy user types before the question itself, asking nothing ('omaha city council oct 16 2012 - who
# gave the invocation?', 'Councillor Murphy sent apologies to the July meeting. Who sat as vice chair?',
# 'At Guelph City Council on 26 May 2014, who voted against …?', 'Omaha City Council meeting, October 16,
# 2012: who presides …?'):
# the question's type is read after it.
_LEAD_IN = re.compile(
    r"^(?:(?!\b(?:who|what|when|where|which|how|why)\b)[^?]){1,80}?(?:\s[-–—:]|[.,:;])\s+"
    # 'where' or 'when' before its subject opens a relative clause ('…, where the new Pledge was launched,
    # who …'), not the question
    r"(?=(?:who|what|which|how|why|is|are|was|were|did|does|do)\b"
    rf"|(?:when|where)\s+{AUX}\b)"
)


# A clause setting the scene before the question ('when a looked after pupil has to change school, what
# difference …?'): its 'when' asks nothing. 'When was …, and who …?' asks its 'when'.
_CLAUSE = re.compile(
    rf"^(?:when|if|once|after|before|while)\s+(?!{AUX}\b)[^?,]{{3,100}},\s+"
    r"(?=(?:who|whom|whose|what|which|how|why|where)\b)"
)


def lead_in(question: str) -> str:
    """What a question says, in lower case, before asking ("omaha city council oct 16 2012 - "); ''."""
    m = _LEAD_IN.match(uncontracted(" ".join(question.lower().split())))
    return m.group(0) if m else ""


def without_lead_in(question: str) -> str:
    """The question in lower case from its question word on: "at the corporate parenting committee on 23
    february 2016, what was …" → "what was …"."""
    return _LEAD_IN.sub("", uncontracted(" ".join(question.lower().split())))


# What names the paper before a colon in a search typed in haste ('Township of Nipissing council, 14 Nov
# 2023: mover of R2023-215?'): the keywords after it say what is asked.
_COLON_LEAD = re.compile(r"^[^:?]{1,120}:\s+(?=\S)")


def _keywords(query: str) -> bool:
    """A search typed as keywords: a few words, no question word, not a written request."""
    return (
        len(query.split()) <= KEYWORD_WORDS
        and not _QUESTION_WORDS.search(query)
        and not _REQUEST_OPENING.match(query)
    )


@lru_cache(maxsize=1 << 10)  # asked several times per question (intent, reader, composer): read once
def expected(question: str) -> Expectation:
    """The first row of the table whose pattern the question matches; 'description' when none does."""
    q = _CLAUSE.sub("", without_lead_in(question))
    noun = m.group(1) if (m := _NOUN.search(q)) else ""
    for kind, pattern in _COMPILED:
        if pattern.search(q):
            return Expectation(kind, noun)
    searched = _COLON_LEAD.sub("", q)  # 'souldern parish council minutes of 25 jan 2024: date of the apm?'
    if _keywords(searched):
        for kind, pattern in _KEYWORDS_COMPILED:
            if pattern.search(searched):
                return Expectation(kind, noun)
    return Expectation("description", noun)


# The noun after a question word ('what difference', 'which team'); never a verb, pronoun or article, which
# ask nothing of their own ('What will you do …?', 'What is …').
_WH_HEAD = re.compile(
    r"\b(?:what|which)\s+(?!(?:is|are|was|were|will|would|did|does|do|can|could|should|shall|may|might|must"
    r"|has|have|had|the|a|an|this|that|these|those|you|we|they|it|i|he|she|of|in|on|to|for|by|at)\b)"
    r"([a-z][a-z'-]+)"
)


def noun_asked(text: str) -> str:
    """The noun after the first 'what' or 'which' ('difference' in 'what difference did it make?'), in
    lower case; '' when a verb, a pronoun or an article follows it, or neither word is there."""
    m = _WH_HEAD.search(text.lower())
    return m.group(1) if m else ""


def asks_outcome(question: str) -> bool:
    """A decision question about what was decided ('Did the council approve item 24?'), not a yes/no
    about what a paper says."""
    q = question.lower()
    return expected(question).kind == "decision" and bool(_OUTCOME.search(q)) and not _PUT_TO.search(q)


# What members were asked or recommended to decide is what was put to them ('What did recommendation 2.2
# ask members to agree?'), which an agenda or report says, not what they decided.
_PUT_TO = re.compile(
    r"\b(?:ask|asks|asked|invit\w*|recommend\w*|propos\w*)\b[^?]{0,40}?"
    r"\bto\s+(?:approv|decid|resol|agree|vot|adopt|note|endorse)"
)


# A person's post or a person's act asked ('Who is the headteacher of …?', 'Who seconded …?', 'Which
# officer …?'): only a person answers it, not a body named beside the topic ('PTSA continue to lead …').
# A chair is left out: papers name one by a post's initials ('Chaired by the DCS'), read as a body's.
_POST_NOUN = (
    r"(?:head\s?teachers?|principals?|councillors?|mayors?|clerks?|officers?|directors?|managers?"
    r"|secretar(?:y|ies)|treasurers?|presidents?)"
)
_PERSON_ONLY = re.compile(
    rf"\bwhich\s+(?:(?!(?:for|of|in|on|at|to|by|the)\b)[\w'’-]+\s+){{0,2}}?{_POST_NOUN}\b"
    rf"|\b(?:who|whom)\s+(?:is|was|were|are|will be|has been|had been)\s+"
    rf"(?:[\w'’-]+\s+){{0,6}}?{_POST_NOUN}\b"
    rf"|\bname of the\s+(?:[\w'’-]+\s+){{0,4}}?{_POST_NOUN}\b"
    rf"|\b(?:{_POST_NOUN}|incumbents?)['’]?s? names?\b"  # keywords: 'parish council clerk name'
    r"|\bwho\b[^?]{0,40}?\b(?:seconded|moved|signed|presides|presided)\b",
    re.I,
)


def asks_person_only(question: str) -> bool:
    """Whether a person question names a person's post or act, so that no body can answer it."""
    return expected(question).kind == "person" and bool(_PERSON_ONLY.search(uncontracted(question)))


# 'What is the name of the incumbent Director of …?': the name asked, not the post the question gives.
_NAME_ASKED = re.compile(r"\bnames?\b", re.I)


def asks_name(question: str) -> bool:
    """Whether a person question asks for a person's name by the word, so that a post answers nothing:
    'The incumbent Director of Government Services …' names no one."""
    return expected(question).kind == "person" and bool(_NAME_ASKED.search(question))


# A question for a thing names it after its question word ('Which radio station …', 'What voucher …'); any
# other description question asks for an account ('Why …', 'What did the minister say …', 'What is the
# position on …', 'Can the Council repair …'), whose answer is the answering sentence's paragraph.
_THING = re.compile(
    r"^\s*(?:which|what)\s+(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|could|should|can)\b)\w",
    re.I,
)


def open_question(question: str) -> bool:
    """The question asks for an account ('What did the minister say about …?', 'What is the position on
    …?'), not one thing or value: a description question that names no thing after its question word."""
    return expected(question).kind in ACCOUNT_KINDS and not _THING.search(question)
