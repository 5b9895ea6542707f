"""The committee or meeting body a paper is for, read from its masthead."""

from __future__ import annotations

import re

from corpus.headtext import is_caps, title_case, top_lines, without_dates

_BODY_WORD = re.compile(
    r"\b(?:Sub-Committee|Committee|Board|Panel|Cabinet|Forum|Commission)\b"
    r"(?: of (?:the )?(?-i:[A-Z])[\w'-]+(?: (?:and|&) (?-i:[A-Z])[\w'-]+)?)?",
    re.I,
)
_BODY_JOINERS = {"and", "&", "of", "for", "the", "on", "in"}
# Words that lead into a body's name without belonging to it.
_BODY_LEAD = _BODY_JOINERS | {"meeting", "agenda", "minutes", "report", "notice", "to", "a", "an"}
_BODY_LEAD |= {"regular", "special", "ordinary", "extraordinary", "annual", "adjourned", "joint", "session"}
_NOT_BODY_NEXT = {"room", "rooms", "member", "members", "chair", "report", "papers", "secretary", "chambers"}
_DISTRICT = re.compile(r"\b(?:Municipal|Metropolitan) District of [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")
# Words naming the authority, after which a body's own name starts: "Plymouth City Council Cabinet".
_AUTHORITY_END = {"Council", "District"}
_MAX_WORDS = 14  # a longer line is a sentence, not a heading naming a body

# The council itself as the meeting body: "meeting of the Council", "CITY COUNCIL AGENDA",
# "Minutes of Guelph City Council", "To: Mayor and City Council", a line that is just "City Council".
_KINDS = r"city|town|parish|township|village|county|borough|district|community|municipal"
_KIND = rf"(?:(?P<kind>{_KINDS}) )?"
_NOT_A_BODY = r"(?:(?!committee|board|panel|cabinet|commission)\S+ ){0,5}?"
_SESSION = r"(?:regular |special |ordinary |annual )?"
_WHOLE_COUNCIL = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"\bfull council\b",
        rf"\b(?:meeting|minutes) of (?:the )?(?P<kind>{_KINDS}) of {_NOT_A_BODY}council\b(?!['’]s)",
        rf"\b(?:meeting|minutes) of (?:the )?{_NOT_A_BODY}{_KIND}council\b(?!['’]s| chambers?\b)",
        # "City Council" alone, "Mayor and Council": a bare "Council" line is a wrapped fragment.
        rf"^(?:(?:staff )?report (?:to )?)?(?:the |and |to )*(?P<kind>{_KINDS}) council"
        rf"(?: {_SESSION}(?:meeting|agenda|minutes)\b.*)?$",
        rf"^(?:(?:the |and |to )*(?:honou?rable )?mayor and )(?:the )?{_KIND}council$",
        rf"^{_SESSION}council {_SESSION}(?:meeting|agenda|minutes)\b",  # "Ordinary Council Meeting"
        # "Ditchling Parish Council Meeting", "Little Ashby Parish Council – Minutes of 2 June 2021"
        rf"^{_SESSION}(?:meeting |minutes |agenda )?(?:\S+ ){{1,4}}?{_KIND}council[\s–—:-]+{_SESSION}"
        r"(?:meeting|agenda|minutes)",
    )
)
_STOP = re.compile(
    r"^\W*(?:\d{1,2}[.)]?\s|present\b|attendance\b|in attendance\b|apologies\b|roll call\b)", re.I
)
# Labelled values in a masthead that name someone or something other than the body.
_OTHER_LABEL = re.compile(
    r"^(?:from|by|author|report (?:of|by)|subject|title|date|time|venue|location|place|contact|e-?mail"
    r"|tel|phone|wards?(?: affected)?|key decision|appendices|item|file)\b",
    re.I,
)
_MASTHEAD_LABEL = (
    r"to|from|by|meeting|meeting date|date(?: of (?:the )?meeting)?|subject|title|report (?:to|of|by)"
    r"|committee|body|decision maker|author|time|venue|location|place|contact(?: officer)?"
    r"|wards?(?: affected)?|file|item"
)
_PROSE_WINDOW = 1500  # chars: "A regular meeting of the Township Council was held" stands at the top


def _whole_council(text: str) -> str | None:
    """ "Full Council", or "<Kind> Council" when the council as a whole is the meeting body."""
    m = next((m for p in _WHOLE_COUNCIL if (m := p.search(text.strip(" .:,;-–")))), None)
    if not m:
        return None
    kind = m.groupdict().get("kind")
    return f"{kind.title()} Council" if kind else "Full Council"


def _committee(text: str) -> str | None:
    """The committee, board, panel or cabinet a heading names, if any."""
    if m := _DISTRICT.search(text):
        return m[0]
    for m in reversed(list(_BODY_WORD.finditer(text))):
        after = text[m.end() :].split()
        if after and after[0].lower().strip(",.:;") in _NOT_BODY_NEXT:
            continue
        before = text[: m.start()].split()
        start = len(before)
        while start and (before[start - 1][0].isupper() or before[start - 1].lower() in _BODY_JOINERS):
            start -= 1
        name = before[start:]
        ends = [i for i, word in enumerate(name) if title_case(word) in _AUTHORITY_END]
        name = name[ends[-1] + 1 :] if ends else name
        while name and name[0].lower() in _BODY_LEAD:
            name = name[1:]
        if not name and not m[0].lower().startswith(("cabinet", "board of", "committee of")):
            continue
        phrase = " ".join([*name, m[0]])
        return title_case(phrase) if is_caps(phrase) else phrase
    return None


def _values(line: str) -> list[str]:
    """The parts of a masthead line that may name the body: its text, or its labelled values
    other than author, subject, date and the like ("Meeting: Cabinet Date: 11 March 2026")."""
    parts = re.split(rf"(?:^|\s)({_MASTHEAD_LABEL})\s*:\s*", line, flags=re.I)
    values = [parts[0]] if parts[0].strip() else []
    values += [v for label, v in zip(parts[1::2], parts[2::2], strict=True) if not _OTHER_LABEL.match(label)]
    return values


def _body_in(line: str) -> str | None:
    """The committee or meeting body a short heading-like line names, if any."""
    for value in _values(line):
        text = re.split(r"\s+held\b", without_dates(value), flags=re.I)[0]  # "Minutes of X held on ..."
        if not text or len(text.split()) > _MAX_WORDS or text.endswith((".", ";")):
            continue
        text = text.rstrip(" .:,;-–")
        if body := _committee(text) or _whole_council(text):
            return body
    return None


def find_body(text: str) -> str | None:
    """The committee or body the paper is for, from its masthead, or None.

    The masthead runs from the top to the first numbered item or attendance list; a sentence near
    the top saying "a meeting of the Council was held" counts when no heading names a body.
    """
    for line in top_lines(text, 25):
        if _STOP.match(line):
            break
        if body := _body_in(line):
            return body
    head = text[:_PROSE_WINDOW]
    return next(
        (b for m in re.finditer(r"[^.\n]*meeting of[^.\n]*", head, re.I) if (b := _whole_council(m[0]))), None
    )
