"""Batches: worker processes give the serial output byte for byte; --dedupe; progress."""

from pathlib import Path

import pytest

from tests.conftest import DUMPS, NOW, ROOT, invoke_cli, run_in_terminal

ALL = [str(dump.relative_to(ROOT)) for dump in DUMPS]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "md"])
def test_jobs_2_writes_exactly_what_jobs_1_writes(fmt: str) -> None:
    serial = invoke_cli("convert", *ALL, "missing.txt", "--to", fmt, "--now", NOW, "--jobs", "1")
    parallel = invoke_cli("convert", *ALL, "missing.txt", "--to", fmt, "--now", NOW, "--jobs", "2")
    assert serial.returncode == parallel.returncode == 3  # missing.txt, the others converted
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr  # warnings too, in input order


def test_dedupe_drops_records_already_written_and_says_how_many() -> None:
    seed = "fixtures/dumps/seed.txt"
    result = invoke_cli("convert", seed, seed, seed, "--dedupe", "--to", "jsonl")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.decode() == (
        "6 articles parsed from 3 inputs, 2 written; 0 warnings, 0 errors; 4 duplicates dropped\n"
    )


@pytest.fixture(scope="module")
def large_dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 9 MB: enough for a progress bar."""
    path = tmp_path_factory.mktemp("large") / "large.txt"
    path.write_bytes(((ROOT / "fixtures/dumps/seed.txt").read_bytes() + b"\n\n\n") * 1700)
    return path


def test_progress_bar_on_a_terminal(large_dump: Path, tmp_path: Path) -> None:
    output = str(tmp_path / "out.jsonl")
    code, seen = run_in_terminal("convert", str(large_dump), "-o", output, stdout_too=False)
    assert code == 0
    assert b"converting" in seen
    assert b"articles" in seen
    assert b"3400 articles parsed from 1 input" in seen  # the summary after the bar


def test_no_progress_bar_in_a_pipe(large_dump: Path) -> None:
    result = invoke_cli("convert", str(large_dump), "--to", "jsonl")
    assert b"\x1b[" not in result.stderr
    assert (
        result.stderr == b"3400 articles parsed from 1 input, 3400 written; 0 warnings, 0 errors\n"
    )
