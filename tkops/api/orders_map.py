"""TikTok Shop Open API orders (Get Order List / Get Order Detail, version 202309) as canonical order lines.

:func:`order_lines` gives the frame :func:`tkops.sources.read_orders` gives for the Seller Center export of the same
orders (same keys, dtypes and values), so a pull and an export import upsert the same Orders rows (docs/seller-center-files.md#order-export, docs/open-api.md#endpoints):

- ``line_items`` are units (no quantity field). Units with the same package, SKU ID, Seller SKU and unit original
  price are one line: Quantity is their count; SKU Subtotal Before Discount and the SKU discounts are sums over the
  units ("total ... in this SKU ID"); SKU Subtotal After Discount is Before - Platform - Seller, as the export
  defines it. A unit of another price (a gift at 0) is its own line, as an export line has one unit price. Lines
  keep the order of their first unit.
- Order Status is the order's ``status`` in the export's words (IN_TRANSIT and DELIVERED are "Shipped"); Order
  Substatus is each line's ``display_status`` (In Transit, Delivered, ...).
- Unix seconds become naive times in the shop's zone (Settings: Time Zone, else the market's). RTS Time is the
  line's ``rts_time``, Shipped Time ``collection_time`` (the move to IN_TRANSIT), Delivered Time ``delivery_time``;
  in an order of several packages, only lines whose package has a tracking number have them.
- Money strings become numbers; Currency is ``payment.currency``. Masked names and phones stay as masked. Text is
  cleaned as the export reader cleans a cell (surrounding whitespace, control characters); never evaluated.
- ``district_info``: L0 is Country, L1 State (Province), the level named City (else L2) City (District), the level
  below it Districts (the Thai sub-district). Address Line 1 is ``address_line1`` (else ``address_detail``); Address
  Line 2 joins ``address_line2`` to ``address_line4``.

Export columns the API lacks (:data:`API_LACKS`) are left out of the frame, so a merge keeps what an export put
there; so are Warehouse Name without ``warehouses`` and :data:`RETURN_KEYS` without ``returns``. The API withholds
the recipient of UNPAID and ON_HOLD orders: those orders' address cells are empty, and their IDs are listed in
``frame.attrs["recipient_withheld"]`` for a caller that must not blank an address it has. The platform's own
deadlines (:data:`SLA_KEYS`: ``rts_sla_time``, ``shipping_due_time``, ...; no export has them) are order-level
columns of the same names, which the clocks use before computing any (:mod:`tkops.clocks.evidence`); the other
extra facts (user_id, buyer_email, is_cod, ...) are not order-line columns. Unverified choices (no public
export of an API-pulled order to compare with): :data:`SHIPPING_TYPES`, Shipped Time from ``collection_time``, the
refund model of :func:`_return_facts`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from tkops import schema
from tkops import values as V
from tkops.errors import BadValue
from tkops.schema import Column, Kind
from tkops.settings import Settings
from tkops.statuses import canonical_statuses

SOURCE = "TikTok API"
DETAIL_BATCH = 50  # Get Order Detail takes at most 50 IDs

#: Order statuses the export writes as "Shipped" (the Order Substatus says In Transit or Delivered). Other status
#: words become the canonical ones as an export's do (tkops.statuses: AWAITING_SHIPMENT -> Awaiting Shipment).
SHIPPED = frozenset({"IN_TRANSIT", "DELIVERED"})
#: ``shipping_type`` -> Delivery Option Type (the export's "Shipped by seller"; the TikTok word is unverified).
SHIPPING_TYPES = {"SELLER": "Shipped by seller", "TIKTOK": "Shipped by TikTok"}
RETURN_VOID = ("REJECT", "CANCEL")  # returns in these states count no units
RETURN_REFUNDED = frozenset({"RETURN_OR_REFUND_REQUEST_SUCCESS", "RETURN_OR_REFUND_REQUEST_COMPLETE",
                             "REPLACEMENT_REQUEST_REFUND_SUCCESS"})

#: Export columns no API order field gives.
API_LACKS: frozenset[str] = frozenset({
    "buyer_username", "payment_platform_discount", "weight_kg", "product_category", "shipping_information",
    "combined_listing", "house_name_or_number", "order_channel", "creator_handle", "checked_status",
    "checked_marked_by", "request_tax_invoice", "region", "villages", "distance_shipping_fee", "distance_fee",
    "buyer_service_fee", "handling_fee", "shipping_insurance", "item_insurance", "dynamic_commission",
    "purchase_channel", "tokopedia_invoice", "export_lacks"}
    | {c.key for c in schema.ORDER_COLUMNS if c.key.startswith("tax_")})
#: Columns filled only from the orders' returns.
RETURN_KEYS: tuple[str, ...] = ("cancel_return_type", "return_quantity", "order_refund_amount")
#: Columns every API order fills, in canonical order.
API_KEYS: tuple[str, ...] = tuple(c.key for c in schema.ORDER_COLUMNS
                                  if c.key not in API_LACKS | set(RETURN_KEYS) | {"warehouse_name"})
_PAYMENT = {"shipping_fee_after_discount": "shipping_fee", "taxes": "tax", "order_amount": "total_amount",
            **{k: k for k in ("original_shipping_fee", "shipping_fee_seller_discount", "small_order_fee",
                              "shipping_fee_cofunded_discount", "shipping_fee_platform_discount",
                              "retail_delivery_fee")}}
#: The platform's deadlines and the buyer's cancellation request time: order fields kept under their own names.
SLA_KEYS: tuple[str, ...] = ("rts_sla_time", "tts_sla_time", "pick_up_cut_off_time", "shipping_due_time",
                             "collection_due_time", "delivery_sla_time", "delivery_due_time", "cancel_order_sla_time",
                             "request_cancel_time")
_ORDER_TIMES = {"created_time": "create_time", "paid_time": "paid_time", "cancelled_time": "cancel_time",
                **{key: key for key in SLA_KEYS}}


def order_lines(orders: Iterable[Mapping], settings: Settings, returns: Iterable[Mapping] | None = None,
                warehouses: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The canonical order lines of API orders (``data.orders`` of Get Order Detail or Get Order List).

    ``returns``: every return of these orders (Search Returns by ``order_ids``), for :data:`RETURN_KEYS`;
    ``warehouses``: warehouse ID -> name, for Warehouse Name. Raises :class:`~tkops.errors.BadValue` naming the
    order and field of a value that is not a number or a time."""
    facts = _return_facts(returns) if returns is not None else None
    extra = (RETURN_KEYS if facts is not None else ()) + (("warehouse_name",) if warehouses else ())
    orders = list(orders)
    records = [line for order in orders for line in _lines(order, facts, warehouses)]
    frame = typed_frame(records, [c for c in schema.ORDER_COLUMNS if c.key in API_KEYS or c.key in extra], settings)
    for key in ("order_status", "order_substatus"):
        frame[key] = canonical_statuses(frame[key])
    frame.attrs["recipient_withheld"] = tuple(str(o.get("id")) for o in orders if not o.get("recipient_address"))
    return frame


