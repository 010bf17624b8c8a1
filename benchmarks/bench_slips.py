"""Benchmark of the print step: 1,000 orders to a pick list, slips to HTML and slips to PDF, timed in one
run (run on demand)::

    python benchmarks/bench_slips.py                      # 1,000 orders, A4
    python benchmarks/bench_slips.py --orders 200 --layout 4x6

The orders (1 to 4 lines each, buyers in all 12 slip languages, a third with a buyer message) come from
tests/slips/sample.py; every line is released for picking and its SKU has a zone and bin. Timed, each from cold
caches (barcodes, shaped text): the pick list (released lines, waves of at most 30 orders, the walking-order list
and its HTML page), the slip data in pick order (build_slips), the HTML batch written to a file (the baseline), and
the PDF written to a file. Targets: HTML for 1,000 slips under 2 s, PDF
at least 50 slips per second. Prints a Markdown table and writes it to benchmarks/out/slips.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.slips.sample import make_lines  # noqa: E402
from tkops.picking import pick_list, picklist_html, released, wave_summary, waves  # noqa: E402
from tkops.pdf import chain as fonts  # noqa: E402
from tkops.slips import SlipSettings, barcodes, build_slips, write_html, write_pdf  # noqa: E402

SETTINGS = {"Shop Name": "Demo Shop", "Return Address": "1 Warehouse Rd\nOntario CA 91761",
            "QC Points": "No stains; Tags on"}


def cold() -> None:
    """Forget every cached barcode and shaped text, so each stage pays for its own."""
    for cached in (barcodes.code128_modules, barcodes.qr_matrix, barcodes.code128_svg, barcodes.qr_svg,
                   fonts._shaped):
        cached.cache_clear()


def timed(fn):
    cold()
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def best(fn, repeat: int):
    runs = [timed(fn) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


def inventory_of(lines):
    """An Inventory sheet for ``lines``: every SKU in stock, in one of four zones, bins A-1 .. D-40."""
    import pandas as pd

    skus = sorted(lines["seller_sku"].unique())
    return pd.DataFrame({"Seller SKU": skus, "On Hand": 10_000, "Zone": [f"Z{i % 4 + 1}" for i in range(len(skus))],
                         "Bin": [f"{'ABCD'[i % 4]}-{i % 40 + 1}" for i in range(len(skus))]})


def picking(lines, inventory, out: Path) -> tuple:
    """The pick-list step on order lines: released lines, waves, the list in walking order, its HTML page."""
    ready = released(lines)
    wave = waves(ready, separate_single=True, max_orders=30)
    pick = pick_list(ready, inventory, None, wave)
    out.write_text(picklist_html(pick, wave_summary(ready, wave)), encoding="utf-8")
    order_ids = [oid for ids in pick["order_ids"] for oid in ids.split(", ")]
    return pick, list(dict.fromkeys(order_ids))


def run(orders: int, layout: str, repeat: int, out: Path) -> str:
    settings = SlipSettings.from_mapping({**SETTINGS, "Slip Layout": layout})
    lines = make_lines(orders)
    lines["Review Status"] = "Ready"
    lines["order_status"] = "Awaiting Shipment"
    inventory = inventory_of(lines)
    work = Path(tempfile.mkdtemp(prefix="tkops-bench-slips-"))
    pick_s, (pick, pick_order) = best(lambda: picking(lines, inventory, work / "picklist.html"), repeat)
    model_s, slips = best(lambda: build_slips(lines, settings, pick_order=pick_order), repeat)
    html_s, html = best(lambda: write_html(slips, work / "slips.html", settings), repeat)
    pdf_s, pdf = best(lambda: write_pdf(slips, work / "slips.pdf", settings), repeat)
    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    n = len(slips)
    html_target, pdf_target = 2.0 * n / 1000, 50
    rows = [
        (f"pick list ({len(pick):,} rows, {int(pick['wave'].max())} waves) + HTML", pick_s, "", ""),
        ("slip data in pick order (build_slips)", model_s, "", ""),
        ("HTML, one file (baseline)", html_s, f"< {html_target:.1f} s", "PASS" if html_s < html_target else "FAIL"),
        ("PDF, one file", pdf_s, f">= {pdf_target} slips/s", "PASS" if n / pdf_s >= pdf_target else "FAIL"),
        ("pick list + slip data + HTML + PDF", pick_s + model_s + html_s + pdf_s, "", ""),
    ]
    report = [f"# tkops pick list and slips benchmark ({n:,} slips from {len(lines):,} order lines, layout {layout})", "",
              "| stage | seconds | slips per second | x HTML | target | result |", "|---|---:|---:|---:|---|---|"]
    report += [f"| {name} | {s:.3f} | {n / s:,.0f} | {s / html_s:.2f} | {target} | {result} |"
               for name, s, target, result in rows]
    report += ["", f"- HTML {html.stat().st_size / 1e6:.1f} MB; PDF {pdf.stat().st_size / 1e6:.1f} MB, {pages:,} pages.",
               f"- Best of {repeat} run(s), each from cold barcode and text caches; files written to {work}.",
               (f"- {platform.python_implementation()} {platform.python_version()} on {platform.machine()}, "
                f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}.")]
    text = "\n".join(report) + "\n"
    out.mkdir(parents=True, exist_ok=True)
    (out / "slips.md").write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--layout", default="a4", choices=["a4", "a6", "4x6"])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    text = run(args.orders, args.layout, args.repeat, args.out)
    print(text)
    return 1 if "FAIL" in text else 0


if __name__ == "__main__":
    raise SystemExit(main())
