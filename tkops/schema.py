"""The canonical order-line table, defined once.

One row per order line. Every column has a stable key (used in code), a display name (the Seller Center's own
column name, so a seller recognises it on the Orders sheet), a kind (how values are typed), and a scope: whether
the value belongs to the line or repeats on every line of the order (order level: never sum it over lines, use
:func:`orders_of`).

Columns the platform fills are *platform* columns: an import refreshes them. Columns the team fills are *team*
columns: an import never touches them. Any column a team adds to the Orders sheet by hand is a team column too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import pandas as pd


class Kind(str, Enum):
    """How a column's values are typed in the canonical table and written to a workbook."""

    ID = "id"  # text made of digits (order, SKU, package IDs): never a number
    TEXT = "text"  # any text; buyer-controlled text is always written as text, never a formula
    INT = "int"  # whole numbers (quantities)
    MONEY = "money"  # numbers; the currency is kept in the Currency column
    NUMBER = "number"  # other numbers (weights)
    DATETIME = "datetime"  # naive datetimes in the shop's time zone (Settings: Time Zone)


@dataclass(frozen=True)
class Column:
    """One column of a canonical table."""

    key: str
    name: str
    kind: Kind = Kind.TEXT
    order_level: bool = False
    core: bool = True  # core columns are always on the sheet; optional ones only when a row has a value
    buyer_text: bool = False  # written by the buyer: hostile until proven otherwise
    aliases: tuple[str, ...] = ()  # other header names that mean this column in a TikTok export
    width: int = 14


def _c(key, name, kind=Kind.TEXT, **kw) -> Column:
    return Column(key, name, kind, **kw)


K = Kind

#: The hidden Orders column that records which of :data:`EXPORT_PARTS` a line's file had no column for.
EXPORT_LACKS = "tkops Export Lacks"
#: The address parts some destination requires (tkops.review.postal.REQUIRED_PARTS): an import records, on each
#: line, the ones its file had no column for.
EXPORT_PARTS: tuple[str, ...] = ("recipient", "address_line_1", "city", "state", "zipcode")

