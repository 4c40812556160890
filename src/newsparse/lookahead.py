"""The token stream with a bounded window of upcoming tokens.

The parser decides what a line is by what follows it; this window is how far it may
look. It also keeps the positions of the anchors (header lines) in the window, so the
common case — a body paragraph with no header close ahead — is decided without looking
at the tokens in between.
"""

from collections import deque
from collections.abc import Iterator
from itertools import islice
from typing import Final

from newsparse.tokens import Kind, Token

#: How far after a headline its page header may start. The longest run seen between a
#: headline and its first chrome or date line is a gallery's caption list; 16 is twice
#: the longest seen.
ANCHOR_REACH: Final = 16
#: How far a gallery's captions (each with a photo credit or printed twice, with ``N / M``
#: counters) may run between a headline and its page header: the longest seen is 28
#: captions printed twice (.fr), 56 lines; this is more than three times that.
GALLERY_REACH: Final = 200
#: How far after the first header line the headline is printed again (date, author,
#: ``Follow``, a lone ``0``, then the headline: 5 lines at most on real pages).
REPEAT_REACH: Final = 8
#: Tokens kept ahead: enough for a date printed before its headline (3 more lines)
#: followed by a full header run.
WINDOW: Final = 2 * (ANCHOR_REACH + REPEAT_REACH)

#: Tokens read into the window at once when it runs low: reading one at a time cost a
#: call per line; the window then holds at most ``WINDOW + BATCH`` tokens.
BATCH: Final = 64

#: Lines that mark a page header: header chrome, date lines, gallery counters.
ANCHORS: Final = frozenset({Kind.DATE, Kind.CHROME, Kind.GALLERY})


class Lookahead:
    def __init__(self, tokens: Iterator[Token]) -> None:
        self._tokens = tokens
        self._window: deque[Token] = deque()
        self._exhausted = False
        self._base = 0  # stream index of window[0]
        self._anchors: deque[int] = deque()  # stream indexes of the anchors in the window

    def peek(self, offset: int) -> Token | None:
        try:  # the common case: the window holds it (no exception, no cost)
            return self._window[offset]
        except IndexError:
            return self._read(offset)

    def _read(self, offset: int) -> Token | None:
        """Read tokens into the window up to ``offset``; the token there, if any."""
        window = self._window
        while len(window) <= offset and not self._exhausted:
            self._read_batch()
        return window[offset] if offset < len(window) else None

    def _read_batch(self) -> None:
        """Read ``BATCH`` more tokens (fewer at the end) into the window, in one call."""
        window = self._window
        start = self._base + len(window)  # the stream index of the first one read
        batch = list(islice(self._tokens, BATCH))
        self._exhausted = len(batch) < BATCH
        window.extend(batch)
        self._anchors.extend(start + at for at, token in enumerate(batch) if token.kind in ANCHORS)

    def pop(self) -> Token:
        window = self._window
        if len(window) <= WINDOW and not self._exhausted:  # lookahead is bounded
            self._read_batch()
        token = window.popleft()
        anchors = self._anchors
        if anchors and anchors[0] == self._base:
            anchors.popleft()
        self._base += 1
        return token

    def index(self, offset: int) -> int:
        """The stream index of the token at ``offset``: stable while the window moves."""
        return self._base + offset

    def next_anchor(self, offset: int, reach: int = ANCHOR_REACH) -> int | None:
        """The offset of the first anchor after ``offset``, if within ``reach``."""
        self.peek(offset + reach)
        for index in self._anchors:
            at = index - self._base
            if at > offset:
                return at if at <= offset + reach else None
        return None
