"""A list's lead-in ('These include:') answers with its items: bulleted, numbered, counted, across chunks."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from conftest import answer_from_paper

from index.passage import Passage
from qa.answer import Answer
from qa.facts import clauses_asked, introduces_list, list_items, stated_count
from qa.scoring import Scored
from qa.units import Unit


def _lead(text: str, lead: str) -> Scored:
    passage = Passage(1, text, None, 1, 1, "report.pdf", "Report", None, None, None, "unknown", "report")
    return Scored(Unit(lead, None, opens_line=True), passage, 1.0)


def test_a_lead_in_counts_its_list_in_words_or_digits() -> None:
    assert stated_count("The model has four key areas of work to support families:") == 4
    assert stated_count("The plan sets out 3 priorities:") == 3
    assert stated_count("There are a number of key themes. These include:") is None
    # A year, a reference or a stretch of time is no count.
    assert stated_count("In 2019 the council agreed:") is None
    assert stated_count("The following dividend was paid in the last two financial years:") is None


def test_bulleted_items_stop_at_the_papers_next_numbered_paragraph() -> None:
    lead = "There are also key themes across departments. These include:"
    text = (
        f"1.4 Directors gave commitments. {lead}\n"
        "- Provide apprenticeships for children in care.\n"
        "- Work experience opportunities\n"
        "- Voice of children in care\n"
        "- 1.5 It is proposed that senior leaders sign the Pledge."
    )
    items = list_items(_lead(text, lead), [])
    assert [u.text for u in items] == [
        "Provide apprenticeships for children in care.",
        "Work experience opportunities",
        "Voice of children in care",
    ]


def test_unbulleted_lines_stop_at_the_count_the_lead_in_states() -> None:
    lead = "The model has two key areas of work:"
    text = (
        f"{lead}\n\nHealth - Support for children aged 0-5.\n\n"
        "Employment - Learning for parents.\n\nThe case studies below give examples."
    )
    items = list_items(_lead(text, lead), [])
    assert [u.text.split(" - ")[0] for u in items] == ["Health", "Employment"]


def test_the_next_chunk_is_read_only_when_the_list_reaches_its_passages_end() -> None:
    lead = "There are two strands to our work:"
    text = f"{lead} Ongoing work for 18-21 year olds. A database of employers."
    following = "Pledge 7 - We set up Building Plymouth.\n\nPledge 8 - We will build homes."
    assert list_items(_lead(text, lead), [], following) == []
    # The lead-in closes its passage: its items are the next chunk's lines.
    items = list_items(_lead(f"Intro.\n\n{lead}", lead), [], following)
    assert [u.text[:8] for u in items] == ["Pledge 7", "Pledge 8"]


def test_a_semicolon_introduces_bullets_but_an_item_ending_in_one_introduces_nothing() -> None:
    lead = "Practice strengths identified include;"
    text = f"{lead}\n- Improved responses by the MASH.\n- Timely child protection investigations."
    assert len(list_items(_lead(text, lead), [])) == 2
    item = "(a) the service was delivered by the trust;"
    text = f"Key points:\n- {item}\n- (b) pupils were also monitored."
    assert list_items(_lead(text, item), []) == []


def test_a_dash_after_a_word_introduces_the_lettered_items_minutes_print() -> None:
    lead = "In response to questions raised it was reported that –"
    text = f"{lead}\n\n- (f) there was a voluntary registration system;\n- (g) schools notified the council."
    assert [u.text[:3] for u in list_items(_lead(text, lead), [])] == ["(f)", "(g)"]
    # a range's open end is no lead-in
    assert not introduces_list("The plan runs 2019-") and introduces_list("It was reported that -")


def test_numbered_lines_are_whole_items_and_the_list_ends_with_them() -> None:
    lead = "The Commission recommends that the Council take all of the following actions:"
    text = (
        # a PDF may print an item's number on a line of its own
        f"{lead}\n1. Adopt a Resolution certifying the report.\n2.\nApprove the permit. It runs ten years.\n\n"
        "If the Council approves, the applicant may build."
    )
    items = list_items(_lead(text, lead), [])
    assert [u.text for u in items] == [
        "1. Adopt a Resolution certifying the report.",
        "2. Approve the permit. It runs ten years.",
    ]


def test_a_list_printed_on_the_lead_ins_own_line_is_left_to_the_paragraph() -> None:
    lead = "Progress is assessed on three key questions:"
    text = f"{lead} What is working well? What are we worried about? What next?\n\nChart 1\n\nChart 2"
    assert list_items(_lead(text, lead), []) == []


def test_plain_lines_stop_at_a_sub_heading() -> None:
    lead = "We are considering the following questions:"
    text = f"{lead}\n\nWhere should hubs be?\n\nHow many do we need?\n\nServices:\n\nWhich services join?"
    assert [u.text for u in list_items(_lead(text, lead), [])] == [
        "Where should hubs be?",
        "How many do we need?",
    ]


def test_a_line_after_a_semicolon_ended_line_is_an_item_not_a_lead_in() -> None:
    lead = "Councillor Swandel, Standing Policy Committee on Public Works;"
    text = f"Councillor Pagtakhan, Riverbank Management;\n{lead}\n- Councillor Wyatt, Economic Development."
    assert list_items(_lead(text, lead), []) == []


def test_a_list_answer_runs_on_after_a_colon_in_prose_but_not_after_a_semicolon() -> None:
    from qa.facts import enumerated

    colon = "There are two strands to our work:"
    text = f"Intro. {colon} Work for 18-21 year olds. A database of employers."
    assert enumerated(_lead(text, colon), 60) == "Work for 18-21 year olds. A database of employers."
    clause = "Councillor Pagtakhan, Chair of Downtown Development;"
    text = f"Councillor Browaty, Chair of Property; {clause} Councillor Swandel, Chair of Public Works."
    assert enumerated(_lead(text, clause), 60) == ""
    # a labelled cell's items run on after its semicolons: 'Staff: A; B and C.' is the staff asked for
    staff = "Staff: Operations Superintendent Dan MacInnis; Office Assistant Kim Turnbull; Fire Chief Will Bateman."
    labelled = Scored(
        Unit("Operations Superintendent Dan MacInnis;", "Staff", opens_line=True),
        _lead(staff, "").passage,
        1.0,
    )
    assert enumerated(labelled, 60) == "Office Assistant Kim Turnbull; Fire Chief Will Bateman."


def test_a_table_under_its_lead_in_gives_its_rows_and_ends_with_them() -> None:
    lead = "The following declarations of interest were made:"
    text = (
        f"{lead}\n\nMember: Mrs Williams\nSubject: All items\n\nMember: Councillor Johnson\nSubject: Item 5"
        "\n\nMembers agreed the minutes of the last meeting."
    )
    assert [u.text for u in list_items(_lead(text, lead), [])] == [
        "Member: Mrs Williams; Subject: All items",
        "Member: Councillor Johnson; Subject: Item 5",
    ]


def test_a_sentence_that_introduces_no_list_has_no_items() -> None:
    text = "The committee agreed the plan.\n- Item one"
    assert list_items(_lead(text, "The committee agreed the plan."), []) == []


AREA = (
    "{name} - {name} work brings services together for families across the city, with staff from health, "
    "housing and schools working side by side in each neighbourhood hub so that a family tells its story "
    "once and is helped early, before a problem becomes a crisis that needs a statutory service."
)
REPORT = (
    "FAMILY HUBS REPORT\nCabinet\n12 March 2020\n\n"
    "The proposed hub model has four key areas of work to support families:\n\n"
    + "\n\n".join(
        AREA.format(name=n) for n in ("Wellbeing", "Employment Support", "Relationships", "Complex Needs")
    )
    + "\n\nThe case studies below show how the model could work for a family in need of help."
)


def _ask(tmp_path: Path, settings, fake_embedder, paper: str, question: str) -> tuple[Answer, int]:
    """The answer to `question` from a store holding only `paper`, and the store's chunk count."""
    return answer_from_paper(tmp_path, settings, fake_embedder, paper, question)


