"""Abbreviations a passage defines, spelled out so a value stands beside the thing's name."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from index.passage import Passage
from qa.acronyms import _spelled, defined, spelled_by, spelled_out
from qa.answertype import expected
from qa.candidate import stems_of
from qa.features import Asked, Candidate
from qa.query import parse
from qa.spans import spans
from qa.stopwords import STOPWORDS
from qa.typematch import type_near


def _passage(text: str, heading: str | None = None) -> Passage:
    return Passage(
        1,
        text,
        heading,
        1,
        1,
        "m.pdf",
        "Minutes",
        "Burton-cum-Walden Parish Council",
        "Parish Council",
        dt.date(2025, 6, 3),
        "day",
        "minutes",
    )


def test_an_abbreviation_is_the_words_its_letters_begin():
    text = (
        "the Community Infrastructure Levy (CIL), Special Educational Needs and Disabilities (SEND), "
        "Stop Ure Pollution (“SUP”), the plan (2019) and the council (the Council)"
    )
    assert dict(defined(text)) == {
        "CIL": "Community Infrastructure Levy",
        "SEND": "Special Educational Needs and Disabilities",
        "SUP": "Stop Ure Pollution",
    }
    assert defined("a visit from the Police (PCSO)") == ()  # letters no words before them begin


# words an abbreviation skips ("The", "And") begin no letter of it: the strategy gives none
_MAJOR = st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True).filter(
    lambda w: w.lower() not in {"and", "the", "for"}
)


@given(st.lists(_MAJOR, min_size=2, max_size=5))
def test_every_abbreviation_found_is_spelled_by_its_words_initials(words):
    letters = "".join(w[0] for w in words)
    ((found, expansion),) = defined(f"the {' '.join(words)} ({letters}) met")
    assert found == letters and "".join(w[0] for w in expansion.split()) == letters


def test_a_sum_stands_beside_the_thing_its_abbreviation_names():
    heading = "7. Contribution to Stop Ure Pollution (“SUP”)"
    sentence = "RESOLVED: To make a donation to SUP of £54.00 to support its work."
    passage = _passage(f"The Council considered a request for support from SUP.\n\n{sentence}", heading)
    assert spelled_out(sentence, passage) == (
        "RESOLVED: To make a donation to Stop Ure Pollution of £54.00 to support its work."
    )
    assert spelled_out(heading, passage) == heading  # the definition itself is left as printed
    q = "How much did Burton-cum-Walden Parish Council agree to give Stop Ure Pollution at its June 2025 meeting?"
    weights = {s: 2.0 for s in stems_of(q) if s not in STOPWORDS}  # as retrieval weighs the question
    candidate = Candidate(sentence, None, None, passage, 0, frozenset(s.kind for s in spans(sentence)))
    assert type_near(candidate, Asked(q, expected(q), weights, parse(q).time)) > 0
    other = _passage(sentence.replace("SUP", "the Ure Trust"), heading="7. Contribution to the Ure Trust")
    unnamed = Candidate(other.text, None, None, other, 0, candidate.kinds)
    assert type_near(unnamed, Asked(q, expected(q), weights, parse(q).time)) == 0


# The reference: one pattern that matches the words and the brackets together. It is exact but tries a
# run of words at every word of a passage, so the module finds the brackets first and reads back.
_REFERENCE = re.compile(r"((?:[A-Za-z][\w'’-]*\s+){1,8})\(\s*[“”\"'‘’]?([A-Z]{2,8})[“”\"'‘’]?\s*\)")


def _reference(text: str) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for m in _REFERENCE.finditer(text):
        if (expansion := _spelled(m.group(2), m.group(1).split())) and m.group(2) not in found:
            found[m.group(2)] = expansion
    return tuple(found.items())


_PIECES = st.sampled_from(
    [
        "Stop",
        "Ure",
        "Pollution",
        "the",
        "of",
        "and",
        "Levy",
        "plan",
        "(SUP)",
        "(“SUP”)",
        "(SUPL)",
        "(S)",
        "(2019)",
        "(CIL)",
        "Community",
        "Infrastructure",
        "x(the",
        "-",
        "£54.00",
        "\n",
        "Special",
        "(SPL)",
    ]
)


@given(st.lists(_PIECES, max_size=30), st.sampled_from([" ", "  ", "\n"]))
def test_abbreviations_found_as_the_reference_pattern_finds_them(pieces, gap):
    text = gap.join(pieces)
    assert defined.__wrapped__(text) == _reference(text)


def test_a_question_defining_a_plural_abbreviation_reads_it_in_a_rows_name():
    from qa.acronyms import spelled_in

    question = "What share of initial child protection conferences (ICPCs) led to a plan?"
    assert dict(defined(question)) == {"ICPC": "initial child protection conferences"}
    assert spelled_in("% ICPC leading to CP Plans", question) == "initial child protection conferences"
    assert spelled_in("% Strategy discussions that lead to S47", question) == ""


def test_a_rows_abbreviation_that_the_questions_words_spell_is_read_as_them():
    from qa.acronyms import spelled_in

    question = "What percentage of care leavers were in education, employment or training in January 2019?"
    row = "% of Care Leavers in EET"
    assert spelled_in(row, question, initials=True) == "education employment or training"
    assert spelled_in(row, question) == ""  # the question defines none: a sentence's words are its own
    # two letters spell too many runs by chance ('CP' of 'child protection', 'care plan', 'council policy')
    assert spelled_in("% ICPC leading to CP Plans", "child protection plans", initials=True) == ""
    # minor words never open a run, and the letters must be the run's major words' in order
    assert spelled_in("TEE", question, initials=True) == ""


def test_a_share_is_told_by_a_row_whose_abbreviation_the_question_spells():
    from qa.fit import fitting

    question = "What percentage of care leavers were in education, employment or training in January 2019?"
    rows = "% of Care Leavers in EET\nDec-18: 56.9%\nJan-19: 58.4%"
    cell = Candidate("58.4%", "Jan-19", None, _passage(rows), 0, frozenset())
    other = Candidate(
        "52.1%", "Jan-19", None, _passage("% of Care Leavers in Custody\nJan-19: 52.1%"), 1, frozenset()
    )
    weights = {s: 1.0 for s in stems_of(question)}
    kept, _ = fitting([cell, other], Asked(question, expected(question), weights, parse(question).time))
    assert kept == [cell]


def test_a_plural_abbreviation_is_spelled_out_and_a_questions_is_read_from_the_words_it_stands_for():
    from qa.acronyms import spelled_by

    passage = _passage(
        "Young people benefit from Personal Advisers (PAs) who know them well.\n\n"
        "Children benefit from PAs being allocated to them at 16."
    )
    assert spelled_out("Children benefit from PAs being allocated to them at 16.", passage) == (
        "Children benefit from Personal Advisers being allocated to them at 16."
    )
    told = "The Ofsted Inspection of Local Authority Children's Services in January 2024 confirmed it."
    assert spelled_by(told, "When did the ILACS inspection take place?") == "ILACS"
    assert spelled_by("The SEND inspection in 2023.", "When did the ILACS inspection take place?") == ""


def test_a_sum_under_a_heading_naming_the_thing_answers_a_question_abbreviating_it():
    """US papers spell a minor word's letter too ('NOFA', Notice of Funding Availability), and the item's
    heading names the site the sentence is said of."""
    heading = "7.1 Eden Housing Notice of Funding Availability Proposal-1100 La Avenida"
    sentence = "Reserve $15,000,000 in Below-Market-Rate funds for the Eden Housing Notice of Funding Availability application."
    before = "Eden Housing asks the City to reserve Below-Market-Rate funds. The reserve would fund Eden Housing's homes."
    passage = replace(_passage(f"{before}\n\n{sentence}", heading), council="City of Mountain View")
    assert spelled_by(sentence, "the NOFA proposal") == "NOFA"
    q = "How much is Mountain View being asked to reserve for Eden Housing's NOFA proposal at 1100 La Avenida?"
    weights = {s: 2.0 for s in stems_of(q) if s not in STOPWORDS}
    asked = Asked(q, expected(q), weights, parse(q).time)
    candidate = Candidate(sentence, None, None, passage, 0, frozenset(s.kind for s in spans(sentence)))
    assert type_near(candidate, asked) > 0
    # another site's heading: the sum is not shown to be the one asked
    other = replace(passage, heading="7.2 Alta Housing Proposal-950 Rengstorff Avenue")
    assert type_near(replace(candidate, passage=other), asked) == 0
