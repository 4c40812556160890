"""Fuzz newsparse with damaged dumps, many more than the test suite can afford.

Every fixture dump is damaged the way ``tests/test_fuzz.py`` damages rendered ones
(dropped, duplicated, swapped and split lines, chrome, separators, blank runs) and,
besides, the way hostile input is: lone surrogates, escape sequences, lines of a
megabyte, dates that cannot exist, bytes that are not UTF-8 and NUL bytes. Each mutant
is parsed, then checked line by line (``tests/accounting.py``): nothing may raise but a
NUL byte's ``InputError``, and every line read must be accounted for.

    .venv/bin/python benchmarks/fuzz.py --mutants 10000 --seed 1
"""

import argparse
import io
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.* hold the mutations and the accounting check

from tests.accounting import assert_lossless, line_recorder, recording_hooks  # noqa: E402
from tests.parsing import parse_all  # noqa: E402
from tests.test_fuzz import mutate  # noqa: E402

from newsparse import InputError, parse_stream  # noqa: E402

LINE_DAMAGE = ["drop", "duplicate", "swap", "split", "insert_chrome", "blank_lines", "separator"]
HOSTILE_DATES = [
    "Updated 5000 years ago",
    "Updated 99999999999 days ago",
    "Updated 01 May 0000",
    "21 Oct 2019 01:10:42 GMT24",
    "Updated 21 Oct 2019 01:10:42 GMT+99:99",
]
ESCAPES = ["\x1b[2J", "\x1b]0;title\x07", "\u202e", "\x9b31m", "\r"]
MEGABYTE_LINE = "word " * 200_000


def _insert(rng: random.Random, lines: list[str], text: str) -> list[str]:
    """``text`` put inside a random line (or as a line of its own, in an empty dump)."""
    if not lines:
        return [text]
    at = rng.randrange(len(lines))
    cut = rng.randrange(len(lines[at]) + 1)
    return [*lines[:at], lines[at][:cut] + text + lines[at][cut:], *lines[at + 1 :]]


def _replace_line(rng: random.Random, lines: list[str], text: str) -> list[str]:
    at = rng.randrange(len(lines) + 1)
    return [*lines[:at], text, *lines[at + 1 :]]


HOSTILE: dict[str, Callable[[random.Random, list[str]], list[str]]] = {
    "surrogate": lambda rng, lines: _insert(rng, lines, chr(rng.randrange(0xD800, 0xE000))),
    "escape": lambda rng, lines: _insert(rng, lines, rng.choice(ESCAPES)),
    "date": lambda rng, lines: _replace_line(rng, lines, rng.choice(HOSTILE_DATES)),
    "megabyte_line": lambda rng, lines: _replace_line(rng, lines, MEGABYTE_LINE),
}
#: How often each kind of mutant is made: a megabyte line is slow to check, so rarer.
WEIGHTS = {"lines": 60, "surrogate": 10, "escape": 10, "date": 10, "megabyte_line": 1, "bytes": 9}


def mutant(rng: random.Random, dumps: list[list[str]]) -> tuple[str, list[str], str]:
    """A damaged dump: its kind, its lines, and its line end."""
    lines = list(rng.choice(dumps))
    for _ in range(rng.randint(1, 6)):
        lines = mutate(lines, rng.choice(LINE_DAMAGE), rng.randrange(10_000), rng.randrange(10_000))
    kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    if kind in HOSTILE:
        lines = HOSTILE[kind](rng, lines)
    end = "\n" if kind == "bytes" else rng.choice(["\n", "\r\n", "\r"])
    return kind, lines, end


def check_text(text: str) -> None:
    record, uses = line_recorder()
    parsed = parse_all(text, "fuzz.txt", on_line=record)
    assert_lossless(text, parsed.articles, parsed.account, uses)


def check_bytes(rng: random.Random, lines: list[str]) -> None:
    """Bad bytes are read as U+FFFD; a NUL byte ends the input after the lines before
    it, which must all be accounted for."""
    data = [line.encode() + b"\n" for line in lines] or [b"\n"]
    at = rng.randrange(len(data))
    nul = rng.random() < 0.3
    bad = b"\x00" if nul else rng.choice([b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80"])
    cut = rng.randrange(len(data[at]))  # before the line's \n
    data[at] = data[at][:cut] + bad + data[at][cut:]
    hooks, uses, _ = recording_hooks()
    parsed = parse_stream(io.BytesIO(b"".join(data)), "fuzz.txt", hooks=hooks)
    articles = []
    try:
        for article in parsed:
            articles.append(article)
        assert not nul, "a NUL byte was read as text"
        read = data
    except InputError:
        if not nul:
            raise
        read = data[:at]
    text = b"".join(read).decode("utf-8", errors="replace")
    assert_lossless(text, articles, parsed.account, uses)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutants", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    dumps = [
        path.read_text(encoding="utf-8-sig").splitlines()
        for path in sorted((ROOT / "fixtures" / "dumps").glob("*.txt"))
    ]
    kinds: Counter[str] = Counter()
    exceptions = unaccounted = 0
    start = time.perf_counter()
    for number in range(args.mutants):
        kind, lines, end = mutant(rng, dumps)
        kinds[kind] += 1
        try:
            if kind == "bytes":
                check_bytes(rng, lines)
            else:
                check_text(end.join(lines))
        except AssertionError:
            unaccounted += 1
            print(f"mutant {number} ({kind}): lines unaccounted", file=sys.stderr)
            traceback.print_exc(limit=1)
        except Exception:
            exceptions += 1
            print(f"mutant {number} ({kind}): exception", file=sys.stderr)
            traceback.print_exc()
    seconds = time.perf_counter() - start
    made = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    print(f"{args.mutants} mutants ({made}) in {seconds:.1f} s")
    print(f"exceptions: {exceptions}; mutants with lines unaccounted: {unaccounted}")
    return 1 if exceptions or unaccounted else 0


if __name__ == "__main__":
    sys.exit(main())
