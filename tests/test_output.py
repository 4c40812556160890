"""Atomic output: a failure never leaves half a file, nor replaces a good one."""

from pathlib import Path

import pytest

from newsparse import OutputError
from newsparse.output import atomic_output


def test_success_replaces_the_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_output(target) as stream:
        stream.write("new\r\n")
    assert target.read_bytes() == b"new\r\n"  # no newline translation
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(target) as stream:
        stream.write("half")
        raise RuntimeError("the writer failed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_failing_disk_is_an_output_error(tmp_path: Path) -> None:
    target = tmp_path / "out.json"

    class DiskFull(OSError):
        pass

    with (
        pytest.raises(OutputError, match=r"out\.json: No space left on device$"),
        atomic_output(target) as stream,
    ):
        stream.write("data")
        raise DiskFull(28, "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_place_is_an_output_error(tmp_path: Path) -> None:
    with (
        pytest.raises(OutputError, match="No such file or directory"),
        atomic_output(tmp_path / "missing" / "out.json") as stream,
    ):
        stream.write("never")
