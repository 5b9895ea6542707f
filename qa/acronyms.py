"""Abbreviations a passage defines ('Stop Ure Pollution (“SUP”)'), and its sentences with them spelled out."""

from __future__ import annotations

import re
from functools import lru_cache

from index.passage import Passage

# Letters in brackets, quoted or not, after a space: the words before them are what they stand for
# ('Stop Ure Pollution (“SUP”)', 'Community Infrastructure Levy (CIL)'). The brackets are found first
# and the words read back from them: a pattern that also matched the words tried a run at every word.
_BRACKETED = re.compile(r"(?<=\s)\(\s*[“”\"'‘’]?([A-Z]{2,8})s?[“”\"'‘’]?\s*\)")  # 'conferences (ICPCs)'
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_RUN = 8  # words before the brackets an abbreviation may stand for
_MINOR = frozenset({"of", "and", "or", "the", "for", "to", "in", "on", "&"})  # words an acronym skips
# An abbreviation a paper prints (capitals, a plural 's'): two letters spell too many runs by chance
# ('LA' of 'looked after', 'local authority'), so a run of the question's words spells three or more.
_ACRONYM = re.compile(r"\b([A-Z]{3,8})s?\b")
_LEAST_LETTERS = 3


@lru_cache(maxsize=1 << 10)
def defined(text: str) -> tuple[tuple[str, str], ...]:
    """(acronym, what it stands for) for each abbreviation the text defines: the last words before the
    brackets whose initials, minor words skipped, spell its letters. 'the plan (2019)' defines none."""
    found: dict[str, str] = {}
    for m in _BRACKETED.finditer(text):
        letters, words = m.group(1), _words_before(text, m.start())
        if words and (expansion := _spelled(letters, words)) and letters not in found:
            found[letters] = expansion
    return tuple(found.items())


def spelled_in(text: str, question: str, initials: bool = False) -> str:
    """What the abbreviations `text` uses stand for in the question's words: those the question defines
    ('initial child protection conferences (ICPCs)' asks of the row '% ICPC leading to CP Plans'), and
    with `initials`, any of three letters or more that a run of its words spells ('care leavers in
    education, employment or training' of '% of Care Leavers in EET'). Initials only say what a row
    is of: a sentence naming 'the SSLB' is no nearer 'Who chairs the Strategic Systems Leadership Board?'."""
    runs = dict(defined(question)) | (_initials(question) if initials else {})
    return " ".join(runs[letters] for letters in dict.fromkeys(_ACRONYM.findall(text)) if letters in runs)


def spelled_by(text: str, question: str) -> str:
    """The abbreviations of three letters or more the question uses that a run of the text's words spells:
    'ILACS' of 'the Ofsted Inspection of Local Authority Children's Services in January 2024'."""
    asked = dict.fromkeys(_ACRONYM.findall(question))
    return " ".join(letters for letters in asked if letters in _initials(text)) if asked else ""


@lru_cache(maxsize=1 << 10)
def _initials(question: str) -> dict[str, str]:
    """Runs of the question's words by the initials of their major words, from three letters: minor words
    are skipped inside a run and never open or close one ('education, employment or training' → 'EET'),
    or spelled with the rest ('Notice of Funding Availability' → 'NOFA' as well as 'NFA')."""
    words = _WORD.findall(question)
    runs: dict[str, str] = {}
    for start, first in enumerate(words):
        if first.lower() in _MINOR:
            continue
        # US papers spell a minor word's letter too: 'NOFA', Notice of Funding Availability
        letters = every = ""
        for end in range(start, min(len(words), start + _RUN)):
            every += words[end][0].upper()
            if words[end].lower() not in _MINOR:
                letters += words[end][0].upper()
            for spelled in (letters, every):
                if len(spelled) >= _LEAST_LETTERS and words[end].lower() not in _MINOR:
                    runs.setdefault(spelled, " ".join(words[start : end + 1]))
    return runs


def _words_before(text: str, end: int) -> list[str]:
    """The last words (at most _RUN) before `end`, back to the first token that is not a word."""
    tokens = text[max(0, end - 40 * _RUN) : end].split()
    words: list[str] = []
    for token in reversed(tokens[-_RUN:]):
        if not _WORD.fullmatch(token):
            break
        words.insert(0, token)
    return words


def _spelled(letters: str, words: list[str]) -> str | None:
    """The shortest run of the last words whose major words' initials are the letters, or None."""
    for start in range(len(words) - 1, -1, -1):
        run = words[start:]
        major = [w for w in run if w.lower() not in _MINOR]
        if len(major) > len(letters):
            return None
        if run[0].lower() not in _MINOR and "".join(w[0] for w in major).upper() == letters:
            return " ".join(run)
    return None


def spelled_out(text: str, passage: Passage) -> str:
    """The text with each abbreviation its passage or heading defines spelled out: 'a donation to SUP of
    £54.00' → 'a donation to Stop Ure Pollution of £54.00', so a sum stands beside the thing's name."""
    for letters, expansion in defined(f"{passage.heading or ''}\n{passage.text}"):
        text = re.sub(rf"(?<![(“\"'‘]){letters}s?\b(?![”\"'’]?\s*\))", expansion, text)  # 'PAs' too
    return text
