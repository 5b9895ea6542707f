"""The reply to a question put in a debate or minutes, read in place of the question it answers."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import dropwhile, takewhile

from corpus.sentences import split_sentences
from index.passage import Passage
from qa.answertype import ACCOUNT_KINDS, NAMED_OR_VALUED, expected
from qa.citations import markers
from qa.exchange import heads_question, is_reply_label, puts_question
from qa.facts import clip
from qa.framing import unframed
from qa.relevance import coverage
from qa.scoring import Scored
from qa.spans import kinds
from qa.typematch import accepts
from qa.units import Unit, said_after, unit_at, units_of

# Who hands the floor over in a debate rather than answering: 'The Acting Chair (Mr …)', 'The Mayor'.
_CHAIR = re.compile(r"\b(?:chair|chairman|chairperson|chairwoman|mayor|speaker|presiding officer)\b", re.I)
_REPLY_HEADING = re.compile(r"^\W*(?:reply|response|answer)\b(?!\s*:\s*\S)", re.I)
# A chair's line this short gives the floor ('The Chair: The Minister.'); a longer one answers.
_HANDOVER_WORDS = 10
_BARE_ASSENT = 3  # words of a reply that only assents ('Yes, indeed.'): the follow-up asks for the rest


@dataclass(frozen=True)
class Said:
    """A piece of an answer as it will be shown, and the passages it is printed in (its citations)."""

    text: str
    passages: tuple[Passage, ...]


def reply_to(
    sentence: str, passage: Passage, next_passage: Callable[[int], Passage | None], words: int
) -> Said | None:
    """The reply to `sentence` when it is a question put in `passage` (a member's question in a
    transcript, 'Will the Leader …?'): the next speaker's turn or the printed reply, within `words`,
    read on into the next chunk of the paper when the question or a follow-up ends its passage. None
    when `sentence` tells rather than asks, or nothing follows it."""
    if not is_question(sentence) or (said := reply_after(passage.text, sentence, words)) is None:
        return None
    if said and not is_question(said):
        return Said(said, (passage,))
    after = next_passage(passage.chunk_id)
    if after and (more := reply_after(f"{passage.text}\n\n{after.text}", sentence, words)) != said:
        return Said(more, (passage, after) if said else (after,)) if more else None
    return Said(said, (passage,)) if said else None


def replied(asked: str, passage: Passage, reply: Said) -> tuple[str, list[Passage]]:
    """The reply as the answer, cited, and the passages cited in order; printed after the passage of the
    question `asked`, it follows the question with its own citation, so the passage that matched stays
    first."""
    if reply.passages[0] == passage:
        return f"{reply.text} {markers(len(reply.passages))}", list(reply.passages)
    text = f"{clip(asked, 25)} [1] {reply.text} {markers(len(reply.passages), 2)}"
    return text, [passage, *reply.passages]


def is_question(sentence: str) -> bool:
    """The sentence asks rather than tells: it ends in '?', or puts a question as minutes print one."""
    return sentence.rstrip(" \"'”’)").endswith("?") or puts_question(sentence)


def reply_after(text: str, sentence: str, words: int) -> str | None:
    """What answers `sentence`, a question put in `text` that ends its line (a member's turn, a printed
    question): the lines after it, each first sentence shown with its speaker, as many sentences as fit
    in `words`, up to the next line that opens with a question, or that the chair, the asker or anyone
    but the one replying speaks. Lines handing the floor over are passed ('The Chair: The honourable
    minister.', 'Bethan, did you want to add something?'); after a bare assent ('Absolutely.') the
    exchange runs on through the follow-up. '' when `text` ends first; None when `sentence` is not in
    `text` or its speaker goes on after it (a question they answer themselves: 'Could I jump in there?
    We have …')."""
    units = units_of(text)
    at = _found(units, sentence)
    if at is None or (at + 1 < len(units) and not units[at + 1].opens_line):
        return None
    asker = next((u.label for u in reversed(units[: at + 1]) if u.opens_line), None)
    kept: list[Unit] = []
    for line in dropwhile(_hands_over, _lines(units[at + 1 :])):
        replier = kept[0].label if kept else None
        if len(" ".join(u.text for u in kept).split()) > _BARE_ASSENT and _ends_reply(line, asker, replier):
            break
        for unit in line:
            if _words(kept + [unit]) > words:
                return _shown(kept) or clip(unit.shown, words)  # a turn longer than the answer is cut
            kept.append(unit)
    return _shown(kept)


def _found(units: Sequence[Unit], sentence: str) -> int | None:
    """Where `sentence` is among `units`: the unit that is it, else one holding it or held by it (a
    heading run on into the question in one chunk's text, apart in two chunks' together)."""
    at = unit_at(units, sentence)
    if at is None:
        near = (
            n
            for n, u in enumerate(units)
            if sentence in u.text or (u.text in sentence and _most(u.text, sentence))
        )
        at = next(near, None)
    return at


def _most(part: str, whole: str) -> bool:
    return 2 * len(part) >= len(whole)


def _ends_reply(line: list[Unit], asker: str | None, replier: str | None) -> bool:
    """A line after a reply that is no more of it: a new question, the chair moving on ('The Chair:
    Thank you. We move to item 4.'), the asker speaking again, or anyone but the one replying."""
    label = line[0].label or ""
    spoken = bool(label and replier and label != replier)
    heading = heads_question(line[0].text)  # 'Question 5 - Councillor …', 'Q4.'
    chair, again = bool(_CHAIR.search(label)), bool(asker and label == asker)
    return is_question(line[0].text) or heading or chair or again or spoken


def _shown(units: list[Unit]) -> str:
    """Units as an answer shows them: each turn's first sentence with its speaker; a reply after its
    label ('Answer from the Town Clerk: …') as printed after it."""
    return " ".join(u.shown if u.opens_line and not is_reply_label(u.label or "") else u.text for u in units)


def _words(units: list[Unit]) -> int:
    return len(_shown(units).split())


def _lines(units: Sequence[Unit]) -> list[list[Unit]]:
    """Units grouped by the line (a speaker's turn) they came from; any before the first line's start
    are left out."""
    lines: list[list[Unit]] = []
    for unit in units:
        if unit.opens_line:
            lines.append([unit])
        elif lines:
            lines[-1].append(unit)
    return lines


def _hands_over(line: list[Unit]) -> bool:
    """The chair giving the floor in a few words, a line that only asks who will answer, a reply's
    heading ('Reply - Councillor Catrin Hughes, Leader of the Council') or a stage direction."""
    first = line[0]
    heading = len(line) == 1 and _REPLY_HEADING.match(first.text) and not first.text.rstrip().endswith(".")
    chair = bool(_CHAIR.search(first.label or "")) and _words(line) <= _HANDOVER_WORDS
    direction = first.text.startswith("[") and line[-1].text.rstrip().endswith("]")  # '[Interruption.]'
    return chair or all(is_question(u.text) for u in line) or bool(heading) or direction


def summary_points(
    chosen: list[Scored],
    shown: list[str],
    budget: int,
    next_passage: Callable[[int], Passage | None],
    replies: bool,
) -> list[Said]:
    """The points of a summary as shown: each with the rest of what its speaker or paragraph went on
    to say, best point first, while the answer stays within `budget` words; with `replies`, a question
    put is followed by the reply it got. A run-on stops short of another chosen point, and a point
    already said in another's run-on or reply is not said again."""
    spare = budget - sum(len(t.split()) for t in shown)
    taken = {s.unit.text for s in chosen}
    points: list[Said] = []
    for text, s in zip(shown, chosen, strict=True):
        # already said in a reply or a run-on, or past the budget a reply took
        if any(s.unit.text in p.text for p in points) or (points and spare < 0):
            spare += len(text.split())
            continue
        reply = reply_to(s.unit.text, s.passage, next_passage, max(spare, 0)) if replies else None
        if reply and not reply.text.endswith("…"):  # a reply cut short to fit is left to its own point
            spare -= len(reply.text.split())
            # what was asked, then what was answered
            same = reply.passages == (s.passage,)
            points += (
                [Said(f"{text} {reply.text}", reply.passages)] if same else [Said(text, (s.passage,)), reply]
            )
            continue
        more = said_after(s.passage.text, s.unit.text, max(spare, 0)) if text == s.unit.shown else ""
        kept = list(takewhile(lambda u: u not in taken, split_sentences(more))) if more else []
        spare -= len(" ".join(kept).split())
        points.append(Said(" ".join([text, *kept]), (s.passage,)))
    return points


def printed_reply(
    asked: str,
    passages: Sequence[Passage],
    weights: dict[str, float],
    floor: float,
    next_passage: Callable[[int], Passage | None],
    words: int,
) -> tuple[str, Passage, Said] | None:
    """The question `asked` as the papers print it, its passage, and the reply printed after it: the first
    of `passages` holding a question put that holds at least `floor` of the question's term `weights`,
    asking for the same kind of name or value where `asked` wants one
    ('Will the Leader tell me why the Pontfaen Leisure Centre pool was closed …?'), read on into the next
    chunk when the reply starts there. None when no printed question is that close, or nothing replies."""
    for passage in passages:
        for unit in units_of(passage.text):
            close = (
                is_question(unit.text)
                and coverage(unit.text, weights) >= floor
                and _same_kind(asked, unit.text)
            )
            if close and (reply := reply_to(unit.text, passage, next_passage, words)):
                return unit.text, passage, reply
    return None


def _same_kind(asked: str, printed: str) -> bool:
    """A question for a name or a value is the printed one only if that asks for the same kind: 'Who said
    the depot will close?' is not 'Is the depot going to close?'."""
    kind = expected(asked).kind
    return kind not in NAMED_OR_VALUED or expected(unframed(printed)).kind == kind


def fits(reply: Said, question: str, abstained: bool) -> bool:
    """Whether a printed reply answers `question` better than its reading does: asked for an account, it
    does; asked for a name or a value, only where the reading found none (`abstained`) and the reply
    gives one of the asked kind ('opens on 2 May 2023'; not 'we will take that in writing')."""
    kind = expected(question).kind
    if kind in ACCOUNT_KINDS:
        return True
    # a bare number tells nothing here: replies print item and rule numbers ('see item 5', 'Rule 10.6')
    valued = kind != "number" and bool(accepts(kind) & kinds(reply.text))
    return abstained and valued
