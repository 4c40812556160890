"""Layout knowledge as data: what chrome, date lines, bullets, datelines and credits look
like in the dumps newsparse reads (SPEC §1). Each pattern names the real examples it
covers; the parser and the field functions only ever refer to these names.

Every pattern is matched against a *normalised* line (see ``text.normalize_line``).
"""

import re
from dataclasses import dataclass

# --- chrome ---------------------------------------------------------------------------

#: Lines printed by the page, not the story, keyed by their lower-cased text.
#: ``Short Url`` (46/63 pages), ``Short Url:`` (.jp), ``Follow`` (21/63).
CHROME_LINES: dict[str, str] = {
    "short url": "short_url",
    "short url:": "short_url",
    "follow": "follow",
}

#: ``Short Url: https://arab.news/abc12`` on one line.
SHORT_URL_WITH_LINK = re.compile(r"(?i)short url:?\s+https?://\S+")

#: A bare short link on its own line: ``https://arab.news/5v7zq``.
SHORT_LINK = re.compile(r"https?://(?:www\.)?arab\.news/[A-Za-z0-9_-]+/?")

#: Gallery counters printed before each photo: ``1 / 4``, ``12 / 30``.
GALLERY_COUNTER = re.compile(r"\d{1,3} ?/ ?\d{1,3}")

#: The comment count old pages print right after the date.
COMMENT_COUNT = "0"

#: Structural lines are short; anything longer is text without further tests.
#: The longest date line seen is ``Publié le Mercredi 30 septembre 2020 à 14:05`` (45).
MAX_STRUCTURE_LEN = 80

# --- damaged text ---------------------------------------------------------------------

#: UTF-8 read as cp1252 or latin-1 (mojibake): ``â€™`` for ``’``, ``â€œ`` for ``“``,
#: ``Ã©`` for ``é``, ``Â`` before a no-break space, and the doubly damaged ``Ã¢â‚¬â„¢``.
#: Only looked for in lines holding one of ``MOJIBAKE_LEADS``.
MOJIBAKE = re.compile(r"â€[™œ\x9d˜“”–—¦¢¹º]|Ã[\x80-\xbf©¨ª«¢£¤¡§¼½¶³¹º¯®¬°±‰¢]|Â[\xa0 ·«»©®°]|â‚¬")
MOJIBAKE_LEADS = ("â", "Ã", "Â")

# --- bullets --------------------------------------------------------------------------

#: Summary bullets: ``␣␣• Mohsin Naqvi expresses optimism ...`` (spaces are stripped).
BULLET_GLYPH = "•"

# --- date lines -----------------------------------------------------------------------

_DAY = r"\d{1,2}(?:er|st|nd|rd|th)?"
_MONTH = r"[^\W\d_]{3,10}\.?"  # November, Nov., juillet, février
_YEAR = r"\d{4}"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?"
_WEEKDAY = r"[^\W\d_]{3,9}\.?,?"  # Mon, Mardi, Wednesday,
#: The date shapes seen after a label: ``15 February 2025``, ``May 01, 2019``,
#: ``2021-01-25``, each optionally with a time.
_DATE = (
    rf"(?:{_WEEKDAY}\s+)?"
    rf"(?:{_DAY}\s+{_MONTH}\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR}|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:,?\s+(?:at\s+|à\s+)?(?P<time>{_TIME}))?"
)
_GMT = r"(?:\s+(?P<tz>GMT\s?[+-]?\d{1,2}(?::?\d{2})?|UTC\s?[+-]\d{1,2}(?::?\d{2})?))?"
#: Relative ages: ``11 sec``, ``25 min 6 sec``, ``2 hours``, ``3 days``, ``an hour``.
_AGE = r"(?P<age>(?:(?:\d+\s*|an?\s+)[^\W\d_]+,?\s+)+)ago"


@dataclass(frozen=True)
class DateLineForm:
    """One way a page prints its date line; ``pattern`` must match the whole line.

    Named groups: ``date`` (the date, perhaps with weekday and time), ``time``, ``tz``,
    or ``age`` for relative dates.
    """

    name: str
    pattern: re.Pattern[str]


