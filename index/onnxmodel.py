"""The embedding model exported to ONNX once and run by ONNX Runtime: one question embeds in half the time."""

# One question through sentence-transformers on torch took ~19 ms on one thread here; the same graph on
# ONNX Runtime ~9 ms (docs/BENCHMARKS.md), a fifth of `ask`'s 50 ms target at 100k chunks. The export
# is torch's own (torch.onnx.export), written to a cache file keyed by the model's files, and used only
# after it gives torch's vectors for PROBES.

from __future__ import annotations

import contextlib
import glob
import hashlib
import logging
import os
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

# Texts whose vectors the export must reproduce: a question, digits and punctuation, and one past the
# model's token limit, so truncation is checked too.
PROBES = (
    "What is the status of Pledge 48?",
    "Min. 45/19: £1.2m (14.5%) agreed — Cllr O'Neill, 2.00 pm, item 7(b).",
    " ".join(["the council resolved to approve the recommendations of the report"] * 40),
)
# Largest difference from torch's vector, in any coordinate of a unit vector, that still counts as the
# same vector: float32 rounding differs between the two runtimes by ~1e-7.
TOLERANCE = 1e-4
OPSET = 17


_OFF = frozenset({"off", "0", "false", "no", "none"})


def default_cache() -> Path | None:
    """Where exported models are kept: COUNCILQA_ONNX_CACHE (None when it is 'off': questions then run on
    torch), else $XDG_CACHE_HOME/councilqa, else ~/.cache/councilqa."""
    if folder := os.environ.get("COUNCILQA_ONNX_CACHE"):
        return None if folder.strip().lower() in _OFF else Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "councilqa"


class OnnxModel:
    """A sentence-transformers model's whole module stack (transformer, pooling, normalisation) as one
    ONNX graph, run on one text at a time: `embed([text])` -> float32 array (1, dimension)."""

    def __init__(self, session, model) -> None:
        self.session, self.model = session, model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of texts, shape (len(texts), dimension), as the model's own stack gives them (unit
        vectors only if it ends in a Normalize module); one text at a time, as padding is not exported."""
        rows = []
        for text in texts:
            tensors, _ = _features(self.model, text)
            inputs = {name: tensor.numpy().astype(np.int64) for name, tensor in tensors.items()}
            rows.append(self.session.run(None, inputs)[0])
        return np.vstack(rows).astype(np.float32)


def _features(model, text: str) -> tuple[dict, dict]:
    """The model's own tokenisation of one text (truncated to its limit, its case rules applied), split
    into the tensors the graph takes and the rest ('modality') that stays constant."""
    prepare = getattr(model, "preprocess", None) or model.tokenize  # sentence-transformers >= 6 or older
    features = prepare([text])
    tensors = {name: value for name, value in features.items() if hasattr(value, "numpy")}
    return tensors, {name: value for name, value in features.items() if name not in tensors}


def load(model, model_path: Path, cache: Path) -> OnnxModel | None:
    """The model as an OnnxModel, exported to `cache` the first time (checked then against torch on
    PROBES, whose vectors are kept beside it); None, with the reason logged, where ONNX Runtime or torch's
    exporter is missing or fails, or the export does not reproduce torch's vectors. A later process checks
    the cached graph against the kept vectors, not torch (that would cost ~1.4 s a process); one that
    will not load or differs is exported again, once. Never raises."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        log.info("onnxruntime is not installed: questions are embedded by torch")
        return None
    try:
        graph = cache / f"{_key(model_path)}.onnx"
    except OSError as exc:  # the model folder cannot be listed: torch reads it its own way
        log.info("%s: ONNX model not used (%s)", model_path, exc)
        return None
    exported = False
    for _ in range(2):
        try:
            if not (graph.exists() and _probes(graph).exists()):
                exported = True
                _export(model, graph)
            onnx_model = _session(model, graph)
            if _same(onnx_model.embed(PROBES), np.load(_probes(graph))):
                return onnx_model
            log.info("%s: its vectors differ from those it was exported with", graph)
        except Exception as exc:  # any exporter or runtime failure leaves torch, which always works
            log.info("%s: ONNX model not used (%s)", graph, exc)
        _discard(graph, _probes(graph))
        if exported:
            break
    log.info("%s: questions are embedded by torch", graph)
    return None


