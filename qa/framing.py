"""Written questions as councillors put them ("I will ask at the next Meeting …"), read without framing."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.dates import find_dates
from qa.answertype import lead_in
from qa.stopwords import STOPWORDS

# 'I will ask at the next Meeting …', '1 will ask at the next Municipal District meeting …' (OCR reads a
# lone 'I' as '1' or '|'), 'To ask …', 'I wish to ask …'. Its words ('ask', 'next', 'meeting') are
# no part of what is asked, and 'ask' would read as a question about the questions put at a meeting.
_ASKING = re.compile(
    r"^\W*(?i:(?:(?:[I1l|]\s+)?(?:will|wish\s+to|would\s+like\s+to|intend\s+to)|to)\s+ask)\b"
    r"(?:\s+(?i:(?:at|before)\s+the\s+next\s+(?:[\w'’-]+\s+){0,6}?meeting)\b"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,7})?)?\s*"
)
# a body or a post, as capitalised words: 'the Cabinet Member for Housing', 'the Leader'
_NAME = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:for|and|of|&)\s+)?[A-Z][\w'’-]*)*"
# 'Will the Cabinet Member tell me (a) how many …', 'Can the Leader please confirm whether …': a request
# for what a question word then asks ('Will the Council provide more bins?' asks whether it will).
_TELLING = re.compile(
    rf"^\W*(?i:will|can|could|would)\s+{_NAME}\s+(?:please\s+)?(?:tell|inform|advise|confirm|state)"
    r"(?:\s+(?:me|us|members|the\s+council))?\s+(?=(?:what|when|where|who|which|why|how|whether|if)\b|\()"
)
# Whom a question is put to, after 'ask': 'the Cabinet Member for Children and Young People', 'the Leader'.
_ADDRESSEE = re.compile(rf"^{_NAME}\s+(?=[a-z(])")
_LEAST_WORDS = 3  # what is left must still be a question


# A note on the asker before the question: 'I missed the July 2019 meeting - what did the committee
# decide …?', "I'm new to the panel: who chaired the Licensing Committee in May?". Its words are about the
# asker ('missed', 'new'); only the names and dates it gives are about what is asked.
_PREAMBLE = re.compile(
    r"^\W*(?i:I|I['’]m|I['’]ve|I['’]d|we|we['’]ve|we['’]re)\s[^?]{3,120}?(?:\s[-–—]+\s*|:\s+|[.;!]\s+)"
    r"(?=(?i:what|how|who|whom|when|where|which|why|whether|did|was|were|is|are|has|have|had|can|could"
    r"|does|do|will)\b)"
)
_OWN_WORDS = 2  # words besides stopwords a question after a note must hold to stand without it
_POINTS_BACK = re.compile(r"\b(?:it|its|they|them|their|this|these|those|that one)\b", re.I)
_NAMES = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w'’-]*)*")


def unframed(question: str) -> str:
    """The question without the words it is put in: 'I will ask at the next Meeting when the gullies will
    be cleared' → 'when the gullies will be cleared'; 'To ask the Leader (a) how many …' → '(a) how many
    …'; 'I missed the July 2019 meeting - what did the committee decide?' → 'what did the committee decide
    (July 2019)?'. A question put plainly, or one that would leave under three words, is returned as it
    is."""
    text = " ".join(question.split())
    rest = text
    if m := _ASKING.match(rest):
        rest = rest[m.end() :]
        rest = rest[a.end() :] if (a := _ADDRESSEE.match(rest)) else rest
    elif m := _TELLING.match(rest):
        rest = rest[m.end() :]
    elif (m := _PREAMBLE.match(rest)) and _stands_alone(rest[m.end() :]):
        rest = _with_kept(rest[m.end() :], rest[: m.end()])
    return rest if rest != text and len(rest.split()) >= _LEAST_WORDS else text


def _stands_alone(question: str) -> bool:
    """Whether the question after a note on the asker says what it asks of without the note: words of
    its own, and no pronoun pointing back ('We agreed to build 100 homes; how many have been built?'
    asks of the homes the note names)."""
    words = [w for w in re.findall(r"[a-z]+", question.lower()) if w not in STOPWORDS]
    return len(words) >= _OWN_WORDS and not _POINTS_BACK.search(question)


def _with_kept(question: str, preamble: str) -> str:
    """The question with the dates and names its preamble gives that it does not, in brackets before its
    question mark."""
    dated = [preamble[d.start : d.end] for d in find_dates(preamble)]
    named = [n for n in _NAMES.findall(preamble) if not any(n in d or d in n for d in dated)]
    kept = [k for k in dict.fromkeys(dated + named) if k.lower() not in question.lower() and k != "I"]
    if not kept:
        return question
    body = question.rstrip(" ?")
    return f"{body} ({'; '.join(kept)}){'?' if question.rstrip().endswith('?') else ''}"


# A leading clause naming where to look: 'According to the Achieving Excellence plan, how much …', 'In the
# August 2019 pledges report, where had …'. Its words find the paper; they are not what is asked of it.
_SOURCE = re.compile(
    # 'In the …', 'In Plymouth's …', 'In Gloucester City Council's Cabinet report of …'
    # 'After Derby's June 2017 Ofsted report, which team …': the scene, not what is asked
    r"^\W*(?i:according\s+to|in|from|as\s+per|within|after|following)\s+"
    r"(?P<source>(?:(?i:the|a|an|its|their)|(?:[A-Z][\w'’-]*\s+){0,4}[\w'’-]+['’]s)\s+[^,?]{3,100}?"
    # 'In Menlo Park staff report 21-009-CC, …': a council's name before the paper's noun
    r"|(?:[A-Z][\w'’-]*\s+){1,4}(?i:staff\s+)?(?i:reports?|agendas?|minutes|plans?|papers?|packs?)\b[^,?]{0,80}?),\s*"
    r"(?=(?i:how|what|who|when|where|which|why|is|are|was|were|did|does|do|has|have|had|can|could|will)\b)"
)


# The same named after the question: '… increased according to the 2024-27 strategic plan?', '…, per the
# inspection findings in the strategic plan?'
_SOURCE_AFTER = re.compile(
    r"(?:,\s*|\s+)(?i:according\s+to|(?:as\s+)?per|as\s+(?:stated|set\s+out|reported|given)\s+in)\s+"
    r"(?P<source>(?i:the|a|an|its|their|[\w'’-]+['’]s)\s+[^,?]{3,100}?)\W*$"
)


def source_named(question: str) -> str:
    """The paper a question names before asking ('the Achieving Excellence 2024-27 plan' in 'According
    to the Achieving Excellence 2024-27 plan, how much …?') or after ('… increased according to the
    2024-27 strategic plan?'); '' when it names none so."""
    m = _SOURCE.match(question) or _SOURCE_AFTER.search(question)
    return m.group("source") if m else ""


def source_phrase(question: str) -> str:
    """The words naming the paper with the words pointing to it ('according to the verbal update at the 10
    July 2019 meeting'): neither is what is asked; '' when the question names no paper so."""
    m = _SOURCE.match(question) or _SOURCE_AFTER.search(question)
    return m.group(0) if m else ""


# Verbs a question uses, as papers print what they ask: 'How much has council tax gone up by?' is answered
# by 'an increase of 4.99%', 'Have any care leavers taken up the offer?' by 'no take up to date'.
_PHRASAL: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:gone|go|goes|went|going)\s+up\b", re.I), "increased"),
    (re.compile(r"\b(?:gone|go|goes|went|going)\s+down\b", re.I), "decreased"),
    (re.compile(r"\b(?:taken|took|taking|takes)\s+up\b", re.I), "take up"),
    # 'How many Children's Centres does Plymouth run?' asks what it has ('we currently have sixteen …')
    (
        re.compile(
            r"^(\W*how\s+many\b.{1,80}?\b(?:does|do|did)\b.{1,60}?\b)(?:run|operate|own|maintain|manage)\b",
            re.I,
        ),
        r"\1have",
    ),
)


