"""The answer's lead line: the answering span first, then the sentence or cell it stands in."""

from __future__ import annotations

import re
from dataclasses import replace

from qa.accountcolumns import ACTUAL_LABELS, asks_actual, of_column_asked
from qa.answertype import expected
from qa.candidate import stems_of, word_stems
from qa.counting import count_of
from qa.fit import asks_target, names_aim
from qa.moments import event_words, time_event
from qa.monthasked import in_month_asked
from qa.reader import Read
from qa.spans import Span, monetary, spans
from qa.stopwords import STOPWORDS
from qa.summed import total_of_others
from qa.totals import totals_key_words
from qa.typematch import UNIT

_SENTENCE_WORDS = 45  # the answering sentence is clipped to this, with its span kept inside
_RANGE_ON = re.compile(r"\s*(?:to|-|–)\s*[\d£$€]")
_OWN_LEAD_WORDS = 12  # a sentence this short leads itself ('The Parish Council objects to this application.')
_FIGURE_KINDS = frozenset({"money", "number", "percent"})  # what an account's columns hold
_BESIDE_WORDS = 2  # of several values, one this close after the question's own words is the one asked
# Answer types whose value a sentence holds as one short span, which can lead the answer; a count may be
# told as a share or a sum ('reducing … by 15 per cent'). Not people: a sentence names several.
_LEAD_KINDS = {
    "place": frozenset({"place"}),
    "time": frozenset({"time"}),
    "frequency": frozenset({"frequency"}),
    "date": frozenset({"date"}),
    "money": frozenset({"money"}),
    "percent": frozenset({"percent"}),
    "number": frozenset({"number", "money", "percent"}),
    "decision": frozenset({"decision"}),
}


