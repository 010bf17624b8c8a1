"""The month-end HTML summary: key figures, the charts (SVG, :mod:`tkops.jobs.month_end.charts`) and the first rows of the
report's main tables, through ``month_end/summary.html.j2`` (jinja2, autoescaped: buyer and seller text is never
markup; the team's templates folder is searched first).
"""

from __future__ import annotations

import math

import pandas as pd

from tkops.aftersales.month_end_catalogue import currency_label, header
from tkops.aftersales.month_end_catalogue import text as say
from tkops.jobs.month_end.charts import (
    BAR_TEMPLATE,
    CAUSE_COLOURS,
    TREND_TEMPLATE,
    bar_chart,
    svg_uri,
    trend_chart,
)
from tkops.jobs.month_end.report import SHEETS, frame_of, summary_rows
from tkops.templating import render

HTML_TEMPLATE = "month_end/summary.html.j2"
#: Every template the summary renders.
TEMPLATES = (HTML_TEMPLATE, BAR_TEMPLATE, TREND_TEMPLATE)
#: The SKU health columns the HTML summary shows (the sheet has them all).
HEALTH_HTML = (("sku", "text"), ("product_name", "text"), ("currency", "text"), ("units_shipped", "int"),
               ("cases", "int"), ("return_rate", "pct"), ("refund_cost", "money"), ("refund_rate", "pct"),
               ("negative_review_rate", "pct"), ("top_cause", "text"))


def show(value, kind: str) -> str:
    """A figure as the HTML summary shows it (``-`` when there is none)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return {"int": "{:,.0f}", "money": "{:,.2f}", "pct": "{:.1%}", "hours": "{:,.1f}"}.get(kind, "{}").format(value)


def _html_table(frame: pd.DataFrame, columns, lang: str, limit: int) -> dict:
    shown = frame.head(limit)
    rows = [[show(v, kind) if kind != "text" else ("" if v is None or v != v else str(v))
             for v, (_k, kind) in zip(r, columns)] for r in shown[[k for k, _ in columns]].itertuples(index=False)]
    more = say("month_end.more", lang, n=len(frame) - limit) if len(frame) > limit else ""
    return {"headers": [header(k, lang) for k, _ in columns], "rows": rows, "more": more,
            "classes": [("num " if kind != "text" else "") + key for key, kind in columns]}


def html_context(report, lang: str = "en", extra_folder: str = "") -> dict:
    """What the HTML template reads: title, notes, key figures, tables (first rows) and chart images."""
    f, table = report.figures, lambda sheet, n: _html_table(frame_of(report, SHEETS[sheet][1], lang),
                                                             SHEETS[sheet][2], lang, n)
    causes = frame_of(report, "causes", lang)
    charts = {"causes": "", "trend": ""}
    if len(causes):
        main = causes["currency"].value_counts().index[0]
        part = causes["currency"] == main
        colours = [CAUSE_COLOURS.get(k, "#999999") for k in report.causes.loc[part, "cause"]]
        bars = list(zip(causes.loc[part, "cause"], causes.loc[part, "cases"]))
        charts["causes"] = svg_uri(BAR_TEMPLATE, bar_chart(bars, lambda v: show(v, "int"), colours=colours),
                                   extra_folder)
    trend = report.trend
    if len(trend):
        main = trend["currency"].value_counts().index[0]
        t = trend[trend["currency"] == main]
        charts["trend"] = svg_uri(TREND_TEMPLATE, trend_chart(
            list(t["month"]), list(t["orders"]), [None if r != r else r for r in t["return_rate"]],
            bar_label=say("month_end.chart.trend_orders", lang), line_label=say("month_end.chart.trend_rate", lang),
            bar_shown=lambda v: show(v, "int"), line_shown=lambda v: show(v, "pct")), extra_folder)
    def per_currency(code: str) -> list[tuple[str, str]]:
        return [(f"{say(f'month_end.f.{code}', lang)} ({currency_label(c, lang)})", show(v[code], "money"))
                for c, v in f["currencies"].items()]

    cards = [(say("month_end.f.orders", lang), show(f["orders"], "int")), *per_currency("sales"),
             (say("month_end.f.cancellation_rate", lang), show(f["cancellation_rate"], "pct")),
             (say("month_end.f.return_rate", lang), show(f["return_rate"], "pct")), *per_currency("refund_cost"),
             (say("month_end.f.median_hours", lang), show(f["median_hours"], "hours"))]
    summary: dict[str, list] = {}
    for section, name, value, currency, kind in summary_rows(report, lang):
        summary.setdefault(section, []).append((name, show(value, kind), currency))
    actions = frame_of(report, "pivots.actions_by_owner", lang)
    owners = [{"owner": o, "table": _html_table(part, SHEETS["Actions"][2][1:], lang, 10)}
              for o, part in actions.groupby("owner", sort=False)]
    made = report.made.strftime("%Y-%m-%d %H:%M") if report.made else ""
    kinds = [r.kind for r in report.files]
    return {"lang": "zh-CN" if lang == "zh" else "en", "title": say("month_end.title", lang, month=report.month),
            "made": say("month_end.made", lang, when=made, orders=kinds.count("orders"),
                        returns=kinds.count("returns")),
            "notes": say("month_end.notes", lang), "cards": cards, "summary": list(summary.items()), "charts": charts,
            "warnings": list(report.warnings), "owners": owners, "nothing": say("month_end.none", lang),
            "h": {k: say(f"month_end.h.{k}", lang) for k in ("figures", "causes", "trend", "cancellations", "health",
                                                              "actions", "carriers", "response")},
            "cancellations": table("Cancellations", 10),
            "health": _html_table(frame_of(report, "pivots.sku_health", lang), HEALTH_HTML, lang, 15),
            "carriers": table("Type by carrier", 10), "response": table("Response times", 12),
            "causes_table": table("Returns by cause", 12)}


def render_html(report, lang: str = "en", extra_folder: str = "") -> str:
    """The HTML summary (``month_end/summary.html.j2``; the team's templates folder is searched first)."""
    return render(HTML_TEMPLATE, html_context(report, lang, extra_folder), extra_folder)
