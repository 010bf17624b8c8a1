"""Benchmark of packing slips (issue 5): 1,000 orders to HTML and to PDF, timed in one run (run on demand)::

    python benchmarks/bench_slips.py                      # 1,000 orders, A4
    python benchmarks/bench_slips.py --orders 200 --layout 4x6

The orders (1 to 4 lines each, buyers in all 12 slip languages, a third with a buyer message) come from
tests/slips/sample.py. Timed, each from cold caches (barcodes, shaped text): the slip data (build_slips), the HTML
batch written to a file (the baseline), and the PDF written to a file. Targets: HTML for 1,000 slips under 2 s, PDF
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
from tkops.slips import SlipSettings, barcodes, build_slips, fonts, write_html, write_pdf  # noqa: E402

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


def run(orders: int, layout: str, repeat: int, out: Path) -> str:
    settings = SlipSettings.from_mapping({**SETTINGS, "Slip Layout": layout})
    lines = make_lines(orders)
    work = Path(tempfile.mkdtemp(prefix="tkops-bench-slips-"))
    model_s, slips = best(lambda: build_slips(lines, settings), repeat)
    html_s, html = best(lambda: write_html(slips, work / "slips.html", settings), repeat)
    pdf_s, pdf = best(lambda: write_pdf(slips, work / "slips.pdf", settings), repeat)
    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    n = len(slips)
    html_target, pdf_target = 2.0 * n / 1000, 50
    rows = [
        ("slip data (build_slips)", model_s, "", ""),
        ("HTML, one file (baseline)", html_s, f"< {html_target:.1f} s", "PASS" if html_s < html_target else "FAIL"),
        ("PDF, one file", pdf_s, f">= {pdf_target} slips/s", "PASS" if n / pdf_s >= pdf_target else "FAIL"),
        ("data + HTML + PDF", model_s + html_s + pdf_s, "", ""),
    ]
    report = [f"# tkops slips benchmark ({n:,} slips from {len(lines):,} order lines, layout {layout})", "",
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
