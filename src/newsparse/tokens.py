"""Lines → tokens: each non-blank line once normalised and given a kind.

The kind is decided cheaply — by first character and length, then one expression for
every layout rule — because most lines of a dump are long body paragraphs.
Blank lines are not tokens: each token counts the blank lines before it, which is all
the later rules need (paragraph gaps, mid-body captions, "the line right after").
"""

import re
from collections.abc import Callable, Iterable, Iterator
from enum import IntEnum, auto
from typing import Final

from newsparse.layouts import Rules
from newsparse.layouts.rules import GatedRule
from newsparse.linear import Match
from newsparse.patterns import (
    CRAWL_PREFIX,
    MAX_DATE_LINE_LEN,
    MAX_STRUCTURE_LEN,
    MOJIBAKE,
    MOJIBAKE_LEADS,
    UNLISTED_DATE_LINE,
)
from newsparse.tally import Tally
from newsparse.text import normalize_line


class Kind(IntEnum):
    """What a line is. An IntEnum so that set membership hashes at C speed."""

    TEXT = auto()
    BULLET = auto()
    DATE = auto()
    CHROME = auto()  # header chrome: "Short Url", "Follow", a short link
    GALLERY = auto()  # "1 / 4"
    COMMENT_COUNT = auto()  # a lone "0"
    TRAILER = auto()  # a footer: "Topics: …", "Leave a Reply"
    SITE = auto()  # site chrome before a headline: "You are here"


class Token:
    """One non-blank line: its 1-based number, normalised text and kind. One is built
    per line, so it is a plain class with its own ``__init__``: mypyc compiles that, where
    a dataclass's generated one would run as Python. Nothing changes a token once made.

    ``chrome`` names the kind of chrome for counting, ``layout`` the layout whose rule
    recognised the line (None for plain text), ``date`` holds a date line's match.
    ``crawled`` says a crawler's stamp was cut from the start of the line: it marks
    the first line of a page.
    """

    def __init__(
        self,
        no: int,
        text: str,
        kind: Kind,
        blanks_before: int,
        date: Match | None = None,
        mojibake: bool = False,
        chrome: str | None = None,
        layout: str | None = None,
        crawled: bool = False,
    ) -> None:
        self.no = no
        self.text = text
        self.kind = kind
        self.blanks_before = blanks_before
        self.date = date
        self.mojibake = mojibake
        self.chrome = chrome
        self.layout = layout
        self.crawled = crawled

    def __repr__(self) -> str:
        return f"Token({self.no}, {self.text!r}, {self.kind.name})"


_Classified = tuple[Kind, Match | None, str | None, str | None]
_TEXT: Final[_Classified] = (Kind.TEXT, None, None, None)
_TEXT_BULLET: Final[_Classified] = (Kind.BULLET, None, None, None)
_DIGIT: Final = re.compile(r"\d")
#: How a date line of a form no layout lists ends when not in a digit (of a year, a
#: time, an offset): "am", "PM" or "p.m." after a time, "ago" after an age.
_DATE_LINE_ENDS: Final = ("m", "M", "m.", "M.", "ago")


def classify(text: str, rules: Rules) -> _Classified:
    """Kind, date match, chrome kind and layout of a normalised, non-blank line."""
    if text.startswith(rules.bullet_glyphs):
        rule = rules.site_lines.get(text.lower())  # "• facebook": a share button
        return _TEXT_BULLET if rule is None else (Kind.SITE, None, rule.kind, rule.layout)
    if len(text) > MAX_STRUCTURE_LEN:
        return _TEXT
    first = rules.gate.first(text)  # the common case: one expression, no rule matches
    # Lower-casing never shortens a line: one longer than every exact line is none.
    could_be_exact = len(text) <= rules.longest_exact_line
    lowered = text.lower() if first is not None or could_be_exact else ""
    if first is None and (not could_be_exact or lowered not in rules.exact_lines):
        return _unlisted_date(text) or _TEXT
    return _structural(text, lowered, rules, first) or _unlisted_date(text) or _TEXT


