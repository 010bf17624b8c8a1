#!/usr/bin/env python3
"""Generate the sample order exports and their truth files (deterministic).

Run from the repository root::

    python tools/make_samples.py

It rewrites, byte for byte identically on every run:

* ``tests/data/exports/*``: small sample files in every export layout tkops reads (TikTok Seller Center CSV/XLSX per
  market, Mabang, DianXiaoMi, a column-mapped ERP) plus bad inputs, each with a ``<stem>.expected.json`` beside it;
* ``tkops/samples/*``: the demo data bundled with the package (a day of a US shop, a day of a Thai shop, an
  inventory and a bundle list) and the truth of the two demo order files.

How it works: the generator first builds TRUTH order lines (canonical values: ``str`` for IDs and text, ``int`` for
quantities, integer minor units for money, grams for weights, naive ``datetime`` in shop time), then RENDERS them into
each layout (headers, date format, money format, localised status text, stray whitespace, blanks ...). Any damage a
sample needs (tabs around IDs, a vertical tab in an address, Excel's ``5.77E+17``) is applied while rendering, never
to the truth. The truth is written as JSON with the canonical display names of ``tkops/schema.py``.

Determinism: every random choice comes from ``random.Random`` seeded with a fixed string per sample; nothing reads
the clock; xlsx files get fixed document properties and their zip members are rewritten with a fixed timestamp.

Evidence and assumptions (see /work/shared/reference/tiktok-shop-formats.md):

* US 2025 layout: the 58 headers of reference 1a, in order. Older US layout: reference 1a-bis. VN layout (56 columns):
  the US columns up to Buyer Username without Co-Funded Shipping Fee Discount, Retail Delivery Fee and Delivery Option
  Type, then the address block of reference 1b; where Order Channel and Creator Handle sit is NOT evidenced (put last).
  TH layout: the same first part, then the columns of reference 1b in the order the brief gives; the position of
  Small Order Fee is NOT evidenced (put last). ID layout: NOT evidenced; assumed to be the TH address block without
  the tax-invoice columns. BR layout: NOT evidenced; the US 2025 headers are used.
* Description-row texts: the ones quoted in reference 1a-bis/1c; "Order created time." is built from the fragment
  "order created time"; other cells of the description row are left empty (real rows show gaps too). Thai
  description texts other than the three quoted ones are my own wording.
* Mabang: the header names are those of reference 7 (one user's template). Follow-on lines of a multi-SKU order leave
  BLANK the cells of columns that are order-level in tkops/schema.py (and the non-canonical shop/platform columns);
  order numbers and line-level columns (SKU, quantity, price, name, shipping time, tracking, channel) stay filled.
  Mapping used for the truth: 交易编号 -> Order ID (订单编号 is Mabang's internal number), SKU -> Seller SKU (平台SKU
  holds the same text in this sample, so either mapping gives the same truth), 商品销售单价 -> SKU Unit Original Price,
  订单总金额 -> Order Amount, 订单备注 -> Seller Note, 客户姓名 -> Recipient, 客户账号 -> Buyer Username, 电话1 ->
  Phone #, 邮寄地址1 -> Address Line 1, 所属地区（省/州） -> State, 所属城市 -> City, 物流渠道 -> Shipping Provider
  Name, 货运单号 -> Tracking ID. Status words (配货中, 已发货, 已完成, 已作废) come from Mabang's API status list;
  their English equivalents are my mapping.
* DianXiaoMi: only the sheet name "order_" and the columns 产品规格, 产品ID, 产品总数, 产品名称, 图片网址 are evidenced
  (reference 7). Every other header (订单号, 平台订单号, 店铺, 订单状态, 单价, 订单金额, 币种, 付款时间, 买家姓名, 买家账号,
  电话, 国家, 省/州, 城市, 邮编, 地址1, 地址2, 买家留言, 运单号, 物流方式), their order, the status words (待处理, 已发货,
  已完成) and the repetition of order-level values on every line are ASSUMED.
* Tracking numbers: USPS IMpb and UPS 1Z numbers carry valid check digits, Correios/Royal Mail numbers are valid S10;
  Thai/Vietnamese/Indonesian carrier numbers only look plausible (no public check-digit rule).
* Names, addresses, phone numbers and IDs are invented. US phone numbers use the fictional 555-01xx range.
"""

from __future__ import annotations

import codecs
import csv
import importlib.util
import io
import json
import os
import random
import re
import sys
import zipfile
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

# openpyxl writes its XML through lxml when lxml is installed, and those bytes differ from its own writer's: the
# samples are written without lxml, so that they come out the same on every machine.
os.environ.setdefault("OPENPYXL_LXML", "False")

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = ROOT / "tests" / "data" / "exports"
DEMO = ROOT / "tkops" / "samples"
SEED = "tkops-samples-v1"
FIXED_DOC_TIME = datetime(2026, 11, 25, 0, 0, 0)
ZIP_TIME = (2026, 11, 25, 0, 0, 0)


