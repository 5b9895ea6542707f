"""The council or other public authority a paper comes from, in the form the paper names it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.headtext import clean, is_caps, title_case

_CAP = r"(?!Council\b)[A-Z][\w'’-]*"
# A place name runs to a few words at most; the bound also keeps a long run of capitals cheap.
_PLACE = rf"{_CAP}(?:[ \t]+(?:(?:and|&|upon|on|of|under|de|la)[ \t]+)?{_CAP}){{0,6}}"
_KIND_OF = r"City and County|Metropolitan Borough|Regional District|Regional Municipality|Rural Municipality"
_KIND_OF += (
    r"|City|Town|Township|Village|County|Borough|District|Municipality|Parish|Municipal District|Shire|Region"
)
# The ways papers name an authority: "X [kind] Council", "[kind] of X [Council]", "London Borough of X",
# "X [Unified] School District", "X County Board of Supervisors", "X Planning Commission",
# "X Water District" and other special districts, "X Regional District", "X District School Board".
_INSTITUTION = (
    r"Council|(?:Unified |Union |Independent |Elementary |High |Joint |Community )?School District"
    r"|(?:District )?School Board|Board of Supervisors|Board of (?:County )?Commissioners|Planning Commission"
    r"|(?:City|County|Town|Village) Commission|Regional District"
    r"|(?:Water|Fire(?: Protection)?|Sanitary|Sanitation|Park|Recreation|Hospital|Transit|Irrigation"
    r"|Utility|Library|Community Services) District"
)
_NAMES = re.compile(
    rf"\b(?:London|Royal) Borough of {_PLACE}"
    rf"|\b(?:{_KIND_OF}) of (?:the )?{_PLACE}(?:[ \t]+Council\b)?"
    rf"|\b{_PLACE}[ \t]+(?:{_INSTITUTION})\b"
)
_SUFFIX_KINDS = ("City and County", "Metropolitan Borough", "Metropolitan District", "County Borough")
_SUFFIX_KINDS += ("Borough", "District", "County", "City", "Town", "Township", "Village", "Parish")
_SUFFIX_KINDS += ("Community", "Shire", "Regional")
_JOINS = {"and", "&", "upon", "on", "of", "under", "de", "la", "the"}
_PLACE_OF = {"Isle", "Isles", "Vale", "Forest", "City"}  # places whose own names contain "of"
# Capitalised words that start sentences, name roles, meetings or (in election papers) parties, or
# are agenda verbs: they stand beside a council's name in running text ("Honorable Mayor and City
# Council", "Resides in the City of ... Labour Party") but are never a place.
_NOT_PLACE = set(
    (
        "The This That These Our Their Your Its For To By With From In On At Of And A An Every Each All"
        " Both Within Across Following Whilst While If As When Where Dear Member Members Leader Chief"
        " Executive Officer Officers Councillor Councillors Welcome Contact Please Meeting Agenda Minutes"
        " Report Cabinet Full Whole Wider Future Caring Care Youth Children Young School Schools Teaching"
        " Student Students Pupil Privy European Arts Research Sport Sports General National Local Shadow"
        " New Previous Ordinary Annual Special Extraordinary Regular Joint Organizational Organisational"
        " Borough City County District Town Parish Community Council Planning Committee Board Panel Health"
        " Business Mayor Honorable Honourable Deputy Chair Chairman Clerk Vice Pro Tem Staff"
        " Party Approve Approves Review Adopt Accept Authorize Authorise Receive Note Join Address Ask"
        " Inform Advise Support Notice Statement Election Hearing Public Monday Tuesday Wednesday"
        " Thursday Friday Saturday Sunday"
    ).split()
)
# Words that follow an authority's name in a heading ("London Borough of X Planning Committee").
_FOLLOWS_NAME = set("Planning Committee Board Panel Cabinet Council Meeting Agenda Minutes Report".split())
_FOLLOWS_NAME |= set("Notice Statement Election Regular Special Annual Full Public Hearing".split())
# "Council Chamber" names a room, "Council Member" a person and "Council area" a territory; the
# council they belong to may be another authority's venue, a title or an address, not the author.
_NOT_AFTER = re.compile(r"[ \t]*(?:Chambers?|Members?|Room|Rooms|area)\b")
_MASTHEAD = 1200  # chars: names in the paper's opening are its own
_MASTHEAD_BONUS, _HEADING_BONUS = 3, 2
_HEADING_WORDS = 15  # a line at the top no longer than this is a heading, not running prose
_OPENING = 3000  # chars: a name said once after this is another authority the paper mentions
# Between two authorities in the opening, the smaller one is the author: a parish paper names
# its district and county, a school district its county, never the other way round.
_SPECIFIC = re.compile(r"\b(?:Parish|Town|Village|Community)\b|District$|Commission$")


@dataclass(frozen=True)
class _Seen:
    """One naming of an authority: its name, the (kind, place, institution) it denotes, where it
    stood (char offset), whether as a heading, cut short (see _of_form) or re-cased from capitals."""

    name: str
    key: tuple[str, str, str]
    offset: int
    heading: bool
    clipped: bool = False
    recased: bool = False  # read from a line in capitals, so its casing is a guess


def _place_words(words: list[str]) -> list[str]:
    """The place part of a name: leading non-place words and joiners dropped, "Members of X" cut."""
    if "of" in words:
        cut = len(words) - words[::-1].index("of")
        prefix = words[cut - 2 : cut] if cut >= 2 and words[cut - 2] in _PLACE_OF else []
        words = prefix + words[cut:]
    while words and (words[0] in _NOT_PLACE or words[0] in _JOINS):
        words = words[1:]
    while words and words[-1] in _JOINS:
        words = words[:-1]
    return words


def _cut_place(words: list[str]) -> tuple[list[str], bool]:
    """The words of "City of <words>" that name the place, and whether a non-place word cut them."""
    place: list[str] = []
    clipped = False
    for word in words:
        if word in _NOT_PLACE:
            clipped = word not in _FOLLOWS_NAME
            break
        if place and word.endswith("ing") and place[-1] not in _JOINS:
            break
        place.append(word)
    while place and place[-1] in _JOINS:
        place.pop()
    return place, clipped


def _of_form(found: str) -> tuple[str, tuple[str, str, str], bool] | None:
    """ "City of X [Council]", "London Borough of X", and whether the place had to be cut short.

    The place ends before a participle ("City of Morgan Hill Amending ...") or a word that is never
    a place ("City of Mountain View Tuesday"); a name cut at such a word is only believed when
    the paper names the place elsewhere without it (see find_council).
    """
    m = re.match(rf"((?:London|Royal) Borough|{_KIND_OF}) of (?:the )?(.+?)( Council)?$", found)
    if not m:
        return None
    words = m[2].split()
    kind = next((k for k in _SUFFIX_KINDS if m[3] and words[-len(k.split()) :] == k.split()), "")
    if kind and len(words) > len(kind.split()):  # "City of Bradford Metropolitan District Council"
        place = f"{m[1]} of {' '.join(words[: -len(kind.split())])}"
        return found, (kind.split()[-1], place, "Council"), False
    place, clipped = _cut_place(words)
    if not place:
        return None
    council = m[3] if len(place) == len(words) else ""
    return (
        f"{m[1]} of {' '.join(place)}{council or ''}",
        (m[1].split()[-1], " ".join(place), "Council"),
        clipped,
    )


def _named(found: str) -> tuple[str, tuple[str, str, str], bool] | None:
    """A well-formed name from a match, its (kind, place, institution) key, and whether it was cut."""
    found = " ".join(found.split())
    if (of_form := _of_form(found)) or re.match(rf"(?:London|Royal) Borough|(?:{_KIND_OF}) of ", found):
        return of_form
    head, tail = re.fullmatch(rf"(.+) ({_INSTITUTION})", found).groups()
    words = head.split()
    kind = next((k for k in _SUFFIX_KINDS if words[-len(k.split()) :] == k.split()), "")
    place = _place_words(words[: len(words) - len(kind.split())] if kind else words)
    # A bare "X Council" whose X ends in -ing is an activity ("Planning Council"), not a place.
    if not place or any(w in _NOT_PLACE for w in place) or (not kind and place[-1].endswith("ing")):
        return None
    name = " ".join([*place, *([kind] if kind else []), tail])
    return name, (kind.split()[-1] if kind else "", " ".join(place), tail), False


def _sightings(text: str) -> list[_Seen]:
    seen, offset = [], 0
    for line in text.splitlines(keepends=True):
        scan = title_case(line) if is_caps(line) else line
        for m in _NAMES.finditer(scan):
            if _NOT_AFTER.match(scan, m.end()) or not (named := _named(m[0])):
                continue
            heading = clean(scan).strip(" .,:") == m[0].strip()
            # A bare "Kirklees Council" in a short line at the top ("Minutes of the Meeting of
            # Kirklees Council held on ...") counts as set out in a heading.
            heading |= not named[1][0] and offset < _MASTHEAD and len(scan.split()) <= _HEADING_WORDS
            seen.append(_Seen(named[0], named[1], offset + m.start(), heading, named[2], scan is not line))
        offset += len(line)
    return seen


def _canonical(key: tuple[str, str, str], keys: set[tuple[str, str, str]]) -> tuple[str, str, str]:
    """The key a naming belongs to: "York Council" is "City of York Council" when both occur, and
    "Township of Nipissing Community Centre" is the Township of Nipissing."""
    kind, place, institution = key
    for other in sorted(keys, key=lambda k: len(k[1])):
        same = other[2] == institution and other != key and (not kind or other[0] == kind)
        if same and (other[1] == place or place.startswith(other[1] + " ")) and other[0]:
            return other
    return key


def _merge_keys(seen: list[_Seen]) -> dict[tuple[str, str, str], list[_Seen]]:
    """Group the namings of one authority under one key."""
    groups: dict[tuple[str, str, str], list[_Seen]] = {}
    keys = {s.key for s in seen}
    for s in seen:
        groups.setdefault(_canonical(s.key, keys), []).append(s)
    return groups


def _score(group: list[_Seen]) -> tuple[bool, bool, float, int]:
    """Rank of an authority: set out as a heading in the opening (the letterhead), then the smaller
    authority among those, then how often and how early it is named."""
    first = min(s.offset for s in group)
    letterhead = any(s.heading and s.offset < _MASTHEAD for s in group)
    specific = letterhead and bool(_SPECIFIC.search(group[0].name))
    count = (
        len(group) + _MASTHEAD_BONUS * (first < _MASTHEAD) + _HEADING_BONUS * any(s.heading for s in group)
    )
    return letterhead, specific, count, -first


def find_council(text: str) -> str | None:
    """The authority the paper names as its own, in its fullest form, or None.

    An authority set out as a heading line in the paper's opening is its own (the smaller one if
    there are several: a town council above its city); otherwise the authority named most, names
    in the opening and in heading lines counting extra. A bare "X Council" is trusted only when
    repeated, set out as a heading, or the bare form of a fuller name in the paper; a name cut
    short (see _of_form) only when the paper also names the place in full; a name said once only
    when it is said in the opening.
    """
    groups = _merge_keys(_sightings(text))
    valid = {
        k: g
        for k, g in groups.items()
        if not all(s.clipped for s in g)
        and (k[0] or k[2] != "Council" or len(g) >= 2 or any(s.heading for s in g))
        and (len(g) >= 2 or g[0].offset < _OPENING)
    }
    if not valid:
        return None
    key, best = max(valid.items(), key=lambda item: _score(item[1]))
    # The fullest form, in the paper's own casing where it writes the name other than in capitals.
    forms = [s for s in best if s.key == key] or best
    return max(forms, key=lambda s: (not s.recased, len(s.name))).name


def names_authority(line: str) -> bool:
    """Whether `line` is just an authority's name ("CITY OF MOUNTAIN VIEW", "Kent County Council")."""
    text = clean(line).strip(" .,:;")
    text = title_case(text) if is_caps(text) else text
    return bool(_NAMES.fullmatch(text)) and _named(text) is not None
