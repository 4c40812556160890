"""Measure ``newsparse convert`` speed and memory on a large generated dump.

    python benchmarks/bench.py --size-mb 40               # every layout, mixed: 40 MB
    python benchmarks/bench.py --size-mb 100 --source seed
    python benchmarks/bench.py --size-mb 40 --rss-sizes 4 64 1000

The dump is built by repeating source dumps until it reaches the size asked for —
``mixed`` (default): every fixture dump and every real-layout page of
``fixtures/real``; ``fixtures``: the fixture dumps; ``seed``: the seed alone — and kept
in ``benchmarks/data/`` for the next run. Each format is converted under
``/usr/bin/time -v``, output to /dev/null; the floor is Python reading and decoding the
same file line by line and doing nothing else, and each time is also given as a
multiple of it and of JSON Lines'. Every time is the best of ``--repeat`` runs (3):
on a shared machine one run may be a fifth slower than the next. The runs compared
with each other (the floor and the formats; ``--jobs 1`` and ``--jobs 2``) take turns,
round after round, so that a slow spell of the machine falls on all of them. Every run
gets Python's default buffering: ``PYTHONUNBUFFERED``, which some sandboxes set, is
removed (with it, each record written would be a system call). Then the dump is
converted as one file with ``--jobs 1`` and ``--jobs 2`` (the outputs of all runs
compared byte for byte), and split into 8 files the same way; ``--rss-sizes``
converts dumps of those sizes for peak memory; last, start-up (``newsparse
--version``) and a one-article dump are timed.
"""

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
FORMATS = ("jsonl", "json", "csv", "md")
SEED = ROOT / "fixtures" / "dumps" / "seed.txt"
FLOOR = "import sys\nfor line in open(sys.argv[1], encoding='utf-8'):\n    pass\n"
#: The environment of every run: this one, with Python's default buffering.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


def build_dump(size_mb: int, source: str) -> Path:
    """A dump of at least ``size_mb`` MB made of whole copies of the source dumps."""
    dumps = sorted((ROOT / "fixtures" / "dumps").glob("*.txt"))
    if source == "mixed":
        dumps += sorted((ROOT / "fixtures" / "real").glob("*.txt"))
    if source == "seed":
        dumps = [SEED]
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
        env=ENV,
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


def best(commands: list[list[str]], repeat: int) -> list[tuple[float, float]]:
    """The best wall time of ``repeat`` runs of each of ``commands``, and its peak RSS;
    the commands take turns."""
    runs = [[timed(command) for command in commands] for _ in range(repeat)]
    return [min(times) for times in zip(*runs, strict=True)]


def identical(command: list[str], jobs: tuple[str, str], repeat: int) -> tuple[float, float, bool]:
    """``command``'s best time of ``repeat`` runs with each of ``--jobs`` ``jobs``, taking
    turns; whether the outputs (and stderr) of all runs are byte for byte the same."""
    outputs, runs = set(), {count: [] for count in jobs}
    for _ in range(repeat):
        for count in jobs:
            out = DATA / f"jobs{count}.out"
            started = time.perf_counter()
            arguments = [*command, "--jobs", count, "-o", str(out)]
            result = subprocess.run(arguments, capture_output=True, check=True, env=ENV)
            runs[count].append(time.perf_counter() - started)
            outputs.add((out.read_bytes(), result.stderr))
            out.unlink()
    return min(runs[jobs[0]]), min(runs[jobs[1]]), len(outputs) == 1


def row(name: str, seconds: float, size_mb: float, floor: float, rss: float) -> str:
    return f"{name:<20}{seconds:>9.2f}{size_mb / seconds:>9.1f}{seconds / floor:>9.1f}{rss:>13.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=40)
    parser.add_argument("--source", choices=("mixed", "fixtures", "seed"), default="mixed")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--rss-sizes", nargs="*", type=int, default=[], metavar="MB")
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    args = parser.parse_args()

    dump = build_dump(args.size_mb, args.source)
    size_mb = dump.stat().st_size / 1_000_000
    newsparse = str(Path(sys.executable).with_name("newsparse"))
    print(f"{cpu_name()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"dump: {dump.relative_to(ROOT)} ({size_mb:.1f} MB)\n")
    print(f"{'run':<20}{'seconds':>9}{'MB/s':>9}{'x floor':>9}{'peak RSS MB':>13}  x jsonl")
    commands = [[sys.executable, "-c", FLOOR, str(dump)]] + [
        [newsparse, "convert", str(dump), "--to", fmt, "-j", "1"] for fmt in args.formats
    ]
    (floor, rss), *converts = best(commands, args.repeat)
    print(row("python floor", floor, size_mb, floor, rss))
    jsonl = None
    for fmt, (seconds, rss) in zip(args.formats, converts, strict=True):
        jsonl = seconds if fmt == "jsonl" else jsonl
        ratio = f"{seconds / jsonl:>9.2f}" if jsonl else ""
        print(row(f"convert --to {fmt}", seconds, size_mb, floor, rss) + ratio)

    print(f"\none {size_mb:.0f} MB file, jsonl ({os.cpu_count()} CPUs):")
    serial, parallel, same = identical(
        [newsparse, "convert", "-q", str(dump), "--to", "jsonl"], ("1", "2"), args.repeat
    )
    print(f"{'--jobs 1':<20}{serial:>9.2f}{size_mb / serial:>9.1f}")
    print(
        f"{'--jobs 2':<20}{parallel:>9.2f}{size_mb / parallel:>9.1f}   speed-up "
        f"{serial / parallel:.2f}x, output {'identical' if same else 'DIFFERENT'}"
    )
    parts = [str(p) for p in split_dump(dump, 8)]
    print(f"\n8 files, jsonl ({os.cpu_count()} CPUs):")
    serial, parallel, same = identical(
        [newsparse, "convert", "-q", *parts, "--to", "jsonl"], ("1", "2"), args.repeat
    )
    print(f"{'--jobs 1':<20}{serial:>9.2f}{size_mb / serial:>9.1f}")
    print(
        f"{'--jobs 2':<20}{parallel:>9.2f}{size_mb / parallel:>9.1f}   speed-up "
        f"{serial / parallel:.2f}x, output {'identical' if same else 'DIFFERENT'}"
    )
    if args.rss_sizes:
        print("\npeak RSS by input size (convert --to jsonl, one process):")
    for size in args.rss_sizes:
        sized = build_dump(size, args.source)
        seconds, rss = timed([newsparse, "convert", str(sized), "--to", "jsonl", "-j", "1"])
        print(f"{size:>6} MB  {seconds:>8.2f} s  {rss:>8.1f} MB")
    (startup, _), (one, _) = best(
        [[newsparse, "--version"], [newsparse, "convert", str(SEED), "--to", "jsonl"]], args.repeat
    )
    print(f"\nstart-up (newsparse --version): {startup:.2f} s")
    print(f"convert of a two-article dump (the seed): {one:.2f} s")


if __name__ == "__main__":
    main()
