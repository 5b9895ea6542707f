"""Reads a council paper's own title, council, body, date and type from its opening text."""

from __future__ import annotations

import re

from corpus.dates import FoundDate, find_dates
from corpus.document import Metadata

_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"}


def title_case(s: str) -> str:
    """ALL-CAPS text in Title Case, small joining words lowercase, vowel-less acronyms kept."""
    out = []
    for i, word in enumerate(s.split()):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if i and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        elif letters.isupper() and len(letters) <= 5 and not re.search(r"[AEIOU]", letters):
            out.append(word)  # NHS, PCC, CYP: acronyms rather than shouted words
        else:
            parts = word.lower().split("-")
            out.append("-".join(re.sub(r"[^\W\d_]", lambda c: c[0].upper(), p, count=1) for p in parts))
    return " ".join(out)


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _clean(line: str) -> str:
    line = re.sub(r"^\s*#+\s*|\*\*|__", " ", line)
    return " ".join(line.split())


def _without_dates(line: str) -> str:
    for f in reversed(find_dates(line)):
        line = line[: f.start] + " " + line[f.end :]
    return _clean(line)


def _top_lines(text: str, limit: int = 40) -> list[str]:
    """First non-empty lines, with bold runs that PDF conversion split over lines rejoined."""
    head = re.sub(r"\*\*[^*\n]+(?:\n[^*\n]+){1,3}\*\*", lambda m: " ".join(m[0].split()), text[:6000])
    return [line.strip() for line in head.splitlines() if line.strip()][:limit]


_BODY_WORD = re.compile(r"\b(?:Sub-Committee|Committee|Board|Panel|Cabinet|Forum|Commission)\b", re.I)
_BODY_JOINERS = {"and", "&", "of", "for", "the", "on", "in"}
# Words that lead into a body's name without belonging to it.
_BODY_LEAD = _BODY_JOINERS | {"meeting", "agenda", "minutes", "report", "notice", "to", "a", "an"}
_NOT_BODY_NEXT = {"room", "rooms", "member", "members", "chair", "report", "papers", "secretary"}
_DISTRICT = re.compile(r"\b(?:Municipal|Metropolitan) District of [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")
_FULL_COUNCIL = re.compile(r"\bfull council\b|\bmeeting of (?:the )?council$|\bcouncil meeting$", re.I)


def _body_in(line: str) -> str | None:
    """The committee or meeting body a short heading-like line names, if any."""
    text = re.split(r"\s+held\b", _without_dates(line), flags=re.I)[0]  # "Minutes of X held in ... on ..."
    if not text or len(text.split()) > 14 or text.endswith((".", ";")):
        return None
    text = text.rstrip(" .:,;-–")
    if m := _DISTRICT.search(text):
        return m[0]
    if _FULL_COUNCIL.search(text):
        return "Full Council"
    for m in reversed(list(_BODY_WORD.finditer(text))):
        after = text[m.end() :].split()
        if after and after[0].lower().strip(",.:;") in _NOT_BODY_NEXT:
            continue
        before = text[: m.start()].split()
        start = len(before)
        while start and (before[start - 1][0].isupper() or before[start - 1].lower() in _BODY_JOINERS):
            start -= 1
        name = before[start:]
        if "Council" in name:  # "Plymouth City Council Cabinet" names the council, then the body
            name = name[len(name) - name[::-1].index("Council") :]
        while name and name[0].lower() in _BODY_LEAD:
            name = name[1:]
        if not name and m[0].lower() != "cabinet":
            continue
        phrase = " ".join([*name, m[0]])
        return title_case(phrase) if _is_caps(phrase) else phrase
    return None


def find_body(text: str) -> str | None:
    """The committee or body the paper is for, from a heading-like line near the top."""
    return next((b for line in _top_lines(text) if (b := _body_in(line))), None)


_LABEL = re.compile(r"date of (?:the )?(?:meeting|report|decision)|meeting date|\bdate\s*:|\bheld\b", re.I)
_PUBLISHED = re.compile(r"\b(?:published|issued|date of publication|despatched|dispatched)\b", re.I)
# Dates that belong to something else: earlier meetings, sign-off, targets.
_DISCOUNT = re.compile(
    r"previous meeting|last meeting|next meeting|date (?:agreed|approved)|\b(?:agreed|approved)\s*:"
    r"|deadline|due date|review date|no later than|progress made|updated\s*:",
    re.I,
)
_NUMBERED = re.compile(r"\s*(?:[-•*]\s*)?(?:\d+[.)]|\d+\.\d+)\s")
_BARE_DATE_LINE = re.compile(r"\w+day\b|\bat\b|\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\b\.?|\W", re.I)
_WEEKDAY_BEFORE = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$", re.I)


