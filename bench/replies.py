"""Limerick councillors' questions with the council's replies, as reader training data (early years only)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

LIMERICK = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "limerick-2014-2019"
# Fit on the early years; the later years' questions (111 of 171) stay held apart for bench/quality.py,
# as the product is measured on other years of Limerick.
TRAIN_YEARS = frozenset({"2014", "2015", "2016", "2017"})
STORE = ".councilqa-limerick-train"  # the training questions' papers, built once by the trainer
REPLY_SHARE = 0.7  # a sentence this share of whose words the reply holds is part of the reply
MIN_WORDS = 5  # shorter units ('Reply:', a name) are in every reply
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Reply:
    """A councillor's question, the council's printed reply, and the papers (file names) that print it."""

    question: str
    answer: str
    docs: tuple[str, ...]
    answerable: bool = True


def load_replies(years: frozenset[str] = TRAIN_YEARS) -> list[Reply]:
    """The gold questions whose papers are of the given years and are in the corpus."""
    corpus = LIMERICK / "corpus"
    out = []
    for line in (LIMERICK / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        paths = [p for p in g["gold_doc_paths"] if p[:4] in years and (corpus / p).exists()]
        if paths:
            out.append(Reply(g["question"], g["answer"], tuple(Path(p).name for p in paths)))
    return out


def paper_paths(years: frozenset[str] = TRAIN_YEARS) -> list[Path]:
    """The corpus files that print the replies of the given years."""
    corpus = LIMERICK / "corpus"
    names = {d for r in load_replies(years) for d in r.docs}
    return sorted(p for p in corpus.rglob("*.md") if p.name in names)


def in_reply(reply: Reply, answer: str, source: str) -> bool:
    """Whether a candidate (its text, its paper's path) is part of the printed reply."""
    if Path(source).name not in reply.docs:
        return False
    words = _WORD.findall(answer.lower())
    held = set(_WORD.findall(reply.answer.lower()))
    return len(words) >= MIN_WORDS and sum(w in held for w in words) / len(words) >= REPLY_SHARE
