"""Writing a month-end report (:class:`tkops.jobs.month_end.MonthEndReport`): the report workbook (XlsxWriter, one Excel
table per sheet, native charts of the causes and the monthly trend) and, through :mod:`tkops.jobs.month_end.html`, the
HTML summary. Text is written as text: never a formula or a link.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import xlsxwriter

from tkops.aftersales.month_end_catalogue import currency_label, header
from tkops.aftersales.month_end_catalogue import text as say
from tkops.aftersales.reasons import CASE_TYPES, CAUSES, OWNERS, label
from tkops.book.cells import column_values
from tkops.book.printing import xlsxwriter_print_setup
from tkops.book.safety import atomic_target
from tkops.book.xlsx_new import HEADER_STYLE, WORKBOOK_OPTIONS
from tkops.clocks import KPI_KEYS, kpi_rows
from tkops.jobs.month_end.charts import CAUSE_COLOURS
from tkops.output import output_folder, stamped
from tkops.schema import Kind

LARGE = 50_000  # rows: a larger sheet is streamed (constant_memory) and gets an autofilter instead of a table
FORMATS = {"int": "#,##0", "money": "#,##0.00", "pct": "0.0%", "hours": "0.0", "text": None}
KINDS = {"int": Kind.INT, "money": Kind.MONEY, "pct": Kind.NUMBER, "hours": Kind.NUMBER, "text": Kind.TEXT}
KPI_SHARES = {"review_share", "dispatch_share", "ldr"}
COSTS = (("refund_cost", "money"), ("reship_cost", "money"), ("cost", "money"))
#: Sheet -> (table name, report frame, columns (key, kind)); sheets in tab order after Summary.
SHEETS = {
    "Cancellations": ("Cancellations", "cancellations", (("reason", "text"), ("cancel_by", "text"),
                      ("case_type", "text"), ("cause", "text"), ("currency", "text"), ("orders", "int"),
                      ("amount", "money"), ("share", "pct"))),
    "Returns by cause": ("ReturnsByCause", "causes", (("cause", "text"), ("currency", "text"), ("cases", "int"),
                         ("units", "int"), *COSTS, ("share", "pct"))),
    "Cause by SKU": ("CauseBySku", "pivots.cause_by_sku", (("cause", "text"), ("sku", "text"),
                     ("product_name", "text"), ("currency", "text"), ("cases", "int"), ("units", "int"), *COSTS)),
    "Cause by month": ("CauseByMonth", "pivots.cause_by_month", (("month", "text"), ("cause", "text"),
                       ("currency", "text"), ("cases", "int"), ("units", "int"), *COSTS)),
    "Type by carrier": ("TypeByCarrier", "pivots.type_by_carrier", (("case_type", "text"), ("carrier", "text"),
                        ("currency", "text"), ("cases", "int"), ("units", "int"), *COSTS)),
    "SKU health": ("SkuHealth", "pivots.sku_health", (("sku", "text"), ("product_name", "text"), ("currency", "text"),
                   ("units_shipped", "int"), ("sales", "money"), ("cases", "int"), ("return_rate", "pct"),
                   ("refund_cost", "money"), ("refund_rate", "pct"), ("reviews", "int"), ("negative_reviews", "int"),
                   ("negative_review_rate", "pct"), ("reship_cost", "money"), ("cost", "money"),
                   ("top_cause", "text"))),
    "Actions": ("Actions", "pivots.actions_by_owner", (("owner", "text"), ("rank", "int"), ("sku", "text"),
                ("product_name", "text"), ("cause", "text"), ("cases", "int"), ("cost", "money"),
                ("currency", "text"), ("action", "text"))),
    "Response times": ("ResponseTimes", "response", (("case_type", "text"), ("cases", "int"), ("closed", "int"),
                       ("open", "int"), ("median_hours", "hours"), ("p90_hours", "hours"), ("mean_hours", "hours"))),
    "Trend": ("Trend", "trend", (("month", "text"), ("currency", "text"), ("orders", "int"), ("cancelled", "int"),
              ("sales", "money"), ("cases", "int"), ("return_rate", "pct"), ("refund_cost", "money"),
              ("reship_cost", "money"))),
    "Reorder": ("Reorder", "reorder", (("supplier", "text"), ("sku", "text"), ("product_name", "text"),
                ("on_hand", "int"), ("on_order", "int"), ("sold_30d", "int"), ("velocity", "hours"),
                ("days_of_cover", "hours"), ("suggested_qty", "int"))),
    "Files": ("Files", "files", (("file", "text"), ("kind", "text"), ("rows", "int"), ("skipped", "int"),
              ("duplicates", "int"))),
}
WIDTHS = {"product_name": 34, "action": 70, "reason": 30, "sku": 18, "file": 36, "figure": 44, "section": 22}


def frame_of(report, name: str, lang: str = "en") -> pd.DataFrame:
    """The report's table ``name`` (a :data:`SHEETS` source) with keys turned into labels in ``lang``."""
    if name == "files":
        frame = pd.DataFrame([(f.path.name, f.kind, f.rows, f.skipped, f.duplicates) for f in report.files],
                             columns=["file", "kind", "rows", "skipped", "duplicates"])
    else:
        frame = getattr(report.pivots, name.split(".")[1]) if "." in name else getattr(report, name)
    frame = frame.copy()
    for key, vocab in (("cause", CAUSES), ("top_cause", CAUSES), ("case_type", CASE_TYPES), ("owner", OWNERS)):
        if key in frame:
            frame[key] = frame[key].map(lambda k, v=vocab: label(v, k, lang) if k else "")
    if "action_en" in frame:
        frame["action"] = frame["action_zh" if lang == "zh" else "action_en"]
    if "carrier" in frame:
        frame["carrier"] = frame["carrier"].replace("", "-")
    if "supplier" in frame:
        frame["supplier"] = frame["supplier"].fillna("-")
    if "currency" in frame:
        frame["currency"] = frame["currency"].map(lambda c: currency_label(c, lang))
    return frame


