"""Date line → ISO 8601 value (SPEC §2, *Date*).

Deterministic: explicit formats first, then dateutil with fixed defaults, and relative
ages only against the ``now`` the user passed — never the clock. A value is as precise
as what was printed: no invented second, and an offset only when one was printed.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Final

from newsparse.diagnostics import WarningCode
from newsparse.linear import Match
from newsparse.patterns import AGE_UNITS, DATE_FILLER_WORDS, FRENCH_DATE_WORDS

_DATE_FORMATS: Final = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y-%m-%d",
    "%d/%m/%y",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%Y/%m/%d",
)
#: Month names and abbreviations as ``%B`` and ``%b`` read them (the C locale's).
_MONTHS: Final = {
    name.lower(): number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
#: The shapes of ``_DATE_FORMATS``' first five formats, with their parts.
_COMMON_DAY: Final = re.compile(
    r"(?P<d1>\d{1,2}) (?P<m1>[A-Za-z]+) (?P<y1>\d{4})"
    r"|(?P<m2>[A-Za-z]+) (?P<d2>\d{1,2}) (?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
)
_ORDINAL: Final = re.compile(r"^(\d{1,2})(?:er|st|nd|rd|th)$")
_AGE_PART: Final = re.compile(r"(\d+|an?)\s+([^\W\d_]+)|(\d+)([^\W\d_]+)")
_TIME_SEPARATOR: Final = re.compile(r"[:h]")  # 01:10:42, 14h05
_LONG_NUMBER: Final = re.compile(r"\d{3,}")
_OFFSET: Final = re.compile(r"(?:GMT|UTC)\s?([+-]?)(\d{1,2})(?::?(\d{2}))?")
# Two defaults that differ in every field: a component dateutil had to take from the
# default shows up as a difference, so a partial date is refused, never completed.
_DEFAULTS: Final = (datetime(1900, 1, 1), datetime(1904, 2, 2))


def as_now(value: datetime | str | None) -> datetime | None:
    """The ``now`` relative dates resolve against: a datetime, or an ISO 8601 string.

    Checked when a parse is called, not deep inside it: anything else is a TypeError,
    a string that is not ISO 8601 a ValueError, each saying what was expected.
    """
    if value is None or isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise TypeError(f"now must be a datetime or an ISO 8601 string, not {type(value).__name__}")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO 8601 date-time (e.g. 2025-02-15T12:00:00+03:00)"
        ) from None


@dataclass(frozen=True)
class DateValue:
    """The ISO value of one date line, or why there is none."""

    iso: str | None
    problem: WarningCode | None = None


def resolve_date_line(match: Match, now: datetime | None = None) -> DateValue:
    """Turn a date line's match (a layout's date line form, or ``UNLISTED_DATE_LINE``)
    into its ISO value."""
    groups = match.groupdict()
    if groups.get("age") is not None:
        return _resolve_age(groups["age"], now)
    date_text = groups["date"]
    time_text = groups.get("time")
    if time_text is not None:
        start = match.start("time") - match.start("date")
        date_text = date_text[:start]
    day = _parse_day(date_text)
    if day is None:
        return DateValue(None, WarningCode.DATE_UNRESOLVED)
    if time_text is None:
        return DateValue(day.isoformat())
    clock = _parse_time(time_text, groups.get("ampm"))
    if clock is None:
        return DateValue(None, WarningCode.DATE_UNRESOLVED)
    stamp, precise_to_second = clock
    tz_text = groups.get("tz")
    offset = _parse_offset(tz_text) if tz_text else None
    if tz_text and offset is None:  # GMT24, GMT+99:99: printed, but no offset there is
        return DateValue(None, WarningCode.DATE_UNRESOLVED)
    value = datetime.combine(day, stamp, tzinfo=offset)
    return DateValue(value.isoformat(timespec="seconds" if precise_to_second else "minutes"))


@lru_cache(maxsize=4096)  # dumps repeat their dates; a miss tries up to 18 formats
def _parse_day(text: str) -> date | None:
    """A calendar day from ``15 February 2025``, ``Mardi 14 juillet 2020``, ``May 01,
    2019`` or ``Mon, 2021-01-25``; None when the text names no complete, valid day."""
    words = []
    for raw in text.replace(",", " ").split():
        if raw in DATE_FILLER_WORDS:
            continue
        word = raw.rstrip(".")
        word = FRENCH_DATE_WORDS.get(word.lower(), word)
        ordinal = _ORDINAL.match(word)
        words.append(ordinal.group(1) if ordinal else ("Sep" if word == "Sept" else word))
    # The first word may be a weekday ("Mardi", "Mon"): try with and without it.
    for candidate in (" ".join(words), " ".join(words[1:])):
        day = _common_day(candidate) or _day_by_formats(candidate)
        if day is not None:
            return day
    return _parse_day_leniently(" ".join(words))


def _common_day(text: str) -> date | None:
    """The day of the shapes most date lines print (``15 February 2025``, ``Nov 6
    2019``, ``2021-01-25``) read off their parts; None for any other text, or a day
    that does not exist, which :func:`_day_by_formats` then tries: it gives the same
    day for these shapes, a dozen times slower."""
    match = _COMMON_DAY.fullmatch(text)
    if match is None:
        return None
    day, month, year = (
        match["d1"] or match["d2"] or match["d3"],
        match["m1"] or match["m2"] or match["m3"],
        match["y1"] or match["y2"] or match["y3"],
    )
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
    try:
        return None if number is None else date(int(year), number, int(day))
    except ValueError:
        return None


def _day_by_formats(text: str) -> date | None:
    """The day of ``text`` by the first explicit format that reads all of it. Every
    format starts with a number or a month name: a weekday first is refused at once."""
    if not text[:1].isdigit() and text.split(" ", 1)[0].lower() not in _MONTHS:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _parse_day_leniently(text: str) -> date | None:
    """dateutil for shapes the explicit formats miss, refusing any guessed component.
    Imported here, on the first such date, not at start-up (15 ms of it)."""
    from dateutil import parser as dateutil_parser

    try:
        first, second = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date():
        return None
    # A year printed with 3+ digits is taken as printed or not at all: dateutil reads
    # "01 May 0000" as 2000.
    printed_years = {int(digits) for digits in _LONG_NUMBER.findall(text)}
    return first.date() if not printed_years or first.year in printed_years else None


def _parse_time(text: str, ampm: str | None = None) -> tuple[time, bool] | None:
    """``01:10:42``, ``14h05`` or ``2:30`` with ``PM`` → the time, and whether seconds
    were printed."""
    parts = [int(p) for p in _TIME_SEPARATOR.split(text)]
    hour, minute, second = (*parts, 0)[:3]
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm[0] in "Pp" else 0)
    try:
        return time(hour, minute, second), len(parts) == 3
    except ValueError:
        return None


def _parse_offset(text: str) -> timezone | None:
    """``GMT9`` → UTC+09:00 (the Japanese edition's way), ``GMT-5``, ``UTC+5:30``."""
    match = _OFFSET.fullmatch(text)
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    if int(minutes or 0) >= 60:
        return None
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta >= timedelta(hours=24):
        return None
    return timezone(-delta if sign == "-" else delta)


def _resolve_age(age: str, now: datetime | None) -> DateValue:
    """``25 min 6 sec`` before ``now``, as precise as the smallest unit printed."""
    ages: Counter[str] = Counter()
    for spaced_count, spaced_word, count, word in _AGE_PART.findall(age):
        unit = AGE_UNITS.get((spaced_word or word).lower())
        if unit is None:
            return DateValue(None, WarningCode.DATE_UNRESOLVED)
        ages[unit] += 1 if spaced_count in ("a", "an") else int(spaced_count or count)
    if now is None:
        return DateValue(None, WarningCode.DATE_RELATIVE)
    from dateutil.relativedelta import relativedelta  # as dateutil's parser, when needed

    units = set(ages)
    try:
        moment = now - relativedelta(
            years=ages["years"],
            months=ages["months"],
            weeks=ages["weeks"],
            days=ages["days"],
            hours=ages["hours"],
            minutes=ages["minutes"],
            seconds=ages["seconds"],
        )
    except (ValueError, OverflowError):  # before year 1: "5000 years ago", --now 0001-01-01
        return DateValue(None, WarningCode.DATE_UNRESOLVED)
    if "seconds" in units:
        return DateValue(moment.isoformat(timespec="seconds"))
    if units & {"minutes", "hours"}:
        return DateValue(moment.isoformat(timespec="minutes"))
    return DateValue(moment.date().isoformat())
