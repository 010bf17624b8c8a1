"""Column mappings: any other export read through a mapping the team edits, without code.

A mapping names the file's headers and the canonical column each one means, plus how the file writes dates,
decimals, currency and text encoding. It comes from a TOML file::

    name = "my_erp"
    encoding = "cp1252"            # optional
    date_format = "%d.%m.%Y %H:%M"  # optional, strptime codes
    decimal = ","                   # optional: "." or ","
    currency = "EUR"                # optional
    [columns]
    "Bestellnummer" = "Order ID"

or from the Mappings sheet, one row per column: Mapping, Their Column, tkops Column, and optional Date Format,
Encoding, Decimal, Currency cells on any row of that mapping.

A mapping whose tkops Columns are Inventory sheet columns (Seller SKU, On Hand, Bin, ...) and no Order ID is a stock
mapping (``kind = "stock"`` in a TOML says so explicitly): :func:`stock_mappings` gives those to ``tkops stock``, and
the order readers never see them.
"""

from __future__ import annotations

import tomllib
from collections import OrderedDict
from pathlib import Path
from typing import Any

from tkops import schema
from tkops.schema import MAPPING_SHEET_HEADERS  # noqa: F401 (the headers of the Mappings sheet read here)
from tkops.errors import ConfigError
from tkops.sources.base import HeaderMapSource
from tkops.sources.normalize import MAPPING_IDS, ReadOptions

_OPTION_KEYS = ("date_format", "encoding", "decimal", "currency")
_EXAMPLES = {"date_format": "%d.%m.%Y %H:%M", "encoding": "gb18030", "decimal": ",", "currency": "EUR"}


def _bad(mapping: str, where: str, problem: str) -> ConfigError:
    return ConfigError("bad_mapping", mapping=mapping, where=where, problem=problem)


def build(name: str, columns: dict[str, str], options: dict[str, Any], where: str) -> HeaderMapSource:
    """A source from a mapping's columns {their header: canonical display name} and options."""
    header_map: dict[str, str] = {}
    for theirs, ours in columns.items():
        column = schema.BY_NAME.get(str(ours).strip()) or schema.BY_NAME.get(
            next((c.name for c in schema.ORDER_COLUMNS if schema.header_key(c.name) == schema.header_key(ours)), ""))
        if column is None or column.key in schema.TEAM_KEYS:
            raise _bad(name, where, f'"{ours}" is not a tkops order column (e.g. Order ID, Seller SKU, Quantity)')
        header_map[schema.header_key(theirs)] = column.key
    if "order_id" not in header_map.values():
        raise _bad(name, where, 'no column is mapped to "Order ID"')
    for key in _OPTION_KEYS:
        if options.get(key) is not None and not isinstance(options[key], str):
            raise _bad(name, where, f'{key} must be text in quotes, e.g. {key} = "{_EXAMPLES[key]}"')
    decimal = str(options.get("decimal") or "")
    if decimal not in ("", ".", ","):
        raise _bad(name, where, 'decimal must be "." or ","')
    date_format = options.get("date_format") or None
    if date_format and "%" not in date_format:
        raise _bad(name, where, "date_format uses strptime codes such as %d.%m.%Y %H:%M")
    encoding = str(options.get("encoding") or "")
    order_header = next(h for h, k in header_map.items() if k == "order_id")
    return HeaderMapSource(
        name=f"mapping:{name}",
        title=f"column mapping {name}",
        header_map=header_map,
        signature=frozenset({order_header}),
        min_known=max(1, (len(header_map) * 3 + 4) // 5),  # at least 60 % of the mapped headers
        options=ReadOptions(date_format=date_format, decimal=decimal,
                            currency=str(options.get("currency") or "").upper(), **MAPPING_IDS),
        auto_encodings=(encoding,) if encoding else (),
    )


#: The tkops Columns of a stock mapping: the Inventory sheet's (tkops.schema.STOCK_HEADERS).
STOCK_TARGETS = ("Seller SKU", "Product Name", "Variation", "On Hand", "Zone", "Bin", "Unit Cost", "Currency",
                 "Barcode")


def is_stock_mapping(columns: dict[str, str], kind: str = "") -> bool:
    """A mapping for stock files: ``kind`` says so, or every tkops Column is an Inventory column."""
    if kind:
        return kind.strip().casefold() in ("stock", "inventory")
    targets = {schema.header_key(str(t)) for t in columns.values()}
    stock = {schema.header_key(t) for t in STOCK_TARGETS}
    return bool(targets) and targets <= stock  # an order mapping always maps Order ID, never an Inventory column


def _toml(path: Path) -> tuple[str, dict, dict]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("file_not_found", file=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise _bad(Path(path).stem, Path(path).name, f"not valid TOML ({err})") from None
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise _bad(Path(path).stem, Path(path).name, "a [columns] table is needed")
    name = str(data.get("name") or Path(path).stem.removesuffix(".mapping"))
    return name, data, columns


def from_toml(path: Path) -> HeaderMapSource:
    """A mapping source from a TOML mapping file."""
    name, data, columns = _toml(path)
    return build(name, columns, {k: data.get(k) for k in _OPTION_KEYS}, Path(path).name)


def stock_mapping_toml(path: Path) -> tuple[str, dict, dict, str]:
    """A stock mapping's (name, columns, options, where) from a TOML file (``tkops stock --mapping``)."""
    name, data, columns = _toml(path)
    if not is_stock_mapping(columns, str(data.get("kind") or "")):
        raise _bad(name, Path(path).name, 'a stock mapping maps columns to Inventory columns ("Seller SKU", '
                                          '"On Hand", "Bin", ...), not to order columns')
    return name, columns, {k: data.get(k) for k in _OPTION_KEYS}, Path(path).name


def from_sheet_rows(rows: list[list[Any]]) -> list[HeaderMapSource]:
    """Order mapping sources from the Mappings sheet (header row first); stock mappings are left out."""
    return [build(name, e["columns"], e["options"], f"Mappings sheet, row {e['row']}")
            for name, e in _sheet_groups(rows).items() if not is_stock_mapping(e["columns"])]


def stock_mappings(rows: list[list[Any]]) -> list[tuple[str, dict, dict, str]]:
    """The stock mappings of the Mappings sheet: (name, columns, options, where) each."""
    return [(name, e["columns"], e["options"], f"Mappings sheet, row {e['row']}")
            for name, e in _sheet_groups(rows).items() if is_stock_mapping(e["columns"])]


def _sheet_groups(rows: list[list[Any]]) -> "OrderedDict[str, dict]":
    """The Mappings sheet's rows grouped by mapping name: columns, options, first row number."""
    grouped: "OrderedDict[str, dict]" = OrderedDict()
    if not rows:
        return grouped
    header = [schema.header_key(h or "") for h in rows[0]]
    index = {h: i for i, h in enumerate(header)}

    def cell(row, name):
        i = index.get(schema.header_key(name))
        if i is None or i >= len(row) or row[i] is None:
            return ""
        return str(row[i]).strip()

    for number, row in enumerate(rows[1:], start=2):
        name = cell(row, "Mapping")
        if not name:
            continue
        entry = grouped.setdefault(name, {"columns": {}, "options": {}, "row": number})
        theirs, ours = cell(row, "Their Column"), cell(row, "tkops Column")
        if theirs and ours:
            entry["columns"][theirs] = ours
        for key, title in zip(_OPTION_KEYS, ("Date Format", "Encoding", "Decimal", "Currency")):
            if cell(row, title) and not entry["options"].get(key):
                entry["options"][key] = cell(row, title)
    return grouped
