"""Inputs for bench/perf.py: questions, real-sentence chunks, clustered synthetic vectors and PDFs."""

from __future__ import annotations

import hashlib
import json
import random
import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import perf_util  # noqa: F401  (puts the repository root on sys.path)

from corpus.document import Chunk, Document, Metadata, Page

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "papers"
LIMERICK = Path("/work/shared/bench/limerick-2014-2019/corpus")
DEV = Path("/work/shared/eval/dev.jsonl")
GOLD = ROOT / "eval" / "gold.jsonl"

# Written for this benchmark: identifier questions of the shapes councillors use, and topical ones
# about the Limerick papers, so that both corpora in the synthetic stores are asked about.
EXTRA_QUESTIONS = (
    "What is the status of Pledge 43?",
    "What is the status of Pledge 44?",
    "What is the status of Pledge 46?",
    "What was the status of Pledge 47 in February 2020?",
    "Who is the portfolio holder for Pledge 49?",
    "What does Recommendation 2.1 say?",
    "What was decided under agenda item 7?",
    "What does section 3.2 of the strategic plan cover?",
    "What is Priority 3 in the three-year strategic plan?",
    "What was agreed at Minute 23?",
    "What is Appendix 1 of the scrutiny agenda pack?",
    "What is the status of Pledge 120?",
    "Who is responsible for Objective 4?",
    "What was reported under item 5 on the Ofsted improvement plan?",
    "When will the N69 road resurfacing works be completed?",
    "How many houses were allocated under the Rebuilding Ireland Home Loan scheme?",
    "What is the council doing about illegal dumping in Newcastle West?",
    "What funding was approved for the Limerick Greenway?",
    "Who was elected Cathaoirleach of the Municipal District of Adare-Rathkeale?",
    "What is the timeline for the Abbeyfeale traffic management plan?",
    "How many council houses are vacant in the Cappamore-Kilmallock district?",
    "What was the outcome of the Part 8 planning process for the housing scheme at Mungret?",
    "When will the public lighting on the Dock Road be upgraded?",
    "What did the Joint Policing Committee report about anti-social behaviour?",
    "What are the council's plans for the Opera site in Limerick city centre?",
    "How much was allocated to the Community and Amenity Grants Scheme?",
    "What flood relief works are planned for Castleconnell?",
    "Which estates were taken in charge by the council in 2018?",
)


def questions(n: int | None = None) -> list[str]:
    """Dev questions, the repository's gold questions and the ones above; n of them spread evenly."""
    found: list[str] = []
    for path in (DEV, GOLD):
        if path.exists():
            found += [json.loads(line)["question"] for line in path.read_text().splitlines() if line.strip()]
    found = list(dict.fromkeys([*found, *EXTRA_QUESTIONS]))
    if n and n < len(found):
        found = [found[int(i * len(found) / n)] for i in range(n)]
    return found


@dataclass
class Source:
    """A real paper as a stream of sentences, each with the separator before it and its heading."""

    name: str
    meta: Metadata
    sample: bool
    segments: list[tuple[str, str, str | None]]
    words: list[int]


def source_paths(limerick: bool = True) -> list[Path]:
    paths = sorted(SAMPLES.glob("*.txt"))
    if limerick and LIMERICK.exists():
        paths += sorted(LIMERICK.rglob("*.md"))
    return paths


def load_sources(limerick: bool = True) -> list[Source]:
    """Every sample paper (and Limerick paper, if present), read and cleaned as ingest reads it."""
    from corpus.blocks import parse_blocks
    from corpus.cleaner import clean_pages
    from corpus.errors import UnreadableFileError
    from corpus.metadata import describe
    from corpus.reader import read_pages
    from corpus.sentences import split_sentences

    sources = []
    for path in source_paths(limerick):
        try:
            pages = [p for p in clean_pages(read_pages(path)) if p.text.strip()]
        except UnreadableFileError:
            continue
        if not pages:
            continue
        meta = describe("\n\n".join(p.text for p in pages)[:20_000], str(path))
        heading: str | None = None
        segments: list[tuple[str, str, str | None]] = []
        for block in parse_blocks(pages):
            if block.kind == "heading":
                heading = block.text
                continue
            sep = "\n\n"
            for line in block.text.split("\n"):
                for sentence in split_sentences(line):
                    segments.append((sep, sentence, heading))
                    sep = " "
                sep = "\n"
        words = [len(s.split()) for _, s, _ in segments]
        if sum(words) >= 40:
            sources.append(Source(path.name, meta, path.parent == SAMPLES, segments, words))
    return sources


