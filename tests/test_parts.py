"""One big dump across workers: parts cut at article boundaries give, joined, exactly
what one serial parse gives — records, warnings, line account — or the file is parsed
serially instead."""

import json
import random
import tempfile
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse import parts as parts_module
from newsparse import pipeline as pipeline_module
from newsparse.options import ParseOptions
from newsparse.parts import WHOLE, Part, plan_parts
from newsparse.pipeline import Finished, Output, RunHooks, _replay, _shares, run
from newsparse.seams import NOWHERE
from newsparse.worker import WorkerResult, parse_part
from tests.conftest import FIXTURES, NOW_DATETIME, invoke_cli
from tests.test_fuzz import damage, mutate

OPTIONS = ParseOptions(now=NOW_DATETIME)
#: Every layout, fixture and real page, one after another as a scraper's dump holds them.
MIXED = b"".join(
    path.read_bytes().removeprefix(b"\xef\xbb\xbf") + b"\n\n\n"
    for path in [
        *sorted((FIXTURES / "dumps").glob("*.txt")),
        *sorted((FIXTURES / "real").glob("*.txt")),
    ]
    if path.name != "generic.txt" and path.name != "text.txt"  # header-less: generic layout
)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.txt"
    path.write_bytes(MIXED * 3)
    return path


def serial_events(path: Path) -> list[object]:
    warnings: list[object] = []
    events = list(run([str(path)], OPTIONS, RunHooks(warnings.append), jobs=1))
    return [*warnings, *map(describe, events)]


def describe(event: Output | Finished) -> object:
    if isinstance(event, Output):
        return (event.id, event.layout, event.json_line())
    return (event.path, event.account, event.error)


def joined_events(path: Path, parts: list[Part], tmp_path: Path) -> list[object] | None:
    """What the pipeline replays for these parts, or None if it would parse serially."""
    results = [parse_part(str(path), part, OPTIONS, str(tmp_path)) for part in parts]
    shares = _shares(results)
    if shares is None:
        return None
    warnings: list[object] = []
    events = list(_replay(str(path), results, shares, RunHooks(warnings.append)))
    return [*warnings, *map(describe, events)]


def test_parts_start_after_two_blank_lines_and_know_their_line_numbers(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parts_module, "MIN_PART_BYTES", 4096)
    parts = plan_parts(str(mixed), 12, "utf-8")
    assert len(parts) == 12
    data = mixed.read_bytes()
    for part, following in pairwise(parts):
        assert part.end_line == following.first_line
        assert data[following.start - 1 : following.start + 1] == b"\n\n"
        assert data.count(b"\n", 0, following.start) + 1 == following.first_line
    assert (parts[0].start, parts[0].first_line, parts[-1].end_line) == (0, 1, None)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("small.txt", MIXED),
        ("old-mac.txt", MIXED.replace(b"\n", b"\r") * 40),  # bare CR: lines not counted by \n
        ("mixed.txt.gz", MIXED * 40),  # no seeking in an archive
    ],
)
def test_some_files_are_never_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes
) -> None:
    monkeypatch.setattr(parts_module, "MIN_PART_BYTES", 200_000)
    path = tmp_path / name
    path.write_bytes(content)
    assert plan_parts(str(path), 4, "utf-8") == [WHOLE]


def test_utf16_is_never_cut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_module, "MIN_PART_BYTES", 4096)
    path = tmp_path / "wide.txt"
    path.write_bytes(MIXED.decode("utf-8").encode("utf-16"))
    assert plan_parts(str(path), 4, "utf-16") == [WHOLE]


