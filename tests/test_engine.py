"""The engine as the chat page uses it: shared across threads, and one paper stored once."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from conftest import SAMPLES

from index.settings import Settings
from qa.engine import CouncilQA


def test_engine_answers_from_another_thread(settings: Settings, fake_embedder) -> None:
    qa = CouncilQA(settings, embedder=fake_embedder)
    qa.ingest([str(SAMPLES / "000_cf3ce20c081cbe3a.txt")], progress=False)
    answers = []
    threads = [
        threading.Thread(target=lambda: answers.append(qa.ask("What is the status of Pledge 48?")))
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.status for a in answers] == ["answered"] * 3


def test_same_paper_in_two_folders_is_stored_once(tmp_path: Path, settings: Settings, fake_embedder) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SAMPLES / "004_67e52966cbe4daee.txt", tmp_path / folder / "report.txt")
    qa = CouncilQA(settings, embedder=fake_embedder)
    report = qa.ingest([str(tmp_path / "a"), str(tmp_path / "b")], progress=False)
    assert report.added == [str(tmp_path / "a" / "report.txt")]
    assert report.duplicates == [(str(tmp_path / "b" / "report.txt"), str(tmp_path / "a" / "report.txt"))]
    assert qa.stats().documents == 1


def test_an_open_question_on_a_topic_the_papers_discuss_is_answered_not_declined(
    tmp_path: Path, fake_embedder
) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "minutes.txt").write_text(
        "MINUTES OF THE MUNICIPAL DISTRICT MEETING HELD ON 9 SEPTEMBER 2014\n\n"
        "5. Taking in charge of estates\n\n"
        "Councillor Ryan asked about the taking in charge of the Curran and Roschoill estates. "
        "Reply: An inspection of both estates was carried out recently and some outstanding issues need "
        "rectification before the estates can be taken in charge.\n\n"
        "6. Road safety\n\nThe speed limit on the bypass was reviewed.\n",
        encoding="utf-8",
    )
    engine = CouncilQA(Settings(store=tmp_path / "store"), embedder=fake_embedder)
    engine.ingest([papers], progress=False)
    answer = engine.ask("What is the up to date position on the taking in charge of the Curran estates?")
    assert answer.status == "answered", answer.text
    assert "inspection" in answer.text.split("[1]")[0] or "taking in charge" in answer.text
    # A typed question the papers do not answer is still declined.
    assert engine.ask("How many houses are in the Curran estate?").status == "not_found"
    engine.close()


def test_a_question_holding_a_byte_that_is_not_utf8_is_still_answered(
    settings: Settings, fake_embedder
) -> None:
    # A shell passes 'Pledge 48\xff' as a lone surrogate; Hugging Face's tokenizer raises a TypeError on it.
    embed = fake_embedder.embed

    def strict(texts):
        assert not any(0xD800 <= ord(ch) <= 0xDFFF for text in texts for ch in text)
        return embed(texts)

    fake_embedder.embed = strict
    qa = CouncilQA(settings, embedder=fake_embedder)
    qa.ingest([str(SAMPLES / "000_cf3ce20c081cbe3a.txt")], progress=False)
    question = b"What is the status of Pledge 48\xff?".decode("utf-8", "surrogateescape")
    answer = qa.ask(question)
    assert answer.status == "answered" and "\ufffd" in answer.question
    assert qa.search(question)


def test_warm_embeds_one_question_ahead(settings: Settings, fake_embedder) -> None:
    calls = []
    embed = fake_embedder.embed
    fake_embedder.embed = lambda texts: calls.append(list(texts)) or embed(texts)
    qa = CouncilQA(settings, embedder=fake_embedder)
    qa.warm()
    assert len(calls) == 1 and len(calls[0]) == 1  # one text: the question path, as ask takes it
