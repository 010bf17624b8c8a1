"""What ``tkops push-stock`` sends: each Seller SKU's available quantity (:func:`tkops.stock.available.available`)
matched to the TikTok SKUs that carry that Seller SKU and to one warehouse of each. Pure: the TikTok SKUs come in as
a frame (the job reads them from the API's inventory search).

A SKU is held back, with the reason, when its quantity cannot be trusted (no On Hand, a bad Safety Stock), when no
TikTok SKU is known for it, or when the warehouse is ambiguous: the API Warehouse setting names one, else the SKU's
only warehouse is used, else nothing is sent for it.
"""

from __future__ import annotations

import pandas as pd

#: The update takes a quantity from 0 to 99998 ("less than 99999", docs/open-api.md#inventory).
MAX_QUANTITY = 99998
LISTING_COLUMNS = ["key", "seller_sku", "product_id", "sku_id", "warehouses"]
PLAN_COLUMNS = ["key", "seller_sku", "on_hand", "allocated", "safety", "available", "product_id", "sku_id",
                "warehouse_id", "had", "quantity", "status", "code", "params"]
UNMAPPED = "stock.push.unmapped"
MANY_WAREHOUSES = "stock.push.many_warehouses"
NOT_IN_WAREHOUSE = "stock.push.warehouse_missing"


def _warehouse(sku: str, warehouses: tuple, wanted: str) -> tuple[str, int | None, str, dict]:
    """(warehouse id, TikTok's available there or None, problem code or "", its params) for one TikTok SKU."""
    ids = [str(w) for w, _ in warehouses]
    listed = ", ".join(ids) or "-"
    if wanted:
        if wanted not in ids:
            return "", None, NOT_IN_WAREHOUSE, {"sku": sku, "warehouse": wanted, "warehouses": listed}
        return wanted, dict(warehouses)[wanted], "", {}
    if len(ids) > 1:
        return "", None, MANY_WAREHOUSES, {"sku": sku, "n": len(ids), "warehouses": listed}
    if ids:
        return ids[0], warehouses[0][1], "", {}
    return "", None, "", {}  # no warehouse listed: TikTok's default warehouse takes the quantity


def plan(stock: pd.DataFrame, listings: pd.DataFrame, warehouse: str = "") -> pd.DataFrame:
    """One row per (Seller SKU, TikTok SKU) to send (``status`` "send", or "same" when TikTok already has the
    quantity) and one per SKU held back ("held", with ``code`` and ``params`` for the message), in ``stock``'s order.

    ``stock``: the frame of :func:`tkops.stock.available.available`; ``listings``: key (casefolded Seller SKU),
    seller_sku, product_id, sku_id, warehouses (tuple of (warehouse id, TikTok's available quantity));
    ``warehouse``: the API Warehouse setting ("" = the SKU's only one)."""
    wanted = str(warehouse or "").strip()
    by_key = dict(list(listings.groupby("key")))
    rows = []
    for key, s in stock.iterrows():
        base = {"key": key, "seller_sku": s["seller_sku"], "on_hand": s["on_hand"], "allocated": s["allocated"],
                "safety": s["safety"], "available": s["available"], "product_id": "", "sku_id": "",
                "warehouse_id": "", "had": None, "quantity": None, "status": "held", "code": "", "params": {}}
        found = by_key.get(key)
        if s["problem"]:
            rows.append({**base, "code": s["problem"], "params": {"sku": s["seller_sku"], "value": s["detail"]}})
            continue
        if found is None:
            rows.append({**base, "code": UNMAPPED, "params": {"sku": s["seller_sku"]}})
            continue
        quantity = min(int(s["available"]), MAX_QUANTITY)
        for _, listing in found.iterrows():
            row = {**base, "product_id": listing["product_id"], "sku_id": listing["sku_id"]}
            where, had, code, params = _warehouse(s["seller_sku"], tuple(listing["warehouses"]), wanted)
            if code:
                rows.append({**row, "warehouse_id": where, "code": code, "params": params})
                continue
            status = "same" if had == quantity else "send"
            rows.append({**row, "warehouse_id": where, "had": had, "quantity": quantity, "status": status})
    return pd.DataFrame(rows, columns=PLAN_COLUMNS, dtype=object)  # None stays None (not NaN)


def update_bodies(planned: pd.DataFrame) -> dict[str, list[dict]]:
    """Product id -> the ``skus`` of its one inventory update (the rows to send, in order)."""
    bodies: dict[str, list[dict]] = {}
    for _, r in planned[planned["status"] == "send"].iterrows():
        entry = {"quantity": int(r["quantity"])}
        if r["warehouse_id"]:
            entry = {"warehouse_id": r["warehouse_id"], **entry}
        bodies.setdefault(str(r["product_id"]), []).append({"id": str(r["sku_id"]), "inventory": [entry]})
    return bodies
