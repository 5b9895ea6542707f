"""Incremental ingest: new and changed files in, unchanged skipped, bad files reported, nothing lost."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpus.chunker import chunk_document
from corpus.document import Chunk, Document
from corpus.errors import UnreadableFileError, shown
from corpus.loader import READ_RULES, load_document, snapshot
from index.embedder import Embedder
from index.faults import checkpoint
from index.records import backfill_records, read_records, write_records
from index.sentencefill import backfill, compact, unstored
from index.settings import Settings
from index.store import Store
from index.walk import Found, walk


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
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, why): hidden, links not followed
    chunks: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failed)} failed; {self.chunks} chunks written"
            + (f"; {_count(len(self.duplicates), 'duplicate')} stored once" if self.duplicates else "")
            + (f"; {len(self.skipped)} skipped" if self.skipped else "")
        )

    def notes(self) -> list[str]:
        """One line per file passed over, repeated or with unread pages (failures are told as they
        happen): '<escaped path>: <reason>'."""
        lines = [note(source, reason) for source, reason in self.skipped]
        lines += [note(source, f"same content as {twin}, stored once") for source, twin in self.duplicates]
        for source, pages in self.unread_pages:
            plural = "s" if len(pages) > 1 else ""
            numbers = ", ".join(str(n) for n in pages)
            lines.append(note(source, f"no text on page{plural} {numbers}, even after OCR"))
        return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def note(source: str, reason: str) -> str:
    """The one shape of every line that names a file: '<escaped path>: <reason>'."""
    return f"{shown(source)}: {shown(reason)}"


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
        follow_links: bool = False,
        access: str | None = None,
    ) -> IngestReport:
        """Ingest the files under `paths`; `on_error` gets one line per failed file as it fails.
        `access` 'restricted' or 'public' overrides what the papers' own markings say."""
        report, pending = IngestReport(), _Pending()
        self.access = access
        files = list(walk(paths, follow_links))
        # One writer at a time per store: a second ingest waits here, or stops naming the first.
        with self.store.writing():
            with self.store.transaction():  # papers stored before records were read get theirs now
                backfill_records(self.store.db)
            if self.settings.sentence_vectors:  # chunks stored without their units' vectors get them
                backfill(self.store, self.embedder, self.settings.commit_chunks, self.store.notice)
            self._failed = set(self.store.failed_sources())
            self._pending_hashes: dict[str, str] = {}
            for found in _progress(files, progress):
                self._take(found, report, pending, on_error)
                checkpoint("file")
                if pending.chunks >= self.settings.commit_chunks:
                    self._write(pending, report)
            self._write(pending, report)
            if prune:
                unwalked = [found.source for found in files if found.folder]
                self._prune(paths, {found.source for found in files}, report, unwalked)
            compact(self.store)
        return report

    def _take(self, found: Found, report: IngestReport, pending: _Pending, on_error) -> None:
        """Read, check and chunk one file into `pending`, or name it in the report with why not."""
        source = found.source
        if found.skip is not None:
            report.skipped.append((source, found.skip))
            return
        try:
            taken = snapshot(found.path)  # read once: the hash is of the very bytes parsed below
            if self._unchanged(source, taken.sha256):
                report.unchanged.append(source)
                return
            if (twin := self._twin(taken.sha256, source)) is not None:
                report.duplicates.append((source, twin))
                return
            document = load_document(found.path, source, taken, self.access)
            chunks = chunk_document(document, self.embedder.count_tokens, self.max_tokens)
            if not chunks:
                raise UnreadableFileError(source, "no text to index")
        except UnreadableFileError as exc:
            self._fail(source, exc.reason, report, on_error)
            return
        if document.unread_pages:
            report.unread_pages.append((source, document.unread_pages))
        self._pending_hashes[taken.sha256] = source
        pending.documents.append((document, chunks, self.store.document_hash(source) is not None))

    def _unchanged(self, source: str, sha: str) -> bool:
        """Whether `source` is stored with this content, read by these rules; a failure recorded since is
        then forgotten."""
        if self.store.document_hash(source) != sha:
            return False
        if self.store.document_rules(source) != READ_RULES:
            return False  # read by older rules: read again, and replaced only once read
        if self.access is not None and self.store.document_access(source) != self.access:
            return False  # the same paper, asked to be stored at another access level
        if source in self._failed:  # it failed once, and is back as it was stored
            with self.store.transaction():
                self.store.clear_failure(source)
        return True

    def _fail(self, source: str, reason: str, report: IngestReport, on_error) -> None:
        report.failed.append((source, reason))
        with self.store.transaction():
            self.store.record_failure(source, reason)
        if on_error:
            on_error(note(source, reason))

    def _twin(self, sha: str, source: str) -> str | None:
        """Another file with the same content, stored or about to be: a paper in two folders is one
        paper. Only files that were read count, so two empty or broken files are never twins."""
        twin = self._pending_hashes.get(sha) or self.store.source_of_hash(sha)
        return twin if twin and twin != source and Path(twin).exists() else None

    def _write(self, pending: _Pending, report: IngestReport) -> None:
        """Embed a batch, then store it in one transaction: every file in it lands, or none."""
        if not pending.documents:
            return
        texts = [_embed_text(c) for _, chunks, _ in pending.documents for c in chunks]
        # Each sentence and cell as the reader embeds it, once per distinct text the store lacks,
        # embedded in the same call as the chunks.
        chunk_texts = [c.text for _, chunks, _ in pending.documents for c in chunks]
        fresh = unstored(self.store, chunk_texts, self.settings.sentence_vectors)
        vectors = self.embedder.embed(texts + list(fresh.texts))
        vectors, unit_vectors = vectors[: len(texts)], vectors[len(texts) :]
        checkpoint("embedded")
        with self.store.transaction():
            self.store.sentences.add(fresh.hashes, unit_vectors)
            start = 0
            for document, chunks, existed in pending.documents:
                self.store.add_document(document, chunks, vectors[start : start + len(chunks)])
                write_records(self.store.db, document.source, read_records(document, chunks))
                checkpoint("added")
                start += len(chunks)
                (report.replaced if existed else report.added).append(document.source)
                report.chunks += len(chunks)
            self.store.bump_generation()
        pending.documents.clear()

    def _prune(
        self, paths: Sequence[str | Path], seen: set[str], report: IngestReport, unwalked: Sequence[str] = ()
    ) -> None:
        """Drop stored files, and failure records, under the given paths that the walk no longer found.
        Nothing under an `unwalked` folder (unreadable, a link not followed) goes: it was not looked at."""
        roots = [str(p).rstrip("/") for p in paths]

        def under(source: str, folders: Sequence[str]) -> bool:
            return any(source == f or source.startswith(f + os.sep) for f in folders)

        def gone(sources: list[str]) -> list[str]:
            return [s for s in sources if s not in seen and under(s, roots) and not under(s, unwalked)]

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


def _progress(files: list[Found], enabled: bool):
    if not enabled or len(files) < 2:
        return files
    from tqdm import tqdm

    return tqdm(files, desc="ingest", unit="file", file=sys.stderr, disable=not sys.stderr.isatty())
