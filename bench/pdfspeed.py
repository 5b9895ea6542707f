"""PDF parsing against embedding on real council PDFs: pages/s of each, and OCR pages/s.

Run from the repo root with the venv:  python bench/pdfspeed.py [--pdfs ../shared/realpdf-dev/pdfs]
Writes bench/out/pdfspeed.json. The target (issue 7): text-PDF parsing >= 3x the pages/s embedding allows,
measured on the same machine in the same run, so shared load weighs on both alike.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _has_scans(path: Path, needs_ocr) -> bool:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    return any(needs_ocr(pdf[i]) for i in range(len(pdf)))


def _time_ocr(files: list[Path], limit: int, needs_ocr, ocr_words) -> tuple[float, int]:
    """Seconds spent by OCR on the first `limit` image pages of `files`, and how many it read."""
    import pypdfium2

    took, pages = 0.0, 0
    for path in files:
        pdf = pypdfium2.PdfDocument(str(path))
        for index in range(len(pdf)):
            if pages >= limit:
                return took, pages
            page = pdf[index]
            if needs_ocr(page):
                start = time.perf_counter()
                ocr_words(page)
                took, pages = took + time.perf_counter() - start, pages + 1
    return took, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pdfs", default=str(ROOT.parent / "shared" / "realpdf-dev" / "pdfs"))
    parser.add_argument("--out", default="bench/out")
    parser.add_argument("--ocr-pages", type=int, default=6, help="image pages timed for OCR (~10 s each)")
    args = parser.parse_args()
    import sys

    sys.path.insert(0, str(ROOT))
    from corpus.chunker import chunk_document
    from corpus.loader import load_document
    from corpus.ocr import needs_ocr, ocr_words
    from corpus.pdf import read_pdf
    from index.embedder import SentenceEmbedder

    files = sorted(Path(args.pdfs).glob("*.pdf"))
    scanned = {path for path in files if _has_scans(path, needs_ocr)}
    text_files = [path for path in files if path not in scanned]
    parse_s, text_pages = 0.0, 0
    for path in text_files:
        start = time.perf_counter()
        text_pages += len(read_pdf(path))
        parse_s += time.perf_counter() - start
    ocr_s, ocr_pages = _time_ocr(sorted(scanned), args.ocr_pages, needs_ocr, ocr_words)
    embedder = SentenceEmbedder()
    texts, pages_chunked = [], 0
    for path in text_files:
        document = load_document(path)
        pages_chunked += len(document.pages)
        chunks = chunk_document(document, embedder.count_tokens, 240)
        texts += [f"{c.heading}\n{c.text}" if c.heading else c.text for c in chunks]
    start = time.perf_counter()
    embedder.embed(texts)
    embed_s = time.perf_counter() - start
    report = {
        "text_pdfs": len(text_files),
        "text_pages": text_pages,
        "parse_pages_per_s": round(text_pages / parse_s, 1),
        "chunks": len(texts),
        "chunks_per_page": round(len(texts) / pages_chunked, 2),
        "embed_chunks_per_s": round(len(texts) / embed_s, 1),
        "embed_pages_per_s": round(pages_chunked / embed_s, 1),
        "parse_over_embed": round((text_pages / parse_s) / (pages_chunked / embed_s), 1),
        "ocr_pages": ocr_pages,
        "ocr_pages_per_s": round(ocr_pages / ocr_s, 2) if ocr_s else None,
    }
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "pdfspeed.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
