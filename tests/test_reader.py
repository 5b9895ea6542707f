"""The reader: answer-type table, typed spans, named features, fitted weights and calibrated abstention."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from importlib import resources

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from index.passage import Passage
from qa.answertype import KINDS, asks_outcome, expected
from qa.features import NAMES, Asked, Candidate, asked_of, features, stems_of
from qa.moments import at_event, looks_ahead, time_event
from qa.posts import asked_post, names_post
from qa.query import parse
from qa.reader import Reader, Weights, candidates, load_weights
from qa.relevance import stem, stems
from qa.retriever import Retrieval
from qa.shortlist import NO_FACT, NO_FIT, NO_OUTCOME, NO_TOPIC, NOT_KNOWN, admissible
from qa.spans import spans
from qa.typematch import holds_type


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who chaired the meeting on 10 July?", "person"),
        ("Which councillor moved the motion?", "person"),
        ("Where is the meeting?", "place"),
        ("Which ward does the application concern?", "place"),
        ("What time did it finish?", "time"),
        ("When did the council meeting close?", "time"),
        ("When did the meeting on 10 July 2019 end?", "time"),
        ("When did the call for evidence close?", "date"),
        ("When was the strategy adopted?", "date"),
        ("On what exact date did Cabinet consider the report?", "date"),
        ("What exact time did the meeting end?", "time"),
        ("What start time is given for the next parish council meeting?", "time"),
        # minutes approved are named by their meeting's day
        ("The agenda asks council to approve the minutes of which meeting?", "date"),
        ("Council signed off the minutes of which earlier meeting date?", "date"),
        ("Which meeting's minutes were confirmed?", "date"),
        ("How many councillors attended?", "number"),
        ("What share of residents agreed?", "percent"),
        ("What was Plymouth's 12-month re-referral rate for 2016/17?", "percent"),
        ("What is Plymouth's current rate of permanent exclusions from school?", "percent"),
        ("What is the exclusion rate per 10,000 pupils?", "number"),
        # a rate named by what it measures is a share; a rate of pay is a sum
        ("What persistent absence rate is quoted in the strategic plan?", "percent"),
        ("What vacancy rate was reported?", "percent"),
        ("What hourly rate is paid to casual staff?", "money"),
        ("What rate of pay applies?", "money"),
        ("What tax rate was set?", "money"),
        ("How much is the 100 Day Challenge reward?", "money"),  # a reward, a fee, a grant is a sum
        ("By how much was the rent to be reduced?", "number"),  # a change, which a share may tell
        ("How much did the new roof cost?", "money"),
        ("What will implementing the Pledge cost?", "money"),  # the verb asks the sum
        ("What did the new fostering service cost the council?", "money"),
        # what one pays, charges or earns is a sum; pay said of, or attention paid, is not
        ("What does the council pay per week for a residential placement?", "money"),
        ("What did the parish council pay Zurich for insurance in 2024-25?", "money"),
        ("What does the council charge for garden waste?", "money"),
        ("What did the Mayor say about pay?", "description"),
        ("What did members pay attention to?", "description"),
        (
            "What adult social care overspend did the council report for 2019/20?",
            "money",
        ),  # a sum by its noun
        ("Which quote was accepted and for how much?", "money"),
        ("How much rain fell in May?", "number"),
        ("What is the maximum building height allowed in the R7 District?", "number"),
        ("How tall may the steeple be?", "number"),
        ("What was the number of objections received?", "number"),
        # 'total' before a noun that is no sum counts it; a total of money is asked as one
        ("What total reach did the Fostering Fortnight promotion achieve?", "number"),
        ("What was the total number of visitors?", "number"),
        ("What was the total cost of the scheme?", "money"),
        ("What total did the council spend on roads?", "money"),
        ("What is the total?", "money"),
        ("What reach did the campaign have?", "number"),
        ("What was the take-up of the free school meals offer?", "number"),
        ("What is the number of the by-law confirming the proceedings?", "description"),
        ("Which charity runs the scheme?", "organisation"),
        ("Which schools remain committed to the hubs?", "organisation"),  # the noun's plural
        ("Which companies bid for the contract?", "organisation"),
        ("What role does Jane Doe hold?", "role"),
        (
            "Which Aliso Viejo positions were proposed to get a cell phone allowance?",
            "role",
        ),  # posts by title
        ("Which posts will be deleted?", "role"),
        (
            "Which two City of Aliso Viejo positions were proposed for an allowance?",
            "role",
        ),  # a place between
        # a vote asked of a body named at length; a tracker's rating
        ("What was the San José Planning Commission's vote recommending approval?", "decision"),
        ("How was the milestone on the care leavers' participation group rated?", "status"),
        ("What RAG status does the plan give the milestone?", "status"),
        ("What rating did Ofsted give the services?", "description"),  # a judgement's words, no RAG
        # a target set for a share is a share; a property's worth a sum
        ("What target does the plan set for the percentage of health assessments done on time?", "percent"),
        ("What target did the council set for recycling?", "description"),
        ("What CAMHS waiting time target does the 2024-27 plan set?", "number"),  # a measure's target
        ("What target date does the plan set?", "date"),
        ("What appraised value or offer price does the agenda give for the property?", "money"),
        ("What market value was put on the land?", "money"),
        ("What paid for the two extra Personal Advisors?", "organisation"),  # a funder or a fund
        ("During which period is the engagement on Family Hubs happening?", "date"),  # a span of time
        ("Which position also serves as Acting City Manager in the City Manager's absence?", "role"),
        ("Which position on the budget did the committee take?", "description"),  # a stance
        ("What is Jane Doe's job title on the agenda of 8 December 2020?", "role"),
        ("What's Councillor Jon Taylor's cabinet portfolio?", "role"),  # the post a cabinet member holds
        # a consultee's stance on an application, words between or not: no post
        ("What was the parish council's position in May 2018 on application 3/18/0972/FUL?", "decision"),
        ("What is the government's position on lowering the thresholds?", "description"),  # a stance
        ("What is the up to date position with regard to the estate?", "description"),
        ("What was the outcome of the vote on item 5?", "decision"),
        ("Did the committee approve the budget?", "decision"),
        # whether a piece of work is done yet is how it stands; whether it was decided, or what was done, not
        ("Has the permanent MASH team manager post been filled yet?", "status"),
        ("Any take-up yet of the work experience offers for care leavers?", "status"),
        ("What did overall fundraising for the new playground come to?", "money"),
        ("Have the repairs been carried out?", "status"),
        ("Has the budget been approved yet?", "decision"),
        ("Has the motion been carried?", "decision"),
        ("Has the council applied to the Future High Streets Fund?", "decision"),
        ("Was the amendment carried?", "decision"),
        # works carried out are done, not a motion carried
        ("What was the overall judgement of the inspection carried out in November 2018?", "description"),
        ("What was the Planning Board's recommendation and vote?", "decision"),
        # a vote or decision on a matter named by its sum is a decision, not the sum
        ("What was the vote on the budget?", "decision"),
        ("What was the San José City Council's vote on SP20-004?", "decision"),
        ("What was the outcome of the budget consultation?", "decision"),
        ("What is the status of the decision on the budget?", "status"),
        ("What was the budget for the resolution team?", "money"),
        ("What is the status of Pledge 12?", "status"),
        ("Where has Pledge 12 got to?", "status"),
        ("Where are we with the library refurbishment?", "status"),
        ("Where has the mobile CCTV camera got to?", "place"),  # a thing's place, not a matter's progress
        ("What are the main risks?", "list"),
        ("Why does the report recommend a review?", "reason"),
        ("Why was the application refused?", "reason"),  # not the decision: why it was made
        ("What was the reason for the delay to the works?", "reason"),
        ("What caused the overspend on the roads budget?", "reason"),
        # a sum's noun after a few words, then the verb
        ("What application fee did the planning commission charge in 2019?", "money"),
        ("What annual allowance does Councillor Wyatt receive as Chair of Finance?", "money"),
        ("What rent does the promoter pay for a concert season?", "money"),
        ("What closure costs are estimated for the landfill?", "money"),
        ("What contingency for variable costs does the report build in?", "description"),  # a share of them
        ("What was Plymouth's long-term placement stability figure for 2016/17?", "number"),
        # a meeting's moment asked with its day after it is a time; a council starting a service, a date
        ("When did the meeting start on 10 July 2019?", "time"),
        ("When did the council rise from closed session on 26 May 2014?", "time"),
        ("When did the council start charging for garden waste?", "date"),
    ],
)
def test_question_asks_for_its_answer_type(question, kind):
    assert expected(question).kind == kind


@pytest.mark.parametrize(
    ("question", "event"),
    [
        ("What time did the meeting finish?", "finish"),
        ("At what time did the Council adjourn?", "finish"),
        ("When did the meeting close?", "finish"),
        ("What time did the 11 September meeting start?", "start"),
        ("What time is the meeting?", None),
        ("When did the call for evidence close?", None),  # a date, not a meeting's moment
        # the moment the asking clause names, not one a leading clause does
        ("After the closed meeting rose, at what time did the open meeting begin?", "resume"),
        ("What time did Council rise from the first closed meeting?", "private_finish"),
        ("At what time did the council finally rise?", "finish"),
        ("When did Guelph City Council reconvene in open session on 26 May 2014?", "resume"),
        ("When did the meeting start on 10 July 2019?", "start"),  # a time, the meeting's day after it
    ],
)
def test_time_event(question, event):
    assert time_event(question) == event


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who chaired the meeting on 10 July 2019?", True),
        ("Who chairs the Licensing Committee?", True),
        ("Who was vice chair at the 10 July 2019 meeting?", True),
        ("Which councillor chaired the hearing?", True),
        ("Who seconded Cllr O'Leary's re-election as Chairman?", False),
        ("Which board will be chaired by the DCS?", False),
    ],
)
def test_asks_chair(question, asks):
    assert (asked_post(question) == "chair") == asks


def test_names_chair():
    assert names_post("Councillor Mrs Johnson, in the Chair.", "chair")
    assert names_post("chaired by the Leader", "chair") and names_post("Mayor Katz presiding", "chair")
    assert not names_post("Present: Councillors Smith and Jones.", "chair")


def test_a_time_told_as_another_moment_is_not_at_the_event():
    closed, masthead = "The meeting closed at 9.05 pm.", "Wednesday 11 September 2019, 2.00 pm, Council House"
    both = "The meeting started at 2.00 pm and finished at 4.00 pm."
    assert at_event(closed, "finish") and not at_event(masthead, "finish") and at_event(both, "finish")
    assert at_event(masthead, "start") and not at_event(closed, "start") and at_event(both, "start")


def test_noun_after_the_question_word_is_kept():
    assert expected("How many councillors voted for it?").noun.startswith("councillors")
    assert {expected(q).kind for q in ("Who?", "Where?", "When?")} <= set(KINDS)


def _kinds(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for s in spans(text):
        found.setdefault(s.kind, []).append(s.text)
    return found


def test_spans_find_people_roles_times_and_places():
    found = _kinds(
        "Councillor Mrs Ayers, in the Chair. The meeting began at 2.00 pm in the Drake Room, Guildhall."
    )
    assert "Councillor Mrs Ayers" in found["person"]
    assert "in the Chair" in found["role"]
    assert "2.00 pm" in found["time"]
    assert any(p.startswith("Drake Room") for p in found["place"])


def test_job_titles_are_roles():
    found = _kinds("A cell phone allowance is proposed for the Management Analyst and Executive Assistant.")
    assert found["role"] == ["Management Analyst and Executive Assistant"]


def test_a_bullets_first_word_is_sentence_case_not_a_name():
    # '• Implement …' opens its sentence as 'Implement …' does: no organisation or person is named by it
    assert _kinds("• Implement first Mockingbird constellations.")["proper"] == ["Mockingbird"]
    assert _kinds("- Develop the plan with Barnardos")["proper"] == ["Barnardos"]
    assert "proper" not in _kinds("•Review the offer.")
    assert "Barnardos" in _kinds("Working with Barnardos, the council will review the offer.")["proper"]


def test_a_house_number_is_an_address_not_a_count():
    assert _kinds("The site at 1530 West San Carlos Street has 30 homes.")["number"] == ["30"]
    assert "number" not in _kinds("Wiseman Sian 10 Shilton Garth Close Conservative Party")
    assert _kinds("47 St Marks Road received 3 objections.")["number"] == ["3"]
    assert _kinds("There were 10 candidates.")["number"] == ["10"]


def test_spans_find_money_percent_dates_and_counts_without_double_counting():
    found = _kinds("On 4 March 2021 the board approved $1,443,821.00, £1.2m and 12.5% for sixteen schools.")
    assert found["money"] == ["$1,443,821.00", "£1.2m"]
    assert found["percent"] == ["12.5%"]
    assert "4 March 2021" in found["date"]
    assert found["number"] == ["sixteen"]  # the digits of the date, sums and percentage are not counts
    assert "approved" in found["decision"]


def test_a_references_digits_and_a_tallys_are_no_counts():
    found = _kinds("Case Number: #C10-11-99, file 2019-044, approved 7-0, with 75 feet and 12 homes.")
    assert found["number"] == ["75", "12"]
    assert "7-0" in found["decision"]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Minutes of 12/05/2019 were approved.", ["12/05/2019"]),
        ("Agreed on 1/2/19.", ["1/2/19"]),
        ("Planning ref: 3/18/0725/FUL 288 Hertingfordbury Road, no comment.", []),  # a slashed reference
        ("Application 19/3/18/OUT was refused.", []),
    ],
)
def test_a_slashed_date_is_no_slashed_reference(text, dated):
    assert _kinds(text).get("date", []) == dated


def test_a_list_is_a_lead_ins_closing_words_or_three_names_in_a_row():
    assert _kinds("Practice strengths identified include;")["list"] == [
        "Practice strengths identified include;"
    ]
    assert _kinds("These are Devonport High School, Notre Dame, St Boniface and PSCA.")["list"] == [
        "Devonport High School, Notre Dame, St Boniface"
    ]
    assert "list" not in _kinds("The council met in Plymouth, Devon, on Monday.")
    assert "list" not in _kinds("Carbon Footprint (Environmental) Implications:")  # a form's label
    assert "list" not in _kinds("Health and Safety, Risk Management, Child Poverty:")


def test_times_in_other_forms_and_a_building_is_not_a_person():
    found = _kinds("Doors open 4pm, the vote was at 14:30 in Market Hall")
    assert found["time"] == ["4pm", "14:30"]
    assert "Market Hall" not in found.get("person", [])


def test_a_columns_label_opened_by_a_title_is_no_person():
    found = _kinds("Position: Speaker; Council Member Appointed: Councillor Sharma")
    assert found["person"] == ["Councillor Sharma"]
    # a speaker's name before what they say, and a name in a cell, are still people
    assert _kinds("Councillor Smith: I agree with the report.")["person"] == ["Councillor Smith"]
    assert _kinds("Mover: Councillor Smith; Seconder: Trustee Lee")["person"] == [
        "Councillor Smith",
        "Trustee Lee",
    ]


def test_stemmer_is_the_index_porter_stemmer():
    assert stem("chaired") == stem("chairs") == "chair"
    assert stem("repaired") == "repair"


def _stem_alone(word: str) -> str:
    """The reference: one word indexed by FTS5's porter tokenizer on its own, as a chunk is."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    db.execute("INSERT INTO t(x) VALUES (?)", (word,))
    return db.execute("SELECT term FROM v").fetchone()[0]


