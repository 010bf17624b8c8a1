"""The pack station's lookup tables, built once per packing session from the open order lines and the Inventory
sheet, so that each scan is a dictionary lookup whatever the number of open lines.

Items are identified by Seller SKU (the SKU ID when a line has none). An item can be scanned by its barcode
(Inventory's Barcode: GTIN/UPC/EAN), by its Seller SKU printed as a Code 128 label, or by its SKU ID.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from tkops.cells.text import scalar_text
from tkops.cells.yes_no import tick
from tkops.pack.codes import clean_scan, item_key
from tkops.statuses import canonical_statuses

#: Order statuses whose parcels are gone or will never go: nothing of them is packed.
CLOSED_STATUSES = frozenset({"Shipped", "In Transit", "Delivered", "Completed", "Cancelled", "Unpaid"})


@dataclass(frozen=True)
class OrderLine:
    """One item of an order as the packer sees it: the SKU, how many to put in, and what it is."""

    sku: str
    quantity: int
    name: str = ""
    variation: str = ""


@dataclass
class PackIndex:
    """Open orders by Order ID (their items, one per SKU, quantities added up) and item codes -> SKUs."""

    orders: dict[str, tuple[OrderLine, ...]] = field(default_factory=dict)
    items: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Folded Product Name of each SKU: a SKU scanned for another variant of the same product is a wrong item.
    products: dict[str, str] = field(default_factory=dict)

    def order_of(self, code: str) -> str | None:
        """The Order ID ``code`` names, or None."""
        return code if code in self.orders else None

    def skus_of(self, code: str) -> frozenset[str]:
        """The SKUs an item code names (empty when none; more than one when a barcode is shared)."""
        return self.items.get(item_key(code), frozenset())


def open_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """The lines still to pack: not ticked Packed, their order not shipped, cancelled or unpaid, quantity above 0.
    ``lines``: canonical keys (order_id, quantity, order_status, packed, ...)."""
    keep = pd.Series(True, index=lines.index)
    if "packed" in lines:
        keep &= ~lines["packed"].map(tick).astype(bool)
    if "order_status" in lines:
        keep &= ~canonical_statuses(lines["order_status"]).isin(CLOSED_STATUSES)
    quantity = pd.to_numeric(lines["quantity"], errors="coerce").fillna(0)
    keep &= (quantity > 0) & lines["order_id"].map(scalar_text).ne("")
    return lines[keep]


def build_index(lines: pd.DataFrame, inventory: pd.DataFrame, bundles: pd.DataFrame | None = None) -> PackIndex:
    """The index of the open ``lines`` (canonical keys: order_id, seller_sku and/or sku_id, quantity, product_name,
    variation) and the ``inventory`` (seller_sku, barcode, optionally product_name, variation). A bundle line (the
    Bundles sheet: Bundle SKU, Component SKU, Quantity) is packed as its components; lines of one order with the
    same SKU are one item."""
    if bundles is not None and len(bundles) and len(lines):
        lines = expand_bundles(lines, bundles, inventory)
    index = PackIndex()
    items: dict[str, set[str]] = {}

    def add(code: str, sku: str) -> None:
        if code:
            items.setdefault(item_key(code), set()).add(sku)

    n = len(lines)
    column = lambda key: lines[key].tolist() if key in lines else [None] * n  # noqa: E731
    orders: dict[str, dict[str, OrderLine]] = {}
    for order, seller_sku, sku_id, qty, name, variation in zip(
            column("order_id"), column("seller_sku"), column("sku_id"), column("quantity"),
            column("product_name"), column("variation")):
        order, seller_sku, sku_id = clean_scan(scalar_text(order)), scalar_text(seller_sku), scalar_text(sku_id)
        sku = seller_sku or sku_id
        if not order or not sku:
            continue
        quantity = _count(qty)
        by_sku = orders.setdefault(order, {})
        before = by_sku.get(sku)
        by_sku[sku] = OrderLine(sku, quantity + (before.quantity if before else 0), scalar_text(name),
                                scalar_text(variation))
        add(sku, sku)
        add(sku_id, sku)
        index.products.setdefault(sku, scalar_text(name).casefold())
    index.orders = {order: tuple(by_sku.values()) for order, by_sku in orders.items()}
    for seller_sku, barcode in zip(inventory.get("seller_sku", pd.Series(dtype=object)).tolist(),
                                   inventory.get("barcode", pd.Series(dtype=object)).tolist()):
        sku = scalar_text(seller_sku)
        if sku:
            add(sku, sku)
            add(clean_scan(barcode), sku)
    index.items = {key: frozenset(skus) for key, skus in items.items()}
    return index


def _count(value) -> int:
    """A quantity cell as a whole number (0 when blank or not a number)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def expand_bundles(lines: pd.DataFrame, bundles: pd.DataFrame, inventory: pd.DataFrame) -> pd.DataFrame:
    """``lines`` with every bundle line replaced by its components (the review's expansion,
    :func:`tkops.review.allocation.expand`), named as on the Inventory sheet."""
    from tkops.review.allocation import bundle_table, expand

    table = bundle_table(bundles)
    seller = lines["seller_sku"].map(scalar_text) if "seller_sku" in lines else pd.Series("", index=lines.index)
    frame = pd.DataFrame({"sku_key": seller.str.casefold().to_numpy(), "seller_sku": seller.to_numpy(),
                          "qty": [float(_count(q)) for q in lines["quantity"].tolist()]})
    rows = expand(frame, table)
    parts = rows[rows["bundle"] != ""]
    if parts.empty:
        return lines
    names = {scalar_text(k).casefold(): (scalar_text(n), scalar_text(v)) for k, n, v in zip(
        inventory.get("seller_sku", pd.Series(dtype=object)), inventory.get("product_name", pd.Series(dtype=object)),
        inventory.get("variation", pd.Series(dtype=object)))}
    source = lines.reset_index(drop=True)
    kept = source.iloc[rows.loc[rows["bundle"] == "", "pos"].to_numpy()]
    added = source.iloc[parts["pos"].to_numpy()].copy()
    added["seller_sku"] = parts["sku"].to_numpy()
    added["sku_id"] = None
    added["quantity"] = parts["need"].round().astype(int).to_numpy()
    added["product_name"] = [names.get(k, ("", ""))[0] for k in parts["key"]]
    added["variation"] = [names.get(k, ("", ""))[1] for k in parts["key"]]
    return pd.concat([kept, added]).sort_index(kind="stable")
