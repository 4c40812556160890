"""Every fixture dump, converted to every format, compared exactly with its golden file.

Golden files are written by ``pytest --update-golden`` and reviewed by a person.
"""

import io
from pathlib import Path

import pytest

from newsparse import ParseOptions, parse_file
from newsparse.writers import Format, open_writer
from tests.conftest import DUMPS, EXPECTED, NOW, NOW_DATETIME, ROOT, invoke_cli


def convert(dump: Path, fmt: Format) -> str:
    out = io.StringIO(newline="")
    writer = open_writer(fmt, out)
    for article in parse_file(dump.relative_to(ROOT), ParseOptions(now=NOW_DATETIME)):
        writer.write(article.record())
    writer.close()
    return out.getvalue()


#: Parquet is binary and stamps pyarrow's version: test_writers reads it back instead.
TEXT_FORMATS = [fmt for fmt in Format if fmt is not Format.PARQUET]


@pytest.mark.parametrize("fmt", TEXT_FORMATS, ids=str)
@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_golden(dump: Path, fmt: Format, golden) -> None:
    golden(EXPECTED / f"{dump.stem}.{fmt}", convert(dump, fmt))


@pytest.mark.parametrize("fmt", TEXT_FORMATS, ids=str)
def test_cli_output_is_the_golden_output(fmt: Format) -> None:
    """The real command writes exactly what the library path above writes."""
    dump = DUMPS[0].relative_to(ROOT)
    result = invoke_cli("convert", str(dump), "--to", str(fmt), "--now", NOW)
    assert result.returncode == 0, result.stderr
    expected = (EXPECTED / f"{dump.stem}.{fmt}").read_bytes()
    assert result.stdout == expected
