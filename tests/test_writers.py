"""Every writer's output read back by an independent reader gives back the records."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsparse import Article, ParseOptions, parse_file
from newsparse.errors import UsageError
from newsparse.models import Record, article_id
from newsparse.text import normalize_line
from newsparse.writers import WRITERS, Format, open_writer
from newsparse.writers.base import SplitTarget, WriterOptions
from newsparse.writers.csv import csv_line
from newsparse.writers.jsonl import json_line
from newsparse.writers.markdown import MarkdownSplitWriter, escape, render_article
from newsparse.writers.tsv import tsv_line
from tests.conftest import DUMPS, NOW_DATETIME

ALL_ARTICLES = [a for dump in DUMPS for a in parse_file(dump, ParseOptions(now=NOW_DATETIME))]


def write(fmt: Format, articles: list[Article]) -> str:
    out = io.StringIO(newline="")
    writer = open_writer(fmt, out)
    for article in articles:
        writer.write(article.record())
    writer.close()
    return out.getvalue()


def test_every_format_has_a_writer() -> None:
    assert set(WRITERS) == set(Format)


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.MD], ids=str)
def test_split_is_markdown_only(fmt: Format, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="one file per article; md can"):
        open_writer(fmt, SplitTarget(tmp_path))


@pytest.mark.parametrize("count", [0, 1, len(ALL_ARTICLES)])
def test_json_is_exactly_the_array_json_dumps_would_write(count: int) -> None:
    records = [a.model_dump(mode="json") for a in ALL_ARTICLES[:count]]
    expected = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    assert write(Format.JSON, ALL_ARTICLES[:count]) == expected


#: Any text a record can hold (lone surrogates are not text: the parser replaces them),
#: with what JSON and CSV escape or quote drawn often: quotes, backslashes, control
#: characters, DEL, line and paragraph separators, a BOM, an astral character.
TEXT = st.text(
    st.one_of(
        st.characters(exclude_categories=["Cs"]),
        st.sampled_from('",\\/\x00\x08\n\r\t\x1f\x7f\x85\u2028\u2029\ufeff\U0001f600'),
    )
)
#: Line numbers up to 2**63: orjson writes 64-bit integers only, and no file has more lines.
LINE_NUMBERS = st.integers(1, 2**63)
RECORDS = st.fixed_dictionaries(
    {
        "id": TEXT,
        "headline": TEXT,
        "updated": st.none() | TEXT,
        "updated_text": st.none() | TEXT,
        "author": st.none() | TEXT,
        "captions": st.lists(TEXT, max_size=3),
        "bullets": st.lists(TEXT, max_size=3),
        "dateline": st.none() | TEXT,
        "body": TEXT,
        "source": st.fixed_dictionaries(
            {"path": TEXT, "line_start": LINE_NUMBERS, "line_end": LINE_NUMBERS}
        ),
    }
)


@given(st.lists(RECORDS, max_size=3))
def test_json_writers_write_exactly_what_json_dumps_wrote(records: list[Record]) -> None:
    """orjson replaced ``json.dumps``: the bytes must not change, on any text."""
    compact = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records]
    assert [json_line(record).decode() for record in records] == compact
    out = io.StringIO(newline="")
    writer = open_writer(Format.JSON, out)
    for record in records:
        writer.write(record)
    writer.close()
    assert out.getvalue() == json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def _text_stream(*, line_buffering: bool) -> tuple[io.BytesIO, io.TextIOWrapper]:
    """A text stream as ``open`` makes one: text over a buffer over the bytes."""
    data = io.BytesIO()
    stream = io.TextIOWrapper(
        io.BufferedWriter(data), encoding="utf-8", newline="", line_buffering=line_buffering
    )
    return data, stream


def test_json_lines_go_to_the_bytes_under_a_utf8_stream_after_its_text() -> None:
    data, stream = _text_stream(line_buffering=False)
    stream.write("before\n")
    writer = open_writer(Format.JSONL, stream)
    record = ALL_ARTICLES[0].record()
    writer.write(record)
    assert data.getvalue() == b"before\n"  # the text went first; the line is buffered
    stream.flush()
    assert data.getvalue() == b"before\n" + json_line(record)


def test_json_lines_keep_the_bom_of_a_utf8_sig_stream() -> None:
    data = io.BytesIO()
    stream = io.TextIOWrapper(io.BufferedWriter(data), encoding="utf-8-sig", newline="")
    open_writer(Format.JSONL, stream).write(ALL_ARTICLES[0].record())
    stream.flush()
    assert data.getvalue() == b"\xef\xbb\xbf" + json_line(ALL_ARTICLES[0].record())


def test_json_lines_on_a_line_buffered_stream_show_as_they_come() -> None:
    """A terminal's stdout is line-buffered: each record is seen when written."""
    data, stream = _text_stream(line_buffering=True)
    writer = open_writer(Format.JSONL, stream)
    writer.write(ALL_ARTICLES[0].record())
    assert data.getvalue() == json_line(ALL_ARTICLES[0].record())