@pytest.mark.parametrize("seed", range(8))
def test_joined_parts_are_the_serial_parse(
    mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Cut into 2 to 60 parts, between pages of every layout: joined, byte for byte the
    serial parse — records, warnings in order, the account of every line."""
    monkeypatch.setattr(parts_module, "MIN_PART_BYTES", 1024)
    count = random.Random(seed).randint(2, 60)
    parts = plan_parts(str(mixed), count, "utf-8")
    assert len(parts) == count
    assert joined_events(mixed, parts, tmp_path) == serial_events(mixed)


def test_a_cut_inside_an_article_joins_at_the_next_one(tmp_path: Path) -> None:
    """Two blank lines inside a story: the part after them starts in the middle of it;
    the parts are joined where both read the next article alike."""
    story = (FIXTURES / "dumps" / "seed.txt").read_bytes()
    head, tail = story.split(b"\nBaker assumed", 1)
    path = tmp_path / "gap.txt"
    path.write_bytes(head + b"\n\n\n\nBaker assumed" + tail)
    cut = len(head) + 1
    first_line = path.read_bytes().count(b"\n", 0, cut) + 1
    parts = [Part(0, 1, first_line), Part(cut, first_line, None)]
    results = [parse_part(str(path), part, OPTIONS, str(tmp_path)) for part in parts]
    second = serial_events(path)[1]
    assert isinstance(second, tuple)
    assert _shares(results) == [1, json.loads(second[2])["source"]["line_start"], NOWHERE]
    assert joined_events(path, parts, tmp_path) == serial_events(path)


def test_a_dump_read_with_the_generic_layout_is_not_joined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generic layout is chosen for a whole dump by its start: its parts are
    parsed again, serially."""
    monkeypatch.setattr(parts_module, "MIN_PART_BYTES", 1024)
    path = tmp_path / "generic.txt"
    path.write_bytes((FIXTURES / "dumps" / "generic.txt").read_bytes() * 20)
    parts = plan_parts(str(path), 4, "utf-8")
    assert len(parts) == 4
    assert joined_events(path, parts, tmp_path) is None
    one = invoke_cli("convert", str(path), "--to", "jsonl", "-j", "1")
    two = invoke_cli("convert", str(path), "--to", "jsonl", "-j", "2")
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)


def test_convert_with_jobs_cuts_one_file_and_writes_the_same_bytes(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parts_module, "MIN_PART_BYTES", 16_384)
    joins: list[list[int] | None] = []
    real_shares = pipeline_module._shares

    def shares(results: list[WorkerResult]) -> list[int] | None:
        joins.append(result := real_shares(results))
        return result

    monkeypatch.setattr(pipeline_module, "_shares", shares)
    serial = invoke_cli("check", str(mixed), "--format", "json", "-j", "1")
    parallel = invoke_cli("check", str(mixed), "--format", "json", "-j", "2")
    (join,) = joins
    assert join is not None
    assert len(join) == 3  # two parts, joined
    assert (parallel.returncode, parallel.stdout) == (serial.returncode, serial.stdout)
    for fmt in ("jsonl", "csv"):
        one = invoke_cli("convert", str(mixed), "--to", fmt, "-j", "1")
        two = invoke_cli("convert", str(mixed), "--to", fmt, "-j", "2")
        assert (two.stdout, two.stderr) == (one.stdout, one.stderr)
        assert one.stdout.count(b"\n") > 400  # records were written at all


PAGES = [
    path.read_text(encoding="utf-8-sig").splitlines()
    for path in [
        *sorted((FIXTURES / "dumps").glob("*.txt")),
        *sorted((FIXTURES / "real").glob("*.txt")),
    ]
]
#: A page as scraped, or damaged the way scrapers damage them (``test_fuzz``).
PAGE = st.tuples(st.sampled_from(range(len(PAGES))), st.just([]) | damage)


@settings(max_examples=40, deadline=None)
@given(
    pages=st.lists(PAGE, min_size=3, max_size=25),
    gap=st.sampled_from(["\n\n", "\n\n\n", "\n\n\n\n"]),
    count=st.integers(2, 30),
)
def test_damaged_pages_cut_anywhere_join_into_the_serial_parse_or_are_refused(
    pages: list[tuple[int, list[tuple[str, int, int]]]], gap: str, count: int
) -> None:
    """Whatever the pages and their damage, and wherever the cuts fall: the parts are
    joined only into exactly the serial parse (records, warnings, account), else the
    pipeline parses the file serially."""
    texts = []
    for index, harm in pages:
        lines = PAGES[index]
        for kind, i, j in harm:
            lines = mutate(lines, kind, i, j)
        texts.append("\n".join(lines))
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "dump.txt"
        path.write_text(gap.join(texts) + "\n", encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(parts_module, "MIN_PART_BYTES", max(1, path.stat().st_size // count))
            parts = plan_parts(str(path), count, "utf-8")
        joined = joined_events(path, parts, Path(directory))
        assert joined is None or joined == serial_events(path)
