"""A chunk holding only a heading is read with the chunks it heads."""

from __future__ import annotations

from index.passage import Passage
from qa.headchunks import heads_only, with_headed


def _passage(chunk_id: int, text: str) -> Passage:
    return Passage(chunk_id, text, None, 1, 1, "m.pdf", "Minutes", "Souldern", None, None, "day", "minutes")


CHUNKS = {
    1: _passage(1, "MINUTES OF THE SOULDERN PARISH COUNCIL MEETING\n\nHELD IN THE VILLAGE HALL"),
    2: _passage(2, "Present: Members of the Public:"),
    3: _passage(3, "Alan Smith (AS)[Chair]\n\nCathy Fleet (CF) CLERK\n\n01.24.01 Apologies"),
    4: _passage(4, "Apologies had been received from Nick Oakhill."),
    9: _passage(9, "CARRIED"),
    10: _passage(10, "18. Moved by Councillor Hofland"),
}


def _next(chunk_id: int) -> Passage | None:
    return CHUNKS.get(chunk_id + 1)


def test_a_heading_or_label_alone_heads_and_a_sentence_or_an_outcome_does_not():
    assert heads_only(CHUNKS[1], 15) and heads_only(CHUNKS[2], 15)
    assert not heads_only(CHUNKS[4], 15)  # a sentence of its own
    assert not heads_only(CHUNKS[9], 15)  # closes the motion before it
    assert not heads_only(CHUNKS[1], 8)  # longer than a heading


def test_the_chunks_a_heading_heads_follow_it_up_to_the_first_saying_something():
    assert [p.chunk_id for p in with_headed([CHUNKS[1]], _next, best=5, words=15, reach=5)] == [1, 2, 3, 4]
    # a chunk already read is not read twice
    read = with_headed([CHUNKS[1], CHUNKS[4]], _next, best=5, words=15, reach=5)
    assert [p.chunk_id for p in read] == [1, 2, 3, 4]


def test_only_the_best_passages_and_only_as_far_as_the_reach():
    assert [p.chunk_id for p in with_headed([CHUNKS[4], CHUNKS[1]], _next, best=1, words=15, reach=2)] == [
        4,
        1,
    ]
    assert [p.chunk_id for p in with_headed([CHUNKS[1]], _next, best=5, words=15, reach=1)] == [1, 2]
    assert [p.chunk_id for p in with_headed([CHUNKS[9]], _next, best=5, words=15, reach=2)] == [9]


def test_a_chunk_ending_in_a_lists_lead_in_is_read_with_the_chunk_its_list_runs_into():
    lead = _passage(5, "The inspection identified areas for improvement, included within this plan;")
    items = _passage(6, "1. The response out of office hours.\n2. The timeliness of health assessments.")
    later = _passage(7, "3. The quality of accommodation.")
    chunks = {6: items, 7: later}
    read = with_headed([lead], lambda cid: chunks.get(cid + 1), best=5, words=15, reach=2)
    assert [p.chunk_id for p in read] == [5, 6]  # the next chunk only: it says something of its own
    assert [p.chunk_id for p in with_headed([CHUNKS[4]], _next, best=5, words=15, reach=2)] == [4]
