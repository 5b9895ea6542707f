"""Two questions in one ('Who chaired the meeting, and when did it finish?'): each asked, answers joined."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from qa.answer import Answer
from qa.answertype import NAMED_OR_VALUED, expected
from qa.asks import AUX, asks
from qa.citations import cited_numbers
from qa.composer import NOT_ANSWERED
from qa.query import identifiers
from qa.spans import spans

# ', and when did …': a second question starts at 'and' before a question word and its verb.
_SPLIT = re.compile(
    rf"(?:,\s*|\s+)and\s+(?=(?:who|when|where|what|which|how(?:\s+(?:many|much))?)\s+(?:{AUX}|\w+ed)\b)",
    re.I,
)
_OPENS = re.compile(rf"^\s*(?:who|when|where|what|which|how|whose|{AUX})\b", re.I)
_MOST_WORDS = 30  # a longer request is one request with several parts, answered from one retrieval
_LEAST_WORDS = 3  # each part asks something of its own
# What the first question is about, for a pronoun in the second: 'the 10 July 2019 scrutiny meeting'; its
# words run to the thing's noun without another 'the' or 'of' ('the status of the plan' is about the plan).
_SUBJECT = re.compile(
    r"\bthe\s+(?:(?!(?:the|of|a|an)\b)[\w'’/-]+\s+){0,6}?"
    r"(?:meeting|committee|cabinet|council|board|report|minutes|agenda|plan"
    r"|pledge\s+\d+|item\s+\w+|motion|amendment|resolution|recommendation|proposal|petition|by-?law"
    r"|ordinance|application|scheme|project|contract|budget)s?\b"
    r"(?:\s+(?:on|of|held\s+on)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?",
    re.I,
)
# Two question words for one thing ('Where and when was the event held?', 'On what date and where was
# it launched?'): the same question asked with each.
_ASKED_WHERE_WHEN = r"(?:where|when|(?:at |on )?what (?:time|date|day)|(?:at |on )?which (?:time|date|day))"
_PAIRED = re.compile(
    rf"^\s*(?P<a>{_ASKED_WHERE_WHEN})\s*(?:,\s*)?and\s+(?P<b>{_ASKED_WHERE_WHEN})\s+(?P<rest>\S.*)$", re.I
)
_ON = re.compile(r"\s+(?:on|about|regarding|concerning|for|to)\s+\S.*$", re.I)
_PRONOUN = re.compile(r"\b(?:it|they|them)\b|\b(?P<own>its|their)\b", re.I)
# Asked who holds a post, 'they' and 'their' in a later part stand for the holder: 'Who's the contact
# officer for the report, and what's their number?' asks the contact officer's number, not the report's.
_WHO_HOLDS = re.compile(r"^\s*who\s+(?:is|was|are|were)\s+(?P<post>the\s+\S.*)$", re.I)
_PERSONAL = re.compile(r"\b(?:they|them|their)\b", re.I)
# Two posts asked of one thing: 'Who is the lead director and the portfolio holder for Pledge 48?'
# (a post's words are no question word, verb or joining word: 'the author of the report and what is …')
_NOT_POST = r"what|who|when|where|which|how|why|is|are|was|were|did|does|do|has|have|for|of|on|at|to"
_POST_WORD = rf"(?!(?:{_NOT_POST})\b)[\w'’-]+"
_TWO_POSTS = re.compile(
    rf"^\s*(?P<ask>who\s+(?:is|was|are|were))\s+the\s+(?P<a>(?:{_POST_WORD}\s+){{0,3}}?{_POST_WORD})\s+and\s+"
    rf"(?:the\s+)?(?P<b>(?:{_POST_WORD}\s+){{0,3}}?{_POST_WORD})\s+(?P<rest>(?:for|of|on|at|to)\s+\S.*)$",
    re.I,
)
# Another question word tacked on at the end: 'Where is the special meeting of April 6, 2016 held, and at
# what time?' asks the same question with it.
# So is a sum or count after a lead-in: 'On the agenda of December 8, 2020, item 4.13, who is the
# contract awarded to and for how much?' asks how much the contract is awarded for.
_TACKED = re.compile(
    rf"^\s*(?P<pre>(?:[^?]*?,\s+)?)(?P<a>{_ASKED_WHERE_WHEN}|who|what)\s+"
    r"(?P<rest>(?:is|was|are|were|will|did|does|do)\s+\S.*?)\s*,?\s+and\s+"
    rf"(?:(?P<b>{_ASKED_WHERE_WHEN})|(?P<prep>for|at|by)?\s*(?P<amount>how (?:much|many)))\W*$",
    re.I,
)
# A question word's contraction ('Who's', 'what's'): the auxiliary it holds joins parts as a whole one does.
_CONTRACTED = re.compile(r"\b(who|what|where|when|how)['’]s\b", re.I)
_MARKER = re.compile(r"\[(\d+)\]")


def parts(question: str) -> tuple[str, ...]:
    """The questions a short question joins with 'and' before a question word and a pronoun standing
    for the first's subject: ('Who chaired the 10 July 2019 scrutiny meeting?', 'When did the 10 July
    2019 scrutiny meeting finish?'). The question alone when it joins none, is long (a request with
    several parts, or asks more things than 'and' joins: qa/asks.py reads those), or a later part has no
    pronoun the first part's subject can stand for; after 'Who is the contact officer for …', 'their' is
    the contact officer's. Two question words asked of one thing ('Where and when was it held?'), or two
    posts of one thing ('Who is the lead director and the portfolio holder for Pledge 48?'), make two
    questions, one with each."""
    whole = question
    question = _CONTRACTED.sub(r"\1 is", question)
    if paired := _PAIRED.match(question):
        rest = paired.group("rest")
        return tuple(_question(f"{paired.group(w)} {rest}") for w in "ab")
    if tacked := _TACKED.match(question):
        pre, rest = tacked.group("pre"), tacked.group("rest")
        second = tacked.group("b") or f"{tacked.group('amount')}"
        after = f" {tacked.group('prep')}" if tacked.group("prep") else ""
        # the first part's preposition is its own ('awarded to'), the second's its tacked one ('for')
        own = re.sub(r"\s+(?:to|for|at|by|with|from)$", "", rest, flags=re.I) if after else rest
        return (_question(f"{pre}{tacked.group('a')} {rest}"), _question(f"{pre}{second} {own}{after}"))
    if posts := _TWO_POSTS.match(question):
        ask, rest = posts.group("ask"), posts.group("rest")
        return tuple(_question(f"{ask} the {posts.group(w)} {rest}") for w in "ab")
    pieces = [p.strip(" ,?") for p in _SPLIT.split(question)]
    if len(pieces) < 2 or len(question.split()) > _MOST_WORDS or not _OPENS.match(question):
        return (whole,)
    if len(asks(question)) > len(pieces):  # a request of more parts than 'and' joins: read from one reply
        return (whole,)
    if any(len(p.split()) < _LEAST_WORDS for p in pieces):
        return (whole,)
    first, rest = pieces[0], pieces[1:]
    holder = _WHO_HOLDS.match(first)
    subject = holder.group("post") if holder and all(_PERSONAL.search(p) for p in rest) else _subject(first)
    # only a pronoun ties a later part to the first: without one, a part such as 'and what is the
    # projected out-turn for the current year' leaves its topic in the first and cannot be asked alone
    if not subject or not all(_PRONOUN.search(p) for p in rest):
        return (whole,)
    return tuple(_question(p) for p in [first, *(_with_subject(p, subject) for p in rest)])


def _subject(question: str) -> str:
    """What a question is about: its identifier ('Pledge 48'), else its meeting or paper."""
    if found := identifiers(question):
        return str(found[0])
    m = _SUBJECT.search(question)
    if not m:
        return ""
    # what the thing is on or to, to the part's end: 'the motion on the west san carlos project at planning
    # commission', 'the first amendment to the council remuneration motion' (only 'the motion' would be any)
    tail = _ON.match(question[m.end() :])
    return m.group(0) + (tail.group(0).rstrip(" ,?") if tail else "")


def _with_subject(part: str, subject: str) -> str:
    def swap(m: re.Match[str]) -> str:
        return f"{subject}'s" if m.group("own") else subject

    return _PRONOUN.sub(swap, part)


def _question(text: str) -> str:
    text = text.rstrip(" .?!")
    return text[0].upper() + text[1:] + "?"


def _told_before(part: str, before: Sequence[Answer]) -> bool:
    """Whether an answer to an earlier part already gives what this part asks of it, by its type: 'Who
    wrote the report, and what is their job title?' is answered whole by 'Author: Sandy Magee (Head of
    Service …)'."""
    kind = expected(part).kind
    if kind not in NAMED_OR_VALUED:
        return False
    return any(a.status == "answered" and kind in {s.kind for s in spans(a.text)} for a in before)


