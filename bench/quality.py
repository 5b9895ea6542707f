"""Quality benchmark: councilqa against naive BM25, dense and RRF baselines on public council data."""

# Run from the repo root with the venv:
#   python bench/quality.py [--sets qmsum,limerick] [--limit N] [--split test|val|train|all]
#                           [--split-meetings] [--out bench/out] [--fresh] [--keep-stores]
#
# --split-meetings ingests only the QMSum meetings of --split (6 for test, against 36), so a loaded
# machine can score every query of one split; fewer other meetings compete for the top 10, for
# councilqa and the baselines alike, so compare within such a run, not with a full one.
#
# Sets (see /work/shared/bench/README.md):
#   qmsum     36 committee meetings; every SPECIFIC query; relevance = a citation from the query's
#             meeting that overlaps a gold turn (RULE below).
#   limerick  1,042 Limerick council agendas/minutes; 171 councillor questions; relevance = a
#             citation from a gold document; answer word recall against the official reply.
#
# Overlap RULE (QMSum), applied identically to councilqa citations and baseline windows.
#   Text is compared as lowercase word tokens (regex \w+), so punctuation, whitespace and the
#   "Speaker:" prefix never matter. A gold turn T is overlapped by a citation C when
#     * T has >= 8 words and >= 50% of T's distinct word 8-grams occur in C, or
#     * T and C share a run of >= 30 consecutive words (long turns split across chunks), or
#     * T has < 8 words and C holds all of T as one consecutive run.
#   A citation is relevant when it comes from the query's own meeting document and overlaps an
#   ELIGIBLE gold turn. Strict (headline) scoring: turns of < 8 words ("Thank you, Chair.") are
#   eligible only when the query has no gold turn of >= 8 words, since such phrases recur all over
#   a meeting. Lenient scoring (reported beside it): every gold turn is eligible.
#
# Baselines: every document's raw text (the same .txt / .md files councilqa ingests) cut into
# 200-word windows with 50 words of overlap (whitespace split, no other cleaning); BM25 over
# lowercase \w+ tokens (k1=1.5, b=0.75, implemented here), dense = all-MiniLM-L6-v2 (the same
# packaged model, via index.embedder.SentenceEmbedder) with faiss IndexFlatIP on normalised
# vectors, and RRF (k=60) of the two top-100 lists. A baseline's citations are its top 10 windows;
# its "answer" is its top window cut to 80 words.

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = Path("/work/shared/bench")
QMSUM = DATA / "qmsum-committee"
LIMERICK = DATA / "limerick-2014-2019"

TOP_K = 10
WINDOW, STRIDE = 200, 150  # 200-word windows, 50 words of overlap
BM25_K1, BM25_B = 1.5, 0.75
RRF_K = 60
FUSE_DEPTH = 100  # each baseline retriever's list length before fusion
EMBED_BATCH = 64
ANSWER_WORDS = 80
NGRAM, NGRAM_SHARE, RUN = 8, 0.5, 30
SYSTEMS = ("councilqa", "bm25", "dense", "rrf")
WORK = "quality-work"  # under --out: written QMSum docs, councilqa stores, baseline vector cache

_WORD = re.compile(r"\w+")
_CONTENT = re.compile(r"[a-z0-9]+")
_SMALL = re.compile(r"<small>.*?</small>", re.I | re.S)
_MARKER = re.compile(r"\[\d+\]")
# A fixed English stopword list, so the metric never moves when the product's list does.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves may might must shall upon within without per via""".split()  # noqa: SIM905
)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_words(text: str) -> set[str]:
    """Lowercase words of 3+ characters that are not stopwords, <small> notes stripped."""
    text = _SMALL.sub(" ", text)
    return {w for w in _CONTENT.findall(text.lower()) if len(w) >= 3 and w not in STOPWORDS}


def word_recall(reference: str, answer: str) -> float:
    wanted = content_words(reference)
    if not wanted:
        return 0.0
    said = set(_CONTENT.findall(_SMALL.sub(" ", answer).lower()))
    return len(wanted & said) / len(wanted)


