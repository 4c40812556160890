"""``newsparse check``: the account of every input, as text for people and JSON for
scripts, with exit codes that say whether anything is wrong."""

import json
from pathlib import Path

import pytest

from tests.conftest import EXPECTED, NOW, invoke_cli, run_in_terminal


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_on_every_fixture_matches_its_golden_report(fmt: str, golden) -> None:
    result = invoke_cli("check", "fixtures/dumps", "--now", NOW, "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    golden(EXPECTED / f"check.{'txt' if fmt == 'text' else 'json'}", result.stdout.decode())


def test_check_json_accounts_for_every_line_of_every_input() -> None:
    result = invoke_cli("check", "fixtures/dumps", "--format", "json", "--now", NOW)
    document = json.loads(result.stdout)
    for item in [*document["inputs"], document["total"]]:
        used = (
            item["blank_lines"]
            + item["chrome_lines"]
            + item["preamble_lines"]
            + sum(item["field_lines"].values())
        )
        assert used == item["lines"], item["path"]
        assert item["chrome_lines"] == sum(item["chrome"].values())
    assert document["total"]["articles"] == sum(i["articles"] for i in document["inputs"])


def test_check_exits_1_on_errors(tmp_path: Path) -> None:
    dump = tmp_path / "headless.txt"
    dump.write_text("Story\nShort Url\nUpdated 01 May 2025\nStory\n")  # no body: NP104
    result = invoke_cli("check", str(dump))
    assert result.returncode == 1
    assert f"{dump}:1: error: NP104 article “Story” has no body\n".encode() in result.stdout


def test_check_exits_1_on_warnings_only_with_strict() -> None:
    assert invoke_cli("check", "fixtures/dumps/preamble.txt").returncode == 0
    assert invoke_cli("check", "--strict", "fixtures/dumps/preamble.txt").returncode == 1
    assert invoke_cli("check", "--strict", "fixtures/dumps/seed.txt").returncode == 0


def test_check_exits_3_on_an_unreadable_input_and_reports_the_others() -> None:
    result = invoke_cli("check", "missing.txt", "fixtures/dumps/seed.txt", "--format", "json")
    assert result.returncode == 3
    inputs = json.loads(result.stdout)["inputs"]
    assert inputs[0]["error"] == "missing.txt: No such file or directory"
    assert inputs[1]["articles"] == 2


def test_check_text_in_a_pipe_has_no_escape_codes() -> None:
    result = invoke_cli("check", "fixtures/dumps/seed.txt", env={"FORCE_COLOR": ""})
    assert b"\x1b[" not in result.stdout
    assert result.stdout.splitlines()[0].split() == [
        b"input", b"lines", b"blank", b"chrome", b"preamble", b"articles", b"updated",
        b"author", b"captions", b"bullets", b"dateline", b"warnings", b"errors",
    ]  # fmt: skip


def test_check_text_on_a_wide_terminal_is_the_pipes_table() -> None:
    code, output = run_in_terminal("check", "fixtures/dumps/seed.txt")
    assert code == 0
    piped = invoke_cli("check", "fixtures/dumps/seed.txt").stdout
    assert output.replace(b"\r\n", b"\n") == piped  # no box, no colour, nothing cut
