"""The month-end batch over two months of realistic exports (tests/month_end_samples.py), its report workbook read
back with openpyxl and python-calamine and compared with figures computed here in plain Python from the rows the
files hold; the team's workbook; charts; hostile text; the HTML summary rendered to PNG."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import statistics
import subprocess
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from tests.month_end_samples import CAUSE_OF, HOSTILE, write_exports
from tkops.aftersales.month_end_catalogue import MonthEndError
from tkops.jobs.month_end import parse_month, run_month_end
from tkops.jobs.month_end.inputs import _dedupe, FileRead
from tkops.settings import Settings

US = Settings(market="US")
NOW = dt.datetime(2026, 12, 3, 9, 0)
NOV = (dt.datetime(2026, 11, 1), dt.datetime(2026, 12, 1))
CAUSE_LABEL = {"size_fit": "Size / fit", "description_mismatch": "Description mismatch", "logistics": "Logistics",
               "fulfilment_error": "Fulfilment error", "product_quality": "Product quality",
               "buyer_remorse": "Buyer's side"}


def in_nov(t) -> bool:
    return t is not None and NOV[0] <= t < NOV[1]


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    truth = write_exports(folder, ["2026-10", "2026-11"], 600, 160, hostile=True, overlap=0.05, n_skus=12)
    return folder, truth


@pytest.fixture(scope="module")
def run(exports, tmp_path_factory):
    folder, truth = exports
    steps = []
    report = run_month_end("2026-11", truth.order_files, truth.return_files, tmp_path_factory.mktemp("out"), US,
                           progress=lambda done, total, text: steps.append((done, total, text)), now=NOW)
    return report, truth, steps


def expected(truth, cause_of=CAUSE_OF) -> dict:
    """The month's figures from the rows written, in plain Python (no tkops)."""
    orders = {}
    for ln in truth.lines:
        if ln["paid"] is not None and in_nov(ln["paid"]):
            orders.setdefault(ln["order_id"], []).append(ln)
    cancelled = {o for o, lines in orders.items() if lines[0]["status"] == "Cancelled"}
    sales = sum(lines[0]["order_amount"] for o, lines in orders.items() if o not in cancelled) / 100
    cases = [c for c in truth.cases if in_nov(c["requested"])]
    ids = {c["case_id"] for c in cases}
    refund = sum(c["amount"] for c in cases if c["status"] == "Completed") / 100
    per_case = {c["case_id"]: c for c in cases}
    hours = [(c["refunded"] - c["requested"]).total_seconds() / 3600 for c in per_case.values() if c["refunded"]]
    by_cause = defaultdict(set)
    for c in cases:
        by_cause[cause_of[c["reason"]]].add(c["case_id"])
    reasons = Counter(lines[0]["cancel_reason"] for o, lines in orders.items() if o in cancelled)
    shipped = Counter()
    for ln in truth.lines:
        if in_nov(ln["shipped"]):
            shipped[ln["seller_sku"]] += ln["quantity"]
    sku_cases = defaultdict(set)
    for c in cases:
        sku_cases[c["seller_sku"]].add(c["case_id"])
    dispatched = sum(1 for lines in orders.values() if all(ln["shipped"] for ln in lines))
    return {"orders": len(orders), "lines": sum(len(v) for v in orders.values()),
            "units": sum(ln["quantity"] for v in orders.values() for ln in v), "cancelled": len(cancelled),
            "sales": sales, "cases": len(ids), "returned_units": sum(c["quantity"] for c in cases),
            "return_rate": len(ids) / (len(orders) - len(cancelled)), "refund_cost": refund,
            "refund_rate": refund / sales, "closed": len(hours), "open": len(ids) - len(hours),
            "median_hours": statistics.median(hours), "p90_hours": statistics.quantiles(hours, n=10,
                                                                                          method="inclusive")[8],
            "by_cause": {CAUSE_LABEL[k]: len(v) for k, v in by_cause.items()}, "cancel_reasons": reasons,
            "return_rate_of": {s: len(v) / shipped[s] for s, v in sku_cases.items() if shipped[s]},
            "dispatched": dispatched}


def summary(path: Path) -> dict:
    """Summary sheet rows read with openpyxl: (figure, currency) -> value; and the same read with calamine."""
    ws = openpyxl.load_workbook(path)["Summary"]
    rows = list(ws.iter_rows(min_row=2, max_col=4, values_only=True))
    by_openpyxl = {(r[1], r[3]): r[2] for r in rows if r[1]}
    cal = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Summary").to_python()
    by_calamine = {(r[1], r[3] or None): (None if r[2] == "" else r[2]) for r in cal[1:] if r[1]}
    return by_openpyxl, by_calamine