class ChunkMaker:
    """Synthetic documents: a real paper re-cut from a random sentence, with real chunk lengths.

    Each synthetic document takes one real paper (a sample paper with probability `sample_share`,
    else a Limerick paper), starts at a random sentence and packs consecutive sentences into chunks
    whose word counts are drawn from the real chunker's output, wrapping round once the paper ends;
    it has as many chunks as the paper would give. Metadata (title, council, date, type) is the
    real paper's own."""

    MAX_WORDS = 180

    def __init__(self, sources: Sequence[Source], lengths: Sequence[int], sample_share: float = 0.05) -> None:
        self.samples = [s for s in sources if s.sample]
        self.others = [s for s in sources if not s.sample] or self.samples
        self.lengths = [max(8, min(int(n), self.MAX_WORDS)) for n in lengths]
        self.mean_length = float(np.mean(self.lengths))
        self.sample_share = sample_share if self.others is not self.samples else 1.0

    def document(self, key: str, rng: random.Random, limit: int) -> tuple[Document, list[Chunk]]:
        pool = self.samples if rng.random() < self.sample_share else self.others
        source = rng.choice(pool)
        total = sum(source.words)
        wanted = max(1, min(limit, round(total / self.mean_length)))
        doc_id = hashlib.sha256(key.encode()).hexdigest()
        at = rng.randrange(len(source.segments))
        chunks = []
        for position in range(wanted):
            text, heading, at = self._chunk(source, at, rng.choice(self.lengths))
            page = position // 3 + 1
            chunks.append(Chunk(doc_id, position, text, heading, page, page))
        pages = tuple(Page("", n) for n in range(1, chunks[-1].page_end + 1))
        return Document(doc_id, f"perf/{key}/{source.name}", source.meta, pages), chunks

    def _chunk(self, source: Source, at: int, target: int) -> tuple[str, str | None, int]:
        n = len(source.segments)
        parts: list[str] = []
        words = 0
        heading = source.segments[at % n][2]
        while words < target and len(parts) < n:
            sep, sentence, _ = source.segments[at % n]
            size = source.words[at % n]
            if parts and words + size > target * 1.2:
                break
            if size > self.MAX_WORDS:
                sentence, size = " ".join(sentence.split()[: self.MAX_WORDS]), self.MAX_WORDS
            parts.append(f"{sep}{sentence}" if parts else sentence)
            words += size
            at += 1
        return "".join(parts), heading, at % n


def batches(
    maker: ChunkMaker, size: int, seed: int, per_batch: int
) -> Iterator[list[tuple[Document, list[Chunk]]]]:
    """Synthetic documents totalling exactly `size` chunks, in groups of about `per_batch` chunks."""
    rng = random.Random(seed)
    made, number, group, in_group = 0, 0, [], 0
    while made < size:
        document, chunks = maker.document(f"{size}-{number:07d}", rng, size - made)
        number += 1
        made += len(chunks)
        group.append((document, chunks))
        in_group += len(chunks)
        if in_group >= per_batch:
            yield group
            group, in_group = [], 0
    if group:
        yield group


def embed_text(chunk: Chunk) -> str:
    """What ingest embeds for a chunk (index.ingest._embed_text)."""
    return f"{chunk.heading}\n{chunk.text}" if chunk.heading else chunk.text