# Words a busy user types for what papers print in full: 'bike parking' is the papers' 'bicycle parking'.
_PLAIN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bbike(s?)\b", re.I), r"bicycle\1"),
    (re.compile(r"\bkids\b", re.I), "children"),
    (re.compile(r"\bcops\b", re.I), "police"),
)


def in_papers_words(question: str) -> str:
    """The question with its verbs put as papers print them ('gone up' → 'increased'; how many a council
    runs → has), and its everyday words too ('bike' → 'bicycle')."""
    for pattern, word in (*_PHRASAL, *_PLAIN):
        question = pattern.sub(word, question)
    return question


# A date naming the paper asked of, before its noun ('the February 2016 Derby report', 'the 2024-27
# Children's Service plan', 'the February 2020 update') or after it ('the minutes of 10 July 2019', 'the
# staff report of 20 January 2021'): it finds the paper; it is not the date of what is asked ('the January
# 2024 Ofsted inspection', 'before the January 1, 2022 adjustment').
_PAPER = (
    r"(?:agendas?|minutes|reports?|updates?|plans?|packs?|papers?|meetings?|accounts|trackers?|statements?)"
)
_NOUN_AFTER = re.compile(rf"\s+(?:[\w'’-]+\s+){{0,4}}?{_PAPER}\b", re.I)
# 'the accounts for the year ending March 2017', 'the statement for the period ended 31 March 2023'
_PERIOD_ENDING = r"(?:(?:financial\s+)?(?:year|period|quarter)\s+(?:ending|ended|to)\s+)?"
_NOUN_BEFORE = re.compile(
    rf"\b{_PAPER}\s+(?:(?:held\s+)?(?:of|on|dated|for|from)\s+(?:the\s+)?{_PERIOD_ENDING})?$", re.I
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # 'the 2016 Derby report': a year alone, which find_dates leaves


def _dates_at(text: str) -> list[tuple[int, int]]:
    """Where the text prints a date (corpus.dates.find_dates) or a year alone."""
    found = [(d.start, d.end) for d in find_dates(text)]
    years = [m.span() for m in _YEAR.finditer(text) if not any(s <= m.start() < e for s, e in found)]
    return sorted(found + years)


def names_paper(question: str, start: int, end: int) -> bool:
    """Whether the date printed at question[start:end] names the paper asked of (see paper_dates)."""
    return bool(_NOUN_AFTER.match(question, end) or _NOUN_BEFORE.search(question[:start]))


@lru_cache(maxsize=1 << 8)  # asked for every candidate of a paper of the question's date
def paper_dates(question: str) -> str:
    """The dates in a question that name the paper it asks of ('February 2016' in 'According to the
    February 2016 Derby report, …', '10 July 2019' in 'the minutes of 10 July 2019'), not the time of
    what it asks ('January 2024' in 'the January 2024 Ofsted inspection'); a date in a lead-in before the
    question ('omaha city council oct 16 2012 - who …?') names its meeting; '' when none does."""
    named = [question[s:e] for s, e in _dates_at(question) if names_paper(question, s, e)]
    lead = lead_in(question)
    led = [lead[s:e] for s, e in _dates_at(lead) if lead[s:e] not in " ".join(named).lower()]
    return " ".join(named + led)