#: Platform columns of the order-line table, in Seller Center order (US 2025 layout first, then the extra columns
#: of other markets and layouts).
ORDER_COLUMNS: tuple[Column, ...] = (
    _c("order_id", "Order ID", K.ID, order_level=True, width=21),
    _c("order_status", "Order Status", order_level=True, width=18),
    _c("order_substatus", "Order Substatus", width=18),
    _c("cancel_return_type", "Cancelation/Return Type", aliases=("Cancellation/Return Type",)),
    _c("pre_order", "Normal or Pre-order", core=False),
    _c("sku_id", "SKU ID", K.ID, width=21),
    _c("seller_sku", "Seller SKU", width=16),
    _c("product_name", "Product Name", width=32),
    _c("variation", "Variation", width=18),
    _c("quantity", "Quantity", K.INT, width=9),
    _c("return_quantity", "Sku Quantity of return", K.INT, core=False),
    _c("unit_original_price", "SKU Unit Original Price", K.MONEY),
    _c("subtotal_before_discount", "SKU Subtotal Before Discount", K.MONEY),
    _c("sku_platform_discount", "SKU Platform Discount", K.MONEY, core=False),
    _c("sku_seller_discount", "SKU Seller Discount", K.MONEY, core=False),
    _c("subtotal_after_discount", "SKU Subtotal After Discount", K.MONEY),
    _c("shipping_fee_after_discount", "Shipping Fee After Discount", K.MONEY, order_level=True, core=False),
    _c("original_shipping_fee", "Original Shipping Fee", K.MONEY, order_level=True, core=False),
    _c("shipping_fee_seller_discount", "Shipping Fee Seller Discount", K.MONEY, order_level=True, core=False),
    _c("shipping_fee_cofunded_discount", "Co-Funded Shipping Fee Discount", K.MONEY, order_level=True, core=False),
    _c("shipping_fee_platform_discount", "Shipping Fee Platform Discount", K.MONEY, order_level=True, core=False),
    _c("payment_platform_discount", "Payment platform discount", K.MONEY, order_level=True, core=False),
    _c("retail_delivery_fee", "Retail Delivery Fee", K.MONEY, order_level=True, core=False),
    _c("taxes", "Taxes", K.MONEY, order_level=True, core=False),
    _c("small_order_fee", "Small Order Fee", K.MONEY, order_level=True, core=False),
    # Indonesian fee columns (docs/exports.md#indonesia); whether they repeat on every line of an order is not
    # known, so each line keeps its own value (nothing sums them).
    _c("distance_shipping_fee", "Distance Shipping Fee", K.MONEY, core=False),
    _c("distance_fee", "Distance Fee", K.MONEY, core=False),
    _c("buyer_service_fee", "Buyer Service Fee", K.MONEY, core=False),
    _c("handling_fee", "Handling Fee", K.MONEY, core=False),
    _c("shipping_insurance", "Shipping Insurance", K.MONEY, core=False),
    _c("item_insurance", "Item Insurance", K.MONEY, core=False),
    _c("dynamic_commission", "Dynamic Commission", K.MONEY, core=False),
    _c("order_amount", "Order Amount", K.MONEY, order_level=True),
    _c("order_refund_amount", "Order Refund Amount", K.MONEY, order_level=True, core=False),
    _c("currency", "Currency", order_level=True, width=9),
    _c("created_time", "Created Time", K.DATETIME, order_level=True, width=18),
    _c("paid_time", "Paid Time", K.DATETIME, order_level=True, width=18),
    _c("rts_time", "RTS Time", K.DATETIME, width=18),
    _c("shipped_time", "Shipped Time", K.DATETIME, width=18),
    _c("delivered_time", "Delivered Time", K.DATETIME, width=18),
    _c("cancelled_time", "Cancelled Time", K.DATETIME, order_level=True, width=18),
    _c("cancel_by", "Cancel By", order_level=True),
    _c("cancel_reason", "Cancel Reason", order_level=True, width=22),
    # The platform's own deadlines, given only by the Open API; the clocks use them first (docs/sla.md)
    _c("rts_sla_time", "RTS SLA Time", K.DATETIME, order_level=True, core=False, width=18),
    _c("tts_sla_time", "TTS SLA Time", K.DATETIME, order_level=True, core=False, width=18),
    _c("pick_up_cut_off_time", "Pick-up Cut-off Time", K.DATETIME, order_level=True, core=False, width=18),
    _c("shipping_due_time", "Shipping Due Time", K.DATETIME, order_level=True, core=False, width=18),
    _c("collection_due_time", "Collection Due Time", K.DATETIME, order_level=True, core=False, width=18),
    _c("delivery_sla_time", "Delivery SLA Time", K.DATETIME, order_level=True, core=False, width=18),
    _c("delivery_due_time", "Delivery Due Time", K.DATETIME, order_level=True, core=False, width=18),
    _c("cancel_order_sla_time", "Cancel Order SLA Time", K.DATETIME, order_level=True, core=False, width=18),
    _c("request_cancel_time", "Request Cancel Time", K.DATETIME, order_level=True, core=False, width=18),
    _c("fulfillment_type", "Fulfillment Type", core=False),
    _c("warehouse_name", "Warehouse Name", core=False),
    _c("tracking_id", "Tracking ID", K.ID, width=24),
    _c("delivery_option_type", "Delivery Option Type", core=False),
    _c("delivery_option", "Delivery Option", core=False),
    _c("shipping_provider", "Shipping Provider Name", width=18),
    _c("buyer_message", "Buyer Message", order_level=True, buyer_text=True, width=30),
    _c("buyer_username", "Buyer Username", order_level=True, buyer_text=True, width=16),
    _c("recipient", "Recipient", order_level=True, buyer_text=True, width=18),
    _c("phone", "Phone #", order_level=True, buyer_text=True, width=16),
    _c("country", "Country", order_level=True, buyer_text=True),
    # The address columns of every market's layout (docs/exports.md#address-columns): Indonesia names the city
    # "Regency and City", Malaysia "Post Town", the Philippines "Municipality" (with Region above the Province
    # and Barangay below the town), Thailand and Vietnam the town "District" and the level below it "Districts" or
    # "Commune"; the other spellings are ones people and other tools use for the same part.
    _c("region", "Region", order_level=True, buyer_text=True, core=False),
    _c("state", "State", order_level=True, buyer_text=True,
       aliases=("Province", "Prefecture", "County", "State/Province")),
    _c("city", "City", order_level=True, buyer_text=True,
       aliases=("District", "Regency and City", "Post Town", "Municipality", "City/Municipality", "Town/City",
                "Town", "Regency/City")),
    _c("districts", "Districts", order_level=True, buyer_text=True, core=False,
       aliases=("Commune", "Barangay", "Subdistrict", "Sub-district", "Ward", "Neighborhood", "Neighbourhood",
                "Colonia")),
    _c("villages", "Villages", order_level=True, buyer_text=True, core=False, aliases=("Village",)),
    _c("zipcode", "Zipcode", order_level=True, buyer_text=True, width=10,
       aliases=("Postcode", "Post Code", "Postal Code", "Zip Code", "ZIP")),
    _c("address_line_1", "Address Line 1", order_level=True, buyer_text=True, width=30,
       aliases=("Detail Address",)),
    _c("address_line_2", "Address Line 2", order_level=True, buyer_text=True, width=20,
       aliases=("Additional address information",)),
    _c("house_name_or_number", "House Name or Number", order_level=True, buyer_text=True, core=False),
    _c("delivery_instruction", "Delivery Instruction", order_level=True, buyer_text=True, core=False),
    _c("payment_method", "Payment Method", order_level=True, core=False),
    _c("weight_kg", "Weight(kg)", K.NUMBER, core=False, aliases=("Weight (kg)",)),
    _c("product_category", "Product Category", core=False),
    _c("package_id", "Package ID", K.ID, width=21),
    _c("seller_note", "Seller Note", order_level=True, width=20),
    _c("shipping_information", "Shipping Information", core=False),
    _c("combined_listing", "Combined Listing", core=False),
    _c("order_channel", "Order Channel", core=False),
    _c("purchase_channel", "Purchase Channel", core=False),
    _c("tokopedia_invoice", "Tokopedia Invoice Number", order_level=True, core=False),
    _c("creator_handle", "Creator Handle", core=False),
    _c("checked_status", "Checked Status", core=False),
    _c("checked_marked_by", "Checked Marked by", core=False),
    _c("request_tax_invoice", "Request Tax Invoice", order_level=True, core=False),
    _c("tax_buyer_tax_id", "Tax Info - Buyer Tax ID", order_level=True, buyer_text=True, core=False),
    _c("tax_type", "Tax Info - Type", order_level=True, core=False),
    _c("tax_full_name", "Tax Info - Full Name of Buyer", order_level=True, buyer_text=True, core=False),
    _c("tax_email", "Tax Info - Email", order_level=True, buyer_text=True, core=False),
    _c("tax_phone", "Tax Info - Phone Number", order_level=True, buyer_text=True, core=False),
    _c("tax_registered_address", "Tax Info - Registered Address", order_level=True, buyer_text=True, core=False),
    _c("tax_address_type", "Tax Info - Address Type", order_level=True, core=False),
    # Hidden: the address parts the line's export had no column for (:data:`EXPORT_PARTS`), so that the review
    # asks a line only for what its file could have carried (docs/exports.md#what-the-review-asks-for).
    _c("export_lacks", EXPORT_LACKS, order_level=True, core=False),
)

