"""Every market's export read in full: address columns of each layout land in the canonical columns, status words of
each language become canonical statuses, the import names the headers it ignored, and the review never asks a
line for an address part its export had no column for (docs/exports.md)."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from conftest import EXPORTS

from tkops import statuses
from tkops.cli import main
from tkops.settings import Settings
from tkops.sources import read_orders

NOW = "2026-11-26T10:00:00"


def records(book, sheet: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(book)[sheet].iter_rows(values_only=True))
    header = list(rows[0])
    return [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r)]


# --- status words of each export ----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "market", "words"), [
    ("th_substatus.csv", "TH", {"อยู่ระหว่างงานขนส่ง": "In Transit", "ยกเลิกคำสั่งซื้อ": "Cancelled"}),
    ("id_regency.csv", "ID", {"Sedang transit": "In Transit"}),
    ("de_orders.csv", "DE", {"Storniert": "Cancelled"}),
    ("jp_orders.csv", "JP", {"キャンセル済み": "Cancelled"}),
    ("my_orders.csv", "MY", {"Dihantar": "Shipped"}),
    ("br_orders.csv", "BR", {"Cancelado": "Cancelled"}),
])
def test_exports_read_their_status_and_substatus_words(name, market, words):
    path = EXPORTS / name
    raw = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    frame = read_orders(path, Settings(market=market)).table.frame
    for word, canon in words.items():
        for column, key in (("Order Status", "order_status"), ("Order Substatus", "order_substatus")):
            ids = [r["Order ID"] for r in raw if r.get(column) == word]
            if ids:
                got = set(frame.loc[frame["order_id"].isin(ids), key])
                assert got == {canon}, (column, word, got)
        assert any(word in (r.get("Order Status"), r.get("Order Substatus")) for r in raw), word
    assert set(frame["order_status"].dropna()) <= set(statuses.CANONICAL)


# --- address columns ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "market", "header", "key"), [
    ("id_regency.csv", "ID", "Regency and City", "city"), ("id_regency.csv", "ID", "Villages", "villages"),
    ("my_orders.csv", "MY", "Post Town", "city"), ("ph_orders.csv", "PH", "Municipality", "city"),
    ("ph_orders.csv", "PH", "Barangay", "districts"), ("ph_orders.csv", "PH", "Region", "region"),
])
def test_each_layouts_address_columns_fill_the_canonical_column(name, market, header, key):
    path = EXPORTS / name
    raw = [r for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
           if r["Order ID"].isdigit()]
    frame = read_orders(path, Settings(market=market)).table.frame
    want = {r["Order ID"]: r[header] for r in raw if r[header]}
    assert want, "the sample must carry the column"
    got = dict(zip(frame["order_id"], frame[key]))
    assert all(got[k] == v for k, v in want.items())


# --- ignored headers ------------------------------------------------------------------------------------------

def test_the_import_names_the_headers_it_ignored_in_the_summary_and_the_import_log(tmp_path, capsys):
    text = (EXPORTS / "us_2025.csv").read_text(encoding="utf-8-sig").splitlines()
    rows = list(csv.reader(text))
    rows[0] += ["Gift Wrap Note", "Loyalty Tier"]
    for row in rows[1:]:
        row += ["ribbon", "gold"]
    path = tmp_path / "us_extra.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    book = tmp_path / "ops.xlsx"
    capsys.readouterr()
    assert main(["import", str(path), "--book", str(book), "--market", "US"]) == 0
    out = capsys.readouterr().out
    assert "us_extra.csv: 2 column(s) not imported" in out and "Gift Wrap Note, Loyalty Tier" in out
    log = records(book, "ImportLog")
    assert log[-1]["Ignored Headers"] == "Gift Wrap Note, Loyalty Tier"
    assert main(["import", str(path), "--book", str(book), "--market", "US", "--lang", "zh"]) == 0
    assert "列未导入" in capsys.readouterr().out
    # a file tkops reads whole says nothing about ignored columns and logs none
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(tmp_path / "b.xlsx"), "--market", "US"]) == 0
    assert "not imported" not in capsys.readouterr().out
    assert records(tmp_path / "b.xlsx", "ImportLog")[-1]["Ignored Headers"] is None


# --- what the review asks for ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "market", "drop", "lacks"), [
    ("id_regency.csv", "ID", None, None), ("my_orders.csv", "MY", None, None), ("vn_bom.csv", "VN", None, "Zipcode"),
    ("th_substatus.csv", "TH", None, None), ("ph_orders.csv", "PH", None, "Zipcode"),
    ("sg_orders.csv", "SG", None, "City, State"),
    # layouts without a column the destination needs (an older or trimmed export): never asked for it
    ("my_orders.csv", "MY", "Zipcode", "Zipcode"), ("id_regency.csv", "ID", "Regency and City", "City"),
])
def test_no_false_missing_part_alarms_on_every_layout(tmp_path, capsys, name, market, drop, lacks):
    path = all_open(EXPORTS / name, tmp_path, drop=drop)
    book = tmp_path / "ops.xlsx"
    # A book that already holds a layout with every address column (the US 2025 one): the sheet has Zipcode, City
    # and State columns, so only the line's own record can say its export had none.
    us = all_open(EXPORTS / "us_2025.csv", tmp_path)
    assert main(["import", str(us), "--book", str(book), "--market", "US"]) == 0
    assert main(["import", str(path), "--book", str(book), "--market", market]) == 0
    out = capsys.readouterr().out
    assert (f"the file has no {lacks} column" in out) == bool(lacks)
    ids = {r[0] for r in csv.reader(io.StringIO(path.read_text(encoding="utf-8")))}
    orders = [o for o in records(book, "Orders") if o["Order ID"] in ids]
    assert len(orders) >= 7 and {o.get("tkops Export Lacks") for o in orders} == {lacks}
    if market in ("ID", "MY") and drop != "Regency and City":
        assert all(o["City"] for o in orders)  # from Regency and City / Post Town
    assert main(["review", "--book", str(book), "--now", NOW]) == 0
    assert {o["Order Status"] for o in orders} == {"Awaiting Shipment"}  # every line is one the review looks at
    review = records(book, "Review")
    assert [r for r in review if r.get("Code") == "address.missing_part" and r["Order ID"] in ids] == []


def all_open(path, tmp_path, blank: tuple[str, str] | None = None, drop: str | None = None):
    """``path`` with every order awaiting shipment (so the review looks at every line); ``blank`` = (header, Order
    ID): that cell emptied; ``drop``: that column removed."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    if drop:
        at = rows[0].index(drop)
        rows = [r[:at] + r[at + 1:] for r in rows]
    head = rows[0]
    for row in rows[1:]:
        if row and row[0].isdigit():
            row[head.index("Order Status")] = "Awaiting Shipment"
            for column in ("Order Substatus", "Cancelation/Return Type", "Cancelled Time", "Shipped Time",
                           "Delivered Time", "Cancel By", "Cancel Reason", "Tracking ID"):
                if column in head:
                    row[head.index(column)] = ""
            if blank and row[0] == blank[1]:
                row[head.index(blank[0])] = ""
    out = tmp_path / f"open_{path.name}"
    with out.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return out


def test_a_line_whose_export_carried_the_column_is_still_asked_for_it(tmp_path):
    """The same Malaysian file with one City (Post Town) emptied: that line, and only that line, is asked."""
    target = "580189546697955811"
    path = all_open(EXPORTS / "my_orders.csv", tmp_path, blank=("Post Town", target))
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(path), "--book", str(book), "--market", "MY"]) == 0
    assert main(["review", "--book", str(book), "--now", NOW]) == 0
    missing = [r for r in records(book, "Review") if r.get("Code") == "address.missing_part"]
    assert [(r["Order ID"], r["Column"]) for r in missing] == [(target, "City")]
