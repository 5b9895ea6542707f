"""Builds the answer from retrieved text only: the answering sentence or cell first, each one cited."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from corpus.sentences import split_sentences
from index.codes import is_code
from index.embedder import Embedder
from index.passage import Passage
from index.settings import Settings
from index.store import Store
from qa.account import account
from qa.answer import Answer, Citation, format_date
from qa.answertype import ACCOUNT_KINDS, expected
from qa.askedmeeting import asked_meeting_first
from qa.asks import asks, hangs
from qa.citations import markers
from qa.exchange import only_asks, wants_questions
from qa.facts import choose, clauses_asked, clip, enumerated, item_text, items_after, rows_matching
from qa.formcolumns import form_row
from qa.headchunks import with_headed
from qa.leads import lead_ins
from qa.listings import counted_list, laid_out
from qa.nextmeeting import asks_after, schedules
from qa.numbering import NO_NUMBER, asks_number, number_asked
from qa.partanswers import part_answers
from qa.pinning import pinned_to_named_paper
from qa.query import Query, meeting_day, proper_words
from qa.reader import PASSAGES, Read, Reader, Reading
from qa.replies import Said, fits, printed_reply, replied, reply_to, summary_points
from qa.retriever import Retrieval
from qa.rowkeys import asked_key
from qa.rowvalues import rows_valued
from qa.scoring import Scored
from qa.shortlist import NO_FACT, PAPERS_ASKED, of_day
from qa.statements import STATUS_WORDS, Statement, lead_for, statements
from qa.stretch import day_of, item_pool, of_meeting_day, reported_papers
from qa.timefit import row_name, time_row
from qa.units import Unit

_STATUS_MARGIN = 0.15  # rerank score below the best passage that still counts as on the topic
_PRINTED_RANKS = 2  # the printed question asked is in the passages ranked first, as a request's reply is
_ROW_KINDS = frozenset({"person", "organisation", "list"})  # what rows a value picks out can answer
_SHORTLIST = 24  # scored candidates a list or summary answer may draw on


def _first_sentences(text: str, words: int) -> str:
    """Leading sentences of a status cell, as many as fit in `words`; a bare 'Completed:' keeps
    the sentence that says what was completed."""
    kept: list[str] = []
    for sentence in split_sentences(" ".join(text.split())):
        bare = len(" ".join(kept).split()) <= 3
        if kept and not bare and len(" ".join(kept + [sentence]).split()) > words:
            break
        kept.append(sentence)
    return " ".join(kept)


def _status_phrase(text: str) -> str:
    """'In Progress: Create a number…' → 'In Progress — Create a number…', so the status leads."""
    text = text.lstrip("•-( ")
    m = re.match(rf"({STATUS_WORDS.pattern})\s*[:–-]\s*", text, re.IGNORECASE)
    if not m:
        return text
    rest = text[m.end() :]
    return f"{m.group(1)} — {rest}" if rest else m.group(1)


NOT_ANSWERED = "The papers do not answer this question."


def _sentence(text: str) -> str:
    """End a clipped cell like a sentence: 'Pledge 41 - We will …' stays, 'Pledge 41' gets a full stop."""
    text = text.rstrip(" .;,")
    return text if text.endswith("…") else f"{text}."


_MINUTE = re.compile(r"^\s*\d{1,3}[.)]\s+\S")  # a minute's numbered heading, as minutes print their items


class Composer:
    """Turns a Retrieval into an Answer, or says plainly (and why) that the papers don't answer."""

    def __init__(self, store: Store, embedder: Embedder, settings: Settings) -> None:
        self.store, self.embedder, self.settings = store, embedder, settings
        self.reader = Reader(embedder)

    def compose(self, retrieval: Retrieval, top_k: int | None = None) -> Answer:
        top_k = top_k or self.settings.top_k
        query = retrieval.query
        if retrieval.unheld:
            names = ", ".join(str(i) for i in retrieval.unheld)
            return self._not_found(query.text, f"The papers do not mention {names}.")
        # a road or reference no paper prints ('the N22' where papers print the N21), as an identifier
        if unheld := [t.upper() for t in query.terms if is_code(t) and retrieval.frequencies.get(t, 1) == 0]:
            return self._not_found(query.text, f"The papers do not mention {', '.join(unheld)}.")
        if retrieval.unnamed:  # 'Who chairs the Licensing Committee?' of papers that never name one
            names = " or ".join(f"the {b}" for b in retrieval.unnamed)
            return self._not_found(query.text, f"The papers do not mention {names}.")
        # (the meeting after one of a day counts from it: that day may be listed, with no paper of its own)
        if (
            (day := meeting_day(query.text))
            and not asks_after(query.text)
            and not of_day(retrieval.passages, day, papers_asked=bool(PAPERS_ASKED.search(query.text)))
        ):
            said = f"none of them is of a meeting on {day.day} {day:%B %Y} or names that day"
            return self._not_found(query.text, f"{NOT_ANSWERED[:-1]}: {said}.")
        # a report's section asked for by name, or a numbered series asked for whole: its items
        if listed := laid_out(query, retrieval.passages, self.store, self.settings):
            return self._listed_answer(retrieval, listed, top_k)
        # an item's, a minute's or a resolution's number asked by what it numbers: that number, or none
        if asks_number(query.text):
            if found := number_asked(retrieval, self.settings, self._between, self.embedder.embed):
                text, passage = found
                return self._listed_answer(retrieval, (f"{text} {markers(1)}", [passage]), top_k)
            return self._declined(retrieval, NO_NUMBER, top_k)
        retrieval = pinned_to_named_paper(retrieval)  # 'Priority 5' of another year's plan pins nothing
        pool = self._pool(retrieval)
        if query.intent == "summary":
            retrieval = replace(retrieval, passages=tuple(self._with_what_follows(list(retrieval.passages))))
        # An identifier the papers hold pins the topic: the reader reads the passages holding it, and
        # answers from them (the asked fact is in the item's text, however low it scores).
        pinned = bool(retrieval.matched)
        read_over = replace(retrieval, passages=tuple(pool)) if pinned else retrieval
        read_over = replace(read_over, passages=tuple(self._headed(read_over.passages)))
        between = self._reading_once()  # headers read back once for both uses of the asked meeting below
        read_over = self._asked_meeting_first(read_over, between)  # its minutes, ranked low in a pack
        read_over = replace(
            read_over, leads=lead_ins(read_over.passages[:PASSAGES], lambda ids: self.store.passages(ids))
        )
        if listing := schedules(query.text, read_over.passages[:PASSAGES], self.store.paper_passages):
            # the latest paper's list of meeting days, for the next meeting: read among the best
            top, listed = read_over.passages[: PASSAGES - len(listing)], {p.chunk_id for p in listing}
            rest = [p for p in read_over.passages[len(top) :] if p.chunk_id not in listed]
            read_over = replace(read_over, passages=(*top, *listing, *rest))
        reading = self.reader.read(self._of_asked_meeting(read_over, between))
        speaks = query.intent in {"status", "history"} and (retrieval.matched or not reading.abstain)
        if speaks and (
            found := statements(self._speaking(pool, query), query.identifiers, proper_words(query.text))
        ):
            return self._status_answer(retrieval, lead_for(found, query.time), top_k)
        # a request of several parts ('(a) how many … (b) where …') is answered part by part
        if asked := asks(query.text):
            if parted := part_answers(self.reader, read_over, asked, self.settings.answer_words):
                citations = self._citations(parted.used, retrieval.passages, top_k)
                return Answer(query.text, parted.text, "answered", citations)
            if all(hangs(part) for part in asked[1:]):  # 'Were there any …, and if so, what was the cost?'
                reading = replace(reading, abstain=reading.abstain or NO_FACT)  # no 'any', so no cost
        # the question as the papers print it, asked again: the printed reply answers it
        # (a summary shows the questions put with their replies already; a list wants several things)
        one_ask = query.intent not in {"summary", "list"} and not wants_questions(query.terms)
        # only an account, or a question the reading left unanswered, can take the printed reply (fits):
        # the scan is not run for a name or value the reading found
        may_fit = expected(query.text).kind in ACCOUNT_KINDS or bool(reading.abstain)
        printed = self._printed(retrieval) if one_ask and may_fit else None
        if printed and fits(printed[2], query.text, bool(reading.abstain)):
            asked_text, passage, reply = printed
            text, used = replied(asked_text, passage, reply)
            return Answer(query.text, text, "answered", self._citations(used, retrieval.passages, top_k))
        # A summary asks what was said on a topic, and an open question ('What is the position on …?')
        # has no typed fact to miss: the topic being there is enough to answer it.
        open_ended = query.intent == "summary" or expected(query.text).kind in ACCOUNT_KINDS
        on_topic = open_ended and reading.abstain == NO_FACT and bool(reading.candidates)
        if reading.abstain and not (pinned and reading.candidates) and not on_topic:
            # no sentence states the count: a list shows it
            if counted := counted_list(query, retrieval.passages, self.store, self.settings):
                return self._listed_answer(retrieval, counted, top_k)
            return self._declined(retrieval, reading.abstain, top_k)
        return self._fact_answer(retrieval, reading, top_k)

    def _declined(self, retrieval: Retrieval, why: str, top_k: int) -> Answer:
        """Nothing answers, and why; the nearest passages are still shown, as leads and not as an answer."""
        closest = tuple(Citation.of(n, p) for n, p in enumerate(retrieval.passages[:top_k], 1))
        return Answer(retrieval.query.text, f"{NOT_ANSWERED[:-1]}: {why}.", "not_found", closest)

    def _pool(self, retrieval: Retrieval) -> list[Passage]:
        """Passages holding the asked identifiers (of the meeting the question dates, where any is), and
        those in the stretch of an item one names (qa/stretch.py), when any does; every retrieved passage
        of a report whose own number the question gives; else every retrieved passage."""
        if matched := retrieval.matched:
            if day := meeting_day(retrieval.query.text):
                matched = of_meeting_day(
                    matched, retrieval.passages, day, self._between, self.settings.header_reach
                )
            if reported := reported_papers(retrieval.query.text, retrieval.passages, matched):
                return reported
            return item_pool(retrieval.passages, matched, self._between, self.settings.item_stretch)
        return list(retrieval.passages)

    def _asked_meeting_first(
        self, retrieval: Retrieval, between: Callable[[int, int], list[Passage]]
    ) -> Retrieval:
        """The passages with those of the minutes of the meeting the question dates, reprinted in a pack
        of another day, brought among those the reader reads (qa/askedmeeting.py)."""
        day = meeting_day(retrieval.query.text)
        if not day:
            return retrieval
        reach = self.settings.header_reach
        found = asked_meeting_first(retrieval.passages, day, between, reach, PASSAGES, retrieval.similarity)
        return replace(retrieval, passages=tuple(found))

    def _of_asked_meeting(
        self, retrieval: Retrieval, between: Callable[[int, int], list[Passage]] | None = None
    ) -> Retrieval:
        """The passages the reader reads, each of a pack reproducing the minutes of the meeting the question
        dates ('… at its 10 July 2019 meeting', in the 11 September pack) dated as that meeting, for the
        reader only: what the minutes record is of that day, not of the pack's. So too the other way: the
        minutes of 10 July in the pack of the 11 September meeting asked about are dated 10 July, as what
        they record (a verbal update's figure) was said then. Citations keep the paper's date."""
        day = meeting_day(retrieval.query.text)
        if not day:
            return retrieval
        reach, between = self.settings.header_reach, between or self._reading_once()
        passages = [self._dated(p, day, day_of(p, between, reach)) for p in retrieval.passages[:PASSAGES]]
        return replace(retrieval, passages=(*passages, *retrieval.passages[PASSAGES:]))

    @staticmethod
    def _dated(passage: Passage, asked: dt.date, held: dt.date | None) -> Passage:
        """The passage dated as the meeting whose header it is under (`held`), where that is the day asked
        and its paper's date is not; or where its paper is of the day asked and the passage is a minute of
        another meeting, under its numbered heading ('13. Number of Children in Care - verbal update'): a
        report later in the pack is under no header of its own, and stays of its paper's day."""
        if held is None or held == passage.date:
            return passage
        if held == asked or (passage.date == asked and _MINUTE.match(passage.heading or "")):
            return replace(passage, date=held, date_precision="day")
        return passage

    def _reading_once(self) -> Callable[[int, int], list[Passage]]:
        """`_between` for one question's passages, each chunk read once: the windows read back from the
        passages of one paper overlap."""
        read: dict[int, Passage] = {}
        tried: set[int] = set()  # ids asked for, held or not (a chunk may have been removed)

        def between(first: int, last: int) -> list[Passage]:
            ids = range(first + 1, last + 1)
            if missing := [i for i in ids if i not in tried]:
                read.update((p.chunk_id, p) for p in self.store.passages(missing))
                tried.update(missing)
            return [read[i] for i in ids if i in read]

        return between

    def _between(self, first: int, last: int) -> list[Passage]:
        return self.store.passages(range(first + 1, last + 1))

    def _speaking(self, pool: list[Passage], query) -> list[Passage]:
        """Passages whose status statements may lead: with no identifier to pin the topic, only those
        ranked close to the best (an older paper's 'completed' about something else must not lead),
        and never a question put at a meeting."""
        if not query.identifiers:
            pool = [p for p in pool if p.score >= pool[0].score - _STATUS_MARGIN]
        return pool if wants_questions(query.terms) else [p for p in pool if not only_asks(p.text)]

    def _with_what_follows(self, pool: list[Passage]) -> list[Passage]:
        """A discussion runs on past a chunk's end (the reply to a question, the rest of a debate):
        a summary also draws on the passage after each of the best two."""
        extended = list(pool)
        for passage in pool[:2]:
            after = self.store.next_passage(passage.chunk_id)
            if after and after.chunk_id not in {p.chunk_id for p in extended}:
                extended.insert(extended.index(passage) + 1, after)
        return extended

    def _headed(self, passages: Sequence[Passage]) -> list[Passage]:
        s = self.settings
        return with_headed(passages, self.store.next_passage, s.headed_best, s.heading_words, s.headed_reach)

    def _not_found(self, question: str, text: str) -> Answer:
        return Answer(question, text, "not_found", ())

    def _citations(
        self, used: Sequence[Passage], ranked: Sequence[Passage], top_k: int
    ) -> tuple[Citation, ...]:
        order = list(dict.fromkeys([p.chunk_id for p in used] + [p.chunk_id for p in ranked]))
        by_id = {p.chunk_id: p for p in [*used, *ranked]}
        return tuple(Citation.of(n, by_id[cid]) for n, cid in enumerate(order[: max(top_k, len(used))], 1))

    def _status_answer(self, retrieval: Retrieval, found: list[Statement], top_k: int) -> Answer:
        """The lead statement, then the others; an unchanged status is said once ('In Progress since …
        (still in …)') rather than repeated."""
        lead = found[0]
        status = _status_of(lead.text)
        older = [s for s in found[1:] if lead.date and s.date and s.date < lead.date]
        same = [s for s in older if status and _status_of(s.text) == status]
        since = same[-1] if same and len(same) == len(older) else None
        when = format_date(lead.date, lead.passage.date_precision)
        if since:
            first = format_date(since.date, since.passage.date_precision)
            opening = f"{status} since {first} (still in {when}):"
            body = _first_sentences(
                re.sub(rf"^\W*{re.escape(status)}\s*[:–-]?\s*", "", lead.text, flags=re.I), 35
            )
            used = [lead.passage, since.passage]
            citations = self._citations(used, retrieval.passages, top_k)
            return Answer(retrieval.query.text, f"{opening} {clip(body, 45)} [1]", "answered", citations)
        sentences = [f"As of {when}: {clip(_status_phrase(_first_sentences(lead.text, 35)), 45)} [1]"]
        used = [lead.passage]
        for statement in found[1:]:
            later = "Later" if lead.date and statement.date and statement.date > lead.date else "Earlier"
            line = (
                f"{later}, as of {format_date(statement.date, statement.passage.date_precision)}: "
                f"{clip(_status_phrase(_first_sentences(statement.text, 18)), 22)} [{len(used) + 1}]"
            )
            if len(" ".join(sentences + [line]).split()) > self.settings.answer_words:
                break
            sentences.append(line)
            used.append(statement.passage)
        citations = self._citations(used, retrieval.passages, top_k)
        return Answer(retrieval.query.text, " ".join(sentences), "answered", citations)

    def _fact_answer(self, retrieval: Retrieval, reading: Reading, top_k: int) -> Answer:
        query = retrieval.query
        if query.intent == "list" and (rows := rows_matching(retrieval.passages, query)):
            return self._rows_answer(retrieval, rows, top_k)
        # 'Who stood for the Liberal Democrats?': the rows a column's value picks out, when several do
        kind = expected(query.text).kind
        if kind in _ROW_KINDS and len(rows := rows_valued(retrieval.passages, query, kind == "list")) > 1:
            return self._rows_answer(retrieval, rows, top_k)
        best = reading.candidates[0]
        scored = _scored(best)
        items, sources = self._listed(scored, query)
        if query.intent in {"list", "summary"} and not items:
            return self._several(retrieval, reading, top_k)
        used = [best.candidate.passage, *sources]  # the lead-in's passage, then the chunks its list ran into
        if items:
            words = max(8, (self.settings.answer_words - 20) // len(items))
            # items are told apart by semicolons, rows (whose cells already are) by full stops
            sep = ". " if any("; " in u.text for u in items) else "; "
            pieces = [clip(u.text.rstrip(".;"), words) for u in items]
            # a clipped item's '…' already parts it from the next: 'the ACE Multi Academy Trust … (b) …'
            listed = "".join(p + (" " if p.endswith("…") else sep) for p in pieces[:-1]) + pieces[-1]
            cited = markers(len(used))
            line = f"{clip(scored.unit.shown, 40)} {listed}{'' if listed.endswith('…') else '.'} {cited}"
        elif body := item_text(best.candidate, query.identifiers):
            line = f"{clip(best.candidate.text, 20)}: {clip(body, 60)} [1]"
        elif reply := self._reply(best, query):  # the best match is a question put: its reply answers
            line, used = replied(best.candidate.text, best.candidate.passage, reply)
        else:
            said = account(best, query.text, self.settings, self.store.next_passage)
            # a cell of a form's question-headed column says which row it answers for
            form = form_row(best.candidate.label, row_name(best.candidate))
            told = f"{said.text} (for “{form}”)" if form else said.text
            if more := clauses_asked(best.candidate.text, best.candidate.passage, query.text):  # (a), (b)
                told = f"{told} {' '.join(more)}"
            line, used = f"{told} {markers(len(said.passages))}", list(said.passages)
            if row := time_row(best.candidate):  # 'Nov-18: 58.2%' says what it counts with its row
                line = f"{row} — {line}"
            elif key := asked_key(query.text, row_name(best.candidate)):  # 'Which milestone covers …?'
                line = f"{key} — {line}"
        line = self._naming_identifier(retrieval, scored, line)
        citations = self._citations(used, retrieval.passages, top_k)
        return Answer(query.text, line, "answered", citations)

    def _listed_answer(self, retrieval: Retrieval, listed: tuple[str, list[Passage]], top_k: int) -> Answer:
        text, used = listed
        return Answer(
            retrieval.query.text, text, "answered", self._citations(used, retrieval.passages, top_k)
        )

    def _listed(self, lead: Scored, query: Query) -> tuple[list[Unit], list[Passage]]:
        forward = query.intent == "list" or expected(query.text).kind == "person"  # who was elected: below
        return items_after(
            lead, query.identifiers, self.store.next_passage, self.settings.list_chunks, forward
        )

    def _printed(self, retrieval: Retrieval) -> tuple[str, Passage, Said] | None:
        """The reply printed after the question asked, where a first-ranked passage prints it."""
        s, top = self.settings, retrieval.passages[:_PRINTED_RANKS]
        question, weights = retrieval.query.text, retrieval.weights
        floor, after = s.printed_question_cover, self.store.next_passage
        return printed_reply(question, top, weights, floor, after, s.answer_words)

    def _reply(self, best: Read, query: Query) -> Said | None:
        """The reply to the best sentence when it is a question put in a debate or minutes, unless the
        questions put are what is asked about."""
        c = best.candidate
        if c.span or wants_questions(query.terms):
            return None
        return reply_to(c.text, c.passage, self.store.next_passage, self.settings.description_words)

    def _several(self, retrieval: Retrieval, reading: Reading, top_k: int) -> Answer:
        """A list or summary: the best sentences, each cited, up to the word budget."""
        sentences = [_scored(r) for r in reading.candidates[:_SHORTLIST] if r.candidate.span is None]
        if not sentences:
            sentences = [_scored(reading.candidates[0])]
        is_list = retrieval.query.intent == "list"
        budget = self.settings.answer_words * (2 if is_list else 1)
        chosen = choose(sentences, budget, is_list, not is_list)
        shown = [clip(s.unit.shown, 25 if is_list and i else 70) for i, s in enumerate(chosen)]
        points = [Said(text, (s.passage,)) for text, s in zip(shown, chosen, strict=True)]
        if not is_list:
            replying = not wants_questions(retrieval.query.terms)
            points = summary_points(chosen, shown, budget, self.store.next_passage, replying)
        used: list[Passage] = list(dict.fromkeys(p for point in points for p in point.passages))
        number = {p.chunk_id: n for n, p in enumerate(used, 1)}
        lines = [f"{p.text} {' '.join(f'[{number[c.chunk_id]}]' for c in p.passages)}" for p in points]
        lines[0] = self._naming_identifier(retrieval, chosen[0], lines[0])
        lead = chosen[0]
        more = enumerated(lead, budget - len(lines[0].split())) if is_list else ""
        # 'Which two organisations …?' of '(a) …; (b) …;': the lettered clauses go on with the lead's list
        more = more or " ".join(clauses_asked(lead.unit.text, lead.passage, retrieval.query.text))
        if more:
            lines[0] = lines[0].replace(" [", f" {more} [", 1)
        citations = self._citations(used, retrieval.passages, top_k)
        return Answer(retrieval.query.text, " ".join(lines), "answered", citations)

    def _rows_answer(self, retrieval: Retrieval, rows: list[tuple[str, Passage]], top_k: int) -> Answer:
        """One cited item per matching table row: the rows' keys are the list asked for."""
        used = list(dict.fromkeys(p for _, p in rows))
        number = {p.chunk_id: n for n, p in enumerate(used, 1)}
        text = " ".join(f"{_sentence(key)} [{number[p.chunk_id]}]" for key, p in rows)
        return Answer(
            retrieval.query.text, text, "answered", self._citations(used, retrieval.passages, top_k)
        )

    def _naming_identifier(self, retrieval: Retrieval, best: Scored, line: str) -> str:
        """The `line` made of the answering cell naming the identifier asked where neither names it, after
        the answer so that the answer leads: 'Portfolio Holder: Jemima Laing (Pledge 41) [1]'."""
        shown = f"{best.unit.shown} {line}"
        missing = [str(i) for i in retrieval.query.identifiers if not i.pattern().search(shown)]
        if not (missing and best.unit.label):
            return line
        said, markers_at = line, _TRAILING_MARKERS.search(line)
        said, cited = (line[: markers_at.start()], line[markers_at.start() :]) if markers_at else (line, "")
        return f"{said.rstrip()} ({', '.join(missing)}){cited}"


_TRAILING_MARKERS = re.compile(r"(?:\s*\[\d+\])+\s*$")  # the citation markers closing a line: ' [1] [2]'


def _scored(read: Read) -> Scored:
    c = read.candidate
    return Scored(Unit(c.text, c.label, opens_line=True), c.passage, read.score)


def _status_of(text: str) -> str | None:
    """The status word a statement leads with ('In Progress'), as printed."""
    m = STATUS_WORDS.match(text.lstrip("•-( "))
    return m.group(1) if m else None
