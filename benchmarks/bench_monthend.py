"""Month-end over a book with a year of history (run on demand, not a pytest test)::

    python benchmarks/bench_monthend.py                               # 1,000,000 history lines, 200,000 cases
    python benchmarks/bench_monthend.py --lines 50000 --cases 10000   # a quick check that the script still works
    python benchmarks/bench_monthend.py --repeat 3                    # medians of 3 runs of each

Setup (not timed, cached under the temporary folder keyed by --lines/--cases/--seed: benchmarks/monthend_fixture.py):
a book whose history store holds ``--lines`` order lines and whose AfterSales sheet holds ``--cases`` cases (one part,
the hidden mark sheet saying so). Then, each in a fresh interpreter, alternately, timed from the first file read to
the last result (imports not included):

- baselines: a bare query on the same files, pandas + pyarrow and, when it is importable, DuckDB: the store's parts
  (the columns the pivots use, each line once: newest run), the AfterSales and Orders sheets read by python-calamine
  (every cell, what pandas' calamine engine does) and again by fastexcel (only the columns used, as Arrow: the
  reader tkops' month-end uses), then the same pivots (cases, units, refund cost by cause x SKU, cause x month, case type x carrier; units shipped, SKU
  health, top SKU-cause pairs; the month's orders and sales per currency);
- each baseline runs with the C heap set as tkops' month-end sets it (:mod:`tkops.jobs.heap`; on glibc it spares a
  bare query about as much as tkops);
- tkops: ``run_month_end(MONTH, book=...)``, the path of ``tkops month-end --book``: the book's sheets, Orders +
  history, classification, figures, pivots, KPIs, trend, and the report workbook and HTML written.

Both results are compared (cases and refund cost per cause, the month's orders). Target: tkops <= 1.5x baseline.
Prints a Markdown table and writes it to benchmarks/out/monthend.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

TARGET = 1.5
CASE_HEADERS = {"Case ID": "case_id", "Order ID": "order_id", "SKU ID": "sku_id", "Seller SKU": "seller_sku",
                "Reason": "reason", "Amount": "amount", "Currency": "currency", "Quantity": "quantity",
                "Return Type": "return_type", "Return Status": "return_status", "Opened": "opened", "Closed": "closed"}
LINE_HEADERS = {"Order ID": "order_id", "SKU ID": "sku_id", "Seller SKU": "seller_sku", "Quantity": "quantity",
                "SKU Subtotal After Discount": "subtotal", "Order Amount": "order_amount", "Order Status": "status",
                "Currency": "currency", "Paid Time": "paid", "Created Time": "created", "Shipped Time": "shipped",
                "Delivered Time": "delivered", "Shipping Provider Name": "carrier"}


def reason_table():
    """Reason -> case type and cause: the input the baseline joins (the Reasons sheet's job; not timed)."""
    import pandas as pd
    from tests.month_end_samples import RETURN_REASONS

    from tkops.aftersales.reasons import classify_reasons

    reasons = pd.Series([r for r, _w, _c in RETURN_REASONS])
    found = classify_reasons(pd.DataFrame({"reason": reasons}), text="reason")
    return pd.DataFrame({"reason": reasons, "case_type": found["case_type"].to_numpy(),
                         "cause": found["cause"].to_numpy()})


def read_sheet(workbook, sheet: str, headers: dict, times=(), numbers=()):
    """A sheet's columns ``headers`` (header -> name), read by python-calamine (every cell, as pandas' calamine
    engine reads) or, when ``workbook`` is the file's bytes, by fastexcel (only those columns, as Arrow)."""
    import pandas as pd

    if isinstance(workbook, bytes):
        import fastexcel

        batch = fastexcel.read_excel(workbook).load_sheet(sheet, use_columns=lambda c: c.name in headers, eager=True)
        frame = batch.to_pandas().rename(columns=headers)
    else:
        rows = workbook.get_sheet_by_name(sheet).to_python()
        head = rows[0]
        frame = pd.DataFrame(rows[1:], columns=head)[[h for h in headers if h in head]].rename(columns=headers)
    for column in times:
        frame[column] = pd.to_datetime(frame[column].replace("", None), errors="coerce", format="mixed")
    for column in numbers:
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce")
    return frame


def read_book(book: Path, reader: str = "calamine"):
    """The AfterSales sheet's and the Orders sheet's columns the pivots use, read by ``reader`` (calamine or
    fastexcel)."""
    from python_calamine import CalamineWorkbook

    workbook = Path(book).read_bytes() if reader == "fastexcel" else CalamineWorkbook.from_path(str(book))
    cases = read_sheet(workbook, "AfterSales", CASE_HEADERS, ("opened", "closed"), ("amount", "quantity"))
    orders = read_sheet(workbook, "Orders", LINE_HEADERS, ("paid", "created", "shipped", "delivered"),
                        ("quantity", "subtotal", "order_amount"))
    return cases, orders


PIVOTS = {
    "cause_by_sku": "SELECT cause, sku, currency, count(DISTINCT case_id) cases, sum(units) units, "
                    "sum(refund_cost) refund_cost FROM cur GROUP BY ALL",
    "cause_by_month": "SELECT mon AS month_start, cause, currency, count(DISTINCT case_id) cases, sum(units) units, "
                      "sum(refund_cost) refund_cost FROM c GROUP BY ALL",
    "type_by_carrier": "SELECT case_type, carrier, currency, count(DISTINCT case_id) cases, sum(units) units, "
                       "sum(refund_cost) refund_cost FROM cur GROUP BY ALL",
    "sku_health": "WITH s AS (SELECT coalesce(nullif(seller_sku, ''), sku_id) sku, currency, sum(quantity) shipped, "
                  "sum(subtotal) sales FROM l WHERE date_trunc('month', coalesce(shipped, delivered)) = $m "
                  "GROUP BY ALL), k AS (SELECT sku, currency, count(DISTINCT case_id) cases FROM cur GROUP BY ALL) "
                  "SELECT * , cases / nullif(shipped, 0) return_rate FROM s FULL JOIN k USING (sku, currency)",
    "top_pairs": "SELECT sku, currency, cause, count(DISTINCT case_id) cases, sum(refund_cost) refund_cost FROM cur "
                 "GROUP BY ALL ORDER BY cases DESC LIMIT 20",
    "orders": "SELECT currency, count(*) orders, "
              "sum(CASE WHEN status IN ('Cancelled', 'Canceled') THEN 0 ELSE order_amount END) sales FROM (SELECT order_id, any_value(currency) currency, any_value(status) status, "
              "any_value(order_amount) order_amount, min(paid) paid_at, min(created) created_at FROM l "
              "GROUP BY order_id) WHERE date_trunc('month', coalesce(paid_at, CASE WHEN status NOT IN ('Cancelled', "
              "'Canceled', 'Unpaid') THEN created_at END)) = $m GROUP BY ALL",
}
PREPARE = (
    "CREATE TEMP TABLE facts AS SELECT order_id, any_value(carrier) carrier, "
    "date_trunc('month', coalesce(min(paid), min(created))) omonth FROM l GROUP BY order_id",
    "CREATE TEMP TABLE c AS SELECT cs.case_id, coalesce(nullif(cs.seller_sku, ''), cs.sku_id) sku, r.case_type, "
    "coalesce(r.cause, 'unknown') cause, cs.currency, coalesce(date_trunc('month', cs.opened), f.omonth) AS mon, "
    "coalesce(f.carrier, '') carrier, coalesce(cs.quantity, 0) units, CASE WHEN (lower(cs.return_status) IN "
    "('completed', 'refunded') OR cs.closed IS NOT NULL) AND lower(cs.return_status) NOT IN ('refund rejected', "
    "'canceled', 'cancelled') THEN coalesce(cs.amount, 0) ELSE 0 END refund_cost FROM cases cs "
    "LEFT JOIN reasons r USING (reason) LEFT JOIN facts f USING (order_id) WHERE cs.return_type <> 'Cancel'",
    "CREATE TEMP TABLE cur AS SELECT * FROM c WHERE mon = $m",
)


def baseline_duckdb(book: Path, month: str, reader: str = "calamine") -> tuple[float, dict]:
    import duckdb

    from tkops.history import store_folder

    reasons = reason_table()
    start = time.perf_counter()
    con = duckdb.connect()
    con.register("reasons", reasons)
    cases, orders = read_book(book, reader)
    con.register("cases", cases)
    con.register("orders", orders)
    cols = ", ".join(f'"{h}" AS {k}' for h, k in LINE_HEADERS.items())
    parts = str(store_folder(book) / "part-*.parquet")
    con.execute(f"CREATE TEMP TABLE l AS SELECT {cols} FROM read_parquet('{parts}', union_by_name = true) "
                'QUALIFY row_number() OVER (PARTITION BY "tkops Line Key" ORDER BY "tkops Run" DESC) = 1 '
                f"UNION ALL BY NAME SELECT * FROM orders")
    m = dt.datetime.strptime(month, "%Y-%m")
    for sql in PREPARE:
        con.execute(sql, {"m": m} if "$m" in sql else None)
    out = {name: con.execute(sql, {"m": m} if "$m" in sql else None).df() for name, sql in PIVOTS.items()}
    took = time.perf_counter() - start
    by_cause = out["cause_by_sku"].groupby("cause")[["cases", "refund_cost"]].sum()
    return took, {"engine": f"DuckDB {duckdb.__version__}", "orders": int(out["orders"]["orders"].sum()),
                  "by_cause": {k: [int(v.cases), round(float(v.refund_cost), 2)] for k, v in by_cause.iterrows()}}


def baseline_pandas(book: Path, month: str, reader: str = "calamine") -> tuple[float, dict]:
    """Without DuckDB: pyarrow reads the parts, pandas groups (benchmarks/bench_month_end.py's bare pivots)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq
    from bench_month_end import baseline_pivots

    from tkops.history import store_folder

    reasons = reason_table()
    start = time.perf_counter()
    cases, orders = read_book(book, reader)
    cases = cases.merge(reasons, on="reason", how="left")
    cases["cause"] = cases["cause"].fillna("unknown")
    tables = [pq.read_table(p, columns=[*LINE_HEADERS, "tkops Line Key", "tkops Run"])
              for p in sorted(store_folder(book).glob("part-*.parquet"))]
    past = pa.concat_tables(tables, promote_options="default").to_pandas()
    past = past.drop_duplicates("tkops Line Key", keep="last").rename(columns=LINE_HEADERS)
    lines = pd.concat([orders, past], ignore_index=True).rename(columns={
        "carrier": "shipping_provider", "paid": "paid_time", "created": "created_time", "shipped": "shipped_time",
        "delivered": "delivered_time", "subtotal": "subtotal_after_discount", "status": "order_status"})
    out = baseline_pivots(lines, cases, month)
    unpaid = lines["order_status"].isin(["Cancelled", "Canceled", "Unpaid"])
    lines["at"] = lines["paid_time"].fillna(lines["created_time"].where(~unpaid))
    in_month = (lines.groupby("order_id")["at"].min().dt.to_period("M") == pd.Period(month, "M")).sum()
    took = time.perf_counter() - start
    by_cause = out["cause_by_sku"].groupby("cause")[["cases", "refund_cost"]].sum()
    return took, {"engine": f"pandas {pd.__version__} + pyarrow {pa.__version__}", "orders": int(in_month),
                  "by_cause": {k: [int(v.cases), round(float(v.refund_cost), 2)] for k, v in by_cause.iterrows()}}


def run_tkops(book: Path, month: str) -> tuple[float, dict]:
    from monthend_fixture import NOW

    from tkops.jobs.month_end import run_month_end
    from tkops.settings import Settings

    out = Path(tempfile.mkdtemp(prefix="tkops-monthend-report-"))
    start = time.perf_counter()
    # a year of cases (200,000 x 53 columns) is beyond an input file's default Max Sheet Cells (8,000,000), not beyond
    # what a sheet of the team's workbook may span (docs/input-files.md#limits): the defaults serve
    settings = Settings(market="US")
    report = run_month_end(month, [], [], out, settings, book=book, now=NOW)
    took = time.perf_counter() - start
    by_cause = report.pivots.cause_by_sku.groupby("cause")[["cases", "refund_cost"]].sum()
    return took, {"engine": "tkops", "orders": int(report.figures["orders"]), "workbook": str(report.workbook),
                  "by_cause": {k: [int(v.cases), round(float(v.refund_cost), 2)] for k, v in by_cause.iterrows()}}


def child(task: str, book: Path, month: str) -> dict:
    if task == "tkops":
        took, result = run_tkops(book, month)
    else:
        from tkops.jobs.heap import roomy_heap

        engine, _, reader = task.partition("+")
        # the C heap as tkops' month-end sets it (tkops/jobs/heap.py): like for like, it spares a bare query as much
        with roomy_heap():
            took, result = (baseline_duckdb if engine == "duckdb" else baseline_pandas)(book, month,
                                                                                        reader or "calamine")
        result["reader"] = "fastexcel, the columns used" if reader else "python-calamine, every cell"

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return {"seconds": took, "peak_mb": peak, **result}


def baselines() -> list[str]:
    """The bare queries measured: pandas + pyarrow always, DuckDB too when it is importable (the issue allows
    either; both are shown), each reading the sheets with python-calamine and with fastexcel."""
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return ["pandas", "pandas+fastexcel"]
    return ["duckdb", "pandas", "duckdb+fastexcel", "pandas+fastexcel"]


def run_child(task: str, book: Path, month: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", task, "--book", str(book), "--month", month],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"child {task} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def load() -> str:
    return " / ".join(f"{v:.2f}" for v in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="order lines in the history store")
    parser.add_argument("--cases", type=int, default=200_000, help="cases on the AfterSales sheet")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (median)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", default="", help="folder of the cached books (default: the temporary folder)")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    parser.add_argument("--book", default="", help=argparse.SUPPRESS)
    parser.add_argument("--month", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, Path(args.book), args.month)))
        return 0
    from monthend_fixture import MONTH, fixture

    start = time.perf_counter()
    book = fixture(args.lines, args.cases, args.seed, Path(args.cache) if args.cache else None)
    setup = time.perf_counter() - start
    before = load()
    tasks = [*baselines(), "tkops"]
    runs: dict[str, list[dict]] = {task: [] for task in tasks}
    for i in range(args.repeat):
        for task in tasks if i % 2 == 0 else tasks[::-1]:
            runs[task].append(run_child(task, book, MONTH))
    median = {task: statistics.median(r["seconds"] for r in runs[task]) for task in tasks}
    ours = runs["tkops"][-1]
    lines = [f"# month-end of {MONTH} over {args.lines:,} history lines and {args.cases:,} cases", "",
             f"book: {book} (setup {setup:.0f} s, cached); load average before {before}, after {load()}; "
             f"repeat {args.repeat} (median)", "",
             "| measurement | seconds | peak RSS MB |", "|---|---:|---:|"]
    for task in tasks[:-1]:
        lines.append(f"| baseline: {runs[task][-1]['engine']} query on the same files (sheets read by "
                     f"{runs[task][-1]['reader']}) | {median[task]:.1f} | {runs[task][-1]['peak_mb']:,} |")
    lines.append(f"| tkops: run_month_end --book (read, classify, figures, pivots, KPIs, trend, report written) | "
                 f"{median['tkops']:.1f} | {ours['peak_mb']:,} |")
    same = True
    for task in tasks[:-1]:
        ratio = median["tkops"] / median[task]
        lines.append(f"| ratio tkops / {runs[task][-1]['engine']} ({runs[task][-1]['reader']}) | {ratio:.2f}x | "
                     f"target <= {TARGET}x: "
                     f"{'PASS' if ratio <= TARGET else 'FAIL'} |")
        base = runs[task][-1]
        same = same and base["orders"] == ours["orders"] and base["by_cause"] == ours["by_cause"]
    lines += ["", f"Same results (the month's orders {ours['orders']:,}; cases and refund cost per cause): "
                  f"{'yes' if same else 'NO'}"]
    if not same:
        lines += [f"{t}: {runs[t][-1]['orders']} {runs[t][-1]['by_cause']}" for t in tasks]
    text = "\n".join(lines)
    print(text)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "monthend.md").write_text(text + "\n", encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
