"""After-sales summary: the pivots that feed sourcing, listings and ads, the job behind ``tkops summary`` and the
Summary button.

Reads the AfterSales cases, the Orders lines (units shipped, carriers), the Reviews sheet (negative-review rate),
Inventory (unit costs) and the CauseActions sheet (what to do per cause, and who), and writes the AfterSalesSummary
sheet: the top SKU-cause pairs with their action and owner, then cases and cost by cause x SKU, cause x month, case
type x carrier, and the return rate per SKU. A chart workbook (cases by cause, the monthly trend) goes to the
Output Folder: charts stay out of the team's workbook, which tkops edits cell by cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tkops.aftersales.actions import ACTIONS_SHEET, ActionTable
from tkops.aftersales.month_end_catalogue import currency_label
from tkops.aftersales.pivots import Pivots, summarise
from tkops.aftersales.reasons import CASE_TYPES, CAUSES, OWNERS, label
from tkops.aftersales.reviews import read_reviews
from tkops.book.layout import (
    AFTERSALES_SUMMARY,
    CAUSE_ACTIONS,
    INVENTORY,
    REVIEWS,
    SUMMARY_CAUSE_COL,
    SUMMARY_CHART_ROWS,
    SUMMARY_MONTH_COL,
)
from tkops.book.safety import atomic_target
from tkops.book.protocol import Book
from tkops.errors import DataError
from tkops.jobs.lines import order_lines
from tkops.jobs.month_end.month_lines import LINE_COLUMNS as SUMMARY_KEYS  # the columns the pivots read
from tkops.jobs.sheets import read_cases
from tkops.jobs.team_sheets import rows_or_defaults
from tkops.messages import render
from tkops.output import output_folder, stamped
from tkops.settings import Settings

CHART_CAUSE_COL, CHART_MONTH_COL, CHART_ROWS = SUMMARY_CAUSE_COL, SUMMARY_MONTH_COL, SUMMARY_CHART_ROWS


#: SKU-cause pairs named in the run's summary; the sheet lists them all.
PAIRS_SHOWN = 5


@dataclass
class SummaryReport:
    """The pivots written and where the charts went."""

    pivots: Pivots
    charts: Path | None

    def lines(self, lang: str) -> list[str]:
        top = self.pivots.top_pairs
        shown = top.head(PAIRS_SHOWN)
        key = "summary_done_some" if len(top) > len(shown) else "summary_done"
        out = [render(key, lang, cases=len(self.pivots.prepared), pairs=len(top), shown=len(shown))]
        for r in shown.itertuples():
            out.append(f"  {r.rank}. {r.sku} · {label(CAUSES, r.cause, lang)} · {r.cases} · "
                       f"{r.action_zh if lang == 'zh' else r.action_en}")
        if self.charts:
            out.append(render("summary_charts", lang, file=self.charts))
        return out


def run_summary(book: Book, settings: Settings, out: str | Path | None = None, now: dt.datetime | None = None,
                *, top: int = 20) -> SummaryReport:
    """Write the AfterSalesSummary sheet (and the chart workbook) from the book's cases."""
    now = now or settings.shop_now()
    view = read_cases(book)
    if view.empty:
        raise DataError("no_cases", book=view.name)
    cases = view.cases
    lines = order_lines(book, SUMMARY_KEYS)  # Orders + history: a year of returns against a year of sales
    if lines.empty:
        lines = pd.DataFrame(columns=["order_id"])
    actions_rows = rows_or_defaults(book, CAUSE_ACTIONS)
    reviews = _reviews(book.read_rows(REVIEWS.name))
    pivots = summarise(cases, lines, reviews=reviews, actions=ActionTable.from_sheet_rows(actions_rows),
                       unit_costs=_unit_costs(book.read_rows(INVENTORY.name)), top=top)
    rows, bold = summary_grid(pivots, settings.lang, now)
    book.write_grid(AFTERSALES_SUMMARY, rows, bold, widths={1: 22, 2: 18, 3: 30, 4: 18, 9: 60, 10: 60})
    book.save()
    charts = stamped(output_folder(book.path, settings, out), "After-sales charts", now, ".xlsx")
    write_charts(pivots, charts, settings.lang)
    return SummaryReport(pivots, charts)