@settings_(max_examples=40, deadline=None)
@given(st.lists(st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True), min_size=1, max_size=30))
def test_stemming_a_text_at_once_agrees_with_stemming_each_word_alone(words):
    """Stems are read back by token offset from one row; a shifted offset would pair words with
    their neighbours' stems."""
    expected_stems = {_stem_alone(w) for w in words}
    assert stems(" ".join(reversed(words)) + " .") == expected_stems
    assert [stem(w) for w in words] == [_stem_alone(w) for w in words]


@pytest.mark.parametrize("printed", ["L24004", "L-24004"])
def test_a_road_code_is_held_as_the_question_reads_it(printed: str) -> None:
    """The question's term 'l24004' (qa.query.terms) is held whether the paper joins or hyphens it;
    a longer word before a hyphen stays two words, as FTS5 indexes it."""
    assert "l24004" in stems(f"The road in question, {printed}, was not included.")
    assert {"covid", "19"} <= stems("Covid-19 grants") and "covid19" not in stems("Covid-19 grants")


def test_a_word_is_held_without_its_diacritics_as_the_index_holds_it() -> None:
    """FTS5's unicode61 removes diacritics: 'José' is indexed 'jose', and the reader's stems agree."""
    assert {"jose", "zoe"} <= stems("San José welcomed Zoë Garbett.")
    assert stems("San José") == stems("San Jose")


def _passage(
    text: str, cid: int = 1, page: int = 1, date: dt.date | None = None, precision: str = "day"
) -> Passage:
    return Passage(
        cid,
        text,
        None,
        page,
        page,
        f"paper{cid}.txt",
        "Minutes",
        "Testshire",
        None,
        date,
        precision,
        "minutes",
    )


def _asked(question: str, weights: dict[str, float]) -> Asked:
    return Asked(question, expected(question), weights, parse(question).time)


def _row(question, text, span_text=None, label=None, weights=None, **kw):
    asked = _asked(question, weights or {"chair": 1.0})
    span = next((s for s in spans(text) if s.text == span_text), None)
    cand = Candidate(text, label, span, _passage(text, **kw), 0, frozenset(s.kind for s in spans(text)))
    return dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))


def test_features_mark_type_match_label_match_and_proximity():
    person = _row("Who chaired it?", "Councillor Mrs Ayers, in the Chair.", "Councillor Mrs Ayers")
    plain = _row("Who chaired it?", "The chair thanked everyone for coming.")
    assert person["type_span"] == 1.0 and plain["type_span"] == 0.0
    assert person["proximity"] > 0.0
    author = _row("Who wrote the report?", "Jane Doe (Senior Analyst)", "Jane Doe", "Author", {"wrote": 1.0})
    assert author["label_match"] == 1.0


def test_a_label_said_only_by_the_asked_types_word_is_not_the_field_asked():
    q = "From what date did Plymouth stop charging council tax?"
    meeting = _row(
        q, "10 July 2019", "10 July 2019", "Date of meeting", {"date": 1.0, "council": 2.0, "tax": 2.0}
    )
    assert meeting["label_cover"] == 0.0
    named = _row(
        "What is the date of the meeting?",
        "10 July 2019",
        None,
        "Date of meeting",
        {"date": 1.0, "meet": 1.0},
    )
    assert named["label_cover"] == 1.0


def test_features_weigh_the_paper_date_against_the_question_date():
    q = "Who chaired the meeting in July 2019?"
    right = _row(q, "Councillor Ayers, in the Chair.", date=dt.date(2019, 7, 10))
    wrong = _row(q, "Councillor Ayers, in the Chair.", date=dt.date(2018, 7, 10))
    assert (right["date_match"], right["date_mismatch"]) == (1.0, 0.0)
    assert (wrong["date_match"], wrong["date_mismatch"]) == (0.0, 1.0)


@pytest.mark.parametrize(
    ("date", "precision", "matched"),
    [
        (dt.date(2024, 1, 1), "year", (1.0, 0.0)),  # 'Payments 2024-5': any month of 2024
        (dt.date(2024, 4, 1), "month", (1.0, 0.0)),
        (dt.date(2024, 1, 1), "day", (0.0, 1.0)),  # a day's paper is of that day only
        (dt.date(2023, 1, 1), "year", (0.0, 1.0)),
    ],
)
def test_a_paper_dated_by_its_year_or_month_is_of_every_day_in_it(date, precision, matched):
    q = "How much did the parish council pay YLCA in April 2024?"
    row = _row(q, "Date: 02-Apr YLCA; Amount: 140.00", date=date, precision=precision)
    assert (row["date_match"], row["date_mismatch"]) == matched


def test_a_later_paper_reproducing_the_asked_minutes_is_not_a_date_mismatch():
    q = "Who was awarded the tender at the meeting of 28 May 2024?"
    text = "Minutes - May 28, 2024. That we award the tender to Miller Paving."
    reproduced = _row(q, text, date=dt.date(2024, 6, 4))
    other = _row(q, "That we award the tender to Miller Paving.", date=dt.date(2024, 6, 4))
    assert (reproduced["date_mentioned"], reproduced["date_mismatch"]) == (1.0, 0.0)
    assert (other["date_mentioned"], other["date_mismatch"]) == (0.0, 1.0)


def test_heading_cover_is_the_share_of_the_question_the_item_heading_holds():
    asked = asked_of(
        "Whose performance evaluation was considered?",
        expected("Whose"),
        {"performance": 2.0, "evaluation": 2.0, "considered": 2.0},
        None,
    )
    under = Passage(
        1,
        "Superintendent Wendy Gudalewicz",
        "2.1 Public Employee Performance Evaluation",
        1,
        1,
        "a.pdf",
        "Agenda",
        "Testshire",
        None,
        None,
        "day",
        "agenda",
    )
    cand = Candidate(under.text, None, None, under, 0, frozenset())
    row = dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))
    assert abs(row["heading_cover"] - 2 / 3) < 1e-9


