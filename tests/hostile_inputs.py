"""Hostile and broken inputs, made by code at test time rather than committed as files.

Each binary is only as real as the loader needs: the leading bytes its format
starts with, followed by the kind of bytes such a file holds.
"""

from __future__ import annotations

import gzip
import io
import random
import shutil
import zipfile
import zlib
from pathlib import Path

from claimcheck.resources import bundled_corpus

ARTICLE = "Officials said about 14,000 troops were sent. “Some 300 died,” the ministry said last year.\n"


def _noise(size: int, seed: int = 0) -> bytes:
    return random.Random(seed).randbytes(size)


def pdf() -> bytes:
    stream = zlib.compress(ARTICLE.encode() * 20)  # the article text, deflated as PDFs hold it
    return (b"%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + _noise(2048, 1)


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", ARTICLE * 10)
    return buffer.getvalue()


def elf() -> bytes:
    header = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00"
    return header + b"\x00" * 40 + _noise(4096, 2) + b"GLIBC_2.34\x00Officials said 14,000 troops\x00"


def windows_exe() -> bytes:
    head = bytearray(b"MZ" + b"\x90\x00" * 29)
    head[0x3C:0x40] = (0x80).to_bytes(4, "little")
    return bytes(head.ljust(0x80, b"\x00")) + b"PE\x00\x00" + _noise(2048, 3)


BINARIES = {
    "report.pdf.txt": (pdf, "PDF document"),
    "chart.png.txt": (png, "PNG image"),
    "archive.zip.txt": (zip_archive, "ZIP archive"),
    "gzip.txt": (lambda: gzip.compress(ARTICLE.encode() * 50), "gzip archive"),
    "program.txt": (elf, "ELF executable"),
    "setup.exe.txt": (windows_exe, "Windows executable"),
    "random.txt": (lambda: _noise(8192, 4), "control bytes"),
    "zeros.txt": (lambda: b"\x00" * 4096, "control bytes"),
}

_CURLY = "“About 14,000” troops — and ‘some 300’ died… said the café’s owner."
# name -> (bytes, encoding label, decoded text)
ENCODED = {
    "utf8.txt": (_CURLY.encode("utf-8"), "utf-8", _CURLY),
    "utf8-bom.txt": (b"\xef\xbb\xbf" + _CURLY.encode("utf-8"), "utf-8", _CURLY),
    "utf16.txt": (_CURLY.encode("utf-16"), "utf-16", _CURLY),
    "utf16-be.txt": (b"\xfe\xff" + _CURLY.encode("utf-16-be"), "utf-16", _CURLY),
    "utf16-no-bom.txt": ("About 14,000 troops — some 300 died.".encode("utf-16-le"), "utf-16-le (no byte-order mark)",
                         "About 14,000 troops — some 300 died."),
    "utf32.txt": (_CURLY.encode("utf-32"), "utf-32", _CURLY),
    "cp1252.txt": (_CURLY.encode("cp1252"), "windows-1252", _CURLY),
    "latin1.txt": ("Le café a reçu 300 soldats.\x81".encode("latin-1"), "latin-1", "Le café a reçu 300 soldats.\x81"),
    "mixed-utf8-cp1252.txt": ("“About 14,000” troops. ".encode() + "“Some 300” died.".encode("cp1252"),
                              "utf-8 (2 bytes read as windows-1252)", "“About 14,000” troops. “Some 300” died."),
    "invalid-utf8.txt": ("“About 14,000” troops — café ".encode() + b"\xc3\x28 \xed\xa0\x80 some 300 died.",
                         "utf-8 (4 bytes read as windows-1252)", "“About 14,000” troops — café Ã( í\xa0€ some 300 died."),
    "nul-bytes.txt": (b"About 14,000 troops\x00 were sent.\x00\nSome 300 died.", "utf-8",
                      "About 14,000 troops\x00 were sent.\x00\nSome 300 died."),
    "line-endings.txt": (b"About 14,000 troops were sent.\r\nSome 300 died.\rAt least 1,000 fled.\n", "utf-8",
                         "About 14,000 troops were sent.\r\nSome 300 died.\rAt least 1,000 fled.\n"),
}


def corpus_articles() -> list[Path]:
    return sorted(bundled_corpus().glob("*.txt"))


def copy_corpus(folder: Path) -> Path:
    """The bundled articles and their manifest, copied into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in [*corpus_articles(), bundled_corpus() / "claimcheck.toml"]:
        shutil.copyfile(path, folder / path.name)
    return folder


def mixed_folder(folder: Path) -> Path:
    """The bundled articles, plus a PDF, a UTF-16 file, a Windows-1252 file and an empty file."""
    copy_corpus(folder)
    (folder / "scan.pdf").write_bytes(pdf())
    (folder / "pasted-from-pdf.txt").write_bytes(pdf())
    (folder / "windows-export.txt").write_bytes(ENCODED["utf16.txt"][0])
    (folder / "notepad.txt").write_bytes(ENCODED["cp1252.txt"][0])
    (folder / "empty.txt").write_bytes(b"")
    return folder
