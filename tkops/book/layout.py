"""The sheets of a tkops workbook: names, table names, columns, widths, drop-down lists.

Both backends (file and live) lay sheets out from these specs, so a sheet looks the same whoever wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

import pandas as pd

from tkops import schema
from tkops import case_schema
from tkops.schema import Kind
from tkops.schema import MAPPING_SHEET_HEADERS

#: Where a new workbook's default rows come from: (sheet name, language) -> rows, header first, or None.
DefaultRows = Callable[[str, str], "list[list[Any]] | None"]


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a sheet: header, how its cells are typed, width in characters."""

    header: str
    kind: Kind = Kind.TEXT
    width: int = 14


@dataclass(frozen=True)
class Highlights:
    """Cells coloured by severity through conditional formatting: a cell is coloured when the row's flags column
    holds ``|<letter>:<its header>|`` (E error, W warning, I info). One rule per colour, whatever the data size,
    and a re-run that rewrites the flags clears what is gone without touching fills the team made."""

    flags_header: str
    name: str = "tkops_flags"  # a workbook name pointing at the flags column: follows it when columns move
    #: (letter, meaning, fill). E/W/I are the review's severities; L/S/K the SOP clocks' states (late, due soon,
    #: ok) on the due-time cells. Each step owns its letters and keeps the others' (see :mod:`tkops.flags`).
    colours: tuple[tuple[str, str, str], ...] = (
        ("E", "error", "#FFC7CE"), ("W", "warning", "#FFEB9C"), ("I", "info", "#DDEBF7"),
        ("L", "late", "#FFC7CE"), ("S", "due soon", "#FFEB9C"), ("K", "ok", "#C6EFCE"),
    )

    #: The coloured range: every data row, and columns well past any Orders sheet's last one, so that columns
    #: added later are covered without touching the rules.
    cells: str = "A2:ZZ1048576"

    def formula(self, letter: str, first_cell: str = "A$1") -> str:
        """The rule's formula for the top-left cell of the coloured range (row 2)."""
        return f'ISNUMBER(SEARCH("|{letter}:"&{first_cell}&"|",INDEX({self.name},ROW())))'


@dataclass(frozen=True)
class SheetSpec:
    """One tkops sheet. ``table`` is the Excel table's name; ``lists`` maps headers to drop-down values; ``hidden``
    names columns kept out of sight; ``highlights`` colours cells by severity; ``printed`` sheets get the print
    setup of :mod:`tkops.book.printing` (landscape, fitted to width, header row on every page); ``state`` is the
    sheet's own visibility: "visible" or "hidden" (a tab kept out of sight, e.g. data tkops keeps for itself)."""

    name: str
    table: str
    columns: tuple[ColumnSpec, ...] = ()
    lists: dict = field(default_factory=dict)
    style: str = "Table Style Medium 2"
    hidden: tuple[str, ...] = ()
    highlights: Highlights | None = None
    printed: bool = False
    #: The header of the last column that stays in view when scrolling right (with the header row); "" = the header
    #: row only. Found by header, so it works whatever the sheet's column order.
    freeze: str = ""
    #: Headers of multi-line text columns: wrapped, top-aligned, each row as tall as its text (up to a cap).
    wrap: tuple[str, ...] = ()
    #: Headers of columns grouped in an outline (Excel's +/- above the headers), collapsed when tkops first adds the
    #: outline; the team's choice to expand it is kept afterwards.
    outline: tuple[str, ...] = ()
    state: str = "visible"

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def with_columns(self, columns: list[ColumnSpec]) -> "SheetSpec":
        return replace(self, columns=tuple(columns))

    def with_extra(self, headers: list[str]) -> "SheetSpec":
        """This sheet with the other ``headers`` a team added kept after its own columns (as text)."""
        mine = set(self.headers)
        return self.with_columns(list(self.columns) + [ColumnSpec(h) for h in headers if h not in mine])


def _cols(*items) -> tuple[ColumnSpec, ...]:
    return tuple(ColumnSpec(*item) if isinstance(item, tuple) else ColumnSpec(item) for item in items)


ORDERS = SheetSpec("Orders", "Orders", lists={"Review Status": list(schema.REVIEW_STATUSES),
                                              **{name: list(schema.TICKS) for name in schema.TICK_NAMES}},
                   hidden=schema.HIDDEN_NAMES, highlights=Highlights("tkops Flags"), freeze="Order ID",
                   wrap=("Buyer Message", "Issues"), outline=tuple(schema.BY_KEY[k].name for k in schema.DETAIL_KEYS))