def _focus(question: str, passage: str, sentence: str, weights: dict[str, float]) -> float:
    asked = asked_of(question, expected(question), weights, None)
    cand = Candidate(sentence, None, None, _passage(passage), 0, frozenset())
    return dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))["focus_cover"]


def test_focus_cover_weighs_what_is_asked_of_the_topic_not_the_topic_words():
    item = (
        "21/34 Village Hall Roof. The clerk reported that quotes had been received for the village hall roof. "
        "Council resolved to fund it from the levy reserve."
    )
    weights = {"village": 2.0, "hall": 2.0, "roof": 2.0, "funded": 2.0}
    q = "How will the village hall roof be funded?"
    answering = _focus(q, item, "Council resolved to fund it from the levy reserve.", weights)
    topical = _focus(
        q, item, "The clerk reported that quotes had been received for the village hall roof.", weights
    )
    assert (answering, topical) == (1.0, 0.0)
    # A passage that names its topic once leaves every question word asked: the feature is word coverage.
    lone = "The village hall roof will be funded from reserves."
    assert _focus(q, lone, lone, weights) == 1.0


def test_the_date_naming_the_paper_is_no_focus_word_a_sentence_holds():
    weights = {"februari": 1.0, "2016": 1.0, "commit": 2.0}

    def focus(q: str, sentence: str, paper: dt.date) -> float:
        cand = Candidate(sentence, None, None, _passage(sentence, date=paper), 0, frozenset())
        return dict(zip(NAMES, features(cand, _asked(q, weights), 0.5, 0.5), strict=True))["focus_cover"]

    q = "According to the February 2016 report, the Pledge is a commitment about what?"
    launched = "The new Pledge was launched on 26th January 2016."
    # the paper is of February 2016: its year in a sentence is the paper's, not what is asked
    assert focus(q, launched, dt.date(2016, 2, 23)) == 0.0
    # a paper of another date leaves the question's date asked of it
    assert focus(q, launched, dt.date(2017, 6, 1)) > 0.0
    # the question's other words are all that is asked: a sentence holding them holds the focus whole
    assert focus(q, "The Pledge is a commitment about support.", dt.date(2016, 2, 23)) == 1.0
    assert focus(q, "The Pledge is a commitment about support.", dt.date(2017, 6, 1)) == 0.5
    # a date naming no paper ('the February 2016 inspection') is the time of what is asked
    q = "What did the February 2016 inspection find about the commitment?"
    assert focus(q, "The inspection in February 2016 found progress.", dt.date(2016, 2, 23)) > 0.0


def test_features_are_all_between_zero_and_one():
    row = _row(
        "How many children were in care?",
        "There were 417 children in care.",
        "417",
        weights={"children": 2.0},
    )
    assert all(0.0 <= v <= 1.0 for v in row.values())


def test_shipped_weights_name_every_feature_and_a_threshold():
    data = json.loads(resources.files("qa").joinpath("weights.json").read_text())
    assert set(data["weights"]) == set(NAMES)
    assert 0.0 < load_weights().threshold < 1.0


def _retrieval(question: str, texts: list[str], fake_embedder, sim: float = 0.6) -> Retrieval:
    passages = tuple(_passage(t, cid=i + 1) for i, t in enumerate(texts))
    query = parse(question)
    weights = {t: 2.0 for t in query.terms}
    vector = fake_embedder.embed([question])[0]
    return Retrieval(query, passages, {p.chunk_id: sim for p in passages}, {}, (), vector, weights, {})


def _read_of(question: str, passage: Passage, fake_embedder):
    """The reader's reading of one dated passage, asked `question`."""
    retrieval = replace(_retrieval(question, [], fake_embedder), passages=(passage,), similarity={1: 0.6})
    return Reader(fake_embedder).read(retrieval)


def test_reader_puts_the_typed_span_first(fake_embedder):
    texts = ["The committee discussed the meeting venue at length.", "Councillor Mrs Ayers, in the Chair."]
    reading = Reader(fake_embedder).read(_retrieval("Who chaired the meeting?", texts, fake_embedder))
    from qa.leadline import lead_line

    assert lead_line(reading.candidates[0]).startswith("Councillor Mrs Ayers")


def test_who_a_scheme_is_aimed_at_is_told_where_the_paper_says_so(fake_embedder):
    text = (
        "We have developed initiatives such as Fostering Friendly Plymouth with Human Resources, which went "
        "live during February 2020. This is aimed at supporting Plymouth City Council employees who are "
        "foster carers."
    )
    q = "Who is the Fostering Friendly Plymouth initiative aimed at?"
    reading = Reader(fake_embedder).read(_retrieval(q, [text], fake_embedder))
    assert {r.candidate.text for r in reading.candidates} == {
        "This is aimed at supporting Plymouth City Council employees who are foster carers."
    }


SAID = (
    "What Children and Young People in Plymouth Want from you. We want all young people to thrive. "
    'Young people told us they want to live in a City that is "Equal, Kind and Safe".'
)


def test_what_a_group_said_is_told_where_the_paper_has_it_say_so(fake_embedder):
    def texts(question: str) -> set[str]:
        reading = Reader(fake_embedder).read(_retrieval(question, [SAID], fake_embedder))
        return {r.candidate.text for r in reading.candidates}

    told = 'Young people told us they want to live in a City that is "Equal, Kind and Safe".'
    assert texts("What did young people say they want Plymouth to be?") == {told}
    # a group the paper never has say anything leaves every sentence to the score
    assert len(texts("What did foster carers say they want?")) > 1


def test_a_speakers_label_reports_nobody_and_a_named_person_speaks_in_every_turn(fake_embedder):
    def texts(question: str, passage: str) -> set[str]:
        reading = Reader(fake_embedder).read(_retrieval(question, [passage], fake_embedder))
        return {r.candidate.text for r in reading.candidates}

    survey = (
        "Young people: I think the parks are fine.\nOur survey of young people found they think parks matter."
    )
    assert texts("What did young people think about the parks?", survey) == {
        "Our survey of young people found they think parks matter."
    }
    turns = "Barry Hughes: I think the guidance needs updating.\nThe panel discussed the guidance at length."
    assert len(texts("What did Barry Hughes think about the guidance?", turns)) > 1


def test_a_person_in_a_field_of_another_post_does_not_hold_the_post_asked(fake_embedder):
    row = (
        "Pledge: Pledge 45 - Many children care for a family member. We will appoint a Young Carers' "
        "Champion to be their voice.\nPortfolio Holder: Jon Taylor\nLead Director: Judith Harwood"
    )
    asked = "What is the name of the Young Carers' Champion appointed under Pledge 45?"
    found = Reader(fake_embedder).read(_retrieval(asked, [row], fake_embedder)).candidates
    assert "Judith Harwood" not in {r.candidate.answer for r in found}
    held = Reader(fake_embedder).read(
        _retrieval("Who is the Lead Director for Pledge 45?", [row], fake_embedder)
    )
    assert "Judith Harwood" in {r.candidate.answer for r in held.candidates}
    appointed = "Who was appointed as Plymouth's Young Carers' Champion under Pledge 45?"
    found = Reader(fake_embedder).read(_retrieval(appointed, [row], fake_embedder)).candidates
    assert "Judith Harwood" not in {r.candidate.answer for r in found}
    # appointed 'to' a post, with words that describe it ('the new dedicated … post')
    service = "Pledge 12 - A new dedicated Service Manager post for fostering.\nLead Director: Jean Kelly"
    for question in (
        "Who was appointed to the new dedicated Service Manager post for fostering?",
        "Who has been recruited as the permanent Service Manager?",
    ):
        found = Reader(fake_embedder).read(_retrieval(question, [service], fake_embedder)).candidates
        assert "Jean Kelly" not in {r.candidate.answer for r in found}


def test_a_mover_or_seconder_is_who_the_papers_say_moved_or_seconded(fake_embedder):
    lenient = Weights(load_weights().values, 0.0, 0.3, "test")
    report = (
        "As a result of an amended motion on notice to Council, Councillor Jon Taylor and the Service "
        "Director will report on school funding."
    )
    minutes = "School funding: moved by Councillor Sue Dann, seconded by Councillor Ian Tuffin."
    for question in ("Who moved the motion on school funding?", "Who seconded the motion on school funding?"):
        reading = Reader(fake_embedder, lenient).read(_retrieval(question, [report], fake_embedder))
        assert reading.candidates == ()
        reading = Reader(fake_embedder, lenient).read(_retrieval(question, [report, minutes], fake_embedder))
        texts = {r.candidate.text for r in reading.candidates}
        assert texts and all("moved by Councillor Sue Dann" in t for t in texts)


def test_a_field_naming_no_post_does_not_set_a_name_aside(fake_embedder):
    agenda = (
        "CITY COUNCIL AGENDA AND NOTICE: Margaret Abe-Koga, Mayor\n"
        "VIDEO CONFERENCE WITH NO PHYSICAL: Kimbra McCarthy, City Manager"
    )
    q = "Who is Mountain View's City Manager?"
    found = Reader(fake_embedder).read(_retrieval(q, [agenda], fake_embedder)).candidates
    assert "Kimbra McCarthy" in {r.candidate.answer for r in found}


def test_a_role_printed_before_the_name_asked_answers_not_another_staff_members(fake_embedder):
    minutes = (
        "Staff: Operations Superintendent Dan MacInnis; Office Assistant-Intern Kim Turnbull; "
        "Fire Chief-MLEO-CEMC Will Bateman and Municipal Administrator-Clerk-Treasurer Kris Croskery-Hodgins."
    )
    for name, title in (
        ("Will Bateman", "Fire Chief-MLEO-CEMC"),
        ("Kim Turnbull", "Office Assistant-Intern"),
    ):
        q = f"What is {name}'s role, as listed among staff at the council meeting?"
        best = Reader(fake_embedder).read(_retrieval(q, [minutes], fake_embedder)).candidates[0].candidate
        assert best.span is not None and best.span.text == title


def test_a_row_naming_what_is_asked_answers_though_the_table_is_cut_across_chunks(fake_embedder):
    # the cash sheet's caretaker row is in the first chunk retrieved, the ICO fee's row in the next
    caretaker = "Date Details: 08-Apr Parish Caretaker\nCheque Number: 101295\nAmount £: 299.50"
    ico = "Date Details: 12-Mar ICO fee\nCheque Number: Online\nAmount £: 52.00"
    q = "In the parish council's cash sheet of payments, on what date was the ICO fee paid?"
    found = Reader(fake_embedder).read(_retrieval(q, [caretaker, ico], fake_embedder)).candidates
    assert found and all("ICO fee" in r.candidate.text for r in found)
    # a house's number tells one address's row from its neighbours' in the same street
    rows = [
        "Surname: Doughty\nHome Address: Bramble Hedge House West End Strensall\nDescription: Conservative",
        "Surname: Fisher\nHome Address: 30 West End Strensall\nDescription: Liberal Democrat",
    ]
    q = "What description did the candidate at 30 West End, Strensall give?"
    lenient = Weights(load_weights().values, 0.0, 0.3, "test")
    found = Reader(fake_embedder, lenient).read(_retrieval(q, rows, fake_embedder)).candidates
    assert found and all("Fisher" in r.candidate.text for r in found)


