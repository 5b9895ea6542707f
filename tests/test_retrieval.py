"""Hybrid retrieval with the fake embedder: exact identifiers first, missing ones named, filters obeyed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from index.filters import Filters
from index.passage import Passage
from index.search import dense, fts_query, lexical
from index.settings import Settings
from qa.engine import CouncilQA
from qa.fusion import rrf
from qa.query import Identifier
from qa.relevance import coverage
from qa.retriever import Retriever
from qa.scoring import context

HEADER = "Pledge\tPortfolio Holder\tStatus"
# Each row runs past a quarter of the chunk budget, so every row is a chunk of its own.
DETAIL = {
    "4": "The highways team has inspected every street, logged each defect in the asset register, and "
    "scheduled permanent repairs by priority so that the worst roads near schools and hospitals are "
    "done first, with weekly reports to the portfolio holder and the scrutiny panel on progress made.",
    "48": "The care leavers offer has been rewritten with young people, every personal adviser has been "
    "trained on the new offer, and a guaranteed work placement is now written into each pathway plan "
    "so that no young person leaves care without a route into training or paid employment.",
    "480": "Volunteers from the friends of parks groups chose the species, the tree officer checked every "
    "site for underground services, and the planting season ran from November to March so that the "
    "young trees had the best chance to establish before the dry summer months arrived.",
}
PROMISE = {
    "4": ("We will fix the potholes on every road in the city.", "Mark Lowry"),
    "48": ("We will support care leavers up to the age of 25.", "Jemima Laing"),
    "480": ("We will plant trees in every park.", "Sue Dann"),
}


def _row(number: str, status: str) -> str:
    promise, holder = PROMISE[number]
    return f"Pledge {number} - {promise}\t{holder}\t{status} {DETAIL[number]}"


def _pledge_paper(first_line: str, rows: list[str]) -> str:
    return f"{first_line}\nPlymouth City Council\nPledges Update\n\n{HEADER}\n" + "\n".join(rows) + "\n"


MARCH = _pledge_paper(
    "CABINET 12 March 2019",
    [
        _row("4", "In Progress: Road repairs are underway across the city."),
        _row("48", "In Progress: Work experience placements are being created."),
        _row("480", "Completed: Trees were planted in every park."),
    ],
)
SEPTEMBER = _pledge_paper(
    "CABINET 10 September 2019",
    [
        _row("4", "Completed: All roads were repaired."),
        _row("48", "Completed: Every care leaver has been offered a work placement."),
    ],
)
EXETER = (
    "MINUTES OF THE COUNCIL\nExeter City Council\n5 June 2020\n\n"
    "Present: Councillors Smith and Jones.\n\n"
    "The council agreed the budget for the new swimming pool and the potholes programme.\n"
)


@pytest.fixture
def qa(tmp_path: Path, settings: Settings, fake_embedder) -> Iterator[CouncilQA]:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "march.txt").write_text(MARCH, encoding="utf-8")
    (folder / "september.txt").write_text(SEPTEMBER, encoding="utf-8")
    (folder / "exeter.txt").write_text(EXETER, encoding="utf-8")
    engine = CouncilQA(settings, embedder=fake_embedder)
    report = engine.ingest([str(folder)], progress=False)
    assert len(report.added) == 3 and not report.failed
    yield engine
    engine.close()


def _all_passages(qa: CouncilQA) -> list[Passage]:
    ids = [r[0] for r in qa.store.db.execute("SELECT id FROM chunks ORDER BY id")]
    return qa.store.passages(ids)


def _holding(qa: CouncilQA, marker: str) -> set[int]:
    return {p.chunk_id for p in _all_passages(qa) if marker in p.text}


def test_each_pledge_row_is_its_own_chunk(qa: CouncilQA) -> None:
    assert len(_holding(qa, "Pledge 48 -")) == 2
    assert len(_holding(qa, "Pledge 4 -")) == 2
    assert len(_holding(qa, "Pledge 480 -")) == 1
    for passage in _all_passages(qa):
        assert passage.text.count("Pledge: Pledge") <= 1


def test_exact_identifier_ranks_first_and_alone_in_matched(qa: CouncilQA) -> None:
    retrieval = qa.retriever.retrieve("What is the status of Pledge 48?")
    pledge_48 = _holding(qa, "Pledge 48 -")
    assert retrieval.passages[0].text.startswith("Pledge: Pledge 48 - ")
    assert {p.chunk_id for p in retrieval.passages[:2]} == pledge_48
    assert retrieval.matched == {cid: (Identifier("pledge", "48"),) for cid in pledge_48}
    assert retrieval.missing == ()


@pytest.mark.parametrize("number", ["4", "480"])
def test_shorter_and_longer_numbers_are_not_confused(qa: CouncilQA, number: str) -> None:
    retrieval = qa.retriever.retrieve(f"What is the status of Pledge {number}?")
    wanted = _holding(qa, f"Pledge {number} -")
    assert set(retrieval.matched) == wanted
    assert {p.chunk_id for p in retrieval.passages[: len(wanted)]} == wanted


def test_unknown_identifier_is_missing(qa: CouncilQA) -> None:
    retrieval = qa.retriever.retrieve("What is the status of Pledge 99?")
    assert retrieval.missing == (Identifier("pledge", "99"),)
    assert retrieval.matched == {}


def test_two_identifiers_one_missing(qa: CouncilQA) -> None:
    retrieval = qa.retriever.retrieve("Compare Pledge 480 with Pledge 99")
    assert retrieval.missing == (Identifier("pledge", "99"),)
    assert set(retrieval.matched) == _holding(qa, "Pledge 480 -")
    assert retrieval.passages[0].text.startswith("Pledge: Pledge 480 - ")


def test_fused_candidates_are_reranked_by_meaning_words_and_rank(qa: CouncilQA, fake_embedder) -> None:
    question = "road repairs potholes"
    retrieval = qa.retriever.retrieve(question)
    vector = fake_embedder.embed([question])[0]
    np.testing.assert_array_equal(retrieval.vector, vector)
    lex = dict(lexical(qa.store, fts_query(retrieval.query.terms), Filters(), 40))
    den = [cid for cid, _ in dense(qa.store, vector, Filters(), 40)]
    fused = dict(rrf([list(lex), den], k=60))
    assert {p.chunk_id for p in retrieval.passages} == set(fused)
    for p in retrieval.passages:
        expected = (
            retrieval.similarity[p.chunk_id]
            + 0.5 * coverage(context(p), retrieval.weights)
            + 0.2 * fused[p.chunk_id] / (2 / 61)
            + 0.25 * lex.get(p.chunk_id, 0.0) / max(lex.values())
        )
        assert p.score == pytest.approx(expected, abs=1e-5)
    scores = [p.score for p in retrieval.passages]
    assert scores == sorted(scores, reverse=True)
    for passage in retrieval.passages:
        assert retrieval.similarity[passage.chunk_id] == pytest.approx(
            float(qa.store.vectors.vector(passage.chunk_id) @ vector), abs=1e-6
        )


def test_limit_caps_passages(qa: CouncilQA) -> None:
    assert len(qa.retriever.retrieve("potholes", limit=2).passages) == 2
    assert len(qa.search("potholes", limit=3)) == 3


@pytest.mark.parametrize(
    "question",
    ["What is the status of Pledge 48?", "Pledge 4 and Pledge 480", "What happened to Pledge 4?", "potholes"],
)
@pytest.mark.parametrize("limit", [1, 2, 3, 5, 40])
def test_only_groups_that_can_place_are_reranked_and_the_order_is_unchanged(
    qa: CouncilQA, monkeypatch: pytest.MonkeyPatch, question: str, limit: int
) -> None:
    """Passages are placed by group (identifiers held, about them) before score: skipping groups that
    start past the limit gives the order reranking every passage gives."""
    shipped = qa.retriever.retrieve(question, limit=limit)
    monkeypatch.setattr(Retriever, "_contenders", lambda self, ids, *_: self.store.passages(ids))
    every = qa.retriever.retrieve(question, limit=limit)
    assert [(p.chunk_id, p.score) for p in shipped.passages] == [
        (p.chunk_id, p.score) for p in every.passages
    ]
    assert shipped.similarity == every.similarity


class _CountingStore:
    """Hands out bare passages and records which chunk ids were fetched."""

    def __init__(self) -> None:
        self.fetched: list[int] = []

    def passages(self, ids: list[int]) -> list[Passage]:
        self.fetched += ids
        return [
            Passage(i, f"text {i}", None, None, None, "s.txt", "t", None, None, None, "", "") for i in ids
        ]


def test_a_group_that_starts_past_the_limit_is_never_fetched(settings: Settings) -> None:
    pledge, item = Identifier("pledge", "48"), Identifier("item", "7")
    matched = {1: (pledge,), 2: (pledge,), 3: (pledge, item), 4: (pledge,)}
    store = _CountingStore()
    retriever = Retriever(store, None, settings)  # type: ignore[arg-type]
    try:
        ids = [9, 8, 4, 3, 2, 1]  # 8 and 9 hold no identifier; 3 holds both; 1 is about Pledge 48
        found = retriever._contenders(ids, matched, {1}, 2)  # noqa: SLF001
        assert [p.chunk_id for p in found] == [3, 1]  # the two first groups fill the two places
        store.fetched.clear()
        found = retriever._contenders(ids, matched, {1}, 3)  # noqa: SLF001
        assert store.fetched == [3, 1, 4, 2]  # the third group is fetched whole, to rank it by score
        assert [p.chunk_id for p in found] == [3, 1, 4, 2]
    finally:
        retriever.close()


# --- filters ------------------------------------------------------------------------------------

FILTER_CASES = [
    (Filters(date_from=dt.date(2019, 6, 1), date_to=dt.date(2019, 12, 31)), {"september.txt"}),
    (Filters(date_to=dt.date(2019, 3, 31)), {"march.txt"}),
    (Filters(date_from=dt.date(2020, 1, 1)), {"exeter.txt"}),
    (Filters(council="exeter"), {"exeter.txt"}),
    (Filters(council="Plymouth City Council"), {"march.txt", "september.txt"}),
    (Filters(doc_type="Minutes"), {"exeter.txt"}),
    (Filters(doc_type="report"), {"march.txt", "september.txt"}),
    (Filters(council="plymouth", date_from=dt.date(2019, 9, 1)), {"september.txt"}),
]


def _names(passages: list[Passage]) -> set[str]:
    return {Path(p.source).name for p in passages}


@pytest.mark.parametrize(("filters", "papers"), FILTER_CASES)
def test_lexical_path_obeys_filters(qa: CouncilQA, filters: Filters, papers: set[str]) -> None:
    query = fts_query(["potholes", "pledge", "council", "road"])
    hits = lexical(qa.store, query, filters, 40)
    assert hits
    assert _names(qa.store.passages([cid for cid, _ in hits])) == papers


@pytest.mark.parametrize(("filters", "papers"), FILTER_CASES)
def test_dense_path_obeys_filters(qa: CouncilQA, fake_embedder, filters: Filters, papers: set[str]) -> None:
    vector = fake_embedder.embed(["potholes on every road"])[0]
    hits = dense(qa.store, vector, filters, 40)
    allowed = [p for p in _all_passages(qa) if Path(p.source).name in papers]
    # Filtering happens inside FAISS: every allowed chunk comes back, and nothing else.
    assert sorted(cid for cid, _ in hits) == sorted(p.chunk_id for p in allowed)
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(("filters", "papers"), FILTER_CASES)
def test_retrieve_obeys_filters(qa: CouncilQA, filters: Filters, papers: set[str]) -> None:
    retrieval = qa.retriever.retrieve("What is the status of the potholes on every road?", filters)
    assert retrieval.passages
    assert _names(list(retrieval.passages)) == papers


def test_dense_path_filter_keeps_the_best_hidden_behind_others(qa: CouncilQA, fake_embedder) -> None:
    # Asked exactly the tree pledge's words, the unfiltered best is the March row; filtered to
    # September the best is still found, not dropped by a top-k taken before filtering.
    vector = fake_embedder.embed([_row("480", "Completed: Trees were planted in every park.")])[0]
    (best, _), *_ = dense(qa.store, vector, Filters(), 1)
    assert best in _holding(qa, "Pledge 480 -")
    hits = dense(qa.store, vector, Filters(date_from=dt.date(2019, 9, 1), council="plymouth"), 1)
    assert len(hits) == 1
    assert Path(qa.store.passages([hits[0][0]])[0].source).name == "september.txt"


def test_identifier_hits_obey_filters(qa: CouncilQA) -> None:
    retrieval = qa.retriever.retrieve(
        "What is the status of Pledge 48?", Filters(date_to=dt.date(2019, 6, 30))
    )
    march_48 = {p.chunk_id for p in _all_passages(qa) if "Pledge 48 -" in p.text and "march" in p.source}
    assert set(retrieval.matched) == march_48
    assert retrieval.passages[0].chunk_id in march_48
    assert _names(list(retrieval.passages)) == {"march.txt"}


def test_identifier_outside_filter_is_missing(qa: CouncilQA) -> None:
    retrieval = qa.retriever.retrieve(
        "What is the status of Pledge 480?", Filters(date_from=dt.date(2019, 6, 1))
    )
    assert retrieval.missing == (Identifier("pledge", "480"),)
    assert retrieval.matched == {}


def test_filter_matching_nothing_returns_nothing(qa: CouncilQA) -> None:
    retrieval = qa.retriever.retrieve("potholes", Filters(council="Nowhere"))
    assert retrieval.passages == ()
    assert not Filters()
    assert Filters(council="Nowhere")


def test_bm25_on_its_worker_thread_finds_what_it_finds_on_the_callers(qa: CouncilQA) -> None:
    # BM25 runs beside the question's embedding, on the worker's own SQLite connection.
    from index.search import fts_query, lexical

    question = "swimming pool budget"
    on_worker = qa.retriever._bm25.submit(
        lexical, qa.store, fts_query(question.split()), Filters(), 40
    ).result()
    assert on_worker == lexical(qa.store, fts_query(question.split()), Filters(), 40)
    assert on_worker and {cid for cid, _ in on_worker} <= {
        p.chunk_id for p in qa.retriever.retrieve(question).passages
    }


def test_closing_the_engine_stops_the_bm25_worker(tmp_path: Path, settings: Settings, fake_embedder) -> None:
    engine = CouncilQA(settings, embedder=fake_embedder)
    engine.close()
    with pytest.raises(RuntimeError):
        engine.retriever._bm25.submit(print)