IMPORT_LOG = SheetSpec("ImportLog", "ImportLog", _cols(
    ("Imported At", Kind.DATETIME, 19), ("File", Kind.TEXT, 34), ("SHA-256", Kind.TEXT, 20),
    ("Source", Kind.TEXT, 16), ("Sheet", Kind.TEXT, 14), ("Encoding", Kind.TEXT, 10),
    ("Rows Read", Kind.INT, 10), ("Skipped Rows", Kind.INT, 12), ("New", Kind.INT, 8), ("Updated", Kind.INT, 9),
    ("Unchanged", Kind.INT, 10), ("Pulled Until", Kind.DATETIME, 19), ("Ignored Headers", Kind.TEXT, 40),
), style="Table Style Light 9")

SETTINGS = SheetSpec("Settings", "Settings", _cols(
    ("Setting", Kind.TEXT, 16), ("Value", Kind.TEXT, 22), ("Description", Kind.TEXT, 70), ("说明", Kind.TEXT, 50),
), style="Table Style Light 9", freeze="Setting", wrap=("Value", "Description", "说明"))

INVENTORY = SheetSpec("Inventory", "Inventory", _cols(
    ("Seller SKU", Kind.TEXT, 18), ("Product Name", Kind.TEXT, 32), ("Variation", Kind.TEXT, 16),
    ("On Hand", Kind.INT, 9), ("Zone", Kind.TEXT, 7), ("Bin", Kind.TEXT, 10), ("Unit Cost", Kind.MONEY, 10),
    ("Currency", Kind.TEXT, 9), ("Barcode", Kind.ID, 16), ("Supplier", Kind.TEXT, 16),
    ("Lead Time Days", Kind.INT, 9), ("Cover Days", Kind.INT, 9), ("On Order", Kind.INT, 9),
    ("Safety Stock", Kind.INT, 9),
))
# Filled by hand or by tkops stock (tkops.jobs.stock) from the team's stock files; Barcode holds GTIN/UPC/EAN codes
# with a valid check digit (as text: leading zeros count). Supplier to Safety Stock are the team's
# (tkops.stock.reorder): a blank Lead Time Days or Cover Days falls back to the supplier's row on Suppliers, then to
# Settings.

BUNDLES = SheetSpec("Bundles", "Bundles", _cols(
    ("Bundle SKU", Kind.TEXT, 18), ("Component SKU", Kind.TEXT, 18), ("Quantity", Kind.INT, 9),
))

#: Each supplier's usual Lead Time Days and Cover Days (tkops.stock.reorder): a SKU's own cells on Inventory win.
SUPPLIERS = SheetSpec("Suppliers", "Suppliers", _cols(
    ("Supplier", Kind.TEXT, 20), ("Lead Time Days", Kind.INT, 9), ("Cover Days", Kind.INT, 9),
), style="Table Style Light 9")

#: What to reorder (tkops reorder, tkops.jobs.reorder): one row per stock SKU, rewritten whole on every run. The
#: hidden flags column colours the cells of SKUs below their reorder point (letter R).
REORDER_FLAGS = "tkops Flags"
REORDER = SheetSpec("Reorder", "Reorder", _cols(
    ("Seller SKU", Kind.TEXT, 18), ("Product Name", Kind.TEXT, 30), ("Supplier", Kind.TEXT, 16),
    ("On Hand", Kind.INT, 9), ("On Order", Kind.INT, 9), ("Sold 7d", Kind.INT, 8), ("Sold 30d", Kind.INT, 8),
    ("Velocity/day", Kind.NUMBER, 12), ("Days of Cover", Kind.NUMBER, 13), ("Lead Time Days", Kind.INT, 15),
    ("Cover Days", Kind.INT, 11), ("Suggested Qty", Kind.INT, 14), ("Status", Kind.TEXT, 10),
    (REORDER_FLAGS, Kind.TEXT, 10),
), hidden=(REORDER_FLAGS,), printed=True, freeze="Seller SKU",
    highlights=Highlights(REORDER_FLAGS, name="tkops_reorder_flags", colours=(("R", "reorder", "#FFC7CE"),)))

MAPPINGS = SheetSpec("Mappings", "Mappings", _cols(
    *((h, Kind.TEXT, 18) for h in MAPPING_SHEET_HEADERS)
), style="Table Style Light 9")

