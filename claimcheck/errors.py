"""Exceptions the library raises and the exit codes the CLI maps them to."""

from __future__ import annotations

import warnings
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


class PartialReadWarning(UserWarning):
    """An extractor gave up on part of a text (a regex reached its time limit, which
    linear patterns never should) and returned what it had found until then."""


def warn_partial(what: str, start: int, end: int) -> None:
    """Say that some ``what`` in ``text[start:end]`` may have been missed; the caller carries on."""
    message = f"{what} between offsets {start} and {end} may be missing (the scan reached its time limit)"
    warnings.warn(PartialReadWarning(message), stacklevel=3)
