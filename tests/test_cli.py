"""The real ``newsparse`` command, run as a user runs it: exit code, stdout and stderr
checked separately (SPEC §4)."""

import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsparse import Article, __version__
from tests.conftest import EXPECTED, FIXTURES, NOW, ROOT, invoke_cli, run_cli

SEED = "fixtures/dumps/seed.txt"


def records(stdout: bytes) -> list[Article]:
    return [Article.model_validate(item) for item in json.loads(stdout)]


def test_convert_writes_json_to_stdout_and_a_summary_to_stderr() -> None:
    result = run_cli("convert", SEED)
    assert (result.returncode, result.stderr) == (
        0,
        b"2 articles parsed from 1 input, 2 written; 0 warnings, 0 errors\n",
    )
    assert [a.headline[:30] for a in records(result.stdout)] == [
        "Pakistan’s interior minister c",
        "Islamic military coalition, Pa",
    ]


def test_version() -> None:
    result = run_cli("--version")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"newsparse {__version__}\n".encode(),
        b"",
    )


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsparse", "--version"], capture_output=True, check=False
    )
    assert result.stdout == f"newsparse {__version__}\n".encode()


@pytest.mark.parametrize(
    "command", [[], ["convert"], ["schema"]], ids=["root", "convert", "schema"]
)
def test_help_is_there(command: list[str]) -> None:
    result = invoke_cli(*command, "--help")
    assert result.returncode == 0
    assert b"Usage:" in result.stdout


def test_help_shows_brackets_as_typed_not_as_markup() -> None:
    result = invoke_cli("convert", "--help", env={"COLUMNS": "300"})
    assert b"pip install -e '.[fix]'" in b" ".join(result.stdout.split())


def test_schema_prints_the_record_json_schema() -> None:
    result = invoke_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema == Article.model_json_schema()
    assert list(schema["properties"])[:3] == ["id", "headline", "updated"]


# --- inputs ---------------------------------------------------------------------------


def test_stdin_is_read_when_no_input_is_given_or_dash(tmp_path: Path) -> None:
    data = (ROOT / SEED).read_bytes()
    for args in ([], ["-"]):
        result = invoke_cli("convert", *args, "--to", "jsonl", stdin=data)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.decode().splitlines()
        assert [json.loads(line)["source"]["path"] for line in lines] == ["-", "-"]


def test_no_input_and_stdin_a_terminal_is_a_usage_error_not_a_wait() -> None:
    controller, terminal = pty.openpty()
    try:
        executable = Path(sys.executable).with_name("newsparse")
        result = subprocess.run(
            [str(executable), "convert"],
            stdin=terminal,
            capture_output=True,
            timeout=30,
            check=False,
        )
    finally:
        os.close(controller)
        os.close(terminal)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().startswith("error: no input given and stdin is a terminal")


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    seed = (ROOT / SEED).read_bytes()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_bytes(seed)
    (tmp_path / "a.txt").write_bytes(seed)
    (tmp_path / "notes.md").write_text("not a dump")
    result = invoke_cli("convert", str(tmp_path), "--to", "jsonl")
    assert result.returncode == 0, result.stderr
    paths = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert paths == [str(tmp_path / "a.txt")] * 2 + [str(tmp_path / "b" / "2.txt")] * 2


def test_output_order_is_input_order() -> None:
    result = invoke_cli("convert", "fixtures/dumps/text.txt", SEED, "--to", "jsonl")
    paths = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert paths == ["fixtures/dumps/text.txt"] * 3 + [SEED] * 2


# --- bad input: exact errors, exit codes, and the other inputs still converted ----------


def test_missing_file_exits_3_and_the_other_inputs_are_converted() -> None:
    result = invoke_cli("convert", "missing.txt", SEED, "--to", "jsonl")
    assert result.returncode == 3
    assert result.stderr.decode().splitlines() == [
        "error: missing.txt: No such file or directory",
        "2 articles parsed from 2 inputs, 2 written; 0 warnings, 0 errors; "
        "1 input could not be read",
    ]
    assert len(result.stdout.splitlines()) == 2


