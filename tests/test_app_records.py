"""The page's Decisions and Timeline views under Streamlit's AppTest, on minutes and trackers made here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

from test_app import elements, live_specials, make_store, markdown_strings, page, unescape  # noqa: E402
from test_records_store import MARCH  # noqa: E402

from index.recordquery import Statement  # noqa: E402
from qa.recordrows import RecordChunk, commitment_keys, rows_csv, spanning, statement_citation  # noqa: E402

APRIL_LINES = [
    "MINUTES OF THE PLANNING COMMITTEE HELD AT THE TOWN HALL ON 10 APRIL 2018 AT 7.00 PM",
    "Present: Cllr Ann Brown (Chair), Cllr Tom Green",
    "1. Minutes",
    "The minutes of the meeting held on 13 March 2018 were confirmed as a correct record.",
    "2. Parking",
    "Moved by Cllr Green, seconded by Cllr Brown, that charges be reviewed now.",
    "For: 5 Against: 2 Abstain: 1. Carried.",
]


def tracker(month: str, rows: str) -> str:
    return f"CORPORATE PLEDGES UPDATE, {month} 2020\n\nPledge\tPortfolio Holder\tStatus\n{rows}"


ROW48 = "Pledge 48 - We will support care leavers.\tJo Laing\t{}: work placements.\n"
ROW47 = "Pledge 47 - We will promote fostering.\tJo Laing\tCompleted: a campaign.\n"


def make_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF with a line of text per string (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=A4)
    y = 780
    for line in lines:
        sheet.drawString(50, y, line)
        y -= 22
    sheet.save()
    return path


@pytest.fixture(scope="module")
def records_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """March minutes (text) confirmed by April's (PDF), and three pledge trackers, one leaving 48 out."""
    folder = tmp_path_factory.mktemp("records")
    papers = folder / "papers"
    papers.mkdir()
    (papers / "march.txt").write_text(MARCH, encoding="utf-8")
    make_pdf(papers / "april.pdf", APRIL_LINES)
    for month, rows in (
        ("january", ROW48.format("In Progress") + ROW47),
        ("march_pledges", ROW47),
        ("may", ROW48.format("Complete") + ROW47),
    ):
        name = month.split("_")[0].upper()
        (papers / f"{month}.txt").write_text(tracker(name, rows), encoding="utf-8")
    return make_store(folder / "store", papers)


def view(store: str, name: str) -> AppTest:
    at = page(store).run()
    at.radio(key="view").set_value(name).run()
    assert not at.exception, at.exception
    return at