def _around(text: str, start: int, words: int) -> str:
    """At most `words` words of `text`, a window holding the character offset `start`."""
    parts = text.split()
    if len(parts) <= words:
        return text
    at = len(text[:start].split())
    first = max(0, min(at - words // 3, len(parts) - words))
    clipped = " ".join(parts[first : first + words])
    return ("… " if first else "") + clipped + (" …" if first + words < len(parts) else "")


def lead_line(read: Read, kind: str = "", question: str = "") -> str:
    """The answering span first, then the sentence or cell it stands in: 'Warspite Room — Wednesday …'.
    A whole sentence that won holds its answer too: the one span of the asked `kind` in it leads, or of
    several counts, the one before the noun the `question` counts."""
    c = read.candidate
    if c.span is None and kind in _LEAD_KINDS:
        # a sheet of sums may say so only in its title ('Cash Sheet - Payments 2024-5'), not in each chunk
        sums = monetary(f"{c.passage.title or ''}\n{c.passage.text}")
        typed = {s.text: s for s in _outermost(spans(c.text, sums), _LEAD_KINDS[kind])}
        # a name the question itself gives ('the 50th & Ames Avenue plan') is not the one it asks
        typed = {t: s for t, s in typed.items() if not _question_names(t, question)} or typed
        # asked what was spent, a budget's column is no answer ('Budget 2016/17: 1000.00' beside 'Payment')
        if kind in _FIGURE_KINDS:
            typed = {s.text: s for s in of_column_asked(c.text, typed.values(), question)}
        if kind == "date" and len(typed) == 2:  # 'February 18 – May 18': one period, leading whole
            typed = _one_period(list(typed.values()), c.text) or typed
        lead = next(iter(typed.values())) if len(typed) == 1 else count_of(c.text, question)
        lead = lead or total_of_others(list(typed.values()), question)  # a row's total and its parts
        if kind == "date" and not lead:  # of a year's dates, the one in the month asked
            lead = next((s for s in typed.values() if in_month_asked(c.text, s.start, s.end, question)), None)
        if kind in _FIGURE_KINDS and asks_target(question):  # '80.6%, above the 75% target': the 75%
            lead = lead or _aimed(c.text, list(typed.values()))
        lead = lead or _beside_asked(c.text, list(typed.values()), question)
        lead = None if kind == "decision" and lead and not _told_apart(lead, c.text) else lead
        c = replace(c, span=lead) if lead else c
    if kind == "date" and c.span is not None:  # 'February 18 – May 18': the period, not its end
        c = replace(c, span=_ranged(c.span, c.text))
    offset = len(c.label) + 2 if c.label else 0
    anchor = (c.span.start + offset) if c.span else _noun_at(c.shown, question)
    sentence = _around(c.shown, anchor, _SENTENCE_WORDS)
    if not c.span or c.shown.startswith(c.span.text) or len(c.shown.split()) <= len(c.span.text.split()) + 2:
        return sentence
    return f"{_with_unit(c.span, c.text)} — {sentence}"


_RANGE_JOIN = re.compile(r"\s*(?:–|—|-|to|until)\s*")


def _ranged(span: Span, text: str) -> Span:
    """The date span with the date it runs from or to, where the text joins the two by a dash or 'to'
    ('February 18 – May 18'); the span itself where it stands alone."""
    dates = [s for s in spans(text) if s.kind == "date"]
    before = [d for d in dates if d.end <= span.start and _RANGE_JOIN.fullmatch(text[d.end : span.start])]
    after = [d for d in dates if d.start >= span.end and _RANGE_JOIN.fullmatch(text[span.end : d.start])]
    start = before[0].start if before else span.start
    end = after[0].end if after else span.end
    return span if (start, end) == (span.start, span.end) else Span("date", text[start:end], start, end)


def _one_period(dates: list[Span], text: str) -> dict[str, Span]:
    """The two dates as one period where the text joins them by a dash or 'to' ('February 18 – May 18');
    {} where it does not."""
    period = _ranged(dates[0], text)
    return {period.text: period} if period.end >= dates[1].end else {}


def _question_names(span: str, question: str) -> bool:
    """Every word of the span is one of the question's: 'Ames Avenue' of '… the 50th & Ames Avenue …'."""
    words = re.findall(r"\w+", span.lower())
    return bool(words) and set(words) <= set(re.findall(r"\w+", question.lower()))


def _noun_at(text: str, question: str) -> int:
    """Where a long sentence names the thing the question asks by its noun ('What parking reduction is
    proposed …?' in a 90-word resolution ending '… with a 42 percent parking reduction'): the window shown
    holds it. 0 (the sentence's start) where the question asks by no noun of its own or the text has none."""
    noun = expected(question).noun.split() if question else []
    if not noun or any(w in STOPWORDS for w in noun):
        return 0
    found = re.search(r"\b" + r"\s+".join(re.escape(w) for w in noun), text, re.I)
    return found.start() if found else 0


def _outermost(found: list[Span], kinds: frozenset[str]) -> list[Span]:
    """The spans of `kinds`, less those inside a longer one of them: a labelled address whole ('The Barn
    House, High Street, Souldern, OX27 7JG'), not also the street within it."""
    typed = [s for s in found if s.kind in kinds]
    return [s for s in typed if not any(_inside(s, o) for o in typed)]


def _inside(span: Span, other: Span) -> bool:
    longer = other.end - other.start > span.end - span.start
    return longer and other.start <= span.start and span.end <= other.end


def _told_apart(span: Span, text: str) -> bool:
    """Whether a decision span says the outcome on its own: a tally ('Yeas 13, Nays 3', '7-0') or a
    stance closing a planning list's row ('… vehicle charging. No objection'); a verb inside a sentence
    ('It was agreed that …') is read in the sentence."""
    if len(text.split()) <= _OWN_LEAD_WORDS:
        return False
    return bool(re.search(r"\d", span.text)) or not text[span.end :].strip(" .;")


def _with_unit(span: Span, text: str) -> str:
    """A figure with the unit it measures in ('30 minutes', '7 storeys'): a bare '30' tells no limit."""
    unit = UNIT.match(text, span.end) if span.kind == "number" else None
    return span.text + unit.group(0) if unit else span.text


def _aimed(text: str, found: list[Span]) -> Span | None:
    """Of several figures, the one a word of aiming stands beside, before or after it ('the 75% target',
    'a target of 75%'); None when no figure, or more than one, stands there."""
    near = [
        s
        for s in found
        if names_aim(" ".join(text[: s.start].split()[-_BESIDE_WORDS:]))
        or names_aim(" ".join(text[s.end :].split()[:_BESIDE_WORDS]))
    ]
    return near[0] if len(near) == 1 else None


def _beside_asked(text: str, found: list[Span], question: str) -> Span | None:
    """Of several values in a cell, the one printed just after the question's own words, as a budget's
    row prints a project then its sum ('Replace/Repair/Close Hummel Bridge $3,000,000'); None when no
    value, or more than one, stands there."""
    asked = set(stems_of(question))
    if asks_actual(question):  # what was spent is printed after an actual column's label ('Payment: 847.31')
        asked |= set(stems_of(" ".join(ACTUAL_LABELS)))
    if (event := time_event(question)) and (told := event_words(text, event)):
        asked = set(stems_of(" ".join(told)))  # 'started at 2.00 pm and finished at 4.00 pm': the end asked
    # a possessive's 's' ('Council's', 'Clerk's') points at nothing; a number's digit does ('Pump 2 – 2011')
    asked = {a for a in asked if len(a) > 1 or a.isdigit()}
    key = totals_key_words(text)  # 'Totals; Amount: 10,583.06; PAYE: 822.20' asked of PAYE: not Amount
    hits = [i for i, w in enumerate(word_stems(text)) if asked.intersection(w) and i >= key]
    near = [s for s in found if any(0 < len(text[: s.start].split()) - i <= _BESIDE_WORDS for i in hits)]
    if len(near) != 1 or _RANGE_ON.match(text[near[0].end :]):
        return None  # a range's first value ('from 9 to 60') is not the one asked
    return near[0]