def test_directory_without_dumps_exits_3(tmp_path: Path) -> None:
    result = invoke_cli("convert", "-q", str(tmp_path))
    assert result.returncode == 3
    assert (
        result.stderr.decode()
        == f"error: {tmp_path}: directory holds no *.txt or *.txt.gz|bz2|xz|zst dumps\n"
    )
    assert result.stdout == b"[]\n"


@pytest.mark.parametrize("content", [b"", b"  \n\t\n\r\n"], ids=["empty", "whitespace"])
def test_empty_input_gives_no_records_and_a_warning(tmp_path: Path, content: bytes) -> None:
    dump = tmp_path / "empty.txt"
    dump.write_bytes(content)
    result = invoke_cli("convert", "-q", str(dump))
    assert (result.returncode, result.stdout) == (0, b"[]\n")
    assert (
        result.stderr.decode() == f"{dump}:1: warning: NP105 no text: the input is empty or blank\n"
    )


def test_invalid_utf8_names_file_line_and_byte_offset(tmp_path: Path) -> None:
    dump = tmp_path / "latin1.txt"
    dump.write_bytes((ROOT / SEED).read_bytes().replace("Chargé".encode(), b"Charg\xe9", 1))
    result = invoke_cli("convert", "-q", str(dump), SEED, "--to", "jsonl")
    assert result.returncode == 3
    offset = (ROOT / SEED).read_bytes().index("Chargé".encode()) + len("Charg")
    assert result.stderr.decode() == (
        f"{dump}:3: error: NP120 invalid UTF-8 (byte 0xe9 at byte offset {offset}) read as U+FFFD; "
        "name the file's encoding with --encoding, e.g. cp1252\n"
    )
    assert len(result.stdout.splitlines()) == 4  # both dumps, the bad byte as U+FFFD


def test_nul_bytes_are_refused_as_binary(tmp_path: Path) -> None:
    dump = tmp_path / "utf16.txt"
    dump.write_bytes(b"Headline\n" + "Body text".encode("utf-16-le"))
    result = invoke_cli("convert", "-q", str(dump))
    assert result.returncode == 3
    assert result.stderr.decode() == (
        f"{dump}:1: warning: NP112 no page header near the start: read with the generic "
        "layout (articles split at two or more blank lines; --layout forces one)\n"
        f"{dump}:1: error: NP104 article “Headline” has no body\n"  # what came before the NUL
        f"error: {dump}:2: NUL byte at byte offset 10: not a UTF-8 text file "
        "(if it is UTF-16, say --encoding utf-16)\n"
    )


def test_preamble_is_reported_on_stderr_with_file_and_line() -> None:
    result = invoke_cli("convert", "-q", "fixtures/dumps/preamble.txt", "--to", "jsonl")
    assert result.returncode == 0
    assert result.stderr.decode() == (
        "fixtures/dumps/preamble.txt:2: warning: NP101 2 line(s) before the first article "
        "(lines 2-3) are not part of any article: “Home”\n"
    )
    assert len(result.stdout.splitlines()) == 3


def test_strict_exits_1_on_warnings_and_0_without() -> None:
    warned = invoke_cli("convert", "-q", "--strict", "fixtures/dumps/preamble.txt")
    assert warned.returncode == 1
    assert warned.stderr.decode().endswith("error: --strict: 1 warning(s)\n")
    assert len(records(warned.stdout)) == 3  # the output is written all the same
    clean = invoke_cli("convert", "-q", "--strict", SEED)
    assert (clean.returncode, clean.stderr) == (0, b"")


def test_relative_dates_warn_without_now_and_resolve_with_it() -> None:
    without = invoke_cli("convert", "fixtures/dumps/dates.txt", "--to", "jsonl")
    assert b"NP103 relative date \xe2\x80\x9cUpdated 11 sec ago\xe2\x80\x9d" in without.stderr
    with_now = invoke_cli(
        "convert", "-q", "fixtures/dumps/dates.txt", "--to", "jsonl", "--now", NOW
    )
    assert with_now.stderr == b""
    assert json.loads(with_now.stdout.splitlines()[1])["updated"] == "2025-02-15T11:59:49+05:00"


