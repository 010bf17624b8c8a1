#!/usr/bin/env python3
"""Check the generated samples against their truth files, without tkops' readers.

Run from the repository root after ``python tools/make_samples.py``::

    python tools/verify_samples.py

For every sample with truth lines it re-reads the file with pandas (CSV, dtype=str) or openpyxl (XLSX), applies the
normalisation documented in tests/data/exports/README.md with per-file knowledge written here (date formats,
encodings, header names), and compares the result with ``<stem>.expected.json``. For bad-input samples it checks
that the defect is really there (and where the truth says it is). It also checks encodings, BOMs, ID shapes, and
that a second run of the generator writes identical bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import tomllib
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = ROOT / "tests" / "data" / "exports"
DEMO = ROOT / "tkops" / "samples"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_samples as gen  # noqa: E402  (header tables and status words only; not the rendering code)
import market_samples  # noqa: E402  (adds the other markets' status words to gen.STATUS_TEXT)

schema = gen.schema
KIND = {c.name: c.kind.value for c in schema.ORDER_COLUMNS}
ORDER_LEVEL = {c.name for c in schema.ORDER_COLUMNS if c.order_level}
MARKET_CURRENCY = {"US": "USD", "UK": "GBP", "TH": "THB", "VN": "VND", "ID": "IDR", "MY": "MYR", "PH": "PHP",
                   "SG": "SGD", "BR": "BRL", "MX": "MXN", "DE": "EUR", "FR": "EUR", "IT": "EUR", "ES": "EUR",
                   "IE": "EUR", "JP": "JPY"}
#: A Seller Center export is one shop's: the country every address is in names the currency of unmarked amounts.
COUNTRY_CURRENCY = {"United States": "USD", "United Kingdom": "GBP", "Ireland": "EUR", "Germany": "EUR",
                    "France": "EUR", "Italy": "EUR", "Spain": "EUR", "Mexico": "MXN", "Brazil": "BRL", "Japan": "JPY",
                    "Indonesia": "IDR", "Malaysia": "MYR", "Philippines": "PHP", "Singapore": "SGD",
                    "Thailand": "THB", "Vietnam": "VND"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PREFIX = re.compile(r"^(?P<cur>[A-Z]{3}|R\$)\s*(?P<num>.*)$")
STATUS_BACK = {}
for table in gen.STATUS_TEXT.values():
    for canon, text in table.items():
        assert STATUS_BACK.get(text, canon) == canon, text
        STATUS_BACK[text] = canon
STATUS_BACK["To ship"] = "Awaiting Shipment"

DMY = ["%d/%m/%Y %H:%M:%S"]
MDY_AMPM = ["%m/%d/%Y %I:%M:%S %p"]

# file -> how to read it (independent knowledge of the layout)
PLAN = {
    "us_2025.csv": dict(dates=MDY_AMPM),
    "us_legacy.xlsx": dict(sheet="OrderSKUList", dates=["%m/%d/%Y %H:%M:%S"], all_text=True),
    "us_excel_dates.xlsx": dict(sheet="OrderSKUList", dates=[]),
    "th_sea.xlsx": dict(sheet="OrderSKUList", dates=DMY),
    "vn_bom.csv": dict(dates=DMY, bom=True),
    "vn_ymd.csv": dict(dates=["%Y/%m/%d %H:%M:%S"]),
    "id_localised.csv": dict(dates=DMY),
    "br_money.csv": dict(dates=MDY_AMPM),
    "ambiguous_dates_th.csv": dict(dates=DMY),
    "latin1_with_setting.csv": dict(dates=MDY_AMPM, encoding="cp1252"),
    "hostile.csv": dict(dates=MDY_AMPM),
    "mabang_gb18030.csv": dict(dates=["%Y-%m-%d %H:%M:%S"], encoding="gb18030", headers=gen.MABANG_NAMES,
                               ffill=True),
    "dianxiaomi.xlsx": dict(sheet="order_", dates=["%Y-%m-%d %H:%M:%S"], headers=gen.DXM_NAMES),
    "mabang_followon.xlsx": dict(sheet="订单", dates=["%Y-%m-%d %H:%M:%S"], headers=gen.MABANG_NAMES, ffill=True,
                                 ffill_id=True),
    "dianxiaomi_followon.csv": dict(dates=["%Y-%m-%d %H:%M:%S"], encoding="gb18030", headers=gen.DXM_NAMES,
                                    ffill=True, ffill_id=True),
    "mapped_shop.csv": dict(mapping="mapped_shop.mapping.toml"),
    "us_shop_2026-11-25.csv": dict(dates=MDY_AMPM, demo=True),
    "sea_shop_2026-11-25.xlsx": dict(sheet="OrderSKUList", dates=DMY, demo=True),
    **market_samples.PLAN,
}

problems: list[str] = []


def check(cond, msg):
    if not cond:
        problems.append(msg)


def read_grid(path: Path, plan: dict) -> list[list]:
    """All rows including the header, cells as str (CSV) or raw openpyxl values (XLSX)."""
    if path.suffix == ".csv":
        raw = path.read_bytes()
        enc = plan.get("encoding", "utf-8")
        has_bom = raw.startswith(b"\xef\xbb\xbf")
        check(has_bom == bool(plan.get("bom")), f"{path.name}: BOM present={has_bom}")
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig" if enc == "utf-8" else enc,
                            header=None)
        return frame.values.tolist()
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[plan["sheet"]]
    if plan.get("all_text"):
        for row in ws.iter_rows():
            for cell in row:
                check(cell.value is None or cell.data_type == "s", f"{path.name}: {cell.coordinate} not text")
    return [list(r) for r in ws.iter_rows(values_only=True)]


def text(value):
    if value is None:
        return None
    if not isinstance(value, str):
        return value
    value = CONTROL.sub("", value).strip()
    return value or None


def parse_money(value, plan):
    if isinstance(value, (int, float)):
        return float(value), None
    cur = None
    m = PREFIX.match(value)
    if m:
        cur = {"R$": "BRL"}.get(m["cur"], m["cur"])
        value = m["num"]
    if "," in value or plan.get("decimal") == ",":
        value = value.replace(".", "").replace(",", ".")
    return float(value), cur


def parse_time(value, plan):
    if isinstance(value, datetime):
        return (value.replace(microsecond=0) if value.microsecond < 500000 else
                value.replace(microsecond=0) + pd.Timedelta(seconds=1).to_pytimedelta())
    for f in plan["dates"]:
        try:
            return datetime.strptime(value, f)
        except ValueError:
            pass
    raise ValueError(f"no date format for {value!r}")


def normalise(path: Path, plan: dict, options: dict):
    if "mapping" in plan:
        mapping = tomllib.loads((path.parent / plan["mapping"]).read_text("utf-8"))
        names = mapping["columns"]
        plan = dict(plan, dates=[mapping["date_format"]], decimal=mapping.get("decimal"),
                    encoding=mapping["encoding"])
        currency_default = mapping.get("currency")
    grid = read_grid(path, plan)
    header = [text(h) for h in grid[0]]
    if "mapping" in plan:
        pass
    else:
        names = plan.get("headers") or {h: gen.tiktok_name(h) for h in header}
        currency_default = MARKET_CURRENCY.get(options.get("market"))
    idx = {names[h]: i for i, h in enumerate(header) if h in names}
    out, skipped, last = [], 0, {}
    for row in grid[1:]:
        oid = text(row[idx["Order ID"]])
        if oid is None and plan.get("ffill_id") and last and any(text(v) is not None for v in row):
            oid = last["Order ID"]  # a follow-on row: its order is the one above
            row = list(row)
            row[idx["Order ID"]] = oid
        if not (isinstance(oid, str) and oid.isdigit()):
            skipped += 1
            continue
        line, currency = {}, None
        for name, i in idx.items():
            v = text(row[i])
            kind = KIND[name]
            if v is None:
                line[name] = None
            elif kind == "money":
                line[name], cur = parse_money(v, plan)
                currency = currency or cur
            elif kind == "number":
                line[name] = float(v)
            elif kind == "int":
                line[name] = int(v)
            elif kind == "datetime":
                line[name] = parse_time(v, plan).strftime("%Y-%m-%dT%H:%M:%S")
            elif name in ("Order Status", "Order Substatus"):
                line[name] = STATUS_BACK[v]
            else:
                line[name] = v if isinstance(v, str) else str(v)
        if plan.get("ffill") and last.get("Order ID") == line["Order ID"]:
            for name in line:
                if name in ORDER_LEVEL and line[name] is None:
                    line[name] = last[name]
        if "Currency" not in idx:
            line["Currency"] = currency or (last.get("Currency") if plan.get("ffill") and
                                            last.get("Order ID") == line["Order ID"] else None) or currency_default
        out.append(line)
        last = line
    countries = {line.get("Country") for line in out}
    if "mapping" not in plan and "headers" not in plan and len(countries) == 1 and countries <= set(COUNTRY_CURRENCY):
        from_country = COUNTRY_CURRENCY[countries.pop()]
        for line in out:
            if line["Currency"] in (None, currency_default):
                line["Currency"] = from_country
    return out, skipped


def compare(path: Path, plan: dict):
    exp = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    lines, skipped = normalise(path, plan, exp["options"])
    check(len(lines) == exp["rows_read"] == len(exp["lines"]), f"{path.name}: rows {len(lines)} vs {exp['rows_read']}")
    check(skipped == exp["skipped_rows"], f"{path.name}: skipped {skipped} vs {exp['skipped_rows']}")
    for n, (got, want) in enumerate(zip(lines, exp["lines"])):
        if got != want:
            keys = sorted(set(got) | set(want))
            diff = {k: (got.get(k, "<absent>"), want.get(k, "<absent>")) for k in keys if got.get(k, 1) != want.get(k, 1)}
            problems.append(f"{path.name}: line {n}: {str(diff)[:400]}")
    # Shape of the data.
    if not plan.get("demo"):
        check(3 <= len(lines) <= 25, f"{path.name}: {len(lines)} lines")
    by_order: dict[str, list] = {}
    for line in exp["lines"]:
        by_order.setdefault(line["Order ID"], []).append(line)
        check(re.fullmatch(r"5[78]\d{16}", line["Order ID"]) is not None, f"{path.name}: order id {line['Order ID']}")
        if line.get("SKU ID"):
            check(re.fullmatch(r"17\d{17}", line["SKU ID"]) is not None, f"{path.name}: sku id {line['SKU ID']}")
    check(sum(len(v) > 1 for v in by_order.values()) >= 2, f"{path.name}: fewer than 2 multi-line orders")
    sku_key = "SKU ID" if "SKU ID" in exp["lines"][0] else "Seller SKU"
    check(any(len(v) != len({x[sku_key] for x in v}) for v in by_order.values()),
          f"{path.name}: no order with the same SKU on two lines")
    for v in by_order.values():  # order-level values agree on every line of an order
        for name in ORDER_LEVEL & set(v[0]):
            check(len({json.dumps(x[name]) for x in v}) == 1, f"{path.name}: {name} differs within an order")
    for line in exp["lines"]:
        for k in ("Order Status", "Order Substatus"):
            if line.get(k) is not None:
                check(line[k] in gen.CANONICAL_STATUSES, f"{path.name}: status {line[k]}")
    return exp


def cell_at(path: Path, row: int, column: str, sheet="OrderSKUList", encoding="utf-8"):
    if path.suffix == ".xlsx":
        ws = openpyxl.load_workbook(path)[sheet]
        header = [c.value for c in ws[1]]
        return ws.cell(row=row, column=header.index(column) + 1)
    grid = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding, header=None).values.tolist()
    return grid[row - 1][grid[0].index(column)]


def check_errors():
    E = EXPORTS
    amb, amb_th = (E / "ambiguous_dates.csv").read_bytes(), (E / "ambiguous_dates_th.csv").read_bytes()
    check(amb == amb_th, "ambiguous_dates*.csv differ")
    grid = pd.read_csv(E / "ambiguous_dates.csv", dtype=str, keep_default_na=False).values.tolist()
    dates = [c for row in grid for c in row if re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", c)]
    check(dates and all(int(d[:2]) <= 12 and int(d[3:5]) <= 12 for d in dates), "ambiguous dates are not ambiguous")

    v = cell_at(E / "mangled_sci.csv", 3, "Order ID")
    check(re.fullmatch(r"\d\.\d+E\+\d+", v) is not None, f"mangled_sci row 3: {v!r}")
    c = cell_at(E / "mangled_float.xlsx", 2, "Order ID")
    check(c.data_type == "n" and isinstance(c.value, float), f"mangled_float: {c.value!r}")
    v = cell_at(E / "mangled_dotzero.csv", 2, "SKU ID")
    check(v.endswith(".0") and len(v) == 21, f"mangled_dotzero: {v!r}")
    check(all(r[0].isdigit() for r in pd.read_csv(E / "mangled_dotzero.csv", dtype=str).values.tolist()),
          "mangled_dotzero: order ids damaged too")

    head = pd.read_csv(E / "missing_quantity.csv", dtype=str, nrows=0).columns.tolist()
    check("Quantity" not in head and "Order ID" in head, "missing_quantity header")
    exp = json.loads((E / "bad_quantity.expected.json").read_text("utf-8"))
    check(cell_at(E / "bad_quantity.csv", exp["row"], "Quantity") == "two", "bad_quantity: 'two' not at its row")

    for name, enc in (("latin1.csv", "cp1252"), ("mabang_gb18030.csv", "gb18030"), ("mapped_shop.csv", "cp1252")):
        raw = (E / name).read_bytes()
        try:
            raw.decode("utf-8")
            problems.append(f"{name} decodes as UTF-8")
        except UnicodeDecodeError:
            pass
        raw.decode(enc)
    check("José Müller".encode("cp1252") in (E / "latin1.csv").read_bytes(), "latin1: no José Müller")
    check((E / "latin1.csv").read_bytes() == (E / "latin1_with_setting.csv").read_bytes(), "latin1 files differ")
    check("Order ID" not in (E / "not_orders.csv").read_text("utf-8"), "not_orders has Order ID")

    raw = (E / "hostile.csv").read_text("utf-8")
    check("\x0b" in raw and "\n" in raw.replace("\r\n", ""), "hostile: no VT or embedded newline")
    exp = json.loads((E / "hostile.expected.json").read_text("utf-8"))
    check(max(len(x["Buyer Message"] or "") for x in exp["lines"]) == 32000, "hostile: no 32,000-char message")


def check_files():
    for path in sorted(EXPORTS.glob("*.csv")) + sorted(DEMO.glob("*.csv")):
        raw = path.read_bytes()
        check(raw.startswith(b"\xef\xbb\xbf") == (path.name == "vn_bom.csv"), f"{path.name}: BOM")
    for path in sorted(EXPORTS.glob("*.xlsx")) + sorted(DEMO.glob("*.xlsx")):
        z = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
        core = z.read("docProps/core.xml").decode()
        check("2026-11-25T00:00:00Z" in core and all(i.date_time == (2026, 11, 25, 0, 0, 0) for i in z.infolist()),
              f"{path.name}: timestamps not pinned")
    for path in sorted(EXPORTS.glob("*.expected.json")):
        exp = json.loads(path.read_text("utf-8"))
        data = [p for p in EXPORTS.glob(path.name.replace(".expected.json", ".*")) if not p.name.endswith(".json")
                and not p.name.endswith(".toml")]
        check(len(data) == 1, f"{path.name}: data file {data}")
        if "lines" in exp and data[0].name not in PLAN:
            problems.append(f"{data[0].name}: not verified")
    inv = pd.read_csv(DEMO / "inventory.csv", dtype=str)
    check(list(inv.columns) == ["Seller SKU", "Product Name", "Variation", "On Hand", "Zone", "Bin", "Unit Cost",
                                "Currency"], "inventory header")
    bundles = pd.read_csv(DEMO / "bundles.csv", dtype=str)
    check(list(bundles.columns) == ["Bundle SKU", "Component SKU", "Quantity"], "bundles header")
    check(set(bundles["Component SKU"]) <= set(inv["Seller SKU"]), "bundle component not in inventory")


def digest() -> dict[str, str]:
    return {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest()
            for d in (EXPORTS, DEMO) for p in sorted(d.iterdir()) if p.is_file()}


def main():
    before = digest()
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_samples.py")], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    after = digest()
    check(before == after, f"not deterministic: {[k for k in after if before.get(k) != after[k]]}")
    for name, plan in PLAN.items():
        path = (DEMO if plan.get("demo") else EXPORTS) / name
        compare(path, plan)
    check_errors()
    check_files()
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"ok: {len(after)} files, {len(PLAN)} truth files verified, generator deterministic")


if __name__ == "__main__":
    main()