def first_words(text: str, n: int = ANSWER_WORDS) -> str:
    return " ".join(text.split()[:n])


def sha(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x00")
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------
# Turn overlap (QMSum relevance)


def grams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@dataclass
class GoldTurn:
    index: int
    tokens: list[str]
    g8: set[tuple[str, ...]] = field(init=False)
    g30: set[tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        self.g8 = grams(self.tokens, NGRAM)
        self.g30 = grams(self.tokens, RUN)

    @property
    def short(self) -> bool:
        return len(self.tokens) < NGRAM


class CitationText:
    """A citation's tokens with its n-gram sets computed once, lazily."""

    def __init__(self, text: str) -> None:
        self.tokens = words(text)
        self._grams: dict[int, set[tuple[str, ...]]] = {}

    def grams(self, n: int) -> set[tuple[str, ...]]:
        if n not in self._grams:
            self._grams[n] = grams(self.tokens, n)
        return self._grams[n]


def overlaps(turn: GoldTurn, cited: CitationText) -> bool:
    """The RULE in the module header."""
    if not turn.tokens:
        return False
    if turn.short:
        return tuple(turn.tokens) in cited.grams(len(turn.tokens))
    if len(turn.g8 & cited.grams(NGRAM)) >= NGRAM_SHARE * len(turn.g8):
        return True
    return bool(turn.g30 and turn.g30 & cited.grams(RUN))


def eligible(turns: Sequence[GoldTurn], strict: bool) -> list[GoldTurn]:
    if not strict:
        return list(turns)
    long_turns = [t for t in turns if not t.short]
    return long_turns or list(turns)


# ---------------------------------------------------------------------------------------------
# Metrics


def first_hit(flags: Sequence[bool], k: int = TOP_K) -> int | None:
    """1-based rank of the first relevant citation within the top k, or None."""
    return next((i for i, f in enumerate(flags[:k], 1) if f), None)


def rank_metrics(ranks: Sequence[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    return {
        "hit@1": sum(r is not None and r <= 1 for r in ranks) / n,
        "hit@5": sum(r is not None and r <= 5 for r in ranks) / n,
        "hit@10": sum(r is not None and r <= 10 for r in ranks) / n,
        "mrr@10": sum(1.0 / r for r in ranks if r is not None) / n,
    }


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


# ---------------------------------------------------------------------------------------------
# Naive baselines over fixed windows


def windows_of(text: str) -> list[str]:
    """Fixed 200-word windows with 50 words of overlap; whitespace split, nothing else."""
    tokens = text.split()
    if not tokens:
        return []
    starts = range(0, max(len(tokens) - (WINDOW - STRIDE), 1), STRIDE)
    return [" ".join(tokens[s : s + WINDOW]) for s in starts]


@dataclass
class WindowSet:
    texts: list[str]
    doc: np.ndarray  # document index of each window
    keys: list[str]  # document keys, by index


def build_windows(docs: Sequence[tuple[str, str]]) -> WindowSet:
    texts, owner = [], []
    for i, (_, text) in enumerate(docs):
        for w in windows_of(text):
            texts.append(w)
            owner.append(i)
    return WindowSet(texts, np.array(owner, dtype=np.int64), [k for k, _ in docs])


@dataclass
class BM25Index:
    vocab: dict[str, int]
    indptr: np.ndarray  # CSR by term: postings of term t are [indptr[t], indptr[t+1])
    postings: np.ndarray  # window ids
    weights: np.ndarray  # tf * (k1+1) / (tf + k1 * (1 - b + b * dl/avgdl)) for each posting
    idf: np.ndarray
    n: int


def bm25_index(texts: Sequence[str], k1: float = BM25_K1, b: float = BM25_B) -> BM25Index:
    """Okapi BM25 over lowercase \\w+ tokens, Lucene IDF log(1 + (N - df + 0.5) / (df + 0.5))."""
    vocab: dict[str, int] = {}
    rows: list[tuple[int, int, int]] = []  # (term, window, tf)
    lengths = np.zeros(len(texts), dtype=np.float64)
    for wid, text in enumerate(texts):
        toks = words(text)
        lengths[wid] = len(toks)
        for term, tf in Counter(toks).items():
            rows.append((vocab.setdefault(term, len(vocab)), wid, tf))
    arr = np.array(rows, dtype=np.int64).reshape(-1, 3)
    arr = arr[np.argsort(arr[:, 0], kind="stable")]
    df = np.bincount(arr[:, 0], minlength=len(vocab))
    indptr = np.concatenate([[0], np.cumsum(df)])
    avgdl = float(lengths.mean()) if len(texts) else 1.0
    tf = arr[:, 2].astype(np.float64)
    dl = lengths[arr[:, 1]]
    weights = tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))
    n = len(texts)
    idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
    return BM25Index(vocab, indptr, arr[:, 1].copy(), weights, idf, n)


def bm25_search(index: BM25Index, query: str, k: int) -> list[int]:
    scores = np.zeros(index.n, dtype=np.float64)
    for term in set(words(query)):
        t = index.vocab.get(term)
        if t is None:
            continue
        lo, hi = index.indptr[t], index.indptr[t + 1]
        np.add.at(scores, index.postings[lo:hi], index.idf[t] * index.weights[lo:hi])
    top = np.argsort(-scores, kind="stable")[:k]
    return [int(i) for i in top if scores[i] > 0]


def rrf_fuse(rankings: Sequence[Sequence[int]], k: int = RRF_K) -> list[int]:
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return [i for i, _ in sorted(scores.items(), key=lambda p: (-p[1], p[0]))]


class Baselines:
    """BM25, dense and RRF over one window set; window vectors cached on disk by content hash."""

    def __init__(self, windows: WindowSet, embedder, cache: Path, label: str) -> None:
        import faiss

        self.windows = windows
        self.embedder = embedder
        started = time.perf_counter()
        self.bm25 = bm25_index(windows.texts)
        self.bm25_seconds = time.perf_counter() - started
        key = sha(embedder.name, str(EMBED_BATCH), *windows.texts)[:20]
        path = cache / f"{label}-windows-{key}.npy"
        started = time.perf_counter()
        if path.exists():
            vectors = np.load(path)
            self.embed_cached = True
        else:
            log(f"{label}: embedding {len(windows.texts)} baseline windows (cached afterwards)")
            parts = []
            for i in range(0, len(windows.texts), EMBED_BATCH):
                parts.append(embedder.embed(windows.texts[i : i + EMBED_BATCH]))
                if (i // EMBED_BATCH) % 20 == 19:
                    log(f"  embedded {i + EMBED_BATCH}/{len(windows.texts)}")
            vectors = np.concatenate(parts) if parts else np.zeros((0, embedder.dimension), np.float32)
            cache.mkdir(parents=True, exist_ok=True)
            np.save(path, vectors)
            self.embed_cached = False
        self.embed_seconds = time.perf_counter() - started
        self.faiss = faiss.IndexFlatIP(vectors.shape[1])
        self.faiss.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def run(self, questions: Sequence[str]) -> dict[str, list[list[int]]]:
        """Top-10 window ids per question for each baseline."""
        qvec = self.embedder.embed(list(questions)) if questions else np.zeros((0, 384), np.float32)
        depth = min(FUSE_DEPTH, len(self.windows.texts))
        _, dense_ids = self.faiss.search(np.ascontiguousarray(qvec, dtype=np.float32), depth)
        out: dict[str, list[list[int]]] = {"bm25": [], "dense": [], "rrf": []}
        for question, row in zip(questions, dense_ids, strict=True):
            lex = bm25_search(self.bm25, question, depth)
            den = [int(i) for i in row if i >= 0]
            out["bm25"].append(lex[:TOP_K])
            out["dense"].append(den[:TOP_K])
            out["rrf"].append(rrf_fuse([lex, den])[:TOP_K])
        return out


# ---------------------------------------------------------------------------------------------
# councilqa, end to end


def product_fingerprint() -> str:
    """A hash of the product source, so a result can be matched to the code that produced it."""
    files = sorted([*ROOT.glob("corpus/*.py"), *ROOT.glob("index/*.py"), *ROOT.glob("qa/*.py")])
    return sha(*[f"{f.relative_to(ROOT)}\n{f.read_text(encoding='utf-8')}" for f in files])[:16]


def councilqa_run(store: Path, paths: Sequence[Path], questions: Sequence[str], rebuild: bool) -> dict:
    """Ingest into a store (fresh unless told to keep it), ask every question; timings included."""
    from index.settings import Settings
    from qa.engine import CouncilQA

    if rebuild and store.exists():
        shutil.rmtree(store)
    started = time.perf_counter()
    qa = CouncilQA(Settings(store=store))
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    report = qa.ingest([str(p) for p in paths], progress=False)
    ingest_seconds = time.perf_counter() - started
    stats = qa.stats()
    log(f"councilqa ingest {store.name}: {report.summary()} in {ingest_seconds:.0f}s")
    answers = []
    started = time.perf_counter()
    for i, question in enumerate(questions, 1):
        answers.append(qa.ask(question, top_k=TOP_K))
        if i % 50 == 0:
            log(f"  asked {i}/{len(questions)}")
    ask_seconds = time.perf_counter() - started
    qa.close()
    return {
        "answers": answers,
        "failed": report.failed,
        "chunks": getattr(stats, "chunks", None),
        "documents": getattr(stats, "documents", None),
        "model_load_s": round(load_seconds, 1),
        "ingest_s": round(ingest_seconds, 1),
        "ask_s": round(ask_seconds, 1),
        "ask_ms_per_question": round(1000 * ask_seconds / max(len(questions), 1), 1),
    }


# ---------------------------------------------------------------------------------------------
# QMSum committee


def qmsum_meetings(limit: int | None, only_split: str | None = None) -> dict[str, dict]:
    splits = {}
    for split in ("train", "val", "test"):
        for line in (QMSUM / f"split_{split}.txt").read_text().split():
            splits[line.strip()] = split
    ids = sorted(p.stem for p in (QMSUM / "meetings").glob("*.json"))
    if only_split and only_split != "all":
        ids = [m for m in ids if splits.get(m, "train") == only_split]
    if limit:
        # round-robin over the splits so a small run still has test, val and train queries
        by_split = {s: [m for m in ids if splits.get(m) == s] for s in ("test", "val", "train")}
        picked: list[str] = []
        while len(picked) < min(limit, len(ids)):
            for s in ("test", "val", "train"):
                if by_split[s] and len(picked) < limit:
                    picked.append(by_split[s].pop(0))
        ids = sorted(picked)
    out = {}
    for mid in ids:
        data = json.loads((QMSUM / "meetings" / f"{mid}.json").read_text(encoding="utf-8"))
        out[mid] = {"split": splits.get(mid, "train"), "turns": data["meeting_transcripts"]}
    return out


def meeting_text(mid: str, turns: Sequence[dict]) -> str:
    """Title line with the meeting id, then one paragraph per turn: 'Speaker: content'."""
    paras = [f"Committee meeting transcript {mid}"]
    for turn in turns:
        speaker = " ".join(str(turn.get("speaker", "")).split()) or "Unknown"
        content = " ".join(str(turn.get("content", "")).split())
        paras.append(f"{speaker}: {content}")
    return "\n\n".join(paras) + "\n"


def write_meetings(meetings: dict[str, dict], folder: Path) -> list[Path]:
    """Write (or keep, when unchanged) one .txt per meeting; stale files are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for mid, meeting in meetings.items():
        path = folder / f"{mid}.txt"
        text = meeting_text(mid, meeting["turns"])
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    for stale in set(folder.glob("*.txt")) - set(paths):
        stale.unlink()
    return sorted(paths)


def qmsum_queries(meetings: dict[str, dict], split: str) -> list[dict]:
    rows = [json.loads(x) for x in (QMSUM / "queries_gold.jsonl").read_text().splitlines() if x.strip()]
    rows = [r for r in rows if r["type"] == "specific" and r["meeting_id"] in meetings]
    return [r for r in rows if split == "all" or r["split"] == split]


def gold_turns(query: dict, meetings: dict[str, dict]) -> list[GoldTurn]:
    turns = meetings[query["meeting_id"]]["turns"]
    indices = sorted({int(d.split("#")[1]) for d in query["gold_doc_ids"]})
    return [GoldTurn(i, words(str(turns[i]["content"]))) for i in indices if i < len(turns)]


def judge_turns(
    cited: Sequence[tuple[str, str]], mid: str, turns: Sequence[GoldTurn], strict: bool
) -> int | None:
    """Rank of the first citation (meeting id, text) from `mid` that overlaps an eligible turn."""
    pool = eligible(turns, strict)
    flags = []
    for meeting, text in cited[:TOP_K]:
        if meeting != mid:
            flags.append(False)
            continue
        ct = CitationText(text)
        flags.append(any(overlaps(t, ct) for t in pool))
    return first_hit(flags)


def run_qmsum(args, out: Path, embedder, summary: dict, details: list[dict]) -> None:
    log("QMSum committee: preparing documents")
    meetings = qmsum_meetings(args.limit, args.split if args.split_meetings else None)
    tag = f"limit{args.limit}" if args.limit else "full"
    if args.split_meetings:
        tag += f"-{args.split}-meetings"
    docs_dir = out / WORK / "qmsum-docs" / tag
    paths = write_meetings(meetings, docs_dir)
    queries = qmsum_queries(meetings, args.split)
    log(f"QMSum: {len(meetings)} meetings, {len(queries)} specific queries (split {args.split})")

    store = out / WORK / "stores" / f"qmsum-{tag}"
    cq = councilqa_run(store, paths, [q["query"] for q in queries], rebuild=not args.keep_stores)

    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    windows = build_windows(texts)
    started = time.perf_counter()
    base = Baselines(windows, embedder, out / WORK / "cache", f"qmsum-{tag}")
    base_out = base.run([q["query"] for q in queries])
    base_seconds = time.perf_counter() - started

    per_q = []
    for qi, q in enumerate(queries):
        turns = gold_turns(q, meetings)
        answer = cq["answers"][qi]
        cited = {
            "councilqa": [(Path(c.source).stem, c.text) for c in answer.citations[:TOP_K]],
        }
        for name in ("bm25", "dense", "rrf"):
            cited[name] = [(windows.keys[int(windows.doc[w])], windows.texts[w]) for w in base_out[name][qi]]
        answers = {"councilqa": _MARKER.sub("", answer.text) if answer.status != "not_found" else ""}
        for name in ("bm25", "dense", "rrf"):
            ids = base_out[name][qi]
            answers[name] = first_words(windows.texts[ids[0]]) if ids else ""
        row = {
            "set": "qmsum",
            "id": q["qid"],
            "split": q["split"],
            "meeting": q["meeting_id"],
            "question": q["query"],
            "status": answer.status,
            "councilqa_sources": [Path(c.source).stem for c in answer.citations[:TOP_K]],
            "councilqa_answer": answer.text,
            "gold_turns": [t.index for t in turns],
        }
        for name in SYSTEMS:
            row[f"{name}_rank"] = judge_turns(cited[name], q["meeting_id"], turns, strict=True)
            row[f"{name}_rank_lenient"] = judge_turns(cited[name], q["meeting_id"], turns, strict=False)
            row[f"{name}_answer_recall"] = round(word_recall(q["answer"], first_words(answers[name])), 4)
        per_q.append(row)
    details.extend(per_q)

    result: dict = {"queries": len(queries), "meetings": len(meetings), "splits": {}}
    splits = ["all"] + [s for s in ("test", "val", "train") if any(r["split"] == s for r in per_q)]
    if args.split != "all":
        splits = [args.split]
    for split in splits:
        rows = [r for r in per_q if split == "all" or r["split"] == split]
        block = {"queries": len(rows)}
        for name in SYSTEMS:
            m = rank_metrics([r[f"{name}_rank"] for r in rows])
            m["hit@10_lenient"] = rank_metrics([r[f"{name}_rank_lenient"] for r in rows])["hit@10"]
            m["answer_recall"] = mean([r[f"{name}_answer_recall"] for r in rows])
            if name == "councilqa":
                m["not_found_rate"] = mean([r["status"] == "not_found" for r in rows])
            block[name] = {k: round(v, 4) for k, v in m.items()}
        result["splits"][split] = block
    result["timing"] = {
        "councilqa": {k: v for k, v in cq.items() if k != "answers"},
        "baselines": {
            "windows": len(windows.texts),
            "bm25_index_s": round(base.bm25_seconds, 1),
            "embed_s": round(base.embed_seconds, 1),
            "embed_cached": base.embed_cached,
            "total_s": round(base_seconds, 1),
        },
    }
    summary["qmsum"] = result


# ---------------------------------------------------------------------------------------------
# Limerick


def limerick_subset(limit: int | None) -> tuple[list[Path], list[dict]]:
    corpus = LIMERICK / "corpus"
    gold = [json.loads(x) for x in (LIMERICK / "gold.jsonl").read_text().splitlines() if x.strip()]
    files = sorted(p for p in corpus.rglob("*.md") if p.is_file())
    if limit:
        gold_docs = sorted({g for q in gold for g in q["gold_doc_paths"]})
        keep = gold_docs[: (limit + 1) // 2]
        rel = [str(p.relative_to(corpus)) for p in files]
        keep += [r for r in rel if r not in set(gold_docs)][: limit - len(keep)]
        chosen = set(keep)
        files = [p for p in files if str(p.relative_to(corpus)) in chosen]
        gold = [q for q in gold if chosen & set(q["gold_doc_paths"])]
    return files, gold


def doc_rank(sources: Sequence[str], gold_paths: Sequence[str]) -> int | None:
    """Rank of the first citation whose source ends with a gold document path."""
    flags = [any(s == g or s.endswith("/" + g) for g in gold_paths) for s in sources]
    return first_hit(flags)


def run_limerick(args, out: Path, embedder, summary: dict, details: list[dict]) -> None:
    corpus = LIMERICK / "corpus"
    files, gold = limerick_subset(args.limit)
    tag = f"limit{args.limit}" if args.limit else "full"
    log(f"Limerick: {len(files)} documents, {len(gold)} questions")
    store = out / WORK / "stores" / f"limerick-{tag}"
    cq = councilqa_run(store, files, [g["question"] for g in gold], rebuild=not args.keep_stores)

    texts = [(str(p.relative_to(corpus)), p.read_text(encoding="utf-8", errors="replace")) for p in files]
    windows = build_windows(texts)
    started = time.perf_counter()
    base = Baselines(windows, embedder, out / WORK / "cache", f"limerick-{tag}")
    base_out = base.run([g["question"] for g in gold])
    base_seconds = time.perf_counter() - started

    # gold documents councilqa failed to ingest, or that are not in the store at all
    failed = {src for src, _ in cq["failed"]}
    rows = []
    for qi, g in enumerate(gold):
        answer = cq["answers"][qi]
        sources = {"councilqa": [c.source for c in answer.citations[:TOP_K]]}
        answers = {"councilqa": _MARKER.sub("", answer.text) if answer.status != "not_found" else ""}
        for name in ("bm25", "dense", "rrf"):
            ids = base_out[name][qi]
            sources[name] = [windows.keys[int(windows.doc[w])] for w in ids]
            answers[name] = first_words(windows.texts[ids[0]]) if ids else ""
        row = {
            "set": "limerick",
            "id": g["id"],
            "question": g["question"],
            "gold_doc_paths": g["gold_doc_paths"],
            "status": answer.status,
            "councilqa_sources": sources["councilqa"],
            "councilqa_answer": answer.text,
            "gold_doc_failed_ingest": any(str(corpus / p) in failed for p in g["gold_doc_paths"]),
        }
        for name in SYSTEMS:
            row[f"{name}_rank"] = doc_rank(sources[name], g["gold_doc_paths"])
            row[f"{name}_answer_recall"] = round(word_recall(g["answer"], first_words(answers[name])), 4)
            if name == "councilqa":
                row["councilqa_answer_recall_full"] = round(word_recall(g["answer"], answers[name]), 4)
        rows.append(row)
    details.extend(rows)

    block: dict = {"queries": len(rows)}
    for name in SYSTEMS:
        m = rank_metrics([r[f"{name}_rank"] for r in rows])
        m["answer_recall"] = mean([r[f"{name}_answer_recall"] for r in rows])
        if name == "councilqa":
            m["answer_recall_full"] = mean([r["councilqa_answer_recall_full"] for r in rows])
            m["not_found_rate"] = mean([r["status"] == "not_found" for r in rows])
        block[name] = {k: round(v, 4) for k, v in m.items()}
    summary["limerick"] = {
        "documents": len(files),
        "questions": len(rows),
        "splits": {"all": block},
        "timing": {
            "councilqa": {k: v for k, v in cq.items() if k != "answers"},
            "baselines": {
                "windows": len(windows.texts),
                "bm25_index_s": round(base.bm25_seconds, 1),
                "embed_s": round(base.embed_seconds, 1),
                "embed_cached": base.embed_cached,
                "total_s": round(base_seconds, 1),
            },
        },
    }


# ---------------------------------------------------------------------------------------------
# Report

METRICS = {
    "qmsum": ["hit@1", "hit@5", "hit@10", "mrr@10", "hit@10_lenient", "answer_recall", "not_found_rate"],
    "limerick": ["hit@1", "hit@5", "hit@10", "mrr@10", "answer_recall", "not_found_rate"],
}
TARGETS = [
    ("qmsum", "all", "hit@10", 0.85),
    ("limerick", "all", "hit@5", 0.60),
]


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return "–"
    if b == 0:
        return "∞" if a > 0 else "–"
    return f"{a / b:.2f}×"


def table(set_name: str, block: dict) -> list[str]:
    head = "| metric | councilqa | BM25 | cqa/BM25 | dense | cqa/dense | RRF | cqa/RRF |"
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for metric in METRICS[set_name]:
        cqa = block["councilqa"].get(metric)
        cells = [f"{cqa:.3f}" if cqa is not None else "–"]
        for name in ("bm25", "dense", "rrf"):
            b = block[name].get(metric)
            cells += [f"{b:.3f}" if b is not None else "–", ratio(cqa, b)]
        lines.append(f"| {metric} | " + " | ".join(cells) + " |")
    return lines


def verdicts(summary: dict) -> list[str]:
    lines = []
    for set_name, split, metric, goal in TARGETS:
        block = summary.get(set_name, {}).get("splits", {}).get(split)
        if not block:
            continue
        value = block["councilqa"][metric]
        state = "MET" if value >= goal else "MISSED"
        lines.append(f"- {set_name} {metric} ({split}) ≥ {goal:.2f}: {value:.3f} — {state}")
    for set_name in ("qmsum", "limerick"):
        for split, block in summary.get(set_name, {}).get("splits", {}).items():
            for name in ("bm25", "dense", "rrf"):
                behind = [
                    m
                    for m in ("hit@1", "hit@5", "hit@10", "mrr@10", "answer_recall")
                    if block["councilqa"][m] < block[name][m]
                ]
                state = "ahead on every metric" if not behind else "behind on " + ", ".join(behind)
                lines.append(f"- {set_name} [{split}] councilqa vs {name}: {state}")
    return lines


def render(summary: dict) -> str:
    run = summary["run"]
    lines = [
        "# councilqa quality benchmark",
        "",
        f"Run {run['started']} · sets {', '.join(run['sets'])} · limit {run['limit'] or 'none'} · "
        f"split {run['split']}{' (its meetings only)' if run.get('split_meetings') else ''} · "
        f"product source {run['product_fingerprint']} · {run['total_s']:.0f} s total",
        "",
        "Relevance: QMSum — a citation from the query's own meeting overlapping a gold turn (≥ 50% of the"
        " turn's word 8-grams, or ≥ 30 consecutive words, or the whole turn if < 8 words; strict scoring"
        " ignores < 8-word turns when the query has a longer gold turn; `hit@10_lenient` counts them)."
        " Limerick — a citation whose source ends with a gold document path. answer_recall: share of the"
        " reference answer's content words in the first 80 words of the answer (baselines: their top"
        " window). Baselines: 200-word windows, 50 overlap; BM25 k1=1.5 b=0.75; dense all-MiniLM-L6-v2 +"
        " faiss IndexFlatIP; RRF k=60 over the top 100 of each.",
        "",
        "## Targets",
        "",
        *verdicts(summary),
    ]
    names = {
        "qmsum": "QMSum committee — specific queries",
        "limerick": "Limerick 2014–2019 — councillor questions",
    }
    for set_name in ("qmsum", "limerick"):
        if set_name not in summary:
            continue
        res = summary[set_name]
        for split, block in res["splits"].items():
            lines += ["", f"## {names[set_name]} [{split}] ({block['queries']} questions)", ""]
            lines += table(set_name, block)
        t = res["timing"]
        c, b = t["councilqa"], t["baselines"]
        lines += [
            "",
            f"Timing: councilqa ingest {c['ingest_s']} s ({c['chunks']} chunks, {len(c['failed'])} files"
            f" failed), ask {c['ask_s']} s ({c['ask_ms_per_question']} ms/question); baselines"
            f" {b['windows']} windows, embed {b['embed_s']} s{' (cached)' if b['embed_cached'] else ''},"
            f" total {b['total_s']} s.",
        ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default="qmsum,limerick", help="comma list: qmsum, limerick")
    parser.add_argument("--limit", type=int, default=None, help="QMSum meetings / Limerick documents")
    parser.add_argument("--split", default="all", choices=["test", "val", "train", "all"], help="QMSum split")
    parser.add_argument(
        "--split-meetings", action="store_true", help="QMSum: ingest only the meetings of --split"
    )
    parser.add_argument("--out", default=str(ROOT / "bench" / "out"))
    parser.add_argument("--fresh", action="store_true", help="also drop written docs and baseline caches")
    parser.add_argument(
        "--keep-stores", action="store_true", help="reuse councilqa stores (only for diagnosis, not scores)"
    )
    args = parser.parse_args(argv)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = set(sets) - {"qmsum", "limerick"}
    if unknown:
        parser.error(f"unknown set(s): {', '.join(sorted(unknown))}")
    out = Path(args.out)
    if args.fresh:
        shutil.rmtree(out / WORK, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)

    from index.embedder import SentenceEmbedder

    started = time.perf_counter()
    embedder = SentenceEmbedder(batch_size=EMBED_BATCH)  # baselines only; councilqa loads its own
    summary: dict = {
        "run": {
            "started": time.strftime("%Y-%m-%d %H:%M:%S"),
            "sets": sets,
            "limit": args.limit,
            "split": args.split,
            "split_meetings": args.split_meetings,
            "product_fingerprint": product_fingerprint(),
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        }
    }
    details: list[dict] = []
    if "qmsum" in sets:
        run_qmsum(args, out, embedder, summary, details)
    if "limerick" in sets:
        run_limerick(args, out, embedder, summary, details)
    summary["run"]["total_s"] = round(time.perf_counter() - started, 1)

    suffix = f"-limit{args.limit}" if args.limit else ""
    (out / f"quality{suffix}.json").write_text(json.dumps(summary, indent=2, default=str), encoding="utf-8")
    with open(out / f"quality-details{suffix}.jsonl", "w", encoding="utf-8") as handle:
        for row in details:
            handle.write(json.dumps(row, default=str) + "\n")
    report = render(summary)
    (out / f"quality{suffix}.md").write_text(report, encoding="utf-8")
    print(report)
    log(f"wrote {out / f'quality{suffix}.json'}, {out / f'quality{suffix}.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
