"""Explains councilqa's misses from a bench/quality.py run: where the gold text sits and why it was lost."""

# Run after a full `python bench/quality.py` (it reads the stores and per-question details left under
# bench/out/). Read-only: it opens the councilqa stores and calls the product's own retrieval pieces
# (query parsing, FTS5 lexical search, FAISS dense search, RRF, the composer's answer gate), but writes
# nothing into them.
#
#   python bench/quality_diagnose.py [--out bench/out] [--sample 15] [--sets qmsum,limerick]
#
# For every councilqa miss (QMSum: no relevant citation in the top 10; Limerick: no gold document in
# the top 5) it finds the "gold chunks" in the store (QMSum: chunks of the query's meeting that overlap
# a gold turn by bench/quality.py's rule; Limerick: the chunk of a gold document holding most of the
# official reply's content words), then records their rank in the product's lexical and dense lists
# (searched 2,000 deep), whether they were among the `candidates` each retriever hands to fusion,
# their fused rank, their cosine to the question and question-term coverage, and the answer gate's
# verdict on the top passages. Writes bench/out/quality-diagnosis.{json,md} and prints the summary.

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import quality as Q  # noqa: E402  (bench/quality.py: the same relevance rules)

DEEP = 2000


def store_chunks(store, where: str, params: list) -> list[tuple[int, str, str | None, str]]:
    return store.db.execute(
        "SELECT c.id, c.text, c.heading, d.source FROM chunks c JOIN documents d ON d.id = c.doc_id"
        f" WHERE {where} ORDER BY c.id",
        params,
    ).fetchall()


def gold_chunks_limerick(store, row: dict, answer: str) -> tuple[list[int], dict]:
    """Chunks of the gold documents, best holder of the reply first; and what that says."""
    info: dict = {"gold_docs_in_store": [], "gold_doc_chunks": 0}
    scored = []
    for gold in row["gold_doc_paths"]:
        rows = store_chunks(store, "d.source LIKE ?", [f"%/{gold}"])
        if rows:
            info["gold_docs_in_store"].append(gold)
        info["gold_doc_chunks"] += len(rows)
        for cid, text, heading, _ in rows:
            scored.append((Q.word_recall(answer, f"{heading or ''} {text}"), cid))
    scored.sort(reverse=True)
    info["best_chunk_reply_recall"] = round(scored[0][0], 3) if scored else None
    # the reply's words in the best two chunks together: a reply cut across a chunk boundary shows here
    if len(scored) >= 2:
        ids = [scored[0][1], scored[1][1]]
        both = " ".join(t for cid, t, _, _ in store_chunks(store, "c.id IN (?, ?)", ids))
        info["best_two_chunks_reply_recall"] = round(Q.word_recall(answer, both), 3)
    info["all_gold_doc_ids"] = [cid for _, cid in scored]
    answer_chunks = [cid for r, cid in scored if scored and r >= 0.6 * scored[0][0] and r > 0]
    return answer_chunks[:3], info


def gold_chunks_qmsum(store, row: dict, meetings: dict, query: dict) -> tuple[list[int], dict]:
    turns = Q.gold_turns(query, meetings)
    pool = Q.eligible(turns, strict=True)
    rows = store_chunks(store, "d.source LIKE ?", [f"%/{row['meeting']}.txt"])
    hits = [cid for cid, text, _, _ in rows if any(Q.overlaps(t, Q.CitationText(text)) for t in pool)]
    return hits, {"meeting_chunks": len(rows), "gold_chunks": len(hits), "gold_turns": len(turns)}


