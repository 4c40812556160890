"""The gate asks a line only the rules its first and last characters allow: what it
leaves out must be what cannot match (``layouts/edges.py``, ``Gate``)."""

import re
import string
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse.layouts import default_rules
from newsparse.layouts import edges as edges_module
from newsparse.layouts.edges import CharSet, edges
from newsparse.layouts.rules import Gate, GatedRule
from newsparse.text import normalize_line
from tests.conftest import FIXTURES


def _shown(chars: CharSet | None) -> str | None:
    """ASCII characters in order, ``+`` for "and others"."""
    return None if chars is None else "".join(sorted(chars.ascii)) + ("+" if chars.other else "")


@pytest.mark.parametrize(
    ("pattern", "first", "last"),
    [
        ("Follow", "F", "w"),
        ("(?i)follow", "Ff+", "Ww+"),
        (r"\d{1,2} [Mm]in", string.digits + "+", "n"),
        (r"(?:Updated )?\d+", string.digits + "U+", string.digits + "+"),
        ("[a-c]x|yz?", "abcy", "xyz"),
        ("Short Url:?", "S", ":l"),
        ("(?=A)B(?<=B)$", "B", "B"),
        ("«x»", "+", "+"),  # non-ASCII: allowed, not listed
        ("[^/]+/node", None, "e"),  # a negated class: any character
        (".*read", None, "d"),
        ("x.*", "x", None),
        ("a*", None, None),  # matches the empty line: no end character is required
        ("(?i)[a-c]", None, None),  # a range without case: not worked out
        ("(?i)ſ", None, None),  # matches "s" and "S" too
        ("(a)\\1", "a", None),  # a back-reference: unknown
    ],
)
def test_edges_are_read_off_the_pattern(pattern: str, first: str | None, last: str | None) -> None:
    assert (_shown(edges(pattern)[0]), _shown(edges(pattern)[1])) == (first, last)


def test_an_ignored_case_allows_what_re_matches_without_case() -> None:
    """Why a case-insensitive letter allows non-ASCII characters: ``re`` matches them."""
    for letter, other in (("s", "ſ"), ("k", "\u212a")):  # long s, Kelvin sign
        assert re.fullmatch(f"(?i){letter}", other)
        first, _ = edges(f"(?i){letter}")
        assert first is not None
        assert other in first


@cache
def _fixture_lines() -> tuple[str, ...]:
    """Every non-blank line of every fixture, normalised as the tokenizer does."""
    lines = {
        normalize_line(line)
        for path in sorted(FIXTURES.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    return tuple(sorted(line for line in lines if line))


def _first_rule(gate: Gate, text: str) -> GatedRule | None:
    """The gate's answer, asked naively: each rule in order."""
    return next((rule for rule in gate.rules if rule.pattern.fullmatch(text)), None)


def test_no_fixture_line_matches_a_rule_its_edges_leave_out() -> None:
    """On every line the fixtures hold (each layout's dates, chrome, trailers and
    paragraphs), the gate answers as the rules asked one by one."""
    gate = default_rules().gate
    lines = _fixture_lines()
    answers = [(line, gate.first(line)) for line in lines]
    assert answers == [(line, _first_rule(gate, line)) for line in lines]
    assert sum(rule is not None for _, rule in answers) > 100  # the rules are exercised


_PIECES = st.sampled_from(
    ["Updated", "15", "February", "2025", "10:30", "PM", "ago", "Short Url", "https://",
     "arab.news/x", "/node/12", "logo", "Arab News", "©", "Topics:", "1 / 4", "ſ", "\u212a",
     "Publié le", "«", "»", " ", ".", ":", "-", "’", "3 Min Read", "img", "date"]
)  # fmt: skip


@given(st.lists(_PIECES, min_size=1, max_size=6).map("".join))
def test_the_gate_answers_as_every_rule_asked_in_order(text: str) -> None:
    gate = default_rules().gate
    assert gate.first(text) == _first_rule(gate, text)


def test_a_gate_keeps_a_bounded_number_of_expressions() -> None:
    """Rules ``x.*`` and ``.*y`` for 20 letters each: every pair of first and last
    characters asks its own two. The answers stay right beyond the cap on the
    expressions kept."""
    letters = string.ascii_lowercase[:20]
    gate = Gate(
        [GatedRule("chrome", re.compile(f"{c}.*"), None, f"starts_{c}") for c in letters]
        + [GatedRule("chrome", re.compile(f".*{c}"), None, f"ends_{c}") for c in letters]
    )
    for first in letters:
        for last in letters:
            text = f"{first} {last}"
            assert gate.first(text) == _first_rule(gate, text)
    assert len(gate._by_rules) == 257  # of 400 sets asked: 256, then every rule at once


def test_without_pythons_parser_every_rule_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """``re._parser`` is private: on a Python without it, no rule is left out."""
    monkeypatch.setattr(edges_module, "sre_parse", None)
    assert edges("Follow") == (None, None)
    gate = Gate(default_rules().gate.rules)
    lines = _fixture_lines()
    assert [gate.first(line) for line in lines] == [_first_rule(gate, line) for line in lines]
