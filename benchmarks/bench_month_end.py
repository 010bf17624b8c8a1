"""Benchmark of the month-end batch on a year of exports (run on demand, not a pytest test)::

    python benchmarks/bench_month_end.py                  # 1,000,000 order lines, 200,000 cases (a few minutes)
    python benchmarks/bench_month_end.py --small          # 50,000 lines, 10,000 cases: a quick check (~30 s)
    python benchmarks/bench_month_end.py --work /tmp/me   # keep the generated exports in /tmp/me

1. Generates (not timed) twelve monthly US order exports (58 columns, description row) and the monthly Return/Refund
   exports of the cases requested (tests/month_end_samples.py; each file repeats the last 2% of the month before, as
   overlapping exports do): exactly N distinct order lines and M distinct case lines.
2. In one child process, on the same frames (read and classified by tkops first, not timed), alternately, ``--repeat``
   times: (a) the baseline, a bare pandas groupby of the same pivots (cause x SKU, cause x month, type x carrier, units
   shipped, SKU health, top SKU-cause pairs) with the joins they need; (b) tkops' pivot step,
   ``tkops.aftersales.pivots.summarise``. Their results are compared (same cases and costs per key). Target:
   (b) <= 3 x (a), medians.
3. In a fresh child: the whole ``run_month_end`` for the last month (read every file, dedupe, classify, figures,
   pivots, KPIs, report workbook and HTML), its time per step and its peak RSS.

Prints one Markdown table with PASS/FAIL and the machine, and writes it to ``OUT/month_end.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 3.0
MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
REPORT_MONTH = MONTHS[-1]


def load_inputs(orders, returns, settings):
    """The deduplicated order lines and classified cases, as the month-end has them before its figures."""
    from tkops.jobs.month_end import classify
    from tkops.jobs.month_end.inputs import read_order_files, read_return_files

    lines = read_order_files(orders, settings)[0]
    cases = read_return_files(returns, settings)[0]
    return lines, classify(cases)


def baseline_pivots(lines, cases, month: str) -> dict:
    """The same pivots in bare pandas: one groupby each, with the joins they need (no checks, no labels)."""
    import numpy as np
    import pandas as pd

    period = pd.Period(month, "M")
    facts = pd.DataFrame({"order_id": lines["order_id"], "carrier": lines["shipping_provider"],
                          "order_month": lines["paid_time"].fillna(lines["created_time"]).dt.to_period("M")})
    facts = facts.groupby("order_id").first()
    c = cases.join(facts, on="order_id")
    c["month"] = c["opened"].dt.to_period("M").fillna(c["order_month"])
    c["sku"] = c["seller_sku"].fillna(c["sku_id"])
    status = c["return_status"].str.casefold()
    refunded = (status.isin(["completed", "refunded"]) | c["closed"].notna()) & ~status.isin(
        ["refund rejected", "canceled", "cancelled"])
    c["refund_cost"] = np.where(refunded, c["amount"].astype(float).fillna(0), 0.0)
    c["units"] = c["quantity"].astype(float).fillna(0)
    agg = {"cases": ("case_id", "nunique"), "units": ("units", "sum"), "refund_cost": ("refund_cost", "sum")}
    current = c[c["month"] == period]
    out = {"cause_by_sku": current.groupby(["cause", "sku", "currency"]).agg(**agg),
           "cause_by_month": c.groupby(["month", "cause", "currency"]).agg(**agg),
           "type_by_carrier": current.groupby(["case_type", "carrier", "currency"]).agg(**agg)}
    shipped_at = lines["shipped_time"].fillna(lines["delivered_time"])
    shipped = lines[shipped_at.dt.to_period("M") == period]
    units = shipped.assign(sku=shipped["seller_sku"].fillna(shipped["sku_id"])).groupby(["sku", "currency"]).agg(
        units_shipped=("quantity", "sum"), sales=("subtotal_after_discount", "sum"))
    health = current.groupby(["sku", "currency"]).agg(**agg).join(units, how="outer").fillna(0)
    health["return_rate"] = health["cases"] / health["units_shipped"].where(health["units_shipped"] > 0)
    out["sku_health"] = health
    out["top_pairs"] = current.groupby(["sku", "currency", "cause"]).agg(**agg).nlargest(20, "cases")
    return out


def compare(base: dict, pv) -> list[str]:
    """Differences between the baseline's pivots and tkops' (cases and refund cost per key)."""
    import numpy as np

    problems = []
    for name, keys in (("cause_by_sku", ["cause", "sku", "currency"]), ("cause_by_month", ["month", "cause",
                       "currency"]), ("type_by_carrier", ["case_type", "carrier", "currency"])):
        ours = getattr(pv, name).set_index(keys)[["cases", "refund_cost"]].sort_index()
        theirs = base[name].reset_index()
        theirs[keys[0] if name != "cause_by_month" else "month"] = theirs[keys[0]].astype(str)
        if name == "type_by_carrier":
            theirs["carrier"] = theirs["carrier"].fillna("").astype(str)
        theirs = theirs.set_index(keys)[["cases", "refund_cost"]].sort_index()
        if len(ours) != len(theirs) or not (ours.index == theirs.index).all() \
                or not (ours["cases"].to_numpy() == theirs["cases"].to_numpy()).all() \
                or not np.allclose(ours["refund_cost"].to_numpy(), theirs["refund_cost"].to_numpy()):
            problems.append(name)
    health = pv.sku_health.set_index(["sku", "currency"])
    theirs = base["sku_health"].reindex(health.index)
    if not np.allclose(health["return_rate"].fillna(-1), theirs["return_rate"].fillna(-1)):
        problems.append("sku_health")
    return problems


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_pivots(work: Path, repeat: int) -> dict:
    from tkops.aftersales.pivots import summarise
    from tkops.settings import Settings

    lines, cases = load_inputs(sorted(work.glob("orders *.csv")), sorted(work.glob("returns *.csv")),
                               Settings(market="US"))
    base_times, tkops_times = [], []
    for i in range(repeat):
        for which in ("base", "tkops") if i % 2 == 0 else ("tkops", "base"):
            start = time.perf_counter()
            if which == "base":
                base = baseline_pivots(lines, cases, REPORT_MONTH)
                base_times.append(time.perf_counter() - start)
            else:
                pv = summarise(cases, lines, month=REPORT_MONTH)
                tkops_times.append(time.perf_counter() - start)
    return {"lines": len(lines), "cases": len(cases), "case_ids": int(cases["case_id"].nunique()),
            "base": statistics.median(base_times), "tkops": statistics.median(tkops_times),
            "base_runs": base_times, "tkops_runs": tkops_times, "problems": compare(base, pv),
            "pairs": len(pv.top_pairs), "skus": len(pv.sku_health)}


def child_month_end(work: Path) -> dict:
    from tkops.jobs.month_end import run_month_end
    from tkops.settings import Settings

    steps, last, current = {}, [time.perf_counter()], [""]

    def progress(done, total, text):  # called before each step: the time since the last call is the last step's
        now = time.perf_counter()
        if current[0]:
            steps[current[0]] = steps.get(current[0], 0.0) + now - last[0]
        step = text.split(" of ")[0].split(":")[0].lower().replace("figures", "figures (classify, pivots, KPIs)")
        current[0] = ("read order files (and dedupe)" if "order file" in text else
                      "read return files (and dedupe)" if "return file" in text else step)
        last[0] = now

    start_rss = _peak_kb()
    start = time.perf_counter()
    report = run_month_end(REPORT_MONTH, sorted(work.glob("orders *.csv")), sorted(work.glob("returns *.csv")),
                           work / "report", Settings(market="US"), progress=progress,
                           now=dt.datetime(2027, 1, 3, 9, 0))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_rss_kb": _peak_kb(), "start_rss_kb": start_rss, "steps": steps,
            "orders": report.figures["orders"], "cases": report.figures["cases"],
            "workbook_kb": report.workbook.stat().st_size // 1024, "html_kb": report.html.stat().st_size // 1024,
            "trend_months": int(report.trend["month"].nunique())}


def run_child(task: str, work: Path, repeat: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", task, "--work", str(work), "--repeat", str(repeat)],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"child {task} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(n_lines: int, n_cases: int, pivots: dict, whole: dict, env: dict, gen_seconds: float, size_mb: float,
           files: int) -> str:
    ratio = pivots["tkops"] / pivots["base"]
    ok = ratio <= TARGET_RATIO and not pivots["problems"]
    same = "same results" if not pivots["problems"] else "DIFFERENT: " + ", ".join(pivots["problems"])
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in whole["steps"].items())
    lines = [f"# tkops month-end benchmark: {n_lines:,} order lines, {n_cases:,} case lines, 12 months", "",
             f"{files} CSV exports ({size_mb:,.0f} MB; generated in {gen_seconds:.0f} s, not timed), read by tkops "
             f"into {pivots['lines']:,} lines and {pivots['cases']:,} case lines ({pivots['case_ids']:,} cases) "
             f"after removing the lines repeated in two files. Pivots: medians of {len(pivots['base_runs'])} runs "
             "each, alternating, in one process on the same frames.", "",
             "| measurement | value | target | result |", "|---|---:|---|---|",
             f"| (a) baseline: bare pandas groupby of the same pivots | {pivots['base']:.2f} s | | |",
             f"| (b) tkops pivot step (`pivots.summarise`: {pivots['skus']:,} SKU rows, {pivots['pairs']} top "
             f"pairs) | {pivots['tkops']:.2f} s | | |",
             f"| ratio (b) / (a) ({same}) | {ratio:.2f} | <= {TARGET_RATIO:.0f} | {'PASS' if ok else 'FAIL'} |",
             f"| whole month-end of {REPORT_MONTH} (read, dedupe, classify, figures, pivots, KPIs, workbook, HTML)"
             f" | {whole['seconds']:.1f} s | (printed) | |",
             f"| peak RSS of the whole month-end | {whole['peak_rss_kb'] / 1024:,.0f} MB | (printed) | |",
             "", f"Steps: {steps}.", f"Report: {whole['orders']:,} orders and {whole['cases']:,} cases in "
             f"{REPORT_MONTH}, {whole['trend_months']} trend months; workbook {whole['workbook_kb']:,} KB, HTML "
             f"{whole['html_kb']:,} KB.", "", "| machine | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in env.items()]
    lines.append(f"| load average at end | {' / '.join(f'{x:.2f}' for x in os.getloadavg())} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--small", action="store_true", help="50,000 lines and 10,000 cases")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each pivot measurement (median)")
    parser.add_argument("--work", default="", help="folder for the exports (kept); default: a temporary one")
    parser.add_argument("--out", default=str(HERE / "out"))
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        work = Path(args.work)
        result = child_pivots(work, args.repeat) if args.child == "pivots" else child_month_end(work)
        print(json.dumps(result))
        return 0
    if args.small:
        args.lines, args.cases = 50_000, 10_000
    import bench_import

    env = bench_import.machine()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="tkops-bench-month-end-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        from tests.month_end_samples import write_exports

        start = time.perf_counter()
        truth = write_exports(work, MONTHS, args.lines, args.cases, seed=args.seed, keep_truth=False)
        gen = time.perf_counter() - start
        files = truth.order_files + truth.return_files
        size = sum(p.stat().st_size for p in files) / 1e6
        print(f"generated {len(files)} files ({size:,.0f} MB) in {gen:.0f} s", file=sys.stderr)
        pivots = run_child("pivots", work, args.repeat)
        whole = run_child("month_end", work, 1)
        text = report(args.lines, args.cases, pivots, whole, env, gen, size, len(files))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "month_end.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
