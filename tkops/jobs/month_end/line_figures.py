"""The month-end's figures that need the order lines alone: the month and its trend's first moment, each order's
month, amount and state, the month's lines and their fulfilment KPIs (:func:`line_figures`). The figures of the
cases are :mod:`tkops.jobs.month_end.run`'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkops.aftersales import pivots as P
from tkops.aftersales.line_facts import TEXT_KEYS, TIME_KEYS, catalogue_of, first_rows, lines_table, order_facts_of
from tkops.aftersales.month_end_catalogue import MonthEndError
from tkops.cells.arrow_values import text_objects
from tkops.cells.times import month_days
from tkops.clocks import KPI_KEYS, SlaTable, kpis
from tkops.settings import Settings

TREND_MONTHS = 12
#: The columns of the line table :func:`line_facts` and :func:`wanted_rows` read: the facts' and the catalogue's,
#: the order-level ones :func:`orders_of` reads, and the times a line is shipped.
FACT_TEXT = (*TEXT_KEYS, "order_status", "cancel_reason", "cancel_by")
FACT_TIMES = (*TIME_KEYS, "shipped_time", "delivered_time")
FACT_NUMBERS = ("order_amount", "order_refund_amount")


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


def orders_of(table: pa.Table, first: np.ndarray) -> pd.DataFrame:
    """One row per order: Order ID, cancel reason and by (objects, None where blank), month number (paid; created
    when the lines give no Paid Time), cancelled, currency ("" where blank), net amount and the amount a
    cancellation cost. ``table``: a line table of :data:`FACT_TEXT`, :data:`FACT_TIMES` and :data:`FACT_NUMBERS`;
    ``first``: each order's first line (:func:`tkops.aftersales.line_facts.first_rows`), whose values are the
    order's."""
    o = table.select(["order_id", "order_status", "currency", "cancel_reason", "cancel_by", "paid_time",
                      "created_time", "order_amount", "order_refund_amount"]).take(pa.array(first, pa.int64()))
    status = pc.fill_null(o.column("order_status"), "")
    cancelled = pc.equal(status, "Cancelled")
    paid = o.column("paid_time")
    # where the lines give Paid Times, a cancelled order without one was never paid
    unpaid = pc.or_(pc.equal(status, "Unpaid"), cancelled) if paid.null_count < len(paid) \
        else pc.equal(status, "Unpaid")
    when = pc.coalesce(paid, pc.if_else(unpaid, pa.scalar(None, pa.timestamp("us")), o.column("created_time")))
    amount = np.nan_to_num(o.column("order_amount").to_numpy(zero_copy_only=False))
    refund = np.nan_to_num(o.column("order_refund_amount").to_numpy(zero_copy_only=False))
    is_cancelled = cancelled.to_numpy(zero_copy_only=False)
    months = P.month_numbers(pd.Series(when.to_numpy(zero_copy_only=False), dtype="datetime64[us]")).to_numpy()

    def objects(key: str, blank=None) -> pd.Series:  # objects: pandas would infer its str dtype
        return pd.Series(text_objects(o.column(key), blank), dtype=object)

    return pd.DataFrame({
        "order_id": objects("order_id"), "cancel_reason": objects("cancel_reason"), "cancel_by": objects("cancel_by"),
        "month": months, "cancelled": is_cancelled, "currency": objects("currency", ""),
        "sales": np.where(is_cancelled, 0.0, amount), "cancel_amount": np.where(refund > 0, refund, amount)})


@dataclass
class LineFacts:
    """What the month-end takes from every order line, not only the month's (:func:`line_facts`). ``orders`` and
    ``facts`` have one row per order, in the same order (that of each order's first line)."""

    orders: pd.DataFrame  # orders_of every line
    facts: pd.DataFrame  # each order's carrier, currency and month (tkops.aftersales.pivot_inputs.order_facts)
    seller_of_id: pd.Series  # SKU ID -> Seller SKU (tkops.aftersales.pivot_inputs.catalogue)
    names: pd.Series  # SKU -> Product Name

    def month_orders(self, number: int) -> np.ndarray:
        """The Order IDs (as the lines give them; none blank) of the orders of month ``number``, by the orders'
        month or the pivots' order month."""
        of_month = (self.orders["month"].to_numpy() == number) | (self.facts["month"].to_numpy() == number)
        ids = self.orders["order_id"].to_numpy()[of_month]
        return ids[pd.notna(ids)]


