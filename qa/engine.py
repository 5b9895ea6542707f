"""The library's front door: one store and one model per process, and the four things users do."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from index.embedder import Embedder, SentenceEmbedder, SerialEmbedder
from index.filters import Filters
from index.passage import Passage
from index.settings import Settings
from index.store import Stats, Store
from index.storedembedder import StoredEmbedder
from qa.answer import Answer
from qa.composer import Composer
from qa.compound import joined, parts
from qa.followup import Turn, resolve
from qa.framing import in_papers_words, unframed
from qa.recordanswer import answer_from_records
from qa.retriever import Retriever

if TYPE_CHECKING:  # the file readers load with the first ingest: `councilqa ask` starts without them
    from index.ingest import IngestReport


def _readable(text: str) -> str:
    """The text with each lone surrogate (a byte of a command line that was not UTF-8, as Python keeps
    it) made U+FFFD: the tokenizer refuses a string holding one."""
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


class CouncilQA:
    """Ingest papers, ask questions, search passages, read stats; the model loads once, here."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = SerialEmbedder(
            embedder or SentenceEmbedder(settings.model_path, settings.batch_size, settings.onnx_cache)
        )
        self.store = Store(
            settings.store,
            self.embedder.name,
            self.embedder.dimension,
            settings.faiss_threads,
            settings.approximate_from,
            settings.nprobe,
            settings.writer_wait,
        )
        self.retriever = Retriever(self.store, self.embedder, settings)
        # The reader's sentences come from the vectors ingest stored; only misses run the model.
        self.composer = Composer(self.store, StoredEmbedder(self.embedder, self.store.sentences), settings)

    def ingest(
        self,
        paths: Sequence[str | Path],
        prune: bool = False,
        progress: bool = True,
        on_error: Callable[[str], None] | None = None,
        follow_links: bool = False,
        access: str | None = None,
    ) -> IngestReport:
        from index.ingest import Ingestor

        # Readers go on answering from the last published generation while this runs.
        ingestor = Ingestor(self.store, self.embedder, self.settings)
        return ingestor.run(paths, prune, progress, on_error, follow_links, access)

    def ask(
        self,
        question: str,
        filters: Filters | None = None,
        top_k: int | None = None,
        history: Sequence[Turn] = (),
    ) -> Answer:
        """Answer `question`; with a `history` (earlier turns, oldest first) a follow-up such as
        'Who is the portfolio holder for it?' is answered as read (Answer.read_as, qa/followup.py).
        Two questions in one are answered each in turn, the answers joined (qa/compound.py)."""
        asked = " ".join(_readable(question).split())
        reading = resolve(asked, history)
        split = parts(reading.text)
        if len(split) > 1:  # 'Who chaired it, and when did it finish?': each part, answers joined
            answers = [self._answer(part, filters, top_k) for part in split]
            if any(a.status == "answered" for a in answers):
                return joined(asked, answers)
        answer = self._answer(reading.text, filters, top_k)
        return answer if reading.text == asked else replace(answer, question=asked, read_as=reading.text)

    def _answer(self, question: str, filters: Filters | None, top_k: int | None) -> Answer:
        self.store.refresh()
        # 'I will ask at the next Meeting when …': only what is asked is read, in the papers' words
        asked = in_papers_words(unframed(question))
        retrieval = self.retriever.retrieve(asked, filters)
        # A record that fits (a mover, an outcome, a chair) answers; else the reader composes.
        from_records = answer_from_records(self.store, asked, retrieval, self.settings, top_k)
        answer = from_records or self.composer.compose(retrieval, top_k)
        return answer if asked == question else replace(answer, question=question)

    def search(self, query: str, filters: Filters | None = None, limit: int = 10) -> list[Passage]:
        self.store.refresh()
        return list(self.retriever.retrieve(_readable(query), filters, limit).passages[:limit])

    def warm(self) -> None:
        """Embed one question ahead of the first real one, which then pays no one-off cost (the question
        model's ONNX export, about 3 s once per machine, or its load, about 0.3 s per process)."""
        self.embedder.embed(["What is the status of Pledge 48?"])

    def stats(self, restricted: bool = False) -> Stats:
        """What the store holds; restricted papers are counted only for callers granted access."""
        return self.store.stats(restricted)

    def close(self) -> None:
        self.retriever.close()
        self.store.close()
