"""An asked item's stretch: the chunks after the one naming it, up to the next item of its kind."""

from __future__ import annotations

import dataclasses

from index.passage import Passage
from index.settings import Settings
from qa.engine import CouncilQA
from qa.query import Identifier
from qa.stretch import item_pool

MOTION1 = Identifier("motion", "1")


def _passage(chunk_id: int, text: str, source: str = "hansard.pdf") -> Passage:
    return Passage(chunk_id, text, None, 1, 1, source, None, None, None, None, "none", "minutes")


PAPER = {
    1: _passage(1, "Motion No. 1: appointments to committees."),
    2: _passage(2, "Councillor Orlikow: I cannot support the motion."),
    3: _passage(3, "Deputy City Clerk: The vote, Yeas 13, Nays 3. The motion is carried."),
    4: _passage(4, "Motion No. 2: the transit plan."),
    5: _passage(5, "Yeas 9, Nays 7. The motion is carried."),
    6: _passage(6, "Yeas 16, Nays 0.", source="another.pdf"),
}


def _between(first: int, last: int) -> list[Passage]:
    return [PAPER[i] for i in range(first + 1, last + 1) if i in PAPER]


def test_the_stretch_runs_to_the_next_item_of_its_kind() -> None:
    ranked = [PAPER[5], PAPER[3], PAPER[1], PAPER[6], PAPER[2]]
    pool = item_pool(ranked, {1: (MOTION1,)}, _between, reach=12)
    # the debate and the vote after Motion No. 1 are in; Motion No. 2's vote and another paper are not
    assert [p.chunk_id for p in pool] == [3, 1, 2]


def test_the_stretch_ends_at_its_reach_and_never_runs_backwards() -> None:
    ranked = [PAPER[3], PAPER[1]]
    assert [p.chunk_id for p in item_pool(ranked, {1: (MOTION1,)}, _between, reach=1)] == [1]
    assert [p.chunk_id for p in item_pool(ranked, {3: (MOTION1,)}, _between, reach=12)] == [3]


def test_a_bare_number_has_no_kind_and_runs_to_its_reach() -> None:
    bare = Identifier("", "21-009")
    ranked = [PAPER[5], PAPER[1]]
    assert [p.chunk_id for p in item_pool(ranked, {1: (bare,)}, _between, reach=12)] == [5, 1]


HANSARD = (
    "COUNCIL OF THE CITY OF TESTVILLE\nMinutes, 6 November 2013\n\n"
    "Motion No. 1\n\nMoved by Councillor Nordman that the appointments to committees be made as printed.\n\n"
    + "\n\n".join(
        f"Councillor Speaker{n}: I rise to speak about the appointments and the makeup of the committees, "
        "which I believe is unfair to the wards in the north and east of the city, and to the residents."
        for n in range(12)
    )
    + "\n\nMayor: Recorded vote. All in favour?\n\nDeputy City Clerk: The vote, Yeas 13, Nays 3.\n"
)


def test_the_recorded_vote_on_a_motion_answers_after_its_debate(tmp_path, fake_embedder) -> None:
    settings = dataclasses.replace(Settings(store=tmp_path / "store"), max_tokens=80)
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "hansard.txt").write_text(HANSARD, encoding="utf-8")
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.ingest([str(folder)], progress=False)
    assert engine.stats().chunks > 5  # the vote is chunks away from the motion's number
    answer = engine.ask("What was the result of the recorded vote on Motion No. 1?")
    engine.close()
    assert answer.status == "answered" and "Yeas 13, Nays 3" in answer.text.split("[1]")[0]
