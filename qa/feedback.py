"""Readers' verdicts on answers (correct / wrong / missing source), kept as JSONL in the store folder."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from corpus.errors import CouncilQAError
from qa.answer import Answer

FEEDBACK_FILE = "feedback.jsonl"
VERDICTS = ("correct", "wrong", "missing source")
MAX_NOTE = 2000  # characters: a note, not an essay; keeps one line of the file readable


class FeedbackError(CouncilQAError):
    """An unknown verdict, or a feedback file that cannot be read."""


@dataclass(frozen=True)
class Feedback:
    """One verdict on one answer, with what was asked and cited, so it can become a test case."""

    at: str  # UTC, ISO 8601 to the second
    question: str
    read_as: str | None
    answer: str
    status: str
    verdict: str  # one of VERDICTS
    note: str
    citations: tuple[str, ...]  # 'source p. N' of each citation

    @classmethod
    def of(cls, answer: Answer, verdict: str | None, note: str = "") -> Feedback:
        """The verdict on `answer`; FeedbackError when none was chosen (None) or it is not one of VERDICTS,
        so no verdict is ever recorded that the reader did not give."""
        if verdict is None:
            raise FeedbackError("no verdict chosen: expected one of " + ", ".join(VERDICTS))
        if verdict not in VERDICTS:
            raise FeedbackError(f"verdict {verdict!r}: expected one of {', '.join(VERDICTS)}")
        cited = tuple(f"{c.source} {c.pages_text}" for c in answer.citations)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return cls(
            now, answer.question, answer.read_as, answer.text, answer.status, verdict, note[:MAX_NOTE], cited
        )


def append_feedback(store: Path, feedback: Feedback) -> Path:
    """Append one JSON line to <store>/feedback.jsonl; returns the file's path."""
    path = Path(store) / FEEDBACK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(asdict(feedback), ensure_ascii=False) + "\n")
    return path


def read_feedback(store: Path) -> list[Feedback]:
    """Every verdict, oldest first; [] when none was given. FeedbackError names a bad line."""
    path = Path(store) / FEEDBACK_FILE
    if not path.exists():
        return []
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            found.append(Feedback(**{**record, "citations": tuple(record["citations"])}))
        except (ValueError, TypeError, KeyError) as exc:
            raise FeedbackError(f"{path}:{number}: unreadable feedback line ({exc})") from exc
    return found
