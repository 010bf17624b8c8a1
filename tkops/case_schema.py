"""The after-sales case table (the AfterSales sheet), defined once.

One row per case line: a return or refund request of one SKU line (a return order of two SKUs is two rows with the
same Case ID), a cancelled order (one row per order), or a row the team typed. Columns use the :class:`Column` and
:class:`Kind` of the order-line table (:mod:`tkops.schema`).

*Platform* columns (:data:`CASE_COLUMNS`) are a function of the platform's data: an import refreshes them. Some of
them are not in any export and are filled by later steps from platform data and the team's mapping sheet
(:data:`DERIVED_KEYS`: the classification of the reason, the buyer's country and language, the platform's due time).
*Team* columns (:data:`CASE_TEAM_COLUMNS`) are never written by an import; the suggestion and reply steps may fill
them where they are empty. Any column a team adds to the sheet by hand is a team column too.
"""

from __future__ import annotations

import pandas as pd

from tkops.schema import Column, Kind, dtype_of, header_key

K = Kind


def _c(key, name, kind=Kind.TEXT, **kw) -> Column:
    return Column(key, name, kind, **kw)


#: Platform columns, in sheet order. Display names follow the Seller Center's Return/Refund export where it has the
#: column (SKU Name, Return Type, Return Status, ...); the export's own header for each is in
#: :data:`tkops.sources.returns_export.EXPORT_HEADERS`.
CASE_COLUMNS: tuple[Column, ...] = (
    _c("case_id", "Case ID", K.ID, width=21),
    _c("order_id", "Order ID", K.ID, width=21),
    _c("sku_id", "SKU ID", K.ID, width=21),
    _c("seller_sku", "Seller SKU", width=16),
    _c("product_name", "Product Name", width=28),
    _c("sku_name", "SKU Name", core=False, width=16),
    _c("buyer_username", "Buyer Username", buyer_text=True, width=16),
    _c("country", "Country", buyer_text=True, width=10),
    _c("buyer_language", "Buyer Language", width=8),
    _c("case_type", "Case Type", width=16),
    _c("reason", "Reason", width=26),  # the platform's reason text, as written (localised)
    _c("reason_key", "Reason Key", width=20),
    _c("cause", "Cause", width=16),
    _c("seller_fault", "Seller Fault", width=8),
    _c("cause_owner", "Cause Owner", width=10),  # who fixes the cause: sourcing, listing, ads, warehouse, carrier
    _c("amount", "Amount", K.MONEY, width=10),  # the refund of the line (see returns_export: Return unit price)
    _c("currency", "Currency", width=8),
    _c("quantity", "Quantity", K.INT, width=8),
    _c("return_type", "Return Type", width=16),  # Return and refund, Refund only; Cancel for cancelled orders
    _c("return_status", "Return Status", width=14),  # kept as the platform writes it
    _c("return_sub_status", "Return Sub Status", core=False, width=16),
    _c("cancel_by", "Cancel By", core=False, width=10),
    _c("order_status", "Order Status", core=False, width=14),
    _c("order_substatus", "Order Substatus", core=False, width=14),
    _c("order_amount", "Order Amount", K.MONEY, core=False, width=10),
    _c("dispute_status", "Dispute Status", core=False, width=14),
    _c("appeal_status", "Appeal Status", core=False, width=14),
    _c("compensation_status", "Compensation Status", core=False, width=14),
    _c("compensation_amount", "Compensation Amount", K.MONEY, core=False, width=10),
    _c("opened", "Opened", K.DATETIME, width=18),
    _c("due", "Due", K.DATETIME, width=18),  # when the platform acts on its own (Opened + the case SLA)
    _c("closed", "Closed", K.DATETIME, width=18),
    _c("return_tracking_id", "Return Tracking ID", K.ID, width=22),
    _c("buyer_note", "Buyer Note", buyer_text=True, width=30),
    _c("source", "Source", width=14),
)

#: Columns the cases step writes on every run from the decision table (the Resolutions sheet): what the SOP
#: suggests, what it would cost, why, and how close the platform's deadline is. Never typed by the team (their
#: decision goes to Resolution Taken).
CASE_SUGGESTION_COLUMNS: tuple[Column, ...] = (
    _c("suggested_resolution", "Suggested Resolution", width=18),
    _c("est_cost", "Est. Cost", K.MONEY, width=9),
    _c("why", "Why", width=30),
    _c("due_state", "Due State", width=10),
)

#: Team columns, in sheet order: never written by an import. Reply Text quotes the buyer's name and order, so it is
#: buyer text as well; the replies step drafts it only where it is blank.
CASE_TEAM_COLUMNS: tuple[Column, ...] = (
    _c("resolution_taken", "Resolution Taken", width=16),
    _c("cost", "Cost", K.MONEY, width=9),
    _c("status", "Status", width=10),
    _c("reply_text", "Reply Text", buyer_text=True, width=40),
    _c("owner", "Owner", width=10),
    _c("team_note", "Team Note", width=24),
    # the stock ledger's (tkops.jobs.stock_ledger): a return back in the warehouse, and whether it can be sold again
    _c("received", "Received", width=9),
    _c("return_condition", "Return Condition", width=12),
)

