"""Benchmark of the order review against importing the same lines (run on demand, not a pytest test)::

    python benchmarks/bench_review.py                    # 10,000, 50,000 and 100,000 lines
    python benchmarks/bench_review.py --sizes 2000 5000  # a quick check
    python benchmarks/bench_review.py --full             # also time the whole `tkops review --book` command

For each size, in one run: US Seller Center exports are generated (benchmarks/bench_import.py's generator) and read
into canonical lines; the review core (all rules, buyer messages rendered) is timed on them, and on lines of all 16
markets (tests/review's generator). For the largest size, `tkops import` of the same CSV into a new workbook is timed
as the baseline. Targets: growth linear (the 100,000 time at most 12x the 10,000 time) and the review of
100,000 lines no slower than importing them. Prints a Markdown table and writes it to benchmarks/out/review.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import bench_import  # noqa: E402

from tests.review.bench_review import make_lines, sheets  # noqa: E402
from tkops.cli import main as tkops_main  # noqa: E402
from tkops.review import review  # noqa: E402
from tkops.settings import Settings  # noqa: E402
from tkops.sources import read_orders  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 12, 0)


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def run(sizes: list[int], full: bool, out: Path) -> str:
    inventory, bundles = sheets()
    settings = Settings(market="US")
    rows = []
    work = Path(tempfile.mkdtemp(prefix="tkops-bench-review-"))
    import_seconds = None
    command_seconds = None
    for n in sizes:
        csv_path = work / f"us_{n}.csv"
        bench_import.write_csv(csv_path, n)
        lines = read_orders(csv_path, settings).table.frame
        us_seconds, us_result = timed(lambda: review(lines, inventory, bundles, None, settings, NOW))
        world = make_lines(n)
        world_seconds, world_result = timed(lambda: review(world, inventory, bundles, None, settings, NOW))
        rows.append((n, us_seconds, len(us_result.problems), world_seconds, len(world_result.problems)))
        if n == max(sizes):
            book = work / "ops.xlsx"
            import_seconds, code = timed(lambda: tkops_main(["import", str(csv_path), "--book", str(book),
                                                             "--market", "US"]))
            assert code == 0
            if full:
                command_seconds, code = timed(lambda: tkops_main(["review", "--book", str(book),
                                                                  "--now", NOW.isoformat()]))
    smallest, largest = rows[0], rows[-1]
    growth_us = largest[1] / smallest[1]
    growth_world = largest[3] / smallest[3]
    size_ratio = largest[0] / smallest[0]
    report = [f"# tkops review benchmark ({', '.join(f'{n:,}' for n in sizes)} lines)", "",
              "| lines | review, US export lines (s) | problems | review, 16-market lines (s) | problems |",
              "|---:|---:|---:|---:|---:|"]
    report += [f"| {n:,} | {a:.2f} | {pa:,} | {b:.2f} | {pb:,} |" for n, a, pa, b, pb in rows]
    report += ["", "| measure | value | target | result |", "|---|---:|---|---|",
               f"| growth {smallest[0]:,} -> {largest[0]:,} lines (US) | {growth_us:.1f}x | <= {12 * size_ratio / 10:.0f}x"
               f" | {'PASS' if growth_us <= 1.2 * size_ratio else 'FAIL'} |",
               f"| growth {smallest[0]:,} -> {largest[0]:,} lines (16 markets) | {growth_world:.1f}x | <= "
               f"{12 * size_ratio / 10:.0f}x | {'PASS' if growth_world <= 1.2 * size_ratio else 'FAIL'} |",
               f"| `tkops import` of the {largest[0]:,}-line CSV (baseline) | {import_seconds:.2f} s | | |",
               f"| review / import, {largest[0]:,} lines (US) | {largest[1] / import_seconds:.2f} | <= 1 | "
               f"{'PASS' if largest[1] <= import_seconds else 'FAIL'} |",
               f"| review / import, {largest[0]:,} lines (16 markets) | {largest[3] / import_seconds:.2f} | <= 1 | "
               f"{'PASS' if largest[3] <= import_seconds else 'FAIL'} |"]
    if command_seconds is not None:
        report.append(f"| whole `tkops review --book` command (openpyxl load + review + save) | "
                      f"{command_seconds:.2f} s | (informational) | |")
    text = "\n".join(report) + "\n"
    out.mkdir(parents=True, exist_ok=True)
    (out / "review.md").write_text(text, encoding="utf-8")
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--full", action="store_true", help="also time the whole tkops review command")
    parser.add_argument("--out", default=str(HERE / "out"))
    args = parser.parse_args()
    print(run(sorted(args.sizes), args.full, Path(args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