def _load_schema():
    """Load tkops/schema.py by path (display names only), without importing the tkops package."""
    spec = importlib.util.spec_from_file_location("_tkops_schema_for_samples", ROOT / "tkops" / "schema.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


schema = _load_schema()
KIND = {c.name: c.kind.value for c in schema.ORDER_COLUMNS}  # display name -> "id" | "text" | "int" | ...
ORDER_LEVEL = {c.name for c in schema.ORDER_COLUMNS if c.order_level}


def tiktok_name(header: str) -> str:
    """Canonical display name of a TikTok export header (aliases included)."""
    return schema.BY_KEY[schema.HEADER_TO_KEY[schema.header_key(header)]].name


# ---------------------------------------------------------------------------------------------------------------------
# Layouts

US2025 = [
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
]
assert len(US2025) == 58

US_LEGACY = [
    "Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type", "Normal or Pre-order", "SKU ID",
    "Seller SKU", "Product Name", "Variation", "Quantity", "Sku Quantity of return", "SKU Unit Original Price",
    "SKU Subtotal Before Discount", "SKU Platform Discount", "SKU Seller Discount", "SKU Subtotal After Discount",
    "Shipping Fee After Discount", "Original Shipping Fee", "Shipping Fee Seller Discount",
    "Shipping Fee Platform Discount", "Payment platform discount", "Retail Delivery Fee", "Taxes", "Order Amount",
    "Order Refund Amount", "Created Time", "Paid Time", "RTS Time", "Shipped Time", "Delivered Time",
    "Cancelled Time", "Cancel By", "Cancel Reason", "Fulfillment Type", "Warehouse Name", "Tracking ID",
    "Delivery Option Type", "Delivery Option", "Shipping Provider Name", "Buyer Message", "Buyer Username",
    "Recipient", "Phone #", "Country", "State", "City", "Zipcode", "Detail Address",
    "Additional address information", "House Name or Number", "Delivery Instruction", "Payment Method",
    "Weight(kg)", "Product Category", "Package ID", "Seller Note", "Shipping Information",
]

_SEA_DROP = {"Co-Funded Shipping Fee Discount", "Retail Delivery Fee", "Delivery Option Type"}
_SEA_HEAD = [h for h in US2025[: US2025.index("Recipient")] if h not in _SEA_DROP]
VN_LAYOUT = _SEA_HEAD + [
    "Recipient", "Phone #", "Country", "Province", "District", "Commune", "Detail Address",
    "Additional address information", "Payment Method", "Weight(kg)", "Product Category", "Package ID",
    "Seller Note", "Checked Status", "Checked Marked by", "Order Channel", "Creator Handle",
]
assert len(VN_LAYOUT) == 56
TAX_INFO = [
    "Tax Info - Buyer Tax ID", "Tax Info - Type", "Tax Info - Full Name of Buyer", "Tax Info - Email",
    "Tax Info - Phone Number", "Tax Info - Registered Address", "Tax Info - Address Type",
]
TH_LAYOUT = _SEA_HEAD + [
    "Recipient", "Phone #", "Zipcode", "Country", "Province", "District", "Districts", "Detail Address",
    "Additional address information", "Payment Method", "Package ID", "Seller Note", "Checked Status",
    "Checked Marked by", "Request Tax Invoice", *TAX_INFO, "Weight(kg)", "Product Category", "Small Order Fee",
]
ID_LAYOUT = _SEA_HEAD + [
    "Recipient", "Phone #", "Zipcode", "Country", "Province", "District", "Districts", "Detail Address",
    "Additional address information", "Payment Method", "Weight(kg)", "Product Category", "Package ID",
    "Seller Note", "Checked Status", "Checked Marked by",
]

DESC_EN = {
    "Order ID": "Platform unique order ID.",
    "Order Status": "Current order status.",
    "Cancelation/Return Type": "The filed to explain the order is in cancellation or in return/refund.",
    "SKU ID": "Platform SKU ID.",
    "Seller SKU": "Seller sku input by the seller in the product system.",
    "Product Name": "Platform product name.",
    "Variation": "Platform SKU variation",
    "Quantity": "SKU sold quantity in the order.",
    "Sku Quantity of return": "SKU returned quantity in the order.",
    "SKU Unit Original Price": "1 SKU original price.",
    "SKU Subtotal Before Discount": "It equals to SKU Unit Original Price * Sku Quantity.",
    "SKU Platform Discount": "Total platform discount in this SKU ID.",
    "SKU Seller Discount": "Total seller discount in this SKU ID",
    "SKU Subtotal After Discount": "It equals SKU Subtotal Before Discount - SKU Platform Discount - SKU Seller Discount.",
    "Created Time": "Order created time.",
    "Paid Time": "Order paid time.",
    "Tracking ID": "The order's tracking number.",
}
DESC_TH = {
    "Order ID": "รหัสคำสั่งซื้อ",
    "Order Status": "สถานะคำสั่งซื้อ",
    "Order Substatus": "สถานะย่อยของคำสั่งซื้อ",
    "SKU ID": "รหัส SKU ของแพลตฟอร์ม",
    "Seller SKU": "SKU ที่ผู้ขายกำหนด",
    "Product Name": "ชื่อสินค้า",
    "Variation": "ตัวเลือกสินค้า",
    "Quantity": "จำนวนที่ขายในคำสั่งซื้อ",
    "SKU Unit Original Price": "ราคาเดิมต่อหน่วยของ SKU",
    "Order Amount": "ยอดรวมของคำสั่งซื้อ",
    "Created Time": "เวลาที่สร้าง",
    "Paid Time": "เวลาที่ชำระเงิน",
    "Tracking ID": "หมายเลขติดตามพัสดุ",
    "Recipient": "ชื่อผู้รับ",
    "Phone #": "หมายเลขโทรศัพท์ผู้รับ",
    "Zipcode": "รหัสไปรษณีย์",
    "Province": "จังหวัด",
    "District": "เขต/อำเภอ",
    "Districts": "แขวง/ตำบล",
    "Detail Address": "ที่อยู่โดยละเอียด",
    "Buyer Message": "ข้อความจากผู้ซื้อ",
}

# Canonical status pairs (Order Status, Order Substatus) by the generator's own status key.
STATUS_PAIRS = {
    "unpaid": ("Unpaid", "Unpaid"),
    "awaiting_shipment": ("Awaiting Shipment", "Awaiting Shipment"),
    "awaiting_collection": ("Awaiting Collection", "Awaiting Collection"),
    "in_transit": ("Shipped", "In Transit"),
    "shipped": ("Shipped", "Shipped"),
    "delivered": ("Shipped", "Delivered"),
    "completed": ("Completed", "Completed"),
    "cancelled": ("Cancelled", "Cancelled"),
}
CANONICAL_STATUSES = [
    "Unpaid", "On Hold", "Awaiting Shipment", "Awaiting Collection", "Partially Shipped", "Shipped", "In Transit",
    "Delivered", "Completed", "Cancelled",
]
# Rendered text of canonical statuses, per layout family. A status missing from a map cannot be used there.
STATUS_TEXT = {
    "en": {s: s for s in CANONICAL_STATUSES} | {"Cancelled": "Canceled"},
    "en_legacy": {s: s for s in CANONICAL_STATUSES} | {"Cancelled": "Canceled"},  # Order Status "To ship", below
    "th": {"Cancelled": "ยกเลิกแล้ว", "Shipped": "จัดส่งแล้ว", "Completed": "เสร็จสมบูรณ์", "Awaiting Shipment": "ที่ต้องจัดส่ง"},
    "vn": {"Shipped": "Đã vận chuyển", "Cancelled": "Đã hủy", "Delivered": "Đã giao", "Awaiting Collection": "Chờ lấy hàng"},
    "id": {"Unpaid": "Belum dibayar", "Cancelled": "Dibatalkan", "Awaiting Shipment": "Perlu dikirim", "Completed": "Selesai"},
    "mabang": {"Awaiting Shipment": "配货中", "Shipped": "已发货", "Completed": "已完成", "Cancelled": "已作废"},
    "dianxiaomi": {"Awaiting Shipment": "待处理", "Shipped": "已发货", "Completed": "已完成"},
}

# ---------------------------------------------------------------------------------------------------------------------
# People (invented). Person fields map to Recipient, Buyer Username, Phone #, Country, State, City, Zipcode,
# Address Line 1, Address Line 2, Districts, House Name or Number.


@dataclass(frozen=True)
class Person:
    name: str
    username: str
    phone: str
    country: str
    state: str | None
    city: str | None
    zipcode: str | None
    line1: str | None
    line2: str | None = None
    districts: str | None = None
    house: str | None = None


def _us(name, user, phone, line1, line2, city, state, zipcode, house=None):
    return Person(name, user, phone, "United States", state, city, zipcode, line1, line2, None, house)


US_PEOPLE = {
    "jessica": _us("Jessica Morales", "jess.morales_", "(+1)213*****45", "1842 W Sunset Blvd", "Apt 3", "Los Angeles", "California", "90026"),
    "tyler": _us("Tyler Brooks", "tbrooks22", "(+1)617*****08", "77 Summer St", "Unit 4", "Boston", "Massachusetts", "02110"),
    "aaliyah": _us("Aaliyah Johnson", "aaliyahjx", "(+1)312*****19", "4519 S King Dr", None, "Chicago", "Illinois", "60653"),
    "brandon": _us("Brandon Nguyen", "brandon.ng", "(+1)7135550142", "9120 Bellaire Blvd", "Ste 118", "Houston", "Texas", "77036"),
    "emily": _us("Emily Carter", "emcarter.az", "(+1)602*****71", "2306 E Camelback Rd", "Unit 12", "Phoenix", "Arizona", "85016"),
    "marcus": _us("Marcus Williams", "marcusw_atl", "(+1)404*****33", "615 Peachtree St NE", "Apt 1207", "Atlanta", "Georgia", "30308"),
    "sophia": _us("Sophia Rossi", "sophiarossi.nj", "(+1)201*****90", "48 Grove St", None, "Hoboken", "New Jersey", "07030"),
    "daniel": _us("Daniel Kim", "dkim.sea", "(+1)206*****52", "1200 Pine St", "Apt 508", "Seattle", "Washington", "98101"),
    "olivia": _us("Olivia Martinez", "liv.martinez", "(+1)720*****14", "3401 Federal Blvd", None, "Denver", "Colorado", "80211"),
    "kevin": _us("Kevin O'Brien", "kobrien_ct", "(+1)2035550187", "22 Elm St", "Fl 2", "New Haven", "Connecticut", "06511"),
    "hannah": _us("Hannah Schmidt", "hannah.s.mn", "(+1)612*****66", "810 Nicollet Mall", "Apt 2204", "Minneapolis", "Minnesota", "55402"),
    "jasmine": _us("Jasmine Patel", "jaz.patel", "(+1)832*****27", "5150 Buffalo Speedway", "Apt 3312", "Houston", "Texas", "77005"),
    "chris": _us("Chris Delgado", "chrisdelg", "(+1)305*****81", "1457 Collins Ave", "Apt 6", "Miami Beach", "Florida", "33139"),
    "megan": _us("Megan Thompson", "megthompson", "(+1)615*****40", "N/A", None, "Nashville", "Tennessee", "37201"),
    "ryan": _us("Ryan Foster", "ryfoster", "(+1)773*****05", "2718 N Clark St", "Apt 2F", "Chicago", "Illinois", "60614"),
    "destiny": _us("Destiny Harris", "destiny.h", "(+1)646*****73", "112 W 34th St", "Apt 9C", "New York", "New York", "10001"),
    "noah": _us("Noah Anderson", "noahanderson", "(+1)2155550163", "1500 Market St", "Ste 2400", "Philadelphia", "Pennsylvania", "19102"),
    "ethan": _us("Ethan Walker", "ethan_walks", "(+1)217*****38", "Maple Avenue", None, "Springfield", "Illinois", "62704"),
    "chloe": _us("Chloe Bennett", "chloebennett", "(+1)512*****96", "715 Congress Ave", "Apt 410", "Austin", "Texas", "10018"),
    "isaiah": _us("Isaiah Green", "isaiahgreen208", "(+1)208*****62", "PO Box 1187", None, "Boise", "Idaho", "83701"),
    "natalie": _us("Natalie Cruz", "natcruz", "(+1)520*****17", "2810 W Ina Rd", None, "Tucson", "Arizona", "85741"),
    "grace": _us("Grace Liu", "graceliu.bu", "(+1)857*****29", "66 Bay State Rd", None, "Boston", "Massachusetts", "02215"),
    "luis": _us("Luis Hernandez", "luish510", "(+1)510*****84", "1334 E 14th St", None, "Oakland", "California", "94606"),
    "taylor": _us("Taylor Reed", "taylorreed.pdx", "(+1)503*****55", "921 SW Morrison St", "Apt 7", "Portland", "Oregon", "97205"),
    "brianna": _us("Brianna Scott", "bri_scott", "(+1)502*****31", "503 E Market St", None, "Louisville", "Kentucky", "40202"),
    "samuel": _us("Samuel Ortiz", "sam.ortiz", "(+1)619*****48", "1029 W Washington St", None, "San Diego", "California", "92103"),
    "zoe": _us("Zoe Campbell", "zoecampbell.vt", "(+1)802*****77", "88 Main St", "Apt B", "Burlington", "Vermont", "05401"),
    "andre": _us("Andre Jackson", "dre.jackson", "(+1)314*****09", "3700 Lindell Blvd", None, "St. Louis", "Missouri", "63108"),
    "lily": _us("Lily Chen", "lilychen.nyc", "(+1)718*****64", "41-22 Main St", "Apt 5C", "Flushing", "New York", "11355"),
    "kayla": _us("Kayla White", "kaylawhite", "(+1)614*****20", "430 N High St", "Apt 301", "Columbus", "Ohio", "43215"),
    "mia": _us("Mia Robinson", "mia.robinson", "(+1)2075550119", "8 Pleasant St", None, "Portland", "Maine", "04101"),
    "jordan": _us("Jordan Lee", "jordanlee.sf", "(+1)415*****93", "550 Valencia St", "Apt 12", "San Francisco", "California", "94110"),
    "victoria": _us("Victoria Adams", "vic.adams", "(+1)919*****58", "1010 Hillsborough St", "Apt 220", "Raleigh", "North Carolina", "27603"),
    "samantha": _us("Samantha Price", "sam_price", "(+1)504*****26", "4102 Magazine St", None, "New Orleans", "Louisiana", "70115"),
    "jose": _us("José Müller", "josemuller", "(+1)305*****12", "2150 Coral Way", "Apt 4", "Miami", "Florida", "33145"),
    "zoe_b": _us("Zoë Brontë", "zoe.bronte", "(+1)917*****44", "19 Café Lane", None, "Brooklyn", "New York", "11211"),
    "renee": _us("Renée Faucher", "renee.f", "(+1)225*****70", "600 Rue Royale", None, "New Orleans", "Louisiana", "70130"),
}


def _th(name, user, phone, detail, sub, district, province, zipcode, extra=None):
    return Person(name, user, phone, "Thailand", province, district, zipcode, detail, extra, sub)


TH_PEOPLE = {
    "somchai": _th("สมชาย ใจดี", "somchai.jd", "(+66)81*****67", "99/12 หมู่บ้านศุภาลัย ซอยสุขุมวิท 63", "แขวงคลองตันเหนือ", "เขตวัฒนา", "กรุงเทพมหานคร", "10110"),
    "nattida": _th("ณัฐธิดา ศรีสุข", "nattida_ss", "(+66)89*****21", "55/8 ถนนพหลโยธิน ซอย 24", "แขวงจอมพล", "เขตจตุจักร", "กรุงเทพมหานคร", "10900", "คอนโดเดอะไลน์ ชั้น 18"),
    "pimchanok": _th("พิมพ์ชนก วงศ์ใหญ่", "pim.wong", "(+66)62*****48", "123/45 ถนนรามคำแหง", "แขวงหัวหมาก", "เขตบางกะปิ", "กรุงเทพมหานคร", "10240"),
    "thanawat": _th("ธนวัฒน์ แก้วมณี", "thanawat.k", "(+66)91*****02", "8/1 หมู่ 3 ถนนติวานนท์", "ตำบลบางกระสอ", "อำเภอเมืองนนทบุรี", "นนทบุรี", "11000"),
    "kamonchanok": _th("กมลชนก บุญมา", "kamon_bm", "(+66)86*****35", "17 ถนนนิมมานเหมินท์ ซอย 9", "ตำบลสุเทพ", "อำเภอเมืองเชียงใหม่", "เชียงใหม่", "50200"),
    "supachai": _th("ศุภชัย พรหมมา", "supachai_p", "(+66)95*****90", "ซอยลาดพร้าว 71 แยก 12", "แขวงสะพานสอง", "เขตวังทองหลาง", "กรุงเทพมหานคร", "10310"),
    "onuma": _th("อรอุมา ทองดี", "onuma.td", "(+66)84*****73", "301/7 ถนนมิตรภาพ", "ตำบลในเมือง", "อำเภอเมืองขอนแก่น", "ขอนแก่น", "40000"),
    "piyapong": _th("ปิยะพงษ์ สุขสวัสดิ์", "piyapong.s", "(+66)97*****14", "45/9 หมู่ 5 ถนนพัทยาสาย 3", "ตำบลหนองปรือ", "อำเภอบางละมุง", "ชลบุรี", "20150"),
    "waraporn": _th("วราภรณ์ จันทร์เพ็ญ", "waraporn.j", "(+66)81*****56", "62 ถนนถลาง", "ตำบลตลาดใหญ่", "อำเภอเมืองภูเก็ต", "ภูเก็ต", "83000"),
    "chayapol": _th("ชยพล รัตนพันธ์", "chayapol.r", "(+66)816543210", "1 อาคารสาทรซิตี้ทาวเวอร์ ถนนสาทรใต้", "แขวงทุ่งมหาเมฆ", "เขตสาทร", "กรุงเทพมหานคร", "10120", "ชั้น 21 ห้อง 2104"),
    "sudarat": _th("สุดารัตน์ มีสุข", "sudarat_ms", "(+66)63*****88", "88/3 ถนนนิพัทธ์อุทิศ 3", "ตำบลหาดใหญ่", "อำเภอหาดใหญ่", "สงขลา", "90110"),
    "kittisak": _th("กิตติศักดิ์ ศรีวงศ์", "kittisak.sw", "(+66)92*****45", "210 ถนนมิตรภาพ", "ตำบลในเมือง", "อำเภอเมืองนครราชสีมา", "นครราชสีมา", "30000"),
    "napatsorn": _th("นภัสสร อินทร์แก้ว", "napat.ik", "(+66)83*****19", "39/118 หมู่บ้านพฤกษา 12 ถนนรังสิต-นครนายก", "ตำบลประชาธิปัตย์", "อำเภอธัญบุรี", "ปทุมธานี", "12130"),
    "emily_tan": _th("Emily Tan", "emilytan.bkk", "(+66)65*****30", "28 Sukhumvit Soi 11", "Khlong Toei Nuea", "Watthana", "Bangkok", "10110", "Room 1502"),
    "john_miller": _th("John Miller", "jmiller.th", "(+66)98*****61", "77/7 Moo 2 Chaweng Beach Rd", "Bo Phut", "Ko Samui", "Surat Thani", "84320"),
    "anucha": _th("อนุชา เพชรรัตน์", "anucha.p", "(+66)87*****26", "14 ถนนห้วยแก้ว", "ตำบลสุเทพ", "อำเภอเมืองเชียงใหม่", "เชียงใหม่", "10110"),
    "benjamas": _th("เบญจมาศ คำดี", "benjamas.kd", "(+66)64*****07", "-", "ตำบลบางพลีใหญ่", "อำเภอบางพลี", "สมุทรปราการ", "10540"),
    "somsak": _th("สมศักดิ์ แสงทอง", "somsak.st", "(+66)85*****93", "72/15 ถนนเพชรเกษม", "แขวงบางหว้า", "เขตภาษีเจริญ", "กรุงเทพมหานคร", "10160"),
    "paweena": _th("ปวีณา ชัยมงคล", "paweena.c", "(+66)90*****42", "5/5 ถนนศรีนครินทร์", "แขวงหนองบอน", "เขตประเวศ", "กรุงเทพมหานคร", "10250"),
    "nattapon": _th("ณัฐพล วงศ์สวัสดิ์", "nattapon.w", "(+66)61*****84", "99 หมู่ 1 ถนนเชียงใหม่-ลำปาง", "ตำบลท่าศาลา", "อำเภอเมืองเชียงใหม่", "เชียงใหม่", "50000"),
    "siriporn": _th("ศิริพร บุญเรือง", "siriporn.br", "(+66)93*****58", "140/2 ถนนประชาราษฎร์บำเพ็ญ", "แขวงห้วยขวาง", "เขตห้วยขวาง", "กรุงเทพมหานคร", "10310"),
    "weera": _th("วีระ ศักดิ์ดี", "weera.sd", "(+66)96*****11", "33/9 ถนนบางนา-ตราด กม. 4", "แขวงบางนาเหนือ", "เขตบางนา", "กรุงเทพมหานคร", "10260"),
    "ratchanee": _th("รัชนี พูลสวัสดิ์", "ratchanee.p", "(+66)88*****70", "7 ถนนราชดำเนิน", "ตำบลในเมือง", "อำเภอเมืองนครศรีธรรมราช", "นครศรีธรรมราช", "80000"),
    "teerawat": _th("ธีรวัฒน์ มณีวงศ์", "teerawat.m", "(+66)82*****36", "256 ถนนเจริญกรุง", "แขวงบางรัก", "เขตบางรัก", "กรุงเทพมหานคร", "10500"),
}


def _vn(name, user, phone, detail, commune, district, province, extra=None):
    return Person(name, user, phone, "Vietnam", province, district, None, detail, extra, commune)


VN_PEOPLE = [
    _vn("Nguyễn Thị Lan", "lan.nguyen98", "(+84)90*****12", "Số 18 ngõ 76 Trần Thái Tông", "Phường Dịch Vọng", "Quận Cầu Giấy", "Hà Nội"),
    _vn("Trần Văn Minh", "minhtran.hcm", "(+84)93*****45", "125 Lê Lợi", "Phường Bến Nghé", "Quận 1", "Hồ Chí Minh", "Tầng 3"),
    _vn("Lê Hoàng Phúc", "phuc.lehoang", "(+84)35*****78", "42 Bạch Đằng", "Phường Thạch Thang", "Quận Hải Châu", "Đà Nẵng"),
    _vn("Phạm Thu Trang", "trangpham.tt", "(+84)98*****03", "Số 7 ngách 12/3 Phố Huế", "Phường Phố Huế", "Quận Hai Bà Trưng", "Hà Nội"),
    _vn("Vũ Đức Anh", "ducanh.vu", "(+84)91*****66", "210 Nguyễn Văn Cừ", "Phường An Hòa", "Quận Ninh Kiều", "Cần Thơ"),
    _vn("Đặng Ngọc Hân", "ngochan.dang", "(+84)70*****29", "89/4 Nguyễn Thị Minh Khai", "Phường Võ Thị Sáu", "Quận 3", "Hồ Chí Minh", "Chung cư Lakeview, căn 1204"),
    _vn("Bùi Quang Huy", "huy.buiquang", "(+84)39*****57", "15 Trần Phú", "Phường Lộc Thọ", "Thành phố Nha Trang", "Khánh Hòa"),
    _vn("Hoàng Mai Chi", "maichi.hoang", "(+84)86*****91", "Thôn Đông, xã Tân Lập", "Xã Tân Lập", "Huyện Đan Phượng", "Hà Nội"),
]


def _id(name, user, phone, detail, kec, city, province, zipcode, extra=None):
    return Person(name, user, phone, "Indonesia", province, city, zipcode, detail, extra, kec)


ID_PEOPLE = [
    _id("Budi Santoso", "budisantoso88", "(+62)812*****34", "Jl. Wijaya I No. 12, RT 3/RW 5", "Kebayoran Baru", "Jakarta Selatan", "DKI Jakarta", "12160"),
    _id("Siti Rahmawati", "siti.rahma", "(+62)857*****21", "Jl. Dago No. 88", "Coblong", "Kota Bandung", "Jawa Barat", "40135"),
    _id("Dewi Lestari", "dewilestari_", "(+62)813*****90", "Jl. Raya Gubeng No. 45", "Gubeng", "Kota Surabaya", "Jawa Timur", "60281", "Blok C"),
    _id("Agus Prasetyo", "agus.pras", "(+62)878*****56", "Perum Griya Asri Blok B2 No. 7", "Tembalang", "Kota Semarang", "Jawa Tengah", "50275"),
    _id("Rina Wulandari", "rinawulan", "(+62)821*****08", "Jl. Malioboro No. 60", "Gedong Tengen", "Kota Yogyakarta", "DI Yogyakarta", "55271"),
    _id("Putu Ayu Pratiwi", "ayupratiwi.bali", "(+62)819*****73", "Jl. Sunset Road No. 101", "Kuta", "Kabupaten Badung", "Bali", "80361"),
    _id("Andi Saputra", "andisaputra", "(+62)852*****44", "Jl. Gatot Subroto No. 17", "Medan Petisah", "Kota Medan", "Sumatera Utara", "20112"),
]


def _br(name, user, phone, line1, line2, city, state, zipcode):
    return Person(name, user, phone, "Brazil", state, city, zipcode, line1, line2)


BR_PEOPLE = [
    _br("Ana Souza", "anasouza.sp", "(+55)11*******43", "Av. Paulista, 1578", "Apto 52", "São Paulo", "São Paulo", "01310-200"),
    _br("João Pereira", "joaopereira", "(+55)21*******17", "Rua Visconde de Pirajá, 330", "Sala 1201", "Rio de Janeiro", "Rio de Janeiro", "22410-002"),
    _br("Mariana Oliveira", "mari.oliveira", "(+55)31*******80", "Rua da Bahia, 1148", None, "Belo Horizonte", "Minas Gerais", "30160-011"),
    _br("Lucas Almeida", "lucas.almeida", "(+55)41*******26", "Rua XV de Novembro, 700", "Casa 2", "Curitiba", "Paraná", "80020-310"),
    _br("Fernanda Lima", "fe.lima", "(+55)71*******59", "Av. Sete de Setembro, 2100", None, "Salvador", "Bahia", "40080-002"),
    _br("Gabriel Costa", "gabcosta", "(+55)51*******34", "Rua dos Andradas, 1234", "Apto 804", "Porto Alegre", "Rio Grande do Sul", "90020-008"),
]


def _uk(name, user, phone, line1, line2, city, county, postcode):
    return Person(name, user, phone, "United Kingdom", county, city, postcode, line1, line2)


UK_PEOPLE = [
    _uk("Oliver Bennett", "olibennett", "(+44)7700*****21", "14 Station Road", None, "Reading", "Berkshire", "RG1 1LG"),
    _uk("Amelia Hughes", "amelia.h", "(+44)7700*****58", "Flat 3, 27 Queen Street", None, "Cardiff", "South Glamorgan", "CF10 2BU"),
    _uk("Harry Clarke", "harryc_ldn", "(+44)7700*****09", "82 Camden High Street", "Flat B", "London", "Greater London", "NW1 0LT"),
    _uk("Isla Campbell", "isla.campbell", "(+44)7700*****64", "5 Rose Street", None, "Edinburgh", "City of Edinburgh", "EH2 2PR"),
    _uk("George Patel", "gpatel_mcr", "(+44)7700*****37", "110 Deansgate", "Apartment 12", "Manchester", "Greater Manchester", "M3 2QJ"),
]


def _de(name, street, plz, ort):
    return Person(name, "", "", "Deutschland", None, ort, plz, street)


DE_PEOPLE = [
    _de("Jürgen Weiß", "Hauptstraße 12", "10115", "Berlin"),
    _de("Anna Schäfer", "Königsallee 45", "40212", "Düsseldorf"),
    _de("Lukas Müller", "Schloßstraße 3a", "70174", "Stuttgart"),
    _de("Sophie Bäcker", "Mühlenweg 7", "20095", "Hamburg"),
    _de("Maximilian Groß", "Am Örtchen 19", "80331", "München"),
]

# ---------------------------------------------------------------------------------------------------------------------
# Products. Money is in minor units (cents); VND/IDR prices are whole units x 100.


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    variation: str | None
    price: int
    grams: int
    category: str
    sku_id: str = ""


TEE = "Classic Cotton Crew Neck T-Shirt"
HOOD = "Heavyweight Fleece Pullover Hoodie"
C_TOPS = "Menswear & Underwear/Tops/T-shirts"
C_HOOD = "Menswear & Underwear/Hoodies & Sweatshirts"
C_BOTT = "Womenswear & Underwear/Bottoms"
C_ACC = "Fashion Accessories"

US_PRODUCTS = [
    ("TEE-BLK-S", TEE, "Black, S", 1499, 180, C_TOPS),
    ("TEE-BLK-M", TEE, "Black, M", 1499, 185, C_TOPS),
    ("TEE-BLK-L", TEE, "Black, L", 1499, 195, C_TOPS),
    ("TEE-BLK-XL", TEE, "Black, XL", 1499, 205, C_TOPS),
    ("TEE-WHT-S", TEE, "White, S", 1499, 180, C_TOPS),
    ("TEE-WHT-M", TEE, "White, M", 1499, 185, C_TOPS),
    ("TEE-WHT-L", TEE, "White, L", 1499, 195, C_TOPS),
    ("TEE-GRY-M", TEE, "Heather Grey, M", 1499, 185, C_TOPS),
    ("TEE-GRY-L", TEE, "Heather Grey, L", 1499, 195, C_TOPS),
    ("TEE-ORG-M", TEE, "Orange, M", 1499, 185, C_TOPS),  # deliberately NOT in inventory.csv
    ("SET-TEE-3PK", "Classic Cotton Crew Neck T-Shirt 3-Pack", "Black/White/Grey, M", 3699, 560, C_TOPS),
    ("HOOD-NVY-M", HOOD, "Navy, M", 3999, 620, C_HOOD),
    ("HOOD-NVY-L", HOOD, "Navy, L", 3999, 650, C_HOOD),
    ("HOOD-BLK-M", HOOD, "Black, M", 3999, 620, C_HOOD),
    ("HOOD-BLK-L", HOOD, "Black, L", 3999, 650, C_HOOD),
    ("HOOD-BLK-XL", HOOD, "Black, XL", 3999, 680, C_HOOD),
    ("JOG-GRY-M", "Relaxed Fit Jogger Sweatpants", "Heather Grey, M", 2999, 450, C_HOOD),
    ("JOG-GRY-L", "Relaxed Fit Jogger Sweatpants", "Heather Grey, L", 2999, 470, C_HOOD),
    ("LEG-BLK-S", "High Waist Squat-Proof Leggings", "Black, S", 2450, 210, C_BOTT),
    ("LEG-BLK-M", "High Waist Squat-Proof Leggings", "Black, M", 2450, 220, C_BOTT),
    ("CAP-BLK-OS", "Washed Cotton Baseball Cap", "Black, One Size", 1600, 90, C_ACC),
    ("CAP-KHK-OS", "Washed Cotton Baseball Cap", "Khaki, One Size", 1600, 90, C_ACC),
    ("BEANIE-RED", "Ribbed Cuffed Knit Beanie", "Red", 1250, 80, C_ACC),
    ("BEANIE-CRM", "Ribbed Cuffed Knit Beanie", "Cream", 1250, 80, C_ACC),
    ("SOCK-5PK-WHT", "Cushioned Ankle Socks 5-Pack", "White, L (Men 9-12)", 1399, 240, C_ACC),
    ("TOTE-CVS-NAT", "Heavy Canvas Tote Bag with Pocket", "Natural", 1800, 300, C_ACC),
    ("BELT-BRN-34", "Genuine Leather Dress Belt", "Brown, 34", 2700, 260, C_ACC),
    ("BELT-BRN-36", "Genuine Leather Dress Belt", "Brown, 36", 2700, 270, C_ACC),
    ("SCARF-PLD-GRN", "Plaid Cashmere-Feel Scarf", "Green Plaid", 2199, 180, C_ACC),
    ("JKT-LTH-BLK-M", "Faux Leather Moto Jacket", "Black, M", 8999, 1100, "Womenswear & Underwear/Coats & Jackets"),
    ("COAT-WOOL-CML-L", "Merino Wool Blend Overcoat", "Camel, L", 18900, 1650, "Menswear & Underwear/Coats & Jackets"),
]

TSH = "เสื้อยืดโอเวอร์ไซส์ ผ้าคอตตอน 100%"
TMB = "แก้วเก็บความเย็น สแตนเลส 600ml"
TH_PRODUCTS = [
    ("TSH-OVS-WHT-M", TSH, "สีขาว, M", 19900, 190, "เสื้อผ้าผู้หญิง/เสื้อยืด"),
    ("TSH-OVS-WHT-L", TSH, "สีขาว, L", 19900, 200, "เสื้อผ้าผู้หญิง/เสื้อยืด"),
    ("TSH-OVS-BLK-M", TSH, "สีดำ, M", 19900, 190, "เสื้อผ้าผู้หญิง/เสื้อยืด"),
    ("TSH-OVS-BLK-L", TSH, "สีดำ, L", 19900, 200, "เสื้อผ้าผู้หญิง/เสื้อยืด"),
    ("TSH-OVS-BLK-XL", TSH, "สีดำ, XL", 19900, 210, "เสื้อผ้าผู้หญิง/เสื้อยืด"),
    ("TSH-OVS-GRN-M", TSH, "สีเขียว, M", 19900, 190, "เสื้อผ้าผู้หญิง/เสื้อยืด"),  # NOT in inventory.csv
    ("TMB-600-PNK", TMB, "ชมพู", 25900, 380, "ของใช้ในบ้าน/แก้วน้ำ"),
    ("TMB-600-BLU", TMB, "ฟ้า", 25900, 380, "ของใช้ในบ้าน/แก้วน้ำ"),
    ("TMB-600-BLK", TMB, "ดำ", 25900, 380, "ของใช้ในบ้าน/แก้วน้ำ"),
    ("SET-TMB-DUO", "ชุดแก้วเก็บความเย็นคู่ 600ml", "ชมพู + ฟ้า", 47900, 760, "ของใช้ในบ้าน/แก้วน้ำ"),
    ("CASE-IP15-CLR", "เคสใส iPhone กันกระแทก", "iPhone 15", 9900, 40, "โทรศัพท์และอุปกรณ์/เคส"),
    ("CASE-IP15P-CLR", "เคสใส iPhone กันกระแทก", "iPhone 15 Pro", 9900, 40, "โทรศัพท์และอุปกรณ์/เคส"),
    ("BAG-CVS-BEG", "กระเป๋าผ้าแคนวาส Tote", "เบจ", 15900, 250, "กระเป๋า/กระเป๋าผ้า"),
    ("SCR-6PK", "ยางรัดผมผ้าซาติน 6 ชิ้น", "คละสี", 5900, 60, "เครื่องประดับ/เครื่องประดับผม"),
    ("SET-SCR-GIFT", "เซ็ตของขวัญ ยางรัดผม 2 แพ็ก + กระเป๋าผ้า", "คละสี + เบจ", 26900, 370, "กระเป๋า/กระเป๋าผ้า"),
    ("HAT-BKT-BLK", "หมวกบักเก็ต ผ้าฝ้าย", "ดำ", 14900, 110, "เครื่องประดับ/หมวก"),
]

VN_PRODUCTS = [
    ("AT-BASIC-DEN-M", "Áo thun cotton basic unisex", "Đen, M", 15000000, 190, "Thời trang nam/Áo thun"),
    ("AT-BASIC-TRG-L", "Áo thun cotton basic unisex", "Trắng, L", 15000000, 200, "Thời trang nam/Áo thun"),
    ("QJ-NI-XAM-L", "Quần jogger nỉ bo gấu", "Xám, L", 28900000, 420, "Thời trang nam/Quần"),
    ("MU-LT-DEN", "Mũ lưỡi trai kaki", "Đen", 9900000, 90, "Phụ kiện thời trang/Mũ"),
    ("TUI-TOTE-KEM", "Túi tote canvas có khóa kéo", "Kem", 12000000, 260, "Túi xách/Túi tote"),
]

ID_PRODUCTS = [
    ("KAOS-HTM-M", "Kaos Polos Cotton Combed 30s", "Hitam, M", 5900000, 180, "Pakaian Pria/Kaos"),
    ("KAOS-PTH-L", "Kaos Polos Cotton Combed 30s", "Putih, L", 5900000, 190, "Pakaian Pria/Kaos"),
    ("HOODIE-ABU-L", "Hoodie Oversize Fleece", "Abu-abu, L", 14900000, 600, "Pakaian Pria/Hoodie"),
    ("TOPI-HTM", "Topi Baseball Polos", "Hitam", 4500000, 90, "Aksesoris Fashion/Topi"),
    ("KAOSKAKI-5P", "Kaus Kaki Pendek 5 Pasang", "Putih", 3500000, 200, "Aksesoris Fashion/Kaus Kaki"),
]

BR_PRODUCTS = [
    ("CAM-BAS-PRT-M", "Camiseta Básica Algodão", "Preto, M", 3591, 180, "Roupas Masculinas/Camisetas"),
    ("CAM-BAS-BRC-G", "Camiseta Básica Algodão", "Branco, G", 3591, 190, "Roupas Masculinas/Camisetas"),
    ("MOL-CANG-CNZ-G", "Moletom Canguru Flanelado", "Cinza, G", 12990, 620, "Roupas Masculinas/Moletons"),
    ("BONE-ABA-PRT", "Boné Aba Curva", "Preto", 6290, 95, "Acessórios/Bonés"),
    ("MEIA-KIT5-BRC", "Meia Cano Curto Kit 5 Pares", "Branco", 3990, 220, "Acessórios/Meias"),
]

UK_PRODUCTS = [
    ("HD-BLK-XL", "Oversized Heavyweight Hoodie", "Color:Black Size:XL", 3299, 700, "Menswear"),
    ("HD-GRY-M", "Oversized Heavyweight Hoodie", "Color:Grey Size:M", 3299, 650, "Menswear"),
    ("TS-WHT-L", "Organic Cotton Tee", "Color:White Size:L", 1499, 190, "Menswear"),
    ("BN-BLK", "Fisherman Beanie", "Color:Black", 1200, 80, "Accessories"),
    ("SK-3PK", "Crew Socks 3 Pack", "Size:UK 7-11", 999, 150, "Accessories"),
    ("HD-BLK-M-CN", "Oversized Heavyweight Hoodie", "颜色：黑色 尺寸：M", 3299, 650, "Menswear"),
]

DE_PRODUCTS = [
    ("TSH-SCHW-M", "Basic T-Shirt Bio-Baumwolle", "Schwarz, M", 1250, 180, "Herrenmode"),
    ("HOOD-GRAU-L", "Kapuzenpullover Fleece", "Grau, L", 4990, 640, "Herrenmode"),
    ("MUETZE-ROT", "Strickmütze Rippe", "Rot", 1500, 80, "Accessoires"),
    ("SCHAL-KAR", "Karierter Schal Wolle", "Grün kariert", 2999, 200, "Accessoires"),
    ("MANTEL-WOLL-L", "Wollmantel Klassik", "Kamel, L", 124900, 1700, "Herrenmode"),
]


def catalogue(rows, market: str) -> dict[str, Product]:
    """Products with stable 19-digit SKU IDs (starting with 17), the same in every sample of a market."""
    rng = random.Random(f"{SEED}:sku-ids:{market}")
    out = {}
    for sku, name, var, price, grams, cat in rows:
        sku_id = "17" + "".join(str(rng.randrange(10)) for _ in range(17))
        out[sku] = Product(sku, name, var, price, grams, cat, sku_id)
    return out


US_CAT = catalogue(US_PRODUCTS, "US")
TH_CAT = catalogue(TH_PRODUCTS, "TH")
VN_CAT = catalogue(VN_PRODUCTS, "VN")
ID_CAT = catalogue(ID_PRODUCTS, "ID")
BR_CAT = catalogue(BR_PRODUCTS, "BR")
UK_CAT = catalogue(UK_PRODUCTS, "UK")
DE_CAT = catalogue(DE_PRODUCTS, "DE")

# ---------------------------------------------------------------------------------------------------------------------
# Tracking numbers (valid check digits where a public rule exists; reference section 6)


def _mod10(chars: str, evens: int, odds: int, reverse: bool) -> int:
    seq = chars[::-1] if reverse else chars
    total = 0
    for i, ch in enumerate(seq):
        v = int(ch) if ch.isdigit() else (ord(ch) - 3) % 10
        total += v * (odds if i % 2 else evens)
    return (10 - total % 10) % 10


def usps_impb(rng) -> str:
    serial = "9400111" + "".join(str(rng.randrange(10)) for _ in range(14))
    return serial + str(_mod10(serial, 3, 1, True))


def ups_1z(rng) -> str:
    alnum = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
    body = "".join(rng.choice(alnum) for _ in range(6)) + "03" + "".join(str(rng.randrange(10)) for _ in range(7))
    return "1Z" + body + str(_mod10(body, 1, 2, False))


def s10(rng, prefix: str, country: str) -> str:
    digits = "".join(str(rng.randrange(10)) for _ in range(8))
    total = sum(int(d) * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7)))
    r = total % 11
    check = 0 if r == 1 else 5 if r == 0 else 11 - r
    return f"{prefix}{digits}{check}{country}"


