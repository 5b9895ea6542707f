"""The chat page: its pure helpers, and the page itself under Streamlit's AppTest with a fake model."""

from __future__ import annotations

import datetime as dt
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

import app  # noqa: E402
from index.filters import Filters  # noqa: E402
from index.settings import Settings  # noqa: E402
from qa.answer import Citation  # noqa: E402
from qa.engine import CouncilQA  # noqa: E402

HOSTILE = "<script>alert(1)</script>"
TIMEOUT = 30
PAGE_MARKUP = re.compile(r"^\[\d+\] |\*\*[A-Z][a-z ]+:\*\*")  # the page's own: '[1] ', '**Source:**'


# --- helpers under test -------------------------------------------------------------------------


def unescape(text: str) -> str:
    """What Markdown shows for backslash-escaped text."""
    return re.sub(r"\\(.)", r"\1", text, flags=re.S)


def live_specials(text: str, specials: str = "<>&*[]()#`_") -> list[str]:
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
        ("# heading", r"\# heading"),
        ("Tom & Jerry", r"Tom \& Jerry"),
        ("plain words", "plain words"),
    ],
)
def test_escape_markdown_neutralises_markup(raw: str, escaped: str) -> None:
    assert app.escape_markdown(raw) == escaped


@given(st.text())
def test_escape_markdown_shows_the_text_and_leaves_nothing_live(text: str) -> None:
    escaped = app.escape_markdown(text)
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
        "score": 0.5,
    }
    return Citation(**{**fields, **changes})


def test_citation_label_names_title_date_and_pages() -> None:
    assert app.citation_label(citation()) == r"[1] Cabinet minutes — February 2020 — p\. 4"
    assert app.citation_label(citation(n=2, page_end=6)).endswith(r"pp\. 4–6")
    untitled = app.citation_label(citation(title=None, page=None, page_end=None, date=None))
    assert untitled == r"[1] minutes\_2020\.pdf — an undated paper — page not shown"
    hostile = app.citation_label(citation(title=f"**{HOSTILE}**\n# x"))
    assert hostile.startswith("[1] ") and live_specials(hostile[4:]) == [] and "\n" not in hostile


def test_parse_args_reads_the_store_after_the_double_dash() -> None:
    assert app.parse_args(["--", "--store", "/tmp/s"]).store == "/tmp/s"
    assert app.parse_args(["--", "--store", "/tmp/s", "--model", "/m"]).model == "/m"
    assert app.parse_args(["--", "--store", "/tmp/s"]).model is None
    assert app.parse_args(["--store", "/tmp/s", "--other"]).store == "/tmp/s"
    assert app.parse_args(["tests/test_app.py", "-q", "--st"]).store is None
    assert app.parse_args([]).store is None


def test_build_filters_treats_any_and_blanks_as_no_filter() -> None:
    assert not app.build_filters(None, None, "Any", "  ", "Any")
    day = dt.date(2020, 1, 1)
    assert app.build_filters(day, None, "Derby City Council", " Cabinet ", "minutes") == Filters(
        day, None, "Derby City Council", "Cabinet", "minutes"
    )


# --- the page -----------------------------------------------------------------------------------


def fake_page(store: str, tests: str) -> None:
    """The real page, with an engine on the fake embedder (the script AppTest runs)."""
    import sys
    from pathlib import Path

    import streamlit as st

    sys.path.insert(0, tests)
    from conftest import FakeEmbedder

    import app
    from index.settings import Settings
    from qa.engine import CouncilQA

    @st.cache_resource
    def fake_engine(store: str, model: str | None) -> CouncilQA:
        return CouncilQA(Settings(store=Path(store)), embedder=FakeEmbedder())

    app.main(load=fake_engine, argv=["--", "--store", store])


def stub_page() -> None:
    """The real page with a stub engine whose every string is hostile, recording what it was asked."""
    import datetime as dt

    import streamlit as st

    import app
    from index.store import Stats
    from qa.answer import Answer, Citation

    evil = "<script>alert(1)</script> **bold** [link](javascript:alert(1)) <img src=x onerror=alert(1)>"

    class Stub:
        store = "/tmp/stub"

        def stats(self) -> Stats:
            failure = (f"papers/{evil}.pdf", f"unreadable: {evil}")
            return Stats(1, 1, "2020-02-01", "2020-02-01", (f"Evil {evil}",), (("report", 1),), (failure,))

        def ask(self, question, filters=None, top_k=None, history=()) -> Answer:
            st.session_state["asked"] = (question, filters, top_k)
            st.session_state["history_passed"] = list(history)
            cited = Citation(
                1, f"papers/{evil}.txt", evil, dt.date(2020, 2, 1), "month", 3, 5, evil, evil, 0.5
            )
            return Answer(question, f"{evil} [1]", "answered", (cited,))

    app.main(load=lambda store, model: Stub(), argv=[])


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    store = tmp_path_factory.mktemp("app") / "store"
    engine = CouncilQA(Settings(store=store), embedder=FakeEmbedder())
    engine.ingest([SAMPLES], progress=False)
    engine.close()
    return str(store)


