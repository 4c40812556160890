"""What newsparse promises when things go wrong (README, "What happens when things go
wrong"): nothing readable is lost, nothing hangs, and every error is one line on stderr
with a documented exit code — never a traceback.

One test (or table) per promise, in the order of the README section. Most run the
command in-process; those about the process itself (signals, closed descriptors, a full
disk, start-up) run the real one.
"""

import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import process as futures_process
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsparse import InputError, ParseHooks, parse_file, parse_stream, parse_text, reader
from newsparse import pipeline as pipeline_module
from newsparse import worker as worker_module
from newsparse.cli import app
from newsparse.cli import exits as exits_module
from newsparse.dates import resolve_date_line
from newsparse.diagnostics import ParseWarning, WarningCode
from newsparse.errors import Terminated
from newsparse.options import ParseOptions
from tests.conftest import ROOT, run_cli
from tests.test_dates import match_date_line

SEED = ROOT / "fixtures" / "dumps" / "seed.txt"
SEED_BYTES = SEED.read_bytes()
STORY = "Story of the day\nShort Url\nUpdated 01 May 2025\nStory of the day\n\nRIYADH: Text.\n"
NEWSPARSE = str(Path(sys.executable).with_name("newsparse"))


def invoke(*args: str) -> tuple[int, str, str]:
    """``newsparse ARGS`` in-process: exit code, stdout, stderr."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def jsonl(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


# --- 1. damaged input: everything readable is converted, then exit 3 ----------------------


def test_a_bad_byte_is_read_as_replacement_and_warned_and_no_article_is_lost(
    tmp_path: Path,
) -> None:
    dump = tmp_path / "latin1.txt"
    offset = SEED_BYTES.index("Chargé".encode()) + len("Charg")  # in the first article
    dump.write_bytes(SEED_BYTES[:offset] + b"\xe9" + SEED_BYTES[offset + 2 :])
    line = SEED_BYTES[:offset].count(b"\n") + 1
    code, out, err = invoke("convert", "-q", "--to", "jsonl", str(dump))
    assert code == 3
    records = jsonl(out)
    assert len(records) == 2
    assert "Charg\ufffd d’Affaires" in str(records[0]["captions"])
    assert err == (
        f"{dump}:{line}: error: NP120 invalid UTF-8 (byte 0xe9 at byte offset {offset}) read as "
        "U+FFFD; name the file's encoding with --encoding, e.g. cp1252\n"
    )


def test_an_input_that_cannot_be_read_on_keeps_every_article_before(tmp_path: Path) -> None:
    dump = tmp_path / "twelve.txt"
    dump.write_bytes(SEED_BYTES * 6 + b"\nbinary \x00 tail\n")
    code, out, err = invoke("convert", "-q", "--to", "jsonl", str(dump))
    assert code == 3
    assert len(jsonl(out)) == 12  # the lookahead held the last ones when reading stopped
    assert err.endswith("not a UTF-8 text file (if it is UTF-16, say --encoding utf-16)\n")


def test_check_counts_what_it_read_of_a_partial_input_and_exits_3(tmp_path: Path) -> None:
    dump = tmp_path / "twelve.txt"
    dump.write_bytes(SEED_BYTES * 6 + b"\nbinary \x00 tail\n")
    code, out, _ = invoke("check", "--format", "json", str(dump))
    assert code == 3
    (summary,) = json.loads(out)["inputs"]
    assert summary["articles"] == 12
    assert "NUL byte" in summary["error"]


# --- 2, 3. the output never replaces an input, nor good output with nothing -------------


def test_output_onto_an_input_is_refused_before_reading(tmp_path: Path) -> None:
    dump = tmp_path / "same.txt"
    dump.write_bytes(SEED_BYTES)
    (tmp_path / "dumps").mkdir()
    for args in (
        [str(dump), "-o", str(dump)],
        [str(tmp_path), "-o", str(tmp_path / "dumps" / "x.txt"), "--to", "json"],
    ):
        code, out, err = invoke("convert", *args)
        assert (code, out) == (2, "")
        assert err.startswith(f"error: -o {args[2]} would replace the input {args[0]}")
    assert dump.read_bytes() == SEED_BYTES
    assert not (tmp_path / "dumps" / "x.txt").exists()


def test_an_existing_output_is_untouched_when_nothing_could_be_read(tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    output.write_text("yesterday's records\n")
    code, _, err = invoke("convert", str(tmp_path / "typo.txt"), "-o", str(output))
    assert code == 3
    assert err.splitlines() == [
        f"error: {tmp_path / 'typo.txt'}: No such file or directory",
        f"error: {output}: not written, as no input could be read",
    ]
    assert output.read_text() == "yesterday's records\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


# --- 4. stderr going away loses messages, never data ------------------------------------


@pytest.mark.parametrize("stderr", ["closed", "broken-pipe"])
def test_losing_stderr_loses_no_data(tmp_path: Path, stderr: str) -> None:
    output = tmp_path / "out.jsonl"
    read_end, write_end = os.pipe()
    os.close(read_end)  # a reader that went away (`2>&1 | head -1`)
    process = subprocess.run(
        [NEWSPARSE, "convert", str(SEED), "-o", str(output)],
        stderr=write_end if stderr == "broken-pipe" else None,
        preexec_fn=(lambda: os.close(2)) if stderr == "closed" else None,  # `2>&-`
        check=False,
        timeout=60,
    )
    os.close(write_end)
    assert process.returncode == 0
    assert len(output.read_text().splitlines()) == 2


# --- 5. what a directory hides is reported ---------------------------------------------


def test_dangling_links_and_link_loops_in_a_directory_are_unreadable_inputs(
    tmp_path: Path,
) -> None:
    (tmp_path / "good.txt").write_bytes(SEED_BYTES)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a directory loop
    code, out, err = invoke("convert", "-q", "--to", "jsonl", str(tmp_path))
    assert code == 3
    assert len(jsonl(out)) == 2
    assert err.splitlines() == [
        f"error: {tmp_path / 'dangling.txt'}: a symbolic link to "
        f"'{tmp_path / 'gone.txt'}', which does not exist",
        f"error: {tmp_path / 'loop.txt'}: Too many levels of symbolic links",
        f"error: {tmp_path / 'sub' / 'up'}: a symbolic link back into a directory being "
        "read; skipped",
    ]


@pytest.mark.parametrize("where", ["top", "sub"])
def test_a_directory_that_cannot_be_listed_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "good.txt").write_bytes(SEED_BYTES)
    locked = tmp_path if where == "top" else tmp_path / "sub"
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:  # chmod 000 does not stop root, who runs CI
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = invoke("convert", "-q", "--to", "jsonl", str(tmp_path))
    assert code == 3
    assert f"error: {locked}: Permission denied\n" in err


# --- 6. --split writes only its own files -----------------------------------------------


def test_split_never_writes_through_a_link_nor_over_a_file_it_did_not_write(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("precious\n")
    folder = tmp_path / "split"
    code, _, _ = invoke("convert", "-q", str(SEED), "--split", str(folder))
    assert code == 0
    first, second = sorted(folder.iterdir())
    first.unlink()
    first.symlink_to(outside)
    second.write_text("my edited notes\n")
    code, _, err = invoke("convert", "-q", str(SEED), "--split", str(folder))
    assert code == 4
    assert err.startswith("error: ")
    assert "--force replaces it" in err
    assert outside.read_text() == "precious\n"
    code, _, _ = invoke("convert", "-q", str(SEED), "--split", str(folder), "--force")
    assert code == 0
    assert outside.read_text() == "precious\n"
    assert not first.is_symlink()
    assert first.read_text().startswith("---\n")
    assert second.read_text().startswith("---\n")


# --- 7. layout files are checked by their schema ---------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[chrome]]\nkind = 'x'\nlines = 'Short Url'\n", "chrome[0].lines: must be a list"),
        ("[[chrome]]\nkind = 'x'\nlines = [1]\n", "chrome[0].lines[0]: must be a string"),
        ("[site]\nbreadcrumbs = 1\n", "site.breadcrumbs: must be a bool (true or false)"),
        ("generic = 'no'\n", "generic: must be a bool (true or false)"),
        ("header = 'x'\n", "header: must be a table"),
        ("[[date_lines]]\nname = 'd'\n", "date_lines[0].pattern: missing"),
    ],
)
def test_a_layout_file_of_the_wrong_shape_names_file_and_key(
    tmp_path: Path, content: str, problem: str
) -> None:
    layout = tmp_path / "site.toml"
    layout.write_text("name = 'site'\n" + content)
    code, out, err = invoke("convert", str(SEED), "--layout", str(layout))
    assert (code, out, err) == (2, "", f"error: {layout}: {problem}\n")


def test_the_layout_file_schema_is_printed() -> None:
    code, out, _ = invoke("layouts", "--schema")
    assert code == 0
    assert json.loads(out)["additionalProperties"] is False


# --- 14. a user's pattern cannot hang the run ------------------------------------------


def test_a_catastrophic_user_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    layout = tmp_path / "site.toml"
    layout.write_text(
        "name = 'site'\n[[chrome]]\nkind = 'evil'\npattern = '(a+)+$'\n"
        "[[date_lines]]\npattern = 'Posted:\\s*{date}'\n"
    )
    dump = tmp_path / "dump.txt"
    dump.write_text(STORY.replace("Updated", "Posted:") + "a" * 30 + "!\n" + "a" * 5000 + "b\n")
    # A process with a timeout, so that a regression fails instead of hanging the suite
    # (Python's re: 49 s for the 30 a's alone, for ever for the 5,000).
    process = subprocess.run(
        [NEWSPARSE, "convert", "-q", "--to", "jsonl", "--layout", str(layout), str(dump)],
        capture_output=True,
        check=False,
        timeout=20,
    )
    assert process.returncode == 0
    (record,) = jsonl(process.stdout.decode())
    assert record["updated"] == "2025-05-01"


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [(r"(a)\1", "invalid escape sequence: \\1"), ("(?=a)a", "invalid perl operator: (?=")],
)
def test_a_user_pattern_re2_cannot_run_is_refused_at_load(
    tmp_path: Path, pattern: str, problem: str
) -> None:
    layout = tmp_path / "site.toml"
    layout.write_text(f"name = 'site'\n[[trailers]]\nkind = 'x'\npattern = '{pattern}'\n")
    code, _, err = invoke("convert", str(SEED), "--layout", str(layout))
    assert code == 2
    assert err == (
        f"error: {layout}: trailers[0].pattern: not supported ({problem}): a layout file's "
        "patterns must run in linear time, so backreferences and lookarounds cannot be used "
        "(RE2 syntax)\n"
    )


# --- 8, 15. dates out of range are a warning and null, never a crash or a guess -----------


@pytest.mark.parametrize(
    ("line", "now"),
    [
        ("Updated 5000 years ago", "2025-01-01"),
        ("Updated 99999999999 days ago", "2025-01-01"),
        ("Updated 5 min ago", "0001-01-01"),
        ("Updated 01 May 0000", None),
        ("Updated 21 Oct 2019 01:10:42 GMT24", None),
        ("Updated 21 Oct 2019 01:10:42 GMT+99:99", None),
        ("Updated 21 Oct 2019 01:10:42 GMT+5:99", None),
    ],
)
def test_dates_out_of_range_are_unresolved(line: str, now: str | None) -> None:
    match = match_date_line(line)
    assert match is not None
    value = resolve_date_line(match, datetime.fromisoformat(now) if now else None)
    assert (value.iso, value.problem) == (None, WarningCode.DATE_UNRESOLVED)


def test_extra_spaces_before_a_dateline_separator_are_not_part_of_it() -> None:
    (article,) = parse_text(STORY.replace("RIYADH: ", "RIYADH  : "))
    assert (article.dateline, article.body) == ("RIYADH", "Text.")


# --- 9. odd options, odd names, odd streams ----------------------------------------------


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "klingon"])
def test_an_encoding_that_is_not_a_text_encoding_is_a_usage_error(codec: str) -> None:
    code, out, err = invoke("convert", str(SEED), "--encoding", codec)
    assert (code, out, err) == (2, "", f"error: --encoding: unknown text encoding {codec!r}\n")


def test_utf16_without_a_bom_names_the_byte_orders(tmp_path: Path) -> None:
    dump = tmp_path / "be.txt"
    dump.write_bytes(STORY.encode("utf-16-be"))
    code, _, err = invoke("convert", "-q", str(dump), "--encoding", "utf-16")
    assert code == 3
    assert err.splitlines()[-1].endswith(
        "without a BOM, name the byte order: --encoding utf-16-le or utf-16-be"
    )
    code, _, _ = invoke("convert", "-q", str(dump), "--encoding", "utf-16-be")
    assert code == 0


def test_a_file_name_that_is_not_utf8_is_escaped_in_json_and_csv(tmp_path: Path) -> None:
    name = os.fsdecode(str(tmp_path).encode() + b"/caf\xe9.txt")
    Path(name).write_bytes(SEED_BYTES)
    escaped = f"{tmp_path}/caf\\xe9.txt"
    code, out, _ = invoke("convert", "-q", "--to", "jsonl", name)
    assert code == 0
    assert {record["source"]["path"] for record in jsonl(out)} == {escaped}  # type: ignore[index]
    code, out, _ = invoke("convert", "-q", "--to", "csv", name)
    assert code == 0
    assert out.count(escaped) == 2


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["convert", "--help"]])
@pytest.mark.parametrize("stdout", ["full", "closed"])
def test_version_and_help_to_a_full_disk_or_closed_stdout(args: list[str], stdout: str) -> None:
    with open("/dev/full", "wb") as full:
        process = subprocess.run(
            [NEWSPARSE, *args],
            stdout=full if stdout == "full" else None,
            stderr=subprocess.PIPE,
            preexec_fn=(lambda: os.close(1)) if stdout == "closed" else None,  # `>&-`
            check=False,
            timeout=60,
        )
    assert process.returncode == 4
    reason = b"No space left on device" if stdout == "full" else b"stdout is closed"
    assert process.stderr == b"error: stdout: " + reason + b"\n"


def test_ctrl_c_while_starting_is_exit_130_without_a_traceback() -> None:
    # Ctrl-C lands while the command is still importing (here: pydantic).
    script = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *args, **kwargs):\n"
        "    if name == 'pydantic':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupted\n"
        "sys.argv = ['newsparse', '--version']\n"
        "from newsparse.entry import main\n"
        "main()\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=False, timeout=60
    )
    assert (process.returncode, process.stdout, process.stderr) == (130, b"", b"")


# --- 10. lone surrogates in library input -------------------------------------------------


def test_lone_surrogates_become_replacement_characters() -> None:
    text = STORY.replace("Text.", "Text \ud800 and \udce9.").replace("Story", "Story \udfff")
    (article,) = parse_text(text, "dump\udce9.txt")
    assert article.body == "Text \ufffd and \ufffd."
    assert article.headline == "Story \ufffd of the day"
    assert article.source.path == "dump\\xe9.txt"
    article.model_dump_json()  # serialisable: every string is UTF-8 again


# --- 11. --jobs is bounded --------------------------------------------------------------


def test_a_worker_that_cannot_write_its_temporary_file_is_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full $TMPDIR is no input's fault, and not stdout's either (exit 4, named)."""

    def full_disk(*_: object, **__: object) -> tuple[int, str]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline_module.tempfile, "mkstemp", full_disk)  # the workers fork
    for i in range(2):
        (tmp_path / f"{i}.txt").write_bytes(SEED_BYTES)
    code, out, err = invoke("convert", "-q", "--to", "jsonl", "-j", "2", str(tmp_path))
    assert (code, out) == (4, "")
    assert err.startswith("error: ")
    assert "a worker could not write its records there (No space left on device)" in err
    assert "stdout" not in err


