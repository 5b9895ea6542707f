"""The post of a person a question names: printed against the name, as its title before it, or a portfolio."""

from __future__ import annotations

import re
from dataclasses import replace

from qa.candidate import Candidate, stem_set
from qa.spans import Span
from qa.titles import titled_before

# A councillor's portfolio is a cabinet post ('Cabinet Member for Education, Skills and Transformation'):
# 'Councillor Murphy, Vice Chair' of a committee names none.
_PORTFOLIO_ASKED = re.compile(r"\bportfolios?\b", re.I)
_PORTFOLIO = re.compile(r"\b(?:cabinet|portfolio|(?:lead|executive)\s+member|member\s+for)\b", re.I)
# a person's name in a question: 'Isabelle Morgan', or a surname after initials ('A. Pappert')
_NAMED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\b|\b(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+\b")
_NOT_PERSON = re.compile(
    r"\b(?:City|Council|County|Town|Borough|District|Parish|Committee|Board|Commission|Agenda|Park|Street)\b"
)
# What stands between a name and the office printed against it: ', ', ' - ', or the words giving it ('Mr. Les
# Petroczi the new General Manager', 'Yvonne Rees as Returning Officer').
AGAINST = re.compile(r"\W{0,3}|\s*,?\s*(?:(?:the|as|our|its|their|new|interim|acting)\s+)+", re.I)
# ... or the words saying the person was put in it ('Cllr O'Leary was re-elected as Chairman')
_MADE = re.compile(
    r"\s+(?:was|is|has\s+been|had\s+been)\s+(?:re-?)?(?:elected|appointed|named|confirmed|made)\s+(?:as\s+)?(?:the\s+)?",
    re.I,
)
# ... or a councillor's ward, printed between the name and the post in a list of appointments ('Councillor
# Nordman, St. Charles, Acting Deputy Mayor', 'Councillor Gerbasi, Fort Rouge-East Fort Garry, Chair of …')
_WARD_BETWEEN = re.compile(r",\s*(?:[A-Z][\w.'’]*(?:[\s-]+|(?=,))){1,6},\s*")


def posts_of_named(found: list[Candidate], question: str) -> tuple[list[Candidate], bool]:
    """For a role asked of a person the question names: the candidates whose post is printed against the
    name, in a row's field titled as a post, or as its title before it ('Fire Chief-MLEO-CEMC Will
    Bateman'), and True, as they answer however
    they score; else those from a passage naming them, and False. A portfolio asked is a cabinet post
    printed with the councillor's name. Candidates unchanged, and False, when the question names no one."""
    if _PORTFOLIO_ASKED.search(question):  # a cabinet's post, not a committee's chair
        surnames = [n.split()[-1] for n in _people_named(question, found)]
        found = [c for c in found if _PORTFOLIO.search(c.shown) and all(n in c.shown for n in surnames)]
    names = _people_named(question, found)
    if not names:
        return found, False
    if against := [c for c in found if _role_of_named(c, names)]:
        return against, True
    # a row's field titled as a post, beside the name: 'Position: Speaker; Council Member Appointed: …'
    if rows := _rows_of_named(found, names, question):
        return rows, True
    if titled := _titled(found, names):  # 'Fire Chief-MLEO-CEMC Will Bateman': the post before the name
        return titled, True
    return [c for c in found if any(n.split()[-1] in c.passage.text for n in names)], False


def _people_named(question: str, found: list[Candidate]) -> list[str]:
    """The names `_names_in` finds less a council's a paper belongs to ('Which Aliso Viejo positions …?')."""
    councils = " ".join({(c.passage.council or "").lower() for c in found})
    return [n for n in _names_in(question) if n.lower() not in councils]


def _names_in(question: str) -> list[str]:
    """Runs of two or three capitalised words past the question's first, possessives dropped
    ('Krishan Chopra's job title' → 'Krishan Chopra'): the names of people it may ask about."""
    asked = question[1:]
    # a run that a body's word follows is the start of the body's name ('Derby's Corporate Parenting
    # Committee'), as is one holding a possessive ('Derby's Corporate')
    runs = [m.group() for m in _NAMED.finditer(asked) if not _NOT_PERSON.match(asked[m.end() :].lstrip())]
    names = (re.sub(r"['’]s$", "", n) for n in runs)
    return [n for n in names if not _NOT_PERSON.search(n) and not re.search(r"['’]s\s", n)]


def _role_of_named(candidate: Candidate, names: list[str]) -> bool:
    """A post printed against a name the question gives ('Isabelle Morgan (Inclusion and Attendance
    Manager)', 'Kimbra McCarthy, City Manager')."""
    span = candidate.span
    if span is None or span.kind != "role":
        return False
    text = candidate.text
    return any(
        m.end() <= span.start
        and (
            AGAINST.fullmatch(between := text[m.end() : span.start])
            or _WARD_BETWEEN.fullmatch(between)
            or _MADE.fullmatch(between)
        )
        for name in names
        for m in re.finditer(re.escape(name).replace("'", "['’]"), text)  # either apostrophe
    )


def _titled(found: list[Candidate], names: list[str]) -> list[Candidate]:
    """Sentences printing a post as the title before a name the question gives, with that post as their
    span (qa/titles.py)."""
    titled = ((c, next((s for n in names if (s := titled_before(c.text, n))), None)) for c in found)
    return [replace(c, span=span) for c, span in titled if span and c.span is None]


# A row's field giving the post held, beside the field naming who holds it ('Position: Deputy Speaker;
# Council Member Appointed: Councillor Steen').
_POST_FIELD = re.compile(r"^(?:position|post|office|role|title|appointment|job title)s?$", re.I)
_FIELD = re.compile(r"([^;:]{1,40}):\s*([^;]+)")


def _rows_of_named(found: list[Candidate], names: list[str], question: str) -> list[Candidate]:
    """Table rows holding a name the question gives in one field and a post in a field titled as one
    ('Position'), with that post as their span: the post printed against the name, a row apart. A post the
    question already gives ('John Ash, the Real Estate Project Manager') is not the one asked; a row
    whose post fields are all given is left to the reader."""
    surnames = [re.compile(rf"\b{re.escape(n.split()[-1])}\b") for n in names]
    asked = stem_set(question)
    rows = []
    for c in found:
        fields = [(m.group(1).strip(), m.group(2).strip(), m.start(2)) for m in _FIELD.finditer(c.text)]
        posts = [(v, at) for label, v, at in fields if _POST_FIELD.match(label) and not stem_set(v) <= asked]
        others = [v for label, v, _ in fields if not _POST_FIELD.match(label)]
        if posts and c.span is None and any(p.search(v) for v in others for p in surnames):
            value, at = posts[0]
            rows.append(replace(c, span=Span("role", value, at, at + len(value))))
    return rows