def page(store: str) -> AppTest:
    return AppTest.from_function(fake_page, args=(store, str(TESTS)), default_timeout=TIMEOUT)


def elements(block):
    for child in block.children.values():
        yield child
        if hasattr(child, "children"):
            yield from elements(child)


def markdown_strings(at: AppTest) -> list[str]:
    """Everything the page hands to Streamlit's Markdown renderer: bodies and expander labels."""
    found = []
    for node in [*elements(at.main), *elements(at.sidebar)]:
        if node.type in {"markdown", "caption", "info", "warning", "error", "success", "title"}:
            found.append(node.proto.body)
        elif node.type == "expander":
            found.append(node.label)
    return found


def test_the_page_renders_stats_and_answers_with_citations(sample_store: str) -> None:
    at = page(sample_store).run()
    assert not at.exception
    assert at.title[0].value == "councilqa"
    assert "cited" in at.caption[0].value and "offline" in at.caption[0].value
    metrics = {m.label: m.value for m in at.sidebar.metric}
    assert metrics["Documents"] == "5"
    assert "Plymouth City Council" in unescape(" ".join(m.value for m in at.sidebar.markdown))
    assert not at.chat_input[0].proto.disabled

    at.chat_input[0].set_value("What is the status of Pledge 48?").run()
    assert not at.exception
    user, assistant = at.chat_message
    assert (user.name, assistant.name) == ("user", "assistant")
    assert "[1]" in unescape(assistant.markdown[0].value)
    labels = [e.label for e in assistant.expander]
    assert labels and labels[0].startswith("[1] ")
    assert assistant.expander[0].text[0].value  # the passage, as plain text

    at.chat_input[0].set_value("What is the status of Pledge 999?").run()
    assert len(at.chat_message) == 4  # the first exchange stays in the history
    assert "do not mention Pledge 999" in unescape(at.chat_message[3].info[0].value)
    assert not at.chat_message[3].expander


def test_an_empty_store_says_how_to_ingest(tmp_path: Path) -> None:
    at = page(str(tmp_path / "empty")).run()
    assert not at.exception
    assert {m.label: m.value for m in at.sidebar.metric}["Documents"] == "0"
    assert "councilqa ingest PATH" in at.warning[0].value and "make run" in at.warning[0].value
    assert at.chat_input[0].proto.disabled


def test_document_text_never_reaches_markdown_unescaped() -> None:
    at = AppTest.from_function(stub_page, default_timeout=TIMEOUT).run()
    at.chat_input[0].set_value("What happened?").run()
    assert not at.exception
    shown = markdown_strings(at)
    assert any("script" in s for s in shown)  # the hostile strings were rendered, escaped
    for s in shown:
        assert live_specials(PAGE_MARKUP.sub("", s)) == [], s
    for node in [*elements(at.main), *elements(at.sidebar)]:
        assert not getattr(node.proto, "allow_html", False)
    passages = [t.value for t in at.text]
    assert any(HOSTILE in p for p in passages)  # shown literally, as text
    assert at.expander[0].label.startswith("[1] ")


def test_sidebar_filters_are_passed_to_ask() -> None:
    at = AppTest.from_function(stub_page, default_timeout=TIMEOUT).run()
    evil_council = at.selectbox(key="council").options[1]
    at.date_input(key="date_from").set_value(dt.date(2019, 1, 1))
    at.selectbox(key="council").set_value(evil_council)
    at.text_input(key="body").set_value(" Cabinet ")
    at.selectbox(key="doc_type").set_value("minutes")
    at.slider(key="top_k").set_value(3)
    at.chat_input[0].set_value("Which pledges?").run()
    question, filters, top_k = at.session_state["asked"]
    assert question == "Which pledges?" and top_k == 3
    assert filters == Filters(dt.date(2019, 1, 1), None, evil_council, "Cabinet", "minutes")


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


def test_a_follow_up_is_read_against_the_conversation_and_says_so(sample_store: str) -> None:
    at = page(sample_store).run()
    at.chat_input[0].set_value("What is the status of Pledge 48?").run()
    assert not any("Read as" in c.value for c in at.chat_message[1].caption)
    at.chat_input[0].set_value("Who is the portfolio holder for it?").run()
    assert not at.exception
    follow_up = at.chat_message[3]
    read_as = [unescape(c.value) for c in follow_up.caption if c.value.startswith("Read as")]
    assert read_as == ["Read as: Who is the portfolio holder for Pledge 48?"]
    assert "Pledge 48" in follow_up.expander[0].text[0].value  # answered from Pledge 48's passage
    at.chat_input[0].set_value("What is the status of Pledge 999?").run()
    assert not any(c.value.startswith("Read as") for c in at.chat_message[5].caption)


def test_the_page_passes_its_conversation_to_ask() -> None:
    at = AppTest.from_function(stub_page, default_timeout=TIMEOUT).run()
    at.chat_input[0].set_value("What is the status of Pledge 48?").run()
    assert at.session_state["history_passed"] == []
    at.chat_input[0].set_value("Who leads it?").run()
    (turn,) = at.session_state["history_passed"]
    assert turn.question == "What is the status of Pledge 48?" and turn.read_as is None
    assert HOSTILE in turn.answer
