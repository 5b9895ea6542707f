"""Sentences about another council: "Plymouth City Council has agreed …" answers nothing asked of Derby."""

from __future__ import annotations

import re

from qa.bodies import council_place, names_as_place, plain

# The words of an authority's kind between its place and 'Council' ('Plymouth City Council').
_KIND = r"(?:\s+(?:city|county|borough|district|town|parish|metropolitan|village))*"


def names_other_council(question: str, text: str, councils: frozenset[str]) -> bool:
    """Whether `text` names, as a council ('Plymouth City Council'), one of `councils` other than the one
    the question names, and not the one asked; False when the question names none of them by its place.
    A district of the council asked is a council of another place too, but its papers say 'Municipal
    District of …', not '… Council', so they stay."""
    places = {p for c in councils if (p := council_place(c))}
    asked_in = f" {plain(question)} "
    asked = {p for p in places if f" {p} " in asked_in and names_as_place(question, p)}
    if not asked:
        return False
    said = f" {plain(text)} "
    if any(f" {p} " in said for p in asked):
        return False
    return any(re.search(rf" {re.escape(p)}{_KIND} council ", said) for p in places - asked)