#: Team columns of the Orders sheet: owned by the team, never written by an import. The fulfilment ones are the
#: team's evidence for the SOP clocks: ticks (Yes, x, a date) and the times a step was done.
TEAM_COLUMNS: tuple[Column, ...] = (
    _c("review_status", "Review Status", width=14),
    _c("assignee", "Assignee", width=12),
    _c("team_note", "Team Note", width=24),
    _c("picked", "Picked", width=8),
    _c("picked_at", "Picked At", K.DATETIME, width=18),
    _c("packed", "Packed", width=8),
    _c("qc_ok", "QC OK", width=8),
    _c("packed_by", "Packed By", width=11),
    _c("packed_at", "Packed At", K.DATETIME, width=18),
    _c("pack_override", "Pack Override", width=28),  # why an order was marked packed with a wrong or missing item
)

#: Columns the review writes (an import never does): the problem codes of each line, and two hidden columns:
#: the flags that colour offending cells (conditional formatting reads them) and the status the last review set
#: (so a status a person changed since is never overwritten).
REVIEW_COLUMNS: tuple[Column, ...] = (
    _c("issues", "Issues", width=30),  # the problems as labels in the team's language
    _c("flags", "tkops Flags", width=10),
    _c("reviewed_as", "tkops Reviewed", width=10),
    _c("issue_codes", "Issue Codes", width=22),  # the same problems as codes, for filters
)
HIDDEN_NAMES: tuple[str, ...] = ("tkops Flags", "tkops Reviewed", EXPORT_LACKS)

