"""How a dump is read: one frozen, picklable options object for every entry point.

Everything is resolved and checked when the options are made — a relative-date anchor
that is not ISO 8601, an unknown encoding, a layout file with a typo — so a mistake
fails at the call, before any input is opened, and a worker process receives options
that cannot fail.
"""

import codecs
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from newsparse.dates import as_now
from newsparse.errors import UsageError
from newsparse.layouts import Layout, load_layout, resolve_layout, rules_for

UTF8 = "utf-8"


def text_codec(encoding: str) -> str:
    """The codec name of ``encoding``; :class:`UsageError` for an unknown one or one that
    does not turn bytes into text (``rot13``, ``base64``, ``hex``)."""
    try:
        codec = codecs.lookup(encoding).name
        "".encode(codec)  # LookupError for codecs that are not text encodings
    except LookupError:
        raise UsageError(f"--encoding: unknown text encoding {encoding!r}") from None
    return UTF8 if codec == "utf-8-sig" else codec  # the BOM is removed anyway


@dataclass(frozen=True)
class ParseOptions:
    """How to read a dump; :meth:`of` makes one from what a user types.

    ``now`` resolves relative dates (``Updated 5 min ago``); without it they give
    ``updated: null`` and a warning. ``encoding`` is the inputs' text encoding.
    ``fix_text`` (e.g. ``ftfy.fix_encoding``) repairs lines that look like mojibake,
    which are otherwise kept as they are and reported. ``layout`` forces one layout
    instead of detecting one per article; ``added_layouts`` join the built-in ones in
    detection (a site of your own).
    """

    now: datetime | None = None
    encoding: str = UTF8
    fix_text: Callable[[str], str] | None = None
    layout: Layout | None = None
    added_layouts: tuple[Layout, ...] = ()

    def __post_init__(self) -> None:
        if self.now is not None and not isinstance(self.now, datetime):
            raise TypeError(f"now must be a datetime, not {type(self.now).__name__}")
        object.__setattr__(self, "encoding", text_codec(self.encoding))  # its one name
        object.__setattr__(self, "added_layouts", tuple(self.added_layouts))
        if self.added_layouts:  # a clash of names fails here, not in a worker (cached)
            rules_for(self.layout, self.added_layouts)

    @classmethod
    def of(
        cls,
        *,
        now: datetime | str | None = None,
        encoding: str = UTF8,
        fix_text: Callable[[str], str] | None = None,
        layout: Layout | str | None = None,
        added_layouts: Iterable[Layout | str] = (),
    ) -> "ParseOptions":
        """Options from text: ``now`` as ISO 8601 (``2025-02-15T12:00:00+03:00``),
        ``layout`` as a built-in name or a layout file's path, ``added_layouts`` as
        layout files' paths."""
        if isinstance(layout, str):
            layout = resolve_layout(layout)
        added = tuple(load_layout(a) if isinstance(a, str) else a for a in added_layouts)
        return cls(as_now(now), encoding, fix_text, layout, added)


DEFAULT_OPTIONS = ParseOptions()