def table(at: AppTest) -> list[dict]:
    return at.dataframe[0].value.to_dict("records")


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The files the page hands the browser (downloads, images) by file id, as the runs store them."""
    kept: dict[str, bytes] = {}
    store = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):
        file_id = store(self, path_or_data, mimetype, kind, filename)
        kept[file_id] = self._files_by_id[file_id].content
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return kept


def download(at: AppTest, media: dict[str, bytes], key: str) -> str:
    """What the download button `key` hands the browser."""
    button = next(b for b in at.get("download_button") if b.key == key)
    return media[Path(button.proto.url).stem].decode("utf-8")


def test_the_decisions_table_shows_mover_seconder_votes_and_outcome(records_store: str) -> None:
    at = view(records_store, "Decisions")
    rows = table(at)
    closure = next(r for r in rows if r["Mover"] == "Cllr Patel")
    assert (closure["Seconder"], closure["Outcome"], closure["Date"]) == (
        "Cllr Brown",
        "carried",
        "2018-03-13",
    )
    assert closure["Minutes"] == "confirmed"  # the April minutes confirm March's
    assert closure["Item"].startswith("1") and "library close" in closure["Motion"]
    parking = next(r for r in rows if "charges be reviewed" in r["Motion"])
    assert (parking["Date"], parking["Mover"], parking["Seconder"], parking["Votes"]) == (
        "2018-04-10",
        "Cllr Green",
        "Cllr Brown",
        "5–2, 1 abstaining",
    )
    assert parking["Page"] == 1 and parking["Paper"]
    assert [r["#"] for r in rows] == list(range(1, len(rows) + 1))
    assert [r["Outcome"] for r in rows if r["Date"] == "2018-03-13"] == ["lost", "carried", "deferred"]


CROSSING = (
    "that the parish council ask the highway authority to install a pedestrian crossing on the High "
    "Street near the primary school, with flashing beacons, before the start of the autumn term"
)


def parish_minutes(council: str) -> str:
    return (
        f"{council.upper()} PARISH COUNCIL\n\nMINUTES OF THE PARISH COUNCIL MEETING HELD ON 2 MAY 2023 AT "
        "7.30 PM\n\nPresent: Cllr Ann Brown (Chair), Cllr Raj Patel\n\n4. Road safety\n\n"
        f"Moved by Cllr Patel, seconded by Cllr Brown, {CROSSING}.\n\nCARRIED\n"
    )


def test_the_decisions_table_names_each_council_and_reads_in_order(tmp_path: Path) -> None:
    """Two parish councils' minutes: each row says whose council it is, the meeting and a short motion
    come before who moved it, and the whole motion is in the decision opened below."""
    (tmp_path / "papers").mkdir()
    for council in ("Ashwell", "Barley"):
        (tmp_path / "papers" / f"{council.lower()}.txt").write_text(parish_minutes(council), encoding="utf-8")
    at = view(make_store(tmp_path / "store", tmp_path / "papers"), "Decisions")
    (frame,) = at.dataframe
    order = list(frame.proto.column_order)
    assert order[:5] == ["#", "Date", "Council — Body", "Item", "Motion"]
    assert {"Outcome", "Mover", "Seconder", "Paper"} <= set(order)
    widths = json.loads(frame.proto.columns)
    assert all(widths[name]["width"] >= 150 for name in ("Council — Body", "Item", "Motion", "Paper"))
    rows = table(at)
    assert [r["Council — Body"] for r in rows] == ["Ashwell Parish Council", "Barley Parish Council"]
    motion = rows[0]["Motion"]
    assert motion.endswith("…") and len(motion) < len(CROSSING) and CROSSING.startswith(motion[:-1])
    at.selectbox(key="dec_open").set_value(0).run()
    facts = unescape("\n".join(m.value for m in at.main.markdown))
    assert f"Motion:** motion: {CROSSING}" in facts and "Meeting:** Ashwell Parish Council — item 4" in facts


def test_outcome_mover_and_sidebar_filters_narrow_the_decisions(records_store: str) -> None:
    at = view(records_store, "Decisions")
    at.selectbox(key="dec_outcome").set_value("lost").run()
    assert [(r["Mover"], r["Kind"]) for r in table(at)] == [("Cllr Green", "amendment")]
    at.selectbox(key="dec_outcome").set_value("Any")
    at.text_input(key="dec_mover").set_value("patel").run()
    assert [r["Mover"] for r in table(at)] == ["Cllr Patel"]
    at.text_input(key="dec_mover").set_value("")
    at.date_input(key="date_from").set_value(dt.date(2018, 4, 1)).run()
    assert {r["Date"] for r in table(at)} == {"2018-04-10"}
    assert any("charges be reviewed" in r["Motion"] for r in table(at))
    at.text_input(key="dec_mover").set_value("nobody at all").run()
    assert not at.dataframe and "No decisions recorded" in at.info[0].value


def test_the_downloads_carry_source_page_and_the_verbatim_passage(records_store: str, media) -> None:
    at = view(records_store, "Decisions")
    rows = list(csv.DictReader(io.StringIO(download(at, media, "dec-csv"))))
    assert len(rows) == len(table(at)) and all(r["passage"] and r["source"] for r in rows)
    closure = next(r for r in rows if r["mover"] == "Cllr Patel")
    assert "seconded by Cllr Brown" in closure["passage"] and closure["source"].endswith("march.txt")
    records = json.loads(download(at, media, "dec-json"))
    parking = next(r for r in records if "charges be reviewed" in r["passage"])
    assert (
        parking["page"] == 1 and parking["source"].endswith("april.pdf") and parking["date"] == "2018-04-10"
    )


def yellow(picture: bytes) -> int:
    """Pixels of the page view's highlight colour in an image."""
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(picture)).convert("RGB"), dtype=np.int16)
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return int(((r > 240) & (g > 180) & (g < 245) & (b < 200)).sum())


def test_a_decision_opens_at_its_passage_and_page(records_store: str, media) -> None:
    at = view(records_store, "Decisions")
    options = at.selectbox(key="dec_open").options
    number = next(i for i, label in enumerate(options) if "charges be reviewed" in label)
    at.selectbox(key="dec_open").set_value(number).run()
    assert not at.exception, at.exception
    facts = unescape("\n".join(m.value for m in at.main.markdown))
    assert "Moved:** Cllr Green" in facts and "Seconded:** Cllr Brown" in facts and "p. 1" in facts
    assert any(
        "Moved by Cllr Green, seconded by Cllr Brown, that charges be reviewed now." in t.value
        for t in at.text
    )  # verbatim
    (expander,) = at.expander
    assert expander.label == "Open the paper at p\\. 1"
    (image,) = expander.get("image")
    assert image.proto.imgs[0].caption == "PDF page 1, cited passage highlighted"
    assert yellow(media[Path(image.proto.imgs[0].url).stem]) > 500  # the passage highlighted on its page
    assert any(b.proto.label == "Download the original" for b in expander.download_button)


