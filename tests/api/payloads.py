"""Realistic TikTok Shop Open API payloads and the Seller Center exports of the SAME orders, from one source.

The source (:data:`US`, :data:`TH`) describes orders the way the export sees them: lines with a quantity, money in
minor units, shop-local times, returns and cancellations. From it:

- :func:`api_orders`: Get Order Detail ``data.orders`` (docs/open-api.md#endpoints): one line item per unit, the units of different
  lines interleaved, money as strings, Unix seconds, masked recipients, ``district_info`` levels, no recipient for
  UNPAID orders (the API withholds it);
- :func:`write_order_export`: the Seller Center "Export orders" CSV (US and Thai layouts of docs/seller-center-files.md#order-export) with the
  description row, the market's date format and plain-number money (same section);
- :func:`api_returns`, :func:`api_cancellations` and :func:`write_returns_export`: the same for after-sales.

Nothing here calls tkops' API mapping, so comparing ``read_orders(export)`` with ``order_lines(api)`` tests it.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

D = dt.datetime


@dataclass(frozen=True)
class Line:
    """One export line: ``qty`` units of a SKU; discounts are the line's totals (minor units)."""

    sku_id: str
    seller_sku: str
    product: str
    variation: str
    qty: int
    price: int
    platform_disc: int = 0
    seller_disc: int = 0
    package: int = 0
    gift: bool = False


@dataclass(frozen=True)
class Address:
    name: str
    phone: str
    country: str
    state: str
    city: str
    zipcode: str
    line1: str
    line2: str = ""
    districts: str = ""  # TH sub-district (L3)
    county: str = ""  # US county (L2, not in the export)
    instruction: str = ""


@dataclass(frozen=True)
class Order:
    id: str
    status: str  # API enum
    created: D
    lines: tuple[Line, ...]
    address: Address
    username: str
    paid: D | None = None
    rts: D | None = None
    shipped: D | None = None
    delivered: D | None = None
    cancelled: D | None = None
    cancel_by: str | None = None  # API enum
    cancel_reason: str | None = None  # display text
    cancel_key: str | None = None
    packages: tuple[str, ...] = ()
    package_status: tuple[str, ...] = ()  # API enum per package; default: the order's status
    tracking: tuple[str | None, ...] = ()
    provider: tuple[str | None, ...] = ()
    ship_fee: int = 0
    ship_seller_disc: int = 0
    ship_platform_disc: int = 0
    ship_cofund: int = 0
    tax: int = 0
    retail_fee: int = 0
    small_order_fee: int = 0
    message: str | None = None
    payment: str | None = None
    seller_note: str | None = None
    pre_order: bool = False

    def subtotal(self) -> int:
        return sum(x.price * x.qty - x.platform_disc - x.seller_disc for x in self.lines)

    def ship_after(self) -> int:
        return self.ship_fee - self.ship_seller_disc - self.ship_platform_disc - self.ship_cofund

    def total(self) -> int:
        return self.subtotal() + self.ship_after() + self.tax + self.retail_fee + self.small_order_fee


@dataclass(frozen=True)
class Return:
    id: str
    order: str
    type: str  # API enum
    status: str  # API enum
    reason_key: str
    reason_text: str
    created: D
    updated: D
    items: tuple[tuple[int, int, int], ...]  # (line index in the order, units, refund of those units, minor units)
    tracking: str | None = None
    note: str | None = None  # the export's Buyer Note (the API has none)


@dataclass(frozen=True)
class Shop:
    market: str
    zone: str
    currency: str
    layout: str  # "us" or "th"
    orders: tuple[Order, ...]
    returns: tuple[Return, ...] = ()
    warehouse: tuple[str, str] = ("7000714532876273888", "Ontario CA Warehouse")
    delivery_option: str = "Standard Shipping"
    api_money_decimals: bool = True  # TH payloads write "259" where US ones write "12.99"

    def order(self, order_id: str) -> Order:
        return next(o for o in self.orders if o.id == order_id)


# --- the source ---------------------------------------------------------------------------------------------------

TEE = ("1729584410278391810", "TEE-BLK-M", "Classic Cotton Crew Neck T-Shirt", "Black, M")
BEANIE = ("1794465353154137308", "BEANIE-CRM", "Ribbed Cuffed Knit Beanie", "Cream")
HOODIE = ("1736670294629967416", "HOOD-NVY-M", "Heavyweight Fleece Pullover Hoodie", "Navy, M")
CAP = ("1740041004203080633", "CAP-BLK-OS", "Washed Cotton Baseball Cap", "Black, One Size")
HOSTILE = '=HYPERLINK("http://evil.example","Click me")'