def _lines(order: Mapping, facts, warehouses: Mapping[str, str] | None) -> list[dict]:
    oid = str(order.get("id") or "").strip()
    status, at = str(order.get("status") or ""), f"order {oid}"
    units: dict[tuple, list[Mapping]] = {}
    for item in order.get("line_items") or ():
        key = (item.get("package_id"), item.get("sku_id"), item.get("seller_sku"),
               amount(item.get("original_price"), at, "line_items.original_price"))
        units.setdefault(key, []).append(item)
    single_package = len({k[0] for k in units}) <= 1 and len(order.get("packages") or ()) <= 1
    head = _order_values(order, oid, status, units)
    head.update({"warehouse_name": warehouses.get(str(order.get("warehouse_id") or ""))} if warehouses else {})
    lines = [{**head, **_line_values(group, order, oid, single_package)} for group in units.values()]
    if facts is not None:
        returned, refunds = facts
        counts = [sum(1 for u in group if str(u.get("id")) in returned) for group in units.values()]
        kind = "Cancel" if status == "CANCELLED" else "Return/Refund" if any(counts) else None
        paid_cancel = status == "CANCELLED" and order.get("paid_time")
        refund = head["order_amount"] if paid_cancel else refunds.get(oid, Decimal(0))
        for line, count in zip(lines, counts):
            line.update(cancel_return_type=kind, return_quantity=count, order_refund_amount=refund)
    return lines


