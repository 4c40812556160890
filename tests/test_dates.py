"""Date lines → ISO 8601 values (SPEC §2, *Date*)."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse.dates import _common_day, _day_by_formats, resolve_date_line
from newsparse.diagnostics import WarningCode
from newsparse.layouts import default_rules
from newsparse.linear import Match
from newsparse.patterns import UNLISTED_DATE_LINE
from newsparse.tokens import classify
from tests.conftest import NOW_DATETIME


def match_date_line(line: str) -> Match | None:
    """The date match the tokenizer gives ``line``; None when it is not a date line."""
    return classify(line, default_rules())[1]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Updated 15 February 2025", "2025-02-15"),
        ("Updated 06 November 2019", "2019-11-06"),
        ("Updated 6 Nov 2019", "2019-11-06"),
        ("Updated 06 November 2019 14:05", "2019-11-06T14:05"),
        ("Publié le Mardi 14 juillet 2020", "2020-07-14"),
        ("Publié le 1er août 2021", "2021-08-01"),
        ("Mis à jour le 15 juillet 2020 à 09:30", "2020-07-15T09:30"),
        ("21 Oct 2019 01:10:42 GMT9", "2019-10-21T01:10:42+09:00"),
        ("21 Oct 2019 01:10 GMT-5", "2019-10-21T01:10-05:00"),
        ("Time: May 01, 2019", "2019-05-01"),
        ("Mon, 2021-01-25 00:58", "2021-01-25T00:58"),
        ("Published On 12 Mar 2024", "2024-03-12"),
        ("Published: 12 March 2024", "2024-03-12"),
    ],
)
def test_absolute_dates(line: str, iso: str) -> None:
    match = match_date_line(line)
    assert match is not None, f"{line!r} is not recognised as a date line"
    assert resolve_date_line(match).iso == iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Updated 11 sec ago", "2025-02-15T11:59:49+05:00"),
        ("Updated 25 min 6 sec ago", "2025-02-15T11:34:54+05:00"),
        ("Updated 2 hours ago", "2025-02-15T10:00+05:00"),
        ("Updated 3 days ago", "2025-02-12"),
        ("Updated 1 month ago", "2025-01-15"),
        ("Updated an hour ago", "2025-02-15T11:00+05:00"),
        ("Updated a day ago", "2025-02-14"),
        ("Updated 2h 30m ago", "2025-02-15T09:30+05:00"),
    ],
)
def test_relative_dates_are_as_precise_as_printed(line: str, iso: str) -> None:
    match = match_date_line(line)
    assert match is not None
    assert resolve_date_line(match, NOW_DATETIME).iso == iso


def test_relative_dates_keep_a_naive_now_naive() -> None:
    match = match_date_line("Updated 5 min ago")
    assert match is not None
    assert resolve_date_line(match, datetime(2025, 1, 1)).iso == "2024-12-31T23:55"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Updated 5 min ago", WarningCode.DATE_RELATIVE),
        ("Updated 31 February 2025", WarningCode.DATE_UNRESOLVED),
        ("Updated 12 Smarch 2025", WarningCode.DATE_UNRESOLVED),
        ("Updated 5 fortnights ago", WarningCode.DATE_UNRESOLVED),
        ("21 Oct 2019 25:10:42 GMT9", WarningCode.DATE_UNRESOLVED),
    ],
)
def test_unresolvable_dates_say_why(line: str, problem: WarningCode) -> None:
    match = match_date_line(line)
    assert match is not None
    assert resolve_date_line(match) == type(resolve_date_line(match))(None, problem)


@pytest.mark.parametrize(
    "line",
    [
        "Updated guidelines were issued in 2020.",
        "Updated",
        "Time: to act",
        "Published by the ministry on Sunday",
        "The meeting took place on 15 February 2025",
        "15 February 2025 was a Saturday",
    ],
)
def test_text_is_not_a_date_line(line: str) -> None:
    assert match_date_line(line) is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("15 February 2025", "2025-02-15"),
        ("June 14, 2007", "2007-06-14"),
        ("By On November 14, 2018", "2018-11-14"),
        ("Posted on March 3, 2021 at 9:05 pm", "2021-03-03T21:05"),
        ("Date: 07/11/20", "2020-11-07"),
    ],
)
def test_a_whole_line_that_is_a_date_is_a_date_line_of_no_layout(line: str, iso: str) -> None:
    """Forms nobody listed are still date lines (the parser warns, NP113)."""
    match = match_date_line(line)
    assert match is not None
    assert match.re is UNLISTED_DATE_LINE
    assert resolve_date_line(match).iso == iso


_MONTH_WORDS = st.sampled_from(
    ["May", "may", "MAY", "Feb", "February", "Sept", "Sep", "Juni", "Nov.", "Mon", "X"]
)
_NUMBER = st.integers(min_value=0, max_value=39).map(str) | st.sampled_from(["00", "07", "123"])
_YEAR = st.integers(min_value=0, max_value=9999).map(lambda year: f"{year:04d}")


@given(
    st.one_of(
        st.tuples(_NUMBER, _MONTH_WORDS, _YEAR).map(" ".join),
        st.tuples(_MONTH_WORDS, _NUMBER, _YEAR).map(" ".join),
        st.tuples(_YEAR, _NUMBER, _NUMBER).map("-".join),
    )
)
def test_the_fast_path_for_common_shapes_gives_the_formats_day(text: str) -> None:
    """Read off its parts, a common date gives the day strptime's formats give, or
    leaves it to them (None): never another day."""
    day = _common_day(text)
    assert day is None or day == _day_by_formats(text)


@pytest.mark.parametrize(
    "text", ["15 February 2025", "6 nov 2019", "November 12 2007", "2021-01-25"]
)
def test_common_shapes_take_the_fast_path(text: str) -> None:
    assert _common_day(text) == _day_by_formats(text) is not None
