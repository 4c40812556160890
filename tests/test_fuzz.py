"""Fuzzing: dumps rendered in every supported layout, then damaged the way scrapers and
copy-paste damage them. Whatever happens, the parser raises nothing and loses nothing:
every line is still accounted for, and every kept line is in the record that spans it.

The default run tries 100 damaged dumps; ``HYPOTHESIS_PROFILE=long`` tries 10,000.
"""

from hypothesis import given
from hypothesis import strategies as st

from tests.accounting import assert_lossless, line_recorder
from tests.layouts import Dump, dumps
from tests.parsing import parse_all

CHROME = ["Short Url", "Short Url:", "Follow", "0", "2 / 5", "https://arab.news/q8x2z"]
SEPARATORS = [(": ", " — "), (": ", " : "), (": ", ":“"), (" — ", " // "), ("  • ", "• ")]


def mutate(lines: list[str], kind: str, i: int, j: int) -> list[str]:
    """One kind of damage at positions drawn from ``i`` and ``j``."""
    if not lines:
        return [CHROME[j % len(CHROME)]]
    at = i % len(lines)
    line = lines[at]
    if kind == "drop":
        return lines[:at] + lines[at + 1 :]
    if kind == "duplicate":
        return [*lines[: at + 1], line, *lines[at + 1 :]]
    if kind == "swap":
        other = j % len(lines)
        swapped = list(lines)
        swapped[at], swapped[other] = swapped[other], swapped[at]
        return swapped
    if kind == "split":
        cut = j % (len(line) + 1)
        return [*lines[:at], line[:cut], line[cut:], *lines[at + 1 :]]
    if kind == "insert_chrome":
        return [*lines[:at], CHROME[j % len(CHROME)], *lines[at:]]
    if kind == "blank_lines":
        return lines[:at] + [""] * (j % 5) + lines[at:]
    old, new = SEPARATORS[j % len(SEPARATORS)]  # "separator"
    return [*lines[:at], line.replace(old, new, 1), *lines[at + 1 :]]


damage = st.lists(
    st.tuples(
        st.sampled_from(
            ["drop", "duplicate", "swap", "split", "insert_chrome", "blank_lines", "separator"]
        ),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=8,
)


@given(dumps(), damage, st.sampled_from(["\n", "\r\n", "\r"]))
def test_damaged_dumps_raise_nothing_and_lose_nothing(
    dump: Dump, mutations: list[tuple[str, int, int]], end: str
) -> None:
    lines = dump.lines
    for kind, i, j in mutations:
        lines = mutate(lines, kind, i, j)
    text = end.join(lines)
    record, uses = line_recorder()
    articles, account, _ = parse_all(text, "fuzz.txt", on_line=record)
    assert_lossless(text, articles, account, uses)
    assert account.articles == len(articles)
