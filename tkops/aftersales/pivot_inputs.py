"""What the after-sales pivots group and sum, taken from the case frame and the order lines: text and month keys, the
facts of each order (carrier, currency, month), SKU keys, what each case cost, the units shipped per SKU and the
reviews per SKU. Definitions: :mod:`tkops.aftersales.pivots`.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from tkops.aftersales.line_facts import catalogue_of, facts_of, lines_table, order_facts_of
from tkops.cells.text import map_text, text_column

SHIPPED_STATUSES = frozenset({"Shipped", "In Transit", "Delivered", "Completed"})
REFUNDED_STATUSES = frozenset({"completed", "refunded", "refund completed", "refund successful"})
NOT_REFUNDED_STATUSES = frozenset({"refund rejected", "rejected", "canceled", "cancelled"})
RESHIP_WORDS = ("reship", "re-ship", "resend", "re-send", "补发", "重发", "reenv")
_RESHIP = re.compile("|".join(RESHIP_WORDS))
NEGATIVE_RATING = 2
NO_MONTH = -1


def text(frame: pd.DataFrame, key: str) -> pd.Series:
    """Column ``key`` as text, object dtype ("" where blank or missing; a number a person typed becomes its text)."""
    return text_column(frame[key] if key in frame else None, frame.index)


def month_numbers(times: pd.Series) -> pd.Series:
    """Each time's month as months since 1970-01 (int), :data:`NO_MONTH` where there is no time."""
    months = pd.to_datetime(times).to_numpy(dtype="datetime64[M]")
    out = months.astype("int64")
    out[np.isnat(months)] = NO_MONTH
    return pd.Series(out, index=times.index)


def month_label(number: int) -> str:
    """``2026-11`` for a month number of :func:`month_numbers`; "" for :data:`NO_MONTH`."""
    return "" if number == NO_MONTH else f"{1970 + number // 12:04d}-{number % 12 + 1:02d}"


def month_number(month: str) -> int:
    """The month number of ``YYYY-MM``."""
    year, mon = (int(p) for p in month.split("-"))
    return (year - 1970) * 12 + mon - 1


