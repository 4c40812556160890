"""newsparse among the tools its users already know (issue 12): pandoc's ``-o -``,
csvkit's and mlr's formats, compressed archives, completion. In-process, with Typer's
runner: exit code, stdout and stderr checked separately."""

import bz2
import csv
import gzip
import io
import json
import logging
import lzma
import os
import re
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pyarrow
import pyarrow.parquet
import pytest
import yaml
import zstandard
from typer.testing import CliRunner

import newsparse
from newsparse.cli import app
from newsparse.cli.check import COLUMNS, print_report, summarise
from newsparse.errors import UsageError
from newsparse.options import ParseOptions
from newsparse.summary import total
from newsparse.writers.csv import csv_columns
from newsparse.writers.parquet import INSTALL_HINT, ROWS_PER_GROUP
from newsparse.writers.tsv import tsv_line
from tests.conftest import DUMPS, EXPECTED, NOW_DATETIME, ROOT, run_in_terminal

SEED = "fixtures/dumps/seed.txt"


def invoke(*args: str) -> tuple[int, bytes, str]:
    """Run a command in this process: exit code, stdout (bytes) and stderr."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr


def read_expected(name: str) -> list[str]:
    return (EXPECTED / name).read_text(encoding="utf-8").splitlines()


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


# --- 3. check on a narrow terminal ----------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_check_never_cuts_paths_or_headers_on_a_narrow_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    paths = [str(dump.relative_to(ROOT)) for dump in DUMPS]
    summaries = summarise(list(paths), ParseOptions(now=NOW_DATETIME), jobs=1)
    out = Terminal()
    print_report(out, summaries, total(summaries))
    table = out.getvalue().split("\n\ninput ", 1)[1].split("\n\nlayouts:")[0]
    lines = ("input " + table).splitlines()
    assert max(map(len, lines)) <= 100
    headers = {word for line in lines if line.startswith("input ") for word in line.split()}
    assert headers == {"input", *COLUMNS}  # every column, none cut, in two blocks
    assert sum(line.startswith("input ") for line in lines) == 2
    for path in paths:
        assert sum(line.split()[:1] == [path] for line in lines) == 2, path


# --- 4. compressed dumps --------------------------------------------------------------

COMPRESSORS = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": lambda data: zstandard.ZstdCompressor().compress(data),
}


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_compressed_dumps_read_like_the_plain_file(tmp_path: Path, suffix: str) -> None:
    dump = tmp_path / f"preamble.txt{suffix}"
    dump.write_bytes(COMPRESSORS[suffix]((ROOT / "fixtures/dumps/preamble.txt").read_bytes()))
    code, out, err = invoke("convert", "-q", str(dump), "--to", "jsonl")
    assert code == 0
    plain = [json.loads(line) for line in read_expected("preamble.jsonl")]
    for record in plain:
        record["source"]["path"] = str(dump)  # the path as given; line numbers as plain
    assert [json.loads(line) for line in out.splitlines()] == plain
    assert err == f"{dump}:2: warning: NP101 " + err.split(" NP101 ", 1)[1]


def test_directories_hold_compressed_dumps_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress((ROOT / SEED).read_bytes()))
    (tmp_path / "b.txt").write_bytes((ROOT / SEED).read_bytes())
    (tmp_path / "c.gz").write_bytes(gzip.compress(b"not a dump"))
    code, out, _ = invoke("convert", "-q", str(tmp_path), "--to", "jsonl", "-j", "1")
    assert code == 0
    paths = [json.loads(line)["source"]["path"] for line in out.splitlines()]
    assert paths == [str(tmp_path / "a.txt.gz")] * 2 + [str(tmp_path / "b.txt")] * 2


def test_compressed_data_without_its_suffix_is_named_not_blamed_on_the_encoding(
    tmp_path: Path,
) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_bytes(gzip.compress((ROOT / SEED).read_bytes()))
    code, out, err = invoke("convert", "-q", str(dump))
    assert (code, out) == (3, b"[]\n")
    assert "it looks gz-compressed: newsparse decompresses dumps named *.txt.gz" in err
    assert "--encoding" not in err


def test_a_damaged_archive_is_an_input_error(tmp_path: Path) -> None:
    dump = tmp_path / "cut.txt.xz"
    dump.write_bytes(lzma.compress((ROOT / SEED).read_bytes())[:200])
    code, _, err = invoke("convert", "-q", str(dump))
    assert code == 3
    # What the readable part held is converted and reported; the damage ends the input.
    assert err.splitlines()[-1].startswith(f"error: {dump}: damaged archive: ")


# --- 5. Dask: see tests/test_dask.py (relative globs, no match, final newlines) ----


# --- 6. Parquet -----------------------------------------------------------------------


def test_parquet_reads_back_with_pyarrow_in_typed_columns(tmp_path: Path) -> None:
    target = tmp_path / "seed.parquet"
    code, out, err = invoke("convert", "-q", SEED, "-o", str(target))
    assert (code, out, err) == (0, b"", "")
    table = pyarrow.parquet.read_table(target)
    assert table.schema.field("captions").type == pyarrow.list_(pyarrow.string())
    assert pyarrow.types.is_struct(table.schema.field("source").type)
    assert table.to_pylist() == [json.loads(line) for line in read_expected("seed.jsonl")]


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    many = tmp_path / "many.txt"
    many.write_bytes((ROOT / SEED).read_bytes() * (ROWS_PER_GROUP // 2 + 1))
    code, out, _ = invoke("convert", "-q", str(many), "--to", "parquet")
    assert code == 0
    metadata = pyarrow.parquet.ParquetFile(io.BytesIO(out)).metadata
    assert (metadata.num_rows, metadata.num_row_groups) == (ROWS_PER_GROUP + 2, 2)


def test_parquet_without_pyarrow_is_a_usage_error_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # import fails
    code, out, err = invoke("convert", SEED, "-o", str(tmp_path / "x.parquet"))
    assert (code, out) == (2, b"")
    assert err == f"error: {INSTALL_HINT}\n"
    assert "'.[parquet]'" in err
    assert list(tmp_path.iterdir()) == []


def test_parquet_is_never_drawn_on_a_terminal() -> None:
    code, seen = run_in_terminal("convert", SEED, "--to", "parquet")
    assert code == 2
    assert b"error: Parquet is binary: write it to a file with -o, or into a pipe" in seen
    assert b"PAR1" not in seen


# --- 7. TSV ---------------------------------------------------------------------------


def test_tsv_reads_back_with_the_csv_module_one_line_per_record() -> None:
    code, out, _ = invoke("convert", "-q", SEED, "--to", "tsv")
    assert code == 0
    lines = out.decode().splitlines()
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == csv_columns()
    records = [json.loads(line) for line in read_expected("seed.jsonl")]
    assert len(rows) == len(records) + 1
    for row, record in zip(rows[1:], records, strict=True):
        cells = dict(zip(rows[0], map(unescape_tsv, row), strict=True))
        assert cells["body"] == record["body"]
        assert cells["bullets"].split("\n") == record["bullets"]
        assert cells["line_start"] == str(record["source"]["line_start"])


def unescape_tsv(cell: str) -> str:
    """The README's escaping, undone."""
    escapes = {"\\t": "\t", "\\n": "\n", "\\r": "\r", "\\\\": "\\"}
    return re.sub(r"\\[tnr\\]", lambda m: escapes[m.group()], cell)


