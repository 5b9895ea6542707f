"""Posts a question asks the holder of (chair, author), and the report a cover sheet's field belongs to."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from corpus.units import POST
from qa.answertype import uncontracted
from qa.candidate import stems_of

# A field or phrase naming a paper's author: 'Author:', 'Report prepared by:', a memo's 'FROM:' (its
# label alone, or the field with its value).
# 'author' whole: 'authorise', 'authority' name no author ('authorize the city manager to execute …').
AUTHOR_FIELD = r"author(?:s|ed)?\b|(?:written|prepared|drafted|compiled) by\b|^\s*from(?:\s*:|\s*$)"
# post: (the question asks who holds it, a sentence or cell names its holder). Only a sentence naming the
# post can answer: a list of those present names people, not who chaired; a report's title names no author.
_POSTS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "chair": (
        re.compile(
            r"\bwho\b[^?]{0,20}?\b(?:chairs|chaired|will chair"
            r"|(?:is|was|will be|sat as|acted as|served as|stood in as) (?:the )?(?:vice[- ])?chair\w*"
            # 'Who was chosen as the new Chair …?', 'who was elected chairman'
            r"|(?:chosen|elected|appointed|voted in|named) (?:as )?(?:the )?(?:new )?(?:vice[- ])?chair\w*"
            r"|(?:is|was) in the chair)\b|\bwhich (?:[\w-]+ ){1,2}(?:chairs|chaired)\b",
            re.I,
        ),
        re.compile(r"\bchair|\bpresid", re.I),
    ),
    "author": (
        re.compile(
            r"\bwho\b[^?]{0,20}?\b(?:wrote|writes|authored|prepared|drafted|(?:is|was) the author)\b",
            re.I,
        ),
        re.compile(rf"\b(?:{AUTHOR_FIELD})|\breport (?:of|by|from)\b", re.I),
    ),
    # a motion's mover and seconder are who the papers say moved or seconded it ('Moved by Councillor
    # Smith', 'MOTION: Kaplan / SECOND: Lee', 'M/S Abe-Koga/Ramirez'), not the people an agenda lists
    "mover": (
        re.compile(r"\bwho\b[^?]{0,20}?\b(?:moved|moves|proposed|tabled|put forward)\b", re.I),
        re.compile(
            r"\bmov(?:ed|er|es|ing)\b|\bpropos(?:ed|er|ing)\b|\btabled\b|\bput forward\b"
            r"|\bmotion\s*(?:by|of|from|:)|\bM/S\b",
            re.I,
        ),
    ),
    "seconder": (
        re.compile(r"\bwho\b[^?]{0,20}?\bseconded\b", re.I),
        re.compile(r"\bsecond(?:ed|er|ing)?\b|\bM/S\b", re.I),
    ),
    # an election's or an application's agent is who the papers name as one ('Agent: …', 'election agent'),
    # not the candidate or the returning officer a notice names
    "agent": (
        re.compile(r"\bwho\b[^?]{0,30}?\b(?:(?:election|polling|counting|planning)\s+)?agents?\b", re.I),
        re.compile(r"\bagents?\b", re.I),
    ),
    # who sent apologies are those the minutes list under apologies, not the members or officers a pack's
    # front page lists
    "apologies": (
        re.compile(
            r"\b(?:who|which (?:[\w-]+ ){0,2}(?:councillors?|members?|people|officers?))\b[^?]{0,30}?"
            r"\b(?:sent|gave|give|send|offered|submitted|tendered|made|received)\s+(?:their\s+)?apolog",
            re.I,
        ),
        re.compile(r"\bapolog", re.I),
    ),
}
# Posts whose holder a cover sheet's fields give, for the report the question names.
_OF_REPORT = frozenset({"chair", "author"})
# A cover sheet's line giving its report's title ('Title of Report: Children's Services Pledges').
_TITLE = re.compile(r"^\s*(?:title of report|report title|title|subject|report)\s*:\s*(\S.*)$", re.I | re.M)

_REPORT_NOUNS = ("report", "reports", "paper", "papers")
_GENERIC = re.compile(rf"\b(?:{'|'.join(_REPORT_NOUNS)})\b", re.I)
# Words of an author question that name no report: what is left names it ('Children's Services Pledges').
NOT_NAMING = (
    *_REPORT_NOUNS,
    *("who", "wrote", "write", "writes", "written", "author", "authors", "authored", "prepared", "drafted"),
)

T = TypeVar("T")

# 'Who is Mountain View's City Manager …?', 'Who was the Returning Officer for …?': an office the question
# asks the holder of, by its title.
# 'Who was appointed Speaker at the organizational meeting?': an office, or the holder of one, that a
# council fills by appointment or election.
_OFFICE_TITLE = (
    rf"(?:{POST}|(?:Deputy\s+)?Speaker|(?:Vice[- ])?President|Treasurer|Reeve|Warden|Deputy Mayor"
    # any titled post, printed in capitals: 'General Manager', 'Responsible Financial Officer'
    r"|(?-i:(?:[A-Z][\w'’-]*\s+(?:(?:and|&)\s+)?){1,3}(?:Manager|Officer|Administrator|Engineer|Planner|Solicitor|Accountant"
    r"|Auditor|Controller|Superintendent|Treasurer|Coordinator|Co-ordinator)))"
)
# 'Who is Omaha's mayor reappointing as …?': the office holder is the subject, whom the question does not ask
_NOT_ACTING = (
    r"(?!\s+(?!(?:during|regarding|including|following|concerning|according|pending|excluding)\b)[a-z]+ing\b)"
)
_OFFICE = re.compile(
    # 'Which councillor was appointed Speaker …?' asks the holder as 'who' does
    rf"\b(?:who|which\s+(?:councillor|council\s+member|member|person|officer)s?)\s+"
    rf"(?:is|was|will be|were|has been)\s+"
    rf"(?:(?:appointed|elected|named|chosen|introduced|confirmed|hired|recruited)\s+"
    rf"(?:as\s+|to\s+(?:the\s+)?(?:(?:post|role|office)\s+of\s+)?)?)?"
    rf"(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}['’]s\s+)?(?:(?:interim|acting|new|permanent|substantive)\s+)?"
    # the body the office is of, printed before its title: 'Who was Board President …?', 'Town Clerk'
    rf"(?-i:(?:(?!Deputy|Vice)[A-Z][\w'’-]*\s+){{0,2}})({_OFFICE_TITLE})\b{_NOT_ACTING}"
    # 'Who did Winnipeg City Council appoint as Speaker …?': the same, asked of who appointed
    rf"|\b(?:who|whom)\s+did\s+(?:[\w'’-]+\s+){{1,6}}?(?:appoint|elect|name|choose|select|confirm|hire)\s+"
    rf"as\s+(?:(?:the|its|their)\s+)?(?:(?:interim|acting|new|permanent|substantive)\s+)?"
    rf"(?-i:(?:(?!Deputy|Vice)[A-Z][\w'’-]*\s+){{0,2}})({_OFFICE_TITLE})\b{_NOT_ACTING}"
    # 'What is the name of the incumbent Director of Recreation …?' asks the holder by the word 'name'
    rf"|\bnames?\s+of\s+(?:the\s+)?(?:(?:incumbent|current|present|new|interim|acting)\s+)?"
    rf"(?-i:(?:(?!Deputy|Vice)[A-Z][\w'’-]*\s+){{0,2}})({_OFFICE_TITLE})\b{_NOT_ACTING}"
    # typed in lower case: 'who is the morgan hill city manager', not 'the deputy city manager'
    rf"|\b(?:who|which\s+person)\s+(?:is|was)\s+the\s+(?:(?!(?:deputy|vice|assistant|acting)\b)[a-z]+\s+){{1,2}}?"
    rf"((?-i:(?:city|county|town|village|borough|parish|general)\s+(?:manager|clerk|administrator|attorney"
    rf"|engineer|planner|treasurer|auditor|solicitor)))\b{_NOT_ACTING}",
    re.I,
)
_FIELD_SHARE = 0.5  # share of an office's field words ('Children's Services') a paper's title for it holds
# A deputy's or an assistant's title names another post: 'Justin Murphy, Deputy City Manager'.
_UNDER = r"(?<!deputy )(?<!assistant )(?<!vice )(?<!deputy-)(?<!vice-)"


# 'What is the City Manager's salary range …?', 'the Clerk's pay': what an office is paid, asked by its title.
_PAY = r"(?:salary|salaries|pay|wages?|allowance|remuneration|stipend|compensation|rate of pay)\b"
_PAID = re.compile(
    rf"\b(?P<own>{_OFFICE_TITLE})['’]s?\s+(?:[\w-]+\s+){{0,2}}?{_PAY}"
    # 'What annual salary range does the salary schedule set for the City Manager?'
    rf"|\b{_PAY}(?:[^?.]{{0,80}}?)\b(?:for|of)\s+(?:the\s+)?(?P<for>{_OFFICE_TITLE})\b",
    re.I,
)


def paid_office(question: str) -> str | None:
    """The title of the office whose pay a question asks ('What is the City Manager's salary range?' →
    'City Manager'), or None."""
    m = _PAID.search(question)
    if not m:
        return None
    group = "own" if m.group("own") else "for"
    # a deputy's pay asked is the deputy's ('the Assistant Clerk's salary'), not the office's
    deputy = _DEPUTY_BEFORE.search(question[: m.start(group)])
    return f"{deputy.group(1)} {m.group(group)}" if deputy else m.group(group)


_DEPUTY_BEFORE = re.compile(r"\b(deputy|assistant|vice)[- ]$", re.I)


# A field's title runs to a relative clause after it: 'Director of Recreation and Community Services whose
# salary …'; what follows otherwise may place the post ('Head of Service appointed to the Permanency
# Service').
_TITLE_END = re.compile(r"\s+(?:who|whose|which|that)\b", re.I)


# titles a field follows ('Director for …', 'Head for …'), and a chair's committee ('Chair of Finance')
_FIELD_HEADS = frozenset({"director", "head", "chair", "chairperson", "chairman"})
_FIELD_FOR = re.compile(r"\s+for\s+((?:[A-Z][\w'’&-]*)(?:\s+(?:[A-Z][\w'’&-]*|and|of|the|&))*)")
_BODY = re.compile(
    r"\b(?:Council|Committee|Board|Panel|Commission|Authority|Trust|Group|Forum|Partnership|Cabinet)s?\b",
    re.I,
)
_FIELD_OF = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w'’&-]*)(?:\s+(?:[A-Z][\w'’&-]*|and|of|&))*)")


def asked_office(question: str) -> str | None:
    """The title of the office a question asks the holder of ('City Manager'), or None."""
    question = uncontracted(question)  # offsets below are the uncontracted text's
    m = _OFFICE.search(question)
    if not m:
        return None
    title = _TITLE_END.split(next(g for g in m.groups() if g), maxsplit=1)[0]
    # a director's or head's field after 'for' ('Acting Strategic Director for Children and Young People')
    # names the post, not any director's; after another title ('Clerk for Souldern') it is a place
    head = title.lower()
    field = _FIELD_FOR.match(question, m.end()) if head in _FIELD_HEADS else None
    if head in _FIELD_HEADS - {"director", "head"} and not field:
        # a chair's portfolio ('Chair of Finance'), not a body its chair chairs ('Chair of the Council')
        field = _FIELD_OF.match(question, m.end())
        field = None if field and _BODY.search(field.group(1)) else field
    if not field or re.match(r"\s*\d", question[field.end() :]):  # 'Lead Director for Pledge 49': an item
        return title
    return f"{title} for {field.group(1)}"


def names_office(sentence: str, office: str) -> bool:
    """Whether the sentence or cell names the office itself, not a deputy's ('Kimbra McCarthy, City
    Manager', 'Returning Officer: Yvonne Rees'). An office of a field ('Director of Children's Services
    in Plymouth') is named by its title with at least half the field's words, as papers word it
    ('Director for Childrens Services'); a council's officer by the title alone ('CLERK' for its Parish
    Clerk, _own_title)."""
    head, field = (re.split(r"\s+(?:of|for)\s+", office, maxsplit=1) + [""])[:2]
    if not field:
        return bool(re.search(rf"{_UNDER}\b{re.escape(office)}\b", sentence, re.I)) or _own_title(
            sentence, office
        )
    m = re.search(rf"{_UNDER}\b{re.escape(head)}\s+(?:of|for)\s+", sentence, re.I)
    wanted = set(stems_of(field))
    return bool(m) and len(wanted & set(stems_of(sentence[m.end() :]))) >= _FIELD_SHARE * len(wanted)


# A council's kind before its officer's title: its own papers print the title alone ('Cathy Fleet (CF)
# CLERK' in the parish council's minutes names its Parish Clerk).
_COUNCIL_KIND = re.compile(r"^(?:parish|town|city|county|district|borough)\s+(?=\S)", re.I)


def _own_title(sentence: str, office: str) -> bool:
    """The office less its council's kind, printed with no word of another title before it ('CLERK',
    'Clerk:', not 'Assistant Clerk' nor 'Finance Clerk')."""
    if not (bare := _COUNCIL_KIND.sub("", office)) or bare == office:
        return False
    return bool(re.search(rf"(?<![A-Za-z] )(?<![A-Za-z]-)\b{re.escape(bare)}\b", sentence, re.I))


def office_at(text: str, office: str) -> list[tuple[int, int]]:
    """Where the text prints the office's title itself, not a deputy's ('Vice-President'): (start, end)."""
    return [m.span() for m in re.finditer(rf"{_UNDER}\b{re.escape(office)}\b", text, re.I)]


def asked_post(question: str) -> str | None:
    """'chair', 'author', 'mover', 'seconder', 'agent' or 'apologies' when the question asks who holds that
    post ('Who wrote the Pledges report?', 'Who seconded the motion on school funding?', 'Who sent
    apologies?', 'Who was named as election agent for …?')."""
    return next((post for post, (asks, _) in _POSTS.items() if asks.search(question)), None)


def names_post(sentence: str, post: str) -> bool:
    """Whether a sentence or cell ('label: text') can name the post's holder: 'Councillor Mrs Johnson, in
    the Chair', 'Author: Andrew Loton', 'prepared by the Clerk'."""
    return bool(_POSTS[post][1].search(sentence))


def of_report(post: str) -> bool:
    """Whether a cover sheet's fields name the post's holder (chair, author): then the report the
    question names decides which sheet answers."""
    return post in _OF_REPORT


def report_title(text: str) -> str:
    """The title a cover sheet in the passage gives its report, or '': without the words any report's
    title may hold and any question uses to name one ('Ofsted Improvement Plan Progress Report' →
    'Ofsted Improvement Plan Progress'), so that 'the report on Child Exploitation' names no sheet."""
    found = _TITLE.search(text)
    return _GENERIC.sub("", found.group(1)).strip() if found else ""


def of_named_report(
    found: Sequence[T], text_of: Callable[[T], str], share: Callable[[str], float], names_any: bool
) -> tuple[list[T], float]:
    """The items (candidates) from the passages whose report title covers the most of what the question
    names (`share`: 0..1 of the weight of its words but NOT_NAMING), and that share: the fields of the
    report the question names ('the report on developing Family Hubs'), not the next cover sheet's.
    When no title covers any of it, none of the sheets is the report asked ('the report on Child
    Exploitation' has none): only items under no title stay. A question naming nothing ('Who wrote
    the report?', `names_any` false) keeps them all."""
    titles = [report_title(text_of(item)) for item in found]
    shares = [share(title) if title else 0.0 for title in titles]
    best = max(shares, default=0.0)
    if best > 0:
        return [item for item, s in zip(found, shares, strict=True) if s == best], best
    if not names_any:
        return list(found), 0.0
    return [item for item, title in zip(found, titles, strict=True) if not title], 0.0
