"""After-sales summary pivots: cases and their cost by cause x SKU, cause x month and case type x carrier; each SKU's
health (return, refund and negative-review rates, cost); the top SKU-cause pairs with what to do and who does it.

Pure and vectorised (one groupby per pivot, no Python loop over rows). Inputs: a case frame (case keys of
:mod:`tkops.case_schema`, ``case_type`` and ``cause`` filled) and canonical order lines. Each result is a tidy
frame, keys first; money columns are per ``currency`` (a currency is never added to another).

Definitions:

- Cancellations (Return Type Cancel) are left out: they are reported on their own. A case is a Case ID: ``cases`` counts
  distinct Case IDs in a group (a return of two SKUs counts once for each SKU, once for its cause and month).
- SKU: the Seller SKU, else the SKU ID (a case without a Seller SKU takes the one the order lines give its SKU ID).
- Month: the month the case was opened, else the order's month (paid, else created). Carrier: the order's Shipping
  Provider Name (the first one given on its lines).
- Cost: the case's Cost when the team filled it, counted as reship cost when Resolution Taken says reship, else as
  refund cost. Without a Cost: a reship costs Unit Cost x Quantity when ``unit_costs`` (Inventory) has the SKU; a
  refund costs the Amount once the platform refunded it (Return Status Completed or Refunded, or a Refund Time), and
  nothing while it is pending, rejected or cancelled.
- Units shipped: quantities of lines with a Shipped or Delivered Time, or a shipped status, in their shipping month.
  Return rate = cases / units shipped; refund rate = refund cost / sales (SKU Subtotal After Discount of the units
  shipped); negative-review rate = reviews of 1 or 2 stars / reviews of the SKU.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkops.aftersales.actions import ActionTable
from tkops.aftersales.line_facts import facts_of
from tkops.aftersales.pivot_inputs import (
    NO_MONTH,
    case_costs,
    catalogue,
    month_label,
    month_number,
    month_numbers,
    numbers,
    order_facts,
    review_counts,
    shipped_units,
    sku_keys,
    text,
)
from tkops.aftersales.reasons import OWNERS
from tkops.case_schema import CANCEL_PREFIX, CANCEL_TYPE

__all__ = ["Pivots", "summarise", "prepare", "totals", "cause_by_sku", "cause_by_month", "type_by_carrier",
           "sku_health", "top_pairs", "actions_by_owner", "case_costs", "shipped_units", "review_counts",
           "order_facts", "catalogue", "sku_keys", "month_label", "month_number", "month_numbers", "numbers", "text",
           "NO_MONTH"]

COST_COLUMNS = ["refund_cost", "reship_cost", "cost"]
PAIR = ["sku", "currency", "cause"]


@dataclass
class Pivots:
    """Every pivot of one summary (see the module's definitions)."""

    cause_by_sku: pd.DataFrame  # cause, sku, product_name, currency, cases, units, refund/reship cost, cost
    cause_by_month: pd.DataFrame  # month, cause, currency, cases, units, costs (every month of the cases)
    type_by_carrier: pd.DataFrame  # case_type, carrier, currency, cases, units, costs
    sku_health: pd.DataFrame  # sku, product_name, currency, units_shipped, sales, cases, rates, reviews, costs
    top_pairs: pd.DataFrame  # rank, sku, product_name, cause, case_type, currency, cases, return_rate, cost, action
    actions_by_owner: pd.DataFrame  # owner, rank, sku, product_name, cause, cases, cost, currency, action
    prepared: pd.DataFrame  # the case rows summed (:func:`prepare`), every month, index as the case frame's


def prepare(cases: pd.DataFrame, lines: pd.DataFrame, *, unit_costs: pd.Series | None = None,
            facts: pd.DataFrame | None = None, seller_of_id: pd.Series | None = None) -> pd.DataFrame:
    """One row per case line (cancellations left out) with what every pivot groups and sums: case_id, sku,
    case_type, cause, currency, month, carrier, units, case_number (one per Case ID), refund_cost, reship_cost,
    cost. ``facts`` and ``seller_of_id`` (:func:`order_facts`, :func:`catalogue`) are made from ``lines`` when not
    given."""
    case_id = text(cases, "case_id")
    ids = pa.array(case_id.to_numpy(), pa.string())
    # a Case ID's prefix tested by Arrow: a year of cases, not a Python call each
    cancel = pc.starts_with(ids, CANCEL_PREFIX).to_numpy(zero_copy_only=False)
    keep = ~(text(cases, "return_type").eq(CANCEL_TYPE).to_numpy() | cancel)
    c = cases.loc[keep]
    facts = order_facts(lines) if facts is None else facts
    seller_of_id = catalogue(lines)[0] if seller_of_id is None else seller_of_id
    order = facts_of(facts, text(c, "order_id").to_numpy()).set_axis(c.index)  # one lookup for every fact
    sku = sku_keys(c, seller_of_id)
    currency = text(c, "currency")
    currency = currency.where(currency != "", order["currency"])
    month = month_numbers(c["opened"]) if "opened" in c else pd.Series(NO_MONTH, index=c.index)
    month = month.where(month != NO_MONTH, order["month"].astype("int64"))
    out = pd.DataFrame({"case_id": case_id[keep], "sku": sku, "case_type": text(c, "case_type").replace("", "other"),
                        "cause": text(c, "cause").replace("", "unknown"), "currency": currency, "month": month,
                        "carrier": order["carrier"],
                        "units": np.nan_to_num(numbers(c, "quantity")),
                        # distinct cases are counted by number: 200,000 Case IDs are not hashed again per pivot
                        "case_number": pc.dictionary_encode(ids).indices.to_numpy()[keep]})
    return out.join(case_costs(c, unit_costs, sku))


def totals(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Cases (distinct Case IDs), units, refund and reship cost and cost of :func:`prepare` rows by ``by``."""
    out = frame.groupby(by, sort=False).agg(cases=("case_number", "nunique"), units=("units", "sum"),
                                            refund_cost=("refund_cost", "sum"), reship_cost=("reship_cost", "sum"),
                                            cost=("cost", "sum")).reset_index()
    out["units"] = out["units"].round().astype("int64")
    return out


def cause_by_sku(prepared: pd.DataFrame, names: pd.Series | None = None, pairs: pd.DataFrame | None = None
                 ) -> pd.DataFrame:
    """Cases and cost by cause x SKU (x currency), most cases first; ``names``: SKU -> Product Name; ``pairs``:
    :func:`totals` by SKU, currency and cause, when already made."""
    pairs = totals(prepared, PAIR) if pairs is None else pairs
    out = pairs[["cause", "sku", "currency", "cases", "units", *COST_COLUMNS]].sort_values(
        ["cases", "cost", "sku"], ascending=[False, False, True])
    out.insert(2, "product_name", out["sku"].map(names).astype(object).fillna("") if names is not None else "")
    return out.reset_index(drop=True)


def cause_by_month(prepared: pd.DataFrame) -> pd.DataFrame:
    """Cases and cost by month x cause (x currency), months in order; ``month`` as ``YYYY-MM``."""
    out = totals(prepared, ["month", "cause", "currency"]).sort_values(["month", "cases"], ascending=[True, False])
    out["month"] = out["month"].map(month_label)
    return out.reset_index(drop=True)


def type_by_carrier(prepared: pd.DataFrame) -> pd.DataFrame:
    """Cases and cost by case type x carrier (x currency), most cases first."""
    out = totals(prepared, ["case_type", "carrier", "currency"])
    return out.sort_values(["cases", "cost"], ascending=False).reset_index(drop=True)


def _rate(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (part / whole.where(whole > 0)).astype(float)


def sku_health(prepared: pd.DataFrame, shipped: pd.DataFrame, names: pd.Series | None = None,
               reviews: pd.DataFrame | None = None, pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per SKU x currency shipped or with cases: units shipped, sales, cases, return rate, refund cost and
    rate, reviews and negative reviews (:func:`review_counts`) and their rate, reship cost, cost and the top cause;
    most cases first."""
    per = totals(prepared, ["sku", "currency"]).drop(columns="units")
    top = (totals(prepared, PAIR) if pairs is None else pairs).sort_values(["cases", "cost"], ascending=False)
    per = per.merge(top.drop_duplicates(["sku", "currency"])[["sku", "currency", "cause"]], how="left")
    out = shipped.merge(per, on=["sku", "currency"], how="outer")
    out = out.fillna({c: 0 for c in ("units_shipped", "sales", "cases", *COST_COLUMNS)}).fillna({"cause": ""})
    out = out.astype({"cases": "int64", "units_shipped": "int64"})
    if reviews is not None:
        out = out.merge(reviews, on="sku", how="left")
    for column in ("reviews", "negative_reviews"):
        out[column] = out[column].fillna(0).astype("int64") if column in out else 0
    out["return_rate"] = _rate(out["cases"], out["units_shipped"])
    out["refund_rate"] = _rate(out["refund_cost"], out["sales"])
    out["negative_review_rate"] = _rate(out["negative_reviews"], out["reviews"])
    out["product_name"] = out["sku"].map(names).astype(object).fillna("") if names is not None else ""
    out = out.rename(columns={"cause": "top_cause"})[HEALTH_COLUMNS]
    return out.sort_values(["cases", "cost", "sku"], ascending=[False, False, True]).reset_index(drop=True)


HEALTH_COLUMNS = ["sku", "product_name", "currency", "units_shipped", "sales", "cases", "return_rate", "refund_cost",
                  "refund_rate", "reviews", "negative_reviews", "negative_review_rate", "reship_cost", "cost",
                  "top_cause"]


def top_pairs(prepared: pd.DataFrame, health: pd.DataFrame, actions: ActionTable | None = None, n: int = 20,
              pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``n`` SKU-cause pairs with most cases (then cost) that someone can fix (the action has owners), each
    with the SKU's return rate, its most frequent case type, and the action (en, zh) and owners."""
    pairs = totals(prepared, PAIR) if pairs is None else pairs
    kinds = prepared.groupby(["sku", "currency", "cause", "case_type"], sort=False).size().rename("n").reset_index()
    kinds = kinds.sort_values("n", ascending=False).drop_duplicates(["sku", "currency", "cause"])
    pairs = pairs.merge(kinds.drop(columns="n"), on=["sku", "currency", "cause"])
    pairs = pairs.join((actions or ActionTable()).lookup(pairs["case_type"], pairs["cause"]))
    pairs = pairs[pairs["owners"] != ""].merge(health[["sku", "currency", "product_name", "return_rate"]],
                                               on=["sku", "currency"], how="left")
    pairs = pairs.sort_values(["cases", "cost", "sku"], ascending=[False, False, True]).head(n)
    pairs.insert(0, "rank", np.arange(1, len(pairs) + 1))
    return pairs[["rank", "sku", "product_name", "cause", "case_type", "currency", "cases", "return_rate", "cost",
                  "action_en", "action_zh", "owners"]].reset_index(drop=True)


def actions_by_owner(top: pd.DataFrame) -> pd.DataFrame:
    """The top pairs once per owner (an action for listing and ads is on both lists), owners in
    :data:`~tkops.aftersales.reasons.OWNERS` order, then by rank."""
    out = top.assign(owner=top["owners"].str.split(", ")).explode("owner")
    out["order"] = out["owner"].map({k: i for i, k in enumerate(OWNERS)}).fillna(len(OWNERS))
    out = out.sort_values(["order", "rank"])
    return out[["owner", "rank", "sku", "product_name", "cause", "cases", "cost", "currency", "action_en",
                "action_zh"]].reset_index(drop=True)


def summarise(cases: pd.DataFrame, lines: pd.DataFrame, *, month: str | None = None,
              reviews: pd.DataFrame | None = None, actions: ActionTable | None = None,
              unit_costs: pd.Series | None = None, top: int = 20, facts: pd.DataFrame | None = None,
              sku_catalogue: tuple[pd.Series, pd.Series] | None = None, prepared: pd.DataFrame | None = None,
              skus: pd.Series | None = None, shipped: pd.DataFrame | None = None) -> Pivots:
    """Every pivot. ``month`` (``YYYY-MM``) limits all but cause x month to the cases opened and the units shipped
    in that month; ``reviews``: order_id, rating, optional seller_sku / sku_id (the caller picks the period);
    ``unit_costs``: Seller SKU -> Unit Cost (for reships without a Cost). ``facts`` and ``sku_catalogue``
    (:func:`order_facts`, :func:`catalogue`) of every line, when ``lines`` are only those the month needs (the
    lines of its orders, of the reviews' orders, and the lines shipped in it); made from ``lines`` when not given.
    ``prepared``: :func:`prepare` of ``cases`` with these facts and unit costs, ``skus``: :func:`sku_keys` of
    ``lines`` and ``shipped``: :func:`shipped_units` of them in ``month``, when made already."""
    facts = order_facts(lines) if facts is None else facts
    skus = sku_keys(lines) if skus is None and (shipped is None or reviews is not None) else skus
    seller_of_id, names = catalogue(lines) if sku_catalogue is None else sku_catalogue
    if prepared is None:
        prepared = prepare(cases, lines, unit_costs=unit_costs, facts=facts, seller_of_id=seller_of_id)
    own = pd.Series(text(cases, "product_name").loc[prepared.index].to_numpy(), index=prepared["sku"].to_numpy())
    names = names.combine_first(own[own != ""].groupby(level=0).first())
    number = month_number(month) if month else None
    current = prepared[prepared["month"] == number] if number is not None else prepared
    counts = review_counts(reviews, lines, skus) if reviews is not None else None
    pairs = totals(current, PAIR)
    shipped = shipped_units(lines, number, facts, skus) if shipped is None else shipped
    health = sku_health(current, shipped, names, counts, pairs)
    chosen = top_pairs(current, health, actions, top, pairs)
    return Pivots(cause_by_sku(current, names, pairs), cause_by_month(prepared), type_by_carrier(current), health,
                  chosen, actions_by_owner(chosen), prepared)
