"""The ``newsparse`` command: the only place that prints, exits, or imports Typer/Rich.

Each command validates its options, calls the library (``pipeline.run``), and hands
records to a writer or to a report. Errors from the library arrive as
:class:`NewsparseError` and become one line on stderr and an exit code in ``exits``.
"""

import json
from typing import Annotated

import typer

from newsparse import __version__
from newsparse.cli.check import check
from newsparse.cli.convert import convert
from newsparse.cli.exits import OneLineErrors, exit_codes, run_app
from newsparse.cli.params import EXIT_CODES_HELP, INPUTS_HELP, stdout
from newsparse.layouts import builtin_layouts
from newsparse.layouts.schema import json_schema as layout_file_schema
from newsparse.models import record_json_schema

app = typer.Typer(
    name="newsparse",
    cls=OneLineErrors,
    help="Turn raw text dumps of scraped news pages into clean, validated article records.",
    epilog=f"""\b
Examples:
  newsparse convert dumps/ -o articles.csv      a directory, CSV by extension
  newsparse convert dump.txt.gz --to jsonl | jq .headline
  newsparse check dumps/                        how every line was used

{EXIT_CODES_HELP}""",
    no_args_is_help=True,
    # Plain Click help: no boxes or padding in a pipe, flags without a <bool> metavar.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"newsparse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Turn raw text dumps of scraped news pages into clean, validated article records.

    Data goes to stdout; warnings and errors go to stderr.
    """


app.command(
    short_help="Convert dumps to JSON, JSON Lines, CSV, TSV, Markdown or Parquet.",
    help=f"""Convert dumps to JSON, JSON Lines, CSV, TSV, Markdown or Parquet, in input
    order. Data goes to stdout (or -o); warnings, errors and the summary go to stderr.

    {INPUTS_HELP}""",
    epilog=f"""\b
Examples:
  newsparse convert dumps/ -o articles.parquet
  zcat dump.txt.gz | newsparse convert --to md -o - | less
  newsparse convert dump.txt --now 2025-02-15T12:00+03:00 --strict

{EXIT_CODES_HELP}""",
)(convert)

app.command(
    short_help="Report how every line was used, and every warning.",
    help=f"""Report how every line of each dump was used: records, field coverage,
    dropped chrome, preamble, the layout of each article, and every warning. Exit 1 on
    errors (with --strict, on warnings).

    {INPUTS_HELP}""",
    epilog=EXIT_CODES_HELP,
)(check)


@app.command(short_help="List the built-in layouts.")
def layouts(
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of a layout file instead.")
    ] = False,
) -> None:
    """List the built-in layouts, in the order detection tries them (force one with
    --layout NAME; add a site of your own with --add-layout my-site.toml)."""
    with exit_codes():
        out = stdout()
        if schema:
            out.write(json.dumps(layout_file_schema(), indent=2) + "\n")
            return
        known = builtin_layouts()
        width = max(len(name) for name in known)
        for name, layout in known.items():
            out.write(f"{name.ljust(width)}  {layout.description}\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of an article record."""
    with exit_codes():
        stdout().write(json.dumps(record_json_schema(), indent=2) + "\n")


def main() -> None:
    """The ``newsparse`` console script (see ``newsparse.entry``)."""
    run_app(app)
