"""`python -m claimcheck` and the `claimcheck` command."""

import sys

from .errors import ExitCode


def main() -> None:
    """Run the tool. Loading it takes a moment; Ctrl-C during that moment also ends
    quietly with status 130 rather than with a traceback from the middle of an import."""
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        sys.exit(int(ExitCode.INTERRUPTED))
    run()


if __name__ == "__main__":
    main()