def table(path: Path, sheet: str) -> list[dict]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    return [dict(zip(rows[0], r)) for r in rows[1:] if any(v != "" for v in r)]


def test_summary_figures_match_an_independent_computation(run):
    report, truth, _steps = run
    want = expected(truth)
    by_openpyxl, by_calamine = summary(report.workbook)
    for figures in (by_openpyxl, by_calamine):
        assert figures[("Orders (paid in the month)", None)] == want["orders"]
        assert figures[("Order lines", None)] == want["lines"]
        assert figures[("Units ordered", None)] == want["units"]
        assert figures[("Cancelled orders", None)] == want["cancelled"]
        assert figures[("Cancellation rate", None)] == pytest.approx(want["cancelled"] / want["orders"])
        assert figures[("Sales", "USD")] == pytest.approx(want["sales"])
        assert figures[("Return and refund cases opened", None)] == want["cases"]
        assert figures[("Units in those cases", None)] == want["returned_units"]
        assert figures[("Return rate (cases / orders not cancelled)", None)] == pytest.approx(want["return_rate"])
        assert figures[("Refund cost", "USD")] == pytest.approx(want["refund_cost"])
        assert figures[("Reship cost", "USD")] == 0
        assert figures[("Refund rate (refunds / sales)", "USD")] == pytest.approx(want["refund_rate"])
        assert figures[("Cases closed", None)] == want["closed"]
        assert figures[("Cases still open", None)] == want["open"]
        assert figures[("Response time, median (hours)", None)] == pytest.approx(want["median_hours"])
        assert figures[("Response time, 90th percentile (hours)", None)] == pytest.approx(want["p90_hours"])
        assert figures[("Orders dispatched", None)] == want["dispatched"]
    assert report.figures["orders"] == want["orders"] and report.figures["cases"] == want["cases"]
    assert report.figures["currencies"]["USD"]["sales"] == pytest.approx(want["sales"])


def test_sheets_match_an_independent_computation(run):
    report, truth, _steps = run
    want = expected(truth)
    causes = table(report.workbook, "Returns by cause")
    assert {r["Cause"]: r["Cases"] for r in causes} == want["by_cause"]
    assert sum(r["Share"] for r in causes) == pytest.approx(1.0)
    cancels = Counter()
    for r in table(report.workbook, "Cancellations"):
        cancels[r["Cancel Reason"]] += r["Orders"]
    assert cancels == want["cancel_reasons"]
    health = {r["Seller SKU"]: r for r in table(report.workbook, "SKU health")}
    for sku, rate in want["return_rate_of"].items():
        assert health[sku]["Return Rate"] == pytest.approx(rate), sku
    trend = table(report.workbook, "Trend")
    assert [r["Month"] for r in trend] == ["2026-10", "2026-11"]
    october = {ln["order_id"] for ln in truth.lines if ln["paid"] and ln["paid"].month == 10}
    assert trend[0]["Orders"] == len(october) and trend[1]["Orders"] == want["orders"]
    by_sku = table(report.workbook, "Cause by SKU")
    assert sum(r["Cases"] for r in by_sku) >= want["cases"]  # a case of two SKUs counts for each
    actions = table(report.workbook, "Actions")
    assert actions and {r["Owner"] for r in actions} <= {"Sourcing", "Listing", "Ads", "Warehouse", "Carrier"}


def test_lines_in_two_files_are_counted_once(run, exports):
    report, truth, _steps = run
    files = {r["File"]: r for r in table(report.workbook, "Files")}
    october_lines = sum(1 for ln in truth.lines if ln["created"].month == 10)
    assert files["orders 2026-10.csv"]["Duplicates"] == int(october_lines * 0.05) > 0
    assert files["orders 2026-11.csv"]["Duplicates"] == 0
    assert files["orders 2026-11.csv"]["Rows Read"] == 300 + int(october_lines * 0.05)
    assert sum(r["Duplicates"] for r in files.values()) == sum(f.duplicates for f in report.files)
    assert any("appear in more than one file" in w for w in report.warnings)


def test_the_last_file_wins_for_a_line_in_two_files():
    import pandas as pd

    old = pd.DataFrame({"order_status": ["Shipped", "Shipped"]})
    new = pd.DataFrame({"order_status": ["Delivered"]})
    reads = [FileRead(Path("a.csv"), "orders"), FileRead(Path("b.csv"), "orders")]
    frame, dropped = _dedupe([(old, pd.Series(["k1", "k2"])), (new, pd.Series(["k2"]))], reads)
    assert frame.to_dict("list") == {"order_status": ["Shipped", "Delivered"], "key": ["k1", "k2"]}
    assert dropped == 1 and (reads[0].duplicates, reads[1].duplicates) == (1, 0)


