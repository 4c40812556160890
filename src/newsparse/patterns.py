"""Patterns every layout shares: the shapes of dates, photo credits, names and damaged
text, and the limits of datelines (SPEC §1–2). What differs between families of sites
(chrome, date line labels, bylines, agencies, footers) lives in the layout files of
``newsparse/layouts``; each pattern here names the real examples it covers.

Every pattern is matched against a *normalised* line (see ``text.normalize_line``).
"""

import re
from typing import Final

#: Structural lines are short; anything longer is text without further tests. The
#: longest chrome line seen is a footer ("This article was first published in Arab
#: News ..."), the longest date line "Publié le Mercredi 30 septembre 2020 à 14:05".
MAX_STRUCTURE_LEN: Final = 160
#: No headline is longer: a longer line is a paragraph (or a caption).
MAX_HEADLINE_LEN: Final = 300

# --- damaged text ---------------------------------------------------------------------

#: UTF-8 read as cp1252 or latin-1 (mojibake): ``â€™`` for ``’``, ``â€œ`` for ``“``,
#: ``Ã©`` for ``é``, ``Â`` before a no-break space, and the doubly damaged ``Ã¢â‚¬â„¢``.
#: Only looked for in lines holding one of ``MOJIBAKE_LEADS``.
MOJIBAKE: Final = re.compile(
    r"â€[™œ\x9d˜“”–—¦¢¹º]|Ã[\x80-\xbf©¨ª«¢£¤¡§¼½¶³¹º¯®¬°±‰¢]|Â[\xa0 ·«»©®°]|â‚¬"
)
MOJIBAKE_LEADS: Final = ("â", "Ã", "Â")

# --- date lines -----------------------------------------------------------------------

_DAY: Final = r"\d{1,2}(?:er|st|nd|rd|th)?"
_MONTH: Final = r"[^\W\d_]{3,10}\.?"  # November, Nov., juillet, février
_YEAR: Final = r"\d{4}"
_TIME: Final = r"\d{1,2}[:h]\d{2}(?::\d{2})?"
_WEEKDAY: Final = r"[^\W\d_]{3,9}\.?,?"  # Mon, Mardi, Wednesday,
#: The date shapes seen after a label: ``15 February 2025``, ``May 01, 2019``,
#: ``2021-01-25``, each optionally with a time.
#: Copy sites print day/month/year with a two-digit year: ``07/11/20``.
#: Aggregators print day-month-year with dashes: ``19-03-2025``.
_DMY: Final = r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})|\d{1,2}-\d{1,2}-\d{4}"
_DATE: Final = (
    rf"(?:{_WEEKDAY}\s+)?"
    rf"(?:{_DAY}\s+{_MONTH}\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR}|\d{{4}}-\d{{2}}-\d{{2}}|{_DMY})"
    rf"(?:,?\s+(?:at\s+|à\s+|-\s+)?(?P<time>{_TIME})(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?"
)
_GMT: Final = r"(?:\s+(?P<tz>GMT\s?[+-]?\d{1,2}(?::?\d{2})?|UTC\s?[+-]\d{1,2}(?::?\d{2})?))?"
#: Relative ages: ``11 sec``, ``25 min 6 sec``, ``2 hours``, ``3 days``, ``an hour``.
_AGE: Final = r"(?P<age>(?:(?:\d+\s*|an?\s+)[^\W\d_]+,?\s+)+)ago"


#: Placeholders layout files use in date line patterns, and what they stand for.
DATE_FRAGMENTS: Final[dict[str, str]] = {
    "date": f"(?P<date>{_DATE})",
    "tz": _GMT,
    "age": _AGE,
    "stamp": rf"(?P<date>{_DAY}\s+{_MONTH}\s+{_YEAR}\s+(?P<time>{_TIME}))",
}

#: A date line of a form no layout lists: a whole line that is a date, perhaps after a
#: label word ("Published: …", "Posted on …", "By On November 14, 2018", "June 14, 2007").
#: The parser takes it as a date line all the same, and says so (NP113). It is tried
#: only on lines up to MAX_DATE_LINE_LEN long: the longest form seen is ~55 characters.
#: Aggregators print a bare age, glued to a label or to the source's name:
#: ``3 hours ago``, ``time15 minutes ago``, ``The National14 hours ago``.
MAX_DATE_LINE_LEN: Final = 80
UNLISTED_DATE_LINE: Final = re.compile(
    r"(?:(?i:(?:last\s+)?updated(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?|date|"
    r"by\s+on|on|time)\s*:?\s*)?(?:" + DATE_FRAGMENTS["date"] + DATE_FRAGMENTS["tz"] + "|"
    r"(?:[A-Z][\w ]{1,40}[a-z])?" + DATE_FRAGMENTS["age"] + ")"
)

#: Month and weekday names of the French edition, to their English form for strptime.
FRENCH_DATE_WORDS: Final[dict[str, str]] = {
    "janvier": "January",
    "février": "February",
    "fevrier": "February",
    "mars": "March",
    "avril": "April",
    "mai": "May",
    "juin": "June",
    "juillet": "July",
    "août": "August",
    "aout": "August",
    "septembre": "September",
    "octobre": "October",
    "novembre": "November",
    "décembre": "December",
    "decembre": "December",
}

#: Words between a date and its time: ``15 juillet 2020 à 09:30``, ``May 1, 2019 at 10:00``.
DATE_FILLER_WORDS: Final = frozenset({"at", "à"})

#: Units of relative ages, to ``dateutil.relativedelta`` keywords.
AGE_UNITS: Final[dict[str, str]] = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "seconds"),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "minutes"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "hours"),
    **dict.fromkeys(("d", "day", "days"), "days"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "weeks"),
    **dict.fromkeys(("month", "months"), "months"),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), "years"),
}

# --- authors --------------------------------------------------------------------------

#: Author lines are names: ``Arab News``, ``Reuters``, ``ALI YOUNES``. Longer lines,
#: or lines ending like a sentence, are text.
MAX_AUTHOR_LEN: Final = 60
MAX_AUTHOR_WORDS: Final = 7

# --- captions -------------------------------------------------------------------------

#: A photo credit ending a caption: ``(AFP)``, ``(AN photo)``, ``(File/Reuters).``,
#: ``( KUNA via AP)``, at most 40 characters inside the parentheses.
CAPTION_CREDIT: Final = re.compile(r"\([^()]{1,40}\)\.?$")
#: Blank lines that must precede a photo caption printed mid-body.
MID_BODY_CAPTION_BLANKS: Final = 3

# --- site chrome ----------------------------------------------------------------------

#: A crawler's stamp glued to the start of a page's first line: " date 2018-06-23 <headline>".
CRAWL_PREFIX: Final = re.compile(r"date \d{4}-\d{2}-\d{2} (?:You are here )?(?=\S)")
#: Breadcrumbs and section labels are a few words each: "Home", "Middle East".
MAX_BREADCRUMB_WORDS: Final = 4
#: The first breadcrumb of a trail (``• Home``, ``• Accueil`` on .fr), lower-cased.
BREADCRUMB_ROOTS: Final = frozenset({"home", "accueil", "ホーム", "homepage", "الرئيسية"})

# --- datelines ------------------------------------------------------------------------

DATELINE_MAX_LEN: Final = 60
#: Characters a dateline never holds outside parentheses.
DATELINE_FORBIDDEN: Final = frozenset(".!?“”")