def test_a_portfolio_asked_is_a_cabinet_post_printed_with_the_councillors_name(fake_embedder):
    minutes = (
        "Present: Councillor Murphy, Vice Chair.\n\n"
        "Also in attendance: Councillor Jon Taylor (Cabinet Member for Education, Skills and Transformation)."
    )
    lenient = Weights(load_weights().values, 0.0, 0.3, "test")
    q = "What is Councillor Jon Taylor's cabinet portfolio?"
    best = Reader(fake_embedder, lenient).read(_retrieval(q, [minutes], fake_embedder)).candidates[0]
    assert "Cabinet Member for Education" in best.candidate.text
    # a committee's vice chair is no portfolio, and another councillor's portfolio is not his
    q = "What is Councillor Murphy's cabinet portfolio?"
    assert Reader(fake_embedder, lenient).read(_retrieval(q, [minutes], fake_embedder)).candidates == ()


def test_reader_abstains_below_the_threshold_with_a_reason(fake_embedder):
    strict = Weights(load_weights().values, 0.999, 0.3, "test")
    retrieval = _retrieval("Who chaired the meeting?", ["Councillor Mrs Ayers, in the Chair."], fake_embedder)
    assert Reader(fake_embedder, strict).read(retrieval).abstain == NO_FACT
    off_topic = _retrieval("Who chaired it?", ["Bins are collected on Tuesdays."], fake_embedder, sim=0.05)
    assert Reader(fake_embedder, strict).read(off_topic).abstain == NO_TOPIC
    lenient = Weights(load_weights().values, 0.0, 0.3, "test")
    assert Reader(fake_embedder, lenient).read(retrieval).abstain is None


def test_a_topic_held_only_where_nothing_fits_is_not_said_to_be_absent(fake_embedder):
    # what pupils said is asked: the timetable's own sentence is on the topic but says nothing of pupils,
    # so the only sentence left to score is pupils saying something else
    strict = Weights(load_weights().values, 0.999, 0.3, "test")
    q = "What did pupils say about the Hoe Road bus service timetable?"
    texts = ["The Hoe Road bus service timetable changes in May.", "Pupils told us they want more parks."]
    reading = Reader(fake_embedder, strict).read(_retrieval(q, texts, fake_embedder))
    assert reading.abstain == NO_FIT
    # with the timetable's passage gone, nothing retrieved is on the topic
    reading = Reader(fake_embedder, strict).read(_retrieval(q, texts[1:], fake_embedder))
    assert reading.abstain == NO_TOPIC


def test_scores_are_probabilities(fake_embedder):
    texts = ["There were 417 children in care.", "The service is growing."]
    reading = Reader(fake_embedder).read(_retrieval("How many children were in care?", texts, fake_embedder))
    scores = [r.score for r in reading.candidates]
    assert scores == sorted(scores, reverse=True) and all(0 < s < 1 for s in scores)
    assert np.isfinite(scores).all()


def test_an_unchanged_status_is_said_once(fake_embedder, settings):
    from qa.composer import Composer
    from qa.statements import Statement

    older = _passage("Pledge 9 In Progress: planning started.", cid=1, date=dt.date(2019, 9, 11))
    newer = _passage(
        "Pledge 9 In Progress: the new service goes live in March.", cid=2, date=dt.date(2020, 2, 1)
    )
    found = [
        Statement("In Progress: the new service goes live in March.", newer),
        Statement("In Progress: planning started.", older),
    ]
    retrieval = _retrieval("What is the status of Pledge 9?", [newer.text, older.text], fake_embedder)
    answer = Composer(None, fake_embedder, settings)._status_answer(retrieval, found, 5)  # noqa: SLF001
    assert answer.text.startswith("In Progress since 11 September 2019 (still in")
    assert answer.text.count("In Progress") == 1 and answer.text.endswith("[1]")


def test_a_whole_table_row_is_not_taken_for_an_item_title() -> None:
    """An asked row's cells joined by '; ' answer by themselves; the rows after it are not its text."""
    from qa.facts import item_text
    from qa.query import Identifier

    class _Candidate:
        span = None
        label = None
        text = (
            "Pledge: Pledge 12; Description: Bulky waste; Portfolio Holder: Cllr Imran Vesey; Status: Delayed"
        )

    assert item_text(_Candidate(), (Identifier("pledge", "12"),)) is None


def _typed_retrieval(question: str, papers: list[tuple[str, str]], fake_embedder) -> Retrieval:
    """Passages of the given (text, document type) pairs."""
    from tests.conftest import retrieval_of

    return retrieval_of(question, papers, fake_embedder)


def test_an_agenda_never_says_what_was_decided(fake_embedder):
    question = "Did the council approve the purchase of air compressors?"
    proposal = "Res. that the purchase of three air compressors be approved, as recommended by the Mayor."
    lenient = Weights(load_weights().values, 0.0, 0.3, "test")
    reading = Reader(fake_embedder, lenient).read(
        _typed_retrieval(question, [(proposal, "agenda")], fake_embedder)
    )
    assert reading.candidates == () and reading.abstain == NO_OUTCOME
    # Minutes bound into an agenda pack still answer; so do minutes themselves.
    bound = "The purchase of three air compressors was agreed. Carried."
    for paper in [(bound, "agenda"), (proposal.replace("be approved", "was approved"), "minutes")]:
        reading = Reader(fake_embedder, lenient).read(_typed_retrieval(question, [paper], fake_embedder))
        assert reading.abstain is None and reading.candidates
    # A title's 'Agreed-Upon' says nothing was agreed.
    title = "Article XIII-B Appropriations Limit Agreed-Upon Procedures Report"
    reading = Reader(fake_embedder, lenient).read(
        _typed_retrieval(
            "How did the council vote on the appropriations limit?", [(title, "agenda")], fake_embedder
        )
    )
    assert reading.candidates == () and reading.abstain == NO_OUTCOME
    # A question about what an agenda says is not an outcome question.
    assert not asks_outcome("Is the purchase of air compressors on the agenda?")


def test_outcome_spans_are_outcomes_not_proposals_and_tallies_not_ranges():
    def decisions(text: str) -> list[str]:
        return [s.text for s in spans(text) if s.kind == "decision"]

    assert decisions("It should be noted that the report be approved.") == []
    assert decisions("The application has been approved; motion carried 7-0.") == [
        "approved",
        "carried",
        "7-0",
    ]
    assert decisions("It passed 9-0-1-1 (Cantrell abstaining).") == ["passed", "9-0-1-1"]
    assert decisions("See pages 10-12 of the report.") == []
    # a count of votes is an outcome; a motion's 'BE IT RESOLVED' proposes one
    assert decisions("The vote Your Worship, Yeas 13, Nays 3.") == ["Yeas 13, Nays 3"]
    assert decisions("For: 7 Against: 2 Abstain: 1") == ["For: 7 Against: 2"]
    assert decisions("It was lost with 4 in favour, 6 against.") == ["lost", "4 in favour, 6 against"]
    assert decisions("THEREFORE BE IT RESOLVED that By-law 7100/97 be amended;") == []


def test_a_vice_chair_is_not_who_chaired():
    chair = _row("Who chaired it?", "Councillor Ayers, Chair.", "Chair")
    vice = _row("Who chaired it?", "Councillor Ayers, Vice Chair.", "Vice Chair")
    assert (chair["label_match"], vice["label_match"]) == (1.0, 0.0)


def test_a_few_words_after_a_sentence_finish_it_but_a_heading_does_not():
    from corpus.units import units_of

    row = "3/18/0495/HH 36 Chapel Lane Letty Green Infill to create a glazed front porch. Refused 26/4/18."
    assert [u.shown for u in units_of(row)] == [row]
    shown = [
        u.shown for u in units_of("Work will start in August. 21/35 Speed Watch. Volunteers counted cars.")
    ]
    assert shown == ["Work will start in August.", "21/35 Speed Watch.", "Volunteers counted cars."]


def test_who_chaired_is_a_person_beside_a_chair_role_not_a_chair_named_alone():
    q = "Who chaired it?"
    chaired = _row(q, "Councillor Mrs Ayers, in the Chair.")
    named_alone = _row(q, "Agenda item: Added to work programme by Chair – 14.08.2019")
    vice = _row(q, "Councillor McDonald, Vice Chair.")
    assert (chaired["label_match"], named_alone["label_match"], vice["label_match"]) == (1.0, 0.0, 0.0)


def test_a_place_the_question_names_does_not_lead_the_one_it_asks():
    from qa.leadline import lead_line
    from qa.reader import Read

    text = "Res. that the 50th & Ames Avenue Plan for the site located at 5018 Ames Avenue be approved."
    question = "Where is the site for the 50th & Ames Avenue plan?"
    cand = Candidate(text, None, None, _passage(text), 0, frozenset(s.kind for s in spans(text)))
    assert lead_line(Read(cand, (), 1.0), "place", question).startswith("5018 Ames Avenue — ")


def test_a_winning_sentence_leads_with_its_one_value_of_the_asked_kind():
    from qa.leadline import lead_line
    from qa.reader import Read

    def line(question: str, text: str) -> str:
        cand = Candidate(text, None, None, _passage(text), 0, frozenset(s.kind for s in spans(text)))
        return lead_line(Read(cand, (), 1.0), expected(question).kind)

    masthead = "Wednesday 11 September 2019, 2.00 pm, Warspite Room, Council House"
    assert line("Where was the meeting held?", masthead).startswith("Warspite Room, Council House — ")
    assert line("What time did the meeting start?", masthead).startswith("2.00 pm — ")
    both = "The meeting started at 2.00 pm and finished at 4.00 pm."
    assert line("What time did it finish?", both) == both  # two times: the sentence says which is which
    names = "VOTING AGAINST: Councillors Findlay, Guthrie and Kovach (3)"
    assert line("Who voted against?", names) == names  # never one name of a list


