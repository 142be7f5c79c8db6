"""Exceptions the library raises and the exit codes the CLI maps them to."""

from __future__ import annotations

from enum import IntEnum
from typing import Optional


class ExitCode(IntEnum):
    OK = 0
    CONFLICTS = 1  # only with `diff --check`
    USAGE = 2  # bad options, unreadable input, malformed configuration
    INTERRUPTED = 130


class ClaimcheckError(Exception):
    """Base class: a problem with the user's input, reported as one line."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, hint: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(ClaimcheckError):
    """A path or stream could not be read, or held nothing usable."""


class ConfigError(ClaimcheckError):
    """A manifest or option value is malformed."""


class TopicError(ClaimcheckError):
    """A topic word matches nothing in the corpus."""
