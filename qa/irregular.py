"""Irregular verb forms read as their verb, so that 'overseen by' holds the 'oversees' a question asks."""

from __future__ import annotations

# Past forms whose Porter stem is not the verb's ('overseen', 'wrote', 'held', 'paid'): the papers
# report in the past what questions ask in the present ('Who oversees …?' / 'This is overseen by …').
# Forms that are also other words a paper prints are left out: 'left' (what remains), 'read' (the same
# form), 'led' (a lead officer), and the names 'Rose' and 'Drew'. So are the light verbs ('paid', 'made',
# 'taken', 'given', 'said'): 'pay' and 'take' are nouns and phrases of their own ('pay cost share', 'take
# up'), and read as one word with their past forms they cost answers of the development rows ('had taken
# place', 'who is giving the invocation').
_FORMS = {
    "write": "wrote written",
    "oversee": "oversaw overseen",
    "hold": "held",
    "run": "ran",
    "undertake": "undertook undertaken",
    "choose": "chose chosen",
    "sell": "sold",
    "buy": "bought",
    "bring": "brought",
    "build": "built",
    "meet": "met",
    "spend": "spent",
    "send": "sent",
    "tell": "told",
    "begin": "began begun",
    "come": "came",
    "win": "won",
    "lose": "lost",
    "seek": "sought",
    "teach": "taught",
    "grow": "grew grown",
    "draw": "drawn",
    "withdraw": "withdrew withdrawn",
    "rise": "risen",
    "fall": "fell fallen",
    "speak": "spoke spoken",
    "break": "broke broken",
    "stand": "stood",
    "understand": "understood",
    "sit": "sat",
    "lend": "lent",
    "deal": "dealt",
    "hear": "heard",
    "drive": "drove driven",
    "show": "shown",
    "prove": "proven",
    "forecast": "forecasted",
    "strike": "struck",
}
IRREGULAR: dict[str, str] = {form: verb for verb, forms in _FORMS.items() for form in forms.split()}


def as_verb(word: str) -> str:
    """The verb an irregular past form is of ('overseen' → 'oversee'); any other word unchanged."""
    return IRREGULAR.get(word, word)
