"""Papers added from the page: checked for type, size and count, saved under generated names."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import CouncilQAError

UPLOADS_FOLDER = "uploads"
ALLOWED_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")  # what corpus/reader.py reads
MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # 50 MiB: a long council pack; bigger ones go through the CLI
MAX_UPLOAD_FILES = 20  # per batch: each is ingested while the person waits on the page
_NAME_HASH = 16  # hex characters of the content's SHA-256 in the saved name: unique, short


class UploadError(CouncilQAError):
    """An upload refused before ingest: wrong type, too big, empty, or too many at once."""


@dataclass(frozen=True)
class Upload:
    """An uploaded file as received: the name the browser sent (shown, never a path) and its bytes."""

    name: str
    data: bytes


def check_batch(uploads: list[Upload]) -> None:
    """UploadError naming the limit when the batch holds more than MAX_UPLOAD_FILES files."""
    if len(uploads) > MAX_UPLOAD_FILES:
        raise UploadError(f"{len(uploads)} files at once: the page takes up to {MAX_UPLOAD_FILES} per batch")


def safe_name(upload: Upload) -> str:
    """'<sha256 prefix><suffix>': nothing of the sent name but an allowed suffix. UploadError for
    another type, an empty file or one over MAX_UPLOAD_BYTES."""
    base = upload.name.replace("\\", "/").rsplit("/", 1)[-1]
    suffix = "." + base.rsplit(".", 1)[1].lower() if "." in base else ""
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadError(f"not a paper type the page takes ({', '.join(ALLOWED_SUFFIXES)})")
    if not upload.data:
        raise UploadError("the file is empty")
    if len(upload.data) > MAX_UPLOAD_BYTES:
        mib = MAX_UPLOAD_BYTES // (1024 * 1024)
        raise UploadError(f"{len(upload.data) / 2**20:.1f} MiB: the page takes files up to {mib} MiB")
    return hashlib.sha256(upload.data).hexdigest()[:_NAME_HASH] + suffix


def save_upload(store: Path, upload: Upload) -> Path:
    """Write the upload to <store>/uploads/<safe name> and return that path (same bytes, same path)."""
    folder = Path(store) / UPLOADS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_name(upload)
    if not path.exists():
        temporary = path.with_suffix(path.suffix + ".part")
        temporary.write_bytes(upload.data)
        temporary.replace(path)
    return path
