"""The fake server's inventory endpoints (docs/open-api.md#inventory): search by SKU ids (at most 600) or product ids
(at most 100), and the update of one product's SKUs, per warehouse. The state is ``fake.inventory`` (SKU id ->
:class:`Stock`), so a test reads back what was set; ``fake.inventory_refuse`` (SKU id -> (code, message)) makes the
update answer a per-SKU error for that SKU while the others are set; ``inventory_denied_after`` (a number of
updates) answers every later update "missing scope", as when the seller withdraws the permission mid-run;
``update_faults`` (HTTP statuses 429, 503 or 401) fails the next updates, one each, in order: too many requests,
busy, the access token expired (the other endpoints are not affected)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tests.api.server_routes import BAD_PARAM, Fault

#: Codes of the fake's per-SKU refusals (the reference lists none for these cases: any non-zero code is an error).
UNKNOWN_SKU, NEED_WAREHOUSE, BAD_WAREHOUSE = 12052048, 12052217, 12052230
MAX_QUANTITY = 99999  # "non-negative and less than 99999"
FAULTS = {429: (36009002, "Too many requests"), 503: (36009003, "Internal error, please retry"),
          401: (105002, "Expired credentials. The access token has expired.")}


@dataclass
class Stock:
    """One SKU of the fake shop: its product, Seller SKU and per-warehouse available / committed quantities."""

    product_id: str
    seller_sku: str
    available: dict[str, int] = field(default_factory=dict)
    committed: dict[str, int] = field(default_factory=dict)

    def payload(self, sku_id: str) -> dict:
        warehouses = [{"warehouse_id": w, "available_quantity": n, "committed_quantity": self.committed.get(w, 0)}
                      for w, n in self.available.items()]
        return {"id": sku_id, "seller_sku": self.seller_sku,
                "total_available_quantity": sum(self.available.values()),
                "total_committed_quantity": sum(self.committed.values()), "warehouse_inventory": warehouses,
                "total_available_inventory_distribution": {
                    "in_shop_inventory": {"quantity": sum(self.available.values())}}}


def inventory_search(fake, query, body):
    skus, products = body.get("sku_ids"), body.get("product_ids")
    if skus:  # sku_ids win when both are given
        if not isinstance(skus, list) or len(skus) > 600:
            raise Fault(BAD_PARAM, "sku_ids: give 1 to 600 SKU ids")
        chosen = [(s, fake.inventory[s]) for s in dict.fromkeys(map(str, skus)) if s in fake.inventory]
    elif products:
        if not isinstance(products, list) or len(products) > 100:
            raise Fault(BAD_PARAM, "product_ids: give 1 to 100 product ids")
        wanted = set(map(str, products))
        chosen = [(s, st) for s, st in fake.inventory.items() if st.product_id in wanted]
    else:
        raise Fault(BAD_PARAM, "Pass either sku_ids or product_ids")
    grouped: dict[str, list] = {}
    for sku_id, stock in chosen:
        grouped.setdefault(stock.product_id, []).append(stock.payload(sku_id))
    return {"inventory": [{"product_id": p, "skus": s} for p, s in grouped.items()]}


def inventory_update(fake, query, body, product_id):
    fake.inventory_updates += 1
    if fake.inventory_denied_after is not None and fake.inventory_updates > fake.inventory_denied_after:
        raise Fault(105005, "Access denied. The app lacks the required scope for this API.", 403)
    if fake.update_faults:
        status = fake.update_faults.pop(0)
        if status == 401:
            fake.expired_tokens.add(fake.access_token)
        raise Fault(*FAULTS[status], status)
    skus = body.get("skus")
    if not isinstance(skus, list) or not skus:
        raise Fault(BAD_PARAM, "skus is required")
    if not any(st.product_id == product_id for st in fake.inventory.values()):
        raise Fault(BAD_PARAM, f"Product {product_id} does not exist")
    errors = []
    for sku in skus:
        sku_id, rows = str(sku.get("id") or ""), sku.get("inventory")
        if not isinstance(rows, list) or not rows or any(
                not isinstance(r.get("quantity"), int) or not 0 <= r["quantity"] < MAX_QUANTITY for r in rows):
            raise Fault(BAD_PARAM, "inventory.quantity must be a whole number from 0 to 99998")
        stock = fake.inventory.get(sku_id)
        problem = fake.inventory_refuse.get(sku_id)
        if stock is None or stock.product_id != product_id or not stock.available:
            problem = (UNKNOWN_SKU, "The SKU does not belong to the product")
        for row in rows if problem is None else ():
            warehouse = str(row.get("warehouse_id") or "")
            if not warehouse and len(stock.available) > 1:
                problem = (NEED_WAREHOUSE, "warehouse_id is required: the SKU is in several warehouses")
            elif warehouse and warehouse not in stock.available:
                problem = (BAD_WAREHOUSE, f"Warehouse {warehouse} is not a warehouse of this SKU")
        if problem is not None:
            errors.append({"code": problem[0], "message": problem[1],
                           "detail": {"sku_id": sku_id, "extra_errors": []}})
            continue
        for row in rows:
            warehouse = str(row.get("warehouse_id") or "") or next(iter(stock.available))
            stock.available[warehouse] = row["quantity"]
    return {"errors": errors} if errors else {}


_V = "/202309"
INVENTORY_ROUTES = [
    ("POST", re.compile(rf"/product{_V}/inventory/search"), inventory_search),
    ("POST", re.compile(rf"/product{_V}/products/(\d+)/inventory/update"), inventory_update),
]
