"""House style holds: ruff lint and format are part of the suite, so CI keeps them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The venv's own ruff when the suite runs as .venv/bin/pytest without the venv on PATH (make test).
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed")
@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_ruff(command: list[str]) -> None:
    result = subprocess.run([RUFF, *command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_has_a_one_line_docstring() -> None:
    modules = ("corpus", "index", "qa", "views")
    for path in [*(p for m in modules for p in ROOT.glob(f"{m}/*.py")), ROOT / "app.py"]:
        first = path.read_text().lstrip().splitlines()[0]
        assert first.startswith('"""') and first.endswith('"""') and len(first) > 6, path
