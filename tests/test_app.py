"""The chat page: its pure helpers, and the page itself under Streamlit's AppTest with a fake model."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
sys.path.insert(0, str(TESTS))

from conftest import SAMPLES, FakeEmbedder  # noqa: E402

from index.filters import Filters  # noqa: E402
from index.settings import Settings  # noqa: E402
from qa.answer import Citation  # noqa: E402
from qa.citations import CitedPassage  # noqa: E402
from qa.engine import CouncilQA  # noqa: E402
from qa.pageargs import build_filters, parse_args  # noqa: E402
from qa.pagetext import citation_label, escape_markdown, first_line, linked_answer  # noqa: E402
from qa.users import add_user  # noqa: E402

HOSTILE = "<script>alert(1)</script>"
SMALL = re.compile(r"^:small\[(.*)\]$", re.S)  # the page's own directive around citation labels
TIMEOUT = 60
# The page's own Markdown: '[1, 2] ' labels, '**Dates:**' and the [n] links it makes itself.
PAGE_MARKUP = re.compile(r"^\[[\d, ]+\] |\*\*[A-Z][a-z ]+:\*\*|\[\\\[\d+\\\]\]\(#cite-\d+-\d+\)")


# --- helpers under test -------------------------------------------------------------------------


def unescape(text: str) -> str:
    """What Markdown shows for backslash-escaped text."""
    return re.sub(r"\\(.)", r"\1", text, flags=re.S)


def live_specials(text: str, specials: str = "<>&*[]()#`_!") -> list[str]:
    """Markdown or HTML characters in text that no backslash escapes."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in specials:
            found.append(text[i])
        i += 1
    return found


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>", r"\<script\>"),
        ("**bold**", r"\*\*bold\*\*"),
        ("[link](x)", r"\[link\]\(x\)"),
        ("![](http://x/y.png)", r"\!\[\]\(http\:\/\/x\/y\.png\)".replace(r"\/", "/")),
        ("# heading", r"\# heading"),
        ("Tom & Jerry", r"Tom \& Jerry"),
        ("plain words", "plain words"),
    ],
)
def test_escape_markdown_neutralises_markup(raw: str, escaped: str) -> None:
    assert escape_markdown(raw) == escaped


@given(st.text())
def test_escape_markdown_shows_the_text_and_leaves_nothing_live(text: str) -> None:
    escaped = escape_markdown(text)
    assert unescape(escaped) == text
    assert live_specials(escaped) == []


def citation(**changes: object) -> Citation:
    fields: dict[str, object] = {
        "n": 1,
        "source": "papers/minutes_2020.pdf",
        "title": "Cabinet minutes",
        "date": dt.date(2020, 2, 1),
        "date_precision": "month",
        "page": 4,
        "page_end": 4,
        "heading": "Item 3",
        "text": "Text.",
        "score": 1.574,
    }
    return Citation(**{**fields, **changes})


def cited(c: Citation, numbers=(1,), body: str | None = "Cabinet", strength="strong match") -> CitedPassage:
    return CitedPassage(numbers, c, body, strength)


def test_citation_label_names_title_body_date_printed_page_and_ocr() -> None:
    label = citation_label(cited(citation()))
    assert label == r"[1] Cabinet minutes — Cabinet — February 2020 — p\. 4 — “Text\.” · strong match"
    printed = citation_label(cited(citation(label="41", page=43, page_end=43, ocr=True), (1, 3)))
    assert (
        unescape(printed)
        == "[1, 3] Cabinet minutes — Cabinet — February 2020 — p. 41 (PDF p. 43) — read by OCR — “Text.” · strong match"
    )
    untitled = unescape(
        citation_label(cited(citation(title=None, page=None, page_end=None, date=None), body=None))
    )
    assert untitled == "[1] minutes_2020.pdf — an undated paper — “Text.” · strong match"
    assert "1.574" not in label and "core" not in label  # no raw score
    hostile = citation_label(cited(citation(title=f"**{HOSTILE}**\n# x"), body=HOSTILE))
    assert hostile.startswith("[1] ") and live_specials(hostile[4:]) == [] and "\n" not in hostile


