"""From raw cells under canonical keys to the typed canonical order-line frame.

Every source maps its headers to canonical keys and then calls :func:`normalize`, so IDs, numbers, money, dates,
statuses and order-level columns are treated the same whatever the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from tkops import schema
from tkops import values as V
from tkops.errors import MissingColumn
from tkops.messages import render
from tkops.schema import Kind
from tkops.settings import Settings
from tkops.sources.raw import RawTable
from tkops.statuses import canonical_statuses

TIKTOK_ORDER_ID = re.compile(r"^\d{6,}$")
MAX_WARNINGS_PER_KIND = 20


@dataclass(frozen=True)
class ReadOptions:
    """How a source's values are written: fixed by the source or a mapping, else from Settings."""

    date_format: str | None = None  # strptime format; None = detect
    decimal: str = ""  # "." or ","; "" = tell from values
    currency: str = ""  # currency of amounts that carry none
    order_id_pattern: re.Pattern | None = TIKTOK_ORDER_ID  # rows whose Order ID does not match are skipped


def pick_columns(raw: RawTable, header_map: dict[str, str]) -> tuple[pd.DataFrame, dict[str, str]]:
    """Raw cells under canonical keys (first header wins when two map to one key) and key -> header as written."""
    chosen: dict[str, int] = {}
    written: dict[str, str] = {}
    for position, header in enumerate(raw.headers):
        key = header_map.get(schema.header_key(header))
        if key and key not in chosen:
            chosen[key] = position
            written[key] = header.strip()
    frame = pd.DataFrame({key: raw.cells[pos] for key, pos in chosen.items()}, index=raw.cells.index)
    return frame, written


def require(frame: pd.DataFrame, raw: RawTable, written: dict[str, str]) -> None:
    """Raise MissingColumn unless the frame has the required columns."""
    for key in schema.REQUIRED_KEYS:
        if key not in frame.columns:
            raise MissingColumn(file=raw.name, column=schema.BY_KEY[key].name, headers=_headers(raw))
    if not any(k in frame.columns for k in schema.SKU_KEYS):
        raise MissingColumn(file=raw.name, column=schema.BY_KEY["sku_id"].name, headers=_headers(raw))


def _headers(raw: RawTable) -> str:
    return ", ".join(h for h in raw.headers if h) or "(none)"