assert _mod10("940011120620640626078", 3, 1, True) == 7  # reference example 9400111206206406260787
assert _mod10("5R8939035756712", 1, 2, False) == 7  # reference example 1Z5R89390357567127
assert s10(type("R", (), {"randrange": lambda self, n: 0})(), "RB", "GB") == "RB000000005GB"


def _digits(rng, n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


CARRIERS = {
    "USPS": usps_impb,
    "UPS": ups_1z,
    "Flash Express": lambda rng: "TH" + _digits(rng, 11) + rng.choice("ABCDEFGH"),
    "J&T Express TH": lambda rng: "8" + _digits(rng, 11),
    "SPX Express": lambda rng: "SPXVN06" + _digits(rng, 10),
    "Giao Hàng Nhanh": lambda rng: "GY" + "".join(rng.choice("ABCDEFGHKLMNPQRTUVWXY3456789") for _ in range(6)),
    "J&T Express": lambda rng: "JX" + _digits(rng, 10),
    "SiCepat": lambda rng: "00" + _digits(rng, 10),
    "Correios": lambda rng: s10(rng, "QB", "BR"),
    "Royal Mail": lambda rng: s10(rng, "RB", "GB"),
}

# ---------------------------------------------------------------------------------------------------------------------
# Shops and order building


@dataclass
class Shop:
    market: str
    currency: str
    cat: dict[str, Product]
    warehouse: str
    carriers: list[str]
    payments: list[str]
    ship_fee: int  # original shipping fee, minor units
    free_ship_over: int  # platform pays shipping at or above this subtotal
    ship_seller_disc: int  # seller shipping discount below the threshold
    tax_bp: dict[str, int] = field(default_factory=dict)  # by state, basis points
    default_tax_bp: int = 0
    small_order_under: int = 0  # small-order fee applies below this subtotal (TH)
    small_order_fee: int = 0
    delivery_option: str = "Standard shipping"
    delivery_option_type: str = "Shipped by seller"
    fulfillment: str = "Fulfillment by seller"


US_TAX = {"California": 950, "Texas": 825, "New York": 888, "Illinois": 1025, "Massachusetts": 625,
          "New Jersey": 663, "Washington": 1025, "Colorado": 881, "Georgia": 890, "Arizona": 860, "Florida": 700,
          "Tennessee": 975, "Minnesota": 788, "Connecticut": 635, "Oregon": 0, "Pennsylvania": 800,
          "Kentucky": 600, "Vermont": 600, "Missouri": 917, "Ohio": 800, "Maine": 550, "Idaho": 600,
          "North Carolina": 725, "Louisiana": 1000}

SHOPS = {
    "US": Shop("US", "USD", US_CAT, "Ontario CA Warehouse", ["USPS", "USPS", "UPS"],
               ["Credit card", "PayPal", "Apple Pay", "Google Pay", "Klarna"], 599, 3500, 200, US_TAX, 700),
    "TH": Shop("TH", "THB", TH_CAT, "คลังสินค้าบางนา", ["Flash Express", "J&T Express TH"],
               ["เก็บเงินปลายทาง", "Mobile Banking", "TrueMoney Wallet", "บัตรเครดิต/เดบิต"], 4000, 19900, 0,
               small_order_under=10000, small_order_fee=1000, delivery_option="Standard Delivery"),
    "VN": Shop("VN", "VND", VN_CAT, "Kho Hà Nội", ["SPX Express", "Giao Hàng Nhanh"],
               ["Thanh toán khi nhận hàng", "ZaloPay", "Thẻ tín dụng/Thẻ ghi nợ"], 3000000, 30000000, 1500000,
               delivery_option="Tiêu chuẩn"),
    "ID": Shop("ID", "IDR", ID_CAT, "Gudang Jakarta Barat", ["J&T Express", "SiCepat"],
               ["COD (Bayar di Tempat)", "GoPay", "DANA", "Transfer Bank"], 2000000, 10000000, 0,
               delivery_option="Reguler"),
    "BR": Shop("BR", "BRL", BR_CAT, "CD Guarulhos", ["Correios", "J&T Express"],
               ["Pix", "Cartão de crédito", "Boleto"], 1990, 7900, 500, delivery_option="Padrão"),
    "UK": Shop("UK", "GBP", UK_CAT, "Birmingham Warehouse", ["Royal Mail"], ["Card", "PayPal"], 299, 2500, 0),
    "DE": Shop("DE", "EUR", DE_CAT, "Lager Leipzig", ["DHL"], ["Karte"], 490, 3000, 0),
}


@dataclass
class It:
    sku: str
    qty: int = 1
    seller_disc: int = 0
    platform_disc: int = 0
    returned: int = 0
    name: str | None = None  # overrides the catalogue's product name (hostile sample)
    variation: str | None = None
    pre_order: bool = False


@dataclass
class Spec:
    person: Person
    items: list[It]
    status: str = "awaiting_shipment"
    paid: datetime | None = None
    created: datetime | None = None  # default: a little before paid
    message: str | None = None
    seller_note: str | None = None
    cancel_by: str | None = None
    cancel_reason: str | None = None
    instruction: str | None = None
    channel: str | None = None
    creator: str | None = None
    checked_by: str | None = None
    tax_invoice: tuple | None = None  # (tax id, type, full name, email, phone, address, address type)
    carrier: str | None = None
    cofunded: bool = False
    payment_disc: int = 0
    username: str | None = None  # overrides person fields (hostile sample)
    recipient: str | None = None
    line1: str | None = None
    line2: str | None = None
    city: str | None = None


def between(rng, lo: datetime, hi: datetime) -> datetime:
    assert lo <= hi, (lo, hi)
    return lo + timedelta(seconds=rng.randint(0, int((hi - lo).total_seconds())))


def spread(rng, start: datetime, end: datetime, n: int) -> list[datetime]:
    """n sorted random whole-second times in [start, end]."""
    return sorted(between(rng, start, end) for _ in range(n))


def at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


class Ids:
    """Unique random digit IDs across the whole run."""

    seen: set[str] = set()

    def __init__(self, rng):
        self.rng = rng

    def make(self, prefix: str, length: int) -> str:
        while True:
            value = prefix + _digits(self.rng, length - len(prefix))
            if value not in Ids.seen:
                Ids.seen.add(value)
                return value

    def order_id(self) -> str:
        return self.make(self.rng.choice(("576", "577", "578", "579", "580", "581", "582", "583")), 18)

    def package_id(self) -> str:
        return self.make("115", 19)


def build_order(shop: Shop, spec: Spec, ids: Ids, rng, export: datetime) -> list[dict]:
    """Truth lines of one order: every canonical display name -> canonical value (money in minor units)."""
    order_id = ids.order_id()
    status, substatus = STATUS_PAIRS[spec.status]
    p = spec.person
    if spec.status == "unpaid" or (spec.status == "cancelled" and spec.paid is None):
        assert spec.created is not None and spec.paid is None
        paid, created = None, spec.created
    else:
        assert spec.paid is not None, spec
        paid = spec.paid
        created = spec.created or paid - timedelta(seconds=rng.randint(6, 300))

    lines = []
    for it in spec.items:
        prod = shop.cat[it.sku]
        before = prod.price * it.qty
        after = before - it.platform_disc - it.seller_disc
        assert after >= 0
        lines.append({
            "Order ID": order_id,
            "Order Status": status,
            "Order Substatus": substatus,
            "Cancelation/Return Type": None,
            "Normal or Pre-order": "Pre-order" if it.pre_order else "Normal",
            "SKU ID": prod.sku_id,
            "Seller SKU": prod.sku,
            "Product Name": it.name or prod.name,
            "Variation": it.variation or prod.variation,
            "Quantity": it.qty,
            "Sku Quantity of return": it.returned,
            "SKU Unit Original Price": prod.price,
            "SKU Subtotal Before Discount": before,
            "SKU Platform Discount": it.platform_disc,
            "SKU Seller Discount": it.seller_disc,
            "SKU Subtotal After Discount": after,
            "Weight(kg)": prod.grams * it.qty,
            "Product Category": prod.category,
        })
    subtotal = sum(x["SKU Subtotal After Discount"] for x in lines)

    orig = shop.ship_fee
    seller_sd = cofund = platform_sd = 0
    if spec.cofunded:
        cofund = orig // 2
        platform_sd = orig - cofund
    elif subtotal >= shop.free_ship_over:
        platform_sd = orig
    else:
        seller_sd = min(shop.ship_seller_disc, orig)
    ship_after = orig - seller_sd - cofund - platform_sd
    taxes = (subtotal * shop.tax_bp.get(p.state or "", shop.default_tax_bp) + 5000) // 10000
    retail = 29 if (shop.market == "US" and p.state == "Colorado") else 0
    small = shop.small_order_fee if subtotal < shop.small_order_under else 0
    amount = subtotal + ship_after + taxes + retail + small - spec.payment_disc

    # Times along the status chain, all before the export time.
    rts = shipped = delivered = cancelled = None
    stages = {"awaiting_collection": 1, "in_transit": 2, "shipped": 2, "delivered": 3, "completed": 3}.get(spec.status, 0)
    gaps = [(timedelta(minutes=40), timedelta(hours=26)), (timedelta(hours=2), timedelta(hours=30)),
            (timedelta(days=1), timedelta(days=4))][:stages]
    chain, prev = [], paid
    for i, (lo, hi) in enumerate(gaps):
        later = sum((g[0] for g in gaps[i + 1:]), timedelta()) + timedelta(minutes=5)
        prev = between(rng, prev + lo, min(prev + hi, export - later))
        chain.append(prev)
    chain += [None] * (3 - len(chain))
    rts, shipped, delivered = chain
    refund = 0
    cancel_type = None
    if spec.status == "cancelled":
        cancelled = between(rng, created + timedelta(minutes=3), min(created + timedelta(hours=20), export))
        refund = amount if paid else 0
        cancel_type = "Cancel"
    returned = sum(x["Sku Quantity of return"] for x in lines)
    if returned:
        cancel_type = "Return/Refund"
        refund = sum(x["SKU Subtotal After Discount"] // x["Quantity"] * x["Sku Quantity of return"] for x in lines)

    tracking = carrier = None
    if stages:
        carrier = spec.carrier or rng.choice(shop.carriers)
        tracking = CARRIERS[carrier](rng)
    package = ids.package_id()
    payment = rng.choice(shop.payments) if paid else None
    tax = spec.tax_invoice or (None,) * 7

    order_values = {
        "Shipping Fee After Discount": ship_after,
        "Original Shipping Fee": orig,
        "Shipping Fee Seller Discount": seller_sd,
        "Co-Funded Shipping Fee Discount": cofund,
        "Shipping Fee Platform Discount": platform_sd,
        "Payment platform discount": spec.payment_disc,
        "Retail Delivery Fee": retail,
        "Taxes": taxes,
        "Small Order Fee": small,
        "Order Amount": amount,
        "Order Refund Amount": refund,
        "Currency": shop.currency,
        "Created Time": created,
        "Paid Time": paid,
        "RTS Time": rts,
        "Shipped Time": shipped,
        "Delivered Time": delivered,
        "Cancelled Time": cancelled,
        "Cancel By": spec.cancel_by,
        "Cancel Reason": spec.cancel_reason,
        "Fulfillment Type": shop.fulfillment,
        "Warehouse Name": shop.warehouse,
        "Tracking ID": tracking,
        "Delivery Option Type": shop.delivery_option_type,
        "Delivery Option": shop.delivery_option,
        "Shipping Provider Name": carrier,
        "Buyer Message": spec.message,
        "Buyer Username": spec.username or p.username or None,
        "Recipient": spec.recipient or p.name,
        "Phone #": p.phone or None,
        "Country": p.country,
        "State": p.state,
        "City": spec.city or p.city,
        "Districts": p.districts,
        "Zipcode": p.zipcode,
        "Address Line 1": spec.line1 or p.line1,
        "Address Line 2": spec.line2 or p.line2,
        "House Name or Number": p.house,
        "Delivery Instruction": spec.instruction,
        "Payment Method": payment,
        "Package ID": package,
        "Seller Note": spec.seller_note,
        "Shipping Information": None,
        "Combined Listing": None,
        "Order Channel": spec.channel,
        "Creator Handle": spec.creator,
        "Checked Status": "Checked" if spec.checked_by else "Unchecked",
        "Checked Marked by": spec.checked_by,
        "Request Tax Invoice": "Yes" if spec.tax_invoice else "No",
        **dict(zip(TAX_INFO, tax)),
    }
    for x in lines:
        x["Cancelation/Return Type"] = cancel_type
        x.update(order_values)
    return lines


def build_orders(shop: Shop, specs: list[Spec], ids: Ids, rng, export: datetime, newest_first=True) -> list[dict]:
    orders = [build_order(shop, s, ids, rng, export) for s in specs]
    if newest_first:
        orders.sort(key=lambda o: o[0]["Created Time"], reverse=True)
    return [line for order in orders for line in order]


# ---------------------------------------------------------------------------------------------------------------------
# Rendering


def money2(c: int) -> str:
    assert c >= 0
    return f"{c // 100}.{c % 100:02d}"


def money0(c: int) -> str:
    assert c >= 0 and c % 100 == 0, c
    return str(c // 100)


def money_de(c: int) -> str:
    whole = f"{c // 100:,}".replace(",", ".")
    return f"{whole},{c % 100:02d}"


def money_plain_short(c: int) -> str:
    """234.90 -> "234.9", 35.00 -> "35" (as seen in a BR returns export)."""
    return format(Decimal(c) / 100, "f").rstrip("0").rstrip(".") if c % 100 else str(c // 100)


def weight(grams: int) -> str:
    return format((Decimal(grams) / 1000).normalize(), "f")


def us_ampm(dt: datetime) -> str:
    h = dt.hour % 12 or 12
    return f"{dt:%m/%d/%Y} {h}:{dt:%M:%S} {'AM' if dt.hour < 12 else 'PM'}"


def fmt(pattern: str):
    return lambda dt: dt.strftime(pattern)


@dataclass
class Style:
    date: object  # datetime -> str
    money: object  # (minor units, row index, header) -> str
    status: str  # key of STATUS_TEXT
    legacy_to_ship: bool = False  # Order Status "Awaiting Shipment" rendered "To ship" (older US exports)


def render_value(name: str, header: str, value, style: Style, row: int) -> str:
    if value is None:
        return ""
    kind = KIND.get(name, "text")
    if kind == "money":
        return style.money(value, row, header)
    if kind == "number":
        return weight(value)
    if kind == "int":
        return str(value)
    if kind == "datetime":
        return style.date(value)
    if name in ("Order Status", "Order Substatus"):
        if style.legacy_to_ship and name == "Order Status" and value == "Awaiting Shipment":
            return "To ship"
        return STATUS_TEXT[style.status][value]
    return value


def render_rows(lines, headers, names, style) -> list[list[str]]:
    return [[render_value(names[h], h, line[names[h]], style, i) for h in headers] for i, line in enumerate(lines)]


# ---------------------------------------------------------------------------------------------------------------------
# Truth -> JSON

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def json_value(name: str, value):
    if value is None:
        return None
    kind = KIND.get(name, "text")
    if kind == "money":
        return value / 100
    if kind == "number":
        return value / 1000
    if kind == "datetime":
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if kind == "int":
        assert isinstance(value, int)
        return value
    assert isinstance(value, str), (name, value)
    assert value == value.strip() and value and not CONTROL.search(value), (name, value)
    return value


def truth_lines(lines: list[dict], names_in_layout: list[str]) -> list[dict]:
    names = list(dict.fromkeys(names_in_layout))  # keep layout order, drop duplicates
    assert len(names) == len(names_in_layout), f"two headers map to one column: {names_in_layout}"
    if "Currency" not in names:
        names.append("Currency")
    for n in names:
        assert n in schema.BY_NAME, n
    return [{n: json_value(n, line[n]) for n in names} for line in lines]


def write_json(path: Path, obj: dict) -> None:
    path.write_bytes((json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def expected(path: Path, description: str, options: dict, source: str, lines: list[dict], names: list[str],
             skipped: int, currency: str | None = "market") -> dict:
    truth = truth_lines(lines, names)
    if currency is None:  # no market, no prefix, no currency column: the reader cannot know it
        for t in truth:
            t["Currency"] = None
    obj = {"description": description, "options": options, "source": source, "rows_read": len(truth),
           "skipped_rows": skipped, "lines": truth}
    write_json(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json"), obj)
    return obj


def expected_error(path: Path, description: str, options: dict, error: str, row: int | None, column: str | None):
    assert error in {"unknown_format", "mangled_ids", "missing_column", "encoding", "ambiguous_dates", "bad_value"}
    obj = {"description": description, "options": options, "error": error, "row": row, "column": column}
    write_json(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json"), obj)


# ---------------------------------------------------------------------------------------------------------------------
# Writers (all deterministic)


def csv_bytes(header, rows, encoding="utf-8", bom=False, quoting=csv.QUOTE_MINIMAL) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, quoting=quoting, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buf.getvalue().encode(encoding)  # strict: a character the encoding lacks is a bug here
    return (codecs.BOM_UTF8 + data) if bom else data


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an xlsx with fixed member timestamps and fixed document times."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = FIXED_DOC_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                for tag in (rb"dcterms:created", rb"dcterms:modified"):
                    content = re.sub(rb"(<" + tag + rb"[^>]*>)[^<]*(</" + tag + rb">)", rb"\g<1>" + stamp + rb"\g<2>",
                                     content)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zi.create_system = 0
            dst.writestr(zi, content)
    return out.getvalue()


def write_openpyxl(path: Path, sheets: list[tuple[str, list[list]]], text_format=False) -> None:
    """Sheets of rows; str values become text cells (never formulas), numbers numbers, None/"" no cell."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # buyer text like "=1+1" stays text
                    if text_format:
                        cell.number_format = "@"
    wb.properties.creator = "TikTok Shop"
    wb.properties.created = FIXED_DOC_TIME
    wb.properties.modified = FIXED_DOC_TIME
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))


def write_xlsxwriter(path: Path, sheets: list[tuple[str, list[list]]], date_format="m/d/yyyy h:mm:ss AM/PM") -> None:
    """Sheets of rows; str -> string cell, int/float -> number, datetime -> date cell, None/"" -> no cell."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False})
    wb.set_properties({"author": "TikTok Shop", "created": FIXED_DOC_TIME})
    dfmt = wb.add_format({"num_format": date_format})
    mfmt = wb.add_format({"num_format": "0.00"})
    for title, rows in sheets:
        ws = wb.add_worksheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, datetime):
                    ws.write_datetime(r, c, value, dfmt)
                elif isinstance(value, float):
                    ws.write_number(r, c, value, mfmt)
                elif isinstance(value, int):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, value)
    wb.close()
    path.write_bytes(normalise_zip(buf.getvalue()))


# ---------------------------------------------------------------------------------------------------------------------
# Helpers for TikTok-layout samples


def tiktok_names(headers):
    return {h: tiktok_name(h) for h in headers}


def description_row(headers, texts):
    return [texts.get(h, "") for h in headers]


def ctx(name: str):
    rng = random.Random(f"{SEED}:{name}")
    return rng, Ids(rng)


def us_style(money=None):
    return Style(us_ampm, money or (lambda c, r, h: money2(c)), "en")


def dmy_style(money=money0, status="th"):
    return Style(fmt("%d/%m/%Y %H:%M:%S"), lambda c, r, h: money(c), status)


def pick(rng, people, n):
    return rng.sample(list(people.values()) if isinstance(people, dict) else list(people), n)


# ---------------------------------------------------------------------------------------------------------------------
# Samples in tests/data/exports/


def us_2025_specs(rng, t0, t1):
    P = US_PEOPLE
    times = spread(rng, t0, t1, 10)
    return [
        Spec(P["jessica"], [It("TEE-BLK-M", 2)], paid=times[0]),
        Spec(P["tyler"], [It("TEE-BLK-M", 1), It("TEE-BLK-M", 1, seller_disc=300), It("CAP-BLK-OS", 1)],
             paid=times[1], message="Is the cap adjustable?"),
        Spec(P["ryan"], [It("JOG-GRY-L", 1)], "cancelled", paid=times[2], cancel_by="Buyer",
             cancel_reason="No longer needed"),
        Spec(P["grace"], [It("HOOD-NVY-M", 1), It("BEANIE-RED", 1)], "delivered", paid=times[3], carrier="USPS"),
        Spec(P["luis"], [It("BELT-BRN-34", 1, returned=1)], "completed", paid=times[4], carrier="UPS"),
        Spec(P["sophia"], [It("SCARF-PLD-GRN", 1), It("TOTE-CVS-NAT", 1, platform_disc=180)], "awaiting_collection",
             paid=times[5], seller_note="gift wrap"),
        Spec(P["daniel"], [It("LEG-BLK-S", 1)], "in_transit", paid=times[6]),
        Spec(P["aaliyah"], [It("SET-TEE-3PK", 1, pre_order=True)], paid=times[7]),
        Spec(P["olivia"], [It("BEANIE-CRM", 1)], paid=times[8], instruction="Leave with the front desk"),
        Spec(P["kevin"], [It("HOOD-BLK-L", 1)], "unpaid", created=times[9]),
    ]


def sample_us_2025():
    name = "us_2025.csv"
    rng, ids = ctx(name)
    export = at("2026-11-25 12:00:00")
    specs = us_2025_specs(rng, at("2026-11-14 08:00:00"), at("2026-11-25 11:00:00"))
    specs[3].paid = at("2026-11-15 00:12:40")  # a paid time in the 12 AM hour
    specs[0].paid = at("2026-11-24 12:41:09")  # ... and one in the 12 PM hour
    lines = build_orders(SHOPS["US"], specs, ids, rng, export)
    names = tiktok_names(US2025)
    rows = render_rows(lines, US2025, names, us_style())
    col = {h: i for i, h in enumerate(US2025)}
    # Stray whitespace (the reader strips it): tabs around some IDs, spaces around some text, an empty time as a tab.
    for i in range(0, len(rows), 2):
        rows[i][col["Order ID"]] = "\t" + rows[i][col["Order ID"]] + "\t"
    for i, row in enumerate(rows):
        if row[col["Tracking ID"]]:
            row[col["Tracking ID"]] = row[col["Tracking ID"]] + "\t"
        if i % 3 == 1:
            row[col["Seller SKU"]] += " "
            row[col["Product Name"]] = " " + row[col["Product Name"]]
            row[col["SKU ID"]] = "\t" + row[col["SKU ID"]]
    tabbed = next(i for i, line in enumerate(lines) if line["Order Substatus"] == "In Transit")
    rows[tabbed][col["Delivered Time"]] = "\t"
    path = EXPORTS / name
    path.write_bytes(csv_bytes(US2025, [description_row(US2025, DESC_EN)] + rows, quoting=csv.QUOTE_ALL))
    expected(path, "US Seller Center CSV, 2025 layout (58 columns), English description row, every field quoted, "
             "dates MM/DD/YYYY h:mm:ss AM/PM (incl. 12 AM / 12 PM), tabs and spaces around IDs and text, an empty "
             "time given as a lone tab; cancelled (Canceled), delivered, returned, awaiting collection, in transit, "
             "pre-order and unpaid orders; one order with the same SKU ID on two lines.",
             {"market": "US"}, "tiktok_export", lines, [names[h] for h in US2025], skipped=1)


def sample_us_legacy():
    name = "us_legacy.xlsx"
    rng, ids = ctx(name)
    P = US_PEOPLE
    t = spread(rng, at("2026-11-16 07:00:00"), at("2026-11-24 22:00:00"), 8)
    specs = [
        Spec(P["brandon"], [It("JOG-GRY-M", 1)], paid=t[0], message="pls send size L not M"),
        Spec(P["emily"], [It("LEG-BLK-S", 2), It("TEE-WHT-S", 1)], paid=t[1]),
        Spec(replace(P["marcus"], house="Apt 1207"), [It("HOOD-BLK-L", 1)], "in_transit", paid=t[2]),
        Spec(P["chris"], [It("HOOD-NVY-L", 1), It("HOOD-NVY-L", 1, seller_disc=800)], paid=t[3]),
        Spec(replace(P["lily"], house="41-22"), [It("TEE-BLK-L", 1), It("TEE-WHT-L", 1)], "delivered", paid=t[4]),
        Spec(P["destiny"], [It("CAP-KHK-OS", 1)], "cancelled", paid=t[5], cancel_by="Seller",
             cancel_reason="Out of stock"),
        Spec(P["zoe"], [It("SOCK-5PK-WHT", 3)], paid=t[6]),
        Spec(P["andre"], [It("BELT-BRN-36", 1), It("TOTE-CVS-NAT", 1)], "awaiting_collection", paid=t[7]),
    ]
    lines = build_orders(SHOPS["US"], specs, ids, rng, at("2026-11-25 09:00:00"))
    names = tiktok_names(US_LEGACY)
    style = Style(fmt("%m/%d/%Y %H:%M:%S"), lambda c, r, h: money2(c), "en_legacy", legacy_to_ship=True)
    rows = render_rows(lines, US_LEGACY, names, style)
    path = EXPORTS / name
    write_openpyxl(path, [("OrderSKUList", [US_LEGACY, description_row(US_LEGACY, DESC_EN)] + rows)],
                   text_format=True)
    expected(path, "Older US layout as XLSX (sheet OrderSKUList, written with openpyxl): Detail Address / Additional "
             "address information / House Name or Number instead of Address Line 1/2, every cell a TEXT cell, "
             "description row, 24-hour dates MM/DD/YYYY HH:MM:SS with days > 12, Order Status 'To ship' "
             "(= Awaiting Shipment) and 'Canceled'.",
             {"market": "US"}, "tiktok_export", lines, [names[h] for h in US_LEGACY], skipped=1)


def sample_us_excel_dates():
    name = "us_excel_dates.xlsx"
    rng, ids = ctx(name)
    P = US_PEOPLE
    t = spread(rng, at("2026-11-20 06:00:00"), at("2026-11-25 10:30:00"), 8)
    specs = [
        Spec(P["natalie"], [It("TEE-WHT-M", 3)], paid=t[0]),
        Spec(P["mia"], [It("BEANIE-RED", 2)], paid=t[1], message="Merry Christmas! 🎄"),
        Spec(P["hannah"], [It("CAP-KHK-OS", 1), It("TEE-GRY-M", 1), It("SOCK-5PK-WHT", 1)], "in_transit", paid=t[2]),
        Spec(P["jordan"], [It("TEE-BLK-M", 1)], "delivered", paid=t[3]),
        Spec(P["kayla"], [It("JKT-LTH-BLK-M", 1), It("JKT-LTH-BLK-M", 1, seller_disc=1500)], paid=t[4]),
        Spec(P["victoria"], [It("TEE-GRY-M", 1), It("HOOD-BLK-M", 1)], "awaiting_collection", paid=t[5]),
        Spec(P["samantha"], [It("TEE-WHT-M", 1)], "cancelled", paid=t[6], cancel_by="System",
             cancel_reason="Automatically cancelled due to collection time out"),
        Spec(P["olivia"], [It("SCARF-PLD-GRN", 1)], paid=t[7], cofunded=True),
    ]
    lines = build_orders(SHOPS["US"], specs, ids, rng, at("2026-11-25 11:00:00"))
    names = tiktok_names(US2025)
    rows = []
    for line in lines:
        row = []
        for h in US2025:
            n, v = names[h], line[names[h]]
            kind = KIND[n]
            if v is None:
                row.append(None)
            elif kind == "money":
                row.append(v / 100)
            elif kind == "number":
                row.append(v / 1000)
            elif kind == "int":
                row.append(v)
            elif kind == "datetime":
                row.append(v)
            else:
                row.append(render_value(n, h, v, us_style(), 0))
        rows.append(row)
    summary = [
        ["Order export summary", None],
        ["Shop", "Northside Apparel Co."],
        ["Exported", "11/25/2026 11:02:45 AM"],
        ["Orders", len({x["Order ID"] for x in lines})],
        ["Lines", len(lines)],
        ["Note", "Order lines are on the sheet OrderSKUList"],
    ]
    path = EXPORTS / name
    write_xlsxwriter(path, [("Summary", summary), ("OrderSKUList", [US2025] + rows)])
    expected(path, "US 2025 layout as a real spreadsheet (XlsxWriter): first sheet 'Summary' is not the data (the "
             "reader must pick OrderSKUList), IDs as text, times as Excel date cells, money and quantities as "
             "numbers, weights as numbers, no description row.",
             {"market": "US"}, "tiktok_export", lines, [names[h] for h in US2025], skipped=0)


def th_tax(name):
    return ("0105561234567", "Company", name, "account@siamtrading.co.th", "021234567",
            "1 อาคารสาทรซิตี้ทาวเวอร์ ถนนสาทรใต้ แขวงทุ่งมหาเมฆ เขตสาทร กรุงเทพมหานคร 10120", "Head office")


def th_rows_for_xlsx(lines, names):
    """TH xlsx cells: IDs/text/dates as text, money/weight/quantity as numbers."""
    style = dmy_style(money2)
    out = []
    for line in lines:
        row = []
        for h in TH_LAYOUT:
            n, v = names[h], line[names[h]]
            kind = KIND[n]
            if v is None:
                row.append(None)
            elif kind == "money":
                row.append(v / 100)
            elif kind == "number":
                row.append(v / 1000)
            elif kind == "int":
                row.append(v)
            else:
                row.append(render_value(n, h, v, style, 0))
        out.append(row)
    return out


def sample_th_sea():
    name = "th_sea.xlsx"
    rng, ids = ctx(name)
    P = TH_PEOPLE
    t = spread(rng, at("2026-11-08 09:00:00"), at("2026-11-24 21:00:00"), 9)
    specs = [
        Spec(P["somchai"], [It("TSH-OVS-BLK-L", 1)], paid=t[0], message="ส่งไวๆ นะครับ"),
        Spec(P["nattida"], [It("TMB-600-PNK", 1), It("TMB-600-PNK", 1, seller_disc=3000)], paid=t[1]),
        Spec(P["pimchanok"], [It("CASE-IP15-CLR", 2), It("SCR-6PK", 1)], "completed", paid=t[2]),
        Spec(P["thanawat"], [It("BAG-CVS-BEG", 1)], "cancelled", paid=t[3], cancel_by="Buyer",
             cancel_reason="ไม่ต้องการแล้ว"),
        Spec(P["chayapol"], [It("TMB-600-BLK", 4), It("TMB-600-BLU", 2)], "shipped", paid=t[4],
             tax_invoice=th_tax("บริษัท สยามเทรดดิ้ง จำกัด"), checked_by="admin01"),
        Spec(P["kamonchanok"], [It("TSH-OVS-WHT-M", 1)], paid=t[5]),
        Spec(P["onuma"], [It("SCR-6PK", 1)], paid=t[6]),
        Spec(P["waraporn"], [It("HAT-BKT-BLK", 1), It("TSH-OVS-BLK-M", 1)], "shipped", paid=t[7]),
        Spec(P["emily_tan"], [It("TMB-600-BLU", 1)], paid=t[8], message="Please wrap it as a gift, thank you!"),
    ]
    lines = build_orders(SHOPS["TH"], specs, ids, rng, at("2026-11-25 10:00:00"))
    names = tiktok_names(TH_LAYOUT)
    rows = th_rows_for_xlsx(lines, names)
    path = EXPORTS / name
    write_openpyxl(path, [("OrderSKUList", [TH_LAYOUT, description_row(TH_LAYOUT, DESC_TH)] + rows)])
    expected(path, "Thai layout as XLSX (sheet OrderSKUList): Zipcode/Province/District/Districts/Detail Address, "
             "tax-invoice columns, Small Order Fee; Thai description row; dates DD/MM/YYYY HH:MM:SS as text with "
             "days > 12; Thai status values; THB money as numeric cells; leading-zero tax ID and phone as text.",
             {"market": "TH"}, "tiktok_export", lines, [names[h] for h in TH_LAYOUT], skipped=1)


def vn_specs(rng, t0, t1, people, variant):
    t = spread(rng, t0, t1, 8)
    S = [
        Spec(people[0], [It("AT-BASIC-DEN-M", 2)], "awaiting_collection", paid=t[0], channel="LIVE",
             creator="@linhdaily"),
        Spec(people[1], [It("QJ-NI-XAM-L", 1), It("MU-LT-DEN", 1)], "shipped", paid=t[1], channel="Video",
             creator="@minhreview"),
        Spec(people[2], [It("TUI-TOTE-KEM", 1)], "delivered", paid=t[2], channel="Product card"),
        Spec(people[3], [It("AT-BASIC-TRG-L", 1), It("AT-BASIC-TRG-L", 1, seller_disc=2000000)],
             "awaiting_collection", paid=t[3], message="Giao giờ hành chính giúp em nhé", channel="Product card"),
        Spec(people[4], [It("MU-LT-DEN", 1)], "cancelled", paid=t[4], cancel_by="Buyer",
             cancel_reason="Không còn nhu cầu", channel="LIVE", creator="@linhdaily"),
        Spec(people[5], [It("QJ-NI-XAM-L", 1), It("AT-BASIC-DEN-M", 1), It("TUI-TOTE-KEM", 1)], "delivered",
             paid=t[5], checked_by="nv_kho01", channel="Video", creator="@hanstyle"),
        Spec(people[6], [It("AT-BASIC-DEN-M", 1)], "shipped", paid=t[6], channel="Shop tab"),
        Spec(people[7], [It("TUI-TOTE-KEM", 2)], "awaiting_collection", paid=t[7], channel="Product card",
             message="Shop đóng gói kỹ giúp mình ạ"),
    ]
    return S if variant == "bom" else S[:6]


def sample_vn(name, variant):
    rng, ids = ctx(name)
    if variant == "bom":
        t0, t1, export = at("2026-11-10 08:00:00"), at("2026-11-19 20:00:00"), at("2026-11-25 09:00:00")
    else:
        t0, t1, export = at("2026-11-03 08:00:00"), at("2026-11-15 20:00:00"), at("2026-11-20 09:00:00")
    people = pick(rng, VN_PEOPLE, 8)
    lines = build_orders(SHOPS["VN"], vn_specs(rng, t0, t1, people, variant), ids, rng, export)
    names = tiktok_names(VN_LAYOUT)
    path = EXPORTS / name
    if variant == "bom":
        style = dmy_style(money0, "vn")
        rows = render_rows(lines, VN_LAYOUT, names, style)
        path.write_bytes(csv_bytes(VN_LAYOUT, [description_row(VN_LAYOUT, DESC_EN)] + rows, bom=True))
        assert any(x["Created Time"].day > 12 for x in lines)
        expected(path, "Vietnam layout (56 columns: Province/District/Commune, Order Channel, Creator Handle) as "
                 "CSV with UTF-8 BOM, English headers and description row, Vietnamese status values with "
                 "diacritics, dates DD/MM/YYYY HH:MM:SS, VND money as plain integers.",
                 {"market": "VN"}, "tiktok_export", lines, [names[h] for h in VN_LAYOUT], skipped=1)
    else:
        style = Style(fmt("%Y/%m/%d %H:%M:%S"), lambda c, r, h: money0(c), "vn")
        rows = render_rows(lines, VN_LAYOUT, names, style)
        path.write_bytes(csv_bytes(VN_LAYOUT, rows))
        expected(path, "Vietnam layout as CSV without BOM and without description row, dates YYYY/MM/DD HH:MM:SS "
                 "(unambiguous, so no market is given); Currency is VND because every address is in Vietnam "
                 "(a shop sells in its own market).",
                 {}, "tiktok_export", lines, [names[h] for h in VN_LAYOUT], skipped=0)


def sample_id():
    name = "id_localised.csv"
    rng, ids = ctx(name)
    t = spread(rng, at("2026-11-05 08:00:00"), at("2026-11-20 21:00:00"), 7)
    P = ID_PEOPLE
    specs = [
        Spec(P[0], [It("KAOS-HTM-M", 2), It("TOPI-HTM", 1)], paid=t[0], message="Tolong packing yang rapi ya kak"),
        Spec(P[1], [It("HOODIE-ABU-L", 1)], "unpaid", created=t[1]),
        Spec(P[2], [It("KAOS-PTH-L", 1), It("KAOS-PTH-L", 1, seller_disc=500000)], "completed", paid=t[2]),
        Spec(P[3], [It("KAOSKAKI-5P", 2)], "cancelled", paid=t[3], cancel_by="Buyer",
             cancel_reason="Tidak dibutuhkan lagi"),
        Spec(P[4], [It("TOPI-HTM", 1)], paid=t[4], checked_by="gudang02"),
        Spec(P[5], [It("HOODIE-ABU-L", 1), It("KAOS-HTM-M", 1)], "completed", paid=t[5]),
        Spec(P[6], [It("KAOSKAKI-5P", 1)], "cancelled", created=t[6], cancel_by="System",
             cancel_reason="Pembeli tidak membayar tepat waktu"),
    ]
    lines = build_orders(SHOPS["ID"], specs, ids, rng, at("2026-11-25 09:00:00"))
    names = tiktok_names(ID_LAYOUT)
    rows = render_rows(lines, ID_LAYOUT, names, dmy_style(money0, "id"))
    path = EXPORTS / name
    blank = [""] * len(ID_LAYOUT)
    path.write_bytes(csv_bytes(ID_LAYOUT, [description_row(ID_LAYOUT, DESC_EN)] + rows + [blank]))
    expected(path, "Indonesia (layout assumed: TH address block without tax columns) as CSV: Indonesian status "
             "values (Belum dibayar, Dibatalkan, Perlu dikirim, Selesai), an unpaid order with an empty Paid Time, "
             "dates DD/MM/YYYY HH:MM:SS, IDR money as plain integers, a description row and a trailing row of empty "
             "cells (both skipped).",
             {"market": "ID"}, "tiktok_export", lines, [names[h] for h in ID_LAYOUT], skipped=2)


def sample_br():
    name = "br_money.csv"
    rng, ids = ctx(name)
    t = spread(rng, at("2026-11-13 08:00:00"), at("2026-11-19 21:00:00"), 6)
    P = BR_PEOPLE
    specs = [
        Spec(P[0], [It("CAM-BAS-PRT-M", 1)], paid=t[0]),
        Spec(P[1], [It("MOL-CANG-CNZ-G", 2), It("BONE-ABA-PRT", 1)], "in_transit", paid=t[1]),
        Spec(P[2], [It("CAM-BAS-BRC-G", 1), It("CAM-BAS-BRC-G", 1, seller_disc=500)], paid=t[2],
             message="Pode mandar em embalagem de presente?"),
        Spec(P[3], [It("MEIA-KIT5-BRC", 3)], "delivered", paid=t[3]),
        Spec(P[4], [It("BONE-ABA-PRT", 1)], "cancelled", paid=t[4], cancel_by="Buyer",
             cancel_reason="Não preciso mais"),
        Spec(P[5], [It("MOL-CANG-CNZ-G", 8), It("CAM-BAS-PRT-M", 4)], paid=t[5]),
    ]
    lines = build_orders(SHOPS["BR"], specs, ids, rng, at("2026-11-26 23:00:00"))
    for line in lines:  # every day > 12: month/day order is never in doubt, whatever the market suggests
        for n in ("Created Time", "Paid Time", "RTS Time", "Shipped Time", "Delivered Time", "Cancelled Time"):
            assert line[n] is None or line[n].day > 12, (n, line[n])

    def br_money(c, r, h):
        k = (r + US2025.index(h)) % 3
        if k == 0:
            return "BRL " + money_de(c)
        if k == 1:
            return "R$ " + money_de(c)
        return money_plain_short(c)

    names = tiktok_names(US2025)
    rows = render_rows(lines, US2025, names, us_style(br_money))
    path = EXPORTS / name
    path.write_bytes(csv_bytes(US2025, rows, quoting=csv.QUOTE_ALL))
    assert any(c.startswith("BRL ") and "." in c for row in rows for c in row), "want a thousands separator"
    expected(path, "Brazil (US 2025 headers assumed) as CSV: money cells mix 'BRL 35,91', 'R$ 62,90' and '234.9' "
             "(and 'BRL 1.049,70' with a thousands dot) in the same column; dates MM/DD/YYYY h:mm:ss AM/PM with "
             "every day > 12 (so the order is clear even though BR returns exports use DD/MM).",
             {"market": "BR"}, "tiktok_export", lines, [names[h] for h in US2025], skipped=0)


def th_csv_lines(name, t0, t1, export):
    rng, ids = ctx(name)
    P = TH_PEOPLE
    t = spread(rng, t0, t1, 5)
    specs = [
        Spec(P["supachai"], [It("HAT-BKT-BLK", 1)], paid=t[0]),
        Spec(P["piyapong"], [It("TSH-OVS-WHT-L", 1), It("TSH-OVS-BLK-L", 1)], "shipped", paid=t[1]),
        Spec(P["sudarat"], [It("CASE-IP15P-CLR", 1), It("CASE-IP15P-CLR", 1, seller_disc=2000)], paid=t[2]),
        Spec(P["kittisak"], [It("TMB-600-PNK", 1)], "cancelled", paid=t[3], cancel_by="Seller",
             cancel_reason="สินค้าหมด"),
        Spec(P["napatsorn"], [It("SCR-6PK", 2), It("BAG-CVS-BEG", 1)], paid=t[4]),
    ]
    return build_orders(SHOPS["TH"], specs, ids, rng, export)


def sample_ambiguous():
    lines = th_csv_lines("ambiguous_dates.csv", at("2026-11-02 08:00:00"), at("2026-11-08 20:00:00"),
                         at("2026-11-12 08:00:00"))
    times = [line[n] for line in lines for n in ("Created Time", "Paid Time", "RTS Time", "Shipped Time",
                                                  "Delivered Time", "Cancelled Time") if line[n]]
    assert all(x.day <= 12 for x in times)
    names = tiktok_names(TH_LAYOUT)
    rows = render_rows(lines, TH_LAYOUT, names, dmy_style(money2, "th"))
    data = csv_bytes(TH_LAYOUT, rows)
    for name in ("ambiguous_dates.csv", "ambiguous_dates_th.csv"):
        (EXPORTS / name).write_bytes(data)
    expected_error(EXPORTS / "ambiguous_dates.csv",
                   "Thai layout CSV whose dates are DD/MM/YYYY HH:MM:SS but every day is <= 12, so 03/11/2026 could "
                   "be 3 November or 11 March; no market is set, so the reader must refuse to guess.",
                   {}, "ambiguous_dates", None, "Created Time")
    expected(EXPORTS / "ambiguous_dates_th.csv",
             "Same bytes as ambiguous_dates.csv, with market TH: the dates are read as DD/MM/YYYY.",
             {"market": "TH"}, "tiktok_export", lines, [names[h] for h in TH_LAYOUT], skipped=0)


def small_us_lines(name, n_orders=4, t0="2026-11-14 08:00:00", t1="2026-11-24 20:00:00"):
    rng, ids = ctx(name)
    P = US_PEOPLE
    t = spread(rng, at(t0), at(t1), n_orders)
    specs = [
        Spec(P["jessica"], [It("TEE-BLK-M", 1), It("TEE-BLK-M", 1, seller_disc=200)], paid=t[0]),
        Spec(P["tyler"], [It("HOOD-NVY-M", 1)], "awaiting_collection", paid=t[1]),
        Spec(P["aaliyah"], [It("CAP-BLK-OS", 2), It("SOCK-5PK-WHT", 1)], paid=t[2]),
        Spec(P["zoe"], [It("BEANIE-RED", 1)], paid=t[3]),
    ][:n_orders]
    return build_orders(SHOPS["US"], specs, ids, rng, at("2026-11-25 09:00:00"))


def sample_mangled():
    names = tiktok_names(US2025)
    col = {h: i for i, h in enumerate(US2025)}

    def excel_general(text: str) -> str:  # what Excel's General format shows for a long number: 5.77123E+17
        mantissa, exp = f"{float(text):.5E}".split("E")
        return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exp)}"

    # mangled_sci.csv: opened in Excel and saved again: every long digit ID shown as 5.77123E+17.
    lines = small_us_lines("mangled_sci.csv")
    rows = render_rows(lines, US2025, names, us_style())
    for row in rows:
        for h in ("Order ID", "SKU ID", "Package ID", "Tracking ID"):
            if row[col[h]].isdigit():
                row[col[h]] = excel_general(row[col[h]])
    path = EXPORTS / "mangled_sci.csv"
    path.write_bytes(csv_bytes(US2025, [description_row(US2025, DESC_EN)] + rows))
    expected_error(path, "US CSV after a round trip through Excel: Order ID, SKU ID, Package ID and Tracking ID "
                   "cells read like 5.77123E+17 (digits lost). Refused; the first damaged cell is the Order ID of the "
                   "first data row (row 3, after the description row).", {"market": "US"}, "mangled_ids", 3,
                   "Order ID")

    # mangled_float.xlsx: Order IDs stored as numeric cells.
    lines = small_us_lines("mangled_float.xlsx")
    rows = render_rows(lines, US2025, names, us_style())
    cells = [[(float(v) if h == "Order ID" else v) for h, v in zip(US2025, row)] for row in rows]
    path = EXPORTS / "mangled_float.xlsx"
    write_openpyxl(path, [("OrderSKUList", [US2025] + cells)])
    expected_error(path, "US XLSX whose Order ID cells are NUMBERS (float 5.77123456789012e+17: the last digits are "
                   "gone). Refused at the first data row (row 2, no description row).", {"market": "US"},
                   "mangled_ids", 2, "Order ID")

    # mangled_dotzero.csv: SKU IDs went through a float column and came back as "1729...368.0".
    lines = small_us_lines("mangled_dotzero.csv")
    rows = render_rows(lines, US2025, names, us_style())
    for row in rows:
        row[col["SKU ID"]] = f"{float(row[col['SKU ID']]):.1f}"
    path = EXPORTS / "mangled_dotzero.csv"
    path.write_bytes(csv_bytes(US2025, rows))
    expected_error(path, "US CSV whose SKU ID cells end in '.0' (they went through a float column, e.g. "
                   "1729384756102938368.0; the last digits are wrong). Order IDs are intact. Refused at the first data "
                   "row (row 2), column SKU ID.", {"market": "US"}, "mangled_ids", 2, "SKU ID")


def sample_missing_and_bad():
    names = tiktok_names(US2025)
    lines = small_us_lines("missing_quantity.csv")
    headers = [h for h in US2025 if h != "Quantity"]
    rows = render_rows(lines, headers, names, us_style())
    path = EXPORTS / "missing_quantity.csv"
    path.write_bytes(csv_bytes(headers, [description_row(headers, DESC_EN)] + rows))
    expected_error(path, "US 2025 layout without the Quantity column (a required column).", {"market": "US"},
                   "missing_column", None, "Quantity")

    lines = small_us_lines("bad_quantity.csv")
    rows = render_rows(lines, US2025, names, us_style())
    bad = 2  # third data line
    rows[bad][US2025.index("Quantity")] = "two"
    path = EXPORTS / "bad_quantity.csv"
    path.write_bytes(csv_bytes(US2025, [description_row(US2025, DESC_EN)] + rows))
    expected_error(path, "US 2025 layout with a description row; the third data line has Quantity 'two'. The row is "
                   "the spreadsheet row: header 1, description 2, data from 3.", {"market": "US"}, "bad_value",
                   bad + 3, "Quantity")


def sample_latin1():
    name = "latin1.csv"
    rng, ids = ctx(name)
    P = US_PEOPLE
    t = spread(rng, at("2026-11-14 08:00:00"), at("2026-11-24 20:00:00"), 4)
    specs = [
        Spec(P["jose"], [It("TEE-BLK-M", 1), It("TEE-BLK-M", 1, seller_disc=200)], paid=t[0],
             message="Gracias, señor! Ship to José Müller please."),
        Spec(P["zoe_b"], [It("SCARF-PLD-GRN", 1)], "awaiting_collection", paid=t[1],
             message="Café au lait colour would be great – thanks"),
        Spec(P["renee"], [It("BEANIE-CRM", 1), It("CAP-KHK-OS", 1)], paid=t[2]),
        Spec(P["jessica"], [It("HOOD-BLK-M", 1)], paid=t[3]),
    ]
    lines = build_orders(SHOPS["US"], specs, ids, rng, at("2026-11-25 09:00:00"))
    names = tiktok_names(US2025)
    rows = render_rows(lines, US2025, names, us_style())
    data = csv_bytes(US2025, rows, encoding="cp1252")
    for n in ("latin1.csv", "latin1_with_setting.csv"):
        (EXPORTS / n).write_bytes(data)
    expected_error(EXPORTS / "latin1.csv", "US CSV saved in Windows-1252 (José Müller, Zoë Brontë, an en dash); "
                   "not UTF-8 and no encoding set, so the reader must stop and say which option to set.", {},
                   "encoding", None, None)
    expected(EXPORTS / "latin1_with_setting.csv", "Same bytes as latin1.csv, read with encoding cp1252. Dates are "
             "MM/DD/YYYY h:mm:ss AM/PM with days > 12; no market is set, and Currency is USD because every "
             "address is in the United States.",
             {"encoding": "cp1252"}, "tiktok_export", lines, [names[h] for h in US2025], skipped=0)


def sample_not_orders():
    header = ["product_id", "title", "price", "compare_at_price", "stock", "status", "image_url"]
    rows = [
        ["1729384756102938475", "Classic Cotton Crew Neck T-Shirt", "14.99", "19.99", "120", "active",
         "https://example.com/img/tee.jpg"],
        ["1729384756102938476", "Heavyweight Fleece Pullover Hoodie", "39.99", "", "35", "active",
         "https://example.com/img/hoodie.jpg"],
        ["1729384756102938477", "Washed Cotton Baseball Cap", "16.00", "", "0", "draft",
         "https://example.com/img/cap.jpg"],
        ["1729384756102938478", "Ribbed Cuffed Knit Beanie", "12.50", "15.00", "64", "active",
         "https://example.com/img/beanie.jpg"],
    ]
    path = EXPORTS / "not_orders.csv"
    path.write_bytes(csv_bytes(header, rows))
    expected_error(path, "A product catalogue CSV (product_id, title, price, ...): no order source recognises it.",
                   {}, "unknown_format", None, None)


def sample_hostile():
    name = "hostile.csv"
    rng, ids = ctx(name)
    P = US_PEOPLE
    t = spread(rng, at("2026-11-20 08:00:00"), at("2026-11-24 20:00:00"), 6)
    long_msg = ("Please pack carefully, this is a gift for my grandmother. " * 600)[:31999] + "."
    assert len(long_msg) == 32000
    specs = [
        Spec(P["jessica"], [It("TEE-BLK-M", 1)], paid=t[0], message='=HYPERLINK("http://x","y")',
             username="=1+1", recipient="+cmd|' /C calc'!A0"),
        Spec(P["tyler"], [It("CAP-BLK-OS", 1, name="<script>alert(1)</script>", variation="@SUM(A1)"),
                          It("BEANIE-RED", 1)], paid=t[1], recipient="@SUM(A1)", line1="-2+3",
             line2="<script>alert(1)</script>", city="=1+1", seller_note="-2+3"),
        Spec(P["daniel"], [It("HOOD-NVY-M", 1, name="Holiday Hoodie 🎁🙏", variation="=1+1")], paid=t[2],
             message="🎁🙏 thank you so much!!", recipient="محمد الأحمد", line2="רחוב הרצל 5 דירה 3",
             username="مستخدم_2026"),
        Spec(P["grace"], [It("TOTE-CVS-NAT", 2)], paid=t[3],
             message="Please leave at the back door.\nGate code 4412", line1="221B Baker St Apt 4"),
        Spec(P["sophia"], [It("TEE-WHT-M", 1), It("TEE-WHT-M", 1, seller_disc=300)], paid=t[4], message=long_msg),
        Spec(P["marcus"], [It("SOCK-5PK-WHT", 1)], paid=t[5], message="  shalom שלום / مرحبا  "),
    ]
    specs[5].message = specs[5].message.strip()
    lines = build_orders(SHOPS["US"], specs, ids, rng, at("2026-11-25 09:00:00"))
    names = tiktok_names(US2025)
    rows = render_rows(lines, US2025, names, us_style())
    col = {h: i for i, h in enumerate(US2025)}
    for i, line in enumerate(lines):  # a vertical tab inside an address (the truth has it removed)
        if line["Address Line 1"] == "221B Baker St Apt 4":
            rows[i][col["Address Line 1"]] = "221B Baker St\x0b Apt 4"
        if line["Buyer Message"] == "shalom שלום / مرحبا":
            rows[i][col["Buyer Message"]] = "  shalom שלום / مرحبا  "
    path = EXPORTS / name
    path.write_bytes(csv_bytes(US2025, [description_row(US2025, DESC_EN)] + rows))
    expected(path, "US 2025 layout whose buyer text holds hostile values kept verbatim as text: formulas "
             "(=HYPERLINK, =1+1, +cmd|' /C calc'!A0, @SUM(A1), -2+3), <script>, emoji, Arabic and Hebrew (RTL), a "
             "newline inside a message, a vertical tab inside an address (removed in the truth), surrounding spaces "
             "(stripped) and a ~32,000-character message.",
             {"market": "US"}, "tiktok_export", lines, [names[h] for h in US2025], skipped=1)


MABANG_HEADERS = [
    "订单编号", "交易编号", "店铺名", "平台", "订单状态", "SKU", "平台SKU", "订单商品名称", "商品数量", "商品销售单价",
    "订单总金额", "付款时间", "发货时间", "货运单号", "物流渠道", "客户账号", "客户姓名", "电话1", "国家",
    "所属地区（省/州）", "所属城市", "邮政编码", "邮寄地址1", "订单备注",
]
MABANG_NAMES = {
    "交易编号": "Order ID", "订单状态": "Order Status", "SKU": "Seller SKU", "订单商品名称": "Product Name",
    "商品数量": "Quantity", "商品销售单价": "SKU Unit Original Price", "订单总金额": "Order Amount",
    "付款时间": "Paid Time", "发货时间": "Shipped Time", "货运单号": "Tracking ID", "物流渠道": "Shipping Provider Name",
    "客户账号": "Buyer Username", "客户姓名": "Recipient", "电话1": "Phone #", "国家": "Country",
    "所属地区（省/州）": "State", "所属城市": "City", "邮政编码": "Zipcode", "邮寄地址1": "Address Line 1",
    "订单备注": "Seller Note",
}


def sample_mabang():
    name = "mabang_gb18030.csv"
    rng, ids = ctx(name)
    P = US_PEOPLE
    t = spread(rng, at("2026-11-18 08:00:00"), at("2026-11-24 22:00:00"), 6)
    specs = [
        Spec(P["emily"], [It("LEG-BLK-S", 2), It("TEE-WHT-S", 1), It("CAP-BLK-OS", 1)], paid=t[0],
             seller_note="客户要求周五前送达"),
        Spec(P["marcus"], [It("HOOD-BLK-L", 1)], "in_transit", paid=t[1], carrier="USPS"),
        Spec(P["chris"], [It("TEE-BLK-M", 1), It("TEE-BLK-M", 1, seller_disc=250)], paid=t[2],
             seller_note="买家想要黑色，已确认"),
        Spec(P["noah"], [It("COAT-WOOL-CML-L", 1), It("SCARF-PLD-GRN", 1)], "completed", paid=t[3], carrier="UPS"),
        Spec(P["daniel"], [It("BEANIE-RED", 1)], "cancelled", paid=t[4], cancel_by="Buyer",
             cancel_reason="No longer needed"),
        Spec(P["kevin"], [It("SOCK-5PK-WHT", 2), It("BELT-BRN-34", 1)], paid=t[5]),
    ]
    lines = build_orders(SHOPS["US"], specs, ids, rng, at("2026-11-25 09:00:00"))
    internal = {}
    rows = []
    prev = None
    for line in lines:
        oid = line["Order ID"]
        internal.setdefault(oid, str(2611180000000 + 137 * len(internal) + rng.randrange(100)))
        first = oid != prev
        prev = oid
        cells = {
            "订单编号": internal[oid], "交易编号": oid, "店铺名": "TK美国站-服饰01", "平台": "TikTok",
            "平台SKU": line["Seller SKU"],
        }
        for h, n in MABANG_NAMES.items():
            v = line[n]
            if v is None:
                cells[h] = ""
            elif n == "Order Status":
                cells[h] = STATUS_TEXT["mabang"][v]
            elif KIND[n] == "money":
                cells[h] = f"USD {money2(v)}"
            elif KIND[n] == "datetime":
                cells[h] = v.strftime("%Y-%m-%d %H:%M:%S")
            elif KIND[n] == "int":
                cells[h] = str(v)
            else:
                cells[h] = v
        if not first:  # order-level cells are blank on follow-on lines
            for h in ("店铺名", "平台"):
                cells[h] = ""
            for h, n in MABANG_NAMES.items():
                if n in ORDER_LEVEL and n != "Order ID":
                    cells[h] = ""
        rows.append([cells[h] for h in MABANG_HEADERS])
    path = EXPORTS / name
    path.write_bytes(csv_bytes(MABANG_HEADERS, rows, encoding="gb18030"))
    expected(path, "Mabang (马帮) order export by template: Chinese headers, GB18030 encoding, 交易编号 = TikTok order "
             "ID (订单编号 is Mabang's internal number), order-level cells blank on follow-on lines of a multi-SKU "
             "order (the truth carries the order's values on every line), money as 'USD 12.50', dates "
             "YYYY-MM-DD HH:MM:SS, statuses 配货中/已发货/已完成/已作废.",
             {}, "mabang", lines, [MABANG_NAMES[h] for h in MABANG_HEADERS if h in MABANG_NAMES], skipped=0)


DXM_HEADERS = [
    "订单号", "平台订单号", "店铺", "订单状态", "产品ID", "产品规格", "产品总数", "产品名称", "图片网址", "单价", "订单金额",
    "币种", "付款时间", "买家姓名", "买家账号", "电话", "国家", "省/州", "城市", "邮编", "地址1", "地址2", "买家留言",
    "运单号", "物流方式",
]
DXM_NAMES = {
    "平台订单号": "Order ID", "订单状态": "Order Status", "产品ID": "Seller SKU", "产品规格": "Variation",
    "产品总数": "Quantity", "产品名称": "Product Name", "单价": "SKU Unit Original Price", "订单金额": "Order Amount",
    "币种": "Currency", "付款时间": "Paid Time", "买家姓名": "Recipient", "买家账号": "Buyer Username",
    "电话": "Phone #", "国家": "Country", "省/州": "State", "城市": "City", "邮编": "Zipcode", "地址1": "Address Line 1",
    "地址2": "Address Line 2", "买家留言": "Buyer Message", "运单号": "Tracking ID", "物流方式": "Shipping Provider Name",
}


def sample_dianxiaomi():
    name = "dianxiaomi.xlsx"
    rng, ids = ctx(name)
    P = UK_PEOPLE
    t = spread(rng, at("2026-11-19 08:00:00"), at("2026-11-24 22:00:00"), 6)
    specs = [
        Spec(P[0], [It("HD-BLK-XL", 1), It("BN-BLK", 1)], paid=t[0], message="Can I get it in grey instead?"),
        Spec(P[1], [It("TS-WHT-L", 2)], "in_transit", paid=t[1]),
        Spec(P[2], [It("HD-GRY-M", 1), It("HD-GRY-M", 1, seller_disc=500), It("SK-3PK", 1)], paid=t[2]),
        Spec(P[3], [It("HD-BLK-M-CN", 1)], "completed", paid=t[3]),
        Spec(P[4], [It("SK-3PK", 3)], paid=t[4]),
        Spec(P[0], [It("BN-BLK", 1)], paid=t[5], message="Same address as my other order please combine"),
    ]
    lines = build_orders(SHOPS["UK"], specs, ids, rng, at("2026-11-25 09:00:00"))
    internal = {}
    rows = []
    for line in lines:
        oid = line["Order ID"]
        internal.setdefault(oid, "XM" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5))
                            + _digits(rng, 5))
        cells = {"订单号": internal[oid], "店铺": "TikTok-UK-Apparel",
                 "图片网址": f"https://img.example-cdn.com/tiktok/{line['Seller SKU'].lower()}.jpg"}
        for h, n in DXM_NAMES.items():
            v = line[n]
            if v is None:
                cells[h] = None
            elif n == "Order Status":
                cells[h] = STATUS_TEXT["dianxiaomi"][v]
            elif KIND[n] == "money":
                cells[h] = v / 100
            elif KIND[n] == "int":
                cells[h] = v
            elif KIND[n] == "datetime":
                cells[h] = v.strftime("%Y-%m-%d %H:%M:%S")
            else:
                cells[h] = v
        rows.append([cells[h] for h in DXM_HEADERS])
    path = EXPORTS / name
    write_xlsxwriter(path, [("order_", [DXM_HEADERS] + rows)])
    expected(path, "DianXiaoMi (店小秘) '按产品导出' standard template as XLSX (sheet order_): 平台订单号 = TikTok order "
             "ID (订单号 is DianXiaoMi's own number), 产品规格 'Color:Black Size:XL' (and '颜色：黑色 尺寸：M') is the "
             "Variation, prices as numbers, currency in 币种, paid time as text YYYY-MM-DD HH:MM:SS. Only sheet "
             "order_ and 产品规格/产品ID/产品总数/产品名称/图片网址 are evidenced; the other headers are assumed.",
             {}, "dianxiaomi", lines, [DXM_NAMES[h] for h in DXM_HEADERS if h in DXM_NAMES], skipped=0)


def sample_mabang_followon():
    """Mabang XLSX whose follow-on rows leave the Order ID too blank (the template's 订单编号/交易编号 only on an
    order's first row, as merged cells look once exported)."""
    name = "mabang_followon.xlsx"
    rng, ids = ctx(name)
    P = US_PEOPLE
    t = spread(rng, at("2026-11-20 08:00:00"), at("2026-11-24 21:00:00"), 5)
    specs = [
        Spec(P["emily"], [It("LEG-BLK-S", 2), It("TEE-WHT-S", 1), It("CAP-BLK-OS", 1)], paid=t[0]),
        Spec(P["marcus"], [It("HOOD-BLK-L", 1)], "in_transit", paid=t[1], carrier="USPS"),
        Spec(P["chris"], [It("TEE-BLK-M", 1), It("TEE-BLK-M", 1, seller_disc=250)], paid=t[2],
             seller_note="买家想要黑色，已确认"),
        Spec(P["noah"], [It("COAT-WOOL-CML-L", 1), It("SCARF-PLD-GRN", 1)], "completed", paid=t[3], carrier="UPS"),
        Spec(P["kevin"], [It("SOCK-5PK-WHT", 2), It("BELT-BRN-34", 1)], paid=t[4]),
    ]
    lines = build_orders(SHOPS["US"], specs, ids, rng, at("2026-11-25 09:00:00"))
    internal, rows, prev = {}, [], None
    for line in lines:
        oid = line["Order ID"]
        internal.setdefault(oid, str(2611200000000 + 173 * len(internal) + rng.randrange(100)))
        first = oid != prev
        prev = oid
        cells = {"订单编号": internal[oid], "交易编号": oid, "店铺名": "TK美国站-服饰01", "平台": "TikTok",
                 "平台SKU": line["Seller SKU"]}
        for h, n in MABANG_NAMES.items():
            v = line[n]
            if v is None:
                cells[h] = None
            elif n == "Order Status":
                cells[h] = STATUS_TEXT["mabang"][v]
            elif KIND[n] == "money":
                cells[h] = f"USD {money2(v)}"
            elif KIND[n] == "datetime":
                cells[h] = v.strftime("%Y-%m-%d %H:%M:%S")
            elif KIND[n] == "int":
                cells[h] = v
            else:
                cells[h] = v
        if not first:  # every order-level cell blank on follow-on lines, the Order ID and 订单编号 too
            for h in ("订单编号", "交易编号", "店铺名", "平台"):
                cells[h] = None
            for h, n in MABANG_NAMES.items():
                if n in ORDER_LEVEL:
                    cells[h] = None
        rows.append([cells[h] for h in MABANG_HEADERS])
    path = EXPORTS / name
    write_openpyxl(path, [("订单", [MABANG_HEADERS] + rows)])
    expected(path, "Mabang (马帮) order export as XLSX whose follow-on lines (one row per SKU) leave every "
             "order-level cell blank, 订单编号 and 交易编号 (the Order ID) included: the truth gives every line its "
             "order's ID and values; quantities as numbers, money as 'USD 12.50'.",
             {}, "mabang", lines, [MABANG_NAMES[h] for h in MABANG_HEADERS if h in MABANG_NAMES], skipped=0)


def sample_dianxiaomi_followon():
    """DianXiaoMi '按产品导出' CSV (GB18030) whose follow-on rows leave 订单号, 平台订单号 and the order's cells blank."""
    name = "dianxiaomi_followon.csv"
    rng, ids = ctx(name)
    P = UK_PEOPLE
    t = spread(rng, at("2026-11-19 08:00:00"), at("2026-11-24 22:00:00"), 4)
    specs = [
        Spec(P[0], [It("HD-BLK-XL", 1), It("BN-BLK", 1)], paid=t[0], message="Can I get it in grey instead?"),
        Spec(P[1], [It("TS-WHT-L", 2)], "in_transit", paid=t[1]),
        Spec(P[2], [It("HD-GRY-M", 1), It("HD-GRY-M", 1, seller_disc=500), It("SK-3PK", 1)], paid=t[2]),
        Spec(P[4], [It("SK-3PK", 3), It("BN-BLK", 2)], paid=t[3]),
    ]
    lines = build_orders(SHOPS["UK"], specs, ids, rng, at("2026-11-25 09:00:00"))
    internal, rows, prev = {}, [], None
    for line in lines:
        oid = line["Order ID"]
        internal.setdefault(oid, "XM" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5))
                            + _digits(rng, 5))
        first = oid != prev
        prev = oid
        cells = {"订单号": internal[oid], "店铺": "TikTok-UK-Apparel",
                 "图片网址": f"https://img.example-cdn.com/tiktok/{line['Seller SKU'].lower()}.jpg"}
        for h, n in DXM_NAMES.items():
            v = line[n]
            if v is None:
                cells[h] = ""
            elif n == "Order Status":
                cells[h] = STATUS_TEXT["dianxiaomi"][v]
            elif KIND[n] == "money":
                cells[h] = money2(v)
            elif KIND[n] == "datetime":
                cells[h] = v.strftime("%Y-%m-%d %H:%M:%S")
            else:
                cells[h] = str(v)
        if not first:
            for h in ("订单号", "店铺"):
                cells[h] = ""
            for h, n in DXM_NAMES.items():
                if n in ORDER_LEVEL:
                    cells[h] = ""
        rows.append([cells[h] for h in DXM_HEADERS])
    path = EXPORTS / name
    path.write_bytes(csv_bytes(DXM_HEADERS, rows, encoding="gb18030"))
    expected(path, "DianXiaoMi (店小秘) '按产品导出' as CSV in GB18030 whose follow-on lines leave 订单号, 平台订单号 (the "
             "Order ID) and every order-level cell blank: the truth gives every line its order's ID and values.",
             {}, "dianxiaomi", lines, [DXM_NAMES[h] for h in DXM_HEADERS if h in DXM_NAMES], skipped=0)


