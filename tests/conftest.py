"""Shared test helpers: paths, the golden-file switch, and running the real CLI."""

import difflib
import os
import pty
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from newsparse.cli import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DUMPS = sorted((FIXTURES / "dumps").glob("*.txt"))
EXPECTED = FIXTURES / "expected"
#: The moment relative dates in the fixtures resolve against.
NOW = "2025-02-15T12:00:00+05:00"
NOW_DATETIME = datetime.fromisoformat(NOW)

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_sessionstart(session: pytest.Session) -> None:
    """A module compiled by mypyc (setup.py) is imported instead of its source: after an
    edit (or a checkout) the tests would test the old code. Stop with what to do."""
    package = ROOT / "src" / "newsparse"
    for compiled in package.rglob("*.so"):
        source = compiled.with_name(f"{compiled.name.split('.')[0]}.py")
        if source.exists() and source.stat().st_mtime > compiled.stat().st_mtime:
            pytest.exit(
                f"{source.relative_to(ROOT)} changed after it was compiled: run "
                "`.venv/bin/pip install -e .` again, or delete the .so files in src/newsparse "
                "to test the Python source",
                returncode=4,
            )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite fixtures/expected/* from the current output and print what changed.",
    )


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fixtures are named by paths relative to the repository, as a user would type them."""
    monkeypatch.chdir(ROOT)


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare text with a golden file, or rewrite it under --update-golden."""

    def check(path: Path, actual: str) -> None:
        expected = path.read_bytes().decode("utf-8") if path.exists() else ""
        if request.config.getoption("--update-golden"):
            if actual != expected:
                diff = difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    actual.splitlines(keepends=True),
                    fromfile=f"{path.name} (old)",
                    tofile=f"{path.name} (new)",
                )
                sys.stdout.writelines(diff)
                path.write_text(actual, encoding="utf-8", newline="")
            return
        assert path.exists(), f"{path} is missing; run pytest --update-golden"
        assert actual == expected, f"{path.name} differs; review with pytest --update-golden"

    return check


def run_cli(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed ``newsparse`` entry point as a user would."""
    executable = Path(sys.executable).with_name("newsparse")
    return subprocess.run(
        [str(executable), *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        timeout=60,
        check=False,
    )


def invoke_cli(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the ``newsparse`` command in this process (Typer's runner), as
    :func:`run_cli` does in a new one: for every test whose subject is not the process
    itself (its exit on signals, pipes, a terminal, start-up)."""
    # In the repository's root, as run_cli: the autouse fixture above.
    result = CliRunner().invoke(
        app, list(args), input=stdin or b"", env={"COLUMNS": "200", **(env or {})}
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback the user would have seen: fail loudly
    return subprocess.CompletedProcess(
        list(args), result.exit_code, result.stdout_bytes, result.stderr_bytes
    )


def run_in_terminal(*args: str, stdout_too: bool = True) -> tuple[int, bytes]:
    """Run ``newsparse`` with stderr (and stdout, unless ``stdout_too`` is false) on a
    pseudo-terminal, outside CI; its exit code and all it drew there."""
    controller, terminal = pty.openpty()
    executable = Path(sys.executable).with_name("newsparse")
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    process = subprocess.Popen(
        [str(executable), *args],
        stdin=subprocess.DEVNULL,
        stdout=terminal if stdout_too else subprocess.DEVNULL,
        stderr=terminal,
        cwd=ROOT,
        env={**env, "TERM": "xterm-256color", "COLUMNS": "160"},
    )
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    return process.wait(timeout=60), output
