"""What a day's work costs on a book with a long history (run on demand, not a pytest test)::

    python benchmarks/bench_daycost.py                         # history of 10,000 / 30,000 / 100,000 lines
    python benchmarks/bench_daycost.py --sizes 2000 --repeat 1 # a quick check that the script still works
    python benchmarks/bench_daycost.py --invariance            # the same day with 0 and 300,000 lines in history

For each N, in one run (not timed): N generated US order lines (benchmarks/bench_import.py's generator) are put in
the history store of a book whose Orders sheet holds a working set of 3,000 open lines (what a month of a
100-orders-a-day shop leaves on Orders once closed orders move out), and the hidden mark sheet says so. Then, each
in a fresh interpreter and on a fresh copy of the book and its store:

- baseline: openpyxl loads and saves a plain N-line workbook written by XlsxWriter (what every command paid when
  every line stayed on Orders: the floor of an openpyxl load + save);
- day: ``tkops import`` of the day's 300 new lines, then ``tkops review`` (wall clock of both commands, interpreter
  start included, as the team waits for them).

Prints a Markdown table with the load average before and after, and writes it to benchmarks/out/daycost.md.
Targets: at N = 30,000 the day costs at most 0.4x the baseline; with --invariance, the day with 300,000 lines in
history costs at most 1.3x the day with none.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

WORKING_SET = 3_000
DAY = 300
CLI = "import sys; from tkops.cli import main; sys.exit(main(sys.argv[1:]))"
BASELINE = ("import sys, time, openpyxl; t = time.perf_counter(); wb = openpyxl.load_workbook(sys.argv[1]); "
            "wb.save(sys.argv[2]); print(time.perf_counter() - t)")


def history_book(work: Path, n: int) -> Path:
    """A book with a working set of open lines on Orders and ``n`` lines in its history store (setup, not timed)."""
    import bench_import

    from tkops import schema
    from tkops.book import FileBook
    from tkops.cli import main as tkops_main
    from tkops.history import HistoryStore
    from tkops.history.mark import MARK, Mark
    from tkops.settings import Settings
    from tkops.sources import read_orders

    folder = work / f"book_{n}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    book = folder / "ops.xlsx"
    live_csv = work / "working_set.csv"
    if not live_csv.exists():
        bench_import.write_csv(live_csv, WORKING_SET, seed=2)
    assert tkops_main(["import", str(live_csv), "--book", str(book), "--market", "US"]) == 0
    if n:
        past_csv = work / f"history_{n}.csv"
        bench_import.write_csv(past_csv, n, seed=1)
        # setup only: 300,000 generated lines are beyond an input file's default Max Sheet Cells (8,000,000)
        lines = read_orders(past_csv, Settings(market="US", max_sheet_cells=str(200 * n))).table.frame
        sheet = lines.rename(columns={k: schema.BY_KEY[k].name for k in lines.columns if k in schema.BY_KEY})
        store = HistoryStore(book)
        store.append(sheet, schema.line_keys(lines).tolist(), "20261001-000000-bench000", dt.datetime(2026, 10, 1))
        edited = FileBook(book, Settings(market="US"))
        with edited.session:
            had = Mark.from_rows(edited.read_rows(MARK.name))  # the import moved the closed lines already
            edited.write_table(MARK, Mark(store.folder.name, had.lines + n, had.runs + 1, "20261001-000000-bench000",
                                          "2026-10-01 00:00:00").frame())
            edited.save()
    return book


def fresh_copy(book: Path, to: Path) -> Path:
    """The book and its history folder copied to ``to`` (each timed day starts from the same state)."""
    if to.exists():
        shutil.rmtree(to)
    to.mkdir(parents=True)
    shutil.copy2(book, to / book.name)
    history = book.with_name(f"{book.stem}.tkops-history")
    if history.exists():
        shutil.copytree(history, to / history.name)
    return to / book.name


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"tkops {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return took


def day(book: Path, day_csv: Path, copy_to: Path) -> tuple[float, float]:
    """Seconds of the day's import and of the review, on a fresh copy of ``book``."""
    target = fresh_copy(book, copy_to)
    imported = timed(["import", str(day_csv), "--book", str(target), "--market", "US"])
    reviewed = timed(["review", "--book", str(target)])
    return imported, reviewed


def baseline(work: Path, n: int) -> float:
    import bench_import

    plain = work / f"plain_{n}.xlsx"
    if not plain.exists():
        bench_import.write_xlsx(plain, n, seed=1)
    out = subprocess.run([sys.executable, "-c", BASELINE, str(plain), str(work / "plain_saved.xlsx")],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is reported")
    parser.add_argument("--invariance", action="store_true", help="compare 0 and 300,000 lines of history")
    parser.add_argument("--work", help="folder for the generated files (kept); default a temporary folder")
    args = parser.parse_args(argv)
    import bench_import

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="tkops-daycost-"))
    work.mkdir(parents=True, exist_ok=True)
    day_csv = work / "day.csv"
    bench_import.write_csv(day_csv, DAY, seed=3)
    before = load()
    rows = []
    sizes = [0, 300_000] if args.invariance else args.sizes
    for n in sizes:
        book = history_book(work, n)
        days = [day(book, day_csv, work / "run") for _ in range(args.repeat)]
        imp = statistics.median(d[0] for d in days)
        rev = statistics.median(d[1] for d in days)
        base = statistics.median(baseline(work, n) for _ in range(args.repeat)) if n and not args.invariance else None
        rows.append((n, imp, rev, base))
    lines = [f"load average before: {before}; after: {load()}; repeat: {args.repeat} (median)", ""]
    if args.invariance:
        lines += ["| lines in history | day's import s | review s | import + review s |", "|---:|---:|---:|---:|"]
        lines += [f"| {n:,} | {i:.1f} | {r:.1f} | {i + r:.1f} |" for n, i, r, _ in rows]
        ratio = (rows[1][1] + rows[1][2]) / (rows[0][1] + rows[0][2])
        lines += ["", f"300,000 / empty: {ratio:.2f}x (target <= 1.3x)"]
    else:
        lines += ["| lines in history | baseline: openpyxl load+save of N lines s | day's import s | review s | "
                  "(import + review) / baseline |", "|---:|---:|---:|---:|---:|"]
        lines += [f"| {n:,} | {b:.1f} | {i:.1f} | {r:.1f} | {(i + r) / b:.2f}x |" for n, i, r, b in rows]
        lines += ["", "target at N = 30,000: <= 0.4x"]
    text = "\n".join(lines)
    print(text)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / ("invariance.md" if args.invariance else "daycost.md")).write_text(text + "\n", encoding="utf-8")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