def summary_grid(p: Pivots, lang: str, now: dt.datetime) -> tuple[list[list], frozenset[int]]:
    """The AfterSalesSummary sheet as rows of cells, and which rows are headings (pure)."""
    rows: list[list] = [[render("aftersales_summary_title", lang)], [render("summary_made", lang, time=f"{now:%Y-%m-%d %H:%M}")]]
    bold = {0}

    def block(title: str, headers: list[str], body: list[list]) -> None:
        rows.append([])
        bold.add(len(rows))
        rows.append([render(title, lang)])
        bold.add(len(rows))
        rows.append(headers)
        rows.extend(body or [[render("summary_none", lang)]])

    def cause(key) -> str:
        return label(CAUSES, key, lang)

    def money(v):
        return None if pd.isna(v) else round(float(v), 2)

    def rate(v):
        return None if pd.isna(v) else f"{float(v):.1%}"

    def cur(v) -> str:  # amounts of cases whose currency nobody knows: shown apart, never as a blank
        return currency_label(v, lang)

    h = _headers(lang)
    block("summary_top", h["top"], [
        [r.rank, r.sku, r.product_name, cause(r.cause), r.cases, rate(r.return_rate), money(r.cost), cur(r.currency),
         r.action_zh if lang == "zh" else r.action_en,
         ", ".join(label(OWNERS, o.strip(), lang) for o in str(r.owners).split(",") if o.strip())]
        for r in p.top_pairs.itertuples()])
    block("summary_cause_sku", h["cause_sku"], [
        [cause(r.cause), r.sku, r.product_name, cur(r.currency), r.cases, r.units, money(r.refund_cost),
         money(r.reship_cost), money(r.cost)] for r in p.cause_by_sku.itertuples()])
    block("summary_cause_month", h["cause_month"], [
        [r.month, cause(r.cause), cur(r.currency), r.cases, r.units, money(r.refund_cost), money(r.reship_cost),
         money(r.cost)] for r in p.cause_by_month.itertuples()])
    block("summary_type_carrier", h["type_carrier"], [
        [label(CASE_TYPES, r.case_type, lang), r.carrier or "-", cur(r.currency), r.cases, r.units, money(r.refund_cost),
         money(r.reship_cost), money(r.cost)] for r in p.type_by_carrier.itertuples()])
    block("summary_sku_health", h["sku_health"], [
        [r.sku, r.product_name, cur(r.currency), r.units_shipped, r.cases, rate(r.return_rate), money(r.refund_cost),
         rate(r.refund_rate), r.negative_reviews, rate(r.negative_review_rate), money(r.cost), cause(r.top_cause)]
        for r in p.sku_health.itertuples()])
    _chart_data(rows, p, lang)
    return [[_plain(v) for v in row] for row in rows], frozenset(bold)


def _chart_data(rows: list[list], p: Pivots, lang: str) -> None:
    """Put the charts' data at their fixed cells (see CHART_CAUSE_COL): the top causes and the last months."""
    by_cause = p.cause_by_sku.groupby("cause", sort=False)["cases"].sum().sort_values(ascending=False)
    by_month = p.cause_by_month.groupby("month")["cases"].sum().sort_index().tail(CHART_ROWS)
    blocks = ((CHART_CAUSE_COL, [render("summary_col_cause", lang), render("summary_col_cases", lang)],
               [(label(CAUSES, k, lang), int(n)) for k, n in by_cause.head(CHART_ROWS).items()]),
              (CHART_MONTH_COL, [render("summary_col_month", lang), render("summary_col_cases", lang)],
               [(str(k), int(n)) for k, n in by_month.items()]))
    while len(rows) < CHART_ROWS + 1:
        rows.append([])
    for col, header, body in blocks:
        for r, pair in enumerate([tuple(header)] + body):
            row = rows[r]
            row.extend([None] * (col + 2 - len(row)))
            row[col], row[col + 1] = pair