US_JORDAN = Address("J***n", "(+1)415*****67", "United States", "California", "San Francisco", "94110",
                    "550 Valencia St", "Apt 12", county="San Francisco")
US_GRACE = Address("Grace Liu", "(+1)857*****29", "United States", "Massachusetts", "Boston", "02215",
                   "66 Bay State Rd", county="Suffolk", instruction="Front Door")
US_RYAN = Address("R*** F***", "(+1)773*****05", "United States", "Illinois", "Chicago", "60614", "2718 N Clark St",
                  "Apt 2F", county="Cook")

US = Shop("US", "America/Los_Angeles", "USD", "us", orders=(
    Order("577100000000000101", "AWAITING_SHIPMENT", D(2026, 11, 24, 12, 39, 13), (
        Line(*TEE, qty=3, price=1499, seller_disc=300), Line(*BEANIE, qty=1, price=1250, platform_disc=125)),
        US_JORDAN, "jordanlee.sf", paid=D(2026, 11, 24, 12, 41, 9), packages=("1154557934398558993",),
        ship_fee=599, ship_seller_disc=200, tax=512, retail_fee=29, message=HOSTILE, payment="PayPal"),
    Order("577100000000000202", "IN_TRANSIT", D(2026, 7, 3, 23, 30, 5), (
        Line(*HOODIE, qty=1, price=3999), Line(*CAP, qty=1, price=1600)),
        US_GRACE, "graceliu.bu", paid=D(2026, 7, 3, 23, 31), rts=D(2026, 7, 4, 9, 15), shipped=D(2026, 7, 4, 17, 2, 44),
        packages=("1155042522648724321",), tracking=("9400111921464112423694",), provider=("USPS",), ship_fee=599,
        ship_platform_disc=599, tax=390, payment="Credit card", seller_note="VIP: add a sticker"),
    Order("577100000000000303", "PARTIALLY_SHIPPING", D(2026, 11, 17, 9, 42, 28), (
        Line(*TEE, qty=2, price=1499, seller_disc=300, package=0), Line(*TEE, qty=1, price=1499, package=1),
        Line(*CAP, qty=1, price=1600, package=0), Line(*CAP, qty=1, price=0, package=0, gift=True)),
        US_RYAN, "ryfoster", paid=D(2026, 11, 17, 9, 42, 43), rts=D(2026, 11, 18, 8, 0, 1),
        shipped=D(2026, 11, 18, 16, 30), packages=("1151172211214415310", "1151172211214415311"),
        package_status=("IN_TRANSIT", "AWAITING_SHIPMENT"), tracking=("1ZRD3VP50300811571", None),
        provider=("UPS", None), ship_fee=599, ship_cofund=599, tax=407, payment="Apple Pay"),
    Order("577100000000000404", "CANCELLED", D(2026, 11, 18, 0, 14, 11), (Line(*HOODIE, qty=2, price=3999),),
          US_RYAN, "ryfoster", paid=D(2026, 11, 18, 0, 19, 1), cancelled=D(2026, 11, 19, 10, 36, 9), cancel_by="BUYER",
          cancel_reason="Item wasn't shipped on time",
          cancel_key="ecom_order_to_ship_canceled_reason_not_shipped_on_time",
          packages=("1153730975779844461",), ship_fee=599, tax=680, payment="PayPal"),
    Order("577100000000000505", "COMPLETED", D(2026, 10, 30, 20, 5, 0), (
        Line(*TEE, qty=2, price=1499), Line(*BEANIE, qty=1, price=1250)),
        US_GRACE, "graceliu.bu", paid=D(2026, 10, 30, 20, 6), rts=D(2026, 10, 31, 11, 0),
        shipped=D(2026, 10, 31, 18, 0),
        delivered=D(2026, 11, 3, 14, 22, 10), packages=("1156248582657172172",), tracking=("1ZAFFX300394046785",),
        provider=("UPS",), ship_fee=599, ship_platform_disc=599, tax=397, payment="Google Pay"),
    Order("577100000000000606", "UNPAID", D(2026, 11, 25, 4, 55, 14), (Line(*CAP, qty=1, price=1600),),
          US_JORDAN, "jordanlee.sf", packages=("1155465609339964051",), ship_fee=599, tax=152,
          message="Please\tgift wrap\x07 it\nthanks ", pre_order=True),
    Order("577100000000000707", "DELIVERED", D(2026, 11, 10, 8, 1, 2), (
        Line(*TEE, qty=1, price=1499), Line(*HOODIE, qty=1, price=3999)),
        US_RYAN, "ryfoster", paid=D(2026, 11, 10, 8, 2), rts=D(2026, 11, 10, 15, 0), shipped=D(2026, 11, 11, 9, 0),
        delivered=D(2026, 11, 14, 12, 0), packages=("1152709104140459468",), tracking=("9400111104801490964479",),
        provider=("USPS",), ship_fee=599, ship_platform_disc=599, tax=563, payment="Klarna"),
), returns=(
    Return("4035118812903456781", "577100000000000505", "RETURN_AND_REFUND", "RETURN_OR_REFUND_REQUEST_COMPLETE",
           "ecom_order_delivered_refund_and_return_reason_defective", "Defective item", D(2026, 11, 5, 9, 12, 44),
           D(2026, 11, 9, 16, 3, 10), ((0, 1, 1599),), tracking="9434611206206406260783", note="Seam split =1+1"),
    Return("4035118812903456799", "577100000000000707", "RETURN_AND_REFUND", "AWAITING_BUYER_SHIP",
           "buyer_return_and_refund_item_doesn't_fit", "Item doesn't fit", D(2026, 11, 20, 21, 40, 2),
           D(2026, 11, 21, 8, 0, 0), ((0, 1, 1604), (1, 1, 4279)), note="Runs small"),
))

