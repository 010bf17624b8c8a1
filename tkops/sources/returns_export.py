"""The Seller Center Return/Refund export (CSV or XLSX) as after-sales cases, and cancelled orders as cases.

Facts (docs/seller-center-files.md#returns-export): headers differ between shops (19 or 25 columns seen), so columns are found by name, folded like
:func:`tkops.schema.header_key`; columns tkops does not know are ignored. Dates are shop-local in the market's day
order (``dd/MM/yyyy HH:mm:ss`` in BR); money may carry a currency mark and a decimal comma (``R$ 62,90`` beside
``234.9``). "Return unit price" is, in practice, the refund of the whole line (it never exceeded the order amount
even with a quantity of 2), so it is read as the case's Amount without multiplying by the quantity. Statuses are
kept as written, except the order statuses, which get the Orders sheet's canonical words.

One known export writes every cell in its own ``<row r="1">`` element. openpyxl's read-only mode then sees one row;
calamine, which the order reader uses too, places cells by their own references (``A2``, ``B2``) and reads the file
correctly (tests/aftersales/test_returns_export.py shows both), so this reader needs no special path for it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tkops import values as V
from tkops import case_schema as C
from tkops.errors import DataError, MissingColumn, TkopsError
from tkops.messages import render
from tkops.schema import Kind, Table, header_key
from tkops.settings import Settings
from tkops.sources import tiktok_export
from tkops.markets import market
from tkops.sources.normalize import MAX_WARNINGS_PER_KIND, pick_columns
from tkops.sources.raw import RawTable
from tkops.sources.tables import candidates
from tkops.sources.rows import TIKTOK_ORDER_ID, sort_rows
from tkops.statuses import canonical_statuses

SOURCE = "tiktok_returns"

#: The export's headers (as TikTok writes them) -> case keys. Other headers (Payment Method, anything new) are ignored.
EXPORT_HEADERS: dict[str, str] = {
    "Return Order ID": "case_id", "Order ID": "order_id", "Order Amount": "order_amount",
    "Order Status": "order_status", "Order Substatus": "order_substatus", "SKU ID": "sku_id",
    "Seller SKU": "seller_sku", "Product Name": "product_name", "SKU Name": "sku_name", "Return unit price": "amount",
    "Return Quantity": "quantity", "Return Reason": "reason", "Return Type": "return_type",
    "Return Status": "return_status", "Return Sub Status": "return_sub_status", "Time Requested": "opened",
    "Refund Time": "closed", "Buyer Username": "buyer_username", "Buyer Note": "buyer_note",
    "Return Logistics Tracking ID": "return_tracking_id", "Dispute Status": "dispute_status",
    "Appeal Status": "appeal_status", "Compensation Status": "compensation_status",
    "Compensation Amount": "compensation_amount",
}
HEADER_MAP: dict[str, str] = {header_key(h): k for h, k in EXPORT_HEADERS.items()}
EXPORT_NAME: dict[str, str] = {k: h for h, k in EXPORT_HEADERS.items()}
REQUIRED_KEYS: tuple[str, ...] = ("case_id", "order_id")
_RETURN_ID = header_key("Return Order ID")
_MONEY_FIRST = ("amount", "order_amount", "compensation_amount")  # which cell's currency mark names the case's


def read_returns(path: str | Path, settings: Settings) -> Table:
    """Read one Return/Refund export into case rows (canonical case keys, one row per return line).

    The frame has the platform columns the file has, plus ``source`` and ``currency``; ``frame.attrs["rows"]`` holds
    each row's spreadsheet row number. Empty rows and the description row are skipped and counted; every other row is
    a case line. Raises a :class:`~tkops.errors.DataError` naming the file (and the row and column where one applies)
    for a file that is not what its name says or is damaged, a missing required column, an order export given
    instead, IDs damaged by Excel, a malformed or missing Order ID or Return Order ID, bad or out-of-range numbers
    and dates, or text that is not UTF-8 (nor the Encoding setting).
    """
    path = Path(path)
    if not path.is_file():
        raise DataError("file_not_found", file=str(path))
    raw = _load(path, settings)
    frame, written = pick_columns(raw, HEADER_MAP)
    _require(frame, raw)
    return _normalise(frame, raw, written, settings)


def is_returns_export(path: str | Path, settings: Settings) -> bool:
    """Whether the file's first table (its first sheet, or its text) has the "Return Order ID" header: how a folder
    holding both kinds of export tells a Return/Refund export from an order export. False for a file that cannot be
    read (its reader says why when it is given one)."""
    try:
        for candidate in candidates(Path(path), settings):
            return _RETURN_ID in {header_key(h) for h in candidate.first_row()}
    except (TkopsError, OSError):
        return False
    return False


def _load(path: Path, settings: Settings) -> RawTable:
    """The raw cells: the first sheet whose header row has "Return Order ID" (else the first sheet), or the CSV
    (UTF-8 or the Encoding setting: no fallback encodings)."""
    first = None
    for candidate in candidates(path, settings):
        if candidate.is_text or _RETURN_ID in {header_key(h) for h in candidate.first_row()}:
            return candidate.table()
        if first is None:
            first = candidate
    if first is None:
        raise DataError("not_a_spreadsheet", file=path.name, kind="XLSX", detail="no sheets")
    return first.table()


def _shown(raw: RawTable, limit: int = 12) -> str:
    headers = [h.strip() for h in raw.headers if h and h.strip()]
    more = f", ... (+{len(headers) - limit})" if len(headers) > limit else ""
    return (", ".join(headers[:limit]) or "(none)") + more


def _require(frame: pd.DataFrame, raw: RawTable) -> None:
    for key in REQUIRED_KEYS:
        if key in frame.columns:
            continue
        if key == "case_id" and tiktok_export.SOURCE.identify(raw.headers):
            raise DataError("returns.orders_file", file=raw.name, headers=_shown(raw))
        raise MissingColumn("returns.missing_column", file=raw.name, column=EXPORT_NAME[key], headers=_shown(raw))


def _normalise(frame: pd.DataFrame, raw: RawTable, written: dict[str, str], settings: Settings) -> Table:
    rows = raw.rows.loc[frame.index]

    def where(key: str, at: pd.Series) -> V.Where:
        return V.Where(raw.name, written.get(key, EXPORT_NAME[key]), at)

    # IDs are checked before rows are classified: a damaged ID must be refused, not skipped as "not an ID"; every
    # row is a case line except the description row and empty rows (tkops.sources.rows).
    order_id = V.ids(frame["order_id"], where("order_id", rows))
    case_id = V.ids(frame["case_id"], where("case_id", rows))
    sorted_rows = sort_rows(frame, order_id, where("order_id", rows), written, TIKTOK_ORDER_ID,
                            "rule.tiktok_order_id", follow_on_rows=False)
    keep = sorted_rows.keep
    no_case = keep & case_id.isna()
    if no_case.any():
        first = no_case[no_case].index[0]
        raise DataError("input.order_id_missing", file=raw.name, row=int(rows[first]),
                        column=written.get("case_id", EXPORT_NAME["case_id"]),
                        line=f"{written.get('order_id', 'Order ID')} \"{order_id[first]}\"")
    skipped = sorted_rows.skipped
    frame, rows = frame.loc[keep], rows.loc[keep]
    out = pd.DataFrame({"case_id": case_id[keep], "order_id": order_id[keep]}, index=frame.index)

    date_keys = [k for k in frame.columns if C.CASE_BY_KEY[k].kind is Kind.DATETIME]
    date_format = _date_format(frame, rows, date_keys, where, settings) if date_keys else None
    marks: dict[str, pd.Series] = {}
    warnings: list[str] = []
    market_decimal = market(settings.market).decimal if market(settings.market) else ""
    for key in frame.columns.drop(["case_id", "order_id"]):
        kind, cells, at = C.CASE_BY_KEY[key].kind, frame[key], where(key, rows)
        if kind is Kind.ID:
            out[key] = V.ids(cells, at)
        elif kind is Kind.INT:
            out[key] = V.integers(cells, at)
        elif kind is Kind.MONEY:
            out[key], marks[key] = V.money(cells, at, settings.effective_decimal(), settings.effective_currency(),
                                           market_decimal)
        elif kind is Kind.DATETIME:
            out[key] = V.datetimes(cells, at, date_format)
        else:
            out[key] = _text(cells, at, settings, warnings)
    for key in ("order_status", "order_substatus"):
        if key in out:
            out[key] = canonical_statuses(out[key])
    if "quantity" in out:  # a return of 0 units, or more than an order line may hold, is a damaged cell
        _refuse_quantities(out["quantity"], where("quantity", rows), settings.max_quantity())

    currency = pd.Series("", index=out.index, dtype=object)
    for key in _MONEY_FIRST:
        if key in marks:
            currency = currency.where(currency != "", marks[key])
    out["currency"] = currency.where(currency != "", settings.effective_currency()).replace("", None).astype(object)
    out["source"] = pd.Series(C.SOURCE_RETURNS, index=out.index, dtype=object)
    result = C.ordered(out)
    result.attrs["rows"] = rows.reset_index(drop=True)
    return Table(result, SOURCE, skipped_rows=skipped, warnings=warnings)


def _refuse_quantities(quantity: pd.Series, at: V.Where, limit: int) -> None:
    wrong = ((quantity < 0) | (quantity > limit)).fillna(False).astype(bool)  # 0: refund without a return
    if wrong.any():
        first = wrong[wrong].index[0]
        raise DataError("input.quantity", file=at.file, row=int(at.rows[first]), column=at.column,
                        value=int(quantity[first]), limit=limit)


def _date_format(frame, rows, date_keys, where, settings: Settings) -> str | None:
    """The one format that reads every text date of the file (all date columns together), in the market's order."""
    texts = pd.concat([V.clean_text(frame[k]).where(V._is_str(frame[k])) for k in date_keys], ignore_index=True)
    at = pd.concat([rows] * len(date_keys), ignore_index=True)
    return V.choose_date_format(texts, where(date_keys[0], at), settings.effective_date_order())


