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
from tkops.errors import DataError, MissingColumn
from tkops.markets import market
from tkops.messages import render
from tkops.schema import Kind
from tkops.settings import Settings
from tkops.sources import checks
from tkops.sources.raw import RawTable
from tkops.sources.rows import ANY_ORDER_ID, TIKTOK_ORDER_ID, sort_rows
from tkops.statuses import canonical_statuses

MAX_WARNINGS_PER_KIND = checks.MAX_WARNINGS_PER_KIND


@dataclass(frozen=True)
class ReadOptions:
    """How a source's values are written: fixed by the source or a mapping, else from Settings."""

    date_format: str | None = None  # strptime format; None = detect
    decimal: str = ""  # "." or ","; "" = tell from values
    currency: str = ""  # currency of amounts that carry none
    order_id_pattern: re.Pattern = TIKTOK_ORDER_ID  # a row whose Order ID does not match is an error
    order_id_rule: str = "rule.tiktok_order_id"  # the rule the error message names
    follow_on_rows: bool = False  # an order's later rows may leave the Order ID blank (ERP exports)


#: The options of a column mapping: any system's order IDs, follow-on rows allowed.
MAPPING_IDS = {"order_id_pattern": ANY_ORDER_ID, "order_id_rule": "rule.order_id", "follow_on_rows": True}


def pick_columns(raw: RawTable, header_map: dict[str, str]) -> tuple[pd.DataFrame, dict[str, str]]:
    """Raw cells under canonical keys and key -> header as written. When two different headers map to one key the
    first wins (Mabang has two product-name columns); the same header twice is refused, naming its columns."""
    chosen: dict[str, int] = {}
    written: dict[str, str] = {}
    seen: dict[str, list[int]] = {}
    for position, header in enumerate(raw.headers):
        folded = schema.header_key(header)
        key = header_map.get(folded)
        if not key:
            continue
        seen.setdefault(folded, []).append(position)
        if key not in chosen:
            chosen[key] = position
            written[key] = header.strip()
    twice = next((positions for positions in seen.values() if len(positions) > 1), None)
    if twice:
        from tkops.cells.extent import column_letters

        raise DataError("input.duplicate_header", file=raw.name, header=raw.headers[twice[0]].strip(),
                        columns=", ".join(column_letters(p + 1) for p in twice))
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

    Every row is an order line except TikTok's description row and rows without any data (counted as skipped); an
    ERP's follow-on rows take their order's ID and order-level values from its first row. IDs damaged by Excel,
    malformed or missing Order IDs, bad or out-of-range numbers and dates, impossible quantities and lines of one
    order that disagree on its destination raise errors naming file, row and column.
    """
    require(frame, raw, written)
    rows = raw.rows.loc[frame.index]
    warnings: list[str] = []

    def where(key: str) -> V.Where:
        return V.Where(raw.name, written.get(key, schema.BY_KEY[key].name), rows)

    # Order IDs first: a damaged ID must be refused before any row is classified.
    order_id = V.ids(frame["order_id"], where("order_id"))
    sorted_rows = sort_rows(frame, order_id, where("order_id"), written, options.order_id_pattern,
                            options.order_id_rule, options.follow_on_rows)
    keep = sorted_rows.keep
    frame = frame.loc[keep].copy()
    frame["order_id"] = sorted_rows.order_id[keep]
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

    found_market = market(settings.market)
    market_decimal = found_market.decimal if found_market else ""
    currency = pd.Series("", index=frame.index, dtype=object)
    for key in frame.columns:
        column = schema.BY_KEY.get(key)
        if column is None:
            continue
        cells = frame[key]
        at = V.Where(raw.name, written.get(key, column.name), rows)
        if key == "order_id":
            out[key] = cells
        elif column.kind is Kind.ID:
            out[key] = V.ids(cells, at)
        elif column.kind is Kind.INT:
            out[key] = V.integers(cells, at)
        elif column.kind in (Kind.MONEY, Kind.NUMBER):
            amounts, marks = V.money(cells, at, options.decimal or settings.effective_decimal(),
                                     options.currency or settings.effective_currency(),
                                     market_decimal if column.kind is Kind.MONEY else "")
            out[key] = amounts
            if column.kind is Kind.MONEY:
                currency = currency.where(currency != "", marks)
        elif column.kind is Kind.DATETIME:
            out[key] = V.datetimes(cells, at, date_format)
        else:
            text = V.clean_text(cells)
            too_long = V.truncate_long(text)
            if too_long.any():
                text = text.where(~too_long, text.str.slice(0, V.EXCEL_MAX_CHARS))
                for idx in too_long[too_long].index[:MAX_WARNINGS_PER_KIND]:
                    warnings.append(render("text_truncated", settings.lang, file=raw.name, row=int(rows[idx]),
                                           column=at.column))
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

    checks.refuse_conflicting_lines(out, rows, raw.name, written)
    warnings += checks.fill_order_level(out, rows, raw.name, written, settings)
    checks.refuse_impossible_quantities(out, rows, raw.name, written, settings.max_quantity())
    checks.refuse_paid_before_created(out, rows, raw.name, written)
    warnings += checks.identical_rows(out, rows, raw.name, settings)
    ordered = [c.key for c in schema.ORDER_COLUMNS if c.key in out.columns]
    result = out[ordered].reset_index(drop=True)
    result.attrs["rows"] = rows.reset_index(drop=True)
    return schema.Table(result, source, skipped_rows=sorted_rows.skipped, warnings=warnings)
