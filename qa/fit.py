"""What a candidate must hold to fit what a question asks of its thing, office, person or time."""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.dates import find_dates
from qa.acronyms import spelled_in
from qa.acts import acted_on_day, dated_act, members_act, telling_vote
from qa.candidate import Asked, Candidate, cover, stem_set, stems_of
from qa.counting import restates_count
from qa.dateasked import day_in_month_asked
from qa.deadlines import to_come, told_deadlines
from qa.measures import event_named, measured, share_predicate, sum_named
from qa.moments import looks_ahead
from qa.monthasked import month_asked, of_another_year
from qa.namedposts import AGAINST, posts_of_named
from qa.namedrows import a_row
from qa.posts import asked_office, asked_post, names_office, office_at, paid_office
from qa.query import TimeTarget, proper_words
from qa.spans import spans
from qa.timefit import row_of, short_month_at
from qa.totals import totals_rows
from qa.typematch import FIGURES, names_all, of_named
from qa.units import row_above

TOPICAL = 0.34  # share of the question's IDF weight a passage or sentence on its topic holds at least
_SAID = 0.5  # share of the words of what a share question's group did that its answering sentence says
_THING_ENDING = 3  # letters a word may add to the thing's name and still name it ('fenc' + 'ing')
# A value tied to its month: '22.7% in Mar 19', '56.6% in March 2019', '£2m at the end of March 2019'.
# 'Who is Fostering Friendly Plymouth aimed at?': the people a scheme is for, told where the paper says
# so ('This is aimed at supporting …'), not where it names the scheme.
_AIMED = re.compile(
    r"^\W*(?:who|whom)\b.{0,80}?\b(aimed|targeted|intended|designed|meant)\s+(?:at|for)\b", re.I
)
# 'Who is the Young Carers' Champion?', 'the name of the Lead Officer': a post the question names by its
# title. A person in a field labelled with another post ('Lead Director: Judith Harwood') holds that one.
_POST_NOUN = (
    r"(?i:champion|officer|manager|director|lead|holder|member|advocate|co-?ordinator|head|commissioner"
    r"|advis[eo]r|ambassador)"
)
# 'Who was appointed to the new dedicated Service Manager post?': words that describe the post, not name it.
_POST_ADJECTIVES = r"(?i:new|dedicated|permanent|interim|acting|senior|full-time|part-time)"
_TITLED = re.compile(
    r"\b(?i:who\s+(?:is|was|will\s+be|has\s+been|became|(?:was|has\s+been|will\s+be)\s+"
    r"(?:appointed|named|recruited)(?:\s+(?:as|to))?)|name\s+of)\s+(?i:the\s+|an?\s+)?"
    rf"(?:{_POST_ADJECTIVES}\s+)*(?:[A-Z][\w'’-]*['’]s\s+)?(?:{_POST_ADJECTIVES}\s+)*"
    rf"((?:[A-Z][\w'’-]*\s+){{0,4}}{_POST_NOUN})\b"
)
_A_POST = re.compile(rf"\b{_POST_NOUN}\b")
# 'What did young people say they want …?', 'What have residents told us about …?': what a group said, told
# where the paper reports the group saying it ('Young people told us they want to live in a City that is
# "Equal, Kind and Safe"'), not where it names the group or the wish ('We want all children …').
_SAID_BY = re.compile(
    r"\b(?:what|how)\s+(?:did|do|does|have|has|had)\s+(?P<who>(?:the\s+)?[a-z][\w'’ -]{1,40}?)\s+"
    r"(?P<verb>say|said|tell|told|think|feel|want|ask\s+for|report|comment|suggest)\b",
    re.I,
)
_SPEECH = re.compile(
    r"(?:said|say|says|told|tell|tells|stated|reported|commented|felt|feel|feels|asked|shared|responded"
    r"|highlighted|identified|raised|suggested|expressed|explained|described|thought|think)",
    re.I,
)
# a wish is told by its own verb too ('residents want more crossings'), but only when a wish is asked: a
# title's 'What Young People Want from you' reports nobody saying anything
_WISH = re.compile(r"wants?|wanted", re.I)
_SPEAKER_GAP = 4  # words from the group to its verb ('young people in our care told us')
# A person asked by name ('What did Barry Hughes think about …?') speaks in a transcript's turns ('Barry
# Hughes: I think …'): every turn of theirs says something, so their name sets none apart.
_NAMED_ONE = re.compile(r"\b[A-Z]")
# 'Who won Strensall ward?': an election's result, which a list of candidates nominated does not tell.
_WON = re.compile(
    r"\b(?:who|which)\b.{0,30}\b(?:won|wins|topped the poll|(?:was|were|got|been)\s+(?:re-?)?elected)\b", re.I
)
_RESULT = re.compile(r"\b(?:(?:re-?)?elected|won|winner|votes|majority|returned)\b", re.I)
_FIELD = re.compile(r"(?:^|[;\n]\s*)([A-Z][\w'’ -]{1,40}):\s*$")  # 'Lead Director: ' before a name
_TIED = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:in|at|by|for|as at|at the end of|by the end of)\s+")
# 'What target does Plymouth hold for …?', 'What was the 2019/20 local target for …?': the figure aimed at,
# told where a sentence or a column names the aim ('our target of 65% is aspirational'), not the figure
# reached beside it; 'the performance against target' asks what was reached
_TARGET_ASKED = re.compile(
    r"\bwhat\s+(?:(?:is|was|are|were)\s+)?(?:(?:the|its|their|our|a)\s+)?(?:[\w/'’-]+\s+){0,2}?"
    r"(?<!against )(?<!below )(?<!above )(?<!than )(?<!to )(?:target|goal|ambition)s?\b",
    re.I,
)
# 'What total cost did Soup propose …?', 'How much did HouseKeys Inc. bid?': a sum a named party put forward
# is told beside its name; another bidder's sum, or the council's own budget line, is not it
_PUT_BY = re.compile(
    r"\b(?:did|does|do|will|would|has|had)\s+(?P<who>(?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)\s+"
    r"(?:propose|submit|bid|quote|offer|tender|charge|request)\b"
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "mayor", "sir", "dame"})
_AIM = re.compile(r"\b(?:targets?|targeted|aim(?:s|ed|ing)?|goals?|ambitions?|aspir\w*)\b", re.I)


