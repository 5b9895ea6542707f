"""Limerick replies as reader training data: which candidates count as part of the printed reply."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from replies import Reply, in_reply  # noqa: E402 - a script folder, not a package

REPLY = Reply(
    "What is the up to date position on the taking in charge of the Curran estates?",
    "An inspection of both estates was carried out recently and some outstanding issues need rectification "
    "before the estates can be taken in charge. A snag list was issued to the developer.",
    ("Minutes - Adare - 9th September 2014.md",),
)
PAPER = "/corpus/2014/09/Minutes - Adare - 9th September 2014.md"


def test_a_sentence_of_the_reply_in_its_paper_is_positive():
    assert in_reply(REPLY, "A snag list was issued to the developer.", PAPER)


def test_the_question_another_paper_and_a_bare_label_are_not():
    assert not in_reply(
        REPLY, "Councillor Ryan asked about the taking in charge of the Curran estates.", PAPER
    )
    assert not in_reply(REPLY, "A snag list was issued to the developer.", "/corpus/other.md")
    assert not in_reply(REPLY, "Reply: estates", PAPER)
