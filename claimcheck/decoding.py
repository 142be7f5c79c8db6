"""Bytes -> text: recognise binary files, pick an encoding, never fail.

The text returned is the text every offset refers to: nothing is normalised
(line endings, NUL characters and all stay as they were), only a byte-order mark
is dropped.
"""

from __future__ import annotations

import re
from typing import Optional

SAMPLE = 64 * 1024  # bytes looked at to tell binary from text

# Leading bytes of the binary formats most often found next to articles, where the
# bytes alone are proof. Formats with a weaker signature (audio, bzip2...) are full
# of control bytes and are caught by their share instead.
MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media file (WAV, AVI, WebP)"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive (or .docx, .xlsx, .epub)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office 97-2003 document"),
    (b"{\\rtf", "RTF document"),
    (b"\x7fELF", "ELF executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O or Java class file"),
    (b"\x00asm", "WebAssembly module"),
    (b"SQLite format 3\x00", "SQLite database"),
)
# Bytes that plain text does not contain: C0 controls other than tab, line feed,
# vertical tab, form feed, carriage return and escape (which coloured logs use).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"
CONTROL_SHARE = 0.05  # more than this share of control bytes: binary
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # the same, as decoded characters

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),  # before UTF-16 LE, whose BOM it starts with
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_ESCAPED = re.compile(r"[\udc80-\udcff]")  # bytes that were not UTF-8, after surrogateescape
# Each byte as Windows-1252 reads it; the five bytes it leaves undefined as Latin-1 does.
_CP1252 = {0xDC00 + b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0x100)}


def binary_kind(data: bytes) -> Optional[str]:
    """Why ``data`` is not text (``"PDF document"``...), or None when it reads as text.

    UTF-16 and UTF-32 text is full of NUL bytes, so it is recognised first.
    """
    wide = _unicode_wide(data[:SAMPLE])
    if wide:
        codec, _, skip = wide
        return None if _few_controls(data[skip:SAMPLE].decode(codec, "replace")) else "control characters"
    if data.startswith(b"MZ") and data[0x3C:0x40] and _pe_signature(data):
        return "Windows executable"
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:SAMPLE]
    if sample and any(map(sample.__contains__, _CONTROL_BYTES)):  # (a search for each byte: quicker than a count)
        controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if controls > CONTROL_SHARE * len(sample):
            return f"{100 * controls // len(sample)}% control bytes"
    return None


def _pe_signature(data: bytes) -> bool:
    offset = int.from_bytes(data[0x3C:0x40], "little")
    return data[offset : offset + 4] == b"PE\x00\x00"


def _unicode_wide(sample: bytes) -> Optional[tuple[str, str, int]]:
    """(codec, label, bytes to skip) when ``sample`` is UTF-16 or UTF-32 text."""
    for bom, codec, label in _BOMS:
        if sample.startswith(bom):
            return codec, label, len(bom)
    # UTF-16 without a byte-order mark: mostly Latin text puts a NUL in every other
    # byte, on the same side; no other text does. Binary data laid out in 16-bit
    # numbers can too, so the characters it would make must also read as text.
    pairs = len(sample) // 2
    if pairs >= 2 and b"\x00" in sample:  # most files hold no NUL: one quick scan says so
        even = sample[0 : 2 * pairs : 2].count(0)
        odd = sample[1 : 2 * pairs : 2].count(0)
        for codec, nuls, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if nuls >= 0.3 * pairs and others <= 0.02 * pairs and _few_controls(sample[: 2 * pairs].decode(codec, "replace")):
                return codec, f"{codec} (no byte-order mark)", 0
    return None


def _few_controls(text: str) -> bool:
    return sum(1 for _ in _CONTROL_CHARS.finditer(text)) <= 0.01 * len(text)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding label). Never fails.

    UTF-32 or UTF-16 when a byte-order mark (or the NUL pattern) says so; else UTF-8
    (a BOM is removed); a file that is UTF-8 but for a few bytes keeps its UTF-8 and
    reads those bytes as Windows-1252; otherwise Windows-1252, and Latin-1 when a
    byte is undefined in Windows-1252.
    """
    wide = _unicode_wide(data[:SAMPLE])
    if wide:
        codec, label, skip = wide
        text = data[skip:].decode(codec, errors="replace")
        bad = text.count("\ufffd") - data[skip:].decode(codec, errors="ignore").count("\ufffd")
        return text, label + (f" ({_count(bad, 'invalid sequence')} replaced)" if bad else "")
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    escaped = body.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for _ in _ESCAPED.finditer(escaped))
    read_as_utf8 = len(escaped) - len(escaped.encode("ascii", errors="ignore")) - bad  # non-ASCII characters
    if read_as_utf8 >= bad:
        return escaped.translate(_CP1252), f"utf-8 ({_count(bad, 'byte')} read as windows-1252)"
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