def diagnose_one(qa, question: str, gold_ids: list[int], doc_ids: set[int]) -> dict:
    """How the product's own retrieval pieces treat the gold chunks of one question."""
    import numpy as np

    from index.filters import Filters
    from index.search import chunk_count, dense, frequencies, fts_query, lexical, lexical_terms
    from qa.fusion import rrf
    from qa.query import parse
    from qa.relevance import coverage, term_weights, unseen_terms

    store, settings = qa.store, qa.settings
    query = parse(question)
    vector = qa.embedder.embed([query.text])[0]
    counts = frequencies(store, query.terms)
    searched = fts_query(lexical_terms(counts, settings.lexical_postings))
    lex = [cid for cid, _ in lexical(store, searched, Filters(), DEEP)]
    den = [cid for cid, _ in dense(store, vector, Filters(), DEEP)]
    lex_rank = {cid: i for i, cid in enumerate(lex, 1)}
    den_rank = {cid: i for i, cid in enumerate(den, 1)}
    n = settings.candidates
    fused = [cid for cid, _ in rrf([lex[:n], den[:n]], k=settings.rrf_k)]
    fused_rank = {cid: i for i, cid in enumerate(fused, 1)}
    weights = term_weights(counts, chunk_count(store))
    unseen = unseen_terms(counts)
    retrieval = qa.retriever.retrieve(question)
    gate = []
    for p in retrieval.passages[:15]:
        sim = retrieval.similarity.get(p.chunk_id, 0.0)
        cov = coverage(f"{p.heading or ''} {p.text}", weights)
        gate.append((p.chunk_id, round(sim, 3), round(cov, 3), qa.composer._passes(sim, cov, bool(unseen))))
    gold_info = []
    texts = {p.chunk_id: p for p in store.passages(gold_ids)}
    for cid in gold_ids:
        p = texts.get(cid)
        sim = float(np.dot(store.vectors.vector(cid), vector))
        cov = coverage(f"{p.heading or ''} {p.text}", weights) if p else 0.0
        gold_info.append(
            {
                "chunk": cid,
                "lexical_rank": lex_rank.get(cid),
                "dense_rank": den_rank.get(cid),
                "fused_rank": fused_rank.get(cid),
                "similarity": round(sim, 3),
                "coverage": round(cov, 3),
                "would_pass_gate": qa.composer._passes(sim, cov, bool(unseen)),
                "text": (p.text if p else "")[:300],
            }
        )
    best_doc_lex = min((lex_rank[c] for c in doc_ids if c in lex_rank), default=None)
    best_doc_den = min((den_rank[c] for c in doc_ids if c in den_rank), default=None)
    search = qa.search(question, limit=n)
    search_rank = next((i for i, p in enumerate(search, 1) if p.chunk_id in doc_ids), None)
    return {
        "terms": list(query.terms),
        "intent": query.intent,
        "identifiers": [str(i) for i in query.identifiers],
        "unseen_terms": unseen,
        "term_weights": {t: round(w, 2) for t, w in weights.items()},
        "gate_top": gate,
        "gate_passed": sum(g[3] for g in gate),
        "max_similarity_top15": max((g[1] for g in gate), default=0.0),
        "gold": gold_info,
        "gold_best_lexical_rank": min((g["lexical_rank"] or 10**9 for g in gold_info), default=None),
        "gold_best_dense_rank": min((g["dense_rank"] or 10**9 for g in gold_info), default=None),
        "gold_in_candidates": any(
            (g["lexical_rank"] or 10**9) <= n or (g["dense_rank"] or 10**9) <= n for g in gold_info
        ),
        "gold_doc_best_lexical_rank": best_doc_lex,
        "gold_doc_best_dense_rank": best_doc_den,
        "gold_doc_rank_in_search": search_rank,
        "top_sources": [
            (p.source.split("/")[-1][:70], round(retrieval.similarity.get(p.chunk_id, 0), 3))
            for p in retrieval.passages[:5]
        ],
    }


def category(d: dict, status: str, limit: int) -> str:
    """One cause per miss, judged in pipeline order."""
    if not d["gold"]:
        return "gold text not in store (ingest/cleaning lost it, or the reply is not in one chunk)"
    if status == "not_found":
        if d["gold_doc_rank_in_search"] is not None and d["gold_doc_rank_in_search"] <= limit:
            return "retrieved, then rejected by the answer gate (not_found)"
        return "not retrieved and gate said not_found"
    if not d["gold_in_candidates"]:
        return "gold chunk outside both retrievers' candidate lists"
    return "gold chunk a candidate but fused below the cut"