def _heading_like(line: str) -> bool:
    text = _without_dates(line)
    marked = line.lstrip().startswith(("#", "**")) or _is_caps(text) or _body_in(line) is not None
    return marked and 1 <= len(text.split()) <= 15


def _date_score(text: str, f: FoundDate) -> float:
    """How likely `f` is the paper's own date: near the top, labelled, or beside the title."""
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    before = text[line_start : f.start]
    score = {"day": 3.0, "month": 2.0, "year": 0.5}[f.precision]
    score += 4 * (1 - f.start / 3000) if f.start < 3000 else (-1 if f.start < 10000 else -6)
    if _DISCOUNT.search(before):
        return score - 8
    prev = text[:line_start].rstrip().rsplit("\n", 1)[-1]
    if _LABEL.search(before) or (not before.strip() and _LABEL.search(prev) and len(prev.split()) <= 4):
        score += 6
    elif _PUBLISHED.search(before):
        score += 3
    if _WEEKDAY_BEFORE.search(before):
        score += 4
    if _NUMBERED.match(line) or len(line) > 200:  # items, paragraphs and prose date other things
        score -= 4
    if not _BARE_DATE_LINE.sub("", _without_dates(line)):  # the date alone, give or take day and time
        score += 2 + (3 if _heading_like(prev) else 0)
    elif _heading_like(line):
        score += 4
    return score


def best_date(text: str) -> FoundDate | None:
    """The paper's own date: the best-placed date, or None when no date is convincing."""
    scored = [(_date_score(text, f), -f.start, f) for f in find_dates(text)]
    top = max(scored, default=None, key=lambda s: s[:2])
    return top[2] if top and top[0] > 0 else None


_CAP = r"(?!Council\b)[A-Z][\w'’-]*"
_PLACE = rf"{_CAP}(?:[ \t]+(?:(?:and|&|upon|on|of|under)[ \t]+)?{_CAP})*"
_COUNCIL = re.compile(rf"\b(?:London|Royal) Borough of {_PLACE}|\b{_PLACE}[ \t]+Council\b")
_KINDS = ("City and County", "Metropolitan Borough", "Metropolitan District", "County Borough")
_KINDS += ("Borough", "District", "County", "City", "Town", "Parish", "Community")
_JOINS = {"and", "&", "upon", "on", "of", "under"}
_PLACE_OF = {"Isle", "Isles", "Vale", "Forest", "City"}  # places whose own names contain "of"
# Capitalised words that start sentences or describe a council rather than name its place.
_NOT_PLACE_WORDS = (
    "The This That These Our Their Your Its For To By With From In On At Of And A An Every Each All"
    " Both Within Across Following Whilst While If As When Where Dear Member Members Leader Chief"
    " Executive Officer Officers Councillor Councillors Welcome Contact Please Meeting Agenda Minutes"
    " Report Cabinet Full Whole Wider Future Caring Care Youth Children Young School Schools Teaching"
    " Student Students Pupil Privy European Arts Research Sport Sports General National Local Shadow"
    " New Previous Ordinary Annual Special Extraordinary Borough City County District Town Parish"
    " Community Council Planning Committee Board Panel Health Business Monday Tuesday Wednesday"
    " Thursday Friday Saturday Sunday"
)
_NOT_PLACE = set(_NOT_PLACE_WORDS.split())