DATE_LINE_FORMS: tuple[DateLineForm, ...] = (
    # Arab News: "Updated 15 February 2025", "Updated 11 sec ago", "Updated 25 min 6 sec ago"
    DateLineForm("updated", re.compile(rf"Updated:?\s+(?:on\s+)?(?P<date>{_DATE}){_GMT}")),
    DateLineForm("updated_relative", re.compile(rf"Updated:?\s+{_AGE}")),
    # arabnews.fr: "Publié le Mardi 14 juillet 2020", "Mis à jour le 15 juillet 2020 à 09:30"
    DateLineForm(
        "publie_le",
        re.compile(rf"(?i:publié|mis à jour)\s+le\s+(?P<date>{_DATE}){_GMT}"),
    ),
    # arabnews.jp: "21 Oct 2019 01:10:42 GMT9" (GMT9 = UTC+09:00)
    DateLineForm(
        "gmt_stamp",
        re.compile(
            rf"(?P<date>{_DAY}\s+{_MONTH}\s+{_YEAR}\s+(?P<time>{_TIME}))"
            r"\s+(?P<tz>GMT\s?[+-]?\d{1,2}(?::?\d{2})?)"
        ),
    ),
    # copies: "Time: May 01, 2019"
    DateLineForm("time_label", re.compile(rf"Time:\s*(?P<date>{_DATE}){_GMT}")),
    # copies: "Mon, 2021-01-25 00:58"
    DateLineForm(
        "weekday_iso",
        re.compile(
            rf"(?P<date>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+\d{{4}}-\d{{2}}-\d{{2}}"
            rf"(?:\s+(?P<time>{_TIME}))?){_GMT}"
        ),
    ),
    # other outlets: "Published On 12 Mar 2024", "Published: 12 March 2024"
    DateLineForm(
        "published_on",
        re.compile(rf"Published(?::|\s+[Oo]n:?)\s*(?P<date>{_DATE}){_GMT}"),
    ),
)

#: First characters of every date line form above: a cheap gate before any regex.
DATE_LINE_FIRST_CHARS = frozenset("UPpMTWFS0123456789")

#: Month and weekday names of the French edition, to their English form for strptime.
FRENCH_DATE_WORDS: dict[str, str] = {
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
DATE_FILLER_WORDS = frozenset({"at", "à"})

#: Units of relative ages, to ``dateutil.relativedelta`` keywords.
AGE_UNITS: dict[str, str] = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "seconds"),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "minutes"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "hours"),
    **dict.fromkeys(("d", "day", "days"), "days"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "weeks"),
    **dict.fromkeys(("month", "months"), "months"),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), "years"),
}

# --- authors --------------------------------------------------------------------------

#: ``By Ephrem Kossaify``, ``By Rawan Radwan ·``.
BYLINE = re.compile(r"By\s+(?P<name>\S.*?)(?:\s*·)?")
#: Author lines are names: ``Arab News``, ``Reuters``, ``ALI YOUNES``. Longer lines,
#: or lines ending like a sentence, are text.
MAX_AUTHOR_LEN = 60
MAX_AUTHOR_WORDS = 7

# --- captions -------------------------------------------------------------------------

#: A photo credit ending a caption: ``(AFP)``, ``(AN photo)``, ``(File/Reuters).``,
#: ``( KUNA via AP)``, at most 40 characters inside the parentheses.
CAPTION_CREDIT = re.compile(r"\([^()]{1,40}\)\.?$")
#: Blank lines that must precede a photo caption printed mid-body.
MID_BODY_CAPTION_BLANKS = 3

# --- datelines ------------------------------------------------------------------------

#: What separates a dateline from the story: ``RIYADH: ``, ``PARIS : ``, ``MAKKAH — ``,
#: ``LONDON (Reuters) – ``, ``SANAA // ``, ``X - ``, ``X -- ``, ``X ― ``, and
#: ``RIYADH:“`` where the colon is followed directly by an opening quote.
DATELINE_SEPARATOR = re.compile(r" ?: | [—–―] | --? | // |:(?=“)")
DATELINE_MAX_LEN = 60
#: Characters a dateline never holds outside parentheses.
DATELINE_FORBIDDEN = frozenset(".!?“”")
#: Words that open a first paragraph like a dateline but label it instead.
EDITORIAL_LABELS = frozenset(
    {
        "NOTE",
        "UPDATE",
        "CORRECTION",
        "EXCLUSIVE",
        "BREAKING",
        "ANALYSIS",
        "WATCH",
        "EDITOR",
        "EDITORS",
        "OPINION",
        "FACTBOX",
        "EXPLAINER",
        "INTERVIEW",
        "REVIEW",
        "PRICE",
        "WHERE",
        "WHEN",
        "WHAT",
        "WHO",
    }
)
#: News agencies whose name marks a dateline: ``LONDON (Reuters)``, ``TEHRAN, Iran (AP)``,
#: ``Riyadh, January 29, 2026, SPA``.
NEWS_AGENCIES = (
    "Reuters|AP|AFP|SPA|Xinhua|WAM|KUNA|QNA|BNA|ONA|MENA|IRNA|APP|AA|Anadolu|Bloomberg"
    "|dpa|DPA|UPI|ANI|IANS|PTI|Yonhap|Kyodo|TASS|EFE|ANSA|PNA|NNA|SANA|Petra|AN"
)
DATELINE_AGENCY = re.compile(rf"\((?:{NEWS_AGENCIES})\)|,\s*(?:{NEWS_AGENCIES})$")
