"""Tracking numbers from a carrier, 3PL or warehouse file (CSV or XLSX) into a frame, one row per parcel number.

Columns are found by common header names (English and Chinese) or through a column mapping of
:mod:`tkops.sources.mapping` (a TOML file or the Mappings sheet). Files are walked by :mod:`tkops.sources.tables`, IDs
checked by :func:`tkops.values.ids` and numbers cleaned by :func:`tkops.cells.tracking.clean_tracking`, exactly
as order exports and the Orders sheet are. :func:`tkops.shipping.tracking_apply.apply_tracking` puts the numbers
on the Orders sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from tkops import values as V
from tkops.errors import DataError, MangledIds, MissingColumn
from tkops.schema import BY_KEY, header_key
from tkops.settings import Settings
from tkops.cells.tracking import clean_tracking
from tkops.sources.base import HeaderMapSource
from tkops.sources.normalize import pick_columns
from tkops.sources.raw import RawTable
from tkops.sources.tables import candidates

KEYS = ("order_id", "sku_id", "seller_sku", "tracking_id", "shipping_provider")
FRAME_COLUMNS = [*KEYS, "row"]
#: Header names recognised without a mapping, best first (a 3PL's 订单号 is often its own number; 平台订单号 is
#: the platform's, so it wins when a file has both).
DEFAULT_HEADERS: dict[str, tuple[str, ...]] = {
    "order_id": ("Order ID", "平台订单号", "Platform Order ID", "Platform Order No", "Order No", "Order No.",
                 "Order Number", "订单号", "订单编号", "Reference", "Reference No", "Ref"),
    "tracking_id": ("Tracking ID", "Tracking Number", "Tracking No", "Tracking No.", "Tracking #", "Waybill",
                    "Waybill No", "Waybill Number", "AWB", "AWB No", "运单号", "跟踪号", "物流单号", "快递单号"),
    "shipping_provider": ("Shipping Provider Name", "Shipping Provider", "Carrier", "Courier", "Carrier Name",
                          "物流商", "物流公司", "快递公司", "承运商"),
    "sku_id": ("SKU ID",),
    "seller_sku": ("Seller SKU", "SKU"),
}
FALLBACK_ENCODINGS = ("gb18030",)  # Chinese 3PL and warehouse systems; accepted only when the headers fit
_EXCEL_TEXT = re.compile(r'^="(.*)"$')  # ="576..." is how some systems keep Excel from mangling an ID


@dataclass
class TrackingFile:
    """The tracking numbers of one file: ``frame`` (:data:`FRAME_COLUMNS`: one row per order, or per order line
    when the file gives a SKU, with the file row it came from), the name messages use, the header used for each
    key, the mapping that read it (None: default names), and the orders left out because the file gives them two
    different numbers (``problems``: (code, params) pairs for :mod:`tkops.shipping.catalogue`)."""

    frame: pd.DataFrame
    file: str
    columns: dict[str, str] = field(default_factory=dict)
    mapping: str | None = None
    problems: list[tuple[str, dict]] = field(default_factory=list)


def read_tracking_file(path: str | Path, settings: Settings, mappings: Sequence[HeaderMapSource] = ()
                       ) -> TrackingFile:
    """Read a carrier/3PL/warehouse file's order IDs and tracking numbers.

    Raises :class:`~tkops.errors.DataError` naming the file, row and column: no order or tracking column (with the
    headers seen and how to map them), an ID or tracking number Excel turned into a number, an unreadable file.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError("file_not_found", file=str(path))
    raw, mapping, chosen = _load(path, settings, mappings)
    frame, written = pick_columns(raw, {header_key(raw.headers[p]): k for k, p in chosen.items()})
    rows = raw.rows.loc[frame.index]
    out = pd.DataFrame({"row": rows.astype(int)}, index=frame.index)
    for key in KEYS:
        out[key] = _values(frame[key], key, V.Where(raw.name, written.get(key, ""), rows)) if key in frame \
            else pd.Series(None, index=frame.index, dtype=object)
    # Blank, header-repeat and total rows: no order ID with a digit in it; orders without a number are said once.
    ordered = out["order_id"].fillna("").str.contains(r"\d")
    keep = ordered & out["tracking_id"].notna()
    entries, problems = _entries(out.loc[keep, FRAME_COLUMNS], raw.name, written)
    problems += _without_number(out.loc[ordered & ~keep, "row"], raw.name, written.get("tracking_id", ""))
    return TrackingFile(entries, raw.name, written, mapping.title if mapping else None, problems)


#: How many row numbers a message lists before it says how many more there are.
ROWS_SHOWN = 10


def _without_number(rows: pd.Series, file: str, column: str) -> list[tuple[str, dict]]:
    """One problem naming the rows that give an order but no tracking number (blank, or no digit in it: "pending",
    "N/A"): a file from a warehouse that has not shipped them yet. Their orders are left as they are."""
    if rows.empty:
        return []
    shown = ", ".join(str(int(r)) for r in rows.iloc[:ROWS_SHOWN])
    more = f" (+{len(rows) - ROWS_SHOWN})" if len(rows) > ROWS_SHOWN else ""
    return [("tracking_file.no_number", {"file": file, "n": len(rows), "rows": shown + more, "column": column})]


