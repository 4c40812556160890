"""Layouts as data: the built-in TOML files, user layout files, detection per article,
and the errors a malformed layout file gets."""

import json
from pathlib import Path

import pytest

from newsparse import ParseReport, UsageError, parse_file, parse_text
from newsparse.layouts import LayoutError, builtin_layouts, load_layout
from tests.accounting import assert_lossless, recording_report
from tests.conftest import EXPECTED, FIXTURES, run_cli

CUSTOM = FIXTURES / "custom"


DETECTION_ORDER = ["copies", "wire", "arabnews", "web", "generic"]


def test_builtin_layouts_load_in_detection_order() -> None:
    assert list(builtin_layouts()) == DETECTION_ORDER
    for layout in builtin_layouts().values():
        assert layout.description


@pytest.mark.parametrize(
    ("dump", "layouts"),
    [
        ("seed", {"arabnews": 2}),
        ("jp_edition", {"arabnews": 3}),
        ("copies", {"copies": 3}),
        ("wire", {"wire": 3}),
        ("generic", {"generic": 3}),
    ],
)
def test_each_article_is_parsed_by_the_layout_its_lines_match(
    dump: str, layouts: dict[str, int]
) -> None:
    report = ParseReport()
    list(parse_file(FIXTURES / "dumps" / f"{dump}.txt", report=report))
    assert report.layouts == layouts


def test_a_new_site_needs_only_a_layout_file(golden) -> None:
    """The Gulf Ledger is invented: no code knows it, only its layout file."""
    result = run_cli(
        "convert", "-q", "fixtures/custom/gulf-ledger.txt", "--layout",
        "fixtures/custom/gulf-ledger.toml", "--to", "jsonl",
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, b"")
    golden(EXPECTED / "custom" / "gulf-ledger.jsonl", result.stdout.decode())
    first = json.loads(result.stdout.splitlines()[0])
    assert first["author"] == "Omar Haddad"
    assert first["bullets"] == [
        "North Field East will add 32 million tons a year",
        "First cargoes are expected in mid-2026",
    ]
    assert first["updated"] == "2025-03-12"
    assert first["dateline"] == "DOHA"


def test_a_new_site_is_accounted_for_line_by_line() -> None:
    report, uses = recording_report()
    dump = CUSTOM / "gulf-ledger.txt"
    articles = list(parse_file(dump, report=report, layout=str(CUSTOM / "gulf-ledger.toml")))
    assert_lossless(dump.read_text(encoding="utf-8"), articles, report, uses)
    assert report.chrome == {"section_banner": 3, "share": 3, "related": 2}
    assert report.layouts == {"gulf-ledger": 3}
    assert report.warnings == []


def test_forcing_a_layout_uses_only_its_rules() -> None:
    text = (FIXTURES / "dumps" / "copies.txt").read_text(encoding="utf-8")
    detected = ParseReport()
    list(parse_text(text, report=detected))
    forced = ParseReport()
    list(parse_text(text, report=forced, layout="arabnews"))
    assert detected.chrome["topics"] == 2
    assert "topics" not in forced.chrome  # without the copies' rules, a footer is text


def test_layouts_command_lists_the_builtin_layouts() -> None:
    result = run_cli("layouts")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.decode().splitlines()]
    assert names == DETECTION_ORDER


def test_check_json_names_the_layout_of_every_article() -> None:
    result = run_cli(
        "check", "fixtures/dumps/copies.txt", "fixtures/dumps/seed.txt", "--format", "json"
    )
    inputs = json.loads(result.stdout)["inputs"]
    assert [r["layout"] for r in inputs[0]["records"]] == ["copies"] * 3
    assert inputs[1]["layouts"] == {"arabnews": 2}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name = 'x'\ncolour = 'red'\n", "colour: unknown key"),
        ("description = 'no name'\n", "name: missing"),
        ("name = 'Bad Name'\n", "name: use lower-case letters"),
        ("name = 'x'\n[[chrome]]\nlines = ['Share']\n", "chrome[0].kind: missing"),
        ("name = 'x'\n[[chrome]]\nkind = 'a'\n", "chrome[0]: give either lines or pattern"),
        (
            "name = 'x'\n[[trailers]]\nkind = 'a'\npattern = '(unclosed'\n",
            "trailers[0].pattern: invalid regular expression",
        ),
        (
            "name = 'x'\n[[date_lines]]\npattern = 'Posted'\n",
            "date_lines[0].pattern: needs {date}, {stamp} or {age}",
        ),
        (
            "name = 'x'\n[authors]\nbylines = ['By (.*)']\n",
            "authors.bylines[0]: needs a (?P<name>...) group",
        ),
        (
            "name = 'x'\n[header]\nauthor_after_bullets = 'yes'\n",
            "header.author_after_bullets: must be a bool",
        ),
        ("name = 'x'\n[bullets]\nglyph = ['*']\n", "bullets.glyph: unknown key"),
        ("name = 'x'\nname = 'y'\n", "toml: "),
    ],
    ids=lambda v: v.split(":")[0] if isinstance(v, str) and v.count("\n") == 0 else None,
)
def test_a_malformed_layout_file_names_the_file_and_the_key(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "site.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LayoutError) as caught:
        load_layout(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert caught.value.exit_code == 2


def test_a_malformed_layout_file_is_a_usage_error_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text("name = 'x'\ncolour = 'red'\n", encoding="utf-8")
    result = run_cli("convert", "fixtures/dumps/seed.txt", "--layout", str(path))
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"error: {path}: colour: unknown key")
    assert result.stdout == b""


def test_an_unknown_layout_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown layout 'nope'"):
        list(parse_text("Text", layout="nope"))
