"""Reading a stock file (CSV or XLSX) into stock rows for the Inventory sheet: the registry of stock formats
(:mod:`tkops.sources.stock_formats` plus the team's stock mappings) and :func:`read_stock`.

Exactly one format must claim a file, as for orders: none or several is an error naming the formats and the headers
found. The header row may sit below a title or instruction rows (TikTok's batch-edit template): the first of the top
rows that a format claims is the header. Instruction rows right under it (an On Hand cell that is text) are skipped
and counted. Cells are read with the shared value parsers (:mod:`tkops.values`): whole numbers, money with its
currency, text without control characters; a bad cell is an error naming the file, the row and the column.
Barcodes are checked with python-stdnum (EAN-8, UPC-A, EAN-13, GTIN-14 check digits); a bad one is left out and
reported, never written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd
from stdnum import ean

from tkops import values as V
from tkops.errors import AmbiguousFormat, ConfigError, DataError, EncodingProblem, MissingColumn, UnknownFormat
from tkops.schema import header_key
from tkops.settings import Settings
from tkops.sources.raw import file_hash
from tkops.sources import sniff
from tkops.sources.tables import candidates
from tkops.sources.stock_formats import BUILTIN, JOINED, STOCK_HEADERS, StockFormat

HEADER_ROWS = 6  # a header row is looked for among the top rows
INSTRUCTION_ROWS = 4  # rows under the header that may be instructions ("Cannot be edited", "Mandatory")
STOCK_COLUMNS = list(STOCK_HEADERS)
ORDER_MARK = header_key("Order ID")  # order exports (and mapped ERP order files) have it; stock files do not


@dataclass
class StockFile:
    """What a stock file gave: ``frame`` (stock keys as columns, one row per data row; On Hand Int64, Unit Cost
    Float64, text object), the file row of each, and what a person should know (``notes``: message code and
    parameters)."""

    path: Path
    format: StockFormat
    frame: pd.DataFrame
    sheet: str | None = None
    encoding: str | None = None
    sha256: str = ""
    skipped: int = 0
    notes: list[tuple[str, dict]] = field(default_factory=list)


def registry(mappings: Sequence[tuple[str, dict, dict, str]] = ()) -> tuple[StockFormat, ...]:
    """The stock formats in force: the built-ins, then the team's stock mappings (name, columns, options, where)."""
    return BUILTIN + tuple(from_mapping(*m) for m in mappings)


def from_mapping(name: str, columns: dict[str, str], options: dict, where: str) -> StockFormat:
    """A stock format from a stock mapping: their header -> Inventory column (Seller SKU required)."""
    by_header = {header_key(h): k for k, h in STOCK_HEADERS.items()}
    header_map = {}
    for theirs, ours in columns.items():
        key = by_header.get(header_key(str(ours)))
        if key is None:
            raise ConfigError("bad_mapping", mapping=name, where=where,
                              problem=f'"{ours}" is not an Inventory column ({", ".join(STOCK_HEADERS.values())})')
        header_map[header_key(str(theirs))] = key
    sku = [h for h, k in header_map.items() if k == "seller_sku"]
    if not sku:
        raise ConfigError("bad_mapping", mapping=name, where=where, problem='no column is mapped to "Seller SKU"')
    encoding = str(options.get("encoding") or "")
    return StockFormat(name=f"mapping:{name}", title=f"column mapping {name}", header_map=header_map,
                       signature=frozenset(sku), currency=str(options.get("currency") or "").upper(),
                       encodings=(encoding,) if encoding else ())


