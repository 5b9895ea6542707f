"""The sample papers chunked with the real model's tokenizer stay inside what the model reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.blocks import parse_blocks
from corpus.chunker import chunk_blocks
from corpus.cleaner import clean_pages
from corpus.reader import read_pages

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "papers"
PAPERS = sorted(SAMPLES.glob("*.txt"))


def test_there_are_five_sample_papers() -> None:
    assert len(PAPERS) == 5


@pytest.mark.parametrize("path", PAPERS, ids=lambda p: p.name[:3])
def test_every_chunk_fits_the_model_with_room_for_special_tokens(path: Path, real_embedder) -> None:
    count = real_embedder.count_tokens
    pages = clean_pages(read_pages(path))
    chunks = chunk_blocks(parse_blocks(pages), path.stem, count, 240)
    assert chunks
    limit = real_embedder.max_tokens - 2  # [CLS] and [SEP]
    too_long = [(c.position, n) for c in chunks if (n := count(f"{c.heading or ''}\n{c.text}")) > limit]
    assert too_long == []
    assert all(count(f"{c.heading or ''}\n{c.text}") <= 240 for c in chunks)


def test_one_text_is_embedded_on_one_thread_and_the_count_is_restored(real_embedder) -> None:
    import numpy as np
    import torch

    before = torch.get_num_threads()
    question = "Who chaired the scrutiny meeting on 10 July 2019?"
    alone = real_embedder.embed([question])
    assert torch.get_num_threads() == before
    in_batch = real_embedder.embed([question, "A second sentence keeps every thread."])
    assert alone.shape == (1, real_embedder.dimension)
    assert np.allclose(alone[0], in_batch[0], atol=1e-5)
