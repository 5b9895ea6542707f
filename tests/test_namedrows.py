"""Table rows of the thing a question names, across the chunks a table is cut into."""

from __future__ import annotations

from index.passage import Passage
from qa.candidate import Candidate
from qa.namedrows import a_row, named_rows

CARETAKER = "Date Details: 08-Apr Parish Caretaker; Cheque Number: 101295; Amount £: 299.50"
HALL = "Date Details: 02-Apr West Burton Village Hall; Cheque Number: 101294; Amount £: 25.00"
ICO = "Date Details: 12-Mar ICO fee; Cheque Number: Online; Amount £: 52.00"
PAYE = "Date Details: 01-Jul PAYE; Cheque Number: Online; Amount £: 219.40; PAYE: 219.40"
TOTALS = "Date Details: Totals; Amount £: 10,583.06; PAYE: 822.20"


def _rows(*texts: str) -> list[Candidate]:
    found = []
    for cid, text in enumerate(texts, 1):  # each row from a chunk of its own
        passage = Passage(cid, text, None, 1, 1, "s.pdf", "Cash Sheet", None, None, None, "day", "report")
        found.append(Candidate(text, None, None, passage, cid - 1, frozenset()))
    return found


def _kept(question: str, *texts: str) -> list[str]:
    return [c.text for c in named_rows(_rows(*texts), question)]


def test_a_row_is_every_cell_labelled() -> None:
    assert a_row(ICO) and not a_row("The ICO fee was paid in March.")


def test_the_row_naming_what_is_asked_is_kept_across_chunks() -> None:
    assert _kept("On what date was the ICO fee paid?", CARETAKER, ICO, HALL) == [ICO]


def test_names_of_the_paper_or_a_column_tell_no_row_apart() -> None:
    # the council's name ('Burton cum Walden PC') is not the hall's 'West Burton', nor 'Parish' the caretaker's
    rows = (CARETAKER, HALL, ICO)
    assert _kept("What did Burton cum Walden PC pay in April?", *rows) == list(rows)
    assert _kept("What did Burton-cum-Walden Parish Council pay in April?", *rows) == list(rows)
    # 'PAYE' labels a column (and the totals row's cell): the column is asked of, not a row
    assert _kept("How much PAYE was paid?", PAYE, TOTALS, CARETAKER) == [PAYE, TOTALS, CARETAKER]
    # a total asked is the totals row's, which names no item
    assert _kept("What is the total of the ICO fee column?", ICO, TOTALS) == [ICO, TOTALS]


def test_sentences_are_kept_and_one_row_is_left_alone() -> None:
    found = _rows(CARETAKER, "The ICO fee is paid online each March.")
    assert named_rows(found, "When was the ICO fee paid?") == found


def test_the_rows_holding_most_of_the_names_asked_are_kept() -> None:
    equity = "Boards: Citizen Equity Committee; Vacancy: 1 member to act as Chairperson; Appointed: Councillor Orlikow"
    property_ = "Boards: SPC on Property; Vacancy: Chairperson; Appointed: Councillor Browaty"
    q = "Which councillor was appointed to act as Chairperson of the Citizen Equity Committee?"
    assert _kept(q, property_, equity) == [equity]
    # a name inside another ('Speaker' in 'Deputy Speaker') counts once: both posts asked, both rows kept
    speaker = "Position: Speaker; Appointed: Councillor Sharma"
    deputy = "Position: Deputy Speaker; Appointed: Councillor Steen"
    other = "Position: Acting Deputy Mayor; Appointed: Councillor Nordman"
    assert _kept("Who were appointed Speaker and Deputy Speaker?", speaker, deputy, other) == [
        speaker,
        deputy,
    ]


def test_a_name_only_inside_a_longer_one_tells_no_row_apart() -> None:
    # 'West End' is printed only inside '30 West End': the neighbour in West End is no match of its own
    fisher = "Surname: Fisher; Home Address: 30 West End Strensall; Description: Liberal Democrat"
    doughty = (
        "Surname: Doughty; Home Address: Bramble Hedge House West End Strensall; Description: Conservative"
    )
    assert _kept("Which candidate gave their home address as 30 West End, Strensall?", doughty, fisher) == [
        fisher
    ]


def test_a_day_and_month_is_no_address() -> None:
    rows = (CARETAKER, "Date Details: 10 July 2019 Hall hire; Cheque Number: 101296; Amount £: 40.00")
    # '10 July' is the meeting's day: it tells no row apart, so both stay for the reader to weigh
    assert _kept("What was agreed at the 10 July 2019 meeting?", *rows) == list(rows)


def test_a_cell_of_a_forms_row_is_of_the_thing_another_cell_of_it_names() -> None:
    voucher = (
        "What will you do to support The Pledge?: The Virtual School will send a £10 WH Smiths voucher monthly\n"
        "When will you do this?: September 17 – June 18"
    )
    challenge = (
        "What will you do to support The Pledge?: Following the 100 Day Challenge the Virtual School will reward "
        "children who meet the Challenge criteria\nWhen will you do this?: February 18 – May 18"
    )
    found = []
    for cid, block in enumerate((voucher, challenge), 1):  # each row a chunk of its own
        passage = Passage(cid, block, None, 1, 1, "p.txt", "Pledge", None, None, None, "day", "report")
        label, _, text = block.split("\n")[0].partition(": ")
        found.append(Candidate(text, label, None, passage, cid - 1, frozenset()))
    kept = named_rows(found, "How much does a child receive for meeting the 100 Day Challenge criteria?")
    assert [c.passage.chunk_id for c in kept] == [2]


def test_names_the_question_prints_as_one_run_count_once() -> None:
    roster = "Position: Broker of Record; Name: Katarina Marusic; Email: katarina@housekeys.org"
    services = (
        "Services: Ownership services; Primary tasks: screen households on the Menlo Park BMR waiting list"
    )
    question = "What position does Katarina Marusic hold in the Menlo Park BMR administration report?"
    # 'Menlo Park' and 'Park BMR' are one name, no more telling than the person's
    assert roster in _kept(question, roster, services, CARETAKER)


def test_of_rows_naming_the_thing_the_one_keyed_by_it_is_its_own() -> None:
    speaker = "Position: Speaker; Council Member Appointed: Councillor Sharma"
    board = "Boards and Commissions: City Council Benefits Board; Vacancy: The Speaker; Appointed: Councillor Sharma"
    assert _kept("Who was appointed Speaker at the organizational meeting?", board, speaker, ICO) == [speaker]


def test_the_place_a_question_names_as_an_owner_names_the_paper_not_a_row() -> None:
    request = "Item: Additional budget request; Amount: $14,585.50"
    services = (
        "Services: Ownership services; Primary tasks: screen households on the Menlo Park BMR waiting list"
    )
    question = "What is the additional budget request in Menlo Park's housing budget for fiscal year 2020-21?"
    assert request in _kept(question, request, services, CARETAKER)


def test_a_name_printed_with_a_comma_names_its_row_and_a_bracketed_qualifier_keeps_it_keyed() -> None:
    hello = "Contractor / organization: Hello Housing; Total proposed cost: $193,480"
    house = "Contractor / organization: HouseKeys, Inc; Total proposed cost: $96,250"
    budget = "Item: HouseKeys Inc. (2/1/21-6/30/21); Amount: $47,438"
    other = "Item: Legal services; Amount: $12,000"
    assert _kept("What total annual cost did HouseKeys Inc. propose?", hello, house) == [house]
    # both rows name the firm first, one with its period after it: both are its own
    assert _kept("How much is shown for HouseKeys Inc. for 2021?", house, budget, other) == [house, budget]
