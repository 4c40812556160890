"""One small pure function per field rule (SPEC §2), cheapest test first.

The parser decides *where* a line sits in an article; these functions decide what a
line *is* when its place alone does not tell.
"""

from string import ascii_letters
from typing import Final

from newsparse.layouts import Rules, default_rules
from newsparse.patterns import (
    CAPTION_CREDIT,
    DATELINE_FORBIDDEN,
    DATELINE_MAX_LEN,
    MAX_AUTHOR_LEN,
    MAX_AUTHOR_WORDS,
    MAX_BREADCRUMB_WORDS,
    MAX_HEADLINE_LEN,
)

#: A section label is a few characters: "Middle East", "Ramadan 2023".
_MAX_SECTION_LABEL_LEN: Final = 40
#: A label printed before a headline's copy: "Analysis", "Opinion", "Op-Ed".
_MAX_LABEL_WORDS: Final = 2
_MAX_LABEL_LEN: Final = 32
# A headline is a title, not a sentence: it does not end like one once closing quotes
# and brackets are set aside ("... said.”" is a paragraph, "... ‘terrorism’" a title).
_SENTENCE_ENDS: Final = frozenset(".,;:。、")  # and the Japanese full stop and comma
_CLOSERS: Final = "”’\"')»」』"
#: Copies of a headline may differ in quote style only ('…' on one, ‘…’ on the other):
#: comparisons fold curly and straight quotes together.
_QUOTE_FOLD: Final = (
    ("‘", "'"),
    ("’", "'"),
    ("‚", "'"),
    ("‛", "'"),
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
)


def headline_key(line: str) -> str:
    """``line`` as headline copies are compared: quote style folded. A line longer than
    any headline is left as it is (folding a long paragraph is costly and useless)."""
    if line.isascii() or len(line) > MAX_HEADLINE_LEN:
        return line
    for curly, straight in _QUOTE_FOLD:  # str.replace is far cheaper than str.translate
        if curly in line:
            line = line.replace(curly, straight)
    return line


def is_headline_copy(line: str, key: str) -> bool:
    """Whether ``line`` prints again the headline whose :func:`headline_key` is ``key``:
    quote style aside, and perhaps after a label of a word or two ("Analysis …")."""
    if not len(key) <= len(line) <= len(key) + _MAX_LABEL_LEN:
        return False  # folding keeps the length: most lines are ruled out by it
    folded = headline_key(line)
    if folded == key:
        return True
    label = folded.removesuffix(key)
    return (
        label != folded
        and label.endswith(" ")
        and len(label.split()) <= _MAX_LABEL_WORDS
        and label.strip().replace("-", "").isalpha()
    )


def has_caption_credit(line: str) -> bool:
    """Whether ``line`` ends in a photo credit such as ``(AFP)`` or ``(File/Reuters).``."""
    return line.endswith((")", ").")) and CAPTION_CREDIT.search(line) is not None


def byline_name(line: str, rules: Rules | None = None) -> str | None:
    """The name in a byline (``By <name>``, and the layouts' other forms), or None when
    ``line`` is not one (a caption that starts with "By" ends with a credit, not a name)."""
    if len(line) > MAX_AUTHOR_LEN + 20 or has_caption_credit(line):
        return None
    for pattern in (rules or default_rules()).bylines:
        match = pattern.fullmatch(line)
        if match is not None and looks_like_author(match["name"]):
            return match["name"]
    return None


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


def clean_author(line: str, rules: Rules | None = None) -> str:
    """The author as stored: a byline's name (``By `` removed), or the line with a
    trailing `` ·`` removed; case kept."""
    name = byline_name(line, rules)
    if name is not None:
        return name
    return line.removesuffix("·").rstrip() if line.endswith(" ·") else line


def looks_like_headline(line: str) -> bool:
    """Whether a line printed once, before a page header, can be that page's headline."""
    if len(line) > MAX_HEADLINE_LEN:
        return False
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] not in _SENTENCE_ENDS


def split_dateline(paragraph: str, rules: Rules | None = None) -> tuple[str | None, str]:
    """Split ``ISLAMABAD: Pakistan's ...`` into (``ISLAMABAD``, ``Pakistan's ...``).

    Only the text before the first separator can be a dateline, and only when it is
    short, starts with a capital, holds no sentence punctuation outside parentheses,
    and opens with a word in capitals (``Al-MUKALLA`` counts) or names a news agency
    (SPEC §2, *Dateline*).
    An opening ``“`` after the separator stays with the story.
    """
    rules = rules or default_rules()
    match = rules.dateline_separator.search(paragraph, 0, DATELINE_MAX_LEN + 4)
    if match is None:
        return None, paragraph
    candidate = paragraph[: match.start()].rstrip()  # "RIYADH  : " has one space to spare
    if not _is_dateline(candidate, rules):
        return None, paragraph
    return candidate, paragraph[match.end() :]


def _is_dateline(candidate: str, rules: Rules) -> bool:
    if not candidate or len(candidate) > DATELINE_MAX_LEN or not candidate[0].isupper():
        return False
    if _has_forbidden_outside_parentheses(candidate):
        return False
    first_word = _leading_letters(candidate)
    if first_word.upper() in rules.editorial_labels:
        return False
    if len(first_word) >= 2 and first_word.isupper():
        return True
    # A particle before a place in capitals: "Al-MUKALLA, YEMEN", "El-ARISH".
    hyphenated = candidate.split(maxsplit=1)[0].rstrip(",").split("-")[1:]
    if any(len(part) >= 3 and part.isalpha() and part.isupper() for part in hyphenated):
        return True
    return rules.dateline_agency.search(candidate) is not None


def _has_forbidden_outside_parentheses(candidate: str) -> bool:
    """Whether ``candidate`` holds a character no dateline holds, outside parentheses.
    Most have no parenthesis: one set operation in C answers then."""
    if "(" not in candidate:
        return not DATELINE_FORBIDDEN.isdisjoint(candidate)
    depth = 0
    for ch in candidate:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in DATELINE_FORBIDDEN:
            return True
    return False


def _leading_letters(text: str) -> str:
    """The run of letters that opens ``text``: ``IRBIL`` of ``IRBIL, IRAQ``."""
    end = len(text) - len(text.lstrip(ascii_letters))  # ASCII letters, in one call
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[:end]


def looks_like_label(text: str) -> bool:
    """Whether ``text`` reads as a section label ("Middle East", "Ramadan 2023"): a few
    words, no sentence punctuation, no photo credit."""
    return (
        len(text) <= _MAX_SECTION_LABEL_LEN
        and len(text.split()) <= MAX_BREADCRUMB_WORDS
        and not any(mark in text for mark in '.,;:!?“”"')
        and not has_caption_credit(text)
    )


def only_captions(between: list[str], headline: str) -> bool:
    """Whether the lines between a headline printed once and its page header can all be
    its captions: none of them could be a headline itself (it has a photo credit, reads
    as a sentence, or is printed twice in a row as gallery captions are) unless it is a
    copy of this one."""
    key = headline_key(headline)
    return all(
        headline_key(text) == key
        or has_caption_credit(text)
        or not looks_like_headline(text)
        or (index and between[index - 1] == text)
        or between[index + 1 : index + 2] == [text]
        for index, text in enumerate(between)
    )
