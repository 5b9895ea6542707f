"""Bodies and councils a question names: one no paper names can't be answered; a council picks its papers."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from index.codes import folded
from index.passage import Passage

T = TypeVar("T")

# What a council's committees, boards and panels are called; an authority ('Derby City Council') too.
_BODY = r"(?:Sub-?[Cc]ommittee|Committee|Subcommittee|Panel|Board|Forum|Commission|Cabinet|Council|Assembly)"
# an apostrophe inside a word ("O'Neill", "Children's") or closing a plural's possessive ("Members'"),
# not a quotation's closing mark ("the heading 'Play Area' in the … Council" names no 'Play Area' body)
_CAPITALISED = r"[A-Z](?:[\w&-]|['’](?=\w)|(?<=s)['’](?=\s))*"
# A run of capitalised words, joined by the small words names use ('Children in Care Council'),
# ending in a body's noun.
# A body's noun before a role's ('Cabinet Member', 'Council Leader') names the role, not a body.
_NAME = re.compile(
    rf"\b(?:{_CAPITALISED}\s+(?:(?:and|of|for|in|the|&)\s+)*)+{_BODY}\b"
    r"(?!\s+(?:Members?|Chair\w*|Leader|Officers?|Clerk|Lead|Portfolio)\b)"
)
# Words a question opens with that are capitalised without being part of a name.
_OPENERS = frozenset(
    "the in at did has have can does do was is were what who which when where how why according to under "
    "on for by after before following since during from with as if once until".split()
)
_TITLES = frozenset({"councillor", "cllr", "mayor", "mr", "mrs", "ms", "miss", "dr", "sir", "dame"})
# A post before the body it is of ('Speaker of Winnipeg City Council', 'Reeve of the Township'): the heads
# of Canadian and American councils are their Speaker, Reeve, Warden or President.
_POST_NOUN = re.compile(
    r"(?:Officer|Executive|Clerk|Manager|Director|Chair\w*|Leader|Mayor|Secretary|Treasurer|Speaker|Reeve"
    r"|Warden|President)$"
)
_JOINERS = frozenset({"and", "of", "for", "in", "the", "s"})
_ENDS_BODY = re.compile(rf"^{_BODY}$")
# The kind of authority after its place's name: "Plymouth City Council's" owner is Plymouth.
_KIND_WORDS = re.compile(r"(?:\s+(?:City|Council|Parish|County|Borough|District|Town|Township|Village))+$")
# An owner's possessive ('Derby's Cabinet'), not a person's ('Councillor Bell's amendment').
_OWNER = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})['’]s\b")
_TITLED = re.compile(rf"\b(?:{'|'.join(_TITLES)})\.?\s+$", re.I)


@lru_cache(maxsize=1 << 10)
def named_bodies(question: str) -> tuple[str, ...]:
    """The bodies a question names with at least one word before the body's noun, in order:
    "Who chairs Plymouth City Council's Licensing Committee?" → ('Plymouth City Council',
    'Licensing Committee'). A bare 'the Council' or 'Cabinet' names no particular body and is left out."""
    found: list[str] = []
    for match in _NAME.finditer(question):
        words = match.group(0).split()
        while words and words[0].lower() in _OPENERS:
            words = words[1:]
        words = _after_post(words)
        if not question[: match.start()].strip():
            words = _after_facet(words)
        found.extend(" ".join(part) for part in _parts(words) if len(part) >= 2)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=1 << 10)
def named_places(question: str) -> tuple[str, ...]:
    """Places whose council's papers the question asks of: owners it names ("Derby's Cabinet" → 'Derby').
    An authority named in full ('Limerick City and County Council') is left out: questions put to a
    council name it, and its district committees' papers are filed under the districts' names."""
    owners = (
        _KIND_WORDS.sub("", m.group(1))
        for m in _OWNER.finditer(question)
        if m.group(1).split()[0].lower() not in _OPENERS | _TITLES
        and not _TITLED.search(question[: m.start()])
    )
    return tuple(p for p in dict.fromkeys(owners) if p and not _KIND_WORDS.fullmatch(f" {p}"))


def _after_post(words: list[str]) -> list[str]:
    """The body after a post that leads the run ('Returning Officer for the Souldern Parish Council' →
    'Souldern Parish Council'): the post is the body's, not part of its name."""
    at = next(
        (i for i, w in enumerate(words[:-1]) if _POST_NOUN.match(w) and words[i + 1].lower() in _JOINERS),
        None,
    )
    if at is None:
        return words
    rest = words[at + 1 :]
    while rest and rest[0].lower() in _JOINERS:
        rest = rest[1:]
    return rest


# What a question opening with a noun asks of a body ('Venue of the Souldern Parish Council meeting?'):
# capitalised only as the question's first word. A body's own or an authority's word opens a name instead
# ('Board of Education', 'Township of Nipissing Council').
_AUTHORITY = re.compile(rf"^(?:{_BODY}|City|County|Borough|District|Town|Township|Village|Parish)$")


