"""A post printed before a person's name, as North American minutes list staff ('City Clerk Jane Roe')."""

from __future__ import annotations

import re

from qa.spanforms import ROLE_NOUN
from qa.spans import Span

_TITLE_WORDS = (
    8  # a post's title is at most this long ('Land Planning and Technology Administrator-Deputy …')
)
_POSTED = re.compile(rf"(?:{ROLE_NOUN}|Chief|Counsel)\b")
# a list item opens after ';', ':', ',' or '(' ('Staff: Operations Superintendent Dan MacInnis; …')
_ITEM_OPENS = re.compile(r"^.*[;:,(]\s*", re.S)
_CONNECTIVES = frozenset({"of", "for", "the", "and", "&"})
# the item before an 'and' ends in a titled name ('Fire Chief-MLEO-CEMC Will Bateman and …'): a post, then
# two or three capitalised words none of which is a post
_NAMED_ITEM = re.compile(rf"(?:{ROLE_NOUN}|Chief)[\w-]*(?:\s+[A-Z][\w'’.-]+){{2,3}}\s+and\s+")


def titled_before(text: str, name: str) -> Span | None:
    """The post printed just before `name` in `text` as its title, inside the name's list item: 'Fire
    Chief-MLEO-CEMC' of 'Staff: … Fire Chief-MLEO-CEMC Will Bateman and Municipal Administrator-Clerk-
    Treasurer Kris Croskery-Hodgins'; None when no capitalised words holding a post's noun stand there
    ('Ms. A. Pappert, Chief Administrative Officer' prints it after)."""
    for m in re.finditer(rf"\b{re.escape(name)}\b", text):
        before = text[: m.start()]
        opened = _ITEM_OPENS.match(before)
        start = opened.end() if opened else 0
        for item in _NAMED_ITEM.finditer(before, start):
            start = item.end()  # the item is the last titled name's after its 'and'
        phrase = before[start:].rstrip()
        if _is_title(phrase):
            return Span("role", phrase, start, start + len(phrase))
    return None


def _is_title(phrase: str) -> bool:
    words = phrase.split()
    capitalised = all(w[0].isupper() or w in _CONNECTIVES for w in words)
    return (
        0 < len(words) <= _TITLE_WORDS
        and capitalised
        and words[-1][0].isupper()
        and bool(_POSTED.search(phrase))
    )