MAPPED_HEADERS = ["Bestellnummer", "Bestelldatum", "Artikelnummer", "Artikelname", "Menge", "Preis", "Empfänger",
                  "Straße", "PLZ", "Ort", "Land", "Nachricht"]
MAPPED_NAMES = {
    "Bestellnummer": "Order ID", "Bestelldatum": "Created Time", "Artikelnummer": "Seller SKU",
    "Artikelname": "Product Name", "Menge": "Quantity", "Preis": "SKU Unit Original Price", "Empfänger": "Recipient",
    "Straße": "Address Line 1", "PLZ": "Zipcode", "Ort": "City", "Land": "Country", "Nachricht": "Buyer Message",
}
MAPPING_TOML = """\
# Column mapping for an export of another ERP (German headers): their header = tkops display name.
name = "mapped_shop"
encoding = "cp1252"
date_format = "%d.%m.%Y %H:%M"
decimal = ","
currency = "EUR"

[columns]
"Bestellnummer" = "Order ID"
"Bestelldatum" = "Created Time"
"Artikelnummer" = "Seller SKU"
"Artikelname" = "Product Name"
"Menge" = "Quantity"
"Preis" = "SKU Unit Original Price"
"Empfänger" = "Recipient"
"Straße" = "Address Line 1"
"PLZ" = "Zipcode"
"Ort" = "City"
"Land" = "Country"
"Nachricht" = "Buyer Message"
"""


