"""The floor for startup: a minimal Typer app with `claimcheck diff`'s signature that
prints a 4-row Rich table and reads nothing. claimcheck cannot start faster than this.

    python bench/floor_app.py diff troops
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False)


@app.callback()
def _root() -> None:
    """A stand-in for claimcheck."""


@app.command()
def diff(
    topic: Annotated[Optional[str], typer.Argument(help="What to compare.")] = None,
    paths: Annotated[Optional[List[str]], typer.Argument(help="Folders, files or -.")] = None,
    tolerance: Annotated[float, typer.Option("--tolerance", min=0.0, max=0.99)] = 0.05,
    check: Annotated[bool, typer.Option("--check")] = False,
    manifest: Annotated[Optional[Path], typer.Option("--manifest")] = None,
    keep_boilerplate: Annotated[bool, typer.Option("--keep-boilerplate")] = False,
    json: Annotated[bool, typer.Option("--json")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl")] = False,
    no_color: Annotated[bool, typer.Option("--no-color")] = False,
    debug: Annotated[bool, typer.Option("--debug")] = False,
) -> None:
    """Print a fixed 4-row table."""
    from rich.console import Console
    from rich.table import Table

    table = Table("Value", "Counts", "Who says", "Source")
    for row in (("~14,000", "troops", "Ukrainian reports", "Business Insider"),
                ("~11,000", "troops", "Western intelligence", "002"),
                ("11,000-12,000", "troops", "Gen Oleksandr Syrskyi", "002"),
                ("at least 10,000", "troops", "—", "Bloomberg")):
        table.add_row(*row)
    Console(no_color=no_color or None).print(table)


if __name__ == "__main__":
    app()
