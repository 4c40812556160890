"""Layouts as data: the built-in TOML files, user layout files, detection per article,
and the errors a malformed layout file gets."""

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from newsparse import ParseOptions, UsageError, parse_text
from newsparse.fields import split_dateline
from newsparse.layouts import (
    LayoutError,
    builtin_layouts,
    detection_layouts,
    load_layout,
    rules_for,
)
from newsparse.layouts.schema import SPEC_SEPARATORS, json_schema
from tests.accounting import assert_lossless, line_recorder
from tests.conftest import EXPECTED, FIXTURES, ROOT, invoke_cli
from tests.parsing import parse_all, parse_all_file

CUSTOM = FIXTURES / "custom"
GULF_LEDGER = CUSTOM / "gulf-ledger.toml"


DETECTION_ORDER = ["copies", "wire", "arabnews", "web", "generic"]


def test_builtin_layouts_load_in_detection_order() -> None:
    assert list(builtin_layouts()) == DETECTION_ORDER
    for layout in builtin_layouts().values():
        assert layout.description


def test_the_builtin_layouts_are_the_files_of_the_builtin_folder() -> None:
    folder = resources.files("newsparse.layouts") / "builtin"
    stems = {entry.name.removesuffix(".toml") for entry in folder.iterdir()}
    assert set(builtin_layouts()) == stems  # a file's name is its layout's: one per name


def test_the_builtin_layouts_cannot_be_changed_by_a_caller() -> None:
    with pytest.raises(TypeError):
        builtin_layouts()["arabnews"] = builtin_layouts()["web"]  # type: ignore[index]


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
    account = parse_all_file(FIXTURES / "dumps" / f"{dump}.txt").account
    assert account.layouts == layouts


def test_a_new_site_needs_only_a_layout_file(golden) -> None:
    """The Gulf Ledger is invented: no code knows it, only its layout file."""
    result = invoke_cli(
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
    record, uses = line_recorder()
    dump = CUSTOM / "gulf-ledger.txt"
    articles, account, warnings = parse_all_file(
        dump, on_line=record, layout=str(CUSTOM / "gulf-ledger.toml")
    )
    assert_lossless(dump.read_text(encoding="utf-8"), articles, account, uses)
    assert account.chrome == {"section_banner": 3, "share": 3, "related": 2}
    assert account.layouts == {"gulf-ledger": 3}
    assert warnings == []


def test_forcing_a_layout_uses_only_its_rules() -> None:
    text = (FIXTURES / "dumps" / "copies.txt").read_text(encoding="utf-8")
    detected = parse_all(text).account
    forced = parse_all(text, layout="arabnews").account
    assert detected.chrome["topics"] == 2
    assert "topics" not in forced.chrome  # without the copies' rules, a footer is text


def test_layouts_command_lists_the_builtin_layouts() -> None:
    result = invoke_cli("layouts")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.decode().splitlines()]
    assert names == DETECTION_ORDER


def test_check_json_names_the_layout_of_every_article() -> None:
    result = invoke_cli(
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
        ("name = 'x'\npriority = 'high'\n", "priority: must be an integer"),
        ("name = 'x'\npriority = true\n", "priority: must be an integer"),
        ("name = 'x'\n[datelines]\nseparators = ['(']\n", "datelines.separators[0]: invalid"),
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
    result = invoke_cli("convert", "fixtures/dumps/seed.txt", "--layout", str(path))
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"error: {path}: colour: unknown key")
    assert result.stdout == b""


def test_an_unknown_layout_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown layout 'nope'"):
        list(parse_text("Text", options=ParseOptions.of(layout="nope")))


# --- extends: what a layout takes from another ----------------------------------------


def test_a_layout_extending_nothing_has_the_spec_conventions(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text("name = 'site'\n", encoding="utf-8")
    conventions = load_layout(path).conventions
    assert [p.pattern for p in conventions.separators] == list(SPEC_SEPARATORS)
    assert conventions.bullet_glyphs == ("•",)
    assert "WATCH" in conventions.labels
    assert "PRICE" not in conventions.labels  # an Arab News label, not SPEC's


def test_a_layout_extending_a_builtin_takes_the_conventions_it_leaves_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "site.toml"
    path.write_text(
        "name = 'site'\nextends = 'arabnews'\n[bullets]\nglyphs = ['▪']\n", encoding="utf-8"
    )
    own, arabnews = load_layout(path).conventions, builtin_layouts()["arabnews"].conventions
    assert (own.labels, own.agencies) == (arabnews.labels, arabnews.agencies)
    assert own.separators == arabnews.separators
    assert own.bullet_glyphs == ("▪",)


def test_extends_names_a_builtin_layout(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text("name = 'site'\nextends = 'gulf-ledger'\n", encoding="utf-8")
    with pytest.raises(LayoutError, match=r"site.toml: extends: no built-in layout 'gulf-ledger'"):
        load_layout(path)


# --- added layouts join detection -----------------------------------------------------


def test_an_added_layout_joins_detection() -> None:
    """Arab News articles, then one only the user's layout knows: all three parse."""
    gulf = (CUSTOM / "gulf-ledger.txt").read_text(encoding="utf-8").split("\n\n")[0]
    text = (FIXTURES / "dumps" / "seed.txt").read_text(encoding="utf-8") + "\n\n" + gulf
    assert len(parse_all(text).articles) == 2  # without it, one merged article
    articles, account, _ = parse_all(text, added_layouts=[str(GULF_LEDGER)])
    assert account.layouts == {"arabnews": 2, "gulf-ledger": 1}
    assert [a.dateline for a in articles] == ["ISLAMABAD", "ISLAMABAD", "DOHA"]
    assert (articles[2].author, articles[2].updated) == ("Omar Haddad", "2025-03-12")
    assert account.chrome["section_banner"] == 1


def test_detection_tries_higher_priorities_first(tmp_path: Path) -> None:
    names = []
    for priority in (0, 25):
        path = tmp_path / f"p{priority}.toml"
        path.write_text(f"name = 'p{priority}'\npriority = {priority}\n", encoding="utf-8")
        names.append(load_layout(path))
    order = [layout.name for layout in detection_layouts(names)]
    assert order == ["copies", "wire", "p25", "arabnews", "web", "p0"]
    assert rules_for(added=names).layout_names == tuple(order)


def test_an_added_layout_named_like_a_builtin_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "web.toml"
    path.write_text("name = 'web'\n", encoding="utf-8")
    mine = load_layout(path)
    layouts = detection_layouts([mine])
    assert [layout.name for layout in layouts] == DETECTION_ORDER[:-1]
    assert mine in layouts


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (["name = 'site'\n", "name = 'site'\n"], "two added layouts are named 'site'"),
        (["name = 'site'\ngeneric = true\n"], "layout 'site' is generic"),
    ],
)
def test_layouts_that_cannot_join_detection_are_refused(
    tmp_path: Path, files: list[str], message: str
) -> None:
    added = []
    for index, content in enumerate(files):
        path = tmp_path / f"{index}.toml"
        path.write_text(content, encoding="utf-8")
        added.append(load_layout(path))
    with pytest.raises(UsageError, match=message):
        rules_for(added=added)