def test_a_labelled_address_leads_whole_not_the_street_inside_it():
    from qa.leadline import lead_line
    from qa.reader import Read

    row = (
        "Name of Candidate: OAKHILL Nicholas; Home Address: The Barn House, High Street, Souldern, OX27 7JG;"
        " Description (if any): Independent"
    )
    cand = Candidate(row, None, None, _passage(row), 0, frozenset(s.kind for s in spans(row)))
    question = "What home address is given for Nicholas Oakhill?"
    line = lead_line(Read(cand, (), 1.0), expected(question).kind, question)
    assert line.startswith("The Barn House, High Street, Souldern, OX27 7JG — ")


def test_a_long_sentence_is_shown_where_it_names_the_thing_asked():
    from qa.leadline import lead_line
    from qa.reader import Read

    opening = "WHEREAS, the proposed West San Carlos Street Mixed-Use Project (File No. SP20-004) includes "
    middle = " ".join(f"building {n} of the existing structures on the site," for n in range(1, 9))
    text = f"{opening}{middle} and a 42 percent parking reduction on a 1.32-gross acre site."
    cand = Candidate(text, None, None, _passage(text), 0, frozenset())

    def line(question: str) -> str:
        return lead_line(Read(cand, (), 1.0), expected(question).kind, question)

    assert "42 percent parking reduction" in line("What parking reduction is proposed for file SP20-004?")
    assert line("What parking reduction is proposed for file SP20-004?").startswith("… ")
    # a question asking by no noun of its own is shown the sentence from its start
    assert line("What is proposed for file SP20-004?").startswith("WHEREAS, the proposed")
    assert line("What is proposed for file SP20-004?").endswith(" …")


def test_a_cell_left_empty_in_words_is_no_candidate(fake_embedder):
    question = "What are the carbon footprint implications of the report?"
    form = "Carbon Footprint Implications: N/A\n\nFinancial Implications: The report costs £2,000 to print."
    retrieval = _typed_retrieval(question, [(form, "report")], fake_embedder)
    found = candidates(retrieval, _asked(question, retrieval.weights))
    assert [c.text for c in found if c.span is None] == ["The report costs £2,000 to print."]


CENTRES = (
    "Children's Centres offer play, health and parenting services to families. "
    "Our Children's Centres are run with health visitors and schools. "
    "As an example we currently have sixteen Children's Centres operating from fifteen buildings."
)


def _near(question: str, text: str, council: str | None = "Testshire") -> float:
    weights = {"children": 1.0, "centres": 1.0, "council": 0.5, "derby": 2.0, "schools": 1.0, "employ": 2.0}
    asked = Asked(
        question, expected(question), {stem(w): weights[w] for w in weights if w in question.lower()}, None
    )
    last = text.rsplit(". ", 1)[-1]
    passage = replace(_passage(text), council=council)
    cand = Candidate(last, None, None, passage, 0, frozenset(s.kind for s in spans(last)))
    return dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))["type_near"]


def test_a_count_stands_beside_the_noun_it_counts_even_on_the_passages_topic():
    # 'children' and 'centres' are the passage's topic and 'council' is not in the sentence, yet the count
    # stands right before what the question counts
    assert _near("How many Children's Centres does the council currently have?", CENTRES) > 0.0
    # not in another council's paper, and not for a count of something else
    assert _near("How many Children's Centres does Derby currently have?", CENTRES) == 0.0
    assert _near("How many schools does the council run?", CENTRES) == 0.0
    # nor a count of those the sentence says something else of: recruited is not employed
    recruits = CENTRES.replace(
        "sixteen Children's Centres operating", "recruited sixteen Children's Centres staff"
    )
    assert _near("How many Children's Centres staff does the council employ?", recruits) == 0.0


AUDIT = (
    "A benchmark audit of care plans has been undertaken by the Principal Social Worker. "
    "The audit ran from March to April 2019 and considered 1,363 plans in total."
)


def test_a_count_may_lean_on_its_paragraph_for_what_it_counts():
    question = "How many care plans did the principal social worker audit?"
    weights = {"care": 1.0, "plans": 1.0, "principal": 3.0, "social": 1.0, "worker": 2.0, "audit": 2.0}
    asked = Asked(question, expected(question), {stem(w): v for w, v in weights.items()}, None)

    def near(text: str) -> float:
        last = text.rsplit("\n", 1)[-1].rsplit(". ", 1)[-1]
        cand = Candidate(last, None, None, _passage(text), 0, frozenset(s.kind for s in spans(last)))
        return dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))["type_near"]

    # the sentence with the count names neither the social worker nor the care plans: the one before does
    assert near(AUDIT) > 0.0
    # a paragraph of its own does not lend its words: another paragraph's audit is another thing
    assert near(AUDIT.replace(". The audit", ".\nThe audit")) == 0.0


def test_of_several_counts_the_one_before_the_counted_noun_leads():
    from qa.leadline import lead_line
    from qa.reader import Read

    sentence = CENTRES.rsplit(". ", 1)[-1]
    cand = Candidate(sentence, None, None, _passage(CENTRES), 0, frozenset(s.kind for s in spans(sentence)))
    read = Read(cand, (), 1.0)
    assert lead_line(read, "number", "How many Children's Centres are there?").startswith("sixteen — ")
    assert lead_line(read, "number", "How many buildings are there?").startswith("fifteen — ")
    # a count of something the sentence does not count leaves it whole
    assert lead_line(read, "number", "How many schools are there?") == sentence


PERFORMANCE = (
    "Performance report\n\nRe-referrals within twelve months were reported at 31.4% in June 2019. "
    "In March 2018 the re-referral rate was 28.0%, above the target of 25%.\n"
)


@pytest.mark.parametrize(
    ("month", "answered"), [("March 2018", "28.0%"), ("June 2019", "31.4%"), ("March 2017", None)]
)
def test_a_figure_is_answered_for_the_month_asked_and_for_no_other(
    tmp_path, settings, fake_embedder, month, answered
):
    from tests.conftest import answer_from_paper

    answer, _ = answer_from_paper(
        tmp_path, settings, fake_embedder, PERFORMANCE, f"What was the re-referral rate in {month}?"
    )
    if answered:
        other = {"28.0%", "31.4%"} - {answered}
        assert (
            answer.status == "answered" and answered in answer.text and other.isdisjoint(answer.text.split())
        )
    else:
        assert answer.status == "not_found"


def test_work_said_not_done_yet_tells_only_a_status_asked_for():
    said = "Eleri Vaughan AM: No, not yet."
    summary = _row("Summarise the discussion about the cost of transport.", said, weights={"transport": 1.0})
    assert summary["status_word"] == 0.0
    asked = _row("Has the post been filled yet?", "The post has not yet been filled.", weights={"post": 1.0})
    assert asked["status_word"] == 1.0
    said = "Offers remain open but there has been no take up to date"
    yes_no = _row("Have any young people taken up the offer?", said, weights={"offer": 1.0})
    assert yes_no["status_word"] == 1.0


def test_the_reader_declines_with_the_papers_words_when_they_say_it_was_not_yet_known(fake_embedder):
    unknown = "The GCSE results for the city are not yet known at the time of writing."
    lenient = Weights(load_weights().values, 0.0, 0.3, "test")
    question = "What were the city's GCSE results in summer 2019?"
    reading = Reader(fake_embedder, lenient).read(_retrieval(question, [unknown], fake_embedder))
    assert reading.candidates == ()
    assert reading.abstain.startswith(NOT_KNOWN) and unknown in reading.abstain
    known = "The GCSE results for the city in summer 2019 were above the national average."
    reading = Reader(fake_embedder, lenient).read(_retrieval(question, [known], fake_embedder))
    assert reading.abstain is None and reading.candidates


def test_a_not_known_on_another_matter_is_not_said_of_the_question(fake_embedder):
    """Under a heading on the question's matter, a sentence saying something else was not known, holding
    none of the question's words itself, declines without claiming the asked fact was not known."""
    other = "Registration with the Local Authority is voluntary, so it was not known how many pupils left."
    lenient = Weights(load_weights().values, 0.0, 0.3, "test")
    question = "Which body runs the home schooling review?"
    retrieval = _retrieval(question, [other], fake_embedder)
    headed = replace(retrieval.passages[0], heading="Home schooling review")
    reading = Reader(fake_embedder, lenient).read(replace(retrieval, passages=(headed,)))
    assert reading.candidates == () and reading.abstain == NO_FACT


def test_a_date_to_come_is_not_one_past_when_the_paper_was_written(fake_embedder):
    row = (
        "10 July 2019 Care Leavers | Agreed that a progress report on care leavers be scheduled in 6 months."
    )
    minute = "(i) a progress report on care leavers would be scheduled for 6 months' time (8 January 2020);"
    written = dt.date(2019, 9, 11)

    def read(question: str, texts: tuple[str, ...]) -> set[str]:
        passages = tuple(_passage(t, cid=i, date=written) for i, t in enumerate(texts, 1))
        retrieval = _retrieval(question, [], fake_embedder)
        retrieval = replace(retrieval, passages=passages, similarity={p.chunk_id: 0.6 for p in passages})
        return {r.candidate.shown for r in Reader(fake_embedder).read(retrieval).candidates}

    ahead = "When is the progress report on care leavers scheduled for?"
    found = read(ahead, (row, minute))
    assert found and all("8 January 2020" in t and "July" not in t for t in found)
    # what happened keeps its date; so does a sentence that is alone in giving one
    assert any(
        "10 July 2019" in t
        for t in read("When was the progress report on care leavers agreed?", (row, minute))
    )
    assert any("10 July 2019" in t for t in read(ahead, (row,)))


@pytest.mark.parametrize(
    ("question", "ahead"),
    [
        ("When is the progress report on care leavers scheduled for?", True),
        ("On what date is the progress report due?", True),
        ("What date was the progress report scheduled for?", True),  # ahead of when it was scheduled
        ("When will the hedge be cut?", True),
        ("When was the progress report agreed?", False),
        ("When did the meeting start?", False),
        ("Who is scheduled to speak?", False),  # no date asked
    ],
)
def test_a_date_question_looks_ahead(question, ahead):
    assert looks_ahead(question) is ahead


def test_a_minutes_heading_answers_when_the_meeting_was_held(fake_embedder):
    body = "PRESENT: Cllrs Magda Atkins and Haidy Blake. The next meeting will be held on 11 July 2018."
    heading = "HELD ON 9 MAY 2018 AT 19.30 IN HERTINGFORDBURY COWPER SCHOOL"
    passage = replace(_passage(body), heading=heading)
    q = "On what date was the annual meeting at Cowper School held?"
    retrieval = replace(_retrieval(q, [], fake_embedder), passages=(passage,), similarity={1: 0.6})
    found = candidates(retrieval, asked_of(q, expected(q), retrieval.weights, None))
    cased = "Held on 9 May 2018 at 19.30 in Hertingfordbury Cowper School"
    assert [c.text for c in found if c.text == cased] == [cased]  # once, its own words in prose case
    # a heading titles its passage: its words are no candidate for who or what, only its day and hour
    who = "Who attended the annual meeting at Cowper School?"
    assert cased not in {c.text for c in candidates(retrieval, asked_of(who, expected(who), {}, None))}