def test_the_timeline_marks_a_change_and_the_paper_that_leaves_it_out(records_store: str) -> None:
    at = view(records_store, "Timeline")
    assert {"Pledge 47", "Pledge 48"} <= set(at.selectbox(key="track_key").options)
    at.selectbox(key="track_key").set_value("Pledge 48").run()
    assert not at.exception, at.exception
    shown = unescape("\n".join(markdown_strings(at)))
    assert "Status:** In Progress since January 2020 → Complete May 2020" in shown
    assert "The status changed." in [w.value for w in at.warning]
    may, gap, january = (
        shown.index("May 2020** — Complete"),
        shown.index(
            "Gap: Corporate Pledges Update, March 2020 states other Pledges but not Pledge 48"
            " — file march_pledges.txt"
        ),
        shown.index("January 2020** — In Progress"),
    )
    assert may < gap < january  # newest first, the gap in its place
    assert "Status changed] In Progress → Complete" in shown
    papers = [unescape(c.value) for c in at.caption if "file " in c.value]
    assert papers == [  # each statement's paper by its title and date; the file name only after it
        "Corporate Pledges Update, May 2020 · file may.txt",
        "Corporate Pledges Update, January 2020 · file january.txt",
    ]
    assert len(at.expander) == 2 and all(e.label == "Open the paper at the passage" for e in at.expander)
    assert "▶ " in at.expander[0].text[0].value  # the statement's lines marked in their paper


def test_the_timeline_says_when_the_status_did_not_change(records_store: str) -> None:
    at = view(records_store, "Timeline")
    at.selectbox(key="track_key").set_value("Pledge 47").run()
    assert [s.value for s in at.success] == ["The status did not change across 3 papers."]
    assert not at.warning and "Status changed]" not in "\n".join(markdown_strings(at))
    dates = [
        unescape(m.value).split("**")[1] for m in at.markdown if m.value.startswith("**") and "—" in m.value
    ]
    assert dates == ["May 2020", "March 2020", "January 2020"]


def test_the_chat_still_answers_after_the_other_views(records_store: str) -> None:
    at = view(records_store, "Timeline")
    at.radio(key="view").set_value("Ask").run()
    at.chat_input[0].set_value("Who seconded the motion on the library closure?").run()
    assert not at.exception, at.exception
    assert len(at.chat_message) == 2 and "Cllr Brown" in at.chat_message[1].markdown[0].value


HOSTILE = """MINUTES OF THE HARBOUR COMMITTEE HELD ON 3 MARCH 2021

1. Harbour <script>alert(1)</script>

Moved by Cllr [x](javascript:alert(1)) Smith, seconded by Cllr Jones that ![](http://example.invalid/t.png) **walls** <img src=x onerror=alert(2)> be repaired.

CARRIED
"""


def test_document_text_in_the_record_views_is_never_live(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "papers" / "pledges.txt").write_text(
        tracker(
            "MAY",
            "Pledge 9 - <script>alert(3)</script> **bold**\tJo [y](javascript:x)\tDone: ![](http://e.invalid/p.png)\n",
        ),
        encoding="utf-8",
    )
    store = make_store(tmp_path / "store", tmp_path / "papers")
    at = view(store, "Decisions")
    at.selectbox(key="dec_open").set_value(0).run()
    timeline = view(store, "Timeline")
    timeline.selectbox(key="track_key").set_value("Pledge 9").run()
    for shown in (at, timeline):
        for s in markdown_strings(shown):
            assert live_specials(s.replace("**", "").replace(":orange-badge[Status changed]", "")) == [], s
        for node in [*elements(shown.main), *elements(shown.sidebar)]:
            assert not getattr(node.proto, "allow_html", False) and node.type != "html"
    assert any("Cllr [x](javascript:alert(1)) Smith" in t.value for t in at.text)  # shown as written
    shown = " ".join(t.value for t in timeline.text)
    assert "![](http://e.invalid/p.png)" in shown and "Jo [y](javascript:x)" in shown


def statement(key: str, page: int | None = 3) -> Statement:
    return Statement(key, "t", None, "", (), dt.date(2020, 1, 1), "day", None, "s.pdf", None, page, "p")


def test_commitments_sort_by_number_and_a_record_spans_its_chunks_pages() -> None:
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE chunks (id INTEGER PRIMARY KEY, restricted INTEGER)")
    db.execute("CREATE TABLE commitments (key TEXT, chunk_id INTEGER)")
    db.executemany("INSERT INTO chunks VALUES (?, ?)", [(1, 0), (2, 1)])
    rows = [("Pledge 10", 1), ("pledge 9", 1), ("Priority 2", 1), ("Pledge 100", 2), ("Pledge 9", 1)]
    db.executemany("INSERT INTO commitments VALUES (?, ?)", rows)
    keys = [key.casefold() for key in commitment_keys(db)]
    assert keys == ["pledge 9", "pledge 10", "priority 2"]  # restricted hidden, each key once
    assert "Pledge 100" in commitment_keys(db, restricted=True)

    cited = statement_citation(statement("Pledge 9"))
    assert spanning(cited, RecordChunk("x", 3, 4)).pages_text == "pp. 3–4"
    assert spanning(cited, RecordChunk("x", 3, 3)) == cited and spanning(cited, None) == cited
    undated = statement_citation(statement("Pledge 9", page=None))
    assert spanning(undated, RecordChunk("x", 3, 4)).page_end is None  # no page: none is made up
    assert rows_csv([]) == ""