def _council_name(found: str) -> tuple[str, bool] | None:
    """A well-formed council name from a match, and whether it is the bare "X Council" form."""
    if b := re.search(r"\b(?:London|Royal) Borough of ", found):
        place = []
        for word in found[b.end() :].split():
            if word in _NOT_PLACE:
                break
            place.append(word)
        while place and place[-1] in _JOINS:
            place.pop()
        return (b[0] + " ".join(place), False) if place else None
    words = found.split()[:-1]
    kind = next((k for k in _KINDS if words[-len(k.split()) :] == k.split()), None)
    place = words[: len(words) - len(kind.split())] if kind else words
    prefix: list[str] = []
    if "of" in place:  # "Members of Plymouth": the place follows the last "of", as in "Isle of Wight"
        cut = len(place) - place[::-1].index("of")
        prefix = place[cut - 2 : cut] if cut >= 2 and place[cut - 2] in _PLACE_OF else []
        place = place[cut:]
    while place and (place[0] in _NOT_PLACE or place[0] in _JOINS):
        place = place[1:]
    if not place:
        return None
    if kind is None and (any(w in _NOT_PLACE for w in place) or place[-1].endswith("ing")):
        return None
    return " ".join([*prefix, *place, *([kind] if kind else []), "Council"]), kind is None


def find_council(text: str) -> str | None:
    """The most often named well-formed council (earliest on a tie), or None."""
    counts: dict[str, list[int]] = {}  # name -> [count, first offset, stands on its own line]
    offset = 0
    for line in text.splitlines(keepends=True):
        scan = title_case(line) if _is_caps(line) else line
        for m in _COUNCIL.finditer(scan):
            if named := _council_name(m[0]):
                entry = counts.setdefault(named[0], [0, offset + m.start(), 0, named[1]])
                entry[0] += 1
                entry[2] |= _clean(scan).strip(" .,:") == m[0]
        offset += len(line)
    # A bare "X Council" is only trusted when repeated or set out as a heading line.
    valid = [(n, e) for n, e in counts.items() if not e[3] or e[0] >= 2 or e[2]]
    best = max(valid, default=None, key=lambda item: (item[1][0], -item[1][1]))
    return best[0] if best else None


_BOILERPLATE = re.compile(
    r"please ask for|@|www\.|https?://|(?-i:\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b)|public document pack"
    r"|^(?:t|tel|telephone|e|email|e-mail|fax|web|dx|direct line)\b[ .:]|^(?:agenda )?item(?: no\.?)? ?\d"
    r"|^page \d|^(?:not )?protectively marked|^(?:official|restricted|confidential|exempt)\b"
    r"|^(?:members|apologies|contents|(?:executive )?summary|recommendations?|purpose"
    r"(?: of (?:the |this )?report)?|introduction|background|appendix|date|time|venue|contact)\b\W*$"
    r"|^present\b|\bpresent\W*$"
    r"|^(?:date|time|venue|place|location|contact|members(?:hip)?|to|from|wards?(?: affected)?)\s*:",
    re.I,
)
# Department and council names head many papers but are only titles when nothing better is there.
_DEPARTMENT = re.compile(r"(?:department|directorate|services?|team|unit|office|governance|council)$", re.I)
_TITLE_LABEL = re.compile(r"^(?:report )?(?:title|subject)(?: of (?:the )?report)?\s*[:–-]\s*(.*)$", re.I)
_REPORT_OF = re.compile(r"^report (?:of|by|from)\b:?\s*\S+\s+\S+", re.I)


def _tidy(line: str) -> str:
    text = _clean(line).strip(" .,:;|-–—")
    text = title_case(text) if _is_caps(text) else text
    return text if len(text) <= 150 else text[:150].rsplit(" ", 1)[0]


def _titleish(line: str, most: int = 15) -> bool:
    text = _clean(line)
    words = len(_without_dates(text).split())
    return words >= 2 and len(text.split()) <= most and not _BOILERPLATE.search(text)


def find_title(text: str, source: str = "") -> str | None:
    """The paper's title: a markdown heading, a labelled or prominent line, else the file stem."""
    lines = _top_lines(text)
    picks = [next((line for line in lines if line.startswith("#") and _titleish(line, 80)), None)]
    for i, line in enumerate(lines[:-1]):
        if m := _TITLE_LABEL.match(_clean(line)):
            picks.append(m[1] or lines[i + 1])
        if _REPORT_OF.match(_clean(line)) and _titleish(lines[i + 1], 20):
            picks.append(lines[i + 1])  # the usual report layout: author line, then the title
    bold = [line for line in lines if line.startswith("**") and line.endswith("**")]
    prominent = [line for line in lines if line in bold or _is_caps(_without_dates(line))]
    prominent = [line for line in prominent if _titleish(line)]
    picks.append(next((p for p in prominent if not _DEPARTMENT.search(_tidy(p))), None))
    minutes = next((line for line in lines[:10] if re.match(r"\W*minutes of\b", line, re.I)), None)
    if minutes and len(minutes.split()) > 12:  # keep "Minutes of X", drop "held at ... on ..."
        minutes = re.split(r"\s+held\b", minutes, flags=re.I)[0]
    picks.append(minutes)
    picks.append(prominent[0] if prominent else None)  # department names only if nothing better
    picks.append(next((line for line in lines if _titleish(line, 25)), None))
    picks.append(re.sub(r"[_\s-]+", " ", re.split(r"[\\/]", source)[-1].rsplit(".", 1)[0]))
    return next((title for pick in picks if pick and (title := _tidy(pick))), None)