def test_tsv_escapes_tabs_line_ends_and_backslashes() -> None:
    assert tsv_line(["a\tb", "c\nd\re", "back\\slash", 7]) == "a\\tb\tc\\nd\\re\tback\\\\slash\t7\n"


# --- 8. CSV for spreadsheets ----------------------------------------------------------


def test_csv_is_exact_by_default_and_guarded_or_bommed_on_request(tmp_path: Path) -> None:
    dump = tmp_path / "formula.txt"
    headline = '=HYPERLINK("http://x")'
    dump.write_text(
        f"{headline}\nShort Url\nUpdated 01 May 2025\n{headline}\n\n@SUM(A1) body text.\n",
        encoding="utf-8",
    )
    plain = invoke("convert", "-q", str(dump), "--to", "csv")[1].decode()
    row = next(csv.DictReader(io.StringIO(plain, newline="")))
    assert (row["headline"], row["body"]) == ('=HYPERLINK("http://x")', "@SUM(A1) body text.")
    assert not plain.startswith("\ufeff")
    code, out, _ = invoke(
        "convert", "-q", str(dump), "--to", "csv", "--guard-formulas", "--add-bom"
    )
    assert code == 0
    text = out.decode("utf-8")
    assert text.startswith("\ufeffid,headline,")
    row = next(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert (row["headline"], row["body"]) == ('\'=HYPERLINK("http://x")', "'@SUM(A1) body text.")
    assert row["updated"] == "2025-05-01"


def test_spreadsheet_options_with_another_format_are_a_usage_error() -> None:
    code, out, err = invoke("convert", SEED, "--to", "json", "--add-bom")
    assert (code, out) == (2, b"")
    assert err == "error: --guard-formulas and --add-bom are for csv and tsv, not json\n"


# --- 9. Markdown for pandoc, Hugo and Jekyll, traceable to its source -----------------


def test_split_front_matter_has_title_and_date_for_site_generators(tmp_path: Path) -> None:
    code, out, _ = invoke("convert", "-q", SEED, "--split", str(tmp_path))
    assert (code, out) == (0, b"")
    first = sorted(tmp_path.iterdir())[0]
    front = yaml.safe_load(first.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert front["title"] == front["headline"]
    assert (front["date"], front["author"]) == ("2025-02-15", None)
    assert list(front)[:3] == ["title", "date", "id"]


def test_markdown_shows_the_printed_date_once_and_the_source_of_each_article() -> None:
    code, out, _ = invoke("convert", "-q", "fixtures/dumps/dates.txt", "--to", "md")
    assert code == 0
    meta = [line for line in out.decode().splitlines() if line.startswith("*")]
    assert meta[1] == (
        "*Updated 11 sec ago · Dateline: TEHRAN · Source: fixtures/dumps/dates.txt:15"
        " · ID: 641f7081d5a9bb52*"
    )
    assert all("Updated: Updated" not in line for line in meta)
    assert all(" · ID: " in line and "Source: fixtures/dumps/dates.txt:" in line for line in meta)


# --- 10. statistics for machines ------------------------------------------------------

CHECKED = ["fixtures/dumps/seed.txt", "fixtures/dumps/preamble.txt", "fixtures/dumps/seed.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_stats_json_has_checks_totals_and_the_records_written(tmp_path: Path, jobs: str) -> None:
    stats = tmp_path / "stats.json"
    code, out, err = invoke(
        "convert", *CHECKED, "--dedupe", "--to", "jsonl", "--stats-json", str(stats), "-j", jobs
    )
    assert code == 0
    check_code, check_out, _ = invoke("check", *CHECKED, "--format", "json")
    assert check_code == 0
    document = json.loads(stats.read_text())
    assert document["total"] == json.loads(check_out)["total"]
    assert document["total"]["articles"] == 7
    assert (document["written"], document["duplicates_dropped"]) == (5, 2)
    assert (document["input_count"], document["unreadable_inputs"]) == (3, 0)
    assert len(out.splitlines()) == 5
    assert err.splitlines()[-1] == (
        "7 articles parsed from 3 inputs, 5 written; 1 warning, 0 errors; 2 duplicates dropped"
    )


# --- 11. help -------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["convert"], ["check"], ["layouts"], ["schema"]])
def test_help_in_a_pipe_is_plain_text_with_plain_metavars(command: list[str]) -> None:
    code, out, _ = invoke(*command, "--help")
    assert code == 0
    text = out.decode()
    assert not any(box in text for box in "╭│╰─")
    assert "<" not in text  # no <bool>, <list[str]>, <file>, <str>
    assert all(line == line.rstrip() for line in text.splitlines())  # no padding
    assert max(map(len, text.splitlines())) <= 80


def test_flags_take_no_value_and_options_name_theirs() -> None:
    text = invoke("convert", "--help")[1].decode()
    assert re.search(r"^  --strict +Exit 1", text, re.MULTILINE)
    assert re.search(r"^  -t, --to FORMAT +Output format: json, jsonl, csv, tsv, md, parquet", text,
                     re.MULTILINE)  # fmt: skip
    assert "-o, --output PATH" in text
    code, _, err = invoke("convert", SEED, "--strict", "true")
    assert code == 3  # `true` is an input, as the help shows --strict takes no value
    assert err.startswith("error: true: No such file or directory")


def test_help_ends_with_examples_and_exit_codes_and_keeps_sentences_whole() -> None:
    root = invoke("--help")[1].decode()
    convert = invoke("convert", "--help")[1].decode()
    for text in (root, convert):
        examples = text.split("Examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert 2 <= len(examples) <= 3
        assert all(
            line.startswith("    newsparse ") or " | newsparse " in line for line in examples
        )
        assert "  4    the output could not be written" in text
    description = convert.split("\n\n")[1]
    assert " ".join(description.split()) == (
        "Convert dumps to JSON, JSON Lines, CSV, TSV, Markdown or Parquet, in input order. "
        "Data goes to stdout (or -o); warnings, errors and the summary go to stderr."
    )
    assert "  check    Report how every line was used, and every warning.\n" in root


# --- 12. shell completion -------------------------------------------------------------


@pytest.mark.parametrize(
    ("shell", "marker"), [("bash", "complete -o default -F"), ("zsh", "#compdef newsparse")]
)
def test_completion_scripts_are_generated(shell: str, marker: str) -> None:
    result = CliRunner().invoke(
        app, [], env={"_NEWSPARSE_COMPLETE": f"source_{shell}"}, prog_name="newsparse"
    )
    assert result.exit_code == 0
    assert marker in result.stdout
    assert "_NEWSPARSE_COMPLETE=complete_" in result.stdout


def test_completion_offers_the_formats() -> None:
    env = {"_NEWSPARSE_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "newsparse convert --to "}
    result = CliRunner().invoke(app, [], env=env, prog_name="newsparse")
    assert all(f'"{fmt}"' in result.stdout for fmt in ("json", "tsv", "parquet"))


def test_install_completion_is_offered() -> None:
    assert "--install-completion" in invoke("--help")[1].decode()


# --- 13. severity in every line, colour only on a terminal ----------------------------


def no_body_dump(tmp_path: Path) -> Path:
    """One error (NP104: no body) after one warning (NP101: preamble)."""
    dump = tmp_path / "no-body.txt"
    dump.write_text("Home\n\nStory\nShort Url\nUpdated 01 May 2025\nStory\n", encoding="utf-8")
    return dump


def test_each_warning_line_names_its_severity_after_the_location(tmp_path: Path) -> None:
    dump = no_body_dump(tmp_path)
    code, _, err = invoke("convert", str(dump), "--to", "jsonl")
    assert code == 0
    lines = err.splitlines()
    assert lines[0].startswith(f"{dump}:1: warning: NP101 ")
    assert lines[1] == f"{dump}:3: error: NP104 article “Story” has no body"
    assert lines[2] == "1 article parsed from 1 input, 1 written; 1 warning, 1 error"
    assert "\x1b[" not in err


def test_warnings_are_coloured_by_severity_on_a_terminal_only(tmp_path: Path) -> None:
    code, seen = run_in_terminal("convert", str(no_body_dump(tmp_path)), "-o", os.devnull,
                                 "--to", "json")  # fmt: skip
    assert code == 0
    yellow, red = b"\x1b[33m", b"\x1b[1;31m"
    assert yellow + f"{tmp_path}/no-body.txt:1: warning: NP101".encode() in seen
    assert red + f"{tmp_path}/no-body.txt:3: error: NP104".encode() in seen


# --- 14. install hints that work from a checkout; a quiet quick start -----------------


def test_a_missing_extra_names_the_checkout_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ftfy", None)  # import fails
    code, out, err = invoke("convert", SEED, "--fix-text")
    assert (code, out) == (2, b"")
    assert err == (
        "error: --fix-text needs ftfy: pip install -e '.[fix]' in a checkout "
        "(pip install 'newsparse[fix]' once published)\n"
    )


def test_the_quick_start_installs_quietly() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].splitlines()[0]
    assert ".venv/bin/pip install -q -e . --group dev && " in setup
    published = set(re.findall(r"pip install 'newsparse\[(\w+)\]'", readme))
    assert published == {"fix", "parquet", "zstd", "dask"}
    assert all(f"pip install -e '.[{extra}]'" in readme for extra in published)


# --- 15. the library as Python users expect it ----------------------------------------


def test_now_may_be_an_iso_string_and_a_bad_one_fails_before_any_parse() -> None:
    text = (ROOT / "fixtures/dumps/dates.txt").read_text(encoding="utf-8")
    from_string = newsparse.ParseOptions.of(now="2025-02-15T12:00:00+05:00")
    with_string = list(newsparse.parse_text(text, options=from_string))
    assert with_string == list(newsparse.parse_text(text, options=ParseOptions(NOW_DATETIME)))
    with pytest.raises(ValueError, match=r"^'yesterday' is not an ISO 8601 date-time"):
        newsparse.ParseOptions.of(now="yesterday")
    with pytest.raises(TypeError, match=r"^now must be a datetime or an ISO 8601 string"):
        newsparse.ParseOptions.of(now=1739606400)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^now must be a datetime, not str"):
        newsparse.ParseOptions(now="2025-02-15")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match=r"^--encoding: unknown text encoding 'klingon'"):
        newsparse.ParseOptions(encoding="klingon")
    with pytest.raises(UsageError, match=r"^unknown layout 'nope'"):
        newsparse.ParseOptions.of(layout="nope")


def test_articles_are_hashable() -> None:
    articles = list(newsparse.parse_file(SEED))
    assert len({*articles, *articles}) == 2
    assert hash(articles[0]) == hash(articles[0].model_copy())


def test_a_missing_file_is_an_os_error() -> None:
    with pytest.raises(OSError, match=r"^missing\.txt: No such file or directory$"):
        list(newsparse.parse_file("missing.txt"))
    code, _, err = invoke("convert", "missing.txt")
    assert (code, err.splitlines()[0]) == (3, "error: missing.txt: No such file or directory")


def test_warnings_go_to_the_newsparse_logger_without_a_hook(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = "Home\n\nStory\nShort Url\nUpdated 01 May 2025\nStory\n"
    with caplog.at_level(logging.WARNING, logger="newsparse"):
        list(newsparse.parse_text(text, source="d.txt"))
    assert [(r.name, r.levelname, r.getMessage()[:22]) for r in caplog.records] == [
        ("newsparse", "WARNING", "d.txt:1: warning: NP10"),
        ("newsparse", "ERROR", "d.txt:3: error: NP104 "),
    ]
    caplog.clear()
    warnings: list[newsparse.ParseWarning] = []
    hooks = newsparse.ParseHooks(on_warning=warnings.append)
    list(newsparse.parse_text(text, source="d.txt", hooks=hooks))
    assert caplog.records == []
    assert [w.code for w in warnings] == ["NP101", "NP104"]


def test_the_package_documents_itself_and_its_public_surface() -> None:
    assert newsparse.__doc__ is not None
    assert "for article in parse_file(" in newsparse.__doc__
    assert {"Article", "parse_text", "parse_file", "parse_lines", "ParseOptions"} <= set(
        newsparse.__all__
    )
    assert all(hasattr(newsparse, name) for name in newsparse.__all__)


# --- 16. the JSON Schema --------------------------------------------------------------


def test_schema_names_its_dialect_and_id_and_constrains_updated() -> None:
    code, out, _ = invoke("schema")
    assert code == 0
    schema = json.loads(out)
    assert list(schema)[:2] == ["$schema", "$id"]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    pattern = schema["properties"]["updated"]["pattern"]  # applies to the string branch
    assert not re.match(pattern, "last tuesday")
    written = [json.loads(line) for dump in DUMPS for line in read_expected(f"{dump.stem}.jsonl")]
    values = {r["updated"] for r in written if r["updated"]}
    assert any("T" in value for value in values)
    assert all(re.match(pattern, value) for value in values)


# --- 17. packaging --------------------------------------------------------------------


def test_the_license_is_the_one_pyproject_names() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert (project["license"], project["license-files"]) == ("MIT", ["LICENSE"])
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")


def test_the_sdist_carries_what_its_tests_need(tmp_path: Path) -> None:
    build = "from setuptools import build_meta; import sys; build_meta.build_sdist(sys.argv[1])"
    subprocess.run(
        [sys.executable, "-c", build, str(tmp_path)], cwd=ROOT, check=True, capture_output=True
    )
    (sdist,) = tmp_path.glob("newsparse-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    expected = {"LICENSE", "tests/conftest.py", "examples/dask_convert.py", ".ci/run"}
    expected |= {str(dump.relative_to(ROOT)) for dump in DUMPS}
    expected |= {str(path.relative_to(ROOT)) for path in EXPECTED.iterdir()}
    assert expected <= names
    assert not any("__pycache__" in name or name.startswith(".venv") for name in names)