@given(st.lists(TEXT, min_size=2, max_size=12))
def test_csv_lines_are_what_the_csv_module_writes(cells: list[str]) -> None:
    """A row of one empty cell is the csv module's one exception (it writes ``""``);
    a record's row has twelve."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    assert csv_line(cells) == out.getvalue()


@given(st.lists(TEXT, min_size=1, max_size=12))
def test_tsv_lines_escape_every_cell_and_read_back(cells: list[str]) -> None:
    line = tsv_line(cells)
    assert line.endswith("\n")
    assert "\n" not in line[:-1]
    assert "\r" not in line
    escapes = {"\\t": "\t", "\\n": "\n", "\\r": "\r", "\\\\": "\\"}
    unescaped = [
        re.sub(r"\\[tnr\\]", lambda m: escapes[m[0]], cell) for cell in line[:-1].split("\t")
    ]
    assert unescaped == cells


def test_json_reads_back_into_articles() -> None:
    loaded = json.loads(write(Format.JSON, ALL_ARTICLES))
    assert [Article.model_validate(item) for item in loaded] == ALL_ARTICLES


def test_jsonl_is_one_compact_utf8_record_per_line() -> None:
    lines = write(Format.JSONL, ALL_ARTICLES).splitlines()
    assert [Article.model_validate_json(line) for line in lines] == ALL_ARTICLES
    assert all("\\u" not in line and ", " not in line[:40] for line in lines)


def test_csv_reads_back_every_field() -> None:
    rows = list(csv.DictReader(io.StringIO(write(Format.CSV, ALL_ARTICLES), newline="")))
    assert list(rows[0]) == [
        "id", "headline", "updated", "updated_text", "author", "captions", "bullets",
        "dateline", "body", "source_path", "line_start", "line_end",
    ]  # fmt: skip
    for row, article in zip(rows, ALL_ARTICLES, strict=True):
        rebuilt = Article(
            id=row["id"],
            headline=row["headline"],
            updated=row["updated"] or None,
            updated_text=row["updated_text"] or None,
            author=row["author"] or None,
            captions=row["captions"].split("\n") if row["captions"] else [],
            bullets=row["bullets"].split("\n") if row["bullets"] else [],
            dateline=row["dateline"] or None,
            body=row["body"],
            source={
                "path": row["source_path"],
                "line_start": int(row["line_start"]),
                "line_end": int(row["line_end"]),
            },
        )
        assert rebuilt == article


def test_csv_rows_end_with_crlf_as_rfc_4180_says() -> None:
    assert write(Format.CSV, ALL_ARTICLES[:1]).startswith("id,headline,")
    assert write(Format.CSV, []).endswith("line_end\r\n")


# --- Markdown, read back with a real CommonMark parser --------------------------------------

COMMONMARK = MarkdownIt("commonmark")


def plain_text(inline: Token, *, emphasis: bool = False) -> str:
    """What a reader sees of an inline token: its text. Any markup in it fails the test,
    except emphasis where ``emphasis`` allows it (the metadata line is set in italics)."""
    assert inline.children is not None
    markup = {"em_open", "em_close"} if emphasis else set()
    parts = []
    for child in inline.children:
        assert child.type in {"text", "softbreak", *markup}, f"{child.type} in {inline.content!r}"
        parts.append({"text": child.content, "softbreak": "\n"}.get(child.type, ""))
    return "".join(parts)


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) for each block: heading, quote, item, paragraph, or hr. The paragraph
    right after a heading may be in italics: it is the metadata line."""
    found: list[tuple[str, str]] = []
    context = "paragraph"
    for token in COMMONMARK.parse(markdown):
        if token.type == "heading_open":
            context = "heading"
        elif token.type == "blockquote_open":
            context = "quote"
        elif token.type == "list_item_open":
            context = "item"
        elif token.type == "hr":
            found.append(("hr", ""))
        elif token.type == "inline":
            after_heading = bool(found) and found[-1][0] == "heading" and context == "paragraph"
            found.append((context, plain_text(token, emphasis=after_heading)))
        elif token.type in {"heading_close", "blockquote_close", "list_item_close"}:
            context = "paragraph"
    return found


@pytest.mark.parametrize("article", ALL_ARTICLES, ids=lambda a: a.id)
def test_markdown_renders_back_to_headline_captions_bullets_and_paragraphs(
    article: Article,
) -> None:
    found = blocks(render_article(article.record()))
    assert found[0] == ("heading", article.headline)
    rest = found[1:]
    meta = rest.pop(0)[1]  # every article has one: it names at least its source and id
    for value in (article.dateline, article.author, article.updated_text, article.updated):
        assert value is None or value in meta
    assert f"Source: {article.source.path}:{article.source.line_start} · ID: {article.id}" in meta
    assert "Updated: Updated" not in meta
    assert [text for kind, text in rest if kind == "quote"] == article.captions
    assert [text for kind, text in rest if kind == "item"] == article.bullets
    paragraphs = [text for kind, text in rest if kind == "paragraph"]
    assert "\n\n".join(paragraphs) == article.body