REVIEW = SheetSpec("Review", "Review", _cols(
    ("Order ID", Kind.ID, 21), ("SKU ID", Kind.ID, 21), ("Column", Kind.TEXT, 16), ("Problem", Kind.TEXT, 24),
    ("Code", Kind.TEXT, 22), ("Severity", Kind.TEXT, 9), ("Explanation", Kind.TEXT, 52),
    ("Buyer Language", Kind.TEXT, 9), ("Message to Buyer", Kind.TEXT, 70), ("Combine", Kind.TEXT, 9),
    ("tkops Language", Kind.TEXT, 6),
), lists={"Buyer Language": ["en", "es", "de", "fr", "it", "pt", "id", "ms", "th", "vi", "ja", "zh"],
          "Combine": ["Yes", "No"]},
    hidden=("tkops Language",), freeze="Order ID", wrap=("Explanation", "Message to Buyer"))
# Problem is the code's label in the team's language (Code keeps the code for filters). Combine is the team's: a Yes
# on an order.combinable row packs that buyer's orders into one parcel with one packing slip (tkops.jobs.slips).

RULES = SheetSpec("Rules", "Rules", _cols(
    ("Rule", Kind.TEXT, 26), ("Enabled", Kind.TEXT, 9), ("Severity", Kind.TEXT, 9), ("Setting", Kind.TEXT, 22),
    ("Value", Kind.TEXT, 18), ("Description", Kind.TEXT, 70), ("说明", Kind.TEXT, 44),
), lists={"Enabled": ["Yes", "No"], "Severity": ["error", "warning", "info"]}, style="Table Style Light 9",
    freeze="Rule", wrap=("Description", "说明"))

KEYWORDS = SheetSpec("Keywords", "Keywords", _cols(
    ("Category", Kind.TEXT, 18), ("Language", Kind.TEXT, 10), ("Keyword", Kind.TEXT, 30),
), style="Table Style Light 9")

# Fulfilment sheets. PickList is written by the pick-list step and printed; SLA and Holidays hold the clocks'
# numbers (tkops.clocks.sla); Carriers maps Shipping Provider Names to couriers (tkops.shipping.carriers); ShipLog
# records every line exported for upload; Unscanned lists uploaded tracking no carrier has scanned yet.
PICKLIST = SheetSpec("PickList", "PickList", _cols(
    ("Wave", Kind.INT, 6), ("Zone", Kind.TEXT, 7), ("Bin", Kind.TEXT, 10), ("Seller SKU", Kind.TEXT, 18),
    ("Product Name", Kind.TEXT, 28), ("Variation", Kind.TEXT, 14), ("Quantity", Kind.INT, 9),
    ("Check", Kind.TEXT, 7), ("Orders", Kind.INT, 8), ("Flag", Kind.TEXT, 18), ("Order IDs", Kind.TEXT, 42),
), style="Table Style Light 1", printed=True, wrap=("Product Name", "Order IDs"))
# Widths add up to about 160 characters: printed landscape and fitted to width, text stays near 9 pt. The Order IDs
# cell wraps: two IDs a line, every ID of the row inside the printed page (the row grows instead).

SLA = SheetSpec("SLA", "SLA", _cols(
    ("Market", Kind.TEXT, 8), ("Setting", Kind.TEXT, 22), ("Value", Kind.TEXT, 14), ("Description", Kind.TEXT, 70),
    ("说明", Kind.TEXT, 44),
), style="Table Style Light 9")

HOLIDAYS = SheetSpec("Holidays", "Holidays", _cols(
    ("Market", Kind.TEXT, 8), ("Date", Kind.TEXT, 12), ("Name", Kind.TEXT, 30), ("Day Off", Kind.TEXT, 9),
), lists={"Day Off": ["Yes", "No"]}, style="Table Style Light 9")

CARRIERS = SheetSpec("Carriers", "Carriers", _cols(("Provider Name", Kind.TEXT, 24), ("Courier", Kind.TEXT, 24),
                                                  ("Markets", Kind.TEXT, 30)),
                     style="Table Style Light 9")

SHIPLOG = SheetSpec("ShipLog", "ShipLog", _cols(
    ("Order ID", Kind.ID, 21), ("SKU ID", Kind.ID, 21), ("Tracking ID", Kind.ID, 24),
    ("Shipping Provider Name", Kind.TEXT, 20), ("Exported At", Kind.DATETIME, 19), ("File", Kind.TEXT, 34),
), style="Table Style Light 9")

