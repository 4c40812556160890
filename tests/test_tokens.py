"""Line kinds: decided cheaply, and right on the lines that look alike (SPEC §1)."""

import pytest

from newsparse import ParseReport
from newsparse.tokens import Kind, classify, tokenize


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Short Url", Kind.SHORT_URL),
        ("Short Url:", Kind.SHORT_URL),
        ("SHORT URL", Kind.SHORT_URL),
        ("Short Url: https://arab.news/5v7zq", Kind.SHORT_URL),
        ("https://arab.news/5v7zq", Kind.SHORT_LINK),
        ("Follow", Kind.FOLLOW),
        ("0", Kind.COMMENT_COUNT),
        ("1 / 4", Kind.GALLERY),
        ("12 / 30", Kind.GALLERY),
        ("• A bullet", Kind.BULLET),
        ("Updated 15 February 2025", Kind.DATE),
        ("Updated 11 sec ago", Kind.DATE),
        ("Publié le Mardi 14 juillet 2020", Kind.DATE),
        ("21 Oct 2019 01:10:42 GMT9", Kind.DATE),
        ("Time: May 01, 2019", Kind.DATE),
        ("Mon, 2021-01-25 00:58", Kind.DATE),
        ("Published On 12 Mar 2024", Kind.DATE),
        ("Follow us on X for more", Kind.TEXT),
        ("https://www.arabnews.com/node/2590123/middle-east", Kind.TEXT),
        ("10", Kind.TEXT),
        ("2025 / 2026 season", Kind.TEXT),
        ("- a dash item", Kind.TEXT),
        ("RIYADH: " + "x" * 100, Kind.TEXT),
    ],
)
def test_classify(line: str, kind: Kind) -> None:
    assert classify(line)[0] is kind


def test_tokens_carry_numbers_and_blank_counts_and_the_report_counts_lines() -> None:
    report = ParseReport()
    lines = ["Headline", "", "  ", "Short Url", "\u00a0", "", "", "Text.", "", ""]
    tokens = list(tokenize(lines, report))
    assert [(t.no, t.text, t.blanks_before) for t in tokens] == [
        (1, "Headline", 0),
        (4, "Short Url", 2),
        (8, "Text.", 3),
    ]
    assert (report.lines, report.blank_lines) == (10, 7)