def asks_target(question: str) -> bool:
    """Whether the question asks the figure aimed at ('What was the target for …?'), not what was reached."""
    return bool(_TARGET_ASKED.search(question))


def names_aim(text: str) -> bool:
    """Whether the text says a figure is aimed at ('target', 'aim', 'goal', 'ambition')."""
    return bool(_AIM.search(text))


def fitting(found: list[Candidate], asked: Asked) -> tuple[list[Candidate], bool]:
    """The candidates that fit, and whether they answer however they score (a post printed against
    the person the question names). For a count, none giving only the question's own numbers; for the
    value of a named thing ('the price of the memorial
    bench'), sentences naming it; for a share of a group that did something ('achieved grade 5'),
    sentences saying what; for a role of a named person, the post printed against the name, from a
    passage naming them; for who holds an office ('the City Manager'), a person printed against it, not
    a deputy's; for a value in a month, the value the sentence ties to that month ('22.7% in Mar 19');
    for whom a scheme is aimed at, the sentences saying it is aimed so, where any does; for what a group
    said, the sentences having it say so, where any does; for the holder
    of a post the question titles, no person in a field labelled with another post; for who won an
    election, passages telling its result; for a date to come, where a sentence gives one not past
    when its paper was written, none giving only dates past."""
    question, kind = asked.text, asked.expectation.kind
    if kind == "number":  # the question's own figures ('Of the six residents, how many …?') answer nothing
        found = [c for c in found if not restates_count(c.shown, question)] or found
    if kind in FIGURES | {"date", "time"} and (thing := measured(question)):
        found = [c for c in found if _names_thing(c, thing)]
    if kind in {"date", "time"}:  # a deadline asked: not a meeting's hour, nor the day a thing was done
        found = told_deadlines(found, question)
    if kind == "date":  # 'When does the agreement expire?': where a sentence or cell says it expires
        found = acted_on_day(found, question)
    if kind == "date" and (event := event_named(question)):  # not another event's date
        found = [c for c in found if all(_names_event(c, word) for word in event)]
    if kind == "date":  # 'the November meeting' of the year the question names, not of the year before
        found = [c for c in found if not of_another_year(c.shown, question)]
    if kind == "date" and month_asked(question):  # a meeting's day in the month, not a deadline's in it
        found = [c for c in found if day_in_month_asked(c.shown, question)] or found
    if kind in FIGURES and _TARGET_ASKED.search(question):  # the figure aimed at, where one is told so
        found = [c for c in found if _AIM.search(f"{c.label or ''} {c.shown}")] or found
    if kind in FIGURES and (party := _party(question, found)):  # what the named bidder put forward
        found = [c for c in found if party in f"{c.lead or ''} {c.label or ''} {c.shown}".lower()]
    if kind in FIGURES:  # a column's or a sheet's total asked: the table's totals row
        found = totals_rows(found, question)
    # a sum asked by its own noun ('What maximum monthly rent …?') is told beside that noun: a table's row
    # names it, and so does a sentence ('a budget amendment of $15,000' is no rent)
    if kind == "money" and (noun := sum_named(question)):
        found = [c for c in found if _names_thing(c, noun) or (not a_row(c.shown) and _named_above(c, noun))]
    if kind == "money" and (office := paid_office(question)):  # not another post's row of the pay scale
        found = [c for c in found if any(names_office(text, office) for text in _row_texts(c))]
    if kind == "percent" and (did := share_predicate(question)):
        wanted = set(stems_of(" ".join(did)))
        found = [c for c in found if _says(c, wanted, question)]
    if aimed := _AIMED.search(question):
        verb = stems_of(aimed.group(1))
        found = [c for c in found if verb[0] in stems_of(c.shown)] or found
    if (said := _SAID_BY.search(question)) and not _NAMED_ONE.search(said.group("who")):
        verbs = (_SPEECH, _WISH) if said.group("verb").lower() == "want" else (_SPEECH,)
        found = [c for c in found if _said_by(c.shown, said.group("who"), verbs)] or found
    if kind == "person" and (titled := _TITLED.search(question)):
        post = set(stems_of(titled.group(1)))
        found = [c for c in found if not _of_another_post(_field_of(c), post)]
    if kind == "decision":  # a vote asked is told by its tally or its result, not a blank form
        found = telling_vote(found, question)
    if kind == "person":  # 'Which commissioner abstained?': where a sentence says the abstention
        found = members_act(found, question)
    if kind == "person" and _WON.search(question):
        found = [c for c in found if _RESULT.search(c.passage.text)]
    if kind == "role":  # the post of a person the question names (qa/namedposts.py)
        found, held = posts_of_named(found, question)
        if held:
            return found, True
    if (office := asked_office(question)) and not asked_post(question):
        found = [
            c for c in found if "person" in c.kinds and (names_office(c.shown, office) or _under(c, office))
        ]
        # a person printed against the office answers, in a paper naming all the question names
        beside = [c for c in found if _beside(c, office) or _under(c, office)]
        if held := [c for c in beside if of_named(c.passage, proper_words(question))]:
            return held, True
        found = beside or found
    if looks_ahead(question) and any(to_come(c) for c in found):  # a date of what is to come
        found = [c for c in found if to_come(c) is not False]
    if kind == "date" and (dated := dated_act(found, question)):  # '… and expires … May 31, 2027'
        return dated, True
    if kind in FIGURES and asked.time and asked.time.one_month:
        # a value the sentence ties to the month asked, in a sentence on the question's topic, answers
        timed = [t for c in found if (t := _at_time(c, kind, asked.time))]
        if on_topic := [c for c in timed if cover(stem_set(c.shown), asked) >= TOPICAL]:
            return on_topic, True
    return found, False


