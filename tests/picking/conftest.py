"""Shared fixtures of the picking tests: small order frames, an Inventory and a Bundles sheet."""

from __future__ import annotations

import datetime as dt

import pandas as pd

T0 = dt.datetime(2026, 11, 25, 8, 0)

INVENTORY = pd.DataFrame({
    "Seller SKU": ["TEE-M", "TEE-L", "MUG", "CAP", "PIN", "SOCK"],
    "Product Name": ["Basic Tee", "Basic Tee", "Mug", "Cap", "Pin", "Socks"],
    "Variation": ["M", "L", "", "", "", ""],
    "On Hand": [50, 50, 50, 50, 50, 50],
    "Zone": ["A", "A", "B", "A", "", "B"],
    "Bin": ["A-10", "A-2", "B-01-03", "A-1", "", "B-1-2"],
    "Unit Cost": [2.0] * 6,
    "Currency": ["USD"] * 6,
})
BUNDLES = pd.DataFrame({"Bundle SKU": ["GIFT-SET", "GIFT-SET", "TEE-2PK"],
                        "Component SKU": ["MUG", "CAP", "TEE-M"], "Quantity": [1, 1, 2]})
NO_BUNDLES = pd.DataFrame(columns=["Bundle SKU", "Component SKU", "Quantity"])


def order_id(n: int) -> str:
    """An 18-digit TikTok order ID for order number ``n``."""
    return f"5770000000000{n:05d}"


def line(n: int, sku: str, qty: int = 1, minutes: int | None = None, **extra) -> dict:
    """A released line of order ``n`` (paid ``minutes`` after T0, by default n minutes)."""
    paid = T0 + dt.timedelta(minutes=n if minutes is None else minutes)
    return {"order_id": order_id(n), "order_status": "Awaiting Shipment", "seller_sku": sku, "sku_id": "",
            "product_name": f"name of {sku}", "variation": "", "quantity": qty, "paid_time": paid,
            "review_status": "Ready", "picked": None, **extra}


def frame(*lines: dict) -> pd.DataFrame:
    """Lines as a frame whose index is sheet rows 2, 3, ..."""
    out = pd.DataFrame(list(lines))
    out.index = range(2, 2 + len(out))
    return out