def test_a_forced_layout_takes_no_added_layouts() -> None:
    with pytest.raises(UsageError, match="a forced layout is the only one"):
        rules_for("arabnews", [load_layout(GULF_LEDGER)])


def test_a_users_dateline_separator_joins_the_builtin_ones(tmp_path: Path) -> None:
    """A user's patterns run on RE2, the built-in ones on re (one has a lookahead)."""
    path = tmp_path / "site.toml"
    path.write_text("name = 'site'\n[datelines]\nseparators = [' [|] ']\n", encoding="utf-8")
    rules = rules_for(added=[load_layout(path)])
    assert split_dateline("DOHA | Text.", rules) == ("DOHA", "Text.")
    assert split_dateline("RIYADH:“Text.”", rules) == ("RIYADH", "“Text.”")


# --- the README's table of keys is the schema's ----------------------------------------


def schema_table() -> str:
    """The keys of a layout file as a Markdown table, from the JSON Schema."""
    schema = json_schema()
    rows = ["| key | type | default | meaning |", "|---|---|---|---|"]
    rows += _rows(schema, schema["$defs"], "", set(schema["required"]))
    return "\n".join(rows)


def _rows(
    model: dict[str, Any], defs: dict[str, Any], prefix: str, required: set[str]
) -> Iterator[str]:
    for key, field in model["properties"].items():
        ref = field.get("$ref") or field.get("items", {}).get("$ref")
        if ref is None:
            default = "required" if key in required else _value(field["default"])
            yield f"| {prefix}`{key}` | {_type(field)} | {default} | {field['description']} |"
            continue
        table, kind = (
            (f"`[[{key}]]`", "array of tables") if "items" in field else (f"`[{key}]`", "table")
        )
        yield f"| {table} | {kind} | | {field['description']} |"
        sub = defs[ref.rsplit("/", 1)[1]]
        yield from _rows(sub, defs, f"{table} ", set(sub.get("required", ())))


def _type(field: dict[str, Any]) -> str:
    field = next(f for f in field.get("anyOf", [field]) if f["type"] != "null")
    if field["type"] == "array":
        return f"{_type(field['items'])} list"
    return "regex" if field.get("format") == "regex" else field["type"]


def _value(default: object) -> str:
    return "—" if default is None else f"`{json.dumps(default, ensure_ascii=False)}`"


def test_the_readme_documents_every_key_of_a_layout_file() -> None:
    table = schema_table()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert table in readme, f"README's table of layout keys is stale; paste:\n{table}"


def test_add_layout_joins_detection_on_the_command_line(tmp_path: Path) -> None:
    gulf = (CUSTOM / "gulf-ledger.txt").read_text(encoding="utf-8").split("\n\n")[0]
    dump = tmp_path / "mixed.txt"
    dump.write_text(
        (FIXTURES / "dumps" / "seed.txt").read_text(encoding="utf-8") + "\n\n" + gulf,
        encoding="utf-8",
    )
    result = invoke_cli("check", str(dump), "--format", "json", "--add-layout", str(GULF_LEDGER))
    assert result.returncode == 0
    assert json.loads(result.stdout)["total"]["layouts"] == {"arabnews": 2, "gulf-ledger": 1}


def test_add_layout_with_a_forced_layout_is_a_usage_error() -> None:
    result = invoke_cli(
        "convert", "fixtures/dumps/seed.txt", "--layout", "wire", "--add-layout", str(GULF_LEDGER)
    )
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == (
        b"error: --layout forces one layout: it cannot be used with --add-layout\n"
    )


def test_an_added_layout_travels_to_worker_processes() -> None:
    inputs = ["fixtures/dumps/seed.txt", str(CUSTOM / "gulf-ledger.txt")]
    added = ["--add-layout", str(GULF_LEDGER), "--to", "jsonl"]
    serial = invoke_cli("convert", *inputs, *added, "-j", "1")
    parallel = invoke_cli("convert", *inputs, *added, "-j", "2")
    assert (parallel.returncode, parallel.stdout) == (0, serial.stdout)
    assert serial.stdout.count(b"\n") == 5  # every article of both sites