#: Columns the fulfilment steps write: when the review released the line (the print clock starts there), the pick
#: wave it went out in, the SOP clocks (due times; each due cell is coloured by its state through the flags; Deadline
#: Source: whether the platform clocks' times are the platform's own or computed from the SLA sheet), and
#: what TikTok answered to the tracking upload through the API (tkops.jobs.push).
FULFILMENT_COLUMNS: tuple[Column, ...] = (
    _c("reviewed_at", "Reviewed At", K.DATETIME, width=18),
    _c("wave", "Wave", K.INT, width=6),
    _c("review_due", "Review Due", K.DATETIME, width=18),
    _c("print_due", "Print Due", K.DATETIME, width=18),
    _c("pack_due", "Pack Due", K.DATETIME, width=18),
    _c("dispatch_deadline", "Dispatch Deadline", K.DATETIME, width=18),
    _c("auto_cancel_at", "Auto-cancel At", K.DATETIME, width=18),
    _c("deliver_by", "Deliver By", K.DATETIME, width=18),
    _c("cancel_request_due", "Cancel Request Due", K.DATETIME, width=18),
    _c("next_deadline", "Next Deadline", K.DATETIME, width=18),
    _c("next_clock", "Next Clock", width=14),
    _c("clock_state", "Clock State", width=10),
    _c("deadline_source", "Deadline Source", width=12),
    _c("api_upload", "API Upload", width=28),
)

#: Every column tkops adds to the Orders sheet after the platform's, in sheet order: the review's verdict and the
#: team's columns first, then the fulfilment evidence and clocks, the hidden columns last.
TKOPS_COLUMNS: tuple[Column, ...] = (TEAM_COLUMNS[:1] + REVIEW_COLUMNS[:1] + TEAM_COLUMNS[1:] + REVIEW_COLUMNS[3:]
                                     + FULFILMENT_COLUMNS + REVIEW_COLUMNS[1:3])

#: The columns a team works in all day, in the order a new Orders sheet shows them right after Order ID (before
#: the platform's other columns): reachable without scrolling. An existing sheet keeps its own order.
WORKING_NAMES: tuple[str, ...] = ("Review Status", "Issues", "Assignee", "Team Note", "Picked", "Packed", "QC OK",
                                  "Tracking ID")
#: Platform columns people rarely read while working (money breakdowns, tax details, channel data): grouped on
#: the Orders sheet (Excel's outline, collapsed once when tkops adds it) so the rest sits closer together; one click
#: on the outline's + shows them.
DETAIL_KEYS: tuple[str, ...] = (
    "cancel_return_type", "pre_order", "return_quantity", "unit_original_price", "subtotal_before_discount",
    "sku_platform_discount", "sku_seller_discount", "subtotal_after_discount", "shipping_fee_after_discount",
    "original_shipping_fee", "shipping_fee_seller_discount", "shipping_fee_cofunded_discount",
    "shipping_fee_platform_discount", "payment_platform_discount", "retail_delivery_fee", "taxes", "small_order_fee",
    "order_refund_amount", "rts_time", "shipped_time", "delivered_time", "cancelled_time", "cancel_by",
    "cancel_reason", "fulfillment_type", "warehouse_name", "delivery_option_type", "delivery_option",
    "payment_method", "weight_kg", "product_category", "shipping_information", "combined_listing", "order_channel",
    "creator_handle", "checked_status", "checked_marked_by", "request_tax_invoice", "tax_buyer_tax_id", "tax_type",
    "tax_full_name", "tax_email", "tax_phone", "tax_registered_address", "tax_address_type",
)

#: Values offered in the Review Status drop-down.
REVIEW_STATUSES: tuple[str, ...] = ("New", "Hold", "Ready", "Done")
#: Values offered in the tick columns (any non-blank value other than No counts as done).
TICKS: tuple[str, ...] = ("Yes", "No")
TICK_NAMES: tuple[str, ...] = ("Picked", "Packed", "QC OK")

#: Columns every order source must deliver (a missing one is a clear error naming it).
REQUIRED_KEYS: tuple[str, ...] = ("order_id", "quantity")
#: At least one of these identifies the line's SKU.
SKU_KEYS: tuple[str, ...] = ("sku_id", "seller_sku")
#: Columns whose text must look like an ID; Excel's 5.77E+17 in any of them is refused.
ID_KEYS: tuple[str, ...] = tuple(c.key for c in ORDER_COLUMNS if c.kind is Kind.ID)

