"""The upsert rules of stock rows into the Inventory sheet (tkops.stock.upsert), pure: what changes, what is kept,
what is counted and reported."""

from __future__ import annotations

import pandas as pd

from tkops.stock import combine, upsert_stock
from tkops.stock.upsert import KEYS


def incoming(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


def test_combine_keeps_file_order_drops_rows_without_a_sku_and_adds_up_per_sku_and_bin():
    rows = combine(incoming(seller_sku=["B", None, " ", "a", "A", "A"], bin=[None, "X", None, "1", "1", "2"],
                            on_hand=[1, 5, 5, 2, 3, 4]))
    assert list(rows.columns) == KEYS
    got = rows[["seller_sku", "bin", "on_hand"]].astype(object)
    assert got.where(got.notna(), None).values.tolist() == [["B", None, 1], ["a", "1", 5], ["A", "2", 4]]
    assert list(rows.index) == [0, 1, 2]


def test_an_empty_sheet_gets_exactly_the_files_columns():
    out, counts = upsert_stock(pd.DataFrame(), incoming(seller_sku=["A"], on_hand=[2], bin=[None]))
    assert list(out.columns) == ["Seller SKU", "On Hand"] and out.values.tolist() == [["A", 2]]
    assert list(out.index) == [0] and counts.new == 1


def test_blank_cells_in_the_file_never_erase_and_later_columns_still_update():
    sheet = pd.DataFrame({"Seller SKU": ["A", "B"], "Product Name": ["Tee", "Mug"], "On Hand": [1, 1],
                          "Bin": ["Y-1", "Z-1"]})
    out, counts = upsert_stock(sheet, incoming(seller_sku=["A", "B"], product_name=[None, "  "], on_hand=[7, 8],
                                               bin=[None, "Z-1"]))
    assert out[["Product Name", "On Hand", "Bin"]].values.tolist() == [["Tee", 7, "Y-1"], ["Mug", 8, "Z-1"]]
    assert (counts.new, counts.updated, counts.unchanged) == (0, 2, 0)
    assert list(out.columns) == list(sheet.columns) and list(out.index) == [0, 1]


def test_equal_values_count_as_unchanged_numbers_by_value_text_as_shown():
    sheet = pd.DataFrame({"Seller SKU": ["A", "B"], "On Hand": ["4.0", 5], "Unit Cost": ["2.50", 1.0],
                          "Zone": ["01", "B"]})
    out, counts = upsert_stock(sheet, incoming(seller_sku=["A", "B"], on_hand=[4, 5], unit_cost=[2.5, 1],
                                               zone=["01", "B"]))
    assert (counts.updated, counts.unchanged) == (0, 2)
    changed, counts = upsert_stock(sheet, incoming(seller_sku=["A"], zone=["1"]))
    assert changed.loc[0, "Zone"] == "1" and counts.updated == 1  # "01" and "1" are different zones


def test_a_file_with_bins_fills_the_bin_of_a_lone_row_even_without_a_bin_column():
    sheet = pd.DataFrame({"Seller SKU": ["A"], "On Hand": [1]})
    out, counts = upsert_stock(sheet, incoming(seller_sku=["A"], bin=["K-9"], on_hand=[3]))
    assert out[["Seller SKU", "On Hand", "Bin"]].values.tolist() == [["A", 3, "K-9"]]
    assert (counts.new, counts.updated) == (0, 1)


def test_one_total_for_a_sku_in_two_bins_changes_the_rest_and_reports_on_hand():
    sheet = pd.DataFrame({"Seller SKU": ["A", "A", "B"], "Bin": ["1", "2", "3"], "On Hand": [3, 4, 1],
                          "Unit Cost": [1.0, 1.0, 2.0]})
    out, counts = upsert_stock(sheet, incoming(seller_sku=["A", "B"], on_hand=[10, 1], unit_cost=[1.5, 2.0]))
    assert out["On Hand"].tolist() == [3, 4, 1]  # not split by bin
    assert out["Unit Cost"].tolist() == [1.5, 1.5, 2.0]
    assert counts.multi_bin == [("A", ["1", "2"], 10)]
    assert (counts.updated, counts.unchanged) == (1, 1)
    same, counts = upsert_stock(sheet, incoming(seller_sku=["A"], on_hand=["7"]))  # the same total: nothing to say
    assert counts.multi_bin == [] and counts.unchanged == 1


def test_two_rows_of_a_sku_without_a_bin_column_are_reported_with_blank_bins():
    sheet = pd.DataFrame({"Seller SKU": ["A", "a"], "On Hand": [1, 1]})
    out, counts = upsert_stock(sheet, incoming(seller_sku=["A"], on_hand=[5]))
    assert counts.multi_bin == [("A", ["", ""], 5)] and out["On Hand"].tolist() == [1, 1]
    assert len(out) == 2  # no new row either


def test_new_skus_go_below_in_file_order_and_every_row_of_the_file_is_used():
    sheet = pd.DataFrame({"Seller SKU": ["A"], "On Hand": [1], "Note": ["keep"]})
    out, counts = upsert_stock(sheet, incoming(seller_sku=["N1", "A", "N2"], on_hand=[5, 2, 6]))
    assert out[["Seller SKU", "On Hand", "Note"]].values.tolist() == [["A", 2, "keep"], ["N1", 5, None],
                                                                      ["N2", 6, None]]
    assert list(out.index) == [0, 1, 2]
    assert (counts.new, counts.updated, counts.unchanged) == (2, 1, 0)
