"""Where two parts of a file meet: what each read around the cut, line by line, and the
article where they are joined.

A part's reading is kept in three pieces: its head — each use of a line, each article,
until its first few articles are read — line by line; its middle, only in the part's
whole account; its tail — what it read past its end, up to a few articles — line by
line again. Both parts at a cut read the lines around it: the one before with all that
came before (as the serial parse does), the one after from a cold start. They are
joined at the first article both read alike — same first line, same record —: lines
before it are the first part's, lines from it on the second's. Where no article is read
alike, or a warning says reading depended on where it began, the file is parsed
serially instead.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from newsparse.diagnostics import COVERAGE, LineAccount, ParseWarning, WarningCode
from newsparse.models import Article
from newsparse.parts import Part

#: Articles a part keeps line by line at its head, and reads past its end: the
#: candidates for the join (the first nearly always matches).
SEAM_ARTICLES = 3
#: Warnings that make a part's reading depend on where it began: the generic layout is
#: chosen for a whole dump by its start; undecodable bytes are reported as blocks are
#: read, so their order among other warnings depends on where reading began.
_UNSURE = frozenset({WarningCode.GENERIC_LAYOUT, WarningCode.UNDECODABLE})
NOWHERE = 1 << 62  # past the last line of any file


@dataclass  # not frozen: compiled (setup.py), a frozen dataclass does not unpickle
class SeamArticle:
    """An article read near a seam: where it starts, and what it counts for."""

    line_start: int
    line_end: int
    layout: str
    coverage: tuple[str, ...]
    #: As the worker's file holds it (``worker.tagged_line``).
    record: bytes


@dataclass
class Fringe:
    """What a part read on one side of a seam, line by line."""

    uses: list[tuple[int, str]] = field(default_factory=list)
    glued: list[tuple[int, str]] = field(default_factory=list)
    articles: list[SeamArticle] = field(default_factory=list)

    def account(self, low: int, high: int) -> tuple[LineAccount, int]:
        """The counts of lines ``low`` to ``high`` (excluded), and how many of them
        were not blank."""
        account = LineAccount()
        non_blank = 0
        for line, use in self.uses:
            if low <= line < high:
                count_use(account, use)
                non_blank += 1
        for line, kind in self.glued:
            if low <= line < high:
                account.chrome_glued[kind] += 1
        for article in self.articles:
            if low <= article.line_start < high:
                count_article(account, article.layout, article.coverage)
        return account, non_blank


def count_use(account: LineAccount, use: str) -> None:
    if use == "preamble":
        account.preamble_lines += 1
    elif use.startswith("chrome:"):
        account.chrome[use.removeprefix("chrome:")] += 1
    else:
        account.fields[use] += 1


def count_article(account: LineAccount, layout: str, coverage: tuple[str, ...]) -> None:
    account.articles += 1
    account.layouts[layout] += 1
    account.coverage.update(coverage)


@dataclass
class PartReading:
    """A worker's hooks for one part: each line, glued stamp and article of the head or
    the tail is kept; the middle is what the part's whole account (:attr:`total`, set
    once reading ends) counted besides, so a line there costs one comparison. Picklable:
    it travels back to the parent."""

    part: Part
    head: Fringe = field(default_factory=Fringe)
    tail: Fringe = field(default_factory=Fringe)
    #: The part's whole account as its tally kept it, head and tail included.
    total: LineAccount = field(default_factory=LineAccount)

    def _fringe(self, line: int) -> Fringe | None:
        if self.part.end_line is not None and line >= self.part.end_line:
            return self.tail
        # The file's start needs no seam; elsewhere the head runs to its last candidate.
        head_open = self.part.first_line > 1 and len(self.head.articles) < SEAM_ARTICLES
        return self.head if head_open else None

    def on_line(self, line: int, use: str) -> None:
        fringe = self._fringe(line)
        if fringe is not None:
            fringe.uses.append((line, use))

    def on_glued(self, line: int, kind: str) -> None:
        fringe = self._fringe(line)
        if fringe is not None:
            fringe.glued.append((line, kind))

    def on_record(self, article: Article, layout: str, record: bytes) -> bool:
        """Keep an article of the head or tail; whether it goes to the worker's file (else
        it is in the tail). Reading may stop once the tail is full (:attr:`done`)."""
        source = article.source
        fringe = self._fringe(source.line_start)
        if fringe is not None:
            coverage = tuple(name for name in COVERAGE if getattr(article, name))
            seam = SeamArticle(source.line_start, source.line_end, layout, coverage, record)
            fringe.articles.append(seam)
        return fringe is not self.tail

    @property
    def done(self) -> bool:
        return len(self.tail.articles) >= SEAM_ARTICLES

    def account(self, low: int, high: int, warnings: list[ParseWarning]) -> LineAccount:
        """The counts of this part's share of the file: lines ``low`` to ``high``
        (excluded), ``warnings`` those of that share."""
        head, head_non_blank = self.head.account(low, high)
        tail, tail_non_blank = self.tail.account(low, high)
        middle = self._middle()
        account = head + middle + tail
        end = self.part.first_line + self.total.lines if high == NOWHERE else high
        account.lines = end - low
        account.blank_lines = account.lines - head_non_blank - middle.accounted_lines
        account.blank_lines -= tail_non_blank
        account.warnings = Counter(w.code for w in warnings)
        return account

    def _middle(self) -> LineAccount:
        """What was counted between the head and the tail: all of it, less theirs."""
        head, _ = self.head.account(1, NOWHERE)
        tail, _ = self.tail.account(1, NOWHERE)
        return _less(_less(self.total, head), tail)


def _less(account: LineAccount, part: LineAccount) -> LineAccount:
    """What ``account`` counted besides ``part`` of it; lines, blank lines and warnings
    are left out (a share's are counted apart)."""
    return LineAccount(
        preamble_lines=account.preamble_lines - part.preamble_lines,
        chrome=account.chrome - part.chrome,
        chrome_glued=account.chrome_glued - part.chrome_glued,
        fields=account.fields - part.fields,
        articles=account.articles - part.articles,
        coverage=account.coverage - part.coverage,
        layouts=account.layouts - part.layouts,
    )


def doubt(warnings: list[ParseWarning]) -> bool:
    """Whether a part's reading may depend on where it began."""
    return any(w.code in _UNSURE for w in warnings)


def join_lines(parts: list[tuple[PartReading, list[ParseWarning]]]) -> list[int] | None:
    """Where each part's share of the file starts — the first line of the first article
    both parts at a seam read alike: the same record, the same warnings about its lines
    (a warning such as NP107 depends on what came before) — and one past the last line;
    None if a seam has no such article. ``parts``: each part's reading and warnings."""
    starts = [1]
    for (before, before_warnings), (after, after_warnings) in pairwise(parts):
        heads = {(a.line_start, a.record) for a in after.head.articles}
        join = next(
            (
                a.line_start
                for a in before.tail.articles
                if (a.line_start, a.record) in heads
                and _about(before_warnings, a) == _about(after_warnings, a)
            ),
            None,
        )
        if join is None:
            return None
        starts.append(join)
    return [*starts, NOWHERE]


def _about(warnings: list[ParseWarning], article: SeamArticle) -> list[ParseWarning]:
    return [w for w in warnings if article.line_start <= w.line <= article.line_end]
