"""Sentences about another council: "Plymouth City Council has agreed …" answers nothing asked of Derby."""

from __future__ import annotations

import re

from qa.bodies import council_place, names_as_place, plain

# The words of an authority's kind between its place and 'Council' ('Plymouth City Council').
_KIND = r"(?:\s+(?:city|county|borough|district|town|parish|metropolitan|village))*"


def other_councils(question: str, councils: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The places of `councils` the question names, and the places of the others; both empty when it
    names none of them by its place. Read once per question, then `names_other` per sentence."""
    places = {p for c in councils if (p := council_place(c))}
    asked_in = f" {plain(question)} "
    asked = frozenset(p for p in places if f" {p} " in asked_in and names_as_place(question, p))
    return (asked, frozenset(places - asked)) if asked else (frozenset(), frozenset())


def names_other(text: str, asked: frozenset[str], others: frozenset[str]) -> bool:
    """Whether `text` names one of the `others` as a council ('Plymouth City Council') and none of the
    `asked` places. A district of the council asked is a council of another place too, but its papers say
    'Municipal District of …', not '… Council', so they stay."""
    said = f" {plain(text)} "
    if not others or any(f" {p} " in said for p in asked):
        return False
    return any(re.search(rf" {re.escape(p)}{_KIND} council ", said) for p in others)


def names_other_council(question: str, text: str, councils: frozenset[str]) -> bool:
    """Whether `text` names, as a council, one of `councils` other than the one the question names, and
    not the one asked; False when the question names none of them by its place."""
    return names_other(text, *other_councils(question, councils))