def _after_facet(words: list[str]) -> list[str]:
    """The body after the question's opening noun and its 'of' or 'for' ('Venue of the X' → 'X')."""
    if len(words) < 3 or _AUTHORITY.match(words[0]) or words[1].lower() not in {"of", "for"}:
        return words
    rest = words[2:]
    while rest and rest[0].lower() in _JOINERS:
        rest = rest[1:]
    return rest


# A place named before the body it lies in ('Strensall Ward in the City of York Council'): two names.
_PLACE_IN = frozenset({"ward", "division", "parish", "village", "district"})


def _parts(words: list[str]) -> list[list[str]]:
    """Split after an owner's possessive ('Derby's'), after a body noun followed by more of the name
    ('Gloucester City Council Cabinet' is the council's cabinet, a name no paper prints whole), and before
    the 'in' after a place's noun ('Strensall Ward in the City of York Council')."""
    parts, current = [], []
    for word in words:
        if word.lower() == "in" and current and current[-1].lower() in _PLACE_IN:
            parts.append(current)
            current = []
            continue
        owner = word.endswith(("'s", "’s"))
        current.append(word[:-2] if owner else word)
        if owner or _ENDS_BODY.match(word):
            parts.append(current)
            current = []
    parts.append(current)
    parts = [p[next((i for i, w in enumerate(p) if w.lower() not in _JOINERS), len(p)) :] for p in parts]
    return [p for p in parts if p and _ENDS_BODY.match(p[-1])]


def _tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[a-z0-9]+", folded(name.lower())) if t not in _JOINERS]


def near_query(name: str, slack: int = 0) -> str:
    """An FTS5 query finding the name's words close together, so the paper's wording may differ in its
    small words and order ('Children & Young People's Committee' for 'Children and Young People
    Committee', 'City Council of Omaha' for 'Omaha City Council'): NEAR allows about two tokens between
    each pair (SQLite FTS5, 'NEAR groups'), and `slack` more in all (the words an abbreviation left out
    stood for). A body's noun as print shortens it ('BD', 'CTTEE') is ORed in (_SHORT)."""
    tokens = _tokens(name)
    shortened = [
        [short if t == word else t for t in tokens] for word in tokens for short in _SHORT.get(word, ())
    ]
    groups = [_near(form, 2 * len(tokens) + slack) for form in [tokens, *shortened]]
    return groups[0] if len(groups) == 1 else f"({' OR '.join(groups)})"


def _near(tokens: list[str], reach: int) -> str:
    quoted = " ".join(f'"{t}"' for t in tokens)
    return f"NEAR({quoted}, {reach})"


# A body's noun as bulletins and tables shorten it ('STATE BD EQUALIZATION D1'): either names the body.
_SHORT = {"board": ("bd",), "committee": ("cttee", "cmte"), "department": ("dept",), "commission": ("commn",)}


# An abbreviation in a body's name ('Social Care O&S Committee' for '… Overview and Scrutiny Committee'):
# capitals, perhaps joined by '&', that a paper prints in full.
_ABBREVIATION = re.compile(r"\s*\b[A-Z]{1,4}(?:&[A-Z]{1,4})+\b|\s*\b[A-Z]{2,5}\b(?![\w'’&])")


def unabbreviated(name: str) -> tuple[str, int]:
    """The name without its abbreviations, whose words a paper may print in full, and how many words
    they stand for (their capitals): 'Social Care O&S Committee' → ('Social Care Committee', 2); the
    name itself and 0 when it holds none."""
    letters = sum(c.isupper() for m in _ABBREVIATION.finditer(name) for c in m.group(0))
    return _ABBREVIATION.sub("", name).strip(), letters


# A district of an authority, not an authority: its papers are the authority's too.
_DISTRICT = re.compile(r"\bdistrict\s+of\b(?!.*\bcouncil\b)", re.I)
_IN_FULL = r"\s+(?:city\s+and\s+county|city|county|borough|district|parish|town)\s+council\b"
_KIND_ABBREVIATIONS = frozenset({"pc", "cc", "usd", "isd", "tc"})  # parish, city, school district, town
# Words of an authority's name that say what kind it is, not which: 'City of Winnipeg' is Winnipeg's.
_GENERIC = frozenset(
    "city council county borough district township parish town village of the and london union school unified"
    " board planning commission metropolitan royal regional municipal municipality corporation".split()
)