def numbers(frame: pd.DataFrame, key: str) -> np.ndarray:
    """Column ``key`` as floats (NaN where blank, not a number, or missing)."""
    if key not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[key], errors="coerce").astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def order_facts(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per Order ID (index, in the order of each order's first line): ``carrier`` (the first Shipping
    Provider Name given on its lines, "" when none is), ``currency`` and ``month`` (of its first line)
    (:func:`tkops.aftersales.line_facts.order_facts_of`)."""
    return order_facts_of(lines_table(lines))


def sku_keys(frame: pd.DataFrame, seller_of_id: pd.Series | None = None) -> pd.Series:
    """Each row's SKU: Seller SKU, else the Seller SKU ``seller_of_id`` gives its SKU ID, else the SKU ID."""
    seller, sku_id = text(frame, "seller_sku"), text(frame, "sku_id")
    if seller_of_id is not None:
        seller = seller.where(seller != "", sku_id.map(seller_of_id).fillna(""))
    return seller.where(seller != "", sku_id)


def catalogue(lines: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(SKU ID -> Seller SKU, SKU -> Product Name) as the order lines give them (first seen)
    (:func:`tkops.aftersales.line_facts.catalogue_of`)."""
    return catalogue_of(lines_table(lines))


def case_costs(cases: pd.DataFrame, unit_costs: pd.Series | None = None, skus: pd.Series | None = None
               ) -> pd.DataFrame:
    """``refund_cost``, ``reship_cost`` and ``cost`` of each case row (see the module's definitions).

    ``unit_costs``: Seller SKU -> Unit Cost (Inventory); ``skus``: each row's SKU (default :func:`sku_keys`)."""
    team = numbers(cases, "cost")
    has_team = ~np.isnan(team)
    # once per distinct value: a year of cases holds a few dozen resolutions and statuses
    reship = map_text(text(cases, "resolution_taken"), lambda v: _RESHIP.search(v.casefold()) is not None)
    reship = reship.to_numpy(dtype=bool)
    status = map_text(text(cases, "return_status"), str.casefold)
    closed = cases["closed"].notna().to_numpy() if "closed" in cases else np.zeros(len(cases), bool)
    refunded = (status.isin(REFUNDED_STATUSES).to_numpy() | closed) & ~status.isin(NOT_REFUNDED_STATUSES).to_numpy()
    amount = np.nan_to_num(numbers(cases, "amount"))
    refund = np.where(has_team, np.where(reship, 0.0, team), np.where(refunded & ~reship, amount, 0.0))
    estimate = np.zeros(len(cases))
    if unit_costs is not None and len(unit_costs):
        skus = sku_keys(cases) if skus is None else skus
        quantity = np.nan_to_num(numbers(cases, "quantity"), nan=1.0)
        estimate = np.nan_to_num(skus.map(unit_costs).astype(float).to_numpy()) * quantity
    ship = np.where(has_team, np.where(reship, team, 0.0), np.where(reship, estimate, 0.0))
    return pd.DataFrame({"refund_cost": refund, "reship_cost": ship, "cost": refund + ship}, index=cases.index)


def shipped_units(lines: pd.DataFrame, month: int | None = None, facts: pd.DataFrame | None = None,
                  skus: pd.Series | None = None) -> pd.DataFrame:
    """Units shipped and their sales by SKU x currency (in ``month``, a month number, when given); ``facts`` and
    ``skus`` (:func:`order_facts`, :func:`sku_keys` of ``lines``) are made when not given."""
    at = lines["shipped_time"] if "shipped_time" in lines else pd.Series(pd.NaT, index=lines.index)
    if "delivered_time" in lines:
        at = at.fillna(lines["delivered_time"])
    shipped = at.notna().to_numpy() | text(lines, "order_status").isin(SHIPPED_STATUSES).to_numpy()
    if month is not None:
        when = month_numbers(at)
        undated = when == NO_MONTH
        if undated.any():  # the order's month, looked up for those lines only
            facts = order_facts(lines) if facts is None else facts
            gaps = undated.to_numpy()
            months = when.to_numpy().copy()
            months[gaps] = facts_of(facts, text(lines.loc[gaps], "order_id").to_numpy())["month"].to_numpy()
            when = pd.Series(months, index=when.index)
        shipped &= (when == month).to_numpy()
    part = lines.loc[shipped]
    frame = pd.DataFrame({"sku": sku_keys(part) if skus is None else skus[shipped], "currency": text(part, "currency"),
                          "units_shipped": np.nan_to_num(numbers(part, "quantity")),
                          "sales": np.nan_to_num(numbers(part, "subtotal_after_discount"))})
    return frame.groupby(["sku", "currency"], sort=False).sum().reset_index()


def review_counts(reviews: pd.DataFrame, lines: pd.DataFrame, skus: pd.Series | None = None) -> pd.DataFrame:
    """Reviews and negative reviews (1-2 stars) by SKU: a review's own SKU, else every SKU of its order."""
    rating = pd.Series(numbers(reviews, "rating"), index=reviews.index)
    r = pd.DataFrame({"order_id": text(reviews, "order_id"), "sku": sku_keys(reviews),
                      "reviews": rating.notna().astype(int),
                      "negative_reviews": (rating <= NEGATIVE_RATING).astype(int)})
    own = r[r["sku"] != ""]
    of_order = pd.DataFrame({"order_id": text(lines, "order_id"), "sku": sku_keys(lines) if skus is None else skus})
    by_order = r[r["sku"] == ""].drop(columns="sku").merge(of_order.drop_duplicates(), on="order_id")
    both = pd.concat([own, by_order], ignore_index=True)
    return both.groupby("sku")[["reviews", "negative_reviews"]].sum().reset_index()