def test_a_masthead_in_capitals_says_where_the_meeting_was_held(fake_embedder):
    body = "Councillors were reminded of the site tour planned for 24th May at Panshanger Park."
    masthead = "HELD ON 9 MAY 2018 AT 19.30 IN HERTINGFORDBURY COWPER SCHOOL"
    q = "Where was the annual meeting of the parish council on 9 May 2018 held?"
    item = replace(_passage(body, cid=2), heading="(g) Panshanger Quarry and Panshanger Park")
    passages = (replace(_passage("PRESENT: Cllrs Magda Atkins and Haidy Blake."), heading=masthead), item)
    retrieval = replace(_retrieval(q, [], fake_embedder), passages=passages, similarity={1: 0.6, 2: 0.6})
    asked = asked_of(q, expected(q), retrieval.weights, None)
    headings = [c.text for c in candidates(retrieval, asked) if c.passage.heading is None]
    # read in the case prose uses, and only the heading that says where something was held
    assert headings == ["Held on 9 May 2018 at 19.30 in Hertingfordbury Cowper School"]
    venue = next(c for c in candidates(retrieval, asked) if c.text == headings[0])
    assert holds_type(venue, asked)
    # a body's name is a venue only where the text sets it as one
    named = "Hertingfordbury Cowper School wrote to the council about parking."
    assert not holds_type(replace(venue, text=named, kinds=frozenset({"organisation"})), asked)
    # words in capitals are no body set as a place ('… SHALL BE HELD ON THE SECOND READING')
    capitals = "ITEMS 52 THROUGH 71 SHALL BE HELD ON THE SECOND READING"
    assert not holds_type(replace(venue, text=capitals, kinds=frozenset({"organisation"})), asked)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which local marketing company did Plymouth commission?", "organisation"),
        ("Which council team put together the pledges report?", "organisation"),
        ("Item 6 was a report from which post-holder?", "role"),
        ("What consultancy firm prepared the plan?", "organisation"),
        ("Which items did the council approve?", "description"),  # no kind of business qualified
        ("Which Labour group members voted against?", "person"),
        ("Which supplier won the request for proposal for SCBA units?", "organisation"),
        ("Which bidder was awarded the paving contract?", "organisation"),
        # a deadline or date named with what it is of
        ("What was the application submittal deadline for the September meeting?", "date"),
        ("What is the consultation closing date?", "date"),
        ("What was the reason for the deadline?", "reason"),
    ],
)
def test_a_qualified_kind_of_business_asks_for_an_organisation(question, kind):
    assert expected(question).kind == kind


def test_a_post_is_no_answer_to_a_name_asked(fake_embedder):
    from qa.answertype import asks_name
    from qa.typematch import accepted_kinds

    q = "What is the name of the permanent head of service?"
    assert asks_name(q) and not asks_name("Who is the head of service?")
    asked = asked_of(q, expected(q), {"name": 1.0, "permanent": 1.0}, None)
    assert "role" not in accepted_kinds(asked) and "person" in accepted_kinds(asked)
    who = "Who is the head of service?"
    assert "role" in accepted_kinds(asked_of(who, expected(who), {"head": 1.0}, None))


def test_a_strategys_name_is_no_organisation():
    from qa.candidate import stems_of
    from qa.typematch import typed_at

    asked = frozenset(stems_of("Which local marketing company supports foster carer recruitment?"))
    strategy = "This is being supported via an updated Recruitment and Marketing Strategy outlined above."
    assert not typed_at(strategy, frozenset({"organisation", "proper"}), asked)
    assert typed_at("The work went to Hudson Creative.", frozenset({"organisation", "proper"}), asked)


def test_who_acted_or_partnered_may_be_a_body_named_by_one_word():
    from qa.candidate import stems_of
    from qa.typematch import ACCEPTS, typed_at

    who = ACCEPTS["person"]
    asked = frozenset(stems_of("Positive Destinations - who is the partnership with?"))
    partner = "Positive Destinations, the 7 year partnership with Barnardos, was launched in Plymouth."
    assert [partner.split()[at] for at, _ in typed_at(partner, who, asked)] == ["Barnardos,"]
    assert typed_at("CPD sessions are to be delivered by Ofsted.", who, frozenset())
    # or went between: 'organised via Improving Lives', 'delivered through Barnardos'
    assert typed_at("This is being organised via Improving Lives.", who, frozenset())
    assert typed_at("The offer is delivered through Barnardos.", who, frozenset())
    # or whom a thing came from: 'real property from Rocke and Glenda Garcia', asked whose property
    assert typed_at("Acquire real property from Glenda Garcia for the extension.", who, frozenset())
    assert not typed_at("The bridge is operated from the Clifton towpath side.", who, frozenset())
    # a place or a paper named in passing is no one who acted
    assert not typed_at("Care leavers in Plymouth were offered work experience.", who, frozenset())


def test_a_roads_name_names_no_body():
    """A capital plan's row ('Reline culvert Bear Creek Road $202,000') names a road, not the contractor
    asked for."""
    from qa.typematch import ACCEPTS, typed_at

    body = ACCEPTS["organisation"]
    row = "Birchgrove Drive $155,000; culvert on Bear Creek Road $202,000"
    assert not typed_at(row, body, frozenset())
    assert typed_at("The contract was awarded to Acme Paving for the culvert work.", body, frozenset())
    assert typed_at("The culvert will be relined by Hudson Civil Engineering Ltd.", body, frozenset())
    # a project's code ('City Project No. OPW 50412') names no body
    assert not typed_at("Identified as City Project No. OPW 50412, providing that …", body, frozenset())


def test_a_meeting_asked_by_its_day_is_answered_from_its_own_paper(fake_embedder):
    q = "At what time did the Guelph City Council meeting of May 26, 2014 adjourn?"
    own = _passage("Council recessed. Open Meeting (7:00 p.m.)", cid=1, date=dt.date(2014, 5, 26))
    other = _passage("That the meeting be adjourned. Time: 8:08 p.m.", cid=2, date=dt.date(2023, 11, 14))
    retrieval = replace(_retrieval(q, [], fake_embedder), passages=(own, other), similarity={1: 0.6, 2: 0.6})
    reading = Reader(fake_embedder).read(retrieval)
    assert not any("8:08" in c.candidate.shown for c in reading.candidates)
    # with no paper of that day found, another's may still answer (its date may be its publication's)
    alone = replace(retrieval, passages=(other,), similarity={2: 0.6})
    assert any("8:08" in c.candidate.shown for c in Reader(fake_embedder).read(alone).candidates)


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("On what date did Cabinet approve the plan?", False),  # a day on the calendar is asked
        ("Which day was the plan approved?", False),
        ("When will the plan be delivered?", True),  # a stretch of time may say when
    ],
)
def test_a_date_asked_by_day_is_one_the_calendar_names(question, counted):
    from qa.typematch import typed_at

    text = "We set out the milestones that we will achieve over the next three years."
    assert bool(typed_at(text, frozenset({"date"}), frozenset(), question)) is counted
    assert typed_at("Cabinet approved it on 4 March 2024.", frozenset({"date"}), frozenset(), question)


def test_an_outcome_on_its_own_line_is_read_with_the_vote_it_closes(fake_embedder):
    from qa.account import _voted

    text = (
        "That Clause 1 be amended by changing the 55th percentile to the 50th percentile.\n\n"
        "VOTING IN FAVOUR:\n\nCouncillors Bell, Furfaro and Guthrie (3)\n\n"
        "VOTING AGAINST: Mayor Farbridge, Councillors Burcher and Dennis (3)\n\nDEFEATED"
    )
    q = "What happened to Councillor Bell's amendment to change the 55th percentile?"
    retrieval = _retrieval(q, [text], fake_embedder)
    found = candidates(retrieval, asked_of(q, expected(q), retrieval.weights, None))
    # weighed as said of the motion it closes, whose words the question repeats
    assert {c.label for c in found if c.text == "DEFEATED"} == {
        "That Clause 1 be amended by changing the 55th percentile to the 50th percentile."
    }
    assert _voted(text, "DEFEATED", 60) == (
        "That Clause 1 be amended by changing the 55th percentile to the 50th percentile. VOTING IN FAVOUR: "
        "Councillors Bell, Furfaro and Guthrie (3) VOTING AGAINST: Mayor Farbridge, Councillors Burcher and "
        "Dennis (3)"
    )
    assert _voted(text, "DEFEATED", 5).endswith("…")


@pytest.mark.parametrize(
    ("line", "question", "near"),
    [
        (
            "Wednesday, November 6, 2013",
            "On what date did the Testshire council hold its organizational meeting?",
            True,
        ),
        (
            "1309 S. Mary Avenue Sunnyvale, CA 94087 | 7:30 a.m.",
            "What time did the Testshire meeting begin?",
            True,
        ),
        # a line of prose, a paper not named, or a value not asked of a meeting is no masthead's
        (
            "The next meeting will be on November 6, 2013",
            "When did the Testshire council meeting take place?",
            False,
        ),
        ("Wednesday, November 6, 2013", "On what date did the Otherton council hold its meeting?", False),
        ("Wednesday, November 6, 2013", "When is the Testshire budget due?", False),
    ],
)
def test_a_mastheads_day_and_hour_are_its_meetings(line, question, near):
    from qa.typematch import type_near

    passage = _passage(line)  # page 1 of a Testshire paper
    candidate = Candidate(line, None, None, passage, 0, frozenset(s.kind for s in spans(line)))
    weights = {stem(w): 2.0 for w in parse(question).terms}
    assert (type_near(candidate, Asked(question, expected(question), weights, None)) == 1.0) is near


def test_a_target_asked_is_the_figure_aimed_at_not_the_one_reached(fake_embedder):
    text = (
        "The percentage of care leavers in education, employment or training rose from 44% in March 2018 "
        "to 56.6% in March 2019.\n\nAlthough below target, our target of 65% is aspirational."
    )
    passage = _passage(text, date=dt.date(2019, 9, 11))
    aimed = "What target does the council hold for the percentage of care leavers in education or training?"
    assert "65%" in _read_of(aimed, passage, fake_embedder).candidates[0].candidate.text
    reached = "What percentage of care leavers were in education, employment or training in March 2019?"
    assert "56.6%" in _read_of(reached, passage, fake_embedder).candidates[0].candidate.text


