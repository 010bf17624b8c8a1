"""Order lines of a year, made at random (seeded) for the tests of what month-end and the pivots take from lines."""

from __future__ import annotations

import numpy as np
import pandas as pd


def year_of_lines(seed: int, orders: int = 300, start: str = "2025-12-01", days: int = 360) -> pd.DataFrame:
    """Orders of 1 to 3 lines paid over ``days`` from ``start`` (canonical keys and ``key``, the line key): some
    carriers, Seller SKUs, names and ship times blank, two currencies, some orders cancelled or not shipped yet."""
    rng = np.random.default_rng(seed)
    rows = []
    for n in range(orders):
        paid = pd.Timestamp(start) + pd.Timedelta(minutes=int(rng.integers(0, days * 1440)))
        currency = str(rng.choice(["USD", "GBP"]))
        status = str(rng.choice(["Shipped", "Awaiting Shipment", "Cancelled", "Completed"], p=[.6, .1, .1, .2]))
        reason = "Out of stock" if status == "Cancelled" else None
        amount = float(rng.integers(10, 200))
        for k in range(int(rng.integers(1, 4))):
            sku = int(rng.integers(0, 40))
            shipped = paid + pd.Timedelta(hours=int(rng.integers(2, 90))) if rng.random() < 0.7 else pd.NaT
            rows.append({"order_id": f"57{seed:02d}{n:06d}", "sku_id": f"17{sku:04d}",
                         "seller_sku": f"SKU-{sku}" if rng.random() < 0.8 else None,
                         "product_name": f"Product {sku}" if rng.random() < 0.5 else "",
                         "shipping_provider": str(rng.choice(["USPS", "UPS", ""])) if k or rng.random() < 0.5 else None,
                         "currency": currency, "quantity": int(rng.integers(1, 4)),
                         "subtotal_after_discount": float(rng.integers(5, 60)), "paid_time": paid,
                         "created_time": paid - pd.Timedelta(minutes=3), "shipped_time": shipped,
                         "order_status": status, "order_amount": amount, "cancel_reason": reason,
                         "order_refund_amount": amount if reason else None, "key": f"57{seed:02d}{n:06d}|{sku}|{k}"})
    return pd.DataFrame(rows)
