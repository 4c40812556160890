"""Untrusted text made safe to show: in messages, on terminals, in JSON and CSV.

Scraped text and file names are untrusted. An escape sequence in a headline (``ESC [2J``
clears the screen, OSC sets the window title) must not reach a terminal through a
warning, and a file name that is not valid UTF-8 (Python hands it over with lone
surrogates, ``surrogateescape``) cannot be written as UTF-8 at all. Both are shown in
Python's backslash form instead: ``\\x1b``, ``\\u202e``, and ``\\xe9`` for the byte 0xE9
of a Latin-1 file name.
"""

import re

#: What must not reach a terminal as it is: C0 and C1 controls (ESC, BEL, CR, …), DEL,
#: line and paragraph separators, bidirectional overrides and isolates (which reorder the
#: text around them), and surrogates (not text at all).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with every character unsafe on a terminal in backslash form (one line,
    no control sequences, encodable as UTF-8)."""
    return text if text.isascii() and text.isprintable() else _UNSAFE.sub(_escaped, text)


def without_surrogates(text: str) -> str:
    """``text`` encodable as UTF-8: lone surrogates in backslash form, the bytes of a
    ``surrogateescape`` file name as ``\\xNN`` (``os.fsencode(name)`` decoded with
    ``backslashreplace``), everything else untouched."""
    return _SURROGATE.sub(_escaped, text) if _SURROGATE.search(text) else text
