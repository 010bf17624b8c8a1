"""tkops pack on a real workbook: the demo's first wave packed by scanning only, mistakes caught, an override with
its reason, the sheets read back."""

from __future__ import annotations

import datetime as dt

import openpyxl

from tkops.cli import main

from pack.conftest import BARCODES, sheet_records, wave_scans

NOW = "2026-11-25T13:10"


def pack(path, tmp_path, scans, *extra):
    file = tmp_path / "scans.txt"
    file.write_text("".join(s if s.endswith(("\n", "\t")) else s + "\n" for s in scans).replace("\t", "\t\n"),
                    encoding="utf-8")
    return main(["pack", "--book", str(path), "--scans", str(file), "--packer", "Mei", "--now", NOW, *extra])


def test_the_first_wave_is_packed_by_scanning_only(packing_book, tmp_path, capsys):
    scans, orders = wave_scans(packing_book)
    assert len(orders) >= 3 and len(scans) > 2 * len(orders)
    assert pack(packing_book, tmp_path, scans) == 0
    out = capsys.readouterr().out
    assert f"{len(scans)} scans: {len(orders)} orders packed, 0 by override, 0 mistakes caught, 0 orders left" in out
    rows = sheet_records(packing_book, "Orders")
    wave1 = [r for r in rows if r["Order ID"] in orders]
    assert {(r["Packed"], r["QC OK"], r["Packed By"]) for r in wave1} == {("Yes", "Yes", "Mei")}
    assert {r["Packed At"] for r in wave1} == {dt.datetime(2026, 11, 25, 13, 10)}
    assert all(not r["Packed"] for r in rows if r["Order ID"] not in orders)
    log = sheet_records(packing_book, "PackLog")
    assert len(log) == len(scans)
    assert [r["Verdict"] for r in log].count("order_complete") == len(orders)
    assert {r["Verdict"] for r in log} == {"order_opened", "right_item", "order_complete"}
    assert all(isinstance(r["Order ID"], str) and len(r["Order ID"]) == 18 for r in log)
    ws = openpyxl.load_workbook(packing_book)["Pack"]
    last = list(orders)[-1]
    assert ws["A1"].value == "Scan here" and ws["B1"].value is None and ws["E1"].value == "Mei"
    assert ws["A2"].value.startswith(f"Order {last} complete:") and ws["A2"].fill.start_color.rgb[-6:] == "00B050"
    assert [ws["A3"].value, ws["B3"].value] == ["Order", last] and ws["D3"].value == ws["E3"].value
    assert [c.value for c in ws[5]] == ["Seller SKU", "Product / Variation", None, "Wanted", "Packed"]
    assert [(c.value, ws.cell(r, 4).value == ws.cell(r, 5).value) for r, c in
            ((r, ws.cell(r, 1)) for r in range(6, 6 + len(orders[last])))][0][1]


def test_mistakes_are_caught_and_an_override_needs_a_reason(packing_book, tmp_path, capsys):
    _, orders = wave_scans(packing_book)
    order, lines = next((o, ls) for o, ls in orders.items() if sum(int(x["Quantity"]) for x in ls) >= 1)
    first = lines[0]["Seller SKU"]
    other = next(o for o in orders if o != order)
    scans = [order, "0000000", BARCODES["HOOD-NVY-M"] if first != "HOOD-NVY-M" else "TEE-BLK-S", "OVERRIDE:",
             "OVERRIDE: buyer agreed by chat to ship the rest later", other]
    assert pack(packing_book, tmp_path, scans, "--lang", "zh") == 0
    log = sheet_records(packing_book, "PackLog")
    assert [r["Verdict"] for r in log] == ["order_opened", "unknown_code", "not_in_order", "override_no_reason",
                                           "override", "order_opened"]
    assert log[4]["Reason"] == "buyer agreed by chat to ship the rest later"
    assert "强制" in log[4]["Message"]
    overridden = [r for r in sheet_records(packing_book, "Orders") if r["Order ID"] == order]
    assert {(r["Packed"], r["QC OK"]) for r in overridden} == {("Yes", "No")}
    assert all("buyer agreed by chat" in r["Pack Override"] for r in overridden)
    assert "拦截错误 2 次" in capsys.readouterr().out


def test_a_second_run_carries_on_where_the_first_stopped(packing_book, tmp_path):
    scans, orders = wave_scans(packing_book)
    order = next(iter(orders))
    head = scans[:2]  # the first order's slip and its first item
    assert pack(packing_book, tmp_path, head) == 0
    rest = [s for s in scans[2:]]
    assert pack(packing_book, tmp_path, rest) == 0
    rows = [r for r in sheet_records(packing_book, "Orders") if r["Order ID"] == order]
    assert {r["Packed"] for r in rows} == {"Yes"}


def test_a_scans_file_that_is_missing_or_empty_is_a_clear_message(packing_book, tmp_path, capsys):
    assert main(["pack", "--book", str(packing_book), "--scans", str(tmp_path / "nope.txt")]) == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n", encoding="utf-8")
    assert main(["pack", "--book", str(packing_book), "--scans", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "nope.txt: no such file" in err and "empty.txt: no scans in the file" in err
    assert "Traceback" not in err
