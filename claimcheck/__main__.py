"""`python -m claimcheck` runs the command-line tool."""

from .cli import main

main()