def _party(question: str, found: list[Candidate]) -> str | None:
    """The first word of the name of the party a value question says put the value forward, past a title
    ('soup' of 'What total cost did Soup propose?', 'hello' of 'Hello Housing', 'oakenfull' of 'Mr
    Oakenfull'), lower-cased: the word telling it apart, however the rest is printed; None when the
    question names none so, or names the papers' own council."""
    m = _PUT_BY.search(question)
    if not m:
        return None
    who = re.sub(r"['’]s\b", "", m.group("who").lower())  # 'Derby's offer' is Derby's
    councils = " ".join({(c.passage.council or "").lower() for c in found})
    if who in councils or re.search(r"\b(?:council|committee|cabinet|board|city|county|authority)\b", who):
        return None
    words = [w.strip(".") for w in who.split() if w.strip(".") not in _TITLES]
    return words[0] if words else None


def _at_time(candidate: Candidate, kind: str, target: TimeTarget) -> Candidate | None:
    """The candidate with its value of `kind` that the sentence ties to a month in `target` as its span
    ('from 26.8% in Mar 18, to 22.7% in Mar 19' asked of March 2019: 22.7%); None when it ties none."""
    if candidate.span is not None:
        return None
    for span in spans(candidate.text):
        if span.kind == kind and _tied_month(candidate.text[span.end :], target):
            return replace(candidate, span=span)
    return None


def _tied_month(after: str, target: TimeTarget) -> bool:
    tied = _TIED.match(after)
    if not tied:
        return False
    rest = after[tied.end() :]
    dated = [d for d in find_dates(rest[:20]) if d.start == 0 and d.precision in ("month", "day")]
    if dated:
        return target.start <= dated[0].value <= target.end
    short = short_month_at(rest)  # 'Mar 19': a performance report's month and year
    return bool(short) and target.start <= short <= target.end