def test_a_worker_that_dies_is_an_internal_failure_not_the_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed or out of memory, a worker ends the run with exit 70 and one line."""

    def die(*_: object, **__: object) -> None:
        os._exit(9)  # as the OOM killer leaves it: no exception, no goodbye

    monkeypatch.setattr(worker_module, "parse_file", die)  # the workers fork
    for i in range(2):
        (tmp_path / f"{i}.txt").write_bytes(SEED_BYTES)
    code, out, err = invoke("convert", "-q", "--to", "jsonl", "-j", "2", str(tmp_path))
    assert (code, out) == (70, "")
    assert err == (
        f"error: {tmp_path}/0.txt: a worker process died before finishing (killed, or out "
        "of memory?); rerun with --jobs 1\n"
    )


def test_jobs_are_capped_at_the_inputs_and_twice_the_cpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    real_pool = pipeline_module.ProcessPoolExecutor

    def pool(workers: int, **kwargs: object) -> object:
        started.append(workers)
        return real_pool(min(workers, 2), **kwargs)  # type: ignore[arg-type]  # no fork bomb

    monkeypatch.setattr(pipeline_module, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    for i in range(3):
        (tmp_path / f"{i}.txt").write_bytes(SEED_BYTES)
    code, out, _ = invoke("convert", "-q", "--to", "jsonl", "-j", "100000", str(tmp_path))
    assert (code, len(jsonl(out))) == (0, 6)
    assert started == [2]  # not 100,000; not even 3


# --- 12. SIGTERM and SIGHUP end a run as Ctrl-C does --------------------------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_stops_workers_and_removes_temporary_files(
    tmp_path: Path, signum: int, code: int
) -> None:
    fifo = tmp_path / "never-written.txt"
    os.mkfifo(fifo)  # a worker blocks on it for ever
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    output = tmp_path / "out" / "target.jsonl"
    output.parent.mkdir()
    with subprocess.Popen(
        [NEWSPARSE, "convert", "-j", "2", str(fifo), str(SEED), "-o", str(output)],
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(temporary)},
    ) as process:
        deadline = time.monotonic() + 30
        while len(_children(process.pid)) < 2 or not list(output.parent.iterdir()):
            if time.monotonic() > deadline:  # fail, and leave nothing blocked on the FIFO
                for pid in [process.pid, *_children(process.pid)]:
                    os.kill(pid, signal.SIGKILL)
                pytest.fail("the workers did not start")
            time.sleep(0.05)
        workers = _children(process.pid)
        process.send_signal(signum)
        try:
            _, stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # fail, rather than wait for ever on exit
            for pid in [process.pid, *workers]:
                os.kill(pid, signal.SIGKILL)
            raise
    assert process.returncode == code
    assert stderr == f"interrupted by {signal.Signals(signum).name}\n".encode()
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    assert list(temporary.iterdir()) == []
    assert list(output.parent.iterdir()) == []  # no hidden .target.jsonl.*.part


def test_a_signal_while_the_pool_starts_waits_until_its_workers_can_be_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM between the pool's forking its workers and starting its thread: raised
    there, the pool's shutdown failed to join that thread (RuntimeError, exit 1)."""
    fifo = tmp_path / "never-written.txt"
    os.mkfifo(fifo)  # a worker blocks on it for ever
    real_start = futures_process._ExecutorManagerThread.start

    def signalled_start(thread: threading.Thread) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        real_start(thread)

    monkeypatch.setattr(futures_process._ExecutorManagerThread, "start", signalled_start)
    hooks = pipeline_module.RunHooks(on_warning=lambda _: None)
    previous = signal.signal(signal.SIGTERM, exits_module._terminate)  # as run_app sets it
    try:
        with pytest.raises(Terminated):
            list(pipeline_module.run([str(fifo), str(SEED)], ParseOptions.of(), hooks, jobs=2))
    finally:
        signal.signal(signal.SIGTERM, previous)
        left = multiprocessing.active_children()
        for worker in left:
            worker.kill()
    assert left == []