def _probes(graph: Path) -> Path:
    """The file of torch's vectors of PROBES kept beside an exported graph."""
    return graph.with_suffix(".npy")


def _same(got: np.ndarray, expected: np.ndarray) -> bool:
    return got.shape == expected.shape and float(np.abs(got - expected).max()) <= TOLERANCE


def _discard(*files: Path) -> None:
    for file in files:
        with contextlib.suppress(OSError):  # nothing there, or a folder that cannot exist
            file.unlink(missing_ok=True)


def _key(model_path: Path) -> str:
    """'<model folder>-<its path's hash>-<version>': the version changes when torch, the opset or the
    model's files (their names, sizes and times of change) do; a file rewritten to the same size and time
    keeps it (docs/BENCHMARKS.md)."""
    import torch

    folder = model_path.resolve()
    digest = hashlib.sha256(f"{torch.__version__}|{OPSET}".encode())
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            stat = file.stat()
            digest.update(f"{file.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return f"{_prefix(folder)}{digest.hexdigest()[:16]}"


def _prefix(folder: Path) -> str:
    """The part of a key naming one model folder: its name ('model' says little, so its parent's) and a
    hash of its path, so two folders of one name keep their own exports."""
    name = folder.name if folder.name != "model" else f"{folder.parent.name}-{folder.name}"
    return f"{name}-{hashlib.sha256(str(folder).encode()).hexdigest()[:8]}-"


def _drop_older(graph: Path) -> None:
    """Remove the exports of the same model folder but another version (torch upgraded, model files
    changed): each is 90 MB, and no process will load it again."""
    prefix = graph.stem.rsplit("-", 1)[0]  # _key's '<folder>-<path hash>'
    for file in graph.parent.glob(f"{glob.escape(prefix)}-*"):
        if file.suffix in {".onnx", ".npy"} and file.stem != graph.stem:
            _discard(file)


def _export(model, graph: Path) -> None:
    """torch.onnx.export's TorchScript exporter over the whole module stack, kept only when it reproduces
    torch's vectors of PROBES (saved beside it); written under temporary names and renamed, vectors
    first, so another process never opens half a file. Raises ValueError when it does not reproduce."""
    graph.parent.mkdir(parents=True, exist_ok=True)
    made = [_temporary(graph.parent, ".onnx"), _temporary(graph.parent, ".npy")]
    try:
        _write_graph(model, made[0])
        expected = model.encode(list(PROBES), normalize_embeddings=False, show_progress_bar=False)
        if not _same(_session(model, made[0]).embed(PROBES), expected):
            raise ValueError("the export does not reproduce torch's vectors")
        with open(made[1], "wb") as handle:
            np.save(handle, expected)
        for file in made:
            os.chmod(file, 0o644)  # a cache folder shared by several users serves them all
        os.replace(made[1], _probes(graph))
        os.replace(made[0], graph)
    finally:
        _discard(*made)
    _drop_older(graph)


def _temporary(folder: Path, suffix: str) -> Path:
    handle, name = tempfile.mkstemp(suffix=suffix, dir=folder)
    os.close(handle)
    return Path(name)


def _write_graph(model, file: Path) -> None:
    import torch

    tensors, rest = _features(model, PROBES[0])
    names = tuple(tensors)

    class Stack(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *values):
            return self.model({**rest, **dict(zip(names, values, strict=True))})["sentence_embedding"]

    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the tracer's notes on Python branches it fixes for one text
        torch.onnx.export(
            Stack().eval(),
            tuple(tensors.values()),
            str(file),
            dynamo=False,
            input_names=list(names),
            output_names=["sentence_embedding"],
            dynamic_axes={name: {1: "tokens"} for name in names},
            opset_version=OPSET,
        )


def _session(model, file: Path) -> OnnxModel:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # one thread, as torch was given for one question: the other core runs BM25 (qa/retriever.py)
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(str(file), options, providers=["CPUExecutionProvider"])
    return OnnxModel(session, model)
