"""Score the parser against hand-labelled pages with real layouts (trafilatura-style).

    python benchmarks/accuracy.py            # per-field table and the headline figures
    python benchmarks/accuracy.py --verbose  # also every field that was wrong, and how
    python benchmarks/accuracy.py --json     # the figures for machines

Each ``fixtures/real/<name>.txt`` copies the *shape* of real scraped pages (same lines,
order, blank lines and chrome; invented prose) and ``<name>.truth.json`` says what a
careful reader takes from it, article by article. Two runs are scored:

- **single pages**: each fixture parsed alone, as a user converting one page;
- **joined**: every fixture in one dump, two blank lines between them, as a user
  converting a scraped archive. An article of the truth whose first line does not start a
  record there was merged into a neighbour (or lost).

A field counts as right only when it is exactly the truth. An article is right when all
its fields are; a page when all its articles are.
"""

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsparse import ParseHooks, ParseOptions, ParseWarning, parse_text

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "fixtures" / "real"
#: The moment relative dates in the truth files resolve against.
NOW = datetime.fromisoformat("2025-02-15T12:00:00+03:00")
OPTIONS = ParseOptions(now=NOW)
FIELDS = ("headline", "updated", "updated_text", "author", "captions", "bullets", "dateline")
SCORED = (*FIELDS, "body", "span")


@dataclass
class Page:
    name: str
    text: str
    truth: list[dict[str, Any]]


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED, 0))
    total: int = 0
    articles_right: int = 0
    pages: int = 0
    pages_right: int = 0
    missed: int = 0  # truth articles with no record starting at their first line
    extra: int = 0  # records starting where no truth article starts
    warnings: int = 0
    mistakes: list[str] = field(default_factory=list)

    def percent(self, count: int, total: int | None = None) -> float:
        total = self.total if total is None else total
        return 100.0 * count / total if total else 100.0


def load_pages(folder: Path) -> list[Page]:
    pages = []
    for dump in sorted(folder.glob("*.txt")):
        truth = dump.with_suffix(".truth.json")
        if truth.exists():
            text = dump.read_text(encoding="utf-8")
            pages.append(Page(dump.stem, text, json.loads(truth.read_text(encoding="utf-8"))))
    return pages


def record_of(article: Any) -> dict[str, Any]:
    record: dict[str, Any] = article.model_dump(mode="json")
    record["span"] = (record["source"]["line_start"], record["source"]["line_end"])
    return record


def score_articles(
    name: str, truth: list[dict[str, Any]], records: list[dict[str, Any]], offset: int, score: Score
) -> bool:
    """Compare one page's truth with the records found for it; whether all are right."""
    by_start = {r["span"][0]: r for r in records}
    starts = {t["line_start"] + offset for t in truth}
    page_right = True
    for expected in truth:
        score.total += 1
        start = expected["line_start"] + offset
        found = by_start.get(start)
        if found is None:
            score.missed += 1
            page_right = False
            score.mistakes.append(f"{name}:{expected['line_start']}: article not found")
            continue
        article_right = True
        wanted = {**expected, "span": (start, expected["line_end"] + offset)}
        for key in SCORED:
            if found[key] == wanted[key]:
                score.right[key] += 1
            else:
                article_right = False
                score.mistakes.append(
                    f"{name}:{expected['line_start']}: {key}: got {found[key]!r}, "
                    f"want {wanted[key]!r}"
                )
        score.articles_right += article_right
        page_right &= article_right
    score.extra += sum(1 for start in by_start if start not in starts)
    return page_right and len(records) == len(truth)


def score_single(pages: list[Page]) -> Score:
    score = Score()
    for page in pages:
        warnings: list[ParseWarning] = []
        hooks = ParseHooks(on_warning=warnings.append)
        records = [record_of(a) for a in parse_text(page.text, page.name, OPTIONS, hooks)]
        score.warnings += len(warnings)
        score.pages += 1
        score.pages_right += score_articles(page.name, page.truth, records, 0, score)
    return score


def score_joined(pages: list[Page]) -> Score:
    """Every page in one dump, two blank lines between: articles must split exactly."""
    parts, offsets, line = [], [], 0
    for page in pages:
        text = page.text.removeprefix("\ufeff").rstrip("\n")
        offsets.append(line)
        parts.append(text)
        line += text.count("\n") + 1 + 2  # its lines, then two blank lines
    warnings: list[ParseWarning] = []
    hooks = ParseHooks(on_warning=warnings.append)
    records = [record_of(a) for a in parse_text("\n\n\n".join(parts), "joined", OPTIONS, hooks)]
    score = Score(warnings=len(warnings))
    bounds = [*offsets, line]
    for index, page in enumerate(pages):
        low, high = bounds[index], bounds[index + 1]
        own = [r for r in records if low < r["span"][0] <= high]
        score.pages += 1
        score.pages_right += score_articles(page.name, page.truth, own, low, score)
    return score


def report_text(single: Score, joined: Score, verbose: bool) -> str:
    lines = [f"{single.pages} pages, {single.total} articles (fixtures/real)", ""]
    lines.append(f"{'field':<14}{'single':>9}{'joined':>9}")
    for key in SCORED:
        lines.append(
            f"{key:<14}{single.percent(single.right[key]):>8.1f}%"
            f"{joined.percent(joined.right[key]):>8.1f}%"
        )
    lines += [
        "",
        f"articles right: {single.articles_right}/{single.total} "
        f"({single.percent(single.articles_right):.1f}%) single, "
        f"{joined.articles_right}/{joined.total} ({joined.percent(joined.articles_right):.1f}%)"
        " joined",
        f"pages right:    {single.pages_right}/{single.pages} "
        f"({single.percent(single.pages_right, single.pages):.1f}%) single, "
        f"{joined.pages_right}/{joined.pages} "
        f"({joined.percent(joined.pages_right, joined.pages):.1f}%) joined",
        f"joined dump:    {joined.missed} article(s) merged or lost, "
        f"{joined.extra} record(s) where no article starts, {joined.warnings} warning(s)",
    ]
    if verbose:
        lines += ["", "single-page mistakes:", *single.mistakes]
        lines += ["", "joined-dump mistakes:", *joined.mistakes]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=REAL)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pages = load_pages(args.folder)
    if not pages:
        sys.exit(f"no <name>.txt with <name>.truth.json in {args.folder}")
    single, joined = score_single(pages), score_joined(pages)
    if args.json:
        figures = {
            run: {
                "articles": s.total,
                "articles_right": s.articles_right,
                "pages_right": s.pages_right,
                "fields": {key: round(s.percent(s.right[key]), 1) for key in SCORED},
                "merged_or_lost": s.missed,
                "extra": s.extra,
            }
            for run, s in (("single", single), ("joined", joined))
        }
        print(json.dumps(figures, indent=2))
    else:
        print(report_text(single, joined, args.verbose))


if __name__ == "__main__":
    main()