def _structural(
    text: str, lowered: str, rules: Rules, first: GatedRule | None
) -> _Classified | None:
    """What a line some layout rule matches is, by the first rule that does: date forms,
    comment counts, gallery counters, then chrome, trailer and site lines, each family's
    exact lines before its patterns. ``first`` is the first pattern rule that matches
    (the gate's answer, in that same order), so no pattern is asked again but a date's,
    for its groups."""
    family = None if first is None else first.family
    if first is not None and family == "date":
        match = first.pattern.fullmatch(text)
        assert match is not None  # the gate matched this pattern
        return Kind.DATE, match, None, first.layout
    if text in rules.comment_counts:
        return Kind.COMMENT_COUNT, None, "comment_count", None
    if family == "gallery":
        return Kind.GALLERY, None, "gallery_counter", None
    for kind, line_family, exact in (
        (Kind.CHROME, "chrome", rules.chrome_lines),
        (Kind.TRAILER, "trailer", rules.trailer_lines),
        (Kind.SITE, "site", rules.site_lines),
    ):
        rule = exact.get(lowered)
        if rule is not None:
            return kind, None, rule.kind, rule.layout
        if first is not None and family == line_family:
            return kind, None, first.kind, first.layout
    return None


def _unlisted_date(text: str) -> _Classified | None:
    """A whole line that is a date in a form no layout lists (NP113); checked apart from
    the layouts' expression, and only on lines as short as date lines are."""
    if len(text) > MAX_DATE_LINE_LEN or not (text[-1].isdigit() or text.endswith(_DATE_LINE_ENDS)):
        return None  # a year, a time, "PM", "p.m." or "ago" ends every such line
    if _DIGIT.search(text) is None and "ago" not in text:
        return None  # every date has a digit, every age without one says "an hour ago"
    match = UNLISTED_DATE_LINE.fullmatch(text)
    return None if match is None else (Kind.DATE, match, None, None)


def looks_like_mojibake(text: str) -> bool:
    """Whether ``text`` holds UTF-8 that was decoded as cp1252 or latin-1 (``â€™``)."""
    return (
        not text.isascii()
        and any(lead in text for lead in MOJIBAKE_LEADS)
        and (MOJIBAKE.search(text) is not None)
    )


def tokenize(
    lines: Iterable[str],
    tally: Tally,
    rules: Rules,
    fix_text: Callable[[str], str] | None = None,
    first_line: int = 1,
) -> Iterator[Token]:
    """Normalise, number and classify ``lines``; count every line in ``tally``.

    ``fix_text`` repairs lines that look like mojibake; without it they are flagged.
    ``first_line`` is the number of the first line (a part of a file, in a worker).
    """
    blanks = 0  # blank lines since the last token
    total_blanks = 0
    no = first_line - 1
    for no, raw in enumerate(lines, start=first_line):  # `no` is read after the loop too
        # ASCII lines (most of a dump) only need stripping, and cannot be mojibake.
        plain = raw.isascii()
        text = raw.strip() if plain else normalize_line(raw)
        if not text:
            blanks += 1
            continue
        damaged = not plain and looks_like_mojibake(text)
        if damaged and fix_text is not None:
            text = normalize_line(fix_text(text)) or text
            damaged = looks_like_mojibake(text)
        stamp = CRAWL_PREFIX.match(text) if text.startswith("date ") else None
        if stamp is not None:
            text = text[stamp.end() :]
            tally.count_glued(no, "crawl_metadata")
        kind, date, chrome, layout = classify(text, rules)
        yield Token(no, text, kind, blanks, date, damaged, chrome, layout, stamp is not None)
        total_blanks += blanks
        blanks = 0
    tally.account.lines += no - first_line + 1
    tally.account.blank_lines += total_blanks + blanks
