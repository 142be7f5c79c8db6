"""Finding and reading input: folders, files and standard input -> bytes.

Every path that cannot be used becomes a reason in the words the user sees
("permission denied", "symbolic link loop", "a named pipe, not a file"); nothing
here blocks on a FIFO or follows a link loop forever.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import Optional

from .manifest import MANIFEST_NAME
from .models import SkippedFile

TEXT_SUFFIXES = (".txt", ".md")


class Unusable(Exception):
    """A path or stream that cannot be used; the message is the reason."""


def reason_for(exc: OSError, path: str) -> str:
    """Why a path could not be opened, in the words of the rest of the tool."""
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "no such file or folder"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOTDIR:
        return "no such file or folder"
    return (exc.strerror or str(exc)).lower()


def not_a_file(mode: int) -> Optional[str]:
    """Why a path that exists is neither a file nor a folder (None when it is one)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file (use - to read standard input)"
    if stat.S_ISCHR(mode):
        return "a character device, not a file"
    if stat.S_ISBLK(mode):
        return "a block device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def read_file(path: str) -> tuple[bytes, tuple[int, int]]:
    """The bytes of a regular file and its (device, inode).

    Opened without blocking and checked after opening, so a FIFO that appears
    where a file was expected cannot hang the run.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise Unusable(reason_for(exc, path)) from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _check_regular(info.st_mode)
        try:
            return handle.read(), (info.st_dev, info.st_ino)
        except OSError as exc:
            raise Unusable(reason_for(exc, path)) from exc


def file_identity(path: str) -> tuple[int, int]:
    """The (device, inode) of a regular file, for reading it later with ``read_file``:
    ``Unusable`` for what ``read_file`` would refuse without opening it."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise Unusable(reason_for(exc, path)) from exc
    _check_regular(info.st_mode)
    return info.st_dev, info.st_ino


def _check_regular(mode: int) -> None:
    odd = not_a_file(mode)
    if odd or stat.S_ISDIR(mode):
        raise Unusable(odd or "a folder")


def read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:  # started with standard input closed (`<&-`)
        raise Unusable("standard input is closed")
    try:
        buffer = getattr(stream, "buffer", None)
        return buffer.read() if buffer is not None else stream.read().encode("utf-8", "surrogateescape")
    except ValueError as exc:  # a closed file object
        raise Unusable("standard input is closed") from exc
    except OSError as exc:
        raise Unusable(reason_for(exc, "-")) from exc


def walk(folder: Path) -> tuple[list[Path], list[SkippedFile]]:
    """The .txt and .md files under ``folder`` in sorted order, and what was passed over.

    Hidden files and folders are left out silently. A symbolic link to a folder is
    not followed (it may lead out of the folder, or back into it) but is reported.
    """
    files, passed = walk_relative(folder)
    return [path for _, path in files], passed


def walk_relative(folder: Path) -> tuple[list[tuple[str, Path]], list[SkippedFile]]:
    """``walk``, each file with its path relative to ``folder`` (``as_posix``), which
    orders them: built name by name on the way down, not found again by ``pathlib``."""
    files: list[tuple[str, Path]] = []
    passed: list[SkippedFile] = []
    pending = [(folder, "")]  # (a folder, its relative path with a "/" after it)
    while pending:
        current, prefix = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            passed.append(SkippedFile(str(current), reason_for(exc, str(current))))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                pending.append((path, prefix + entry.name + "/"))
            elif entry.is_symlink() and _links_to_folder(path):
                passed.append(SkippedFile(str(path), "symbolic link to a folder, not followed (give it as a path to read it)"))
            elif entry.name.lower().endswith(TEXT_SUFFIXES):
                files.append((prefix + entry.name, path))
            elif not (current == folder and entry.name == MANIFEST_NAME):
                passed.append(SkippedFile(str(path), "not a .txt or .md file"))
    order = lambda p: Path(p).relative_to(folder).as_posix()  # noqa: E731
    return sorted(files), sorted(passed, key=lambda s: order(s.path))  # (no two files share a relative path)


def _links_to_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False  # broken or looping: reported when it is opened, if it is a .txt or .md


def listing(path: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(path) as listing:
            return list(listing)
    except OSError:
        return []