def test_a_list_question_is_answered_with_the_items_from_the_chunks_after_its_lead_in(
    tmp_path: Path, settings, fake_embedder
) -> None:
    # small chunks, so that the four items run over the chunks after the lead-in's
    question = "What are the four key areas of work in the proposed hub model?"
    answer, chunks = _ask(tmp_path, replace(settings, max_tokens=90), fake_embedder, REPORT, question)
    assert chunks > 3
    assert answer.status == "answered"
    for name in ("Wellbeing", "Employment Support", "Relationships", "Complex Needs"):
        assert name in answer.text
        # each item is cited: the chunk it came from is among the answer's marked citations
        marked = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
        assert any(f"{name} - {name} work" in c.text for c in answer.citations if c.n in marked)
    assert "case studies" not in answer.text


HUBS = (
    "SCHOOL IMPROVEMENT UPDATE\nScrutiny Committee\n11 September 2020\n\n"
    "The maths hubs arranged by the teaching alliance have been adjusted this term as new trusts formed. "
    "The subject hubs will cover four subjects next year, as chosen by the schools. "
    "These are maths, English, science and computing. "
    "The alliance will report again in the spring.\n\n"
    "Attendance at the summer events was good across the city.\n"
)


def test_a_list_question_reads_on_through_the_sentence_that_names_what_its_lead_counted(
    tmp_path: Path, settings, fake_embedder
) -> None:
    question = "Which subjects will the subject hubs cover next year?"
    answer, _ = _ask(tmp_path, settings, fake_embedder, HUBS, question)
    assert answer.status == "answered"
    first = answer.text.split("[")[0]
    assert first.startswith("The subject hubs will cover four subjects")
    assert "maths, English, science and computing" in first
    assert "report again" not in first  # no plural anaphor: the list has ended