# --- usage errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "xml"], "'xml' is not one of"),
        (["--now", "yesterday"], "'yesterday' is not an ISO 8601 date-time"),
        (["--split", "out", "-o", "x.md"], "--split writes one file per article"),
        (["--split", "out", "--to", "csv"], "--split writes Markdown files"),
        (["--bogus"], "No such option"),
    ],
    ids=["format", "now", "split-output", "split-format", "option"],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = invoke_cli("convert", SEED, *args)
    assert result.returncode == 2
    assert result.stdout == b""
    assert message in result.stderr.decode()
    assert b"Traceback" not in result.stderr


# --- output ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("out.json", "json"),
        ("out.jsonl", "jsonl"),
        ("out.csv", "csv"),
        ("out.md", "md"),
    ],
)
def test_format_follows_the_output_extension(tmp_path: Path, name: str, fmt: str) -> None:
    target = tmp_path / name
    result = invoke_cli("convert", "-q", SEED, "-o", str(target))
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert target.read_bytes() == (EXPECTED / f"seed.{fmt}").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_to_overrides_the_output_extension(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    invoke_cli("convert", SEED, "-o", str(target), "--to", "csv")
    assert target.read_bytes() == (EXPECTED / "seed.csv").read_bytes()


def test_unwritable_output_exits_4_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "out.json"
    result = invoke_cli("convert", SEED, "-o", str(target))
    assert result.returncode == 4
    assert result.stderr.decode() == f"error: {target}: No such file or directory\n"
    assert not target.parent.exists()


def test_output_under_a_file_exits_4(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("a file, not a directory")
    target = tmp_path / "file.txt" / "out.json"
    result = invoke_cli("convert", SEED, "-o", str(target))
    assert result.returncode == 4
    assert result.stderr.decode() == f"error: {target}: Not a directory\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_behind_stdout_exits_4() -> None:
    executable = Path(sys.executable).with_name("newsparse")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(executable), "convert", "-q", SEED],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            check=False,
        )
    assert result.returncode == 4
    assert result.stderr == b"error: stdout: No space left on device\n"


def test_a_failed_run_never_replaces_a_good_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous output")
    result = invoke_cli("convert", SEED, "-o", str(target), "--to", "bogus")
    assert result.returncode == 2
    assert target.read_text() == "previous output"


def test_output_to_a_device_is_written_not_replaced() -> None:
    result = invoke_cli("convert", "-q", SEED, "-o", os.devnull, "--to", "json")
    assert (result.returncode, result.stderr) == (0, b"")
    assert Path(os.devnull).is_char_device()


def test_split_writes_markdown_files_and_nothing_to_stdout(tmp_path: Path) -> None:
    result = invoke_cli("convert", "-q", SEED, "--split", str(tmp_path / "articles"))
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == [
        "2025-02-15-pakistans-interior-minister-calls-for-global-unity-against.md",
        "2026-02-02-islamic-military-coalition-pakistan-to-deepen-cooperation-to.md",
    ]


# --- pipes and signals ----------------------------------------------------------------


@pytest.fixture(scope="module")
def big_dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 2.7 MB: far more than a pipe buffer holds."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_bytes(((ROOT / SEED).read_bytes() + b"\n\n\n") * 500)
    return path