def _said_by(text: str, who: str, verbs: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the sentence names the group (every word of `who`) and has it say, tell or want something
    within _SPEAKER_GAP words after its last word ('Young people told us …', 'residents said'), in the
    same clause: a speaker's label ('Members: we think …') reports nobody."""
    group = stems_of(who)
    found = list(re.finditer(r"[\w'’]+", text))
    words = [m.group(0) for m in found]
    stems = [stems_of(w) for w in words]
    if not group or not set(group) <= {s for w in stems for s in w}:
        return False
    return any(
        group[-1] in stems[i]
        and any(
            v.fullmatch(words[j]) and ":" not in text[found[i].end() : found[j].start()]
            for j in range(i + 1, min(i + 1 + _SPEAKER_GAP, len(words)))
            for v in verbs
        )
        for i in range(len(words))
    )


def _field_of(candidate: Candidate) -> str | None:
    """The label of the field a candidate's name is printed in: its cell's ('Lead Director'), or the one
    just before its span in a joined row ('…; Lead Director: Judith Harwood')."""
    if candidate.label or candidate.span is None:
        return candidate.label
    before = _FIELD.search(candidate.text[: candidate.span.start])
    return before.group(1) if before else None


def _of_another_post(field: str | None, post: set[str]) -> bool:
    """The field names a post ('Lead Director') sharing no word with the post asked ('Young Carers'
    Champion'); a field naming no post ('VIDEO CONFERENCE') says nothing of whose name it holds."""
    return bool(field and _A_POST.search(field) and not post & set(stems_of(field)))


def _named_above(candidate: Candidate, thing: str) -> bool:
    """Whether the passage's heading names the thing: a sentence under 'Rent setting 2024/25' is of rents."""
    return _names_thing(replace(candidate, lead=candidate.passage.heading or ""), thing)


def _names_thing(candidate: Candidate, thing: str) -> bool:
    """Whether the sentence, a cell's row, the sentence it points back to or the paper's title names
    the thing whose value is asked ('the price of the memorial bench'): a sum beside other words is
    another thing's."""
    # the word and its short forms ('benches', 'fencing'); a stem would let 'engineering' name an engine.
    # An activity is named by its verb too: 'the cost of replacing … the Hummel Bridge' is a capital
    # plan's row 'Replace/Repair/Close Hummel Bridge'.
    root = re.sub(r"(?<=\w{4})ing$", "", thing.lower()).rstrip("e")
    word = re.compile(rf"\b{re.escape(root)}\w{{0,{_THING_ENDING}}}\b", re.I)
    # a sheet's title names what every row of it is ('Cash Sheet - Payments 2024-5': each sum a payment)
    texts = (*_row_texts(candidate), candidate.lead, candidate.passage.title or "")
    return any(word.search(text) for text in texts)


def _names_event(candidate: Candidate, word: str) -> bool:
    """Whether the sentence, its row, its passage, the heading over it or its paper's title names the
    word: a team named over its table ('Strategic Services and Customer Management') is the table's."""
    passage = candidate.passage
    held = f"{passage.heading or ''} {passage.title or ''} {passage.text}"
    return _names_thing(candidate, word) or names_all(held, (word,))


def _row_texts(candidate: Candidate) -> tuple[str, str, str]:
    """The sentence or row, the row's name under its heading, and the row above it when it points back
    to it ('Payee: HMRC; Detail: (re above)' under the clerk's salary)."""
    return candidate.shown, row_of(candidate), row_above(candidate.passage.text, candidate.shown)


def _under(candidate: Candidate, office: str) -> bool:
    """A name printed first under a heading of the office ('Responsible Financial Officer' / 'N J
    Robertson' at the foot of a parish's accounts): its holder."""
    heading, text = candidate.passage.heading, candidate.passage.text.lstrip()
    return bool(heading and names_office(heading, office) and text.startswith(candidate.shown))


def _beside(candidate: Candidate, office: str) -> bool:
    """A person's name printed against the office ('Kimbra McCarthy, City Manager' in a row of officers,
    'Returning Officer: Yvonne Rees'): the holder, not another name in the cell."""
    span = candidate.span
    if span is None or span.kind != "person":
        return False
    text = candidate.text
    return any(
        (span.end <= start and AGAINST.fullmatch(text[span.end : start]))
        or (end <= span.start and AGAINST.fullmatch(text[end : span.start]))
        for start, end in office_at(text, office)
    ) or bool(candidate.label and names_office(candidate.label, office) and span.start == 0)


def _says(candidate: Candidate, wanted: set[str], question: str) -> bool:
    """Whether the sentence (or its passage's item heading, a cell's row, or the sentence it points back
    to), its abbreviations read in the question's words, holds at least _SAID of the words of what a
    share's group did: '65% target … feedback from Ofsted' does not say how many were rated outstanding."""
    told = f"{candidate.shown} {row_of(candidate)} {candidate.lead}"
    # a row's abbreviation in the question's words: 'in EET' holds 'in education, employment or training'
    held = set(stems_of(f"{told} {spelled_in(told, question, initials=True)}"))
    return len(wanted & held) >= _SAID * len(wanted)