@dataclass
class VectorModel:
    """Real embeddings summarised as k-means centroids, cluster sizes and per-dimension residual spread."""

    centroids: np.ndarray
    weights: np.ndarray
    sigma: np.ndarray

    @classmethod
    def fit(cls, vectors: np.ndarray, k: int = 200, seed: int = 1) -> VectorModel:
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        kmeans = faiss.Kmeans(vectors.shape[1], k, niter=25, seed=seed, verbose=False)
        kmeans.train(vectors)
        _, assign = kmeans.index.search(vectors, 1)
        assign = assign[:, 0]
        residual = vectors - kmeans.centroids[assign]
        weights = np.bincount(assign, minlength=k).astype(np.float64)
        return cls(kmeans.centroids.copy(), weights / weights.sum(), residual.std(axis=0).astype(np.float32))

    def draw(self, n: int, rng: np.random.Generator) -> np.ndarray:
        cluster = rng.choice(len(self.weights), size=n, p=self.weights)
        noise = rng.standard_normal((n, self.centroids.shape[1]), dtype=np.float32) * self.sigma
        vectors = self.centroids[cluster] + noise
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors.astype(np.float32)

    def save(self, path: Path) -> None:
        np.savez(path, centroids=self.centroids, weights=self.weights, sigma=self.sigma)

    @classmethod
    def load(cls, path: Path) -> VectorModel:
        data = np.load(path)
        return cls(data["centroids"], data["weights"], data["sigma"])


def cosine_to_centroid(vectors: np.ndarray, centroids: np.ndarray) -> float:
    """Mean cosine of each vector to its nearest centroid: how tight the clusters are."""
    unit = centroids / np.linalg.norm(centroids, axis=1, keepdims=True)
    return float((vectors @ unit.T).max(axis=1).mean())


# --- parse inputs -------------------------------------------------------------------------------

_PROSE_MIN_WORDS = 25


def prose_paragraphs() -> list[str]:
    """Paragraph-length lines of the sample papers (table rows and headings left out)."""
    paragraphs = []
    for path in sorted(SAMPLES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = re.sub(r"<[^>]+>", "", line).replace("\t", " ").strip()
            if len(line.split()) >= _PROSE_MIN_WORDS:
                paragraphs.append(" ".join(line.split()))
    return paragraphs


def _latin(text: str) -> str:
    return text.encode("cp1252", "replace").decode("cp1252")


def make_pdfs(folder: Path, count: int = 20, pages: int = 20, seed: int = 3) -> list[Path]:
    """A4 PDFs of council prose via reportlab: running header, numbered heading, body and 'Page N of M'."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = prose_paragraphs()
    rng = random.Random(seed)
    width, height = A4
    made = []
    for number in range(count):
        path = folder / f"paper_{number:02d}.pdf"
        made.append(path)
        if path.exists():
            continue
        pdf = canvas.Canvas(str(path), pagesize=A4)
        title = f"Overview and Scrutiny Committee report {number + 1}"
        for page in range(1, pages + 1):
            pdf.setFont("Helvetica", 8)
            pdf.drawString(72, height - 40, _latin(f"Plymouth City Council - {title}"))
            pdf.setFont("Helvetica-Bold", 12)
            pdf.drawString(72, height - 72, _latin(f"{page}. {rng.choice(paragraphs)[:60].rstrip(',;: ')}"))
            pdf.setFont("Helvetica", 10)
            y = height - 96
            while y > 80:
                for line in textwrap.wrap(_latin(rng.choice(paragraphs)), 95):
                    if y <= 80:
                        break
                    pdf.drawString(72, y, line)
                    y -= 13
                y -= 8
            pdf.setFont("Helvetica", 8)
            pdf.drawString(width / 2 - 30, 40, f"Page {page} of {pages}")
            pdf.showPage()
        pdf.save()
    return made


def make_text_concatenations(folder: Path, count: int = 10, page_chars: int = 3000) -> list[Path]:
    """The five sample papers joined (rotated order per file), a 'Page N' footer line every ~3,000 chars."""
    folder.mkdir(parents=True, exist_ok=True)
    papers = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SAMPLES.glob("*.txt"))]
    made = []
    for number in range(count):
        path = folder / f"concat_{number:02d}.txt"
        made.append(path)
        order = papers[number % len(papers) :] + papers[: number % len(papers)]
        out, page, since = [], 1, 0
        for line in "\n".join(order).split("\n"):
            out.append(line)
            since += len(line) + 1
            if since >= page_chars:
                out.append(f"Page {page}")
                page, since = page + 1, 0
        out.append(f"Page {page}")
        path.write_text("\n".join(out), encoding="utf-8")
    return made
