"""What the CLI tests share: the plain terminal they run in, and golden files."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from typer.testing import CliRunner

from claimcheck.cli import app

GOLDEN = Path(__file__).parent / "golden"
# 100 columns, no colour, and none of the variables that would force a terminal on.
PLAIN = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "xterm", "FORCE_COLOR": None, "TTY_COMPATIBLE": None, "TTY_INTERACTIVE": None}


def run(*args: str, input: Optional[str] = None, env: Optional[dict] = None):
    """claimcheck in this process, in the plain terminal (``env`` adds to it)."""
    return CliRunner().invoke(app, list(args), env={**PLAIN, **(env or {})}, input=input)


def compare_golden(name: str, result, update_golden: bool) -> None:
    """The output equals tests/golden/NAME.txt (rewritten instead with --update-golden)."""
    assert result.exit_code == 0, result.output
    path = GOLDEN / f"{name}.txt"
    if update_golden:
        path.write_text(result.output, encoding="utf-8")
    assert result.output == path.read_text(encoding="utf-8")