# --- 13. a line with no end ------------------------------------------------------------


def test_a_line_past_the_cap_fails_its_input_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 1 << 20)
    endless = tmp_path / "endless.txt"
    endless.write_bytes(SEED_BYTES + b"\n\n" + b"y" * (2 << 20))
    line = SEED_BYTES.count(b"\n") + 3
    code, out, err = invoke("convert", "-q", "--to", "jsonl", str(endless), str(SEED))
    assert code == 3
    assert len(jsonl(out)) == 4  # the seed in the endless file, then the seed itself
    assert err == (
        f"error: {endless}:{line}: a line longer than 1 MiB: not a text dump; stopped reading\n"
    )


def test_dev_zero_fails_with_bounded_memory() -> None:
    result = run_cli("convert", "-q", "/dev/zero")
    assert result.returncode == 3
    assert result.stderr == (
        b"error: /dev/zero:1: a line longer than 16 MiB: not a text dump; stopped reading\n"
    )


# --- 16. untrusted text is quoted in every message ----------------------------------------


def test_escape_sequences_in_scraped_text_never_reach_the_terminal(tmp_path: Path) -> None:
    dump = tmp_path / "esc\x1b]0;pwned\x07.txt"
    dump.write_text("\x1b[2JClear screen\nShort Url\nUpdated 01 May 2025\n", encoding="utf-8")
    code, _, err = invoke("convert", "-q", str(dump))
    assert code == 0
    assert "\x1b" not in err
    assert "\x07" not in err
    assert "esc\\x1b]0;pwned\\x07.txt:1: error: NP104 article “\\x1b[2JClear screen”" in err
    code, out, _ = invoke("check", str(dump))
    assert code == 1  # NP104 is an error
    assert "\x1b" not in out
    assert "esc\\x1b]0;pwned\\x07.txt " in out  # the table's row
    with pytest.raises(InputError) as caught:
        list(parse_file(tmp_path / "\x1b[2J.txt"))
    assert str(caught.value).startswith(f"{tmp_path}/\\x1b[2J.txt: ")


def test_library_reports_partial_reads_as_warnings() -> None:
    warnings: list[ParseWarning] = []
    articles = parse_stream(io.BytesIO(b"Story \xff\n"), "x.txt", hooks=ParseHooks(warnings.append))
    list(articles)
    assert articles.account.warnings[WarningCode.UNDECODABLE] == 1
    assert warnings[0].code == WarningCode.UNDECODABLE  # before what the parser says