def sample_mapped():
    name = "mapped_shop.csv"
    rng, ids = ctx(name)
    P = DE_PEOPLE
    t = spread(rng, at("2026-11-18 08:00:00"), at("2026-11-24 22:00:00"), 5)
    t = [x.replace(second=0) for x in t]
    specs = [
        Spec(P[0], [It("TSH-SCHW-M", 2), It("MUETZE-ROT", 1)], paid=t[0], message="Bitte vor der Tür abstellen"),
        Spec(P[1], [It("HOOD-GRAU-L", 1)], paid=t[1]),
        Spec(P[2], [It("TSH-SCHW-M", 1), It("TSH-SCHW-M", 1, seller_disc=250)], paid=t[2],
             message="Bitte nicht klingeln – Baby schläft"),
        Spec(P[3], [It("MANTEL-WOLL-L", 1), It("SCHAL-KAR", 1)], paid=t[3]),
        Spec(P[4], [It("MUETZE-ROT", 1)], paid=t[4], message="Geschenk für Oma, danke schön!"),
    ]
    for s in specs:
        s.created = s.paid  # whole minutes: the format has no seconds
    lines = build_orders(SHOPS["DE"], specs, ids, rng, at("2026-11-25 09:00:00"))
    rows = []
    for line in lines:
        row = []
        for h in MAPPED_HEADERS:
            n, v = MAPPED_NAMES[h], line[MAPPED_NAMES[h]]
            if v is None:
                row.append("")
            elif KIND[n] == "money":
                row.append(money_de(v))
            elif KIND[n] == "datetime":
                row.append(v.strftime("%d.%m.%Y %H:%M"))
            elif KIND[n] == "int":
                row.append(str(v))
            else:
                row.append(v)
        rows.append(row)
    assert any("." in r[MAPPED_HEADERS.index("Preis")] for r in rows)
    path = EXPORTS / name
    path.write_bytes(csv_bytes(MAPPED_HEADERS, rows, encoding="cp1252"))
    (EXPORTS / "mapped_shop.mapping.toml").write_bytes(MAPPING_TOML.encode("utf-8"))
    expected(path, "Export of another ERP read through a column mapping (mapped_shop.mapping.toml): German headers, "
             "Windows-1252, dates %d.%m.%Y %H:%M, decimal-comma money ('12,50', '1.249,00'), currency EUR from the "
             "mapping.", {"mapping": "mapped_shop.mapping.toml"}, "mapping", lines,
             [MAPPED_NAMES[h] for h in MAPPED_HEADERS], skipped=0)