def test_answer_markers_link_to_their_citation_and_nothing_else_is_live() -> None:
    text = f"Done {HOSTILE} [1]. Also [2] and [9] (x)."
    linked = linked_answer(text, 3, {1: 1, 2: 1})
    assert "[\\[1\\]](#cite-3-1)" in linked and "[\\[2\\]](#cite-3-1)" in linked  # merged: one anchor
    assert "\\[9\\]" in linked and "#cite-3-9" not in linked  # no such citation: left as text
    assert live_specials(PAGE_MARKUP.sub("", linked)) == []


def test_parse_args_reads_the_store_after_the_double_dash() -> None:
    assert parse_args(["--", "--store", "/tmp/s"]).store == "/tmp/s"
    assert parse_args(["--", "--store", "/tmp/s", "--model", "/m"]).model == "/m"
    assert parse_args(["--", "--store", "/tmp/s"]).model is None
    assert parse_args(["--store", "/tmp/s", "--other"]).store == "/tmp/s"
    assert parse_args(["tests/test_app.py", "-q", "--st"]).store is None
    assert parse_args([]).store is None
    assert parse_args([]).access == "public"
    assert parse_args(["--", "--access", "restricted"]).access == "restricted"


def test_build_filters_treats_any_and_blanks_as_no_filter() -> None:
    assert not build_filters(None, None, "Any", "Any", "Any")
    day = dt.date(2020, 1, 1)
    assert build_filters(day, None, "Derby City Council", " Cabinet ", "minutes") == Filters(
        day, None, "Derby City Council", "Cabinet", "minutes"
    )
    assert build_filters(None, None, "Any", "Any", "Any", restricted=True).restricted


def test_an_unexpected_error_is_one_line() -> None:
    line = first_line(RuntimeError("key 53 not found\nTraceback (most recent call last):\n  File x"))
    assert line == "Something went wrong: key 53 not found"
    assert first_line(KeyError()) == "Something went wrong: KeyError"


# --- the page -----------------------------------------------------------------------------------


def fake_page(store: str, tests: str, extra: tuple[str, ...] = (), taint: str = "") -> None:
    """The real page, with an engine on the fake embedder that records every ask (the script AppTest
    runs); `taint` is appended to every answer, title and passage (the store's cleaner strips tags,
    so markup that a reader let through is put there this way)."""
    import sys
    from dataclasses import replace
    from pathlib import Path

    import streamlit as st

    sys.path.insert(0, tests)
    from conftest import FakeEmbedder

    import app
    from index.settings import Settings
    from qa.engine import CouncilQA

    class Recording:
        def __init__(self, engine: CouncilQA) -> None:
            self.engine = engine

        def __getattr__(self, name: str):
            return getattr(self.engine, name)

        def ask(self, question, filters=None, top_k=None, history=()):
            st.session_state.setdefault("asked", []).append((question, filters, top_k, list(history)))
            answer = self.engine.ask(question, filters, top_k, history)
            if not taint:
                return answer
            cited = [
                replace(c, title=f"{c.title} {taint}", text=f"{c.text}\n{taint}") for c in answer.citations
            ]
            return replace(answer, text=f"{answer.text} {taint}", citations=tuple(cited))

    @st.cache_resource
    def fake_engine(store: str, model: str | None) -> CouncilQA:
        return CouncilQA(Settings(store=Path(store)), embedder=FakeEmbedder())

    app.main(
        load=lambda store, model: Recording(fake_engine(store, model)), argv=["--", "--store", store, *extra]
    )


def make_store(folder: Path, papers: Path | list[Path], access: str | None = None) -> str:
    engine = CouncilQA(Settings(store=folder), embedder=FakeEmbedder())
    engine.ingest(papers if isinstance(papers, list) else [papers], progress=False, access=access)
    engine.close()
    return str(folder)


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_store(tmp_path_factory.mktemp("app") / "store", SAMPLES)


def page(store: str, *extra: str, taint: str = "") -> AppTest:
    return AppTest.from_function(fake_page, args=(store, str(TESTS), extra, taint), default_timeout=TIMEOUT)


def elements(block):
    for child in block.children.values():
        yield child
        if hasattr(child, "children"):
            yield from elements(child)