def test_progress_reports_every_file_and_step(run):
    report, truth, steps = run
    assert [d for d, _t, _x in steps] == list(range(len(steps)))
    total = steps[0][1]
    assert total == len(truth.order_files) + len(truth.return_files) + 3 == len(steps) - 1
    assert steps[0][2] == "Reading order file 1 of 2: orders 2026-10.csv"
    assert steps[-1][2].startswith("Month-end report of 2026-11: ")


def test_charts_are_in_the_workbook(run):
    report, _truth, _steps = run
    with zipfile.ZipFile(report.workbook) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        xml = "".join(z.read(n).decode("utf-8") for n in charts)
    assert len(charts) == 3  # causes on Summary and on Returns by cause, the monthly trend
    assert "'Returns by cause'!$A$2:$A$" in xml and "Trend!$C$2:$C$3" in xml and "<c:lineChart>" in xml


def test_hostile_text_is_inert_in_the_workbook_and_the_html(run):
    report, _truth, _steps = run
    wb = openpyxl.load_workbook(report.workbook)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    assert HOSTILE[0] in values and HOSTILE[3] in values and HOSTILE[2] in values  # kept as text
    with zipfile.ZipFile(report.workbook) as z:
        assert not any("<f>" in z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
    html = report.html.read_text(encoding="utf-8")
    assert "<script" not in html and "<b>" not in html and "=HYPERLINK(\"" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in html
    assert "=HYPERLINK(&#34;http://evil.example/x&#34;,&#34;refund&#34;)" in html


@pytest.mark.parametrize("with_chart", [False, True], ids=["plain", "with-a-chart"])
def test_the_team_workbook_adds_costs_reasons_typed_cases_reviews_and_review_times(exports, tmp_path, with_chart):
    """A workbook holding a chart is read all the same: nothing is saved."""
    folder, truth = exports
    nov = [c for c in truth.cases if in_nov(c["requested"])]
    reship, partial, no_cost = nov[0], nov[1], nov[2]
    paid_nov = sorted({ln["order_id"]: ln for ln in truth.lines if ln["paid"] and in_nov(ln["paid"])
                       and ln["status"] != "Cancelled"}.values(), key=lambda ln: ln["order_id"])
    typed_on = paid_nov[0]
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "AfterSales"
    ws.append(["Case ID", "Order ID", "SKU ID", "Seller SKU", "Case Type", "Opened", "Source", "Resolution Taken",
               "Cost", "Team Note"])
    ws.append([reship["case_id"], reship["order_id"], reship["sku_id"], reship["seller_sku"], None, None, None,
               "Reship", 7.5, "sent again"])
    ws.append([partial["case_id"], partial["order_id"], partial["sku_id"], partial["seller_sku"], None, None, None,
               "Partial refund", 3.0, None])
    ws.append([no_cost["case_id"], no_cost["order_id"], no_cost["sku_id"], no_cost["seller_sku"], None, None, None,
               "reship", None, None])
    ws.append(["T-1", typed_on["order_id"], None, typed_on["seller_sku"], "Damaged", dt.datetime(2026, 11, 20),
               "Team", "Reship", 9.99, "box crushed"])
    inventory = book.create_sheet("Inventory")
    inventory.append(["Seller SKU", "Product Name", "Unit Cost"])
    inventory.append([no_cost["seller_sku"], "x", 4.25])
    reasons = book.create_sheet("Reasons")
    reasons.append(["Kind", "Market", "Reason Text", "Reason Key", "Case Type", "Cause", "Seller Fault", "Owner",
                    "Note"])
    reasons.append(["return", "US", "Item arrived too late", "", "late", "fulfilment_error", "yes", "warehouse",
                    "we ship late"])
    orders = book.create_sheet("Orders")
    orders.append(["Order ID", "SKU ID", "Seller SKU", "Reviewed At"])
    reviewed = paid_nov[:6]
    for n, ln in enumerate(reviewed):
        for line in [x for x in truth.lines if x["order_id"] == ln["order_id"]]:
            orders.append([line["order_id"], line["sku_id"], line["seller_sku"],
                           ln["paid"] + dt.timedelta(hours=1 if n < 4 else 5)])
    reviews = book.create_sheet("Reviews")
    reviews.append(["Order ID", "Rating", "Review Text"])
    reviews.append([typed_on["order_id"], 1, "=cmd|' /C calc'!A0"])
    if with_chart:
        from openpyxl.chart import BarChart, Reference

        chart = BarChart()
        chart.add_data(Reference(inventory, min_col=3, min_row=1, max_row=2), titles_from_data=True)
        inventory.add_chart(chart, "E2")
    path = tmp_path / "ops.xlsx"
    book.save(path)
    before = path.read_bytes()

    report = run_month_end("2026-11", truth.order_files, truth.return_files, tmp_path / "out", US, book=path,
                           now=NOW)
    cause_of = {**CAUSE_OF, "Item arrived too late": "fulfilment_error"}
    want = expected(truth, cause_of)
    refunded = sum(c["amount"] for c in nov if c["status"] == "Completed" and c not in (reship, partial, no_cost))
    figures = report.figures
    assert figures["cases"] == want["cases"] + 1  # T-1
    usd = figures["currencies"]["USD"]
    assert usd["refund_cost"] == pytest.approx(refunded / 100 + 3.0)
    assert usd["reship_cost"] == pytest.approx(7.5 + 9.99 + 4.25 * no_cost["quantity"])
    causes = {r["Cause"]: r["Cases"] for r in table(report.workbook, "Returns by cause")}
    assert causes == {**want["by_cause"], "Logistics": want["by_cause"].get("Logistics", 0) + 1}
    assert figures["kpis"]["reviewed"] == 6 and figures["kpis"]["reviewed_on_time"] == 4
    health = {r["Seller SKU"]: r for r in table(report.workbook, "SKU health")}
    assert health[typed_on["seller_sku"]]["Negative Reviews"] >= 1
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["ops.xlsx", "out"]


def test_orders_alone_and_a_month_the_files_do_not_cover(exports, tmp_path):
    _folder, truth = exports
    report = run_month_end("2026-11", truth.order_files, [], tmp_path, US, now=NOW)
    assert report.figures["cases"] == 0 and report.figures["orders"] == expected(truth)["orders"]
    assert "Nothing this month." in report.html.read_text(encoding="utf-8")
    report = run_month_end("2025-11", truth.order_files[:1], truth.return_files, tmp_path, US, now=NOW)
    assert report.figures["orders"] == 0 and report.figures["return_rate"] is None
    assert report.warnings[-1].startswith("No order of 2025-11 in the order files (they cover 2026-10 to 2026-1")
    assert report.warnings[-1].endswith("Check --month, or add the month's export.")
    assert len(list(tmp_path.glob("month-end *.xlsx"))) == 2 and len(list(tmp_path.glob("month-end *.html"))) == 2


def test_bad_month_and_no_order_file_are_explained(tmp_path):
    with pytest.raises(MonthEndError) as err:
        parse_month("11/2026")
    assert "YYYY-MM" in err.value.render() and "YYYY-MM" in err.value.render("zh")
    assert parse_month("2026-12") == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    with pytest.raises(MonthEndError) as err:
        run_month_end("2026-11", [], [], tmp_path, US)
    assert "--orders" in err.value.render()
    assert not list(tmp_path.iterdir())


def _to_pdf(html: Path, folder: Path) -> Path | None:
    """The page as PDF: LibreOffice Writer when installed (Calc alone cannot lay out HTML), else Chromium."""
    if shutil.which("soffice"):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(folder), str(html)], capture_output=True, timeout=180)
        pdf = folder / (html.stem + ".pdf")
        if pdf.exists():
            return pdf
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
                    None)
    if chromium:
        pdf = folder / "summary.pdf"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", html.as_uri()], capture_output=True, timeout=180)
        return pdf if pdf.exists() else None
    return None