def _unanswered(answer: Answer) -> str:
    """A part's decline, naming the part: 'this question' is ambiguous among several."""
    text = _MARKER.sub("", answer.text).strip()
    named = text.replace(NOT_ANSWERED[:-1], f"The papers do not answer “{answer.question}”", 1)
    return named.replace("?”.", "?”", 1)


def _said_before(answer: Answer, texts: Sequence[str]) -> bool:
    """Whether the sentence a part answers with, its lead left off, was said by a part before it (the
    same words may be cited from two passages: a paragraph and its summary)."""
    said = _MARKER.sub("", answer.text).strip()
    sentence = said.split(" — ", 1)[-1].strip()
    return bool(sentence) and sentence in _MARKER.sub("", " ".join(texts))


def joined(question: str, answers: Sequence[Answer]) -> Answer:
    """One answer from the answers to each part, in order: each part's text with the passages it cites,
    numbered on from the parts before, then the answered parts' other passages as leads, as one answer
    lists them; a part the papers don't answer says so, uncited (its closest passages are leads, not
    support); a part answered with a sentence an earlier part gave is not said again, nor a question
    word tacked on whose value of its type an earlier part's answer gave. not_found only
    when no part is answered."""
    texts: list[str] = []
    citations: list = []
    leads: list = []
    tacked = bool(_TACKED.match(_CONTRACTED.sub(r"\1 is", question)))  # one thing asked twice
    for at, answer in enumerate(answers):
        if answer.status != "answered":
            if not _told_before(answer.question, answers[:at]):
                texts.append(_unanswered(answer))
            continue
        if tacked and _told_before(answer.question, answers[:at]):
            continue  # '… awarded to and for how much?': the sum came with whom it was awarded to
        if _said_before(answer, texts):
            continue  # 'Where and when …': the sentence that told where told when
        cited = [c for c in answer.citations if c.n in cited_numbers(answer.text)]
        number = {c.n: len(citations) + i for i, c in enumerate(cited, 1)}
        texts.append(_MARKER.sub(lambda m, k=number: f"[{k.get(int(m.group(1)), m.group(1))}]", answer.text))
        citations.extend(replace(c, n=number[c.n]) for c in cited)
        leads.extend(c for c in answer.citations if c.n not in number)
    status = "answered" if citations else "not_found"
    shown = {(c.source, c.text) for c in citations}
    for lead in leads if citations else []:
        if (lead.source, lead.text) not in shown:
            shown.add((lead.source, lead.text))
            citations.append(replace(lead, n=len(citations) + 1))
    read_as = " ".join(a.read_as or a.question for a in answers)
    return Answer(question, " ".join(texts), status, tuple(citations), read_as)