def markdown_strings(at: AppTest) -> list[str]:
    """Everything the page hands to Streamlit's Markdown renderer: bodies and labels."""
    found = []
    for node in [*elements(at.main), *elements(at.sidebar)]:
        if node.type in {"markdown", "caption", "info", "warning", "error", "success", "title", "subheader"}:
            found.append(SMALL.sub(r"\1", node.proto.body))
        elif node.type in {"expander", "button", "download_button"}:
            found.append(node.proto.label)
    return found


def every_text(at: AppTest) -> str:
    """All the page shows, as one string: bodies, labels and plain text."""
    shown = markdown_strings(at)
    for node in [*elements(at.main), *elements(at.sidebar)]:
        if node.type == "text":
            shown.append(node.value)
    return unescape("\n".join(shown))


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def test_the_page_renders_stats_and_answers_with_readable_citations(sample_store: str) -> None:
    at = page(sample_store).run()
    assert not at.exception
    assert at.title[0].value == "councilqa"
    metrics = {m.label: m.value for m in at.sidebar.metric}
    assert metrics["Documents"] == "5"
    assert "Plymouth City Council" in unescape(" ".join(m.value for m in at.sidebar.markdown))
    assert set(at.selectbox(key="doc_type").options) == {"Any", "report", "agenda", "plan"}  # held only
    assert "Corporate Parenting Committee" in at.selectbox(key="body").options

    ask(at, "What is the status of Pledge 48?")
    user, assistant = at.chat_message
    assert (user.name, assistant.name) == ("user", "assistant")
    assert "#cite-0-" in assistant.markdown[0].value  # [n] markers link to their citation
    labels = [unescape(SMALL.sub(r"\1", h.value)) for h in assistant.subheader]
    assert labels and labels[0].startswith("[1")
    assert all("match" in label or "passage" in label for label in labels) and "Score" not in " ".join(labels)
    assert len(labels) == len({label.split("] ", 1)[1].rsplit(" · ")[0] for label in labels})  # told apart
    context = assistant.expander[0].text[0].value
    assert "▶ " in context and "Pledge 48" in context  # the passage among its neighbours, marked
    assert any(b.proto.label == "Download the original" for b in assistant.expander[0].download_button)
    assert unescape(assistant.caption[-1].value).startswith("Searched all 5 papers (2016–2024)")

    ask(at, "What is the status of Pledge 999?")
    assert len(at.chat_message) == 4  # the first exchange stays in the history
    assert "do not mention Pledge 999" in unescape(at.chat_message[3].info[0].value)


def test_a_filter_that_hides_the_answer_says_so(sample_store: str) -> None:
    at = page(sample_store).run()
    at.selectbox(key="council").set_value("Derby City Council")
    ask(at, "What is the status of Pledge 48?")
    reply = at.chat_message[1]
    assert reply.info  # not found within the filters
    assert unescape(reply.warning[0].value) == (
        "Pledge 48 appears in 2 papers outside the filters: Plymouth City Council, 2019–2020."
    )
    searched = unescape(" ".join(c.value for c in reply.caption))
    assert "Searched 2 of 5 papers" in searched and "council: Derby City Council" in searched
    assert "3 papers left out" in searched


def test_an_empty_store_says_how_to_add_papers(tmp_path: Path) -> None:
    at = page(str(tmp_path / "empty")).run()
    assert not at.exception
    assert {m.label: m.value for m in at.sidebar.metric}["Documents"] == "0"
    assert "councilqa ingest PATH" in at.warning[0].value and "Add papers" in at.warning[0].value
    assert at.chat_input[0].proto.disabled
    assert not [b for b in at.button if b.key and b.key.startswith("example-")]


def test_the_empty_conversation_offers_questions_from_the_store(sample_store: str) -> None:
    at = page(sample_store).run()
    assert "does not search the web" in unescape(at.markdown[0].value)
    examples = [b for b in at.button if b.key and b.key.startswith("example-")]
    questions = [unescape(b.label) for b in examples]
    assert "What is the status of Pledge 41?" in questions
    assert "What did the Corporate Parenting Committee decide?" in questions
    examples[0].click().run()
    assert not at.exception
    assert at.session_state["asked"][0][0] == questions[0]
    assert len(at.chat_message) == 2