def test_the_html_summary_renders_to_a_png_with_its_charts(run, tmp_path):
    image = pytest.importorskip("PIL.Image")
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler's pdftoppm is not installed (apt-get install poppler-utils)")
    report, _truth, _steps = run
    pdf = _to_pdf(report.html, tmp_path)
    if pdf is None:
        pytest.skip("no HTML renderer: LibreOffice Writer (libreoffice-writer-nogui; Calc alone cannot open HTML) "
                    "or headless Chromium is needed")
    subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    png = next(tmp_path.glob("page*.png"))
    pixels = np.asarray(image.open(png).convert("RGB")).astype(int)
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    ink = float(((r + g + b) < 600).mean())
    chart_blue = int(((r < 40) & (g > 90) & (g < 140) & (b > 150) & (b < 210)).sum())  # the bars' #0072B2
    assert ink > 0.02, "the page is blank"
    assert chart_blue > 500, "the charts did not render"


def test_every_month_end_message_exists_in_both_languages_with_the_same_placeholders():
    from tkops.aftersales import month_end_catalogue as M

    root = Path(__file__).resolve().parent.parent
    sources = sorted((root / "tkops" / "jobs" / "month_end").glob("*.py"))
    used = {code for p in sources for code in re.findall(r'"(month_end\.[a-z_.]+)"', p.read_text(encoding="utf-8"))}
    used |= {f"month_end.{kind}.{code}" for kind, codes in (("h", ("sales", "returns", "response", "kpis", "figures",
             "causes", "trend", "cancellations", "health", "actions", "carriers")), ("f", ("orders", "sales")))
             for code in codes}
    assert used and not used - set(M.CATALOGUE)  # en/zh and placeholders: tests/test_catalogues.py
    assert M.MonthEndError("month_end.no_orders").render("zh").startswith("没有提供订单文件")


