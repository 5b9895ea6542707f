"""Gold question files in the two formats the project uses, read line by line into one record."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import CouncilQAError

UNANSWERABLE = "unanswerable"


class GoldFormatError(CouncilQAError, ValueError):
    """A gold line that is neither format; the message names the file and line."""


@dataclass(frozen=True)
class GoldQuestion:
    """One gold question, whichever format it came from.

    evidence: (document, phrase) pairs; the document is a file-name prefix (project format) or a whole
    file name (real-PDF format), the phrase is text a cited passage holds. page is the 1-based physical
    page of the answering passage (real-PDF format only); answer_type is what kind of answer is asked
    for (the project format has none, so its question type stands in).
    """

    id: str
    question: str
    type: str
    evidence: tuple[tuple[str, str], ...]
    evidence_all: bool
    answer_any: tuple[str, ...]
    doc: str | None = None
    page: int | None = None
    answer_type: str | None = None

    @property
    def answerable(self) -> bool:
        return self.type != UNANSWERABLE

    @property
    def docs(self) -> tuple[str, ...]:
        """The documents the answer lives in: the gold doc, else the evidence documents, in order."""
        names = ([self.doc] if self.doc else []) + [doc for doc, _ in self.evidence]
        return tuple(dict.fromkeys(names))

    @property
    def kind(self) -> str:
        """The answer type to report under: answer_type, else the question type."""
        return self.answer_type or self.type


def _project_row(row: dict, n: int) -> GoldQuestion:
    """{id?, type?, question, evidence: [{doc, contains}], evidence_all?, answer_any} (eval/gold.jsonl)."""
    return GoldQuestion(
        id=str(row.get("id", n)),
        question=row["question"],
        type=row.get("type", "fact"),
        evidence=tuple((e["doc"], e["contains"]) for e in row.get("evidence", [])),
        evidence_all=bool(row.get("evidence_all", False)),
        answer_any=tuple(row.get("answer_any", [])),
    )


def _realpdf_row(row: dict, n: int) -> GoldQuestion:
    """{question, type, doc, page, evidence: str|null, answer_any, answer_type} (realpdf-dev/gold.jsonl)."""
    doc, phrase = row["doc"], row.get("evidence")
    return GoldQuestion(
        id=str(row.get("id", n)),
        question=row["question"],
        type=row["type"],
        evidence=((doc, phrase),) if phrase else (),
        evidence_all=False,
        answer_any=tuple(row.get("answer_any", [])),
        doc=doc,
        page=row.get("page"),
        answer_type=row.get("answer_type"),
    )


def parse_row(row: dict, n: int) -> GoldQuestion:
    """One decoded line, the n-th question; the format is told apart by its evidence field.

    A list of {doc, contains} is the project format; a phrase or null beside a top-level doc (a file
    name, or null) is the real-PDF format. Raises GoldFormatError (without file or line) when a
    needed field is missing.
    """
    try:
        # an unanswerable question asked of no paper in particular has a null doc
        if "doc" in row and not isinstance(row.get("evidence"), list):
            return _realpdf_row(row, n)
        return _project_row(row, n)
    except (KeyError, TypeError) as exc:
        raise GoldFormatError(f"missing or malformed field {exc}") from exc


def load_gold(path: str | Path) -> list[GoldQuestion]:
    """Every non-blank line of a JSONL gold file, numbered from 1 where a line has no id.

    Raises GoldFormatError naming the file and line for bad JSON or a line of neither format.
    """
    questions = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise GoldFormatError("not a JSON object")
            questions.append(parse_row(row, len(questions) + 1))
        except (json.JSONDecodeError, GoldFormatError) as exc:
            raise GoldFormatError(f"{path}: line {n}: {exc}") from exc
    return questions