def test_a_follow_up_is_read_against_the_conversation_and_says_so(sample_store: str) -> None:
    at = page(sample_store).run()
    ask(at, "What is the status of Pledge 48?")
    assert not any("Read as" in c.value for c in at.chat_message[1].caption)
    ask(at, "Who is the portfolio holder for it?")
    follow_up = at.chat_message[3]
    read_as = [unescape(c.value) for c in follow_up.caption if c.value.startswith("Read as")]
    assert read_as == ["Read as: Who is the portfolio holder for Pledge 48?"]
    assert "Pledge 48" in follow_up.expander[0].text[0].value  # answered from Pledge 48's passage
    question, _, _, turns = at.session_state["asked"][-1]
    assert question == "Who is the portfolio holder for it?"
    assert [t.question for t in turns] == ["What is the status of Pledge 48?"]


def test_sidebar_filters_are_passed_to_ask(sample_store: str) -> None:
    at = page(sample_store).run()
    at.date_input(key="date_from").set_value(dt.date(2019, 1, 1))
    at.selectbox(key="council").set_value("Plymouth City Council")
    at.selectbox(key="doc_type").set_value("report")
    at.slider(key="top_k").set_value(3)
    ask(at, "Which pledges?")
    question, filters, top_k, _ = at.session_state["asked"][0]
    assert question == "Which pledges?" and top_k == 3
    assert filters == Filters(dt.date(2019, 1, 1), None, "Plymouth City Council", None, "report")


HOSTILE_PAPER = """Hostile <script>alert('xss')</script> Committee <img src=x onerror=alert(1)>

Minutes of the meeting, 3 March 2021

Pledge 77 - the riverside library [x](javascript:alert(1)) reopens in May 2021 <img src=x onerror=alert(1)> ![](http://example.invalid/track.png) <script>alert('xss')</script>.
**bold** # heading | table | `code` $x^2$ :material/home:
"""


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "papers").mkdir()
    (folder / "papers" / "hostile.txt").write_text(HOSTILE_PAPER, encoding="utf-8")
    return make_store(folder / "store", folder / "papers")


TAINT = "<script>alert(2)</script> <img src=x onerror=alert(3)> [y](javascript:alert(4)) ![](http://example.invalid/t.png)"


def test_document_text_never_reaches_markdown_or_html_live(hostile_store: str) -> None:
    at = page(hostile_store, taint=TAINT).run()
    ask(at, "What is the status of Pledge 77?")
    shown = markdown_strings(at)
    for raw in ("<script>", "onerror", "javascript:", "http://example.invalid"):  # shown, but escaped
        assert any(raw in unescape(s) for s in shown), raw
    for s in shown:
        assert live_specials(PAGE_MARKUP.sub("", s)) == [], s
    for node in [*elements(at.main), *elements(at.sidebar)]:
        assert not getattr(node.proto, "allow_html", False)
        assert node.type != "html"
    passages = " ".join(t.value for t in at.text)
    assert "<script>alert(2)</script>" in passages and "[x](javascript:alert(1))" in passages  # literally


