"""The two charts of the AfterSalesSummary sheet in tkops.xlsm: cases by cause and cases per month.

They read fixed cells (:data:`tkops.book.layout.SUMMARY_CAUSE_COL` ...) that ``tkops summary`` and the Summary button
fill; Excel keeps the charts when the button rewrites the cells. Workbooks the commands edit with openpyxl get the
same charts in a separate file instead (:func:`tkops.jobs.summary.write_charts`): openpyxl would not keep them.
"""

from __future__ import annotations

from tkops.book.layout import SUMMARY_CAUSE_COL, SUMMARY_CHART_ROWS, SUMMARY_MONTH_COL

ACCENT = "#FE2C55"
INK = "#161823"


def summary_charts(workbook, ws, sheet: str) -> None:
    """Add the two charts to the (XlsxWriter) AfterSalesSummary worksheet ``ws``, to the right of the data."""
    last = SUMMARY_CHART_ROWS
    causes = workbook.add_chart({"type": "bar"})
    causes.add_series({"name": "Cases", "categories": [sheet, 1, SUMMARY_CAUSE_COL, last, SUMMARY_CAUSE_COL],
                       "values": [sheet, 1, SUMMARY_CAUSE_COL + 1, last, SUMMARY_CAUSE_COL + 1],
                       "fill": {"color": ACCENT}})
    causes.set_title({"name": "按原因的案例数  Cases by cause", "name_font": {"size": 11, "color": INK}})
    causes.set_legend({"none": True})
    causes.set_y_axis({"reverse": True})
    months = workbook.add_chart({"type": "column"})
    months.add_series({"name": "Cases", "categories": [sheet, 1, SUMMARY_MONTH_COL, last, SUMMARY_MONTH_COL],
                       "values": [sheet, 1, SUMMARY_MONTH_COL + 1, last, SUMMARY_MONTH_COL + 1],
                       "fill": {"color": INK}})
    months.set_title({"name": "每月案例数  Cases per month", "name_font": {"size": 11, "color": INK}})
    months.set_legend({"none": True})
    col = SUMMARY_MONTH_COL + 3
    ws.insert_chart(0, col, causes, {"x_scale": 1.2, "y_scale": 1.0})
    ws.insert_chart(16, col, months, {"x_scale": 1.2, "y_scale": 1.0})