def summary_rows(report, lang: str = "en") -> list[tuple[str, str, object, str, str]]:
    """The Summary sheet: (section, figure, value, currency, kind) rows; money once per currency."""
    f, rows = report.figures, []

    def add(section, code, value, kind="int", currency=""):
        rows.append((say(f"month_end.h.{section}", lang), say(f"month_end.f.{code}", lang), value, currency, kind))

    for code in ("orders", "lines", "units", "cancelled"):
        add("sales", code, f[code])
    add("sales", "cancellation_rate", f["cancellation_rate"], "pct")
    for currency, c in f["currencies"].items():
        add("sales", "sales", c["sales"], "money", currency_label(currency, lang))
    for code, kind in (("cases", "int"), ("returned_units", "int"), ("return_rate", "pct")):
        add("returns", code, f[code], kind)
    for currency, c in f["currencies"].items():
        for code, kind in (("refund_cost", "money"), ("reship_cost", "money"), ("refund_rate", "pct")):
            add("returns", code, c[code], kind, currency_label(currency, lang))
    for code in ("closed", "open", "median_hours", "p90_hours", "mean_hours"):
        add("response", code, f[code], "hours" if code.endswith("hours") else "int")
    if f["kpis"].get("orders") is not None:
        section = say("month_end.h.kpis", lang)
        for key, (name, value) in zip(KPI_KEYS, kpi_rows(f["kpis"], lang)):
            rows.append((section, name, value, "", "pct" if key in KPI_SHARES else "int"))
    return rows