def test_a_clipped_item_runs_on_to_the_end_of_a_name_it_would_cut() -> None:
    from qa.facts import clip

    text = "the support service was delivered by the ACE Multi Academy Trust who held the register"
    assert clip(text, 9) == "the support service was delivered by the ACE Multi Academy Trust …"
    assert clip(text, 5) == "the support service was delivered …"  # no name cut: plain clip
    assert clip("Plymouth City Council", 2) == "Plymouth City Council"  # the whole text, no '…'


def test_a_sentence_pointing_below_introduces_the_rows_after_it_for_people_asked():
    """'the persons whose names appear below were duly elected' ends in a full stop, yet the names are the
    table rows printed after it, in the next chunk; only a question for people or a list reads them."""
    lead = (
        "I, Yvonne Rees, report that the persons whose names appear below were duly elected Parish "
        "Councillors for Souldern Parish Council."
    )
    rows = "\n\n".join(
        f"Name of Candidate (surname first): {name}\nHome Address: (address in Cherwell District)"
        for name in ("DENNISON Heidi", "HOODLESS John", "SHIP Neal Dylan")
    )
    items = list_items(_lead(lead, lead), [], rows, forward=True)
    assert [i.text.split(";")[0] for i in items] == [
        "Name of Candidate (surname first): DENNISON Heidi",
        "Name of Candidate (surname first): HOODLESS John",
        "Name of Candidate (surname first): SHIP Neal Dylan",
    ]
    assert list_items(_lead(lead, lead), [], rows) == []  # asked for something else: no list
    prose = "The results are set out below. Turnout was 31 per cent and no recount was asked for."
    assert list_items(_lead(prose, "The results are set out below."), [], forward=True) == []


def test_a_sentence_pointing_below_holds_a_list_as_a_colon_does():
    """Asked to 'list the people elected', the Returning Officer's sentence is of the asked type: it
    introduces the rows after it, so it is not passed over for want of a colon."""
    from qa.spans import spans

    def listed(text: str) -> list[str]:
        return [s.text for s in spans(text) if s.kind == "list"]

    assert listed("I report that the persons whose names appear below were duly elected.") == ["appear below"]
    assert listed("The charges for 2019/20 are as follows.") == ["as follows"]
    assert listed("The charges for 2019/20 were agreed.") == []


def test_a_numbered_list_runs_over_items_ending_in_semicolons_and_stops_where_numbering_does():
    lead = (
        "Councillor Laidlaw gave notice that she will be bringing forward motions to a subsequent meeting on:"
    )
    text = (
        f"{lead}\n\n1. the City’s Private Tree Protection By-law as it applies to larger properties;\n\n"
        "2.\nEnbridge Line 9B application.\n\nRecess (10:10 p.m.)"
    )
    items = [u.text for u in list_items(_lead(text, lead), [])]
    assert len(items) == 2
    assert items[0].startswith("1. the City’s Private Tree Protection By-law")
    assert "Enbridge Line 9B application" in items[1]


def test_a_count_of_things_asked_reads_on_through_the_lettered_clauses_of_the_lead():
    text = (
        "12. Ord. (1) to approve (a) an Agreement with the Riverside Arts Trust in the amount of $20,000; "
        "(b) the Northgate Film Society in the amount of $15,000; and (2) to authorize funding from the "
        "grant; to provide for the effective date hereof."
    )
    passage = Passage(1, text, None, 1, 1, "a.pdf", "Agenda", "Testville", None, None, "day", "agenda")
    lead = "(1) to approve (a) an Agreement with the Riverside Arts Trust in the amount of $20,000;"
    asked = "Which two arts organisations were to receive agreements under item 12?"
    assert clauses_asked(lead, passage, asked) == ["(b) the Northgate Film Society in the amount of $15,000;"]
    assert clauses_asked(lead, passage, "Which arts organisation was to receive $20,000?") == []
