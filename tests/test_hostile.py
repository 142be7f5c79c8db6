"""Hostile and broken input: each case ends in a clear message and a known exit status,
never a traceback, a hang or a document lost without a word.

Fixtures are made by code at test time (tests/hostile_inputs.py).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import hostile_inputs as hostile
from helpers import PLAIN, run
from timing import least_time
from claimcheck import reading
import claimcheck
from claimcheck.claims import document_sentences, extract_claims
from claimcheck.corpus import load_corpus
from claimcheck.decoding import decode
from claimcheck.errors import InputError

GOOD = "Officials said about 14,000 troops were sent.\n"




# The package under test, wherever the run starts: installed, or this checkout.
PACKAGE_ROOT = str(Path(claimcheck.__file__).resolve().parents[1])


def run_claimcheck(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """claimcheck in its own process, as a user runs it."""
    env = {k: v for k, v in {**os.environ, **PLAIN, **kwargs.pop("env", {})}.items() if v is not None}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, env=env, timeout=120, **kwargs)


def _one_stderr_line(result) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# ---------------------------------------------------------------- paths

def _fifo(tmp: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp / "pipe.txt")
    return tmp / "pipe.txt"


def _symlink(tmp: Path, name: str, target: str) -> Path:
    try:
        os.symlink(target, tmp / name)
    except (OSError, NotImplementedError):
        pytest.skip("cannot make symbolic links here")
    return tmp / name


def _folder(tmp: Path, files: dict[str, bytes]) -> Path:
    folder = tmp / "folder"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


PATH_CASES = {
    "missing path": (lambda tmp: tmp / "gone.txt", "no such file or folder"),
    "empty folder": (lambda tmp: _folder(tmp, {}), "empty folder"),
    "folder with no text files": (lambda tmp: _folder(tmp, {"sub/.DS_Store": b"\x00\x01"}), "no .txt or .md files in this folder"),
    "symbolic link loop": (lambda tmp: _symlink(tmp, "loop.txt", "loop.txt"), "symbolic link loop"),
    "broken symbolic link": (lambda tmp: _symlink(tmp, "dangling.txt", "nowhere.txt"), "broken symbolic link"),
    "FIFO": (_fifo, "a named pipe, not a file (use - to read standard input)"),
    "device": (lambda tmp: Path(os.devnull), "a character device, not a file"),
    "empty file": (lambda tmp: _write(tmp / "empty.txt", b""), "empty file"),
    "white space only": (lambda tmp: _write(tmp / "blank.txt", b" \r\n\t\n"), "no text (only white space)"),
    "PDF named .txt": (lambda tmp: _write(tmp / "scan.txt", hostile.pdf()), "binary file (PDF document)"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _unblock_fifos_later(tmp: Path, after: float = 10.0) -> None:
    """If reading a FIFO ever blocks again, open it for writing so the test fails instead of hanging."""
    def release():
        for fifo in tmp.glob("*.txt"):
            if fifo.is_fifo():
                try:
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                    os.close(fd)
                except OSError:
                    pass
    timer = threading.Timer(after, release)
    timer.daemon = True
    timer.start()


@pytest.mark.parametrize("case", PATH_CASES)
def test_an_unusable_path_alone_is_one_error_line_and_exit_2(case, tmp_path):
    make, reason = PATH_CASES[case]
    path = str(make(tmp_path))
    _unblock_fifos_later(tmp_path)
    started = time.monotonic()
    result = run("claims", path)
    assert time.monotonic() - started < 5
    assert result.exit_code == 2
    assert _one_stderr_line(result) == f"Error: nothing to read ({path}: {reason})"
    assert result.stdout == ""


@pytest.mark.parametrize("case", PATH_CASES)
def test_an_unusable_path_beside_a_good_one_is_named_and_the_rest_read(case, tmp_path):
    make, reason = PATH_CASES[case]
    path = str(make(tmp_path))
    good = _write(tmp_path / "good.txt", GOOD.encode())
    _unblock_fifos_later(tmp_path)
    result = run("claims", str(good), path, "--json")
    assert result.exit_code == 0
    assert _one_stderr_line(result) == f"Warning: skipped {path}: {reason}"
    data = json.loads(result.stdout)
    assert [c["text"] for c in data["claims"]] == ["about 14,000"]
    assert data["skipped"] == [{"path": path, "reason": reason}]
    summary = [json.loads(line) for line in run("sources", str(good), path, "--jsonl").stdout.splitlines()][-1]
    assert (summary["data"]["documents"], summary["data"]["skipped"]) == (1, 1)
    table = run("sources", str(good), path).stdout
    assert f"{path}: {reason}" in " ".join(table.split())  # the table may wrap the line


def test_a_folder_reports_every_file_it_could_not_use(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD.encode(), "empty.txt": b"", "scan.pdf": hostile.pdf(),
                                "fake.txt": hostile.png(), ".hidden.txt": b"\x00\x01"})
    (folder / "sub").mkdir()
    (folder / "sub" / "b.md").write_text(GOOD, encoding="utf-8")
    _symlink(folder, "loop.txt", "loop.txt")
    _symlink(folder, "up", "..")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
    corpus = load_corpus([str(folder)])
    assert [d.id for d in corpus.documents] == ["a.txt", "sub/b.md"]
    reasons = {Path(s.path).name: s.reason for s in corpus.skipped}
    if hasattr(os, "mkfifo"):
        assert reasons.pop("pipe.txt") == "a named pipe, not a file (use - to read standard input)"
    assert reasons == {
        "empty.txt": "empty file",
        "fake.txt": "binary file (PNG image)",
        "loop.txt": "symbolic link loop",
        "scan.pdf": "not a .txt or .md file",
        "up": "symbolic link to a folder, not followed (give it as a path to read it)",
    }
    assert [s.path for s in corpus.skipped] == sorted(s.path for s in corpus.skipped)


def test_an_unreadable_file_is_skipped_with_the_reason(tmp_path, monkeypatch):
    locked = _write(tmp_path / "locked.txt", GOOD.encode())
    good = _write(tmp_path / "good.txt", GOOD.encode())
    real_open = os.open

    def refuse(path, *args, **kwargs):  # what chmod 000 does, even for root
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(reading.os, "open", refuse)
    corpus = load_corpus([str(good), str(locked)])
    assert [(s.path, s.reason) for s in corpus.skipped] == [(str(locked), "permission denied")]


def test_an_unreadable_folder_is_skipped_and_its_siblings_read(tmp_path, monkeypatch):
    folder = _folder(tmp_path, {"a.txt": GOOD.encode(), "closed/b.txt": GOOD.encode()})
    real_scandir = os.scandir

    def refuse(path="."):  # what chmod 000 on the folder does, even for root
        if Path(path) == folder / "closed":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(reading.os, "scandir", refuse)
    corpus = load_corpus([str(folder)])
    assert [d.id for d in corpus.documents] == ["a.txt"]
    assert [(s.path, s.reason) for s in corpus.skipped] == [(str(folder / "closed"), "permission denied")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="needs file permissions that bind (not root)")
def test_chmod_000_files_and_folders_are_skipped(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD.encode(), "locked.txt": GOOD.encode()})
    (folder / "closed").mkdir()
    os.chmod(folder / "locked.txt", 0)
    os.chmod(folder / "closed", 0)
    try:
        corpus = load_corpus([str(folder)])
    finally:
        os.chmod(folder / "locked.txt", 0o600)
        os.chmod(folder / "closed", 0o700)
    assert {(Path(s.path).name, s.reason) for s in corpus.skipped} == {("locked.txt", "permission denied"),
                                                                      ("closed", "permission denied")}


def test_a_folder_of_nothing_but_binaries_is_one_error_line(tmp_path):
    folder = _folder(tmp_path, {f"scan{i:02}.txt": hostile.pdf() for i in range(12)})
    result = run("claims", str(folder))
    assert result.exit_code == 2
    line = _one_stderr_line(result)
    assert line.startswith(f"Error: nothing to read ({folder}/scan00.txt: binary file (PDF document); ")
    assert line.endswith("; and 7 more)")


def test_the_same_file_twice_is_read_once(tmp_path):
    good = _write(tmp_path / "good.txt", GOOD.encode())
    corpus = load_corpus([str(tmp_path), str(good)])
    assert [d.id for d in corpus.documents] == [f"{tmp_path}/good.txt"]
    assert [s.reason for s in corpus.skipped] == [f"already read as {tmp_path}/good.txt"]


# ---------------------------------------------------------------- standard input

def test_empty_standard_input_is_an_error():
    result = run("claims", "-", input="")
    assert result.exit_code == 2
    assert _one_stderr_line(result) == "Error: nothing to read (-: standard input is empty)"


def test_closed_standard_input_is_an_error():
    if not shutil.which("sh"):
        pytest.skip("needs a POSIX shell to close standard input")
    env = {k: v for k, v in {**os.environ, **PLAIN}.items() if v is not None}
    result = subprocess.run(["sh", "-c", 'exec "$0" -m claimcheck claims - <&-', sys.executable],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert _one_stderr_line(result) == "Error: nothing to read (-: standard input is closed)"


def test_binary_standard_input_is_skipped_not_read():
    result = run_claimcheck("claims", "-", input=hostile.zip_archive())
    assert result.returncode == 2
    assert result.stderr.decode() == "Error: nothing to read (-: binary file (ZIP archive (or .docx, .xlsx, .epub)))\n"


def _blocked(pid: int) -> bool:
    """Whether the process sleeps without using the processor (Linux /proc; elsewhere assume so after a pause)."""
    stat_file = Path(f"/proc/{pid}/stat")
    if not stat_file.exists():
        time.sleep(3)
        return True
    before = stat_file.read_text().rsplit(")", 1)[1].split()
    time.sleep(0.3)
    after = stat_file.read_text().rsplit(")", 1)[1].split()
    return after[0] == "S" and before[11:13] == after[11:13]  # state, then utime and stime unchanged


def _interruptible() -> None:
    """Ctrl-C's default action in the child: a shell without job control starts its
    background commands (a CI script run with "&", say) with SIGINT ignored, and Python
    keeps an ignored SIGINT ignored, as claimcheck should."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_exits_130_without_a_traceback():
    env = {k: v for k, v in {**os.environ, **PLAIN}.items() if v is not None}
    reader = subprocess.Popen([sys.executable, "-m", "claimcheck", "claims", "-"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, preexec_fn=_interruptible)
    try:
        deadline = time.monotonic() + 60
        while not _blocked(reader.pid):  # waiting for the input that never comes
            assert time.monotonic() < deadline, "claimcheck never started reading"
        reader.send_signal(signal.SIGINT)
        _, stderr = reader.communicate(timeout=30)
    finally:
        reader.kill()
    assert (reader.returncode, stderr.decode()) == (130, "Interrupted.\n")


# ---------------------------------------------------------------- configuration

MANIFEST_CASES = {
    "malformed TOML": ('[documents."a.txt"\noutlet = "A"\n', ":1:19: invalid TOML: Expected ']' at the end of a table declaration"),
    "invalid date": ('[documents."a.txt"]\npublished = 2025-02-30\n', ":2:13: invalid TOML: Invalid date or datetime"),
    "not a date": ('[documents."a.txt"]\n\npublished = "soon"\n', ':3: documents."a.txt".published: not a date: \'soon\' (use YYYY-MM-DD)'),
    "unknown key": ('[documents."a.txt"]\noutlet = "A"\ndate = 2025-04-28\n', ':3: documents."a.txt": unknown key \'date\''),
    "not UTF-8": ('[documents."a.txt"]\noutlet = "Caf\xe9"\n'.encode("latin-1"), ":2: not UTF-8 text (byte 0xe9)"),
}


@pytest.mark.parametrize("case", MANIFEST_CASES)
def test_a_broken_manifest_is_one_line_with_file_and_line(case, tmp_path):
    content, expected = MANIFEST_CASES[case]
    folder = _folder(tmp_path, {"a.txt": GOOD.encode()})
    (folder / "claimcheck.toml").write_bytes(content if isinstance(content, bytes) else content.encode())
    result = run("claims", str(folder))
    assert result.exit_code == 2
    assert _one_stderr_line(result).startswith(f"Error: {folder / 'claimcheck.toml'}{expected}")


@pytest.mark.parametrize("args, expected", [
    (["claims", "--manifest", "/no/such.toml"], "Error: /no/such.toml: cannot read manifest: no such file or directory"),
    (["claims", "--topic", " "], "Error: the topic is empty"),
    (["diff", "zeppelins"], "Error: no claims about 'zeppelins' in this corpus (topics found: "),
    (["sources", "--json", "--jsonl"], "Error: --json and --jsonl cannot be used together (pick one output format)"),
])
def test_option_mistakes_are_one_line_and_exit_2(args, expected):
    result = run(*args)
    assert result.exit_code == 2
    assert _one_stderr_line(result).startswith(expected)


def test_a_manifest_entry_naming_no_file_is_a_warning_with_its_line(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD.encode()})
    (folder / "claimcheck.toml").write_text('[documents."a.txt"]\noutlet = "A"\n\n[documents."gone.txt"]\noutlet = "B"\n')
    result = run("claims", str(folder), "--json")
    assert result.exit_code == 0
    manifest = str(folder / "claimcheck.toml")
    assert _one_stderr_line(result) == f'Warning: {manifest}:4: documents."gone.txt" names no file'
    data = json.loads(result.stdout)
    assert data["warnings"] == [{"path": manifest, "line": 4, "message": 'documents."gone.txt" names no file'}]
    assert [d["outlet"]["value"] for d in data["documents"]] == ["A"]


