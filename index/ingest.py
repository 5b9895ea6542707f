"""Incremental ingest: new and changed files in, unchanged skipped, bad files reported, nothing lost."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpus.chunker import chunk_document
from corpus.document import Chunk, Document
from corpus.errors import UnreadableFileError
from corpus.loader import file_hash, load_document
from corpus.reader import SUPPORTED_SUFFIXES
from index.embedder import Embedder
from index.faults import checkpoint
from index.settings import Settings
from index.store import Store


@dataclass
class IngestReport:
    """What one ingest did, file by file."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, the stored source it repeats)
    unread_pages: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)  # no text, even by OCR
    chunks: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failed)} failed; {self.chunks} chunks written"
            + (f"; {len(self.duplicates)} duplicates of stored files skipped" if self.duplicates else "")
        )


def walk(paths: Sequence[str | Path]) -> Iterator[tuple[Path, str]]:
    """Files under the given paths with their source names: the given path joined with the inner path."""
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            yield root, str(given)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    full = Path(dirpath) / name
                    yield full, os.path.join(str(given), str(full.relative_to(root)))


@dataclass
class _Pending:
    documents: list[tuple[Document, list[Chunk], bool]] = field(default_factory=list)

    @property
    def chunks(self) -> int:
        return sum(len(c) for _, c, _ in self.documents)


class Ingestor:
    """Ties corpus loading, chunking, embedding and the store together."""

    def __init__(self, store: Store, embedder: Embedder, settings: Settings) -> None:
        self.store, self.embedder, self.settings = store, embedder, settings
        self.max_tokens = min(settings.max_tokens, embedder.max_tokens - 2)

    def run(
        self,
        paths: Sequence[str | Path],
        prune: bool = False,
        progress: bool = True,
        on_error: Callable[[str], None] | None = None,
    ) -> IngestReport:
        report, pending = IngestReport(), _Pending()
        files = list(walk(paths))
        # One writer at a time per store: a second ingest waits here, or stops naming the first.
        with self.store.writing():
            self._failed = set(self.store.failed_sources())
            self._pending_hashes: dict[str, str] = {}
            for path, source in _progress(files, progress):
                self._take(path, source, report, pending, on_error)
                checkpoint("file")
                if pending.chunks >= self.settings.commit_chunks:
                    self._write(pending, report)
            self._write(pending, report)
            if prune:
                self._prune(paths, {source for _, source in files}, report)
        return report

    def _take(self, path: Path, source: str, report: IngestReport, pending: _Pending, on_error) -> None:
        try:
            if path.is_file() and path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise UnreadableFileError(
                    source, f"unsupported file type '{path.suffix.lower() or path.name}'"
                )
            sha = file_hash(path) if path.is_file() else ""
            if sha and self.store.document_hash(source) == sha:
                report.unchanged.append(source)
                if source in self._failed:  # it failed once, and is back as it was stored
                    with self.store.transaction():
                        self.store.clear_failure(source)
                return
            if (twin := self._twin(sha, source)) is not None:
                report.duplicates.append((source, twin))
                return
            document = load_document(path, source, sha)
            if document.unread_pages:
                report.unread_pages.append((source, document.unread_pages))
            chunks = chunk_document(document, self.embedder.count_tokens, self.max_tokens)
            if not chunks:
                raise UnreadableFileError(source, "no text to index")
        except UnreadableFileError as exc:
            reason = exc.reason
            report.failed.append((source, reason))
            with self.store.transaction():
                self.store.record_failure(source, reason)
            if on_error:
                on_error(f"{source}: {reason}")
            return
        pending.documents.append((document, chunks, self.store.document_hash(source) is not None))

    def _twin(self, sha: str, source: str) -> str | None:
        """Another stored file with the same content: a paper copied into two folders is one paper."""
        twin = (self._pending_hashes.get(sha) or self.store.source_of_hash(sha)) if sha else None
        if twin and twin != source and Path(twin).exists():
            return twin
        self._pending_hashes[sha] = source
        return None

    def _write(self, pending: _Pending, report: IngestReport) -> None:
        """Embed a batch, then store it in one transaction: every file in it lands, or none."""
        if not pending.documents:
            return
        texts = [_embed_text(c) for _, chunks, _ in pending.documents for c in chunks]
        vectors = self.embedder.embed(texts)
        checkpoint("embedded")
        with self.store.transaction():
            start = 0
            for document, chunks, existed in pending.documents:
                self.store.add_document(document, chunks, vectors[start : start + len(chunks)])
                checkpoint("added")
                start += len(chunks)
                (report.replaced if existed else report.added).append(document.source)
                report.chunks += len(chunks)
            self.store.bump_generation()
        pending.documents.clear()

    def _prune(self, paths: Sequence[str | Path], seen: set[str], report: IngestReport) -> None:
        """Drop stored files, and failure records, under the given paths that the walk no longer found."""
        roots = [str(p).rstrip("/") for p in paths]

        def gone(sources: list[str]) -> list[str]:
            return [
                s for s in sources if s not in seen and any(s == r or s.startswith(r + os.sep) for r in roots)
            ]

        documents, failures = gone(self.store.sources()), gone(self.store.failed_sources())
        if documents or failures:
            with self.store.transaction():
                for source in documents:
                    self.store.remove_document(source)
                    checkpoint("pruning")
                for source in failures:
                    self.store.clear_failure(source)
                self.store.bump_generation()
            report.removed.extend(documents)


def _embed_text(chunk: Chunk) -> str:
    return f"{chunk.heading}\n{chunk.text}" if chunk.heading else chunk.text


def _progress(files: list[tuple[Path, str]], enabled: bool):
    if not enabled or len(files) < 2:
        return files
    from tqdm import tqdm

    return tqdm(files, desc="ingest", unit="file", file=sys.stderr, disable=not sys.stderr.isatty())