TH_SOMCHAI = Address("ส***ย", "(+66)81*****67", "Thailand", "กรุงเทพมหานคร", "เขตวัฒนา", "10110",
                     "99/12 หมู่บ้านศุภาลัย ซอยสุขุมวิท 63", districts="แขวงคลองตันเหนือ")
TH_NATTIDA = Address("ณัฐธิดา ศรีสุข", "(+66)89*****21", "Thailand", "นนทบุรี", "อำเภอเมืองนนทบุรี", "11000",
                     "8/1 หมู่ 3 ถนนติวานนท์", "คอนโดเดอะไลน์ ชั้น 18", districts="ตำบลบางกระสอ")
TSHIRT_TH = ("1740012233445566771", "TSH-OVS-BLK-L", "เสื้อยืดโอเวอร์ไซส์ ผ้าคอตตอน 100%", "ดำ, L")
TUMBLER_TH = ("1740012233445566782", "TMB-600-PNK", "แก้วเก็บความเย็น สแตนเลส 600ml", "ชมพู")

TH = Shop("TH", "Asia/Bangkok", "THB", "th", warehouse=("7000714532876273999", "คลังสินค้าบางนา"),
          delivery_option="Standard Delivery", api_money_decimals=False, orders=(
    Order("580100000000000101", "AWAITING_COLLECTION", D(2026, 11, 6, 23, 50, 1), (
        Line(*TSHIRT_TH, qty=2, price=25900, seller_disc=2000),),
        TH_SOMCHAI, "somchai.jd", paid=D(2026, 11, 6, 23, 51), rts=D(2026, 11, 7, 10, 5, 5),
        packages=("1160000000000000101",), tracking=("TH0123456789A",), provider=("Flash Express",), ship_fee=4000,
        ship_platform_disc=4000, payment="เก็บเงินปลายทาง", message="ขอสีดำนะคะ"),
    Order("580100000000000202", "COMPLETED", D(2026, 10, 20, 8, 0, 0), (
        Line(*TUMBLER_TH, qty=1, price=8900), Line(*TSHIRT_TH, qty=1, price=25900)),
        TH_NATTIDA, "nattida_ss", paid=D(2026, 10, 20, 8, 1), rts=D(2026, 10, 20, 15, 0), shipped=D(2026, 10, 21, 9, 0),
        delivered=D(2026, 10, 23, 13, 0), packages=("1160000000000000202",), tracking=("TH0987654321B",),
        provider=("J&T Express TH",), ship_fee=4000, small_order_fee=0, payment="Mobile Banking"),
    Order("580100000000000303", "CANCELLED", D(2026, 11, 1, 12, 0, 0), (Line(*TUMBLER_TH, qty=1, price=8900),),
          TH_NATTIDA, "nattida_ss", paid=D(2026, 11, 1, 12, 1), cancelled=D(2026, 11, 2, 9, 30), cancel_by="SELLER",
          cancel_reason="สินค้าหมด", cancel_key="seller_cancel_reason_out_of_stock", packages=("1160000000000000303",),
          ship_fee=4000, small_order_fee=1100, payment="TrueMoney Wallet"),
), returns=(
    Return("4035330012345678901", "580100000000000202", "REFUND", "RETURN_OR_REFUND_REQUEST_SUCCESS",
           "ecom_order_delivered_refund_and_return_reason_wrong_product", "ได้รับสินค้าผิด",
           D(2026, 10, 24, 11, 11, 11),
           D(2026, 10, 26, 15, 0, 0), ((1, 1, 25900),)),
))


# --- the truth both sides share: how the export words what the API says -----------------------------------------