def test_chart_images_escape_their_labels_and_use_round_axes():
    import base64

    from tkops.jobs.month_end.charts import BAR_TEMPLATE, TREND_TEMPLATE, bar_chart, nice, svg_uri, trend_chart

    uri = svg_uri(BAR_TEMPLATE, bar_chart([("<script>alert(1)</script>", 3), ("Size & fit", 1)], str))
    svg = base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")
    assert "<script" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg and "Size &amp; fit" in svg
    trend = trend_chart(["2026-12", "2027-01"], [9, 7], [0.3, None], bar_label="<b>", line_label="x",
                        bar_shown=str, line_shown=str)
    svg = base64.b64decode(svg_uri(TREND_TEMPLATE, trend).split(",", 1)[1]).decode("utf-8")
    assert "&lt;b&gt;" in svg and [c["year"] for c in trend["columns"]] == ["2026", "2027"]
    assert len(trend["points"]) == 1 and [t["left"] for t in trend["ticks"]] == ["0.0", "5.0", "10.0"]
    assert [nice(v) for v in (0, 0.03, 9, 10, 11, 1234)] == [1.0, 0.05, 10.0, 10.0, 20.0, 2000.0]


def test_lines_find_their_orders_month_and_undated_shipments_count_in_it():
    """Each line takes its order's month (the order's first line decides, as for the order counts); a line shipped
    without a Shipped Time counts in its order's month; an order paid in another month counts in neither."""
    from tkops.jobs.month_end.run import month_end_figures

    t = dt.datetime

    def line(order, sku, qty, paid, shipped=None):
        return {"key": f"{order}|{sku}|0", "order_id": order, "sku_id": sku, "seller_sku": f"S{sku}",
                "quantity": qty, "order_status": "Shipped", "currency": "USD", "order_amount": 10.0 * qty,
                "paid_time": paid, "created_time": paid, "shipped_time": shipped}

    lines = pd.DataFrame([line("A", "1", 2, t(2026, 11, 3, 9), t(2026, 11, 4, 9)), line("A", "2", 1, t(2026, 11, 3, 9)),
                          line("B", "1", 5, t(2026, 10, 30, 9)), line("C", "2", 4, t(2026, 12, 1, 9)),
                          line("D", "1", 3, t(2026, 11, 20, 9), t(2026, 12, 2, 9))])
    cases = pd.DataFrame(columns=["case_id", "order_id", "case_type", "cause", "seller_fault", "cause_owner"])
    report = month_end_figures("2026-11", lines, cases, Settings(market="US"), now=t(2026, 12, 3))
    assert (report.figures["orders"], report.figures["lines"], report.figures["units"]) == (2, 3, 6)
    shipped = report.pivots.sku_health.set_index("sku")["units_shipped"].to_dict()
    assert shipped == {"S1": 2, "S2": 1}  # D shipped in December, B and C are other months' orders


def test_classifying_cases_leaves_the_cases_given_as_they_were():
    from tkops.jobs.month_end.run import classify

    cases = pd.DataFrame({"case_id": ["1", "2", "3"], "reason": ["Damaged item", "Wrong size", "Other"],
                          "case_type": ["", "wrong_item", "not a type"], "source": ["", "Team", "Team"],
                          "cause": [None, "", "logistics"], "buyer_note": ["", "", "it never arrived"]})
    before = cases.copy(deep=True)
    out = classify(cases)
    pd.testing.assert_frame_equal(cases, before, check_exact=True)
    assert out["case_type"].tolist()[1] == "wrong_item" and out.loc[1, "cause"] != ""
    out.loc[0, "reason"] = "changed"  # what a caller does with the result touches none of the cases given
    assert cases.loc[0, "reason"] == "Damaged item"
