"""Generated after-sales cases with their order lines and Inventory (seeded): shared by the test of many cases and
benchmarks/bench_aftersales.py, so both measure the same data."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tkops.aftersales.reasons import CASE_TYPES


def generate(n: int, now: dt.datetime) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Cases, order lines and Inventory of ``n`` cases opened in the 3 days before ``now``."""
    rng = np.random.default_rng(6)
    orders = pd.Series([f"5770{i:014d}" for i in range(n)], dtype=object)
    skus = np.array([f"SKU-{i}" for i in range(300)], dtype=object)
    sku = skus[rng.integers(0, 300, n)]
    cases = pd.DataFrame({
        "case_id": orders, "order_id": orders, "sku_id": sku, "seller_sku": sku,
        "case_type": np.array(list(CASE_TYPES), dtype=object)[rng.integers(0, len(CASE_TYPES), n)],
        "amount": rng.integers(500, 9000, n) / 100, "currency": "USD", "quantity": rng.integers(1, 3, n),
        "opened": pd.Timestamp(now) - pd.to_timedelta(rng.integers(0, 86400 * 3, n), unit="s"),
        "status": np.where(rng.random(n) < 0.3, "Buyer insists", "")})
    lines = pd.DataFrame({
        "order_id": orders, "sku_id": sku, "seller_sku": sku, "quantity": 1, "tracking_id": "T",
        "order_status": np.where(rng.random(n) < 0.5, "In Transit", "Delivered"),
        "shipped_time": pd.Timestamp(now) - pd.to_timedelta(rng.integers(0, 86400 * 20, n), unit="s")})
    inventory = pd.DataFrame({"Seller SKU": skus[:250], "Unit Cost": rng.integers(100, 900, 250) / 100})
    return cases, lines, inventory
