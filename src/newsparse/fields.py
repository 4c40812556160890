"""One small pure function per field rule (SPEC §2), cheapest test first.

The parser decides *where* a line sits in an article; these functions decide what a
line *is* when its place alone does not tell.
"""

from newsparse.layout import (
    BYLINE,
    CAPTION_CREDIT,
    DATELINE_AGENCY,
    DATELINE_FORBIDDEN,
    DATELINE_MAX_LEN,
    DATELINE_SEPARATOR,
    EDITORIAL_LABELS,
    MAX_AUTHOR_LEN,
    MAX_AUTHOR_WORDS,
)

# A headline is a title, not a sentence: it does not end like one once closing quotes
# and brackets are set aside ("... said.”" is a paragraph, "... ‘terrorism’" a title).
_SENTENCE_ENDS = frozenset(".,;:")
_CLOSERS = "”’\"')»"
_MAX_HEADLINE_LEN = 300


def has_caption_credit(line: str) -> bool:
    """Whether ``line`` ends in a photo credit such as ``(AFP)`` or ``(File/Reuters).``."""
    return line.endswith((")", ").")) and CAPTION_CREDIT.search(line) is not None


def byline_name(line: str) -> str | None:
    """The name in a ``By <name>`` line, or None when ``line`` is not a byline (a
    caption that happens to start with "By" ends with a credit, not a name)."""
    if not line.startswith("By ") or len(line) > MAX_AUTHOR_LEN + 3:
        return None
    match = BYLINE.fullmatch(line)
    if match is None or has_caption_credit(line) or not looks_like_author(match["name"]):
        return None
    return match["name"]


def looks_like_author(line: str) -> bool:
    """Whether a line printed right after the date line reads as a name, not as text.

    ``Arab News``, ``Reuters``, ``ALI YOUNES``, ``By Rawan Radwan ·``: short, no digits,
    no sentence ending, no colon (a dateline paragraph has one).
    """
    if len(line) > MAX_AUTHOR_LEN or len(line.split()) > MAX_AUTHOR_WORDS:
        return False
    if any(ch.isdigit() or ch in ':“”"?!' for ch in line):
        return False
    return line[-1] not in ".,;" or line.endswith(" ·")


def clean_author(line: str) -> str:
    """The author as stored: ``By `` and a trailing `` ·`` removed, case kept."""
    name = byline_name(line)
    if name is not None:
        return name
    return line.removesuffix("·").rstrip() if line.endswith(" ·") else line


def looks_like_headline(line: str) -> bool:
    """Whether a line printed once, before a page header, can be that page's headline."""
    if len(line) > _MAX_HEADLINE_LEN:
        return False
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] not in _SENTENCE_ENDS


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Split ``ISLAMABAD: Pakistan's ...`` into (``ISLAMABAD``, ``Pakistan's ...``).

    Only the text before the first separator can be a dateline, and only when it is
    short, starts with a capital, holds no sentence punctuation outside parentheses,
    and opens with a word in capitals or names a news agency (SPEC §2, *Dateline*).
    An opening ``“`` after the separator stays with the story.
    """
    match = DATELINE_SEPARATOR.search(paragraph, 0, DATELINE_MAX_LEN + 4)
    if match is None:
        return None, paragraph
    candidate = paragraph[: match.start()]
    if not _is_dateline(candidate):
        return None, paragraph
    return candidate, paragraph[match.end() :]


def _is_dateline(candidate: str) -> bool:
    if not candidate or len(candidate) > DATELINE_MAX_LEN or not candidate[0].isupper():
        return False
    depth = 0
    for ch in candidate:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in DATELINE_FORBIDDEN:
            return False
    first_word = _leading_letters(candidate)
    if first_word.upper() in EDITORIAL_LABELS:
        return False
    if len(first_word) >= 2 and first_word.isupper():
        return True
    return DATELINE_AGENCY.search(candidate) is not None


def _leading_letters(text: str) -> str:
    """The run of letters that opens ``text``: ``IRBIL`` of ``IRBIL, IRAQ``."""
    end = 0
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[:end]