STATUS_PAIRS = {
    "UNPAID": ("Unpaid", "Unpaid"), "AWAITING_SHIPMENT": ("Awaiting Shipment", "Awaiting Shipment"),
    "PARTIALLY_SHIPPING": ("Partially Shipped", "Partially Shipped"),
    "AWAITING_COLLECTION": ("Awaiting Collection", "Awaiting Collection"), "IN_TRANSIT": ("Shipped", "In Transit"),
    "DELIVERED": ("Shipped", "Delivered"), "COMPLETED": ("Completed", "Completed"),
    "CANCELLED": ("Canceled", "Canceled"),
}
THAI_WORDS = {"Canceled": "ยกเลิกแล้ว", "Completed": "เสร็จสมบูรณ์", "Awaiting Collection": "รอการรับพัสดุ",
              "Awaiting Shipment": "ที่ต้องจัดส่ง", "Shipped": "จัดส่งแล้ว", "Delivered": "จัดส่งสำเร็จ"}
RETURN_WORDS = {"RETURN_OR_REFUND_REQUEST_COMPLETE": ("Completed", "Refunded"),
                "RETURN_OR_REFUND_REQUEST_SUCCESS": ("Completed", "Refunded"),
                "AWAITING_BUYER_SHIP": ("In Process", "Awaiting buyer shipment")}
RETURN_TYPE_WORDS = {"RETURN_AND_REFUND": "Return and refund", "REFUND": "Refund only"}
REFUNDED = {"RETURN_OR_REFUND_REQUEST_COMPLETE", "RETURN_OR_REFUND_REQUEST_SUCCESS"}


def unit_id(order: Order, line: int, k: int) -> str:
    """The API line item ID of the k-th unit of an order's line."""
    return f"57{order.id[-9:]}{line:03d}{k:04d}"


def ts(moment: D | None, zone: str) -> int | None:
    """Unix seconds of a shop-local time."""
    return None if moment is None else int(moment.replace(tzinfo=ZoneInfo(zone)).timestamp())


def split(total: int, n: int) -> list[int]:
    """``total`` over ``n`` units (remainder on the first ones), as the API gives per-unit discounts."""
    base, rest = divmod(total, n)
    return [base + (1 if i < rest else 0) for i in range(n)]


def package_value(values: tuple, package: int):
    return values[package] if package < len(values) else None


def gone(o: Order, package: int) -> bool:
    """Whether a line's package has the order's RTS, shipped and delivered times: the only package, or one with a
    tracking number (the other package of a partly shipped order has not gone out)."""
    return len(o.packages) <= 1 or bool(package_value(o.tracking, package))


def line_rts(o: Order, package: int) -> D | None:
    return o.rts if gone(o, package) else None


