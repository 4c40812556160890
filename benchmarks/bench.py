"""Measure ``newsparse convert`` speed and memory on a large generated dump.

    python benchmarks/bench.py --size-mb 100            # the seed repeated to 100 MB
    python benchmarks/bench.py --size-mb 100 --source fixtures

The dump is built by repeating the seed (or every fixture dump, for a mix of layouts)
until it reaches the size asked for, and kept in ``benchmarks/data/`` for the next run.
Each format is converted once under ``/usr/bin/time -v``, output to /dev/null; the floor
is Python reading and decoding the same file line by line and doing nothing else. Then
the same bytes, split into 8 files, are converted with ``--jobs 1`` and ``--jobs 2``,
and ``newsparse --version`` is timed for start-up.
"""

import argparse
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
FORMATS = ("jsonl", "json", "csv", "md")
FLOOR = "import sys\nfor line in open(sys.argv[1], encoding='utf-8'):\n    pass\n"


def build_dump(size_mb: int, source: str) -> Path:
    """A dump of at least ``size_mb`` MB made of whole copies of the source dumps."""
    dumps = sorted((ROOT / "fixtures" / "dumps").glob("*.txt"))
    if source == "seed":
        dumps = [ROOT / "fixtures" / "dumps" / "seed.txt"]
    path = DATA / f"{source}-{size_mb}mb.txt"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    unit = b"".join(d.read_bytes().removeprefix(b"\xef\xbb\xbf") + b"\n\n\n" for d in dumps)
    with path.open("wb") as out:
        for _ in range(-(-size_mb * 1_000_000 // len(unit))):
            out.write(unit)
    return path


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``command``, from GNU time's report."""
    result = subprocess.run(
        ["/usr/bin/time", "-v", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    if wall is None or rss is None:
        raise SystemExit(f"cannot read GNU time's report:\n{result.stderr}")
    hours, minutes, seconds = wall.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds), int(rss[1]) / 1024


def split_dump(dump: Path, parts: int) -> list[Path]:
    """``dump`` cut into ``parts`` files of about equal size, at article boundaries."""
    data = dump.read_bytes()
    size = -(-len(data) // parts)
    paths, start = [], 0
    for index in range(parts):
        end = len(data) if index == parts - 1 else data.find(b"\n\n\n", start + size)
        end = len(data) if end < 0 else end
        path = dump.with_name(f"{dump.stem}.part{index}.txt")
        path.write_bytes(data[start:end])
        paths.append(path)
        start = end
    return paths


def cpu_name() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or "unknown CPU"
    match = re.search(r"model name\s*: (.+)", text)
    return match[1] if match else platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--source", choices=("seed", "fixtures"), default="seed")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    args = parser.parse_args()

    dump = build_dump(args.size_mb, args.source)
    size_mb = dump.stat().st_size / 1_000_000
    newsparse = str(Path(sys.executable).with_name("newsparse"))
    print(f"{cpu_name()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"dump: {dump.relative_to(ROOT)} ({size_mb:.1f} MB)\n")
    print(f"{'run':<18}{'seconds':>9}{'MB/s':>9}{'x floor':>9}{'peak RSS MB':>13}")
    floor, rss = timed([sys.executable, "-c", FLOOR, str(dump)])
    print(f"{'python floor':<18}{floor:>9.2f}{size_mb / floor:>9.1f}{1:>9.1f}{rss:>13.1f}")
    for fmt in args.formats:
        seconds, rss = timed([newsparse, "convert", str(dump), "--to", fmt])
        print(
            f"{'convert --to ' + fmt:<18}{seconds:>9.2f}{size_mb / seconds:>9.1f}"
            f"{seconds / floor:>9.1f}{rss:>13.1f}"
        )
    parts = [str(p) for p in split_dump(dump, 8)]
    print(f"\n8 files, jsonl ({os.cpu_count()} CPUs):")
    serial, rss = timed([newsparse, "convert", *parts, "--to", "jsonl", "--jobs", "1"])
    print(f"{'--jobs 1':<18}{serial:>9.2f}{size_mb / serial:>9.1f}{'':>9}{rss:>13.1f}")
    parallel, rss = timed([newsparse, "convert", *parts, "--to", "jsonl", "--jobs", "2"])
    print(
        f"{'--jobs 2':<18}{parallel:>9.2f}{size_mb / parallel:>9.1f}{'':>9}{rss:>13.1f}"
        f"   speed-up {serial / parallel:.2f}x"
    )
    startup, _ = timed([newsparse, "--version"])
    print(f"\nstart-up (newsparse --version): {startup:.2f} s")


if __name__ == "__main__":
    main()
