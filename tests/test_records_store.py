"""Records in the store and on the command line: written with their paper, replaced and dropped with
it, never read from restricted text; decisions and meetings as JSON/CSV rows with source, page and
passage; draft minutes confirmed by a later paper; a commitment tracked across the sample papers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import SAMPLES, FakeEmbedder

from index.recordquery import motion_fields
from index.settings import Settings
from qa import cli
from qa.engine import CouncilQA
from qa.recordcli import status_summary

MARCH = """MINUTES OF THE PLANNING COMMITTEE HELD AT THE TOWN HALL ON 13 MARCH 2018 AT 7.00 PM

Present: Cllr Ann Brown (Chair), Cllr Tom Green, Cllr Sue White, Cllr Raj Patel

1. Library closure

An amendment moved by Cllr Green and seconded by Cllr White that the closure be delayed a year was lost.

Moved by Cllr Patel, seconded by Cllr Brown that the library close on 1 June 2018.

Ayes: Brown, Patel, Green
Noes: White

CARRIED

2. Precept

It was moved by Cllr White and seconded by Cllr Green that the item be deferred.

DEFERRED

Minutes to be confirmed at the next meeting.
"""

APRIL = """MINUTES OF THE PLANNING COMMITTEE HELD AT THE TOWN HALL ON 10 APRIL 2018 AT 7.00 PM

Present: Cllr Ann Brown (Chair), Cllr Tom Green

1. Minutes

The minutes of the meeting held on 13 March 2018 were confirmed as a correct record.

2. Parking

Proposed: Cllr Green Seconded: Cllr Brown that charges be reviewed. For: 5 Against: 2 Abstain: 1. Carried.

