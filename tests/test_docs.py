"""The README documents what the code does: every command, option, warning code and exit
code, and the quick start is what CI runs."""

import re
import subprocess
import sys

import pytest
import typer.main

from newsparse.cli import app
from newsparse.diagnostics import PARTIAL_INPUT, WarningCode
from newsparse.errors import ExitCode
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_a_readme_section(name: str) -> None:
    command = COMMANDS[name]
    assert command.help, f"{name} has no help text"
    assert f"### `newsparse {name}`" in README


@pytest.mark.parametrize(
    "option",
    sorted(
        opt
        for command in COMMANDS.values()
        for param in command.params
        for opt in param.opts
        if opt.startswith("-") and opt not in {"--help", "-h"}
    ),
)
def test_every_option_is_in_the_readme(option: str) -> None:
    assert re.search(rf"`{re.escape(option)}[ `\\]", README), f"{option} is not documented"


@pytest.mark.parametrize("code", list(WarningCode), ids=str)
def test_every_warning_code_is_in_the_readme(code: WarningCode) -> None:
    assert f"| `{code}` |" in README


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda c: str(int(c)))
def test_every_exit_code_is_in_the_readme(code: ExitCode) -> None:
    assert f"\n| {int(code)} |" in README


def test_quick_start_test_command_is_what_ci_runs() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```")[0]
    setup, tests = quick_start.strip().splitlines()
    assert setup.startswith("python3 -m venv .venv && ")
    assert "newsparse convert fixtures/" in setup
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    assert ci[-1] == tests


def test_the_readme_accuracy_figures_are_what_the_benchmark_prints() -> None:
    """The published evaluation is re-run, not remembered: a parser change that moves a
    figure must update the README with it."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "accuracy.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    table = result.stdout.split("\n", 2)[2].strip()  # after the "47 pages …" title
    assert table in README, "README's accuracy figures are stale: paste the script's output"


FAULTS = README.split("## What happens when things go wrong", 1)[-1].split("\n## ", 1)[0]


def test_the_faults_section_states_the_limits_the_code_has() -> None:
    from newsparse.pipeline import MAX_JOBS_PER_CPU
    from newsparse.reader import MAX_LINE_BYTES

    assert FAULTS, "README lacks 'What happens when things go wrong'"
    assert f"at most {MAX_LINE_BYTES >> 20} MiB" in FAULTS
    assert f"{['no', 'one', 'two', 'three'][MAX_JOBS_PER_CPU]} per CPU" in FAULTS


@pytest.mark.parametrize("code", [c for c in ExitCode if c > ExitCode.OUTPUT], ids=str)
def test_the_faults_section_names_every_signal_exit_code(code: ExitCode) -> None:
    assert str(int(code)) in FAULTS


@pytest.mark.parametrize("code", sorted(PARTIAL_INPUT), ids=str)
def test_the_faults_section_names_the_warnings_that_make_an_input_partial(code: str) -> None:
    assert f"`{code}`" in FAULTS