def test_markdown_stream_separates_articles_with_a_rule() -> None:
    kinds = [kind for kind, _ in blocks(write(Format.MD, ALL_ARTICLES[:3]))]
    assert kinds.count("hr") == 2
    assert kinds.count("heading") == 3


TRICKY = [
    "*not emphasis* and _not either_",
    "# not a heading",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "2025) not a list",
    "---",
    "***",
    "[not](a link) and ![not](an image)",
    "<b>not html</b> and <https://not.an/autolink>",
    "`not code`",
    "AT&amp;T and &#38; stay as typed",
    "a backslash \\ and \\* stay",
    "a trailing backslash \\",
    "~~not struck~~ | not | a table",
    "=====",
    "    not indented code",
    "a line\u2028separator and a\ttab stay",
    "&copy; 2025",
    "1986. A year to remember",
    "* * *",
]


@pytest.mark.parametrize("text", TRICKY)
def test_markdown_syntax_in_text_is_escaped(text: str) -> None:
    (paragraph,) = blocks(escape(text.strip()))
    assert paragraph == ("paragraph", text.strip())


@given(
    st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=80)
    .map(normalize_line)
    .filter(bool)
)
def test_escaped_text_always_renders_as_itself(line: str) -> None:
    assert blocks(escape(line)) == [("paragraph", line)]


def front_matter_of(article: Article) -> dict[str, object]:
    """What pandoc, Hugo and Jekyll read (title, date), then every field but the body."""
    dates = {"date": article.updated} if article.updated else {}
    return {"title": article.headline, **dates, **article.model_dump(mode="json", exclude={"body"})}


def test_split_writes_one_file_per_article_with_front_matter(tmp_path: Path) -> None:
    writer = open_writer(Format.MD, SplitTarget(tmp_path / "out"))
    for article in ALL_ARTICLES:
        writer.write(article.record())
    writer.close()
    files = {}
    for path in (tmp_path / "out").iterdir():
        _, front, markdown = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        files[meta["id"], meta["source"]["line_start"], meta["source"]["path"]] = (
            path.name,
            meta,
            blocks(markdown)[0],
        )
    assert len(files) == len(ALL_ARTICLES)
    for article in ALL_ARTICLES:
        name, meta, heading = files[article.id, article.source.line_start, article.source.path]
        assert meta == front_matter_of(article)
        assert heading == ("heading", article.headline)
        day = article.updated[:10] if article.updated else "undated"
        assert name.startswith(f"{day}-")


def test_split_file_names_are_slugs_unique_and_never_empty(tmp_path: Path) -> None:
    def record(headline: str, updated: str | None) -> Record:
        return Article(
            id=article_id(headline, "Body."),
            headline=headline,
            updated=updated,
            updated_text=None,
            author=None,
            captions=[],
            bullets=[],
            dateline=None,
            body="Body.",
            source={"path": "-", "line_start": 1, "line_end": 2},
        ).record()

    writer = MarkdownSplitWriter(SplitTarget(tmp_path), WriterOptions())
    names = [
        writer.file_name(record("Café opens in Riyadh: ‘a first’", "2025-02-15T10:00+03:00")),
        writer.file_name(record("Café opens in Riyadh: ‘a first’", "2025-02-15")),
        writer.file_name(record("رؤية مشتركة", None)),
    ]
    assert names == [
        "2025-02-15-cafe-opens-in-riyadh-a-first.md",
        "2025-02-15-cafe-opens-in-riyadh-a-first-2.md",
        f"undated-{article_id('رؤية مشتركة', 'Body.')}.md",
    ]


def test_yaml_front_matter_survives_characters_yaml_treats_specially(tmp_path: Path) -> None:
    headline = 'Quotes " and \\ and : colons, # hashes, \u2028 separators and \x85 NEL'
    article = Article(
        id=article_id(headline, "Body."),
        headline=headline,
        updated=None,
        updated_text=None,
        author="- dash: yes",
        captions=["[bracket]", "{brace}"],
        bullets=["'single'"],
        dateline=None,
        body="Body.",
        source={"path": "dir/it's.txt", "line_start": 1, "line_end": 2},
    )
    writer = open_writer(Format.MD, SplitTarget(tmp_path))
    writer.write(article.record())
    (path,) = tmp_path.iterdir()
    front = path.read_text(encoding="utf-8").split("---\n", 2)[1]
    assert yaml.safe_load(front) == front_matter_of(article)