def read_stock(path: str | Path, settings: Settings, formats: Sequence[StockFormat] = BUILTIN,
               source: str | None = None) -> StockFile:
    """Read one stock file with the one format that claims it (``source`` names a format instead)."""
    path = Path(path)
    if not path.is_file():
        raise DataError("file_not_found", file=str(path))
    sniff.expect(path)  # a PDF, picture, archive or document given as a stock file is named as what it is
    if source:
        chosen = [f for f in formats if f.name in (source, f"mapping:{source}")]
        if not chosen:
            raise ConfigError("unknown_source", name=source, sources=", ".join(f.name for f in formats))
        formats = chosen
    grids = _grids(path, settings, formats)
    first_headers: list[str] = []
    for sheet, encoding, grid in grids:
        for top in range(min(HEADER_ROWS, len(grid))):
            headers = ["" if v is None else str(v) for v in grid[top]]
            first_headers = first_headers or [h for h in headers if h.strip()]
            if ORDER_MARK in {header_key(h) for h in headers}:  # ordered quantities are no stock
                raise DataError("stock.order_export", file=_name(path, sheet))
            claimed = [f for f in formats if f.identify(headers)] if not source else list(formats)
            if len(claimed) > 1:
                raise AmbiguousFormat(file=_name(path, sheet), sources=", ".join(f.name for f in claimed))
            if claimed:
                out = _read(path, sheet, grid, top, claimed[0], settings)
                out.encoding, out.sha256 = encoding, file_hash(path)
                return out
    raise UnknownFormat("stock.unknown_format", file=path.name, sources=", ".join(f.name for f in formats),
                        headers=", ".join(first_headers[:12]) or "(none)")


def _name(path: Path, sheet: str | None) -> str:
    return f"{path.name} [{sheet}]" if sheet else path.name


def _grids(path: Path, settings: Settings, formats: Sequence[StockFormat]) -> list[tuple[str | None, str | None,
                                                                                          list[list]]]:
    """(sheet, encoding, rows) of every table of the file (:func:`tkops.sources.tables.candidates`: every sheet of a
    workbook, or each decoding of a CSV file); the formats then choose. A byte no decoding reads is refused only
    when no decoding came before it."""
    out: list[tuple[str | None, str | None, list[list]]] = []
    fallbacks = tuple(dict.fromkeys(e for f in formats for e in f.encodings))
    try:
        for table in candidates(path, settings, fallbacks=fallbacks):
            if table.is_text:
                out.append((None, table.encoding, _csv_rows(path, table.text)))
            else:
                out.append((table.sheet, None, [list(r) for r in table.loaded.to_python(skip_empty_area=False)]))
    except EncodingProblem:
        if not out:
            raise
    return out


def _csv_rows(path: Path, text: str) -> list[list[str]]:
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as err:
        raise DataError("not_a_spreadsheet", file=path.name, kind="CSV", detail=str(err)) from None


