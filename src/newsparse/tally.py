"""The parser's writer of the account and the warnings: a call or two per line, so it
is compiled with the parser (setup.py), apart from the data it writes
(``diagnostics``), which crosses to worker processes and back by pickle.
"""

from typing import TYPE_CHECKING

from newsparse.diagnostics import COVERAGE, LineAccount, ParseHooks, ParseWarning, WarningCode

if TYPE_CHECKING:
    from newsparse.models import Article


class Tally:
    """What a parse writes to: it counts into its :class:`LineAccount` and tells the
    hooks. One per parse, owned by the parser."""

    def __init__(self, source: str, hooks: ParseHooks) -> None:
        self.source = source
        self.account = LineAccount()
        self.hooks = hooks
        # What a call per line reads, held here: compiled, read without a dict lookup.
        self._fields = self.account.fields
        self._chrome = self.account.chrome
        self._on_line = hooks.on_line

    def warn(self, code: WarningCode, line: int, message: str) -> None:
        self.account.warnings[code] += 1
        self.hooks.on_warning(ParseWarning(code, self.source, line, message))

    def count_field(self, line: int, name: str) -> None:
        self._fields[name] += 1
        if self._on_line is not None:
            self._on_line(line, name)

    def count_chrome(self, line: int, kind: str) -> None:
        self._chrome[kind] += 1
        if self._on_line is not None:
            self._on_line(line, f"chrome:{kind}")

    def count_glued(self, line: int, kind: str) -> None:
        self.account.chrome_glued[kind] += 1
        if self.hooks.on_glued is not None:
            self.hooks.on_glued(line, kind)

    def count_preamble(self, line: int) -> None:
        self.account.preamble_lines += 1
        if self._on_line is not None:
            self._on_line(line, "preamble")

    def count_article(self, article: "Article", layout: str) -> None:
        account = self.account
        account.articles += 1
        account.layouts[layout] += 1
        coverage = account.coverage
        for name in COVERAGE:
            if getattr(article, name):
                coverage[name] += 1
        if self.hooks.on_article is not None:
            self.hooks.on_article(article, layout)