def test_minutes_approved_are_named_by_the_day_of_the_meeting_they_record(fake_embedder):
    text = (
        "Members of the public may address the Council on any item within its jurisdiction.\n\n"
        "7. Approve the December 16, 2020 Meeting Minutes\n\n8. Adopt the 2021 budget timetable"
    )
    passage = _passage(text, date=dt.date(2021, 1, 20))
    q = "The Testshire council agenda of 20 January 2021 asks council to approve the minutes of which meeting?"
    assert "December 16, 2020" in _read_of(q, passage, fake_embedder).candidates[0].candidate.text
    # the day the question gives is the approving meeting's: the earlier day is not set aside for it
    text = "R2023-206 T. Butler, D. Yemm:\nThat the minutes of the Council meeting held October 17, 2023, be adopted."
    passage = _passage(text, date=dt.date(2023, 11, 14))
    q = "Testshire council, 14 November 2023, resolution R2023-206: the minutes of which earlier meeting were adopted?"
    read = _read_of(q, passage, fake_embedder).candidates
    assert read and "October 17, 2023" in read[0].candidate.text


def test_a_sum_a_named_bidder_put_forward_is_told_beside_its_name(fake_embedder):
    text = (
        "Staff recommend a budget amendment of $15,000 for the housing program.\n\n"
        "Hello Housing proposed a total cost of $193,480 and HouseKeys Inc. proposed a total cost of $160,000.\n\n"
        "Another proposal, from Soup, was for the full scope of services but lacked experience."
    )
    passage = _passage(text, date=dt.date(2021, 1, 12))

    def first(q):
        read = _read_of(q, passage, fake_embedder)
        return None if read.abstain else read.candidates[0].candidate.text

    assert "$193,480" in first("What total cost did Hello Housing propose for the housing program?")
    # Soup's sum is not printed: neither the budget amendment nor another bidder's cost is it
    assert first("What total cost did Soup propose for the housing program?") is None


def test_the_meeting_next_after_a_date_is_the_one_told_as_next(fake_embedder):
    text = (
        "A Parish Council meeting was held in the Village Hall on Tuesday, 3 June 2025.\n\n"
        "Date of the next meeting, Tuesday, 8 July 2025 at 8.00 pm in the Village Hall."
    )
    q = "When is the Testshire parish council meeting next after the 3 June 2025 one?"
    passage = _passage(text, date=dt.date(2025, 6, 3))
    retrieval = replace(_retrieval(q, [], fake_embedder), passages=(passage,), similarity={1: 0.6})
    reading = Reader(fake_embedder).read(retrieval)
    assert reading.candidates and "8 July 2025" in reading.candidates[0].candidate.text
    after = "When was the Testshire parish council meeting after the 3 June 2025 one?"  # 'next' unsaid
    retrieval = replace(_retrieval(after, [], fake_embedder), passages=(passage,), similarity={1: 0.6})
    assert "8 July 2025" in Reader(fake_embedder).read(retrieval).candidates[0].candidate.text
    # the time of the meeting that followed it, asked in other words
    followed = "What start time is given for the Testshire meeting that followed the one of 3 June 2025?"
    read = _read_of(followed, passage, fake_embedder).candidates
    assert read and "8.00 pm" in read[0].candidate.text
    # asked of the day itself, the next meeting's date is not its answer
    when = "When was the Testshire parish council meeting in June 2025 held?"
    retrieval = replace(_retrieval(when, [], fake_embedder), passages=(passage,), similarity={1: 0.6})
    assert all("8 July" not in r.candidate.text for r in Reader(fake_embedder).read(retrieval).candidates)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How often do the Placement Review Panels meet?", "frequency"),
        ("How frequently is the register reviewed?", "frequency"),
        ("How many times a year does the forum meet?", "frequency"),
        ("How much is the voucher, and how often is it sent?", "money"),  # the sum asked first
        ("How many foster carers were recruited?", "number"),
    ],
)
def test_how_often_asks_for_a_frequency(question, kind):
    assert expected(question).kind == kind


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Placement Review Panels take place fortnightly to monitor every child", ["fortnightly"]),
        ("The group meets every six weeks and reports twice a year.", ["every six weeks", "twice a year"]),
        ("A voucher is sent once a month for the academic year.", ["once a month"]),
        ("The review was completed in six weeks.", []),
        ("A monthly meeting LAC forum and Bi monthly PFA forum is in place.", ["monthly", "Bi monthly"]),
        # 'three monthly' is each quarter, not monthly; 'six-monthly' twice a year
        ("including three monthly meetings of all chairs", ["three monthly"]),
        ("Progress is reported six-monthly to Cabinet.", ["six-monthly"]),
    ],
)
def test_frequencies_are_spans(text, found):
    assert [s.text for s in spans(text) if s.kind == "frequency"] == found


def test_a_frequency_asked_leads_the_answer(fake_embedder):
    texts = [
        "The Placement Review Panels were set up in 2019.",
        "Placement Review Panels take place fortnightly to monitor every child in residential care.",
    ]
    q = "How often do the Placement Review Panels meet?"
    reading = Reader(fake_embedder).read(_retrieval(q, texts, fake_embedder))
    assert reading.candidates and "fortnightly" in reading.candidates[0].candidate.shown


def test_a_finish_time_asked_in_other_words_is_the_one_told_as_a_finish():
    from qa.leadline import _beside_asked
    from qa.moments import event_words

    text = "The meeting started at 2.00 pm and finished at 4.00 pm."
    times = [s for s in spans(text) if s.kind == "time"]
    assert event_words(text, "finish") == ("finished",)
    assert _beside_asked(text, times, "When did the 10 July 2019 meeting end?").text == "4.00 pm"
    assert _beside_asked(text, times, "When did the 10 July 2019 meeting begin?").text == "2.00 pm"


def test_a_decision_asked_is_told_of_something_the_question_names():
    rows = np.zeros((2, len(NAMES)))
    rows[:, NAMES.index("type_sentence")] = 1.0
    rows[1, NAMES.index("idf_cover")] = (
        0.3  # 'It was agreed that the Panel would undertake a select review …'
    )
    # 'Members discussed the work programme and agreed the following:' names nothing asked
    assert admissible("decision", rows).tolist() == [False, True]


def test_a_closed_session_does_not_end_the_meeting():
    assert not at_event("CARRIED Closed Meeting (6:16 p.m.)", "finish")
    assert not at_event("Council moved into closed session at 9:02 p.m.", "finish")
    assert at_event("The meeting closed at 8.50pm.", "finish")


GULLIES = (
    "The above mentioned gullies will be cleared out within the next week. Councillor Scanlan referred to "
    "the blocked gullies in other areas and the Engineer confirmed that work has commenced on the clearing "
    "of gullies within the District."
)


def test_a_date_stands_beside_the_happening_asked_though_the_passage_is_all_about_it():
    question = "When will the gullies along Knockane Road be cleared?"
    weights = {stem(w): v for w, v in {"gullies": 1.0, "knockane": 3.0, "road": 1.0, "cleared": 1.5}.items()}
    asked = Asked(question, expected(question), weights, None)

    def near(sentence: str) -> float:
        cand = Candidate(
            sentence, None, None, _passage(GULLIES), 0, frozenset(s.kind for s in spans(sentence))
        )
        return dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))["type_near"]

    # 'gullies' and 'cleared' are the passage's topic and 'Knockane Road' is not in the reply: the period
    # stands by the happening asked
    assert near("The above mentioned gullies will be cleared out within the next week.") > 0.0
    # a period beside the topic's word alone tells when something else happens
    assert near("The above mentioned gullies were inspected and a report is due within the next week.") == 0.0


def test_an_offices_pay_is_read_only_from_rows_naming_that_office():
    from qa.fit import fitting

    schedule = (
        "Current Salary Range: Director of Government Services; Annual Minimum: $141,198; Annual Maximum: "
        "$199,112\nCurrent Salary Range: City Manager; Annual Minimum: $180,000; Annual Maximum: $240,000\n"
        "Current Salary Range: Deputy City Manager; Annual Minimum: $150,000; Annual Maximum: $210,000"
    )
    rows = [
        Candidate(line, None, None, _passage(schedule), 0, frozenset(s.kind for s in spans(line)))
        for line in schedule.split("\n")
    ]
    question = "What is the City Manager's salary range?"
    kept, _ = fitting(rows, _asked(question, {stem("salary"): 1.0, stem("manager"): 2.0}))
    assert [c.text for c in kept] == [rows[1].text]  # not another post's row, nor the deputy's
    # a post's pay not printed leaves nothing to answer with
    kept, _ = fitting(rows[:1], _asked(question, {stem("salary"): 1.0, stem("manager"): 2.0}))
    assert kept == []


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("When was the Fostering Summit held?", ("Fostering", "Summit")),
        ("When was the Plymouth Standards Partnership set up?", ("Standards", "Partnership")),
        ("On what date did Derby's Strategic Services team attend?", ("Strategic", "Services")),
        # a possessive names the owner; one capital word, or a reference, tells too little or pins the item
        ("When did Plymouth's Cabinet approve the business case?", ()),
        ("When did Gloucester City Council's Cabinet consider the report?", ()),
        ("When was the West San Carlos SP20-004 site annexed?", ()),
        ("When was the new Pledge launched?", ()),
        # a name before a word for people is whose staff acted, dated wherever their table is
        ("When did Derby's Strategic Services people go to the Children in Care Council?", ()),
        ("When did the Fostering Service staff visit the school?", ()),
    ],
)
def test_the_event_a_date_question_names(question, named):
    from qa.measures import event_named

    assert event_named(question) == named


def test_a_date_is_read_only_from_sentences_naming_the_event_asked():
    from qa.fit import fitting

    lines = [
        "A Fostering recruitment event was held on June 24th 2017 at Derby County Football Club.",
        "The Fostering Summit was held on 3 May 2019.",
    ]
    # each from its own paper: a passage naming the event may date it in another sentence
    cands = [Candidate(t, None, None, _passage(t), 0, frozenset(s.kind for s in spans(t))) for t in lines]
    question = "When was the Fostering Summit held?"
    asked = _asked(question, {stem("fostering"): 1.0, stem("summit"): 2.0})
    assert [c.text for c in fitting(cands, asked)[0]] == lines[1:]
    # another event's date answers nothing
    assert fitting(cands[:1], asked)[0] == []


