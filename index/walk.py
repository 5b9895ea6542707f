"""The files an ingest looks at under the paths it is given, and the ones it passes over, with why."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from index.settings import STORE_DB

_FOLLOW_HINT = "not followed (use --follow-links)"


@dataclass(frozen=True)
class Found:
    """One entry of the walk: a file to read, or (with `skip`) something named and passed over.

    source: the given path joined with the path inside it, as stored and shown.
    skip: why it is not read ('hidden file, skipped', ...), None for a file to read.
    folder: the skipped entry is a folder, so whatever was stored under it is left alone by --prune.
    """

    path: Path
    source: str
    skip: str | None = None
    folder: bool = False


def _valid_name(source: str) -> bool:
    """Whether the name decodes as UTF-8: one that does not cannot be stored or shown faithfully."""
    try:
        source.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_dir(entry: os.DirEntry) -> bool:
    """Whether the entry is a folder or a link to one; False for a link that loops or leads nowhere."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _inside(path: Path, top: Path) -> bool:
    return path == top or path.is_relative_to(top)


class _Walker:
    """Depth-first walk of one given folder: files in name order, then each subfolder in turn."""

    def __init__(self, root: Path, given: str, follow_links: bool) -> None:
        self.top = root.resolve()
        self.given, self.follow = given, follow_links
        self.walked: set[Path] = set()  # real paths of folders entered, so no link loop is walked twice

    def run(self) -> Iterator[Found]:
        stack = [(Path(self.given), self.given)]
        self.walked.add(self.top)
        while stack:
            folder, shown_as = stack.pop()
            subfolders: list[tuple[Path, str]] = []
            yield from self._folder(folder, shown_as, subfolders)
            stack.extend(reversed(subfolders))

    def _folder(self, folder: Path, shown_as: str, subfolders: list[tuple[Path, str]]) -> Iterator[Found]:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            reason = f"cannot open folder: {(exc.strerror or str(exc)).lower()}"
            yield Found(folder, shown_as, reason, folder=True)
            return
        for entry in entries:
            path, source = Path(entry.path), os.path.join(shown_as, entry.name)
            found = self._entry(entry, path, source)
            if found is not None:
                yield found
            elif _is_dir(entry):  # a real folder, or a followed link to one
                subfolders.append((path, source))

    def _entry(self, entry: os.DirEntry, path: Path, source: str) -> Found | None:
        """What to do with one entry: a Found to yield, or None to walk into it as a folder."""
        if not _valid_name(source):
            return Found(path, source, "name is not valid UTF-8, skipped (rename it to ingest it)")
        is_dir = _is_dir(entry)
        if entry.name.startswith("."):
            return Found(path, source, f"hidden {'folder' if is_dir else 'file'}, skipped", folder=is_dir)
        if entry.is_symlink():
            return self._link(path, source, is_dir)
        if is_dir and (path / STORE_DB).is_file():  # a store's own files are no papers
            return Found(path, source, "a councilqa store, skipped", folder=True)
        if is_dir:
            real = path.resolve()
            if real in self.walked:  # a bind mount or the like leading back; never walk a folder twice
                return Found(path, source, "folder already walked, skipped", folder=True)
            self.walked.add(real)
            return None
        return Found(path, source)

    def _link(self, path: Path, source: str, is_dir: bool) -> Found | None:
        """A symbolic link: followed inside the folder (files) or when asked; named otherwise."""
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return Found(path, source)  # broken or looping: reading it says which, as a failure
        if not is_dir:
            if self.follow or _inside(real, self.top):
                return Found(path, source)
            return Found(path, source, f"link to a file outside {self.given}, {_FOLLOW_HINT}")
        if not self.follow:
            return Found(path, source, f"link to a folder, {_FOLLOW_HINT}", folder=True)
        if real in self.walked or _inside(self.top, real):
            return Found(path, source, "link loop: leads to a folder already walked, skipped", folder=True)
        self.walked.add(real)
        return None


def walk(paths: Sequence[str | Path], follow_links: bool = False) -> Iterator[Found]:
    """Everything under the given paths, in order; a path given by name is always read.

    Inside a folder, hidden entries, councilqa stores, folders reached through links, links to files
    outside the folder and names that are not UTF-8 are passed over with a reason; with `follow_links`, links
    are followed wherever they lead, each folder walked once.
    """
    for given in paths:
        root, source = Path(given), str(given)
        if not _valid_name(source):
            yield Found(root, source, "name is not valid UTF-8, skipped (rename it to ingest it)")
        elif root.is_dir():
            yield from _Walker(root, source, follow_links).run()
        else:
            yield Found(root, source)