def api_money(minor: int, shop: Shop) -> str:
    if not shop.api_money_decimals and minor % 100 == 0:
        return str(minor // 100)
    return f"{minor // 100}.{minor % 100:02d}"


# --- API payloads ---------------------------------------------------------------------------------------------------

def api_orders(shop: Shop) -> list[dict]:
    """Get Order Detail ``data.orders`` of every order of ``shop``."""
    return [api_order(o, shop) for o in shop.orders]


def api_order(o: Order, shop: Shop) -> dict:
    z, m = shop.zone, (lambda minor: api_money(minor, shop))
    statuses = o.package_status or (o.status,) * len(o.packages)
    units = []
    for k in range(max(x.qty for x in o.lines)):  # interleaved, as one unit per row comes back
        for n, x in enumerate(o.lines):
            if k >= x.qty:
                continue
            plat, sell = split(x.platform_disc, x.qty)[k], split(x.seller_disc, x.qty)[k]
            p = x.package
            units.append({
                "id": unit_id(o, n, k), "sku_id": x.sku_id, "product_id": "1729582718312380123",
                "product_name": x.product, "sku_name": x.variation, "seller_sku": x.seller_sku,
                "sku_image": "https://p16-oec-va.example/img.jpg", "original_price": m(x.price),
                "sale_price": m(x.price - plat - sell), "platform_discount": m(plat), "seller_discount": m(sell),
                "currency": shop.currency, "display_status": statuses[p], "package_id": o.packages[p],
                "package_status": "TO_FULFILL", "tracking_number": package_value(o.tracking, p) or "",
                "shipping_provider_name": package_value(o.provider, p) or "", "shipping_provider_id": "",
                "rts_time": ts(line_rts(o, p), z),
                "cancel_reason": o.cancel_reason or "", "cancel_user": o.cancel_by or "", "is_gift": x.gift,
                "sku_type": "PRE_ORDER" if o.pre_order else "NORMAL", "item_tax": [], "is_dangerous_good": False,
            })
    order = {
        "id": o.id, "status": o.status, "create_time": ts(o.created, z), "paid_time": ts(o.paid, z),
        "update_time": max(t for t in (ts(v, z) for v in (o.created, o.paid, o.rts, o.shipped, o.delivered,
                                                              o.cancelled)) if t),
        "rts_time": ts(o.rts, z), "collection_time": ts(o.shipped, z), "delivery_time": ts(o.delivered, z),
        "cancel_time": ts(o.cancelled, z), "cancellation_initiator": o.cancel_by or "",
        "cancel_reason": o.cancel_reason or "", "buyer_message": o.message or "",
        "fulfillment_type": "FULFILLMENT_BY_SELLER", "shipping_type": "SELLER", "delivery_type": "HOME_DELIVERY",
        "delivery_option_id": "7091146663229654785", "delivery_option_name": shop.delivery_option,
        "warehouse_id": shop.warehouse[0], "payment_method_name": o.payment or "", "seller_note": o.seller_note or "",
        "order_type": "PRE_ORDER" if o.pre_order else "", "tracking_number": (o.tracking or ("",))[0] or "",
        "shipping_provider": (o.provider or ("",))[0] or "", "packages": [{"id": p} for p in o.packages],
        "user_id": "7021436810468230477", "buyer_email": "v2b2V5@chat.seller.tiktok.com", "is_cod": False,
        "rts_sla_time": ts(o.created, z) + 2 * 86400, "is_on_hold_order": False, "commerce_platform": "TIKTOK_SHOP",
        "payment": {
            "currency": shop.currency, "sub_total": m(o.subtotal()), "shipping_fee": m(o.ship_after()),
            "seller_discount": m(sum(x.seller_disc for x in o.lines)),
            "platform_discount": m(sum(x.platform_disc for x in o.lines)), "total_amount": m(o.total()),
            "original_total_product_price": m(sum(x.price * x.qty for x in o.lines)),
            "original_shipping_fee": m(o.ship_fee), "shipping_fee_seller_discount": m(o.ship_seller_disc),
            "shipping_fee_platform_discount": m(o.ship_platform_disc),
            "shipping_fee_cofunded_discount": m(o.ship_cofund), "tax": m(o.tax),
            **({"retail_delivery_fee": m(o.retail_fee)} if shop.layout == "us" else
               {"small_order_fee": m(o.small_order_fee)}),
        },
        "line_items": units,
    }
    if o.status not in ("UNPAID", "ON_HOLD"):  # "not available under UNPAID and ON_HOLD" (docs/open-api.md#endpoints)
        order["recipient_address"] = api_address(o.address, shop)
    return {k: v for k, v in order.items() if v is not None}


def api_address(a: Address, shop: Shop) -> dict:
    levels = [("Country", a.country), ("State" if shop.layout == "us" else "Province", a.state)]
    levels += [("County", a.county), ("City", a.city)] if shop.layout == "us" else [
        ("District", a.city), ("Subdistrict", a.districts)]
    us = shop.layout == "us"
    return {
        "name": a.name, "first_name": a.name, "last_name": "", "phone_number": a.phone,
        "full_address": ", ".join(filter(None, (a.line1, a.line2, a.districts, a.city, a.state, a.zipcode))),
        "address_detail": " ".join(filter(None, (a.line1, a.line2))) if us else a.line1,
        "address_line1": a.line1 if us else "", "address_line2": a.line2, "address_line3": "", "address_line4": " ",
        "postal_code": a.zipcode, "region_code": shop.market,
        "district_info": [{"address_level_name": name, "address_name": value, "address_level": f"L{n}"}
                          for n, (name, value) in enumerate(levels)],
        **({"delivery_preferences": {"drop_off_location": a.instruction}} if a.instruction else {}),
    }


def api_returns(shop: Shop) -> list[dict]:
    """Search Returns ``data.return_orders`` of every return of ``shop``."""
    out = []
    for r in shop.returns:
        o, z, m = shop.order(r.order), shop.zone, (lambda minor: api_money(minor, shop))
        items = []
        for line, count, refund in r.items:
            x = o.lines[line]
            for k, part in enumerate(split(refund, count)):
                items.append({
                    "return_line_item_id": f"{r.id[:13]}{line:03d}{k:03d}", "order_line_item_id": unit_id(o, line, k),
                    "sku_id": x.sku_id, "sku_name": x.variation, "product_name": x.product, "seller_sku": x.seller_sku,
                    "product_image": {"url": "https://p16-oec-va.example/img.jpg", "width": 200, "height": 200},
                    "refund_amount": {"currency": shop.currency, "refund_total": m(part), "refund_subtotal": m(part),
                                      "refund_shipping_fee": "0", "refund_tax": "0"}})
        out.append({
            "return_id": r.id, "order_id": r.order, "return_type": r.type, "return_status": r.status,
            "arbitration_status": "", "role": "BUYER", "return_reason": r.reason_key,
            "return_reason_text": r.reason_text, "shipment_type": "PLATFORM", "handover_method": "DROP_OFF",
            "return_tracking_number": r.tracking or "", "return_provider_name": "USPS" if r.tracking else "",
            "create_time": ts(r.created, z), "update_time": ts(r.updated, z), "can_buyer_keep_item": False,
            "return_line_items": items, "return_method": "BUYER_SHIPPED",
            "refund_amount": {"currency": shop.currency, "refund_total": m(sum(i[2] for i in r.items))},
            "seller_next_action_response": [{"action": "SELLER_RESPOND_RECEIVE_PACKAGE",
                                             "deadline": ts(r.updated, z) + 7 * 86400}],
        })
    return out


def api_cancellations(shop: Shop) -> list[dict]:
    """Search Cancellations ``data.cancellations`` of every cancelled order of ``shop`` (settled at once)."""
    out = []
    for o in (o for o in shop.orders if o.status == "CANCELLED"):
        z, m = shop.zone, (lambda minor: api_money(minor, shop))
        refund = o.total() if o.paid else 0
        out.append({
            "cancel_id": f"4{o.id[1:]}", "order_id": o.id, "cancel_type": "BUYER_CANCEL" if o.cancel_by == "BUYER"
            else "CANCEL", "cancel_status": "CANCELLATION_REQUEST_COMPLETE", "role": o.cancel_by,
            "cancel_reason": o.cancel_key, "cancel_reason_text": o.cancel_reason, "create_time": ts(o.cancelled, z),
            "update_time": ts(o.cancelled, z), "refund_amount": {"currency": shop.currency, "refund_total": m(refund)},
            "cancel_line_items": [{"cancel_line_item_id": f"9{unit_id(o, n, k)[1:]}", "order_line_item_id":
                                   unit_id(o, n, k), "sku_id": x.sku_id, "sku_name": x.variation,
                                   "product_name": x.product, "seller_sku": x.seller_sku}
                                  for n, x in enumerate(o.lines) for k in range(x.qty)],
        })
    return out


def search_page(orders: list[dict], token: str = "") -> dict:
    """A Get Order List response carrying ``orders``."""
    return {"code": 0, "message": "Success", "request_id": "202203070749000101890810281E8C70B7",
            "data": {"next_page_token": token, "total_count": len(orders), "orders": orders}}


# --- Seller Center exports -----------------------------------------------------------------------------------------

US_HEADERS = (
    "Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type", "Normal or Pre-order", "SKU ID",
    "Seller SKU", "Product Name", "Variation", "Quantity", "Sku Quantity of return", "SKU Unit Original Price",
    "SKU Subtotal Before Discount", "SKU Platform Discount", "SKU Seller Discount", "SKU Subtotal After Discount",
    "Shipping Fee After Discount", "Original Shipping Fee", "Shipping Fee Seller Discount",
    "Co-Funded Shipping Fee Discount", "Shipping Fee Platform Discount", "Payment platform discount",
    "Retail Delivery Fee", "Taxes", "Order Amount", "Order Refund Amount", "Created Time", "Paid Time", "RTS Time",
    "Shipped Time", "Delivered Time", "Cancelled Time", "Cancel By", "Cancel Reason", "Fulfillment Type",
    "Warehouse Name", "Tracking ID", "Delivery Option Type", "Delivery Option", "Shipping Provider Name",
    "Buyer Message", "Buyer Username", "Recipient", "Phone #", "Country", "State", "City", "Zipcode",
    "Address Line 1", "Address Line 2", "Delivery Instruction", "Payment Method", "Weight(kg)", "Product Category",
    "Package ID", "Seller Note", "Shipping Information", "Combined Listing",
)
_SEA_DROP = {"Co-Funded Shipping Fee Discount", "Retail Delivery Fee", "Delivery Option Type"}
TH_HEADERS = tuple(h for h in US_HEADERS[:US_HEADERS.index("Recipient")] if h not in _SEA_DROP) + (
    "Recipient", "Phone #", "Zipcode", "Country", "Province", "District", "Districts", "Detail Address",
    "Additional address information", "Payment Method", "Package ID", "Seller Note", "Checked Status",
    "Checked Marked by", "Request Tax Invoice", "Tax Info - Buyer Tax ID", "Tax Info - Type",
    "Tax Info - Full Name of Buyer", "Tax Info - Email", "Tax Info - Phone Number", "Tax Info - Registered Address",
    "Tax Info - Address Type", "Weight(kg)", "Product Category", "Small Order Fee",
)
DESCRIPTIONS = {
    "us": {"Order ID": "Platform unique order ID.", "Order Status": "Current order status.",
           "SKU ID": "Platform SKU ID.", "Seller SKU": "Seller sku input by the seller in the product system.",
           "Quantity": "SKU sold quantity in the order.", "SKU Unit Original Price": "1 SKU original price.",
           "SKU Subtotal After Discount": "It equals SKU Subtotal Before Discount - SKU Platform Discount - SKU "
                                          "Seller Discount.",
           "Created Time": "Order created time.", "Paid Time": "Order paid time.",
           "Tracking ID": "The order's tracking number."},
    "th": {"Order ID": "รหัสคำสั่งซื้อ", "Order Status": "สถานะคำสั่งซื้อ", "Created Time": "เวลาที่สร้าง",
           "Product Name": "ชื่อสินค้า", "Recipient": "ชื่อผู้รับ"},
}
RETURN_HEADERS = (
    "Return Order ID", "Order ID", "Order Amount", "Order Status", "SKU ID", "Seller SKU", "Product Name", "SKU Name",
    "Return unit price", "Return Quantity", "Return Reason", "Return Type", "Return Status", "Return Sub Status",
    "Time Requested", "Refund Time", "Buyer Username", "Buyer Note", "Return Logistics Tracking ID",
)


def money(minor: int | None) -> str:
    """Money as the US and TH exports write it: a plain number with two decimals."""
    return "" if minor is None else f"{minor // 100}.{minor % 100:02d}"


def when(moment: D | None, shop: Shop) -> str:
    """A shop-local time as the export writes it: 11/24/2026 9:30:33 AM (US), 24/11/2026 09:30:33 (TH)."""
    if moment is None:
        return ""
    if shop.layout == "us":
        return f"{moment:%m/%d/%Y} {moment.hour % 12 or 12}:{moment:%M:%S %p}"
    return f"{moment:%d/%m/%Y %H:%M:%S}"


def status_word(word: str, shop: Shop) -> str:
    return THAI_WORDS.get(word, word) if shop.layout == "th" else word


def live(r: Return) -> bool:
    return not any(w in r.status for w in ("REJECT", "CANCEL"))


def export_lines(shop: Shop) -> list[dict[str, str]]:
    """The export's cells (header -> text) of every line of every order of ``shop``, in order."""
    rows = []
    for o in shop.orders:
        returns = [r for r in shop.returns if r.order == o.id]
        back = {n: sum(c for r in returns if live(r) for line, c, _ in r.items if line == n) for n in
                range(len(o.lines))}
        refund = o.total() if o.status == "CANCELLED" and o.paid else sum(
            f for r in returns if r.status in REFUNDED for _, _, f in r.items)
        kind = "Cancel" if o.status == "CANCELLED" else "Return/Refund" if any(back.values()) else ""
        a = o.address
        for n, x in enumerate(o.lines):
            p = x.package
            out = gone(o, p)
            before = x.price * x.qty
            rows.append({
                "Order ID": o.id, "Order Status": status_word(STATUS_PAIRS[o.status][0], shop),
                "Order Substatus": status_word(STATUS_PAIRS[(o.package_status or (o.status,) * 9)[p]][1], shop),
                "Cancelation/Return Type": kind, "Normal or Pre-order": "Pre-order" if o.pre_order else "Normal",
                "SKU ID": x.sku_id, "Seller SKU": x.seller_sku, "Product Name": x.product, "Variation": x.variation,
                "Quantity": str(x.qty), "Sku Quantity of return": str(back[n]),
                "SKU Unit Original Price": money(x.price),
                "SKU Subtotal Before Discount": money(before), "SKU Platform Discount": money(x.platform_disc),
                "SKU Seller Discount": money(x.seller_disc),
                "SKU Subtotal After Discount": money(before - x.platform_disc - x.seller_disc),
                "Shipping Fee After Discount": money(o.ship_after()), "Original Shipping Fee": money(o.ship_fee),
                "Shipping Fee Seller Discount": money(o.ship_seller_disc),
                "Co-Funded Shipping Fee Discount": money(o.ship_cofund),
                "Shipping Fee Platform Discount": money(o.ship_platform_disc), "Payment platform discount": "0.00",
                "Retail Delivery Fee": money(o.retail_fee), "Taxes": money(o.tax),
                "Small Order Fee": money(o.small_order_fee), "Order Amount": money(o.total()),
                "Order Refund Amount": money(refund), "Created Time": when(o.created, shop),
                "Paid Time": when(o.paid, shop), "RTS Time": when(line_rts(o, p), shop),
                "Shipped Time": when(o.shipped if out else None, shop),
                "Delivered Time": when(o.delivered if out else None, shop),
                "Cancelled Time": when(o.cancelled, shop), "Cancel By": (o.cancel_by or "").capitalize(),
                "Cancel Reason": o.cancel_reason or "", "Fulfillment Type": "Fulfillment by seller",
                "Warehouse Name": shop.warehouse[1], "Tracking ID": package_value(o.tracking, p) or "",
                "Delivery Option Type": "Shipped by seller", "Delivery Option": shop.delivery_option,
                "Shipping Provider Name": package_value(o.provider, p) or "", "Buyer Message": o.message or "",
                "Buyer Username": o.username, "Recipient": a.name, "Phone #": a.phone, "Country": a.country,
                "State": a.state, "Province": a.state, "City": a.city, "District": a.city, "Districts": a.districts,
                "Zipcode": a.zipcode, "Address Line 1": a.line1, "Detail Address": a.line1,
                "Address Line 2": a.line2, "Additional address information": a.line2,
                "Delivery Instruction": a.instruction, "Payment Method": o.payment or "", "Weight(kg)": "0.37",
                "Product Category": "Menswear & Underwear/Tops/T-shirts", "Package ID": o.packages[p],
                "Seller Note": o.seller_note or "", "Checked Status": "Unchecked", "Request Tax Invoice": "No",
            })
    return rows


def write_order_export(shop: Shop, path: Path) -> Path:
    """The Seller Center order export CSV of ``shop``'s orders (description row under the header)."""
    headers = US_HEADERS if shop.layout == "us" else TH_HEADERS
    rows = [[line.get(h, "") for h in headers] for line in export_lines(shop)]
    return _write(path, headers, [DESCRIPTIONS[shop.layout].get(h, "") for h in headers], rows, shop)


def write_returns_export(shop: Shop, path: Path) -> Path:
    """The Seller Center Return/Refund export CSV of ``shop``'s returns (one row per return and SKU line)."""
    rows = []
    for r in shop.returns:
        o = shop.order(r.order)
        for line, count, refund in r.items:
            x = o.lines[line]
            cells = {
                "Return Order ID": r.id, "Order ID": o.id, "Order Amount": money(o.total()),
                "Order Status": STATUS_PAIRS[o.status][0], "SKU ID": x.sku_id, "Seller SKU": x.seller_sku,
                "Product Name": x.product, "SKU Name": x.variation, "Return unit price": money(refund),
                "Return Quantity": str(count), "Return Reason": r.reason_text,
                "Return Type": RETURN_TYPE_WORDS[r.type], "Return Status": RETURN_WORDS[r.status][0],
                "Return Sub Status": RETURN_WORDS[r.status][1], "Time Requested": when(r.created, shop),
                "Refund Time": when(r.updated if r.status in REFUNDED else None, shop), "Buyer Username": o.username,
                "Buyer Note": r.note or "", "Return Logistics Tracking ID": r.tracking or "",
            }
            rows.append([cells[h] for h in RETURN_HEADERS])
    return _write(path, RETURN_HEADERS, None, rows, shop)


def _write(path: Path, headers, description, rows, shop: Shop) -> Path:
    encoding = "utf-8-sig" if shop.layout == "th" else "utf-8"  # the SEA exports carry a BOM (reference 1b)
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
        writer.writerow(headers)
        if description:
            writer.writerow(description)
        writer.writerows(rows)
    return path


# --- comparing canonical frames ----------------------------------------------------------------------------------

def differences(expected: pd.DataFrame, actual: pd.DataFrame, key, columns=None, limit: int = 40) -> list[str]:
    """How ``actual`` differs from ``expected`` on ``columns`` (default: the columns both have), row by row after
    sorting both by ``key(frame)``: dtypes, missing rows and every differing cell, as readable lines."""
    columns = [c for c in expected.columns if c in actual.columns] if columns is None else list(columns)
    exp = expected.assign(_key=key(expected).to_numpy()).sort_values("_key").set_index("_key")
    act = actual.assign(_key=key(actual).to_numpy()).sort_values("_key").set_index("_key")
    out = [f"row {k}: only in {side}" for side, a, b in (("export", exp, act), ("api", act, exp))
           for k in a.index.difference(b.index)]
    for column in columns:
        if str(exp[column].dtype) != str(act[column].dtype):
            out.append(f"{column}: dtype export {exp[column].dtype} != api {act[column].dtype}")
        for k in exp.index.intersection(act.index):
            e, a = exp.at[k, column], act.at[k, column]
            if not ((pd.isna(e) and pd.isna(a)) or (not pd.isna(e) and not pd.isna(a) and e == a)):
                out.append(f"{column} at {k}: export {e!r} != api {a!r}")
    return out[:limit] + ([f"... and {len(out) - limit} more"] if len(out) > limit else [])
