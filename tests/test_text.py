"""Line normalisation and line ends (SPEC §2, *Lines*)."""

import pytest

from newsparse.text import normalize_line, split_line_ends, split_lines


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Plain text  ", "Plain text"),
        ("\tTabbed\t", "Tabbed"),
        ("Short\u00a0Url", "Short Url"),
        ("10\u2007000", "10 000"),
        ("«\u202fBonjour\u202f»", "« Bonjour »"),
        ("Zero\u200bwidth\u2060joined\ufeff", "Zerowidthjoined"),
        ("\u200b  ", ""),
        ("Cafe\u0301", "Café"),
        ("“Curly” — dashes – stay…", "“Curly” — dashes – stay…"),
        ("inner   spacing stays", "inner   spacing stays"),
        ("دل ہی تو ہے ", "دل ہی تو ہے"),
    ],
    ids=[
        "ascii",
        "tabs",
        "nbsp",
        "figure-space",
        "narrow-nbsp",
        "invisible",
        "invisible-only",
        "nfc",
        "punctuation",
        "inner-spaces",
        "urdu",
    ],
)
def test_normalize_line(raw: str, clean: str) -> None:
    assert normalize_line(raw) == clean


_LINE_ENDS = pytest.mark.parametrize(
    ("chunks", "lines"),
    [
        (["a\n", "b\n"], ["a", "b"]),
        (["a\r\n", "b"], ["a", "b"]),
        (["a\rb\r"], ["a", "b"]),
        (["a\r\r\n"], ["a", ""]),
        (["a\r\rb"], ["a", "", "b"]),
        (["\n"], [""]),
        (["a\x0bb\x0cc\u2028d\u0085e\n"], ["a\x0bb\x0cc\u2028d\u0085e"]),
    ],
    ids=["lf", "crlf", "cr", "cr-then-crlf", "cr-cr", "empty-line", "not-line-ends"],
)


@_LINE_ENDS
def test_split_line_ends(chunks: list[str], lines: list[str]) -> None:
    assert list(split_line_ends(chunks)) == lines


@_LINE_ENDS
def test_split_lines_splits_a_text_as_split_line_ends_splits_its_lines(
    chunks: list[str], lines: list[str]
) -> None:
    assert split_lines("".join(chunks)) == lines