# The pack station (tkops.jobs.pack): the Pack sheet is the packer's screen (scan cell, the order's items and counts,
# the verdict in words and colour), rewritten on every scan; PackLog records every scan.
PACK = SheetSpec("Pack", "Pack")
PACKLOG = SheetSpec("PackLog", "PackLog", _cols(
    ("Scanned At", Kind.DATETIME, 19), ("Packer", Kind.TEXT, 12), ("Order ID", Kind.ID, 21),
    ("Scanned", Kind.TEXT, 22), ("Seller SKU", Kind.TEXT, 18), ("Verdict", Kind.TEXT, 16),
    ("Message", Kind.TEXT, 60), ("Reason", Kind.TEXT, 30),
), style="Table Style Light 9", wrap=("Message",))

# tkops push-stock (tkops.jobs.push_stock): one row per Seller SKU and TikTok SKU, rewritten by each run (not a dry
# run): how Available was counted, where it went and TikTok's answer. Kept apart from Inventory, whose rows are bins.
STOCKPUSH = SheetSpec("StockPush", "StockPush", _cols(
    ("Seller SKU", Kind.TEXT, 18), ("On Hand", Kind.INT, 9), ("Allocated", Kind.INT, 10),
    ("Safety Stock", Kind.INT, 12), ("Available", Kind.INT, 10), ("Product ID", Kind.ID, 21), ("SKU ID", Kind.ID, 21),
    ("Warehouse ID", Kind.ID, 21), ("TikTok Had", Kind.INT, 11), ("Pushed Qty", Kind.INT, 11),
    ("Pushed At", Kind.DATETIME, 19), ("Push Result", Kind.TEXT, 60),
), style="Table Style Light 9", freeze="Seller SKU", wrap=("Push Result",))

# The stock ledger (tkops.jobs.stock_ledger): every movement of stock is a row (the headers are the core's,
# tkops.stock.ledger.COLUMNS; a test keeps them equal). The team may type adjust rows (with a Reason) and counts.
STOCK_KINDS = ("count", "ship", "unship", "return", "adjust")
STOCKLOG = SheetSpec("StockLog", "StockLog", _cols(
    ("Movement ID", Kind.TEXT, 30), ("At", Kind.DATETIME, 19), ("Seller SKU", Kind.TEXT, 18), ("Kind", Kind.TEXT, 9),
    ("Quantity", Kind.INT, 9), ("Reference", Kind.TEXT, 26), ("Reason", Kind.TEXT, 30), ("Condition", Kind.TEXT, 12),
), lists={"Kind": list(STOCK_KINDS)}, style="Table Style Light 9", freeze="Movement ID")

UNSCANNED = SheetSpec("Unscanned", "Unscanned", _cols(
    ("Order ID", Kind.ID, 21), ("Tracking ID", Kind.ID, 24), ("Shipping Provider Name", Kind.TEXT, 20),
    ("Exported At", Kind.DATETIME, 19), ("Hours Waiting", Kind.NUMBER, 9), ("Order Status", Kind.TEXT, 18),
    ("Market", Kind.TEXT, 8),
), style="Table Style Light 9")

# After-sales. AfterSales is the case log (tkops.case_schema; its Due cells coloured through its own flags).
#: Code columns of the AfterSales sheet and the column beside each that says the code in the team's language (the
#: code stays, for filters, formulas and the sheets that map reasons to codes).
CASE_LABEL_COLUMNS: dict[str, str] = {"Case Type": "Case Type Label", "Cause": "Cause Label",
                                      "Cause Owner": "Cause Owner Label",
                                      "Suggested Resolution": "Suggested Resolution Label",
                                      "Due State": "Due State Label"}


def _case_columns() -> tuple[ColumnSpec, ...]:
    out = []
    for c in case_schema.CASE_SHEET_COLUMNS:
        out.append(ColumnSpec(c.name, c.kind, c.width))
        if c.name in CASE_LABEL_COLUMNS:
            out.append(ColumnSpec(CASE_LABEL_COLUMNS[c.name], Kind.TEXT, max(c.width, 16)))
    return tuple(out) + (ColumnSpec("tkops Flags", Kind.TEXT, 10),)


AFTERSALES = SheetSpec("AfterSales", "AfterSales", _case_columns(),
                       lists={"Status": list(case_schema.CASE_STATUSES),
                              "Seller Fault": list(case_schema.SELLER_FAULT_VALUES),
                              "Received": list(case_schema.RECEIVED_VALUES),
                              "Return Condition": list(case_schema.RETURN_CONDITIONS)},
                       hidden=("tkops Flags",), highlights=Highlights("tkops Flags", name="tkops_case_flags"),
                       freeze="Case ID", wrap=("Reply Text", "Reply Says", "Why", "Buyer Note"))