def test_who_sent_apologies_is_read_from_the_names_under_that_heading(fake_embedder):
    text = (
        "PRESENT: Cllrs Magda Atkins, Haidy Blake and Roger Morris\n\n09. APOLOGIES FOR ABSENCE\n\n"
        "Cllrs Shobha Edgell and Paul Rochford\n\nThere were no Chairman's announcements."
    )
    q = "Which councillors sent apologies to the annual meeting?"
    reading = Reader(fake_embedder).read(_retrieval(q, [text], fake_embedder))
    assert reading.candidates[0].candidate.text == "Cllrs Shobha Edgell and Paul Rochford"
    # those present sent none; a pack with no apologies listed answers nothing
    no_apologies = "PRESENT: Cllrs Magda Atkins, Haidy Blake and Roger Morris\n\nChief Executive: Tracey Lee"
    assert not Reader(fake_embedder).read(_retrieval(q, [no_apologies], fake_embedder)).candidates
    # an agenda's 'To receive apologies' heads its next item, not names
    agenda = "1 To receive apologies for absence\n\n2 Declarations of Interest from Councillor Smith and Councillor Jones"
    assert not Reader(fake_embedder).read(_retrieval(q, [agenda], fake_embedder)).candidates


def test_a_body_named_in_lower_case_after_with_or_by_the_is_a_body():
    def bodies(text: str) -> list[str]:
        return [s.text for s in spans(text) if s.kind == "organisation"]

    assert bodies("Codesign local offer website with the parent carer forum.") == ["parent carer forum"]
    assert bodies("This is led by the local safeguarding children board.") == [
        "local safeguarding children board"
    ]
    # a body's noun alone, or after a word saying which of several, names none in particular
    assert bodies("The plan was agreed with the board.") == []
    assert bodies("Work with the wider partnership continues.") == []


def test_a_headings_small_words_in_capitals_are_no_bodys_initials():
    assert [(s.kind, s.text) for s in spans("APOLOGIES FOR ABSENCE")] == []
    kinds = {s.text: s.kind for s in spans("The NHS and the IT team met the LGA.")}
    assert kinds.get("IT") == "organisation" and kinds.get("LGA") == "organisation"


def test_a_sum_asked_by_its_noun_is_not_read_from_another_sums_row():
    from qa.fit import fitting
    from qa.measures import sum_named

    assert sum_named("What was Souldern Parish Council's precept for 2016/17?") == "precept"
    assert sum_named("What were the staff salaries in 2023/24?") == "salar"
    assert sum_named("What was the cost of the playground fencing?") is None  # a row's 'Total' column
    assert sum_named("How much was raised for the playground?") is None
    lines = [
        "Details: VAT; Receipt: 886.7; 2016/17: 956.54",
        "Details: Precept; Receipt: 5700; Income: 5700.00",
        "The precept was set at £5,700 for 2016/17.",
        "The council agreed £956.54 for 2016/17.",  # names no precept: another sum, as a row naming none is
    ]
    text = "\n\n".join(lines)
    cands = [Candidate(t, None, None, _passage(text), 0, frozenset(s.kind for s in spans(t))) for t in lines]
    question = "What was the council's precept for 2016/17?"
    kept, _ = fitting(cands, _asked(question, {stem("precept"): 2.0, "2016/17": 1.0}))
    assert [c.text for c in kept] == lines[1:3]


def test_a_consultees_stance_on_an_application_is_its_decision():
    assert [
        s.text for s in spans("The Parish Council objects to this application.") if s.kind == "decision"
    ] == ["objects to this application"]
    assert [s for s in spans("The council supports families in need.") if s.kind == "decision"] == []
    assert (
        expected("What was the parish council's view on planning application 3/18/0972/FUL?").kind
        == "decision"
    )
    assert (
        expected("What stance did the parish council take in May 2018 on the application?").kind == "decision"
    )
    assert expected("What is the government's position on lowering the thresholds?").kind == "description"


def test_a_date_is_as_precise_as_the_question_asks():
    from qa.dateasked import as_precise

    assert not as_precise("September 2025", "On what exact date did Cabinet consider the report?")
    assert as_precise("15 September 2025", "On what exact date did Cabinet consider the report?")
    assert not as_precise("in 2023", "In which month of 2023 was the inspection carried out?")
    assert as_precise("May 2023", "In which month of 2023 was the inspection carried out?")
    assert as_precise("2023", "When was the inspection carried out?")
    # a year alone, or a financial year, is no day asked for by 'what date'
    assert not as_precise("2025", "What date did that email bear?")
    assert not as_precise("2019/20", "On what date was the target set?")
    assert as_precise("12 May 2025", "What date did that email bear?")


def test_a_statement_before_the_question_does_not_hide_what_it_asks():
    q = "Councillor Murphy sent apologies to the July 2019 scrutiny meeting. Who sat as vice chair that day?"
    assert expected(q).kind == "person" and asked_post(q) == "chair"


def test_a_vice_chair_asked_is_not_the_chair(fake_embedder):
    text = "PRESENT\n\nCouncillor Mrs Johnson, in the Chair.\nCouncillor McDonald, Vice Chair.\nCouncillor Allen."
    q = "Who sat as vice chair at the meeting?"
    reading = Reader(fake_embedder).read(_retrieval(q, [text], fake_embedder))
    assert reading.candidates and all("Vice Chair" in r.candidate.text for r in reading.candidates)


def test_another_applications_paragraph_does_not_answer(fake_embedder):
    text = (
        "Planning ref: 3/18/0972/FUL Land Opposite 44 Chapel Lane Construction of a new house. The Parish "
        "Council objects to this application.\n\nPlanning ref: 3/18/0725/FUL 288 Hertingfordbury Road "
        "Demolition of dwelling and construction of replacement dwelling. No comment."
    )
    q = "What was the parish council's view on application 3/18/0725/FUL?"
    reading = Reader(fake_embedder).read(_retrieval(q, [text], fake_embedder))
    assert all("objects" not in r.candidate.text for r in reading.candidates)


def test_a_question_headed_column_is_told_by_its_own_words_not_the_tables_topic():
    heading = "What difference will this make for Children in Care and Care Leavers?"
    rows = [
        "What will you do to support The Pledge?: Offer work experience to care leavers",
        f"{heading}: An insight into a career for care leavers",
        "Progress Made: no care leavers have taken up the offer",
    ]
    cell = "An insight into a career for care leavers"
    passage = _passage("\n".join(rows))

    def label_cover(question: str) -> float:
        asked = _asked(question, {s: 1.0 for s in stems_of(question)})
        cand = Candidate(cell, heading, None, passage, 0, frozenset())
        return dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))["label_cover"]

    assert label_cover("Have any care leavers taken up the offer of work experience?") == 0.0
    assert label_cover("What difference will the offer make for care leavers?") > 0.5


@pytest.mark.parametrize(
    ("question", "sentence", "repeats"),
    [
        # its polarity is what a yes or no answer adds to the question's own words
        ("Did the inspection identify any children at risk?", "No children were identified at risk.", 0.0),
        (
            "Did the inspection identify any children at risk?",
            "The inspection identified children at risk.",
            1.0,
        ),
        ("Which children did the inspection identify at risk?", "No children were identified at risk.", 1.0),
    ],
)
def test_a_no_in_the_questions_own_words_answers_a_yes_or_no_question(question, sentence, repeats):
    weights = {s: 1.0 for s in stems_of(question)}
    assert _row(question, sentence, weights=weights)["repeats_question"] == repeats


def test_a_cell_holds_its_rows_key_only_under_a_column_the_question_names_beyond_its_date():
    text = "Short Term Placement Stability\n2017/18 Actual: 12.0% (LAIT)\n2019/20 Local Target: 10.8%"
    passage = _passage(text)

    def idf(question: str, label: str, cell: str) -> float:
        asked = _asked(question, {s: 1.0 for s in stems_of(question)})
        cand = Candidate(cell, label, None, passage, 0, frozenset())
        return dict(zip(NAMES, features(cand, asked, 0.5, 0.5), strict=True))["idf_cover"]

    # 'actual' names the column: the cell is read with its row's name
    assert (
        idf("What was the 2017/18 actual short term placement stability?", "2017/18 Actual", "12.0% (LAIT)")
        > 0.5
    )
    # the question's year alone does not name the target column
    question = "What was short term placement stability in quarter one of 2019/20?"
    assert idf(question, "2019/20 Local Target", "10.8%") < 0.5


def test_a_bullets_run_in_heading_is_read_with_what_it_heads(fake_embedder):
    question = "Which areas did the inspection pick out as strong practice?"
    text = (
        "We are making good progress; The inspection confirmed that services require improvement.\n\n"
        "- Some strong practice identified; Participation with young people and the Academy programme.\n"
        "- No children were identified as being at risk of harm."
    )
    retrieval = _retrieval(question, [text], fake_embedder)
    found = {
        c.text: c.lead for c in candidates(retrieval, _asked(question, retrieval.weights)) if c.span is None
    }
    assert (
        found["Participation with young people and the Academy programme."]
        == "Some strong practice identified"
    )
    # a sentence ending in a semicolon outside a bullet heads nothing; a bullet's own sentence has no run-in
    assert found["The inspection confirmed that services require improvement."] == ""
    assert found["No children were identified as being at risk of harm."] == ""


def test_a_body_named_in_a_sentence_tied_to_nothing_asked_answers_no_which_body_question(fake_embedder):
    vote = "VOTING IN FAVOUR: Mayor Farbridge, Councillors Bell, Burcher and Dennis (4)"
    question = "Which audit firm did the council appoint as its external auditor?"
    assert Reader(fake_embedder).read(_retrieval(question, [vote], fake_embedder)).candidates == ()
    # a sentence saying what is asked of the body answers
    named = "The council appointed KPMG LLP as its external auditor for 2014 to 2018."
    reading = Reader(fake_embedder).read(_retrieval(question, [named], fake_embedder))
    assert reading.candidates and "KPMG" in reading.candidates[0].candidate.shown


def test_a_rag_colour_told_in_prose_is_a_status():
    def statuses(text: str) -> list[str]:
        return [s.text for s in spans(text) if s.kind == "status"]

    assert statuses("(j) Failure to Reduce Health Inequalities - this was an amber risk on the Register") == [
        "amber"
    ]
    assert statuses("The action was rated red in June.") == ["red"]
    assert statuses("The green spaces near the Red Lion were tidied.") == []  # a colour, a name


def test_a_figure_joined_to_its_unit_before_a_noun_is_a_length_not_the_figure_asked():
    def _candidate(text: str) -> Candidate:
        return Candidate(text, None, None, _passage(text), 0, frozenset(s.kind for s in spans(text)))

    plan = "A Three-Year Strategic Plan to develop good practice for all children in Plymouth."
    target = "What CAMHS waiting time target does the plan set?"
    assert not holds_type(_candidate(plan), _asked(target, {"camh": 1.0}))
    assert holds_type(_candidate(plan), _asked("How long does the plan run for?", {"plan": 1.0}))
    assert holds_type(_candidate("The target is 18 weeks from referral."), _asked(target, {"camh": 1.0}))