# ---------------------------------------------------------------------------------------------------------------------
# Demo data in tkops/samples/


def demo_us():
    name = "us_shop_2026-11-25.csv"
    rng, ids = ctx(name)
    P = US_PEOPLE
    t = spread(rng, at("2026-11-24 18:00:00"), at("2026-11-25 11:00:00"), 35)
    S = [
        Spec(P["jessica"], [It("TEE-BLK-M", 2), It("CAP-BLK-OS", 1)]),
        Spec(P["tyler"], [It("HOOD-NVY-M", 1), It("BEANIE-RED", 1)], message="Can I get it in black instead?"),
        Spec(P["aaliyah"], [It("SET-TEE-3PK", 1)]),
        Spec(P["brandon"], [It("JOG-GRY-M", 1)], message="pls send size L not M"),
        Spec(P["emily"], [It("LEG-BLK-S", 2), It("TEE-WHT-S", 1)],
             message="It's a birthday gift 🎁 please don't put the receipt in the box"),
        Spec(P["marcus"], [It("HOOD-BLK-L", 1)], message="need by Friday!! it's for my trip"),
        Spec(P["sophia"], [It("CAP-BLK-OS", 1), It("TOTE-CVS-NAT", 1)], "awaiting_collection"),
        Spec(P["daniel"], [It("TEE-ORG-M", 1)]),
        Spec(P["olivia"], [It("BEANIE-CRM", 1), It("SCARF-PLD-GRN", 1)]),
        Spec(P["kevin"], [It("BELT-BRN-34", 1)], message="Please cancel my order, I ordered the wrong size"),
        Spec(P["jasmine"], [It("TEE-GRY-L", 1)]),
        Spec(P["jasmine"], [It("SOCK-5PK-WHT", 1), It("CAP-KHK-OS", 1)], message="Can you ship this together with "
             "my other order?"),
        Spec(P["chris"], [It("HOOD-NVY-L", 2)]),
        Spec(P["megan"], [It("TEE-BLK-S", 1), It("SOCK-5PK-WHT", 1)]),
        Spec(P["ryan"], [It("JOG-GRY-L", 1)], "cancelled", cancel_by="Buyer", cancel_reason="Ordered by mistake"),
        Spec(P["destiny"], [It("TEE-BLK-M", 1), It("TEE-BLK-M", 1, seller_disc=300)]),
        Spec(P["noah"], [It("COAT-WOOL-CML-L", 2), It("JKT-LTH-BLK-M", 1), It("BELT-BRN-36", 1)],
             seller_note="VIP buyer, check quality before packing"),
        Spec(P["ethan"], [It("HOOD-BLK-M", 1)]),
        Spec(P["chloe"], [It("LEG-BLK-M", 1)]),
        Spec(P["isaiah"], [It("CAP-BLK-OS", 1), It("BEANIE-CRM", 1)]),
        Spec(P["natalie"], [It("TEE-WHT-M", 3)]),
        Spec(P["grace"], [It("SET-TEE-3PK", 2)]),
        Spec(P["luis"], [It("BELT-BRN-36", 1), It("TEE-BLK-XL", 1)], "in_transit", carrier="USPS"),
        Spec(P["taylor"], [It("SCARF-PLD-GRN", 1)], "awaiting_collection"),
        Spec(P["brianna"], [It("TOTE-CVS-NAT", 1), It("SOCK-5PK-WHT", 2)]),
        Spec(P["samuel"], [It("HOOD-BLK-XL", 1), It("BEANIE-RED", 1)], "cancelled", cancel_by="Seller",
             cancel_reason="Out of stock"),
        Spec(P["zoe"], [It("LEG-BLK-S", 1)], message="If possible send the size M instead, thanks!"),
        Spec(P["andre"], [It("HOOD-NVY-M", 1), It("JOG-GRY-M", 1)]),
        Spec(P["lily"], [It("TEE-BLK-L", 1), It("TEE-WHT-L", 1)]),
        Spec(P["kayla"], [It("JKT-LTH-BLK-M", 1), It("BEANIE-CRM", 1)]),
        Spec(P["mia"], [It("BEANIE-RED", 2)]),
        Spec(P["hannah"], [It("CAP-KHK-OS", 1), It("TEE-GRY-M", 1), It("SOCK-5PK-WHT", 1)]),
        Spec(P["jordan"], [It("TEE-BLK-M", 1)], "in_transit", carrier="UPS"),
        Spec(P["victoria"], [It("TEE-GRY-M", 1), It("HOOD-BLK-M", 1)], instruction="Leave at the side door"),
        Spec(P["samantha"], [It("TEE-WHT-M", 1)], "awaiting_collection"),
    ]
    # Shipped orders were paid early in the evening; give them the earliest times. Otherwise shuffle.
    order = list(range(len(S)))
    rng.shuffle(order)
    early = [i for i, s in enumerate(S) if s.status in ("in_transit", "awaiting_collection")]
    rest = [i for i in order if i not in early]
    for k, i in enumerate(early + rest):
        S[i].paid = t[k]
    lines = build_orders(SHOPS["US"], S, ids, rng, at("2026-11-25 11:20:00"))
    names = tiktok_names(US2025)
    rows = render_rows(lines, US2025, names, us_style())
    path = DEMO / name
    path.write_bytes(csv_bytes(US2025, [description_row(US2025, DESC_EN)] + rows))
    expected(path, "Demo: one day of a small US apparel shop (35 orders), Seller Center CSV 2025 layout with the "
             "description row. Contains review cases: missing house number (Ethan Walker), ZIP not valid for the "
             "state (Chloe Bennett, Texas 10018), PO Box (Isaiah Green), placeholder address N/A (Megan Thompson), "
             "unknown SKU TEE-ORG-M, bundle SET-TEE-3PK, stock shortfalls (HOOD-NVY-L, TEE-WHT-M, COAT-WOOL-CML-L), "
             "colour/size requests that differ from the Variation, a gift note, 'need by Friday', a cancel request, "
             "two orders of Jasmine Patel to one address, a high-value order (Noah Anderson).",
             {"market": "US"}, "tiktok_export", lines, [names[h] for h in US2025], skipped=1)
    return lines