Date of the next meeting: Thursday 10 May 2018.
"""


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "CouncilQA", lambda settings: CouncilQA(settings, embedder=FakeEmbedder()))
    store = str(tmp_path / "store")
    return lambda *args: cli.main([*args, "--store", store])


def _papers(folder: Path, **texts: str) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _engine(tmp_path: Path, **texts: str) -> CouncilQA:
    """An engine (fake embedder) over a store of the given papers, ingested."""
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=FakeEmbedder())
    engine.ingest([_papers(tmp_path / "papers", **texts)], progress=False)
    return engine


def _json(run, capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    assert run(*args, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_decisions_carry_source_passage_votes_and_confirmation(run, capsys, tmp_path) -> None:
    papers = _papers(tmp_path / "papers", march=MARCH, april=APRIL)
    run("ingest", str(papers), "--quiet")
    rows = _json(run, capsys, "decisions")
    march = [r for r in rows if r["date"] == "2018-03-13"]
    assert [(r["kind"], r["outcome"]) for r in march] == [
        ("amendment", "lost"),
        ("motion", "carried"),
        ("motion", "deferred"),
    ]
    assert march[1]["ayes"] == ["Brown", "Patel", "Green"] and march[1]["noes"] == ["White"]
    assert all(r["source"].endswith("march.txt") and "seconded" in r["passage"] for r in march)
    assert not any(r["provisional"] for r in march)  # the April minutes confirm them
    april = [r for r in rows if r["date"] == "2018-04-10"]
    # the April minutes' own confirmation of March is a decision too, with no mover
    assert [(r["kind"], r["mover"]) for r in april] == [("resolution", None), ("motion", "Cllr Green")]
    april = april[1]
    assert (april["votes_for"], april["votes_against"], april["abstain"]) == (5, 2, 1)
    meetings = {m["date"]: m for m in _json(run, capsys, "meetings")}
    assert (
        meetings["2018-03-13"]["status"] == "confirmed"
        and meetings["2018-03-13"]["chair"] == "Cllr Ann Brown"
    )
    assert meetings["2018-04-10"]["status"] is None


def test_filters_and_csv(run, capsys, tmp_path) -> None:
    run("ingest", str(_papers(tmp_path / "papers", march=MARCH, april=APRIL)), "--quiet")
    assert [r["mover"] for r in _json(run, capsys, "decisions", "--outcome", "lost")] == ["Cllr Green"]
    assert [r["date"] for r in _json(run, capsys, "decisions", "--from", "2018-04")] == ["2018-04-10"] * 2
    assert {r["mover"] for r in _json(run, capsys, "decisions", "--mover", "patel")} == {"Cllr Patel"}
    capsys.readouterr()
    assert run("decisions", "--csv") == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(table) == 5 and {"source", "page", "passage"} <= set(table[0])
    assert all(row["passage"] for row in table)


def test_records_follow_their_paper_and_never_restricted_text(run, capsys, tmp_path) -> None:
    papers = _papers(tmp_path / "papers", march=MARCH)
    run("ingest", str(papers), "--quiet")
    assert len(_json(run, capsys, "decisions")) == 3
    (papers / "march.txt").write_text(MARCH.replace("DEFERRED", "WITHDRAWN"), encoding="utf-8")
    run("ingest", str(papers), "--quiet")  # rebuilt from the new chunks, not added to
    assert [r["outcome"] for r in _json(run, capsys, "decisions")][-1] == "withdrawn"
    (papers / "march.txt").unlink()
    run("ingest", str(papers), "--quiet", "--prune")
    assert _json(run, capsys, "decisions") == [] and _json(run, capsys, "meetings") == []
    secret = _papers(tmp_path / "secret", march=MARCH)
    run("ingest", str(secret), "--quiet", "--access", "restricted")
    assert _json(run, capsys, "decisions") == []
    assert _json(run, capsys, "decisions", "--access", "restricted") == []  # not read at all


def test_track_pledge_48_across_the_sample_papers(run, capsys) -> None:
    run("ingest", str(SAMPLES), "--quiet")
    capsys.readouterr()
    assert run("track", "Pledge 48") == 0
    out = capsys.readouterr().out
    assert "Status: In Progress since 11 September 2019 (still in February 2020)" in out
    assert "did not change" in out
    newer, older = out.index("February 2020 — In Progress"), out.index("11 September 2019 — In Progress")
    assert newer < older and "000_cf3ce20c081cbe3a.txt" in out and "001_8972cc98a3d19634.txt" in out
    assert run("track", "Pledge 4800") == 1


def test_status_summary_marks_changes() -> None:
    import datetime as dt

    from index.recordquery import Statement

    def said(status: str, day: dt.date, precision: str = "day") -> Statement:
        return Statement("Pledge 1", "t", status, "", (), day, precision, None, "s", None, None, "")

    found = [said("Complete", dt.date(2020, 2, 1), "month"), said("In Progress", dt.date(2019, 9, 11))]
    assert status_summary(found) == "In Progress since 11 September 2019 → Complete February 2020"


def test_answers_from_records_with_the_passage_cited(tmp_path) -> None:
    engine = _engine(tmp_path, march=MARCH, april=APRIL)
    seconded = engine.ask("Who seconded the motion on the library closure?")
    assert seconded.text.startswith("Cllr Brown seconded the motion") and seconded.text.endswith("[1].")
    assert "seconded by Cllr Brown" in seconded.citations[0].text
    chaired = engine.ask("Who chaired the Planning Committee on 13 March 2018?")
    assert chaired.text == "Cllr Ann Brown chaired the meeting on 13 March 2018 [1]."
    vote = engine.ask("How did the vote on parking charges go on 10 April 2018?")
    assert "was carried, 5 for and 2 against, 1 abstaining [1]." in vote.text
    following = engine.ask("According to the minutes of 10 April 2018, when is the next meeting?")
    assert following.text.endswith("give the next meeting as Thursday 10 May 2018 [1].")
    against = engine.ask("Who voted against the library closure?")
    assert against.text.startswith("Voting against") and against.text.endswith("White [1].")
    # No record fits: the reader answers as before.
    assert not engine.ask("What is the population of the town?").text.startswith("Cllr")
    engine.close()


def test_papers_stored_before_records_get_them_at_the_next_ingest(run, capsys, tmp_path) -> None:
    import sqlite3

    papers = _papers(tmp_path / "papers", march=MARCH)
    run("ingest", str(papers), "--quiet")
    db = sqlite3.connect(tmp_path / "store" / "councilqa.sqlite3")
    with db:  # as a store written before records existed: none read
        for table in ("meetings", "agenda_items", "motions", "confirmations", "commitments"):
            db.execute(f"DELETE FROM {table}")
        db.execute("UPDATE documents SET records = 0")
    db.close()
    assert _json(run, capsys, "decisions") == []
    run("ingest", str(papers), "--quiet")  # the paper is unchanged: its records come from its chunks
    assert [r["outcome"] for r in _json(run, capsys, "decisions")] == ["lost", "carried", "deferred"]


def test_a_mover_the_minutes_do_not_name_is_not_guessed(tmp_path) -> None:
    minutes = "MINUTES OF THE PARISH COUNCIL HELD ON 3 JUNE 2025\n\n7. Donations\n\nRESOLVED: To donate £54 to the river trust.\n"
    engine = _engine(tmp_path, june=minutes)
    answer = engine.ask("Who proposed the resolution to donate to the river trust?")
    assert answer.status == "not_found" and "do not say who proposed it" in answer.text
    assert "£54" in answer.citations[0].text
    engine.close()


def _tracker(month: str, rows: str) -> str:
    return f"CORPORATE PLEDGES UPDATE, {month} 2020\n\nPledge\tPortfolio Holder\tStatus\n{rows}"


def test_track_marks_a_change_and_the_paper_that_leaves_the_commitment_out(run, capsys, tmp_path) -> None:
    row48 = "Pledge 48 - We will support care leavers.\tJo Laing\t{}: work placements.\n"
    row47 = "Pledge 47 - We will promote fostering.\tJo Laing\tCompleted: a campaign.\n"
    papers = _papers(
        tmp_path / "trackers",
        january=_tracker("JANUARY", row48.format("In Progress") + row47),
        march=_tracker("MARCH", row47),
        may=_tracker("MAY", row48.format("Complete") + row47),
    )
    run("ingest", str(papers), "--quiet")
    capsys.readouterr()
    assert run("track", "pledge 48") == 0
    out = capsys.readouterr().out
    assert "Status: In Progress since January 2020 → Complete May 2020" in out
    assert "The status changed." in out
    assert out.index("May 2020 — Complete") < out.index("January 2020 — In Progress")
    assert (
        "Gap: Corporate Pledges Update, March 2020 states other Pledges but not Pledge 48 — file march.txt"
        in out
    )


def test_moved_and_seconded_together_and_names_the_minutes_do_not_label(tmp_path) -> None:
    minutes = (
        "MINUTES OF THE PARISH COUNCIL HELD ON 3 JUNE 2025\n\n7. Donations\n\n"
        "Moved by Cllr Ames, seconded by Cllr Bell: RESOLVED to donate £54 to the river trust. Carried.\n\n"
        "8. Strategic plan\n\nR2025-208 S. Kirkey, S. Foote:\n\nTHAT we approve the strategic plan as presented. Carried.\n"
    )
    engine = _engine(tmp_path, june=minutes)
    both = engine.ask("Who moved and seconded the donation to the river trust?")
    assert both.text.startswith("Cllr Ames moved and Cllr Bell seconded the motion")
    asked_twice = engine.ask("Who proposed and who seconded the donation to the river trust?")
    assert asked_twice.text.startswith("Cllr Ames moved and Cllr Bell seconded the motion")
    names = engine.ask(
        "Which councillors are recorded as moving and seconding the strategic plan resolution?"
    )
    assert "S. Kirkey, S. Foote" in names.text and "without saying who moved" in names.text
    assert "Cited(" not in names.text
    engine.close()


def test_a_number_another_meetings_motion_carries_does_not_hide_the_asked_meetings_motion(tmp_path) -> None:
    other = (
        "MINUTES OF THE TOWNSHIP COUNCIL HELD ON 14 NOVEMBER 2023\n\n"
        "1. Moved by Councillor Kirkey, seconded by Councillor Foote, that the bag limit programme for the "
        "standing committees be approved. Carried.\n"
    )
    asked = (
        "MINUTES OF THE CITY COUNCIL HELD ON 6 NOVEMBER 2013\n\n4. Appointments\n\n"
        "Moved by Councillor Nordman, seconded by Councillor Steen, that the appointments to standing "
        "committees, boards and commissions be made as listed. Carried.\n"
    )
    engine = _engine(tmp_path, nov2023=other, nov2013=asked)
    answer = engine.ask(
        "Who moved motion 1 (appointments to standing committees and boards) on 6 November 2013?"
    )
    assert answer.text.startswith("Councillor Nordman moved the motion")
    engine.close()


def test_what_the_council_decided_about_a_request_is_read_from_its_resolution(tmp_path) -> None:
    minutes = (
        "MINUTES OF THE PARISH COUNCIL HELD ON 3 JUNE 2025\n\n7. Contribution to Stop Ure Pollution\n\n"
        "The Council considered a request for support. RESOLVED: To make a donation to SUP of £54.00.\n\n"
        "8. Road closures\n\nThe clerk reported road closures on the A684 in July.\n"
    )
    engine = _engine(tmp_path, june=minutes)
    answer = engine.ask("What did the parish council decide about the request from Stop Ure Pollution?")
    assert "donation to SUP of £54.00" in answer.text.split("[1]")[0]
    engine.close()


AMENDMENTS = (
    "MINUTES OF THE CITY COUNCIL HELD ON 26 MAY 2014\n\n5. Council Remuneration\n\n"
    "Moved by Councillor Hofland, seconded by Councillor Burcher, that the council remuneration guiding "
    "principles be approved.\n\n"
    "Amendment\nMoved by Councillor Bell, seconded by Councillor Guthrie, that Clause 1 be amended by "
    "changing the 55th percentile to the 50th percentile. Lost.\n\n"
    "Amendment\nMoved by Councillor Laidlaw, seconded by Councillor Piper, that Clause 5 be amended by "
    "removing reference to RRSP. Lost.\n\n"
    "The main motion was then put. Carried.\n"
)


def test_an_ordinal_picks_that_amendment_of_equal_matches(tmp_path) -> None:
    engine = _engine(tmp_path, may=AMENDMENTS)
    first = engine.ask("Who seconded the first amendment to the council remuneration motion on 26 May 2014?")
    assert first.text.startswith("Councillor Guthrie seconded"), first.text
    second = engine.ask("Who moved the second amendment to the council remuneration motion on 26 May 2014?")
    assert second.text.startswith("Councillor Laidlaw moved"), second.text
    engine.close()


def test_a_dated_meetings_motion_is_found_wherever_the_passages_ranked(tmp_path) -> None:
    from qa.recordanswer import _best_motion, read_question
    from qa.retriever import Retrieval

    engine = _engine(tmp_path, may=AMENDMENTS)
    asked = read_question(
        "Who seconded the first amendment to the council remuneration motion on 26 May 2014?"
    )
    source = engine.search("council remuneration")[0].source
    motions = motion_fields(engine.store.db, source)
    far = Retrieval(engine.retriever.retrieve("unrelated").query, (), {}, {}, (), None, {}, {})
    assert _best_motion(asked, motions, far) is None  # undated, a motion must be read near the passages
    assert _best_motion(asked, motions, far, dated=True)["seconder"].value == "Councillor Guthrie"
    engine.close()


def test_a_votes_names_and_counts_are_cited_where_the_vote_is_printed() -> None:
    from corpus.records import Cited, Motion, Vote, Where
    from index.records import _motion_cites

    text = Cited("That the Mayor be provided with an automobile allowance", Where(3, 9))
    vote = Vote(8, 3, None, ("Bell", "Dennis"), ("Findlay", "Guthrie", "Kovach"), Where(7, 12))
    cites = json.loads(_motion_cites({3: 103, 7: 107}, Motion(text, vote=vote)))
    assert cites["text"] == [103, 9] and cites["noes"] == cites["votes_against"] == [107, 12]
    assert "noes" not in json.loads(_motion_cites({3: 103}, Motion(text)))  # no vote, no vote's cite
