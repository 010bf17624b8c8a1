"""The month-end's figures that need the order lines alone: the month and its trend's first moment, each order's
month, amount and state, the month's lines and their fulfilment KPIs (:func:`line_figures`). The figures of the
cases are :mod:`tkops.jobs.month_end.run`'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tkops.aftersales import pivots as P
from tkops.aftersales.month_end_catalogue import MonthEndError
from tkops.cells.times import month_days
from tkops.clocks import KPI_KEYS, SlaTable, kpis
from tkops.schema import ORDER_LEVEL_KEYS, orders_of
from tkops.settings import Settings

TREND_MONTHS = 12


def parse_month(month: str) -> tuple[dt.date, dt.date]:
    """The first day of ``YYYY-MM`` and of the month after; a bad month is a :class:`MonthEndError`."""
    days = month_days(month)
    if days is None:
        raise MonthEndError("month_end.bad_month", value=month)
    return days


def trend_start(month: str) -> dt.datetime:
    """The first moment of the trend's first month (:data:`TREND_MONTHS` months ending with ``month``)."""
    start, _end = parse_month(month)
    index = start.year * 12 + start.month - 1 - (TREND_MONTHS - 1)
    return dt.datetime(index // 12, index % 12 + 1, 1)


def orders_table(lines: pd.DataFrame, first: np.ndarray | None = None) -> pd.DataFrame:
    """One row per order: month number (paid; created when the file has no Paid Time), cancelled, net amount.
    ``first``: each order's first line (:func:`order_of_lines`), when known."""
    o = orders_of(lines) if first is None else lines[[k for k in ORDER_LEVEL_KEYS if k in lines]].iloc[first] \
        .reset_index(drop=True)
    status = P.text(o, "order_status")
    cancelled = status.eq("Cancelled")
    paid = o["paid_time"] if "paid_time" in o else pd.Series(pd.NaT, index=o.index)
    created = o["created_time"] if "created_time" in o else pd.Series(pd.NaT, index=o.index)
    # where the files give Paid Times, a cancelled order without one was never paid
    unpaid = status.eq("Unpaid") | (cancelled if paid.notna().any() else False)
    when = paid.fillna(created.where(~unpaid))
    amount = np.nan_to_num(P.numbers(o, "order_amount"))
    refund = np.nan_to_num(P.numbers(o, "order_refund_amount"))
    return o.assign(month=P.month_numbers(when), cancelled=cancelled.to_numpy(), currency=P.text(o, "currency"),
                    sales=np.where(cancelled, 0.0, amount), cancel_amount=np.where(refund > 0, refund, amount))


def order_of_lines(lines: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each line's order (a row of :func:`orders_table`: orders in the order their first line comes) and each
    order's first line, found in one pass over the Order IDs (as :func:`tkops.schema.orders_of` keeps them)."""
    ids = lines["order_id"] if "order_id" in lines else pd.Series(None, index=lines.index, dtype=object)
    codes, _ = pd.factorize(ids, use_na_sentinel=False)
    return codes, np.flatnonzero(~pd.Series(codes).duplicated().to_numpy())


def line_months(lines: pd.DataFrame, orders: pd.DataFrame, order_of_line: np.ndarray) -> np.ndarray:
    """Each line's order's month number (:data:`P.NO_MONTH` for a line without an Order ID: it has no order)."""
    ids = lines["order_id"] if "order_id" in lines else pd.Series(None, index=lines.index, dtype=object)
    return np.where(ids.notna().to_numpy(), orders["month"].to_numpy()[order_of_line], P.NO_MONTH)


@dataclass
class LineFigures:
    """The line side of a month-end (:func:`line_figures`)."""

    orders: pd.DataFrame  # orders_table of the lines
    month_lines: pd.DataFrame  # the lines of the month's orders
    fulfilment: dict  # the KPIs of the month's lines (tkops.clocks.kpis)


def line_figures(month: str, lines: pd.DataFrame, settings: Settings, *, team: pd.DataFrame | None = None,
                 sla: SlaTable | None = None, now: dt.datetime | None = None) -> LineFigures:
    """What the month-end takes from ``lines`` alone (canonical keys, one row per line; ``key``: the line key, for
    the ``team`` columns of the Orders sheet by line key). ``now``: when open fulfilment clocks are judged."""
    start, end = parse_month(month)
    number = P.month_number(month)
    order_of_line, first = order_of_lines(lines)
    orders = orders_table(lines, first)
    month_lines = lines[line_months(lines, orders, order_of_line) == number]
    team = team.reindex(month_lines["key"].to_numpy()).set_axis(month_lines.index) \
        if team is not None and "key" in month_lines else None
    fulfilment = kpis(month_lines, team, start, end, sla=sla or SlaTable(), settings=settings,
                      now=now or settings.shop_now()) if len(month_lines) else {k: None for k in KPI_KEYS}
    return LineFigures(orders, month_lines, fulfilment)