def write_charts(p: Pivots, path: Path, lang: str) -> Path:
    """A small workbook with two native Excel charts: cases by cause, and cases per month by cause."""
    import xlsxwriter

    by_cause = p.cause_by_sku.groupby("cause", sort=False)["cases"].sum().sort_values(ascending=False)
    trend = p.cause_by_month.pivot_table(index="month", columns="cause", values="cases", aggfunc="sum",
                                         fill_value=0).sort_index()
    with atomic_target(path) as tmp:
        workbook = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False})
        ws = workbook.add_worksheet(render("summary_chart_sheet", lang)[:31])
        bold = workbook.add_format({"bold": True})
        ws.write_row(0, 0, [render("summary_col_cause", lang), render("summary_col_cases", lang)], bold)
        for i, (key, n) in enumerate(by_cause.items(), start=1):
            ws.write_string(i, 0, label(CAUSES, key, lang))
            ws.write_number(i, 1, int(n))
        chart = workbook.add_chart({"type": "bar"})
        chart.add_series({"name": render("summary_col_cases", lang), "categories": [ws.name, 1, 0, len(by_cause), 0],
                          "values": [ws.name, 1, 1, len(by_cause), 1], "fill": {"color": "#FE2C55"}})
        chart.set_title({"name": render("summary_chart_causes", lang)})
        chart.set_legend({"none": True})
        chart.set_y_axis({"reverse": True})  # the biggest cause on top, as in the table
        ws.insert_chart(0, 3, chart, {"x_scale": 1.3, "y_scale": 1.1})
        top = len(by_cause) + 3
        ws.write_row(top, 0, [render("summary_col_month", lang)] + [label(CAUSES, c, lang) for c in trend.columns],
                     bold)
        for i, (month, counts) in enumerate(trend.iterrows(), start=top + 1):
            ws.write_string(i, 0, str(month))
            ws.write_row(i, 1, [int(v) for v in counts])
        line = workbook.add_chart({"type": "column", "subtype": "stacked"})
        for j in range(len(trend.columns)):
            line.add_series({"name": [ws.name, top, j + 1], "categories": [ws.name, top + 1, 0, top + len(trend), 0],
                             "values": [ws.name, top + 1, j + 1, top + len(trend), j + 1]})
        line.set_title({"name": render("summary_chart_trend", lang)})
        ws.insert_chart(top, len(trend.columns) + 3, line, {"x_scale": 1.3, "y_scale": 1.1})
        ws.set_column(0, 0, 24)
        ws.set_column(1, max(len(trend.columns), 1), 14)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        workbook.close()
    return path


def _headers(lang: str) -> dict[str, list[str]]:
    def cols(*keys: str) -> list[str]:
        return [render(f"summary_col_{k}", lang) for k in keys]

    money = ("refund", "reship", "cost")
    return {"top": cols("rank", "sku", "product", "cause", "cases", "return_rate", "cost", "currency", "action",
                        "owners"),
            "cause_sku": cols("cause", "sku", "product", "currency", "cases", "units", *money),
            "cause_month": cols("month", "cause", "currency", "cases", "units", *money),
            "type_carrier": cols("case_type", "carrier", "currency", "cases", "units", *money),
            "sku_health": cols("sku", "product", "currency", "shipped", "cases", "return_rate", "refund",
                               "refund_rate", "negative", "negative_rate", "cost", "top_cause")}


def _plain(value):
    """Cells as the backends write them: numpy numbers to Python numbers, blanks to None."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _reviews(rows) -> pd.DataFrame | None:
    if not rows or len(rows) < 2:
        return None
    reviews = read_reviews(rows)
    return reviews[["order_id", "rating"]] if len(reviews) else None


def _unit_costs(rows) -> pd.Series | None:
    if not rows or len(rows) < 2:
        return None
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    if "Seller SKU" not in header or "Unit Cost" not in header:
        return None
    sku, cost = header.index("Seller SKU"), header.index("Unit Cost")
    pairs = [(str(r[sku]).strip(), r[cost]) for r in rows[1:] if len(r) > max(sku, cost) and r[sku] not in (None, "")]
    series = pd.Series({k: v for k, v in pairs}, dtype=object)
    return pd.to_numeric(series, errors="coerce").dropna()


__all__ = ["run_summary", "summary_grid", "write_charts", "SummaryReport", "ACTIONS_SHEET"]