def test_feedback_on_an_answer_is_appended_to_the_store(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store", SAMPLES)
    at = page(store).run()
    ask(at, "What is the status of Pledge 48?")
    assert at.radio(key="verdict-0").value is None  # no verdict the reader did not choose
    at.chat_message[1].form[0].form_submit_button[0].click().run()
    assert not (Path(store) / "feedback.jsonl").exists()  # refused: nothing chosen
    assert "Nothing was sent" in at.chat_message[1].warning[-1].value
    at.radio(key="verdict-0").set_value("wrong")
    at.text_input(key="note-0").set_value("it is Pledge 49's status")
    at.chat_message[1].form[0].form_submit_button[0].click().run()
    assert not at.exception
    (record,) = [json.loads(line) for line in (Path(store) / "feedback.jsonl").read_text().splitlines()]
    assert record["verdict"] == "wrong" and record["note"] == "it is Pledge 49's status"
    assert record["question"] == "What is the status of Pledge 48?" and record["citations"]


@pytest.mark.parametrize("verdict", [None, "", "Correct", "maybe"])
def test_feedback_refuses_a_verdict_the_reader_did_not_choose(verdict) -> None:
    from qa.answer import Answer
    from qa.feedback import Feedback, FeedbackError

    answer = Answer("What is the status of Pledge 48?", "In Progress [1].", "answered", (citation(),))
    with pytest.raises(FeedbackError, match="verdict"):
        Feedback.of(answer, verdict)
    assert Feedback.of(answer, "missing source").verdict == "missing source"


def test_the_page_offers_the_conversation_and_each_answer_for_download(sample_store: str) -> None:
    at = page(sample_store).run()
    ask(at, "What is the status of Pledge 48?")
    sidebar = {b.proto.label for b in at.sidebar.download_button}
    assert {"Markdown", "CSV"} <= sidebar
    answer = {b.proto.label for b in at.chat_message[1].download_button}
    assert {"Answer as Markdown", "Answer as CSV"} <= answer


RESTRICTED_PAPER = """NOT FOR PUBLICATION

Exempt report to Cabinet, 4 May 2021

Pledge 91 - the sale of the Harbour Depot to Quayside Holdings for 4.2 million pounds is agreed.
"""


@pytest.fixture(scope="module")
def restricted_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("restricted")
    (folder / "papers").mkdir()
    (folder / "papers" / "exempt.txt").write_text(RESTRICTED_PAPER, encoding="utf-8")
    (folder / "papers" / "public.txt").write_text(HOSTILE_PAPER.split("<script>")[0], encoding="utf-8")
    store = make_store(folder / "store", folder / "papers")
    add_user(Path(store), "alice", "correct horse")
    return store


SECRET = "Quayside"


def test_restricted_text_is_never_shown_without_the_setting_and_a_login(restricted_store: str) -> None:
    plain = ask(page(restricted_store).run(), "Who is buying the Harbour Depot in Pledge 91?")
    assert SECRET not in every_text(plain) and not plain.sidebar.form  # no login form at all
    assert {m.label: m.value for m in plain.sidebar.metric}["Documents"] == "1"

    served = page(restricted_store, "--access", "restricted").run()
    assert served.sidebar.form  # the login form, only in this mode
    ask(served, "Who is buying the Harbour Depot in Pledge 91?")
    assert SECRET not in every_text(served)
    served.text_input(key="login_name").set_value("alice")
    served.text_input(key="login_password").set_value("wrong horse")
    served.sidebar.form[0].form_submit_button[0].click().run()
    assert "Wrong name or password." in [e.value for e in served.sidebar.error]
    assert SECRET not in every_text(served)


def test_a_logged_in_user_reads_restricted_papers(restricted_store: str) -> None:
    at = page(restricted_store, "--access", "restricted").run()
    at.text_input(key="login_name").set_value("alice")
    at.text_input(key="login_password").set_value("correct horse")
    at.sidebar.form[0].form_submit_button[0].click().run()
    assert not at.exception
    assert {m.label: m.value for m in at.sidebar.metric}["Documents"] == "2"
    ask(at, "Who is buying the Harbour Depot in Pledge 91?")
    assert SECRET in every_text(at)
    assert at.session_state["asked"][0][1].restricted
    at.button(key="logout").click().run()
    assert SECRET not in every_text(at) and at.sidebar.form  # the answers go with the login


def broken_page() -> None:
    """The page over an engine whose ask fails as FAISS does when its file is out of step."""
    import app

    class Broken:
        def __getattr__(self, name):
            raise RuntimeError("key 53 not found\nTraceback (most recent call last):")

    app.main(load=lambda store, model: Broken(), argv=[])


def test_an_unexpected_error_in_the_page_is_one_line_never_a_trace() -> None:
    at = AppTest.from_function(broken_page, default_timeout=TIMEOUT).run()
    assert not at.exception
    (error,) = at.error
    assert error.value == "Something went wrong: key 53 not found"


def test_the_app_file_shows_library_errors_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNCILQA_MODEL", str(tmp_path / "no-model"))
    monkeypatch.setattr(sys, "argv", ["app.py", "--", "--store", str(tmp_path / "store")])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert "no-model" in message and "not a sentence-transformers model folder" in message
    assert "\n" not in message and "Traceback" not in message