def test_broken_pipe_ends_quietly(big_dump: Path) -> None:
    executable = Path(sys.executable).with_name("newsparse")
    shell = f"'{executable}' convert '{big_dump}' --to jsonl | head -n 1"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert result.stderr == b""
    assert len(result.stdout.splitlines()) == 1


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    executable = Path(sys.executable).with_name("newsparse")
    target = tmp_path / "out.json"
    process = subprocess.Popen(
        [str(executable), "convert", "-", "-o", str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write((ROOT / SEED).read_bytes())  # then wait for more that never comes
    process.stdin.flush()
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr == b"interrupted\n"
    assert list(tmp_path.iterdir()) == []  # no half-written output


def test_warnings_and_errors_never_reach_stdout() -> None:
    result = invoke_cli("convert", "fixtures/dumps/preamble.txt", "missing.txt", "--to", "jsonl")
    for line in result.stdout.splitlines():
        json.loads(line)
    assert FIXTURES.exists()


# --- encodings and damaged text ---------------------------------------------------------

MOJIBAKE_STORY = (
    "Story\nShort Url\nUpdated 01 May 2025\nStory\n\nRIYADH: Itâ€™s a first for the Kingdom.\n"
)


def test_encoding_reads_a_cp1252_dump(tmp_path: Path) -> None:
    dump = tmp_path / "cp1252.txt"
    dump.write_bytes((ROOT / SEED).read_text(encoding="utf-8").encode("cp1252"))
    result = invoke_cli("convert", "-q", str(dump), "--encoding", "cp1252", "--to", "jsonl")
    assert (result.returncode, result.stderr) == (0, b"")
    expected = (EXPECTED / "seed.jsonl").read_text(encoding="utf-8")
    assert result.stdout.decode() == expected.replace("fixtures/dumps/seed.txt", str(dump))


def test_unknown_encoding_is_a_usage_error() -> None:
    result = invoke_cli("convert", SEED, "--encoding", "klingon")
    assert result.returncode == 2
    assert "unknown text encoding 'klingon'" in result.stderr.decode()


def test_mojibake_is_reported_and_kept_without_fix_text(tmp_path: Path) -> None:
    dump = tmp_path / "damaged.txt"
    dump.write_text(MOJIBAKE_STORY, encoding="utf-8")
    result = invoke_cli("convert", "-q", str(dump), "--to", "jsonl")
    assert result.returncode == 0
    assert result.stderr.decode() == (
        f"{dump}:6: error: NP108 “RIYADH: Itâ€™s a first for the Kingdom.” looks like UTF-8 read "
        "as cp1252 (mojibake); --fix-text repairs it\n"
    )
    assert json.loads(result.stdout)["body"] == "Itâ€™s a first for the Kingdom."


def test_fix_text_repairs_mojibake(tmp_path: Path) -> None:
    dump = tmp_path / "damaged.txt"
    dump.write_text(MOJIBAKE_STORY, encoding="utf-8")
    result = invoke_cli("convert", "-q", str(dump), "--to", "jsonl", "--fix-text")
    assert (result.returncode, result.stderr) == (0, b"")
    assert json.loads(result.stdout)["body"] == "It’s a first for the Kingdom."


def test_quiet_silences_the_summary_but_not_warnings() -> None:
    result = invoke_cli("convert", "--quiet", "fixtures/dumps/preamble.txt")
    assert result.stderr.decode().startswith("fixtures/dumps/preamble.txt:2: warning: NP101 ")
    assert len(result.stderr.splitlines()) == 1


# --- inputs at the edges: bounded memory, no crash ---------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "articles"),
    [
        (
            "long-line",
            # 15 MB: just under the cap on line length (reader.MAX_LINE_BYTES)
            b"Story\nShort Url\nUpdated 01 May 2025\nStory\n\n" + b"word " * 3_000_000,
            1,
        ),
        ("blank-run", b"\n" * 10_000 + (ROOT / SEED).read_bytes(), 2),
        ("only-chrome", b"Short Url\nFollow\n0\n1 / 4\nhttps://arab.news/abcde\n" * 100, 0),
        (
            "long-headline",
            (
                "H" * 5000
                + "\nShort Url\nUpdated 01 May 2025\n"
                + "H" * 5000
                + "\n\nRIYADH: Text.\n"
            ).encode(),
            1,
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_extreme_inputs_convert_without_a_crash(
    tmp_path: Path, name: str, content: bytes, articles: int
) -> None:
    dump = tmp_path / f"{name}.txt"
    dump.write_bytes(content)
    result = invoke_cli("convert", "-q", str(dump), "--to", "jsonl")
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == articles