def _text(cells: pd.Series, at: V.Where, settings: Settings, warnings: list[str]) -> pd.Series:
    """Text cells stripped; text longer than an Excel cell holds is cut, with a warning naming the row."""
    text = V.clean_text(cells)
    too_long = V.truncate_long(text)
    if too_long.any():
        text = text.where(~too_long, text.str.slice(0, V.EXCEL_MAX_CHARS))
        for idx in too_long[too_long].index[:MAX_WARNINGS_PER_KIND]:
            warnings.append(render("text_truncated", settings.lang, file=at.file, row=int(at.rows[idx]),
                                   column=at.column))
    return text


def cancellation_cases(order_lines: pd.DataFrame, include_unpaid: bool = False) -> pd.DataFrame:
    """One case per cancelled order of a canonical order-line frame (Order Status "Cancelled").

    Case ID is ``C-<order id>``; Reason is the Cancel Reason as written, Cancel By who cancelled; Opened and Closed
    are the Cancelled Time (the export has no request time); Amount is the Order Refund Amount when it is above zero,
    else the Order Amount; Quantity is the order's units; SKU ID, Seller SKU and Product Name list the order's
    distinct values in line order, joined with ", ". Orders cancelled before payment (no Paid Time) need no
    after-sales work and are left out unless ``include_unpaid``; a frame without a Paid Time column keeps them all.
    """
    if order_lines.empty or "order_status" not in order_lines:
        return C.empty_cases()[["case_id", "order_id", "source"]]
    chosen = order_lines["order_status"].eq("Cancelled").fillna(False)
    if not include_unpaid and "paid_time" in order_lines:
        chosen &= order_lines["paid_time"].notna()
    lines = order_lines.loc[chosen]
    if lines.empty:
        return C.empty_cases()[["case_id", "order_id", "source"]]
    groups = lines.groupby("order_id", sort=False)
    out = pd.DataFrame({"order_id": groups["order_id"].first()})
    out["case_id"] = C.cancellation_case_id(out["order_id"])
    for key in ("sku_id", "seller_sku", "product_name"):
        if key in lines:
            out[key] = groups[key].agg(lambda s: ", ".join(dict.fromkeys(s.dropna().astype(str))) or None)
    for key in ("buyer_username", "country", "currency", "order_status", "order_substatus", "cancel_by",
                "order_amount"):
        if key in lines:
            out[key] = groups[key].first()
    if "cancel_reason" in lines:
        out["reason"] = groups["cancel_reason"].first()
    if "quantity" in lines:
        out["quantity"] = groups["quantity"].sum(min_count=1).astype("Int64")
    amount = out["order_amount"] if "order_amount" in out else pd.Series(pd.NA, index=out.index, dtype="Float64")
    if "order_refund_amount" in lines:
        refund = groups["order_refund_amount"].first()
        amount = refund.where(refund.fillna(0) > 0, amount)
    out["amount"] = amount.astype("Float64")
    out["return_type"] = pd.Series(C.CANCEL_TYPE, index=out.index, dtype=object)
    if "cancelled_time" in lines:
        out["opened"] = out["closed"] = groups["cancelled_time"].first().astype("datetime64[ns]")
    out["source"] = pd.Series(C.SOURCE_CANCELLED, index=out.index, dtype=object)
    return C.ordered(out)
