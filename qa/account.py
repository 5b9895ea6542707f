"""An account as an answer: the answering sentence with what its paragraph goes on to say."""

from __future__ import annotations

from collections.abc import Callable

from corpus.blocks import OUTCOME_LINE
from corpus.sentences import split_sentences
from index.passage import Passage
from index.settings import Settings
from qa.answertype import expected, open_question
from qa.facts import clip, introduces_prose
from qa.leadline import lead_line
from qa.leads import run_on
from qa.reader import Read, closed_vote
from qa.replies import Said, reply_to
from qa.spans import kinds, spans
from qa.units import said_after, said_before, told_after, units_of


def account(
    best: Read, question: str, settings: Settings, next_passage: Callable[[int], Passage | None] | None = None
) -> Said:
    """The lead line; for an open question answered by a whole sentence, or a sentence introducing a
    list not printed as lines, with the rest of its paragraph up to `settings.description_words`, and
    first the sentences before it that it leans on ('These charges apply …' after the charges). Asked
    why, of a sentence that tells only what, the reason its paragraph goes on to give within
    `settings.reason_reach` sentences ('These improvements have been due to …') is shown too, past
    any sentences the budget leaves out ('… These improvements …'). A turn that ends by asking goes on
    to the reply it got (read into the next chunk with `next_passage`). The text, and the passages it
    quotes (the answering sentence's first)."""
    line = lead_line(best, expected(question).kind, question)
    c = best.candidate
    if OUTCOME_LINE.match(c.text) and (vote := _voted(c.passage.text, c.text, settings.answer_words)):
        return Said(f"{c.text} — {vote}", (c.passage,))  # 'DEFEATED' says of what, and by how many
    if outcome := _outcome_after(best, question, settings.reason_reach):  # '… Granted 4/5/18.'
        sentence, at = outcome
        return Said(f"{line}{' ' if at == 1 else ' … '}{sentence}", (c.passage,))
    # a labelled sentence runs on too: a speaker's turn ('Barry Hughes: We've been working with …')
    # goes on in its line, while a form's field ('Author: Jane Smith') ends its line
    if not (open_question(question) or introduces_prose(c.text)) or c.span:
        return Said(line, (c.passage,))
    budget = settings.description_words
    if before := said_before(c.passage.text, c.text, budget - len(line.split())):
        line = f"{before} {line}"
    reason, at = _reason_after(best, question, settings.reason_reach)
    more = said_after(c.passage.text, c.text, budget - len(line.split()) - len(reason.split()))
    if reason and reason not in more:
        joint = " " if at == 1 + len(split_sentences(more)) else " … "
        more = f"{more}{joint}{reason}".strip()
    text = f"{line} {more}" if more else line
    # a turn that ends by asking ('… Some members have called for these to be lowered. What is the
    # Government's position?') goes on to the reply it got, within what is left of the budget
    last = (split_sentences(more) or [c.text])[-1]
    spare = budget - len(text.split())
    if next_passage and spare >= _LEAST_REPLY and (reply := reply_to(last, c.passage, next_passage, spare)):
        return Said(f"{text} {reply.text}", tuple(dict.fromkeys((c.passage, *reply.passages))))
    # the paragraph runs on into the next chunk where a boundary cut its row or turn ('… (continued)')
    cut, following = run_on(c.passage, text, spare, next_passage) if next_passage else ("", None)
    if following is not None:
        return Said(f"{text} {cut}", (c.passage, following))
    return Said(text, (c.passage,))


_LEAST_REPLY = 8  # words: a reply cut shorter says nothing


def _voted(text: str, outcome: str, words: int) -> str:
    """What an outcome printed on a line of its own ('DEFEATED') closes (qa/reader.closed_vote), as
    printed ('VOTING AGAINST: …'), clipped to `words`."""
    units = units_of(text)
    at = next((i for i, u in enumerate(units) if u.text == outcome and not u.label), 0)
    return clip(
        " ".join(f"{u.label}: {u.text}" if u.label else u.text for u in closed_vote(units, at)), words
    )


def _reason_after(best: Read, question: str, reach: int) -> tuple[str, int]:
    """The reason a 'Why …?' answer's sentence leans on, and how far past it; ('', 0) for any other
    question, or when the sentence gives its own reason."""
    c = best.candidate
    if expected(question).kind != "reason" or "reason" in c.kinds:
        return "", 0
    return told_after(c.passage.text, c.text, reach, lambda s: "reason" in kinds(s))


def _outcome_after(best: Read, question: str, reach: int) -> tuple[str, int] | None:
    """Asked what was decided, of a sentence telling only what the matter was (an application's
    description), the outcome its paragraph goes on to give within `reach` sentences ('Granted 4/5/18.')
    and how far past it; None for any other question, or when the sentence gives its own outcome."""
    c = best.candidate
    if expected(question).kind != "decision" or _decides(c.text) or c.span:
        return None
    sentence, at = told_after(c.passage.text, c.text, reach, _decides, leaning=False)
    return (sentence, at) if sentence else None


def _decides(text: str) -> bool:
    """The sentence tells an outcome: a decision's word outside brackets ('Granted', not the
    '(approved plans)' a variation names)."""
    return any(
        s.kind == "decision" and text[: s.start].count("(") <= text[: s.start].count(")") for s in spans(text)
    )