def demo_sea():
    name = "sea_shop_2026-11-25.xlsx"
    rng, ids = ctx(name)
    P = TH_PEOPLE
    t = spread(rng, at("2026-11-24 18:00:00"), at("2026-11-25 11:00:00"), 25)
    S = [
        Spec(P["somchai"], [It("TSH-OVS-BLK-L", 1)]),
        Spec(P["nattida"], [It("TMB-600-PNK", 2)], message="ขอเปลี่ยนเป็นสีฟ้าได้ไหมคะ"),
        Spec(P["pimchanok"], [It("SET-TMB-DUO", 1), It("CASE-IP15-CLR", 1)], message="ห่อของขวัญให้ด้วยนะคะ 🎁"),
        Spec(P["thanawat"], [It("TSH-OVS-GRN-M", 1)]),
        Spec(P["kamonchanok"], [It("TSH-OVS-WHT-M", 1)], message="ขอไซส์ L แทน M นะคะ"),
        Spec(P["supachai"], [It("HAT-BKT-BLK", 1)]),
        Spec(P["onuma"], [It("BAG-CVS-BEG", 1), It("SCR-6PK", 2)]),
        Spec(P["piyapong"], [It("TMB-600-BLU", 1)], "cancelled", cancel_by="Buyer", cancel_reason="ไม่ต้องการแล้ว"),
        Spec(P["waraporn"], [It("TSH-OVS-BLK-M", 2)], "shipped", carrier="Flash Express"),
        Spec(P["chayapol"], [It("TMB-600-BLK", 6), It("TMB-600-BLU", 4)], tax_invoice=th_tax("บริษัท สยามเทรดดิ้ง จำกัด"),
             seller_note="ลูกค้าองค์กร ขอใบกำกับภาษี"),
        Spec(P["sudarat"], [It("CASE-IP15P-CLR", 1)], message="ต้องการด่วน ขอให้ถึงก่อนวันศุกร์นะคะ"),
        Spec(P["kittisak"], [It("TSH-OVS-WHT-L", 1)], message="ขอยกเลิกคำสั่งซื้อค่ะ สั่งผิดสี"),
        Spec(P["napatsorn"], [It("SCR-6PK", 1)]),
        Spec(P["napatsorn"], [It("BAG-CVS-BEG", 1)], message="ส่งรวมกับออเดอร์ก่อนหน้าได้ไหมคะ"),
        Spec(P["emily_tan"], [It("TMB-600-BLU", 1)], message="Please send the pink one instead of blue, thanks!"),
        Spec(P["john_miller"], [It("TSH-OVS-BLK-XL", 1), It("HAT-BKT-BLK", 1)],
             message="Can you deliver before Friday? It's a gift"),
        Spec(P["anucha"], [It("TSH-OVS-WHT-M", 1)]),
        Spec(P["benjamas"], [It("SCR-6PK", 1)]),
        Spec(P["somsak"], [It("CASE-IP15-CLR", 2)], "shipped", carrier="J&T Express TH"),
        Spec(P["paweena"], [It("TMB-600-PNK", 1)], "cancelled", cancel_by="Seller", cancel_reason="สินค้าหมด"),
        Spec(P["nattapon"], [It("SET-SCR-GIFT", 1)]),
        Spec(P["siriporn"], [It("TSH-OVS-BLK-M", 1), It("TSH-OVS-BLK-M", 1, seller_disc=4000)]),
        Spec(P["weera"], [It("TMB-600-BLK", 1), It("CASE-IP15-CLR", 1), It("SCR-6PK", 1)]),
        Spec(P["ratchanee"], [It("HAT-BKT-BLK", 1)], message="ขอบคุณค่ะ 🙏"),
        Spec(P["teerawat"], [It("TSH-OVS-WHT-L", 1), It("BAG-CVS-BEG", 1)], "shipped", carrier="Flash Express"),
    ]
    order = list(range(len(S)))
    rng.shuffle(order)
    early = [i for i, s in enumerate(S) if s.status == "shipped"]
    rest = [i for i in order if i not in early]
    for k, i in enumerate(early + rest):
        S[i].paid = t[k]
    lines = build_orders(SHOPS["TH"], S, ids, rng, at("2026-11-25 11:20:00"))
    names = tiktok_names(TH_LAYOUT)
    rows = th_rows_for_xlsx(lines, names)
    path = DEMO / name
    write_openpyxl(path, [("OrderSKUList", [TH_LAYOUT, description_row(TH_LAYOUT, DESC_TH)] + rows)])
    expected(path, "Demo: one day of a Thai shop (25 orders), Seller Center XLSX (sheet OrderSKUList) in the Thai "
             "layout with the Thai description row, THB, Thai statuses. Review cases: missing house number "
             "(ศุภชัย), placeholder address '-' (เบญจมาศ), Chiang Mai with Bangkok ZIP 10110 (อนุชา), unknown SKU "
             "TSH-OVS-GRN-M, bundles SET-TMB-DUO and SET-SCR-GIFT, stock shortfall (TMB-600-PNK, TMB-600-BLK), colour "
             "and size requests in Thai and English, a gift note, urgent delivery, a cancel request, two orders of "
             "one buyer, a high-value company order asking for a tax invoice.",
             {"market": "TH"}, "tiktok_export", lines, [names[h] for h in TH_LAYOUT], skipped=1)
    return lines


