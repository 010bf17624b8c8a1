"""The month-end's order lines of a book: Orders and a year of history, grouped in Arrow for what the month takes
from all of them (:class:`tkops.jobs.month_end.line_figures.LineFacts`), and as a frame only the lines the month
needs (its orders', the reviews' orders', the lines shipped in it: :func:`wanted_rows`). A year of history is a
million lines; the month needs a quarter of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkops.aftersales import pivots as P
from tkops.cells.text import text_column
from tkops.clocks import SlaTable
from tkops.jobs.lines import KEY, WHERE, BookLines, book_lines
from tkops.jobs.month_end.line_figures import (
    FACT_NUMBERS,
    FACT_TEXT,
    FACT_TIMES,
    LineFacts,
    LineFigures,
    line_facts,
    line_figures,
    wanted_rows,
)
from tkops.settings import Settings
from tkops.stock.reorder import WINDOWS

#: The order-line columns the month-end uses (the rest of each file is dropped as soon as it is read).
LINE_COLUMNS = ("order_id", "order_status", "sku_id", "seller_sku", "product_name", "quantity",
                "subtotal_after_discount", "order_amount", "order_refund_amount", "currency", "created_time",
                "paid_time", "rts_time", "shipped_time", "delivered_time", "cancelled_time", "cancel_by",
                "cancel_reason", "fulfillment_type", "tracking_id", "shipping_provider", "country")
#: Team columns of the Orders sheet the fulfilment KPIs read (Reviewed At measures the review).
TEAM_HEADERS = ("Review Status", "Reviewed At", "Picked", "Picked At", "Packed", "Packed At")


@dataclass
class MonthLines:
    """What a month-end takes from a book's order lines (:func:`month_lines`); Nones without lines."""

    table: pa.Table | None = None  # every line as a line table (FACT_TEXT, FACT_TIMES, FACT_NUMBERS)
    facts: LineFacts | None = None  # what the month takes from every line (None without a month)
    lines: pd.DataFrame | None = None  # the lines the month needs (every line without a month): LINE_COLUMNS, key
    team: pd.DataFrame | None = None  # their team columns (TEAM_HEADERS any line fills), index = line keys
    figures: LineFigures | None = None  # the month's line figures (None without a month)


def month_lines(every: BookLines, month: str | None, settings: Settings, *, reviews: pd.DataFrame | None = None,
                sla: SlaTable | None = None, now: dt.datetime | None = None,
                on_facts: Callable[[LineFacts | None], None] | None = None) -> MonthLines:
    """:class:`MonthLines` of the book's lines ``every`` (read with :data:`LINE_COLUMNS` and :data:`TEAM_HEADERS`)
    for ``month`` (``YYYY-MM``; None: every line as a frame, no figures). ``reviews``: the Reviews sheet (its
    orders' lines are kept for the pivots). ``on_facts(facts)`` is called as soon as what the month takes from every
    line is known (None without a month or lines), before the month's lines are made a frame and their figures."""
    if not len(every):
        if on_facts:
            on_facts(None)
        return MonthLines()
    table = every.table(FACT_TEXT, FACT_TIMES, FACT_NUMBERS)
    facts = rows = None
    if month:
        facts = line_facts(table)
    if on_facts:
        on_facts(facts)
    if month:
        reviewed = text_column(reviews["order_id"], reviews.index) if reviews is not None and "order_id" in reviews \
            else ()
        rows = wanted_rows(table, facts, P.month_number(month), set(reviewed) - {""})
    frame = every.frame(rows)
    lines = frame.drop(columns=[WHERE, *TEAM_HEADERS]).rename(columns={KEY: "key"})
    team = frame[[h for h in TEAM_HEADERS if every.given(h)]]
    team = team.set_axis(frame[KEY].to_numpy()) if len(team.columns) else None
    figures = line_figures(month, lines, settings, orders=facts.orders, team=team, sla=sla, now=now,
                           facts=facts.facts) \
        if month else None
    return MonthLines(table, facts, lines, team, figures)


def sold_since(table: pa.Table | None, now: dt.datetime) -> np.ndarray | None:
    """The rows of the lines created (else paid) in the reorder's longest window up to ``now``, or later."""
    if table is None:
        return None
    when = pc.coalesce(table.column("created_time"), table.column("paid_time"))
    start = pa.scalar(pd.Timestamp(now) - pd.Timedelta(days=max(WINDOWS)), pa.timestamp("us"))
    return np.flatnonzero(pc.fill_null(pc.greater_equal(when, start), False).to_numpy(zero_copy_only=False))


def with_case_orders(book, lines: BookLines, table: pa.Table | None, cases: pd.DataFrame,
                     since: dt.datetime | None) -> BookLines:
    """``lines`` (read for the orders active since ``since``; ``table``: their line table, :attr:`MonthLines.table`)
    with the history of the AfterSales cases' orders created before then, so that an old order's return still finds
    its SKU, carrier and month. Read apart, after the sheet, so that reading the sheet can overlap reading Orders
    and history."""
    if since is None or "order_id" not in cases:
        return lines
    # the cases' Order IDs, each once, in Arrow: a year of cases names 150,000 orders
    asked = pc.unique(pa.array(text_column(cases["order_id"], cases.index).to_numpy(), pa.string()))
    asked = asked.filter(pc.not_equal(asked, ""))
    if len(asked) and table is not None and table.num_rows:
        # an order created since then was read whole: Created Time is the order's, so each of its lines matched
        recent = pc.fill_null(pc.greater_equal(table.column("created_time"), pa.scalar(since, pa.timestamp("us"))),
                              False)
        of_asked = pc.fill_null(pc.is_in(table.column("order_id"), value_set=asked), False)
        found = pa.table({"id": table.column("order_id"), "recent": recent}).filter(of_asked)
        found = found.group_by("id").aggregate([("recent", "all")])
        asked = asked.filter(pc.invert(pc.is_in(asked, value_set=found.filter(found.column("recent_all"))["id"])))
    if not len(asked):
        return lines
    more = book_lines(book, LINE_COLUMNS, archived=asked.to_pylist(), team=TEAM_HEADERS, sheet=pd.DataFrame()).past
    return lines.with_past(more) if more is not None else lines