#: Columns the replies step writes beside Reply Text when it drafts one: what the reply says, for the team, in the
#: team's language, and the language it is written in.
CASE_REPLY_COLUMNS: tuple[Column, ...] = (
    _c("reply_says", "Reply Says", width=36),
    _c("reply_language", "Reply Language", width=8),
)

#: Every column of the AfterSales sheet, in sheet order (the reply's notes right after Reply Text).
_AT = [c.key for c in CASE_TEAM_COLUMNS].index("reply_text") + 1
CASE_SHEET_COLUMNS: tuple[Column, ...] = (CASE_COLUMNS + CASE_SUGGESTION_COLUMNS + CASE_TEAM_COLUMNS[:_AT]
                                          + CASE_REPLY_COLUMNS + CASE_TEAM_COLUMNS[_AT:])

#: Platform columns no export carries: later steps fill them from platform data (the order lines, the reason
#: mapping sheet, the case SLA). A reader leaves them out of its frame, so a re-import never blanks them.
DERIVED_KEYS: tuple[str, ...] = ("country", "buyer_language", "case_type", "reason_key", "cause", "seller_fault",
                                 "cause_owner", "due")

CASE_BY_KEY: dict[str, Column] = {c.key: c for c in CASE_SHEET_COLUMNS}
CASE_BY_NAME: dict[str, Column] = {c.name: c for c in CASE_SHEET_COLUMNS}
CASE_PLATFORM_KEYS: tuple[str, ...] = tuple(c.key for c in CASE_COLUMNS)
CASE_TEAM_KEYS: tuple[str, ...] = tuple(c.key for c in CASE_TEAM_COLUMNS)
CASE_BUYER_TEXT_KEYS: tuple[str, ...] = tuple(c.key for c in CASE_SHEET_COLUMNS if c.buyer_text)
CASE_ID_KEYS: tuple[str, ...] = tuple(c.key for c in CASE_COLUMNS if c.kind is Kind.ID)

#: Folded display name -> key, for reading the AfterSales sheet back by its headers.
CASE_HEADER_TO_KEY: dict[str, str] = {header_key(c.name): c.key for c in CASE_SHEET_COLUMNS}

#: Values of the Source column.
SOURCE_RETURNS = "Return/Refund export"
SOURCE_CANCELLED = "Cancelled order"
SOURCE_TEAM = "Team"

#: Return Type of a cancelled order (the Orders export's Cancelation/Return Type word).
CANCEL_TYPE = "Cancel"
#: Case IDs of cancellations: the prefix and the order ID (cancellations have no case number of their own).
CANCEL_PREFIX = "C-"

#: Values offered in the Status drop-down (the team's progress on the case).
CASE_STATUSES: tuple[str, ...] = ("New", "In Progress", "Waiting for Buyer", "Done")
#: Values offered in the Seller Fault column.
SELLER_FAULT_VALUES: tuple[str, ...] = ("Yes", "No")
#: Values offered in the Received column (read through tkops.cells.yes_no: any yes word counts).
RECEIVED_VALUES: tuple[str, ...] = ("Yes", "No")
#: Values offered in the Return Condition column (the stock ledger also takes the words of
#: tkops.stock.ledger.RESELLABLE, e.g. 可售, and reads anything else as not resellable).
RETURN_CONDITIONS: tuple[str, ...] = ("resellable", "damaged")


def cancellation_case_id(order_ids: pd.Series) -> pd.Series:
    """The Case ID of each cancelled order: ``C-`` and the order ID (text)."""
    return (CANCEL_PREFIX + order_ids.astype(str)).astype(object)


def empty_cases() -> pd.DataFrame:
    """An empty case frame with every platform column, typed."""
    return pd.DataFrame({c.key: pd.Series(dtype=dtype_of(c.kind)) for c in CASE_COLUMNS})


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s case columns in sheet order (platform, then team; other columns dropped), index reset."""
    keys = [c.key for c in CASE_SHEET_COLUMNS if c.key in frame.columns]
    return frame[keys].reset_index(drop=True)


def case_keys(frame: pd.DataFrame) -> pd.Series:
    """The upsert key of each case row: Case ID + SKU (SKU ID, else Seller SKU) + occurrence.

    A return order of several SKUs is one row per SKU with the same Case ID; two rows of one case with the same SKU
    stay distinct by occurrence (in row order). A cancellation is one row per order, so its key is the Case ID alone
    (its SKU cells list the order's SKUs and may change when the order's lines do).
    """
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="object")
    blank = pd.Series("", index=frame.index, dtype=object)
    case = frame["case_id"].fillna("").astype(str)
    sku = frame["sku_id"].fillna("").astype(str) if "sku_id" in frame else blank
    if "seller_sku" in frame:
        sku = sku.where(sku != "", "sku:" + frame["seller_sku"].fillna("").astype(str))
    sku = sku.where(~case.str.startswith(CANCEL_PREFIX), "").replace("sku:", "")
    nth = pd.DataFrame({"c": case, "s": sku}).groupby(["c", "s"], sort=False).cumcount()
    return case + "|" + sku + "|" + nth.astype(str)