# The team's after-sales tables (tkops.aftersales.reasons and .classify own their meaning; a test keeps the headers
# equal): the reason -> case type / cause mapping, and the keywords that classify free text.
REASONS = SheetSpec("Reasons", "Reasons", _cols(
    ("Kind", Kind.TEXT, 12), ("Market", Kind.TEXT, 8), ("Reason Text", Kind.TEXT, 40), ("Reason Key", Kind.TEXT, 40),
    ("Case Type", Kind.TEXT, 16), ("Cause", Kind.TEXT, 18), ("Seller Fault", Kind.TEXT, 8), ("Owner", Kind.TEXT, 10),
    ("Note", Kind.TEXT, 30),
), style="Table Style Light 9")

CASE_KEYWORDS = SheetSpec("CaseKeywords", "CaseKeywords", _cols(
    ("Case Type", Kind.TEXT, 18), ("Language", Kind.TEXT, 10), ("Keyword", Kind.TEXT, 30),
), style="Table Style Light 9")

RESOLUTIONS = SheetSpec("Resolutions", "Resolutions", _cols(
    ("Case Type", Kind.TEXT, 30), ("Condition", Kind.TEXT, 30), ("Suggest", Kind.TEXT, 26),
    ("Alternative", Kind.TEXT, 22), ("Note", Kind.TEXT, 60), ("说明", Kind.TEXT, 40),
), style="Table Style Light 9", wrap=("Note", "说明"))

# Negative reviews the team pastes (the first six columns) and the drafts tkops writes beside them
# (tkops.aftersales.reviews); the follow-up list of stalled shipments and its days per market (.followup).
REVIEWS = SheetSpec("Reviews", "Reviews", _cols(
    ("Order ID", Kind.ID, 21), ("Rating", Kind.TEXT, 7), ("Review Text", Kind.TEXT, 40),
    ("Buyer Username", Kind.TEXT, 16), ("Country", Kind.TEXT, 10), ("Language", Kind.TEXT, 8),
    ("Case Type", Kind.TEXT, 14), ("Cause", Kind.TEXT, 16), ("Owner", Kind.TEXT, 10), ("Keyword", Kind.TEXT, 14),
    ("Reply Language", Kind.TEXT, 8), ("Public Reply", Kind.TEXT, 50), ("Private Message", Kind.TEXT, 50),
    ("Team Line", Kind.TEXT, 36),
), freeze="Order ID", wrap=("Review Text", "Public Reply", "Private Message", "Team Line"))

FOLLOWUP = SheetSpec("FollowUp", "FollowUp", _cols(
    ("Order ID", Kind.ID, 21), ("Tracking ID", Kind.ID, 24), ("Provider", Kind.TEXT, 14),
    ("Shipped", Kind.DATETIME, 18), ("Days in Transit", Kind.INT, 8), ("Market", Kind.TEXT, 7),
    ("Buyer Language", Kind.TEXT, 8), ("Message", Kind.TEXT, 60), ("Team Line", Kind.TEXT, 36),
), freeze="Order ID", wrap=("Message", "Team Line"))

FOLLOWUP_DAYS = SheetSpec("FollowUpDays", "FollowUpDays", _cols(
    ("Market", Kind.TEXT, 8), ("Days", Kind.INT, 7), ("Note", Kind.TEXT, 50),
), style="Table Style Light 9")

#: What to do about each cause, and who owns it (tkops.aftersales.actions): the summary's action list.
CAUSE_ACTIONS = SheetSpec("CauseActions", "CauseActions", _cols(
    ("Cause", Kind.TEXT, 20), ("Action", Kind.TEXT, 70), ("行动", Kind.TEXT, 44), ("Owners", Kind.TEXT, 18),
), style="Table Style Light 9", wrap=("Action", "行动"))

#: The after-sales pivots (tkops summary): a report sheet tkops rewrites whole (no table).
AFTERSALES_SUMMARY = SheetSpec("AfterSalesSummary", "AfterSalesSummary")
#: Where that sheet keeps the data of its two charts, at fixed cells so that the charts built into tkops.xlsm (which
#: Excel keeps when a button rewrites the sheet) always find it: cases by cause in N1:O13, cases per month in
#: Q1:R13 (a header row, then up to 12 rows). 0-based columns.
SUMMARY_CAUSE_COL, SUMMARY_MONTH_COL, SUMMARY_CHART_ROWS = 13, 16, 12