@lru_cache(maxsize=1 << 12)  # a passage is tried once per candidate it holds
def plain(text: str) -> str:
    """Lower case, accents and hyphens gone: 'San José' and 'Burton-cum-Walden' as typed in haste."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded(text.lower())).split())


@lru_cache(maxsize=1 << 10)
def councils_named(question: str, councils: frozenset[str]) -> tuple[str, ...]:
    """The councils, of those given (the papers' own), that the question names by their place's name
    anywhere in it ('at winnipeg council', 'on the Morgan Hill agenda', 'Cupertino USD'): an authority
    is known by the words of its name left when the words of its kind are set aside, or by its name in
    full as its papers print it ('Guelph City Council'). Named as an authority, of_named_council keeps
    its districts' papers too."""
    asked = f" {plain(question)} "
    return tuple(c for c in sorted(councils) if _names(question, asked, c))


def _names(question: str, asked: str, council: str) -> bool:
    place = council_place(council)
    by_place = place and f" {place} " in asked and (" " in place or names_as_place(question, place))
    return bool(by_place) or f" {plain(council)} " in asked  # in full as its papers print it


def _in_full(question: str, councils: set[str]) -> bool:
    """Whether the question names one of the councils as an authority, in full ('Limerick City and County
    Council', 'Guelph City Council'), not only by its place."""
    asked = f" {plain(question)} "
    return any(
        f" {plain(c)} " in asked or re.search(rf"\b{council_place(c)}{_IN_FULL}", asked) for c in councils
    )


def names_as_place(question: str, place: str) -> bool:
    """A one-word place is named as one: capitalised ('Summit County'), or beside a word of an authority's
    kind ('winnipeg council', 'cupertino usd'); 'the summit of the hill' names no Summit County."""
    if re.search(rf"\b{place.capitalize()}\b", question):
        return True
    kinds = "|".join(sorted((_GENERIC - {"of", "the", "and"}) | _KIND_ABBREVIATIONS))
    return bool(re.search(rf"\b(?:{kinds})\s+{place}\b|\b{place}\s+(?:{kinds})\b", plain(question)))


def of_named_council(question: str, items: Sequence[T], passage_of: Callable[[T], Passage]) -> list[T]:
    """The items (passages, candidates) of the council the question names, by its owner's possessive
    ("Derby's Cabinet") or its place anywhere ('at winnipeg council'), when some item is that council's.
    An item whose paper's council is unknown stays unless its paper names another of those councils'
    places and not the one asked (a plan that speaks of Plymouth throughout is not Derby's). All of
    them when the question names none of their councils."""
    councils = {c for item in items if (c := passage_of(item).council)}
    places = [p.lower() for p in named_places(question)]
    named = {c for c in councils if any(p in c.lower() for p in places)}
    named |= set(councils_named(question, frozenset(councils)))
    if not named:
        return list(items)
    # an authority named in full ('Limerick City and County Council') keeps its districts' papers, filed
    # under their own names ('Municipal District of Newcastle West')
    named |= {c for c in councils if _DISTRICT.search(c) and _in_full(question, named)}
    asked = {council_place(c) for c in named} | {plain(p) for p in places}
    named |= {c for c in councils if council_place(c) in asked}  # 'Limerick County Council' of old
    others = {council_place(c) for c in councils - named} - {""}
    return [item for item in items if _of_asked(passage_of(item), named, asked, others)]


def council_place(council: str) -> str:
    return " ".join(w for w in plain(council).split() if w not in _GENERIC)


def _of_asked(passage: Passage, named: set[str], asked: set[str], others: set[str]) -> bool:
    if passage.council:
        return passage.council in named
    text = " " + plain(f"{passage.title or ''} {passage.text}") + " "
    return any(f" {p} " in text for p in asked) or not any(f" {p} " in text for p in others)


# A council's committee, board or panel, not the council itself, which picks its papers (of_named_council).
_COMMITTEE = re.compile(r"\b(?:Sub-?[Cc]ommittee|Committee|Subcommittee|Panel|Board|Forum|Commission)$")
# Words every body's name may hold or leave out: they tell no body from another ('… Scrutiny Panel').
_ANY_BODY = frozenset(
    "and of for in the s sub committee subcommittee panel board forum commission city council".split()
)


def of_named_committee(question: str, text: str, passage: Passage) -> bool:
    """Whether a sentence (`text`) from `passage` can be of the committee the question names ('Who chairs
    the Health and Adult Social Care Overview and Scrutiny Committee?'): its paper is that committee's (by
    its full or a shorter name), or of a body unknown, or the sentence names it. A chair line in another
    committee's minutes is that committee's chair. True when the question names no committee."""
    asked = _committees(question)
    if not asked or not passage.body:
        return True
    own, said = _words(passage.body), _words(text)
    # a body printed by a short name ('Health and Adult Social Care Panel') is still the one asked
    return any(words <= own or own <= words or words <= said for words in asked)


@lru_cache(maxsize=1 << 8)  # asked once per candidate of the question
def _committees(question: str) -> tuple[frozenset[str], ...]:
    return tuple(_words(b) for b in named_bodies(question) if _COMMITTEE.search(b))


def _words(name: str) -> frozenset[str]:
    return frozenset(plain(name).split()) - _ANY_BODY