def render_miss(d: dict) -> list[str]:
    def rank(x) -> str:
        return "–" if x is None or x >= 10**9 else str(x)

    out = [
        f"### {d['id']}: {d['question']}",
        "",
        f"- status **{d['status']}**, councilqa rank {rank(d['councilqa_rank'])}; baselines: RRF rank"
        f" {rank(d['rrf_baseline_rank'])}, BM25 rank {rank(d['bm25_baseline_rank'])}",
        f"- cause: **{d['cause']}**; with the current code: {d['status_now']}, rank {rank(d['rank_now'])}",
        f"- terms {d['terms']} (intent {d['intent']}); unseen in the store: {d['unseen_terms'] or 'none'}",
        f"- gate: {d['gate_passed']}/{len(d['gate_top'])} top passages pass; best cosine"
        f" {d['max_similarity_top15']}, best coverage {max((g[2] for g in d['gate_top']), default=0)}",
        "- top passages (source, cosine): " + "; ".join(f"{s} ({c})" for s, c in d["top_sources"]),
    ]
    if "gold_doc_paths" in d:
        out.append(
            f"- gold docs in store: {len(d['gold_docs_in_store'])}/{len(d['gold_doc_paths'])}"
            f" ({d['gold_doc_chunks']} chunks); best chunk holds {d['best_chunk_reply_recall']} of the"
            f" reply's content words (best two: {d.get('best_two_chunks_reply_recall')})"
        )
        out.append(
            f"- gold document's best rank: lexical {rank(d['gold_doc_best_lexical_rank'])},"
            f" dense {rank(d['gold_doc_best_dense_rank'])}, qa.search {rank(d['gold_doc_rank_in_search'])}"
        )
        out.append(f"- reply: {d['reply'][:200]}")
    else:
        out.append(
            f"- meeting chunks {d['meeting_chunks']}, chunks overlapping a gold turn {d['gold_chunks']}"
            f" ({d['gold_turns']} gold turns); best gold chunk in qa.search:"
            f" {rank(d['gold_doc_rank_in_search'])}"
        )
    for g in d["gold"][:3]:
        out.append(
            f"- gold chunk {g['chunk']}: lexical {rank(g['lexical_rank'])}, dense {rank(g['dense_rank'])},"
            f" fused {rank(g['fused_rank'])}; cosine {g['similarity']}, coverage {g['coverage']},"
            f" passes gate: {g['would_pass_gate']} — “{' '.join(g['text'].split())[:160]}…”"
        )
    out += [f"- councilqa answer: {' '.join(d['answer'].split())[:200]}", ""]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out"))
    parser.add_argument("--sets", default="qmsum,limerick")
    parser.add_argument("--sample", type=int, default=15, help="misses shown in detail, across sets")
    parser.add_argument("--tag", default="full", help="store tag: full or limitN")
    args = parser.parse_args()
    out = Path(args.out)
    suffix = "" if args.tag == "full" else f"-{args.tag}"
    rows = [json.loads(x) for x in (out / f"quality-details{suffix}.jsonl").read_text().splitlines() if x]
    sets = [s for s in args.sets.split(",") if s]

    from index.settings import Settings
    from qa.engine import CouncilQA

    scored = json.loads((out / f"quality{suffix}.json").read_text())["run"]["product_fingerprint"]
    report: dict = {"product_fingerprint": Q.product_fingerprint(), "scored_fingerprint": scored, "sets": {}}
    previous = out / "quality-diagnosis.json"
    if previous.exists():  # keep other sets' results from an earlier call on the same scored run
        old = json.loads(previous.read_text())
        if old.get("scored_fingerprint") == scored:
            report["sets"] = {k: v for k, v in old.get("sets", {}).items() if k not in sets}
    if scored != report["product_fingerprint"]:
        print(
            f"note: product source changed since the scored run ({scored} -> {report['product_fingerprint']})"
        )
    for set_name in sets:
        store_dir = out / Q.WORK / "stores" / f"{set_name}-{args.tag}"
        qa = CouncilQA(Settings(store=store_dir))
        cut = 5 if set_name == "limerick" else 10
        mine = [r for r in rows if r["set"] == set_name]
        misses = [r for r in mine if r["councilqa_rank"] is None or r["councilqa_rank"] > cut]
        if set_name == "qmsum":
            meetings = Q.qmsum_meetings(None if args.tag == "full" else int(args.tag[5:]))
            queries = {q["qid"]: q for q in Q.qmsum_queries(meetings, "all")}
        else:
            gold = {
                g["id"]: g for g in map(json.loads, (Q.LIMERICK / "gold.jsonl").read_text().splitlines()) if g
            }
        results = []
        for r in misses:
            if set_name == "qmsum":
                ids, info = gold_chunks_qmsum(qa.store, r, meetings, queries[r["id"]])
                doc_ids = set(ids)
            else:
                ids, info = gold_chunks_limerick(qa.store, r, gold[r["id"]]["answer"])
                doc_ids = set(info.pop("all_gold_doc_ids"))
                info["reply"] = gold[r["id"]]["answer"][:300]
            d = diagnose_one(qa, r["question"], ids, doc_ids)
            d.update(info)
            # the product may have changed since the scored run: ask again with the code as it is now
            now = qa.ask(r["question"], top_k=Q.TOP_K)
            if set_name == "qmsum":
                q = queries[r["id"]]
                cited = [(Path(c.source).stem, c.text) for c in now.citations[: Q.TOP_K]]
                rank_now = Q.judge_turns(cited, q["meeting_id"], Q.gold_turns(q, meetings), strict=True)
            else:
                rank_now = Q.doc_rank([c.source for c in now.citations[: Q.TOP_K]], r["gold_doc_paths"])
            d["status_now"], d["rank_now"] = now.status, rank_now
            d.update(
                {
                    "id": r["id"],
                    "question": r["question"],
                    "status": r["status"],
                    "councilqa_rank": r["councilqa_rank"],
                    "rrf_baseline_rank": r["rrf_rank"],
                    "bm25_baseline_rank": r["bm25_rank"],
                    "answer": r["councilqa_answer"][:300],
                    "cause": category(d, r["status"], cut),
                }
            )
            if set_name == "limerick":
                d["gold_doc_paths"] = r["gold_doc_paths"]
            results.append(d)
            if len(results) % 10 == 0:
                print(f"  {set_name}: {len(results)}/{len(misses)} misses diagnosed", flush=True)
        qa.close()
        causes = Counter(d["cause"] for d in results)
        agg = {
            "questions": len(mine),
            "misses": len(misses),
            "not_found_misses": sum(d["status"] == "not_found" for d in results),
            "causes": dict(causes.most_common()),
            "misses_with_unseen_terms": sum(bool(d["unseen_terms"]) for d in results),
            "misses_gold_in_candidates": sum(d["gold_in_candidates"] for d in results),
            "misses_gold_would_pass_gate": sum(any(g["would_pass_gate"] for g in d["gold"]) for d in results),
            "still_missed_with_current_code": sum(
                d["rank_now"] is None or d["rank_now"] > cut for d in results
            ),
            "misses_baseline_rrf_hit": sum(
                d["rrf_baseline_rank"] is not None and d["rrf_baseline_rank"] <= cut for d in results
            ),
        }
        report["sets"][set_name] = {"summary": agg, "misses": results}
        print(f"\n== {set_name}: {json.dumps(agg, indent=1)}", flush=True)
        (out / "quality-diagnosis.json").write_text(
            json.dumps(report, indent=1, default=str), encoding="utf-8"
        )

    (out / "quality-diagnosis.json").write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    # a deterministic, spread-out sample for reading
    lines = [
        "# councilqa misses, sampled",
        "",
        f"Scored run: product {report['scored_fingerprint']}; diagnosed with product"
        f" {report['product_fingerprint']} (stores as the scored run built them).",
        "",
    ]
    total = max(sum(len(b["misses"]) for b in report["sets"].values()), 1)
    for set_name, block in report["sets"].items():
        misses = block["misses"]
        share = max(1, round(args.sample * len(misses) / total))
        step = max(1, len(misses) // share)
        lines += [f"## {set_name}", "", "```", json.dumps(block["summary"], indent=1), "```", ""]
        for d in misses[::step][:share]:
            lines += render_miss(d)
    (out / "quality-diagnosis.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out / 'quality-diagnosis.json'} and {out / 'quality-diagnosis.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
