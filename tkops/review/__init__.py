"""Order review: the SOP's first gate. Pure functions on DataFrames; no file or workbook I/O.

``review(lines, inventory, bundles, config, settings, now)`` runs every rule of the registry
(:data:`tkops.review.rules.REGISTRY`) that the Rules sheet leaves on, and returns a :class:`ReviewResult`: one row
per problem with an explanation in the team's language and, where the buyer must be asked, a ready-to-send message
in the buyer's language; the stock shortfall; Hold/Ready per line; and a summary.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tkops.review import allocation, buyer
from tkops.review import problems as P
from tkops.review.catalogue import CATALOGUE, explain
from tkops.review.config import CODES, RULES_SHEET_HEADERS, RuleConfig, rules_sheet_rows
from tkops.review.context import prepare
from tkops.review.keywords import (
    KEYWORDS_SHEET_HEADERS,
    Keywords,
    default_keyword_rows,
    default_keywords,
    keywords_from_sheet_rows,
)
from tkops.review.result import ReviewResult, summarise
from tkops.review.rules import REGISTRY
from tkops.settings import Settings

#: The canonical order columns the rules read (every other column of the lines is ignored): a button reads only
#: these from Excel (tests/review/test_columns_read.py checks that the review of fewer columns is the same).
COLUMNS_READ: tuple[str, ...] = (
    "order_id", "order_status", "cancel_return_type", "sku_id", "seller_sku", "product_name", "variation",
    "quantity", "order_amount", "currency", "created_time", "paid_time", "buyer_username", "buyer_message",
    "recipient", "phone", "country", "state", "region", "city", "districts", "zipcode", "address_line_1",
    "address_line_2", "house_name_or_number", "export_lacks",
)

__all__ = ["review", "ReviewResult", "COLUMNS_READ", "RuleConfig", "rules_sheet_rows", "keywords_from_sheet_rows",
           "default_keywords", "default_keyword_rows", "Keywords", "CATALOGUE", "CODES", "RULES_SHEET_HEADERS",
           "KEYWORDS_SHEET_HEADERS"]


def review(lines: pd.DataFrame, inventory: pd.DataFrame | None, bundles: pd.DataFrame | None,
           config: RuleConfig | None, settings: Settings | None, now: dt.datetime, *,
           keywords: Keywords | None = None, template_folder: str = "") -> ReviewResult:
    """Review canonical order ``lines`` (index = sheet row positions, kept in the result).

    ``inventory``: the Inventory sheet (Seller SKU, On Hand, ...); ``bundles``: the Bundles sheet (Bundle SKU,
    Component SKU, Quantity); ``config``: the Rules sheet (None = defaults); ``settings``: Settings (language of
    explanations, market for rows without a country); ``now``: naive shop-local time; ``keywords``: the buyer-message
    keyword lists (None = built-in); ``template_folder``: the team's own templates, searched first.
    """
    config = config or RuleConfig()
    settings = settings or Settings()
    ctx = prepare(lines, inventory, bundles, config, keywords or default_keywords(), settings, now)
    found = P.concat([rule.check(ctx) for rule in REGISTRY if rule.active(ctx)])
    found = found[found["code"].map(config.enabled).astype(bool)]
    found = found.assign(severity=found["code"].map(config.severity))
    found = found.assign(rank=found["severity"].map(P.SEVERITY_RANK))
    found = found.sort_values(["pos", "rank"], kind="mergesort").reset_index(drop=True)
    found["explanation"] = [explain(k, settings.lang, p) for k, p in zip(found["key"], found["params"])]
    w = ctx.w
    found = buyer.attach(found, w, buyer.buyer_languages(w), template_folder)

    labels = lines.index
    pos = found["pos"].to_numpy(dtype="int64")

    def at(key: str) -> np.ndarray:
        values = w[key].to_numpy()[pos]
        return np.where(values == "", None, values).astype(object) if len(pos) else np.array([], dtype=object)

    problems = pd.DataFrame({
        "row": labels[pos] if len(pos) else pd.Index([], dtype=labels.dtype), "order_id": at("order_id"),
        "sku_id": at("sku_id"), "seller_sku": at("seller_sku"), "column": found["column"].to_numpy(dtype=object),
        "code": found["code"].to_numpy(dtype=object), "severity": found["severity"].to_numpy(dtype=object),
        "explanation": found["explanation"].to_numpy(dtype=object), "params": found["params"].to_numpy(dtype=object),
        "buyer_template": found["buyer_template"].to_numpy(dtype=object),
        "buyer_message": found["buyer_message"].to_numpy(dtype=object),
        "buyer_language": found["buyer_language"].to_numpy(dtype=object),
    }, columns=P.PROBLEM_COLUMNS)

    held = set(w["okey"].to_numpy()[pos[found["severity"].to_numpy() == "error"]]) if len(pos) else set()
    statuses = pd.Series(np.where(w["okey"].isin(held), "Hold", "Ready"), index=labels, dtype=object)
    reviewed = pd.Series((w["scope"] | w["cancelled"]).to_numpy(), index=labels, dtype=bool)
    stock = allocation.plan(ctx)
    shortfall = allocation.shortfall(stock)
    summary = summarise(problems, statuses, reviewed)
    summary["inventory"] = inventory_state(stock, problems, config)
    return ReviewResult(problems, shortfall, statuses, reviewed, summary)


def inventory_state(stock: allocation.StockPlan, problems: pd.DataFrame, config: RuleConfig) -> dict:
    """What the review could check against the Inventory sheet, for the summary: whether it was empty, whether
    stock.unchecked was on, the SKUs it does not list and those it lists without any On Hand number."""
    def skus(code: str) -> list[str]:
        found = problems.loc[problems["code"] == code, "params"]
        return sorted({str(p.get("sku", "")) for p in found if p and p.get("sku")})

    held = problems.loc[problems["code"] == "stock.unchecked", "row"]
    return {"empty": bool(stock.inventory.empty), "check": config.enabled("stock.unchecked"),
            "unknown": skus("sku.unknown"), "uncounted": [] if stock.inventory.empty else skus("stock.unchecked"),
            "unchecked_lines": int(held.nunique())}