# ---------------------------------------------------------------- terminals

def test_output_is_safe_in_a_terminal_that_is_not_utf8(tmp_path):
    folder = hostile.copy_corpus(tmp_path / "corpus")
    utf8 = run_claimcheck("claims", "--json", str(folder))
    ascii_json = run_claimcheck("claims", "--json", str(folder), env={"PYTHONIOENCODING": "ascii"})
    assert ascii_json.returncode == 0 and ascii_json.stdout.isascii()
    assert json.loads(ascii_json.stdout) == json.loads(utf8.stdout)
    for env in ({"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}):
        table = run_claimcheck("diff", "troops", str(folder), env=env)
        assert table.returncode == 0, table.stderr
        assert b"troops: totals" in table.stdout and table.stderr == b""


def test_file_names_cannot_break_messages_or_the_json(tmp_path):
    if sys.platform == "darwin" or not hasattr(os, "fsencode"):
        pytest.skip("needs a file system that takes any bytes in a name")
    escape = tmp_path / "a\x1b[2Jb.txt"
    escape.write_text(GOOD, encoding="utf-8")
    latin = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    latin.write_bytes(GOOD.encode())
    missing = str(tmp_path / "gone\nfile.txt")
    result = run_claimcheck("claims", "--json", str(escape), str(latin), missing)
    assert result.returncode == 0
    assert b"\x1b" not in result.stderr and result.stderr.count(b"\n") == 1
    assert result.stderr.decode() == f"Warning: skipped {tmp_path}/gone\\nfile.txt: no such file or folder\n"
    data = json.loads(result.stdout)
    assert [d["id"] for d in data["documents"]] == [str(escape), str(latin)]


def test_output_that_cannot_be_written_is_one_error_line():
    if not Path("/dev/full").exists() or not shutil.which("sh"):
        pytest.skip("needs /dev/full and a POSIX shell")
    env = {k: v for k, v in {**os.environ, **PLAIN}.items() if v is not None}
    for redirect, message in ((">/dev/full", "Error: cannot write the output: no space left on device"),
                              (">&-", "Error: standard output is closed")):
        result = subprocess.run(["sh", "-c", f'exec "$0" -m claimcheck claims --json {redirect}', sys.executable],
                                capture_output=True, text=True, env=env, timeout=60)
        assert result.returncode == 2, result.stderr
        assert _one_stderr_line(result) == message


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize("name", hostile.ENCODED)
def test_encodings_decode_and_offsets_hold_in_the_decoded_text(name, tmp_path):
    data, label, text = hostile.ENCODED[name]
    (doc,) = load_corpus([str(_write(tmp_path / name, data))]).documents
    assert (doc.text, doc.encoding) == (text, label)
    claims = extract_claims(doc)
    assert claims, "the figures in the file are read"
    for claim in claims:
        assert doc.text[claim.start : claim.end] == claim.text
        assert doc.text[claim.sentence.start : claim.sentence.end] == claim.sentence.text


def test_line_endings_of_every_kind_end_sentences(tmp_path):
    data, _, _ = hostile.ENCODED["line-endings.txt"]
    (doc,) = load_corpus([str(_write(tmp_path / "a.txt", data))]).documents
    assert [c.text for c in extract_claims(doc)] == ["About 14,000", "Some 300", "At least 1,000"]
    assert [s.text for s in document_sentences(doc)] == ["About 14,000 troops were sent.", "Some 300 died.", "At least 1,000 fled."]


@pytest.mark.parametrize("name", hostile.BINARIES)
def test_binary_files_are_skipped_with_what_they_are(name, tmp_path):
    make, kind = hostile.BINARIES[name]
    folder = _folder(tmp_path, {"good.txt": GOOD.encode(), name: make()})
    corpus = load_corpus([str(folder)])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    (skipped,) = corpus.skipped
    assert skipped.reason.startswith("binary file (") and kind in skipped.reason


def test_a_folder_of_mixed_files_gives_the_clean_folder_s_claims(tmp_path):
    """The issue's done-when: good articles + a PDF + UTF-16 + Windows-1252 + an empty file."""
    clean = hostile.copy_corpus(tmp_path / "clean")
    mixed = hostile.mixed_folder(tmp_path / "mixed")
    clean_data = json.loads(run("claims", str(clean), "--json").stdout)
    result = run("claims", str(mixed), "--json")
    assert result.exit_code == 0
    mixed_data = json.loads(result.stdout)
    articles = {d["id"] for d in clean_data["documents"]}
    assert [c for c in mixed_data["claims"] if c["doc"] in articles] == clean_data["claims"]
    encodings = {d["id"]: d["encoding"] for d in mixed_data["documents"] if d["id"] not in articles}
    assert encodings == {"notepad.txt": "windows-1252", "windows-export.txt": "utf-16"}
    assert {c["doc"] for c in mixed_data["claims"]} == articles | {"notepad.txt", "windows-export.txt"}
    assert {Path(s["path"]).name: s["reason"] for s in mixed_data["skipped"]} == {
        "empty.txt": "empty file",
        "pasted-from-pdf.txt": "binary file (PDF document)",
        "scan.pdf": "not a .txt or .md file",
    }


# ---------------------------------------------------------------- pathological documents

def test_a_document_only_partly_read_is_reported(tmp_path, monkeypatch):
    from claimcheck import numbers

    good = _write(tmp_path / "good.txt", GOOD.encode())
    monkeypatch.setattr(numbers, "_SHORT", 0.0)  # as if every scan took too long
    monkeypatch.setattr(numbers, "_TIMEOUT_PER_CHAR", 0.0)
    result = run("claims", str(good), "--json")
    assert result.exit_code == 0
    (warning,) = json.loads(result.stdout)["warnings"]
    assert warning["path"] == str(good) and warning["message"].startswith("partly read: number phrases between offsets 0 and")
    assert _one_stderr_line(result).startswith(f"Warning: {good}: partly read: number phrases")


@pytest.mark.parametrize("output", ["--json", "--jsonl"])  # --jsonl lays documents out as it extracts
def test_a_document_whose_text_cannot_be_split_is_reported_not_fatal(tmp_path, monkeypatch, output):
    from claimcheck import text

    # (opening with a line the furniture rules must search: a prose line is ruled out
    # by its first characters, without a search to reach the time limit)
    good = _write(tmp_path / "good.txt", ("Related: the talks\n" + GOOD).encode())
    monkeypatch.setattr(text, "TIMEOUT", 0.0)
    monkeypatch.setattr(text, "TIMEOUT_PER_CHAR", 0.0)
    result = run("claims", str(good), output)
    assert result.exit_code == 2
    assert _one_stderr_line(result).startswith(f"Error: nothing to read ({good}: gave up: finding its lines")


def test_claims_not_read_for_a_document_are_a_warning(tmp_path, monkeypatch):
    from claimcheck import claims

    def too_slow(*args, **kwargs):
        raise TimeoutError("regex timed out")

    monkeypatch.setattr(claims, "split_sentences", too_slow)
    good = _write(tmp_path / "good.txt", GOOD.encode())
    result = run("claims", str(good), "--jsonl")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["type"] for r in records] == ["document", "warning", "summary"]
    assert records[1]["data"] == {"path": str(good), "line": None,
                                  "message": "claims not read: splitting the text into sentences reached its time limit"}
    assert records[-1]["data"]["warnings"] == 1


# ---------------------------------------------------------------- size and shape

def test_a_50_mb_file_is_read_and_decoded(tmp_path):
    """The byte layer at full size; the layout and claims layers at a tenth of it below."""
    big = _write(tmp_path / "big.txt", (hostile.ARTICLE * (50_000_000 // len(hostile.ARTICLE) + 1)).encode()[:50_000_000])
    data, _ = reading.read_file(str(big))
    assert len(data) == 50_000_000
    text, encoding = decode(data)
    assert encoding == "utf-8" and len(text) < 50_000_000  # curly quotes are three bytes each


def test_large_files_load_in_time_linear_in_their_size(tmp_path):
    small = _write(tmp_path / "small.txt", (hostile.ARTICLE * 3_000).encode())  # about 0.3 MB
    large = _write(tmp_path / "large.txt", (hostile.ARTICLE * 24_000).encode())  # about 2.3 MB
    small_time = least_time(lambda: load_corpus([str(small)]))
    ratio = least_time(lambda: load_corpus([str(large)]), enough=24 * small_time) / small_time
    assert ratio < 24, ratio  # 8x the size: linear is ~8x


def test_a_10_mb_file_without_a_line_break_loads_and_splits(tmp_path):
    line = "The council met on Tuesday, and members argued about the roads for several hours. " * 125_000
    big = _write(tmp_path / "one-line.txt", line.encode())
    (doc,) = load_corpus([str(big)]).documents
    assert len(doc.text) == len(line) and len(doc.parts) == 1
    sentences = document_sentences(doc)
    assert len(sentences) == 125_000 and sentences[-1].end == len(line.rstrip())


@pytest.mark.parametrize("text", [
    "7" * 100_000,
    "About " + "9" * 400 + " troops died.",
    ",".join(str(i) for i in range(20_000)),
    "Officials said " + " and ".join(f"{i:,} troops" for i in range(1_000, 4_000)) + ".",
    "!?." * 30_000 + "—" * 30_000 + "(" * 30_000,
    "“" * 30_000 + "'" * 30_000 + " ’s" * 10_000,
    "about at least more than up to some " * 3_000,
    "1.2.3.4." * 10_000 + "1-2-3-4-" * 10_000 + "$1$2$3" * 5_000,
    "April 28, " * 10_000 + "said he said she said " * 3_000,
    "\r" * 50_000 + "\x00" * 10_000 + "\u202e300\u202c " * 5_000,
], ids=["100k digits", "400-digit number", "1,2,3 run", "thousands of numbers", "punctuation", "quotes",
        "hedges", "separators", "dates and verbs", "controls"])
def test_shapes_designed_to_hurt_finish_quickly_and_keep_every_invariant(text):
    doc = load_doc(text)
    started = time.perf_counter()
    claims = extract_claims(doc)
    assert time.perf_counter() - started < 30
    _check_claims(doc, claims)
    if "9" * 400 in text:
        assert claims == []  # no count has 400 digits


def load_doc(text: str):
    from claimcheck.corpus import build_document

    return build_document("x.txt", None, text)


def _check_claims(doc, claims) -> None:
    for claim in claims:
        assert doc.text[claim.start : claim.end] == claim.text
        assert doc.text[claim.sentence.start : claim.sentence.end] == claim.sentence.text
        assert claim.sentence.start <= claim.start < claim.end <= claim.sentence.end
        low, high = claim.value.low, claim.value.high
        assert low is None or high is None or low <= high
        if claim.attribution:
            a = claim.attribution
            assert doc.text[a.start : a.end] == (a.pronoun or a.source)
            assert a.verb_start is None or doc.text[a.verb_start : a.verb_end] == a.verb
        if claim.time:
            assert doc.text[claim.time.start : claim.time.end] == claim.time.text
            if claim.time.resolved:
                assert claim.time.resolved.start <= claim.time.resolved.end


# ---------------------------------------------------------------- properties and a bounded fuzz run

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claimcheck.dates import find_date_mentions  # noqa: E402
from claimcheck.decoding import binary_kind  # noqa: E402
from claimcheck.numbers import find_number_phrases  # noqa: E402
from claimcheck.text import quote_spans, split_lines, split_sentences, words  # noqa: E402


def _check_every_extractor(text: str) -> None:
    for phrase in find_number_phrases(text):
        assert text[phrase.start : phrase.end] == phrase.text
        low, high = phrase.value.low, phrase.value.high
        assert low is None or high is None or low <= high
    for mention in find_date_mentions(text, anchor=None) + find_date_mentions(text, anchor=__import__("datetime").date(2025, 4, 28)):
        assert text[mention.start : mention.end] == mention.text
        if mention.resolved:
            assert mention.resolved.start <= mention.resolved.end
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        for word in words(text, sentence.start, sentence.end):
            assert text[word.start : word.end] == word.text
    for line in split_lines(text):
        assert text[line.start : line.end] == line.text
        for opening, closing in quote_spans(text, line.start, line.end):
            assert line.start <= opening < closing < line.end
    doc = load_doc(text)
    _check_claims(doc, extract_claims(doc))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_bytes_load_or_are_skipped_and_never_raise(data):
    import tempfile

    assert isinstance(binary_kind(data), (str, type(None)))
    text, encoding = decode(data)
    assert isinstance(text, str) and encoding
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "a.txt")
        path.write_bytes(data)
        try:
            corpus = load_corpus([str(path)])
        except InputError as exc:
            assert exc.message.startswith(f"nothing to read ({path}: ")
            return
    (doc,) = corpus.documents
    _check_claims(doc, extract_claims(doc))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_keeps_every_extractor_s_invariants(text):
    _check_every_extractor(text)


_HOSTILE_PIECES = st.sampled_from([
    "1", "7" * 40, "1,", "1.", "14,000", "-", "–", "$", "€5", "%", "bn", "about", "at least", "between", "and", "to",
    "thousands", "of", "them", "troops", "said", "told", "according to", "“", "”", "‘", "’", "'", '"', "(", ")",
    ".", ",", ";", ":", "?", "!", "…", " ", "  ", "\n", "\r", "\r\n", "\t", "\x00", "\x1b[31m", "\u202e", "ß",
    "İ", "ﬁ", "\ufeff", "\u2028", "April", "28", "2025", "last", "year", "ago", "Monday", "mid-", "per cent",
    "Related Articles", "Advertisement", "---", "By Jane Doe", "SEOUL, April 30 (Yonhap)", "http://x.y/1,2",
])
_HOSTILE_TEXT = st.lists(st.tuples(_HOSTILE_PIECES, st.integers(1, 60)), max_size=40).map(
    lambda runs: "".join(piece * count for piece, count in runs))


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_HOSTILE_TEXT)
def test_bounded_fuzz_of_the_extractors_on_hostile_fragments(text):
    """A fixed budget of hostile texts, the same on every run, so CI time stays flat."""
    started = time.perf_counter()
    _check_every_extractor(text)
    assert time.perf_counter() - started < 10, len(text)


# ---------------------------------------------------------------- regex safety

def _compiled_patterns() -> dict[str, object]:
    """Every compiled pattern (``regex`` or ``re``) the package holds, by module and name,
    patterns compiled on first use included (they are compiled here)."""
    import importlib
    import pkgutil
    import re
    from collections.abc import Mapping

    import regex

    import claimcheck
    from claimcheck import number_patterns, text

    found: dict[str, object] = {}
    seen: set[int] = set()

    def add(name: str, pattern) -> None:
        if isinstance(pattern, (regex.Pattern, re.Pattern)) and id(pattern) not in seen:
            seen.add(id(pattern))
            found[name] = pattern

    for info in pkgutil.walk_packages(claimcheck.__path__, "claimcheck."):
        if info.name == "claimcheck.scale":  # optional extra: nothing of it is a pattern
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            items = value.items() if isinstance(value, Mapping) else [(None, value)]
            for key, pattern in items:
                add(f"{info.name.removeprefix('claimcheck.')}.{name}" + (f"[{key}]" if key is not None else ""), pattern)
    add("number_patterns.phrase", number_patterns.phrase())
    quick = number_patterns.quick_patterns()
    for field in quick._fields:
        add(f"number_patterns.quick_patterns.{field}", getattr(quick, field))
    add("number_patterns.qty_only", number_patterns.qty_only())
    _, lines, blocks = text._furniture_rules()
    add("boilerplate lines", lines)
    add("boilerplate blocks", blocks)
    return found


def test_the_regex_safety_test_sees_every_pattern():
    names = set(_compiled_patterns())
    assert len(names) >= 70, len(names)  # 73 when this was written
    for expected in ("number_patterns.phrase", "number_patterns.CORE_HINT", "date_patterns.PATTERNS[day_date]",
                     "text._PLAIN_WORD", "text._SENTENCE_BREAK", "manifest._KEY_PART", "boilerplate lines"):
        assert expected in names


def _reach(name: str):
    """How a pattern is used: None for a scan over any length of text, else ``(kind, window)``
    for a pattern the code only tries at a given place (``window`` characters at most)."""
    from claimcheck import date_patterns

    anchored = {
        "number_patterns.phrase": None, "number_patterns.qty_only": None,
        "number_patterns.DIGIT_PARTS": None, "number_patterns.NEXT_WORDS": None,
        "number_patterns.GLUED_WORD_AFTER": None,
        "text._BYLINE": 80, "text._LAST_WORD": 40, "text._TRIM_LEFT": None, "text._BULLET": None,
        "metadata._FRONT_MATTER_LINE": None, "metadata._WIRE_DATELINE": None, "claims._COORDINATION": None,
        "manifest._KEY_PART": None,
    }
    if name.startswith("date_patterns.LEFT_PATTERNS["):
        return date_patterns.LEFT_REACH
    return anchored.get(name, "scan")


ADVERSARIAL = {
    "digits": "7" * 100_000,
    "comma list": "1," * 50_000,
    "decimal chain": "1." * 50_000,
    "hedges": "about at least up to " * 5_000,
    "punctuation": ".,;:-/'’(“”\"[]$%—–" * 6_000,
    "white space": " \n\r\t\u00a0" * 20_000,
    "capitals": "Aa" * 50_000,
    "months and days": "April 28 Monday " * 6_250,
    "a long spaced value": "title: a" + " " * 99_990 + "x.",
}


@pytest.mark.parametrize("sample", ADVERSARIAL)
def test_every_compiled_pattern_is_linear_on_100_kb_of_bait(sample):
    import regex

    text = ADVERSARIAL[sample]
    # One step per character: the slowest linear pattern here takes about 5 of these
    # (measured); a backtracking one takes thousands.
    every_character = regex.compile(r"(?s).")
    yardstick = least_time(lambda: every_character.findall(text))
    bound = 100 * yardstick
    slow = []
    for name, pattern in _compiled_patterns().items():
        reach = _reach(name)
        limit = {"timeout": bound} if isinstance(pattern, regex.Pattern) else {}
        if reach == "scan":
            def try_pattern() -> object:
                return sum(1 for _ in pattern.finditer(text, **limit))
        else:  # tried at places: at the start of the bait, with all of it (or its window) ahead
            def try_pattern() -> object:
                return [pattern.match(text, at, len(text) if reach is None else at + reach, **limit)
                        for at in range(0, len(text), len(text) // 50)]
        took = least_time(try_pattern, enough=bound, limit_reached=(TimeoutError,))
        if took > bound:
            slow.append(f"{name}: {took:.2f}s")
    assert not slow, f"{sample} (bound {bound:.2f}s): {slow}"


# ---------------------------------------------------------------- determinism and side effects

def _listing(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*"))


def test_machine_output_is_the_same_bytes_whatever_the_environment_and_nothing_is_written(tmp_path):
    first = hostile.copy_corpus(tmp_path / "first")
    second = tmp_path / "second"
    second.mkdir()
    for source in sorted(first.iterdir(), reverse=True):  # another creation order on disk
        shutil.copyfile(source, second / source.name)
    before = {folder: _listing(folder) for folder in (first, second)}
    outputs = {}
    for folder, seed, columns in ((first, "0", "60"), (second, "4242", "200")):
        env = {"PYTHONHASHSEED": seed, "COLUMNS": columns}
        for args in (("diff", "troops", "--json"), ("claims", "--jsonl")):
            result = run_claimcheck(*args, ".", cwd=folder, env=env)
            assert result.returncode == 0, result.stderr
            outputs.setdefault(args, set()).add(result.stdout)
    assert all(len(seen) == 1 for seen in outputs.values())
    assert {folder: _listing(folder) for folder in (first, second)} == before
