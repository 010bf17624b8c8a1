"""Benchmark of saving an edited workbook (run on demand, not a pytest test)::

    python benchmarks/bench_save.py                       # 10,000, 30,000 and 100,000 order lines
    python benchmarks/bench_save.py --sizes 2000 5000     # a quick check that the script still works
    python benchmarks/bench_save.py --repeat 3            # the median of three runs of each measurement

For each N, in one run: ``tkops import`` of N generated US order lines (benchmarks/bench_import.py's generator)
writes a new book (XlsxWriter, not timed). Then, each in a fresh interpreter:

- baseline: openpyxl loads that book and saves it (what every command paid before, the floor of an openpyxl save);
- package-level editor (``tkops.book.ooxml``): open the book, read the Orders sheet, change 300 lines (Order Status,
  Team Note, a money cell), append 300 new lines, write the table and save.

Prints a Markdown table (N, baseline s, editor s, ratio, parts rewritten) and writes it to benchmarks/out/save.md.
Target: at N = 30,000 the editor's read + save takes at most 0.2x the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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

CHANGED = 300
APPENDED = 300


def make_book(work: Path, n: int) -> Path:
    """A book of N order lines written by ``tkops import`` (XlsxWriter) from a generated export."""
    import bench_import
    from tkops.cli import main as tkops_main

    csv_path = work / f"orders_{n}.csv"
    bench_import.write_csv(csv_path, n)
    book = work / f"book_{n}.xlsx"
    if book.exists():
        book.unlink()
    assert tkops_main(["import", str(csv_path), "--book", str(book), "--market", "US"]) == 0
    return book


def child_baseline(book: Path, out: Path) -> dict:
    import openpyxl

    start = time.perf_counter()
    wb = openpyxl.load_workbook(book)
    wb.save(out)
    return {"seconds": time.perf_counter() - start}


def child_editor(book: Path, out: Path) -> dict:
    import pandas as pd

    from tkops.book.layout import ORDERS, orders_columns
    from tkops.book.ooxml import OoxmlWorkbook
    from tkops.merge import rows_frame

    start = time.perf_counter()
    edited = OoxmlWorkbook(book)
    rows = edited.read_rows("Orders")
    frame = rows_frame(rows)
    step = max(1, len(frame) // CHANGED)
    picked = frame.index[::step][:CHANGED]
    frame.loc[picked, "Order Status"] = "Shipped"
    frame.loc[picked, "Team Note"] = "checked by the benchmark"
    frame.loc[picked, "SKU Subtotal After Discount"] = 12.34
    new = frame.iloc[:APPENDED].copy()
    new["Order ID"] = [str(900000000000000000 + i) for i in range(APPENDED)]
    frame = pd.concat([frame, new], ignore_index=True)
    spec = ORDERS.with_columns(orders_columns([str(h) for h in rows[0] if h], set()))
    edited.write_table(spec, frame.reindex(columns=spec.headers))
    edited.save(out)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rewritten": [p for p in edited.changed_parts()]}


def run_child(task: str, book: Path, out: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", task, str(book), str(out)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(sizes: list[int], repeat: int, work: Path) -> list[dict]:
    rows = []
    for n in sizes:
        book = make_book(work, n)
        result = {"n": n, "book_mb": book.stat().st_size / 1e6}
        for task in ("baseline", "editor"):
            runs = [run_child(task, book, work / f"{task}_{n}.xlsx") for _ in range(repeat)]
            result[task] = statistics.median(r["seconds"] for r in runs)
            result[task + "_peak_mb"] = max(r["peak_mb"] for r in runs)
            if task == "editor":
                result["rewritten"] = runs[-1]["rewritten"]
        result["ratio"] = result["editor"] / result["baseline"]
        rows.append(result)
        print(f"N={n:,}: baseline {result['baseline']:.2f} s, editor {result['editor']:.2f} s "
              f"({result['ratio']:.2f}x)", flush=True)
    return rows


def report(rows: list[dict], repeat: int) -> str:
    load = os.getloadavg()
    lines = ["# Saving an edited workbook: the package-level editor against an openpyxl load + save", "",
             f"{CHANGED} lines changed and {APPENDED} appended on an Orders sheet of N lines; median of {repeat} "
             f"run(s); 2-core machine, load average {load[0]:.1f} at the end.", "",
             "| N lines | book (MB) | baseline: openpyxl load + save (s) | editor: read + edit + save (s) | ratio | "
             "peak memory baseline / editor (MB) |", "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['book_mb']:.1f} | {r['baseline']:.2f} | {r['editor']:.2f} | "
                     f"{r['ratio']:.2f}x | {r['baseline_peak_mb']:.0f} / {r['editor_peak_mb']:.0f} |")
    target = [r for r in rows if r["n"] == 30_000]
    if target:
        ok = target[0]["ratio"] <= 0.2
        lines += ["", f"Target at N = 30,000: editor <= 0.2x baseline: {target[0]['ratio']:.2f}x, "
                      f"{'PASS' if ok else 'FAIL'}."]
    lines += ["", "Parts the editor rewrote (all others copied byte for byte): "
              + ", ".join(f"`{p}`" for p in rows[-1]["rewritten"])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--work", help="folder for the generated books (kept); default a temporary folder")
    parser.add_argument("--out", default=str(HERE / "out"))
    parser.add_argument("--child", nargs=3, metavar=("TASK", "BOOK", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        task, book, out = args.child
        result = (child_baseline if task == "baseline" else child_editor)(Path(book), Path(out))
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return 0
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="tkops-bench-save-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows = measure(args.sizes, args.repeat, work)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    text = report(rows, args.repeat)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "save.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
