"""Benchmark of the pack station: the time of one scan on 5,000 open order lines, against the bare dictionary lookup
of the same codes measured in the same run.

Run on demand (this is not a pytest test)::

    python benchmarks/bench_pack.py                 # 5,000 open lines, 2,000 scans
    python benchmarks/bench_pack.py --lines 500     # quick check that the script works

What it does (see benchmarks/README.md):

1. generates N open order lines (1 to 4 lines an order, quantities 1 to 3) over 400 SKUs with EAN-13 barcodes on
   the Inventory sheet, in a fake Excel (tests/fakes/xlwings_fake.py: the same fake the tests use; it counts Excel
   calls but costs no inter-process time, so what is measured is tkops' Python work);
2. the Pack station button (``tkops.xl.pack_start``) builds the session once (timed on its own);
3. plays a scanner over whole orders (the slip, then every item; one scan in twenty a wrong item) and times, per
   scan:
   (a) baseline: ``dict.get`` of the scanned code in a dict of the same codes (order IDs and barcodes);
   (b) the core alone: ``tkops.pack.scan`` on the session's index;
   (c) the live path: ``tkops.xl.pack_scan`` (read the scan cell, verdict, Pack sheet, PackLog row, Orders ticks);
4. prints a Markdown table (median, p99, max in milliseconds; Excel calls per scan for (c)) and PASS/FAIL against
   the target: (c)'s p99 under 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from stdnum import ean  # noqa: E402

from fakes.xlwings_fake import FakeBook  # noqa: E402
from tkops import xl  # noqa: E402
from tkops.book.layout import PACKLOG, orders_columns  # noqa: E402
from tkops.pack import PackState, scan  # noqa: E402
from tkops.settings import Settings, sheet_rows  # noqa: E402

SEED = 20261207
TARGET_MS = 50.0


def make_book(folder: Path, n_lines: int) -> tuple[FakeBook, list[str], dict[str, str]]:
    """A fake Excel holding ``n_lines`` open lines; the scans that pack them; code -> what it is (the baseline)."""
    rng = random.Random(SEED)
    skus = [f"SKU-{i:04d}" for i in range(400)]
    barcodes = {}
    for i, sku in enumerate(skus):
        body = f"690{i:09d}"
        barcodes[sku] = body + ean.calc_check_digit(body)
    header = [c.header for c in orders_columns([], set())]
    at = {h: i for i, h in enumerate(header)}
    rows, scans, order_no = [header], [], 0
    while len(rows) - 1 < n_lines:
        order_no += 1
        order = f"5770{order_no:014d}"
        scans.append(order)
        for sku in rng.sample(skus, rng.randint(1, 4)):
            qty = rng.randint(1, 3)
            row = [None] * len(header)
            row[at["Order ID"]], row[at["Seller SKU"]], row[at["Quantity"]] = order, sku, qty
            row[at["Order Status"]], row[at["Product Name"]], row[at["Variation"]] = ("Awaiting Shipment",
                                                                                      "Tee " + sku[-2:], "M")
            rows.append(row)
            for _ in range(qty):
                if rng.random() < 0.05:
                    scans.append(barcodes[rng.choice(skus)])  # a wrong item now and then
                scans.append(barcodes[sku])
    inventory = [["Seller SKU", "Product Name", "Variation", "On Hand", "Zone", "Bin", "Unit Cost", "Currency",
                  "Barcode"]] + [[sku, "Tee", "M", 100, "A", "A-1", 4.1, "USD", barcodes[sku]] for sku in skus]
    sheets = {"Home": [["tkops"], [None], [None]], "Orders": rows, "Inventory": inventory,
              "PackLog": [PACKLOG.headers], "Pack": [["Scan here"]], "Bundles": [["Bundle SKU", "Component SKU",
                                                                                     "Quantity"]],
              "Settings": sheet_rows(Settings(market="US"))}
    book = FakeBook(str(folder / "tkops.xlsm"), {})
    for name, grid in sheets.items():  # text cells in Text format, as tkops writes them
        book.sheets.add(name)
        sheet = book.sheet(name)
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet._cell((r, c)).number_format = "@" if isinstance(value, str) else "General"
                    sheet._put((r, c), value)
    book.add_name("tkops_status", "Home", "A2")
    book.add_name("tkops_summary", "Home", "A3")
    truth = {code: code for code in scans}
    return book, scans, truth


def stats(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1000, p99 * 1000, ordered[-1] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=5000, help="open order lines (default 5,000)")
    parser.add_argument("--scans", type=int, default=2000, help="scans to time (default 2,000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        book, scans, truth = make_book(Path(tmp), args.lines)
        scans = scans[:args.scans]
        # The fake holds every cell of the workbook as a Python object (half a million here); in Excel they are not
        # in Python's memory. Frozen, so that Python's garbage collector does not walk them during the scans.
        gc.collect()
        gc.freeze()
        started = time.perf_counter()
        xl.pack_start(book)
        start_s = time.perf_counter() - started
        if book.app.alerts:
            print(book.app.alerts[-1][1])
            return 1
        session = xl._PACKING[book.fullname][0]
        index, clock = session.index, time.perf_counter

        baseline = []
        for code in scans:
            t0 = clock()
            truth.get(code)
            baseline.append(clock() - t0)

        core, state = [], PackState()
        for code in scans:
            t0 = clock()
            _, state = scan(index, state, code)
            core.append(clock() - t0)

        live, calls = [], []
        pack = book.sheet("Pack")
        for code in scans:
            pack._put((1, 2), code)  # the scanner types into the scan cell (not timed)
            book.calls = 0
            t0 = clock()
            xl.pack_scan(book)
            live.append(clock() - t0)
            calls.append(book.calls)
        verdicts = [r[5] for r in book.sheet("PackLog").rows()[1:]]

    rows = [("(a) baseline: dict.get of the scanned code", baseline, "-"),
            ("(b) core: tkops.pack.scan", core, "-"),
            ("(c) live: tkops.xl.pack_scan on the fake Excel", live, f"{statistics.median(calls):.0f}")]
    print(f"## Pack station: {args.lines:,} open lines, {len(scans):,} scans "
          f"({verdicts.count('order_complete'):,} orders completed, "
          f"{sum(v in ('not_in_order', 'wrong_item', 'too_many') for v in verdicts):,} mistakes caught)\n")
    print(f"Session start (Pack station button: read Orders, Inventory, PackLog; build the index): "
          f"{start_s * 1000:.0f} ms\n")
    print("| per scan | median ms | p99 ms | max ms | Excel calls |")
    print("|---|---:|---:|---:|---:|")
    for name, times, n_calls in rows:
        median, p99, worst = stats(times)
        print(f"| {name} | {median:.4f} | {p99:.4f} | {worst:.3f} | {n_calls} |")
    live_p99 = stats(live)[1]
    print(f"\nTarget: (c) p99 under {TARGET_MS:.0f} ms: {'PASS' if live_p99 < TARGET_MS else 'FAIL'} "
          f"({live_p99:.2f} ms).")
    print(f"\nMachine: {platform.platform()}, Python {platform.python_version()}, {platform.processor() or '-'}")
    return 0 if live_p99 < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