#: What tkops last imported into the platform cells of each Orders line (the three-way merge's base, see
#: tkops.merge): one row per line, keyed by Line Key (Order ID|SKU|occurrence), the values as one JSON object in
#: Values (tkops.jobs.orders_merge). Hidden: it is tkops' record, saved with the book in the same file (see README,
#: "Importing orders").
BASE_KEY = "Line Key"
BASE = SheetSpec("tkops Base", "tkopsBase", _cols((BASE_KEY, Kind.TEXT, 30), ("Values", Kind.TEXT, 60)),
                 style="Table Style Light 1", state="hidden")

#: Every cell the team and the platform both changed (or that differed before tkops kept a base), with both values;
#: an import appends, the team may delete rows it has dealt with.
CONFLICTS = SheetSpec("Conflicts", "Conflicts", _cols(
    ("Recorded At", Kind.DATETIME, 19), ("File", Kind.TEXT, 26), ("Order ID", Kind.ID, 21), ("SKU ID", Kind.ID, 21),
    ("Seller SKU", Kind.TEXT, 16), ("Orders Row", Kind.INT, 8), ("Column", Kind.TEXT, 20),
    ("Team Value", Kind.TEXT, 26), ("Platform Value", Kind.TEXT, 26), ("Last Imported", Kind.TEXT, 26),
    ("Kept", Kind.TEXT, 9), ("Why", Kind.TEXT, 60),
), style="Table Style Light 10")


#: Sheets every new tkops workbook gets, in tab order.
STANDARD_SHEETS: tuple[SheetSpec, ...] = (ORDERS, REVIEW, PICKLIST, PACK, AFTERSALES, REVIEWS, FOLLOWUP,
                                          AFTERSALES_SUMMARY, REORDER, INVENTORY, BUNDLES, SUPPLIERS, RULES,
                                          KEYWORDS, SLA, HOLIDAYS, CARRIERS, REASONS, CASE_KEYWORDS, RESOLUTIONS,
                                          CAUSE_ACTIONS, FOLLOWUP_DAYS, SHIPLOG, PACKLOG, STOCKLOG, UNSCANNED,
                                          IMPORT_LOG,
                                          CONFLICTS, SETTINGS, MAPPINGS, BASE)


def starting_frame(spec: SheetSpec, language: str = "en", defaults: DefaultRows | None = None) -> pd.DataFrame:
    """What a sheet holds in a new workbook: the rows ``defaults(sheet name, language)`` gives (header first; the
    default settings and rules, :func:`tkops.jobs.new_book.default_rows`), headers only where it gives none."""
    if spec.name == ORDERS.name and not spec.columns:
        spec = ORDERS.with_columns(orders_columns([], set()))
    rows = defaults(spec.name, language) if defaults is not None else None
    if not rows:
        return pd.DataFrame(columns=spec.headers)
    return pd.DataFrame(rows[1:], columns=rows[0]).reindex(columns=spec.headers)


def orders_columns(existing_headers: list[str], present_keys: set[str]) -> list[ColumnSpec]:
    """The Orders sheet's columns. A new sheet: core platform columns, optional ones that hold a value somewhere
    (``present_keys``), then the team columns. An existing sheet: its own columns in its own order, then any
    platform or team column it lacks."""
    tkops_columns = schema.TKOPS_COLUMNS
    known = {c.key: c for c in schema.ORDER_COLUMNS + tkops_columns}
    by_header = {c.name: c for c in known.values()}

    def spec(header: str) -> ColumnSpec:
        column = by_header.get(header)
        return ColumnSpec(header, column.kind, column.width) if column else ColumnSpec(header, Kind.TEXT, 14)

    if not existing_headers:
        wanted = [c for c in schema.ORDER_COLUMNS if c.core or c.key in present_keys] + list(tkops_columns)
        front = [by_header[h] for h in schema.WORKING_NAMES if any(c.name == h for c in wanted)]
        ordered = wanted[:1] + front + [c for c in wanted[1:] if c.name not in schema.WORKING_NAMES]
        return [ColumnSpec(c.name, c.kind, c.width) for c in ordered]
    # An existing sheet keeps its own column order; new columns go to the right of it (moving a team's columns
    # would break their formulas and formatting).
    headers = list(existing_headers)
    have = set(headers)
    headers += [c.name for c in schema.ORDER_COLUMNS if c.name not in have and (c.core or c.key in present_keys)]
    headers += [c.name for c in tkops_columns if c.name not in have]
    return [spec(h) for h in headers]
