"""The reorder core against hand-computed cases: units sold in 7 and 30 days, velocity, days of cover, the reorder
point and the suggested quantity, bundles, defaults from the SKU, its supplier and the settings, bad cells."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from tkops.errors import DataError
from tkops.messages import render
from tkops.stock.reorder import COLUMNS, Defaults, reorder, to_reorder, units, units_sold, whole_numbers

NOW = dt.datetime(2026, 11, 30, 12, 0)


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def sale(sku: str, qty, days: float | None, status: str = "Shipped", paid_days: float | None = None) -> dict:
    """A line created ``days`` before NOW (None: no Created Time), paid ``paid_days`` before."""
    return {"seller_sku": sku, "quantity": qty, "order_status": status,
            "created_time": ago(days) if days is not None else None,
            "paid_time": ago(paid_days) if paid_days is not None else None}


def lines(*sales: dict) -> pd.DataFrame:
    return pd.DataFrame(list(sales), columns=["seller_sku", "quantity", "order_status", "created_time", "paid_time"])


def sheet(rows: list[dict], headers: list[str]) -> pd.DataFrame:
    """A sheet frame indexed by sheet row (2, 3, ...), as the job hands it over."""
    frame = pd.DataFrame(rows, columns=headers)
    return frame.set_axis(range(2, 2 + len(frame)))


INV_HEADERS = ["Seller SKU", "Product Name", "On Hand", "Bin", "Supplier", "Lead Time Days", "Cover Days",
               "On Order", "Safety Stock"]


def inv(*rows: dict) -> pd.DataFrame:
    return sheet(list(rows), INV_HEADERS)


def item(sku: str, on_hand=0, **cells) -> dict:
    names = {"supplier": "Supplier", "lead": "Lead Time Days", "cover": "Cover Days", "on_order": "On Order",
             "safety": "Safety Stock", "bin": "Bin", "name": "Product Name"}
    return {"Seller SKU": sku, "On Hand": on_hand, **{names[k]: v for k, v in cells.items()}}


def run(sales: pd.DataFrame, inventory: pd.DataFrame, bundles=None, suppliers=None, defaults=Defaults(10, 20)):
    return reorder(sales, inventory, bundles, suppliers, NOW, defaults, file="ops.xlsx").set_index("sku")


def test_a_sku_with_no_sales_has_zero_velocity_no_cover_no_suggestion_and_is_not_flagged():
    t = run(lines(sale("TEE", 2, 1)), inv(item("TEE", 5), item("MUG", 0, safety=3)))
    mug = t.loc["MUG"]
    assert (mug["sold_7d"], mug["sold_30d"], mug["velocity"]) == (0, 0, 0)
    assert math.isnan(mug["days_of_cover"]) and math.isnan(mug["suggested_qty"])
    assert mug["status"] == "no_sales" and not mug["below"]
    assert list(t.index) == ["TEE", "MUG"]  # no sales last
    assert list(t.reset_index().columns) == list(COLUMNS)


def test_seven_day_and_thirty_day_velocity_the_higher_wins():
    # RISE: 7 units in the last week, 9 in the month: 7/7 = 1.0 > 9/30 = 0.3. FALL: nothing this week, 60 in the
    # month: 60/30 = 2.0 > 0. A line exactly 7 days old counts for 30 days only; one exactly 30 days old for none.
    sales = lines(sale("RISE", 3, 0.5), sale("RISE", 4, 6.9), sale("RISE", 2, 7), sale("FALL", 60, 29.9),
                  sale("FALL", 100, 30), sale("FALL", 5, -1))  # a line after now is not a sale yet
    t = run(sales, inv(item("RISE", 10), item("FALL", 10)))
    assert t.loc["RISE", ["sold_7d", "sold_30d", "velocity"]].tolist() == [7, 9, 1.0]
    assert t.loc["FALL", ["sold_7d", "sold_30d", "velocity"]].tolist() == [0, 60, 2.0]
    assert t.loc["RISE", "days_of_cover"] == 10.0 and t.loc["FALL", "days_of_cover"] == 5.0
    # lead 10 + cover 20 = 30 days: RISE 1 x 30 - 10 = 20; FALL 2 x 30 - 10 = 50
    assert t.loc["RISE", "suggested_qty"] == 20 and t.loc["FALL", "suggested_qty"] == 50
    # reorder point = velocity x lead: RISE 10 < 10 is false; FALL 10 < 20
    assert not t.loc["RISE", "below"] and t.loc["FALL", "below"]
    assert t.loc["RISE", "status"] == "ok" and t.loc["FALL", "status"] == "reorder"


def test_cancelled_and_unpaid_lines_are_not_sales_and_skus_match_whatever_their_case_and_spaces():
    sales = lines(sale("TEE", 5, 1, "Cancelled"), sale("TEE", 4, 1, "Unpaid"), sale("TEE", 3, 1, "cancelado"),
                  sale(" tee ", 7, 1, "Awaiting Shipment"), sale("TEE", "x", 1), sale("", 9, 1))
    t = run(sales, inv(item("TEE", 0)))
    assert t.loc["TEE", "sold_7d"] == 7


def test_paid_time_when_there_is_no_created_time_and_a_line_with_neither_is_not_counted():
    sales = lines(sale("TEE", 2, None, paid_days=3), sale("TEE", 5, None), sale("TEE", 1, 20, paid_days=1))
    t = run(sales, inv(item("TEE", 0)))
    assert t.loc["TEE", ["sold_7d", "sold_30d"]].tolist() == [2, 3]  # Created Time wins over Paid Time


def test_a_bundle_sold_moves_its_components_and_is_not_a_stock_row_itself():
    bundles = sheet([{"Bundle SKU": "GIFT", "Component SKU": "MUG", "Quantity": 1},
                     {"Bundle SKU": "GIFT", "Component SKU": "CAP", "Quantity": 2}],
                    ["Bundle SKU", "Component SKU", "Quantity"])
    sales = lines(sale("GIFT", 2, 3), sale("MUG", 1, 10))
    t = run(sales, inv(item("GIFT", 0), item("MUG", 4), item("CAP", 7)), bundles)
    assert "GIFT" not in t.index
    assert t.loc["MUG", ["sold_7d", "sold_30d"]].tolist() == [2, 3]  # 2 gifts x 1 mug, and 1 mug alone
    assert t.loc["CAP", ["sold_7d", "sold_30d"]].tolist() == [4, 4]  # 2 gifts x 2 caps
    # CAP: velocity 4/7; 4/7 x 10 = 5.71 > 7 on hand? no: not below; ceil(4/7 x 30 - 7) = ceil(10.14) = 11
    assert not t.loc["CAP", "below"] and t.loc["CAP", "suggested_qty"] == 11
    # MUG: velocity max(2/7, 3/30) = 2/7; 4 < 2.86 no; ceil(8.57 - 4) = 5; cover 4 / (2/7) = 14 days
    assert t.loc["MUG", "suggested_qty"] == 5 and t.loc["MUG", "days_of_cover"] == pytest.approx(14.0)


def test_on_order_and_safety_stock_in_the_reorder_point_and_the_suggestion():
    # 7 sold this week: 1 a day; lead 10, cover 20. A: 8 + 5 - 4 = 9 < 10: below; ceil(30 + 4 - 8 - 5) = 21.
    # B: 8 + 6 - 4 = 10, not below; 20. C: nothing on order or kept back: 8 < 10; 30 - 8 = 22. D: far above: 0.
    sales = lines(*(sale(s, 7, 2) for s in "ABCD"))
    t = run(sales, inv(item("A", 8, on_order=5, safety=4), item("B", 8, on_order=6, safety=4), item("C", 8),
                       item("D", 100, on_order=3)))
    assert t.loc["A", ["on_order", "safety_stock", "below", "suggested_qty"]].tolist() == [5, 4, True, 21]
    assert t.loc["B", ["below", "suggested_qty"]].tolist() == [False, 20]
    assert t.loc["C", ["on_order", "safety_stock", "below", "suggested_qty"]].tolist() == [0, 0, True, 22]
    assert t.loc["D", ["below", "suggested_qty"]].tolist() == [False, 0]
    assert t.loc["A", "days_of_cover"] == 8.0  # on hand only: what is on the shelf today
    assert list(t.index) == ["A", "C", "B", "D"]  # below first (fewest days of cover first), then the rest


def test_lead_time_and_cover_days_from_the_sku_then_its_supplier_then_the_settings():
    suppliers = sheet([{"Supplier": "acme ltd", "Lead Time Days": 21, "Cover Days": None},
                       {"Supplier": "ACME LTD", "Lead Time Days": 99, "Cover Days": 99},  # named twice: first wins
                       {"Supplier": "Bolt", "Lead Time Days": "", "Cover Days": 45}],
                      ["Supplier", "Lead Time Days", "Cover Days"])
    sales = lines(*(sale(s, 14, 1) for s in ("OWN", "SUP", "SET", "BOLT")))  # 2 a day each
    t = run(sales, inv(item("OWN", 0, supplier="Acme Ltd", lead=5, cover=0), item("SUP", 0, supplier=" Acme Ltd "),
                       item("SET", 0, supplier="Nobody"), item("BOLT", 0, supplier="Bolt")),
            suppliers=suppliers, defaults=Defaults(lead_time_days=14, cover_days=30))
    assert t.loc["OWN", ["lead_time_days", "cover_days", "suggested_qty"]].tolist() == [5, 0, 10]
    assert t.loc["SUP", ["lead_time_days", "cover_days", "suggested_qty"]].tolist() == [21, 30, 102]
    assert t.loc["SET", ["lead_time_days", "cover_days", "suggested_qty"]].tolist() == [14, 30, 88]
    assert t.loc["BOLT", ["lead_time_days", "cover_days", "suggested_qty"]].tolist() == [14, 45, 118]
    assert t.loc["SUP", "supplier"] == "Acme Ltd" and t.loc["SET", "supplier"] == "Nobody"


def test_a_sku_in_several_bins_is_one_row_with_its_stock_added_and_its_first_cells():
    t = run(lines(sale("TEE", 7, 1)), inv(item("TEE", 3, bin="A-1", supplier="Acme"),
                                         item("TEE", 4, bin="B-2", on_order=2, lead=3),
                                         item("tee", 1, bin="C-3", on_order=9, lead=8)))
    assert len(t) == 1
    assert t.loc["TEE", ["on_hand", "on_order", "lead_time_days", "supplier"]].tolist() == [8, 2, 3, "Acme"]


def test_no_floating_point_unit_too_many():
    # 3 in 7 days is 3/7 a day; x 7 days is exactly 3 units, which floating point makes 3.0000000000000004
    t = run(lines(sale("TEE", 3, 1)), inv(item("TEE", 0, lead=4, cover=3)))
    assert t.loc["TEE", "suggested_qty"] == 3


def test_an_empty_inventory_gives_an_empty_table_and_no_lines_give_no_sales():
    assert list(reorder(lines(), inv(), None, None, NOW, file="ops.xlsx").columns) == list(COLUMNS)
    assert reorder(lines(), inv(), None, None, NOW, file="ops.xlsx").empty
    t = run(pd.DataFrame(), inv(item("TEE", 4)))
    assert t.loc["TEE", "status"] == "no_sales"
    assert units_sold(None, None, NOW).empty


SUPPLIER_FALLBACK = "the supplier's value (Suppliers sheet), else the Settings sheet's"


@pytest.mark.parametrize("header, value, hint", [
    ("Lead Time Days", "two weeks", SUPPLIER_FALLBACK), ("Cover Days", -3, SUPPLIER_FALLBACK),
    ("On Order", 2.5, "use 0."), ("Safety Stock", "1O", "use 0."), ("On Order", "inf", "use 0."),
    ("Safety Stock", "1000000000", "use 0.")])
def test_a_bad_inventory_cell_names_the_file_sheet_row_column_and_the_fix(header, value, hint):
    cells = {"Lead Time Days": "lead", "Cover Days": "cover", "On Order": "on_order", "Safety Stock": "safety"}
    with pytest.raises(DataError) as err:
        run(lines(), inv(item("TEE", 1), item("MUG", 1, **{cells[header]: value})))
    e = err.value
    assert e.code == "reorder.bad_number"
    assert (e.params["file"], e.params["sheet"], e.params["row"], e.params["column"], e.params["value"]) == (
        "ops.xlsx", "Inventory", 3, header, str(value))
    text = e.render("en")
    assert text.startswith(f'ops.xlsx, sheet Inventory, row 3, column "{header}": "{value}" is not a whole number')
    assert "leave the cell blank" in text and hint in text
    assert "第 3 行" in e.render("zh")


@pytest.mark.parametrize("header", ["Lead Time Days", "Cover Days"])
def test_a_bad_suppliers_cell_says_the_settings_value_is_used_when_blank(header):
    suppliers = sheet([{"Supplier": "Acme", header: 7}, {"Supplier": "Bolt", header: "ten"}], ["Supplier", header])
    with pytest.raises(DataError) as err:
        run(lines(), inv(item("TEE", 1)), suppliers=suppliers, )
    text = err.value.render("en")
    assert text.startswith(f'ops.xlsx, sheet Suppliers, row 3, column "{header}": "ten"')
    assert text.endswith("leave the cell blank to use the Settings sheet's value.")


def test_a_supplier_row_without_a_name_is_no_supplier_s_default():
    suppliers = sheet([{"Supplier": "", "Lead Time Days": 99, "Cover Days": 99},
                       {"Supplier": "Acme", "Lead Time Days": 1, "Cover Days": 2}],
                      ["Supplier", "Lead Time Days", "Cover Days"])
    t = run(lines(sale("TEE", 7, 1), sale("MUG", 7, 1)), inv(item("TEE", 0), item("MUG", 0, supplier="ACME")),
            suppliers=suppliers)
    assert t.loc["TEE", ["lead_time_days", "cover_days"]].tolist() == [10, 20]
    assert t.loc["MUG", ["lead_time_days", "cover_days", "suggested_qty"]].tolist() == [1, 2, 3]


def test_whole_numbers_accept_excel_floats_thousands_and_blanks():
    frame = sheet([{"On Order": 5.0}, {"On Order": "1,200"}, {"On Order": None}, {"On Order": " "},
                   {"On Order": 0}, {"On Order": 999_999_999}], ["On Order"])
    got = whole_numbers(frame, "On Order", ("f", "s"), "reorder.fallback.zero")
    assert got.tolist()[:2] == [5, 1200] and got.isna().tolist() == [False, False, True, True, False, False]
    assert got.tolist()[4:] == [0, 999_999_999]
    assert whole_numbers(frame, "Cover Days", ("f", "s"), "reorder.fallback.zero").isna().all()


def test_to_reorder_groups_the_skus_below_their_point_by_supplier_without_supplier_last():
    sales = lines(*(sale(s, 70, 1) for s in ("Z1", "A2", "A1", "N1", "OK")))
    t = reorder(sales, inv(item("Z1", 0, supplier="zeta"), item("A2", 0, supplier="Acme"),
                           item("A1", 0, supplier="acme"), item("N1", 0), item("OK", 10_000)),
                None, None, NOW, Defaults(10, 20), file="ops.xlsx")
    assert t.index.tolist() == [0, 1, 2, 3, 4]
    due = to_reorder(t)
    assert due["sku"].tolist() == ["A1", "A2", "Z1", "N1"]
    assert units(due["suggested_qty"].iloc[0]) == 300 and units(float("nan")) == 0 and units(None) == 0


def test_status_labels_exist_in_both_languages():
    assert [render(f"reorder.status.{s}", "en") for s in ("reorder", "ok", "no_sales")] == [
        "Reorder", "OK", "No sales"]
    assert render("reorder.status.reorder", "zh") == "需补货"


def test_times_typed_as_text_in_several_ways_and_junk_and_a_sheet_without_created_time():
    sales = pd.DataFrame({"seller_sku": ["TEE"] * 4, "quantity": [1, 2, 4, 8], "order_status": ["Shipped"] * 4,
                          "created_time": ["2026-11-29 10:00", "2026/11/28 09:30:00", "not a time", None],
                          "paid_time": [None, None, None, "2026-11-10T08:00"]})
    t = run(sales, inv(item("TEE", 0)))
    assert t.loc["TEE", ["sold_7d", "sold_30d"]].tolist() == [3, 11]  # junk is no time: not counted
    t = run(sales.drop(columns=["created_time"]), inv(item("TEE", 0)))
    assert t.loc["TEE", ["sold_7d", "sold_30d"]].tolist() == [0, 8]


def test_only_old_or_cancelled_lines_mean_no_sales():
    t = run(lines(sale("TEE", 5, 31), sale("TEE", 5, 2, "Cancelled")), inv(item("TEE", 3)))
    assert t.loc["TEE", ["sold_7d", "sold_30d", "status"]].tolist() == [0, 0, "no_sales"]


def test_to_reorder_keeps_the_table_columns_and_a_fresh_index():
    sales = lines(sale("B", 70, 1), sale("A", 70, 1), sale("C", 1, 1))
    due = to_reorder(reorder(sales, inv(item("A", 0, supplier="Zed"), item("B", 0, supplier="Amy"),
                                        item("C", 500)), None, None, NOW, Defaults(10, 20), file="ops.xlsx"))
    assert list(due.columns) == list(COLUMNS) and due.index.tolist() == [0, 1]
    assert due["sku"].tolist() == ["B", "A"] and due["below"].all()


def test_a_line_made_this_instant_counts_and_the_frame_may_be_indexed_by_sheet_row():
    sales = lines(sale("TEE", 2, 0), sale("TEE", 3, 3), sale("MUG", 1, 1, "Cancelled")).set_axis([7, 9, 12])
    t = run(sales, inv(item("TEE", 0), item("MUG", 0)))
    assert t.loc["TEE", "sold_7d"] == 5 and t.loc["MUG", "sold_7d"] == 0


def test_lines_without_a_status_column_all_count_and_without_quantity_or_sku_none_do():
    sales = lines(sale("TEE", 2, 1), sale("TEE", 3, 1, "Cancelled"))
    t = run(sales.drop(columns=["order_status"]), inv(item("TEE", 0)))
    assert t.loc["TEE", "sold_7d"] == 5
    assert run(sales.drop(columns=["quantity"]), inv(item("TEE", 0))).loc["TEE", "sold_7d"] == 0
    assert run(sales.drop(columns=["seller_sku"]), inv(item("TEE", 0))).loc["TEE", "status"] == "no_sales"


def test_a_blank_supplier_cell_in_the_first_bin_does_not_hide_the_second_bins():
    t = run(lines(), inv(item("TEE", 1, bin="A-1", supplier=" "), item("TEE", 1, bin="B-1", supplier="Acme")))
    assert t.loc["TEE", "supplier"] == "Acme"