def _order_values(order: Mapping, oid: str, status: str, units: dict) -> dict:
    pay, addr, at = order.get("payment") or {}, order.get("recipient_address") or {}, f"order {oid}"
    # A cancelled order may carry its reason and initiator only on its line items.
    line_cancel = next((u for g in units.values() for u in g if u.get("cancel_reason") or u.get("cancel_user")),
                       {}) if status == "CANCELLED" else {}
    cancel_by = order.get("cancellation_initiator") or line_cancel.get("cancel_user")
    country, state, city, districts = _districts(addr)
    values = {k: amount(pay.get(f), at, f"payment.{f}") for k, f in _PAYMENT.items()}
    values.update({k: seconds(order.get(f), at, f) for k, f in _ORDER_TIMES.items()})
    values.update(
        order_id=oid, order_status="Shipped" if status in SHIPPED else status or None,
        pre_order="Pre-order" if order.get("order_type") == "PRE_ORDER" else "Normal",
        currency=pay.get("currency"), cancel_by=words(cancel_by),
        cancel_reason=order.get("cancel_reason") or line_cancel.get("cancel_reason"),
        fulfillment_type=words(order.get("fulfillment_type")),
        delivery_option_type=SHIPPING_TYPES.get(order.get("shipping_type"), words(order.get("shipping_type"))),
        delivery_option=order.get("delivery_option_name"), buyer_message=order.get("buyer_message"),
        recipient=addr.get("name"), phone=addr.get("phone_number"), country=country or addr.get("region_code"),
        state=state, city=city, districts=districts, zipcode=addr.get("postal_code"),
        address_line_1=addr.get("address_line1") or addr.get("address_detail"),
        address_line_2=", ".join(filter(None, (str(addr.get(f"address_line{n}") or "").strip() for n in (2, 3, 4)))),
        delivery_instruction=(addr.get("delivery_preferences") or {}).get("drop_off_location"),
        payment_method=order.get("payment_method_name"), seller_note=order.get("seller_note"),
    )
    return values


def _line_values(units: list[Mapping], order: Mapping, oid: str, single_package: bool) -> dict:
    first, at = units[0], f"order {oid}"

    count = [_units(u, at) for u in units]

    def total(field: str) -> Decimal:
        values = (amount(u.get(field), at, f"line_items.{field}") or Decimal(0) for u in units)
        return sum((v * n for v, n in zip(values, count)), Decimal(0))

    before, platform, seller = total("original_price"), total("platform_discount"), total("seller_discount")
    status = first.get("display_status") or order.get("status") or ""
    fallback = order if single_package else {}
    # The order's times belong to a line of a multi-package order only once its package has gone out.
    shipped = order if single_package or first.get("tracking_number") else {}
    return {
        "order_substatus": status or None,
        "sku_id": first.get("sku_id"), "seller_sku": first.get("seller_sku"),
        "product_name": first.get("product_name"), "variation": first.get("sku_name"), "quantity": sum(count),
        "unit_original_price": amount(first.get("original_price"), at, "line_items.original_price"),
        "subtotal_before_discount": before, "sku_platform_discount": platform, "sku_seller_discount": seller,
        "subtotal_after_discount": before - platform - seller,
        "rts_time": seconds(first.get("rts_time") or shipped.get("rts_time"), at, "rts_time"),
        "shipped_time": seconds(shipped.get("collection_time"), at, "collection_time"),
        "delivered_time": seconds(shipped.get("delivery_time"), at, "delivery_time"),
        "tracking_id": first.get("tracking_number") or fallback.get("tracking_number"),
        "shipping_provider": first.get("shipping_provider_name") or fallback.get("shipping_provider"),
        "package_id": first.get("package_id"),
    }


def _units(item: Mapping, at: str) -> int:
    """The units a line item stands for: 1 (a row per unit), or its quantity if it has one (prices per unit)."""
    found = item.get("quantity")
    if found is None or found == "":
        return 1
    if isinstance(found, bool) or not str(found).strip().isdigit():
        raise BadValue(file=f"{SOURCE}, {at}", row=1, column="line_items.quantity", value=str(found)[:80],
                       expected="expected_int")
    return int(str(found).strip())


def _districts(addr: Mapping) -> tuple[Any, Any, Any, Any]:
    """Country, State, City and Districts from ``district_info`` (levels L0 to L4)."""
    levels = {str(d.get("address_level") or "").upper(): d for d in addr.get("district_info") or ()}
    city = next((f"L{n}" for n in (2, 3, 4)
                 if str(levels.get(f"L{n}", {}).get("address_level_name") or "").strip().casefold() == "city"), "L2")
    return tuple(levels.get(level, {}).get("address_name") for level in ("L0", "L1", city, f"L{int(city[1]) + 1}"))