def normalize(frame: pd.DataFrame, raw: RawTable, written: dict[str, str], settings: Settings,
              options: ReadOptions, source: str) -> schema.Table:
    """Type every column of ``frame`` (canonical keys, raw cells) and return the canonical table.

    Rows whose Order ID is empty or not an ID are dropped (the description row under the header, blank and footer
    rows) and counted; IDs damaged by Excel, bad numbers and bad dates raise errors naming file, row and column.
    """
    require(frame, raw, written)
    rows = raw.rows.loc[frame.index]
    warnings: list[str] = []

    def where(key: str) -> V.Where:
        return V.Where(raw.name, written.get(key, schema.BY_KEY[key].name), rows)

    # Order IDs first: a damaged ID must be refused before a row is dropped for not looking like an ID.
    order_id = V.ids(frame["order_id"], where("order_id"))
    keep = order_id.notna()
    if options.order_id_pattern is not None:
        keep &= order_id.astype("str").str.match(options.order_id_pattern, na=False)
    skipped = int((~keep).sum())
    frame = frame.loc[keep].copy()
    frame["order_id"] = order_id[keep]
    rows = rows.loc[keep]

    out = pd.DataFrame(index=frame.index)
    date_keys = [k for k in frame.columns if k in schema.BY_KEY and schema.BY_KEY[k].kind is Kind.DATETIME]
    date_format = options.date_format
    if date_format is None and date_keys:
        texts = pd.concat([V.clean_text(frame[k]).where(V._is_str(frame[k])) for k in date_keys])
        rows_all = pd.concat([rows] * len(date_keys))
        texts.index = range(len(texts))
        rows_all.index = texts.index
        first_key = date_keys[0]
        date_format = V.choose_date_format(
            texts, V.Where(raw.name, written.get(first_key, first_key), rows_all), settings.effective_date_order())

    currency = pd.Series("", index=frame.index, dtype=object)
    for key in frame.columns:
        column = schema.BY_KEY.get(key)
        if column is None:
            continue
        cells = frame[key]
        if key == "order_id":
            out[key] = cells
        elif column.kind is Kind.ID:
            out[key] = V.ids(cells, V.Where(raw.name, written.get(key, column.name), rows))
        elif column.kind is Kind.INT:
            out[key] = V.integers(cells, V.Where(raw.name, written.get(key, column.name), rows))
        elif column.kind in (Kind.MONEY, Kind.NUMBER):
            amounts, marks = V.money(cells, V.Where(raw.name, written.get(key, column.name), rows),
                                     options.decimal or settings.effective_decimal(),
                                     options.currency or settings.effective_currency())
            out[key] = amounts
            if column.kind is Kind.MONEY:
                currency = currency.where(currency != "", marks)
        elif column.kind is Kind.DATETIME:
            out[key] = V.datetimes(cells, V.Where(raw.name, written.get(key, column.name), rows), date_format)
        else:
            text = V.clean_text(cells)
            too_long = V.truncate_long(text)
            if too_long.any():
                text = text.where(~too_long, text.str.slice(0, V.EXCEL_MAX_CHARS))
                for idx in too_long[too_long].index[:MAX_WARNINGS_PER_KIND]:
                    warnings.append(render("text_truncated", settings.lang, file=raw.name, row=int(rows[idx]),
                                           column=written.get(key, column.name)))
            out[key] = text

    for key in ("order_status", "order_substatus"):
        if key in out:
            out[key] = canonical_statuses(out[key])

    default_currency = options.currency or settings.effective_currency()
    if "currency" in out:  # a source with its own currency column (ERP exports)
        given = out["currency"].fillna("").astype(str).str.upper()
        currency = given.where(given != "", currency)
    currency = currency.where(currency != "", default_currency).replace("", None)
    out["currency"] = currency.astype(object)

    warnings += _fill_order_level(out, rows, raw.name, written, settings)
    ordered = [c.key for c in schema.ORDER_COLUMNS if c.key in out.columns]
    result = out[ordered].reset_index(drop=True)
    result.attrs["rows"] = rows.reset_index(drop=True)
    return schema.Table(result, source, skipped_rows=skipped, warnings=warnings)


def _fill_order_level(out: pd.DataFrame, rows: pd.Series, file: str, written: dict[str, str],
                      settings: Settings) -> list[str]:
    """Give every line of an order the order's value of each order-level column (in place).

    ERP exports leave these blank on an order's follow-on lines; a value that differs from the order's first line
    is an inconsistency in the file: the first line wins, and a warning says where.
    """
    multi = out["order_id"].duplicated(keep=False)
    if not multi.any():
        return []
    warnings = []
    sub = out.loc[multi]
    keys = [k for k in schema.ORDER_LEVEL_KEYS if k in out.columns and k != "order_id"]
    firsts = sub.groupby("order_id", sort=False)[keys].transform("first")
    for key in keys:
        before = sub[key]
        after = firsts[key]
        differs = before.notna() & after.notna() & (before.astype(object) != after.astype(object))
        for idx in differs[differs].index[:MAX_WARNINGS_PER_KIND]:
            warnings.append(render("inconsistent_order_value", settings.lang, file=file, row=int(rows[idx]),
                                   column=written.get(key, schema.BY_KEY[key].name), value=before[idx],
                                   first=after[idx]))
        if before.isna().any() or differs.any():
            out.loc[multi, key] = after.astype(out[key].dtype) if out[key].dtype != object else after
    return warnings
