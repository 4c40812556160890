"""newsparse among the tools its users already know (issue 12): pandoc's ``-o -``,
csvkit's and mlr's formats, compressed archives, completion. In-process, with Typer's
runner: exit code, stdout and stderr checked separately."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsparse.cli import app
from tests.conftest import EXPECTED

SEED = "fixtures/dumps/seed.txt"


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    """Run a command in this process: exit code, stdout (bytes) and stderr."""
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout_bytes, result.stderr


# --- 1. `-o -` ------------------------------------------------------------------------


def test_output_dash_is_stdout() -> None:
    code, out, err = invoke("convert", "-q", SEED, "-o", "-", "--to", "csv")
    assert (code, err) == (0, "")
    assert out == (EXPECTED / "seed.csv").read_bytes()
    assert not Path("-").exists()


# --- 2. an extension newsparse does not know -----------------------------------------


@pytest.mark.parametrize("name", ["out.txt", "out", "out.xml"])
def test_an_unknown_output_extension_is_a_usage_error(tmp_path: Path, name: str) -> None:
    code, out, err = invoke("convert", SEED, "-o", str(tmp_path / name))
    assert (code, out) == (2, b"")
    assert err.startswith(f"error: -o {tmp_path / name}: ")
    assert err.endswith("; name the format with --to\n")
    assert list(tmp_path.iterdir()) == []
    code, _, _ = invoke("convert", "-q", SEED, "-o", str(tmp_path / name), "--to", "jsonl")
    assert code == 0
    assert (tmp_path / name).read_bytes() == (EXPECTED / "seed.jsonl").read_bytes()
