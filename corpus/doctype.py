"""What kind of paper a text is: agenda, minutes, report, plan, budget, election or other."""

from __future__ import annotations

import re

from corpus.headtext import top_lines

DOC_TYPES = ("agenda", "minutes", "report", "plan", "budget", "election", "other")

# A short heading line (a title, not a sentence) holding `word`, not followed by a label's colon.
# Possessive quantifiers keep words whole, so a long line cannot make the search backtrack.
_SHORT = (
    r"^(?![^\n]*:)[^\w\n]*+(?:[^\w\n]*+\w[\w'’/-]*+[^\w\n]++){{0,{n}}}(?:{word})"
    r"(?:[^\w\n]++\w[\w'’/-]*+){{0,{n}}}[^\w\n]*$"
)
_BUDGET_WORDS = (
    r"budgets?|accounts|financial statements?|statement of accounts|cash ?sheet|payments|receipts"
    r"|variances|precept|capital forecast|income and expenditure|estimates"
)
# (type, weight, pattern): evidence each kind of paper shows in its opening lines.
_TYPE_SIGNALS = tuple(
    (kind, weight, re.compile(pattern, re.I | re.M))
    for kind, weight, pattern in (
        ("agenda", 2, r"\bagenda\b"),
        ("agenda", 4, _SHORT.format(n=6, word=r"agenda\b(?! items?\b)") + r"|\bagenda pack(?:age)?\b"),
        ("agenda", 3, r"members are (?:invited|requested|summoned) to attend|notice of (?:the )?meeting"),
        ("agenda", 3, r"\bsummons to (?:councillors|members)\b|you are (?:hereby )?summoned\b"),
        # Items put as things to do ("3. To receive the minutes") are an agenda's; minutes say what was done.
        ("agenda", 2, r"^\W*\d{1,2}\.?\s+to (?:receive|consider|approve|note|agree|resolve|discuss)\b"),
        ("agenda", 3, r"\(pages? \d+ ?[-–] ?\d+\)"),
        # "REGULAR MEETING MINUTES", "MINUTES": a heading, not an item approving earlier minutes.
        (
            "minutes",
            4,
            r"^(?!\W*\d)(?![^\n]*\b(?:approv|adopt|confirm|receiv|draft|previous))"
            + _SHORT.format(n=3, word="minutes"),
        ),
        # "Minutes of X", "Little Ashby Parish Council – Minutes of 2 June 2021": a heading, not an
        # agenda item on earlier minutes.
        (
            "minutes",
            4,
            r"^(?![^\n]*\b(?:previous|last|approv|confirm|adopt|receiv)\w*)"
            r"[^\n]{0,80}\bminutes of\b[^\n]{0,60}$",
        ),
        (
            "minutes",
            3,
            r"^\W*present\W*$|^\W*present:|\bin attendance\b|\bhansard\b|\bverbatim\b|\bthe council met\b",
        ),
        ("minutes", 2, r"(?-i:\bRESOLVED\b)|the meeting (?:started|commenced|closed|ended|finished) at"),
        (
            "minutes",
            2,
            r"called the meeting to order|meeting was called to order|^\W*carried\W*$|\bseconded by\b",
        ),
        ("minutes", 1, r"apologies for absence"),
        ("report", 3, r"^\W*report (?:of|to|by|from)\b"),
        ("report", 4, r"\bstaff report\b|^\W*memorandum\W*$"),
        # A memo header: "TO:" with "FROM:" or "SUBJECT:" within the next few lines.
        ("report", 3, r"^\W*to\s*:[^\n]*\n(?:[^\n]*\n){0,3}?\W*(?:from|subject|re)\s*:"),
        ("report", 2, r"^[\W\d]*(?:recommendations?|reasons? for recommendations?|executive summary)\b"),
        ("report", 2, r"purpose of (?:the |this )?report|^\W*subject\s*:|recommended action|fiscal impact"),
        ("report", 1, r"^[\W\d]*(?:summary|implications|background papers?)\W*$"),
        ("report", 3, r"\bpledges?\b[\s\S]{0,800}?\b(?:in progress|completed?|status)\b"),
        ("plan", 2, r"\b(?:strategic|improvement|action|business|delivery|corporate|three-year) plan\b"),
        ("budget", 4, _SHORT.format(n=5, word=_BUDGET_WORDS)),
        ("budget", 2, r"balance sheet|bank reconciliation|income and expenditure|explanation of variances"),
        (
            "election",
            5,
            r"statement (?:as to|of) (?:the )?persons nominated|notice of (?:uncontested )?election"
            r"|notice of poll|declaration of results?|uncontested election|ballots cast|registered voters"
            r"|precinct (?:bulletin|results)",
        ),
        ("election", 3, r"\breturning officer\b|\bpolling (?:station|district|place)s?\b"),
    )
)
_TITLE_TYPES = {
    "agenda": r"\bagenda\b(?! items?\b)|notice of meeting",
    "minutes": r"^minutes\b|\bminutes$|\bminutes of\b",
    "report": r"\b(?:report|update|pledges?|progress|performance|monitoring)\b",
    "plan": r"\bplan\b",
    "budget": rf"\b(?:{_BUDGET_WORDS})\b",
    "election": r"\b(?:election|persons nominated|poll|precinct)\b",
}
_TITLE_BONUS = 4
_LEAD_WEIGHT = 3  # evidence this strong says what the paper is when it comes first
_OPENING = 2000  # chars: evidence past this counts half
_HEAD_LINES, _HEAD_CHARS = 60, 4000
# A plan period such as 2024-27 spans years; a financial year such as 2017/18 does not.
_PERIOD = re.compile(r"\b(?:19|20)(\d\d) ?[/\-–] ?(?:19|20)?(\d\d)\b")


def classify(text: str, title: str | None = None) -> str:
    """One of DOC_TYPES, from the title and the paper's opening; "other" when nothing is clear."""
    head = "\n".join(text.splitlines()[:_HEAD_LINES])[:_HEAD_CHARS]
    scores = dict.fromkeys(_TITLE_TYPES, 0.0)
    hits = [(m.start(), kind, weight) for kind, weight, p in _TYPE_SIGNALS if (m := p.search(head))]
    # The kind whose strong evidence comes first leads: an agenda pack that carries last
    # meeting's minutes is still an agenda. Later and other-kind evidence counts for less.
    lead = min(((start, kind) for start, kind, weight in hits if weight >= _LEAD_WEIGHT), default=(0, None))[
        1
    ]
    for start, kind, weight in hits:
        scores[kind] += weight * (1 if kind == lead else 0.5) * (1 if start < _OPENING else 0.5)
    for kind, pattern in _TITLE_TYPES.items():
        scores[kind] += _TITLE_BONUS if title and re.search(pattern, title, re.I) else 0
    short = [line for line in [title or "", *top_lines(text, 20)] if len(line.split()) <= 15]
    if any(2 <= (int(b) - int(a)) % 100 <= 5 for line in short for a, b in _PERIOD.findall(line)):
        scores["plan"] += 2
    kind = max(scores, key=lambda k: scores[k])
    return kind if scores[kind] >= 2 else "other"