# (type, weight, pattern): evidence each kind of paper shows in its opening lines.
_TYPE_SIGNALS = tuple(
    (kind, weight, re.compile(pattern, re.I | re.M))
    for kind, weight, pattern in (
        ("agenda", 2, r"\bagenda\b"),
        ("agenda", 3, r"members are (?:invited|requested|summoned) to attend|notice of (?:the )?meeting"),
        ("agenda", 3, r"\(pages? \d+ ?[-–] ?\d+\)"),
        ("minutes", 4, r"^\W*minutes of\b"),
        ("minutes", 3, r"^\W*present\W*$|^\W*present:|\bin attendance\b"),
        ("minutes", 2, r"(?-i:\bRESOLVED\b)|the meeting (?:started|commenced|closed|ended|finished) at"),
        ("minutes", 1, r"apologies for absence"),
        ("report", 3, r"^\W*report (?:of|to|by|from)\b"),
        ("report", 2, r"^[\W\d]*(?:recommendations?|reasons? for recommendations?|executive summary)\b"),
        ("report", 2, r"purpose of (?:the |this )?report"),
        ("report", 1, r"^[\W\d]*(?:summary|implications|background papers?)\W*$"),
        ("report", 3, r"\bpledges?\b[\s\S]{0,800}?\b(?:in progress|completed?|status)\b"),
        ("plan", 2, r"\b(?:strategic|improvement|action|business|delivery|corporate|three-year) plan\b"),
    )
)
_TITLE_TYPES = {
    "agenda": r"\bagenda\b|notice of meeting",
    "minutes": r"^minutes\b",
    "report": r"\b(?:report|update|pledges?|progress|performance|monitoring)\b",
    "plan": r"\bplan\b",
}
# A plan period such as 2024-27 spans years; a financial year such as 2017/18 does not.
_PERIOD = re.compile(r"\b(?:19|20)(\d\d) ?[/\-–] ?(?:19|20)?(\d\d)\b")


def classify(text: str, title: str | None = None) -> str:
    """agenda, minutes, report, plan or other, from the title and the paper's opening."""
    head = "\n".join(text.splitlines()[:60])[:4000]
    scores = dict.fromkeys(_TITLE_TYPES, 0.0)
    hits = [(m.start(), kind, weight) for kind, weight, p in _TYPE_SIGNALS if (m := p.search(head))]
    # The kind whose strong evidence comes first leads: an agenda pack that carries last
    # meeting's minutes is still an agenda. Later and other-kind evidence counts for less.
    lead = min(((start, kind) for start, kind, weight in hits if weight >= 3), default=(0, None))[1]
    for start, kind, weight in hits:
        scores[kind] += weight * (1 if kind == lead else 0.5) * (1 if start < 2000 else 0.5)
    for kind, pattern in _TITLE_TYPES.items():
        scores[kind] += 4 if title and re.search(pattern, title, re.I) else 0
    short = [line for line in [title or "", *_top_lines(text, 20)] if len(line.split()) <= 15]
    if any(2 <= (int(b) - int(a)) % 100 <= 5 for line in short for a, b in _PERIOD.findall(line)):
        scores["plan"] += 2
    kind = max(scores, key=lambda k: scores[k])
    return kind if scores[kind] >= 2 else "other"


def describe(text: str, source: str = "") -> Metadata:
    """What the paper says about itself; fields it does not say stay None (doc_type "other")."""
    title = find_title(text, source)
    found = best_date(text)
    return Metadata(
        title=title,
        council=find_council(text),
        body=find_body(text),
        date=found.value if found else None,
        date_precision=found.precision if found else "day",
        doc_type=classify(text, title),
    )
