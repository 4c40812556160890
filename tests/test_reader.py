"""Reading files: bytes to lines, with errors that name file, line and byte offset."""

import io
from pathlib import Path

import pytest

from newsparse import InputError, ParseHooks, ParseOptions, ParseWarning, parse_file
from newsparse.reader import decode_lines
from newsparse.tally import Tally
from tests.parsing import parse_all_file


def decode(data: bytes) -> list[str]:
    return list(decode_lines(io.BytesIO(data), "dump.txt"))


def test_bom_is_removed_and_adds_no_line() -> None:
    assert decode(b"\xef\xbb\xbfHeadline\nText") == ["Headline\n", "Text"]


def test_a_bom_later_in_the_file_is_text() -> None:
    assert decode(b"A\n\xef\xbb\xbfB") == ["A\n", "\ufeffB"]


@pytest.mark.parametrize(
    ("data", "lines", "message"),
    [
        (
            b"ok\nbad \xff here\n",
            ["ok\n", "bad \ufffd here\n"],
            "dump.txt:2: error: NP120 invalid UTF-8 (byte 0xff at byte offset 7) read as U+FFFD",
        ),
        (
            b"\xef\xbb\xbfok\n\xc3",
            ["ok\n", "\ufffd"],
            "dump.txt:2: error: NP120 invalid UTF-8 (byte 0xc3 at byte offset 6) read as U+FFFD",
        ),
    ],
    ids=["invalid", "truncated-after-bom"],
)
def test_bad_bytes_are_replaced_and_warned_with_line_and_offset(
    data: bytes, lines: list[str], message: str
) -> None:
    warnings: list[ParseWarning] = []
    tally = Tally("dump.txt", ParseHooks(on_warning=warnings.append))
    assert list(decode_lines(io.BytesIO(data), "dump.txt", tally=tally)) == lines
    (warning,) = warnings
    assert str(warning).startswith(message)


def test_a_nul_byte_names_line_and_offset() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"ok\nok\nnul\x00\n")
    assert str(caught.value).startswith("dump.txt:3: NUL byte at byte offset 9: not a UTF-8 text")
    assert caught.value.exit_code == 3


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: No such file or directory$"):
        list(parse_file(tmp_path / "missing.txt"))


def test_parse_file_names_records_by_the_path_as_given(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_bytes(b"Story\r\nShort Url\r\nUpdated 01 May 2025\r\nStory\r\n\r\nRIYADH: Text.\r\n")
    (article,) = parse_file(dump)
    assert article.source.path == str(dump)
    assert (article.source.line_start, article.source.line_end) == (1, 6)


STORY = "Story\nShort Url\nUpdated 01 May 2025\nStory\n\nRIYADH: Café “opens”.\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_other_encodings_are_read_with_encoding(tmp_path: Path, encoding: str) -> None:
    dump = tmp_path / "dump.txt"
    text = STORY if encoding != "latin-1" else STORY.replace("“", '"').replace("”", '"')
    dump.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    (article,) = parse_file(dump, ParseOptions(encoding=encoding))
    assert article.body == text.split("RIYADH: ")[1].strip()
    assert (article.source.line_start, article.source.line_end) == (1, 6)


def test_undecodable_bytes_in_another_encoding_name_line_and_offset(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_bytes(b"Story\nShort Url\nbad \x81 byte\n")  # 0x81 is unassigned in cp1252
    warnings = parse_all_file(dump, encoding="cp1252").warnings
    assert str(warnings[0]) == (
        f"{dump}:3: error: NP120 invalid cp1252 (byte 0x81 at byte offset 20) read as U+FFFD"
    )


def test_undecodable_utf16_names_where_reading_stopped(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_bytes("ok\n".encode("utf-16") + b"\x00\xd8\n\x00")  # a lone surrogate
    with pytest.raises(InputError, match=r"dump\.txt:1: cannot decode as utf-16 at or after"):
        list(parse_file(dump, ParseOptions(encoding="utf-16")))


def test_nul_characters_in_another_encoding_are_refused(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_bytes("ok\nnul\x00\n".encode("utf-16"))
    with pytest.raises(InputError, match=r"dump\.txt:2: NUL character: not a utf-16 text"):
        list(parse_file(dump, ParseOptions(encoding="utf-16")))


@pytest.mark.parametrize("block", [1, 3, 7, 64], ids=lambda size: f"block-{size}")
def test_blocks_give_the_lines_and_problem_offsets_of_a_line_by_line_read(
    monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    """Blocks are cut at line ends, and a block with bad bytes is read again line by
    line: lines, line numbers and byte offsets do not depend on the block size."""
    monkeypatch.setattr("newsparse.reader.BLOCK_BYTES", block)
    data = b"\xef\xbb\xbfa long first line\nok\r\n\nbad \xff here\nlast"
    warnings: list[ParseWarning] = []
    tally = Tally("dump.txt", ParseHooks(on_warning=warnings.append))
    lines = list(decode_lines(io.BytesIO(data), "dump.txt", tally=tally))
    assert lines == ["a long first line\n", "ok\r\n", "\n", "bad \ufffd here\n", "last"]
    (warning,) = warnings
    assert str(warning).startswith(
        "dump.txt:4: error: NP120 invalid UTF-8 (byte 0xff at byte offset 30)"
    )


def test_a_nul_byte_in_a_later_block_names_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsparse.reader.BLOCK_BYTES", 4)
    with pytest.raises(InputError) as caught:
        decode(b"first\nsecond\nthird\x00\n")
    assert str(caught.value).startswith("dump.txt:3: NUL byte at byte offset 18")


@pytest.mark.parametrize("end", [b"", b"\n", b"\nlast\n"], ids=["at-eof", "ended", "then-more"])
def test_a_line_past_the_cap_read_in_blocks_names_its_line(
    monkeypatch: pytest.MonkeyPatch, end: bytes
) -> None:
    monkeypatch.setattr("newsparse.reader.BLOCK_BYTES", 4)
    monkeypatch.setattr("newsparse.reader.MAX_LINE_BYTES", 16)
    with pytest.raises(InputError) as caught:
        decode(b"ok\n" + b"y" * 40 + end)
    assert str(caught.value).startswith("dump.txt:2: a line longer than")