def _read(path: Path, sheet: str | None, grid: list[list], top: int, fmt: StockFormat,
          settings: Settings) -> StockFile:
    headers = ["" if v is None else str(v) for v in grid[top]]
    folded = [header_key(h) for h in headers]
    width = len(headers)
    body = [list(r[:width]) + [None] * (width - len(r[:width])) for r in grid[top + 1:]]
    cells = pd.DataFrame(body, columns=range(width), dtype=object)
    rows = pd.Series(range(top + 2, top + 2 + len(cells)), index=cells.index)
    name = _name(path, sheet)
    picked: dict[str, list[int]] = {}
    for i, h in enumerate(folded):
        key = fmt.header_map.get(h)
        if key and (key in JOINED or key not in picked):
            picked.setdefault(key, []).append(i)
    quantity = fmt.quantity_headers(folded) if "on_hand" not in picked else []
    if quantity:
        picked["on_hand"] = [folded.index(h) for h in quantity]
    if "seller_sku" not in picked:
        raise MissingColumn(file=name, column="Seller SKU", headers=", ".join(h for h in headers if h))

    def where(key: str, i: int | None = None) -> V.Where:
        return V.Where(name, headers[picked[key][0] if i is None else i].strip(), rows)

    sku = V.clean_text(cells[picked["seller_sku"][0]])
    keep = sku.notna()
    out = pd.DataFrame({"seller_sku": sku}, index=cells.index)
    skipped = 0
    if "on_hand" in picked:
        instructions = _instruction_rows(cells, picked["on_hand"], keep)
        skipped = int(instructions.sum())
        keep &= ~instructions
    skipped += int((~sku.notna()).sum())
    cells, rows, out = cells[keep], rows[keep], out[keep]
    for key in ("product_name", "zone", "bin", "currency"):
        if key in picked:
            out[key] = V.clean_text(cells[picked[key][0]])
    if "variation" in picked:
        parts = [V.clean_text(cells[i]) for i in picked["variation"]]
        joined = pd.concat(parts, axis=1).apply(lambda r: ", ".join(v for v in r if isinstance(v, str)), axis=1)
        out["variation"] = joined.where(joined != "", None) if len(joined) else pd.Series(dtype=object)
    if "on_hand" in picked:
        counts = [V.integers(cells[i], V.Where(name, headers[i].strip(), rows)) for i in picked["on_hand"]]
        total = counts[0]
        for more in counts[1:]:
            total = total.add(more, fill_value=0)
        out["on_hand"] = total.astype("Int64")
    notes: list[tuple[str, dict]] = [(code, {"file": name}) for code in fmt.notes]
    if "unit_cost" in picked:
        amount, named = V.money(cells[picked["unit_cost"][0]], where("unit_cost"), settings.effective_decimal())
        out["unit_cost"] = amount
        column = out["currency"] if "currency" in out else pd.Series(None, index=out.index, dtype=object)
        default = fmt.currency or settings.effective_currency()
        currency = column.where(column.notna(), named.where(named != "", None)).fillna(default or "")
        out["currency"] = currency.str.upper().where(currency != "", None)
    if "barcode" in picked:
        out["barcode"], bad = barcodes(cells[picked["barcode"][0]])
        for r, value in zip(rows[bad], cells.loc[bad, picked["barcode"][0]]):
            notes.append(("stock.bad_barcode", {"file": name, "row": int(r), "column": where("barcode").column,
                                                "value": V.clean_text(pd.Series([value])).iloc[0]}))
    frame = out.reindex(columns=STOCK_COLUMNS)
    frame.index = rows.to_numpy()
    return StockFile(path, fmt, frame, sheet, None, "", skipped, notes)


def _instruction_rows(cells: pd.DataFrame, quantity: list[int], has_sku: pd.Series) -> pd.Series:
    """Rows right under the header, before the first row of stock, whose quantity cells are all words (TikTok's
    "Cannot be edited", "Mandatory" lines): instructions, not stock. A word in a quantity cell further down is a
    mistake the reader reports."""
    out = pd.Series(False, index=cells.index)
    for pos in cells.index[:INSTRUCTION_ROWS]:
        values = [cells.at[pos, i] for i in quantity]
        texts = [v for v in values if isinstance(v, str) and v.strip()]
        if not (texts and len(texts) == len(values) and all(_not_number(v) for v in texts) and has_sku.at[pos]):
            break
        out.at[pos] = True
    return out


def _not_number(text: str) -> bool:
    try:
        float(text.replace(",", "").strip())
        return False
    except ValueError:
        return True


def barcodes(col: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Barcodes (GTIN-8/12/13/14: EAN-8, UPC-A, EAN-13, GTIN-14) as digit text, and the mask of cells that are not a
    valid one (left out). A number cell lost its leading zeros in a spreadsheet: it is padded back to the shortest
    length whose check digit fits."""
    values, bad = [], []
    for v in col.tolist():
        code = _barcode(v)
        values.append(code or None)
        bad.append(code is None)
    return pd.Series(values, index=col.index, dtype=object), pd.Series(bad, index=col.index, dtype=bool)


def _barcode(value) -> str | None:
    """The barcode of a cell: "" for blank, None when it is not a valid GTIN."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    text = ean.compact(str(value)) if str(value).strip() else ""
    if not text:
        return ""
    candidates = [text] + ([text.zfill(n) for n in (8, 12, 13, 14) if n > len(text)] if isinstance(value, int)
                           else [])
    return next((c for c in candidates if len(c) in (8, 12, 13, 14) and ean.is_valid(c)), None)