def _values(cells: pd.Series, key: str, where: V.Where) -> pd.Series:
    cells = cells.map(_unwrap, na_action="ignore")
    if key == "tracking_id":
        cleaned = pd.Series([clean_tracking(v) for v in cells], index=cells.index, dtype=object)
        mangled = cleaned.str[1] == "mangled"
        if mangled.any():
            first = mangled.idxmax()
            raise MangledIds("tracking_file.mangled", file=where.file, row=int(where.rows[first]),
                             column=where.column, value=cleaned[first][0])
        number = cleaned.str[0]
        # every carrier's number has digits: "PENDING", "N/A", "TBD" stand in for a number a warehouse has not yet
        return number.where(number.str.contains(r"\d"), None).astype(object)
    if key in ("order_id", "sku_id"):
        try:
            return V.ids(cells, where)
        except MangledIds as err:  # the same check, with the fix for a carrier's file instead of an export's
            raise MangledIds("tracking_file.mangled", **err.params) from None
    return V.clean_text(cells)


def _unwrap(value):
    if isinstance(value, str):
        text = value.strip()
        found = _EXCEL_TEXT.match(text)
        return found.group(1) if found else text.removeprefix("'")
    return value


def _entries(rows: pd.DataFrame, file: str, written: dict[str, str]) -> tuple[pd.DataFrame, list[tuple[str, dict]]]:
    """One row per (order, line) with its number; orders with two different numbers for one target left out."""
    sku = rows["sku_id"].fillna(rows["seller_sku"]).fillna("")
    whole = sku.eq("").groupby(rows["order_id"]).transform("any")  # a SKU-less row covers the whole order
    target = rows["order_id"] + "|" + sku.where(~whole, "")
    numbers = rows.groupby(target, sort=False)["tracking_id"].transform("nunique")
    problems = []
    for _, group in rows[numbers > 1].groupby(target[numbers > 1], sort=False):
        line = "" if whole[group.index[0]] else f" (SKU {sku[group.index[0]]})"
        problems.append(("tracking_file.two_numbers", {
            "file": file, "rows": ", ".join(str(r) for r in group["row"]), "column": written["tracking_id"],
            "order": group["order_id"].iloc[0], "sku": line,
            "numbers": ", ".join(dict.fromkeys(group["tracking_id"]))}))
    kept = rows[numbers <= 1].copy()
    kept.loc[whole[numbers <= 1], ["sku_id", "seller_sku"]] = None
    providers = kept.groupby(target[numbers <= 1], sort=False)["shipping_provider"].transform("first")
    kept["shipping_provider"] = providers.astype(object).where(providers.notna(), None)
    kept = kept[~target[numbers <= 1].duplicated()]
    return kept[FRAME_COLUMNS].reset_index(drop=True), problems


def _load(path: Path, settings: Settings, mappings: Sequence[HeaderMapSource]
          ) -> tuple[RawTable, HeaderMapSource | None, dict[str, int]]:
    """The raw table whose headers give an order and a tracking column, the mapping used and key -> position."""
    fallbacks = tuple(dict.fromkeys([e for m in mappings for e in m.auto_encodings] + list(FALLBACK_ENCODINGS)))
    seen: list[tuple[str, list[str], dict]] = []
    for candidate in candidates(path, settings, fallbacks=fallbacks):
        raw = candidate.table()
        mapping, chosen = _columns(raw, mappings)
        if "order_id" in chosen and "tracking_id" in chosen:
            return raw, mapping, chosen
        seen.append((raw.name, raw.headers, chosen))
        if candidate.is_text and (candidate.encoding not in fallbacks or candidate.encoding == settings.encoding):
            break  # text read as UTF-8 or as the Encoding setting says: its headers are what they are
    name, headers, found = seen[0] if seen else (path.name, [], {})
    missing = "order_id" if "order_id" not in found else "tracking_id"
    names = ", ".join(DEFAULT_HEADERS[missing])
    raise MissingColumn("tracking_file.no_column", file=name, column=BY_KEY[missing].name, names=names,
                        headers=", ".join(h.strip() for h in headers if h and h.strip())[:600] or "(none)")


def _columns(raw: RawTable, mappings: Sequence[HeaderMapSource]) -> tuple[HeaderMapSource | None, dict[str, int]]:
    """The mapping that fits the headers (None: default names only) and key -> header position.

    A mapping fits when one of its Order ID headers is in the file; several that read the file differently are an
    error. Keys a mapping leaves out are found by the default names."""
    folded = [header_key(h) for h in raw.headers]
    fits = []
    for mapping in mappings:
        if any(mapping.header_map.get(f) == "order_id" for f in folded):
            chosen = _resolve(folded, mapping.header_map)
            if "tracking_id" in chosen:
                fits.append((mapping, chosen))
    if len({tuple(sorted(c.items())) for _, c in fits}) > 1:
        raise DataError("tracking_file.ambiguous", file=raw.name, mappings=", ".join(m.title for m, _ in fits))
    return fits[0] if fits else (None, _resolve(folded, {}))


def _resolve(folded: list[str], header_map: dict[str, str]) -> dict[str, int]:
    chosen: dict[str, int] = {}
    for position, header in enumerate(folded):
        key = header_map.get(header)
        if key in KEYS and key not in chosen:
            chosen[key] = position
    taken = set(chosen.values()) | {p for p, h in enumerate(folded) if h in header_map}
    for key, names in DEFAULT_HEADERS.items():
        for name in names if key not in chosen else ():
            position = next((p for p, h in enumerate(folded) if h == header_key(name) and p not in taken), None)
            if position is not None:
                chosen[key] = position
                taken.add(position)
                break
    return chosen