# Inventory: (On Hand, Zone, Bin, Unit Cost in minor units). Deliberately missing: TEE-ORG-M, TSH-OVS-GRN-M (unknown
# SKUs) and the bundle SKUs (stock is held as components).
INVENTORY_US = {
    "TEE-BLK-S": (42, "A", "A-2", 410), "TEE-BLK-M": (65, "A", "A-2", 410), "TEE-BLK-L": (38, "A", "A-3", 410),
    "TEE-BLK-XL": (12, "A", "A-3", 430), "TEE-WHT-S": (25, "A", "A-4", 410), "TEE-WHT-M": (2, "A", "A-4", 410),
    "TEE-WHT-L": (19, "A", "A-5", 410), "TEE-GRY-M": (30, "A", "A-10", 410), "TEE-GRY-L": (22, "A", "A-10", 410),
    "HOOD-NVY-M": (14, "B", "B-01-03", 1260), "HOOD-NVY-L": (1, "B", "B-01-04", 1260),
    "HOOD-BLK-M": (18, "B", "B-02-01", 1260), "HOOD-BLK-L": (9, "B", "B-02-02", 1260),
    "HOOD-BLK-XL": (0, "B", "B-02-03", 1290), "JOG-GRY-M": (16, "B", "B-03-01", 950),
    "JOG-GRY-L": (11, "B", "B-03-02", 950), "LEG-BLK-S": (27, "B", "B-04-01", 720),
    "LEG-BLK-M": (31, "B", "B-04-02", 720), "CAP-BLK-OS": (48, "C", "C-1", 380), "CAP-KHK-OS": (20, "C", "C-1", 380),
    "BEANIE-RED": (36, "C", "C-2", 290), "BEANIE-CRM": (24, "C", "C-2", 290), "SOCK-5PK-WHT": (60, "C", "C-12", 310),
    "TOTE-CVS-NAT": (15, "C", "C-3", 420), "BELT-BRN-34": (7, "C", "C-4", 830), "BELT-BRN-36": (5, "C", "C-4", 830),
    "SCARF-PLD-GRN": (13, "C", "C-5", 560), "JKT-LTH-BLK-M": (4, "B", "B-05-01", 3150),
    "COAT-WOOL-CML-L": (1, "B", "B-05-02", 7400),
}
INVENTORY_TH = {
    "TSH-OVS-WHT-M": (40, "A", "A-12", 6500), "TSH-OVS-WHT-L": (35, "A", "A-12", 6500),
    "TSH-OVS-BLK-M": (50, "A", "A-13", 6500), "TSH-OVS-BLK-L": (28, "A", "A-13", 6500),
    "TSH-OVS-BLK-XL": (9, "A", "A-14", 6800), "TMB-600-PNK": (1, "B", "B-06-01", 9800),
    "TMB-600-BLU": (14, "B", "B-06-02", 9800), "TMB-600-BLK": (3, "B", "B-06-03", 9800),
    "CASE-IP15-CLR": (80, "C", "C-20", 1500), "CASE-IP15P-CLR": (60, "C", "C-20", 1500),
    "BAG-CVS-BEG": (22, "C", "C-21", 5200), "SCR-6PK": (120, "C", "C-22", 1200),
    "HAT-BKT-BLK": (17, "C", "C-23", 4500),
}
BUNDLES = [
    ("SET-TEE-3PK", "TEE-BLK-M", 1), ("SET-TEE-3PK", "TEE-WHT-M", 1), ("SET-TEE-3PK", "TEE-GRY-M", 1),
    ("SET-TMB-DUO", "TMB-600-PNK", 1), ("SET-TMB-DUO", "TMB-600-BLU", 1),
    ("SET-SCR-GIFT", "SCR-6PK", 2), ("SET-SCR-GIFT", "BAG-CVS-BEG", 1),
]


def demo_inventory(us_lines, th_lines):
    header = ["Seller SKU", "Product Name", "Variation", "On Hand", "Zone", "Bin", "Unit Cost", "Currency"]
    rows = []
    for inv, cat, cur in ((INVENTORY_US, US_CAT, "USD"), (INVENTORY_TH, TH_CAT, "THB")):
        for sku, (on_hand, zone, bin_, cost) in inv.items():
            p = cat[sku]
            rows.append([sku, p.name, p.variation or "", str(on_hand), zone, bin_, money2(cost), cur])
    (DEMO / "inventory.csv").write_bytes(csv_bytes(header, rows))
    (DEMO / "bundles.csv").write_bytes(csv_bytes(["Bundle SKU", "Component SKU", "Quantity"],
                                                 [[b, c, str(q)] for b, c, q in BUNDLES]))
    # Sanity: every ordered SKU is known except the deliberate unknowns; the shortfalls are real.
    known = set(INVENTORY_US) | set(INVENTORY_TH) | {b for b, _, _ in BUNDLES}
    unknown = {x["Seller SKU"] for x in us_lines + th_lines} - known
    assert unknown == {"TEE-ORG-M", "TSH-OVS-GRN-M"}, unknown
    need: dict[str, int] = {}
    for x in us_lines + th_lines:
        if x["Order Status"] == "Cancelled":
            continue
        comps = [(c, q) for b, c, q in BUNDLES if b == x["Seller SKU"]] or [(x["Seller SKU"], 1)]
        for c, q in comps:
            need[c] = need.get(c, 0) + q * x["Quantity"]
    inv = INVENTORY_US | INVENTORY_TH
    short = sorted(s for s, n in need.items() if s in inv and n > inv[s][0])
    assert {"HOOD-NVY-L", "TEE-WHT-M", "COAT-WOOL-CML-L", "TMB-600-PNK", "TMB-600-BLK"} <= set(short), short


# ---------------------------------------------------------------------------------------------------------------------


def main() -> None:
    EXPORTS.mkdir(parents=True, exist_ok=True)
    DEMO.mkdir(parents=True, exist_ok=True)
    Ids.seen = set()
    sample_us_2025()
    sample_us_legacy()
    sample_us_excel_dates()
    sample_th_sea()
    sample_vn("vn_bom.csv", "bom")
    sample_vn("vn_ymd.csv", "ymd")
    sample_id()
    sample_br()
    sample_ambiguous()
    sample_mangled()
    sample_missing_and_bad()
    sample_latin1()
    sample_not_orders()
    sample_hostile()
    sample_mabang()
    sample_dianxiaomi()
    sample_mapped()
    us = demo_us()
    th = demo_sea()
    demo_inventory(us, th)
    sample_mabang_followon()  # after the demo: a new sample never changes the IDs drawn for older ones
    sample_dianxiaomi_followon()
    import market_samples  # the other markets' header sets (tools/market_samples.py): it extends this module's tables

    market_samples.write_all()
    print(f"wrote samples to {EXPORTS.relative_to(ROOT)} and {DEMO.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