BY_KEY: dict[str, Column] = {c.key: c for c in ORDER_COLUMNS + TKOPS_COLUMNS}
BY_NAME: dict[str, Column] = {c.name: c for c in ORDER_COLUMNS + TKOPS_COLUMNS}
PLATFORM_KEYS: tuple[str, ...] = tuple(c.key for c in ORDER_COLUMNS)
TEAM_KEYS: tuple[str, ...] = tuple(c.key for c in TEAM_COLUMNS)
ORDER_LEVEL_KEYS: tuple[str, ...] = tuple(c.key for c in ORDER_COLUMNS if c.order_level)

#: The Mappings sheet's headers: the team's column mappings, read by :mod:`tkops.sources.mapping`.
MAPPING_SHEET_HEADERS = ("Mapping", "Their Column", "tkops Column", "Date Format", "Encoding", "Decimal", "Currency")

#: The stock keys of the Inventory sheet and the header of each: what a stock file can give (the stock readers,
#: :mod:`tkops.sources.stock_formats`) and what the stock core upserts by (:mod:`tkops.stock.upsert`).
STOCK_HEADERS: dict[str, str] = {
    "seller_sku": "Seller SKU", "product_name": "Product Name", "variation": "Variation", "on_hand": "On Hand",
    "zone": "Zone", "bin": "Bin", "unit_cost": "Unit Cost", "currency": "Currency", "barcode": "Barcode",
}


def header_key(header: str) -> str:
    """Fold a header for tolerant matching: case, spaces, tabs, BOM and NBSP do not matter."""
    text = str(header).replace("\ufeff", "").replace("\xa0", " ")
    return " ".join(text.split()).casefold()


#: Folded header (display names and aliases) -> canonical key, for TikTok-style English headers.
HEADER_TO_KEY: dict[str, str] = {}
for _col in ORDER_COLUMNS:
    for _name in (_col.name, *_col.aliases):
        HEADER_TO_KEY.setdefault(header_key(_name), _col.key)


def empty_lines() -> pd.DataFrame:
    """An empty canonical order-line frame with every platform column, typed."""
    return pd.DataFrame({c.key: pd.Series(dtype=dtype_of(c.kind)) for c in ORDER_COLUMNS})


def dtype_of(kind: Kind) -> str:
    """The pandas dtype used for a column kind in the canonical frame."""
    return {
        Kind.ID: "object",
        Kind.TEXT: "object",
        Kind.INT: "Int64",
        Kind.MONEY: "Float64",
        Kind.NUMBER: "Float64",
        Kind.DATETIME: "datetime64[ns]",
    }[kind]


def line_keys(frame: pd.DataFrame) -> pd.Series:
    """The upsert key of each order line: Order ID + SKU (SKU ID, else Seller SKU) + occurrence.

    Two lines of one order with the same SKU stay distinct: the n-th occurrence of a SKU in an order (in row order)
    is its own line.
    """
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="object")
    order = frame["order_id"].fillna("").astype(str)
    sku = frame["sku_id"].fillna("").astype(str) if "sku_id" in frame else pd.Series("", index=frame.index)
    if "seller_sku" in frame:
        sku = sku.where(sku != "", "sku:" + frame["seller_sku"].fillna("").astype(str))
    nth = pd.DataFrame({"o": order, "s": sku}).groupby(["o", "s"], sort=False).cumcount()
    return order + "|" + sku + "|" + nth.astype(str)


def orders_of(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per order with the order-level columns: the table to sum order amounts over.

    Order-level values repeat on every line of an order; summing them over lines would count them twice.
    """
    keys = [k for k in ORDER_LEVEL_KEYS if k in lines.columns]
    return lines[keys].drop_duplicates("order_id", keep="first").reset_index(drop=True)


@dataclass
class Table:
    """A canonical frame plus what the reader learnt while making it (for reports and the ImportLog)."""

    frame: pd.DataFrame
    source: str
    skipped_rows: int = 0  # rows without order data: TikTok's description row, empty rows
    warnings: list = field(default_factory=list)
    ignored: list = field(default_factory=list)  # headers of the file no canonical column took, as written
    lacks: list = field(default_factory=list)  # keys of EXPORT_PARTS the file had no column for