def _return_facts(returns: Iterable[Mapping]) -> tuple[set[str], dict[str, Decimal]]:
    """The order line item IDs under a live return, and each order's refunded total. Assumed model of the export:
    "Sku Quantity of return" counts units of returns not rejected or cancelled; "Order Refund Amount" sums the
    ``refund_total`` of returns that refunded the buyer (a paid cancelled order refunds its Order Amount)."""
    returned: set[str] = set()
    refunds: dict[str, Decimal] = {}
    for ret in returns:
        status = str(ret.get("return_status") or "")
        oid = str(ret.get("order_id") or "").strip()
        if not any(word in status for word in RETURN_VOID):
            returned.update(str(i.get("order_line_item_id")) for i in ret.get("return_line_items") or ())
        if status in RETURN_REFUNDED:
            total = (ret.get("refund_amount") or {}).get("refund_total")
            got = amount(total, f"return {ret.get('return_id')}", "refund_amount.refund_total")
            refunds[oid] = refunds.get(oid, Decimal(0)) + (got or Decimal(0))
    return returned, refunds


def words(enum: Any) -> str | None:
    """An API enum as the export words it: FULFILLMENT_BY_SELLER -> "Fulfillment by seller", BUYER -> "Buyer"."""
    if not enum:
        return None
    return str(enum).replace("_", " ").strip().capitalize().replace("tiktok", "TikTok")


def amount(value: Any, where: str, field: str) -> Decimal | None:
    """An API money string ("12.99", "5000") as a Decimal; None when empty. Raises BadValue naming the field."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        found = None if isinstance(value, bool) else Decimal(str(value).strip())
    except InvalidOperation:
        found = None
    if found is None or not found.is_finite():
        raise BadValue(file=f"{SOURCE}, {where}", row=1, column=field, value=str(value)[:80],
                       expected="expected_number")
    return found


def seconds(value: Any, where: str, field: str) -> int | None:
    """Unix seconds (int or digits); None for empty or 0 (the API's "not yet"). Raises BadValue naming the field."""
    if value in (None, "", 0, "0"):
        return None
    if isinstance(value, bool) or not str(value).strip().isdigit():
        raise BadValue("bad_date", file=f"{SOURCE}, {where}", row=1, column=field, value=str(value)[:80],
                       examples="Unix seconds, e.g. 1619611561")
    return int(str(value).strip())


def typed_frame(records: list[dict], columns: list[Column], settings: Settings) -> pd.DataFrame:
    """Records of raw API values (str, int, Decimal, Unix seconds) as a canonical frame with ``columns``' dtypes: text
    cleaned and cut to an Excel cell as the export readers do, naive shop times, the Settings' currency where blank."""
    raw = pd.DataFrame.from_records(records, columns=[c.key for c in columns])
    out = pd.DataFrame(index=raw.index)
    for column in columns:
        cells = raw[column.key].astype(object).where(raw[column.key].notna(), None)
        if column.kind in (Kind.ID, Kind.TEXT):
            text = V.clean_text(pd.Series([None if v is None else str(v) for v in cells], dtype=object))
            out[column.key] = text.where(~V.truncate_long(text), text.str.slice(0, V.EXCEL_MAX_CHARS))
        elif column.kind is Kind.INT:
            out[column.key] = pd.array([None if v is None else int(v) for v in cells], dtype="Int64")
        elif column.kind in (Kind.MONEY, Kind.NUMBER):
            out[column.key] = pd.array([None if v is None else float(v) for v in cells], dtype="Float64")
        else:
            stamps = pd.to_datetime(pd.Series([np.nan if v is None else v for v in cells], dtype="float64"),
                                    unit="s", utc=True)
            out[column.key] = stamps.dt.tz_convert(settings.effective_time_zone()).dt.tz_localize(None).astype(
                "datetime64[ns]")
    if "currency" in out and settings.effective_currency():
        out["currency"] = out["currency"].fillna(settings.effective_currency()).astype(object)
    return out


def order_ids_and_updates(search_page: Mapping) -> list[tuple[str, int]]:
    """(order ID, update_time) of each order of one Get Order List response (the whole response or its ``data``)."""
    data = search_page.get("data", search_page) or {}
    return [(str(o.get("id")), int(o.get("update_time") or 0)) for o in data.get("orders") or ()]


def next_page_token(search_page: Mapping) -> str | None:
    """The page token of the next page of a search response; None on the last page (the API sends "")."""
    data = search_page.get("data", search_page) or {}
    return data.get("next_page_token") or None


def id_batches(ids: Iterable[str], size: int = DETAIL_BATCH) -> list[list[str]]:
    """Distinct IDs in first-seen order, in batches of at most ``size`` for Get Order Detail."""
    unique = list(dict.fromkeys(str(i) for i in ids))
    return [unique[i:i + size] for i in range(0, len(unique), size)]
