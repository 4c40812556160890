"""``newsparse.dask_reader``: the same records as ``convert --to jsonl``, on Dask's local
scheduler, and the documented example writing JSON Lines and Parquet."""

import json
import subprocess
import sys
from pathlib import Path

import dask
import pandas
import pytest

from newsparse import InputError
from newsparse.dask_reader import UNREADABLE, read_dumps, read_dumps_and_warnings
from newsparse.options import ParseOptions
from tests.conftest import DUMPS, NOW, NOW_DATETIME, ROOT, run_cli


def convert_records(paths: list[str]) -> list[dict[str, object]]:
    result = run_cli("convert", *paths, "--to", "jsonl", "--now", NOW, "--jobs", "1", "-q")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


#: The dumps as a user in the repository names them: relative paths stay relative.
RELATIVE_DUMPS = [str(dump.relative_to(ROOT)) for dump in DUMPS]


def test_read_dumps_gives_the_records_convert_writes() -> None:
    bag = read_dumps("fixtures/dumps/*.txt", ParseOptions(now=NOW_DATETIME))
    assert bag.npartitions == len(DUMPS)
    records = bag.compute(scheduler="processes")
    assert records == convert_records(RELATIVE_DUMPS)
    assert records[0]["source"]["path"] == "fixtures/dumps/agency_datelines.txt"


def test_read_dumps_keeps_absolute_paths_absolute() -> None:
    records = read_dumps(str(ROOT / "fixtures/dumps/seed.txt")).compute(scheduler="sync")
    assert {r["source"]["path"] for r in records} == {str(ROOT / "fixtures/dumps/seed.txt")}


def test_a_glob_that_matches_nothing_is_an_error() -> None:
    with pytest.raises(InputError, match=r"^fixtures/nothing/\*\.txt: no dump matches$"):
        read_dumps("fixtures/nothing/*.txt")


def test_the_example_writes_json_lines_and_parquet(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "examples/dask_convert.py", "fixtures/dumps/*.txt", str(tmp_path)],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    parts = sorted((tmp_path / "jsonl").glob("*.jsonl"), key=lambda p: int(p.stem))
    assert all(part.read_text().endswith("}\n") for part in parts)  # `cat part-*` works
    written = [json.loads(line) for part in parts for line in part.read_text().splitlines()]
    expected = convert_records(RELATIVE_DUMPS)
    # The example has no --now: relative dates stay null there.
    assert [r["id"] for r in written] == [r["id"] for r in expected]
    assert [r["source"] for r in written] == [r["source"] for r in expected]
    table = pandas.read_parquet(tmp_path / "parquet")  # parts in name order: part.10 < part.2
    rows = sorted(zip(table["id"], table["headline"], strict=True))
    assert rows == sorted((r["id"], r["headline"]) for r in expected)


def test_a_bad_dump_is_recorded_and_skipped_and_warnings_are_reachable(tmp_path: Path) -> None:
    good = tmp_path / "a-good.txt"
    good.write_bytes((ROOT / "fixtures/dumps/seed.txt").read_bytes())
    binary = tmp_path / "b-binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    latin1 = tmp_path / "c-latin1.txt"
    latin1.write_bytes(good.read_bytes().replace("Chargé".encode(), b"Charg\xe9", 1))
    paths = [str(good), str(binary), str(latin1), str(tmp_path / "d-missing.txt")]
    records, warnings = read_dumps_and_warnings(paths)
    got_records, got_warnings = dask.compute(records, warnings, scheduler="sync")
    assert [r["source"]["path"] for r in got_records] == [str(good)] * 2 + [str(latin1)] * 2
    assert [(w["path"], w["code"]) for w in got_warnings] == [
        (str(binary), UNREADABLE),
        (str(latin1), "NP120"),
        (str(tmp_path / "d-missing.txt"), UNREADABLE),
    ]
    assert got_warnings[0]["message"].endswith("(if it is UTF-16, say --encoding utf-16)")
    assert len(read_dumps(paths).compute(scheduler="sync")) == 4