def _cell(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def write_workbook(report, path: Path, lang: str = "en") -> None:
    """The report workbook: Summary (figures, notes, the causes chart), then one table per :data:`SHEETS` entry;
    native charts of the causes and of the monthly trend (the currency with most orders)."""
    frames = {sheet: frame_of(report, source, lang) for sheet, (_t, source, _c) in SHEETS.items()}
    large = max(len(f) for f in frames.values()) > LARGE
    workbook = xlsxwriter.Workbook(str(path), {**WORKBOOK_OPTIONS, "constant_memory": large})
    workbook.set_properties({"title": say("month_end.title", lang, month=report.month),
                             **({"created": report.made} if report.made else {})})
    formats = {k: workbook.add_format({"num_format": v}) for k, v in FORMATS.items() if v}
    head = workbook.add_format(HEADER_STYLE)
    bold = workbook.add_format({"bold": True, "font_size": 14})
    notes = [n for n in re.split(r"(?<=[.。])\s*", say("month_end.notes", lang)) if n]

    ws = summary = workbook.add_worksheet("Summary")
    rows = summary_rows(report, lang)
    for c, (key, width) in enumerate((("section", 22), ("figure", 44), ("value", 14), ("currency", 10))):
        ws.set_column(c, c, width)
    ws.set_column(5, 5, 90)
    ws.write_row(0, 0, [header(k, lang) for k in ("section", "figure", "value", "currency")], head)
    ws.write_string(0, 5, say("month_end.title", lang, month=report.month), bold)
    for r, (section, name, value, currency, kind) in enumerate(rows, start=1):
        ws.write_row(r, 0, [section, name])
        ws.write(r, 2, _cell(value), formats.get(kind))
        ws.write(r, 3, currency or None)
        if r <= len(notes):
            ws.write_string(r, 5, notes[r - 1])
    _table(ws, "MonthSummary", len(rows), 4, [header(k, lang) for k in ("section", "figure", "value", "currency")],
           large, head)
    xlsxwriter_print_setup(ws, max(len(rows), len(notes) + 22), 5)
    for sheet, (table, _source, columns) in SHEETS.items():
        ws = workbook.add_worksheet(sheet)
        frame = frames[sheet]
        for c, (key, kind) in enumerate(columns):
            ws.set_column(c, c, WIDTHS.get(key, 13), formats.get(kind))
        names = [header(k, lang) for k, _kind in columns]
        ws.write_row(0, 0, names, head)
        values = [column_values(frame[k], KINDS[kind]) for k, kind in columns]
        for r, row in enumerate(zip(*values), start=1):
            ws.write_row(r, 0, row)
        _table(ws, table, len(frame), len(columns), names, large, head)
        ws.freeze_panes(1, 0)
        charted = sheet in ("Returns by cause", "Trend") and len(frame)
        xlsxwriter_print_setup(ws, max(len(frame), 1), len(columns) - 1 + (10 if charted else 0))
        if sheet == "Returns by cause" and len(frame):
            keys = list(report.causes["cause"])
            _causes_chart(workbook, ws, frame, keys, report.month, lang)
            _causes_chart(workbook, summary, frame, keys, report.month, lang, (len(notes) + 2, 5))
        if sheet == "Trend" and len(frame):
            _trend_chart(workbook, ws, frame, lang)
    workbook.close()


def _table(ws, name: str, n: int, width: int, names: list[str], large: bool, head) -> None:
    if large:
        ws.autofilter(0, 0, max(n, 1), width - 1)
    else:
        ws.add_table(0, 0, max(n, 1), width - 1, {"name": name, "style": "Table Style Medium 2",
                                                  "columns": [{"header": h, "header_format": head} for h in names]})


def _block(frame: pd.DataFrame) -> tuple[int, int]:
    """First and last sheet row of the currency with most rows' block (frames are sorted by currency)."""
    main = frame["currency"].value_counts().index[0]
    rows = [i + 1 for i, c in enumerate(frame["currency"]) if c == main]
    return rows[0], rows[-1]


def _causes_chart(workbook, ws, frame: pd.DataFrame, causes: list[str], month: str, lang: str,
                  at: tuple[int, int] = (1, 10)) -> None:
    first, last = _block(frame)
    chart = workbook.add_chart({"type": "bar"})
    colours = [CAUSE_COLOURS.get(k, "#999999") for k in causes[first - 1:last]]
    chart.add_series({"name": header("cases", lang), "categories": ["Returns by cause", first, 0, last, 0],
                      "values": ["Returns by cause", first, 2, last, 2], "data_labels": {"value": True},
                      "points": [{"fill": {"color": c}} for c in colours]})
    chart.set_title({"name": f"{say('month_end.h.causes', lang)} {month}"})
    chart.set_legend({"none": True})
    chart.set_y_axis({"reverse": True})
    ws.insert_chart(*at, chart, {"x_scale": 1.3, "y_scale": 1.2})


def _trend_chart(workbook, ws, frame: pd.DataFrame, lang: str) -> None:
    first, last = _block(frame)
    columns = workbook.add_chart({"type": "column"})
    columns.add_series({"name": header("orders", lang), "categories": ["Trend", first, 0, last, 0],
                        "values": ["Trend", first, 2, last, 2], "fill": {"color": "#0072B2"}})
    line = workbook.add_chart({"type": "line"})
    line.add_series({"name": header("return_rate", lang), "categories": ["Trend", first, 0, last, 0],
                     "values": ["Trend", first, 6, last, 6], "y2_axis": True, "marker": {"type": "circle"},
                     "line": {"color": "#D55E00"}})
    columns.combine(line)
    columns.set_title({"name": say("month_end.h.trend", lang)})
    columns.set_y_axis({"name": header("orders", lang)})
    line.set_y2_axis({"name": header("return_rate", lang), "num_format": "0.0%"})
    columns.set_legend({"position": "bottom"})
    ws.insert_chart(1, 10, columns, {"x_scale": 1.4, "y_scale": 1.2})


def write_report(report, out: Path, settings, step=None) -> None:
    """Write ``month-end YYYY-MM <time>.xlsx`` and ``.html`` into ``out`` (each through a temporary file);
    the paths go into ``report.workbook`` and ``report.html``."""
    folder = output_folder(Path(out), settings, out)
    path = stamped(folder, f"month-end {report.month}", report.made, ".xlsx")
    if step:
        step(say("month_end.progress.workbook", settings.lang))
    with atomic_target(path) as tmp:
        write_workbook(report, tmp, settings.lang)
    report.workbook = path
    if step:
        step(say("month_end.progress.html", settings.lang))
    html = path.with_suffix(".html")
    from tkops.jobs.month_end.html import render_html

    page = render_html(report, settings.lang, settings.templates_folder)
    with atomic_target(html) as tmp:
        tmp.write_text(page, encoding="utf-8")
    report.html = html