def line_facts(table: pa.Table) -> LineFacts:
    """:class:`LineFacts` of the lines of the line table ``table`` (:data:`FACT_TEXT`, :data:`FACT_TIMES` and
    :data:`FACT_NUMBERS`)."""
    first = first_rows(table)
    seller_of_id, names = catalogue_of(table)
    return LineFacts(orders_of(table, first), order_facts_of(table, first), seller_of_id, names)


def line_facts_of(lines: pd.DataFrame) -> LineFacts:
    """:class:`LineFacts` of a frame of lines (all of them)."""
    return line_facts(lines_table(lines, FACT_TEXT, FACT_TIMES, FACT_NUMBERS))


def wanted_rows(table: pa.Table, facts: LineFacts, number: int, also: set) -> np.ndarray:
    """The rows of ``table`` the month ``number`` needs as a frame: the lines of its orders, the lines shipped in
    it (the units shipped), the lines of the Order IDs in ``also`` (reviews) and the lines without an Order ID."""
    ids = table.column("order_id")
    orders = pa.array(np.concatenate([facts.month_orders(number), np.array([str(o) for o in also], dtype=object)]),
                      pa.string())
    shipped = pc.coalesce(table.column("shipped_time"), table.column("delivered_time"))
    month = P.month_numbers(pd.Series(shipped.to_numpy(zero_copy_only=False), dtype="datetime64[us]")).to_numpy()
    keep = pc.fill_null(pc.is_in(ids, value_set=orders), False).to_numpy(zero_copy_only=False)
    return np.flatnonzero(keep | (month == number) | pc.is_null(ids).to_numpy(zero_copy_only=False))


def _among(own: pd.Series, ids: pd.Series) -> np.ndarray:
    """Which of the Order IDs ``own`` (blank: None or NaN) are among ``ids`` (text): by Arrow's hashing, outside
    Python's lock, when every ID is text (a month's 250,000 lines)."""
    try:
        values = pa.array(own.to_numpy(dtype=object), pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return (own.isin(ids) & own.notna()).to_numpy()
    # skip_nulls: a blank ID is no order's (false, not null), even when the month's orders hold one
    found = pc.is_in(values, value_set=pa.array(ids.to_numpy(dtype=object), pa.string(), from_pandas=True),
                     skip_nulls=True)
    return found.to_numpy(zero_copy_only=False)


@dataclass
class LineFigures:
    """The line side of a month-end (:func:`line_figures`)."""

    orders: pd.DataFrame  # orders_of every line
    month_lines: pd.DataFrame  # the lines of the month's orders
    fulfilment: dict  # the KPIs of the month's lines (tkops.clocks.kpis)
    #: each line's SKU and the month's units shipped (tkops.aftersales.pivots.sku_keys and shipped_units of the
    #: lines), for the pivots; None when the order facts were not given
    skus: pd.Series | None = None
    shipped: pd.DataFrame | None = None


def line_figures(month: str, lines: pd.DataFrame, settings: Settings, *, orders: pd.DataFrame,
                 team: pd.DataFrame | None = None, sla: SlaTable | None = None, now: dt.datetime | None = None,
                 facts: pd.DataFrame | None = None) -> LineFigures:
    """What the month-end takes from ``lines`` (canonical keys, one row per line, at least every line of the
    month's orders and every line shipped in the month; ``key``: the line key, for the ``team`` columns of the
    Orders sheet by line key). ``orders``: :func:`orders_of` every line (:class:`LineFacts`); ``facts``: every
    order's facts (:class:`LineFacts`), for the pivots' units shipped. ``now``: when open clocks are judged."""
    start, end = parse_month(month)
    number = P.month_number(month)
    ids = orders.loc[orders["month"] == number, "order_id"]
    own = lines["order_id"] if "order_id" in lines else pd.Series(None, index=lines.index, dtype=object)
    month_lines = lines[_among(own, ids)]
    team = team.reindex(month_lines["key"].to_numpy()).set_axis(month_lines.index) \
        if team is not None and "key" in month_lines else None
    fulfilment = kpis(month_lines, team, start, end, sla=sla or SlaTable(), settings=settings,
                      now=now or settings.shop_now()) if len(month_lines) else {k: None for k in KPI_KEYS}
    made = LineFigures(orders, month_lines, fulfilment)
    if facts is not None:  # made here, beside the AfterSales sheet's parse, not after it
        made.skus = P.sku_keys(lines)
        made.shipped = P.shipped_units(lines, number, facts, made.skus)
    return made
